//! Extraction quality floor on the article-extraction benchmark in `../shared`.
#![allow(clippy::print_stderr, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

/// F1 reached when this test was last tuned (0.9724, rs-trafilatura + dom_smoothie
/// agreement), minus 0.005.
const F1_FLOOR: f64 = 0.967;

#[test]
fn extraction_f1_stays_above_floor() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/article-extraction-benchmark");
    if !dir.is_dir() {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("../shared not found at {} (required when CI=true)", dir.display());
        }
        eprintln!("SKIPPED: ../shared not found ({})", dir.display());
        return;
    }
    let pages = parallax_eval::extract::load_benchmark(&dir).expect("benchmark loads");
    let report = parallax_eval::extract::evaluate_extraction(&pages, &Default::default());
    eprintln!(
        "extraction: {} pages, F1 {:.4} P {:.4} R {:.4} acc {:.4}, {} empty, {:.1} pages/s on {} threads",
        report.pages,
        report.f1,
        report.precision,
        report.recall,
        report.accuracy,
        report.empty,
        report.pages_per_sec,
        report.threads
    );
    assert_eq!(report.pages, 181);
    assert!(report.f1 >= F1_FLOOR, "F1 {:.4} fell below the floor {F1_FLOOR}", report.f1);
}
