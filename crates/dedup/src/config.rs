//! [`DedupConfig`]: every threshold and window of the near-duplicate stage.

use serde::{Deserialize, Serialize};

use crate::error::{DedupError, Result};

/// Settings of a [`crate::DedupIndex`]. Every field has a default (see
/// [`DedupConfig::default`]); unknown fields are refused when read from a file.
///
/// The default thresholds were chosen with `cargo test --release -p
/// parallax-eval --test dups_floor -- --include-ignored --nocapture` (the
/// `dups_sweep` example run) on the ECB+ wire-copy generator, default mix; see
/// `crates/eval/src/dups.rs`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DedupConfig {
    /// Jaccard similarity of the two shingle sets (0–1) at or above which an
    /// article joins a canonical's group. Default 0.8, the usual near-copy
    /// edge (NeMo Curator, `METHODS.md` §4).
    pub jaccard_threshold: f32,
    /// Containment of the shorter shingle set in the longer (|A∩B| / min(|A|,
    /// |B|), 0–1) at or above which an article joins a canonical's group even
    /// when Jaccard is low: a wire story cut to its first paragraphs, or one
    /// with boilerplate added. Default 0.75: three quarters of the shorter
    /// text's 5-grams verbatim in the longer. Chosen on the ECB+ generator
    /// (`cargo run --release -p parallax-eval --example dups_sweep`, seeds 7–11):
    /// 0.9 gave pair recall 0.88–0.92, 0.8 gave 0.968–0.980, 0.75 gave
    /// 0.984–0.989, 0.7 gave 0.990–0.994, with the same precision (≥ 0.99) at
    /// each; 0.75 keeps a margin against partial re-publications on real data.
    pub containment_threshold: f32,
    /// The shorter set must hold at least this many shingles (distinct word
    /// 5-grams) for containment to count; below it only Jaccard can link, so a
    /// one-line text is not "contained" in every long article quoting it.
    /// Default 20 (about two sentences).
    pub min_containment_shingles: usize,
    /// Jaccard similarity (0–1) the LSH banding is tuned for: pairs above it
    /// are very likely to become candidates. Lower than `jaccard_threshold` on
    /// purpose: a copy truncated to a fraction `f` of the original has Jaccard
    /// about `f`, and must still be found to be linked by containment. Default
    /// 0.2 (truncation down to ~20 %). Lower finds more, at more verification
    /// work per article.
    pub lsh_threshold: f32,
    /// Upper bound on the MinHash signature length k = bands × rows
    /// (one-permutation bins). Default 128.
    pub max_bins: usize,
    /// Weight (0–1) of missed pairs against needless candidates when choosing
    /// bands and rows; the false-positive weight is `1 − lsh_fn_weight`.
    /// Default 0.8: every candidate is verified exactly, so a needless one
    /// costs only time, a missed one costs recall.
    pub lsh_fn_weight: f32,
    /// Fixed `[bands, rows]` instead of the optimised choice (for
    /// experiments). Default none.
    pub bands_rows: Option<[usize; 2]>,
    /// At most this many candidate canonicals (those sharing the most bands
    /// first) are verified per article. Default 32.
    pub max_candidates: usize,
    /// At most this many canonicals are read from one LSH bucket per article
    /// (newest first), bounding the work on templated texts. Default 64.
    pub max_bucket_walk: usize,
    /// Recency window in articles: a canonical (its exact shingle set and its
    /// LSH entries) is dropped once this many articles have been added after
    /// it; later copies of it start a new group. Memory is about 4.5 KB per
    /// live canonical of a 4 KB article. Default 50 000 (≈ 250 MiB at most;
    /// measured with `--example dedup_speed`).
    pub window_articles: u64,
    /// Recency window in seconds of publication time: a canonical is also
    /// dropped once an article published more than this much later has been
    /// added (only for articles added with a time, see
    /// [`crate::DedupIndex::add_at`]). Wire copies arrive within days.
    /// Default 7 days (604 800 s); `None` turns the time window off.
    pub window_secs: Option<i64>,
}

impl Default for DedupConfig {
    fn default() -> Self {
        DedupConfig {
            jaccard_threshold: 0.8,
            containment_threshold: 0.75,
            min_containment_shingles: 20,
            lsh_threshold: 0.2,
            max_bins: 128,
            lsh_fn_weight: 0.8,
            bands_rows: None,
            max_candidates: 32,
            max_bucket_walk: 64,
            window_articles: 50_000,
            window_secs: Some(7 * 86_400),
        }
    }
}

impl DedupConfig {
    /// Checks ranges and returns the (bands, rows) the index will use.
    pub(crate) fn resolve(&self) -> Result<(usize, usize)> {
        let unit = |name: &str, v: f32| {
            if (0.0..=1.0).contains(&v) {
                Ok(())
            } else {
                Err(DedupError::InvalidConfig(format!("{name} must be in [0, 1], got {v}")))
            }
        };
        unit("jaccard_threshold", self.jaccard_threshold)?;
        unit("containment_threshold", self.containment_threshold)?;
        unit("lsh_fn_weight", self.lsh_fn_weight)?;
        if !(self.lsh_threshold > 0.0 && self.lsh_threshold < 1.0) {
            return Err(DedupError::InvalidConfig(format!(
                "lsh_threshold must be in (0, 1), got {}",
                self.lsh_threshold
            )));
        }
        if !(1..=4096).contains(&self.max_bins) {
            return Err(DedupError::InvalidConfig(format!(
                "max_bins must be in 1..=4096, got {}",
                self.max_bins
            )));
        }
        if self.max_candidates == 0 || self.max_bucket_walk == 0 || self.window_articles == 0 {
            return Err(DedupError::InvalidConfig(
                "max_candidates, max_bucket_walk and window_articles must be positive".into(),
            ));
        }
        if let Some([b, r]) = self.bands_rows {
            if b == 0 || r == 0 || b * r > 4096 {
                return Err(DedupError::InvalidConfig(format!(
                    "bands_rows must be positive with bands × rows ≤ 4096, got [{b}, {r}]"
                )));
            }
            return Ok((b, r));
        }
        let fnw = f64::from(self.lsh_fn_weight);
        Ok(crate::minhash::optimal_params(
            f64::from(self.lsh_threshold),
            self.max_bins,
            1.0 - fnw,
            fnw,
        ))
    }
}
