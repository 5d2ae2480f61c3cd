//! Markup priors: which tags, roles, and class/id tokens mark boilerplate or content.
//!
//! class and id attributes are split into tokens at non-alphanumerics and camelCase
//! humps ("post-share-buttons" → post, share, buttons; "socialLinks" → social, links), and
//! tokens are matched whole (or by the listed prefixes), so "ad" never fires inside
//! "header", "read" or "shadow".

/// Why a container is boilerplate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Junk {
    Navigation,
    Comments,
    Share,
    Related,
    Ads,
    Consent,
    Newsletter,
    Breadcrumb,
    Tags,
    Sidebar,
    Footer,
    Hidden,
    Popup,
    Login,
    Print,
    Byline,
    /// A box about the writer (bio, photo, other posts): strong, unlike a byline.
    AuthorBio,
    /// Theme blocks named "widget": as often the page's own content blocks as sidebar
    /// furniture.
    Widget,
}

impl Junk {
    /// Strong kinds go whatever their size; weak kinds (whose words also turn up on page
    /// wrappers: "menu", "widget", "tag-…", "footer-…") only when they look like furniture
    /// (link-heavy or small).
    pub fn is_strong(self) -> bool {
        !matches!(
            self,
            Junk::Navigation
                | Junk::Sidebar
                | Junk::Tags
                | Junk::Footer
                | Junk::Print
                | Junk::Byline
                | Junk::Widget
        )
    }
}

/// Tags whose whole subtree is never article text.
pub const DROP_TAGS: &[&str] = &[
    "script", "style", "template", "iframe", "object", "embed", "svg", "math", "canvas", "video",
    "audio", "map", "button", "input", "select", "textarea", "option", "datalist", "output",
    "progress", "meter", "dialog", "link", "meta", "head", "title", "nav", "aside", "label",
    // ruby annotations (furigana) gloss the base text; read inline they garble it
    "rt", "rp",
];

/// `role` values that mark a boilerplate region.
pub const JUNK_ROLES: &[(&str, Junk)] = &[
    ("navigation", Junk::Navigation),
    ("menu", Junk::Navigation),
    ("menubar", Junk::Navigation),
    ("contentinfo", Junk::Footer),
    ("complementary", Junk::Sidebar),
    ("search", Junk::Navigation),
    ("dialog", Junk::Popup),
    ("alertdialog", Junk::Popup),
    ("toolbar", Junk::Share),
];

/// Attribute values (compared case-insensitively) that mark a boilerplate region whatever
/// its size, like the roles above: `aria-modal="true"` declares a dialog drawn over the
/// page (terms of use, a size guide, a sign-up form), closed when the page is read.
pub const JUNK_ATTRIBUTES: &[(&str, &str, Junk)] = &[("aria-modal", "true", Junk::Popup)];

