//! The ingest pipeline: readers → (parallel) extraction and text analysis → store.
//!
//! Readers walk the inputs on their own thread, in order, and send [`Unit`]s over a
//! bounded channel. This thread cuts them into batches; each batch is fetched
//! (feed links, `--url`), turned into articles and analysed on the rayon pool,
//! then written to the store in one transaction. Memory stays bounded by the
//! batch size and the channel capacity, whatever the input size.

use std::collections::HashSet;
use std::sync::mpsc::{SyncSender, sync_channel};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use parallax_cluster::ClusterConfig;
use parallax_enrich::Enricher;
use parallax_ingest::{Fetcher, Hints, IngestConfig, RawDoc, Unit, read, read_bytes};
use parallax_model::{Article, ArticleId, Enrichment, Reject, RejectReason, SourceRef};
use parallax_store::{BatchOutcome, Store};
use parallax_text::{Analysis, Analyzer};

use crate::stories::{Features, StoryEngine, features};
use rayon::prelude::*;
use serde::Serialize;

/// Rejects kept in memory for the run summary; the store keeps them all.
const REJECTS_KEPT: usize = 1000;

/// What an ingest run did.
#[derive(Debug, Default, Serialize)]
pub(crate) struct IngestSummary {
    /// Store outcome, summed over batches.
    #[serde(flatten)]
    pub(crate) outcome: BatchOutcome,
    /// Rejects in this run.
    pub(crate) rejected: usize,
    /// The first rejects of this run.
    pub(crate) rejects: Vec<Reject>,
    /// Wall-clock seconds.
    pub(crate) seconds: f64,
}

/// An article with its enrichment and the features the stories stage needs.
pub(crate) type Enriched = (Article, Enrichment, Features);

/// Runs text analysis on an article and records the detected language on it.
pub(crate) fn enrich(analyzer: &Analyzer, article: Article) -> (Article, Enrichment) {
    let (article, enrichment, _) = enrich_with(analyzer, article);
    (article, enrichment)
}

/// [`enrich`], also returning the analysis.
pub(crate) fn enrich_with(
    analyzer: &Analyzer,
    mut article: Article,
) -> (Article, Enrichment, Analysis) {
    let a = analyzer.analyze(&article.text, article.language.as_deref());
    let detected = a.lang.map(|l| l.code().to_string());
    if a.lang_reliable && detected.is_some() {
        article.language.clone_from(&detected);
    }
    let enrichment = Enrichment {
        language: if a.lang_reliable { detected } else { article.language.clone().or(detected) },
        lang_confidence: a.lang_confidence,
        sentences: a.sentences.clone(),
        n_tokens: a.tokens.len() as u32,
        who: Default::default(),
    };
    (article, enrichment, a)
}

/// Turns documents into enriched articles with their story features, on the
/// rayon pool; with an `enricher`, also who said what.
pub(crate) fn build_all(
    docs: Vec<RawDoc>,
    cfg: &IngestConfig,
    analyzer: &Analyzer,
    enricher: Option<&Enricher>,
    cluster_cfg: &ClusterConfig,
) -> Vec<Result<Enriched, Reject>> {
    docs.into_par_iter()
        .map(|d| {
            d.into_article(cfg).map(|a| {
                let (a, mut e, analysis) = enrich_with(analyzer, a);
                if let Some(enricher) = enricher {
                    let published = a.published.as_ref().map(|p| p.utc);
                    e.who = enricher.enrich(&a.text, &analysis, published).who_said_what(&a.text);
                }
                let f = features(&a, &analysis, analyzer, cluster_cfg);
                (a, e, f)
            })
        })
        .collect()
}

/// The writing end of ingestion: links new articles into near-duplicate
/// groups and stories, and commits them with their links in one transaction.
pub(crate) struct Sink<'a> {
    pub(crate) store: &'a mut Store,
    pub(crate) engine: StoryEngine,
}

impl Sink<'_> {
    /// Links and writes one batch; returns what the store did.
    pub(crate) fn write(
        &mut self,
        enriched: Vec<Enriched>,
        rejects: &[Reject],
    ) -> anyhow::Result<BatchOutcome> {
        let ids: Vec<ArticleId> = enriched.iter().map(|e| e.0.id).collect();
        // One look-up per article: which are stored, and with which
        // content (the write below reuses it).
        let mut stored = self.store.stored_hashes(&ids)?;
        let mut known: HashSet<ArticleId> = stored.keys().copied().collect();
        // Only articles new to the store get linked; a re-ingest or a
        // revision keeps its group and story.
        let new: Vec<(ArticleId, Option<i64>, &Features)> = enriched
            .iter()
            .filter(|(a, _, _)| known.insert(a.id))
            .map(|(a, _, f)| (a.id, a.published.as_ref().map(|p| p.utc.timestamp()), f))
            .collect();
        let links = self.engine.link(new);
        let articles: Vec<(Article, Enrichment)> =
            enriched.into_iter().map(|(a, e, _)| (a, e)).collect();
        Ok(self.store.write_batch_known(&articles, rejects, &links, &mut stored)?)
    }

    /// Snapshots the stories state into the store.
    pub(crate) fn save(&mut self) -> anyhow::Result<()> {
        self.engine.save(self.store)
    }
}

