//! A forum thread's post furniture: what a forum prints around each post that is not the
//! post.
//!
//! A page is a thread when it shows three or more post markers: a post number beside or
//! right under the post's date ("Cheatah | Feb 24, 2006 | #5", "Nov 1, 2024" / "#3"), a
//! quote's attribution ("Jane wrote:", "MCH170 said:"), a reply's subject line ("Re:
//! Turning off all LED of RPi 5") or an author pane's post count ("Posts: 1,077"). On a
//! thread, a line that is only a number ("275", "65,797", "10.2k": the author pane's likes,
//! messages and reputation, their labels lost with the icons that showed them), only a post
//! number ("#5") or only a letter (the initial a forum draws when the author has no
//! picture) goes, and so do the author pane's rank ("Members", "Discussion starter") and its
//! fields with their value on the line ("Registered: 2024-01-27", "Location: SIN"), and each
//! reply's subject line (the thread's title again).
//!
//! On any page, a post's notes go — who reacted to it ("Reactions: Bibi Blocksberg and Herr
//! Blocksberg"), when it was last edited ("Last edited by a moderator Oct 6, 2020") — and so
//! do a comment's machine time stamp left as text ("2018-05-21 20:37:55 +00:00") and a Q&A
//! page's stats under the question ("Asked 12 years, 1 month ago", "Viewed 376k times").
//!
//! Words in [`crate::rules::forum`]. The posts, their authors' names, their dates and the
//! quotes they open with stay.

use super::lines::Line;
use super::repeats::{shows_age, shows_date, shows_date_or_time};
use super::Verdict;
use crate::rules::forum::{
    AUTHOR_COUNT_WORDS, MAX_BARE_COUNT_BYTES, MAX_LINES_DATE_TO_NUMBER, MAX_MARKER_WORDS,
    MAX_PANE_FIELD_VALUE_WORDS, MAX_PANE_LINE_BYTES, MAX_POST_NOTE_WORDS, MAX_POST_NUMBER_DIGITS,
    MAX_QA_STATS_WORDS, MAX_REPLY_SUBJECT_WORDS, MIN_POST_MARKERS, PANE_FIELD_LABELS, PANE_RANKS,
    POST_NOTE_OPENINGS, QA_STATS_OPENINGS, QA_VIEWS_ENDING, QA_VIEWS_OPENING, QUOTE_ATTRIBUTIONS,
    REPLY_SUBJECT_OPENING,
};
use crate::rules::notices::PANE_LABELS;

