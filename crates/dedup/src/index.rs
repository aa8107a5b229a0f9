//! [`DedupIndex`]: the online near-duplicate index.

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use parallax_model::ArticleId;
use serde::{Deserialize, Serialize};

use crate::config::DedupConfig;
use crate::error::Result;
use crate::minhash;
use crate::shingle::{Shingles, similarity};

/// The id of a near-duplicate group: the raw value of its canonical article's
/// [`ArticleId`], so it is the same across restarts and re-ingests of the same
/// input, and a group id always names an article that exists.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct GroupId(pub u64);

impl fmt::Display for GroupId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "g{:016x}", self.0)
    }
}

impl fmt::Debug for GroupId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// What [`DedupIndex::add`] decided for one article, with its evidence.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DedupDecision {
    /// The article's group.
    pub group: GroupId,
    /// The group's canonical article (the first of the group the index saw);
    /// the article itself when it starts a new group.
    pub canonical: ArticleId,
    /// Exact Jaccard similarity (0–1) of the article's shingle set and the
    /// canonical's; 1 for a new group's own canonical.
    pub similarity: f32,
    /// Exact containment (0–1) of the shorter of the two shingle sets in the
    /// longer; 1 for a new group's own canonical.
    pub containment: f32,
    /// True when the article matched no live canonical and became the
    /// canonical of a new group.
    pub is_new_group: bool,
}

/// "No next entry" in a bucket chain.
const NONE: u64 = u64::MAX;

/// A live canonical: what exact verification and eviction need.
#[derive(Debug, Clone)]
pub(crate) struct Canon {
    pub(crate) id: ArticleId,
    /// Index (0-based, in add order) of the article that created it.
    pub(crate) born: u64,
    /// Its publication time (Unix seconds), when given.
    pub(crate) time: Option<i64>,
    pub(crate) shingles: Shingles,
    /// LSH key of each band.
    keys: Box<[u64]>,
    /// For each band, the sequence number of the canonical that headed the
    /// same bucket before this one (older), or [`NONE`].
    next: Box<[u64]>,
}

/// Band keys are already uniform 64-bit hashes: use them as they are.
#[derive(Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8)) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// The online near-duplicate index (see the [crate doc](crate) for the design).
///
/// Articles are added one by one in publication order; each is compared with
/// the **canonical** articles of the live groups only, never with other
/// members, so groups cannot chain. Canonicals older than the recency window
/// ([`DedupConfig::window_articles`], [`DedupConfig::window_secs`]) are
/// dropped with their LSH entries.
///
/// Serialize it with serde (any format) or [`DedupIndex::to_bytes`]; both keep
/// only the config, the counters and each live canonical's id, time and
/// shingle set: the LSH buckets are rebuilt on load.
pub struct DedupIndex {
    pub(crate) config: DedupConfig,
    bands: usize,
    rows: usize,
    /// Live canonicals, oldest first; `canon[i]` has sequence number
    /// `front_seq + i`.
    pub(crate) canon: VecDeque<Canon>,
    front_seq: u64,
    /// LSH bucket key → sequence number of the newest canonical in it.
    heads: HashMap<u64, u64, BuildHasherDefault<KeyHasher>>,
    /// Articles added so far.
    pub(crate) articles: u64,
    /// Latest publication time seen (Unix seconds).
    pub(crate) clock: Option<i64>,
    sig: Vec<u32>,
    keys: Vec<u64>,
    cands: Vec<(u32, u64)>,
}

impl fmt::Debug for DedupIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DedupIndex")
            .field("bands", &self.bands)
            .field("rows", &self.rows)
            .field("articles", &self.articles)
            .field("live_canonicals", &self.canon.len())
            .finish_non_exhaustive()
    }
}

impl DedupIndex {
    /// An empty index; fails on out-of-range settings.
    pub fn new(config: DedupConfig) -> Result<DedupIndex> {
        let (bands, rows) = config.resolve()?;
        Ok(DedupIndex {
            config,
            bands,
            rows,
            canon: VecDeque::new(),
            front_seq: 0,
            heads: HashMap::default(),
            articles: 0,
            clock: None,
            sig: Vec::with_capacity(bands * rows),
            keys: Vec::with_capacity(bands),
            cands: Vec::new(),
        })
    }

    /// The settings in force.
    pub fn config(&self) -> &DedupConfig {
        &self.config
    }

    /// The LSH layout chosen from the config: `(bands, rows)`.
    pub fn bands_rows(&self) -> (usize, usize) {
        (self.bands, self.rows)
    }

    /// Articles added so far.
    pub fn articles(&self) -> u64 {
        self.articles
    }

    /// Canonicals currently kept for verification (inside the window).
    pub fn live_canonicals(&self) -> usize {
        self.canon.len()
    }

    /// Approximate heap bytes held by the index (shingle sets, band keys and
    /// bucket table).
    pub fn memory_bytes(&self) -> usize {
        let per_canon: usize = self
            .canon
            .iter()
            .map(|c| c.shingles.heap_bytes() + (c.keys.len() + c.next.len()) * 8)
            .sum();
        self.canon.capacity() * std::mem::size_of::<Canon>()
            + per_canon
            + self.heads.capacity() * (16 + 1)
    }

    /// Adds an article without a publication time (only the article-count
    /// window applies to it). See [`DedupIndex::add_at`].
    pub fn add(&mut self, id: ArticleId, shingles: &Shingles) -> DedupDecision {
        self.add_at(id, None, shingles)
    }

