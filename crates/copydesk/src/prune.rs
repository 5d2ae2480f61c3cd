//! Drops what is never content: scripts, styles, hidden nodes, forms, navigation, comment
//! sections, consent banners, share bars, ads — by tag, `role`, and class/id tokens
//! ([`crate::rules::markup`]).
//!
//! A container that holds the page's `<h1>`, its `<main>` or its `itemprop=articleBody`
//! is never removed for its class or role: page wrappers often carry classes like
//! "has-sidebar" or "with-comments", and losing the whole story to one of them is the
//! worst mistake an extractor can make.

use html5ever::local_name;

use crate::disclosure::Disclosures;
use crate::dom::{Dom, NodeId};
use crate::rules::markup::{
    Junk, CONTAINS_WORDS, DROP_TAGS, JUNK_ATTRIBUTES, JUNK_INFIXES, JUNK_PREFIXES, JUNK_ROLES,
    JUNK_TOKENS, PREFIX_EXCEPTIONS, STATE_WORDS, STREAMED_CHUNK_PREFIX,
    STREAMED_PLACEHOLDER_PREFIXES, STRONG_CONTENT_TOKENS,
};
use crate::score::TextSizes;
use crate::Options;

/// What pruning set aside.
#[derive(Debug, Default)]
pub struct Pruned {
    /// Roots of comment sections, detached from the tree (kept for `include_comments`).
    pub comments: Vec<NodeId>,
    /// How many subtrees were removed.
    pub removed: usize,
}

/// How hard to prune.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Everything the tables name.
    Strict,
    /// Everything but comment sections: on a page that declares itself a discussion (a
    /// forum thread, a Q&A page) the replies are the content.
    Thread,
    /// The retry when a strict pass left too little: comment sections and weak class
    /// words stay (on forums and Q&A pages, the replies are the content).
    Relaxed,
}

/// Prunes the `<body>` of `dom` in place.
pub fn prune(dom: &mut Dom, options: &Options, level: Level) -> Pruned {
    let _ = options;
    let mut pruned = Pruned::default();
    let Some(body) = dom.body() else {
        return pruned;
    };
    let protected = protected_nodes(dom, body);
    let disclosures = Disclosures::find(dom, body);
    let sizes = TextSizes::measure(dom, body);
    let mut remove: Vec<NodeId> = Vec::new();
    let mut verdicts = ClassVerdicts::default();
    let mut walk = dom.descendants(body);
    while let Some(id) = walk.next() {
        if id == body {
            continue;
        }
        let marks = Marks {
            protected: protected[id as usize],
            section_toggle: disclosures.toggles.contains(&id),
            collapsed_panel: !disclosures.panels.is_empty()
                && dom
                    .element(id)
                    .is_some_and(|el| disclosures.is_panel(el.id())),
        };
        if let Some(why) = junk_reason(dom, id, marks, &sizes, level, &mut verdicts) {
            remove.push(id);
            if why == Some(Junk::Comments) {
                pruned.comments.push(id);
            }
            walk.skip_subtree(id);
        } else if is_code(dom, id) {
            // Class words inside code are syntax highlighting ("hljs-comment", "token
            // punctuation"), not page furniture.
            walk.skip_subtree(id);
        }
    }
    pruned.removed = remove.len();
    for id in remove {
        dom.detach(id);
    }
    pruned
}

fn is_code(dom: &Dom, id: NodeId) -> bool {
    dom.tag(id)
        .is_some_and(|t| matches!(*t, local_name!("pre") | local_name!("code")))
}

