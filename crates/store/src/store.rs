use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use parallax_model::{Article, ArticleId, Enrichment, Reject, RejectReason, SourceRef, Span};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::migrations::MIGRATIONS;
use crate::stories::Links;
use crate::{Result, StoreError};

/// The file name of the database inside the data directory.
const DB_FILE: &str = "parallax.sqlite";

/// An open store.
#[derive(Debug)]
pub struct Store {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
    pub(crate) next_seq: i64,
    pub(crate) next_rev: i64,
}

/// What one [`Store::write_batch`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct BatchOutcome {
    /// Articles seen for the first time.
    pub inserted: usize,
    /// Known articles whose text changed (a revision); the new version replaced the old.
    pub updated: usize,
    /// Known articles with the same text: nothing written.
    pub unchanged: usize,
    /// Rejects seen for the first time.
    pub rejects_new: usize,
    /// Rejects seen before (their count and last-seen time were bumped).
    pub rejects_repeat: usize,
}

impl std::ops::AddAssign for BatchOutcome {
    fn add_assign(&mut self, o: Self) {
        self.inserted += o.inserted;
        self.updated += o.updated;
        self.unchanged += o.unchanged;
        self.rejects_new += o.rejects_new;
        self.rejects_repeat += o.rejects_repeat;
    }
}

/// An article as stored, with its enrichment and bookkeeping.
#[derive(Debug, Clone, Serialize)]
pub struct StoredArticle {
    /// The article.
    pub article: Article,
    /// Text analysis results.
    pub enrichment: Enrichment,
    /// Arrival order in this store (1, 2, …).
    pub seq: i64,
    /// Revision counter: bumped on every insert and update, store-wide.
    pub rev: i64,
    /// First ingested.
    pub ingested_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

/// A row of an article listing.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleSummary {
    /// Id.
    pub id: ArticleId,
    /// Outlet.
    pub outlet: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Publication time, UTC.
    pub published: Option<DateTime<Utc>>,
    /// Language (detected, else declared).
    pub language: Option<String>,
    /// Number of tokens.
    pub n_tokens: u32,
    /// Number of sentences.
    pub n_sentences: usize,
    /// URL.
    pub url: Option<String>,
    /// Where it came from.
    pub source: String,
}

/// A reject as logged.
#[derive(Debug, Clone, Serialize)]
pub struct StoredReject {
    /// Where the input came from.
    pub source: SourceRef,
    /// The kind of problem.
    pub reason: RejectReason,
    /// The message.
    pub detail: String,
    /// First time seen.
    pub first_seen: DateTime<Utc>,
    /// Last time seen.
    pub last_seen: DateTime<Utc>,
    /// How many runs met it.
    pub times: u32,
}

/// Filters for [`Store::articles`].
#[derive(Debug, Clone, Default)]
pub struct ArticleQuery {
    /// Only this outlet.
    pub outlet: Option<String>,
    /// Only this language.
    pub language: Option<String>,
    /// Only articles published at or after this time.
    pub since: Option<DateTime<Utc>>,
    /// At most this many rows (default: all).
    pub limit: Option<usize>,
    /// Skip this many rows.
    pub offset: usize,
}