/// Drops a thread's post furniture and any page's post notes still kept (see the module
/// doc).
pub fn apply(lines: &[Line<'_>], verdicts: &mut [Verdict]) {
    let n = lines.len().min(verdicts.len());
    let lines = &lines[..n];
    let markers = (0..n).filter(|&i| is_post_marker(lines, i)).count();
    let thread = markers >= MIN_POST_MARKERS;
    for (line, v) in lines.iter().zip(verdicts.iter_mut()) {
        if *v != Verdict::Keep || line.is_blank() {
            continue;
        }
        let furniture = thread
            && (is_bare_count(line.text)
                || post_number(line.text) == Some(line.text)
                || is_initial(line.text)
                || is_reply_subject(line)
                || is_pane_rank_or_field(line.text));
        if furniture || is_post_note(line) || is_machine_time_stamp(line.text) || is_qa_stats(line)
        {
            *v = Verdict::Drop;
        }
    }
}

/// Whether line `i` marks a post of a thread: a quote's attribution
/// ([`QUOTE_ATTRIBUTIONS`]), or a post number ending a post's header that shows the post's
/// date or age ("jec | Feb 24, 2006 04:14pm | #6", "Need2KnowLion 2 years ago#1") or
/// standing under it within [`MAX_LINES_DATE_TO_NUMBER`] lines ("Nov 1, 2024" / "#2"). A
/// ranked list's "#1" heads an item's title, with no date above it.
fn is_post_marker(lines: &[Line<'_>], i: usize) -> bool {
    let line = &lines[i];
    if line.is_blank() || line.words > MAX_MARKER_WORDS {
        return false;
    }
    let t = line.text;
    if is_reply_subject(line) || is_author_post_count(t) {
        return true;
    }
    if QUOTE_ATTRIBUTIONS.iter().any(|a| {
        t.len() > a.len()
            && t.is_char_boundary(t.len() - a.len())
            && t[t.len() - a.len()..].eq_ignore_ascii_case(a)
    }) {
        return true;
    }
    let Some(number) = post_number(t) else {
        return false;
    };
    let header = t[..t.len() - number.len()].trim_end_matches([' ', '|', '·', '•']);
    (!header.is_empty() && shows_date_or_time(header))
        || lines[..i]
            .iter()
            .rev()
            .filter(|l| !l.is_blank())
            .take(MAX_LINES_DATE_TO_NUMBER)
            .any(|l| l.words <= MAX_MARKER_WORDS && shows_date_or_time(l.text))
}

/// The post number ending `text` ("#12" of "jec | Feb 24, 2006 04:14pm | #12"): a "#" and
/// one to [`MAX_POST_NUMBER_DIGITS`] digits, not glued to a digit or to a "#" before it.
fn post_number(text: &str) -> Option<&str> {
    let digits = text.len() - text.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > MAX_POST_NUMBER_DIGITS {
        return None;
    }
    // A line of digits alone ("275") has no room for the "#".
    let hash = text.len().checked_sub(digits + 1)?;
    if !text.is_char_boundary(hash) || text.as_bytes()[hash] != b'#' {
        return None;
    }
    match text[..hash].chars().next_back() {
        Some(c) if c.is_ascii_digit() || c == '#' || c == '&' => None,
        _ => Some(&text[hash..]),
    }
}

/// Whether the line is a number and nothing else ("275", "65,797", "10.2k").
fn is_bare_count(text: &str) -> bool {
    if text.len() > MAX_BARE_COUNT_BYTES {
        return false;
    }
    let number = text
        .strip_suffix(['k', 'K', 'M'])
        .unwrap_or(text)
        .trim_end();
    number.starts_with(|c: char| c.is_ascii_digit())
        && number
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
}

/// Whether the line is a Q&A page's stats under the question's title: its age ("Asked 12
/// years, 1 month ago", "Modified 1 year, 9 months ago"; [`QA_STATS_OPENINGS`] with an
/// age) or its views ("Viewed 376k times"; [`QA_VIEWS_OPENING`], a number,
/// [`QA_VIEWS_ENDING`]).
fn is_qa_stats(line: &Line<'_>) -> bool {
    if line.words > MAX_QA_STATS_WORDS {
        return false;
    }
    let t = line.text;
    if let Some(count) = strip_prefix_ignore_case(t, QA_VIEWS_OPENING)
        .and_then(|rest| strip_suffix_ignore_case(rest, QA_VIEWS_ENDING))
    {
        return is_bare_count(count.trim());
    }
    QA_STATS_OPENINGS.iter().any(|o| {
        strip_prefix_ignore_case(t, o).is_some_and(|rest| shows_age(rest) && !shows_date(rest))
    })
}

/// `text` without `prefix` (ASCII case ignored).
fn strip_prefix_ignore_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    (text.len() >= prefix.len()
        && text.is_char_boundary(prefix.len())
        && text[..prefix.len()].eq_ignore_ascii_case(prefix))
    .then(|| &text[prefix.len()..])
}

/// `text` without `suffix` (ASCII case ignored).
fn strip_suffix_ignore_case<'t>(text: &'t str, suffix: &str) -> Option<&'t str> {
    let at = text.len().checked_sub(suffix.len())?;
    (text.is_char_boundary(at) && text[at..].eq_ignore_ascii_case(suffix)).then(|| &text[..at])
}

/// Whether the line counts an author's posts, as each post's author pane does ("Posts:
/// 1,077", "2.8k posts", "Messages: 11"; [`AUTHOR_COUNT_WORDS`]).
fn is_author_post_count(text: &str) -> bool {
    crate::counters::is_counter(text)
        && text
            .split(|c: char| !c.is_alphabetic())
            .any(|w| AUTHOR_COUNT_WORDS.iter().any(|a| a.eq_ignore_ascii_case(w)))
}

/// Whether the line is a reply's subject line ("Re: Turning off all LED of RPi 5").
fn is_reply_subject(line: &Line<'_>) -> bool {
    line.words <= MAX_REPLY_SUBJECT_WORDS
        && strip_prefix_ignore_case(line.text, REPLY_SUBJECT_OPENING).is_some_and(|s| !s.is_empty())
}

/// Whether the line is an author pane's rank ([`PANE_RANKS`]: "Members", "Discussion
/// starter") or one of its fields with the value on the same line ("Registered:
/// 2024-01-27", "Location: SIN"; [`PANE_LABELS`], [`PANE_FIELD_LABELS`]).
fn is_pane_rank_or_field(text: &str) -> bool {
    if text.len() > MAX_PANE_LINE_BYTES {
        return false;
    }
    let bare = text.trim_end_matches(':');
    if PANE_RANKS.iter().any(|r| r.eq_ignore_ascii_case(bare)) {
        return true;
    }
    let Some((label, value)) = text.split_once(':') else {
        return false;
    };
    let label = label.trim();
    let words = value.split_whitespace().count();
    (1..=MAX_PANE_FIELD_VALUE_WORDS).contains(&words)
        && PANE_LABELS
            .iter()
            .chain(PANE_FIELD_LABELS)
            .any(|l| l.eq_ignore_ascii_case(label))
}

