//! Who said what: the second half of enrichment, after language, sentences
//! and tokens (`parallax-text`).
//!
//! [`Enricher::enrich`] reads one article and returns an [`Extraction`]:
//!
//! - [`entities`]: people, organisations and places from capitalised
//!   sequences, honorifics, title words and gazetteers ([`lexicon`]), with
//!   roles from titles and appositions ("US Secretary of State Marco Rubio",
//!   "Rubio, the top US diplomat") and short forms resolved to the full name
//!   within the article ("Rubio" → Marco Rubio).
//! - [`quotes`]: direct quotes in every common quotation style, indirect
//!   (reported) speech after reporting verbs and phrases, and partial quotes
//!   inside reported speech, each with its cue and its speaker (a name, a
//!   pronoun resolved to its antecedent, a description resolved to a person
//!   the article names, or the description kept as it is).
//! - [`quantities`]: numbers with units and what they count, normalised
//!   ("5 percent" = "5%" = "five per cent").
//! - [`dates`]: absolute and relative dates, resolved against the
//!   publication date when it is known.
//!
//! Every span is a byte [`Span`] into the article text; [`CharIndex`] turns
//! them into the Unicode code point offsets of the JSON contract.
//!
//! English comes first and German second; everything language-specific sits
//! in per-language tables so more languages can be added.
#![warn(missing_docs)]

mod contract;
pub mod dates;
pub mod entities;
mod error;
pub mod lexicon;
mod offsets;
pub mod quantities;
pub mod quotes;
mod rules;
mod stream;

pub use error::EnrichError;
pub use offsets::CharIndex;
pub use parallax_model::Span;
pub use parallax_text::Lang;

mod enricher;
pub use contract::{DateOut, EntityOut, ExtractionOut, MentionOut, QuantityOut, QuoteOut};
pub use enricher::{Enricher, Extraction};

#[cfg(test)]
mod tests;
