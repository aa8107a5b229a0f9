//! Language, sentences and tokens (being written).
