//! The request handlers: read the parameters and the body, run the library on the blocking
//! pool under a worker permit, and turn its record or its error into a response.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::header::{HeaderMap, CONTENT_TYPE};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use copydesk::{Article, Error, Favor, Options};
use serde::Deserialize;
use serde_json::json;

use crate::AppState;

/// What `format` asks for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Format {
    /// The whole record.
    #[default]
    Json,
    /// The body as plain text.
    Text,
    /// The body as Markdown (`/extract` only).
    Markdown,
    /// The body as clean HTML (`/extract` only).
    Html,
}

/// `favor`, as the CLI spells it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum FavorParam {
    Precision,
    #[default]
    Balanced,
    Recall,
}

impl From<FavorParam> for Favor {
    fn from(favor: FavorParam) -> Self {
        match favor {
            FavorParam::Precision => Favor::Precision,
            FavorParam::Balanced => Favor::Balanced,
            FavorParam::Recall => Favor::Recall,
        }
    }
}

/// The query parameters of both routes; an unknown one is an error (a misspelt
/// `coments=true` should not pass silently).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Params {
    url: Option<String>,
    #[serde(default)]
    format: Format,
    #[serde(default)]
    favor: FavorParam,
    #[serde(default)]
    comments: bool,
    metadata: Option<bool>,
}

/// A failed request: its status and the JSON body saying why.
#[derive(Debug)]
pub(crate) struct Failure {
    status: StatusCode,
    kind: &'static str,
    message: String,
}

impl Failure {
    fn bad_request(message: impl Into<String>) -> Self {
        Failure {
            status: StatusCode::BAD_REQUEST,
            kind: "bad_request",
            message: message.into(),
        }
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        let (status, kind) = match &error {
            Error::Empty => (StatusCode::BAD_REQUEST, "empty"),
            Error::InvalidOptions(_) => (StatusCode::BAD_REQUEST, "invalid_options"),
            Error::TooLarge { .. } => (StatusCode::PAYLOAD_TOO_LARGE, "too_large"),
            Error::Binary(_) => (StatusCode::UNSUPPORTED_MEDIA_TYPE, "binary"),
            Error::TooComplex(_) => (StatusCode::UNPROCESSABLE_ENTITY, "too_complex"),
            Error::Timeout(_) => (StatusCode::SERVICE_UNAVAILABLE, "timeout"),
        };
        Failure {
            status,
            kind,
            message: error.to_string(),
        }
    }
}

impl From<QueryRejection> for Failure {
    fn from(rejection: QueryRejection) -> Self {
        Failure::bad_request(rejection.body_text())
    }
}

impl From<BytesRejection> for Failure {
    fn from(rejection: BytesRejection) -> Self {
        let status = rejection.status();
        Failure {
            status,
            kind: if status == StatusCode::PAYLOAD_TOO_LARGE {
                "too_large"
            } else {
                "bad_request"
            },
            message: rejection.body_text(),
        }
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let body = Json(json!({ "error": self.message, "kind": self.kind }));
        (self.status, body).into_response()
    }
}

/// `GET /health`.
pub(crate) async fn health() -> Json<serde_json::Value> {
    Json(json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") }))
}

/// `POST /extract`: HTML bytes in, the article out.
pub(crate) async fn extract(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<Params>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Failure> {
    let Query(params) = params?;
    let body = body?;
    let options = options(&state, &params, &headers);
    let format = params.format;
    let article = run(&state, move || copydesk::extract(&body, &options)).await?;
    Ok(respond(article, format))
}

/// `POST /clean`: already-extracted text in, the story and its metadata out.
pub(crate) async fn clean(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<Params>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Failure> {
    let Query(params) = params?;
    let body = body?;
    if matches!(params.format, Format::Markdown | Format::Html) {
        return Err(Failure::bad_request(
            "format must be json or text for /clean (text mode keeps no markup)",
        ));
    }
    let options = options(&state, &params, &headers);
    let format = params.format;
    let article = run(&state, move || {
        let decoded = copydesk::decode::decode_text(&body, options.charset.as_deref())?;
        copydesk::clean_text(&decoded.text, &options)
    })
    .await?;
    Ok(respond(article, format))
}

/// The library options a request asks for, within the service's limits.
fn options(state: &AppState, params: &Params, headers: &HeaderMap) -> Options {
    Options {
        url: params.url.clone(),
        charset: headers
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(charset_of),
        favor: params.favor.into(),
        include_comments: params.comments,
        markdown: params.format == Format::Markdown,
        html: params.format == Format::Html,
        metadata: params.metadata.unwrap_or(true),
        max_input_bytes: state.config.max_body_bytes,
        time_limit: state.config.time_limit,
        ..Options::default()
    }
}

/// The `charset` parameter of a `Content-Type` value (`text/html; charset="utf-8"`).
fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_owned())
            .filter(|v| !v.is_empty())
    })
}

/// Runs `job` on the blocking pool once a worker permit is free.
async fn run<F>(state: &AppState, job: F) -> Result<Article, Failure>
where
    F: FnOnce() -> Result<Article, Error> + Send + 'static,
{
    let permit = state
        .workers
        .clone()
        .acquire_owned()
        .await
        .map_err(|_| Failure {
            status: StatusCode::SERVICE_UNAVAILABLE,
            kind: "shutting_down",
            message: "the service is shutting down".to_owned(),
        })?;
    let outcome = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        job()
    })
    .await;
    match outcome {
        Ok(result) => result.map_err(Failure::from),
        // The library does not panic; should it ever, the request fails, not the service.
        Err(join_error) => Err(Failure {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            kind: "internal",
            message: format!("extraction failed: {join_error}"),
        }),
    }
}

/// The record as JSON, or one rendering of its body.
fn respond(article: Article, format: Format) -> Response {
    let (content_type, body) = match format {
        Format::Json => return Json(article).into_response(),
        Format::Text => ("text/plain; charset=utf-8", article.text),
        Format::Markdown => (
            "text/markdown; charset=utf-8",
            article.markdown.unwrap_or(article.text),
        ),
        // Never the plain text in its place: it is not escaped for HTML.
        Format::Html => ("text/html; charset=utf-8", article.html.unwrap_or_default()),
    };
    ([(CONTENT_TYPE, content_type)], body).into_response()
}

#[cfg(test)]
mod tests {
    use super::charset_of;

    #[test]
    fn the_charset_parameter_is_read_from_content_type() {
        assert_eq!(
            charset_of("text/html; charset=windows-1252").as_deref(),
            Some("windows-1252")
        );
        assert_eq!(
            charset_of("text/plain;CHARSET=\"utf-8\"").as_deref(),
            Some("utf-8")
        );
        assert_eq!(charset_of("text/html"), None);
        assert_eq!(charset_of("text/html; charset="), None);
        assert_eq!(charset_of("text/html; boundary=x"), None);
    }
}
