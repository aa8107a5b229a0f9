//! Behaviour tests of the clusterer on small hand-written streams.

use parallax_model::ArticleId;

use crate::{Channel, ClusterConfig, ClusterDoc, Clusterer, StoryChange, StoryId, Zone};

fn doc(id: u64, t: Option<i64>, words: &str) -> ClusterDoc {
    ClusterDoc::from_tokens(ArticleId::from_u64(id), t, words.split_whitespace(), [])
}

fn stream() -> Vec<ClusterDoc> {
    let a = "factory fire dayton acme roof collapse workers";
    let b = "election vote count senate recount ballots";
    let c = "storm flood river levee rain evacuation";
    (0..60)
        .map(|i| {
            let base = [a, b, c][i % 3];
            let extra = format!("w{} day{}", i % 7, i % 5);
            doc(i as u64 + 1, None, &format!("{base} {extra}"))
        })
        .collect()
}

fn run(c: &mut Clusterer, docs: &[ClusterDoc]) -> Vec<StoryId> {
    docs.iter()
        .map(|d| {
            let a = c.assign(d);
            if c.maintenance_due() {
                c.maintain();
            }
            a.story
        })
        .collect()
}

#[test]
fn three_topics_three_stories() {
    let mut c = ClusterConfig::default().build().unwrap();
    let docs = stream();
    run(&mut c, &docs);
    c.maintain();
    let story = |i: usize| c.story_of(docs[i].id()).unwrap();
    for i in 3..60 {
        assert_eq!(story(i), story(i % 3), "doc {i}");
    }
    assert_eq!(c.stories().count(), 3);
}

#[test]
fn restored_state_continues_identically() {
    let docs = stream();
    let mut c = ClusterConfig::default().build().unwrap();
    run(&mut c, &docs[..30]);
    let json = serde_json::to_string(&c).unwrap();
    let mut restored: Clusterer = serde_json::from_str(&json).unwrap();
    let a = run(&mut c, &docs[30..]);
    let b = run(&mut restored, &docs[30..]);
    assert_eq!(a, b);
    assert_eq!(serde_json::to_value(&c).unwrap(), serde_json::to_value(&restored).unwrap());
}

#[test]
fn attach_adds_members_without_votes() {
    let mut c = ClusterConfig::default().build().unwrap();
    let d = doc(1, Some(0), "factory fire dayton acme");
    let s = c.assign(&d).story;
    let df_before = c.n_docs;
    let copy = ArticleId::from_u64(99);
    assert_eq!(c.attach(copy, d.id(), Some(10)).unwrap(), s);
    assert_eq!(c.n_docs, df_before);
    assert_eq!(c.members(s).unwrap(), vec![d.id(), copy]);
    assert_eq!(c.story_of(copy), Some(s));
    assert!(c.attach(ArticleId::from_u64(5), ArticleId::from_u64(42), None).is_err());
    // Re-assigning a known article changes nothing.
    assert_eq!(c.assign(&d).story, s);
    assert_eq!(c.articles_seen(), 2);
}

#[test]
fn merge_keeps_oldest_id_and_aliases() {
    // Threshold 1.0 keeps every article apart; maintenance then merges.
    let cfg =
        ClusterConfig { join_threshold: 1.0, short_join_threshold: 1.0, ..Default::default() };
    let mut c = cfg.build().unwrap();
    let s1 = c.assign(&doc(1, None, "alpha beta gamma delta")).story;
    let s2 = c.assign(&doc(2, None, "alpha beta gamma delta epsilon")).story;
    assert_ne!(s1, s2);
    let changes = c.maintain();
    assert!(
        changes.iter().any(|ch| matches!(ch, StoryChange::Merged { survivor, absorbed, .. }
            if *survivor == s1 && *absorbed == s2)),
        "{changes:?}"
    );
    assert_eq!(c.resolve(s2), Some(s1));
    assert_eq!(c.story_of(ArticleId::from_u64(2)), Some(s1));
}

