//! Evaluation: the gold format of the shared datasets, the metrics, and the runner behind
//! `copydesk eval`.
//!
//! # Datasets
//! A dataset is a directory `NAME/` with `gold.jsonl` (one JSON object a page: `id`, `url`,
//! and whichever of `body`, `with`, `without`, `title`, `authors`, `date`, `lang`,
//! `site_name`, `page_type` are annotated) and `pages/ID.html.gz`. Its name is the
//! directory's file name.
//!
//! # Metrics ([`metrics`], aggregated in [`report`])
//! - **Shingle** (pages with `body`): `\w+` tokens (letters, numbers and `_`, as Python's
//!   `re` has it; case kept), overlapping 4-token shingles (1–3 tokens: one shorter shingle),
//!   compared as multisets.
//!   `shingle_precision` = mean per-page tp/(tp+fp) over pages with a non-empty output;
//!   `shingle_recall` = mean per-page tp/(tp+fn); `shingle_f1` = harmonic mean of those two
//!   means; `shingle_accuracy` = share of pages whose token sequence equals the gold's;
//!   `empty_outputs` counts outputs without a token.
//! - **Word F1** (`word_f1`, pages with `body`): lowercased `\w+` bags, F1 per page, averaged.
//! - **Snippets** (`with`/`without`): whitespace normalised, a found `with` is a tp, a found
//!   `without` an fp; pooled over all snippets into precision, recall, F1 and accuracy.
//! - **Metadata**: title and site name equal after case/whitespace normalisation, date equal
//!   to the day (first 10 characters), authors equal as sets of normalised names, language
//!   equal on the primary subtag. A missing prediction is wrong. Each is reported as an
//!   accuracy with the number of annotated pages (`title_accuracy`, `title_pages`, …).
//! - **CPU** (`cpu_ms_median`, `cpu_ms_mean`): CPU time of the extraction call alone, on its
//!   own thread; pages are read and decompressed before any timing starts.
//!
//! # External predictions
//! `copydesk eval DATASET_DIR --predictions FILE.jsonl [--name NAME]` scores another tool's
//! output with the same code. FILE holds one JSON object a line:
//!
//! ```text
//! {"id": str, "text": str, "title": str?, "authors": [str]?, "date": str?,
//!  "cpu_ms": float?, "site_name": str?, "lang": str?}
//! ```
//!
//! `id` is the page id of `gold.jsonl`; `text` may be null (an empty output). Optional fields
//! may be absent or null; an absent metadata field counts as a wrong prediction where the
//! page is annotated. `cpu_ms` is the tool's CPU milliseconds for that page (one thread);
//! pages without it are left out of the CPU figures. An optional `"error": str` marks a page
//! the tool failed on. A page without a line counts as an empty output; lines for ids not in
//! the dataset are counted and ignored; a duplicate id or a malformed line is an error.
//!
//! # Output
//! `--json` prints `{"datasets": [{"name", "dir", "system", "unmatched_predictions",
//! "metrics": {…}, "page_types": {TYPE: {…}}, "worst": […]}]}`, where the metric names are the
//! fields of [`report::Summary`]. Accuracy floors ([`floor`]) name metrics the same way.

pub mod dataset;
pub mod floor;
pub mod lines;
pub mod metrics;
pub mod predict;
pub mod report;

use std::path::{Path, PathBuf};

pub use dataset::{Dataset, Filter, GoldRecord};
pub use predict::Prediction;
pub use report::{DatasetReport, Summary};

/// Where the outputs to score come from.
#[derive(Debug, Clone)]
pub enum System {
    /// Run `copydesk::extract` over the pages.
    Copydesk(predict::RunConfig),
    /// Read another tool's predictions (see the crate doc) and call the system `name`.
    Predictions { path: PathBuf, name: String },
}

impl System {
    /// The name shown in reports.
    pub fn name(&self) -> &str {
        match self {
            System::Copydesk(_) => "copydesk",
            System::Predictions { name, .. } => name,
        }
    }
}

/// What one `eval` run does per dataset.
#[derive(Debug, Clone)]
pub struct EvalConfig {
    pub filter: Filter,
    pub system: System,
    /// How many worst pages to list (0 = none).
    pub worst: usize,
}

/// Hooks for progress display: called with the number of pages before a run, then once a page.
pub trait Progress: Sync {
    fn start(&self, dataset: &str, pages: usize);
    fn page_done(&self);
    fn finish(&self);
}

/// No progress display.
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _: &str, _: usize) {}
    fn page_done(&self) {}
    fn finish(&self) {}
}

/// Loads one dataset, produces the system's outputs for it, and scores them.
pub fn evaluate_dataset(
    dir: &Path,
    config: &EvalConfig,
    progress: &dyn Progress,
) -> Result<DatasetReport, String> {
    let dataset = Dataset::load(dir, &config.filter).map_err(|e| e.to_string())?;
    let (predictions, unmatched) = match &config.system {
        System::Copydesk(run) => {
            let pages = predict::read_pages(&dataset);
            progress.start(&dataset.name, pages.len());
            let outputs = predict::run_copydesk(&dataset, &pages, run, &|| progress.page_done());
            progress.finish();
            (outputs?, 0)
        }
        System::Predictions { path, .. } => {
            let loaded = predict::load_predictions(path).map_err(|e| e.to_string())?;
            predict::align_predictions(&dataset, loaded)
        }
    };
    let mut report =
        report::score_dataset(&dataset, &predictions, config.system.name(), config.worst);
    report.unmatched_predictions = unmatched;
    Ok(report)
}

#[derive(serde::Serialize)]
struct JsonDocument<'r> {
    datasets: &'r [DatasetReport],
}

/// The `--json` document for a run (pretty-printed, fields in declaration order).
pub fn to_json(reports: &[DatasetReport]) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&JsonDocument { datasets: reports })
}
