//! `copydesk clean`: text a scraper already extracted → the story and its metadata
//! ([`copydesk::clean_text`]).
//!
//! Inputs are plain-text files (any encoding, decoded as the HTML path does; gzip is
//! recognised by its magic bytes), stdin (`-` or nothing), or with `--jsonl` JSON Lines files
//! whose records carry the text in `--field` (default `text`).
//!
//! Output rules (the same as `extract`):
//! - One plain-text input: `--format text` prints the cleaned body (with `--comments`, the
//!   comments follow under a separator); `--format json` prints the record as one JSON object.
//!   A failure prints `copydesk: SOURCE: REASON` on stderr (text) or `{"source", "error"}` (json).
//! - More than one input, or `--jsonl`: JSON Lines, one record an input in input order,
//!   whatever `--format` says. A failed input is a `{"source", "error"}` line; the rest go on,
//!   and a summary line goes to stderr. A JSON Lines record is named by its `id` field when it
//!   has one, else `FILE:LINE`.
//!
//! Memory stays bounded: a file or a JSON Lines record over `--max-bytes` is refused (and read
//! no further than that), and batches are processed a chunk of records at a time.
//! The exit status is 1 when any input failed.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use copydesk::{Article, Options};
use rayon::prelude::*;

use crate::input::{self, Job, Location};
use crate::{FavorArg, EXIT_FAILED};

/// Records cleaned in parallel before their output is written (bounds memory in batches).
const CHUNK_RECORDS: usize = 4096;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CleanFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct CleanArgs {
    /// Text files (plain or gzipped); `-` or none reads stdin.
    files: Vec<PathBuf>,
    /// Output format; JSON Lines whatever this says for more than one input or `--jsonl`.
    #[arg(long, value_enum, default_value_t = CleanFormat::Text)]
    format: CleanFormat,
    /// Read the inputs as JSON Lines, one document a record (its text in `--field`).
    #[arg(long)]
    jsonl: bool,
    /// The record field that holds the text, with `--jsonl`.
    #[arg(long, default_value = "text")]
    field: String,
    /// The charset of plain-text inputs, when known (otherwise detected).
    #[arg(long)]
    charset: Option<String>,
    /// Return the comment section (separately from the body).
    #[arg(long)]
    comments: bool,
    /// `precision` also drops the menus between the main run of prose and a tagline or
    /// footer paragraph; the default keeps every doubtful line.
    #[arg(long, value_enum, default_value_t = FavorArg::Balanced)]
    favor: FavorArg,
    /// Refuse a document (a file, or one JSON Lines record) larger than this many bytes.
    #[arg(long, default_value_t = Options::default().max_input_bytes)]
    max_bytes: usize,
    /// Worker threads (0 = all cores).
    #[arg(long, default_value_t = 0)]
    threads: usize,
}

impl CleanArgs {
    fn options(&self) -> Options {
        Options {
            charset: self.charset.clone(),
            include_comments: self.comments,
            favor: self.favor.into(),
            max_input_bytes: self.max_bytes,
            ..Options::default()
        }
    }
}

/// One document waiting to be cleaned: raw bytes of a file, or a record's text.
enum Doc {
    Bytes(Result<Vec<u8>, String>),
    Text(Result<String, String>),
}

/// Runs `copydesk clean`.
pub fn run(args: CleanArgs) -> ExitCode {
    let mut jobs: Vec<Job> = args.files.iter().map(|f| Job::from_arg(f)).collect();
    if jobs.is_empty() {
        jobs.push(Job::from_arg(Path::new("-")));
    }
    if let Err(status) = input::stdin_read_once(&jobs) {
        return status;
    }
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads)
        .build()
    {
        Ok(pool) => pool,
        Err(error) => {
            eprintln!("copydesk: cannot start worker threads: {error}");
            return ExitCode::from(EXIT_FAILED);
        }
    };
    let options = args.options();
    let result = if args.jsonl {
        pool.install(|| run_jsonl(&jobs, &options, &args))
    } else if jobs.len() > 1 {
        pool.install(|| run_files(&jobs, &options))
    } else {
        run_single(&jobs[0], &options, args.format)
    };
    input::exit_status(result)
}

fn clean_doc(doc: Doc, source: &str, options: &Options) -> input::Outcome {
    let mut article = match doc {
        Doc::Bytes(bytes) => {
            let bytes = bytes?;
            let decoded = copydesk::decode::decode_text(&bytes, options.charset.as_deref())
                .map_err(|e| e.to_string())?;
            copydesk::clean_text(&decoded.text, options)
        }
        Doc::Text(text) => copydesk::clean_text(&text?, options),
    }
    .map_err(|e| e.to_string())?;
    article.source = Some(source.to_owned());
    Ok(article)
}

