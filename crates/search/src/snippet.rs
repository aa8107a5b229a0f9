//! [`Snippet`]: a short piece of a hit's text with the matched words marked,
//! and its safe HTML form.

use serde::Serialize;

/// Longest snippet, in characters (before widening to whole words and the
/// `…` marks).
pub const SNIPPET_MAX_CHARS: usize = 200;

/// Most characters a snippet is widened by on each side to reach whitespace.
const WIDEN_CHARS: usize = 16;

/// Marks text left out before or after a snippet.
const ELLIPSIS: &str = "…";

/// A piece of a hit's text (at most [`SNIPPET_MAX_CHARS`] characters) with the
/// byte ranges of the matched words.
///
/// `highlights` are sorted, non-overlapping and on character boundaries when
/// they come from the index; [`to_html`](Self::to_html) still checks them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The text, as in the article (not escaped).
    pub text: String,
    /// Byte ranges `(start, end)` into `text` of the words that matched.
    pub highlights: Vec<(usize, usize)>,
}

impl Snippet {
    /// The snippet as HTML: all text escaped (`& < > " '`), each highlight
    /// wrapped in `<mark>…</mark>`. Safe to put between tags and inside a
    /// quoted attribute, whatever the article text holds. Highlights that are
    /// out of range, not on character boundaries, empty or overlapping an
    /// earlier one are ignored.
    pub fn to_html(&self) -> String {
        let text = self.text.as_str();
        let mut ranges: Vec<(usize, usize)> = self.highlights.clone();
        ranges.sort_unstable();
        let mut out = String::with_capacity(text.len() + 16 * ranges.len());
        let mut at = 0;
        for (start, end) in ranges {
            if start < at
                || start >= end
                || end > text.len()
                || !text.is_char_boundary(start)
                || !text.is_char_boundary(end)
            {
                continue;
            }
            escape_into(&mut out, &text[at..start]);
            out.push_str("<mark>");
            escape_into(&mut out, &text[start..end]);
            out.push_str("</mark>");
            at = end;
        }
        escape_into(&mut out, &text[at..]);
        out
    }

    /// A snippet from tantivy's over `full`, or `None` when it highlights
    /// nothing. tantivy's fragment runs from the first to the last token it
    /// keeps; widen it to the whitespace on either side (by at most
    /// [`WIDEN_CHARS`]) so it keeps its punctuation (`"We …together."`), and
    /// mark with `…` where text was left out.
    pub(crate) fn from_tantivy(s: &tantivy::snippet::Snippet, full: &str) -> Option<Snippet> {
        if s.highlighted().is_empty() {
            return None;
        }
        let range = s.fragment_range();
        if range.end > full.len()
            || !full.is_char_boundary(range.start)
            || !full.is_char_boundary(range.end)
        {
            return None;
        }
        let mut start = range.start;
        for c in full[..start].chars().rev().take(WIDEN_CHARS) {
            if c.is_whitespace() {
                break;
            }
            start -= c.len_utf8();
        }
        let mut end = range.end;
        for c in full[end..].chars().take(WIDEN_CHARS) {
            if c.is_whitespace() {
                break;
            }
            end += c.len_utf8();
        }
        let mut text = String::with_capacity(end - start + 2 * ELLIPSIS.len());
        if !full[..start].trim().is_empty() {
            text.push_str(ELLIPSIS);
        }
        let shift = text.len() + (range.start - start);
        text.push_str(&full[start..end]);
        if !full[end..].trim().is_empty() {
            text.push_str(ELLIPSIS);
        }
        let highlights = s.highlighted().iter().map(|r| (r.start + shift, r.end + shift)).collect();
        Some(Snippet { text, highlights })
    }

    /// The start of `text`, cut at a word boundary near [`SNIPPET_MAX_CHARS`],
    /// with `…` when cut; nothing highlighted. For hits where nothing in the
    /// text matched (filters only, or a match in a field not shown).
    pub(crate) fn lead(text: &str) -> Snippet {
        let text = text.trim();
        let Some((cut, _)) = text.char_indices().nth(SNIPPET_MAX_CHARS) else {
            return Snippet { text: text.to_string(), highlights: Vec::new() };
        };
        let head = &text[..cut];
        // Cut at the last space if it leaves most of the text.
        let head = match head.rfind(char::is_whitespace) {
            Some(sp) if sp > cut / 2 => &head[..sp],
            _ => head,
        };
        Snippet { text: format!("{}{ELLIPSIS}", head.trim_end()), highlights: Vec::new() }
    }
}

fn escape_into(out: &mut String, s: &str) {
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
}

#[cfg(test)]
mod unit {
    use super::Snippet;

    #[test]
    fn html_escapes_and_marks() {
        let s = Snippet { text: "a <b> & 'c' \"d\"".into(), highlights: vec![(2, 5)] };
        assert_eq!(s.to_html(), "a <mark>&lt;b&gt;</mark> &amp; &#39;c&#39; &quot;d&quot;");
    }

    #[test]
    fn bad_ranges_are_ignored() {
        let s = Snippet {
            text: "Løkke said".into(),
            highlights: vec![(0, 2), (2, 5), (3, 2), (7, 100), (11, 11)],
        };
        // (0, 2) and (2, 5) cut "ø" in half; the rest are reversed, out of
        // range or empty: nothing is marked and nothing panics.
        assert_eq!(s.to_html(), "Løkke said");
        let s = Snippet { text: "Løkke said".into(), highlights: vec![(7, 11), (0, 6), (3, 8)] };
        assert_eq!(s.to_html(), "<mark>Løkke</mark> <mark>said</mark>");
    }

    #[test]
    fn lead_cuts_at_a_word() {
        let long = "word ".repeat(100);
        let s = Snippet::lead(&long);
        assert!(s.text.ends_with("word…"), "{}", s.text);
        assert!(s.text.chars().count() <= super::SNIPPET_MAX_CHARS + 1);
        assert_eq!(Snippet::lead("short text").text, "short text");
    }
}
