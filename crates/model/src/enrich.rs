use serde::{Deserialize, Serialize};

use crate::Span;

/// What text analysis added to an article: the detected language, sentence
/// boundaries, the token count and who said what. Tokens themselves are cheap to recompute
/// from the text and are not stored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Enrichment {
    /// Detected ISO 639-1 language, when detection was possible.
    pub language: Option<String>,
    /// Detection confidence, 0.0–1.0.
    pub lang_confidence: f32,
    /// Sentence spans into the article text, in order.
    pub sentences: Vec<Span>,
    /// Number of word and number tokens.
    pub n_tokens: u32,
    /// Entities and quotes, when the who-said-what stage ran.
    #[serde(default)]
    pub who: WhoSaidWhat,
}

/// Who said what in one article, as the store keeps it: the entities the
/// article names and the quotes it carries, each quote with its speaker.
/// (The extraction itself lives in `parallax-enrich`; this is its stored
/// summary, with byte spans into the article text.)
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WhoSaidWhat {
    /// People, organisations and places, in order of first mention.
    pub entities: Vec<EntityRecord>,
    /// Quotes, in text order.
    pub quotes: Vec<QuoteRecord>,
}

/// One entity of an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    /// Cross-article key: lower-cased, diacritics folded ("marco rubio").
    pub key: String,
    /// Fullest name in the article.
    pub name: String,
    /// `person`, `organization`, `place` or `other`.
    pub kind: String,
    /// Roles from titles and appositions.
    pub roles: Vec<String>,
    /// Number of mentions.
    pub mentions: u32,
    /// Byte span of the first mention.
    pub first: Span,
}

/// One quote of an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// `direct`, `indirect` or `mixed`.
    pub kind: String,
    /// The content, parts joined by " … ".
    pub text: String,
    /// From the start of the first part to the end of the last (bytes).
    pub span: Span,
    /// The speaker as written ("he", "Rubio"), if any.
    pub speaker_text: Option<String>,
    /// The resolved speaker's name, when resolved to an entity.
    pub speaker_name: Option<String>,
    /// The resolved speaker's cross-article key.
    pub speaker_key: Option<String>,
    /// The cue as written ("said").
    pub cue: Option<String>,
    /// False when the cue reports a belief or finding, not speech.
    pub speech: bool,
}
