//! Picks the main content and judges its blocks.
//!
//! 1. The pruned body becomes blocks ([`crate::blocks`]); each block lends its value
//!    ([`crate::score::block_value`]) to its element, and values add up the tree.
//! 2. The container with the best total wins (ties go to the deeper one): siblings that
//!    add prose lift their common parent, siblings that add furniture hold it down.
//! 3. Inside the winner, blocks that read like furniture are dropped (link lists,
//!    boilerplate lines, trailing fragments), and the title is not repeated at the top.
//! 4. When the pick is implausibly short, the whole body is judged block by block instead.

use crate::blocks::{self, Block, BlockKind};
use crate::cards;
use crate::counters::{is_counter, is_rating};
use crate::dom::{Dom, NodeData, NodeId};
use crate::items;
use crate::metadata::Metadata;
use crate::rules::cards::{GRID_OVER_STORY, GRID_REPLACES_STORY, MIN_STORY_BESIDE_GRID};
use crate::rules::listing::{LISTING_OVER_PICK, LISTING_OVER_SHORT_PICK, SHORT_PICK_CHARS};
use crate::rules::phrases;
use crate::score::{block_value, container_weight, features, is_prose, listing_value, Features};
use crate::text::normalize_space;
use crate::{Favor, Options};

/// Chooses the article's blocks.
pub fn select(dom: &Dom, meta: &Metadata, options: &Options) -> Vec<Block> {
    let root = dom.body().unwrap_or(Dom::ROOT);
    let mut all = blocks::collect(dom, &[root]);
    // A server's error messages printed into the page are none of its text.
    all.retain(|b| !crate::rules::phrases::is_server_diagnostic(&b.text_ref()));
    if all.is_empty() {
        return all;
    }
    let mut feats: Vec<Features> = all.iter().map(features).collect();
    let data_tables = mark_data_tables(dom, &all, &mut feats);
    let article = pick(
        dom,
        root,
        (&all, &feats, &[]),
        &data_tables,
        meta,
        Mode::Article {
            thread: meta.discussion,
        },
        options.favor,
    );
    let mut picked = judge(
        dom,
        (&all, &feats, &[]),
        |b| dom.contains(article, b.node),
        options.favor,
        Mode::Article {
            thread: meta.discussion,
        },
    );
    if options.favor != Favor::Recall {
        trim_trailing_boxes(dom, article, &all, &feats, &mut picked, options.favor);
    }
    let lead = lead_blocks(dom, article, &all, &feats);
    if !lead.is_empty() {
        picked.splice(0..0, lead);
    }
    let picked_len: f32 = picked.iter().map(|&i| feats[i].len).sum();
    let short = picked_len < SHORT_PICK_CHARS;
    let listing_ratio = if short {
        LISTING_OVER_SHORT_PICK
    } else {
        LISTING_OVER_PICK
    };
    // The listing's items are some of the page's blocks: when all of them together fall
    // short of the ratio, no listing can win (a sum of a subset, added in the same order,
    // never exceeds the whole's, rounding included).
    let page_len: f32 = feats.iter().map(|f| f.len).sum();
    let listing_can_win = page_len >= listing_ratio * picked_len.max(1.0);
    if listing_can_win
        && (short || !items::reads_as_story(dom, &all, &feats, &picked, options.favor))
    {
        // No story here (too short, or prose that is not paragraphs side by side: an
        // intro, a teaser): judge the page as a listing of items too.
        let runs = items::item_entries(dom, &all, &feats);
        let listing = pick(
            dom,
            root,
            (&all, &feats, &runs),
            &data_tables,
            meta,
            Mode::Listing,
            options.favor,
        );
        let items = judge(
            dom,
            (&all, &feats, &runs),
            |b| dom.contains(listing, b.node),
            options.favor,
            Mode::Listing,
        );
        let items_len: f32 = items.iter().map(|&i| feats[i].len).sum();
        if items_len >= listing_ratio * picked_len.max(1.0) {
            picked = items;
        }
    }
    // A page that declares itself a product or an article is not a collection of items.
    if !meta.product && meta.page_type.as_deref() != Some("article") {
        add_main_grid(dom, root, (&all, &feats), &mut picked, options.favor);
    }
    crate::recipe::add_ingredient_lists(&all, &mut picked, &meta.recipe_ingredients);
    drop_repeated_title(&all, &mut picked, meta.title.as_deref());
    drop_repeated_blocks(dom, &all, &feats, &mut picked);
    drop_author_bio(&all, &mut picked, &meta.authors);
    let mut all: Vec<Option<Block>> = all.into_iter().map(Some).collect();
    picked
        .into_iter()
        .filter_map(|i| all.get_mut(i).and_then(Option::take))
        .collect()
}

/// A page whose biggest card grid outweighs its story is a collection (a shop's
/// category, a catalogue): the grid with its heading and intro is the content, beside
/// whatever story the page also tells (a category's guide text). A story too short to be
/// one (a promo line) gives way to the grid.
fn add_main_grid(
    dom: &Dom,
    root: NodeId,
    (all, feats): (&[Block], &[Features]),
    picked: &mut Vec<usize>,
    favor: Favor,
) {
    let picked_len: f32 = picked.iter().map(|&i| feats[i].len).sum();
    // No grid can outweigh the story when the whole page cannot: skip the search (it is
    // the dearest part of selection on a long story).
    let page_len: f32 = feats.iter().map(|f| f.len).sum();
    if page_len < GRID_OVER_STORY * picked_len {
        return;
    }
    let sizes = crate::score::TextSizes::measure(dom, root);
    let grids = cards::find_grids(dom, root, &sizes);
    let Some(grid) = cards::main_grid(dom, &grids) else {
        return;
    };
    if (grid.text as f32) < GRID_OVER_STORY * picked_len {
        return;
    }
    let region = cards::grid_region(dom, grid, &sizes);
    let items = judge(
        dom,
        (all, feats, &[]),
        |b| dom.contains(region, b.node),
        favor,
        Mode::Listing,
    );
    if picked_len < MIN_STORY_BESIDE_GRID && grid.text as f32 >= GRID_REPLACES_STORY * picked_len {
        *picked = items;
    } else {
        picked.extend(items);
        picked.sort_unstable();
        picked.dedup();
    }
}

