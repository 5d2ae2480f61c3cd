//! The site's header at the very top of a page with little prose: a shop's, a service's or
//! a documentation site's sign-in and cart links, its promotions bar and the mega-menu of
//! section names ("Primary Menu" / "New" / "Shop" / "Rings" / "Pendants" …), kept by the
//! earlier steps because on a page with little prose a long run of short lines reads as
//! the page's own list (a catalogue, an index), and nothing else marks where the page
//! begins: no byline or date for [`super::above`], no breadcrumb trail for
//! [`super::crumbs`], no wall of menu lines under a story for [`super::span`].
//!
//! A page's author would still see it: the text opens (at most a line or two of prose
//! above: a promotion's sentence) with a long run of short lines holding one of the site's
//! own links ("Sign in", "Contact us", "Privacy Policy", "View All": a phrase-table line),
//! and the page's paragraphs come below it. That run and everything still kept above it is
//! the site's header and goes; its last line stays (the page's heading stands right above
//! its first paragraph, as in [`super::head`]).
//!
//! Left alone: a run whose short lines are mostly dropped already (a menu the filter took),
//! a run without a phrase-table line (a table of contents, an infobox), a page whose prose
//! above the run is more than a promotion's line or two (the run is then the story's own
//! list or a menu below it), a run with more lines kept above it than in it (a landing
//! page's hero above a list of its features: a header's banner is small beside its menu),
//! a page without a paragraph below the run (the short lines are the page: a listing, a
//! catalogue), and a header with a price line kept above it (a shop's buy box or product
//! grid: "$ 335.00", "Sale price $12.00", "€27.90 inkl. MwSt."; a menu's "Gifts Under $150"
//! is no price line). A run that goes on through the product's name and its buy box, all
//! short lines, down to the first paragraph ends above the line over its first price: the
//! product's name and the buy box stay.

use super::lines::Line;
use super::Verdict;
use crate::cards::shows_price;
use crate::rules::product::PRICE_LINE_WORDS;

/// A header's menu holds at least this many short lines still kept: a mega-menu's section
/// names run to dozens or hundreds; a page's own short list under its title (sizes,
/// options, a few features) is shorter.
const MIN_MENU_LINES: usize = 20;
/// Above the menu, at most this many words of prose: a promotions bar's sentence or two
/// ("Get 10% off your first order when you sign up to our emails"), not a story's lead.
const MAX_PROSE_ABOVE_WORDS: usize = 40;
/// …and at most this share of the text's prose (a short page's one paragraph under a
/// tagline is not a header's promotion; a product's one-sentence pitch at the top may be).
const MAX_PROSE_SHARE_ABOVE: f32 = 0.3;
/// Below the menu, the page's paragraphs: at least this many words of prose (one
/// paragraph) …
const MIN_PROSE_BELOW_WORDS: usize = 20;
/// … and at least this many times the prose above the menu.
const MIN_PROSE_BELOW_PER_ABOVE: usize = 3;
/// A price line has at most this many words ("$ 335.00", "Sale price $12.00") unless it
/// opens with the price ("€27.90 inkl. MwSt. zzgl. Versandkosten"); a longer line with a
/// price inside is a promotion ("Free shipping on orders over $75").
const MAX_PRICE_LINE_WORDS: usize = 3;

