//! Conflicts: where outlets disagree on a fact.
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

use crate::CompareConfig;
use crate::contract::Status;
use crate::facts::{Fact, Idf, Unit, quantities_of, similarity};
use crate::input::ArticleInput;
use crate::prep::Prepared;

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
/// Similarity from which two different dates are a conflict (a sentence
/// often holds several dates and clauses, so only near-paraphrases are
/// compared on them).
pub(crate) const STRICT_MIN_SIMILARITY: f32 = 0.6;

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
pub(crate) fn slot_conflicts(
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
pub(crate) struct Scores<'a> {
    pub(crate) idf: &'a Idf,
    pub(crate) weights: &'a [f32],
    pub(crate) class_of: &'a [usize],
}

pub(crate) fn judge(
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
}
