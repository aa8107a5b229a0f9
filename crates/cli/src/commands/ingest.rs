use std::process::ExitCode;

use parallax_html::HtmlConfig;
use parallax_ingest::{FetchConfig, IngestConfig};

use parallax_enrich::Enricher;

use crate::args::IngestArgs;
use crate::commands::extract::load_lexicon;
use crate::pipeline::Pipeline;
use crate::printer;
use crate::settings::Settings;
use crate::stories::StoryEngine;

/// Rejects printed to stderr after a run; the rest are in `parallax rejects`.
const REJECTS_SHOWN: usize = 20;

pub(crate) fn run(s: &Settings, a: IngestArgs) -> anyhow::Result<ExitCode> {
    if a.paths.is_empty() && a.urls.is_empty() {
        anyhow::bail!("nothing to ingest: give files, directories, `-` for stdin, or --url URL");
    }
    let cfg = IngestConfig {
        max_file_bytes: a.max_file_mib << 20,
        follow_links: a.follow,
        outlet_override: a.outlet.clone(),
        fetch: FetchConfig {
            allow_private: a.allow_private,
            timeout_secs: a.timeout,
            ..FetchConfig::default()
        },
        html: HtmlConfig { extractor: a.extractor.engine(), ..HtmlConfig::default() },
        ..IngestConfig::default()
    };
    let enricher =
        if a.no_who { None } else { Some(Enricher::new(load_lexicon(a.lexicons.as_deref())?)) };
    let mut store = s.open_store()?;
    let _lock = crate::live::WriterLock::take(&s.data_dir)?;
    let engine = StoryEngine::load(&store)?;
    let summary = Pipeline::new(cfg, &mut store, engine, enricher, a.batch, s.progress)
        .run(&a.paths, &a.urls)?;
    if s.json {
        printer::json(&summary)?;
    } else {
        let o = &summary.outcome;
        printer::out(&format!(
            "ingested {} articles: {} new, {} updated, {} unchanged; {} rejected; {:.2}s",
            o.inserted + o.updated + o.unchanged,
            o.inserted,
            o.updated,
            o.unchanged,
            summary.rejected,
            summary.seconds
        ))?;
        for r in summary.rejects.iter().take(REJECTS_SHOWN) {
            printer::eprintln(&format!("rejected: {r}"));
        }
        if summary.rejected > REJECTS_SHOWN {
            printer::eprintln(&format!(
                "… and {} more; see `parallax rejects`",
                summary.rejected - REJECTS_SHOWN
            ));
        }
    }
    Ok(if summary.rejected > 0 { ExitCode::from(crate::EXIT_REJECTS) } else { ExitCode::SUCCESS })
}
