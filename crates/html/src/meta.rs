//! Page metadata (title, authors, dates, site, canonical URL, language) from one scan.
//!
//! Sources, best first, for each field:
//! * published: JSON-LD `datePublished` of an article-type object → `article:published_time`,
//!   `itemprop=datePublished` and other common date metas → the first `<time datetime>` in
//!   the body → a date in the URL path. Implausible dates (before 1995, in the future) are skipped.
//! * title: `og:title` → JSON-LD `headline` → `<title>`; a trailing ` | Site` / ` - Site` is removed.
//! * authors: JSON-LD `author` → `meta name=author` → `article:author` (unless a URL) →
//!   `rel=author` links → `itemprop=author` elements.

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use parallax_model::Published;
use serde_json::Value;

use crate::scan::{Scanner, Token, decode_entities};

/// Metadata found on a page (see the module doc for the cascades).
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct PageMeta {
    pub(crate) title: Option<String>,
    pub(crate) authors: Vec<String>,
    pub(crate) published: Option<Published>,
    pub(crate) modified: Option<Published>,
    pub(crate) site_name: Option<String>,
    pub(crate) canonical_url: Option<String>,
    pub(crate) language: Option<String>,
    pub(crate) description: Option<String>,
}

/// Date metas after the Open Graph one, in order of trust (lower-case keys).
const PUBLISHED_KEYS: [&str; 22] = [
    "article:published_time",
    "og:article:published_time",
    "itemprop:datepublished",
    "datepublished",
    "article.published",
    "published_time",
    "og:published_time",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
    "citation_publication_date",
    "date",
    "originalpublicationdate",
];
const MODIFIED_KEYS: [&str; 6] = [
    "article:modified_time",
    "og:updated_time",
    "itemprop:datemodified",
    "datemodified",
    "dcterms.modified",
    "last-modified",
];

/// What one scan of the page collects.
#[derive(Default)]
struct Raw<'a> {
    lang: Option<Cow<'a, str>>,
    metas: Vec<(String, String)>,
    canonical: Option<String>,
    title: Option<String>,
    json_ld: Vec<&'a str>,
    body_times: Vec<String>,
    rel_authors: Vec<String>,
}

/// Longest text kept from a captured element (e.g. a `rel=author` link).
const CAPTURE_MAX: usize = 200;

fn scan(html: &str) -> Raw<'_> {
    let mut raw = Raw::default();
    let mut in_body = false;
    let mut prev_start: Option<&str> = None;
    let mut is_json_ld = false;
    // An element whose text is being captured: (end tag name, text so far).
    let mut capture: Option<(&str, String)> = None;
    for tok in Scanner::new(html) {
        match tok {
            Token::Start(tag) => {
                prev_start = Some(tag.name);
                is_json_ld = tag.is("script")
                    && tag
                        .attr("type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                let name = tag.name;
                if tag.is("body") {
                    in_body = true;
                } else if tag.is("html") && raw.lang.is_none() {
                    raw.lang = tag.attr("lang");
                } else if tag.is("meta") {
                    let content = tag.attr("content");
                    for key_attr in ["property", "name", "itemprop", "http-equiv"] {
                        if let (Some(k), Some(c)) = (tag.attr(key_attr), content.as_ref()) {
                            let k = k.trim().to_ascii_lowercase();
                            let k =
                                if key_attr == "itemprop" { format!("itemprop:{k}") } else { k };
                            raw.metas.push((k, c.trim().to_string()));
                        }
                    }
                } else if tag.is("link") {
                    let rel = tag.attr("rel").unwrap_or_default();
                    if rel.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("canonical"))
                        && raw.canonical.is_none()
                    {
                        raw.canonical = tag.attr("href").map(|h| h.trim().to_string());
                    }
                } else if tag.is("time")
                    && in_body
                    && raw.body_times.len() < 16
                    && let Some(dt) = tag.attr("datetime")
                {
                    raw.body_times.push(dt.trim().to_string());
                }
                if !tag.is("meta") {
                    if let Some(ip) = tag.attr("itemprop") {
                        let ip = ip.trim().to_ascii_lowercase();
                        if ip == "datepublished" || ip == "datemodified" {
                            if let Some(v) = tag.attr("datetime").or_else(|| tag.attr("content")) {
                                raw.metas.push((format!("itemprop:{ip}"), v.trim().to_string()));
                            }
                        } else if ip == "author" && capture.is_none() && !tag.self_closing {
                            capture = Some((name, String::new()));
                        }
                    }
                    if tag.is("a")
                        && capture.is_none()
                        && tag.attr("rel").is_some_and(|r| {
                            r.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("author"))
                        })
                    {
                        capture = Some((name, String::new()));
                    }
                }
            }
            Token::End(name) => {
                if let Some((end, text)) = &capture
                    && end.eq_ignore_ascii_case(name)
                {
                    let t = collapse(&decode_entities(text));
                    if !t.is_empty() && raw.rel_authors.len() < 8 {
                        raw.rel_authors.push(t);
                    }
                    capture = None;
                }
            }
            Token::Text(t) => {
                if let Some((_, buf)) = capture.as_mut()
                    && buf.len() < CAPTURE_MAX
                {
                    buf.push(' ');
                    buf.push_str(t);
                }
            }
            Token::Raw(r) => {
                if prev_start.is_some_and(|p| p.eq_ignore_ascii_case("title"))
                    && raw.title.is_none()
                {
                    raw.title = Some(collapse(&decode_entities(r)));
                } else if is_json_ld && raw.json_ld.len() < 16 {
                    raw.json_ld.push(r);
                }
            }
        }
    }
    raw
}

