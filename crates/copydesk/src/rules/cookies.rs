//! The words of a cookie consent dialog or preference centre, as data for
//! [`crate::textmode::cookies`]. A line names cookies ("cookie", "cookies", as a word) and one
//! of these, ASCII case folded: what such a dialog talks about (consent, preferences, the
//! categories of cookies) and its controls (accept, reject, manage). A manual's "Reading
//! cookies:" or a recipe's "cookie dough" names none of them.

/// What a cookie dialog's lines say besides "cookies": its purpose words, its categories
/// and its controls. Substrings of the lowered line.
pub const CONSENT_WORDS: &[&str] = &[
    "consent",
    "preference",
    "setting",
    "necessary",
    "essential",
    "analytic",
    "advertis",
    "targeting",
    "performance",
    "functional",
    "marketing",
    "accept",
    "reject",
    "we use",
    "our website",
    "our site",
    "this website",
    "this site",
    "your browser",
    "your device",
    "partners",
    "third part",
    "manage",
    "policy",
    "strictly",
    "opt out",
    "opt-out",
    "personali",
];

/// Lines of a dialog stand this close (lines between two cookie lines, blank lines not
/// counted): a category's heading, its toggle, its cookie table ("Cookie", "Duration",
/// "Description", a name, "11 months") and its description sit within eight lines.
pub const MAX_GAP_LINES: usize = 8;

/// A dialog names cookies on at least this many lines, one of them a control: a banner's
/// message and its "Cookie settings" button. One line alone is a footer's "Cookie policy".
pub const MIN_COOKIE_LINES: usize = 2;

/// A dialog holds less than this share of the text's kept words: above it, the cookies are
/// the page's subject (a site's cookie policy, its own headings "Necessary cookies" and
/// paragraphs), not a dialog over it. (Dialogs measured on wcxb-dev: at most 0.48.)
pub const MAX_SHARE_OF_TEXT: f64 = 0.75;

/// A control or a category's heading ("Manage Cookie Preferences", "Necessary Cookies",
/// "Reject cookies") is at most this many words and ends no sentence; a dialog has one, a
/// policy's prose has none.
pub const MAX_CONTROL_WORDS: usize = 6;
