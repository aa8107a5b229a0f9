//! HTML news pages → main text as paragraphs, plus metadata.
//!
//! [`parse`] takes the raw bytes of a page (and, when known, the HTTP `Content-Type`
//! header and the page URL) and returns an [`HtmlDoc`]: the article's paragraphs,
//! title, authors, publication and modification dates, site name, canonical URL,
//! language and description, and the text encoding used. Failures are
//! [`HtmlError`]s, each of which maps to a [`parallax_model::RejectReason`] through
//! [`HtmlError::reason`], so ingest can record a reject and go on.
//!
//! * Bytes → text: [`decode`] picks the charset (BOM → HTTP header → `<meta charset>`
//!   → detection) and [`looks_like_html`] sniffs content.
//! * Metadata comes from one tree-free scan of the page (JSON-LD, `<meta>`, `<link>`,
//!   `<title>`, `<time>`, the URL), with the cascades documented on [`HtmlDoc`].
//! * Main text comes from `rs-trafilatura`, with `dom_smoothie` (Readability) as a
//!   fallback when it finds too little ([`Extractor`] chooses; [`Extractor::Combined`]
//!   is the default and scored best on the extraction benchmark).
//!
//! The input is untrusted: pages over [`HtmlConfig::max_bytes`] are refused, panics in
//! the extraction engines are caught, and markup nested deeper than a fixed limit is
//! read by a tree-free scanner instead of the tree-building engines.
//!
//! ```
//! use parallax_html::{HtmlConfig, parse};
//!
//! let page = br#"<!doctype html><html lang="en"><head>
//!   <title>Rubio dismisses 'hysteria' over NATO | Example Wire</title>
//!   <meta property="og:site_name" content="Example Wire">
//!   <meta property="article:published_time" content="2025-04-04T10:30:00+02:00">
//!   <meta name="author" content="Jane Doe">
//! </head><body><article>
//!   <h1>Rubio dismisses 'hysteria' over NATO</h1>
//!   <p>Secretary of State Marco Rubio spoke in Brussels on Friday, where allies met to
//!   discuss spending, and said the alliance remained strong.</p>
//!   <p>He backed the goal of 5% of economic output for defence, and said partners
//!   would reach it over the coming decade, whatever the critics said.</p>
//! </article></body></html>"#;
//! let doc = parse(page, None, Some("https://example.com/2025/04/04/rubio"), &HtmlConfig::default())
//!     .expect("a valid page");
//! assert_eq!(doc.title.as_deref(), Some("Rubio dismisses 'hysteria' over NATO"));
//! assert_eq!(doc.authors, ["Jane Doe"]);
//! assert_eq!(doc.published.map(|p| p.utc.to_rfc3339()).as_deref(), Some("2025-04-04T08:30:00+00:00"));
//! assert!(doc.paragraphs.iter().any(|p| p.starts_with("He backed the goal")));
//! assert_eq!(doc.encoding, "UTF-8");
//! ```
#![warn(missing_docs)]

mod decode;
mod error;
mod extract;
mod meta;
mod scan;

pub use decode::{decode, looks_like_html};

/// The paragraphs of an HTML fragment (a feed item's content, say), or of plain
/// text, which passes through as one paragraph per line: block elements end a
/// paragraph, `script`/`style` contents and navigation, header, footer, aside
/// and form elements are dropped, entities are decoded. No main-text scoring:
/// a fragment is all content.
pub fn fragment_paragraphs(fragment: &str) -> Vec<String> {
    Flat.extract(fragment, None)
}
pub use error::HtmlError;
use extract::{Flat, MainTextExtractor, Smoothie, Trafilatura, text_chars};
use parallax_model::Published;

/// Which main-text engine [`parse`] uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Extractor {
    /// Both engines (the default, and the best on the benchmark). `rs-trafilatura`'s
    /// text is kept, except that `dom_smoothie`'s wins when it is shorter but at least
    /// [`HtmlConfig::fallback_below_chars`] long and at least 90% of its word 4-grams
    /// are also in `rs-trafilatura`'s (both found the same body, and the extra text is
    /// most likely boilerplate), or when `rs-trafilatura` found less than that.
    #[default]
    Combined,
    /// `rs-trafilatura` only.
    Trafilatura,
    /// `dom_smoothie` (Readability) only.
    DomSmoothie,
}

