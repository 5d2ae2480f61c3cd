//! The site's header above a page's breadcrumb trail. A shop's category page, a
//! documentation page or a blog post shows where it stands ("Home / Collections / Lodge
//! Cast Iron", "Home › Containers › Indoor Pots & Pottery") right above its own heading;
//! everything above the trail is the site's: the sign-in and cart links, the promotions
//! bar and the mega-menu with its hundreds of section names. On a page with little prose
//! the earlier steps take that menu for the page's own list and keep it; the trail tells
//! where the page begins. Separators in [`crate::rules::crumbs`].
//!
//! A trail may also open with its label alone on a line ("You are here:", a screen
//! reader's "Breadcrumb navigation"; [`crate::rules::crumbs::TRAIL_LABELS`]) and list its
//! crumbs under it without separators. The label says where the page's own part begins as
//! plainly as "Home /" does, but the crumbs under it tell nothing, so the cut is held to a
//! real header: a good many lines still kept above it, none of them a price (a shop's buy
//! box above the label means the trail stands mid-page, under the product).

use super::lines::Line;
use super::Verdict;
use crate::cards::shows_price;
use crate::rules::crumbs::{TRAIL_LABELS, TRAIL_SEPARATORS};
use crate::rules::phrases::{is_breadcrumb, BREADCRUMB_HEADS};
use crate::text::word_count;

/// A crumb is a section's or a page's name: at most this many words ("Home > Project
/// management > What is Project Management" has crumbs of one to four).
const MAX_CRUMB_WORDS: usize = 8;
/// A trail fits on one line of at most this many bytes (as [`is_breadcrumb`] reads it).
const MAX_TRAIL_BYTES: usize = 200;
/// The lines still kept above the trail are the site's header when they average at most
/// this many words: section names, "Sign in", "Cart (0)", a promotion's one-liner. A
/// story's lead or a listing's introduction above the trail would raise it.
const MAX_HEADER_WORDS_PER_LINE: usize = 6;
/// A trail of one crumb a line under a bare "Home" holds at most this many lines down to
/// the heading that repeats its last crumb (a menu's "Home" link has none).
const MAX_CRUMB_LINES: usize = 5;
/// The longest of [`BREADCRUMB_HEADS`] in bytes, with room ("Startseite", "الرئيسية").
const MAX_TRAIL_HEAD_BYTES: usize = 20;
/// The longest of [`TRAIL_LABELS`] in bytes with its colon, with room.
const MAX_TRAIL_LABEL_BYTES: usize = 32;
/// Above a trail read from its label alone, at least this many lines still kept make a
/// header worth the cut: a few lines there are the page's title shown at the top or a
/// tagline, which the earlier steps left for a reason.
const MIN_HEADER_LINES_ABOVE_LABEL: usize = 10;
/// Above a trail read from its label, the header may average up to this many words a line
/// (a mega-menu's blurbs, a promotions bar's sentences): the label is no menu's link, as a
/// "Home" or a crumb-shaped line may be. A story's lead above it runs two or three times as
/// long, and the prose test stands as for every trail.
const MAX_HEADER_WORDS_PER_LINE_ABOVE_LABEL: usize = 12;
/// A price line has at most this many words ("US $394.99", "Sale price $12.00"); a longer
/// line with a price is a promotion's sentence.
const MAX_PRICE_LINE_WORDS: usize = 3;

