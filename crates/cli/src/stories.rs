//! The stories stage: near-duplicate groups and online story clustering, run in
//! arrival order on one thread, with its state kept in the store.
//!
//! Features (shingles, the clustering document) are computed per article on the
//! rayon pool ([`features`]); [`StoryEngine::link`] then feeds new articles, in
//! publication order within each batch, to the dedup index and the clusterer:
//! an article that copies a live canonical joins the canonical's story without a
//! vote of its own ([`Clusterer::attach`]); any other article is clustered
//! ([`Clusterer::assign`]). Periodic maintenance merges and splits stories.
//!
//! The state is snapshotted into the store with the sequence number it covers.
//! A run that died before its snapshot is repaired on the next start by
//! replaying the articles stored after that number ([`StoryEngine::catch_up`]),
//! so nothing is linked twice or left unlinked.

use anyhow::Context;
use parallax_cluster::{
    ClusterConfig, ClusterDoc, Clusterer, StoryChange as ClusterChange, StoryId,
};
use parallax_dedup::{DedupConfig, DedupIndex, Shingles};
use parallax_model::{Article, ArticleId};
use parallax_store::{DupLink, Links, Store, StoryChange, StoryLink};
use parallax_text::{Analysis, Analyzer, Lang};
use rayon::prelude::*;

const DEDUP_SNAPSHOT: &str = "dedup";
const CLUSTER_SNAPSHOT: &str = "cluster";

/// What the stories stage needs of one article, computed in parallel.
#[derive(Debug)]
pub(crate) struct Features {
    pub(crate) shingles: Shingles,
    pub(crate) doc: ClusterDoc,
}

/// Computes an article's features from its text analysis.
pub(crate) fn features(
    article: &Article,
    analysis: &Analysis,
    analyzer: &Analyzer,
    cfg: &ClusterConfig,
) -> Features {
    let published = article.published.as_ref().map(|p| p.utc.timestamp());
    let title_tokens = article.title.as_deref().map(|t| {
        let lang = analysis.lang.unwrap_or(Lang::EN);
        (t, analyzer.tokens(t, lang))
    });
    let doc = ClusterDoc::from_analysis(
        article.id,
        published,
        title_tokens.as_ref().map(|(t, toks)| (*t, toks.as_slice())),
        &article.text,
        analysis,
        cfg,
    );
    Features { shingles: parallax_dedup::shingles(&article.text), doc }
}

/// Analyses a stored or generated article and computes its features (for
/// articles that did not come through [`crate::pipeline::build_all`]).
pub(crate) fn article_features(
    article: &Article,
    analyzer: &Analyzer,
    cfg: &ClusterConfig,
) -> Features {
    let analysis = analyzer.analyze(&article.text, article.language.as_deref());
    features(article, &analysis, analyzer, cfg)
}

/// The dedup index and the clusterer, with the store sequence they cover.
pub(crate) struct StoryEngine {
    pub(crate) dedup: DedupIndex,
    pub(crate) cluster: Clusterer,
    pub(crate) cluster_cfg: ClusterConfig,
    covered_seq: i64,
}

impl StoryEngine {
    /// A fresh engine with default settings.
    pub(crate) fn new() -> anyhow::Result<StoryEngine> {
        let cluster_cfg = ClusterConfig::default();
        Ok(StoryEngine {
            dedup: DedupIndex::new(DedupConfig::default())?,
            cluster: cluster_cfg.clone().build()?,
            cluster_cfg,
            covered_seq: 0,
        })
    }

    /// The engine as last snapshotted in `store` (fresh when there is none).
    pub(crate) fn load(store: &Store) -> anyhow::Result<StoryEngine> {
        let mut engine = StoryEngine::new()?;
        let dedup = store.snapshot(DEDUP_SNAPSHOT)?;
        let cluster = store.snapshot(CLUSTER_SNAPSHOT)?;
        if let (Some((ds, dbytes)), Some((cs, cbytes))) = (dedup, cluster) {
            engine.dedup =
                DedupIndex::from_bytes(&dbytes).context("the stored dedup state does not load")?;
            engine.cluster = postcard::from_bytes(&cbytes).context(
                "the stored clustering state does not load (a store written by an older \
                     parallax: ingest its input again into a new store)",
            )?;
            engine.cluster_cfg = engine.cluster.config().clone();
            engine.covered_seq = ds.min(cs);
        }
        Ok(engine)
    }

