//! Which gold ECB+ stories were split or merged: the contingency of gold
//! subtopics and predicted stories.
//!
//! `cargo run --release -p parallax-eval --example stories_errors -- [dev|train] [--shuffle SEED]`
//!
//! With `googlenews [even|odd]` instead of a split it summarises
//! GoogleNews-TS: for each gold story, its pieces (largest first) and how
//! pure the largest one is; then the size histogram of predicted stories.
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;

use parallax_cluster::{ClusterConfig, ClusterDoc};
use parallax_eval::stories::{self, Order};
use parallax_text::Analyzer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut split = "dev".to_string();
    let mut order = Order::FileOrder;
    let cfg = ClusterConfig::default();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--shuffle" => order = Order::Shuffled(args.next().ok_or("seed")?.parse()?),
            "googlenews" => {
                let part = match args.next().as_deref() {
                    Some("even") => stories::GoogleNewsPart::EvenStories,
                    Some("odd") => stories::GoogleNewsPart::OddStories,
                    _ => stories::GoogleNewsPart::All,
                };
                return googlenews(&cfg, part);
            }
            _ => split = a,
        }
    }
    let all = stories::load_ecb(&stories::default_data_dir())?;
    let docs = stories::ecb_selection(&all, &split, order);
    let analyzer = Analyzer::new();
    let built: Vec<ClusterDoc> =
        docs.iter().map(|d| stories::ecb_doc(d, &analyzer, &cfg)).collect();
    let pred = stories::predict_stories(&built, &cfg)?.stories;
    let mut table: BTreeMap<u64, BTreeMap<&str, Vec<&str>>> = BTreeMap::new();
    for (d, &s) in docs.iter().zip(&pred) {
        table.entry(s).or_default().entry(d.subtopic.as_str()).or_default().push(d.doc_id.as_str());
    }
    for (s, golds) in &table {
        let parts: Vec<String> = golds.iter().map(|(g, v)| format!("{g}:{}", v.len())).collect();
        let mark = if golds.len() > 1 { "MIXED" } else { "" };
        println!("s{s:<5} {mark:6} {}", parts.join(" "));
        if golds.len() > 1 {
            for (g, v) in golds {
                println!("        {g}: {}", v.join(" "));
            }
        }
    }
    Ok(())
}

fn googlenews(
    cfg: &ClusterConfig,
    part: stories::GoogleNewsPart,
) -> Result<(), Box<dyn std::error::Error>> {
    let items = stories::load_googlenews(&stories::default_data_dir())?;
    let (items, docs) = stories::googlenews_docs(&items, part);
    let pred = stories::predict_stories(&docs, cfg)?.stories;
    let mut by_gold: BTreeMap<u32, BTreeMap<u64, usize>> = BTreeMap::new();
    let mut by_pred: BTreeMap<u64, BTreeMap<u32, usize>> = BTreeMap::new();
    for (i, p) in items.iter().zip(&pred) {
        *by_gold.entry(i.cluster).or_default().entry(*p).or_default() += 1;
        *by_pred.entry(*p).or_default().entry(i.cluster).or_default() += 1;
    }
    for (g, ps) in &by_gold {
        let mut sizes: Vec<(usize, u64)> = ps.iter().map(|(p, n)| (*n, *p)).collect();
        sizes.sort_unstable_by(|a, b| b.cmp(a));
        let total: usize = sizes.iter().map(|s| s.0).sum();
        let top = sizes.first().map_or(0, |s| s.1);
        let top_size: usize = by_pred.get(&top).map_or(0, |m| m.values().sum());
        let pieces: Vec<String> = sizes.iter().take(8).map(|s| s.0.to_string()).collect();
        println!(
            "g{g:<4} n={total:<4} pieces={:<3} largest s{top} holds {top_size} ({}) | {}",
            sizes.len(),
            by_pred.get(&top).map_or(0, |m| m.len()),
            pieces.join(" ")
        );
    }
    let mut hist: BTreeMap<usize, usize> = BTreeMap::new();
    for m in by_pred.values() {
        let n: usize = m.values().sum();
        *hist.entry(n.min(20)).or_default() += 1;
    }
    println!("predicted story sizes (20 = 20+): {hist:?}");
    if std::env::var_os("SINGLES").is_some() {
        // The items left alone, with their gold story's main predicted story.
        let main: BTreeMap<u32, u64> = by_gold
            .iter()
            .filter_map(|(g, ps)| ps.iter().max_by_key(|(_, n)| **n).map(|(p, _)| (*g, *p)))
            .collect();
        // The first item of each predicted story, as its sample.
        let mut first: BTreeMap<u64, &str> = BTreeMap::new();
        for (i, p) in items.iter().zip(&pred) {
            first.entry(*p).or_insert(i.text.as_str());
        }
        for (i, p) in items.iter().zip(&pred) {
            if by_pred.get(p).is_some_and(|m| m.values().sum::<usize>() == 1) {
                let sample = main.get(&i.cluster).and_then(|m| first.get(m)).copied().unwrap_or("");
                println!("ALONE g{} {:?}  ~ main: {:?}", i.cluster, i.text, sample);
            }
        }
    }
    Ok(())
}
