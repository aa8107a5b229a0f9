//! Clustering metrics: B-cubed, pairwise precision/recall/F1, the adjusted
//! Rand index and normalised mutual information, all from one contingency
//! table of gold × predicted labels.
//!
//! * **B³** (Bagga & Baldwin 1998): per item, precision = |C ∩ G| / |C| and
//!   recall = |C ∩ G| / |G| for its predicted cluster C and gold cluster G,
//!   averaged over items.
//! * **Pairwise**: over all unordered item pairs, a pair is predicted
//!   positive when both items share a predicted cluster, gold positive when
//!   they share a gold cluster. Precision (recall) is 1 when there is no
//!   predicted (gold) positive pair.
//! * **ARI** (Hubert & Arabie 1985): the Rand index corrected for chance,
//!   1 for identical partitions, about 0 for random ones (1 when both
//!   partitions are trivial in the same way).
//! * **NMI** with the arithmetic mean of the two entropies (scikit-learn's
//!   default since 0.22): 2·I(G;C) / (H(G) + H(C)); 1 when both entropies
//!   are 0.

use std::collections::HashMap;
use std::hash::Hash;

use serde::Serialize;

/// Scores of a predicted clustering against gold labels.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ClusterScores {
    /// Items scored.
    pub items: usize,
    /// Distinct gold clusters.
    pub gold_clusters: usize,
    /// Distinct predicted clusters.
    pub predicted_clusters: usize,
    /// B³ precision (0–1).
    pub b3_precision: f64,
    /// B³ recall (0–1).
    pub b3_recall: f64,
    /// B³ F1 (0–1).
    pub b3_f1: f64,
    /// Pairwise precision (0–1).
    pub pair_precision: f64,
    /// Pairwise recall (0–1).
    pub pair_recall: f64,
    /// Pairwise F1 (0–1).
    pub pair_f1: f64,
    /// Adjusted Rand index (−1–1).
    pub ari: f64,
    /// Normalised mutual information, arithmetic normalisation (0–1).
    pub nmi: f64,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 }
}

fn pairs(n: u64) -> f64 {
    (n as f64) * (n as f64 - 1.0) / 2.0
}

fn dense_labels<L: Hash + Eq>(labels: &[L]) -> (Vec<usize>, usize) {
    let mut ids: HashMap<&L, usize> = HashMap::new();
    let out = labels
        .iter()
        .map(|l| {
            let n = ids.len();
            *ids.entry(l).or_insert(n)
        })
        .collect();
    (out, ids.len())
}

