//! The site's furniture above the story's headline.
//!
//! A news page reads, top to bottom: the site's furniture — menus, section names, a
//! mega-menu's one-sentence blurbs ("Second Opinion: Read expert perspectives on popular
//! health topics."), a newsletter pitch, teaser titles — then the story's head (headline,
//! standfirst, byline, date) and the story. The head is found from its byline or date line:
//! the first one on the page ("By Brenda Goodman, MA", "Feb 23, 2015", "Published: 3 March
//! 2019"; one a menu rule already dropped with the share bar beside it too), with
//! paragraphs in a row a few lines below it. Its headline
//! is the headline-sized line a few lines above it; a kicker right above the headline
//! ("Guest essay") is the story's too. What lies above is the site's when it reads like
//! furniture, and then every line still kept there goes:
//! - many short lines (section names, links);
//! - prose only one line at a time between them (a blurb under a section name): few words
//!   of paragraphs in a row, and no paragraph longer than a blurb;
//! - no dated line (a listing's cards and a thread's posts each show a date; menus don't);
//! - less prose than the story's paragraphs below the headline.
//!
//! The menu rules of [`super::filter`] need a phrase-table line in a run of short lines, and
//! [`super::span::drop_menu_above_head`] needs a wall with little prose above it: a
//! mega-menu with blurbs between its section names has neither.
//!
//! The template's own paragraphs above the head count for nothing in these tests: a consent
//! dialog ("We use cookies and similar technologies …", "By clicking “accept” below, you
//! … grant your consent", and a paragraph standing between two such), a notice of
//! [`super::notices`] ("NYTimes.com no longer supports Internet Explorer 9"), an ad
//! server's parameters left as text ("campaign: abtest_bar1_pricing_inyt_1116 -- 284918,
//! creative: …"). They are neither a blurb nor a story's first part, and they go with the
//! furniture. A date stamp written as a phrase ("posted on April 21, 2015, at 11:29 a.m.")
//! is the head's date line though it ends like a sentence.
//!
//! Left alone: a page whose story head has no byline or date line (nothing marks where the
//! story starts), a region above the headline with paragraphs in a row or a long paragraph
//! (a story's first part, a forum's first post, a product description), with dates (a
//! listing, a thread), or with few short lines (a tagline, a cookie notice), and the page's
//! item lists.

use super::dates::parse_date;
use super::head;
use super::lines::{paragraphs_in_a_row, Line};
use super::notices::is_notice;
use super::Verdict;
use crate::metadata::dates::{find_dates, DayOrder};
use crate::rules::above::{
    CONSENT_DIALOG_WORDINGS, DATE_STAMP_OPENERS, MAX_DIALOG_LINE_BYTES, MIN_IDENTIFIERS,
};
use crate::rules::phrases::Field;

/// The byline or date line of the story's head has a paragraph of the story within this many
/// lines below it (standfirst, caption, the author's bio line, a share bar between).
const MAX_HEAD_LINES: usize = 12;
/// The headline stands within this many lines above the byline or date line (the author's
/// name, a standfirst or a "Follow" button between them).
const MAX_HEADLINE_TO_BYLINE: usize = 3;
/// A byline or date line has at most this many words ("posted on April 21, 2015, at 11:29
/// a.m."); a longer line is a sentence that mentions a date.
const MAX_BYLINE_LINE_WORDS: usize = 12;
/// Furniture has at least this many short lines (section names, links): fewer are a
/// tagline, a kicker or a breadcrumb, too little to call a menu.
const MIN_SHORT_LINES: usize = 10;
/// Prose lines in a row above the headline: at most this many words of them per word of
/// the story's paragraphs in a row below it (a mega-menu's blurbs sometimes stand two or
/// three in a row; a story's first part or a thread's earlier posts run longer).
const MAX_RUNNING_PROSE_SHARE: f64 = 0.15;
/// All prose above the headline: at most as many words as the story's paragraphs in a row
/// below it (more is a page whose main text stands above this head).
const MAX_PROSE_ABOVE_SHARE: f64 = 1.0;
/// No prose line above the headline holds more than this many words: a blurb is one
/// sentence; a forum post, a product description or a story's summary runs longer.
const MAX_BLURB_WORDS: usize = 40;
/// The story below the headline holds at least this many words of paragraphs in a row.
const MIN_STORY_WORDS: usize = 100;

