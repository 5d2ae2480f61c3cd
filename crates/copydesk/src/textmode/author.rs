//! Below the story: the author box, where a blog's or a trade site's story ends.
//!
//! Under its last paragraph a site introduces the writer: the name on a line of its own
//! ("Karina Cohen", "Written by Lisa Greene-Lewis", "By Sam O'Brien"), maybe a role line
//! ("VP - Technology"), then a short biography opening with the name ("Karina Cohen is the
//! owner of CR Maids …", "Sam is the revenue-focused VP of Marketing at …") — and below it the
//! site's own: "More from Eduard Kovacs", the author's other posts with their summaries, a
//! lead form, the footer. The box is the template's, not the story's: from the name line on
//! every line still kept goes ([`super::tail::drop_kept_from`]: short lines too, but the
//! page's item lists and short lines repeating one kept above).
//!
//! A *biography* is a paragraph opening with the name — in full, or its first word alone —
//! followed by a comma, a parenthesis or a verb of [`authors::BIO_VERBS`] ("is", "joined",
//! "founded"), whose first sentence names a role ([`authors::BIO_ROLES`]: "writer", "editor",
//! "founder") or which says "he" or "she". It stands within three lines under the name line.
//!
//! The box ends the story only where a story ends: below half of the text's prose and 100
//! words of it, with at most 0.1 words of running prose (paragraphs in a row) still kept
//! below the biography per word of prose above the name — a team page's or a list's people,
//! each introduced the same way, stand amid more of the page. And a box right under the
//! story's own credit line naming the same person ("Stella Kim reported from Seoul, and
//! Jennifer Jett from Hong Kong." over each reporter's note) is the story's, which a news site
//! ends with: it stays.

use super::lines::Line;
use super::tail::{drop_kept_from, running_prose_below_where};
use super::{is_story_paragraph, Verdict};
use crate::rules::authors;

/// The box ends the story only below at least this share of the text's prose (in words): an
/// author card under the headline is the byline's.
const MIN_PROSE_SHARE_ABOVE_BOX: f64 = 0.5;
/// … and below at least this many words of it (a short note's contributors' lines are its
/// own).
const MIN_STORY_WORDS_ABOVE_BOX: usize = 100;
/// … with at most this many words of running prose still kept below the biography per word
/// of prose above the name (a story going on below a box set inside it holds paragraphs in
/// a row; the author's other posts hold one summary at a time).
const MAX_KEPT_RUNNING_PROSE_BELOW_BOX: f64 = 0.1;
/// A name line's lead ("About the author:") has at most this many words: a longer line is
/// no name line (a cheap test before the others).
const MAX_LEAD_WORDS: usize = 3;
/// The biography stands within this many non-blank lines under the name line (a role line
/// and a "View all posts" link may come between).
const MAX_LINES_NAME_TO_BIO: usize = 3;
/// The story's credit line naming the person stands within this many non-blank lines above
/// the name line.
const MAX_LINES_CREDIT_TO_NAME: usize = 3;

/// The name on `line` when it is a name line of an author box: a lead of
/// [`authors::NAME_LEADS`] ("Written by", "By") at most, then two to four capitalised words
/// without digits, the first no heading's word ("The Mission", "Read More").
fn name_on<'a>(line: &Line<'a>) -> Option<&'a str> {
    let text = line.text;
    if line.is_blank()
        || line.is_prose()
        || line.words > authors::MAX_NAME_WORDS + MAX_LEAD_WORDS
        || text.len() > authors::MAX_NAME_LINE_CHARS * 4
        || text.chars().count() > authors::MAX_NAME_LINE_CHARS
        || text.chars().any(|c| c.is_numeric())
    {
        return None;
    }
    let name = authors::NAME_LEADS
        .iter()
        .find_map(|lead| {
            let head = text.get(..lead.len())?;
            let rest = text.get(lead.len()..)?;
            (head.eq_ignore_ascii_case(lead) && rest.starts_with(char::is_whitespace))
                .then(|| rest.trim_start())
        })
        .unwrap_or(text);
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < authors::MIN_NAME_WORDS || words.len() > authors::MAX_NAME_WORDS {
        return None;
    }
    let capitalised = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '.' | '-'))
    };
    let first = words[0].to_lowercase();
    (words.iter().all(capitalised) && !authors::NOT_A_FIRST_NAME.contains(&first.as_str()))
        .then_some(name)
}

