//! The selected content as a flat sequence of structural blocks.
//!
//! Walking the DOM once (iteratively) turns the chosen subtree into paragraphs, headings,
//! list items, table rows, quotes, code and captions, each with inline spans (emphasis,
//! links, code, line breaks). Every renderer reads these blocks; the block filter in
//! [`crate::select`] judges them one by one.

use std::borrow::Cow;

use html5ever::{local_name, LocalName};

use crate::dom::{Dom, Edge, NodeData, NodeId};

/// What a block is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading(u8),
    /// A list item; `depth` counts enclosing lists (1 = top level).
    ListItem {
        ordered: bool,
        depth: u8,
        index: u32,
    },
    /// One table row; cells are separated by `Span::Cell` markers. `header`: every cell
    /// is a `<th>`.
    TableRow {
        header: bool,
    },
    Quote,
    Code,
    Caption,
}

/// An inline piece of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Text(String),
    /// Start/end of strong emphasis.
    Bold(bool),
    /// Start/end of emphasis.
    Italic(bool),
    /// Start of a link (href) / end of a link (None).
    Link(Option<String>),
    Code(String),
    LineBreak,
    /// Boundary between two table cells.
    Cell,
}

/// One block of content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub spans: Vec<Span>,
    /// The element that opened this block (for features and filtering).
    pub node: NodeId,
    /// Characters of text inside links.
    pub link_chars: usize,
    /// Index of the table this row belongs to (rows of one table share it).
    pub group: u32,
}

impl Block {
    /// The block's plain text (cells joined by " | ", line breaks as "\n").
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.push_text_to(&mut out);
        out
    }

    /// The block's plain text as [`Block::text`] gives it, borrowed when the block holds a
    /// single run of text (most blocks do), so that hot paths reading it skip an allocation.
    pub fn text_ref(&self) -> Cow<'_, str> {
        let mut pieces = self
            .spans
            .iter()
            .filter(|s| !matches!(s, Span::Bold(_) | Span::Italic(_) | Span::Link(_)));
        match (pieces.next(), pieces.next()) {
            (None, _) => Cow::Borrowed(""),
            (Some(Span::Text(t) | Span::Code(t)), None) => Cow::Borrowed(t),
            _ => Cow::Owned(self.text()),
        }
    }

    /// Appends the block's plain text (as [`Block::text`] gives it) to `out`.
    pub fn push_text_to(&self, out: &mut String) {
        for s in &self.spans {
            match s {
                Span::Text(t) | Span::Code(t) => out.push_str(t),
                Span::LineBreak => out.push('\n'),
                Span::Cell => out.push_str(" | "),
                Span::Bold(_) | Span::Italic(_) | Span::Link(_) => {}
            }
        }
    }

    /// Number of cells of a table row (1 for any other block).
    pub fn cells(&self) -> usize {
        1 + self
            .spans
            .iter()
            .filter(|s| matches!(s, Span::Cell))
            .count()
    }

    /// Number of characters of text.
    pub fn text_chars(&self) -> usize {
        self.spans
            .iter()
            .map(|s| match s {
                Span::Text(t) | Span::Code(t) => t.chars().count(),
                _ => 0,
            })
            .sum()
    }
}

/// Tags that start a new block (their content never runs into the text around them).
pub fn is_block_tag(tag: &LocalName) -> bool {
    matches!(
        *tag,
        local_name!("p")
            | local_name!("div")
            | local_name!("section")
            | local_name!("article")
            | local_name!("main")
            | local_name!("header")
            | local_name!("footer")
            | local_name!("aside")
            | local_name!("nav")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("ul")
            | local_name!("ol")
            | local_name!("li")
            | local_name!("dl")
            | local_name!("dt")
            | local_name!("dd")
            | local_name!("table")
            | local_name!("thead")
            | local_name!("tbody")
            | local_name!("tfoot")
            | local_name!("tr")
            | local_name!("td")
            | local_name!("th")
            | local_name!("caption")
            | local_name!("blockquote")
            | local_name!("pre")
            | local_name!("figure")
            | local_name!("figcaption")
            | local_name!("address")
            | local_name!("hr")
            | local_name!("center")
            | local_name!("details")
            | local_name!("summary")
            | local_name!("form")
            | local_name!("fieldset")
            | local_name!("body")
            | local_name!("html")
    )
}

