//! Authors: people's names from JSON-LD, meta tags, microdata, `rel=author` links and
//! byline elements, with "By"/"Von"/"Par" taken off, several names split ("A, B and C"),
//! and roles, organisations, dates and placeholders left out. On a
//! discussion (a forum thread, a Q&A page) the author is who opened it.

use super::jsonld::JsonLdFacts;
use super::scan::Signals;
use crate::rules::dates::{MONTH_NAMES, WEEKDAY_NAMES};
use crate::rules::metadata::{
    AUTHOR_DATE_LEADS, AUTHOR_JOINERS, AUTHOR_META_KEYS, BYLINE_PREFIXES, NAME_CREDENTIALS,
    NOT_AUTHOR_NAMES, NOT_AUTHOR_WORDS,
};
use crate::text::{is_cjk, normalize_space};

const MAX_AUTHORS: usize = 16;
const MAX_NAME_WORDS: usize = 5;

/// The authors, from the best source that names at least one person. (The site's own name
/// is not left out: a company blog or a one-person site signs with it, and it is what the
/// page declares.)
pub fn choose(signals: &Signals, jsonld: &JsonLdFacts) -> Vec<String> {
    let sources: [Vec<String>; 5] = [
        jsonld
            .authors
            .iter()
            .flat_map(|a| split_byline(a))
            .collect(),
        meta_authors(signals),
        signals
            .microdata
            .iter()
            .filter(|(p, _, _)| p == "author" || p == "creator")
            .flat_map(|(_, v, _)| split_byline(v))
            .collect(),
        signals
            .rel_authors
            .iter()
            .flat_map(|a| split_byline(a))
            .collect(),
        signals
            .bylines
            .iter()
            .map(|b| split_byline(&b.text))
            .find(|v| !v.is_empty())
            .unwrap_or_default(),
    ];
    let discussion = signals.discussion || jsonld.discussion;
    sources
        .into_iter()
        .map(|names| {
            let mut names = dedupe(names);
            // Every post of a thread names its writer; the thread's author wrote the first.
            if discussion {
                names.truncate(1);
            }
            names
        })
        .find(|v| !v.is_empty())
        .unwrap_or_default()
}

fn meta_authors(signals: &Signals) -> Vec<String> {
    for key in AUTHOR_META_KEYS {
        let names: Vec<String> = signals
            .meta_all(key)
            .filter(|v| !v.contains("://") && !v.starts_with("www."))
            .flat_map(split_byline)
            .collect();
        if !names.is_empty() {
            return names;
        }
    }
    Vec::new()
}

fn dedupe(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        if !out.iter().any(|o| o.to_lowercase() == n.to_lowercase()) && out.len() < MAX_AUTHORS {
            out.push(n);
        }
    }
    out
}

/// Splits a byline into the people it names ("By A, B and C" → A, B, C).
pub fn split_byline(text: &str) -> Vec<String> {
    let text = normalize_space(text);
    if text.is_empty() || text.len() > 400 || text.contains("://") {
        return Vec::new();
    }
    // A byline often runs on into the date or a role: keep what comes before.
    let head = text
        .split(['|', '•', '·', '—', '–', '\n', '(', '/', '»'])
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .find(|p| !strip_prefixes(p).is_empty())
        .unwrap_or("");
    let head = strip_prefixes(head);
    let head = cut_at_digits(head);
    let mut parts: Vec<String> = vec![head.to_owned()];
    for sep in [",", ";", "，", "、"].iter().chain(AUTHOR_JOINERS.iter()) {
        parts = parts
            .iter()
            .flat_map(|p| {
                if sep.trim().is_empty() {
                    vec![p.clone()]
                } else if sep.starts_with(' ') {
                    // Word joiners match case-insensitively ("A AND B").
                    split_ci(p, sep)
                } else {
                    p.split(sep).map(str::to_owned).collect()
                }
            })
            .collect();
    }
    parts.into_iter().filter_map(|p| clean_name(&p)).collect()
}

fn split_ci(s: &str, sep: &str) -> Vec<String> {
    let lower = s.to_lowercase();
    if lower.len() != s.len() {
        return s.split(sep).map(str::to_owned).collect();
    }
    let mut out = Vec::new();
    let mut start = 0;
    while let Some(pos) = lower.get(start..).and_then(|l| l.find(sep)) {
        let at = start + pos;
        out.push(s.get(start..at).unwrap_or("").to_owned());
        start = at + sep.len();
    }
    out.push(s.get(start..).unwrap_or("").to_owned());
    out
}

/// Takes "By", "Von:", "Written by" … off the front, repeatedly.
fn strip_prefixes(s: &str) -> &str {
    let mut s = s.trim();
    'again: for _ in 0..4 {
        let lower = s.to_lowercase();
        if lower.len() != s.len() {
            break;
        }
        for p in BYLINE_PREFIXES {
            if let Some(rest) = lower.strip_prefix(p) {
                let boundary =
                    p.ends_with(':') || rest.is_empty() || rest.starts_with([' ', ':', '\u{a0}']);
                if boundary {
                    s = s[p.len()..].trim_start_matches([' ', ':', '\u{a0}']).trim();
                    continue 'again;
                }
            }
        }
        break;
    }
    s
}

