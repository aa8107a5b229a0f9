//! Story clustering on labelled data: ECB+ (full-text news, gold = subtopic)
//! and GoogleNews-TS (pre-processed titles, gold = `clusterNo`).
//!
//! Both are read at run time from `../shared/data` ([`default_data_dir`]).
//! Articles are fed to a [`Clusterer`] one by one in stream order, with
//! [`Clusterer::maintain`] whenever it is due and [`Clusterer::maintain_full`]
//! at the end (as the CLI does at the end of an ingest run); the final
//! story of every article is scored with [`score_clustering`].
//!
//! ECB+ specifics: the `ecbplus` documents' line 0 is their source URL
//! (tokenised); only `ecbplus` documents have one, so using it would leak the
//! subtopic, and it is dropped. Their line 1 is the headline and becomes the
//! title. ECB+ has no publication times, so the time features are off.

use std::path::{Path, PathBuf};
use std::time::Instant;

use parallax_cluster::{ClusterConfig, ClusterDoc, Clusterer};
use parallax_model::ArticleId;
use parallax_text::{Analyzer, Lang};
use serde::{Deserialize, Serialize};

use crate::EvalError;
use crate::cluster_metrics::{ClusterScores, score_clustering};

/// `../shared/data` beside the repository (from this crate's manifest dir).
pub fn default_data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

/// One ECB+ document (the fields the evaluation needs).
#[derive(Debug, Clone, Deserialize)]
pub struct EcbDoc {
    /// `"1_10ecbplus"`.
    pub doc_id: String,
    /// Topic number (two events of one kind).
    pub topic: u32,
    /// Gold story: `"1_ecb"` or `"1_ecbplus"`.
    pub subtopic: String,
    /// `"train"` or `"dev"`.
    pub split: String,
    /// Source URL (only `ecbplus` documents have one).
    pub url: Option<String>,
    /// One sentence a line.
    pub text: String,
}

/// One GoogleNews-TS item.
#[derive(Debug, Clone, Deserialize)]
pub struct GoogleNewsItem {
    /// `"000001"`.
    #[serde(rename = "Id")]
    pub id: String,
    /// Gold story number.
    #[serde(rename = "clusterNo")]
    pub cluster: u32,
    /// Lower-cased, stop-word-free, stemmed-ish words.
    #[serde(rename = "textCleaned")]
    pub text: String,
}

/// The order articles are fed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Order {
    /// As they appear in the file.
    FileOrder,
    /// A seeded shuffle of the file order.
    Shuffled(u64),
}

/// Which GoogleNews-TS stories to use. The set has no split; stories with an
/// even `clusterNo` served for tuning, odd ones as held-out check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoogleNewsPart {
    /// All 11,109 items.
    All,
    /// Items of stories with an even number (tuning half).
    EvenStories,
    /// Items of stories with an odd number (held-out half).
    OddStories,
}

/// The result of one clustering run.
#[derive(Debug, Clone, Serialize)]
pub struct StoryReport {
    /// `"ecb-dev"`, `"googlenews"`, …
    pub dataset: String,
    /// Stream order.
    pub order: Order,
    /// Quality.
    #[serde(flatten)]
    pub scores: ClusterScores,
    /// Stories merged by maintenance.
    pub merges: usize,
    /// Splits by maintenance.
    pub splits: usize,
    /// Articles moved to a story they fit better by maintenance.
    #[serde(default)]
    pub moves: usize,
    /// Articles per second through `assign` + `maintain` alone (one thread;
    /// text analysis and document building excluded).
    pub articles_per_sec: f64,
    /// Seconds spent building the documents (text analysis included).
    pub build_secs: f64,
}

fn read_jsonl<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Vec<T>, EvalError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| EvalError::Io { path: path.to_path_buf(), source })?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            serde_json::from_str(l)
                .map_err(|source| EvalError::Json { path: path.to_path_buf(), source })
        })
        .collect()
}

