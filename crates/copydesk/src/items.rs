//! Runs of items: the repeated sibling elements (list entries, table rows, cards of the
//! same shape) that make up a page without a story — a chart, a directory, a job board.
//!
//! On such a page an entry is often a name of one to three words ("Ada", "Boa Viagem
//! Apartment"); alone, a line that short reads like a menu entry, but one of dozens of
//! entries shaped alike is the listing itself.

use std::collections::HashMap;

use crate::blocks::{Block, BlockKind};
use crate::dom::{Dom, NodeData, NodeId};
use crate::rules::listing::{
    MAX_ENTRY_LINK_DENSITY, MAX_ITEM_DEPTH, MIN_ITEM_RUN, STORY_PARAGRAPHS,
};
use crate::score::{is_prose, Features};
use crate::Favor;

/// For each block, whether it is an entry of a run of items: it sits in a run
/// ([`in_item_runs`]) and is not a bare link outside the page's main region. Menus,
/// language switchers and archive links come in runs as long as any listing's, but each
/// of their entries is one link and they sit in the page's frame; a listing's entries
/// carry text of their own (a rank, a date, a firm's name), are titles set as headings,
/// or stand in the `<main>` element the page author marked.
pub fn item_entries(dom: &Dom, blocks: &[Block], feats: &[Features]) -> Vec<bool> {
    let mut runs = in_item_runs(dom, blocks);
    let main = dom
        .descendants(Dom::ROOT)
        .find(|&id| is_main_region(dom, id));
    for ((run, b), f) in runs.iter_mut().zip(blocks).zip(feats) {
        let titled = matches!(b.kind, BlockKind::Heading(_));
        let in_main = main.is_some_and(|m| dom.contains(m, b.node));
        *run &= titled || in_main || f.link_density < MAX_ENTRY_LINK_DENSITY;
    }
    runs
}

/// Whether the picked blocks read as a story: [`STORY_PARAGRAPHS`] prose paragraphs or
/// more under one parent. A pick without that (an intro above a table, the teasers of a
/// blog's front page, each in its own card) may be outweighed by the page's listing.
pub fn reads_as_story(
    dom: &Dom,
    blocks: &[Block],
    feats: &[Features],
    picked: &[usize],
    favor: Favor,
) -> bool {
    let mut per_parent: HashMap<Option<NodeId>, usize> = HashMap::new();
    picked.iter().any(|&i| {
        let (Some(b), Some(f)) = (blocks.get(i), feats.get(i)) else {
            return false;
        };
        if b.kind != BlockKind::Paragraph || !is_prose(f, favor) {
            return false;
        }
        let n = per_parent.entry(dom.parent(b.node)).or_default();
        *n += 1;
        *n >= STORY_PARAGRAPHS
    })
}

/// `<main>` or `role="main"`: the region the page author marked as the page's own.
fn is_main_region(dom: &Dom, id: NodeId) -> bool {
    dom.element(id).is_some_and(|e| {
        *e.tag() == html5ever::local_name!("main")
            || e.attr("role")
                .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
    })
}

/// For each block, whether it sits in a run of items: the block's element, or one of its
/// nearest ancestors, has at least [`MIN_ITEM_RUN`] siblings of its own tag and class.
pub fn in_item_runs(dom: &Dom, blocks: &[Block]) -> Vec<bool> {
    // Twin counts per parent: how many of its child elements share each (tag, class).
    let mut twins: HashMap<NodeId, HashMap<(&str, &str), usize>> = HashMap::new();
    blocks
        .iter()
        .map(|b| {
            let start = match dom.node(b.node).data {
                NodeData::Element(_) => Some(b.node),
                _ => dom.parent(b.node),
            };
            let Some(start) = start else { return false };
            std::iter::once(start)
                .chain(dom.ancestors(start))
                .take(MAX_ITEM_DEPTH + 1)
                .any(|el| {
                    let (Some(e), Some(parent)) = (dom.element(el), dom.parent(el)) else {
                        return false;
                    };
                    let counts = twins
                        .entry(parent)
                        .or_insert_with(|| shape_counts(dom, parent));
                    counts
                        .get(&(&**e.tag(), e.class()))
                        .is_some_and(|&n| n >= MIN_ITEM_RUN)
                })
        })
        .collect()
}

