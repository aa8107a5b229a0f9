//! `parallax compare`, `parallax story ID --compare` and `parallax bench
//! compare`: the cross-outlet comparison of a set of articles.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use parallax_compare::{ArticleInput, CompareConfig, Comparer, Comparison, WordNet, render};
use parallax_enrich::Enricher;
use parallax_model::Article;
use parallax_text::Analyzer;
use rayon::prelude::*;

use crate::args::{BenchCompareArgs, CompareArgs, CompareFormat, CompareReportArgs};
use crate::commands::extract::load_lexicon;
use crate::pipeline::{collect_input, enrich_with};
use crate::printer;
use crate::settings::Settings;

/// Loads WordNet for synonyms, or compares on stems alone with a note.
pub(crate) fn load_wordnet(explicit: Option<&Path>) -> anyhow::Result<Option<WordNet>> {
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
    let (articles, rejects) = collect_input(&a.input)?;
    let lexicons = a.report.lexicons.as_deref();
    let enricher = Enricher::new(load_lexicon(lexicons)?);
    let comparer = comparer(lexicons)?;
    for r in &rejects {
        printer::eprintln(&format!("rejected: {r}"));
    }
    if articles.is_empty() {
        anyhow::bail!("no article could be read");
    }
    let articles = if a.keep_copies {
        articles
    } else {
        let (kept, copies) = drop_copies(articles);
        for c in &copies {
            printer::eprintln(&format!(
                "note: {} left out: a near-duplicate copy of {} (Jaccard {:.2}, containment {:.2}); \
                 --keep-copies compares it too",
                c.label, c.canonical_label, c.similarity, c.containment
            ));
        }
        kept
    };
    let inputs = inputs(&enricher, articles);
    let t = Instant::now();
    let c = comparer.compare(&inputs);
    tracing::info!(articles = inputs.len(), ms = t.elapsed().as_millis() as u64, "Compared.");
    report(s, &c, &a.report)?;
    Ok(if rejects.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(crate::EXIT_REJECTS) })
}

/// An article [`drop_copies`] left out.
#[derive(Debug)]
pub(crate) struct LeftOutCopy {
    /// The copy, as a reader knows it (its source, else its id).
    pub(crate) label: String,
    /// The article it copies.
    pub(crate) canonical_label: String,
    /// Exact Jaccard similarity and containment of the two shingle sets.
    pub(crate) similarity: f32,
    pub(crate) containment: f32,
}

/// Splits articles given directly into independent reports and near-duplicate
/// copies, with the same index and thresholds as `ingest` (word 5-shingles,
/// MinHash LSH, exact check against each group's canonical). Articles are
/// taken in publication order (undated ones after, in input order), so the
/// earliest of a group is the one kept; the kept ones stay in input order.
pub(crate) fn drop_copies(articles: Vec<Article>) -> (Vec<Article>, Vec<LeftOutCopy>) {
    let label = |a: &Article| {
        let src = a.source.to_string();
        if src.is_empty() { a.id.to_string() } else { src }
    };
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by_key(|&i| {
        (articles[i].published.is_none(), articles[i].published.as_ref().map(|p| p.utc))
    });
    let mut index = match parallax_dedup::DedupIndex::new(parallax_dedup::DedupConfig::default()) {
        Ok(ix) => ix,
        // The default configuration is valid; without an index, keep everything.
        Err(e) => {
            tracing::warn!(error = %e, "no near-duplicate index; copies are compared too");
            return (articles, Vec::new());
        }
    };
    let mut copy_of: Vec<Option<(usize, f32, f32)>> = vec![None; articles.len()];
    let by_id: std::collections::HashMap<parallax_model::ArticleId, usize> =
        // The first of one id wins, so an article given twice is a copy of itself.
        articles.iter().enumerate().rev().map(|(i, a)| (a.id, i)).collect();
    for &i in &order {
        let d = index.add(articles[i].id, &parallax_dedup::shingles(&articles[i].text));
        if !d.is_new_group
            && let Some(&c) = by_id.get(&d.canonical)
            && c != i
        {
            copy_of[i] = Some((c, d.similarity, d.containment));
        }
    }
    let copies = copy_of
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            c.map(|(c, similarity, containment)| LeftOutCopy {
                label: label(&articles[i]),
                canonical_label: label(&articles[c]),
                similarity,
                containment,
            })
        })
        .collect();
    let kept =
        articles.into_iter().zip(copy_of).filter(|(_, c)| c.is_none()).map(|(a, _)| a).collect();
    (kept, copies)
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

