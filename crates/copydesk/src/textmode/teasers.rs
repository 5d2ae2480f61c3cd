//! Below the story: a run of time-stamped teaser lines — a news site's live ticker
//! ("14:44 Accusations de viols : 14 militaires mis en cause") or its "latest news" and
//! "most read" boxes ("Nikkei rebounds for the first time in five days Reuters 3/9(Thu)
//! 15:47"), or an archive's "latest posts" listed with their dates ("A guide to Armenian
//! wines 9 February 2026") — that the other tail rules keep: each line is a headline long
//! enough to read as prose, and the box has no heading the phrase tables know.
//!
//! A page author recognises the shape: a clock time ("14:44", "6:05 pm") as the first word
//! of a headline, or as the last word of a headline that ends in its source and date — one
//! line an item, three or more items a few lines apart; or a headline of five words or more
//! followed by its date with the year, as the line's last words. A story's own text seldom does
//! that: a time in running prose stands inside a sentence, a comment header ("Jane Doe on
//! 16/08/2020 at 12:57") carries a name, not a headline, and a story's timeline
//! ("09:00 The council opens the session …") runs on in paragraphs below it.
//!
//! The run ends the story when the story above it holds most of the page's running prose
//! (paragraphs in a row, the stamped lines left out: on a live blog or a news listing the
//! stamped items are the page, with no story above them) and nothing still kept below its
//! first line reads as running text. Then every line still kept from that line on goes,
//! short lines too (the site's next box headings, a comment notice), as under a story-end
//! marker ([`super::tail::drop_kept_from`]): the page's item lists and short lines repeating
//! one kept above stay.

use super::lines::{paragraphs_in_a_row, Line};
use super::{is_story_paragraph, Verdict};
use crate::rules::repeats::TIME_OF_DAY_WORDS;

/// A line led by a clock time is a ticker entry from this many words on (the time counts
/// two): the time and a headline of five words or more, not a bare time over an entry.
const MIN_WORDS_WITH_LEADING_CLOCK: usize = 7;
/// A line ending in a clock time is a teaser from this many words on: a headline, its
/// source and date before the time — a comment header ("Jane Doe · March 10, 2017 at
/// 12:20 AM") is shorter.
const MIN_WORDS_WITH_TRAILING_CLOCK: usize = 12;
/// A line ending in a date is a teaser from this many words of headline before the date
/// (and its separator): "A guide to Armenian wines 9 February 2026" — a byline with its date
/// ("By Jane Doe · March 10, 2017"), a "Posted March 10, 2017" or a "Release date: …" is
/// shorter.
const MIN_HEADLINE_WORDS_BEFORE_DATE: usize = 5;
/// A written date spans at most this many words ("15 de julio de 2016": five).
const MAX_DATE_WORDS: usize = 5;
/// A stamped teaser line is a headline, not a paragraph: at most this many words.
const MAX_STAMPED_LINE_WORDS: usize = 30;
/// A run holds at least this many stamped lines …
const MIN_STAMPED_LINES: usize = 3;
/// … each within this many lines (blank lines aside) of the previous one: a ticker entry
/// may carry a short text, a quoted post or a photo credit under its headline.
const MAX_LINES_BETWEEN_STAMPS: usize = 8;
/// The run ends the story only below at least this share of the page's running prose
/// (paragraphs in a row, stamped lines left out) …
const MIN_RUNNING_PROSE_SHARE_ABOVE: f64 = 0.5;
/// … and at least this many words of prose (a note of a few lines is no story to end) …
const MIN_STORY_WORDS_ABOVE: usize = 100;
/// … with at most this many words of running prose still kept below its first line per
/// word of prose above it (a story's next section holds paragraphs in a row).
const MAX_KEPT_RUNNING_PROSE_BELOW: f64 = 0.1;

/// Whether `token` is a clock time: "14:44", "6:05pm", "(18:01)", "9:30," — hours 0–23,
/// two-digit minutes.
fn is_clock(token: &str) -> bool {
    let t = token
        .trim_start_matches(['(', '['])
        .trim_end_matches([',', '.', ';', ')', ']']);
    let b = t.as_bytes();
    // Most words are read no further: a clock starts with a digit and holds a colon.
    if !b.first().is_some_and(u8::is_ascii_digit) || !b.contains(&b':') {
        return false;
    }
    let t = match b.len().checked_sub(2).and_then(|k| t.get(k..)) {
        Some(s) if s.eq_ignore_ascii_case("am") || s.eq_ignore_ascii_case("pm") => {
            &t[..t.len() - 2]
        }
        _ => t,
    };
    let Some((h, m)) = t.split_once(':') else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(h) && digits(m) && h.len() <= 2 && m.len() == 2) {
        return false;
    }
    h.parse::<u8>().is_ok_and(|h| h <= 23) && m.parse::<u8>().is_ok_and(|m| m <= 59)
}

