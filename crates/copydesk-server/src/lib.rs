//! copydesk as an HTTP service: a page (or already-extracted text) in the request body, the
//! article record back — for callers in any language that would rather not link the library.
//!
//! Routes ([`router`]):
//! - `POST /extract` — the body is the page's HTML bytes, in any encoding (a `charset` in the
//!   request's `Content-Type` is tried after a BOM, as a transport charset). Query parameters:
//!   `url` (the page's address), `format` (`json`, the default: the whole record; `text`,
//!   `markdown`, `html`: the body alone), `favor` (`precision`, `balanced`, `recall`),
//!   `comments` (`true`: the comment section in the record's `comments`), `metadata`
//!   (`false`: skip everything but the title).
//! - `POST /clean` — the body is text a scraper already extracted ([`copydesk::clean_text`]);
//!   `format` is `json` or `text`; `favor` and `comments` as above.
//! - `GET /health` — `{"status": "ok", "version": …}`.
//!
//! Every failure is a JSON object `{"error": …, "kind": …}` with a status that says whose it
//! is: 400 a bad request (empty body, unknown parameter value), 413 a body over the size
//! limit, 415 a body that is not text, 422 a document over the complexity limits, 503 the
//! time limit ran out or the service is shutting down. Extraction is CPU work: it runs on
//! tokio's blocking pool, at most [`ServerConfig::workers`] pages at a time, the rest queue.

mod routes;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use tokio::sync::Semaphore;

/// What the service accepts and how much work it takes on at once.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Pages extracted at the same time (the rest wait their turn); 0 means one per core.
    pub workers: usize,
    /// Refuse request bodies larger than this many bytes (413).
    pub max_body_bytes: usize,
    /// Give up on one page after this long (503); `None`: no limit.
    pub time_limit: Option<Duration>,
}

impl Default for ServerConfig {
    fn default() -> Self {
        let library = copydesk::Options::default();
        ServerConfig {
            workers: 0,
            max_body_bytes: library.max_input_bytes,
            time_limit: library.time_limit,
        }
    }
}

impl ServerConfig {
    /// The worker count with 0 resolved to the number of cores.
    pub fn resolved_workers(&self) -> usize {
        if self.workers > 0 {
            return self.workers;
        }
        std::thread::available_parallelism().map_or(1, |n| n.get())
    }
}

/// What every request handler shares.
#[derive(Debug, Clone)]
struct AppState {
    config: Arc<ServerConfig>,
    /// One permit a page being extracted.
    workers: Arc<Semaphore>,
}

/// The service's routes, ready to be served or called in-process (tests, embedding in a
/// larger axum application).
pub fn router(config: ServerConfig) -> Router {
    let workers = Arc::new(Semaphore::new(config.resolved_workers()));
    let max_body = config.max_body_bytes;
    let state = AppState {
        config: Arc::new(config),
        workers,
    };
    Router::new()
        .route("/extract", post(routes::extract))
        .route("/clean", post(routes::clean))
        .route("/health", get(routes::health))
        .layer(DefaultBodyLimit::max(max_body))
        .with_state(state)
}

/// Serves [`router`] on `addr` until Ctrl-C or SIGTERM, then finishes the requests in flight.
pub async fn serve(addr: SocketAddr, config: ServerConfig) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    serve_on(listener, config, shutdown_signal()).await
}

/// [`serve`] on a listener already bound (port 0 for tests), until `shutdown` completes.
pub async fn serve_on(
    listener: tokio::net::TcpListener,
    config: ServerConfig,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(config))
        .with_graceful_shutdown(shutdown)
        .await
}

/// Completes on Ctrl-C, or on SIGTERM on Unix (how containers and service managers stop a
/// process). When a handler cannot be installed, that signal is simply not awaited.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
