//! Ingest: everything that turns bytes from the outside world into [`Article`]s.
//!
//! Input arrives as files, directories, standard input or URLs, in any of these
//! formats, recognised by sniffing the content (the extension only breaks ties):
//!
//! | format | reader | one input gives |
//! |---|---|---|
//! | plain text (first line may be a title) | [`read`] | one article |
//! | HTML page (main text extracted by `parallax-html`) | [`read`] | one article |
//! | JSON Lines / JSON array / one JSON object | [`read`] | one article per line or element |
//! | RSS 2.0 / Atom | [`read`] | one article per item, or a [`Unit::Fetch`] per link with `follow` |
//! | WARC / WARC.gz (CC-NEWS: a gzip member per record) | [`read`] | one article per HTML `response` record |
//! | gzip of any of the above | [`read`] | as the inner format |
//!
//! Reading is split in two so the expensive part can run in parallel:
//!
//! 1. [`read_path`], [`read_stdin`] and [`read_bytes`] walk the input in order and hand
//!    [`Unit`]s to a sink: a [`RawDoc`] (bytes or fields not yet turned into an article),
//!    a [`Reject`], or a request to fetch a URL. Streams (WARC, JSONL) are read record
//!    by record, so memory stays flat on multi-gigabyte files.
//! 2. [`RawDoc::into_article`] does the CPU work (decoding, main-text extraction,
//!    metadata) and returns an [`Article`] or a [`Reject`]. It has no I/O, so callers run
//!    it on a thread pool.
//!
//! [`Watcher`] (module [`watch`]) polls a list of feeds ([`FeedList`], OPML or
//! text) on an interval with conditional requests and back-off, and returns only
//! new items, as the same [`Unit`]s.
//!
//! [`Fetcher`] fetches URLs with time-outs, a size cap, a redirect limit, gzip, and
//! refusal of private, loopback and link-local addresses (checked on every connection,
//! redirects included, after DNS resolution).
//!
//! Bad input never stops a batch: every problem becomes a [`Reject`] with a
//! [`RejectReason`](parallax_model::RejectReason) and a readable detail.
//!
//! ```
//! use parallax_ingest::{read_bytes, Hints, IngestConfig, Unit};
//! use parallax_model::SourceRef;
//!
//! let cfg = IngestConfig::default();
//! let mut units = Vec::new();
//! let text = b"Ministers agree on 3% goal\n\nThe ministers met on Friday.\nThey agreed.";
//! read_bytes(SourceRef::file("wire.txt"), text, None, Hints::default(), &cfg, &mut |u| units.push(u));
//! let Some(Unit::Doc(doc)) = units.pop() else { panic!("one document expected") };
//! let article = doc.into_article(&cfg).expect("a valid article");
//! assert_eq!(article.title.as_deref(), Some("Ministers agree on 3% goal"));
//! assert_eq!(article.outlet.as_deref(), Some("wire"));
//! assert_eq!(article.paragraphs.len(), 2);
//! ```
#![warn(missing_docs)]

mod build;
mod config;
mod feed;
mod fetch;
mod json;
mod read;
mod sniff;
mod text;
mod unit;
mod warc;
pub mod watch;

pub use config::IngestConfig;
pub use fetch::{FetchConfig, Fetched, Fetcher, is_public_ip};
pub use read::{read, read_bytes, read_path, read_stdin};
pub use sniff::{Format, sniff};
pub use unit::{DocKind, Hints, RawDoc, Unit};
pub use warc::write_record as write_warc_record;
pub use watch::{
    FeedList, FeedReport, FeedSpec, FeedStatus, LineIssue, PollOutcome, PollRound, WatchConfig,
    WatchError, WatchState, Watcher,
};

pub use parallax_model::{Article, Reject};
