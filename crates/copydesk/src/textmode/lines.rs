//! Splitting text into lines and measuring each once: words, sentence ending, boilerplate
//! phrase, field label. Every later step of text mode reads these features.

use crate::rules::phrases::{self, Kind, Label};
use crate::text::{ends_like_sentence, is_cjk};

/// A line with this many words (or CJK characters / 3) or more is prose even without a
/// sentence ending (long paragraphs cut by a scraper lose their final stop).
const PROSE_WORDS_ANY_ENDING: usize = 16;
/// A line ending like a sentence is prose from this many words on.
const PROSE_WORDS_WITH_ENDING: usize = 8;
/// A line of this many words or fewer that does not end like a sentence is "short":
/// the stuff of menus, buttons and teaser lists.
pub const SHORT_WORDS: usize = 6;
/// Marks that lead a list item ("+ Added banners", "• Free delivery").
const LIST_ITEM_MARKS: &[&str] = &["+ ", "* ", "- ", "• ", "· ", "– "];

/// One line of the input with its features.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// The line without surrounding whitespace (may be empty).
    pub text: &'a str,
    /// Words (CJK characters count one each, see [`crate::text::word_count`]).
    pub words: usize,
    /// Whether the line ends like a sentence.
    pub sentence: bool,
    /// Boilerplate kind by phrase table.
    pub kind: Option<Kind>,
    /// A field label at the start of the line.
    pub label: Option<Label<'a>>,
}

impl<'a> Line<'a> {
    /// Measures one line.
    pub fn new(raw: &'a str) -> Self {
        let text = raw.trim();
        if text.is_empty() {
            return Line {
                text,
                words: 0,
                sentence: false,
                kind: None,
                label: None,
            };
        }
        let words = cjk_weighted_words(text);
        let short_enough = text.len() <= phrases::MAX_PHRASE_LINE_BYTES;
        Line {
            text,
            words,
            sentence: ends_like_sentence(text),
            kind: if phrases::is_markup_residue(text) {
                Some(Kind::Markup)
            } else if short_enough {
                phrases::text_line_kind(text)
            } else {
                None
            },
            label: if short_enough {
                phrases::field_label(text)
            } else {
                None
            },
        }
    }

    /// Whether the line is empty (a paragraph break).
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    /// Whether the line reads as running prose: long, or sentence-shaped and not short.
    pub fn is_prose(&self) -> bool {
        self.kind.is_none()
            && (self.words >= PROSE_WORDS_ANY_ENDING
                || (self.sentence && self.words >= PROSE_WORDS_WITH_ENDING))
    }

    /// The mark leading the line when it is a list item ("+ Added banners" → "+ ").
    pub fn list_mark(&self) -> Option<&'static str> {
        LIST_ITEM_MARKS
            .iter()
            .copied()
            .find(|m| self.text.starts_with(m))
    }

    /// Whether the line is short and not sentence-shaped (menu item, button, teaser title).
    pub fn is_short(&self) -> bool {
        !self.is_blank() && self.words <= SHORT_WORDS && !self.sentence
    }
}

/// Word count (runs of alphanumerics, as [`crate::text::word_count`]) where CJK characters
/// count one word per three, so a Chinese or Japanese line is judged on the same scale as a
/// spaced language. One pass; ASCII bytes skip the Unicode tables.
fn cjk_weighted_words(text: &str) -> usize {
    let (mut words, mut cjk) = (0usize, 0usize);
    let mut in_word = false;
    for c in text.chars() {
        let alnum = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else if is_cjk(c) {
            cjk += 1;
            in_word = false;
            continue;
        } else {
            c.is_alphanumeric()
        };
        if alnum && !in_word {
            words += 1;
        }
        in_word = alnum;
    }
    words + cjk.div_ceil(3)
}

/// Splits `text` into measured lines (`\n`, `\r\n` and lone `\r` end a line).
pub fn split(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::with_capacity(text.bytes().filter(|&b| b == b'\n').count() + 1);
    lines.extend(
        text.split('\n')
            .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
            .map(Line::new),
    );
    lines
}

/// For every line, whether it is a paragraph in a row: a prose line (that `counts` admits)
/// with another such line right above or below it, blank lines aside — as a story's text
/// runs, where teaser summaries and menu blurbs stand one at a time.
pub fn paragraphs_in_a_row(lines: &[Line<'_>], counts: impl Fn(usize) -> bool) -> Vec<bool> {
    let mut in_a_row = vec![false; lines.len()];
    let mut prev: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        let paragraph = |k: usize| lines[k].is_prose() && counts(k);
        if let Some(p) = prev {
            if paragraph(i) && paragraph(p) {
                in_a_row[p] = true;
                in_a_row[i] = true;
            }
        }
        prev = Some(i);
    }
    in_a_row
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_in_a_row_skip_blank_lines_and_stand_alone_blurbs() {
        let p = "The council voted on Tuesday to rebuild the bridge after the flood.";
        let text = format!("{p}\n\n{p}\nMenu\n{p}\nHome\n{p}\n{p}");
        let lines = split(&text);
        let all = paragraphs_in_a_row(&lines, |_| true);
        assert_eq!(all, [true, false, true, false, false, false, true, true]);
        // A line `counts` leaves out is neither a paragraph nor a neighbour.
        let some = paragraphs_in_a_row(&lines, |i| i != 2);
        assert_eq!(some, [false, false, false, false, false, false, true, true]);
    }

    #[test]
    fn features() {
        let lines = split("Title of the story\r\n\r\nAdd new comment\nThis is a sentence of the story that ends well.\n Fecha de publicación:\u{a0}");
        assert_eq!(lines.len(), 5);
        assert!(lines[0].is_short() && !lines[0].is_prose());
        assert!(lines[1].is_blank());
        assert_eq!(lines[2].kind, Some(Kind::CommentSection));
        assert!(!lines[2].is_prose());
        assert!(lines[3].is_prose());
        assert!(lines[4].label.is_some());
    }

    #[test]
    fn markup_residue_and_doubled_widget_lines_are_boilerplate() {
        let pixel = Line::new(
            r#"<div style="position:absolute;"><img width=1 height=1 alt="" src="http://b.example.com/b?P=1"></div>"#,
        );
        assert_eq!(pixel.kind, Some(Kind::Markup));
        assert!(!pixel.is_prose());
        assert_eq!(
            Line::new("Advertisement Advertisement").kind,
            Some(Kind::Advert)
        );
        assert_eq!(Line::new("<div>").kind, None);
    }

    #[test]
    fn word_counts_agree_with_the_shared_counter_on_spaced_text() {
        for t in [
            "Hello, world! It's 2016.",
            "  ",
            "Grüße aus Köln—und Paris",
            "a-b c_d",
        ] {
            assert_eq!(cjk_weighted_words(t), crate::text::word_count(t), "{t}");
        }
        assert_eq!(cjk_weighted_words("日本語 text"), 2);
    }

    #[test]
    fn cjk_lines_are_measured_like_spaced_ones() {
        let zh =
            Line::new("俄罗斯总统普京与美国国务卿克里在莫斯科举行会谈，讨论叙利亚和乌克兰局势。");
        assert!(zh.is_prose(), "{zh:?}");
        let menu = Line::new("首页");
        assert!(menu.is_short());
    }
}
