//! Bad input: whatever the bytes, the library returns `Ok` or a clear `Err` in bounded
//! time, never a panic or a stack overflow. Sizes and timings are printed (run with
//! `--nocapture`) rather than asserted, since they depend on the machine.

mod common;

use std::time::{Duration, Instant};

use common::{load, squash, Lcg};
use copydesk::{clean_text, extract, extract_str, Article, Error, Options};
use encoding_rs::SHIFT_JIS;

const MB: usize = 1024 * 1024;

/// Runs `extract` and prints how long it took and what came back.
fn timed(what: &str, bytes: &[u8], options: &Options) -> Result<Article, Error> {
    let start = Instant::now();
    let result = extract(bytes, options);
    let outcome = match &result {
        Ok(a) => format!("Ok, {} chars of text", a.text.chars().count()),
        Err(e) => format!("Err: {e}"),
    };
    println!(
        "{what}: {} bytes in {:.3?} -> {outcome}",
        bytes.len(),
        start.elapsed()
    );
    result
}

/// The error must say something a person can act on.
fn assert_clear(e: &Error) {
    let message = e.to_string();
    assert!(message.len() >= 10, "unclear error message: {message:?}");
}

/// A plausible article paragraph, numbered so that no two are alike.
fn paragraph(i: usize) -> String {
    format!(
        "<p>Paragraph {i}: the harbour board met again on Thursday to discuss the dredging \
         of the inner basin, and the members agreed to publish the survey in full.</p>\n"
    )
}

#[test]
fn empty_input_is_refused() {
    assert_eq!(extract(b"", &Options::default()), Err(Error::Empty));
    assert_eq!(extract_str("", &Options::default()), Err(Error::Empty));
    assert_clear(&Error::Empty);
}

#[test]
fn whitespace_only_input_is_refused() {
    for input in [" ", "\n\n\t  \r\n", "\u{a0}\u{3000} \n"] {
        let result = extract(input.as_bytes(), &Options::default());
        assert_eq!(result, Err(Error::Empty), "{input:?}");
    }
}

#[test]
fn markup_without_text_is_ok_and_empty() {
    for page in [
        "<html></html>",
        "<html><head><title></title></head><body></body></html>",
        "<!DOCTYPE html>",
        "<!-- only a comment -->",
    ] {
        match extract(page.as_bytes(), &Options::default()) {
            Ok(a) => assert_eq!(a.text.trim(), "", "{page}"),
            Err(e) => assert_clear(&e),
        }
    }
}

#[test]
fn binary_garbage_is_refused_or_survived() {
    let mut rng = Lcg(0x5eed_cafe);
    for round in 0..200 {
        let len = 1 + (rng.next_u32() as usize % 20_000);
        let bytes = rng.bytes(len);
        match extract(&bytes, &Options::default()) {
            Ok(_) => {}
            Err(e) => assert_clear(&e),
        }
        // The same garbage after a harmless start, so it reaches the parser too.
        let mut page = b"<html><body><p>".to_vec();
        page.extend(std::iter::repeat_n(b'a', 5000));
        page.extend_from_slice(&bytes);
        if let Err(e) = extract(&page, &Options::default()) {
            assert_clear(&e);
        }
        let _ = round;
    }
}

#[test]
fn random_bytes_with_nul_are_binary() {
    let bytes = Lcg(42).bytes(64 * 1024);
    let result = timed("64 KiB random bytes", &bytes, &Options::default());
    assert!(matches!(result, Err(Error::Binary(_))), "{result:?}");
}

#[test]
fn image_and_archive_magic_is_refused() {
    let cases: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0", "PNG"),
        (b"\x1f\x8b\x08\0\0\0\0\0\0\x03", "gzip"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"\xff\xd8\xff\xe0\0\x10JFIF\0", "JPEG"),
    ];
    for (bytes, what) in cases {
        match extract(bytes, &Options::default()) {
            Err(Error::Binary(why)) => assert!(why.contains(what), "{what}: {why}"),
            other => panic!("{what}: {other:?}"),
        }
    }
}

#[test]
fn truncated_gzip_is_refused() {
    // The library does not inflate; a (truncated) gzip stream handed to it is binary.
    let truncated = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcb\x48\xcd\xc9";
    assert!(matches!(
        extract(truncated, &Options::default()),
        Err(Error::Binary(_))
    ));
}

fn fifty_megabyte_page() -> Vec<u8> {
    let mut page = String::with_capacity(50 * MB + 4096);
    page.push_str("<html><head><title>Harbour board minutes</title></head><body><article>");
    let mut i = 0;
    while page.len() < 50 * MB {
        page.push_str(&paragraph(i));
        i += 1;
    }
    page.push_str("</article></body></html>");
    page.into_bytes()
}

