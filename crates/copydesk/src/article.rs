//! The article record: the one struct every front end serialises (field names per the design note).

use serde::{Deserialize, Serialize};

/// The dateline at the head of a news story: "Moscow, Jul 15 (Prensa Latina) –".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// As written ("Jul 15"), or ISO 8601 when it could be resolved to a full date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
}

/// One extracted article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Input path or WARC record id, set by the front end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub canonical_url: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    /// ISO 8601, with offset when known.
    #[serde(default)]
    pub date_published: Option<String>,
    #[serde(default)]
    pub date_modified: Option<String>,
    #[serde(default)]
    pub image: Option<String>,
    #[serde(default)]
    pub site_name: Option<String>,
    /// BCP-47.
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Dateline>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_type: Option<String>,
    /// The body as plain text, paragraphs separated by blank lines.
    #[serde(default)]
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub markdown: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
    /// The comment section as plain text, when asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comments: Option<String>,
}
