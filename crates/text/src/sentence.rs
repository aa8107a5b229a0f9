//! Rule-based sentence splitting.
//!
//! One forward pass over the bytes. A sentence ends
//! * at every line break (`"\n\n"` and a single `"\n"` alike: news text keeps
//!   one paragraph per line), and
//! * after a run of terminators (`.`, `?`, `!`, `…`, CJK `。！？`) plus any
//!   closing quotes or brackets, when white space follows and the next word
//!   does not start with a lower-case letter, unless the word before a `.` is
//!   an abbreviation (see [`Class`]), an initial, a dotted acronym or, in
//!   German, an ordinal number (`am 5. März`).
//!
//! Spans are trimmed of white space; empty ones are dropped.

use std::collections::{HashMap, HashSet};

use parallax_model::Span;

use crate::Lang;
use crate::stop::WordBuild;
use crate::token::char_at;

/// How an abbreviation before a `.` behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Never ends a sentence: titles (`Mr.`, `Dr.`), `e.g.`, `z.B.`.
    Strong,
    /// Does not end a sentence before a number (`No. 10`, `Jan. 5`);
    /// otherwise an ordinary word.
    Numeric,
    /// Ends a sentence only before a frequent sentence starter (`Inc. The`,
    /// `p.m. The`); initials and dotted acronyms (`U.S.`) behave like this.
    Weak,
}

/// Sentence rules for one language, built once.
#[derive(Debug, Clone)]
pub(crate) struct Rules {
    abbrev: HashMap<&'static str, Class, WordBuild>,
    starters: HashSet<&'static str, WordBuild>,
    months: HashSet<&'static str, WordBuild>,
    ordinal_dot: bool,
}

const GENERIC_STRONG: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "mme", "mmes", "mlle", "dr", "prof", "gen", "lt", "col", "sgt",
    "capt", "cmdr", "adm", "maj", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "det", "insp",
    "brig", "cpl", "pvt", "e.g", "i.e", "cf", "vs", "viz", "approx", "ca", "z.b", "d.h", "u.a",
    "v.a", "o.ä", "u.ä", "s.o", "s.u", "u.u", "i.d.r",
];
const GENERIC_NUMERIC: &[&str] = &[
    "no", "nos", "nr", "art", "abs", "p", "pp", "vol", "fig", "ch", "sec", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "tel", "ed", "bd", "n°",
];
const GENERIC_WEAK: &[&str] = &[
    "inc", "corp", "ltd", "co", "llc", "plc", "jr", "sr", "st", "mt", "bros", "etc", "a.m", "p.m",
    "ave", "blvd", "rd", "dept", "univ", "usw",
];

const DE_STRONG: &[&str] = &[
    "bzw", "vgl", "ggf", "evtl", "sog", "inkl", "zzgl", "hr", "fr", "dipl", "ing", "stv", "bspw",
    "abg", "ehem", "gegr", "geb", "verh", "u.v.m", "z.t", "z.zt", "s", "z", "d", "u", "v", "o",
];
const DE_NUMERIC: &[&str] = &["okt", "dez", "mrz", "mio", "mrd", "jh", "jhd"];
const FR_STRONG: &[&str] = &["mm", "me", "mgr", "p.ex", "env", "cf"];
const FR_NUMERIC: &[&str] = &["janv", "févr", "fév", "avr", "juil", "déc", "n", "t"];
const ES_STRONG: &[&str] =
    &["sr", "sra", "srta", "dra", "lic", "ing", "gral", "pdte", "excmo", "ud", "uds", "d", "dña"];
const ES_NUMERIC: &[&str] = &["núm", "pág", "ene", "abr", "ago", "dic"];
const IT_STRONG: &[&str] =
    &["sig", "sigg", "sig.ra", "dott", "dott.ssa", "avv", "ing", "on", "gen"];
const IT_NUMERIC: &[&str] = &["pag", "gen", "mag", "giu", "lug", "ago", "set", "ott", "dic"];
const PT_STRONG: &[&str] = &["sr", "sra", "srs", "dra", "exmo", "exma", "eng"];
const PT_NUMERIC: &[&str] = &["pág", "fev", "abr", "mai", "ago", "set", "out", "dez"];
const NL_STRONG: &[&str] =
    &["dhr", "mevr", "drs", "ir", "ing", "bijv", "o.a", "d.w.z", "m.b.t", "i.p.v", "mr"];

