//! JSON Lines, JSON arrays and single JSON objects of articles.
//!
//! Recognised fields (first match wins; aliases in brackets):
//! `url` [`link`], `title` [`headline`], `text` [`body`, `content`, `articleBody`,
//! `maintext`], `html` [`raw_html`] (an HTML page to extract instead of `text`),
//! `outlet` [`source`, `site`, `site_name`, `publisher`; a string or an object with
//! `name`], `published` [`date`, `published_at`, `publish_date`, `date_publish`,
//! `datePublished`, `pubDate`], `language` [`lang`], `authors` [`author`; a string,
//! or an array of strings or objects with `name`]. Every other field is kept in the
//! article's `meta` map, as is a `published` value that does not parse.

use std::collections::BTreeMap;
use std::io::{BufRead, Read};

use parallax_model::{Reject, RejectReason, SourceRef};
use serde_json::{Map, Value};

use crate::{DocKind, Hints, IngestConfig, RawDoc, Unit};

/// Reads JSON Lines (also a file holding a single pretty-printed object).
pub(crate) fn read_lines<R: BufRead>(
    reader: R,
    path: &str,
    hints: &Hints,
    cfg: &IngestConfig,
    sink: &mut dyn FnMut(Unit),
) {
    let mut reader = reader;
    let mut line_no = 0u64;
    let mut buf = Vec::new();
    // When the first non-blank line alone ends early, the file may hold one
    // pretty-printed object: its lines are collected here (from line `.0`). If they
    // do not make one object after all, they are read again as JSON Lines, so a
    // broken first line does not cost the good lines after it.
    let mut pending: Option<(u64, Vec<u8>)> = None;
    let mut seen_content = false;
    loop {
        buf.clear();
        let n = match reader.by_ref().take(cfg.max_record_bytes + 1).read_until(b'\n', &mut buf) {
            Ok(n) => n,
            Err(e) => {
                if let Some((start, acc)) = pending.take() {
                    replay_lines(&acc, start, path, hints, sink);
                }
                let src = SourceRef::Json { path: path.to_string(), line: line_no + 1 };
                sink(Unit::Reject(Reject::new(src, RejectReason::Io, format!("read failed: {e}"))));
                return;
            }
        };
        if n == 0 {
            break;
        }
        line_no += 1;
        if n as u64 > cfg.max_record_bytes {
            if let Some((start, acc)) = pending.take() {
                replay_lines(&acc, start, path, hints, sink);
            }
            let src = SourceRef::Json { path: path.to_string(), line: line_no };
            sink(Unit::Reject(Reject::new(
                src,
                RejectReason::TooLarge,
                format!(
                    "line is over the {} byte limit; rest of the file skipped",
                    cfg.max_record_bytes
                ),
            )));
            return;
        }
        if let Some((_, acc)) = pending.as_mut() {
            acc.extend_from_slice(&buf);
            if acc.len() as u64 > cfg.max_file_bytes
                && let Some((start, acc)) = pending.take()
            {
                // Too big for one object: JSON Lines after all.
                replay_lines(&acc, start, path, hints, sink);
            }
            continue;
        }
        // A UTF-8 byte order mark may open the file.
        let line = if line_no == 1 { strip_bom(&buf) } else { &buf[..] };
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let first = !seen_content;
        seen_content = true;
        match serde_json::from_slice::<Value>(line) {
            Err(e) if first && e.is_eof() => pending = Some((line_no, line.to_vec())),
            res => sink(line_unit(res, line_no, path, hints)),
        }
    }
    if let Some((line, acc)) = pending {
        match serde_json::from_slice::<Value>(&acc) {
            Ok(v) => {
                sink(value_to_unit(v, SourceRef::Json { path: path.to_string(), line }, hints))
            }
            Err(_) => replay_lines(&acc, line, path, hints, sink),
        }
    }
}

/// The unit for one parsed (or unparsable) JSON Lines line.
fn line_unit(res: serde_json::Result<Value>, line_no: u64, path: &str, hints: &Hints) -> Unit {
    let src = SourceRef::Json { path: path.to_string(), line: line_no };
    match res {
        Ok(v) => value_to_unit(v, src, hints),
        Err(e) => Unit::Reject(Reject::new(
            src,
            RejectReason::MalformedJson,
            format!("line {line_no} is not valid JSON: {e}"),
        )),
    }
}

