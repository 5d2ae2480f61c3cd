//! The news dateline at the head of a story: "Moscow, Jul 15 (Prensa Latina) Russia…",
//! "WASHINGTON (Reuters) - …", "PARIS, 3 mars (AFP) - …", "Berlin, 5. März (dpa) – …",
//! "PARÍS, 15 jul (EFE).- …", "NAIROBI — …". The one dateline reader of the library: HTML
//! extraction reads it from the first lines of the rendered body, text mode from the
//! first paragraph. The dateline stays in the text (it is part of the story); this only
//! reads it into the record.

use super::dates::{parse_date_phrase, DayOrder, PhraseDate};
use crate::rules::metadata::NEWS_AGENCIES;
use crate::Dateline;

/// The dateline must close within this many bytes of the paragraph start.
const MAX_DATELINE_BYTES: usize = 120;
/// At most this many words in a place or agency name.
const MAX_NAME_WORDS: usize = 5;
/// At most this many comma-separated parts in the place ("SAN JOSE, Calif.").
const MAX_PLACE_PARTS: usize = 3;
/// Dashes that close a dateline without an agency ("WASHINGTON — The …").
const DASHES: &[&str] = &["—", "–", " - ", " -- "];
/// Paragraphs at the head of a rendered body that may open the story (the headline and
/// the byline can come first).
const HEAD_PARAGRAPHS: usize = 4;

/// Finds the dateline in the first paragraphs of `text`. `year` (from the publication
/// date) turns a year-less dateline date into ISO 8601.
pub fn find(text: &str, year: Option<i32>) -> Option<Dateline> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(HEAD_PARAGRAPHS)
        .find_map(|l| find_in_paragraph(l, year))
}

/// Reads the dateline at the start of `paragraph`.
pub fn find_in_paragraph(paragraph: &str, year: Option<i32>) -> Option<Dateline> {
    let head = paragraph.get(..floor_char_boundary(paragraph, MAX_DATELINE_BYTES))?;
    if let Some(open) = head.find('(') {
        let close = open + head.get(open..)?.find(')')?;
        let agency = head.get(open + 1..close)?.trim();
        let (place, date) = place_and_date(head.get(..open)?)?;
        if !is_agency(agency) {
            return None;
        }
        let rest = strip_separator(paragraph.get(close + 1..)?);
        if !starts_like_sentence(rest) {
            return None;
        }
        return Some(make(place, date, Some(agency), year));
    }
    // Without an agency the place must be followed by a dash: "WASHINGTON — The …".
    let (dash, width) = DASHES
        .iter()
        .filter_map(|d| head.find(d).map(|i| (i, d.len())))
        .min()?;
    let (place, date) = place_and_date(head.get(..dash)?)?;
    // Set apart from a sentence by capitals ("WASHINGTON") or by its date.
    let all_caps = place.chars().all(|c| !c.is_lowercase());
    if !(all_caps || date.is_some()) {
        return None;
    }
    let rest = paragraph.get(dash + width..)?.trim_start();
    if !starts_like_sentence(rest) {
        return None;
    }
    Some(make(place, date, None, year))
}

fn make(
    place: &str,
    date: Option<(PhraseDate, &str)>,
    agency: Option<&str>,
    year: Option<i32>,
) -> Dateline {
    let date = date.map(|(d, written)| {
        d.or_year(year)
            .iso()
            .unwrap_or_else(|| written.trim().to_owned())
    });
    Dateline {
        place: Some(place.to_owned()),
        date,
        agency: agency.map(str::to_owned),
    }
}

/// "Moscow, Jul 15" → ("Moscow", Jul 15); "SAN JOSE, Calif." → ("SAN JOSE, Calif.", none).
fn place_and_date(head: &str) -> Option<(&str, Option<(PhraseDate, &str)>)> {
    let head = head.trim().trim_end_matches(',').trim_end();
    let mut place_end = 0;
    let mut date = None;
    for (i, (start, part)) in split_commas(head).into_iter().enumerate() {
        // The date may hold commas of its own ("June 3, 2022"): the rest of the head is
        // tried whole first.
        let rest = head.get(start..).unwrap_or("").trim();
        let text = part.trim();
        let found = parse_date_phrase(rest, DayOrder::DayFirst)
            .map(|d| (d, rest))
            .or_else(|| parse_date_phrase(text, DayOrder::DayFirst).map(|d| (d, text)));
        if let Some((d, text)) = found {
            if i == 0 {
                return None;
            }
            date = Some((d, text));
            break;
        }
        if !is_name(text) || i >= MAX_PLACE_PARTS {
            return None;
        }
        place_end = start + part.len();
    }
    let place = head.get(..place_end)?.trim();
    (!place.is_empty()).then_some((place, date))
}

/// The comma-separated parts of `s` with their byte offsets.
fn split_commas(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if c == ',' || c == '،' {
            out.push((start, s.get(start..i).unwrap_or("")));
            start = i + c.len_utf8();
        }
    }
    out.push((start, s.get(start..).unwrap_or("")));
    out
}

