//! Tests on three small articles (two English, one German) and their quotes.

use chrono::{DateTime, TimeZone, Utc};

use crate::{ArticleDoc, HitKind, Kind, QuoteDoc, SearchError, SearchIndex, SearchQuery};

const NATO: &str = "00000000000000a1";
const FESTIVAL: &str = "00000000000000b2";
const GERMAN: &str = "00000000000000c3";

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).single().expect("valid date")
}

fn quote(index: u32, speaker: &str, key: &str, text: &str) -> QuoteDoc {
    QuoteDoc {
        index,
        speaker: Some(speaker.into()),
        speaker_key: Some(key.into()),
        text: text.into(),
    }
}

fn nato() -> ArticleDoc {
    ArticleDoc {
        id: NATO.into(),
        title: Some("NATO foreign ministers meet in Brussels".into()),
        outlet: Some("Wire".into()),
        language: Some("en".into()),
        published: Some(at(20, 10)),
        text: "Foreign ministers of NATO met in Brussels on Thursday. US Secretary of State \
               Marco Rubio dismissed talk of a split: \"There is a lot of hysteria and \
               hyperbole,\" he said. Danish Foreign Minister Lars Løkke Rasmussen called for \
               unity: \"We must stand together.\""
            .into(),
        quotes: vec![
            quote(0, "Marco Rubio", "marco rubio", "There is a lot of hysteria and hyperbole"),
            quote(1, "Lars Løkke Rasmussen", "lars lokke rasmussen", "We must stand together."),
        ],
    }
}

fn festival() -> ArticleDoc {
    ArticleDoc {
        id: FESTIVAL.into(),
        title: Some("Harvest festival draws record crowds".into()),
        outlet: Some("Daily".into()),
        language: Some("en".into()),
        published: Some(at(22, 8)),
        text: "The harvest festival in the valley drew record crowds this weekend. Organisers \
               said the weather helped: \"We have never seen so many visitors,\" said Jane Doe."
            .into(),
        quotes: vec![quote(0, "Jane Doe", "jane doe", "We have never seen so many visitors")],
    }
}

fn german() -> ArticleDoc {
    ArticleDoc {
        id: GERMAN.into(),
        title: Some("Außenminister beraten über Sicherheit".into()),
        outlet: Some("Zeitung".into()),
        language: Some("de".into()),
        published: Some(at(21, 12)),
        text: "Die Außenminister der NATO berieten in Brüssel. Lars Løkke Rasmussen sagte, \
               Europa müsse geschlossen handeln."
            .into(),
        quotes: vec![quote(
            0,
            "Lars Løkke Rasmussen",
            "lars lokke rasmussen",
            "Europa muss geschlossen handeln",
        )],
    }
}

fn fixture() -> SearchIndex {
    let index = SearchIndex::in_memory().expect("index");
    index.index(&[nato(), festival(), german()], 3).expect("indexed");
    index
}

fn text(t: &str) -> SearchQuery {
    SearchQuery { text: t.into(), ..SearchQuery::default() }
}

/// (article id, quote index) of each hit, in order.
fn ids(index: &SearchIndex, q: &SearchQuery) -> Vec<(String, Option<u32>)> {
    let r = index.search(q).expect("search");
    assert!(r.hits.len() <= r.total);
    r.hits.into_iter().map(|h| (h.article_id, h.quote_index)).collect()
}

fn sorted(mut v: Vec<(String, Option<u32>)>) -> Vec<(String, Option<u32>)> {
    v.sort();
    v
}

fn hit(id: &str, q: Option<u32>) -> (String, Option<u32>) {
    (id.to_string(), q)
}

#[test]
fn is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<SearchIndex>();
}

#[test]
fn counts() {
    let index = fixture();
    assert_eq!(index.num_docs(), 7);
    assert_eq!(index.num_articles().expect("count"), 3);
    assert_eq!(index.covered_seq(), Some(3));
}

#[test]
fn a_word() {
    let index = fixture();
    assert_eq!(ids(&index, &text("harvest")), vec![hit(FESTIVAL, None)]);
    assert_eq!(sorted(ids(&index, &text("Hyperbole"))), vec![hit(NATO, None), hit(NATO, Some(0))]);
    let r = index.search(&text("harvest")).expect("search");
    let h = &r.hits[0];
    assert_eq!(h.kind, HitKind::Article);
    assert_eq!(h.title.as_deref(), Some("Harvest festival draws record crowds"));
    assert_eq!(h.outlet.as_deref(), Some("Daily"));
    assert_eq!(h.language.as_deref(), Some("en"));
    assert_eq!(h.published, Some(at(22, 8)));
    assert!(h.score > 0.0);
    assert!(h.snippet.to_html().contains("The <mark>harvest</mark> festival"), "{:?}", h.snippet);
}

