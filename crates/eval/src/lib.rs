//! Evaluation of parallax stages against labelled data.
//!
//! Each module pairs a reader for one labelled data set with the metric that data
//! set's authors defined, re-implemented exactly so that our numbers compare with
//! published ones.
//!
//! * [`extract`]: main-text extraction (HTML → article body) on the Zyte/Scrapinghub
//!   article-extraction benchmark: [`extract::load_benchmark`] reads the pages,
//!   [`extract::score_page`] is the word-4-gram metric for one page, and
//!   [`extract::evaluate_extraction`] runs `parallax_html::parse` over all pages
//!   into an [`extract::ExtractReport`] (F1, precision, recall, accuracy, pages/s).
//!
//! Errors reading data are [`EvalError`]s.
#![warn(missing_docs)]

pub mod cluster_metrics;
pub mod coref;
pub mod dupgen;
pub mod dups;
mod error;
pub mod extract;
pub mod quotes;
pub mod stories;
pub mod synth;

pub use error::EvalError;
