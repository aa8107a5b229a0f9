//! Indexing and query speed on synthetic articles.
//!
//! ```text
//! cargo run --release -p parallax-search --example bench -- [N] [DIR]
//! ```
//!
//! Builds an on-disk index of `N` articles (default 100,000; each with two
//! quotes) in `DIR` (default: a temporary directory, removed at the end), in
//! batches of 1,000 (one commit each), then runs 1,000 queries of six shapes
//! and prints indexing throughput, index size and query latency percentiles.
//! Text comes from a fixed word list through a seeded RNG, so runs compare.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use parallax_search::{ArticleDoc, Kind, QuoteDoc, SearchIndex, SearchQuery};

const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "said",
    "on",
    "for",
    "that",
    "with",
    "was",
    "by",
    "as",
    "is",
    "at",
    "from",
    "he",
    "she",
    "it",
    "his",
    "her",
    "they",
    "will",
    "has",
    "have",
    "been",
    "were",
    "not",
    "after",
    "but",
    "an",
    "who",
    "would",
    "their",
    "minister",
    "government",
    "president",
    "year",
    "police",
    "people",
    "week",
    "country",
    "told",
    "officials",
    "state",
    "election",
    "party",
    "court",
    "city",
    "report",
    "war",
    "talks",
    "deal",
    "market",
    "prices",
    "energy",
    "gas",
    "oil",
    "budget",
    "tax",
    "health",
    "hospital",
    "school",
    "union",
    "strike",
    "border",
    "migration",
    "summit",
    "nato",
    "treaty",
    "sanctions",
    "ceasefire",
    "troops",
    "attack",
    "missile",
    "drone",
    "parliament",
    "vote",
    "coalition",
    "opposition",
    "leader",
    "spokesman",
    "statement",
    "interview",
    "press",
    "conference",
    "meeting",
    "brussels",
    "berlin",
    "washington",
    "moscow",
    "kyiv",
    "london",
    "paris",
    "beijing",
    "rubio",
    "scholz",
    "merz",
    "macron",
    "zelensky",
    "putin",
    "trump",
    "biden",
    "starmer",
    "løkke",
    "rasmussen",
    "hysteria",
    "hyperbole",
    "inflation",
    "interest",
    "rates",
    "bank",
    "central",
    "growth",
    "recession",
    "jobs",
    "workers",
    "wages",
    "climate",
    "emissions",
    "flood",
    "storm",
    "fire",
    "drought",
    "harvest",
    "festival",
    "football",
    "match",
    "goal",
    "coach",
    "season",
    "die",
    "der",
    "und",
    "nicht",
    "sagte",
    "regierung",
    "bundestag",
    "kanzler",
    "außenminister",
    "gespräche",
    "sicherheit",
    "brüssel",
    "münchen",
    "köln",
    "straße",
    "über",
    "für",
    "müsse",
    "europa",
    "wirtschaft",
    "haushalt",
    "streik",
    "grenze",
    "wahl",
    "partei",
    "gericht",
];
const OUTLETS: usize = 20;
const SPEAKERS: usize = 500;
const BATCH: usize = 1_000;
const QUERIES: usize = 1_000;

/// SplitMix64: small, seeded, good enough for synthetic text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// A word, skewed to the front of the list (roughly Zipf-like).
    fn word(&mut self) -> &'static str {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        WORDS[((u * u * u) * WORDS.len() as f64) as usize % WORDS.len()]
    }
    fn words(&mut self, n: usize) -> String {
        let mut s = String::with_capacity(n * 8);
        for i in 0..n {
            if i > 0 {
                s.push(if i % 17 == 0 { '.' } else { ' ' });
                if i % 17 == 0 {
                    s.push(' ');
                }
            }
            s.push_str(self.word());
        }
        s
    }
}

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).single().unwrap_or_default()
}

