//! `parallax bench stories`: dedup + clustering at scale on a synthetic stream.

use std::io::{BufRead, Write};
use std::process::{Command, ExitCode};
use std::time::Instant;

use anyhow::Context;
use parallax_eval::cluster_metrics::score_clustering;
use parallax_eval::synth::{SynthArticle, SynthConfig, SynthStream};
use parallax_model::{ArticleBuilder, ArticleId, Published, SourceRef};
use parallax_text::Analyzer;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::args::BenchStoriesArgs;
use crate::printer::{self, Table};
use crate::settings::Settings;
use crate::stories::{Features, StoryEngine, article_features};

#[derive(Debug, Serialize, Deserialize)]
struct SizeResult {
    articles: usize,
    /// Size of the JSONL file the run read.
    #[serde(default)]
    input_bytes: u64,
    gold_stories: usize,
    predicted_stories: usize,
    near_duplicates_found: usize,
    near_duplicates_planted: usize,
    /// Text analysis + features, on the rayon pool (wall time of its batches).
    analyse_secs: f64,
    /// Dedup + clustering, one thread, in stream order, overlapping the
    /// analysis of the next batch: that thread's CPU time (its wall time
    /// where the CPU time is not available).
    link_secs: f64,
    /// Articles over the wall time of the run: reading and parsing the
    /// JSONL stream, analysis and linking (overlapped as in `parallax
    /// ingest`). Writing the stream file beforehand is not counted.
    articles_per_sec: f64,
    link_us_per_article: f64,
    b3_precision: f64,
    b3_recall: f64,
    b3_f1: f64,
    nmi: f64,
    peak_rss_bytes: Option<u64>,
    threads: usize,
}

pub(crate) fn run(s: &Settings, a: BenchStoriesArgs) -> anyhow::Result<ExitCode> {
    let results = if a.sizes.len() == 1 {
        vec![run_size(a.sizes[0], a.seed, a.batch)?]
    } else {
        let exe = std::env::current_exe().context("cannot find the parallax executable")?;
        let mut out = Vec::new();
        for &n in &a.sizes {
            let child = Command::new(&exe)
                .args(["--json", "bench", "stories", "--sizes", &n.to_string()])
                .args(["--seed", &a.seed.to_string(), "--batch", &a.batch.to_string()])
                .output()
                .with_context(|| format!("cannot run the {n}-article benchmark"))?;
            anyhow::ensure!(
                child.status.success(),
                "the {n}-article benchmark failed: {}",
                String::from_utf8_lossy(&child.stderr)
            );
            let mut r: Vec<SizeResult> = serde_json::from_slice(&child.stdout)?;
            out.append(&mut r);
        }
        out
    };
    if s.json {
        printer::json(&results)?;
        return Ok(ExitCode::SUCCESS);
    }
    printer::out(&format!(
        "stories benchmark: synthetic stream (seed {}), {} threads for analysis, 1 for dedup + clustering",
        a.seed,
        results.first().map(|r| r.threads).unwrap_or(0)
    ))?;
    let mut t = Table::new(&[
        "ARTICLES",
        "ARTICLES/S",
        "ANALYSE S",
        "LINK S",
        "LINK µS/ART",
        "B3 P",
        "B3 R",
        "B3 F1",
        "NMI",
        "STORIES (GOLD)",
        "DUPS (PLANTED)",
        "PEAK RSS",
    ]);
    for r in &results {
        t.row(vec![
            r.articles.to_string(),
            format!("{:.0}", r.articles_per_sec),
            format!("{:.2}", r.analyse_secs),
            format!("{:.2}", r.link_secs),
            format!("{:.1}", r.link_us_per_article),
            format!("{:.3}", r.b3_precision),
            format!("{:.3}", r.b3_recall),
            format!("{:.3}", r.b3_f1),
            format!("{:.3}", r.nmi),
            format!("{} ({})", r.predicted_stories, r.gold_stories),
            format!("{} ({})", r.near_duplicates_found, r.near_duplicates_planted),
            r.peak_rss_bytes.map(printer::human_bytes).unwrap_or_else(|| "?".into()),
        ]);
    }
    t.print()?;
    Ok(ExitCode::SUCCESS)
}

/// The generated stream as a JSONL file in the temporary folder, removed
/// when dropped.
struct StreamFile(std::path::PathBuf);

impl Drop for StreamFile {
    fn drop(&mut self) {
        if let Err(e) = std::fs::remove_file(&self.0) {
            tracing::warn!(path = %self.0.display(), "cannot remove the benchmark stream file: {e}");
        }
    }
}

/// Writes the first `n` articles of `stream` to a JSONL file, `batch` at a
/// time, and returns it with each article's gold story and whether it is a
/// planted copy.
fn write_stream(
    stream: &SynthStream,
    batch: usize,
) -> anyhow::Result<(StreamFile, Vec<(u32, bool)>)> {
    let path = std::env::temp_dir().join(format!(
        "parallax-bench-stories-{}-{}.jsonl",
        std::process::id(),
        stream.len()
    ));
    let file = StreamFile(path);
    let mut w = std::io::BufWriter::new(
        std::fs::File::create(&file.0)
            .with_context(|| format!("cannot create {}", file.0.display()))?,
    );
    let mut labels = Vec::with_capacity(stream.len());
    let mut next = 0;
    while next < stream.len() {
        let end = (next + batch).min(stream.len());
        let lines: Vec<(String, u32, bool)> = (next..end)
            .into_par_iter()
            .filter_map(|i| stream.article(i))
            .map(|x| Ok((serde_json::to_string(&x)?, x.story, x.copy_of.is_some())))
            .collect::<anyhow::Result<_>>()?;
        for (line, story, copy) in lines {
            w.write_all(line.as_bytes())?;
            w.write_all(b"\n")?;
            labels.push((story, copy));
        }
        next = end;
    }
    w.flush().with_context(|| format!("cannot write {}", file.0.display()))?;
    Ok((file, labels))
}

