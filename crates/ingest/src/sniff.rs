//! Content sniffing: decide the format from the first bytes, not the file name.

/// The input formats parallax recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Gzip-compressed data (a `.warc.gz`, or any other format compressed).
    Gzip,
    /// An uncompressed WARC file.
    Warc,
    /// A JSON array of article objects.
    JsonArray,
    /// JSON Lines (one object per line), or a single JSON object.
    JsonLines,
    /// An RSS, RDF or Atom feed.
    Feed,
    /// An HTML page.
    Html,
    /// Plain text.
    Text,
    /// Binary data that is none of the above.
    Binary,
    /// Nothing but white space.
    Empty,
}

/// Decides the format of `head` (the first few KiB of an input). `ext` is the
/// lower-case file extension, used only when the content is ambiguous.
pub fn sniff(head: &[u8], ext: Option<&str>) -> Format {
    if head.starts_with(&[0x1f, 0x8b]) {
        return Format::Gzip;
    }
    // UTF-16 text has NUL bytes but is text; let the text decoder handle it.
    if head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff]) {
        return Format::Text;
    }
    let body = head.strip_prefix(&[0xef, 0xbb, 0xbf]).unwrap_or(head);
    let start = body.iter().position(|b| !b.is_ascii_whitespace());
    let Some(start) = start else { return Format::Empty };
    let t = &body[start..];
    if t.starts_with(b"WARC/") {
        return Format::Warc;
    }
    if is_binary(body) {
        return Format::Binary;
    }
    let lower: Vec<u8> = t.iter().take(2048).map(u8::to_ascii_lowercase).collect();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    match t[0] {
        b'[' if !matches!(ext, Some("txt" | "html" | "htm")) => return Format::JsonArray,
        b'{' if !matches!(ext, Some("txt" | "html" | "htm")) => return Format::JsonLines,
        b'<' => {
            if has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf") {
                // An HTML page may mention "<feed" in a script; a feed never has <body>.
                if !has(b"<body") {
                    return Format::Feed;
                }
            }
            if parallax_html::looks_like_html(t) {
                return Format::Html;
            }
            if lower.starts_with(b"<?xml") {
                return match ext {
                    Some("html" | "htm" | "xhtml") => Format::Html,
                    _ => Format::Feed,
                };
            }
        }
        _ => {}
    }
    match ext {
        Some("html" | "htm" | "xhtml") if parallax_html::looks_like_html(t) => Format::Html,
        _ => Format::Text,
    }
}

/// Binary when the head holds NUL bytes or many control characters.
fn is_binary(head: &[u8]) -> bool {
    let sample = &head[..head.len().min(8192)];
    if sample.contains(&0) {
        return true;
    }
    let control =
        sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    control * 20 > sample.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_formats() {
        assert_eq!(sniff(b"\x1f\x8b\x08\x00", None), Format::Gzip);
        assert_eq!(sniff(b"WARC/1.0\r\nWARC-Type: response", None), Format::Warc);
        assert_eq!(sniff(b"  [{\"text\": \"x\"}]", None), Format::JsonArray);
        assert_eq!(
            sniff(b"{\"text\": \"x\"}\n{\"text\": \"y\"}", Some("jsonl")),
            Format::JsonLines
        );
        assert_eq!(sniff(b"<?xml version=\"1.0\"?><rss version=\"2.0\">", None), Format::Feed);
        assert_eq!(sniff(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">", None), Format::Feed);
        assert_eq!(sniff(b"<!DOCTYPE html><html><head>", None), Format::Html);
        assert_eq!(sniff(b"\xef\xbb\xbf<html lang=en><body><p>x", None), Format::Html);
        assert_eq!(sniff(b"Headline\n\nBody text.", Some("txt")), Format::Text);
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Some("txt")), Format::Binary);
        assert_eq!(sniff(b" \n\t ", None), Format::Empty);
        assert_eq!(sniff(b"[Updated] Headline\nText", Some("txt")), Format::Text);
    }
}
