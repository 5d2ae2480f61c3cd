//! Where the outputs to score come from: copydesk run over the pages (timed in thread CPU
//! time), or another tool's predictions read from a JSONL file.

use std::collections::HashMap;
use std::path::Path;

use cpu_time::ThreadTime;
use rayon::prelude::*;
use serde::Deserialize;

use crate::dataset::{parse_jsonl, read_jsonl, Dataset, DatasetError};

/// One system's output for one page, in the terms the metrics compare.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Prediction {
    /// The extracted main text (null or absent = empty output).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub text: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub authors: Option<Vec<String>>,
    /// ISO 8601 date (only the first 10 characters are compared).
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub site_name: Option<String>,
    /// BCP-47 language tag.
    #[serde(default)]
    pub lang: Option<String>,
    /// CPU milliseconds the extraction took, one thread.
    #[serde(default)]
    pub cpu_ms: Option<f64>,
    /// Why the system failed on this page, if it did (its output then counts as empty).
    #[serde(default)]
    pub error: Option<String>,
}

fn null_as_empty<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(deserializer)?.unwrap_or_default())
}

impl Prediction {
    /// The prediction copydesk's article record makes.
    pub fn from_article(article: &copydesk::Article) -> Prediction {
        Prediction {
            text: article.text.clone(),
            title: article.title.clone(),
            authors: Some(article.authors.clone()),
            date: article.date_published.clone(),
            site_name: article.site_name.clone(),
            lang: article.language.clone(),
            cpu_ms: None,
            error: None,
        }
    }

    /// An empty output with the reason it is empty.
    pub fn failed(reason: impl Into<String>) -> Prediction {
        Prediction {
            error: Some(reason.into()),
            ..Prediction::default()
        }
    }
}

/// A page's bytes, or why they could not be read (which then counts as a failed page).
pub type PageBytes = Result<Vec<u8>, String>;

/// Reads every page of the dataset into memory, so that no I/O or decompression falls inside
/// the timed extraction.
pub fn read_pages(dataset: &Dataset) -> Vec<PageBytes> {
    dataset
        .records
        .iter()
        .map(|record| dataset.read_page(&record.id).map_err(|e| e.to_string()))
        .collect()
}

/// How copydesk is run over a dataset.
#[derive(Debug, Clone)]
pub struct RunConfig {
    /// Options for every page; `url` is replaced by each page's gold URL.
    pub options: copydesk::Options,
    /// Worker threads (1 = the calling thread's pool of one). CPU time is per thread either way.
    pub threads: usize,
}

/// Runs `copydesk::extract` over every page, timing each call in CPU time of its own thread.
/// `on_page` is called after each page (for progress display).
pub fn run_copydesk(
    dataset: &Dataset,
    pages: &[PageBytes],
    config: &RunConfig,
    on_page: &(dyn Fn() + Sync),
) -> Result<Vec<Prediction>, String> {
    let extract_one = |(record, page): (&crate::dataset::GoldRecord, &PageBytes)| {
        let prediction = match page {
            Ok(bytes) => {
                let options = copydesk::Options {
                    url: record.url.clone(),
                    ..config.options.clone()
                };
                timed_extract(bytes, &options)
            }
            Err(reason) => Prediction::failed(reason.clone()),
        };
        on_page();
        prediction
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads.max(1))
        .build()
        .map_err(|e| format!("cannot start {} worker threads: {e}", config.threads))?;
    Ok(pool.install(|| {
        dataset
            .records
            .par_iter()
            .zip(pages.par_iter())
            .map(extract_one)
            .collect()
    }))
}

/// One extraction, with the CPU time of this thread spent inside the call.
fn timed_extract(bytes: &[u8], options: &copydesk::Options) -> Prediction {
    let start = ThreadTime::try_now().ok();
    let result = copydesk::extract(bytes, options);
    let cpu_ms = start
        .and_then(|start| start.try_elapsed().ok())
        .map(|elapsed| elapsed.as_secs_f64() * 1000.0);
    let mut prediction = match result {
        Ok(article) => Prediction::from_article(&article),
        Err(error) => Prediction::failed(error.to_string()),
    };
    prediction.cpu_ms = cpu_ms;
    prediction
}

#[derive(Deserialize)]
struct PredictionLine {
    id: String,
    #[serde(flatten)]
    prediction: Prediction,
}

/// Reads another tool's predictions: one JSON object a line, keyed by `id` (see the crate doc).
pub fn load_predictions(path: &Path) -> Result<HashMap<String, Prediction>, DatasetError> {
    read_jsonl(path, parse_predictions)
}

/// Parses predictions JSONL; on failure, the 1-based line number and the reason.
pub fn parse_predictions(text: &str) -> Result<HashMap<String, Prediction>, (usize, String)> {
    let mut predictions = HashMap::new();
    for (line, parsed) in parse_jsonl::<PredictionLine>(text)? {
        if predictions
            .insert(parsed.id.clone(), parsed.prediction)
            .is_some()
        {
            return Err((line, format!("duplicate id {:?}", parsed.id)));
        }
    }
    Ok(predictions)
}

/// The predictions in dataset order; a page without one is an empty output with an error.
pub fn align_predictions(
    dataset: &Dataset,
    mut predictions: HashMap<String, Prediction>,
) -> (Vec<Prediction>, usize) {
    let aligned = dataset
        .records
        .iter()
        .map(|record| {
            predictions
                .remove(&record.id)
                .unwrap_or_else(|| Prediction::failed("no prediction for this id"))
        })
        .collect();
    (aligned, predictions.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::GoldRecord;
    use std::path::PathBuf;

    #[test]
    fn prediction_lines_parse_with_optional_fields() {
        let text = concat!(
            r#"{"id": "a", "text": "Body", "title": "T", "authors": ["X"], "cpu_ms": 1.5}"#,
            "\n\n",
            r#"{"id": "b", "text": null, "date": "2020-01-01", "extra": 1}"#,
            "\n",
        );
        let predictions = parse_predictions(text).unwrap();
        assert_eq!(predictions["a"].text, "Body");
        assert_eq!(predictions["a"].cpu_ms, Some(1.5));
        assert_eq!(
            predictions["a"].authors.as_deref(),
            Some(&["X".to_string()][..])
        );
        assert_eq!(predictions["b"].text, "");
        assert_eq!(predictions["b"].date.as_deref(), Some("2020-01-01"));
    }

    #[test]
    fn bad_and_duplicate_lines_are_reported_with_their_number() {
        assert_eq!(parse_predictions("{\"text\": \"x\"}").unwrap_err().0, 1);
        let duplicate = "{\"id\": \"a\"}\n{\"id\": \"a\"}\n";
        let (line, reason) = parse_predictions(duplicate).unwrap_err();
        assert_eq!(line, 2);
        assert!(reason.contains("duplicate"));
    }

    #[test]
    fn missing_ids_become_empty_outputs() {
        let dataset = Dataset {
            name: "d".into(),
            dir: PathBuf::from("d"),
            records: vec![
                GoldRecord {
                    id: "a".into(),
                    ..GoldRecord::default()
                },
                GoldRecord {
                    id: "b".into(),
                    ..GoldRecord::default()
                },
            ],
        };
        let predictions =
            parse_predictions("{\"id\": \"b\", \"text\": \"x\"}\n{\"id\": \"z\"}").unwrap();
        let (aligned, unmatched) = align_predictions(&dataset, predictions);
        assert_eq!(aligned[0].text, "");
        assert!(aligned[0].error.is_some());
        assert_eq!(aligned[1].text, "x");
        assert_eq!(unmatched, 1);
    }
}
