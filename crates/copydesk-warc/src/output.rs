//! The output rows and their two encodings: JSONL (optionally gzipped) and Parquet.
//!
//! One row per record that reached extraction or failed: the [`Article`] fields (the design
//! note's record, same JSON names) plus the WARC context. Skipped records get no row; they are
//! counted in the stats.
//!
//! Parquet schema (all strings UTF-8, every column nullable unless noted):
//!
//! | column | type | |
//! |---|---|---|
//! | source | string | the WARC file the record came from |
//! | url, canonical_url, title | string | |
//! | authors | list<string> (not null, may be empty) | |
//! | date_published, date_modified | string | ISO 8601 |
//! | image, site_name, language, description | string | |
//! | tags | list<string> (not null, may be empty) | |
//! | dateline_place, dateline_date, dateline_agency | string | the `dateline` object, flattened |
//! | page_type | string | |
//! | text | string | null when the record failed |
//! | markdown, html, comments | string | when asked for |
//! | warc_record_id, warc_target_uri, warc_date | string | from the WARC header |
//! | http_status | int32 | |
//! | error | string | why the record failed; null when extracted |

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::sync::Arc;

use arrow_array::builder::{Int32Builder, ListBuilder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use copydesk::Article;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use serde::Serialize;

/// One output row.
#[derive(Debug, Clone, Default, Serialize)]
pub struct OutputRow {
    #[serde(flatten)]
    pub article: Article,
    pub warc_record_id: Option<String>,
    pub warc_target_uri: Option<String>,
    pub warc_date: Option<String>,
    pub http_status: Option<u16>,
    pub error: Option<String>,
}

/// The output encodings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Jsonl,
    JsonlGz,
    Parquet,
}

impl OutputFormat {
    /// The format named by a path's extension: `.parquet`, `.jsonl.gz` / `.json.gz`, else JSONL.
    pub fn from_path(path: &Path) -> OutputFormat {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if name.ends_with(".parquet") {
            OutputFormat::Parquet
        } else if name.ends_with(".gz") {
            OutputFormat::JsonlGz
        } else {
            OutputFormat::Jsonl
        }
    }

    /// The file extension for this format.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Jsonl => "jsonl",
            OutputFormat::JsonlGz => "jsonl.gz",
            OutputFormat::Parquet => "parquet",
        }
    }

    /// Parses a format name as given on a command line.
    pub fn parse(name: &str) -> Option<OutputFormat> {
        match name.to_ascii_lowercase().as_str() {
            "jsonl" | "json" => Some(OutputFormat::Jsonl),
            "jsonl.gz" | "jsonl-gz" | "jsonlgz" => Some(OutputFormat::JsonlGz),
            "parquet" => Some(OutputFormat::Parquet),
            _ => None,
        }
    }
}

/// Where rows go.
pub enum RowSink {
    Jsonl(Box<dyn Write + Send>),
    JsonlGz(Box<flate2::write::GzEncoder<BufWriter<File>>>),
    Parquet(Box<ArrowWriter<File>>),
}

/// Flush a Parquet row group once this many bytes are buffered. Small enough that every input
/// above a few tens of MB reaches this steady state early, so peak memory does not grow with
/// the input (measured with 32 MiB: 162 MB peak RSS on a 100 MB WARC, which never reached a
/// flush, vs 208 MB on 1 GB).
const PARQUET_FLUSH_BYTES: usize = 8 * 1024 * 1024;

/// The zstd level of the Parquet pages.
const PARQUET_ZSTD_LEVEL: i32 = 1;

impl RowSink {
    pub fn create(path: &Path, format: OutputFormat) -> io::Result<RowSink> {
        let file = File::create(path)?;
        Ok(match format {
            OutputFormat::Jsonl => RowSink::Jsonl(Box::new(BufWriter::new(file))),
            OutputFormat::JsonlGz => RowSink::JsonlGz(Box::new(flate2::write::GzEncoder::new(
                BufWriter::new(file),
                flate2::Compression::new(6),
            ))),
            OutputFormat::Parquet => {
                // Level 1: zstd's fast strategy; level 3 spent about 3 % of the whole run's
                // CPU in the writer thread for a file only slightly smaller.
                let zstd = ZstdLevel::try_new(PARQUET_ZSTD_LEVEL).map_err(io::Error::other)?;
                let props = WriterProperties::builder()
                    .set_compression(Compression::ZSTD(zstd))
                    .build();
                let writer = ArrowWriter::try_new(file, parquet_schema(), Some(props))
                    .map_err(io::Error::other)?;
                RowSink::Parquet(Box::new(writer))
            }
        })
    }

    pub fn write(&mut self, rows: &[OutputRow]) -> io::Result<()> {
        match self {
            RowSink::Jsonl(w) => write_jsonl(w, rows),
            RowSink::JsonlGz(w) => write_jsonl(w.as_mut(), rows),
            RowSink::Parquet(w) => {
                if rows.is_empty() {
                    return Ok(());
                }
                let batch = to_record_batch(rows).map_err(io::Error::other)?;
                w.write(&batch).map_err(io::Error::other)?;
                if w.in_progress_size() > PARQUET_FLUSH_BYTES {
                    w.flush().map_err(io::Error::other)?;
                }
                Ok(())
            }
        }
    }

