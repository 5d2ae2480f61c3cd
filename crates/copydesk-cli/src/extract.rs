//! `copydesk extract`: one page to text/Markdown/HTML/JSON, or many pages on all cores to JSON
//! Lines in input order.
//!
//! Output rules:
//! - One input (a file or stdin, no manifest): `--format text|markdown|html` prints that
//!   rendering of the body (with `--comments`, the comments follow under a separator);
//!   `--format json` prints the article record as one JSON object. A failure prints
//!   `copydesk: SOURCE: REASON` on stderr (text formats) or `{"source", "error"}` (json).
//! - More than one input, or a manifest: always JSON Lines, one object an input, in input
//!   order, whatever `--format` says; `--format markdown|html` adds the `markdown`/`html`
//!   field to each record. A failed input is a `{"source": …, "error": …}` line and the
//!   others are still processed; a summary line goes to stderr.
//!
//! The exit status is 1 when any input failed.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use clap::{Args, ValueEnum};
use copydesk::{Article, Options};
use rayon::iter::{ParallelBridge, ParallelIterator};

use crate::input::{self, Job};
use crate::{progress, FavorArg, ParserArg, EXIT_USAGE};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Output: one input prints the chosen rendering (json: one record). \
Several inputs or --manifest print JSON Lines, one record an input, in input order; a failed \
input is {\"source\": …, \"error\": …} and the others are still processed, with a summary on \
stderr. Exit status: 0 all extracted, 1 some input failed, 2 usage error."
)]
pub struct ExtractArgs {
    /// HTML files, plain or gzipped (detected by content); `-` or none reads stdin.
    files: Vec<PathBuf>,
    /// Output format. With more than one input the output is JSON Lines whatever the format;
    /// markdown/html then add a `markdown`/`html` field to each record.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// The page's URL (resolves links, feeds URL-based signals); a manifest line's `url`
    /// takes precedence.
    #[arg(long)]
    url: Option<String>,
    /// The charset the transport declared (HTTP Content-Type), tried after a BOM.
    #[arg(long)]
    charset: Option<String>,
    /// Lean toward keeping doubtful blocks (recall) or dropping them (precision).
    #[arg(long, value_enum, default_value_t = FavorArg::Balanced)]
    favor: FavorArg,
    /// Return the comment section (separately from the body).
    #[arg(long)]
    comments: bool,
    /// The HTML parser.
    #[arg(long, value_enum, default_value_t = ParserArg::Fast)]
    parser: ParserArg,
    /// Refuse inputs larger than this many bytes (after decompression).
    #[arg(long, default_value_t = Options::default().max_input_bytes)]
    max_bytes: usize,
    /// Give up on a page after this many milliseconds (0 = no limit).
    #[arg(long, default_value_t = default_time_limit_ms())]
    time_limit_ms: u64,
    /// Worker threads for many inputs (0 = all cores).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// A JSON Lines file of inputs, `{"path": …, "url": …}` a line (`url` optional); relative
    /// paths are relative to the manifest's directory. Processed after FILES.
    #[arg(long)]
    manifest: Option<PathBuf>,
}

pub(crate) fn default_time_limit_ms() -> u64 {
    Options::default()
        .time_limit
        .map_or(0, |limit| limit.as_millis().try_into().unwrap_or(u64::MAX))
}

impl ExtractArgs {
    fn options(&self) -> Options {
        Options {
            url: self.url.clone(),
            charset: self.charset.clone(),
            favor: self.favor.into(),
            parser: self.parser.into(),
            include_comments: self.comments,
            markdown: self.format == Format::Markdown,
            html: self.format == Format::Html,
            max_input_bytes: self.max_bytes,
            time_limit: (self.time_limit_ms > 0).then(|| Duration::from_millis(self.time_limit_ms)),
            ..Options::default()
        }
    }
}

pub fn run(args: ExtractArgs) -> ExitCode {
    let mut jobs: Vec<Job> = args.files.iter().map(|f| Job::from_arg(f)).collect();
    if let Some(manifest) = &args.manifest {
        match input::read_manifest(manifest) {
            Ok(listed) => jobs.extend(listed),
            Err(error) => {
                eprintln!(
                    "copydesk: cannot read manifest {}: {error}",
                    manifest.display()
                );
                return ExitCode::from(EXIT_USAGE);
            }
        }
    } else if jobs.is_empty() {
        jobs.push(Job::from_arg(std::path::Path::new("-")));
    }
    if let Err(status) = input::stdin_read_once(&jobs) {
        return status;
    }
    let options = args.options();
    let batch = jobs.len() > 1 || args.manifest.is_some();
    let result = if batch {
        run_batch(&jobs, &options, &args)
    } else {
        run_single(&jobs, &options, &args)
    };
    input::exit_status(result)
}

fn process(job: &Job, options: &Options) -> input::Outcome {
    let bytes = input::read_job(&job.location, options.max_input_bytes)?;
    let mut options = options.clone();
    if job.url.is_some() {
        options.url = job.url.clone();
    }
    let mut article = copydesk::extract(&bytes, &options).map_err(|e| e.to_string())?;
    article.source = Some(job.source.clone());
    Ok(article)
}

/// One input; returns the number of failed inputs (0 or 1).
fn run_single(jobs: &[Job], options: &Options, args: &ExtractArgs) -> io::Result<usize> {
    let mut out = io::stdout().lock();
    let mut failed = 0;
    for job in jobs {
        let outcome = process(job, options);
        match (args.format, outcome) {
            (Format::Json, outcome) => {
                failed += usize::from(outcome.is_err());
                input::write_json_line(&mut out, &job.source, &outcome)?;
            }
            (format, Ok(article)) => write_rendering(&mut out, format, &article)?,
            (_, Err(error)) => {
                failed += 1;
                eprintln!("copydesk: {}: {error}", job.source);
            }
        }
    }
    out.flush()?;
    Ok(failed)
}

