//! `parallax bench serve`: load on a running server with a store of N
//! articles, at a fixed request rate (open loop), then as fast as it goes.
//!
//! 1. The store: N generated articles (the stories benchmark's stream, with
//!    its story structure, copies and outlets) ingested with who said what,
//!    unless the data directory already holds N.
//! 2. The server: this binary's `serve --read-only`, started as a child
//!    process on a free loopback port, so client and server are separate
//!    processes as in real use; the run waits until search has caught up.
//! 3. Open loop: requests are *scheduled* at the fixed rate and each one's
//!    latency counts from its scheduled time, so a slow server cannot hide
//!    its queueing (no coordinated omission). The mix: story list (HTML and
//!    JSON, both orders, a few pages), story pages (stories drawn from the
//!    listing) and searches (words of the generated vocabulary, phrases).
//! 4. Closed loop: the same mix from C connections as fast as they go.
//!
//! Before the open loop, each distinct page is requested once, alone: the
//! "cold" rows are what the first reader of a page waits (a story's
//! comparison is built on first view and cached until the store changes).

use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use parallax_enrich::Enricher;
use parallax_eval::synth::{SynthConfig, SynthStream};
use serde::Serialize;

use crate::args::BenchServeArgs;
use crate::commands::extract::load_lexicon;
use crate::pipeline::Pipeline;
use crate::printer::{self, Table};
use crate::settings::Settings;
use crate::stories::StoryEngine;

#[derive(Debug, Serialize)]
struct Row {
    phase: String,
    class: String,
    requests: usize,
    errors: usize,
    per_sec: f64,
    p50_ms: f64,
    p90_ms: f64,
    p99_ms: f64,
    max_ms: f64,
}

pub(crate) fn run(s: &Settings, a: BenchServeArgs) -> anyhow::Result<ExitCode> {
    let data = a.store.dir.clone().unwrap_or_else(|| s.data_dir.clone());
    fill(&data, a.articles, a.lexicons.as_deref())?;
    let port = free_port()?;
    let base = format!("http://127.0.0.1:{port}");
    let mut server = start_server(&data, port)?;
    let result = (|| -> anyhow::Result<Vec<Row>> {
        wait_ready(&base, &mut server)?;
        let urls = mix(&base)?;
        let mut rows = Vec::new();
        rows.extend(cold(&urls));
        rows.extend(open_loop(&urls, a.rate, a.duration, a.connections));
        rows.extend(closed_loop(&urls, a.duration, a.connections));
        Ok(rows)
    })();
    let peak = server_peak_rss(&server);
    let _ = server.kill();
    let _ = server.wait();
    let rows = result?;
    if s.json {
        printer::json(&serde_json::json!({
            "articles": a.articles, "rate": a.rate, "duration_secs": a.duration.as_secs_f64(),
            "connections": a.connections, "server_peak_rss_bytes": peak, "rows": rows,
        }))?;
    } else {
        let mut t = Table::new(&[
            "phase", "requests", "class", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors",
        ]);
        for r in &rows {
            t.row(vec![
                r.phase.clone(),
                r.requests.to_string(),
                r.class.clone(),
                format!("{:.0}", r.per_sec),
                format!("{:.1}", r.p50_ms),
                format!("{:.1}", r.p90_ms),
                format!("{:.1}", r.p99_ms),
                format!("{:.1}", r.max_ms),
                r.errors.to_string(),
            ]);
        }
        t.print()?;
        printer::out(&format!(
            "store: {} articles; server peak RSS {}",
            a.articles,
            peak.map(printer::human_bytes).unwrap_or_else(|| "?".into())
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Ingests generated articles until the store holds `n`.
fn fill(
    data: &std::path::Path,
    n: usize,
    lexicons: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    let mut store = parallax_store::Store::open(data)
        .with_context(|| format!("could not open the store in {}", data.display()))?;
    let have = store.count_articles()? as usize;
    if have >= n {
        printer::eprintln(&format!("store has {have} articles; not generating"));
        return Ok(());
    }
    let _lock = crate::live::WriterLock::take(data)?;
    let stream = SynthStream::new(SynthConfig { articles: n, ..SynthConfig::default() });
    let input = data.join("bench-articles.jsonl");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&input)?);
        for i in 0..n {
            let Some(art) = stream.article(i) else { break };
            let published = chrono::DateTime::from_timestamp(art.published, 0)
                .map(|t| t.to_rfc3339())
                .unwrap_or_default();
            let line = serde_json::json!({
                "url": format!("https://{}.example/a/{i}", art.outlet.to_lowercase().replace(' ', "-")),
                "outlet": art.outlet, "title": art.title, "text": art.text, "published": published,
            });
            writeln!(f, "{line}")?;
        }
        f.flush()?;
    }
    let start = Instant::now();
    let enricher = Some(Enricher::new(load_lexicon(lexicons)?));
    let engine = StoryEngine::load(&store)?;
    let summary = Pipeline::new(Default::default(), &mut store, engine, enricher, 2000, false)
        .run(&[input.display().to_string()], &[])?;
    let _ = std::fs::remove_file(&input);
    printer::eprintln(&format!(
        "ingested {} articles in {:.1}s",
        summary.outcome.inserted,
        start.elapsed().as_secs_f64()
    ));
    Ok(())
}

fn free_port() -> anyhow::Result<u16> {
    let l = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(l.local_addr()?.port())
}

fn start_server(data: &std::path::Path, port: u16) -> anyhow::Result<Child> {
    let exe = std::env::current_exe().context("cannot find this executable")?;
    Command::new(exe)
        .args(["--quiet", "serve", "--read-only", "--addr"])
        .arg(format!("127.0.0.1:{port}"))
        .arg("--data")
        .arg(data)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .context("could not start the server")
}

fn agent() -> ureq::Agent {
    ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(10))
        .max_idle_connections_per_host(256)
        .build()
}

