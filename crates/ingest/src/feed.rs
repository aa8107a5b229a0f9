//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds, parsed by `feed-rs`.

use std::collections::BTreeMap;

use parallax_model::{Published, Reject, RejectReason, SourceRef};

use parallax_html::fragment_paragraphs;

use crate::{DocKind, Hints, IngestConfig, RawDoc, Unit};

/// Reads a feed held in memory. `feed_name` is the feed's path or URL.
pub(crate) fn read(
    bytes: &[u8],
    feed_name: &str,
    base: &Hints,
    cfg: &IngestConfig,
    sink: &mut dyn FnMut(Unit),
) {
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(f) => f,
        Err(e) => {
            sink(Unit::Reject(Reject::new(
                SourceRef::file(feed_name),
                RejectReason::MalformedXml,
                format!("not a valid RSS/Atom feed: {e}"),
            )));
            return;
        }
    };
    if feed.entries.is_empty() {
        sink(Unit::Reject(Reject::new(
            SourceRef::file(feed_name),
            RejectReason::Empty,
            "feed has no items",
        )));
        return;
    }
    let feed_title =
        feed.title.as_ref().map(|t| t.content.trim().to_string()).filter(|t| !t.is_empty());
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let source = SourceRef::FeedItem { feed: feed_name.to_string(), item: i as u64 + 1 };
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .map(|l| l.href.trim().to_string());
        let mut hints = base.clone();
        if hints.outlet.is_none() {
            hints.outlet.clone_from(&feed_title);
        }
        if hints.language.is_none() {
            hints.language.clone_from(&feed.language);
        }
        hints.title =
            entry.title.as_ref().map(|t| strip_tags(&t.content)).filter(|t| !t.is_empty());
        hints.authors = entry.authors.iter().filter_map(|p| p.name.clone()).collect();
        // The feed's own date: authoritative for the item's content, but only a
        // fallback when the linked page is fetched (the page knows better).
        let date =
            entry.published.or(entry.updated).map(|d| Published::from_utc(d, d.to_rfc3339()));
        let mut meta = BTreeMap::new();
        if !entry.id.is_empty() {
            meta.insert("feed_item_id".to_string(), serde_json::Value::String(entry.id.clone()));
        }
        let cats: Vec<serde_json::Value> =
            entry.categories.iter().map(|c| serde_json::Value::String(c.term.clone())).collect();
        if !cats.is_empty() {
            meta.insert("categories".to_string(), serde_json::Value::Array(cats));
        }
        hints.meta.extend(meta);
        if cfg.follow_links {
            if let Some(url) = link {
                hints.url = Some(url.clone());
                hints.published_fallback = date;
                sink(Unit::Fetch { url, source, hints });
            } else {
                sink(Unit::Reject(Reject::new(
                    source,
                    RejectReason::MissingField,
                    "feed item has no link to follow",
                )));
            }
            continue;
        }
        hints.url = link;
        hints.published = date;
        let body = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .filter(|b| !b.trim().is_empty())
            .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()));
        let paragraphs = body.as_deref().map(fragment_paragraphs).unwrap_or_default();
        if paragraphs.is_empty() {
            sink(Unit::Reject(Reject::new(
                source,
                RejectReason::NoMainText,
                "feed item has no content or summary (use --follow to fetch its link)",
            )));
            continue;
        }
        sink(Unit::Doc(RawDoc { source, kind: DocKind::Paragraphs { paragraphs }, hints }));
    }
}

fn strip_tags(s: &str) -> String {
    fragment_paragraphs(s).join(" ")
}
