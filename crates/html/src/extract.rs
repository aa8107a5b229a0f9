//! Main-text extraction behind one small trait, with two engines and a combination.
//!
//! * [`Trafilatura`] wraps `rs-trafilatura` (a port of trafilatura's cascade).
//! * [`Smoothie`] wraps `dom_smoothie` (a port of Mozilla Readability).
//! * [`Flat`] is our own last resort for hostile markup (too deeply nested for the
//!   tree-based engines): the text of block elements, from one scan, no tree.
//!
//! Each engine parses the page itself (they depend on different `dom_query`
//! versions, so a parsed tree cannot be shared between them); metadata comes from a
//! separate tree-free scan, which costs far less than a parse.

use crate::meta::collapse;
use crate::scan::{Scanner, Token, decode_entities};

/// One way of finding a page's main text.
pub(crate) trait MainTextExtractor: Sync {
    /// A short name for reports.
    #[allow(dead_code)]
    fn name(&self) -> &'static str;
    /// The main text as paragraphs (may be empty).
    fn extract(&self, html: &str, url: Option<&str>) -> Vec<String>;
}

/// Runs `f`, turning a panic inside a third-party engine into "no result".
fn guarded<T: Default>(f: impl FnOnce() -> T) -> T {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_default()
}

/// `rs-trafilatura` with default options.
pub(crate) struct Trafilatura;

impl MainTextExtractor for Trafilatura {
    fn name(&self) -> &'static str {
        "rs-trafilatura"
    }
    fn extract(&self, html: &str, url: Option<&str>) -> Vec<String> {
        let opts = rs_trafilatura::Options {
            url: url.map(str::to_string),
            page_type: Some(rs_trafilatura::page_type::PageType::Article),
            ..rs_trafilatura::Options::default()
        };
        guarded(|| {
            rs_trafilatura::extract_with_options(html, &opts)
                .map(|r| split_paragraphs(&r.content_text))
                .unwrap_or_default()
        })
    }
}

/// `dom_smoothie` (Readability) with formatted text output.
pub(crate) struct Smoothie;

impl MainTextExtractor for Smoothie {
    fn name(&self) -> &'static str {
        "dom_smoothie"
    }
    fn extract(&self, html: &str, url: Option<&str>) -> Vec<String> {
        let cfg = || dom_smoothie::Config {
            text_mode: dom_smoothie::TextMode::Formatted,
            ..dom_smoothie::Config::default()
        };
        guarded(|| {
            // A relative or odd URL makes dom_smoothie refuse the page: retry without it.
            let reader = dom_smoothie::Readability::new(html, url, Some(cfg()))
                .or_else(|_| dom_smoothie::Readability::new(html, None, Some(cfg())));
            match reader.and_then(|mut r| r.parse()) {
                Ok(article) => split_paragraphs(&article.text_content),
                Err(_) => Vec::new(),
            }
        })
    }
}

/// Block-level text from a tree-free scan; no boilerplate scoring beyond skipping
/// navigation, header, footer, aside and form elements.
pub(crate) struct Flat;

impl MainTextExtractor for Flat {
    fn name(&self) -> &'static str {
        "flat"
    }
    fn extract(&self, html: &str, _url: Option<&str>) -> Vec<String> {
        const BLOCK: [&str; 17] = [
            "p",
            "div",
            "br",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "pre",
            "tr",
            "section",
            "article",
            "td",
            "table",
        ];
        const SKIP: [&str; 6] = ["nav", "header", "footer", "aside", "form", "noscript"];
        let is = |n: &str, set: &[&str]| set.iter().any(|s| n.eq_ignore_ascii_case(s));
        let mut out = Vec::new();
        let mut cur = String::new();
        let mut skip_depth = 0usize;
        let flush = |cur: &mut String, out: &mut Vec<String>| {
            let p = collapse(&decode_entities(cur));
            if !p.is_empty() {
                out.push(p);
            }
            cur.clear();
        };
        for tok in Scanner::new(html) {
            match tok {
                Token::Start(t) if is(t.name, &SKIP) && !t.self_closing => skip_depth += 1,
                Token::End(n) if is(n, &SKIP) => skip_depth = skip_depth.saturating_sub(1),
                Token::Start(t) if is(t.name, &BLOCK) => flush(&mut cur, &mut out),
                Token::End(n) if is(n, &BLOCK) => flush(&mut cur, &mut out),
                Token::Text(t) if skip_depth == 0 => {
                    cur.push_str(t);
                }
                _ => {}
            }
        }
        flush(&mut cur, &mut out);
        out
    }
}

/// Splits extractor text into paragraphs: one per non-blank line, white space
/// collapsed, boilerplate lines ("Advertisement", "Read more"...) dropped.
pub(crate) fn split_paragraphs(text: &str) -> Vec<String> {
    text.lines().map(collapse).filter(|p| !p.is_empty() && !is_boilerplate_line(p)).collect()
}

/// Lines that are page furniture, never article text.
fn is_boilerplate_line(p: &str) -> bool {
    if p.len() > 60 {
        return false;
    }
    let norm: String = p
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let norm = norm.split_whitespace().collect::<Vec<_>>().join(" ");
    const LINES: [&str; 22] = [
        "advertisement",
        "advertisements",
        "ad",
        "ads",
        "sponsored",
        "sponsored content",
        "skip advertisement",
        "story continues below advertisement",
        "article continues below advertisement",
        "continue reading below",
        "continue reading",
        "read more",
        "read more below",
        "click to expand",
        "share this article",
        "share this",
        "share",
        "loading",
        "scroll to continue with content",
        "supported by",
        "related",
        "related articles",
    ];
    LINES.contains(&norm.as_str())
}

/// Total characters in paragraphs.
pub(crate) fn text_chars(paras: &[String]) -> usize {
    paras.iter().map(|p| p.chars().count()).sum()
}

/// Share of a text's word 4-grams (multiset) that the other text also has.
fn containment(part: &[String], whole: &[String]) -> f64 {
    fn words(paras: &[String]) -> Vec<&str> {
        paras
            .iter()
            .flat_map(|p| p.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()))
            .collect()
    }
    fn grams<'a>(w: &'a [&'a str]) -> std::collections::HashMap<&'a [&'a str], u32> {
        let mut m = std::collections::HashMap::new();
        for g in w.windows(4.min(w.len().max(1))) {
            *m.entry(g).or_insert(0) += 1;
        }
        m
    }
    let (pw, ww) = (words(part), words(whole));
    let (pg, wg) = (grams(&pw), grams(&ww));
    let total: u32 = pg.values().sum();
    if total == 0 {
        return 0.0;
    }
    let shared: u32 = pg.iter().map(|(g, &n)| n.min(wg.get(g).copied().unwrap_or(0))).sum();
    f64::from(shared) / f64::from(total)
}

/// Share of the secondary engine's 4-grams that must be in the primary's for the
/// shorter secondary text to win.
const AGREEMENT: f64 = 0.9;

/// Chooses between the primary and the secondary engine's paragraphs (see
/// [`crate::Extractor::Combined`]).
pub(crate) fn combine(primary: Vec<String>, second: Vec<String>, min_chars: usize) -> Vec<String> {
    let (pc, sc) = (text_chars(&primary), text_chars(&second));
    if pc < min_chars {
        return if sc > pc { second } else { primary };
    }
    if sc >= min_chars && sc < pc && containment(&second, &primary) >= AGREEMENT {
        second
    } else {
        primary
    }
}