impl Store {
    /// Opens (creating if needed) the store in data directory `dir`.
    pub fn open(dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(dir)
            .map_err(|source| StoreError::Io { path: dir.display().to_string(), source })?;
        let path = dir.join(DB_FILE);
        let conn = Connection::open(&path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        Store::init(conn, Some(path))
    }

    /// A store that lives in memory, for tests.
    pub fn open_in_memory() -> Result<Store> {
        Store::init(Connection::open_in_memory()?, None)
    }

    fn init(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let supported = MIGRATIONS.len() as u32;
        if version > supported {
            return Err(StoreError::TooNew { found: version, supported });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", i as u32 + 1)?;
            tx.commit()?;
            tracing::info!(version = i + 1, "Applied store migration.");
        }
        let max_seq: Option<i64> =
            conn.query_row("SELECT MAX(seq) FROM articles", [], |r| r.get(0))?;
        let max_rev: Option<i64> =
            conn.query_row("SELECT MAX(rev) FROM articles", [], |r| r.get(0))?;
        Ok(Store {
            conn,
            path,
            next_seq: max_seq.unwrap_or(0) + 1,
            next_rev: max_rev.unwrap_or(0) + 1,
        })
    }

    /// The database file, when on disk.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(self.conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Writes articles (with their enrichment) and rejects in one transaction.
    pub fn write_batch(
        &mut self,
        articles: &[(Article, Enrichment)],
        rejects: &[Reject],
    ) -> Result<BatchOutcome> {
        self.write_batch_with(articles, rejects, &Links::default())
    }

    /// Writes articles, rejects and the dedup/story decisions about them in one
    /// transaction, so a crash never leaves an article without its links.
    pub fn write_batch_with(
        &mut self,
        articles: &[(Article, Enrichment)],
        rejects: &[Reject],
        links: &Links,
    ) -> Result<BatchOutcome> {
        let ids: Vec<ArticleId> = articles.iter().map(|(a, _)| a.id).collect();
        let mut stored = self.stored_hashes(&ids)?;
        self.write_batch_known(articles, rejects, links, &mut stored)
    }

    /// [`Store::write_batch_with`] for a caller that already looked up what
    /// the store holds ([`Store::stored_hashes`] of the batch's ids, the one
    /// look-up per article): an article whose hash is in `stored` unchanged
    /// is skipped, another one is updated, the rest inserted. `stored` is
    /// kept up to date with what the batch wrote (an id twice in one batch is
    /// inserted once, then unchanged or updated).
    pub fn write_batch_known(
        &mut self,
        articles: &[(Article, Enrichment)],
        rejects: &[Reject],
        links: &Links,
        stored: &mut HashMap<ArticleId, String>,
    ) -> Result<BatchOutcome> {
        let now = Utc::now().to_rfc3339();
        let mut out = BatchOutcome::default();
        let mut revised: Vec<String> = Vec::new();
        let tx = self.conn.transaction()?;
        {
            let mut ins = tx.prepare_cached(
                "INSERT INTO articles (id, url, outlet, title, authors, published_utc, published, language,
                   lang_confidence, source, text, paragraphs, sentences, n_tokens, meta, content_hash,
                   ingested_at, updated_at, seq, rev)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17, ?18, ?19)
                 ON CONFLICT(id) DO UPDATE SET url = excluded.url, outlet = excluded.outlet,
                   title = excluded.title, authors = excluded.authors,
                   published_utc = excluded.published_utc, published = excluded.published,
                   language = excluded.language, lang_confidence = excluded.lang_confidence,
                   source = excluded.source, text = excluded.text, paragraphs = excluded.paragraphs,
                   sentences = excluded.sentences, n_tokens = excluded.n_tokens, meta = excluded.meta,
                   content_hash = excluded.content_hash, updated_at = excluded.updated_at,
                   rev = excluded.rev",
            )?;
            for (a, e) in articles {
                let id = a.id.to_string();
                let hash = format!("{:016x}", a.content_hash());
                match stored.get(&a.id) {
                    Some(h) if *h == hash => {
                        out.unchanged += 1;
                        continue;
                    }
                    Some(_) => {
                        out.updated += 1;
                        revised.push(id.clone());
                    }
                    None => out.inserted += 1,
                }
                let language = e.language.clone().or_else(|| a.language.clone());
                ins.execute(params![
                    id,
                    a.url,
                    a.outlet,
                    a.title,
                    json(&a.authors)?,
                    a.published.as_ref().map(|p| p.utc.to_rfc3339()),
                    a.published.as_ref().map(json).transpose()?,
                    language,
                    e.lang_confidence,
                    json(&a.source)?,
                    a.text,
                    json(&a.paragraphs)?,
                    json(&e.sentences)?,
                    e.n_tokens,
                    json(&a.meta)?,
                    hash,
                    now,
                    self.next_seq,
                    self.next_rev,
                ])?;
                // An update keeps its seq (the conflict clause leaves it) but
                // takes the next seq number out of use; that is harmless.
                self.next_seq += 1;
                self.next_rev += 1;
                crate::who::write(&tx, &id, &e.who)?;
                stored.insert(a.id, hash);
            }
            let mut rej = tx.prepare_cached(
                "INSERT INTO rejects (source_key, reason, source, detail, first_seen, last_seen)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)
                 ON CONFLICT(source_key, reason) DO UPDATE SET detail = excluded.detail,
                   last_seen = excluded.last_seen, times = times + 1
                 RETURNING times",
            )?;
            for r in rejects {
                let times: u32 = rej.query_row(
                    params![
                        r.source.to_string(),
                        r.reason.as_str(),
                        json(&r.source)?,
                        r.detail,
                        now
                    ],
                    |row| row.get(0),
                )?;
                if times == 1 {
                    out.rejects_new += 1;
                } else {
                    out.rejects_repeat += 1;
                }
            }
        }
        let mut touched = std::collections::BTreeSet::new();
        Store::write_links(&tx, links, &mut touched)?;
        if !revised.is_empty() {
            let mut st =
                tx.prepare_cached("SELECT story_id FROM story_members WHERE article_id = ?1")?;
            for id in &revised {
                if let Some(s) = st.query_row([id], |r| r.get::<_, i64>(0)).optional()? {
                    touched.insert(s as u64);
                }
            }
        }
        Store::refresh_stories(&tx, &touched)?;
        tx.commit()?;
        Ok(out)
    }

    /// The content hashes of those of `ids` the store holds, keyed by id (one
    /// primary-key look-up per id): tells a writer both which articles are
    /// new and, through [`Store::write_batch_known`], which are unchanged.
    pub fn stored_hashes(&self, ids: &[ArticleId]) -> Result<HashMap<ArticleId, String>> {
        let mut st = self.conn.prepare_cached("SELECT content_hash FROM articles WHERE id = ?1")?;
        let mut out = HashMap::with_capacity(ids.len());
        for id in ids {
            if let Some(h) = st.query_row([id.to_string()], |r| r.get(0)).optional()? {
                out.insert(*id, h);
            }
        }
        Ok(out)
    }

    /// Which of `ids` the store already holds.
    pub fn known_ids(&self, ids: &[ArticleId]) -> Result<std::collections::HashSet<ArticleId>> {
        let mut st = self.conn.prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?;
        let mut out = std::collections::HashSet::new();
        for id in ids {
            if st.exists([id.to_string()])? {
                out.insert(*id);
            }
        }
        Ok(out)
    }

    /// The seq an article was stored under.
    pub fn seq_of(&self, id: ArticleId) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row("SELECT seq FROM articles WHERE id = ?1", [id.to_string()], |r| r.get(0))
            .optional()?)
    }

    /// Ids of the articles stored after sequence number `seq`, in arrival order.
    pub fn ids_after(&self, seq: i64) -> Result<Vec<ArticleId>> {
        let mut st = self.conn.prepare("SELECT id FROM articles WHERE seq > ?1 ORDER BY seq")?;
        let ids: Vec<String> =
            st.query_map([seq], |r| r.get(0))?.collect::<std::result::Result<_, _>>()?;
        ids.iter().map(|s| parse_id(s)).collect()
    }

    /// One article by id.
    pub fn article(&self, id: ArticleId) -> Result<Option<StoredArticle>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, url, outlet, title, authors, published, language, lang_confidence, source,
                    text, paragraphs, sentences, n_tokens, meta, ingested_at, updated_at, seq, rev
             FROM articles WHERE id = ?1",
        )?;
        let row = st
            .query_row([id.to_string()], |r| {
                Ok((
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, f32>(7)?,
                    r.get::<_, String>(8)?,
                    r.get::<_, String>(9)?,
                    r.get::<_, String>(10)?,
                    r.get::<_, String>(11)?,
                    r.get::<_, u32>(12)?,
                    r.get::<_, String>(13)?,
                    (
                        r.get::<_, String>(14)?,
                        r.get::<_, String>(15)?,
                        r.get::<_, i64>(16)?,
                        r.get::<_, i64>(17)?,
                    ),
                ))
            })
            .optional()?;
        let Some((
            url,
            outlet,
            title,
            authors,
            published,
            language,
            conf,
            source,
            text,
            paras,
            sents,
            n_tokens,
            meta,
            (ing, upd, seq, rev),
        )) = row
        else {
            return Ok(None);
        };
        let article = Article {
            id,
            source: unjson(&source)?,
            url,
            outlet,
            title,
            authors: unjson(&authors)?,
            published: published.as_deref().map(unjson).transpose()?,
            language: language.clone(),
            text,
            paragraphs: unjson::<Vec<Span>>(&paras)?,
            meta: unjson(&meta)?,
        };
        let enrichment = Enrichment {
            language,
            lang_confidence: conf,
            sentences: unjson(&sents)?,
            n_tokens,
            who: self.who(id)?,
        };
        Ok(Some(StoredArticle {
            article,
            enrichment,
            seq,
            rev,
            ingested_at: time(&ing)?,
            updated_at: time(&upd)?,
        }))
    }

    /// The highest revision number in the store (0 when empty).
    pub fn max_rev(&self) -> Result<i64> {
        Ok(self.conn.query_row("SELECT COALESCE(MAX(rev), 0) FROM articles", [], |r| r.get(0))?)
    }

    /// Up to `limit` articles inserted or revised after revision `rev`, in
    /// revision order: what a follower that has seen up to `rev` must catch up on.
    pub fn changed_after(&self, rev: i64, limit: usize) -> Result<Vec<StoredArticle>> {
        let ids: Vec<String> = {
            let mut st = self
                .conn
                .prepare_cached("SELECT id FROM articles WHERE rev > ?1 ORDER BY rev LIMIT ?2")?;
            st.query_map(params![rev, limit as i64], |r| r.get(0))?
                .collect::<std::result::Result<_, _>>()?
        };
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(a) = self.article(parse_id(&id)?)? {
                out.push(a);
            }
        }
        Ok(out)
    }

    /// Articles in arrival order, filtered.
    pub fn articles(&self, q: &ArticleQuery) -> Result<Vec<ArticleSummary>> {
        let mut sql = String::from(
            "SELECT id, outlet, title, published_utc, language, n_tokens, sentences, url, source
             FROM articles WHERE 1=1",
        );
        let mut args: Vec<String> = Vec::new();
        if let Some(o) = &q.outlet {
            args.push(o.clone());
            sql.push_str(&format!(" AND outlet = ?{}", args.len()));
        }
        if let Some(l) = &q.language {
            args.push(l.clone());
            sql.push_str(&format!(" AND language = ?{}", args.len()));
        }
        if let Some(s) = &q.since {
            args.push(s.to_rfc3339());
            sql.push_str(&format!(" AND published_utc >= ?{}", args.len()));
        }
        sql.push_str(&format!(
            " ORDER BY seq LIMIT {} OFFSET {}",
            q.limit.map(|l| l as i64).unwrap_or(-1),
            q.offset
        ));
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(args.iter()), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, u32>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, Option<String>>(7)?,
                r.get::<_, String>(8)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, outlet, title, published, language, n_tokens, sents, url, source) = row?;
            let source: SourceRef = unjson(&source)?;
            out.push(ArticleSummary {
                id: parse_id(&id)?,
                outlet,
                title,
                published: published.as_deref().map(time).transpose()?,
                language,
                n_tokens,
                n_sentences: unjson::<Vec<Span>>(&sents)?.len(),
                url,
                source: source.to_string(),
            });
        }
        Ok(out)
    }

    /// Number of stored articles.
    pub fn count_articles(&self) -> Result<u64> {
        Ok(self.conn.query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0))?)
    }

    /// The reject log, most recent first.
    pub fn rejects(&self, limit: Option<usize>) -> Result<Vec<StoredReject>> {
        let mut st = self.conn.prepare(&format!(
            "SELECT source, reason, detail, first_seen, last_seen, times FROM rejects
             ORDER BY last_seen DESC, rowid DESC LIMIT {}",
            limit.map(|l| l as i64).unwrap_or(-1)
        ))?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, u32>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (source, reason, detail, first, last, times) = row?;
            out.push(StoredReject {
                source: unjson(&source)?,
                reason: RejectReason::parse(&reason).ok_or_else(|| {
                    StoreError::Corrupt(format!("unknown reject reason {reason}"))
                })?,
                detail,
                first_seen: time(&first)?,
                last_seen: time(&last)?,
                times,
            });
        }
        Ok(out)
    }
}

pub(crate) fn json<T: Serialize + ?Sized>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| StoreError::Corrupt(e.to_string()))
}

pub(crate) fn unjson<T: serde::de::DeserializeOwned>(s: &str) -> Result<T> {
    serde_json::from_str(s).map_err(|e| StoreError::Corrupt(format!("{e}: {s:.80}")))
}

pub(crate) fn parse_id(s: &str) -> Result<ArticleId> {
    s.parse().map_err(|e| StoreError::Corrupt(format!("{e}")))
}

pub(crate) fn time(s: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|e| StoreError::Corrupt(format!("bad time {s:?}: {e}")))
}

#[cfg(test)]
mod tests;
