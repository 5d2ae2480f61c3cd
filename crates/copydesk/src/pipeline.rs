//! The whole extraction: decode → parse → metadata → prune → select → render.

use std::time::Instant;

use crate::decode::decode_html;
use crate::parse::{parse_html_with, ParseLimits};
use crate::{
    cards, credits, date_lines, ld_body, metadata, product, prune, recommendations, render, select,
    Article, Error, Options,
};

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
    let limits = ParseLimits {
        max_nodes: options.max_nodes,
        max_depth: options.max_depth,
        deadline,
    };
    let mut dom = parse_html_with(html, options.parser, limits)?;
    let meta = metadata::extract(&dom, options.url.as_deref());
    prune::place_streamed_chunks(&mut dom);
    // Pruning only unlinks nodes: the retry below undoes it instead of parsing again.
    let unpruned = dom.save_links();
    let level = if meta.discussion {
        prune::Level::Thread
    } else {
        prune::Level::Strict
    };
    let pruned = prune::prune(&mut dom, options, level);
    drop_carousels(&mut dom, &meta);
    let mut blocks = select::select(&dom, &meta, options);
    if text_len(&blocks) < RETRY_BELOW_CHARS {
        // Too little survived: prune gently (the cascade's second step).
        check_deadline(deadline, "retrying with relaxed pruning")?;
        let strict = dom.save_links();
        dom.restore_links(&unpruned);
        prune::prune(&mut dom, options, prune::Level::Relaxed);
        drop_carousels(&mut dom, &meta);
        let relaxed = select::select(&dom, &meta, options);
        // What follows (the comment section) reads the strictly pruned tree, as before.
        dom.restore_links(&strict);
        if text_len(&relaxed) > 2 * text_len(&blocks) {
            blocks = relaxed;
        }
    }
    if let Some(declared) = ld_body::fallback(meta.article_body.as_deref(), text_len(&blocks)) {
        blocks = declared;
    }
    let description = meta.description.as_deref();
    if let Some(described) = ld_body::description_fallback(description, text_len(&blocks)) {
        blocks = described;
    }
    credits::strip(&mut blocks);
    date_lines::strip(&mut blocks);
    let mut article = Article {
        url: options.url.clone(),
        text: render::to_text(&blocks),
        ..Article::default()
    };
    if options.include_comments && !pruned.comments.is_empty() {
        let comments = select::comment_blocks(&dom, &pruned.comments);
        let text = render::to_text(&comments);
        if !text.is_empty() {
            article.comments = Some(text);
        }
    }
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

/// On a page that presents one product, grids of other products' cards are carousels;
/// on any page but an article, customer reviews are not the page's text (where the page
/// declares no product, only reviews that read like a shop's), and boxes headed as
/// recommendations ("Similar items", "Similar threads") are the site's.
fn drop_carousels(dom: &mut crate::dom::Dom, meta: &metadata::Metadata) {
    recommendations::drop_boxes(dom, meta);
    if meta.product {
        cards::drop_carousels(dom);
    }
    product::drop_furniture(dom, meta);
}

/// Below this many characters of body text, the extraction is retried with relaxed pruning.
const RETRY_BELOW_CHARS: usize = 500;

fn text_len(blocks: &[crate::blocks::Block]) -> usize {
    blocks.iter().map(|b| b.text_chars()).sum()
}

fn check_deadline(deadline: Option<Instant>, stage: &str) -> Result<(), Error> {
    match deadline {
        Some(d) if Instant::now() > d => Err(Error::Timeout(stage.into())),
        _ => Ok(()),
    }
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
