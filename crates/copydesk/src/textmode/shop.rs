//! A product page's shop sections below the product: the customer reviews and the boxes
//! of other products ("Customers also bought", "Recently viewed", "Related items to
//! explore"). On a page that sells one thing, these stand under the product's description
//! and specifications, and everything from their heading down is the shop's, not the
//! page's: the reviews' stars, counts and texts, other products' names and prices, then
//! the footer. Headings in [`crate::rules::product`] and
//! [`crate::rules::recommendations::RECOMMENDATION_HEADINGS`].

use super::lines::Line;
use super::Verdict;
use crate::recommendations::folded_names_recommendations;
use crate::rules::product::{
    MAX_PROSE_BELOW_REVIEWS, MAX_PROSE_BELOW_SHOP_SECTION, RATING_SUMMARY_LINES,
    RATING_SUMMARY_WORDINGS, REVIEWS_FOR_HEADINGS, REVIEW_HEADINGS,
};

/// A heading line is never longer than this (bytes): the longest heading of the tables
/// with a product's name after it.
const MAX_HEADING_BYTES: usize = 160;

/// Drops every line still kept below the first shop-section heading ([`section`]) with
/// enough of the page's prose above it: two thirds for a box of other products
/// ([`MAX_PROSE_BELOW_SHOP_SECTION`]), a fifth for a review section
/// ([`MAX_PROSE_BELOW_REVIEWS`]; the reviews are prose too). The heading itself stays as it
/// was judged (some pages' own text ends in it); it may be a line an earlier step dropped
/// already ("Write a review", "You may also like"). One pass to count the prose, one to
/// find the heading.
pub fn apply(lines: &[Line<'_>], verdicts: &mut [Verdict]) {
    let n = lines.len().min(verdicts.len());
    let lines = &lines[..n];
    let prose = |l: &Line<'_>| if l.is_prose() { l.words } else { 0 };
    let total: usize = lines.iter().map(prose).sum();
    let mut above = 0usize;
    // One buffer for every line's folded text: this step reads every line below the first
    // paragraph, and an allocation each would cost more than the rest of it.
    let mut folded = String::new();
    for i in 0..n {
        // Where too much prose is still below for either section to end the page, the line
        // need not be read at all (most lines of a story).
        let below = total.saturating_sub(above) as f32;
        let could_end =
            below <= MAX_PROSE_BELOW_REVIEWS.max(MAX_PROSE_BELOW_SHOP_SECTION) * above as f32;
        if above > 0 && could_end {
            let ends_page = match section(lines, i, &mut folded) {
                Some(Section::Reviews) => below <= MAX_PROSE_BELOW_REVIEWS * above as f32,
                Some(Section::OtherProducts) => {
                    below <= MAX_PROSE_BELOW_SHOP_SECTION * above as f32
                }
                None => false,
            };
            if ends_page {
                for v in &mut verdicts[i + 1..n] {
                    if *v == Verdict::Keep {
                        *v = Verdict::Drop;
                    }
                }
                return;
            }
        }
        above += prose(&lines[i]);
    }
}

/// What a shop section's heading opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    /// The customers' reviews.
    Reviews,
    /// Other products ("Customers also bought").
    OtherProducts,
}

/// Which section line `i` heads, if any: other products under a heading the HTML path
/// reads as a recommendation box ([`folded_names_recommendations`]: "Similar items (12)",
/// a heading said twice); reviews under a heading naming the product
/// ([`REVIEWS_FOR_HEADINGS`]) or under a [`REVIEW_HEADINGS`] entry with a rating summary
/// within [`RATING_SUMMARY_LINES`] lines below it — and not right under a bare number, where
/// "Customer reviews" labels a count ("20K+" / "Customer reviews").
fn section(lines: &[Line<'_>], i: usize, folded: &mut String) -> Option<Section> {
    let text = lines[i].text;
    if text.is_empty() || text.len() > MAX_HEADING_BYTES || lines[i].is_prose() {
        return None;
    }
    fold_into(text, folded);
    let bare = folded.trim_end_matches(':').trim_end();
    if folded_names_recommendations(folded) {
        return Some(Section::OtherProducts);
    }
    let uncounted = bare
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == ',')
        .trim_start();
    if REVIEWS_FOR_HEADINGS
        .iter()
        .any(|h| uncounted.starts_with(h))
    {
        return Some(Section::Reviews);
    }
    if !REVIEW_HEADINGS.contains(&bare) {
        return None;
    }
    let under_a_number = lines[..i]
        .iter()
        .rev()
        .find(|l| !l.is_blank())
        .is_some_and(|l| is_bare_number(l.text));
    let rated = lines[i + 1..]
        .iter()
        .filter(|l| !l.is_blank())
        .take(RATING_SUMMARY_LINES)
        .any(|l| is_rating_summary(l.text));
    (rated && !under_a_number).then_some(Section::Reviews)
}

/// "20K+", "300", "1,234", "4.8": a number alone, perhaps with a thousands letter and a plus.
fn is_bare_number(text: &str) -> bool {
    let digits = text
        .trim_end_matches('+')
        .trim_end_matches(['k', 'K', 'm', 'M']);
    !digits.is_empty()
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
}

/// The line lowercased, its runs of whitespace made one space, typographic apostrophes
/// made straight, written into `out` (cleared first).
fn fold_into(text: &str, out: &mut String) {
    out.clear();
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '\u{2019}' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
}

