//! Quote attribution: who said what, scored against PolNeAR and German WikiNews.
//!
//! # Data
//!
//! [`load`] reads JSONL files of two layouts, detected per line:
//!
//! * **PolNeAR** (`quotes-polnear`, English): one line per (article, annotator)
//!   with `doc`, `annotator`, `text` and `attributions[]`, each with `source`,
//!   `cue` and `content` objects `{spans: [[start, end], ...], text}`, any of which
//!   may be `null` or missing. The document id is `doc#annotator`.
//! * **German WikiNews** (`quotes-german-wikinews`): one line per document with
//!   `documentName` (or `file`), `text` and `annotations[]`, each with `quote`,
//!   `speaker`, `cue`, `frame` objects of the same shape and a `type` (Direct,
//!   Indirect, IndirectFreeIndirect, Reported, FreeIndirect).
//!
//! Offsets are Unicode code point offsets into `text`, `[start, end)`; a field can
//! have several (discontinuous) spans. The loader checks every span lies within the
//! text. Language is the line's `lang` field when present, else `"en"` for PolNeAR
//! and `"de"` for German. Every attribution becomes one [`GoldQuote`], also the
//! rare one without content (scoring skips those, see below).
//!
//! **Kind** ([`GoldKind`]): German `type` Direct is [`GoldKind::Direct`], every other
//! type is [`GoldKind::Indirect`] (the original type is kept in
//! [`GoldQuote::label`]). PolNeAR has no type, so a quote is Direct when its
//! content (the text of its spans joined with spaces: annotators often split a
//! quote per sentence or around its attribution), trimmed of whitespace and of
//! trailing `, . ; : ! ? …`, starts and ends with a quotation mark
//! (`“ ” " „ « » ‟ ‘ ’ ‚ ‹ › ‛`) and has at most [`MAX_UNQUOTED_CHARS`] letters
//! or digits outside the quotation marks (marks of the opening mark's class,
//! double or single, toggle "inside"; a single mark between two letters is an
//! apostrophe; two straight apostrophes `''`, the New York Times' rendering
//! of a double mark in PolNeAR's text, count as one double mark, and a span
//! boundary that cuts such a pair in half is widened to hold it). Otherwise
//! it is Indirect, so `that the plan was “bad”` is Indirect.
//!
//! **Speech** ([`GoldQuote::speech`]): PolNeAR's content also covers thoughts,
//! beliefs and findings. A PolNeAR quote is speech when its cue is "according
//! to", consists only of punctuation (`:`, dashes: colon- and dash-led speech), or
//! its first word whose lemma is in either [`SPEECH_LEMMAS`] or
//! [`NON_SPEECH_LEMMAS`] is in [`SPEECH_LEMMAS`] (the cue's head verb; auxiliaries
//! and adverbs such as "has", "also", "did not" are in neither list and are
//! skipped). Lemmas come from a small English lemmatiser (irregular forms plus
//! -s/-es/-ies/-ed/-ied/-ing stripping). A missing cue, or one with no listed word,
//! is not speech. Every German gold quote is speech.
//!
//! # Predictions
//!
//! The caller's predictor turns a [`GoldDoc`] into [`PredQuote`]s with code point
//! spans ([`byte_to_char_span`] converts byte spans). [`evaluate`] runs it over all
//! documents in parallel (rayon) and returns a [`QuoteReport`].
//!
//! # Scoring
//!
//! 1. **Trimming.** Every content span (gold and predicted) is clamped to the text
//!    and trimmed of whitespace and quotation marks at both ends and of trailing
//!    `, . : ;` (repeatedly, so `“wraps.”` becomes `wraps`). A quote's content is
//!    the *set* of code points of its trimmed spans. Gold quotes whose set is empty
//!    (no content) are skipped and counted in [`QuoteReport::gold_skipped_empty`];
//!    predictions with an empty set still count as predictions (they never match).
//! 2. **Overlap** of a predicted and a gold quote = |P ∩ G| / max(|P|, |G|);
//!    a pair is *exact* when the sets are equal (overlap 1).
//! 3. **Matching** is greedy and one-to-one per document: all pairs with positive
//!    overlap, highest overlap first (ties: lower gold index, then lower predicted
//!    index). Since greedy decisions on pairs above a threshold never depend on
//!    pairs below it, one matching serves every threshold: at threshold `t` the
//!    true positives are the matched pairs with overlap ≥ `t`.
//! 4. **Rows** (each with its own matching over its own subsets):
//!    * `all`: every gold quote against every prediction.
//!    * `direct`: gold [`GoldKind::Direct`] against predicted
//!      [`PredKind::Direct`]. A mixed prediction (reported speech holding a
//!      quoted part) is not essentially all quoted, so by the gold's own rule
//!      it is indirect.
//!    * `indirect`: gold [`GoldKind::Indirect`] against predicted
//!      [`PredKind::Indirect`] and [`PredKind::Mixed`].
//!    * `speech` (only when some gold quote is not speech, i.e. PolNeAR): gold
//!      restricted to speech quotes; it reuses the `all` row's matching, and
//!      predictions matched there at overlap ≥ 0.3 to a non-speech gold quote
//!      are left out of the precision denominator (neither right nor wrong).
//! 5. **P/R/F1** at overlap ≥ 0.3, ≥ 0.8 and exact: precision = TP / predictions,
//!    recall = TP / gold, F1 their harmonic mean; each is 0 when its denominator
//!    is 0. Counts are pooled over documents (micro average).
//!    [`QuoteRow::prf_at`] gives any other threshold.
//! 6. **Speaker accuracy** over the `all` row's pairs matched at overlap ≥ 0.3
//!    whose gold quote has a speaker:
//!    * *strict*: the predicted speaker span overlaps (shares a code point with)
//!      one of the gold speaker spans;
//!    * *lenient*: strict, or a capitalised word of ≥ 3 letters (compared
//!      lower-cased with diacritics folded) occurs both in the prediction's
//!      `speaker_name`, `speaker_text` or the text under its speaker span and in
//!      the gold speaker text. Function words and titles ([`NAME_STOPWORDS`]:
//!      "The", "President", "Minister", ...) do not count.
//!
//!    A prediction without any speaker counts as wrong. Gold quotes without a
//!    speaker are counted ([`SpeakerReport::gold_without_speaker`]) and left out.

use std::fmt;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

use crate::EvalError;

/// A `[start, end)` span of Unicode code point offsets into a document's text.
pub type CharSpan = (usize, usize);

/// Overlap thresholds reported in every row: ≥ 0.3, ≥ 0.8 and exact (1.0).
pub const LEVELS: [f64; 3] = [0.3, 0.8, 1.0];

/// Minimum overlap of a matched pair for speaker scoring and for the `speech`
/// row's exclusion of predictions matched to non-speech gold quotes.
pub const SPEAKER_MIN_OVERLAP: f64 = 0.3;

/// Letters or digits allowed outside quotation marks in a PolNeAR content that
/// is still classified Direct (e.g. the "and" of `“A” and “B”`).
pub const MAX_UNQUOTED_CHARS: usize = 3;

/// Lemmas of verbs (and nouns) of speaking, writing and reporting: a PolNeAR cue
/// whose head word has one of these lemmas is speech.
pub const SPEECH_LEMMAS: &[&str] = &[
    "say",
    "tell",
    "add",
    "ask",
    "write",
    "tweet",
    "post",
    "report",
    "state",
    "announce",
    "claim",
    "insist",
    "argue",
    "explain",
    "note",
    "warn",
    "declare",
    "reply",
    "respond",
    "answer",
    "testify",
    "acknowledge",
    "admit",
    "deny",
    "suggest",
    "comment",
    "remark",
    "repeat",
    "recall",
    "describe",
    "call",
    "urge",
    "continue",
    "quote",
    "cite",
    "mention",
    "speak",
    "talk",
    "tout",
    "boast",
    "complain",
    "concede",
    "confirm",
    "assert",
    "affirm",
    "allege",
    "contend",
    "maintain",
    "predict",
    "promise",
    "pledge",
    "vow",
    "emphasize",
    "emphasise",
    "stress",
    "point",
    "question",
    "demand",
    "propose",
    "recommend",
    "advise",
    "caution",
    "chant",
    "shout",
    "yell",
    "scream",
    "whisper",
    "joke",
    "quip",
    "echo",
    "agree",
    "criticize",
    "criticise",
    "condemn",
    "praise",
    "accuse",
    "charge",
    "blast",
    "disclose",
    "liken",
    "discuss",
    "dispute",
    "retort",
    "counter",
    "elaborate",
    "clarify",
    "lament",
    "proclaim",
    "assure",
    "reassure",
    "threaten",
    "request",
    "plead",
    "implore",
    "email",
    "read",
    "publish",
    "put",
    "statement",
    "interview",
    "testimony",
    "announcement",
];

