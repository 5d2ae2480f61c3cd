//! HTML text -> arena [`Dom`]: two front ends filling the same arena.
//!
//! [`Parser::Fast`] (the default) is the project's own tokenizer and tree builder
//! ([`fast`]); [`Parser::Html5ever`] is html5ever's tree builder through a `TreeSink`
//! ([`html5ever_sink`]), kept as the reference the fast one is checked against. Both
//! honour the same [`ParseLimits`] and give the same tree shapes where extraction can
//! tell the difference.
//!
//! Deviations from the standard, both parsers: scripting is off, so `<noscript>` content
//! is a tree (platforms serve their server-rendered text there). The fast parser only: raw
//! text inside `<noscript>` (an `<iframe … />`, whose self-closing slash means nothing)
//! ends at `</noscript>`, as it does in a browser, which reads the whole `<noscript>` as
//! text; html5ever's tokenizer follows the scripting-off parse to the letter.

use std::time::Instant;

use html5ever::ns;

use crate::dom::{Dom, Edge, Element, NodeData, NodeId};
use crate::error::Error;
pub use crate::options::Parser;

pub mod fast;
pub mod html5ever_sink;

/// Limits for one parse.
#[derive(Debug, Clone, Copy)]
pub struct ParseLimits {
    /// Stop with an error once the tree holds more nodes than this.
    pub max_nodes: usize,
    /// Stop with an error once elements nest deeper than this. The HTML tree builder
    /// scans its stack of open elements for many tags, so parse time grows with the
    /// square of the depth: 100,000 nested `<div>`s would take seconds.
    pub max_depth: u32,
    /// Stop with an error when this instant has passed (checked as parsing goes).
    pub deadline: Option<Instant>,
}

impl Default for ParseLimits {
    fn default() -> Self {
        ParseLimits {
            max_nodes: 2_000_000,
            max_depth: 3_000,
            deadline: None,
        }
    }
}

/// Parses an HTML document with the default parser.
pub fn parse_html(html: &str, limits: ParseLimits) -> Result<Dom, Error> {
    parse_html_with(html, Parser::default(), limits)
}

/// Parses an HTML document with the given parser.
pub fn parse_html_with(html: &str, parser: Parser, limits: ParseLimits) -> Result<Dom, Error> {
    match parser {
        Parser::Fast => fast::parse(html, limits),
        Parser::Html5ever => html5ever_sink::parse(html, limits),
    }
}

/// A compact serialisation of the tree below `id` (tags, attributes, text; comments and
/// doctypes as `<!>`; SVG and MathML names prefixed), for comparing parsers and in tests.
pub fn outline(dom: &Dom, id: NodeId) -> String {
    let mut out = String::new();
    for edge in dom.traverse(id) {
        match edge {
            Edge::Open(n) => match &dom.node(n).data {
                NodeData::Element(e) => {
                    out.push('<');
                    push_qualified(&mut out, e);
                    for (k, v) in &e.attrs {
                        out.push_str(&format!(" {k}=\"{v}\""));
                    }
                    out.push('>');
                }
                NodeData::Text(t) => out.push_str(t),
                NodeData::Other => out.push_str("<!>"),
                NodeData::Document | NodeData::Fragment => {}
            },
            Edge::Close(n) => {
                if let NodeData::Element(e) = &dom.node(n).data {
                    if e.is_html() && VOID.contains(&&**e.tag()) {
                        continue;
                    }
                    out.push_str("</");
                    push_qualified(&mut out, e);
                    out.push('>');
                }
            }
        }
    }
    out
}

/// HTML elements without an end tag, left unclosed in an [`outline`].
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

fn push_qualified(out: &mut String, e: &Element) {
    if e.name.ns == ns!(svg) {
        out.push_str("svg:");
    } else if e.name.ns == ns!(mathml) {
        out.push_str("math:");
    }
    out.push_str(e.tag());
}

#[cfg(test)]
mod tests;
