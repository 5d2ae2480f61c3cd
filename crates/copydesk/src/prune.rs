//! Drops what is never content: scripts, styles, hidden nodes, forms, navigation, comment
//! sections, consent banners, share bars.

use crate::dom::Dom;
use crate::Options;

/// What pruning set aside.
#[derive(Debug, Default)]
pub struct Pruned {
    /// Roots of comment sections, detached from the tree (kept for `include_comments`).
    pub comments: Vec<crate::dom::NodeId>,
}

/// Prunes `dom` in place.
pub fn prune(dom: &mut Dom, options: &Options) -> Pruned {
    let _ = (dom, options);
    Pruned::default()
}
