//! Cross-outlet comparison of one story: what the outlets agree on, what
//! only one reports, and where they differ, down to who said what.
//!
//! [`Comparer::compare`] takes the articles of a story, each an
//! [`ArticleInput`] (text, `parallax-text` analysis, `parallax-enrich`
//! extraction), and returns a [`Comparison`], the versioned JSON contract
//! of `schema/comparison.v1.schema.json`:
//!
//! 1. **Entities** are merged across articles (kind, folded name, aliases,
//!    acronyms, surnames within a small edit distance: Zelenskyy ~
//!    Zelensky, Løkke ~ Lokke), with roles, aliases and mentions per outlet.
//! 2. **Quotes** of one speaker are grouped across articles as
//!    `identical` or `variant` (containment or word edit distance, with
//!    [`WordNet`] synonyms), each difference listed.
//! 3. **Facts** are sentences matched across articles on content words
//!    (stems and synonyms), entities, quantities and dates; each is
//!    `corroborated`, `exclusive` or `conflicting`, with its sentences as
//!    evidence. Independent outlets are counted, not articles.
//!
//! [`render`] turns a comparison into terminal text, Markdown or a
//! self-contained HTML page; [`schema`] checks JSON against the schema.
//!
//! ```
//! use parallax_compare::{ArticleInput, CompareConfig, Comparer, Status};
//! use parallax_enrich::Enricher;
//! use parallax_text::Analyzer;
//!
//! let analyzer = Analyzer::new();
//! let enricher = Enricher::default();
//! let article = |id: &str, outlet: &str, text: &str| {
//!     let analysis = analyzer.analyze(text, Some("en"));
//!     let extraction = enricher.enrich(text, &analysis, None);
//!     ArticleInput {
//!         id: id.into(),
//!         outlet: Some(outlet.into()),
//!         title: None,
//!         language: Some("en".into()),
//!         published: None,
//!         text: text.into(),
//!         analysis,
//!         extraction,
//!     }
//! };
//! let a = article("a", "Daily", "Ministers agreed to raise defence spending to 5% of output. \
//!     The talks ended on a sunny afternoon.");
//! let b = article("b", "Herald", "The ministers agreed to raise their defence spending \
//!     to 5 percent of economic output.");
//! let cmp = Comparer::new(CompareConfig::default(), None).compare(&[a, b]);
//! assert_eq!(cmp.facts[0].status, Status::Corroborated);
//! assert_eq!(cmp.facts[0].agreed, ["5 percent"]);
//! assert_eq!(cmp.facts[1].status, Status::Exclusive);
//! assert_eq!(cmp.outlets[0].exclusive_facts, [cmp.facts[1].id.clone()]);
//! ```
#![warn(missing_docs)]

mod collect;
mod conflicts;
mod contract;
mod entities;
mod error;
mod facts;
mod input;
mod prep;
mod quotes;
pub mod render;
pub mod schema;
mod wordnet;

use std::collections::BTreeMap;

pub use contract::{
    ArticleOut, ChangeOut, Comparison, ConflictOut, DifferenceOut, EntityOut, EvidenceOut, FactOut,
    MentionOut, OutletOut, QuantityOut, QuoteGroupOut, QuoteOrigin, QuoteOut, Relation, Status,
    VERSION,
};
pub use error::{CompareError, Result};
pub use input::ArticleInput;
pub use wordnet::{LEXICONS_ENV, Pos, SynsetId, WordNet};

use parallax_enrich::entities::EntityKind;
use serde::{Deserialize, Serialize};

/// Thresholds of the comparison. Chosen on the seed pair and the unit
/// cases; no labelled cross-outlet data exists yet (METHODS §8).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CompareConfig {
    /// Weighted Dice similarity (0–1) from which two sentences carry the
    /// same fact. Default 0.3.
    pub fact_min_similarity: f32,
    /// The same when the two sentences share a quantity or a quoted
    /// utterance. Default 0.2 (the seeds' 5% spending sentences score 0.27).
    pub fact_min_similarity_anchored: f32,
    /// Content words (not stop words, not numbers) a sentence needs to be a
    /// statement. Default 3 (leaves out headings such as "Reassurance tour").
    pub fact_min_words: usize,
    /// Word edit distance, over the longer quote's words (0–1), up to which
    /// two quotes of one speaker are one utterance. Default 0.25.
    pub quote_max_distance: f32,
    /// Share of the shorter quote's words (0–1) found in order in the
    /// longer from which it is a truncation of it. Default 0.8.
    pub quote_min_containment: f32,
    /// Cost (0–1) of swapping a word for a WordNet synonym or another form
    /// of the same stem, against 1 for any other word. Default 0.2.
    pub synonym_cost: f32,
    /// Words with more WordNet senses than this take no part in synonym
    /// matching ("make", "take" match far too much). Default 12.
    pub max_senses: usize,
}