#[test]
fn words_are_and_by_default_with_or_and_not() {
    let index = fixture();
    assert_eq!(ids(&index, &text("harvest hyperbole")), vec![]);
    assert_eq!(
        sorted(ids(&index, &text("harvest OR hyperbole"))),
        vec![hit(NATO, None), hit(NATO, Some(0)), hit(FESTIVAL, None)]
    );
    // NATO is in the English and the German article; -thursday drops the English one.
    assert_eq!(sorted(ids(&index, &text("nato"))), vec![hit(NATO, None), hit(GERMAN, None)]);
    assert_eq!(ids(&index, &text("nato -thursday")), vec![hit(GERMAN, None)]);
    // A negated word is stemmed like a positive one: "Brussels" (English) and
    // "Brüssel" (German) both stem to "brussel", so -brussels drops both, and
    // -text:brussels (the exact field only) just the English one.
    assert_eq!(ids(&index, &text("nato -brussels")), vec![]);
    assert_eq!(ids(&index, &text("nato -text:brussels")), vec![hit(GERMAN, None)]);
}

#[test]
fn a_phrase() {
    let index = fixture();
    assert_eq!(
        sorted(ids(&index, &text("\"hysteria and hyperbole\""))),
        vec![hit(NATO, None), hit(NATO, Some(0))]
    );
    assert_eq!(ids(&index, &text("\"hyperbole and hysteria\"")), vec![]);
    let r = index
        .search(&SearchQuery {
            text: "\"hysteria and hyperbole\"".into(),
            kind: Kind::Quotes,
            ..SearchQuery::default()
        })
        .expect("search");
    assert_eq!(r.total, 1);
    assert_eq!(
        r.hits[0].snippet.to_html(),
        "There is a lot of <mark>hysteria</mark> <mark>and</mark> <mark>hyperbole</mark>"
    );
}

#[test]
fn diacritics_fold_to_ascii() {
    let index = fixture();
    // Løkke is in both articles' text and in the speaker of two quotes.
    let lokke = vec![hit(NATO, None), hit(NATO, Some(1)), hit(GERMAN, None), hit(GERMAN, Some(0))];
    assert_eq!(sorted(ids(&index, &text("Løkke"))), lokke);
    assert_eq!(sorted(ids(&index, &text("lokke"))), lokke);
    assert_eq!(sorted(ids(&index, &text("LOKKE"))), lokke);
    // Folding is not transliteration: in the exact fields "oe" is not "ø" and
    // "ue" is not "ü"; "Brüssel" is "brussel", a different word from "Brussels".
    assert_eq!(ids(&index, &text("text:loekke")), vec![]);
    assert_eq!(ids(&index, &text("text:bruessel")), vec![]);
    assert_eq!(ids(&index, &text("text:brussel")), vec![hit(GERMAN, None)]);
    // Through the stemmed fields: Snowball's German stemmer reads "ue" as "ü",
    // and "Brussels" (English) and "Brüssel" (German) both stem to "brussel".
    assert_eq!(ids(&index, &text("loekke")), vec![]);
    assert_eq!(ids(&index, &text("bruessel")), vec![hit(GERMAN, None)]);
    assert_eq!(sorted(ids(&index, &text("brussel"))), vec![hit(NATO, None), hit(GERMAN, None)]);
    // ß is "ss".
    assert_eq!(ids(&index, &text("Aussenminister")), vec![hit(GERMAN, None)]);
    assert_eq!(ids(&index, &text("außenminister")), vec![hit(GERMAN, None)]);
    let r = index.search(&text("lokke")).expect("search");
    let german = r.hits.iter().find(|h| h.article_id == GERMAN && h.quote_index.is_none());
    let html = german.expect("German article").snippet.to_html();
    assert!(html.contains("Lars <mark>Løkke</mark> Rasmussen"), "{html}");
}

