//! HTML fragments (feed item content) to paragraphs.
//!
//! Feed items carry small, trusted-by-nobody HTML snippets. Running full main-text
//! extraction on them would throw away short items, so this is a plain tag walker:
//! block tags end a paragraph, `script`/`style` content is dropped, entities are
//! decoded, and everything else becomes text.

const BLOCK: [&str; 18] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "tr",
    "table",
    "figcaption",
];

/// The paragraphs of an HTML fragment (or of plain text, which passes through).
pub(crate) fn paragraphs(fragment: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut rest = fragment;
    let mut skip_until: Option<&'static str> = None;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if skip_until.is_none() {
                cur.push_str(rest);
            }
            break;
        };
        if skip_until.is_none() {
            cur.push_str(&rest[..lt]);
        }
        rest = &rest[lt..];
        let Some(gt) = rest.find('>') else {
            // An unclosed tag: treat the rest as text.
            if skip_until.is_none() {
                cur.push_str(rest);
            }
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(end) = skip_until {
            if closing && name == end {
                skip_until = None;
            }
            continue;
        }
        match name.as_str() {
            "script" if !closing => skip_until = Some("script"),
            "style" if !closing => skip_until = Some("style"),
            n if BLOCK.contains(&n) => flush(&mut cur, &mut out),
            _ => {}
        }
    }
    flush(&mut cur, &mut out);
    out
}

fn flush(cur: &mut String, out: &mut Vec<String>) {
    let decoded = html_escape::decode_html_entities(cur.as_str());
    let text: Vec<&str> = decoded.split_whitespace().collect();
    if !text.is_empty() {
        out.push(text.join(" "));
    }
    cur.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs() {
        let p =
            paragraphs("<p>One &amp; <b>two</b></p><p>Three<br>Four</p><script>alert(1)</script>");
        assert_eq!(p, vec!["One & two", "Three", "Four"]);
    }

    #[test]
    fn plain_text_and_broken_tags() {
        assert_eq!(paragraphs("just text"), vec!["just text"]);
        assert_eq!(paragraphs("a <b unclosed"), vec!["a <b unclosed"]);
        assert!(paragraphs("<style>p{}</style>").is_empty());
    }
}
