//! Product pages: which parts of a page that sells one thing are the shop's furniture
//! around the product's own description and specifications.

/// class/id words (whole tokens, see [`crate::prune::split_tokens`]) of the customer-review
/// section of a product page: other people's opinions of the product, like comments under
/// a story, are not the page's text.
pub const REVIEW_TOKENS: &[&str] = &["review", "reviews", "testimonials"];

/// `itemprop` values (schema.org microdata) of one customer review or of the reviews'
/// summary (stars, counts).
pub const REVIEW_ITEMPROPS: &[&str] = &["review", "reviews", "aggregaterating"];

/// A review section is dropped only while it holds less than this share of the page's
/// text: a page that is mostly one long review is a review article that declares the
/// product it reviews.
pub const MAX_REVIEW_SHARE: f32 = 0.6;

/// Wordings only a shop's customer reviews carry (lowercase, matched inside the section's
/// lowercased text): on a page that does not declare a product, a section named for
/// reviews goes only when it shows one of these.
pub const CUSTOMER_REVIEW_MARKERS: &[&str] = &[
    "verified purchase",
    "verified buyer",
    "found this helpful",
    "was this review helpful",
];

/// Whole headings (lowercase, spaces collapsed, without a trailing colon) over a product
/// page's customer-review section, for text mode ([`crate::textmode::shop`]): such a
/// heading opens the section only with a rating summary right under it
/// ([`RATING_SUMMARY_WORDINGS`]), as "Reviews" alone is also a tab, a menu entry or a
/// comparison table's row.
pub const REVIEW_HEADINGS: &[&str] = &[
    "reviews",
    "customer reviews",
    "product reviews",
    "ratings & reviews",
    "ratings and reviews",
    "reviews summary",
    "customer ratings",
    "write a review",
];

/// Openings of a review section's heading that name the product ("Customer reviews for
/// Terraria", "29 reviews for Minimalist Sandals", after an optional count): these need
/// no rating summary under them.
pub const REVIEWS_FOR_HEADINGS: &[&str] = &[
    "reviews for ",
    "review for ",
    "customer reviews for ",
    "product reviews for ",
];

/// Wordings of a review section's rating summary (lowercase, matched inside the line):
/// "Rated 4.4 out of 5 stars", "Based on 407 reviews", "There are no reviews yet". A bare
/// rating ("4.1", "3.72 / 5") and a bare count ("18 Reviews") are read as well.
pub const RATING_SUMMARY_WORDINGS: &[&str] =
    &["out of 5", "★", "no reviews yet", "be the first to review"];

/// A rating summary stands within this many lines under its heading (blank lines aside),
/// past a "Write a review" button or a sort control.
pub const RATING_SUMMARY_LINES: usize = 3;

/// A shop section ends the page only when at most this many words of prose stand below
/// its heading per word of prose above it: the product's description is above it, and a
/// page whose prose goes on below (a category's buying guide under "Recently viewed") is
/// not at its end.
pub const MAX_PROSE_BELOW_SHOP_SECTION: f32 = 0.5;

/// A review section shown by its heading and rating summary ends the page with up to this
/// many words of prose below it per word above: the customers' reviews are prose
/// themselves, often more of it than the product's description.
pub const MAX_PROSE_BELOW_REVIEWS: f32 = 4.0;

/// The words a bare price line may hold beside its amounts (lowercase): "Sale price
/// $12.00", "From $899.99", "Now $49", "US $18.00", "Prix 12,50 €". A short line with a
/// price and any other word is a menu's or a promotion's ("Gifts Under $150", "Deals under
/// $50"), not a shop's buy box or card.
pub const PRICE_LINE_WORDS: &[&str] = &[
    "price", "prices", "sale", "regular", "from", "now", "was", "only", "our", "list", "msrp",
    "each", "incl", "vat", "us", "usd", "eur", "gbp", "cad", "aud", "chf", "kr", "zł", "kč", "r",
    "ab", "nur", "preis", "prix", "dès", "precio", "desde",
];
