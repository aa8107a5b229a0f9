//! The feed watcher behind `parallax watch`: polls a list of RSS/Atom feeds on an
//! interval and returns only what is new, as the same [`Unit`]s the readers make.
//!
//! # The pieces
//!
//! - [`FeedList`] is the list of feeds, parsed from OPML or a plain-text file
//!   (one URL per line). The format is sniffed from the content.
//! - [`Watcher`] owns one [`Fetcher`] and one state per feed. The caller drives it:
//!   it calls [`Watcher::poll_due`] with the current [`Instant`], feeds the returned
//!   [`PollRound::units`] to the ingest pipeline, sleeps until [`Watcher::next_due`],
//!   and saves [`Watcher::state`] now and then so a restart resumes where it stopped.
//!   The watcher never sleeps, never reads the clock to decide what is due (only
//!   to stamp [`FeedStatus`] times), and does no I/O besides HTTP, so tests drive
//!   it with `Instant`s of their own.
//!
//! # A poll
//!
//! Every feed that is due is polled in the same round, on up to eight threads
//! ([`Watcher::set_parallelism`]). A slow or dead feed holds up only its own thread,
//! and its failure changes only its own schedule. One poll of one feed:
//!
//! 1. **Conditional GET.** The request carries the `ETag` (`If-None-Match`) and
//!    `Last-Modified` (`If-Modified-Since`) of the last good response. A 304 ends
//!    the poll: [`PollOutcome::NotModified`], no units.
//! 2. **Same body.** Many servers send no validators, or ignore them. A 200 whose
//!    body hashes to the last body's hash is also [`PollOutcome::NotModified`]. A
//!    gzip file served as such (not as `Content-Encoding`) is unpacked first,
//!    within [`IngestConfig::max_file_bytes`]; the body size limit itself is the
//!    [`Fetcher`]'s.
//! 3. **Parse and pick.** The body is parsed as a feed, each item gets a key, and
//!    the items whose key the feed has not shown before are new, in feed order,
//!    at most [`WatchConfig::max_items_per_poll`] of them. They are read exactly as
//!    [`read_bytes`](crate::read_bytes) reads a fetched feed (source
//!    `FeedItem { feed: url, item: n }`, hints from the feed), so a [`Unit::Doc`] per
//!    item with content, a [`Unit::Fetch`] per item link with
//!    [`IngestConfig::follow_links`], or a per-item [`Unit::Reject`].
//!
//! # Seen-item keys
//!
//! An item's key is a 64-bit hash of its `guid`/Atom `id`; without one, of its
//! link; without that, of its title and content. feed-rs's own made-up ids are
//! not used: for an item without a link they are random, so the item would be
//! new on every poll. Each feed remembers the keys of about the last 5,000 items
//! it showed (more when the feed itself lists more, so an item still in the feed
//! is never forgotten); the least recently seen go first. The first poll of a
//! feed returns all its items (up to the per-poll limit).
//!
//! When a body holds more new items than the per-poll limit, the rest are not
//! marked seen, the feed's validators and body hash are dropped (so the next
//! request cannot get a 304), and the feed is due again at once: the backlog
//! drains over the next rounds without waiting an interval each time.
//!
//! # Failures and back-off
//!
//! An HTTP error status, a transport error (DNS, refused connection, time-out,
//! TLS), a private address refused by the SSRF guard, a body over the size limit
//! or a body that is not a feed is a failure: [`PollOutcome::Failed`] in the
//! report *and* a [`Unit::Reject`] among the units (source `Url`, with the
//! Fetcher's reason, or [`RejectReason::MalformedXml`](parallax_model::RejectReason)
//! for a body that does not parse), so the pipeline keeps it in the reject log.
//! After `n` consecutive failures the feed waits `interval × 2^(n-1)`, capped at
//! [`WatchConfig::max_backoff`]; there is no jitter, so tests can assert the
//! schedule, and feeds drift apart anyway as they fail and recover at different
//! times. Any success (304 included) resets the count and the interval.
//!
//! # State
//!
//! [`WatchState`] (serde) holds per feed the validators, the last body's hash, the
//! seen keys, the failure count and the status times. [`Watcher::restore`] matches
//! it to the list by URL; feeds that left the list are dropped and new ones start
//! fresh. Schedules are not saved (an [`Instant`] means nothing in another
//! process): after a restore every feed is due at once, and thanks to the
//! validators that first round is mostly 304s.
//!
//! ```no_run
//! use std::time::Instant;
//! use parallax_ingest::{FeedList, IngestConfig, WatchConfig, Watcher};
//!
//! let feeds = FeedList::parse(b"https://example.org/rss.xml\n# comment\n").unwrap();
//! let mut watcher = Watcher::new(feeds, WatchConfig::default(), IngestConfig::default());
//! loop {
//!     let round = watcher.poll_due(Instant::now());
//!     // hand round.units to the pipeline, log round.reports, save watcher.state()
//!     # drop(round);
//!     let next = watcher.next_due().unwrap_or_else(Instant::now);
//!     std::thread::sleep(next.saturating_duration_since(Instant::now()));
//! }
//! ```