/// How many child elements of `parent` there are of each (tag, class) shape.
fn shape_counts(dom: &Dom, parent: NodeId) -> HashMap<(&str, &str), usize> {
    let mut counts = HashMap::new();
    for child in dom.child_elements(parent) {
        if let Some(e) = dom.element(child) {
            *counts.entry((&**e.tag(), e.class())).or_insert(0) += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks;
    use crate::parse::{parse_html, ParseLimits};

    fn runs(html: &str) -> Vec<(String, bool)> {
        let dom = parse_html(html, ParseLimits::default()).expect("parses");
        let all = blocks::collect(&dom, &[dom.body().expect("body")]);
        let flags = in_item_runs(&dom, &all);
        all.iter().map(|b| b.text()).zip(flags).collect()
    }

    #[test]
    fn dozens_of_alike_entries_are_a_run_a_short_menu_is_not() {
        let entries: String = (0..10)
            .map(|i| format!("<li class=entry><a href=/l{i}><h3>Lang {i}</h3></a></li>"))
            .collect();
        let html = format!(
            "<ul class=menu><li>Home</li><li>About</li><li>Contact</li></ul><ul>{entries}</ul>"
        );
        let got = runs(&html);
        assert_eq!(got.len(), 13, "{got:?}");
        assert!(got[..3].iter().all(|(_, r)| !r), "{got:?}");
        assert!(got[3..].iter().all(|(_, r)| *r), "{got:?}");
    }

    #[test]
    fn bare_links_in_a_run_are_a_menu_not_entries() {
        let langs: String = (0..10)
            .map(|i| format!("<li><a href=/l{i}>Lang {i}</a></li>"))
            .collect();
        let ranks: String = (0..10)
            .map(|i| format!("<li>{i}. <a href=/f{i}>Film</a> (2024)</li>"))
            .collect();
        let html = format!("<ul>{langs}</ul><ol>{ranks}</ol>");
        let dom = parse_html(&html, ParseLimits::default()).expect("parses");
        let all = blocks::collect(&dom, &[dom.body().expect("body")]);
        let feats: Vec<Features> = all.iter().map(crate::score::features).collect();
        let entries = item_entries(&dom, &all, &feats);
        assert_eq!(entries.len(), 20);
        assert!(entries[..10].iter().all(|e| !e), "{entries:?}");
        assert!(entries[10..].iter().all(|&e| e), "{entries:?}");
        // The same bare links in the page's marked main region are its listing.
        let html = format!("<main><ul>{langs}</ul></main>");
        let dom = parse_html(&html, ParseLimits::default()).expect("parses");
        let all = blocks::collect(&dom, &[dom.body().expect("body")]);
        let feats: Vec<Features> = all.iter().map(crate::score::features).collect();
        let entries = item_entries(&dom, &all, &feats);
        assert!(
            entries.len() == 10 && entries.iter().all(|&e| e),
            "{entries:?}"
        );
    }

    #[test]
    fn a_page_that_is_a_chart_keeps_its_short_entries() {
        let rows: String = (1..=40)
            .map(|i| format!("<li class=row>Winner Casaverde <a href=/t{i}>#{i}</a></li>"))
            .collect();
        let html = format!(
            "<html><head><title>Chart</title></head><body>\
             <nav><a href=/>Home</a> <a href=/charts>Charts</a></nav>\
             <main><h1>Most popular films</h1><div class=intro><p>The chart ranks the films our readers looked up most this week, counted over every page view on the site and refreshed each night, so a film can climb fast after its premiere or a prize.</p></div><ol>{rows}</ol></main></body></html>"
        );
        let article = crate::extract_str(&html, &crate::Options::default()).expect("extracts");
        assert!(
            article.text.contains("Winner Casaverde #1"),
            "{}",
            article.text
        );
        assert!(
            article.text.contains("Winner Casaverde #40"),
            "{}",
            article.text
        );
        assert!(!article.text.contains("Charts"), "{}", article.text);
    }

    fn ranked_books(n: usize) -> String {
        (1..=n)
            .map(|i| {
                format!(
                    "<tr class=book><td>{i}.</td><td><a href=/b{i}>Harbour Tales {i}</a> by \
                     Ann Roe 4.3{i} avg rating, {i}9,120 ratings</td></tr>"
                )
            })
            .collect()
    }

    #[test]
    fn an_intro_above_a_long_ranking_gives_way_to_it() {
        let html = format!(
            "<html><head><title>Best books</title></head><body><main><h1>Best books</h1>\
             <div class=intro><p>The best books ever, as voted on by our readers over many years \
             of lists, polls and long arguments in the comments below every single entry, from \
             the first week the list went up to this morning, when the last votes came in from \
             readers in more than forty countries and in a dozen languages.</p>\
             <p>A book's score rests on several factors, among them how many people voted for it \
             and how highly those voters ranked it against all the other books on the list, and \
             the scores are counted again every few minutes, so a book can climb fast after a \
             prize or a film and fall back just as quickly.</p></div>\
             <table>{}</table></main></body></html>",
            ranked_books(40)
        );
        let article = crate::extract_str(&html, &crate::Options::default()).expect("extracts");
        assert!(
            article.text.contains("Harbour Tales 1 by"),
            "{}",
            article.text
        );
        assert!(
            article.text.contains("Harbour Tales 40 by"),
            "{}",
            article.text
        );
    }

    #[test]
    fn a_story_keeps_its_place_beside_a_long_ranking() {
        // The ranking holds over three times the story's text, but the story's paragraphs
        // stand side by side: it is not replaced by the ranking.
        let story: String = (0..6)
            .map(|i| {
                format!(
                    "<p>The council met on day {i} and voted on the harbour budget, which rose \
                     again this year after a long debate about the ferries and the old pier.</p>"
                )
            })
            .collect();
        let html = format!(
            "<html><head><title>Harbour budget</title></head><body><article><h1>Harbour budget</h1>\
             {story}</article><div class=chart><table>{}</table></div></body></html>",
            ranked_books(40)
        );
        let article = crate::extract_str(&html, &crate::Options::default()).expect("extracts");
        assert!(
            article.text.contains("voted on the harbour budget"),
            "{}",
            article.text
        );
        assert!(
            article.text.contains("on day 5 and voted"),
            "{}",
            article.text
        );
    }

    #[test]
    fn siblings_of_another_shape_do_not_count() {
        let mixed: String = (0..10)
            .map(|i| format!("<div class=c{i}><p>Entry {i}</p></div>"))
            .collect();
        let got = runs(&format!("<section>{mixed}</section>"));
        assert!(got.iter().all(|(_, r)| !r), "{got:?}");
    }
}
