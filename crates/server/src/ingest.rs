//! Writes through the API: the [`Ingest`] seam the binary implements, and
//! the turning of request bodies into ingest units.

use parallax_ingest::{Hints, IngestConfig, Unit, read_bytes};
use parallax_model::{Reject, SourceRef};
use serde::Serialize;

/// What an ingest call did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IngestReport {
    /// Articles seen for the first time.
    pub inserted: usize,
    /// Known articles whose text changed.
    pub updated: usize,
    /// Known articles with the same text (nothing written).
    pub unchanged: usize,
    /// Ids of every article the call read (new, updated or unchanged).
    pub articles: Vec<String>,
    /// Inputs that could not become articles, each with its reason; they are
    /// also kept in the store's reject log.
    pub rejects: Vec<Reject>,
}

/// Why an ingest call could not run at all (bad input is a reject in the
/// report, not a failure).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct IngestFailure(pub String);

/// The ingest pipeline as the server sees it: the binary provides one that
/// extracts, analyses, deduplicates, clusters and writes, one call at a time.
pub trait Ingest: Send + Sync + 'static {
    /// Ingests the units (documents, fetches and rejects) and reports.
    fn ingest(&self, units: Vec<Unit>) -> Result<IngestReport, IngestFailure>;
}

/// Units from a request body, read as `read_bytes` reads any input: JSON
/// (one object, an array, or JSON lines), an HTML page, a feed or text.
pub(crate) fn units_from_body(
    endpoint: &str,
    body: &[u8],
    content_type: Option<&str>,
    hints: Hints,
    cfg: &IngestConfig,
) -> Vec<Unit> {
    let source = SourceRef::Api {
        endpoint: format!("{endpoint}@{}", chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ")),
    };
    let mut units = Vec::new();
    read_bytes(source, body, content_type, hints, cfg, &mut |u| units.push(u));
    units
}
