//! Story clustering quality and speed on ECB+ and GoogleNews-TS.
//!
//! `cargo run --release -p parallax-eval --example stories -- [ecb-dev|ecb-train|googlenews|googlenews-even|googlenews-odd|synth:N] [--shuffle SEED] [--config JSON]`
//!
//! `synth:N` clusters N articles of the synthetic stream (`parallax bench
//! stories`' generator, seed 42) without the near-duplicate index: planted
//! copies are attached to their source's story, as the index finds them all.
//! Only the clusterer is timed.
//!
//! Data is read from `../shared/data` beside the repo. `--config` takes a JSON
//! object of `ClusterConfig` fields that override the defaults (for sweeps:
//! `--config '{"join_threshold": 0.3}'`). Prints the report as JSON.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::time::Instant;

use parallax_cluster::{ClusterConfig, ClusterDoc};
use parallax_eval::cluster_metrics::score_clustering;
use parallax_eval::stories::{self, GoogleNewsPart, Order};
use parallax_eval::synth::{SynthArticle, SynthConfig, SynthStream};
use parallax_model::ArticleId;
use parallax_text::{Analyzer, Lang};
use rayon::prelude::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut which = "ecb-dev".to_string();
    let mut order = Order::FileOrder;
    let mut overrides = serde_json::Map::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--shuffle" => {
                let seed = args.next().ok_or("--shuffle needs a seed")?.parse()?;
                order = Order::Shuffled(seed);
            }
            "--config" => {
                let v: serde_json::Value =
                    serde_json::from_str(&args.next().ok_or("--config needs JSON")?)?;
                if let serde_json::Value::Object(m) = v {
                    overrides.extend(m);
                }
            }
            _ => which = a,
        }
    }
    let mut cfg = serde_json::to_value(ClusterConfig::default())?;
    if let serde_json::Value::Object(m) = &mut cfg {
        m.extend(overrides);
    }
    let cfg: ClusterConfig = serde_json::from_value(cfg)?;
    let data = stories::default_data_dir();
    let report = match which.as_str() {
        "ecb-dev" => stories::evaluate_ecb(&data, "dev", order, &cfg)?,
        "ecb-train" => stories::evaluate_ecb(&data, "train", order, &cfg)?,
        "googlenews" => stories::evaluate_googlenews(&data, GoogleNewsPart::All, &cfg)?,
        "googlenews-even" => {
            stories::evaluate_googlenews(&data, GoogleNewsPart::EvenStories, &cfg)?
        }
        "googlenews-odd" => stories::evaluate_googlenews(&data, GoogleNewsPart::OddStories, &cfg)?,
        other if other.starts_with("synth:") => {
            let n: usize = other.trim_start_matches("synth:").parse()?;
            return synth(n, &cfg);
        }
        other => return Err(format!("unknown data set {other:?}").into()),
    };
    println!("{}", serde_json::to_string(&report)?);
    Ok(())
}

