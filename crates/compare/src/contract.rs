//! The JSON contract of a comparison, version [`VERSION`]: the shape
//! described by `schema/comparison.v1.schema.json` at the repo root. Every
//! `start`/`end` is a Unicode code point offset into the `text` of the
//! article named by `article`.

use std::collections::BTreeMap;

use parallax_enrich::entities::EntityKind;
use parallax_enrich::quotes::QuoteKind;
use serde::{Deserialize, Serialize};

/// Version of the contract; bumped on any incompatible change.
pub const VERSION: u32 = 1;

/// A comparison of the articles of one story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Contract version ([`VERSION`]).
    pub version: u32,
    /// The articles compared, in input order.
    pub articles: Vec<ArticleOut>,
    /// One entry per outlet: what it alone carries and what it leaves out.
    pub outlets: Vec<OutletOut>,
    /// Entities merged across articles.
    pub entities: Vec<EntityOut>,
    /// Every quote of every article.
    pub quotes: Vec<QuoteOut>,
    /// Quotes of one utterance in two or more articles.
    pub quote_groups: Vec<QuoteGroupOut>,
    /// Every quantity of every article.
    pub quantities: Vec<QuantityOut>,
    /// Statements, each corroborated, exclusive or conflicting.
    pub facts: Vec<FactOut>,
}

/// One article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleOut {
    /// Article id.
    pub id: String,
    /// Outlet name (the article id when unknown).
    pub outlet: String,
    /// Title, if any.
    pub title: Option<String>,
    /// ISO 639-1 language code, if known.
    pub language: Option<String>,
    /// Publication time (RFC 3339), if known.
    pub published: Option<String>,
    /// The text all offsets point into.
    pub text: String,
}

/// A code point range in one article.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct MentionOut {
    /// Article id.
    pub article: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// One real-world entity across the articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityOut {
    /// `"E{n}"`, numbered by mentions, most first.
    pub id: String,
    /// Fullest name.
    pub name: String,
    /// person, organization, place or other.
    pub kind: EntityKind,
    /// Roles from titles and appositions, in every article.
    pub roles: Vec<String>,
    /// Other names used for it.
    pub aliases: Vec<String>,
    /// Outlets that mention it.
    pub outlets: Vec<String>,
    /// Mentions per outlet.
    pub mentions_by_outlet: BTreeMap<String, usize>,
    /// Every mention.
    pub mentions: Vec<MentionOut>,
}

/// Where a quote was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteOrigin {
    /// By `parallax-enrich`.
    Extract,
    /// A quoted fragment enrichment left out ("condemned the «hysteria and
    /// exaggeration»"), attributed by the comparison.
    Fragment,
}

/// One quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteOut {
    /// `"{article}:q{n}"`.
    pub id: String,
    /// Article id.
    pub article: String,
    /// The speaker as written, if any.
    pub speaker: Option<String>,
    /// Cross-article entity id of the speaker (`"E{n}"`), when resolved.
    pub speaker_entity: Option<String>,
    /// Name of that entity.
    pub speaker_name: Option<String>,
    /// The content, parts joined by " … ".
    pub text: String,
    /// direct, indirect or mixed.
    pub kind: QuoteKind,
    /// Start of the first part.
    pub start: usize,
    /// End of the last part.
    pub end: usize,
    /// The cue ("said"), if any.
    pub cue: Option<String>,
    /// Who found it.
    pub origin: QuoteOrigin,
}

/// How the quotes of a group relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// The same words (after case, marks and punctuation).
    Identical,
    /// The wording differs: synonyms, paraphrase, truncation, translation.
    Variant,
}

/// One utterance quoted in two or more articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteGroupOut {
    /// `"G{n}"`.
    pub id: String,
    /// Identical or variant.
    pub relation: Relation,
    /// The speaker's cross-article entity, if resolved.
    pub speaker_entity: Option<String>,
    /// The speaker's name or, unresolved, the description as written.
    pub speaker: Option<String>,
    /// Quote ids; the first is the reference the differences are from.
    pub quotes: Vec<String>,
    /// Outlets quoting it.
    pub outlets: Vec<String>,
    /// Word differences of each other quote from the first.
    pub differences: Vec<DifferenceOut>,
}

/// How one quote's words differ from the group's reference quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DifferenceOut {
    /// The quote compared with the reference.
    pub quote: String,
    /// Changed word runs, in order.
    pub changes: Vec<ChangeOut>,
}

/// One changed run of words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeOut {
    /// Words of the reference (empty: inserted).
    pub from: String,
    /// Words of the other quote (empty: left out).
    pub to: String,
    /// True when every replaced word is a WordNet synonym of its partner.
    pub synonym: bool,
}

/// One quantity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuantityOut {
    /// Article id.
    pub article: String,
    /// Surface form.
    pub text: String,
    /// Normalised value.
    pub value: f64,
    /// Normalised unit ("" for bare numbers and counts).
    pub unit: String,
    /// Notation-independent key ("5 percent").
    pub key: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The fact whose evidence holds it, if any.
    pub fact: Option<String>,
}

/// Whether the outlets agree on a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Two or more independent outlets carry it and none contradicts it.
    Corroborated,
    /// Outlets carry it with different values or opposite polarity.
    Conflicting,
    /// One outlet alone carries it.
    Exclusive,
}

/// A statement with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactOut {
    /// `"F{n}"`.
    pub id: String,
    /// Corroborated, exclusive or conflicting.
    pub status: Status,
    /// Articles carrying it.
    pub articles: Vec<String>,
    /// Independent outlets carrying it.
    pub outlets: Vec<String>,
    /// Cross-article entities named in its evidence.
    pub entities: Vec<String>,
    /// Quantity keys its evidence agrees on.
    pub agreed: Vec<String>,
    /// Disagreements (empty unless conflicting).
    pub conflicts: Vec<ConflictOut>,
    /// The sentences, one per article.
    pub evidence: Vec<EvidenceOut>,
}

/// A sentence behind a fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvidenceOut {
    /// Article id.
    pub article: String,
    /// The sentence.
    pub text: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// One disagreement inside a fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConflictOut {
    /// `value` (same slot, different amounts) or `date` (different days).
    pub kind: String,
    /// What differs, readable ("5 percent (a) vs 3 percent (b)").
    pub detail: String,
    /// The articles on each side.
    pub articles: Vec<String>,
}

/// What one outlet alone carries and what it leaves out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutletOut {
    /// Outlet name.
    pub name: String,
    /// Its articles.
    pub articles: Vec<String>,
    /// Facts only it carries.
    pub exclusive_facts: Vec<String>,
    /// People only it names.
    pub exclusive_people: Vec<String>,
    /// Quotes (ids) only it carries.
    pub exclusive_quotes: Vec<String>,
    /// Corroborated facts it does not carry.
    pub missing_facts: Vec<String>,
}