/// Reads `ecbplus/documents.jsonl` under `data`.
pub fn load_ecb(data: &Path) -> Result<Vec<EcbDoc>, EvalError> {
    read_jsonl(&data.join("ecbplus/documents.jsonl"))
}

/// Reads `googlenews-ts/News.jsonl` under `data`.
pub fn load_googlenews(data: &Path) -> Result<Vec<GoogleNewsItem>, EvalError> {
    read_jsonl(&data.join("googlenews-ts/News.jsonl"))
}

/// The clustering document of an ECB+ document (see the module doc).
pub fn ecb_doc(d: &EcbDoc, analyzer: &Analyzer, cfg: &ClusterConfig) -> ClusterDoc {
    let id = ArticleId::from_text(&d.doc_id);
    let mut lines = d.text.split('\n');
    let (title, body) = if d.url.is_some() {
        lines.next();
        let title = lines.next().unwrap_or("");
        (Some(title), lines.collect::<Vec<_>>().join("\n"))
    } else {
        (None, d.text.clone())
    };
    let analysis = analyzer.analyze(&body, Some("en"));
    let lang = analysis.lang.or_else(|| Lang::from_code("en"));
    let title_tokens = title.zip(lang).map(|(t, l)| (t, analyzer.tokens(t, l)));
    ClusterDoc::from_analysis(
        id,
        None,
        title_tokens.as_ref().map(|(t, toks)| (*t, toks.as_slice())),
        &body,
        &analysis,
        cfg,
    )
}

/// A deterministic permutation of `0..n` (SplitMix64 Fisher–Yates).
pub fn shuffled_indices(n: usize, seed: u64) -> Vec<usize> {
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut idx: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        idx.swap(i, j);
    }
    idx
}

/// The stories a fresh clusterer ends with after `docs` were fed in order.
#[derive(Debug, Clone)]
pub struct Predicted {
    /// The story of each doc (same order; `u64::MAX` when it has none).
    pub stories: Vec<u64>,
    /// Merges made by the maintenance passes.
    pub merges: usize,
    /// Splits made by the maintenance passes.
    pub splits: usize,
    /// Articles moved by the maintenance passes.
    pub moves: usize,
    /// Wall time of assignment and maintenance.
    pub secs: f64,
}

/// Feeds `docs` in order through a fresh clusterer (maintenance when due,
/// a full pass at the end) and returns each doc's final story.
pub fn predict_stories(docs: &[ClusterDoc], cfg: &ClusterConfig) -> Result<Predicted, EvalError> {
    let mut clusterer: Clusterer = cfg.clone().build().map_err(|e| EvalError::Invalid {
        path: PathBuf::from("<config>"),
        detail: e.to_string(),
    })?;
    let (mut merges, mut splits, mut moves) = (0, 0, 0);
    let mut count = |changes: Vec<parallax_cluster::StoryChange>| {
        for c in changes {
            match c {
                parallax_cluster::StoryChange::Merged { .. } => merges += 1,
                parallax_cluster::StoryChange::Split { .. } => splits += 1,
                parallax_cluster::StoryChange::Moved { moved, .. } => moves += moved.len(),
                _ => {}
            }
        }
    };
    let start = Instant::now();
    for d in docs {
        clusterer.assign(d);
        if clusterer.maintenance_due() {
            count(clusterer.maintain());
        }
    }
    count(clusterer.maintain_full());
    let secs = start.elapsed().as_secs_f64();
    let stories =
        docs.iter().map(|d| clusterer.story_of(d.id()).map_or(u64::MAX, |s| s.as_u64())).collect();
    Ok(Predicted { stories, merges, splits, moves, secs })
}

/// Feeds `docs` in order through a fresh clusterer and scores the final
/// stories against `gold` (same order).
pub fn cluster_and_score<G: std::hash::Hash + Eq>(
    dataset: &str,
    order: Order,
    docs: &[ClusterDoc],
    gold: &[G],
    cfg: &ClusterConfig,
    build_secs: f64,
) -> Result<StoryReport, EvalError> {
    let p = predict_stories(docs, cfg)?;
    Ok(StoryReport {
        dataset: dataset.to_string(),
        order,
        scores: score_clustering(gold, &p.stories),
        merges: p.merges,
        splits: p.splits,
        moves: p.moves,
        articles_per_sec: docs.len() as f64 / p.secs.max(1e-9),
        build_secs,
    })
}

