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
//! when outlets disagree inside it: the same slot (same unit, or the same
//! counted noun, about the same entity — the one mentioned nearest the
//! number — or about none, in sentences at similarity
//! [`SLOT_MIN_SIMILARITY`] or more) with values that are not the same once rounding and
//! intervals are allowed for (`Quantity::same_value`), where neither side
//! is negated or hedged ("may", "could"), the larger count or duration is
//! not simply the later report (a rising toll is an update) and measures
//! or amounts differ by more than conversion rounding; or resolved dates
//! that do not overlap when each side has one (at similarity at least
//! [`STRICT_MIN_SIMILARITY`]). A negation on one side only is not flagged
//! by itself: on ECB+ such pairs were almost all reported denials or
//! split clauses, not contradictions. Values are only compared between two
//! sentences that match on their own at [`CompareConfig::fact_min_similarity`].

use std::collections::{BTreeSet, HashMap};

use parallax_enrich::quantities::{Quantity, QuantityKind};
use parallax_model::Span;

use crate::CompareConfig;
use crate::contract::Status;
use crate::entities::Merged;
use crate::input::ArticleInput;
use crate::prep::Prepared;
use crate::quotes::{Group, QuoteRec};
use crate::wordnet::sorted_overlap;

/// Bytes between a quantity and the entity mention it is about, at most.
const OWNER_MAX_BYTES: usize = 40;
/// Similarity from which two sentences are compared on their values (on
/// an ECB+ sample, different slots of one story, such as a player's points
/// needed and scored, matched below it).
const SLOT_MIN_SIMILARITY: f32 = 0.45;
/// Largest ratio of two values compared across facts.
const SLOT_MAX_RATIO: f64 = 3.0;
/// Tokens either side of a quantity whose content words say what it counts.
const CONTEXT_TOKENS: usize = 5;
/// Similarity from which two statements kept in different facts are
/// compared on a shared slot (related content, not the same statement).
const SLOT_TOPIC_MIN_SIMILARITY: f32 = 0.1;
/// Relative difference of two measures or amounts taken for conversion
/// rounding, not a conflict.
const CONVERSION_TOLERANCE: f64 = 0.03;
/// Weight of one agreeing quantity on each side.
pub(crate) const QUANTITY_WEIGHT: f32 = 2.0;
/// Weight of a quote of one quote group on each side.
pub(crate) const QUOTE_WEIGHT: f32 = 3.0;
/// Weight of an overlapping resolved date on each side.
const DATE_WEIGHT: f32 = 0.5;
/// Share of an entity's inverse document frequency it weighs.
const ENTITY_SHARE: f32 = 0.5;
/// Similarity from which two different dates are a conflict (a sentence
/// often holds several dates and clauses, so only near-paraphrases are
/// compared on them).
pub(crate) const STRICT_MIN_SIMILARITY: f32 = 0.6;

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
    mentions: Vec<(Span, usize)>,
    /// Indices into the article's quantities.
    pub(crate) quantities: Vec<usize>,
    dates: Vec<(chrono::NaiveDate, chrono::NaiveDate)>,
    /// Quote groups with a quote in this sentence.
    quote_groups: Vec<usize>,
    negated: bool,
    modal: bool,
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
struct Idf {
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
struct Match {
    sim: f32,
    words: usize,
    /// Shared quantities and quote groups: specific evidence.
    anchors: usize,
}

fn quantities_of<'a>(arts: &'a [ArticleInput], u: &Unit) -> Vec<&'a Quantity> {
    let qs = &arts[u.article].extraction.quantities;
    u.quantities.iter().filter_map(|&i| qs.get(i)).collect()
}

fn similarity(arts: &[ArticleInput], idf: &Idf, a: &Unit, b: &Unit, total: (f32, f32)) -> Match {
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
            judge(arts, preps, units, &scores, members, cfg)
        })
        .collect();
    let scores = Scores { idf: &idf, weights: &weights, class_of: &class_of };
    let across = slot_conflicts(arts, preps, units, &scores, &out);
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

/// Same slot: same kind and unit, and for counts the same counted noun.
fn same_slot(a: &Quantity, b: &Quantity) -> bool {
    if a.kind != b.kind || a.unit != b.unit {
        return false;
    }
    match a.kind {
        QuantityKind::Number => false,
        QuantityKind::Count => match (&a.counts, &b.counts) {
            (Some(x), Some(y)) => {
                let s = |w: &str| w.trim_end_matches('s').to_string();
                s(x) == s(y)
            }
            _ => false,
        },
        _ => !a.unit.is_empty(),
    }
}

