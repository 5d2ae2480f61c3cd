//! A breadcrumb trail's separators, as data. Read by [`crate::textmode::crumbs`]; the
//! words that lead a trail ("Home", "Startseite") are [`crate::rules::phrases`]'s.

/// What stands between two crumbs ("Home / Collections / Lodge Cast Iron", "Home ›
/// Containers", "Blog » Sewing"), or ends a crumb a scraper put on its own line ("For
/// Home /").
pub const TRAIL_SEPARATORS: &[char] = &['>', '›', '»', '/', '|', '→', '\\'];