#[test]
fn quotes_by_speaker_key() {
    let index = fixture();
    let by_lokke = |t: &str| SearchQuery {
        text: t.into(),
        kind: Kind::Quotes,
        speaker_key: Some("lars lokke rasmussen".into()),
        ..SearchQuery::default()
    };
    // Empty text: newest first (German 21 Nov before English 20 Nov).
    assert_eq!(ids(&index, &by_lokke("")), vec![hit(GERMAN, Some(0)), hit(NATO, Some(1))]);
    assert_eq!(ids(&index, &by_lokke("europa")), vec![hit(GERMAN, Some(0))]);
    assert_eq!(ids(&index, &by_lokke("hysteria")), vec![]);
    let r = index.search(&by_lokke("together")).expect("search");
    let h = &r.hits[0];
    assert_eq!(h.kind, HitKind::Quote);
    assert_eq!(h.speaker.as_deref(), Some("Lars Løkke Rasmussen"));
    assert_eq!(h.speaker_key.as_deref(), Some("lars lokke rasmussen"));
    assert_eq!(h.title.as_deref(), Some("NATO foreign ministers meet in Brussels"));
    assert_eq!(h.snippet.to_html(), "We must stand <mark>together</mark>.");
    // The speaker's name is searchable on quotes; with no match in the quote's
    // words, the snippet is the quote's start, unmarked.
    let r = index
        .search(&SearchQuery { text: "rubio".into(), kind: Kind::Quotes, ..SearchQuery::default() })
        .expect("search");
    assert_eq!(r.total, 1);
    assert_eq!(r.hits[0].snippet.text, "There is a lot of hysteria and hyperbole");
    assert!(r.hits[0].snippet.highlights.is_empty());
    // A title word never makes a quote match.
    assert_eq!(
        ids(
            &index,
            &SearchQuery { text: "crowds".into(), kind: Kind::Quotes, ..SearchQuery::default() }
        ),
        vec![]
    );
}

#[test]
fn filters() {
    let index = fixture();
    let q = |f: &dyn Fn(&mut SearchQuery)| {
        let mut q = SearchQuery::default();
        f(&mut q);
        sorted(ids(&index, &q))
    };
    assert_eq!(
        q(&|q| q.outlet = Some("Daily".into())),
        vec![hit(FESTIVAL, None), hit(FESTIVAL, Some(0))]
    );
    // Exact: no case folding on raw fields.
    assert_eq!(q(&|q| q.outlet = Some("daily".into())), vec![]);
    assert_eq!(
        q(&|q| {
            q.outlet = Some("Daily".into());
            q.kind = Kind::Articles;
        }),
        vec![hit(FESTIVAL, None)]
    );
    assert_eq!(
        q(&|q| q.language = Some("de".into())),
        vec![hit(GERMAN, None), hit(GERMAN, Some(0))]
    );
    assert_eq!(
        q(&|q| {
            q.language = Some("en".into());
            q.text = "lokke".into();
        }),
        vec![hit(NATO, None), hit(NATO, Some(1))]
    );
    assert_eq!(
        q(&|q| q.since = Some(at(21, 0))),
        vec![hit(FESTIVAL, None), hit(FESTIVAL, Some(0)), hit(GERMAN, None), hit(GERMAN, Some(0))]
    );
    assert_eq!(
        q(&|q| q.until = Some(at(20, 23))),
        vec![hit(NATO, None), hit(NATO, Some(0)), hit(NATO, Some(1))]
    );
    // Both bounds inclusive.
    assert_eq!(
        q(&|q| {
            q.since = Some(at(21, 12));
            q.until = Some(at(21, 12));
            q.kind = Kind::Articles;
        }),
        vec![hit(GERMAN, None)]
    );
    assert_eq!(
        q(&|q| {
            q.since = Some(at(20, 0));
            q.until = Some(at(21, 23));
            q.text = "lokke".into();
            q.kind = Kind::Articles;
        }),
        vec![hit(NATO, None), hit(GERMAN, None)]
    );
}

