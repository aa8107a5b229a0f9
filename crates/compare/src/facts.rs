//! Facts: sentences of different articles that carry the same information.
//!
//! Every sentence with at least [`CompareConfig::fact_min_words`] content
//! words is a statement. Two statements of different articles are matched
//! on features, each weighted by its inverse document frequency over all
//! statements of the comparison:
//!
//! - content words, equal on their stem or WordNet synonyms ("defence" ~
//!   "defense", "hyperbole" ~ "exaggeration");
//! - merged entities mentioned, so a resolved pronoun or another spelling
//!   still counts (at half their inverse document frequency; the words of
//!   a name are not content words, so two statements of one person do not
//!   match on the name);
//! - quantities with the same notation-independent value ("5 percent" =
//!   "5%"), at a fixed weight of [`QUANTITY_WEIGHT`];
//! - resolved dates that overlap;
//! - quotes of one quote group (the same utterance), at [`QUOTE_WEIGHT`].
//!
//! The words of a quantity ("5 percent") count as the quantity, not as
//! words. The similarity is the matched weight of both sides over their
//! total weight (a weighted Dice). A pair matches at
//! [`CompareConfig::fact_min_similarity`], or at the lower
//! [`CompareConfig::fact_min_similarity_anchored`] when it shares a
//! quantity or a quoted utterance (specific evidence), and always with at
//! least two content words in common, so shared names or numbers alone
//! never make a fact. Candidates come from
//! an inverted index on stems. Facts are grown greedily from the best pair
//! down and never take two sentences of one article.
//!
//! A fact is `corroborated` when two or more outlets carry it (articles of
//! one outlet count once), `exclusive` when one does, and `conflicting`
//! when outlets disagree inside it (see [`crate::conflicts`]).

use std::collections::HashMap;

use parallax_enrich::quantities::Quantity;
use parallax_model::Span;

use crate::CompareConfig;
use crate::conflicts::Scores;
use crate::contract::Status;
use crate::entities::Merged;
use crate::input::ArticleInput;
use crate::prep::Prepared;
use crate::quotes::{Group, QuoteRec};
use crate::wordnet::sorted_overlap;

/// Weight of one agreeing quantity on each side.
pub(crate) const QUANTITY_WEIGHT: f32 = 2.0;
/// Weight of a quote of one quote group on each side.
pub(crate) const QUOTE_WEIGHT: f32 = 3.0;
/// Weight of an overlapping resolved date on each side.
const DATE_WEIGHT: f32 = 0.5;
/// Share of an entity's inverse document frequency it weighs.
const ENTITY_SHARE: f32 = 0.5;
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "denied", "denies", "deny", "neither", "nor", "none", "nobody", "nicht",
    "kein", "keine", "keinen", "nie", "niemals",
];
const MODALS: &[&str] = &[
    "may",
    "might",
    "could",
    "would",
    "possibly",
    "reportedly",
    "allegedly",
    "perhaps",
    "könnte",
    "könnten",
    "möglicherweise",
    "angeblich",
];

/// One content word of a statement.
#[derive(Debug, Clone)]
struct Word {
    stem: u32,
    syn: Vec<u32>,
}

/// One statement: a sentence of one article.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    pub(crate) article: usize,
    /// Byte span of the sentence.
    pub(crate) span: Span,
    words: Vec<Word>,
    entities: Vec<usize>,
    /// Person mentions in the sentence (span, merged entity): who its
    /// numbers are about.
    pub(crate) mentions: Vec<(Span, usize)>,
    /// Indices into the article's quantities.
    pub(crate) quantities: Vec<usize>,
    pub(crate) dates: Vec<(chrono::NaiveDate, chrono::NaiveDate)>,
    /// Quote groups with a quote in this sentence.
    quote_groups: Vec<usize>,
    pub(crate) negated: bool,
    pub(crate) modal: bool,
}

/// One fact: statements of different articles, or one alone.
#[derive(Debug, Clone)]
pub(crate) struct Fact {
    /// Indices into the statements, in article order.
    pub(crate) units: Vec<usize>,
    pub(crate) status: Status,
    /// Keys of the quantities its statements agree on.
    pub(crate) agreed: Vec<String>,
    /// (kind, detail, articles) of each disagreement.
    pub(crate) conflicts: Vec<(String, String, Vec<usize>)>,
    /// Outlets carrying it, sorted.
    pub(crate) outlets: Vec<String>,
}