fn wait_ready(base: &str, server: &mut Child) -> anyhow::Result<()> {
    let agent = agent();
    let start = Instant::now();
    loop {
        if let Some(status) = server.try_wait()? {
            anyhow::bail!("the server exited early ({status})");
        }
        if let Ok(r) = agent.get(&format!("{base}/healthz")).call()
            && let Ok(v) = r.into_json::<serde_json::Value>()
            && v["search"]["behind"] == 0
        {
            printer::eprintln(&format!(
                "server ready after {:.1}s: {} articles, {} stories",
                start.elapsed().as_secs_f64(),
                v["articles"],
                v["stories"]
            ));
            return Ok(());
        }
        anyhow::ensure!(
            start.elapsed() < Duration::from_secs(900),
            "the server never became ready"
        );
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// The request mix: (class, url), repeated in this proportion.
fn mix(base: &str) -> anyhow::Result<Vec<(&'static str, String)>> {
    let agent = agent();
    let page: serde_json::Value = agent
        .get(&format!("{base}/api/v1/stories?sort=largest&limit=100"))
        .call()
        .context("listing stories")?
        .into_json()?;
    let ids: Vec<u64> = page["stories"]
        .as_array()
        .map(|a| a.iter().filter_map(|s| s["id"].as_u64()).collect())
        .unwrap_or_default();
    anyhow::ensure!(!ids.is_empty(), "the server lists no story");
    // Queries from the stories' own titles: one word, two words, a phrase,
    // and a word without another.
    let words: Vec<String> = page["stories"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s["title"].as_str())
                .flat_map(|t| t.split_whitespace())
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
                .filter(|w| w.chars().count() >= 5)
                .collect()
        })
        .unwrap_or_default();
    anyhow::ensure!(words.len() >= 4, "the story titles have too few words to search for");
    let enc = |q: &str| -> String { q.bytes().map(|b| format!("%{b:02X}")).collect() };
    let mut urls = Vec::new();
    for i in 0..10 {
        let w = |k: usize| words[(i * 7 + k * 3) % words.len()].as_str();
        let query = match i % 4 {
            0 => w(0).to_string(),
            1 => format!("{} {}", w(0), w(1)),
            2 => format!("\"{} {}\"", w(0), w(1)),
            _ => format!("{} -{}", w(0), w(2)),
        };
        let sort = if i % 2 == 0 { "recent" } else { "largest" };
        urls.push(("story list", format!("{base}/?sort={sort}&offset={}", (i % 5) * 20)));
        urls.push((
            "story list",
            format!("{base}/api/v1/stories?sort={sort}&offset={}", (i % 3) * 20),
        ));
        urls.push(("story page", format!("{base}/stories/{}", ids[(i * 7) % ids.len()])));
        urls.push(("story page", format!("{base}/stories/{}", ids[(i * 13 + 3) % ids.len()])));
        urls.push(("search", format!("{base}/search?q={}", enc(&query))));
        urls.push(("search", format!("{base}/api/v1/search?q={}&kind=articles", enc(&query))));
    }
    Ok(urls)
}

/// Latencies per class.
type Samples = Mutex<BTreeMap<&'static str, (Vec<f64>, usize)>>;

