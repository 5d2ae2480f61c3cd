//! Prose-bearing repeated structures below a story, which every line-by-line rule keeps
//! because each of their lines reads like the story's own: a list of teasers (a headline,
//! a one-paragraph summary, a date or a "Read more" — three times or more) and a comment
//! thread without an opening line (a name, "March 10, 2017 at 12:20 AM" or "2 years ago",
//! the comment, "Reply" — again and again).
//!
//! A story has the same shapes (a subheading and its paragraph, an FAQ, numbered steps),
//! so a run is taken only when it stands below most of the text's prose and carries what a
//! story's sections do not: for teasers, two of — summaries cut short ("…"), dates under
//! the headlines, a wording repeated in every item (a category badge, "Read more"), each
//! headline shown twice (an image's caption and the link); for a comment thread, dated
//! headers over at least three comments. Shapes are in [`crate::rules::repeats`].

use std::collections::HashMap;
use std::ops::Range;

use super::lines::Line;
use super::{is_story_paragraph, Verdict};
use crate::cards::shows_price;
use crate::metadata::dates::{find_dates, DayOrder};
use crate::rules::repeats as shape;

/// A run is taken only with at least this share of the text's prose (in words) above it:
/// the story's own sections stand above that line, the teasers and comments under a story
/// below it. (Measured on the line-labelled sets: from half the prose on, a teaser-shaped
/// run is as often the story's last sections as a list of teasers.)
const MIN_PROSE_SHARE_ABOVE: f64 = 0.7;
/// Signs of a teaser list a run must show (of four): one alone is as often a story's
/// sections (a dated changelog, a product's feature list with repeated labels).
const MIN_TEASER_SIGNS: usize = 2;

