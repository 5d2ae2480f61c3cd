//! Integration tests of the `copydesk` binary: output formats, batches in input order,
//! manifests, gzip input, and bad input (truncated gzip, empty, binary, too large) that must
//! fail per input with a clear error while the other inputs still come out.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::{copydesk, copydesk_with_stdin};
use serde_json::Value;

const NEWS_SENTENCE: &str = "Engineers replaced forty-two corroded steel cables";
const RECIPE_SENTENCE: &str = "Die Äpfel werden geschält, geviertelt";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("test paths are UTF-8")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json_lines(output: &Output) -> Vec<Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("every output line is JSON"))
        .collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).expect("gzip in memory");
    encoder.finish().expect("gzip in memory")
}

fn write_temp(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("temp file written");
    path
}

/// Deterministic non-text bytes: a PNG signature followed by pseudo-random noise.
fn binary_garbage(len: usize) -> Vec<u8> {
    let mut state: u32 = 0x2545_f491;
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    while bytes.len() < len {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        bytes.extend_from_slice(&state.to_le_bytes());
    }
    bytes
}

fn assert_not_a_crash(output: &Output) {
    // 101 is Rust's panic exit status; a signal leaves no code at all.
    assert!(
        matches!(output.status.code(), Some(0..=2)),
        "status {:?}, stderr: {}",
        output.status,
        stderr(output)
    );
}