/// Per-walk state: the block being filled and the context it is filled in.
struct Builder<'a> {
    dom: &'a Dom,
    out: Vec<Block>,
    cur: Option<Block>,
    /// Pending whitespace between inline texts.
    space: bool,
    pre_depth: u32,
    quote_depth: u32,
    link_depth: u32,
    /// For each open `<a>`: whether it is a real link (has an href).
    links: Vec<bool>,
    /// Enclosing lists: (ordered, next item number).
    lists: Vec<(bool, u32)>,
    table_group: u32,
    in_row: Option<bool>,
    caption_depth: u32,
}

impl<'a> Builder<'a> {
    fn flush(&mut self) {
        if let Some(mut b) = self.cur.take() {
            // Trim trailing whitespace/breaks.
            while matches!(b.spans.last(), Some(Span::LineBreak) | Some(Span::Cell)) {
                b.spans.pop();
            }
            if let Some(Span::Text(t)) = b.spans.last_mut() {
                let l = t.trim_end().len();
                t.truncate(l);
            }
            let has_text = b.spans.iter().any(|s| match s {
                Span::Text(t) | Span::Code(t) => !t.trim().is_empty(),
                _ => false,
            });
            if has_text {
                self.out.push(b);
            }
        }
        self.space = false;
    }

    fn start(&mut self, kind: BlockKind, node: NodeId) {
        self.flush();
        self.cur = Some(Block {
            kind,
            spans: Vec::new(),
            node,
            link_chars: 0,
            group: self.table_group,
        });
    }

    /// The kind a fresh paragraph gets in the current context.
    fn default_kind(&self) -> BlockKind {
        if self.pre_depth > 0 {
            BlockKind::Code
        } else if self.caption_depth > 0 {
            BlockKind::Caption
        } else if self.quote_depth > 0 {
            BlockKind::Quote
        } else {
            BlockKind::Paragraph
        }
    }

    fn ensure_block(&mut self, node: NodeId) -> &mut Block {
        if self.cur.is_none() {
            let kind = self.default_kind();
            // The block belongs to the nearest block-level element around the text.
            let owner = std::iter::once(node)
                .chain(self.dom.ancestors(node))
                .find(|&n| self.dom.tag(n).is_some_and(is_block_tag))
                .unwrap_or(node);
            self.start(kind, owner);
        }
        self.cur.as_mut().expect("block just started")
    }

    fn push_text(&mut self, node: NodeId, raw: &str) {
        // Soft hyphens mark where a word may break; they are not part of the text (and a
        // search for the word must find it).
        let unhyphenated;
        let raw = if raw.contains(SOFT_HYPHEN) {
            unhyphenated = raw.replace(SOFT_HYPHEN, "");
            unhyphenated.as_str()
        } else {
            raw
        };
        if self.pre_depth > 0 {
            let link = self.link_depth > 0;
            let b = self.ensure_block(node);
            if link {
                b.link_chars += raw.chars().count();
            }
            push_span_text(&mut b.spans, raw);
            return;
        }
        let leading = raw.starts_with(char::is_whitespace);
        let trailing = raw.ends_with(char::is_whitespace);
        let mut words = raw.split_whitespace().peekable();
        if words.peek().is_none() {
            if !raw.is_empty() {
                self.space = true;
            }
            return;
        }
        let mut text = String::with_capacity(raw.len());
        let space_before = self.space || leading;
        for (i, w) in words.enumerate() {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(w);
        }
        let link = self.link_depth > 0;
        let b = self.ensure_block(node);
        let at_start = !b
            .spans
            .iter()
            .any(|s| matches!(s, Span::Text(_) | Span::Code(_)))
            || matches!(b.spans.last(), Some(Span::LineBreak) | Some(Span::Cell));
        if space_before && !at_start {
            push_span_text(&mut b.spans, " ");
        }
        if link {
            b.link_chars += text.chars().count();
        }
        push_span_text(&mut b.spans, &text);
        self.space = trailing;
    }
}