fn article(rng: &mut Rng, i: usize) -> ArticleDoc {
    let n_words = 250 + rng.below(150);
    let quotes = (0..2)
        .map(|q| {
            let s = rng.below(SPEAKERS);
            QuoteDoc {
                index: q,
                speaker: Some(format!("Speaker {s}")),
                speaker_key: Some(format!("speaker-{s}")),
                text: {
                    let n = 10 + rng.below(15);
                    rng.words(n)
                },
            }
        })
        .collect();
    let de = rng.below(4) == 0;
    ArticleDoc {
        id: format!("{:016x}", i as u64 * 0x9e37_79b9 + 1),
        title: Some({
            let n = 6 + rng.below(5);
            rng.words(n)
        }),
        outlet: Some(format!("outlet-{}", rng.below(OUTLETS))),
        language: Some(if de { "de" } else { "en" }.into()),
        published: Some(start() + chrono::Duration::seconds(rng.below(365 * 86_400) as i64)),
        text: rng.words(n_words),
        quotes,
    }
}

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|rd| rd.flatten().filter_map(|e| e.metadata().ok()).map(|m| m.len()).sum())
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or_default()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(100_000);
    let tmp;
    let dir = match args.next() {
        Some(d) => std::path::PathBuf::from(d),
        None => {
            tmp = tempfile::tempdir()?;
            tmp.path().to_path_buf()
        }
    };
    let index = SearchIndex::open(&dir)?;
    let mut rng = Rng(0x5eed);

    let t = Instant::now();
    let mut generate = Duration::ZERO;
    let mut bytes = 0usize;
    let mut batch = Vec::with_capacity(BATCH);
    for i in 0..n {
        let g = Instant::now();
        let a = article(&mut rng, i);
        generate += g.elapsed();
        bytes += a.text.len();
        batch.push(a);
        if batch.len() == BATCH || i + 1 == n {
            index.index(&batch, i as i64)?;
            batch.clear();
        }
    }
    let took = t.elapsed() - generate;
    let secs = took.as_secs_f64();
    println!(
        "indexed {n} articles ({} search docs, {:.0} MB of body text) in {secs:.1} s: \
         {:.0} articles/s, {:.0} docs/s; index {:.0} MB on disk",
        index.num_docs(),
        bytes as f64 / 1e6,
        n as f64 / secs,
        index.num_docs() as f64 / secs,
        dir_size(&dir) as f64 / 1e6,
    );

    let mut shapes: Vec<(&str, Vec<Duration>, usize)> = [
        "word",
        "two words",
        "phrase",
        "word OR word",
        "word + outlet filter",
        "quotes by speaker_key",
        "empty + language filter",
    ]
    .iter()
    .map(|s| (*s, Vec::new(), 0))
    .collect();
    let mut all = Vec::with_capacity(QUERIES);
    for i in 0..QUERIES {
        let shape = i % shapes.len();
        let q = match shape {
            0 => SearchQuery { text: rng.word().into(), ..SearchQuery::default() },
            1 => SearchQuery {
                text: format!("{} {}", rng.word(), rng.word()),
                ..SearchQuery::default()
            },
            2 => SearchQuery {
                text: format!("\"{} {}\"", rng.word(), rng.word()),
                ..SearchQuery::default()
            },
            3 => SearchQuery {
                text: format!("{} OR {}", rng.word(), rng.word()),
                ..SearchQuery::default()
            },
            4 => SearchQuery {
                text: rng.word().into(),
                outlet: Some(format!("outlet-{}", rng.below(OUTLETS))),
                ..SearchQuery::default()
            },
            5 => SearchQuery {
                text: rng.word().into(),
                kind: Kind::Quotes,
                speaker_key: Some(format!("speaker-{}", rng.below(SPEAKERS))),
                ..SearchQuery::default()
            },
            _ => SearchQuery { language: Some("de".into()), ..SearchQuery::default() },
        };
        let t = Instant::now();
        let r = index.search(&q)?;
        let d = t.elapsed();
        all.push(d);
        shapes[shape].1.push(d);
        shapes[shape].2 += r.total;
    }
    all.sort();
    println!(
        "{QUERIES} queries (10 hits with snippets each): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        percentile(&all, 0.5).as_secs_f64() * 1e3,
        percentile(&all, 0.99).as_secs_f64() * 1e3,
        all.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    );
    for (name, mut times, total) in shapes {
        times.sort();
        println!(
            "  {name:<24} p50 {:>7.2} ms  p99 {:>7.2} ms  mean total {:>8.0}",
            percentile(&times, 0.5).as_secs_f64() * 1e3,
            percentile(&times, 0.99).as_secs_f64() * 1e3,
            total as f64 / times.len().max(1) as f64,
        );
    }
    Ok(())
}
