//! The crate's error type.

/// A dedup index could not be built or restored.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DedupError {
    /// A [`crate::DedupConfig`] value is out of range.
    #[error("invalid dedup config: {0}")]
    InvalidConfig(String),
    /// A snapshot (from [`crate::DedupIndex::to_bytes`] or serde) is damaged,
    /// truncated or from an unknown format version.
    #[error("invalid dedup snapshot: {0}")]
    BadSnapshot(String),
}

/// `Result` with a [`DedupError`].
pub type Result<T> = std::result::Result<T, DedupError>;
