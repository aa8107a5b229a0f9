//! The web UI: HTML pages rendered on the server, no script.
//!
//! Pages: the story list (`/`), a story (`/stories/{id}`), people
//! (`/people`, `/people/{key}`), search (`/search`) and an article
//! (`/articles/{id}`). Elements carry `data-testid` hooks for the browser
//! tests (`tests/e2e`).

mod html;
mod pages;

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;

use crate::AppState;
use crate::api::{
    EntitiesParams, PageParams, SearchParams, StoriesParams, article_view, blocking, entity_list,
    person_view, search_page, story_page, story_view,
};
use crate::error::ApiError;

pub(crate) fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(list))
        .route("/stories/{id}", get(story))
        .route("/people", get(people))
        .route("/people/{key}", get(person))
        .route("/search", get(search))
        .route("/articles/{id}", get(article))
        .route("/static/app.css", get(css))
}

/// A message page (for errors the framework answers).
pub(crate) fn message_page(title: &str, text: &str) -> String {
    html::message(title, text)
}

/// An error as a page, with its status.
fn error_page(e: ApiError) -> Response {
    let title = match e.status {
        StatusCode::NOT_FOUND => "Not found",
        StatusCode::BAD_REQUEST => "Bad request",
        _ => "Something went wrong",
    };
    (e.status, Html(html::message(title, &e.message))).into_response()
}

fn respond(r: Result<String, ApiError>) -> Response {
    match r {
        Ok(body) => Html(body).into_response(),
        Err(e) => error_page(e),
    }
}

async fn css() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], html::CSS).into_response()
}

async fn list(State(state): State<Arc<AppState>>, Query(p): Query<StoriesParams>) -> Response {
    respond(
        blocking(move || {
            let page = story_page(&state, &p)?;
            Ok(pages::story_list(&page, &p))
        })
        .await,
    )
}

async fn story(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> Response {
    respond(
        blocking(move || {
            let view = story_view(&state, &id)?;
            Ok(pages::story(&view))
        })
        .await,
    )
}

async fn people(State(state): State<Arc<AppState>>, Query(p): Query<EntitiesParams>) -> Response {
    respond(
        blocking(move || {
            let list = entity_list(&state, &p)?;
            Ok(pages::people(&list, &p))
        })
        .await,
    )
}

async fn person(
    State(state): State<Arc<AppState>>,
    Path(key): Path<String>,
    Query(p): Query<PageParams>,
) -> Response {
    respond(
        blocking(move || {
            let view = person_view(&state, &key, &p)?;
            Ok(pages::person(&view))
        })
        .await,
    )
}

async fn search(State(state): State<Arc<AppState>>, Query(p): Query<SearchParams>) -> Response {
    respond(
        blocking(move || {
            let has_query = p.q.as_deref().is_some_and(|q| !q.trim().is_empty())
                || p.speaker.as_deref().is_some_and(|q| !q.trim().is_empty());
            let page = if has_query { Some(search_page(&state, &p)?) } else { None };
            Ok(pages::search(page.as_ref(), &p))
        })
        .await,
    )
}

async fn article(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> Response {
    respond(
        blocking(move || {
            let view = article_view(&state, &id)?;
            Ok(pages::article(&view))
        })
        .await,
    )
}
