//! Language detection: a stop-word profile first, whatlang when in doubt.
//!
//! whatlang scores every trigram profile of the text's script, which costs
//! ~60–80 µs per call whatever the text length (measured here, release
//! build), more than half our per-article budget. Running text in a language
//! with a stop-word list is recognised far more cheaply: its commonest words
//! *are* the stop words. So the first ~150 words are looked up, once each, in
//! a map from word to the set of languages listing it; when one language
//! clearly leads (see [`StopProfile::detect`]) that is the answer, otherwise
//! whatlang decides.

use std::collections::HashMap;

use crate::lang::Lang;
use crate::normalize::push_norm;
use crate::stop::{StopSet, WordBuild};
use crate::token;

/// How many bytes whatlang looks at.
const WHATLANG_PREFIX: usize = 512;
/// How many bytes the stop-word profile looks at.
const PROFILE_PREFIX: usize = 1024;
/// How many words the stop-word profile looks at, at most.
const PROFILE_WORDS: usize = 150;
/// Below this many letters, a declared language beats detection.
pub(crate) const SHORT_TEXT_LETTERS: usize = 80;

/// The outcome of [`Detector::choose`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LangChoice {
    pub(crate) lang: Option<Lang>,
    pub(crate) confidence: f32,
    pub(crate) reliable: bool,
}

/// Word → bit set of languages (bit `i` is `langs[i]`) whose stop list has it.
#[derive(Debug, Clone)]
struct StopProfile {
    words: HashMap<&'static str, u64, WordBuild>,
    langs: Vec<Lang>,
}

impl StopProfile {
    fn new<'a>(sets: impl Iterator<Item = (Lang, &'a StopSet)>) -> StopProfile {
        let mut p = StopProfile { words: HashMap::default(), langs: Vec::new() };
        for (lang, set) in sets.take(64) {
            let bit = 1u64 << p.langs.len();
            p.langs.push(lang);
            for w in set {
                *p.words.entry(w).or_insert(0) |= bit;
            }
        }
        p
    }

    /// `(lang, confidence)` when one language's stop words clearly dominate.
    ///
    /// Each word found adds 1 to the raw count of every language listing it
    /// and `1/k` to their weighted score, `k` being how many lists have it, so
    /// words many languages share ("de", "la", "en") decide little. The rule:
    /// at least 25 words seen, the weighted leader's raw hits cover ≥ 25 % of
    /// them (Ukrainian text only reaches ~15 % on the Russian list) and its
    /// weighted score is ≥ 1.8 times the runner-up's (French vs Catalan ~2,
    /// unrelated languages 5+). Confidence is the leader's share of the two
    /// top weighted scores.
    fn detect(&self, text: &str) -> Option<(Lang, f32)> {
        let mut raw = Vec::with_capacity(PROFILE_WORDS);
        token::scan(text, 0, false, &mut raw);
        let mut hits = [0u32; 64];
        let mut score = [0f32; 64];
        let mut words = 0u32;
        let mut buf = String::with_capacity(32);
        for r in raw.iter().filter(|r| r.kind == token::TokenKind::Word).take(PROFILE_WORDS) {
            words += 1;
            buf.clear();
            push_norm(text.get(r.start..r.end).unwrap_or_default(), &mut buf);
            if let Some(&mask) = self.words.get(buf.as_str()) {
                let w = 1.0 / mask.count_ones() as f32;
                let mut m = mask;
                while m != 0 {
                    let i = m.trailing_zeros() as usize;
                    hits[i] += 1;
                    score[i] += w;
                    m &= m - 1;
                }
            }
        }
        let (mut best, mut second) = ((0usize, 0f32), 0f32);
        for (i, &s) in score.iter().enumerate().take(self.langs.len()) {
            if s > best.1 {
                second = best.1;
                best = (i, s);
            } else if s > second {
                second = s;
            }
        }
        let (i, top) = best;
        let clear = words >= 25 && hits[i] * 4 >= words && top >= 1.8 * second;
        clear.then(|| (self.langs[i], top / (top + second)))
    }
}

/// Language detection with the declared-language fallback.
pub(crate) struct Detector {
    whatlang: whatlang::Detector,
    profile: StopProfile,
}

impl Detector {
    pub(crate) fn new<'a>(stop_sets: impl Iterator<Item = (Lang, &'a StopSet)>) -> Detector {
        Detector { whatlang: whatlang::Detector::new(), profile: StopProfile::new(stop_sets) }
    }

    /// The language of `text`, reconciled with the declared one.
    ///
    /// Short text (under [`SHORT_TEXT_LETTERS`] letters) with a known
    /// declared language is not examined: the declared language is used,
    /// unreliable. Otherwise a clear detection wins (stop-word profile, else a
    /// reliable whatlang answer); failing that the declared language, failing
    /// that whatlang's guess. `confidence` is the detector's confidence in its
    /// own guess (0 when nothing was detected); `reliable` is true when the
    /// chosen language was detected clearly, or was declared and detection
    /// agrees.
    pub(crate) fn choose(&self, text: &str, declared: Option<&str>) -> LangChoice {
        let declared = declared.and_then(Lang::from_code);
        let short = text.chars().filter(|c| c.is_alphabetic()).take(SHORT_TEXT_LETTERS).count()
            < SHORT_TEXT_LETTERS;
        if short && let Some(decl) = declared {
            return LangChoice { lang: Some(decl), confidence: 0.0, reliable: false };
        }
        let (detected, confidence, clear) = match self.profile.detect(prefix(text, PROFILE_PREFIX))
        {
            Some((lang, conf)) => (Some(lang), conf, true),
            None => match self.whatlang.detect(prefix(text, WHATLANG_PREFIX)) {
                Some(info) => {
                    let lang = Lang::from_whatlang(info.lang());
                    (lang, info.confidence() as f32, info.is_reliable() && lang.is_some())
                }
                None => (None, 0.0, false),
            },
        };
        let clear = clear && !short;
        match (detected, declared) {
            (Some(d), _) if clear => LangChoice { lang: Some(d), confidence, reliable: true },
            (_, Some(decl)) => LangChoice { lang: Some(decl), confidence, reliable: false },
            (d, None) => LangChoice { lang: d, confidence, reliable: false },
        }
    }
}

/// The longest prefix of `text` of at most `max` bytes that ends on a char
/// boundary and, when possible, on white space (so no word is cut).
fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = &text[..end];
    match cut.rfind(char::is_whitespace) {
        Some(ws) if ws > max / 2 => &cut[..ws],
        _ => cut,
    }
}

#[cfg(test)]
#[path = "detect_tests.rs"]
mod tests;