/// Puts streamed chunks where the page's script would put them: the children of each
/// hidden `<div id="S:x">` move into the place of the placeholder `<template id="B:x">`
/// (or `"P:x"`), or, without one, stay where the chunk is, no longer hidden. Run once,
/// before pruning (which drops hidden elements).
pub fn place_streamed_chunks(dom: &mut Dom) {
    let Some(body) = dom.body() else { return };
    let mut chunks: Vec<(NodeId, String)> = Vec::new();
    let mut placeholders: std::collections::HashMap<String, NodeId> =
        std::collections::HashMap::new();
    for id in dom.descendants(body) {
        let Some(el) = dom.element(id) else { continue };
        let key = el.id();
        if *el.tag() == local_name!("template") {
            if let Some(suffix) = STREAMED_PLACEHOLDER_PREFIXES
                .iter()
                .find_map(|p| key.strip_prefix(p))
            {
                placeholders.entry(suffix.to_owned()).or_insert(id);
            }
        } else if el.attr("hidden").is_some() {
            if let Some(suffix) = key.strip_prefix(STREAMED_CHUNK_PREFIX) {
                if !suffix.is_empty() {
                    chunks.push((id, suffix.to_owned()));
                }
            }
        }
    }
    for (chunk, suffix) in chunks {
        let target = placeholders
            .get(&suffix)
            .copied()
            .filter(|&t| !dom.contains(chunk, t) && dom.parent(t).is_some())
            .unwrap_or(chunk);
        if dom.parent(target).is_none() {
            continue;
        }
        let children: Vec<NodeId> = dom.children(chunk).collect();
        for child in children {
            dom.detach(child);
            dom.insert_before(target, child);
        }
        dom.detach(chunk);
        if target != chunk {
            dom.detach(target);
        }
    }
}

/// Marks every ancestor of the page's `<h1>`s, `<main>` and `articleBody` elements.
fn protected_nodes(dom: &Dom, body: NodeId) -> Vec<bool> {
    let mut marked = vec![false; dom.len()];
    for id in dom.descendants(body) {
        let Some(el) = dom.element(id) else { continue };
        let anchor = matches!(*el.tag(), local_name!("h1") | local_name!("main"))
            || el
                .attr("role")
                .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
            || el
                .attr("itemprop")
                .is_some_and(|v| v.split_whitespace().any(|t| t == "articleBody"));
        if anchor {
            let mut at = id;
            // Stops at the first marked ancestor: everything above it is marked already,
            // so the whole marking stays linear in the size of the tree.
            while !marked[at as usize] {
                marked[at as usize] = true;
                match dom.parent(at) {
                    Some(p) => at = p,
                    None => break,
                }
            }
        }
    }
    marked
}

/// What the page says of an element beyond its own markup.
#[derive(Clone, Copy)]
struct Marks {
    /// It holds the page's `<h1>`, `<main>` or `articleBody`.
    protected: bool,
    /// It opens and closes a section of the page and carries its heading.
    section_toggle: bool,
    /// An accordion's or a tab's toggle opens it ([`crate::disclosure`]): hidden, it is
    /// collapsed text, not a leftover.
    collapsed_panel: bool,
}

