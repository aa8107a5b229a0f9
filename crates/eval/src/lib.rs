//! Evaluation: dataset readers and metrics (being written).
