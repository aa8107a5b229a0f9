use parallax_model::{ArticleBuilder, time};

use super::*;

fn article(url: &str, text: &str) -> Article {
    ArticleBuilder::new(SourceRef::file("a.txt"))
        .url(url)
        .outlet("Example")
        .title("T")
        .published(time::parse("2025-04-04T10:00:00+02:00"))
        .paragraphs([text])
        .build()
}

#[test]
fn upsert_is_idempotent_and_tracks_revisions() -> Result<()> {
    let mut s = Store::open_in_memory()?;
    let a = article("https://x.example/a", "First version.");
    let e = Enrichment {
        language: Some("en".into()),
        lang_confidence: 0.9,
        sentences: vec![Span::new(0, 14)],
        n_tokens: 2,
    };
    assert_eq!(s.write_batch(&[(a.clone(), e.clone())], &[])?.inserted, 1);
    assert_eq!(s.write_batch(&[(a.clone(), e.clone())], &[])?.unchanged, 1);
    let revised = article("https://x.example/a", "Second version.");
    assert_eq!(s.write_batch(&[(revised.clone(), e.clone())], &[])?.updated, 1);
    assert_eq!(s.count_articles()?, 1);
    let got = s.article(a.id)?.ok_or(StoreError::Corrupt("missing".into()))?;
    assert_eq!(got.article.text, "Second version.");
    assert_eq!(got.article.published, a.published);
    assert_eq!(got.enrichment, e);
    assert_eq!(got.seq, 1);
    Ok(())
}

#[test]
fn rejects_are_logged_once_and_counted() -> Result<()> {
    let mut s = Store::open_in_memory()?;
    let r = Reject::new(SourceRef::file("bad.json"), RejectReason::MalformedJson, "line 1");
    assert_eq!(s.write_batch(&[], std::slice::from_ref(&r))?.rejects_new, 1);
    assert_eq!(s.write_batch(&[], std::slice::from_ref(&r))?.rejects_repeat, 1);
    let log = s.rejects(None)?;
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].times, 2);
    assert_eq!(log[0].reason, RejectReason::MalformedJson);
    Ok(())
}

#[test]
fn listing_filters_and_orders_by_arrival() -> Result<()> {
    let mut s = Store::open_in_memory()?;
    let a = article("https://x.example/1", "One.");
    let mut b = article("https://y.example/2", "Two.");
    b.outlet = Some("Other".into());
    s.write_batch(&[(a, Enrichment::default()), (b, Enrichment::default())], &[])?;
    let all = s.articles(&ArticleQuery::default())?;
    assert_eq!(
        all.iter().map(|r| r.url.as_deref()).collect::<Vec<_>>(),
        vec![Some("https://x.example/1"), Some("https://y.example/2")]
    );
    let other = s.articles(&ArticleQuery { outlet: Some("Other".into()), ..Default::default() })?;
    assert_eq!(other.len(), 1);
    Ok(())
}

#[test]
fn reopening_keeps_data_and_sequence() -> Result<()> {
    let dir = tempfile::tempdir().map_err(|e| StoreError::Io { path: "tmp".into(), source: e })?;
    {
        let mut s = Store::open(dir.path())?;
        s.write_batch(&[(article("https://x.example/1", "One."), Enrichment::default())], &[])?;
        assert_eq!(s.schema_version()?, MIGRATIONS.len() as u32);
    }
    let mut s = Store::open(dir.path())?;
    s.write_batch(&[(article("https://x.example/2", "Two."), Enrichment::default())], &[])?;
    let seqs: Vec<i64> = s
        .articles(&ArticleQuery::default())?
        .iter()
        .filter_map(|r| s.article(r.id).ok().flatten().map(|a| a.seq))
        .collect();
    assert_eq!(seqs, vec![1, 2]);
    Ok(())
}

#[test]
fn newer_schema_is_refused() -> Result<()> {
    let dir = tempfile::tempdir().map_err(|e| StoreError::Io { path: "tmp".into(), source: e })?;
    {
        let s = Store::open(dir.path())?;
        s.conn.pragma_update(None, "user_version", 99)?;
    }
    assert!(matches!(Store::open(dir.path()), Err(StoreError::TooNew { found: 99, .. })));
    Ok(())
}
