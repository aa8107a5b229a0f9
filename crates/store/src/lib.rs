//! The embedded store: one SQLite file in the data directory.
//!
//! [`Store`] keeps articles with their [`Enrichment`], and the reject log. Writes
//! come in batches ([`Store::write_batch`]), each one transaction with idempotent
//! upserts keyed by [`ArticleId`]: re-running the same input changes nothing, a
//! crash mid-batch loses at most that batch and duplicates nothing, and a revised
//! article (same URL, new text) replaces the old version.
//!
//! The schema is versioned with SQLite's `user_version`; [`Store::open`] applies
//! the migrations in [`migrations`](crate) order, so a data directory written by an
//! older parallax opens in a newer one.
//!
//! ```
//! use parallax_model::{ArticleBuilder, Enrichment, SourceRef};
//! use parallax_store::Store;
//!
//! let mut store = Store::open_in_memory()?;
//! let a = ArticleBuilder::new(SourceRef::Stdin).paragraphs(["Rubio spoke."]).build();
//! let first = store.write_batch(&[(a.clone(), Enrichment::default())], &[])?;
//! let again = store.write_batch(&[(a.clone(), Enrichment::default())], &[])?;
//! assert_eq!((first.inserted, again.inserted, again.unchanged), (1, 0, 1));
//! assert_eq!(store.article(a.id)?.map(|s| s.article.text), Some("Rubio spoke.".to_string()));
//! # Ok::<(), parallax_store::StoreError>(())
//! ```
#![warn(missing_docs)]

mod error;
mod migrations;
mod store;
mod stories;
mod who;

pub use error::{Result, StoreError};
pub use store::{ArticleQuery, ArticleSummary, BatchOutcome, Store, StoredArticle, StoredReject};
pub use stories::{
    DupGroup, DupLink, Links, StoryChange, StoryLink, StoryMember, StoryQuery, StorySort,
    StorySummary,
};
pub use who::{EntityQuery, EntitySummary, QuoteInArticle};

pub use parallax_model::{ArticleId, Enrichment, EntityRecord, QuoteRecord, WhoSaidWhat};