/// Limits and choices for [`parse`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlConfig {
    /// Largest page accepted, in bytes (default 8 MiB); larger pages are
    /// [`HtmlError::TooLarge`].
    pub max_bytes: usize,
    /// Fewest characters of main text (summed over paragraphs) for a page to count as
    /// an article (default 100: a short news brief passes, a navigation page or a
    /// consent wall usually does not); less is [`HtmlError::NoMainText`].
    pub min_text_chars: usize,
    /// The main-text engine (default [`Extractor::Combined`]).
    pub extractor: Extractor,
    /// With [`Extractor::Combined`], the shortest main text (in characters) that can
    /// replace the primary engine's (default 250).
    pub fallback_below_chars: usize,
}

impl Default for HtmlConfig {
    fn default() -> Self {
        HtmlConfig {
            max_bytes: 8 * 1024 * 1024,
            min_text_chars: 100,
            extractor: Extractor::Combined,
            fallback_below_chars: 250,
        }
    }
}

/// Nesting depth above which the tree-building engines are not trusted with a page.
const MAX_TREE_DEPTH: usize = 1024;

/// A parsed news page.
#[derive(Debug, Clone, PartialEq)]
pub struct HtmlDoc {
    /// Main text, one entry per paragraph, heading or list item, in page order.
    pub paragraphs: Vec<String>,
    /// Headline: `og:title`, else JSON-LD `headline`, else `<title>`, with a trailing
    /// " | Site" / " - Site" removed.
    pub title: Option<String>,
    /// Authors in byline order: JSON-LD `author`, else `meta name=author`, else
    /// `article:author` (unless a URL), else `rel=author` / `itemprop=author` text.
    pub authors: Vec<String>,
    /// Publication time: JSON-LD `datePublished` (article types first), else
    /// `article:published_time` / `itemprop=datePublished` / other date metas, else the
    /// first `<time datetime>` in the body, else a date in the URL path. Dates before
    /// 1995 or in the future are skipped.
    pub published: Option<Published>,
    /// Last modification: JSON-LD `dateModified`, else `article:modified_time` and similar.
    pub modified: Option<Published>,
    /// Outlet name: `og:site_name`, else JSON-LD `publisher.name`, else `application-name`.
    pub site_name: Option<String>,
    /// Absolute canonical URL: `link rel=canonical`, else `og:url`.
    pub canonical_url: Option<String>,
    /// Declared language tag: `<html lang>`, else `content-language`, else `og:locale`.
    pub language: Option<String>,
    /// Summary: `meta name=description`, else `og:description`, else JSON-LD `description`.
    pub description: Option<String>,
    /// The encoding actually used to decode the page (e.g. `"UTF-8"`, `"windows-1252"`).
    pub encoding: &'static str,
}

/// Parses an HTML page into main text and metadata.
///
/// `content_type_header` is the HTTP `Content-Type` (for its charset), `url` the page
/// URL (used by the engines and as the last source of a publication date).
pub fn parse(
    bytes: &[u8],
    content_type_header: Option<&str>,
    url: Option<&str>,
    cfg: &HtmlConfig,
) -> Result<HtmlDoc, HtmlError> {
    if bytes.len() > cfg.max_bytes {
        return Err(HtmlError::TooLarge { size: bytes.len(), limit: cfg.max_bytes });
    }
    if !looks_like_html(bytes) {
        let detail = if bytes.iter().all(u8::is_ascii_whitespace) {
            "the page is empty".to_string()
        } else {
            "no HTML markup at the start of the page".to_string()
        };
        return Err(HtmlError::NotHtml { detail });
    }
    let (text, encoding) = decode(bytes, content_type_header)?;
    let meta = meta::extract(&text, url);
    let paragraphs = main_text(&text, url, cfg);
    let chars = text_chars(&paragraphs);
    if chars < cfg.min_text_chars {
        return Err(HtmlError::NoMainText { chars, min: cfg.min_text_chars });
    }
    Ok(HtmlDoc {
        paragraphs,
        title: meta.title,
        authors: meta.authors,
        published: meta.published,
        modified: meta.modified,
        site_name: meta.site_name,
        canonical_url: meta.canonical_url,
        language: meta.language,
        description: meta.description,
        encoding,
    })
}

fn main_text(html: &str, url: Option<&str>, cfg: &HtmlConfig) -> Vec<String> {
    if scan::max_depth(html) > MAX_TREE_DEPTH {
        return Flat.extract(html, url);
    }
    match cfg.extractor {
        Extractor::Trafilatura => Trafilatura.extract(html, url),
        Extractor::DomSmoothie => Smoothie.extract(html, url),
        Extractor::Combined => {
            let primary = Trafilatura.extract(html, url);
            let second = Smoothie.extract(html, url);
            extract::combine(primary, second, cfg.fallback_below_chars)
        }
    }
}

#[cfg(test)]
mod tests;
