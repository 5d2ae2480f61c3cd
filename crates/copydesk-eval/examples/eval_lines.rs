//! Line-labelled evaluation of text mode (see `copydesk_eval::lines`):
//!
//! `cargo run --release -p copydesk-eval --example eval_lines -- DATASET_DIR... [--limit N]
//! [--page-type TYPE] [--worst N] [--label-every-copy] [--per-page FILE]`
//!
//! Renders every page of each dataset to naive visible text, runs the raw text, C4 rules,
//! Gopher rules and copydesk's text mode over it, and prints a Markdown table per dataset
//! (line recall twice: of the body alone, and of the record — body lines text mode moved
//! to the title, author or date field count as kept there, see
//! `copydesk_eval::lines::held_as_metadata`),
//! plus text mode's speed (single thread, CPU time of the cleaning call alone) and the share
//! of gold titles its title matches. With
//! `--worst N`, also the N pages where the default text mode drops the most body lines, with
//! the first of those lines (where recall is lost). With `--label-every-copy`, every copy of
//! a repeated body-like line is labelled body (the labelling before 2026-11-29 19:40; see
//! `Labelling`). With `--per-page FILE`, one TSV row a page and filter goes to FILE (dataset,
//! page id, filter, shingle P, shingle R): the metric averages over pages, so this shows
//! which pages a change moves.

use std::path::PathBuf;

use copydesk_eval::lines::{label_lines_as, render_record, Filter, Labelling, LineLabel, Tally};
use copydesk_eval::{metrics, Dataset, Filter as PageFilter, GoldRecord};
use rayon::prelude::*;

fn main() {
    let mut dirs = Vec::new();
    let mut limit = None;
    let mut page_type = None;
    let mut worst = 0usize;
    let mut labelling = Labelling::default();
    let mut per_page: Option<std::fs::File> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--limit" {
            limit = args.next().and_then(|n| n.parse().ok());
        } else if a == "--page-type" {
            page_type = args.next();
        } else if a == "--label-every-copy" {
            labelling = Labelling::EveryCopy;
        } else if a == "--per-page" {
            let Some(path) = args.next() else {
                eprintln!("--per-page needs a file");
                std::process::exit(2);
            };
            match std::fs::File::create(&path) {
                Ok(f) => per_page = Some(f),
                Err(e) => {
                    eprintln!("{path}: {e}");
                    std::process::exit(2);
                }
            }
        } else if a == "--worst" {
            worst = args.next().and_then(|n| n.parse().ok()).unwrap_or(0);
        } else {
            dirs.push(PathBuf::from(a));
        }
    }
    if dirs.is_empty() {
        eprintln!("usage: eval_lines DATASET_DIR... [--limit N] [--page-type TYPE] [--worst N] [--label-every-copy] [--per-page FILE]");
        std::process::exit(2);
    }
    let mut total_bytes = 0usize;
    let mut total_cpu = std::time::Duration::ZERO;
    for dir in &dirs {
        let filter = PageFilter {
            limit,
            page_type: page_type.clone(),
            ..PageFilter::default()
        };
        let ds = match Dataset::load(dir, &filter) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{}: {e}", dir.display());
                continue;
            }
        };
        let usable: Vec<&GoldRecord> = ds
            .records
            .iter()
            .filter(|r| r.body.is_some() || r.has_snippets())
            .collect();
        let rendered: Vec<(&GoldRecord, String)> = usable
            .par_iter()
            .filter_map(|r| Some((*r, render_record(&ds, r)?)))
            .collect();
        let tallies: Vec<Tally> = Filter::ALL
            .iter()
            .map(|f| {
                rendered
                    .par_iter()
                    .map(|(gold, text)| {
                        let mut t = Tally {
                            labelling,
                            ..Tally::default()
                        };
                        let (keep, held) = f.keep_and_hold(text);
                        t.add_page_with_record(text, &keep, &held, gold);
                        t
                    })
                    .reduce(Tally::default, |mut a, b| {
                        a.merge(&b);
                        a
                    })
            })
            .collect();
        if let Some(out) = per_page.as_mut() {
            write_per_page(out, &ds.name, &rendered);
        }
        let mut cpu = std::time::Duration::ZERO;
        let mut bytes = 0;
        let (mut titled, mut titles_right) = (0usize, 0usize);
        for (gold, text) in &rendered {
            let start = cpu_time::ThreadTime::now();
            let a = copydesk::clean_text(text, &copydesk::Options::default());
            cpu += start.elapsed();
            bytes += text.len();
            if let Some(title) = &gold.title {
                titled += 1;
                let predicted = a.as_ref().ok().and_then(|a| a.title.as_deref());
                titles_right += usize::from(metrics::title_matches(title, predicted));
            }
        }
        total_bytes += bytes;
        total_cpu += cpu;
        println!(
            "\n### {} ({} pages rendered, {:.1} MB of text)\n",
            ds.name,
            rendered.len(),
            bytes as f64 / 1e6
        );
        println!("| filter | line P | line R | line R, record | shingle P | shingle R | shingle F1 | empty | snippet F1 |");
        println!("|---|---|---|---|---|---|---|---|---|");
        let f = |x: Option<f64>| x.map_or("–".to_owned(), |v| format!("{v:.3}"));
        // Line recall to four places: the 0.98 bar sits within a few lines of it.
        let f4 = |x: Option<f64>| x.map_or("–".to_owned(), |v| format!("{v:.4}"));
        for (filter, t) in Filter::ALL.iter().zip(&tallies) {
            println!(
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                filter.name(),
                f(t.line_precision()),
                f4(t.line_recall()),
                f4(t.record_recall()),
                f(t.shingle_precision()),
                f(t.shingle_recall()),
                f(t.shingle_f1()),
                if t.shingle_pages > 0 {
                    t.empty_outputs.to_string()
                } else {
                    "–".into()
                },
                f(t.snippets.f1()),
            );
        }
        if titled > 0 {
            println!(
                "\ntext mode title: {titles_right} of {titled} gold titles ({:.3})",
                titles_right as f64 / titled as f64
            );
        }
        if worst > 0 {
            print_worst(&rendered, worst, labelling);
        }
        println!(
            "\ntext mode speed: {:.1} MB/s (single thread, {:.3} s CPU for {:.1} MB)",
            bytes as f64 / 1e6 / cpu.as_secs_f64().max(1e-9),
            cpu.as_secs_f64(),
            bytes as f64 / 1e6
        );
    }
    if dirs.len() > 1 {
        println!(
            "\nall datasets: text mode {:.1} MB/s single thread",
            total_bytes as f64 / 1e6 / total_cpu.as_secs_f64().max(1e-9)
        );
    }
}

