//! Photo credits out of the selected blocks.
//!
//! A caption often ends with who took the picture ("… im Abendrot. Bild: TebNad/Shutterstock.com",
//! "… (Foto: Privat)"), and some pages give a credit a paragraph of its own ("Foto: Jane Roe").
//! Neither is the story's text: the credit is cut from a caption (the caption itself stays),
//! and a short paragraph that is only a credit goes. Runs after selection, on the blocks the
//! renderers read. The words are in [`crate::rules::credits`].

use crate::blocks::{Block, BlockKind, Span};
use crate::rules::credits::{
    AGENCIES, BY_PHRASES, COLON_LABELS, MAX_AGENCY_TAIL_WORDS, MAX_CAPTION_PARAGRAPH_WORDS,
    MAX_CREDIT_PARAGRAPH_WORDS, MAX_CREDIT_WORDS,
};

/// Cuts credits from captions and drops paragraphs that are only a credit.
pub fn strip(blocks: &mut Vec<Block>) {
    blocks.retain_mut(|block| match block.kind {
        BlockKind::Caption => {
            let cut = {
                let text = block.text_ref();
                credit_start(&text, true).map(|at| (at, text[..at].trim().is_empty()))
            };
            match cut {
                Some((_, true)) => false,
                Some((at, false)) => {
                    truncate(block, at);
                    block.spans.iter().any(|s| match s {
                        Span::Text(t) | Span::Code(t) => !t.trim().is_empty(),
                        _ => false,
                    })
                }
                None => true,
            }
        }
        BlockKind::Paragraph => {
            let cut = {
                let text = block.text_ref();
                // Counted only as far as the limits below need.
                let words = text
                    .split_whitespace()
                    .take(MAX_CREDIT_PARAGRAPH_WORDS.max(MAX_CAPTION_PARAGRAPH_WORDS) + 1)
                    .count();
                if words <= MAX_CREDIT_PARAGRAPH_WORDS && credit_start(&text, false).is_some() {
                    return false;
                }
                // A short paragraph ending in a credit is a caption set as a paragraph.
                (words <= MAX_CAPTION_PARAGRAPH_WORDS)
                    .then(|| credit_start(&text, true).filter(|&at| at > 0))
                    .flatten()
            };
            if let Some(at) = cut {
                truncate(block, at);
            }
            true
        }
        _ => true,
    });
}

/// Where the credit in `text` begins, if `text` ends with one. `anywhere`: the credit may
/// follow other text (a caption); otherwise only a text that is wholly a credit counts.
fn credit_start(text: &str, anywhere: bool) -> Option<usize> {
    // A segment that starts before the text's last words runs on for more words than a
    // credit has: only the starts among those last words are tried.
    let mut starts = vec![0];
    if anywhere {
        starts.extend(segment_starts(
            text,
            last_words_start(text, MAX_CREDIT_WORDS),
        ));
    }
    let starts = || starts.iter().copied();
    // A labelled credit first ("Stau © Jane Roe / Clipdealer" keeps "Stau"), then a bare
    // agency-named tail.
    starts()
        .find(|&start| is_credit(&text[start..], false))
        .or_else(|| starts().find(|&start| is_credit(&text[start..], true)))
}

/// The byte offset past the end of the word before `text`'s last `n` words (0 when it
/// has no more than `n`): `text[start..]` holds more than `n` words (as
/// `split_whitespace` counts them, a word cut by `start` included) exactly when
/// `start` lies before it.
fn last_words_start(text: &str, n: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices().rev() {
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
            if words > n {
                return i + c.len_utf8();
            }
        }
    }
    0
}