/// Clusters the ECB+ documents of `split` (`"train"` or `"dev"`) under
/// `data` and scores them against their subtopics.
pub fn evaluate_ecb(
    data: &Path,
    split: &str,
    order: Order,
    cfg: &ClusterConfig,
) -> Result<StoryReport, EvalError> {
    let all = load_ecb(data)?;
    evaluate_ecb_docs(&all, split, order, cfg)
}

/// [`evaluate_ecb`] on documents already loaded.
pub fn evaluate_ecb_docs(
    all: &[EcbDoc],
    split: &str,
    order: Order,
    cfg: &ClusterConfig,
) -> Result<StoryReport, EvalError> {
    let docs = ecb_selection(all, split, order);
    let analyzer = Analyzer::new();
    let start = Instant::now();
    let built: Vec<ClusterDoc> = docs.iter().map(|d| ecb_doc(d, &analyzer, cfg)).collect();
    let build_secs = start.elapsed().as_secs_f64();
    let gold: Vec<&str> = docs.iter().map(|d| d.subtopic.as_str()).collect();
    cluster_and_score(&format!("ecb-{split}"), order, &built, &gold, cfg, build_secs)
}

/// The ECB+ documents of `split`, in `order`.
pub fn ecb_selection<'a>(all: &'a [EcbDoc], split: &str, order: Order) -> Vec<&'a EcbDoc> {
    let docs: Vec<&EcbDoc> = all.iter().filter(|d| d.split == split).collect();
    match order {
        Order::FileOrder => docs,
        Order::Shuffled(seed) => {
            shuffled_indices(docs.len(), seed).into_iter().map(|i| docs[i]).collect()
        }
    }
}

/// The GoogleNews-TS items of `part`, in file order, with their cluster
/// documents (every token a title term; no dates, no entities).
pub fn googlenews_docs(
    items: &[GoogleNewsItem],
    part: GoogleNewsPart,
) -> (Vec<&GoogleNewsItem>, Vec<ClusterDoc>) {
    let keep = |c: u32| match part {
        GoogleNewsPart::All => true,
        GoogleNewsPart::EvenStories => c.is_multiple_of(2),
        GoogleNewsPart::OddStories => !c.is_multiple_of(2),
    };
    let items: Vec<&GoogleNewsItem> = items.iter().filter(|i| keep(i.cluster)).collect();
    let docs = items
        .iter()
        .map(|i| {
            let id = ArticleId::from_text(&i.id);
            ClusterDoc::from_tokens(id, None, i.text.split_whitespace(), [])
        })
        .collect();
    (items, docs)
}

/// Clusters GoogleNews-TS in stream (file) order and scores it.
pub fn evaluate_googlenews(
    data: &Path,
    part: GoogleNewsPart,
    cfg: &ClusterConfig,
) -> Result<StoryReport, EvalError> {
    let items = load_googlenews(data)?;
    evaluate_googlenews_items(&items, part, cfg)
}

/// [`evaluate_googlenews`] on items already loaded.
pub fn evaluate_googlenews_items(
    items: &[GoogleNewsItem],
    part: GoogleNewsPart,
    cfg: &ClusterConfig,
) -> Result<StoryReport, EvalError> {
    let start = Instant::now();
    let (items, docs) = googlenews_docs(items, part);
    let build_secs = start.elapsed().as_secs_f64();
    let gold: Vec<u32> = items.iter().map(|i| i.cluster).collect();
    let name = match part {
        GoogleNewsPart::All => "googlenews",
        GoogleNewsPart::EvenStories => "googlenews-even",
        GoogleNewsPart::OddStories => "googlenews-odd",
    };
    cluster_and_score(name, Order::FileOrder, &docs, &gold, cfg, build_secs)
}
