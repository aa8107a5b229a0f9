//! The persistent form of a [`DedupIndex`]: serde, and a compact byte format.
//!
//! Both hold the config, the article counter, the clock and, for each live
//! canonical in age order, its id, position, time and shingle set (the LSH
//! buckets are derived data, rebuilt on load: ~2 µs per canonical). The byte
//! form costs about 4 bytes per shingle, ~2.8 KB per canonical of a 4 KB
//! article.

use parallax_model::ArticleId;
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::config::DedupConfig;
use crate::error::{DedupError, Result};
use crate::index::{Canon, DedupIndex};
use crate::shingle::Shingles;

/// Version of both snapshot forms; bumped on any change.
const VERSION: u32 = 1;
const MAGIC: &[u8; 8] = b"PXDEDUP\0";

#[derive(Serialize)]
struct SnapshotRef<'a> {
    version: u32,
    config: &'a DedupConfig,
    articles: u64,
    clock: Option<i64>,
    canonicals: CanonSeq<'a>,
}

struct CanonSeq<'a>(&'a std::collections::VecDeque<Canon>);

#[derive(Serialize, Deserialize)]
struct CanonSnap<'a> {
    id: ArticleId,
    born: u64,
    time: Option<i64>,
    shingles: std::borrow::Cow<'a, Shingles>,
}

impl Serialize for CanonSeq<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for c in self.0 {
            seq.serialize_element(&CanonSnap {
                id: c.id,
                born: c.born,
                time: c.time,
                shingles: std::borrow::Cow::Borrowed(&c.shingles),
            })?;
        }
        seq.end()
    }
}

#[derive(Deserialize)]
struct Snapshot {
    version: u32,
    config: DedupConfig,
    articles: u64,
    clock: Option<i64>,
    canonicals: Vec<CanonSnap<'static>>,
}

impl Serialize for DedupIndex {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        SnapshotRef {
            version: VERSION,
            config: &self.config,
            articles: self.articles,
            clock: self.clock,
            canonicals: CanonSeq(&self.canon),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for DedupIndex {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let snap = Snapshot::deserialize(d)?;
        if snap.version != VERSION {
            return Err(serde::de::Error::custom(format!(
                "dedup snapshot version {} (expected {VERSION})",
                snap.version
            )));
        }
        let canon = snap
            .canonicals
            .into_iter()
            .map(|c| {
                (c.id, c.born, c.time, Shingles::from_hashes(c.shingles.into_owned().into_vec()))
            })
            .collect();
        DedupIndex::restore(snap.config, snap.articles, snap.clock, canon)
            .map_err(serde::de::Error::custom)
    }
}

impl DedupIndex {
    /// The index as compact little-endian bytes (see [`DedupIndex::from_bytes`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let set_words: usize = self.canon.iter().map(|c| c.shingles.len()).sum();
        let mut out = Vec::with_capacity(128 + self.canon.len() * 40 + set_words * 4);
        out.extend_from_slice(MAGIC);
        put_u32(&mut out, VERSION);
        let cfg = &self.config;
        put_f32(&mut out, cfg.jaccard_threshold);
        put_f32(&mut out, cfg.containment_threshold);
        put_u64(&mut out, cfg.min_containment_shingles as u64);
        put_f32(&mut out, cfg.lsh_threshold);
        put_u64(&mut out, cfg.max_bins as u64);
        put_f32(&mut out, cfg.lsh_fn_weight);
        let [b, r] = cfg.bands_rows.unwrap_or([0, 0]);
        put_u64(&mut out, b as u64);
        put_u64(&mut out, r as u64);
        put_u64(&mut out, cfg.max_candidates as u64);
        put_u64(&mut out, cfg.max_bucket_walk as u64);
        put_u64(&mut out, cfg.window_articles);
        put_opt_i64(&mut out, cfg.window_secs);
        put_u64(&mut out, self.articles);
        put_opt_i64(&mut out, self.clock);
        put_u64(&mut out, self.canon.len() as u64);
        for c in &self.canon {
            put_u64(&mut out, c.id.as_u64());
            put_u64(&mut out, c.born);
            put_opt_i64(&mut out, c.time);
            put_u32(&mut out, c.shingles.len() as u32);
            for &h in c.shingles.as_slice() {
                put_u32(&mut out, h);
            }
        }
        out
    }

    /// Restores an index written by [`DedupIndex::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<DedupIndex> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(DedupError::BadSnapshot("not a parallax dedup snapshot".into()));
        }
        let version = r.u32()?;
        if version != VERSION {
            return Err(DedupError::BadSnapshot(format!(
                "format version {version} (expected {VERSION})"
            )));
        }
        let jaccard_threshold = r.f32()?;
        let containment_threshold = r.f32()?;
        let min_containment_shingles = r.usize()?;
        let lsh_threshold = r.f32()?;
        let max_bins = r.usize()?;
        let lsh_fn_weight = r.f32()?;
        let (b, rows) = (r.usize()?, r.usize()?);
        let config = DedupConfig {
            jaccard_threshold,
            containment_threshold,
            min_containment_shingles,
            lsh_threshold,
            max_bins,
            lsh_fn_weight,
            bands_rows: (b > 0).then_some([b, rows]),
            max_candidates: r.usize()?,
            max_bucket_walk: r.usize()?,
            window_articles: r.u64()?,
            window_secs: r.opt_i64()?,
        };
        let articles = r.u64()?;
        let clock = r.opt_i64()?;
        let n = r.u64()?;
        let mut canon = Vec::new();
        for _ in 0..n {
            let id = ArticleId::from_u64(r.u64()?);
            let born = r.u64()?;
            let time = r.opt_i64()?;
            let len = r.u32()? as usize;
            let raw = r.take(len.checked_mul(4).ok_or_else(|| short(len))?)?;
            let set =
                raw.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
            canon.push((id, born, time, Shingles::from_hashes(set)));
        }
        if r.pos != bytes.len() {
            return Err(DedupError::BadSnapshot("trailing bytes".into()));
        }
        DedupIndex::restore(config, articles, clock, canon)
    }
}

fn short(want: usize) -> DedupError {
    DedupError::BadSnapshot(format!("truncated (wanted {want} more bytes)"))
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}
fn put_u64(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(&v.to_le_bytes());
}
fn put_f32(out: &mut Vec<u8>, v: f32) {
    out.extend_from_slice(&v.to_le_bytes());
}
fn put_opt_i64(out: &mut Vec<u8>, v: Option<i64>) {
    match v {
        Some(t) => {
            out.push(1);
            out.extend_from_slice(&t.to_le_bytes());
        }
        None => out.push(0),
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or(short(n))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn arr<const N: usize>(&mut self) -> Result<[u8; N]> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(self.arr()?))
    }
    fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(self.arr()?))
    }
    fn usize(&mut self) -> Result<usize> {
        usize::try_from(self.u64()?).map_err(|_| DedupError::BadSnapshot("size overflow".into()))
    }
    fn f32(&mut self) -> Result<f32> {
        Ok(f32::from_le_bytes(self.arr()?))
    }
    fn opt_i64(&mut self) -> Result<Option<i64>> {
        match self.take(1)?[0] {
            0 => Ok(None),
            1 => Ok(Some(i64::from_le_bytes(self.arr()?))),
            t => Err(DedupError::BadSnapshot(format!("bad option tag {t}"))),
        }
    }
}
