//! The service end to end: requests through the router in-process, and one over a real
//! socket, on small pages written here.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use copydesk_server::{router, ServerConfig};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

const PAGE: &str = r#"<!doctype html><html lang="en"><head>
<title>Harbour reopens after storm | The Coast Gazette</title>
<meta property="og:site_name" content="The Coast Gazette">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour reopens after storm</h1>
<p>The harbour reopened on Tuesday after a week of repairs to the breakwater, the port
authority said, and the first ferries left on time in the morning.</p>
<p>Fishermen who had waited out the storm on shore were back at sea before dawn, and the
market hall expects its usual trade by the end of the week.</p>
</article>
<footer>Share this article. Leave a comment. Copyright 2026 The Coast Gazette.</footer>
</body></html>"#;

async fn call(config: ServerConfig, request: Request<Body>) -> (StatusCode, String, String) {
    let response = router(config).oneshot(request).await.expect("infallible");
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    (
        status,
        content_type,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

fn post(uri: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(uri).body(body.into()).expect("request")
}

fn json(body: &str) -> Value {
    serde_json::from_str(body).expect("a JSON body")
}

#[tokio::test]
async fn extract_returns_the_record_as_json() {
    let (status, content_type, body) = call(
        ServerConfig::default(),
        post("/extract?url=https://example.org/news/harbour", PAGE),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(content_type.starts_with("application/json"));
    let record = json(&body);
    assert_eq!(record["title"], "Harbour reopens after storm");
    assert_eq!(record["language"], "en");
    assert_eq!(record["url"], "https://example.org/news/harbour");
    let text = record["text"].as_str().expect("text");
    assert!(
        text.starts_with("The harbour reopened on Tuesday"),
        "{text}"
    );
    assert!(text.contains("usual trade by the end of the week."));
    assert!(
        !text.contains("Sport") && !text.contains("Leave a comment"),
        "{text}"
    );
}

#[tokio::test]
async fn extract_renders_text_markdown_and_html() {
    let (status, content_type, text) =
        call(ServerConfig::default(), post("/extract?format=text", PAGE)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "text/plain; charset=utf-8");
    assert!(text.starts_with("The harbour reopened"), "{text}");

    let (_, content_type, markdown) = call(
        ServerConfig::default(),
        post("/extract?format=markdown", PAGE),
    )
    .await;
    assert_eq!(content_type, "text/markdown; charset=utf-8");
    assert!(markdown.contains("The harbour reopened"), "{markdown}");

    let (_, content_type, html) =
        call(ServerConfig::default(), post("/extract?format=html", PAGE)).await;
    assert_eq!(content_type, "text/html; charset=utf-8");
    assert!(html.contains("<p>The harbour reopened"), "{html}");
}

#[tokio::test]
async fn the_content_type_charset_decodes_the_page() {
    // "café" in windows-1252, with nothing in the page declaring its encoding.
    let mut page = b"<html><body><article><p>".to_vec();
    let sentence = "The new harbour caf\u{e9} opened its doors on Tuesday morning to a queue of fishermen and early ferry passengers.";
    page.extend(sentence.chars().map(|c| c as u8));
    page.extend_from_slice(b"</p></article></body></html>");
    let request = Request::post("/extract?format=text")
        .header(header::CONTENT_TYPE, "text/html; charset=windows-1252")
        .body(Body::from(page))
        .expect("request");
    let (status, _, text) = call(ServerConfig::default(), request).await;
    assert_eq!(status, StatusCode::OK);
    assert!(text.contains("harbour caf\u{e9} opened"), "{text}");
}

#[tokio::test]
async fn clean_takes_plain_text() {
    let story = "Harbour reopens after storm\nHarbour reopens after storm\n\
The harbour reopened on Tuesday after a week of repairs to the breakwater, the port authority said.\n\
Fishermen were back at sea before dawn, and the market hall expects its usual trade this week.\n\
Add new comment\nEnter the characters shown in the image.\n";
    let (status, _, body) = call(ServerConfig::default(), post("/clean", story)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let record = json(&body);
    assert_eq!(record["title"], "Harbour reopens after storm");
    let text = record["text"].as_str().expect("text");
    assert!(text.starts_with("The harbour reopened"), "{text}");
    assert!(text.ends_with("usual trade this week."), "{text}");

    let (status, _, body) = call(ServerConfig::default(), post("/clean?format=html", story)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(json(&body)["kind"], "bad_request");
}

#[tokio::test]
async fn bad_requests_get_a_json_error_with_a_fitting_status() {
    let cases: [(Request<Body>, StatusCode, &str); 5] = [
        (post("/extract", ""), StatusCode::BAD_REQUEST, "empty"),
        (
            post(
                "/extract",
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01".to_vec(),
            ),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "binary",
        ),
        (
            post("/extract?format=pdf", PAGE),
            StatusCode::BAD_REQUEST,
            "bad_request",
        ),
        (
            post("/extract?coments=true", PAGE),
            StatusCode::BAD_REQUEST,
            "bad_request",
        ),
        (
            post("/extract", "x".repeat(2_000)),
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
        ),
    ];
    let small = ServerConfig {
        max_body_bytes: 1_000,
        ..ServerConfig::default()
    };
    for (request, want_status, want_kind) in cases {
        let uri = request.uri().to_string();
        let (status, content_type, body) = call(small.clone(), request).await;
        assert_eq!(status, want_status, "{uri}: {body}");
        assert!(content_type.starts_with("application/json"), "{uri}");
        let error = json(&body);
        assert_eq!(error["kind"], want_kind, "{uri}: {body}");
        assert!(!error["error"].as_str().unwrap_or_default().is_empty());
    }
}

#[tokio::test]
async fn health_answers_and_unknown_methods_are_refused() {
    let (status, _, body) = call(
        ServerConfig::default(),
        Request::get("/health")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(json(&body)["status"], "ok");
    let (status, _, _) = call(
        ServerConfig::default(),
        Request::get("/extract")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn serves_over_a_socket_and_shuts_down_on_request() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("address");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(copydesk_server::serve_on(
        listener,
        ServerConfig {
            workers: 1,
            ..ServerConfig::default()
        },
        async {
            let _ = stopped.await;
        },
    ));
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let request = format!(
        "POST /extract?format=text HTTP/1.1\r\nHost: localhost\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{PAGE}",
        PAGE.len()
    );
    stream
        .write_all(request.as_bytes())
        .await
        .expect("write request");
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .await
        .expect("read response");
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("The harbour reopened on Tuesday"));
    let _ = stop.send(());
    server.await.expect("server task").expect("clean shutdown");
}
