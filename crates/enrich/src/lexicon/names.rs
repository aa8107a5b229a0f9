//! First names with gender from `nam_dict.txt`, the dictionary of Jörg
//! Michael's `gender` program as shipped by the `gender-guesser` wheel.
//!
//! Each name line is fixed-width: columns 1–2 the gender code, columns 4–29
//! the name, column 30 a sort marker (`+` marks a duplicate sorted with
//! expanded umlauts: skipped, as the header advises), then one hexadecimal
//! frequency digit per country (1 = rare … D = extremely common, a
//! logarithmic scale, one step ≈ a factor of two) for 55 countries.
//!
//! Gender codes: `M`, `1M` (male when first of several names), `?M` (unisex,
//! mostly male), the same three with `F`, `?` (unisex), and `=` lines that
//! pair a short form with its long name (`=  Abe Abraham`). A `+` inside a
//! name stands for `-`, a space or nothing (`Jun+Wei`).
//!
//! The original file is ISO-8859-1 with Windows-1252 extras and escapes such
//! as `<A/>` (Ā), `<s^>` (š), `<l/>` (ł); the gender-guesser copy is UTF-8
//! with the escapes already replaced. Both are read.

use std::borrow::Cow;
use std::path::Path;

use parallax_text::fold_diacritics;

use super::{Gender, KeyMap};
use crate::EnrichError;

/// What the name list says about one first name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct NameInfo {
    /// The gender the name is used for (see [`super::Lexicon::first_name`]).
    pub gender: Gender,
    /// The highest frequency of the name in any country of the list, 0–13
    /// (0: no frequency given; 1: rare; 10: at least 2% of the population;
    /// 13: extremely common). A weak name ("Paris": 3) next to a strong
    /// place is probably the place.
    pub frequency: u8,
}

/// Frequency from which a gender reading of a name counts as common in some
/// country (5 ≈ 1 in 2,000 people).
const COMMON: u8 = 5;
/// When neither reading is common, the dominant one wins if its summed
/// weight is at least this many times the other's.
const DOMINANCE: u64 = 4;

/// Escapes of the original ISO-8859-1 file (its "char set" section).
const ESCAPES: &[(&str, char)] = &[
    ("<A/>", 'Ā'),
    ("<a/>", 'ā'),
    ("<Â>", 'Ă'),
    ("<â>", 'ă'),
    ("<A,>", 'Ą'),
    ("<a,>", 'ą'),
    ("<C´>", 'Ć'),
    ("<c´>", 'ć'),
    ("<C^>", 'Č'),
    ("<CH>", 'Č'),
    ("<c^>", 'č'),
    ("<ch>", 'č'),
    ("<d´>", 'ď'),
    ("<Ð>", 'Đ'),
    ("<DJ>", 'Đ'),
    ("<ð>", 'đ'),
    ("<dj>", 'đ'),
    ("<E/>", 'Ē'),
    ("<e/>", 'ē'),
    ("<E°>", 'Ė'),
    ("<e°>", 'ė'),
    ("<E,>", 'Ę'),
    ("<e,>", 'ę'),
    ("<Ê>", 'Ě'),
    ("<ê>", 'ě'),
    ("<G^>", 'Ğ'),
    ("<g^>", 'ğ'),
    ("<G,>", 'Ģ'),
    ("<g´>", 'ģ'),
    ("<I/>", 'Ī'),
    ("<i/>", 'ī'),
    ("<I°>", 'İ'),
    ("<i>", 'ı'),
    ("<IJ>", 'Ĳ'),
    ("<ij>", 'ĳ'),
    ("<K,>", 'Ķ'),
    ("<k,>", 'ķ'),
    ("<L,>", 'Ļ'),
    ("<l,>", 'ļ'),
    ("<L´>", 'Ľ'),
    ("<l´>", 'ľ'),
    ("<L/>", 'Ł'),
    ("<l/>", 'ł'),
    ("<N,>", 'Ņ'),
    ("<n,>", 'ņ'),
    ("<N^>", 'Ň'),
    ("<n^>", 'ň'),
    ("<Ö>", 'Ő'),
    ("<ö>", 'ő'),
    ("<OE>", 'Œ'),
    ("<oe>", 'œ'),
    ("<R^>", 'Ř'),
    ("<r^>", 'ř'),
    ("<S,>", 'Ş'),
    ("<s,>", 'ş'),
    ("<S^>", 'Š'),
    ("<SCH>", 'Š'),
    ("<SH>", 'Š'),
    ("<s^>", 'š'),
    ("<sch>", 'š'),
    ("<sh>", 'š'),
    ("<T,>", 'Ţ'),
    ("<t,>", 'ţ'),
    ("<t´>", 'ť'),
    ("<U/>", 'Ū'),
    ("<u/>", 'ū'),
    ("<U°>", 'Ů'),
    ("<u°>", 'ů'),
    ("<U,>", 'Ų'),
    ("<u,>", 'ų'),
    ("<Z°>", 'Ż'),
    ("<z°>", 'ż'),
    ("<Z^>", 'Ž'),
    ("<z^>", 'ž'),
    ("<ß>", 'ẞ'),
];