/// Whether a line is a byline or date line of a story's head: "By Jane Doe", "Published:
/// 3 March 2019", "Feb 23, 2015", "posted on April 21, 2015, at 11:29 a.m.".
fn is_byline_or_date(line: &Line<'_>) -> bool {
    if line.is_blank() || line.words > MAX_BYLINE_LINE_WORDS {
        return false;
    }
    if line.is_prose() {
        // Only a date stamp written as a phrase ends like a sentence and is still the date
        // line ("… at 11:29 a.m.").
        return is_date_stamp(line);
    }
    if line
        .label
        .is_some_and(|l| matches!(l.field, Field::Date | Field::Author))
    {
        return true;
    }
    head::byline(line.text).is_some()
        || (line.text.bytes().any(|b| b.is_ascii_digit())
            && (parse_date(line.text).and_then(|d| d.iso()).is_some() || head::shows_date(line)))
}

/// Whether a line is a date stamp written as a phrase: a [`DATE_STAMP_OPENERS`] opener and a
/// date ("posted on April 21, 2015, at 11:29 a.m."; "Updated daily" shows none).
fn is_date_stamp(line: &Line<'_>) -> bool {
    let head = line
        .text
        .get(..16)
        .unwrap_or(line.text)
        .to_ascii_lowercase();
    DATE_STAMP_OPENERS.iter().any(|o| head.starts_with(o))
        && line.text.bytes().any(|b| b.is_ascii_digit())
        && !find_dates(line.text, DayOrder::DayFirst, 1).is_empty()
}

/// Whether a prose line is a consent dialog's paragraph ([`CONSENT_DIALOG_WORDINGS`]) or a
/// template notice ([`is_notice`]).
fn is_dialog(line: &Line<'_>) -> bool {
    if !line.is_prose() || line.text.len() > MAX_DIALOG_LINE_BYTES {
        return false;
    }
    let lower = line.text.to_ascii_lowercase();
    CONSENT_DIALOG_WORDINGS.iter().any(|w| lower.contains(w)) || is_notice(line.text)
}

/// Whether a prose line is an ad server's or a script's parameters: at least
/// [`MIN_IDENTIFIERS`] words joined by underscores ("abtest_bar1_pricing_inyt_1116").
fn is_machine_residue(line: &Line<'_>) -> bool {
    line.is_prose()
        && line
            .text
            .split_whitespace()
            .filter(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                w.contains('_') && w.split('_').all(|part| !part.is_empty())
            })
            .take(MIN_IDENTIFIERS)
            .count()
            >= MIN_IDENTIFIERS
}

