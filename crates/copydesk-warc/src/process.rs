//! `process_warc`: one WARC file in, one output file out, every record accounted for.
//!
//! Three stages with bounded queues between them, so memory stays flat however large the input:
//! a reader thread (decompress, parse WARC and HTTP, classify, cut batches bounded in records
//! and bytes) → the calling thread (extract a batch on a rayon pool, in parallel, order kept)
//! → a writer thread (JSONL or Parquet). The output is written under a temporary name, synced,
//! renamed, and only then marked done (`OUTPUT.done`, holding the stats as JSON), so a crash
//! never leaves a file that looks complete and `resume` can trust the marker.

use std::fs::File;
use std::io;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::thread;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::http::{decoded_body, parse_response, sniff_html, HttpError};
use crate::output::{OutputFormat, OutputRow, RowSink};
use crate::reader::{Item, WarcHeaders, WarcReader};
use crate::stats::{reason_category, Outcome, Stats};
use crate::stream::open_source;

/// Options for [`process_warc`].
#[derive(Debug, Clone)]
pub struct WarcOptions {
    /// Extraction options (the record's URL and HTTP charset are filled in per record).
    pub extract: copydesk::Options,
    /// Output encoding; `None`: from the output path's extension.
    pub format: Option<OutputFormat>,
    /// Extraction threads; 0: rayon's default (all cores, or `RAYON_NUM_THREADS`).
    pub threads: usize,
    /// Records with a longer block are skipped without being held in memory.
    pub max_record_bytes: u64,
    /// A batch is cut at this many records…
    pub batch_records: usize,
    /// …or this many payload bytes, whichever comes first.
    pub batch_bytes: usize,
    /// Skip the file when its output and done-marker already exist.
    pub resume: bool,
    /// Draw a progress bar on stderr.
    pub progress: bool,
    /// Extract only responses with a 2xx status (others are skipped with their status).
    pub only_2xx: bool,
}

impl Default for WarcOptions {
    fn default() -> Self {
        WarcOptions {
            extract: copydesk::Options::default(),
            format: None,
            threads: 0,
            max_record_bytes: 64 * 1024 * 1024,
            batch_records: 256,
            batch_bytes: 16 * 1024 * 1024,
            resume: false,
            progress: false,
            only_2xx: true,
        }
    }
}

/// Why a file could not be processed at all (record-level problems are counted, not errors).
#[derive(Debug)]
pub enum WarcError {
    Io { path: PathBuf, source: io::Error },
    Options(String),
    Internal(String),
}

impl std::fmt::Display for WarcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WarcError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            WarcError::Options(why) => write!(f, "invalid options: {why}"),
            WarcError::Internal(why) => write!(f, "internal error: {why}"),
        }
    }
}

impl std::error::Error for WarcError {}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> WarcError + '_ {
    move |source| WarcError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The done-marker of an output path: `OUTPUT.done`.
pub fn done_marker(output: &Path) -> PathBuf {
    let mut name = output.as_os_str().to_owned();
    name.push(".done");
    PathBuf::from(name)
}

fn temp_path(output: &Path) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".to_string());
    output.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}

/// The WARC facts a row carries.
#[derive(Debug, Clone, Default)]
struct RecordMeta {
    record_id: Option<String>,
    target_uri: Option<String>,
    date: Option<String>,
    status: Option<u16>,
}

impl RecordMeta {
    fn from_headers(h: Option<&WarcHeaders>) -> RecordMeta {
        let get = |name: &str| h.and_then(|h| h.get(name)).map(str::to_string);
        RecordMeta {
            record_id: get("WARC-Record-ID"),
            target_uri: get("WARC-Target-URI"),
            date: get("WARC-Date"),
            status: None,
        }
    }
}

/// One record after the reader thread: what is left to do with it.
enum Work {
    Skip(String),
    Fail {
        meta: RecordMeta,
        reason: String,
    },
    Extract {
        meta: RecordMeta,
        body: Vec<u8>,
        charset: Option<String>,
    },
}

struct Batch {
    work: Vec<Work>,
    /// Stream damage seen while reading this batch: (reason, bytes).
    damage: Vec<(String, u64)>,
    input_offset: u64,
    warc_bytes: u64,
}

