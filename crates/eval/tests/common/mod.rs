//! Shared by the data-backed tests: where `../shared/data` is.

use std::path::PathBuf;

use parallax_eval::stories::default_data_dir;

/// The shared data folder when every file of `needed` (relative to it) is
/// there. Otherwise `None` after a visible SKIPPED message, or a panic when
/// `CI=true`, where the data is required.
pub(crate) fn data_dir(needed: &[&str]) -> Option<PathBuf> {
    let dir = default_data_dir();
    if needed.iter().all(|f| dir.join(f).is_file()) {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("../shared not found at {} (required when CI=true)", dir.display());
    }
    eprintln!("SKIPPED: ../shared not found ({})", dir.display());
    None
}
