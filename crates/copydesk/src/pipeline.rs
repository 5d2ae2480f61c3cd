//! The whole extraction: decode → parse → metadata → prune → select → render.

use std::time::Instant;

use crate::decode::decode_html;
use crate::parse::{parse_html, ParseLimits};
use crate::{metadata, prune, render, select, Article, Error, Options};

/// Extracts the article from a page's bytes (any encoding).
pub fn extract(bytes: &[u8], options: &Options) -> Result<Article, Error> {
    check_size(bytes.len(), options)?;
    let decoded = decode_html(bytes, options.charset.as_deref(), options.url.as_deref())?;
    extract_str(&decoded.text, options)
}

/// Extracts the article from a page already decoded to text.
pub fn extract_str(html: &str, options: &Options) -> Result<Article, Error> {
    check_size(html.len(), options)?;
    if html.trim().is_empty() {
        return Err(Error::Empty);
    }
    let start = Instant::now();
    let deadline = options.time_limit.map(|d| start + d);
    let mut dom = parse_html(
        html,
        ParseLimits {
            max_nodes: options.max_nodes,
            deadline,
        },
    )?;
    let meta = metadata::extract(&dom, options.url.as_deref());
    let _pruned = prune::prune(&mut dom, options);
    let blocks = select::select(&dom, &meta, options);
    let mut article = Article {
        url: options.url.clone(),
        text: render::to_text(&blocks),
        ..Article::default()
    };
    if options.markdown {
        article.markdown = Some(render::to_markdown(&blocks));
    }
    if options.html {
        article.html = Some(render::to_html(&blocks));
    }
    article.dateline = metadata::find_dateline(&article.text);
    meta.apply_to(&mut article);
    metadata::finish(&mut article);
    Ok(article)
}

fn check_size(size: usize, options: &Options) -> Result<(), Error> {
    if size == 0 {
        return Err(Error::Empty);
    }
    if size > options.max_input_bytes {
        return Err(Error::TooLarge {
            size,
            limit: options.max_input_bytes,
        });
    }
    Ok(())
}