/// Splits every article into statements.
pub(crate) fn units(
    arts: &[ArticleInput],
    preps: &[Prepared],
    merged: &Merged,
    quotes: &[QuoteRec],
    groups: &[Group],
    cfg: &CompareConfig,
) -> Vec<Unit> {
    let mut out = Vec::new();
    for (ai, a) in arts.iter().enumerate() {
        let p = &preps[ai];
        let mut by_sentence: Vec<Unit> = a
            .analysis
            .sentences
            .iter()
            .map(|&span| Unit {
                article: ai,
                span,
                words: Vec::new(),
                entities: Vec::new(),
                mentions: Vec::new(),
                quantities: Vec::new(),
                dates: Vec::new(),
                quote_groups: Vec::new(),
                negated: false,
                modal: false,
            })
            .collect();
        // Name mentions, sorted: their words count as the entity, not as
        // content words, so that two statements of one person ("Fire Chief
        // Anna Whitlow said …") do not match on the name.
        let mut names: Vec<Span> =
            a.extraction.entities.iter().flat_map(|e| e.mentions.iter().copied()).collect();
        names.sort();
        // Capitalised words only: a description resolved to a person ("some
        // members of the Alliance") keeps its common nouns.
        let in_name = |s: Span| {
            let i = names.partition_point(|n| n.end <= s.start);
            names.get(i).is_some_and(|n| n.start <= s.start && s.end <= n.end)
                && s.slice(&a.text).and_then(|w| w.chars().next()).is_some_and(char::is_uppercase)
        };
        for t in &p.toks {
            let Some(u) = by_sentence.get_mut(t.sentence as usize) else { continue };
            if NEGATIONS.contains(&t.norm.as_str()) || t.norm.ends_with("n't") {
                u.negated = true;
            }
            if MODALS.contains(&t.norm.as_str()) {
                u.modal = true;
            }
            // Words of a quantity ("percent", "five") count as the quantity
            // (`content` is false for them).
            if t.content() && !u.words.iter().any(|w| w.stem == t.stem) && !in_name(t.span) {
                u.words.push(Word { stem: t.stem, syn: t.syn.clone() });
            }
        }
        let at = |s: Span| a.analysis.sentences.partition_point(|x| x.end <= s.start);
        for (li, e) in a.extraction.entities.iter().enumerate() {
            let Some(g) = merged.of(ai, li) else { continue };
            for &m in &e.mentions {
                if let Some(u) = by_sentence.get_mut(at(m)) {
                    if e.kind == parallax_enrich::entities::EntityKind::Person {
                        u.mentions.push((m, g));
                    }
                    if !u.entities.contains(&g) {
                        u.entities.push(g);
                    }
                }
            }
        }
        for (qi, q) in a.extraction.quantities.iter().enumerate() {
            if let Some(u) = by_sentence.get_mut(at(q.span)) {
                u.quantities.push(qi);
            }
        }
        for (gi, g) in groups.iter().enumerate() {
            for q in g.members.iter().map(|&m| &quotes[m]).filter(|q| q.article == ai) {
                for part in &q.parts {
                    if let Some(u) = by_sentence.get_mut(at(*part))
                        && !u.quote_groups.contains(&gi)
                    {
                        u.quote_groups.push(gi);
                    }
                }
            }
        }
        for d in &a.extraction.dates {
            if let (true, Some(s), Some(e)) = (d.resolved, d.start, d.end)
                && let Some(u) = by_sentence.get_mut(at(d.span))
            {
                u.dates.push((s, e));
            }
        }
        out.extend(by_sentence.into_iter().filter(|u| u.words.len() >= cfg.fact_min_words));
    }
    for u in &mut out {
        u.entities.sort_unstable();
    }
    out
}

/// Inverse document frequencies of stems and entities over the statements.
pub(crate) struct Idf {
    stems: HashMap<u32, f32>,
    entities: HashMap<usize, f32>,
}

impl Idf {
    fn new(units: &[Unit]) -> Idf {
        let mut sdf: HashMap<u32, u32> = HashMap::new();
        let mut edf: HashMap<usize, u32> = HashMap::new();
        for u in units {
            for w in &u.words {
                *sdf.entry(w.stem).or_default() += 1;
            }
            for &e in &u.entities {
                *edf.entry(e).or_default() += 1;
            }
        }
        let n = units.len() as f32;
        // ln(1 + N/df): stays well above zero on sets of two or three
        // articles, where every shared word is in most statements.
        let idf = |df: u32| (1.0 + n / df.max(1) as f32).ln();
        Idf {
            stems: sdf.into_iter().map(|(k, v)| (k, idf(v))).collect(),
            entities: edf.into_iter().map(|(k, v)| (k, idf(v) * ENTITY_SHARE)).collect(),
        }
    }