/// Why `id` should go (`Some(kind)`, `Some(None)` for tag-level junk), or `None` to keep it.
#[allow(clippy::option_option)]
fn junk_reason<'a>(
    dom: &'a Dom,
    id: NodeId,
    Marks {
        protected,
        section_toggle,
        collapsed_panel,
    }: Marks,
    sizes: &TextSizes,
    level: Level,
    verdicts: &mut ClassVerdicts<'a>,
) -> Option<Option<Junk>> {
    let el = dom.element(id)?;
    let tag = el.tag();
    if !el.is_html() {
        // SVG and MathML content is never prose.
        return Some(None);
    }
    // An accordion's toggle is its section's heading, not a control.
    let toggle_button = section_toggle && *tag == local_name!("button");
    if DROP_TAGS.contains(&&**tag) && !toggle_button {
        let soft = matches!(*tag, local_name!("nav") | local_name!("aside"));
        if !(soft && protected) {
            return Some(None);
        }
    }
    if let Some((_, _, j)) = JUNK_ATTRIBUTES.iter().find(|(name, value, _)| {
        el.attr(name)
            .is_some_and(|v| v.trim().eq_ignore_ascii_case(value))
    }) {
        // A dialog's own text (terms of use) may carry headings: only the page's first
        // `<h1>` or its `<main>` make a dialog the page.
        if !(protected && holds_page_anchor(dom, id)) {
            return Some(Some(*j));
        }
    }
    if protected {
        return None;
    }
    let hidden = el.attr("hidden").is_some()
        || el
            .attr("aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        || el.attr("style").is_some_and(style_hides);
    let text = sizes.text[id as usize] as f32;
    let link_density = sizes.links[id as usize] as f32 / text.max(1.0);
    if hidden && !collapsed_panel && !hides_the_page(text, link_density, sizes) {
        return Some(Some(Junk::Hidden));
    }
    // A class word on a block that holds much of the page's prose is more likely a
    // theme's naming than a verdict ("elementor-widget-container", "layoutAdRight").
    let prose = sizes.prose[id as usize] as f32;
    let holds_the_prose = prose >= 500.0 && prose >= 0.5 * sizes.prose[sizes.root as usize] as f32;
    let holds_the_story = (text >= 0.4 * sizes.text[sizes.root as usize] as f32
        && link_density < 0.3)
        || holds_the_prose;
    match *tag {
        // Some themes set the whole post in a <header> element.
        local_name!("footer") => return Some(Some(Junk::Footer)),
        // A <header> inside an <article> is the story's own (headline, standfirst,
        // byline), not the site's masthead: its class words decide, as anywhere.
        local_name!("header") if !holds_the_prose && !in_article(dom, id) => {
            return Some(Some(Junk::Navigation))
        }
        // Forum software wraps a thread's posts in one moderation <form>, often without a
        // single <p>: a form holding that much link-poor text is the page, not a form.
        local_name!("form") if !(has_prose(dom, id) || wraps_the_page(text, link_density)) => {
            return Some(None)
        }
        _ => {}
    }
    if let Some(role) = el.attr("role") {
        let role = role.trim().to_ascii_lowercase();
        if let Some((_, j)) = JUNK_ROLES.iter().find(|(r, _)| *r == role) {
            return Some(Some(*j));
        }
    }
    // A heading's id is an anchor made from its words ("nav_nur_die_folie",
    // "share-your-story"), not a name for a template box.
    let is_heading = matches!(
        *tag,
        local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
    );
    let junk = match verdicts.get(el.class()) {
        Some(junk) => junk,
        None if !is_heading => verdicts.get(el.id())?,
        None => return None,
    };
    // Relaxed: the strict pass left next to nothing. A box named "related" (a shop's
    // "related-product" grid) may then be the page's one content.
    if level == Level::Relaxed
        && (junk == Junk::Comments || junk == Junk::Related || !junk.is_strong())
    {
        return None;
    }
    if level == Level::Thread && junk == Junk::Comments {
        return None;
    }
    let keep = if junk.is_strong() {
        holds_the_story && junk != Junk::Comments && junk != Junk::Hidden
    } else if junk == Junk::Sidebar {
        // A sidebar keeps its place only by holding the story; a long text widget in it
        // (an "about this blog", a disclaimer) is still the sidebar.
        holds_the_story
    } else if junk == Junk::Widget {
        // Page builders wrap every text block of a landing page in a "widget"; a widget
        // that is mostly prose (a feature blurb, a hero line) is the page's own text.
        holds_the_story || link_density < WIDGET_MAX_LINK_DENSITY
    } else {
        holds_the_story || (link_density < 0.4 && text >= 300.0)
    };
    (!keep).then_some(Some(junk))
}

/// Whether `id` holds the page's first `<h1>` or its `<main>` (`role=main`).
fn holds_page_anchor(dom: &Dom, id: NodeId) -> bool {
    let is_main = |n: NodeId| {
        dom.is(n, &local_name!("main"))
            || dom
                .element(n)
                .and_then(|e| e.attr("role"))
                .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
    };
    if dom.descendants(id).any(is_main) {
        return true;
    }
    let first_h1 = dom
        .body()
        .and_then(|body| dom.find(body, &local_name!("h1")));
    first_h1.is_some_and(|h| dom.contains(id, h))
}

/// Whether a hidden element holds most of the page's text, mostly outside links: the
/// page's own content hidden until a script shows it (an anti-flicker or password-gate
/// wrapper, the page under an open dialog), not a leftover.
fn hides_the_page(text: f32, link_density: f32, sizes: &TextSizes) -> bool {
    text >= HIDDEN_PAGE_SHARE * sizes.text[sizes.root as usize] as f32
        && link_density < HIDDEN_PAGE_MAX_LINK_DENSITY
}

/// See [`hides_the_page`]: the share of the page's text a hidden wrapper holds, and the
/// most of it in links (a hidden mobile menu is all links).
const HIDDEN_PAGE_SHARE: f32 = 0.6;
const HIDDEN_PAGE_MAX_LINK_DENSITY: f32 = 0.5;

/// A "widget" with less of its text in links than this is a text block, not a link box.
const WIDGET_MAX_LINK_DENSITY: f32 = 0.3;

/// Whether `id` sits inside an `<article>` element.
fn in_article(dom: &Dom, id: NodeId) -> bool {
    dom.ancestors(id)
        .any(|a| dom.is(a, &local_name!("article")))
}

/// Whether an inline `style` hides the element.
fn style_hides(style: &str) -> bool {
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    s.contains("display:none") || s.contains("visibility:hidden")
}

/// A `<form>` with at least this many characters of text (mostly outside links) wraps
/// the page's content; a search, login or reply form says far less.
const FORM_PAGE_CHARS: f32 = 1000.0;

/// Whether a form's text is the page's: that much of it, mostly outside links.
fn wraps_the_page(text: f32, link_density: f32) -> bool {
    text >= FORM_PAGE_CHARS && link_density < 0.5
}

/// Whether a form holds real paragraphs (some sites wrap the whole page in one `<form>`).
fn has_prose(dom: &Dom, id: NodeId) -> bool {
    dom.find_all(id, &local_name!("p"))
        .filter(|&p| dom.text_content(p).trim().chars().count() >= 80)
        .nth(2)
        .is_some()
}

/// [`class_junk`] verdicts memoised per attribute value: templates repeat the same
/// class strings on hundreds of elements, and each verdict costs a few allocations.
#[derive(Default)]
struct ClassVerdicts<'a> {
    seen: std::collections::HashMap<&'a str, Option<Junk>>,
}

