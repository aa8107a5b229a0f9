//! Walking inputs and dispatching on the sniffed format.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use flate2::bufread::MultiGzDecoder;
use parallax_model::{Reject, RejectReason, SourceRef};

use crate::{DocKind, Format, Hints, IngestConfig, RawDoc, Unit, feed, json, sniff, text, warc};

/// Reads one command-line input: `-` is standard input, a directory is walked
/// recursively (in name order, hidden entries skipped), anything else is a file.
pub fn read(input: &str, cfg: &IngestConfig, sink: &mut dyn FnMut(Unit)) {
    if input == "-" {
        read_stdin(cfg, sink);
    } else {
        read_path(Path::new(input), cfg, sink);
    }
}

/// Reads standard input (whole, up to `max_file_bytes`).
pub fn read_stdin(cfg: &IngestConfig, sink: &mut dyn FnMut(Unit)) {
    let mut bytes = Vec::new();
    match std::io::stdin().lock().take(cfg.max_file_bytes + 1).read_to_end(&mut bytes) {
        Ok(_) if bytes.len() as u64 > cfg.max_file_bytes => sink(Unit::Reject(Reject::new(
            SourceRef::Stdin,
            RejectReason::TooLarge,
            format!("standard input is over the {} byte limit", cfg.max_file_bytes),
        ))),
        Ok(_) => read_bytes(SourceRef::Stdin, &bytes, None, Hints::default(), cfg, sink),
        Err(e) => {
            sink(Unit::Reject(Reject::new(SourceRef::Stdin, RejectReason::Io, e.to_string())))
        }
    }
}

/// Reads a file or a directory tree.
pub fn read_path(path: &Path, cfg: &IngestConfig, sink: &mut dyn FnMut(Unit)) {
    let name = path.display().to_string();
    let io_reject = |e: std::io::Error| {
        Unit::Reject(Reject::new(
            SourceRef::file(&name),
            RejectReason::Io,
            format!("cannot read: {e}"),
        ))
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return sink(io_reject(e)),
    };
    if meta.is_dir() {
        let mut entries: Vec<_> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(Result::ok).map(|e| e.path()).collect(),
            Err(e) => return sink(io_reject(e)),
        };
        entries.sort();
        for p in entries {
            let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
            if !hidden {
                read_path(&p, cfg, sink);
            }
        }
        return;
    }
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return sink(io_reject(e)),
    };
    let mut reader = BufReader::with_capacity(64 * 1024, file);
    let head = match reader.fill_buf() {
        Ok(h) => h.to_vec(),
        Err(e) => return sink(io_reject(e)),
    };
    let ext = extension(&name);
    let hints = Hints { outlet_fallback: file_stem(&name), ..Hints::default() };

    match sniff(&head, ext.as_deref()) {
        Format::Gzip => read_gzip(reader, &name, hints, cfg, sink),
        Format::Warc => warc::read_plain(reader, &name, cfg, sink),
        Format::JsonLines => json::read_lines(reader, &name, &hints, cfg, sink),
        Format::Empty if meta.len() < 4096 => sink(Unit::Reject(Reject::new(
            SourceRef::file(&name),
            RejectReason::Empty,
            "file is empty or only white space",
        ))),
        _ => {
            if meta.len() > cfg.max_file_bytes {
                return sink(Unit::Reject(Reject::new(
                    SourceRef::file(&name),
                    RejectReason::TooLarge,
                    format!("{} bytes is over the {} byte limit", meta.len(), cfg.max_file_bytes),
                )));
            }
            let mut bytes = Vec::with_capacity(meta.len() as usize);
            if let Err(e) = reader.take(cfg.max_file_bytes + 1).read_to_end(&mut bytes) {
                return sink(io_reject(e));
            }
            read_bytes(SourceRef::file(&name), &bytes, None, hints, cfg, sink);
        }
    }
}

fn read_gzip<R: BufRead>(
    reader: R,
    name: &str,
    hints: Hints,
    cfg: &IngestConfig,
    sink: &mut dyn FnMut(Unit),
) {
    // Peek at the decompressed start to tell a WARC (streamed record by record)
    // from anything else (decompressed whole, under the size cap).
    let mut reader = reader;
    let mut peek = Vec::new();
    {
        let mut probe = flate2::bufread::GzDecoder::new(ProbeReader::new(&mut reader));
        let _ = probe.by_ref().take(16).read_to_end(&mut peek);
    }
    // `ProbeReader` did not consume from `reader`, so reading starts over here.
    if peek.starts_with(b"WARC/") {
        return warc::read_gz(reader, name, cfg, sink);
    }
    let mut bytes = Vec::new();
    let res = MultiGzDecoder::new(reader).take(cfg.max_file_bytes + 1).read_to_end(&mut bytes);
    let src = SourceRef::file(name);
    match res {
        Err(e) => sink(Unit::Reject(Reject::new(
            src,
            RejectReason::Truncated,
            format!("gzip data is corrupt or truncated: {e}"),
        ))),
        Ok(_) if bytes.len() as u64 > cfg.max_file_bytes => sink(Unit::Reject(Reject::new(
            src,
            RejectReason::TooLarge,
            format!("decompresses to over the {} byte limit", cfg.max_file_bytes),
        ))),
        Ok(_) => {
            let inner = name.strip_suffix(".gz").unwrap_or(name);
            let ext = extension(inner);
            let fmt = sniff(&bytes[..bytes.len().min(8192)], ext.as_deref());
            match fmt {
                Format::JsonLines => json::read_lines(&bytes[..], name, &hints, cfg, sink),
                _ => read_bytes(src, &bytes, None, hints, cfg, sink),
            }
        }
    }
}

