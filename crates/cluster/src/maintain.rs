//! [`Clusterer::maintain`]: the periodic repair pass. Freezes quiet stories,
//! rebuilds grown centroids under the current IDF, merges stories whose
//! centroids became close, moves members that fit another story better and
//! splits stories whose members form two groups.

use crate::StoryChange;
use crate::clusterer::{Clusterer, Copy, Member, State, Story};
use crate::sparse::{self, Dense, SparseVec};
use crate::{Linkage, StoryId};
use parallax_model::ArticleId;

/// Most members 2-means looks at in one split check.
const SPLIT_SAMPLE: usize = 256;
/// Rounds of 2-means in a split check.
const SPLIT_ROUNDS: usize = 5;
/// Newest members a centroid rebuild sums (the sum is scaled to the story's
/// size).
const REBUILD_SAMPLE: usize = 1024;
/// Articles between two prunes of the key dictionaries ([`crate::vocab::Vocab::prune`]):
/// a key must come back within one to two periods to be kept.
const PRUNE_EVERY: u32 = 100_000;
/// Merges tried per story per pass (each one can enable the next).
const MERGE_ROUNDS: usize = 3;
/// Newest members a reassignment check looks at.
const REASSIGN_SAMPLE: usize = 32;
/// Candidate stories scored for each member in a reassignment check (the
/// best index matches; fewer than an arriving article gets, as a check
/// runs again and again).
const REASSIGN_CANDIDATES: usize = 6;

impl Clusterer {
    /// Runs the maintenance pass over the stories that changed since the
    /// last one and returns what it changed, in order. Call it when
    /// [`Clusterer::maintenance_due`] and once at the end of a batch.
    ///
    /// 1. **Freeze** stories idle past [`crate::ClusterConfig::inactive_after_secs`]
    ///    (publication time) or [`crate::ClusterConfig::inactive_after_articles`]
    ///    (arrivals): they leave the index and drop their vectors, which
    ///    bounds memory by the window.
    /// 2. **Rebuild** the centroid of each changed story that grew by a
    ///    quarter since its last rebuild, with the current IDF (early members
    ///    were weighted with the IDF of a young stream).
    /// 3. **Merge** each changed story (young, or grown by a quarter since
    ///    its last check) with its best candidate when their
    ///    centroid similarity reaches [`crate::ClusterConfig::merge_threshold`];
    ///    the older id survives, the other becomes its alias. Then
    ///    **reassign**: a member that joined the story since its last two
    ///    checks and fits another story better than this one without it (by
    ///    [`crate::ClusterConfig::reassign_margin`]) moves there with its
    ///    copies.
    /// 4. **Split** a changed story that grew by a quarter since its last
    ///    check when 2-means over its members gives two parts of at least
    ///    [`crate::ClusterConfig::split_min_size`] whose similarity is below
    ///    [`crate::ClusterConfig::split_threshold`]; the part with the oldest
    ///    member keeps the id.
    pub fn maintain(&mut self) -> Vec<StoryChange> {
        self.passes = self.passes.saturating_add(1);
        if self.passes >= self.cfg.full_maintain_every {
            return self.maintain_full();
        }
        self.maintain_changed()
    }

    fn maintain_changed(&mut self) -> Vec<StoryChange> {
        self.since_maintain = 0;
        let mut changes = Vec::new();
        self.freeze_idle(&mut changes);
        let mut dirty = std::mem::take(&mut self.dirty);
        dirty.sort_unstable();
        dirty.dedup();
        for &slot in &dirty {
            if let Some(s) = self.stories.get_mut(slot as usize) {
                s.dirty = false;
            }
        }
        let live = |c: &Clusterer, slot: u32| {
            c.stories.get(slot as usize).is_some_and(|s| s.state == State::Active)
        };
        for &slot in &dirty {
            let due = self
                .stories
                .get(slot as usize)
                .is_some_and(|s| s.state == State::Active && s.votes() * 4 >= s.rebuilt_at * 5);
            if due {
                self.rebuild(slot);
                self.reindex(slot);
            }
        }
        for &slot in &dirty {
            // Young stories are checked at every pass, older ones when they
            // grew by a quarter: amortised, a member costs O(1) checks.
            let due = self.stories.get_mut(slot as usize).is_some_and(|s| {
                let due = s.votes() <= 4 || s.votes() * 4 >= s.merge_checked_at * 5;
                if due {
                    s.merge_checked_at = s.votes();
                }
                due
            });
            if !due {
                continue;
            }
            for _ in 0..MERGE_ROUNDS {
                if !live(self, slot) || !self.try_merge(slot, &mut changes) {
                    break;
                }
            }
            if self.cfg.reassign_margin < 1.0 && live(self, slot) {
                self.try_reassign(slot, &mut changes);
            }
        }
        let min = self.cfg.split_min_size;
        for &slot in &dirty {
            let due = self.stories.get(slot as usize).is_some_and(|s| {
                s.state == State::Active
                    && s.votes() >= 2 * min
                    && s.votes() * 4 >= s.split_checked_at * 5
            });
            if due {
                self.try_split(slot, &mut changes);
            }
        }
        changes
    }