/// Writes one TSV row a page and filter: dataset, page id, filter, shingle P (empty when the
/// output is empty), shingle R.
fn write_per_page(out: &mut std::fs::File, dataset: &str, rendered: &[(&GoldRecord, String)]) {
    use std::io::Write;
    let rows: Vec<String> = rendered
        .par_iter()
        .filter(|(gold, _)| gold.body.is_some())
        .flat_map_iter(|(gold, text)| {
            let body = gold.body.as_deref().unwrap_or_default();
            let lines: Vec<&str> = text.split('\n').collect();
            Filter::ALL.iter().map(move |f| {
                let keep = f.keep(text);
                let output: Vec<&str> = lines
                    .iter()
                    .zip(&keep)
                    .filter(|(_, k)| **k)
                    .map(|(l, _)| *l)
                    .collect();
                let s = metrics::shingle_score(body, &output.join("\n"));
                let p = s.precision().map_or(String::new(), |p| format!("{p:.4}"));
                format!(
                    "{dataset}\t{}\t{}\t{p}\t{:.4}\n",
                    gold.id,
                    f.name(),
                    s.recall()
                )
            })
        })
        .collect();
    for row in rows {
        if let Err(e) = out.write_all(row.as_bytes()) {
            eprintln!("--per-page: {e}");
            return;
        }
    }
}

/// Lists the `n` pages where the default text mode drops the most body lines, with the first
/// few of them.
fn print_worst(rendered: &[(&GoldRecord, String)], n: usize, labelling: Labelling) {
    const SHOWN_LINES: usize = 3;
    const SHOWN_CHARS: usize = 80;
    let mut losses: Vec<(usize, usize, &str, Vec<String>)> = rendered
        .par_iter()
        .map(|(gold, text)| {
            let lines: Vec<&str> = text.split('\n').collect();
            let labels = label_lines_as(&lines, gold, labelling);
            let keep = Filter::Copydesk.keep(text);
            let body = labels.iter().filter(|l| **l == LineLabel::Body).count();
            let dropped: Vec<String> = lines
                .iter()
                .zip(&labels)
                .zip(&keep)
                .filter(|((_, l), k)| **l == LineLabel::Body && !**k)
                .map(|((t, _), _)| t.chars().take(SHOWN_CHARS).collect())
                .collect();
            (dropped.len(), body, gold.id.as_str(), dropped)
        })
        .filter(|(d, ..)| *d > 0)
        .collect();
    losses.sort_by(|a, b| b.0.cmp(&a.0).then(a.2.cmp(b.2)));
    println!("\nbody lines dropped by copydesk clean, worst pages:\n");
    for (dropped, body, id, lines) in losses.iter().take(n) {
        println!("- {id}: {dropped} of {body} body lines dropped");
        for l in lines.iter().take(SHOWN_LINES) {
            println!("    {l}");
        }
    }
}
