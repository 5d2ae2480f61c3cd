//! Product pages: a page that presents one product for sale ([`Metadata::product`]) shows
//! its description and specifications; the customer reviews below them are other people's
//! words, read like a comment section, and go (tables in [`crate::rules::product`]).

use crate::dom::{Dom, NodeId};
use crate::metadata::Metadata;
use crate::prune::split_tokens;
use crate::rules::product::{
    CUSTOMER_REVIEW_MARKERS, MAX_REVIEW_SHARE, REVIEW_ITEMPROPS, REVIEW_TOKENS,
};
use crate::score::TextSizes;

/// Drops the furniture of a single-product page; returns how many subtrees went. A page
/// that calls itself an article (a review of a product) keeps everything; on a page that
/// does not declare a product, only review sections that show a shop review's wording
/// ([`CUSTOMER_REVIEW_MARKERS`]) go.
pub fn drop_furniture(dom: &mut Dom, meta: &Metadata) -> usize {
    if meta.page_type.as_deref() == Some("article") {
        return 0;
    }
    let declared = meta.product;
    let Some(body) = dom.body() else { return 0 };
    // Most pages name no reviews at all: one cheap look before measuring the page.
    if !dom.descendants(body).any(|id| may_name_reviews(dom, id)) {
        return 0;
    }
    let sizes = TextSizes::measure(dom, body);
    let page_text = sizes.text[body as usize] as f32;
    let holds_the_title = title_holders(dom, body);
    let mut drop: Vec<NodeId> = Vec::new();
    let mut walk = dom.descendants(body);
    while let Some(id) = walk.next() {
        if id == body || !is_review_section(dom, id) {
            continue;
        }
        if !holds_the_title.get(id as usize).copied().unwrap_or(false)
            && (sizes.text[id as usize] as f32) < MAX_REVIEW_SHARE * page_text
            && (declared || shows_customer_reviews(dom, id))
        {
            walk.skip_subtree(id);
            drop.push(id);
        }
        // Too big or holding the title: a wrapper whose name mentions reviews ("has the
        // reviews tab"); the review sections inside it are still looked for.
    }
    for &id in &drop {
        dom.detach(id);
    }
    drop.len()
}

/// Per node, whether it holds an `<h1>` (the page's title: the product's own part).
fn title_holders(dom: &Dom, body: NodeId) -> Vec<bool> {
    let mut holds = vec![false; dom.len()];
    for id in dom.descendants(body) {
        if !dom.is(id, &html5ever::local_name!("h1")) {
            continue;
        }
        for up in std::iter::once(id).chain(dom.ancestors(id)) {
            let Some(seen) = holds.get_mut(up as usize) else {
                break;
            };
            if *seen {
                break;
            }
            *seen = true;
        }
    }
    holds
}

/// Whether an element is customer reviews: microdata says so, or its class or id names
/// reviews.
fn is_review_section(dom: &Dom, id: NodeId) -> bool {
    let Some(el) = dom.element(id) else {
        return false;
    };
    let itemprop_says = el.attr("itemprop").is_some_and(|v| {
        v.split_whitespace()
            .any(|t| REVIEW_ITEMPROPS.iter().any(|p| t.eq_ignore_ascii_case(p)))
    });
    itemprop_says || names_reviews(el.class()) || names_reviews(el.id())
}

/// A quick filter for [`is_review_section`]: whether the class, id or `itemprop` of an
/// element spells "review", "rating" (`aggregateRating`) or "testimonial" anywhere, in
/// any case.
fn may_name_reviews(dom: &Dom, id: NodeId) -> bool {
    let Some(el) = dom.element(id) else {
        return false;
    };
    let spells = |value: &str| {
        let bytes = value.as_bytes();
        bytes
            .windows(6)
            .any(|w| w.eq_ignore_ascii_case(b"review") || w.eq_ignore_ascii_case(b"rating"))
            || bytes
                .windows(11)
                .any(|w| w.eq_ignore_ascii_case(b"testimonial"))
    };
    spells(el.class()) || spells(el.id()) || el.attr("itemprop").is_some_and(spells)
}

