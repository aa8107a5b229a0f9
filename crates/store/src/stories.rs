//! Near-duplicate groups, story membership and state snapshots.

use chrono::{DateTime, Utc};
use parallax_model::ArticleId;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use crate::store::{parse_id, time};
use crate::{Result, Store};

/// An article's near-duplicate group, as decided by the dedup stage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DupLink {
    /// The article.
    pub article: ArticleId,
    /// Its group (the group's id as the dedup stage names it).
    pub group: String,
    /// The group's canonical article.
    pub canonical: ArticleId,
    /// Jaccard similarity of the article to the canonical (1.0 for the canonical).
    pub similarity: f32,
    /// Containment of the shorter of the two in the longer.
    pub containment: f32,
}

/// An article's story, as decided by the clustering stage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryLink {
    /// The article.
    pub article: ArticleId,
    /// The story id.
    pub story: u64,
    /// The similarity that put it there (0 when it opened the story).
    pub score: f32,
    /// True when it joined through its near-duplicate canonical.
    pub via_duplicate: bool,
}

/// A change to earlier story decisions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum StoryChange {
    /// Every member of `from` now belongs to `into`; `from` becomes an alias.
    Merge {
        /// The absorbed story.
        from: u64,
        /// The surviving story.
        into: u64,
    },
    /// One article moved to another story (a split).
    Move {
        /// The article.
        article: ArticleId,
        /// Its new story.
        to: u64,
    },
}

/// What the dedup and clustering stages decided for a batch.
#[derive(Debug, Clone, Default)]
pub struct Links {
    /// Near-duplicate groups.
    pub dups: Vec<DupLink>,
    /// Story assignments.
    pub stories: Vec<StoryLink>,
    /// Merges and splits, applied after the assignments.
    pub changes: Vec<StoryChange>,
}

impl Links {
    /// True when there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self.dups.is_empty() && self.stories.is_empty() && self.changes.is_empty()
    }
}

/// A row of a story listing.
#[derive(Debug, Clone, Serialize)]
pub struct StorySummary {
    /// Story id.
    pub id: u64,
    /// Articles in the story.
    pub articles: u64,
    /// Distinct outlets.
    pub outlets: u64,
    /// Earliest publication time.
    pub first_published: Option<DateTime<Utc>>,
    /// Latest publication time.
    pub last_published: Option<DateTime<Utc>>,
    /// The title of its earliest article.
    pub title: Option<String>,
    /// Languages of its articles.
    pub languages: Vec<String>,
}

/// Order of a story listing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StorySort {
    /// Most recently active first.
    #[default]
    Recent,
    /// Most articles first.
    Largest,
}

/// Filters for [`Store::find_stories`].
#[derive(Debug, Clone, Default)]
pub struct StoryQuery {
    /// Keep stories with an article published at or after this time.
    pub since: Option<DateTime<Utc>>,
    /// Keep stories with an article published before this time.
    pub until: Option<DateTime<Utc>>,
    /// Drop stories with fewer articles.
    pub min_articles: u64,
    /// Keep stories with an article in this language.
    pub language: Option<String>,
    /// Keep stories with an article from this outlet.
    pub outlet: Option<String>,
    /// Keep only these stories (a text search's result).
    pub ids: Option<Vec<u64>>,
    /// Order.
    pub sort: StorySort,
    /// At most this many.
    pub limit: usize,
    /// Skip this many.
    pub offset: usize,
}