/// Whether `line` is a stamped teaser line (see the module doc): a headline led by a clock
/// time, or one ending in a clock time (a time-of-day word after it allowed: "6:05 pm").
fn is_stamped_teaser(line: &Line<'_>) -> bool {
    if line.kind.is_some() || line.words > MAX_STAMPED_LINE_WORDS {
        return false;
    }
    let mut tokens = line.text.split_whitespace();
    let Some(first) = tokens.next() else {
        return false;
    };
    if line.words >= MIN_WORDS_WITH_LEADING_CLOCK && is_clock(first) {
        return true;
    }
    if ends_in_its_date(line.text) {
        return true;
    }
    if line.words < MIN_WORDS_WITH_TRAILING_CLOCK {
        return false;
    }
    let mut from_end = line.text.split_whitespace().rev();
    let last = from_end.next().unwrap_or(first);
    let time_word = TIME_OF_DAY_WORDS
        .iter()
        .any(|w| last.eq_ignore_ascii_case(w));
    if time_word {
        from_end.next().is_some_and(is_clock)
    } else {
        is_clock(last)
    }
}

/// Whether `text` is a headline followed by its date, as an archive or a "latest posts" box
/// lists them: "Brett in beer and wine: Is the farmyard funk desirable or not? 26 January
/// 2026", "Five things you don't know about Cava - 9 July 2024" — a date with its year as the
/// line's last words (no full stop after it: "Retrieved 12 July 2018." closes a reference), a
/// separator before it allowed, and at least [`MIN_HEADLINE_WORDS_BEFORE_DATE`] words before.
fn ends_in_its_date(text: &str) -> bool {
    // Most lines are read no further: a date with its year ends in a digit ("2026", "2026年
    // 1月9日" aside, which the clock-led and clock-ended forms do not reach either).
    if !text
        .trim_end()
        .ends_with(|c: char| c.is_ascii_digit() || c == '日')
    {
        return false;
    }
    let tokens: Vec<&str> = text.split_whitespace().collect();
    if tokens.len() <= MIN_HEADLINE_WORDS_BEFORE_DATE {
        return false;
    }
    for date_words in 1..=MAX_DATE_WORDS.min(tokens.len()) {
        let Some(split) = tokens.len().checked_sub(date_words) else {
            break;
        };
        let phrase = tokens[split..].join(" ");
        if super::dates::parse_date(&phrase).is_none_or(|d| d.year.is_none()) {
            continue;
        }
        let mut headline = &tokens[..split];
        if let Some((last, rest)) = headline.split_last() {
            if last
                .chars()
                .all(|c| matches!(c, '-' | '–' | '—' | '|' | '·' | '•' | '/'))
            {
                headline = rest;
            }
        }
        // A byline before the date is a post's or a review's header ("Written by Jane Doe
        // on Jul 5th 2022"), not a headline.
        return headline.len() >= MIN_HEADLINE_WORDS_BEFORE_DATE
            && super::head::byline(&headline.join(" ")).is_none();
    }
    false
}

