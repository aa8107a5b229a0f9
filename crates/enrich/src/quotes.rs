//! Quotes and their speakers. (Being written.)

use parallax_model::Span;
use serde::Serialize;

/// Direct, indirect or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Inside quotation marks.
    Direct,
    /// Reported speech without quotation marks.
    Indirect,
    /// Reported speech that contains a quoted part.
    Mixed,
}

/// How the speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerResolution {
    /// A name in the attribution.
    Name,
    /// A pronoun, resolved to its antecedent.
    Pronoun,
    /// A title or description resolved to a person the article names.
    Description,
    /// A description nobody in the article is named for, kept as it is.
    Unresolved,
}

/// Who said it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speaker {
    /// Byte span of the speaker as written in the attribution, if written
    /// there (a floating quote inherits its speaker without one).
    pub span: Option<Span>,
    /// The speaker as written ("he", "the Kremlin spokesman", "Rubio").
    pub text: String,
    /// Index into the extraction's entities, when resolved to one.
    pub entity: Option<usize>,
    /// How the speaker was found.
    pub resolution: SpeakerResolution,
}

/// One quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// Content pieces, in order; a quote split around its attribution has
    /// two. Direct pieces include their quotation marks.
    pub parts: Vec<Span>,
    /// The cue ("said", "told reporters", "according to"), if any.
    pub cue: Option<Span>,
    /// The speaker, if any.
    pub speaker: Option<Speaker>,
}

impl Quote {
    /// From the start of the first part to the end of the last.
    pub fn span(&self) -> Span {
        let start = self.parts.first().map_or(0, |s| s.start as usize);
        let end = self.parts.last().map_or(0, |s| s.end as usize);
        Span::new(start, end)
    }
}
