//! Near-duplicate groups: wire copies, syndication and re-publications.
//!
//! Articles arrive one by one in publication order. [`DedupIndex::add`] puts
//! each into a near-duplicate group and returns a [`DedupDecision`]: the
//! [`GroupId`], the group's canonical article, and the exact similarity that
//! justified the link. Nothing is deleted: a copy is labelled, not dropped.
//!
//! # Design
//!
//! 1. **Shingles** ([`shingles`], [`Shingles`]): word 5-shingles of the body
//!    text, words being lower-cased alphanumeric runs, kept as a sorted set of
//!    32-bit hashes. Word, not character, shingles: character 5-grams make
//!    unrelated long texts look alike (`METHODS.md` §4). The own normaliser
//!    costs ~3 µs per 4 KB article; [`Shingles::from_words`] accepts the
//!    `norm`s of `parallax-text` tokens instead.
//! 2. **Candidates**: a one-permutation MinHash signature with optimal
//!    densification, cut into LSH bands. (bands, rows) minimise the weighted
//!    false-positive/false-negative areas of the candidate curve around
//!    [`DedupConfig::lsh_threshold`] (0.2 by default; with k ≤ 128 and a
//!    false-negative weight of 0.8 that is 56 bands × 2 rows: a pair with
//!    Jaccard 0.2 becomes a candidate with probability 0.90, one with 0.05
//!    with 0.13). The LSH threshold is far below the link threshold because a
//!    copy cut to its first paragraphs has a low Jaccard and must still be
//!    found, to be linked by containment.
//! 3. **Verification**: every candidate is checked with the exact Jaccard of
//!    the two shingle sets and the containment of the shorter in the longer;
//!    an article links when Jaccard ≥ 0.8, or containment ≥ 0.75 with the
//!    shorter set holding at least 20 shingles ([`DedupConfig`]; thresholds
//!    chosen on the ECB+ wire-copy generator of `parallax-eval`).
//! 4. **No chaining**: only **canonicals** (the first article of each group)
//!    are indexed, and an article joins a group only by matching its canonical.
//!    So A~B and B~C never put C in A's group unless C matches A itself.
//! 5. **Bounded memory**: canonicals (exact sets and LSH entries) are kept
//!    inside a recency window (50 000 articles and 7 days of publication time
//!    by default) and then dropped: a copy arriving later starts a new group.
//!    Wire copies come within days, and the window caps memory at about 4.5 KB
//!    per live canonical.
//! 6. **Persistence**: [`DedupIndex`] implements serde, and
//!    [`DedupIndex::to_bytes`]/[`DedupIndex::from_bytes`] give a compact form
//!    (~4 bytes per shingle) for snapshots between runs.
//!
//! # Example
//!
//! ```
//! use parallax_dedup::{DedupConfig, DedupIndex, shingles};
//! use parallax_model::ArticleId;
//!
//! let wire = "Harbour officials in Port Elin said on Tuesday that the new ferry \
//!     line would start in May. The line links the island to the mainland twice \
//!     a day, and tickets go on sale next week, the officials said.";
//! // A regional paper runs the same wire story with its own byline and a typo.
//! let copy = "By Staff Reporter. Harbour officials in Port Elin said on Tuesday \
//!     that the new ferry line would start in May. The line links the island to \
//!     the mainland twice a day, and tickets go on sale next week, the officals said.";
//! let other = "The city council of Port Elin voted on Tuesday to close the old \
//!     library, citing repair costs that had doubled since the spring floods.";
//!
//! let mut index = DedupIndex::new(DedupConfig::default())?;
//! let (a, b, c) = (ArticleId::from_u64(1), ArticleId::from_u64(2), ArticleId::from_u64(3));
//! let first = index.add(a, &shingles(wire));
//! assert!(first.is_new_group);
//!
//! let second = index.add(b, &shingles(copy));
//! assert!(!second.is_new_group);
//! assert_eq!((second.group, second.canonical), (first.group, a));
//! assert!(second.containment >= 0.75, "{second:?}");
//!
//! let third = index.add(c, &shingles(other));
//! assert!(third.is_new_group);
//!
//! // Snapshots survive a restart.
//! let restored = DedupIndex::from_bytes(&index.to_bytes())?;
//! assert_eq!(restored.live_canonicals(), 2);
//! # Ok::<(), parallax_dedup::DedupError>(())
//! ```
#![warn(missing_docs)]

mod config;
mod error;
mod index;
mod minhash;
mod shingle;
mod snapshot;

pub use config::DedupConfig;
pub use error::{DedupError, Result};
pub use index::{DedupDecision, DedupIndex, GroupId};
pub use shingle::{Shingles, pair_similarity, shingles};

#[cfg(test)]
mod tests;