/// Links in the cells of a data table name its entries — laureates, releases, fixtures —
/// they are not navigation: such rows are measured as if link-free. A data table opens
/// with a row of column headings (a navigation box opens with a one-cell title row).
fn mark_data_tables(dom: &Dom, all: &[Block], feats: &mut [Features]) -> Vec<NodeId> {
    let mut tables = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let group = all[i].group;
        let is_row = |b: &Block| matches!(b.kind, BlockKind::TableRow { .. }) && b.group == group;
        if !is_row(&all[i]) {
            i += 1;
            continue;
        }
        let end = i + all[i..].iter().take_while(|b| is_row(b)).count();
        let columns = all[i].cells();
        let heading_row = matches!(all[i].kind, BlockKind::TableRow { header: true });
        if heading_row && columns >= 2 && end - i >= 3 {
            for f in &mut feats[i..end] {
                f.link_density = 0.0;
            }
            if let Some(t) = dom
                .ancestors(all[i].node)
                .find(|&a| dom.is(a, &html5ever::local_name!("table")))
            {
                tables.push(t);
            }
        }
        i = end;
    }
    tables
}

/// Drops the boxes that follow the story inside its container: an author's bio, an
/// "about this blog", a newsletter box, a teaser. The story is the deepest element that
/// holds most of the picked prose; what comes after its last block, outside it, and
/// adds up to little prose beside it, is furniture set below the story.
fn trim_trailing_boxes(
    dom: &Dom,
    article: NodeId,
    all: &[Block],
    feats: &[Features],
    picked: &mut Vec<usize>,
    favor: Favor,
) {
    let mut prose: std::collections::HashMap<NodeId, f32> = std::collections::HashMap::new();
    for &i in picked.iter() {
        let (b, f) = (&all[i], &feats[i]);
        if !is_prose(f, favor) {
            continue;
        }
        for a in std::iter::once(b.node).chain(dom.ancestors(b.node)) {
            *prose.entry(a).or_default() += f.len;
            if a == article {
                break;
            }
        }
    }
    let weight = |n: NodeId| prose.get(&n).copied().unwrap_or(0.0);
    let mut story = article;
    loop {
        let total = weight(story);
        let child = dom
            .child_elements(story)
            .max_by(|&a, &b| weight(a).total_cmp(&weight(b)));
        match child {
            // A paragraph is no story element: its sibling paragraphs are the story too.
            Some(c)
                if total > 0.0
                    && weight(c) >= STORY_SHARE * total
                    && !picked.iter().any(|&i| all[i].node == c) =>
            {
                story = c
            }
            _ => break,
        }
    }
    if story == article {
        return;
    }
    let Some(last) = picked
        .iter()
        .rposition(|&i| dom.contains(story, all[i].node))
    else {
        return;
    };
    let tail = &picked[last + 1..];
    // Tables, lists and code after the story are its data, not a box about the page.
    let data_chars: f32 = tail
        .iter()
        .filter(|&&i| {
            matches!(
                all[i].kind,
                BlockKind::ListItem { .. } | BlockKind::TableRow { .. } | BlockKind::Code
            ) && feats[i].link_density < 0.3
        })
        .map(|&i| feats[i].len)
        .sum();
    let structure = data_chars >= MIN_TRAILING_DATA_CHARS;
    if structure {
        return;
    }
    let tail: f32 = tail
        .iter()
        .map(|&i| &feats[i])
        .filter(|f| is_prose(f, favor))
        .map(|f| f.len)
        .sum();
    if tail < TRAILING_BOX_SHARE * weight(story) {
        picked.truncate(last + 1);
    }
}

/// Text a story's trailing tables, lists and code must hold to be its data; a few
/// labels in a layout table (a partner-logo box) are not.
const MIN_TRAILING_DATA_CHARS: f32 = 100.0;
/// Share of the picked prose that the story's own element holds.
const STORY_SHARE: f32 = 0.7;
/// Prose after the story, outside it, below this share of the story's is furniture.
const TRAILING_BOX_SHARE: f32 = 0.45;

/// The standfirst: sentences between the headline and the picked body, in the same
/// article wrapper. Sites set the lead in the article's header (`p.lead`, `.intro`,
/// `.excerpt`, a `<h2>` dek) apart from the body's container, but it is the story's
/// opening.
fn lead_blocks(dom: &Dom, article: NodeId, all: &[Block], feats: &[Features]) -> Vec<usize> {
    let Some(first) = all.iter().position(|b| dom.contains(article, b.node)) else {
        return Vec::new();
    };
    // The headline and the body must share a close wrapper (an <article>, a post div),
    // not just the page. The headline is the page's <h1>, or else the nearest heading
    // above the body (news modules often title a story with an <h2>/<h3>).
    let wrappers: Vec<NodeId> = dom.ancestors(article).take(LEAD_WRAPPER_LEVELS).collect();
    let shares_wrapper = |b: &Block| wrappers.iter().any(|&w| dom.contains(w, b.node));
    let before = &all[..first];
    let headline = before
        .iter()
        .rposition(|b| matches!(b.kind, BlockKind::Heading(1)))
        .filter(|&h| shares_wrapper(&before[h]))
        .or_else(|| {
            before
                .iter()
                .rposition(|b| matches!(b.kind, BlockKind::Heading(_)))
                .filter(|&h| shares_wrapper(&before[h]))
        });
    let Some(h1) = headline else {
        return Vec::new();
    };
    let mut lead = Vec::new();
    let mut total = 0.0;
    for i in h1 + 1..first {
        let (b, f) = (&all[i], &feats[i]);
        let text = b.text();
        let standfirst = matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading(_))
            && f.len >= 60.0
            && f.link_density < 0.2
            && (f.sentence
                || matches!(b.kind, BlockKind::Heading(_))
                || crate::text::word_count(&text) >= LEAD_MIN_WORDS_WITHOUT_STOP)
            && !in_figure(dom, b.node)
            && phrases::boilerplate_kind(&text).is_none()
            && !phrases::is_field_label(&text)
            && !starts_like_byline(&text);
        if standfirst {
            total += f.len;
            lead.push(i);
        }
    }
    if lead.len() > 3 || total > 1200.0 {
        // That much text above the pick is a second story or a teaser block, not a lead.
        return Vec::new();
    }
    lead
}