/// Byte offsets from `from` on where a new segment of a caption begins: after a sentence
/// end or a dash or bar between spaces, at an opening bracket, and at every "©".
fn segment_starts(text: &str, from: usize) -> impl Iterator<Item = usize> + '_ {
    let from = from.min(text.len());
    let (before, after) = text.split_at(if text.is_char_boundary(from) { from } else { 0 });
    let from = before.len();
    let mut back = before.chars().rev();
    let mut prev: Option<char> = back.next();
    let mut prev2: Option<char> = back.next();
    after.char_indices().filter_map(move |(i, c)| {
        let i = from + i;
        let after_separator =
            c != ' ' && prev == Some(' ') && prev2.is_some_and(|p| ".!?)–—|-/".contains(p));
        let start = after_separator
            || matches!(c, '(' | '[' | '©')
            || (prev == Some('\n') && !c.is_whitespace());
        prev2 = prev;
        prev = Some(c);
        (start && i > 0).then_some(i)
    })
}

/// Whether `segment` (running to the end of the text) is a credit: a labelled one, or with
/// `by_agency` a short one naming a picture agency.
fn is_credit(segment: &str, by_agency: bool) -> bool {
    // Counted only as far as the limit: a caption's early segments run on to its end.
    let words = segment
        .split_whitespace()
        .take(MAX_CREDIT_WORDS + 1)
        .count();
    if words == 0 || words > MAX_CREDIT_WORDS {
        return false;
    }
    let (inner, bracketed) = match segment.strip_prefix(['(', '[']) {
        Some(rest) => {
            // The bracket must close at the end: "(Foto: Privat)" yes, "(a) first" no.
            let closed = rest
                .trim_end_matches(|c: char| c.is_whitespace() || ".,;".contains(c))
                .ends_with([')', ']']);
            if !closed {
                return false;
            }
            (rest.trim_start(), true)
        }
        None => (segment, false),
    };
    if let Some(rest) = inner
        .strip_prefix('©')
        .or_else(|| strip_prefix_ci(inner, "(c) "))
        .or_else(|| strip_prefix_ci(inner, "copyright "))
    {
        // A credit names someone: "© Jane Roe", "© 2019 Example Press"; a bare "©2024."
        // closing a text is that text's own copyright line.
        return rest.chars().any(char::is_alphabetic);
    }
    let labelled = COLON_LABELS.iter().any(|label| {
        starts_with_ci(inner, label)
            && inner
                .get(label.len()..)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
    });
    if labelled
        || BY_PHRASES
            .iter()
            .any(|p| starts_with_ci(inner, p) && inner.len() > p.len())
    {
        return true;
    }
    by_agency
        && words <= MAX_AGENCY_TAIL_WORDS
        && names_agency(inner, bracketed || segment.contains('/'))
}

/// Whether `text` names a picture agency: anywhere when `marked` (in brackets or with a
/// slash: "TebNad/Shutterstock.com"), else only as its first or last words ("Getty Images").
fn names_agency(text: &str, marked: bool) -> bool {
    let lower = text.to_lowercase();
    let lower = lower.trim_end_matches(|c: char| c.is_whitespace() || ".,;)]".contains(c));
    AGENCIES.iter().any(|agency| {
        lower.match_indices(agency).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + agency.len()..].chars().next();
            let bounded = !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric);
            bounded && (marked || at == 0 || at + agency.len() == lower.len())
        })
    })
}

/// Case-insensitive prefix test (the prefix is lowercase): whether the first
/// `prefix.len()` bytes of `text` lowercase to `prefix`.
fn starts_with_ci(text: &str, prefix: &str) -> bool {
    // An ASCII first letter lowercases to one ASCII letter: when it differs from the
    // prefix's, nothing else need be looked at (this runs for every label).
    if let (Some(&t), Some(&p)) = (text.as_bytes().first(), prefix.as_bytes().first()) {
        if t.is_ascii() && t.to_ascii_lowercase() != p {
            return false;
        }
    }
    text.get(..prefix.len()).is_some_and(|head| {
        // Char by char lowercasing differs from `str::to_lowercase` only in the capital
        // sigma's (σ or ς by its neighbours): a prefix without either gets the same answer
        // without building a string (this runs for every label at every caption segment).
        if prefix.contains(['σ', 'ς']) {
            head.to_lowercase() == prefix
        } else {
            head.chars().flat_map(char::to_lowercase).eq(prefix.chars())
        }
    })
}

/// `text` after `prefix` when it starts with it, case-insensitively (the prefix is lowercase).
fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    starts_with_ci(text, prefix).then(|| &text[prefix.len()..])
}

