//! Dates and times, absolute and relative. (Being written.)

use chrono::{DateTime, NaiveDate, Utc};
use parallax_model::Span;
use parallax_text::Lang;
use serde::Serialize;

/// A date expression and what it resolves to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateMention {
    /// Byte span of the expression.
    pub span: Span,
    /// First day it covers, when resolved.
    pub start: Option<NaiveDate>,
    /// Last day it covers, when resolved.
    pub end: Option<NaiveDate>,
}

/// Finds the date expressions in `text`, resolving relative ones against
/// `published` when it is known.
pub fn find_dates(text: &str, lang: Lang, published: Option<DateTime<Utc>>) -> Vec<DateMention> {
    let _ = (text, lang, published);
    Vec::new()
}
