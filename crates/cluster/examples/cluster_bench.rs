//! Throughput and memory of `Clusterer::assign` on synthetic ~4 KB articles.
//!
//! `cargo run --release -p parallax-cluster --example cluster_bench -- [N=100000] [SEED=1] [CONFIG-JSON]`
//!
//! Stories are born at a steady rate and live for a few hundred arrivals;
//! each article has ~650 tokens (≈ 4 KB of text): a quarter from its story's
//! topic words, names and numbers, the rest Zipf-distributed background words
//! from a 50,000-word vocabulary. Publication times advance 20 s an article,
//! so the 7-day inactivity window freezes stories as in a real stream.
//! Only `assign` and `maintain` are timed (documents are built outside the
//! timer). Prints one JSON line: articles/s overall and per tenth of the
//! stream, stories, and the resident memory growth (MiB).
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use parallax_cluster::{Channel, ClusterConfig, ClusterDoc, Zone};
use parallax_model::ArticleId;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn rss_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

const BACKGROUND: u64 = 50_000;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let mut rng = Rng(args.next().and_then(|a| a.parse().ok()).unwrap_or(1));
    // Zipf(1) over the background vocabulary by inverse CDF on a table.
    let harmonic: Vec<f64> = (1..=BACKGROUND)
        .scan(0.0, |acc, r| {
            *acc += 1.0 / r as f64;
            Some(*acc)
        })
        .collect();
    let total = *harmonic.last().unwrap();
    // Optional third argument: a JSON object of config overrides.
    let cfg: ClusterConfig = match args.next() {
        Some(json) => serde_json::from_str(&json).expect("config overrides"),
        None => ClusterConfig::default(),
    };
    let mut clusterer = cfg.build().unwrap();
    let rss0 = rss_kib("VmRSS:");
    let mut timed = Duration::ZERO;
    let mut tenth = Vec::new();
    let mut tenth_time = Duration::ZERO;
    let mut story_birth = 0u64;
    for i in 0..n {
        // A new story every 8 articles on average; an article belongs to one
        // of the ~40 most recent stories.
        if rng.below(8) == 0 || i == 0 {
            story_birth += 1;
        }
        let story = story_birth.saturating_sub(rng.below(40.min(story_birth)));
        let mut b = ClusterDoc::builder(ArticleId::from_u64(i + 1)).published(Some(i as i64 * 20));
        for t in 0..650u32 {
            let zone = if t < 12 {
                Zone::Title
            } else if t < 60 {
                Zone::Lead
            } else {
                Zone::Body
            };
            if rng.below(4) == 0 {
                let k = rng.below(50);
                let key = format!("s{story}t{k}");
                match k {
                    0..=7 => b = b.feature(Channel::Entity, &key, zone),
                    8..=11 => b = b.feature(Channel::Number, &key, zone),
                    _ => b = b.feature(Channel::Text, &key, zone),
                }
            } else {
                let u = rng.unit() * total;
                let rank = harmonic.partition_point(|&h| h < u);
                b = b.feature(Channel::Text, &format!("w{rank}"), zone);
            }
        }
        let doc = b.build();
        let start = Instant::now();
        clusterer.assign(&doc);
        if clusterer.maintenance_due() {
            clusterer.maintain();
        }
        let el = start.elapsed();
        timed += el;
        tenth_time += el;
        if (i + 1) % (n / 10).max(1) == 0 {
            tenth.push(((n / 10).max(1) as f64 / tenth_time.as_secs_f64()).round());
            tenth_time = Duration::ZERO;
        }
    }
    let rss1 = rss_kib("VmRSS:");
    println!(
        "{{\"articles\":{n},\"articles_per_sec\":{:.0},\"per_tenth\":{:?},\"stories\":{},\"active_stories\":{},\"true_stories\":{},\"rss_growth_mib\":{:.1},\"peak_rss_mib\":{:.1}}}",
        n as f64 / timed.as_secs_f64(),
        tenth,
        clusterer.stories().count(),
        clusterer.active_stories(),
        story_birth,
        (rss1.saturating_sub(rss0)) as f64 / 1024.0,
        rss_kib("VmHWM:") as f64 / 1024.0,
    );
}