#[test]
fn json_output_carries_the_record_fields() {
    let news = fixture("news.html");
    let url = "https://courier.example.com/2024/03/14/harbour-bridge-reopens";
    let output = copydesk(&["extract", "--format", "json", "--url", url, path_str(&news)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let records = json_lines(&output);
    assert_eq!(records.len(), 1);
    let record = &records[0];
    assert_eq!(record["source"], path_str(&news));
    assert_eq!(record["url"], url);
    assert!(record["title"]
        .as_str()
        .is_some_and(|t| t.contains("Harbour Bridge Reopens")));
    assert!(record["text"]
        .as_str()
        .is_some_and(|t| t.contains(NEWS_SENTENCE)));
    for field in ["authors", "date_published", "site_name", "language", "tags"] {
        assert!(record.get(field).is_some(), "missing field {field}");
    }
    assert!(record.get("markdown").is_none());
    assert!(record.get("error").is_none());
}

#[test]
fn text_output_is_the_plain_body() {
    let output = copydesk(&["extract", path_str(&fixture("news.html"))]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains(NEWS_SENTENCE), "{text}");
    assert!(!text.trim_start().starts_with('{'));
    assert!(!text.contains("<p>"));
}

#[test]
fn markdown_and_html_formats() {
    let news = fixture("news.html");
    let markdown = copydesk(&["extract", "--format", "markdown", path_str(&news)]);
    assert!(markdown.status.success(), "{}", stderr(&markdown));
    assert!(stdout(&markdown).contains(NEWS_SENTENCE));
    let html = copydesk(&["extract", "--format", "html", path_str(&news)]);
    assert!(html.status.success(), "{}", stderr(&html));
    assert!(stdout(&html).contains('<'));
    // With many inputs the output is JSON Lines, the chosen rendering as an extra field.
    let recipe = fixture("recipe.html");
    let batch = copydesk(&[
        "extract",
        "--format",
        "markdown",
        path_str(&news),
        path_str(&recipe),
    ]);
    let records = json_lines(&batch);
    assert_eq!(records.len(), 2);
    assert!(records.iter().all(|r| r["markdown"].is_string()));
}

#[test]
fn stdin_is_read_with_dash_or_no_file() {
    let page = std::fs::read(fixture("news.html")).expect("fixture");
    for args in [&["extract", "-"][..], &["extract"][..]] {
        let output = copydesk_with_stdin(args, &page);
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(stdout(&output).contains(NEWS_SENTENCE));
    }
    let output = copydesk_with_stdin(&["extract", "--format", "json"], &gzip(&page));
    assert_eq!(json_lines(&output)[0]["source"], "-");
}

#[test]
fn many_files_come_out_in_input_order() {
    let news = fixture("news.html");
    let recipe = fixture("recipe.html");
    let inputs: Vec<&Path> = (0..12)
        .map(|i| if i % 3 == 0 { &recipe } else { &news })
        .map(PathBuf::as_path)
        .collect();
    let mut args = vec!["extract", "--threads", "4"];
    args.extend(inputs.iter().map(|p| path_str(p)));
    let output = copydesk(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    let records = json_lines(&output);
    assert_eq!(records.len(), inputs.len());
    for (record, input) in records.iter().zip(&inputs) {
        assert_eq!(record["source"], path_str(input));
        let expected = if *input == recipe.as_path() {
            RECIPE_SENTENCE
        } else {
            NEWS_SENTENCE
        };
        assert!(record["text"]
            .as_str()
            .is_some_and(|t| t.contains(expected)));
    }
    assert!(stderr(&output).contains("12 inputs: 12 extracted, 0 failed"));
}

#[test]
fn manifest_lines_with_urls_and_failures() {
    let output = copydesk(&[
        "extract",
        "--manifest",
        path_str(&fixture("manifest.jsonl")),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let records = json_lines(&output);
    assert_eq!(
        records.len(),
        5,
        "every non-blank manifest line is accounted for"
    );
    assert_eq!(records[0]["source"], "recipe.html");
    assert_eq!(
        records[0]["url"],
        "https://kochen.example.de/rezepte/apfelkuchen"
    );
    assert!(records[0]["text"]
        .as_str()
        .is_some_and(|t| t.contains(RECIPE_SENTENCE)));
    assert_eq!(
        records[1]["url"],
        "https://courier.example.com/2024/03/14/harbour-bridge-reopens"
    );
    assert_eq!(records[2]["source"], "no-such-page.html");
    assert!(records[2]["error"]
        .as_str()
        .is_some_and(|e| e.contains("cannot open")));
    assert!(records[3]["source"]
        .as_str()
        .is_some_and(|s| s.ends_with("manifest.jsonl:5")));
    assert!(records[3]["error"]
        .as_str()
        .is_some_and(|e| e.contains("bad manifest line")));
    assert!(records[4]["url"].is_null());
    assert!(records[4]["text"]
        .as_str()
        .is_some_and(|t| t.contains(NEWS_SENTENCE)));
    assert!(stderr(&output).contains("5 inputs: 3 extracted, 2 failed"));
}

#[test]
fn gzipped_input_is_decompressed_whatever_its_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = std::fs::read(fixture("news.html")).expect("fixture");
    let plain = copydesk(&["extract", path_str(&fixture("news.html"))]);
    for name in ["news.html.gz", "news-without-suffix"] {
        let path = write_temp(dir.path(), name, &gzip(&page));
        let output = copydesk(&["extract", path_str(&path)]);
        assert!(output.status.success(), "{}", stderr(&output));
        assert_eq!(stdout(&output), stdout(&plain));
    }
}

#[test]
fn truncated_gzip_fails_alone_and_the_rest_is_processed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let compressed = gzip(&std::fs::read(fixture("news.html")).expect("fixture"));
    let truncated = write_temp(
        dir.path(),
        "cut.html.gz",
        &compressed[..compressed.len() / 2],
    );
    let news = fixture("news.html");
    let recipe = fixture("recipe.html");
    let output = copydesk(&[
        "extract",
        path_str(&news),
        path_str(&truncated),
        path_str(&recipe),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let records = json_lines(&output);
    assert_eq!(records.len(), 3);
    assert!(records[0]["text"].is_string());
    assert_eq!(records[1]["source"], path_str(&truncated));
    let error = records[1]["error"].as_str().expect("an error line");
    assert!(error.contains("gzip"), "{error}");
    assert!(records[1].get("text").is_none());
    assert_eq!(records[2]["source"], path_str(&recipe));
    assert!(records[2]["text"].is_string());
    assert!(stderr(&output).contains("3 inputs: 2 extracted, 1 failed"));
    // Alone, in text mode, the error goes to stderr.
    let alone = copydesk(&["extract", path_str(&truncated)]);
    assert_eq!(alone.status.code(), Some(1));
    assert!(stdout(&alone).is_empty());
    assert!(stderr(&alone).contains("gzip"), "{}", stderr(&alone));
}

#[test]
fn empty_file_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let empty = write_temp(dir.path(), "empty.html", b"");
    let output = copydesk(&["extract", path_str(&empty)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty());
    assert!(stderr(&output).contains("empty"), "{}", stderr(&output));
    let json = copydesk(&["extract", "--format", "json", path_str(&empty)]);
    assert_eq!(json.status.code(), Some(1));
    let records = json_lines(&json);
    assert_eq!(records[0]["source"], path_str(&empty));
    assert!(records[0]["error"].is_string());
}

#[test]
fn binary_garbage_fails_without_a_crash() {
    let dir = tempfile::tempdir().expect("temp dir");
    let garbage = write_temp(dir.path(), "image.png", &binary_garbage(64 * 1024));
    let news = fixture("news.html");
    let output = copydesk(&["extract", path_str(&garbage), path_str(&news)]);
    assert_not_a_crash(&output);
    assert_eq!(output.status.code(), Some(1));
    let records = json_lines(&output);
    assert!(records[0]["error"].is_string(), "{:?}", records[0]);
    assert!(records[1]["text"].is_string());
}

#[test]
fn inputs_over_max_bytes_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = std::fs::read(fixture("news.html")).expect("fixture");
    let limit = (page.len() - 1).to_string();
    let output = copydesk(&[
        "extract",
        "--max-bytes",
        &limit,
        path_str(&fixture("news.html")),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("--max-bytes"),
        "{}",
        stderr(&output)
    );
    // A small gzip that expands past the limit is refused without expanding it all.
    let mut bomb = b"<html><body><p>".to_vec();
    bomb.resize(20 * 1024 * 1024, b' ');
    let bomb = write_temp(dir.path(), "bomb.html.gz", &gzip(&bomb));
    let output = copydesk(&[
        "extract",
        "--format",
        "json",
        "--max-bytes",
        "100000",
        path_str(&bomb),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let error = json_lines(&output)[0]["error"]
        .as_str()
        .expect("an error line")
        .to_string();
    assert!(error.contains("decompressed input is larger"), "{error}");
    // At the limit exactly, the page goes through.
    let exact = page.len().to_string();
    let output = copydesk(&[
        "extract",
        "--max-bytes",
        &exact,
        path_str(&fixture("news.html")),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn missing_file_and_usage_errors() {
    let output = copydesk(&["extract", "/nonexistent/copydesk/page.html"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("cannot open"));
    let output = copydesk(&["extract", "-", "-"]);
    assert_eq!(output.status.code(), Some(2));
    let output = copydesk(&["extract", "--format", "pdf", "x.html"]);
    assert_eq!(output.status.code(), Some(2));
    let output = copydesk(&["extract", "--manifest", "/nonexistent/manifest.jsonl"]);
    assert_eq!(output.status.code(), Some(2));
}

/// A two-page dataset in the gold format, built from the fixtures.
fn tiny_dataset(root: &Path) -> PathBuf {
    let dir = root.join("tiny-set");
    std::fs::create_dir_all(dir.join("pages")).expect("dataset dir");
    for (id, name) in [("n1", "news.html"), ("r1", "recipe.html")] {
        let page = std::fs::read(fixture(name)).expect("fixture");
        write_temp(&dir.join("pages"), &format!("{id}.html.gz"), &gzip(&page));
    }
    let gold = [
        serde_json::json!({"id": "n1", "url": "https://courier.example.com/a",
            "body": "one two three four five", "title": "Harbour Bridge Reopens",
            "with": ["alpha beta", "gamma"], "without": ["menu"], "page_type": "article"}),
        serde_json::json!({"id": "r1", "url": "https://kochen.example.de/b",
            "body": "six seven eight", "date": "2024-01-02", "page_type": "recipe"}),
    ];
    let lines: Vec<String> = gold.iter().map(Value::to_string).collect();
    write_temp(&dir, "gold.jsonl", lines.join("\n").as_bytes());
    dir
}

#[test]
fn eval_scores_external_predictions_with_hand_computed_numbers() {
    let root = tempfile::tempdir().expect("temp dir");
    let dataset = tiny_dataset(root.path());
    // n1: prediction "one two three four six" → gold shingles {1234, 2345}, predicted
    // {1234, 2346}: P 0.5, R 0.5. Snippets: "alpha beta" found, "gamma" missing, "menu" found.
    // r1: no line → empty output: recall 0, left out of precision.
    let predictions = write_temp(
        root.path(),
        "other.jsonl",
        concat!(
            r#"{"id": "n1", "text": "one two three four six alpha  beta menu", "#,
            r#""title": "harbour bridge reopens", "cpu_ms": 2.5}"#,
            "\n",
            r#"{"id": "zz", "text": "not in the dataset"}"#,
            "\n"
        )
        .as_bytes(),
    );
    let output = copydesk(&[
        "eval",
        path_str(&dataset),
        "--predictions",
        path_str(&predictions),
        "--json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let result: Value = serde_json::from_str(&stdout(&output)).expect("JSON result");
    let set = &result["datasets"][0];
    assert_eq!(set["name"], "tiny-set");
    assert_eq!(set["system"], "other");
    assert_eq!(set["unmatched_predictions"], 1);
    let metrics = &set["metrics"];
    let close = |value: &Value, expected: f64| {
        let got = value.as_f64().expect("a number");
        assert!((got - expected).abs() < 1e-9, "{got} != {expected}");
    };
    // Shingles on n1 ("one two three four six alpha beta menu", 8 tokens → 5 shingles):
    // tp 1 (one two three four), fp 4, fn 1 → P 0.2, R 0.5; r1: R 0.
    close(&metrics["shingle_precision"], 0.2);
    close(&metrics["shingle_recall"], 0.25);
    close(&metrics["shingle_f1"], 2.0 * 0.2 * 0.25 / 0.45);
    assert_eq!(metrics["empty_outputs"], 1);
    // Snippets pooled: tp 1, fn 1, fp 1, tn 0.
    close(&metrics["snippet_precision"], 0.5);
    close(&metrics["snippet_accuracy"], 1.0 / 3.0);
    close(&metrics["title_accuracy"], 1.0);
    assert_eq!(metrics["title_pages"], 1);
    close(&metrics["date_accuracy"], 0.0);
    close(&metrics["cpu_ms_median"], 2.5);
    assert_eq!(set["page_types"]["recipe"]["pages"], 1);

    // Floors: a recorded figure well above the measured one fails the run…
    let doc = write_temp(
        root.path(),
        "BENCH.md",
        b"# Bench\n<!-- accuracy-floor: {\"tiny-set\": {\"snippet_precision\": 0.9}} -->\n",
    );
    let args = [
        "eval",
        path_str(&dataset),
        "--predictions",
        path_str(&predictions),
        "--floor",
        path_str(&doc),
    ];
    let failed = copydesk(&args);
    assert_eq!(failed.status.code(), Some(1));
    assert!(
        stderr(&failed).contains("snippet_precision"),
        "{}",
        stderr(&failed)
    );
    // …and a figure within the tolerance passes.
    std::fs::write(
        &doc,
        "<!-- accuracy-floor: {\"tiny-set\": {\"snippet_precision\": 0.504}} -->",
    )
    .expect("rewrite floor");
    let passed = copydesk(&args);
    assert!(passed.status.success(), "{}", stderr(&passed));
}

#[test]
fn eval_runs_copydesk_with_filters_and_worst_pages() {
    let root = tempfile::tempdir().expect("temp dir");
    let dataset = tiny_dataset(root.path());
    let output = copydesk(&["eval", path_str(&dataset), "--worst", "1", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let result: Value = serde_json::from_str(&stdout(&output)).expect("JSON result");
    let set = &result["datasets"][0];
    assert_eq!(set["system"], "copydesk");
    assert_eq!(set["metrics"]["pages"], 2);
    assert_eq!(set["metrics"]["errors"], 0);
    assert!(set["metrics"]["cpu_ms_mean"]
        .as_f64()
        .is_some_and(|ms| ms >= 0.0));
    assert_eq!(set["worst"].as_array().map(Vec::len), Some(1));
    // Filters: by id, by page type, by count.
    let by_id = copydesk(&["eval", path_str(&dataset), "--ids", "r1", "--json"]);
    let result: Value = serde_json::from_str(&stdout(&by_id)).expect("JSON result");
    assert_eq!(result["datasets"][0]["metrics"]["pages"], 1);
    assert_eq!(result["datasets"][0]["metrics"]["date_pages"], 1);
    let text = copydesk(&["eval", path_str(&dataset), "--page-type", "article"]);
    assert!(text.status.success());
    let table = stdout(&text);
    assert!(table.contains("tiny-set — copydesk (1 pages)"), "{table}");
    assert!(table.contains("snippet F1"), "{table}");
    // --predictions takes one dataset.
    let two = copydesk(&[
        "eval",
        path_str(&dataset),
        path_str(&dataset),
        "--predictions",
        "x.jsonl",
    ]);
    assert_eq!(two.status.code(), Some(2));
}

#[test]
fn default_size_limit_refuses_a_huge_page_with_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    // 17 MB of paragraphs: over the library's default limit of 16 MiB.
    let mut page = b"<html><body>".to_vec();
    while page.len() < 17 * 1024 * 1024 {
        page.extend_from_slice(b"<p>Words of a very long page.</p>\n");
    }
    let huge = write_temp(dir.path(), "huge.html", &page);
    let output = copydesk(&["extract", path_str(&huge)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("larger than the limit"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_reader_that_stops_early_does_not_crash_the_batch() {
    use std::io::{BufRead, BufReader};
    let news = fixture("news.html");
    // Enough records to overflow a pipe buffer, so writing hits the closed pipe.
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .arg("extract")
        .args(std::iter::repeat_n(&news, 300))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the copydesk binary runs");
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("one line");
    assert!(first.contains(NEWS_SENTENCE));
    // The reader is dropped here, closing the pipe.
    let output = child.wait_with_output().expect("copydesk finishes");
    assert_not_a_crash(&output);
    assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
}
