//! Thresholds for pages whose content is a run of items (a ranking, a list of jobs, a
//! table of fixtures) rather than a story.

/// Sibling elements of the same shape (tag and class) it takes to make a run of items:
/// a menu has a handful of entries, a listing dozens.
pub const MIN_ITEM_RUN: usize = 8;

/// How far above a block the repeated element may sit (a title inside a link inside a
/// card inside the repeated `<li>`).
pub const MAX_ITEM_DEPTH: usize = 4;

/// An entry with this share of its text in links or more is a bare link (a menu's entry).
pub const MAX_ENTRY_LINK_DENSITY: f32 = 0.5;
