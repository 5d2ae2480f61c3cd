//! Text mode: cleaning text that a scraper already extracted (no HTML left).
//!
//! The input is one document of plain text — a story with whatever the scraper swept in
//! with it: the title twice, field labels that lost their values, a date on its own line,
//! a comment form and its CAPTCHA prompt, share prompts, menus and footers. The output is
//! the same [`Article`] record HTML extraction gives: the story's lines in order and
//! untouched, and the metadata the removed lines carried (title, date, authors), plus the
//! dateline and language read from the story.
//!
//! Steps, one file each: [`lines`] measures every line once; [`head`] reads the lines above
//! the first paragraph of prose into metadata; [`filter`] marks boilerplate below it;
//! [`repeats`] the teaser lists and comment threads whose lines each read like prose;
//! [`inside`] the galleries and video players embedded in the story;
//! [`span`] the story's first and last line (the default drops a menu kept above the
//! story's head beyond it, precision mode everything outside it); [`above`] the site's
//! furniture above the story's headline (a mega-menu with one-line blurbs); [`tail`] what
//! lies below the story's end (a wall of share, related and footer lines, a marker right
//! under it, a newsletter sign-up form); [`author`] an author box under the story (the
//! writer's name over a biography); [`teasers`] a run of time-stamped teaser lines below it (a live ticker, a
//! "latest news" box); [`shop`] a product page's reviews and boxes of other products below
//! the product; [`crumbs`] the site's header above a page's breadcrumb trail; [`topmenu`]
//! the site's header at the top of a page with little prose (a shop's mega-menu); then the
//! page's tables set one cell a line ([`filter::tables`]) are given back; [`cookies`] a
//! cookie dialog or preference centre left as text; [`forum`] a
//! forum thread's post furniture (an author pane's numbers and rank, post numbers, reply
//! subjects); [`notices`] the template notices and post counters that read like prose or say
//! nothing, and [`signin`] a sign-in dialog's lines around its password field, dropped last;
//! [`dateline`], [`dates`] and [`language`] fill the rest of the record.

pub mod above;
pub mod author;
pub mod cookies;
pub mod crumbs;
pub mod dateline;
pub mod dates;
pub mod filter;
pub mod forum;
pub mod head;
pub mod inside;
pub mod language;
pub mod lines;
pub mod notices;
pub mod repeats;
pub mod shop;
pub mod signin;
pub mod span;
pub mod tail;
pub mod teasers;
pub mod topmenu;

use crate::{Article, Error, Favor, Options};
use lines::Line;

/// What becomes of one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Part of the story.
    Keep,
    /// Boilerplate.
    Drop,
    /// Carried metadata (title, date, label): in the record, not in the body.
    Meta,
    /// Part of the comment section.
    Comment,
}

/// Whether `line` is a paragraph of the story: prose outside the comment section. The
/// steps that weigh the story's prose above a line (a story-end heading, the wall, a marker,
/// a sign-up form, a teaser list, a stamped run) count only these: the readers' prose,
/// however long a thread, holds no end of the story back.
fn is_story_paragraph(line: &Line<'_>, verdict: Option<&Verdict>) -> bool {
    line.is_prose() && verdict != Some(&Verdict::Comment)
}

/// Cleans already-extracted text into an article record.
///
/// Fails only on empty input or input over `options.max_input_bytes`.
pub fn clean_text(text: &str, options: &Options) -> Result<Article, Error> {
    if text.len() > options.max_input_bytes {
        return Err(Error::TooLarge {
            size: text.len(),
            limit: options.max_input_bytes,
        });
    }
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    let lines = lines::split(text);
    let (verdicts, head) = judge(&lines, options.favor);
    let mut article = Article {
        url: options.url.clone(),
        ..Article::default()
    };
    article.text = join(&lines, &verdicts, Verdict::Keep);
    if options.include_comments {
        let comments = join(&lines, &verdicts, Verdict::Comment);
        if !comments.is_empty() {
            article.comments = Some(comments);
        }
    }
    // The title is always read (as in HTML extraction); the rest only when asked.
    article.title = head.title;
    if options.metadata {
        article.authors = head.authors;
        article.date_published = head.date;
        let year = article
            .date_published
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse().ok());
        let first_paragraph = lines
            .iter()
            .zip(&verdicts)
            .find(|(l, v)| **v == Verdict::Keep && !l.is_blank())
            .map(|(l, _)| l.text);
        article.dateline = first_paragraph.and_then(|p| dateline::find_dateline(p, year));
        article.language = language::detect(&article.text).map(str::to_owned);
    }
    Ok(article)
}

