//! Template notices and post furniture, dropped after every other step: a consent dialog's
//! purposes ("Store and/or access information on a device"), a shop's text-message terms
//! ("Msg & data rates may apply"), a notice about the reader's browser ("You are using an
//! out of date browser"), a Q&A site's controls ("Sorted by:", "Hot Network Questions"), a
//! post's counters ("12 likes", "Posts: 1,234") and an author card's reputation badges.
//! Words in [`crate::rules::notices`].
//!
//! These run last (before precision mode's cut) because several read like a paragraph: as
//! the earlier steps see them, they are prose, and a page whose only prose above its content
//! is a consent notice keeps its content's head where it was.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::lines::Line;
use super::Verdict;
use crate::rules::notices::{
    BADGE_NAMES, CONTROL_LINES, COUNTS_KEPT, MAX_BADGE_LINE_BYTES, MAX_CONTROL_LINE_BYTES,
    MAX_NOTICE_LINE_BYTES, MAX_PANE_VALUE_WORDS, NOTICE_WORDINGS, PANE_LABELS, STAT_SEPARATORS,
};

/// Drops every line still kept that is a template notice or a post's furniture, and the
/// author pane's stats: a [`PANE_LABELS`] line ("Messages") with its value on the next
/// line ("11").
pub fn apply(lines: &[Line<'_>], verdicts: &mut [Verdict]) {
    let n = lines.len().min(verdicts.len());
    for i in 0..n {
        let line = &lines[i];
        if verdicts[i] != Verdict::Keep || line.is_blank() {
            continue;
        }
        if is_notice(line.text) {
            verdicts[i] = Verdict::Drop;
        } else if is_pane_label(line.text) {
            let Some(j) = (i + 1..n).find(|&j| !lines[j].is_blank()) else {
                continue;
            };
            if is_pane_value(&lines[j]) {
                verdicts[i] = Verdict::Drop;
                if verdicts[j] == Verdict::Keep {
                    verdicts[j] = Verdict::Drop;
                }
            }
        }
    }
}

/// Whether the whole line (in any ASCII case, without a trailing colon) is a
/// [`PANE_LABELS`] entry.
fn is_pane_label(line: &str) -> bool {
    line.len() <= MAX_CONTROL_LINE_BYTES && one_of(line, PANE_LABELS)
}

/// Whether a line is an author pane's value: short, with a digit (a count, a date).
fn is_pane_value(line: &Line<'_>) -> bool {
    line.words <= MAX_PANE_VALUE_WORDS && line.text.bytes().any(|b| b.is_ascii_digit())
}

/// Whether `line` (trimmed) is a template notice ([`NOTICE_WORDINGS`], [`CONTROL_LINES`])
/// or a post's furniture ([`is_post_furniture`]).
pub fn is_notice(line: &str) -> bool {
    if line.len() > MAX_NOTICE_LINE_BYTES {
        return false;
    }
    if line.len() <= MAX_CONTROL_LINE_BYTES && is_control_line(line) {
        return true;
    }
    is_post_furniture(line) || wordings().is_some_and(|ac| ac.is_match(line))
}

/// The [`NOTICE_WORDINGS`] automaton, ASCII case-insensitive; a DFA, as it reads every line
/// still kept. The table is static: building cannot fail short of a bug in it, which the
/// unit tests catch.
fn wordings() -> Option<&'static AhoCorasick> {
    static AC: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build(NOTICE_WORDINGS)
            .ok()
    })
    .as_ref()
}

/// Whether the whole line, lowercased and without trailing ":?.…", is a [`CONTROL_LINES`]
/// entry.
fn is_control_line(line: &str) -> bool {
    one_of(line, CONTROL_LINES)
}

/// Whether `line`, without trailing ":?.…", equals one of `entries` in ASCII case (the
/// entries are lowercase; no allocation, as this runs on every short line kept).
fn one_of(line: &str, entries: &[&str]) -> bool {
    let bare = line.trim_end_matches([':', '?', '.', '…', ' ']);
    entries
        .iter()
        .any(|e| e.len() == bare.len() && e.eq_ignore_ascii_case(bare))
}

/// Whether `line` is a post's furniture standing alone on a line: a counter ("12 likes",
/// "Posts: 1,234", "80 Reviews"; [`crate::counters::is_counter`]) other than a rating count
/// ([`COUNTS_KEPT`]), or an author card's reputation badges ("1,992 2 gold badges 14 silver
/// badges 18 bronze badges", [`BADGE_NAMES`]). Such a line counts something; it says
/// nothing.
fn is_post_furniture(line: &str) -> bool {
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    if crate::counters::is_counter(line) {
        let lower = line.to_lowercase();
        return !lower
            .split(|c: char| !c.is_alphabetic())
            .any(|w| COUNTS_KEPT.contains(&w));
    }
    is_badge_line(line) || is_stat_line(line)
}

