//! [`Clusterer`]: online assignment of articles to stories.

use std::fmt;

use parallax_model::ArticleId;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::ClusterConfig;
use crate::doc::ClusterDoc;
use crate::error::{ClusterError, Result};
use crate::index::{INDEXED, Index};
use crate::sparse::{self, Dense, SparseVec};
use crate::vocab::Vocab;

/// The id of a story: its number in creation order, starting at 0.
///
/// Stable for the life of the clusterer state (and across snapshots). When
/// two stories merge, the older (smaller) id survives and the other becomes
/// its alias: [`Clusterer::resolve`] maps any id ever handed out to the
/// story that now holds its articles.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoryId(pub(crate) u64);

impl StoryId {
    /// The raw number.
    pub fn as_u64(self) -> u64 {
        self.0
    }

    /// Rebuilds an id from its raw number (as stored by a caller).
    pub fn from_u64(v: u64) -> Self {
        StoryId(v)
    }

    fn slot(self) -> Option<usize> {
        usize::try_from(self.0).ok()
    }
}

impl fmt::Display for StoryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "s{}", self.0)
    }
}

impl fmt::Debug for StoryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "StoryId({})", self.0)
    }
}

/// How an article (or story) is compared with a story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Linkage {
    /// Cosine with the story centroid (the sum of its members' unit vectors).
    Centroid,
    /// Mean cosine with the story's members (group average), computed from
    /// the same centroid sum divided by the member count.
    Average,
}

/// Where [`Clusterer::assign`] put an article.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assignment {
    /// The story the article now belongs to.
    pub story: StoryId,
    /// Mixed similarity with the best existing story (0–1: weighted mean of
    /// the channel cosines, times the time decay); 0 when there was no
    /// candidate. For a new story it is the similarity that fell short.
    pub score: f32,
    /// True when the article opened a new story.
    pub new_story: bool,
}

/// A change [`Clusterer::maintain`] made to earlier assignments.
#[derive(Debug, Clone, PartialEq)]
pub enum StoryChange {
    /// `absorbed` joined `survivor` (the older id); `absorbed` is now an alias.
    Merged {
        /// The story that remains.
        survivor: StoryId,
        /// The story that is now an alias of `survivor`.
        absorbed: StoryId,
        /// Articles that moved (all of `absorbed`'s, copies included).
        moved: Vec<ArticleId>,
    },
    /// Part of `from` became the new story `new_story`.
    Split {
        /// The story that keeps its id (and its oldest member).
        from: StoryId,
        /// The story made of the other part.
        new_story: StoryId,
        /// Articles that moved to `new_story`.
        moved: Vec<ArticleId>,
    },
    /// Articles of `from` that fit `to` better moved there.
    Moved {
        /// The story they left (it keeps its id).
        from: StoryId,
        /// The story they joined.
        to: StoryId,
        /// Articles that moved.
        moved: Vec<ArticleId>,
    },
    /// `story` had no new member within the inactivity window: it left the
    /// candidate index and no article will join it any more.
    Frozen {
        /// The frozen story.
        story: StoryId,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum State {
    Active,
    Frozen,
    Merged(u32),
}

/// One article that voted in a story's centroid.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Member {
    pub(crate) id: ArticleId,
    pub(crate) published: Option<i64>,
    /// Sublinear term frequencies (no IDF), its `member_terms` highest
    /// tf-idf entries per channel, so centroids can be rebuilt with the
    /// current IDF. Emptied when the story freezes.
    pub(crate) raw: [SparseVec; 3],
    /// Content-word occurrences ([`ClusterDoc::content_tokens`]).
    pub(crate) tokens: u32,
}

/// A near-duplicate in a story: (the copy, the canonical article it copies).
pub(crate) type Copy = (ArticleId, ArticleId);

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Story {
    pub(crate) state: State,
    pub(crate) members: Vec<Member>,
    /// Near-duplicates attached with [`Clusterer::attach`]: no vote.
    pub(crate) copies: Vec<Copy>,
    /// Sum of members' unit tf-idf vectors, per channel, truncated.
    pub(crate) centroid: [SparseVec; 3],
    pub(crate) norms: [f32; 3],
    pub(crate) newest: Option<i64>,
    /// Arrival number of the last member or copy.
    pub(crate) last_seq: u64,
    /// Keys entered in the index: (channel, id), sorted.
    pub(crate) indexed: Vec<(u8, u32)>,
    pub(crate) dirty: bool,
    /// Members at the last centroid rebuild and the last split check.
    pub(crate) rebuilt_at: u32,
    /// Articles counted in the IDF when the centroid was last rebuilt.
    #[serde(default)]
    pub(crate) rebuilt_docs: u32,
    pub(crate) split_checked_at: u32,
    pub(crate) merge_checked_at: u32,
    /// Members at the last two reassignment checks, older first: a check
    /// looks at the members that joined since the one before the last, so
    /// each member is checked twice.
    pub(crate) reassign_marks: [u32; 2],
}

impl Story {
    pub(crate) fn new(seq: u64) -> Story {
        Story {
            state: State::Active,
            members: Vec::new(),
            copies: Vec::new(),
            centroid: Default::default(),
            norms: [0.0; 3],
            newest: None,
            last_seq: seq,
            indexed: Vec::new(),
            dirty: false,
            rebuilt_at: 0,
            rebuilt_docs: 0,
            split_checked_at: 0,
            merge_checked_at: 0,
            reassign_marks: [0; 2],
        }
    }

