//! Quotes across articles: the same utterance by the same speaker, as
//! `identical` or `variant` wording.
//!
//! Following MemeTracker (Leskovec et al. 2009), quotes are keyed on the
//! speaker (the merged entity, or the description as written when nobody
//! is named: "the official"), and two quotes of one speaker in different
//! articles are one utterance when the shorter is contained in the longer
//! (word LCS ≥ [`CompareConfig::quote_min_containment`] of the shorter:
//! truncation) or their word edit distance is small (≤
//! [`CompareConfig::quote_max_distance`] of the longer). Words match on
//! their stem, and a WordNet synonym costs
//! [`CompareConfig::synonym_cost`] instead of a full substitution, so
//! "hysteria and hyperbole" ~ "hysteria and exaggeration". Direct quotes
//! compare every word; when either side is reported speech only content
//! words count (person and tense shift: "we will" → "they would"). Two
//! quotes that fail the verbatim test still match as paraphrases when the
//! shorter's content words (five or more) are 65 % contained in the longer's.
//! Editorial insertions in square brackets are left out, and a quantity
//! counts as one word, its normalised value ("5%" = "5 percent"). Only
//! direct quotes can be `identical`. Groups are built
//! greedily from the best pair down and never take two quotes of one
//! article, so different utterances of one speaker stay apart.

use parallax_enrich::quotes::QuoteKind;
use parallax_model::Span;

use crate::CompareConfig;
use crate::contract::{ChangeOut, QuoteOrigin, Relation};
use crate::prep::{Prepared, Tok};

/// One quote of one article, from enrichment or a fragment.
#[derive(Debug, Clone)]
pub(crate) struct QuoteRec {
    pub(crate) article: usize,
    pub(crate) kind: QuoteKind,
    pub(crate) parts: Vec<Span>,
    pub(crate) cue: Option<Span>,
    pub(crate) speaker_text: Option<String>,
    /// Merged entity of the speaker.
    pub(crate) speaker: Option<usize>,
    pub(crate) origin: QuoteOrigin,
    /// Word tokens of the content (indices into the article's tokens).
    pub(crate) toks: Vec<usize>,
    /// The speaker's own words: all of a direct quote, the quoted pieces
    /// of a mixed one ("dismissed what he called “hysteria and
    /// hyperbole”"), none of reported speech.
    pub(crate) core: Vec<usize>,
}

impl QuoteRec {
    pub(crate) fn span(&self) -> Span {
        let a = self.parts.first().map_or(0, |s| s.start as usize);
        let b = self.parts.last().map_or(0, |s| s.end as usize);
        Span::new(a, b)
    }

    /// The grouping key: the merged entity, or the folded description.
    fn speaker_key(&self) -> Option<String> {
        match (self.speaker, &self.speaker_text) {
            (Some(e), _) => Some(format!("e{e}")),
            (None, Some(t)) => {
                let t = crate::entities::fold_name(t);
                let t = t.strip_prefix("the ").unwrap_or(&t).to_string();
                (!t.is_empty()).then(|| format!("t:{t}"))
            }
            _ => None,
        }
    }
}

/// One group of quotes of one utterance.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    /// Indices into the quote list; the first is the reference.
    pub(crate) members: Vec<usize>,
    pub(crate) relation: Relation,
    /// Changes of each other member from the reference.
    pub(crate) changes: Vec<Vec<ChangeOut>>,
}

/// The words two quotes are compared on: every word of the speaker's own
/// words when both have some and one of them is a direct quote (a direct
/// quote against the quoted piece of a mixed one), else the content words.
fn words<'a>(q: &QuoteRec, other: &QuoteRec, p: &'a Prepared) -> Vec<&'a Tok> {
    let verbatim = !q.core.is_empty()
        && !other.core.is_empty()
        && (q.kind == QuoteKind::Direct || other.kind == QuoteKind::Direct);
    if verbatim {
        return q.core.iter().map(|&i| &p.toks[i]).collect();
    }
    q.toks.iter().map(|&i| &p.toks[i]).filter(|t| t.content() || t.quantity).collect()
}

