use parallax_model::RejectReason;

/// Why an HTML page could not be turned into an [`crate::HtmlDoc`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HtmlError {
    /// The page is larger than [`crate::HtmlConfig::max_bytes`].
    #[error("page is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// Size of the page in bytes.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The bytes do not decode as text in the declared or sniffed encoding.
    #[error("cannot decode the page as {encoding}: {replaced} of {chars} characters are invalid")]
    BadEncoding {
        /// The encoding tried last.
        encoding: &'static str,
        /// Characters replaced by U+FFFD.
        replaced: usize,
        /// Characters decoded.
        chars: usize,
    },
    /// The bytes do not look like an HTML document.
    #[error("not an HTML page: {detail}")]
    NotHtml {
        /// What was found instead.
        detail: String,
    },
    /// No main text was found, or it is shorter than [`crate::HtmlConfig::min_text_chars`].
    #[error("no main text: found {chars} characters of text, need at least {min}")]
    NoMainText {
        /// Characters of main text found.
        chars: usize,
        /// The configured minimum.
        min: usize,
    },
}

impl HtmlError {
    /// The [`RejectReason`] to record for this error.
    pub fn reason(&self) -> RejectReason {
        match self {
            HtmlError::TooLarge { .. } => RejectReason::TooLarge,
            HtmlError::BadEncoding { .. } => RejectReason::BadEncoding,
            HtmlError::NotHtml { .. } => RejectReason::NotArticle,
            HtmlError::NoMainText { .. } => RejectReason::NoMainText,
        }
    }
}
