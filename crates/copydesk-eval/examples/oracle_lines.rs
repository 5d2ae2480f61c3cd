//! Development aid: the ceiling of a line filter on the line-labelled evaluation — the
//! shingle F1 of keeping exactly the lines the gold labels body, and of text mode's output
//! cut to the span from the first to the last gold body line (and at either end alone: where
//! the distance to the ceiling lies, above the story or below it); and how far the span text
//! mode finds (`textmode::span::find`) lies from the gold span, at each end.
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
    let results: Vec<([Tally; 7], Option<SpanOffsets>)> = usable
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
            let measured = copydesk::textmode::lines::split(&text);
            let found = (measured.len() == lines.len())
                .then(|| copydesk::textmode::span::find(&measured))
                .flatten();
            let clean_found: Vec<bool> = clean
                .iter()
                .enumerate()
                .map(|(i, k)| *k && found.is_none_or(|s| (s.first..=s.last).contains(&i)))
                .collect();
            let offsets = match (found, first, last) {
                (Some(s), Some(f), Some(e)) => {
                    Some(SpanOffsets::new(&measured, (s.first, s.last), (f, e)))
                }
                _ => None,
            };
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
            let mut t: [Tally; 7] = Default::default();
            let keeps = [
                &oracle,
                &raw_span,
                &clean_span,
                &clean_start,
                &clean_end,
                &clean_found,
                &clean,
            ];
            for (tally, keep) in t.iter_mut().zip(keeps) {
                tally.add_page(&text, keep, r);
            }
            Some((t, offsets))
        })
        .collect();
    let names = [
        "gold line labels",
        "raw text cut to the gold body span",
        "copydesk clean cut to the gold body span",
        "copydesk clean cut above the first gold body line only",
        "copydesk clean cut below the last gold body line only",
        "copydesk clean cut to the span found (textmode::span)",
        "copydesk clean",
    ];
    let mut sums: [Tally; 7] = Default::default();
    for (t, _) in &results {
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
    let offsets: Vec<&SpanOffsets> = results.iter().filter_map(|(_, o)| o.as_ref()).collect();
    println!();
    println!(
        "span found on {} of {} pages; off the gold span by (non-blank lines / words between):",
        offsets.len(),
        results.len()
    );
    for (end, pick) in [
        (
            "first line",
            (|o: &SpanOffsets| o.first) as fn(&SpanOffsets) -> Offset,
        ),
        ("last line", |o: &SpanOffsets| o.last),
    ] {
        let all: Vec<Offset> = offsets.iter().map(|o| pick(o)).collect();
        let exact = all.iter().filter(|o| o.lines == 0).count();
        let inside = all.iter().filter(|o| o.lines > 0 && o.cuts_story).count();
        let outside = all.iter().filter(|o| o.lines > 0 && !o.cuts_story).count();
        let mut lines: Vec<usize> = all.iter().map(|o| o.lines).collect();
        let mut words: Vec<usize> = all.iter().map(|o| o.words).collect();
        lines.sort_unstable();
        words.sort_unstable();
        let median = |v: &[usize]| v.get(v.len() / 2).copied().unwrap_or(0);
        println!(
            "- {end}: exact on {exact}, inside the gold span (cuts the story) on {inside}, outside it on {outside}; median {} lines / {} words, mean {:.1} lines / {:.1} words",
            median(&lines),
            median(&words),
            lines.iter().sum::<usize>() as f64 / lines.len().max(1) as f64,
            words.iter().sum::<usize>() as f64 / words.len().max(1) as f64,
        );
    }
}

/// How far one end of the found span lies from the gold's.
#[derive(Debug, Clone, Copy)]
struct Offset {
    /// Non-blank lines between the two (0: the same line).
    lines: usize,
    /// Words on those lines.
    words: usize,
    /// Whether the found end lies inside the gold span (the story is cut there).
    cuts_story: bool,
}

/// Both ends of a page's found span against the gold span.
struct SpanOffsets {
    first: Offset,
    last: Offset,
}

impl SpanOffsets {
    fn new(
        lines: &[copydesk::textmode::lines::Line<'_>],
        found: (usize, usize),
        gold: (usize, usize),
    ) -> Self {
        let between = |a: usize, b: usize| {
            let (lo, hi) = (a.min(b), a.max(b));
            let range = lines.get(lo..hi).unwrap_or(&[]);
            let non_blank = range.iter().filter(|l| !l.is_blank());
            (non_blank.clone().count(), non_blank.map(|l| l.words).sum())
        };
        let (first_lines, first_words) = between(found.0, gold.0);
        // Last lines: compare the lines after each end.
        let (last_lines, last_words) = between(found.1 + 1, gold.1 + 1);
        SpanOffsets {
            first: Offset {
                lines: first_lines,
                words: first_words,
                cuts_story: found.0 > gold.0,
            },
            last: Offset {
                lines: last_lines,
                words: last_words,
                cuts_story: found.1 < gold.1,
            },
        }
    }
}
