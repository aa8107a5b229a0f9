use std::process::ExitCode;

use anyhow::Context;
use parallax_html::HtmlConfig;
use serde_json::json;

use crate::args::EvalExtractArgs;
use crate::printer::{self, Table};
use crate::settings::Settings;

pub(crate) fn extract(s: &Settings, a: EvalExtractArgs) -> anyhow::Result<ExitCode> {
    let pages = parallax_eval::extract::load_benchmark(&a.dataset)
        .with_context(|| format!("could not load the benchmark from {}", a.dataset.display()))?;
    let cfg = HtmlConfig { extractor: a.extractor.engine(), ..HtmlConfig::default() };
    let report = parallax_eval::extract::evaluate_extraction(&pages, &cfg);
    let mut worst: Vec<_> = report.per_page.iter().collect();
    worst.sort_by(|x, y| {
        let f = |p: &parallax_eval::extract::PageResult| {
            let (pr, re) = (p.score.precision, p.score.recall);
            if pr + re > 0.0 { 2.0 * pr * re / (pr + re) } else { 0.0 }
        };
        f(x).total_cmp(&f(y))
    });
    worst.truncate(a.worst);
    if s.json {
        printer::json(&json!({
            "task": "extract",
            "dataset": a.dataset.display().to_string(),
            "extractor": format!("{:?}", a.extractor).to_lowercase(),
            "pages": report.pages,
            "precision": report.precision,
            "recall": report.recall,
            "f1": report.f1,
            "accuracy": report.accuracy,
            "empty": report.empty,
            "seconds": report.seconds,
            "pages_per_sec": report.pages_per_sec,
            "threads": report.threads,
            "worst": worst,
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    printer::out(&format!(
        "main-text extraction on {} ({} pages, extractor {:?})",
        a.dataset.display(),
        report.pages,
        a.extractor
    ))?;
    let mut t = Table::new(&["METRIC", "VALUE"]);
    t.row(vec!["precision".into(), format!("{:.4}", report.precision)]);
    t.row(vec!["recall".into(), format!("{:.4}", report.recall)]);
    t.row(vec!["F1".into(), format!("{:.4}", report.f1)]);
    t.row(vec!["exact accuracy".into(), format!("{:.4}", report.accuracy)]);
    t.row(vec!["empty pages".into(), report.empty.to_string()]);
    t.row(vec![
        "pages/s".into(),
        format!("{:.1} ({} threads, {:.2}s)", report.pages_per_sec, report.threads, report.seconds),
    ]);
    t.print()?;
    if !worst.is_empty() {
        printer::out("")?;
        let mut w = Table::new(&["PRECISION", "RECALL", "URL"]);
        for p in worst {
            w.row(vec![
                format!("{:.3}", p.score.precision),
                format!("{:.3}", p.score.recall),
                p.url.clone(),
            ]);
        }
        w.print()?;
    }
    Ok(ExitCode::SUCCESS)
}
