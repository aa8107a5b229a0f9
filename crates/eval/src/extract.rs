//! Main-text extraction benchmark: reader and metric.
//!
//! The data is the Zyte (Scrapinghub) article-extraction benchmark: 181 gzipped
//! HTML pages in `html/<id>.html.gz` and `ground-truth.json` mapping each id to
//! `{"articleBody", "url"}`. The metric is the one its `evaluate.py` computes:
//!
//! 1. Texts are split into `\w+` tokens with Python's Unicode meaning of `\w`
//!    (letters of categories `L*`, numbers of categories `N*`, and `_`; combining
//!    marks are *not* word characters, so they split tokens as they do in Python).
//! 2. Each text becomes a multiset of word 4-grams; a text of 1 to 3 tokens gives one
//!    shorter shingle of all its tokens, an empty text none.
//! 3. Per page, tp/fp/fn are counted over the multisets and divided by tp+fp+fn.
//! 4. Page precision and recall are 1 when fp = fn = 0, precision is 0 when
//!    tp = fp = 0, recall is 0 when tp = fn = 0.
//! 5. Corpus P is the mean page precision over pages with tp+fp > 0, R the mean page
//!    recall over pages with tp+fn > 0, and F1 = 2PR/(P+R).
//! 6. Accuracy is the share of pages whose token list equals the truth's.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use unicode_general_category::{GeneralCategory as Gc, get_general_category};

use crate::EvalError;

/// One benchmark page: its HTML and the true article body.
#[derive(Debug, Clone)]
pub struct ExtractPage {
    /// The page id (a 64-hex hash).
    pub id: String,
    /// The URL the page was fetched from.
    pub url: String,
    /// The raw (decompressed) HTML bytes.
    pub html: Vec<u8>,
    /// The true article body.
    pub truth: String,
}

#[derive(Deserialize)]
struct TruthEntry {
    #[serde(rename = "articleBody")]
    article_body: Option<String>,
    url: Option<String>,
}

/// Reads the benchmark folder (`ground-truth.json` and `html/*.html.gz`), pages sorted by id.
pub fn load_benchmark(dir: &Path) -> Result<Vec<ExtractPage>, EvalError> {
    let truth_path = dir.join("ground-truth.json");
    let raw = std::fs::read(&truth_path)
        .map_err(|source| EvalError::Io { path: truth_path.clone(), source })?;
    let truth: BTreeMap<String, TruthEntry> = serde_json::from_slice(&raw)
        .map_err(|source| EvalError::Json { path: truth_path.clone(), source })?;
    let html_dir = dir.join("html");
    let mut pages = Vec::with_capacity(truth.len());
    for (id, entry) in truth {
        let path = html_dir.join(format!("{id}.html.gz"));
        let html = read_gz(&path)?;
        pages.push(ExtractPage {
            id,
            url: entry.url.unwrap_or_default(),
            html,
            truth: entry.article_body.unwrap_or_default(),
        });
    }
    if pages.is_empty() {
        return Err(EvalError::Invalid { path: truth_path, detail: "no pages".into() });
    }
    Ok(pages)
}

fn read_gz(path: &PathBuf) -> Result<Vec<u8>, EvalError> {
    let file =
        std::fs::File::open(path).map_err(|source| EvalError::Io { path: path.clone(), source })?;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut out)
        .map_err(|source| EvalError::Io { path: path.clone(), source })?;
    Ok(out)
}

/// Python's `\w` for `str` patterns: alphanumeric (categories `L*` and `N*`) or `_`.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    matches!(
        get_general_category(c),
        Gc::UppercaseLetter
            | Gc::LowercaseLetter
            | Gc::TitlecaseLetter
            | Gc::ModifierLetter
            | Gc::OtherLetter
            | Gc::DecimalNumber
            | Gc::LetterNumber
            | Gc::OtherNumber
    )
}

/// The `\w+` tokens of `text`, in order.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// The multiset of word 4-grams (one shorter shingle for 1 to 3 tokens).
fn shingles<'a>(toks: &'a [&'a str]) -> HashMap<&'a [&'a str], u32> {
    let mut m = HashMap::new();
    if toks.is_empty() {
        return m;
    }
    if toks.len() < 4 {
        m.insert(toks, 1);
        return m;
    }
    for w in toks.windows(4) {
        *m.entry(w).or_insert(0) += 1;
    }
    m
}

/// The score of one page.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PageScore {
    /// True positives divided by tp+fp+fn (0 when all three are 0).
    pub tp: f64,
    /// False positives divided by tp+fp+fn.
    pub fp: f64,
    /// False negatives divided by tp+fp+fn.
    pub fn_: f64,
    /// Page precision (see the module doc for the special cases).
    pub precision: f64,
    /// Page recall.
    pub recall: f64,
    /// True when the predicted token list equals the truth's.
    pub exact: bool,
}

