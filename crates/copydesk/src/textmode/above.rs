//! The site's furniture above the story's headline.
//!
//! A news page reads, top to bottom: the site's furniture — menus, section names, a
//! mega-menu's one-sentence blurbs ("Second Opinion: Read expert perspectives on popular
//! health topics."), a newsletter pitch, teaser titles — then the story's head (headline,
//! standfirst, byline, date) and the story. The head is found from its byline or date line:
//! the first one on the page ("By Brenda Goodman, MA", "Feb 23, 2015", "Published: 3 March
//! 2019"), not already dropped, with paragraphs in a row a few lines below it. Its headline
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
//! Left alone: a page whose story head has no byline or date line (nothing marks where the
//! story starts), a region above the headline with paragraphs in a row or a long paragraph
//! (a story's first part, a forum's first post, a product description), with dates (a
//! listing, a thread), or with few short lines (a tagline, a cookie notice), and the page's
//! item lists.

use super::dates::parse_date;
use super::head;
use super::lines::{paragraphs_in_a_row, Line};
use super::Verdict;
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
    if line.is_blank() || line.is_prose() || line.words > MAX_BYLINE_LINE_WORDS {
        return false;
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
fn reads_as_furniture(above: &[Line<'_>]) -> bool {
    above.iter().filter(|l| !l.is_blank()).all(|line| {
        if line.is_prose() {
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
    // a later one is a card of a listing, a post of a thread, a comment.
    let Some(anchor) = (0..n).find(|&i| {
        verdicts[i] != Verdict::Drop
            && is_byline_or_date(&lines[i])
            && story_follows(lines, &running, i)
    }) else {
        return;
    };
    let top = headline_over(lines, anchor).filter(|&top| {
        let above = before[top];
        let story = total.running - above.running;
        story >= MIN_STORY_WORDS
            && above.short >= MIN_SHORT_LINES
            && above.running as f64 <= story as f64 * MAX_RUNNING_PROSE_SHARE
            && above.prose as f64 <= story as f64 * MAX_PROSE_ABOVE_SHARE
            && reads_as_furniture(&lines[..top])
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
}
