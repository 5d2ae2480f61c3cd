//! The lines above the story: the title (once, however often the scraper repeated it),
//! field labels with or without their values, a lone date, a byline — read into metadata
//! and taken out of the body — and the menu residue around them.

use std::collections::HashMap;

use super::dates::parse_date;
use super::lines::Line;
use super::Verdict;
use crate::rules::phrases::Field;
use crate::text::normalize_space;

/// A title has at most this many words.
const MAX_TITLE_WORDS: usize = 30;
/// Below this many words a head line is only a title if nothing longer is there.
const MIN_TITLE_WORDS: usize = 3;
/// Short lines between the title and the first paragraph stay when there are at most this
/// many lines there (a standfirst, a byline, an ingredient list); a longer run is a menu.
const MAX_LINES_TITLE_TO_STORY: usize = 25;
/// Bylines: "By Jane Doe", "Von Max Mustermann", "Por Juan Pérez" (lowercase, with space).
const BYLINE_PREFIXES: &[&str] = &[
    "by ",
    "von ",
    "par ",
    "por ",
    "di ",
    "от ",
    "بقلم ",
    "written by ",
];
/// A byline has at most this many words after its prefix.
const MAX_BYLINE_WORDS: usize = 5;

/// What the head gave.
#[derive(Debug, Default)]
pub struct Head {
    pub title: Option<String>,
    pub date: Option<String>,
    pub authors: Vec<String>,
}

