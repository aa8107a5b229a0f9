use std::collections::BTreeMap;

use parallax_model::{Published, Reject, SourceRef};

/// What a reader hands to its sink, in input order.
#[derive(Debug)]
pub enum Unit {
    /// A document ready for [`RawDoc::into_article`].
    Doc(RawDoc),
    /// An input that was set aside.
    Reject(Reject),
    /// A URL to fetch (a feed item's link when following links). The fetched body
    /// should be read with [`crate::read_bytes`] and these hints.
    Fetch {
        /// The URL to fetch.
        url: String,
        /// Where the link was found.
        source: SourceRef,
        /// What the feed said about the item.
        hints: Hints,
    },
}

/// One document, read but not yet turned into an article.
#[derive(Debug)]
pub struct RawDoc {
    /// Where it came from.
    pub source: SourceRef,
    /// Its content.
    pub kind: DocKind,
    /// What the container (feed, JSON fields, WARC headers, command line) said about it.
    pub hints: Hints,
}

/// The content of a [`RawDoc`].
#[derive(Debug)]
pub enum DocKind {
    /// An HTML page, raw bytes (decoded during [`RawDoc::into_article`]).
    Html {
        /// The page.
        bytes: Vec<u8>,
        /// The HTTP `Content-Type` header, when known (it may name the charset).
        content_type: Option<String>,
    },
    /// Plain text; the first line may be a title.
    Text {
        /// The text.
        text: String,
    },
    /// Main text already split into paragraphs (JSON `text`, feed item content).
    Paragraphs {
        /// The paragraphs.
        paragraphs: Vec<String>,
    },
}

/// Metadata known from outside the document itself.
#[derive(Debug, Clone, Default)]
pub struct Hints {
    /// The document's URL.
    pub url: Option<String>,
    /// Outlet named by the container (JSON `outlet`, the feed's title).
    pub outlet: Option<String>,
    /// Last-resort outlet (a text file's stem).
    pub outlet_fallback: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Authors.
    pub authors: Vec<String>,
    /// Publication time that wins over the page's own (JSON `published`).
    pub published: Option<Published>,
    /// Publication time used only when the page gives none (feed date, WARC date).
    pub published_fallback: Option<Published>,
    /// Declared language.
    pub language: Option<String>,
    /// Unmodelled fields to keep.
    pub meta: BTreeMap<String, serde_json::Value>,
}