fn story_filter(q: &StoryQuery) -> (String, Vec<rusqlite::types::Value>) {
    use rusqlite::types::Value;
    let mut sql = String::from("1 = 1");
    let mut args: Vec<Value> = Vec::new();
    if q.min_articles > 1 {
        args.push(Value::Integer(q.min_articles.min(i64::MAX as u64) as i64));
        sql.push_str(&format!(" AND s.articles >= ?{}", args.len()));
    }
    if let Some(t) = q.since {
        args.push(Value::Text(t.to_rfc3339()));
        sql.push_str(&format!(" AND s.last_published >= ?{}", args.len()));
    }
    if let Some(t) = q.until {
        args.push(Value::Text(t.to_rfc3339()));
        sql.push_str(&format!(" AND s.first_published < ?{}", args.len()));
    }
    if let Some(l) = &q.language {
        args.push(Value::Text(l.clone()));
        sql.push_str(&format!(
            " AND s.id IN (SELECT m.story_id FROM story_members m JOIN articles a ON a.id = m.article_id WHERE a.language = ?{})",
            args.len()
        ));
    }
    if let Some(o) = &q.outlet {
        args.push(Value::Text(o.clone()));
        sql.push_str(&format!(
            " AND s.id IN (SELECT m.story_id FROM story_members m JOIN articles a ON a.id = m.article_id WHERE a.outlet = ?{})",
            args.len()
        ));
    }
    if let Some(ids) = &q.ids {
        // Ids are numbers, written inline: no injection, no parameter limit.
        let list: Vec<String> = ids.iter().map(|i| (*i as i64).to_string()).collect();
        sql.push_str(&format!(
            " AND s.id IN ({})",
            if list.is_empty() { "NULL".to_string() } else { list.join(",") }
        ));
    }
    (sql, args)
}

/// A member of a story.
#[derive(Debug, Clone, Serialize)]
pub struct StoryMember {
    /// The article.
    pub id: ArticleId,
    /// Outlet.
    pub outlet: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Publication time.
    pub published: Option<DateTime<Utc>>,
    /// Language.
    pub language: Option<String>,
    /// Similarity that put it in the story.
    pub score: f32,
    /// Joined through its near-duplicate canonical.
    pub via_duplicate: bool,
    /// Its near-duplicate group's canonical, when it is a copy of another article.
    pub duplicate_of: Option<ArticleId>,
    /// Its revision number (changes when its text is revised).
    pub rev: i64,
}

/// A near-duplicate group with its members.
#[derive(Debug, Clone, Serialize)]
pub struct DupGroup {
    /// Group id.
    pub group: String,
    /// The canonical article.
    pub canonical: ArticleId,
    /// Members (canonical first), with their similarity to the canonical.
    pub members: Vec<(ArticleId, Option<String>, Option<String>, f32)>,
}

impl Store {
    /// Writes dedup and story decisions; returns the stories they touched
    /// (whose summary rows the caller refreshes).
    pub(crate) fn write_links(
        tx: &rusqlite::Transaction<'_>,
        links: &Links,
        touched: &mut std::collections::BTreeSet<u64>,
    ) -> Result<()> {
        let mut dup = tx.prepare_cached(
            "INSERT INTO dup_groups (article_id, group_id, canonical, similarity, containment)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(article_id) DO UPDATE SET group_id = excluded.group_id,
               canonical = excluded.canonical, similarity = excluded.similarity,
               containment = excluded.containment",
        )?;
        for d in &links.dups {
            dup.execute(params![
                d.article.to_string(),
                d.group,
                d.canonical.to_string(),
                d.similarity,
                d.containment
            ])?;
        }
        let mut mem = tx.prepare_cached(
            "INSERT INTO story_members (article_id, story_id, score, via_duplicate) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id,
               score = excluded.score, via_duplicate = excluded.via_duplicate",
        )?;
        let mut old =
            tx.prepare_cached("SELECT story_id FROM story_members WHERE article_id = ?1")?;
        for s in &links.stories {
            let id = s.article.to_string();
            if let Some(prev) = old.query_row([&id], |r| r.get::<_, i64>(0)).optional()? {
                touched.insert(prev as u64);
            }
            mem.execute(params![id, s.story as i64, s.score, s.via_duplicate])?;
            touched.insert(s.story);
        }
        for c in &links.changes {
            match c {
                StoryChange::Merge { from, into } => {
                    touched.insert(*from);
                    touched.insert(*into);
                    tx.execute(
                        "UPDATE story_members SET story_id = ?2 WHERE story_id = ?1",
                        params![*from as i64, *into as i64],
                    )?;
                    tx.execute(
                        "UPDATE story_aliases SET story_id = ?2 WHERE story_id = ?1",
                        params![*from as i64, *into as i64],
                    )?;
                    tx.execute(
                        "INSERT OR REPLACE INTO story_aliases (alias, story_id) VALUES (?1, ?2)",
                        params![*from as i64, *into as i64],
                    )?;
                }
                StoryChange::Move { article, to } => {
                    if let Some(prev) =
                        old.query_row([article.to_string()], |r| r.get::<_, i64>(0)).optional()?
                    {
                        touched.insert(prev as u64);
                    }
                    touched.insert(*to);
                    tx.execute(
                        "UPDATE story_members SET story_id = ?2 WHERE article_id = ?1",
                        params![article.to_string(), *to as i64],
                    )?;
                }
            }
        }
        Ok(())
    }

