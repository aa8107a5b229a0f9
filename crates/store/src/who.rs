//! Who said what: the entities and quotes of each article, and the views
//! across articles a reader needs (a person's quotes in every outlet and
//! story, the people a store knows).
//!
//! Rows are written with their article in [`Store::write_batch_known`]: an
//! insert or revision replaces the article's rows, an unchanged article
//! keeps them.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use parallax_model::{ArticleId, EntityRecord, QuoteRecord, Span, WhoSaidWhat};
use rusqlite::{Transaction, params};
use serde::Serialize;

use crate::store::{json, parse_id, time, unjson};
use crate::{Result, Store};

/// Replaces the who-said-what rows of article `id`.
pub(crate) fn write(tx: &Transaction<'_>, id: &str, who: &WhoSaidWhat) -> Result<()> {
    tx.prepare_cached("DELETE FROM article_entities WHERE article_id = ?1")?.execute([id])?;
    tx.prepare_cached("DELETE FROM article_quotes WHERE article_id = ?1")?.execute([id])?;
    let mut ent = tx.prepare_cached(
        "INSERT INTO article_entities (article_id, n, key, name, kind, roles, mentions,
           first_start, first_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (n, e) in who.entities.iter().enumerate() {
        ent.execute(params![
            id,
            n as i64,
            e.key,
            e.name,
            e.kind,
            json(&e.roles)?,
            e.mentions,
            e.first.start,
            e.first.end
        ])?;
    }
    let mut quo = tx.prepare_cached(
        "INSERT INTO article_quotes (article_id, n, kind, text, start, end, speaker_text,
           speaker_name, speaker_key, cue, speech) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for (n, q) in who.quotes.iter().enumerate() {
        quo.execute(params![
            id,
            n as i64,
            q.kind,
            q.text,
            q.span.start,
            q.span.end,
            q.speaker_text,
            q.speaker_name,
            q.speaker_key,
            q.cue,
            q.speech
        ])?;
    }
    Ok(())
}

/// A quote with the article it is in.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteInArticle {
    /// The article.
    pub article: ArticleId,
    /// Its index among the article's quotes.
    pub index: u32,
    /// The article's outlet.
    pub outlet: Option<String>,
    /// The article's title.
    pub title: Option<String>,
    /// The article's publication time.
    pub published: Option<DateTime<Utc>>,
    /// The article's story.
    pub story: Option<u64>,
    /// The quote.
    #[serde(flatten)]
    pub quote: QuoteRecord,
}

/// A person (or organisation) across the store.
#[derive(Debug, Clone, Serialize)]
pub struct EntitySummary {
    /// Cross-article key.
    pub key: String,
    /// The name most articles use.
    pub name: String,
    /// The kind most articles give.
    pub kind: String,
    /// Roles with how many articles give each, most frequent first.
    pub roles: Vec<(String, u32)>,
    /// Articles that name it.
    pub articles: u32,
    /// Distinct outlets of those articles.
    pub outlets: u32,
    /// Quotes attributed to it.
    pub quotes: u32,
}

/// Filters for [`Store::entities`].
#[derive(Debug, Clone, Default)]
pub struct EntityQuery {
    /// Key or name contains this (case-insensitive).
    pub text: Option<String>,
    /// Only this kind.
    pub kind: Option<String>,
    /// Only entities with at least one quote.
    pub quoted: bool,
    /// At most this many.
    pub limit: usize,
    /// Skip this many.
    pub offset: usize,
}