/// Clusters `n` synthetic articles; prints one JSON line.
fn synth(n: usize, cfg: &ClusterConfig) -> Result<(), Box<dyn std::error::Error>> {
    let mut stream = SynthStream::new(SynthConfig { articles: n, ..SynthConfig::default() });
    let gold_stories = stream.stories();
    let analyzer = Analyzer::new();
    let mut c = cfg.clone().build()?;
    let mut gold = Vec::with_capacity(n);
    let mut ids = Vec::with_capacity(n);
    let mut secs = 0.0;
    let mut tenths = Vec::new();
    let (mut merges, mut splits) = (0usize, 0usize);
    // PARALLAX_DIAG=1: joins by log2 story size: right, wrong, new while the
    // gold story existed, new story (count, mean score).
    let diag = std::env::var("PARALLAX_DIAG").is_ok();
    let mut first: std::collections::HashMap<u64, std::collections::HashMap<u32, u32>> =
        Default::default();
    let mut seen_gold: std::collections::HashSet<u32> = Default::default();
    let mut hist = [[(0u64, 0f64); 4]; 13];
    loop {
        let chunk: Vec<SynthArticle> = stream.by_ref().take(10_000).collect();
        if chunk.is_empty() {
            break;
        }
        let docs: Vec<Option<ClusterDoc>> = chunk
            .par_iter()
            .map(|x| {
                x.copy_of.is_none().then(|| {
                    let a = analyzer.analyze(&x.text, Some("en"));
                    let title = analyzer.tokens(&x.title, Lang::EN);
                    ClusterDoc::from_analysis(
                        ArticleId::from_u64(x.index as u64 + 1),
                        Some(x.published),
                        Some((&x.title, &title)),
                        &x.text,
                        &a,
                        cfg,
                    )
                })
            })
            .collect();
        let start = Instant::now();
        for (x, d) in chunk.iter().zip(&docs) {
            let id = ArticleId::from_u64(x.index as u64 + 1);
            match (d, x.copy_of) {
                (Some(d), _) => {
                    let a = c.assign(d);
                    if diag {
                        let st = a.story.as_u64();
                        let e = first.entry(st).or_default();
                        let size: u32 = e.values().sum();
                        let mode =
                            e.iter().max_by_key(|p| (*p.1, std::cmp::Reverse(*p.0))).map(|p| *p.0);
                        *e.entry(x.story).or_insert(0) += 1;
                        let b = (32 - size.leading_zeros()).min(12) as usize;
                        let k = if a.new_story {
                            if seen_gold.contains(&x.story) { 2 } else { 3 }
                        } else if mode == Some(x.story) {
                            0
                        } else {
                            1
                        };
                        hist[b][k].0 += 1;
                        hist[b][k].1 += f64::from(a.score);
                        seen_gold.insert(x.story);
                    }
                }
                (None, Some(src)) => {
                    let src = ArticleId::from_u64(src as u64 + 1);
                    if c.story_of(src).is_some() {
                        c.attach(id, src, Some(x.published))?;
                    }
                }
                (None, None) => {}
            }
            if c.maintenance_due() {
                for ch in c.maintain() {
                    match ch {
                        parallax_cluster::StoryChange::Merged { .. } => merges += 1,
                        parallax_cluster::StoryChange::Split { .. } => splits += 1,
                        _ => {}
                    }
                }
            }
            gold.push(x.story);
            ids.push(id);
        }
        let s = start.elapsed().as_secs_f64();
        secs += s;
        tenths.push((s * 1e6 / chunk.len() as f64).round());
    }
    if diag {
        for (b, row) in hist.iter().enumerate() {
            let cells: Vec<String> = row
                .iter()
                .map(|(n, sum)| format!("{n:>7} {:.3}", if *n > 0 { sum / *n as f64 } else { 0.0 }))
                .collect();
            eprintln!(
                "size<2^{b:<2} right {} | wrong {} | missed {} | new {}",
                cells[0], cells[1], cells[2], cells[3]
            );
        }
    }
    let start = Instant::now();
    c.maintain_full();
    secs += start.elapsed().as_secs_f64();
    let predicted: Vec<u64> =
        ids.iter().map(|id| c.story_of(*id).map_or(u64::MAX, |s| s.as_u64())).collect();
    let sc = score_clustering(&gold, &predicted);
    println!(
        "{}",
        serde_json::json!({
            "articles": ids.len(), "us_per_article": (secs * 1e6 / ids.len().max(1) as f64).round(),
            "us_per_chunk": tenths, "b3_p": sc.b3_precision, "b3_r": sc.b3_recall,
            "b3_f1": sc.b3_f1, "nmi": sc.nmi, "stories": sc.predicted_clusters,
            "gold": gold_stories, "merges": merges, "splits": splits,
            "active": c.active_stories(),
        })
    );
    Ok(())
}