impl Default for CompareConfig {
    fn default() -> Self {
        CompareConfig {
            fact_min_similarity: 0.3,
            fact_min_similarity_anchored: 0.2,
            fact_min_words: 3,
            quote_max_distance: 0.25,
            quote_min_containment: 0.8,
            synonym_cost: 0.2,
            max_senses: 12,
        }
    }
}

/// Compares articles; holds the configuration and the synonym lists.
#[derive(Debug, Clone, Default)]
pub struct Comparer {
    config: CompareConfig,
    wordnet: Option<WordNet>,
}

impl Comparer {
    /// A comparer; without WordNet, words match on their stems only.
    pub fn new(config: CompareConfig, wordnet: Option<WordNet>) -> Self {
        Comparer { config, wordnet }
    }

    /// The configuration in use.
    pub fn config(&self) -> &CompareConfig {
        &self.config
    }

    /// True when WordNet synonyms are in use.
    pub fn has_wordnet(&self) -> bool {
        self.wordnet.is_some()
    }

    /// Compares the articles of one story.
    pub fn compare(&self, arts: &[ArticleInput]) -> Comparison {
        let cfg = &self.config;
        let t = std::time::Instant::now();
        let ms = |t: std::time::Instant| t.elapsed().as_secs_f64() * 1e3;
        let preps = prep::prepare(arts, self.wordnet.as_ref(), cfg.max_senses);
        let t_prep = ms(t);
        let merged = entities::merge(arts, &preps);
        let t_entities = ms(t);
        let quotes = collect::quotes(arts, &preps, &merged);
        let groups = quotes::group(&quotes, &preps, cfg);
        let t_quotes = ms(t);
        let units = facts::units(arts, &preps, &merged, &quotes, &groups, cfg);
        let facts = facts::facts(arts, &preps, &units, cfg);
        let t_facts = ms(t);
        let out = build(arts, &preps, merged, &quotes, &groups, &units, &facts);
        tracing::debug!(
            articles = arts.len(),
            prep_ms = t_prep,
            entities_ms = t_entities - t_prep,
            quotes_ms = t_quotes - t_entities,
            facts_ms = t_facts - t_quotes,
            build_ms = ms(t) - t_facts,
            "Compared."
        );
        out
    }
}

fn quote_id(
    arts: &[ArticleInput],
    numbering: &[usize],
    quotes: &[quotes::QuoteRec],
    i: usize,
) -> String {
    format!("{}:q{}", arts[quotes[i].article].id, numbering[i])
}

