//! Boilerplate inside the story's span that reads like the story: an embedded photo
//! gallery, whose slides carry a counter ("1/50 United goin down"), a caption paragraph
//! and an agency credit, fifty times over; and a video player's dialog text ("This is a
//! modal window."); an image's credit on a line of its own ("Photo credit: Jane Doe").
//! A teaser's summary cut short with its "Read more" link on the same line goes too.
//! Shapes and words in [`crate::rules::inside`].
//!
//! The filter step keeps these lines: a gallery's captions are prose and its credits short
//! lines inside the story, which it never drops for being short.

use super::lines::Line;
use super::Verdict;
use crate::rules::inside::{
    COUNTER_SEPARATORS, IMAGE_CREDIT_LABELS, LINK_ARROWS, MAX_IMAGE_CREDIT_WORDS,
    MAX_LINES_TO_RESUME, MAX_SLIDE_LINES, MIN_COUNTERS_IN_ORDER, MIN_CUT_SUMMARY_WORDS,
    MIN_GALLERY_SLIDES, MIN_RESUMING_PARAGRAPH_WORDS, PLAYER_DIALOG_OPENERS, READ_MORE_LINKS,
};

/// Drops the galleries' slides, the players' dialog text, the image credits and the cut
/// teaser summaries still kept.
pub fn apply(lines: &[Line<'_>], verdicts: &mut [Verdict]) {
    let shown: Vec<usize> = (0..lines.len().min(verdicts.len()))
        .filter(|&i| !lines[i].is_blank())
        .collect();
    for (first, last) in galleries(lines, &shown) {
        for &i in &shown[first..=last] {
            drop_kept(verdicts, i);
        }
    }
    for &i in &shown {
        let line = &lines[i];
        // Only lines still kept can change; most of a page is decided by now.
        if verdicts.get(i) != Some(&Verdict::Keep) {
            continue;
        }
        if is_player_dialog(line.text)
            || is_image_credit(line)
            || is_cut_summary_with_link(line.text)
        {
            drop_kept(verdicts, i);
        }
    }
}

fn drop_kept(verdicts: &mut [Verdict], i: usize) {
    if let Some(v) = verdicts.get_mut(i) {
        if *v == Verdict::Keep {
            *v = Verdict::Drop;
        }
    }
}

/// One slide's counter: its line among the shown lines, the slide's number and the count.
#[derive(Debug, Clone, Copy)]
struct Counter {
    at: usize,
    number: usize,
    count: usize,
}

/// The galleries embedded in the story among the shown lines (`shown`: the indices of the
/// non-blank lines), as ranges of positions in `shown`: from the first slide's counter to
/// the end of the last slide, which is taken as long as the shortest slide before it (when
/// unsure, keep). A gallery the story does not resume under is a photo story: it stays.
fn galleries(lines: &[Line<'_>], shown: &[usize]) -> Vec<(usize, usize)> {
    let counters: Vec<Counter> = shown
        .iter()
        .enumerate()
        .filter_map(|(at, &i)| {
            let (number, count) = slide_counter(lines[i].text)?;
            Some(Counter { at, number, count })
        })
        .collect();
    let mut found = Vec::new();
    let mut start = 0;
    while start < counters.len() {
        let mut end = start;
        while let (Some(prev), Some(next)) = (counters.get(end), counters.get(end + 1)) {
            let follows = next.count == prev.count
                && next.number == prev.number + 1
                && next.at - prev.at <= MAX_SLIDE_LINES;
            if !follows {
                break;
            }
            end += 1;
        }
        let run = &counters[start..=end];
        if run.len() >= MIN_COUNTERS_IN_ORDER && run[0].count >= MIN_GALLERY_SLIDES {
            let shortest = run.windows(2).map(|w| w[1].at - w[0].at).min().unwrap_or(1);
            let last = (run[run.len() - 1].at + shortest - 1).min(shown.len() - 1);
            if story_resumes_after(lines, shown, last) {
                found.push((run[0].at, last));
            }
        }
        start = end + 1;
    }
    found
}

/// Whether a paragraph of the story's length follows shortly after position `last` of
/// `shown`.
fn story_resumes_after(lines: &[Line<'_>], shown: &[usize], last: usize) -> bool {
    shown
        .iter()
        .skip(last + 1)
        .take(MAX_LINES_TO_RESUME)
        .any(|&i| lines[i].is_prose() && lines[i].words >= MIN_RESUMING_PARAGRAPH_WORDS)
}

/// The slide number and the count of a line opening with a gallery's counter ("1/50 United
/// goin down", "3 of 12"): two numbers, the first from 1 to the second, and a space or the
/// line's end after them (so "1/1/2013" and "24/7" are not counters).
fn slide_counter(text: &str) -> Option<(usize, usize)> {
    let (number, rest) = leading_number(text)?;
    let rest = COUNTER_SEPARATORS
        .iter()
        .find_map(|sep| rest.strip_prefix(sep))?;
    let (count, rest) = leading_number(rest)?;
    let ends = rest.is_empty() || rest.starts_with(char::is_whitespace);
    (ends && (1..=count).contains(&number)).then_some((number, count))
}

/// Up to three ASCII digits opening `text`, and what follows them.
fn leading_number(text: &str) -> Option<(usize, &str)> {
    const MAX_DIGITS: usize = 3;
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > MAX_DIGITS {
        return None;
    }
    let (number, rest) = text.split_at(digits);
    Some((number.parse().ok()?, rest))
}

/// Whether the line opens with a video player's dialog sentence.
fn is_player_dialog(text: &str) -> bool {
    PLAYER_DIALOG_OPENERS.iter().any(|opener| {
        text.get(..opener.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(opener))
    })
}

/// Whether the line is an image's credit: a credit label, a colon and a name, short.
fn is_image_credit(line: &Line<'_>) -> bool {
    if line.words > MAX_IMAGE_CREDIT_WORDS {
        return false;
    }
    let Some((label, name)) = line.text.split_once([':', '：']) else {
        return false;
    };
    let label = label.trim();
    if name.trim().is_empty() || label.len() > MAX_LABEL_BYTES {
        return false;
    }
    let label = label.to_lowercase();
    IMAGE_CREDIT_LABELS.contains(&label.as_str())
}

/// Whether the line is a teaser's summary cut short ("…" or "...") and ended by its "Read
/// more" link, once or more.
fn is_cut_summary_with_link(text: &str) -> bool {
    let mut rest = text;
    let mut links = 0;
    while let Some(before) = READ_MORE_LINKS.iter().find_map(|link| {
        strip_suffix_ignoring_ascii_case(rest.trim_end_matches(LINK_ARROWS).trim_end(), link)
    }) {
        rest = before.trim_end();
        links += 1;
    }
    let summary = rest.strip_suffix('…').or_else(|| rest.strip_suffix("..."));
    links > 0 && summary.is_some_and(|s| s.split_whitespace().count() >= MIN_CUT_SUMMARY_WORDS)
}

/// `text` without `suffix` at its end, ASCII case ignored.
fn strip_suffix_ignoring_ascii_case<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = text.len().checked_sub(suffix.len())?;
    let (before, end) = (text.get(..cut)?, text.get(cut..)?);
    end.eq_ignore_ascii_case(suffix).then_some(before)
}

/// The longest label of [`IMAGE_CREDIT_LABELS`] in bytes, with room for case and spacing.
const MAX_LABEL_BYTES: usize = 24;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::textmode::lines::split;

    fn verdicts_of(text: &str) -> (Vec<Line<'_>>, Vec<Verdict>) {
        let lines = split(text);
        let mut verdicts = vec![Verdict::Keep; lines.len()];
        apply(&lines, &mut verdicts);
        (lines, verdicts)
    }

    fn kept(text: &str) -> Vec<&str> {
        let (lines, verdicts) = verdicts_of(text);
        lines
            .iter()
            .zip(&verdicts)
            .filter(|(l, v)| !l.is_blank() && **v == Verdict::Keep)
            .map(|(l, _)| l.text)
            .collect()
    }

    const STORY_ABOVE: &str =
        "The council met on Monday to vote on the new budget for the harbour.";
    const STORY_BELOW: &str = "The vote is expected next week, a spokesman for the council said, after the members of the finance committee have read the harbour master's report on the cost of the new quay.";

    fn gallery(count: usize, shown: usize) -> String {
        let mut text = format!("{STORY_ABOVE}\n\n");
        for k in 1..=shown {
            text.push_str(&format!(
                "{k}/{count} Ship number {k} leaves port\n\nThe ship left the harbour at dawn with a crew of twelve and a cargo of grain.\n\nAgency Photo\n\n"
            ));
        }
        text.push_str(STORY_BELOW);
        text
    }

    #[test]
    fn a_gallery_of_numbered_slides_goes_and_the_story_around_it_stays() {
        let text = gallery(50, 5);
        assert_eq!(kept(&text), vec![STORY_ABOVE, STORY_BELOW]);
    }

    #[test]
    fn a_photo_story_whose_slides_are_the_story_stays() {
        let mut text = gallery(50, 5);
        text.truncate(text.rfind(STORY_BELOW).unwrap_or(text.len()));
        text.push_str(
            "Sources: Harbour Office
See also: ten ports to visit",
        );
        assert_eq!(kept(&text).len(), 1 + 5 * 3 + 2);
    }

    #[test]
    fn a_short_carousel_or_a_broken_count_stays() {
        // Five slides: a product's feature carousel, the page's own content.
        let carousel = gallery(5, 5);
        assert_eq!(kept(&carousel).len(), 2 + 5 * 3);
        // Two counters in order are not yet a gallery.
        let two = gallery(50, 2);
        assert_eq!(kept(&two).len(), 2 + 2 * 3);
        // Counters out of order (a table of scores) are no gallery.
        let scores = "3/10 Bad\n4/10 Poor\n2/10 Worse\n9/10 Great";
        assert_eq!(kept(scores).len(), 4);
    }

    #[test]
    fn an_image_credit_goes_a_caption_or_a_sentence_with_a_colon_stays() {
        let text = format!(
            "{STORY_ABOVE}\nPhoto credit: Jane Doe / Harbour Agency\nFoto: dpa\nCREDIT: John Smith\nPhoto: The quay at dawn, before the ships came in\nCredits to graduate: 36\nCredit: {STORY_BELOW}"
        );
        assert_eq!(
            kept(&text),
            vec![
                STORY_ABOVE,
                "Photo: The quay at dawn, before the ships came in",
                "Credits to graduate: 36",
                &format!("Credit: {STORY_BELOW}"),
            ]
        );
    }

    #[test]
    fn a_cut_summary_with_its_link_goes_a_whole_paragraph_or_a_bare_link_stays() {
        let teaser = "Ever come home from a day of shopping and wondered why you bought it? As it… Read more Read more";
        let arrow = "The council met on Monday to vote on the new ... read more »";
        let whole =
            "Our courses are short. You can complete one in three hours...Read More and more";
        let bare = "....weiterlesen";
        let text = format!("{STORY_ABOVE}\n{teaser}\n{arrow}\n{whole}\n{bare}");
        assert_eq!(kept(&text), vec![STORY_ABOVE, whole, bare]);
    }

    #[test]
    fn dates_and_round_the_clock_are_no_counters() {
        assert_eq!(slide_counter("1/1/2013"), None);
        assert_eq!(slide_counter("24/7 support"), None);
        assert_eq!(slide_counter("0/5"), None);
        assert_eq!(slide_counter("12/50 Title"), Some((12, 50)));
        assert_eq!(slide_counter("1 of 12"), Some((1, 12)));
        assert_eq!(slide_counter("1/2 Price Movers"), Some((1, 2)));
    }

    #[test]
    fn a_video_players_dialog_text_goes() {
        let text = format!(
            "{STORY_ABOVE}\nThis is a modal window. This modal can be closed by pressing the Escape key or activating the close button.\n{STORY_BELOW}\nThis is a model of the window we built."
        );
        assert_eq!(
            kept(&text),
            vec![
                STORY_ABOVE,
                STORY_BELOW,
                "This is a model of the window we built."
            ]
        );
    }
}