/// class/id tokens (lowercase, whole) that mark a boilerplate container.
pub const JUNK_TOKENS: &[(&str, Junk)] = &[
    // navigation and page chrome
    ("nav", Junk::Navigation),
    ("navbar", Junk::Navigation),
    ("navigation", Junk::Navigation),
    ("menu", Junk::Navigation),
    ("submenu", Junk::Navigation),
    ("megamenu", Junk::Navigation),
    ("skip", Junk::Navigation),
    ("skiplink", Junk::Navigation),
    ("pagination", Junk::Navigation),
    ("pager", Junk::Navigation),
    ("masthead", Junk::Navigation),
    ("topbar", Junk::Navigation),
    ("footer", Junk::Footer),
    ("copyright", Junk::Footer),
    ("sidebar", Junk::Sidebar),
    ("widget", Junk::Widget),
    ("widgets", Junk::Widget),
    ("rail", Junk::Sidebar),
    ("breadcrumb", Junk::Breadcrumb),
    ("breadcrumbs", Junk::Breadcrumb),
    // comments
    ("comment", Junk::Comments),
    ("comments", Junk::Comments),
    ("commentlist", Junk::Comments),
    ("disqus", Junk::Comments),
    ("respond", Junk::Comments),
    ("replies", Junk::Comments),
    // sharing and social
    ("share", Junk::Share),
    ("shares", Junk::Share),
    ("sharing", Junk::Share),
    ("sharebar", Junk::Share),
    ("social", Junk::Share),
    ("socials", Junk::Share),
    ("addthis", Junk::Share),
    ("sharethis", Junk::Share),
    ("follow", Junk::Share),
    // related and recommended
    ("related", Junk::Related),
    ("recommended", Junk::Related),
    ("recommendation", Junk::Related),
    ("recommendations", Junk::Related),
    ("outbrain", Junk::Related),
    ("taboola", Junk::Related),
    ("trending", Junk::Related),
    ("popular", Junk::Related),
    ("mostread", Junk::Related),
    // ads and promotion
    ("ad", Junk::Ads),
    ("ads", Junk::Ads),
    ("adv", Junk::Ads),
    ("advert", Junk::Ads),
    ("adverts", Junk::Ads),
    ("advertisement", Junk::Ads),
    ("advertising", Junk::Ads),
    ("adslot", Junk::Ads),
    ("adunit", Junk::Ads),
    ("adsense", Junk::Ads),
    ("dfp", Junk::Ads),
    ("sponsor", Junk::Ads),
    ("sponsored", Junk::Ads),
    ("promo", Junk::Ads),
    ("promotion", Junk::Ads),
    ("banner", Junk::Ads),
    // consent, newsletters, popups
    ("cookie", Junk::Consent),
    ("cookies", Junk::Consent),
    ("consent", Junk::Consent),
    ("gdpr", Junk::Consent),
    ("newsletter", Junk::Newsletter),
    ("subscribe", Junk::Newsletter),
    ("subscription", Junk::Newsletter),
    ("signup", Junk::Newsletter),
    ("paywall", Junk::Newsletter),
    ("popup", Junk::Popup),
    ("modal", Junk::Popup),
    ("overlay", Junk::Popup),
    ("lightbox", Junk::Popup),
    ("captcha", Junk::Comments),
    ("login", Junk::Login),
    ("signin", Junk::Login),
    // tags and print tools
    ("tags", Junk::Tags),
    ("tagcloud", Junk::Tags),
    ("tag", Junk::Tags),
    ("keywords", Junk::Tags),
    ("print", Junk::Print),
    ("toolbar", Junk::Print),
    // author boxes: a bio is about the writer, not the story
    ("byline", Junk::Byline),
    ("bylines", Junk::Byline),
    ("bio", Junk::Byline),
    ("authorbio", Junk::Byline),
    ("authorbox", Junk::Byline),
    ("aboutauthor", Junk::Byline),
    ("tooltip", Junk::Byline),
    // a forum poster's signature under each post: a motto, links to the poster's shop
    ("signature", Junk::AuthorBio),
    ("signatures", Junk::AuthorBio),
    // hidden helpers
    ("hidden", Junk::Hidden),
    ("hide", Junk::Hidden),
    ("invisible", Junk::Hidden),
    ("sronly", Junk::Hidden),
    ("screenreader", Junk::Hidden),
    ("visuallyhidden", Junk::Hidden),
    ("dnone", Junk::Hidden),
    ("ishidden", Junk::Hidden),
];

