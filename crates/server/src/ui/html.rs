//! HTML building blocks: escaping, the page shell, small helpers.
//!
//! Every piece of text that comes from an article (titles, outlets, names,
//! quotes, URLs) goes through [`esc`] or [`attr`]; nothing from input is
//! ever written raw. URLs built from input go through [`path_segment`] or
//! [`query_value`].

use std::fmt::Write;

use chrono::{DateTime, Utc};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Escapes text for an element's content or a quoted attribute value.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// [`esc`] for attribute values (the same escaping; named for the reader).
pub(crate) fn attr(s: &str) -> String {
    esc(s)
}

const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.');

/// Percent-encodes one path segment (`/people/{key}`).
pub(crate) fn path_segment(s: &str) -> String {
    utf8_percent_encode(s, SEGMENT).to_string()
}

/// Percent-encodes a query value.
pub(crate) fn query_value(s: &str) -> String {
    utf8_percent_encode(s, SEGMENT).to_string()
}

/// A time as "2025-04-04 10:00 UTC", or an em dash.
pub(crate) fn when(t: Option<DateTime<Utc>>) -> String {
    t.map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()).unwrap_or_else(|| "—".to_string())
}

/// A date as "2025-04-04", or an em dash.
pub(crate) fn day(t: Option<DateTime<Utc>>) -> String {
    t.map(|t| t.format("%Y-%m-%d").to_string()).unwrap_or_else(|| "—".to_string())
}

/// The page shell: title, stylesheet, navigation, then `body`.
pub(crate) fn page(title: &str, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 1024);
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} · parallax</title><link rel=\"stylesheet\" href=\"/static/app.css\"></head>\
         <body><header><nav><a class=\"brand\" href=\"/\">parallax</a> \
         <a href=\"/\">Stories</a> <a href=\"/people\">People</a> <a href=\"/search\">Search</a>\
         <form class=\"nav-search\" action=\"/search\" method=\"get\" role=\"search\">\
         <input type=\"search\" name=\"q\" placeholder=\"Search articles and quotes\" aria-label=\"Search\">\
         </form></nav></header><main>{body}</main></body></html>",
        esc(title)
    );
    out
}

/// A message page (not found, bad request).
pub(crate) fn message(title: &str, text: &str) -> String {
    page(title, &format!("<h1>{}</h1><p class=\"message\">{}</p>", esc(title), esc(text)))
}

/// The stylesheet: plain, readable, printable.
pub(crate) const CSS: &str = r#"
:root { --fg:#1d1d1f; --muted:#6b6b70; --line:#e3e3e8; --accent:#0b57d0; --ok:#137333; --warn:#b06000; --bad:#b3261e; --bg:#fff; --soft:#f6f7f9; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--fg); background:var(--bg); }
header { border-bottom:1px solid var(--line); background:var(--soft); }
nav { max-width:1200px; margin:0 auto; padding:.6rem 1rem; display:flex; gap:1rem; align-items:center; flex-wrap:wrap; }
nav a { color:var(--fg); text-decoration:none; }
nav a.brand { font-weight:700; letter-spacing:.02em; }
.nav-search { margin-left:auto; }
.nav-search input { width:18rem; padding:.3rem .5rem; border:1px solid var(--line); border-radius:4px; }
main { max-width:1200px; margin:0 auto; padding:1rem; }
h1 { font-size:1.5rem; margin:.5rem 0 1rem; }
h2 { font-size:1.15rem; margin:1.5rem 0 .5rem; border-bottom:1px solid var(--line); padding-bottom:.25rem; }
a { color:var(--accent); }
table { border-collapse:collapse; width:100%; }
th, td { text-align:left; padding:.35rem .5rem; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-weight:600; color:var(--muted); font-size:.85rem; }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
.muted { color:var(--muted); }
.small { font-size:.85rem; }
.tag { display:inline-block; padding:0 .4rem; border-radius:3px; font-size:.75rem; background:var(--soft); border:1px solid var(--line); }
.status-corroborated { color:var(--ok); border-color:var(--ok); }
.status-exclusive { color:var(--warn); border-color:var(--warn); }
.status-conflicting { color:var(--bad); border-color:var(--bad); }
.columns { display:grid; grid-template-columns:repeat(auto-fit, minmax(18rem, 1fr)); gap:1rem; }
.card { border:1px solid var(--line); border-radius:6px; padding:.6rem .8rem; background:#fff; }
.card h3 { font-size:1rem; margin:.1rem 0 .4rem; }
ul.plain { list-style:none; padding:0; margin:0; }
ul.plain > li { padding:.4rem 0; border-bottom:1px solid var(--line); }
blockquote { margin:.2rem 0; padding:.1rem .6rem; border-left:3px solid var(--line); }
mark { background:#fff3b0; padding:0 .1em; }
del { color:var(--bad); } ins { color:var(--ok); text-decoration:none; font-weight:600; }
form.filters { display:flex; gap:.5rem; flex-wrap:wrap; margin:.5rem 0 1rem; align-items:end; }
form.filters label { display:flex; flex-direction:column; font-size:.8rem; color:var(--muted); }
form.filters input, form.filters select { padding:.3rem .4rem; border:1px solid var(--line); border-radius:4px; }
button { padding:.35rem .8rem; border:1px solid var(--accent); background:var(--accent); color:#fff; border-radius:4px; cursor:pointer; }
.pager { display:flex; gap:1rem; margin:1rem 0; }
.timeline { list-style:none; padding-left:1rem; border-left:2px solid var(--line); }
.timeline li { margin:.3rem 0; }
article.text p { max-width:48rem; }
.message { color:var(--muted); }
"#;
