//! The page's facts: title, authors, dates, image, site, language, description, tags,
//! canonical URL, and the news dateline.
//!
//! Runs on the whole parsed page before pruning (JSON-LD and `<meta>` live outside the
//! article body). Issue "Metadata" grows this into the full reconciler; this first version
//! reads the common `<meta>` conventions and `<title>`.

use html5ever::local_name;

use crate::dom::{Dom, NodeData};
use crate::text::normalize_space;
use crate::{Article, Dateline};

/// Everything metadata extraction found on a page.
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub date_published: Option<String>,
    pub date_modified: Option<String>,
    pub image: Option<String>,
    pub site_name: Option<String>,
    pub language: Option<String>,
    pub description: Option<String>,
    pub tags: Vec<String>,
    pub canonical_url: Option<String>,
    pub page_type: Option<String>,
    /// The article text as the page's structured data gives it (JSON-LD / microdata
    /// `articleBody`): a hint for which container holds the story.
    pub article_body: Option<String>,
}

impl Metadata {
    /// Copies every field found into `article` (the body fields are left alone).
    pub fn apply_to(self, article: &mut Article) {
        article.title = self.title;
        article.authors = self.authors;
        article.date_published = self.date_published;
        article.date_modified = self.date_modified;
        article.image = self.image;
        article.site_name = self.site_name;
        article.language = self.language;
        article.description = self.description;
        article.tags = self.tags;
        article.canonical_url = self.canonical_url;
        if article.page_type.is_none() {
            article.page_type = self.page_type;
        }
    }
}

/// Reads the page's metadata. `url` is the page's address when known.
pub fn extract(dom: &Dom, url: Option<&str>) -> Metadata {
    let _ = url;
    let mut md = Metadata::default();
    let mut html_title = None;
    for id in dom.descendants(Dom::ROOT) {
        let Some(el) = dom.element(id) else { continue };
        match *el.tag() {
            local_name!("html") => {
                if let Some(l) = el.attr("lang").or_else(|| el.attr("xml:lang")) {
                    let l = l.trim();
                    if !l.is_empty() {
                        md.language = Some(l.to_owned());
                    }
                }
            }
            local_name!("title") if html_title.is_none() => {
                let t = normalize_space(&dom.text_content(id));
                if !t.is_empty() {
                    html_title = Some(t);
                }
            }
            local_name!("meta") => {
                let key = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let Some(content) = el.attr("content").map(normalize_space) else {
                    continue;
                };
                if content.is_empty() {
                    continue;
                }
                match key.as_str() {
                    "og:title" | "twitter:title" if md.title.is_none() => md.title = Some(content),
                    "og:site_name" if md.site_name.is_none() => md.site_name = Some(content),
                    "description" | "og:description" if md.description.is_none() => {
                        md.description = Some(content)
                    }
                    "og:image" if md.image.is_none() => md.image = Some(content),
                    "article:published_time" if md.date_published.is_none() => {
                        md.date_published = Some(content)
                    }
                    "article:modified_time" if md.date_modified.is_none() => {
                        md.date_modified = Some(content)
                    }
                    "author" if md.authors.is_empty() => md.authors.push(content),
                    _ => {}
                }
            }
            local_name!("link") => {
                if el
                    .attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    if let Some(h) = el.attr("href") {
                        md.canonical_url = Some(h.trim().to_owned());
                    }
                }
            }
            _ => {}
        }
    }
    if md.title.is_none() {
        md.title = html_title;
    }
    let _ = NodeData::Other;
    md
}

/// Finds the dateline at the head of a story ("Moscow, Jul 15 (Prensa Latina) –").
pub fn find_dateline(text: &str) -> Option<Dateline> {
    let _ = text;
    None
}