/// "By Jane Doe, a senior editor …": a byline, however long. The prefix must be a whole
/// word ("Die frühen 1970er …" is not "di …") followed by a capitalised name ("De acuerdo
/// con …" is a sentence, "De Juan Pérez" a byline).
fn starts_like_byline(text: &str) -> bool {
    let text = text.trim_start();
    crate::rules::metadata::BYLINE_PREFIXES.iter().any(|p| {
        let Some(head) = text.get(..p.len()) else {
            return false;
        };
        if !head.eq_ignore_ascii_case(p) {
            return false;
        }
        let rest = &text[p.len()..];
        if p.ends_with(':') {
            return true;
        }
        rest.starts_with([' ', '\u{a0}'])
            && rest
                .trim_start_matches([' ', '\u{a0}'])
                .starts_with(char::is_uppercase)
    })
}

/// A subtitle under the headline often has no full stop; this many words make it prose.
const LEAD_MIN_WORDS_WITHOUT_STOP: usize = 8;

/// How far above the picked body the headline's wrapper may be.
const LEAD_WRAPPER_LEVELS: usize = 4;

fn in_figure(dom: &Dom, node: NodeId) -> bool {
    std::iter::once(node).chain(dom.ancestors(node)).any(|n| {
        dom.is(n, &html5ever::local_name!("figure"))
            || dom.is(n, &html5ever::local_name!("figcaption"))
    })
}

/// What kind of content a pass looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Prose: paragraphs of sentences. On a `thread` (a page that declares itself a
    /// discussion: a forum thread, a Q&A page) the replies are content too.
    Article { thread: bool },
    /// Items: titled links and short entries.
    Listing,
}

/// The container whose blocks add up to the best value. `runs` flags the blocks that
/// sit in a run of items ([`items::in_item_runs`]; empty outside listing mode).
fn pick(
    dom: &Dom,
    root: NodeId,
    (all, feats, runs): (&[Block], &[Features], &[bool]),
    data_tables: &[NodeId],
    meta: &Metadata,
    mode: Mode,
    favor: Favor,
) -> NodeId {
    let body_hint = meta
        .article_body
        .as_deref()
        .map(normalize_space)
        .filter(|b| b.chars().count() >= 200);

    // Values per node, summed bottom-up.
    let mut value = vec![0f32; dom.len()];
    // Positive value only: how much prose sits below each node.
    let mut prose = vec![0f32; dom.len()];
    for (i, (b, f)) in all.iter().zip(feats).enumerate() {
        let mut v = match mode {
            Mode::Article { .. } => block_value(b, f),
            Mode::Listing => listing_value(b, f, runs.get(i).copied().unwrap_or(false)),
        };
        if let Some(hint) = &body_hint {
            if v > 0.0 && f.len >= 40.0 {
                v *= if in_hint(hint, b) { 2.0 } else { 0.5 };
            }
        }
        let owner = owner(dom, b.node);
        value[owner as usize] += v;
        prose[owner as usize] += v.max(0.0);
    }
    let order: Vec<NodeId> = dom.descendants(root).collect();
    let mut best = root;
    let mut best_value = f32::MIN;
    for &id in order.iter().rev() {
        if dom.element(id).is_none() {
            continue;
        }
        let mut v = value[id as usize];
        if v > 0.0 {
            v *= container_weight(dom, id);
            value[id as usize] = v;
        }
        if v > best_value && can_pick(dom, id, data_tables) {
            best_value = v;
            best = id;
        }
        if let Some(p) = dom.parent(id) {
            value[p as usize] += v;
            prose[p as usize] += prose[id as usize];
        }
    }
    if best_value <= 0.0 {
        // Nothing reads like content anywhere: no element is better than the whole page.
        return root;
    }
    // Widen: a pick that holds a small part of the prose of the article element around it
    // (a table among paragraphs drowned by long link lists) stands for that article.
    if let Some(article) = dom
        .ancestors(best)
        .find(|&a| marks_article(dom, a))
        .filter(|&a| prose[a as usize] >= WIDEN_TO_ARTICLE_RATIO * prose[best as usize])
    {
        best = article;
    }
    // Tighten: when one child holds nearly all of the winner's prose, the rest of the
    // winner is furniture that happened to weigh little (teasers, bios, captions).
    loop {
        let total = prose[best as usize];
        let child = dom
            .child_elements(best)
            .max_by(|&a, &b| prose[a as usize].total_cmp(&prose[b as usize]));
        match child {
            Some(c)
                if can_pick(dom, c, data_tables)
                    && prose[c as usize] >= tighten_share(favor) * total =>
            {
                best = c
            }
            _ => break,
        }
    }
    best
}

/// How many times the pick's prose the article element around it must hold for the pick
/// to widen to it.
const WIDEN_TO_ARTICLE_RATIO: f32 = 4.0;

