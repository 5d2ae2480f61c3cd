//! One pass over the whole page that collects every metadata signal: `<meta>` and `<link>`
//! tags, JSON-LD scripts, `<title>`, headings, `<time>` elements, microdata, byline and
//! date elements, and short text runs that may hold a written date.
//!
//! Later steps (title, authors, dates …) only read what this pass gathered; none of them
//! walks the DOM again. Every list is capped so a hostile page cannot grow it unbounded.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use html5ever::local_name;

use crate::dom::{Dom, Edge, Element, NodeData, NodeId};
use crate::rules::dates::{
    DATE_CLASS_WORDS, MODIFIED_CLASS_WORDS, PARAGRAPH_HEAD_BYTES, PUBLISHED_CLASS_WORDS,
};
use crate::rules::metadata::{
    AUTHOR_PATH_SEGMENTS, BYLINE_CLASS_WORDS, DISCUSSION_TYPES, NOT_BYLINE_CLASS_WORDS,
    THREAD_CLASS_WORDS,
};
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
    /// The `<time>` element's own text (what readers see), when short.
    pub text: Option<String>,
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
    /// Microdata ingredient lines (`itemprop=recipeIngredient` / `ingredients`).
    pub recipe_ingredients: Vec<String>,
    /// An element's microdata `itemtype` declares a discussion (a forum post, a Q&A page).
    pub discussion: bool,
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

/// What an element's class and id say about it.
#[derive(Debug, Clone, Copy, Default)]
struct ClassFlags {
    foreign: bool,
    byline: bool,
    date: bool,
    modified: bool,
    published: bool,
}

/// Bits of [`ClassFlags`], one per word table.
const FOREIGN: u8 = 1;
const BYLINE: u8 = 2;
const DATE: u8 = 4;
const MODIFIED: u8 = 8;
const PUBLISHED: u8 = 16;

/// One automaton over every class/id word table: a class string is read once, whatever
/// the number of words (case-insensitive, so no lowercased copy is made).
fn class_matcher() -> &'static (Option<AhoCorasick>, Vec<u8>) {
    static MATCHER: OnceLock<(Option<AhoCorasick>, Vec<u8>)> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let tables: [(&[&str], u8); 5] = [
            (NOT_BYLINE_CLASS_WORDS, FOREIGN),
            (BYLINE_CLASS_WORDS, BYLINE),
            (DATE_CLASS_WORDS, DATE),
            (MODIFIED_CLASS_WORDS, MODIFIED),
            (PUBLISHED_CLASS_WORDS, PUBLISHED),
        ];
        let mut words = Vec::new();
        let mut bits = Vec::new();
        for (table, bit) in tables {
            for w in table {
                words.push(*w);
                bits.push(bit);
            }
        }
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            // A full DFA: the fastest search, and every class and id of the page runs
            // through it; the word lists are small enough for its memory.
            .kind(Some(AhoCorasickKind::DFA))
            .build(&words)
            .ok();
        (ac, bits)
    })
}

/// The flag bits set by the words found in `class_or_id`.
fn class_bits(class_or_id: &str) -> u8 {
    if class_or_id.is_empty() {
        return 0;
    }
    let (Some(ac), bits) = class_matcher() else {
        return 0;
    };
    ac.find_overlapping_iter(class_or_id).fold(0, |acc, m| {
        acc | bits.get(m.pattern().as_usize()).copied().unwrap_or(0)
    })
}

impl ClassFlags {
    fn of(class: &str, id: &str) -> ClassFlags {
        let b = class_bits(class) | class_bits(id);
        ClassFlags {
            foreign: b & FOREIGN != 0,
            byline: b & BYLINE != 0,
            date: b & DATE != 0,
            modified: b & MODIFIED != 0,
            published: b & PUBLISHED != 0,
        }
    }
}

/// Whether a class or id names a comment thread ([`THREAD_CLASS_WORDS`]).
fn names_thread(class_or_id: &str) -> bool {
    !class_or_id.is_empty()
        && THREAD_CLASS_WORDS.iter().any(|w| {
            class_or_id
                .as_bytes()
                .windows(w.len())
                .any(|win| win.eq_ignore_ascii_case(w.as_bytes()))
        })
}

