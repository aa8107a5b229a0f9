use std::path::PathBuf;

/// A labelled data set could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    /// A file or folder could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A JSON file does not have the expected shape.
    #[error("malformed JSON in {path}: {source}")]
    Json {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: serde_json::Error,
    },
    /// The data set is inconsistent (e.g. a page without ground truth).
    #[error("invalid data set at {path}: {detail}")]
    Invalid {
        /// The file or folder.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },
}
