//! [`Vocab`]: interned feature keys and their document frequencies, updated
//! as articles arrive (incremental IDF).

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// One channel's dictionary: key hash → dense `u32` id, and per id the number of
/// articles (one vote per near-duplicate group) that contained it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Vocab {
    ids: FxHashMap<u64, u32>,
    df: Vec<u32>,
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
}