pub(crate) struct Pipeline<'a> {
    cfg: IngestConfig,
    analyzer: Analyzer,
    enricher: Option<Enricher>,
    store: Option<&'a mut Store>,
    engine: Option<StoryEngine>,
    cluster_cfg: ClusterConfig,
    fetcher: Option<Fetcher>,
    batch: usize,
    bar: ProgressBar,
    summary: IngestSummary,
    articles_seen: usize,
}

impl<'a> Pipeline<'a> {
    pub(crate) fn new(
        cfg: IngestConfig,
        store: &'a mut Store,
        engine: StoryEngine,
        enricher: Option<Enricher>,
        batch: usize,
        progress: bool,
    ) -> Self {
        let bar = if progress {
            ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
        } else {
            ProgressBar::hidden()
        };
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} [{elapsed}]") {
            bar.set_style(style);
        }
        Pipeline {
            cfg,
            analyzer: Analyzer::new(),
            enricher,
            store: Some(store),
            cluster_cfg: engine.cluster_cfg.clone(),
            engine: Some(engine),
            fetcher: None,
            batch: batch.max(1),
            bar,
            summary: IngestSummary::default(),
            articles_seen: 0,
        }
    }

    /// Reads every input and URL, and writes what it finds.
    ///
    /// Three threads overlap: the reader, this one (fetching, extraction and
    /// analysis on the rayon pool) and the store writer, so analysis of one batch
    /// runs while the previous batch is being committed.
    pub(crate) fn run(
        mut self,
        inputs: &[String],
        urls: &[String],
    ) -> anyhow::Result<IngestSummary> {
        let start = Instant::now();
        let (tx, rx) = sync_channel::<Unit>(4 * self.batch);
        let (wtx, wrx) = sync_channel::<WriteBatch>(2);
        let cfg = self.cfg.clone();
        let store = self.store.take().ok_or_else(|| anyhow::anyhow!("pipeline already ran"))?;
        let engine = self.engine.take().ok_or_else(|| anyhow::anyhow!("pipeline already ran"))?;
        let mut engine = engine;
        engine.catch_up(store, &self.analyzer)?;
        let result = std::thread::scope(|s| -> anyhow::Result<BatchOutcome> {
            s.spawn(move || {
                for input in inputs {
                    read(input, &cfg, &mut |u| {
                        let _ = tx.send(u);
                    });
                }
                for url in urls {
                    let _ = tx.send(Unit::Fetch {
                        url: url.clone(),
                        source: SourceRef::url(url),
                        hints: Hints::default(),
                    });
                }
            });
            let writer = s.spawn(move || -> anyhow::Result<BatchOutcome> {
                let mut total = BatchOutcome::default();
                let mut sink = Sink { store, engine };
                for (enriched, rejects) in wrx {
                    total += sink.write(enriched, &rejects)?;
                }
                sink.save()?;
                Ok(total)
            });
            let mut pending = Vec::with_capacity(self.batch);
            let mut sent = Ok(());
            for unit in rx {
                pending.push(unit);
                if pending.len() >= self.batch {
                    sent = self.process(std::mem::take(&mut pending), &wtx);
                    if sent.is_err() {
                        break;
                    }
                }
            }
            if sent.is_ok() {
                sent = self.process(pending, &wtx);
            }
            drop(wtx);
            let outcome =
                writer.join().map_err(|_| anyhow::anyhow!("the store writer panicked"))??;
            sent.map(|()| outcome)
        });
        self.summary.outcome = result?;
        self.bar.finish_and_clear();
        self.summary.seconds = start.elapsed().as_secs_f64();
        Ok(self.summary)
    }

    fn process(&mut self, units: Vec<Unit>, writer: &SyncSender<WriteBatch>) -> anyhow::Result<()> {
        if units.is_empty() {
            return Ok(());
        }
        let (docs, mut rejects) = gather(units, &self.cfg, &mut self.fetcher);
        let mut articles = Vec::with_capacity(docs.len());
        let enricher = self.enricher.as_ref();
        for r in build_all(docs, &self.cfg, &self.analyzer, enricher, &self.cluster_cfg) {
            match r {
                Ok(a) => articles.push(a),
                Err(rej) => rejects.push(rej),
            }
        }
        self.articles_seen += articles.len();
        self.summary.rejected += rejects.len();
        let room = REJECTS_KEPT.saturating_sub(self.summary.rejects.len());
        self.summary.rejects.extend(rejects.iter().take(room).cloned());
        // A send fails only when the writer stopped on an error, which `run` reports.
        writer
            .send((articles, rejects))
            .map_err(|_| anyhow::anyhow!("the store writer stopped"))?;
        self.bar.set_message(format!(
            "{} articles, {} rejected",
            self.articles_seen, self.summary.rejected
        ));
        self.bar.tick();
        Ok(())
    }
}

