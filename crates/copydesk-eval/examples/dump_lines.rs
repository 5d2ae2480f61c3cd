//! Development aid: writes one TSV row a rendered line (page, index, gold label, text-mode
//! verdict, the step that gave it, region, words, sentence, phrase kind, text, and where the
//! line lies from `textmode::span::find`'s span: `in`, `aN`/`bN` N non-blank lines above/below
//! its walls, `-` no span) for error
//! analysis.
//!
//! `cargo run --release -p copydesk-eval --example dump_lines -- DATASET_DIR [--precision]
//! [--label-every-copy] > lines.tsv`
//!
//! With `--precision` the verdicts are those of `Favor::Precision`; with `--label-every-copy`
//! the labels are `Labelling::EveryCopy`.

mod common;

use copydesk::textmode::{self, lines::Line};
use copydesk_eval::lines::{label_lines_as, render_record, Labelling};
use copydesk_eval::Filter;
use rayon::prelude::*;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: dump_lines DATASET_DIR [--precision] [--label-every-copy]");
        std::process::exit(2);
    };
    let favor = if std::env::args().any(|a| a == "--precision") {
        copydesk::Favor::Precision
    } else {
        copydesk::Favor::Balanced
    };
    let labelling = if std::env::args().any(|a| a == "--label-every-copy") {
        Labelling::EveryCopy
    } else {
        Labelling::CopiesTheGoldHolds
    };
    let ds = common::load_or_exit(dir.as_ref(), &Filter::default());
    let rows: Vec<String> = ds
        .records
        .par_iter()
        .filter(|r| r.body.is_some() || r.has_snippets())
        .filter_map(|r| {
            let text = render_record(&ds, r)?;
            let raw: Vec<&str> = text.split('\n').collect();
            let labels = label_lines_as(&raw, r, labelling);
            let lines = textmode::lines::split(&text);
            let (verdicts, _, steps) = textmode::judge_traced(&lines, favor);
            let first = lines.iter().position(Line::is_prose);
            let last = lines.iter().rposition(Line::is_prose);
            let span = textmode::span::find(&lines);
            let mut out = String::new();
            // Non-blank lines from the span's nearest wall, for lines outside it.
            let mut beyond = vec![0usize; lines.len()];
            if let Some(s) = span {
                let mut n = 0;
                for i in (0..s.first.min(lines.len())).rev() {
                    n += usize::from(!lines[i].is_blank());
                    beyond[i] = n;
                }
                n = 0;
                for i in s.last.saturating_add(1)..lines.len() {
                    n += usize::from(!lines[i].is_blank());
                    beyond[i] = n;
                }
            }
            for (i, l) in lines.iter().enumerate() {
                if l.is_blank() {
                    continue;
                }
                let region = match (first, last) {
                    (Some(f), _) if i < f => "head",
                    (_, Some(e)) if i > e => "tail",
                    (None, _) => "noprose",
                    _ => "mid",
                };
                let step = match (steps[i], l.kind) {
                    (None, _) => "-".to_owned(),
                    // The filter step drops for several reasons: name the phrase kind.
                    (Some(textmode::Step::Filter), Some(kind)) => format!("Filter:{kind:?}"),
                    (Some(s), _) => format!("{s:?}"),
                };
                let at_span = match span {
                    None => "-".to_owned(),
                    Some(s) if i < s.first => format!("a{}", beyond[i]),
                    Some(s) if i > s.last => format!("b{}", beyond[i]),
                    Some(_) => "in".to_owned(),
                };
                out.push_str(&format!(
                    "{}\t{}\t{:?}\t{:?}\t{}\t{}\t{}\t{}\t{}\t{:?}\t{}\t{}\n",
                    ds.name,
                    r.id,
                    labels.get(i),
                    verdicts[i],
                    step,
                    region,
                    i,
                    l.words,
                    l.sentence,
                    l.kind,
                    l.text.replace('\t', " "),
                    at_span
                ));
            }
            Some(out)
        })
        .collect();
    for r in rows {
        print!("{r}");
    }
}