fn run_size(n: usize, seed: u64, batch: usize) -> anyhow::Result<SizeResult> {
    let stream = SynthStream::new(SynthConfig { articles: n, seed, ..SynthConfig::default() });
    let gold_stories = stream.stories();
    let batch = batch.max(1);
    // The stream is written to a file first, untimed, and the timed run
    // reads and parses it as `parallax ingest` reads a JSONL file: making
    // text in the same process would compete for the cores the pipeline
    // runs on.
    let (file, labels) = write_stream(&stream, batch)?;
    drop(stream);
    let input_bytes = std::fs::metadata(&file.0).map(|m| m.len()).unwrap_or(0);
    let analyzer = Analyzer::new();
    let mut engine = StoryEngine::new()?;
    let cfg = engine.cluster_cfg.clone();
    // As in `parallax ingest`: the rayon pool analyses batch k + 1 while one
    // thread links batch k in stream order.
    type Batch = Vec<(ArticleId, Option<i64>, Features)>;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Batch>(1);
    let reader = std::io::BufReader::with_capacity(
        1 << 20,
        std::fs::File::open(&file.0)
            .with_context(|| format!("cannot read {}", file.0.display()))?,
    );
    let wall = Instant::now();
    let mut analyse_secs = 0.0;
    let linked = std::thread::scope(|s| -> anyhow::Result<_> {
        let engine = &mut engine;
        // Named so profilers can tell linking from analysis.
        let linker =
            std::thread::Builder::new().name("link".into()).spawn_scoped(s, move || {
                let mut ids: Vec<ArticleId> = Vec::with_capacity(n);
                let (mut found, mut link_secs) = (0usize, 0.0);
                let cpu_start = thread_cpu_secs();
                for feats in rx {
                    let start = Instant::now();
                    let links = engine.link(feats.iter().map(|(id, t, f)| (*id, *t, f)).collect());
                    link_secs += start.elapsed().as_secs_f64();
                    found += links.stories.iter().filter(|l| l.via_duplicate).count();
                    ids.extend(feats.iter().map(|f| f.0));
                }
                let start = Instant::now();
                engine.cluster.maintain();
                link_secs += start.elapsed().as_secs_f64();
                // The thread's CPU time where Linux tells it: the wall time of
                // linking also counts waiting for a core the analysis holds.
                if let (Some(a), Some(b)) = (cpu_start, thread_cpu_secs()) {
                    link_secs = b - a;
                }
                (ids, found, link_secs)
            })?;
        let mut lines = reader.lines();
        let mut sent = Ok(());
        loop {
            let chunk: Vec<String> = lines.by_ref().take(batch).collect::<Result<_, _>>()?;
            if chunk.is_empty() {
                break;
            }
            let start = Instant::now();
            let feats = chunk
                .par_iter()
                .map(|line| {
                    let x: SynthArticle = serde_json::from_str(line)?;
                    let published = chrono::DateTime::from_timestamp(x.published, 0)
                        .map(|t| Published::from_utc(t, t.to_rfc3339()));
                    let article = ArticleBuilder::new(SourceRef::url(format!(
                        "https://synth.example/{}",
                        x.index
                    )))
                    .url(format!("https://synth.example/{}", x.index))
                    .title(&x.title)
                    .outlet(&x.outlet)
                    .published(published)
                    .paragraphs(x.text.split("\n\n"))
                    .build();
                    Ok((article.id, Some(x.published), article_features(&article, &analyzer, &cfg)))
                })
                .collect::<anyhow::Result<Batch>>();
            analyse_secs += start.elapsed().as_secs_f64();
            match feats {
                Ok(feats) => {
                    if tx.send(feats).is_err() {
                        break;
                    }
                }
                Err(e) => {
                    sent = Err(e);
                    break;
                }
            }
        }
        drop(tx);
        let linked = linker.join().map_err(|_| anyhow::anyhow!("the linking thread panicked"))?;
        sent.map(|()| linked)
    })?;
    let wall_secs = wall.elapsed().as_secs_f64();
    drop(file);
    let (ids, found, link_secs) = linked;
    anyhow::ensure!(
        ids.len() == labels.len(),
        "{} articles were written but {} linked",
        labels.len(),
        ids.len()
    );
    let gold: Vec<u32> = labels.iter().map(|l| l.0).collect();
    let planted = labels.iter().filter(|l| l.1).count();
    let predicted: Vec<u64> =
        ids.iter().map(|id| engine.story_of(*id).map(|s| s.as_u64()).unwrap_or(u64::MAX)).collect();
    let scores = score_clustering(&gold, &predicted);
    Ok(SizeResult {
        articles: ids.len(),
        input_bytes,
        gold_stories,
        predicted_stories: scores.predicted_clusters,
        near_duplicates_found: found,
        near_duplicates_planted: planted,
        analyse_secs,
        link_secs,
        articles_per_sec: if wall_secs > 0.0 { ids.len() as f64 / wall_secs } else { 0.0 },
        link_us_per_article: if ids.is_empty() { 0.0 } else { link_secs * 1e6 / ids.len() as f64 },
        b3_precision: scores.b3_precision,
        b3_recall: scores.b3_recall,
        b3_f1: scores.b3_f1,
        nmi: scores.nmi,
        peak_rss_bytes: printer::peak_rss_bytes(),
        threads: rayon::current_num_threads(),
    })
}

/// CPU time of the calling thread (Linux `/proc/thread-self/schedstat`, first
/// field, nanoseconds).
fn thread_cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}