/// Lemmas of verbs of thinking, wanting, perceiving and finding: a PolNeAR cue
/// whose head word has one of these lemmas is not speech.
pub const NON_SPEECH_LEMMAS: &[&str] = &[
    "think",
    "believe",
    "want",
    "know",
    "feel",
    "hope",
    "expect",
    "plan",
    "show",
    "find",
    "learn",
    "see",
    "seem",
    "appear",
    "understand",
    "worry",
    "fear",
    "wish",
    "intend",
    "decide",
    "consider",
    "assume",
    "suspect",
    "doubt",
    "realize",
    "realise",
    "guess",
    "imagine",
    "estimate",
    "conclude",
    "indicate",
    "reveal",
    "hear",
    "view",
    "regard",
    "support",
    "oppose",
    "reject",
    "favor",
    "favour",
    "prefer",
    "like",
    "love",
    "hate",
    "need",
    "aim",
    "seek",
    "try",
    "refuse",
    "decline",
    "frustrate",
    "concern",
];

/// Capitalised words that do not identify a speaker in lenient speaker matching
/// (compared lower-cased and folded): articles, pronouns and titles.
pub const NAME_STOPWORDS: &[&str] = &[
    "the",
    "der",
    "die",
    "das",
    "den",
    "dem",
    "des",
    "ein",
    "eine",
    "einer",
    "eines",
    "and",
    "und",
    "his",
    "her",
    "its",
    "their",
    "she",
    "they",
    "sie",
    "ihr",
    "ihre",
    "sein",
    "seine",
    "this",
    "that",
    "dieser",
    "diese",
    "mrs",
    "miss",
    "herr",
    "frau",
    "sir",
    "dame",
    "lord",
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "senator",
    "sen",
    "rep",
    "representative",
    "gov",
    "governor",
    "mayor",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "king",
    "queen",
    "prince",
    "general",
    "gen",
    "col",
    "judge",
    "justice",
    "attorney",
    "former",
    "praesident",
    "prasident",
    "prasidentin",
    "ministerin",
    "kanzler",
    "kanzlerin",
    "bundeskanzler",
    "bundeskanzlerin",
    "sprecher",
    "sprecherin",
    "chef",
    "chefin",
    "burgermeister",
    "von",
    "van",
    "del",
];

/// Kind of a gold quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum GoldKind {
    /// Verbatim words in quotation marks.
    Direct,
    /// Reported (indirect, free indirect, ...) speech or thought.
    Indirect,
}

/// Kind of a predicted quote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub enum PredKind {
    /// Verbatim words in quotation marks (the default).
    #[default]
    Direct,
    /// Reported speech.
    Indirect,
    /// Reported speech with a quoted part; counts in both the direct and the
    /// indirect row.
    Mixed,
}

/// One gold attribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoldQuote {
    /// Spans of the quoted content (empty when the annotation has none).
    pub content: Vec<CharSpan>,
    /// Spans of the speaker mention (source); empty when there is none.
    pub speaker: Vec<CharSpan>,
    /// Text of the speaker mention ("" when there is none).
    pub speaker_text: String,
    /// Spans of the cue ("said", "according to", ":").
    pub cue: Vec<CharSpan>,
    /// Text of the cue ("" when there is none).
    pub cue_text: String,
    /// Direct or indirect (see the module doc for PolNeAR's rule).
    pub kind: GoldKind,
    /// Whether the attribution is speech or writing rather than a thought or
    /// finding (always true for German WikiNews).
    pub speech: bool,
    /// The data set's own type label (German WikiNews `type`), if any.
    pub label: Option<String>,
}

/// One gold document: a text with its attributions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoldDoc {
    /// Document id (PolNeAR: `doc#annotator`; German: the document name).
    pub id: String,
    /// The full text; all spans are code point offsets into it.
    pub text: String,
    /// Language code (`"en"`, `"de"`).
    pub lang: String,
    /// The gold attributions.
    pub quotes: Vec<GoldQuote>,
}

impl GoldDoc {
    /// The text covered by `spans`, joined with single spaces.
    pub fn span_text(&self, spans: &[CharSpan]) -> String {
        let chars: Vec<char> = self.text.chars().collect();
        join_spans(&chars, spans)
    }
}

/// One predicted quote.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PredQuote {
    /// Spans of the quoted content.
    pub content: Vec<CharSpan>,
    /// Direct, indirect or mixed.
    pub kind: PredKind,
    /// Span of the speaker mention in the text, if any.
    pub speaker: Option<CharSpan>,
    /// Text of the speaker mention ("he", "the spokesman", "Merkel").
    pub speaker_text: Option<String>,
    /// Resolved full name of the speaker ("Angela Merkel").
    pub speaker_name: Option<String>,
}

/// Converts a byte span of `text` to a code point span (byte offsets inside a
/// character round down; offsets past the end give the text's length).
pub fn byte_to_char_span(text: &str, span: (usize, usize)) -> CharSpan {
    let to_char = |b: usize| text.char_indices().take_while(|&(i, _)| i < b).count();
    (to_char(span.0), to_char(span.1))
}

// ---------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------

/// Loads gold documents from a `.jsonl` file or a folder.
///
/// In a folder, `split` selects the files named `*_{split}.jsonl` (e.g.
/// `polnear_dev.jsonl`), an error when there is none; without a split every
/// `*.jsonl` file in the folder is read. Files are read in name order. For a
/// file path, `split` is ignored.
pub fn load(path: &Path, split: Option<&str>) -> Result<Vec<GoldDoc>, EvalError> {
    let files = if path.is_dir() { pick_files(path, split)? } else { vec![path.to_path_buf()] };
    let mut docs = Vec::new();
    for file in files {
        let raw = std::fs::read_to_string(&file)
            .map_err(|source| EvalError::Io { path: file.clone(), source })?;
        for (n, line) in raw.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let value: Value = serde_json::from_str(line)
                .map_err(|source| EvalError::Json { path: file.clone(), source })?;
            let doc = parse_line(&value).map_err(|detail| EvalError::Invalid {
                path: file.clone(),
                detail: format!("line {}: {detail}", n + 1),
            })?;
            docs.push(doc);
        }
    }
    Ok(docs)
}

fn pick_files(dir: &Path, split: Option<&str>) -> Result<Vec<PathBuf>, EvalError> {
    let entries = std::fs::read_dir(dir)
        .map_err(|source| EvalError::Io { path: dir.to_path_buf(), source })?;
    let suffix = match split {
        Some(s) => format!("_{s}.jsonl"),
        None => ".jsonl".to_string(),
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| EvalError::Io { path: dir.to_path_buf(), source })?;
        let path = entry.path();
        let matches =
            path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(&suffix));
        if matches && path.is_file() {
            files.push(path);
        }
    }
    if files.is_empty() {
        return Err(EvalError::Invalid {
            path: dir.to_path_buf(),
            detail: format!("no *{suffix} file in this folder"),
        });
    }
    files.sort();
    Ok(files)
}

