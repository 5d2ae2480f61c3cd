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

/// A pick with less text than this is no story: the page is judged as a listing too.
pub const SHORT_PICK_CHARS: f32 = 600.0;

/// A listing replaces a pick that short when it holds this many times its text.
pub const LISTING_OVER_SHORT_PICK: f32 = 2.0;

/// A listing replaces a longer pick that is not a story (an intro, a run of teasers)
/// when it holds this many times its text.
pub const LISTING_OVER_PICK: f32 = 3.0;

/// Prose paragraphs under one parent that make a story: a story sets its paragraphs side
/// by side, an intro has one or two, and a list of teasers sets each in its own card.
pub const STORY_PARAGRAPHS: usize = 3;