/// The step of [`judge`] that gave a line its verdict (see [`judge_traced`]), in the order
/// the steps run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A text without prose: metadata lines and phrase-table lines.
    NoProse,
    /// The head above the first paragraph ([`head::read`]).
    Head,
    /// Phrase lines, labels, "related" teasers, tail residue, the comment section
    /// ([`filter::apply`]).
    Filter,
    /// Everything below a story-end heading ([`filter::end_story_at_heading`]).
    StoryEndHeading,
    /// Menus around the main prose ([`filter::drop_menus_outside`]).
    MenusOutside,
    /// Teaser lists and comment threads below most of the prose ([`repeats::apply`]).
    Repeats,
    /// Embedded galleries and video players' dialog text inside the story ([`inside::apply`]).
    Inside,
    /// The page's own item lists given back ([`filter::keep_item_lists`]).
    ItemLists,
    /// Menu lines kept above the story's head, beyond the span's wall
    /// ([`span::drop_menu_above_head`]).
    AboveStory,
    /// The site's furniture above the story's headline (a mega-menu with blurbs)
    /// ([`above::drop_furniture_above_headline`]).
    AboveHeadline,
    /// Below the story's end: past a wall of share, related and footer lines below most
    /// of the prose ([`tail::cut_below_story`]).
    BelowStory,
    /// Below a story-end heading or share prompt right under the story's last paragraph,
    /// with no running prose still kept below it ([`tail::cut_at_story_end_marker`]).
    StoryEndMarker,
    /// Below a newsletter sign-up form under the story (a pitch with a field, a consent line
    /// or a button under it), with no running prose still kept below it
    /// ([`tail::cut_at_sign_up_form`]).
    SignUpForm,
    /// Below an author box under the story: the writer's name over a biography opening with
    /// it ("Karina Cohen" / "Karina Cohen is the owner of …"), with no running prose still
    /// kept below it ([`author::cut_at_author_box`]).
    AuthorBox,
    /// Below the story: a run of time-stamped teaser lines, a live ticker or a "latest news"
    /// box ([`teasers::cut_at_stamped_teasers`]).
    StampedTeasers,
    /// Below a shop section's heading (customer reviews, other products) under most of the
    /// page's prose ([`shop::apply`]).
    ShopSections,
    /// The site's header above the page's breadcrumb trail
    /// ([`crumbs::drop_header_above_trail`]).
    AboveTrail,
    /// The site's header at the top of a page with little prose: a long run of short lines
    /// holding a site link, with the page's paragraphs below it ([`topmenu::drop_site_header`]).
    SiteHeader,
    /// The page's tables set one cell a line, given back after the steps that cut around
    /// the story ([`filter::tables`]).
    Tables,
    /// A cookie consent dialog or preference centre's lines
    /// ([`cookies::drop_cookie_dialogs`]).
    CookieDialog,
    /// A forum thread's post furniture (bare counts, post numbers, avatar initials, reply
    /// subjects, an author pane's rank and fields), and any page's post notes
    /// ("Reactions: …", "Last edited …"), machine time stamps and a question's stats
    /// ([`forum::apply`]).
    ForumPosts,
    /// Template notices and a post's counters, wherever they stand ([`notices::apply`]).
    Notices,
    /// A sign-in or sign-up dialog's lines around its password field
    /// ([`signin::drop_sign_in_dialogs`]).
    SignInDialog,
    /// Outside the story's span, beyond a wall of menu lines, in precision mode
    /// ([`span::find`]).
    OutsideSpan,
}

