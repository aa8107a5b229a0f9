//! Times `Analyzer::analyze` on synthetic ~4 KB English articles.
//!
//! `cargo run --release -p parallax-text --example text_speed [N]`
#![allow(clippy::print_stdout)]

use std::hint::black_box;
use std::time::Instant;

use parallax_text::Analyzer;

/// Function words, about 45 % of running English text.
const FUNCTION: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "that", "is", "was", "he", "for", "it", "with", "as",
    "his", "on", "be", "at", "by", "had", "are", "but", "from", "or", "have", "an", "they",
    "which", "one", "were", "all", "we", "when", "there", "can", "would", "been", "has", "more",
    "if", "no", "out", "so", "said", "what", "up", "its", "about", "into", "than", "them", "only",
    "other", "new", "some", "could", "these", "two", "may", "first",
];
/// Real content words, placed at the top of the Zipf ranking.
const CONTENT: &[&str] = &[
    "minister",
    "government",
    "negotiations",
    "rebels",
    "Geneva",
    "ceasefire",
    "officials",
    "president",
    "election",
    "Tuesday",
    "police",
    "percent",
    "spokesman",
    "Rubio\u{2019}s",
    "well-known",
    "troops",
    "border",
    "region",
    "fighting",
    "civilians",
    "agreement",
    "analysts",
    "warned",
    "prices",
    "inflation",
    "company",
    "shares",
    "market",
    "court",
    "ruling",
    "statement",
    "according",
    "people",
    "familiar",
    "talks",
    "country",
];
const EXTRAS: &[&str] =
    &["Mr. Smith", "U.S.", "Jan. 5", "2,000", "5.5%", "$30 million", "e.g.", "No. 10"];
const SYLLABLES: &[&str] = &[
    "ba", "con", "de", "fer", "gra", "hol", "in", "ker", "lum", "mar", "nor", "pol", "quin", "ros",
    "sta", "tri", "ul", "ven", "wes", "zan", "cor", "dis", "ex", "pre", "pro", "sub", "ter", "vi",
];
const SUFFIXES: &[&str] =
    &["", "", "s", "ed", "ing", "tion", "ment", "ly", "ers", "ity", "al", "ness"];

/// Synthetic content vocabulary (Zipf-ranked after `CONTENT`): news text has
/// a long tail of rare words, which is what a stem cache must cope with.
fn vocabulary(rng: &mut Rng, n: usize) -> Vec<String> {
    let mut v: Vec<String> = CONTENT.iter().map(|w| w.to_string()).collect();
    while v.len() < n {
        let syl = 2 + rng.next() % 3;
        let mut w = String::new();
        for _ in 0..syl {
            w.push_str(rng.pick(SYLLABLES));
        }
        w.push_str(rng.pick(SUFFIXES));
        if rng.next().is_multiple_of(8) {
            let mut cs = w.chars();
            if let Some(f) = cs.next() {
                w = f.to_uppercase().chain(cs).collect();
            }
        }
        v.push(w);
    }
    v
}

/// A small seeded PCG-style generator; no dependency needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 =
            self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

struct Generator {
    rng: Rng,
    vocab: Vec<String>,
    /// Cumulative Zipf weights (exponent 1) over `vocab`.
    cumulative: Vec<f64>,
}

impl Generator {
    fn new(seed: u64, vocab_size: usize) -> Self {
        let mut rng = Rng(seed);
        let vocab = vocabulary(&mut rng, vocab_size);
        let mut total = 0.0;
        let cumulative = (1..=vocab.len())
            .map(|r| {
                total += 1.0 / r as f64;
                total
            })
            .collect();
        Generator { rng, vocab, cumulative }
    }

    fn word(&mut self) -> &str {
        let r = self.rng.next() % 100;
        if r < 45 {
            return self.rng.pick(FUNCTION);
        }
        if r < 48 {
            return self.rng.pick(EXTRAS);
        }
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = (self.rng.next() as f64 / (1u64 << 31) as f64) * total;
        let i = self.cumulative.partition_point(|&c| c < x).min(self.vocab.len() - 1);
        &self.vocab[i]
    }

    fn article(&mut self) -> String {
        let mut t = String::with_capacity(4200);
        while t.len() < 4000 {
            let n = 8 + self.rng.next() % 22;
            for i in 0..n {
                let w = self.word().to_string();
                if i == 0 {
                    let mut cs = w.chars();
                    if let Some(f) = cs.next() {
                        t.extend(f.to_uppercase());
                        t.push_str(cs.as_str());
                    }
                } else {
                    t.push(' ');
                    t.push_str(&w);
                }
            }
            t.push_str(match self.rng.next() % 10 {
                0 => ".\n\n",
                1 => "?\u{201d} ",
                _ => ". ",
            });
        }
        t
    }
}

/// CPU time of this thread in ns (Linux), so a loaded machine inflates the
/// figure less than wall time; 0 elsewhere.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let mut generator = Generator::new(0x5eed, 50_000);
    let texts: Vec<String> = (0..2000).map(|_| generator.article()).collect();
    let bytes: usize = texts.iter().map(String::len).sum::<usize>() / texts.len();

    let t0 = Instant::now();
    let analyzer = Analyzer::new();
    let build = t0.elapsed();

    // Warm up (fills the stem cache with this corpus's frequent words; the
    // timed loop then sees the same texts, as a long-running ingest would see
    // the same vocabulary).
    for t in texts.iter().take(500) {
        black_box(analyzer.analyze(t, Some("en")));
    }
    let (mut sentences, mut tokens) = (0usize, 0usize);
    let (t0, c0) = (Instant::now(), cpu_ns());
    for i in 0..n {
        let a = analyzer.analyze(&texts[i % texts.len()], Some("en"));
        sentences += a.sentences.len();
        tokens += a.tokens.len();
        black_box(&a);
    }
    let el = t0.elapsed().as_secs_f64();
    let cpu = (cpu_ns() - c0) as f64 / 1e9;
    let per = el * 1e6 / n as f64;
    let per_cpu = cpu * 1e6 / n as f64;
    println!("Analyzer::new: {:.2} ms", build.as_secs_f64() * 1e3);
    println!(
        "analyze: {n} articles of ~{bytes} B, {:.1} sentences and {:.0} tokens each",
        sentences as f64 / n as f64,
        tokens as f64 / n as f64
    );
    println!("analyze: {per:.1} µs/article wall, {:.0} articles/s (1 thread)", 1e6 / per);
    if per_cpu > 0.0 {
        println!(
            "analyze: {per_cpu:.1} µs/article CPU time, {:.0} articles/s (1 thread)",
            1e6 / per_cpu
        );
    }

    // Stage breakdown on the same texts.
    let lang = parallax_text::Lang::EN;
    let m = n.min(5000);
    let t0 = Instant::now();
    for i in 0..m {
        black_box(analyzer.sentences(&texts[i % texts.len()], lang));
    }
    let s = t0.elapsed().as_secs_f64() * 1e6 / m as f64;
    let t0 = Instant::now();
    for i in 0..m {
        black_box(analyzer.tokens(&texts[i % texts.len()], lang));
    }
    let k = t0.elapsed().as_secs_f64() * 1e6 / m as f64;
    println!("  sentences only: {s:.1} µs/article; tokens only: {k:.1} µs/article");
}
