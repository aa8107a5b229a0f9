use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{ArticleId, Published, SourceRef};

/// A half-open byte range `[start, end)` into an article's `text`.
///
/// Byte offsets are what Rust slices with; the JSON contracts that leave parallax
/// convert them to Unicode code point offsets at the edge.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Self {
        Span { start: start as u32, end: end as u32 }
    }
    /// The spanned text, or `None` if the span does not fall on character boundaries of `text`.
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start as usize..self.end as usize)
    }
    /// Length in bytes.
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }
    /// True when the span is empty.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// One news report, as ingested.
///
/// `text` is the main text: its paragraphs joined by a blank line (`"\n\n"`), and
/// `paragraphs` holds each paragraph's [`Span`] into it, so every later offset
/// (sentences, quotes, numbers) points back into this one string.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id (see [`ArticleId`]).
    pub id: ArticleId,
    /// Where it came from.
    pub source: SourceRef,
    /// Canonical URL, when known.
    pub url: Option<String>,
    /// The outlet (publication) that published it.
    pub outlet: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Authors, in byline order.
    pub authors: Vec<String>,
    /// Publication time, in UTC with the original notation kept.
    pub published: Option<Published>,
    /// ISO 639-1 language code: declared by the source, replaced by the detected
    /// language after enrichment when detection is reliable.
    pub language: Option<String>,
    /// Main text: paragraphs separated by `"\n\n"`.
    pub text: String,
    /// Byte spans of the paragraphs in `text`.
    pub paragraphs: Vec<Span>,
    /// Source fields parallax does not model (e.g. unknown JSONL fields).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub meta: BTreeMap<String, serde_json::Value>,
}

impl Article {
    /// The text of paragraph `i`.
    pub fn paragraph_text(&self, i: usize) -> Option<&str> {
        self.paragraphs.get(i).and_then(|s| s.slice(&self.text))
    }

    /// A hash of the text (white space normalised), to tell an unchanged
    /// re-ingest from a revised article with the same URL.
    pub fn content_hash(&self) -> u64 {
        crate::content_hash(&self.text)
    }
}

/// Builds an [`Article`], normalising paragraphs and deriving the id.
#[derive(Debug, Clone)]
pub struct ArticleBuilder {
    source: SourceRef,
    url: Option<String>,
    outlet: Option<String>,
    title: Option<String>,
    authors: Vec<String>,
    published: Option<Published>,
    language: Option<String>,
    paragraphs: Vec<String>,
    meta: BTreeMap<String, serde_json::Value>,
}