const SOFT_HYPHEN: char = '\u{ad}';

fn push_span_text(spans: &mut Vec<Span>, t: &str) {
    if let Some(Span::Text(last)) = spans.last_mut() {
        last.push_str(t);
    } else {
        spans.push(Span::Text(t.to_owned()));
    }
}

/// Turns the subtrees under `roots` into blocks, in document order.
pub fn collect(dom: &Dom, roots: &[NodeId]) -> Vec<Block> {
    let mut b = Builder {
        dom,
        out: Vec::new(),
        cur: None,
        space: false,
        pre_depth: 0,
        quote_depth: 0,
        link_depth: 0,
        links: Vec::new(),
        lists: Vec::new(),
        table_group: 0,
        in_row: None,
        caption_depth: 0,
    };
    for &root in roots {
        let mut walk = dom.traverse(root);
        while let Some(edge) = walk.next() {
            match edge {
                Edge::Open(id) => match &dom.node(id).data {
                    NodeData::Text(t) => b.push_text(id, t),
                    NodeData::Element(el) if !open(&mut b, id, el.tag()) => {
                        walk.skip_children(id);
                    }
                    _ => {}
                },
                Edge::Close(id) => {
                    if let Some(el) = dom.element(id) {
                        close(&mut b, id, el.tag());
                    }
                }
            }
        }
        b.flush();
    }
    b.out
}

/// Handles an opening tag; returns false to skip the element's children.
fn open(b: &mut Builder<'_>, id: NodeId, tag: &LocalName) -> bool {
    let heading = |n: u8| BlockKind::Heading(n);
    match *tag {
        local_name!("h1") => b.start(heading(1), id),
        local_name!("h2") => b.start(heading(2), id),
        local_name!("h3") => b.start(heading(3), id),
        local_name!("h4") => b.start(heading(4), id),
        local_name!("h5") => b.start(heading(5), id),
        local_name!("h6") => b.start(heading(6), id),
        local_name!("ul") | local_name!("menu") => {
            b.flush();
            b.lists.push((false, 1));
        }
        local_name!("ol") => {
            b.flush();
            let start = b
                .dom
                .element(id)
                .and_then(|e| e.attr("start"))
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(1);
            b.lists.push((true, start));
        }
        local_name!("li") => {
            let (ordered, index) = match b.lists.last_mut() {
                Some((o, n)) => {
                    let i = *n;
                    *n += 1;
                    (*o, i)
                }
                None => (false, 1),
            };
            let depth = b.lists.len().clamp(1, 255) as u8;
            b.start(
                BlockKind::ListItem {
                    ordered,
                    depth,
                    index,
                },
                id,
            );
        }
        local_name!("table") => {
            b.flush();
            b.table_group += 1;
        }
        local_name!("tr") => {
            b.flush();
            b.in_row = Some(false);
        }
        local_name!("td") | local_name!("th") => {
            if b.in_row.is_some() {
                if *tag == local_name!("th") && b.in_row == Some(false) && b.cur.is_none() {
                    b.in_row = Some(true);
                }
                match &mut b.cur {
                    Some(blk) if matches!(blk.kind, BlockKind::TableRow { .. }) => {
                        blk.spans.push(Span::Cell);
                        // A header row is all headings: "th | td" is a row with its label.
                        if *tag == local_name!("td") {
                            blk.kind = BlockKind::TableRow { header: false };
                        }
                        b.space = false;
                    }
                    _ => {
                        let header = *tag == local_name!("th");
                        b.start(BlockKind::TableRow { header }, id);
                    }
                }
            } else {
                b.flush();
            }
        }
        local_name!("blockquote") => {
            b.flush();
            b.quote_depth += 1;
        }
        local_name!("pre") => {
            b.flush();
            b.pre_depth += 1;
            b.start(BlockKind::Code, id);
        }
        local_name!("figcaption") | local_name!("caption") => {
            b.flush();
            b.caption_depth += 1;
        }
        local_name!("br") => {
            if let Some(blk) = &mut b.cur {
                if matches!(blk.kind, BlockKind::TableRow { .. }) {
                    b.space = true;
                } else {
                    blk.spans.push(Span::LineBreak);
                    b.space = false;
                }
            }
        }
        local_name!("hr") => b.flush(),
        local_name!("b") | local_name!("strong") => {
            if let Some(blk) = &mut b.cur {
                flush_space(blk, &mut b.space);
                blk.spans.push(Span::Bold(true));
            }
        }
        local_name!("i") | local_name!("em") => {
            if let Some(blk) = &mut b.cur {
                flush_space(blk, &mut b.space);
                blk.spans.push(Span::Italic(true));
            }
        }
        local_name!("a") => {
            let href = b
                .dom
                .element(id)
                .and_then(|e| e.attr("href"))
                .map(|h| h.trim().to_owned())
                .filter(|h| !h.is_empty() && !h.starts_with("javascript:"));
            b.links.push(href.is_some());
            if let Some(href) = href {
                b.link_depth += 1;
                let space = b.space;
                let blk = b.ensure_block(id);
                if space && blk.spans.iter().any(|s| matches!(s, Span::Text(_))) {
                    push_span_text(&mut blk.spans, " ");
                }
                blk.spans.push(Span::Link(Some(href)));
                b.space = false;
            }
        }
        local_name!("code") | local_name!("kbd") | local_name!("samp") if b.pre_depth == 0 => {
            let text = b.dom.text_content(id);
            if !text.trim().is_empty() {
                let space = b.space;
                let blk = b.ensure_block(id);
                if space
                    && blk
                        .spans
                        .iter()
                        .any(|s| matches!(s, Span::Text(_) | Span::Code(_)))
                {
                    push_span_text(&mut blk.spans, " ");
                }
                blk.spans.push(Span::Code(text.trim().to_owned()));
                b.space = text.ends_with(char::is_whitespace);
            }
            return false;
        }
        local_name!("img") => {
            // Alt text is not body text; images are kept out of the text renderings.
        }
        _ => {
            if is_block_tag(tag) {
                b.flush();
            }
        }
    }
    true
}

