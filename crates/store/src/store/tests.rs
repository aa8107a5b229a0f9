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
fn one_lookup_tells_new_unchanged_and_revised() -> Result<()> {
    let mut s = Store::open_in_memory()?;
    let e = Enrichment::default();
    let a = article("https://x.example/a", "First version.");
    let b = article("https://x.example/b", "Other.");
    s.write_batch(&[(a.clone(), e.clone())], &[])?;
    let mut stored = s.stored_hashes(&[a.id, b.id])?;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored.get(&a.id), Some(&format!("{:016x}", a.content_hash())));
    let revised = article("https://x.example/a", "Second version.");
    // b twice in one batch: inserted, then unchanged; a revised: updated.
    let batch = [(b.clone(), e.clone()), (revised, e.clone()), (b.clone(), e.clone())];
    let out = s.write_batch_known(&batch, &[], &Links::default(), &mut stored)?;
    assert_eq!((out.inserted, out.updated, out.unchanged), (1, 1, 1));
    assert_eq!(stored.len(), 2);
    assert_eq!(s.count_articles()?, 2);
    assert_eq!(s.last_seq(), 3);
    Ok(())
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
        who: Default::default(),
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

fn link(a: &Article, story: u64) -> crate::StoryLink {
    crate::StoryLink { article: a.id, story, score: 0.5, via_duplicate: false }
}

#[test]
fn stories_merge_and_aliases() -> Result<()> {
    let mut s = Store::open_in_memory()?;
    let a = article("https://x.example/1", "One.");
    let mut b = article("https://y.example/2", "Two.");
    b.outlet = Some("Other".into());
    let c = article("https://x.example/3", "Three.");
    let links = crate::Links {
        stories: vec![link(&a, 1), link(&b, 2), link(&c, 2)],
        dups: vec![
            crate::DupLink {
                article: b.id,
                group: "g1".into(),
                canonical: b.id,
                similarity: 1.0,
                containment: 1.0,
            },
            crate::DupLink {
                article: c.id,
                group: "g1".into(),
                canonical: b.id,
                similarity: 0.9,
                containment: 0.95,
            },
        ],
        changes: vec![],
    };
    s.write_batch_with(
        &[
            (a.clone(), Enrichment::default()),
            (b.clone(), Enrichment::default()),
            (c.clone(), Enrichment::default()),
        ],
        &[],
        &links,
    )?;
    let listed = s.stories(None, 1, 10, 0)?;
    assert_eq!(
        listed.iter().map(|x| (x.id, x.articles, x.outlets)).collect::<Vec<_>>(),
        vec![(2, 2, 2), (1, 1, 1)]
    );
    let members = s.story_members(2)?;
    assert_eq!(members.iter().filter(|m| m.duplicate_of == Some(b.id)).count(), 1);
    // Merge 2 into 1: members move, 2 resolves to 1.
    let merge = crate::Links {
        changes: vec![crate::StoryChange::Merge { from: 2, into: 1 }],
        ..Default::default()
    };
    s.write_batch_with(&[], &[], &merge)?;
    assert_eq!(s.resolve_story(2)?, 1);
    assert_eq!(s.story_members(2)?.len(), 3);
    assert_eq!(s.story_of(b.id)?, Some(1));
    // A split moves one article out.
    let split = crate::Links {
        changes: vec![crate::StoryChange::Move { article: a.id, to: 7 }],
        ..Default::default()
    };
    s.write_batch_with(&[], &[], &split)?;
    assert_eq!(s.story_members(7)?.len(), 1);
    // The summary rows followed the merge and the split: story 2 is gone,
    // 1 keeps b and c (two outlets), 7 has a.
    let rows = s.find_stories(&crate::StoryQuery {
        sort: crate::StorySort::Largest,
        limit: 10,
        ..Default::default()
    })?;
    assert_eq!(
        rows.iter().map(|x| (x.id, x.articles, x.outlets)).collect::<Vec<_>>(),
        vec![(1, 2, 2), (7, 1, 1)]
    );
    let q = crate::StoryQuery { outlet: Some("Other".into()), limit: 10, ..Default::default() };
    assert_eq!(s.find_stories(&q)?.iter().map(|x| x.id).collect::<Vec<_>>(), vec![1]);
    assert_eq!(s.count_stories(&q)?, 1);
    let q = crate::StoryQuery { ids: Some(vec![7, 99]), limit: 10, ..Default::default() };
    assert_eq!(s.find_stories(&q)?.iter().map(|x| x.id).collect::<Vec<_>>(), vec![7]);
    // A revision of a member refreshes its story's title.
    let mut revised = article("https://x.example/1", "One, revised.");
    revised.title = Some("New title".into());
    s.write_batch(&[(revised, Enrichment::default())], &[])?;
    assert_eq!(s.story(7)?.and_then(|x| x.title), Some("New title".to_string()));
    assert_eq!(s.story(2)?.map(|x| x.id), Some(1));
    let groups = s.dup_groups(2, 10)?;
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].members.iter().map(|m| m.0).collect::<Vec<_>>(), vec![b.id, c.id]);
    Ok(())
}

