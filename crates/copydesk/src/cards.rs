//! Card grids: runs of look-alike sibling elements (same tag, same class words), each a
//! short card that links to an item's own page — a shop's product grid, a category's
//! entries, a "you may also like" carousel.
//!
//! What a grid means depends on the page. On a page that presents one product
//! ([`crate::metadata::Metadata::product`]) a grid of other items' cards is a
//! recommendation carousel, never the product's description: [`drop_carousels`] removes
//! them. On a page without a story, the biggest grid is what the page is about (a
//! category, a collection): [`main_grid`] finds it and [`grid_region`] widens it to the
//! category's heading and intro, so that [`crate::select`] can keep it.
//! The thresholds are in [`crate::rules::cards`].

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use html5ever::local_name;

use crate::dom::{Dom, NodeId};
use crate::prune::split_tokens;
use crate::rules::cards::{
    CURRENCIES, FURNITURE_TOKENS, MAX_CARD_CHARS, MAX_CAROUSEL_CARDS, MAX_LINKS_PER_CARD,
    MIN_CARDS, MIN_CARD_CHARS, MIN_CARD_SHARE, MIN_LINKED_CARD_SHARE, MIN_MAIN_GRID_CARDS,
    MIN_MAIN_GRID_CHARS, MIN_PRICED_CARD_SHARE, NOT_CARD_TAGS, REGION_GROWTH, REGION_LEVELS,
    REVIEW_MARKERS, STATE_TOKENS,
};
use crate::score::TextSizes;

/// A run of look-alike cards under one parent.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// The element whose children the cards are.
    pub parent: NodeId,
    /// The cards, in document order.
    pub cards: Vec<NodeId>,
    /// Non-space characters in the cards.
    pub text: u32,
}

/// Every card grid below `root`, outer grids before the grids inside their cards.
pub fn find_grids(dom: &Dom, root: NodeId, sizes: &TextSizes) -> Vec<Grid> {
    let mut grids = Vec::new();
    let mut shapes: Vec<(u64, NodeId)> = Vec::new();
    let mut parts: Vec<u64> = Vec::new();
    for id in dom.descendants(root) {
        if dom.element(id).is_none() {
            continue;
        }
        shapes.clear();
        for child in dom.child_elements(id) {
            if let Some(el) = dom.element(child) {
                shapes.push((shape(el.tag(), el.class(), &mut parts), child));
            }
        }
        if shapes.len() < MIN_CARDS {
            continue;
        }
        let Some(shape) = dominant_shape(&mut shapes) else {
            continue;
        };
        // `dominant_shape` sorted the children by shape; put the cards back in page order.
        let mut cards: Vec<NodeId> = shapes
            .iter()
            .filter(|&&(s, _)| s == shape)
            .map(|&(_, c)| c)
            .collect();
        cards.sort_unstable();
        if let Some(grid) = judge_grid(dom, id, cards, shapes.len(), sizes) {
            grids.push(grid);
        }
    }
    grids
}

/// The grid that holds the page's items: the one with the most text, when it holds
/// enough to be more than a strip of teasers and does not stand in the page's furniture
/// (a sidebar's or a footer's column of widgets, kept by a relaxed pruning).
pub fn main_grid<'g>(dom: &Dom, grids: &'g [Grid]) -> Option<&'g Grid> {
    grids
        .iter()
        .filter(|g| g.text >= MIN_MAIN_GRID_CHARS && g.cards.len() >= MIN_MAIN_GRID_CARDS)
        .filter(|g| !in_furniture(dom, g.parent))
        .max_by_key(|g| g.text)
}

/// How many levels (the grid's parent and its ancestors) may name it furniture.
const FURNITURE_LEVELS: usize = 3;

