//! Coreference metrics: MUC, B³, CEAF-e and the CoNLL F1 (their mean), as
//! the CoNLL-2011/2012 shared tasks and the ECB+ literature report them.
//!
//! Mentions are items `0..n`; `key[i]` is mention `i`'s gold chain and
//! `response[i]` the predicted group. Every mention belongs to exactly one
//! chain on each side, so a mention the system did not find should be given
//! a response label of its own (a singleton): it then costs recall in every
//! metric, as it does in the reference scorer when system mentions are the
//! gold mentions.
//!
//! * **MUC** (Vilain et al. 1995), link-based: recall
//!   Σ(|K| − |p(K)|) / Σ(|K| − 1) over key chains K, where p(K) is the
//!   partition of K by the response; precision swaps the roles. Singletons
//!   carry no links and count for nothing.
//! * **B³** (Bagga & Baldwin 1998), mention-based: the mean over mentions
//!   of |K ∩ R| / |R| (precision) and |K ∩ R| / |K| (recall).
//! * **CEAF-e** (Luo 2005), entity-based: the one-to-one alignment of key
//!   and response chains that maximises Σ φ₄(K, R), φ₄ = 2|K ∩ R| / (|K| + |R|);
//!   recall is that sum over the number of key chains, precision over the
//!   number of response chains. The alignment is solved exactly
//!   (Kuhn–Munkres, from the `pathfinding` crate) on each connected
//!   component of the chains' overlap graph, so a large corpus of small
//!   stories costs little.
//! * **CoNLL F1**: the unweighted mean of the three F1 scores.

use std::collections::HashMap;
use std::hash::Hash;

use pathfinding::kuhn_munkres::kuhn_munkres;
use pathfinding::matrix::Matrix;
use serde::Serialize;

/// Precision, recall and F1 of one metric (each 0–1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

impl Prf {
    fn new(precision: f64, recall: f64) -> Self {
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf { precision, recall, f1 }
    }
}

/// The coreference scores of a response against a key.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CorefScores {
    /// Mentions scored.
    pub mentions: usize,
    /// Key (gold) chains.
    pub key_chains: usize,
    /// Response chains.
    pub response_chains: usize,
    /// MUC.
    pub muc: Prf,
    /// B³.
    pub b3: Prf,
    /// CEAF-e.
    pub ceafe: Prf,
    /// Mean of the MUC, B³ and CEAF-e F1.
    pub conll_f1: f64,
}

/// Scores `response` against `key`, item by item (extra items of the longer
/// slice are ignored). See the module doc for the definitions.
pub fn score_coref<K: Hash + Eq, R: Hash + Eq>(key: &[K], response: &[R]) -> CorefScores {
    let n = key.len().min(response.len());
    let k = chains(&key[..n]);
    let r = chains(&response[..n]);
    // Which response chain each mention is in, and the reverse.
    let mut r_of = vec![0usize; n];
    for (j, c) in r.iter().enumerate() {
        for &m in c {
            r_of[m] = j;
        }
    }
    let mut k_of = vec![0usize; n];
    for (i, c) in k.iter().enumerate() {
        for &m in c {
            k_of[m] = i;
        }
    }
    // Overlaps |K_i ∩ R_j| for the pairs that meet.
    let mut overlap: HashMap<(usize, usize), usize> = HashMap::new();
    for m in 0..n {
        *overlap.entry((k_of[m], r_of[m])).or_insert(0) += 1;
    }

    let muc = Prf::new(muc_recall(&r, &k_of), muc_recall(&k, &r_of));

    let (mut b3p, mut b3r) = (0.0, 0.0);
    for (&(i, j), &c) in &overlap {
        let c = c as f64;
        b3p += c * c / r[j].len() as f64;
        b3r += c * c / k[i].len() as f64;
    }
    let b3 = if n == 0 { Prf::new(1.0, 1.0) } else { Prf::new(b3p / n as f64, b3r / n as f64) };

    let phi = ceaf_alignment(&k, &r, &overlap);
    let ceafe = Prf::new(
        if r.is_empty() { 1.0 } else { phi / r.len() as f64 },
        if k.is_empty() { 1.0 } else { phi / k.len() as f64 },
    );

    CorefScores {
        mentions: n,
        key_chains: k.len(),
        response_chains: r.len(),
        muc,
        b3,
        ceafe,
        conll_f1: (muc.f1 + b3.f1 + ceafe.f1) / 3.0,
    }
}