/// For every line of `above`, whether it is the template's own paragraph (see the module
/// doc): a consent dialog's or a notice ([`is_dialog`]), a paragraph with such a one the
/// nearest line above and below it (a dialog's middle paragraph), or machine residue.
fn template_paragraphs(above: &[Line<'_>]) -> Vec<bool> {
    let mut flags: Vec<bool> = above.iter().map(is_dialog).collect();
    let non_blank: Vec<usize> = (0..above.len()).filter(|&i| !above[i].is_blank()).collect();
    // Consecutive non-blank triples (a, b, c): b is the dialog's when a and c are.
    for w in non_blank.windows(3) {
        let (a, b, c) = (w[0], w[1], w[2]);
        if flags[a] && flags[c] && above[b].is_prose() {
            flags[b] = true;
        }
    }
    for (flag, line) in flags.iter_mut().zip(above) {
        *flag = *flag || is_machine_residue(line);
    }
    flags
}

/// Counts over `lines[..i]` for every `i`: short lines, prose words, running prose words.
#[derive(Clone, Copy, Default)]
struct Counts {
    short: usize,
    prose: usize,
    running: usize,
}

/// The headline over the byline or date line at `anchor`: the farthest headline-sized line
/// within [`MAX_HEADLINE_TO_BYLINE`] lines above it (a headline over its standfirst, or
/// over "von tennisnet.com", is the higher of the two).
fn headline_over(lines: &[Line<'_>], anchor: usize) -> Option<usize> {
    (0..anchor)
        .rev()
        .filter(|&j| !lines[j].is_blank())
        .take(MAX_HEADLINE_TO_BYLINE)
        .filter(|&j| head::is_title_line(lines, j) && !is_byline_or_date(&lines[j]))
        .last()
}

/// Whether a paragraph of prose stands within [`MAX_HEAD_LINES`] lines below `anchor`.
fn story_follows(lines: &[Line<'_>], running: &[bool], anchor: usize) -> bool {
    (anchor + 1..lines.len())
        .filter(|&j| !lines[j].is_blank())
        .take(MAX_HEAD_LINES)
        .any(|j| running[j])
}

/// Whether the lines above the headline read as furniture, not as a listing or a thread: no
/// paragraph longer than a blurb ([`MAX_BLURB_WORDS`]) and no dated line (a listing's cards
/// and a thread's posts each show a date; a menu does not).
fn reads_as_furniture(above: &[Line<'_>], template: &[bool]) -> bool {
    above.iter().zip(template).all(|(line, &template)| {
        if line.is_blank() || template {
            true
        } else if line.is_prose() {
            line.words <= MAX_BLURB_WORDS
        } else {
            !head::shows_date(line)
        }
    })
}

/// Drops the lines still kept above the story's headline when they read like the site's
/// furniture (see the module doc); `items` (the page's own item lists) stay.
pub fn drop_furniture_above_headline(lines: &[Line<'_>], items: &[bool], verdicts: &mut [Verdict]) {
    let n = lines.len().min(verdicts.len());
    let lines = &lines[..n];
    let running = paragraphs_in_a_row(lines, |_| true);
    let mut before = Vec::with_capacity(n + 1);
    let mut c = Counts::default();
    for (line, &run) in lines.iter().zip(&running) {
        before.push(c);
        c.short += usize::from(line.is_short());
        if line.is_prose() {
            c.prose += line.words;
            c.running += if run { line.words } else { 0 };
        }
    }
    let total = c;
    // The first byline or date line with a story right below it marks the story's head;
    // a later one is a card of a listing, a post of a thread, a comment. One a menu rule
    // already dropped (with the share bar beside it) marks it all the same.
    let Some(anchor) =
        // The cheap test first: most lines have no story below them.
        (0..n).find(|&i| story_follows(lines, &running, i) && is_byline_or_date(&lines[i]))
    else {
        return;
    };
    let top = headline_over(lines, anchor).filter(|&top| {
        let mut above = before[top];
        let story = total.running - above.running;
        // The template's own paragraphs count neither as blurbs nor as a story's part.
        let template = template_paragraphs(&lines[..top]);
        for ((line, &run), _) in lines[..top]
            .iter()
            .zip(&running)
            .zip(&template)
            .filter(|(_, &t)| t)
        {
            above.prose = above.prose.saturating_sub(line.words);
            above.running = above
                .running
                .saturating_sub(if run { line.words } else { 0 });
        }
        story >= MIN_STORY_WORDS
            && above.short >= MIN_SHORT_LINES
            && above.running as f64 <= story as f64 * MAX_RUNNING_PROSE_SHARE
            && above.prose as f64 <= story as f64 * MAX_PROSE_ABOVE_SHARE
            && reads_as_furniture(&lines[..top], &template)
    });
    let Some(mut top) = top else {
        return;
    };
    // A kicker over the headline ("Guest essay", "Deal Professor"), or the headline itself
    // over a standfirst read as the headline, is the story's.
    if let Some(k) = (0..top).rev().find(|&j| !lines[j].is_blank()) {
        if verdicts[k] == Verdict::Keep && lines[k].kind.is_none() && head::fits_title(&lines[k]) {
            top = k;
        }
    }
    for i in 0..top {
        if verdicts[i] == Verdict::Keep
            && !lines[i].is_blank()
            && !items.get(i).copied().unwrap_or(false)
        {
            verdicts[i] = Verdict::Drop;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines::split;
    use super::*;

    const P: &str =
        "The council voted on Tuesday to rebuild the bridge that was closed after the flood.";
    const HEAD: &str = "Bridge Vote Passes After Long Debate\nBy Jane Doe\n";

    /// A mega-menu: section names with a one-sentence blurb under some of them.
    fn mega_menu() -> String {
        let mut menu = String::new();
        for i in 0..8 {
            menu.push_str(&format!("Section {i}\nTopic {i}\nTools {i}\n"));
            menu.push_str("Second Opinion: read what our experts think about the week's topics.\n");
        }
        menu
    }

    fn story(paragraphs: usize) -> String {
        format!("{P}\n").repeat(paragraphs)
    }

    fn run(text: &str) -> Vec<Verdict> {
        let lines = split(text);
        let mut v = vec![Verdict::Keep; lines.len()];
        drop_furniture_above_headline(&lines, &vec![false; lines.len()], &mut v);
        v
    }

    #[test]
    fn a_mega_menu_with_blurbs_above_the_headline_goes() {
        let menu = mega_menu();
        let text = format!("{menu}{HEAD}{}", story(8));
        let v = run(&text);
        let menu_lines = menu.lines().count();
        assert!(v[..menu_lines].iter().all(|&x| x == Verdict::Drop), "{v:?}");
        assert!(v[menu_lines..].iter().all(|&x| x == Verdict::Keep), "{v:?}");
    }

    #[test]
    fn a_kicker_over_the_headline_stays() {
        let menu = mega_menu();
        let text = format!("{menu}Guest Essay\n{HEAD}{}", story(8));
        let v = run(&text);
        let menu_lines = menu.lines().count();
        assert_eq!(v[menu_lines - 1], Verdict::Drop);
        assert!(v[menu_lines..].iter().all(|&x| x == Verdict::Keep), "{v:?}");
    }

    #[test]
    fn a_story_s_first_part_above_a_dated_head_stays() {
        // A real story: a lead in paragraphs in a row, then a dated section head and more.
        let menu: String = (0..25).map(|i| format!("Section {i}\n")).collect();
        let lead = "The river rose two metres overnight and reached the old town by dawn, officials said.\n\
                    Residents were told to leave their homes before noon as the water kept rising fast.\n\
                    The mayor said the council would meet again on Friday to decide on the bridge.\n";
        let text = format!("{menu}{lead}{HEAD}{}", story(8));
        assert!(run(&text).iter().all(|&x| x == Verdict::Keep));
    }

    #[test]
    fn a_listing_or_a_thread_with_dates_above_stays() {
        // Each card or post above shows a date: the page is a listing, its cards its content.
        let mut cards = String::new();
        for i in 0..10 {
            cards.push_str(&format!(
                "Card {i}\nPlace {i}\nMarch {} 2019\nOffer\n",
                i + 1
            ));
        }
        let text = format!("{cards}{HEAD}{}", story(8));
        assert!(run(&text).iter().all(|&x| x == Verdict::Keep));
    }

    #[test]
    fn without_a_byline_or_date_line_or_a_menu_nothing_goes() {
        let menu = mega_menu();
        let text = format!("{menu}Bridge Vote Passes After Long Debate\n{}", story(8));
        assert!(run(&text).iter().all(|&x| x == Verdict::Keep));
        // Few short lines above the head: a tagline and a breadcrumb, no menu.
        let text = format!(
            "The best local news since 1950, read by every household in the valley.\nHome\nNews\n{HEAD}{}",
            story(8)
        );
        assert!(run(&text).iter().all(|&x| x == Verdict::Keep));
        assert!(run("").iter().all(|&x| x == Verdict::Keep));
    }

    #[test]
    fn the_page_s_item_lists_and_a_long_paragraph_above_stay() {
        let menu = mega_menu();
        let text = format!("{menu}{HEAD}{}", story(8));
        let lines = split(&text);
        let mut v = vec![Verdict::Keep; lines.len()];
        let items: Vec<bool> = (0..lines.len()).map(|i| i < 3).collect();
        drop_furniture_above_headline(&lines, &items, &mut v);
        assert!(v[..3].iter().all(|&x| x == Verdict::Keep), "{v:?}");
        assert_eq!(v[3], Verdict::Drop);
        // A product description (a paragraph longer than a blurb) above: not furniture.
        let long = format!("{} {}", P, P);
        let text = format!("{menu}{long}\n{HEAD}{}", story(8));
        assert!(run(&text).iter().all(|&x| x == Verdict::Keep));
    }
    #[test]
    fn a_consent_dialog_above_the_menu_goes_with_it() {
        // A consent dialog's three paragraphs (the middle one holds no dialog wording) over
        // a mega-menu: longer than any blurb, yet the template's, not the story's.
        let dialog = "The Example Company would like to process and share personal data about your use of our site with our partners, using cookies and similar automatic collection tools, in order to personalize content and offers on our site or on other sites.\n\
                      The Example Company is based in and operates this site from the United States, and any data you provide will be stored and processed there under the laws that apply to it.\n\
                      By clicking \u{201c}accept\u{201d} below, you acknowledge and grant your consent for these activities unless and until you withdraw it.\n";
        let menu = mega_menu();
        let text = format!("{dialog}{menu}{HEAD}{}", story(8));
        let v = run(&text);
        let above = 3 + menu.lines().count();
        assert!(v[..above].iter().all(|&x| x == Verdict::Drop), "{v:?}");
        assert!(v[above..].iter().all(|&x| x == Verdict::Keep), "{v:?}");
    }

    #[test]
    fn an_ad_server_s_parameters_above_the_menu_go_with_it() {
        let params = "campaign: abtest_bar1_pricing_inyt_1116 -- 284918, creative: abtest_pricing_inyt_1116_bar1_ad -- 415335, page: www.example.com/yr/mo/day/world/story.html, targetedPage: www.example.com/yr/mo/day/world, position: Bar1 and more words to make it long enough";
        let menu = mega_menu();
        let text = format!("{params}\n{menu}{HEAD}{}", story(8));
        let v = run(&text);
        let above = 1 + menu.lines().count();
        assert!(v[..above].iter().all(|&x| x == Verdict::Drop), "{v:?}");
        assert!(v[above..].iter().all(|&x| x == Verdict::Keep), "{v:?}");
    }

    #[test]
    fn a_date_stamp_written_as_a_phrase_marks_the_head() {
        let menu = mega_menu();
        let head =
            "Bridge Vote Passes After Long Debate\nposted on April 21, 2015, at 11:29 a.m.\n";
        let text = format!("{menu}{head}{}", story(8));
        let v = run(&text);
        let menu_lines = menu.lines().count();
        assert!(v[..menu_lines].iter().all(|&x| x == Verdict::Drop), "{v:?}");
        assert!(v[menu_lines..].iter().all(|&x| x == Verdict::Keep), "{v:?}");
        assert!(is_date_stamp(&Line::new("Published on 3 March 2019.")));
        assert!(!is_date_stamp(&Line::new(
            "Posted on the town hall's door by the mayor."
        )));
        assert!(!is_date_stamp(&Line::new(
            "The council met on April 21, 2015, at noon."
        )));
    }

    #[test]
    fn a_story_s_paragraphs_are_no_template_paragraphs() {
        // A story's lead above a dated section head, with one identifier and one cookie
        // mention in passing (not a dialog's wording): it stays, as without them.
        let menu: String = (0..25).map(|i| format!("Section {i}\n")).collect();
        let lead = "The council's new file, budget_2019, shows the bridge costs twice what was planned last spring.\n\
                    Residents were told to leave their homes before noon as the water kept rising fast.\n\
                    The bakery on the corner handed out cookies to the volunteers all through the night.\n";
        let text = format!("{menu}{lead}{HEAD}{}", story(8));
        assert!(run(&text).iter().all(|&x| x == Verdict::Keep));
        let lines = split(lead.trim_end());
        assert_eq!(template_paragraphs(&lines), vec![false, false, false]);
    }
    #[test]
    fn a_byline_the_menu_rule_dropped_still_marks_the_head() {
        let teasers: String = (0..12)
            .map(|i| format!("Council Approves the New Budget for District {i} at Last\n"))
            .collect();
        let menu: String = (0..11)
            .map(|i| format!("Section {i}\n"))
            .chain(std::iter::once("Contact us\n".to_owned()))
            .collect();
        let head = "Bridge Vote Passes After Long Debate\nBy Jane Doe March 3, 2019\n";
        let text = format!("{teasers}{menu}{head}{}", story(8));
        let lines = split(&text);
        let (headline, byline) = (24, 25);
        // The menu rule took the menu and the byline beside it; the headline stays kept.
        let mut v: Vec<Verdict> = (0..lines.len())
            .map(|i| {
                if (12..headline).contains(&i) || i == byline {
                    Verdict::Drop
                } else {
                    Verdict::Keep
                }
            })
            .collect();
        drop_furniture_above_headline(&lines, &vec![false; lines.len()], &mut v);
        assert!(v[..headline].iter().all(|&x| x == Verdict::Drop), "{v:?}");
        assert_eq!(v[headline], Verdict::Keep, "the headline stays");
        assert!(v[byline + 1..].iter().all(|&x| x == Verdict::Keep), "{v:?}");
    }
}