/// Drops the teaser lists and marks the comment threads that stand below most of the
/// prose, after the story's first paragraph (`first_prose`). Only kept lines change.
pub fn apply(lines: &[Line<'_>], first_prose: usize, verdicts: &mut [Verdict]) {
    // The runs are read over the shown lines: blank lines split nothing in a scraper's text.
    let shown: Vec<usize> = (0..lines.len().min(verdicts.len()))
        .filter(|&i| !lines[i].is_blank())
        .collect();
    let items = teaser_items(lines, &shown);
    let teasers = teaser_lists(lines, &shown, &items);
    // The story's prose above a run counts the paragraphs outside every teaser-shaped item:
    // on a listing page the items are the content, and the prose above the last run is
    // the earlier items', not a story's.
    let mut in_item = vec![false; shown.len()];
    for item in &items {
        if let Some(flags) = in_item.get_mut(item.lines.clone()) {
            flags.fill(true);
        }
    }
    let (prose_above, total) = story_prose_above(lines, &shown, &in_item, verdicts);
    let below_most_prose = |run: &Range<usize>, prose_above: &[usize], total: usize| {
        shown.get(run.start).is_some_and(|&i| i > first_prose)
            && prose_above
                .get(run.start)
                .is_some_and(|&w| w as f64 >= total as f64 * MIN_PROSE_SHARE_ABOVE)
    };
    let mark = |run: Range<usize>, verdict: Verdict, verdicts: &mut [Verdict]| {
        for &i in shown.get(run).unwrap_or_default() {
            if verdicts[i] == Verdict::Keep {
                verdicts[i] = verdict;
            }
        }
    };
    // Threads first: dated comments with a "Reply" under each have a teaser list's shape.
    // Only the first run of comment headers below the story's start can be a thread under
    // it: on a forum, every post has the header, from the first one on.
    let headers = comment_headers(lines, &shown);
    let first_header = headers
        .iter()
        .map(|&(p, _)| p)
        .find(|&p| shown.get(p).is_some_and(|&i| i > first_prose));
    let first_thread = comment_threads(lines, &shown, &headers)
        .into_iter()
        .next()
        .filter(|run| first_header == Some(run.start));
    if let Some(run) = first_thread.filter(|run| below_most_prose(run, &prose_above, total)) {
        mark(run, Verdict::Comment, verdicts);
    }
    // The comment section's prose (marked here or by the filter before) is the readers', not
    // the story's: a long thread under a short story holds no teaser list above it back.
    let (prose_above, total) = story_prose_above(lines, &shown, &in_item, verdicts);
    for run in teasers {
        if below_most_prose(&run, &prose_above, total) {
            mark(run, Verdict::Drop, verdicts);
        }
    }
}

/// For each shown line, the words of the story's prose above it, and the story's prose in
/// all: paragraphs outside every teaser-shaped item (`in_item`; on a listing page the items
/// are the content, and the prose above the last run is the earlier items', not a story's)
/// and outside the comment section.
fn story_prose_above(
    lines: &[Line<'_>],
    shown: &[usize],
    in_item: &[bool],
    verdicts: &[Verdict],
) -> (Vec<usize>, usize) {
    let mut prose_above = Vec::with_capacity(shown.len());
    let (mut total, mut story) = (0usize, 0usize);
    for (&i, &item) in shown.iter().zip(in_item) {
        prose_above.push(story);
        if is_story_paragraph(&lines[i], verdicts.get(i)) {
            total += lines[i].words;
            story += if item { 0 } else { lines[i].words };
        }
    }
    (prose_above, total)
}

/// A line that can head a teaser: headline-sized, no sentence, no list mark or number of a
/// story's own list. (Nor a price, a shop's card: "+$18.02 shipping" — checked only where
/// an item forms, the price reader being the dearer test.)
fn is_headline(line: &Line<'_>) -> bool {
    line.kind.is_none()
        && !line.sentence
        && (shape::MIN_HEADLINE_WORDS..=shape::MAX_HEADLINE_WORDS).contains(&line.words)
        && line.list_mark().is_none()
        && !is_numbered(line.text)
        && !shape::OWN_ITEM_PREFIXES
            .iter()
            .any(|p| line.text.starts_with(p))
}

/// "3. Mix the flour", "40) Load tester": a numbered step or rank.
fn is_numbered(text: &str) -> bool {
    let rest = text.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < text.len() && (rest.starts_with('.') || rest.starts_with(')'))
}

/// A teaser's summary: a short paragraph.
fn is_summary(line: &Line<'_>) -> bool {
    line.kind.is_none()
        && (line.sentence || line.is_prose())
        && (shape::MIN_SUMMARY_WORDS..=shape::MAX_SUMMARY_WORDS).contains(&line.words)
}

/// A teaser item's furniture: a phrase-table line ("Read more"), a short line that heads
/// nothing (an author, a badge), a date.
fn is_furniture(line: &Line<'_>) -> bool {
    line.kind.is_some()
        || (line.is_short() && (!is_headline(line) || shows_date_or_time(line.text)))
}

/// One teaser item over the shown lines: `lines` from its headline to its last furniture
/// line, `last_summary` the position of its summary's last line.
struct Item {
    lines: Range<usize>,
    last_summary: usize,
}

/// Every teaser-shaped item (a headline, one or two short paragraphs, furniture), whether
/// or not it stands in a list.
fn teaser_items(lines: &[Line<'_>], shown: &[usize]) -> Vec<Item> {
    let at = |p: usize| shown.get(p).and_then(|&i| lines.get(i));
    let summary_at = |p: usize| at(p).is_some_and(is_summary);
    let mut items: Vec<Item> = Vec::new();
    let mut p = 0;
    while p < shown.len() {
        if !at(p).is_some_and(is_headline) {
            p += 1;
            continue;
        }
        let mut q = p + 1;
        if at(q).is_some_and(is_furniture) && summary_at(q + 1) {
            q += 1;
        }
        let summary_start = q;
        while q - summary_start < shape::MAX_SUMMARY_LINES && summary_at(q) {
            q += 1;
        }
        // No summary, or more paragraphs than a teaser has: a section of the story.
        if q == summary_start || summary_at(q) {
            p += 1;
            continue;
        }
        if at(p).is_some_and(|l| has_digit(l.text) && shows_price(l.text)) {
            p += 1;
            continue;
        }
        let last_summary = q - 1;
        let furniture_start = q;
        while q - furniture_start < shape::MAX_ITEM_FURNITURE_LINES
            && at(q).is_some_and(is_furniture)
        {
            q += 1;
        }
        items.push(Item {
            lines: p..q,
            last_summary,
        });
        p = q;
    }
    items
}

/// The runs (positions in `shown`) of at least `MIN_TEASER_ITEMS` teaser items a few lines
/// apart that show `MIN_TEASER_SIGNS` signs of a teaser list.
fn teaser_lists(lines: &[Line<'_>], shown: &[usize], items: &[Item]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut start = 0;
    for k in 1..=items.len() {
        let joined = k < items.len()
            && items[k].lines.start - items[k - 1].lines.end <= shape::MAX_LINES_BETWEEN_ITEMS;
        if joined {
            continue;
        }
        let run = &items[start..k];
        if run.len() >= shape::MIN_TEASER_ITEMS
            && teaser_signs(lines, shown, run) >= MIN_TEASER_SIGNS
        {
            if let (Some(first), Some(last)) = (run.first(), run.last()) {
                runs.push(first.lines.start..last.lines.end);
            }
        }
        start = k;
    }
    runs
}

/// How many signs of a list of teasers (not a story's sections) a run of items shows, each
/// in at least half of the items: summaries cut short, a date in the item, a wording
/// repeated across items, the headline shown twice.
fn teaser_signs(lines: &[Line<'_>], shown: &[usize], items: &[Item]) -> usize {
    let line_at = |p: usize| shown.get(p).and_then(|&i| lines.get(i));
    let (mut cut_short, mut dated, mut doubled) = (0, 0, 0);
    let mut wordings: HashMap<&str, usize> = HashMap::new();
    for item in items {
        if line_at(item.last_summary).is_some_and(is_cut_short) {
            cut_short += 1;
        }
        let item_lines = item.lines.clone().filter_map(line_at);
        if item_lines
            .clone()
            .any(|l| l.words <= shape::MAX_DATE_LINE_WORDS && shows_date_or_time(l.text))
        {
            dated += 1;
        }
        for l in item_lines.clone().filter(|l| !is_summary(l)) {
            *wordings.entry(l.text).or_default() += 1;
        }
        let mut first_two = item_lines.take(2).map(|l| l.text);
        if let (Some(a), Some(b)) = (first_two.next(), first_two.next()) {
            doubled += usize::from(a == b);
        }
    }
    let half = |count: usize| count * 2 >= items.len();
    let repeated = wordings.values().any(|&c| c >= 2 && half(c));
    [half(cut_short), half(dated), repeated, half(doubled)]
        .iter()
        .filter(|&&sign| sign)
        .count()
}

/// The comment headers (positions in `shown`, whether dated) with a comment's prose a few
/// lines below them.
fn comment_headers(lines: &[Line<'_>], shown: &[usize]) -> Vec<(usize, bool)> {
    let at = |p: usize| shown.get(p).and_then(|&i| lines.get(i));
    (0..shown.len())
        .filter_map(|p| {
            // The cheap test first: most short lines (a menu's) have no paragraph under them.
            let comment_follows = (p + 1..=p + shape::MAX_LINES_HEADER_TO_COMMENT)
                .any(|q| at(q).is_some_and(Line::is_prose));
            if !comment_follows {
                return None;
            }
            Some((p, comment_header(at(p)?)?))
        })
        .collect()
}

/// A summary the site cut short: "… lends books to…", or stopping on a word with no
/// sentence ending ("… compiled for our subscribers"). A line of code ends on a quote or a
/// bracket, not on a word.
fn is_cut_short(line: &Line<'_>) -> bool {
    shape::TRUNCATION_MARKS
        .iter()
        .any(|m| line.text.ends_with(m))
        || (!line.sentence && line.text.chars().last().is_some_and(char::is_alphabetic))
}

/// The runs (positions in `shown`) of a comment thread: from the first of at least
/// `MIN_THREAD_COMMENTS` comment headers, each a few lines above a comment's prose and
/// `MIN_DATED_COMMENTS` of them dated, to the last comment's end.
fn comment_threads(
    lines: &[Line<'_>],
    shown: &[usize],
    headers: &[(usize, bool)],
) -> Vec<Range<usize>> {
    let at = |p: usize| shown.get(p).and_then(|&i| lines.get(i));
    let mut runs = Vec::new();
    let mut start = 0;
    for k in 1..=headers.len() {
        if k < headers.len() && headers[k].0 - headers[k - 1].0 <= shape::MAX_LINES_BETWEEN_COMMENTS
        {
            continue;
        }
        let run = &headers[start..k];
        let dated = run.iter().filter(|h| h.1).count();
        if run.len() >= shape::MIN_THREAD_COMMENTS && dated >= shape::MIN_DATED_COMMENTS {
            if let (Some(first), Some(last)) = (run.first(), run.last()) {
                let mut end = last.0 + 1;
                while end - last.0 <= shape::MAX_LAST_COMMENT_LINES
                    && at(end).is_some_and(|l| comment_header(l).is_none())
                {
                    end += 1;
                }
                runs.push(first.0..end);
            }
        }
        start = k;
    }
    runs
}

/// Whether the line is a comment's header, and then whether it is dated: "March 10, 2017
/// at 12:20 AM", "2 years ago" (dated), "John says:" (not).
fn comment_header(line: &Line<'_>) -> Option<bool> {
    if line.is_blank() || line.words > shape::MAX_COMMENT_HEADER_WORDS || line.kind.is_some() {
        return None;
    }
    let text = line.text;
    if shows_age(text) || (has_digit(text) && shows_time(text) && shows_date(text)) {
        return Some(true);
    }
    if !text.ends_with(':') {
        return None;
    }
    let lower = text.to_lowercase();
    shape::COMMENT_SIGNATURE_ENDINGS
        .iter()
        .any(|e| lower.ends_with(e))
        .then_some(false)
}

fn has_digit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
}

/// A written date ("March 10, 2017", "10.03.2017"), a time of day or an age.
pub(super) fn shows_date_or_time(text: &str) -> bool {
    has_digit(text) && (shows_time(text) || shows_date(text)) || shows_age(text)
}

pub(super) fn shows_date(text: &str) -> bool {
    has_digit(text) && !find_dates(text, DayOrder::DayFirst, 1).is_empty()
}

/// A time of day: "12:20", "9 pm", "14.30 Uhr".
fn shows_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    let clock = bytes.windows(4).enumerate().any(|(k, w)| {
        w[0].is_ascii_digit()
            && w[1] == b':'
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
            && bytes.get(k + 4).is_none_or(|b| !b.is_ascii_digit())
    });
    if clock {
        return true;
    }
    let is_number = |w: &str| {
        w.bytes().any(|b| b.is_ascii_digit())
            && w.bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b':')
    };
    let mut words = text.split_whitespace();
    let mut previous = words.next();
    words.any(|w| {
        let after_number = previous.is_some_and(is_number);
        previous = Some(w);
        let w = w.trim_end_matches([',', ')']);
        after_number
            && shape::TIME_OF_DAY_WORDS
                .iter()
                .any(|t| w.eq_ignore_ascii_case(t))
    })
}

/// An age: "2 years ago", "vor 3 Tagen", "il y a 5 heures", "hace 2 días", "a day ago".
pub(super) fn shows_age(text: &str) -> bool {
    // An age has a number, or is a few words ("a day ago"), and a marker word: most lines
    // are read no further.
    let wordless_and_long = !has_digit(text)
        && text
            .split_whitespace()
            .nth(shape::MAX_WORDLESS_AGE_WORDS)
            .is_some();
    if wordless_and_long {
        return false;
    }
    let has_marker_word = text.split_whitespace().any(|w| {
        shape::AGE_MARKERS.iter().any(|m| {
            m.rsplit(' ')
                .next()
                .is_some_and(|last| w.eq_ignore_ascii_case(last))
        })
    });
    // … and a unit word ("days", "Tagen"): checked before the lowercased copy is made.
    let has_unit_word = || {
        text.split(|c: char| !c.is_alphanumeric()).any(|w| {
            !w.is_empty()
                && shape::AGE_UNITS
                    .iter()
                    .any(|u| w.chars().flat_map(char::to_lowercase).eq(u.chars()))
        })
    };
    if !has_marker_word || !has_unit_word() {
        return false;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let marked = shape::AGE_MARKERS.iter().any(|m| {
        if m.contains(' ') {
            lower.contains(m)
        } else {
            words.contains(m)
        }
    });
    marked
        && words.windows(2).any(|w| {
            (w[0].bytes().all(|b| b.is_ascii_digit())
                || matches!(
                    w[0],
                    "a" | "an" | "one" | "un" | "une" | "ein" | "einem" | "einer"
                ))
                && shape::AGE_UNITS.contains(&w[1])
        })
}

#[cfg(test)]
mod tests {
    use super::super::lines::split;
    use super::*;

    const P: &str =
        "The council voted on Tuesday to rebuild the bridge that was closed after the flood.";

    fn run(text: &str) -> Vec<(String, Verdict)> {
        let lines = split(text);
        let mut v = vec![Verdict::Keep; lines.len()];
        apply(&lines, 0, &mut v);
        lines.iter().map(|l| l.text.to_owned()).zip(v).collect()
    }

    fn kept(v: &[(String, Verdict)]) -> Vec<&str> {
        v.iter()
            .filter(|(t, x)| *x == Verdict::Keep && !t.is_empty())
            .map(|(t, _)| t.as_str())
            .collect()
    }

    fn story(paragraphs: usize) -> String {
        format!("{P}\n").repeat(paragraphs)
    }

    #[test]
    fn a_dated_teaser_list_with_cut_summaries_below_the_story_goes() {
        let teasers = "Harbour Town Opens a Floating Library\nA converted cargo barge moored at the old fish quay now lends books to…\nMarch 3, 2019\nMayor Promises a New Bridge by Spring\nThe council has found the money for the bridge, and the work may start before…\nMarch 1, 2019\nFerry Timetable Changes for the Winter\nFrom November the ferry will leave the quay every two hours instead of every…\nFebruary 27, 2019\n";
        let v = run(&format!("{}{teasers}", story(12)));
        assert_eq!(kept(&v).len(), 12, "{v:?}");
        // The same list above most of the prose stays: it may be the story's.
        let v = run(&format!("{}{teasers}{}", story(2), story(10)));
        assert_eq!(kept(&v).len(), 21, "{v:?}");
    }

    #[test]
    fn a_teaser_list_above_a_long_comment_section_goes() {
        let teasers = "Harbour Town Opens a Floating Library\nA converted cargo barge moored at the old fish quay now lends books to…\nMarch 3, 2019\nMayor Promises a New Bridge by Spring\nThe council has found the money for the bridge, and the work may start before…\nMarch 1, 2019\nFerry Timetable Changes for the Winter\nFrom November the ferry will leave the quay every two hours instead of every…\nFebruary 27, 2019\n";
        let comment =
            "I drove over that bridge every day for twenty years and never felt unsafe on it.\n";
        let text = format!("{}{teasers}{}", story(10), comment.repeat(10));
        let lines = split(&text);
        let comments = 10 + 9;
        // Read as the story's, the readers' ten paragraphs hold the list above them …
        let mut v = vec![Verdict::Keep; lines.len()];
        apply(&lines, 0, &mut v);
        assert!(v.iter().all(|&x| x == Verdict::Keep), "{v:?}");
        // … marked as the comment section, they count for nothing and the list goes.
        let mut v = vec![Verdict::Keep; lines.len()];
        v[comments..].fill(Verdict::Comment);
        apply(&lines, 0, &mut v);
        assert_eq!(&v[..10], &[Verdict::Keep; 10]);
        assert_eq!(&v[10..comments], &[Verdict::Drop; 9]);
    }

    #[test]
    fn a_shops_cards_are_no_teasers() {
        let card = |n: usize| {
            format!("The Once and Future World: Nature As It Was, As It Is, As It Could Be, copy {n} in good condition with a torn jacket\n$7.84\n+$18.02 shipping\n")
        };
        let cards: String = (1..6).map(card).collect();
        let v = run(&format!("{}{cards}", story(30)));
        assert!(v.iter().all(|(_, x)| *x == Verdict::Keep), "{v:?}");
    }

    #[test]
    fn a_storys_sections_stay() {
        // Subheadings with one full paragraph each, no dates, nothing repeated.
        let sections = "What the council decided\nThe bridge will be rebuilt in steel, with a lane for bicycles on either side.\nWho pays for the work\nThe county pays two thirds of the cost and the town pays the remaining third.\nWhen the work begins\nThe contractor will start in April and expects to finish before the winter.\n";
        let text = format!("{}{sections}", story(12));
        assert_eq!(kept(&run(&text)).len(), 18);
        // Numbered steps with a paragraph each and an interview's questions stay too.
        let steps = "1. Take the ferry to the quay\nBuy the ticket at the kiosk, the machines on board take no cards at all…\n2. Walk to the old fish market\nThe library is moored behind the market hall, next to the harbour office…\n3. Ask for a reader's card\nThe card is free for residents and costs two euros a year for visitors…\n";
        let text = format!("{}{steps}", story(12));
        assert_eq!(kept(&run(&text)).len(), 18);
    }

    #[test]
    fn a_comment_thread_without_an_opener_is_the_comment_section() {
        let thread = "Jane Doe\nMarch 10, 2017 at 12:20 AM\nI think this is a very good idea and I hope they finish the bridge on time.\nReply\nJohn Smith\nMarch 10, 2017 at 9:41 AM\nThe old bridge served us well for eighty years, and the new one will too, I am sure.\nReply\nAnna\n2 years ago\nWe waited far too long for this decision, but better late than never, as they say.\nReply\n";
        let v = run(&format!("{}{thread}", story(12)));
        let comments: Vec<&str> = v
            .iter()
            .filter(|(_, x)| *x == Verdict::Comment)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(comments.first(), Some(&"March 10, 2017 at 12:20 AM"));
        assert_eq!(comments.last(), Some(&"Reply"));
        assert_eq!(kept(&v).len(), 13, "{v:?}");
    }

    #[test]
    fn a_forums_later_posts_are_no_thread_under_a_story() {
        // Every post has the header, the first one too: the posts are the page.
        let post = |n: usize| {
            format!("member{n}\nMarch {n}, 2017 at 12:20 AM\nI think this is a very good idea and I hope they finish the bridge on time.\n")
        };
        let first = format!("{}{}", post(1), story(12));
        let later: String = (2..6).map(post).collect();
        let v = run(&format!("{first}{later}"));
        assert!(v.iter().all(|(_, x)| *x == Verdict::Keep), "{v:?}");
    }

    #[test]
    fn a_listing_of_teasers_is_the_page() {
        // Teaser items from top to bottom: the earlier items are no story above the last.
        let item = |n: usize| {
            format!("Harbour Town News Item Number {n}\nA converted cargo barge moored at the old fish quay now lends books to…\nMarch {n}, 2019\n")
        };
        let top: String = (1..10).map(item).collect();
        let bottom: String = (10..13).map(item).collect();
        let gap = "Photo one\nPhoto two\nPhoto three\nPhoto four\nPhoto five\nPhoto six\n";
        let v = run(&format!("{P}\n{top}{gap}{bottom}"));
        assert!(v.iter().all(|(_, x)| *x == Verdict::Keep), "{v:?}");
    }

    #[test]
    fn quoted_readers_without_dates_are_no_thread() {
        let quotes = "Makali wrote:\nWhenever somebody adds skins to a program, a kitten somewhere is sad about it.\nVarious people wrote:\nYou should not even bother compiling the graphical interface of the player.\nSomeone else wrote:\nHave you considered changing to another distribution of the system instead?\n";
        let text = format!("{}{quotes}", story(12));
        assert_eq!(kept(&run(&text)).len(), 18);
    }

    #[test]
    fn dates_times_and_ages() {
        assert!(shows_time("March 10, 2017 at 12:20 AM"));
        assert!(shows_time("at 9 pm"));
        assert!(!shows_time("EUR 9.72 delivery"));
        assert!(!shows_time("Version 10:300"));
        assert!(shows_age("2 years ago"));
        assert!(shows_age("vor 3 Tagen"));
        assert!(shows_age("il y a 5 heures"));
        assert!(shows_age("a day ago"));
        assert!(!shows_age("years ago we met"));
        assert!(shows_date("March 10, 2017"));
        assert!(comment_header(&Line::new("Anna schrieb:")) == Some(false));
        assert!(comment_header(&Line::new("10.03.2017 um 12:20")) == Some(true));
        assert!(is_cut_short(&Line::new(
            "Here is everything we covered this month, compiled for our subscribers"
        )));
        assert!(!is_cut_short(&Line::new(
            r#"repo_basedir="/usr" repo_name="portage" distdir="/usr/portage/distfiles" portdir="/usr/portage" x="1""#
        )));
        assert!(
            is_numbered("40. Load tester")
                && is_numbered("3) Mix")
                && !is_numbered("2019 in review")
        );
    }
}