/// Assembles the contract from the aligned parts.
fn build(
    arts: &[ArticleInput],
    preps: &[prep::Prepared],
    merged: entities::Merged,
    quotes: &[quotes::QuoteRec],
    groups: &[quotes::Group],
    units: &[facts::Unit],
    facts: &[facts::Fact],
) -> Comparison {
    let cp = |a: usize, b: usize| preps[a].ix.char_of(b);
    let slice =
        |a: usize, s: parallax_model::Span| s.slice(&arts[a].text).unwrap_or("").to_string();
    let ent_id = |g: usize| merged.entities.get(g).map(|e| e.id.clone());

    let articles = arts
        .iter()
        .zip(preps)
        .map(|(a, p)| ArticleOut {
            id: a.id.clone(),
            outlet: p.outlet.clone(),
            title: a.title.clone(),
            language: a.language.clone(),
            published: a.published.map(|t| t.to_rfc3339()),
            text: a.text.clone(),
        })
        .collect();

    // Quotes, numbered within their article.
    let mut numbering = vec![0; quotes.len()];
    let mut next: BTreeMap<usize, usize> = BTreeMap::new();
    for (i, q) in quotes.iter().enumerate() {
        let n = next.entry(q.article).or_default();
        numbering[i] = *n;
        *n += 1;
    }
    let quotes_out: Vec<QuoteOut> = quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let a = q.article;
            let span = q.span();
            QuoteOut {
                id: quote_id(arts, &numbering, quotes, i),
                article: arts[a].id.clone(),
                speaker: q.speaker_text.clone(),
                speaker_entity: q.speaker.and_then(ent_id),
                speaker_name: q
                    .speaker
                    .and_then(|g| merged.entities.get(g))
                    .map(|e| e.name.clone()),
                text: q.parts.iter().map(|&s| slice(a, s)).collect::<Vec<_>>().join(" … "),
                kind: q.kind,
                start: cp(a, span.start as usize),
                end: cp(a, span.end as usize),
                cue: q.cue.map(|s| slice(a, s)),
                origin: q.origin,
            }
        })
        .collect();
    let mut grouped_outlets: Vec<usize> = vec![1; quotes.len()];
    let quote_groups: Vec<QuoteGroupOut> = groups
        .iter()
        .enumerate()
        .map(|(n, g)| {
            let outlets: Vec<String> = g
                .members
                .iter()
                .map(|&m| preps[quotes[m].article].outlet.clone())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            for &m in &g.members {
                grouped_outlets[m] = outlets.len();
            }
            let first = g.members.first().map(|&m| &quotes[m]);
            let speaker_entity = first.and_then(|q| q.speaker).and_then(ent_id);
            let speaker = match first.and_then(|q| q.speaker).and_then(|s| merged.entities.get(s)) {
                Some(e) => Some(e.name.clone()),
                None => first.and_then(|q| q.speaker_text.clone()),
            };
            QuoteGroupOut {
                id: format!("G{}", n + 1),
                relation: g.relation,
                speaker_entity,
                speaker,
                quotes: g.members.iter().map(|&m| quote_id(arts, &numbering, quotes, m)).collect(),
                outlets,
                differences: g
                    .members
                    .iter()
                    .skip(1)
                    .zip(&g.changes)
                    .map(|(&m, ch)| DifferenceOut {
                        quote: quote_id(arts, &numbering, quotes, m),
                        changes: ch.clone(),
                    })
                    .collect(),
            }
        })
        .collect();

    // Facts.
    let mut fact_of_unit: BTreeMap<usize, String> = BTreeMap::new();
    let facts_out: Vec<FactOut> = facts
        .iter()
        .enumerate()
        .map(|(n, f)| {
            let id = format!("F{}", n + 1);
            let mut ents: Vec<usize> = Vec::new();
            let evidence = f
                .units
                .iter()
                .map(|&u| {
                    fact_of_unit.insert(u, id.clone());
                    let unit = &units[u];
                    let a = unit.article;
                    for (li, e) in arts[a].extraction.entities.iter().enumerate() {
                        if e.mentions
                            .iter()
                            .any(|m| unit.span.start <= m.start && m.end <= unit.span.end)
                            && let Some(g) = merged.of(a, li)
                            && !ents.contains(&g)
                        {
                            ents.push(g);
                        }
                    }
                    EvidenceOut {
                        article: arts[a].id.clone(),
                        text: slice(a, unit.span),
                        start: cp(a, unit.span.start as usize),
                        end: cp(a, unit.span.end as usize),
                    }
                })
                .collect();
            ents.sort_unstable();
            FactOut {
                id,
                status: f.status,
                articles: f.units.iter().map(|&u| arts[units[u].article].id.clone()).collect(),
                outlets: f.outlets.clone(),
                entities: ents.into_iter().filter_map(ent_id).collect(),
                agreed: f.agreed.clone(),
                conflicts: f
                    .conflicts
                    .iter()
                    .map(|(kind, detail, on)| ConflictOut {
                        kind: kind.clone(),
                        detail: detail.clone(),
                        articles: on.iter().map(|&a| arts[a].id.clone()).collect(),
                    })
                    .collect(),
                evidence,
            }
        })
        .collect();

    // Quantities, with the fact holding them.
    let mut quantities = Vec::new();
    for (a, art) in arts.iter().enumerate() {
        for (qi, q) in art.extraction.quantities.iter().enumerate() {
            let fact = units
                .iter()
                .enumerate()
                .find(|(_, u)| u.article == a && u.quantities.contains(&qi))
                .and_then(|(ui, _)| fact_of_unit.get(&ui).cloned());
            quantities.push(QuantityOut {
                article: art.id.clone(),
                text: slice(a, q.span),
                value: q.value,
                unit: q.unit.clone(),
                key: q.key(),
                start: cp(a, q.span.start as usize),
                end: cp(a, q.span.end as usize),
                fact,
            });
        }
    }

    // Per outlet.
    let mut outlets: Vec<OutletOut> = Vec::new();
    for (a, p) in arts.iter().zip(preps) {
        match outlets.iter_mut().find(|o| o.name == p.outlet) {
            Some(o) => o.articles.push(a.id.clone()),
            None => outlets.push(OutletOut {
                name: p.outlet.clone(),
                articles: vec![a.id.clone()],
                exclusive_facts: Vec::new(),
                exclusive_people: Vec::new(),
                exclusive_quotes: Vec::new(),
                missing_facts: Vec::new(),
            }),
        }
    }
    for o in &mut outlets {
        for f in &facts_out {
            let has = f.outlets.contains(&o.name);
            if f.status == Status::Exclusive && has {
                o.exclusive_facts.push(f.id.clone());
            } else if f.status != Status::Exclusive && !has {
                o.missing_facts.push(f.id.clone());
            }
        }
        for e in &merged.entities {
            if e.kind == EntityKind::Person && e.outlets.len() == 1 && e.outlets[0] == o.name {
                o.exclusive_people.push(e.id.clone());
            }
        }
        for (i, q) in quotes.iter().enumerate() {
            if preps[q.article].outlet == o.name && grouped_outlets[i] < 2 {
                o.exclusive_quotes.push(quotes_out[i].id.clone());
            }
        }
    }

    Comparison {
        version: VERSION,
        articles,
        outlets,
        entities: merged.entities,
        quotes: quotes_out,
        quote_groups,
        quantities,
        facts: facts_out,
    }
}

#[cfg(test)]
mod tests;