    /// [`Clusterer::maintain`] over every active story, not only the changed
    /// ones, with every centroid rebuilt under the current IDF and every
    /// story checked for merges and splits: for the end of an ingest run,
    /// or every [`crate::ClusterConfig::full_maintain_every`] passes. Costs
    /// time linear in the active stories and their members.
    pub fn maintain_full(&mut self) -> Vec<StoryChange> {
        self.passes = 0;
        let since = std::mem::replace(&mut self.last_full_seq, self.seq);
        let n_docs = self.n_docs;
        if n_docs >= self.pruned_at_docs.saturating_add(PRUNE_EVERY) {
            for v in self.vocab.iter_mut() {
                v.prune();
            }
            self.pruned_at_docs = n_docs;
        }
        let active = self.active.clone();
        for slot in active {
            let Some(s) = self.stories.get_mut(slot as usize) else { continue };
            // Stories idle since the last full pass were checked then.
            if s.last_seq <= since && since > 0 {
                continue;
            }
            // Rebuild under the current IDF only when the corpus grew by a
            // quarter since the last rebuild: each story is then rebuilt
            // O(log N) times by full passes, not at every one (which made
            // long-running stories cost O(N²) overall).
            if u64::from(n_docs) * 4 >= u64::from(s.rebuilt_docs) * 5 {
                s.rebuilt_at = 0;
            }
            s.merge_checked_at = 0;
            self.mark_dirty(slot);
        }
        self.maintain_changed()
    }

    fn freeze_idle(&mut self, changes: &mut Vec<StoryChange>) {
        let (seq, clock) = (self.seq, self.clock);
        let (max_articles, max_secs) =
            (self.cfg.inactive_after_articles, self.cfg.inactive_after_secs);
        let idle = |s: &Story| {
            seq.saturating_sub(s.last_seq) > max_articles
                || matches!((clock, s.newest), (Some(c), Some(n)) if c.saturating_sub(n) > max_secs)
        };
        let frozen: Vec<u32> = self
            .active
            .iter()
            .copied()
            .filter(|&slot| self.stories.get(slot as usize).is_some_and(idle))
            .collect();
        if frozen.is_empty() {
            return;
        }
        for &slot in &frozen {
            if let Some(s) = self.stories.get_mut(slot as usize) {
                s.state = State::Frozen;
                s.centroid = Default::default();
                s.norms = [0.0; 3];
                for m in s.members.iter_mut() {
                    m.raw = Default::default();
                }
            }
            self.reindex(slot);
            changes.push(StoryChange::Frozen { story: StoryId(slot as u64) });
        }
        self.active.retain(|s| !frozen.contains(s));
    }

    /// Recomputes a story's centroid from its members under the current IDF.
    fn rebuild(&mut self, slot: u32) {
        let n_docs = self.n_docs;
        let Some(s) = self.stories.get(slot as usize) else { return };
        // A big story is rebuilt from its newest REBUILD_SAMPLE members,
        // scaled to its size, so a rebuild costs O(1) however large the
        // story (all members made full passes O(members) per story).
        let n = s.members.len();
        let from = n.saturating_sub(REBUILD_SAMPLE);
        let scale = if from > 0 { n as f32 / REBUILD_SAMPLE as f32 } else { 1.0 };
        let mut centroid = self.sum_units(s.members[from..].iter());
        let keep = self.cfg.centroid_terms as usize;
        if let Some(s) = self.stories.get_mut(slot as usize) {
            if scale != 1.0 {
                for v in centroid.iter_mut() {
                    v.iter_mut().for_each(|e| e.1 *= scale);
                }
            }
            s.centroid = centroid;
            for ch in 0..3 {
                sparse::keep_top(&mut s.centroid[ch], keep);
                s.norms[ch] = sparse::norm(&s.centroid[ch]);
            }
            s.rebuilt_at = s.votes();
            s.rebuilt_docs = n_docs;
        }
    }