/// A reader over the start of a `BufRead` buffer that does not consume it.
struct ProbeReader<'a, R> {
    inner: &'a mut R,
    pos: usize,
}

impl<'a, R: BufRead> ProbeReader<'a, R> {
    fn new(inner: &'a mut R) -> Self {
        ProbeReader { inner, pos: 0 }
    }
}

impl<R: BufRead> Read for ProbeReader<'_, R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let buf = self.inner.fill_buf()?;
        let rest = buf.get(self.pos..).unwrap_or(&[]);
        let n = rest.len().min(out.len());
        out[..n].copy_from_slice(&rest[..n]);
        self.pos += n;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for ProbeReader<'_, R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        let pos = self.pos;
        let buf = self.inner.fill_buf()?;
        Ok(buf.get(pos..).unwrap_or(&[]))
    }
    fn consume(&mut self, amt: usize) {
        self.pos += amt;
    }
}

/// Reads an input held in memory: a fetched body, standard input, a small file.
/// `content_type` is the HTTP header when the bytes were fetched.
pub fn read_bytes(
    source: SourceRef,
    bytes: &[u8],
    content_type: Option<&str>,
    hints: Hints,
    cfg: &IngestConfig,
    sink: &mut dyn FnMut(Unit),
) {
    let name = source.to_string();
    let mut hints = hints;
    let ext = match &source {
        SourceRef::File { path } => {
            if hints.outlet_fallback.is_none() {
                hints.outlet_fallback = file_stem(path);
            }
            extension(path)
        }
        _ => None,
    };
    let head = &bytes[..bytes.len().min(8192)];
    let mut fmt = sniff(head, ext.as_deref());
    // A server that says HTML is believed unless the body is clearly something else.
    if let Some(ct) = content_type.map(str::to_ascii_lowercase)
        && ct.contains("html")
        && matches!(fmt, Format::Text)
    {
        fmt = Format::Html;
    }
    let reject = |reason, detail: String| Unit::Reject(Reject::new(source.clone(), reason, detail));
    match fmt {
        Format::Empty => {
            sink(reject(RejectReason::Empty, "input is empty or only white space".into()))
        }
        Format::Binary => sink(reject(
            RejectReason::Binary,
            "binary data, not text, HTML, JSON, a feed or a WARC file".into(),
        )),
        Format::Gzip => {
            let mut out = Vec::new();
            let res = MultiGzDecoder::new(bytes).take(cfg.max_file_bytes + 1).read_to_end(&mut out);
            match res {
                Err(e) => sink(reject(
                    RejectReason::Truncated,
                    format!("gzip data is corrupt or truncated: {e}"),
                )),
                Ok(_) if out.len() as u64 > cfg.max_file_bytes => sink(reject(
                    RejectReason::TooLarge,
                    "decompresses to over the size limit".into(),
                )),
                Ok(_) if out.starts_with(&[0x1f, 0x8b]) => {
                    sink(reject(RejectReason::NotArticle, "gzip inside gzip".into()))
                }
                Ok(_) => read_bytes(source, &out, content_type, hints, cfg, sink),
            }
        }
        Format::Warc => warc::read_plain(bytes, &name, cfg, sink),
        Format::JsonArray => json::read_array(bytes, &name, &hints, sink),
        Format::JsonLines => json::read_lines(bytes, &name, &hints, cfg, sink),
        Format::Feed => feed::read(bytes, &name, &hints, cfg, sink),
        Format::Html => sink(Unit::Doc(RawDoc {
            source,
            kind: DocKind::Html {
                bytes: bytes.to_vec(),
                content_type: content_type.map(str::to_string),
            },
            hints,
        })),
        Format::Text => match text::decode(bytes) {
            Ok(t) => sink(Unit::Doc(RawDoc { source, kind: DocKind::Text { text: t }, hints })),
            Err((reason, detail)) => sink(reject(reason, detail)),
        },
    }
}

fn extension(name: &str) -> Option<String> {
    let base = name.rsplit('/').next().unwrap_or(name);
    let base = base.strip_suffix(".gz").unwrap_or(base);
    base.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())
}

fn file_stem(name: &str) -> Option<String> {
    let base = name.rsplit('/').next()?;
    let base = base.strip_suffix(".gz").unwrap_or(base);
    let stem = base.rsplit_once('.').map(|(s, _)| s).unwrap_or(base);
    (!stem.is_empty()).then(|| stem.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(extension("a/b.warc.gz").as_deref(), Some("warc"));
        assert_eq!(file_stem("dir/al-jazeera_nato.txt").as_deref(), Some("al-jazeera_nato"));
        assert_eq!(file_stem("x/page.html.gz").as_deref(), Some("page"));
    }
}