fn flush_space(blk: &mut Block, space: &mut bool) {
    if *space && blk.spans.iter().any(|s| matches!(s, Span::Text(_))) {
        push_span_text(&mut blk.spans, " ");
    }
    *space = false;
}

fn close(b: &mut Builder<'_>, id: NodeId, tag: &LocalName) {
    let _ = id;
    match *tag {
        local_name!("ul") | local_name!("ol") | local_name!("menu") => {
            b.flush();
            b.lists.pop();
        }
        local_name!("tr") => {
            b.flush();
            b.in_row = None;
        }
        local_name!("td") | local_name!("th") => {
            if b.in_row.is_none() {
                b.flush();
            }
        }
        local_name!("table") => b.flush(),
        local_name!("blockquote") => {
            b.flush();
            b.quote_depth = b.quote_depth.saturating_sub(1);
        }
        local_name!("pre") => {
            b.flush();
            b.pre_depth = b.pre_depth.saturating_sub(1);
        }
        local_name!("figcaption") | local_name!("caption") => {
            b.flush();
            b.caption_depth = b.caption_depth.saturating_sub(1);
        }
        local_name!("b") | local_name!("strong") => {
            if let Some(blk) = &mut b.cur {
                close_inline(blk, Span::Bold(true), Span::Bold(false));
            }
        }
        local_name!("i") | local_name!("em") => {
            if let Some(blk) = &mut b.cur {
                close_inline(blk, Span::Italic(true), Span::Italic(false));
            }
        }
        local_name!("a") => {
            if b.links.pop() != Some(true) {
                return;
            }
            b.link_depth = b.link_depth.saturating_sub(1);
            if let Some(blk) = &mut b.cur {
                if blk
                    .spans
                    .iter()
                    .rev()
                    .any(|s| matches!(s, Span::Link(Some(_))))
                {
                    close_inline_link(blk);
                }
            }
        }
        _ => {
            if is_block_tag(tag) {
                b.flush();
            }
        }
    }
}