    fn stem(&self, s: u32) -> f32 {
        self.stems.get(&s).copied().unwrap_or(0.1)
    }

    fn entity(&self, e: usize) -> f32 {
        self.entities.get(&e).copied().unwrap_or(0.1)
    }
}

/// Similarity of two statements and the number of content words of the
/// smaller side matched.
pub(crate) struct Match {
    pub(crate) sim: f32,
    words: usize,
    /// Shared quantities and quote groups: specific evidence.
    anchors: usize,
}

pub(crate) fn quantities_of<'a>(arts: &'a [ArticleInput], u: &Unit) -> Vec<&'a Quantity> {
    let qs = &arts[u.article].extraction.quantities;
    u.quantities.iter().filter_map(|&i| qs.get(i)).collect()
}

pub(crate) fn similarity(
    arts: &[ArticleInput],
    idf: &Idf,
    a: &Unit,
    b: &Unit,
    total: (f32, f32),
) -> Match {
    let side = |x: &Unit, y: &Unit| {
        let mut m = 0.0;
        let mut n = 0;
        for w in &x.words {
            if y.words.iter().any(|v| v.stem == w.stem || sorted_overlap(&v.syn, &w.syn)) {
                m += idf.stem(w.stem);
                n += 1;
            }
        }
        for &e in &x.entities {
            if y.entities.binary_search(&e).is_ok() {
                m += idf.entity(e);
            }
        }
        (m, n)
    };
    let (ma, na) = side(a, b);
    let (mb, nb) = side(b, a);
    let qa = quantities_of(arts, a);
    let qb = quantities_of(arts, b);
    let shared_q = qa.iter().filter(|x| qb.iter().any(|y| x.same_value(y))).count();
    let shared_d =
        a.dates.iter().filter(|x| b.dates.iter().any(|y| x.0 <= y.1 && y.0 <= x.1)).count();
    let shared_g = a.quote_groups.iter().filter(|g| b.quote_groups.contains(g)).count();
    let extra = 2.0
        * (shared_q as f32 * QUANTITY_WEIGHT
            + shared_d as f32 * DATE_WEIGHT
            + shared_g as f32 * QUOTE_WEIGHT);
    let sim = (ma + mb + extra) / (total.0 + total.1).max(1e-6);
    Match { sim, words: na.min(nb), anchors: shared_q + shared_g }
}

fn weight(arts: &[ArticleInput], idf: &Idf, u: &Unit) -> f32 {
    u.words.iter().map(|w| idf.stem(w.stem)).sum::<f32>()
        + u.entities.iter().map(|&e| idf.entity(e)).sum::<f32>()
        + quantities_of(arts, u).len() as f32 * QUANTITY_WEIGHT
        + u.dates.len() as f32 * DATE_WEIGHT
        + u.quote_groups.len() as f32 * QUOTE_WEIGHT
}