#[test]
fn snapshots_round_trip() -> Result<()> {
    let mut s = Store::open_in_memory()?;
    assert_eq!(s.snapshot("cluster")?, None);
    s.put_snapshot("cluster", 5, b"state-1")?;
    s.put_snapshot("cluster", 9, b"state-2")?;
    assert_eq!(s.snapshot("cluster")?, Some((9, b"state-2".to_vec())));
    Ok(())
}

#[test]
fn a_version_1_store_migrates_and_keeps_its_articles() -> Result<()> {
    let dir = tempfile::tempdir().map_err(|e| StoreError::Io { path: "tmp".into(), source: e })?;
    {
        // Build a store exactly as schema version 1 left it.
        let conn = Connection::open(dir.path().join(DB_FILE))?;
        conn.execute_batch(MIGRATIONS[0])?;
        conn.pragma_update(None, "user_version", 1)?;
        conn.execute(
            "INSERT INTO articles (id, source, text, paragraphs, sentences, content_hash, ingested_at, updated_at, seq)
             VALUES ('00000000000000aa', '{\"kind\":\"stdin\"}', 'Old text.', '[{\"start\":0,\"end\":9}]', '[]', '1',
                     '2025-01-01T00:00:00+00:00', '2025-01-01T00:00:00+00:00', 1)",
            [],
        )?;
    }
    let s = Store::open(dir.path())?;
    assert_eq!(s.schema_version()?, MIGRATIONS.len() as u32);
    let id: ArticleId =
        "00000000000000aa".parse().map_err(|e| StoreError::Corrupt(format!("{e}")))?;
    assert_eq!(s.article(id)?.map(|a| a.article.text), Some("Old text.".into()));
    assert_eq!(s.last_seq(), 1);
    assert!(s.stories(None, 1, 10, 0)?.is_empty());
    Ok(())
}

fn who(speaker: Option<&str>) -> crate::WhoSaidWhat {
    crate::WhoSaidWhat {
        entities: vec![crate::EntityRecord {
            key: "marco rubio".into(),
            name: "Marco Rubio".into(),
            kind: "person".into(),
            roles: vec!["US Secretary of State".into()],
            mentions: 2,
            first: Span::new(0, 11),
        }],
        quotes: vec![crate::QuoteRecord {
            kind: "direct".into(),
            text: "“hysteria and hyperbole”".into(),
            span: Span::new(20, 48),
            speaker_text: Some("Rubio".into()),
            speaker_name: speaker.map(str::to_string),
            speaker_key: speaker.map(|s| s.to_lowercase()),
            cue: Some("said".into()),
            speech: true,
        }],
    }
}

#[test]
fn who_said_what_is_stored_replaced_and_gathered_per_person() -> Result<()> {
    let mut s = Store::open_in_memory()?;
    let a = article("https://x.example/1", "Marco Rubio spoke.");
    let mut b = article("https://y.example/2", "Rubio spoke too.");
    b.outlet = Some("Other".into());
    let e = |w| Enrichment { who: w, ..Enrichment::default() };
    s.write_batch_with(
        &[(a.clone(), e(who(Some("Marco Rubio")))), (b.clone(), e(who(Some("Marco Rubio"))))],
        &[],
        &crate::Links { stories: vec![link(&a, 4), link(&b, 4)], ..Default::default() },
    )?;
    let got = s.article(a.id)?.ok_or(StoreError::Corrupt("missing".into()))?;
    assert_eq!(got.enrichment.who, who(Some("Marco Rubio")));
    let quotes = s.quotes_by("marco rubio", 10, 0)?;
    assert_eq!(quotes.len(), 2);
    assert!(quotes.iter().all(|q| q.story == Some(4) && q.quote.cue.as_deref() == Some("said")));
    let person = s.entity("marco rubio")?.ok_or(StoreError::Corrupt("no entity".into()))?;
    assert_eq!((person.articles, person.outlets, person.quotes), (2, 2, 2));
    assert_eq!(person.roles, vec![("US Secretary of State".to_string(), 2)]);
    let listed = s.entities(&crate::EntityQuery {
        text: Some("RUBIO".into()),
        limit: 10,
        ..Default::default()
    })?;
    assert_eq!(listed.iter().map(|p| p.key.as_str()).collect::<Vec<_>>(), vec!["marco rubio"]);
    // A LIKE wildcard in the query is a literal character.
    let none = s.entities(&crate::EntityQuery {
        text: Some("%".into()),
        limit: 10,
        ..Default::default()
    })?;
    assert!(none.is_empty());
    // A revision replaces the rows: the quote is no longer Rubio's.
    let revised = article("https://x.example/1", "Marco Rubio spoke, revised.");
    s.write_batch(&[(revised, e(who(None)))], &[])?;
    assert_eq!(s.quotes_by("marco rubio", 10, 0)?.len(), 1);
    assert_eq!(s.who(a.id)?.quotes.len(), 1);
    // Revisions are numbered after every insert.
    let changed = s.changed_after(2, 10)?;
    assert_eq!(changed.iter().map(|c| (c.article.id, c.rev)).collect::<Vec<_>>(), vec![(a.id, 3)]);
    assert_eq!(s.max_rev()?, 3);
    Ok(())
}