    /// Sum of the members' unit vectors under the current IDF.
    fn sum_units<'a>(&self, members: impl Iterator<Item = &'a Member>) -> [SparseVec; 3] {
        let units: Vec<[SparseVec; 3]> = members.map(|m| self.member_unit(m)).collect();
        sum_of(units.iter())
    }

    /// Mixed similarity of two stories' centroids, over the channels the
    /// first one has, given the dot products of their centroids.
    fn story_similarity(&self, a: &Story, b: &Story, dots: [f32; 3]) -> f32 {
        let cos = std::array::from_fn(|ch| {
            if a.centroid[ch].is_empty() {
                return None;
            }
            let d = dots[ch];
            Some(match self.cfg.linkage {
                Linkage::Centroid if a.norms[ch] > 0.0 && b.norms[ch] > 0.0 => {
                    d / (a.norms[ch] * b.norms[ch])
                }
                Linkage::Average if a.votes() > 0 && b.votes() > 0 => {
                    d / (a.votes() as f32 * b.votes() as f32)
                }
                _ => 0.0,
            })
        });
        self.mix(cos, self.is_short(a)) * self.time_factor(a.newest, b.newest)
    }

    /// Merges `slot` with its most similar story if close enough.
    fn try_merge(&mut self, slot: u32, changes: &mut Vec<StoryChange>) -> bool {
        let Some(s) = self.stories.get(slot as usize) else { return false };
        let query: [SparseVec; 3] = std::array::from_fn(|ch| {
            let n = s.norms[ch];
            s.centroid[ch].iter().map(|&(id, w)| (id, if n > 0.0 { w / n } else { 0.0 })).collect()
        });
        let cands = self.candidates(&query, Some(slot));
        let Some(s) = self.stories.get(slot as usize) else { return false };
        let mut dense = std::mem::take(&mut self.scratch.dense);
        let spans = self.spans();
        for ch in 0..3 {
            dense[ch].load(&s.centroid[ch], spans[ch]);
        }
        let mut best: Option<(u32, f32)> = None;
        for c in cands {
            let Some(o) = self.stories.get(c as usize) else { continue };
            if o.state != State::Active {
                continue;
            }
            let dots = std::array::from_fn(|ch| dense[ch].dot(&o.centroid[ch]));
            // Symmetric: score from the smaller story's channels.
            let sim = if s.votes() <= o.votes() {
                self.story_similarity(s, o, dots)
            } else {
                self.story_similarity(o, s, dots)
            };
            let threshold = if self.is_short(if s.votes() <= o.votes() { s } else { o }) {
                self.cfg.short_merge_threshold
            } else {
                self.cfg.merge_threshold
            };
            if sim >= threshold && best.is_none_or(|(b, bs)| sim > bs || (sim == bs && c < b)) {
                best = Some((c, sim));
            }
        }
        self.scratch.dense = dense;
        match best {
            Some((other, _)) => {
                let (keep, gone) = (slot.min(other), slot.max(other));
                self.merge(keep, gone, changes);
                true
            }
            None => false,
        }
    }

    /// Moves each of the newest members of `slot` that fits another story
    /// better than its own (its similarity to its story without itself) by
    /// [`crate::ClusterConfig::reassign_margin`], and well enough to have
    /// joined it, to that story: the repair for an article that joined the
    /// wrong story before the right one had taken shape.
    fn try_reassign(&mut self, slot: u32, changes: &mut Vec<StoryChange>) {
        let Some(s) = self.stories.get(slot as usize) else { return };
        let n = s.members.len();
        if n < 2 {
            return;
        }
        let from = n.saturating_sub(REASSIGN_SAMPLE).max((s.reassign_marks[0] as usize).min(n));
        if let Some(s) = self.stories.get_mut(slot as usize) {
            s.reassign_marks = [s.reassign_marks[1].min(n as u32), n as u32];
        }
        let Some(s) = self.stories.get(slot as usize) else { return };
        let units: Vec<(usize, [SparseVec; 3])> =
            (from..n).map(|i| (i, self.member_unit(&s.members[i]))).collect();
        // The story's newest publication time without a given member: the
        // newest, or the second newest for the member that holds it.
        let times = s.members.iter().enumerate().filter_map(|(j, m)| Some((m.published?, j)));
        let (mut newest_at, mut newest, mut second_newest) = (usize::MAX, None, None);
        for (t, j) in times {
            if newest.is_none_or(|n| t > n) {
                second_newest = newest;
                (newest, newest_at) = (Some(t), j);
            } else if second_newest.is_none_or(|n| t > n) {
                second_newest = Some(t);
            }
        }
        let spans = self.spans();
        let mut dense = std::mem::take(&mut self.scratch.dense);
        let mut moves: Vec<(usize, u32)> = Vec::new();
        for (i, u) in units {
            let Some(s) = self.stories.get(slot as usize) else { break };
            let Some(m) = s.members.get(i) else { continue };
            let (published, short) = (m.published, m.tokens < self.cfg.short_doc_tokens);
            for ch in 0..3 {
                dense[ch].load(&u[ch], spans[ch]);
            }
            // Leave-one-out: the centroid holds this member's unit vector.
            let own_cos = std::array::from_fn(|ch| {
                if u[ch].is_empty() {
                    return None;
                }
                let d = dense[ch].dot(&s.centroid[ch]);
                let uu = dense[ch].squares_on(&s.centroid[ch]);
                let n2 = s.norms[ch] * s.norms[ch] - 2.0 * d + uu;
                Some(if n2 > 1e-6 {
                    self.centroid_cos(d - uu, n2.sqrt(), short).max(0.0)
                } else {
                    0.0
                })
            });
            let newest = if i == newest_at { second_newest } else { newest };
            let own = self.mix(own_cos, short) * self.time_factor(published, newest);
            let cands = self.top_candidates(&u, Some(slot), REASSIGN_CANDIDATES);
            let best = self.best_of(&cands, &dense, &u, published, short);
            let threshold =
                if short { self.cfg.short_join_threshold } else { self.cfg.join_threshold };
            if let Some((to, score)) = best
                && score >= threshold
                && score > own + self.cfg.reassign_margin
            {
                moves.push((i, to));
            }
        }
        self.scratch.dense = dense;
        if moves.is_empty() {
            return;
        }
        // Out of the story, newest first so the indices stay valid; each
        // member takes its copies along.
        let mut taken: Vec<(Member, Vec<Copy>, u32)> = Vec::with_capacity(moves.len());
        if let Some(s) = self.stories.get_mut(slot as usize) {
            for &(i, to) in moves.iter().rev() {
                if i < s.members.len() {
                    let m = s.members.remove(i);
                    let copies = take_copies_of(s, std::slice::from_ref(&m));
                    taken.push((m, copies, to));
                }
            }
            s.newest = s.members.iter().filter_map(|m| m.published).max();
        }
        self.rebuild(slot);
        self.reindex(slot);
        for (m, copies, to) in taken.into_iter().rev() {
            let unit = self.member_unit(&m);
            let moved: Vec<ArticleId> =
                std::iter::once(m.id).chain(copies.iter().map(|c| c.0)).collect();
            for id in &moved {
                self.articles.insert(*id, to);
            }
            self.add_member(to, m, &unit);
            if let Some(t) = self.stories.get_mut(to as usize) {
                t.copies.extend(copies);
            }
            changes.push(StoryChange::Moved {
                from: StoryId(slot as u64),
                to: StoryId(to as u64),
                moved,
            });
        }
    }

    fn merge(&mut self, keep: u32, gone: u32, changes: &mut Vec<StoryChange>) {
        let Some(g) = self.stories.get_mut(gone as usize) else { return };
        g.state = State::Merged(keep);
        let members = std::mem::take(&mut g.members);
        let copies = std::mem::take(&mut g.copies);
        let centroid = std::mem::take(&mut g.centroid);
        let (newest, last_seq) = (g.newest, g.last_seq);
        self.reindex(gone);
        self.active.retain(|&s| s != gone);
        let moved: Vec<_> =
            members.iter().map(|m| m.id).chain(copies.iter().map(|c| c.0)).collect();
        for id in &moved {
            self.articles.insert(*id, keep);
        }
        let limit = self.cfg.centroid_terms as usize;
        let Some(k) = self.stories.get_mut(keep as usize) else { return };
        k.add_to_centroid(&centroid, limit, &mut self.scratch.tmp);
        k.members.extend(members);
        k.copies.extend(copies);
        k.newest = k.newest.max(newest);
        k.last_seq = k.last_seq.max(last_seq);
        self.reindex(keep);
        changes.push(StoryChange::Merged {
            survivor: StoryId(keep as u64),
            absorbed: StoryId(gone as u64),
            moved,
        });
    }

    /// Mixed cosine of each of `units` with a part (a centroid sum), through
    /// `dense`, where the part is scattered so each cosine is one walk over
    /// the member's entries.
    fn part_similarities<'a>(
        &self,
        dense: &mut [Dense; 3],
        part: &[SparseVec; 3],
        units: impl Iterator<Item = &'a [SparseVec; 3]>,
        short: bool,
    ) -> Vec<f32> {
        let norms = norms_of(part);
        let spans = self.spans();
        for ch in 0..3 {
            dense[ch].load(&part[ch], spans[ch]);
        }
        units
            .map(|u| {
                let cos = std::array::from_fn(|ch| {
                    if u[ch].is_empty() {
                        return None;
                    }
                    let n = norms[ch];
                    Some(if n > 0.0 { dense[ch].dot(&u[ch]) / n } else { 0.0 })
                });
                self.mix(cos, short)
            })
            .collect()
    }

    /// For each of `units`: is it closer to part `b` than to part `a`?
    fn closer_to_b<'a>(
        &self,
        dense: &mut [Dense; 3],
        a: &[SparseVec; 3],
        b: &[SparseVec; 3],
        units: impl Iterator<Item = &'a [SparseVec; 3]> + Clone,
        short: bool,
    ) -> Vec<bool> {
        let to_b = self.part_similarities(dense, b, units.clone(), short);
        let to_a = self.part_similarities(dense, a, units, short);
        to_b.iter().zip(&to_a).map(|(b, a)| b > a).collect()
    }

    /// 2-means over a story's members; splits when the parts are far apart.
    fn try_split(&mut self, slot: u32, changes: &mut Vec<StoryChange>) {
        let mut dense = std::mem::take(&mut self.scratch.dense);
        self.split_with(slot, changes, &mut dense);
        self.scratch.dense = dense;
    }

    fn split_with(&mut self, slot: u32, changes: &mut Vec<StoryChange>, dense: &mut [Dense; 3]) {
        let Some(s) = self.stories.get(slot as usize) else { return };
        let n_all = s.members.len();
        let short = self.is_short(s);
        // 2-means runs on at most SPLIT_SAMPLE evenly spaced members, so a
        // check costs O(sample) however large the story; all members are
        // placed only when a split is decided.
        let sample: Vec<usize> = if n_all <= SPLIT_SAMPLE {
            (0..n_all).collect()
        } else {
            (0..SPLIT_SAMPLE).map(|i| i * n_all / SPLIT_SAMPLE).collect()
        };
        let units: Vec<[SparseVec; 3]> =
            sample.iter().map(|&i| self.member_unit(&s.members[i])).collect();
        let n = units.len();
        // Part sums are truncated like centroids: a member's cosine with a
        // part is then a walk over at most `centroid_terms` entries, not
        // over the thousands a sum of 256 members holds.
        let keep = self.cfg.centroid_terms as usize;
        let part = |it: &mut dyn Iterator<Item = &[SparseVec; 3]>| -> [SparseVec; 3] {
            let units: Vec<&[SparseVec; 3]> = it.collect();
            let mut p = sum_of(units.iter().copied());
            for v in p.iter_mut() {
                sparse::keep_top(v, keep);
            }
            p
        };
        let all = part(&mut units.iter());
        // Seeds: the member least like the whole, then the one least like it.
        let mut far = |from: &[SparseVec; 3]| {
            self.part_similarities(dense, from, units.iter(), short)
                .into_iter()
                .enumerate()
                .min_by(|x, y| x.1.total_cmp(&y.1))
                .map_or(0, |x| x.0)
        };
        let s1 = far(&all);
        let s2 = far(&units[s1]);
        let (mut a, mut b) = (units[s2].clone(), units[s1].clone());
        let mut in_b = vec![false; n];
        for _ in 0..SPLIT_ROUNDS {
            let next = self.closer_to_b(dense, &a, &b, units.iter(), short);
            let stable = next == in_b;
            in_b = next;
            a = part(&mut units.iter().zip(&in_b).filter(|p| !*p.1).map(|p| p.0));
            b = part(&mut units.iter().zip(&in_b).filter(|p| *p.1).map(|p| p.0));
            if stable {
                break;
            }
        }
        if let Some(s) = self.stories.get_mut(slot as usize) {
            s.split_checked_at = n_all as u32;
        }
        let min = self.cfg.split_min_size as usize;
        let nb = in_b.iter().filter(|&&x| x).count();
        if nb < min.min(n) / 2 || n - nb < min.min(n) / 2 {
            return;
        }
        let unit_of = |p: &[SparseVec; 3]| -> [SparseVec; 3] {
            std::array::from_fn(|ch| {
                let mut v = p[ch].clone();
                sparse::normalize(&mut v);
                v
            })
        };
        let threshold =
            if short { self.cfg.short_split_threshold } else { self.cfg.split_threshold };
        let between = self.part_similarities(dense, &b, std::iter::once(&unit_of(&a)), short);
        if between.first().is_none_or(|&x| x >= threshold) {
            return;
        }
        if n < n_all {
            let Some(s) = self.stories.get(slot as usize) else { return };
            let all: Vec<[SparseVec; 3]> = s.members.iter().map(|m| self.member_unit(m)).collect();
            in_b = self.closer_to_b(dense, &a, &b, all.iter(), short);
        }
        let nb = in_b.iter().filter(|&&x| x).count();
        if nb < min || n_all - nb < min {
            return;
        }
        // The part holding the oldest member keeps the id.
        let move_flag = !in_b.first().copied().unwrap_or(false);
        let Some(s) = self.stories.get_mut(slot as usize) else { return };
        let old = std::mem::take(&mut s.members);
        let (moving, staying): (Vec<_>, Vec<_>) =
            old.into_iter().zip(&in_b).partition(|(_, f)| **f == move_flag);
        s.members = staying.into_iter().map(|p| p.0).collect();
        s.split_checked_at = s.votes();
        let moving: Vec<Member> = moving.into_iter().map(|p| p.0).collect();
        let copies = take_copies_of(s, &moving);
        let new_slot = self.stories.len() as u32;
        let moved: Vec<_> = moving.iter().map(|m| m.id).chain(copies.iter().map(|c| c.0)).collect();
        let mut story = Story::new(self.seq);
        story.newest = moving.iter().filter_map(|m| m.published).max();
        story.split_checked_at = moving.len() as u32;
        story.members = moving;
        story.copies = copies;
        self.stories.push(story);
        self.active.push(new_slot);
        for id in &moved {
            self.articles.insert(*id, new_slot);
        }
        for sl in [slot, new_slot] {
            self.rebuild(sl);
            self.reindex(sl);
        }
        if let Some(s) = self.stories.get_mut(slot as usize) {
            s.newest = s.members.iter().filter_map(|m| m.published).max();
        }
        changes.push(StoryChange::Split {
            from: StoryId(slot as u64),
            new_story: StoryId(new_slot as u64),
            moved,
        });
    }
}

/// Removes from `s` the copies whose canonical is one of `members`.
fn take_copies_of(s: &mut Story, members: &[Member]) -> Vec<Copy> {
    if s.copies.is_empty() {
        return Vec::new();
    }
    let ids: std::collections::HashSet<ArticleId> = members.iter().map(|m| m.id).collect();
    let (taken, kept) = std::mem::take(&mut s.copies).into_iter().partition(|c| ids.contains(&c.1));
    s.copies = kept;
    taken
}

fn sum_of<'a>(units: impl Iterator<Item = &'a [SparseVec; 3]> + Clone) -> [SparseVec; 3] {
    std::array::from_fn(|ch| sparse::sum_many(units.clone().map(|u| u[ch].as_slice())))
}

/// The channel norms of a part's centroid sum.
fn norms_of(part: &[SparseVec; 3]) -> [f32; 3] {
    std::array::from_fn(|ch| sparse::norm(&part[ch]))
}
