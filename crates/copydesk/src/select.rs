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
use crate::dom::{Dom, NodeData, NodeId, NONE};
use crate::metadata::Metadata;
use crate::score::{block_value, container_weight, features, is_prose, Features};
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
    let body_hint = meta
        .article_body
        .as_deref()
        .map(normalize_space)
        .filter(|b| b.chars().count() >= 200);

    // Values per node, summed bottom-up.
    let mut value = vec![0f32; dom.len()];
    for (b, f) in all.iter().zip(&feats) {
        let mut v = block_value(b, f);
        if let Some(hint) = &body_hint {
            if v > 0.0 && f.len >= 40.0 {
                v *= if in_hint(hint, b) { 2.0 } else { 0.5 };
            }
        }
        value[owner(dom, b.node) as usize] += v;
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
        }
    }

    let mut picked = judge(
        dom,
        all.iter()
            .zip(&feats)
            .filter(|(b, _)| dom.contains(best, b.node)),
        options.favor,
    );
    let picked_len: f32 = picked.iter().map(|b| features(b).len).sum();
    if picked_len < 250.0 && best != root {
        let whole = judge(dom, all.iter().zip(&feats), options.favor);
        let whole_len: f32 = whole.iter().map(|b| features(b).len).sum();
        if whole_len >= 2.0 * picked_len.max(1.0) {
            picked = whole;
        }
    }
    drop_repeated_title(&mut picked, meta.title.as_deref());
    picked
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
) -> Vec<Block> {
    let _ = dom;
    let max_ld = match favor {
        Favor::Precision => 0.35,
        Favor::Balanced => 0.5,
        Favor::Recall => 0.7,
    };
    let candidates: Vec<(&Block, &Features)> = blocks
        .filter(|(b, f)| {
            if f.link_density > max_ld && f.len > 0.0 {
                return false;
            }
            if matches!(b.kind, BlockKind::Heading(_)) && f.link_density > 0.6 {
                return false;
            }
            true
        })
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
    while end < candidates.len() {
        let (b, f) = candidates[end];
        let tail = matches!(
            b.kind,
            BlockKind::ListItem { .. } | BlockKind::TableRow { .. } | BlockKind::Code
        ) && f.link_density < 0.3
            && f.len >= 15.0;
        if !tail {
            break;
        }
        end += 1;
    }
    let _ = NONE;
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
