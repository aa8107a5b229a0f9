//! The JSON shape of an [`Extraction`]: the field names of the comparison
//! contract (`entities[]`, `quotes[]`, `quantities[]`, `dates[]`), with
//! Unicode code point offsets into the article's `text`.

use chrono::NaiveDate;
use serde::Serialize;

use crate::entities::EntityKind;
use crate::lexicon::Gender;
use crate::quotes::{QuoteKind, SpeakerResolution};
use crate::{CharIndex, Extraction, Span};

/// A code point range in one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionOut {
    /// Article id.
    pub article: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The text of the range.
    pub text: String,
}

/// One entity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityOut {
    /// `"{article}:e{n}"`.
    pub id: String,
    /// Fullest name.
    pub name: String,
    /// person, organization, place or other.
    pub kind: EntityKind,
    /// Roles from titles and appositions.
    pub roles: Vec<String>,
    /// Other surface forms.
    pub aliases: Vec<String>,
    /// Gender when known.
    pub gender: Option<Gender>,
    /// Cross-article matching key.
    pub key: String,
    /// Every mention.
    pub mentions: Vec<MentionOut>,
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
    /// Id of the resolved speaker entity.
    pub speaker_entity: Option<String>,
    /// Name of the resolved speaker entity.
    pub speaker_name: Option<String>,
    /// How the speaker was found.
    pub speaker_resolution: Option<SpeakerResolution>,
    /// Where the speaker is written.
    pub speaker_span: Option<MentionOut>,
    /// The content, parts joined by " … ".
    pub text: String,
    /// direct, indirect or mixed.
    pub kind: QuoteKind,
    /// Start of the first part.
    pub start: usize,
    /// End of the last part.
    pub end: usize,
    /// Every part.
    pub parts: Vec<MentionOut>,
    /// The cue.
    pub cue: Option<MentionOut>,
    /// False when the cue reports a belief or finding, not speech.
    pub speech: bool,
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
    /// Normalised unit.
    pub unit: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// One date expression.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateOut {
    /// Article id.
    pub article: String,
    /// Surface form.
    pub text: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// First day covered, when resolved.
    pub from: Option<NaiveDate>,
    /// Last day covered, when resolved.
    pub to: Option<NaiveDate>,
}

/// An extraction in contract shape.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExtractionOut {
    /// People, organisations, places.
    pub entities: Vec<EntityOut>,
    /// Quotes.
    pub quotes: Vec<QuoteOut>,
    /// Quantities.
    pub quantities: Vec<QuantityOut>,
    /// Dates.
    pub dates: Vec<DateOut>,
}

impl Extraction {
    /// The contract shape of this extraction of `text`, article id `article`.
    pub fn to_contract(&self, text: &str, article: &str) -> ExtractionOut {
        let ix = CharIndex::new(text);
        let m = |span: Span| MentionOut {
            article: article.to_string(),
            start: ix.char_of(span.start as usize),
            end: ix.char_of(span.end as usize),
            text: span.slice(text).unwrap_or("").to_string(),
        };
        let entity_id = |n: usize| format!("{article}:e{n}");
        let entities = self
            .entities
            .iter()
            .enumerate()
            .map(|(n, e)| EntityOut {
                id: entity_id(n),
                name: e.name.clone(),
                kind: e.kind,
                roles: e.roles.clone(),
                aliases: e.aliases.clone(),
                gender: e.gender,
                key: e.key.clone(),
                mentions: e.mentions.iter().map(|&s| m(s)).collect(),
            })
            .collect();
        let quotes = self
            .quotes
            .iter()
            .enumerate()
            .map(|(n, q)| {
                let parts: Vec<MentionOut> = q.parts.iter().map(|&s| m(s)).collect();
                let sp = q.speaker.as_ref();
                let span = q.span();
                QuoteOut {
                    id: format!("{article}:q{n}"),
                    article: article.to_string(),
                    speaker: sp.map(|s| s.text.clone()),
                    speaker_entity: sp.and_then(|s| s.entity).map(entity_id),
                    speaker_name: sp
                        .and_then(|s| s.entity)
                        .and_then(|e| self.entities.get(e))
                        .map(|e| e.name.clone()),
                    speaker_resolution: sp.map(|s| s.resolution),
                    speaker_span: sp.and_then(|s| s.span).map(m),
                    text: parts.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" … "),
                    kind: q.kind,
                    start: ix.char_of(span.start as usize),
                    end: ix.char_of(span.end as usize),
                    parts,
                    cue: q.cue.map(m),
                    speech: q.speech,
                }
            })
            .collect();
        let quantities = self
            .quantities
            .iter()
            .map(|q| {
                let at = m(q.span);
                QuantityOut {
                    article: article.to_string(),
                    text: at.text,
                    value: q.value,
                    unit: q.unit.clone(),
                    start: at.start,
                    end: at.end,
                }
            })
            .collect();
        let dates = self
            .dates
            .iter()
            .map(|d| {
                let at = m(d.span);
                DateOut {
                    article: article.to_string(),
                    text: at.text,
                    start: at.start,
                    end: at.end,
                    from: d.start,
                    to: d.end,
                }
            })
            .collect();
        ExtractionOut { entities, quotes, quantities, dates }
    }
}

impl Extraction {
    /// The stored summary of this extraction of `text`: entities with their
    /// roles and mention counts, quotes with their resolved speakers.
    pub fn who_said_what(&self, text: &str) -> parallax_model::WhoSaidWhat {
        let kind = |k: crate::entities::EntityKind| match k {
            crate::entities::EntityKind::Person => "person",
            crate::entities::EntityKind::Organization => "organization",
            crate::entities::EntityKind::Place => "place",
            crate::entities::EntityKind::Other => "other",
        };
        let entities = self
            .entities
            .iter()
            .map(|e| parallax_model::EntityRecord {
                key: e.key.clone(),
                name: e.name.clone(),
                kind: kind(e.kind).to_string(),
                roles: e.roles.clone(),
                mentions: e.mentions.len() as u32,
                first: e.mentions.iter().copied().min_by_key(|s| s.start).unwrap_or_default(),
            })
            .collect();
        let quotes = self
            .quotes
            .iter()
            .map(|q| {
                let sp = q.speaker.as_ref();
                let entity = sp.and_then(|s| s.entity).and_then(|e| self.entities.get(e));
                parallax_model::QuoteRecord {
                    kind: match q.kind {
                        QuoteKind::Direct => "direct",
                        QuoteKind::Indirect => "indirect",
                        QuoteKind::Mixed => "mixed",
                    }
                    .to_string(),
                    text: q
                        .parts
                        .iter()
                        .filter_map(|p| p.slice(text))
                        .collect::<Vec<_>>()
                        .join(" … "),
                    span: q.span(),
                    speaker_text: sp.map(|s| s.text.clone()),
                    speaker_name: entity.map(|e| e.name.clone()),
                    speaker_key: entity.map(|e| e.key.clone()),
                    cue: q.cue.and_then(|c| c.slice(text)).map(str::to_string),
                    speech: q.speech,
                }
            })
            .collect();
        parallax_model::WhoSaidWhat { entities, quotes }
    }
}
