//! `copydesk clean` end to end: the bundled example story, JSON Lines batches with failures,
//! stdin, and inputs over the size limit.

mod common;

use std::path::PathBuf;

use common::copydesk_with_stdin;

fn example() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/story-with-comment-form.txt")
        .display()
        .to_string()
}

#[test]
fn example_story_as_text_and_json() {
    let out = copydesk_with_stdin(&["clean", &example()], b"");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Lisbon, Mar 3 (Tidewater News)"), "{text}");
    assert!(
        !text.contains("comment") && !text.contains("Imagen"),
        "{text}"
    );

    let out = copydesk_with_stdin(&["clean", &example(), "--format", "json"], b"");
    assert!(out.status.success());
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        record["title"],
        "Harbour Town Opens Its First Floating Library"
    );
    assert_eq!(record["date_published"], "2019-03-03");
    assert_eq!(record["dateline"]["place"], "Lisbon");
    assert_eq!(record["dateline"]["agency"], "Tidewater News");
}

#[test]
fn jsonl_batch_keeps_order_and_reports_failures() {
    let input = concat!(
        "{\"id\": \"one\", \"text\": \"A Title\\n\\nThe first story is told in a sentence long enough to count.\\nShare this article\"}\n",
        "{\"text\": 5}\n",
        "not json\n",
        "{\"id\": \"four\", \"text\": \"The fourth story is told in a sentence long enough to count.\"}\n",
    );
    let out = copydesk_with_stdin(&["clean", "--jsonl", "-"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1), "failures give exit status 1");
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["source"], "one");
    assert_eq!(lines[0]["title"], "A Title");
    assert_eq!(
        lines[0]["text"],
        "The first story is told in a sentence long enough to count."
    );
    assert_eq!(lines[1]["source"], "-:2");
    assert!(lines[1]["error"].as_str().unwrap().contains("not a string"));
    assert!(lines[2]["error"].as_str().unwrap().contains("bad JSON"));
    assert_eq!(lines[3]["source"], "four");
    let summary = String::from_utf8(out.stderr).unwrap();
    assert!(
        summary.contains("4 inputs: 2 cleaned, 2 failed"),
        "{summary}"
    );
}

#[test]
fn oversized_and_empty_inputs_are_refused_with_a_reason() {
    let big = vec![b'a'; 5000];
    let out = copydesk_with_stdin(&["clean", "--max-bytes", "1000", "-"], &big);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr).unwrap().contains("limit"));
    let out = copydesk_with_stdin(&["clean", "--format", "json", "-"], b"");
    assert_eq!(out.status.code(), Some(1));
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(record["error"], "empty input");
}