/// Whether the line is a machine time stamp with its zone and nothing else ("2018-05-21
/// 20:37:55 +00:00", "2019-01-21T21:40:59.62Z+00:00"): the value a page's script formats
/// into a comment's date, left as text.
fn is_machine_time_stamp(text: &str) -> bool {
    let b = text.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|k| b.get(k).is_some_and(u8::is_ascii_digit));
    if b.len() < 16 || b.len() > 40 || !digits(0..4) || b[4] != b'-' || !digits(5..7) {
        return false;
    }
    if b[7] != b'-' || !digits(8..10) || !matches!(b[10], b' ' | b'T') || !digits(11..13) {
        return false;
    }
    if b[13] != b':' {
        return false;
    }
    // The rest: minutes, seconds and fractions, then "Z", a space and the zone's offset.
    let rest = &text[14..];
    let Some(zone_at) = rest.rfind(['+', '-']) else {
        return false;
    };
    let (time, zone) = rest.split_at(zone_at);
    let time = time.trim_end().trim_end_matches('Z');
    let zone = &zone[1..];
    time.len() >= 2
        && time
            .bytes()
            .all(|c| c.is_ascii_digit() || c == b':' || c == b'.')
        && (zone.len() == 4 || zone.len() == 5)
        && zone.bytes().all(|c| c.is_ascii_digit() || c == b':')
}

/// Whether the line is a single letter (an avatar's initial).
fn is_initial(text: &str) -> bool {
    let mut chars = text.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
}

