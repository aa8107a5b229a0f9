//! [`SearchIndex`]: opening (and wiping), writing and committing.

use std::path::Path;
use std::sync::{Mutex, MutexGuard, PoisonError};

use serde::{Deserialize, Serialize};
use tantivy::collector::Count;
use tantivy::directory::MmapDirectory;
use tantivy::query::QueryParser;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Schema};
use tantivy::{
    Index, IndexReader, IndexSettings, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError,
    Term,
};

use crate::doc::ArticleDoc;
use crate::error::SearchError;
use crate::schema::{self, Fields, KIND_ARTICLE, KIND_QUOTE, Lang, SCHEMA_VERSION};

/// Heap of the one index writer, shared by its indexing threads.
pub const WRITER_HEAP_BYTES: usize = 50_000_000;
/// tantivy wants at least 15 MB per indexing thread; 50 MB feeds three.
const MAX_WRITER_THREADS: usize = 3;
/// Boost of the title over the body and the speaker name.
const TITLE_BOOST: f32 = 2.0;
/// Boost of a stemmed field relative to its exact field: a match through a
/// stem only ("meetings" finding "meeting") counts half an exact one, and an
/// exact match scores in both fields, so exact wording ranks first.
const STEM_BOOST: f32 = 0.5;

/// The commit payload: what the last commit covered, and which schema wrote it.
#[derive(Debug, Serialize, Deserialize)]
struct Payload {
    schema_version: u32,
    seq: Option<i64>,
}

/// A full-text index over articles and their quotes.
///
/// `Send + Sync`: share it with an `Arc`. Searches run concurrently from any
/// number of threads without locking (each takes a snapshot of the reader);
/// [`index`](Self::index) and [`delete`](Self::delete) serialise on the one
/// writer and each ends with a commit that searches see once it returns.
pub struct SearchIndex {
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    /// The last committed sequence number (mirrors the payload on disk).
    covered: Mutex<Option<i64>>,
    pub(crate) fields: Fields,
    /// Parses over the exact fields and every language's stemmed fields.
    pub(crate) parser: QueryParser,
    /// Per language (order of [`Lang::ALL`]): the exact fields and that
    /// language's stemmed fields, for queries filtered to the language.
    pub(crate) lang_parsers: Vec<QueryParser>,
    /// The exact fields only, for a language filter without a stemmer.
    pub(crate) exact_parser: QueryParser,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("num_docs", &self.num_docs())
            .field("covered_seq", &self.covered_seq())
            .finish_non_exhaustive()
    }
}