    /// Adds `add` to the centroid, keeping the `keep` largest entries.
    pub(crate) fn add_to_centroid(
        &mut self,
        add: &[SparseVec; 3],
        keep: usize,
        tmp: &mut SparseVec,
    ) {
        for ((c, n), a) in self.centroid.iter_mut().zip(self.norms.iter_mut()).zip(add) {
            sparse::add_scaled(c, a, 1.0, tmp);
            sparse::keep_top(c, keep);
            *n = sparse::norm(c);
        }
    }

    pub(crate) fn votes(&self) -> u32 {
        self.members.len() as u32
    }
}

/// Added to each cosine before a geometric mean, so one channel at 0 lowers
/// the similarity a lot without zeroing it.
const GEO_FLOOR: f32 = 0.05;

/// Reusable buffers; not part of the state.
#[derive(Debug, Default, Clone)]
pub(crate) struct Scratch {
    pub(crate) acc: Vec<f32>,
    pub(crate) touched: Vec<u32>,
    pub(crate) top: Vec<(u32, f32)>,
    pub(crate) tmp: SparseVec,
    pub(crate) keys: Vec<(u8, u32)>,
    /// Per channel, a vector scattered by key id (the article's unit vector
    /// when scoring candidates, a part when checking a split, a story's
    /// centroid when checking merges), so each dot product with it is one
    /// pass over the other vector.
    pub(crate) dense: [sparse::Dense; 3],
}

/// Online story clusterer: feed articles in publication order with
/// [`Clusterer::assign`] (or [`Clusterer::attach`] for near-duplicates) and
/// call [`Clusterer::maintain`] whenever [`Clusterer::maintenance_due`].
///
/// The whole state is `serde` (de)serialisable; a restored clusterer
/// continues exactly as the original would have.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Clusterer {
    pub(crate) cfg: ClusterConfig,
    pub(crate) vocab: [Vocab; 3],
    /// Articles counted in the document frequencies.
    pub(crate) n_docs: u32,
    pub(crate) stories: Vec<Story>,
    pub(crate) articles: FxHashMap<ArticleId, u32>,
    pub(crate) index: Index,
    /// Slots of active stories.
    pub(crate) active: Vec<u32>,
    /// Slots changed since the last maintenance.
    pub(crate) dirty: Vec<u32>,
    /// Arrivals (assign + attach) so far.
    pub(crate) seq: u64,
    /// Newest publication time seen.
    pub(crate) clock: Option<i64>,
    pub(crate) since_maintain: u32,
    /// Maintenance passes since the last full one.
    pub(crate) passes: u32,
    /// `seq` at the last full pass.
    pub(crate) last_full_seq: u64,
    /// `n_docs` at the last prune of the dictionaries.
    #[serde(default)]
    pub(crate) pruned_at_docs: u32,
    #[serde(skip)]
    pub(crate) scratch: Scratch,
}

/// An article's vectors: unit tf-idf per channel, and what a member keeps.
pub(crate) struct DocVecs {
    pub(crate) unit: [SparseVec; 3],
    pub(crate) raw: [SparseVec; 3],
}

impl Clusterer {
    pub(crate) fn new(cfg: ClusterConfig) -> Clusterer {
        Clusterer {
            cfg,
            vocab: Default::default(),
            n_docs: 0,
            stories: Vec::new(),
            articles: FxHashMap::default(),
            index: Index::default(),
            active: Vec::new(),
            dirty: Vec::new(),
            seq: 0,
            clock: None,
            since_maintain: 0,
            passes: 0,
            last_full_seq: 0,
            pruned_at_docs: 0,
            scratch: Scratch::default(),
        }
    }

