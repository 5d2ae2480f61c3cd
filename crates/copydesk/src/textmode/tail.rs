//! Below the story: where a whole-page render's story ends and the site's tail begins.
//!
//! Under a story a page puts its own furniture: a share bar ("Share", "Tweet"), a
//! "Related articles" box, a newsletter sign-up, the footer's legal links — and among them
//! prose that is not the story's: teaser summaries, an author bio, a site blurb, the
//! subscription pitch. The filter drops the phrase lines and the short residue below the
//! last paragraph, but prose further down keeps everything above it alive.
//!
//! The story ends at a *wall*: a run of lines without prose that holds a share, "related",
//! legal or navigation line, standing below most of the text's prose, with little prose
//! beyond it — or below half of it, when nothing beyond it reads as running text (teaser
//! summaries and blurbs stand one paragraph at a time between titles, dates and links; the
//! rest of a story holds paragraphs in a row). Everything kept from the wall's first such
//! line on goes but the page's own item lists. Short lines go too when the wall stands below
//! most of the prose with little below it (the site's footer links and teaser titles, as
//! under a marker: [`drop_kept_from`]); under a wall found only by the teaser test they are
//! left to the rules that already judge them (a credit, a sign-off, a list the page keeps).
//! Lines between the last paragraph and the wall's first phrase line stay: a "Sources &
//! links" list, "Abigail Williams contributed.".
//!
//! A wall's phrase line must be worded once on the page: a "Reply" or "Share" under every
//! post of a forum thread or every answer of a Q&A page marks items, not the story's end.
//!
//! The story also ends at a *marker* right under its last paragraph ([`cut_at_story_end_marker`]):
//! a story-end heading ("Related articles", "Sponsored links", "Read more stories about:"),
//! a share prompt worded once ("Share this article", "Teilen"), a sign-off ("责任编辑：…")
//! or a pagination line ("1 | 2 | 3", "Next Page >"), at most two lines below a paragraph,
//! below half the text's prose (a pagination line: 40 %), when nothing still kept below it
//! reads as running text. Measured against the prose *above the marker*, not the page's, the teaser summaries
//! and blurbs below it (which inflate the page's prose) no longer hold the cut back.
//! Everything still kept from the marker on goes, short lines too (the site's menus and
//! teaser titles under it: "Top 12 News Topics" / "Skin Cancer"), but the page's item lists
//! and short lines repeating one kept above it ([`drop_kept_from`]).
//!
//! And it ends at a newsletter *sign-up form* under it ([`cut_at_sign_up_form`]): a short
//! sign-up pitch ("Get Breaking News alerts to your inbox") with a field label, a consent
//! line or a submit button right under it, below a story of running prose, with little
//! running prose still kept below it. The form and everything still kept below it go. A
//! contact form does the same from its heading: three field labels or more, one asking for
//! an address ("Full Name" / "Email Address*" / "Phone Number*" / "Your Message"), the lead
//! form a service's or a blog's story closes with ("Get a Free Consultation").

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use super::lines::{paragraphs_in_a_row, Line};
use super::{is_story_paragraph, Verdict};
use crate::rules::phrases::{self, Kind};
use crate::rules::tail as tail_rules;

/// A wall ends the story when it stands below at least this share of the text's prose (in
/// words) …
const MIN_PROSE_SHARE_ABOVE_WALL: f64 = 0.8;
/// … with at most this much prose below it per word of prose above it (a footer's blurbs
/// and teasers, not the rest of the story) …
const MAX_PROSE_BELOW_PER_WORD_ABOVE: f64 = 0.2;
/// … or below at least this share of the prose when what follows it does not read as running
/// text: teaser summaries and blurbs stand one paragraph at a time between titles, dates and
/// links, a story's sections hold paragraphs in a row …
const MIN_PROSE_SHARE_ABOVE_WALL_BEFORE_TEASERS: f64 = 0.5;
/// … at most this many words of paragraphs in a row below it per word of prose above it.
const MAX_RUNNING_PROSE_BELOW_PER_WORD_ABOVE: f64 = 0.05;
/// A wall is a run of at least this many lines without prose (blank lines aside).
const MIN_WALL_LINES: usize = 6;
/// The phrase kinds that make a run of lines a wall: what a page puts after a story. Not
/// adverts, markup, captchas or button labels: those stand inside stories and product
/// boxes as often.
const WALL_KINDS: &[Kind] = &[
    Kind::Share,
    Kind::Related,
    Kind::Legal,
    Kind::Navigation,
    Kind::Consent,
    Kind::CommentSection,
    Kind::CommentForm,
];

/// The words of `line` when it is a paragraph of the story ([`is_story_paragraph`]).
fn story_prose_words(line: &Line<'_>, verdict: Option<&Verdict>) -> usize {
    if is_story_paragraph(line, verdict) {
        line.words
    } else {
        0
    }
}

