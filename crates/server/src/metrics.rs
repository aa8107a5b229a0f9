//! Request metrics in the Prometheus text format, and the response headers
//! every answer carries.
//!
//! Per route (the matched pattern, not the raw path, so ids do not explode
//! the label set), method and status: a request counter, and a latency
//! histogram per route.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::StatusCode;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

use crate::error::ApiError;

use crate::AppState;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 12] =
    [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

/// Counters and histograms.
#[derive(Default)]
pub(crate) struct Metrics {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    requests: BTreeMap<(String, String, u16), u64>,
    latency: BTreeMap<String, Histogram>,
}

#[derive(Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

impl Metrics {
    fn record(&self, route: &str, method: &str, status: u16, secs: f64) {
        let Ok(mut m) = self.inner.lock() else { return };
        *m.requests.entry((route.to_string(), method.to_string(), status)).or_default() += 1;
        let h = m.latency.entry(route.to_string()).or_default();
        for (i, b) in BUCKETS.iter().enumerate() {
            if secs <= *b {
                h.counts[i] += 1;
            }
        }
        h.count += 1;
        h.sum += secs;
    }

    /// The exposition text, with the gauges given.
    pub(crate) fn render(&self, gauges: &[(&str, &str, f64)]) -> String {
        let mut out = String::new();
        for (name, help, v) in gauges {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {v}");
        }
        let Ok(m) = self.inner.lock() else { return out };
        out.push_str(
            "# HELP parallax_http_requests_total HTTP requests by route, method and status.\n\
             # TYPE parallax_http_requests_total counter\n",
        );
        for ((route, method, status), n) in &m.requests {
            let _ = writeln!(
                out,
                "parallax_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{status}\"}} {n}",
                label(route),
                label(method)
            );
        }
        out.push_str(
            "# HELP parallax_http_request_duration_seconds Request latency by route.\n\
             # TYPE parallax_http_request_duration_seconds histogram\n",
        );
        for (route, h) in &m.latency {
            let r = label(route);
            for (i, b) in BUCKETS.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "parallax_http_request_duration_seconds_bucket{{route=\"{r}\",le=\"{b}\"}} {}",
                    h.counts[i]
                );
            }
            let _ = writeln!(
                out,
                "parallax_http_request_duration_seconds_bucket{{route=\"{r}\",le=\"+Inf\"}} {}\n\
                 parallax_http_request_duration_seconds_sum{{route=\"{r}\"}} {}\n\
                 parallax_http_request_duration_seconds_count{{route=\"{r}\"}} {}",
                h.count, h.sum, h.count
            );
        }
        out
    }
}

/// A label value with `\`, `"` and newlines escaped.
fn label(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

/// Route middleware: times the request and records it under its route.
pub(crate) async fn track(
    State(state): State<Arc<AppState>>,
    req: Request,
    next: Next,
) -> Response {
    let start = Instant::now();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "unmatched".to_string());
    let method = req.method().to_string();
    let resp = next.run(req).await;
    state.metrics.record(&route, &method, resp.status().as_u16(), start.elapsed().as_secs_f64());
    resp
}

/// Middleware on every answer, routed or not: errors that come from the
/// framework rather than a handler (no such route, body too large, time
/// limit) get the same shape as the handlers' errors (JSON under `/api`,
/// a page elsewhere); then the headers: no sniffing, no framing, no
/// referrer, and a Content-Security-Policy without scripts.
pub(crate) async fn headers(req: Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let mut resp = next.run(req).await;
    let status = resp.status();
    let ctype = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    if status.is_client_error() || status.is_server_error() {
        let message = match status {
            StatusCode::NOT_FOUND => "no such page or endpoint",
            StatusCode::PAYLOAD_TOO_LARGE => "the request body is over the size limit",
            StatusCode::REQUEST_TIMEOUT => "the request took longer than the time limit",
            StatusCode::METHOD_NOT_ALLOWED => "this endpoint does not take that method",
            _ => status.canonical_reason().unwrap_or("error"),
        };
        if api && !ctype.starts_with("application/json") {
            resp = ApiError::new(status, "http", message).into_response();
        } else if !api && !ctype.starts_with("text/html") {
            let title = status.canonical_reason().unwrap_or("Error");
            resp = (status, Html(crate::ui::message_page(title, message))).into_response();
        }
    }
    let h = resp.headers_mut();
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; \
             base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    resp
}
