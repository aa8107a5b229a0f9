//! Online story clustering: articles, in publication order, become stories.
//!
//! [`ClusterConfig`] is the configuration (serde, every field documented
//! with the measurement that chose it); [`ClusterConfig::build`] returns a
//! [`Clusterer`], the whole online state. A [`ClusterDoc`] is what the
//! clusterer sees of one article; [`Clusterer::assign`] puts it into a story
//! ([`Assignment`]), [`Clusterer::attach`] adds a near-duplicate to its
//! canonical's story without a vote, and [`Clusterer::maintain`] repairs
//! early mistakes ([`StoryChange`]: merges, splits, freezes).
//!
//! # Design
//!
//! * **Representation.** Three TF-IDF sub-vectors per article
//!   ([`Channel`]): stemmed content words, entities (proper-noun runs for
//!   now; a later NER stage can feed its own through
//!   [`ClusterDocBuilder`]) and numbers/dates (digits, month and weekday
//!   names: the "Day 2" vs "Day 21" headlines and the year that tells this
//!   year's fire from last year's). Title and lead counts are boosted
//!   ([`Zone`]); term frequencies are sublinear (1 + ln tf). Document
//!   frequencies are counted as articles arrive (incremental IDF,
//!   `ln(1 + N/df)`).
//! * **Similarity.** A weighted mean of the channel cosines with the
//!   story centroid (the sum of members' unit vectors; or the group average,
//!   [`Linkage`]), times a Gaussian decay of the gap to the story's newest
//!   article when both times are known. Never single link: an article must
//!   resemble the story as a whole, so chains cannot form.
//! * **Candidates.** An inverted index from each active story's top centroid
//!   terms and entities to the story, with bounded posting lists. An article
//!   queries it with its own top keys and at most
//!   [`ClusterConfig::candidates`] stories are scored exactly, so the cost
//!   of an article does not grow with the number of stories.
//! * **Repair.** [`Clusterer::maintain`] (every
//!   [`ClusterConfig::maintain_every`] articles) rebuilds grown centroids
//!   under the current IDF, merges stories whose centroids became close
//!   (the older id survives, the other stays a valid alias:
//!   [`Clusterer::resolve`]) and splits stories whose members form two
//!   groups (2-means). Stories idle past the inactivity window freeze: they
//!   leave the index and drop their vectors, which bounds memory.
//! * **Persistence.** [`Clusterer`] is `Serialize + Deserialize`; a restored
//!   state assigns exactly as the original would.
//!
//! # Example
//!
//! Two factory fires in the same week: same topic words, different names,
//! places and numbers.
//!
//! ```
//! use parallax_cluster::{ClusterConfig, ClusterDoc};
//! use parallax_model::ArticleId;
//! use parallax_text::Analyzer;
//!
//! let analyzer = Analyzer::new();
//! let cfg = ClusterConfig::default();
//! let mut clusterer = cfg.clone().build()?;
//! let articles = [
//!     "A fire destroyed the Acme Paint Works in Dayton on Monday. Firefighter Jane Ruiz \
//!      said 40 workers escaped from the Acme plant before the roof collapsed.",
//!     "Fire crews in Leeds fought a blaze at the Norwood Textiles mill on Thursday. \
//!      Norwood said all 12 staff left the mill safely; the cause of the fire is unknown.",
//!     "The Acme Paint Works fire in Dayton left 40 workers without jobs, Jane Ruiz of \
//!      the Dayton fire department said on Monday after the roof of the Acme plant fell.",
//!     "Investigators in Leeds said the Norwood Textiles mill blaze on Thursday started \
//!      in a dryer; the 12 staff of the Norwood mill were unhurt.",
//! ];
//! let mut stories = Vec::new();
//! for (i, text) in articles.iter().enumerate() {
//!     let analysis = analyzer.analyze(text, Some("en"));
//!     let id = ArticleId::from_u64(i as u64 + 1);
//!     let doc = ClusterDoc::from_analysis(id, None, None, text, &analysis, &cfg);
//!     stories.push(clusterer.assign(&doc).story);
//! }
//! assert_eq!(stories[0], stories[2]);
//! assert_eq!(stories[1], stories[3]);
//! assert_ne!(stories[0], stories[1]);
//! clusterer.maintain();
//! assert_eq!(clusterer.stories().count(), 2);
//! # Ok::<(), parallax_cluster::ClusterError>(())
//! ```
#![warn(missing_docs)]

mod clusterer;
mod config;
mod doc;
mod error;
mod index;
mod maintain;
mod sparse;
mod vocab;

#[cfg(test)]
mod tests;

pub use clusterer::{Assignment, Clusterer, Linkage, StoryChange, StoryId};
pub use config::{ClusterConfig, Mix};
pub use doc::{Channel, ClusterDoc, ClusterDocBuilder, Zone};
pub use error::{ClusterError, Result};
