//! [`SearchQuery`] in, [`SearchResults`] out: parsing user text leniently,
//! filters, ranking, paging and snippets.

use std::ops::Bound;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::TokenStream;
use tantivy::{Order, Searcher, TantivyDocument, Term};

use crate::error::SearchError;
use crate::index::SearchIndex;
use crate::schema::{self, Fields, KIND_ARTICLE, KIND_QUOTE, Lang, PUBLISHED, StemFields};
use crate::snippet::{SNIPPET_MAX_CHARS, Snippet};

/// Longest query text accepted, in characters (after trimming).
pub const MAX_QUERY_CHARS: usize = 512;
/// Most words a query may have (as the analyser counts them: field names and
/// operators count as words too).
pub const MAX_QUERY_WORDS: usize = 32;
/// Hits per page when [`SearchQuery::limit`] is 0.
pub const DEFAULT_LIMIT: usize = 10;
/// Most hits per page; a larger limit is cut to this.
pub const MAX_LIMIT: usize = 100;
/// Deepest page start accepted: deeper paging costs memory for every hit before it.
pub const MAX_OFFSET: usize = 10_000;

/// Which documents a query searches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Articles and quotes.
    #[default]
    All,
    /// Articles only.
    Articles,
    /// Quotes only.
    Quotes,
}

/// A search: user text plus exact filters and a page.
///
/// Text syntax: words (all must match: the default is AND), `"a phrase"`,
/// `OR`, `AND`, `-word` / `NOT word`, parentheses, `title:word`. Words also
/// match through their stems in documents of a stemmed language (exact
/// matches rank first; see the crate doc); a `language` filter narrows the
/// stemming to that language. It is parsed
/// leniently: what can't be read is dropped rather than refused. Text longer
/// than [`MAX_QUERY_CHARS`] or with more than [`MAX_QUERY_WORDS`] terms is a
/// [`SearchError::Query`]. Empty text lists everything the filters let
/// through, newest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchQuery {
    /// What the user typed.
    pub text: String,
    /// Articles, quotes or both.
    pub kind: Kind,
    /// Exact outlet name.
    pub outlet: Option<String>,
    /// Exact language code.
    pub language: Option<String>,
    /// Exact speaker key; only quotes have one, so this implies quotes.
    pub speaker_key: Option<String>,
    /// Published at or after (to the second). Documents without a date fail
    /// any date filter.
    pub since: Option<DateTime<Utc>>,
    /// Published at or before (to the second).
    pub until: Option<DateTime<Utc>>,
    /// Hits per page: 0 means [`DEFAULT_LIMIT`], more than [`MAX_LIMIT`] means
    /// [`MAX_LIMIT`].
    pub limit: usize,
    /// Hits to skip, at most [`MAX_OFFSET`].
    pub offset: usize,
}

/// One page of results.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    /// Number of documents matching, over all pages.
    pub total: usize,
    /// This page's hits, best first (ties: newest first).
    pub hits: Vec<Hit>,
}

/// What a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    /// An article.
    Article,
    /// A quote in an article.
    Quote,
}

/// One hit: an article or a quote, with its article's metadata.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Article or quote.
    pub kind: HitKind,
    /// The article (for a quote: the article it is in).
    pub article_id: String,
    /// The quote's index in its article; `None` for articles.
    pub quote_index: Option<u32>,
    /// The article's title.
    pub title: Option<String>,
    /// The article's outlet.
    pub outlet: Option<String>,
    /// The article's language.
    pub language: Option<String>,
    /// The article's publication time (to the second).
    pub published: Option<DateTime<Utc>>,
    /// The quote's speaker (display name); `None` for articles.
    pub speaker: Option<String>,
    /// The quote's speaker key; `None` for articles.
    pub speaker_key: Option<String>,
    /// BM25 score (filters add nothing; 1 with no query text).
    pub score: f32,
    /// Where the text matched: the body (or the quote), else the title, else
    /// the start of the body.
    pub snippet: Snippet,
}

fn filter(q: impl Query) -> (Occur, Box<dyn Query>) {
    (Occur::Must, Box::new(ConstScoreQuery::new(Box::new(q), 0.0)))
}