fn run_single(job: &Job, options: &Options, format: CleanFormat) -> io::Result<usize> {
    let bytes = input::read_job(&job.location, options.max_input_bytes);
    let outcome = clean_doc(Doc::Bytes(bytes), &job.source, options);
    let mut out = io::stdout().lock();
    let failed = usize::from(outcome.is_err());
    match (format, outcome) {
        (CleanFormat::Json, outcome) => input::write_json_line(&mut out, &job.source, &outcome)?,
        (CleanFormat::Text, Ok(article)) => write_text(&mut out, &article)?,
        (CleanFormat::Text, Err(error)) => eprintln!("copydesk: {}: {error}", job.source),
    }
    out.flush()?;
    Ok(failed)
}

fn write_text(out: &mut impl Write, article: &Article) -> io::Result<()> {
    out.write_all(article.text.as_bytes())?;
    if !article.text.ends_with('\n') {
        out.write_all(b"\n")?;
    }
    if let Some(comments) = article.comments.as_deref().filter(|c| !c.is_empty()) {
        out.write_all(b"\n-- comments --\n\n")?;
        out.write_all(comments.as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Tallies a batch and writes its summary line.
#[derive(Default)]
struct Accounting {
    inputs: usize,
    failed: usize,
    bytes: usize,
}

impl Accounting {
    fn write_chunk(
        &mut self,
        out: &mut impl Write,
        chunk: &[(String, usize)],
        outcomes: &[input::Outcome],
    ) -> io::Result<()> {
        for ((source, size), outcome) in chunk.iter().zip(outcomes) {
            self.inputs += 1;
            self.bytes += size;
            self.failed += usize::from(outcome.is_err());
            input::write_json_line(out, source, outcome)?;
        }
        Ok(())
    }

    fn report(&self, started: std::time::Instant) {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "copydesk: {} inputs: {} cleaned, {} failed ({:.1} MB in {:.2} s, {:.1} MB/s)",
            self.inputs,
            self.inputs - self.failed,
            self.failed,
            self.bytes as f64 / 1e6,
            secs,
            self.bytes as f64 / 1e6 / secs.max(1e-9)
        );
    }
}

/// Many plain-text files: cleaned a chunk at a time on the pool, written in input order.
fn run_files(jobs: &[Job], options: &Options) -> io::Result<usize> {
    let started = std::time::Instant::now();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut tally = Accounting::default();
    // A file chunk holds at most one file a thread at a time in memory, plus outputs.
    let chunk_len = rayon::current_num_threads().max(1) * 8;
    for chunk in jobs.chunks(chunk_len) {
        let outcomes: Vec<(usize, input::Outcome)> = chunk
            .par_iter()
            .map(|job| {
                let bytes = input::read_job(&job.location, options.max_input_bytes);
                let size = bytes.as_ref().map_or(0, Vec::len);
                (size, clean_doc(Doc::Bytes(bytes), &job.source, options))
            })
            .collect();
        let names: Vec<(String, usize)> = chunk
            .iter()
            .zip(&outcomes)
            .map(|(job, (size, _))| (job.source.clone(), *size))
            .collect();
        let outcomes: Vec<input::Outcome> = outcomes.into_iter().map(|(_, o)| o).collect();
        tally.write_chunk(&mut out, &names, &outcomes)?;
    }
    out.flush()?;
    tally.report(started);
    Ok(tally.failed)
}

/// JSON Lines inputs: records read a chunk at a time (each capped), cleaned on the pool.
fn run_jsonl(jobs: &[Job], options: &Options, args: &CleanArgs) -> io::Result<usize> {
    let started = std::time::Instant::now();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut tally = Accounting::default();
    for job in jobs {
        let reader: Box<dyn BufRead> = match &job.location {
            Location::Stdin => Box::new(BufReader::new(io::stdin().lock())),
            Location::File(path) => match File::open(path) {
                Ok(f) => Box::new(BufReader::new(f)),
                Err(e) => {
                    let outcome = Err(format!("cannot open: {e}"));
                    tally.write_chunk(&mut out, &[(job.source.clone(), 0)], &[outcome])?;
                    continue;
                }
            },
            Location::Invalid(reason) => {
                let outcome = Err(reason.clone());
                tally.write_chunk(&mut out, &[(job.source.clone(), 0)], &[outcome])?;
                continue;
            }
        };
        let mut records = RecordReader::new(reader, options.max_input_bytes);
        loop {
            let mut chunk = Vec::with_capacity(CHUNK_RECORDS);
            while chunk.len() < CHUNK_RECORDS {
                match records.next_record() {
                    Ok(Some(record)) => chunk.push(record),
                    Ok(None) => break,
                    Err(e) => {
                        chunk.push(Record {
                            line: records.line_no,
                            data: Err(format!("cannot read: {e}")),
                        });
                        break;
                    }
                }
            }
            if chunk.is_empty() {
                break;
            }
            let last = chunk.len() < CHUNK_RECORDS;
            let done: Vec<((String, usize), input::Outcome)> = chunk
                .into_par_iter()
                .map(|r| {
                    let size = r.data.as_ref().map_or(0, Vec::len);
                    let (id, text) = match r.data {
                        Ok(bytes) => record_text(&bytes, &args.field),
                        Err(e) => (None, Err(e)),
                    };
                    let source = id.unwrap_or_else(|| format!("{}:{}", job.source, r.line));
                    let outcome = clean_doc(Doc::Text(text), &source, options);
                    ((source, size), outcome)
                })
                .collect();
            let (names, outcomes): (Vec<(String, usize)>, Vec<input::Outcome>) =
                done.into_iter().unzip();
            tally.write_chunk(&mut out, &names, &outcomes)?;
            if last {
                break;
            }
        }
    }
    out.flush()?;
    tally.report(started);
    Ok(tally.failed)
}

/// A record's `id` (if any) and the text in `field`.
fn record_text(bytes: &[u8], field: &str) -> (Option<String>, Result<String, String>) {
    let value: serde_json::Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => return (None, Err(format!("bad JSON record: {e}"))),
    };
    let id = match value.get("id") {
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let text = match value.get(field) {
        Some(serde_json::Value::String(s)) => Ok(s.clone()),
        Some(_) => Err(format!("field `{field}` is not a string")),
        None => Err(format!("record has no field `{field}`")),
    };
    (id, text)
}

/// One JSON Lines record: its line number and bytes (or why it was refused).
struct Record {
    line: usize,
    data: Result<Vec<u8>, String>,
}

/// Reads newline-separated records, holding at most `max_bytes` of any one in memory: the
/// rest of an oversized record is skipped and the record refused.
struct RecordReader<R> {
    reader: R,
    max_bytes: usize,
    line_no: usize,
}

impl<R: BufRead> RecordReader<R> {
    fn new(reader: R, max_bytes: usize) -> Self {
        RecordReader {
            reader,
            max_bytes,
            line_no: 0,
        }
    }

    /// The next non-blank record, or `None` at the end of input.
    fn next_record(&mut self) -> io::Result<Option<Record>> {
        loop {
            let mut buf = Vec::new();
            let mut size = 0usize;
            let mut saw_any = false;
            loop {
                let available = self.reader.fill_buf()?;
                if available.is_empty() {
                    break;
                }
                saw_any = true;
                let (take, done) = match available.iter().position(|&b| b == b'\n') {
                    Some(i) => (i, true),
                    None => (available.len(), false),
                };
                size = size.saturating_add(take);
                if size <= self.max_bytes {
                    buf.extend_from_slice(&available[..take]);
                }
                self.reader.consume(take + usize::from(done));
                if done {
                    break;
                }
            }
            if !saw_any {
                return Ok(None);
            }
            self.line_no += 1;
            if size > self.max_bytes {
                return Ok(Some(Record {
                    line: self.line_no,
                    data: Err(format!(
                        "record of {size} bytes exceeds the limit of {} bytes (see --max-bytes)",
                        self.max_bytes
                    )),
                }));
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Ok(Some(Record {
                line: self.line_no,
                data: Ok(buf),
            }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_capped_and_numbered() {
        let input = format!(
            "{{\"id\":\"a\",\"text\":\"x\"}}\n\n{}\n{{\"text\":\"y\"}}",
            "z".repeat(100)
        );
        let mut r = RecordReader::new(input.as_bytes(), 50);
        let first = r.next_record().unwrap().unwrap();
        assert_eq!((first.line, first.data.is_ok()), (1, true));
        let long = r.next_record().unwrap().unwrap();
        assert_eq!(long.line, 3);
        assert!(long.data.unwrap_err().contains("exceeds"));
        let last = r.next_record().unwrap().unwrap();
        assert_eq!(last.line, 4);
        assert_eq!(last.data.unwrap(), b"{\"text\":\"y\"}");
        assert!(r.next_record().unwrap().is_none());
    }

    #[test]
    fn record_fields() {
        let (id, text) = record_text(br#"{"id": 7, "body": "Hello."}"#, "body");
        assert_eq!(id.as_deref(), Some("7"));
        assert_eq!(text.unwrap(), "Hello.");
        let (_, text) = record_text(br#"{"text": 1}"#, "text");
        assert!(text.is_err());
        let (_, text) = record_text(b"not json", "text");
        assert!(text.unwrap_err().contains("bad JSON"));
    }

    #[test]
    fn plain_documents_are_decoded_and_cleaned() {
        let options = Options::default();
        let doc = Doc::Bytes(Ok(b"A short title\n\nThe story is told here in one sentence that is long enough.\n\nAdd new comment".to_vec()));
        let a = clean_doc(doc, "s", &options).unwrap();
        assert_eq!(a.title.as_deref(), Some("A short title"));
        assert_eq!(a.source.as_deref(), Some("s"));
        assert!(!a.text.contains("comment"));
        let binary = Doc::Bytes(Ok(b"\x89PNG\r\n\x1a\n\0\0\0".to_vec()));
        assert!(clean_doc(binary, "b", &options).is_err());
        let empty = Doc::Text(Ok(String::new()));
        assert!(clean_doc(empty, "e", &options).is_err());
    }
}
