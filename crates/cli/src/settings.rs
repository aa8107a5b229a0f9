//! Resolved settings: flags, environment and defaults merged in one place.

use std::path::PathBuf;

use anyhow::Context;

use crate::args::Global;

/// Settings every command needs, resolved once.
#[derive(Debug)]
pub(crate) struct Settings {
    /// The data directory (holds `parallax.sqlite`).
    pub(crate) data_dir: PathBuf,
    /// JSON output.
    pub(crate) json: bool,
    /// Draw progress bars (when stderr is a terminal).
    pub(crate) progress: bool,
}

impl Settings {
    /// `--data` (after the command, then before it) > `PARALLAX_DATA` > `$XDG_DATA_HOME/parallax` > `~/.local/share/parallax`
    /// > `./parallax-data`.
    pub(crate) fn resolve(g: &Global, command_data: Option<PathBuf>) -> anyhow::Result<Settings> {
        let data_dir = command_data
            .or_else(|| g.data.clone())
            .or_else(|| {
                std::env::var_os("PARALLAX_DATA").filter(|v| !v.is_empty()).map(PathBuf::from)
            })
            .or_else(|| {
                std::env::var_os("XDG_DATA_HOME").map(|d| PathBuf::from(d).join("parallax"))
            })
            .or_else(|| {
                std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share/parallax"))
            })
            .unwrap_or_else(|| PathBuf::from("parallax-data"));
        if let Some(n) = g.threads {
            rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build_global()
                .context("could not start the worker threads")?;
        }
        Ok(Settings { data_dir, json: g.json, progress: !g.no_progress && !g.quiet })
    }

    /// Opens the store in the data directory.
    pub(crate) fn open_store(&self) -> anyhow::Result<parallax_store::Store> {
        parallax_store::Store::open(&self.data_dir)
            .with_context(|| format!("could not open the store in {}", self.data_dir.display()))
    }
}
