//! Scores every page of a dataset, aggregates the scores per dataset and per `page_type`,
//! finds the worst pages, and renders the result as a text table or JSON.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::ops::Range;

use serde::Serialize;

use crate::dataset::{Dataset, GoldRecord};
use crate::metrics::{self, harmonic_mean, ShingleScore, SnippetCounts};
use crate::predict::Prediction;

/// Every score one page got. `None` = not annotated for this page.
#[derive(Debug, Clone, Default)]
pub struct PageScore {
    pub id: String,
    pub url: Option<String>,
    pub page_type: Option<String>,
    /// The output has no word tokens (failures included).
    pub empty: bool,
    pub error: Option<String>,
    pub shingle: Option<ShingleScore>,
    pub word_f1: Option<f64>,
    pub snippets: Option<SnippetCounts>,
    pub title: Option<bool>,
    pub date: Option<bool>,
    pub authors: Option<bool>,
    pub site_name: Option<bool>,
    pub lang: Option<bool>,
    pub cpu_ms: Option<f64>,
}

impl PageScore {
    fn metadata_outcomes(&self) -> impl Iterator<Item = bool> {
        [
            self.title,
            self.date,
            self.authors,
            self.site_name,
            self.lang,
        ]
        .into_iter()
        .flatten()
    }

    /// The number the worst-pages list ranks by (lower = worse), and what it is: shingle F1
    /// where a body is annotated, else the share of snippets right, else of metadata right.
    pub fn rank_score(&self) -> Option<(&'static str, f64)> {
        if let Some(shingle) = &self.shingle {
            return Some(("shingle_f1", shingle.f1()));
        }
        if let Some(accuracy) = self.snippets.as_ref().and_then(SnippetCounts::accuracy) {
            return Some(("snippet_accuracy", accuracy));
        }
        let outcomes: Vec<bool> = self.metadata_outcomes().collect();
        let right = outcomes.iter().filter(|&&ok| ok).count() as u64;
        metrics::ratio(right, outcomes.len() as u64).map(|share| ("metadata_accuracy", share))
    }
}

/// Scores one page's prediction against its gold record.
pub fn score_page(gold: &GoldRecord, prediction: &Prediction) -> PageScore {
    let text = prediction.text.as_str();
    PageScore {
        id: gold.id.clone(),
        url: gold.url.clone(),
        page_type: gold.page_type.clone(),
        empty: metrics::token_spans(text).is_empty(),
        error: prediction.error.clone(),
        shingle: gold
            .body
            .as_deref()
            .map(|body| metrics::shingle_score(body, text)),
        word_f1: gold
            .body
            .as_deref()
            .map(|body| metrics::word_f1(body, text)),
        snippets: gold.has_snippets().then(|| {
            metrics::snippet_counts(
                gold.with.as_deref().unwrap_or_default(),
                gold.without.as_deref().unwrap_or_default(),
                text,
            )
        }),
        title: gold
            .title
            .as_deref()
            .map(|title| metrics::title_matches(title, prediction.title.as_deref())),
        date: gold
            .date
            .as_deref()
            .map(|date| metrics::date_matches(date, prediction.date.as_deref())),
        authors: gold
            .authors
            .as_deref()
            .map(|authors| metrics::authors_match(authors, prediction.authors.as_deref())),
        site_name: gold
            .site_name
            .as_deref()
            .map(|site| metrics::site_name_matches(site, prediction.site_name.as_deref())),
        lang: gold
            .lang
            .as_deref()
            .map(|lang| metrics::lang_matches(lang, prediction.lang.as_deref())),
        cpu_ms: prediction.cpu_ms,
    }
}

