//! A fast HTML tokenizer over a `&str`: text runs, tags, comments, doctypes.
//!
//! It follows the HTML standard's tokenizer where the outcome can differ for extraction
//! (what is a tag, what is text, attribute values, character references, raw-text
//! elements, a tag cut off by the end of input) and skips its corner cases that cannot
//! change a tree (the escaped states inside `<script>`). Text is found with `memchr`, so
//! long runs cost a vectorised scan; text without references or carriage returns is
//! returned borrowed, without a copy.

use std::borrow::Cow;

use html5ever::LocalName;
use memchr::{memchr, memchr2, memchr3, memmem};

use super::entities;
use super::tags::{common_attribute, Tag, TextKind};

/// One attribute: its lower-case name and decoded value.
pub type Attr = (LocalName, String);

/// A start or end tag.
#[derive(Debug)]
pub struct TagToken {
    pub tag: Tag,
    pub name: LocalName,
    pub attrs: Vec<Attr>,
    pub self_closing: bool,
}

/// What the doctype says about the document's mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doctype {
    pub name: String,
    pub public_id: Option<String>,
    pub system_id: Option<String>,
}

#[derive(Debug)]
pub enum Token<'a> {
    Text(Cow<'a, str>),
    Start(TagToken),
    End(TagToken),
    Comment,
    Doctype(Doctype),
}

pub struct Tokenizer<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// Set by the tree builder after a start tag whose content is not markup.
    raw: Option<(TextKind, LocalName)>,
    /// Whether that element stands inside a `<noscript>`: its text then ends at
    /// `</noscript>` too. We parse `<noscript>` content as markup (scripting off), but a
    /// browser reads the whole `<noscript>` as text up to its end tag, so nothing inside it
    /// can run past that — an `<iframe … />` there (self-closing is ignored on non-void
    /// elements) would otherwise swallow the rest of the page.
    raw_ends_at_noscript: bool,
    /// Inside SVG or MathML, `<![CDATA[…]]>` is text (elsewhere a bogus comment).
    pub cdata_allowed: bool,
}

#[inline]
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

impl<'a> Tokenizer<'a> {
    pub fn new(src: &'a str) -> Self {
        Tokenizer {
            src,
            bytes: src.as_bytes(),
            pos: 0,
            raw: None,
            raw_ends_at_noscript: false,
            cdata_allowed: false,
        }
    }

    /// Reads the content of the element just opened as text, up to its end tag (or up to
    /// `</noscript>`, with `inside_noscript`).
    pub fn start_text(&mut self, kind: TextKind, name: LocalName, inside_noscript: bool) {
        self.raw = Some((kind, name));
        self.raw_ends_at_noscript = inside_noscript;
    }