/// Locks a mutex, going on with the data if a panicking thread poisoned it.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl SearchIndex {
    /// Opens the index in `dir`, creating the directory and the index if absent.
    ///
    /// An index written with another [`SCHEMA_VERSION`], another schema, or a
    /// format this tantivy cannot read is wiped (logged at `warn`) and created
    /// anew, empty, with [`covered_seq`](Self::covered_seq) `None`: the caller
    /// re-indexes from the store. Only tantivy's own files are removed, but the
    /// directory should be dedicated to the index.
    ///
    /// One process can hold one `SearchIndex` per directory: a second open of
    /// the same directory fails with tantivy's lock error while the first lives.
    pub fn open(dir: &Path) -> Result<SearchIndex, SearchError> {
        std::fs::create_dir_all(dir)?;
        let (schema, _) = schema::build();
        let mmap = MmapDirectory::open(dir)?;
        if Index::exists(&mmap)? {
            match Index::open(mmap) {
                Ok(index) => match compatible(&index, &schema) {
                    Ok(()) => return SearchIndex::from_index(index, false),
                    Err(why) => {
                        tracing::warn!(dir = %dir.display(), why, "search index is stale; wiping it for a re-index");
                    }
                },
                Err(e) if is_unreadable(&e) => {
                    tracing::warn!(dir = %dir.display(), error = %e, "search index is unreadable; wiping it for a re-index");
                }
                Err(e) => return Err(e.into()),
            }
            wipe(dir)?;
        }
        let index = Index::create(MmapDirectory::open(dir)?, schema, IndexSettings::default())?;
        tracing::info!(dir = %dir.display(), "created search index");
        SearchIndex::from_index(index, true)
    }

    /// An index in RAM, for tests and throw-away use.
    pub fn in_memory() -> Result<SearchIndex, SearchError> {
        let (schema, _) = schema::build();
        SearchIndex::from_index(Index::create_in_ram(schema), true)
    }

    fn from_index(index: Index, fresh: bool) -> Result<SearchIndex, SearchError> {
        let (_, fields) = schema::build();
        schema::register_analyzers(index.tokenizers());
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .clamp(1, MAX_WRITER_THREADS);
        let mut writer: IndexWriter = index.writer_with_num_threads(threads, WRITER_HEAP_BYTES)?;
        let covered = if fresh {
            // Record the schema version at once, so that an index that is never
            // written to still opens as current.
            commit(&mut writer, None)?;
            None
        } else {
            read_payload(&index)?.and_then(|p| p.seq)
        };
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let parser = query_parser(&index, &fields, &Lang::ALL);
        let lang_parsers = Lang::ALL.iter().map(|l| query_parser(&index, &fields, &[*l])).collect();
        let exact_parser = query_parser(&index, &fields, &[]);
        Ok(SearchIndex {
            reader,
            writer: Mutex::new(writer),
            covered: Mutex::new(covered),
            fields,
            parser,
            lang_parsers,
            exact_parser,
        })
    }

    /// The store sequence number the last commit covered (kept in the commit
    /// payload), `None` when the index is new, empty or was just wiped.
    pub fn covered_seq(&self) -> Option<i64> {
        *lock(&self.covered)
    }

    /// Upserts articles and commits with `seq` as the payload.
    ///
    /// For each article: delete every document with its id (the article's and
    /// its quotes'), then add the article document and one per quote. Deletes
    /// apply to what was added before them, so an id given twice in `docs`
    /// keeps its last version. Indexing the same article twice leaves one copy.
    /// Searches see the result when this returns. On error nothing of the
    /// batch is committed.
    pub fn index(&self, docs: &[ArticleDoc], seq: i64) -> Result<(), SearchError> {
        let mut writer = self.writer()?;
        let f = self.fields;
        let added = (|| -> Result<(), SearchError> {
            for doc in docs {
                writer.delete_term(Term::from_field_text(f.article_id, &doc.id));
                writer.add_document(article_document(&f, doc))?;
                for q in &doc.quotes {
                    writer.add_document(quote_document(&f, doc, q))?;
                }
            }
            Ok(())
        })();
        if let Err(e) = added {
            rollback(&mut writer);
            return Err(e);
        }
        self.commit_and_reload(&mut writer, seq)
    }

    /// Deletes articles (and their quotes) by id and commits with `seq`.
    /// Unknown ids are ignored.
    pub fn delete(&self, ids: &[String], seq: i64) -> Result<(), SearchError> {
        let mut writer = self.writer()?;
        for id in ids {
            writer.delete_term(Term::from_field_text(self.fields.article_id, id));
        }
        self.commit_and_reload(&mut writer, seq)
    }

    /// Number of search documents: articles plus quotes.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Number of article documents (quotes not counted).
    pub fn num_articles(&self) -> Result<u64, SearchError> {
        let q = TermQuery::new(
            Term::from_field_text(self.fields.kind, KIND_ARTICLE),
            IndexRecordOption::Basic,
        );
        Ok(self.reader.searcher().search(&q, &Count)? as u64)
    }

    pub(crate) fn reader(&self) -> &IndexReader {
        &self.reader
    }

    /// The writer, rolled back first if a thread panicked while holding it
    /// (its uncommitted documents may be half a batch).
    fn writer(&self) -> Result<MutexGuard<'_, IndexWriter>, SearchError> {
        match self.writer.lock() {
            Ok(w) => Ok(w),
            Err(poisoned) => {
                let mut w = poisoned.into_inner();
                self.writer.clear_poison();
                w.rollback()?;
                Ok(w)
            }
        }
    }

    fn commit_and_reload(&self, writer: &mut IndexWriter, seq: i64) -> Result<(), SearchError> {
        if let Err(e) = commit(writer, Some(seq)) {
            rollback(writer);
            return Err(e);
        }
        *lock(&self.covered) = Some(seq);
        self.reader.reload()?;
        Ok(())
    }
}

/// A parser over the exact fields (title ×2, text, speaker) and the stemmed
/// fields of `langs` (title ×1, text ×0.5), words ANDed by default. tantivy
/// analyses each query word with each field's own analyser, so the words are
/// stemmed per language.
fn query_parser(index: &Index, f: &Fields, langs: &[Lang]) -> QueryParser {
    let mut fields = vec![f.title, f.text, f.speaker];
    for lang in langs {
        let s = f.stem(*lang);
        fields.extend([s.title, s.text]);
    }
    let mut parser = QueryParser::for_index(index, fields);
    parser.set_field_boost(f.title, TITLE_BOOST);
    for lang in langs {
        let s = f.stem(*lang);
        parser.set_field_boost(s.title, TITLE_BOOST * STEM_BOOST);
        parser.set_field_boost(s.text, STEM_BOOST);
    }
    parser.set_conjunction_by_default();
    parser
}

fn rollback(writer: &mut IndexWriter) {
    if let Err(e) = writer.rollback() {
        tracing::error!(error = %e, "search index rollback failed");
    }
}

fn commit(writer: &mut IndexWriter, seq: Option<i64>) -> Result<(), SearchError> {
    let payload = serde_json::to_string(&Payload { schema_version: SCHEMA_VERSION, seq })
        .map_err(|e| SearchError::Index(TantivyError::InternalError(e.to_string())))?;
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&payload);
    prepared.commit()?;
    Ok(())
}