/// Whether `id` or an element close above it is named as page furniture (sidebar, footer,
/// navigation, comments: [`FURNITURE_TOKENS`]).
fn in_furniture(dom: &Dom, id: NodeId) -> bool {
    // Only the grid's close wrappers: page wrappers high above often say "has-sidebar".
    std::iter::once(id)
        .chain(dom.ancestors(id))
        .take(FURNITURE_LEVELS)
        .any(|a| {
            dom.element(a).is_some_and(|el| {
                [el.class(), el.id()].into_iter().any(|v| {
                    v.split_whitespace()
                        .flat_map(split_tokens)
                        .any(|t| FURNITURE_TOKENS.contains(&t.as_str()))
                })
            })
        })
}

/// The element that holds a main grid with the heading and intro of its page: the
/// grid's parent, widened while the wider element adds little text beside the grid and
/// until it takes in the page's `<h1>`.
pub fn grid_region(dom: &Dom, grid: &Grid, sizes: &TextSizes) -> NodeId {
    let budget = grid.text as f32 * REGION_GROWTH;
    let h1 = dom
        .descendants(sizes.root)
        .find(|&n| dom.is(n, &local_name!("h1")));
    let mut region = grid.parent;
    for up in dom.ancestors(grid.parent).take(REGION_LEVELS) {
        if up == sizes.root || sizes.text[up as usize] as f32 > budget {
            break;
        }
        region = up;
        if h1.is_some_and(|h| dom.contains(up, h)) {
            break;
        }
    }
    region
}

/// Removes the card grids of a single-product page: carousels of other products ("you
/// may also like", "customers also viewed", "similar items"), whose cards show prices
/// (the product's own feature tiles show none). A grid that holds the
/// page's `<h1>` is the product's own block and stays, and so does a grid too long to be
/// a carousel.
pub fn drop_carousels(dom: &mut Dom) -> usize {
    let Some(body) = dom.body() else { return 0 };
    let sizes = TextSizes::measure(dom, body);
    let grids = find_grids(dom, body, &sizes);
    let h1s: Vec<NodeId> = dom
        .descendants(body)
        .filter(|&n| dom.is(n, &local_name!("h1")))
        .collect();
    let mut dropped: Vec<NodeId> = Vec::new();
    for grid in grids {
        if dropped.iter().any(|&d| dom.contains(d, grid.parent)) {
            continue;
        }
        if grid.cards.len() > MAX_CAROUSEL_CARDS
            || h1s.iter().any(|&h| dom.contains(grid.parent, h))
            || !mostly_priced(dom, &grid)
        {
            continue;
        }
        dropped.push(grid.parent);
    }
    for &parent in &dropped {
        dom.detach(parent);
    }
    dropped.len()
}

/// Whether most of a grid's cards show a price or a rating: offers or reviews.
fn mostly_priced(dom: &Dom, grid: &Grid) -> bool {
    let priced = grid
        .cards
        .iter()
        .filter(|&&c| {
            let text = dom.text_content(c);
            shows_price(&text) || shows_rating(&text)
        })
        .count();
    priced as f32 >= MIN_PRICED_CARD_SHARE * grid.cards.len() as f32
}

/// Whether `text` holds a customer's rating or a review's badge.
fn shows_rating(text: &str) -> bool {
    let lower = text.to_lowercase();
    REVIEW_MARKERS.iter().any(|m| lower.contains(m))
}

/// Whether `text` holds a price: a currency sign or code with a digit next to it
/// ("$12", "12,50 €", "EUR 9").
pub fn shows_price(text: &str) -> bool {
    // No digit, no price: most lines stop here without a search.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let Some(signs) = currency_matcher() else {
        return false;
    };
    // Every occurrence of every sign, overlapping ones included ("R$" and "$").
    signs.find_overlapping_iter(text).any(|m| {
        let before = text[..m.start()].trim_end().chars().next_back();
        let after = text[m.end()..].trim_start().chars().next();
        before.is_some_and(|c| c.is_ascii_digit()) || after.is_some_and(|c| c.is_ascii_digit())
    })
}

/// One automaton over [`CURRENCIES`]: a line is read once, whatever the number of signs
/// (text mode asks this of every short line).
fn currency_matcher() -> Option<&'static AhoCorasick> {
    static MATCHER: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    MATCHER
        .get_or_init(|| AhoCorasick::new(CURRENCIES).ok())
        .as_ref()
}

