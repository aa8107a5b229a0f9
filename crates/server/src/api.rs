//! The JSON API under `/api/v1`, `/healthz` and `/metrics`, and the views
//! (story list, story, person, search) that the HTML pages render too.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{DateTime, Utc};
use parallax_compare::Comparison;
use parallax_ingest::{Hints, Unit};
use parallax_model::{ArticleId, SourceRef};
use parallax_search::{Hit, Kind, SearchQuery};
use parallax_store::{
    ArticleQuery, EntityQuery, EntitySummary, QuoteInArticle, StoredArticle, StoryMember,
    StoryQuery, StorySort, StorySummary,
};
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::error::{ApiError, ApiResult};
use crate::ingest::units_from_body;

/// Default page size.
pub(crate) const PAGE: usize = 20;
/// Largest page size.
pub(crate) const MAX_PAGE: usize = 100;
/// Article hits read to find the stories a text query matches.
const STORY_SEARCH_HITS: usize = 500;

pub(crate) fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/healthz", get(health))
        .route("/metrics", get(metrics))
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/stories", get(stories))
        .route("/api/v1/stories/{id}", get(story))
        .route("/api/v1/articles", get(articles))
        .route("/api/v1/articles/{id}", get(article))
        .route("/api/v1/entities", get(entities))
        .route("/api/v1/entities/{key}", get(entity))
        .route("/api/v1/search", get(search))
        .route("/api/v1/ingest/articles", post(ingest_articles))
        .route("/api/v1/ingest/html", post(ingest_html))
        .route("/api/v1/ingest/feed", post(ingest_feed))
}

/// Runs blocking work (store, index, comparison) off the async threads.
pub(crate) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ApiError::internal(format!("worker failed: {e}")))?
}

// ---------------------------------------------------------------- parameters

/// Parses an optional time parameter.
pub(crate) fn time_param(name: &str, v: Option<&str>) -> ApiResult<Option<DateTime<Utc>>> {
    match v.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(t) => parallax_model::time::parse(t)
            .map(|p| Some(p.utc))
            .ok_or_else(|| ApiError::bad_request(format!("{name}: not a date or time: {t:.60}"))),
    }
}

/// Parses an optional number parameter.
pub(crate) fn num_param(name: &str, v: Option<&str>, default: usize) -> ApiResult<usize> {
    match v.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(default),
        Some(n) => {
            n.parse().map_err(|_| ApiError::bad_request(format!("{name}: not a number: {n:.30}")))
        }
    }
}

fn text_param(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string)
}

/// Story listing parameters (query string).
#[derive(Debug, Default, Deserialize)]
pub(crate) struct StoriesParams {
    pub(crate) q: Option<String>,
    pub(crate) since: Option<String>,
    pub(crate) until: Option<String>,
    pub(crate) lang: Option<String>,
    pub(crate) outlet: Option<String>,
    pub(crate) min_articles: Option<String>,
    pub(crate) sort: Option<String>,
    pub(crate) limit: Option<String>,
    pub(crate) offset: Option<String>,
}

/// A page of stories.
#[derive(Debug, Serialize)]
pub(crate) struct StoryPage {
    pub(crate) total: u64,
    pub(crate) limit: usize,
    pub(crate) offset: usize,
    pub(crate) sort: StorySort,
    pub(crate) stories: Vec<StorySummary>,
}

pub(crate) fn story_page(state: &AppState, p: &StoriesParams) -> ApiResult<StoryPage> {
    let sort = match p.sort.as_deref().map(str::trim) {
        None | Some("") | Some("recent") | Some("newest") => StorySort::Recent,
        Some("largest") | Some("size") => StorySort::Largest,
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "sort: expected recent or largest, got {other:.30}"
            )));
        }
    };
    let limit = num_param("limit", p.limit.as_deref(), PAGE)?.clamp(1, MAX_PAGE);
    let offset = num_param("offset", p.offset.as_deref(), 0)?;
    let mut q = StoryQuery {
        since: time_param("since", p.since.as_deref())?,
        until: time_param("until", p.until.as_deref())?,
        min_articles: num_param("min_articles", p.min_articles.as_deref(), 1)? as u64,
        language: text_param(&p.lang),
        outlet: text_param(&p.outlet),
        ids: None,
        sort,
        limit,
        offset,
    };
    if let Some(text) = text_param(&p.q) {
        let mut ids = Vec::new();
        let mut at = 0;
        while at < STORY_SEARCH_HITS {
            let res = state.search.search(&SearchQuery {
                text: text.clone(),
                kind: Kind::Articles,
                limit: MAX_PAGE,
                offset: at,
                ..SearchQuery::default()
            })?;
            let n = res.hits.len();
            ids.extend(res.hits.into_iter().map(|h| h.article_id));
            at += n;
            if n < MAX_PAGE || at >= res.total {
                break;
            }
        }
        let stories: BTreeSet<u64> = state.read(|s| {
            let mut out = BTreeSet::new();
            for id in &ids {
                if let Ok(id) = id.parse::<ArticleId>()
                    && let Some(st) = s.story_of(id)?
                {
                    out.insert(s.resolve_story(st)?);
                }
            }
            Ok(out)
        })?;
        q.ids = Some(stories.into_iter().collect());
    }
    state.read(|s| {
        Ok(StoryPage {
            total: s.count_stories(&q)?,
            limit,
            offset,
            sort,
            stories: s.find_stories(&q)?,
        })
    })
}

