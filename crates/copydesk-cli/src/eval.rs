//! `copydesk eval`: scores copydesk (or another tool's predictions) on gold datasets, prints
//! the table or JSON, and checks accuracy floors. The work is in the `copydesk-eval` crate.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use copydesk_eval::{floor, predict, DatasetReport, EvalConfig, Filter, Progress, System};
use indicatif::ProgressBar;

use crate::{progress, FavorArg, ParserArg, EXIT_FAILED, EXIT_USAGE};

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Dataset directories (NAME/gold.jsonl + NAME/pages/ID.html.gz).
    #[arg(required = true)]
    datasets: Vec<PathBuf>,
    /// Print machine-readable JSON instead of tables.
    #[arg(long)]
    json: bool,
    /// List the N worst pages with what was missed and what leaked.
    #[arg(long, default_value_t = 0, value_name = "N")]
    worst: usize,
    /// Only the first N pages (after the other filters).
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Extraction threads (0 = all cores). CPU ms stay per-thread CPU time either way.
    #[arg(long, default_value_t = 1)]
    threads: usize,
    /// Only pages of this page_type.
    #[arg(long, value_name = "T")]
    page_type: Option<String>,
    /// Only these page ids (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "ID,ID")]
    ids: Vec<String>,
    /// Score another tool's output (JSON Lines, see the copydesk-eval crate doc) instead of
    /// running copydesk. Takes exactly one dataset.
    #[arg(long, value_name = "FILE.jsonl")]
    predictions: Option<PathBuf>,
    /// The system name shown for --predictions (default: the file's stem).
    #[arg(long, requires = "predictions")]
    name: Option<String>,
    /// copydesk's precision/recall bias for this run.
    #[arg(long, value_enum, default_value_t = FavorArg::Balanced)]
    favor: FavorArg,
    /// The HTML parser.
    #[arg(long, value_enum, default_value_t = ParserArg::Fast)]
    parser: ParserArg,
    /// Fail if a measured value falls below the accuracy floor recorded in FILE (the first
    /// line containing `<!-- accuracy-floor: {JSON} -->`).
    #[arg(long, value_name = "FILE")]
    floor: Option<PathBuf>,
    /// How far below a recorded floor a value may fall.
    #[arg(long, default_value_t = 0.005)]
    floor_tolerance: f64,
}

/// Progress of the copydesk run over one dataset, as a bar on a terminal.
struct BarProgress {
    bar: std::sync::Mutex<Option<ProgressBar>>,
}

impl Progress for BarProgress {
    fn start(&self, dataset: &str, pages: usize) {
        let bar = progress::bar(pages, true);
        bar.set_prefix(dataset.to_string());
        if let Ok(mut slot) = self.bar.lock() {
            *slot = Some(bar);
        }
    }

    fn page_done(&self) {
        if let Ok(slot) = self.bar.lock() {
            if let Some(bar) = slot.as_ref() {
                bar.inc(1);
            }
        }
    }

    fn finish(&self) {
        if let Ok(mut slot) = self.bar.lock() {
            if let Some(bar) = slot.take() {
                bar.finish_and_clear();
            }
        }
    }
}

/// Writes results to stdout; a closed pipe (`| head`) is not an error worth a panic.
fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

pub fn run(args: EvalArgs) -> ExitCode {
    let system = match &args.predictions {
        Some(path) if args.datasets.len() != 1 => {
            eprintln!(
                "copydesk: --predictions {} scores one dataset; {} given",
                path.display(),
                args.datasets.len()
            );
            return ExitCode::from(EXIT_USAGE);
        }
        Some(path) => System::Predictions {
            path: path.clone(),
            name: args.name.clone().unwrap_or_else(|| {
                path.file_stem()
                    .map_or("predictions".into(), |s| s.to_string_lossy().into_owned())
            }),
        },
        None => System::Copydesk(predict::RunConfig {
            options: copydesk::Options {
                favor: args.favor.into(),
                parser: args.parser.into(),
                ..copydesk::Options::default()
            },
            threads: if args.threads == 0 {
                std::thread::available_parallelism().map_or(1, |n| n.get())
            } else {
                args.threads
            },
        }),
    };
    // Read the floors first: a bad floor file should fail before a long run, not after.
    let floors = match &args.floor {
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|doc| floor::parse_floors(&doc))
        {
            Ok(floors) => Some(floors),
            Err(error) => {
                eprintln!("copydesk: accuracy floor {}: {error}", path.display());
                return ExitCode::from(EXIT_USAGE);
            }
        },
        None => None,
    };
    let config = EvalConfig {
        filter: Filter {
            ids: args.ids.clone(),
            page_type: args.page_type.clone(),
            limit: args.limit,
        },
        system,
        worst: args.worst,
    };
    let progress = BarProgress {
        bar: std::sync::Mutex::new(None),
    };
    let mut reports: Vec<DatasetReport> = Vec::new();
    let mut failed = false;
    for dir in &args.datasets {
        match copydesk_eval::evaluate_dataset(dir, &config, &progress) {
            Ok(report) => {
                if report.unmatched_predictions > 0 {
                    eprintln!(
                        "copydesk: {}: {} predictions have ids not in the dataset (ignored)",
                        report.name, report.unmatched_predictions
                    );
                }
                if !args.json {
                    emit(&copydesk_eval::report::render_text(std::slice::from_ref(
                        &report,
                    )));
                }
                reports.push(report);
            }
            Err(error) => {
                eprintln!("copydesk: dataset {}: {error}", dir.display());
                failed = true;
            }
        }
    }
    if args.json {
        match copydesk_eval::to_json(&reports) {
            Ok(json) => emit(&format!("{json}\n")),
            Err(error) => {
                eprintln!("copydesk: cannot serialise results: {error}");
                failed = true;
            }
        }
    }
    if let Some(floors) = &floors {
        let check = floor::check_floors(floors, &reports, args.floor_tolerance);
        for dataset in &check.not_run {
            eprintln!("accuracy floor: {dataset} not evaluated in this run; its floors skipped");
        }
        for message in &check.failed {
            eprintln!("accuracy floor FAILED: {message}");
        }
        if check.failed.is_empty() {
            eprintln!("accuracy floor: {} checks passed", check.passed.len());
        } else {
            failed = true;
        }
    }
    if failed {
        ExitCode::from(EXIT_FAILED)
    } else {
        ExitCode::SUCCESS
    }
}
