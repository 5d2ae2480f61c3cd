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
use crate::dom::{Dom, NodeData, NodeId};
use crate::metadata::Metadata;
use crate::rules::phrases;
use crate::score::{block_value, container_weight, features, is_prose, listing_value, Features};
use crate::text::normalize_space;
use crate::{Favor, Options};

/// Chooses the article's blocks.
pub fn select(dom: &Dom, meta: &Metadata, options: &Options) -> Vec<Block> {
    let root = dom.body().unwrap_or(Dom::ROOT);
    let all = blocks::collect(dom, &[root]);
    if all.is_empty() {
        return all;
    }
    let feats: Vec<Features> = all.iter().map(features).collect();
    let article = pick(dom, root, &all, &feats, meta, Mode::Article, options.favor);
    let mut picked = judge(
        dom,
        all.iter()
            .zip(&feats)
            .filter(|(b, _)| dom.contains(article, b.node)),
        options.favor,
        Mode::Article,
    );
    if options.favor != Favor::Recall {
        trim_trailing_boxes(dom, article, &mut picked, options.favor);
    }
    let lead = lead_blocks(dom, article, &all, &feats);
    if !lead.is_empty() {
        picked.splice(0..0, lead);
    }
    let picked_len: f32 = picked.iter().map(|b| features(b).len).sum();
    if picked_len < 600.0 {
        // No story here: judge the page as a listing of items instead.
        let listing = pick(dom, root, &all, &feats, meta, Mode::Listing, options.favor);
        let items = judge(
            dom,
            all.iter()
                .zip(&feats)
                .filter(|(b, _)| dom.contains(listing, b.node)),
            options.favor,
            Mode::Listing,
        );
        let items_len: f32 = items.iter().map(|b| features(b).len).sum();
        if items_len >= 2.0 * picked_len.max(1.0) {
            picked = items;
        }
    }
    drop_repeated_title(&mut picked, meta.title.as_deref());
    picked
}

/// Drops the boxes that follow the story inside its container: an author's bio, an
/// "about this blog", a newsletter box, a teaser. The story is the deepest element that
/// holds most of the picked prose; what comes after its last block, outside it, and
/// adds up to little prose beside it, is furniture set below the story.
fn trim_trailing_boxes(dom: &Dom, article: NodeId, picked: &mut Vec<Block>, favor: Favor) {
    let mut prose: std::collections::HashMap<NodeId, f32> = std::collections::HashMap::new();
    for b in picked.iter() {
        let f = features(b);
        if !is_prose(&f, favor) {
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
            Some(c) if total > 0.0 && weight(c) >= STORY_SHARE * total => story = c,
            _ => break,
        }
    }
    if story == article {
        return;
    }
    let Some(last) = picked.iter().rposition(|b| dom.contains(story, b.node)) else {
        return;
    };
    let tail = &picked[last + 1..];
    // Tables, lists and code after the story are its data, not a box about the page.
    let structure = tail.iter().any(|b| {
        matches!(
            b.kind,
            BlockKind::ListItem { .. } | BlockKind::TableRow { .. } | BlockKind::Code
        ) && features(b).link_density < 0.3
    });
    if structure {
        return;
    }
    let tail: f32 = tail
        .iter()
        .map(features)
        .filter(|f| is_prose(f, favor))
        .map(|f| f.len)
        .sum();
    if tail < TRAILING_BOX_SHARE * weight(story) {
        picked.truncate(last + 1);
    }
}

/// Share of the picked prose that the story's own element holds.
const STORY_SHARE: f32 = 0.7;
/// Prose after the story, outside it, below this share of the story's is furniture.
const TRAILING_BOX_SHARE: f32 = 0.45;

/// The standfirst: sentences between the headline and the picked body, in the same
/// article wrapper. Sites set the lead in the article's header (`p.lead`, `.intro`,
/// `.excerpt`, a `<h2>` dek) apart from the body's container, but it is the story's
/// opening.
fn lead_blocks(dom: &Dom, article: NodeId, all: &[Block], feats: &[Features]) -> Vec<Block> {
    let Some(first) = all.iter().position(|b| dom.contains(article, b.node)) else {
        return Vec::new();
    };
    let Some(h1) = all[..first]
        .iter()
        .rposition(|b| matches!(b.kind, BlockKind::Heading(1)))
    else {
        return Vec::new();
    };
    // The headline and the body must share a close wrapper (an <article>, a post div),
    // not just the page.
    let wrapper = dom
        .ancestors(article)
        .take(LEAD_WRAPPER_LEVELS)
        .find(|&a| dom.contains(a, all[h1].node));
    if wrapper.is_none() {
        return Vec::new();
    }
    let mut lead = Vec::new();
    let mut total = 0.0;
    for (b, f) in all[h1 + 1..first].iter().zip(&feats[h1 + 1..first]) {
        let text = b.text();
        let standfirst = matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading(_))
            && f.len >= 60.0
            && f.link_density < 0.2
            && (f.sentence || matches!(b.kind, BlockKind::Heading(_)))
            && !in_figure(dom, b.node)
            && phrases::boilerplate_kind(&text).is_none()
            && !phrases::is_field_label(&text)
            && !starts_like_byline(&text);
        if standfirst {
            total += f.len;
            lead.push(b.clone());
        }
    }
    if lead.len() > 3 || total > 800.0 {
        // That much text above the pick is a second story or a teaser block, not a lead.
        return Vec::new();
    }
    lead
}