impl<'a> ClassVerdicts<'a> {
    fn get(&mut self, value: &'a str) -> Option<Junk> {
        if value.is_empty() {
            return None;
        }
        *self.seen.entry(value).or_insert_with(|| class_junk(value))
    }
}

/// The boilerplate kind a class or id value names, if any.
pub fn class_junk(value: &str) -> Option<Junk> {
    if value.is_empty() {
        return None;
    }
    let mut found = None;
    let mut tokens = ClassTokens::default();
    for name in value.split_whitespace() {
        tokens.split(name);
        // The name glued into one lowercase word ("author-box" → "authorbox").
        let joined = tokens.joined();
        if STRONG_CONTENT_TOKENS
            .iter()
            .any(|t| contains_infix(joined, t))
        {
            return None;
        }
        if found.is_some() {
            continue;
        }
        // The glued whole name is matched whole: a prefix match on it would read
        // "sidebar-enabled" as a sidebar.
        let exact = whole_junk_token(joined);
        if let Some(j) = exact.or_else(|| {
            JUNK_INFIXES
                .iter()
                .find(|(w, _)| contains_infix(joined, w))
                .map(|(_, j)| *j)
        }) {
            found = Some(j);
            continue;
        }
        // Hiding is a property of the whole class name ("sr-only", "visually-hidden"); as a
        // part ("field-label-hidden") it speaks of something else.
        let last = tokens.len().saturating_sub(1);
        for i in 0..tokens.len() {
            let token = tokens.get(i);
            // Two-letter words like "ad" mean something only at the ends of a name
            // ("ad-slot", "top-ad"); inside one ("layoutAdRight") they are layout talk.
            if token.len() <= 3 && i != 0 && i != last {
                continue;
            }
            // "has-ads", "with-comments", "no-sidebar" say what an element holds or
            // lacks, not what it is.
            if i > 0 && CONTAINS_WORDS.contains(&tokens.get(i - 1)) {
                continue;
            }
            // "sidebar-enabled--false", "comments-disabled": a switch, not the thing.
            if i + 1 < tokens.len() && STATE_WORDS.contains(&tokens.get(i + 1)) {
                continue;
            }
            if let Some(j) = token_junk(token).filter(|&j| j != Junk::Hidden) {
                found = Some(j);
                break;
            }
        }
    }
    found
}

/// Whether `needle` occurs in `haystack`: `str::contains` for the short strings of class
/// names, without its searcher's set-up on every call.
fn contains_infix(haystack: &str, needle: &str) -> bool {
    needle.is_empty()
        || haystack
            .as_bytes()
            .windows(needle.len())
            .any(|w| w == needle.as_bytes())
}

fn token_junk(token: &str) -> Option<Junk> {
    if let Some(j) = whole_junk_token(token) {
        return Some(j);
    }
    if PREFIX_EXCEPTIONS.iter().any(|e| token.starts_with(e)) {
        return None;
    }
    JUNK_PREFIXES
        .iter()
        .find(|(p, _)| token.starts_with(p))
        .map(|(_, j)| *j)
}

