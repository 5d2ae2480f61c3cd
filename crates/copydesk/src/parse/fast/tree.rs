//! Tree building for the fast parser: tokens in, the arena [`Dom`] out.
//!
//! It follows the HTML standard's tree-construction rules wherever they shape what a
//! reader sees: head/body placement (a stray element in `<head>` opens the body), implied
//! end tags (`p`, `li`, `dd`/`dt`, `option`, table cells and rows), `<p>` closed by block
//! starts, raw-text elements, tables (implied `tbody`/`tr`, stray content moved before the
//! table), SVG/MathML and the way out of them, `template` contents kept out of
//! the tree, and misnested formatting (the adoption agency and the reconstruction of open
//! formatting elements). It leaves out what cannot change a tree for extraction: parse
//! errors, frameset documents (framesets are treated as body content), scripting.
//! Every step is iterative; the stack depth and the node count are bounded by the limits.

// The mode handlers follow the standard's wording, a condition then an action, often one
// with side effects that a match guard could not hold.
#![allow(clippy::collapsible_match)]

use std::borrow::Cow;
use std::time::Instant;

use html5ever::{ns, LocalName, Namespace, QualName};

use super::quirks::is_quirky;
use super::tags::{flag, foreign_attribute, foreign_is_special, svg_name, Tag, TextKind};
use super::tokenizer::{TagToken, Token, Tokenizer};
use crate::dom::{Dom, Element, NodeData, NodeId, NONE};
use crate::error::Error;
use crate::parse::ParseLimits;

/// Tokens between two looks at the clock.
const TOKENS_PER_DEADLINE_CHECK: u32 = 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    Html,
    Svg,
    MathMl,
}

impl Ns {
    fn atom(self) -> Namespace {
        match self {
            Ns::Html => ns!(html),
            Ns::Svg => ns!(svg),
            Ns::MathMl => ns!(mathml),
        }
    }
}

/// An entry of the stack of open elements.
#[derive(Debug, Clone, Copy)]
struct Open {
    id: NodeId,
    tag: Tag,
    ns: Ns,
    /// Where children go: the element itself, or a detached fragment for `<template>`.
    target: NodeId,
}

impl Open {
    #[inline]
    fn is_html(&self, tag: Tag) -> bool {
        self.ns == Ns::Html && self.tag == tag
    }

    #[inline]
    fn html_has(&self, f: u32) -> bool {
        self.ns == Ns::Html && self.tag.is(f)
    }
}

/// An entry of the list of active formatting elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Formatting {
    Marker,
    Element(NodeId, Tag),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Initial,
    BeforeHtml,
    BeforeHead,
    InHead,
    InHeadNoscript,
    AfterHead,
    InBody,
    /// Inside a raw-text element; the end tag returns to the saved mode.
    Text,
    AfterBody,
    AfterAfterBody,
}

/// The kinds of "has an element in scope" of the standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Default,
    ListItem,
    Button,
    Table,
}

/// Parses `html` into a new [`Dom`].
pub fn parse(html: &str, limits: ParseLimits) -> Result<Dom, Error> {
    let mut builder = Builder {
        dom: Dom::new(),
        tokenizer: Tokenizer::new(html),
        stack: Vec::with_capacity(64),
        formatting: Vec::new(),
        mode: Mode::Initial,
        text_return: Mode::InBody,
        template_modes: Vec::new(),
        head: NONE,
        form: NONE,
        quirks: false,
        foster: false,
        skip_newline: false,
        limits,
        error: None,
    };
    builder.run()?;
    Ok(builder.dom)
}

struct Builder<'a> {
    dom: Dom,
    tokenizer: Tokenizer<'a>,
    stack: Vec<Open>,
    formatting: Vec<Formatting>,
    mode: Mode,
    text_return: Mode,
    template_modes: Vec<Mode>,
    head: NodeId,
    form: NodeId,
    quirks: bool,
    /// Insertions go before the table instead of into it ("foster parenting").
    foster: bool,
    /// Drop a newline right after `<pre>`, `<listing>`, `<textarea>`.
    skip_newline: bool,
    limits: ParseLimits,
    error: Option<Error>,
}

impl<'a> Builder<'a> {
    fn run(&mut self) -> Result<(), Error> {
        let mut since_check = 0u32;
        while let Some(mut token) = self.tokenizer.next_token() {
            if std::mem::take(&mut self.skip_newline) {
                if let Token::Text(text) = &mut token {
                    strip_first_newline(text);
                }
            }
            self.process(token);
            self.tokenizer.cdata_allowed = self.current().ns != Ns::Html;
            if let Some(e) = self.error.take() {
                return Err(e);
            }
            since_check += 1;
            if since_check == TOKENS_PER_DEADLINE_CHECK {
                since_check = 0;
                if let Some(deadline) = self.limits.deadline {
                    if Instant::now() > deadline {
                        return Err(Error::Timeout("parsing".into()));
                    }
                }
            }
        }
        self.finish();
        Ok(())
    }

    /// The end of input: whatever the document implied but never opened (`html`, `head`,
    /// `body`) is created, as the standard's end-of-file steps do.
    fn finish(&mut self) {
        loop {
            match self.mode {
                Mode::Initial => {
                    self.quirks = true;
                    self.mode = Mode::BeforeHtml;
                }
                Mode::BeforeHtml => {
                    let id = self.create_named(Tag::Html, Ns::Html);
                    self.dom.append(Dom::ROOT, id);
                    self.push(id, Tag::Html, Ns::Html);
                    self.mode = Mode::BeforeHead;
                }
                Mode::BeforeHead => {
                    self.head = self.insert_named(Tag::Head);
                    self.mode = Mode::InHead;
                }
                Mode::InHead | Mode::InHeadNoscript => {
                    let head = self.head;
                    self.pop_until(|o| o.id == head);
                    self.mode = Mode::AfterHead;
                }
                Mode::AfterHead => {
                    self.insert_named(Tag::Body);
                    self.mode = Mode::InBody;
                }
                Mode::Text => {
                    self.pop();
                    self.mode = self.text_return;
                }
                Mode::InBody | Mode::AfterBody | Mode::AfterAfterBody => return,
            }
        }
    }

    fn process(&mut self, mut token: Token<'a>) {
        // Each pass either consumes the token or changes the state and goes again; every
        // re-run either pops the stack or moves to a later mode, so the loop ends.
        loop {
            let again = match self.mode {
                Mode::Initial => self.initial(&mut token),
                Mode::BeforeHtml => self.before_html(&mut token),
                Mode::BeforeHead => self.before_head(&mut token),
                Mode::InHead => self.in_head(&mut token),
                Mode::InHeadNoscript => self.in_head_noscript(&mut token),
                Mode::AfterHead => self.after_head(&mut token),
                Mode::InBody => self.in_body(&mut token),
                Mode::Text => self.in_text(&mut token),
                Mode::AfterBody => self.after_body(&mut token),
                Mode::AfterAfterBody => self.after_after_body(&mut token),
            };
            if !again || self.error.is_some() {
                return;
            }
        }
    }

