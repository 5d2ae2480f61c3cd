//! Integration tests of `copydesk warc`: one file to one output, many files to a directory,
//! the stats JSON, `--resume`, and an unreadable input that fails alone.

mod common;

use std::io::Write;
use std::path::Path;

use common::copydesk;
use serde_json::Value;

const ARTICLE: &str = "<html><head><title>Bridge reopens</title></head><body><article>\
<h1>Bridge reopens</h1><p>Engineers replaced the corroded steel cables of the old river \
bridge over the summer and the city reopened it to traffic on Monday morning.</p></article>\
</body></html>";

fn warc_record(kind: &str, id: usize, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
         WARC-Target-URI: http://example.org/{id}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// A WARC in Common Crawl's layout: every record (the warcinfo too) its own gzip member.
fn write_warc(path: &Path, responses: usize) {
    let gzip = |record: Vec<u8>| {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&record).unwrap();
        gz.finish().unwrap()
    };
    let mut data = gzip(warc_record("warcinfo", 0, b"software: test"));
    for i in 1..=responses {
        let block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{ARTICLE}");
        data.extend(gzip(warc_record("response", i, block.as_bytes())));
    }
    std::fs::write(path, data).unwrap();
}

#[test]
fn one_file_to_jsonl_with_stats() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.warc.gz");
    write_warc(&input, 3);
    let out = dir.path().join("out.jsonl");
    let stats = dir.path().join("stats.json");
    let run = copydesk(&[
        "warc",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--stats-json",
        stats.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let rows: Vec<Value> = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3);
    assert!(rows[0]["text"]
        .as_str()
        .unwrap()
        .contains("corroded steel cables"));
    let stats: Value = serde_json::from_str(&std::fs::read_to_string(&stats).unwrap()).unwrap();
    assert_eq!(stats["total"]["records"], 4);
    assert_eq!(stats["total"]["extracted"], 3);
    assert_eq!(stats["total"]["skipped_reasons"]["record type warcinfo"], 1);
    assert!(String::from_utf8_lossy(&run.stderr).contains("3 extracted"));
}

#[test]
fn many_files_to_a_directory_resume_and_a_missing_input() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.warc.gz");
    let b = dir.path().join("b.warc.gz");
    write_warc(&a, 2);
    write_warc(&b, 1);
    let out = dir.path().join("out");
    let args = |extra: &[&str]| {
        let mut v = vec![
            "warc".to_string(),
            a.to_string_lossy().into_owned(),
            b.to_string_lossy().into_owned(),
            "-o".into(),
            out.to_string_lossy().into_owned(),
            "--format".into(),
            "parquet".into(),
        ];
        v.extend(extra.iter().map(|s| s.to_string()));
        v
    };
    let first = copydesk(&args(&[]).iter().map(String::as_str).collect::<Vec<_>>());
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(out.join("a.parquet").exists() && out.join("b.parquet.done").exists());
    let again = copydesk(
        &args(&["--resume"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert!(again.status.success());
    assert_eq!(
        String::from_utf8_lossy(&again.stderr)
            .matches("already done")
            .count(),
        2
    );
    let missing = dir.path().join("missing.warc.gz");
    let run = copydesk(&[
        "warc",
        missing.to_str().unwrap(),
        a.to_str().unwrap(),
        "-o",
        dir.path().join("out2").to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    assert!(dir.path().join("out2/a.jsonl").exists());
}
