//! Named entities with roles. (Being written.)

use parallax_model::Span;
use serde::Serialize;

use crate::lexicon::Gender;

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation (government body, company, party, outlet…).
    Organization,
    /// A place.
    Place,
    /// A name of unknown kind.
    Other,
}

/// One entity of an article, with every mention of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// Its fullest name in the article ("Marco Rubio").
    pub name: String,
    /// Person, organisation, place or other.
    pub kind: EntityKind,
    /// Roles from titles and appositions ("US Secretary of State").
    pub roles: Vec<String>,
    /// Other surface forms used ("Rubio", "Mr. Rubio").
    pub aliases: Vec<String>,
    /// Byte spans of every mention (names, short forms, resolved pronouns
    /// and descriptions).
    pub mentions: Vec<Span>,
    /// Gender, when a first name or a pronoun tells it.
    pub gender: Option<Gender>,
    /// Matching key across articles: lower-cased, diacritics folded.
    pub key: String,
}