    /// Saves the state into `store` as covering everything stored so far.
    pub(crate) fn save(&mut self, store: &mut Store) -> anyhow::Result<()> {
        let seq = store.last_seq();
        let cluster = postcard::to_allocvec(&self.cluster)
            .context("could not serialise the clustering state")?;
        store.put_snapshot(DEDUP_SNAPSHOT, seq, &self.dedup.to_bytes())?;
        store.put_snapshot(CLUSTER_SNAPSHOT, seq, &cluster)?;
        self.covered_seq = seq;
        Ok(())
    }

    /// Links articles the store holds but the state does not cover yet (after a
    /// crash, or a store filled by an older parallax). Returns how many.
    pub(crate) fn catch_up(
        &mut self,
        store: &mut Store,
        analyzer: &Analyzer,
    ) -> anyhow::Result<usize> {
        let ids = store.ids_after(self.covered_seq)?;
        if ids.is_empty() {
            return Ok(0);
        }
        tracing::info!(
            articles = ids.len(),
            "Linking stored articles the story state does not cover yet."
        );
        for chunk in ids.chunks(1000) {
            let mut articles = Vec::with_capacity(chunk.len());
            for id in chunk {
                if let Some(s) = store.article(*id)? {
                    articles.push(s.article);
                }
            }
            let cfg = &self.cluster_cfg;
            let feats: Vec<(ArticleId, Option<i64>, Features)> = articles
                .par_iter()
                .map(|a| {
                    let published = a.published.as_ref().map(|p| p.utc.timestamp());
                    (a.id, published, article_features(a, analyzer, cfg))
                })
                .collect();
            let items: Vec<(ArticleId, Option<i64>, &Features)> =
                feats.iter().map(|(id, t, f)| (*id, *t, f)).collect();
            let links = self.link(items);
            store.write_batch_with(&[], &[], &links)?;
        }
        self.save(store)?;
        Ok(ids.len())
    }

    /// Decides the near-duplicate group and the story of each new article, in
    /// publication order (articles without a date keep their arrival order,
    /// after the dated ones of the batch), then runs maintenance when due.
    pub(crate) fn link(&mut self, mut items: Vec<(ArticleId, Option<i64>, &Features)>) -> Links {
        items.sort_by_key(|(_, t, _)| t.unwrap_or(i64::MAX));
        let mut links = Links::default();
        for (id, published, f) in items {
            let d = self.dedup.add_at(id, published, &f.shingles);
            links.dups.push(DupLink {
                article: id,
                group: d.group.to_string(),
                canonical: d.canonical,
                similarity: d.similarity,
                containment: d.containment,
            });
            let attached = (!d.is_new_group)
                .then(|| self.cluster.attach(id, d.canonical, published).ok())
                .flatten();
            let (story, score, via_duplicate) = match attached {
                Some(s) => (s, d.similarity, true),
                None => {
                    let a = self.cluster.assign(&f.doc);
                    (a.story, a.score, false)
                }
            };
            links.stories.push(StoryLink {
                article: id,
                story: story.as_u64(),
                score,
                via_duplicate,
            });
        }
        if self.cluster.maintenance_due() {
            links.changes.extend(self.cluster.maintain().into_iter().flat_map(store_changes));
        }
        links
    }

    /// The story an article ended up in (merges resolved).
    pub(crate) fn story_of(&self, id: ArticleId) -> Option<StoryId> {
        self.cluster.story_of(id)
    }
}

fn store_changes(c: ClusterChange) -> Vec<StoryChange> {
    match c {
        ClusterChange::Merged { survivor, absorbed, .. } => {
            vec![StoryChange::Merge { from: absorbed.as_u64(), into: survivor.as_u64() }]
        }
        ClusterChange::Split { new_story: to, moved, .. }
        | ClusterChange::Moved { to, moved, .. } => moved
            .into_iter()
            .map(|article| StoryChange::Move { article, to: to.as_u64() })
            .collect(),
        ClusterChange::Frozen { .. } => Vec::new(),
    }
}