/// The story's prose in all, in words ([`story_prose_words`]).
fn total_story_prose(lines: &[Line<'_>], verdicts: &[Verdict]) -> usize {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| story_prose_words(l, verdicts.get(i)))
        .sum()
}

/// Drops what is kept below the story's end (see the module doc), sparing the lines of the
/// page's item lists, and short lines under a wall found only by the teaser test (`items`, [`super::filter::item_lists`]; a line past
/// its end is no item). Returns the line where the tail was cut.
pub fn cut_below_story(
    lines: &[Line<'_>],
    items: &[bool],
    verdicts: &mut [Verdict],
) -> Option<usize> {
    let total = total_story_prose(lines, verdicts);
    if total == 0 {
        return None;
    }
    let share = |s: f64| total as f64 * s;
    // Counted when the first candidate wall is met: phrase wordings, running prose below.
    let mut wordings: Option<HashMap<&str, usize>> = None;
    let mut running_below: Option<Vec<usize>> = None;
    let mut above = 0usize;
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if line.is_prose() {
            above += story_prose_words(line, verdicts.get(i));
            i += 1;
            continue;
        }
        if line.is_blank() || (above as f64) < share(MIN_PROSE_SHARE_ABOVE_WALL_BEFORE_TEASERS) {
            i += 1;
            continue;
        }
        let (mut run, mut first_phrase) = (0usize, None);
        let mut j = i;
        while j < lines.len() && !lines[j].is_prose() {
            let l = &lines[j];
            if !l.is_blank() {
                run += 1;
                if first_phrase.is_none() && l.kind.is_some_and(|k| WALL_KINDS.contains(&k)) {
                    let counts = wordings.get_or_insert_with(|| phrase_wordings(lines));
                    if counts.get(l.text).copied().unwrap_or(0) <= 1 {
                        first_phrase = Some(j);
                    }
                }
            }
            j += 1;
        }
        if let (Some(cut), true) = (first_phrase, run >= MIN_WALL_LINES) {
            let below = total - above.min(total);
            let ends_story = (above as f64) >= share(MIN_PROSE_SHARE_ABOVE_WALL)
                && below as f64 <= above as f64 * MAX_PROSE_BELOW_PER_WORD_ABOVE;
            let mut ends_before_teasers = || {
                let running = running_below.get_or_insert_with(|| running_prose_below(lines));
                let words = running.get(j).copied().unwrap_or(0);
                words as f64 <= above as f64 * MAX_RUNNING_PROSE_BELOW_PER_WORD_ABOVE
            };
            if ends_story {
                drop_kept_from(lines, items, verdicts, cut);
                return Some(cut);
            }
            if ends_before_teasers() {
                for (t, (line, v)) in lines.iter().zip(verdicts.iter_mut()).enumerate().skip(cut) {
                    let item = items.get(t).copied().unwrap_or(false);
                    if *v == Verdict::Keep && !line.is_short() && !item {
                        *v = Verdict::Drop;
                    }
                }
                return Some(cut);
            }
        }
        i = j;
    }
    None
}

/// For every line, the words of running prose from it to the end: prose lines with another
/// prose line right above or below them (blank lines aside), paragraphs in a row.
fn running_prose_below(lines: &[Line<'_>]) -> Vec<usize> {
    running_prose_below_where(lines, |_| true)
}

/// [`running_prose_below`], counting only the lines `counts` admits (as prose lines and as
/// their neighbours).
pub(super) fn running_prose_below_where(
    lines: &[Line<'_>],
    counts: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let in_a_row = paragraphs_in_a_row(lines, counts);
    let mut running = vec![0usize; lines.len() + 1];
    for i in (0..lines.len()).rev() {
        let words = if in_a_row[i] { lines[i].words } else { 0 };
        running[i] = running[i + 1] + words;
    }
    running
}

/// A story-end marker ends the story only below at least this share of the text's prose (a
/// share bar under the lead is no end) …
const MIN_PROSE_SHARE_ABOVE_MARKER: f64 = 0.5;
/// A pagination line ("1 | 2 | 3", "« Vorige | Nächste »") ends it from this share on: it
/// closes the story's page, and the site's teasers below it often carry more prose than a
/// related box's.
const MIN_PROSE_SHARE_ABOVE_PAGINATION: f64 = 0.4;
/// … standing right under a paragraph: within this many lines of it (blank lines aside), so
/// the marker closes the story, not a list or a box of its own …
const MAX_LINES_FROM_PARAGRAPH_TO_MARKER: usize = 3;
/// … with at most this many words of running prose still kept below it per word of prose
/// above it (a story's next section holds paragraphs in a row; teasers and blurbs do not).
const MAX_KEPT_RUNNING_PROSE_BELOW_MARKER: f64 = 0.1;
/// A marker is a heading or a prompt: at most this many words.
const MAX_MARKER_WORDS: usize = 10;
/// … and ends a story of at least this many words of prose above it (in a note of a few
/// lines a share prompt may stand before its last paragraph).
const MIN_STORY_WORDS_ABOVE_MARKER: usize = 100;

/// Whether `line` marks the story's end: a story-end or promoted-box heading
/// ([`phrases::is_story_end_heading`]), a share prompt worded once on the page (`wordings`),
/// a pagination line ([`is_pagination`]) or a sign-off ("责任编辑：崔宁宁",
/// [`tail_rules::STORY_END_SIGN_OFFS`]).
fn is_story_end_marker(line: &Line<'_>, wordings: &HashMap<&str, usize>) -> bool {
    phrases::is_story_end_heading(line.text)
        || (line.kind == Some(Kind::Share) && wordings.get(line.text).copied().unwrap_or(0) <= 1)
        || is_pagination(line.text)
        || is_sign_off(line.text)
}

/// Whether `text` opens with a story's sign-off ([`tail_rules::STORY_END_SIGN_OFFS`]).
fn is_sign_off(text: &str) -> bool {
    let opening = text
        .trim()
        .trim_start_matches(tail_rules::SIGN_OFF_OPENING_BRACKETS)
        .to_lowercase();
    tail_rules::STORY_END_SIGN_OFFS
        .iter()
        .any(|s| opening.starts_with(s))
}

/// Whether `text` is a pagination line: only page numbers and pagination words
/// ([`tail_rules::PAGINATION_WORDS`]) — a word with a page number, two words, or a word with
/// an arrow or a bar ("Next Page >", "« Vorige | Nächste »", "Page 2"), or page numbers in
/// ascending order between bars ("1 | 2 | 3"). A bare "Next" or "Previous" is a carousel's
/// button as often, and a run of numbers a table's row.
fn is_pagination(text: &str) -> bool {
    let (mut numbers, mut words) = (0usize, 0usize);
    let (mut last, mut ascending) = (None::<u32>, true);
    for token in text.split(|c: char| !c.is_alphanumeric()) {
        if token.is_empty() {
            continue;
        }
        if token.len() <= tail_rules::MAX_PAGE_NUMBER_DIGITS
            && token.bytes().all(|b| b.is_ascii_digit())
        {
            let n = token.parse::<u32>().unwrap_or(0);
            ascending &= last.is_none_or(|l| l < n);
            last = Some(n);
            numbers += 1;
        } else if tail_rules::PAGINATION_WORDS.contains(&token.to_lowercase().as_str()) {
            words += 1;
        } else {
            return false;
        }
    }
    let decorated = text.contains(['<', '>', '«', '»', '‹', '›', '|', '→', '←']);
    if words > 0 {
        numbers > 0 || words >= 2 || decorated
    } else {
        numbers >= 2 && ascending && text.contains('|')
    }
}

/// Ends the story at a marker right under its last paragraph (see the module doc): every
/// line still kept from the marker on goes, short lines too, sparing the page's item lists
/// (`items`) and short lines repeating one kept above ([`drop_kept_from`]). The first
/// marker that qualifies is taken. Returns its line.
pub fn cut_at_story_end_marker(
    lines: &[Line<'_>],
    items: &[bool],
    verdicts: &mut [Verdict],
) -> Option<usize> {
    let first_prose = lines.iter().position(Line::is_prose)?;
    let total = total_story_prose(lines, verdicts);
    let needed = total as f64 * MIN_PROSE_SHARE_ABOVE_MARKER;
    let needed_by_pagination = total as f64 * MIN_PROSE_SHARE_ABOVE_PAGINATION;
    let mut wordings: Option<HashMap<&str, usize>> = None;
    let mut running: Option<Vec<usize>> = None;
    let (mut above, mut shown, mut last_paragraph) = (0usize, 0usize, 0usize);
    let mut marker = None;
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        shown += 1;
        if line.is_prose() {
            above += story_prose_words(line, verdicts.get(i));
            last_paragraph = shown;
            continue;
        }
        if i <= first_prose
            || line.words > MAX_MARKER_WORDS
            || (above as f64) < needed_by_pagination
            || above < MIN_STORY_WORDS_ABOVE_MARKER
            || shown - last_paragraph > MAX_LINES_FROM_PARAGRAPH_TO_MARKER
        {
            continue;
        }
        let counts = wordings.get_or_insert_with(|| phrase_wordings(lines));
        let marks = if (above as f64) >= needed {
            is_story_end_marker(line, counts)
        } else {
            is_pagination(line.text)
        };
        if !marks {
            continue;
        }
        let running = running.get_or_insert_with(|| {
            running_prose_below_where(lines, |k| verdicts.get(k) == Some(&Verdict::Keep))
        });
        let below = running.get(i).copied().unwrap_or(0);
        if below as f64 <= above as f64 * MAX_KEPT_RUNNING_PROSE_BELOW_MARKER {
            marker = Some(i);
            break;
        }
    }
    let marker = marker?;
    drop_kept_from(lines, items, verdicts, marker);
    Some(marker)
}

/// A sign-up form ends the story when its pitch stands below at least this share of the
/// text's prose (in words): the form closes the story, and the site's teasers under it (a
/// "See more", an "Around the web" box) often carry more prose than the story's tail …
const MIN_PROSE_SHARE_ABOVE_SIGN_UP: f64 = 0.3;
/// … and below at least this many words of running prose (paragraphs in a row, still kept):
/// a story above it, not a sign-up box beside a short lead or amid a listing's teasers (one
/// summary at a time between titles and bylines) …
const MIN_RUNNING_STORY_WORDS_ABOVE_SIGN_UP: usize = 100;
/// … with at most this many words of running prose still kept below it per word of prose
/// above it (a story that goes on under a sign-up box inserted mid-story holds paragraphs in
/// a row) …
const MAX_KEPT_RUNNING_PROSE_BELOW_SIGN_UP: f64 = 0.1;
/// … or this many when the form shows a field label or a consent line, not only a button:
/// a form that asks for an address closes the story, the site's promos under it (a TV
/// show's clips, a deals box) read as prose in a row as often as a story does.
const MAX_KEPT_RUNNING_PROSE_BELOW_FULL_FORM: f64 = 0.5;
/// A sign-up pitch is a heading or a one-line pitch: at most this many words.
const MAX_SIGN_UP_PITCH_WORDS: usize = 15;
/// The form's field, consent line or button stands within this many lines under the pitch
/// (blank lines aside).
const SIGN_UP_FORM_LINES: usize = 6;
/// A consent line is at most this many words long (a paragraph about subscriptions is none).
const MAX_SIGN_UP_CONSENT_WORDS: usize = 40;

/// Whether `line` pitches a sign-up ([`tail_rules::SIGN_UP_PITCHES`]): a short line that is
/// no paragraph, no list item, no question (an FAQ's "Who writes the newsletter?") and no
/// form line of its own (a "Subscribe" button under each of a paid newsletter's plans).
fn is_sign_up_pitch(line: &Line<'_>) -> bool {
    if line.is_blank()
        || line.is_prose()
        || line.words > MAX_SIGN_UP_PITCH_WORDS
        || line.list_mark().is_some()
        || line.text.ends_with('?')
    {
        return false;
    }
    sign_up_pitches().is_some_and(|ac| ac.is_match(line.text)) && sign_up_form_line(line).is_none()
}

/// The [`tail_rules::SIGN_UP_PITCHES`] automaton, ASCII case-insensitive (the pitches'
/// wording; one pass a line instead of one search a pitch). The table is static: building
/// cannot fail short of a bug in it, which the unit tests catch.
fn sign_up_pitches() -> Option<&'static AhoCorasick> {
    static AC: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(tail_rules::SIGN_UP_PITCHES)
            .ok()
    })
    .as_ref()
}