fn parse_line(v: &Value) -> Result<GoldDoc, String> {
    let text = v.get("text").and_then(Value::as_str).ok_or("no \"text\" string")?.to_string();
    let chars: Vec<char> = text.chars().collect();
    let lang_field = v.get("lang").and_then(Value::as_str).map(str::to_string);
    if let Some(attrs) = v.get("attributions") {
        let attrs = attrs.as_array().ok_or("\"attributions\" is not an array")?;
        let doc = v.get("doc").and_then(Value::as_str).unwrap_or("");
        let id = match v.get("annotator").and_then(Value::as_str) {
            Some(a) => format!("{doc}#{a}"),
            None => doc.to_string(),
        };
        let mut quotes = Vec::with_capacity(attrs.len());
        for a in attrs {
            let (content, _) = field(a, "content", &chars)?;
            let (speaker, speaker_text) = field(a, "source", &chars)?;
            let (cue, cue_text) = field(a, "cue", &chars)?;
            let kind =
                if looks_direct(&chars, &content) { GoldKind::Direct } else { GoldKind::Indirect };
            let speech = is_speech_cue(&cue_text);
            quotes.push(GoldQuote {
                content,
                speaker,
                speaker_text,
                cue,
                cue_text,
                kind,
                speech,
                label: None,
            });
        }
        return Ok(GoldDoc {
            id,
            text,
            lang: lang_field.unwrap_or_else(|| "en".to_string()),
            quotes,
        });
    }
    if let Some(anns) = v.get("annotations") {
        let anns = anns.as_array().ok_or("\"annotations\" is not an array")?;
        let id = ["documentName", "file", "id"]
            .iter()
            .find_map(|k| v.get(*k).and_then(Value::as_str))
            .unwrap_or("")
            .to_string();
        let mut quotes = Vec::with_capacity(anns.len());
        for a in anns {
            let (content, _) = field(a, "quote", &chars)?;
            let (speaker, speaker_text) = field(a, "speaker", &chars)?;
            let (cue, cue_text) = field(a, "cue", &chars)?;
            let label = a.get("type").and_then(Value::as_str).map(str::to_string);
            let kind = if label.as_deref() == Some("Direct") {
                GoldKind::Direct
            } else {
                GoldKind::Indirect
            };
            quotes.push(GoldQuote {
                content,
                speaker,
                speaker_text,
                cue,
                cue_text,
                kind,
                speech: true,
                label,
            });
        }
        return Ok(GoldDoc {
            id,
            text,
            lang: lang_field.unwrap_or_else(|| "de".to_string()),
            quotes,
        });
    }
    Err("neither \"attributions\" (PolNeAR) nor \"annotations\" (German WikiNews)".to_string())
}

/// Reads `{spans: [[s, e], ...], text}` under `key`; null or missing gives no
/// spans and "". The text is the field's own, else the spans' text.
fn field(a: &Value, key: &str, chars: &[char]) -> Result<(Vec<CharSpan>, String), String> {
    let Some(f) = a.get(key).filter(|f| !f.is_null()) else {
        return Ok((Vec::new(), String::new()));
    };
    let mut spans = Vec::new();
    if let Some(list) = f.get("spans").filter(|s| !s.is_null()) {
        let list = list.as_array().ok_or_else(|| format!("{key}.spans is not an array"))?;
        for s in list {
            let pair = s.as_array().filter(|p| p.len() == 2);
            let (start, end) = match pair.map(|p| (p[0].as_u64(), p[1].as_u64())) {
                Some((Some(s), Some(e))) => (s as usize, e as usize),
                _ => return Err(format!("{key}: span {s} is not [start, end]")),
            };
            if start > end || end > chars.len() {
                return Err(format!(
                    "{key}: span [{start}, {end}) outside the text ({} code points)",
                    chars.len()
                ));
            }
            spans.push((start, end));
        }
    }
    let text = match f.get("text").and_then(Value::as_str) {
        Some(t) => t.to_string(),
        None => join_spans(chars, &spans),
    };
    Ok((spans, text))
}

fn join_spans(chars: &[char], spans: &[CharSpan]) -> String {
    let parts: Vec<String> = spans
        .iter()
        .map(|&(s, e)| {
            let e = e.min(chars.len());
            chars[s.min(e)..e].iter().collect()
        })
        .collect();
    parts.join(" ")
}

// ---------------------------------------------------------------------------
// Classification of PolNeAR gold quotes
// ---------------------------------------------------------------------------

/// Double quotation marks.
fn is_double_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '„' | '«' | '»' | '‟' | '〝' | '〞')
}

/// Single quotation marks (straight `'` is left out: apostrophes).
fn is_single_mark(c: char) -> bool {
    matches!(c, '‘' | '’' | '‚' | '‹' | '›' | '‛')
}

fn is_quote_mark(c: char) -> bool {
    is_double_mark(c) || is_single_mark(c)
}

/// Whether a PolNeAR content is a direct quote (rule in the module doc).
fn looks_direct(chars: &[char], spans: &[CharSpan]) -> bool {
    // A span boundary that splits a doubled apostrophe (`''`) holds the
    // whole mark: PolNeAR's offsets often cut it in half (`'Billionaires
    // owe …,''`).
    let apostrophe = |i: usize| chars.get(i) == Some(&'\'');
    let widened: Vec<CharSpan> = spans
        .iter()
        .map(|&(s, e)| {
            let s = if s > 0 && apostrophe(s) && apostrophe(s - 1) && !apostrophe(s + 1) {
                s - 1
            } else {
                s
            };
            let e = if e > 0 && apostrophe(e - 1) && apostrophe(e) && !apostrophe(e - 2) {
                e + 1
            } else {
                e
            };
            (s, e)
        })
        .collect();
    let joined: Vec<char> = join_spans(chars, &widened).replace("''", "\"").chars().collect();
    let mut seg = joined.as_slice();
    while let Some((first, rest)) = seg.split_first() {
        if first.is_whitespace() {
            seg = rest;
        } else {
            break;
        }
    }
    while let Some((last, rest)) = seg.split_last() {
        if last.is_whitespace() || matches!(last, ',' | '.' | ';' | ':' | '!' | '?' | '…') {
            seg = rest;
        } else {
            break;
        }
    }
    let (Some(&first), Some(&last)) = (seg.first(), seg.last()) else {
        return false;
    };
    if seg.len() < 2 || !is_quote_mark(first) || !is_quote_mark(last) {
        return false;
    }
    let double = is_double_mark(first);
    let mut inside = false;
    let mut unquoted = 0usize;
    for (i, &c) in seg.iter().enumerate() {
        let mark =
            if double { is_double_mark(c) } else { is_single_mark(c) && !is_apostrophe(seg, i) };
        if mark {
            inside = !inside;
        } else if !inside && c.is_alphanumeric() {
            unquoted += 1;
        }
    }
    unquoted <= MAX_UNQUOTED_CHARS
}

/// A single mark between two letters or digits ("don’t").
fn is_apostrophe(seg: &[char], i: usize) -> bool {
    i > 0 && seg.get(i + 1).is_some_and(|c| c.is_alphanumeric()) && seg[i - 1].is_alphanumeric()
}

/// Whether a PolNeAR cue is a verb of speaking or writing (rule in the module
/// doc).
pub fn is_speech_cue(cue: &str) -> bool {
    let cue = cue.trim();
    if cue.is_empty() {
        return false;
    }
    if !cue.chars().any(char::is_alphanumeric) {
        return true;
    }
    let lower = cue.to_lowercase();
    if lower.contains("according to") {
        return true;
    }
    for word in lower.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        for lemma in lemma_candidates(word) {
            if SPEECH_LEMMAS.contains(&lemma.as_str()) {
                return true;
            }
            if NON_SPEECH_LEMMAS.contains(&lemma.as_str()) {
                return false;
            }
        }
    }
    false
}

