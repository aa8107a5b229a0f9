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
    pub(crate) fn write_links(tx: &rusqlite::Transaction<'_>, links: &Links) -> Result<()> {
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
        for s in &links.stories {
            mem.execute(params![s.article.to_string(), s.story as i64, s.score, s.via_duplicate])?;
        }
        for c in &links.changes {
            match c {
                StoryChange::Merge { from, into } => {
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
                    tx.execute(
                        "UPDATE story_members SET story_id = ?2 WHERE article_id = ?1",
                        params![article.to_string(), *to as i64],
                    )?;
                }
            }
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
        let mut st = self.conn.prepare_cached(
            "SELECT m.story_id, COUNT(*), COUNT(DISTINCT a.outlet), MIN(a.published_utc), MAX(a.published_utc),
                    (SELECT a2.title FROM story_members m2 JOIN articles a2 ON a2.id = m2.article_id
                      WHERE m2.story_id = m.story_id ORDER BY a2.published_utc IS NULL, a2.published_utc, a2.seq LIMIT 1)
             FROM story_members m JOIN articles a ON a.id = m.article_id
             GROUP BY m.story_id
             HAVING COUNT(*) >= ?1 AND (?2 IS NULL OR MAX(a.published_utc) >= ?2)
             ORDER BY MAX(a.published_utc) IS NULL, MAX(a.published_utc) DESC, COUNT(*) DESC
             LIMIT ?3 OFFSET ?4",
        )?;
        let rows = st.query_map(
            params![
                min_articles as i64,
                since.map(|s| s.to_rfc3339()),
                limit as i64,
                offset as i64
            ],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, Option<String>>(5)?,
                ))
            },
        )?;
        let mut out = Vec::new();
        for row in rows {
            let (id, n, outlets, first, last, title) = row?;
            out.push(StorySummary {
                id: id as u64,
                articles: n as u64,
                outlets: outlets as u64,
                first_published: first.as_deref().map(time).transpose()?,
                last_published: last.as_deref().map(time).transpose()?,
                title,
            });
        }
        Ok(out)
    }

    /// The members of story `id` (aliases resolved), in publication order.
    pub fn story_members(&self, id: u64) -> Result<Vec<StoryMember>> {
        let id = self.resolve_story(id)?;
        let mut st = self.conn.prepare_cached(
            "SELECT a.id, a.outlet, a.title, a.published_utc, a.language, m.score, m.via_duplicate, d.canonical
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
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (aid, outlet, title, published, language, score, via, dup) = row?;
            out.push(StoryMember {
                id: parse_id(&aid)?,
                outlet,
                title,
                published: published.as_deref().map(time).transpose()?,
                language,
                score,
                via_duplicate: via,
                duplicate_of: dup.as_deref().map(parse_id).transpose()?,
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