mod list;
mod poll;
mod state;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::{Fetcher, IngestConfig, Unit};

pub use list::{FeedList, FeedSpec, LineIssue, WatchError};
pub use state::{FeedStatus, WatchState};

use poll::{Attempt, Prior};
use state::{FeedState, hex, unhex};

/// Item keys remembered per feed (more when the feed itself lists more items).
const SEEN_CAP: usize = 5_000;

/// Feeds polled at once unless [`Watcher::set_parallelism`] says otherwise.
const DEFAULT_PARALLELISM: usize = 8;

/// The version written into [`WatchState`].
const STATE_VERSION: u32 = 1;

/// How often to poll and how to back off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchConfig {
    /// Time between two polls of a healthy feed. Default 5 minutes; anything under
    /// one second is taken as one second.
    pub interval: Duration,
    /// Longest wait after repeated failures. Default 6 hours; never less than
    /// `interval`.
    pub max_backoff: Duration,
    /// Most new items returned per feed per poll; the rest come in the next rounds.
    /// Default 200; 0 is taken as 1.
    pub max_items_per_poll: usize,
}

impl Default for WatchConfig {
    fn default() -> Self {
        WatchConfig {
            interval: Duration::from_secs(5 * 60),
            max_backoff: Duration::from_secs(6 * 3600),
            max_items_per_poll: 200,
        }
    }
}

/// What one call of [`Watcher::poll_due`] produced.
#[derive(Debug, Default)]
pub struct PollRound {
    /// New items' units and a reject per failed feed, grouped by feed in list order,
    /// items in feed order.
    pub units: Vec<Unit>,
    /// One report per feed polled, in list order.
    pub reports: Vec<FeedReport>,
}

/// How the poll of one feed went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedReport {
    /// The feed's URL.
    pub url: String,
    /// The outcome.
    pub outcome: PollOutcome,
}

/// The outcome of polling one feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PollOutcome {
    /// 304, or a body identical to the last one: nothing new.
    NotModified,
    /// A new body was read.
    Fetched {
        /// Items in the feed.
        items: usize,
        /// Items returned as new in this round (at most `max_items_per_poll`).
        new_items: usize,
    },
    /// The poll failed; a [`Unit::Reject`] with the same detail is among the units.
    Failed {
        /// The reject's detail.
        error: String,
        /// Failures in a row, this one included.
        consecutive_failures: u32,
        /// Time until the next try (the back-off).
        retry_in: Duration,
    },
}

/// Polls a list of feeds; see the [module docs](self).
#[derive(Debug)]
pub struct Watcher {
    feeds: Vec<Feed>,
    cfg: WatchConfig,
    ingest: IngestConfig,
    fetcher: Fetcher,
    /// When the watcher was made: feeds never polled are due from then.
    epoch: Instant,
    parallelism: usize,
}

