//! What the watcher shows ([`FeedStatus`]) and what it keeps across restarts
//! ([`WatchState`]).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One feed's health, for `parallax watch` to print or serve as JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeedStatus {
    /// The feed's URL.
    pub url: String,
    /// The title the feed list gave it.
    pub title: Option<String>,
    /// When it was last polled (wall clock, UTC), whatever the outcome.
    pub last_poll: Option<DateTime<Utc>>,
    /// When a poll last succeeded (a new body, the same body, or 304).
    pub last_ok: Option<DateTime<Utc>>,
    /// The last failure's detail, cleared by a success.
    pub last_error: Option<String>,
    /// Failures since the last success; drives the back-off.
    pub consecutive_failures: u32,
    /// Seconds until the feed is due, rounded up; 0 when due now.
    pub next_poll_in_secs: u64,
    /// Items returned as new since the watcher first saw the feed (kept in the state).
    pub items_seen: u64,
    /// Item keys remembered to recognise items already returned (at most ~5,000, or
    /// the feed's own length when that is more).
    pub remembered_items: usize,
    /// An `ETag` is stored for the next conditional request.
    pub has_etag: bool,
    /// A `Last-Modified` is stored for the next conditional request.
    pub has_last_modified: bool,
}

/// Everything that must survive a restart: per feed its validators, the hash of
/// its last body, its seen-item keys and its failure count. Serialise it with
/// serde (JSON) between runs and give it back to [`super::Watcher::restore`].
///
/// The format is versioned (`version`, now 1) and every field has a default, so
/// an older or partial file still loads. Hashes are 16-digit hex strings, not
/// JSON numbers, so tools that read numbers as doubles (jq, JavaScript) do not
/// corrupt them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WatchState {
    pub(super) version: u32,
    pub(super) feeds: Vec<FeedState>,
}

impl WatchState {
    /// The number of feeds the state describes.
    pub fn len(&self) -> usize {
        self.feeds.len()
    }

    /// True when the state describes no feed.
    pub fn is_empty(&self) -> bool {
        self.feeds.is_empty()
    }
}

/// The saved state of one feed, keyed by its normalised URL.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub(super) struct FeedState {
    pub(super) url: String,
    pub(super) etag: Option<String>,
    pub(super) last_modified: Option<String>,
    pub(super) body_hash: Option<String>,
    pub(super) consecutive_failures: u32,
    pub(super) last_poll: Option<DateTime<Utc>>,
    pub(super) last_ok: Option<DateTime<Utc>>,
    pub(super) last_error: Option<String>,
    pub(super) items_seen: u64,
    /// Seen item keys, least recently seen first.
    pub(super) seen: Vec<String>,
}

pub(super) fn hex(h: u64) -> String {
    format!("{h:016x}")
}

pub(super) fn unhex(s: &str) -> Option<u64> {
    u64::from_str_radix(s, 16).ok()
}
