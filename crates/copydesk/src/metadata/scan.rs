//! One pass over the whole page that collects every metadata signal: `<meta>` and `<link>`
//! tags, JSON-LD scripts, `<title>`, headings, `<time>` elements, microdata, byline and
//! date elements, and short text runs that may hold a written date.
//!
//! Later steps (title, authors, dates …) only read what this pass gathered; none of them
//! walks the DOM again. Every list is capped so a hostile page cannot grow it unbounded.

use std::collections::HashMap;

use html5ever::local_name;

use crate::dom::{Dom, Edge, NodeData, NodeId};
use crate::rules::dates::{DATE_CLASS_WORDS, MODIFIED_CLASS_WORDS};
use crate::rules::metadata::{AUTHOR_PATH_SEGMENTS, BYLINE_CLASS_WORDS, NOT_BYLINE_CLASS_WORDS};
use crate::text::normalize_space;

/// Caps on what the scan keeps (a page with 10,000 `<meta>` tags still costs little).
const MAX_META: usize = 2_000;
const MAX_JSONLD_BYTES: usize = 4 * 1024 * 1024;
const MAX_HEADINGS: usize = 8;
const MAX_TIMES: usize = 64;
const MAX_BYLINES: usize = 32;
const MAX_DATE_TEXTS: usize = 256;
const MAX_TEXT_RUNS: usize = 4_000;
/// Longest text a byline or date element may hold to be read as one.
const SHORT_TEXT: usize = 240;
const MAX_ARTICLE_BODY: usize = 1024 * 1024;

/// A `<time>` element or an `<abbr title>` that carries a machine-readable date.
#[derive(Debug, Clone)]
pub struct TimeSignal {
    /// The `datetime` (or `title`) attribute, else the element's text.
    pub value: String,
    /// Document order of the element.
    pub order: u32,
    /// Marked as the publication date (`pubdate`, `itemprop=datePublished`, class "published").
    pub published: bool,
    /// Marked as a modification date.
    pub modified: bool,
    /// Outside navigation, sidebars, footers and comment sections.
    pub own: bool,
}

/// A short piece of text that may hold a date or a byline.
#[derive(Debug, Clone)]
pub struct TextSignal {
    pub text: String,
    pub order: u32,
    /// For date texts: the element is marked as a modification date.
    pub modified: bool,
    /// Outside navigation, sidebars, footers and comment sections.
    pub own: bool,
}

/// Everything the scan found, in document order within each list.
#[derive(Debug, Default)]
pub struct Signals {
    pub html_lang: Option<String>,
    pub base_href: Option<String>,
    pub title: Option<String>,
    /// `(key, content)`: key is the lowercased `property`, `name`, `itemprop` or `http-equiv`.
    pub meta: Vec<(String, String)>,
    pub jsonld: Vec<String>,
    pub canonical: Option<String>,
    pub image_link: Option<String>,
    pub h1: Vec<TextSignal>,
    pub times: Vec<TimeSignal>,
    /// Microdata outside `<meta>`: `(itemprop lowercased, value, order)`.
    pub microdata: Vec<(String, String, u32)>,
    pub rel_authors: Vec<String>,
    pub bylines: Vec<TextSignal>,
    pub date_texts: Vec<TextSignal>,
    /// Short text runs of the body (for dates written in running text).
    pub text_runs: Vec<TextSignal>,
    pub article_body: Option<String>,
    /// Document order of the first `<h1>` in the body, if any.
    pub first_h1_order: Option<u32>,
}

impl Signals {
    /// The first meta value under one of `keys`, trying the keys in order.
    pub fn meta_first(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.meta
                .iter()
                .find(|(mk, v)| mk == k && !v.is_empty())
                .map(|(_, v)| v.as_str())
        })
    }

    /// Every meta value under `key`, in document order.
    pub fn meta_all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.meta
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Whether a class/id string contains one of `words` (lowercased substring match).
fn class_has(class_id: &str, words: &[&str]) -> bool {
    words.iter().any(|w| class_id.contains(w))
}

