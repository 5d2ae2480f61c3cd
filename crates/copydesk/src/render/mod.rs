//! Blocks -> output formats: plain text, Markdown, clean minimal HTML. (JSON is the
//! [`crate::Article`] record serialised by the front ends.)

mod html;
mod markdown;

pub use html::to_html;
pub use markdown::to_markdown;

use crate::blocks::{Block, BlockKind};

/// Plain text: blocks separated by blank lines; list items and table rows of one list or
/// table on consecutive lines.
pub fn to_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut prev: Option<&Block> = None;
    for b in blocks {
        if let Some(p) = prev {
            out.push_str(if same_group(p, b) { "\n" } else { "\n\n" });
        }
        b.push_text_to(&mut out);
        prev = Some(b);
    }
    out
}

/// Whether two consecutive blocks belong to one list or one table (rendered without a blank line).
pub(crate) fn same_group(a: &Block, b: &Block) -> bool {
    match (&a.kind, &b.kind) {
        (BlockKind::ListItem { .. }, BlockKind::ListItem { .. }) => true,
        (BlockKind::TableRow { .. }, BlockKind::TableRow { .. }) => a.group == b.group,
        _ => false,
    }
}
