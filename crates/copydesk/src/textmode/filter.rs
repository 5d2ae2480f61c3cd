//! Which lines of the story region are boilerplate: phrase-table lines anywhere, the comment
//! section (from its opening line to the end), "related" lists, bare field labels, and the
//! short residue below the story's last paragraph, menus around the main prose — and, last,
//! the page's own item lists (a marked list, a product grid) that none of these may drop.
//!
//! Everything here leans to keeping: a line is dropped for a named reason a page author would
//! recognise, never for merely being short in the middle of the story.

use std::collections::{HashMap, HashSet};

use super::lines::Line;
use super::{is_story_paragraph, Verdict};
use crate::cards::shows_price;
use crate::metadata::dates::{find_dates, DayOrder};
use crate::rules::phrases::{self, Kind};
use crate::rules::tables::is_cell_word;

/// Line indices the story region spans.
#[derive(Debug, Clone, Copy)]
pub struct Region {
    /// First prose line (the story starts here).
    pub first_prose: usize,
    /// Last prose line before the comment section.
    pub last_prose: usize,
    /// Whether the short lines below the last prose line are a list that is the page's
    /// content ([`lists_around_story`]) rather than footer residue.
    pub keep_short_tail: bool,
}

/// Marks boilerplate below the head. Returns the index where the comment section opens.
pub fn apply(lines: &[Line<'_>], region: Region, verdicts: &mut [Verdict]) -> Option<usize> {
    let n = lines.len().min(verdicts.len());
    let comments = comment_section_start(lines, region.first_prose);
    let story_end = comments.unwrap_or(n);
    let repeated = repeated_wordings(lines, Kind::Related);
    let mut in_related = false;
    for i in region.first_prose.min(n)..story_end {
        let line = &lines[i];
        if line.is_blank() || verdicts[i] != Verdict::Keep {
            continue;
        }
        if line.is_prose() {
            in_related = false;
            continue;
        }
        if let Some(kind) = line.kind {
            verdicts[i] = Verdict::Drop;
            // A "Read more" under every teaser, a "Most popular" badge on every row: a
            // wording repeated down the page marks items, it heads no list of its own; nor
            // does a link ("Read more", "Lesen Sie auch") that stands inside stories too.
            in_related = kind == Kind::Related
                && !repeated.contains(line.text)
                && phrases::is_story_end_heading(line.text);
            continue;
        }
        if in_related && !line.sentence {
            // The teaser titles of a "related" list run until the story's prose resumes.
            verdicts[i] = Verdict::Drop;
            continue;
        }
        if let Some(label) = line.label {
            if label.value.is_empty() || i > region.last_prose {
                verdicts[i] = Verdict::Meta;
                continue;
            }
        }
        if i > region.last_prose && line.is_short() && !region.keep_short_tail {
            verdicts[i] = Verdict::Drop;
        }
    }
    // Phrase lines in the head were left for here: they are dropped too.
    for i in 0..region.first_prose.min(n) {
        if lines[i].kind.is_some() && verdicts[i] == Verdict::Keep {
            verdicts[i] = Verdict::Drop;
        }
    }
    for v in verdicts.iter_mut().take(n).skip(story_end) {
        *v = Verdict::Comment;
    }
    comments
}

/// The texts of the lines of `kind` that occur more than once.
fn repeated_wordings<'a>(lines: &[Line<'a>], kind: Kind) -> HashSet<&'a str> {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for line in lines.iter().filter(|l| l.kind == Some(kind)) {
        *count.entry(line.text).or_default() += 1;
    }
    count
        .into_iter()
        .filter(|&(_, c)| c > 1)
        .map(|(t, _)| t)
        .collect()
}

/// Short lines above (or below) the story's prose that carry this many times its words are
/// the page's content — a list with a paragraph introducing it, a catalogue, an index — not
/// the menus around a story.
const LIST_WORDS_PER_PROSE_WORD: usize = 4;

/// Which of the runs of short lines around the story's prose are its content.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListsAroundStory {
    /// The short lines above the first prose line.
    pub above: bool,
    /// The short lines below the last prose line.
    pub below: bool,
}