/// What an element's class and id say, computed once per distinct class/id string (pages
/// repeat the same few hundred class strings across thousands of elements).
#[derive(Debug, Clone, Copy, Default)]
struct ClassFlags {
    foreign: bool,
    byline: bool,
    date: bool,
    modified: bool,
    published: bool,
}

impl ClassFlags {
    fn of(class_id: &str) -> ClassFlags {
        if class_id.trim().is_empty() {
            return ClassFlags::default();
        }
        ClassFlags {
            foreign: class_has(class_id, NOT_BYLINE_CLASS_WORDS),
            byline: class_has(class_id, BYLINE_CLASS_WORDS),
            date: class_has(class_id, DATE_CLASS_WORDS),
            modified: class_has(class_id, MODIFIED_CLASS_WORDS),
            published: class_id.contains("publish") || class_id.contains("entry-date"),
        }
    }
}

/// Distinct class strings remembered per page at most.
const MAX_CLASS_CACHE: usize = 4096;

/// The text below `id`, whitespace folded, or `None` when it is longer than `cap` bytes.
pub fn text_capped(dom: &Dom, id: NodeId, cap: usize) -> Option<String> {
    let mut out = String::new();
    // Short text in a huge subtree is markup-heavy layout, not a byline or a date.
    let max_nodes = 64 + cap / 4;
    for (seen, n) in dom.descendants(id).enumerate() {
        if seen > max_nodes {
            return None;
        }
        if let NodeData::Text(t) = &dom.nodes[n as usize].data {
            if out.len() + t.len() > cap * 4 {
                return None;
            }
            out.push_str(t);
            out.push(' ');
        }
    }
    let t = normalize_space(&out);
    (t.len() <= cap).then_some(t)
}