#[test]
fn fifty_megabytes_are_refused_quickly_by_default() {
    let page = fifty_megabyte_page();
    let start = Instant::now();
    let result = timed("50 MB, default limits", &page, &Options::default());
    match result {
        Err(e @ Error::TooLarge { size, limit }) => {
            assert_eq!(size, page.len());
            assert_eq!(limit, Options::default().max_input_bytes);
            assert!(e.to_string().contains("max_input_bytes"), "{e}");
        }
        other => panic!("{other:?}"),
    }
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "refusing took {:?}",
        start.elapsed()
    );
}

#[test]
fn fifty_megabytes_finish_with_a_raised_limit() {
    // With the default time limit: a result or a timeout, both in bounded time.
    let page = fifty_megabyte_page();
    let options = Options {
        max_input_bytes: 64 * MB,
        ..Options::default()
    };
    match timed("50 MB, max_input_bytes = 64 MiB", &page, &options) {
        Ok(a) => assert!(a.text.contains("Paragraph 0: the harbour board")),
        Err(e @ Error::Timeout(_)) => assert_clear(&e),
        Err(e) => panic!("{e}"),
    }
}

#[test]
#[ignore = "expensive (about 100 s in a debug build): run with --release -- --ignored"]
fn fifty_megabytes_extract_fully_without_a_time_limit() {
    let page = fifty_megabyte_page();
    let options = Options {
        max_input_bytes: 64 * MB,
        time_limit: None,
        ..Options::default()
    };
    let a = timed("50 MB, no time limit", &page, &options)
        .expect("a large but well-formed page extracts");
    assert!(a.text.contains("Paragraph 0: the harbour board"));
    assert!(a.text.len() > 40 * MB, "{} bytes of text", a.text.len());
}

#[test]
fn a_time_limit_stops_a_large_page() {
    let mut page = String::from("<html><body><article>");
    for i in 0..40_000 {
        page.push_str(&paragraph(i));
    }
    let options = Options {
        time_limit: Some(Duration::from_nanos(1)),
        ..Options::default()
    };
    let result = timed("6 MB with a 1 ns time limit", page.as_bytes(), &options);
    assert!(matches!(result, Err(Error::Timeout(_))), "{result:?}");
}

#[test]
fn a_node_limit_stops_a_large_page() {
    let page = format!(
        "<html><body>{}</body></html>",
        "<span>x</span>".repeat(5000)
    );
    let options = Options {
        max_nodes: 1000,
        ..Options::default()
    };
    let result = timed("5000 spans, max_nodes 1000", page.as_bytes(), &options);
    match result {
        Err(e @ Error::TooComplex(_)) => assert_clear(&e),
        other => panic!("{other:?}"),
    }
}

/// Runs `work` on a thread with a `stack`-byte stack, so that a recursive walk over a deep
/// document overflows instead of passing unnoticed.
fn on_small_stack<T: Send + 'static>(
    what: &str,
    stack: usize,
    work: impl FnOnce() -> T + Send + 'static,
) -> T {
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(work)
        .unwrap()
        .join()
        .unwrap_or_else(|_| panic!("{what}: panic or stack overflow"))
}

/// `depth` nested `<div>`s around `inner`.
fn nested_divs(depth: usize, inner: &str) -> String {
    format!("{}{inner}{}", "<div>".repeat(depth), "</div>".repeat(depth))
}

#[test]
fn a_hundred_thousand_nested_divs() {
    on_small_stack("100,000 nested divs", MB, || {
        let paragraphs: String = (0..5).map(paragraph).collect();
        let page = format!(
            "<html><body>{}</body></html>",
            nested_divs(100_000, &paragraphs)
        );
        match timed("100,000 nested divs", page.as_bytes(), &Options::default()) {
            Ok(a) => assert!(a.text.contains("Paragraph 4"), "{}", a.text),
            Err(e) => assert_clear(&e),
        }
    });
}

#[test]
fn the_time_limit_holds_on_deep_nesting() {
    on_small_stack("deep nesting with a time limit", MB, || {
        let page = nested_divs(100_000, "<p>deep</p>");
        let limit = Duration::from_secs(1);
        let options = Options {
            time_limit: Some(limit),
            max_depth: u32::MAX,
            ..Options::default()
        };
        let start = Instant::now();
        let result = timed("100,000 nested divs, 1 s limit", page.as_bytes(), &options);
        let took = start.elapsed();
        assert!(result.is_err(), "{result:?}");
        // The deadline is checked between parse chunks, each O(depth) per start tag;
        // unoptimised builds are too slow for a bound to mean anything.
        if !cfg!(debug_assertions) {
            assert!(
                took < limit * 2,
                "a 1 s time limit took {took:?} to stop ({result:?})"
            );
        }
    });
}