/// Ends the story at a run of stamped teaser lines below it (see the module doc): every
/// line still kept from the run's first line on goes, sparing the page's item lists
/// (`items`) and short lines repeating one kept above. The first run that qualifies is
/// taken. Returns its first line.
pub fn cut_at_stamped_teasers(
    lines: &[Line<'_>],
    items: &[bool],
    verdicts: &mut [Verdict],
) -> Option<usize> {
    let kept = |k: usize| verdicts.get(k) == Some(&Verdict::Keep);
    let stamped: Vec<bool> = lines
        .iter()
        .enumerate()
        .map(|(k, l)| kept(k) && is_stamped_teaser(l))
        .collect();
    if stamped.iter().filter(|&&s| s).count() < MIN_STAMPED_LINES {
        return None;
    }
    // The comment section's prose is the readers', not the story's ([`is_story_paragraph`]).
    let comment = |k: usize| verdicts.get(k) == Some(&Verdict::Comment);
    let in_a_row = paragraphs_in_a_row(lines, |k| !stamped[k] && !comment(k));
    let total_running: usize = lines
        .iter()
        .zip(&in_a_row)
        .filter(|(_, &r)| r)
        .map(|(l, _)| l.words)
        .sum();
    let kept_in_a_row = paragraphs_in_a_row(lines, |k| !stamped[k] && kept(k));
    let mut running_below = vec![0usize; lines.len() + 1];
    for k in (0..lines.len()).rev() {
        let words = if kept_in_a_row[k] { lines[k].words } else { 0 };
        running_below[k] = running_below[k + 1] + words;
    }
    let (mut above, mut above_running) = (0usize, 0usize);
    let count_above = |k: usize, above: &mut usize, above_running: &mut usize| {
        if is_story_paragraph(&lines[k], verdicts.get(k)) {
            *above += lines[k].words;
        }
        if in_a_row[k] {
            *above_running += lines[k].words;
        }
    };
    let mut cut = None;
    let mut i = 0;
    while i < lines.len() {
        if !stamped[i] {
            count_above(i, &mut above, &mut above_running);
            i += 1;
            continue;
        }
        // The run: stamped lines each within the allowed distance of the previous one.
        let (mut last, mut count, mut gap) = (i, 1usize, 0usize);
        for (k, line) in lines.iter().enumerate().skip(i + 1) {
            if stamped[k] {
                (last, count, gap) = (k, count + 1, 0);
            } else if !line.is_blank() {
                gap += 1;
                if gap > MAX_LINES_BETWEEN_STAMPS {
                    break;
                }
            }
        }
        let ends_story = count >= MIN_STAMPED_LINES
            && above_running as f64 >= total_running as f64 * MIN_RUNNING_PROSE_SHARE_ABOVE
            && above >= MIN_STORY_WORDS_ABOVE
            && running_below[i] as f64 <= above as f64 * MAX_KEPT_RUNNING_PROSE_BELOW;
        if ends_story {
            cut = Some(i);
            break;
        }
        for k in i..=last {
            count_above(k, &mut above, &mut above_running);
        }
        i = last + 1;
    }
    let cut = cut?;
    super::tail::drop_kept_from(lines, items, verdicts, cut);
    Some(cut)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::textmode::lines::split;

    const PARAGRAPH: &str =
        "The council voted on Tuesday to rebuild the bridge that was closed after the flood.";

    fn story(paragraphs: usize) -> String {
        format!("{PARAGRAPH}\n").repeat(paragraphs)
    }

    fn cut(text: &str) -> (Vec<Verdict>, Option<usize>) {
        let lines = split(text);
        let mut verdicts = vec![Verdict::Keep; lines.len()];
        let items = vec![false; lines.len()];
        let at = cut_at_stamped_teasers(&lines, &items, &mut verdicts);
        (verdicts, at)
    }

    /// A live ticker: time-led headlines, one with a short text and a bare time over it.
    const TICKER: &str = "Live\n\
        14:44 Soldiers accused in the capital, some of them identified\n\
        14:32 An artist arrested for colouring a geyser pink\n\
        14:10\n\
        Earthquake.\n\
        A magnitude 6.8 earthquake struck the coast on Thursday, the geological survey said, with no damage reported.\n\
        13:54 In Iceland, an old law on whaling is finally repealed\n\
        13:43 The minister promises sanctions if the facts are proven\n";

    #[test]
    fn a_live_ticker_below_the_story_goes() {
        let text = format!("{}{TICKER}", story(8));
        let (verdicts, at) = cut(&text);
        assert_eq!(at, Some(9), "{verdicts:?}");
        assert!(verdicts[..9].iter().all(|v| *v == Verdict::Keep));
        // Every line from the run on goes, the bare time and "Earthquake." too.
        let lines = split(&text);
        for (line, v) in lines.iter().zip(&verdicts).skip(9) {
            if !line.is_blank() {
                assert_eq!(*v, Verdict::Drop, "{}", line.text);
            }
        }
    }

    #[test]
    fn item_lists_and_short_repeats_below_a_run_stay() {
        let text = format!(
            "Bridge Reopens\n{}{TICKER}Bridge Reopens\nMost read\n",
            story(8)
        );
        let lines = split(&text);
        let mut verdicts = vec![Verdict::Keep; lines.len()];
        let mut items = vec![false; lines.len()];
        // The box's heading "Most read", taken for one of the page's item lists.
        let last = lines.len() - 1;
        let most_read = (0..=last).rfind(|&k| !lines[k].is_blank()).unwrap();
        items[most_read] = true;
        assert_eq!(
            cut_at_stamped_teasers(&lines, &items, &mut verdicts),
            Some(10)
        );
        assert_eq!(verdicts[most_read], Verdict::Keep, "an item list stays");
        assert_eq!(
            verdicts[most_read - 1],
            Verdict::Keep,
            "the headline listed again stays"
        );
        assert_eq!(verdicts[11], Verdict::Drop);
    }

    #[test]
    fn teasers_ending_in_their_source_and_time_go() {
        let boxed = "Business news\n\
            Should you buy the bank's bonds for retail investors, or stay away from them? Weekly Business 3/9(Thu) 18:01\n\
            The stock index rebounds for the first time in five days as exporters recover Reuters 3/9(Thu) 15:47\n\
            What the price of bean sprouts tells us about the state of the economy The Page 3/9(Thu) 17:20\n";
        let text = format!("{}{boxed}", story(8));
        let (verdicts, at) = cut(&text);
        assert_eq!(at, Some(9), "{verdicts:?}");
        assert_eq!(verdicts[8], Verdict::Keep, "the box's heading is short");
    }

    #[test]
    fn headlines_ending_in_their_dates_go() {
        let archive = "Latest posts\n\
            Why should I take the wine course this spring? 16 February 2026\n\
            Reimagining wine by the glass for a new generation - 10 February 2026\n\
            A guide to the wines of the valley 9 February 2026\n\
            Five things you don't know about the old vineyards | January 22, 2026\n";
        let text = format!("{}{archive}", story(8));
        let (verdicts, at) = cut(&text);
        assert_eq!(at, Some(9), "{verdicts:?}");
        assert_eq!(verdicts[8], Verdict::Keep, "the box's heading is short");
    }

    #[test]
    fn bylines_references_and_short_dated_lines_are_no_headlines() {
        for no in [
            // A review's or a post's header.
            "Written by Jane Doe on Jul 5th 2022",
            "By Jane Doe · March 10, 2017",
            "Posted on April 29, 2022",
            // A reference closes with a full stop.
            "Smith, J. \"The bridges of the valley\". The Gazette. Retrieved 12 July 2018.",
            // A date inside a sentence, a year alone.
            "The council met on 3 May 2019 and voted for the bridge in 2019",
        ] {
            assert!(!ends_in_its_date(no), "{no}");
        }
        assert!(ends_in_its_date(
            "Brett in beer and wine: Is the farmyard funk desirable or not? 26 January 2026"
        ));
        assert!(ends_in_its_date(
            "Five things you don't know about Cava - 9 July 2024"
        ));
    }

    #[test]
    fn a_live_blog_whose_entries_are_the_page_stays() {
        // Stamped entries from the top, each with its paragraph: no story above them.
        let entry =
            format!("14:44 The council opens the session on the new bridge plan\n{PARAGRAPH}\n");
        let text = format!("{}{}", entry.repeat(6), story(1));
        assert_eq!(cut(&text).1, None);
    }

    #[test]
    fn comment_headers_and_a_story_s_timeline_stay() {
        // Comment headers carry a name, not a headline.
        let comment = "Jane Doe on 16/08/2020 at 12:57\nWhat a lovely story, thank you for telling it so well.\n";
        let text = format!("{}{}", story(8), comment.repeat(4));
        let (verdicts, at) = cut(&text);
        assert_eq!(at, None);
        assert!(verdicts.iter().all(|v| *v == Verdict::Keep));
        // A timeline in the story, which runs on in paragraphs below it.
        let timeline = "09:00 The council opens the session with a vote on the budget\n\
            10:30 The mayor presents the plan for the new bridge to the council\n\
            12:15 The vote passes with a large majority after a short debate\n";
        let text = format!("{}{timeline}{}", story(6), story(4));
        assert_eq!(cut(&text).1, None);
    }

    #[test]
    fn times_inside_sentences_and_two_stamps_are_no_run() {
        let text = format!(
            "{}At 14:44 the mayor left the hall, and at 15:10 the council voted on the plan.\n\
            14:44 Soldiers accused in the capital, some of them identified\n\
            14:32 An artist arrested for colouring a geyser pink\n",
            story(8)
        );
        assert_eq!(cut(&text).1, None);
    }

    #[test]
    fn clock_times() {
        for yes in ["14:44", "6:05pm", "(18:01)", "9:30,", "0:00", "23:59"] {
            assert!(is_clock(yes), "{yes}");
        }
        for no in [
            "24:00", "12:60", "1:2", "123:45", "14:44:10", "3/9", "Note:", ":30", "2:",
        ] {
            assert!(!is_clock(no), "{no}");
        }
        let line = Line::new(
            "A new bridge opens in the valley after years of planning, says the mayor 6:05 pm",
        );
        assert!(is_stamped_teaser(&line));
        assert!(!is_stamped_teaser(&Line::new("14:10")));
        assert!(!is_stamped_teaser(&Line::new(
            "Jane Doe · March 10, 2017 at 12:20 AM"
        )));
    }
}