/// The aggregate numbers of a set of pages; the field names are the metric names of the JSON
/// output and of accuracy-floor files. `None` (JSON null) = nothing annotated to measure.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    pub pages: usize,
    /// Pages the system failed on (their output counts as empty).
    pub errors: usize,
    /// Pages whose output has no word tokens.
    pub empty_outputs: usize,
    /// Pages with an annotated body.
    pub shingle_pages: usize,
    /// Mean of per-page precision over pages with a non-empty output.
    pub shingle_precision: Option<f64>,
    /// Mean of per-page recall over all body pages.
    pub shingle_recall: Option<f64>,
    /// Harmonic mean of `shingle_precision` and `shingle_recall`.
    pub shingle_f1: Option<f64>,
    /// Share of body pages whose token sequence equals the gold's.
    pub shingle_accuracy: Option<f64>,
    /// Body pages with an empty output.
    pub shingle_empty_outputs: usize,
    /// Mean over body pages of the lowercased bag-of-words F1.
    pub word_f1: Option<f64>,
    /// Snippets scored (pooled over pages).
    pub snippets: u64,
    pub snippet_precision: Option<f64>,
    pub snippet_recall: Option<f64>,
    pub snippet_f1: Option<f64>,
    pub snippet_accuracy: Option<f64>,
    pub title_accuracy: Option<f64>,
    pub title_pages: usize,
    pub date_accuracy: Option<f64>,
    pub date_pages: usize,
    pub authors_accuracy: Option<f64>,
    pub authors_pages: usize,
    pub site_name_accuracy: Option<f64>,
    pub site_name_pages: usize,
    pub lang_accuracy: Option<f64>,
    pub lang_pages: usize,
    /// Median CPU milliseconds per page (one thread), over pages with a timing.
    pub cpu_ms_median: Option<f64>,
    pub cpu_ms_mean: Option<f64>,
}

/// Aggregates page scores as the datasets README defines.
pub fn summarize<'p>(pages: impl IntoIterator<Item = &'p PageScore>) -> Summary {
    let pages: Vec<&PageScore> = pages.into_iter().collect();
    let mut summary = Summary {
        pages: pages.len(),
        errors: pages.iter().filter(|p| p.error.is_some()).count(),
        empty_outputs: pages.iter().filter(|p| p.empty).count(),
        ..Summary::default()
    };

    let shingles: Vec<&ShingleScore> = pages.iter().filter_map(|p| p.shingle.as_ref()).collect();
    summary.shingle_pages = shingles.len();
    summary.shingle_empty_outputs = shingles.iter().filter(|s| s.prediction_empty()).count();
    summary.shingle_precision = mean(shingles.iter().filter_map(|s| s.precision()));
    summary.shingle_recall = mean(shingles.iter().map(|s| s.recall()));
    summary.shingle_accuracy = share(shingles.iter().map(|s| s.exact));
    summary.shingle_f1 = match (summary.shingle_precision, summary.shingle_recall) {
        (Some(precision), Some(recall)) => Some(harmonic_mean(precision, recall)),
        // Every output empty: nothing recalled, so F1 is 0.
        (None, Some(_)) => Some(0.0),
        _ => None,
    };
    if summary.shingle_precision.is_none() && summary.shingle_pages > 0 {
        summary.shingle_precision = Some(0.0);
    }
    summary.word_f1 = mean(pages.iter().filter_map(|p| p.word_f1));

    let mut snippets = SnippetCounts::default();
    for counts in pages.iter().filter_map(|p| p.snippets.as_ref()) {
        snippets.add(counts);
    }
    summary.snippets = snippets.total();
    summary.snippet_precision = snippets.precision();
    summary.snippet_recall = snippets.recall();
    summary.snippet_f1 = snippets.f1();
    summary.snippet_accuracy = snippets.accuracy();

    let field = |get: fn(&PageScore) -> Option<bool>| {
        let outcomes: Vec<bool> = pages.iter().filter_map(|p| get(p)).collect();
        (share(outcomes.iter().copied()), outcomes.len())
    };
    (summary.title_accuracy, summary.title_pages) = field(|p| p.title);
    (summary.date_accuracy, summary.date_pages) = field(|p| p.date);
    (summary.authors_accuracy, summary.authors_pages) = field(|p| p.authors);
    (summary.site_name_accuracy, summary.site_name_pages) = field(|p| p.site_name);
    (summary.lang_accuracy, summary.lang_pages) = field(|p| p.lang);

    let mut cpu: Vec<f64> = pages.iter().filter_map(|p| p.cpu_ms).collect();
    cpu.sort_by(f64::total_cmp);
    summary.cpu_ms_median = median_of_sorted(&cpu);
    summary.cpu_ms_mean = mean(cpu.iter().copied());
    summary
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, count) = values.fold((0.0, 0u64), |(sum, count), v| (sum + v, count + 1));
    (count > 0).then(|| sum / count as f64)
}

fn share(outcomes: impl Iterator<Item = bool>) -> Option<f64> {
    mean(outcomes.map(|ok| if ok { 1.0 } else { 0.0 }))
}

fn median_of_sorted(sorted: &[f64]) -> Option<f64> {
    let middle = sorted.len() / 2;
    match sorted.len() {
        0 => None,
        n if n % 2 == 1 => sorted.get(middle).copied(),
        _ => Some((sorted.get(middle - 1)? + sorted.get(middle)?) / 2.0),
    }
}