/// Scores `predicted` against `gold`; item `i` has gold label `gold[i]` and
/// predicted label `predicted[i]`. Extra items in the longer slice are
/// ignored.
pub fn score_clustering<G: Hash + Eq, P: Hash + Eq>(gold: &[G], predicted: &[P]) -> ClusterScores {
    let n = gold.len().min(predicted.len());
    let (g, ng) = dense_labels(&gold[..n]);
    let (p, np) = dense_labels(&predicted[..n]);
    let mut a = vec![0u64; ng];
    let mut b = vec![0u64; np];
    let mut cells: HashMap<(usize, usize), u64> = HashMap::new();
    for (&gi, &pj) in g.iter().zip(&p) {
        a[gi] += 1;
        b[pj] += 1;
        *cells.entry((gi, pj)).or_insert(0) += 1;
    }
    let nf = n as f64;
    let (mut b3p, mut b3r, mut tp, mut mi) = (0.0, 0.0, 0.0, 0.0);
    for (&(gi, pj), &c) in &cells {
        let c = c as f64;
        b3p += c * c / b[pj] as f64;
        b3r += c * c / a[gi] as f64;
        tp += pairs(c as u64);
        mi += c / nf * (nf * c / (a[gi] as f64 * b[pj] as f64)).ln();
    }
    let (b3p, b3r) = if n > 0 { (b3p / nf, b3r / nf) } else { (1.0, 1.0) };
    let gold_pairs: f64 = a.iter().map(|&x| pairs(x)).sum();
    let pred_pairs: f64 = b.iter().map(|&x| pairs(x)).sum();
    let pp = if pred_pairs > 0.0 { tp / pred_pairs } else { 1.0 };
    let pr = if gold_pairs > 0.0 { tp / gold_pairs } else { 1.0 };
    let expected = if n > 1 { gold_pairs * pred_pairs / pairs(n as u64) } else { 0.0 };
    let max_index = 0.5 * (gold_pairs + pred_pairs);
    let ari = if (max_index - expected).abs() < 1e-12 {
        1.0
    } else {
        (tp - expected) / (max_index - expected)
    };
    let entropy = |counts: &[u64]| -> f64 {
        counts
            .iter()
            .filter(|&&c| c > 0)
            .map(|&c| {
                let q = c as f64 / nf;
                -q * q.ln()
            })
            .sum()
    };
    let (hg, hp) = (entropy(&a), entropy(&b));
    let nmi = if hg + hp <= 0.0 { 1.0 } else { (2.0 * mi / (hg + hp)).clamp(0.0, 1.0) };
    ClusterScores {
        items: n,
        gold_clusters: ng,
        predicted_clusters: np,
        b3_precision: b3p,
        b3_recall: b3r,
        b3_f1: f1(b3p, b3r),
        pair_precision: pp,
        pair_recall: pr,
        pair_f1: f1(pp, pr),
        ari,
        nmi,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn identical_partitions_score_one() {
        let s = score_clustering(&[1, 1, 2, 2, 3], &["a", "a", "b", "b", "c"]);
        for v in [s.b3_f1, s.pair_f1, s.ari, s.nmi] {
            assert!(close(v, 1.0), "{s:?}");
        }
        assert_eq!((s.gold_clusters, s.predicted_clusters), (3, 3));
    }

    #[test]
    fn hand_computed_case() {
        // Gold {0,1,2} {3,4}; predicted {0,1} {2,3,4}.
        let s = score_clustering(&[0, 0, 0, 1, 1], &[0, 0, 1, 1, 1]);
        // B³ precision: items 0,1: 2/2; item 2: 1/3; items 3,4: 2/3 → (2 + 1/3 + 4/3)/5.
        assert!(close(s.b3_precision, (2.0 + 1.0 / 3.0 + 4.0 / 3.0) / 5.0));
        // B³ recall: items 0,1: 2/3; item 2: 1/3; items 3,4: 2/2 → (4/3 + 1/3 + 2)/5.
        assert!(close(s.b3_recall, (4.0 / 3.0 + 1.0 / 3.0 + 2.0) / 5.0));
        // Pairs: gold {01,02,12,34}, predicted {01,23,24,34}: tp 2.
        assert!(close(s.pair_precision, 0.5) && close(s.pair_recall, 0.5));
        // ARI: E = 4·4/10 = 1.6, max = 4 → (2 − 1.6)/(4 − 1.6) = 1/6.
        assert!(close(s.ari, 1.0 / 6.0), "{}", s.ari);
        // NMI: H(G) = H(C) = H(3/5, 2/5); I from cells 2,1,2 of 5.
        let h = -(0.6f64 * 0.6f64.ln() + 0.4 * 0.4f64.ln());
        let i = 0.4 * (5.0 * 2.0 / (3.0 * 2.0f64)).ln()
            + 0.2 * (5.0 / (3.0 * 3.0f64)).ln()
            + 0.4 * (5.0 * 2.0 / (2.0 * 3.0f64)).ln();
        assert!(close(s.nmi, i / h), "{} vs {}", s.nmi, i / h);
    }

    #[test]
    fn all_singletons_and_one_blob() {
        let gold = [0, 0, 1, 1];
        let single = score_clustering(&gold, &[0, 1, 2, 3]);
        assert!(close(single.b3_precision, 1.0) && close(single.b3_recall, 0.5));
        assert!(close(single.pair_precision, 1.0) && close(single.pair_recall, 0.0));
        let blob = score_clustering(&gold, &[0, 0, 0, 0]);
        assert!(close(blob.b3_precision, 0.5) && close(blob.b3_recall, 1.0));
        assert!(close(blob.ari, 0.0) && close(blob.nmi, 0.0));
    }
}