fn read_payload(index: &Index) -> Result<Option<Payload>, SearchError> {
    let metas = index.load_metas()?;
    Ok(metas.payload.as_deref().and_then(|p| serde_json::from_str(p).ok()))
}

/// Why an existing index can't be used as it is, if it can't.
fn compatible(index: &Index, schema: &Schema) -> Result<(), String> {
    let payload = read_payload(index).map_err(|e| e.to_string())?;
    match payload {
        None => return Err("no parallax payload in the last commit".into()),
        Some(p) if p.schema_version != SCHEMA_VERSION => {
            return Err(format!(
                "schema version {} on disk, {} expected",
                p.schema_version, SCHEMA_VERSION
            ));
        }
        Some(_) => {}
    }
    if &index.schema() != schema {
        return Err("schema on disk differs from the current one".into());
    }
    Ok(())
}

/// Errors that mean the files are there but not readable by this build.
fn is_unreadable(e: &TantivyError) -> bool {
    use tantivy::directory::error::OpenReadError;
    matches!(
        e,
        TantivyError::DataCorruption(_)
            | TantivyError::IncompatibleIndex(_)
            | TantivyError::SchemaError(_)
            | TantivyError::DeserializeError(_)
            | TantivyError::OpenReadError(OpenReadError::IncompatibleIndex(_))
    )
}

/// Removes tantivy's files from `dir`: `meta.json`, `.managed.json`, the lock
/// files and segment files (32 hex digits, a dot, an extension). Anything
/// else in the directory is left alone.
fn wipe(dir: &Path) -> Result<(), SearchError> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if !entry.file_type()?.is_file() {
            continue;
        }
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if is_tantivy_file(name) {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

fn is_tantivy_file(name: &str) -> bool {
    if matches!(name, "meta.json" | ".managed.json" | ".tantivy-meta.lock" | ".tantivy-writer.lock")
    {
        return true;
    }
    match name.split_once('.') {
        Some((stem, ext)) => {
            stem.len() == 32
                && stem.bytes().all(|b| b.is_ascii_hexdigit())
                && !ext.is_empty()
                && ext.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.')
        }
        None => false,
    }
}

fn date(dt: chrono::DateTime<chrono::Utc>) -> tantivy::DateTime {
    tantivy::DateTime::from_timestamp_secs(dt.timestamp())
}

fn add_meta(f: &Fields, d: &mut TantivyDocument, a: &ArticleDoc) {
    d.add_text(f.article_id, &a.id);
    if let Some(o) = &a.outlet {
        d.add_text(f.outlet, o);
    }
    if let Some(l) = &a.language {
        d.add_text(f.language, l);
    }
    if let Some(p) = a.published {
        d.add_date(f.published, date(p));
    }
}

fn article_document(f: &Fields, a: &ArticleDoc) -> TantivyDocument {
    let mut d = TantivyDocument::default();
    d.add_text(f.kind, KIND_ARTICLE);
    add_meta(f, &mut d, a);
    let stem = a.language.as_deref().and_then(Lang::from_code).map(|l| f.stem(l));
    if let Some(t) = &a.title {
        d.add_text(f.title, t);
        if let Some(s) = stem {
            d.add_text(s.title, t);
        }
    }
    d.add_text(f.text, &a.text);
    if let Some(s) = stem {
        d.add_text(s.text, &a.text);
    }
    d
}

fn quote_document(f: &Fields, a: &ArticleDoc, q: &crate::doc::QuoteDoc) -> TantivyDocument {
    let mut d = TantivyDocument::default();
    d.add_text(f.kind, KIND_QUOTE);
    add_meta(f, &mut d, a);
    if let Some(t) = &a.title {
        d.add_text(f.context_title, t);
    }
    d.add_u64(f.quote_index, u64::from(q.index));
    if let Some(s) = &q.speaker {
        d.add_text(f.speaker, s);
    }
    if let Some(k) = &q.speaker_key {
        d.add_text(f.speaker_key, k);
    }
    d.add_text(f.text, &q.text);
    if let Some(lang) = a.language.as_deref().and_then(Lang::from_code) {
        d.add_text(f.stem(lang).text, &q.text);
    }
    d
}

#[cfg(test)]
mod unit {
    use super::is_tantivy_file;

    #[test]
    fn tantivy_file_names() {
        assert!(is_tantivy_file("meta.json"));
        assert!(is_tantivy_file("0123456789abcdef0123456789abcdef.idx"));
        assert!(is_tantivy_file("0123456789abcdef0123456789abcdef.123.del"));
        assert!(!is_tantivy_file("notes.txt"));
        assert!(!is_tantivy_file("0123456789abcdef.idx"));
        assert!(!is_tantivy_file("store.sqlite"));
    }
}