/// Status, agreement and conflicts of one group of statements.
/// Disagreements between statements the fact matching kept apart: one
/// slot (kind, unit, counted noun, the entity the number is about) given
/// different values by different outlets ("27 member delegations" vs "28
/// delegations"), in sentences of related content (similarity at least
/// [`SLOT_TOPIC_MIN_SIMILARITY`]) that say the same of the number (a content
/// word or synonym in common within [`CONTEXT_TOKENS`] tokens of it: not
/// "eleven people injured" vs "killed three people"), with values within a
/// factor of [`SLOT_MAX_RATIO`]. Values one article states together are
/// different slots, not a disagreement (a player "needed nine points" and
/// "scored 20"), so such a slot is skipped; hedged or negated sentences,
/// later larger counts and conversion rounding are left out as in
/// [`judge`]. Each becomes a `conflicting` fact of its own whose evidence
/// is every sentence stating one of the values.
fn slot_conflicts(
    arts: &[ArticleInput],
    preps: &[Prepared],
    units: &[Unit],
    scores: &Scores<'_>,
    facts: &[Fact],
) -> Vec<Fact> {
    type Slot = (String, String, String, Option<usize>);
    let mut slots: HashMap<Slot, Vec<(usize, &Quantity)>> = HashMap::new();
    for (ui, u) in units.iter().enumerate() {
        if u.negated || u.modal {
            continue;
        }
        for q in quantities_of(arts, u) {
            let noun = match (q.kind, &q.counts) {
                (QuantityKind::Number, _) | (QuantityKind::Count, None) => continue,
                (_, Some(c)) => {
                    c.rsplit(' ').next().unwrap_or("").trim_end_matches('s').to_lowercase()
                }
                (_, None) => String::new(),
            };
            let key = (format!("{:?}", q.kind), q.unit.clone(), noun, owner(u, q));
            slots.entry(key).or_default().push((ui, q));
        }
    }
    let mut keys: Vec<&Slot> = slots.keys().collect();
    keys.sort();
    let mut out = Vec::new();
    for key in keys {
        let entries = &slots[key];
        // Group the statements by value.
        let mut values: Vec<Vec<(usize, &Quantity)>> = Vec::new();
        for &(u, q) in entries {
            match values.iter_mut().find(|g| g[0].1.same_value(q)) {
                Some(g) => g.push((u, q)),
                None => values.push(vec![(u, q)]),
            }
        }
        if values.len() < 2 {
            continue;
        }
        let article_values = |a: usize| {
            values.iter().filter(|g| g.iter().any(|&(u, _)| units[u].article == a)).count()
        };
        if entries.iter().any(|&(u, _)| article_values(units[u].article) > 1) {
            continue;
        }
        let outlet = |u: usize| preps[units[u].article].outlet.as_str();
        let disagree = values.iter().enumerate().any(|(i, g)| {
            values[i + 1..].iter().any(|h| {
                g.iter().any(|&(a, x)| {
                    h.iter().any(|&(b, y)| {
                        outlet(a) != outlet(b)
                            && close_values(x, y)
                            && {
                                let cb = context(&preps[units[b].article], &units[b], y);
                                context(&preps[units[a].article], &units[a], x)
                                    .iter()
                                    .any(|t| cb.iter().any(|v| t.like(v)))
                            }
                            && !is_update(arts, units[a].article, x, units[b].article, y)
                            && !converted(x, y)
                            && similarity(
                                arts,
                                scores.idf,
                                &units[a],
                                &units[b],
                                (scores.weights[a], scores.weights[b]),
                            )
                            .sim >= SLOT_TOPIC_MIN_SIMILARITY
                    })
                })
            })
        });
        if !disagree {
            continue;
        }
        let mut members: Vec<usize> = entries.iter().map(|&(u, _)| u).collect();
        members.sort_by_key(|&m| (units[m].article, units[m].span.start));
        members.dedup();
        if facts.iter().any(|f| members.iter().all(|m| f.units.contains(m))) {
            continue; // already judged inside one fact
        }
        let detail = values
            .iter()
            .map(|g| {
                let mut os: Vec<&str> = g.iter().map(|&(u, _)| outlet(u)).collect();
                os.sort_unstable();
                os.dedup();
                format!("{} ({})", g[0].1.text, os.join(", "))
            })
            .collect::<Vec<_>>()
            .join(" vs ");
        let mut on: Vec<usize> = members.iter().map(|&m| units[m].article).collect();
        on.dedup();
        let outlets: BTreeSet<String> = members.iter().map(|&m| outlet(m).to_string()).collect();
        out.push(Fact {
            units: members,
            status: Status::Conflicting,
            agreed: Vec::new(),
            conflicts: vec![("value".to_string(), detail, on)],
            outlets: outlets.into_iter().collect(),
        });
    }
    out
}