/// Whether the line is a post's note ([`POST_NOTE_OPENINGS`]).
fn is_post_note(line: &Line<'_>) -> bool {
    line.words <= MAX_POST_NOTE_WORDS
        && POST_NOTE_OPENINGS
            .iter()
            .any(|o| strip_prefix_ignore_case(line.text, o).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::textmode::lines;

    fn run(text: &str) -> Vec<(Verdict, String)> {
        let lines = lines::split(text);
        let mut verdicts = vec![Verdict::Keep; lines.len()];
        apply(&lines, &mut verdicts);
        lines
            .iter()
            .zip(verdicts)
            .map(|(l, v)| (v, l.text.to_owned()))
            .collect()
    }

    fn dropped(text: &str) -> Vec<String> {
        run(text)
            .into_iter()
            .filter(|(v, _)| *v == Verdict::Drop)
            .map(|(_, t)| t)
            .collect()
    }

    #[test]
    fn a_thread_s_author_panes_lose_their_numbers_and_initials() {
        let text = "R\nridwan123\nProminent\nJun 15, 2024\n275\n25\n710\nNov 1, 2024\n#1\n\
            I am planning to buy a new graphics card but the brands confuse me a great deal.\n\
            Lutfij\nTitan\nOct 7, 2009\n65,797\n8,104\n10.2k\nNov 1, 2024\n#2\n\
            Prices of cards vary by region, so please pass on links from the shops you use.\n\
            MCH170\nGreat\nOct 13, 2024\n93\nNov 1, 2024\n#3\n\
            ridwan123 said:\nPrices of cards vary by region.\nMost cards of one model are alike.";
        assert_eq!(
            dropped(text),
            ["R", "275", "25", "710", "#1", "65,797", "8,104", "10.2k", "#2", "93", "#3"]
        );
    }

    #[test]
    fn post_headers_with_numbers_mark_a_thread() {
        let text = "Cheatah | Feb 24, 2006 03:48pm | #5\nGreat question, here is my story.\n12\n\
            jec | Feb 24, 2006 04:14pm | #6\nMy grandfather was a carpenter.\n\
            Need2KnowLion 2 years ago#7\nI started with a shelf.";
        assert_eq!(dropped(text), ["12"]);
    }

    #[test]
    fn a_post_s_notes_go_anywhere() {
        let text = "The council voted on Tuesday to rebuild the bridge after the flood.\n\
            Reactions: Bibi Blocksberg, Glockenfee and 1 other person\n\
            Last edited by a moderator Oct 6, 2020\nLast edited: Sep 6, 2022";
        assert_eq!(dropped(text).len(), 3);
    }

    #[test]
    fn a_story_s_numbers_and_letters_stay() {
        // No thread: a table's cells, a list's letters, a story quoting one reader, an issue
        // number and a C# heading.
        let text = "The results of the vote, ward by ward, are in the table below.\n\
            Ward\nVotes\nNorth\n1,234\nSouth\n987\nA\nB\n\
            Makali wrote:\nI loved the old bridge.\nThe fix landed in #12345.\nLearning C#\n\
            Last week's reactions: mixed, said the mayor, who had expected more support.";
        assert!(dropped(text).is_empty(), "{:?}", dropped(text));
    }

    #[test]
    fn reply_subjects_mark_a_thread_and_go_with_the_pane_s_rank_and_fields() {
        let text = "Turning off all LED of RPi 5\nI want every light on the board dark at night.\n\
            Re: Turning off all LED of RPi 5\nMembers\nRegistered: 2024-01-27\nLocation: SIN\n\
            Edit the config file and reboot; the lights stay off after that.\n\
            Re: Turning off all LED of RPi 5\nDiscussion starter\nThanks, that worked.\n\
            Re: Turning off all LED of RPi 5\nGlad to hear it.";
        assert_eq!(
            dropped(text),
            [
                "Re: Turning off all LED of RPi 5",
                "Members",
                "Registered: 2024-01-27",
                "Location: SIN",
                "Re: Turning off all LED of RPi 5",
                "Discussion starter",
                "Re: Turning off all LED of RPi 5",
            ]
        );
    }

    #[test]
    fn machine_time_stamps_go_anywhere() {
        for stamp in [
            "2018-05-21 20:37:55 +00:00",
            "2019-01-21T21:40:59.62Z+00:00",
            "2024-03-04 12:34 +0100",
        ] {
            assert!(is_machine_time_stamp(stamp), "{stamp}");
        }
        for text in [
            "2018-05-21",
            "2018-05-21 20:37:55",
            "2018-05-21 20:37:55 +00:00 and more",
            "Opening hours 2018-05-21 20:37 to 22:00",
            "é018-05-21 20:37:55 +00:00",
        ] {
            assert!(!is_machine_time_stamp(text), "{text}");
        }
    }

    #[test]
    fn a_story_s_members_and_locations_stay() {
        // No thread: a club's page with its members and its meeting place.
        let text = "The club meets every Tuesday in the town hall to plan the summer fair.\n\
            Members\nLocation: Town Hall\nRe: the fair\nFrom: Jane Doe";
        assert!(dropped(text).is_empty(), "{:?}", dropped(text));
    }

    #[test]
    fn author_panes_counting_posts_mark_a_thread() {
        let text = "Deploy failed for unknown reason\ntinterweb\nPosts: 1,077\nLocation:\nSIN\n\
            The build stopped working last week and nothing in the log says why.\n\
            nathanmartin\n2.8k posts\nAuthor\n12\nPlease post the full build log.\n\
            sid.m\nMessages: 11\nYou are on an old version of node.";
        // The counters in the pane's field shape go here, the rest with the notices.
        assert_eq!(
            dropped(text),
            ["Posts: 1,077", "Location:", "Author", "12", "Messages: 11"]
        );
    }

    #[test]
    fn a_question_s_stats_go() {
        let text = "Why is a bare except a bad practice?\nAsked 12 years, 1 month ago\n\
            Modified 1 year, 9 months ago\nViewed 376k times\nViewed 1,234 times\n\
            Asked on Feb 4, 2014\nViewed the house twice";
        assert_eq!(
            dropped(text),
            [
                "Asked 12 years, 1 month ago",
                "Modified 1 year, 9 months ago",
                "Viewed 376k times",
                "Viewed 1,234 times"
            ]
        );
    }

    #[test]
    fn a_ranked_list_is_no_thread() {
        // "#1" heads each item's title, no post date above it: the ranks and scores stay.
        let text = "Ranking\n#1\nScream 7\n5.9\n#2\nThe Bluff\n5.8\n#3\nWuthering Heights\n7.0\n\
            #4\nEureka 36\n9.2";
        assert!(dropped(text).is_empty(), "{:?}", dropped(text));
    }

    #[test]
    fn post_numbers_are_read_from_the_line_s_end() {
        assert_eq!(post_number("#12"), Some("#12"));
        assert_eq!(post_number("jec | Feb 24, 2006 | #6"), Some("#6"));
        assert_eq!(post_number("ago#1"), Some("#1"));
        assert_eq!(post_number("Fixed in #123456"), None);
        assert_eq!(post_number("&#39"), None);
        assert_eq!(post_number("##12"), None);
        assert_eq!(post_number("12"), None);
        assert_eq!(post_number("#"), None);
        assert_eq!(post_number("é#1"), Some("#1"));
        assert!(is_bare_count("10.2k"));
        assert!(!is_bare_count("2024-01-27"));
        assert!(!is_bare_count("k"));
    }
}
