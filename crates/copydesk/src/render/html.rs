//! Clean minimal HTML: semantic block tags and inline emphasis, links and code, nothing else.

use crate::blocks::{Block, BlockKind, Span};

/// Renders blocks as a minimal HTML fragment wrapped in `<article>`.
pub fn to_html(blocks: &[Block]) -> String {
    let mut out = String::from("<article>\n");
    // Open lists (ordered?) — each with its last `<li>` still open, so that a nested
    // list lands inside its parent item — and the open table, closed when the group ends.
    let mut lists: Vec<bool> = Vec::new();
    let mut table: Option<u32> = None;
    for b in blocks {
        // Close containers the block does not continue.
        let list_depth = match b.kind {
            BlockKind::ListItem { depth, .. } => depth as usize,
            _ => 0,
        };
        while lists.len() > list_depth {
            out.push_str(if lists.pop() == Some(true) {
                "</li>\n</ol>\n"
            } else {
                "</li>\n</ul>\n"
            });
        }
        let in_table = match b.kind {
            BlockKind::TableRow { .. } => Some(b.group),
            _ => None,
        };
        if table.is_some() && table != in_table {
            out.push_str("</table>\n");
            table = None;
        }
        match &b.kind {
            BlockKind::Heading(n) => {
                out.push_str(&format!("<h{n}>{}</h{n}>\n", inline(&b.spans)));
            }
            BlockKind::Paragraph => out.push_str(&format!("<p>{}</p>\n", inline(&b.spans))),
            BlockKind::Caption => {
                out.push_str(&format!("<figcaption>{}</figcaption>\n", inline(&b.spans)))
            }
            BlockKind::Quote => out.push_str(&format!(
                "<blockquote><p>{}</p></blockquote>\n",
                inline(&b.spans)
            )),
            BlockKind::Code => out.push_str(&format!("<pre>{}</pre>\n", escape(&b.text()))),
            BlockKind::ListItem { ordered, depth, .. } => {
                if lists.len() == *depth as usize {
                    out.push_str("</li>\n");
                }
                while lists.len() < *depth as usize {
                    out.push_str(if *ordered { "\n<ol>\n" } else { "\n<ul>\n" });
                    lists.push(*ordered);
                }
                out.push_str(&format!("<li>{}", inline(&b.spans)));
            }
            BlockKind::TableRow { header } => {
                if table.is_none() {
                    out.push_str("<table>\n");
                    table = Some(b.group);
                }
                let cell = if *header { "th" } else { "td" };
                out.push_str("<tr><");
                out.push_str(cell);
                out.push('>');
                let row = inline(&b.spans).replace('\u{1}', &format!("</{cell}><{cell}>"));
                out.push_str(&row);
                out.push_str(&format!("</{cell}></tr>\n"));
            }
        }
    }
    while let Some(o) = lists.pop() {
        out.push_str(if o {
            "</li>\n</ol>\n"
        } else {
            "</li>\n</ul>\n"
        });
    }
    if table.is_some() {
        out.push_str("</table>\n");
    }
    out.push_str("</article>");
    out
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(t: &str) -> String {
    let mut s = String::with_capacity(t.len());
    for c in t.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            _ => s.push(c),
        }
    }
    s
}

fn inline(spans: &[Span]) -> String {
    let mut out = String::new();
    let mut open: Vec<&'static str> = Vec::new();
    for s in spans {
        match s {
            Span::Text(t) => out.push_str(&escape(t)),
            Span::Bold(true) => {
                out.push_str("<b>");
                open.push("</b>");
            }
            Span::Italic(true) => {
                out.push_str("<i>");
                open.push("</i>");
            }
            Span::Link(Some(h)) => {
                out.push_str(&format!("<a href=\"{}\">", escape(h)));
                open.push("</a>");
            }
            Span::Bold(false) | Span::Italic(false) | Span::Link(None) => {
                if let Some(c) = open.pop() {
                    out.push_str(c);
                }
            }
            Span::Code(c) => out.push_str(&format!("<code>{}</code>", escape(c))),
            Span::LineBreak => out.push_str("<br>"),
            Span::Cell => out.push('\u{1}'),
        }
    }
    while let Some(c) = open.pop() {
        out.push_str(c);
    }
    out
}
