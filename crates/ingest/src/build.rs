//! The CPU part of ingestion: a [`RawDoc`] becomes an [`Article`] or a [`Reject`].

use parallax_model::{Article, ArticleBuilder, Reject, RejectReason, url};

use crate::{DocKind, IngestConfig, RawDoc, text};

impl RawDoc {
    /// Decodes, extracts and assembles the article. No I/O; safe to run in parallel.
    ///
    /// The outlet is, in order: `--outlet`, the container's outlet (JSON field,
    /// feed title), the page's own site name, the URL's host, a text file's stem.
    pub fn into_article(self, cfg: &IngestConfig) -> Result<Article, Reject> {
        let RawDoc { source, kind, hints } = self;
        let mut b = ArticleBuilder::new(source.clone());
        if let Some(o) = &cfg.outlet_override {
            b = b.outlet(o);
        }
        b = b.outlet_fallback(hints.outlet.as_deref());
        if let Some(u) = &hints.url {
            b = b.url(u);
        }
        if let Some(l) = &hints.language {
            b = b.language(l);
        }
        b = b.authors(&hints.authors).published(hints.published.clone());
        let mut title = hints.title.clone();
        let mut published_known = hints.published.is_some();
        match kind {
            DocKind::Html { bytes, content_type } => {
                let doc = parallax_html::parse(
                    &bytes,
                    content_type.as_deref(),
                    hints.url.as_deref(),
                    &cfg.html,
                )
                .map_err(|e| Reject::new(source.clone(), e.reason(), e.to_string()))?;
                // A page's canonical URL decides the id only when it stays on the
                // host we fetched it from: a hostile page must not be able to
                // claim another outlet's article id.
                let same_host = |c: &str| match &hints.url {
                    None => true,
                    Some(u) => url::outlet_from_url(u) == url::outlet_from_url(c),
                };
                if let Some(c) = doc.canonical_url.as_deref().filter(|c| same_host(c)) {
                    b = b.url(c);
                }
                b = b.outlet_fallback(doc.site_name.as_deref());
                if title.is_none() {
                    title = doc.title;
                }
                b = b.authors(&doc.authors);
                if !published_known {
                    published_known = doc.published.is_some();
                    b = b.published(doc.published);
                }
                if hints.language.is_none()
                    && let Some(l) = &doc.language
                {
                    b = b.language(l);
                }
                if let Some(m) = doc.modified {
                    b = b.meta("modified", serde_json::Value::String(m.utc.to_rfc3339()));
                }
                b = b.paragraphs(doc.paragraphs);
            }
            DocKind::Text { text: t } => {
                let (t_title, paragraphs) = text::layout(&t);
                if title.is_none() {
                    title = t_title;
                }
                b = b.paragraphs(paragraphs);
            }
            DocKind::Paragraphs { paragraphs } => b = b.paragraphs(paragraphs),
        }
        if !published_known {
            b = b.published(hints.published_fallback.clone());
            if hints.published_fallback.is_none()
                && let Some(u) = b.current_url().map(str::to_string)
            {
                b = b.published(url::date_from_url(&u));
            }
        }
        let host = b.current_url().and_then(url::outlet_from_url);
        b = b.outlet_fallback(host.as_deref()).outlet_fallback(hints.outlet_fallback.as_deref());
        if let Some(t) = title {
            b = b.title(t);
        }
        if b.paragraph_count() == 0 {
            return Err(Reject::new(source, RejectReason::NoMainText, "no text after extraction"));
        }
        for (k, v) in hints.meta {
            b = b.meta(k, v);
        }
        Ok(b.build())
    }
}
