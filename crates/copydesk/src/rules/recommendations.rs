//! Recommendation boxes of shop and forum pages: the headings a page puts over other
//! products, other threads or other searches than the one it presents. A box under such a
//! heading is the site's suggestions, never the page's own text.

/// Whole headings (folded: lowercase, spaces collapsed, trailing colon and count removed)
/// that open a box of recommendations on a page that is not an article.
pub const RECOMMENDATION_HEADINGS: &[&str] = &[
    // other products
    "people who viewed this item also viewed",
    "people who viewed this item also bought",
    "people also viewed",
    "people also bought",
    "customers also viewed",
    "customers also bought",
    "customers also bought or read",
    "customers who viewed this item also viewed",
    "customers who bought this item also bought",
    "others like you also bought",
    "frequently bought together",
    "similar items",
    "similar products",
    "related items",
    "related products",
    "explore related items",
    "seller's other items",
    "more from this seller",
    "recently viewed",
    "recently viewed items",
    "recently viewed products",
    "your recently viewed items",
    "pairs well with",
    "complete the look",
    "you may also like",
    "you might also like",
    "shop similar",
    // other searches and categories of a shop
    "related searches",
    "trending searches",
    "related categories",
    // other threads of a forum
    "related discussions",
    "similar threads",
    "similar topics",
    "suggested topics",
    "related questions",
    "hot network questions",
];

/// A box is dropped only while it holds less than this share of the page's text: a page
/// that is mostly one such box is a page of recommendations, not a page with one.
pub const MAX_BOX_SHARE: f32 = 0.5;
