//! The fast front end: a `memchr`-driven tokenizer and a tree builder that follows the
//! HTML standard's rules where they shape the tree, filling the same arena as html5ever.
//!
//! Why our own tokenizer: html5ever's tokenizer alone costs more than the whole
//! extraction after it (it walks the input a character at a time through a buffer queue
//! of tendrils); lol_html's lexer is fast but leaves character references undecoded and
//! would need a second pass over every text and attribute. Here text runs are found with
//! vectorised scans and borrowed from the input when they hold no reference.

mod entities;
mod quirks;
mod tags;
mod tokenizer;
mod tree;

pub use tree::parse;
