//! What callers hand the index: one article with its quotes.

use chrono::{DateTime, Utc};

/// One article to index, with the quotes found in it.
///
/// The article becomes one search document (`kind = article`: title, body,
/// metadata) and each quote one more (`kind = quote`: quote text, speaker, and
/// a copy of the article's metadata so the same filters apply).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleDoc {
    /// The article id (16 hex digits, `parallax_model::ArticleId`'s text form).
    /// It is the upsert key: indexing an id again replaces all its documents.
    pub id: String,
    /// Headline; searched with a boost over the body.
    pub title: Option<String>,
    /// Outlet name, matched exactly by [`SearchQuery::outlet`](crate::SearchQuery::outlet).
    pub outlet: Option<String>,
    /// Language code (`"en"`, `"de"`), matched exactly by the language filter.
    /// As an ISO 639-1 code it also picks the stemmer of the article's and its
    /// quotes' stemmed fields (see the crate doc); `None` or a language
    /// without a stemmer: exact words only.
    pub language: Option<String>,
    /// Publication time; stored to the second, used for the date filters and
    /// as the tie-break (newest first).
    pub published: Option<DateTime<Utc>>,
    /// Main text.
    pub text: String,
    /// Quotes in the article.
    pub quotes: Vec<QuoteDoc>,
}

/// One quote of an article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuoteDoc {
    /// Position of the quote in its article (as the store numbers them).
    pub index: u32,
    /// Speaker's display name; searched as text ("Rubio" finds his quotes).
    pub speaker: Option<String>,
    /// Speaker's entity key, matched exactly by the speaker filter.
    pub speaker_key: Option<String>,
    /// The quote's words.
    pub text: String,
}