    /// The configuration this clusterer runs with.
    pub fn config(&self) -> &ClusterConfig {
        &self.cfg
    }

    /// Assigns a new article to the best story or opens a new one.
    ///
    /// Counts the article's keys in the document frequencies first (so the
    /// IDF is incremental), queries the candidate index with its top keys,
    /// scores at most [`ClusterConfig::candidates`] stories exactly and joins
    /// the best if its score reaches the join threshold (the short-text one
    /// for articles under [`ClusterConfig::short_doc_tokens`] content words).
    /// An article id seen before is not counted again: its current story is
    /// returned with score 1.
    pub fn assign(&mut self, doc: &ClusterDoc) -> Assignment {
        if let Some(&slot) = self.articles.get(&doc.id) {
            let story = self.resolve_slot(slot);
            return Assignment { story: StoryId(story as u64), score: 1.0, new_story: false };
        }
        self.seq += 1;
        self.since_maintain = self.since_maintain.saturating_add(1);
        if let Some(t) = doc.published {
            self.clock = Some(self.clock.map_or(t, |c| c.max(t)));
        }
        let vecs = self.vectorize(doc);
        let short = doc.content_tokens < self.cfg.short_doc_tokens;
        let (best, score) = self.best_story(&vecs.unit, doc.published, short);
        let threshold = if short { self.cfg.short_join_threshold } else { self.cfg.join_threshold };
        let member = Member {
            id: doc.id,
            published: doc.published,
            raw: vecs.raw,
            tokens: doc.content_tokens,
        };
        match best {
            Some(slot) if score >= threshold => {
                self.add_member(slot, member, &vecs.unit);
                Assignment { story: StoryId(slot as u64), score, new_story: false }
            }
            _ => {
                let slot = self.open_story(member, &vecs.unit);
                Assignment { story: StoryId(slot as u64), score, new_story: true }
            }
        }
    }

    /// Adds a near-duplicate `article` to the story of its group's
    /// `canonical` article (e.g. a wire copy whose original is already
    /// assigned): the story's membership and activity are updated, but
    /// neither its centroid nor the document frequencies, so copies cast no
    /// extra vote. The copy follows its canonical when a split or a
    /// reassignment moves it. Returns the story that now holds it (after
    /// alias resolution). An article seen before is left where it is; a
    /// canonical this clusterer does not hold is an error.
    pub fn attach(
        &mut self,
        article: ArticleId,
        canonical: ArticleId,
        published: Option<i64>,
    ) -> Result<StoryId> {
        if let Some(&slot) = self.articles.get(&article) {
            return Ok(StoryId(self.resolve_slot(slot) as u64));
        }
        let live = self.story_of(canonical).ok_or(ClusterError::UnknownArticle(canonical))?;
        let slot = live.0 as usize;
        self.seq += 1;
        self.since_maintain = self.since_maintain.saturating_add(1);
        if let Some(t) = published {
            self.clock = Some(self.clock.map_or(t, |c| c.max(t)));
        }
        let seq = self.seq;
        if let Some(s) = self.stories.get_mut(slot) {
            s.copies.push((article, canonical));
            s.last_seq = seq;
            if let Some(t) = published {
                s.newest = Some(s.newest.map_or(t, |n| n.max(t)));
            }
        }
        self.articles.insert(article, slot as u32);
        Ok(live)
    }

    /// The story holding `article`, if it was assigned or attached.
    pub fn story_of(&self, article: ArticleId) -> Option<StoryId> {
        self.articles.get(&article).map(|&s| StoryId(self.resolve_slot(s) as u64))
    }

    /// The live story an id (or alias) stands for; `None` for an id this
    /// clusterer never made.
    pub fn resolve(&self, story: StoryId) -> Option<StoryId> {
        let slot = story.slot().filter(|&s| s < self.stories.len())?;
        Some(StoryId(self.resolve_slot(slot as u32) as u64))
    }

    /// Articles of a story (members, then attached copies); `None` for an
    /// unknown id. Aliases are resolved.
    pub fn members(&self, story: StoryId) -> Option<Vec<ArticleId>> {
        let live = self.resolve(story)?;
        let s = self.stories.get(live.0 as usize)?;
        Some(s.members.iter().map(|m| m.id).chain(s.copies.iter().map(|c| c.0)).collect())
    }

