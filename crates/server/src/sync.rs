//! The search index follows the store by revision number.
//!
//! Every insert or update in the store takes the next revision number
//! (`articles.rev`); the index records, in its commit, the highest revision
//! it covers. Catching up is "index every article with a higher revision,
//! in order, in chunks", so it is idempotent (an article is upserted by id),
//! survives a crash between a store commit and an index commit (the next
//! catch-up redoes the tail), and also picks up what another process wrote
//! into the same store.

use std::sync::Arc;

use parallax_search::{ArticleDoc, QuoteDoc};
use parallax_store::StoredArticle;

use crate::AppState;
use crate::error::ApiError;

/// Articles read and indexed per chunk.
const CHUNK: usize = 500;

/// Indexes everything the store changed since the index's last commit;
/// returns how many articles were indexed.
pub(crate) fn catch_up(state: &AppState) -> Result<usize, crate::ServerError> {
    let _one_at_a_time = state.sync_lock.lock();
    let mut total = 0;
    loop {
        let covered = state.search.covered_seq().unwrap_or(0);
        let chunk = state
            .read(|s| Ok(s.changed_after(covered, CHUNK)?))
            .map_err(|e: ApiError| std::io::Error::other(e.message))?;
        let Some(last) = chunk.last().map(|a| a.rev) else { break };
        let docs: Vec<ArticleDoc> = chunk.into_iter().map(doc).collect();
        state.search.index(&docs, last)?;
        total += docs.len();
    }
    Ok(total)
}

/// Starts the background follower: a catch-up every `sync_interval`.
pub(crate) fn spawn_follower(state: Arc<AppState>) {
    let every = state.config().sync_interval;
    let spawned = std::thread::Builder::new().name("search-follower".into()).spawn(move || {
        loop {
            std::thread::sleep(every);
            match catch_up(&state) {
                Ok(0) => {}
                Ok(n) => tracing::debug!(articles = n, "Search index caught up."),
                Err(e) => tracing::warn!(error = %e, "Search catch-up failed; will retry."),
            }
        }
    });
    if let Err(e) = spawned {
        tracing::error!(error = %e, "Could not start the search follower.");
    }
}

/// The search document of a stored article.
pub(crate) fn doc(a: StoredArticle) -> ArticleDoc {
    let quotes = a
        .enrichment
        .who
        .quotes
        .into_iter()
        .enumerate()
        .map(|(i, q)| QuoteDoc {
            index: i as u32,
            speaker: q.speaker_name.or(q.speaker_text),
            speaker_key: q.speaker_key,
            text: q.text,
        })
        .collect();
    let art = a.article;
    ArticleDoc {
        id: art.id.to_string(),
        title: art.title,
        outlet: art.outlet,
        language: a.enrichment.language.or(art.language),
        published: art.published.map(|p| p.utc),
        text: art.text,
        quotes,
    }
}
