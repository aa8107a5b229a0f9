use parallax_html::HtmlConfig;

use crate::FetchConfig;

/// Limits and switches for ingestion. Every limit exists because input is hostile.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    /// Largest file read whole (text, HTML, JSON arrays, feeds), in bytes; also the
    /// cap on the decompressed size of a gzip file. Default 64 MiB.
    pub max_file_bytes: u64,
    /// Largest single record of a stream (a JSONL line, a WARC record), in bytes.
    /// Default 16 MiB.
    pub max_record_bytes: u64,
    /// Turn feed items into fetch requests for their links instead of articles
    /// built from the item's own content. Default off.
    pub follow_links: bool,
    /// Outlet name that overrides every other source of the outlet (`--outlet`).
    pub outlet_override: Option<String>,
    /// Main-text extraction settings.
    pub html: HtmlConfig,
    /// HTTP settings.
    pub fetch: FetchConfig,
}

impl Default for IngestConfig {
    fn default() -> Self {
        IngestConfig {
            max_file_bytes: 64 << 20,
            max_record_bytes: 16 << 20,
            follow_links: false,
            outlet_override: None,
            html: HtmlConfig::default(),
            fetch: FetchConfig::default(),
        }
    }
}