    /// The next token, `None` at the end of input.
    pub fn next_token(&mut self) -> Option<Token<'a>> {
        if let Some((kind, name)) = self.raw.take() {
            if let Some(text) = self.raw_text(kind, &name) {
                return Some(Token::Text(text));
            }
        }
        loop {
            let at = self.pos;
            let b = *self.bytes.get(at)?;
            if b != b'<' {
                return Some(Token::Text(self.text()));
            }
            match self.markup() {
                Markup::Token(t) => return Some(t),
                Markup::Nothing => continue,
                Markup::End => {
                    self.pos = self.bytes.len();
                    return None;
                }
                Markup::Literal => return Some(Token::Text(self.text())),
            }
        }
    }

    /// Whether `<` at `at` opens markup (else it is a literal `<`).
    #[inline]
    fn opens_markup(&self, at: usize) -> bool {
        match self.bytes.get(at + 1) {
            Some(c) => c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?'),
            None => false,
        }
    }

    /// A text run from `pos` up to the next markup, references decoded.
    fn text(&mut self) -> Cow<'a, str> {
        let start = self.pos;
        let mut at = start;
        // The first byte may be a `<` that does not open markup.
        if self.bytes.get(at) == Some(&b'<') {
            at += 1;
        }
        let mut owned: Option<String> = None;
        let mut copied_to = start;
        loop {
            let Some(i) = memchr3(b'<', b'&', b'\r', &self.bytes[at..]) else {
                at = self.bytes.len();
                break;
            };
            at += i;
            match self.bytes[at] {
                b'<' => {
                    if self.opens_markup(at) {
                        break;
                    }
                    at += 1;
                }
                b'&' => match entities::decode(self.bytes, at, false) {
                    Some(r) => {
                        let out = owned.get_or_insert_with(String::new);
                        out.push_str(&self.src[copied_to..at]);
                        r.push_to(out);
                        at += r.len;
                        copied_to = at;
                    }
                    None => at += 1,
                },
                _ => {
                    // "\r\n" and a lone "\r" become "\n", as the standard's input stream does.
                    let out = owned.get_or_insert_with(String::new);
                    out.push_str(&self.src[copied_to..at]);
                    out.push('\n');
                    at += 1;
                    if self.bytes.get(at) == Some(&b'\n') {
                        at += 1;
                    }
                    copied_to = at;
                }
            }
        }
        self.pos = at;
        match owned {
            None => Cow::Borrowed(&self.src[start..at]),
            Some(mut out) => {
                out.push_str(&self.src[copied_to..at]);
                Cow::Owned(out)
            }
        }
    }

    /// The content of a raw-text element up to `</name`; `None` when it is empty.
    fn raw_text(&mut self, kind: TextKind, name: &str) -> Option<Cow<'a, str>> {
        let start = self.pos;
        let end = match kind {
            TextKind::ToEnd => self.bytes.len(),
            _ if name == "script" => self.find_script_end(start),
            _ => self.find_end_tag(start, name.as_bytes()),
        };
        let end = if self.raw_ends_at_noscript {
            end.min(self.find_end_tag(start, b"noscript"))
        } else {
            end
        };
        self.pos = end;
        if end == start {
            return None;
        }
        let raw = &self.src[start..end];
        let decode = kind == TextKind::Escapable;
        let needs_work = if decode {
            memchr2(b'&', b'\r', raw.as_bytes()).is_some()
        } else {
            memchr(b'\r', raw.as_bytes()).is_some()
        };
        if !needs_work {
            return Some(Cow::Borrowed(raw));
        }
        Some(Cow::Owned(decode_value(raw, decode, false)))
    }

    /// Whether `name` (lower case) stands at `at`, case-insensitively, followed by a space,
    /// `/` or `>`.
    fn tag_name_at(&self, at: usize, name: &[u8]) -> bool {
        let end = at + name.len();
        self.bytes
            .get(at..end)
            .is_some_and(|b| b.eq_ignore_ascii_case(name))
            && self
                .bytes
                .get(end)
                .is_some_and(|&b| is_space(b) || b == b'/' || b == b'>')
    }

    /// Where a script's `</script>` starts. Inside `<!--` … `-->` a nested `<script>`
    /// opens a stretch where `</script>` does not end the script (the standard's escaped
    /// states, which pages use to hide `document.write('<script>…</script>')`).
    fn find_script_end(&self, from: usize) -> usize {
        #[derive(PartialEq)]
        enum State {
            Plain,
            Escaped,
            DoubleEscaped,
        }
        let bytes = self.bytes;
        let mut state = State::Plain;
        let mut at = from;
        loop {
            let found = if state == State::Plain {
                memchr(b'<', &bytes[at..])
            } else {
                memchr2(b'<', b'-', &bytes[at..])
            };
            let Some(i) = found else {
                return bytes.len();
            };
            let p = at + i;
            if bytes[p] == b'-' {
                if bytes[p..].starts_with(b"-->") {
                    state = State::Plain;
                    at = p + 3;
                } else {
                    at = p + 1;
                }
                continue;
            }
            if state == State::Plain && bytes[p..].starts_with(b"<!--") {
                state = State::Escaped;
                // From the dashes, so that `<!-->` closes again at once.
                at = p + 2;
                continue;
            }
            if bytes.get(p + 1) == Some(&b'/') && self.tag_name_at(p + 2, b"script") {
                if state == State::DoubleEscaped {
                    state = State::Escaped;
                    at = p + 8;
                    continue;
                }
                return p;
            }
            if state == State::Escaped && self.tag_name_at(p + 1, b"script") {
                state = State::DoubleEscaped;
                at = p + 7;
                continue;
            }
            at = p + 1;
        }
    }

    /// Where `</name` followed by a space, `/` or `>` starts, or the end of input.
    fn find_end_tag(&self, from: usize, name: &[u8]) -> usize {
        let finder = memmem::Finder::new(b"</");
        let mut at = from;
        while let Some(i) = finder.find(&self.bytes[at..]) {
            let lt = at + i;
            let name_end = lt + 2 + name.len();
            if let Some(candidate) = self.bytes.get(lt + 2..name_end) {
                if candidate.eq_ignore_ascii_case(name)
                    && self
                        .bytes
                        .get(name_end)
                        .is_some_and(|&b| is_space(b) || b == b'/' || b == b'>')
                {
                    return lt;
                }
            }
            at = lt + 2;
        }
        self.bytes.len()
    }

    /// Reads the markup at `pos` (a `<`).
    fn markup(&mut self) -> Markup<'a> {
        let at = self.pos;
        let Some(&next) = self.bytes.get(at + 1) else {
            return Markup::Literal;
        };
        match next {
            c if c.is_ascii_alphabetic() => match self.tag(at + 1, false) {
                Some(t) => Markup::Token(Token::Start(t)),
                None => Markup::End,
            },
            b'/' => match self.bytes.get(at + 2) {
                Some(c) if c.is_ascii_alphabetic() => match self.tag(at + 2, true) {
                    Some(t) => Markup::Token(Token::End(t)),
                    None => Markup::End,
                },
                Some(b'>') => {
                    // `</>` is dropped.
                    self.pos = at + 3;
                    Markup::Nothing
                }
                Some(_) => self.bogus_comment(at + 2),
                None => Markup::Literal,
            },
            b'!' => self.declaration(at + 2),
            b'?' => self.bogus_comment(at + 1),
            _ => Markup::Literal,
        }
    }

    /// `<!--…-->`, `<!DOCTYPE …>`, `<![CDATA[…]]>` or a bogus comment; `from` is after `<!`.
    fn declaration(&mut self, from: usize) -> Markup<'a> {
        let rest = &self.bytes[from..];
        if rest.starts_with(b"--") {
            let body = from + 2;
            // `<!-->` and `<!--->` are empty comments.
            for short in [&b">"[..], b"->"] {
                if self.bytes[body..].starts_with(short) {
                    self.pos = body + short.len();
                    return Markup::Token(Token::Comment);
                }
            }
            self.pos = comment_end(self.bytes, body);
            return Markup::Token(Token::Comment);
        }
        if rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"doctype") {
            let end = memchr(b'>', &self.bytes[from..]).map_or(self.bytes.len(), |i| from + i);
            let doctype = parse_doctype(&self.src[from + 7..end]);
            self.pos = (end + 1).min(self.bytes.len());
            return Markup::Token(Token::Doctype(doctype));
        }
        if self.cdata_allowed && rest.starts_with(b"[CDATA[") {
            let body = from + 7;
            let end =
                memmem::find(&self.bytes[body..], b"]]>").map_or(self.bytes.len(), |i| body + i);
            self.pos = (end + 3).min(self.bytes.len());
            let text = &self.src[body..end];
            return Markup::Token(Token::Text(Cow::Borrowed(text)));
        }
        self.bogus_comment(from)
    }

    /// A comment up to the next `>`.
    fn bogus_comment(&mut self, from: usize) -> Markup<'a> {
        self.pos = memchr(b'>', &self.bytes[from..]).map_or(self.bytes.len(), |i| from + i + 1);
        Markup::Token(Token::Comment)
    }

    /// A tag whose name starts at `from`. `None` when the input ends inside it (the
    /// standard drops such a tag).
    fn tag(&mut self, from: usize, is_end: bool) -> Option<TagToken> {
        let bytes = self.bytes;
        let mut at = from;
        while at < bytes.len() && !is_space(bytes[at]) && bytes[at] != b'/' && bytes[at] != b'>' {
            at += 1;
        }
        let raw_name = &self.src[from..at];
        let (tag, name) = intern_tag(raw_name);
        let mut token = TagToken {
            tag,
            name,
            attrs: Vec::new(),
            self_closing: false,
        };
        loop {
            while at < bytes.len() && (is_space(bytes[at]) || bytes[at] == b'/') {
                if bytes[at] == b'/' && bytes.get(at + 1) == Some(&b'>') {
                    token.self_closing = true;
                    self.pos = at + 2;
                    return Some(token);
                }
                at += 1;
            }
            match bytes.get(at)? {
                b'>' => {
                    self.pos = at + 1;
                    return Some(token);
                }
                _ => {
                    let (attr, next) = self.attribute(at)?;
                    at = next;
                    if !is_end && !token.attrs.iter().any(|(k, _)| *k == attr.0) {
                        token.attrs.push(attr);
                    }
                }
            }
        }
    }

    /// One attribute starting at `from` (not a space, `/` or `>`); returns it and where
    /// reading goes on. `None` at the end of input.
    fn attribute(&self, from: usize) -> Option<(Attr, usize)> {
        let bytes = self.bytes;
        // The first character may be `=`: it then belongs to the name.
        let mut at = from + 1;
        while at < bytes.len()
            && !matches!(
                bytes[at],
                b'\t' | b'\n' | b'\x0C' | b'\r' | b' ' | b'/' | b'>' | b'='
            )
        {
            at += 1;
        }
        let name = intern_attr(&self.src[from..at]);
        while at < bytes.len() && is_space(bytes[at]) {
            at += 1;
        }
        if bytes.get(at) != Some(&b'=') {
            return Some(((name, String::new()), at));
        }
        at += 1;
        while at < bytes.len() && is_space(bytes[at]) {
            at += 1;
        }
        let (value, next) = match *bytes.get(at)? {
            q @ (b'"' | b'\'') => {
                let start = at + 1;
                let end = start + memchr(q, &bytes[start..])?;
                (&self.src[start..end], end + 1)
            }
            b'>' => ("", at),
            _ => {
                let start = at;
                while at < bytes.len() && !is_space(bytes[at]) && bytes[at] != b'>' {
                    at += 1;
                }
                (&self.src[start..at], at)
            }
        };
        let value = if memchr2(b'&', b'\r', value.as_bytes()).is_some() {
            decode_value(value, true, true)
        } else {
            value.to_owned()
        };
        Some(((name, value), next))
    }
}

