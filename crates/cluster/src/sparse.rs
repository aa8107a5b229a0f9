//! Sparse vectors as id-sorted `Vec<(u32, f32)>` and the few operations the
//! clusterer needs. Sorted vectors keep dot products a branch-light merge and
//! serialise compactly.

/// A sparse vector: `(term id, weight)`, sorted by id, ids unique.
pub(crate) type SparseVec = Vec<(u32, f32)>;

/// Dot product of two id-sorted sparse vectors: the reference that
/// [`Dense::dot`] is tested against (the clusterer scatters one side).
#[cfg(test)]
pub(crate) fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    // Walk the shorter one and gallop in the longer one when they differ a lot.
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return 0.0;
    }
    let mut sum = 0.0;
    if long.len() > 8 * short.len() {
        let mut lo = 0;
        for &(id, w) in short {
            match long[lo..].binary_search_by_key(&id, |e| e.0) {
                Ok(i) => {
                    sum += w * long[lo + i].1;
                    lo += i + 1;
                }
                Err(i) => lo += i,
            }
            if lo >= long.len() {
                break;
            }
        }
        return sum;
    }
    let (mut i, mut j) = (0, 0);
    while i < short.len() && j < long.len() {
        let (ia, wa) = short[i];
        let (jb, wb) = long[j];
        if ia == jb {
            sum += wa * wb;
            i += 1;
            j += 1;
        } else if ia < jb {
            i += 1;
        } else {
            j += 1;
        }
    }
    sum
}

/// Dot product of an id-sorted sparse vector with a dense one (ids past the
/// dense vector's end count as 0).
fn dot_dense(a: &[(u32, f32)], dense: &[f32]) -> f32 {
    let mut sum = 0.0;
    for &(id, w) in a {
        if let Some(&d) = dense.get(id as usize) {
            sum += w * d;
        }
    }
    sum
}

/// A sparse vector scattered into a buffer indexed by id, for many dot
/// products with it: [`Dense::dot`] walks only the other vector, and sums
/// the same products in the same (id) order as a merge of the two sorted
/// vectors, so the result is
/// bit for bit the same. [`Dense::clear`] zeroes only the ids it set.
#[derive(Debug, Default, Clone)]
pub(crate) struct Dense {
    buf: Vec<f32>,
    set: Vec<u32>,
}

impl Dense {
    /// Scatters `v` (ids below `span`, the dictionary size) into the buffer,
    /// replacing what was loaded.
    pub(crate) fn load(&mut self, v: &[(u32, f32)], span: usize) {
        self.clear();
        if self.buf.len() < span {
            self.buf.resize(span, 0.0);
        }
        for &(id, w) in v {
            if let Some(x) = self.buf.get_mut(id as usize) {
                *x = w;
                self.set.push(id);
            }
        }
    }

    /// Dot product of `a` with the loaded vector.
    pub(crate) fn dot(&self, a: &[(u32, f32)]) -> f32 {
        dot_dense(a, &self.buf)
    }

    /// Sum of the squares of the loaded entries at the ids of `a` (the part
    /// of the loaded vector's own norm that `a` covers).
    pub(crate) fn squares_on(&self, a: &[(u32, f32)]) -> f32 {
        a.iter().filter_map(|&(id, _)| self.buf.get(id as usize)).map(|&d| d * d).sum()
    }

    /// Zeroes the loaded entries.
    pub(crate) fn clear(&mut self) {
        for id in self.set.drain(..) {
            if let Some(x) = self.buf.get_mut(id as usize) {
                *x = 0.0;
            }
        }
    }
}

/// Euclidean norm.
pub(crate) fn norm(v: &[(u32, f32)]) -> f32 {
    v.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt()
}

/// Scales `v` to unit length (no-op on a zero vector).
pub(crate) fn normalize(v: &mut [(u32, f32)]) {
    let n = norm(v);
    if n > 0.0 {
        for e in v.iter_mut() {
            e.1 /= n;
        }
    }
}

/// `acc += scale * v`, through `tmp` (left holding the old `acc`).
pub(crate) fn add_scaled(acc: &mut SparseVec, v: &[(u32, f32)], scale: f32, tmp: &mut SparseVec) {
    tmp.clear();
    tmp.reserve(acc.len() + v.len());
    let (mut i, mut j) = (0, 0);
    while i < acc.len() || j < v.len() {
        match (acc.get(i), v.get(j)) {
            (Some(&(ia, wa)), Some(&(jb, wb))) if ia == jb => {
                tmp.push((ia, wa + scale * wb));
                i += 1;
                j += 1;
            }
            (Some(&(ia, wa)), Some(&(jb, _))) if ia < jb => {
                tmp.push((ia, wa));
                i += 1;
            }
            (Some(&e), None) => {
                tmp.push(e);
                i += 1;
            }
            (_, Some(&(jb, wb))) => {
                tmp.push((jb, scale * wb));
                j += 1;
            }
            (None, None) => break,
        }
    }
    std::mem::swap(acc, tmp);
}

