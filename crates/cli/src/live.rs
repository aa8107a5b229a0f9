//! Ingestion that lives as long as the process: `serve` and `watch` take
//! articles at any time (API posts, feed polls) through one writer thread
//! that owns the store's write side and the stories state.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use anyhow::Context;
use parallax_enrich::Enricher;
use parallax_ingest::{Fetcher, IngestConfig, Unit};
use parallax_server::{Ingest, IngestFailure, IngestReport};
use parallax_store::Store;
use parallax_text::Analyzer;

use crate::pipeline::{Sink, build_all, gather};
use crate::stories::StoryEngine;

/// The stories state is snapshotted at most this often (and at shutdown);
/// after a crash the next start replays what came after the snapshot.
const SAVE_EVERY: Duration = Duration::from_secs(60);

/// An exclusive claim on writing into a data directory: one ingest, serve or
/// watch process at a time, since each keeps the stories state in memory.
#[derive(Debug)]
pub(crate) struct WriterLock {
    _file: File,
}

impl WriterLock {
    /// Takes the lock, or explains who holds it.
    pub(crate) fn take(dir: &Path) -> anyhow::Result<WriterLock> {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("could not create the data directory {}", dir.display()))?;
        let path = dir.join("writer.lock");
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .with_context(|| format!("could not open {}", path.display()))?;
        match file.try_lock() {
            Ok(()) => Ok(WriterLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => anyhow::bail!(
                "another parallax process (ingest, serve or watch) is writing to {}; \
                 wait for it to finish, or serve this store read-only (`serve --read-only`)",
                dir.display()
            ),
            Err(std::fs::TryLockError::Error(e)) => {
                Err(e).with_context(|| format!("could not lock {}", path.display()))
            }
        }
    }
}

enum Msg {
    Ingest(Vec<Unit>, SyncSender<Result<IngestReport, IngestFailure>>),
    Stop,
}

/// The live ingest pipeline: a handle to its writer thread.
pub(crate) struct Live {
    tx: SyncSender<Msg>,
    worker: Option<JoinHandle<()>>,
    _lock: WriterLock,
}

impl Live {
    /// Opens the store for writing (taking the writer lock), loads the
    /// stories state and starts the writer thread.
    pub(crate) fn start(
        data_dir: PathBuf,
        cfg: IngestConfig,
        enricher: Enricher,
    ) -> anyhow::Result<Live> {
        let lock = WriterLock::take(&data_dir)?;
        let mut store = Store::open(&data_dir)
            .with_context(|| format!("could not open the store in {}", data_dir.display()))?;
        let mut engine = StoryEngine::load(&store)?;
        let analyzer = Analyzer::new();
        engine.catch_up(&mut store, &analyzer)?;
        let (tx, rx) = sync_channel::<Msg>(16);
        let worker = std::thread::Builder::new()
            .name("ingest-writer".into())
            .spawn(move || writer(rx, store, engine, analyzer, enricher, cfg))
            .context("could not start the ingest thread")?;
        Ok(Live { tx, worker: Some(worker), _lock: lock })
    }

    /// Stops the writer after the work already sent, saving the stories state.
    pub(crate) fn stop(mut self) {
        let _ = self.tx.send(Msg::Stop);
        if let Some(w) = self.worker.take() {
            let _ = w.join();
        }
    }
}

impl Ingest for Live {
    fn ingest(&self, units: Vec<Unit>) -> Result<IngestReport, IngestFailure> {
        let (rtx, rrx) = sync_channel(1);
        self.tx
            .send(Msg::Ingest(units, rtx))
            .map_err(|_| IngestFailure("the ingest thread has stopped".into()))?;
        rrx.recv().map_err(|_| IngestFailure("the ingest thread has stopped".into()))?
    }
}

fn writer(
    rx: Receiver<Msg>,
    mut store: Store,
    engine: StoryEngine,
    analyzer: Analyzer,
    enricher: Enricher,
    cfg: IngestConfig,
) {
    let cluster_cfg = engine.cluster_cfg.clone();
    let mut sink = Sink { store: &mut store, engine };
    let mut fetcher: Option<Fetcher> = None;
    let mut saved = Instant::now();
    let mut dirty = false;
    for msg in rx {
        let (units, reply) = match msg {
            Msg::Ingest(units, reply) => (units, reply),
            Msg::Stop => break,
        };
        let (docs, mut rejects) = gather(units, &cfg, &mut fetcher);
        let mut articles = Vec::with_capacity(docs.len());
        for r in build_all(docs, &cfg, &analyzer, Some(&enricher), &cluster_cfg) {
            match r {
                Ok(a) => articles.push(a),
                Err(rej) => rejects.push(rej),
            }
        }
        let ids: Vec<String> = articles.iter().map(|a| a.0.id.to_string()).collect();
        let result = sink
            .write(articles, &rejects)
            .map(|o| IngestReport {
                inserted: o.inserted,
                updated: o.updated,
                unchanged: o.unchanged,
                articles: ids,
                rejects,
            })
            .map_err(|e| IngestFailure(format!("{e:#}")));
        dirty = true;
        if saved.elapsed() >= SAVE_EVERY {
            save(&mut sink);
            saved = Instant::now();
            dirty = false;
        }
        let _ = reply.send(result);
    }
    if dirty {
        save(&mut sink);
    }
}

fn save(sink: &mut Sink<'_>) {
    if let Err(e) = sink.save() {
        tracing::warn!(error = %format!("{e:#}"), "Could not snapshot the stories state; the next start replays it.");
    }
}