/// What a line of a sign-up form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum FormLine {
    /// A submit button ("Subscribe", "Sign up"): it also stands under a pitch for a paid
    /// plan or an app inside a story.
    Button,
    /// A field label or a consent line ("Email Address *", "By clicking Submit, you agree
    /// to …"): the form asks for an address.
    Field,
}

/// What `line` is in a sign-up form, if anything: a field label
/// ([`tail_rules::SIGN_UP_FIELDS`]) or a consent line ([`tail_rules::SIGN_UP_CONSENTS`]),
/// or a submit button ([`tail_rules::SIGN_UP_BUTTONS`]).
fn sign_up_form_line(line: &Line<'_>) -> Option<FormLine> {
    if line.is_blank() || line.words > MAX_SIGN_UP_CONSENT_WORDS {
        return None;
    }
    let text = line.text.to_lowercase();
    let bare = text.trim_end_matches(tail_rules::SIGN_UP_TRAILING_MARKS);
    if tail_rules::SIGN_UP_FIELDS.contains(&bare)
        || tail_rules::SIGN_UP_CONSENTS
            .iter()
            .any(|c| text.contains(c))
    {
        Some(FormLine::Field)
    } else if tail_rules::SIGN_UP_BUTTONS.contains(&bare) {
        Some(FormLine::Button)
    } else {
        None
    }
}

