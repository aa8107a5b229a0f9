//! Plain text: decoding and title/paragraph layout.

use parallax_model::RejectReason;

/// Decodes text bytes: a BOM decides (UTF-8, UTF-16), then valid UTF-8 is taken as
/// is, then the encoding is guessed (chardetng) and decoding must be clean.
pub(crate) fn decode(bytes: &[u8]) -> Result<String, (RejectReason, String)> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (s, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err((RejectReason::BadEncoding, format!("invalid {} text", enc.name())));
        }
        return Ok(s.into_owned());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(None, chardetng::Utf8Detection::Allow);
    let (s, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        return Err((
            RejectReason::BadEncoding,
            format!("not valid UTF-8 and not valid {} either", enc.name()),
        ));
    }
    Ok(s.into_owned())
}

/// Splits a text into an optional title and its paragraphs.
///
/// The first line is a title when it is short (≤ 200 characters), does not end
/// like a sentence (`.`, `!`, `?`, `:`, `;`, `,` or a closing quote after one) and
/// more text follows. Paragraphs are separated by blank lines; when the text has
/// blank lines and its lines look hard-wrapped (short, mid-sentence breaks), the
/// lines of a block are joined; otherwise every line is a paragraph (the usual
/// layout of news text files).
pub(crate) fn layout(text: &str) -> (Option<String>, Vec<String>) {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines = text.lines().skip_while(|l| l.trim().is_empty()).peekable();
    let mut title = None;
    if let Some(first) = lines.peek().map(|l| l.trim().to_string()) {
        let rest_nonempty = text.lines().filter(|l| !l.trim().is_empty()).count() > 1;
        if rest_nonempty && is_title_like(&first) {
            title = Some(first);
            lines.next();
        }
    }
    let body: Vec<&str> = lines.collect();
    let has_blank = body.iter().any(|l| l.trim().is_empty());
    let nonempty: Vec<&&str> = body.iter().filter(|l| !l.trim().is_empty()).collect();
    let wrapped = nonempty.len() >= 3 && {
        let long_max = nonempty.iter().map(|l| l.chars().count()).max().unwrap_or(0) <= 100;
        let mid_sentence = nonempty.iter().filter(|l| !ends_sentence(l.trim())).count();
        long_max && mid_sentence * 3 >= nonempty.len()
    };
    let paragraphs = if has_blank && wrapped {
        body.split(|l| l.trim().is_empty())
            .map(|block| block.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect()
    } else {
        nonempty.iter().map(|l| l.trim().to_string()).collect()
    };
    (title, paragraphs)
}

fn ends_sentence(l: &str) -> bool {
    let l = l.trim_end_matches(['"', '\'', '”', '’', '»', '«', '“', ')', ']']);
    l.ends_with(['.', '!', '?', ':', ';', '…'])
}

fn is_title_like(l: &str) -> bool {
    let n = l.chars().count();
    (1..=200).contains(&n) && !ends_sentence(l) && !l.ends_with(',')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_then_line_paragraphs() {
        let (t, p) = layout("Headline here\n\nFirst paragraph.\nSecond paragraph.\n");
        assert_eq!(t.as_deref(), Some("Headline here"));
        assert_eq!(p, vec!["First paragraph.", "Second paragraph."]);
    }

    #[test]
    fn no_title_when_first_line_is_a_sentence() {
        let (t, p) = layout("\nRubio said this.\n“We will know soon,” he said.");
        assert_eq!(t, None);
        assert_eq!(p.len(), 2);
    }

    #[test]
    fn hard_wrapped_blocks_are_joined() {
        let text = "Title\n\nThe ministers met in the city\nfor two days and agreed\non a goal.\n\nA second\nparagraph follows here.";
        let (t, p) = layout(text);
        assert_eq!(t.as_deref(), Some("Title"));
        assert_eq!(
            p,
            vec![
                "The ministers met in the city for two days and agreed on a goal.",
                "A second paragraph follows here."
            ]
        );
    }

    #[test]
    fn decodes_legacy_encodings() {
        let latin1 = b"Caf\xe9 cr\xe8me in M\xfcnchen, \x80 5 \x96 ok";
        let s = decode(latin1).unwrap_or_default();
        assert!(s.contains("Café") && s.contains("München") && s.contains('€'));
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Hi".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16).unwrap_or_default(), "Hi");
    }
}
