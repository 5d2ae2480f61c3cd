//! The story's span on a whole-page render: its first and last line.
//!
//! A page rendered to text holds the story among the site's chrome: menus, a tagline and a
//! cookie notice above it, teasers, footer menus and an "about us" blurb below. The span is
//! found in two steps. First the *core*: the densest stretch of prose, the contiguous run of
//! lines with the largest sum of line scores (prose counts its words, a short line or a
//! phrase-table line costs a little; one pass, Kadane's maximum-sum segment). Then the core
//! is widened line by line, up and down, until a *wall*: a run of lines without prose,
//! holding a phrase-table line ("Contact us", "Share"), with little prose beyond it — the
//! site's menu above the story, its footer below. A story's own tables, lists, captions and
//! subheadings hold no such phrase, and the prose between or after them keeps the span
//! going, so they stay inside.
//!
//! Only a page whose core holds most of its prose has a span: on a listing or a product page
//! the prose is spread over many cards and no stretch of it is "the story".
//!
//! Precision mode drops every line outside the span ([`drop_outside`]). Both modes drop a
//! menu still kept above the story's head ([`drop_menu_above_head`]): the wall's run of
//! lines without prose also holds the head (headline, byline, caption), so the head is read
//! up from the story to the first run of lines the earlier steps dropped, and only what lies
//! above both goes.

use super::lines::Line;
use super::Verdict;
use crate::rules::phrases::Kind;

/// What a short line (a menu entry, a button) costs the core: a few of them between two
/// paragraphs (a caption, a byline) do not split it; a menu of a dozen does, unless much
/// prose lies beyond it (the widening, not the core, reaches the lines past a menu).
const SHORT_LINE_COST: i64 = 3;
/// What a phrase-table line ("Share", "Contact us") costs the core: it is never the story's.
const PHRASE_LINE_COST: i64 = 8;
/// What a headline-sized line that is no prose costs the core (a subheading, a teaser title).
const HEADLINE_LINE_COST: i64 = 1;
/// A page has a span only when its core holds at least this many words of prose …
const MIN_CORE_WORDS: usize = 100;
/// … and at least this share of the page's prose (else it is a listing of many cards).
const MIN_CORE_SHARE: f64 = 0.5;
/// A wall is a run of at least this many lines without prose (blank lines aside) …
const MIN_WALL_LINES: usize = 6;
/// … holding at least this many phrase-table lines (a table of the story's own holds none) …
const MIN_WALL_PHRASES: usize = 1;
/// … with at most this much prose below it, per word of the core's prose (a footer: what
/// follows is the site's blurbs, not the rest of the story) …
const MAX_PROSE_BELOW_LOWER_WALL: f64 = 0.3;
/// … or above it, for the wall above the story (the site's menu: a tagline, a cookie notice).
const MAX_PROSE_ABOVE_UPPER_WALL: f64 = 0.2;
/// The story's head (headline, standfirst, byline, caption) ends, going up from the first
/// line kept in the span, at a run of this many lines the earlier steps dropped (a menu, a
/// share bar): one or two dropped lines are a byline's "Follow" or a comment counter.
const HEAD_WALL_DROPPED_LINES: usize = 3;
/// What is still kept above that wall goes only when it reads like a menu: at most this many
/// words a line on average (section names, "Sign in"; a teaser list's headlines run longer,
/// and a collection page's gold keeps them) …
const MAX_MENU_WORDS_PER_LINE: f64 = 4.5;
/// … and at most this many lines (a longer run above the story is the page's own listing).
const MAX_MENU_LINES_ABOVE: usize = 200;

/// The story's span: line indices, both inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// The first line that may be the story's (the line below the wall above it).
    pub first: usize,
    /// The last line that may be the story's (the line above the wall below it).
    pub last: usize,
    /// The first line of the core, the densest stretch of prose (a prose line).
    pub core_first: usize,
    /// The last line of the core (a prose line).
    pub core_last: usize,
}