/// Possible lemmas of a lower-case English word form, most likely first.
fn lemma_candidates(w: &str) -> Vec<String> {
    const IRREGULAR: &[(&str, &str)] = &[
        ("said", "say"),
        ("told", "tell"),
        ("wrote", "write"),
        ("written", "write"),
        ("spoke", "speak"),
        ("spoken", "speak"),
        ("thought", "think"),
        ("felt", "feel"),
        ("knew", "know"),
        ("known", "know"),
        ("saw", "see"),
        ("seen", "see"),
        ("found", "find"),
        ("shown", "show"),
        ("heard", "hear"),
        ("understood", "understand"),
        ("sought", "seek"),
        ("sang", "sing"),
        ("sung", "sing"),
    ];
    if let Some((_, l)) = IRREGULAR.iter().find(|(f, _)| *f == w) {
        return vec![(*l).to_string()];
    }
    let mut out = vec![w.to_string()];
    let n = w.len();
    let undouble = |stem: &str| -> Option<String> {
        let b = stem.as_bytes();
        (b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2])
            .then(|| stem[..stem.len() - 1].to_string())
    };
    if let Some(stem) = w.strip_suffix("ies").or_else(|| w.strip_suffix("ied")) {
        out.push(format!("{stem}y"));
    }
    if let Some(stem) = w.strip_suffix("ing").filter(|_| n > 4) {
        out.push(stem.to_string());
        out.push(format!("{stem}e"));
        out.extend(undouble(stem));
    }
    if let Some(stem) = w.strip_suffix("ed").filter(|_| n > 3) {
        out.push(stem.to_string());
        out.push(format!("{stem}e"));
        out.extend(undouble(stem));
    }
    if let Some(stem) = w.strip_suffix("es").filter(|_| n > 3) {
        out.push(stem.to_string());
    }
    if let Some(stem) = w.strip_suffix('s').filter(|_| n > 2 && !w.ends_with("ss")) {
        out.push(stem.to_string());
    }
    out
}

// ---------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------

/// Sorted, merged, non-empty intervals: a set of code points.
type CharSet = Vec<CharSpan>;

/// The trimmed code point set of `spans` (rule 1 of the module doc).
fn trimmed_set(chars: &[char], spans: &[CharSpan]) -> CharSet {
    let mut set: Vec<CharSpan> = Vec::with_capacity(spans.len());
    for &(s, e) in spans {
        let mut e = e.min(chars.len());
        let mut s = s.min(e);
        while s < e && (chars[s].is_whitespace() || is_quote_mark(chars[s])) {
            s += 1;
        }
        while s < e {
            let c = chars[e - 1];
            if c.is_whitespace() || is_quote_mark(c) || matches!(c, ',' | '.' | ':' | ';') {
                e -= 1;
            } else {
                break;
            }
        }
        if s < e {
            set.push((s, e));
        }
    }
    set.sort_unstable();
    let mut merged: CharSet = Vec::with_capacity(set.len());
    for (s, e) in set {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

fn set_len(a: &CharSet) -> usize {
    a.iter().map(|&(s, e)| e - s).sum()
}

fn intersection(a: &CharSet, b: &CharSet) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let lo = a[i].0.max(b[j].0);
        let hi = a[i].1.min(b[j].1);
        if lo < hi {
            n += hi - lo;
        }
        if a[i].1 <= b[j].1 {
            i += 1;
        } else {
            j += 1;
        }
    }
    n
}

/// One matched pair: indices into the row's gold and prediction lists and
/// the overlap's numerator and denominator.
#[derive(Debug, Clone, Copy)]
struct Pair {
    gold: usize,
    pred: usize,
    inter: usize,
    max: usize,
}

impl Pair {
    fn overlap(&self) -> f64 {
        if self.max == 0 { 0.0 } else { self.inter as f64 / self.max as f64 }
    }
}

/// Greedy one-to-one matching (rule 3 of the module doc).
fn greedy_match(gold: &[&CharSet], pred: &[&CharSet]) -> Vec<Pair> {
    let mut edges = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let gl = set_len(g);
        for (pi, p) in pred.iter().enumerate() {
            let inter = intersection(g, p);
            if inter > 0 {
                edges.push(Pair { gold: gi, pred: pi, inter, max: gl.max(set_len(p)) });
            }
        }
    }
    // Higher inter/max first, compared exactly by cross-multiplication.
    edges.sort_by(|a, b| {
        let lhs = b.inter as u128 * a.max as u128;
        let rhs = a.inter as u128 * b.max as u128;
        lhs.cmp(&rhs).then(a.gold.cmp(&b.gold)).then(a.pred.cmp(&b.pred))
    });
    let mut gold_used = vec![false; gold.len()];
    let mut pred_used = vec![false; pred.len()];
    let mut out = Vec::new();
    for e in edges {
        if !gold_used[e.gold] && !pred_used[e.pred] {
            gold_used[e.gold] = true;
            pred_used[e.pred] = true;
            out.push(e);
        }
    }
    out
}

/// Precision, recall and F1 at one overlap threshold.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    /// Minimum overlap (1.0 = exact).
    pub threshold: f64,
    /// Matched pairs at or above the threshold.
    pub tp: usize,
    /// TP / predictions (0 without predictions).
    pub precision: f64,
    /// TP / gold (0 without gold).
    pub recall: f64,
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub f1: f64,
}

/// One row of the report: a gold subset against a prediction subset.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteRow {
    /// `all`, `direct`, `indirect` or `speech`.
    pub name: String,
    /// Gold quotes in the row.
    pub gold: usize,
    /// Predictions in the row (the precision denominator).
    pub pred: usize,
    /// Predictions left out of the row (the `speech` row: matched to a
    /// non-speech gold quote).
    pub pred_excluded: usize,
    /// Scores at ≥ 0.3, ≥ 0.8 and exact ([`LEVELS`]).
    pub levels: Vec<Prf>,
    /// Overlaps of all matched pairs, for [`QuoteRow::prf_at`].
    #[serde(skip)]
    overlaps: Vec<f64>,
}

impl QuoteRow {
    fn new(name: &str, gold: usize, pred: usize, pred_excluded: usize, overlaps: Vec<f64>) -> Self {
        let mut row = QuoteRow {
            name: name.to_string(),
            gold,
            pred,
            pred_excluded,
            levels: Vec::new(),
            overlaps,
        };
        row.levels = LEVELS.iter().map(|&t| row.prf_at(t)).collect();
        row
    }

    /// Scores at overlap ≥ `threshold` (1.0 or more: exact matches only).
    pub fn prf_at(&self, threshold: f64) -> Prf {
        let t = threshold.min(1.0);
        let tp = self.overlaps.iter().filter(|&&o| o >= t).count();
        let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
        let precision = ratio(tp, self.pred);
        let recall = ratio(tp, self.gold);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf { threshold, tp, precision, recall, f1 }
    }

    /// F1 at overlap ≥ `threshold`.
    pub fn f1_at(&self, threshold: f64) -> f64 {
        self.prf_at(threshold).f1
    }

    /// Precision at overlap ≥ `threshold`.
    pub fn precision_at(&self, threshold: f64) -> f64 {
        self.prf_at(threshold).precision
    }

    /// Recall at overlap ≥ `threshold`.
    pub fn recall_at(&self, threshold: f64) -> f64 {
        self.prf_at(threshold).recall
    }
}

/// Speaker attribution on matched quotes.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SpeakerReport {
    /// Gold quotes (with content) that have no speaker.
    pub gold_without_speaker: usize,
    /// Pairs of the `all` row matched at overlap ≥ [`SPEAKER_MIN_OVERLAP`].
    pub matched: usize,
    /// Matched pairs whose gold quote has no speaker (not scored).
    pub matched_without_gold_speaker: usize,
    /// Matched pairs scored (gold quote with a speaker).
    pub scored: usize,
    /// Scored pairs whose prediction has no speaker at all.
    pub predicted_none: usize,
    /// Scored pairs with overlapping speaker spans.
    pub strict_correct: usize,
    /// Scored pairs correct by span or by a shared name word.
    pub lenient_correct: usize,
    /// `strict_correct / scored` (0 when nothing is scored).
    pub strict_accuracy: f64,
    /// `lenient_correct / scored` (0 when nothing is scored).
    pub lenient_accuracy: f64,
}