/// Cuts `block` at byte `at` of its [`Block::text`], keeping the closing markers of what
/// the kept part opened, and trims the separator left dangling ("… Abendrot. –").
fn truncate(block: &mut Block, at: usize) {
    let mut pos = 0;
    let mut keep = block.spans.len();
    for (i, span) in block.spans.iter_mut().enumerate() {
        let len = match span {
            Span::Text(t) | Span::Code(t) => t.len(),
            Span::LineBreak => 1,
            Span::Cell => 3,
            _ => 0,
        };
        if pos + len > at {
            keep = i;
            if let Span::Text(t) | Span::Code(t) = span {
                let cut = at - pos;
                if cut > 0 && t.is_char_boundary(cut) {
                    t.truncate(cut);
                    keep = i + 1;
                }
            }
            break;
        }
        pos += len;
    }
    let tail = block.spans.split_off(keep);
    let (mut bold, mut italic, mut link) = (0i32, 0i32, 0i32);
    for span in &block.spans {
        match span {
            Span::Bold(open) => bold += if *open { 1 } else { -1 },
            Span::Italic(open) => italic += if *open { 1 } else { -1 },
            Span::Link(href) => link += if href.is_some() { 1 } else { -1 },
            _ => {}
        }
    }
    for span in tail {
        let counter = match span {
            Span::Bold(false) => &mut bold,
            Span::Italic(false) => &mut italic,
            Span::Link(None) => &mut link,
            _ => continue,
        };
        if *counter > 0 {
            *counter -= 1;
            block.spans.push(span);
        }
    }
    trim_trailing_separators(block);
}

