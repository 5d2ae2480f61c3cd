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