#[test]
fn every_stage_walks_a_deep_tree_without_recursion() {
    // Deep enough to overflow a recursive walk on a 256 KiB stack, within the default
    // `max_depth`, so that every stage runs.
    on_small_stack("2,800 nested blocks", 256 * 1024, || {
        let depth = 2_800;
        let mut page = String::from("<html><head><title>Deep</title></head><body>");
        page.push_str(&"<div><section>".repeat(depth / 2));
        for i in 0..5 {
            page.push_str(&paragraph(i));
        }
        page.push_str(&"</section></div>".repeat(depth / 2));
        page.push_str("</body></html>");
        let options = Options {
            time_limit: None,
            markdown: true,
            html: true,
            ..Options::default()
        };
        let a = timed(
            "2,800 nested blocks, no time limit",
            page.as_bytes(),
            &options,
        )
        .expect("a deep but valid page extracts");
        for i in 0..5 {
            assert!(a.text.contains(&format!("Paragraph {i}:")), "{}", a.text);
        }
        assert!(a.markdown.is_some_and(|m| m.contains("Paragraph 4:")));
        assert!(a.html.is_some_and(|h| h.contains("Paragraph 4:")));
    });
}

#[test]
fn nesting_beyond_max_depth_is_refused_quickly() {
    on_small_stack("nesting beyond max_depth", MB, || {
        let page = nested_divs(100_000, "<p>deep</p>");
        match timed(
            "100,000 nested divs, default max_depth",
            page.as_bytes(),
            &Options::default(),
        ) {
            Err(e @ Error::TooComplex(_)) => {
                assert!(e.to_string().contains("deep"), "{e}");
            }
            other => panic!("{other:?}"),
        }
        let raised = Options {
            max_depth: 3_500,
            ..Options::default()
        };
        let shallower = nested_divs(3_200, "<p>deep</p>");
        let a = timed(
            "3,200 nested divs, max_depth 3,500",
            shallower.as_bytes(),
            &raised,
        )
        .expect("within the raised limit");
        assert_eq!(a.text, "deep");
    });
}

#[test]
fn unclosed_markup_gives_a_result_or_a_clear_error() {
    let unclosed_table_cells: String = (0..2_000)
        .map(|i| {
            format!("<div><p><b><i><table><tr><td>cell {i} of an unclosed table with some words")
        })
        .collect();
    let cases = [
        // Fewer than the closed case: the parser's cost grows with the square of the depth.
        (
            "5,000 unclosed divs",
            format!("<div>{}", "<div>x ".repeat(5_000)),
        ),
        (
            "2,000 unclosed div/p/b/i/table/tr/td",
            format!("<html><body>{unclosed_table_cells}"),
        ),
        // Many open formatting elements make the parser's adoption agency work hard.
        (
            "2,000 open b/i/u/a",
            format!("<p>{}</p>", "<b><i><u><a href=x>text ".repeat(2_000)),
        ),
    ];
    for (what, page) in cases {
        on_small_stack(what, MB, move || {
            if let Err(e) = timed(what, page.as_bytes(), &Options::default()) {
                assert_clear(&e);
            }
        });
    }
}

#[test]
fn invalid_bytes_in_declared_utf8() {
    let f = load("en_drupal_news");
    let mut bytes = f.html.clone().into_bytes();
    // Break the middle of the third paragraph with bytes that are never UTF-8.
    let third = f.html.find("Councillor Ruth Adeyemi").unwrap();
    bytes.splice(third..third, b"\xff\xfe\xc3\x28\xe2\x82 ".iter().copied());
    let a = timed(
        "declared UTF-8 with invalid bytes",
        &bytes,
        &Options::default(),
    )
    .unwrap();
    assert!(a.text.contains('\u{fffd}'), "invalid bytes become U+FFFD");
    for p in [&f.paragraphs[0], &f.paragraphs[5]] {
        assert!(squash(&a.text).contains(&squash(p)), "{p}\n{}", a.text);
    }
}

#[test]
fn invalid_bytes_in_declared_shift_jis() {
    let f = load("ja_news");
    let page = f.html.replacen(
        "<meta charset=\"utf-8\">",
        "<meta charset=\"Shift_JIS\">",
        1,
    );
    let (encoded, _, _) = SHIFT_JIS.encode(&page);
    let mut bytes = encoded.into_owned();
    // A lead byte without its trail, and bytes Shift_JIS never uses, inside the text.
    let (marker, _, _) = SHIFT_JIS.encode("商店街ではここ十年");
    let at = bytes
        .windows(marker.len())
        .position(|w| w == &marker[..])
        .unwrap();
    bytes.splice(at..at, b"\x81\xa0\xfd\xfe ".iter().copied());
    let a = timed(
        "declared Shift_JIS with invalid bytes",
        &bytes,
        &Options::default(),
    )
    .unwrap();
    assert!(a.text.contains(f.paragraphs[0].as_str()), "{}", a.text);
    assert!(
        a.text.contains("人通りの減少が課題となっていた"),
        "{}",
        a.text
    );
}