/// Decides a record's fate as far as the reader can (everything but the extraction).
fn classify(item: Item, options: &WarcOptions) -> Result<Work, (String, u64)> {
    let record = match item {
        Item::Damage { reason, bytes } => return Err((reason, bytes)),
        Item::Broken { headers, reason } => {
            return Ok(Work::Fail {
                meta: RecordMeta::from_headers(headers.as_ref()),
                reason,
            })
        }
        Item::Oversize { .. } => return Ok(Work::Skip("record larger than the limit".into())),
        Item::Record(record) => record,
    };
    let kind = record
        .headers
        .get("WARC-Type")
        .unwrap_or("(none)")
        .to_ascii_lowercase();
    if kind != "response" {
        return Ok(Work::Skip(format!("record type {kind}")));
    }
    let mut meta = RecordMeta::from_headers(Some(&record.headers));
    let response = match parse_response(&record.block) {
        Ok(r) => r,
        Err(HttpError::NotHttp) => return Ok(Work::Skip("payload is not an HTTP response".into())),
        Err(e) => {
            return Ok(Work::Fail {
                meta,
                reason: e.to_string(),
            })
        }
    };
    meta.status = Some(response.status);
    if options.only_2xx && !(200..300).contains(&response.status) {
        return Ok(Work::Skip(format!("http status {}", response.status)));
    }
    let mime = response.mime_type();
    let declared_html = mime
        .as_deref()
        .is_some_and(|m| m.contains("html") || m == "application/xml" || m == "text/xml");
    if let Some(m) = &mime {
        if !declared_html && !is_vague_mime(m) {
            return Ok(Work::Skip(format!("content type {m}")));
        }
    }
    let limit = options.extract.max_input_bytes;
    let body = match decoded_body(&response, record.block, limit) {
        Ok(b) => b,
        Err(e) => {
            return Ok(Work::Fail {
                meta,
                reason: e.to_string(),
            })
        }
    };
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Work::Skip("empty payload".into()));
    }
    if !declared_html && !sniff_html(&body) {
        let label = mime.unwrap_or_else(|| "(none)".into());
        return Ok(Work::Skip(format!("content type {label} (not HTML)")));
    }
    Ok(Work::Extract {
        meta,
        body,
        charset: response.charset(),
    })
}

/// Media types that say nothing about the payload: sniff instead.
fn is_vague_mime(mime: &str) -> bool {
    matches!(
        mime,
        "application/octet-stream" | "unk" | "unknown" | "text/plain" | "application/unknown"
    )
}

fn extraction_failure(e: &copydesk::Error) -> &'static str {
    match e {
        copydesk::Error::Empty => "extraction: empty input",
        copydesk::Error::TooLarge { .. } => "extraction: input too large",
        copydesk::Error::Binary(_) => "extraction: not text",
        copydesk::Error::TooComplex(_) => "extraction: too complex",
        copydesk::Error::Timeout(_) => "extraction: time limit",
        copydesk::Error::InvalidOptions(_) => "extraction: invalid options",
    }
}

/// Runs one unit of work: the row (if any) and the record's outcome.
fn run_work(work: Work, source: &str, options: &copydesk::Options) -> (Option<OutputRow>, Outcome) {
    let failed_row = |meta: RecordMeta, error: String| OutputRow {
        article: copydesk::Article {
            source: Some(source.to_string()),
            url: meta.target_uri.clone(),
            ..copydesk::Article::default()
        },
        warc_record_id: meta.record_id,
        warc_target_uri: meta.target_uri,
        warc_date: meta.date,
        http_status: meta.status,
        error: Some(error),
    };
    match work {
        Work::Skip(reason) => (None, Outcome::Skipped(reason)),
        Work::Fail { meta, reason } => {
            let category = reason_category(&reason);
            (Some(failed_row(meta, reason)), Outcome::Failed(category))
        }
        Work::Extract {
            meta,
            body,
            charset,
        } => {
            let mut opts = options.clone();
            opts.url = meta.target_uri.clone();
            opts.charset = charset;
            // The library does not panic by contract; a bug must still cost one record, not the run.
            let result = catch_unwind(AssertUnwindSafe(|| copydesk::extract(&body, &opts)));
            match result {
                Ok(Ok(mut article)) => {
                    article.source = Some(source.to_string());
                    let empty = article.text.trim().is_empty();
                    let row = OutputRow {
                        article,
                        warc_record_id: meta.record_id,
                        warc_target_uri: meta.target_uri,
                        warc_date: meta.date,
                        http_status: meta.status,
                        error: None,
                    };
                    (Some(row), Outcome::Extracted { empty })
                }
                Ok(Err(e)) => {
                    let category = extraction_failure(&e).to_string();
                    (
                        Some(failed_row(meta, e.to_string())),
                        Outcome::Failed(category),
                    )
                }
                Err(_) => (
                    Some(failed_row(meta, "extraction panicked".into())),
                    Outcome::Failed("extraction panicked".into()),
                ),
            }
        }
    }
}

fn reader_thread(mut reader: WarcReader, options: WarcOptions, tx: SyncSender<Batch>) {
    let new_batch = || Batch {
        work: Vec::new(),
        damage: Vec::new(),
        input_offset: 0,
        warc_bytes: 0,
    };
    let mut batch = new_batch();
    let mut batch_bytes = 0usize;
    while let Some(item) = reader.next_item() {
        match classify(item, &options) {
            Ok(work) => {
                if let Work::Extract { body, .. } = &work {
                    batch_bytes += body.len();
                }
                batch.work.push(work);
            }
            Err(damage) => batch.damage.push(damage),
        }
        if batch.work.len() >= options.batch_records || batch_bytes >= options.batch_bytes {
            batch.input_offset = reader.input_offset();
            batch.warc_bytes = reader.bytes_consumed();
            if tx.send(std::mem::replace(&mut batch, new_batch())).is_err() {
                return; // the consumer stopped (an output error): nothing more to do
            }
            batch_bytes = 0;
        }
    }
    batch.input_offset = reader.input_offset();
    batch.warc_bytes = reader.bytes_consumed();
    let _ = tx.send(batch);
}