/// The core's score of one line.
fn line_score(line: &Line<'_>) -> i64 {
    if line.is_prose() {
        i64::try_from(line.words).unwrap_or(i64::MAX / 4)
    } else if line.kind.is_some() {
        -PHRASE_LINE_COST
    } else if line.is_short() {
        -SHORT_LINE_COST
    } else if line.is_blank() {
        0
    } else {
        -HEADLINE_LINE_COST
    }
}

/// The densest stretch of prose: the contiguous lines with the largest score sum (first,
/// last, inclusive); `None` when no line scores above zero.
fn core(lines: &[Line<'_>]) -> Option<(usize, usize)> {
    let (mut best, mut best_at) = (0i64, None);
    let (mut sum, mut start) = (0i64, 0usize);
    for (i, line) in lines.iter().enumerate() {
        let score = line_score(line);
        if sum <= 0 {
            sum = score;
            start = i;
        } else {
            sum = sum.saturating_add(score);
        }
        if sum > best {
            best = sum;
            best_at = Some((start, i));
        }
    }
    best_at
}

fn prose_words(line: &Line<'_>) -> usize {
    if line.is_prose() {
        line.words
    } else {
        0
    }
}

/// Whether a line counts toward a wall's phrase lines: a button label ("Add to cart") sits
/// in a story's product box as often as in a menu.
fn is_wall_phrase(line: &Line<'_>) -> bool {
    line.kind.is_some_and(|k| k != Kind::Control)
}

/// Tracks a run of lines without prose while walking away from the core; tells where a
/// wall is complete.
#[derive(Default)]
struct WallRun {
    /// The run's line nearest the core.
    near: Option<usize>,
    lines: usize,
    phrases: usize,
}

impl WallRun {
    /// Takes line `i`; returns the run's line nearest the core when the run is a wall
    /// (enough lines and phrase lines) — the caller checks the prose beyond.
    fn step(&mut self, i: usize, line: &Line<'_>) -> Option<usize> {
        if line.is_blank() {
            return None;
        }
        if line.is_prose() {
            *self = WallRun::default();
            return None;
        }
        let near = *self.near.get_or_insert(i);
        self.lines += 1;
        self.phrases += usize::from(is_wall_phrase(line));
        (self.lines >= MIN_WALL_LINES && self.phrases >= MIN_WALL_PHRASES).then_some(near)
    }
}

/// Finds the story's span (see the module doc); `None` for a page without one (no prose,
/// or prose spread over many cards).
pub fn find(lines: &[Line<'_>]) -> Option<Span> {
    let (core_first, core_last) = core(lines)?;
    let total: usize = lines.iter().map(prose_words).sum();
    let core_words: usize = lines[core_first..=core_last].iter().map(prose_words).sum();
    if core_words < MIN_CORE_WORDS || (core_words as f64) < total as f64 * MIN_CORE_SHARE {
        return None;
    }
    let allowed = |share: f64| core_words as f64 * share;
    let mut span = Span {
        first: 0,
        last: lines.len().saturating_sub(1),
        core_first,
        core_last,
    };
    // Downward: the prose below line i is the total minus what lies up to it.
    let mut run = WallRun::default();
    let mut through = lines[..=core_last].iter().map(prose_words).sum::<usize>();
    for (i, line) in lines.iter().enumerate().skip(core_last + 1) {
        through += prose_words(line);
        if let Some(near) = run.step(i, line) {
            if ((total - through) as f64) <= allowed(MAX_PROSE_BELOW_LOWER_WALL) {
                span.last = near.saturating_sub(1);
                break;
            }
        }
    }
    // Upward: the prose above line i.
    let mut run = WallRun::default();
    let mut above: usize = lines[..core_first].iter().map(prose_words).sum();
    for i in (0..core_first).rev() {
        let line = &lines[i];
        above -= prose_words(line);
        if let Some(near) = run.step(i, line) {
            if (above as f64) <= allowed(MAX_PROSE_ABOVE_UPPER_WALL) {
                span.first = near + 1;
                break;
            }
        }
    }
    Some(span)
}

/// Drops what is still kept above the story's head: the lines above
/// `span.first` (beyond the wall of menu lines over the story) and above the wall that ends
/// the story's head, when they read like a menu (see [`MAX_MENU_WORDS_PER_LINE`]). The head
/// — headline, standfirst, byline and date, the lead image's caption — lies below that wall
/// and stays, as does everything when no such wall is found ("when unsure, keep").
pub fn drop_menu_above_head(lines: &[Line<'_>], span: Span, verdicts: &mut [Verdict]) {
    let end = span.first.min(lines.len()).min(verdicts.len());
    let Some(first_kept) = (span.first..lines.len().min(verdicts.len()))
        .find(|&i| verdicts[i] == Verdict::Keep && !lines[i].is_blank())
    else {
        return;
    };
    // Upward from the first kept line: metadata lines (the title, a date) neither make nor
    // break the wall; a kept line breaks it.
    let mut dropped_run = 0usize;
    let mut run_low = first_kept;
    let mut wall = None;
    for i in (0..first_kept).rev() {
        if lines[i].is_blank() {
            continue;
        }
        match verdicts[i] {
            Verdict::Drop => {
                if dropped_run == 0 {
                    run_low = i;
                }
                dropped_run += 1;
                if dropped_run >= HEAD_WALL_DROPPED_LINES {
                    wall = Some(run_low);
                    break;
                }
            }
            Verdict::Meta => {}
            Verdict::Keep | Verdict::Comment => dropped_run = 0,
        }
    }
    let Some(wall) = wall else {
        return;
    };
    let cut_end = wall.min(end);
    let menu: Vec<usize> = (0..cut_end)
        .filter(|&i| verdicts[i] == Verdict::Keep && !lines[i].is_blank())
        .collect();
    let words: usize = menu.iter().map(|&i| lines[i].words).sum();
    if menu.len() > MAX_MENU_LINES_ABOVE
        || words as f64 > MAX_MENU_WORDS_PER_LINE * menu.len() as f64
    {
        return;
    }
    for i in menu {
        verdicts[i] = Verdict::Drop;
    }
}

/// Drops every line still kept outside `span` (prose too: beyond a wall it is the site's).
pub fn drop_outside(span: Span, verdicts: &mut [Verdict]) {
    for (i, v) in verdicts.iter_mut().enumerate() {
        if (i < span.first || i > span.last) && *v == Verdict::Keep {
            *v = Verdict::Drop;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines::split;
    use super::*;

    const P: &str =
        "The council voted on Tuesday to rebuild the bridge that was closed after the flood.";
    const MENU: &str = "Home\nNews\nSport\nContact us\nCulture\nVideo\nWeather\n";
    const FOOTER: &str =
        "About us\nContact us\nCareers\nPrivacy Policy\nTerms of Use\nNewsletters\n";

    fn story(paragraphs: usize) -> String {
        format!("{P}\n").repeat(paragraphs)
    }

    #[test]
    fn the_span_runs_from_wall_to_wall() {
        let tagline =
            "The best local news since 1950, read by every household in the valley each week.";
        let blurb =
            "We are a small newsroom funded by our readers, and we thank every one of you for it.";
        let text = format!("{tagline}\n{MENU}{}{FOOTER}{blurb}\n", story(10));
        let lines = split(&text);
        let span = find(&lines).unwrap();
        assert_eq!((span.first, span.last), (8, 17));
        assert_eq!((span.core_first, span.core_last), (8, 17));
        let mut v = vec![Verdict::Keep; lines.len()];
        drop_outside(span, &mut v);
        assert_eq!(v[0], Verdict::Drop, "the tagline above the menu goes");
        assert_eq!(
            v[v.len() - 2],
            Verdict::Drop,
            "the blurb below the footer goes"
        );
        assert!(v[8..=17].iter().all(|&x| x == Verdict::Keep));
    }

    #[test]
    fn the_story_s_own_tables_and_headings_stay_inside() {
        // A table between paragraphs holds no phrase line: no wall.
        let table = "Team\nPoints\nReds\n12\nBlues\n9\nGreens\n4\n";
        let text = format!(
            "{MENU}Bridge Vote Passes\n{}{table}{}{FOOTER}",
            story(5),
            story(5)
        );
        let lines = split(&text);
        let span = find(&lines).unwrap();
        assert_eq!(span.first, 8);
        assert_eq!(
            span.last,
            8 + 5 + 8 + 5 - 1,
            "the table and the prose below it are inside"
        );
    }

    #[test]
    fn a_wall_with_much_prose_beyond_it_is_no_wall() {
        // A share bar in the middle of the story: the rest of the story lies below it.
        let share = "Share\nTweet\nEmail\nPrint\nSave\nComment\n";
        let text = format!("{}{share}{}", story(5), story(5));
        let lines = split(&text);
        let span = find(&lines).unwrap();
        assert_eq!((span.first, span.last), (0, lines.len() - 1));
    }

    /// The verdicts of the earlier steps: every line kept but those of `dropped` (ranges).
    fn kept_but(n: usize, dropped: std::ops::Range<usize>) -> Vec<Verdict> {
        (0..n)
            .map(|i| {
                if dropped.contains(&i) {
                    Verdict::Drop
                } else {
                    Verdict::Keep
                }
            })
            .collect()
    }

    #[test]
    fn a_menu_above_the_wall_over_the_story_s_head_goes() {
        let above = "Home\nWorld\nSign in\nLocal news\n";
        let head = "Bridge Vote Passes After Long Debate\nBy Jane Doe\n";
        let text = format!("{above}{MENU}{head}{}", story(10));
        let lines = split(&text);
        let span = find(&lines).unwrap();
        assert_eq!(
            span.first, 13,
            "the head is part of the wall run: the span starts below"
        );
        // The earlier steps dropped the menu (lines 4..11) and kept the rest.
        let mut v = kept_but(lines.len(), 4..11);
        drop_menu_above_head(&lines, span, &mut v);
        assert!(v[..4].iter().all(|&x| x == Verdict::Drop), "{v:?}");
        assert_eq!(v[11], Verdict::Keep, "the headline stays");
        assert_eq!(v[12], Verdict::Keep, "the byline stays");
        assert!(v[13..].iter().all(|&x| x == Verdict::Keep));
    }

    #[test]
    fn teasers_or_a_thin_wall_above_the_head_stay() {
        let teasers = "Council Approves the New Budget for the Harbour District\n\
                       Schools Reopen After the Long Summer Break in the Valley\n\
                       Local Team Wins the Regional Cup for the Third Time Running\n";
        let head = "Bridge Vote Passes After Long Debate\nBy Jane Doe\n";
        let text = format!("{teasers}{MENU}{head}{}", story(10));
        let lines = split(&text);
        let span = find(&lines).unwrap();
        let mut v = kept_but(lines.len(), 3..10);
        drop_menu_above_head(&lines, span, &mut v);
        assert!(
            v[..3].iter().all(|&x| x == Verdict::Keep),
            "headlines are no menu: {v:?}"
        );
        // Only two dropped lines between the menu and the head: no wall, all stays.
        let text = format!("Home\nWorld\nLocal news\n{MENU}{head}{}", story(10));
        let lines = split(&text);
        let span = find(&lines).unwrap();
        let mut v = kept_but(lines.len(), 8..10);
        drop_menu_above_head(&lines, span, &mut v);
        assert!(v[..8].iter().all(|&x| x == Verdict::Keep), "{v:?}");
    }

    #[test]
    fn prose_spread_over_cards_has_no_span() {
        let card = format!("Bridge Vote Passes\n{P}\nRead more\nJune 3\n{MENU}");
        let cards = card.repeat(6);
        let lines = split(&cards);
        assert_eq!(find(&lines), None);
        assert_eq!(find(&split("Home\nNews\n")), None);
        assert_eq!(find(&[]), None);
    }
}
