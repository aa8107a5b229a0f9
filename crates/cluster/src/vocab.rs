//! [`Vocab`]: interned feature keys and their document frequencies, updated
//! as articles arrive (incremental IDF).

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// One channel's dictionary: key hash → dense `u32` id, and per id the number of
/// articles (one vote per near-duplicate group) that contained it.
///
/// Keys seen in a single article are the bulk of a news vocabulary (typos,
/// rare names, one-off numbers) and can never link two articles once their
/// article's story went quiet, so [`Vocab::prune`] forgets them: the
/// dictionary then grows with the keys that recur, not with the stream.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Vocab {
    ids: FxHashMap<u64, u32>,
    df: Vec<u32>,
    /// Ids below this were interned before the last prune.
    watermark: u32,
}

impl Vocab {
    /// The id of `key`, interning it if new.
    pub(crate) fn intern(&mut self, key: u64) -> u32 {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.df.len() as u32;
        self.ids.insert(key, id);
        self.df.push(0);
        id
    }

    /// Counts one more article containing `id`.
    pub(crate) fn count(&mut self, id: u32) {
        if let Some(d) = self.df.get_mut(id as usize) {
            *d = d.saturating_add(1);
        }
    }

    /// Inverse document frequency `ln(1 + n / df)` over `n` articles: always
    /// positive (ln 2 for a key in every article), so early in a stream, when
    /// few articles are counted, every key still weighs something.
    pub(crate) fn idf(&self, id: u32, n: u32) -> f32 {
        let df = self.df.get(id as usize).copied().unwrap_or(0).max(1) as f32;
        (1.0 + n as f32 / df).ln()
    }

    /// One past the largest id handed out.
    pub(crate) fn span(&self) -> usize {
        self.df.len()
    }

    /// Forgets the keys interned before the previous prune that are still
    /// in one article only (df ≤ 1): a whole prune period passed without a
    /// second article containing them. A forgotten key that comes back gets
    /// a new id with df 1, as it would have had. Returns how many were
    /// forgotten.
    pub(crate) fn prune(&mut self) -> usize {
        let (df, watermark) = (&self.df, self.watermark);
        let before = self.ids.len();
        self.ids.retain(|_, id| *id >= watermark || df.get(*id as usize).copied().unwrap_or(0) > 1);
        self.watermark = self.df.len() as u32;
        before - self.ids.len()
    }

    /// Keys in the dictionary.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prune_forgets_old_single_article_keys() {
        let mut v = Vocab::default();
        let (a, b) = (v.intern(10), v.intern(20));
        v.count(a);
        v.count(b);
        v.count(b);
        assert_eq!(v.prune(), 0, "nothing is older than the first prune");
        let c = v.intern(30);
        v.count(c);
        assert_eq!(v.prune(), 1, "key 10 is in one article since the last prune");
        assert_eq!(v.len(), 2);
        assert_eq!(v.intern(20), b);
        let a2 = v.intern(10);
        assert_eq!(a2, 3, "a forgotten key gets a new id");
        assert_eq!(v.idf(a2, 4), (1.0f32 + 4.0).ln());
        assert_eq!(v.prune(), 1, "key 30 (df 1, before the watermark) goes next");
        assert_eq!(v.intern(30), 4);
    }
}