/// The kind [`JUNK_TOKENS`] gives `token` (its first entry for it), looked up in a map:
/// every class word of every page is looked up, and the table is long.
fn whole_junk_token(token: &str) -> Option<Junk> {
    static BY_TOKEN: std::sync::OnceLock<std::collections::HashMap<&str, Junk>> =
        std::sync::OnceLock::new();
    let by_token = BY_TOKEN.get_or_init(|| {
        let mut map = std::collections::HashMap::new();
        for &(t, j) in JUNK_TOKENS {
            map.entry(t).or_insert(j);
        }
        map
    });
    by_token.get(token).copied()
}

/// Splits a class name into lowercase word tokens at non-alphanumerics and camelCase humps.
pub fn split_tokens(name: &str) -> Vec<String> {
    let mut tokens = ClassTokens::default();
    tokens.split(name);
    (0..tokens.len())
        .map(|i| tokens.get(i).to_owned())
        .collect()
}

/// The word tokens of one class name ([`split_tokens`]) in one reusable buffer: every
/// class word of every element is split, and a string per token is most of the cost.
#[derive(Debug, Default)]
pub struct ClassTokens {
    /// The tokens back to back: the name's alphanumerics, lowercased.
    lower: String,
    /// Each token's byte range in `lower`.
    bounds: Vec<(usize, usize)>,
}

impl ClassTokens {
    /// Splits `name`, replacing what the buffer held.
    pub fn split(&mut self, name: &str) {
        self.lower.clear();
        self.bounds.clear();
        let mut start = 0;
        let mut prev_lower = false;
        for c in name.chars() {
            if !c.is_alphanumeric() {
                self.close_token(&mut start);
                prev_lower = false;
                continue;
            }
            if c.is_uppercase() && prev_lower {
                self.close_token(&mut start);
            }
            prev_lower = c.is_lowercase() || c.is_numeric();
            self.lower.extend(c.to_lowercase());
        }
        self.close_token(&mut start);
    }

    /// Ends the token that began at `start`, if it has any characters.
    fn close_token(&mut self, start: &mut usize) {
        if self.lower.len() > *start {
            self.bounds.push((*start, self.lower.len()));
            *start = self.lower.len();
        }
    }

    /// How many tokens the name has.
    pub fn len(&self) -> usize {
        self.bounds.len()
    }

    /// Whether the name has no tokens.
    pub fn is_empty(&self) -> bool {
        self.bounds.is_empty()
    }

    /// Token `i` (`""` past the end).
    pub fn get(&self, i: usize) -> &str {
        self.bounds
            .get(i)
            .and_then(|&(s, e)| self.lower.get(s..e))
            .unwrap_or("")
    }

