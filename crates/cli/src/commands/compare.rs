//! `parallax compare`, `parallax story ID --compare` and `parallax bench
//! compare`: the cross-outlet comparison of a set of articles.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use parallax_compare::{ArticleInput, CompareConfig, Comparer, Comparison, WordNet, render};
use parallax_enrich::Enricher;
use parallax_ingest::{FetchConfig, IngestConfig};
use parallax_model::Article;
use parallax_text::Analyzer;
use rayon::prelude::*;

use crate::args::{BenchCompareArgs, CompareArgs, CompareFormat, CompareReportArgs};
use crate::commands::extract::load_lexicon;
use crate::pipeline::{collect, enrich_with};
use crate::printer;
use crate::settings::Settings;

/// Loads WordNet for synonyms, or compares on stems alone with a note.
fn load_wordnet(explicit: Option<&Path>) -> anyhow::Result<Option<WordNet>> {
    let wn = WordNet::discover(explicit)?;
    if wn.is_none() {
        printer::eprintln(
            "note: no WordNet found (run scripts/fetch-wordnet.sh or pass --lexicons DIR); \
             words match on their stems only",
        );
    }
    Ok(wn)
}

/// Analyses and enriches articles (in parallel) into comparison inputs.
fn inputs(enricher: &Enricher, articles: Vec<Article>) -> Vec<ArticleInput> {
    let analyzer = Analyzer::new();
    articles
        .into_par_iter()
        .map(|art| {
            let (art, _, analysis) = enrich_with(&analyzer, art);
            let published = art.published.as_ref().map(|p| p.utc);
            let extraction = enricher.enrich(&art.text, &analysis, published);
            ArticleInput {
                id: art.id.to_string(),
                outlet: art.outlet,
                title: art.title,
                language: art.language,
                published,
                text: art.text,
                analysis,
                extraction,
            }
        })
        .collect()
}

/// Writes the report in the chosen format to stdout or `--output`.
fn report(s: &Settings, c: &Comparison, r: &CompareReportArgs) -> anyhow::Result<()> {
    let format = if s.json { CompareFormat::Json } else { r.format };
    let to_terminal = r.output.is_none() && std::io::stdout().is_terminal();
    let body = match format {
        CompareFormat::Json => serde_json::to_string_pretty(c)?,
        CompareFormat::Markdown => render::markdown(c),
        CompareFormat::Html => render::html(c),
        CompareFormat::Text => {
            // The shell's COLUMNS when exported, else 120.
            let width = std::env::var("COLUMNS").ok().and_then(|w| w.parse().ok()).unwrap_or(120);
            render::text_with_width(c, to_terminal && std::env::var_os("NO_COLOR").is_none(), width)
        }
    };
    match &r.output {
        Some(path) => std::fs::write(path, body)
            .with_context(|| format!("could not write {}", path.display()))?,
        None => printer::out(body.trim_end())?,
    }
    Ok(())
}

fn comparer(lexicons: Option<&Path>) -> anyhow::Result<Comparer> {
    Ok(Comparer::new(CompareConfig::default(), load_wordnet(lexicons)?))
}

pub(crate) fn run(s: &Settings, a: CompareArgs) -> anyhow::Result<ExitCode> {
    if a.paths.is_empty() && a.urls.is_empty() {
        anyhow::bail!("nothing to read: give files, directories, `-` for stdin, or --url URL");
    }
    let cfg = IngestConfig {
        fetch: FetchConfig { allow_private: a.allow_private, ..FetchConfig::default() },
        ..IngestConfig::default()
    };
    let lexicons = a.report.lexicons.as_deref();
    let enricher = Enricher::new(load_lexicon(lexicons)?);
    let comparer = comparer(lexicons)?;
    let (articles, rejects) = collect(&a.paths, &a.urls, &cfg);
    for r in &rejects {
        printer::eprintln(&format!("rejected: {r}"));
    }
    if articles.is_empty() {
        anyhow::bail!("no article could be read");
    }
    let inputs = inputs(&enricher, articles);
    let t = Instant::now();
    let c = comparer.compare(&inputs);
    tracing::info!(articles = inputs.len(), ms = t.elapsed().as_millis() as u64, "Compared.");
    report(s, &c, &a.report)?;
    Ok(if rejects.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(crate::EXIT_REJECTS) })
}

/// `story ID --compare`: the story's articles re-read from the store.
/// Near-duplicate copies are left out: they are not independent reports.
pub(crate) fn story(
    s: &Settings,
    store: &parallax_store::Store,
    members: &[parallax_store::StoryMember],
    r: &CompareReportArgs,
) -> anyhow::Result<ExitCode> {
    let mut articles = Vec::new();
    let mut copies = 0;
    for m in members {
        if m.duplicate_of.is_some() {
            copies += 1;
            continue;
        }
        if let Some(stored) = store.article(m.id)? {
            articles.push(stored.article);
        }
    }
    if copies > 0 {
        printer::eprintln(&format!(
            "note: {copies} near-duplicate copies left out (they are not independent reports)"
        ));
    }
    let enricher = Enricher::new(load_lexicon(r.lexicons.as_deref())?);
    let comparer = comparer(r.lexicons.as_deref())?;
    let inputs = inputs(&enricher, articles);
    let c = comparer.compare(&inputs);
    report(s, &c, r)?;
    Ok(ExitCode::SUCCESS)
}

