//! Text mode's speed on naive renders of a dataset's pages: renders every page once, then
//! times `copydesk::clean_text` alone on one thread (CPU time), `--rounds N` times over.
//!
//! `cargo run --release -p copydesk-eval --example bench_clean -- DATASET_DIR [--rounds N]`

mod common;

use copydesk_eval::lines::render_record;
use copydesk_eval::Filter;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: bench_clean DATASET_DIR [--rounds N]");
        std::process::exit(2);
    };
    let rounds: usize = match (args.next().as_deref(), args.next()) {
        (Some("--rounds"), Some(n)) => n.parse().unwrap_or(1),
        _ => 1,
    };
    let ds = common::load_or_exit(dir.as_ref(), &Filter::default());
    let texts: Vec<String> = ds
        .records
        .iter()
        .filter_map(|r| render_record(&ds, r))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum::<usize>() * rounds;
    let options = copydesk::Options::default();
    let start = cpu_time::ThreadTime::now();
    for _ in 0..rounds {
        for t in &texts {
            std::hint::black_box(copydesk::clean_text(t, &options).ok());
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} documents x {rounds}: {:.1} MB in {:.3} s CPU = {:.1} MB/s on one thread",
        texts.len(),
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs.max(1e-9)
    );
}