/// Whether `line` is two or more author stats joined by [`STAT_SEPARATORS`], each a counter
/// or a pane label with its value ("1,234 posts · Joined 2015").
fn is_stat_line(line: &str) -> bool {
    if line.len() > MAX_BADGE_LINE_BYTES || !line.contains(STAT_SEPARATORS) {
        return false;
    }
    let mut parts = 0;
    for part in line.split(STAT_SEPARATORS).map(str::trim) {
        if part.is_empty() {
            continue;
        }
        let lower = part.to_lowercase();
        let labelled = PANE_LABELS.iter().any(|label| {
            lower.strip_prefix(label).is_some_and(|value| {
                value.starts_with([' ', ':'])
                    && value.bytes().any(|b| b.is_ascii_digit())
                    && value.split_whitespace().count() <= MAX_PANE_VALUE_WORDS
            })
        });
        if !labelled && !crate::counters::is_counter(part) {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

/// Whether `line` is made of [`BADGE_NAMES`] (one at least) and numbers only.
fn is_badge_line(line: &str) -> bool {
    if line.len() > MAX_BADGE_LINE_BYTES || !line.contains("adge") {
        return false;
    }
    let mut rest = line.to_lowercase();
    let before = rest.len();
    for name in BADGE_NAMES {
        rest = rest.replace(name, " ");
    }
    rest.len() != before
        && rest.chars().all(|c| {
            c.is_ascii_digit() || c.is_whitespace() || matches!(c, ',' | '.' | 'k' | 'm' | 's')
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::textmode::lines;

    #[test]
    fn wordings_are_lowercase_ascii() {
        for w in NOTICE_WORDINGS {
            assert!(w.is_ascii() && w.to_lowercase() == *w, "{w}");
        }
        for w in CONTROL_LINES {
            assert!(w.to_lowercase() == *w && w.trim() == *w, "{w}");
            assert!(w.len() <= MAX_CONTROL_LINE_BYTES, "{w}");
        }
        assert!(wordings().is_some());
    }

    #[test]
    fn notices_and_furniture() {
        for notice in [
            "You are using an out of date browser. It may not display this or other websites correctly.",
            "Your browser does not support the video tag.",
            "An official website of the United States government",
            "Please enter a valid email address.",
            "Store and/or access information on a device",
            "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
            "Sign up for SMS Text Messages By checking this box, you agree to receive recurring \
             automated marketing text messages at the phone number provided. Consent is not a \
             condition of purchase. Reply STOP to unsubscribe, HELP for help. Msg & data rates \
             may apply. View our Privacy Policy and Terms of Service for more details.",
            "Sign up or log in to customize your list.",
            "Sorted by:",
            "Hot Network Questions",
            "Why you\u{2019}re seeing this ad",
            "Unit price / per",
            "Open media 3 in modal",
            "Add to favorites. 0 people have favorited this",
            "Be the first to review this product",
            "In stock",
            "Senior Member",
            "1,234 posts · Joined 2015",
            "12 likes",
            "Posts: 1,234",
            "80 Reviews",
            "47.8k113113 gold badges470470 silver badges821821 bronze badges",
            "1,992 2 gold badges 14 silver badges 18 bronze badges",
            "19311 silver badge66 bronze badges",
        ] {
            assert!(is_notice(notice), "{notice}");
        }
    }

    #[test]
    fn a_story_s_lines_stay() {
        for story in [
            "Users of an out of date version of the browser were told to upgrade by Friday.",
            "The court found that consent is a condition of any lawful processing of data.",
            "Sorted by size, the results show the smallest towns gained the most residents.",
            "The team earned 12 points and two gold badges at the fair.",
            "Gold badges",
            "Badges 2024",
            "1,113 ratings",
            "Joined Oct 2018",
            "Fish · Chips",
            "He posted 12 likes and 3 replies before noon, the court heard.",
        ] {
            assert!(!is_notice(story), "{story}");
        }
        let notice = "Please enter a valid email address.";
        let text = format!(
            "{}\n{notice}\nThe council will meet again on Tuesday to vote.",
            "x ".repeat(3)
        );
        let lines = lines::split(&text);
        let mut verdicts = vec![Verdict::Keep, Verdict::Keep, Verdict::Meta];
        apply(&lines, &mut verdicts);
        assert_eq!(verdicts, [Verdict::Keep, Verdict::Drop, Verdict::Meta]);
    }

    #[test]
    fn an_author_pane_s_stats_go_with_their_values() {
        let text = "Jane\nJoined\nJun 29, 2016\nMessages\n11\nLocation\nOhio\n\
            Points\nThe points table is below, the league said on Monday night.";
        let lines = lines::split(text);
        let mut verdicts = vec![Verdict::Keep; lines.len()];
        apply(&lines, &mut verdicts);
        let kept: Vec<_> = lines
            .iter()
            .zip(&verdicts)
            .filter(|(_, v)| **v == Verdict::Keep)
            .map(|(l, _)| l.text)
            .collect();
        assert_eq!(
            kept,
            [
                "Jane",
                "Location",
                "Ohio",
                "Points",
                "The points table is below, the league said on Monday night."
            ]
        );
    }
}