#[derive(Debug)]
struct Feed {
    spec: crate::watch::FeedSpec,
    etag: Option<String>,
    last_modified: Option<String>,
    body_hash: Option<u64>,
    /// Item key → the feed's fetch count when the item was last in a body.
    seen: HashMap<u64, u64>,
    /// Fetches of a new body so far: the clock for ageing `seen`.
    generation: u64,
    failures: u32,
    /// `None`: due at once (never polled, or just restored).
    next_poll: Option<Instant>,
    last_poll: Option<DateTime<Utc>>,
    last_ok: Option<DateTime<Utc>>,
    last_error: Option<String>,
    items_seen: u64,
}

impl Feed {
    fn new(spec: FeedSpec) -> Self {
        Feed {
            spec,
            etag: None,
            last_modified: None,
            body_hash: None,
            seen: HashMap::new(),
            generation: 0,
            failures: 0,
            next_poll: None,
            last_poll: None,
            last_ok: None,
            last_error: None,
            items_seen: 0,
        }
    }

    fn due_at(&self, epoch: Instant) -> Instant {
        self.next_poll.unwrap_or(epoch)
    }

    fn is_due(&self, now: Instant) -> bool {
        self.next_poll.is_none_or(|t| t <= now)
    }
}

impl Watcher {
    /// A watcher over `feeds`, every feed due at once. It builds its own [`Fetcher`]
    /// from `ingest.fetch` (time-outs, size cap, private-address refusal), and reads
    /// feed bodies with `ingest` (`follow_links`, limits).
    pub fn new(feeds: FeedList, cfg: WatchConfig, ingest: IngestConfig) -> Watcher {
        let mut cfg = cfg;
        cfg.interval = cfg.interval.max(Duration::from_secs(1));
        cfg.max_backoff = cfg.max_backoff.max(cfg.interval);
        cfg.max_items_per_poll = cfg.max_items_per_poll.max(1);
        Watcher {
            feeds: feeds.feeds.into_iter().map(Feed::new).collect(),
            cfg,
            fetcher: Fetcher::new(ingest.fetch.clone()),
            ingest,
            epoch: Instant::now(),
            parallelism: DEFAULT_PARALLELISM,
        }
    }

    /// Sets how many feeds are fetched at once (default 8; 0 is taken as 1).
    pub fn set_parallelism(&mut self, threads: usize) {
        self.parallelism = threads.max(1);
    }

    /// The settings in force (after the clamping described on [`WatchConfig`]).
    pub fn config(&self) -> &WatchConfig {
        &self.cfg
    }

    /// Polls every feed due at `now` and returns the new items' units and a report
    /// per polled feed. Feeds not due are left alone; a round with nothing due
    /// returns an empty [`PollRound`] at once.
    pub fn poll_due(&mut self, now: Instant) -> PollRound {
        let due: Vec<usize> =
            (0..self.feeds.len()).filter(|&i| self.feeds[i].is_due(now)).collect();
        let attempts = self.fetch_all(&due);
        let mut round = PollRound::default();
        for (i, attempt) in due.into_iter().zip(attempts) {
            let outcome = self.apply(i, attempt, now, &mut round.units);
            round.reports.push(FeedReport { url: self.feeds[i].spec.url.clone(), outcome });
        }
        round
    }

    /// When the next feed is due (possibly already past); `None` with no feeds.
    pub fn next_due(&self) -> Option<Instant> {
        self.feeds.iter().map(|f| f.due_at(self.epoch)).min()
    }

    /// Every feed's health, in list order, with `next_poll_in_secs` counted from now.
    pub fn status(&self) -> Vec<FeedStatus> {
        self.status_at(Instant::now())
    }

    /// As [`Watcher::status`], with `next_poll_in_secs` counted from `now`.
    pub fn status_at(&self, now: Instant) -> Vec<FeedStatus> {
        self.feeds
            .iter()
            .map(|f| {
                let wait = f.due_at(self.epoch).saturating_duration_since(now);
                FeedStatus {
                    url: f.spec.url.clone(),
                    title: f.spec.title.clone(),
                    last_poll: f.last_poll,
                    last_ok: f.last_ok,
                    last_error: f.last_error.clone(),
                    consecutive_failures: f.failures,
                    next_poll_in_secs: wait.as_secs() + u64::from(wait.subsec_nanos() > 0),
                    items_seen: f.items_seen,
                    remembered_items: f.seen.len(),
                    has_etag: f.etag.is_some(),
                    has_last_modified: f.last_modified.is_some(),
                }
            })
            .collect()
    }

