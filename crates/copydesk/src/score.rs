//! Per-block and per-container features, and the value a block lends its container.
//!
//! A block's value is positive when it reads like article prose (long, sentence-shaped,
//! few links) and negative when it reads like page furniture (link lists, menus, tiny
//! fragments). Containers sum their blocks' values; [`crate::select`] picks the best sum.

use html5ever::local_name;

use crate::blocks::{Block, BlockKind};
use crate::dom::{Dom, NodeId};
use crate::prune::ClassTokens;
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
    let text = b.text_ref();
    // Counted over bytes (see `non_space_chars`): whitespace is skipped, CJK characters and
    // the non-ASCII stops are all non-ASCII, so only those characters are decoded.
    let chars = non_space_chars(&text);
    let mut cjk = 0usize;
    let mut punct = text
        .bytes()
        .filter(|b| matches!(b, b',' | b'.' | b';' | b'!' | b'?'))
        .count() as u32;
    for c in non_ascii_chars(&text) {
        if is_cjk(c) {
            cjk += 1;
        }
        if matches!(c, '，' | '、' | '。' | '،' | '！' | '？') {
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
/// where the content is the items themselves: titled links count, menu-sized words do not,
/// unless they are entries of a run of items (`in_run`: a chart of names, a table of
/// fixtures).
pub fn listing_value(b: &Block, f: &Features, in_run: bool) -> f32 {
    let words = crate::text::word_count(&b.text_ref());
    if words >= 4 || in_run {
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
    let mut tokens = ClassTokens::default();
    for value in [el.class(), el.id()] {
        for name in value.split_whitespace() {
            tokens.split(name);
            for t in tokens.iter() {
                if CONTENT_TOKENS.contains(&t) {
                    positive = true;
                } else if WEAK_NEGATIVE_TOKENS.contains(&t) {
                    negative = true;
                }
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
/// unlike `u8::is_ascii_whitespace`, includes the vertical tab). Branch-free, so the byte
/// loops below vectorise.
#[inline]
fn is_ascii_space_char(byte: u8) -> bool {
    (byte == b' ') | (byte.wrapping_sub(b'\t') < 5)
}

/// Number of characters in `s` that are not whitespace (as `char::is_whitespace` has it),
/// counted over bytes: a character starts at every byte that is not a UTF-8 continuation
/// byte, and the few non-ASCII spaces all start with one of four lead bytes.
fn non_space_chars(s: &str) -> usize {
    let bytes = s.as_bytes();
    let counted = |b: u8| u8::from(!(is_utf8_continuation(b) | is_ascii_space_char(b)));
    // Summed in u8 lanes over chunks short enough not to overflow them.
    let mut n = 0usize;
    for chunk in bytes.chunks(u8::MAX as usize) {
        n += usize::from(
            chunk
                .iter()
                .fold(0u8, |sum, &b| sum.wrapping_add(counted(b))),
        );
    }
    if s.is_ascii() {
        return n;
    }
    let wide_spaces = memchr::memchr3_iter(0xC2, 0xE2, 0xE3, bytes)
        .chain(memchr::memchr_iter(0xE1, bytes))
        .filter(|&i| {
            s.get(i..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_whitespace)
        })
        .count();
    n - wide_spaces
}

/// The non-ASCII characters of `s`, in order, found by their lead bytes.
fn non_ascii_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    let bytes = s.as_bytes();
    let any = !s.is_ascii();
    bytes
        .iter()
        .enumerate()
        .filter(move |&(_, &b)| any && b >= 0xC0)
        .filter_map(|(i, _)| s.get(i..).and_then(|rest| rest.chars().next()))
}

/// Whether a byte continues a UTF-8 sequence (10xxxxxx) rather than starting a character.
#[inline]
fn is_utf8_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
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
            "\u{85}\u{a0}\u{1680}\u{2000}\u{2005}\u{200a}\u{2028}\u{2029}\u{202f}\u{205f}x",
            "\u{200b}\u{2060}\u{feff}\u{1681}\u{2030}\u{3001}\u{a1}ñé€𝄞",
        ] {
            let slow = s.chars().filter(|c| !c.is_whitespace()).count();
            assert_eq!(non_space_chars(s), slow, "{s:?}");
        }
        // Every character from the ASCII, Latin-1 and general-punctuation ranges, spaces or not.
        let all: String = (0u32..0x3100).filter_map(char::from_u32).collect();
        let slow = all.chars().filter(|c| !c.is_whitespace()).count();
        assert_eq!(non_space_chars(&all), slow);
        // Longer than one counting chunk.
        let long = "word ".repeat(300);
        assert_eq!(non_space_chars(&long), 1200);
    }

    /// The counts `features` makes, the plain way: one decoded character at a time.
    fn char_by_char_counts(text: &str) -> (usize, usize, u32) {
        let (mut chars, mut cjk, mut punct) = (0, 0, 0);
        for c in text.chars().filter(|c| !c.is_whitespace()) {
            chars += 1;
            cjk += usize::from(is_cjk(c));
            punct += u32::from(matches!(
                c,
                ',' | '.' | '，' | '、' | '。' | '،' | ';' | '!' | '?' | '！' | '？'
            ));
        }
        (chars, cjk, punct)
    }

    #[test]
    fn features_count_like_a_char_by_char_walk() {
        for text in [
            "A plain sentence, with a comma. And a stop!",
            "Caf\u{e9}\u{a0}au lait \u{2014} \u{201c}quoted\u{201d}; really?",
            "日本語の文章です。句読点、あります！",
            "نص عربي، مع فاصلة",
        ] {
            let block = Block {
                kind: BlockKind::Paragraph,
                spans: vec![crate::blocks::Span::Text(text.to_string())],
                node: 0,
                link_chars: 0,
                group: 0,
            };
            let f = features(&block);
            let (chars, cjk, punct) = char_by_char_counts(text);
            assert_eq!(f.punct, punct, "{text:?}");
            assert_eq!(f.len, (chars - cjk) as f32 + cjk as f32 * 2.5, "{text:?}");
        }
    }

    #[test]
    fn non_ascii_chars_are_those_of_chars() {
        for s in ["", "plain", "caf\u{e9} 日本 \u{1d11e}!", "\u{a0}x\u{3001}"] {
            let slow: Vec<char> = s.chars().filter(|c| !c.is_ascii()).collect();
            assert_eq!(non_ascii_chars(s).collect::<Vec<_>>(), slow, "{s:?}");
        }
    }

    #[test]
    fn ascii_space_bytes_match_char_is_whitespace() {
        for b in 0u8..128 {
            assert_eq!(is_ascii_space_char(b), char::from(b).is_whitespace(), "{b}");
        }
    }
}
