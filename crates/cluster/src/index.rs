//! [`Index`]: the candidate index, term or entity id → stories whose
//! centroid ranks that key among its top entries.
//!
//! Posting lists are bounded ([`crate::ClusterConfig::max_postings`]); a full
//! list drops its oldest entry, which only happens for keys so common that
//! they say little. With bounded lists and a fixed number of query keys, the
//! cost of finding candidates does not grow with the number of stories.

use serde::{Deserialize, Serialize};

/// Channels with an index: text terms (0) and entities (1).
pub(crate) const INDEXED: usize = 2;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Index {
    post: [Vec<Vec<u32>>; INDEXED],
}

impl Index {
    /// Story slots listed under key `id` of channel `ch`.
    pub(crate) fn postings(&self, ch: usize, id: u32) -> &[u32] {
        self.post.get(ch).and_then(|p| p.get(id as usize)).map_or(&[], Vec::as_slice)
    }

    pub(crate) fn insert(&mut self, ch: usize, id: u32, slot: u32, cap: usize) {
        let Some(p) = self.post.get_mut(ch) else { return };
        let i = id as usize;
        if p.len() <= i {
            p.resize_with(i + 1, Vec::new);
        }
        let list = &mut p[i];
        if list.len() >= cap {
            list.remove(0);
        }
        list.push(slot);
    }

    pub(crate) fn remove(&mut self, ch: usize, id: u32, slot: u32) {
        if let Some(list) = self.post.get_mut(ch).and_then(|p| p.get_mut(id as usize))
            && let Some(pos) = list.iter().position(|&s| s == slot)
        {
            list.remove(pos);
        }
    }
}
