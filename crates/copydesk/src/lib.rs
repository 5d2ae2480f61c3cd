//! copydesk: HTML bytes in, a clean article record out.
//!
//! The pipeline, one module a stage:
//! [`decode`] bytes → text, [`parse`] text → arena [`dom`], [`metadata`] the page's facts,
//! [`prune`] drop what is never content (keeping collapsed accordion and tab panels,
//! [`disclosure`]), [`score`] per-node features, [`select`] pick the
//! main content ([`items`] runs of alike entries on a page without a story, [`cards`] card
//! grids of collection and product pages, [`product`] a product page's customer reviews,
//! [`recommendations`] "similar items" boxes of pages that are no article, [`counters`]
//! post furniture such as "12 likes",
//! [`recipe`] a declared recipe's ingredient list,
//! [`ld_body`] the story from the page's JSON-LD when the markup is an empty shell),
//! [`blocks`] the picked subtree as structural blocks, then the selected blocks' furniture
//! out ([`credits`] photo credits, [`date_lines`] date-only lines), [`render`] text,
//! Markdown, HTML. [`rules`] holds the heuristics as tables; [`textmode`] cleans text that a
//! scraper already extracted (no HTML left).

pub mod article;
pub mod blocks;
pub mod cards;
pub mod counters;
pub mod credits;
pub mod date_lines;
pub mod decode;
pub mod disclosure;
pub mod dom;
pub mod error;
pub mod items;
pub mod ld_body;
pub mod metadata;
pub mod options;
pub mod parse;
pub mod product;
pub mod prune;
pub mod recipe;
pub mod recommendations;
pub mod render;
pub mod rules;
pub mod score;
pub mod select;
pub mod text;
pub mod textmode;

mod pipeline;

pub use article::{Article, Dateline};
pub use error::Error;
pub use options::{Favor, Options, Parser};
pub use pipeline::{extract, extract_str};
pub use textmode::clean_text;
