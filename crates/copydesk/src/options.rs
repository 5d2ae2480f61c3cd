//! What a caller can tune: bias, limits, what to return. One struct flows through every stage.

use std::time::Duration;

/// Whether to lean toward keeping doubtful blocks (recall) or dropping them (precision).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Favor {
    Precision,
    #[default]
    Balanced,
    Recall,
}

/// Which HTML parser fills the DOM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Parser {
    /// The project's own tokenizer and tree builder: several times faster, same trees
    /// where extraction can tell.
    #[default]
    Fast,
    /// html5ever's tree builder: the reference implementation of the HTML standard.
    Html5ever,
}

/// Options for one extraction.
#[derive(Debug, Clone)]
pub struct Options {
    /// The page's address: resolves relative links and feeds URL-based signals (dates, site).
    pub url: Option<String>,
    /// A charset given by the transport (HTTP `Content-Type`), tried after a BOM.
    pub charset: Option<String>,
    /// Precision/recall bias.
    pub favor: Favor,
    /// Return the comment section separately in `Article::comments`.
    pub include_comments: bool,
    /// Fill `Article::markdown`.
    pub markdown: bool,
    /// Fill `Article::html` (clean, minimal HTML).
    pub html: bool,
    /// Extract metadata (title is always extracted).
    pub metadata: bool,
    /// Refuse inputs larger than this many bytes.
    pub max_input_bytes: usize,
    /// Refuse documents with more DOM nodes than this.
    pub max_nodes: usize,
    /// Refuse documents whose elements nest deeper than this.
    pub max_depth: u32,
    /// The HTML parser.
    pub parser: Parser,
    /// Give up on a page after this long (checked between stages and parse chunks).
    pub time_limit: Option<Duration>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            url: None,
            charset: None,
            favor: Favor::Balanced,
            include_comments: false,
            markdown: false,
            html: false,
            metadata: true,
            max_input_bytes: 16 * 1024 * 1024,
            max_nodes: 2_000_000,
            max_depth: 3_000,
            parser: Parser::Fast,
            time_limit: Some(Duration::from_secs(10)),
        }
    }
}
