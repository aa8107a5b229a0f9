//! `parallax serve` and `parallax watch`: the HTTP server over the store, and
//! the feed poller that ingests while it serves.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use parallax_compare::{CompareConfig, Comparer};
use parallax_enrich::Enricher;
use parallax_ingest::{
    FeedList, FetchConfig, IngestConfig, PollOutcome, WatchConfig, WatchState, Watcher,
};
use parallax_server::{AppState, Ingest, ServerConfig};

use crate::args::{HttpOpts, ServeArgs, WatchArgs};
use crate::commands::compare::load_wordnet;
use crate::commands::extract::load_lexicon;
use crate::live::Live;
use crate::printer;
use crate::settings::Settings;

/// The file in the data directory that keeps feed state between runs.
const WATCH_STATE: &str = "watch-state.json";

fn ingest_config(h: &HttpOpts, follow: bool) -> IngestConfig {
    IngestConfig {
        follow_links: follow,
        fetch: FetchConfig { allow_private: h.allow_private, ..FetchConfig::default() },
        ..IngestConfig::default()
    }
}

fn server_config(s: &Settings, h: &HttpOpts, ingest: IngestConfig) -> ServerConfig {
    ServerConfig {
        token: h.token.clone().filter(|t| !t.is_empty()),
        max_body_bytes: h.max_body_mib.max(1) << 20,
        request_timeout: Duration::from_secs(h.request_timeout.max(1)),
        cors_origins: h.cors.clone(),
        ingest,
        ..ServerConfig::new(s.data_dir.clone())
    }
}

fn warn_open_writes(h: &HttpOpts, writable: bool) {
    if writable && h.token.is_none() && !h.addr.ip().is_loopback() {
        printer::eprintln(&format!(
            "warning: serving on {} with writes open to anyone; set --token or PARALLAX_TOKEN",
            h.addr
        ));
    }
}

pub(crate) fn serve(s: &Settings, a: ServeArgs) -> anyhow::Result<ExitCode> {
    let ingest_cfg = ingest_config(&a.http, false);
    let enricher = Enricher::new(load_lexicon(a.http.lexicons.as_deref())?);
    let live = if a.read_only {
        None
    } else {
        Some(Arc::new(Live::start(s.data_dir.clone(), ingest_cfg.clone(), enricher.clone())?))
    };
    warn_open_writes(&a.http, live.is_some());
    let comparer =
        Comparer::new(CompareConfig::default(), load_wordnet(a.http.lexicons.as_deref())?);
    let cfg = server_config(s, &a.http, ingest_cfg);
    let ingest = live.clone().map(|l| l as Arc<dyn Ingest>);
    let state = AppState::open(cfg, ingest, enricher, comparer)?;
    printer::eprintln(&format!(
        "parallax: serving {} on http://{}/",
        s.data_dir.display(),
        a.http.addr
    ));
    let served = parallax_server::run(state, a.http.addr);
    stop(live);
    served?;
    Ok(ExitCode::SUCCESS)
}

/// Stops the live writer when this is the last handle (the server's state
/// may still hold one in a background thread: then the writer's periodic
/// snapshot and the next start's replay cover it).
fn stop(live: Option<Arc<Live>>) {
    if let Some(l) = live
        && let Ok(l) = Arc::try_unwrap(l)
    {
        l.stop();
    }
}

