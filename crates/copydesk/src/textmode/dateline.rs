//! The dateline that opens a wire story: "Moscow, Jul 15 (Prensa Latina) Russian…",
//! "WASHINGTON (Reuters) - …", "Berlin, 5. März (dpa) – …", "PARÍS, 15 jul (EFE).- …".
//!
//! The dateline stays in the body (it is part of the story); this only reads it into the
//! record. (Duplicates what the metadata stage's `find_dateline` is meant to do for HTML;
//! the two can be unified.)

use super::dates::{parse_date, Date};
use crate::Dateline;

/// The dateline must close within this many bytes of the paragraph start.
const MAX_DATELINE_BYTES: usize = 120;
/// At most this many words in a place or agency name.
const MAX_NAME_WORDS: usize = 5;

/// Reads the dateline at the start of `paragraph`. `year` (from the publication date) turns
/// a year-less dateline date into ISO 8601.
pub fn find_dateline(paragraph: &str, year: Option<u16>) -> Option<Dateline> {
    let head_end = floor_char_boundary(paragraph, MAX_DATELINE_BYTES);
    let head = paragraph.get(..head_end)?;
    if let Some(open) = head.find('(') {
        let close = open + head[open..].find(')')?;
        let agency = head[open + 1..close].trim();
        let (place, date) = place_and_date(&head[..open])?;
        if !is_agency(agency) {
            return None;
        }
        let rest = strip_separator(&paragraph[close + 1..]);
        if !starts_like_sentence(rest) {
            return None;
        }
        return Some(make(place, date, Some(agency), year));
    }
    // Without an agency the place must be followed by a dash: "WASHINGTON — The …".
    let (dash, width) = ["—", "–", " - ", " -- "]
        .iter()
        .filter_map(|d| head.find(d).map(|i| (i, d.len())))
        .min()?;
    let (place, date) = place_and_date(&head[..dash])?;
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
    date: Option<(Date, &str)>,
    agency: Option<&str>,
    year: Option<u16>,
) -> Dateline {
    let date = date.map(|(d, written)| {
        let resolved = Date {
            year: d.year.or(year),
            ..d
        };
        resolved.iso().unwrap_or_else(|| written.trim().to_owned())
    });
    Dateline {
        place: Some(place.to_owned()),
        date,
        agency: agency.map(str::to_owned),
    }
}

/// "Moscow, Jul 15" → ("Moscow", Jul 15); "SAN JOSE, Calif." → ("SAN JOSE, Calif.", none).
fn place_and_date(head: &str) -> Option<(&str, Option<(Date, &str)>)> {
    let head = head.trim().trim_end_matches(',').trim_end();
    let mut place_end = 0;
    let mut date = None;
    for (i, part) in split_commas(head).into_iter().enumerate() {
        let text = part.1.trim();
        if let Some(d) = parse_date(text) {
            if i == 0 {
                return None;
            }
            date = Some((d, text));
            break;
        }
        if !is_name(text) || date.is_some() || i >= 3 {
            return None;
        }
        place_end = part.0 + part.1.len();
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
            out.push((start, &s[start..i]));
            start = i + c.len_utf8();
        }
    }
    out.push((start, &s[start..]));
    out
}

/// A proper name: 1–5 words, each longer than three letters capitalised (so "Rio de
/// Janeiro" and "Frankfurt am Main" pass, "The president" does not), no digits.
fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_NAME_WORDS || s.len() > 60 {
        return false;
    }
    let capitalised = |w: &str| w.chars().next().is_some_and(|c| !c.is_lowercase());
    capitalised(words[0])
        && words
            .iter()
            .all(|w| w.chars().count() <= 3 || capitalised(w))
        && s.chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || ".-'’".contains(c))
}

/// An agency in parentheses: "Prensa Latina", "Reuters", "dpa", "AFP/EFE".
fn is_agency(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=MAX_NAME_WORDS).contains(&words)
        && s.len() <= 40
        && s.chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || "-/&.'’".contains(c))
        && s.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() && (!c.is_lowercase() || s.len() <= 4))
}

fn strip_separator(s: &str) -> &str {
    s.trim_start_matches(|c: char| c.is_whitespace() || "-–—:.".contains(c))
}

fn starts_like_sentence(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_numeric()
            || "\"“«„'‘".contains(c)
            || (c.is_alphabetic() && !c.is_lowercase())
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
            find_dateline(
                "Lisbon, Mar 3 (Prensa Latina) The city council met on Monday.",
                Some(2019)
            ),
            dl("Lisbon", Some("2019-03-03"), Some("Prensa Latina"))
        );
        assert_eq!(
            find_dateline("Lisbon, Mar 3 (Prensa Latina) The city council met.", None),
            dl("Lisbon", Some("Mar 3"), Some("Prensa Latina"))
        );
        assert_eq!(
            find_dateline("WASHINGTON (Reuters) - The Senate voted on Tuesday.", None),
            dl("WASHINGTON", None, Some("Reuters"))
        );
        assert_eq!(
            find_dateline(
                "Berlin, 5. März (dpa) – Die Regierung hat beschlossen.",
                Some(2020)
            ),
            dl("Berlin", Some("2020-03-05"), Some("dpa"))
        );
        assert_eq!(
            find_dateline(
                "PARÍS, 15 jul (EFE).- El Gobierno francés anunció hoy.",
                Some(2016)
            ),
            dl("PARÍS", Some("2016-07-15"), Some("EFE"))
        );
        assert_eq!(
            find_dateline("NAIROBI — Rains returned to the region this week.", None),
            dl("NAIROBI", None, None)
        );
        assert_eq!(
            find_dateline("SAN JOSE, Calif. (AP) — Engineers said on Friday.", None),
            dl("SAN JOSE, Calif.", None, Some("AP"))
        );
    }

    #[test]
    fn ordinary_openings_are_not_datelines() {
        for p in [
            "The president (who arrived late) spoke first.",
            "In a meeting to which the media had brief access, the two men spoke.",
            "Prices rose - and then fell again.",
            "Moscow is a big city (about 12 million people) on the Moskva river.",
            "He said (in 2015) that it would never happen.",
            "",
            "(AP)",
            "Берлин",
        ] {
            assert_eq!(find_dateline(p, None), None, "{p}");
        }
    }
}