    // ----- modes before the body -------------------------------------------------------

    fn initial(&mut self, token: &mut Token<'a>) -> bool {
        match token {
            Token::Text(text) => {
                if !strip_leading_space(text) {
                    return false;
                }
            }
            Token::Comment => {
                self.append_other(Dom::ROOT);
                return false;
            }
            Token::Doctype(doctype) => {
                self.quirks = is_quirky(doctype);
                self.append_other(Dom::ROOT);
                self.mode = Mode::BeforeHtml;
                return false;
            }
            _ => {}
        }
        self.quirks = true;
        self.mode = Mode::BeforeHtml;
        true
    }

    fn before_html(&mut self, token: &mut Token<'a>) -> bool {
        match token {
            Token::Doctype(_) => return false,
            Token::Comment => {
                self.append_other(Dom::ROOT);
                return false;
            }
            Token::Text(text) => {
                if !strip_leading_space(text) {
                    return false;
                }
            }
            Token::Start(t) if t.tag == Tag::Html => {
                let id = self.create(t, Ns::Html);
                self.dom.append(Dom::ROOT, id);
                self.push(id, Tag::Html, Ns::Html);
                self.mode = Mode::BeforeHead;
                return false;
            }
            Token::End(t) if !matches!(t.tag, Tag::Head | Tag::Body | Tag::Html | Tag::Br) => {
                return false;
            }
            _ => {}
        }
        let id = self.create_named(Tag::Html, Ns::Html);
        self.dom.append(Dom::ROOT, id);
        self.push(id, Tag::Html, Ns::Html);
        self.mode = Mode::BeforeHead;
        true
    }

    fn before_head(&mut self, token: &mut Token<'a>) -> bool {
        match token {
            Token::Text(text) => {
                if !strip_leading_space(text) {
                    return false;
                }
            }
            Token::Comment => {
                self.insert_other();
                return false;
            }
            Token::Doctype(_) => return false,
            Token::Start(t) if t.tag == Tag::Html => {
                self.merge_attrs(0, t);
                return false;
            }
            Token::Start(t) if t.tag == Tag::Head => {
                self.head = self.insert(t, Ns::Html);
                self.mode = Mode::InHead;
                return false;
            }
            Token::End(t) if !matches!(t.tag, Tag::Head | Tag::Body | Tag::Html | Tag::Br) => {
                return false;
            }
            _ => {}
        }
        self.head = self.insert_named(Tag::Head);
        self.mode = Mode::InHead;
        true
    }

    fn in_head(&mut self, token: &mut Token<'a>) -> bool {
        match token {
            Token::Text(text) => {
                if !self.insert_leading_space(text) {
                    return false;
                }
            }
            Token::Comment => {
                self.insert_other();
                return false;
            }
            Token::Doctype(_) => return false,
            Token::Start(t) => match t.tag {
                Tag::Html => {
                    self.merge_attrs(0, t);
                    return false;
                }
                Tag::Base | Tag::Basefont | Tag::Bgsound | Tag::Link | Tag::Meta => {
                    self.insert_void(t);
                    return false;
                }
                Tag::Title | Tag::Noframes | Tag::Style | Tag::Script => {
                    self.insert_text_element(t);
                    return false;
                }
                Tag::Noscript => {
                    self.insert(t, Ns::Html);
                    self.mode = Mode::InHeadNoscript;
                    return false;
                }
                Tag::Template => {
                    self.start_template(t);
                    return false;
                }
                Tag::Head => return false,
                _ => {}
            },
            Token::End(t) => match t.tag {
                Tag::Head => {
                    self.pop();
                    self.mode = Mode::AfterHead;
                    return false;
                }
                Tag::Template => {
                    self.end_template();
                    return false;
                }
                Tag::Body | Tag::Html | Tag::Br => {}
                _ => return false,
            },
        }
        self.pop();
        self.mode = Mode::AfterHead;
        true
    }

    fn in_head_noscript(&mut self, token: &mut Token<'a>) -> bool {
        match token {
            Token::End(t) if t.tag == Tag::Noscript => {
                self.pop();
                self.mode = Mode::InHead;
                return false;
            }
            Token::Text(text) => {
                if !self.insert_leading_space(text) {
                    return false;
                }
            }
            Token::Comment => {
                self.insert_other();
                return false;
            }
            Token::Doctype(_) => return false,
            Token::Start(t) => match t.tag {
                Tag::Basefont
                | Tag::Bgsound
                | Tag::Link
                | Tag::Meta
                | Tag::Noframes
                | Tag::Style => return self.in_head(token),
                Tag::Head | Tag::Noscript => return false,
                _ => {}
            },
            Token::End(t) if t.tag != Tag::Br => return false,
            Token::End(_) => {}
        }
        self.pop();
        self.mode = Mode::InHead;
        true
    }

    fn after_head(&mut self, token: &mut Token<'a>) -> bool {
        match token {
            Token::Text(text) => {
                if !self.insert_leading_space(text) {
                    return false;
                }
            }
            Token::Comment => {
                self.insert_other();
                return false;
            }
            Token::Doctype(_) => return false,
            Token::Start(t) => match t.tag {
                Tag::Html => {
                    self.merge_attrs(0, t);
                    return false;
                }
                Tag::Body | Tag::Frameset => {
                    self.insert(t, Ns::Html);
                    self.mode = Mode::InBody;
                    return false;
                }
                Tag::Base
                | Tag::Basefont
                | Tag::Bgsound
                | Tag::Link
                | Tag::Meta
                | Tag::Noframes
                | Tag::Script
                | Tag::Style
                | Tag::Template
                | Tag::Title => {
                    // Late head content still goes into the head.
                    if self.head != NONE {
                        let head = self.head;
                        self.push(head, Tag::Head, Ns::Html);
                        self.in_head(token);
                        if let Some(i) = self.stack.iter().rposition(|o| o.id == head) {
                            self.stack.remove(i);
                        }
                        if self.mode == Mode::Text {
                            self.text_return = Mode::AfterHead;
                        }
                        return false;
                    }
                }
                Tag::Head => return false,
                _ => {}
            },
            Token::End(t) => match t.tag {
                Tag::Template => {
                    self.end_template();
                    return false;
                }
                Tag::Body | Tag::Html | Tag::Br => {}
                _ => return false,
            },
        }
        self.insert_named(Tag::Body);
        self.mode = Mode::InBody;
        true
    }

    fn in_text(&mut self, token: &mut Token<'a>) -> bool {
        match token {
            Token::Text(text) => self.insert_text(text),
            Token::End(t) => {
                // Cut short by `</noscript>` (the only other end tag the tokenizer gives
                // here): the element ends, and the end tag closes the `<noscript>`.
                let cut_short = self.stack.last().is_some_and(|o| o.tag != t.tag);
                self.pop();
                self.mode = self.text_return;
                return cut_short;
            }
            // The tokenizer gives nothing else inside a raw-text element.
            _ => self.mode = self.text_return,
        }
        false
    }