/// Reads collected lines (the first is line `start`) one by one as JSON Lines.
fn replay_lines(acc: &[u8], start: u64, path: &str, hints: &Hints, sink: &mut dyn FnMut(Unit)) {
    for (i, line) in acc.split(|&b| b == b'\n').enumerate() {
        if !line.iter().all(u8::is_ascii_whitespace) {
            let res = serde_json::from_slice::<Value>(line);
            sink(line_unit(res, start + i as u64, path, hints));
        }
    }
}

/// Reads a JSON array of articles held in memory.
pub(crate) fn read_array(bytes: &[u8], path: &str, hints: &Hints, sink: &mut dyn FnMut(Unit)) {
    match serde_json::from_slice::<Value>(strip_bom(bytes)) {
        Ok(Value::Array(items)) => {
            if items.is_empty() {
                sink(Unit::Reject(Reject::new(
                    SourceRef::Json { path: path.to_string(), line: 0 },
                    RejectReason::Empty,
                    "empty JSON array",
                )));
            }
            for (i, v) in items.into_iter().enumerate() {
                let src = SourceRef::Json { path: path.to_string(), line: i as u64 + 1 };
                sink(value_to_unit(v, src, hints));
            }
        }
        Ok(other) => {
            sink(value_to_unit(other, SourceRef::Json { path: path.to_string(), line: 1 }, hints))
        }
        Err(e) => sink(Unit::Reject(Reject::new(
            SourceRef::file(path),
            RejectReason::MalformedJson,
            format!("not valid JSON: {e}"),
        ))),
    }
}

/// `bytes` without a leading UTF-8 byte order mark.
fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)
}

fn take_str(obj: &mut Map<String, Value>, keys: &[&str]) -> Option<String> {
    for k in keys {
        match obj.get(*k) {
            Some(Value::String(s)) if !s.trim().is_empty() => {
                let s = s.clone();
                obj.remove(*k);
                return Some(s);
            }
            Some(Value::Object(o)) => {
                if let Some(Value::String(name)) = o.get("name") {
                    let s = name.clone();
                    obj.remove(*k);
                    return Some(s);
                }
            }
            _ => {}
        }
    }
    None
}

fn take_authors(obj: &mut Map<String, Value>) -> Vec<String> {
    let mut out = Vec::new();
    for k in ["authors", "author"] {
        let Some(v) = obj.get(k) else { continue };
        let mut push = |v: &Value| match v {
            Value::String(s) => out.push(s.clone()),
            Value::Object(o) => {
                if let Some(Value::String(n)) = o.get("name") {
                    out.push(n.clone());
                }
            }
            _ => {}
        };
        match v {
            Value::Array(items) => items.iter().for_each(&mut push),
            other => push(other),
        }
        obj.remove(k);
    }
    out
}