/// A contact form's fields: at least this many different field labels …
const MIN_CONTACT_FORM_FIELDS: usize = 3;
/// … within this many lines from the first (blank lines aside; a field's hint or a "*
/// required" note may stand between).
const CONTACT_FORM_LINES: usize = 8;
/// A contact form's field label is at most this long (in bytes, its marks included: "How
/// can we help you? *"); longer lines are not folded to be looked up.
const MAX_CONTACT_FIELD_BYTES: usize = 28;
/// The form's heading ("Get in touch", "Request A Free Consultation") stands within this
/// many lines above its first field, no paragraph between.
const CONTACT_FORM_HEADING_LINES: usize = 2;

/// The field label `line` is in a contact form ([`tail_rules::CONTACT_FIELDS`],
/// [`tail_rules::CONTACT_EMAIL_FIELDS`]), folded and without its trailing "*" or ":", and
/// whether it asks for an address.
fn contact_field(line: &Line<'_>) -> Option<(String, bool)> {
    if line.is_blank() || line.words > 4 || line.text.len() > MAX_CONTACT_FIELD_BYTES {
        return None;
    }
    let text = line.text.to_lowercase();
    let bare = text.trim_end_matches(tail_rules::SIGN_UP_TRAILING_MARKS);
    if tail_rules::CONTACT_EMAIL_FIELDS.contains(&bare) {
        Some((bare.to_owned(), true))
    } else if tail_rules::CONTACT_FIELDS.contains(&bare) {
        Some((bare.to_owned(), false))
    } else {
        None
    }
}