pub(crate) fn watch(s: &Settings, a: WatchArgs) -> anyhow::Result<ExitCode> {
    let feeds = FeedList::load(&a.feeds)
        .with_context(|| format!("could not read the feed list {}", a.feeds.display()))?;
    anyhow::ensure!(!feeds.feeds.is_empty(), "no feed in {}", a.feeds.display());
    let ingest_cfg = ingest_config(&a.http, a.follow);
    let enricher = Enricher::new(load_lexicon(a.http.lexicons.as_deref())?);
    let live = Arc::new(Live::start(s.data_dir.clone(), ingest_cfg.clone(), enricher.clone())?);
    let mut watcher = Watcher::new(
        feeds,
        WatchConfig { interval: a.interval, ..WatchConfig::default() },
        ingest_cfg.clone(),
    );
    let state_path = s.data_dir.join(WATCH_STATE);
    if let Some(st) = load_state(&state_path) {
        watcher.restore(st);
    }
    printer::eprintln(&format!(
        "parallax: watching {} feeds every {:?}",
        watcher.status().len(),
        a.interval
    ));
    if a.no_serve {
        poll_loop(&mut watcher, live.as_ref(), &state_path, a.rounds);
        stop(Some(live));
        return Ok(ExitCode::SUCCESS);
    }
    warn_open_writes(&a.http, true);
    let comparer =
        Comparer::new(CompareConfig::default(), load_wordnet(a.http.lexicons.as_deref())?);
    let cfg = server_config(s, &a.http, ingest_cfg);
    let state = AppState::open(cfg, Some(live.clone() as Arc<dyn Ingest>), enricher, comparer)?;
    let poller_live = live.clone();
    let rounds = a.rounds;
    std::thread::Builder::new()
        .name("feed-poller".into())
        .spawn(move || poll_loop(&mut watcher, poller_live.as_ref(), &state_path, rounds))
        .context("could not start the feed poller")?;
    printer::eprintln(&format!(
        "parallax: serving {} on http://{}/",
        s.data_dir.display(),
        a.http.addr
    ));
    drop(live);
    parallax_server::run(state, a.http.addr)?;
    Ok(ExitCode::SUCCESS)
}

fn load_state(path: &Path) -> Option<WatchState> {
    let bytes = std::fs::read(path).ok()?;
    match serde_json::from_slice(&bytes) {
        Ok(s) => Some(s),
        Err(e) => {
            tracing::warn!(path = %path.display(), error = %e, "Feed state unreadable; starting afresh.");
            None
        }
    }
}

fn save_state(path: &PathBuf, w: &Watcher) {
    let tmp = path.with_extension("json.tmp");
    let written = serde_json::to_vec(&w.state())
        .map_err(std::io::Error::other)
        .and_then(|b| std::fs::write(&tmp, b))
        .and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = written {
        tracing::warn!(path = %path.display(), error = %e, "Could not save the feed state.");
    }
}

/// Polls due feeds, ingests what is new, sleeps until the next feed is due.
fn poll_loop(w: &mut Watcher, live: &Live, state_path: &PathBuf, rounds: Option<u64>) {
    let mut done = 0u64;
    loop {
        let round = w.poll_due(Instant::now());
        for r in &round.reports {
            match &r.outcome {
                PollOutcome::NotModified => tracing::info!(feed = %r.url, "Not modified."),
                PollOutcome::Fetched { items, new_items } => {
                    tracing::info!(feed = %r.url, items, new_items, "Polled.")
                }
                PollOutcome::Failed { error, consecutive_failures, retry_in } => {
                    printer::eprintln(&format!(
                        "feed {} failed ({consecutive_failures} in a row; next try in {}s): {error}",
                        r.url,
                        retry_in.as_secs()
                    ));
                }
            }
        }
        if !round.units.is_empty() {
            match live.ingest(round.units) {
                Ok(rep) => {
                    if rep.inserted + rep.updated > 0 || !rep.rejects.is_empty() {
                        printer::eprintln(&format!(
                            "ingested {} new, {} updated, {} rejected",
                            rep.inserted,
                            rep.updated,
                            rep.rejects.len()
                        ));
                    }
                }
                Err(e) => printer::eprintln(&format!("ingest failed: {e}")),
            }
        }
        if !round.reports.is_empty() {
            save_state(state_path, w);
            done += 1;
        }
        if rounds.is_some_and(|n| done >= n) {
            return;
        }
        let wait = w
            .next_due()
            .map(|t| t.saturating_duration_since(Instant::now()))
            .unwrap_or(Duration::from_secs(1))
            .clamp(Duration::from_millis(200), Duration::from_secs(60));
        std::thread::sleep(wait);
    }
}