/// Members a story view lists (the earliest); the total is given beside.
pub(crate) const MEMBERS_SHOWN: usize = 200;

/// A story with its members and comparison.
#[derive(Debug, Serialize)]
pub(crate) struct StoryView {
    pub(crate) story: StorySummary,
    /// The earliest [`MEMBERS_SHOWN`] members, in publication order.
    pub(crate) members: Vec<StoryMember>,
    /// All members.
    pub(crate) members_total: usize,
    /// Articles the comparison read (copies left out).
    pub(crate) compared: usize,
    #[serde(serialize_with = "shared")]
    pub(crate) comparison: Arc<Comparison>,
    /// Cross-article person keys of the compared quotes, by quote id
    /// (`{article}:q{n}`), for links to people pages.
    #[serde(skip)]
    pub(crate) speaker_keys: HashMap<String, String>,
}

fn shared<S: serde::Serializer, T: Serialize>(v: &Arc<T>, s: S) -> Result<S::Ok, S::Error> {
    v.as_ref().serialize(s)
}

/// A story's view, from the cache while the store has not changed; one
/// request builds a cold story while the others for it wait.
pub(crate) fn story_view(state: &AppState, id: &str) -> ApiResult<Arc<StoryView>> {
    let id: u64 = id
        .parse()
        .map_err(|_| ApiError::bad_request(format!("story id must be a number: {id:.30}")))?;
    let (id, rev) = state.read(|s| Ok((s.resolve_story(id)?, s.max_rev()?)))?;
    let cached = || state.views.lock().ok().and_then(|v| v.get(&(id, rev)));
    if let Some(v) = cached() {
        return Ok(v);
    }
    let gate = {
        let mut b = state.building.lock().map_err(|_| ApiError::internal("lock poisoned"))?;
        b.entry(id).or_default().clone()
    };
    let _building = gate.lock().map_err(|_| ApiError::internal("lock poisoned"))?;
    if let Some(v) = cached() {
        return Ok(v);
    }
    let view = state.read(|s| {
        let story = s.story(id)?.ok_or_else(|| ApiError::not_found(format!("no story {id}")))?;
        let mut members = s.story_members(story.id)?;
        let compared = crate::state::choose(&members, state.config().max_compare_articles).len();
        let comparison = state.comparison(s, &members)?;
        let members_total = members.len();
        members.truncate(MEMBERS_SHOWN);
        let mut speaker_keys = HashMap::new();
        for a in &comparison.articles {
            let Ok(aid) = a.id.parse() else { continue };
            for (n, q) in s.who(aid)?.quotes.into_iter().enumerate() {
                if let Some(k) = q.speaker_key {
                    speaker_keys.insert(format!("{}:q{n}", a.id), k);
                }
            }
        }
        Ok(Arc::new(StoryView {
            story,
            members,
            members_total,
            compared,
            comparison,
            speaker_keys,
        }))
    })?;
    if let Ok(mut v) = state.views.lock() {
        v.put((id, rev), view.clone());
    }
    if let Ok(mut b) = state.building.lock() {
        b.remove(&id);
    }
    Ok(view)
}

