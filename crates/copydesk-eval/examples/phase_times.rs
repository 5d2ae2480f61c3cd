//! Where extraction's CPU goes: per-page CPU milliseconds of each pipeline phase — decode,
//! parse, metadata, prune, select, render — over a dataset, on one thread, next to the whole
//! `copydesk::extract` call on the same page.
//!
//! `cargo run --release -p copydesk-eval --example phase_times -- DATASET_DIR [--limit N]
//! [--rounds N] [--parser fast|html5ever]`
//!
//! Pages are read and decompressed before any timing. Each phase is timed in CPU time of this
//! thread (`cpu_time::ThreadTime`), so other processes on a shared machine disturb it less than
//! wall-clock time. The phases follow `pipeline::extract_str` with default options: the
//! strict prune and one selection. The full call also pays for what the phases leave out
//! (the relaxed retry on short results, the dateline and the metadata clean-up), so the
//! phases need not add up to it. With `--rounds N` every page is run N times and each
//! phase's figure for a page is its fastest round (the least disturbed one).

mod common;

use std::path::PathBuf;
use std::time::Duration;

use copydesk::parse::{parse_html_with, ParseLimits};
use copydesk::{decode, metadata, prune, render, select, Options, Parser};
use copydesk_eval::Filter;
use cpu_time::ThreadTime;

/// The phases timed, in pipeline order; the last column is the whole `extract` call.
const PHASES: [&str; 7] = [
    "decode", "parse", "metadata", "prune", "select", "render", "extract",
];

fn main() {
    let mut dir = None;
    let mut filter = Filter::default();
    let mut rounds = 1usize;
    let mut parser = Parser::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--limit" => filter.limit = args.next().and_then(|n| n.parse().ok()),
            "--rounds" => rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(1),
            "--parser" => {
                parser = match args.next().as_deref() {
                    Some("html5ever") => Parser::Html5ever,
                    _ => Parser::Fast,
                }
            }
            _ => dir = Some(PathBuf::from(arg)),
        }
    }
    let Some(dir) = dir else {
        eprintln!(
            "usage: phase_times DATASET_DIR [--limit N] [--rounds N] [--parser fast|html5ever]"
        );
        std::process::exit(2);
    };
    let dataset = common::load_or_exit(&dir, &filter);
    let pages: Vec<(Vec<u8>, Option<String>)> = dataset
        .records
        .iter()
        .filter_map(|r| Some((dataset.read_page(&r.id).ok()?, r.url.clone())))
        .collect();
    // Per page, per phase: the fastest round's CPU time.
    let mut times: Vec<[Duration; PHASES.len()]> = Vec::with_capacity(pages.len());
    for (bytes, url) in &pages {
        let options = Options {
            url: url.clone(),
            parser,
            ..Options::default()
        };
        let mut best = [Duration::MAX; PHASES.len()];
        for _ in 0..rounds.max(1) {
            if let Some(round) = time_phases(bytes, &options) {
                for (b, t) in best.iter_mut().zip(round) {
                    *b = (*b).min(t);
                }
            }
        }
        if best[0] != Duration::MAX {
            times.push(best);
        }
    }
    print_table(&dataset.name, &times);
}

/// One page's CPU time per phase, or `None` when a phase fails (the page is left out).
fn time_phases(bytes: &[u8], options: &Options) -> Option<[Duration; PHASES.len()]> {
    let mut out = [Duration::ZERO; PHASES.len()];
    let clock = ThreadTime::now();
    let mut lap = |i: usize, since: &mut Duration| {
        let now = clock.elapsed();
        out[i] = now - *since;
        *since = now;
    };
    let mut since = Duration::ZERO;
    let decoded = decode::decode_html(bytes, options.charset.as_deref(), options.url.as_deref());
    lap(0, &mut since);
    let decoded = decoded.ok()?;
    let limits = ParseLimits {
        max_nodes: options.max_nodes,
        max_depth: options.max_depth,
        deadline: None,
    };
    let dom = parse_html_with(&decoded.text, options.parser, limits);
    lap(1, &mut since);
    let mut dom = dom.ok()?;
    let meta = metadata::extract(&dom, options.url.as_deref());
    lap(2, &mut since);
    prune::prune(&mut dom, options, prune::Level::Strict);
    lap(3, &mut since);
    let blocks = select::select(&dom, &meta, options);
    lap(4, &mut since);
    std::hint::black_box(render::to_text(&blocks));
    lap(5, &mut since);
    std::hint::black_box(copydesk::extract(bytes, options).ok());
    lap(6, &mut since);
    Some(out)
}

fn print_table(name: &str, times: &[[Duration; PHASES.len()]]) {
    println!("\n### {name}: {} pages, CPU ms per page\n", times.len());
    println!("| phase | mean | median | share of extract (means) |");
    println!("|---|---|---|---|");
    let ms = |d: &Duration| d.as_secs_f64() * 1000.0;
    let extract_mean = mean(times.iter().map(|t| ms(&t[PHASES.len() - 1])));
    for (i, phase) in PHASES.iter().enumerate() {
        let mut column: Vec<f64> = times.iter().map(|t| ms(&t[i])).collect();
        let phase_mean = mean(column.iter().copied());
        println!(
            "| {phase} | {phase_mean:.3} | {:.3} | {:.0} % |",
            median(&mut column),
            100.0 * phase_mean / extract_mean.max(1e-9)
        );
    }
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    sum / n.max(1) as f64
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => 0.0,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}
