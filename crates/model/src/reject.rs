use std::fmt;

use serde::{Deserialize, Serialize};

use crate::SourceRef;

/// An input that did not become an article, and why.
///
/// Rejects are values, not errors: the batch goes on and the reject is kept in the
/// store (`parallax rejects`), so nothing is dropped silently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reject {
    /// Where the input came from.
    pub source: SourceRef,
    /// The kind of problem.
    pub reason: RejectReason,
    /// What exactly was wrong, for a person to read.
    pub detail: String,
}

impl Reject {
    /// A new reject.
    pub fn new(source: SourceRef, reason: RejectReason, detail: impl Into<String>) -> Self {
        Reject { source, reason, detail: detail.into() }
    }
}

impl fmt::Display for Reject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.source, self.reason, self.detail)
    }
}

/// Why an input was set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RejectReason {
    /// The input holds no bytes, or only white space.
    Empty,
    /// The input is over the size limit.
    TooLarge,
    /// The input is binary data, not text, HTML, JSON, XML or WARC.
    Binary,
    /// The bytes could not be decoded as text in any declared or sniffed encoding.
    BadEncoding,
    /// JSON that does not parse, or an element that is not an article object.
    MalformedJson,
    /// XML (a feed) that does not parse.
    MalformedXml,
    /// A gzip stream or WARC record that ends early or is corrupt.
    Truncated,
    /// A WARC record or page that is not an HTML article (e.g. an image or a redirect).
    NotArticle,
    /// HTML whose main text could not be found or is too short.
    NoMainText,
    /// A required field is missing (e.g. a JSON article without `text`).
    MissingField,
    /// Reading the input failed (permission, not found, I/O error).
    Io,
    /// Fetching a URL failed (DNS, connection, TLS, HTTP status, time-out).
    Fetch,
    /// A URL pointed at a private, loopback or link-local address.
    PrivateAddress,
}

impl RejectReason {
    /// The stable snake_case name used in the store and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            RejectReason::Empty => "empty",
            RejectReason::TooLarge => "too_large",
            RejectReason::Binary => "binary",
            RejectReason::BadEncoding => "bad_encoding",
            RejectReason::MalformedJson => "malformed_json",
            RejectReason::MalformedXml => "malformed_xml",
            RejectReason::Truncated => "truncated",
            RejectReason::NotArticle => "not_article",
            RejectReason::NoMainText => "no_main_text",
            RejectReason::MissingField => "missing_field",
            RejectReason::Io => "io",
            RejectReason::Fetch => "fetch",
            RejectReason::PrivateAddress => "private_address",
        }
    }

    /// Parses the name given by [`RejectReason::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        ALL.iter().copied().find(|r| r.as_str() == s)
    }
}

const ALL: [RejectReason; 13] = [
    RejectReason::Empty,
    RejectReason::TooLarge,
    RejectReason::Binary,
    RejectReason::BadEncoding,
    RejectReason::MalformedJson,
    RejectReason::MalformedXml,
    RejectReason::Truncated,
    RejectReason::NotArticle,
    RejectReason::NoMainText,
    RejectReason::MissingField,
    RejectReason::Io,
    RejectReason::Fetch,
    RejectReason::PrivateAddress,
];

impl fmt::Display for RejectReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_names_round_trip() {
        for r in ALL {
            assert_eq!(RejectReason::parse(r.as_str()), Some(r));
            let json = serde_json::to_string(&r).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", r.as_str()));
        }
    }
}
