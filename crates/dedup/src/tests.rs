//! Unit tests of the index: links, containment, no chaining, windows, snapshots.

use parallax_model::ArticleId;

use crate::{DedupConfig, DedupIndex, Shingles, pair_similarity, shingles};

fn id(n: u64) -> ArticleId {
    ArticleId::from_u64(n)
}

/// `n` pseudo-random words from a 5,000-word vocabulary, seeded.
fn words(seed: u64, n: usize) -> Vec<String> {
    let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            format!("w{}", x % 5000)
        })
        .collect()
}

fn text(ws: &[String]) -> String {
    ws.join(" ")
}

fn index() -> DedupIndex {
    DedupIndex::new(DedupConfig::default()).unwrap()
}

#[test]
fn exact_copy_joins_the_group_of_the_first() {
    let t = text(&words(1, 300));
    let mut ix = index();
    let a = ix.add(id(1), &shingles(&t));
    assert!(a.is_new_group);
    assert_eq!(a.canonical, id(1));
    let b = ix.add(id(2), &shingles(&format!("  {}\n", t.to_uppercase())));
    assert!(!b.is_new_group);
    assert_eq!((b.group, b.canonical), (a.group, id(1)));
    assert_eq!((b.similarity, b.containment), (1.0, 1.0));
    assert_eq!(ix.live_canonicals(), 1);
}

#[test]
fn truncated_copy_links_by_containment_either_way_round() {
    let full = words(2, 400);
    let cut = text(&full[..110]);
    for order in [[0, 1], [1, 0]] {
        let mut ix = index();
        let docs = [text(&full), cut.clone()];
        let first = ix.add(id(10), &shingles(&docs[order[0]]));
        let second = ix.add(id(11), &shingles(&docs[order[1]]));
        assert!(!second.is_new_group, "{second:?}");
        assert_eq!(second.group, first.group);
        assert!(second.similarity < 0.4 && second.containment == 1.0, "{second:?}");
    }
}

#[test]
fn unrelated_texts_stay_apart() {
    let mut ix = index();
    for n in 0..200 {
        let d = ix.add(id(n), &shingles(&text(&words(1000 + n, 250))));
        assert!(d.is_new_group, "article {n}: {d:?}");
    }
    assert_eq!(ix.live_canonicals(), 200);
}

#[test]
fn chain_does_not_merge_the_ends() {
    let a = words(3, 200);
    let mut b = a.clone();
    for p in [10, 40, 70, 100, 130, 160] {
        b[p] = format!("b{p}");
    }
    let mut c = b.clone();
    for p in [25, 55, 85, 115, 145, 175] {
        c[p] = format!("c{p}");
    }
    let (sa, sb, sc) = (shingles(&text(&a)), shingles(&text(&b)), shingles(&text(&c)));
    let cfg = DedupConfig::default();
    let (_, cab) = pair_similarity(&sa, &sb);
    let (_, cbc) = pair_similarity(&sb, &sc);
    let (jac, cac) = pair_similarity(&sa, &sc);
    assert!(cab >= cfg.containment_threshold && cbc >= cfg.containment_threshold);
    assert!(jac < cfg.jaccard_threshold && cac < cfg.containment_threshold, "{jac} {cac}");

    let mut ix = index();
    let da = ix.add(id(1), &sa);
    let db = ix.add(id(2), &sb);
    let dc = ix.add(id(3), &sc);
    assert_eq!(db.group, da.group);
    assert!(dc.is_new_group, "C compared with A's canonical only: {dc:?}");
    assert_ne!(dc.group, da.group);
}

#[test]
fn the_best_verified_canonical_wins() {
    let a = words(4, 200);
    let mut near = a.clone();
    near[100] = "x".into();
    let mut ix = index();
    let g1 = ix.add(id(1), &shingles(&text(&a[..100]))).group;
    let g2 = ix.add(id(2), &shingles(&text(&a))).group;
    // a[..100] is contained in `a`, so `a` joined it.
    assert_eq!(g1, g2);
    let d = ix.add(id(3), &shingles(&text(&near)));
    assert_eq!(d.group, g1);
}

#[test]
fn canonicals_leave_the_article_window() {
    let cfg = DedupConfig { window_articles: 3, ..DedupConfig::default() };
    let mut ix = DedupIndex::new(cfg).unwrap();
    let t = shingles(&text(&words(5, 300)));
    let first = ix.add(id(1), &t);
    ix.add(id(2), &shingles(&text(&words(6, 300))));
    let inside = ix.add(id(3), &t);
    assert_eq!(inside.group, first.group);
    ix.add(id(4), &shingles(&text(&words(7, 300))));
    // Article index 4: the canonical born at 0 is 4 ≥ 3 articles old.
    let late = ix.add(id(5), &t);
    assert!(late.is_new_group, "{late:?}");
    assert_eq!(late.canonical, id(5));
    assert!(ix.live_canonicals() <= 3);
}

