//! The gold format of the shared datasets: `NAME/gold.jsonl` (one record a page) and
//! `NAME/pages/ID.html.gz` (the page's bytes as published), plus the filters a run can apply.

use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use flate2::read::GzDecoder;
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// One line of `gold.jsonl`. A field that is absent is not annotated for that page.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct GoldRecord {
    /// The file stem under `pages/`.
    pub id: String,
    #[serde(default)]
    pub url: Option<String>,
    /// The whole main text.
    #[serde(default)]
    pub body: Option<String>,
    /// Snippets that must appear in the extracted text.
    #[serde(default)]
    pub with: Option<Vec<String>>,
    /// Snippets that must not appear in it.
    #[serde(default)]
    pub without: Option<Vec<String>>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub authors: Option<Vec<String>>,
    /// Publication date, YYYY-MM-DD.
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub site_name: Option<String>,
    #[serde(default)]
    pub page_type: Option<String>,
}

impl GoldRecord {
    /// Whether the page has `with`/`without` snippets to score.
    pub fn has_snippets(&self) -> bool {
        self.with.as_ref().is_some_and(|s| !s.is_empty())
            || self.without.as_ref().is_some_and(|s| !s.is_empty())
    }
}

/// A dataset directory and its gold records.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// The directory's file name ("wcxb-dev").
    pub name: String,
    pub dir: PathBuf,
    pub records: Vec<GoldRecord>,
}

/// Which gold records a run keeps, applied in this order: ids, page type, then the first N.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Keep only these ids (empty = all).
    pub ids: Vec<String>,
    /// Keep only pages of this `page_type`.
    pub page_type: Option<String>,
    /// Keep only the first N pages that pass the other filters.
    pub limit: Option<usize>,
}

impl Filter {
    pub fn apply(&self, records: Vec<GoldRecord>) -> Vec<GoldRecord> {
        let kept = records.into_iter().filter(|record| {
            (self.ids.is_empty() || self.ids.contains(&record.id))
                && self
                    .page_type
                    .as_ref()
                    .is_none_or(|wanted| record.page_type.as_ref() == Some(wanted))
        });
        match self.limit {
            Some(limit) => kept.take(limit).collect(),
            None => kept.collect(),
        }
    }
}

/// Why a JSONL file (a dataset's gold records, another tool's predictions) could not be read.
#[derive(Debug)]
pub enum DatasetError {
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    BadLine {
        path: PathBuf,
        line: usize,
        reason: String,
    },
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatasetError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            DatasetError::BadLine { path, line, reason } => {
                write!(f, "{}:{line}: {reason}", path.display())
            }
        }
    }
}

impl std::error::Error for DatasetError {}

/// Parses JSONL text: one `T` a line, blank lines skipped, each with its 1-based line number;
/// on failure, the line number and the reason.
pub fn parse_jsonl<T: DeserializeOwned>(text: &str) -> Result<Vec<(usize, T)>, (usize, String)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            serde_json::from_str(line)
                .map(|value| (index + 1, value))
                .map_err(|e| (index + 1, e.to_string()))
        })
        .collect()
}

/// Reads the JSONL file at `path` and hands its text to `parse`, whose failure (a line number
/// and a reason) is reported with the path.
pub fn read_jsonl<R>(
    path: &Path,
    parse: impl FnOnce(&str) -> Result<R, (usize, String)>,
) -> Result<R, DatasetError> {
    let text = fs::read_to_string(path).map_err(|source| DatasetError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&text).map_err(|(line, reason)| DatasetError::BadLine {
        path: path.to_path_buf(),
        line,
        reason,
    })
}

/// The dataset name of a directory: its file name ("." and ".." resolved when possible).
pub fn dataset_name(dir: &Path) -> String {
    let named = dir
        .file_name()
        .map(|name| name.to_string_lossy().into_owned());
    named
        .or_else(|| {
            fs::canonicalize(dir)
                .ok()
                .and_then(|full| full.file_name().map(|n| n.to_string_lossy().into_owned()))
        })
        .unwrap_or_else(|| dir.display().to_string())
}