/// Cuts at the first word with a digit or a month name, or at a word that leads a date
/// ("on", "am", "Stand") when a date, a weekday or nothing follows it: dates follow names.
fn cut_at_digits(s: &str) -> &str {
    let words: Vec<&str> = s.split(' ').collect();
    let folded = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let dated = |w: &str| {
        let word = folded(w);
        w.chars().any(|c| c.is_ascii_digit())
            || (word.len() >= 3 && is_month(&word))
            || WEEKDAY_NAMES.contains(&word.as_str())
    };
    let mut end = s.len();
    let mut pos = 0;
    for (i, w) in words.iter().enumerate() {
        let word = folded(w);
        let leads_date = AUTHOR_DATE_LEADS.contains(&word.as_str())
            && words.get(i + 1).is_none_or(|next| dated(next));
        if w.chars().any(|c| c.is_ascii_digit())
            || (pos > 0 && word.len() >= 3 && is_month(&word))
            || (pos > 0 && leads_date)
        {
            end = pos;
            break;
        }
        pos += w.len() + 1;
    }
    s.get(..end.min(s.len())).unwrap_or(s).trim()
}

fn is_month(word: &str) -> bool {
    MONTH_NAMES.iter().any(|(m, _)| *m == word)
}

/// A person's name, tidied, or `None` when it is not one.
fn clean_name(raw: &str) -> Option<String> {
    let name = strip_prefixes(raw.trim());
    let name = name
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')')
        .trim();
    let name = normalize_space(name);
    if name.is_empty() || name.len() > 80 || name.contains('@') || name.contains("://") {
        return None;
    }
    let name = undoubled(&name).to_owned();
    let lower = name.to_lowercase();
    if NOT_AUTHOR_NAMES.contains(&lower.as_str()) || NAME_CREDENTIALS.contains(&lower.as_str()) {
        return None;
    }
    if name.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let words: Vec<&str> = lower.split(' ').collect();
    if words.iter().any(|w| NOT_AUTHOR_WORDS.contains(w)) {
        return None;
    }
    let cjk = name.chars().filter(|&c| is_cjk(c)).count();
    if cjk > 0 {
        return (cjk <= 8 && words.len() <= 2).then_some(name);
    }
    if words.len() > MAX_NAME_WORDS {
        return None;
    }
    // A name is written with capitals (in scripts that have them).
    let has_upper = name.chars().any(char::is_uppercase);
    let has_lower = name.chars().any(char::is_lowercase);
    // An all-lowercase byline is a user handle ("gizzmo") when it is one word; several
    // lowercase words are a phrase, not a name. A month is never a name.
    if has_lower && !has_upper && (words.len() > 1 || name.chars().count() < 3) {
        return None;
    }
    if words.len() == 1 && is_month(&lower) {
        return None;
    }
    Some(name)
}

/// A name written twice in a row ("Jane Doe Jane Doe": a byline's link and its text),
/// once.
fn undoubled(name: &str) -> &str {
    let words: Vec<&str> = name.split(' ').collect();
    let (first, second) = words.split_at(words.len() / 2);
    if !first.is_empty() && first == second {
        let end = first.iter().map(|w| w.len() + 1).sum::<usize>() - 1;
        return name.get(..end).unwrap_or(name);
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_strips() {
        assert_eq!(
            split_byline("By Jane Doe, John Roe and Max Mustermann"),
            vec!["Jane Doe", "John Roe", "Max Mustermann"]
        );
        assert_eq!(
            split_byline("Von Anna Schmidt und Paul Meier"),
            vec!["Anna Schmidt", "Paul Meier"]
        );
        assert_eq!(
            split_byline("By Jane Doe | July 15, 2016"),
            vec!["Jane Doe"]
        );
        assert_eq!(
            split_byline("Par Sébastien Farcis"),
            vec!["Sébastien Farcis"]
        );
        assert_eq!(
            split_byline("Written by\n\t Scott Cunningham"),
            vec!["Scott Cunningham"]
        );
    }

    #[test]
    fn not_people() {
        assert!(split_byline("Staff").is_empty());
        assert!(split_byline("admin").is_empty());
        assert!(split_byline("Email the author").is_empty());
        assert!(split_byline("15.07.2016").is_empty());
        assert!(split_byline("Reuters Staff").is_empty());
        assert!(split_byline("https://facebook.com/someone").is_empty());
        assert!(split_byline("Dezember").is_empty());
        assert!(split_byline("gesponserte inhalte").is_empty());
        assert_eq!(split_byline("gizzmo"), vec!["gizzmo"]);
        assert_eq!(split_byline("Jane Doe, MD, PhD"), vec!["Jane Doe"]);
        assert_eq!(split_byline("Summer Swann - June 3"), vec!["Summer Swann"]);
        assert!(split_byline("No author").is_empty());
    }

    #[test]
    fn bylines_running_into_dates_or_doubled() {
        assert_eq!(split_byline("Sara Muster Stand"), vec!["Sara Muster"]);
        assert_eq!(
            split_byline("isabella.muster am Samstag"),
            vec!["isabella.muster"]
        );
        assert_eq!(split_byline("beauhd on Friday"), vec!["beauhd"]);
        assert_eq!(split_byline("Post by galitsyn » Sat"), vec!["galitsyn"]);
        assert_eq!(
            split_byline("Erstellt von Andri Muster"),
            vec!["Andri Muster"]
        );
        assert_eq!(
            split_byline("Interview: Julia Muster"),
            vec!["Julia Muster"]
        );
        assert_eq!(
            split_byline("Kathrin Muster Kathrin Muster"),
            vec!["Kathrin Muster"]
        );
        assert_eq!(split_byline("Anna Anna"), vec!["Anna"]);
        // "on" leads no date here: the whole is a page name, not a person.
        assert!(split_byline("South Carolina Garden Learning Network on Facebook").is_empty());
    }
}
