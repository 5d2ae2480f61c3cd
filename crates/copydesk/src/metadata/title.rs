//! The headline, reconciled from JSON-LD, OpenGraph/Twitter meta, `<h1>` and `<title>`:
//! a heading that the metadata confirms wins; otherwise the structured headline; the
//! `<title>` only with the site or section name it glues on taken off.

use super::jsonld::JsonLdFacts;
use super::scan::Signals;
use crate::rules::metadata::{TITLE_INNER_SEPARATORS, TITLE_META_KEYS, TITLE_SEPARATORS};
use crate::text::normalize_space;

/// Lowercased letters and digits only: the form in which titles and site names are compared.
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `part` names the site: it equals or contains the site name or the host's
/// main label, or the site name contains it.
fn is_site_part(part: &str, sites: &[String]) -> bool {
    let p = key(part);
    if p.is_empty() {
        return true;
    }
    sites.iter().any(|s| {
        !s.is_empty() && (p == *s || p.contains(s.as_str()) || (s.contains(&p) && p.len() >= 3))
    })
}

/// Whether the whole of `t` is the site's name (never so when no site name is known).
fn names_site(t: &str, sites: &[String]) -> bool {
    !sites.is_empty() && is_site_part(t, sites)
}

/// A title with its site/section parts taken off, and the part taken off (a site name
/// candidate) when one was.
pub fn strip_site(title: &str, sites: &[String]) -> (String, Option<String>) {
    let title = normalize_space(title);
    for sep in TITLE_SEPARATORS {
        if !title.contains(sep) {
            continue;
        }
        let parts: Vec<&str> = title.split(sep).map(str::trim).collect();
        if parts.len() < 2 {
            continue;
        }
        // Site parts at either end go; what stays is the headline.
        let mut lo = 0;
        let mut hi = parts.len();
        let mut removed = None;
        while hi - lo > 1 && is_site_part(parts[hi - 1], sites) {
            removed = Some(parts[hi - 1].to_owned());
            hi -= 1;
        }
        while hi - lo > 1 && is_site_part(parts[lo], sites) {
            removed = Some(parts[lo].to_owned());
            lo += 1;
        }
        if removed.is_none() && !TITLE_INNER_SEPARATORS.contains(sep) {
            // No known site name: short trailing parts after a long headline are the
            // site and section ("Long headline here - Section - Example").
            while hi - lo > 1 {
                let last = parts[hi - 1];
                let head_len: usize = parts[lo..hi - 1].iter().map(|p| p.len()).sum();
                if last.split_whitespace().count() <= 4 && last.len() * 2 < head_len {
                    removed = Some(last.to_owned());
                    hi -= 1;
                } else {
                    break;
                }
            }
        }
        if removed.is_some() {
            let kept = parts[lo..hi].join(sep);
            if !kept.is_empty() {
                return (kept, removed);
            }
        }
    }
    (title, None)
}

/// Whether `h` is `t` or stands as a whole part of it (between separators or at an end).
fn confirms(h: &str, t: &str) -> bool {
    let (hk, tk) = (key(h), key(t));
    if hk.is_empty() || tk.is_empty() {
        return false;
    }
    hk == tk || (hk.len() >= 12 && tk.contains(&hk))
}

/// Share of `a`'s words (lowercased) that also occur in `b`.
fn word_overlap(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() {
        return 0.0;
    }
    let shared = wa.iter().filter(|w| wb.contains(w)).count();
    shared as f64 / wa.len() as f64
}

/// The reconciled headline, and the site name the `<title>` carried (when it did).
pub fn choose(
    signals: &Signals,
    jsonld: &JsonLdFacts,
    site_names: &[String],
) -> (Option<String>, Option<String>) {
    let sites: Vec<String> = site_names
        .iter()
        .map(|s| key(s))
        .filter(|s| s.len() >= 2)
        .collect();
    let html_title = signals.title.as_deref().map(|t| strip_site(t, &sites));
    let meta_title = signals
        .meta_first(TITLE_META_KEYS)
        .map(|t| strip_site(t, &sites));
    let ld_title = jsonld.headline.as_deref().map(|t| strip_site(t, &sites));
    let site_from_title = html_title
        .as_ref()
        .and_then(|(_, s)| s.clone())
        .or_else(|| meta_title.as_ref().and_then(|(_, s)| s.clone()));

    let references: Vec<&str> = [
        ld_title.as_ref().map(|t| t.0.as_str()),
        meta_title.as_ref().map(|t| t.0.as_str()),
        html_title.as_ref().map(|t| t.0.as_str()),
        jsonld.headline.as_deref(),
        signals.title.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();

    let own_h1: Vec<&str> = signals
        .h1
        .iter()
        .filter(|h| h.own && !names_site(&h.text, &sites))
        .map(|h| h.text.as_str())
        .collect();
    // A heading the metadata confirms is the cleanest form of the headline.
    for h in &own_h1 {
        if references.iter().any(|r| confirms(h, r)) {
            return (Some((*h).to_owned()), site_from_title);
        }
    }
    // A heading with a kicker or a subtitle glued on: the metadata's headline is the
    // heading's own part.
    for h in &own_h1 {
        let hk = key(h);
        if let Some(r) = references.iter().find(|r| {
            let rk = key(r);
            rk.len() >= 12 && hk.len() > rk.len() && (hk.ends_with(&rk) || hk.starts_with(&rk))
        }) {
            return (Some((*r).to_owned()), site_from_title);
        }
    }
    // One main heading is the page's own statement of its title, even where the
    // metadata words it for search engines.
    if let [h] = own_h1.as_slice() {
        let related = references.is_empty() || references.iter().any(|r| word_overlap(h, r) >= 0.5);
        if related && h.chars().filter(|c| c.is_alphanumeric()).count() >= 4 {
            return (Some((*h).to_owned()), site_from_title);
        }
    }
    let structured = ld_title
        .or(meta_title)
        .map(|t| t.0)
        .filter(|t| !names_site(t, &sites));
    let title = match (structured, html_title.map(|t| t.0)) {
        // A structured headline cut short (JSON-LD headlines are often capped): the
        // `<title>` has it whole.
        (Some(s), Some(h)) if h.len() > s.len() && key(&h).starts_with(&key(&s)) => Some(h),
        (Some(s), _) => Some(s),
        (None, Some(h)) if !names_site(&h, &sites) => Some(h),
        (None, h) => signals.h1.first().map(|x| x.text.clone()).or(h),
    };
    (title.filter(|t| !t.is_empty()), site_from_title)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sites(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| key(x)).collect()
    }

    #[test]
    fn strips_known_site() {
        let (t, s) = strip_site("Hero saves city | Daily Planet", &sites(&["Daily Planet"]));
        assert_eq!(t, "Hero saves city");
        assert_eq!(s.as_deref(), Some("Daily Planet"));
        let (t, _) = strip_site("Daily Planet - Hero saves city", &sites(&["dailyplanet"]));
        assert_eq!(t, "Hero saves city");
    }

    #[test]
    fn strips_short_unknown_suffix() {
        let (t, s) = strip_site("A long headline about the council vote - Politics", &[]);
        assert_eq!(t, "A long headline about the council vote");
        assert_eq!(s.as_deref(), Some("Politics"));
        let (t, _) = strip_site("Spider-Man: Homecoming", &[]);
        assert_eq!(t, "Spider-Man: Homecoming");
    }
}