/// Trims and collapses white space.
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn nonempty(s: &str) -> Option<String> {
    let c = collapse(s);
    (!c.is_empty()).then_some(c)
}

fn is_url(s: &str) -> bool {
    let l = s.trim_start().to_ascii_lowercase();
    l.starts_with("http://")
        || l.starts_with("https://")
        || l.starts_with("//")
        || l.starts_with("www.")
}

/// JSON-LD objects found on the page, article types first.
#[derive(Default)]
struct JsonLd {
    articles: Vec<Value>,
    others: Vec<Value>,
}

fn is_article_type(v: &Value) -> bool {
    let check = |t: &str| {
        t.ends_with("Article") || t.contains("BlogPosting") || t == "Report" || t == "Blog"
    };
    match v.get("@type") {
        Some(Value::String(t)) => check(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(check),
        _ => false,
    }
}

fn collect_json_ld(v: Value, out: &mut JsonLd, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(items) => {
            for i in items {
                collect_json_ld(i, out, depth + 1);
            }
        }
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                collect_json_ld(graph, out, depth + 1);
            }
            let v = Value::Object(map);
            if is_article_type(&v) {
                out.articles.push(v);
            } else if v.get("@type").is_some() {
                out.others.push(v);
            }
        }
        _ => {}
    }
}

fn json_str(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => nonempty(&decode_entities(s)),
        Value::Array(a) => a.iter().find_map(|x| json_str(Some(x))),
        Value::Object(o) => json_str(o.get("name")).or_else(|| json_str(o.get("@value"))),
        _ => None,
    }
}

fn json_authors(v: Option<&Value>, out: &mut Vec<String>) {
    match v {
        Some(Value::Array(a)) => a.iter().for_each(|x| json_authors(Some(x), out)),
        Some(Value::String(s)) => out.extend(split_authors(s)),
        Some(Value::Object(o)) => {
            if let Some(n) = json_str(o.get("name")) {
                out.extend(split_authors(&n));
            }
        }
        _ => {}
    }
}

/// Splits a byline string into names: drops a leading "By", splits on " and ", "&", ";"
/// and on commas when every part has at least two words ("Doe, Jane" stays whole).
fn split_authors(s: &str) -> Vec<String> {
    let s = collapse(&decode_entities(s));
    let s = s
        .strip_prefix("By ")
        .or_else(|| s.strip_prefix("by "))
        .or_else(|| s.strip_prefix("BY "))
        .unwrap_or(&s);
    if s.is_empty() || is_url(s) {
        return Vec::new();
    }
    let mut parts: Vec<String> = s
        .split(" and ")
        .flat_map(|p| p.split(['&', ';', '|']))
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() == 1 {
        let commas: Vec<&str> = s.split(',').map(str::trim).filter(|p| !p.is_empty()).collect();
        if commas.len() > 1 && commas.iter().all(|p| p.split_whitespace().count() >= 2) {
            parts = commas.into_iter().map(String::from).collect();
        }
    }
    parts.retain(|p| p.chars().count() <= 80 && !is_url(p));
    parts
}

fn date(s: &str, now: DateTime<Utc>) -> Option<Published> {
    parallax_model::time::parse(s).filter(|p| p.is_plausible(now))
}

/// Removes a trailing (or leading) site name: "Headline | Site" → "Headline".
pub(crate) fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    const SEPS: [&str; 6] = [" | ", " - ", " – ", " — ", " :: ", " · "];
    let title = collapse(title);
    let site_l = site.map(|s| s.trim().to_lowercase());
    let mut best: Option<(usize, &str)> = None;
    for sep in SEPS {
        if let Some(i) = title.rfind(sep)
            && best.is_none_or(|(b, _)| i > b)
        {
            best = Some((i, sep));
        }
    }
    let Some((i, sep)) = best else { return title };
    let (head, tail) = (title[..i].trim(), title[i + sep.len()..].trim());
    let matches_site = |part: &str| {
        site_l.as_deref().is_some_and(|s| {
            let p = part.to_lowercase();
            !s.is_empty() && (p == s || p.contains(s) || s.contains(&p))
        })
    };
    if matches_site(tail) && !head.is_empty() {
        return head.to_string();
    }
    // "Site | Headline": only when the site name is known.
    if let Some(j) = SEPS.iter().filter_map(|s| title.find(s).map(|j| (j, s.len()))).min()
        && matches_site(title[..j.0].trim())
    {
        return title[j.0 + j.1..].trim().to_string();
    }
    // Unknown site: strip a short tail after a longer head.
    let tail_words = tail.split_whitespace().count();
    let head_words = head.split_whitespace().count();
    if tail_words <= 4 && head_words >= 3 && head_words > tail_words {
        return head.to_string();
    }
    title
}

