//! HTML news pages to main text and metadata (being written).