/// Reads the head `lines[..body_start]`, marking what it consumes in `verdicts`; with
/// `drop_residue`, the short lines left over (menus) are dropped too.
pub fn read(
    lines: &[Line<'_>],
    body_start: usize,
    verdicts: &mut [Verdict],
    drop_residue: bool,
) -> Head {
    read_inner(lines, body_start, verdicts, true, drop_residue)
}

/// For a text without any paragraph of prose (a list, a table, a poem): reads the title,
/// labels and dates, but drops no short line as menu residue.
pub fn read_metadata_only(lines: &[Line<'_>], verdicts: &mut [Verdict]) -> Head {
    read_inner(lines, lines.len(), verdicts, false, false)
}

fn read_inner(
    lines: &[Line<'_>],
    body_start: usize,
    verdicts: &mut [Verdict],
    story_below: bool,
    drop_residue: bool,
) -> Head {
    let mut head = Head::default();
    let end = body_start.min(lines.len()).min(verdicts.len());
    let mut candidates = Vec::new();
    let mut i = 0;
    while i < end {
        let line = &lines[i];
        if line.is_blank() || line.kind.is_some() {
            i += 1;
            continue;
        }
        if let Some(label) = line.label {
            verdicts[i] = Verdict::Meta;
            match label.field {
                Field::Date if label.value.is_empty() => {
                    // The template lost the value onto the next line: "Date:\n15 July 2016".
                    if let Some(next) = next_non_blank(lines, i + 1, end) {
                        if let Some(iso) = parse_date(lines[next].text).and_then(|d| d.iso()) {
                            head.date.get_or_insert(iso);
                            verdicts[next] = Verdict::Meta;
                            i = next;
                        }
                    }
                }
                Field::Date => {
                    if let Some(iso) = parse_date(label.value).and_then(|d| d.iso()) {
                        head.date.get_or_insert(iso);
                    }
                }
                Field::Author if !label.value.is_empty() => {
                    head.authors.push(normalize_space(label.value));
                }
                _ => {}
            }
            i += 1;
            continue;
        }
        if let Some(iso) = parse_date(line.text).and_then(|d| d.iso()) {
            head.date.get_or_insert(iso);
            verdicts[i] = Verdict::Meta;
        } else if let Some(author) = byline(line.text) {
            head.authors.push(author.to_owned());
            verdicts[i] = Verdict::Meta;
        } else {
            candidates.push(i);
        }
        i += 1;
    }
    // Without a story below, a headline-sized line is as likely content as a title: only a
    // repeated line is taken for one.
    let mut title_at = None;
    let title = if story_below {
        pick_title(lines, &candidates)
    } else {
        repeated_line(lines, &candidates)
    };
    if let Some(t) = title {
        title_at = Some(t);
        let title = normalize_space(lines[t].text);
        for &c in &candidates {
            if normalize_space(lines[c].text) == title {
                verdicts[c] = Verdict::Meta;
            }
        }
        head.title = Some(title);
    }
    // What is left above the story and is short is menu residue ("Home", "World", "Video").
    // Below the title the story has begun: a standfirst, an ingredient list, a subheading
    // stay there (the phrase lines among them go in the filter).
    // Not so for a long run of them (a filter menu under a listing's title).
    let below_title = title_at.map_or(0, |t| {
        (t + 1..end).filter(|&j| !lines[j].is_blank()).count()
    });
    let story_begun =
        |c: usize| below_title <= MAX_LINES_TITLE_TO_STORY && title_at.is_some_and(|t| c > t);
    // The headline-sized line right above the first paragraph heads it (a page heading
    // that is not the title, a subheading, "Key takeaways"): it is the story's, menu or not.
    let heads_first_paragraph = (0..end)
        .rev()
        .find(|&j| !lines[j].is_blank())
        .filter(|&j| story_below && fits_title(&lines[j]));
    for &c in candidates.iter().filter(|_| drop_residue) {
        if verdicts[c] == Verdict::Keep
            && lines[c].is_short()
            && !story_begun(c)
            && heads_first_paragraph != Some(c)
        {
            verdicts[c] = Verdict::Drop;
        }
    }
    head
}

/// The title among the head's candidate lines: a line the scraper repeated; else the last
/// headline-sized line above the story; else the first line of the text.
fn pick_title(lines: &[Line<'_>], candidates: &[usize]) -> Option<usize> {
    if let Some(t) = repeated_line(lines, candidates) {
        return Some(t);
    }
    if let Some(&t) = candidates
        .iter()
        .rev()
        .find(|&&i| reads_as_headline(&lines[i]) && lines[i].words >= MIN_TITLE_WORDS)
    {
        return Some(t);
    }
    let first = lines.iter().position(|l| !l.is_blank())?;
    candidates
        .first()
        .copied()
        .filter(|&c| c == first && fits_title(&lines[c]))
}

/// A scraper repeats a title a few times at most; a line repeated more often is a list entry.
const MAX_TITLE_REPEATS: usize = 3;

/// The first headline-sized candidate line that the scraper repeated (a few times).
fn repeated_line(lines: &[Line<'_>], candidates: &[usize]) -> Option<usize> {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for &c in candidates {
        *count.entry(lines[c].text).or_default() += 1;
    }
    candidates.iter().copied().find(|&c| {
        let n = count.get(lines[c].text).copied().unwrap_or(0);
        (2..=MAX_TITLE_REPEATS).contains(&n) && fits_title(&lines[c])
    })
}

/// A headline-sized line that reads as one: a line closed by a full stop is a sentence
/// ("Lorem ipsum dolor sit amet.") and a line led by a list mark is a list item, however
/// short — neither is taken for the title just for standing last above the story.
fn reads_as_headline(l: &Line<'_>) -> bool {
    let text = l.text.trim();
    fits_title(l) && !text.ends_with(['.', '。', '．']) && l.list_mark().is_none()
}

fn fits_title(l: &Line<'_>) -> bool {
    l.words >= 1 && l.words <= MAX_TITLE_WORDS && !l.is_prose()
}

fn next_non_blank(lines: &[Line<'_>], from: usize, end: usize) -> Option<usize> {
    (from..end).find(|&j| !lines[j].is_blank())
}

/// "By Jane Doe" → "Jane Doe".
fn byline(text: &str) -> Option<&str> {
    let lower_head: String = text.chars().take(12).flat_map(char::to_lowercase).collect();
    let prefix = BYLINE_PREFIXES
        .iter()
        .find(|p| lower_head.starts_with(*p))?;
    let name = text.get(prefix.len()..)?.trim();
    let words = name.split_whitespace().count();
    let capitalised = name.chars().next().is_some_and(char::is_uppercase);
    ((1..=MAX_BYLINE_WORDS).contains(&words) && capitalised && !name.ends_with('.')).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::super::lines::split;
    use super::*;

    /// The head's reading, and the verdicts of the lines it judged (blank lines and phrase
    /// lines, which it leaves to the filter, are left out).
    fn run(text: &str) -> (Head, Vec<Verdict>) {
        let lines = split(text);
        let start = lines.iter().position(Line::is_prose).unwrap_or(lines.len());
        let mut v = vec![Verdict::Keep; lines.len()];
        let h = read(&lines, start, &mut v, true);
        let judged = lines
            .iter()
            .zip(v)
            .filter(|(l, _)| !l.is_blank() && l.kind.is_none())
            .map(|(_, v)| v)
            .collect();
        (h, judged)
    }

    #[test]
    fn repeated_title_label_and_orphaned_date() {
        let (h, v) = run("A Storm Closes the Harbour\n\nA Storm Closes the Harbour\nPublished:\u{a0}\n3 March 2019\nMain image:\n\nThe harbour closed on Sunday as the storm reached the coast, officials said.");
        assert_eq!(h.title.as_deref(), Some("A Storm Closes the Harbour"));
        assert_eq!(h.date.as_deref(), Some("2019-03-03"));
        assert!(v[..5].iter().all(|&x| x == Verdict::Meta), "{v:?}");
        assert_eq!(v[5..], [Verdict::Keep]);
    }

    #[test]
    fn menus_bylines_and_labels_with_values() {
        let (h, v) = run("Home\nWorld\nSport\nCouncil Votes to Rebuild the Old Bridge\nBy Jane Doe\nDatum: 5. März 2020\nThe council voted on Tuesday to rebuild the bridge that has been closed since the flood.");
        assert_eq!(
            h.title.as_deref(),
            Some("Council Votes to Rebuild the Old Bridge")
        );
        assert_eq!(h.authors, vec!["Jane Doe".to_owned()]);
        assert_eq!(h.date.as_deref(), Some("2020-03-05"));
        assert_eq!(
            v,
            [
                Verdict::Drop,
                Verdict::Drop,
                Verdict::Meta,
                Verdict::Meta,
                Verdict::Meta,
                Verdict::Keep
            ]
        );
    }

    #[test]
    fn short_lines_between_the_title_and_the_story_stay() {
        let (h, v) = run("Home\nBaking\nAlmond Biscuits for the Holidays\nSugar\n3 eggs\nMix everything and bake it for forty minutes at a medium heat, then let it cool.");
        assert_eq!(h.title.as_deref(), Some("Almond Biscuits for the Holidays"));
        // ("Home" is a phrase line, left to the filter.)
        assert_eq!(
            v,
            [
                Verdict::Drop,
                Verdict::Meta,
                Verdict::Keep,
                Verdict::Keep,
                Verdict::Keep
            ]
        );
        // A long run of short lines under the title is a menu: it goes.
        let menu: String = (0..30).map(|i| format!("Category {i}\n")).collect();
        let (_, v) = run(&format!("Almond Biscuits for the Holidays\n{menu}Mix everything and bake it for forty minutes at a medium heat, then let it cool."));
        assert!(v[1..30].iter().all(|&x| x == Verdict::Drop), "{v:?}");
    }

    #[test]
    fn the_heading_right_above_the_first_paragraph_stays() {
        let story = "Our rangers answer the questions visitors ask most about the coastal path.";
        // Under a title, a filter menu too long to be the story's, then the page's heading.
        let menu: String = (0..30).map(|i| format!("Category {i}\n")).collect();
        let (h, v) = run(&format!("Harbour Walks Guide\n{menu}Questions\n{story}"));
        assert_eq!(h.title.as_deref(), Some("Harbour Walks Guide"));
        assert!(v[1..31].iter().all(|&x| x == Verdict::Drop), "{v:?}");
        assert_eq!(v[31..], [Verdict::Keep, Verdict::Keep]);
        // A date there is still metadata.
        let (h, v) = run(&format!("Maps\nTours\n3 March 2019\n{story}"));
        assert_eq!(h.date.as_deref(), Some("2019-03-03"));
        assert_eq!(v[2], Verdict::Meta);
    }

    #[test]
    fn a_sentence_or_a_list_item_is_not_the_title() {
        let story =
            "Mix everything and bake it for forty minutes at a medium heat, then let it cool.";
        let (h, v) = run(&format!(
            "Almond Biscuits for the Holidays\nWe bake these every year.\n{story}"
        ));
        assert_eq!(h.title.as_deref(), Some("Almond Biscuits for the Holidays"));
        assert_eq!(v, [Verdict::Meta, Verdict::Keep, Verdict::Keep]);
        let (h, _) = run(&format!(
            "Almond Biscuits for the Holidays\nIngredients\n+ Two cups of almond flour\n{story}"
        ));
        assert_eq!(h.title.as_deref(), Some("Almond Biscuits for the Holidays"));
    }

    #[test]
    fn byline_needs_a_name() {
        assert_eq!(byline("By Jane Doe"), Some("Jane Doe"));
        assert_eq!(byline("by the river we sat down."), None);
        assert_eq!(byline("Byzantium"), None);
    }
}
