//! [`Analyzer`] and [`Analysis`]: language, sentences and tokens in one call.

use std::cell::RefCell;
use std::hash::{BuildHasher, Hasher};

use parallax_model::Span;
use rust_stemmers::{Algorithm, Stemmer};

use crate::detect::Detector;
use crate::lang::Lang;
use crate::normalize::push_norm;
use crate::sentence::{self, Rules};
use crate::stop::{StopSet, WordBuild, stop_set};
use crate::token::{self, RawToken, Token, TokenKind};

/// Everything [`Analyzer::analyze`] found in one text.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// The language the text was analysed as: a reliable detection on a long
    /// enough text, else the declared language, else the best guess; `None`
    /// for empty text with no (known) declared language.
    pub lang: Option<Lang>,
    /// whatlang's confidence in its own guess, 0.0–1.0 (0 when it had no
    /// guess). When the declared language was used this is still the
    /// detector's confidence, possibly in another language.
    pub lang_confidence: f32,
    /// True when `lang` was detected reliably, or was declared and detection
    /// reliably agrees.
    pub lang_reliable: bool,
    /// Sentence spans into the text, in order, trimmed, never empty.
    pub sentences: Vec<Span>,
    /// Tokens, in order; each knows its sentence.
    pub tokens: Vec<Token>,
}

/// Per-language resources.
struct LangData {
    stemmer: Option<Stemmer>,
    stop: Option<StopSet>,
    rules: Rules,
    /// Split French/Italian elisions (`l'homme`).
    elide: bool,
    /// Language id in the word cache (0: unknown language).
    id: u8,
}

impl LangData {
    fn new(lang: Option<Lang>) -> LangData {
        let code = lang.map(Lang::code);
        LangData {
            stemmer: code.and_then(algorithm).map(Stemmer::create),
            stop: code.and_then(stop_set),
            rules: Rules::new(lang),
            elide: matches!(code, Some("fr" | "it" | "ca")),
            id: lang.map_or(0, |l| l.index() as u8 + 1),
        }
    }
}

fn algorithm(code: &str) -> Option<Algorithm> {
    Some(match code {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "nb" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    })
}

/// Language detection, sentence splitting and tokenization, with every
/// per-language resource (stemmers, stop-word sets, abbreviation lists) built
/// once in [`Analyzer::new`].
///
/// `Analyzer` is `Send + Sync`: build one and share `&Analyzer` across a
/// rayon pool.
pub struct Analyzer {
    detector: Detector,
    /// Indexed by [`Lang::index`].
    langs: Vec<LangData>,
    /// For text of unknown language: generic sentence rules, no stemmer.
    unknown: LangData,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer").field("languages", &self.langs.len()).finish_non_exhaustive()
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

impl Analyzer {
    /// Builds the analyzer (all languages; takes about a millisecond).
    pub fn new() -> Self {
        let langs: Vec<LangData> = Lang::all().map(|l| LangData::new(Some(l))).collect();
        let stop_sets =
            Lang::all().zip(&langs).filter_map(|(l, d)| d.stop.as_ref().map(|s| (l, s)));
        Analyzer { detector: Detector::new(stop_sets), langs, unknown: LangData::new(None) }
    }

    fn data(&self, lang: Option<Lang>) -> &LangData {
        lang.and_then(|l| self.langs.get(l.index())).unwrap_or(&self.unknown)
    }

    /// Detects the language, then splits sentences and tokens.
    ///
    /// `declared_lang` is the source's own language code (`"en"`, `"de-AT"`,
    /// `"deu"`); it wins when detection is unreliable or the text is short
    /// (under 80 letters). Detection reads only the first ~1 KB.
    pub fn analyze(&self, text: &str, declared_lang: Option<&str>) -> Analysis {
        let choice = self.detector.choose(text, declared_lang);
        let data = self.data(choice.lang);
        let mut sentences = Vec::with_capacity(text.len() / 100 + 1);
        sentence::split(text, &data.rules, &mut sentences);
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let mut raw = Vec::with_capacity(64);
        for (si, s) in sentences.iter().enumerate() {
            let Some(slice) = s.slice(text) else { continue };
            raw.clear();
            token::scan(slice, s.start as usize, data.elide, &mut raw);
            tokens.extend(raw.iter().map(|r| make_token(text, r, data, si as u32)));
        }
        Analysis {
            lang: choice.lang,
            lang_confidence: choice.confidence,
            lang_reliable: choice.reliable,
            sentences,
            tokens,
        }
    }

