//! Bytes → text: charset detection and decoding.

use encoding_rs::{Encoding, UTF_8};

use crate::HtmlError;
use crate::scan::{Scanner, Token};

/// How far into the page a `<meta charset>` is looked for.
const PRESCAN_BYTES: usize = 4096;

/// The charset named in a `Content-Type` value (`text/html; charset=ISO-8859-1`).
fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches(['"', '\'']))
    })
}

/// An encoding for a label, with the HTML rule that a UTF-16 label in a meta tag
/// means UTF-8 (a page that can be read as ASCII is not UTF-16).
fn for_meta_label(label: &str) -> Option<&'static Encoding> {
    let enc = Encoding::for_label(label.trim().as_bytes())?;
    Some(if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE { UTF_8 } else { enc })
}

/// `<meta charset=...>` or `<meta http-equiv=content-type content="...charset=...">`
/// within the first [`PRESCAN_BYTES`].
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    // The prescan only needs ASCII: read the bytes as Latin-1-ish lossy text.
    let text = String::from_utf8_lossy(head);
    for tok in Scanner::new(&text) {
        let Token::Start(tag) = tok else { continue };
        if !tag.is("meta") {
            continue;
        }
        if let Some(cs) = tag.attr("charset") {
            return for_meta_label(&cs);
        }
        let is_ct = tag.attr("http-equiv").is_some_and(|h| h.eq_ignore_ascii_case("content-type"));
        if is_ct
            && let Some(content) = tag.attr("content")
            && let Some(cs) = charset_param(&content)
        {
            return for_meta_label(cs);
        }
    }
    None
}

/// Decodes with `enc`; returns the text and how many U+FFFD it introduced.
fn decode_with(bytes: &[u8], enc: &'static Encoding) -> (String, usize) {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if !had_errors {
        return (text.into_owned(), 0);
    }
    // Count replacements beyond the U+FFFD literally present in UTF-8 input.
    let produced = text.matches('\u{FFFD}').count();
    let literal = if enc == UTF_8 {
        bytes.windows(3).filter(|w| *w == [0xEF, 0xBF, 0xBD]).count()
    } else {
        0
    };
    (text.into_owned(), produced.saturating_sub(literal))
}

/// True when `replaced` of `chars` characters is too much to be a usable page.
fn too_many_errors(replaced: usize, chars: usize) -> bool {
    replaced > 16 && replaced * 50 > chars
}

/// Decodes HTML bytes to text.
///
/// The charset is chosen in this order: a byte-order mark; the `charset` of the HTTP
/// `Content-Type` header; a `<meta charset>` or `http-equiv` declaration in the first
/// 4 KB; else a guess by `chardetng` (valid UTF-8 is taken as UTF-8 at once). A
/// declared charset that produces decoding errors while the bytes are valid UTF-8
/// (a common header/meta mismatch) gives way to UTF-8. If more than 2% of the
/// characters (and over 16) cannot be decoded, the result is
/// [`HtmlError::BadEncoding`].
///
/// Returns the text and the name of the encoding used.
pub fn decode(
    bytes: &[u8],
    content_type_header: Option<&str>,
) -> Result<(String, &'static str), HtmlError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return finish(bytes.get(bom_len..).unwrap_or_default(), enc);
    }
    let declared = content_type_header
        .and_then(charset_param)
        .and_then(|l| Encoding::for_label(l.as_bytes()))
        .or_else(|| meta_charset(bytes));
    let utf8_ok = std::str::from_utf8(bytes).is_ok();
    let enc = match declared {
        // A page declared as legacy but valid UTF-8 with non-ASCII is almost surely UTF-8.
        Some(enc) if enc != UTF_8 && utf8_ok && !bytes.is_ascii() && enc.is_ascii_compatible() => {
            UTF_8
        }
        Some(enc) if enc == UTF_8 && !utf8_ok => {
            // Declared UTF-8 but not valid: let the detector decide.
            let guess = guess(bytes);
            let (_, replaced) = decode_with(bytes, UTF_8);
            if replaced > 0 && guess != UTF_8 { guess } else { UTF_8 }
        }
        Some(enc) => enc,
        None if utf8_ok => UTF_8,
        None => guess(bytes),
    };
    finish(bytes, enc)
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(&bytes[..bytes.len().min(64 * 1024)], true);
    det.guess(None, chardetng::Utf8Detection::Allow)
}

fn finish(bytes: &[u8], enc: &'static Encoding) -> Result<(String, &'static str), HtmlError> {
    let (text, replaced) = decode_with(bytes, enc);
    if replaced > 0 {
        let chars = text.chars().count();
        if too_many_errors(replaced, chars) {
            return Err(HtmlError::BadEncoding { encoding: enc.name(), replaced, chars });
        }
    }
    Ok((text, enc.name()))
}

/// Content sniffing: true when the bytes look like an HTML document.
///
/// After an optional byte-order mark and white space, the first 1 KB must start with
/// `<` and hold one of `<!doctype html`, `<html`, `<head`, `<body`, `<p`, `<div`,
/// `<meta`, `<title` or `<article` (ASCII case-insensitive). UTF-16 input (with a BOM)
/// is decoded first.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let window: std::borrow::Cow<'_, [u8]> = match Encoding::for_bom(bytes) {
        Some((enc, bom)) if enc != UTF_8 => {
            let end = bytes.len().min(bom + 2048);
            let (text, _) =
                enc.decode_without_bom_handling(bytes.get(bom..end).unwrap_or_default());
            std::borrow::Cow::Owned(text.into_owned().into_bytes())
        }
        Some((_, bom)) => std::borrow::Cow::Borrowed(bytes.get(bom..).unwrap_or_default()),
        None => std::borrow::Cow::Borrowed(bytes),
    };
    let start = window.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(window.len());
    let head = &window[start..window.len().min(start + 1024)];
    if head.first() != Some(&b'<') {
        return false;
    }
    const MARKERS: [&[u8]; 9] = [
        b"<!doctype html",
        b"<html",
        b"<head",
        b"<body",
        b"<p",
        b"<div",
        b"<meta",
        b"<title",
        b"<article",
    ];
    MARKERS.iter().any(|m| head.windows(m.len()).any(|w| w.eq_ignore_ascii_case(m)))
}
