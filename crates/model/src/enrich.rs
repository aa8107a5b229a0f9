use serde::{Deserialize, Serialize};

use crate::Span;

/// What text analysis added to an article: the detected language, sentence
/// boundaries and the token count. Tokens themselves are cheap to recompute
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
}