fn write_rendering(out: &mut impl Write, format: Format, article: &Article) -> io::Result<()> {
    let body = match format {
        Format::Markdown => article.markdown.as_deref(),
        Format::Html => article.html.as_deref(),
        Format::Text | Format::Json => None,
    }
    .unwrap_or(&article.text);
    out.write_all(body.as_bytes())?;
    if !body.ends_with('\n') {
        out.write_all(b"\n")?;
    }
    if let Some(comments) = article.comments.as_deref().filter(|c| !c.is_empty()) {
        let separator = match format {
            Format::Markdown => "\n## Comments\n\n",
            Format::Html => "<hr>\n",
            Format::Text | Format::Json => "\n-- comments --\n\n",
        };
        out.write_all(separator.as_bytes())?;
        if format == Format::Html {
            out.write_all(b"<section class=\"comments\"><pre>")?;
            out.write_all(escape_html(comments).as_bytes())?;
            out.write_all(b"</pre></section>\n")?;
        } else {
            out.write_all(comments.as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Many inputs on a thread pool, written as JSON Lines in input order as soon as each is next
/// in line; returns the number of failed inputs.
fn run_batch(jobs: &[Job], options: &Options, args: &ExtractArgs) -> io::Result<usize> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads)
        .build()
        .map_err(io::Error::other)?;
    let bar = progress::bar(jobs.len(), true);
    // Bounded, so finished pages wait in the channel instead of piling up in memory when
    // stdout is slow; the reorder buffer holds only pages that finished ahead of a slow one.
    let (sender, receiver) =
        mpsc::sync_channel::<(usize, input::Outcome)>(pool.current_num_threads() * 4);
    let cancelled_flag = AtomicBool::new(false);
    let cancelled = &cancelled_flag;
    let pool = &pool;
    let mut failed = 0;
    let mut written = 0;
    let result = std::thread::scope(|scope| {
        scope.spawn(move || {
            pool.install(|| {
                jobs.iter().enumerate().par_bridge().for_each_with(
                    sender,
                    |sender, (index, job)| {
                        if cancelled.load(Ordering::Relaxed) {
                            return;
                        }
                        // A closed receiver means the writer gave up; nothing left to do.
                        let _ = sender.send((index, process(job, options)));
                    },
                );
            });
        });
        let mut out = io::BufWriter::new(io::stdout().lock());
        let mut pending: BTreeMap<usize, input::Outcome> = BTreeMap::new();
        let write_result = (|| {
            for (index, outcome) in &receiver {
                bar.inc(1);
                pending.insert(index, outcome);
                while let Some(outcome) = pending.remove(&written) {
                    let source = jobs.get(written).map_or("", |j| j.source.as_str());
                    failed += usize::from(outcome.is_err());
                    input::write_json_line(&mut out, source, &outcome)?;
                    written += 1;
                }
            }
            out.flush()
        })();
        if write_result.is_err() {
            cancelled.store(true, Ordering::Relaxed);
        }
        drop(receiver);
        write_result
    });
    bar.finish_and_clear();
    result?;
    eprintln!(
        "copydesk: {} inputs: {} extracted, {} failed",
        jobs.len(),
        written - failed,
        failed
    );
    Ok(failed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Harness {
        #[command(flatten)]
        args: ExtractArgs,
    }

    fn parse(args: &[&str]) -> ExtractArgs {
        let mut argv = vec!["copydesk-extract"];
        argv.extend_from_slice(args);
        Harness::try_parse_from(argv).expect("valid arguments").args
    }

    #[test]
    fn flags_map_onto_library_options() {
        let args = parse(&[
            "--charset",
            "koi8-r",
            "--favor",
            "precision",
            "--comments",
            "--max-bytes",
            "10",
            "--time-limit-ms",
            "0",
            "--format",
            "html",
            "--url",
            "https://example.org/a",
            "page.html",
        ]);
        let options = args.options();
        assert_eq!(options.charset.as_deref(), Some("koi8-r"));
        assert_eq!(options.favor, copydesk::Favor::Precision);
        assert!(options.include_comments);
        assert_eq!(options.max_input_bytes, 10);
        assert_eq!(options.time_limit, None);
        assert!(options.html && !options.markdown);
        assert_eq!(options.url.as_deref(), Some("https://example.org/a"));
    }

    #[test]
    fn defaults_are_the_library_defaults() {
        let options = parse(&[]).options();
        let library = Options::default();
        assert_eq!(options.max_input_bytes, library.max_input_bytes);
        assert_eq!(options.time_limit, library.time_limit);
        assert_eq!(options.favor, library.favor);
        assert!(!options.include_comments && !options.markdown && !options.html);
    }

    fn rendered(format: Format, article: &Article) -> String {
        let mut out = Vec::new();
        write_rendering(&mut out, format, article).expect("writes to memory");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn comments_follow_the_body_under_a_separator() {
        let article = Article {
            text: "Body text.".into(),
            markdown: Some("# Body".into()),
            html: Some("<p>Body</p>".into()),
            comments: Some("Nice <b>story</b>".into()),
            ..Article::default()
        };
        assert_eq!(
            rendered(Format::Text, &article),
            "Body text.\n\n-- comments --\n\nNice <b>story</b>\n"
        );
        assert!(rendered(Format::Markdown, &article).starts_with("# Body\n\n## Comments"));
        let html = rendered(Format::Html, &article);
        assert!(html.contains("Nice &lt;b&gt;story&lt;/b&gt;"), "{html}");
        let plain = Article {
            comments: None,
            ..article
        };
        assert_eq!(rendered(Format::Text, &plain), "Body text.\n");
    }
}