/// Drops the site's header at the top of the text (see the module doc): the last run of
/// [`MIN_MENU_LINES`] or more short lines still kept (blank lines and lines already dropped
/// between them do not break it) that holds a phrase-table line and starts with at most
/// [`MAX_PROSE_ABOVE_WORDS`] words of prose above it (and at most
/// [`MAX_PROSE_SHARE_ABOVE`] of the text's), when the prose below the run is at least
/// [`MIN_PROSE_BELOW_WORDS`] and [`MIN_PROSE_BELOW_PER_ABOVE`] times that above, no more
/// lines are kept above the run than in it, and no price line is kept above the run's last
/// line. A run that goes on through a product's name and buy box ends above the line over
/// its first price (the name), when [`MIN_MENU_LINES`] kept lines remain above that. Every
/// line still kept above the run's last line goes. One pass with prefix sums.
pub fn drop_site_header(lines: &[Line<'_>], verdicts: &mut [Verdict]) {
    let n = lines.len().min(verdicts.len());
    let lines = &lines[..n];
    // Prose words before line i.
    let mut prose = Vec::with_capacity(n + 1);
    let mut p = 0usize;
    for l in lines {
        prose.push(p);
        if l.is_prose() {
            p += l.words;
        }
    }
    prose.push(p);
    let total = p;
    let mut header: Option<(usize, usize, usize)> = None;
    let mut i = 0;
    while i < n {
        let above = prose[i];
        if above > MAX_PROSE_ABOVE_WORDS || above as f32 > MAX_PROSE_SHARE_ABOVE * total as f32 {
            break;
        }
        let (mut j, mut kept, mut phrases, mut last) = (i, 0usize, 0usize, i);
        while j < n {
            let l = &lines[j];
            if !l.is_blank() {
                if !(l.is_short() || l.kind.is_some()) {
                    break;
                }
                if verdicts[j] == Verdict::Keep {
                    kept += 1;
                }
                if l.kind.is_some() {
                    phrases += 1;
                }
                last = j;
            }
            j += 1;
        }
        if kept >= MIN_MENU_LINES && phrases > 0 {
            header = Some((i, last, kept));
        }
        i = j.max(i + 1);
    }
    let Some((start, last, menu_lines)) = header else {
        return;
    };
    let above = prose[start];
    let below = total - prose[last + 1];
    if below < MIN_PROSE_BELOW_WORDS || below < above.saturating_mul(MIN_PROSE_BELOW_PER_ABOVE) {
        return;
    }
    let kept = |i: usize| verdicts[i] == Verdict::Keep && !lines[i].is_blank();
    // A header's banner is small beside its menu: more lines kept above the run than in
    // it are the page's own (a landing page's hero above a list of its features).
    let banner = (0..start).filter(|&i| kept(i)).count();
    if banner > menu_lines {
        return;
    }
    // The run may go on through the product's name and its buy box down to the first
    // paragraph: it ends above the line over its first price (the product's name), if the
    // menu above is still one.
    let mut end = last;
    if let Some(price) = (start..=last).find(|&i| kept(i) && is_price_line(&lines[i])) {
        let Some(name) = (start..price).rev().find(|&i| !lines[i].is_blank()) else {
            return;
        };
        if (start..name).filter(|&i| kept(i)).count() < MIN_MENU_LINES {
            return;
        }
        end = name;
    }
    if (0..end).any(|i| kept(i) && is_price_line(&lines[i])) {
        return;
    }
    let last = end;
    for (l, v) in lines[..last].iter().zip(&mut verdicts[..last]) {
        if *v == Verdict::Keep && !l.is_blank() {
            *v = Verdict::Drop;
        }
    }
}

/// Whether `line` shows a price as a shop's buy box or card does: a short line with a price
/// and no other word than [`PRICE_LINE_WORDS`] ("$ 335.00", "Sale price $12.00"; "Gifts
/// Under $150" is a menu's), or a line opening with one ("€27.90 inkl. MwSt.").
fn is_price_line(line: &Line<'_>) -> bool {
    let bare = || {
        line.text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .all(|w| PRICE_LINE_WORDS.contains(&w.to_lowercase().as_str()))
    };
    (line.words <= MAX_PRICE_LINE_WORDS && shows_price(line.text) && bare())
        || line.text.split_whitespace().next().is_some_and(shows_price)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::textmode::lines;

    fn kept(text: &str) -> Vec<String> {
        crate::textmode::kept_by_step(text, drop_site_header)
    }

    const DESCRIPTION: &str = "You will love the shimmering accent stone against the simply \
        silver look of this engraved buckle, cut by hand in our workshop and polished to last.";

    /// A shop's header: a promotion, a menu of 24 section names with a "Sign in" and a
    /// "Contact us" among them.
    fn header() -> String {
        let names = [
            "New",
            "Shop",
            "Rings",
            "Pendants",
            "Belt Buckles",
            "Cross Pendants",
            "Necklaces",
            "Chains",
            "Bracelets",
            "Earrings",
            "Bolo Ties",
            "Charms",
            "Knives",
            "Conchos",
            "Watches",
            "Money Clips",
            "Cufflinks",
            "Spurs",
            "Gifts",
            "Lifestyle",
            "Gift Cards",
            "Sale",
        ];
        format!(
            "Design a class ring or buckle today!\nPrimary Menu\n{}\nSign in\nContact us\n",
            names.join("\n")
        )
    }

    #[test]
    fn the_test_lines_are_what_they_claim() {
        for t in ["Sign in", "Contact us"] {
            assert!(lines::Line::new(t).kind.is_some(), "{t}");
        }
        assert!(lines::Line::new(DESCRIPTION).is_prose());
    }

    #[test]
    fn a_shop_s_header_above_the_product_goes() {
        let text = format!("{}Engraved Silver Buckle\n{DESCRIPTION}\n", header());
        assert_eq!(kept(&text), ["Engraved Silver Buckle", DESCRIPTION]);
    }

    #[test]
    fn a_header_over_a_buy_box_stays() {
        // The price is the product's: the run of short lines is its options, not a menu.
        let text = format!(
            "Engraved Silver Buckle\n$ 335.00\n{}Color\n{DESCRIPTION}\n",
            header()
        );
        assert_eq!(kept(&text).len(), 30);
    }

    #[test]
    fn a_run_through_the_buy_box_ends_above_the_product_s_name() {
        let text = format!(
            "{}Engraved Silver Buckle\n$ 335.00\nColor\nBlue Topaz\n{DESCRIPTION}\n",
            header()
        );
        assert_eq!(
            kept(&text),
            [
                "Engraved Silver Buckle",
                "$ 335.00",
                "Color",
                "Blue Topaz",
                DESCRIPTION
            ]
        );
    }

    #[test]
    fn a_menu_s_price_range_is_no_buy_box() {
        let text = format!(
            "{}Gifts Under $150\nEngraved Silver Buckle\n{DESCRIPTION}\n",
            header()
        );
        assert_eq!(kept(&text), ["Engraved Silver Buckle", DESCRIPTION]);
    }

    #[test]
    fn a_hero_above_a_feature_list_stays() {
        // More lines kept above the run than in it: the page's own, not a banner.
        let hero: Vec<String> = (1..=30)
            .map(|i| format!("Feature number {i} sentence."))
            .collect();
        let text = format!(
            "{}\n{}Engraved Silver Buckle\n{DESCRIPTION}\n",
            hero.join("\n"),
            header()
        );
        let all = text.lines().count();
        assert_eq!(kept(&text).len(), all);
    }

    #[test]
    fn a_run_without_a_site_link_stays() {
        // A table of contents or a list of names: no phrase-table line among them.
        let items: Vec<String> = (1..=25).map(|i| format!("Chapter {i}")).collect();
        let text = format!("{}\n{DESCRIPTION}\n", items.join("\n"));
        assert_eq!(kept(&text).len(), 26);
    }

    #[test]
    fn a_page_without_a_paragraph_below_stays() {
        // A listing: the short lines are the page.
        let text = format!("{}Rings\nSilver Ring\nGold Ring\n", header());
        let all = text.lines().count();
        assert_eq!(kept(&text).len(), all);
    }

    #[test]
    fn a_story_s_lines_stay() {
        // The story's prose stands above the run: the run is a menu below it, or its list.
        let lead = "The council voted on Tuesday to rebuild the bridge that was closed after \
            the flood, ending a debate that had split the valley for nearly two years.";
        let more = "Work will start in the spring, the mayor said, and the bridge should reopen \
            to traffic before the next winter sets in.";
        let text = format!(
            "Bridge Vote Passes\n{lead}\n{more}\n{}Engraved\n{DESCRIPTION}\n",
            header()
        );
        let all = text.lines().count();
        assert_eq!(kept(&text).len(), all);
    }

    #[test]
    fn dropped_lines_do_not_make_a_menu() {
        let text = format!("{}Engraved Silver Buckle\n{DESCRIPTION}\n", header());
        let lines = lines::split(&text);
        let mut verdicts = vec![Verdict::Drop; lines.len()];
        let last = verdicts.len() - 1;
        verdicts[last] = Verdict::Keep;
        verdicts[1] = Verdict::Keep;
        drop_site_header(&lines, &mut verdicts);
        assert_eq!(verdicts[1], Verdict::Keep);
    }
}