/// A person (or organisation) with their quotes.
#[derive(Debug, Serialize)]
pub(crate) struct PersonView {
    pub(crate) entity: EntitySummary,
    pub(crate) limit: usize,
    pub(crate) offset: usize,
    pub(crate) quotes: Vec<QuoteInArticle>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct PageParams {
    pub(crate) limit: Option<String>,
    pub(crate) offset: Option<String>,
}

pub(crate) fn person_view(state: &AppState, key: &str, p: &PageParams) -> ApiResult<PersonView> {
    let limit = num_param("limit", p.limit.as_deref(), 50)?.clamp(1, MAX_PAGE);
    let offset = num_param("offset", p.offset.as_deref(), 0)?;
    state.read(|s| {
        let entity = s
            .entity(key)?
            .ok_or_else(|| ApiError::not_found(format!("nobody is known as {key:.60}")))?;
        let quotes = s.quotes_by(key, limit, offset)?;
        Ok(PersonView { entity, limit, offset, quotes })
    })
}

/// Search parameters.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct SearchParams {
    pub(crate) q: Option<String>,
    pub(crate) kind: Option<String>,
    pub(crate) outlet: Option<String>,
    pub(crate) lang: Option<String>,
    pub(crate) speaker: Option<String>,
    pub(crate) since: Option<String>,
    pub(crate) until: Option<String>,
    pub(crate) limit: Option<String>,
    pub(crate) offset: Option<String>,
}

/// A search hit with its story.
#[derive(Debug, Serialize)]
pub(crate) struct HitOut {
    #[serde(flatten)]
    pub(crate) hit: Hit,
    pub(crate) story: Option<u64>,
    /// The snippet as HTML: escaped, highlights in `<mark>`.
    pub(crate) snippet_html: String,
}

/// A page of search results.
#[derive(Debug, Serialize)]
pub(crate) struct SearchPage {
    pub(crate) total: usize,
    pub(crate) limit: usize,
    pub(crate) offset: usize,
    pub(crate) hits: Vec<HitOut>,
}

pub(crate) fn search_page(state: &AppState, p: &SearchParams) -> ApiResult<SearchPage> {
    let kind = match p.kind.as_deref().map(str::trim) {
        None | Some("") | Some("all") => Kind::All,
        Some("articles") | Some("article") => Kind::Articles,
        Some("quotes") | Some("quote") => Kind::Quotes,
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "kind: expected all, articles or quotes, got {other:.30}"
            )));
        }
    };
    let limit = num_param("limit", p.limit.as_deref(), PAGE)?.clamp(1, MAX_PAGE);
    let offset = num_param("offset", p.offset.as_deref(), 0)?;
    let q = SearchQuery {
        text: p.q.clone().unwrap_or_default(),
        kind,
        outlet: text_param(&p.outlet),
        language: text_param(&p.lang),
        speaker_key: text_param(&p.speaker),
        since: time_param("since", p.since.as_deref())?,
        until: time_param("until", p.until.as_deref())?,
        limit,
        offset,
    };
    let res = state.search.search(&q)?;
    let hits = state.read(|s| {
        let mut memo: HashMap<String, Option<u64>> = HashMap::new();
        let mut out = Vec::with_capacity(res.hits.len());
        for hit in res.hits {
            let story = match memo.get(&hit.article_id) {
                Some(s) => *s,
                None => {
                    let st = match hit.article_id.parse::<ArticleId>() {
                        Ok(id) => match s.story_of(id)? {
                            Some(x) => Some(s.resolve_story(x)?),
                            None => None,
                        },
                        Err(_) => None,
                    };
                    memo.insert(hit.article_id.clone(), st);
                    st
                }
            };
            let snippet_html = hit.snippet.to_html();
            out.push(HitOut { hit, story, snippet_html });
        }
        Ok(out)
    })?;
    Ok(SearchPage { total: res.total, limit, offset, hits })
}

// ---------------------------------------------------------------- handlers

async fn health(State(state): State<Arc<AppState>>) -> ApiResult<Json<serde_json::Value>> {
    let st = state.clone();
    let (articles, stories, rev) = blocking(move || {
        st.read(|s| {
            Ok((s.count_articles()?, s.count_stories(&StoryQuery::default())?, s.max_rev()?))
        })
    })
    .await?;
    let covered = state.search.covered_seq().unwrap_or(0);
    Ok(Json(serde_json::json!({
        "status": "ok",
        "articles": articles,
        "stories": stories,
        "search": {"documents": state.search.num_docs(), "behind": (rev - covered).max(0)},
        "writable": state.ingest.is_some(),
    })))
}

async fn metrics(State(state): State<Arc<AppState>>) -> ApiResult<Response> {
    let st = state.clone();
    let (articles, stories, rev) = blocking(move || {
        st.read(|s| {
            Ok((s.count_articles()?, s.count_stories(&StoryQuery::default())?, s.max_rev()?))
        })
    })
    .await?;
    let behind = (rev - state.search.covered_seq().unwrap_or(0)).max(0);
    let body = state.metrics.render(&[
        ("parallax_articles", "Articles in the store.", articles as f64),
        ("parallax_stories", "Stories in the store.", stories as f64),
        (
            "parallax_search_documents",
            "Documents in the search index.",
            state.search.num_docs() as f64,
        ),
        (
            "parallax_search_behind",
            "Store revisions the search index has not seen yet.",
            behind as f64,
        ),
    ]);
    Ok(([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], body).into_response())
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], crate::OPENAPI).into_response()
}