    fn after_body(&mut self, token: &mut Token<'a>) -> bool {
        match token {
            Token::Comment => {
                if let Some(html) = self.stack.first().map(|o| o.id) {
                    self.append_other(html);
                }
                false
            }
            Token::Doctype(_) => false,
            Token::End(t) if t.tag == Tag::Html => {
                self.mode = Mode::AfterAfterBody;
                false
            }
            Token::Text(text) if leading_space(text) == text.len() => self.in_body(token),
            _ => {
                self.mode = Mode::InBody;
                true
            }
        }
    }

    fn after_after_body(&mut self, token: &mut Token<'a>) -> bool {
        match token {
            Token::Comment => {
                self.append_other(Dom::ROOT);
                false
            }
            Token::Doctype(_) => false,
            Token::Text(text) if leading_space(text) == text.len() => self.in_body(token),
            _ => {
                self.mode = Mode::InBody;
                true
            }
        }
    }

    // ----- in body -----------------------------------------------------------------------

    fn in_body(&mut self, token: &mut Token<'a>) -> bool {
        let Some(&current) = self.stack.last() else {
            // Everything was popped (only possible after a stray end tag at the top level).
            return self.reopen_html();
        };
        if current.ns != Ns::Html && !self.html_rules_apply(&current, token) {
            return self.in_foreign(token);
        }
        match token {
            Token::Text(text) => {
                self.body_text(text);
                false
            }
            Token::Comment => {
                self.insert_other();
                false
            }
            Token::Doctype(_) => false,
            Token::Start(t) => self.body_start(t),
            Token::End(t) => self.body_end(t),
        }
    }

    /// Recreates `<html>`/`<body>` after a stray end tag emptied the stack.
    fn reopen_html(&mut self) -> bool {
        let html = self
            .dom
            .html_element()
            .unwrap_or_else(|| self.create_named(Tag::Html, Ns::Html));
        self.push(html, Tag::Html, Ns::Html);
        let body = match self.dom.body() {
            Some(b) => b,
            None => {
                let b = self.create_named(Tag::Body, Ns::Html);
                self.dom.append(html, b);
                b
            }
        };
        self.push(body, Tag::Body, Ns::Html);
        true
    }

    fn body_text(&mut self, text: &mut Cow<'a, str>) {
        if memchr::memchr(0, text.as_bytes()).is_some() {
            // NUL characters in body text are dropped, as the standard does.
            *text = Cow::Owned(text.replace('\0', ""));
        }
        let current = self.current();
        if !self.foster && current.html_has(flag::TABLE_CONTEXT) {
            if leading_space(text) == text.len() {
                self.insert_text(text);
            } else {
                self.foster = true;
                self.reconstruct_formatting();
                self.insert_text(text);
                self.foster = false;
            }
            return;
        }
        if current.is_html(Tag::Colgroup) {
            if self.insert_leading_space(text) {
                self.pop();
                self.body_text(text);
            }
            return;
        }
        self.reconstruct_formatting();
        self.insert_text(text);
    }

    fn body_start(&mut self, t: &mut TagToken) -> bool {
        let current = self.current();
        if !self.foster && self.in_table_mode() {
            return self.table_start(t);
        }
        if current.is_html(Tag::Colgroup) {
            if t.tag == Tag::Col {
                self.insert_void(t);
                return false;
            }
            self.pop();
            return true;
        }
        match t.tag {
            Tag::Html => self.merge_attrs(0, t),
            Tag::Base | Tag::Basefont | Tag::Bgsound | Tag::Link | Tag::Meta => self.insert_void(t),
            Tag::Noframes | Tag::Script | Tag::Style | Tag::Title => self.insert_text_element(t),
            Tag::Template => self.start_template(t),
            Tag::Body => {
                if self.stack.len() > 1 && self.stack[1].is_html(Tag::Body) {
                    self.merge_attrs(1, t);
                }
            }
            Tag::Frameset | Tag::Frame | Tag::Head => {}
            Tag::Caption
            | Tag::Col
            | Tag::Colgroup
            | Tag::Tbody
            | Tag::Td
            | Tag::Tfoot
            | Tag::Th
            | Tag::Thead
            | Tag::Tr => {
                // Table parts outside a table are dropped; inside a cell they close it.
                if self.close_cell_or_caption() {
                    return true;
                }
            }
            Tag::Address
            | Tag::Article
            | Tag::Aside
            | Tag::Blockquote
            | Tag::Center
            | Tag::Details
            | Tag::Dialog
            | Tag::Dir
            | Tag::Div
            | Tag::Dl
            | Tag::Fieldset
            | Tag::Figcaption
            | Tag::Figure
            | Tag::Footer
            | Tag::Header
            | Tag::Hgroup
            | Tag::Main
            | Tag::Menu
            | Tag::Nav
            | Tag::Ol
            | Tag::P
            | Tag::Search
            | Tag::Section
            | Tag::Summary
            | Tag::Ul => {
                self.close_p();
                self.insert(t, Ns::Html);
            }
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 => {
                self.close_p();
                if self.current().html_has(flag::HEADING) {
                    self.pop();
                }
                self.insert(t, Ns::Html);
            }
            Tag::Pre | Tag::Listing => {
                self.close_p();
                self.insert(t, Ns::Html);
                self.skip_newline = true;
            }
            Tag::Form => {
                let in_template = self.has_open(Tag::Template);
                if self.form != NONE && !in_template {
                    return false;
                }
                self.close_p();
                let id = self.insert(t, Ns::Html);
                if !in_template {
                    self.form = id;
                }
            }
            Tag::Li => {
                self.close_list_item(|tag| tag == Tag::Li);
                self.close_p();
                self.insert(t, Ns::Html);
            }
            Tag::Dd | Tag::Dt => {
                self.close_list_item(|tag| matches!(tag, Tag::Dd | Tag::Dt));
                self.close_p();
                self.insert(t, Ns::Html);
            }
            Tag::Plaintext => {
                self.close_p();
                self.insert(t, Ns::Html);
                let inside_noscript = self.inside_noscript();
                self.tokenizer
                    .start_text(TextKind::ToEnd, t.name.clone(), inside_noscript);
            }
            Tag::Button => {
                if self.in_scope(|o| o.is_html(Tag::Button), Scope::Default) {
                    self.generate_implied_end_tags(None);
                    self.pop_until(|o| o.is_html(Tag::Button));
                }
                self.reconstruct_formatting();
                self.insert(t, Ns::Html);
            }
            Tag::A => {
                let open_a = self
                    .formatting_after_marker()
                    .find(|f| matches!(f, Formatting::Element(_, Tag::A)));
                if let Some(Formatting::Element(old, _)) = open_a {
                    self.adoption_agency(t);
                    self.formatting
                        .retain(|f| *f != Formatting::Element(old, Tag::A));
                    if let Some(i) = self.stack.iter().rposition(|o| o.id == old) {
                        self.stack.remove(i);
                    }
                }
                self.reconstruct_formatting();
                let id = self.insert(t, Ns::Html);
                self.push_formatting(id, t.tag);
            }
            Tag::B
            | Tag::Big
            | Tag::Code
            | Tag::Em
            | Tag::Font
            | Tag::I
            | Tag::S
            | Tag::Small
            | Tag::Strike
            | Tag::Strong
            | Tag::Tt
            | Tag::U => {
                self.reconstruct_formatting();
                let id = self.insert(t, Ns::Html);
                self.push_formatting(id, t.tag);
            }
            Tag::Nobr => {
                self.reconstruct_formatting();
                if self.in_scope(|o| o.is_html(Tag::Nobr), Scope::Default) {
                    self.adoption_agency(t);
                    self.reconstruct_formatting();
                }
                let id = self.insert(t, Ns::Html);
                self.push_formatting(id, t.tag);
            }
            Tag::Applet | Tag::Marquee | Tag::Object => {
                self.reconstruct_formatting();
                self.insert(t, Ns::Html);
                self.formatting.push(Formatting::Marker);
            }
            Tag::Table => {
                if !self.quirks {
                    self.close_p();
                }
                self.insert(t, Ns::Html);
            }
            Tag::Area
            | Tag::Br
            | Tag::Embed
            | Tag::Img
            | Tag::Keygen
            | Tag::Wbr
            | Tag::Input
            | Tag::Image => {
                if t.tag == Tag::Input && self.in_scope(|o| o.is_html(Tag::Select), Scope::Default)
                {
                    self.pop_until(|o| o.is_html(Tag::Select));
                }
                self.reconstruct_formatting();
                if t.tag == Tag::Image {
                    t.tag = Tag::Img;
                    t.name = html5ever::local_name!("img");
                }
                self.insert_void(t);
            }
            Tag::Param | Tag::Source | Tag::Track => self.insert_void(t),
            Tag::Hr => {
                self.close_p();
                if self.in_scope(|o| o.is_html(Tag::Select), Scope::Default) {
                    self.generate_implied_end_tags(None);
                }
                self.insert_void(t);
            }
            Tag::Textarea => {
                self.insert_text_element(t);
                self.skip_newline = true;
            }
            Tag::Xmp => {
                self.close_p();
                self.reconstruct_formatting();
                self.insert_text_element(t);
            }
            Tag::Iframe | Tag::Noembed => self.insert_text_element(t),
            Tag::Select => {
                // A select inside a select closes it (and is dropped).
                if self.in_scope(|o| o.is_html(Tag::Select), Scope::Default) {
                    self.pop_until(|o| o.is_html(Tag::Select));
                } else {
                    self.reconstruct_formatting();
                    self.insert(t, Ns::Html);
                }
            }
            Tag::Optgroup | Tag::Option => {
                if self.in_scope(|o| o.is_html(Tag::Select), Scope::Default) {
                    let keep = (t.tag == Tag::Option).then_some(Tag::Optgroup);
                    self.generate_implied_end_tags(keep);
                } else if self.current().is_html(Tag::Option) {
                    self.pop();
                }
                self.reconstruct_formatting();
                self.insert(t, Ns::Html);
            }
            Tag::Rb | Tag::Rtc | Tag::Rp | Tag::Rt => {
                if self.in_scope(|o| o.is_html(Tag::Ruby), Scope::Default) {
                    let keep = matches!(t.tag, Tag::Rp | Tag::Rt).then_some(Tag::Rtc);
                    self.generate_implied_end_tags(keep);
                }
                self.insert(t, Ns::Html);
            }
            Tag::Math | Tag::Svg => {
                self.reconstruct_formatting();
                let ns = if t.tag == Tag::Math {
                    Ns::MathMl
                } else {
                    Ns::Svg
                };
                let id = self.create(t, ns);
                self.insert_node(id);
                if !t.self_closing {
                    self.push(id, t.tag, ns);
                }
            }
            _ => {
                self.reconstruct_formatting();
                self.insert(t, Ns::Html);
            }
        }
        false
    }