/// Whether a line reads as a review section's rating summary: a [`RATING_SUMMARY_WORDINGS`]
/// wording, the word "star(s)" beside a number, or "based on … reviews", a bare rating ("4.1", "3.72 / 5")
/// or a bare count of reviews or ratings ("18 Reviews").
fn is_rating_summary(text: &str) -> bool {
    let lower = text.to_lowercase();
    if RATING_SUMMARY_WORDINGS.iter().any(|w| lower.contains(w)) {
        return true;
    }
    if lower.contains("based on") && lower.contains("review") {
        return true;
    }
    if lower.bytes().any(|b| b.is_ascii_digit())
        && lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "star" || w == "stars")
    {
        return true;
    }
    is_bare_rating(&lower) || is_review_count(&lower)
}

/// "4", "4.1", "3.72 / 5", "4.5/5": one digit, a decimal part, perhaps "/ 5".
fn is_bare_rating(lower: &str) -> bool {
    let value = lower
        .trim_end_matches(['5', ' '])
        .strip_suffix('/')
        .map_or(lower, str::trim_end);
    let mut parts = value.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let fraction = parts.next().unwrap_or("0");
    whole.len() == 1
        && whole.bytes().all(|b| b.is_ascii_digit())
        && !fraction.is_empty()
        && fraction.len() <= 2
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// "18 Reviews", "1,113 ratings": a count and the word only.
fn is_review_count(lower: &str) -> bool {
    let rest = lower.trim_start_matches(|c: char| c.is_ascii_digit() || c == ',');
    rest.len() < lower.len() && matches!(rest.trim(), "review" | "reviews" | "rating" | "ratings")
}

#[cfg(test)]
mod tests {
    use super::*;

    const DESCRIPTION: &str = "The Staple Tee is cut in a regular fit from combed cotton, \
        with a ribbed neck and side seams, and it keeps its shape wash after wash.";

    fn kept(text: &str) -> Vec<String> {
        crate::textmode::kept_by_step(text, apply)
    }

    #[test]
    fn reviews_under_the_product_go() {
        let text = format!(
            "Staple Tee\n$20.00\n{DESCRIPTION}\n{DESCRIPTION}\nSize: M\nCustomer Reviews\n4.4\n\
             Rated 4.4 out of 5 stars.\n369 Reviews\nGreat shirt, fits well.\nAbout us\nCareers"
        );
        let k = kept(&text);
        assert_eq!(
            k.last().map(String::as_str),
            Some("Customer Reviews"),
            "{k:?}"
        );
        assert_eq!(k.len(), 6, "{k:?}");
    }

    #[test]
    fn other_products_under_the_product_go() {
        for heading in [
            "Customers also bought",
            "Recently viewed",
            "Related products:",
        ] {
            let text = format!(
                "{DESCRIPTION}\n{DESCRIPTION}\n{heading}\nTank Top\n$15.00\nHoodie\n$45.00"
            );
            assert_eq!(kept(&text).len(), 3, "{heading}");
        }
        let text = format!("{DESCRIPTION}\n29 reviews for Minimalist Sandals\nRated 5 out of 5");
        assert_eq!(kept(&text).len(), 2);
    }

    #[test]
    fn reviews_as_a_tab_a_menu_entry_or_a_table_row_stay() {
        // A tab bar above the specifications, a footer's link, a comparison table's row.
        for text in [
            format!(
                "{DESCRIPTION}\n{DESCRIPTION}\nOverview\nSpecs\nReviews\nSee all Q & A\nModel\nROG"
            ),
            format!("{DESCRIPTION}\n{DESCRIPTION}\nAbout\nReviews\nCareers\nPress"),
            format!("{DESCRIPTION}\n{DESCRIPTION}\nReviews\n509\n119\n1316\nPrice\n$36.95"),
        ] {
            let all = text.lines().count();
            assert_eq!(kept(&text).len(), all, "{text}");
        }
    }

    #[test]
    fn reviews_end_the_page_with_less_prose_above_them() {
        // Customers' reviews, each a paragraph, three times the description's prose.
        let review = "I bought this for my son and he wears it every day, the cotton is soft \
                      and it has not shrunk at all after many washes.";
        let text =
            format!("{DESCRIPTION}\nCustomer reviews\n4.7 out of 5\n{review}\n{review}\n{review}");
        assert_eq!(kept(&text).len(), 2);
        // The same heading as a count's label in a row of figures ends nothing.
        let text = format!(
            "{DESCRIPTION}\n300K+\nMoves completed\n20K+\nCustomer reviews\n4.8★\n{review}"
        );
        assert_eq!(kept(&text).len(), 7);
    }

    #[test]
    fn a_heading_with_much_prose_below_it_ends_nothing() {
        // A story's "You may also like" box in the middle, the story going on below it.
        let p = "The council voted on Tuesday to rebuild the bridge that was closed after the \
                 flood, and work starts in the spring.";
        let text = format!("{p}\n{p}\nYou may also like\nSchools reopen\n{p}\n{p}");
        assert_eq!(kept(&text).len(), 6);
    }

    #[test]
    fn rating_summaries() {
        for yes in [
            "4.1",
            "3.72 / 5",
            "4.5/5",
            "18 Reviews",
            "1,113 ratings",
            "Based on 407 reviews",
            "5 ★",
            "There are no reviews yet.",
            "average rating 4.8 out of 5",
            "5 Stars",
        ] {
            assert!(is_rating_summary(yes), "{yes}");
        }
        for no in [
            "509",
            "All",
            "& up",
            "See more",
            "Star Wars: the toy line",
            "Careers",
        ] {
            assert!(!is_rating_summary(no), "{no}");
        }
    }
}