async fn stories(
    State(state): State<Arc<AppState>>,
    Query(p): Query<StoriesParams>,
) -> ApiResult<Json<StoryPage>> {
    Ok(Json(blocking(move || story_page(&state, &p)).await?))
}

async fn story(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> ApiResult<Response> {
    let view = blocking(move || story_view(&state, &id)).await?;
    let body = serde_json::to_vec(view.as_ref())
        .map_err(|e| ApiError::internal(format!("could not encode the story: {e}")))?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

#[derive(Debug, Default, Deserialize)]
struct ArticlesParams {
    outlet: Option<String>,
    lang: Option<String>,
    since: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

async fn articles(
    State(state): State<Arc<AppState>>,
    Query(p): Query<ArticlesParams>,
) -> ApiResult<Json<serde_json::Value>> {
    let limit = num_param("limit", p.limit.as_deref(), PAGE)?.clamp(1, MAX_PAGE);
    let offset = num_param("offset", p.offset.as_deref(), 0)?;
    let q = ArticleQuery {
        outlet: text_param(&p.outlet),
        language: text_param(&p.lang),
        since: time_param("since", p.since.as_deref())?,
        limit: Some(limit),
        offset,
    };
    let list = blocking(move || state.read(|s| Ok(s.articles(&q)?))).await?;
    Ok(Json(serde_json::json!({"limit": limit, "offset": offset, "articles": list})))
}

/// An article with its story.
#[derive(Debug, Serialize)]
pub(crate) struct ArticleView {
    #[serde(flatten)]
    pub(crate) stored: StoredArticle,
    pub(crate) story: Option<u64>,
}

pub(crate) fn article_view(state: &AppState, id: &str) -> ApiResult<ArticleView> {
    let id: ArticleId =
        id.parse().map_err(|_| ApiError::bad_request(format!("not an article id: {id:.40}")))?;
    state.read(|s| {
        let stored =
            s.article(id)?.ok_or_else(|| ApiError::not_found(format!("no article {id}")))?;
        let story = match s.story_of(id)? {
            Some(x) => Some(s.resolve_story(x)?),
            None => None,
        };
        Ok(ArticleView { stored, story })
    })
}

async fn article(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> ApiResult<Json<ArticleView>> {
    Ok(Json(blocking(move || article_view(&state, &id)).await?))
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct EntitiesParams {
    pub(crate) q: Option<String>,
    pub(crate) kind: Option<String>,
    pub(crate) quoted: Option<String>,
    pub(crate) limit: Option<String>,
    pub(crate) offset: Option<String>,
}

pub(crate) fn entity_list(state: &AppState, p: &EntitiesParams) -> ApiResult<Vec<EntitySummary>> {
    let q = EntityQuery {
        text: text_param(&p.q),
        kind: text_param(&p.kind),
        quoted: matches!(p.quoted.as_deref(), Some("1" | "true" | "yes" | "on")),
        limit: num_param("limit", p.limit.as_deref(), PAGE)?.clamp(1, MAX_PAGE),
        offset: num_param("offset", p.offset.as_deref(), 0)?,
    };
    state.read(|s| Ok(s.entities(&q)?))
}

async fn entities(
    State(state): State<Arc<AppState>>,
    Query(p): Query<EntitiesParams>,
) -> ApiResult<Json<serde_json::Value>> {
    let list = blocking(move || entity_list(&state, &p)).await?;
    Ok(Json(serde_json::json!({"entities": list})))
}

async fn entity(
    State(state): State<Arc<AppState>>,
    Path(key): Path<String>,
    Query(p): Query<PageParams>,
) -> ApiResult<Json<PersonView>> {
    Ok(Json(blocking(move || person_view(&state, &key, &p)).await?))
}

async fn search(
    State(state): State<Arc<AppState>>,
    Query(p): Query<SearchParams>,
) -> ApiResult<Json<SearchPage>> {
    Ok(Json(blocking(move || search_page(&state, &p)).await?))
}

// ---------------------------------------------------------------- ingest

/// Checks the bearer token (in constant time) when one is configured.
fn authorize(state: &AppState, headers: &HeaderMap) -> ApiResult<()> {
    let Some(token) = &state.config().token else { return Ok(()) };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    let (a, b) = (given.as_bytes(), token.as_bytes());
    let mut diff = a.len() ^ b.len();
    for (i, byte) in b.iter().enumerate() {
        diff |= usize::from(a.get(i).copied().unwrap_or(0) ^ byte);
    }
    if diff == 0 {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "this endpoint needs Authorization: Bearer TOKEN",
        ))
    }
}

/// Runs units through the ingest seam, brings search up to date, reports.
async fn run_ingest(state: Arc<AppState>, units: Vec<Unit>) -> ApiResult<Response> {
    let Some(ingest) = state.ingest.clone() else {
        return Err(ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "read_only",
            "this server does not accept writes (it was started read-only)",
        ));
    };
    let st = state.clone();
    let report = blocking(move || {
        let report = ingest.ingest(units).map_err(|e| ApiError::internal(e.0))?;
        crate::sync::catch_up(&st).map_err(|e| ApiError::internal(e.to_string()))?;
        Ok(report)
    })
    .await?;
    if report.articles.is_empty() && !report.rejects.is_empty() {
        let body = serde_json::json!({
            "error": {"status": 422, "code": "rejected", "message": "no article could be read from the request"},
            "rejects": report.rejects,
        });
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response());
    }
    let status = if report.inserted > 0 { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(report)).into_response())
}

