//! A small, allocation-free HTML tag scanner.
//!
//! It walks a document once, yielding start tags, end tags and text runs, and skips
//! comments, doctypes and the raw text of `script`/`style`-like elements (whose text
//! is returned as one [`Token::Raw`] run). It builds no tree, so it cannot recurse
//! or blow the stack on deeply nested markup. Metadata, charset sniffing and the
//! nesting-depth guard use it instead of a second DOM parse.

use std::borrow::Cow;

/// One token of the document.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Token<'a> {
    /// A start tag (`<name attrs>`).
    Start(Tag<'a>),
    /// An end tag; the name as written.
    End(&'a str),
    /// Text between tags (entities not yet decoded).
    Text(&'a str),
    /// The raw text content of a raw-text element (`script`, `style`, `title`, ...).
    Raw(&'a str),
}

/// A start tag: its name as written and its raw attribute text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tag<'a> {
    pub(crate) name: &'a str,
    attrs: &'a str,
    pub(crate) self_closing: bool,
}

impl<'a> Tag<'a> {
    /// True when the tag name is `name` (ASCII case-insensitive).
    pub(crate) fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    /// The value of attribute `name` (case-insensitive), entities decoded.
    pub(crate) fn attr(&self, name: &str) -> Option<Cow<'a, str>> {
        Attrs { rest: self.attrs }
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| decode_entities(v))
    }
}

/// Decodes character references (`&amp;`, `&#39;`, `&rsquo;`...).
pub(crate) fn decode_entities(s: &str) -> Cow<'_, str> {
    if s.contains('&') { html_escape::decode_html_entities(s) } else { Cow::Borrowed(s) }
}

struct Attrs<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Attrs<'a> {
    type Item = (&'a str, &'a str);
    fn next(&mut self) -> Option<Self::Item> {
        let s = self.rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if s.is_empty() {
            return None;
        }
        let name_end = s
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/')
            .unwrap_or(s.len())
            .max(1.min(s.len()));
        let name = &s[..name_end];
        let after = s[name_end..].trim_start_matches(|c: char| c.is_ascii_whitespace());
        let Some(v) = after.strip_prefix('=') else {
            self.rest = after;
            return Some((name, ""));
        };
        let v = v.trim_start_matches(|c: char| c.is_ascii_whitespace());
        let (value, rest) = match v.as_bytes().first() {
            Some(&q @ (b'"' | b'\'')) => {
                let body = &v[1..];
                match body.find(q as char) {
                    Some(end) => (&body[..end], &body[end + 1..]),
                    None => (body, ""),
                }
            }
            _ => {
                let end = v.find(|c: char| c.is_ascii_whitespace()).unwrap_or(v.len());
                (&v[..end], &v[end..])
            }
        };
        self.rest = rest;
        Some((name, value))
    }
}

const RAW_TEXT: [&str; 9] =
    ["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "template"];

/// Iterator over the tokens of an HTML document.
pub(crate) struct Scanner<'a> {
    src: &'a str,
    pos: usize,
    /// Set after a raw-text start tag: its name, to find the end tag.
    raw_end: Option<&'a str>,
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(src: &'a str) -> Self {
        Scanner { src, pos: 0, raw_end: None }
    }
}

/// Finds `</name` (ASCII case-insensitive) in `hay`.
fn find_end_tag(hay: &str, name: &str) -> Option<usize> {
    let bytes = hay.as_bytes();
    let mut from = 0;
    while let Some(i) = hay.get(from..).and_then(|h| h.find("</")) {
        let at = from + i;
        let start = at + 2;
        let end = start + name.len();
        if bytes.get(start..end).is_some_and(|b| b.eq_ignore_ascii_case(name.as_bytes())) {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

impl<'a> Iterator for Scanner<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let src = self.src;
        loop {
            let rest = src.get(self.pos..)?;
            if rest.is_empty() {
                return None;
            }
            if let Some(name) = self.raw_end.take() {
                let end = find_end_tag(rest, name).unwrap_or(rest.len());
                self.pos += end;
                if end > 0 {
                    return Some(Token::Raw(&rest[..end]));
                }
                continue;
            }
            let Some(lt) = rest.find('<') else {
                self.pos = src.len();
                return Some(Token::Text(rest));
            };
            if lt > 0 {
                self.pos += lt;
                return Some(Token::Text(&rest[..lt]));
            }
            let after = &rest[1..];
            if let Some(c) = after.strip_prefix("!--") {
                let end = c.find("-->").map_or(rest.len(), |e| 4 + e + 3);
                self.pos += end;
                continue;
            }
            if after.starts_with('!') || after.starts_with('?') {
                let end = rest.find('>').map_or(rest.len(), |e| e + 1);
                self.pos += end;
                continue;
            }
            let (closing, body) = match after.strip_prefix('/') {
                Some(b) => (true, b),
                None => (false, after),
            };
            if !body.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
                // A lone '<' is text.
                self.pos += 1;
                return Some(Token::Text("<"));
            }
            let tag_len = tag_end(body);
            let consumed = 1 + usize::from(closing) + tag_len;
            let inner = &body[..tag_len];
            let inner = inner.strip_suffix('>').unwrap_or(inner);
            self.pos += consumed;
            let name_end = inner
                .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
                .unwrap_or(inner.len());
            let name = &inner[..name_end];
            if closing {
                return Some(Token::End(name));
            }
            let attrs = &inner[name_end..];
            let self_closing = attrs.trim_end().ends_with('/');
            if let Some(raw) = RAW_TEXT.iter().find(|r| name.eq_ignore_ascii_case(r)) {
                self.raw_end = Some(raw);
            }
            return Some(Token::Start(Tag { name, attrs, self_closing }));
        }
    }
}