/// Tells the page's list apart from menu residue around the story: where the short lines
/// (no phrase, no label) above or below the region outweigh its prose
/// `LIST_WORDS_PER_PROSE_WORD` times, they are what the page is about.
pub fn lists_around_story(lines: &[Line<'_>], region: Region) -> ListsAroundStory {
    let prose: usize = lines.iter().filter(|l| l.is_prose()).map(|l| l.words).sum();
    let short_words = |range: &[Line<'_>]| -> usize {
        range
            .iter()
            .filter(|l| l.is_short() && l.kind.is_none() && l.label.is_none())
            .map(|l| l.words)
            .sum()
    };
    let above = lines.get(..region.first_prose).map_or(0, short_words);
    let below = lines
        .get(region.last_prose.saturating_add(1)..)
        .map_or(0, short_words);
    let outweighs = |words: usize| words > prose.saturating_mul(LIST_WORDS_PER_PROSE_WORD);
    ListsAroundStory {
        above: outweighs(above),
        below: outweighs(below),
    }
}

/// A story-end heading ends the story only with at least this share of the text's prose (in
/// words) above it: a "Most read" box beside the lead is not where the story ends.
const MIN_PROSE_SHARE_ABOVE_STORY_END: f64 = 0.7;
/// The share for the heading of a paid or promoted-content box ("Sponsored links", "by
/// Taboola", [`phrases::is_promoted_heading`]): never the story's own, it often stands above
/// the comment thread and the site's teasers, whose prose would hold the share under 0.7.
const MIN_PROSE_SHARE_ABOVE_PROMOTED_BOX: f64 = 0.5;
/// A story-end heading is a short line.
const MAX_STORY_END_HEADING_WORDS: usize = 8;
/// A box inside the story holds a few teaser titles: the story resumes within this many
/// lines under its heading …
const MAX_INLINE_BOX_LINES: usize = 6;
/// … in two paragraphs in a row of at least this many words together (teaser summaries
/// stand one at a time between titles, and are short).
const MIN_RESUMED_STORY_WORDS: usize = 100;

/// Ends the story at the first heading of what a page puts below it ("Related articles",
/// "About the author", [`phrases::is_story_end_heading`]) that stands below most of the
/// prose: every line kept from there on is dropped (the comment section stays as marked).
/// Returns where the story ended.
///
/// Two such headings end nothing: a box inside the story, whose few teaser titles the
/// story's paragraphs resume under ([`story_resumes_below`]; the titles still go with the
/// filter's "related" run), and a label repeated per item that ends in a colon ("Minimum:"
/// / "Recommended:" over each platform's system requirements, [`colon_labels`]).
pub fn end_story_at_heading(
    lines: &[Line<'_>],
    first_prose: usize,
    verdicts: &mut [Verdict],
) -> Option<usize> {
    let story_prose = |i: usize, l: &Line<'_>| is_story_paragraph(l, verdicts.get(i));
    let total: usize = lines
        .iter()
        .enumerate()
        .filter(|&(i, l)| story_prose(i, l))
        .map(|(_, l)| l.words)
        .sum();
    let needed = |share: f64| total as f64 * share;
    let mut above = 0usize;
    let mut end = None;
    // The lines ending in a colon and how often each stands, counted once when needed.
    let mut labels: Option<HashMap<&str, usize>> = None;
    for (i, line) in lines.iter().enumerate() {
        if line.is_prose() {
            if story_prose(i, line) {
                above += line.words;
            }
            continue;
        }
        if i <= first_prose
            || line.is_blank()
            || line.words > MAX_STORY_END_HEADING_WORDS
            || (above as f64) < needed(MIN_PROSE_SHARE_ABOVE_PROMOTED_BOX)
        {
            continue;
        }
        let ends = if (above as f64) >= needed(MIN_PROSE_SHARE_ABOVE_STORY_END) {
            phrases::is_story_end_heading(line.text)
        } else {
            phrases::is_promoted_heading(line.text)
        };
        let mut repeated_label = || {
            let labels = labels.get_or_insert_with(|| colon_labels(lines));
            labels.get(line.text).is_some_and(|&n| n > 1)
        };
        if ends && !story_resumes_below(lines, i, verdicts) && !repeated_label() {
            end = Some(i);
            break;
        }
    }
    let end = end?;
    for v in verdicts.iter_mut().skip(end) {
        if *v == Verdict::Keep {
            *v = Verdict::Drop;
        }
    }
    Some(end)
}

/// Whether the story goes on right under the heading at `at`: within `MAX_INLINE_BOX_LINES`
/// lines under it, the first paragraph (not the comment section's) and the line after it
/// are both paragraphs, with `MIN_RESUMED_STORY_WORDS` words together — a "Related
/// articles" box of three titles set between two of the story's paragraphs.
fn story_resumes_below(lines: &[Line<'_>], at: usize, verdicts: &[Verdict]) -> bool {
    let paragraph = |j: usize| is_story_paragraph(&lines[j], verdicts.get(j));
    let Some(first) = (at + 1..lines.len())
        .filter(|&j| !lines[j].is_blank())
        .take(MAX_INLINE_BOX_LINES)
        .find(|&j| paragraph(j))
    else {
        return false;
    };
    let next = (first + 1..lines.len()).find(|&j| !lines[j].is_blank());
    next.is_some_and(|n| {
        paragraph(first)
            && paragraph(n)
            && lines[first].words + lines[n].words >= MIN_RESUMED_STORY_WORDS
    })
}

/// The lines ending in a colon and how often each stands on the page: a heading among them
/// said more than once is a label of each item of a list ("Recommended:" over every
/// platform's requirements), not the heading of a box of teasers.
fn colon_labels<'a>(lines: &[Line<'a>]) -> HashMap<&'a str, usize> {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for line in lines.iter().filter(|l| l.text.ends_with([':', '：'])) {
        *count.entry(line.text).or_default() += 1;
    }
    count
}

/// A run of at least this many lines led by the same list mark is a list …
const MIN_MARKED_ITEMS: usize = 3;
/// A run of short lines showing at least this many prices is a listing of offers …
const MIN_PRICED_LINES: usize = 3;
/// … when at least one line in this many shows one (a name, a price, a badge: a card).
const MAX_LINES_PER_PRICE: usize = 4;
/// A price shown on a card sits on a short line ("$149.95", "VIP Price $111.55").
const MAX_PRICE_LINE_WORDS: usize = 8;
/// A run of short lines holding at least this many bare cells ("Yes", "No", "N/A") is a
/// table: a row or two of a comparison table, a spec sheet's handful of features …
const MIN_TABLE_CELLS: usize = 5;
/// … when at least one line in this many is one (a spec sheet's label / value rows hold
/// a "Yes" or "No" every other row or so; a menu with a "No" in it does not).
const MAX_LINES_PER_CELL: usize = 5;