/// Whether an element says it is the article: `<article>` or `itemprop="articleBody"`.
fn marks_article(dom: &Dom, id: NodeId) -> bool {
    dom.element(id).is_some_and(|el| {
        *el.tag() == html5ever::local_name!("article")
            || el
                .attr("itemprop")
                .is_some_and(|v| v.split_whitespace().any(|t| t == "articleBody"))
    })
}

/// Share of a container's prose that one child must hold for the pick to move down to it.
fn tighten_share(favor: Favor) -> f32 {
    match favor {
        Favor::Precision => 0.85,
        Favor::Balanced => 0.93,
        // Never: every bit of prose stays.
        Favor::Recall => 1.01,
    }
}

/// The readable text of comment sections set aside by pruning: the comments themselves,
/// without the reply form, its CAPTCHA and the section's template lines.
pub fn comment_blocks(dom: &Dom, roots: &[NodeId]) -> Vec<Block> {
    let mut out = blocks::collect(dom, roots);
    out.retain(|b| {
        let in_form = std::iter::once(b.node)
            .chain(dom.ancestors(b.node))
            .any(|n| dom.is(n, &html5ever::local_name!("form")));
        let text = b.text();
        !in_form && phrases::boilerplate_kind(&text).is_none() && !phrases::is_field_label(&text)
    });
    out
}

/// The element a block's value belongs to: the block's node, or its parent for text.
fn owner(dom: &Dom, node: NodeId) -> NodeId {
    match dom.node(node).data {
        NodeData::Element(_) => node,
        _ => dom.parent(node).unwrap_or(Dom::ROOT),
    }
}

fn is_container(dom: &Dom, id: NodeId) -> bool {
    dom.tag(id).is_some_and(blocks::is_block_tag)
}

/// Whether an element can be the pick. A data table is part of a story, never one by
/// itself (a layout table's parts can be).
fn can_pick(dom: &Dom, id: NodeId, data_tables: &[NodeId]) -> bool {
    is_container(dom, id)
        && !(dom.tag(id).is_some_and(|t| {
            matches!(
                *t,
                html5ever::local_name!("table")
                    | html5ever::local_name!("thead")
                    | html5ever::local_name!("tbody")
                    | html5ever::local_name!("tfoot")
                    | html5ever::local_name!("tr")
            )
        }) && data_tables.iter().any(|&t| dom.contains(t, id)))
}

/// Whether the block's opening words stand in the structured-data article body.
fn in_hint(hint: &str, b: &Block) -> bool {
    let t = normalize_space(&b.text());
    let probe: String = t.chars().take(40).collect();
    hint.contains(&probe)
}

