//! [`Enricher`]: runs every extractor over one article.

use chrono::{DateTime, Utc};
use parallax_text::{Analysis, Lang};
use serde::Serialize;

use crate::dates::{DateMention, find_dates};
use crate::entities::{self, Entity};
use crate::lexicon::Lexicon;
use crate::quantities::{Quantity, find_quantities};
use crate::quotes::{self, Quote};
use crate::stream::Doc;

/// Everything found in one article. Spans are bytes into its text.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extraction {
    /// People, organisations and places, each with all its mentions.
    pub entities: Vec<Entity>,
    /// Direct, indirect and mixed quotes with their speakers.
    pub quotes: Vec<Quote>,
    /// Numbers with units.
    pub quantities: Vec<Quantity>,
    /// Date expressions, resolved when possible.
    pub dates: Vec<DateMention>,
}

/// Holds the lexicons; cheap to share across threads.
#[derive(Debug, Clone, Default)]
pub struct Enricher {
    lexicon: Lexicon,
}

impl Enricher {
    /// An enricher over these lists.
    pub fn new(lexicon: Lexicon) -> Self {
        Enricher { lexicon }
    }

    /// The lists in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Extracts entities, quotes, quantities and dates from one analysed
    /// article (`analysis` from `parallax_text::Analyzer::analyze` on the
    /// same `text`). Languages without rules yet get quantities and dates
    /// only, read with the English rules.
    pub fn enrich(
        &self,
        text: &str,
        analysis: &Analysis,
        published: Option<DateTime<Utc>>,
    ) -> Extraction {
        let lang = analysis.lang.unwrap_or(Lang::EN);
        let doc = Doc::new(text, analysis);
        let mut table = entities::find(&doc, &self.lexicon);
        let quotes = quotes::find(&doc, &mut table);
        Extraction {
            entities: table.entities,
            quotes,
            quantities: find_quantities(text, lang),
            dates: find_dates(text, lang, published),
        }
    }
}