/// Whether `text` is a biography of `name` (see the module doc).
fn is_biography(name: &str, text: &str) -> bool {
    let first_name = name.split_whitespace().next().unwrap_or(name);
    [name, first_name].iter().any(|opening| {
        let Some(rest) = text.strip_prefix(opening) else {
            return false;
        };
        opens_a_biography(rest) && names_a_person(text)
    })
}

/// Whether `rest`, the text after the name, goes on as a biography does: a comma, a
/// parenthesis, or a verb of [`authors::BIO_VERBS`] (a parenthesised handle skipped:
/// "(@EduardKovacs) is …").
fn opens_a_biography(rest: &str) -> bool {
    if !rest.starts_with([' ', ',', '(']) {
        return false;
    }
    let mut rest = rest.trim_start();
    if let Some(inner) = rest.strip_prefix('(') {
        match inner.find(')') {
            Some(close) => rest = inner.get(close + 1..).unwrap_or("").trim_start(),
            None => return true,
        }
    }
    if rest.starts_with([',', '(']) {
        return true;
    }
    let verb: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect::<String>()
        .to_lowercase();
    authors::BIO_VERBS.contains(&verb.as_str())
}

/// Whether a biography's `text` tells of a person: a role of [`authors::BIO_ROLES`] in its
/// first sentence, or "he" / "she" anywhere.
fn names_a_person(text: &str) -> bool {
    let lower = text.to_lowercase();
    let end = [". ", "! ", "? "]
        .iter()
        .filter_map(|stop| lower.find(stop))
        .min()
        .unwrap_or(lower.len());
    let first_sentence = lower.get(..end).unwrap_or(&lower);
    let words = |s: &'_ str| -> Vec<String> {
        s.split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    words(first_sentence)
        .iter()
        .any(|w| authors::BIO_ROLES.contains(&w.as_str()))
        || words(&lower)
            .iter()
            .any(|w| authors::BIO_PRONOUNS.contains(&w.as_str()))
}

