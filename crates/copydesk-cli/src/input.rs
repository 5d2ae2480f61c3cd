//! What the batch commands (`extract`, `clean`) share: their inputs — files, stdin and
//! manifest lines, each turned into one job, its bytes read with transparent gzip and a size
//! cap — and their JSON Lines output and exit status.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use flate2::read::MultiGzDecoder;
use serde::{Deserialize, Serialize};

use crate::{EXIT_FAILED, EXIT_USAGE};

/// The first two bytes of every gzip stream.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Where a job's bytes come from.
#[derive(Debug, Clone, PartialEq)]
pub enum Location {
    Stdin,
    File(PathBuf),
    /// The job could not even be described (a malformed manifest line): fails with this reason.
    Invalid(String),
}

/// One input to extract, in the order it was given.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// How the input is named in output and errors: the path as given, `-`, or
    /// `MANIFEST:LINE` for a manifest line that could not be read.
    pub source: String,
    pub location: Location,
    /// The page's URL, when the manifest gives one.
    pub url: Option<String>,
}

impl Job {
    /// A job for a command-line argument (`-` = stdin).
    pub fn from_arg(arg: &Path) -> Job {
        let location = if arg == Path::new("-") {
            Location::Stdin
        } else {
            Location::File(arg.to_path_buf())
        };
        Job {
            source: arg.display().to_string(),
            location,
            url: None,
        }
    }
}

#[derive(Deserialize)]
struct ManifestLine {
    path: String,
    #[serde(default)]
    url: Option<String>,
}

/// Reads a manifest: one JSON object a line, `{"path": …, "url": …}` (`url` optional), blank
/// lines skipped. Relative paths are taken relative to the manifest's own directory. A
/// malformed line becomes a job that fails with the reason, so every line is accounted for.
pub fn read_manifest(path: &Path) -> io::Result<Vec<Job>> {
    let text = std::fs::read_to_string(path)?;
    let base = path.parent().unwrap_or(Path::new(""));
    Ok(parse_manifest(&text, base, &path.display().to_string()))
}

fn parse_manifest(text: &str, base: &Path, manifest_name: &str) -> Vec<Job> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(
            |(index, line)| match serde_json::from_str::<ManifestLine>(line) {
                Ok(entry) => Job {
                    source: entry.path.clone(),
                    location: Location::File(base.join(&entry.path)),
                    url: entry.url,
                },
                Err(error) => Job {
                    source: format!("{manifest_name}:{}", index + 1),
                    location: Location::Invalid(format!("bad manifest line: {error}")),
                    url: None,
                },
            },
        )
        .collect()
}

/// Reads a job's bytes, decompressing gzip (recognised by its magic bytes, whatever the file
/// name), and refuses more than `max_bytes` (after decompression) without reading further.
pub fn read_job(location: &Location, max_bytes: usize) -> Result<Vec<u8>, String> {
    match location {
        Location::Invalid(reason) => Err(reason.clone()),
        Location::Stdin => read_capped(BufReader::new(io::stdin().lock()), max_bytes),
        Location::File(path) => {
            let file = File::open(path).map_err(|e| format!("cannot open: {e}"))?;
            read_capped(BufReader::new(file), max_bytes)
        }
    }
}

fn read_capped(mut reader: impl BufRead, max_bytes: usize) -> Result<Vec<u8>, String> {
    let head = reader.fill_buf().map_err(|e| format!("cannot read: {e}"))?;
    let gzipped = head.starts_with(&GZIP_MAGIC);
    let mut bytes = Vec::new();
    let cap = max_bytes.saturating_add(1) as u64;
    if gzipped {
        MultiGzDecoder::new(reader)
            .take(cap)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("truncated or corrupt gzip data: {e}"))?;
    } else {
        reader
            .take(cap)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read: {e}"))?;
    }
    if bytes.len() > max_bytes {
        let what = if gzipped {
            "decompressed input"
        } else {
            "input"
        };
        return Err(format!(
            "{what} is larger than the limit of {max_bytes} bytes (raise it with --max-bytes)"
        ));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use std::io::Write;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn plain_and_gzipped_bytes_read_the_same() {
        let page = b"<html><p>Hello</p></html>";
        assert_eq!(read_capped(&page[..], 100).unwrap(), page);
        assert_eq!(read_capped(&gzip(page)[..], 100).unwrap(), page);
    }

    #[test]
    fn truncated_gzip_is_a_clear_error() {
        let compressed = gzip(&b"<p>some words</p>".repeat(200));
        let error = read_capped(&compressed[..compressed.len() / 2], 1 << 20).unwrap_err();
        assert!(error.contains("truncated or corrupt gzip"), "{error}");
    }

    #[test]
    fn size_cap_applies_after_decompression() {
        let page = vec![b'a'; 1000];
        assert!(read_capped(&page[..], 1000).is_ok());
        let error = read_capped(&page[..], 999).unwrap_err();
        assert!(
            error.starts_with("input is larger than the limit of 999"),
            "{error}"
        );
        let error = read_capped(&gzip(&page)[..], 999).unwrap_err();
        assert!(error.starts_with("decompressed input"), "{error}");
    }

    #[test]
    fn manifest_lines_become_jobs_relative_to_the_manifest() {
        let text = "{\"path\": \"a.html\", \"url\": \"https://example.org/a\"}\n\n\
                    {\"path\": \"/abs/b.html\"}\nnot json\n{\"url\": \"x\"}\n";
        let jobs = parse_manifest(text, Path::new("/data"), "m.jsonl");
        assert_eq!(jobs.len(), 4);
        assert_eq!(jobs[0].location, Location::File("/data/a.html".into()));
        assert_eq!(jobs[0].url.as_deref(), Some("https://example.org/a"));
        assert_eq!(jobs[0].source, "a.html");
        assert_eq!(jobs[1].location, Location::File("/abs/b.html".into()));
        assert_eq!(jobs[2].source, "m.jsonl:4");
        assert!(matches!(jobs[2].location, Location::Invalid(_)));
        assert_eq!(jobs[3].source, "m.jsonl:5");
    }
}

/// The JSON line of a failed input, shared by every batch command.
#[derive(Serialize)]
pub struct Failure<'a> {
    pub source: &'a str,
    pub error: &'a str,
}

/// What one input of a batch came to: its article, or why it failed.
pub type Outcome = Result<copydesk::Article, String>;

/// Writes an input's outcome as one JSON line: the article record, or a [`Failure`].
pub fn write_json_line(out: &mut impl Write, source: &str, outcome: &Outcome) -> io::Result<()> {
    match outcome {
        Ok(article) => serde_json::to_writer(&mut *out, article)?,
        Err(error) => serde_json::to_writer(&mut *out, &Failure { source, error })?,
    }
    out.write_all(b"\n")
}

/// Refuses (with a message on stderr) a job list that reads stdin more than once.
pub fn stdin_read_once(jobs: &[Job]) -> Result<(), ExitCode> {
    let readers = jobs
        .iter()
        .filter(|j| j.location == Location::Stdin)
        .count();
    if readers > 1 {
        eprintln!("copydesk: stdin (-) can be read only once");
        return Err(ExitCode::from(EXIT_USAGE));
    }
    Ok(())
}

/// The exit status of a batch command from its count of failed inputs, or from the error that
/// stopped its output (a closed pipe is the reader's choice, not a failure).
pub fn exit_status(result: io::Result<usize>) -> ExitCode {
    match result {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(EXIT_FAILED),
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("copydesk: cannot write output: {error}");
            ExitCode::from(EXIT_FAILED)
        }
    }
}