#[test]
fn paging_and_total() {
    let index = fixture();
    let page = |limit, offset| {
        index.search(&SearchQuery { limit, offset, ..SearchQuery::default() }).expect("search")
    };
    let all = page(100, 0);
    assert_eq!(all.total, 7);
    // Empty text: newest first.
    let order: Vec<_> = all.hits.iter().map(|h| h.article_id.as_str()).collect();
    assert_eq!(order, [FESTIVAL, FESTIVAL, GERMAN, GERMAN, NATO, NATO, NATO]);
    let mut paged = Vec::new();
    for offset in [0, 3, 6] {
        let p = page(3, offset);
        assert_eq!(p.total, 7);
        paged.extend(p.hits.into_iter().map(|h| (h.article_id, h.quote_index)));
    }
    let whole: Vec<_> = all.hits.into_iter().map(|h| (h.article_id, h.quote_index)).collect();
    assert_eq!(paged, whole);
    assert_eq!(page(3, 9).hits.len(), 0);
    assert_eq!(page(3, 9).total, 7);
    // limit 0 is the default page; a huge limit is capped.
    assert_eq!(page(0, 0).hits.len(), 7);
    assert_eq!(page(1_000_000, 0).hits.len(), 7);
    assert!(matches!(
        index.search(&SearchQuery { offset: 1 << 40, ..SearchQuery::default() }),
        Err(SearchError::Query(_))
    ));
}

#[test]
fn ties_are_newest_first_and_title_is_boosted() {
    let index = SearchIndex::in_memory().expect("index");
    let doc = |id: &str, title: &str, text: &str, day| ArticleDoc {
        id: id.into(),
        title: Some(title.into()),
        text: text.into(),
        published: Some(at(day, 0)),
        ..ArticleDoc::default()
    };
    // Added oldest first, so doc order alone would put the old one first.
    index
        .index(
            &[
                doc("0000000000000001", "Old", "the zeppelin landed", 1),
                doc("0000000000000002", "New", "the zeppelin landed", 2),
                doc("0000000000000003", "Zeppelin", "the airship landed", 1),
            ],
            1,
        )
        .expect("indexed");
    assert_eq!(
        ids(&index, &text("zeppelin")),
        vec![
            hit("0000000000000003", None),
            hit("0000000000000002", None),
            hit("0000000000000001", None)
        ]
    );
    // The title-only match falls back to a title snippet.
    let r = index.search(&text("zeppelin")).expect("search");
    assert_eq!(r.hits[0].snippet.to_html(), "<mark>Zeppelin</mark>");
    let r = index.search(&text("old")).expect("search");
    assert_eq!(r.hits[0].snippet.to_html(), "<mark>Old</mark>");
}

#[test]
fn reindex_is_idempotent() {
    let index = fixture();
    index.index(&[nato(), nato()], 4).expect("indexed");
    index.index(&[nato()], 5).expect("indexed");
    assert_eq!(index.num_docs(), 7);
    assert_eq!(index.num_articles().expect("count"), 3);
    assert_eq!(index.search(&text("hyperbole")).expect("search").total, 2);
    assert_eq!(index.covered_seq(), Some(5));
    // An update replaces the article and its quotes.
    let mut changed = nato();
    changed.text = "Ministers met.".into();
    changed.quotes.truncate(1);
    index.index(&[changed], 6).expect("indexed");
    assert_eq!(index.num_docs(), 6);
    assert_eq!(ids(&index, &text("hyperbole")), vec![hit(NATO, Some(0))]);
}

#[test]
fn delete_removes_articles_and_quotes() {
    let index = fixture();
    index.delete(&[FESTIVAL.to_string(), "ffffffffffffffff".to_string()], 9).expect("deleted");
    assert_eq!(index.num_docs(), 5);
    assert_eq!(index.covered_seq(), Some(9));
    assert_eq!(ids(&index, &text("harvest")), vec![]);
    assert_eq!(ids(&index, &text("visitors")), vec![]);
    assert_eq!(index.search(&text("hyperbole")).expect("search").total, 2);
}

#[test]
fn covered_seq_survives_reopen() {
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let index = SearchIndex::open(dir.path()).expect("open");
        assert_eq!(index.covered_seq(), None);
        assert_eq!(index.num_docs(), 0);
        index.index(&[nato(), festival(), german()], 42).expect("indexed");
    }
    let index = SearchIndex::open(dir.path()).expect("reopen");
    assert_eq!(index.covered_seq(), Some(42));
    assert_eq!(index.num_docs(), 7);
    assert_eq!(ids(&index, &text("lokke")).len(), 4);
    index.delete(&[NATO.to_string()], 43).expect("deleted");
    drop(index);
    let index = SearchIndex::open(dir.path()).expect("reopen");
    assert_eq!(index.covered_seq(), Some(43));
    assert_eq!(index.num_docs(), 4);
}

