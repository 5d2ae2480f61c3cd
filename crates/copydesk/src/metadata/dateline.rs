//! The news dateline at the head of a story: "Moscow, Jul 15 (Prensa Latina) –",
//! "WASHINGTON (Reuters) -", "PARIS, 3 mars (AFP) -". Read from the first line of the
//! body text; the dateline stays in the text (it is part of the story).

use super::dates::{parse_date, DayOrder};
use crate::rules::metadata::NEWS_AGENCIES;
use crate::Dateline;

/// How far into the story a dateline may end (bytes).
const MAX_PREFIX: usize = 120;
const DASHES: &[&str] = &[" -- ", " - ", " – ", " — ", "—", "–"];

/// Paragraphs at the head of the text that may open the story (the headline and the
/// byline can come first).
const HEAD_PARAGRAPHS: usize = 4;

/// Finds the dateline at the start of the story in `text`.
pub fn find(text: &str) -> Option<Dateline> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(HEAD_PARAGRAPHS)
        .find_map(find_in_line)
}

fn find_in_line(first_line: &str) -> Option<Dateline> {
    let (pos, _) = DASHES
        .iter()
        .filter_map(|d| first_line.find(d).map(|p| (p, d)))
        .min_by_key(|(p, _)| *p)?;
    if pos == 0 || pos > MAX_PREFIX {
        return None;
    }
    let prefix = first_line.get(..pos)?.trim();
    let (rest, agency) = match prefix.strip_suffix(')') {
        Some(inner) => {
            let open = inner.rfind('(')?;
            let agency = inner.get(open + 1..)?.trim();
            if !is_agency(agency) {
                return None;
            }
            (
                inner.get(..open)?.trim().trim_end_matches(',').trim(),
                Some(agency.to_owned()),
            )
        }
        None => (prefix, None),
    };
    let (place, date) = match rest.split_once(',') {
        Some((p, d)) => (p.trim(), Some(d.trim())),
        None => (rest, None),
    };
    if place.is_empty() && agency.is_none() {
        return None;
    }
    if !place.is_empty() && !is_place(place, agency.is_some()) {
        return None;
    }
    let date = match date {
        Some(d) if is_short_date(d) => Some(
            parse_date(d, DayOrder::DayFirst)
                .map(|dt| dt.to_iso())
                .unwrap_or_else(|| d.to_owned()),
        ),
        Some(_) => return None,
        None => None,
    };
    Some(Dateline {
        place: (!place.is_empty()).then(|| place.to_owned()),
        date,
        agency,
    })
}

fn is_agency(a: &str) -> bool {
    if a.is_empty() || a.len() > 40 || a.split_whitespace().count() > 4 {
        return false;
    }
    let lower = a.to_lowercase();
    let known = lower
        .split(['/', ',', '-'])
        .any(|p| NEWS_AGENCIES.contains(&p.trim()));
    known
        || a.chars().next().is_some_and(char::is_uppercase)
            && !a.chars().any(|c| c.is_ascii_digit())
}

/// A place name: a few capitalised words; without an agency it must be in capitals
/// ("WASHINGTON —"), which is how datelines set it apart from a sentence.
fn is_place(p: &str, has_agency: bool) -> bool {
    let words = p.split_whitespace().count();
    if words == 0 || words > 4 || p.len() > 40 || p.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if !p.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if p.contains(['.', '!', '?', ':', '"']) && !p.contains("St.") && !p.contains("ST.") {
        return false;
    }
    has_agency
        || (p
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
            && p.len() >= 3)
}

fn is_short_date(d: &str) -> bool {
    !d.is_empty()
        && d.len() <= 24
        && d.split_whitespace().count() <= 4
        && d.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(p: Option<&str>, d: Option<&str>, a: Option<&str>) -> Option<Dateline> {
        Some(Dateline {
            place: p.map(Into::into),
            date: d.map(Into::into),
            agency: a.map(Into::into),
        })
    }

    #[test]
    fn agency_datelines() {
        assert_eq!(
            find("Moscow, Jul 15 (Prensa Latina) – Russia said today."),
            dl(Some("Moscow"), Some("Jul 15"), Some("Prensa Latina"))
        );
        assert_eq!(
            find("WASHINGTON (Reuters) - The U.S. Senate voted."),
            dl(Some("WASHINGTON"), None, Some("Reuters"))
        );
        assert_eq!(
            find("PARIS, 3 mars (AFP) - Le gouvernement a annoncé."),
            dl(Some("PARIS"), Some("3 mars"), Some("AFP"))
        );
        assert_eq!(
            find("WASHINGTON — The Senate voted."),
            dl(Some("WASHINGTON"), None, None)
        );
    }

    #[test]
    fn sentences_are_not_datelines() {
        assert_eq!(find("The minister said - and he meant it - no."), None);
        assert_eq!(find("In the end (as expected) - nothing."), None);
        assert_eq!(find("No dash at all in this line."), None);
        assert_eq!(find(""), None);
    }
}