    /// Finishes the file and syncs it to disk.
    pub fn finish(self) -> io::Result<()> {
        let file = match self {
            RowSink::Jsonl(mut w) => {
                w.flush()?;
                return Ok(());
            }
            RowSink::JsonlGz(w) => w.finish()?.into_inner().map_err(|e| e.into_error())?,
            RowSink::Parquet(w) => w.into_inner().map_err(io::Error::other)?,
        };
        file.sync_all()
    }
}

fn write_jsonl(w: &mut impl Write, rows: &[OutputRow]) -> io::Result<()> {
    for row in rows {
        serde_json::to_writer(&mut *w, row)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

const STRING_COLUMNS_HEAD: [&str; 3] = ["source", "url", "canonical_url"];

/// The Parquet/Arrow schema of the output (see the module doc).
pub fn parquet_schema() -> SchemaRef {
    let s = |name: &str| Field::new(name, DataType::Utf8, true);
    let list = |name: &str| {
        Field::new(
            name,
            DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
            false,
        )
    };
    let mut fields: Vec<Field> = STRING_COLUMNS_HEAD.iter().map(|n| s(n)).collect();
    fields.push(s("title"));
    fields.push(list("authors"));
    for name in [
        "date_published",
        "date_modified",
        "image",
        "site_name",
        "language",
        "description",
    ] {
        fields.push(s(name));
    }
    fields.push(list("tags"));
    for name in [
        "dateline_place",
        "dateline_date",
        "dateline_agency",
        "page_type",
        "text",
        "markdown",
        "html",
        "comments",
        "warc_record_id",
        "warc_target_uri",
        "warc_date",
    ] {
        fields.push(s(name));
    }
    fields.push(Field::new("http_status", DataType::Int32, true));
    fields.push(s("error"));
    Arc::new(Schema::new(fields))
}

fn to_record_batch(rows: &[OutputRow]) -> Result<RecordBatch, arrow_schema::ArrowError> {
    let column = |get: &dyn Fn(&OutputRow) -> Option<&str>| -> ArrayRef {
        let mut b = StringBuilder::new();
        for row in rows {
            b.append_option(get(row));
        }
        Arc::new(b.finish())
    };
    let list = |get: &dyn Fn(&OutputRow) -> &[String]| -> ArrayRef {
        let mut b = ListBuilder::new(StringBuilder::new());
        for row in rows {
            for v in get(row) {
                b.values().append_value(v);
            }
            b.append(true);
        }
        Arc::new(b.finish())
    };
    fn dateline(row: &OutputRow, pick: fn(&copydesk::Dateline) -> Option<&str>) -> Option<&str> {
        row.article.dateline.as_ref().and_then(pick)
    }
    let failed = |row: &OutputRow| row.error.is_some();
    let mut status = Int32Builder::new();
    for row in rows {
        status.append_option(row.http_status.map(i32::from));
    }
    let columns: Vec<ArrayRef> = vec![
        column(&|r| r.article.source.as_deref()),
        column(&|r| r.article.url.as_deref()),
        column(&|r| r.article.canonical_url.as_deref()),
        column(&|r| r.article.title.as_deref()),
        list(&|r| &r.article.authors),
        column(&|r| r.article.date_published.as_deref()),
        column(&|r| r.article.date_modified.as_deref()),
        column(&|r| r.article.image.as_deref()),
        column(&|r| r.article.site_name.as_deref()),
        column(&|r| r.article.language.as_deref()),
        column(&|r| r.article.description.as_deref()),
        list(&|r| &r.article.tags),
        column(&|r| dateline(r, |d| d.place.as_deref())),
        column(&|r| dateline(r, |d| d.date.as_deref())),
        column(&|r| dateline(r, |d| d.agency.as_deref())),
        column(&|r| r.article.page_type.as_deref()),
        column(&|r| (!failed(r)).then_some(r.article.text.as_str())),
        column(&|r| r.article.markdown.as_deref()),
        column(&|r| r.article.html.as_deref()),
        column(&|r| r.article.comments.as_deref()),
        column(&|r| r.warc_record_id.as_deref()),
        column(&|r| r.warc_target_uri.as_deref()),
        column(&|r| r.warc_date.as_deref()),
        Arc::new(status.finish()),
        column(&|r| r.error.as_deref()),
    ];
    RecordBatch::try_new(parquet_schema(), columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_extension() {
        assert_eq!(
            OutputFormat::from_path(Path::new("a/b.parquet")),
            OutputFormat::Parquet
        );
        assert_eq!(
            OutputFormat::from_path(Path::new("b.jsonl.gz")),
            OutputFormat::JsonlGz
        );
        assert_eq!(
            OutputFormat::from_path(Path::new("b.jsonl")),
            OutputFormat::Jsonl
        );
    }

    #[test]
    fn record_batch_matches_schema() {
        let mut row = OutputRow::default();
        row.article.authors = vec!["A".into(), "B".into()];
        row.article.text = "body".into();
        row.http_status = Some(200);
        let failed = OutputRow {
            error: Some("truncated record".into()),
            ..OutputRow::default()
        };
        let batch = to_record_batch(&[row, failed]).unwrap();
        assert_eq!(batch.num_rows(), 2);
        assert_eq!(batch.num_columns(), parquet_schema().fields().len());
        let text = batch.column_by_name("text").unwrap();
        assert_eq!(text.null_count(), 1);
    }
}