    /// Tokens of `text` analysed as `lang`, without sentence splitting (every
    /// token's `sentence` is 0).
    pub fn tokens(&self, text: &str, lang: Lang) -> Vec<Token> {
        let data = self.data(Some(lang));
        let mut raw = Vec::with_capacity(text.len() / 5);
        token::scan(text, 0, data.elide, &mut raw);
        raw.iter().map(|r| make_token(text, r, data, 0)).collect()
    }

    /// Sentence spans of `text` under `lang`'s rules.
    pub fn sentences(&self, text: &str, lang: Lang) -> Vec<Span> {
        let mut out = Vec::new();
        sentence::split(text, &self.data(Some(lang)).rules, &mut out);
        out
    }
}

/// Slots in a thread's stem cache (direct-mapped; 8192 × 53 B ≈ 430 KB,
/// about an L2 cache).
const CACHE_SLOTS: usize = 8192;
/// Longest normalised word (bytes) the cache holds; longer ones are rare.
const CACHE_KEY: usize = 24;

/// One cache slot: a language id + normalised word, and its stem.
#[derive(Clone, Copy)]
struct Slot {
    lang: u8,
    stop: bool,
    key_len: u8,
    stem_len: u8,
    key: [u8; CACHE_KEY],
    stem: [u8; CACHE_KEY],
}

const EMPTY: Slot = Slot {
    lang: 0,
    stop: false,
    key_len: 0,
    stem_len: 0,
    key: [0; CACHE_KEY],
    stem: [0; CACHE_KEY],
};

thread_local! {
    /// Stems computed on this thread.
    ///
    /// Snowball stemming costs 100–300 ns a word, while news vocabulary is
    /// Zipfian: most words were seen moments ago. A direct-mapped cache with
    /// inline keys answers those with one hash and one compare, no allocation
    /// and no pointer chase (a `HashMap<Box<str>, _>` of the whole vocabulary
    /// measured slower: its misses went to main memory). Thread-local so a
    /// rayon pool shares `&Analyzer` without locks.
    static WORD_CACHE: RefCell<Vec<Slot>> = const { RefCell::new(Vec::new()) };
}

/// Stem and stop flag of `norm`, through the thread's word cache (which
/// keeps both, so a frequent word costs one hash and one compare); on a miss,
/// stop words from their set and stems from the stemmer.
fn word_info(data: &LangData, norm: &str) -> (String, bool) {
    if norm.len() > CACHE_KEY {
        return word_info_uncached(data, norm);
    }
    WORD_CACHE.with(|cache| {
        let Ok(mut slots) = cache.try_borrow_mut() else {
            return word_info_uncached(data, norm);
        };
        if slots.is_empty() {
            slots.resize(CACHE_SLOTS, EMPTY);
        }
        let mut h = WordBuild::default().build_hasher();
        h.write(norm.as_bytes());
        h.write_u8(data.id);
        let i = h.finish() as usize % CACHE_SLOTS;
        let Some(slot) = slots.get_mut(i) else {
            return word_info_uncached(data, norm);
        };
        let bytes = norm.as_bytes();
        if slot.lang == data.id
            && slot.key_len as usize == bytes.len()
            && slot.key[..bytes.len()] == *bytes
        {
            let stem = std::str::from_utf8(&slot.stem[..slot.stem_len as usize]).unwrap_or(norm);
            return (stem.to_owned(), slot.stop);
        }
        let (stem, stop) = word_info_uncached(data, norm);
        if stem.len() <= CACHE_KEY {
            slot.lang = data.id;
            slot.stop = stop;
            slot.key_len = bytes.len() as u8;
            slot.key[..bytes.len()].copy_from_slice(bytes);
            slot.stem_len = stem.len() as u8;
            slot.stem[..stem.len()].copy_from_slice(stem.as_bytes());
        }
        (stem, stop)
    })
}

/// [`word_info`] without the cache.
fn word_info_uncached(data: &LangData, norm: &str) -> (String, bool) {
    let stop =
        data.stop.as_ref().is_some_and(|s| s.contains(norm.strip_suffix('\'').unwrap_or(norm)));
    match data.stemmer.as_ref().filter(|_| !stop && norm.len() > 2) {
        Some(stemmer) => (stemmer.stem(norm).into_owned(), false),
        None => (norm.to_owned(), stop),
    }
}

fn make_token(text: &str, r: &RawToken, data: &LangData, sentence: u32) -> Token {
    let surface = text.get(r.start..r.end).unwrap_or_default();
    let mut norm = String::with_capacity(surface.len());
    push_norm(surface, &mut norm);
    let (stem, stop) = match r.kind {
        TokenKind::Word => word_info(data, &norm),
        TokenKind::Number => (norm.clone(), false),
    };
    Token { span: Span::new(r.start, r.end), norm, stem, stop, kind: r.kind, sentence }
}

#[cfg(test)]
#[path = "analyzer_tests.rs"]
mod tests;
