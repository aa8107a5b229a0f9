/// Errors that stop a store operation. Bad *input* is never an error here: it is
/// a reject, and rejects are data.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database could not be opened, read or written.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The data directory could not be created or read.
    #[error("data directory {path}: {source}")]
    Io {
        /// The directory.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The database was written by a newer parallax.
    #[error(
        "database schema version {found} is newer than this parallax supports ({supported}); upgrade parallax"
    )]
    TooNew {
        /// Version found in the file.
        found: u32,
        /// Newest version this build knows.
        supported: u32,
    },
    /// A stored value does not decode (a corrupt or hand-edited database).
    #[error("stored value does not decode: {0}")]
    Corrupt(String),
}

/// `Result` with [`StoreError`].
pub type Result<T> = std::result::Result<T, StoreError>;
