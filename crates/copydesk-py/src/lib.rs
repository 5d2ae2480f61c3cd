//! The Python extension module `copydesk._copydesk` (PyO3, abi3). Thin: every function
//! releases the GIL for the whole Rust call, and returns JSON text that the pure-Python layer
//! (python/copydesk/__init__.py) turns into the caller's chosen output format. Errors are
//! Python exceptions; a Rust panic is caught and raised as `CopydeskError`, never an abort.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::Duration;

use copydesk::{Favor, Options};
use copydesk_warc::{OutputFormat, WarcOptions};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use rayon::prelude::*;

create_exception!(
    _copydesk,
    CopydeskError,
    PyException,
    "Base class of copydesk's errors."
);
create_exception!(
    _copydesk,
    ExtractionError,
    CopydeskError,
    "A page could not be extracted (empty, too large, not text, too complex, timed out)."
);

/// The extraction options the Python layer passes down as one dict (built and validated by
/// `_engine_options` in python/copydesk/__init__.py; every key is present).
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
struct EngineOptions {
    favor: String,
    include_comments: bool,
    markdown: bool,
    html: bool,
    with_metadata: bool,
    max_input_bytes: Option<usize>,
    time_limit_ms: Option<u64>,
}

impl EngineOptions {
    /// The library's options; the caller's limits replace the defaults only when given.
    fn to_options(&self) -> PyResult<Options> {
        let favor = match self.favor.as_str() {
            "precision" => Favor::Precision,
            "balanced" => Favor::Balanced,
            "recall" => Favor::Recall,
            other => {
                return Err(PyValueError::new_err(format!(
                    "favor must be 'precision', 'balanced' or 'recall', not {other:?}"
                )))
            }
        };
        let defaults = Options::default();
        Ok(Options {
            favor,
            include_comments: self.include_comments,
            markdown: self.markdown,
            html: self.html,
            metadata: self.with_metadata,
            max_input_bytes: self.max_input_bytes.unwrap_or(defaults.max_input_bytes),
            time_limit: match self.time_limit_ms {
                Some(0) => None,
                Some(ms) => Some(Duration::from_millis(ms)),
                None => defaults.time_limit,
            },
            ..defaults
        })
    }
}

/// What a call does with its input.
#[derive(Debug, Clone, Copy)]
enum Task {
    /// HTML → article ([`copydesk::extract`]).
    Extract,
    /// Already-extracted text → story and metadata ([`copydesk::clean_text`]).
    Clean,
}

/// One input processed: the article as JSON, or the error's message. `is_text`: the input
/// came as a Python `str` (UTF-8); otherwise it is bytes to decode.
fn process_one(
    task: Task,
    data: &[u8],
    is_text: bool,
    options: &Options,
) -> Result<String, String> {
    let run = || {
        let text = if is_text {
            Some(std::str::from_utf8(data).map_err(|e| e.to_string())?)
        } else {
            None
        };
        let article = match (task, text) {
            (Task::Extract, Some(text)) => copydesk::extract_str(text, options),
            (Task::Extract, None) => copydesk::extract(data, options),
            (Task::Clean, Some(text)) => copydesk::clean_text(text, options),
            (Task::Clean, None) => copydesk::decode::decode_text(data, options.charset.as_deref())
                .and_then(|decoded| copydesk::clean_text(&decoded.text, options)),
        }
        .map_err(|e| e.to_string())?;
        serde_json::to_string(&article).map_err(|e| e.to_string())
    };
    catch_unwind(AssertUnwindSafe(run)).unwrap_or_else(|_| Err("extraction panicked".to_string()))
}

/// Many inputs on `threads` cores (0 = all), in input order: `(json, None)` for an input
/// processed, `(None, error)` for one that failed.
fn process_batch(
    py: Python<'_>,
    task: Task,
    inputs: &[(Vec<u8>, bool)],
    urls: &[Option<String>],
    options: &Options,
    threads: usize,
) -> PyResult<Vec<(Option<String>, Option<String>)>> {
    if urls.len() != inputs.len() {
        return Err(PyValueError::new_err("urls must be as long as the inputs"));
    }
    let pool = thread_pool(threads)?;
    Ok(py.detach(|| {
        pool.install(|| {
            inputs
                .par_iter()
                .zip(urls.par_iter())
                .map(|((data, is_text), url)| {
                    let mut opts = options.clone();
                    opts.url = url.clone();
                    match process_one(task, data, *is_text, &opts) {
                        Ok(json) => (Some(json), None),
                        Err(e) => (None, Some(e)),
                    }
                })
                .collect()
        })
    }))
}

