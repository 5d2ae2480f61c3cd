//! copydesk-warc: WARC files in, extracted articles out.
//!
//! [`process_warc`] is the unit of work every front end calls (the CLI's `copydesk warc`, the
//! Python package, the Ray and Spark helpers): one WARC file (WARC 1.0/1.1, plain, gzip per
//! record or gzip whole) → one JSONL / JSONL.gz / Parquet file, extracted on all cores, every
//! record accounted for in [`Stats`].
//!
//! Layers: [`stream`] (bytes, gzip members, damage as breaks) → [`reader`] (WARC records,
//! resync) → [`http`] (status, headers, encodings) → [`process`] (classify, extract, write) →
//! [`output`] (row encodings, the Parquet schema) and [`stats`] (the accounting).

pub mod http;
pub mod output;
pub mod process;
pub mod reader;
pub mod stats;
pub mod stream;

pub use output::{parquet_schema, OutputFormat, OutputRow};
pub use process::{done_marker, process_warc, WarcError, WarcOptions};
pub use stats::Stats;
