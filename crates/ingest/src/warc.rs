//! WARC reading (ISO 28500), with the Common Crawl CC-NEWS layout in mind: each
//! record is its own gzip member, so a record's offset is the offset of its member
//! and a corrupt member does not hide the records before it.
//!
//! We parse WARC ourselves rather than through a crate because we need each
//! record's exact byte offset (for `SourceRef::Warc`), a per-record size cap that
//! skips over oversized records without buffering them, and a clean stop with a
//! reject at the first truncated member.

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, Read};

use flate2::bufread::GzDecoder;
use parallax_model::{Reject, RejectReason, SourceRef};

use crate::{DocKind, Hints, IngestConfig, RawDoc, Unit};

/// A `BufRead` that counts the bytes consumed from it.
struct Counting<R> {
    inner: R,
    pos: u64,
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.pos += amt as u64;
        self.inner.consume(amt);
    }
}

struct Record {
    headers: BTreeMap<String, String>,
    /// `None` when the block was larger than the cap and was skipped.
    block: Option<Vec<u8>>,
    length: u64,
}

/// Reads a WARC file whose records are gzip members (`.warc.gz`).
pub(crate) fn read_gz<R: BufRead>(
    reader: R,
    path: &str,
    cfg: &IngestConfig,
    sink: &mut dyn FnMut(Unit),
) {
    let mut r = Counting { inner: reader, pos: 0 };
    loop {
        let member_offset = r.pos;
        match r.fill_buf() {
            Ok([]) => return,
            Ok(_) => {}
            Err(e) => {
                sink(reject(path, member_offset, RejectReason::Io, format!("read failed: {e}")));
                return;
            }
        }
        let mut member = BufReader::new(GzDecoder::new(&mut r));
        loop {
            match next_record(&mut member, cfg.max_record_bytes) {
                Ok(Some(rec)) => handle(rec, path, member_offset, cfg, sink),
                Ok(None) => break,
                Err(e) => {
                    sink(reject(
                        path,
                        member_offset,
                        RejectReason::Truncated,
                        format!(
                            "corrupt or truncated gzip/WARC record ({e}); rest of the file skipped"
                        ),
                    ));
                    return;
                }
            }
        }
    }
}

/// Reads an uncompressed WARC file.
pub(crate) fn read_plain<R: BufRead>(
    reader: R,
    path: &str,
    cfg: &IngestConfig,
    sink: &mut dyn FnMut(Unit),
) {
    let mut r = Counting { inner: reader, pos: 0 };
    loop {
        if let Err(e) = skip_blank_lines(&mut r) {
            sink(reject(path, r.pos, RejectReason::Io, format!("read failed: {e}")));
            return;
        }
        let offset = r.pos;
        match next_record(&mut r, cfg.max_record_bytes) {
            Ok(Some(rec)) => handle(rec, path, offset, cfg, sink),
            Ok(None) => return,
            Err(e) => {
                sink(reject(
                    path,
                    offset,
                    RejectReason::Truncated,
                    format!("corrupt or truncated WARC record ({e}); rest of the file skipped"),
                ));
                return;
            }
        }
    }
}

fn skip_blank_lines<R: BufRead>(r: &mut R) -> io::Result<()> {
    loop {
        let buf = r.fill_buf()?;
        let n = buf.iter().take_while(|b| matches!(b, b'\r' | b'\n')).count();
        if n == 0 {
            return Ok(());
        }
        r.consume(n);
    }
}

fn invalid(msg: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg.into())
}

