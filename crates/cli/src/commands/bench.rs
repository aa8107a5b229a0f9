//! `parallax bench ingest`: throughput and peak memory of ingest + enrichment.

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use parallax_ingest::{DocKind, Hints, IngestConfig, RawDoc, Unit, read_bytes};
use parallax_model::SourceRef;
use parallax_text::Analyzer;
use rayon::prelude::*;
use serde::Serialize;

use crate::args::{BenchExtractArgs, BenchIngestArgs};
use crate::pipeline::{Pipeline, build_all, enrich};
use crate::printer::{self, Table};
use crate::settings::Settings;
use crate::stories::StoryEngine;

#[derive(Debug, Serialize)]
struct Phase {
    name: String,
    items: usize,
    bytes: u64,
    seconds: f64,
    per_sec: f64,
    rejected: usize,
    peak_rss_bytes: Option<u64>,
}

pub(crate) fn ingest(s: &Settings, a: BenchIngestArgs) -> anyhow::Result<ExitCode> {
    let cfg = IngestConfig::default();
    let analyzer = Analyzer::new();
    let cluster_cfg = parallax_cluster::ClusterConfig::default();
    let mut phases = Vec::new();
    if a.text > 0 {
        let texts = synthetic_texts(a.text, a.seed);
        let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
        let start = Instant::now();
        let results: Vec<bool> = texts
            .par_iter()
            .enumerate()
            .map(|(i, t)| {
                let mut units = Vec::with_capacity(1);
                let src = SourceRef::file(format!("bench/{i}.txt"));
                read_bytes(src, t.as_bytes(), None, Hints::default(), &cfg, &mut |u| units.push(u));
                units.into_iter().all(|u| match u {
                    Unit::Doc(d) => d.into_article(&cfg).map(|a| enrich(&analyzer, a)).is_ok(),
                    _ => false,
                })
            })
            .collect();
        phases.push(phase("text: read + extract + analyse", results, bytes, start));
        if a.store {
            let dir = tempfile_dir()?;
            let input = dir.join("bench.jsonl");
            let mut f = std::io::BufWriter::new(std::fs::File::create(&input)?);
            for (i, t) in texts.iter().enumerate() {
                let line = serde_json::json!({"url": format!("https://bench.example/{i}"), "outlet": "bench", "text": t});
                writeln!(f, "{line}")?;
            }
            f.flush()?;
            drop(f);
            drop(texts);
            let mut store = parallax_store::Store::open(&dir.join("data"))?;
            let start = Instant::now();
            let summary =
                Pipeline::new(cfg.clone(), &mut store, StoryEngine::new()?, None, 1000, false)
                    .run(&[input.display().to_string()], &[])?;
            let ok = vec![true; summary.outcome.inserted];
            let mut p = phase("text: end to end (JSONL file → SQLite store)", ok, bytes, start);
            p.rejected = summary.rejected;
            phases.push(p);
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
    if let Some(dir) = &a.html {
        let pages = load_pages(dir)?;
        anyhow::ensure!(!pages.is_empty(), "no .html or .html.gz files in {}", dir.display());
        let bytes: u64 = pages.iter().map(|p| p.len() as u64).sum::<u64>() * a.repeat as u64;
        let start = Instant::now();
        let mut results = Vec::new();
        for _ in 0..a.repeat {
            let docs: Vec<RawDoc> = pages
                .iter()
                .enumerate()
                .map(|(i, p)| RawDoc {
                    source: SourceRef::file(format!("page{i}.html")),
                    kind: DocKind::Html { bytes: p.clone(), content_type: None },
                    hints: Hints::default(),
                })
                .collect();
            results.extend(
                build_all(docs, &cfg, &analyzer, None, &cluster_cfg).into_iter().map(|r| r.is_ok()),
            );
        }
        phases.push(phase("html: extract + analyse", results, bytes, start));
    }
    if s.json {
        printer::json(&serde_json::json!({
            "bench": "ingest",
            "threads": rayon::current_num_threads(),
            "phases": phases,
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    printer::out(&format!("ingest benchmark, {} threads", rayon::current_num_threads()))?;
    let mut t = Table::new(&["PHASE", "ITEMS", "MB", "SECONDS", "ITEMS/S", "REJECTED", "PEAK RSS"]);
    for p in &phases {
        t.row(vec![
            p.name.clone(),
            p.items.to_string(),
            format!("{:.1}", p.bytes as f64 / 1e6),
            format!("{:.2}", p.seconds),
            format!("{:.0}", p.per_sec),
            p.rejected.to_string(),
            p.peak_rss_bytes.map(printer::human_bytes).unwrap_or_else(|| "?".into()),
        ]);
    }
    t.print()?;
    Ok(ExitCode::SUCCESS)
}

fn phase(name: &str, results: Vec<bool>, bytes: u64, start: Instant) -> Phase {
    let seconds = start.elapsed().as_secs_f64();
    let items = results.len();
    Phase {
        name: name.to_string(),
        items,
        bytes,
        seconds,
        per_sec: if seconds > 0.0 { items as f64 / seconds } else { 0.0 },
        rejected: results.iter().filter(|ok| !**ok).count(),
        peak_rss_bytes: printer::peak_rss_bytes(),
    }
}

fn tempfile_dir() -> anyhow::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("parallax-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    Ok(dir)
}

fn load_pages(dir: &Path) -> anyhow::Result<Vec<Vec<u8>>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.to_string_lossy().ends_with(".html") || p.to_string_lossy().ends_with(".html.gz")
        })
        .collect();
    paths.sort();
    let mut out = Vec::with_capacity(paths.len());
    for p in paths {
        let raw = std::fs::read(&p)?;
        if raw.starts_with(&[0x1f, 0x8b]) {
            let mut v = Vec::new();
            flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut v)?;
            out.push(v);
        } else {
            out.push(raw);
        }
    }
    Ok(out)
}

/// A seeded generator of news-like English text, about 4 KB an article: a title
/// line, then 8–12 paragraphs of sentences mixing function words, a Zipf-ish
/// content vocabulary, names, numbers and quotes.
pub(crate) fn synthetic_texts(n: usize, seed: u64) -> Vec<String> {
    const FUNCTION: [&str; 24] = [
        "the", "of", "and", "to", "in", "a", "that", "for", "on", "with", "as", "was", "by", "at",
        "from", "it", "his", "her", "their", "has", "had", "said", "will", "not",
    ];
    const NAMES: [&str; 12] = [
        "Vireland",
        "Lindqvist",
        "Whitlow",
        "Abernethy",
        "Okafor",
        "Brandt",
        "Moreau",
        "Castellan",
        "Nakamura",
        "Petrova",
        "Haddad",
        "Quinlan",
    ];
    const SYL: [&str; 24] = [
        "ra", "ten", "mor", "li", "ca", "vent", "sion", "pro", "dis", "ment", "ex", "port", "al",
        "in", "ter", "ob", "gra", "tive", "con", "ship", "un", "der", "pol", "ic",
    ];
    let mut rng = SplitMix(seed);
    // A content vocabulary of 20,000 made-up words, drawn with a Zipf-like skew.
    let vocab: Vec<String> = (0..20_000)
        .map(|_| {
            let k = 2 + rng.below(3) as usize;
            (0..k).map(|_| SYL[rng.below(SYL.len() as u64) as usize]).collect()
        })
        .collect();
    let word = |rng: &mut SplitMix| -> String {
        let r = rng.below(100);
        if r < 45 {
            FUNCTION[rng.below(FUNCTION.len() as u64) as usize].to_string()
        } else if r < 50 {
            NAMES[rng.below(NAMES.len() as u64) as usize].to_string()
        } else if r < 53 {
            format!("{}", rng.below(2000))
        } else {
            let u = (rng.below(1 << 20) as f64 + 1.0) / (1u64 << 20) as f64;
            let idx = ((vocab.len() as f64).powf(u) as usize).min(vocab.len() - 1);
            vocab[idx].clone()
        }
    };
    (0..n)
        .map(|_| {
            let mut t = String::with_capacity(4400);
            let title: Vec<String> = (0..7).map(|_| word(&mut rng)).collect();
            t.push_str(&capitalise(&title.join(" ")));
            t.push_str("\n\n");
            while t.len() < 4000 {
                let sentences = 2 + rng.below(3);
                for _ in 0..sentences {
                    let len = 10 + rng.below(18) as usize;
                    let words: Vec<String> = (0..len).map(|_| word(&mut rng)).collect();
                    let s = capitalise(&words.join(" "));
                    if rng.below(6) == 0 {
                        t.push_str(&format!("“{s},” {} said. ", NAMES[rng.below(12) as usize]));
                    } else {
                        t.push_str(&s);
                        t.push_str(". ");
                    }
                }
                t.pop();
                t.push('\n');
            }
            t
        })
        .collect()
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// SplitMix64: tiny, seeded, and the same on every platform.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// `parallax bench extract`: analysis alone, then analysis + who-said-what,
/// over the gold quote corpora's texts (real news), on the rayon pool.
pub(crate) fn extract(s: &Settings, a: BenchExtractArgs) -> anyhow::Result<ExitCode> {
    let mut texts: Vec<(String, String)> = Vec::new();
    for (dir, lang) in [("quotes-polnear", "en"), ("quotes-german-wikinews", "de")] {
        let folder = a.dataset.join(dir);
        let docs = parallax_eval::quotes::load(&folder, None)
            .with_context(|| format!("could not load {}", folder.display()))?;
        let mut seen = std::collections::HashSet::new();
        for d in docs {
            // PolNeAR repeats an article once per annotator.
            if seen.insert(d.text.clone()) {
                texts.push((d.text, lang.to_string()));
            }
        }
    }
    anyhow::ensure!(!texts.is_empty(), "no texts under {}", a.dataset.display());
    let n_unique = texts.len();
    let texts: Vec<(String, String)> =
        (0..a.repeat.max(1)).flat_map(|_| texts.iter().cloned()).collect();
    let bytes: u64 = texts.iter().map(|(t, _)| t.len() as u64).sum();
    let analyzer = Analyzer::new();
    let enricher =
        parallax_enrich::Enricher::new(super::extract::load_lexicon(a.lexicons.as_deref())?);
    let mut phases = Vec::new();
    let start = Instant::now();
    let ok: Vec<bool> = texts
        .par_iter()
        .map(|(t, lang)| !analyzer.analyze(t, Some(lang)).tokens.is_empty())
        .collect();
    phases.push(phase("analyse (language, sentences, tokens)", ok, bytes, start));
    let start = Instant::now();
    let quotes = std::sync::atomic::AtomicUsize::new(0);
    let ok: Vec<bool> = texts
        .par_iter()
        .map(|(t, lang)| {
            let an = analyzer.analyze(t, Some(lang));
            let x = enricher.enrich(t, &an, None);
            quotes.fetch_add(x.quotes.len(), std::sync::atomic::Ordering::Relaxed);
            !an.tokens.is_empty()
        })
        .collect();
    phases.push(phase("analyse + entities, quotes, quantities, dates", ok, bytes, start));
    if s.json {
        printer::json(&serde_json::json!({
            "bench": "extract",
            "unique_articles": n_unique,
            "repeat": a.repeat,
            "threads": rayon::current_num_threads(),
            "quotes": quotes.into_inner(),
            "phases": phases,
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    printer::out(&format!(
        "{} real news articles ({} unique, English and German) x {}, {} threads",
        texts.len(),
        n_unique,
        a.repeat,
        rayon::current_num_threads()
    ))?;
    let mut t = Table::new(&["PHASE", "ARTICLES", "MB", "SECONDS", "ARTICLES/S", "PEAK RSS"]);
    for p in &phases {
        t.row(vec![
            p.name.clone(),
            p.items.to_string(),
            format!("{:.1}", p.bytes as f64 / 1e6),
            format!("{:.2}", p.seconds),
            format!("{:.0}", p.per_sec),
            p.peak_rss_bytes.map(printer::human_bytes).unwrap_or_else(|| "-".into()),
        ]);
    }
    t.print()?;
    Ok(ExitCode::SUCCESS)
}