/// Walks the page once and gathers the signals.
pub fn scan(dom: &Dom) -> Signals {
    let mut s = Signals::default();
    let mut jsonld_bytes = 0usize;
    let mut order: u32 = 0;
    // Elements whose subtree is not the article's own (comments, sidebars, navigation):
    // bylines and dates inside them belong to something else.
    let mut foreign: Vec<NodeId> = Vec::new();
    let mut in_body = false;
    let mut class_cache: HashMap<String, ClassFlags> = HashMap::new();
    let mut walk = dom.traverse(Dom::ROOT);
    while let Some(edge) = walk.next() {
        let id = match edge {
            Edge::Open(id) => id,
            Edge::Close(id) => {
                if foreign.last() == Some(&id) {
                    foreign.pop();
                }
                continue;
            }
        };
        order = order.wrapping_add(1);
        match &dom.nodes[id as usize].data {
            NodeData::Text(t) => {
                if in_body && s.text_runs.len() < MAX_TEXT_RUNS {
                    let t = t.trim();
                    if t.len() >= 6
                        && t.len() <= SHORT_TEXT
                        && t.bytes().any(|b| b.is_ascii_digit())
                    {
                        s.text_runs.push(TextSignal {
                            text: normalize_space(t),
                            order,
                            modified: false,
                            own: foreign.is_empty(),
                        });
                    }
                }
                continue;
            }
            NodeData::Element(_) => {}
            _ => continue,
        }
        let Some(el) = dom.element(id) else { continue };
        let tag = el.tag();
        match *tag {
            local_name!("html") => {
                if let Some(l) = el.attr("lang").or_else(|| el.attr("xml:lang")) {
                    let l = l.trim();
                    if !l.is_empty() && s.html_lang.is_none() {
                        s.html_lang = Some(l.to_owned());
                    }
                }
            }
            local_name!("body") => in_body = true,
            local_name!("script") => {
                let is_ld = el
                    .attr("type")
                    .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"));
                if is_ld && jsonld_bytes < MAX_JSONLD_BYTES {
                    let t = dom.text_content(id);
                    jsonld_bytes += t.len();
                    s.jsonld.push(t);
                }
                walk.skip_children(id);
                continue;
            }
            local_name!("style") | local_name!("noscript") | local_name!("template") => {
                walk.skip_children(id);
                continue;
            }
            local_name!("title") if s.title.is_none() && !in_body => {
                let t = normalize_space(&dom.text_content(id));
                if !t.is_empty() {
                    s.title = Some(t);
                }
                continue;
            }
            local_name!("base") => {
                if s.base_href.is_none() {
                    s.base_href = el.attr("href").map(|h| h.trim().to_owned());
                }
            }
            local_name!("meta") => {
                collect_meta(&mut s, el);
                continue;
            }
            local_name!("link") => {
                let rel = el.attr("rel").unwrap_or("").to_ascii_lowercase();
                let href = el.attr("href").map(str::trim).filter(|h| !h.is_empty());
                if let Some(h) = href {
                    if rel.split_whitespace().any(|r| r == "canonical") && s.canonical.is_none() {
                        s.canonical = Some(h.to_owned());
                    } else if rel.split_whitespace().any(|r| r == "image_src")
                        && s.image_link.is_none()
                    {
                        s.image_link = Some(h.to_owned());
                    }
                }
                continue;
            }
            _ => {}
        }
        if !in_body {
            continue;
        }
        let (class, el_id) = (el.class(), el.id());
        let class_id = if class.is_empty() && el_id.is_empty() {
            String::new()
        } else {
            let mut c = class.to_ascii_lowercase();
            c.push(' ');
            c.push_str(&el.id().to_ascii_lowercase());
            c
        };
        let flags = if class_id.is_empty() {
            ClassFlags::default()
        } else if let Some(f) = class_cache.get(&class_id) {
            *f
        } else {
            let f = ClassFlags::of(&class_id);
            if class_cache.len() < MAX_CLASS_CACHE {
                class_cache.insert(class_id.clone(), f);
            }
            f
        };
        // The page's outer containers carry layout classes ("no-sidebars") that say
        // nothing about their content.
        let outer = matches!(
            *tag,
            local_name!("body") | local_name!("main") | local_name!("article")
        );
        let is_foreign_el = matches!(
            *tag,
            local_name!("nav") | local_name!("footer") | local_name!("aside")
        ) || (!outer && flags.foreign);
        if is_foreign_el {
            foreign.push(id);
        }
        let article_own = foreign.is_empty();

        if *tag == local_name!("h1") && s.h1.len() < MAX_HEADINGS {
            if let Some(t) = text_capped(dom, id, 400).filter(|t| !t.is_empty()) {
                if article_own && s.first_h1_order.is_none() {
                    s.first_h1_order = Some(order);
                }
                s.h1.push(TextSignal {
                    text: t,
                    order,
                    modified: false,
                    own: article_own,
                });
            }
        }

        // RDFa and microdata put machine-readable values on any element.
        if el.attr("content").is_some()
            && (el.attr("property").is_some() || el.attr("itemprop").is_some())
        {
            collect_meta(&mut s, el);
        }
        let itemprop = el.attr("itemprop").map(str::to_ascii_lowercase);
        if let Some(prop) = itemprop.as_deref() {
            collect_microdata(&mut s, dom, id, prop, order);
        }

        if (*tag == local_name!("time") || *tag == local_name!("abbr")) && s.times.len() < MAX_TIMES
        {
            let attr = if *tag == local_name!("time") {
                el.attr("datetime")
            } else {
                el.attr("title")
            };
            let value = match attr.map(str::trim).filter(|v| !v.is_empty()) {
                Some(v) => Some(v.to_owned()),
                None if *tag == local_name!("time") => text_capped(dom, id, 80),
                None => None,
            };
            if let Some(value) = value {
                let published = el.attr("pubdate").is_some()
                    || itemprop.as_deref() == Some("datepublished")
                    || flags.published;
                let modified = itemprop.as_deref() == Some("datemodified") || flags.modified;
                s.times.push(TimeSignal {
                    value,
                    order,
                    published,
                    modified,
                    own: article_own,
                });
            }
        }

        if !class_id.trim().is_empty() && s.date_texts.len() < MAX_DATE_TEXTS && flags.date {
            if let Some(t) = text_capped(dom, id, SHORT_TEXT).filter(|t| !t.is_empty()) {
                s.date_texts.push(TextSignal {
                    text: t,
                    order,
                    modified: flags.modified,
                    own: article_own,
                });
            }
        }
        if !article_own {
            continue;
        }
        if *tag == local_name!("a") {
            let rel_author = el.attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("author"))
            });
            let author_page = el.attr("href").is_some_and(|h| {
                let h = h.to_ascii_lowercase();
                AUTHOR_PATH_SEGMENTS.iter().any(|seg| h.contains(seg))
            });
            if rel_author || author_page {
                if let Some(t) = text_capped(dom, id, 80).filter(|t| !t.is_empty()) {
                    if s.rel_authors.len() < MAX_BYLINES {
                        s.rel_authors.push(t);
                    }
                }
            }
        }
        if class_id.trim().is_empty() {
            continue;
        }
        if s.bylines.len() < MAX_BYLINES && flags.byline {
            if let Some(t) = text_capped(dom, id, SHORT_TEXT).filter(|t| !t.is_empty()) {
                s.bylines.push(TextSignal {
                    text: t,
                    order,
                    modified: false,
                    own: article_own,
                });
            }
        }
    }
    s
}