/// The result of [`evaluate`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteReport {
    /// Documents evaluated.
    pub docs: usize,
    /// Gold quotes scored (with content).
    pub gold_quotes: usize,
    /// Gold quotes skipped because their trimmed content is empty.
    pub gold_skipped_empty: usize,
    /// Gold quotes of kind Direct (scored ones).
    pub gold_direct: usize,
    /// Gold quotes that are speech (scored ones).
    pub gold_speech: usize,
    /// Predicted quotes.
    pub pred_quotes: usize,
    /// Rows `all`, `direct`, `indirect`, and `speech` when some gold quote is
    /// not speech.
    pub rows: Vec<QuoteRow>,
    /// Speaker accuracy.
    pub speaker: SpeakerReport,
}

impl QuoteReport {
    /// The row called `name` (`all`, `direct`, `indirect`, `speech`).
    pub fn row(&self, name: &str) -> Option<&QuoteRow> {
        self.rows.iter().find(|r| r.name == name)
    }

    /// A compact text table.
    pub fn render(&self) -> String {
        let mut s = format!(
            "{} docs, {} gold quotes ({} direct, {} speech; {} without content skipped), {} predicted\n",
            self.docs,
            self.gold_quotes,
            self.gold_direct,
            self.gold_speech,
            self.gold_skipped_empty,
            self.pred_quotes
        );
        s.push_str(&format!(
            "{:<9}{:>6}{:>6}  {:^20}  {:^20}  {:^20}\n",
            "row", "gold", "pred", "overlap >= 0.3", "overlap >= 0.8", "exact"
        ));
        s.push_str(&format!(
            "{:<9}{:>6}{:>6}  {}  {}  {}\n",
            "", "", "", "    P      R     F1", "    P      R     F1", "    P      R     F1"
        ));
        for r in &self.rows {
            s.push_str(&format!("{:<9}{:>6}{:>6}", r.name, r.gold, r.pred));
            for l in &r.levels {
                s.push_str(&format!("  {:>6.3} {:>6.3} {:>6.3}", l.precision, l.recall, l.f1));
            }
            s.push('\n');
        }
        let sp = &self.speaker;
        s.push_str(&format!(
            "speaker: {} of {} matched pairs scored (gold without speaker: {} of all gold, {} matched); strict {:.3}, lenient {:.3}; no speaker predicted {}\n",
            sp.scored,
            sp.matched,
            sp.gold_without_speaker,
            sp.matched_without_gold_speaker,
            sp.strict_accuracy,
            sp.lenient_accuracy,
            sp.predicted_none
        ));
        s
    }
}

impl fmt::Display for QuoteReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

/// Per-document counts, merged into the report.
#[derive(Debug, Default)]
struct DocOutcome {
    gold: [usize; 4],
    pred: [usize; 4],
    excluded_speech: usize,
    overlaps: [Vec<f64>; 4],
    gold_skipped_empty: usize,
    gold_direct: usize,
    any_non_speech: bool,
    pred_quotes: usize,
    speaker: SpeakerReport,
}

const ROW_NAMES: [&str; 4] = ["all", "direct", "indirect", "speech"];

/// Runs `predict` on every document and scores the predictions (rules in the
/// module doc).
pub fn evaluate(
    docs: &[GoldDoc],
    predict: impl Fn(&GoldDoc) -> Vec<PredQuote> + Sync,
) -> QuoteReport {
    let outcomes: Vec<DocOutcome> =
        docs.par_iter().map(|doc| score_doc(doc, &predict(doc))).collect();
    let mut total = DocOutcome::default();
    for o in outcomes {
        for i in 0..4 {
            total.gold[i] += o.gold[i];
            total.pred[i] += o.pred[i];
            total.overlaps[i].extend_from_slice(&o.overlaps[i]);
        }
        total.excluded_speech += o.excluded_speech;
        total.gold_skipped_empty += o.gold_skipped_empty;
        total.gold_direct += o.gold_direct;
        total.any_non_speech |= o.any_non_speech;
        total.pred_quotes += o.pred_quotes;
        let (t, s) = (&mut total.speaker, &o.speaker);
        t.gold_without_speaker += s.gold_without_speaker;
        t.matched += s.matched;
        t.matched_without_gold_speaker += s.matched_without_gold_speaker;
        t.scored += s.scored;
        t.predicted_none += s.predicted_none;
        t.strict_correct += s.strict_correct;
        t.lenient_correct += s.lenient_correct;
    }
    let rows_n = if total.any_non_speech { 4 } else { 3 };
    let rows = (0..rows_n)
        .map(|i| {
            let excluded = if i == 3 { total.excluded_speech } else { 0 };
            QuoteRow::new(
                ROW_NAMES[i],
                total.gold[i],
                total.pred[i],
                excluded,
                std::mem::take(&mut total.overlaps[i]),
            )
        })
        .collect();
    let mut speaker = total.speaker;
    if speaker.scored > 0 {
        speaker.strict_accuracy = speaker.strict_correct as f64 / speaker.scored as f64;
        speaker.lenient_accuracy = speaker.lenient_correct as f64 / speaker.scored as f64;
    }
    QuoteReport {
        docs: docs.len(),
        gold_quotes: total.gold[0],
        gold_skipped_empty: total.gold_skipped_empty,
        gold_direct: total.gold_direct,
        gold_speech: total.gold[3],
        pred_quotes: total.pred_quotes,
        rows,
        speaker,
    }
}

fn score_doc(doc: &GoldDoc, preds: &[PredQuote]) -> DocOutcome {
    let chars: Vec<char> = doc.text.chars().collect();
    let mut out = DocOutcome { pred_quotes: preds.len(), ..DocOutcome::default() };
    let mut gold: Vec<(&GoldQuote, CharSet)> = Vec::with_capacity(doc.quotes.len());
    for q in &doc.quotes {
        let set = trimmed_set(&chars, &q.content);
        if set.is_empty() {
            out.gold_skipped_empty += 1;
        } else {
            gold.push((q, set));
        }
    }
    let pred: Vec<(&PredQuote, CharSet)> =
        preds.iter().map(|p| (p, trimmed_set(&chars, &p.content))).collect();

    // all / direct / indirect rows.
    let gold_in = |i: usize, q: &GoldQuote| match i {
        1 => q.kind == GoldKind::Direct,
        2 => q.kind == GoldKind::Indirect,
        _ => true,
    };
    let pred_in = |i: usize, p: &PredQuote| match i {
        1 => p.kind == PredKind::Direct,
        2 => p.kind != PredKind::Direct,
        _ => true,
    };
    let mut all_pairs = Vec::new();
    for i in 0..3 {
        let gi: Vec<usize> = (0..gold.len()).filter(|&g| gold_in(i, gold[g].0)).collect();
        let pi: Vec<usize> = (0..pred.len()).filter(|&p| pred_in(i, pred[p].0)).collect();
        let gs: Vec<&CharSet> = gi.iter().map(|&g| &gold[g].1).collect();
        let ps: Vec<&CharSet> = pi.iter().map(|&p| &pred[p].1).collect();
        let pairs = greedy_match(&gs, &ps);
        out.gold[i] = gi.len();
        out.pred[i] = pi.len();
        out.overlaps[i] = pairs.iter().map(Pair::overlap).collect();
        if i == 0 {
            all_pairs = pairs;
        }
    }
    out.gold_direct = out.gold[1];

    // speech row from the all row's matching.
    out.gold[3] = gold.iter().filter(|(q, _)| q.speech).count();
    out.any_non_speech = out.gold[3] < gold.len();
    for p in &all_pairs {
        if gold[p.gold].0.speech {
            out.overlaps[3].push(p.overlap());
        } else if p.overlap() >= SPEAKER_MIN_OVERLAP {
            out.excluded_speech += 1;
        }
    }
    out.pred[3] = pred.len() - out.excluded_speech;

    // speakers.
    let sp = &mut out.speaker;
    sp.gold_without_speaker = gold.iter().filter(|(q, _)| q.speaker.is_empty()).count();
    for p in all_pairs.iter().filter(|p| p.overlap() >= SPEAKER_MIN_OVERLAP) {
        sp.matched += 1;
        let g = gold[p.gold].0;
        let q = pred[p.pred].0;
        if g.speaker.is_empty() {
            sp.matched_without_gold_speaker += 1;
            continue;
        }
        sp.scored += 1;
        if q.speaker.is_none() && q.speaker_text.is_none() && q.speaker_name.is_none() {
            sp.predicted_none += 1;
            continue;
        }
        let strict =
            q.speaker.is_some_and(|(s, e)| g.speaker.iter().any(|&(gs, ge)| s.max(gs) < e.min(ge)));
        let lenient = strict || {
            let mut words = Vec::new();
            for t in [&q.speaker_name, &q.speaker_text].into_iter().flatten() {
                words.extend(name_words(t));
            }
            if let Some(span) = q.speaker {
                words.extend(name_words(&join_spans(&chars, &[span])));
            }
            let gold_words = name_words(&g.speaker_text);
            words.iter().any(|w| gold_words.contains(w))
        };
        sp.strict_correct += usize::from(strict);
        sp.lenient_correct += usize::from(lenient);
    }
    out
}

