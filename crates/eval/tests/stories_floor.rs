//! Story clustering quality floors on ECB+ dev and GoogleNews-TS in `../shared`.
//!
//! Floors are the scores of the default `ClusterConfig` when it was last tuned
//! (on ECB+ train and the GoogleNews-TS even stories), minus 0.01.
#![allow(clippy::print_stderr, clippy::unwrap_used, clippy::expect_used)]

use parallax_cluster::ClusterConfig;
use parallax_eval::stories::{self, GoogleNewsPart, Order, StoryReport};

/// ECB+ dev B³ F1 in file order: 0.9056 with join threshold 0.2 (0.9008 at
/// 0.15).
const ECB_DEV_FILE_B3: f64 = 0.8956;
/// ECB+ dev B³ F1 shuffled with seed 1: 0.9003 when tuned at join threshold
/// 0.15 (0.8957 at 0.2; the floor is kept).
const ECB_DEV_SHUFFLED_B3: f64 = 0.8903;
/// GoogleNews-TS NMI in stream order, all 11,109 items: 0.8988 with the
/// short-article norm exponent (0.8) and reassignment (0.8738 before).
const GOOGLENEWS_NMI: f64 = 0.8888;

fn data_dir() -> Option<std::path::PathBuf> {
    let dir = stories::default_data_dir();
    if dir.join("ecbplus/documents.jsonl").is_file()
        && dir.join("googlenews-ts/News.jsonl").is_file()
    {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("../shared not found at {} (required when CI=true)", dir.display());
    }
    eprintln!("SKIPPED: ../shared not found ({})", dir.display());
    None
}

fn show(r: &StoryReport) {
    let s = &r.scores;
    eprintln!(
        "{} {:?}: B3 F1 {:.4} (P {:.4} R {:.4}), pair F1 {:.4}, ARI {:.4}, NMI {:.4}, {} stories for {} gold, {:.0} articles/s",
        r.dataset,
        r.order,
        s.b3_f1,
        s.b3_precision,
        s.b3_recall,
        s.pair_f1,
        s.ari,
        s.nmi,
        s.predicted_clusters,
        s.gold_clusters,
        r.articles_per_sec
    );
}

#[test]
fn story_clustering_stays_above_floors() {
    let Some(dir) = data_dir() else { return };
    let cfg = ClusterConfig::default();
    let ecb = stories::load_ecb(&dir).expect("ECB+ loads");
    let file = stories::evaluate_ecb_docs(&ecb, "dev", Order::FileOrder, &cfg).unwrap();
    show(&file);
    let shuffled = stories::evaluate_ecb_docs(&ecb, "dev", Order::Shuffled(1), &cfg).unwrap();
    show(&shuffled);
    let gn = stories::evaluate_googlenews(&dir, GoogleNewsPart::All, &cfg).unwrap();
    show(&gn);
    assert_eq!(file.scores.items, 197);
    assert_eq!(gn.scores.items, 11_109);
    assert!(file.scores.b3_f1 >= ECB_DEV_FILE_B3, "ECB+ dev B3 {:.4}", file.scores.b3_f1);
    assert!(
        shuffled.scores.b3_f1 >= ECB_DEV_SHUFFLED_B3,
        "ECB+ dev shuffled B3 {:.4}",
        shuffled.scores.b3_f1
    );
    assert!(gn.scores.nmi >= GOOGLENEWS_NMI, "GoogleNews-TS NMI {:.4}", gn.scores.nmi);
}
