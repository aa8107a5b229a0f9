//! What every request shares: read connections, the search index, the
//! comparison machinery and its cache, the ingest seam, the metrics.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use parallax_compare::{ArticleInput, Comparer, Comparison};
use parallax_enrich::Enricher;
use parallax_search::SearchIndex;
use parallax_store::{Store, StoryMember};
use parallax_text::Analyzer;

use crate::error::{ApiError, ApiResult};
use crate::metrics::Metrics;
use crate::{Ingest, ServerConfig, ServerError};

/// Read connections kept open between requests.
const POOL_KEEP: usize = 16;
/// Story comparisons kept in memory.
const CACHE_KEEP: usize = 256;

/// Shared state of a running server.
pub struct AppState {
    cfg: ServerConfig,
    pool: Mutex<Vec<Store>>,
    pub(crate) search: SearchIndex,
    pub(crate) ingest: Option<Arc<dyn Ingest>>,
    analyzer: Analyzer,
    enricher: Enricher,
    comparer: Comparer,
    cache: Mutex<Cache<u64, Arc<Comparison>>>,
    pub(crate) views: Mutex<Cache<(u64, i64), Arc<crate::api::StoryView>>>,
    /// One lock per story being built, so concurrent requests for the same
    /// cold story wait for one computation instead of each doing it.
    pub(crate) building: Mutex<HashMap<u64, Arc<Mutex<()>>>>,
    pub(crate) metrics: Metrics,
    pub(crate) sync_lock: Mutex<()>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState").field("data_dir", &self.cfg.data_dir).finish_non_exhaustive()
    }
}

impl AppState {
    /// State over the store in `cfg.data_dir` (created if absent) and its
    /// search index (`search/` inside it). `ingest` is `None` for a
    /// read-only server. The search index catches up with the store here,
    /// before the first request.
    pub fn open(
        cfg: ServerConfig,
        ingest: Option<Arc<dyn Ingest>>,
        enricher: Enricher,
        comparer: Comparer,
    ) -> Result<Arc<AppState>, ServerError> {
        let store = Store::open(&cfg.data_dir)?;
        let search = SearchIndex::open(&cfg.data_dir.join("search"))?;
        let state = Arc::new(AppState {
            cfg,
            pool: Mutex::new(vec![store]),
            search,
            ingest,
            analyzer: Analyzer::new(),
            enricher,
            comparer,
            cache: Mutex::new(Cache::new(CACHE_KEEP)),
            views: Mutex::new(Cache::new(CACHE_KEEP)),
            building: Mutex::new(HashMap::new()),
            metrics: Metrics::default(),
            sync_lock: Mutex::new(()),
        });
        let n = crate::sync::catch_up(&state)?;
        if n > 0 {
            tracing::info!(articles = n, "Search index caught up with the store.");
        }
        Ok(state)
    }

    /// The configuration.
    pub fn config(&self) -> &ServerConfig {
        &self.cfg
    }

    /// Runs `f` with a read connection from the pool (opening one when all
    /// are busy).
    pub(crate) fn read<R>(
        &self,
        f: impl FnOnce(&Store) -> Result<R, ApiError>,
    ) -> Result<R, ApiError> {
        let taken = self.pool.lock().map_err(|_| ApiError::internal("pool poisoned"))?.pop();
        let store = match taken {
            Some(s) => s,
            None => Store::open(&self.cfg.data_dir)?,
        };
        let out = f(&store);
        if let Ok(mut pool) = self.pool.lock()
            && pool.len() < POOL_KEEP
        {
            pool.push(store);
        }
        out
    }

    /// The comparison of a story's members, from the cache when the compared
    /// members and their revisions have not changed (a write elsewhere in
    /// the store does not invalidate it). Near-duplicate copies are left out (they are not
    /// independent reports); at most `max_compare_articles` are read, one
    /// per outlet first.
    pub(crate) fn comparison(
        &self,
        store: &Store,
        members: &[StoryMember],
    ) -> ApiResult<Arc<Comparison>> {
        let chosen = choose(members, self.cfg.max_compare_articles);
        let key = {
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            for m in &chosen {
                h.update(&m.id.as_u64().to_le_bytes());
                h.update(&m.rev.to_le_bytes());
            }
            h.digest()
        };
        if let Some(c) = self.cache.lock().ok().and_then(|c| c.get(&key)) {
            return Ok(c);
        }
        let mut inputs = Vec::with_capacity(chosen.len());
        for m in &chosen {
            let Some(stored) = store.article(m.id)? else { continue };
            let art = stored.article;
            let analysis = self.analyzer.analyze(&art.text, art.language.as_deref());
            let published = art.published.as_ref().map(|p| p.utc);
            let extraction = self.enricher.enrich(&art.text, &analysis, published);
            inputs.push(ArticleInput {
                id: art.id.to_string(),
                outlet: art.outlet,
                title: art.title,
                language: stored.enrichment.language.or(art.language),
                published,
                text: art.text,
                analysis,
                extraction,
            });
        }
        let c = Arc::new(self.comparer.compare(&inputs));
        if let Ok(mut cache) = self.cache.lock() {
            cache.put(key, c.clone());
        }
        Ok(c)
    }
}

/// Independent reports to compare: no near-duplicate copies; when there are
/// more than `max`, the first article of each outlet, then the rest, in
/// publication order.
pub(crate) fn choose(members: &[StoryMember], max: usize) -> Vec<&StoryMember> {
    let originals: Vec<&StoryMember> =
        members.iter().filter(|m| m.duplicate_of.is_none()).collect();
    if originals.len() <= max {
        return originals;
    }
    let mut seen = std::collections::HashSet::new();
    let (mut first, mut rest): (Vec<&StoryMember>, Vec<&StoryMember>) =
        originals.into_iter().partition(|m| seen.insert(m.outlet.clone()));
    first.truncate(max);
    rest.truncate(max - first.len());
    first.extend(rest);
    first
}

/// A small first-in-first-out cache.
pub(crate) struct Cache<K, V> {
    map: HashMap<K, V>,
    order: VecDeque<K>,
    keep: usize,
}

impl<K: std::hash::Hash + Eq + Clone, V: Clone> Cache<K, V> {
    pub(crate) fn new(keep: usize) -> Self {
        Cache { map: HashMap::new(), order: VecDeque::new(), keep }
    }
    pub(crate) fn get(&self, key: &K) -> Option<V> {
        self.map.get(key).cloned()
    }
    pub(crate) fn put(&mut self, key: K, v: V) {
        if self.map.insert(key.clone(), v).is_none() {
            self.order.push_back(key);
        }
        while self.order.len() > self.keep {
            if let Some(old) = self.order.pop_front() {
                self.map.remove(&old);
            }
        }
    }
}