impl PageScore {
    /// True when this page counts towards macro precision (tp+fp > 0).
    pub fn counts_for_precision(&self) -> bool {
        self.tp + self.fp > 0.0
    }
    /// True when this page counts towards macro recall (tp+fn > 0).
    pub fn counts_for_recall(&self) -> bool {
        self.tp + self.fn_ > 0.0
    }
}

/// Scores one prediction against the truth.
pub fn score_page(truth: &str, predicted: &str) -> PageScore {
    let t_toks = tokens(truth);
    let p_toks = tokens(predicted);
    let t = shingles(&t_toks);
    let p = shingles(&p_toks);
    let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
    for (k, &tc) in &t {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += u64::from(tc.min(pc));
        fn_ += u64::from(tc.saturating_sub(pc));
    }
    for (k, &pc) in &p {
        let tc = t.get(k).copied().unwrap_or(0);
        fp += u64::from(pc.saturating_sub(tc));
    }
    let total = (tp + fp + fn_) as f64;
    let (tp, fp, fn_) = if total > 0.0 {
        (tp as f64 / total, fp as f64 / total, fn_ as f64 / total)
    } else {
        (0.0, 0.0, 0.0)
    };
    let ratio = |num: f64, other: f64| {
        if fp == 0.0 && fn_ == 0.0 {
            1.0
        } else if num == 0.0 && other == 0.0 {
            0.0
        } else {
            num / (num + other)
        }
    };
    PageScore {
        tp,
        fp,
        fn_,
        precision: ratio(tp, fp),
        recall: ratio(tp, fn_),
        exact: t_toks == p_toks,
    }
}

/// Corpus scores from page scores: (macro P, macro R, F1, accuracy).
pub fn aggregate(scores: &[PageScore]) -> (f64, f64, f64, f64) {
    let mean = |it: Vec<f64>| {
        if it.is_empty() { 0.0 } else { it.iter().sum::<f64>() / it.len() as f64 }
    };
    let p = mean(scores.iter().filter(|s| s.counts_for_precision()).map(|s| s.precision).collect());
    let r = mean(scores.iter().filter(|s| s.counts_for_recall()).map(|s| s.recall).collect());
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    let acc = if scores.is_empty() {
        0.0
    } else {
        scores.iter().filter(|s| s.exact).count() as f64 / scores.len() as f64
    };
    (p, r, f1, acc)
}

/// The result of one page in a report.
#[derive(Debug, Clone, Serialize)]
pub struct PageResult {
    /// The page id.
    pub id: String,
    /// The page URL.
    pub url: String,
    /// Its score.
    pub score: PageScore,
    /// True when the extractor returned nothing (an error or no text).
    pub empty: bool,
}

/// Corpus-level extraction scores and throughput.
#[derive(Debug, Clone, Serialize)]
pub struct ExtractReport {
    /// Number of pages.
    pub pages: usize,
    /// Macro precision over pages with a non-empty prediction.
    pub precision: f64,
    /// Macro recall over pages.
    pub recall: f64,
    /// Harmonic mean of `precision` and `recall`.
    pub f1: f64,
    /// Share of pages whose tokens match the truth exactly.
    pub accuracy: f64,
    /// Pages where extraction failed or returned no text.
    pub empty: usize,
    /// Wall-clock seconds spent extracting (scoring excluded).
    pub seconds: f64,
    /// `pages / seconds`.
    pub pages_per_sec: f64,
    /// Threads in the rayon pool that ran the extraction.
    pub threads: usize,
    /// Per-page results, in page order.
    pub per_page: Vec<PageResult>,
}

/// Runs `parallax_html::parse` on every page (in parallel) and scores the result.
///
/// The prediction is the paragraphs joined with `"\n"`; a page whose parse fails
/// predicts the empty string. Only the extraction is timed.
pub fn evaluate_extraction(
    pages: &[ExtractPage],
    cfg: &parallax_html::HtmlConfig,
) -> ExtractReport {
    evaluate_with(pages, |page| {
        let url = (!page.url.is_empty()).then_some(page.url.as_str());
        parallax_html::parse(&page.html, None, url, cfg)
            .map(|doc| doc.paragraphs.join("\n"))
            .unwrap_or_default()
    })
}

