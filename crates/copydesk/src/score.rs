//! Per-block and per-container features, and the value a block lends its container.
//!
//! A block's value is positive when it reads like article prose (long, sentence-shaped,
//! few links) and negative when it reads like page furniture (link lists, menus, tiny
//! fragments). Containers sum their blocks' values; [`crate::select`] picks the best sum.

use html5ever::local_name;

use crate::blocks::{Block, BlockKind};
use crate::dom::{Dom, NodeId};
use crate::prune::split_tokens;
use crate::rules::markup::{CONTENT_TOKENS, WEAK_NEGATIVE_TOKENS};
use crate::text::{ends_like_sentence, is_cjk};
use crate::Favor;

/// Measured features of one block.
#[derive(Debug, Clone, Copy, Default)]
pub struct Features {
    /// Length in Latin-equivalent characters (a CJK character counts as 2.5: those
    /// scripts say in one character what Latin scripts say in two or three).
    pub len: f32,
    /// Share of the text inside links.
    pub link_density: f32,
    /// Ends like a sentence, or has sentence punctuation inside.
    pub sentence: bool,
    /// Count of commas and full stops inside (including CJK and Arabic forms).
    pub punct: u32,
}

/// Measures a block.
pub fn features(b: &Block) -> Features {
    let text = b.text();
    let mut chars = 0usize;
    let mut cjk = 0usize;
    let mut punct = 0u32;
    for c in text.chars() {
        if c.is_whitespace() {
            continue;
        }
        chars += 1;
        if is_cjk(c) {
            cjk += 1;
        }
        if matches!(
            c,
            ',' | '.' | '，' | '、' | '。' | '،' | ';' | '!' | '?' | '！' | '？'
        ) {
            punct += 1;
        }
    }
    let len = (chars - cjk) as f32 + cjk as f32 * 2.5;
    let link_density = if chars == 0 {
        0.0
    } else {
        (b.link_chars as f32 / chars as f32).min(1.0)
    };
    Features {
        len,
        link_density,
        sentence: ends_like_sentence(&text) || punct >= 2,
        punct,
    }
}

/// Whether a block reads like article prose.
pub fn is_prose(f: &Features, favor: Favor) -> bool {
    let min_len = match favor {
        Favor::Precision => 80.0,
        Favor::Balanced => 60.0,
        Favor::Recall => 40.0,
    };
    f.link_density < 0.35 && f.len >= min_len && f.sentence
}

/// The value a block lends to the containers above it.
pub fn block_value(b: &Block, f: &Features) -> f32 {
    if matches!(b.kind, BlockKind::Heading(_)) {
        return 0.0;
    }
    if f.link_density >= 0.5 {
        return -f.len * (0.5 + f.link_density);
    }
    if f.len < 20.0 {
        return -2.0;
    }
    let clean = 1.0 - f.link_density;
    if f.sentence || f.len >= 150.0 {
        f.len * clean + 10.0 * f.punct.min(10) as f32
    } else {
        (f.len - 50.0) * 0.5 * clean
    }
}

/// The value of a block on a page without prose (home pages, listings, product grids),
/// where the content is the items themselves: titled links count, menu-sized words do not.
pub fn listing_value(b: &Block, f: &Features) -> f32 {
    let words = crate::text::word_count(&b.text());
    if words >= 4 {
        f.len
    } else {
        -f.len.max(5.0)
    }
}

/// A container's prior from its tag and class/id: >1 for article-like, <1 for furniture.
pub fn container_weight(dom: &Dom, id: NodeId) -> f32 {
    let Some(el) = dom.element(id) else {
        return 1.0;
    };
    let mut w: f32 = match *el.tag() {
        local_name!("article") | local_name!("main") => 1.25,
        _ => 1.0,
    };
    if el.attr("itemprop").is_some_and(|v| {
        v.split_whitespace()
            .any(|t| t == "articleBody" || t == "text")
    }) {
        w *= 1.5;
    }
    let mut positive = false;
    let mut negative = false;
    for value in [el.class(), el.id()] {
        for t in value.split_whitespace().flat_map(split_tokens) {
            if CONTENT_TOKENS.contains(&t.as_str()) {
                positive = true;
            } else if WEAK_NEGATIVE_TOKENS.contains(&t.as_str()) {
                negative = true;
            }
        }
    }
    if positive {
        w *= 1.2;
    }
    if negative && !positive {
        w *= 0.8;
    }
    w
}