impl Dataset {
    /// Reads `dir/gold.jsonl` (blank lines skipped) and applies `filter`.
    pub fn load(dir: &Path, filter: &Filter) -> Result<Dataset, DatasetError> {
        let numbered: Vec<(usize, GoldRecord)> = read_jsonl(&dir.join("gold.jsonl"), parse_jsonl)?;
        let records = numbered.into_iter().map(|(_, record)| record).collect();
        Ok(Dataset {
            name: dataset_name(dir),
            dir: dir.to_path_buf(),
            records: filter.apply(records),
        })
    }

    /// The path of a page's bytes.
    pub fn page_path(&self, id: &str) -> PathBuf {
        self.dir.join("pages").join(format!("{id}.html.gz"))
    }

    /// Reads and decompresses one page.
    pub fn read_page(&self, id: &str) -> Result<Vec<u8>, DatasetError> {
        let path = self.page_path(id);
        let io_error = |source| DatasetError::Io {
            path: path.clone(),
            source,
        };
        let compressed = fs::read(&path).map_err(io_error)?;
        let mut bytes = Vec::with_capacity(compressed.len() * 4);
        GzDecoder::new(compressed.as_slice())
            .read_to_end(&mut bytes)
            .map_err(io_error)?;
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str, page_type: Option<&str>) -> GoldRecord {
        GoldRecord {
            id: id.into(),
            page_type: page_type.map(String::from),
            ..GoldRecord::default()
        }
    }

    #[test]
    fn gold_lines_parse_with_absent_fields() {
        let record: GoldRecord =
            serde_json::from_str(r#"{"id": "x1", "with": ["a"], "date": "2020-01-02"}"#).unwrap();
        assert_eq!(record.id, "x1");
        assert_eq!(record.body, None);
        assert_eq!(record.date.as_deref(), Some("2020-01-02"));
        assert!(record.has_snippets());
        let no_snippets = GoldRecord {
            with: Some(Vec::new()),
            ..record
        };
        assert!(!no_snippets.has_snippets());
    }

    #[test]
    fn filters_apply_ids_then_type_then_limit() {
        let records = vec![
            record("a", Some("article")),
            record("b", Some("forum")),
            record("c", Some("article")),
            record("d", Some("article")),
        ];
        let filter = Filter {
            page_type: Some("article".into()),
            limit: Some(2),
            ..Filter::default()
        };
        let ids: Vec<_> = filter
            .apply(records.clone())
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(ids, ["a", "c"]);
        let filter = Filter {
            ids: vec!["d".into(), "b".into()],
            ..Filter::default()
        };
        let ids: Vec<_> = filter.apply(records).into_iter().map(|r| r.id).collect();
        assert_eq!(ids, ["b", "d"]);
    }

    #[test]
    fn dataset_name_is_the_directory_name() {
        assert_eq!(dataset_name(Path::new("/data/sets/wcxb-dev/")), "wcxb-dev");
        assert_eq!(dataset_name(Path::new("wcxb-dev")), "wcxb-dev");
    }

    #[test]
    fn loads_gold_and_gzipped_pages() {
        use flate2::write::GzEncoder;
        use std::io::Write;
        let dir = std::env::temp_dir().join(format!("copydesk-eval-ds-{}", std::process::id()));
        fs::create_dir_all(dir.join("pages")).unwrap();
        fs::write(
            dir.join("gold.jsonl"),
            "{\"id\": \"p1\", \"body\": \"Hello\"}\n\n{\"id\": \"p2\"}\n",
        )
        .unwrap();
        let mut encoder = GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(b"<p>Hello</p>").unwrap();
        fs::write(dir.join("pages/p1.html.gz"), encoder.finish().unwrap()).unwrap();
        let dataset = Dataset::load(&dir, &Filter::default()).unwrap();
        assert_eq!(dataset.records.len(), 2);
        assert_eq!(dataset.read_page("p1").unwrap(), b"<p>Hello</p>");
        assert!(dataset.read_page("p2").is_err());
        fs::write(dir.join("gold.jsonl"), "{\"id\": 5}\n").unwrap();
        let error = Dataset::load(&dir, &Filter::default()).unwrap_err();
        assert!(error.to_string().contains(":1:"), "{error}");
        fs::remove_dir_all(&dir).unwrap();
    }
}