    /// Recomputes the summary rows of `stories` (a story left empty loses its row).
    pub(crate) fn refresh_stories(
        tx: &rusqlite::Transaction<'_>,
        stories: &std::collections::BTreeSet<u64>,
    ) -> Result<()> {
        let mut del = tx.prepare_cached("DELETE FROM stories WHERE id = ?1")?;
        let mut ins = tx.prepare_cached(
            "INSERT INTO stories (id, articles, outlets, first_published, last_published, title, languages)
             SELECT m.story_id, COUNT(*), COUNT(DISTINCT a.outlet), MIN(a.published_utc), MAX(a.published_utc),
                    (SELECT a2.title FROM story_members m2 JOIN articles a2 ON a2.id = m2.article_id
                      WHERE m2.story_id = m.story_id
                      ORDER BY a2.published_utc IS NULL, a2.published_utc, a2.seq LIMIT 1),
                    COALESCE(group_concat(DISTINCT a.language), '')
             FROM story_members m JOIN articles a ON a.id = m.article_id
             WHERE m.story_id = ?1 GROUP BY m.story_id",
        )?;
        for &s in stories {
            del.execute([s as i64])?;
            ins.execute([s as i64])?;
        }
        Ok(())
    }

    /// The story id `id` now lives under (itself, unless it was merged away).
    pub fn resolve_story(&self, id: u64) -> Result<u64> {
        let alias: Option<i64> = self
            .conn
            .query_row("SELECT story_id FROM story_aliases WHERE alias = ?1", [id as i64], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(alias.map(|a| a as u64).unwrap_or(id))
    }

    /// Stories, most recently active first. `since` keeps stories with an article
    /// published at or after it; `min_articles` drops small ones.
    pub fn stories(
        &self,
        since: Option<DateTime<Utc>>,
        min_articles: u64,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<StorySummary>> {
        self.find_stories(&StoryQuery {
            since,
            min_articles,
            limit,
            offset,
            ..StoryQuery::default()
        })
    }

    /// Stories matching `q`, in its order.
    pub fn find_stories(&self, q: &StoryQuery) -> Result<Vec<StorySummary>> {
        let (filter, args) = story_filter(q);
        let order = match q.sort {
            // Both orders follow an index (with the rowid as its last column),
            // so a page costs the same whatever the number of stories; SQLite
            // sorts NULL lowest, so undated stories come last.
            StorySort::Recent => "s.last_published DESC, s.id DESC",
            StorySort::Largest => "s.articles DESC, s.id DESC",
        };
        let sql = format!(
            "SELECT s.id, s.articles, s.outlets, s.first_published, s.last_published, s.title, s.languages
             FROM stories s WHERE {filter} ORDER BY {order} LIMIT {} OFFSET {}",
            q.limit.min(i64::MAX as usize) as i64,
            q.offset
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(args.iter()), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, String>(6)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, n, outlets, first, last, title, langs) = row?;
            out.push(StorySummary {
                id: id as u64,
                articles: n as u64,
                outlets: outlets as u64,
                first_published: first.as_deref().map(time).transpose()?,
                last_published: last.as_deref().map(time).transpose()?,
                title,
                languages: langs.split(',').filter(|l| !l.is_empty()).map(str::to_string).collect(),
            });
        }
        Ok(out)
    }

    /// How many stories match `q` (its limit and offset aside).
    pub fn count_stories(&self, q: &StoryQuery) -> Result<u64> {
        let (filter, args) = story_filter(q);
        let sql = format!("SELECT COUNT(*) FROM stories s WHERE {filter}");
        let mut st = self.conn.prepare_cached(&sql)?;
        Ok(st.query_row(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?)
    }

    /// The summary row of one story (aliases resolved).
    pub fn story(&self, id: u64) -> Result<Option<StorySummary>> {
        let id = self.resolve_story(id)?;
        let mut v = self.find_stories(&StoryQuery {
            ids: Some(vec![id]),
            limit: 1,
            ..StoryQuery::default()
        })?;
        Ok(v.pop())
    }

    /// The members of story `id` (aliases resolved), in publication order.
    pub fn story_members(&self, id: u64) -> Result<Vec<StoryMember>> {
        let id = self.resolve_story(id)?;
        let mut st = self.conn.prepare_cached(
            "SELECT a.id, a.outlet, a.title, a.published_utc, a.language, m.score, m.via_duplicate, d.canonical, a.rev
             FROM story_members m JOIN articles a ON a.id = m.article_id
             LEFT JOIN dup_groups d ON d.article_id = a.id AND d.canonical != a.id
             WHERE m.story_id = ?1
             ORDER BY a.published_utc IS NULL, a.published_utc, a.seq",
        )?;
        let rows = st.query_map([id as i64], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, f32>(5)?,
                r.get::<_, bool>(6)?,
                r.get::<_, Option<String>>(7)?,
                r.get::<_, i64>(8)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (aid, outlet, title, published, language, score, via, dup, rev) = row?;
            out.push(StoryMember {
                id: parse_id(&aid)?,
                outlet,
                title,
                published: published.as_deref().map(time).transpose()?,
                language,
                score,
                via_duplicate: via,
                duplicate_of: dup.as_deref().map(parse_id).transpose()?,
                rev,
            });
        }
        Ok(out)
    }

    /// The story of an article, if it has one.
    pub fn story_of(&self, article: ArticleId) -> Result<Option<u64>> {
        let s: Option<i64> = self
            .conn
            .query_row(
                "SELECT story_id FROM story_members WHERE article_id = ?1",
                [article.to_string()],
                |r| r.get(0),
            )
            .optional()?;
        Ok(s.map(|s| s as u64))
    }

    /// Near-duplicate groups with at least `min_size` members, largest first.
    pub fn dup_groups(&self, min_size: usize, limit: usize) -> Result<Vec<DupGroup>> {
        let mut groups = self.conn.prepare_cached(
            "SELECT group_id, canonical FROM dup_groups GROUP BY group_id HAVING COUNT(*) >= ?1
             ORDER BY COUNT(*) DESC, group_id LIMIT ?2",
        )?;
        let heads: Vec<(String, String)> = groups
            .query_map(params![min_size as i64, limit as i64], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<std::result::Result<_, _>>()?;
        let mut members = self.conn.prepare_cached(
            "SELECT d.article_id, a.outlet, a.title, d.similarity FROM dup_groups d
             JOIN articles a ON a.id = d.article_id WHERE d.group_id = ?1
             ORDER BY d.article_id != d.canonical, a.seq",
        )?;
        let mut out = Vec::with_capacity(heads.len());
        for (group, canonical) in heads {
            let rows: Vec<(String, Option<String>, Option<String>, f32)> = members
                .query_map([&group], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect::<std::result::Result<_, _>>()?;
            let mut ms = Vec::with_capacity(rows.len());
            for (id, outlet, title, sim) in rows {
                ms.push((parse_id(&id)?, outlet, title, sim));
            }
            out.push(DupGroup { group, canonical: parse_id(&canonical)?, members: ms });
        }
        Ok(out)
    }

    /// Saves a named state snapshot covering articles up to sequence `covered_seq`.
    pub fn put_snapshot(&mut self, name: &str, covered_seq: i64, data: &[u8]) -> Result<()> {
        self.conn.execute(
            "INSERT INTO snapshots (name, covered_seq, data, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(name) DO UPDATE SET covered_seq = excluded.covered_seq, data = excluded.data,
               updated_at = excluded.updated_at",
            params![name, covered_seq, data, Utc::now().to_rfc3339()],
        )?;
        Ok(())
    }

    /// A named snapshot and the sequence number it covers.
    pub fn snapshot(&self, name: &str) -> Result<Option<(i64, Vec<u8>)>> {
        Ok(self
            .conn
            .query_row("SELECT covered_seq, data FROM snapshots WHERE name = ?1", [name], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?)
    }

    /// The highest arrival sequence number stored (0 when empty).
    pub fn last_seq(&self) -> i64 {
        self.next_seq - 1
    }
}
