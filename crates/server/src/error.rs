//! Errors: [`ServerError`] for starting and running the server, [`ApiError`]
//! for one request, rendered as JSON with its status code.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// What stops the server from starting or running.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServerError {
    /// The address could not be bound.
    #[error("could not listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: String,
        /// The cause.
        source: std::io::Error,
    },
    /// Serving failed.
    #[error("server error: {0}")]
    Io(#[from] std::io::Error),
    /// The store could not be opened or read.
    #[error(transparent)]
    Store(#[from] parallax_store::StoreError),
    /// The search index could not be opened or written.
    #[error(transparent)]
    Search(#[from] parallax_search::SearchError),
}

/// An error answer to one request.
#[derive(Debug)]
pub(crate) struct ApiError {
    pub(crate) status: StatusCode,
    pub(crate) code: &'static str,
    pub(crate) message: String,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError { status, code, message: message.into() }
    }
    pub(crate) fn bad_request(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }
    pub(crate) fn not_found(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message)
    }
    pub(crate) fn internal(message: impl Into<String>) -> Self {
        let message = message.into();
        tracing::error!(%message, "Request failed.");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }
}

impl From<parallax_store::StoreError> for ApiError {
    fn from(e: parallax_store::StoreError) -> Self {
        ApiError::internal(format!("store: {e}"))
    }
}

impl From<parallax_search::SearchError> for ApiError {
    fn from(e: parallax_search::SearchError) -> Self {
        match e {
            parallax_search::SearchError::Query(m) => {
                ApiError::new(StatusCode::BAD_REQUEST, "bad_query", m)
            }
            other => ApiError::internal(format!("search: {other}")),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({"error": {
            "status": self.status.as_u16(),
            "code": self.code,
            "message": self.message,
        }});
        (self.status, Json(body)).into_response()
    }
}

/// `Result` of a request handler.
pub(crate) type ApiResult<T> = std::result::Result<T, ApiError>;