/// Extracts one page; returns the article record as JSON text.
#[pyfunction]
#[pyo3(signature = (data, is_text, options, url=None, charset=None))]
fn extract_json(
    py: Python<'_>,
    data: &[u8],
    is_text: bool,
    options: EngineOptions,
    url: Option<String>,
    charset: Option<String>,
) -> PyResult<String> {
    let mut options = options.to_options()?;
    options.url = url;
    options.charset = charset;
    py.detach(|| process_one(Task::Extract, data, is_text, &options))
        .map_err(ExtractionError::new_err)
}

/// Extracts many pages on `threads` cores (0 = all); see [`process_batch`].
#[pyfunction]
#[pyo3(signature = (pages, urls, options, threads=0))]
#[allow(clippy::type_complexity)]
fn extract_batch_json(
    py: Python<'_>,
    pages: Vec<(Vec<u8>, bool)>,
    urls: Vec<Option<String>>,
    options: EngineOptions,
    threads: usize,
) -> PyResult<Vec<(Option<String>, Option<String>)>> {
    let options = options.to_options()?;
    process_batch(py, Task::Extract, &pages, &urls, &options, threads)
}

/// Cleans one text a scraper already extracted; returns the article record as JSON text.
#[pyfunction]
#[pyo3(signature = (data, is_text, options, charset=None))]
fn clean_json(
    py: Python<'_>,
    data: &[u8],
    is_text: bool,
    options: EngineOptions,
    charset: Option<String>,
) -> PyResult<String> {
    let mut options = options.to_options()?;
    options.charset = charset;
    py.detach(|| process_one(Task::Clean, data, is_text, &options))
        .map_err(ExtractionError::new_err)
}

/// Cleans many texts on `threads` cores (0 = all); see [`process_batch`].
#[pyfunction]
#[pyo3(signature = (texts, options, threads=0))]
#[allow(clippy::type_complexity)]
fn clean_batch_json(
    py: Python<'_>,
    texts: Vec<(Vec<u8>, bool)>,
    options: EngineOptions,
    threads: usize,
) -> PyResult<Vec<(Option<String>, Option<String>)>> {
    let options = options.to_options()?;
    let urls = vec![None; texts.len()];
    process_batch(py, Task::Clean, &texts, &urls, &options, threads)
}

fn thread_pool(threads: usize) -> PyResult<rayon::ThreadPool> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if threads > 0 {
        builder = builder.num_threads(threads);
    }
    builder
        .build()
        .map_err(|e| CopydeskError::new_err(format!("thread pool: {e}")))
}

/// Processes one WARC file into one output file; returns the stats as JSON text.
#[pyfunction]
#[pyo3(signature = (in_path, out_path, options, output_format=None, threads=0, resume=false,
                    max_record_bytes=None, only_2xx=true, progress=false))]
#[allow(clippy::too_many_arguments)]
fn process_warc_json(
    py: Python<'_>,
    in_path: String,
    out_path: String,
    options: EngineOptions,
    output_format: Option<String>,
    threads: usize,
    resume: bool,
    max_record_bytes: Option<u64>,
    only_2xx: bool,
    progress: bool,
) -> PyResult<String> {
    let extract = options.to_options()?;
    let format = match output_format.as_deref() {
        None => None,
        Some(name) => Some(OutputFormat::parse(name).ok_or_else(|| {
            PyValueError::new_err(format!(
                "output_format must be 'jsonl', 'jsonl.gz' or 'parquet', not {name:?}"
            ))
        })?),
    };
    let defaults = WarcOptions::default();
    let options = WarcOptions {
        extract,
        format,
        threads,
        resume,
        max_record_bytes: max_record_bytes.unwrap_or(defaults.max_record_bytes),
        only_2xx,
        progress,
        ..defaults
    };
    let result = py.detach(|| {
        catch_unwind(AssertUnwindSafe(|| {
            copydesk_warc::process_warc(Path::new(&in_path), Path::new(&out_path), &options)
                .map_err(|e| e.to_string())
                .and_then(|stats| serde_json::to_string(&stats).map_err(|e| e.to_string()))
        }))
        .unwrap_or_else(|_| Err("process_warc panicked".to_string()))
    });
    result.map_err(CopydeskError::new_err)
}

/// The Parquet schema's column names, in order (for documentation and tests).
#[pyfunction]
fn parquet_columns() -> Vec<String> {
    copydesk_warc::parquet_schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect()
}

#[pymodule]
fn _copydesk(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(extract_batch_json, m)?)?;
    m.add_function(wrap_pyfunction!(clean_json, m)?)?;
    m.add_function(wrap_pyfunction!(clean_batch_json, m)?)?;
    m.add_function(wrap_pyfunction!(process_warc_json, m)?)?;
    m.add_function(wrap_pyfunction!(parquet_columns, m)?)?;
    m.add("CopydeskError", m.py().get_type::<CopydeskError>())?;
    m.add("ExtractionError", m.py().get_type::<ExtractionError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