/// One generated comparison input from a plain text.
fn synthetic(
    analyzer: &Analyzer,
    enricher: &Enricher,
    id: String,
    outlet: String,
    text: &str,
) -> ArticleInput {
    let analysis = analyzer.analyze(text, Some("en"));
    let extraction = enricher.enrich(text, &analysis, None);
    ArticleInput {
        id,
        outlet: Some(outlet),
        title: None,
        language: Some("en".into()),
        published: None,
        text: text.to_string(),
        analysis,
        extraction,
    }
}

/// Documents as (id, text).
type Docs = Vec<(String, String)>;

/// Reads the ECB+ documents: (largest topic, all).
fn ecb_docs(dir: &Path) -> anyhow::Result<(Docs, Docs)> {
    let path = dir.join("documents.jsonl");
    let body = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let mut docs: Vec<parallax_eval::stories::EcbDoc> = Vec::new();
    for line in body.lines().filter(|l| !l.trim().is_empty()) {
        docs.push(serde_json::from_str(line).with_context(|| format!("in {}", path.display()))?);
    }
    let mut counts = std::collections::BTreeMap::<u32, usize>::new();
    for d in &docs {
        *counts.entry(d.topic).or_default() += 1;
    }
    let topic = counts.iter().max_by_key(|(t, n)| (**n, std::cmp::Reverse(**t))).map(|(t, _)| *t);
    let one: Docs = docs
        .iter()
        .filter(|d| Some(d.topic) == topic)
        .map(|d| (d.doc_id.clone(), d.text.clone()))
        .collect();
    Ok((one, docs.into_iter().map(|d| (d.doc_id, d.text)).collect()))
}

pub(crate) fn bench(s: &Settings, a: BenchCompareArgs) -> anyhow::Result<ExitCode> {
    let enricher = Enricher::new(load_lexicon(a.lexicons.as_deref())?);
    let t = Instant::now();
    let comparer = comparer(a.lexicons.as_deref())?;
    let wordnet_ms = t.elapsed().as_secs_f64() * 1e3;
    let analyzer = Analyzer::new();
    let mut sets: Vec<(String, Vec<(String, String)>)> = Vec::new();
    match ecb_docs(&a.dataset) {
        Ok((topic, all)) if !topic.is_empty() => {
            sets.push((format!("ecb+ one topic ({} docs, repeated)", topic.len()), topic));
            sets.push(("ecb+ distinct docs (many topics)".to_string(), all));
        }
        Ok(_) | Err(_) => printer::eprintln(&format!(
            "note: no ECB+ documents in {}; seeds only",
            a.dataset.display()
        )),
    }
    let mut seeds = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&a.seeds) {
        let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths.into_iter().filter(|p| p.extension().is_some_and(|x| x == "txt")) {
            let text = std::fs::read_to_string(&p)?;
            let stem = p.file_stem().map(|x| x.to_string_lossy().into_owned()).unwrap_or_default();
            seeds.push((stem, text.trim().to_string()));
        }
    }
    if !seeds.is_empty() {
        sets.push((format!("seeds repeated ({} reports)", seeds.len()), seeds));
    }
    if sets.is_empty() {
        anyhow::bail!("no input: neither ECB+ documents nor seed reports found");
    }
    let mut rows = Vec::new();
    for (name, docs) in &sets {
        for &n in &a.sizes {
            // Each copy past the set's size is another outlet with a new id.
            let inputs: Vec<ArticleInput> = (0..n)
                .into_par_iter()
                .map(|i| {
                    let (id, text) = &docs[i % docs.len()];
                    let round = i / docs.len();
                    synthetic(
                        &analyzer,
                        &enricher,
                        format!("{id}#{round}"),
                        format!("{id}-{round}"),
                        text,
                    )
                })
                .collect();
            let mut times = Vec::new();
            let mut last = None;
            for _ in 0..a.runs.max(1) {
                let t = Instant::now();
                let c = comparer.compare(&inputs);
                times.push(t.elapsed().as_secs_f64() * 1e3);
                last = Some(c);
            }
            times.sort_by(f64::total_cmp);
            let median = times[times.len() / 2];
            let (facts, groups) = last.map_or((0, 0), |c| (c.facts.len(), c.quote_groups.len()));
            rows.push(serde_json::json!({
                "set": name, "articles": n, "median_ms": median,
                "min_ms": times[0], "max_ms": times[times.len() - 1],
                "facts": facts, "quote_groups": groups,
            }));
        }
    }
    if s.json {
        printer::json(&serde_json::json!({"wordnet_load_ms": wordnet_ms, "runs": rows}))?;
        return Ok(ExitCode::SUCCESS);
    }
    printer::out(&format!(
        "compare (analysis and extraction not timed; WordNet {}loaded in {wordnet_ms:.0} ms; median of {} runs)",
        if comparer.has_wordnet() { "" } else { "not " },
        a.runs.max(1)
    ))?;
    let mut t = printer::Table::new(&[
        "SET",
        "ARTICLES",
        "MEDIAN MS",
        "MIN MS",
        "MAX MS",
        "FACTS",
        "QUOTE GROUPS",
    ]);
    for r in &rows {
        t.row(vec![
            r["set"].as_str().unwrap_or("").to_string(),
            r["articles"].to_string(),
            format!("{:.1}", r["median_ms"].as_f64().unwrap_or(0.0)),
            format!("{:.1}", r["min_ms"].as_f64().unwrap_or(0.0)),
            format!("{:.1}", r["max_ms"].as_f64().unwrap_or(0.0)),
            r["facts"].to_string(),
            r["quote_groups"].to_string(),
        ]);
    }
    t.print()?;
    Ok(ExitCode::SUCCESS)
}
