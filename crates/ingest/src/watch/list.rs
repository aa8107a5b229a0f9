//! The list of feeds to watch: OPML or plain text, told apart by content.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Largest feed list read, in bytes. A list of ten thousand feeds is well under 4 MiB.
const MAX_LIST_BYTES: u64 = 16 << 20;

/// The feeds to watch, each URL once, in the order the list gave them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedList {
    /// The feeds.
    pub feeds: Vec<FeedSpec>,
}

/// One feed of a [`FeedList`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedSpec {
    /// The feed's URL, normalised by the `url` crate (lower-case scheme and host, no
    /// default port, `/` for an empty path); always `http` or `https`.
    pub url: String,
    /// The name the list gave it (OPML `title`, else `text`; the words after the URL
    /// in a text list). Only for display: the feed's own title names the outlet.
    pub title: Option<String>,
}

/// A line of a feed list that names no usable feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIssue {
    /// 1-based line number.
    pub line: usize,
    /// The offending text, cut to 120 characters.
    pub text: String,
    /// What is wrong with it.
    pub problem: String,
}

impl std::fmt::Display for LineIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {} (`{}`)", self.line, self.problem, self.text)
    }
}

/// Why a feed list could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WatchError {
    /// The list file could not be read.
    #[error("cannot read the feed list {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The list file is over the size limit (16 MiB).
    #[error("the feed list {} is over the {MAX_LIST_BYTES} byte limit", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
    },
    /// Some lines name no usable feed; every one is listed.
    #[error("{} bad line(s) in the feed list: {}", .0.len(), join_issues(.0))]
    BadLines(Vec<LineIssue>),
    /// XML that is not OPML (an RSS or Atom feed itself, say).
    #[error(
        "the feed list is XML but not OPML (no <opml> element); to watch a single feed, \
         put its URL in a text file"
    )]
    NotOpml,
    /// The list names no feed at all.
    #[error("the feed list names no feed URLs")]
    NoFeeds,
}

fn join_issues(issues: &[LineIssue]) -> String {
    issues.iter().map(LineIssue::to_string).collect::<Vec<_>>().join("; ")
}

impl FeedList {
    /// Parses an OPML document (every `outline` element with an `xmlUrl` attribute, at
    /// any depth, the attribute name in any case) or a plain-text list (one URL per line,
    /// optionally followed by a title; `#` starts a comment line; blank lines are
    /// skipped). The format is decided by content: a list whose first non-blank
    /// character is `<` is XML. A URL listed twice is kept once, with its first title.
    ///
    /// Strict: any line naming no usable `http(s)` URL makes the whole list an error
    /// ([`WatchError::BadLines`], every bad line listed). [`FeedList::parse_lenient`]
    /// keeps the good feeds and returns the problems instead.
    pub fn parse(bytes: &[u8]) -> Result<FeedList, WatchError> {
        let (list, issues) = FeedList::parse_lenient(bytes)?;
        if !issues.is_empty() {
            return Err(WatchError::BadLines(issues));
        }
        Ok(list)
    }

    /// As [`FeedList::parse`], but bad lines are returned beside the good feeds (for a
    /// caller that prefers to warn and go on). Still an error when the list is XML but
    /// not OPML, or names no feed at all.
    pub fn parse_lenient(bytes: &[u8]) -> Result<(FeedList, Vec<LineIssue>), WatchError> {
        let bytes = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]).unwrap_or(bytes);
        let text = String::from_utf8_lossy(bytes);
        let mut raw = Vec::new();
        let mut issues = Vec::new();
        if text.trim_start().starts_with('<') {
            parse_opml(&text, &mut raw, &mut issues)?;
        } else {
            parse_text(&text, &mut raw);
        }
        let mut seen = HashSet::new();
        let mut feeds = Vec::new();
        for (line, url, title) in raw {
            match normalise_url(&url) {
                Ok(url) => {
                    if seen.insert(url.clone()) {
                        feeds.push(FeedSpec { url, title });
                    }
                }
                Err(problem) => issues.push(LineIssue { line, text: cut(&url), problem }),
            }
        }
        issues.sort_by_key(|i| i.line);
        if feeds.is_empty() && issues.is_empty() {
            return Err(WatchError::NoFeeds);
        }
        Ok((FeedList { feeds }, issues))
    }

    /// Reads and parses a feed list file (see [`FeedList::parse`]); the extension is
    /// ignored.
    pub fn load(path: &Path) -> Result<FeedList, WatchError> {
        let io = |source| WatchError::Io { path: path.to_path_buf(), source };
        let file = std::fs::File::open(path).map_err(io)?;
        let mut bytes = Vec::new();
        file.take(MAX_LIST_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
        if bytes.len() as u64 > MAX_LIST_BYTES {
            return Err(WatchError::TooLarge { path: path.to_path_buf() });
        }
        FeedList::parse(&bytes)
    }
}

/// A `(line, url, title)` found in the list, not yet validated.
type RawEntry = (usize, String, Option<String>);

