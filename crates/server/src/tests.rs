//! The API and pages over a real store and index in a temp directory, with a
//! small ingest seam that writes every article into story 1 (the real
//! pipeline lives in the binary and is tested there).

use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use parallax_compare::Comparer;
use parallax_enrich::Enricher;
use parallax_ingest::{IngestConfig, Unit};
use parallax_model::Enrichment;
use parallax_store::{Links, Store, StoryLink};
use parallax_text::Analyzer;
use tower::ServiceExt;

use crate::{AppState, Ingest, IngestFailure, IngestReport, ServerConfig, router};

/// Writes articles with their who-said-what, all into story 1.
struct OneStory {
    store: Mutex<Store>,
    analyzer: Analyzer,
    enricher: Enricher,
}

impl Ingest for OneStory {
    fn ingest(&self, units: Vec<Unit>) -> Result<IngestReport, IngestFailure> {
        let cfg = IngestConfig::default();
        let mut articles = Vec::new();
        let mut rejects = Vec::new();
        for u in units {
            match u {
                Unit::Doc(d) => match d.into_article(&cfg) {
                    Ok(a) => {
                        let an = self.analyzer.analyze(&a.text, a.language.as_deref());
                        let ex =
                            self.enricher.enrich(&a.text, &an, a.published.as_ref().map(|p| p.utc));
                        let e = Enrichment {
                            language: an.lang.map(|l| l.code().to_string()),
                            sentences: an.sentences.clone(),
                            who: ex.who_said_what(&a.text),
                            ..Enrichment::default()
                        };
                        articles.push((a, e));
                    }
                    Err(r) => rejects.push(r),
                },
                Unit::Reject(r) => rejects.push(r),
                Unit::Fetch { .. } => {}
            }
        }
        let links = Links {
            stories: articles
                .iter()
                .map(|(a, _)| StoryLink {
                    article: a.id,
                    story: 1,
                    score: 0.5,
                    via_duplicate: false,
                })
                .collect(),
            ..Links::default()
        };
        let mut store = self.store.lock().map_err(|_| IngestFailure("poisoned".into()))?;
        let o = store
            .write_batch_with(&articles, &rejects, &links)
            .map_err(|e| IngestFailure(e.to_string()))?;
        Ok(IngestReport {
            inserted: o.inserted,
            updated: o.updated,
            unchanged: o.unchanged,
            articles: articles.iter().map(|(a, _)| a.id.to_string()).collect(),
            rejects,
        })
    }
}

const TOKEN: &str = "s3cret";

fn state(dir: &std::path::Path, writable: bool) -> Arc<AppState> {
    let mut cfg = ServerConfig::new(dir.to_path_buf());
    cfg.token = Some(TOKEN.into());
    cfg.max_body_bytes = 64 << 10;
    let ingest: Option<Arc<dyn Ingest>> = if writable {
        Some(Arc::new(OneStory {
            store: Mutex::new(Store::open(dir).unwrap()),
            analyzer: Analyzer::new(),
            enricher: Enricher::default(),
        }))
    } else {
        None
    };
    AppState::open(cfg, ingest, Enricher::default(), Comparer::default()).unwrap()
}

async fn call(
    app: &axum::Router,
    method: &str,
    uri: &str,
    body: &str,
    token: Option<&str>,
) -> (StatusCode, axum::http::HeaderMap, String) {
    let mut req = Request::builder().method(method).uri(uri);
    if let Some(t) = token {
        req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    let resp = app.clone().oneshot(req.body(Body::from(body.to_string())).unwrap()).await.unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8_lossy(&bytes).into_owned())
}

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}): {s}"))
}

const HOSTILE: &str = "<script>alert(1)</script>";