/// Keeps the blocks of a container that read like content.
/// Returns indices into `blocks`, in order, of the blocks `inside` admits and that read
/// like content.
fn judge(
    dom: &Dom,
    (blocks, feats, runs): (&[Block], &[Features], &[bool]),
    inside: impl Fn(&Block) -> bool,
    favor: Favor,
    mode: Mode,
) -> Vec<usize> {
    let chosen = (0..blocks.len()).filter(|&i| inside(&blocks[i]));
    if mode == Mode::Listing {
        return chosen
            .filter(|&i| {
                let text = blocks[i].text_ref();
                // One word is a menu entry, unless it is one of a run of entries.
                let min_words = if runs.get(i).copied().unwrap_or(false) {
                    1
                } else {
                    2
                };
                crate::text::word_count(&text) >= min_words
                    && phrases::boilerplate_kind(&text).is_none()
                    && !phrases::is_field_label(&text)
            })
            .collect();
    }
    let max_ld = match favor {
        Favor::Precision => 0.35,
        Favor::Balanced => 0.5,
        Favor::Recall => 0.7,
    };
    let (index, all): (Vec<usize>, Vec<(&Block, &Features)>) =
        chosen.map(|i| (i, (&blocks[i], &feats[i]))).unzip();
    let mut keep: Vec<bool> = all
        .iter()
        .enumerate()
        .map(|(k, (b, f))| {
            let heading = matches!(b.kind, BlockKind::Heading(_));
            if heading && titles_teaser(dom, &all, k, favor) {
                return true;
            }
            if f.link_density > max_ld && f.len > 0.0 {
                return false;
            }
            if heading && f.link_density > 0.6 {
                return false;
            }
            true
        })
        .collect();
    // Template lines go; a heading-like line that opens a comment thread or a list of
    // related links takes the rest of its section with it.
    let mut i = 0;
    while i < all.len() {
        let (b, f) = all[i];
        if keep[i] && f.len < 400.0 {
            if let Some(kind) = phrases::boilerplate_kind(&b.text_ref()) {
                keep[i] = false;
                // On a thread, "22 Comments" heads the replies: the line goes, they stay.
                let replies_follow = mode == (Mode::Article { thread: true })
                    && kind == phrases::Kind::CommentSection;
                if kind.opens_section() && !replies_follow {
                    // The section runs to the next heading, but not out of a box nested
                    // among the story's paragraphs (a "Related" box with story before and
                    // after it in the same container).
                    let scope = dom.parent(b.node).unwrap_or(Dom::ROOT);
                    let outer = dom.parent(scope).unwrap_or(Dom::ROOT);
                    let story_before = all[..i].iter().zip(&keep).any(|((pb, pf), &k)| {
                        k && is_prose(pf, favor) && dom.contains(outer, pb.node)
                    });
                    // In a flat story (paragraphs, then the box's heading and list as
                    // their siblings) the story resumes at the next sibling paragraph.
                    let flat_story_before = all[..i].iter().zip(&keep).any(|((pb, pf), &k)| {
                        k && is_prose(pf, favor) && dom.parent(pb.node) == Some(scope)
                    });
                    // Two paragraphs or more: one is a closing notice, not the story.
                    let story_paragraph = |k: usize| {
                        all[k].0.kind == BlockKind::Paragraph
                            && dom.parent(all[k].0.node) == Some(scope)
                            && is_prose(all[k].1, favor)
                    };
                    let mut j = i + 1;
                    while j < all.len()
                        && !matches!(all[j].0.kind, BlockKind::Heading(_))
                        && !(story_before
                            && !dom.contains(scope, all[j].0.node)
                            && dom.contains(outer, all[j].0.node)
                            && is_prose(all[j].1, favor))
                        && !(flat_story_before
                            && j > i + 1
                            && story_paragraph(j)
                            && (j + 1..all.len()).any(story_paragraph))
                    {
                        keep[j] = false;
                        j += 1;
                    }
                    i = j;
                    continue;
                }
            } else if phrases::is_field_label(&b.text_ref())
                || is_counter(&b.text_ref())
                || is_rating(&b.text_ref())
            {
                keep[i] = false;
            }
        }
        // A box of several lines under an appeal ("Gefällt dir unser Magazin? …", then
        // the case for a donation) goes whole, however long it is.
        if keep[i] && phrases::opens_with_appeal(&b.text_ref()) {
            keep[i] = false;
        }
        i += 1;
    }
    // A heading whose whole section was dropped (a "Related" title over a link list)
    // goes with it.
    for i in 0..all.len() {
        if keep[i] && matches!(all[i].0.kind, BlockKind::Heading(_)) {
            let section = all[i + 1..]
                .iter()
                .take_while(|(b, _)| !matches!(b.kind, BlockKind::Heading(_)))
                .count();
            let kept = keep[i + 1..i + 1 + section].iter().filter(|&&k| k).count();
            if section > 0 && kept == 0 {
                keep[i] = false;
            }
        }
    }
    let kept: Vec<usize> = (0..all.len()).filter(|&i| keep[i]).collect();
    let candidates: Vec<(&Block, &Features)> = kept.iter().map(|&i| all[i]).collect();
    // Trim furniture before the first and after the last prose block.
    let first = candidates.iter().position(|(_, f)| is_prose(f, favor));
    let last = candidates.iter().rposition(|(_, f)| is_prose(f, favor));
    let (Some(first), Some(last)) = (first, last) else {
        return kept.into_iter().map(|i| index[i]).collect();
    };
    let mut start = first;
    // Keep headings and short lead-ins right before the first prose block.
    while start > 0 {
        let (b, f) = candidates[start - 1];
        let lead_in = matches!(b.kind, BlockKind::Heading(_))
            || (f.sentence && f.len >= 30.0 && f.link_density < 0.2);
        if !lead_in {
            break;
        }
        start -= 1;
    }
    let mut end = last + 1;
    let story_parent = dom.parent(candidates[last].0.node);
    while end < candidates.len() {
        let (b, f) = candidates[end];
        let structure = matches!(
            b.kind,
            BlockKind::ListItem { .. } | BlockKind::TableRow { .. } | BlockKind::Code
        ) && f.link_density < 0.3
            && f.len >= 15.0;
        // A short closing sentence among the story's own paragraphs is still the story.
        let closing = matches!(b.kind, BlockKind::Paragraph | BlockKind::Quote)
            && f.sentence
            && f.link_density < 0.2
            && dom.parent(b.node) == story_parent;
        let tail = structure || closing;
        if !tail {
            break;
        }
        end += 1;
    }
    kept[start..end].iter().map(|&i| index[i]).collect()
}

/// Whether the linked heading at `k` is the title of a story card in a list of stories:
/// each card shows a linked title over a sentence or two of teaser, and the list sets
/// several cards of one shape side by side. Alone, a linked heading reads like a link to
/// elsewhere (a "read also" box in a story); over its teaser, in a run of alike cards,
/// it is the entry's name.
fn titles_teaser(dom: &Dom, all: &[(&Block, &Features)], k: usize, favor: Favor) -> bool {
    let Some(&(next, next_f)) = all.get(k + 1) else {
        return false;
    };
    let (heading, _) = all[k];
    if next.kind != BlockKind::Paragraph || !is_prose(next_f, favor) {
        return false;
    }
    let Some(card) = dom
        .ancestors(heading.node)
        .take(TEASER_WRAPPER_LEVELS)
        .find(|&a| dom.contains(a, next.node))
    else {
        return false;
    };
    std::iter::once(card)
        .chain(dom.ancestors(card))
        .take(TEASER_CARD_LEVELS)
        .any(|c| {
            let (alike, all) = alike_siblings(dom, c);
            alike >= MIN_TEASER_CARDS && 2 * alike >= all
        })
}

/// How many elements under `id`'s parent share its tag and class (itself included), and
/// how many elements there are. Cards of a list make up most of it; boxes set here and
/// there among a story's paragraphs do not.
fn alike_siblings(dom: &Dom, id: NodeId) -> (usize, usize) {
    let (Some(el), Some(parent)) = (dom.element(id), dom.parent(id)) else {
        return (0, 0);
    };
    let mut alike = 0;
    let mut all = 0;
    for e in dom.child_elements(parent).filter_map(|c| dom.element(c)) {
        all += 1;
        alike += usize::from(e.tag() == el.tag() && e.class() == el.class());
    }
    (alike, all)
}

/// How far above a story's linked title its card may wrap the teaser paragraph
/// (`<div><a><h3>…</h3></a><p>…</p></div>`, a level or two of inner wrappers).
const TEASER_WRAPPER_LEVELS: usize = 4;
/// How far above the card the repeated element may sit (the card in an `<li>`, the
/// `<li>` in the list).
const TEASER_CARD_LEVELS: usize = 3;
/// Alike cards it takes to make a list of stories, not a lone "read also" teaser.
const MIN_TEASER_CARDS: usize = 3;