#[test]
fn a_second_open_of_the_same_dir_fails_cleanly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let _first = SearchIndex::open(dir.path()).expect("open");
    assert!(matches!(SearchIndex::open(dir.path()), Err(SearchError::Index(_))));
}

/// Commits `payload` over the index in `dir` with plain tantivy.
fn set_payload(dir: &std::path::Path, payload: &str) {
    let index = tantivy::Index::open_in_dir(dir).expect("open");
    let mut writer: tantivy::IndexWriter = index.writer(15_000_000).expect("writer");
    let mut prepared = writer.prepare_commit().expect("prepare");
    prepared.set_payload(payload);
    prepared.commit().expect("commit");
}

#[test]
fn another_schema_version_is_wiped() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("notes.txt"), "keep me").expect("write");
    {
        let index = SearchIndex::open(dir.path()).expect("open");
        index.index(&[nato()], 7).expect("indexed");
    }
    set_payload(dir.path(), r#"{"schema_version":999,"seq":7}"#);
    let index = SearchIndex::open(dir.path()).expect("reopen");
    assert_eq!(index.covered_seq(), None);
    assert_eq!(index.num_docs(), 0);
    assert_eq!(std::fs::read_to_string(dir.path().join("notes.txt")).expect("kept"), "keep me");
    // And it works after the wipe.
    index.index(&[festival()], 8).expect("indexed");
    drop(index);
    let index = SearchIndex::open(dir.path()).expect("reopen");
    assert_eq!((index.covered_seq(), index.num_docs()), (Some(8), 2));
}

