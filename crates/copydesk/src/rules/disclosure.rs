//! Disclosure widgets: the toggles of accordions (an FAQ's questions, a product's
//! "Details" and "Care" sections) are set as `<button>`s, which otherwise are controls.

/// Attributes by which a button declares that it shows and hides a panel (an accordion's
/// `aria-expanded`). Without one, a button that `aria-controls` a panel no other element
/// controls is a toggle too.
pub const TOGGLE_ATTRIBUTES: &[&str] = &["aria-expanded"];

/// `role` values of toggles that show one panel of several (tabs).
pub const TOGGLE_ROLES: &[&str] = &["tab"];

/// Attributes that make a toggle a menu's or a list box's opener: a control.
pub const MENU_ATTRIBUTES: &[&str] = &["aria-haspopup"];

/// A toggle's label is a heading when it has at least this many words ("Shipping &
/// returns" is two, "How long does delivery take?" five); shorter labels are controls
/// ("Menu", "More").
pub const MIN_HEADING_WORDS: usize = 2;

/// A label longer than this (in characters) is a panel's whole text inside the button, not
/// a heading.
pub const MAX_HEADING_CHARS: usize = 200;