/// Drops a leading block that repeats the title.
fn drop_repeated_title(all: &[Block], picked: &mut Vec<usize>, title: Option<&str>) {
    let Some(title) = title else { return };
    let t = fold(title);
    if t.is_empty() {
        return;
    }
    if let Some(pos) = picked.iter().take(3).position(|&i| {
        let bt = fold(&all[i].text());
        !bt.is_empty() && (bt == t || (t.contains(&bt) && bt.len() * 10 >= t.len() * 6))
    }) {
        picked.remove(pos);
    }
}

/// Drops the copies of a section that the page sets two or three times for phone, tablet
/// and desktop (and shows one): a container whose every long block repeats, word for
/// word, blocks picked before it in other containers. A paragraph repeated among new ones
/// is the text's own.
fn drop_repeated_blocks(dom: &Dom, all: &[Block], feats: &[Features], picked: &mut Vec<usize>) {
    use std::collections::HashMap;
    // Per hash of a folded text: the first block with that text, and its container. The
    // hash spares folding every long block into a new string; a hash hit is confirmed by
    // comparing the folded texts.
    let mut first_parent: HashMap<u64, Vec<(usize, Option<NodeId>)>> = HashMap::new();
    // Per container: (long blocks, long blocks that repeat another container's).
    let mut counts: HashMap<Option<NodeId>, (usize, usize)> = HashMap::new();
    let mut repeats: Vec<bool> = Vec::with_capacity(picked.len());
    for &i in picked.iter() {
        if feats[i].len < MIN_REPEATED_BLOCK_CHARS {
            repeats.push(false);
            continue;
        }
        let parent = dom.parent(all[i].node);
        let text = all[i].text_ref();
        let same_hash = first_parent.entry(folded_hash(&text)).or_default();
        let first = match same_hash
            .iter()
            .find(|&&(j, _)| fold(&all[j].text_ref()) == fold(&text))
        {
            Some(&(_, first)) => first,
            None => {
                same_hash.push((i, parent));
                parent
            }
        };
        let repeat = first != parent;
        let c = counts.entry(parent).or_default();
        c.0 += 1;
        c.1 += usize::from(repeat);
        repeats.push(repeat);
    }
    let mut k = 0;
    picked.retain(|&i| {
        let repeat = repeats[k];
        k += 1;
        !(repeat
            && counts
                .get(&dom.parent(all[i].node))
                .is_some_and(|&(long, rep)| long == rep))
    });
}

/// A repeated block shorter than this (a label, a price) may be two items' own line.
const MIN_REPEATED_BLOCK_CHARS: f32 = 40.0;

/// "Jane Roe is a senior writer …" at either end of the story: the writer's bio box, set
/// as a paragraph. The name must be the byline's (two words at least) and a lowercase word
/// must follow it (a verb), so a story that opens with its author's name as a subject of
/// a headline-like line is not taken for one.
fn drop_author_bio(all: &[Block], picked: &mut Vec<usize>, authors: &[String]) {
    let names: Vec<&str> = authors
        .iter()
        .map(|a| a.trim())
        .filter(|a| a.split_whitespace().count() >= 2)
        .collect();
    if names.is_empty() || picked.len() < 3 {
        return;
    }
    let is_bio = |i: usize| {
        let block = &all[i];
        if block.kind != BlockKind::Paragraph {
            return false;
        }
        let text = block.text();
        let text = text.trim_start();
        crate::text::word_count(text) <= MAX_BIO_WORDS
            && names.iter().any(|name| {
                text.strip_prefix(name).is_some_and(|rest| {
                    rest.starts_with(' ')
                        && rest.trim_start().starts_with(|c: char| c.is_lowercase())
                })
            })
    };
    let len = picked.len();
    let ends = [0, 1, len - 2, len - 1];
    let mut drop: Vec<usize> = ends.into_iter().filter(|&k| is_bio(picked[k])).collect();
    drop.dedup();
    for k in drop.into_iter().rev() {
        picked.remove(k);
    }
}

/// A bio box is a few sentences; a longer paragraph about the writer is the story.
const MAX_BIO_WORDS: usize = 80;

fn fold(s: &str) -> String {
    normalize_space(s).to_lowercase()
}