/// Whether a section's text carries a shop review's wording ("Verified Purchase").
fn shows_customer_reviews(dom: &Dom, id: NodeId) -> bool {
    let text = dom.text_content(id).to_lowercase();
    CUSTOMER_REVIEW_MARKERS.iter().any(|m| text.contains(m))
}

fn names_reviews(value: &str) -> bool {
    value.split_whitespace().any(|name| {
        split_tokens(name)
            .iter()
            .any(|t| REVIEW_TOKENS.contains(&t.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_html, ParseLimits};

    const PRODUCT_PAGE: &str = "<main><h1>Trail Runner 2</h1>\
        <div class=description><p>A light shoe with a grippy sole for muddy trails.</p>\
        <ul><li>Weight: 240 g</li><li>Drop: 6 mm</li></ul></div>\
        <section class='product-reviews'><h2>Customer reviews</h2>\
        <div itemprop=review><p>Great grip, but the laces came undone on every run.</p></div>\
        <div itemprop=review><p>Comfortable from the first day, sizes run small.</p></div>\
        </section></main>";

    fn text_after(html: &str, meta: &Metadata) -> (String, usize) {
        let mut dom = parse_html(html, ParseLimits::default()).expect("parses");
        let dropped = drop_furniture(&mut dom, meta);
        let body = dom.body().expect("body");
        (dom.text_content(body), dropped)
    }

    fn product_meta() -> Metadata {
        Metadata {
            product: true,
            ..Metadata::default()
        }
    }

    #[test]
    fn a_product_page_loses_its_customer_reviews() {
        let (text, dropped) = text_after(PRODUCT_PAGE, &product_meta());
        assert_eq!(dropped, 1);
        assert!(text.contains("grippy sole") && text.contains("Drop: 6 mm"));
        assert!(!text.contains("laces came undone") && !text.contains("Customer reviews"));
    }

    #[test]
    fn pages_not_declaring_one_product_keep_reviews() {
        let (text, dropped) = text_after(PRODUCT_PAGE, &Metadata::default());
        assert_eq!(dropped, 0);
        assert!(text.contains("laces came undone"));
        let article = Metadata {
            page_type: Some("article".into()),
            ..product_meta()
        };
        assert_eq!(text_after(PRODUCT_PAGE, &article).1, 0);
    }

    #[test]
    fn a_review_that_is_the_page_stays() {
        let long = "The shoe held up over three hundred miles of rocky trail. ".repeat(20);
        let html = format!(
            "<h1>Trail Runner 2 review</h1><div class=review-body><p>{long}</p></div>\
             <div class=reviews><p>Agreed, mine lasted as long.</p></div>"
        );
        let (text, dropped) = text_after(&html, &product_meta());
        assert_eq!(dropped, 1);
        assert!(text.contains("three hundred miles") && !text.contains("Agreed"));
    }

    #[test]
    fn reviews_inside_a_wrapper_named_for_reviews_still_go() {
        // The wrapper holds the title, so it is the product's; the reviews inside it are not.
        let html = format!("<div class='layout-reviews'>{PRODUCT_PAGE}</div>");
        let (text, dropped) = text_after(&html, &product_meta());
        assert_eq!(dropped, 1);
        assert!(text.contains("grippy sole") && !text.contains("laces came undone"));
    }

    #[test]
    fn undeclared_pages_lose_only_reviews_that_read_like_a_shops() {
        let shop = PRODUCT_PAGE.replace(
            "Great grip, but",
            "Verified Purchase. 12 people found this helpful. Great grip, but",
        );
        let (text, dropped) = text_after(&shop, &Metadata::default());
        assert_eq!(dropped, 1);
        assert!(text.contains("grippy sole") && !text.contains("laces came undone"));
        // Without a shop review's wording, an undeclared page keeps its review section.
        assert_eq!(text_after(PRODUCT_PAGE, &Metadata::default()).1, 0);
    }

    #[test]
    fn class_words_name_reviews_whole() {
        assert!(names_reviews("pdp-customerReviews"));
        assert!(names_reviews("x review-list"));
        assert!(!names_reviews("preview-image"));
        assert!(!names_reviews("product-description"));
    }
}
