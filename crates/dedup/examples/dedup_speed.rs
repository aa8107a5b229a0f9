//! Throughput and memory of the dedup stage on synthetic ~4 KB articles.
//!
//! ```sh
//! cargo run --release -p parallax-dedup --example dedup_speed            # 100k and 1M articles
//! cargo run --release -p parallax-dedup --example dedup_speed -- 200000   # one size
//! ```
//!
//! Articles are ~650 words drawn from a 40,000-word Zipf-like vocabulary; one in
//! ten is a copy of one of the previous 2,000 articles with a few words changed
//! and a byline added. Only shingling and `add` are timed (one thread); the
//! text is generated on the fly and dropped, so the peak RSS printed is the
//! index plus one article.
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use parallax_dedup::{DedupConfig, DedupIndex, shingles};
use parallax_model::ArticleId;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn vocabulary(rng: &mut Rng, n: usize) -> Vec<String> {
    (0..n)
        .map(|_| {
            let len = 2 + rng.below(9);
            (0..len).map(|_| (b'a' + rng.below(26) as u8) as char).collect()
        })
        .collect()
}

fn article(rng: &mut Rng, vocab: &[String], words: usize) -> Vec<u32> {
    // u³ skews towards the start of the vocabulary, like word frequencies.
    (0..words).map(|_| (vocab.len() as f64 * rng.unit().powi(3)) as u32).collect()
}

fn render(vocab: &[String], ws: &[u32], out: &mut String) {
    out.clear();
    for (i, &w) in ws.iter().enumerate() {
        if i > 0 {
            out.push_str(if i % 20 == 0 { ". " } else { " " });
        }
        out.push_str(&vocab[w as usize]);
    }
}

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn run(n: usize) {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let vocab = vocabulary(&mut rng, 40_000);
    let mut index = DedupIndex::new(DedupConfig::default()).unwrap();
    let mut recent: Vec<Vec<u32>> = Vec::with_capacity(2_000);
    let mut text = String::new();
    let (mut t_shingle, mut t_add) = (Duration::ZERO, Duration::ZERO);
    let (mut bytes, mut joined, mut copies) = (0usize, 0usize, 0usize);
    for i in 0..n {
        let ws = if !recent.is_empty() && rng.below(10) == 0 {
            copies += 1;
            let mut ws = recent[rng.below(recent.len())].clone();
            for _ in 0..3 {
                let k = rng.below(ws.len());
                ws[k] = rng.below(vocab.len()) as u32;
            }
            ws
        } else {
            let words = 600 + rng.below(100);
            let ws = article(&mut rng, &vocab, words);
            if recent.len() < 2_000 {
                recent.push(ws.clone());
            } else {
                let k = rng.below(2_000);
                recent[k] = ws.clone();
            }
            ws
        };
        render(&vocab, &ws, &mut text);
        if copies > 0 && i % 10 == 5 {
            text.insert_str(0, "By Staff Reporter | Wire. ");
        }
        bytes += text.len();
        let t0 = Instant::now();
        let sh = shingles(&text);
        let t1 = Instant::now();
        let d = index.add_at(ArticleId::from_u64(i as u64), Some(i as i64), &sh);
        t_add += t1.elapsed();
        t_shingle += t1 - t0;
        joined += usize::from(!d.is_new_group);
    }
    let total = (t_shingle + t_add).as_secs_f64();
    let (b, r) = index.bands_rows();
    println!(
        "{n} articles (avg {:.0} B, {copies} generated copies, {joined} joined a group), LSH {b}x{r}",
        bytes as f64 / n as f64
    );
    println!(
        "  shingles+add {:.0} articles/s ({:.1} µs each: shingling {:.1} µs, add {:.1} µs)",
        n as f64 / total,
        total * 1e6 / n as f64,
        t_shingle.as_secs_f64() * 1e6 / n as f64,
        t_add.as_secs_f64() * 1e6 / n as f64
    );
    println!(
        "  live canonicals {}, index heap ≈ {:.0} MiB, snapshot {:.0} MiB, peak RSS {:.0} MiB",
        index.live_canonicals(),
        index.memory_bytes() as f64 / 1048576.0,
        index.to_bytes().len() as f64 / 1048576.0,
        peak_rss_mib().unwrap_or(f64::NAN)
    );
}

fn main() {
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![100_000, 1_000_000] } else { sizes };
    for n in sizes {
        run(n);
    }
}
