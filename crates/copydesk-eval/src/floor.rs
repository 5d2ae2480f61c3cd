//! Accuracy floors: figures recorded in a document (the benchmark doc) that a run must not
//! fall below. The document carries them in an HTML comment on the line that opens it:
//!
//! ```text
//! <!-- accuracy-floor: {"trafilatura-eval": {"snippet_f1": 0.931}, "wcxb-dev": {"word_f1": 0.87}} -->
//! ```
//!
//! Keys are dataset names (directory file names) and metric names of the `--json` output
//! (the `metrics` object). A metric name `TYPE.METRIC` ("article.word_f1") reads the
//! per-page-type numbers instead. Every floor is a lower bound.

use std::collections::BTreeMap;

use crate::report::DatasetReport;

/// The marker that opens the floors comment.
pub const MARKER: &str = "<!-- accuracy-floor:";

/// Absorbs float rounding, so a value exactly `tolerance` below its floor still passes.
const FLOAT_SLACK: f64 = 1e-9;

/// dataset name → metric name → the lowest acceptable value.
pub type Floors = BTreeMap<String, BTreeMap<String, f64>>;

/// Finds the first line containing [`MARKER`] and parses the JSON object after it, up to the
/// closing `-->` (which may sit on a later line).
pub fn parse_floors(document: &str) -> Result<Floors, String> {
    let start = document
        .find(MARKER)
        .ok_or_else(|| format!("no line containing {MARKER:?}"))?;
    let rest = document.get(start + MARKER.len()..).unwrap_or_default();
    let end = rest
        .find("-->")
        .ok_or_else(|| format!("{MARKER:?} is not closed by \"-->\""))?;
    let json = rest.get(..end).unwrap_or_default();
    serde_json::from_str(json.trim()).map_err(|e| format!("accuracy floor is not valid JSON: {e}"))
}

/// The outcome of checking floors against a run.
#[derive(Debug, Default, PartialEq)]
pub struct FloorCheck {
    /// "dataset metric: measured ≥ floor" lines for the floors that held.
    pub passed: Vec<String>,
    /// Clear messages for the floors that did not.
    pub failed: Vec<String>,
    /// Datasets with floors that this run did not evaluate.
    pub not_run: Vec<String>,
}

/// Checks every floor of every dataset that was run: a value more than `tolerance` below its
/// floor, or a metric the run could not measure, fails.
pub fn check_floors(floors: &Floors, reports: &[DatasetReport], tolerance: f64) -> FloorCheck {
    let mut check = FloorCheck::default();
    for (dataset, metrics) in floors {
        let Some(report) = reports.iter().find(|r| &r.name == dataset) else {
            check.not_run.push(dataset.clone());
            continue;
        };
        for (metric, &floor) in metrics {
            match measured(report, metric) {
                Some(value) if value + tolerance + FLOAT_SLACK >= floor => check
                    .passed
                    .push(format!("{dataset} {metric}: {value:.4} (floor {floor})")),
                Some(value) => check.failed.push(format!(
                    "{dataset} {metric}: {value:.4} is more than {tolerance} below the recorded \
                     floor {floor}"
                )),
                None => check.failed.push(format!(
                    "{dataset} {metric}: not measured in this run (unknown metric, or nothing \
                     annotated for it), but a floor of {floor} is recorded"
                )),
            }
        }
    }
    check
}

fn measured(report: &DatasetReport, metric: &str) -> Option<f64> {
    let (summary, name) = match metric.split_once('.') {
        Some((page_type, name)) => (report.page_types.get(page_type)?, name),
        None => (&report.metrics, metric),
    };
    serde_json::to_value(summary).ok()?.get(name)?.as_f64()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Summary;

    fn report(name: &str, word_f1: Option<f64>) -> DatasetReport {
        let summary = Summary {
            word_f1,
            ..Summary::default()
        };
        DatasetReport {
            name: name.into(),
            dir: name.into(),
            system: "test".into(),
            unmatched_predictions: 0,
            metrics: summary.clone(),
            page_types: [("article".to_string(), summary)].into_iter().collect(),
            worst: Vec::new(),
        }
    }

    #[test]
    fn parses_the_first_marker_line() {
        let doc = "# Bench\n\ntext <!-- accuracy-floor: {\"a\": {\"word_f1\": 0.8}} --> more\n\
                   <!-- accuracy-floor: {\"b\": {}} -->\n";
        let floors = parse_floors(doc).unwrap();
        assert_eq!(floors.len(), 1);
        assert_eq!(floors["a"]["word_f1"], 0.8);
    }

    #[test]
    fn floor_json_may_span_lines() {
        let doc = "<!-- accuracy-floor: {\n  \"a\": {\"snippet_f1\": 0.9}\n} -->";
        assert_eq!(parse_floors(doc).unwrap()["a"]["snippet_f1"], 0.9);
    }

    #[test]
    fn malformed_floors_are_clear_errors() {
        assert!(parse_floors("nothing here")
            .unwrap_err()
            .contains("no line"));
        assert!(parse_floors("<!-- accuracy-floor: {}")
            .unwrap_err()
            .contains("not closed"));
        assert!(parse_floors("<!-- accuracy-floor: {oops} -->")
            .unwrap_err()
            .contains("not valid JSON"));
    }

    #[test]
    fn values_within_tolerance_pass_and_below_fail() {
        let floors = parse_floors(
            "<!-- accuracy-floor: {\"d\": {\"word_f1\": 0.870, \"article.word_f1\": 0.95}, \
             \"absent\": {\"word_f1\": 0.5}} -->",
        )
        .unwrap();
        let within = check_floors(&floors, &[report("d", Some(0.866))], 0.005);
        assert_eq!(within.passed.len(), 1);
        assert_eq!(within.failed.len(), 1, "{within:?}"); // article 0.866 < 0.945
        assert_eq!(within.not_run, ["absent"]);
        let below = check_floors(&floors, &[report("d", Some(0.864))], 0.005);
        assert_eq!(below.failed.len(), 2);
        assert!(below.failed[0].contains("0.864"), "{below:?}");
        let unmeasured = check_floors(&floors, &[report("d", None)], 0.005);
        assert!(unmeasured.failed[0].contains("not measured"));
    }
}