/// Capitalised words of ≥ 3 letters, lower-cased and folded, minus
/// [`NAME_STOPWORDS`].
fn name_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .map(parallax_text::fold_diacritics)
        .filter(|w| !NAME_STOPWORDS.contains(&w.as_str()))
        .collect()
}

// ---------------------------------------------------------------------------
// Baseline
// ---------------------------------------------------------------------------

/// Minimum words inside quotation marks for [`quote_mark_baseline`].
pub const BASELINE_MIN_WORDS: usize = 4;

/// A trivial predictor: every span between matching double quotation marks
/// (`“…”`, `„…“`, `„…”`, `"…"`, `«…»`, `»…«`) within one line with at least
/// [`BASELINE_MIN_WORDS`] words is a Direct quote without a speaker.
pub fn quote_mark_baseline(doc: &GoldDoc) -> Vec<PredQuote> {
    let chars: Vec<char> = doc.text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let closers: &[char] = match chars[i] {
            '“' => &['”'],
            '„' => &['“', '”'],
            '"' => &['"'],
            '«' => &['»'],
            '»' => &['«'],
            _ => &[],
        };
        if closers.is_empty() {
            i += 1;
            continue;
        }
        let close = chars[i + 1..]
            .iter()
            .position(|c| closers.contains(c) || *c == '\n')
            .map(|k| i + 1 + k)
            .filter(|&j| chars[j] != '\n');
        match close {
            Some(j) => {
                let inner: String = chars[i + 1..j].iter().collect();
                if inner.split_whitespace().count() >= BASELINE_MIN_WORDS {
                    out.push(PredQuote {
                        content: vec![(i + 1, j)],
                        kind: PredKind::Direct,
                        ..PredQuote::default()
                    });
                }
                i = j + 1;
            }
            None => i += 1,
        }
    }
    out
}

// ---------------------------------------------------------------------------
// parallax's own predictions
// ---------------------------------------------------------------------------

