//! [`ClusterError`] and the crate's `Result` alias.

/// What can go wrong building or driving a [`crate::Clusterer`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ClusterError {
    /// A [`crate::ClusterConfig`] field is out of its range.
    #[error("invalid cluster config: {field} {detail}")]
    Config {
        /// The field's name.
        field: &'static str,
        /// What is wrong with it.
        detail: String,
    },
    /// [`crate::Clusterer::attach`] named a canonical article this clusterer
    /// does not hold.
    #[error("unknown article {0}")]
    UnknownArticle(parallax_model::ArticleId),
}

/// `Result` with a [`ClusterError`]; write `crate::Result` rather than
/// importing it so std's `Result` is never shadowed by accident.
pub type Result<T> = std::result::Result<T, ClusterError>;