fn collect_meta(s: &mut Signals, el: &crate::dom::Element) {
    if s.meta.len() >= MAX_META {
        return;
    }
    let key = el
        .attr("property")
        .or_else(|| el.attr("name"))
        .or_else(|| el.attr("itemprop"))
        .or_else(|| el.attr("http-equiv"));
    let Some(key) = key else { return };
    let Some(content) = el.attr("content").or_else(|| el.attr("value")) else {
        return;
    };
    if content.len() > 4096 {
        return;
    }
    let content = normalize_space(&super::entities::decode(content));
    if content.is_empty() {
        return;
    }
    // A `property` may hold several space-separated keys ("dc:title og:title").
    for k in key.split_whitespace().take(4) {
        s.meta.push((k.to_ascii_lowercase(), content.clone()));
    }
}

fn collect_microdata(s: &mut Signals, dom: &Dom, id: NodeId, prop: &str, order: u32) {
    let Some(el) = dom.element(id) else { return };
    if *el.tag() == local_name!("meta") {
        return;
    }
    match prop {
        "articlebody" if s.article_body.is_none() => {
            s.article_body = text_capped(dom, id, MAX_ARTICLE_BODY);
        }
        "author" | "creator" => {
            let value = if el.attr("itemscope").is_some() {
                // The person's name is its own `itemprop=name` below.
                dom.descendants(id)
                    .skip(1)
                    .find(|&n| {
                        dom.element(n)
                            .and_then(|e| e.attr("itemprop"))
                            .is_some_and(|p| p.eq_ignore_ascii_case("name"))
                    })
                    .and_then(|n| {
                        let e = dom.element(n)?;
                        e.attr("content")
                            .map(normalize_space)
                            .or_else(|| text_capped(dom, n, 120))
                    })
            } else {
                el.attr("content")
                    .map(normalize_space)
                    .or_else(|| text_capped(dom, id, 120))
            };
            if let Some(v) = value.filter(|v| !v.is_empty()) {
                s.microdata.push((prop.to_owned(), v, order));
            }
        }
        "datepublished" | "datecreated" | "datemodified" | "headline" | "image" | "inlanguage" => {
            let value = el
                .attr("content")
                .or_else(|| el.attr("datetime"))
                .or_else(|| {
                    if prop == "image" {
                        el.attr("src")
                    } else {
                        None
                    }
                })
                .map(normalize_space)
                .or_else(|| {
                    if prop == "image" {
                        None
                    } else {
                        text_capped(dom, id, 400)
                    }
                });
            if let Some(v) = value.filter(|v| !v.is_empty()) {
                if s.microdata.len() < MAX_TIMES * 4 {
                    s.microdata.push((prop.to_owned(), v, order));
                }
            }
        }
        _ => {}
    }
}
