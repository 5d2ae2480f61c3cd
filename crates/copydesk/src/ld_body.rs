//! The story from the page's structured data when its markup carries almost none.
//!
//! Client-rendered news pages ship an empty shell (a headline, a teaser, "Read full
//! article") and the story itself only in their data: JSON-LD `articleBody` (or an
//! `itemprop=articleBody` element the template hides). When what selection found is a small
//! part of that declared body, the declared body is the better copy of the story: it is what
//! the publisher says the article is. Plain text only: a body that holds markup is left to
//! the HTML path.
//!
//! A shell that shows no text at all (a forum thread or a shop page drawn wholly by script)
//! still says what it is in its declared description (`og:description`, `<meta
//! name=description>`): that sentence or two stands in for the empty text.

use crate::blocks::{Block, BlockKind, Span};

/// The declared body must be a story, not a summary.
const MIN_BODY_CHARS: usize = 1000;

/// Selection must have found less than this share of the declared body's length.
const MAX_FOUND_SHARE: f32 = 0.2;

/// The declared body's paragraphs, when it should replace what selection found (`found_chars`).
pub fn fallback(article_body: Option<&str>, found_chars: usize) -> Option<Vec<Block>> {
    let body = article_body?.trim();
    let body_chars = body.chars().count();
    if body_chars < MIN_BODY_CHARS
        || found_chars as f32 >= MAX_FOUND_SHARE * body_chars as f32
        || looks_like_markup(body)
    {
        return None;
    }
    paragraphs(body)
}

/// A description shorter than this (characters) is a site's slogan, not a summary.
const MIN_DESCRIPTION_CHARS: usize = 40;

/// The page's declared description as its text, when selection found no text at all.
pub fn description_fallback(description: Option<&str>, found_chars: usize) -> Option<Vec<Block>> {
    let description = description?.trim();
    if found_chars > 0
        || description.chars().count() < MIN_DESCRIPTION_CHARS
        || looks_like_markup(description)
    {
        return None;
    }
    paragraphs(description)
}

/// One paragraph block per line of `text`.
fn paragraphs(text: &str) -> Option<Vec<Block>> {
    let blocks: Vec<Block> = text
        .split('\n')
        .map(crate::text::normalize_space)
        .filter(|p| !p.is_empty())
        .map(|p| Block {
            kind: BlockKind::Paragraph,
            spans: vec![Span::Text(p)],
            node: 0,
            link_chars: 0,
            group: 0,
        })
        .collect();
    (!blocks.is_empty()).then_some(blocks)
}

/// Closing tags mean the body is HTML source, not text.
fn looks_like_markup(body: &str) -> bool {
    body.contains("</") || body.contains("<br")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story() -> String {
        "The council met on Thursday to decide on the new budget for the coming year. ".repeat(20)
    }

    #[test]
    fn replaces_a_shell() {
        let body = format!("{}\n\n{}", story(), story());
        let blocks = fallback(Some(&body), 120).expect("fallback");
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].text(), story().trim());
    }

    #[test]
    fn keeps_what_selection_found() {
        let body = story();
        // Selection found most of it: no fallback.
        assert!(fallback(Some(&body), body.len() / 2).is_none());
        // A summary-sized body, a missing one, or one made of markup: no fallback.
        assert!(fallback(Some("A short summary of the story."), 0).is_none());
        assert!(fallback(None, 0).is_none());
        assert!(fallback(Some(&format!("<p>{}</p>", story())), 0).is_none());
    }

    #[test]
    fn an_empty_shell_shows_its_description() {
        let description =
            "I'm new to astronomy and would love advice on a first telescope.\nThanks!";
        let blocks = description_fallback(Some(description), 0).expect("fallback");
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[1].text(), "Thanks!");
        // Any text found, a slogan-sized description, or none: no fallback.
        assert!(description_fallback(Some(description), 1).is_none());
        assert!(description_fallback(Some("Shop the best deals"), 0).is_none());
        assert!(description_fallback(None, 0).is_none());
    }
}
