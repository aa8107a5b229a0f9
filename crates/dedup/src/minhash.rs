//! One-permutation MinHash with optimal densification, LSH band keys, and the
//! choice of (bands, rows).
//!
//! **One-permutation hashing** (Li, Owen & Zhang 2012): each shingle is hashed
//! once; the low 32 bits pick one of `k` bins and the high 32 bits are its
//! value; a bin keeps its minimum. That is `|A|` hash operations instead of the
//! `k·|A|` of classic MinHash (measured: 128 classic hashes cost ~40 µs on a
//! 700-shingle article, one-permutation ~2 µs). **Densification**
//! (Shrivastava, ICML 2017, "optimal densification"): an empty bin `i` — short
//! texts leave many — copies the value of the first non-empty bin in a fixed
//! pseudo-random probe sequence seeded by `i`, so two sets agree on a
//! densified bin with probability equal to their Jaccard similarity.

use crate::shingle::mix64;

/// Seed mixed into every shingle before binning, so bins do not line up with
/// the stored 32-bit set values.
const BIN_SEED: u64 = 0x5851_f42d_4c95_7f2d;

/// The densified one-permutation signature of a shingle set: `k` values.
pub(crate) fn signature(set: &[u32], k: usize, out: &mut Vec<u32>) {
    const EMPTY: u64 = u64::MAX;
    let mut mins = vec![EMPTY; k];
    for &x in set {
        let m = mix64(u64::from(x) ^ BIN_SEED);
        let bin = (((m & 0xffff_ffff) * k as u64) >> 32) as usize;
        let v = m >> 32;
        if let Some(slot) = mins.get_mut(bin)
            && v < *slot
        {
            *slot = v;
        }
    }
    out.clear();
    let filled = mins.iter().filter(|&&m| m != EMPTY).count();
    if filled == 0 {
        out.resize(k, 0);
        return;
    }
    for i in 0..k {
        let mut v = mins[i];
        let mut attempt: u64 = 0;
        while v == EMPTY {
            // Probe sequence for bin i; terminates because some bin is filled
            // (and, as a guard against a pathological sequence, falls back to a
            // linear scan after 64·k probes).
            attempt += 1;
            if attempt > 64 * k as u64 {
                v = mins[(i..k).chain(0..i).find(|&j| mins[j] != EMPTY).unwrap_or(0)];
                break;
            }
            let p = mix64((i as u64) << 32 ^ attempt ^ 0x2545_f491_4f6c_dd1d);
            let j = (((p & 0xffff_ffff) * k as u64) >> 32) as usize;
            v = mins[j];
        }
        out.push(v as u32);
    }
}

/// The LSH key of each band: a 64-bit hash of the band's index and its `rows`
/// signature values.
pub(crate) fn band_keys(sig: &[u32], bands: usize, rows: usize, out: &mut Vec<u64>) {
    out.clear();
    for b in 0..bands {
        let mut h = mix64(b as u64 ^ 0x94d0_49bb_1331_11eb);
        for &v in sig.iter().skip(b * rows).take(rows) {
            h = mix64(h ^ u64::from(v)).wrapping_add(0x9e37_79b9_7f4a_7c15);
        }
        out.push(h);
    }
}

/// Probability that a pair with Jaccard `s` shares at least one band.
pub(crate) fn candidate_probability(s: f64, bands: usize, rows: usize) -> f64 {
    1.0 - (1.0 - s.powi(rows as i32)).powi(bands as i32)
}

/// Integral of `f` over `[a, b]` (Simpson's rule, 200 intervals).
fn integrate(f: impl Fn(f64) -> f64, a: f64, b: f64) -> f64 {
    const N: usize = 200;
    let h = (b - a) / N as f64;
    let mut sum = f(a) + f(b);
    for i in 1..N {
        let x = a + i as f64 * h;
        sum += if i % 2 == 1 { 4.0 } else { 2.0 } * f(x);
    }
    sum * h / 3.0
}

/// The (bands, rows) with `bands·rows ≤ max_bins` that minimise
/// `fp_weight·FP + fn_weight·FN`, where FP is the area under the candidate
/// probability curve below `threshold` (pairs that become candidates though
/// less similar) and FN the area above it between the curve and 1 (similar
/// pairs that are missed).
pub(crate) fn optimal_params(
    threshold: f64,
    max_bins: usize,
    fp_weight: f64,
    fn_weight: f64,
) -> (usize, usize) {
    let mut best = (1, 1);
    let mut best_err = f64::INFINITY;
    for bands in 1..=max_bins {
        for rows in 1..=max_bins / bands {
            let fp = integrate(|s| candidate_probability(s, bands, rows), 0.0, threshold);
            let fneg = integrate(|s| 1.0 - candidate_probability(s, bands, rows), threshold, 1.0);
            let err = fp_weight * fp + fn_weight * fneg;
            if err < best_err {
                best_err = err;
                best = (bands, rows);
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_sets_give_identical_signatures_and_short_sets_are_densified() {
        let set = vec![1, 2, 3];
        let (mut a, mut b) = (Vec::new(), Vec::new());
        signature(&set, 64, &mut a);
        signature(&set, 64, &mut b);
        assert_eq!(a, b);
        assert_eq!(a.len(), 64);
        let distinct: std::collections::HashSet<u32> = a.iter().copied().collect();
        assert!(distinct.len() <= 3, "densified bins copy filled ones");
    }

    #[test]
    fn default_layout() {
        let (b, r) = optimal_params(0.2, 128, 0.2, 0.8);
        eprintln!(
            "default layout {b}x{r}: p(0.1)={:.3} p(0.15)={:.3} p(0.2)={:.3} p(0.3)={:.3}",
            candidate_probability(0.1, b, r),
            candidate_probability(0.15, b, r),
            candidate_probability(0.2, b, r),
            candidate_probability(0.3, b, r)
        );
    }

    #[test]
    fn signature_agreement_estimates_jaccard() {
        // |A∩B| = 600, |A∪B| = 1000: J = 0.6.
        let a: Vec<u32> = (0..800).map(|i| i * 7 + 1).collect();
        let b: Vec<u32> = (200..1000).map(|i| i * 7 + 1).collect();
        let (mut sa, mut sb) = (Vec::new(), Vec::new());
        signature(&a, 512, &mut sa);
        signature(&b, 512, &mut sb);
        let agree = sa.iter().zip(&sb).filter(|(x, y)| x == y).count() as f64 / 512.0;
        assert!((agree - 0.6).abs() < 0.08, "estimate {agree}");
    }

    #[test]
    fn optimal_params_fit_the_threshold() {
        // datasketch's choice for the same inputs is also (9, 13).
        let (b, r) = optimal_params(0.8, 128, 0.5, 0.5);
        assert_eq!((b, r), (9, 13));
        let p_hi = candidate_probability(0.9, b, r);
        let p_lo = candidate_probability(0.5, b, r);
        assert!(p_hi > 0.9 && p_lo < 0.01, "b={b} r={r} p(0.9)={p_hi} p(0.5)={p_lo}");
    }
}