/// "By Jane Doe, a senior editor …": a byline, however long.
fn starts_like_byline(text: &str) -> bool {
    let head: String = text.chars().take(24).flat_map(char::to_lowercase).collect();
    crate::rules::metadata::BYLINE_PREFIXES
        .iter()
        .any(|p| head.starts_with(p))
}

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
    /// Prose: paragraphs of sentences.
    Article,
    /// Items: titled links and short entries.
    Listing,
}

/// The container whose blocks add up to the best value.
fn pick(
    dom: &Dom,
    root: NodeId,
    all: &[Block],
    feats: &[Features],
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
    for (b, f) in all.iter().zip(feats) {
        let mut v = match mode {
            Mode::Article => block_value(b, f),
            Mode::Listing => listing_value(b, f),
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
        if v > best_value && is_container(dom, id) {
            best_value = v;
            best = id;
        }
        if let Some(p) = dom.parent(id) {
            value[p as usize] += v;
            prose[p as usize] += prose[id as usize];
        }
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
                if is_container(dom, c) && prose[c as usize] >= tighten_share(favor) * total =>
            {
                best = c
            }
            _ => break,
        }
    }
    best
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

/// Whether the block's opening words stand in the structured-data article body.
fn in_hint(hint: &str, b: &Block) -> bool {
    let t = normalize_space(&b.text());
    let probe: String = t.chars().take(40).collect();
    hint.contains(&probe)
}

/// Keeps the blocks of a container that read like content.
fn judge<'a>(
    dom: &Dom,
    blocks: impl Iterator<Item = (&'a Block, &'a Features)>,
    favor: Favor,
    mode: Mode,
) -> Vec<Block> {
    if mode == Mode::Listing {
        return blocks
            .filter(|(b, _)| {
                let text = b.text();
                crate::text::word_count(&text) >= 2
                    && phrases::boilerplate_kind(&text).is_none()
                    && !phrases::is_field_label(&text)
            })
            .map(|(b, _)| b.clone())
            .collect();
    }
    let max_ld = match favor {
        Favor::Precision => 0.35,
        Favor::Balanced => 0.5,
        Favor::Recall => 0.7,
    };
    let all: Vec<(&Block, &Features)> = blocks.collect();
    let mut keep: Vec<bool> = all
        .iter()
        .map(|(b, f)| {
            if f.link_density > max_ld && f.len > 0.0 {
                return false;
            }
            if matches!(b.kind, BlockKind::Heading(_)) && f.link_density > 0.6 {
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
            if let Some(kind) = phrases::boilerplate_kind(&b.text()) {
                keep[i] = false;
                if kind.opens_section() {
                    // The section runs to the next heading, but not out of a box nested
                    // among the story's paragraphs (a "Related" box with story before and
                    // after it in the same container).
                    let scope = dom.parent(b.node).unwrap_or(Dom::ROOT);
                    let outer = dom.parent(scope).unwrap_or(Dom::ROOT);
                    let story_before = all[..i].iter().zip(&keep).any(|((pb, pf), &k)| {
                        k && is_prose(pf, favor) && dom.contains(outer, pb.node)
                    });
                    let mut j = i + 1;
                    while j < all.len()
                        && !matches!(all[j].0.kind, BlockKind::Heading(_))
                        && !(story_before
                            && !dom.contains(scope, all[j].0.node)
                            && dom.contains(outer, all[j].0.node)
                            && is_prose(all[j].1, favor))
                    {
                        keep[j] = false;
                        j += 1;
                    }
                    i = j;
                    continue;
                }
            } else if phrases::is_field_label(&b.text()) {
                keep[i] = false;
            }
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
    let candidates: Vec<(&Block, &Features)> = all
        .iter()
        .zip(&keep)
        .filter(|(_, &k)| k)
        .map(|(bf, _)| *bf)
        .collect();
    // Trim furniture before the first and after the last prose block.
    let first = candidates.iter().position(|(_, f)| is_prose(f, favor));
    let last = candidates.iter().rposition(|(_, f)| is_prose(f, favor));
    let (Some(first), Some(last)) = (first, last) else {
        return candidates.into_iter().map(|(b, _)| b.clone()).collect();
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
    candidates[start..end]
        .iter()
        .map(|(b, _)| (*b).clone())
        .collect()
}

/// Drops a leading block that repeats the title.
fn drop_repeated_title(blocks: &mut Vec<Block>, title: Option<&str>) {
    let Some(title) = title else { return };
    let t = fold(title);
    if t.is_empty() {
        return;
    }
    if let Some(pos) = blocks.iter().take(3).position(|b| {
        let bt = fold(&b.text());
        !bt.is_empty() && (bt == t || (t.contains(&bt) && bt.len() * 10 >= t.len() * 6))
    }) {
        blocks.remove(pos);
    }
}

fn fold(s: &str) -> String {
    normalize_space(s).to_lowercase()
}