/// A proper name: 1–5 words, each longer than three letters capitalised (so "Rio de
/// Janeiro" and "Frankfurt am Main" pass, "The president said" does not), no digits.
fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    if words.len() > MAX_NAME_WORDS || s.len() > 60 {
        return false;
    }
    let capitalised = |w: &str| w.chars().next().is_some_and(|c| !c.is_lowercase());
    capitalised(first)
        && words
            .iter()
            .all(|w| w.chars().count() <= 3 || capitalised(w))
        && s.chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || ".-'’".contains(c))
}

/// An agency in parentheses: a known one ("dpa", "AFP/EFE") or a short capitalised name
/// ("Prensa Latina").
fn is_agency(s: &str) -> bool {
    let words = s.split_whitespace().count();
    if !(1..=MAX_NAME_WORDS).contains(&words) || s.len() > 40 {
        return false;
    }
    let lower = s.to_lowercase();
    let known = lower
        .split(['/', ',', '-'])
        .any(|p| NEWS_AGENCIES.contains(&p.trim()));
    known
        || (s
            .chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || "-/&.'’".contains(c))
            && s.chars().next().is_some_and(|c| c.is_uppercase()))
}

fn strip_separator(s: &str) -> &str {
    s.trim_start_matches(|c: char| c.is_whitespace() || "-–—:.".contains(c))
}

fn starts_like_sentence(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        c.is_numeric() || "\"“«„'‘".contains(c) || (c.is_alphabetic() && !c.is_lowercase())
    })
}

fn floor_char_boundary(s: &str, mut at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(place: &str, date: Option<&str>, agency: Option<&str>) -> Option<Dateline> {
        Some(Dateline {
            place: Some(place.into()),
            date: date.map(Into::into),
            agency: agency.map(Into::into),
        })
    }

    #[test]
    fn wire_datelines() {
        assert_eq!(
            find_in_paragraph(
                "Lisbon, Mar 3 (Prensa Latina) The city council met on Monday.",
                Some(2019)
            ),
            dl("Lisbon", Some("2019-03-03"), Some("Prensa Latina"))
        );
        assert_eq!(
            find_in_paragraph("Lisbon, Mar 3 (Prensa Latina) The city council met.", None),
            dl("Lisbon", Some("Mar 3"), Some("Prensa Latina"))
        );
        assert_eq!(
            find_in_paragraph("WASHINGTON (Reuters) - The Senate voted on Tuesday.", None),
            dl("WASHINGTON", None, Some("Reuters"))
        );
        assert_eq!(
            find_in_paragraph(
                "Berlin, 5. März (dpa) – Die Regierung hat beschlossen.",
                Some(2020)
            ),
            dl("Berlin", Some("2020-03-05"), Some("dpa"))
        );
        assert_eq!(
            find_in_paragraph(
                "PARÍS, 15 jul (EFE).- El Gobierno francés anunció hoy.",
                Some(2016)
            ),
            dl("PARÍS", Some("2016-07-15"), Some("EFE"))
        );
        assert_eq!(
            find_in_paragraph("PARIS, 3 mars (AFP) - Le gouvernement a annoncé.", None),
            dl("PARIS", Some("3 mars"), Some("AFP"))
        );
        assert_eq!(
            find_in_paragraph("NAIROBI — Rains returned to the region this week.", None),
            dl("NAIROBI", None, None)
        );
        assert_eq!(
            find_in_paragraph("SAN JOSE, Calif. (AP) — Engineers said on Friday.", None),
            dl("SAN JOSE, Calif.", None, Some("AP"))
        );
        assert_eq!(
            find_in_paragraph("Kyiv, June 3, 2022 (Ukrinform) - Officials said.", None),
            dl("Kyiv", Some("2022-06-03"), Some("Ukrinform"))
        );
    }

    #[test]
    fn dateline_in_the_first_lines_of_a_body() {
        let text = "Council approves new bridge\n\nBy Jane Doe\n\n\
            Moscow, Jul 15 (Prensa Latina) Russia said today that talks would resume.";
        assert_eq!(
            find(text, Some(2016)),
            dl("Moscow", Some("2016-07-15"), Some("Prensa Latina"))
        );
    }

    #[test]
    fn ordinary_openings_are_not_datelines() {
        for p in [
            "The president (who arrived late) spoke first.",
            "In a meeting to which the media had brief access, the two men spoke.",
            "Prices rose - and then fell again.",
            "The minister said - and he meant it - no.",
            "Moscow is a big city (about 12 million people) on the Moskva river.",
            "He said (in 2015) that it would never happen.",
            "In the end (as expected) - nothing.",
            "No dash at all in this line.",
            "",
            "(AP)",
            "Берлин",
        ] {
            assert_eq!(find_in_paragraph(p, None), None, "{p}");
        }
    }
}