/// The sum of many id-sorted vectors: all entries concatenated, sorted by id
/// and coalesced, in O(T log T) for T entries in all. (Adding them one by one
/// with [`add_scaled`] costs O(n × |sum|), quadratic in the number of vectors.)
pub(crate) fn sum_many<'a>(vs: impl Iterator<Item = &'a [(u32, f32)]>) -> SparseVec {
    let mut all: SparseVec = Vec::new();
    for v in vs {
        all.extend_from_slice(v);
    }
    all.sort_unstable_by_key(|e| e.0);
    let mut out: SparseVec = Vec::with_capacity(all.len());
    for (id, w) in all {
        match out.last_mut() {
            Some(last) if last.0 == id => last.1 += w,
            _ => out.push((id, w)),
        }
    }
    out
}

/// Keeps the `k` largest weights of an id-sorted vector, still id-sorted.
/// Ties break by id, so the result is deterministic.
pub(crate) fn keep_top(v: &mut SparseVec, k: usize) {
    if v.len() <= k {
        return;
    }
    if k == 0 {
        v.clear();
        return;
    }
    v.select_nth_unstable_by(k - 1, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(k);
    v.sort_unstable_by_key(|e| e.0);
}

/// The ids of the `k` largest weights of `v`, largest first, into `out`.
pub(crate) fn top_ids(v: &[(u32, f32)], k: usize, out: &mut Vec<(u32, f32)>) {
    out.clear();
    out.extend_from_slice(v);
    let cmp = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    if out.len() > k && k > 0 {
        out.select_nth_unstable_by(k - 1, cmp);
    }
    out.truncate(k);
    out.sort_unstable_by(cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_merges_and_gallops() {
        let a = vec![(1, 1.0), (3, 2.0), (7, 1.0)];
        let b = vec![(3, 0.5), (7, 2.0), (9, 1.0)];
        assert_eq!(dot(&a, &b), 3.0);
        let long: SparseVec = (0..100).map(|i| (i, 1.0)).collect();
        assert_eq!(dot(&[(5, 2.0), (50, 1.0), (200, 9.0)], &long), 3.0);
        assert_eq!(dot(&[], &long), 0.0);
        let mut dense = vec![0.0; 8];
        for &(id, w) in &b {
            if let Some(x) = dense.get_mut(id as usize) {
                *x = w;
            }
        }
        assert_eq!(dot_dense(&a, &dense), 2.0 * 0.5 + 1.0 * 2.0, "id 9 is past the end");
    }

    #[test]
    fn dense_dot_is_the_merge_dot_bit_for_bit() {
        let a: SparseVec = (0..300).map(|i| (i * 3, 1.0 / (1.0 + i as f32))).collect();
        let b: SparseVec = (0..200).map(|i| (i * 5, (i as f32).sqrt() * 0.37)).collect();
        let mut d = Dense::default();
        d.load(&b, 1500);
        assert_eq!(d.dot(&a).to_bits(), dot(&a, &b).to_bits());
        d.load(&a, 1500);
        assert_eq!(d.dot(&b).to_bits(), dot(&a, &b).to_bits());
        d.load(&[(7, 2.0)], 1500);
        assert_eq!(d.dot(&a), 0.0, "loading replaces the previous vector");
        d.clear();
        assert_eq!(d.dot(&[(7, 1.0)]), 0.0);
    }

    #[test]
    fn add_and_keep_top() {
        let mut acc = vec![(1, 1.0), (4, 1.0)];
        let mut tmp = Vec::new();
        add_scaled(&mut acc, &[(2, 1.0), (4, 1.0)], 2.0, &mut tmp);
        assert_eq!(acc, vec![(1, 1.0), (2, 2.0), (4, 3.0)]);
        keep_top(&mut acc, 2);
        assert_eq!(acc, vec![(2, 2.0), (4, 3.0)]);
        let mut out = Vec::new();
        top_ids(&acc, 1, &mut out);
        assert_eq!(out, vec![(4, 3.0)]);
    }
}

#[cfg(test)]
mod sum_tests {
    use super::*;

    #[test]
    fn sum_many_equals_repeated_add() {
        let vs: Vec<SparseVec> = vec![
            vec![(1, 1.0), (4, 2.0), (9, 0.5)],
            vec![(0, 3.0), (4, 1.0)],
            vec![],
            vec![(9, 1.5), (12, 1.0)],
        ];
        let mut acc = SparseVec::new();
        let mut tmp = SparseVec::new();
        for v in &vs {
            add_scaled(&mut acc, v, 1.0, &mut tmp);
        }
        assert_eq!(sum_many(vs.iter().map(|v| v.as_slice())), acc);
    }
}
