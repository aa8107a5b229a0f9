//! Scores main-text extraction on the article-extraction benchmark.
//!
//! `cargo run --release -p parallax-eval --example extract_bench -- [combined|trafilatura|smoothie] [DIR]`
//!
//! DIR defaults to `../shared/data/article-extraction-benchmark` next to the repo.
//! Prints the report as JSON (per-page results left out) and the 10 worst pages.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;

use parallax_html::{Extractor, HtmlConfig};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_else(|| "combined".into());
    let dir = args.next().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/data/article-extraction-benchmark")
    });
    let extractor = match which.as_str() {
        "trafilatura" => Extractor::Trafilatura,
        "smoothie" => Extractor::DomSmoothie,
        _ => Extractor::Combined,
    };
    let cfg = HtmlConfig { extractor, ..HtmlConfig::default() };
    let pages = parallax_eval::extract::load_benchmark(&dir)?;
    // PARALLAX_DUMP=FILE writes {id: prediction} for offline analysis.
    if let Ok(dump) = std::env::var("PARALLAX_DUMP") {
        let preds: std::collections::BTreeMap<&str, String> = pages
            .iter()
            .map(|p| {
                let text = parallax_html::parse(&p.html, None, Some(&p.url), &cfg)
                    .map(|d| d.paragraphs.join("\n"))
                    .unwrap_or_default();
                (p.id.as_str(), text)
            })
            .collect();
        std::fs::write(dump, serde_json::to_string(&preds)?)?;
    }
    let mut report = parallax_eval::extract::evaluate_extraction(&pages, &cfg);
    let mut per_page = std::mem::take(&mut report.per_page);
    println!("{which}: {}", serde_json::to_string_pretty(&report)?);
    per_page.sort_by(|a, b| {
        let f = |r: &parallax_eval::extract::PageResult| r.score.precision.min(r.score.recall);
        f(a).total_cmp(&f(b))
    });
    for r in per_page.iter().take(10) {
        eprintln!(
            "P {:.3} R {:.3} empty {} {} {}",
            r.score.precision, r.score.recall, r.empty, r.id, r.url
        );
    }
    Ok(())
}