/// Decides every line: the head above the first paragraph of prose, the story below it; the
/// page's own item lists ([`filter::item_lists`]) are given back at the end.
///
/// A menu still kept above the story's head, beyond the span's wall, goes in both modes
/// ([`span::drop_menu_above_head`]). With `Favor::Precision` every line still kept outside
/// the story's span ([`span::find`]:
/// the densest prose, widened to the menus around it) goes at the end, prose too; the
/// default keeps every doubtful line.
pub fn judge(lines: &[Line<'_>], favor: Favor) -> (Vec<Verdict>, head::Head) {
    judge_with(lines, favor, |_, _| {})
}

/// [`judge`], and for every line the step that last changed its verdict (`None`: kept as
/// it was) — for error analysis.
pub fn judge_traced(
    lines: &[Line<'_>],
    favor: Favor,
) -> (Vec<Verdict>, head::Head, Vec<Option<Step>>) {
    let mut steps = vec![None; lines.len()];
    let mut before = vec![Verdict::Keep; lines.len()];
    let (verdicts, head) = judge_with(lines, favor, |step, now| {
        for ((s, b), n) in steps.iter_mut().zip(before.iter_mut()).zip(now) {
            if b != n {
                *s = Some(step);
                *b = *n;
            }
        }
    });
    (verdicts, head, steps)
}

/// [`judge`], calling `after_step` with the verdicts after each step.
fn judge_with(
    lines: &[Line<'_>],
    favor: Favor,
    mut after_step: impl FnMut(Step, &[Verdict]),
) -> (Vec<Verdict>, head::Head) {
    let mut verdicts = vec![Verdict::Keep; lines.len()];
    let Some(first_prose) = lines.iter().position(Line::is_prose) else {
        // No paragraph of prose at all: the metadata lines and the named boilerplate go.
        let head = head::read_metadata_only(lines, &mut verdicts);
        for (l, v) in lines.iter().zip(verdicts.iter_mut()) {
            if l.kind.is_some() && *v == Verdict::Keep {
                *v = Verdict::Drop;
            }
        }
        after_step(Step::NoProse, &verdicts);
        crumbs::drop_header_above_trail(lines, &mut verdicts);
        after_step(Step::AboveTrail, &verdicts);
        return (verdicts, head);
    };
    let story_end = filter::comment_section_start(lines, first_prose).unwrap_or(lines.len());
    let last_prose = lines[..story_end]
        .iter()
        .rposition(Line::is_prose)
        .unwrap_or(first_prose);
    let mut region = filter::Region {
        first_prose,
        last_prose,
        keep_short_tail: false,
    };
    let main = filter::narrow_to_main_prose(&lines[..story_end], region);
    let lists = filter::lists_around_story(&lines[..story_end], region);
    region.keep_short_tail = lists.below;
    let head = head::read(lines, region.first_prose, &mut verdicts, !lists.above);
    after_step(Step::Head, &verdicts);
    filter::apply(lines, region, &mut verdicts);
    after_step(Step::Filter, &verdicts);
    let story_end_heading = filter::end_story_at_heading(lines, region.first_prose, &mut verdicts);
    after_step(Step::StoryEndHeading, &verdicts);
    filter::drop_menus_outside(&lines[..story_end], main, lists, &mut verdicts);
    after_step(Step::MenusOutside, &verdicts);
    repeats::apply(lines, region.first_prose, &mut verdicts);
    after_step(Step::Repeats, &verdicts);
    inside::apply(lines, &mut verdicts);
    after_step(Step::Inside, &verdicts);
    let tables = filter::tables(&lines[..story_end]);
    let items = filter::item_lists_with_tables(&lines[..story_end], &tables);
    filter::keep_item_lists(lines, &items, story_end_heading, &mut verdicts);
    after_step(Step::ItemLists, &verdicts);
    let span = span::find(&lines[..story_end]);
    if let Some(span) = span {
        span::drop_menu_above_head(lines, span, &mut verdicts);
    }
    after_step(Step::AboveStory, &verdicts);
    above::drop_furniture_above_headline(&lines[..story_end], &items, &mut verdicts);
    after_step(Step::AboveHeadline, &verdicts);
    tail::cut_below_story(lines, &items, &mut verdicts);
    after_step(Step::BelowStory, &verdicts);
    tail::cut_at_story_end_marker(lines, &items, &mut verdicts);
    after_step(Step::StoryEndMarker, &verdicts);
    tail::cut_at_sign_up_form(lines, &items, &mut verdicts);
    after_step(Step::SignUpForm, &verdicts);
    author::cut_at_author_box(lines, &items, &mut verdicts);
    after_step(Step::AuthorBox, &verdicts);
    teasers::cut_at_stamped_teasers(lines, &items, &mut verdicts);
    after_step(Step::StampedTeasers, &verdicts);
    shop::apply(lines, &mut verdicts);
    after_step(Step::ShopSections, &verdicts);
    crumbs::drop_header_above_trail(lines, &mut verdicts);
    after_step(Step::AboveTrail, &verdicts);
    topmenu::drop_site_header(lines, &mut verdicts);
    after_step(Step::SiteHeader, &verdicts);
    filter::keep_item_lists(lines, &tables, story_end_heading, &mut verdicts);
    after_step(Step::Tables, &verdicts);
    cookies::drop_cookie_dialogs(lines, &mut verdicts);
    after_step(Step::CookieDialog, &verdicts);
    forum::apply(lines, &mut verdicts);
    after_step(Step::ForumPosts, &verdicts);
    notices::apply(lines, &mut verdicts);
    after_step(Step::Notices, &verdicts);
    signin::drop_sign_in_dialogs(lines, &mut verdicts);
    after_step(Step::SignInDialog, &verdicts);
    if favor == Favor::Precision {
        if let Some(span) = span {
            span::drop_outside(span, &mut verdicts);
        }
        after_step(Step::OutsideSpan, &verdicts);
    }
    (verdicts, head)
}

/// The lines with verdict `which`, in order: consecutive lines joined by a newline, lines
/// that had a blank line or removed lines between them by a blank line.
fn join(lines: &[Line<'_>], verdicts: &[Verdict], which: Verdict) -> String {
    let size: usize = lines
        .iter()
        .zip(verdicts)
        .filter(|(_, &v)| v == which)
        .map(|(l, _)| l.text.len() + 2)
        .sum();
    let mut out = String::with_capacity(size);
    let mut gap = false;
    for (line, &v) in lines.iter().zip(verdicts) {
        if line.is_blank() || v != which {
            gap = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if gap { "\n\n" } else { "\n" });
        }
        out.push_str(line.text);
        gap = false;
    }
    out
}

/// The non-blank lines of `text` a step keeps when it runs alone on it, every line kept
/// before: the unit tests' view of a step.
#[cfg(test)]
pub(crate) fn kept_by_step(text: &str, step: impl Fn(&[Line<'_>], &mut [Verdict])) -> Vec<String> {
    let lines = lines::split(text);
    let mut verdicts = vec![Verdict::Keep; lines.len()];
    step(&lines, &mut verdicts);
    lines
        .iter()
        .zip(&verdicts)
        .filter(|(l, v)| **v == Verdict::Keep && !l.is_blank())
        .map(|(l, _)| l.text.to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_oversized_inputs_are_errors() {
        let o = Options::default();
        assert_eq!(clean_text("", &o), Err(Error::Empty));
        assert_eq!(clean_text(" \n\t\n", &o), Err(Error::Empty));
        let small = Options {
            max_input_bytes: 10,
            ..Options::default()
        };
        assert!(matches!(
            clean_text("a longer text than ten bytes", &small),
            Err(Error::TooLarge { .. })
        ));
    }

    #[test]
    fn text_without_boilerplate_passes_unchanged() {
        let text = "The first paragraph of a plain story that has nothing around it.\n\nA second paragraph follows, and it ends the story as well.";
        let a = clean_text(text, &Options::default()).unwrap();
        assert_eq!(a.text, text);
    }

    #[test]
    fn comments_are_returned_when_asked() {
        let text = "The first paragraph of a plain story that has nothing around it at all.\n\nLeave a Reply\n\nGreat story, thanks for writing it up so clearly for all of us.";
        let o = Options {
            include_comments: true,
            ..Options::default()
        };
        let a = clean_text(text, &o).unwrap();
        assert_eq!(
            a.text,
            "The first paragraph of a plain story that has nothing around it at all."
        );
        assert!(a.comments.unwrap().contains("Great story"));
    }

    #[test]
    fn the_trace_names_the_step_behind_each_verdict() {
        let text = "Harbour Town\nThe first paragraph of a plain story that has nothing around it at all.\nShare this article\nThe second paragraph ends the story, as the council said on Tuesday.";
        let lines = lines::split(text);
        let (verdicts, _, steps) = judge_traced(&lines, Favor::Balanced);
        assert_eq!(verdicts, judge(&lines, Favor::Balanced).0);
        assert_eq!(
            steps,
            [Some(Step::Head), None, Some(Step::Filter), None],
            "{verdicts:?}"
        );
    }

    #[test]
    fn precision_mode_cuts_to_the_story_s_span() {
        let p =
            "The council voted on Tuesday to rebuild the bridge that was closed after the flood.";
        let tagline =
            "The best local news since 1950, read by every household in the valley each week.";
        let menu = "Home\nNews\nSport\nContact us\nCulture\nVideo\nWeather\n";
        let text = format!("{tagline}\n{menu}{}", format!("{p}\n").repeat(10));
        let default = clean_text(&text, &Options::default()).unwrap();
        assert!(default.text.starts_with(tagline), "{}", default.text);
        let precise = Options {
            favor: Favor::Precision,
            ..Options::default()
        };
        let a = clean_text(&text, &precise).unwrap();
        assert!(a.text.starts_with(p), "{}", a.text);
        assert_eq!(a.text.lines().count(), 10, "{}", a.text);
    }

    #[test]
    fn a_menu_kept_above_the_story_s_head_goes() {
        let p =
            "The council voted on Tuesday to rebuild the bridge that was closed after the flood.";
        let blurb = "Our reporters have covered every council meeting in the valley for years.";
        // Links without a phrase line (no menu to the menu rule), a teaser between them and
        // the site's menu, then the story's head.
        let links = "Weather\nTraffic\nObituaries\nPuzzles\nRecipes\nGardens\nPets\nTravel\n";
        let teaser = "Schools Reopen After the Long Summer Break in the Valley\n";
        let menu = "News\nSport\nVideo\nSign in\nContact us\nPrivacy Policy\nTerms of Use\n";
        let head = "Bridge Vote Passes After Long Debate\nBy Jane Doe\n";
        let text = format!(
            "{blurb}\n{links}{teaser}{menu}{head}{}",
            format!("{p}\n").repeat(10)
        );
        let lines = lines::split(&text);
        let (verdicts, _, steps) = judge_traced(&lines, Favor::Balanced);
        let above: Vec<_> = (0..10).map(|i| (verdicts[i], steps[i])).collect();
        assert!(
            above
                .iter()
                .all(|&x| x == (Verdict::Drop, Some(Step::AboveStory))),
            "{above:?}"
        );
        let head_steps = &steps[17..19];
        assert!(
            !head_steps.contains(&Some(Step::AboveStory)),
            "{head_steps:?}"
        );
        assert!(verdicts[19..].iter().all(|&v| v == Verdict::Keep));
    }

    #[test]
    fn a_comparison_table_between_the_menus_stays() {
        let menu = "Home\nServices\nPricing\nBlog\nAbout\nContact us\nCareers\n";
        let table = "Overview\nBasic\nPro\nGuarantee\nYes\nYes\nRevisions\nYes\nYes\nCoaching\n-\nYes\nFormats\nWord + PDF\nWord + PDF\n";
        let story = "Every plan is written by a certified writer who talks your career through with you first.\nThe Pro plan adds a coaching session before your next interview, booked at a time that suits you.\n";
        let text = format!("{menu}{table}{story}{menu}");
        let article = clean_text(&text, &Options::default()).unwrap();
        assert!(
            article.text.contains("Guarantee\nYes\nYes\nRevisions"),
            "{}",
            article.text
        );
        assert!(article.text.contains("Word + PDF"), "{}", article.text);
        assert!(!article.text.contains("Careers"), "{}", article.text);
        // The same menus around a story without a table go as before.
        let text = format!("{menu}{story}{menu}");
        let article = clean_text(&text, &Options::default()).unwrap();
        assert!(!article.text.contains("Pricing"), "{}", article.text);
    }

    #[test]
    fn bad_input_does_not_panic() {
        let o = Options::default();
        let mixed =
            "Заголовок 标题 عنوان Title\n\u{0}\u{fffd}\u{200b}\r\r\n:\n：\n(\n)\n— —\n".repeat(50);
        let _ = clean_text(&mixed, &o);
        let long_line = "word ".repeat(200_000);
        let a = clean_text(&long_line, &o).unwrap();
        assert_eq!(a.text, long_line.trim());
    }
}
