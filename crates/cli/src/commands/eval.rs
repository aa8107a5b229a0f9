use std::process::ExitCode;

use anyhow::Context;
use parallax_html::HtmlConfig;
use serde_json::json;

use crate::args::{EvalDupsArgs, EvalExtractArgs, EvalQuotesArgs, EvalStoriesArgs};
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

pub(crate) fn dups(s: &Settings, a: EvalDupsArgs) -> anyhow::Result<ExitCode> {
    use parallax_eval::dupgen::{GenConfig, generate, load_ecbplus};
    let path =
        if a.dataset.is_dir() { a.dataset.join("documents.jsonl") } else { a.dataset.clone() };
    let bases = load_ecbplus(&path)
        .with_context(|| format!("could not load ECB+ from {}", path.display()))?;
    let generated = generate(&bases, &GenConfig { seed: a.seed, ..GenConfig::default() });
    let r =
        parallax_eval::dups::evaluate(&generated.docs, &parallax_dedup::DedupConfig::default())?;
    if s.json {
        printer::json(&json!({
            "task": "dups",
            "dataset": path.display().to_string(),
            "seed": a.seed,
            "bases": generated.bases,
            "documents": generated.docs.len(),
            "report": r,
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    printer::out(&format!(
        "near-duplicates: {} wire-copy variants of {} ECB+ documents (seed {}), pairs scored",
        generated.docs.len(),
        generated.bases,
        a.seed
    ))?;
    let mut t = Table::new(&["METRIC", "VALUE"]);
    t.row(vec!["precision".into(), format!("{:.4}", r.precision)]);
    t.row(vec!["recall".into(), format!("{:.4}", r.recall)]);
    t.row(vec!["F1".into(), format!("{:.4}", r.f1)]);
    t.row(vec![
        "pairs (gold / predicted / wrong)".into(),
        format!("{} / {} / {}", r.gold_pairs, r.predicted_pairs, r.false_pairs),
    ]);
    t.row(vec!["groups (gold / predicted)".into(), format!("{} / {}", r.gold_groups, r.groups)]);
    t.row(vec![
        "articles/s (shingles + index, 1 thread)".into(),
        format!("{:.0}", r.articles_per_sec),
    ]);
    t.print()?;
    printer::out("")?;
    let mut k = Table::new(&["VARIANT", "DOCS", "PRECISION", "RECALL"]);
    for ks in &r.per_kind {
        k.row(vec![
            format!("{:?}", ks.kind),
            ks.docs.to_string(),
            format!("{:.4}", ks.precision),
            format!("{:.4}", ks.recall),
        ]);
    }
    k.print()?;
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn stories(s: &Settings, a: EvalStoriesArgs) -> anyhow::Result<ExitCode> {
    use parallax_eval::stories::{
        GoogleNewsPart, Order, evaluate_ecb_docs, evaluate_googlenews_items, load_ecb,
        load_googlenews,
    };
    let cfg = parallax_cluster::ClusterConfig::default();
    let googlenews = a.dataset.join("News.jsonl").is_file();
    // The loaders take the folder holding `ecbplus/` and `googlenews-ts/`.
    let root = a.dataset.join("..");
    let reports = if googlenews {
        let items = load_googlenews(&root)
            .with_context(|| format!("could not load {}", a.dataset.display()))?;
        vec![evaluate_googlenews_items(&items, GoogleNewsPart::All, &cfg)?]
    } else {
        let docs = load_ecb(&root)
            .with_context(|| format!("could not load ECB+ from {}", a.dataset.display()))?;
        anyhow::ensure!(
            docs.iter().any(|d| d.split == a.split),
            "no ECB+ documents in split {:?} (use train or dev)",
            a.split
        );
        vec![
            evaluate_ecb_docs(&docs, &a.split, Order::FileOrder, &cfg)?,
            evaluate_ecb_docs(&docs, &a.split, Order::Shuffled(a.seed), &cfg)?,
        ]
    };
    if s.json {
        printer::json(&json!({
            "task": "stories",
            "dataset": a.dataset.display().to_string(),
            "split": if googlenews { None } else { Some(&a.split) },
            "reports": reports,
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    printer::out(&format!(
        "story clustering on {}{}",
        a.dataset.display(),
        if googlenews { " (stream order)".to_string() } else { format!(" (split {})", a.split) }
    ))?;
    let mut t = Table::new(&[
        "ORDER",
        "ITEMS",
        "STORIES (GOLD)",
        "B3 P",
        "B3 R",
        "B3 F1",
        "PAIR F1",
        "ARI",
        "NMI",
        "MERGES",
        "SPLITS",
        "MOVES",
        "ARTICLES/S",
    ]);
    for r in &reports {
        let sc = &r.scores;
        t.row(vec![
            match r.order {
                parallax_eval::stories::Order::FileOrder => "file".to_string(),
                parallax_eval::stories::Order::Shuffled(seed) => format!("shuffled ({seed})"),
            },
            sc.items.to_string(),
            format!("{} ({})", sc.predicted_clusters, sc.gold_clusters),
            format!("{:.4}", sc.b3_precision),
            format!("{:.4}", sc.b3_recall),
            format!("{:.4}", sc.b3_f1),
            format!("{:.4}", sc.pair_f1),
            format!("{:.4}", sc.ari),
            format!("{:.4}", sc.nmi),
            r.merges.to_string(),
            r.splits.to_string(),
            r.moves.to_string(),
            format!("{:.0}", r.articles_per_sec),
        ]);
    }
    t.print()?;
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn quotes(s: &Settings, a: EvalQuotesArgs) -> anyhow::Result<ExitCode> {
    use parallax_eval::quotes::{evaluate, load, predict};
    let docs = load(&a.dataset, Some(&a.split))
        .with_context(|| format!("could not load gold quotes from {}", a.dataset.display()))?;
    let enricher =
        parallax_enrich::Enricher::new(super::extract::load_lexicon(a.lexicons.as_deref())?);
    let analyzer = parallax_text::Analyzer::new();
    let start = std::time::Instant::now();
    let report = evaluate(&docs, |d| predict(&analyzer, &enricher, d));
    let seconds = start.elapsed().as_secs_f64();
    if s.json {
        printer::json(&json!({
            "task": "quotes",
            "dataset": a.dataset.display().to_string(),
            "split": a.split,
            "seconds": seconds,
            "report": report,
        }))?;
    } else {
        printer::out(&format!("quotes: {} ({} split)", a.dataset.display(), a.split))?;
        printer::out(report.render().trim_end())?;
        printer::out(&format!("{:.2}s", seconds))?;
    }
    Ok(ExitCode::SUCCESS)
}