fn articles() -> String {
    let a = serde_json::json!({
        "url": "https://one.example/nato",
        "outlet": "Daily One",
        "title": format!("NATO ministers meet {HOSTILE}"),
        "published": "2025-04-04T10:00:00Z",
        "text": "NATO foreign ministers met in Brussels on Thursday.\n\n\
                 US Secretary of State Marco Rubio said the alliance should spend 5 percent of output on defence.\n\n\
                 \"There is a lot of hysteria and hyperbole,\" Rubio said.",
    });
    let b = serde_json::json!({
        "url": "https://two.example/nato",
        "outlet": "Second \" onmouseover=\"x",
        "title": "Rubio in Brussels",
        "published": "2025-04-04T12:00:00Z",
        "text": "Marco Rubio met NATO foreign ministers in Brussels.\n\n\
                 The allies discussed a goal of 5% of output for defence.\n\n\
                 \"This is hysteria and exaggeration,\" Rubio told reporters.",
    });
    format!("{a}\n{b}\n")
}

#[tokio::test]
async fn writes_need_the_token_and_land_in_stories_search_and_people() {
    let dir = tempfile::tempdir().unwrap();
    let app = router(state(dir.path(), true));

    let (st, _, body) = call(&app, "POST", "/api/v1/ingest/articles", &articles(), None).await;
    assert_eq!(st, StatusCode::UNAUTHORIZED);
    assert_eq!(json(&body)["error"]["code"], "unauthorized");
    let (st, _, body) =
        call(&app, "POST", "/api/v1/ingest/articles", &articles(), Some("wrong")).await;
    assert_eq!(st, StatusCode::UNAUTHORIZED, "{body}");

    let (st, _, body) =
        call(&app, "POST", "/api/v1/ingest/articles", &articles(), Some(TOKEN)).await;
    assert_eq!(st, StatusCode::CREATED, "{body}");
    assert_eq!(json(&body)["inserted"], 2);
    // The same input again adds nothing.
    let (st, _, body) =
        call(&app, "POST", "/api/v1/ingest/articles", &articles(), Some(TOKEN)).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(
        (json(&body)["inserted"].clone(), json(&body)["unchanged"].clone()),
        (0.into(), 2.into())
    );

    let (st, _, body) = call(&app, "GET", "/api/v1/stories", "", None).await;
    assert_eq!(st, StatusCode::OK);
    let v = json(&body);
    assert_eq!(v["total"], 1);
    assert_eq!(v["stories"][0]["articles"], 2);
    assert_eq!(v["stories"][0]["outlets"], 2);

    // Text filter through the index; a word no article has finds no story.
    let (_, _, body) = call(&app, "GET", "/api/v1/stories?q=hyperbole", "", None).await;
    assert_eq!(json(&body)["total"], 1);
    let (_, _, body) = call(&app, "GET", "/api/v1/stories?q=volcano", "", None).await;
    assert_eq!(json(&body)["total"], 0);
    let (_, _, body) = call(&app, "GET", "/api/v1/stories?outlet=Daily%20One", "", None).await;
    assert_eq!(json(&body)["total"], 1);
    let (_, _, body) = call(&app, "GET", "/api/v1/stories?since=2026-01-01", "", None).await;
    assert_eq!(json(&body)["total"], 0);

    let (st, _, body) = call(&app, "GET", "/api/v1/stories/1", "", None).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let v = json(&body);
    assert_eq!(v["comparison"]["articles"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["members"].as_array().map(Vec::len), Some(2));

    let (st, _, body) = call(&app, "GET", "/api/v1/search?q=hysteria&kind=quotes", "", None).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let v = json(&body);
    assert_eq!(v["total"], 2, "{body}");
    assert!(v["hits"][0]["snippet_html"].as_str().unwrap().contains("<mark>hysteria</mark>"));
    assert_eq!(v["hits"][0]["story"], 1);

    let (st, _, body) = call(&app, "GET", "/api/v1/entities/marco%20rubio", "", None).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let v = json(&body);
    assert_eq!(v["entity"]["name"], "Marco Rubio");
    assert_eq!(v["entity"]["outlets"], 2);
    assert!(v["quotes"].as_array().unwrap().len() >= 2, "{body}");
}

#[tokio::test]
async fn pages_escape_article_text() {
    let dir = tempfile::tempdir().unwrap();
    let app = router(state(dir.path(), true));
    call(&app, "POST", "/api/v1/ingest/articles", &articles(), Some(TOKEN)).await;
    for uri in ["/", "/stories/1", "/people", "/people/marco%20rubio", "/search?q=brussels"] {
        let (st, headers, body) = call(&app, "GET", uri, "", None).await;
        assert_eq!(st, StatusCode::OK, "{uri}: {body}");
        assert!(!body.contains(HOSTILE), "{uri} carries the raw payload");
        assert!(!body.contains("\" onmouseover=\"x"), "{uri} breaks out of an attribute");
        let csp = headers.get(header::CONTENT_SECURITY_POLICY).unwrap().to_str().unwrap();
        assert!(csp.contains("default-src 'none'"), "{uri}: {csp}");
    }
    let (_, _, list) = call(&app, "GET", "/", "", None).await;
    assert!(list.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{list}");
    assert!(list.contains("data-testid=\"story-row\""));
    let (_, _, story) = call(&app, "GET", "/stories/1", "", None).await;
    for hook in ["coverage", "comparison", "quotes", "conflicts", "timeline"] {
        assert!(story.contains(&format!("data-testid=\"{hook}\"")), "story page lacks {hook}");
    }
    let (st, _, body) = call(&app, "GET", "/stories/42", "", None).await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    assert!(body.contains("no story 42"));
}

#[tokio::test]
async fn errors_are_json_with_status_codes() {
    let dir = tempfile::tempdir().unwrap();
    let app = router(state(dir.path(), true));
    for (uri, status, code) in [
        ("/api/v1/stories?limit=lots", StatusCode::BAD_REQUEST, "bad_request"),
        ("/api/v1/stories?sort=sideways", StatusCode::BAD_REQUEST, "bad_request"),
        ("/api/v1/stories?since=yesterdayish", StatusCode::BAD_REQUEST, "bad_request"),
        ("/api/v1/stories/abc", StatusCode::BAD_REQUEST, "bad_request"),
        ("/api/v1/stories/7", StatusCode::NOT_FOUND, "not_found"),
        ("/api/v1/articles/zz", StatusCode::BAD_REQUEST, "bad_request"),
        ("/api/v1/entities/nobody", StatusCode::NOT_FOUND, "not_found"),
        ("/api/v1/search?kind=films", StatusCode::BAD_REQUEST, "bad_request"),
    ] {
        let (st, _, body) = call(&app, "GET", uri, "", None).await;
        assert_eq!(st, status, "{uri}: {body}");
        assert_eq!(json(&body)["error"]["code"], code, "{uri}");
    }
    // Hostile query syntax never fails the server.
    let (st, _, _) =
        call(&app, "GET", "/api/v1/search?q=%22unbalanced%20title:(((", "", None).await;
    assert!(st == StatusCode::OK || st == StatusCode::BAD_REQUEST, "{st}");
    // Bodies over the limit are refused before they are read whole.
    let big = format!("{{\"text\": \"{}\"}}", "a".repeat(100 << 10));
    let (st, _, _) = call(&app, "POST", "/api/v1/ingest/articles", &big, Some(TOKEN)).await;
    assert_eq!(st, StatusCode::PAYLOAD_TOO_LARGE);
    // The framework's own refusals are JSON under /api and pages elsewhere.
    let (st, _, body) = call(&app, "POST", "/api/v1/ingest/articles", &big, Some(TOKEN)).await;
    assert_eq!(
        (st, json(&body)["error"]["status"].clone()),
        (StatusCode::PAYLOAD_TOO_LARGE, 413.into())
    );
    let (st, _, body) = call(&app, "GET", "/api/v1/nothing-here", "", None).await;
    assert_eq!((st, json(&body)["error"]["code"].clone()), (StatusCode::NOT_FOUND, "http".into()));
    let (st, _, body) = call(&app, "GET", "/api/v1/ingest/articles", "", None).await;
    assert_eq!(st, StatusCode::METHOD_NOT_ALLOWED, "{body}");
    assert_eq!(json(&body)["error"]["status"], 405);
    let (st, headers, body) = call(&app, "GET", "/no/such/page", "", None).await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    assert!(headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/html"), "{body}");
    assert!(headers.get(header::CONTENT_SECURITY_POLICY).is_some());
    let (st, _, body) = call(&app, "POST", "/api/v1/ingest/articles", "hello", Some(TOKEN)).await;
    assert_eq!(st, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{body}");
    let (st, _, body) =
        call(&app, "POST", "/api/v1/ingest/articles", "[{\"title\": \"no text\"}]", Some(TOKEN))
            .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(json(&body)["rejects"].as_array().is_some_and(|r| !r.is_empty()), "{body}");
    let (st, _, body) =
        call(&app, "POST", "/api/v1/ingest/html?url=file:///etc/passwd", "<p>x</p>", Some(TOKEN))
            .await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{body}");
}

#[tokio::test]
async fn read_only_servers_refuse_writes_and_cors_is_off_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let app = router(state(dir.path(), false));
    let (st, _, body) =
        call(&app, "POST", "/api/v1/ingest/articles", &articles(), Some(TOKEN)).await;
    assert_eq!(st, StatusCode::METHOD_NOT_ALLOWED, "{body}");
    assert_eq!(json(&body)["error"]["code"], "read_only");
    let req = Request::builder()
        .uri("/api/v1/stories")
        .header(header::ORIGIN, "https://evil.example")
        .body(Body::empty())
        .unwrap();
    let resp = app.clone().oneshot(req).await.unwrap();
    assert!(resp.headers().get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none());
}

#[tokio::test]
async fn cors_allows_only_configured_origins() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = ServerConfig::new(dir.path().to_path_buf());
    cfg.cors_origins = vec!["https://newsroom.example".into()];
    let app = router(AppState::open(cfg, None, Enricher::default(), Comparer::default()).unwrap());
    for (origin, allowed) in [("https://newsroom.example", true), ("https://evil.example", false)] {
        let req = Request::builder()
            .uri("/api/v1/stories")
            .header(header::ORIGIN, origin)
            .body(Body::empty())
            .unwrap();
        let resp = app.clone().oneshot(req).await.unwrap();
        assert_eq!(
            resp.headers().get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_some(),
            allowed,
            "{origin}"
        );
    }
}

#[tokio::test]
async fn health_metrics_and_the_openapi_document_cover_every_route() {
    let dir = tempfile::tempdir().unwrap();
    let app = router(state(dir.path(), true));
    call(&app, "POST", "/api/v1/ingest/articles", &articles(), Some(TOKEN)).await;
    let (st, _, body) = call(&app, "GET", "/healthz", "", None).await;
    assert_eq!(st, StatusCode::OK);
    let v = json(&body);
    assert_eq!((v["articles"].clone(), v["search"]["behind"].clone()), (2.into(), 0.into()));
    call(&app, "GET", "/api/v1/stories", "", None).await;
    let (_, headers, body) = call(&app, "GET", "/metrics", "", None).await;
    assert!(headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/plain"));
    assert!(body.contains("parallax_articles 2"), "{body}");
    assert!(
        body.contains("parallax_http_requests_total{route=\"/api/v1/stories\",method=\"GET\",status=\"200\"} 1"),
        "{body}"
    );
    // Every documented path is routed, and the served document is the one
    // in the repo.
    let (_, _, served) = call(&app, "GET", "/api/v1/openapi.json", "", None).await;
    assert_eq!(served, crate::OPENAPI);
    let doc = json(crate::OPENAPI);
    let paths = doc["paths"].as_object().unwrap();
    assert_eq!(paths.len(), 13);
    for (path, ops) in paths {
        let uri = path.replace("{id}", "1").replace("{key}", "marco%20rubio");
        let method = if ops.get("get").is_some() { "GET" } else { "POST" };
        let (st, _, body) = call(&app, method, &uri, "", Some(TOKEN)).await;
        // An unrouted path answers 404 with code "http"; a handler's 404 says what is missing.
        assert!(
            st != StatusCode::NOT_FOUND || json(&body)["error"]["code"] != "http",
            "{method} {path} is documented but not routed"
        );
    }
}