/// One ECB+ gold mention (the fields the alignment evaluation needs).
#[derive(serde::Deserialize)]
struct GoldMention {
    doc_id: String,
    #[serde(rename = "type")]
    kind: String,
    sentence: usize,
    text: String,
    chain: String,
}

/// Gold mention types scored as entities (participants, places).
const ENTITY_TYPES: &[&str] =
    &["HUMAN_PART_PER", "HUMAN_PART_ORG", "HUMAN_PART_GPE", "LOC_GEO", "LOC_FAC"];

/// A gold mention's chain and the predicted group, when one was found.
type Scored = (String, Option<String>);

/// `parallax eval align`: see the command's help.
pub(crate) fn eval_align(s: &Settings, a: crate::args::EvalAlignArgs) -> anyhow::Result<ExitCode> {
    let read = |name: &str| {
        let p = a.dataset.join(name);
        std::fs::read_to_string(&p).with_context(|| format!("cannot read {}", p.display()))
    };
    let mut docs: Vec<parallax_eval::stories::EcbDoc> = Vec::new();
    for line in read("documents.jsonl")?.lines().filter(|l| !l.trim().is_empty()) {
        docs.push(serde_json::from_str(line)?);
    }
    docs.retain(|d| d.split == a.split);
    let mut gold: Vec<GoldMention> = Vec::new();
    for line in read("mentions.jsonl")?.lines().filter(|l| !l.trim().is_empty()) {
        gold.push(serde_json::from_str(line)?);
    }
    // Validated sentences: "Topic,File,Sentence Number" → (doc id, sentence).
    let mut validated = std::collections::HashSet::new();
    for line in read("coreference_sentences.csv")?.lines().skip(1) {
        let f: Vec<&str> = line.trim().split(',').collect();
        if let [t, file, n] = f.as_slice()
            && let Ok(n) = n.parse::<usize>()
        {
            validated.insert((format!("{t}_{file}"), n));
        }
    }
    let enricher = Enricher::new(load_lexicon(a.lexicons.as_deref())?);
    let comparer = comparer(a.lexicons.as_deref())?;
    let analyzer = Analyzer::new();
    let mut stories: std::collections::BTreeMap<&str, Vec<&parallax_eval::stories::EcbDoc>> =
        Default::default();
    for d in &docs {
        stories.entry(d.subtopic.as_str()).or_default().push(d);
    }
    // (gold chain, predicted group if the comparison found the mention), per
    // gold mention of a validated sentence, for entities and events.
    let (mut ents, mut events): (Vec<Scored>, Vec<Scored>) = (Vec::new(), Vec::new());
    let t = Instant::now();
    for (story, members) in &stories {
        let inputs: Vec<ArticleInput> = members
            .par_iter()
            .map(|d| synthetic(&analyzer, &enricher, d.doc_id.clone(), d.doc_id.clone(), &d.text))
            .collect();
        let c = comparer.compare(&inputs);
        for d in members {
            // Code point start of each line (= ECB+ sentence).
            let mut starts = Vec::new();
            let mut at = 0;
            for line in d.text.split('\n') {
                starts.push((at, line));
                at += line.chars().count() + 1;
            }
            for m in gold.iter().filter(|m| m.doc_id == d.doc_id) {
                if !validated.contains(&(m.doc_id.clone(), m.sentence)) {
                    continue;
                }
                let Some(&(line_start, line)) = starts.get(m.sentence) else { continue };
                let Some(byte) = line.find(m.text.as_str()) else { continue };
                let gs = line_start + line[..byte].chars().count();
                let ge = gs + m.text.chars().count();
                let gold_label = if m.chain.contains(':') {
                    format!("{story}/{}", m.chain)
                } else {
                    m.chain.clone()
                };
                if ENTITY_TYPES.contains(&m.kind.as_str()) {
                    let hit = c.entities.iter().find(|e| {
                        e.mentions
                            .iter()
                            .any(|x| x.article == d.doc_id && x.start < ge && gs < x.end)
                    });
                    ents.push((gold_label, hit.map(|e| format!("{story}/{}", e.id))));
                } else if m.kind.starts_with("ACTION") || m.kind.starts_with("NEG_ACTION") {
                    let hit = c.facts.iter().find(|f| {
                        f.evidence
                            .iter()
                            .any(|x| x.article == d.doc_id && x.start <= gs && ge <= x.end)
                    });
                    events.push((gold_label, hit.map(|f| format!("{story}/{}", f.id))));
                }
            }
        }
    }
    let secs = t.elapsed().as_secs_f64();
    // Two views: the found mentions alone (how well what was found is
    // grouped), and every gold mention with each missed one a singleton of
    // its own (the reference scorer's view when system mentions are the gold
    // ones: misses cost recall).
    let score = |rows: &[Scored]| {
        let (fg, fp): (Vec<&str>, Vec<&str>) =
            rows.iter().filter_map(|(g, p)| p.as_deref().map(|p| (g.as_str(), p))).unzip();
        let all_g: Vec<&str> = rows.iter().map(|(g, _)| g.as_str()).collect();
        let all_p: Vec<String> = rows
            .iter()
            .enumerate()
            .map(|(i, (_, p))| p.clone().unwrap_or_else(|| format!("missed/{i}")))
            .collect();
        let found = parallax_eval::coref::score_coref(&fg, &fp);
        let all = parallax_eval::coref::score_coref(&all_g, &all_p);
        let pairs = parallax_eval::cluster_metrics::score_clustering(&fg, &fp);
        let view = |c: &parallax_eval::coref::CorefScores| {
            serde_json::json!({
                "mentions": c.mentions,
                "b3_precision": c.b3.precision, "b3_recall": c.b3.recall, "b3_f1": c.b3.f1,
                "muc_precision": c.muc.precision, "muc_recall": c.muc.recall, "muc_f1": c.muc.f1,
                "ceafe_precision": c.ceafe.precision, "ceafe_recall": c.ceafe.recall,
                "ceafe_f1": c.ceafe.f1, "conll_f1": c.conll_f1,
            })
        };
        let mut out = view(&found);
        out["gold_mentions"] = rows.len().into();
        out["found"] = fg.len().into();
        out["coverage"] =
            (if rows.is_empty() { 0.0 } else { fg.len() as f64 / rows.len() as f64 }).into();
        out["pair_f1"] = pairs.pair_f1.into();
        out["all_gold"] = view(&all);
        out
    };
    let report = serde_json::json!({
        "split": a.split, "stories": stories.len(), "documents": docs.len(), "seconds": secs,
        "entities": score(&ents),
        "events": score(&events),
    });
    if s.json {
        printer::json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    printer::out(&format!(
        "ECB+ {}: {} stories, {} documents, compared in {secs:.1} s (gold mentions in validated sentences found by the comparison are scored)",
        a.split,
        stories.len(),
        docs.len()
    ))?;
    let mut tbl = printer::Table::new(&[
        "GROUPING",
        "MENTIONS",
        "SCORED",
        "B3 P",
        "B3 R",
        "B3 F1",
        "MUC F1",
        "CEAF-E F1",
        "CONLL F1",
        "PAIR F1",
    ]);
    for (name, key) in [("entities (merged)", "entities"), ("events (by fact)", "events")] {
        let r = &report[key];
        let f = |v: &serde_json::Value, k: &str| format!("{:.3}", v[k].as_f64().unwrap_or(0.0));
        for (view, v, scored) in [
            ("found", r, r["found"].to_string()),
            ("all gold", &r["all_gold"], r["gold_mentions"].to_string()),
        ] {
            tbl.row(vec![
                format!("{name}, {view}"),
                r["gold_mentions"].to_string(),
                scored,
                f(v, "b3_precision"),
                f(v, "b3_recall"),
                f(v, "b3_f1"),
                f(v, "muc_f1"),
                f(v, "ceafe_f1"),
                f(v, "conll_f1"),
                if view == "found" { f(r, "pair_f1") } else { "".into() },
            ]);
        }
    }
    tbl.print()?;
    Ok(ExitCode::SUCCESS)
}