/// Splits units into documents and rejects, fetching URLs (pages, feeds and,
/// with `follow_links`, one level of feed item links) on the rayon pool.
pub(crate) fn gather(
    units: Vec<Unit>,
    cfg: &IngestConfig,
    fetcher: &mut Option<Fetcher>,
) -> (Vec<RawDoc>, Vec<Reject>) {
    let mut docs = Vec::new();
    let mut rejects = Vec::new();
    let mut fetches = Vec::new();
    split(units, &mut docs, &mut rejects, &mut fetches);
    // Two rounds: a fetched feed may yield item links to fetch (with --follow);
    // anything deeper is refused, so a hostile feed cannot make us crawl.
    for round in 0..2 {
        if fetches.is_empty() {
            break;
        }
        let fetcher = &*fetcher.get_or_insert_with(|| Fetcher::new(cfg.fetch.clone()));
        let mut round_cfg = cfg.clone();
        round_cfg.follow_links = cfg.follow_links && round == 0;
        let fetched: Vec<Vec<Unit>> = std::mem::take(&mut fetches)
            .into_par_iter()
            .map(|(url, source, mut hints)| {
                let mut out = Vec::new();
                match fetcher.fetch(&url) {
                    Ok(f) => {
                        hints.url = Some(f.final_url.clone());
                        let src = match source {
                            SourceRef::FeedItem { .. } => SourceRef::url(&f.final_url),
                            other => other,
                        };
                        read_bytes(
                            src,
                            &f.body,
                            f.content_type.as_deref(),
                            hints,
                            &round_cfg,
                            &mut |u| out.push(u),
                        );
                    }
                    Err(r) => out.push(Unit::Reject(r)),
                }
                out
            })
            .collect();
        split(fetched.into_iter().flatten().collect(), &mut docs, &mut rejects, &mut fetches);
    }
    for (url, source, _) in fetches.drain(..) {
        rejects.push(Reject::new(
            source,
            RejectReason::Fetch,
            format!("link {url} is too deep to follow"),
        ));
    }
    (docs, rejects)
}

/// Reads the articles given on the command line (`extract`, `compare`),
/// without a store; an error when nothing was given.
pub(crate) fn collect_input(
    input: &crate::args::InputArgs,
) -> anyhow::Result<(Vec<Article>, Vec<Reject>)> {
    if input.paths.is_empty() && input.urls.is_empty() {
        anyhow::bail!("nothing to read: give files, directories, `-` for stdin, or --url URL");
    }
    let cfg = IngestConfig {
        fetch: parallax_ingest::FetchConfig {
            allow_private: input.allow_private,
            ..parallax_ingest::FetchConfig::default()
        },
        ..IngestConfig::default()
    };
    Ok(collect(&input.paths, &input.urls, &cfg))
}

/// Reads inputs and URLs into articles, without a store.
pub(crate) fn collect(
    inputs: &[String],
    urls: &[String],
    cfg: &IngestConfig,
) -> (Vec<Article>, Vec<Reject>) {
    let mut units = Vec::new();
    for input in inputs {
        read(input, cfg, &mut |u| units.push(u));
    }
    for url in urls {
        units.push(Unit::Fetch {
            url: url.clone(),
            source: SourceRef::url(url),
            hints: Hints::default(),
        });
    }
    let (docs, mut rejects) = gather(units, cfg, &mut None);
    let mut articles = Vec::with_capacity(docs.len());
    for d in docs {
        match d.into_article(cfg) {
            Ok(a) => articles.push(a),
            Err(r) => rejects.push(r),
        }
    }
    (articles, rejects)
}

type FetchReq = (String, SourceRef, Hints);
type WriteBatch = (Vec<Enriched>, Vec<Reject>);

fn split(
    units: Vec<Unit>,
    docs: &mut Vec<RawDoc>,
    rejects: &mut Vec<Reject>,
    fetches: &mut Vec<FetchReq>,
) {
    for u in units {
        match u {
            Unit::Doc(d) => docs.push(d),
            Unit::Reject(r) => rejects.push(r),
            Unit::Fetch { url, source, hints } => fetches.push((url, source, hints)),
        }
    }
}
