//! `parallax extract`: who said what in articles given on the command line.

use std::process::ExitCode;

use parallax_enrich::lexicon::Lexicon;
use parallax_enrich::{Enricher, ExtractionOut};
use parallax_model::Article;
use parallax_text::Analyzer;
use rayon::prelude::*;
use serde::Serialize;

use crate::args::ExtractArgs;
use crate::pipeline::{collect_input, enrich_with};
use crate::printer;
use crate::settings::Settings;

/// One article and what was found in it.
#[derive(Serialize)]
struct ArticleOut {
    id: String,
    url: Option<String>,
    outlet: Option<String>,
    title: Option<String>,
    language: Option<String>,
    published: Option<String>,
    text: String,
    #[serde(flatten)]
    found: ExtractionOut,
}

/// Loads the name and place lists, or runs on the rules alone with a warning.
pub(crate) fn load_lexicon(explicit: Option<&std::path::Path>) -> anyhow::Result<Lexicon> {
    match Lexicon::discover(explicit)? {
        Some(l) => Ok(l),
        None => {
            printer::eprintln(
                "note: no name/place lists found (run scripts/fetch-lexicons.sh or pass \
                 --lexicons DIR); using rules only",
            );
            Ok(Lexicon::empty())
        }
    }
}

/// Analyses and enriches one article.
pub(crate) fn extract_article(
    analyzer: &Analyzer,
    enricher: &Enricher,
    article: Article,
) -> (Article, parallax_enrich::Extraction) {
    let (article, _, analysis) = enrich_with(analyzer, article);
    let published = article.published.as_ref().map(|p| p.utc);
    let found = enricher.enrich(&article.text, &analysis, published);
    (article, found)
}

pub(crate) fn run(s: &Settings, a: ExtractArgs) -> anyhow::Result<ExitCode> {
    let (articles, rejects) = collect_input(&a.input)?;
    let enricher = Enricher::new(load_lexicon(a.lexicons.as_deref())?);
    let analyzer = Analyzer::new();
    let done: Vec<_> =
        articles.into_par_iter().map(|art| extract_article(&analyzer, &enricher, art)).collect();
    if s.json {
        let out: Vec<ArticleOut> = done
            .iter()
            .map(|(art, found)| {
                let id = art.id.to_string();
                ArticleOut {
                    found: found.to_contract(&art.text, &id),
                    id,
                    url: art.url.clone(),
                    outlet: art.outlet.clone(),
                    title: art.title.clone(),
                    language: art.language.clone(),
                    published: art.published.as_ref().map(|p| p.utc.to_rfc3339()),
                    text: art.text.clone(),
                }
            })
            .collect();
        printer::json(&out)?;
    } else {
        for (art, found) in &done {
            print_text(art, found)?;
        }
    }
    for r in &rejects {
        printer::eprintln(&format!("rejected: {r}"));
    }
    Ok(if rejects.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(crate::EXIT_REJECTS) })
}

fn short(s: &str, n: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= n {
        return one_line;
    }
    let cut: String = one_line.chars().take(n).collect();
    format!("{cut}…")
}

fn print_text(art: &Article, x: &parallax_enrich::Extraction) -> anyhow::Result<()> {
    let text = &art.text;
    printer::out(&format!(
        "== {}  {}  [{}]",
        art.id,
        art.title.as_deref().unwrap_or("(untitled)"),
        art.outlet.as_deref().unwrap_or("-")
    ))?;
    printer::out("entities:")?;
    for e in &x.entities {
        let roles =
            if e.roles.is_empty() { String::new() } else { format!(" ({})", e.roles.join("; ")) };
        printer::out(&format!(
            "  {:<28} {:<12} ×{}{}",
            e.name,
            format!("{:?}", e.kind).to_lowercase(),
            e.mentions.len(),
            roles
        ))?;
    }
    printer::out("quotes:")?;
    for q in &x.quotes {
        let body: Vec<&str> = q.parts.iter().filter_map(|s| s.slice(text)).collect();
        let speaker = match &q.speaker {
            None => "?".to_string(),
            Some(sp) => match sp.entity.and_then(|e| x.entities.get(e)) {
                Some(e) if e.name != sp.text => format!("{} → {}", sp.text, e.name),
                _ => sp.text.clone(),
            },
        };
        let cue = q.cue.and_then(|c| c.slice(text)).unwrap_or("-");
        printer::out(&format!(
            "  [{}] {} ({}): {}",
            format!("{:?}", q.kind).to_lowercase(),
            speaker,
            cue,
            short(&body.join(" … "), 140)
        ))?;
    }
    if !x.quantities.is_empty() {
        printer::out("quantities:")?;
        for q in &x.quantities {
            printer::out(&format!(
                "  {:<24} = {} {}",
                q.span.slice(text).unwrap_or(""),
                q.value,
                q.unit
            ))?;
        }
    }
    if !x.dates.is_empty() {
        printer::out("dates:")?;
        for d in &x.dates {
            let when = match (d.start, d.end) {
                (Some(a), Some(b)) if a == b => a.to_string(),
                (Some(a), Some(b)) => format!("{a} … {b}"),
                _ => "unresolved".to_string(),
            };
            printer::out(&format!("  {:<24} = {}", d.span.slice(text).unwrap_or(""), when))?;
        }
    }
    Ok(())
}
