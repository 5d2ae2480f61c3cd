//! Recommendation boxes: on a page that is not an article (a product, a shop's category, a
//! forum thread), a box headed "Similar items", "People who viewed this item also viewed",
//! "Related searches" or "Similar threads" holds the site's suggestions of other pages, not
//! the page's own text. The box is the heading's section: the largest element that the
//! heading opens (nothing with text before it) and that holds no other heading of its rank
//! or above. Headings in [`crate::rules::recommendations`].

use html5ever::local_name;

use crate::dom::{Dom, NodeId};
use crate::metadata::Metadata;
use crate::rules::phrases::undoubled;
use crate::rules::recommendations::{MAX_BOX_SHARE, RECOMMENDATION_HEADINGS};
use crate::score::TextSizes;

/// Headings longer than this (bytes) are never a box's title.
const MAX_HEADING_BYTES: usize = 120;

/// Drops the recommendation boxes of a page that does not call itself an article; returns
/// how many went.
pub fn drop_boxes(dom: &mut Dom, meta: &Metadata) -> usize {
    if meta.page_type.as_deref() == Some("article") {
        return 0;
    }
    let Some(body) = dom.body() else { return 0 };
    let headings: Vec<(NodeId, u8)> = dom
        .descendants(body)
        .filter_map(|id| heading_rank(dom, id).map(|rank| (id, rank)))
        .collect();
    let boxes: Vec<(NodeId, u8)> = headings
        .iter()
        .copied()
        .filter(|&(id, _)| names_recommendations(&dom.text_content(id)))
        .collect();
    if boxes.is_empty() {
        return 0;
    }
    let sizes = TextSizes::measure(dom, body);
    let page_text = sizes.text[body as usize] as f32;
    let title = headings
        .iter()
        .find(|&&(_, rank)| rank == 1)
        .map(|&(id, _)| id);
    let mut drop: Vec<NodeId> = Vec::new();
    for &(heading, rank) in &boxes {
        let section = heading_section(dom, &sizes, &headings, heading, rank, title);
        if (sizes.text[section as usize] as f32) < MAX_BOX_SHARE * page_text
            && !drop.iter().any(|&d| dom.contains(d, section))
        {
            drop.push(section);
        }
    }
    for &id in &drop {
        dom.detach(id);
    }
    drop.len()
}

/// The largest element around `heading` that the heading opens: no text before it, no
/// other heading of its rank or above, nothing beside the box once it holds its items,
/// not the page's title, under half the page.
fn heading_section(
    dom: &Dom,
    sizes: &TextSizes,
    headings: &[(NodeId, u8)],
    heading: NodeId,
    rank: u8,
    title: Option<NodeId>,
) -> NodeId {
    let page_text = sizes.text[sizes.root as usize] as f32;
    let mut section = heading;
    while let Some(parent) = dom.parent(section) {
        if parent == sizes.root || title.is_some_and(|t| dom.contains(parent, t)) {
            break;
        }
        let has_text = |c: NodeId| sizes.text.get(c as usize).is_some_and(|&n| n > 0);
        let text_before = dom
            .children(parent)
            .take_while(|&c| c != section)
            .any(has_text);
        // Once the section holds the box's items as well as its heading, a parent with
        // other text beside it holds other sections too.
        let holds_items = sizes.text[section as usize] > sizes.text[heading as usize];
        let text_beside = dom.children(parent).any(|c| c != section && has_text(c));
        let rival = headings.iter().any(|&(h, r)| {
            r <= rank && h != heading && dom.contains(parent, h) && !dom.contains(section, h)
        });
        if text_before
            || (holds_items && text_beside)
            || rival
            || sizes.text[parent as usize] as f32 >= MAX_BOX_SHARE * page_text
        {
            break;
        }
        section = parent;
    }
    section
}

/// The rank of a heading element (`<h1>`…`<h6>`, or `role=heading` with its `aria-level`,
/// 2 when none is given).
fn heading_rank(dom: &Dom, id: NodeId) -> Option<u8> {
    let el = dom.element(id)?;
    let rank = match *el.tag() {
        local_name!("h1") => 1,
        local_name!("h2") => 2,
        local_name!("h3") => 3,
        local_name!("h4") => 4,
        local_name!("h5") => 5,
        local_name!("h6") => 6,
        _ if el.attr("role") == Some("heading") => el
            .attr("aria-level")
            .and_then(|l| l.trim().parse::<u8>().ok())
            .unwrap_or(2),
        _ => return None,
    };
    Some(rank)
}

/// Whether a heading's text is one of [`RECOMMENDATION_HEADINGS`], said once or twice (a
/// label for screen readers), with or without a trailing colon or count ("Similar items
/// (12)").
fn names_recommendations(text: &str) -> bool {
    if text.len() > MAX_HEADING_BYTES {
        return false;
    }
    let folded: String = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('’', "'");
    folded_names_recommendations(&folded)
}