    /// The tokens, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.get(i))
    }

    /// All tokens glued together: the name's alphanumerics, lowercased.
    pub fn joined(&self) -> &str {
        &self.lower
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_html, ParseLimits};

    #[test]
    fn junk_token_map_answers_as_the_table() {
        for &(token, _) in JUNK_TOKENS {
            let first = JUNK_TOKENS
                .iter()
                .find(|(t, _)| *t == token)
                .map(|(_, j)| *j);
            assert_eq!(whole_junk_token(token), first, "{token}");
        }
        assert_eq!(whole_junk_token("navbar"), Some(Junk::Navigation));
        assert_eq!(whole_junk_token("storybody"), None);
    }

    #[test]
    fn tokens_split() {
        assert_eq!(
            split_tokens("post-shareButtons"),
            vec!["post", "share", "buttons"]
        );
        assert_eq!(split_tokens("socialLinks_2"), vec!["social", "links", "2"]);
    }

    #[test]
    fn class_tokens_glue_into_the_names_alphanumerics() {
        let mut tokens = ClassTokens::default();
        for name in [
            "post-shareButtons",
            "socialLinks_2",
            "Ünïcode-ÆBlock",
            "--",
            "İx",
        ] {
            tokens.split(name);
            let glued: String = name
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            assert_eq!(tokens.joined(), glued);
            assert_eq!(tokens.iter().collect::<String>(), glued);
            assert_eq!(tokens.iter().collect::<Vec<_>>(), split_tokens(name));
            assert!(tokens.iter().all(|t| !t.is_empty()));
        }
        assert!(contains_infix("authorbox", "author") && contains_infix("ab", ""));
        assert!(!contains_infix("ab", "abc") && !contains_infix("ba", "ab"));
    }

    #[test]
    fn class_rules() {
        assert_eq!(class_junk("post-share-buttons"), Some(Junk::Share));
        assert_eq!(
            class_junk("sharedaddy sd-sharing-enabled"),
            Some(Junk::Share)
        );
        assert_eq!(class_junk("header"), None);
        assert_eq!(class_junk("ad-slot"), Some(Junk::Ads));
        assert_eq!(class_junk("shadow read"), None);
        assert_eq!(class_junk("sr-only"), Some(Junk::Hidden));
        assert_eq!(class_junk("commentary-section"), None);
        assert_eq!(class_junk("entry-content share-enabled"), None);
        assert_eq!(class_junk("comment-respond"), Some(Junk::Comments));
        assert_eq!(class_junk("field field-label-hidden"), None);
        assert_eq!(class_junk("visually-hidden"), Some(Junk::Hidden));
        assert_eq!(class_junk("article--layoutAdRight"), None);
        assert_eq!(class_junk("top-ad"), Some(Junk::Ads));
        assert_eq!(class_junk("o-section o-section--has-ads"), None);
        assert_eq!(class_junk("c-share--inline"), Some(Junk::Share));
        assert_eq!(class_junk("page with-comments"), None);
        assert_eq!(class_junk("blog-article sidebar-enabled--false"), None);
        assert_eq!(class_junk("product-card subscription-eligible"), None);
        assert_eq!(class_junk("subscription-box"), Some(Junk::Newsletter));
        assert_eq!(
            class_junk("left relative mvp-author-box-wrap"),
            Some(Junk::AuthorBio)
        );
        assert_eq!(class_junk("c-product-widget"), Some(Junk::Widget));
        assert_eq!(class_junk("ipsType_signature"), Some(Junk::AuthorBio));
        assert_eq!(class_junk("message-signature"), Some(Junk::AuthorBio));
        assert_eq!(class_junk("message-userExtras"), Some(Junk::Byline));
        assert_eq!(class_junk("message-userTitle"), Some(Junk::Byline));
        assert_eq!(class_junk("postprofile"), Some(Junk::Byline));
        assert_eq!(class_junk("postbody"), None);
        assert_eq!(
            class_junk("duet--recirculation--related-list"),
            Some(Junk::Related)
        );
    }

    fn text_after_prune(html: &str) -> String {
        let mut dom = parse_html(html, ParseLimits::default()).unwrap();
        prune(&mut dom, &Options::default(), Level::Strict);
        dom.text_content(dom.body().unwrap())
    }

    #[test]
    fn streamed_chunks_take_their_placeholders_place() {
        let mut dom = parse_html(
            "<main><h2>Sofas</h2><template id='B:0'></template><p>Loading…</p></main>\
             <footer>Help</footer><div hidden id='S:0'><ul><li>Corner sofa</li></ul></div>\
             <div hidden id='S:7'><p>Late note</p></div><div hidden id='X:1'><p>Secret</p></div>",
            ParseLimits::default(),
        )
        .unwrap();
        place_streamed_chunks(&mut dom);
        let main = dom.find(dom.body().unwrap(), &local_name!("main")).unwrap();
        assert_eq!(dom.text_content(main), "SofasCorner sofaLoading…");
        prune(&mut dom, &Options::default(), Level::Strict);
        let text = dom.text_content(dom.body().unwrap());
        // Without a placeholder the chunk stays where it is; other hidden blocks still go.
        assert_eq!(text, "SofasCorner sofaLoading…Late note");
    }

    #[test]
    fn a_hidden_wrapper_holding_the_page_stays() {
        let cards = "<div class=card><p>Dark roast coffee, bold and smooth</p><p>$19.99</p></div>"
            .repeat(6);
        let t = text_after_prune(&format!(
            "<p>Free shipping today</p>\
             <div style='display: none'>{cards}</div>\
             <div style='display:none'><p>Size guide</p></div>"
        ));
        assert!(t.contains("Dark roast coffee") && t.contains("Free shipping"));
        assert!(!t.contains("Size guide"));
        // A hidden menu of links, however long, still goes.
        let links = "<a href=/x>Coffee</a> <a href=/y>Pods</a> ".repeat(30);
        let t = text_after_prune(&format!(
            "<p>A short note.</p><div style='display:none'>{links}</div>"
        ));
        assert_eq!(t, "A short note.");
    }

    #[test]
    fn a_related_box_stays_when_pruning_is_relaxed() {
        let html = "<h2>Robotic mowers</h2><section class=related-product>\
                    <div><p>KR800 mower, up to 7 acres per charge</p><p>$59,999</p></div>\
                    <div><p>KR161 mower for quarter-acre lawns</p><p>$2,099</p></div></section>";
        // The site's footer outweighs the box, so the box does not hold the page's story.
        let footer = "Dealers, service centres, warranty and legal notices. ".repeat(8);
        let html = format!("{html}<footer>{footer}</footer>");
        let pruned_at = |level| {
            let mut dom = parse_html(&html, ParseLimits::default()).unwrap();
            prune(&mut dom, &Options::default(), level);
            dom.text_content(dom.body().unwrap())
        };
        assert!(!pruned_at(Level::Strict).contains("KR800"));
        assert!(pruned_at(Level::Relaxed).contains("KR800"));
    }

    #[test]
    fn a_header_inside_an_article_introduces_it() {
        let t = text_after_prune(
            "<header class=site>Site menu</header><section><article><header><h3>Teaser title</h3>\
             <p>Teaser blurb</p></header></article></section>",
        );
        assert_eq!(t, "Teaser titleTeaser blurb");
    }

    #[test]
    fn highlighted_code_keeps_its_comment_spans() {
        let t = text_after_prune(
            "<p>Start with:</p><pre><code class=hljs><span class=hljs-comment># set up</span> \
             git init <span class='token comment'># done</span></code></pre>",
        );
        assert_eq!(t, "Start with:# set up git init # done");
    }

    #[test]
    fn removes_junk_keeps_protected_wrappers() {
        let t = text_after_prune(
            "<div class='page has-sidebar'><h1>Title</h1><p>Story.</p>\
             <div class='share-bar'>Share</div><div id=comments>Comment</div></div>\
             <div class=sidebar>Side</div><script>x()</script><p style='display: none'>Hidden</p>",
        );
        assert_eq!(t, "TitleStory.");
    }

    #[test]
    fn text_widgets_of_a_page_builder_stay_link_widgets_go() {
        let t = text_after_prune(
            "<div class='elementor-widget-container'><h3>Greater visibility</h3>\
             <p>Campaigns raise the brand's exposure among buyers.</p></div>\
             <div class='widget recent-posts'><a href=/a>One post</a> <a href=/b>Another post</a></div>",
        );
        assert_eq!(
            t,
            "Greater visibilityCampaigns raise the brand's exposure among buyers."
        );
    }

    #[test]
    fn modal_dialogs_go_even_with_headings_unless_they_hold_the_page() {
        let t = text_after_prune(
            "<h1>Wool Runner</h1><p>Soft merino uppers.</p>\
             <div id=terms aria-modal='true'><h1>Terms of use</h1><p>By using the site…</p></div>",
        );
        assert_eq!(t, "Wool RunnerSoft merino uppers.");
        let t = text_after_prune(
            "<div aria-modal=TRUE><h1>Quick view</h1><p>The story opened over the feed.</p></div>\
             <div aria-modal=false><p>Open panel.</p></div>",
        );
        assert_eq!(t, "Quick viewThe story opened over the feed.Open panel.");
    }

    #[test]
    fn accordion_questions_and_their_collapsed_answers_stay() {
        let t = text_after_prune(
            "<h2>FAQ</h2><h3><button aria-expanded=false aria-controls=q1>Do you ship abroad?</button></h3>\
             <div id=q1 hidden><p>Yes, to most countries.</p></div>\
             <button>Add to basket</button><div hidden><p>Leftover template.</p></div>",
        );
        assert_eq!(t, "FAQDo you ship abroad?Yes, to most countries.");
    }

    #[test]
    fn article_header_and_heading_anchors_stay() {
        let t = text_after_prune(
            "<header class=masthead><a href=/>Home</a></header>\
             <article><header><p class=standfirst>Lead.</p></header>\
             <h3 id=nav_the_film_remains>The film remains</h3><p>Story.</p></article>",
        );
        assert_eq!(t, "Lead.The film remainsStory.");
    }
}