    fn body_end(&mut self, t: &mut TagToken) -> bool {
        let current = self.current();
        if !self.foster && self.in_table_mode() {
            return self.table_end(t);
        }
        if current.is_html(Tag::Colgroup) {
            match t.tag {
                Tag::Colgroup => self.pop(),
                Tag::Col => {}
                _ => {
                    self.pop();
                    return true;
                }
            }
            return false;
        }
        match t.tag {
            Tag::Template => self.end_template(),
            Tag::Body => {
                if self.in_scope(|o| o.is_html(Tag::Body), Scope::Default) {
                    self.mode = Mode::AfterBody;
                }
            }
            Tag::Html => {
                if self.in_scope(|o| o.is_html(Tag::Body), Scope::Default) {
                    self.mode = Mode::AfterBody;
                    return true;
                }
            }
            Tag::Address
            | Tag::Article
            | Tag::Aside
            | Tag::Blockquote
            | Tag::Button
            | Tag::Center
            | Tag::Details
            | Tag::Dialog
            | Tag::Dir
            | Tag::Div
            | Tag::Dl
            | Tag::Fieldset
            | Tag::Figcaption
            | Tag::Figure
            | Tag::Footer
            | Tag::Header
            | Tag::Hgroup
            | Tag::Listing
            | Tag::Main
            | Tag::Menu
            | Tag::Nav
            | Tag::Ol
            | Tag::Pre
            | Tag::Search
            | Tag::Section
            | Tag::Select
            | Tag::Summary
            | Tag::Ul => {
                let tag = t.tag;
                if self.in_scope(|o| o.is_html(tag), Scope::Default) {
                    self.generate_implied_end_tags(None);
                    self.pop_until(|o| o.is_html(tag));
                }
            }
            Tag::Form => self.end_form(),
            Tag::P => {
                if !self.in_scope(|o| o.is_html(Tag::P), Scope::Button) {
                    self.insert_named(Tag::P);
                }
                self.close_p();
            }
            Tag::Li => {
                if self.in_scope(|o| o.is_html(Tag::Li), Scope::ListItem) {
                    self.generate_implied_end_tags(Some(Tag::Li));
                    self.pop_until(|o| o.is_html(Tag::Li));
                }
            }
            Tag::Dd | Tag::Dt => {
                let tag = t.tag;
                if self.in_scope(|o| o.is_html(tag), Scope::Default) {
                    self.generate_implied_end_tags(Some(tag));
                    self.pop_until(|o| o.is_html(tag));
                }
            }
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 => {
                if self.in_scope(|o| o.html_has(flag::HEADING), Scope::Default) {
                    self.generate_implied_end_tags(None);
                    self.pop_until(|o| o.html_has(flag::HEADING));
                }
            }
            Tag::A
            | Tag::B
            | Tag::Big
            | Tag::Code
            | Tag::Em
            | Tag::Font
            | Tag::I
            | Tag::Nobr
            | Tag::S
            | Tag::Small
            | Tag::Strike
            | Tag::Strong
            | Tag::Tt
            | Tag::U => self.adoption_agency(t),
            Tag::Applet | Tag::Marquee | Tag::Object => {
                let tag = t.tag;
                if self.in_scope(|o| o.is_html(tag), Scope::Default) {
                    self.generate_implied_end_tags(None);
                    self.pop_until(|o| o.is_html(tag));
                    self.clear_formatting_to_marker();
                }
            }
            Tag::Br => {
                // `</br>` is read as `<br>`.
                t.attrs.clear();
                self.reconstruct_formatting();
                self.insert_void(t);
            }
            Tag::Td | Tag::Th | Tag::Caption => {
                let tag = t.tag;
                if self.in_scope(|o| o.is_html(tag), Scope::Table) {
                    self.generate_implied_end_tags(None);
                    self.pop_until(|o| o.is_html(tag));
                    self.clear_formatting_to_marker();
                }
            }
            Tag::Table | Tag::Tbody | Tag::Tfoot | Tag::Thead | Tag::Tr => {
                let tag = t.tag;
                if self.in_scope(|o| o.is_html(tag), Scope::Table) && self.close_cell_or_caption() {
                    return true;
                }
            }
            Tag::Col | Tag::Colgroup => {}
            _ => self.any_other_end_tag(t),
        }
        false
    }