/// parallax's quotes for one gold document: the text analysed with the
/// document's language as the declared one, then [`parallax_enrich`].
pub fn predict(
    analyzer: &parallax_text::Analyzer,
    enricher: &parallax_enrich::Enricher,
    doc: &GoldDoc,
) -> Vec<PredQuote> {
    use parallax_enrich::quotes::QuoteKind;
    let text = doc.text.as_str();
    let analysis = analyzer.analyze(text, Some(&doc.lang));
    let found = enricher.enrich(text, &analysis, None);
    let ix = parallax_enrich::CharIndex::new(text);
    let span =
        |s: parallax_enrich::Span| (ix.char_of(s.start as usize), ix.char_of(s.end as usize));
    found
        .quotes
        .iter()
        .map(|q| {
            let sp = q.speaker.as_ref();
            PredQuote {
                content: q.parts.iter().map(|&s| span(s)).collect(),
                kind: match q.kind {
                    QuoteKind::Direct => PredKind::Direct,
                    QuoteKind::Indirect => PredKind::Indirect,
                    QuoteKind::Mixed => PredKind::Mixed,
                },
                speaker: sp.and_then(|s| s.span).map(span),
                speaker_text: sp.map(|s| s.text.clone()),
                speaker_name: sp
                    .and_then(|s| s.entity)
                    .and_then(|e| found.entities.get(e))
                    .map(|e| e.name.clone()),
            }
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn cp(text: &str, needle: &str) -> CharSpan {
        let b = text.find(needle).unwrap();
        byte_to_char_span(text, (b, b + needle.len()))
    }

    fn gq(text: &str, content: &[&str], kind: GoldKind, speaker: Option<&str>) -> GoldQuote {
        GoldQuote {
            content: content.iter().map(|c| cp(text, c)).collect(),
            speaker: speaker.map(|s| vec![cp(text, s)]).unwrap_or_default(),
            speaker_text: speaker.unwrap_or("").to_string(),
            cue: Vec::new(),
            cue_text: String::new(),
            kind,
            speech: true,
            label: None,
        }
    }

    fn pq(text: &str, content: &str, kind: PredKind) -> PredQuote {
        PredQuote { content: vec![cp(text, content)], kind, ..PredQuote::default() }
    }

    fn doc(text: &str, quotes: Vec<GoldQuote>) -> GoldDoc {
        GoldDoc { id: "t".into(), text: text.into(), lang: "en".into(), quotes }
    }

    const EPS: f64 = 1e-12;

    #[test]
    fn exact_partial_and_unmatched() {
        // Gold: one direct (exact hit), one indirect (partial hit), one missed.
        let t = "Anna Berg said: “We will win the vote.” Carl Dunn said that taxes \
                 would rise next year. Eva Fox said the budget was fine.";
        let d = doc(
            t,
            vec![
                gq(t, &["“We will win the vote.”"], GoldKind::Direct, Some("Anna Berg")),
                gq(t, &["that taxes would rise next year"], GoldKind::Indirect, Some("Carl Dunn")),
                gq(t, &["the budget was fine"], GoldKind::Indirect, Some("Eva Fox")),
            ],
        );
        let r = evaluate(&[d], |d| {
            vec![
                // Trimmed: "We will win the vote" both sides → exact.
                pq(&d.text, "We will win the vote.", PredKind::Direct),
                // "taxes would rise" (16 chars) vs "that taxes would rise next year"
                // (31 chars): overlap 16/31 ≈ 0.516.
                pq(&d.text, "taxes would rise", PredKind::Indirect),
                // Spurious.
                pq(&d.text, "Carl Dunn", PredKind::Indirect),
            ]
        });
        let all = r.row("all").unwrap();
        assert_eq!((all.gold, all.pred), (3, 3));
        assert!((all.precision_at(0.3) - 2.0 / 3.0).abs() < EPS);
        assert!((all.recall_at(0.3) - 2.0 / 3.0).abs() < EPS);
        assert!((all.f1_at(0.3) - 2.0 / 3.0).abs() < EPS);
        assert!((all.f1_at(0.8) - 1.0 / 3.0).abs() < EPS);
        assert!((all.f1_at(1.0) - 1.0 / 3.0).abs() < EPS);
        assert_eq!(all.levels.len(), 3);
        assert_eq!(all.levels[0].tp, 2);
        assert_eq!(all.levels[2].tp, 1);
        assert!((all.f1_at(0.5) - 2.0 / 3.0).abs() < EPS);
        assert!((all.f1_at(0.52) - 1.0 / 3.0).abs() < EPS);
        let direct = r.row("direct").unwrap();
        assert_eq!((direct.gold, direct.pred), (1, 1));
        assert!((direct.f1_at(1.0) - 1.0).abs() < EPS);
        let indirect = r.row("indirect").unwrap();
        assert_eq!((indirect.gold, indirect.pred), (2, 2));
        assert!((indirect.precision_at(0.3) - 0.5).abs() < EPS);
        assert!((indirect.recall_at(0.3) - 0.5).abs() < EPS);
        assert_eq!(indirect.recall_at(0.8), 0.0);
        // No non-speech gold: no speech row.
        assert!(r.row("speech").is_none());
        assert_eq!(r.speaker.gold_without_speaker, 0);
        assert_eq!(r.speaker.scored, 2);
        assert_eq!(r.speaker.predicted_none, 2);
        assert_eq!(r.speaker.strict_correct, 0);
        assert!(r.render().contains("indirect"));
    }

    #[test]
    fn kinds_route_to_rows_and_mixed_counts_in_both() {
        let t = "He said the plan, which he called “a total disaster for all of us”, was dead.";
        let d = doc(
            t,
            vec![gq(
                t,
                &["the plan, which he called “a total disaster for all of us”, was dead"],
                GoldKind::Indirect,
                None,
            )],
        );
        // A Direct prediction of the quoted part overlaps < 0.8 and lands in the
        // direct row only, where there is no gold.
        let r = evaluate(std::slice::from_ref(&d), |d| {
            vec![pq(&d.text, "a total disaster for all of us", PredKind::Direct)]
        });
        assert_eq!(r.row("direct").unwrap().gold, 0);
        assert_eq!(r.row("direct").unwrap().precision_at(0.3), 0.0);
        assert_eq!(r.row("indirect").unwrap().pred, 0);
        assert!((r.row("all").unwrap().f1_at(0.3) - 1.0).abs() < EPS);
        // A Mixed prediction counts as indirect.
        let r = evaluate(std::slice::from_ref(&d), |d| {
            vec![pq(
                &d.text,
                "the plan, which he called “a total disaster for all of us”, was dead.",
                PredKind::Mixed,
            )]
        });
        assert_eq!(r.row("direct").unwrap().pred, 0);
        assert!((r.row("indirect").unwrap().f1_at(1.0) - 1.0).abs() < EPS);
        assert_eq!(r.speaker.gold_without_speaker, 1);
        assert_eq!(r.speaker.matched_without_gold_speaker, 1);
        assert_eq!(r.speaker.scored, 0);
    }

    #[test]
    fn trimming_and_overlap_definition() {
        let chars: Vec<char> = " „Ja, gut.“ ; ".chars().collect();
        assert_eq!(trimmed_set(&chars, &[(0, chars.len())]), vec![(2, 9)]);
        let chars: Vec<char> = "“wraps.”".chars().collect();
        assert_eq!(trimmed_set(&chars, &[(0, 8)]), vec![(1, 6)]);
        // Empty after trimming.
        assert!(trimmed_set(&chars, &[(0, 1)]).is_empty());
        // Overlap = |∩| / max: "abcdefghij" vs "abc": 3/10 ≥ 0.3.
        let t = "abcdefghij klm";
        let d = doc(t, vec![gq(t, &["abcdefghij"], GoldKind::Indirect, None)]);
        let r =
            evaluate(std::slice::from_ref(&d), |d| vec![pq(&d.text, "abc", PredKind::Indirect)]);
        assert_eq!(r.row("all").unwrap().levels[0].tp, 1);
        let r = evaluate(std::slice::from_ref(&d), |d| vec![pq(&d.text, "ab", PredKind::Indirect)]);
        assert_eq!(r.row("all").unwrap().levels[0].tp, 0);
        // Spans beyond the text are clamped, reversed spans are empty.
        let r = evaluate(std::slice::from_ref(&d), |_| {
            vec![
                PredQuote { content: vec![(11, 99)], ..PredQuote::default() },
                PredQuote { content: vec![(5, 2)], ..PredQuote::default() },
            ]
        });
        assert_eq!(r.pred_quotes, 2);
        assert_eq!(r.row("all").unwrap().levels[0].tp, 0);
    }

    #[test]
    fn multi_part_spans_and_greedy_one_to_one() {
        // Gold quote split around its attribution.
        let t = "“The first half,” she said, “and the second half.” Then more.";
        let d = doc(
            t,
            vec![gq(
                t,
                &["“The first half,”", "“and the second half.”"],
                GoldKind::Direct,
                Some("she"),
            )],
        );
        // Two predictions on the two halves: only one can match (one-to-one);
        // the larger half wins: "and the second half" (19) / 33 ≈ 0.576.
        let r = evaluate(std::slice::from_ref(&d), |d| {
            vec![
                pq(&d.text, "The first half", PredKind::Direct),
                pq(&d.text, "and the second half", PredKind::Direct),
            ]
        });
        let all = r.row("all").unwrap();
        assert_eq!(all.levels[0].tp, 1);
        assert!((all.precision_at(0.3) - 0.5).abs() < EPS);
        assert!((all.recall_at(0.3) - 1.0).abs() < EPS);
        assert_eq!(all.levels[1].tp, 0);
        // A two-span prediction equal after trimming is exact.
        let r = evaluate(std::slice::from_ref(&d), |d| {
            vec![PredQuote {
                content: vec![cp(&d.text, "The first half"), cp(&d.text, "and the second half.")],
                kind: PredKind::Direct,
                speaker: Some(cp(&d.text, "she")),
                ..PredQuote::default()
            }]
        });
        assert!((r.row("direct").unwrap().f1_at(1.0) - 1.0).abs() < EPS);
        assert_eq!(r.speaker.strict_correct, 1);
    }

    #[test]
    fn speaker_strict_and_lenient() {
        let t = "Angela Merkel sagte, sie sei zufrieden. Später sagte Merkel: „Wir schaffen das schon bald.“ \
                 Der Präsident Özdemir erklärte, alles sei gut.";
        let d = doc(
            t,
            vec![
                gq(t, &["sie sei zufrieden"], GoldKind::Indirect, Some("Angela Merkel")),
                gq(t, &["„Wir schaffen das schon bald.“"], GoldKind::Direct, Some("Merkel:")),
                gq(t, &["alles sei gut"], GoldKind::Indirect, Some("Der Präsident Özdemir")),
            ],
        );
        let r = evaluate(std::slice::from_ref(&d), |d| {
            let t = &d.text;
            vec![
                // Strict: span overlaps.
                PredQuote {
                    speaker: Some(cp(t, "Merkel sagte")),
                    ..pq(t, "sie sei zufrieden", PredKind::Indirect)
                },
                // Lenient only: the name shares "Merkel" with the gold text.
                PredQuote {
                    speaker: Some(cp(t, "Angela")),
                    speaker_name: Some("Angela Merkel".into()),
                    ..pq(t, "Wir schaffen das schon bald", PredKind::Direct)
                },
                // Lenient via folded diacritics; "Präsident" alone would not count.
                PredQuote {
                    speaker_text: Some("Präsident OZDEMIR".into()),
                    speaker_name: Some("Cem Ozdemir".into()),
                    ..pq(t, "alles sei gut", PredKind::Indirect)
                },
            ]
        });
        assert_eq!(r.speaker.scored, 3);
        assert_eq!(r.speaker.strict_correct, 1);
        assert_eq!(r.speaker.lenient_correct, 3);
        assert!((r.speaker.strict_accuracy - 1.0 / 3.0).abs() < EPS);
        assert!((r.speaker.lenient_accuracy - 1.0).abs() < EPS);
        // Titles and articles alone do not match.
        assert!(name_words("Der Präsident").is_empty());
        assert_eq!(name_words("the Prime Minister, Keir Starmer"), vec!["keir", "starmer"]);
    }

    #[test]
    fn speech_row_excludes_predictions_on_non_speech_gold() {
        let t = "Polls show the race is tight. Smith said the race is over.";
        let mut thought = gq(t, &["the race is tight"], GoldKind::Indirect, None);
        thought.speech = false;
        let d =
            doc(t, vec![thought, gq(t, &["the race is over"], GoldKind::Indirect, Some("Smith"))]);
        let r = evaluate(std::slice::from_ref(&d), |d| {
            vec![
                pq(&d.text, "the race is tight", PredKind::Indirect),
                pq(&d.text, "the race is over", PredKind::Indirect),
                pq(&d.text, "Polls", PredKind::Indirect),
            ]
        });
        let sp = r.row("speech").unwrap();
        assert_eq!((sp.gold, sp.pred, sp.pred_excluded), (1, 2, 1));
        assert!((sp.precision_at(0.3) - 0.5).abs() < EPS);
        assert!((sp.recall_at(0.3) - 1.0).abs() < EPS);
        assert_eq!(r.gold_speech, 1);
    }

    #[test]
    fn polnear_direct_detection() {
        let is_direct = |s: &str| {
            let chars: Vec<char> = s.chars().collect();
            looks_direct(&chars, &[(0, chars.len())])
        };
        assert!(is_direct("“We will win.”"));
        assert!(is_direct("  “We will win”. "));
        assert!(is_direct("\"We will win,\""));
        assert!(is_direct("„Wir gewinnen.“"));
        assert!(is_direct("« Nous gagnerons »"));
        assert!(is_direct("‘We’ll win’"));
        assert!(is_direct("“We will win.” “And then some.”"));
        assert!(is_direct("“We will” and “win”"));
        // The New York Times' doubled apostrophes, and an apostrophe inside.
        assert!(is_direct("''We don't believe it,''"));
        assert!(!is_direct("plans to ''build on the progress'' of the administration"));
        // A span that cuts a doubled apostrophe in half still holds it.
        let s = "He said: ''We don't believe it,'' and left.";
        let chars: Vec<char> = s.chars().collect();
        assert!(looks_direct(&chars, &[(10, 32)]), "{:?}", &s[10..32]);
        assert!(looks_direct(&chars, &[(9, 33)]));
        assert!(!looks_direct(&chars, &[(3, 33)]));
        assert!(!is_direct("that “we will win”"));
        assert!(!is_direct("“We” will win, he thinks, “soon”"));
        assert!(!is_direct("We will win"));
        assert!(!is_direct("“We will win"));
        assert!(!is_direct(""));
        // Multi-part: the parts are joined; quotes split per sentence count.
        let s = "“First part,” he said, “second part.” and then";
        let chars: Vec<char> = s.chars().collect();
        assert!(looks_direct(&chars, &[(0, 13), (23, 37)]));
        assert!(!looks_direct(&chars, &[(0, 13), (23, 46)]));
        let s = "“One sentence. Two sentences,” he said, but “three.”";
        let chars: Vec<char> = s.chars().collect();
        assert!(looks_direct(&chars, &[(0, 14), (15, 30), (40, 52)]));
        // Through the loader.
        let line = serde_json::json!({
            "doc": "d1", "annotator": "a1",
            "text": "Smith said: “No way.” Jones thinks it is fine.",
            "attributions": [
                {"id": "E1", "source": {"spans": [[0, 5]], "text": "Smith"},
                 "cue": {"spans": [[6, 11]], "text": "said:"},
                 "content": {"spans": [[12, 21]], "text": "“No way.”"}},
                {"id": "E2", "source": {"spans": [[22, 27]], "text": "Jones"},
                 "cue": {"spans": [[28, 34]], "text": "thinks"},
                 "content": {"spans": [[35, 46]], "text": "it is fine."}},
                {"id": "E3", "source": null, "cue": null, "content": null}
            ]
        });
        let d = parse_line(&line).unwrap();
        assert_eq!(d.id, "d1#a1");
        assert_eq!(d.lang, "en");
        assert_eq!(d.quotes.len(), 3);
        assert_eq!(d.quotes[0].kind, GoldKind::Direct);
        assert!(d.quotes[0].speech);
        assert_eq!(d.quotes[1].kind, GoldKind::Indirect);
        assert!(!d.quotes[1].speech);
        assert!(d.quotes[2].content.is_empty());
        assert_eq!(d.span_text(&d.quotes[1].content), "it is fine.");
        let r = evaluate(&[d], |_| Vec::new());
        assert_eq!((r.gold_quotes, r.gold_skipped_empty), (2, 1));
        assert_eq!(r.speaker.gold_without_speaker, 0);
    }

    #[test]
    fn german_layout_and_span_checks() {
        let line = serde_json::json!({
            "documentName": "x",
            "text": "Er sagte, er sei müde.",
            "annotations": [
                {"type": "Reported", "quote": {"text": "er sei müde", "spans": [[10, 21]]},
                 "speaker": {"text": "Er", "spans": [[0, 2]]}, "cue": {"text": "sagte", "spans": [[3, 8]]},
                 "frame": null, "addressee": null},
                {"type": "Direct", "quote": {"text": "er", "spans": [[10, 12]]},
                 "speaker": null, "cue": null}
            ]
        });
        let d = parse_line(&line).unwrap();
        assert_eq!((d.id.as_str(), d.lang.as_str()), ("x", "de"));
        assert_eq!(d.quotes[0].kind, GoldKind::Indirect);
        assert_eq!(d.quotes[0].label.as_deref(), Some("Reported"));
        assert_eq!(d.quotes[1].kind, GoldKind::Direct);
        assert!(d.quotes.iter().all(|q| q.speech));
        assert!(d.quotes[1].speaker.is_empty());
        // Code point offsets: "müde" ends at 21 code points (22 bytes).
        assert_eq!(d.span_text(&d.quotes[0].content), "er sei müde");
        let bad = serde_json::json!({"text": "abc", "lang": "fr", "annotations": [
            {"type": "Direct", "quote": {"text": "x", "spans": [[1, 9]]}}]});
        assert!(parse_line(&bad).unwrap_err().contains("outside the text"));
        assert!(parse_line(&serde_json::json!({"text": "abc"})).is_err());
        let ok = serde_json::json!({"text": "abc", "lang": "fr", "annotations": []});
        assert_eq!(parse_line(&ok).unwrap().lang, "fr");
    }

    #[test]
    fn speech_cues() {
        for cue in [
            "said",
            "says",
            "told",
            "according to",
            ":",
            "―",
            "added:",
            "has said",
            "tweeted",
            "replied",
            "wrote",
            "urges",
            "continued to call for",
            "did not immediately respond",
            "said in a phone interview",
            "saying",
            "noted",
            "echoed",
            "asked",
            "claiming",
        ] {
            assert!(is_speech_cue(cue), "{cue}");
        }
        for cue in [
            "thinks",
            "believes",
            "found",
            "shows",
            "have shown",
            "wants",
            "plans",
            "is expected",
            "were frustrated",
            "in",
            "know",
            "felt",
            "",
            "learned",
            "seems",
        ] {
            assert!(!is_speech_cue(cue), "{cue}");
        }
    }

    #[test]
    fn loader_picks_split_files() {
        let dir = std::env::temp_dir().join(format!("parallax-quotes-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let line = r#"{"doc":"d","annotator":"a","text":"x","attributions":[]}"#;
        std::fs::write(dir.join("set_dev.jsonl"), format!("{line}\n\n{line}\n")).unwrap();
        std::fs::write(dir.join("set_train.jsonl"), format!("{line}\n")).unwrap();
        assert_eq!(load(&dir, Some("dev")).unwrap().len(), 2);
        assert_eq!(load(&dir, Some("train")).unwrap().len(), 1);
        assert_eq!(load(&dir, None).unwrap().len(), 3);
        assert_eq!(load(&dir.join("set_train.jsonl"), Some("dev")).unwrap().len(), 1);
        let err = load(&dir, Some("test")).unwrap_err().to_string();
        assert!(err.contains("_test.jsonl"), "{err}");
        std::fs::write(dir.join("bad_x.jsonl"), "{\"text\": 1}\n").unwrap();
        assert!(load(&dir, Some("x")).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(load(&dir, Some("dev")).is_err());
    }

    #[test]
    fn baseline_finds_quote_mark_spans() {
        let t = "He said “this is a long quote” and “short one”. Sie sagte: „Das ist ganz klar so.“\n\"Open only across\nlines\"";
        let d = doc(t, Vec::new());
        let p = quote_mark_baseline(&d);
        let texts: Vec<String> = p.iter().map(|q| d.span_text(&q.content)).collect();
        assert_eq!(texts, vec!["this is a long quote", "Das ist ganz klar so."]);
        assert!(p.iter().all(|q| q.kind == PredKind::Direct && q.speaker.is_none()));
    }

    #[test]
    fn byte_spans_convert_to_code_points() {
        let t = "Müller: „ja“";
        let b = t.find("„ja“").unwrap();
        assert_eq!(byte_to_char_span(t, (b, t.len())), (8, 12));
        assert_eq!(byte_to_char_span(t, (0, 999)), (0, 12));
    }
}