/// Whether a link points at an author's page ("/author/jane-doe").
fn is_author_path(href: &str) -> bool {
    static MATCHER: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    MATCHER
        .get_or_init(|| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(AUTHOR_PATH_SEGMENTS)
                .ok()
        })
        .as_ref()
        .is_some_and(|ac| ac.is_match(href))
}

/// The attributes the scan reads, picked out in one pass over the element's attributes
/// (names are interned atoms: each test is an integer compare).
#[derive(Default)]
struct Attrs<'a> {
    class: &'a str,
    id: &'a str,
    content: Option<&'a str>,
    value: Option<&'a str>,
    property: Option<&'a str>,
    name: Option<&'a str>,
    itemprop: Option<&'a str>,
    http_equiv: Option<&'a str>,
    itemscope: bool,
    itemtype: Option<&'a str>,
    rel: Option<&'a str>,
    href: Option<&'a str>,
    datetime: Option<&'a str>,
    title: Option<&'a str>,
    pubdate: bool,
    lang: Option<&'a str>,
    kind: Option<&'a str>,
    src: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    fn of(el: &'a Element) -> Attrs<'a> {
        let mut a = Attrs::default();
        for (k, v) in &el.attrs {
            let v = v.as_str();
            match *k {
                local_name!("class") => a.class = v,
                local_name!("id") => a.id = v,
                local_name!("content") => a.content = Some(v),
                local_name!("value") => a.value = Some(v),
                local_name!("property") => a.property = Some(v),
                local_name!("name") => a.name = Some(v),
                local_name!("itemprop") => a.itemprop = Some(v),
                local_name!("http-equiv") => a.http_equiv = Some(v),
                local_name!("itemscope") => a.itemscope = true,
                local_name!("itemtype") => a.itemtype = Some(v),
                local_name!("rel") => a.rel = Some(v),
                local_name!("href") => a.href = Some(v),
                local_name!("datetime") => a.datetime = Some(v),
                local_name!("title") => a.title = Some(v),
                local_name!("lang") => a.lang = a.lang.or(Some(v)),
                local_name!("type") => a.kind = Some(v),
                local_name!("src") => a.src = Some(v),
                // Not an interned name: compared as text, only for the rare leftovers.
                _ if &**k == "pubdate" => a.pubdate = true,
                _ => {}
            }
        }
        a
    }
}