fn writer_thread(mut sink: RowSink, rx: Receiver<Vec<OutputRow>>) -> io::Result<u64> {
    let mut written = 0u64;
    for rows in rx {
        sink.write(&rows)?;
        written += rows.len() as u64;
    }
    sink.finish()?;
    Ok(written)
}

fn progress_bar(options: &WarcOptions, total: u64, input: &Path) -> ProgressBar {
    if !options.progress {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template(
        "{prefix} [{elapsed_precise}] {wide_bar} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} {msg}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    let name = input
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    bar.set_prefix(name);
    bar
}

/// Processes one WARC file into one output file. Record-level problems are counted in the
/// returned [`Stats`]; an `Err` means the file could not be processed at all (unreadable
/// input, unwritable output).
pub fn process_warc(
    input: &Path,
    output: &Path,
    options: &WarcOptions,
) -> Result<Stats, WarcError> {
    let marker = done_marker(output);
    if options.resume && marker.exists() && output.exists() {
        if let Ok(text) = std::fs::read_to_string(&marker) {
            if let Ok(mut stats) = serde_json::from_str::<Stats>(&text) {
                stats.resumed = true;
                return Ok(stats);
            }
        }
    }
    if options.batch_records == 0 || options.batch_bytes == 0 {
        return Err(WarcError::Options("batch sizes must be positive".into()));
    }
    let format = options
        .format
        .unwrap_or_else(|| OutputFormat::from_path(output));
    let start = Instant::now();
    let file = File::open(input).map_err(io_err(input))?;
    let input_bytes = file.metadata().map(|m| m.len()).unwrap_or(0);
    let source = open_source(file).map_err(io_err(input))?;
    let max_record = options.max_record_bytes.min(usize::MAX as u64 / 2);
    let reader = WarcReader::new(source, max_record);

    if let Some(parent) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(io_err(parent))?;
    }
    let temp = temp_path(output);
    let sink = RowSink::create(&temp, format).map_err(io_err(&temp))?;

    let pool = {
        let mut builder = rayon::ThreadPoolBuilder::new();
        if options.threads > 0 {
            builder = builder.num_threads(options.threads);
        }
        builder
            .build()
            .map_err(|e| WarcError::Internal(format!("thread pool: {e}")))?
    };

    let (batch_tx, batch_rx) = sync_channel::<Batch>(2);
    let (row_tx, row_rx) = sync_channel::<Vec<OutputRow>>(2);
    let reader_options = options.clone();
    let reader_handle = thread::spawn(move || reader_thread(reader, reader_options, batch_tx));
    let writer_handle = thread::spawn(move || writer_thread(sink, row_rx));

    let source_name = input.to_string_lossy().into_owned();
    let mut stats = Stats {
        input: source_name.clone(),
        output: output.to_string_lossy().into_owned(),
        input_bytes,
        ..Stats::default()
    };
    let bar = progress_bar(options, input_bytes, input);
    for batch in batch_rx {
        for (reason, bytes) in &batch.damage {
            stats.count_stream_problem(reason, *bytes);
        }
        let extract_options = &options.extract;
        let results: Vec<(Option<OutputRow>, Outcome)> = pool.install(|| {
            batch
                .work
                .into_par_iter()
                .map(|w| run_work(w, &source_name, extract_options))
                .collect()
        });
        let mut rows = Vec::with_capacity(results.len());
        for (row, outcome) in results {
            stats.count(&outcome);
            rows.extend(row);
        }
        stats.warc_bytes = batch.warc_bytes;
        bar.set_position(batch.input_offset);
        let secs = start.elapsed().as_secs_f64().max(1e-9);
        bar.set_message(format!(
            "{} rec, {:.0} rec/s, {} extracted, {} failed",
            stats.records,
            stats.records as f64 / secs,
            stats.extracted,
            stats.failed
        ));
        if row_tx.send(rows).is_err() {
            break; // the writer failed; its error is reported below
        }
    }
    drop(row_tx);
    bar.finish_and_clear();
    let reader_result = reader_handle.join();
    let written = match writer_handle.join() {
        Ok(Ok(n)) => n,
        Ok(Err(e)) => {
            let _ = std::fs::remove_file(&temp);
            return Err(WarcError::Io {
                path: temp,
                source: e,
            });
        }
        Err(_) => {
            let _ = std::fs::remove_file(&temp);
            return Err(WarcError::Internal("writer thread panicked".into()));
        }
    };
    if reader_result.is_err() {
        let _ = std::fs::remove_file(&temp);
        return Err(WarcError::Internal("reader thread panicked".into()));
    }
    stats.rows_written = written;
    stats.finish_timing(start.elapsed().as_secs_f64());
    std::fs::rename(&temp, output).map_err(io_err(output))?;
    let json = serde_json::to_string_pretty(&stats)
        .map_err(|e| WarcError::Internal(format!("stats: {e}")))?;
    std::fs::write(&marker, json).map_err(io_err(&marker))?;
    Ok(stats)
}
