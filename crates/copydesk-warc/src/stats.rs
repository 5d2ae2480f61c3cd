//! The accounting of one run: every record ends as exactly one of extracted, skipped (with a
//! reason) or failed (with a reason); damage to the stream that is not a record is counted too.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What happened to one input file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub input: String,
    pub output: String,
    /// Records seen (records whose header was found, whole or not).
    pub records: u64,
    pub extracted: u64,
    pub skipped: u64,
    pub failed: u64,
    /// Extracted records whose text came out empty (counted in `extracted`).
    pub empty_text: u64,
    pub skipped_reasons: BTreeMap<String, u64>,
    pub failed_reasons: BTreeMap<String, u64>,
    /// Damage that is not a record: garbage between records, corrupt gzip, read errors.
    pub stream_problems: BTreeMap<String, u64>,
    /// Bytes skipped as not being part of any record.
    pub garbage_bytes: u64,
    /// Rows in the output (extracted + failed).
    pub rows_written: u64,
    /// Size of the input file.
    pub input_bytes: u64,
    /// Decompressed WARC bytes read.
    pub warc_bytes: u64,
    pub seconds: f64,
    pub records_per_second: f64,
    /// Extracted pages a second.
    pub pages_per_second: f64,
    /// Input (file) megabytes a second.
    pub mb_per_second: f64,
    /// True when the output was already complete and the run was skipped (`--resume`).
    #[serde(default)]
    pub resumed: bool,
}

/// How one record ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Extracted { empty: bool },
    Skipped(String),
    Failed(String),
}

impl Stats {
    pub fn count(&mut self, outcome: &Outcome) {
        self.records += 1;
        match outcome {
            Outcome::Extracted { empty } => {
                self.extracted += 1;
                self.empty_text += u64::from(*empty);
            }
            Outcome::Skipped(reason) => {
                self.skipped += 1;
                *self.skipped_reasons.entry(reason.clone()).or_default() += 1;
            }
            Outcome::Failed(reason) => {
                self.failed += 1;
                *self.failed_reasons.entry(reason.clone()).or_default() += 1;
            }
        }
    }

    pub fn count_stream_problem(&mut self, reason: &str, bytes: u64) {
        *self
            .stream_problems
            .entry(reason_category(reason))
            .or_default() += 1;
        self.garbage_bytes += bytes;
    }

    /// Does every record have exactly one fate?
    pub fn is_balanced(&self) -> bool {
        self.records == self.extracted + self.skipped + self.failed
            && self.skipped == self.skipped_reasons.values().sum::<u64>()
            && self.failed == self.failed_reasons.values().sum::<u64>()
    }

    pub fn finish_timing(&mut self, seconds: f64) {
        self.seconds = seconds;
        let per_s = |n: f64| if seconds > 0.0 { n / seconds } else { 0.0 };
        self.records_per_second = per_s(self.records as f64);
        self.pages_per_second = per_s(self.extracted as f64);
        self.mb_per_second = per_s(self.input_bytes as f64 / 1e6);
    }

    /// Adds another file's counts (for a summary over many inputs).
    pub fn add(&mut self, other: &Stats) {
        self.records += other.records;
        self.extracted += other.extracted;
        self.skipped += other.skipped;
        self.failed += other.failed;
        self.empty_text += other.empty_text;
        for (k, v) in &other.skipped_reasons {
            *self.skipped_reasons.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &other.failed_reasons {
            *self.failed_reasons.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &other.stream_problems {
            *self.stream_problems.entry(k.clone()).or_default() += v;
        }
        self.garbage_bytes += other.garbage_bytes;
        self.rows_written += other.rows_written;
        self.input_bytes += other.input_bytes;
        self.warc_bytes += other.warc_bytes;
    }

    /// A human summary, several lines.
    pub fn summary(&self) -> String {
        let mut s = format!(
            "{} records: {} extracted ({} with empty text), {} skipped, {} failed; \
             {:.1} s, {:.1} pages/s, {:.1} records/s, {:.2} MB/s",
            self.records,
            self.extracted,
            self.empty_text,
            self.skipped,
            self.failed,
            self.seconds,
            self.pages_per_second,
            self.records_per_second,
            self.mb_per_second
        );
        let mut section = |title: &str, map: &std::collections::BTreeMap<String, u64>| {
            if !map.is_empty() {
                s.push_str(&format!("\n  {title}:"));
                let mut items: Vec<_> = map.iter().collect();
                items.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
                for (k, v) in items {
                    s.push_str(&format!("\n    {v:>8}  {k}"));
                }
            }
        };
        section("skipped", &self.skipped_reasons);
        section("failed", &self.failed_reasons);
        section("stream problems", &self.stream_problems);
        s
    }
}

/// The stable part of a reason, for counting: details in parentheses and input offsets are
/// dropped ("truncated record (end of file)" → "truncated record").
pub fn reason_category(reason: &str) -> String {
    let mut cut = reason.len();
    for marker in [" (", " at input offset", ": "] {
        if let Some(i) = reason.find(marker) {
            cut = cut.min(i);
        }
    }
    reason[..cut].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_balance() {
        let mut s = Stats::default();
        s.count(&Outcome::Extracted { empty: true });
        s.count(&Outcome::Skipped("record type request".into()));
        s.count(&Outcome::Failed("truncated record".into()));
        assert!(s.is_balanced());
        assert_eq!((s.records, s.empty_text), (3, 1));
    }

    #[test]
    fn categories_drop_details() {
        assert_eq!(
            reason_category("truncated record (end of file)"),
            "truncated record"
        );
        assert_eq!(
            reason_category("corrupt gzip member at input offset 7: invalid"),
            "corrupt gzip member"
        );
        assert_eq!(reason_category("http status 404"), "http status 404");
    }
}
