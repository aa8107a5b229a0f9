//! Near-duplicate grouping scored on pairs.
//!
//! [`evaluate`] feeds generated documents ([`crate::dupgen`]) one by one, in
//! their order, through [`parallax_dedup::shingles`] and
//! [`parallax_dedup::DedupIndex::add`], then scores **pairs**: a predicted
//! pair is two documents in the same predicted group, a gold pair two
//! documents made from the same base. Precision, recall and F1 are over those
//! pairs; [`KindScore`] splits them by the variant kind of each document (a
//! document's links to its gold partners), so one can see which edits are
//! missed.
//!
//! Reproduce the figures in the README with
//! `cargo test --release -p parallax-eval --test dups_floor -- --nocapture`.

use std::collections::HashMap;
use std::time::Instant;

use parallax_dedup::{DedupConfig, DedupError, DedupIndex, GroupId, Shingles, pair_similarity};
use serde::Serialize;

use crate::dupgen::{DupDoc, VariantKind};

/// Pair scores of the documents of one variant kind.
#[derive(Debug, Clone, Serialize)]
pub struct KindScore {
    /// The kind.
    pub kind: VariantKind,
    /// Documents of this kind.
    pub docs: usize,
    /// Gold partners of these documents, summed.
    pub gold_links: u64,
    /// Predicted partners of these documents, summed.
    pub predicted_links: u64,
    /// Predicted partners that are gold partners, summed.
    pub true_links: u64,
    /// `true_links / predicted_links` (1 when nothing was predicted).
    pub precision: f64,
    /// `true_links / gold_links` (1 when there is nothing to find).
    pub recall: f64,
}

/// A gold pair that was not linked, with its exact similarities.
#[derive(Debug, Clone, Serialize)]
pub struct MissedPair {
    /// ECB+ id of the base.
    pub base: String,
    /// Kinds of the two documents.
    pub kinds: (VariantKind, VariantKind),
    /// Exact Jaccard of their shingle sets.
    pub jaccard: f32,
    /// Exact containment of the shorter in the longer.
    pub containment: f32,
    /// Shingles of the shorter.
    pub shorter: usize,
}

/// Result of [`evaluate`].
#[derive(Debug, Clone, Serialize)]
pub struct DupReport {
    /// Predicted pairs that are gold pairs / predicted pairs.
    pub precision: f64,
    /// Gold pairs that were predicted / gold pairs.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Gold pairs.
    pub gold_pairs: u64,
    /// Predicted pairs.
    pub predicted_pairs: u64,
    /// Predicted pairs that are gold pairs.
    pub true_pairs: u64,
    /// Predicted groups.
    pub groups: usize,
    /// Gold groups.
    pub gold_groups: usize,
    /// Documents.
    pub articles: usize,
    /// Shingling plus `add` per second, single thread.
    pub articles_per_sec: f64,
    /// Scores by variant kind.
    pub per_kind: Vec<KindScore>,
    /// Up to 20 missed gold pairs (for diagnosis).
    pub missed: Vec<MissedPair>,
    /// Number of wrongly linked pairs (hard negatives that were linked).
    pub false_pairs: u64,
}

fn pairs(n: u64) -> u64 {
    n * n.saturating_sub(1) / 2
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Runs the dedup index over `docs` in order and scores the groups.
pub fn evaluate(docs: &[DupDoc], config: &DedupConfig) -> Result<DupReport, DedupError> {
    let mut index = DedupIndex::new(config.clone())?;
    let start = Instant::now();
    let mut predicted: Vec<GroupId> = Vec::with_capacity(docs.len());
    for d in docs {
        let sh = parallax_dedup::shingles(&d.text);
        predicted.push(index.add(d.id, &sh).group);
    }
    let secs = start.elapsed().as_secs_f64();

    let mut cell: HashMap<(u32, GroupId), u64> = HashMap::new();
    let mut gold_size: HashMap<u32, u64> = HashMap::new();
    let mut pred_size: HashMap<GroupId, u64> = HashMap::new();
    for (d, &g) in docs.iter().zip(&predicted) {
        *cell.entry((d.gold, g)).or_default() += 1;
        *gold_size.entry(d.gold).or_default() += 1;
        *pred_size.entry(g).or_default() += 1;
    }
    let true_pairs: u64 = cell.values().map(|&n| pairs(n)).sum();
    let gold_pairs: u64 = gold_size.values().map(|&n| pairs(n)).sum();
    let predicted_pairs: u64 = pred_size.values().map(|&n| pairs(n)).sum();
    let precision = ratio(true_pairs, predicted_pairs);
    let recall = ratio(true_pairs, gold_pairs);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };

    let mut kinds: HashMap<VariantKind, KindScore> = HashMap::new();
    for (d, &g) in docs.iter().zip(&predicted) {
        let k = kinds.entry(d.kind).or_insert(KindScore {
            kind: d.kind,
            docs: 0,
            gold_links: 0,
            predicted_links: 0,
            true_links: 0,
            precision: 0.0,
            recall: 0.0,
        });
        k.docs += 1;
        k.gold_links += gold_size.get(&d.gold).copied().unwrap_or(1) - 1;
        k.predicted_links += pred_size.get(&g).copied().unwrap_or(1) - 1;
        k.true_links += cell.get(&(d.gold, g)).copied().unwrap_or(1) - 1;
    }
    let mut per_kind: Vec<KindScore> = kinds
        .into_values()
        .map(|mut k| {
            k.precision = ratio(k.true_links, k.predicted_links);
            k.recall = ratio(k.true_links, k.gold_links);
            k
        })
        .collect();
    per_kind.sort_by_key(|k| k.kind);

    // Missed gold pairs, for diagnosis.
    let mut by_gold: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        by_gold.entry(d.gold).or_default().push(i);
    }
    let mut groups_sorted: Vec<&Vec<usize>> = by_gold.values().collect();
    groups_sorted.sort();
    let mut missed = Vec::new();
    'outer: for members in groups_sorted {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                if predicted[i] != predicted[j] {
                    let (a, b): (Shingles, Shingles) = (
                        parallax_dedup::shingles(&docs[i].text),
                        parallax_dedup::shingles(&docs[j].text),
                    );
                    let (jaccard, containment) = pair_similarity(&a, &b);
                    missed.push(MissedPair {
                        base: docs[i].base.clone(),
                        kinds: (docs[i].kind, docs[j].kind),
                        jaccard,
                        containment,
                        shorter: a.len().min(b.len()),
                    });
                    if missed.len() == 20 {
                        break 'outer;
                    }
                }
            }
        }
    }

    Ok(DupReport {
        precision,
        recall,
        f1,
        gold_pairs,
        predicted_pairs,
        true_pairs,
        groups: pred_size.len(),
        gold_groups: gold_size.len(),
        articles: docs.len(),
        articles_per_sec: if secs > 0.0 { docs.len() as f64 / secs } else { 0.0 },
        per_kind,
        missed,
        false_pairs: predicted_pairs - true_pairs,
    })
}