    /// Adds the next article (in publication order) and returns its group.
    ///
    /// `published` is its publication time in Unix seconds, which drives the
    /// time window. Steps: drop canonicals that left the window; find
    /// candidate canonicals through the LSH buckets; verify each with exact
    /// Jaccard and containment; join the best verified canonical's group
    /// (highest Jaccard), or start a new group with this article as canonical.
    /// An article with no word always starts its own group and is not indexed.
    pub fn add_at(
        &mut self,
        id: ArticleId,
        published: Option<i64>,
        shingles: &Shingles,
    ) -> DedupDecision {
        let index = self.articles;
        self.articles += 1;
        if let Some(t) = published {
            self.clock = Some(self.clock.map_or(t, |c| c.max(t)));
        }
        self.evict(index);
        let own = DedupDecision {
            group: GroupId(id.as_u64()),
            canonical: id,
            similarity: 1.0,
            containment: 1.0,
            is_new_group: true,
        };
        if shingles.is_empty() {
            return own;
        }
        minhash::signature(shingles.as_slice(), self.bands * self.rows, &mut self.sig);
        minhash::band_keys(&self.sig, self.bands, self.rows, &mut self.keys);
        if let Some(found) = self.best_match(id, shingles) {
            return found;
        }
        self.insert(id, index, published, shingles.clone());
        own
    }

    /// Drops canonicals that fell out of the window before article `index`.
    fn evict(&mut self, index: u64) {
        while let Some(front) = self.canon.front() {
            let too_many = index.saturating_sub(front.born) >= self.config.window_articles;
            let too_old = match (self.config.window_secs, self.clock, front.time) {
                (Some(w), Some(now), Some(t)) => now.saturating_sub(t) > w,
                _ => false,
            };
            if !(too_many || too_old) {
                break;
            }
            // Chains run newest → oldest, so the front (oldest live) canonical
            // is the last live entry of each of its buckets: the bucket goes
            // only when it is also the head; otherwise the links to it become
            // dangling and are cut by the `>= front_seq` test when walking.
            for &key in front.keys.iter() {
                if self.heads.get(&key) == Some(&self.front_seq) {
                    self.heads.remove(&key);
                }
            }
            self.canon.pop_front();
            self.front_seq += 1;
        }
    }

    fn get(&self, seq: u64) -> Option<&Canon> {
        if seq == NONE || seq < self.front_seq {
            return None;
        }
        self.canon.get(usize::try_from(seq - self.front_seq).ok()?)
    }

    fn best_match(&mut self, id: ArticleId, shingles: &Shingles) -> Option<DedupDecision> {
        let mut cands = std::mem::take(&mut self.cands);
        cands.clear();
        for (band, key) in self.keys.iter().enumerate() {
            let mut seq = self.heads.get(key).copied().unwrap_or(NONE);
            let mut walked = 0;
            while let Some(c) = self.get(seq) {
                if walked == self.config.max_bucket_walk {
                    break;
                }
                cands.push((1, seq));
                walked += 1;
                seq = c.next.get(band).copied().unwrap_or(NONE);
            }
        }
        // Count shared bands per canonical; verify those sharing most first.
        cands.sort_unstable_by_key(|&(_, s)| s);
        let mut w = 0;
        for r in 0..cands.len() {
            if w > 0 && cands[w - 1].1 == cands[r].1 {
                cands[w - 1].0 += 1;
            } else {
                cands[w] = cands[r];
                w += 1;
            }
        }
        cands.truncate(w);
        cands.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let cfg = &self.config;
        let mut best: Option<DedupDecision> = None;
        for &(_, seq) in cands.iter().take(cfg.max_candidates) {
            let Some(c) = self.get(seq) else { continue };
            let (jac, con) = similarity(shingles.as_slice(), c.shingles.as_slice());
            let shorter = shingles.len().min(c.shingles.len());
            let linked = jac >= cfg.jaccard_threshold
                || (con >= cfg.containment_threshold && shorter >= cfg.min_containment_shingles)
                || c.id == id;
            if linked && best.is_none_or(|b| jac > b.similarity) {
                best = Some(DedupDecision {
                    group: GroupId(c.id.as_u64()),
                    canonical: c.id,
                    similarity: jac,
                    containment: con,
                    is_new_group: false,
                });
            }
        }
        self.cands = cands;
        best
    }

    /// Makes the article a canonical (the `keys` scratch holds its band keys).
    fn insert(&mut self, id: ArticleId, born: u64, time: Option<i64>, shingles: Shingles) {
        let seq = self.front_seq + self.canon.len() as u64;
        let next: Box<[u64]> =
            self.keys.iter().map(|&k| self.heads.insert(k, seq).unwrap_or(NONE)).collect();
        self.canon.push_back(Canon {
            id,
            born,
            time,
            shingles,
            keys: self.keys.clone().into_boxed_slice(),
            next,
        });
    }

    /// Rebuilds an index from restored parts (see `snapshot.rs`).
    pub(crate) fn restore(
        config: DedupConfig,
        articles: u64,
        clock: Option<i64>,
        canonicals: Vec<(ArticleId, u64, Option<i64>, Shingles)>,
    ) -> Result<DedupIndex> {
        let mut index = DedupIndex::new(config)?;
        index.articles = articles;
        index.clock = clock;
        for (id, born, time, shingles) in canonicals {
            if shingles.is_empty() {
                continue;
            }
            minhash::signature(shingles.as_slice(), index.bands * index.rows, &mut index.sig);
            minhash::band_keys(&index.sig, index.bands, index.rows, &mut index.keys);
            index.insert(id, born, time, shingles);
        }
        Ok(index)
    }
}