/// Compound words that mark boilerplate wherever they stand in a class or id, glued to a
/// theme's prefix or not ("mvp-author-box-wrap", "entry-author-info", "postmetadata").
pub const JUNK_INFIXES: &[(&str, Junk)] = &[
    ("authorbox", Junk::AuthorBio),
    ("authorbio", Junk::AuthorBio),
    ("authorinfo", Junk::AuthorBio),
    ("authordescription", Junk::AuthorBio),
    ("authorprofile", Junk::AuthorBio),
    ("authordetails", Junk::AuthorBio),
    ("aboutauthor", Junk::AuthorBio),
    ("abouttheauthor", Junk::AuthorBio),
    // a forum poster's card beside each post: rank title, banner, join date, post count
    ("userextras", Junk::Byline),
    ("usertitle", Junk::Byline),
    ("userbanner", Junk::Byline),
    // phpBB's poster card: name, rank, post count, join date, location
    ("postprofile", Junk::Byline),
    ("postmetadata", Junk::Footer),
    ("entryutility", Junk::Footer),
    ("entryfooter", Junk::Footer),
    ("postfooter", Junk::Footer),
];

/// Token prefixes that mark boilerplate even when glued to another word ("sharedaddy",
/// "socialmedia", "advertblock", "commentform").
pub const JUNK_PREFIXES: &[(&str, Junk)] = &[
    ("share", Junk::Share),
    ("social", Junk::Share),
    ("comment", Junk::Comments),
    ("advert", Junk::Ads),
    ("sponsor", Junk::Ads),
    ("newsletter", Junk::Newsletter),
    ("cookie", Junk::Consent),
    ("breadcrumb", Junk::Breadcrumb),
    ("sidebar", Junk::Sidebar),
    ("related", Junk::Related),
    ("navbar", Junk::Navigation),
    ("footer", Junk::Footer),
    ("authorbio", Junk::Byline),
    ("authorbox", Junk::Byline),
];

/// Words that make the class word after them a property ("has-ads", "with-sidebar",
/// "no-comments"): the element holds or lacks that thing, it is not that thing.
pub const CONTAINS_WORDS: &[&str] = &["has", "with", "no", "without", "show", "enable", "allow"];

/// Words that make the class word before them a switch ("sidebar-enabled",
/// "comments-disabled") or a property ("subscription-eligible" on a product card that can
/// be bought by subscription): a setting of the element, not what it is.
pub const STATE_WORDS: &[&str] = &[
    "enabled", "disabled", "true", "false", "active", "inactive", "eligible",
];

/// Prefixed words that are content despite a junk prefix ("commentary" is an opinion piece).
pub const PREFIX_EXCEPTIONS: &[&str] = &["commentary", "commentator", "commentaries"];

/// class/id tokens that mark the article's container.
pub const CONTENT_TOKENS: &[&str] = &[
    "article",
    "articlebody",
    "content",
    "body",
    "entry",
    "post",
    "story",
    "text",
    "main",
    "blog",
    "prose",
    "richtext",
    "story-body",
    "postbody",
    "entrycontent",
    "news",
    "detail",
    "page",
];

/// class/id tokens that mark things that sit around an article but are not it; weaker
/// than [`JUNK_TOKENS`]: they lower a container's score but do not remove it.
pub const WEAK_NEGATIVE_TOKENS: &[&str] = &[
    "meta",
    "byline",
    "author",
    "date",
    "info",
    "caption",
    "credit",
    "header",
    "head",
    "title",
    "extra",
    "aside",
    "secondary",
    "card",
    "list",
    "teaser",
    "thumb",
    "hero",
];

/// Tokens that, on an element also carrying junk tokens, mean "this is the content":
/// `class="article-body share-enabled"` keeps its body.
pub const STRONG_CONTENT_TOKENS: &[&str] =
    &["articlebody", "entrycontent", "postcontent", "storybody"];

/// Streamed server rendering (React's): a chunk of the page arrives late in a hidden
/// `<div id="S:…">` at the end of the body, and a script moves it at once into the
/// placeholder `<template id="B:…">` (or `"P:…"`) with the same suffix. The chunk's id
/// prefix, then the placeholders' prefixes.
pub const STREAMED_CHUNK_PREFIX: &str = "S:";
pub const STREAMED_PLACEHOLDER_PREFIXES: &[&str] = &["B:", "P:"];