/// The lines that belong to a list of the page's own items, which no rule for menus or
/// residue drops: a run of lines led by the same list mark ("+ Added banners") with a line
/// of prose among them (a changelog, a list of steps: one list, kept or dropped whole), a
/// run of short lines showing prices (a shop's product grid: names, prices, badges), and
/// a table set one cell a line ([`tables`]).
pub fn item_lists(lines: &[Line<'_>]) -> Vec<bool> {
    item_lists_with_tables(lines, &tables(lines))
}

/// [`item_lists`] with the page's [`tables`] already found (the pipeline needs them twice:
/// among the item lists, and on their own after the cuts).
pub fn item_lists_with_tables(lines: &[Line<'_>], tables: &[bool]) -> Vec<bool> {
    let mut items = vec![false; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        let Some(mark) = lines[i].list_mark() else {
            i += 1;
            continue;
        };
        let start = i;
        let (mut count, mut prose) = (0, false);
        while i < lines.len() && (lines[i].is_blank() || lines[i].list_mark() == Some(mark)) {
            count += usize::from(!lines[i].is_blank());
            prose |= lines[i].is_prose();
            i += 1;
        }
        if count >= MIN_MARKED_ITEMS && prose {
            items[start..i].fill(true);
        }
    }
    let shows_a_price =
        |line: &Line<'_>| line.words <= MAX_PRICE_LINE_WORDS && shows_price(line.text);
    mark_listings(
        lines,
        shows_a_price,
        MIN_PRICED_LINES,
        MAX_LINES_PER_PRICE,
        &mut items,
    );
    for (item, &cell) in items.iter_mut().zip(tables) {
        *item |= cell;
    }
    items
}

/// The lines of the page's tables set one cell a line: a run of short lines (no prose)
/// where bare cells ("Yes", "No", "N/A", [`is_cell_word`]) recur — `MIN_TABLE_CELLS` of them,
/// one line in `MAX_LINES_PER_CELL` — from one row above the first cell to one below the
/// last (a row's length: the mean distance between cells). A comparison table's "Yes" under
/// every plan, a spec sheet's "Wireless" / "Yes": no menu entry says "Yes".
pub fn tables(lines: &[Line<'_>]) -> Vec<bool> {
    let mut table = vec![false; lines.len()];
    let is_cell = |line: &Line<'_>| is_cell_word(line.text);
    mark_listings(
        lines,
        is_cell,
        MIN_TABLE_CELLS,
        MAX_LINES_PER_CELL,
        &mut table,
    );
    table
}

/// Marks in `out` the listing ([`listing_span`]) of every run of lines without prose whose
/// lines `marks` (a price on a card, a table's bare cell) recur: `min` of them, one line in
/// `per`.
fn mark_listings(
    lines: &[Line<'_>],
    marks: impl Fn(&Line<'_>) -> bool,
    min: usize,
    per: usize,
    out: &mut [bool],
) {
    let mut i = 0;
    while i < lines.len() {
        if lines[i].is_blank() || lines[i].is_prose() {
            i += 1;
            continue;
        }
        // The run's non-blank lines, and which of them (by position) are marked.
        let mut run = Vec::new();
        let mut marked = Vec::new();
        while i < lines.len() && !lines[i].is_prose() {
            if !lines[i].is_blank() {
                if marks(&lines[i]) {
                    marked.push(run.len());
                }
                run.push(i);
            }
            i += 1;
        }
        if let Some(span) = listing_span(&marked, run.len(), min, per) {
            if let (Some(&from), Some(&to)) = (run.get(span.start), run.get(span.end - 1)) {
                if let Some(lines_out) = out.get_mut(from..=to) {
                    lines_out.fill(true);
                }
            }
        }
    }
}

/// The listing within a run of `len` short lines whose lines at `marked` show a price (or
/// hold a table cell): from one card's (row's) length — the mean distance between the marked
/// lines — above the first to one below the last — the menus around the grid stay out —
/// when there are `min` marked lines and one line in `per` of the span is one.
fn listing_span(
    marked: &[usize],
    len: usize,
    min: usize,
    per: usize,
) -> Option<std::ops::Range<usize>> {
    let (&first, &last) = (marked.first()?, marked.last()?);
    if marked.len() < min.max(2) {
        return None;
    }
    let card = (last - first) / (marked.len() - 1);
    let span = first.saturating_sub(card)..(last + card + 1).min(len);
    (marked.len() * per >= span.len()).then_some(span)
}

/// Gives back the lines of the page's item lists ([`item_lists`]) that a rule for menus or
/// residue dropped — not a phrase-table line ("Add to cart"), nor anything below the story's
/// end (`story_end`: a story-end heading, [`end_story_at_heading`]).
pub fn keep_item_lists(
    lines: &[Line<'_>],
    items: &[bool],
    story_end: Option<usize>,
    verdicts: &mut [Verdict],
) {
    let end = story_end.unwrap_or(lines.len());
    for ((line, &item), v) in lines.iter().zip(items).zip(verdicts.iter_mut()).take(end) {
        if item && *v == Verdict::Drop && line.kind.is_none() {
            *v = Verdict::Keep;
        }
    }
}

/// A run of at least this many short or phrase lines (a menu, a
/// link list) holding at least one phrase-table line can start the tail …
const MIN_MENU_RUN: usize = 6;
/// … when less than this share of the text's prose (in words) lies beyond it.
const MAX_PROSE_SHARE_BEYOND_MENU: f64 = 0.2;
/// Above the story the run must be longer and the prose above it scarcer: the lines between a
/// standfirst and the first paragraph (a byline, a caption, share buttons) are often short.
const MIN_HEAD_MENU_RUN: usize = 10;
/// The prose share above a head menu run.
const MAX_PROSE_SHARE_ABOVE_HEAD_MENU: f64 = 0.1;

/// The default mode's reading of [`narrow_to_main_prose`]: above and below the main run of
/// prose, a menu — a run of at least `MIN_MENU_RUN` short lines holding a phrase-table line
/// ("Contact us", "Share") — goes, while every line of prose around it stays, and so does
/// a list that is the page's content ([`lists_around_story`]).
pub fn drop_menus_outside(
    lines: &[Line<'_>],
    main: Region,
    lists: ListsAroundStory,
    verdicts: &mut [Verdict],
) {
    let mut footer_start = None;
    // The line heading the first paragraph stays, as in the head ([`head::read`]).
    let heading = lines
        .iter()
        .position(Line::is_prose)
        .and_then(|first| super::head::heading_of_first_paragraph(lines, first));
    for (start, end, count, phrases) in menu_runs(lines) {
        let above = end <= main.first_prose && !lists.above;
        let below = start > main.last_prose && !lists.below;
        if count < MIN_MENU_RUN || phrases == 0 || !(above || below) {
            continue;
        }
        if below && footer_start.is_none() {
            footer_start = Some(start);
        }
        for (i, (line, v)) in lines[start..end]
            .iter()
            .zip(&mut verdicts[start..end])
            .enumerate()
        {
            if *v == Verdict::Keep && line.is_short() && heading != Some(start + i) {
                *v = Verdict::Drop;
            }
        }
    }
    // Below the first such menu under the story, the headline-sized lines are teaser titles
    // and archive entries: only prose and sentences stay there.
    let Some(footer_start) = footer_start else {
        return;
    };
    for (line, v) in lines.iter().zip(verdicts.iter_mut()).skip(footer_start) {
        if *v == Verdict::Keep && !line.is_prose() && !line.sentence {
            *v = Verdict::Drop;
        }
    }
}

/// Runs of short or phrase-table lines (blank lines inside a run belong to it): start, end
/// (exclusive), non-blank lines, phrase-table lines.
fn menu_runs(lines: &[Line<'_>]) -> Vec<(usize, usize, usize, usize)> {
    let menu_like = |l: &Line<'_>| l.is_short() || l.kind.is_some();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].is_blank() || !menu_like(&lines[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let (mut count, mut phrases) = (0, 0);
        while i < lines.len() && (lines[i].is_blank() || menu_like(&lines[i])) {
            count += usize::from(!lines[i].is_blank());
            // A button label ("Add to cart") sits in a product grid as often as in a menu.
            phrases += usize::from(lines[i].kind.is_some_and(|k| k != Kind::Control));
            i += 1;
        }
        runs.push((start, i, count, phrases));
    }
    runs
}

/// Narrows the story region to the main run of prose (read by [`drop_menus_outside`]): a page's
/// tagline above the menus or an "about us" paragraph below the footer links no longer
/// stretch the region, so the menus between them count as head or tail residue.
pub fn narrow_to_main_prose(lines: &[Line<'_>], region: Region) -> Region {
    let prose_words: Vec<usize> = lines
        .iter()
        .map(|l| if l.is_prose() { l.words } else { 0 })
        .collect();
    let total: usize = prose_words.iter().sum();
    let runs: Vec<_> = menu_runs(lines)
        .into_iter()
        .filter(|&(_, _, count, _)| count >= MIN_MENU_RUN)
        .collect();
    let share = |words: usize| words as f64 / total.max(1) as f64;
    let mut narrowed = region;
    let mut before = 0usize;
    let mut at = 0usize;
    for &(start, end, count, _) in &runs {
        before += prose_words[at..start].iter().sum::<usize>();
        at = start;
        if share(before) >= MAX_PROSE_SHARE_ABOVE_HEAD_MENU {
            break;
        }
        if count < MIN_HEAD_MENU_RUN {
            continue;
        }
        if let Some(next) = (end..=region.last_prose).find(|&k| prose_words[k] > 0) {
            narrowed.first_prose = narrowed.first_prose.max(next);
        }
    }
    let mut after = 0usize;
    let mut at = lines.len();
    for &(start, end, _, phrases) in runs.iter().rev() {
        after += prose_words[end..at].iter().sum::<usize>();
        at = end;
        if share(after) >= MAX_PROSE_SHARE_BEYOND_MENU {
            break;
        }
        if phrases == 0 {
            // A table or a list of the story's own (no "Contact us", no "Share") goes on.
            continue;
        }
        if let Some(prev) = (narrowed.first_prose..start)
            .rev()
            .find(|&k| prose_words[k] > 0)
        {
            narrowed.last_prose = narrowed.last_prose.min(prev);
        }
    }
    narrowed
}

/// A comment section opens only below this share of the text's prose (in words): a
/// "31 comments" link under the headline is not where the comments begin.
const MIN_PROSE_SHARE_BEFORE_COMMENTS: f64 = 0.3;

/// Below a bare "Comments" line lies at most this much prose per word of
/// the story above it when it opens the comment section: where it would put most of the text
/// below it, it is a table column, a sidebar link or a counter above a gallery, and the text
/// below is the page's. A worded opener ("Leave a Reply") needs no such check.
const MAX_COMMENT_PROSE_PER_STORY_PROSE: f64 = 0.5;
/// An opener of at most this many words is bare.
const BARE_OPENER_WORDS: usize = 1;

/// The line that opens the comment section ("Add new comment", "12 Comments", "Leave a
/// Reply"): a comment-section line below the story's first paragraph, with at least
/// `MIN_PROSE_SHARE_BEFORE_COMMENTS` of the prose above it (a bare one also not too much
/// below it, `MAX_COMMENT_PROSE_PER_STORY_PROSE`), whose wording appears only once (a control
/// repeated under every post, like "Add a comment", or a counter with another count under
/// the next post, opens nothing: the posts are the page's content).
pub fn comment_section_start(lines: &[Line<'_>], first_prose: usize) -> Option<usize> {
    let prose_words = |l: &Line<'_>| if l.is_prose() { l.words } else { 0 };
    let total: usize = lines.iter().map(prose_words).sum();
    let mut text_count: HashMap<&str, usize> = HashMap::new();
    let mut counts_by_wording: HashMap<String, HashSet<String>> = HashMap::new();
    for line in lines
        .iter()
        .filter(|l| l.kind == Some(Kind::CommentSection))
    {
        *text_count.entry(line.text).or_default() += 1;
        let count: String = line.text.chars().filter(char::is_ascii_digit).collect();
        if !count.is_empty() {
            counts_by_wording
                .entry(wording(line.text))
                .or_default()
                .insert(count);
        }
    }
    // "6 Comments" under one answer and "9 Comments" under the next: per-post counters.
    let per_post_counter = |text: &str| {
        counts_by_wording
            .get(&wording(text))
            .is_some_and(|counts| counts.len() > 1)
    };
    let mut before = 0usize;
    for (i, line) in lines.iter().enumerate() {
        if i > first_prose
            && line.kind == Some(Kind::CommentSection)
            && before as f64 >= total as f64 * MIN_PROSE_SHARE_BEFORE_COMMENTS
            && text_count.get(line.text) == Some(&1)
            && !per_post_counter(line.text)
            && !links_from_story_head(lines, i)
            && (line.words > BARE_OPENER_WORDS
                || (total - before) as f64 <= before as f64 * MAX_COMMENT_PROSE_PER_STORY_PROSE)
        {
            return Some(i);
        }
        before += prose_words(line);
    }
    None
}

/// A byline block under a headline holds at most this many lines ("NATALIYA VASILYEVA",
/// "Associated Press December 2, 2016").
const MAX_BYLINE_LINES: usize = 3;
/// The story right below a counter: this many words of prose before any comment signature
/// (a line with a date or a time: "Ben 19. Juni 2018 um 15:28 Uhr") or comment form.
const MIN_STORY_WORDS_BELOW_COUNTER: usize = 120;
/// The story starts within this many lines below the counter (a gallery's "1 / 5", a
/// caption).
const MAX_LINES_COUNTER_TO_STORY: usize = 4;

/// Between two of the story's paragraphs there stands at most this many other lines.
const MAX_LINES_BETWEEN_STORY_PARAGRAPHS: usize = 1;

/// Whether the comment line at `at` is a counter ("11 Comments") in the head of a story —
/// among the byline and date lines under its headline, with the story right below it — a
/// link to the comments, not their heading. A thread's count heading is followed by the
/// first comment's signature, a sort control or the form, not by paragraphs of prose.
fn links_from_story_head(lines: &[Line<'_>], at: usize) -> bool {
    let is_counter = lines[at].text.chars().any(|c| c.is_ascii_digit());
    let non_blank = |range: &mut dyn Iterator<Item = usize>| -> Vec<usize> {
        range.filter(|&j| !lines[j].is_blank()).collect()
    };
    let above = non_blank(&mut (0..at).rev());
    // The headline, then one to `MAX_BYLINE_LINES` lines (no prose) down to the counter.
    let under_headline = above
        .iter()
        .take(MAX_BYLINE_LINES + 1)
        .take_while(|&&j| !lines[j].is_prose())
        .skip(1)
        .any(|&j| lines[j].kind.is_none() && super::head::is_headline(&lines[j]));
    if !is_counter || !under_headline {
        return false;
    }
    // The story: paragraphs of prose one after another (a caption or a "More" link between
    // two of them at most), no comment signature or form among them.
    let (mut story_words, mut since_prose) = (0, 0);
    for j in non_blank(&mut (at + 1..lines.len())) {
        let line = &lines[j];
        if line.is_prose() {
            story_words += line.words;
            if story_words >= MIN_STORY_WORDS_BELOW_COUNTER {
                return true;
            }
            since_prose = 0;
            continue;
        }
        since_prose += 1;
        let limit = if story_words == 0 {
            MAX_LINES_COUNTER_TO_STORY
        } else {
            MAX_LINES_BETWEEN_STORY_PARAGRAPHS
        };
        let signature_or_form =
            line.kind.is_some_and(|k| k != Kind::Navigation) || shows_date_or_time(line.text);
        if signature_or_form || since_prose > limit {
            return false;
        }
    }
    false
}

/// Whether a line shows a date ("19. Juni 2018", "March 10, 2017") or a time of day
/// ("12:20 AM") — the signature over a comment.
fn shows_date_or_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    let time = bytes
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit());
    time || !find_dates(text, DayOrder::DayFirst, 1).is_empty()
}

/// A comment line's wording without its count and decoration ("6 Comments" → "comments").
fn wording(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphabetic() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::lines::split;
    use super::*;

    /// The region a page with no head gives: from the first line to the last prose line.
    fn whole_text_region(lines: &[Line<'_>]) -> Region {
        Region {
            first_prose: 0,
            last_prose: lines.iter().rposition(Line::is_prose).unwrap_or(0),
            keep_short_tail: false,
        }
    }

    /// The main run of prose of such a page, as the menu rule finds it.
    fn main_prose(lines: &[Line<'_>]) -> Region {
        narrow_to_main_prose(lines, whole_text_region(lines))
    }

    fn verdicts(text: &str) -> Vec<(String, Verdict)> {
        let lines = split(text);
        let first = lines.iter().position(Line::is_prose).unwrap_or(0);
        let last = lines.iter().rposition(Line::is_prose).unwrap_or(0);
        let mut v = vec![Verdict::Keep; lines.len()];
        apply(
            &lines,
            Region {
                first_prose: first,
                last_prose: last,
                keep_short_tail: false,
            },
            &mut v,
        );
        lines.iter().map(|l| l.text.to_owned()).zip(v).collect()
    }

    #[test]
    fn comment_section_runs_to_the_end() {
        let v = verdicts("The council voted on Tuesday to rebuild the bridge that was closed.\nShort line kept\nThe work starts in spring and will take two years, the mayor said.\n3 Comments\nI think this is a very good idea and I hope they finish it on time.\nReply");
        assert_eq!(v[1].1, Verdict::Keep);
        assert_eq!(v[2].1, Verdict::Keep);
        assert!(v[3..].iter().all(|(_, x)| *x == Verdict::Comment));
    }

    #[test]
    fn comment_counters_and_per_post_controls_open_no_section() {
        let story = "The council voted on Tuesday to rebuild the bridge that was closed.";
        let text = format!("{story}\n31 comments\n{story}\n{story}\n{story}\nAdd a comment\nA reply that is long enough to be a paragraph of prose here.\nAdd a comment");
        let v = verdicts(&text);
        assert!(v.iter().all(|(_, x)| *x != Verdict::Comment), "{v:?}");
        assert_eq!(v[1].1, Verdict::Drop);
    }

    #[test]
    fn a_bare_comments_line_above_most_of_the_text_opens_nothing() {
        let p = "The council voted on Tuesday to rebuild the bridge that was closed.";
        let text = format!("{p}\n{p}\nComments\n{p}\n{p}\n{p}\n");
        let lines = split(&text);
        assert_eq!(comment_section_start(&lines, 0), None);
        let text = format!("{p}\n{p}\n{p}\nComments\n{p}\n");
        let lines = split(&text);
        assert_eq!(comment_section_start(&lines, 0), Some(3));
        let text = format!("{p}\n{p}\nLeave a Reply\n{p}\n{p}\n{p}\n");
        let lines = split(&text);
        assert_eq!(comment_section_start(&lines, 0), Some(2));
        // A counter under every answer of a Q&A page opens nothing either.
        let text = format!("{p}\n{p}\n{p}\n6 Comments\n{p}\n9 Comments\n");
        let lines = split(&text);
        assert_eq!(comment_section_start(&lines, 0), None);
    }

    #[test]
    fn a_counter_under_a_headline_and_above_the_story_opens_nothing() {
        let teaser = "A reader's guide to the town's bridges, with a map and twelve photographs of them, and a walk along the river.";
        let p = "The council voted on Tuesday to rebuild the bridge that has been closed since the flood of last winter, and work starts in spring.";
        let head = "Council Votes to Rebuild the Old Bridge\nJANE DOE\nTidewater News, 3 March 2019\n11 Comments";
        let story = format!("{p}\n").repeat(6);
        let text = format!("{teaser}\n{teaser}\n{teaser}\n{head}\n{story}");
        let lines = split(&text);
        assert_eq!(comment_section_start(&lines, 0), None);
        // Followed by the first comment's signature, the counter heads the thread.
        let text =
            format!("{teaser}\n{teaser}\n{teaser}\n{head}\nBen 19 June 2018 at 15:28\n{story}");
        let lines = split(&text);
        assert_eq!(comment_section_start(&lines, 0), Some(6));
        // So it does right under the story's last paragraph, with no headline above it.
        let text = format!("{story}11 Comments\n{story}");
        let lines = split(&text);
        assert_eq!(comment_section_start(&lines, 0), Some(6));
    }

    #[test]
    fn related_lists_and_footer_residue() {
        let v = verdicts("The council voted on Tuesday to rebuild the bridge that was closed.\nRelated articles\nBridge closed after flood\nMayor under pressure\nThe work starts in spring and will take two years, the mayor said.\nAbout us\nContact the newsroom\nFecha:\n© 2019 Example Media");
        let kept: Vec<&str> = v
            .iter()
            .filter(|(_, x)| *x == Verdict::Keep)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(
            kept,
            vec![
                "The council voted on Tuesday to rebuild the bridge that was closed.",
                "The work starts in spring and will take two years, the mayor said."
            ]
        );
    }

    #[test]
    fn precision_narrows_to_the_main_prose() {
        let menu = "Home\nNews\nSport\nCulture\nVideo\nWeather\n";
        let head_menu = format!("{menu}Travel\nFood\nOpinion\nPodcasts\n");
        let story = "The council voted on Tuesday to rebuild the bridge that was closed.\n";
        let text = format!("The best local news since 1950, every day of the week.\n{head_menu}{}{menu}We are a small newsroom funded by our readers, thank you.\n", story.repeat(8));
        let lines = split(&text);
        let narrowed = main_prose(&lines);
        assert_eq!((narrowed.first_prose, narrowed.last_prose), (11, 18));
        // A table of the story's own below it (no menu phrase in it) does not end the story.
        let table = "Team\nPoints\nReds\n12\nBlues\n9\nGreens\n4\n";
        let text = format!("{}{table}The league resumes in March.\n", story.repeat(8));
        let lines = split(&text);
        let region = whole_text_region(&lines);
        assert_eq!(
            narrow_to_main_prose(&lines, region).last_prose,
            region.last_prose
        );
    }

    #[test]
    fn a_long_list_below_its_introduction_is_content() {
        let intro = "These are the languages the course covers, in the order of the lessons.";
        let list: String = (0..40).map(|i| format!("Language number {i}\n")).collect();
        let text = format!("{intro}\n{list}");
        let lines = split(&text);
        let region = whole_text_region(&lines);
        let lists = lists_around_story(&lines, region);
        assert_eq!(
            lists,
            ListsAroundStory {
                above: false,
                below: true
            }
        );
        // A footer menu under a story of some length is residue.
        let story = format!("{intro}\n").repeat(5);
        let text = format!("{story}About us\nContact\nCareers\nPress\n");
        let lines = split(&text);
        let region = whole_text_region(&lines);
        assert!(!lists_around_story(&lines, region).below);
    }

    #[test]
    fn story_ends_at_a_heading_below_most_of_its_prose() {
        let p = "The council voted on Tuesday to rebuild the bridge that was closed.";
        let text = format!("{p}\nRelated articles\n{p}\n{p}\n{p}\nRelated articles\nBridge closed after the flood, and what the town did next: a long teaser.\nAbout the author\n");
        let lines = split(&text);
        let mut v = vec![Verdict::Keep; lines.len()];
        end_story_at_heading(&lines, 0, &mut v);
        // The first heading stands above most of the prose: the story goes on below it.
        assert!(v[..5].iter().all(|&x| x == Verdict::Keep), "{v:?}");
        assert!(v[5..].iter().all(|&x| x == Verdict::Drop), "{v:?}");
    }

    #[test]
    fn a_related_box_inside_the_story_ends_nothing() {
        let p = "The council voted on Tuesday to rebuild the bridge that was closed after the flood of last winter, and the work on it starts in spring, the mayor said at the meeting.";
        let box_ = "Related articles\nBridge closed after the flood\nMayor under pressure over roads\nWhat the new budget means for you\n";
        let story = format!("{p}\n").repeat(12);
        let resumed = format!("{p} {p}\n{p} {p}\n");
        // The story resumes under the box's three titles: it goes on.
        let text = format!("{story}{box_}{resumed}");
        let lines = split(&text);
        let mut v = vec![Verdict::Keep; lines.len()];
        assert_eq!(end_story_at_heading(&lines, 0, &mut v), None);
        assert!(v.iter().all(|&x| x == Verdict::Keep), "{v:?}");
        // Teaser summaries under the box, one at a time between titles: the story ended.
        let teaser = "A reader's guide to the town's bridges, with a map and photographs.";
        let text = format!("{story}{box_}{teaser}\nAnother title\n{teaser}\n");
        let lines = split(&text);
        let mut v = vec![Verdict::Keep; lines.len()];
        assert_eq!(end_story_at_heading(&lines, 0, &mut v), Some(12));
        assert!(v[12..].iter().all(|&x| x == Verdict::Drop), "{v:?}");
        // Nor does the comment section's prose resume the story.
        let text = format!("{story}{box_}{resumed}");
        let lines = split(&text);
        let mut v = vec![Verdict::Keep; lines.len()];
        v[16..].fill(Verdict::Comment);
        assert_eq!(end_story_at_heading(&lines, 0, &mut v), Some(12));
    }

    #[test]
    fn a_label_repeated_per_item_ends_nothing() {
        let p =
            "The game runs on most computers sold in the last five years, the studio said today.";
        let specs = "OS: Windows 10 64-bit\nProcessor: Intel Core i5\nMemory: 8 GB RAM\n";
        let story = format!("{p}\n").repeat(8);
        let text = format!(
            "{story}Minimum:\n{specs}Recommended:\n{specs}Minimum:\n{specs}Recommended:\n{specs}"
        );
        let lines = split(&text);
        let mut v = vec![Verdict::Keep; lines.len()];
        assert_eq!(end_story_at_heading(&lines, 0, &mut v), None);
        // Said once, the same heading heads a box and ends the story.
        let text = format!("{story}Recommended:\nBridge closed after the flood\n");
        let lines = split(&text);
        let mut v = vec![Verdict::Keep; lines.len()];
        assert_eq!(end_story_at_heading(&lines, 0, &mut v), Some(8));
    }

    #[test]
    fn the_comment_sections_prose_is_not_the_storys() {
        let p = "The council voted on Tuesday to rebuild the bridge that was closed.";
        let c =
            "I drove over that bridge every day for twenty years and never once felt unsafe on it.";
        let text = format!("{p}\n{p}\nRelated stories\nA teaser\n{c}\n{c}\n{c}\n");
        let lines = split(&text);
        // Read as the story's, the readers' three paragraphs hold the heading under 70 %.
        let mut v = vec![Verdict::Keep; lines.len()];
        end_story_at_heading(&lines, 0, &mut v);
        assert!(v.iter().all(|&x| x == Verdict::Keep), "{v:?}");
        // Marked as the comment section, they count for nothing: the story ends there.
        let mut v = vec![Verdict::Keep; lines.len()];
        v[4..].fill(Verdict::Comment);
        end_story_at_heading(&lines, 0, &mut v);
        assert_eq!(&v[..2], &[Verdict::Keep; 2]);
        assert_eq!(&v[2..4], &[Verdict::Drop; 2]);
        assert!(v[4..].iter().all(|&x| x == Verdict::Comment), "{v:?}");
    }

    #[test]
    fn a_promoted_box_ends_the_story_with_less_prose_above_it() {
        let p = "The council voted on Tuesday to rebuild the bridge that was closed.";
        let teaser =
            "A reader's guide to the town's bridges, with a map and twelve photographs of them.";
        let run = |heading: &str| {
            let text = format!("{p}\n{p}\n{p}\n{heading}\n{teaser}\n{teaser}\n");
            let lines = split(&text);
            let mut v = vec![Verdict::Keep; lines.len()];
            end_story_at_heading(&lines, 0, &mut v);
            v
        };
        // Three paragraphs of five above the heading: too few for "Most read" …
        assert!(run("Most read").iter().all(|&x| x == Verdict::Keep));
        // … enough for an ad network's box, and its teasers go with it.
        let v = run("Sponsored Links Sponsored Links");
        assert!(v[..3].iter().all(|&x| x == Verdict::Keep), "{v:?}");
        assert!(v[3..].iter().all(|&x| x == Verdict::Drop), "{v:?}");
        // Under half the prose, not even that: a sponsored box beside the lead.
        let text = format!("{p}\nby Taboola\n{teaser}\n{teaser}\n{teaser}\n");
        let lines = split(&text);
        let mut v = vec![Verdict::Keep; lines.len()];
        end_story_at_heading(&lines, 0, &mut v);
        assert!(v.iter().all(|&x| x == Verdict::Keep), "{v:?}");
    }

    #[test]
    fn menus_below_the_main_prose_go_and_prose_stays() {
        let p = "The council voted on Tuesday to rebuild the bridge that was closed.\n";
        let footer = "About us\nContact us\nCareers\nPrivacy Policy\nTerms of Use\nNewsletters\n";
        let text = format!(
            "{}{footer}Bridge Builders of the Decade, Ranked by Their Readers - 3 May 2019\nA teaser that runs long enough to be read as a paragraph of prose here.\n",
            p.repeat(8)
        );
        let lines = split(&text);
        let main = main_prose(&lines);
        let mut v = vec![Verdict::Keep; lines.len()];
        drop_menus_outside(&lines, main, ListsAroundStory::default(), &mut v);
        assert!(v[..8].iter().all(|&x| x == Verdict::Keep), "{v:?}");
        assert!(v[8..15].iter().all(|&x| x == Verdict::Drop), "{v:?}");
        assert_eq!(v[15], Verdict::Keep, "prose below the footer stays");
        // A table of the story's own below it holds no menu phrase: it stays.
        let table = "Team\nPoints\nReds\n12\nBlues\n9\nGreens\n4\n";
        let text = format!("{}{table}", p.repeat(8));
        let lines = split(&text);
        let mut v = vec![Verdict::Keep; lines.len()];
        let main = main_prose(&lines);
        drop_menus_outside(&lines, main, ListsAroundStory::default(), &mut v);
        assert!(v.iter().all(|&x| x == Verdict::Keep), "{v:?}");
    }

    #[test]
    fn the_line_heading_the_first_paragraph_survives_the_menu_above_it() {
        let p = "The council voted on Tuesday to rebuild the bridge that was closed.\n";
        let menu = "Home\nWorld\nSport\nCulture\nShare\nTweet\nEmail\nMore\nSave\nArchive\n";
        let text = format!("{menu}Photo\n{}", p.repeat(8));
        let lines = split(&text);
        let main = main_prose(&lines);
        let mut v = vec![Verdict::Keep; lines.len()];
        drop_menus_outside(&lines, main, ListsAroundStory::default(), &mut v);
        assert!(v[..10].iter().all(|&x| x == Verdict::Drop), "{v:?}");
        assert!(v[10..].iter().all(|&x| x == Verdict::Keep), "{v:?}");
    }

    #[test]
    fn a_link_or_a_repeated_related_line_opens_no_teaser_run() {
        let p = "The council voted on Tuesday to rebuild the bridge that was closed.";
        // "Most popular" on every row of a table inside the story: a badge, not a heading.
        let text = format!("{p}\nMost popular\nRiver Movers Inc\n4.5 rating\nMost popular\nBridge Haulage Ltd\n4.1 rating\n{p}");
        let v = verdicts(&text);
        let dropped: Vec<&str> = v
            .iter()
            .filter(|(_, x)| *x == Verdict::Drop)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(dropped, ["Most popular", "Most popular"]);
        // A "Read more" link ends a teaser; the line below it is the story's.
        let v = verdicts(&format!("{p}\nRead more\nThe vote in numbers\n{p}"));
        assert_eq!(v[1].1, Verdict::Drop);
        assert_eq!(v[2].1, Verdict::Keep);
        // A heading met once opens a run of teaser titles.
        let v = verdicts(&format!("{p}\nMost popular\nThe vote in numbers\n{p}"));
        assert_eq!(v[2].1, Verdict::Drop);
    }

    #[test]
    fn a_marked_list_with_prose_in_it_is_one_list() {
        let text = "+ Added slime blocks\n+ Doors and fences now come in every kind of wood the world grows, from oak to acacia\n+ Added banners\n\n+ Added rabbits\nAbout us\n- Contact\n- Careers\n- Press\n";
        let lines = split(text);
        let items = item_lists(&lines);
        assert!(items[..5].iter().all(|&x| x), "{items:?}");
        // A marked menu with no prose among its entries is no list of the page's own.
        assert!(items[5..].iter().all(|&x| !x), "{items:?}");
        let mut v = vec![Verdict::Drop; lines.len()];
        keep_item_lists(&lines, &items, None, &mut v);
        assert_eq!(v[2], Verdict::Keep);
        assert_eq!(v[6], Verdict::Drop);
    }

    #[test]
    fn a_run_of_short_lines_showing_prices_is_a_listing() {
        let grid = "Trail Shoe 6\n$123.95\nVIP Price $111.55\nRoad Shoe 2\n$164.95\nAdd to cart\nHill Shoe\n$149.95\n";
        let story = "Our trail shoes are made for long days on rough ground, in every weather.";
        let text = format!("Home\nShoes\n{grid}{story}\nAbout us\nCareers\n");
        let lines = split(&text);
        let items = item_lists(&lines);
        // From a card's length above the first price to the last price: the menu above
        // ("Home", a card's length up) and the footer below stay out.
        assert!(items[1..10].iter().all(|&x| x), "{items:?}");
        assert!(!items[0] && items[10..].iter().all(|&x| !x), "{items:?}");
        let mut v = vec![Verdict::Drop; lines.len()];
        keep_item_lists(&lines, &items, Some(4), &mut v);
        // Lines below the story's end stay dropped, and so do phrase lines ("Add to cart").
        assert_eq!(
            v[..4],
            [Verdict::Drop, Verdict::Keep, Verdict::Keep, Verdict::Keep]
        );
        assert!(v[4..].iter().all(|&x| x == Verdict::Drop), "{v:?}");
        let mut v = vec![Verdict::Drop; lines.len()];
        keep_item_lists(&lines, &items, None, &mut v);
        assert_eq!(v[7], Verdict::Drop);
        // Prices spread thinly through a long menu make no listing.
        let menu: String = (0..12).map(|i| format!("Department {i}\n")).collect();
        let text = format!(
            "{menu}Gift cards from $25\n{menu}Shipping $4.95\n{menu}Deals from $9\n{story}"
        );
        let lines = split(&text);
        assert!(item_lists(&lines).iter().all(|&x| !x));
        // Two prices in a footer make no listing.
        let text = format!("{story}\nGift cards from $25\nShipping $4.95\nAbout us\nCareers\n");
        let lines = split(&text);
        assert!(item_lists(&lines).iter().all(|&x| !x));
    }

    #[test]
    fn a_run_of_short_lines_with_recurring_cells_is_a_table() {
        let sheet = "Wireless\nYes\nWired\nYes\nBluetooth\n5.1\nReceiver\nNo\nCable Length\n110 cm\nUSB Passthrough\nNo\nMacro Programming\nN/A\n";
        let story = "The keyboard connects over a braided cable or over the air, as you like.";
        let text =
            format!("{story}\nSpecifications\n{sheet}About us\nCareers\nPress\nContact\nJobs\n");
        let lines = split(&text);
        let table = tables(&lines);
        // From a row above the first cell to a row below the last: the heading
        // ("Specifications") and the sheet (and a row's length of what follows it); the
        // footer's last lines stay out.
        assert!(table[1..17].iter().all(|&x| x), "{table:?}");
        assert!(!table[0] && table[19..].iter().all(|&x| !x), "{table:?}");
        assert!(item_lists(&lines)[5]);
        // A menu with a "No" or two in it, and an interview's answers, are no table.
        let menu: String = (0..12).map(|i| format!("Department {i}\n")).collect();
        let text = format!("{story}\n{menu}Yes\n{menu}No\n{menu}Yes\n{menu}No\n{menu}Yes\n");
        assert!(tables(&split(&text)).iter().all(|&x| !x));
        let talk = "Did you see the flood coming when the river rose that night?\nNo\nWere you afraid for the house and the animals in the barn?\nYes\n";
        let text = format!("{talk}{talk}{talk}{talk}{talk}{talk}");
        assert!(tables(&split(&text)).iter().all(|&x| !x));
    }

    #[test]
    fn short_lines_inside_the_story_are_kept() {
        let v = verdicts("The recipe needs only a few things from the shop around the corner.\n200 g sugar\n3 eggs\nMix everything and bake it for forty minutes at medium heat.");
        assert!(v.iter().all(|(_, x)| *x == Verdict::Keep));
    }
}
