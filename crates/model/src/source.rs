use std::fmt;

use serde::{Deserialize, Serialize};

/// Where an article (or a reject) came from, precisely enough to find it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SourceRef {
    /// A file on disk.
    File {
        /// The path as given.
        path: String,
    },
    /// Standard input (`-`).
    Stdin,
    /// A page fetched over HTTP(S).
    Url {
        /// The URL that was requested.
        url: String,
    },
    /// One record of a WARC file.
    Warc {
        /// The WARC file.
        path: String,
        /// Byte offset of the record (of its gzip member in a `.warc.gz`).
        offset: u64,
    },
    /// One line of a JSONL file or one element of a JSON array (1-based).
    Json {
        /// The file, or `-` for standard input.
        path: String,
        /// Line number (JSONL) or element number (JSON array), from 1.
        line: u64,
    },
    /// One item of an RSS or Atom feed.
    FeedItem {
        /// The feed's path or URL.
        feed: String,
        /// Position of the item in the feed, from 1.
        item: u64,
    },
    /// A request body posted to the HTTP API.
    Api {
        /// The endpoint, with the request's time ("/api/v1/ingest/html@2026-…").
        endpoint: String,
    },
}

impl SourceRef {
    /// A file source.
    pub fn file(path: impl Into<String>) -> Self {
        SourceRef::File { path: path.into() }
    }
    /// A URL source.
    pub fn url(url: impl Into<String>) -> Self {
        SourceRef::Url { url: url.into() }
    }
}

impl fmt::Display for SourceRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceRef::File { path } => write!(f, "{path}"),
            SourceRef::Stdin => write!(f, "<stdin>"),
            SourceRef::Url { url } => write!(f, "{url}"),
            SourceRef::Warc { path, offset } => write!(f, "{path}@{offset}"),
            SourceRef::Json { path, line } => write!(f, "{path}:{line}"),
            SourceRef::FeedItem { feed, item } => write!(f, "{feed}#item{item}"),
            SourceRef::Api { endpoint } => write!(f, "api:{endpoint}"),
        }
    }
}
