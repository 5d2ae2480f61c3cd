//! Words for [`crate::textmode::above`]: what a page's template prints above the story's
//! head and that reads like a paragraph (a consent dialog's text) or like a sentence (a
//! date stamp ending in "a.m.").

/// Wordings of a consent dialog's paragraphs (lowercase ASCII, matched in any ASCII case):
/// such a paragraph above the story's headline is the template's, not a blurb of the site's
/// menu nor a part of the story. Only read above a story's head, where a privacy policy's
/// own text does not stand.
pub const CONSENT_DIALOG_WORDINGS: &[&str] = &[
    "we use cookies",
    "this site uses cookies",
    "this website uses cookies",
    "cookies and similar technologies",
    "cookies and similar automatic collection",
    "process and share personal data",
    "grant your consent",
    "withdraw your consent",
    "you consent to these activities",
    "you consent to the use of cookies",
    "by clicking \u{201c}accept",
    "by clicking \"accept",
    "by clicking accept",
];

/// A consent dialog's paragraph is at most this long (bytes); a longer line is a page's text.
pub const MAX_DIALOG_LINE_BYTES: usize = 1200;

/// How a story's date stamp opens when it is written as a phrase ("posted on April 21,
/// 2015, at 11:29 a.m.", "Published on 3 March 2019"): with a date after it, the line is
/// the head's date line even though it ends like a sentence. Lowercase.
pub const DATE_STAMP_OPENERS: &[&str] = &[
    "posted on ",
    "published on ",
    "updated on ",
    "last updated on ",
    "posted ",
    "published ",
    "updated ",
];

/// A line holding at least this many machine identifiers (words joined by an underscore:
/// "abtest_bar1_pricing") is an ad server's or a script's parameters left as text, not a
/// blurb: one identifier is a file or user name a sentence may mention.
pub const MIN_IDENTIFIERS: usize = 2;