#[test]
fn canonicals_leave_the_time_window() {
    let cfg = DedupConfig { window_secs: Some(100), ..DedupConfig::default() };
    let mut ix = DedupIndex::new(cfg).unwrap();
    let t = shingles(&text(&words(8, 300)));
    let first = ix.add_at(id(1), Some(1_000), &t);
    assert_eq!(ix.add_at(id(2), Some(1_090), &t).group, first.group);
    let late = ix.add_at(id(3), Some(1_101), &t);
    assert!(late.is_new_group);
    assert_eq!(ix.live_canonicals(), 1);
}

#[test]
fn empty_and_short_texts() {
    let mut ix = index();
    // No word: always its own group, never indexed.
    let e1 = ix.add(id(1), &shingles(" -- ! "));
    let e2 = ix.add(id(2), &shingles(""));
    assert!(e1.is_new_group && e2.is_new_group);
    assert_ne!(e1.group, e2.group);
    assert_eq!(ix.live_canonicals(), 0);
    // Fewer than five words: one whole-text hash, so only identical texts link.
    let s1 = ix.add(id(3), &shingles("Breaking: storm hits"));
    let s2 = ix.add(id(4), &shingles("BREAKING — Storm hits!"));
    let s3 = ix.add(id(5), &shingles("Breaking: storm hit"));
    assert_eq!(s2.group, s1.group);
    assert!(s3.is_new_group);
    assert_eq!(shingles("one two three four").len(), 1);
    // A short text is not "contained" in a long one that quotes it.
    let long = format!("{} breaking storm hits {}", text(&words(9, 100)), text(&words(10, 100)));
    assert!(ix.add(id(6), &shingles(&long)).is_new_group);
}

#[test]
fn own_normaliser_matches_pre_normalised_words() {
    let t = "Mr. Rubio’s talks resumed on Jan. 5 in Genève, officials said.";
    let ws = ["mr", "rubio", "s", "talks", "resumed", "on", "jan", "5", "in", "genève"];
    let ws2 = ["officials", "said"];
    let from_words = Shingles::from_words(ws.iter().chain(&ws2).copied());
    assert_eq!(shingles(t), from_words);
    assert_eq!(shingles(t).len(), 8);
}

#[test]
fn snapshot_round_trips_through_bytes_and_serde() {
    let cfg = DedupConfig { window_articles: 50, ..DedupConfig::default() };
    let mut ix = DedupIndex::new(cfg).unwrap();
    let docs: Vec<Shingles> = (0..80).map(|n| shingles(&text(&words(100 + n, 150)))).collect();
    for (n, d) in docs.iter().enumerate() {
        ix.add_at(id(n as u64), Some(n as i64), d);
    }
    let bytes = ix.to_bytes();
    let json = serde_json::to_string(&ix).unwrap();
    let mut from_bytes = DedupIndex::from_bytes(&bytes).unwrap();
    let mut from_json: DedupIndex = serde_json::from_str(&json).unwrap();
    assert_eq!(from_bytes.to_bytes(), bytes);
    assert_eq!(from_json.to_bytes(), bytes);
    assert_eq!(from_bytes.live_canonicals(), 50);
    // The restored indexes decide exactly like the original.
    for (n, d) in docs.iter().enumerate().skip(40) {
        let want = ix.add_at(id(1000 + n as u64), Some(90), d);
        assert_eq!(from_bytes.add_at(id(1000 + n as u64), Some(90), d), want);
        assert_eq!(from_json.add_at(id(1000 + n as u64), Some(90), d), want);
    }
    // Damaged input is an error, not a panic.
    assert!(DedupIndex::from_bytes(&bytes[..bytes.len() - 3]).is_err());
    assert!(DedupIndex::from_bytes(b"nonsense").is_err());
}

#[test]
fn bad_config_is_refused() {
    let cfg = DedupConfig { jaccard_threshold: 1.5, ..DedupConfig::default() };
    assert!(DedupIndex::new(cfg).is_err());
    let cfg = DedupConfig { lsh_threshold: 0.0, ..DedupConfig::default() };
    assert!(DedupIndex::new(cfg).is_err());
}

#[test]
fn long_texts_are_sorted_and_distinct() {
    let s = shingles(&text(&words(11, 3000)));
    assert!(s.as_slice().windows(2).all(|w| w[0] < w[1]));
    assert!(s.len() > 2900);
}