/// The file as text: UTF-8 when it is valid UTF-8, else ISO-8859-1 with the
/// Windows-1252 letters the original uses in 0x80–0x9F.
pub(super) fn decode_bytes(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => Cow::Owned(
            bytes
                .iter()
                .map(|&b| match b {
                    0x8a => 'Š',
                    0x8c => 'Œ',
                    0x8e => 'Ž',
                    0x9a => 'š',
                    0x9c => 'œ',
                    0x9e => 'ž',
                    0x9f => 'Ÿ',
                    b => char::from(b),
                })
                .collect(),
        ),
    }
}

/// Replaces the `<…>` escapes of the original file by their letters.
pub(super) fn decode_escapes(name: &str) -> Cow<'_, str> {
    if !name.contains('<') {
        return Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match ESCAPES.iter().find(|(e, _)| rest.starts_with(e)) {
            Some((e, c)) => {
                out.push(*c);
                rest = &rest[e.len()..];
            }
            None => {
                out.push('<');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// What the lines of one name add up to.
#[derive(Default, Clone, Copy)]
struct Acc {
    male_max: u8,
    female_max: u8,
    male_weight: u64,
    female_weight: u64,
}

impl Acc {
    fn gender(&self) -> Gender {
        let male = self.male_weight > 0;
        let female = self.female_weight > 0;
        match (male, female) {
            (true, false) => Gender::Male,
            (false, true) => Gender::Female,
            _ => match (self.male_max >= COMMON, self.female_max >= COMMON) {
                (true, true) => Gender::Unisex,
                (true, false) => Gender::Male,
                (false, true) => Gender::Female,
                (false, false) if self.male_weight >= DOMINANCE * self.female_weight => {
                    Gender::Male
                }
                (false, false) if self.female_weight >= DOMINANCE * self.male_weight => {
                    Gender::Female
                }
                (false, false) => Gender::Unisex,
            },
        }
    }
}

/// Byte offset of the `n`th character of `s` (`s.len()` past the end).
fn char_offset(s: &str, n: usize) -> usize {
    if s.is_ascii() {
        return n.min(s.len());
    }
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

/// Parses `nam_dict.txt` into folded name → [`NameInfo`]; `path` is only
/// for error messages.
pub(super) fn parse(text: &str, path: &Path) -> Result<KeyMap<NameInfo>, EnrichError> {
    let mut acc: KeyMap<Acc> = KeyMap::with_capacity_and_hasher(64 * 1024, Default::default());
    let mut expanded: KeyMap<Acc> = KeyMap::default();
    let mut short_forms: Vec<(String, String)> = Vec::new();
    for (no, line) in text.lines().enumerate() {
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |reason: &str| EnrichError::Format {
            path: path.to_path_buf(),
            reason: format!("line {}: {reason}: {line:?}", no + 1),
        };
        // Columns are characters: the name field may hold letters of any width.
        let (at3, at29, at30) =
            (char_offset(line, 3), char_offset(line, 29), char_offset(line, 30));
        if at30 == line.len() {
            return Err(bad("name line shorter than 31 columns"));
        }
        if line[at29..].starts_with('+') {
            continue; // duplicate sorted with expanded umlauts
        }
        let code = line[..char_offset(line, 2)].trim_end();
        let field = decode_escapes(line[at3..at29].trim());
        let (male, female) = match code {
            "M" | "1M" | "?M" => (true, false),
            "F" | "1F" | "?F" => (false, true),
            "?" => (true, true),
            "=" => {
                let mut parts = field.split_whitespace();
                if let (Some(short), Some(long)) = (parts.next(), parts.next()) {
                    short_forms.push((short.to_owned(), long.to_owned()));
                }
                continue;
            }
            _ => return Err(bad("unknown gender code")),
        };
        if field.is_empty() {
            return Err(bad("empty name"));
        }
        let (mut max, mut weight) = (0u8, 0u64);
        for b in line[at30..].bytes() {
            if let Some(d) = char::from(b).to_digit(16) {
                let d = d as u8;
                max = max.max(d);
                weight += 1u64 << d;
            }
        }
        let weight = weight.max(1);
        let add = |map: &mut KeyMap<Acc>, key: String| {
            let a = map.entry(key).or_default();
            if male {
                a.male_max = a.male_max.max(max);
                a.male_weight += weight;
            }
            if female {
                a.female_max = a.female_max.max(max);
                a.female_weight += weight;
            }
        };
        if field.contains('+') {
            for spelling in spellings(&field) {
                let (key, expanded_key) = keys(&spelling);
                add(&mut acc, key);
                if let Some(k) = expanded_key {
                    add(&mut expanded, k);
                }
            }
        } else {
            let (key, expanded_key) = keys(&field);
            add(&mut acc, key);
            if let Some(k) = expanded_key {
                add(&mut expanded, k);
            }
        }
    }
    if acc.is_empty() {
        return Err(EnrichError::Format {
            path: path.to_path_buf(),
            reason: "no name lines".to_owned(),
        });
    }
    // Transliterated spellings ("Juergen") where the list has no such name.
    for (k, a) in expanded {
        acc.entry(k).or_insert(a);
    }
    let mut names: KeyMap<NameInfo> = acc
        .into_iter()
        .map(|(k, a)| {
            let frequency = a.male_max.max(a.female_max);
            (k, NameInfo { gender: a.gender(), frequency })
        })
        .collect();
    // A short form not listed itself takes its long name's gender with no
    // frequency ("Mascha" = Maria); of several long names the first wins.
    for (short, long) in short_forms {
        let (short, long) = (fold_diacritics(&short), fold_diacritics(&long));
        if names.contains_key(&short) {
            continue;
        }
        if let Some(info) = names.get(&long).copied() {
            names.insert(short, NameInfo { frequency: 0, ..info });
        }
    }
    Ok(names)
}

/// The spellings a name field stands for: `Jun+Wei` → `Jun-Wei`, `Jun Wei`,
/// `Junwei`.
fn spellings(field: &str) -> Vec<String> {
    let joined: String = {
        let mut out = String::with_capacity(field.len());
        let mut lower_next = false;
        for c in field.chars() {
            if c == '+' {
                lower_next = true;
            } else if lower_next {
                out.extend(c.to_lowercase());
                lower_next = false;
            } else {
                out.push(c);
            }
        }
        out
    };
    vec![field.replace('+', "-"), field.replace('+', " "), joined]
}

/// Lookup keys of one spelling: the folded form, and for umlauts and Nordic
/// letters also the expanded transliteration ("Jürgen" → "juergen",
/// "Søren" → "soeren", "Åse" → "aase").
fn keys(spelling: &str) -> (String, Option<String>) {
    if spelling.is_ascii() {
        return (spelling.to_ascii_lowercase(), None);
    }
    let folded = fold_diacritics(spelling);
    let lower = spelling.to_lowercase();
    if !lower.contains(['ä', 'ö', 'ü', 'ø', 'å', 'æ']) {
        return (folded, None);
    }
    let mut expanded = String::with_capacity(lower.len() + 4);
    for c in lower.chars() {
        match c {
            'ä' | 'æ' => expanded.push_str("ae"),
            'ö' | 'ø' => expanded.push_str("oe"),
            'ü' => expanded.push_str("ue"),
            'å' => expanded.push_str("aa"),
            c => expanded.push(c),
        }
    }
    let expanded = fold_diacritics(&expanded);
    if expanded == folded { (folded, None) } else { (folded, Some(expanded)) }
}
