//! Quantities: numbers with units and what they count. (Being written.)

use parallax_model::Span;
use parallax_text::Lang;
use serde::Serialize;

/// A number with its unit, normalised.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// Byte span of the whole expression ("about 5 percent", "$4.2bn").
    pub span: Span,
    /// Normalised value (5.0 for "5 percent", 4.2e9 for "$4.2bn").
    pub value: f64,
    /// Normalised unit ("percent", "USD", "EUR", "day", …; "" for a bare count).
    pub unit: String,
}

/// Finds the quantities in `text`.
pub fn find_quantities(text: &str, lang: Lang) -> Vec<Quantity> {
    let _ = (text, lang);
    Vec::new()
}
