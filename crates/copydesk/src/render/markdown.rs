//! Markdown rendering (CommonMark with GFM tables).

use crate::blocks::{Block, BlockKind, Span};

use super::same_group;

/// Renders blocks as Markdown.
pub fn to_markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut prev: Option<&Block> = None;
    for b in blocks {
        if let Some(p) = prev {
            out.push_str(if same_group(p, b) { "\n" } else { "\n\n" });
        }
        match &b.kind {
            BlockKind::Heading(n) => {
                for _ in 0..*n {
                    out.push('#');
                }
                out.push(' ');
                out.push_str(&inline(&b.spans));
            }
            BlockKind::Paragraph => out.push_str(&inline(&b.spans)),
            BlockKind::Caption => {
                out.push('*');
                out.push_str(inline(&b.spans).trim());
                out.push('*');
            }
            BlockKind::ListItem {
                ordered,
                depth,
                index,
            } => {
                for _ in 1..*depth {
                    out.push_str("   ");
                }
                if *ordered {
                    out.push_str(&format!("{index}. "));
                } else {
                    out.push_str("- ");
                }
                out.push_str(&inline(&b.spans));
            }
            BlockKind::TableRow { header } => {
                let cells = inline(&b.spans).replace('\u{1}', " | ");
                out.push_str("| ");
                out.push_str(&cells);
                out.push_str(" |");
                let first_of_table = !matches!(prev, Some(p) if same_group(p, b));
                if *header || first_of_table {
                    let n = b.spans.iter().filter(|s| matches!(s, Span::Cell)).count() + 1;
                    if first_of_table {
                        out.push('\n');
                        out.push_str(&"|---".repeat(n));
                        out.push('|');
                    }
                }
            }
            BlockKind::Quote => {
                let text = inline(&b.spans);
                for (i, line) in text.lines().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    out.push_str("> ");
                    out.push_str(line);
                }
            }
            BlockKind::Code => {
                out.push_str("```\n");
                out.push_str(&b.text());
                out.push_str("\n```");
            }
        }
        prev = Some(b);
    }
    out
}

fn escape(t: &str) -> String {
    let mut s = String::with_capacity(t.len());
    for c in t.chars() {
        if matches!(c, '*' | '_' | '`' | '[' | ']' | '\\') {
            s.push('\\');
        }
        s.push(c);
    }
    s
}

fn inline(spans: &[Span]) -> String {
    let mut out = String::new();
    let mut links: Vec<String> = Vec::new();
    for s in spans {
        match s {
            Span::Text(t) => out.push_str(&escape(t)),
            Span::Bold(_) => out.push_str("**"),
            Span::Italic(_) => out.push('*'),
            Span::Link(Some(href)) => {
                out.push('[');
                links.push(href.clone());
            }
            Span::Link(None) => {
                if let Some(h) = links.pop() {
                    out.push_str("](");
                    out.push_str(&h.replace(' ', "%20").replace(')', "%29"));
                    out.push(')');
                }
            }
            Span::Code(c) => {
                out.push('`');
                out.push_str(c);
                out.push('`');
            }
            Span::LineBreak => out.push_str("  \n"),
            Span::Cell => out.push('\u{1}'),
        }
    }
    // Links left open by an unbalanced tree are closed at the end.
    while let Some(h) = links.pop() {
        out.push_str("](");
        out.push_str(&h);
        out.push(')');
    }
    out
}