/// Edit operation of the word alignment.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Op {
    Same,
    /// Same stem or synonym.
    Like,
    Sub,
    Del,
    Ins,
}

/// Weighted word edit distance with its alignment.
fn align(a: &[&Tok], b: &[&Tok], syn_cost: f32) -> (f32, Vec<Op>) {
    let (n, m) = (a.len(), b.len());
    let w = m + 1;
    let mut d = vec![0f32; (n + 1) * w];
    for i in 0..=n {
        d[i * w] = i as f32;
    }
    for (j, cell) in d.iter_mut().enumerate().take(m + 1) {
        *cell = j as f32;
    }
    let cost = |x: &Tok, y: &Tok| {
        if x.norm == y.norm {
            0.0
        } else if x.like(y) {
            syn_cost
        } else {
            1.0
        }
    };
    for i in 1..=n {
        for j in 1..=m {
            let sub = d[(i - 1) * w + j - 1] + cost(a[i - 1], b[j - 1]);
            d[i * w + j] = sub.min(d[(i - 1) * w + j] + 1.0).min(d[i * w + j - 1] + 1.0);
        }
    }
    let mut ops = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let here = d[i * w + j];
        if i > 0 && j > 0 {
            let c = cost(a[i - 1], b[j - 1]);
            if (d[(i - 1) * w + j - 1] + c - here).abs() < 1e-4 {
                ops.push(if c == 0.0 {
                    Op::Same
                } else if c < 1.0 {
                    Op::Like
                } else {
                    Op::Sub
                });
                i -= 1;
                j -= 1;
                continue;
            }
        }
        if i > 0 && (d[(i - 1) * w + j] + 1.0 - here).abs() < 1e-4 {
            ops.push(Op::Del);
            i -= 1;
        } else {
            ops.push(Op::Ins);
            j = j.saturating_sub(1);
        }
    }
    ops.reverse();
    (d[n * w + m], ops)
}