fn parse_text(text: &str, out: &mut Vec<RawEntry>) {
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (url, rest) = match line.split_once(char::is_whitespace) {
            Some((u, r)) => (u, r.trim()),
            None => (line, ""),
        };
        let title = (!rest.is_empty() && !rest.starts_with('#')).then(|| rest.to_string());
        out.push((i + 1, url.to_string(), title));
    }
}

/// A forgiving scan of OPML start tags: real-world OPML exports are often not
/// well-formed XML (unescaped `&` in URLs, stray markup), and all that matters here
/// is the attributes of `outline` elements. Comments, CDATA, processing
/// instructions and declarations are skipped; nesting needs no tracking because
/// every `outline` is looked at, however deep.
fn parse_opml(
    text: &str,
    out: &mut Vec<RawEntry>,
    issues: &mut Vec<LineIssue>,
) -> Result<(), WatchError> {
    let b = text.as_bytes();
    let mut pos = 0;
    let mut saw_opml = false;
    // Line numbers are counted incrementally: tags come in increasing order.
    let (mut counted_to, mut line_no) = (0, 1);
    let mut line_of = |at: usize| {
        line_no += b[counted_to..at].iter().filter(|&&c| c == b'\n').count();
        counted_to = at;
        line_no
    };
    while let Some(off) = b[pos..].iter().position(|&c| c == b'<') {
        let start = pos + off;
        let rest = &text[start..];
        let skip_to = |end: &str| rest.find(end).map_or(b.len(), |e| start + e + end.len());
        if rest.starts_with("<!--") {
            pos = skip_to("-->");
            continue;
        }
        if rest.starts_with("<![CDATA[") {
            pos = skip_to("]]>");
            continue;
        }
        if rest.starts_with("<?") {
            pos = skip_to("?>");
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("</") {
            pos = skip_to(">");
            continue;
        }
        let name_end = rest[1..]
            .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
            .map_or(rest.len(), |e| e + 1);
        let name = &rest[1..name_end];
        let (attrs, end) = scan_attributes(text, start + name_end);
        pos = end.max(start + 1);
        if name.eq_ignore_ascii_case("opml") {
            saw_opml = true;
        }
        if !name.eq_ignore_ascii_case("outline") {
            continue;
        }
        let get = |key: &str| {
            attrs.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v.trim())
        };
        let Some(url) = get("xmlurl") else { continue }; // a folder, or a plain link
        let line = line_of(start);
        if url.is_empty() {
            issues.push(LineIssue {
                line,
                text: cut(&text[start..end.min(text.len())]),
                problem: "outline with an empty xmlUrl".into(),
            });
            continue;
        }
        let title =
            get("title").filter(|t| !t.is_empty()).or(get("text")).filter(|t| !t.is_empty());
        out.push((line, url.to_string(), title.map(str::to_string)));
    }
    if !saw_opml {
        return Err(WatchError::NotOpml);
    }
    Ok(())
}

/// Reads the attributes of a start tag from `from` (just after the tag name) to its
/// `>`; returns them, entity-decoded, and the offset after the tag.
fn scan_attributes(text: &str, from: usize) -> (Vec<(String, String)>, usize) {
    let b = text.as_bytes();
    let mut attrs = Vec::new();
    let mut i = from;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return (attrs, b.len());
        }
        if b[i] == b'>' {
            return (attrs, i + 1);
        }
        let name_start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = &text[name_start..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let v_start = i + 1;
                let v_end =
                    b[v_start..].iter().position(|&c| c == q).map_or(b.len(), |e| v_start + e);
                value = &text[v_start..v_end];
                i = (v_end + 1).min(b.len());
            } else {
                let v_start = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                value = &text[v_start..i];
            }
        }
        if name.is_empty() {
            continue; // a stray `=value`: dropped (the scan has moved past it)
        }
        attrs.push((name.to_string(), html_escape::decode_html_entities(value).into_owned()));
    }
}

/// Checks that `raw` is an absolute `http(s)` URL with a host and returns it normalised.
pub(crate) fn normalise_url(raw: &str) -> Result<String, String> {
    let url = url::Url::parse(raw.trim()).map_err(|e| format!("not a URL: {e}"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("scheme {} is not http or https", url.scheme()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("URL has no host".into());
    }
    Ok(url.to_string())
}

fn cut(s: &str) -> String {
    let s = s.trim();
    match s.char_indices().nth(120) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_with_odd_quoting() {
        let t = "<outline a='1' B=\"x &amp; y\" c=bare d/>rest";
        let (attrs, end) = scan_attributes(t, "<outline".len());
        assert_eq!(
            attrs,
            vec![
                ("a".into(), "1".into()),
                ("B".into(), "x & y".into()),
                ("c".into(), "bare".into()),
                ("d".into(), String::new()),
            ]
        );
        assert_eq!(&t[end..], "rest");
    }

    #[test]
    fn hostile_markup_terminates() {
        for t in [
            "<opml",
            "<opml <outline xmlUrl='",
            "<opml>< = ' \" <!-- ",
            "<<<<>>>",
            "<opml>\u{e9}<é",
        ] {
            let _ = FeedList::parse_lenient(t.as_bytes());
        }
    }
}