/// Turns one JSON value into a document or a reject.
pub(crate) fn value_to_unit(v: Value, source: SourceRef, base: &Hints) -> Unit {
    let Value::Object(mut obj) = v else {
        return Unit::Reject(Reject::new(
            source,
            RejectReason::MalformedJson,
            "expected a JSON object with at least a \"text\" or \"html\" field",
        ));
    };
    let mut hints = base.clone();
    if let Some(u) = take_str(&mut obj, &["url", "link"]) {
        hints.url = Some(u);
    }
    if let Some(t) = take_str(&mut obj, &["title", "headline"]) {
        hints.title = Some(t);
    }
    if let Some(o) = take_str(&mut obj, &["outlet", "source", "site", "site_name", "publisher"]) {
        hints.outlet = Some(o);
    }
    if let Some(p) = take_str(
        &mut obj,
        &[
            "published",
            "date",
            "published_at",
            "publish_date",
            "date_publish",
            "datePublished",
            "pubDate",
        ],
    ) {
        match parallax_model::time::parse(&p) {
            Some(pt) => hints.published = Some(pt),
            None => {
                hints.meta.insert("published_unparsed".into(), Value::String(p));
            }
        }
    }
    if let Some(l) = take_str(&mut obj, &["language", "lang"]) {
        hints.language = Some(l);
    }
    hints.authors.extend(take_authors(&mut obj));
    let html = take_str(&mut obj, &["html", "raw_html"]);
    let text = take_str(&mut obj, &["text", "body", "content", "articleBody", "maintext"]);
    let meta: BTreeMap<String, Value> = obj.into_iter().collect();
    hints.meta.extend(meta);
    let kind = match (text, html) {
        (_, Some(h)) => DocKind::Html { bytes: h.into_bytes(), content_type: None },
        (Some(t), None) => {
            DocKind::Paragraphs { paragraphs: t.lines().map(str::to_string).collect() }
        }
        (None, None) => {
            return Unit::Reject(Reject::new(
                source,
                RejectReason::MissingField,
                "article object has no non-empty \"text\" (or \"html\") field",
            ));
        }
    };
    Unit::Doc(RawDoc { source, kind, hints })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(input: &str) -> Vec<Unit> {
        let mut out = Vec::new();
        read_lines(
            input.as_bytes(),
            "t.jsonl",
            &Hints::default(),
            &IngestConfig::default(),
            &mut |u| out.push(u),
        );
        out
    }

    #[test]
    fn lines_fields_and_meta() {
        let u = units(
            "{\"url\":\"https://a.example/x\",\"title\":\"T\",\"text\":\"P1\\n\\nP2\",\"outlet\":{\"name\":\"A\"},\"published\":\"2025-04-04T10:00:00Z\",\"section\":\"world\"}\n\nnot json\n{\"title\":\"no text\"}\n[1]\n",
        );
        assert_eq!(u.len(), 4);
        let Unit::Doc(d) = &u[0] else { panic!("doc expected") };
        assert_eq!(d.hints.outlet.as_deref(), Some("A"));
        assert_eq!(d.hints.meta.get("section"), Some(&Value::String("world".into())));
        assert!(d.hints.published.is_some());
        let reasons: Vec<_> = u[1..]
            .iter()
            .map(|u| match u {
                Unit::Reject(r) => (r.reason, r.source.to_string()),
                _ => panic!("reject expected"),
            })
            .collect();
        assert_eq!(
            reasons,
            vec![
                (RejectReason::MalformedJson, "t.jsonl:3".to_string()),
                (RejectReason::MissingField, "t.jsonl:4".to_string()),
                (RejectReason::MalformedJson, "t.jsonl:5".to_string()),
            ]
        );
    }

    #[test]
    fn byte_order_mark_and_leading_blank_lines() {
        let u = units("\u{feff}{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n");
        assert_eq!(u.len(), 2);
        assert!(u.iter().all(|u| matches!(u, Unit::Doc(_))));
        let u = units("\n\n{\n  \"text\": \"Hello there.\",\n  \"title\": \"Hi\"\n}\n");
        assert_eq!(u.len(), 1);
        assert!(matches!(&u[0], Unit::Doc(d) if d.hints.title.as_deref() == Some("Hi")
            && d.source == SourceRef::Json { path: "t.jsonl".into(), line: 3 }));
        // Only the first record may span lines: a later broken line is its own reject.
        let u = units("{\"text\": \"One.\"}\n{\n");
        assert!(matches!(&u[1], Unit::Reject(r) if r.reason == RejectReason::MalformedJson));
        // A first line cut short does not swallow the good lines after it.
        let u = units("{\"text\": \"cut\n\n{\"text\": \"Two.\"}\n{\"text\": \"Three.\"}\n");
        let got: Vec<String> = u
            .iter()
            .map(|u| match u {
                Unit::Doc(d) => format!("doc {}", d.source),
                Unit::Reject(r) => format!("{} {}", r.reason, r.source),
                Unit::Fetch { .. } => "fetch".into(),
            })
            .collect();
        assert_eq!(got, ["malformed_json t.jsonl:1", "doc t.jsonl:3", "doc t.jsonl:4"]);
        let mut out = Vec::new();
        read_array(
            "\u{feff}[{\"text\": \"x\"}]".as_bytes(),
            "a.json",
            &Hints::default(),
            &mut |u| out.push(u),
        );
        assert!(matches!(&out[..], [Unit::Doc(_)]));
    }

    #[test]
    fn pretty_printed_single_object() {
        let u = units("{\n  \"text\": \"Hello there.\",\n  \"title\": \"Hi\"\n}\n");
        assert_eq!(u.len(), 1);
        assert!(matches!(&u[0], Unit::Doc(d) if d.hints.title.as_deref() == Some("Hi")));
    }
}