/// What [`judge`] needs of the matching: weights and copy classes.
struct Scores<'a> {
    idf: &'a Idf,
    weights: &'a [f32],
    class_of: &'a [usize],
}

fn judge(
    arts: &[ArticleInput],
    preps: &[Prepared],
    units: &[Unit],
    scores: &Scores<'_>,
    members: Vec<usize>,
    cfg: &CompareConfig,
) -> Fact {
    let outlets: BTreeSet<String> =
        members.iter().map(|&m| preps[units[m].article].outlet.clone()).collect();
    let mut agreed: BTreeSet<String> = BTreeSet::new();
    let mut conflicts: Vec<(String, String, Vec<usize>)> = Vec::new();
    // Copies agree on their values; other pairs are compared once per pair
    // of classes, between the first members.
    let mut reps: Vec<usize> = Vec::new();
    for &m in &members {
        match reps.iter().find(|&&r| scores.class_of[r] == scores.class_of[m]) {
            Some(&r) if preps[units[r].article].outlet != preps[units[m].article].outlet => {
                agreed.extend(quantities_of(arts, &units[m]).iter().map(|q| q.key()));
            }
            Some(_) => {}
            None => reps.push(m),
        }
    }
    for (x, &i) in reps.iter().enumerate() {
        for &j in &reps[x + 1..] {
            let (a, b) = (&units[i], &units[j]);
            if preps[a.article].outlet == preps[b.article].outlet {
                continue;
            }
            let qa = quantities_of(arts, a);
            let qb = quantities_of(arts, b);
            for x in &qa {
                if qb.iter().any(|y| x.same_value(y)) {
                    agreed.insert(x.key());
                }
            }
            // Values are compared only where the two sentences match on
            // their own (not through a third member of the fact), without
            // the anchor bonus: the event slot must match first.
            let m = similarity(arts, scores.idf, a, b, (scores.weights[i], scores.weights[j]));
            if m.sim < cfg.fact_min_similarity {
                continue;
            }
            let lone = |q: &Quantity, other: &[&Quantity]| !other.iter().any(|y| q.same_value(y));
            let hedged = a.negated != b.negated || a.modal || b.modal;
            for x in qa.iter().filter(|x| lone(x, &qb) && m.sim >= SLOT_MIN_SIMILARITY) {
                let Some(y) =
                    qb.iter().find(|y| same_slot(x, y) && lone(y, &qa) && same_owner(a, x, b, y))
                else {
                    continue;
                };
                if hedged {
                    tracing::debug!(a = %x.key(), b = %y.key(), "Values differ under negation or modality; not a conflict.");
                    continue;
                }
                if is_update(arts, a.article, x, b.article, y) {
                    tracing::debug!(a = %x.key(), b = %y.key(), "A later, larger count: an update, not a conflict.");
                    continue;
                }
                if converted(x, y) {
                    continue;
                }
                conflicts.push((
                    "value".to_string(),
                    format!("{} vs {}", x.text, y.text),
                    vec![a.article, b.article],
                ));
            }
            if let ([da], [db]) = (a.dates.as_slice(), b.dates.as_slice())
                && m.sim >= STRICT_MIN_SIMILARITY
                && !(da.0 <= db.1 && db.0 <= da.1)
            {
                conflicts.push((
                    "date".to_string(),
                    format!("{} vs {}", da.0, db.0),
                    vec![a.article, b.article],
                ));
            }
        }
    }
    conflicts.sort();
    conflicts.dedup_by(|x, y| x.0 == y.0 && x.1 == y.1);
    let status = if outlets.len() < 2 {
        Status::Exclusive
    } else if conflicts.is_empty() {
        Status::Corroborated
    } else {
        Status::Conflicting
    };
    Fact {
        units: members,
        status,
        agreed: agreed.into_iter().collect(),
        conflicts,
        outlets: outlets.into_iter().collect(),
    }
}