impl ArticleBuilder {
    /// Starts an article from `source`.
    pub fn new(source: SourceRef) -> Self {
        ArticleBuilder {
            source,
            url: None,
            outlet: None,
            title: None,
            authors: Vec::new(),
            published: None,
            language: None,
            paragraphs: Vec::new(),
            meta: BTreeMap::new(),
        }
    }
    /// Sets the URL; it is canonicalised and, when valid, decides the id.
    pub fn url(mut self, url: impl AsRef<str>) -> Self {
        self.url = crate::url::canonicalize(url.as_ref());
        self
    }
    /// Sets the outlet (blank names are ignored).
    pub fn outlet(mut self, outlet: impl AsRef<str>) -> Self {
        self.outlet = clean(outlet.as_ref());
        self
    }
    /// Sets the outlet unless one is set already.
    pub fn outlet_fallback(mut self, outlet: Option<&str>) -> Self {
        if self.outlet.is_none() {
            self.outlet = outlet.and_then(clean);
        }
        self
    }
    /// The outlet set so far.
    pub fn current_outlet(&self) -> Option<&str> {
        self.outlet.as_deref()
    }
    /// The URL set so far.
    pub fn current_url(&self) -> Option<&str> {
        self.url.as_deref()
    }
    /// Sets the title (blank titles are ignored).
    pub fn title(mut self, title: impl AsRef<str>) -> Self {
        self.title = clean(title.as_ref());
        self
    }
    /// Adds authors, skipping blanks and repeats.
    pub fn authors<I, S>(mut self, authors: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for a in authors {
            if let Some(a) = clean(a.as_ref())
                && !self.authors.contains(&a)
            {
                self.authors.push(a);
            }
        }
        self
    }
    /// Sets the publication time.
    pub fn published(mut self, published: Option<Published>) -> Self {
        if published.is_some() {
            self.published = published;
        }
        self
    }
    /// Sets the declared language (ISO 639-1 or a tag such as `en-GB`; the primary subtag is kept).
    pub fn language(mut self, lang: impl AsRef<str>) -> Self {
        let primary = lang.as_ref().trim().split(['-', '_']).next().unwrap_or("").to_lowercase();
        if primary.len() == 2 && primary.chars().all(|c| c.is_ascii_lowercase()) {
            self.language = Some(primary);
        }
        self
    }
    /// Sets the paragraphs. Each is trimmed, inner white space runs become one
    /// space, and empty paragraphs are dropped.
    pub fn paragraphs<I, S>(mut self, paragraphs: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.paragraphs = paragraphs.into_iter().filter_map(|p| clean(p.as_ref())).collect();
        self
    }
    /// Sets the paragraphs from plain text: blank lines separate paragraphs, and
    /// single line breaks inside a paragraph are kept as paragraph breaks too when
    /// `lines_are_paragraphs` is set (news text files often put one paragraph per line).
    pub fn text(self, text: &str, lines_are_paragraphs: bool) -> Self {
        let paras: Vec<&str> = if lines_are_paragraphs {
            text.lines().collect()
        } else {
            text.split("\n\n").collect()
        };
        self.paragraphs(paras)
    }
    /// The number of paragraphs set so far.
    pub fn paragraph_count(&self) -> usize {
        self.paragraphs.len()
    }
    /// Adds an unmodelled source field.
    pub fn meta(mut self, key: impl Into<String>, value: serde_json::Value) -> Self {
        self.meta.insert(key.into(), value);
        self
    }
    /// Builds the article and derives its id.
    pub fn build(self) -> Article {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(self.paragraphs.len());
        for p in &self.paragraphs {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(p);
            spans.push(Span::new(start, text.len()));
        }
        let id = match &self.url {
            Some(u) => ArticleId::from_url(u),
            None => ArticleId::from_text(&text),
        };
        Article {
            id,
            source: self.source,
            url: self.url,
            outlet: self.outlet,
            title: self.title,
            authors: self.authors,
            published: self.published,
            language: self.language,
            text,
            paragraphs: spans,
            meta: self.meta,
        }
    }
}

/// Trims and collapses white space; `None` when nothing is left.
fn clean(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_cleaned_and_spanned() {
        let a = ArticleBuilder::new(SourceRef::Stdin)
            .paragraphs(["  One\t two ", "", "Three «quoted»"])
            .build();
        assert_eq!(a.text, "One two\n\nThree «quoted»");
        assert_eq!(a.paragraphs, vec![Span::new(0, 7), Span::new(9, a.text.len())]);
        assert_eq!(a.paragraph_text(1), Some("Three «quoted»"));
    }

    #[test]
    fn url_decides_the_id() {
        let a = ArticleBuilder::new(SourceRef::Stdin)
            .url("HTTPS://Example.com/a?utm_source=x#top")
            .paragraphs(["x"])
            .build();
        let b = ArticleBuilder::new(SourceRef::Stdin)
            .url("https://example.com/a")
            .paragraphs(["different text"])
            .build();
        assert_eq!(a.id, b.id);
        assert_eq!(a.url.as_deref(), Some("https://example.com/a"));
    }

    #[test]
    fn language_tags_keep_primary_subtag() {
        let a = ArticleBuilder::new(SourceRef::Stdin).language("en-GB").build();
        assert_eq!(a.language.as_deref(), Some("en"));
        let b = ArticleBuilder::new(SourceRef::Stdin).language("english").build();
        assert_eq!(b.language, None);
    }
}