/// Reads one record; `Ok(None)` at a clean end of input.
fn next_record<R: BufRead>(r: &mut R, max_block: u64) -> io::Result<Option<Record>> {
    skip_blank_lines(r)?;
    let mut line = Vec::new();
    let mut limited = r.take(64 * 1024);
    if limited.read_until(b'\n', &mut line)? == 0 {
        return Ok(None);
    }
    if !line.starts_with(b"WARC/") {
        return Err(invalid("not a WARC record header"));
    }
    let mut headers = BTreeMap::new();
    let mut header_bytes = line.len();
    loop {
        line.clear();
        let n = r.take(64 * 1024).read_until(b'\n', &mut line)?;
        if n == 0 {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "WARC header ends early"));
        }
        header_bytes += n;
        if header_bytes > 256 * 1024 {
            return Err(invalid("WARC header larger than 256 KiB"));
        }
        let l = String::from_utf8_lossy(&line);
        let l = l.trim_end_matches(['\r', '\n']);
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let length: u64 = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| invalid("WARC record without a valid Content-Length"))?;
    if length > max_block {
        let skipped = io::copy(&mut r.take(length), &mut io::sink())?;
        if skipped < length {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "WARC block ends early"));
        }
        return Ok(Some(Record { headers, block: None, length }));
    }
    let mut block = Vec::with_capacity(length as usize);
    let got = r.take(length).read_to_end(&mut block)?;
    if (got as u64) < length {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            format!("WARC block ends after {got} of {length} bytes"),
        ));
    }
    Ok(Some(Record { headers, block: Some(block), length }))
}

fn reject(path: &str, offset: u64, reason: RejectReason, detail: String) -> Unit {
    Unit::Reject(Reject::new(SourceRef::Warc { path: path.to_string(), offset }, reason, detail))
}

fn handle(rec: Record, path: &str, offset: u64, cfg: &IngestConfig, sink: &mut dyn FnMut(Unit)) {
    let warc_type = rec.headers.get("warc-type").map(String::as_str).unwrap_or("");
    let target = rec.headers.get("warc-target-uri").cloned();
    let is_http = rec
        .headers
        .get("content-type")
        .is_some_and(|c| c.to_ascii_lowercase().starts_with("application/http"));
    // Only captured pages can be articles; requests, metadata, warcinfo and
    // revisits describe the crawl, not content.
    if !matches!(warc_type, "response" | "resource") || (warc_type == "response" && !is_http) {
        return;
    }
    let Some(block) = rec.block else {
        sink(reject(
            path,
            offset,
            RejectReason::TooLarge,
            format!(
                "record of {} bytes is over the {} byte limit",
                rec.length, cfg.max_record_bytes
            ),
        ));
        return;
    };
    let (content_type, body) = if warc_type == "response" {
        match parse_http(&block, cfg.max_record_bytes) {
            Ok(x) => x,
            Err(detail) => {
                sink(reject(path, offset, RejectReason::NotArticle, detail));
                return;
            }
        }
    } else {
        (rec.headers.get("content-type").cloned(), block)
    };
    let html_type = content_type.as_deref().is_some_and(|c| {
        let c = c.to_ascii_lowercase();
        c.contains("html")
    });
    if !html_type && !parallax_html::looks_like_html(&body) {
        let ct = content_type.as_deref().unwrap_or("no content type");
        sink(reject(path, offset, RejectReason::NotArticle, format!("payload is not HTML ({ct})")));
        return;
    }
    let mut meta = BTreeMap::new();
    if let Some(id) = rec.headers.get("warc-record-id") {
        meta.insert("warc_record_id".into(), serde_json::Value::String(id.clone()));
    }
    let warc_date = rec.headers.get("warc-date").cloned();
    if let Some(d) = &warc_date {
        meta.insert("warc_date".into(), serde_json::Value::String(d.clone()));
    }
    let hints = Hints {
        url: target,
        // WARC-Date is the crawl time: only a fallback for pages that give no date.
        published_fallback: warc_date.as_deref().and_then(parallax_model::time::parse),
        meta,
        ..Hints::default()
    };
    sink(Unit::Doc(RawDoc {
        source: SourceRef::Warc { path: path.to_string(), offset },
        kind: DocKind::Html { bytes: body, content_type },
        hints,
    }));
}

