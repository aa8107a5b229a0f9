//! One poll of one feed: fetch, compare, parse, pick the new items. No shared
//! state is changed here, so feeds are polled on worker threads and the results
//! applied afterwards in list order.

use std::collections::{HashMap, HashSet};
use std::io::Read;

use flate2::read::MultiGzDecoder;
use parallax_model::{Reject, RejectReason, SourceRef};

use crate::{Fetcher, Hints, IngestConfig, RawDoc, Unit, feed};

/// What the watcher knew about a feed before this poll.
pub(super) struct Prior<'a> {
    pub(super) url: &'a str,
    pub(super) etag: Option<&'a str>,
    pub(super) last_modified: Option<&'a str>,
    pub(super) body_hash: Option<u64>,
    pub(super) seen: &'a HashMap<u64, u64>,
}

/// The result of one poll, before it is applied to the feed's state.
pub(super) enum Attempt {
    /// 304 Not Modified.
    NotModified,
    /// 200, but the body is byte for byte the last one.
    SameBody { etag: Option<String>, last_modified: Option<String> },
    /// A new body, parsed.
    Fetched(Fetch),
    /// Fetching or parsing failed.
    Failed(Reject),
}

pub(super) struct Fetch {
    pub(super) etag: Option<String>,
    pub(super) last_modified: Option<String>,
    pub(super) body_hash: u64,
    /// The key of every item in the feed, in feed order.
    pub(super) keys: Vec<u64>,
    /// The keys of the items whose units are returned.
    pub(super) emitted: Vec<u64>,
    /// The units of the new items, in feed order.
    pub(super) units: Vec<Unit>,
    /// More new items than the per-poll limit: the rest wait for the next poll.
    pub(super) backlog: bool,
}

pub(super) fn poll_feed(
    fetcher: &Fetcher,
    cfg: &IngestConfig,
    max_items: usize,
    prior: &Prior<'_>,
) -> Attempt {
    let url = prior.url;
    let fetched = match fetcher.fetch_conditional(url, prior.etag, prior.last_modified) {
        Ok(None) => return Attempt::NotModified,
        Ok(Some(f)) => f,
        Err(reject) => return Attempt::Failed(reject),
    };
    let reject =
        |reason, detail: String| Attempt::Failed(Reject::new(SourceRef::url(url), reason, detail));
    let mut body = fetched.body;
    // A `.xml.gz` served as a file rather than with `Content-Encoding: gzip`.
    if body.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        let res = MultiGzDecoder::new(&body[..]).take(cfg.max_file_bytes + 1).read_to_end(&mut out);
        match res {
            Err(e) => {
                return reject(RejectReason::Truncated, format!("gzip data is corrupt: {e}"));
            }
            Ok(_) if out.len() as u64 > cfg.max_file_bytes => {
                return reject(
                    RejectReason::TooLarge,
                    "decompresses to over the size limit".into(),
                );
            }
            Ok(_) => body = out,
        }
    }
    let body_hash = hash64(&body);
    if prior.body_hash == Some(body_hash) {
        return Attempt::SameBody { etag: fetched.etag, last_modified: fetched.last_modified };
    }
    // feed-rs invents an id for an item without one: a hash of its link and title, or
    // a random UUID when it has no link, which would make the item new on every
    // poll. An empty id from this generator lets `item_key` decide instead.
    let parser = feed_rs::parser::Builder::new().id_generator(|_, _, _| String::new()).build();
    let parsed = match parser.parse(&body[..]) {
        Ok(f) => f,
        Err(e) => {
            return reject(RejectReason::MalformedXml, format!("not a valid RSS/Atom feed: {e}"));
        }
    };
    let keys: Vec<u64> = parsed.entries.iter().map(item_key).collect();
    drop(parsed);

    let mut wanted = HashSet::new();
    let mut emitted = Vec::new();
    let mut this_body = HashSet::new();
    let mut backlog = false;
    for (i, &k) in keys.iter().enumerate() {
        // An item listed twice in one body counts once.
        if prior.seen.contains_key(&k) || !this_body.insert(k) {
            continue;
        }
        if emitted.len() >= max_items {
            backlog = true;
            break;
        }
        wanted.insert(i as u64 + 1);
        emitted.push(k);
    }

    let mut units = Vec::new();
    if !emitted.is_empty() {
        // Exactly what `read_bytes(SourceRef::url(url), ..)` does with a feed body (and
        // what the CLI's pipeline does with a fetched feed), minus the sniffing: the
        // body has just parsed as a feed, so it is read as one.
        let hints = Hints { url: Some(fetched.final_url.clone()), ..Hints::default() };
        feed::read(&body, url, &hints, cfg, &mut |u| {
            let item = match &u {
                Unit::Doc(RawDoc { source, .. })
                | Unit::Reject(Reject { source, .. })
                | Unit::Fetch { source, .. } => match source {
                    SourceRef::FeedItem { item, .. } => Some(*item),
                    _ => None,
                },
            };
            // Units of no single item (none are expected after a good parse) pass.
            if item.is_none_or(|i| wanted.contains(&i)) {
                units.push(u);
            }
        });
    }
    Attempt::Fetched(Fetch {
        etag: fetched.etag,
        last_modified: fetched.last_modified,
        body_hash,
        keys,
        emitted,
        units,
        backlog,
    })
}

/// The identity of a feed item across polls: its id (`guid`, Atom `id`), else its
/// link (chosen as the feed reader chooses it), else its title and content. The
/// kind is hashed in, so an id never equals a link by accident.
fn item_key(entry: &feed_rs::model::Entry) -> u64 {
    let id = entry.id.trim();
    if !id.is_empty() {
        return hash_parts(&["id", id]);
    }
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.trim())
        .filter(|l| !l.is_empty());
    if let Some(link) = link {
        return hash_parts(&["link", link]);
    }
    let title = entry.title.as_ref().map_or("", |t| t.content.as_str());
    let content = entry.content.as_ref().and_then(|c| c.body.as_deref()).unwrap_or("");
    let summary = entry.summary.as_ref().map_or("", |s| s.content.as_str());
    hash_parts(&["text", title, content, summary])
}

fn hash_parts(parts: &[&str]) -> u64 {
    let mut h = Fnv::new();
    for p in parts {
        h.write(p.as_bytes());
        h.write(&[0xff]); // a separator no UTF-8 text contains
    }
    h.finish()
}

/// The hash of a body or an item key: 64-bit FNV-1a with a final avalanche. Our own
/// code, so the values stored in a [`super::WatchState`] stay valid across Rust and
/// crate versions (std's `DefaultHasher` promises no such thing). Not
/// collision-resistant against an adversary, which costs at most a missed item of
/// the feed that crafted the collision.
pub(super) fn hash64(bytes: &[u8]) -> u64 {
    let mut h = Fnv::new();
    h.write(bytes);
    h.finish()
}

struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        // splitmix64's finaliser.
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable() {
        // Stored in watch state files: these values must never change.
        assert_eq!(hash64(b""), 0xf52a_15e9_a9b5_e89b);
        assert_eq!(hash64(b"parallax"), 0x3a30_21f5_f1c5_441c);
        assert_ne!(hash_parts(&["id", "a"]), hash_parts(&["link", "a"]));
        assert_ne!(hash_parts(&["text", "ab", ""]), hash_parts(&["text", "a", "b"]));
    }
}