fn content_type(headers: &HeaderMap) -> Option<String> {
    headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_string)
}

fn require_body(body: &Bytes) -> ApiResult<()> {
    if body.iter().all(u8::is_ascii_whitespace) {
        Err(ApiError::bad_request("the request body is empty"))
    } else {
        Ok(())
    }
}

async fn ingest_articles(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    authorize(&state, &headers)?;
    require_body(&body)?;
    let first = body.iter().find(|b| !b.is_ascii_whitespace()).copied();
    if !matches!(first, Some(b'{' | b'[')) {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "not_json",
            "expected a JSON article, an array of them, or JSON lines",
        ));
    }
    let units = units_from_body(
        "/api/v1/ingest/articles",
        &body,
        Some("application/json"),
        Hints::default(),
        &state.config().ingest,
    );
    run_ingest(state, units).await
}

#[derive(Debug, Default, Deserialize)]
struct PageIngestParams {
    url: Option<String>,
    outlet: Option<String>,
    follow: Option<String>,
}

fn http_url(name: &str, u: &str) -> ApiResult<String> {
    match url_scheme(u) {
        Some("http" | "https") => Ok(u.to_string()),
        _ => Err(ApiError::bad_request(format!("{name}: expected an http(s) URL, got {u:.80}"))),
    }
}

fn url_scheme(u: &str) -> Option<&str> {
    let (scheme, rest) = u.split_once("://")?;
    (!rest.is_empty() && !rest.starts_with('/')).then_some(scheme)
}

async fn ingest_html(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(p): Query<PageIngestParams>,
    body: Bytes,
) -> ApiResult<Response> {
    authorize(&state, &headers)?;
    require_body(&body)?;
    let url = match text_param(&p.url) {
        Some(u) => Some(http_url("url", &u)?),
        None => None,
    };
    let hints = Hints { url, outlet: text_param(&p.outlet), ..Hints::default() };
    let ct = content_type(&headers).unwrap_or_else(|| "text/html".to_string());
    let units =
        units_from_body("/api/v1/ingest/html", &body, Some(&ct), hints, &state.config().ingest);
    run_ingest(state, units).await
}

async fn ingest_feed(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(p): Query<PageIngestParams>,
    body: Bytes,
) -> ApiResult<Response> {
    authorize(&state, &headers)?;
    let mut cfg = state.config().ingest.clone();
    cfg.follow_links = matches!(p.follow.as_deref(), Some("1" | "true" | "yes"));
    let units = if body.iter().all(u8::is_ascii_whitespace) {
        let Some(url) = text_param(&p.url) else {
            return Err(ApiError::bad_request("post the feed as the body, or give ?url=FEED_URL"));
        };
        let url = http_url("url", &url)?;
        vec![Unit::Fetch {
            url: url.clone(),
            source: SourceRef::url(&url),
            hints: Hints::default(),
        }]
    } else {
        let hints = Hints { outlet: text_param(&p.outlet), ..Hints::default() };
        let ct = content_type(&headers);
        units_from_body("/api/v1/ingest/feed", &body, ct.as_deref(), hints, &cfg)
    };
    run_ingest(state, units).await
}