fn raw_term(field: Field, value: &str) -> TermQuery {
    TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic)
}

fn date_term(field: Field, dt: DateTime<Utc>) -> Term {
    Term::from_field_date_for_search(field, tantivy::DateTime::from_timestamp_secs(dt.timestamp()))
}

/// Snippet generators of one search: the exact fields' up front, a
/// language's stemmed fields' when a hit first needs them.
struct Snippets<'a> {
    searcher: &'a Searcher,
    query: &'a dyn Query,
    text: SnippetGenerator,
    title: SnippetGenerator,
    /// Per [`Lang::slot`]: (text, title) generators of the stemmed fields.
    stemmed: Vec<Option<(SnippetGenerator, SnippetGenerator)>>,
    stem_fields: [StemFields; Lang::ALL.len()],
}

fn generator(
    searcher: &Searcher,
    query: &dyn Query,
    field: Field,
) -> Result<SnippetGenerator, SearchError> {
    let mut g = SnippetGenerator::create(searcher, query, field)?;
    g.set_max_num_chars(SNIPPET_MAX_CHARS);
    Ok(g)
}

impl<'a> Snippets<'a> {
    fn new(
        searcher: &'a Searcher,
        query: &'a dyn Query,
        fields: &Fields,
    ) -> Result<Snippets<'a>, SearchError> {
        Ok(Snippets {
            searcher,
            query,
            text: generator(searcher, query, fields.text)?,
            title: generator(searcher, query, fields.title)?,
            stemmed: Lang::ALL.iter().map(|_| None).collect(),
            stem_fields: fields.stemmed,
        })
    }

    /// The snippet of a hit: where the exact words matched the body, else
    /// where their stems did (in the hit's language), else the same in the
    /// title (articles only); `None` when nothing is highlighted. A stemmed
    /// generator re-analyses the stored text with the stemming analyser, so
    /// "meetings" marks "meeting" in the original text.
    fn of(
        &mut self,
        body: &str,
        title: Option<&str>,
        lang: Option<Lang>,
    ) -> Result<Option<Snippet>, SearchError> {
        if let Some(s) = Snippet::from_tantivy(&self.text.snippet(body), body) {
            return Ok(Some(s));
        }
        let stemmed = match lang {
            Some(lang) => {
                let slot = &mut self.stemmed[lang.slot()];
                if slot.is_none() {
                    let f = self.stem_fields[lang.slot()];
                    *slot = Some((
                        generator(self.searcher, self.query, f.text)?,
                        generator(self.searcher, self.query, f.title)?,
                    ));
                }
                slot.as_ref()
            }
            None => None,
        };
        if let Some((text, _)) = stemmed
            && let Some(s) = Snippet::from_tantivy(&text.snippet(body), body)
        {
            return Ok(Some(s));
        }
        let Some(t) = title else { return Ok(None) };
        if let Some(s) = Snippet::from_tantivy(&self.title.snippet(t), t) {
            return Ok(Some(s));
        }
        Ok(stemmed.and_then(|(_, title)| Snippet::from_tantivy(&title.snippet(t), t)))
    }
}

