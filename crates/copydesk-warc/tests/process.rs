//! End-to-end runs of `process_warc` over WARC files built here: every layout (plain, gzip per
//! record, gzip whole) and every kind of damage must leave each record counted exactly once.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use copydesk_warc::{done_marker, process_warc, OutputFormat, Stats, WarcOptions};
use flate2::write::GzEncoder;
use flate2::Compression;

const ARTICLE: &str = "<html><head><title>Budget vote</title></head><body><nav>Home | News</nav>\
<article><h1>Council passes budget</h1><p>The county council met on Tuesday evening and voted \
to approve the new budget for schools and roads after a long debate.</p><p>Residents who spoke \
at the meeting asked for more money for the bus service and for the library.</p></article>\
<footer>Copyright</footer></body></html>";

fn warc_record(kind: &str, id: usize, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:rec-{id}>\r\n\
         WARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-01T10:00:00Z\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut b = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    b.extend_from_slice(body);
    b
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// The standard mix: 3 HTML articles, and one record for each reason to skip.
/// Returns the records and the expected (extracted, skipped) counts.
fn standard_records() -> Vec<Vec<u8>> {
    let mut gz_body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
    gz_body.extend(gzip(ARTICLE.as_bytes()));
    vec![
        warc_record("warcinfo", 0, "", b"software: fixture"),
        warc_record(
            "request",
            1,
            "http://example.org/a",
            b"GET /a HTTP/1.1\r\n\r\n",
        ),
        warc_record(
            "response",
            2,
            "http://example.org/a",
            &http("200 OK", "text/html; charset=utf-8", ARTICLE.as_bytes()),
        ),
        warc_record(
            "response",
            3,
            "http://example.org/missing",
            &http(
                "404 Not Found",
                "text/html",
                b"<html><body>gone</body></html>",
            ),
        ),
        warc_record(
            "response",
            4,
            "http://example.org/logo.png",
            &http("200 OK", "image/png", b"\x89PNG\r\n\x1a\n0000"),
        ),
        warc_record("response", 5, "http://example.org/b", &gz_body),
        warc_record(
            "response",
            6,
            "dns:example.org",
            b"example.org. 300 IN A 10.0.0.1",
        ),
        warc_record("metadata", 7, "http://example.org/a", b"fetchTimeMs: 12"),
        warc_record(
            "response",
            8,
            "http://example.org/c",
            &http("200 OK", "text/html", ARTICLE.as_bytes()),
        ),
    ]
}

const STANDARD_EXTRACTED: u64 = 3;
const STANDARD_SKIPPED: u64 = 6;

struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let dir =
            std::env::temp_dir().join(format!("copydesk-warc-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Dir(dir)
    }
    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(
    dir: &Dir,
    name: &str,
    bytes: &[u8],
    options: &WarcOptions,
) -> (Stats, Vec<serde_json::Value>) {
    let input = dir.path(name);
    std::fs::write(&input, bytes).unwrap();
    let output = dir.path(&format!("{name}.jsonl"));
    let stats = process_warc(&input, &output, options).expect("process_warc");
    assert!(stats.is_balanced(), "{stats:#?}");
    let rows = read_jsonl(&output);
    assert_eq!(rows.len() as u64, stats.rows_written);
    assert_eq!(stats.rows_written, stats.extracted + stats.failed);
    assert!(done_marker(&output).exists());
    (stats, rows)
}

fn read_jsonl(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn options() -> WarcOptions {
    WarcOptions {
        threads: 2,
        batch_records: 3, // several batches even in small fixtures
        ..WarcOptions::default()
    }
}

fn check_standard(stats: &Stats, rows: &[serde_json::Value]) {
    assert_eq!(stats.records, 9, "{stats:#?}");
    assert_eq!(stats.extracted, STANDARD_EXTRACTED, "{stats:#?}");
    assert_eq!(stats.skipped, STANDARD_SKIPPED, "{stats:#?}");
    let expected: BTreeMap<String, u64> = [
        ("record type warcinfo", 1),
        ("record type request", 1),
        ("record type metadata", 1),
        ("http status 404", 1),
        ("content type image/png", 1),
        ("payload is not an HTTP response", 1),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    assert_eq!(stats.skipped_reasons, expected);
    for row in rows {
        assert!(row["error"].is_null());
        assert_eq!(row["http_status"], 200);
        assert!(
            row["text"]
                .as_str()
                .unwrap()
                .contains("voted to approve the new budget"),
            "{row}"
        );
        assert!(row["warc_record_id"]
            .as_str()
            .unwrap()
            .starts_with("<urn:uuid:rec-"));
        assert_eq!(row["warc_date"], "2024-05-01T10:00:00Z");
    }
    let uris: Vec<&str> = rows
        .iter()
        .map(|r| r["warc_target_uri"].as_str().unwrap())
        .collect();
    assert_eq!(
        uris,
        [
            "http://example.org/a",
            "http://example.org/b",
            "http://example.org/c"
        ]
    );
}

#[test]
fn plain_warc() {
    let dir = Dir::new("plain");
    let data: Vec<u8> = standard_records().concat();
    let (stats, rows) = run(&dir, "plain.warc", &data, &options());
    check_standard(&stats, &rows);
    assert!(stats.stream_problems.is_empty());
}

#[test]
fn gzip_per_record() {
    let dir = Dir::new("per-record");
    let data: Vec<u8> = standard_records().iter().flat_map(|r| gzip(r)).collect();
    let (stats, rows) = run(&dir, "per-record.warc.gz", &data, &options());
    check_standard(&stats, &rows);
    assert!(stats.stream_problems.is_empty(), "{stats:#?}");
}

#[test]
fn gzip_whole_file() {
    let dir = Dir::new("whole");
    let data = gzip(&standard_records().concat());
    let (stats, rows) = run(&dir, "whole.warc.gz", &data, &options());
    check_standard(&stats, &rows);
}

#[test]
fn truncated_gzip_member_fails_one_record_and_the_rest_go_on() {
    let dir = Dir::new("truncated");
    let records = standard_records();
    let mut data = Vec::new();
    for (i, r) in records.iter().enumerate() {
        let member = gzip(r);
        if i == 2 {
            data.extend_from_slice(&member[..member.len() / 2]);
        } else {
            data.extend(member);
        }
    }
    let (stats, rows) = run(&dir, "truncated.warc.gz", &data, &options());
    assert_eq!(stats.records, 9, "{stats:#?}");
    assert_eq!(stats.extracted, STANDARD_EXTRACTED - 1);
    assert_eq!(stats.failed, 1);
    assert_eq!(
        stats.failed_reasons.get("truncated record"),
        Some(&1),
        "{stats:#?}"
    );
    let failed: Vec<_> = rows.iter().filter(|r| !r["error"].is_null()).collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0]["warc_record_id"], "<urn:uuid:rec-2>");
}

#[test]
fn garbage_between_records_is_counted_and_skipped() {
    let dir = Dir::new("garbage");
    let records = standard_records();
    let mut data = Vec::new();
    for (i, r) in records.iter().enumerate() {
        data.extend_from_slice(r);
        if i == 3 {
            data.extend_from_slice(b"this line is not WARC\nnor is this one\n");
        }
    }
    let (stats, rows) = run(&dir, "garbage.warc", &data, &options());
    check_standard(&stats, &rows);
    assert_eq!(
        stats
            .stream_problems
            .get("bytes that are not a WARC record"),
        Some(&1)
    );
    assert!(stats.garbage_bytes > 0);
}

#[test]
fn garbage_between_gzip_members_is_counted() {
    let dir = Dir::new("gz-garbage");
    let mut data = Vec::new();
    for (i, r) in standard_records().iter().enumerate() {
        data.extend(gzip(r));
        if i == 4 {
            data.extend_from_slice(b"\x00\x01junk between members");
        }
    }
    let (stats, rows) = run(&dir, "gz-garbage.warc.gz", &data, &options());
    check_standard(&stats, &rows);
    assert_eq!(stats.stream_problems.values().sum::<u64>(), 1, "{stats:#?}");
}

#[test]
fn wrong_content_lengths_fail_only_their_records() {
    let dir = Dir::new("length");
    let mut records = standard_records();
    let lengthen = |r: &Vec<u8>, delta: i64| -> Vec<u8> {
        let text = String::from_utf8(r.clone()).unwrap();
        let start = text.find("Content-Length: ").unwrap() + 16;
        let end = start + text[start..].find('\r').unwrap();
        let n: i64 = text[start..end].parse().unwrap();
        format!("{}{}{}", &text[..start], n + delta, &text[end..]).into_bytes()
    };
    records[2] = lengthen(&records[2], 40); // swallows the start of record 3
    records[8] = lengthen(&records[8], -30); // stops short
    let (stats, _rows) = run(&dir, "length.warc", &records.concat(), &options());
    assert_eq!(stats.records, 9, "{stats:#?}");
    assert_eq!(stats.failed, 2, "{stats:#?}");
    assert_eq!(
        stats
            .failed_reasons
            .get("Content-Length longer than the record"),
        Some(&1)
    );
    assert_eq!(
        stats
            .failed_reasons
            .get("Content-Length shorter than the record"),
        Some(&1)
    );
    assert_eq!(stats.extracted, STANDARD_EXTRACTED - 2);
    assert!(stats.stream_problems.is_empty(), "{stats:#?}");
}

#[test]
fn not_a_warc_is_counted_not_fatal() {
    let dir = Dir::new("not-warc");
    let (stats, rows) = run(&dir, "page.html", ARTICLE.as_bytes(), &options());
    assert_eq!(stats.records, 0);
    assert!(rows.is_empty());
    assert_eq!(stats.stream_problems.values().sum::<u64>(), 1);
    assert_eq!(stats.garbage_bytes, ARTICLE.len() as u64);
}

#[test]
fn record_over_the_limit_is_skipped_without_holding_it() {
    let dir = Dir::new("oversize");
    let big = http("200 OK", "text/html", &vec![b'a'; 200_000]);
    let mut records = standard_records();
    records.insert(
        3,
        warc_record("response", 99, "http://example.org/big", &big),
    );
    let opts = WarcOptions {
        max_record_bytes: 100_000,
        ..options()
    };
    let (stats, rows) = run(&dir, "oversize.warc", &gzip(&records.concat()), &opts);
    assert_eq!(stats.records, 10);
    assert_eq!(
        stats.skipped_reasons.get("record larger than the limit"),
        Some(&1)
    );
    assert_eq!(rows.len() as u64, STANDARD_EXTRACTED);
}

#[test]
fn parquet_output_has_one_row_per_extracted_or_failed_record() {
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let dir = Dir::new("parquet");
    let mut records = standard_records();
    records.truncate(records.len() - 1);
    let mut data: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
    let last = gzip(&warc_record(
        "response",
        8,
        "http://example.org/c",
        &http("200 OK", "text/html", ARTICLE.as_bytes()),
    ));
    data.extend_from_slice(&last[..last.len() / 2]);
    let input = dir.path("p.warc.gz");
    std::fs::write(&input, &data).unwrap();
    let output = dir.path("out/p.parquet");
    let stats = process_warc(&input, &output, &options()).unwrap();
    assert!(stats.is_balanced());
    assert_eq!((stats.extracted, stats.failed), (2, 1), "{stats:#?}");
    let file = std::fs::File::open(&output).unwrap();
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .build()
        .unwrap();
    let mut rows = 0;
    let mut errors = 0;
    for batch in reader {
        let batch = batch.unwrap();
        assert_eq!(batch.schema(), copydesk_warc::parquet_schema());
        rows += batch.num_rows();
        errors += batch.num_rows() - batch.column_by_name("error").unwrap().null_count();
    }
    assert_eq!(rows as u64, stats.rows_written);
    assert_eq!(errors, 1);
    assert_eq!(OutputFormat::from_path(&output), OutputFormat::Parquet);
}

#[test]
fn resume_skips_finished_files_and_leaves_no_temp_files() {
    let dir = Dir::new("resume");
    let input = dir.path("r.warc");
    std::fs::write(&input, standard_records().concat()).unwrap();
    let output = dir.path("r.jsonl.gz");
    let first = process_warc(&input, &output, &options()).unwrap();
    assert!(!first.resumed);
    let opts = WarcOptions {
        resume: true,
        ..options()
    };
    let second = process_warc(&input, &output, &opts).unwrap();
    assert!(second.resumed);
    assert_eq!(second.extracted, first.extracted);
    let leftovers: Vec<_> = std::fs::read_dir(&dir.0)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty());
    // Without the marker the file is processed again.
    std::fs::remove_file(done_marker(&output)).unwrap();
    let third = process_warc(&input, &output, &opts).unwrap();
    assert!(!third.resumed);
    let gz = std::fs::read(&output).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut text).unwrap();
    assert_eq!(text.lines().count() as u64, third.rows_written);
}