fn record(samples: &Samples, class: &'static str, ms: f64, ok: bool) {
    if let Ok(mut s) = samples.lock() {
        let e = s.entry(class).or_default();
        e.0.push(ms);
        if !ok {
            e.1 += 1;
        }
    }
}

fn get(agent: &ureq::Agent, url: &str) -> bool {
    match agent.get(url).call() {
        Ok(r) => {
            let ok = r.status() == 200;
            let mut sink = std::io::sink();
            ok && std::io::copy(&mut r.into_reader(), &mut sink).is_ok()
        }
        Err(_) => false,
    }
}

/// Each distinct URL once, one at a time: what the first reader of a page
/// waits while nothing is cached (a story's comparison is built then).
fn cold(urls: &[(&'static str, String)]) -> Vec<Row> {
    let agent = agent();
    let samples: Samples = Mutex::new(BTreeMap::new());
    let start = Instant::now();
    let mut seen = std::collections::HashSet::new();
    for (class, url) in urls {
        if seen.insert(url) {
            let t = Instant::now();
            let ok = get(&agent, url);
            record(&samples, class, t.elapsed().as_secs_f64() * 1000.0, ok);
        }
    }
    rows("first request of each page (cold)", samples, start.elapsed())
}

fn open_loop(
    urls: &[(&'static str, String)],
    rate: f64,
    duration: Duration,
    connections: usize,
) -> Vec<Row> {
    let total = (rate * duration.as_secs_f64()).round() as usize;
    let gap = Duration::from_secs_f64(1.0 / rate.max(0.1));
    let next = AtomicUsize::new(0);
    let samples: Samples = Mutex::new(BTreeMap::new());
    let start = Instant::now() + Duration::from_millis(100);
    std::thread::scope(|sc| {
        for _ in 0..connections.max(1) {
            sc.spawn(|| {
                let agent = agent();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= total {
                        return;
                    }
                    let due = start + gap * i as u32;
                    let now = Instant::now();
                    if due > now {
                        std::thread::sleep(due - now);
                    }
                    let (class, url) = &urls[i % urls.len()];
                    let ok = get(&agent, url);
                    record(&samples, class, due.elapsed().as_secs_f64() * 1000.0, ok);
                }
            });
        }
    });
    rows(&format!("open loop {rate:.0}/s"), samples, start.elapsed())
}

fn closed_loop(
    urls: &[(&'static str, String)],
    duration: Duration,
    connections: usize,
) -> Vec<Row> {
    let next = AtomicUsize::new(0);
    let samples: Samples = Mutex::new(BTreeMap::new());
    let start = Instant::now();
    std::thread::scope(|sc| {
        for _ in 0..connections.max(1) {
            sc.spawn(|| {
                let agent = agent();
                while start.elapsed() < duration {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let (class, url) = &urls[i % urls.len()];
                    let t = Instant::now();
                    let ok = get(&agent, url);
                    record(&samples, class, t.elapsed().as_secs_f64() * 1000.0, ok);
                }
            });
        }
    });
    rows(&format!("closed loop, {connections} connections"), samples, start.elapsed())
}

fn rows(phase: &str, samples: Samples, elapsed: Duration) -> Vec<Row> {
    let map = samples.into_inner().unwrap_or_default();
    let secs = elapsed.as_secs_f64().max(1e-9);
    let mut all = Vec::new();
    let mut all_err = 0;
    let mut out = Vec::new();
    for (class, (mut v, errors)) in map {
        all.extend_from_slice(&v);
        all_err += errors;
        out.push(row(phase, class, &mut v, errors, secs));
    }
    out.push(row(phase, "all", &mut all, all_err, secs));
    out
}

fn row(phase: &str, class: &str, v: &mut [f64], errors: usize, secs: f64) -> Row {
    v.sort_by(|a, b| a.total_cmp(b));
    let q = |p: f64| -> f64 {
        if v.is_empty() {
            return 0.0;
        }
        v[((v.len() as f64 * p).ceil() as usize).clamp(1, v.len()) - 1]
    };
    Row {
        phase: phase.to_string(),
        class: class.to_string(),
        requests: v.len(),
        errors,
        per_sec: v.len() as f64 / secs,
        p50_ms: q(0.50),
        p90_ms: q(0.90),
        p99_ms: q(0.99),
        max_ms: v.last().copied().unwrap_or(0.0),
    }
}

/// The child's peak resident memory (Linux).
fn server_peak_rss(child: &Child) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id())).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}
