//! Errors of this crate.

use std::path::PathBuf;

/// What can go wrong while loading enrichment resources.
#[derive(Debug, thiserror::Error)]
pub enum EnrichError {
    /// A lexicon file could not be read.
    #[error("cannot read lexicon file {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A lexicon file is not in the expected format.
    #[error("lexicon file {path} is malformed: {reason}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
}