/// Drops every line still kept above the page's breadcrumb trail ([`find_trail`]) when
/// they read like the site's header: at most [`MAX_HEADER_WORDS_PER_LINE`] words a line on
/// average, and no more of the text's prose above the trail than below it (a trail at the
/// foot of the page, under the story, cuts nothing). The first trail counts; only one read
/// from a bare "Home" line that fails the average is passed for the next: a menu's own
/// "Home" / "Account" / "Account" reads like such a trail, with only the site's promotions
/// bar above it. (A trail shown twice, at the head and again at the foot, is not passed
/// for its second showing.) Prefix sums make it one pass however many trails.
pub fn drop_header_above_trail(lines: &[Line<'_>], verdicts: &mut [Verdict]) {
    let n = lines.len().min(verdicts.len());
    let lines = &lines[..n];
    // Before line i: prose words, kept lines, kept words.
    let mut prose = Vec::with_capacity(n + 1);
    let mut kept = Vec::with_capacity(n + 1);
    let (mut p, mut k, mut w) = (0usize, 0usize, 0usize);
    for (l, v) in lines.iter().zip(&verdicts[..n]) {
        prose.push(p);
        kept.push((k, w));
        if l.is_prose() {
            p += l.words;
        }
        if *v == Verdict::Keep && !l.is_blank() {
            k += 1;
            w += l.words;
        }
    }
    prose.push(p);
    kept.push((k, w));
    // A trail from this line on has more prose above it than below: no need to look.
    let limit = (0..=n)
        .find(|&i| prose[n] - prose[i] < prose[i])
        .unwrap_or(n);
    let mut from = 0;
    while let Some(Trail {
        top,
        found_at,
        bare_home,
        labelled,
    }) = find_trail(&lines[..n], from, limit)
    {
        if prose[n] - prose[top] < prose[top] {
            return;
        }
        let (k, w) = kept[top];
        if k == 0 {
            return;
        }
        // A label's crumbs tell nothing: the header above it must be one (see the module
        // doc), else the scan goes on to the next trail.
        if labelled && (k < MIN_HEADER_LINES_ABOVE_LABEL || shows_price_above(lines, verdicts, top))
        {
            from = found_at + 1;
            continue;
        }
        let max_words = if labelled {
            MAX_HEADER_WORDS_PER_LINE_ABOVE_LABEL
        } else {
            MAX_HEADER_WORDS_PER_LINE
        };
        if w <= k.saturating_mul(max_words) {
            for (l, v) in lines[..top].iter().zip(&mut verdicts[..top]) {
                if *v == Verdict::Keep && !l.is_blank() {
                    *v = Verdict::Drop;
                }
            }
            return;
        }
        if !bare_home && !labelled {
            return;
        }
        from = found_at + 1;
    }
}

/// Whether a line still kept above line `top` is a price line (a shop's buy box: "US
/// $394.99", "Price: $12"; a promotions bar's "Free shipping on orders over $50" is none).
fn shows_price_above(lines: &[Line<'_>], verdicts: &[Verdict], top: usize) -> bool {
    lines.iter().zip(verdicts).take(top).any(|(l, v)| {
        *v == Verdict::Keep
            && !l.is_blank()
            && l.words <= MAX_PRICE_LINE_WORDS
            && shows_price(l.text)
    })
}

/// A breadcrumb trail found by [`find_trail`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trail {
    /// Its first line.
    pub top: usize,
    /// The line that told it (the scan for the next goes on below it).
    pub found_at: usize,
    /// Read from a bare "Home" line with crumbs under it, a line each.
    pub bare_home: bool,
    /// Read from the trail's label alone on its line ("You are here:", [`TRAIL_LABELS`]).
    pub labelled: bool,
}

/// The first breadcrumb trail from line `from` on: a line of crumbs led by "Home" or its
/// like ([`is_breadcrumb`]); a line of crumbs between spaced separators whose last crumb
/// the next line repeats (the page's heading: "Blog / Sewing Clothes" / "Sewing Clothes");
/// or crumbs a line each, each ending in its separator ("For Home /", "Sewing Machines /"),
/// above a last crumb the next line repeats; or a bare "Home" with up to
/// [`MAX_CRUMB_LINES`] crumbs under it, a line each, the last repeated by the heading
/// ("Home" / "Containers" / "Indoor Pots" / "Indoor Pots"); or the trail's label alone on
/// its line ("You are here:", [`TRAIL_LABELS`]). A web address is no trail.
///
/// The scan stops at line `limit` unless a trail is being read there (a trail starting
/// from `limit` on would be too low for the caller).
pub fn find_trail(lines: &[Line<'_>], from: usize, limit: usize) -> Option<Trail> {
    let trail = |top, found_at, bare_home| {
        Some(Trail {
            top,
            found_at,
            bare_home,
            labelled: false,
        })
    };
    let mut crumbs_from: Option<usize> = None;
    let mut home: Option<(usize, usize)> = None;
    let mut iter = lines
        .iter()
        .enumerate()
        .skip(from)
        .filter(|(_, l)| !l.is_blank())
        .peekable();
    while let Some((i, line)) = iter.next() {
        if i >= limit && crumbs_from.is_none() && home.is_none() {
            return None;
        }
        let text = line.text;
        if is_trail_label(text) {
            return Some(Trail {
                top: i,
                found_at: i,
                bare_home: false,
                labelled: true,
            });
        }
        // A long line that is no crumb can be no part of a trail: it ends any run of
        // crumbs (the cheap test first: most lines are prose).
        if text.len() > MAX_TRAIL_BYTES && !is_crumb(text) {
            crumbs_from = None;
            home = None;
            continue;
        }
        let next = iter.peek().map(|(_, l)| l.text);
        let address = text.contains("://");
        let ends_in_separator = text.ends_with(TRAIL_SEPARATORS) && is_crumb(text) && !address;
        if text.len() <= MAX_TRAIL_BYTES && text.contains(TRAIL_SEPARATORS) && !address {
            if text.len() <= MAX_TRAIL_BYTES && is_breadcrumb(text) {
                return trail(i, i, false);
            }
            if let Some(next) = next {
                if is_spaced_trail(text) && last_crumb(text).is_some_and(|c| same_words(c, next)) {
                    return trail(i, i, false);
                }
            }
        }
        // A crumb a line: the run of lines ending in a separator, then the last crumb
        // repeated by the heading under it.
        if let (Some(from), Some(next)) = (crumbs_from, next) {
            if !ends_in_separator && is_crumb(text) && same_words(text, next) {
                return trail(from, i, false);
            }
        }
        if let (Some((from, n)), Some(next)) = (home, next) {
            if n < MAX_CRUMB_LINES && is_crumb(text) && same_words(text, next) {
                return trail(from, i, true);
            }
        }
        if ends_in_separator {
            crumbs_from.get_or_insert(i);
        } else {
            crumbs_from = None;
        }
        home = match home {
            _ if is_trail_head(text) => Some((i, 0)),
            Some((from, n)) if n < MAX_CRUMB_LINES && is_crumb(text) => Some((from, n + 1)),
            _ => None,
        };
    }
    None
}

/// A bare "Home" (or its like in [`BREADCRUMB_HEADS`]) on its own line.
fn is_trail_head(text: &str) -> bool {
    text.len() <= MAX_TRAIL_HEAD_BYTES
        && BREADCRUMB_HEADS.iter().any(|h| {
            text.eq_ignore_ascii_case(h) || (!text.is_ascii() && text.to_lowercase() == *h)
        })
}

/// A trail's label alone on its line ([`TRAIL_LABELS`]), its colon aside ("You are here:",
/// "Sie sind hier :", "Breadcrumb").
fn is_trail_label(text: &str) -> bool {
    let text = text.trim();
    if text.len() > MAX_TRAIL_LABEL_BYTES {
        return false;
    }
    let label = text.trim_end_matches([':', '：']).trim_end();
    TRAIL_LABELS
        .iter()
        .any(|l| label.eq_ignore_ascii_case(l) || (!label.is_ascii() && label.to_lowercase() == *l))
}

/// A crumb's length: a name, not a sentence.
fn is_crumb(text: &str) -> bool {
    let words = word_count(text);
    words > 0 && words <= MAX_CRUMB_WORDS
}

/// Crumbs between separators with a space on each side ("Home / Collections / X"), each
/// a name: "Circulated/Uncirculated" is one word, not a trail.
fn is_spaced_trail(text: &str) -> bool {
    let spaced = text.char_indices().any(|(i, c)| {
        TRAIL_SEPARATORS.contains(&c)
            && text[..i].ends_with(char::is_whitespace)
            && text[i + c.len_utf8()..].starts_with(char::is_whitespace)
    });
    spaced
        && text.len() <= MAX_TRAIL_BYTES
        && text
            .split(TRAIL_SEPARATORS)
            .all(|c| word_count(c) <= MAX_CRUMB_WORDS)
}

/// The trail's last crumb (the page's own name).
fn last_crumb(text: &str) -> Option<&str> {
    text.split(TRAIL_SEPARATORS)
        .map(str::trim)
        .rfind(|c| !c.is_empty())
}

/// The same words, case and spacing aside.
fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace()
        .map(str::to_lowercase)
        .eq(b.split_whitespace().map(str::to_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::textmode::lines;

    fn kept(text: &str) -> Vec<String> {
        crate::textmode::kept_by_step(text, drop_header_above_trail)
    }

    const INTRO: &str = "Indoor containers and the plants you put in them bring colour, life \
        and warmth to every room of the house, and our pots are made to last for years.";
    const MENU: &str = "Sign in\nCart (0)\nFree shipping on orders over $50\nBakeware\n\
        Cookware\nKnives\nGifts\nCooking Classes\nRecipes & More\n";

    #[test]
    fn the_header_above_a_trail_goes() {
        let text = format!(
            "{MENU}Home / Collections / Indoor Pots\nIndoor Pots\n{INTRO}\nGray Pot\n$38.00"
        );
        let k = kept(&text);
        assert_eq!(k[0], "Home / Collections / Indoor Pots", "{k:?}");
        assert_eq!(k.len(), 5, "{k:?}");
    }

    #[test]
    fn crumbs_a_line_each_mark_the_top_too() {
        let text = format!(
            "{MENU}For Home /\nSewing Machines /\nBeginner Machines\nBeginner Machines\n{INTRO}"
        );
        let k = kept(&text);
        assert_eq!(k[0], "For Home /", "{k:?}");
        let text = format!("{MENU}Blog » Sewing Clothes\nSewing Clothes\n{INTRO}");
        assert_eq!(kept(&text)[0], "Blog » Sewing Clothes");
        let text = format!("{MENU}Home\nContainers\nIndoor Pots\nIndoor Pots\n{INTRO}");
        assert_eq!(kept(&text)[0], "Home");
        // A menu's "Home" link with no heading under it is no trail.
        let text = format!("Home\nShop\nBlog\nAbout\nContact\nCart\nSale\nSale\n{INTRO}");
        assert_eq!(kept(&text).len(), 9);
    }

    #[test]
    fn a_menu_s_own_repeat_is_passed_for_the_page_s_trail() {
        let promo = "Free ground shipping on all orders of $49.99 and more";
        let text = format!(
            "{promo}\nHome\nAccount\nAccount\n{MENU}Home / Machines / Sewing\nSewing\n{INTRO}"
        );
        assert_eq!(kept(&text)[0], "Home / Machines / Sewing");
        // A trail shown again lower down is not passed for.
        let text = format!(
            "{promo}\nHome / Machines / Sewing\nSewing\n{MENU}Home / Machines / Sewing\nSewing\n{INTRO}"
        );
        assert_eq!(kept(&text).len(), 15);
    }

    #[test]
    fn a_story_s_lead_above_the_trail_stays() {
        // Prose above the trail: the trail is at the foot of the page.
        let text = format!("{INTRO}\n{INTRO}\nShare\nHome > Blog > Pots\nPots\nContact");
        assert_eq!(kept(&text).len(), 6);
        // Long lines above: no menu.
        let lead = "The council met on Tuesday evening to vote on the bridge";
        let text = format!("{lead}\n{lead}\nHome / News / Bridge\nBridge\n{INTRO}\n{INTRO}");
        assert_eq!(kept(&text).len(), 6);
    }

    #[test]
    fn a_trail_s_label_marks_the_top_too() {
        let text =
            format!("Search\n{MENU}You are here:\nNewsroom\nBlogs\nIndoor Pots\n{INTRO}\n{INTRO}");
        let k = kept(&text);
        assert_eq!(k[0], "You are here:", "{k:?}");
        assert_eq!(k.len(), 6, "{k:?}");
        let text = format!("Search\n{MENU}Breadcrumb navigation\nHome\nPots\n{INTRO}");
        assert_eq!(kept(&text)[0], "Breadcrumb navigation");
        let text = format!("Search\n{MENU}Sie sind hier :\nStartseite\nTöpfe\n{INTRO}");
        assert_eq!(kept(&text)[0], "Sie sind hier :");
        // A mega-menu with one-line blurbs: more than six words a line on average.
        let blurb = "Find flexible and affordable ways to get your to-do list done";
        let menu: String = (0..6).map(|i| format!("Section {i}\n{blurb}\n")).collect();
        let text = format!("{menu}You are here:\nNews\nPots\n{INTRO}\n{INTRO}");
        assert_eq!(kept(&text)[0], "You are here:");
        // The same above a "Home" trail is not passed for a header.
        let text = format!("{menu}Home / News / Pots\nPots\n{INTRO}\n{INTRO}");
        assert_eq!(kept(&text).len(), 16);
    }

    #[test]
    fn a_label_under_a_title_or_a_buy_box_cuts_nothing() {
        // Only the page's title and a tagline above the label: too few lines for a header.
        let title = "Indoor Pots for Every Room\nHandmade in Portland since 1984\n";
        let text = format!("{title}You are here:\nShop\nPots\n{INTRO}\n{INTRO}");
        assert_eq!(kept(&text).len(), 7);
        // A product's buy box above the label: the trail stands mid-page.
        let text =
            format!("Search\n{MENU}US $394.99\nBuy It Now\nbreadcrumb\nCoins\nProof Sets\n{INTRO}");
        assert_eq!(kept(&text).len(), 16);
    }

    #[test]
    fn a_story_above_a_label_at_its_foot_stays() {
        let lead =
            "The council met on Tuesday evening to vote on the bridge that the flood closed.";
        let story = format!("{lead}\n").repeat(4);
        let text = format!("Search\n{MENU}{story}You are here:\nNews\nBridge\nContact us");
        assert_eq!(kept(&text).len(), 18);
    }

    #[test]
    fn words_with_slashes_and_addresses_are_no_trail() {
        let text = format!(
            "{MENU}Circulated/Uncirculated\nUncirculated\nhttps://example.com/pots\npots\n{INTRO}"
        );
        assert_eq!(kept(&text).len(), 14);
        assert_eq!(
            find_trail(&lines::split("A story.\nNo trail here."), 0, 2),
            None
        );
    }
}