/// A grid when enough of the parent's children share one shape and read like cards.
fn judge_grid(
    dom: &Dom,
    parent: NodeId,
    cards: Vec<NodeId>,
    children: usize,
    sizes: &TextSizes,
) -> Option<Grid> {
    if (cards.len() as f32) < MIN_CARD_SHARE * children as f32 {
        return None;
    }
    if cards
        .first()
        .and_then(|&c| dom.tag(c))
        .is_some_and(|t| NOT_CARD_TAGS.contains(&&**t))
    {
        return None;
    }
    let filled: Vec<NodeId> = cards
        .iter()
        .copied()
        .filter(|&c| sizes.text[c as usize] > 0)
        .collect();
    if filled.len() < MIN_CARDS {
        return None;
    }
    let links: Vec<usize> = filled.iter().map(|&c| distinct_links(dom, c)).collect();
    let linked = links.iter().filter(|&&n| n > 0).count();
    if (linked as f32) < MIN_LINKED_CARD_SHARE * filled.len() as f32 {
        return None;
    }
    let per_card = links.iter().sum::<usize>() as f32 / filled.len() as f32;
    if per_card > MAX_LINKS_PER_CARD || !alike_inside(dom, &filled) {
        return None;
    }
    let text: u32 = filled.iter().map(|&c| sizes.text[c as usize]).sum();
    let mean = text as f32 / filled.len() as f32;
    if !(MIN_CARD_CHARS..=MAX_CARD_CHARS).contains(&mean) {
        return None;
    }
    Some(Grid {
        parent,
        cards: filled,
        text,
    })
}

/// Whether most cards are built alike inside (the same child tags in the same order): a
/// template's cards are; a column of sidebar widgets (a search box, a list of posts, a
/// calendar) shares only its outer shape.
fn alike_inside(dom: &Dom, cards: &[NodeId]) -> bool {
    let mut inner: Vec<(u64, NodeId)> = cards
        .iter()
        .map(|&c| {
            let h = dom
                .child_elements(c)
                .filter_map(|k| dom.tag(k))
                .fold(FNV_OFFSET, |h, t| {
                    (h ^ fnv1a(t.as_bytes())).wrapping_mul(FNV_PRIME)
                });
            (h, c)
        })
        .collect();
    let Some(shape) = dominant_shape(&mut inner) else {
        return false;
    };
    let alike = inner.iter().filter(|&&(s, _)| s == shape).count();
    alike as f32 >= MIN_CARD_SHARE * cards.len() as f32
}

/// How many different pages a card links to (an image-only link counts: many cards link
/// their picture and set the title as plain text). Counting stops past the limit.
fn distinct_links(dom: &Dom, card: NodeId) -> usize {
    let mut hrefs: Vec<&str> = Vec::new();
    for n in dom.descendants(card) {
        let Some(href) = dom
            .element(n)
            .filter(|e| *e.tag() == local_name!("a"))
            .and_then(|e| e.attr("href"))
        else {
            continue;
        };
        if !hrefs.contains(&href) {
            hrefs.push(href);
            if hrefs.len() > LINK_COUNT_LIMIT {
                break;
            }
        }
    }
    hrefs.len()
}

/// Past this many links a card is a link group whatever the rest.
const LINK_COUNT_LIMIT: usize = 8;

/// The shape most children share, when it is a grid's share of them. Sorts `shapes`.
fn dominant_shape(shapes: &mut [(u64, NodeId)]) -> Option<u64> {
    shapes.sort_unstable_by_key(|&(s, _)| s);
    let mut best = (0u64, 0usize);
    let mut i = 0;
    while i < shapes.len() {
        let s = shapes[i].0;
        let run = shapes[i..].iter().take_while(|&&(t, _)| t == s).count();
        if run > best.1 {
            best = (s, run);
        }
        i += run;
    }
    (best.1 >= MIN_CARDS).then_some(best.0)
}

