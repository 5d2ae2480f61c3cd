//! Text mode: cleaning text that a scraper already extracted (no HTML left).
//!
//! Issue "Text mode" fills this in; until then the text passes through unchanged.

use crate::{Article, Error, Options};

/// Cleans already-extracted text into an article record.
pub fn clean_text(text: &str, _options: &Options) -> Result<Article, Error> {
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok(Article {
        text: text.trim().to_owned(),
        ..Article::default()
    })
}