#[test]
fn split_separates_two_groups() {
    // A permissive join threshold lets two topics into one story.
    let cfg = ClusterConfig {
        join_threshold: 0.0,
        short_join_threshold: 0.0,
        // These one-line articles are short: allow short stories to split.
        short_split_threshold: 0.4,
        ..Default::default()
    };
    let mut c = cfg.build().unwrap();
    for i in 0..12u64 {
        let words = if i % 2 == 0 {
            "report ferry sank harbour crew rescue"
        } else {
            "report bank rates inflation loans"
        };
        c.assign(&doc(i + 1, None, words));
    }
    // A wire copy of article 2 must follow it into its part.
    c.attach(ArticleId::from_u64(100), ArticleId::from_u64(2), None).unwrap();
    let changes = c.maintain();
    assert!(changes.iter().any(|ch| matches!(ch, StoryChange::Split { .. })), "{changes:?}");
    let s = |i: u64| c.story_of(ArticleId::from_u64(i)).unwrap();
    assert_eq!(s(1), StoryId(0), "the oldest member keeps the id");
    assert_eq!(s(3), s(1));
    assert_eq!(s(2), s(4));
    assert_ne!(s(1), s(2));
    assert_eq!(s(100), s(2));
    assert!(c.members(s(2)).unwrap().contains(&ArticleId::from_u64(100)));
    assert!(!c.members(s(1)).unwrap().contains(&ArticleId::from_u64(100)));
}

#[test]
fn reassignment_moves_an_early_mistake_with_its_copy() {
    let cfg = ClusterConfig {
        join_threshold: 0.2,
        short_join_threshold: 0.2,
        merge_threshold: 1.0,
        short_merge_threshold: 1.0,
        ..Default::default()
    };
    let mut c = cfg.build().unwrap();
    let ferry = c.assign(&doc(1, None, "ferry sank harbour crew rescue divers")).story;
    // Two words of the ferry story, four of a story not yet seen: it joins
    // the ferry story, the only one there is.
    let early = c.assign(&doc(2, None, "ferry harbour bank rates inflation loans"));
    assert_eq!(early.story, ferry, "score {}", early.score);
    c.attach(ArticleId::from_u64(100), ArticleId::from_u64(2), None).unwrap();
    // The bank story then takes shape (its entity keeps it out of the ferry
    // story, which has none).
    let bank = |id: u64| {
        let mut b = ClusterDoc::builder(ArticleId::from_u64(id));
        for w in ["bank", "rates", "inflation", "loans"] {
            b = b.feature(Channel::Text, w, Zone::Title);
        }
        b.feature(Channel::Entity, "centralbank", Zone::Title).build()
    };
    let b = c.assign(&bank(3));
    assert!(b.new_story, "score {}", b.score);
    for id in 4..7 {
        assert_eq!(c.assign(&bank(id)).story, b.story);
    }
    let changes = c.maintain();
    assert!(
        changes.iter().any(|ch| matches!(ch, StoryChange::Moved { from, to, moved }
            if *from == ferry && *to == b.story
                && moved == &[ArticleId::from_u64(2), ArticleId::from_u64(100)])),
        "{changes:?}"
    );
    let s = |i: u64| c.story_of(ArticleId::from_u64(i)).unwrap();
    assert_eq!(s(2), b.story);
    assert_eq!(s(100), b.story, "the copy follows its canonical");
    assert_eq!(c.members(ferry).unwrap(), vec![ArticleId::from_u64(1)]);
    // Nothing moves back on the next pass.
    assert!(!c.maintain_full().iter().any(|ch| matches!(ch, StoryChange::Moved { .. })));
}

#[test]
fn idle_stories_freeze() {
    let cfg = ClusterConfig { inactive_after_secs: 100, ..Default::default() };
    let mut c = cfg.build().unwrap();
    let s = c.assign(&doc(1, Some(0), "ferry sank harbour")).story;
    c.assign(&doc(2, Some(1000), "bank rates inflation"));
    let changes = c.maintain();
    assert_eq!(changes, vec![StoryChange::Frozen { story: s }]);
    let a = c.assign(&doc(3, Some(1001), "ferry sank harbour"));
    assert!(a.new_story);
    assert_eq!(c.active_stories(), 2);
}

#[test]
fn builder_and_config_checks() {
    let d = ClusterDoc::builder(ArticleId::from_u64(1))
        .feature(Channel::Entity, "acme", Zone::Title)
        .feature(Channel::Entity, "acme", Zone::Body)
        .build();
    assert_eq!(d.feature_count(Channel::Entity), 1);
    assert!(ClusterConfig { join_threshold: 2.0, ..Default::default() }.build().is_err());
    let toml_like: ClusterConfig = serde_json::from_str(r#"{"join_threshold": 0.4}"#).unwrap();
    assert_eq!(toml_like.join_threshold, 0.4);
    assert!(serde_json::from_str::<ClusterConfig>(r#"{"nope": 1}"#).is_err());
}