impl SearchIndex {
    /// Parses the user text: `None` when empty. With a language filter only
    /// that language's stemmed fields are searched (none if it has no stemmer).
    fn user_query(
        &self,
        text: &str,
        language: Option<&str>,
    ) -> Result<Option<Box<dyn Query>>, SearchError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let chars = text.chars().count();
        if chars > MAX_QUERY_CHARS {
            return Err(SearchError::Query(format!(
                "the query is {chars} characters long; at most {MAX_QUERY_CHARS} are allowed"
            )));
        }
        let mut analyzer = schema::analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut words = 0usize;
        while stream.advance() {
            words += 1;
        }
        if words > MAX_QUERY_WORDS {
            return Err(SearchError::Query(format!(
                "the query has {words} words; at most {MAX_QUERY_WORDS} are allowed"
            )));
        }
        let parser = match language {
            None => &self.parser,
            Some(code) => match Lang::from_code(code) {
                Some(lang) => &self.lang_parsers[lang.slot()],
                None => &self.exact_parser,
            },
        };
        let (query, errors) = parser.parse_query_lenient(text);
        if !errors.is_empty() {
            tracing::debug!(?errors, query = text, "parts of the query were dropped");
        }
        Ok(Some(query))
    }

    /// Runs a search. See [`SearchQuery`] for the syntax and the limits.
    pub fn search(&self, q: &SearchQuery) -> Result<SearchResults, SearchError> {
        if q.offset > MAX_OFFSET {
            return Err(SearchError::Query(format!(
                "page offset {} is too deep; at most {MAX_OFFSET} hits can be skipped",
                q.offset
            )));
        }
        let limit = match q.limit {
            0 => DEFAULT_LIMIT,
            n => n.min(MAX_LIMIT),
        };
        let f = self.fields;
        let user = self.user_query(&q.text, q.language.as_deref())?;

        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if let Some(u) = &user {
            clauses.push((Occur::Must, u.box_clone()));
        }
        match q.kind {
            Kind::All => {}
            Kind::Articles => clauses.push(filter(raw_term(f.kind, KIND_ARTICLE))),
            Kind::Quotes => clauses.push(filter(raw_term(f.kind, KIND_QUOTE))),
        }
        for (field, value) in
            [(f.outlet, &q.outlet), (f.language, &q.language), (f.speaker_key, &q.speaker_key)]
        {
            if let Some(v) = value {
                clauses.push(filter(raw_term(field, v)));
            }
        }
        if q.since.is_some() || q.until.is_some() {
            let lower =
                q.since.map_or(Bound::Unbounded, |d| Bound::Included(date_term(f.published, d)));
            let upper =
                q.until.map_or(Bound::Unbounded, |d| Bound::Included(date_term(f.published, d)));
            clauses.push(filter(RangeQuery::new(lower, upper)));
        }
        let query: Box<dyn Query> = match clauses.len() {
            0 => Box::new(AllQuery),
            _ if user.is_none() => {
                // Filters score 0: add AllQuery so every hit scores 1 and the
                // date tie-break orders them.
                clauses.push((Occur::Must, Box::new(AllQuery)));
                Box::new(BooleanQuery::new(clauses))
            }
            1 => clauses.swap_remove(0).1,
            _ => Box::new(BooleanQuery::new(clauses)),
        };

        let searcher = self.reader().searcher();
        let top = TopDocs::for_doc_range(q.offset..q.offset + limit).order_by((
            SortBySimilarityScore,
            (SortByStaticFastValue::<tantivy::DateTime>::for_field(PUBLISHED), Order::Desc),
        ));
        let (total, top) = searcher.search(&query, &(Count, top))?;

        let mut snippets = match &user {
            Some(u) => Some(Snippets::new(&searcher, u.as_ref(), &f)?),
            None => None,
        };

        let mut hits = Vec::with_capacity(top.len());
        for ((score, _published), addr) in top {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let text_of =
                |field: Field| doc.get_first(field).and_then(|v| v.as_str().map(str::to_string));
            let is_quote = doc.get_first(f.quote_index).is_some();
            let title = text_of(f.title).or_else(|| text_of(f.context_title));
            let body = text_of(f.text).unwrap_or_default();
            let lang = text_of(f.language).as_deref().and_then(Lang::from_code);
            let snippet = match &mut snippets {
                Some(s) => s.of(&body, title.as_deref().filter(|_| !is_quote), lang)?,
                None => None,
            }
            .unwrap_or_else(|| Snippet::lead(&body));
            hits.push(Hit {
                kind: if is_quote { HitKind::Quote } else { HitKind::Article },
                article_id: text_of(f.article_id).unwrap_or_default(),
                quote_index: doc
                    .get_first(f.quote_index)
                    .and_then(|v| v.as_u64())
                    .and_then(|i| u32::try_from(i).ok()),
                title,
                outlet: text_of(f.outlet),
                language: text_of(f.language),
                published: doc
                    .get_first(f.published)
                    .and_then(|v| v.as_datetime())
                    .and_then(|d| DateTime::from_timestamp_micros(d.into_timestamp_micros())),
                speaker: text_of(f.speaker),
                speaker_key: text_of(f.speaker_key),
                score,
                snippet,
            });
        }
        Ok(SearchResults { total, hits })
    }
}