#[test]
fn a_foreign_index_is_wiped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut b = tantivy::schema::Schema::builder();
    let f = b.add_text_field("body", tantivy::schema::TEXT);
    let other = tantivy::Index::create_in_dir(dir.path(), b.build()).expect("create");
    let mut w: tantivy::IndexWriter = other.writer(15_000_000).expect("writer");
    w.add_document(tantivy::doc!(f => "hello")).expect("add");
    w.commit().expect("commit");
    drop((w, other));
    // Same payload version, different schema: still wiped.
    set_payload(dir.path(), &format!(r#"{{"schema_version":{},"seq":3}}"#, crate::SCHEMA_VERSION));
    let index = SearchIndex::open(dir.path()).expect("open");
    assert_eq!((index.covered_seq(), index.num_docs()), (None, 0));
}

#[test]
fn snippets_escape_hostile_text() {
    let index = SearchIndex::in_memory().expect("index");
    let doc = ArticleDoc {
        id: "00000000000000dd".into(),
        title: Some("<img src=x onerror=alert(2)> headline".into()),
        text: "Breaking <script>alert(1)</script> news \" onmouseover=\"x and 'single' & more"
            .into(),
        quotes: vec![QuoteDoc {
            index: 0,
            speaker: Some("<b>Mallory</b>".into()),
            speaker_key: None,
            text: "</mark><script>alert(3)</script>".into(),
        }],
        ..ArticleDoc::default()
    };
    index.index(&[doc], 1).expect("indexed");
    let html = |q: &str, kind| {
        let r = index.search(&SearchQuery { text: q.into(), kind, ..SearchQuery::default() });
        r.expect("search").hits[0].snippet.to_html()
    };
    let h = html("alert", Kind::Articles);
    assert_eq!(
        h,
        "Breaking &lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt; news &quot; \
         onmouseover=&quot;x and &#39;single&#39; &amp; more"
    );
    let h = html("onmouseover", Kind::Articles);
    assert!(h.contains("&quot; <mark>onmouseover</mark>=&quot;x"), "{h}");
    // Title fallback is escaped too.
    let h = html("onerror", Kind::Articles);
    assert_eq!(h, "&lt;img src=x <mark>onerror</mark>=alert(2)&gt; headline");
    // A quote that tries to close the mark.
    let h = html("alert", Kind::Quotes);
    assert_eq!(h, "&lt;/mark&gt;&lt;script&gt;<mark>alert</mark>(3)&lt;/script&gt;");
    for h in [html("alert", Kind::All), html("mallory", Kind::Quotes)] {
        assert!(!h.contains("<script") && !h.contains("<img") && !h.contains("\" "), "{h}");
    }
}

#[test]
fn hostile_queries_never_panic() {
    let index = fixture();
    let long_word = "a".repeat(10_000);
    let long_mixed = "\"(title:[ -a OR ".repeat(700);
    let many_terms = "word ".repeat(100);
    let hostile = [
        "\"unbalanced",
        "unbalanced\"",
        "\"\"",
        "field:",
        "title:",
        "nosuchfield:foo",
        ":",
        "((((",
        "))))",
        "AND",
        "OR OR",
        "NOT",
        "-",
        "-hyperbole",
        "*",
        "?",
        "\\",
        "foo^1e99",
        "foo^-3",
        "foo^",
        "hysteria~",
        "\"hysteria hyperbole\"~4294967295",
        "[a TO",
        "title:[a TO z]",
        "published:[2020-01-01T00:00:00Z TO *]",
        "published:notadate",
        "quote_index:abc",
        "text:/re.*/",
        "kind:quote",
        "outlet:Daily",
        "title:IN [a b c]",
        "\u{0}\u{1}\u{202e}",
        "!!!",
        "🦀 émoji",
        &long_word,
        &long_mixed,
        &many_terms,
    ];
    for q in hostile {
        for kind in [Kind::All, Kind::Quotes] {
            let r =
                index.search(&SearchQuery { text: q.to_string(), kind, ..SearchQuery::default() });
            match r {
                Ok(r) => assert!(r.hits.len() <= r.total),
                Err(SearchError::Query(msg)) => assert!(!msg.is_empty()),
                Err(e) => panic!("{q:.40?}: {e}"),
            }
        }
    }
    let too_long = index.search(&text(&long_word));
    assert!(matches!(too_long, Err(SearchError::Query(m)) if m.contains("10000 characters")));
    let too_many = index.search(&text(&many_terms));
    assert!(matches!(too_many, Err(SearchError::Query(m)) if m.contains("100 words")));
    // Lenient: an unknown field is dropped, not refused, and the rest still counts.
    assert_eq!(ids(&index, &text("nosuchfield:foo harvest")), vec![hit(FESTIVAL, None)]);
}

#[test]
fn concurrent_search_while_indexing() {
    let index = std::sync::Arc::new(fixture());
    std::thread::scope(|s| {
        for _ in 0..4 {
            let index = &index;
            s.spawn(move || {
                for _ in 0..50 {
                    let r = index.search(&text("lokke")).expect("search");
                    assert_eq!(r.total, 4);
                }
            });
        }
        s.spawn(|| {
            for seq in 10..20 {
                index.index(&[nato(), german()], seq).expect("indexed");
            }
        });
    });
    assert_eq!(index.num_docs(), 7);
    assert_eq!(index.covered_seq(), Some(19));
}

#[test]
fn snippets_of_long_texts_are_cut_and_marked() {
    let index = SearchIndex::in_memory().expect("index");
    let filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(10);
    let doc = ArticleDoc {
        id: "00000000000000ee".into(),
        text: format!("{filler}\"The needle,\" she said. {filler}"),
        ..ArticleDoc::default()
    };
    index.index(&[doc], 1).expect("indexed");
    let r = index.search(&text("needle")).expect("search");
    let s = &r.hits[0].snippet;
    assert!(s.text.starts_with('…') && s.text.ends_with('…'), "{}", s.text);
    assert!(s.text.chars().count() <= crate::SNIPPET_MAX_CHARS + 2 * 16 + 2, "{}", s.text);
    assert_eq!(s.highlights.len(), 1);
    let (a, b) = s.highlights[0];
    assert_eq!(&s.text[a..b], "needle");
    assert!(s.to_html().contains("&quot;The <mark>needle</mark>,&quot;"), "{}", s.to_html());
}

/// An article with an id, a language, a title, a body and one quote, all
/// published on `day`.
fn lang_doc(id: &str, language: Option<&str>, title: &str, body: &str, day: u32) -> ArticleDoc {
    ArticleDoc {
        id: id.into(),
        title: Some(title.into()),
        language: language.map(str::to_string),
        published: Some(at(day, 0)),
        text: body.into(),
        quotes: vec![QuoteDoc { index: 0, text: body.into(), ..QuoteDoc::default() }],
        ..ArticleDoc::default()
    }
}

fn html_of(index: &SearchIndex, q: &SearchQuery) -> Vec<String> {
    let r = index.search(q).expect("search");
    r.hits.iter().map(|h| h.snippet.to_html()).collect()
}

#[test]
fn english_words_match_through_their_stems() {
    let index = SearchIndex::in_memory().expect("index");
    let a = lang_doc(
        "0000000000000001",
        Some("en"),
        "Allies talk",
        "The ministers held a meeting in Brussels.",
        1,
    );
    index.index(&[a], 1).expect("indexed");
    let articles = |t: &str| SearchQuery { text: t.into(), kind: Kind::Articles, ..text(t) };
    assert_eq!(ids(&index, &articles("meetings")), vec![hit("0000000000000001", None)]);
    assert_eq!(
        html_of(&index, &articles("meetings")),
        vec!["The ministers held a <mark>meeting</mark> in Brussels."]
    );
    // "minister" finds "ministers"; two stemmed words AND like exact ones.
    assert_eq!(
        html_of(&index, &articles("minister meetings")),
        vec!["The <mark>ministers</mark> held a <mark>meeting</mark> in Brussels."]
    );
    assert_eq!(ids(&index, &articles("meetings harvest")), vec![]);
    // Quotes take their article's language.
    let quotes = SearchQuery { kind: Kind::Quotes, ..text("meetings") };
    assert_eq!(ids(&index, &quotes), vec![hit("0000000000000001", Some(0))]);
    assert_eq!(
        html_of(&index, &quotes),
        vec!["The ministers held a <mark>meeting</mark> in Brussels."]
    );
    // A title that matches only through a stem gets a title snippet.
    assert_eq!(html_of(&index, &articles("talks")), vec!["Allies <mark>talk</mark>"]);
    // Stems are not synonyms: "met" is not "meet".
    assert_eq!(ids(&index, &text("met")), vec![]);
}

#[test]
fn german_words_match_through_their_stems() {
    let index = SearchIndex::in_memory().expect("index");
    let a = lang_doc(
        "0000000000000001",
        Some("de"),
        "Außenminister beraten",
        "Das Treffen der Außenminister beriet über die Ausgabe.",
        1,
    );
    let b = lang_doc(
        "0000000000000002",
        Some("de"),
        "Haushalt",
        "Die Verteidigungsausgaben steigen.",
        2,
    );
    index.index(&[a, b], 1).expect("indexed");
    let articles = |t: &str| SearchQuery { kind: Kind::Articles, ..text(t) };
    // Genitive "Treffens" → "treff" ← "Treffen"; plural "Ausgaben" → "ausgab" ← "Ausgabe";
    // dative plural "Außenministern" → "aussenminist" ← "Außenminister".
    assert_eq!(
        html_of(&index, &articles("Treffens")),
        vec!["Das <mark>Treffen</mark> der Außenminister beriet über die Ausgabe."]
    );
    assert_eq!(
        html_of(&index, &articles("Ausgaben")),
        vec!["Das Treffen der Außenminister beriet über die <mark>Ausgabe</mark>."]
    );
    assert_eq!(
        html_of(&index, &articles("aussenministern")),
        vec!["Das Treffen der <mark>Außenminister</mark> beriet über die Ausgabe."]
    );
    // The stemmer does not split compounds: "Ausgaben" is not in
    // "Verteidigungsausgaben", which only its own forms find.
    assert_eq!(ids(&index, &articles("Ausgaben")), vec![hit("0000000000000001", None)]);
    assert_eq!(ids(&index, &articles("Verteidigungsausgabe")), vec![hit("0000000000000002", None)]);
    // German stems are not applied to an English query on an English filter.
    let en = SearchQuery { language: Some("en".into()), ..articles("Treffens") };
    assert_eq!(ids(&index, &en), vec![]);
    let de = SearchQuery { language: Some("de".into()), ..articles("Treffens") };
    assert_eq!(ids(&index, &de), vec![hit("0000000000000001", None)]);
}

#[test]
fn no_or_unknown_language_means_exact_words_only() {
    let index = SearchIndex::in_memory().expect("index");
    let body = "The ministers held a meeting.";
    index
        .index(
            &[
                lang_doc("0000000000000001", None, "One", body, 1),
                lang_doc("0000000000000002", Some("xx"), "Two", body, 2),
                lang_doc("0000000000000003", Some("EN-gb"), "Three", body, 3),
            ],
            1,
        )
        .expect("indexed");
    let articles = |t: &str| SearchQuery { kind: Kind::Articles, ..text(t) };
    // Exact: all three, newest first.
    assert_eq!(
        ids(&index, &articles("meeting")),
        vec![
            hit("0000000000000003", None),
            hit("0000000000000002", None),
            hit("0000000000000001", None)
        ]
    );
    // Through a stem: only the one with a known language ("EN-gb" is English).
    assert_eq!(ids(&index, &articles("meetings")), vec![hit("0000000000000003", None)]);
    // A language filter without a stemmer searches the exact fields only.
    let xx = SearchQuery { language: Some("xx".into()), ..articles("meetings") };
    assert_eq!(ids(&index, &xx), vec![]);
    let xx = SearchQuery { language: Some("xx".into()), ..articles("meeting") };
    assert_eq!(ids(&index, &xx), vec![hit("0000000000000002", None)]);
}

#[test]
fn exact_wording_ranks_above_a_stem_match() {
    let index = SearchIndex::in_memory().expect("index");
    // The stem-only documents are newer, so the date tie-break alone would
    // put them first; same length, same title weight.
    let exact = "0000000000000001";
    index
        .index(
            &[
                lang_doc(exact, Some("en"), "Report", "Ministers held meetings on Monday.", 1),
                lang_doc(
                    "0000000000000002",
                    Some("en"),
                    "Report",
                    "Ministers held meeting on Monday.",
                    2,
                ),
                lang_doc(
                    "0000000000000003",
                    Some("de"),
                    "Bericht",
                    "Minister beim Treffen am Montag.",
                    3,
                ),
                lang_doc(
                    "0000000000000004",
                    Some("de"),
                    "Bericht",
                    "Minister des Treffens am Montag.",
                    4,
                ),
            ],
            1,
        )
        .expect("indexed");
    let articles = |t: &str| SearchQuery { kind: Kind::Articles, ..text(t) };
    assert_eq!(
        ids(&index, &articles("meetings")),
        vec![hit(exact, None), hit("0000000000000002", None)]
    );
    assert_eq!(
        ids(&index, &articles("meeting")),
        vec![hit("0000000000000002", None), hit(exact, None)]
    );
    assert_eq!(
        ids(&index, &articles("treffens")),
        vec![hit("0000000000000004", None), hit("0000000000000003", None)]
    );
    assert_eq!(
        ids(&index, &articles("treffen")),
        vec![hit("0000000000000003", None), hit("0000000000000004", None)]
    );
    let r = index.search(&articles("meetings")).expect("search");
    assert!(r.hits[0].score > r.hits[1].score, "{} vs {}", r.hits[0].score, r.hits[1].score);
    // Each hit highlights its own form.
    assert_eq!(
        html_of(&index, &articles("meetings")),
        vec![
            "Ministers held <mark>meetings</mark> on Monday.",
            "Ministers held <mark>meeting</mark> on Monday."
        ]
    );
}

#[test]
fn phrases_match_exactly_and_through_stems() {
    let index = SearchIndex::in_memory().expect("index");
    index
        .index(
            &[
                lang_doc("0000000000000001", Some("en"), "A", "They held annual meetings here.", 1),
                lang_doc("0000000000000002", Some("en"), "B", "The annual meeting was held.", 2),
                lang_doc("0000000000000003", None, "C", "The annual meeting was held.", 3),
            ],
            1,
        )
        .expect("indexed");
    let articles = |t: &str| SearchQuery { kind: Kind::Articles, ..text(t) };
    // Exact phrase first; the English stem-phrase match next; the document
    // without a language matches only its exact wording.
    assert_eq!(
        ids(&index, &articles("\"annual meetings\"")),
        vec![hit("0000000000000001", None), hit("0000000000000002", None)]
    );
    // Snippets come from the exact field when it highlights anything, so a
    // phrase matched through stems marks only its exact words ("annual").
    assert_eq!(
        html_of(&index, &articles("\"annual meetings\"")),
        vec![
            "They held <mark>annual</mark> <mark>meetings</mark> here.",
            "The <mark>annual</mark> meeting was held."
        ]
    );
    assert_eq!(
        sorted(ids(&index, &articles("\"annual meeting\""))),
        vec![
            hit("0000000000000001", None),
            hit("0000000000000002", None),
            hit("0000000000000003", None)
        ]
    );
    // Word order still counts.
    assert_eq!(ids(&index, &articles("\"meetings annual\"")), vec![]);
    assert_eq!(
        ids(&index, &articles("\"held annual meeting\"")),
        vec![hit("0000000000000001", None)]
    );
}