/// The mentions of each distinct label, in first-seen order.
fn chains<L: Hash + Eq>(labels: &[L]) -> Vec<Vec<usize>> {
    let mut ids: HashMap<&L, usize> = HashMap::new();
    let mut out: Vec<Vec<usize>> = Vec::new();
    for (m, l) in labels.iter().enumerate() {
        let next = ids.len();
        let id = *ids.entry(l).or_insert(next);
        if id == out.len() {
            out.push(Vec::new());
        }
        out[id].push(m);
    }
    out
}

/// MUC recall of the partition `of_other` against `chains`
/// (Σ(|K| − |p(K)|) / Σ(|K| − 1)); 0 when no chain has a link, as in the
/// reference scorer.
fn muc_recall(chains: &[Vec<usize>], of_other: &[usize]) -> f64 {
    let (mut num, mut den) = (0usize, 0usize);
    for c in chains {
        let mut parts: Vec<usize> = c.iter().map(|&m| of_other[m]).collect();
        parts.sort_unstable();
        parts.dedup();
        num += c.len() - parts.len();
        den += c.len() - 1;
    }
    if den == 0 { 0.0 } else { num as f64 / den as f64 }
}

/// Σ φ₄ of the best one-to-one alignment of key and response chains.
fn ceaf_alignment(
    k: &[Vec<usize>],
    r: &[Vec<usize>],
    overlap: &HashMap<(usize, usize), usize>,
) -> f64 {
    // Connected components of the overlap graph (key i = node i, response
    // j = node k.len() + j), by union-find.
    let mut parent: Vec<usize> = (0..k.len() + r.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for &(i, j) in overlap.keys() {
        let (a, b) = (find(&mut parent, i), find(&mut parent, k.len() + j));
        if a != b {
            parent[a] = b;
        }
    }
    let mut comps: HashMap<usize, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for i in 0..k.len() {
        let root = find(&mut parent, i);
        comps.entry(root).or_default().0.push(i);
    }
    for j in 0..r.len() {
        let root = find(&mut parent, k.len() + j);
        comps.entry(root).or_default().1.push(j);
    }
    let phi4 = |i: usize, j: usize| -> f64 {
        let c = overlap.get(&(i, j)).copied().unwrap_or(0);
        2.0 * c as f64 / (k[i].len() + r[j].len()) as f64
    };
    let mut total = 0.0;
    for (keys, resps) in comps.values() {
        match (keys.len(), resps.len()) {
            (0, _) | (_, 0) => {}
            (1, _) => total += resps.iter().map(|&j| phi4(keys[0], j)).fold(0.0, f64::max),
            (_, 1) => total += keys.iter().map(|&i| phi4(i, resps[0])).fold(0.0, f64::max),
            _ => {
                // Kuhn–Munkres wants rows ≤ columns and integer weights.
                let (rows, cols, flip) = if keys.len() <= resps.len() {
                    (keys, resps, false)
                } else {
                    (resps, keys, true)
                };
                let w = |a: usize, b: usize| if flip { phi4(b, a) } else { phi4(a, b) };
                const SCALE: f64 = 1e9;
                let weights: Vec<Vec<i64>> = rows
                    .iter()
                    .map(|&a| cols.iter().map(|&b| (w(a, b) * SCALE).round() as i64).collect())
                    .collect();
                // Rows all have one length by construction, so this never fails.
                if let Ok(m) = Matrix::from_rows(weights) {
                    let (_, assign) = kuhn_munkres(&m);
                    for (ri, &ci) in assign.iter().enumerate() {
                        total += w(rows[ri], cols[ci]);
                    }
                }
            }
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn identical_partitions_score_one() {
        let s = score_coref(&[1, 1, 2, 2, 3], &["a", "a", "b", "b", "c"]);
        for v in [s.muc.f1, s.b3.f1, s.ceafe.f1, s.conll_f1] {
            assert!(close(v, 1.0), "{s:?}");
        }
        assert_eq!((s.key_chains, s.response_chains), (3, 3));
    }

    /// The worked example of Luo (2005) / Pradhan et al. (2014): key
    /// {a b c} {d e f g}, response {a b} {c d} {f g h i} — here restricted to
    /// the shared mentions a–g with h, i dropped: key {0 1 2} {3 4 5 6},
    /// response {0 1} {2 3} {4} {5 6}.
    #[test]
    fn hand_computed_case() {
        let key = [0, 0, 0, 1, 1, 1, 1];
        let resp = [0, 0, 1, 1, 2, 3, 3];
        let s = score_coref(&key, &resp);
        // MUC recall: K1 split in 2 → 3−2; K2 split in 3 → 4−3: (1 + 1)/(2 + 3).
        assert!(close(s.muc.recall, 2.0 / 5.0), "{:?}", s.muc);
        // MUC precision: R1 0 splits, R2 2 parts, R3 singleton, R4 whole: (1 + 0 + 0 + 1)/(1 + 1 + 0 + 1).
        assert!(close(s.muc.precision, 2.0 / 3.0), "{:?}", s.muc);
        // B³ precision: 0,1: 1; 2,3: 1/2; 4: 1; 5,6: 1 → 6/7.
        assert!(close(s.b3.precision, 6.0 / 7.0));
        // B³ recall: 0,1: 2/3; 2: 1/3; 3: 1/4; 4: 1/4; 5,6: 2/4 → (4/3 + 1/3 + 1/4 + 1/4 + 1)/7.
        assert!(close(s.b3.recall, (4.0 / 3.0 + 1.0 / 3.0 + 0.5 + 1.0) / 7.0));
        // CEAF-e: best is K1–R1 (2·2/5) + K2–R4 (2·2/6) = 0.8 + 2/3.
        let phi = 0.8 + 2.0 / 3.0;
        assert!(close(s.ceafe.recall, phi / 2.0) && close(s.ceafe.precision, phi / 4.0));
        assert!(close(s.conll_f1, (s.muc.f1 + s.b3.f1 + s.ceafe.f1) / 3.0));
    }

    /// The alignment is global, not greedy: the locally best pair K0–R0 must
    /// give way so that both key chains are aligned.
    #[test]
    fn ceaf_alignment_is_optimal_not_greedy() {
        // K0 = {0,1,2,3}, K1 = {4}; R0 = {0,1,2,4}, R1 = {3}.
        let s = score_coref(&[0, 0, 0, 0, 1], &[0, 0, 0, 1, 0]);
        // Greedy takes K0–R0 (6/8) and is left with K1–R1 (0): 0.75. The
        // optimum is K0–R1 (2/5) + K1–R0 (2/5) = 0.8.
        assert!(close(s.ceafe.recall, 0.8 / 2.0), "{:?}", s.ceafe);
    }

    #[test]
    fn missed_mentions_as_singletons_cost_recall() {
        let key = [0, 0, 0, 0];
        let s = score_coref(&key, &[0, 0, 1, 2]);
        assert!(close(s.muc.recall, 1.0 / 3.0) && close(s.muc.precision, 1.0));
        assert!(close(s.b3.precision, 1.0) && close(s.b3.recall, (0.5 + 0.5 + 0.25 + 0.25) / 4.0));
        // One key chain aligned with R0: φ₄ = 2·2/6.
        assert!(close(s.ceafe.recall, 2.0 / 3.0) && close(s.ceafe.precision, 2.0 / 9.0));
    }

    #[test]
    fn empty_input() {
        let s = score_coref::<u8, u8>(&[], &[]);
        assert_eq!(s.mentions, 0);
    }
}