/// Extracts the page metadata. `url` is the page URL (for the URL-date fallback).
pub(crate) fn extract(html: &str, url: Option<&str>) -> PageMeta {
    let now = Utc::now();
    let raw = scan(html);
    let mut ld = JsonLd::default();
    for block in &raw.json_ld {
        let block = block.trim();
        let parsed = serde_json::from_str::<Value>(block).or_else(|_| {
            // Raw control characters inside strings are a frequent JSON-LD defect.
            serde_json::from_str::<Value>(&block.replace(['\n', '\r', '\t'], " "))
        });
        if let Ok(v) = parsed {
            collect_json_ld(v, &mut ld, 0);
        }
    }
    let meta = |key: &str| -> Option<&str> {
        raw.metas.iter().find(|(k, v)| k == key && !v.is_empty()).map(|(_, v)| v.as_str())
    };
    let article = ld.articles.first();
    let any_ld = |field: &str| -> Option<&Value> {
        ld.articles.iter().chain(ld.others.iter()).find_map(|o| o.get(field))
    };

    // Dates.
    let ld_date = |field: &str| {
        ld.articles
            .iter()
            .chain(ld.others.iter())
            .filter_map(|o| o.get(field).and_then(Value::as_str))
            .find_map(|s| date(s, now))
    };
    let published = ld_date("datePublished")
        .or_else(|| PUBLISHED_KEYS.iter().filter_map(|k| meta(k)).find_map(|s| date(s, now)))
        .or_else(|| raw.body_times.iter().find_map(|s| date(s, now)))
        .or_else(|| {
            url.and_then(parallax_model::url::date_from_url).filter(|p| p.is_plausible(now))
        });
    let modified = ld_date("dateModified")
        .or_else(|| MODIFIED_KEYS.iter().filter_map(|k| meta(k)).find_map(|s| date(s, now)));

    // Site.
    let site_name = meta("og:site_name")
        .and_then(nonempty)
        .or_else(|| article.and_then(|a| a.get("publisher")).and_then(|p| json_str(Some(p))))
        .or_else(|| meta("application-name").and_then(nonempty))
        .filter(|s| !is_url(s));

    // Title.
    let site = site_name.as_deref();
    let title = meta("og:title")
        .or_else(|| meta("twitter:title"))
        .map(|t| strip_site_suffix(&decode_entities(t), site))
        .filter(|t| !t.is_empty())
        .or_else(|| article.and_then(|a| json_str(a.get("headline"))))
        .or_else(|| {
            raw.title.as_deref().map(|t| strip_site_suffix(t, site)).filter(|t| !t.is_empty())
        });

    // Authors.
    let mut authors = Vec::new();
    json_authors(article.and_then(|a| a.get("author")), &mut authors);
    if authors.is_empty() {
        for key in
            ["author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator"]
        {
            for (_, v) in raw.metas.iter().filter(|(k, _)| k == key) {
                authors.extend(split_authors(v));
            }
            if !authors.is_empty() {
                break;
            }
        }
    }
    if authors.is_empty() {
        raw.rel_authors.iter().for_each(|a| authors.extend(split_authors(a)));
    }
    let mut seen = std::collections::HashSet::new();
    authors.retain(|a| seen.insert(a.to_lowercase()));

    let absolute = |u: &str| -> Option<String> {
        let u = u.trim();
        (u.starts_with("http://") || u.starts_with("https://")).then(|| u.to_string())
    };
    let canonical_url =
        raw.canonical.as_deref().and_then(absolute).or_else(|| meta("og:url").and_then(absolute));
    let language = raw
        .lang
        .as_deref()
        .and_then(nonempty)
        .or_else(|| meta("content-language").and_then(nonempty))
        .or_else(|| meta("og:locale").and_then(nonempty).map(|l| l.replace('_', "-")))
        .or_else(|| json_str(any_ld("inLanguage")));
    let description = meta("description")
        .or_else(|| meta("og:description"))
        .and_then(|d| nonempty(&decode_entities(d)))
        .or_else(|| article.and_then(|a| json_str(a.get("description"))));

    PageMeta {
        title,
        authors,
        published,
        modified,
        site_name,
        canonical_url,
        language,
        description,
    }
}
