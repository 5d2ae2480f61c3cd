//! `copydesk warc IN... -o OUT`: WARC files in, one JSONL / JSONL.gz / Parquet file out per
//! input, extracted on all cores, every record accounted for (see the `copydesk-warc` crate).
//!
//! OUT is a file when there is one input and OUT is not an existing directory nor ends in
//! `/`; otherwise it is a directory and each input `NAME.warc[.gz]` becomes `OUT/NAME.EXT`.
//! The format comes from `--format`, else from OUT's extension, else JSONL. A summary goes to
//! stderr (and, with `--stats-json`, to a file). Exit status 1 when a file could not be
//! processed at all; record-level failures are counted, not fatal.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use copydesk_warc::{process_warc, OutputFormat, Stats, WarcOptions};

use crate::{FavorArg, ParserArg, EXIT_FAILED, EXIT_USAGE};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WarcFormat {
    Jsonl,
    JsonlGz,
    Parquet,
}

impl From<WarcFormat> for OutputFormat {
    fn from(f: WarcFormat) -> Self {
        match f {
            WarcFormat::Jsonl => OutputFormat::Jsonl,
            WarcFormat::JsonlGz => OutputFormat::JsonlGz,
            WarcFormat::Parquet => OutputFormat::Parquet,
        }
    }
}

#[derive(Debug, Args)]
pub struct WarcArgs {
    /// WARC files (WARC 1.0/1.1; plain, gzip per record or gzip whole).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output file (one input) or directory.
    #[arg(short, long)]
    output: PathBuf,
    /// Output format (default: from the output's extension, else jsonl).
    #[arg(long, value_enum)]
    format: Option<WarcFormat>,
    /// Skip inputs whose output is complete (has its `.done` marker).
    #[arg(long)]
    resume: bool,
    /// Extraction threads (0 = all cores).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// Write the stats of every file and the total as JSON here.
    #[arg(long)]
    stats_json: Option<PathBuf>,
    /// Skip records with a block longer than this many bytes.
    #[arg(long, default_value_t = WarcOptions::default().max_record_bytes)]
    max_record_bytes: u64,
    /// Also extract responses whose HTTP status is not 2xx.
    #[arg(long)]
    all_statuses: bool,
    /// Lean toward keeping doubtful blocks (recall) or dropping them (precision).
    #[arg(long, value_enum, default_value_t = FavorArg::Balanced)]
    favor: FavorArg,
    /// The HTML parser.
    #[arg(long, value_enum, default_value_t = ParserArg::Fast)]
    parser: ParserArg,
    /// Add the Markdown rendering of each article.
    #[arg(long)]
    markdown: bool,
    /// Add the clean HTML rendering of each article.
    #[arg(long)]
    html: bool,
    /// Return comment sections (separately from the body).
    #[arg(long)]
    comments: bool,
    /// No progress bar (it is drawn only when stderr is a terminal anyway).
    #[arg(long)]
    no_progress: bool,
}

/// The file name stem of a WARC input: `a/b/CC-1.warc.gz` → `CC-1`.
fn warc_stem(input: &Path) -> String {
    let name = input
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "input".to_string());
    let mut stem = name.as_str();
    for suffix in [".gz", ".warc", ".arc"] {
        if let Some(s) = stem.strip_suffix(suffix) {
            stem = s;
        }
    }
    if stem.is_empty() {
        name
    } else {
        stem.to_string()
    }
}

fn output_paths(args: &WarcArgs, format: Option<OutputFormat>) -> Vec<PathBuf> {
    let as_dir = args.inputs.len() > 1
        || args.output.is_dir()
        || args.output.to_string_lossy().ends_with('/');
    if !as_dir {
        return vec![args.output.clone()];
    }
    let ext = format.unwrap_or(OutputFormat::Jsonl).extension();
    args.inputs
        .iter()
        .map(|input| args.output.join(format!("{}.{ext}", warc_stem(input))))
        .collect()
}

pub fn run(args: WarcArgs) -> ExitCode {
    let format = args.format.map(OutputFormat::from);
    let outputs = output_paths(&args, format);
    let mut seen = std::collections::HashSet::new();
    if let Some(dup) = outputs.iter().find(|o| !seen.insert(o.as_path())) {
        eprintln!(
            "copydesk: two inputs would write {}; rename one of them",
            dup.display()
        );
        return ExitCode::from(EXIT_USAGE);
    }
    let extract = copydesk::Options {
        favor: args.favor.into(),
        parser: args.parser.into(),
        markdown: args.markdown,
        html: args.html,
        include_comments: args.comments,
        ..copydesk::Options::default()
    };
    let options = WarcOptions {
        extract,
        format,
        threads: args.threads,
        max_record_bytes: args.max_record_bytes,
        resume: args.resume,
        progress: !args.no_progress && std::io::stderr().is_terminal(),
        only_2xx: !args.all_statuses,
        ..WarcOptions::default()
    };
    let start = std::time::Instant::now();
    let mut all = Vec::new();
    let mut total = Stats {
        input: format!("{} files", args.inputs.len()),
        output: args.output.to_string_lossy().into_owned(),
        ..Stats::default()
    };
    let mut file_errors = 0usize;
    for (input, output) in args.inputs.iter().zip(&outputs) {
        match process_warc(input, output, &options) {
            Ok(stats) => {
                if stats.resumed {
                    eprintln!("{}: already done (resume)", input.display());
                } else {
                    eprintln!("{}: {}", input.display(), stats.summary());
                }
                total.add(&stats);
                all.push(stats);
            }
            Err(e) => {
                eprintln!("copydesk: {}: {e}", input.display());
                file_errors += 1;
            }
        }
    }
    total.finish_timing(start.elapsed().as_secs_f64());
    if args.inputs.len() > 1 {
        eprintln!("total: {}", total.summary());
    }
    if let Some(path) = &args.stats_json {
        let json = serde_json::json!({ "files": all, "total": total, "file_errors": file_errors });
        let text = serde_json::to_string_pretty(&json).unwrap_or_default();
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("copydesk: {}: {e}", path.display());
            return ExitCode::from(EXIT_FAILED);
        }
    }
    if file_errors > 0 {
        ExitCode::from(EXIT_FAILED)
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_drop_warc_suffixes() {
        assert_eq!(warc_stem(Path::new("a/CC-1.warc.gz")), "CC-1");
        assert_eq!(warc_stem(Path::new("b.warc")), "b");
        assert_eq!(warc_stem(Path::new("plain")), "plain");
    }
}