/// A hash of [`fold`]`(s)` computed without building it: texts that fold alike hash
/// alike. `str::to_lowercase` picks σ or ς for a capital sigma by its neighbours, char by
/// char lowercasing always σ: both count as σ here, so the hash stays equal where the
/// folds are (and a few more texts share a hash, which the caller's comparison sorts out).
fn folded_hash(s: &str) -> u64 {
    // FNV-1a over the folded text's characters.
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut hash = OFFSET;
    let mut feed = |c: char| hash = (hash ^ u64::from(u32::from(c))).wrapping_mul(PRIME);
    for (k, word) in s.split_whitespace().enumerate() {
        if k > 0 {
            feed(' ');
        }
        for c in word.chars() {
            if c.is_ascii() {
                feed(c.to_ascii_lowercase());
            } else {
                for lower in c.to_lowercase() {
                    feed(if lower == 'ς' { 'σ' } else { lower });
                }
            }
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_html, ParseLimits};

    fn rows_link_density(html: &str) -> (Vec<f32>, usize) {
        let dom = parse_html(html, ParseLimits::default()).unwrap();
        let all = blocks::collect(&dom, &[dom.body().unwrap()]);
        let mut feats: Vec<Features> = all.iter().map(features).collect();
        let tables = mark_data_tables(&dom, &all, &mut feats);
        (feats.iter().map(|f| f.link_density).collect(), tables.len())
    }

    #[test]
    fn data_table_links_are_entries_not_navigation() {
        let (ld, tables) = rows_link_density(
            "<table><tr><th>Year</th><th>Winner</th></tr>\
             <tr><td>2001</td><td><a href=/a>Ann Roe</a></td></tr>\
             <tr><td>2002</td><td><a href=/b>Jo Marsh</a></td></tr></table>",
        );
        assert_eq!(tables, 1);
        assert!(ld.iter().all(|&d| d == 0.0), "{ld:?}");
    }

    #[test]
    fn navigation_box_keeps_its_link_density() {
        let (ld, tables) = rows_link_density(
            "<table><tr><th colspan=2>Sailing</th></tr>\
             <tr><th>Clubs</th><td><a href=/a>Harbour Club</a> <a href=/b>North Club</a></td></tr>\
             <tr><th>Events</th><td><a href=/c>Regatta</a> <a href=/d>Winter Series</a></td></tr></table>",
        );
        assert_eq!(tables, 0);
        assert!(ld[1] > 0.5 && ld[2] > 0.5, "{ld:?}");
    }

    #[test]
    fn byline_prefix_is_a_whole_word_before_a_name() {
        assert!(starts_like_byline("By Jane Doe, senior editor"));
        assert!(starts_like_byline("Von Max Mustermann"));
        assert!(starts_like_byline("Autor: jdoe"));
        assert!(!starts_like_byline(
            "Die frühen 1970er Jahre werden oft genannt."
        ));
        assert!(!starts_like_byline("Der Bundestag hat beschlossen."));
        assert!(!starts_like_byline(
            "De acuerdo con el informe, la cifra subió."
        ));
        assert!(!starts_like_byline("Yesterday the council met."));
    }

    #[test]
    fn standfirst_under_a_module_heading_is_the_lead() {
        let body: String = (0..8)
            .map(|i| {
                format!(
                    "<p>Der Sturm erreichte die Küste am Morgen des {i}. Tages. Schiffe blieben auf \
                     See, und die Fähren stellten den Betrieb ein, bis der Wind nachließ.</p>"
                )
            })
            .collect();
        let html = format!(
            "<title>Port</title><div class=news><div class=article><div class=header>\
             <h3>Storm closes the port</h3></div><div class=teaser-text><p>Die Hafenbehörde \
             hat am Montag alle Liegeplätze geräumt, weil der Sturm stärker ausfiel als \
             vorhergesagt und Böen von über hundert Kilometern brachte.</p></div>\
             <div class=news-text-wrap>{body}</div></div></div><div class=sidebar><p>Mehr</p></div>"
        );
        let article = crate::extract_str(&html, &crate::Options::default()).expect("extracts");
        let lead = article.text.find("Die Hafenbehörde").expect("lead kept");
        let story = article.text.find("Der Sturm").expect("story kept");
        assert!(lead < story, "{}", article.text);
    }

    #[test]
    fn linked_titles_of_story_cards_stay_a_lone_teaser_title_does_not() {
        let cards: String = (0..4)
            .map(|i| {
                format!(
                    "<article class=card><a href=/s{i}><h2>Harbour story {i}</h2></a>\
                     <p>The council met on day {i} and voted on the harbour budget, which \
                     rose again this year after a long debate.</p></article>"
                )
            })
            .collect();
        let html = format!("<title>Blog</title><main>{cards}</main>");
        let article = crate::extract_str(&html, &crate::Options::default()).expect("extracts");
        assert!(article.text.contains("Harbour story 0"), "{}", article.text);
        assert!(article.text.contains("Harbour story 3"), "{}", article.text);
        // Linked titles over teasers set here and there in a story are "read also" boxes.
        let story: String = (0..6)
            .map(|i| format!("<p>The council met on day {i} and voted on the harbour budget, which rose again this year after a long debate.</p>"))
            .collect();
        let html = format!(
            "<title>Budget</title><article>{story}<div class=teaser><a href=/x><h3>Ferry fares rise</h3></a>\
             <p>The ferry company raised its fares for the third time this year, citing fuel.</p></div>{story}\
             <div class=teaser><a href=/y><h3>Pier closes</h3></a><p>The old pier closes for repairs \
             until spring, the harbour office said on Monday morning.</p></div>{story}\
             <div class=teaser><a href=/z><h3>New lighthouse</h3></a><p>A new lighthouse goes up on \
             the north mole next year, paid for by the port.</p></div>{story}</article>"
        );
        let article = crate::extract_str(&html, &crate::Options::default()).expect("extracts");
        assert!(
            !article.text.contains("Ferry fares rise"),
            "{}",
            article.text
        );
    }

    #[test]
    fn folded_hash_follows_fold() {
        let alike = [
            (
                "  Der Sturm\n erreichte DIE Küste ",
                "der sturm erreichte die KÜSTE",
            ),
            // A capital sigma folds to ς at a word's end, to σ inside it.
            ("ΟΔΟΣ ΣΤΟ", "οδος στο"),
            ("İstanbul", "i\u{307}stanbul"),
        ];
        for (a, b) in alike {
            assert_eq!(fold(a), fold(b));
            assert_eq!(folded_hash(a), folded_hash(b), "{a:?} {b:?}");
        }
        assert_ne!(folded_hash("der sturm"), folded_hash("der strum"));
        assert_ne!(folded_hash("ab c"), folded_hash("a bc"));
    }

    #[test]
    fn responsive_copies_of_a_section_go_once() {
        let para =
            |s: &str| format!("<p>{s} went to the harbour and counted the boats twice over.</p>");
        let story: String = ["Anna", "Ben", "Cleo"].iter().map(|n| para(n)).collect();
        let copy: String = ["ANNA", "Ben", "Cleo"].iter().map(|n| para(n)).collect();
        let html = format!("<div><div class=a>{story}</div><div class=b>{copy}</div></div>");
        let dom = crate::parse::parse_html(&html, ParseLimits::default()).unwrap();
        let all = blocks::collect(&dom, &[dom.body().unwrap()]);
        let feats: Vec<Features> = all.iter().map(features).collect();
        let mut picked: Vec<usize> = (0..all.len()).collect();
        drop_repeated_blocks(&dom, &all, &feats, &mut picked);
        assert_eq!(picked, vec![0, 1, 2]);
        // One new paragraph among the copies keeps the second container.
        let html = html.replacen("ANNA", "Dora", 1);
        let dom = crate::parse::parse_html(&html, ParseLimits::default()).unwrap();
        let all = blocks::collect(&dom, &[dom.body().unwrap()]);
        let feats: Vec<Features> = all.iter().map(features).collect();
        let mut picked: Vec<usize> = (0..all.len()).collect();
        drop_repeated_blocks(&dom, &all, &feats, &mut picked);
        assert_eq!(picked.len(), 6);
    }

    #[test]
    fn a_table_among_long_link_lists_stands_for_its_article() {
        // Prose, a table of providers long enough not to read as a listing, then link
        // lists that outweigh the prose: the table alone must not become the story.
        let intro: String = (0..30)
            .map(|i| {
                format!(
                    "<p>Free courses are hard to find, so part {i} of this guide collects \
                     them by provider, with what each one offers and how long it takes.</p>"
                )
            })
            .collect();
        let lists: String = (0..20)
            .map(|l| {
                let items: String = (0..30)
                    .map(|i| {
                        format!("<li><a href=/c{l}-{i}>Course number {i} of group {l}</a></li>")
                    })
                    .collect();
                format!("<h2>Group {l}</h2><ul>{items}</ul>")
            })
            .collect();
        let rows: String = (0..8)
            .map(|i| {
                format!(
                    "<tr><td>Provider {i}</td><td>Hundreds of courses with free certificates \
                     on data, design and writing, from beginner to advanced.</td></tr>"
                )
            })
            .collect();
        let html = format!(
            "<title>Guide</title><nav><a href=/>Home</a></nav><article><h1>Guide</h1>\
             <div class=body>{intro}<div class=table><table>{rows}</table></div>{lists}</div>\
             </article>"
        );
        let article = crate::extract_str(&html, &crate::Options::default()).expect("extracts");
        assert!(
            article.text.contains("part 0 of this guide"),
            "{}",
            article.text
        );
        assert!(article.text.contains("Provider 7"), "{}", article.text);
    }

    #[test]
    fn a_few_labels_in_a_layout_table_do_not_hold_a_sidebar_to_the_story() {
        // Story column beside a sidebar column: a partner box (a layout table of three
        // labels) and a promotion paragraph. The labels are no data of the story's.
        let story: String = (0..6)
            .map(|i| {
                format!(
                    "<p>Level passes for the swimmers can now be ordered, step {i} of the \
                     new system, which sets common standards for training in every club.</p>"
                )
            })
            .collect();
        let page = |box_rows: &str| {
            format!(
                "<title>Level passes</title><div id=content><div id=main>{story}</div>\
                 <div id=side><h2>Our partners</h2><table>{box_rows}</table>\
                 <h2>Book hotels and do good</h2><p>Use the booking button to reach the \
                 hotel portal: every booking made there supports the association's youth \
                 work at no extra cost to you.</p></div></div>"
            )
        };
        let labels = "<tr><td>Premium partners</td></tr><tr><td>Institutions</td></tr>\
                      <tr><td>Federations</td></tr>";
        let text = crate::extract_str(&page(labels), &crate::Options::default())
            .expect("extracts")
            .text;
        assert!(text.contains("step 5 of the"), "{text}");
        assert!(!text.contains("Our partners"), "{text}");
        assert!(!text.contains("hotel portal"), "{text}");
    }

    #[test]
    fn short_paragraphs_after_a_long_one_are_the_story() {
        // One long paragraph holds most of the prose; the two after it close the story.
        // A server's warning printed before the page is no part of it, and pushes the
        // head's `<title>` into the body, where it is still the title.
        let long = "The blog moved to a new server overnight, with current versions of \
                    everything, and today the update to the new software followed. "
            .repeat(6);
        let html = format!(
            "<br />\n<b>Warning</b>:  mysql_connect(): Access denied for user in \
             <b>/www/htdocs/plugins/tagging.php</b> on line <b>299</b><br />\n\
             <!DOCTYPE html><html><head><title>A new start</title></head><body>\
             <div class=container><article><h2>A new start</h2><p>{long}</p>\
             <p>The start is made; now I only need to find the time to write again, and a \
             few ideas have piled up.</p><p>I hope you like the relaunch.</p></article></div>\
             </body></html>"
        );
        let article = crate::extract_str(&html, &crate::Options::default()).expect("extracts");
        assert!(
            article.text.contains("I hope you like the relaunch."),
            "{}",
            article.text
        );
        assert!(
            article.text.contains("The start is made"),
            "{}",
            article.text
        );
        assert!(!article.text.contains("mysql_connect"), "{}", article.text);
        assert_eq!(article.title.as_deref(), Some("A new start"));
    }

    #[test]
    fn author_bio_at_the_end_goes() {
        let body: String = (0..6)
            .map(|i| format!("<p>The council met on day {i} and voted on the harbour budget, which rose again this year after a long debate.</p>"))
            .collect();
        let html = format!(
            "<html><head><title>Harbour budget</title><meta name=author content='Jane Roe'></head>\
             <body><article><h1>Harbour budget</h1>{body}\
             <p>Jane Roe is a senior writer covering city politics.</p></article></body></html>"
        );
        let article = crate::extract_str(&html, &crate::Options::default()).expect("extracts");
        assert!(article.text.contains("harbour budget"), "{}", article.text);
        assert!(!article.text.contains("senior writer"), "{}", article.text);
        // The same name opening a story sentence with a capital after it stays.
        let html = html.replace("Jane Roe is a senior", "Jane Roe Said a senior");
        let article = crate::extract_str(&html, &crate::Options::default()).expect("extracts");
        assert!(article.text.contains("Said a senior"), "{}", article.text);
    }
}