/// Where a comment whose text starts at `from` ends (after its `-->`, or `--!>` as the
/// standard also accepts), or the end of input.
fn comment_end(bytes: &[u8], from: usize) -> usize {
    let finder = memmem::Finder::new(b"--");
    let mut at = from;
    while let Some(i) = finder.find(&bytes[at..]) {
        let mut after = at + i + 2;
        while bytes.get(after) == Some(&b'-') {
            after += 1;
        }
        match bytes.get(after) {
            Some(b'>') => return after + 1,
            Some(b'!') if bytes.get(after + 1) == Some(&b'>') => return after + 2,
            _ => at = after,
        }
    }
    bytes.len()
}

enum Markup<'a> {
    Token(Token<'a>),
    /// Something was consumed that makes no token (`</>`).
    Nothing,
    /// The input ended inside a tag.
    End,
    /// The `<` is text.
    Literal,
}

/// Decodes references (when `references`) and normalises carriage returns in `raw`.
fn decode_value(raw: &str, references: bool, in_attribute: bool) -> String {
    let bytes = raw.as_bytes();
    let mut out = String::with_capacity(raw.len());
    let mut copied_to = 0;
    let mut at = 0;
    while let Some(i) = memchr2(b'&', b'\r', &bytes[at..]) {
        at += i;
        if bytes[at] == b'&' {
            if !references {
                at += 1;
                continue;
            }
            if let Some(r) = entities::decode(bytes, at, in_attribute) {
                out.push_str(&raw[copied_to..at]);
                r.push_to(&mut out);
                at += r.len;
                copied_to = at;
            } else {
                at += 1;
            }
        } else {
            out.push_str(&raw[copied_to..at]);
            out.push('\n');
            at += 1;
            if bytes.get(at) == Some(&b'\n') {
                at += 1;
            }
            copied_to = at;
        }
    }
    out.push_str(&raw[copied_to..]);
    out
}