const EN_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "However",
    "Meanwhile",
    "Also",
    "In",
    "On",
    "At",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "Although",
    "Though",
    "Despite",
    "For",
    "From",
    "With",
    "Without",
    "By",
    "Since",
    "Until",
    "During",
    "Under",
    "Over",
    "According",
    "Some",
    "Many",
    "Most",
    "All",
    "Both",
    "Each",
    "Several",
    "Other",
    "Others",
    "One",
    "No",
    "Not",
    "Officials",
    "Police",
    "What",
    "Why",
    "How",
    "Who",
    "Where",
    "Which",
    "Earlier",
    "Later",
    "Last",
    "Next",
    "Then",
    "Now",
    "Still",
    "Even",
    "Only",
    "Instead",
    "Indeed",
    "Moreover",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
];
const DE_STARTERS: &[&str] = &[
    "Der",
    "Die",
    "Das",
    "Den",
    "Dem",
    "Des",
    "Ein",
    "Eine",
    "Einen",
    "Er",
    "Sie",
    "Es",
    "Wir",
    "Ich",
    "Ihr",
    "Man",
    "Dies",
    "Diese",
    "Dieser",
    "Dieses",
    "Doch",
    "Aber",
    "Und",
    "Oder",
    "Auch",
    "So",
    "Dann",
    "Damit",
    "Dabei",
    "Daher",
    "Deshalb",
    "Jedoch",
    "Zudem",
    "Außerdem",
    "Allerdings",
    "Nach",
    "Vor",
    "In",
    "Im",
    "Am",
    "An",
    "Auf",
    "Aus",
    "Bei",
    "Mit",
    "Seit",
    "Für",
    "Laut",
    "Trotz",
    "Wie",
    "Was",
    "Wer",
    "Wo",
    "Warum",
    "Als",
    "Wenn",
    "Nun",
    "Noch",
    "Bereits",
    "Zuvor",
    "Zuletzt",
    "Insgesamt",
    "Hier",
    "Dort",
    "Da",
];
const DE_MONTHS: &[&str] = &[
    "januar",
    "jänner",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "jan",
    "feb",
    "mär",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "okt",
    "nov",
    "dez",
];

impl Rules {
    /// The rules for `lang` (generic rules for languages without a list).
    pub(crate) fn new(lang: Option<Lang>) -> Rules {
        let mut rules = Rules {
            abbrev: HashMap::default(),
            starters: HashSet::default(),
            months: HashSet::default(),
            ordinal_dot: false,
        };
        rules.add(GENERIC_STRONG, Class::Strong);
        rules.add(GENERIC_NUMERIC, Class::Numeric);
        rules.add(GENERIC_WEAK, Class::Weak);
        rules.starters.extend(EN_STARTERS);
        match lang.map(Lang::code) {
            Some("de") => {
                rules.add(DE_STRONG, Class::Strong);
                rules.add(DE_NUMERIC, Class::Numeric);
                rules.starters.extend(DE_STARTERS);
                rules.months.extend(DE_MONTHS);
                rules.ordinal_dot = true;
            }
            Some("fr") => {
                rules.add(FR_STRONG, Class::Strong);
                rules.add(FR_NUMERIC, Class::Numeric);
            }
            Some("es") => {
                rules.add(ES_STRONG, Class::Strong);
                rules.add(ES_NUMERIC, Class::Numeric);
            }
            Some("it") => {
                rules.add(IT_STRONG, Class::Strong);
                rules.add(IT_NUMERIC, Class::Numeric);
            }
            Some("pt") => {
                rules.add(PT_STRONG, Class::Strong);
                rules.add(PT_NUMERIC, Class::Numeric);
            }
            Some("nl") => rules.add(NL_STRONG, Class::Strong),
            _ => {}
        }
        rules
    }

    fn add(&mut self, words: &[&'static str], class: Class) {
        for w in words {
            self.abbrev.insert(w, class);
        }
    }
}

/// Chars that may close a sentence after its terminator.
#[inline]
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201d}'
            | '\u{2019}'
            | '\u{00bb}'
            | '\u{203a}'
            | ')'
            | ']'
            | '\u{300d}'
            | '\u{300f}'
    )
}

/// Chars that may open the next sentence before its first letter.
#[inline]
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201c}'
            | '\u{201e}'
            | '\u{2018}'
            | '\u{00ab}'
            | '\u{2039}'
            | '('
            | '['
            | '\u{00bf}'
            | '\u{00a1}'
            | '-'
            | '\u{2013}'
            | '\u{2014}'
            | '*'
    )
}

