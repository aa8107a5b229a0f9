//! The one error type of the crate.

/// Everything that can go wrong when opening, writing or searching the index.
///
/// `Query` is the only variant a user can cause with what they type; it carries
/// a message meant to be shown to them. The others are operational failures.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SearchError {
    /// Reading or writing the index directory failed (creating it, wiping it).
    #[error("search index I/O: {0}")]
    Io(#[from] std::io::Error),
    /// tantivy failed (opening, writing, committing, reading, searching).
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// The query text or paging was refused; the message says why, in words
    /// fit for the person who typed it.
    #[error("invalid search query: {0}")]
    Query(String),
}

impl From<tantivy::directory::error::OpenDirectoryError> for SearchError {
    fn from(e: tantivy::directory::error::OpenDirectoryError) -> Self {
        SearchError::Index(e.into())
    }
}

impl From<tantivy::directory::error::OpenReadError> for SearchError {
    fn from(e: tantivy::directory::error::OpenReadError) -> Self {
        SearchError::Index(e.into())
    }
}