    /// The standard's "any other end tag": closes the nearest open element of that name
    /// unless a special element is in the way.
    fn any_other_end_tag(&mut self, t: &TagToken) {
        for i in (0..self.stack.len()).rev() {
            let open = self.stack[i];
            let same = open.tag == t.tag && (t.tag != Tag::Other || self.name_is(open.id, &t.name));
            if open.ns == Ns::Html && same {
                self.generate_implied_end_tags(Some(t.tag).filter(|&tag| tag != Tag::Other));
                self.stack.truncate(i);
                return;
            }
            if self.is_special(&open) {
                return;
            }
        }
    }

    fn end_form(&mut self) {
        if self.has_open(Tag::Template) {
            if self.in_scope(|o| o.is_html(Tag::Form), Scope::Default) {
                self.generate_implied_end_tags(None);
                self.pop_until(|o| o.is_html(Tag::Form));
            }
            return;
        }
        let form = std::mem::replace(&mut self.form, NONE);
        if form == NONE || !self.in_scope(|o| o.id == form, Scope::Default) {
            return;
        }
        self.generate_implied_end_tags(None);
        // The form leaves the stack; what was opened inside it stays open.
        if let Some(i) = self.stack.iter().rposition(|o| o.id == form) {
            self.stack.remove(i);
        }
    }

    // ----- tables and select -----------------------------------------------------------------

    fn table_start(&mut self, t: &mut TagToken) -> bool {
        match t.tag {
            Tag::Caption => {
                self.clear_to(|tag| tag == Tag::Table);
                self.insert(t, Ns::Html);
                self.formatting.push(Formatting::Marker);
            }
            Tag::Colgroup => {
                self.clear_to(|tag| tag == Tag::Table);
                self.insert(t, Ns::Html);
            }
            Tag::Col => {
                self.clear_to(|tag| tag == Tag::Table);
                self.insert_named(Tag::Colgroup);
                return true;
            }
            Tag::Tbody | Tag::Tfoot | Tag::Thead => {
                self.clear_to(|tag| tag == Tag::Table);
                self.insert(t, Ns::Html);
            }
            Tag::Tr => {
                self.clear_to(|tag| {
                    matches!(tag, Tag::Table | Tag::Tbody | Tag::Thead | Tag::Tfoot)
                });
                if self.current().is_html(Tag::Table) {
                    self.insert_named(Tag::Tbody);
                }
                self.insert(t, Ns::Html);
            }
            Tag::Td | Tag::Th => {
                self.clear_to(|tag| {
                    matches!(
                        tag,
                        Tag::Table | Tag::Tbody | Tag::Thead | Tag::Tfoot | Tag::Tr
                    )
                });
                if self.current().is_html(Tag::Table) {
                    self.insert_named(Tag::Tbody);
                }
                if !self.current().is_html(Tag::Tr) {
                    self.insert_named(Tag::Tr);
                }
                self.insert(t, Ns::Html);
                self.formatting.push(Formatting::Marker);
            }
            Tag::Table => {
                // A table start inside a table closes it and opens a sibling.
                if self.in_scope(|o| o.is_html(Tag::Table), Scope::Table) {
                    self.pop_until(|o| o.is_html(Tag::Table));
                    return true;
                }
            }
            Tag::Style | Tag::Script => self.insert_text_element(t),
            Tag::Template => self.start_template(t),
            Tag::Input
                if t.attrs
                    .iter()
                    .any(|(k, v)| &**k == "type" && v.trim().eq_ignore_ascii_case("hidden")) =>
            {
                self.insert_void(t);
            }
            Tag::Form => {
                if self.form == NONE && !self.has_open(Tag::Template) {
                    self.form = self.insert(t, Ns::Html);
                    self.pop();
                }
            }
            _ => {
                self.foster = true;
                let again = self.body_start(t);
                self.foster = false;
                return again;
            }
        }
        false
    }

    fn table_end(&mut self, t: &mut TagToken) -> bool {
        match t.tag {
            Tag::Table | Tag::Tbody | Tag::Tfoot | Tag::Thead | Tag::Tr => {
                let tag = t.tag;
                if self.in_scope(|o| o.is_html(tag), Scope::Table) {
                    self.pop_until(|o| o.is_html(tag));
                }
            }
            Tag::Body | Tag::Caption | Tag::Col | Tag::Colgroup | Tag::Html | Tag::Td | Tag::Th => {
            }
            Tag::Template => self.end_template(),
            _ => {
                self.foster = true;
                let again = self.body_end(t);
                self.foster = false;
                return again;
            }
        }
        false
    }

    /// Whether the table rules apply: the innermost element that decides the standard's
    /// insertion mode is a table, a row group or a row. Content moved before the table
    /// (fostered) stays open on top of it, and table tags still close it.
    fn in_table_mode(&self) -> bool {
        for open in self.stack.iter().rev() {
            if open.ns != Ns::Html {
                continue;
            }
            match open.tag {
                Tag::Table | Tag::Tbody | Tag::Thead | Tag::Tfoot | Tag::Tr => return true,
                Tag::Td
                | Tag::Th
                | Tag::Caption
                | Tag::Colgroup
                | Tag::Template
                | Tag::Body
                | Tag::Html
                | Tag::Head
                | Tag::Frameset => return false,
                _ => {}
            }
        }
        false
    }

    /// Pops until the current node is one of the given HTML elements (or `html`/`template`).
    fn clear_to(&mut self, stop: impl Fn(Tag) -> bool) {
        while let Some(top) = self.stack.last() {
            if top.ns == Ns::Html && (stop(top.tag) || matches!(top.tag, Tag::Html | Tag::Template))
            {
                break;
            }
            self.stack.pop();
        }
    }

    /// Inside a cell or caption: closes it and returns true (the token is then re-run).
    fn close_cell_or_caption(&mut self) -> bool {
        let is_cell =
            |o: &Open| o.ns == Ns::Html && matches!(o.tag, Tag::Td | Tag::Th | Tag::Caption);
        if !self.in_scope(is_cell, Scope::Table) {
            return false;
        }
        self.generate_implied_end_tags(None);
        self.pop_until(is_cell);
        self.clear_formatting_to_marker();
        true
    }