#[inline]
fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '\u{2026}' | '\u{3002}' | '\u{ff01}' | '\u{ff1f}')
}

/// Pushes the trimmed, non-empty `text[start..end]` as a span.
fn emit(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let Some(s) = text.get(start..end) else { return };
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(start + lead, start + lead + trimmed.len()));
    }
}

/// Splits `text` into sentence spans (appended to `out`).
pub(crate) fn split(text: &str, rules: &Rules, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut sent_start = 0;
    let mut i = 0;
    let mut key = String::new();
    while i < bytes.len() {
        let b = bytes[i];
        // Fast skip: ASCII bytes that can't end a sentence.
        if b < 0x80 && !matches!(b, b'.' | b'?' | b'!' | b'\n' | b'\r') {
            i += 1;
            continue;
        }
        let Some(c) = char_at(text, i) else { break };
        if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
            emit(text, sent_start, i, out);
            i += c.len_utf8();
            sent_start = i;
            continue;
        }
        if !is_terminator(c) {
            i += c.len_utf8();
            continue;
        }
        // The run of terminators, then closers.
        let term_start = i;
        let mut j = i;
        let mut only_period = true;
        let mut periods = 0;
        let mut cjk = false;
        while let Some(t) = char_at(text, j).filter(|&t| is_terminator(t)) {
            only_period &= t == '.';
            periods += usize::from(t == '.');
            cjk |= matches!(t, '\u{3002}' | '\u{ff01}' | '\u{ff1f}');
            j += t.len_utf8();
        }
        while let Some(q) = char_at(text, j).filter(|&q| is_closer(q)) {
            j += q.len_utf8();
            // `.”)` and `?"!`-style runs.
            while let Some(t) = char_at(text, j).filter(|&t| is_terminator(t)) {
                j += t.len_utf8();
            }
        }
        let end = j;
        let boundary = match char_at(text, end) {
            None => true,
            Some(ws) if ws.is_whitespace() => {
                let single_period = only_period && periods == 1;
                ends_sentence(text, term_start, end, single_period, rules, &mut key)
            }
            Some(_) => cjk,
        };
        if boundary {
            emit(text, sent_start, end, out);
            sent_start = end;
        }
        i = end.max(i + c.len_utf8());
    }
    emit(text, sent_start, text.len(), out);
}

/// Decides a terminator run `text[term_start..end]` followed by white space.
fn ends_sentence(
    text: &str,
    term_start: usize,
    end: usize,
    single_period: bool,
    rules: &Rules,
    key: &mut String,
) -> bool {
    // The next word: skip white space (a line break is handled by the caller's
    // scan anyway) and opening punctuation.
    let rest = &text[end..];
    let rest_trim = rest.trim_start();
    let word_start = rest_trim.trim_start_matches(is_opener);
    let Some(first) = word_start.chars().next() else { return true };
    if rest[..rest.len() - rest_trim.len()].contains(['\n', '\r']) {
        return true;
    }
    if first.is_lowercase() {
        return false;
    }
    if !single_period {
        return true;
    }
    // The word before the period: letters, digits and inner dots.
    let before = &text[..term_start];
    let wstart = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '°'))
        .map_or(0, |(k, c)| k + c.len_utf8());
    let word = &before[wstart..];
    if word.is_empty() {
        return true;
    }
    let next_word: &str = {
        let n = word_start.find(|c: char| !c.is_alphanumeric()).unwrap_or(word_start.len());
        &word_start[..n]
    };
    let is_starter = rules.starters.contains(next_word);
    key.clear();
    key.extend(word.chars().flat_map(char::to_lowercase));
    let class = rules.abbrev.get(key.as_str()).copied();
    match class {
        Some(Class::Strong) => return false,
        Some(Class::Weak) => return is_starter,
        Some(Class::Numeric) if first.is_numeric() => return false,
        _ => {}
    }
    let mut chars = word.chars();
    let single_upper = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    if single_upper || word.contains('.') {
        // Initials ("J. R. R. Tolkien") and dotted acronyms ("U.S.").
        return is_starter;
    }
    if rules.ordinal_dot && word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit()) {
        // German ordinals: "am 5. März", "im 20. Jahrhundert".
        key.clear();
        key.extend(next_word.chars().flat_map(char::to_lowercase));
        return !rules.months.contains(key.as_str()) && is_starter;
    }
    true
}

#[cfg(test)]
#[path = "sentence_tests.rs"]
mod tests;