/// One of the worst pages, with what went wrong.
#[derive(Debug, Clone, Serialize)]
pub struct WorstPage {
    pub id: String,
    pub url: Option<String>,
    pub page_type: Option<String>,
    /// What `score` measures: shingle_f1, snippet_accuracy or metadata_accuracy.
    pub measure: &'static str,
    pub score: f64,
    pub error: Option<String>,
    /// Gold text the output lacks (longest stretches first), or `with` snippets not found.
    pub missed: Vec<String>,
    /// Output text the gold lacks (longest stretches first), or `without` snippets found.
    pub leaked: Vec<String>,
    /// Metadata fields that disagree: "title: gold … / got …".
    pub wrong_fields: Vec<String>,
}

/// One dataset's results for one system.
#[derive(Debug, Clone, Serialize)]
pub struct DatasetReport {
    pub name: String,
    pub dir: String,
    pub system: String,
    /// Predictions whose id is not a page of the (filtered) dataset.
    pub unmatched_predictions: usize,
    pub metrics: Summary,
    /// The same numbers per `page_type`, where pages carry one.
    pub page_types: BTreeMap<String, Summary>,
    pub worst: Vec<WorstPage>,
}

/// Scores predictions (aligned with `dataset.records`) and aggregates them.
pub fn score_dataset(
    dataset: &Dataset,
    predictions: &[Prediction],
    system: &str,
    worst: usize,
) -> DatasetReport {
    let scores: Vec<PageScore> = dataset
        .records
        .iter()
        .zip(predictions)
        .map(|(gold, prediction)| score_page(gold, prediction))
        .collect();
    let mut by_type: BTreeMap<String, Vec<&PageScore>> = BTreeMap::new();
    for score in &scores {
        if let Some(page_type) = &score.page_type {
            by_type.entry(page_type.clone()).or_default().push(score);
        }
    }
    DatasetReport {
        name: dataset.name.clone(),
        dir: dataset.dir.display().to_string(),
        system: system.to_string(),
        unmatched_predictions: 0,
        metrics: summarize(&scores),
        page_types: by_type
            .into_iter()
            .map(|(page_type, pages)| (page_type, summarize(pages)))
            .collect(),
        worst: worst_pages(dataset, predictions, &scores, worst),
    }
}

