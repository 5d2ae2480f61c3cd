//! Picks the main content and judges its blocks.

use crate::blocks::{self, Block};
use crate::dom::Dom;
use crate::metadata::Metadata;
use crate::Options;

/// Chooses the article's blocks.
pub fn select(dom: &Dom, meta: &Metadata, options: &Options) -> Vec<Block> {
    let _ = (meta, options);
    let root = dom.body().unwrap_or(Dom::ROOT);
    blocks::collect(dom, &[root])
}
