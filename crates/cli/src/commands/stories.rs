use std::collections::HashMap;
use std::process::ExitCode;

use parallax_text::{Analyzer, TokenKind};
use serde::Serialize;

use crate::args::{DupsArgs, StoriesArgs, StoryArgs};
use crate::printer::{self, Table};
use crate::settings::Settings;

/// A name with the number of articles that mention it.
type Named = (String, usize);
/// A term with its score.
type Scored = (String, f32);

fn fmt_time(t: Option<chrono::DateTime<chrono::Utc>>) -> String {
    t.map(|t| t.format("%Y-%m-%d %H:%M").to_string()).unwrap_or_else(|| "-".into())
}

pub(crate) fn list(s: &Settings, a: StoriesArgs) -> anyhow::Result<ExitCode> {
    let since = super::parse_since(a.since.as_deref())?;
    let store = s.open_store()?;
    let rows = store.stories(since, a.min_articles, a.limit, a.offset)?;
    if s.json {
        printer::json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut t = Table::new(&["STORY", "ARTICLES", "OUTLETS", "FIRST", "LAST", "TITLE"]);
    for r in &rows {
        t.row(vec![
            r.id.to_string(),
            r.articles.to_string(),
            r.outlets.to_string(),
            fmt_time(r.first_published),
            fmt_time(r.last_published),
            r.title.clone().unwrap_or_else(|| "(untitled)".into()),
        ]);
    }
    t.print()?;
    printer::eprintln(&format!("{} stories shown", rows.len()));
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct StoryView {
    id: u64,
    articles: Vec<parallax_store::StoryMember>,
    outlets: Vec<(String, usize)>,
    first_published: Option<chrono::DateTime<chrono::Utc>>,
    last_published: Option<chrono::DateTime<chrono::Utc>>,
    top_terms: Vec<(String, f32)>,
    top_names: Vec<(String, usize)>,
}

pub(crate) fn show(s: &Settings, a: StoryArgs) -> anyhow::Result<ExitCode> {
    let store = s.open_store()?;
    let id = store.resolve_story(a.id)?;
    let members = store.story_members(id)?;
    if members.is_empty() {
        anyhow::bail!("no story with id {} in {}", a.id, s.data_dir.display());
    }
    if a.compare {
        return super::compare::story(s, &store, &members, &a.report);
    }
    let mut outlets: HashMap<String, usize> = HashMap::new();
    for m in &members {
        *outlets.entry(m.outlet.clone().unwrap_or_else(|| "-".into())).or_default() += 1;
    }
    let mut outlets: Vec<(String, usize)> = outlets.into_iter().collect();
    outlets.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    let (top_terms, top_names) = top_terms_and_names(&store, &members, a.top)?;
    let view = StoryView {
        id,
        first_published: members.iter().filter_map(|m| m.published).min(),
        last_published: members.iter().filter_map(|m| m.published).max(),
        articles: members,
        outlets,
        top_terms,
        top_names,
    };
    if s.json {
        printer::json(&view)?;
        return Ok(ExitCode::SUCCESS);
    }
    printer::out(&format!(
        "story {}: {} articles from {} outlets, {} → {}",
        view.id,
        view.articles.len(),
        view.outlets.len(),
        fmt_time(view.first_published),
        fmt_time(view.last_published)
    ))?;
    printer::out(&format!(
        "outlets: {}",
        view.outlets.iter().map(|(o, n)| format!("{o} ({n})")).collect::<Vec<_>>().join(", ")
    ))?;
    printer::out(&format!(
        "terms:   {}",
        view.top_terms.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>().join(", ")
    ))?;
    printer::out(&format!(
        "names:   {}",
        view.top_names.iter().map(|(t, n)| format!("{t} ({n})")).collect::<Vec<_>>().join(", ")
    ))?;
    printer::out("")?;
    let mut t = Table::new(&["ARTICLE", "PUBLISHED", "LANG", "OUTLET", "SCORE", "TITLE"]);
    for m in &view.articles {
        let score = match m.duplicate_of {
            Some(c) => format!("copy of {c}"),
            None => format!("{:.2}", m.score),
        };
        t.row(vec![
            m.id.to_string(),
            fmt_time(m.published),
            m.language.clone().unwrap_or_else(|| "-".into()),
            m.outlet.clone().unwrap_or_else(|| "-".into()),
            score,
            m.title.clone().unwrap_or_else(|| "(untitled)".into()),
        ]);
    }
    t.print()?;
    Ok(ExitCode::SUCCESS)
}

/// Words every news report uses whatever its story: reporting verbs and modals.
/// Stop-word lists do not have them, and they would top every story's terms.
const NEWS_FILLER: [&str; 24] = [
    "said",
    "says",
    "say",
    "told",
    "tell",
    "added",
    "would",
    "could",
    "also",
    "according",
    "sagte",
    "sagt",
    "erklärte",
    "sei",
    "habe",
    "seien",
    "hätten",
    "würde",
    "dass",
    "sowie",
    "mr",
    "mrs",
    "ms",
    "dr",
];

/// Calendar words, which are capitalised but name nobody.
const CALENDAR: [&str; 38] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
    "Januar",
    "Februar",
    "März",
    "Mai",
    "Juni",
    "Juli",
    "Oktober",
    "Dezember",
    "Today",
    "Yesterday",
    "Heute",
    "Gestern",
];

/// Terms: stems ranked by how many of the story's articles use them, weighted
/// by frequency (title words count three times); stop words, reporting verbs and
/// numbers are left out. Names: capitalised word sequences not at a sentence
/// start, calendar words excepted, by the number of articles that mention them
/// (a stand-in until entity extraction).
fn top_terms_and_names(
    store: &parallax_store::Store,
    members: &[parallax_store::StoryMember],
    top: usize,
) -> anyhow::Result<(Vec<Scored>, Vec<Named>)> {
    let analyzer = Analyzer::new();
    let mut terms: HashMap<String, (f32, usize, HashMap<String, usize>)> = HashMap::new();
    let mut names: HashMap<String, usize> = HashMap::new();
    for m in members.iter().filter(|m| m.duplicate_of.is_none()).take(200) {
        let Some(stored) = store.article(m.id)? else { continue };
        let art = stored.article;
        let analysis = analyzer.analyze(&art.text, art.language.as_deref());
        let mut seen_terms: HashMap<String, f32> = HashMap::new();
        let mut surface: HashMap<String, String> = HashMap::new();
        let keep = |t: &&parallax_text::Token| {
            !t.stop
                && t.kind == TokenKind::Word
                && t.norm.chars().count() > 2
                && !NEWS_FILLER.contains(&t.norm.as_str())
        };
        for t in analysis.tokens.iter().filter(keep) {
            *seen_terms.entry(t.stem.clone()).or_default() += 1.0;
            surface.entry(t.stem.clone()).or_insert_with(|| t.norm.clone());
        }
        if let (Some(title), Some(lang)) = (&art.title, analysis.lang) {
            for t in analyzer.tokens(title, lang).iter().filter(keep) {
                *seen_terms.entry(t.stem.clone()).or_default() += 3.0;
                surface.entry(t.stem.clone()).or_insert_with(|| t.norm.clone());
            }
        }
        for (stem, tf) in seen_terms {
            let e = terms.entry(stem.clone()).or_insert_with(|| (0.0, 0, HashMap::new()));
            e.0 += 1.0 + tf.ln();
            e.1 += 1;
            if let Some(s) = surface.get(&stem) {
                *e.2.entry(s.clone()).or_default() += 1;
            }
        }
        let mut article_names: std::collections::HashSet<String> = std::collections::HashSet::new();
        for sp in &stored.enrichment.sentences {
            let Some(sentence) = sp.slice(&art.text) else { continue };
            let words: Vec<&str> = sentence.split_whitespace().collect();
            let mut run: Vec<&str> = Vec::new();
            for (i, w) in words.iter().enumerate() {
                let clean = w.trim_matches(|c: char| !c.is_alphanumeric());
                let cap = clean.chars().next().is_some_and(char::is_uppercase)
                    && clean.chars().count() > 1
                    && !CALENDAR.contains(&clean);
                if cap && i > 0 {
                    run.push(clean);
                }
                let ends = !cap || i == 0 || clean.len() != w.len() || i + 1 == words.len();
                if ends && !run.is_empty() {
                    article_names.insert(run.join(" "));
                    run.clear();
                }
            }
        }
        for n in article_names {
            *names.entry(n).or_default() += 1;
        }
    }
    let mut terms: Vec<(String, f32)> = terms
        .into_values()
        .map(|(score, df, forms)| {
            let form = forms
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                .map(|f| f.0);
            (form.unwrap_or_default(), score * df as f32)
        })
        .collect();
    terms.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    terms.truncate(top);
    let mut names: Vec<(String, usize)> = names.into_iter().collect();
    names.sort_by(|a, b| {
        b.1.cmp(&a.1).then_with(|| b.0.len().cmp(&a.0.len())).then_with(|| a.0.cmp(&b.0))
    });
    names.truncate(top);
    Ok((terms, names))
}

pub(crate) fn dups(s: &Settings, a: DupsArgs) -> anyhow::Result<ExitCode> {
    let store = s.open_store()?;
    let groups = store.dup_groups(a.min_size.max(1), a.limit)?;
    if s.json {
        printer::json(&groups)?;
        return Ok(ExitCode::SUCCESS);
    }
    for g in &groups {
        printer::out(&format!(
            "group {} ({} articles), canonical {}",
            g.group,
            g.members.len(),
            g.canonical
        ))?;
        let mut t = Table::new(&["  ARTICLE", "SIMILARITY", "OUTLET", "TITLE"]);
        for (id, outlet, title, sim) in &g.members {
            t.row(vec![
                format!("  {id}"),
                format!("{sim:.2}"),
                outlet.clone().unwrap_or_else(|| "-".into()),
                title.clone().unwrap_or_else(|| "(untitled)".into()),
            ]);
        }
        t.print()?;
    }
    printer::eprintln(&format!("{} groups shown", groups.len()));
    Ok(ExitCode::SUCCESS)
}