impl Store {
    /// The who-said-what rows of one article (empty when none were stored).
    pub fn who(&self, id: ArticleId) -> Result<WhoSaidWhat> {
        let id = id.to_string();
        let mut st = self.conn.prepare_cached(
            "SELECT key, name, kind, roles, mentions, first_start, first_end
             FROM article_entities WHERE article_id = ?1 ORDER BY n",
        )?;
        let rows = st.query_map([&id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, u32>(4)?,
                r.get::<_, u32>(5)?,
                r.get::<_, u32>(6)?,
            ))
        })?;
        let mut entities = Vec::new();
        for row in rows {
            let (key, name, kind, roles, mentions, s, e) = row?;
            entities.push(EntityRecord {
                key,
                name,
                kind,
                roles: unjson(&roles)?,
                mentions,
                first: Span { start: s, end: e },
            });
        }
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {QUOTE_COLS} FROM article_quotes q WHERE q.article_id = ?1 ORDER BY q.n"
        ))?;
        let quotes = st.query_map([&id], quote_row)?.collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(WhoSaidWhat { entities, quotes: quotes.into_iter().map(|(_, q)| q).collect() })
    }

    /// Quotes attributed to entity `key` in every article, newest first, with
    /// their article and story.
    pub fn quotes_by(&self, key: &str, limit: usize, offset: usize) -> Result<Vec<QuoteInArticle>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT q.article_id, a.outlet, a.title, a.published_utc, m.story_id, {QUOTE_COLS}
             FROM article_quotes q JOIN articles a ON a.id = q.article_id
             LEFT JOIN story_members m ON m.article_id = q.article_id
             WHERE q.speaker_key = ?1
             ORDER BY a.published_utc DESC, a.seq DESC, q.n LIMIT ?2 OFFSET ?3"
        ))?;
        let rows = st.query_map(params![key, limit as i64, offset as i64], |r| {
            let (index, quote) = quote_row_at(r, 5)?;
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<i64>>(4)?,
                index,
                quote,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, outlet, title, published, story, index, quote) = row?;
            let story = match story {
                Some(s) => Some(self.resolve_story(s as u64)?),
                None => None,
            };
            out.push(QuoteInArticle {
                article: parse_id(&id)?,
                index,
                outlet,
                title,
                published: published.as_deref().map(time).transpose()?,
                story,
                quote,
            });
        }
        Ok(out)
    }

    /// One entity across the store, or `None` when no article names it.
    pub fn entity(&self, key: &str) -> Result<Option<EntitySummary>> {
        let mut st = self.conn.prepare_cached(
            "SELECT e.name, e.kind, e.roles, a.outlet FROM article_entities e
             JOIN articles a ON a.id = e.article_id WHERE e.key = ?1",
        )?;
        let rows = st.query_map([key], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?;
        let mut names: HashMap<String, u32> = HashMap::new();
        let mut kinds: HashMap<String, u32> = HashMap::new();
        let mut roles: HashMap<String, u32> = HashMap::new();
        let mut outlets = std::collections::HashSet::new();
        let mut articles = 0u32;
        for row in rows {
            let (name, kind, rs, outlet) = row?;
            articles += 1;
            *names.entry(name).or_default() += 1;
            *kinds.entry(kind).or_default() += 1;
            for r in unjson::<Vec<String>>(&rs)? {
                *roles.entry(r).or_default() += 1;
            }
            if let Some(o) = outlet {
                outlets.insert(o);
            }
        }
        if articles == 0 {
            return Ok(None);
        }
        let quotes: u32 = self.conn.query_row(
            "SELECT COUNT(*) FROM article_quotes WHERE speaker_key = ?1",
            [key],
            |r| r.get(0),
        )?;
        Ok(Some(EntitySummary {
            key: key.to_string(),
            name: most_common(names),
            kind: most_common(kinds),
            roles: by_count(roles),
            articles,
            outlets: outlets.len() as u32,
            quotes,
        }))
    }

    /// Entities across the store, the most quoted first, then the most named.
    pub fn entities(&self, q: &EntityQuery) -> Result<Vec<EntitySummary>> {
        let mut sql = String::from(
            "SELECT e.key, COUNT(*) AS n,
               (SELECT COUNT(*) FROM article_quotes q WHERE q.speaker_key = e.key) AS quotes
             FROM article_entities e WHERE 1=1",
        );
        let mut args: Vec<String> = Vec::new();
        if let Some(t) = q.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            args.push(format!("%{}%", escape_like(&t.to_lowercase())));
            sql.push_str(&format!(
                " AND (e.key LIKE ?{0} ESCAPE '\\' OR lower(e.name) LIKE ?{0} ESCAPE '\\')",
                args.len()
            ));
        }
        if let Some(k) = &q.kind {
            args.push(k.clone());
            sql.push_str(&format!(" AND e.kind = ?{}", args.len()));
        }
        sql.push_str(" GROUP BY e.key");
        if q.quoted {
            sql.push_str(" HAVING quotes > 0");
        }
        sql.push_str(&format!(
            " ORDER BY quotes DESC, n DESC, e.key LIMIT {} OFFSET {}",
            q.limit.clamp(1, 1000),
            q.offset
        ));
        let keys: Vec<String> = {
            let mut st = self.conn.prepare(&sql)?;
            st.query_map(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?
                .collect::<std::result::Result<_, _>>()?
        };
        let mut out = Vec::with_capacity(keys.len());
        for k in keys {
            if let Some(e) = self.entity(&k)? {
                out.push(e);
            }
        }
        Ok(out)
    }
}

const QUOTE_COLS: &str = "q.n, q.kind, q.text, q.start, q.end, q.speaker_text, q.speaker_name, q.speaker_key, q.cue, q.speech";

fn quote_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(u32, QuoteRecord)> {
    quote_row_at(r, 0)
}

fn quote_row_at(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<(u32, QuoteRecord)> {
    Ok((
        r.get(at)?,
        QuoteRecord {
            kind: r.get(at + 1)?,
            text: r.get(at + 2)?,
            span: Span { start: r.get(at + 3)?, end: r.get(at + 4)? },
            speaker_text: r.get(at + 5)?,
            speaker_name: r.get(at + 6)?,
            speaker_key: r.get(at + 7)?,
            cue: r.get(at + 8)?,
            speech: r.get(at + 9)?,
        },
    ))
}

fn most_common(m: HashMap<String, u32>) -> String {
    by_count(m).into_iter().next().map(|(k, _)| k).unwrap_or_default()
}

fn by_count(m: HashMap<String, u32>) -> Vec<(String, u32)> {
    let mut v: Vec<(String, u32)> = m.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

fn escape_like(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