/// Values within a factor of [`SLOT_MAX_RATIO`]: reports that disagree on
/// one figure rarely differ by more ("27" vs "28", "two" vs "three"
/// cables); "two firefighters" hurt and "more than 70 firefighters" at work
/// are two slots.
fn close_values(x: &Quantity, y: &Quantity) -> bool {
    let (a, b) = (x.value.abs(), y.value.abs());
    let (lo, hi) = (a.min(b), a.max(b));
    lo > 0.0 && hi / lo <= SLOT_MAX_RATIO
}

/// Content words within [`CONTEXT_TOKENS`] tokens of a quantity in its
/// sentence: what the number is said of ("injured", "killed").
fn context<'a>(p: &'a Prepared, u: &Unit, q: &Quantity) -> Vec<&'a crate::prep::Tok> {
    let first = p.toks.partition_point(|t| t.span.start < q.span.start);
    let last = p.toks.partition_point(|t| t.span.start < q.span.end);
    let lo = first.saturating_sub(CONTEXT_TOKENS);
    let hi = (last + CONTEXT_TOKENS).min(p.toks.len());
    p.toks[lo..hi]
        .iter()
        .enumerate()
        .filter(|&(i, t)| {
            (lo + i < first || lo + i >= last)
                && t.content()
                && u.span.start <= t.span.start
                && t.span.end <= u.span.end
        })
        .map(|(_, t)| t)
        .collect()
}

/// The entity a quantity is about: the merged entity mentioned nearest
/// before it in its sentence (the subject: "Jamaal Charles rushed for 226
/// yards while Peyton Hillis added 101"), else nearest after it
/// ("38-year-old Anthony LaCalamita"), at most [`OWNER_MAX_BYTES`] away.
fn owner(u: &Unit, q: &Quantity) -> Option<usize> {
    let before = u
        .mentions
        .iter()
        .filter(|(s, _)| {
            s.end <= q.span.start && (q.span.start - s.end) as usize <= OWNER_MAX_BYTES
        })
        .max_by_key(|(s, _)| s.end)
        .map(|&(_, g)| g);
    before.or_else(|| {
        u.mentions
            .iter()
            .filter(|(s, _)| {
                s.start >= q.span.end && (s.start - q.span.end) as usize <= OWNER_MAX_BYTES
            })
            .min_by_key(|(s, _)| s.start)
            .map(|&(_, g)| g)
    })
}

/// The two quantities fill one slot of one event: about the same entity,
/// or about none.
fn same_owner(a: &Unit, x: &Quantity, b: &Unit, y: &Quantity) -> bool {
    owner(a, x) == owner(b, y)
}

/// Measures and amounts within [`CONVERSION_TOLERANCE`] of each other:
/// rounding after a unit or currency conversion ("58km (36 miles)" vs "35
/// miles").
fn converted(x: &Quantity, y: &Quantity) -> bool {
    matches!(x.kind, QuantityKind::Measure | QuantityKind::Money)
        && (x.value - y.value).abs() <= CONVERSION_TOLERANCE * x.value.abs().max(y.value.abs())
}

/// A count or duration reported larger by the later article: an update
/// (a rising toll, "eight days of riots" after "four days").
fn is_update(arts: &[ArticleInput], a: usize, x: &Quantity, b: usize, y: &Quantity) -> bool {
    if !matches!(x.kind, QuantityKind::Count | QuantityKind::Duration) {
        return false;
    }
    match (arts[a].published, arts[b].published) {
        (Some(ta), Some(tb)) if ta != tb => (ta < tb) == (x.value < y.value),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Quantity {
        parallax_enrich::quantities::find_quantities(text, parallax_text::Lang::EN)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no quantity in {text:?}"))
    }

    #[test]
    fn values_compared_across_facts_must_be_close() {
        assert!(close_values(&q("27 member delegations"), &q("28 delegations")));
        assert!(close_values(&q("two cables"), &q("three cables")));
        assert!(!close_values(&q("two firefighters"), &q("more than 70 firefighters")));
        assert!(!close_values(&q("1.2 million people"), &q("two people")));
        assert!(converted(&q("36 miles"), &q("35.5 miles")));
        assert!(!converted(&q("12 people"), &q("12.2 people")), "counts are never converted");
    }

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