/// Whether a contact form opens at line `at`: a field label there and, within
/// [`CONTACT_FORM_LINES`] lines, [`MIN_CONTACT_FORM_FIELDS`] different ones, one of them
/// asking for an address ("Full Name" / "Email Address*" / "Phone Number*" / "Your
/// Message"). A table's "City" / "State" / "Country" columns ask for none.
fn opens_contact_form(lines: &[Line<'_>], at: usize) -> bool {
    if contact_field(&lines[at]).is_none() {
        return false;
    }
    let mut seen: Vec<String> = Vec::new();
    let mut email = false;
    for l in lines[at..]
        .iter()
        .filter(|l| !l.is_blank())
        .take(CONTACT_FORM_LINES + 1)
    {
        if let Some((field, asks_address)) = contact_field(l) {
            email |= asks_address;
            if !seen.contains(&field) {
                seen.push(field);
            }
        }
    }
    email && seen.len() >= MIN_CONTACT_FORM_FIELDS
}

/// Where a contact form whose first field stands at `first_field` begins: at its heading,
/// the lines right above the field that are no paragraph (at most
/// [`CONTACT_FORM_HEADING_LINES`]).
fn contact_form_heading(lines: &[Line<'_>], first_field: usize) -> usize {
    let mut start = first_field;
    for k in (0..first_field)
        .rev()
        .filter(|&k| !lines[k].is_blank())
        .take(CONTACT_FORM_HEADING_LINES)
    {
        if lines[k].is_prose() {
            break;
        }
        start = k;
    }
    start
}

/// Ends the story at a newsletter sign-up form under it: a sign-up pitch ("Get Breaking
/// News alerts to your inbox", [`is_sign_up_pitch`]) with a field label, a consent line or a
/// submit button within a few lines under it ("Email Address *", "By clicking "Submit," you
/// agree to the Privacy Policy", "Subscribe"), below 30 % of the text's prose and 100 words
/// of running prose (paragraphs in a row), with little running prose still kept below it
/// (0.1 words per word of prose above it; 0.5 when the form asks for an address, not only
/// shows a button). From the pitch on every line still kept goes, short lines too (the form's own labels, the promos'
/// titles under it), sparing the page's item lists (`items`) and short lines repeating one
/// kept above ([`drop_kept_from`]); the first form that qualifies is taken. A contact form
/// ([`opens_contact_form`]: three field labels, one asking for an address) counts as a form
/// asking for an address, its pitch the lines right above its first field
/// ([`contact_form_heading`]). Returns the pitch's line.
pub fn cut_at_sign_up_form(
    lines: &[Line<'_>],
    items: &[bool],
    verdicts: &mut [Verdict],
) -> Option<usize> {
    let total = total_story_prose(lines, verdicts);
    let needed = total as f64 * MIN_PROSE_SHARE_ABOVE_SIGN_UP;
    let mut running: Option<Vec<usize>> = None;
    let mut above = 0usize;
    let mut pitch = None;
    for (i, line) in lines.iter().enumerate() {
        if line.is_prose() {
            above += story_prose_words(line, verdicts.get(i));
            continue;
        }
        if line.is_blank() || (above as f64) < needed {
            continue;
        }
        let (start, max_below) = if is_sign_up_pitch(line) {
            let form = lines[i + 1..]
                .iter()
                .filter(|l| !l.is_blank())
                .take(SIGN_UP_FORM_LINES)
                .filter_map(sign_up_form_line)
                .max();
            match form {
                None => continue,
                Some(FormLine::Button) => (i, MAX_KEPT_RUNNING_PROSE_BELOW_SIGN_UP),
                Some(FormLine::Field) => (i, MAX_KEPT_RUNNING_PROSE_BELOW_FULL_FORM),
            }
        } else if opens_contact_form(lines, i) {
            (
                contact_form_heading(lines, i),
                MAX_KEPT_RUNNING_PROSE_BELOW_FULL_FORM,
            )
        } else {
            continue;
        };
        let running = running.get_or_insert_with(|| {
            running_prose_below_where(lines, |k| verdicts.get(k) == Some(&Verdict::Keep))
        });
        let below = running.get(i).copied().unwrap_or(0);
        let running_above = running.first().copied().unwrap_or(0).saturating_sub(below);
        if running_above >= MIN_RUNNING_STORY_WORDS_ABOVE_SIGN_UP
            && below as f64 <= above as f64 * max_below
        {
            pitch = Some(start);
            break;
        }
    }
    let pitch = pitch?;
    drop_kept_from(lines, items, verdicts, pitch);
    Some(pitch)
}

/// Drops every line still kept from `from` on, short lines too — a marker's or a sign-up
/// form's tail holds the site's menus and teaser titles ("Top 12 News Topics" / "Skin
/// Cancer", "Kommentare lesen (1 Beitrag)") as often as longer lines — sparing the page's
/// item lists (`items`) and short lines repeating a line kept above (the story's headline
/// listed again in a box of the site's latest posts, which the gold keeps where it first
/// stands).
pub(super) fn drop_kept_from(
    lines: &[Line<'_>],
    items: &[bool],
    verdicts: &mut [Verdict],
    from: usize,
) {
    let kept_above: HashSet<&str> = lines
        .iter()
        .zip(verdicts.iter())
        .take(from)
        .filter(|(l, v)| **v == Verdict::Keep && l.is_short())
        .map(|(l, _)| l.text)
        .collect();
    for (t, (line, v)) in lines.iter().zip(verdicts.iter_mut()).enumerate().skip(from) {
        let item = items.get(t).copied().unwrap_or(false);
        let repeat = line.is_short() && kept_above.contains(line.text);
        if *v == Verdict::Keep && !item && !repeat {
            *v = Verdict::Drop;
        }
    }
}

/// How often each phrase-table line's wording occurs in the text.
fn phrase_wordings<'a>(lines: &[Line<'a>]) -> HashMap<&'a str, usize> {
    let mut count = HashMap::new();
    for line in lines.iter().filter(|l| l.kind.is_some()) {
        *count.entry(line.text).or_default() += 1;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::textmode::lines::split;

    const PARAGRAPH: &str =
        "The council voted on Tuesday to rebuild the bridge that was closed after the flood.";
    const TEASER: &str =
        "A second town votes on its own bridge plan after a long summer of debate and floods.";

    fn cut(text: &str) -> (Vec<Verdict>, Option<usize>) {
        let lines = split(text);
        let mut verdicts = vec![Verdict::Keep; lines.len()];
        let items = vec![false; lines.len()];
        let at = cut_below_story(&lines, &items, &mut verdicts);
        (verdicts, at)
    }

    fn story(paragraphs: usize) -> String {
        format!("{PARAGRAPH}\n").repeat(paragraphs)
    }

    #[test]
    fn a_share_bar_and_teasers_below_the_story_are_cut() {
        let text = format!(
            "{}Abigail Williams contributed.\nShare this article\nTweet\nEmail\nMore stories\nHome\nNews\n{TEASER}\n",
            story(10)
        );
        let (verdicts, at) = cut(&text);
        assert_eq!(at, Some(11), "{verdicts:?}");
        assert!(verdicts[..11].iter().all(|v| *v == Verdict::Keep));
        assert_eq!(verdicts[17], Verdict::Drop, "the teaser goes");
        assert_eq!(
            verdicts[15],
            Verdict::Drop,
            "below most of the story the short lines go too"
        );
    }

    #[test]
    fn under_a_wall_above_teasers_short_lines_are_left_to_the_filter() {
        // Half the prose above, the rest in teaser summaries one at a time: the teaser test.
        let teasers = format!(
            "Town news
{TEASER}
"
        )
        .repeat(5);
        let text = format!(
            "{}Share this article
Tweet
Email
More stories
Home
News
{teasers}",
            story(6)
        );
        let (verdicts, at) = cut(&text);
        assert_eq!(at, Some(6), "{verdicts:?}");
        assert_eq!(verdicts[13], Verdict::Drop, "a teaser goes");
        assert_eq!(
            verdicts[12],
            Verdict::Keep,
            "its title is left to the filter"
        );
    }

    #[test]
    fn a_wall_beside_the_lead_does_not_end_the_story() {
        let text = format!(
            "{}Share this article\nTweet\nEmail\nMore stories\nHome\nNews\n{}",
            story(2),
            story(8)
        );
        assert_eq!(cut(&text).1, None);
    }

    #[test]
    fn much_prose_below_the_wall_is_the_story_going_on() {
        let text = format!(
            "{}Share this article\nTweet\nEmail\nMore stories\nHome\nNews\n{}",
            story(10),
            story(4)
        );
        assert_eq!(cut(&text).1, None);
    }

    /// A teaser: a headline, a one-paragraph summary, a date.
    const TEASER_ITEM: &str = "Bridge plans elsewhere\nA second town votes on its own bridge plan after a long summer of debate and floods.\nMarch 3, 2024\n";

    #[test]
    fn teasers_below_half_the_prose_are_cut() {
        let text = format!(
            "{}Share this article\nTweet\nEmail\nMore stories\nHome\nNews\n{}",
            story(6),
            TEASER_ITEM.repeat(4)
        );
        let (verdicts, at) = cut(&text);
        assert_eq!(at, Some(6), "{verdicts:?}");
        assert_eq!(verdicts[13], Verdict::Drop, "a summary goes");
        assert_eq!(
            verdicts[12],
            Verdict::Keep,
            "short lines are left to the filter"
        );
    }

    #[test]
    fn paragraphs_in_a_row_below_the_wall_are_the_story() {
        let text = format!(
            "{}Share this article\nTweet\nEmail\nMore stories\nHome\nNews\n{}",
            story(6),
            story(4)
        );
        assert_eq!(cut(&text).1, None);
    }

    #[test]
    fn a_phrase_under_every_post_is_no_wall() {
        let post = "Share\nReply\nQuote\nReport\n12 likes\nmember since 2019\n";
        let text = format!("{}{post}{TEASER}\n{post}", story(10));
        assert_eq!(cut(&text).1, None);
    }

    #[test]
    fn a_short_run_is_no_wall() {
        let text = format!("{}Share this article\nTweet\n{TEASER}\n", story(10));
        assert_eq!(cut(&text).1, None);
    }

    #[test]
    fn item_lists_are_spared() {
        let text = format!(
            "{}Share this article\nTweet\nEmail\nMore stories\nHome\nNews\n{TEASER}\n",
            story(10)
        );
        let lines = split(&text);
        let mut verdicts = vec![Verdict::Keep; lines.len()];
        let mut items = vec![false; lines.len()];
        items[16] = true;
        assert_eq!(cut_below_story(&lines, &items, &mut verdicts), Some(10));
        assert_eq!(verdicts[16], Verdict::Keep);
    }

    fn cut_at_marker(text: &str) -> (Vec<Verdict>, Option<usize>) {
        let lines = split(text);
        let mut verdicts = vec![Verdict::Keep; lines.len()];
        let items = vec![false; lines.len()];
        let at = cut_at_story_end_marker(&lines, &items, &mut verdicts);
        (verdicts, at)
    }

    #[test]
    fn a_share_prompt_under_the_last_paragraph_ends_the_story() {
        // The teasers' summaries are over a third of the page's prose: no wall rule fires.
        let text = format!("{}Share this article\n{}", story(8), TEASER_ITEM.repeat(3));
        let (verdicts, at) = cut_at_marker(&text);
        assert_eq!(at, Some(8), "{verdicts:?}");
        assert!(verdicts[..8].iter().all(|v| *v == Verdict::Keep));
        assert_eq!(verdicts[10], Verdict::Drop, "a summary goes");
        assert_eq!(verdicts[9], Verdict::Drop, "a teaser's title goes too");
    }

    #[test]
    fn the_short_lines_of_a_topic_menu_under_a_marker_go() {
        // webmd's shape: a pagination line, then a ranked menu of topics and a video box.
        let story = "Bridge Vote Passes After Long Debate\nBy Jane Doe\nMarch 2, 2024\n".to_owned()
            + &story(8)
            + "What the vote means:\nA new bridge and a toll for trucks\n";
        let menu = "1 | 2 | 3\nNext Page >\nTop 12 News Topics\n1.\nSkin Cancer\n2.\nSnoring\n3.\nAutism\nVideo: Now Playing\n";
        let text = format!("{story}{menu}{}", TEASER_ITEM.repeat(2));
        let (verdicts, at) = cut_at_marker(&text);
        assert_eq!(at, Some(13), "{verdicts:?}");
        // The story's own short lines above the marker (headline, byline, date, its list).
        assert!(verdicts[..13].iter().all(|v| *v == Verdict::Keep));
        assert!(
            verdicts[13..].iter().all(|v| *v == Verdict::Drop),
            "{verdicts:?}"
        );
    }

    #[test]
    fn item_lists_and_a_headline_listed_again_under_a_marker_stay() {
        let text = format!(
            "Bridge Vote Passes\n{}Share this article\nLatest posts\nBridge Vote Passes\n+ Council minutes\n{}",
            story(8),
            TEASER_ITEM.repeat(3)
        );
        let lines = split(&text);
        let mut verdicts = vec![Verdict::Keep; lines.len()];
        let mut items = vec![false; lines.len()];
        items[12] = true;
        assert_eq!(
            cut_at_story_end_marker(&lines, &items, &mut verdicts),
            Some(9)
        );
        assert_eq!(verdicts[10], Verdict::Drop, "a box's heading goes");
        assert_eq!(
            verdicts[11],
            Verdict::Keep,
            "the headline listed again stays"
        );
        assert_eq!(verdicts[12], Verdict::Keep, "the page's item list stays");
        assert_eq!(verdicts[13], Verdict::Drop);
    }

    #[test]
    fn a_story_end_heading_under_the_last_paragraph_ends_the_story() {
        let text = format!(
            "{}Abigail Williams contributed.\nRelated articles\n{}",
            story(8),
            TEASER_ITEM.repeat(3)
        );
        let (verdicts, at) = cut_at_marker(&text);
        assert_eq!(at, Some(9), "{verdicts:?}");
        assert_eq!(
            verdicts[8],
            Verdict::Keep,
            "the line above the marker stays"
        );
        assert_eq!(verdicts[11], Verdict::Drop);
    }

    #[test]
    fn a_share_prompt_under_the_lead_does_not_end_the_story() {
        let text = format!("{}Share this article\n{}", story(2), TEASER_ITEM.repeat(6));
        assert_eq!(cut_at_marker(&text).1, None);
    }

    #[test]
    fn paragraphs_in_a_row_below_a_marker_are_the_story_going_on() {
        let text = format!("{}Share this article\n{}", story(8), story(3));
        assert_eq!(cut_at_marker(&text).1, None);
    }

    #[test]
    fn a_marker_below_a_list_of_the_story_s_own_is_no_end() {
        let text = format!(
            "{}Sources\nCouncil minutes\nBridge survey\nFlood report\nShare this article\n{}",
            story(8),
            TEASER_ITEM.repeat(3)
        );
        assert_eq!(cut_at_marker(&text).1, None);
    }

    #[test]
    fn a_share_prompt_under_every_post_and_a_read_more_link_end_nothing() {
        let posts = format!("{}Share\n{TEASER_ITEM}Share\n{TEASER_ITEM}", story(8));
        assert_eq!(cut_at_marker(&posts).1, None);
        let teaser = format!("{}Read more\n{}", story(8), TEASER_ITEM.repeat(3));
        assert_eq!(cut_at_marker(&teaser).1, None);
    }

    #[test]
    fn pagination_and_sign_offs_under_the_story_end_it() {
        for marker in [
            "1 | 2 | 3",
            "Next Page >",
            "« Vorige | Nächste »",
            "责任编辑：崔宁宁",
        ] {
            let text = format!("{}{marker}\n{}", story(8), TEASER_ITEM.repeat(3));
            assert_eq!(cut_at_marker(&text).1, Some(8), "{marker}");
        }
    }

    #[test]
    fn pagination_ends_the_story_with_less_prose_above_it() {
        let teasers = TEASER_ITEM.repeat(9);
        let text = format!("{}« Vorige | Nächste »\n{teasers}", story(8));
        assert_eq!(cut_at_marker(&text).1, Some(8));
        let text = format!("{}Share this article\n{teasers}", story(8));
        assert_eq!(cut_at_marker(&text).1, None);
    }

    #[test]
    fn pagination_lines() {
        for yes in [
            "1 | 2 | 3",
            "Next Page >",
            "« Vorige | Nächste »",
            "Page 2",
            "上一页 下一页",
        ] {
            assert!(is_pagination(yes), "{yes}");
        }
        // A carousel's button, a table's row, a date, a line of code's numbers.
        for no in [
            "Next",
            "Previous",
            "2, 3, 5, 2, 3, 12",
            "11.04.2020 22:26",
            "1 2 3 4 5 6 7",
            "3 | 2 | 1",
            "Next steps for the council",
        ] {
            assert!(!is_pagination(no), "{no}");
        }
        assert!(is_sign_off("（责任编辑：王强）"));
        assert!(!is_sign_off("编辑部的故事"));
    }

    #[test]
    fn a_short_note_s_last_paragraph_below_a_share_prompt_stays() {
        let text = format!("{}Share this article\n{TEASER}\n", story(3));
        assert_eq!(cut_at_marker(&text).1, None);
    }

    fn cut_at_form(text: &str) -> (Vec<Verdict>, Option<usize>) {
        let lines = split(text);
        let mut verdicts = vec![Verdict::Keep; lines.len()];
        let items = vec![false; lines.len()];
        let at = cut_at_sign_up_form(&lines, &items, &mut verdicts);
        (verdicts, at)
    }

    /// A newsletter sign-up form: a pitch, a field, a consent line, a button.
    const SIGN_UP: &str = "Get Breaking News alerts to your inbox\nEmail Address *\nBy clicking \"Submit,\" you agree to the Privacy Policy and Terms of Use.\nSubmit\n";

    #[test]
    fn a_sign_up_form_under_the_story_ends_it() {
        // The teasers' summaries under the form hold the page's prose share under a half.
        let text = format!(
            "{}See also\n{SIGN_UP}Around The Web\n{}",
            story(8),
            TEASER_ITEM.repeat(12)
        );
        let (verdicts, at) = cut_at_form(&text);
        assert_eq!(at, Some(9), "{verdicts:?}");
        assert!(verdicts[..9].iter().all(|v| *v == Verdict::Keep));
        assert!(
            verdicts[9..].iter().all(|v| *v == Verdict::Drop),
            "short lines too"
        );
        // The story's headline listed again under the form stays.
        let text = format!(
            "Bridge Vote Passes\n{}{SIGN_UP}Latest posts\nBridge Vote Passes\n{}",
            story(8),
            TEASER_ITEM.repeat(12)
        );
        let (verdicts, at) = cut_at_form(&text);
        assert_eq!(at, Some(9), "{verdicts:?}");
        assert_eq!(verdicts[14], Verdict::Keep);
        assert_eq!(verdicts[13], Verdict::Drop);
    }

    #[test]
    fn a_contact_form_under_the_story_ends_it_from_its_heading() {
        let form = "Get a Free Consultation\nFull Name\nEmail Address*\nPhone Number*\nYour Message\nSubmit\n";
        let text = format!("{}{form}{}", story(8), TEASER_ITEM.repeat(3));
        let (verdicts, at) = cut_at_form(&text);
        assert_eq!(at, Some(8), "{verdicts:?}");
        assert!(verdicts[..8].iter().all(|v| *v == Verdict::Keep));
        assert!(verdicts[8..].iter().all(|v| *v == Verdict::Drop));
    }

    #[test]
    fn a_table_of_places_and_a_form_inside_the_story_stay() {
        // "City" / "State" / "Country" columns ask for no address.
        let table = "City\nState\nCountry\nDenver\nColorado\nUSA\n";
        let text = format!("{}{table}{}", story(8), TEASER_ITEM.repeat(3));
        assert_eq!(cut_at_form(&text).1, None);
        // A form the story goes on under (paragraphs in a row below it).
        let form = "Name\nEmail\nMessage\n";
        let text = format!("{}{form}{}", story(8), story(6));
        assert_eq!(cut_at_form(&text).1, None);
    }

    #[test]
    fn a_pitch_with_a_button_only_ends_the_story_without_paragraphs_below() {
        let pitch = "Subscribe to our newsletter\nSubscribe\n";
        let text = format!("{}{pitch}{}", story(8), TEASER_ITEM.repeat(3));
        assert_eq!(cut_at_form(&text).1, Some(8));
        // A story that goes on under the box: paragraphs in a row (0.25 of those above).
        let text = format!("{}{pitch}Support\n{}", story(8), story(2));
        assert_eq!(cut_at_form(&text).1, None);
    }

    #[test]
    fn a_sign_up_box_inside_the_story_a_pitch_alone_and_a_faq_stay() {
        // Mid-story: more of the story below the form.
        let text = format!("{}{SIGN_UP}{}", story(8), story(8));
        assert_eq!(cut_at_form(&text).1, None);
        // A pitch without a form.
        let text = format!(
            "{}Sign up for our newsletter\nMore stories\n{}",
            story(8),
            TEASER_ITEM.repeat(3)
        );
        assert_eq!(cut_at_form(&text).1, None);
        // An FAQ's question naming the newsletter, a paid plan's button under it.
        let text = format!(
            "{}Who writes the newsletter?\nOur editors.\nSubscribe\n{}",
            story(8),
            TEASER_ITEM.repeat(3)
        );
        assert_eq!(cut_at_form(&text).1, None);
        // A listing's teasers around a form: no story (paragraphs in a row) above it.
        let text = format!(
            "{}{SIGN_UP}{}",
            TEASER_ITEM.repeat(8),
            TEASER_ITEM.repeat(2)
        );
        assert_eq!(cut_at_form(&text).1, None);
    }

    #[test]
    fn sign_up_form_lines() {
        for (text, what) in [
            ("Email Address *", Some(FormLine::Field)),
            ("Enter your email:", Some(FormLine::Field)),
            ("Unsubscribe at any time.", Some(FormLine::Field)),
            ("Subscribe →", Some(FormLine::Button)),
            ("SIGN UP!", Some(FormLine::Button)),
            ("Email the council before the vote", None),
            ("Go to the council's page", None),
        ] {
            assert_eq!(sign_up_form_line(&Line::new(text)), what, "{text}");
        }
        assert!(is_sign_up_pitch(&Line::new("Sign Up for our Newsletter")));
        assert!(is_sign_up_pitch(&Line::new(
            "Get TMZ Breaking News alerts to YOUR INBOX"
        )));
        assert!(!is_sign_up_pitch(&Line::new("Subscribe")));
        let paragraph =
            Line::new("The council sent every household a newsletter about the bridge vote.");
        assert!(!is_sign_up_pitch(&paragraph));
    }

    #[test]
    fn a_real_story_s_lines_stay() {
        // An interview's questions in short lines, a quote, a last paragraph: no marker.
        let text =
            "The mayor spoke to us on Tuesday about the bridge that was closed after the flood.\n\
            Why now?\n\
            Because the river has risen every spring for ten years and the old piers are cracked.\n\
            And the cost?\n\
            We will borrow what we need, and the state has promised to pay for half of it.\n\
            Share your thoughts with the council before the vote next month, she said.\n";
        let (verdicts, at) = cut_at_marker(text);
        assert_eq!(at, None);
        assert!(verdicts.iter().all(|v| *v == Verdict::Keep));
        assert_eq!(cut_at_form(text).1, None);
    }
}