/// Removes trailing whitespace, dashes, bars and opening brackets from the block's text.
fn trim_trailing_separators(block: &mut Block) {
    let dangling = |c: char| c.is_whitespace() || "-–—|/,;:([•·".contains(c);
    let mut i = block.spans.len();
    while i > 0 {
        i -= 1;
        match &mut block.spans[i] {
            Span::Text(t) => {
                let trimmed = t.trim_end_matches(dangling).len();
                t.truncate(trimmed);
                if !t.is_empty() {
                    return;
                }
                block.spans.remove(i);
            }
            Span::LineBreak => {
                block.spans.remove(i);
            }
            // Closing markers may sit after the last text; look past them.
            Span::Bold(false) | Span::Italic(false) | Span::Link(None) => {}
            _ => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(kind: BlockKind, spans: Vec<Span>) -> Block {
        Block {
            kind,
            spans,
            node: 0,
            link_chars: 0,
            group: 0,
        }
    }

    fn caption(text: &str) -> Block {
        block(BlockKind::Caption, vec![Span::Text(text.into())])
    }

    fn stripped(blocks: Vec<Block>) -> Vec<String> {
        let mut blocks = blocks;
        strip(&mut blocks);
        blocks.iter().map(Block::text).collect()
    }

    #[test]
    fn labelled_credit_is_cut_from_a_caption() {
        assert_eq!(
            stripped(vec![caption(
                "Oil pumps at sunset. Photo: Jane Roe/Shutterstock.com"
            )]),
            ["Oil pumps at sunset."]
        );
        assert_eq!(
            stripped(vec![caption("Der Minister in Berlin. (Foto: Privat)")]),
            ["Der Minister in Berlin."]
        );
        assert_eq!(
            stripped(vec![caption(
                "Tarifexperte Max Muster. – © Jane Roe – stock.adobe.com"
            )]),
            ["Tarifexperte Max Muster."]
        );
        assert_eq!(
            stripped(vec![caption("Stadium at night. © 2019 Example Press")]),
            ["Stadium at night."]
        );
    }

    #[test]
    fn caption_that_is_only_a_credit_goes() {
        assert!(stripped(vec![caption("Foto: Jane Roe")]).is_empty());
        assert!(stripped(vec![caption("work / ShutterStock")]).is_empty());
        assert!(stripped(vec![caption("Photograph by Jane Roe, Example Society")]).is_empty());
    }

    #[test]
    fn agency_tail_without_label() {
        assert_eq!(
            stripped(vec![caption("A stoat in winter. (jroe / iStock.com)")]),
            ["A stoat in winter."]
        );
        assert_eq!(
            stripped(vec![caption("Traffic jam © jroe / Clipdealer")]),
            ["Traffic jam"]
        );
    }

    #[test]
    fn captions_without_credit_stay_whole() {
        let kept = [
            "The minister speaks to reporters outside parliament.",
            "Source code of the first version, as published in 1991.",
            "(a) the first case and (b) the second",
            "Reuters correspondents covered the summit from the press room of the hotel.",
        ];
        for text in kept {
            assert_eq!(stripped(vec![caption(text)]), [text], "{text}");
        }
    }

    #[test]
    fn short_credit_paragraph_goes_but_prose_stays() {
        let p = |t: &str| block(BlockKind::Paragraph, vec![Span::Text(t.into())]);
        assert!(stripped(vec![p("Foto: Jane Roe")]).is_empty());
        assert!(stripped(vec![p("Quelle: Landesregierung")]).is_empty());
        let prose =
            "Photo: the minister said the pictures would be published on Monday after the review.";
        assert_eq!(stripped(vec![p(prose)]), [prose]);
        // A short paragraph ending in a credit is a caption: the credit goes.
        assert_eq!(
            stripped(vec![p("A stoat in its winter coat. (jroe / iStock.com)")]),
            ["A stoat in its winter coat."]
        );
        let own = "Tickets stay the same, at 4 € for adults ©2024.";
        assert_eq!(stripped(vec![p(own)]), [own]);
    }

    #[test]
    fn last_words_start_bounds_the_segments_that_can_be_credits() {
        let text = "one two  three\tfour five";
        for n in 0..7 {
            let cut = last_words_start(text, n);
            for start in (0..=text.len()).filter(|&s| text.is_char_boundary(s)) {
                let words = text[start..].split_whitespace().count();
                assert_eq!(words > n, start < cut, "n={n} start={start}");
            }
        }
        assert_eq!(last_words_start("Bild: Jörg Süß", 2), "Bild:".len());
        let caption = "Abendrot. – Bild: A/B (Foto: Privat) © Jörg | x";
        let all: Vec<usize> = segment_starts(caption, 0).collect();
        for from in (0..=caption.len()).filter(|&s| caption.is_char_boundary(s)) {
            let later: Vec<usize> = all.iter().copied().filter(|&s| s >= from).collect();
            assert_eq!(segment_starts(caption, from).collect::<Vec<_>>(), later);
        }
    }

    #[test]
    fn labels_match_in_any_case() {
        assert!(starts_with_ci("FOTO: Jane Roe", "foto"));
        assert!(starts_with_ci("Фото: Иван", "фото"));
        assert!(starts_with_ci("CRÉDIT PHOTO : AFP", "crédit photo"));
        assert!(!starts_with_ci("Fotos: Jane Roe", "foto "));
        assert!(!starts_with_ci("Fo", "foto"));
        // A capital sigma folds to ς at a word's end: such a prefix still matches.
        assert!(starts_with_ci("ΦΩΤΟΓΡΑΦΊΑ ΣΑΣ", "φωτογραφία σας"));
        assert!(!starts_with_ci("ΦΩΤΟΓΡΑΦΊΑ ΣΑΣ", "φωτογραφία σασ"));
    }

    #[test]
    fn cut_keeps_markers_balanced() {
        let mut blocks = vec![block(
            BlockKind::Caption,
            vec![
                Span::Bold(true),
                Span::Text("Harbour at dawn.".into()),
                Span::Bold(false),
                Span::Text(" Foto: ".into()),
                Span::Link(Some("https://example.org/jroe".into())),
                Span::Text("Jane Roe".into()),
                Span::Link(None),
            ],
        )];
        strip(&mut blocks);
        assert_eq!(
            blocks[0].spans,
            vec![
                Span::Bold(true),
                Span::Text("Harbour at dawn.".into()),
                Span::Bold(false),
            ]
        );
    }
}
