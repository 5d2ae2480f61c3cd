//! A breadcrumb trail's separators, as data. Read by [`crate::textmode::crumbs`]; the
//! words that lead a trail ("Home", "Startseite") are [`crate::rules::phrases`]'s.

/// What stands between two crumbs ("Home / Collections / Lodge Cast Iron", "Home ›
/// Containers", "Blog » Sewing"), or ends a crumb a scraper put on its own line ("For
/// Home /").
pub const TRAIL_SEPARATORS: &[char] = &['>', '›', '»', '/', '|', '→', '\\'];

/// The label a page puts before its breadcrumb trail, alone on its line ("You are here:",
/// a screen reader's "Breadcrumb navigation"), compared without its colon, case aside. The
/// trail starts there, whatever its crumbs look like.
pub const TRAIL_LABELS: &[&str] = &[
    "you are here",
    "breadcrumb",
    "breadcrumbs",
    "breadcrumb navigation",
    "sie sind hier",
    "vous êtes ici",
    "usted está aquí",
    "está aquí",
    "estás aquí",
    "você está aqui",
    "ti trovi in",
    "sei qui",
    "u bent hier",
    "jesteś tutaj",
    "現在位置",
    "当前位置",
];
