//! The lines above the story: the title (once, however often the scraper repeated it),
//! field labels with or without their values, a lone date, a byline — read into metadata
//! and taken out of the body — and the menu residue around them.

use std::collections::HashMap;

use super::dates::parse_date;
use super::lines::Line;
use super::Verdict;
use crate::metadata::dates::{find_dates, DayOrder};
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
    // Lines read as a date or a byline: the title stands right above them.
    let mut bylines = Vec::new();
    let mut i = 0;
    while i < end {
        let line = &lines[i];
        if line.is_blank() || line.kind.is_some() {
            i += 1;
            continue;
        }
        if let Some(label) = line.label {
            verdicts[i] = Verdict::Meta;
            if matches!(label.field, Field::Date | Field::Author) {
                bylines.push(i);
            }
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
            bylines.push(i);
        } else if let Some(author) = byline(line.text) {
            head.authors.push(author.to_owned());
            verdicts[i] = Verdict::Meta;
            bylines.push(i);
        } else {
            if shows_date(line) {
                // "Oct 18, 2019 · 8 min read": a date line with more on it stays a line
                // of the head, but it marks the byline block all the same.
                bylines.push(i);
            }
            candidates.push(i);
        }
        i += 1;
    }
    // Without a story below, a headline-sized line is as likely content as a title: only a
    // repeated line is taken for one.
    let mut title_at = None;
    let title = if story_below {
        pick_title(lines, &candidates, &bylines)
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
    let heads_first_paragraph = heading_of_first_paragraph(lines, end).filter(|_| story_below);
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

/// The headline-sized line right above the first paragraph (at `first_prose`), if any: it
/// heads the paragraph (a page heading that is not the title, a subheading, "Key
/// takeaways", a caption's "Photo") and is the story's wherever it stands — no rule for
/// head residue or menus drops it.
pub fn heading_of_first_paragraph(lines: &[Line<'_>], first_prose: usize) -> Option<usize> {
    (0..first_prose.min(lines.len()))
        .rev()
        .find(|&j| !lines[j].is_blank())
        .filter(|&j| fits_title(&lines[j]))
}

/// The title among the head's candidate lines: a line the scraper repeated; else the
/// headline right above a byline or date line ([`headline_over_byline`]); else the last
/// headline-sized line above the story; else the first line of the text.
fn pick_title(lines: &[Line<'_>], candidates: &[usize], bylines: &[usize]) -> Option<usize> {
    if let Some(t) = repeated_line(lines, candidates) {
        return Some(t);
    }
    if let Some(t) = headline_over_byline(lines, candidates, bylines) {
        return Some(t);
    }
    if let Some(&t) = candidates.iter().rev().find(|&&i| is_title_line(lines, i)) {
        return Some(t);
    }
    let first = lines.iter().position(|l| !l.is_blank())?;
    candidates
        .first()
        .copied()
        .filter(|&c| c == first && fits_title(&lines[c]))
}

/// Between a headline and its byline or date line stand at most this many lines (the
/// author's name, a "Follow" button).
const MAX_LINES_HEADLINE_TO_BYLINE: usize = 2;

/// The headline a byline or date line stands under ("Node.js and CPU profiling" / "Vincent
/// Vallet" / "Oct 18, 2019 · 8 min read"), the last such pair above the story: a story's
/// head reads headline, byline, date — the subheading right above the first paragraph is
/// the story's, not its title.
fn headline_over_byline(
    lines: &[Line<'_>],
    candidates: &[usize],
    bylines: &[usize],
) -> Option<usize> {
    bylines.iter().rev().find_map(|&b| {
        let lines_between = |c: usize| (c + 1..b).filter(|&j| !lines[j].is_blank()).count();
        // The candidates are in text order: the ones above `b` end where it would stand.
        let above = candidates.partition_point(|&c| c < b);
        candidates[..above]
            .iter()
            .rev()
            .take_while(|&&c| lines_between(c) <= MAX_LINES_HEADLINE_TO_BYLINE)
            .find(|&&c| is_title_line(lines, c))
            .copied()
    })
}

/// A scraper repeats a title a few times at most; a line repeated more often is a list entry.
const MAX_TITLE_REPEATS: usize = 3;

/// The first headline-sized candidate line that the scraper repeated (a few times). A line
/// of fewer than `MIN_TITLE_WORDS` words repeated is a refrain or a label ("Repeat Chorus",
/// "Faktor 112"), not a title.
fn repeated_line(lines: &[Line<'_>], candidates: &[usize]) -> Option<usize> {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for &c in candidates {
        *count.entry(lines[c].text).or_default() += 1;
    }
    candidates.iter().copied().find(|&c| {
        let n = count.get(lines[c].text).copied().unwrap_or(0);
        (2..=MAX_TITLE_REPEATS).contains(&n) && is_headline(&lines[c])
    })
}

/// A headline-sized line that reads as one: a line closed by a full stop is a sentence
/// ("Lorem ipsum dolor sit amet.") and a line led by a list mark is a list item, however
/// short — neither is taken for the title just for standing last above the story.
fn reads_as_headline(l: &Line<'_>) -> bool {
    let text = l.text.trim();
    fits_title(l) && !text.ends_with(['.', '。', '．']) && l.list_mark().is_none()
}

/// A head line holding a date, with at most this many words ("Oct 18, 2019 · 8 min read").
const MAX_DATE_LINE_WORDS: usize = 8;

/// Whether a short head line shows a date among other words (written with digits: a line
/// without one is not read further).
pub(super) fn shows_date(l: &Line<'_>) -> bool {
    l.words <= MAX_DATE_LINE_WORDS
        && l.text.bytes().any(|b| b.is_ascii_digit())
        && !find_dates(l.text, DayOrder::DayFirst, 1).is_empty()
}

/// Whether the line at `i` can be the title: a headline ([`is_headline`]) that does not
/// continue the line above it — a hard-wrapped paragraph's line starts in lower case right
/// under a line that did not end its sentence ("… velit esse" / "cillum dolore eu …").
pub(super) fn is_title_line(lines: &[Line<'_>], i: usize) -> bool {
    let continues = i
        .checked_sub(1)
        .and_then(|above| lines.get(above))
        .is_some_and(|above| {
            !above.is_blank()
                && !above.sentence
                && lines[i].text.chars().next().is_some_and(char::is_lowercase)
        });
    is_headline(&lines[i]) && !continues
}

/// A line that can be a story's headline: reads as one (`reads_as_headline`), has
/// `MIN_TITLE_WORDS` words besides its numbers ("1:39 PM ET" is a time, not a headline) and
/// no web address ("List of all goals: https://…" is a comment's link).
pub fn is_headline(l: &Line<'_>) -> bool {
    let numbers = l
        .text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .count();
    reads_as_headline(l)
        && l.words.saturating_sub(numbers) >= MIN_TITLE_WORDS
        && !l.text.contains("://")
}

pub(super) fn fits_title(l: &Line<'_>) -> bool {
    l.words >= 1 && l.words <= MAX_TITLE_WORDS && !l.is_prose()
}

fn next_non_blank(lines: &[Line<'_>], from: usize, end: usize) -> Option<usize> {
    (from..end).find(|&j| !lines[j].is_blank())
}

/// "By Jane Doe" → "Jane Doe".
pub(super) fn byline(text: &str) -> Option<&str> {
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
    fn the_title_is_the_headline_over_the_byline() {
        let story =
            "I work at a company that makes mobile games, and the servers that run them are busy.";
        let (h, v) = run(&format!("Tools\nNode.js Profiling in Production Without Downtime\nVincent Vallet\nOct 18, 2019\nWhy CPU monitoring is important?\n{story}"));
        assert_eq!(
            h.title.as_deref(),
            Some("Node.js Profiling in Production Without Downtime")
        );
        assert_eq!(h.date.as_deref(), Some("2019-10-18"));
        // The subheading right above the first paragraph and the author's name stay.
        assert_eq!(
            v,
            [
                Verdict::Drop,
                Verdict::Meta,
                Verdict::Keep,
                Verdict::Meta,
                Verdict::Keep,
                Verdict::Keep
            ]
        );
        // A date line with more on it marks the byline block too; it stays in the text.
        let (h, v) = run(&format!("Node.js Profiling in Production Without Downtime\nVincent Vallet\nOct 18, 2019 · 8 min read\nWhy CPU monitoring is important?\n{story}"));
        assert_eq!(
            h.title.as_deref(),
            Some("Node.js Profiling in Production Without Downtime")
        );
        assert_eq!(v[1..], [Verdict::Keep; 4]);
        // Without a byline or date under it, the last headline above the story is taken.
        let (h, _) = run(&format!("Node.js Profiling in Production Without Downtime\nWhy CPU monitoring is important?\n{story}"));
        assert_eq!(h.title.as_deref(), Some("Why CPU monitoring is important?"));
    }

    #[test]
    fn a_time_of_day_is_not_a_headline() {
        let story = "The once-ubiquitous form of lighting was novel when it first emerged in the early 1900s.";
        let (h, v) = run(&format!(
            "Why Neon Is the Symbol of the Century\nSarah Archer\n1:39 PM ET\n{story}"
        ));
        assert_eq!(
            h.title.as_deref(),
            Some("Why Neon Is the Symbol of the Century")
        );
        assert_eq!(
            v,
            [Verdict::Meta, Verdict::Keep, Verdict::Keep, Verdict::Keep]
        );
    }

    #[test]
    fn a_line_of_a_hard_wrapped_paragraph_is_not_the_title() {
        let (h, v) = run("Lorem\nLorem ipsum\ndolor sit\namet, consectetur adipisicing elit, sed do eiusmod\ncillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat non\nproident, sunt in culpa qui officia deserunt mollit anim id est laborum.");
        assert_eq!(h.title.as_deref(), Some("Lorem"));
        assert_eq!(v[1..], [Verdict::Keep; 5]);
    }

    #[test]
    fn a_short_refrain_or_a_link_is_not_the_title() {
        let story = "And we sang it again and again, all the way home through the rain that night.";
        let (h, _) = run(&format!(
            "Song of the Harbour Lights\nRepeat Chorus\nla la\nRepeat Chorus\n{story}"
        ));
        assert_eq!(h.title.as_deref(), Some("Song of the Harbour Lights"));
        let (h, _) = run(&format!(
            "Song of the Harbour Lights\nAll the verses: https://example.com/song/verses\n{story}"
        ));
        assert_eq!(h.title.as_deref(), Some("Song of the Harbour Lights"));
    }

    #[test]
    fn byline_needs_a_name() {
        assert_eq!(byline("By Jane Doe"), Some("Jane Doe"));
        assert_eq!(byline("by the river we sat down."), None);
        assert_eq!(byline("Byzantium"), None);
    }
}
