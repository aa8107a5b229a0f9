//! The threshold sweep that chose the near-duplicate defaults (Jaccard 0.8,
//! containment 0.75): pair precision and recall on five generator seeds.
//!
//! `cargo run --release -p parallax-eval --example dups_sweep`
#![allow(clippy::print_stderr, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use parallax_dedup::DedupConfig;
use parallax_eval::dupgen::{GenConfig, generate, load_ecbplus};
use parallax_eval::dups::evaluate;

fn main() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/ecbplus/documents.jsonl");
    let bases = load_ecbplus(&path).expect("ECB+ loads");
    for seed in [7, 8, 9, 10, 11] {
        let generated = generate(&bases, &GenConfig { seed, ..GenConfig::default() });
        for j in [0.8f32] {
            for c in [0.7f32, 0.75, 0.8, 0.9] {
                for lsh in [0.15f32, 0.2] {
                    let cfg = DedupConfig {
                        jaccard_threshold: j,
                        containment_threshold: c,
                        lsh_threshold: lsh,
                        ..DedupConfig::default()
                    };
                    let r = evaluate(&generated.docs, &cfg).unwrap();
                    eprintln!(
                        "seed {seed} J {j:.2} C {c:.2} lsh {lsh:.2}: P {:.4} R {:.4} F1 {:.4} false {} ({:.0}/s)",
                        r.precision, r.recall, r.f1, r.false_pairs, r.articles_per_sec
                    );
                }
            }
        }
    }
}
