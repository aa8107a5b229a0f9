//! [`ArticleInput`]: one article with its analysis and extraction.

use chrono::{DateTime, Utc};
use parallax_enrich::Extraction;
use parallax_text::Analysis;

/// One article to compare: its metadata, its text, the `parallax-text`
/// analysis of that text and the `parallax-enrich` extraction from it.
#[derive(Debug, Clone)]
pub struct ArticleInput {
    /// Article id (16 hex digits in parallax; any string here).
    pub id: String,
    /// Outlet name; articles of one outlet count once as corroboration.
    pub outlet: Option<String>,
    /// Title, if any.
    pub title: Option<String>,
    /// ISO 639-1 code, if known.
    pub language: Option<String>,
    /// Publication time, if known (orders updates of a count).
    pub published: Option<DateTime<Utc>>,
    /// The text every span points into.
    pub text: String,
    /// Sentences and tokens of `text`.
    pub analysis: Analysis,
    /// Entities, quotes, quantities and dates of `text`.
    pub extraction: Extraction,
}

impl ArticleInput {
    /// The outlet, or the article id when the outlet is unknown (so that
    /// two articles of unknown origin never count as one outlet).
    pub fn outlet_name(&self) -> &str {
        self.outlet.as_deref().filter(|o| !o.is_empty()).unwrap_or(&self.id)
    }
}
