//! Card grids: how many look-alike siblings make a grid, how much text a card holds, and
//! which class words only say what state a card is in (so they do not split a grid).

/// A grid has at least this many cards.
pub const MIN_CARDS: usize = 4;

/// The cards' shape must be this share of the parent's child elements at least (a few
/// banners or headings may sit among them).
pub const MIN_CARD_SHARE: f32 = 0.6;

/// This share of the cards at least must hold a link (a card leads to its item's page).
pub const MIN_LINKED_CARD_SHARE: f32 = 0.6;

/// A card holds, on average, at least this many characters (a title and a price or a
/// blurb): menu entries and tag clouds of one or two words are not cards.
pub const MIN_CARD_CHARS: f32 = 25.0;

/// A card holds, on average, at most this many characters: longer ones are story teasers
/// with whole paragraphs, or posts of a thread.
pub const MAX_CARD_CHARS: f32 = 400.0;

/// A carousel shows a few items; a grid of more cards than this is the page's own list
/// (a category page that also declares a product for its first item).
pub const MAX_CAROUSEL_CARDS: usize = 24;

/// A grid must hold at least this many characters to be a page's main content.
pub const MIN_MAIN_GRID_CHARS: u32 = 500;

/// A grid must hold at least this many cards to be a page's main content (a category
/// shows a page of items; a strip of four is a teaser row).
pub const MIN_MAIN_GRID_CARDS: usize = 6;

/// A card leads to one item: its picture and its title link there, perhaps its reviews
/// or a quick view too. Cards with more links than this on average are link groups (a
/// language chooser, a footer's columns).
pub const MAX_LINKS_PER_CARD: f32 = 5.0;

/// Tags that are never cards: a story's paragraphs, a layout table's rows and cells.
pub const NOT_CARD_TAGS: &[&str] = &["p", "tr", "td", "th", "tbody", "dd", "dt", "br", "span"];

/// A grid joins the picked story when its text is this many times the story's.
pub const GRID_OVER_STORY: f32 = 1.5;

/// A grid replaces a short picked story (a promo line) when its text is this many times
/// the story's.
pub const GRID_REPLACES_STORY: f32 = 4.0;

/// A picked story shorter than this (in characters) beside a main grid is a promo line,
/// not the page's text: the grid replaces it.
pub const MIN_STORY_BESIDE_GRID: f32 = 500.0;

/// The grid's region grows up to the page's heading (the category's name and intro) while
/// the region's text stays under this many times the grid's own.
pub const REGION_GROWTH: f32 = 1.3;

/// How many levels above the grid its region may reach for the heading.
pub const REGION_LEVELS: usize = 6;

/// On a single-product page, a grid is a carousel of other products, or a list of
/// reviews, when this share of its cards at least shows a price or a rating (a product's
/// own feature tiles show neither).
pub const MIN_PRICED_CARD_SHARE: f32 = 0.5;

/// Words of a customer review's card: its rating, its purchase badge (lowercase; matched
/// inside the card's lowercased text).
pub const REVIEW_MARKERS: &[&str] = &[
    "out of 5 stars",
    "out of 5",
    "stars",
    "verified purchase",
    "verified buyer",
    "feedback left by",
    "reviewed in",
    "was this review helpful",
    "sur 5 étoiles",
    "von 5 sternen",
    "sterne",
    "étoiles",
];

/// Currency signs and codes that, next to a number, make a price.
pub const CURRENCIES: &[&str] = &[
    "$", "€", "£", "¥", "₹", "₽", "₩", "₺", "₫", "₪", "zł", "kr", "Kč", "CHF", "USD", "EUR", "GBP",
    "CAD", "AUD", "R$",
];

/// class/id words of the page's furniture: a grid below an element named so is a column
/// of widgets or links, never the page's main grid.
pub const FURNITURE_TOKENS: &[&str] = &[
    "sidebar",
    "footer",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "megamenu",
    "comment",
    "comments",
    "breadcrumb",
];

/// Class words that mark a card's state or position, not its kind.
pub const STATE_TOKENS: &[&str] = &[
    "active", "selected", "current", "first", "last", "odd", "even", "hidden", "visible", "show",
    "open", "is", "has", "sale", "new", "featured", "disabled", "loaded", "lazy", "animated",
    "sold", "out", "soldout",
];