    // ----- templates and foreign content -------------------------------------------------------

    fn start_template(&mut self, t: &mut TagToken) {
        let id = self.create(t, Ns::Html);
        self.insert_node(id);
        // The contents live in a detached fragment, out of the document tree.
        let fragment = self.new_node(NodeData::Fragment);
        self.push_open(Open {
            id,
            tag: Tag::Template,
            ns: Ns::Html,
            target: fragment,
        });
        self.formatting.push(Formatting::Marker);
        self.template_modes.push(self.mode);
        self.mode = Mode::InBody;
    }

    fn end_template(&mut self) {
        if !self.has_open(Tag::Template) {
            return;
        }
        self.generate_implied_end_tags(None);
        self.pop_until(|o| o.is_html(Tag::Template));
        self.clear_formatting_to_marker();
        self.mode = self.template_modes.pop().unwrap_or(Mode::InBody);
    }

    /// Whether the current foreign node lets this token be handled by the HTML rules
    /// (the integration points of the standard).
    fn html_rules_apply(&self, current: &Open, token: &Token<'_>) -> bool {
        let name = self.name_of(current.id);
        let start_or_text = match token {
            Token::Start(t) => {
                if current.ns == Ns::MathMl && &**name == "annotation-xml" && t.tag == Tag::Svg {
                    return true;
                }
                !(current.ns == Ns::MathMl && matches!(&*t.name, "mglyph" | "malignmark"))
            }
            Token::Text(_) => true,
            _ => false,
        };
        if !start_or_text {
            return false;
        }
        match current.ns {
            Ns::MathMl => {
                matches!(&**name, "mi" | "mo" | "mn" | "ms" | "mtext")
                    || (&**name == "annotation-xml"
                        && self.dom.element(current.id).is_some_and(|e| {
                            e.attr("encoding").is_some_and(|v| {
                                v.eq_ignore_ascii_case("text/html")
                                    || v.eq_ignore_ascii_case("application/xhtml+xml")
                            })
                        }))
            }
            Ns::Svg => matches!(&**name, "foreignObject" | "desc" | "title"),
            Ns::Html => true,
        }
    }

    fn in_foreign(&mut self, token: &mut Token<'a>) -> bool {
        match token {
            Token::Text(text) => self.insert_text(text),
            Token::Comment => self.insert_other(),
            Token::Doctype(_) => {}
            Token::Start(t) => {
                let breaks_out = t.tag.is(flag::BREAKS_OUT_OF_FOREIGN)
                    || (t.tag == Tag::Font
                        && t.attrs
                            .iter()
                            .any(|(k, _)| matches!(&**k, "color" | "face" | "size")));
                if breaks_out {
                    while let Some(top) = self.stack.last().copied() {
                        if top.ns == Ns::Html || self.is_integration_point(&top) {
                            break;
                        }
                        self.stack.pop();
                    }
                    return true;
                }
                let ns = self.current().ns;
                let id = self.create(t, ns);
                self.insert_node(id);
                if !t.self_closing {
                    self.push(id, t.tag, ns);
                }
            }
            Token::End(t) => {
                for i in (1..self.stack.len()).rev() {
                    let open = self.stack[i];
                    if open.ns == Ns::Html {
                        return self.body_end(t);
                    }
                    if self.name_of(open.id).eq_ignore_ascii_case(&t.name) {
                        self.stack.truncate(i);
                        return false;
                    }
                }
            }
        }
        false
    }

    fn is_integration_point(&self, open: &Open) -> bool {
        let name = self.name_of(open.id);
        match open.ns {
            Ns::Svg => matches!(&**name, "foreignObject" | "desc" | "title"),
            Ns::MathMl => matches!(
                &**name,
                "mi" | "mo" | "mn" | "ms" | "mtext" | "annotation-xml"
            ),
            Ns::Html => false,
        }
    }

    // ----- the stack, scopes, implied end tags -----------------------------------------------

    #[inline]
    fn current(&self) -> Open {
        self.stack.last().copied().unwrap_or(Open {
            id: Dom::ROOT,
            tag: Tag::Other,
            ns: Ns::Html,
            target: Dom::ROOT,
        })
    }

    fn name_of(&self, id: NodeId) -> &LocalName {
        static EMPTY: std::sync::OnceLock<LocalName> = std::sync::OnceLock::new();
        match self.dom.element(id) {
            Some(e) => e.tag(),
            None => EMPTY.get_or_init(|| LocalName::from("")),
        }
    }

    #[inline]
    fn name_is(&self, id: NodeId, name: &LocalName) -> bool {
        self.dom.element(id).is_some_and(|e| e.tag() == name)
    }

    fn is_special(&self, open: &Open) -> bool {
        match open.ns {
            Ns::Html => open.tag.is(flag::SPECIAL),
            _ => foreign_is_special(self.name_of(open.id)),
        }
    }

    fn has_open(&self, tag: Tag) -> bool {
        self.stack.iter().any(|o| o.is_html(tag))
    }

    fn in_scope(&self, target: impl Fn(&Open) -> bool, scope: Scope) -> bool {
        for open in self.stack.iter().rev() {
            if target(open) {
                return true;
            }
            let boundary = match scope {
                Scope::Table => {
                    open.ns == Ns::Html
                        && matches!(open.tag, Tag::Html | Tag::Table | Tag::Template)
                }
                _ => {
                    let base = match open.ns {
                        Ns::Html => open.tag.is(flag::SCOPE),
                        _ => self.is_integration_point(open),
                    };
                    base || match scope {
                        Scope::ListItem => {
                            open.ns == Ns::Html && matches!(open.tag, Tag::Ol | Tag::Ul)
                        }
                        Scope::Button => open.is_html(Tag::Button),
                        _ => false,
                    }
                }
            };
            if boundary {
                return false;
            }
        }
        false
    }

    fn pop(&mut self) {
        self.stack.pop();
    }

    /// Pops elements up to and including the nearest one matching `target`.
    fn pop_until(&mut self, target: impl Fn(&Open) -> bool) {
        while let Some(top) = self.stack.pop() {
            if target(&top) {
                return;
            }
        }
    }

    fn generate_implied_end_tags(&mut self, except: Option<Tag>) {
        while let Some(top) = self.stack.last() {
            if !top.html_has(flag::IMPLIED_END) || Some(top.tag) == except {
                return;
            }
            self.stack.pop();
        }
    }

    /// Closes an open `<p>` (in button scope).
    fn close_p(&mut self) {
        if self.in_scope(|o| o.is_html(Tag::P), Scope::Button) {
            self.generate_implied_end_tags(Some(Tag::P));
            self.pop_until(|o| o.is_html(Tag::P));
        }
    }

    /// A new `li` (or `dd`/`dt`) closes the open one unless a block other than
    /// `address`, `div`, `p` is in between.
    fn close_list_item(&mut self, is_item: impl Fn(Tag) -> bool) {
        for i in (0..self.stack.len()).rev() {
            let open = self.stack[i];
            if open.ns == Ns::Html && is_item(open.tag) {
                let tag = open.tag;
                self.generate_implied_end_tags(Some(tag));
                self.stack.truncate(i);
                return;
            }
            let passable =
                open.ns == Ns::Html && matches!(open.tag, Tag::Address | Tag::Div | Tag::P);
            if self.is_special(&open) && !passable {
                return;
            }
        }
    }