    /// Ids of all stories that are not aliases, oldest first.
    pub fn stories(&self) -> impl Iterator<Item = StoryId> + '_ {
        self.stories
            .iter()
            .enumerate()
            .filter(|(_, s)| !matches!(s.state, State::Merged(_)))
            .map(|(i, _)| StoryId(i as u64))
    }

    /// Stories still open to new articles.
    pub fn active_stories(&self) -> usize {
        self.active.len()
    }

    /// Articles assigned or attached so far.
    pub fn articles_seen(&self) -> u64 {
        self.seq
    }

    /// True when [`ClusterConfig::maintain_every`] articles arrived since the
    /// last [`Clusterer::maintain`].
    pub fn maintenance_due(&self) -> bool {
        self.since_maintain >= self.cfg.maintain_every
    }

    pub(crate) fn resolve_slot(&self, mut slot: u32) -> u32 {
        // Merge chains are short (each merge points at an older slot).
        while let Some(State::Merged(to)) = self.stories.get(slot as usize).map(|s| s.state) {
            slot = to;
        }
        slot
    }

    /// Counts the doc in the document frequencies and builds its vectors.
    fn vectorize(&mut self, doc: &ClusterDoc) -> DocVecs {
        self.n_docs = self.n_docs.saturating_add(1);
        let zone_w = [self.cfg.title_weight, self.cfg.lead_weight, 1.0];
        let keep = self.cfg.member_terms as usize;
        let mut unit: [SparseVec; 3] = Default::default();
        let mut raw: [SparseVec; 3] = Default::default();
        for ch in 0..3 {
            let vocab = &mut self.vocab[ch];
            let mut trip: Vec<(u32, f32, f32)> = Vec::with_capacity(doc.channels[ch].len());
            for f in &doc.channels[ch] {
                let tf: f32 = f.counts.iter().zip(zone_w).map(|(c, w)| c * w).sum();
                if tf <= 0.0 || !tf.is_finite() {
                    continue;
                }
                let id = vocab.intern(f.key);
                vocab.count(id);
                let tfs = if tf >= 1.0 { 1.0 + tf.ln() } else { tf };
                trip.push((id, tfs, 0.0));
            }
            for t in trip.iter_mut() {
                t.2 = t.1 * vocab.idf(t.0, self.n_docs);
            }
            trip.sort_unstable_by_key(|t| t.0);
            let mut u: SparseVec = trip.iter().map(|t| (t.0, t.2)).collect();
            sparse::normalize(&mut u);
            if trip.len() > keep {
                let cmp = |a: &(u32, f32, f32), b: &(u32, f32, f32)| {
                    b.2.total_cmp(&a.2).then(a.0.cmp(&b.0))
                };
                trip.select_nth_unstable_by(keep - 1, cmp);
                trip.truncate(keep);
                trip.sort_unstable_by_key(|t| t.0);
            }
            raw[ch] = trip.iter().map(|t| (t.0, t.1)).collect();
            unit[ch] = u;
        }
        DocVecs { unit, raw }
    }

    /// Unit tf-idf vectors of a member under the current IDF.
    pub(crate) fn member_unit(&self, m: &Member) -> [SparseVec; 3] {
        std::array::from_fn(|ch| {
            let mut v: SparseVec = m.raw[ch]
                .iter()
                .map(|&(id, tf)| (id, tf * self.vocab[ch].idf(id, self.n_docs)))
                .collect();
            sparse::normalize(&mut v);
            v
        })
    }

    /// The dictionary sizes, per channel.
    pub(crate) fn spans(&self) -> [usize; 3] {
        std::array::from_fn(|ch| self.vocab[ch].span())
    }

    /// Channel weights; `short` for short-text mode.
    pub(crate) fn channel_weights(&self, short: bool) -> [f32; 3] {
        let number = if short { self.cfg.short_number_weight } else { self.cfg.number_weight };
        [self.cfg.text_weight, self.cfg.entity_weight, number]
    }

    /// True when a story's members average fewer content words than
    /// [`ClusterConfig::short_doc_tokens`] (short-text mode for merges and
    /// splits).
    pub(crate) fn is_short(&self, s: &Story) -> bool {
        let n = s.members.len().max(1) as u64;
        let sum: u64 = s.members.iter().map(|m| u64::from(m.tokens)).sum();
        sum < u64::from(self.cfg.short_doc_tokens) * n
    }

    /// The time decay between two publication times (1 when either is unknown).
    pub(crate) fn time_factor(&self, a: Option<i64>, b: Option<i64>) -> f32 {
        match (a, b) {
            (Some(a), Some(b)) => {
                let z = (a - b) as f32 / self.cfg.time_sigma_secs;
                let w = self.cfg.time_weight;
                1.0 - w + w * (-0.5 * z * z).exp()
            }
            _ => 1.0,
        }
    }

    /// Mixed similarity of unit vectors `v` with story `s`: weighted mean of
    /// the channel cosines over the channels `v` has, times the time decay.
    /// Mixed similarity of an article with story `s`, given the dot
    /// products of the article's unit vectors with the story's centroid
    /// (`None` for channels the article does not have): weighted mean of the
    /// channel cosines, times the time decay.
    pub(crate) fn score(
        &self,
        dots: [Option<f32>; 3],
        s: &Story,
        published: Option<i64>,
        short: bool,
    ) -> f32 {
        let cos = std::array::from_fn(|ch| {
            let d = dots[ch]?;
            Some(match self.cfg.linkage {
                crate::Linkage::Centroid => self.centroid_cos(d, s.norms[ch], short),
                crate::Linkage::Average if s.votes() > 0 => d / s.votes() as f32,
                _ => 0.0,
            })
        });
        self.mix(cos, short) * self.time_factor(published, s.newest)
    }

    /// An article's similarity with a centroid from their dot product and
    /// the centroid's norm (the article's vector is a unit one): the
    /// cosine; for a short article the norm counts to the power
    /// [`crate::ClusterConfig::short_norm_exponent`], capped at 1.
    pub(crate) fn centroid_cos(&self, dot: f32, norm: f32, short: bool) -> f32 {
        if norm <= 0.0 {
            0.0
        } else if short && self.cfg.short_norm_exponent < 1.0 {
            (dot / norm.powf(self.cfg.short_norm_exponent)).min(1.0)
        } else {
            dot / norm
        }
    }

    /// Mixes channel cosines (`None`: the channel does not count) into one
    /// similarity, 0–1, as [`crate::ClusterConfig::mix`] says.
    pub(crate) fn mix(&self, cos: [Option<f32>; 3], short: bool) -> f32 {
        let w = self.channel_weights(short);
        let (mut num, mut den) = (0.0f32, 0.0f32);
        for ch in 0..3 {
            let Some(c) = cos[ch] else { continue };
            if w[ch] <= 0.0 {
                continue;
            }
            den += w[ch];
            num += match self.cfg.mix {
                crate::Mix::Arithmetic => w[ch] * c,
                crate::Mix::Geometric => w[ch] * (c.max(0.0) + GEO_FLOOR).ln(),
            };
        }
        if den <= 0.0 {
            return 0.0;
        }
        match self.cfg.mix {
            crate::Mix::Arithmetic => num / den,
            crate::Mix::Geometric => ((num / den).exp() - GEO_FLOOR).max(0.0),
        }
    }

    /// Candidate stories for unit vectors `v` (most promising first, at most
    /// `candidates`), skipping `exclude`.
    pub(crate) fn candidates(&mut self, v: &[SparseVec; 3], exclude: Option<u32>) -> Vec<u32> {
        self.top_candidates(v, exclude, self.cfg.candidates as usize)
    }

    /// [`Clusterer::candidates`], at most `m` of them.
    pub(crate) fn top_candidates(
        &mut self,
        v: &[SparseVec; 3],
        exclude: Option<u32>,
        m: usize,
    ) -> Vec<u32> {
        let limits = [self.cfg.query_terms as usize, self.cfg.query_entities as usize];
        let w = self.channel_weights(false);
        let sc = &mut self.scratch;
        if sc.acc.len() < self.stories.len() {
            sc.acc.resize(self.stories.len(), 0.0);
        }
        sc.touched.clear();
        for ch in 0..INDEXED {
            sparse::top_ids(&v[ch], limits[ch], &mut sc.top);
            for &(id, weight) in &sc.top {
                for &slot in self.index.postings(ch, id) {
                    let Some(a) = sc.acc.get_mut(slot as usize) else { continue };
                    if *a == 0.0 {
                        sc.touched.push(slot);
                    }
                    *a += w[ch] * weight + f32::MIN_POSITIVE;
                }
            }
        }
        let mut cands: Vec<(u32, f32)> = sc
            .touched
            .iter()
            .filter(|&&s| Some(s) != exclude)
            .map(|&s| (s, sc.acc.get(s as usize).copied().unwrap_or(0.0)))
            .collect();
        for &s in &sc.touched {
            if let Some(a) = sc.acc.get_mut(s as usize) {
                *a = 0.0;
            }
        }
        let cmp = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if m == 0 {
            return Vec::new();
        }
        if cands.len() > m {
            cands.select_nth_unstable_by(m - 1, cmp);
            cands.truncate(m);
        }
        cands.sort_unstable_by(cmp);
        cands.into_iter().map(|c| c.0).collect()
    }

    fn best_story(
        &mut self,
        v: &[SparseVec; 3],
        published: Option<i64>,
        short: bool,
    ) -> (Option<u32>, f32) {
        let cands = self.candidates(v, None);
        let mut dense = std::mem::take(&mut self.scratch.dense);
        for ch in 0..3 {
            dense[ch].load(&v[ch], self.vocab[ch].span());
        }
        let best = self.best_of(&cands, &dense, v, published, short);
        self.scratch.dense = dense;
        best.map_or((None, 0.0), |(slot, score)| (Some(slot), score))
    }

    /// The active story among `cands` that scores highest with unit
    /// vectors `v`, already scattered into `dense` (ties: the lower slot).
    pub(crate) fn best_of(
        &self,
        cands: &[u32],
        dense: &[Dense; 3],
        v: &[SparseVec; 3],
        published: Option<i64>,
        short: bool,
    ) -> Option<(u32, f32)> {
        let mut best: Option<(u32, f32)> = None;
        for &slot in cands {
            let Some(s) = self.stories.get(slot as usize) else { continue };
            if s.state != State::Active {
                continue;
            }
            let dots = std::array::from_fn(|ch| {
                (!v[ch].is_empty()).then(|| dense[ch].dot(&s.centroid[ch]))
            });
            let score = self.score(dots, s, published, short);
            if best.is_none_or(|(b, bs)| score > bs || (score == bs && slot < b)) {
                best = Some((slot, score));
            }
        }
        best
    }

    fn open_story(&mut self, member: Member, unit: &[SparseVec; 3]) -> u32 {
        let slot = self.stories.len() as u32;
        self.stories.push(Story::new(self.seq));
        self.active.push(slot);
        self.add_member(slot, member, unit);
        slot
    }

    pub(crate) fn mark_dirty(&mut self, slot: u32) {
        if let Some(s) = self.stories.get_mut(slot as usize)
            && !s.dirty
        {
            s.dirty = true;
            self.dirty.push(slot);
        }
    }

    pub(crate) fn add_member(&mut self, slot: u32, member: Member, unit: &[SparseVec; 3]) {
        let keep = self.cfg.centroid_terms as usize;
        let seq = self.seq;
        self.articles.insert(member.id, slot);
        let Some(s) = self.stories.get_mut(slot as usize) else { return };
        s.add_to_centroid(unit, keep, &mut self.scratch.tmp);
        if let Some(t) = member.published {
            s.newest = Some(s.newest.map_or(t, |n| n.max(t)));
        }
        s.last_seq = seq;
        s.members.push(member);
        self.mark_dirty(slot);
        self.reindex(slot);
    }

    /// Brings story `slot`'s index entries in line with its centroid.
    pub(crate) fn reindex(&mut self, slot: u32) {
        let limits = [self.cfg.index_terms as usize, self.cfg.index_entities as usize];
        let cap = self.cfg.max_postings as usize;
        let Some(s) = self.stories.get_mut(slot as usize) else { return };
        let sc = &mut self.scratch;
        sc.keys.clear();
        if s.state == State::Active {
            for (ch, &limit) in limits.iter().enumerate() {
                sparse::top_ids(&s.centroid[ch], limit, &mut sc.top);
                sc.keys.extend(sc.top.iter().map(|&(id, _)| (ch as u8, id)));
            }
        }
        sc.keys.sort_unstable();
        let old = std::mem::take(&mut s.indexed);
        let (mut i, mut j) = (0, 0);
        while i < old.len() || j < sc.keys.len() {
            match (old.get(i), sc.keys.get(j)) {
                (Some(a), Some(b)) if a == b => {
                    i += 1;
                    j += 1;
                }
                (Some(&a), b) if b.is_none_or(|&b| a < b) => {
                    self.index.remove(a.0 as usize, a.1, slot);
                    i += 1;
                }
                (_, Some(&b)) => {
                    self.index.insert(b.0 as usize, b.1, slot, cap);
                    j += 1;
                }
                _ => break,
            }
        }
        s.indexed.clone_from(&sc.keys);
    }
}
