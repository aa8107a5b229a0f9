use std::process::ExitCode;

use parallax_model::ArticleId;
use parallax_store::ArticleQuery;
use serde::Serialize;

use crate::args::{ArticleArgs, ArticlesArgs, RejectsArgs};
use crate::printer::{self, Table};
use crate::settings::Settings;

pub(crate) fn list(s: &Settings, a: ArticlesArgs) -> anyhow::Result<ExitCode> {
    let since = super::parse_since(a.since.as_deref())?;
    let store = s.open_store()?;
    let rows = store.articles(&ArticleQuery {
        outlet: a.outlet,
        language: a.language,
        since,
        limit: Some(a.limit),
        offset: a.offset,
    })?;
    if s.json {
        printer::json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut t = Table::new(&["ID", "PUBLISHED", "LANG", "OUTLET", "TITLE"]);
    for r in &rows {
        t.row(vec![
            r.id.to_string(),
            r.published
                .map(|p| p.format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_else(|| "-".into()),
            r.language.clone().unwrap_or_else(|| "-".into()),
            r.outlet.clone().unwrap_or_else(|| "-".into()),
            r.title.clone().unwrap_or_else(|| "(untitled)".into()),
        ]);
    }
    t.print()?;
    let total = store.count_articles()?;
    printer::eprintln(&format!("{} of {} articles shown", rows.len(), total));
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct TokenView<'a> {
    text: &'a str,
    norm: &'a str,
    stem: &'a str,
    stop: bool,
}

pub(crate) fn show(s: &Settings, a: ArticleArgs) -> anyhow::Result<ExitCode> {
    let id: ArticleId = a.id.parse()?;
    let store = s.open_store()?;
    let Some(stored) = store.article(id)? else {
        anyhow::bail!("no article with id {id} in {}", s.data_dir.display());
    };
    let art = &stored.article;
    if s.json {
        let mut v = serde_json::to_value(&stored)?;
        if a.tokens {
            let analyzer = parallax_text::Analyzer::new();
            let analysis = analyzer.analyze(&art.text, art.language.as_deref());
            let toks: Vec<TokenView> = analysis
                .tokens
                .iter()
                .map(|t| TokenView {
                    text: t.span.slice(&art.text).unwrap_or(""),
                    norm: &t.norm,
                    stem: &t.stem,
                    stop: t.stop,
                })
                .collect();
            v["tokens"] = serde_json::to_value(toks)?;
        }
        printer::json(&v)?;
        return Ok(ExitCode::SUCCESS);
    }
    let field = |k: &str, v: String| printer::out(&format!("{k:<10} {v}"));
    field("id", art.id.to_string())?;
    field("title", art.title.clone().unwrap_or_default())?;
    field("outlet", art.outlet.clone().unwrap_or_default())?;
    field("authors", art.authors.join(", "))?;
    field(
        "published",
        art.published
            .as_ref()
            .map(|p| format!("{} (source: {:?})", p.utc.to_rfc3339(), p.original))
            .unwrap_or_else(|| "-".into()),
    )?;
    field(
        "language",
        format!(
            "{} (confidence {:.2})",
            stored.enrichment.language.clone().unwrap_or_else(|| "-".into()),
            stored.enrichment.lang_confidence
        ),
    )?;
    field("url", art.url.clone().unwrap_or_default())?;
    field("source", art.source.to_string())?;
    field(
        "size",
        format!(
            "{} paragraphs, {} sentences, {} tokens",
            art.paragraphs.len(),
            stored.enrichment.sentences.len(),
            stored.enrichment.n_tokens
        ),
    )?;
    for (k, v) in &art.meta {
        field(&format!("meta.{k}"), v.to_string())?;
    }
    printer::out("")?;
    if a.sentences {
        for (i, sp) in stored.enrichment.sentences.iter().enumerate() {
            printer::out(&format!(
                "[{i:>3}] {:>6}..{:<6} {}",
                sp.start,
                sp.end,
                sp.slice(&art.text).unwrap_or("")
            ))?;
        }
    } else {
        printer::out(&art.text)?;
    }
    if a.tokens {
        let analyzer = parallax_text::Analyzer::new();
        let analysis = analyzer.analyze(&art.text, art.language.as_deref());
        printer::out("")?;
        let line: Vec<String> = analysis
            .tokens
            .iter()
            .map(
                |t| if t.stop { format!("({})", t.norm) } else { format!("{}/{}", t.norm, t.stem) },
            )
            .collect();
        printer::out(&line.join(" "))?;
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn rejects(s: &Settings, a: RejectsArgs) -> anyhow::Result<ExitCode> {
    let store = s.open_store()?;
    let rows = store.rejects(Some(a.limit))?;
    if s.json {
        printer::json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut t = Table::new(&["LAST SEEN", "TIMES", "REASON", "SOURCE", "DETAIL"]);
    for r in &rows {
        t.row(vec![
            r.last_seen.format("%Y-%m-%d %H:%M").to_string(),
            r.times.to_string(),
            r.reason.to_string(),
            r.source.to_string(),
            r.detail.clone(),
        ]);
    }
    t.print()?;
    printer::eprintln(&format!("{} rejects shown", rows.len()));
    Ok(ExitCode::SUCCESS)
}