/// Runs any extractor `f` on every page (in parallel) and scores the result.
pub fn evaluate_with<F>(pages: &[ExtractPage], f: F) -> ExtractReport
where
    F: Fn(&ExtractPage) -> String + Sync,
{
    let start = Instant::now();
    let predictions: Vec<String> = pages.par_iter().map(&f).collect();
    let seconds = start.elapsed().as_secs_f64();
    let per_page: Vec<PageResult> = pages
        .par_iter()
        .zip(predictions.par_iter())
        .map(|(page, pred)| PageResult {
            id: page.id.clone(),
            url: page.url.clone(),
            score: score_page(&page.truth, pred),
            empty: pred.trim().is_empty(),
        })
        .collect();
    let scores: Vec<PageScore> = per_page.iter().map(|r| r.score).collect();
    let (precision, recall, f1, accuracy) = aggregate(&scores);
    ExtractReport {
        pages: pages.len(),
        precision,
        recall,
        f1,
        accuracy,
        empty: per_page.iter().filter(|r| r.empty).count(),
        seconds,
        pages_per_sec: if seconds > 0.0 { pages.len() as f64 / seconds } else { 0.0 },
        threads: rayon::current_num_threads(),
        per_page,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn tokens_follow_python_word_chars() {
        assert_eq!(
            tokens("U.S. isn't  big_deal, 3.5%"),
            ["U", "S", "isn", "t", "big_deal", "3", "5"]
        );
        assert_eq!(tokens("Привет, мир! 서울 ½"), ["Привет", "мир", "서울", "½"]);
        // A combining mark is not a word character in Python: it splits the token.
        assert_eq!(tokens("cafe\u{301} ok"), ["cafe", "ok"]);
        assert!(tokens(" ,.;").is_empty());
    }

    #[test]
    fn identical_texts_score_one() {
        let s = score_page("One two three four five.", "One two three four five");
        assert!(close(s.precision, 1.0) && close(s.recall, 1.0) && s.exact);
        assert!(close(s.tp, 1.0) && close(s.fp, 0.0));
    }

    #[test]
    fn empty_prediction_counts_for_recall_only() {
        let s = score_page("a b c d e", "");
        assert!(close(s.precision, 0.0) && close(s.recall, 0.0));
        assert!(!s.counts_for_precision() && s.counts_for_recall());
        // Such a page leaves macro precision alone.
        let good = score_page("a b c d", "a b c d");
        let (p, r, f1, acc) = aggregate(&[s, good]);
        assert!(close(p, 1.0) && close(r, 0.5) && close(f1, 2.0 / 3.0) && close(acc, 0.5));
    }

    #[test]
    fn short_texts_make_one_shingle() {
        // 1 to 3 tokens: one shingle of all of them.
        let s = score_page("alpha beta", "alpha beta");
        assert!(close(s.precision, 1.0) && close(s.recall, 1.0));
        let s = score_page("alpha beta", "alpha beta gamma");
        assert!(close(s.precision, 0.0) && close(s.recall, 0.0));
        assert!(close(s.tp, 0.0) && close(s.fp, 0.5) && close(s.fn_, 0.5));
        // 3 tokens vs the 4-gram windows of a longer text never match.
        let s = score_page("a b c", "a b c d");
        assert!(close(s.recall, 0.0));
    }

    #[test]
    fn partial_overlap_is_normalised() {
        // truth 5 tokens → 2 shingles; prediction 4 tokens → 1 shingle, shared.
        let s = score_page("a b c d e", "a b c d");
        assert!(close(s.tp, 0.5) && close(s.fp, 0.0) && close(s.fn_, 0.5));
        assert!(close(s.precision, 1.0) && close(s.recall, 0.5));
        // Repeats are a multiset: a doubled prediction has false positives.
        let s = score_page("a b c d", "a b c d a b c d");
        assert!(close(s.precision, 0.2) && close(s.recall, 1.0));
    }

    #[test]
    fn both_empty_score_one_but_count_nowhere() {
        let s = score_page("", "...");
        assert!(close(s.precision, 1.0) && close(s.recall, 1.0) && s.exact);
        assert!(!s.counts_for_precision() && !s.counts_for_recall());
    }
}