    /// The state to save between runs (see [`WatchState`]).
    pub fn state(&self) -> WatchState {
        let feeds = self
            .feeds
            .iter()
            .map(|f| {
                let mut seen: Vec<(u64, u64)> = f.seen.iter().map(|(&k, &g)| (g, k)).collect();
                seen.sort_unstable();
                FeedState {
                    url: f.spec.url.clone(),
                    etag: f.etag.clone(),
                    last_modified: f.last_modified.clone(),
                    body_hash: f.body_hash.map(hex),
                    consecutive_failures: f.failures,
                    last_poll: f.last_poll,
                    last_ok: f.last_ok,
                    last_error: f.last_error.clone(),
                    items_seen: f.items_seen,
                    seen: seen.into_iter().map(|(_, k)| hex(k)).collect(),
                }
            })
            .collect();
        WatchState { version: STATE_VERSION, feeds }
    }

    /// Takes back a saved state: feeds are matched by URL (after the same
    /// normalisation as the feed list), feeds not in the list are ignored, and every
    /// restored feed is due at once. Unreadable hashes are skipped.
    pub fn restore(&mut self, s: WatchState) {
        let mut by_url: HashMap<String, FeedState> = HashMap::new();
        for fs in s.feeds {
            let url = list::normalise_url(&fs.url).unwrap_or_else(|_| fs.url.clone());
            by_url.insert(url, fs);
        }
        for f in &mut self.feeds {
            let url = list::normalise_url(&f.spec.url).unwrap_or_else(|_| f.spec.url.clone());
            let Some(fs) = by_url.remove(&url) else { continue };
            let keys: Vec<u64> = fs.seen.iter().filter_map(|k| unhex(k)).collect();
            f.generation = keys.len() as u64;
            f.seen = keys.into_iter().enumerate().map(|(g, k)| (k, g as u64)).collect();
            f.etag = fs.etag;
            f.last_modified = fs.last_modified;
            f.body_hash = fs.body_hash.as_deref().and_then(unhex);
            f.failures = fs.consecutive_failures;
            f.last_poll = fs.last_poll;
            f.last_ok = fs.last_ok;
            f.last_error = fs.last_error;
            f.items_seen = fs.items_seen;
            f.next_poll = None;
        }
    }