/// Splits an HTTP response into its content type and decoded body.
fn parse_http(block: &[u8], max: u64) -> Result<(Option<String>, Vec<u8>), String> {
    let split = find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| find(block, b"\n\n").map(|i| (i, i + 2)))
        .ok_or("HTTP response without a header end")?;
    let head = String::from_utf8_lossy(&block[..split.0]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    let status: u16 =
        status_line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    if !(200..300).contains(&status) {
        return Err(format!("HTTP status {status} ({})", status_line.trim()));
    }
    let mut content_type = None;
    let mut chunked = false;
    let mut gzipped = false;
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            let k = k.trim().to_ascii_lowercase();
            let v = v.trim();
            match k.as_str() {
                "content-type" => content_type = Some(v.to_string()),
                "transfer-encoding" => chunked = v.eq_ignore_ascii_case("chunked"),
                "content-encoding" => gzipped = v.eq_ignore_ascii_case("gzip"),
                _ => {}
            }
        }
    }
    let mut body = block[split.1..].to_vec();
    // Crawlers usually store the payload decoded but keep the original headers,
    // so only decode when the bytes really look encoded.
    if chunked && let Some(b) = dechunk(&body) {
        body = b;
    }
    if gzipped && body.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&body[..])
            .take(max + 1)
            .read_to_end(&mut out)
            .map_err(|e| format!("gzip payload does not decode: {e}"))?;
        if out.len() as u64 > max {
            return Err("gzip payload decompresses over the size limit".into());
        }
        body = out;
    }
    Ok((content_type, body))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decodes an HTTP/1.1 chunked body; `None` when it is not chunked after all.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let eol = find(b, b"\r\n")?;
        let size_str = std::str::from_utf8(&b[..eol]).ok()?;
        let size = usize::from_str_radix(size_str.split(';').next()?.trim(), 16).ok()?;
        b = &b[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(..size)?);
        b = b.get(size..)?;
        b = b.strip_prefix(b"\r\n").unwrap_or(b);
    }
}

/// Writes one WARC/1.0 record (uncompressed) to `out`: a `response` record for
/// `target_uri` captured at `date` (RFC 3339) whose block is `http_response`
/// (status line, headers, blank line, body). Used by tests and example builders;
/// gzip each record separately to get the CC-NEWS layout.
pub fn write_record(out: &mut Vec<u8>, target_uri: &str, date: &str, http_response: &[u8]) {
    let id = xxhash_id(target_uri, date);
    out.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\n");
    out.extend_from_slice(format!("WARC-Target-URI: {target_uri}\r\n").as_bytes());
    out.extend_from_slice(format!("WARC-Date: {date}\r\n").as_bytes());
    out.extend_from_slice(format!("WARC-Record-ID: <urn:uuid:{id}>\r\n").as_bytes());
    out.extend_from_slice(b"Content-Type: application/http; msgtype=response\r\n");
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", http_response.len()).as_bytes());
    out.extend_from_slice(http_response);
    out.extend_from_slice(b"\r\n\r\n");
}

fn xxhash_id(a: &str, b: &str) -> String {
    let h = parallax_model::content_hash(&format!("{a} {b}"));
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        h >> 32,
        (h >> 16) & 0xffff,
        h & 0xfff,
        (h >> 4) & 0xfff,
        h & 0xffff_ffff_ffff
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dechunks_bodies() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n").as_deref(),
            Some(&b"hello world"[..])
        );
        assert_eq!(dechunk(b"<html>"), None);
    }

    #[test]
    fn http_status_and_type() {
        let ok = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html>";
        let (ct, body) = parse_http(ok, 1 << 20).unwrap_or_default();
        assert_eq!(ct.as_deref(), Some("text/html; charset=utf-8"));
        assert_eq!(body, b"<html>");
        let redirect = b"HTTP/1.1 301 Moved Permanently\r\nLocation: /x\r\n\r\n";
        assert!(parse_http(redirect, 1 << 20).unwrap_err().contains("301"));
    }
}
