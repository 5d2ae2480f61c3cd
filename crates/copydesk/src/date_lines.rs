//! Lines that only say when the story was published or updated.
//!
//! Many templates print the date as a paragraph of its own above or below the story
//! ("Donnerstag, 31. Mai 2012", "Aktualisiert: 11.04.2020, 10:27", "Published 5 May 2020 ·
//! Updated 6 May 2020"). That is metadata (the date fields of the record carry it), not a
//! sentence of the story; text mode drops such a line for the same reason. Runs after
//! selection, on the first few blocks (up to the first paragraph of prose) and the last one.
//! A date inside a sentence ("Am 31. Mai 2012 trat …") is never touched: the whole line
//! must be dates, date labels and separators.

use crate::blocks::{Block, BlockKind};
use crate::metadata::dates::{parse_date_phrase, DayOrder};
use crate::rules::dates::{DATE_LINE_FILLERS, MODIFIED_LABELS, PUBLISHED_LABELS};

/// A date line is short: a label, one or two dates with times, separators.
const MAX_DATE_LINE_CHARS: usize = 100;

/// How many blocks at the top are looked at (the story's furniture sits there: kicker,
/// standfirst, byline, date).
const HEAD_BLOCKS: usize = 4;

/// A paragraph of this many words is the story's prose: no date line is looked for below it.
const PROSE_WORDS: usize = 12;

/// Drops date-only paragraphs at the top of the story and as its last block.
///
/// Above the first paragraph of prose any date line goes; below it (under a standfirst)
/// only a labelled one ("Aktualisiert: …"), since a bare date there may be the story's.
pub fn strip(blocks: &mut Vec<Block>) {
    let is_prose = |block: &Block| {
        block.kind == BlockKind::Paragraph
            && crate::text::word_count(&block.text_ref()) >= PROSE_WORDS
    };
    let mut drop = Vec::new();
    let mut prose_seen = false;
    for (i, block) in blocks.iter().enumerate().take(HEAD_BLOCKS) {
        let text = block.text_ref();
        if is_candidate(block) && is_date_line(&text) {
            if !prose_seen || has_date_label(&text) {
                drop.push(i);
            }
        } else if is_prose(block) {
            prose_seen = true;
        }
    }
    // Only above a story: a page that is dates and little else (an archive list) keeps them.
    drop.retain(|&i| {
        blocks
            .get(i + 1..)
            .is_some_and(|rest| rest.iter().any(is_prose))
    });
    if let Some(last) = blocks.len().checked_sub(1) {
        if prose_seen
            && blocks.len() > HEAD_BLOCKS
            && is_candidate(&blocks[last])
            && is_date_line(&blocks[last].text_ref())
        {
            drop.push(last);
        }
    }
    for i in drop.into_iter().rev() {
        blocks.remove(i);
    }
}

/// Whether a date line names what its date is ("Updated:", "Veröffentlicht am").
fn has_date_label(text: &str) -> bool {
    let lower = text.to_lowercase();
    MODIFIED_LABELS
        .iter()
        .chain(PUBLISHED_LABELS)
        .any(|label| lower.contains(label))
}

/// Headings, list items and table rows are structure of their own; only a paragraph (or a
/// bare line of text) can be a template's date line.
fn is_candidate(block: &Block) -> bool {
    block.kind == BlockKind::Paragraph
}

/// Whether `text` is nothing but dates (each with an optional time of day), date labels
/// ("Veröffentlicht am", "Updated:") and separators.
pub fn is_date_line(text: &str) -> bool {
    if text.chars().count() > MAX_DATE_LINE_CHARS || !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut lower = text.to_lowercase();
    // Update labels first: "updated" holds "date", a publication label.
    for label in MODIFIED_LABELS.iter().chain(PUBLISHED_LABELS) {
        if lower.contains(label) {
            lower = lower.replace(label, "|");
        }
    }
    let mut dates = 0;
    for part in lower.split(['|', '·', '•', '/', '–', '—']) {
        let part = strip_fillers(part);
        if part.is_empty() {
            continue;
        }
        match parse_date_phrase(part, DayOrder::DayFirst) {
            Some(d) if d.year.is_some() => dates += 1,
            _ => return false,
        }
    }
    dates > 0
}

/// `part` without the separators and the little words a label leaves around its date
/// ("am", "on", "le", "den").
fn strip_fillers(part: &str) -> &str {
    let mut rest = part.trim_matches(|c: char| c.is_whitespace() || ":,;-".contains(c));
    loop {
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = rest[..word_end].trim_end_matches([':', ',']);
        if word_end < rest.len() && DATE_LINE_FILLERS.contains(&word) {
            rest = rest[word_end..].trim_start_matches(|c: char| c.is_whitespace() || c == ':');
        } else {
            return rest;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::Span;

    #[test]
    fn date_lines() {
        for text in [
            "Donnerstag, 31. Mai 2012",
            "Aktualisiert: 11.04.2020, 10:27",
            "Veröffentlicht am 5. März 2020 um 19:00 Uhr",
            "Published 5 May 2020 · Updated 6 May 2020",
            "Pubblicato il 19 Febbraio 2020 Ultima modifica 19 Febbraio 2020 12:02",
            "Posted on July 15, 2016",
            "15.07.2016",
            "Date: 2016-07-15",
        ] {
            assert!(is_date_line(text), "{text}");
        }
    }

    #[test]
    fn lines_with_more_than_dates() {
        for text in [
            "Am 31. Mai 2012 trat der Rat zusammen.",
            "24. März 2004, 19:49 | Genesis",
            "31. Mai",
            "Published by Jane Roe",
            "2012",
            "Updated",
            "The May 2012 elections",
            "Termine 2020: 5. März, 6. April",
        ] {
            assert!(!is_date_line(text), "{text}");
        }
    }

    fn paragraph(text: &str) -> Block {
        Block {
            kind: BlockKind::Paragraph,
            spans: vec![Span::Text(text.into())],
            node: 0,
            link_chars: 0,
            group: 0,
        }
    }

    #[test]
    fn strip_takes_the_head_and_last_date_lines_only() {
        let prose = "The council met on Thursday to decide on the new budget for the coming year.";
        let mut blocks = vec![
            paragraph("Donnerstag, 31. Mai 2012"),
            paragraph(prose),
            paragraph("15.07.2016"),
            paragraph(prose),
            paragraph(prose),
            paragraph("Aktualisiert am 17.01.2021."),
        ];
        strip(&mut blocks);
        let texts: Vec<String> = blocks.iter().map(Block::text).collect();
        // The date between two paragraphs of the story is left alone.
        assert_eq!(texts, [prose, "15.07.2016", prose, prose]);
        // Under a standfirst, a labelled date line is still the template's.
        let mut blocks = vec![
            paragraph(prose),
            paragraph("Christoph Roe"),
            paragraph("Aktualisiert: 11.04.2020, 10:27"),
            paragraph("15.07.2016"),
            paragraph(prose),
        ];
        strip(&mut blocks);
        let texts: Vec<String> = blocks.iter().map(Block::text).collect();
        assert_eq!(texts, [prose, "Christoph Roe", "15.07.2016", prose]);
        // Without a story below, the dates are the page.
        let mut blocks = vec![paragraph("15.07.2016"), paragraph("Sommerfest")];
        strip(&mut blocks);
        assert_eq!(blocks.len(), 2);
    }
}
