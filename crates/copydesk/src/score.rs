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
    if text.is_ascii() {
        // The same counts byte by byte: most blocks are ASCII (and then hold no CJK).
        for &byte in text.as_bytes() {
            if !is_ascii_space_char(byte) {
                chars += 1;
                punct += u32::from(matches!(byte, b',' | b'.' | b';' | b'!' | b'?'));
            }
        }
    } else {
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

/// A `<p>` with at least this many characters (and under a fifth of them in links) is prose.
const PROSE_PARAGRAPH_CHARS: u32 = 100;

/// Non-whitespace characters of text below each node, and how many of them are in links.
pub struct TextSizes {
    pub root: NodeId,
    pub text: Vec<u32>,
    pub links: Vec<u32>,
    /// Characters in long, link-poor `<p>` paragraphs: the clearest trace of a story.
    pub prose: Vec<u32>,
}

impl TextSizes {
    /// Measures every node below `body`.
    pub fn measure(dom: &Dom, body: NodeId) -> Self {
        let mut text = vec![0u32; dom.len()];
        let mut links = vec![0u32; dom.len()];
        let mut prose = vec![0u32; dom.len()];
        let order: Vec<NodeId> = dom.descendants(body).collect();
        for &id in order.iter().rev() {
            let i = id as usize;
            if let Some(t) = dom.text(id) {
                text[i] = non_space_chars(t) as u32;
            } else if dom
                .element(id)
                .is_some_and(|e| *e.tag() == local_name!("a") && e.attr("href").is_some())
            {
                links[i] = text[i];
            } else if dom.is(id, &local_name!("p"))
                && text[i] >= PROSE_PARAGRAPH_CHARS
                && links[i] * 5 < text[i]
            {
                prose[i] = text[i];
            }
            if id != body {
                if let Some(p) = dom.parent(id) {
                    text[p as usize] += text[i];
                    links[p as usize] += links[i];
                    prose[p as usize] += prose[i];
                }
            }
        }
        TextSizes {
            root: body,
            text,
            links,
            prose,
        }
    }

    /// Share of the text below `id` that sits in links.
    pub fn link_density(&self, id: NodeId) -> f32 {
        let i = id as usize;
        self.links[i] as f32 / (self.text[i] as f32).max(1.0)
    }
}

/// Whether an ASCII byte is a character that `char::is_whitespace` counts as space (which,
/// unlike `u8::is_ascii_whitespace`, includes the vertical tab).
#[inline]
fn is_ascii_space_char(byte: u8) -> bool {
    matches!(byte, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// Number of characters in `s` that are not whitespace; byte by byte for ASCII text.
fn non_space_chars(s: &str) -> usize {
    if s.is_ascii() {
        s.bytes().filter(|&b| !is_ascii_space_char(b)).count()
    } else {
        s.chars().filter(|c| !c.is_whitespace()).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_space_chars_agrees_with_char_is_whitespace() {
        for s in [
            "",
            "plain words, here.",
            " \t\n\x0B\x0C\r a b ",
            "caf\u{e9}\u{a0}au\u{2003}lait",
            "\u{3000}日本語 テキスト",
        ] {
            let slow = s.chars().filter(|c| !c.is_whitespace()).count();
            assert_eq!(non_space_chars(s), slow, "{s:?}");
        }
    }

    #[test]
    fn ascii_space_bytes_match_char_is_whitespace() {
        for b in 0u8..128 {
            assert_eq!(is_ascii_space_char(b), char::from(b).is_whitespace(), "{b}");
        }
    }
}
