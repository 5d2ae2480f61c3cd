//! Development aid: the ceiling of a line filter on the line-labelled evaluation — the
//! shingle F1 of keeping exactly the lines the gold labels body, and of text mode's output
//! cut to the span from the first to the last gold body line (and at either end alone: where
//! the distance to the ceiling lies, above the story or below it).
//!
//! `cargo run --release -p copydesk-eval --example oracle_lines -- DATASET_DIR [--page-type TYPE]`

mod common;

use copydesk_eval::lines::{label_lines, render_record, Filter, LineLabel, Tally};
use copydesk_eval::{Filter as PageFilter, GoldRecord};
use rayon::prelude::*;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: oracle_lines DATASET_DIR [--page-type TYPE]");
        std::process::exit(2);
    };
    let mut filter = PageFilter::default();
    while let Some(a) = args.next() {
        if a == "--page-type" {
            filter.page_type = args.next();
        }
    }
    let ds = common::load_or_exit(dir.as_ref(), &filter);
    let usable: Vec<&GoldRecord> = ds.records.iter().filter(|r| r.body.is_some()).collect();
    let tallies: Vec<[Tally; 6]> = usable
        .par_iter()
        .filter_map(|r| {
            let text = render_record(&ds, r)?;
            let lines: Vec<&str> = text.split('\n').collect();
            let labels = label_lines(&lines, r);
            let oracle: Vec<bool> = labels.iter().map(|l| *l == LineLabel::Body).collect();
            let first = labels.iter().position(|l| *l == LineLabel::Body);
            let last = labels.iter().rposition(|l| *l == LineLabel::Body);
            let clean = Filter::Copydesk.keep(&text);
            let cut = |keep: &[bool], at_start: bool, at_end: bool| -> Vec<bool> {
                keep.iter()
                    .enumerate()
                    .map(|(i, k)| {
                        *k && (!at_start || first.is_some_and(|f| i >= f))
                            && (!at_end || last.is_some_and(|e| i <= e))
                    })
                    .collect()
            };
            let raw_span = cut(&vec![true; lines.len()], true, true);
            let clean_span = cut(&clean, true, true);
            let clean_start = cut(&clean, true, false);
            let clean_end = cut(&clean, false, true);
            if std::env::var_os("ORACLE_PAGES").is_some() {
                let kept: Vec<&str> = lines
                    .iter()
                    .zip(&oracle)
                    .filter(|(_, k)| **k)
                    .map(|(l, _)| *l)
                    .collect();
                let s = copydesk_eval::metrics::shingle_score(
                    r.body.as_deref().unwrap_or(""),
                    &kept.join("\n"),
                );
                let raw =
                    copydesk_eval::metrics::shingle_score(r.body.as_deref().unwrap_or(""), &text);
                eprintln!(
                    "PAGE\t{}\t{:.3}\t{:.3}\t{:.3}",
                    r.id,
                    s.precision().unwrap_or(-1.0),
                    s.recall(),
                    raw.recall()
                );
            }
            let mut t: [Tally; 6] = Default::default();
            let keeps = [
                &oracle,
                &raw_span,
                &clean_span,
                &clean_start,
                &clean_end,
                &clean,
            ];
            for (tally, keep) in t.iter_mut().zip(keeps) {
                tally.add_page(&text, keep, r);
            }
            Some(t)
        })
        .collect();
    let names = [
        "gold line labels",
        "raw text cut to the gold body span",
        "copydesk clean cut to the gold body span",
        "copydesk clean cut above the first gold body line only",
        "copydesk clean cut below the last gold body line only",
        "copydesk clean",
    ];
    let mut sums: [Tally; 6] = Default::default();
    for t in &tallies {
        for (s, x) in sums.iter_mut().zip(t) {
            s.merge(x);
        }
    }
    println!("| filter | line P | line R | shingle P | shingle R | shingle F1 | empty |");
    println!("|---|---|---|---|---|---|---|");
    let f = |x: Option<f64>| x.map_or("–".to_owned(), |v| format!("{v:.3}"));
    for (n, t) in names.iter().zip(&sums) {
        println!(
            "| {n} | {} | {} | {} | {} | {} | {} |",
            f(t.line_precision()),
            f(t.line_recall()),
            f(t.shingle_precision()),
            f(t.shingle_recall()),
            f(t.shingle_f1()),
            t.empty_outputs
        );
    }
}