/// Lower-cases `raw` only when it has upper-case letters.
fn lowercase(raw: &str) -> Cow<'_, str> {
    if raw.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(raw.to_ascii_lowercase())
    } else {
        Cow::Borrowed(raw)
    }
}

fn intern_tag(raw: &str) -> (Tag, LocalName) {
    let lower = lowercase(raw);
    let tag = Tag::from_name(&lower);
    let name = tag.local_name().unwrap_or_else(|| LocalName::from(&*lower));
    (tag, name)
}

fn intern_attr(raw: &str) -> LocalName {
    let lower = lowercase(raw);
    common_attribute(&lower).unwrap_or_else(|| LocalName::from(&*lower))
}

/// Name and identifiers of `<!DOCTYPE …>` (`body` is what follows the keyword).
fn parse_doctype(body: &str) -> Doctype {
    let mut words = body.trim_start();
    let name_end = words
        .find(|c: char| c.is_ascii_whitespace())
        .unwrap_or(words.len());
    let name = words[..name_end].to_ascii_lowercase();
    words = words[name_end..].trim_start();
    let mut public_id = None;
    let mut system_id = None;
    let keyword_len = 6;
    let keyword = words.get(..keyword_len).map(str::to_ascii_uppercase);
    let mut rest = words.get(keyword_len..).unwrap_or("");
    let mut quoted = || -> Option<String> {
        let trimmed = rest.trim_start();
        let quote = trimmed.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let inner = &trimmed[1..];
        let end = inner.find(quote).unwrap_or(inner.len());
        rest = inner.get(end + 1..).unwrap_or("");
        Some(inner[..end].to_owned())
    };
    match keyword.as_deref() {
        Some("PUBLIC") => {
            public_id = quoted();
            system_id = quoted();
        }
        Some("SYSTEM") => system_id = quoted(),
        _ => {}
    }
    Doctype {
        name,
        public_id,
        system_id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(html: &str) -> Vec<String> {
        let mut t = Tokenizer::new(html);
        let mut out = Vec::new();
        while let Some(tok) = t.next_token() {
            out.push(match tok {
                Token::Text(s) => format!("T:{s}"),
                Token::Start(tag) => {
                    if matches!(tag.tag, Tag::Script | Tag::Title) {
                        t.start_text(tag.tag.text_kind().unwrap(), tag.name.clone(), false);
                    }
                    let attrs: Vec<String> =
                        tag.attrs.iter().map(|(k, v)| format!("{k}={v}")).collect();
                    let close = if tag.self_closing { "/" } else { "" };
                    format!("S:{}[{}]{close}", tag.name, attrs.join(","))
                }
                Token::End(tag) => format!("E:{}", tag.name),
                Token::Comment => "C".into(),
                Token::Doctype(d) => format!("D:{}", d.name),
            });
        }
        out
    }

    #[test]
    fn tags_text_and_attributes() {
        assert_eq!(
            tokens("<!DOCTYPE html><P Class=\"a b\" id=x data-x='1'>Hi &amp; bye</p>"),
            vec![
                "D:html",
                "S:p[class=a b,id=x,data-x=1]",
                "T:Hi & bye",
                "E:p"
            ]
        );
        assert_eq!(
            tokens("<a href=/x?a=1&copy=2&amp;b=3 disabled>"),
            vec!["S:a[href=/x?a=1&copy=2&b=3,disabled=]"]
        );
        assert_eq!(tokens("<br/>"), vec!["S:br[]/"]);
        assert_eq!(tokens("<img src=a/b.png/>"), vec!["S:img[src=a/b.png/]"]);
        assert_eq!(tokens("<p id=1 id=2>"), vec!["S:p[id=1]"], "first wins");
    }

    #[test]
    fn stray_angle_brackets_are_text() {
        assert_eq!(tokens("a < b <3 c"), vec!["T:a < b <3 c"]);
        assert_eq!(tokens("x <"), vec!["T:x <"]);
        assert_eq!(tokens("a</>b"), vec!["T:a", "T:b"]);
    }

    #[test]
    fn comments_and_bogus_comments() {
        assert_eq!(tokens("a<!-- x -->b"), vec!["T:a", "C", "T:b"]);
        assert_eq!(tokens("<!-->a<!--->b"), vec!["C", "T:a", "C", "T:b"]);
        assert_eq!(tokens("<?xml x?>a</ x>b"), vec!["C", "T:a", "C", "T:b"]);
        assert_eq!(tokens("a<!-- never closed"), vec!["T:a", "C"]);
        assert_eq!(
            tokens("<!-- a -- b --->c<!--- d -----!>e"),
            vec!["C", "T:c", "C", "T:e"]
        );
    }

    #[test]
    fn raw_text_runs_to_its_end_tag() {
        assert_eq!(
            tokens("<script>if (a<b && c) x = '</p>';</SCRIPT >after"),
            vec![
                "S:script[]",
                "T:if (a<b && c) x = '</p>';",
                "E:script",
                "T:after"
            ]
        );
        assert_eq!(
            tokens("<title>A &amp; B</title>"),
            vec!["S:title[]", "T:A & B", "E:title"]
        );
        assert_eq!(
            tokens("<script>never closed <b>"),
            vec!["S:script[]", "T:never closed <b>"]
        );
    }

    #[test]
    fn carriage_returns_become_newlines() {
        assert_eq!(tokens("a\r\nb\rc"), vec!["T:a\nb\nc"]);
    }

    #[test]
    fn input_ending_inside_a_tag_drops_it() {
        assert_eq!(tokens("text<div class=\"x"), vec!["T:text"]);
        assert_eq!(tokens("text<div"), vec!["T:text"]);
    }

    #[test]
    fn doctype_identifiers() {
        let d = parse_doctype(
            r#" HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd""#,
        );
        assert_eq!(d.name, "html");
        assert_eq!(
            d.public_id.as_deref(),
            Some("-//W3C//DTD HTML 4.01 Transitional//EN")
        );
        assert_eq!(
            d.system_id.as_deref(),
            Some("http://www.w3.org/TR/html4/loose.dtd")
        );
    }
}