/// Whether a microdata `itemtype` (one or more schema URLs) names a discussion type.
fn is_discussion_type(itemtype: &str) -> bool {
    itemtype.split_whitespace().any(|url| {
        let name = url.trim_end_matches('/').rsplit('/').next().unwrap_or(url);
        DISCUSSION_TYPES
            .iter()
            .any(|t| name.eq_ignore_ascii_case(t))
    })
}

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
    // The `<blockquote>` being read, if any: an embedded post or a quotation, whose
    // dates are the quoted text's, never the page's.
    let mut quote: Option<NodeId> = None;
    let mut in_body = false;
    let mut walk = dom.traverse(Dom::ROOT);
    while let Some(edge) = walk.next() {
        let id = match edge {
            Edge::Open(id) => id,
            Edge::Close(id) => {
                if foreign.last() == Some(&id) {
                    foreign.pop();
                }
                if quote == Some(id) {
                    quote = None;
                }
                continue;
            }
        };
        order = order.wrapping_add(1);
        let el = match &dom.nodes[id as usize].data {
            NodeData::Text(t) => {
                if in_body && quote.is_none() && s.text_runs.len() < MAX_TEXT_RUNS {
                    collect_text_run(&mut s, t, order, foreign.is_empty());
                }
                continue;
            }
            NodeData::Element(el) => el,
            _ => continue,
        };
        let tag = el.tag();
        let a = Attrs::of(el);
        match *tag {
            local_name!("html") => {
                if let Some(l) = a.lang.map(str::trim).filter(|l| !l.is_empty()) {
                    if s.html_lang.is_none() {
                        s.html_lang = Some(l.to_owned());
                    }
                }
            }
            local_name!("body") => in_body = true,
            local_name!("script") => {
                let is_ld = a.kind.is_some_and(|t| {
                    t.as_bytes()
                        .windows(7)
                        .any(|w| w.eq_ignore_ascii_case(b"ld+json"))
                });
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
            // The document's title is its first HTML `<title>` wherever it stands: text
            // before `<html>` (a server's warning) moves the head's elements into the body.
            local_name!("title") if s.title.is_none() && el.is_html() => {
                let t = normalize_space(&dom.text_content(id));
                if !t.is_empty() {
                    s.title = Some(t);
                }
                continue;
            }
            local_name!("base") => {
                if s.base_href.is_none() {
                    s.base_href = a.href.map(|h| h.trim().to_owned());
                }
            }
            local_name!("meta") => {
                collect_meta(&mut s, &a);
                continue;
            }
            local_name!("link") => {
                let rel = a.rel.unwrap_or("");
                let has_rel =
                    |want: &str| rel.split_whitespace().any(|r| r.eq_ignore_ascii_case(want));
                if let Some(h) = a.href.map(str::trim).filter(|h| !h.is_empty()) {
                    if s.canonical.is_none() && has_rel("canonical") {
                        s.canonical = Some(h.to_owned());
                    } else if s.image_link.is_none() && has_rel("image_src") {
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
        let has_class = !(a.class.trim().is_empty() && a.id.trim().is_empty());
        let flags = if has_class {
            ClassFlags::of(a.class, a.id)
        } else {
            ClassFlags::default()
        };
        // The page's outer containers carry layout classes ("no-sidebars") that say
        // nothing about their content.
        let outer = matches!(
            *tag,
            local_name!("body") | local_name!("main") | local_name!("article")
        );
        // An `<aside>` inside the `<article>` holds the story's own facts (its date and
        // author box) unless its class says otherwise.
        let own_aside = *tag == local_name!("aside")
            && dom
                .ancestors(id)
                .any(|p| dom.tag(p) == Some(&local_name!("article")));
        // A container named for a sidebar or a comment that holds an `<h1>` is the story's
        // own whatever its name ("<div id=sidebar>" around a whole post). Checked only at
        // the outermost such container, so no subtree is walked twice.
        let holds_story_headline = || {
            foreign.is_empty()
                && !names_thread(a.class)
                && !names_thread(a.id)
                && dom
                    .descendants(id)
                    .any(|d| dom.tag(d) == Some(&local_name!("h1")))
        };
        let named_foreign = !outer && flags.foreign && !holds_story_headline();
        let is_foreign_el = (matches!(*tag, local_name!("nav") | local_name!("footer"))
            || (*tag == local_name!("aside") && !own_aside))
            || named_foreign;
        if is_foreign_el {
            foreign.push(id);
        }
        let article_own = foreign.is_empty();
        if *tag == local_name!("blockquote") && quote.is_none() {
            quote = Some(id);
        }
        let quoted = quote.is_some();

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
        if a.content.is_some() && (a.property.is_some() || a.itemprop.is_some()) {
            collect_meta(&mut s, &a);
        }
        if a.itemtype.is_some_and(is_discussion_type) {
            s.discussion = true;
        }
        let itemprop = a.itemprop.map(str::to_ascii_lowercase);
        if let Some(prop) = itemprop.as_deref() {
            collect_microdata(&mut s, dom, id, &a, prop, order);
        }

        let is_time = *tag == local_name!("time");
        if !quoted && (is_time || *tag == local_name!("abbr")) && s.times.len() < MAX_TIMES {
            let attr = if is_time { a.datetime } else { a.title };
            let text = if is_time {
                text_capped(dom, id, 80).filter(|t| !t.is_empty())
            } else {
                None
            };
            let value = match attr.map(str::trim).filter(|v| !v.is_empty()) {
                Some(v) => Some(v.to_owned()),
                None => text.clone(),
            };
            if let Some(value) = value {
                let published =
                    a.pubdate || itemprop.as_deref() == Some("datepublished") || flags.published;
                let modified = itemprop.as_deref() == Some("datemodified") || flags.modified;
                s.times.push(TimeSignal {
                    value,
                    text,
                    order,
                    published,
                    modified,
                    own: article_own,
                });
            }
        }

        if !quoted && has_class && flags.date && s.date_texts.len() < MAX_DATE_TEXTS {
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
            let rel_author = a.rel.is_some_and(|r| {
                r.split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("author"))
            });
            let author_page = a.href.is_some_and(is_author_path);
            if (rel_author || author_page) && s.rel_authors.len() < MAX_BYLINES {
                if let Some(t) = text_capped(dom, id, 80).filter(|t| !t.is_empty()) {
                    s.rel_authors.push(t);
                }
            }
        }
        if has_class && flags.byline && s.bylines.len() < MAX_BYLINES {
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

/// Keeps a body text node that may hold a written date: a short one whole, a long
/// paragraph's head.
fn collect_text_run(s: &mut Signals, t: &str, order: u32, own: bool) {
    // Cheap test on the raw bytes first: most text nodes (the indentation between tags
    // above all) are digit-free, and what is kept below is a part of `t`.
    if t.len() < 6 || !t.bytes().any(|b| b.is_ascii_digit()) {
        return;
    }
    let text = if t.len() <= SHORT_TEXT * 2 && t.trim().len() <= SHORT_TEXT {
        t.trim()
    } else {
        // A long paragraph counts only when a date opens it as a dateline ("(18.01.2018)
        // Deutschlands Landwirte …", "Karlsruhe, (12.11.2021). …"): then its head.
        let head = prefix_at_char(t.trim_start(), PARAGRAPH_HEAD_BYTES);
        if !super::dates::opens_with_date(head) {
            return;
        }
        head
    };
    // Cheap test on the raw bytes first: most text nodes are digit-free.
    if text.len() < 6 || !text.bytes().any(|b| b.is_ascii_digit()) {
        return;
    }
    s.text_runs.push(TextSignal {
        text: normalize_space(text),
        order,
        modified: false,
        own,
    });
}

/// The first `max` bytes of `s`, cut back to a character boundary.
fn prefix_at_char(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or("")
}

fn collect_meta(s: &mut Signals, a: &Attrs) {
    if s.meta.len() >= MAX_META {
        return;
    }
    let key = a.property.or(a.name).or(a.itemprop).or(a.http_equiv);
    let Some(key) = key else { return };
    let Some(content) = a.content.or(a.value) else {
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

fn collect_microdata(s: &mut Signals, dom: &Dom, id: NodeId, a: &Attrs, prop: &str, order: u32) {
    let Some(el) = dom.element(id) else { return };
    if *el.tag() == local_name!("meta") {
        return;
    }
    match prop {
        "articlebody" if s.article_body.is_none() => {
            s.article_body = text_capped(dom, id, MAX_ARTICLE_BODY);
        }
        "recipeingredient" | "ingredients"
            if s.recipe_ingredients.len() < super::jsonld::MAX_INGREDIENTS =>
        {
            if let Some(v) = a
                .content
                .map(normalize_space)
                .or_else(|| text_capped(dom, id, 400))
                .filter(|v| !v.is_empty())
            {
                s.recipe_ingredients.push(v);
            }
        }
        "author" | "creator" => {
            let value = if a.itemscope {
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
                a.content
                    .map(normalize_space)
                    .or_else(|| text_capped(dom, id, 120))
            };
            if let Some(v) = value.filter(|v| !v.is_empty()) {
                s.microdata.push((prop.to_owned(), v, order));
            }
        }
        "datepublished" | "datecreated" | "datemodified" | "headline" | "image" | "inlanguage" => {
            let value = a
                .content
                .or(a.datetime)
                .or(if prop == "image" { a.src } else { None })
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
