//! Errors of this crate.

use std::path::PathBuf;

/// What can go wrong while loading comparison resources.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CompareError {
    /// A WordNet file could not be read.
    #[error("cannot read WordNet file {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A WordNet index file is not in the expected format.
    #[error("WordNet file {path} is malformed at line {line}: {reason}")]
    Format {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
}

/// `Result` with this crate's error.
pub type Result<T> = std::result::Result<T, CompareError>;
