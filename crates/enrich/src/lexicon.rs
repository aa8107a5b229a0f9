//! Gazetteers: first names with gender, places. (Being written.)

/// Grammatical/natural gender of a first name, for pronoun resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// Mostly male.
    Male,
    /// Mostly female.
    Female,
    /// Used for both.
    Unisex,
}

/// What kind of place a gazetteer name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A country.
    Country,
    /// A city or town.
    City,
    /// A state, province or region.
    Region,
    /// A continent.
    Continent,
}

/// Name and place lists.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {}

impl Lexicon {
    /// No lists: the rules alone.
    pub fn empty() -> Self {
        Lexicon {}
    }

    /// Gender of a first name (case- and diacritic-insensitive).
    pub fn first_name(&self, name: &str) -> Option<Gender> {
        let _ = name;
        None
    }

    /// Kind of a place name (case-sensitive on the first letter).
    pub fn place(&self, name: &str) -> Option<PlaceKind> {
        let _ = name;
        None
    }
}