/// An element's shape: its tag and the words of its class, without the words that say
/// which state or position a card is in ("active", "item-3"), in any order.
fn shape(tag: &str, class: &str, parts: &mut Vec<u64>) -> u64 {
    parts.clear();
    for word in class.split(|c: char| c.is_whitespace() || c == '-' || c == '_') {
        if word.is_empty()
            || word.bytes().any(|b| b.is_ascii_digit())
            || STATE_TOKENS.iter().any(|s| s.eq_ignore_ascii_case(word))
        {
            continue;
        }
        parts.push(fnv1a(word.as_bytes()));
    }
    parts.sort_unstable();
    parts.dedup();
    parts.iter().fold(fnv1a(tag.as_bytes()), |h, &p| {
        (h ^ p).wrapping_mul(FNV_PRIME)
    })
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over ASCII-lowercased bytes: class words differ in case only by accident.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |h, &b| {
        (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_html, ParseLimits};

    fn grids_of(html: &str) -> (Dom, Vec<Grid>, TextSizes) {
        let dom = parse_html(html, ParseLimits::default()).expect("parses");
        let body = dom.body().expect("body");
        let sizes = TextSizes::measure(&dom, body);
        let grids = find_grids(&dom, body, &sizes);
        (dom, grids, sizes)
    }

    fn card(i: usize, extra: &str) -> String {
        format!(
            "<li class='product-card {extra} item-{i}'><a href='/p/{i}'><img src=x.jpg></a>\
             <h3>Trail running shoe model {i}</h3><span class=price>$12{i}.00</span></li>"
        )
    }

    #[test]
    fn product_grid_is_found_despite_state_words() {
        let cards: String = (0..6)
            .map(|i| card(i, if i == 2 { "is-active" } else { "" }))
            .collect();
        let (_, grids, _) = grids_of(&format!("<ul class=grid>{cards}</ul>"));
        assert_eq!(grids.len(), 1, "{grids:?}");
        assert_eq!(grids[0].cards.len(), 6);
    }

    #[test]
    fn menu_of_short_links_is_not_a_grid() {
        let items: String = (0..8)
            .map(|i| format!("<li class=menu-item><a href='/s/{i}'>Shoes {i}</a></li>"))
            .collect();
        let (_, grids, _) = grids_of(&format!("<ul>{items}</ul>"));
        assert!(grids.is_empty(), "{grids:?}");
    }

    #[test]
    fn paragraphs_without_links_are_not_a_grid() {
        let paras: String = (0..6)
            .map(|i| format!("<p>Paragraph {i} of the story, long enough to count as text.</p>"))
            .collect();
        let (_, grids, _) = grids_of(&format!("<div>{paras}</div>"));
        assert!(grids.is_empty(), "{grids:?}");
    }

    #[test]
    fn too_few_cards_are_not_a_grid() {
        let cards: String = (0..3).map(|i| card(i, "")).collect();
        let (_, grids, _) = grids_of(&format!("<ul>{cards}</ul>"));
        assert!(grids.is_empty());
    }

    #[test]
    fn region_reaches_the_category_heading() {
        let cards: String = (0..20).map(|i| card(i, "")).collect();
        let (dom, grids, sizes) = grids_of(&format!(
            "<div id=page><div id=main><h1>Trail shoes</h1><p>Shoes for rough ground.</p>\
             <ul>{cards}</ul></div><div id=foot>{}</div></div>",
            "A long footer text about the shop and its many stores. ".repeat(30)
        ));
        let grid = main_grid(&dom, &grids).expect("main grid");
        let region = grid_region(&dom, grid, &sizes);
        assert_eq!(dom.element(region).map(|e| e.id()), Some("main"));
    }

    #[test]
    fn carousels_go_but_the_product_block_stays() {
        let cards: String = (0..5).map(|i| card(i, "")).collect();
        let html = format!(
            "<div class=product><h1>Trail shoe</h1><p>A light shoe for rough ground.</p></div>\
             <h2>Pairs well with</h2><ul class=recs>{cards}</ul>"
        );
        let mut dom = parse_html(&html, ParseLimits::default()).expect("parses");
        assert_eq!(drop_carousels(&mut dom), 1);
        let body = dom.body().expect("body");
        let text = dom.text_content(body);
        assert!(text.contains("A light shoe"), "{text}");
        assert!(!text.contains("running shoe model"), "{text}");
    }

    #[test]
    fn prices_need_a_number_beside_the_sign() {
        assert!(shows_price("Trail shoe $120.00"));
        assert!(shows_price("Veste 49,99 €"));
        assert!(shows_price("EUR 9 shipping"));
        assert!(!shows_price("Save money with our $ plan"));
        assert!(!shows_price("Battery life of 20 hours"));
        assert!(shows_rating("5 out of 5 stars. Lovely mug"));
        assert!(!shows_rating("A lovely mug for the morning"));
    }

    #[test]
    fn feature_tiles_without_prices_stay() {
        let tiles: String = (0..4)
            .map(|i| {
                format!(
                    "<li class=tile><a href='/f/{i}'>Feature {i}: a quieter motor and a longer battery.</a></li>"
                )
            })
            .collect();
        let html = format!("<div><h1>Drill</h1></div><ul>{tiles}</ul>");
        let mut dom = parse_html(&html, ParseLimits::default()).expect("parses");
        assert_eq!(drop_carousels(&mut dom), 0);
    }

    fn shop_cards(n: usize) -> String {
        (0..n)
            .map(|i| {
                format!(
                    "<li class=product-card><a href='/p/{i}'><img src=x.jpg></a>\
                     <h3><a href='/p/{i}'>Harbour wool sweater number {i}</a></h3>\
                     <span class=price>$4{i}.00</span></li>"
                )
            })
            .collect()
    }

    /// Four paragraphs of a buyer's guide: prose enough to be picked as a story.
    fn guide() -> String {
        (0..4)
            .map(|i| {
                format!(
                    "<p>A good sweater is knitted tight enough to keep the wind out, yet loose \
                     enough to breathe when the walk turns into a climb, point {i}. Wool from \
                     hardy sheep holds its warmth even when the sea spray soaks it.</p>"
                )
            })
            .collect()
    }

    #[test]
    fn collection_page_keeps_its_grid_beside_its_guide() {
        let html = format!(
            "<html><head><title>Sweaters</title></head><body><main><h1>Sweaters</h1>\
             <ul class=grid>{}</ul></main><div class=guide>{}</div></body></html>",
            shop_cards(40),
            guide()
        );
        let article = crate::extract_str(&html, &crate::Options::default()).expect("extracts");
        assert!(
            article.text.contains("sweater number 0"),
            "{}",
            article.text
        );
        assert!(
            article.text.contains("sweater number 39"),
            "{}",
            article.text
        );
        assert!(article.text.contains("hardy sheep"), "{}", article.text);
    }

    #[test]
    fn product_page_drops_the_carousel() {
        let recs: String = (0..6).map(|i| card(i, "")).collect();
        let html = format!(
            "<html><head><title>Harbour sweater</title><script type='application/ld+json'>\
             {{\"@type\":\"Product\",\"name\":\"Harbour sweater\"}}</script></head><body>\
             <div class=product><h1>Harbour sweater</h1>{}<ul class=recs>{recs}</ul>{}</div>\
             </body></html>",
            guide(),
            guide()
        );
        let article = crate::extract_str(&html, &crate::Options::default()).expect("extracts");
        assert!(article.text.contains("hardy sheep"), "{}", article.text);
        assert!(
            !article.text.contains("running shoe model"),
            "{}",
            article.text
        );
    }

    #[test]
    fn shape_ignores_order_case_and_numbers() {
        let mut parts = Vec::new();
        let a = shape("li", "Card product col-3", &mut parts);
        let b = shape("li", "product card col-4 selected", &mut parts);
        let c = shape("div", "product card", &mut parts);
        assert_eq!(a, b);
        assert_ne!(a, c);
    }
}