fn worst_pages(
    dataset: &Dataset,
    predictions: &[Prediction],
    scores: &[PageScore],
    count: usize,
) -> Vec<WorstPage> {
    let mut ranked: Vec<(usize, &'static str, f64)> = scores
        .iter()
        .enumerate()
        .filter_map(|(index, score)| {
            let (measure, value) = score.rank_score()?;
            Some((index, measure, value))
        })
        .collect();
    ranked.sort_by(|a, b| a.2.total_cmp(&b.2).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .take(count)
        .filter_map(|(index, measure, value)| {
            let gold = dataset.records.get(index)?;
            let prediction = predictions.get(index)?;
            let score = scores.get(index)?;
            let (missed, leaked) = match &gold.body {
                Some(body) => body_differences(body, &prediction.text),
                None => snippet_differences(gold, &prediction.text),
            };
            Some(WorstPage {
                id: score.id.clone(),
                url: score.url.clone(),
                page_type: score.page_type.clone(),
                measure,
                score: value,
                error: score.error.clone(),
                missed,
                leaked,
                wrong_fields: wrong_fields(gold, prediction, score),
            })
        })
        .collect()
}

/// Stretches shown per side in a worst-page entry, and their length cap in characters.
const EXCERPTS: usize = 3;
const EXCERPT_CHARS: usize = 160;

/// The longest stretches of gold missing from the output and of output missing from the gold.
pub fn body_differences(gold: &str, prediction: &str) -> (Vec<String>, Vec<String>) {
    (
        unmatched_stretches(gold, prediction),
        unmatched_stretches(prediction, gold),
    )
}

/// Stretches of `text` that no shingle shared with `other` covers (shingles matched
/// multiset-wise, in order), longest first.
fn unmatched_stretches(text: &str, other: &str) -> Vec<String> {
    let spans = metrics::token_spans(text);
    let tokens: Vec<&str> = spans.iter().filter_map(|s| text.get(s.clone())).collect();
    let other_tokens = metrics::tokens(other);
    let mut available: HashMap<&[&str], u32> = metrics::shingle_counts(&other_tokens);
    let mut covered = vec![false; tokens.len()];
    for window in metrics::shingle_windows(tokens.len()) {
        let matched = tokens
            .get(window.clone())
            .and_then(|shingle| available.get_mut(shingle))
            .is_some_and(|left| {
                let had = *left > 0;
                *left = left.saturating_sub(1);
                had
            });
        if matched {
            covered
                .iter_mut()
                .skip(window.start)
                .take(window.len())
                .for_each(|c| *c = true);
        }
    }
    let mut runs: Vec<Range<usize>> = Vec::new();
    for (index, _) in covered.iter().enumerate().filter(|(_, &c)| !c) {
        match runs.last_mut() {
            Some(run) if run.end == index => run.end = index + 1,
            _ => runs.push(index..index + 1),
        }
    }
    runs.sort_by_key(|run| std::cmp::Reverse(run.len()));
    runs.into_iter()
        .take(EXCERPTS)
        .filter_map(|run| {
            let start = spans.get(run.start)?.start;
            let end = spans.get(run.end.checked_sub(1)?)?.end;
            Some(excerpt(text.get(start..end)?))
        })
        .collect()
}

fn excerpt(text: &str) -> String {
    let flat = metrics::normalize_whitespace(text);
    if flat.chars().count() <= EXCERPT_CHARS {
        flat
    } else {
        let mut cut: String = flat.chars().take(EXCERPT_CHARS).collect();
        cut.push('…');
        cut
    }
}

fn snippet_differences(gold: &GoldRecord, prediction: &str) -> (Vec<String>, Vec<String>) {
    let with = gold.with.as_deref().unwrap_or_default();
    let without = gold.without.as_deref().unwrap_or_default();
    let missed = metrics::snippet_hits(with, prediction)
        .into_iter()
        .filter(|(_, hit)| !hit)
        .map(|(snippet, _)| excerpt(snippet))
        .collect();
    let leaked = metrics::snippet_hits(without, prediction)
        .into_iter()
        .filter(|(_, hit)| *hit)
        .map(|(snippet, _)| excerpt(snippet))
        .collect();
    (missed, leaked)
}

fn wrong_fields(gold: &GoldRecord, prediction: &Prediction, score: &PageScore) -> Vec<String> {
    let shown = |value: Option<&str>| match value {
        Some(v) => format!("{:?}", excerpt(v)),
        None => "nothing".to_string(),
    };
    let mut wrong = Vec::new();
    let mut check =
        |name: &str, ok: Option<bool>, expected: Option<String>, got: Option<String>| {
            if ok == Some(false) {
                wrong.push(format!(
                    "{name}: gold {} / got {}",
                    shown(expected.as_deref()),
                    shown(got.as_deref())
                ));
            }
        };
    let joined = |names: &Option<Vec<String>>| {
        names
            .as_ref()
            .filter(|n| !n.is_empty())
            .map(|n| n.join("; "))
    };
    check(
        "title",
        score.title,
        gold.title.clone(),
        prediction.title.clone(),
    );
    check(
        "date",
        score.date,
        gold.date.clone(),
        prediction.date.clone(),
    );
    check(
        "authors",
        score.authors,
        joined(&gold.authors),
        joined(&prediction.authors),
    );
    check(
        "site_name",
        score.site_name,
        gold.site_name.clone(),
        prediction.site_name.clone(),
    );
    check(
        "lang",
        score.lang,
        gold.lang.clone(),
        prediction.lang.clone(),
    );
    wrong
}

/// The text form: one table per dataset, metrics as rows, `all` and each page type as columns.
pub fn render_text(reports: &[DatasetReport]) -> String {
    let mut out = String::new();
    for report in reports {
        render_dataset(&mut out, report);
        out.push('\n');
    }
    out
}

type Cell = fn(&Summary) -> Option<String>;

fn fraction(value: Option<f64>) -> Option<String> {
    value.map(|v| format!("{v:.3}"))
}

fn with_count(value: Option<f64>, count: usize) -> Option<String> {
    value.map(|v| format!("{v:.3} ({count})"))
}

const ROWS: &[(&str, Cell)] = &[
    ("pages", |s| Some(s.pages.to_string())),
    ("errors", |s| Some(s.errors.to_string())),
    ("empty outputs", |s| Some(s.empty_outputs.to_string())),
    ("shingle pages", |s| {
        (s.shingle_pages > 0).then(|| s.shingle_pages.to_string())
    }),
    ("shingle precision", |s| fraction(s.shingle_precision)),
    ("shingle recall", |s| fraction(s.shingle_recall)),
    ("shingle F1", |s| fraction(s.shingle_f1)),
    ("shingle accuracy", |s| fraction(s.shingle_accuracy)),
    ("word F1", |s| fraction(s.word_f1)),
    ("snippets", |s| {
        (s.snippets > 0).then(|| s.snippets.to_string())
    }),
    ("snippet precision", |s| fraction(s.snippet_precision)),
    ("snippet recall", |s| fraction(s.snippet_recall)),
    ("snippet F1", |s| fraction(s.snippet_f1)),
    ("snippet accuracy", |s| fraction(s.snippet_accuracy)),
    ("title (pages)", |s| {
        with_count(s.title_accuracy, s.title_pages)
    }),
    ("date (pages)", |s| {
        with_count(s.date_accuracy, s.date_pages)
    }),
    ("authors (pages)", |s| {
        with_count(s.authors_accuracy, s.authors_pages)
    }),
    ("site name (pages)", |s| {
        with_count(s.site_name_accuracy, s.site_name_pages)
    }),
    ("lang (pages)", |s| {
        with_count(s.lang_accuracy, s.lang_pages)
    }),
    ("CPU ms median", |s| {
        s.cpu_ms_median.map(|v| format!("{v:.2}"))
    }),
    ("CPU ms mean", |s| s.cpu_ms_mean.map(|v| format!("{v:.2}"))),
];

fn render_dataset(out: &mut String, report: &DatasetReport) {
    let _ = writeln!(
        out,
        "== {} — {} ({} pages) ==",
        report.name, report.system, report.metrics.pages
    );
    if report.unmatched_predictions > 0 {
        let _ = writeln!(
            out,
            "({} predictions had ids not in this dataset)",
            report.unmatched_predictions
        );
    }
    let mut columns: Vec<(&str, &Summary)> = vec![("all", &report.metrics)];
    columns.extend(report.page_types.iter().map(|(t, s)| (t.as_str(), s)));
    let label_width = ROWS.iter().map(|(label, _)| label.len()).max().unwrap_or(0);
    let cells: Vec<(&str, Vec<Option<String>>)> = ROWS
        .iter()
        .map(|(label, cell)| {
            (
                *label,
                columns.iter().map(|(_, s)| cell(s)).collect::<Vec<_>>(),
            )
        })
        .filter(|(_, row)| row.iter().any(Option::is_some))
        .collect();
    let widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, (name, _))| {
            cells
                .iter()
                .filter_map(|(_, row)| row.get(i)?.as_ref().map(|c| c.chars().count()))
                .chain([name.chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let _ = write!(out, "{:label_width$}", "");
    for ((name, _), width) in columns.iter().zip(&widths) {
        let _ = write!(out, "  {name:>width$}");
    }
    out.push('\n');
    for (label, row) in &cells {
        let _ = write!(out, "{label:label_width$}");
        for (cell, width) in row.iter().zip(&widths) {
            let _ = write!(out, "  {:>width$}", cell.as_deref().unwrap_or("-"));
        }
        out.push('\n');
    }
    if !report.worst.is_empty() {
        let _ = writeln!(out, "worst {} pages:", report.worst.len());
        for page in &report.worst {
            let _ = writeln!(
                out,
                "  {}  {} {:.3}  {}{}",
                page.id,
                page.measure,
                page.score,
                page.url.as_deref().unwrap_or("(no url)"),
                page.page_type
                    .as_deref()
                    .map(|t| format!("  [{t}]"))
                    .unwrap_or_default()
            );
            if let Some(error) = &page.error {
                let _ = writeln!(out, "      error: {error}");
            }
            for missed in &page.missed {
                let _ = writeln!(out, "      missed: {missed}");
            }
            for leaked in &page.leaked {
                let _ = writeln!(out, "      leaked: {leaked}");
            }
            for field in &page.wrong_fields {
                let _ = writeln!(out, "      {field}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn gold_body(id: &str, body: &str) -> GoldRecord {
        GoldRecord {
            id: id.into(),
            body: Some(body.into()),
            ..GoldRecord::default()
        }
    }

    fn predicted(text: &str) -> Prediction {
        Prediction {
            text: text.into(),
            ..Prediction::default()
        }
    }

    #[test]
    fn shingle_means_leave_empty_outputs_out_of_precision() {
        // Page 1: perfect (P 1, R 1). Page 2: half the gold (P 1, R 0.5). Page 3: empty (R 0).
        let golds = [
            gold_body("1", "a b c d e"),
            gold_body("2", "a b c d e f"),
            gold_body("3", "x y z w"),
        ];
        let predictions = [
            predicted("a b c d e"),
            predicted("a b c d e"),
            predicted(""),
        ];
        let scores: Vec<PageScore> = golds
            .iter()
            .zip(&predictions)
            .map(|(g, p)| score_page(g, p))
            .collect();
        let summary = summarize(&scores);
        assert_eq!(summary.shingle_precision, Some(1.0));
        let recall = (1.0 + 2.0 / 3.0 + 0.0) / 3.0;
        assert!((summary.shingle_recall.unwrap() - recall).abs() < 1e-12);
        let f1 = 2.0 * recall / (1.0 + recall);
        assert!((summary.shingle_f1.unwrap() - f1).abs() < 1e-12);
        assert_eq!(summary.shingle_accuracy, Some(1.0 / 3.0));
        assert_eq!(summary.empty_outputs, 1);
        assert_eq!(summary.shingle_empty_outputs, 1);
        assert_eq!(summary.snippets, 0);
        assert_eq!(summary.snippet_f1, None);
    }

    #[test]
    fn all_empty_outputs_score_zero_not_missing() {
        let scores = [score_page(&gold_body("1", "a b c d"), &predicted(""))];
        let summary = summarize(&scores);
        assert_eq!(summary.shingle_f1, Some(0.0));
        assert_eq!(summary.shingle_precision, Some(0.0));
        assert_eq!(summary.word_f1, Some(0.0));
    }

    #[test]
    fn snippets_pool_over_pages_and_metadata_counts_annotated_pages() {
        let first = GoldRecord {
            id: "1".into(),
            with: Some(vec!["alpha".into()]),
            without: Some(vec!["menu".into()]),
            title: Some("Alpha".into()),
            ..GoldRecord::default()
        };
        let second = GoldRecord {
            id: "2".into(),
            with: Some(vec!["beta".into(), "gamma".into()]),
            without: Some(vec![]),
            date: Some("2020-01-01".into()),
            ..GoldRecord::default()
        };
        let scores = [
            score_page(
                &first,
                &Prediction {
                    title: Some("alpha".into()),
                    cpu_ms: Some(2.0),
                    ..predicted("alpha menu")
                },
            ),
            score_page(
                &second,
                &Prediction {
                    cpu_ms: Some(4.0),
                    ..predicted("beta")
                },
            ),
        ];
        let summary = summarize(&scores);
        // tp 2 (alpha, beta), fp 1 (menu), fn 1 (gamma), tn 0.
        assert_eq!(summary.snippets, 4);
        assert_eq!(summary.snippet_precision, Some(2.0 / 3.0));
        assert_eq!(summary.snippet_recall, Some(2.0 / 3.0));
        assert_eq!(summary.snippet_accuracy, Some(0.5));
        assert_eq!(
            (summary.title_accuracy, summary.title_pages),
            (Some(1.0), 1)
        );
        assert_eq!((summary.date_accuracy, summary.date_pages), (Some(0.0), 1));
        assert_eq!(summary.authors_accuracy, None);
        assert_eq!(summary.cpu_ms_median, Some(3.0));
        assert_eq!(summary.cpu_ms_mean, Some(3.0));
        assert_eq!(summary.shingle_f1, None);
    }

    #[test]
    fn worst_pages_show_what_was_missed_and_leaked() {
        let dataset = Dataset {
            name: "d".into(),
            dir: PathBuf::from("d"),
            records: vec![
                gold_body("good", "one two three four five"),
                GoldRecord {
                    page_type: Some("article".into()),
                    ..gold_body("bad", "The story begins here and ends there.")
                },
            ],
        };
        let predictions = [
            predicted("one two three four five"),
            predicted("Menu Home Login. The story begins here"),
        ];
        let report = score_dataset(&dataset, &predictions, "test", 1);
        assert_eq!(report.worst.len(), 1);
        let worst = &report.worst[0];
        assert_eq!(worst.id, "bad");
        assert_eq!(worst.measure, "shingle_f1");
        assert_eq!(worst.missed, ["and ends there"]);
        assert_eq!(worst.leaked, ["Menu Home Login"]);
        assert_eq!(report.page_types["article"].pages, 1);
        let text = render_text(&[report]);
        assert!(text.contains("missed: and ends there"), "{text}");
        assert!(text.contains("shingle F1"), "{text}");
        assert!(!text.contains("snippet F1"), "{text}");
    }
}