/// Length of a tag body up to and including its `>` (quotes respected).
fn tag_end(body: &str) -> usize {
    let mut quote: Option<u8> = None;
    for (i, &b) in body.as_bytes().iter().enumerate() {
        match (quote, b) {
            (None, b'>') => return i + 1,
            (None, b'"' | b'\'') => {
                // Quotes only open an attribute value right after '='.
                let prev = body.as_bytes()[..i].iter().rev().find(|c| !c.is_ascii_whitespace());
                if prev == Some(&b'=') {
                    quote = Some(b);
                }
            }
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
    }
    body.len()
}

/// Elements that never have an end tag.
pub(crate) fn is_void(name: &str) -> bool {
    const VOID: [&str; 14] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "param",
    ];
    VOID.iter().any(|v| name.eq_ignore_ascii_case(v))
}

/// A rough upper bound of the element nesting depth, for the deep-nesting guard.
///
/// Elements whose end tag may be omitted (`p`, `li`, ...) are not counted, so a page of
/// unclosed paragraphs does not look deep.
pub(crate) fn max_depth(src: &str) -> usize {
    const OPTIONAL_END: [&str; 12] =
        ["p", "li", "dt", "dd", "tr", "td", "th", "option", "tbody", "thead", "html", "body"];
    let counted = |n: &str| !is_void(n) && !OPTIONAL_END.iter().any(|o| n.eq_ignore_ascii_case(o));
    let (mut depth, mut max) = (0usize, 0usize);
    for tok in Scanner::new(src) {
        match tok {
            Token::Start(t) if !t.self_closing && counted(t.name) => {
                depth += 1;
                max = max.max(depth);
            }
            Token::End(n) if counted(n) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_tags_attrs_and_raw_text() {
        let html = r#"<!DOCTYPE html><html LANG=en><!-- <p>no --><meta property='og:title' content="A &amp; B">
<script type="application/ld+json">{"a":"</p>"}</script><p class=x>Hi &lt;3</p><br/></html>"#;
        let toks: Vec<Token<'_>> = Scanner::new(html).collect();
        let starts: Vec<&str> = toks
            .iter()
            .filter_map(|t| if let Token::Start(t) = t { Some(t.name) } else { None })
            .collect();
        assert_eq!(starts, ["html", "meta", "script", "p", "br"]);
        let Some(Token::Start(meta)) = toks.get(1) else { panic!("meta") };
        assert_eq!(meta.attr("content").as_deref(), Some("A & B"));
        assert_eq!(meta.attr("PROPERTY").as_deref(), Some("og:title"));
        assert!(toks.iter().any(|t| matches!(t, Token::Raw(r) if r.contains("</p>"))));
        let Some(Token::Start(html_tag)) = toks.first() else { panic!("html") };
        assert_eq!(html_tag.attr("lang").as_deref(), Some("en"));
    }

    #[test]
    fn survives_broken_markup() {
        for s in ["<", "<a", "<a href='x", "<!--", "<script>", "</", "<p <p>>", "a < b", "<\u{e9}>"]
        {
            let _ = Scanner::new(s).count();
            let _ = max_depth(s);
        }
        assert_eq!(max_depth("<div><div><p>a<p>b</div></div>"), 2);
    }
}