/// Closes an emphasis span; an empty one (open immediately followed by close) is dropped.
fn close_inline(blk: &mut Block, open: Span, close: Span) {
    if blk.spans.last() == Some(&open) {
        blk.spans.pop();
    } else if blk.spans.contains(&open) {
        // Trailing space belongs outside the emphasis.
        let trailing = match blk.spans.last_mut() {
            Some(Span::Text(t)) if t.ends_with(' ') => {
                t.pop();
                true
            }
            _ => false,
        };
        blk.spans.push(close);
        if trailing {
            blk.spans.push(Span::Text(" ".into()));
        }
    }
}

fn close_inline_link(blk: &mut Block) {
    if matches!(blk.spans.last(), Some(Span::Link(Some(_)))) {
        blk.spans.pop();
    } else {
        blk.spans.push(Span::Link(None));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_html, ParseLimits};

    fn blocks(html: &str) -> Vec<Block> {
        let dom = parse_html(html, ParseLimits::default()).unwrap();
        collect(&dom, &[dom.body().unwrap()])
    }

    #[test]
    fn soft_hyphens_are_not_text() {
        let b = blocks("<p>Mit&shy;tel&shy;al&shy;ter und Wein\u{ad}bau</p>");
        assert_eq!(b[0].text(), "Mittelalter und Weinbau");
    }

    #[test]
    fn paragraphs_and_inline() {
        let b = blocks("<p>Hello <b>big</b>\n world</p><div>Second <a href='/x'>link</a>.</div>");
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].text(), "Hello big world");
        assert_eq!(b[1].text(), "Second link.");
        assert_eq!(b[1].link_chars, 4);
    }

    #[test]
    fn lists_tables_code() {
        let b = blocks(
            "<ul><li>one</li><li>two<ol><li>inner</li></ol></li></ul>\
             <table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>\
             <pre>  fn main() {\n    x\n  }</pre>",
        );
        let kinds: Vec<_> = b.iter().map(|b| b.kind.clone()).collect();
        assert_eq!(
            kinds[0],
            BlockKind::ListItem {
                ordered: false,
                depth: 1,
                index: 1
            }
        );
        assert_eq!(
            kinds[2],
            BlockKind::ListItem {
                ordered: true,
                depth: 2,
                index: 1
            }
        );
        assert_eq!(b[3].text(), "A | B");
        assert_eq!(b[4].text(), "1 | 2");
        assert_eq!(b[5].kind, BlockKind::Code);
        assert_eq!(b[5].text(), "  fn main() {\n    x\n  }");
    }

    #[test]
    fn line_breaks_and_quotes() {
        let b = blocks("<blockquote><p>Quoted<br>line</p></blockquote><figure><img src=a><figcaption>Cap</figcaption></figure>");
        assert_eq!(b[0].kind, BlockKind::Quote);
        assert_eq!(b[0].text(), "Quoted\nline");
        assert_eq!(b[1].kind, BlockKind::Caption);
    }

    #[test]
    fn borrowed_text_is_the_text() {
        let b = blocks(
            "<p>Plain words.</p><p><a href='/a'>A link alone</a></p><p>Hello <b>big</b> world</p>\
             <table><tr><td>1</td><td>2</td></tr></table><p>Line<br>break</p><p><br></p>\
             <pre>  code</pre><p><i></i></p>",
        );
        assert_eq!(b.len(), 6, "empty paragraphs make no block: {b:?}");
        for block in &b {
            assert_eq!(block.text_ref(), block.text(), "{block:?}");
        }
        // A single run of text is lent, not copied.
        assert!(matches!(b[0].text_ref(), Cow::Borrowed("Plain words.")));
        assert!(matches!(b[1].text_ref(), Cow::Borrowed("A link alone")));
        let mut out = String::from("> ");
        b[2].push_text_to(&mut out);
        assert_eq!(out, "> Hello big world");
    }
}