/// Whether a line kept within a few lines above `at` is the story's credit line naming
/// `name` ("Stella Kim reported from Seoul …"): neither a name line nor a biography.
fn credited_above(lines: &[Line<'_>], verdicts: &[Verdict], at: usize, name: &str) -> bool {
    (0..at)
        .rev()
        .filter(|&k| !lines[k].is_blank())
        .take(MAX_LINES_CREDIT_TO_NAME)
        .any(|k| {
            let l = &lines[k];
            verdicts.get(k) == Some(&Verdict::Keep)
                && l.text.contains(name)
                && name_on(l).is_none()
                && !is_biography(name, l.text)
        })
}

/// Ends the story at an author box under it (see the module doc): every line still kept
/// from the name line on goes, sparing the page's item lists (`items`) and short lines
/// repeating one kept above. The first box that qualifies is taken. Returns its name line.
pub fn cut_at_author_box(
    lines: &[Line<'_>],
    items: &[bool],
    verdicts: &mut [Verdict],
) -> Option<usize> {
    let prose = |i: usize, l: &Line<'_>| {
        if is_story_paragraph(l, verdicts.get(i)) {
            l.words
        } else {
            0
        }
    };
    let total: usize = lines.iter().enumerate().map(|(i, l)| prose(i, l)).sum();
    let needed = (total as f64 * MIN_PROSE_SHARE_ABOVE_BOX).max(MIN_STORY_WORDS_ABOVE_BOX as f64);
    let mut running: Option<Vec<usize>> = None;
    let mut above = 0usize;
    let mut found = None;
    for (i, line) in lines.iter().enumerate() {
        if line.is_prose() {
            above += prose(i, line);
            continue;
        }
        if (above as f64) < needed {
            continue;
        }
        let Some(name) = name_on(line) else {
            continue;
        };
        let Some(bio) = lines
            .iter()
            .enumerate()
            .skip(i + 1)
            .filter(|(_, l)| !l.is_blank())
            .take(MAX_LINES_NAME_TO_BIO)
            .find(|(_, l)| l.is_prose() && is_biography(name, l.text))
            .map(|(k, _)| k)
        else {
            continue;
        };
        let running = running.get_or_insert_with(|| {
            running_prose_below_where(lines, |k| verdicts.get(k) == Some(&Verdict::Keep))
        });
        let below = running.get(bio + 1).copied().unwrap_or(0);
        if below as f64 <= above as f64 * MAX_KEPT_RUNNING_PROSE_BELOW_BOX
            && !credited_above(lines, verdicts, i, name)
        {
            found = Some(i);
            break;
        }
    }
    let at = found?;
    drop_kept_from(lines, items, verdicts, at);
    Some(at)
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

    fn cut(text: &str) -> (Vec<String>, Option<usize>) {
        let lines = split(text);
        let mut verdicts = vec![Verdict::Keep; lines.len()];
        let items = vec![false; lines.len()];
        let at = cut_at_author_box(&lines, &items, &mut verdicts);
        let kept = lines
            .iter()
            .zip(&verdicts)
            .filter(|(l, v)| **v == Verdict::Keep && !l.is_blank())
            .map(|(l, _)| l.text.to_owned())
            .collect();
        (kept, at)
    }

    const BIO: &str = "Karina Cohen is the owner of CR Maids, a local cleaning company serving the Greater Denver area.";
    const TEASER: &str =
        "Spring cleaning checklists that save you time, from the kitchen to the garage and back.";

    #[test]
    fn an_author_box_under_the_story_ends_it() {
        let text = format!(
            "{}Karina Cohen\n{BIO}\nMore from Karina Cohen\nSpring Cleaning Tips\n{TEASER}\n",
            story(10)
        );
        let (kept, at) = cut(&text);
        assert_eq!(at, Some(10));
        assert_eq!(kept.len(), 10, "{kept:?}");
    }

    #[test]
    fn a_written_by_line_and_a_first_name_biography_make_a_box() {
        let bio = "Sam is the revenue-focused VP of Marketing at Dealfront, where he balances instant results and long term value.";
        let text = format!("{}Written by Sam O'Brien\nVP Marketing\n{bio}\n", story(10));
        let (kept, at) = cut(&text);
        assert_eq!(at, Some(10), "{kept:?}");
    }

    #[test]
    fn a_handle_after_the_name_is_skipped() {
        let bio = "Eduard Kovacs (@EduardKovacs) is the managing editor at SecurityWeek and a former teacher.";
        let text = format!("{}Written By Eduard Kovacs\n{bio}\n", story(10));
        assert_eq!(cut(&text).1, Some(10));
    }

    #[test]
    fn a_section_named_like_a_person_is_no_box() {
        let section =
            "Extension cords are a convenient way to provide power right where you need it most.";
        let place =
            "Hakone Gora Park is easy to reach, and the gardens are open every day of the week.";
        let text = format!(
            "{}Extension Cords\n{section}\nHakone Gora Park\n{place}\n",
            story(10)
        );
        assert_eq!(cut(&text).1, None);
    }

    #[test]
    fn a_box_above_half_the_story_is_the_byline_s() {
        let text = format!("Karina Cohen\n{BIO}\n{}", story(10));
        assert_eq!(cut(&text).1, None);
    }

    #[test]
    fn a_story_going_on_below_the_box_keeps_it() {
        let text = format!("{}Karina Cohen\n{BIO}\n{}", story(10), story(4));
        assert_eq!(cut(&text).1, None);
    }

    #[test]
    fn notes_on_reporters_the_story_credits_stay() {
        let text = format!(
            "{}Stella Kim reported from Seoul, and Jennifer Jett from Hong Kong.\nStella Kim\nStella Kim is an NBC News freelance producer based in Seoul.\nJennifer Jett\nJennifer Jett is the Asia Digital Editor for NBC News, based in Hong Kong.\nAbigail Williams and Beomsu Jo contributed.\n",
            story(10)
        );
        let (kept, at) = cut(&text);
        assert_eq!(at, None, "{kept:?}");
        assert_eq!(kept.len(), 16);
    }

    #[test]
    fn name_lines_and_biographies() {
        let line = |t: &'static str| split(t).remove(0);
        assert_eq!(name_on(&line("By Jane Doe")), Some("Jane Doe"));
        assert_eq!(
            name_on(&line("Author: Amit Samsukha")),
            Some("Amit Samsukha")
        );
        assert_eq!(name_on(&line("The Mission")), None);
        assert_eq!(name_on(&line("Jane")), None);
        assert_eq!(name_on(&line("Room 101 Guide")), None);
        assert!(is_biography(
            "Mary Henn",
            "Mary Henn, MA, MFA, is a shopping editor at Taste of Home."
        ));
        assert!(!is_biography(
            "Drake Tax",
            "Drake Tax held the No. 3 spot with just 0.1% fewer users than Lacerte."
        ));
        assert!(!is_biography(
            "Seek Collective",
            "Seek Collective is a US brand of thoughtfully made items with a dedication to craft."
        ));
    }
}
