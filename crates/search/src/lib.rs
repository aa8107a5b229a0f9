//! Full-text search over articles and quotes, on [tantivy].
//!
//! One [`SearchIndex`] holds two kinds of search documents: one per article
//! (title, body and metadata) and one per quote (the quote's words, its
//! speaker, and a copy of its article's metadata). A [`SearchQuery`] is user
//! text plus exact filters; [`SearchIndex::search`] returns one page of
//! [`Hit`]s with the full count and a highlighted [`Snippet`] each.
//!
//! # Schema
//!
//! | field | kind | on | use |
//! |---|---|---|---|
//! | `kind` | raw | both | `article` / `quote`: the [`Kind`] filter |
//! | `article_id` | raw, stored | both | upsert/delete key, hit id |
//! | `quote_index` | u64, stored | quotes | hit id |
//! | `title` | text, stored | articles | searched, boost 2 |
//! | `context_title` | stored | quotes | the article's title, shown only |
//! | `text` | text, stored | both | body / quote words; searched, snippets |
//! | `speaker` | text, stored | quotes | speaker name; searched |
//! | `title_stem_xx` | text (stemmed), not stored | articles² | searched, boost 1 |
//! | `text_stem_xx` | text (stemmed), not stored | both² | searched, boost 0.5; snippets |
//! | `speaker_key`, `outlet`, `language` | raw, stored | both¹ | exact filters |
//! | `published` | date (s), indexed, fast, stored | both | date filters, tie-break |
//!
//! ¹ `speaker_key` on quotes only. ² One pair per stemmed language `xx`
//! (`en`, `de`, `fr`, `es`, `it`, `nl`, `pt`, `sv`, `da`, `no`, `fi`, `ru`),
//! filled only on documents of that language.
//!
//! # Analysers
//!
//! The exact fields (`title`, `text`, `speaker`) use one analyser for every
//! language: Unicode word runs, lower-cased and folded to ASCII ("Løkke",
//! "lokke" and "LOKKE" are one term, "loekke" is another; "Müller" matches
//! "muller", not "mueller"). No stop words. The title sits only on article
//! documents so that a word of the headline doesn't make every quote of the
//! article match.
//!
//! The stemmed fields add the language's Snowball stemmer between
//! lower-casing and folding, so "meetings" and "meeting" are one term in
//! `text_stem_en`, "Treffens" and "Treffen" one in `text_stem_de`. An
//! article's language ([`ArticleDoc::language`], an ISO 639-1 code;
//! case-insensitive, a region such as `en-GB` ignored, `nb`/`nn` are
//! Norwegian) picks the pair its title and text go into; its quotes take the
//! article's language. Documents with no language or one without a stemmer
//! get no stemmed fields: they match their exact words only.
//!
//! A query is parsed once over the exact fields and every language's stemmed
//! fields (only the filtered language's with a `language` filter); tantivy
//! analyses each query word with each field's analyser, so "meetings" is
//! looked up as `meetings` in `text` and as `meet` in `text_stem_en`. An
//! exact match scores in both the exact and the stemmed field, a stem-only
//! match in the stemmed one (at half weight), so exact wording ranks first.
//! Phrases work in both (the stemmed fields keep positions). Stems are not
//! synonyms ("met" is not "meet"), compounds are not split ("Ausgaben" does
//! not find "Verteidigungsausgaben"), and stemmers over-conflate now and
//! then (German "Sicherheit" stems to "sich"). Snippets come from the exact
//! field when it highlights anything, else from the stemmed field (its
//! analyser re-reads the stored text, so "meetings" marks "meeting"). A field
//! prefix (`text:`, `title:`) searches only that exact field.
//!
//! # Idempotence and the covered sequence number
//!
//! [`SearchIndex::index`] is an upsert: for each article it deletes every
//! document whose `article_id` is the article's (its own and its quotes'),
//! then adds them again, and commits. Indexing an article twice leaves one
//! copy; a re-run after a crash may re-index what it already did at no harm.
//! Each commit carries a payload `{"schema_version", "seq"}`: `seq` is the
//! store sequence number the caller says this commit covers, read back by
//! [`SearchIndex::covered_seq`], so the caller indexes only the store's
//! changes after it. [`SearchIndex::open`] wipes an index written with
//! another [`SCHEMA_VERSION`] (or schema, or unreadable) and starts empty, with
//! `covered_seq() == None`: the caller then re-indexes everything.
//!
//! # Concurrency
//!
//! `SearchIndex` is `Send + Sync`. Searches take a snapshot of the reader and
//! never lock. Writes go through one `IndexWriter` (heap
//! [`WRITER_HEAP_BYTES`], up to 3 indexing threads) behind a mutex; the reader
//! is reloaded after each commit, so a search started after `index` returns
//! sees the batch.
//!
//! # Example
//!
//! ```
//! use parallax_search::{ArticleDoc, Kind, QuoteDoc, SearchIndex, SearchQuery};
//!
//! let index = SearchIndex::in_memory()?;
//! let quote = QuoteDoc {
//!     index: 0,
//!     speaker: Some("Marco Rubio".into()),
//!     speaker_key: Some("marco rubio".into()),
//!     text: "There is a lot of hysteria and hyperbole.".into(),
//! };
//! let article = |id: &str, outlet: &str, quotes: Vec<QuoteDoc>| ArticleDoc {
//!     id: id.into(),
//!     title: Some("Rubio at NATO".into()),
//!     outlet: Some(outlet.into()),
//!     language: Some("en".into()),
//!     text: "Rubio told allies there was a lot of hysteria and hyperbole.".into(),
//!     quotes,
//!     ..ArticleDoc::default()
//! };
//! index.index(&[article("00000000000000a1", "Wire", vec![quote.clone()])], 1)?;
//! index.index(&[article("00000000000000b2", "Daily", vec![quote])], 2)?;
//!
//! let q = SearchQuery { text: "\"hysteria and hyperbole\"".into(), kind: Kind::Quotes, ..Default::default() };
//! let found = index.search(&q)?;
//! assert_eq!(found.total, 2);
//! assert_eq!(found.hits[0].speaker.as_deref(), Some("Marco Rubio"));
//! assert!(found.hits[0].snippet.to_html().contains("<mark>hysteria</mark>"));
//! assert_eq!(index.covered_seq(), Some(2));
//! # Ok::<(), parallax_search::SearchError>(())
//! ```
#![warn(missing_docs)]

mod doc;
mod error;
mod index;
mod query;
mod schema;
mod snippet;

#[cfg(test)]
mod tests;

pub use doc::{ArticleDoc, QuoteDoc};
pub use error::SearchError;
pub use index::{SearchIndex, WRITER_HEAP_BYTES};
pub use query::{
    DEFAULT_LIMIT, Hit, HitKind, Kind, MAX_LIMIT, MAX_OFFSET, MAX_QUERY_CHARS, MAX_QUERY_WORDS,
    SearchQuery, SearchResults,
};
pub use schema::SCHEMA_VERSION;
pub use snippet::{SNIPPET_MAX_CHARS, Snippet};
