//! The shared vocabulary of parallax.
//!
//! Every stage of the pipeline (ingest → text → extract → dedup → cluster → compare)
//! speaks in the types defined here, and this crate has no heavy dependencies so
//! that every other crate can depend on it cheaply.
//!
//! * [`Article`] is one news report: its stable [`ArticleId`], where it came from
//!   ([`SourceRef`]), its outlet, title, authors, publication time ([`Published`]),
//!   language, main text and paragraph [`Span`]s into that text.
//! * [`Reject`] is an input that could not become an article, with a typed
//!   [`RejectReason`] and a human-readable detail. Rejects are data, not errors: a
//!   batch keeps going and every reject is recorded.
//! * [`time`] parses the many date notations found in HTML, feeds and JSON into a
//!   [`Published`] value that keeps the original string beside the UTC instant.
//!
//! ```
//! use parallax_model::{Article, ArticleBuilder, SourceRef};
//!
//! let article: Article = ArticleBuilder::new(SourceRef::Stdin)
//!     .title("Rubio dismisses 'hysteria' over NATO")
//!     .outlet("Example Wire")
//!     .paragraphs(["Rubio spoke in Brussels.", "He backed the 5% goal."])
//!     .build();
//! assert_eq!(article.text, "Rubio spoke in Brussels.\n\nHe backed the 5% goal.");
//! assert_eq!(article.paragraph_text(1), Some("He backed the 5% goal."));
//! // Without a URL the id is a hash of the normalised text: the same text gets the same id.
//! let again = ArticleBuilder::new(SourceRef::Stdin)
//!     .paragraphs(["Rubio  spoke in Brussels.", "He backed the 5% goal."])
//!     .build();
//! assert_eq!(article.id, again.id);
//! ```
#![warn(missing_docs)]

mod article;
mod enrich;
mod id;
mod reject;
mod source;
pub mod time;
pub mod url;

pub use article::{Article, ArticleBuilder, Span};
pub use enrich::{Enrichment, EntityRecord, QuoteRecord, WhoSaidWhat};
pub use id::{ArticleId, content_hash};
pub use reject::{Reject, RejectReason};
pub use source::SourceRef;
pub use time::Published;