    /// Polls the feeds at `due` (indices) on up to `parallelism` threads; the
    /// attempts come back in the same order.
    fn fetch_all(&self, due: &[usize]) -> Vec<Attempt> {
        let max_items = self.cfg.max_items_per_poll;
        let poll_one = |i: usize| {
            let f = &self.feeds[i];
            let prior = Prior {
                url: &f.spec.url,
                etag: f.etag.as_deref(),
                last_modified: f.last_modified.as_deref(),
                body_hash: f.body_hash,
                seen: &f.seen,
            };
            poll::poll_feed(&self.fetcher, &self.ingest, max_items, &prior)
        };
        let threads = self.parallelism.min(due.len());
        if threads <= 1 {
            return due.iter().map(|&i| poll_one(i)).collect();
        }
        let next = AtomicUsize::new(0);
        let mut slots: Vec<Option<Attempt>> = due.iter().map(|_| None).collect();
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        let mut done = Vec::new();
                        loop {
                            let n = next.fetch_add(1, Ordering::Relaxed);
                            let Some(&i) = due.get(n) else { break };
                            done.push((n, poll_one(i)));
                        }
                        done
                    })
                })
                .collect();
            for w in workers {
                // A worker that panicked leaves its slots empty; they fail below.
                for (n, attempt) in w.join().unwrap_or_default() {
                    slots[n] = Some(attempt);
                }
            }
        });
        slots
            .into_iter()
            .zip(due)
            .map(|(a, &i)| {
                a.unwrap_or_else(|| {
                    Attempt::Failed(parallax_model::Reject::new(
                        parallax_model::SourceRef::url(&self.feeds[i].spec.url),
                        parallax_model::RejectReason::Fetch,
                        "internal error: the polling thread stopped",
                    ))
                })
            })
            .collect()
    }

    /// Applies one attempt to feed `i`'s state, pushes its units and returns its
    /// outcome.
    fn apply(
        &mut self,
        i: usize,
        attempt: Attempt,
        now: Instant,
        units: &mut Vec<Unit>,
    ) -> PollOutcome {
        let cfg = &self.cfg;
        let f = &mut self.feeds[i];
        let wall = Utc::now();
        f.last_poll = Some(wall);
        let ok = |f: &mut Feed| {
            f.failures = 0;
            f.last_ok = Some(wall);
            f.last_error = None;
            f.next_poll = Some(now + cfg.interval);
        };
        match attempt {
            Attempt::NotModified => {
                ok(f);
                PollOutcome::NotModified
            }
            Attempt::SameBody { etag, last_modified } => {
                ok(f);
                f.etag = etag;
                f.last_modified = last_modified;
                PollOutcome::NotModified
            }
            Attempt::Fetched(fetch) => {
                ok(f);
                if fetch.backlog {
                    // Make sure the next request gets the body, not a 304, and
                    // come back at once for the rest.
                    f.etag = None;
                    f.last_modified = None;
                    f.body_hash = None;
                    f.next_poll = Some(now);
                } else {
                    f.etag = fetch.etag;
                    f.last_modified = fetch.last_modified;
                    f.body_hash = Some(fetch.body_hash);
                }
                f.generation += 1;
                let generation = f.generation;
                for k in &fetch.keys {
                    if let Some(g) = f.seen.get_mut(k) {
                        *g = generation;
                    }
                }
                for &k in &fetch.emitted {
                    f.seen.insert(k, generation);
                }
                forget_oldest(&mut f.seen, SEEN_CAP.max(fetch.keys.len()));
                f.items_seen += fetch.emitted.len() as u64;
                units.extend(fetch.units);
                PollOutcome::Fetched { items: fetch.keys.len(), new_items: fetch.emitted.len() }
            }
            Attempt::Failed(reject) => {
                f.failures = f.failures.saturating_add(1);
                let retry_in = backoff(cfg, f.failures);
                f.next_poll = Some(now + retry_in);
                f.last_error = Some(reject.detail.clone());
                let outcome = PollOutcome::Failed {
                    error: reject.detail.clone(),
                    consecutive_failures: f.failures,
                    retry_in,
                };
                units.push(Unit::Reject(reject));
                outcome
            }
        }
    }
}

/// `interval × 2^(failures-1)`, capped at `max_backoff`.
fn backoff(cfg: &WatchConfig, failures: u32) -> Duration {
    let doublings = failures.saturating_sub(1).min(31);
    cfg.interval.checked_mul(1_u32 << doublings).map_or(cfg.max_backoff, |d| d.min(cfg.max_backoff))
}

/// Drops the least recently seen keys until at most `cap` are left.
fn forget_oldest(seen: &mut HashMap<u64, u64>, cap: usize) {
    if seen.len() <= cap {
        return;
    }
    let mut by_age: Vec<(u64, u64)> = seen.iter().map(|(&k, &g)| (g, k)).collect();
    by_age.sort_unstable();
    for &(_, k) in &by_age[..by_age.len() - cap] {
        seen.remove(&k);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_caps() {
        let cfg = WatchConfig {
            interval: Duration::from_secs(60),
            max_backoff: Duration::from_secs(600),
            max_items_per_poll: 10,
        };
        let secs: Vec<u64> = (1..=6).map(|n| backoff(&cfg, n).as_secs()).collect();
        assert_eq!(secs, [60, 120, 240, 480, 600, 600]);
        assert_eq!(backoff(&cfg, u32::MAX).as_secs(), 600);
    }

    #[test]
    fn forgets_least_recently_seen() {
        let mut seen: HashMap<u64, u64> = (0..10).map(|k| (k, k / 2)).collect();
        forget_oldest(&mut seen, 4);
        let mut left: Vec<u64> = seen.into_keys().collect();
        left.sort_unstable();
        assert_eq!(left, [6, 7, 8, 9]);
    }
}