/// [`names_recommendations`] for a line already folded (lowercase, one space between
/// words, straight apostrophes): text mode's shop sections ask the same question of their
/// folded lines, so that both paths read "Similar items (12)" and a heading said twice alike.
pub(crate) fn folded_names_recommendations(folded: &str) -> bool {
    let once = undoubled(folded)
        .or_else(|| said_twice_unspaced(folded))
        .unwrap_or(folded);
    let bare = once
        .trim_end_matches(|c: char| c.is_ascii_digit() || " ()[]:".contains(c))
        .trim();
    RECOMMENDATION_HEADINGS.contains(&bare)
}

/// "Seller's other itemsSeller's other items": the first half of a line that is one text
/// twice without a space between (a shown and a screen-reader copy side by side).
fn said_twice_unspaced(line: &str) -> Option<&str> {
    let half = line.len() / 2;
    let (a, b) = (line.get(..half)?, line.get(half..)?);
    (!a.is_empty() && a == b).then_some(a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_html, ParseLimits};

    const PRODUCT_PAGE: &str = "<main><h1>Trail Runner 2</h1>\
        <div class=buy><p>A light shoe with a grippy sole for muddy trails.</p>\
        <h2>Details</h2><ul><li>Weight: 240 g</li><li>Drop: 6 mm</li></ul></div>\
        <section><div class=head><h2>Similar items</h2></div>\
        <div class=row><div><h3>Road Runner</h3><p>$89.00</p></div>\
        <div><h3>Hill Climber</h3><p>$120.00</p></div></div></section>\
        <div><h2>Shipping</h2><p>Ships within two days.</p></div></main>";

    fn text_after(html: &str, meta: &Metadata) -> (String, usize) {
        let mut dom = parse_html(html, ParseLimits::default()).expect("parses");
        let dropped = drop_boxes(&mut dom, meta);
        let body = dom.body().expect("body");
        (dom.text_content(body), dropped)
    }

    #[test]
    fn a_box_of_similar_items_goes_with_its_cards() {
        let (text, dropped) = text_after(PRODUCT_PAGE, &Metadata::default());
        assert_eq!(dropped, 1);
        assert!(!text.contains("Similar items") && !text.contains("Hill Climber"));
        assert!(text.contains("grippy sole") && text.contains("Drop: 6 mm"));
        assert!(text.contains("Ships within two days"));
    }

    #[test]
    fn an_article_keeps_its_boxes() {
        let article = Metadata {
            page_type: Some("article".into()),
            ..Metadata::default()
        };
        let (text, dropped) = text_after(PRODUCT_PAGE, &article);
        assert_eq!(dropped, 0);
        assert!(text.contains("Hill Climber"));
    }

    #[test]
    fn the_box_stops_at_text_before_its_heading() {
        let html = "<h1>Thread</h1><div class=post><p>My first post, about the question \
            I have.</p><h3>Related discussions</h3><ul><li>Other thread</li></ul></div>";
        let (text, dropped) = text_after(html, &Metadata::default());
        assert_eq!(dropped, 1);
        assert!(text.contains("My first post") && text.contains("Other thread"));
        assert!(!text.contains("Related discussions"));
    }

    #[test]
    fn the_box_stops_before_the_sections_after_it() {
        let html = "<h1>Video games</h1><div class=page><section><h2>Trending searches</h2>\
            <ul><li>retro console</li><li>controller</li></ul></section>\
            <div><b>Shop by franchise</b><ul><li>Super Mario</li><li>Minecraft</li></ul></div>\
            <div><b>Shop by genre</b><ul><li>Racing games</li><li>Sports games</li></ul></div>\
            </div><p>Free delivery on orders over fifty dollars, returns within ninety days, and \
            a price match on any game sold cheaper by another shop in the same week.</p>";
        let (text, dropped) = text_after(html, &Metadata::default());
        assert_eq!(dropped, 1);
        assert!(!text.contains("Trending") && !text.contains("retro console"));
        assert!(text.contains("Super Mario") && text.contains("Racing games"));
    }

    #[test]
    fn headings_are_matched_whole() {
        assert!(names_recommendations("Similar items"));
        assert!(names_recommendations(
            "Seller's other itemsSeller's other items"
        ));
        assert!(names_recommendations(
            "Seller’s other items Seller’s other items"
        ));
        assert!(names_recommendations(" Related searches: "));
        assert!(names_recommendations("Recently viewed (3)"));
        assert!(!names_recommendations(
            "Similar items to the ones we tested in 2020"
        ));
        assert!(!names_recommendations("Details"));
    }
}
