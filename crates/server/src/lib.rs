//! `parallax serve`: the HTTP API, the web UI and search, over one embedded
//! store.
//!
//! # Shape
//!
//! One [`AppState`] holds what every request needs: a small pool of read
//! connections to the SQLite store, the tantivy search index, the
//! comparison machinery (analyser, enricher, comparer) with a cache of story
//! comparisons, and, when the server accepts writes, an [`Ingest`]
//! implementation that the binary provides (the ingest pipeline lives with
//! the binary; this crate only needs "take these units, tell me what
//! happened"). Every store or index call runs on tokio's blocking pool.
//!
//! * `api` — JSON under `/api/v1`: stories (paged, filtered by time, language,
//!   outlet and text), a story with its comparison, articles, entities (a
//!   person's quotes across outlets and stories), search, ingest (JSON
//!   articles, an HTML page with its URL, a feed), `/healthz`, `/metrics`
//!   and the OpenAPI document (`openapi.json`, kept in the repo).
//! * `ui` — HTML pages rendered on the server: the story list, the story
//!   page (coverage by outlet, the comparison side by side, quotes by
//!   speaker with their variants, conflicts, a timeline), a person's page
//!   and search. No script at all: pages are forms and links, every piece of
//!   article text is escaped, and a Content-Security-Policy forbids scripts
//!   as a second wall.
//! * `sync` — the search index follows the store by revision number: after
//!   each write through the API, and every few seconds for writes made by
//!   another process (`parallax ingest` into the same data directory).
//!
//! # Limits
//!
//! Write endpoints need `Authorization: Bearer TOKEN` when a token is
//! configured; bodies are capped ([`ServerConfig::max_body_bytes`]), every
//! request has a time limit, errors are JSON `{"error": {"status", "code",
//! "message"}}`, and there is no CORS unless origins are configured.
#![warn(missing_docs)]

mod api;
mod error;
mod ingest;
mod metrics;
mod state;
mod sync;
mod ui;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderValue, Method, header};
use axum::middleware;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::timeout::TimeoutLayer;

pub use error::ServerError;
pub use ingest::{Ingest, IngestFailure, IngestReport};
pub use state::AppState;

/// The OpenAPI document the server serves at `/api/v1/openapi.json`.
pub const OPENAPI: &str = include_str!("../openapi.json");

/// How the server runs.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// The data directory of the store.
    pub data_dir: PathBuf,
    /// Bearer token required by write endpoints; none means writes are open
    /// (fine on loopback, not on a network).
    pub token: Option<String>,
    /// Largest request body, in bytes.
    pub max_body_bytes: usize,
    /// Time limit per request.
    pub request_timeout: Duration,
    /// Origins allowed by CORS; empty means no CORS headers at all.
    pub cors_origins: Vec<String>,
    /// Fetching and reading settings for ingest endpoints (size limits,
    /// private addresses).
    pub ingest: parallax_ingest::IngestConfig,
    /// Most articles one story comparison reads.
    pub max_compare_articles: usize,
    /// How often the search index checks the store for changes made by
    /// other processes.
    pub sync_interval: Duration,
}

impl ServerConfig {
    /// Defaults for a data directory.
    pub fn new(data_dir: PathBuf) -> Self {
        ServerConfig {
            data_dir,
            token: None,
            max_body_bytes: 8 << 20,
            request_timeout: Duration::from_secs(30),
            cors_origins: Vec::new(),
            ingest: parallax_ingest::IngestConfig::default(),
            max_compare_articles: 40,
            sync_interval: Duration::from_secs(2),
        }
    }
}

/// The application: every route, with its limits.
pub fn router(state: Arc<AppState>) -> Router {
    let cfg = state.config().clone();
    let mut app = Router::new()
        .merge(api::routes())
        .merge(ui::routes())
        .route_layer(middleware::from_fn_with_state(state.clone(), metrics::track))
        .layer(axum::extract::DefaultBodyLimit::max(cfg.max_body_bytes))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            cfg.request_timeout,
        ))
        .layer(middleware::from_fn(metrics::headers));
    if !cfg.cors_origins.is_empty() {
        let origins: Vec<HeaderValue> =
            cfg.cors_origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()).collect();
        app = app.layer(
            CorsLayer::new()
                .allow_origin(AllowOrigin::list(origins))
                .allow_methods([Method::GET, Method::POST])
                .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE]),
        );
    }
    app.with_state(state)
}

/// Serves `state` on `addr` until Ctrl-C or SIGTERM, on a runtime of its
/// own: the call blocks. For callers without an async runtime (the CLI).
pub fn run(state: Arc<AppState>, addr: SocketAddr) -> Result<(), ServerError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("parallax-http")
        .build()?;
    rt.block_on(serve(state, addr))
}

/// Serves `state` on `addr` until Ctrl-C (or SIGTERM), keeping the search
/// index in step with the store in the background.
pub async fn serve(state: Arc<AppState>, addr: SocketAddr) -> Result<(), ServerError> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| ServerError::Bind { addr: addr.to_string(), source: e })?;
    serve_on(state, listener).await
}

/// [`serve`] on a listener the caller bound (tests bind port 0).
pub async fn serve_on(
    state: Arc<AppState>,
    listener: tokio::net::TcpListener,
) -> Result<(), ServerError> {
    let local = listener.local_addr().ok();
    tracing::info!(addr = ?local, "Serving.");
    sync::spawn_follower(state.clone());
    axum::serve(listener, router(state)).with_graceful_shutdown(shutdown_signal()).await?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("Shutting down.");
}

#[cfg(test)]
mod tests;