    // ----- active formatting elements -----------------------------------------------------

    fn formatting_after_marker(&self) -> impl Iterator<Item = Formatting> + '_ {
        self.formatting
            .iter()
            .rev()
            .take_while(|f| **f != Formatting::Marker)
            .copied()
    }

    fn is_open(&self, id: NodeId) -> bool {
        self.stack.iter().rev().any(|o| o.id == id)
    }

    fn push_formatting(&mut self, id: NodeId, tag: Tag) {
        // At most three identical entries after the last marker (the "Noah's Ark" clause):
        // a page of thousands of unclosed `<font>`s must not be rebuilt thousands of times.
        let mut same = 0;
        let mut earliest = None;
        for i in (0..self.formatting.len()).rev() {
            match self.formatting[i] {
                Formatting::Marker => break,
                Formatting::Element(other, other_tag) => {
                    if other_tag == tag && self.same_element(other, id) {
                        same += 1;
                        earliest = Some(i);
                    }
                }
            }
        }
        if same >= 3 {
            if let Some(i) = earliest {
                self.formatting.remove(i);
            }
        }
        self.formatting.push(Formatting::Element(id, tag));
    }

    fn same_element(&self, a: NodeId, b: NodeId) -> bool {
        match (self.dom.element(a), self.dom.element(b)) {
            (Some(x), Some(y)) => {
                x.name == y.name
                    && x.attrs.len() == y.attrs.len()
                    && x.attrs.iter().all(|attr| y.attrs.contains(attr))
            }
            _ => false,
        }
    }

    fn clear_formatting_to_marker(&mut self) {
        while let Some(f) = self.formatting.pop() {
            if f == Formatting::Marker {
                return;
            }
        }
    }

    /// Reopens formatting elements that an end tag closed while still "active" (so that
    /// `<p><b>x<p>y` makes `y` bold too).
    fn reconstruct_formatting(&mut self) {
        let Some(&last) = self.formatting.last() else {
            return;
        };
        let is_settled = |this: &Self, f: Formatting| match f {
            Formatting::Marker => true,
            Formatting::Element(id, _) => this.is_open(id),
        };
        if is_settled(self, last) {
            return;
        }
        let mut first = self.formatting.len() - 1;
        while first > 0 && !is_settled(self, self.formatting[first - 1]) {
            first -= 1;
        }
        for i in first..self.formatting.len() {
            let Formatting::Element(old, tag) = self.formatting[i] else {
                continue;
            };
            let id = self.clone_element(old);
            self.insert_node(id);
            self.push(id, tag, Ns::Html);
            self.formatting[i] = Formatting::Element(id, tag);
        }
    }

    /// The standard's adoption agency algorithm for the end tag `t` of a formatting element.
    fn adoption_agency(&mut self, t: &TagToken) {
        let current = self.current();
        if current.ns == Ns::Html
            && self.name_is(current.id, &t.name)
            && !self
                .formatting
                .iter()
                .any(|f| matches!(f, Formatting::Element(id, _) if *id == current.id))
        {
            self.pop();
            return;
        }
        for _ in 0..8 {
            let found = (0..self.formatting.len())
                .rev()
                .take_while(|&i| self.formatting[i] != Formatting::Marker)
                .find(
                    |&i| matches!(self.formatting[i], Formatting::Element(_, tag) if tag == t.tag),
                );
            let Some(fe_index) = found else {
                self.any_other_end_tag(t);
                return;
            };
            let Formatting::Element(fe, fe_tag) = self.formatting[fe_index] else {
                return;
            };
            let Some(fe_stack) = self.stack.iter().rposition(|o| o.id == fe) else {
                self.formatting.remove(fe_index);
                return;
            };
            if !self.in_scope(|o| o.id == fe, Scope::Default) {
                return;
            }
            let furthest =
                (fe_stack + 1..self.stack.len()).find(|&i| self.is_special(&self.stack[i]));
            let Some(fb_stack) = furthest else {
                self.stack.truncate(fe_stack);
                self.formatting.remove(fe_index);
                return;
            };
            let furthest_block = self.stack[fb_stack].id;
            let Some(common) = fe_stack.checked_sub(1).map(|i| self.stack[i]) else {
                return;
            };
            let mut bookmark = fe_index;
            let mut node_index = fb_stack;
            let mut last = furthest_block;
            let mut inner = 0;
            loop {
                inner += 1;
                node_index -= 1;
                let node = self.stack[node_index];
                if node.id == fe {
                    break;
                }
                let mut in_list = self
                    .formatting
                    .iter()
                    .position(|f| matches!(f, Formatting::Element(id, _) if *id == node.id));
                if inner > 3 {
                    if let Some(pos) = in_list.take() {
                        self.formatting.remove(pos);
                        if pos < bookmark {
                            bookmark -= 1;
                        }
                    }
                }
                let Some(pos) = in_list else {
                    self.stack.remove(node_index);
                    continue;
                };
                let copy = self.clone_element(node.id);
                self.formatting[pos] = Formatting::Element(copy, node.tag);
                self.stack[node_index] = Open {
                    id: copy,
                    target: copy,
                    ..node
                };
                if last == furthest_block {
                    bookmark = pos + 1;
                }
                self.dom.detach(last);
                self.dom.append(copy, last);
                last = copy;
            }
            self.dom.detach(last);
            if common.html_has(flag::TABLE_CONTEXT) {
                self.foster_insert(last);
            } else {
                self.dom.append(common.target, last);
            }
            let copy = self.clone_element(fe);
            let children: Vec<NodeId> = self.dom.children(furthest_block).collect();
            for child in children {
                self.dom.detach(child);
                self.dom.append(copy, child);
            }
            self.dom.append(furthest_block, copy);
            if let Some(pos) = self
                .formatting
                .iter()
                .position(|f| matches!(f, Formatting::Element(id, _) if *id == fe))
            {
                self.formatting.remove(pos);
                if pos < bookmark {
                    bookmark -= 1;
                }
            }
            let at = bookmark.min(self.formatting.len());
            self.formatting
                .insert(at, Formatting::Element(copy, fe_tag));
            if let Some(i) = self.stack.iter().rposition(|o| o.id == fe) {
                self.stack.remove(i);
            }
            if let Some(i) = self.stack.iter().rposition(|o| o.id == furthest_block) {
                self.stack.insert(
                    i + 1,
                    Open {
                        id: copy,
                        tag: fe_tag,
                        ns: Ns::Html,
                        target: copy,
                    },
                );
            }
        }
    }

    // ----- creating and inserting nodes ------------------------------------------------------

    fn new_node(&mut self, data: NodeData) -> NodeId {
        if self.dom.len() >= self.limits.max_nodes && self.error.is_none() {
            self.error = Some(Error::TooComplex(format!(
                "more than {} nodes",
                self.limits.max_nodes
            )));
        }
        self.dom.push(data)
    }

    fn create(&mut self, t: &mut TagToken, ns: Ns) -> NodeId {
        let local = if ns == Ns::Svg {
            let adjusted = svg_name(&t.name);
            if adjusted.len() == t.name.len() && adjusted == &*t.name {
                t.name.clone()
            } else {
                LocalName::from(adjusted)
            }
        } else {
            t.name.clone()
        };
        let mut attrs = std::mem::take(&mut t.attrs);
        if ns != Ns::Html {
            for (name, _) in &mut attrs {
                if let Some(adjusted) = foreign_attribute(name) {
                    *name = LocalName::from(adjusted);
                }
            }
        }
        self.new_node(NodeData::Element(Element {
            name: QualName::new(None, ns.atom(), local),
            attrs,
        }))
    }

    fn create_named(&mut self, tag: Tag, ns: Ns) -> NodeId {
        let local = tag.local_name().unwrap_or_else(|| LocalName::from(""));
        self.new_node(NodeData::Element(Element {
            name: QualName::new(None, ns.atom(), local),
            attrs: Vec::new(),
        }))
    }

    fn clone_element(&mut self, id: NodeId) -> NodeId {
        let data = match self.dom.element(id) {
            Some(e) => NodeData::Element(e.clone()),
            None => NodeData::Other,
        };
        self.new_node(data)
    }

    fn push(&mut self, id: NodeId, tag: Tag, ns: Ns) {
        self.push_open(Open {
            id,
            tag,
            ns,
            target: id,
        });
    }

    fn push_open(&mut self, open: Open) {
        self.stack.push(open);
        if self.stack.len() > self.limits.max_depth as usize && self.error.is_none() {
            self.error = Some(Error::TooComplex(format!(
                "elements nested more than {} deep",
                self.limits.max_depth
            )));
        }
    }

    /// Where the next node goes: into the current node, or before the innermost table
    /// when fostering (into the element below the table on the stack when the table was
    /// taken out of the tree).
    fn insertion_place(&self) -> Place {
        let current = self.current();
        if self.foster && current.html_has(flag::TABLE_CONTEXT) {
            return self.foster_place();
        }
        Place::Append(current.target)
    }

    fn foster_place(&self) -> Place {
        if let Some(i) = self.stack.iter().rposition(|o| o.is_html(Tag::Table)) {
            let table = self.stack[i].id;
            if self.dom.parent(table).is_some() {
                return Place::Before(table);
            }
            if let Some(below) = i.checked_sub(1).map(|j| self.stack[j].target) {
                return Place::Append(below);
            }
        }
        Place::Append(self.current().target)
    }

    fn put(&mut self, id: NodeId, place: Place) {
        match place {
            Place::Append(parent) => self.dom.append(parent, id),
            Place::Before(sibling) => self.dom.insert_before(sibling, id),
        }
    }

    fn insert_node(&mut self, id: NodeId) {
        let place = self.insertion_place();
        self.put(id, place);
    }

    fn foster_insert(&mut self, id: NodeId) {
        let place = self.foster_place();
        self.put(id, place);
    }

    /// Creates, inserts and opens an element.
    fn insert(&mut self, t: &mut TagToken, ns: Ns) -> NodeId {
        let id = self.create(t, ns);
        self.insert_node(id);
        self.push(id, t.tag, ns);
        id
    }

    /// Creates, inserts and opens an element the markup implied (no attributes).
    fn insert_named(&mut self, tag: Tag) -> NodeId {
        let id = self.create_named(tag, Ns::Html);
        self.insert_node(id);
        self.push(id, tag, Ns::Html);
        id
    }

    /// Whether a `<noscript>` is open (see `Tokenizer::start_text`).
    fn inside_noscript(&self) -> bool {
        self.stack.iter().any(|o| o.is_html(Tag::Noscript))
    }

    /// Creates and inserts an element that takes no content.
    fn insert_void(&mut self, t: &mut TagToken) {
        let id = self.create(t, Ns::Html);
        self.insert_node(id);
    }

    /// Inserts an element whose content the tokenizer reads as text.
    fn insert_text_element(&mut self, t: &mut TagToken) {
        self.insert(t, Ns::Html);
        if let Some(kind) = t.tag.text_kind() {
            let inside_noscript = self.inside_noscript();
            self.tokenizer
                .start_text(kind, t.name.clone(), inside_noscript);
            self.text_return = self.mode;
            self.mode = Mode::Text;
        }
    }

    fn merge_attrs(&mut self, stack_index: usize, t: &mut TagToken) {
        let Some(id) = self.stack.get(stack_index).map(|o| o.id) else {
            return;
        };
        if let NodeData::Element(e) = &mut self.dom.nodes[id as usize].data {
            for (name, value) in std::mem::take(&mut t.attrs) {
                if !e.attrs.iter().any(|(k, _)| *k == name) {
                    e.attrs.push((name, value));
                }
            }
        }
    }

    fn append_other(&mut self, parent: NodeId) {
        let id = self.new_node(NodeData::Other);
        self.dom.append(parent, id);
    }

    fn insert_other(&mut self) {
        let target = self.current().target;
        self.append_other(target);
    }

    /// Appends text at the insertion point, merged with a text node right before it.
    /// Inserts the leading whitespace of `text` (if any) at the current place and cuts it
    /// off; whether anything is left for the mode's other rules.
    fn insert_leading_space(&mut self, text: &mut Cow<'a, str>) -> bool {
        let space = leading_space(text);
        if space > 0 {
            self.insert_text(&text[..space]);
        }
        cut_front(text, space);
        !text.is_empty()
    }

    fn insert_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let place = self.insertion_place();
        let previous = match place {
            Place::Append(parent) => self.dom.node(parent).last_child,
            Place::Before(sibling) => self.dom.node(sibling).prev_sibling,
        };
        if previous != NONE {
            if let NodeData::Text(existing) = &mut self.dom.nodes[previous as usize].data {
                existing.push_str(text);
                return;
            }
        }
        let id = self.new_node(NodeData::Text(text.to_owned()));
        self.put(id, place);
    }
}

#[derive(Debug, Clone, Copy)]
enum Place {
    Append(NodeId),
    Before(NodeId),
}

/// Bytes of leading ASCII whitespace (the standard's "space characters").
fn leading_space(text: &str) -> usize {
    text.bytes()
        .take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C'))
        .count()
}

/// Drops the first `n` bytes of `text` (a char boundary: `n` counts ASCII bytes).
fn cut_front(text: &mut Cow<'_, str>, n: usize) {
    match text {
        Cow::Borrowed(s) => *s = &s[n..],
        Cow::Owned(s) => {
            s.drain(..n);
        }
    }
}

/// Drops leading whitespace; whether anything is left.
fn strip_leading_space(text: &mut Cow<'_, str>) -> bool {
    let n = leading_space(text);
    cut_front(text, n);
    !text.is_empty()
}

fn strip_first_newline(text: &mut Cow<'_, str>) {
    if text.starts_with('\n') {
        cut_front(text, 1);
    }
}