/// Matches the statements into facts.
pub(crate) fn facts(
    arts: &[ArticleInput],
    preps: &[Prepared],
    units: &[Unit],
    cfg: &CompareConfig,
) -> Vec<Fact> {
    let idf = Idf::new(units);
    let weights: Vec<f32> = units.iter().map(|u| weight(arts, &idf, u)).collect();
    let (class_of, classes) = classes(arts, units);
    // Members of a class are one statement: linked first, at similarity 1.
    let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
    for members in &classes {
        for &m in &members[1..] {
            pairs.push((1.0, members[0], m));
        }
    }
    // Inverted index on stems over class representatives; accumulate
    // shared stem weight per pair.
    let reps: Vec<usize> = classes.iter().map(|c| c[0]).collect();
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for &i in &reps {
        for w in &units[i].words {
            postings.entry(w.stem).or_default().push(i);
        }
    }
    let mut acc = vec![0f32; units.len()];
    let mut touched: Vec<usize> = Vec::new();
    for &i in &reps {
        let u = &units[i];
        for w in &u.words {
            let wt = idf.stem(w.stem);
            for &j in postings.get(&w.stem).map_or(&[][..], Vec::as_slice) {
                if j <= i || units[j].article == u.article {
                    continue;
                }
                if acc[j] == 0.0 {
                    touched.push(j);
                }
                acc[j] += wt;
            }
        }
        for j in touched.drain(..) {
            let cheap = 2.0 * acc[j] / (weights[i] + weights[j]).max(1e-6);
            acc[j] = 0.0;
            if cheap < cfg.fact_min_similarity_anchored * 0.5 {
                continue;
            }
            let m = similarity(arts, &idf, u, &units[j], (weights[i], weights[j]));
            let min = if m.anchors > 0 {
                cfg.fact_min_similarity_anchored
            } else {
                cfg.fact_min_similarity
            };
            if m.words >= 2 && m.sim >= min {
                pairs.push((m.sim, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let groups = greedy(units.len(), &pairs, |x| units[x].article);
    let mut out: Vec<Fact> = groups
        .into_iter()
        .map(|mut members| {
            members.sort_by_key(|&m| (units[m].article, units[m].span.start));
            let scores = Scores { idf: &idf, weights: &weights, class_of: &class_of };
            crate::conflicts::judge(arts, preps, units, &scores, members, cfg)
        })
        .collect();
    let scores = Scores { idf: &idf, weights: &weights, class_of: &class_of };
    let across = crate::conflicts::slot_conflicts(arts, preps, units, &scores, &out);
    out.extend(across);
    // Corroborated and conflicting first (most outlets first), then
    // exclusive, each in article and text order.
    out.sort_by_key(|f| {
        let first = f.units.first().map(|&u| (units[u].article, units[u].span.start));
        (f.status == Status::Exclusive, std::cmp::Reverse(f.outlets.len()), first)
    });
    out
}

/// Statements with the same features (wire copies, repeated sentences) as
/// classes: the class of each statement and the members of each class, in
/// statement order (the first is the representative).
fn classes(arts: &[ArticleInput], units: &[Unit]) -> (Vec<usize>, Vec<Vec<usize>>) {
    type Signature = (Vec<u32>, Vec<usize>, Vec<String>, Vec<usize>, String);
    let mut index: HashMap<Signature, usize> = HashMap::new();
    let mut class_of = Vec::with_capacity(units.len());
    let mut classes: Vec<Vec<usize>> = Vec::new();
    for (i, u) in units.iter().enumerate() {
        let mut stems: Vec<u32> = u.words.iter().map(|w| w.stem).collect();
        stems.sort_unstable();
        let mut qs: Vec<String> = quantities_of(arts, u).iter().map(|q| q.key()).collect();
        qs.sort();
        let mut groups = u.quote_groups.clone();
        groups.sort_unstable();
        let dates = format!("{:?}{}{}", u.dates, u.negated, u.modal);
        let key = (stems, u.entities.clone(), qs, groups, dates);
        let c = *index.entry(key).or_insert_with(|| {
            classes.push(Vec::new());
            classes.len() - 1
        });
        classes[c].push(i);
        class_of.push(c);
    }
    (class_of, classes)
}

/// Greedy grouping: best pairs first, never two members of one article.
pub(crate) fn greedy(
    n: usize,
    pairs: &[(f32, usize, usize)],
    article: impl Fn(usize) -> usize,
) -> Vec<Vec<usize>> {
    let mut group_of: Vec<usize> = (0..n).collect();
    let mut groups: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    for &(_, i, j) in pairs {
        let (g, h) = (group_of[i], group_of[j]);
        if g == h {
            continue;
        }
        let disjoint =
            groups[g].iter().all(|&x| groups[h].iter().all(|&y| article(x) != article(y)));
        if !disjoint {
            continue;
        }
        let (keep, gone) = if groups[g].len() >= groups[h].len() { (g, h) } else { (h, g) };
        let moved = std::mem::take(&mut groups[gone]);
        for &m in &moved {
            group_of[m] = keep;
        }
        groups[keep].extend(moved);
    }
    groups.into_iter().filter(|g| !g.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greedy_keeps_articles_apart() {
        // 0,1 in article 0; 2 in article 1; 3 in article 2.
        let art = |x: usize| [0, 0, 1, 2][x];
        let pairs = [(0.9, 0, 2), (0.8, 1, 2), (0.7, 2, 3), (0.6, 1, 3)];
        let mut g = greedy(4, &pairs, art);
        for x in &mut g {
            x.sort();
        }
        g.sort();
        assert_eq!(g, vec![vec![0, 2, 3], vec![1]]);
    }
}