fn script_only_page(noscript: &str) -> String {
    let mut page = String::from("<html><head><script src=/app.js></script>");
    for i in 0..200 {
        page.push_str(&format!(
            "<script>window.__state{i} = {{\"story\": \"<p>Not text, state number {i}.</p>\"}}; \
             function render{i}() {{ document.body.innerHTML = window.__state{i}.story; }}</script>"
        ));
    }
    page.push_str("</head><body><script>render0();</script>");
    page.push_str(noscript);
    page.push_str("</body></html>");
    page
}

#[test]
fn a_page_of_only_scripts() {
    let page = script_only_page("");
    match timed("only scripts", page.as_bytes(), &Options::default()) {
        Ok(a) => assert_eq!(a.text, "", "script text leaked"),
        Err(e) => assert_clear(&e),
    }
}

#[test]
fn a_script_page_with_an_enable_javascript_notice() {
    let page = script_only_page("<noscript>Please enable JavaScript to view this site.</noscript>");
    match timed(
        "only scripts and a noscript notice",
        page.as_bytes(),
        &Options::default(),
    ) {
        Ok(a) => assert_eq!(a.text, "", "notice taken for the article"),
        Err(e) => assert_clear(&e),
    }
}

#[test]
fn ten_thousand_meta_tags() {
    let f = load("en_drupal_news");
    let mut metas = String::new();
    for i in 0..10_000 {
        metas.push_str(&format!(
            "<meta property=\"article:tag\" content=\"tag number {i}\">\n<meta name=\"x-{i}\" content=\"{i}\">\n"
        ));
    }
    let page = f.html.replacen("<head>", &format!("<head>\n{metas}"), 1);
    let a = timed("10,000 meta tags", page.as_bytes(), &Options::default()).unwrap();
    assert!(
        common::article_problems(&f, &a.text).is_empty(),
        "{}",
        a.text
    );
    assert!(!a.text.contains("tag number"));
}

#[test]
fn malformed_json_ld() {
    let f = load("en_drupal_news");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let broken = [
        r#"{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Broken", "author": [{"name": "#.to_string(),
        r#"{"@type": "NewsArticle", "headline": "\ud800 lone surrogate", "datePublished": 20240314}"#.to_string(),
        r#"[{"@graph": null}, 3, "x", {"@type": ["NewsArticle", 7], "articleBody": {"text": []}}]"#.to_string(),
        deep,
        "{\"a\":".repeat(50_000),
        "</script><p>not json</p>".to_string(),
    ];
    for (i, json) in broken.iter().enumerate() {
        let script = format!("<script type=\"application/ld+json\">{json}</script>");
        let page = f.html.replacen("</head>", &format!("{script}</head>"), 1);
        let what = format!("JSON-LD case {i}");
        let a = on_small_stack(&what, MB, move || {
            extract(page.as_bytes(), &Options::default())
        })
        .unwrap_or_else(|e| panic!("{what}: {e}"));
        assert!(
            a.text
                .contains("The River Valley Council voted seven to two"),
            "JSON-LD case {i}: {}",
            a.text
        );
    }
}

#[test]
fn clean_text_on_empty_and_binary_ish_text() {
    assert_eq!(clean_text("", &Options::default()), Err(Error::Empty));
    assert_eq!(
        clean_text(" \n\t\n", &Options::default()),
        Err(Error::Empty)
    );
    let mut rng = Lcg(7);
    for _ in 0..100 {
        let len = rng.next_u32() as usize % 3000;
        // Arbitrary code points, controls and NULs included.
        let text: String = (0..len)
            .filter_map(|_| char::from_u32(rng.next_u32() % 0x3_0000))
            .collect();
        if let Err(e) = clean_text(&text, &Options::default()) {
            assert_clear(&e);
        }
        let lossy = String::from_utf8_lossy(&rng.bytes(len)).into_owned();
        if let Err(e) = clean_text(&lossy, &Options::default()) {
            assert_clear(&e);
        }
    }
    let big = "word ".repeat(1000);
    let small_limit = Options {
        max_input_bytes: 100,
        ..Options::default()
    };
    assert!(matches!(
        clean_text(&big, &small_limit),
        Err(Error::TooLarge { .. })
    ));
}