/// Longest common subsequence of like words.
fn lcs(a: &[&Tok], b: &[&Tok]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x.like(y) { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// How well two quotes match: `Some((score, identical))` when they are one
/// utterance.
fn relate(a: &[&Tok], b: &[&Tok], cfg: &CompareConfig) -> Option<(f32, bool)> {
    let (short, long) = (a.len().min(b.len()), a.len().max(b.len()));
    if short == 0 {
        return None;
    }
    if a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.norm == y.norm) {
        return Some((2.0, true));
    }
    if short < 3 {
        return None;
    }
    let (dist, _) = align(a, b, cfg.synonym_cost);
    let d = dist / long as f32;
    if d <= cfg.quote_max_distance {
        return Some((1.0 - d, false));
    }
    let c = lcs(a, b) as f32 / short as f32;
    (c >= cfg.quote_min_containment).then_some((c * 0.9, false))
}

/// Least content words of the shorter quote for a paraphrase match.
const PARAPHRASE_MIN_WORDS: usize = 5;
/// Share of the shorter quote's content words (0–1) found in order in the
/// longer's for a paraphrase match (the example corpus's two renderings of
/// Vireland's remark, "a great deal of panic and overstatement … we have
/// the engineers" / "a lot of panic and exaggeration … we have engineers",
/// keep 6 of 9).
const PARAPHRASE_MIN_CONTAINMENT: f32 = 0.65;

/// Two renderings of one utterance that differ in their function words
/// ("We have engineers, we have money and, since today, we also have a
/// plan" / "We have the engineers, we have the money, and as of today we
/// have the plan"): the shorter's content words (at least
/// [`PARAPHRASE_MIN_WORDS`]) found in order in the longer, synonyms
/// allowed, at [`PARAPHRASE_MIN_CONTAINMENT`]. Scored below any verbatim
/// match.
fn paraphrase(a: &QuoteRec, b: &QuoteRec, preps: &[Prepared]) -> Option<f32> {
    let content = |q: &QuoteRec| -> Vec<&Tok> {
        let p = &preps[q.article];
        q.toks.iter().map(|&i| &p.toks[i]).filter(|t| t.content() || t.quantity).collect()
    };
    let (ca, cb) = (content(a), content(b));
    let short = ca.len().min(cb.len());
    if short < PARAPHRASE_MIN_WORDS {
        return None;
    }
    let c = lcs(&ca, &cb) as f32 / short as f32;
    (c >= PARAPHRASE_MIN_CONTAINMENT).then_some(c * 0.5)
}

/// The changed word runs of `b` against the reference `a`.
fn changes(a: &[&Tok], b: &[&Tok], cfg: &CompareConfig) -> Vec<ChangeOut> {
    let (_, ops) = align(a, b, cfg.synonym_cost);
    let (mut i, mut j) = (0, 0);
    let mut out: Vec<ChangeOut> = Vec::new();
    let mut run: Option<(Vec<&str>, Vec<&str>, bool)> = None;
    let flush = |run: &mut Option<(Vec<&str>, Vec<&str>, bool)>, out: &mut Vec<ChangeOut>| {
        if let Some((f, t, syn)) = run.take() {
            out.push(ChangeOut { from: f.join(" "), to: t.join(" "), synonym: syn });
        }
    };
    for op in ops {
        match op {
            Op::Same => {
                flush(&mut run, &mut out);
                i += 1;
                j += 1;
            }
            Op::Like | Op::Sub => {
                let r = run.get_or_insert_with(|| (Vec::new(), Vec::new(), true));
                r.0.push(&a[i].norm);
                r.1.push(&b[j].norm);
                r.2 &= op == Op::Like;
                i += 1;
                j += 1;
            }
            Op::Del => {
                let r = run.get_or_insert_with(|| (Vec::new(), Vec::new(), true));
                r.0.push(&a[i].norm);
                r.2 = false;
                i += 1;
            }
            Op::Ins => {
                let r = run.get_or_insert_with(|| (Vec::new(), Vec::new(), true));
                r.1.push(&b[j].norm);
                r.2 = false;
                j += 1;
            }
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Groups the quotes of different articles that render one utterance.
pub(crate) fn group(quotes: &[QuoteRec], preps: &[Prepared], cfg: &CompareConfig) -> Vec<Group> {
    // Copies (same speaker, kind and words) are linked first as
    // identical; the other pairs are scored between one representative of
    // each copy class, in buckets by speaker.
    type CopyKey<'a> = (String, QuoteKind, Vec<&'a str>, Vec<&'a str>);
    let mut classes: std::collections::HashMap<CopyKey<'_>, usize> = Default::default();
    let mut by_speaker: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
    let mut pairs: Vec<(f32, usize, usize, bool)> = Vec::new();
    for (i, q) in quotes.iter().enumerate() {
        let Some(k) = q.speaker_key() else { continue };
        let p = &preps[q.article];
        let norms = |ix: &[usize]| ix.iter().map(|&t| p.toks[t].norm.as_str()).collect::<Vec<_>>();
        let key = (k.clone(), q.kind, norms(&q.toks), norms(&q.core));
        match classes.get(&key) {
            Some(&rep) => pairs.push((2.0, rep, i, true)),
            None => {
                classes.insert(key, i);
                by_speaker.entry(k).or_default().push(i);
            }
        }
    }
    for members in by_speaker.values() {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                let (qa, qb) = (&quotes[i], &quotes[j]);
                if qa.article == qb.article {
                    continue;
                }
                let wa = words(qa, qb, &preps[qa.article]);
                let wb = words(qb, qa, &preps[qb.article]);
                if let Some((score, identical)) = relate(&wa, &wb, cfg) {
                    pairs.push((score, i, j, identical));
                } else if let Some(score) = paraphrase(qa, qb, preps) {
                    pairs.push((score, i, j, false));
                }
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    // Greedy merge: groups never hold two quotes of one article.
    let mut group_of: Vec<Option<usize>> = vec![None; quotes.len()];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &(_, i, j, _) in &pairs {
        match (group_of[i], group_of[j]) {
            (None, None) => {
                group_of[i] = Some(groups.len());
                group_of[j] = Some(groups.len());
                groups.push(vec![i, j]);
            }
            (Some(g), None) | (None, Some(g)) => {
                let new = if group_of[i].is_none() { i } else { j };
                if groups[g].iter().all(|&m| quotes[m].article != quotes[new].article) {
                    group_of[new] = Some(g);
                    groups[g].push(new);
                }
            }
            (Some(g), Some(h)) if g != h => {
                let disjoint = groups[g]
                    .iter()
                    .all(|&x| groups[h].iter().all(|&y| quotes[x].article != quotes[y].article));
                if disjoint {
                    let moved = std::mem::take(&mut groups[h]);
                    for &m in &moved {
                        group_of[m] = Some(g);
                    }
                    groups[g].extend(moved);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for mut members in groups.into_iter().filter(|g| g.len() > 1) {
        members.sort_by_key(|&m| (quotes[m].article, quotes[m].span().start));
        let reference = &quotes[members[0]];
        let mut all_identical = true;
        let mut diffs = Vec::new();
        for &m in &members[1..] {
            let q = &quotes[m];
            let wa = words(reference, q, &preps[reference.article]);
            let wb = words(q, reference, &preps[q.article]);
            // Only the speaker's own words can be `identical`.
            let direct = !reference.core.is_empty()
                && !q.core.is_empty()
                && (reference.kind == QuoteKind::Direct || q.kind == QuoteKind::Direct);
            let same =
                direct && wa.len() == wb.len() && wa.iter().zip(&wb).all(|(x, y)| x.norm == y.norm);
            all_identical &= same;
            diffs.push(changes(&wa, &wb, cfg));
        }
        let relation = if all_identical { Relation::Identical } else { Relation::Variant };
        out.push(Group { members, relation, changes: diffs });
    }
    out.sort_by_key(|g| g.members.first().map(|&m| (quotes[m].article, quotes[m].span().start)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tok(norm: &str, stem: u32, syn: &[u32]) -> Tok {
        Tok {
            norm: norm.to_string(),
            stem,
            stop: false,
            number: false,
            span: Span::new(0, 0),
            sentence: 0,
            quantity: false,
            absorbed: false,
            syn: syn.to_vec(),
        }
    }

    #[test]
    fn synonym_variant_and_its_change() {
        let cfg = CompareConfig::default();
        let a = [tok("hysteria", 1, &[]), tok("and", 2, &[]), tok("hyperbole", 3, &[7])];
        let b = [tok("hysteria", 1, &[]), tok("and", 2, &[]), tok("exaggeration", 4, &[7, 9])];
        let (ra, rb): (Vec<&Tok>, Vec<&Tok>) = (a.iter().collect(), b.iter().collect());
        let (score, identical) = relate(&ra, &rb, &cfg).unwrap();
        assert!(!identical);
        assert!(score > 0.9, "{score}");
        let ch = changes(&ra, &rb, &cfg);
        assert_eq!(
            ch,
            vec![ChangeOut { from: "hyperbole".into(), to: "exaggeration".into(), synonym: true }]
        );
        // Without the shared synset the swap is a third of the words: no match.
        let c = [tok("hysteria", 1, &[]), tok("and", 2, &[]), tok("exaggeration", 4, &[9])];
        let rc: Vec<&Tok> = c.iter().collect();
        assert_eq!(relate(&ra, &rc, &cfg), None);
    }

    #[test]
    fn truncation_is_a_variant_and_short_quotes_must_be_identical() {
        let cfg = CompareConfig::default();
        let words: Vec<Tok> = ["we", "will", "know", "soon", "enough"]
            .iter()
            .zip(1..)
            .map(|(w, s)| tok(w, s, &[]))
            .collect();
        let long: Vec<&Tok> = words.iter().collect();
        let short: Vec<&Tok> = words[1..4].iter().collect();
        let (_, identical) = relate(&long, &short, &cfg).unwrap();
        assert!(!identical);
        let ch = changes(&long, &short, &cfg);
        assert_eq!(ch.len(), 2);
        assert_eq!((ch[0].from.as_str(), ch[0].to.as_str()), ("we", ""));
        assert_eq!(relate(&long[..1], &long[..1], &cfg), Some((2.0, true)));
        assert_eq!(relate(&long[..2], &long[1..3], &cfg), None);
    }
}
