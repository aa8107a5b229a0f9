//! Near-duplicate groups and stories, through the binary: wire copies join their
//! canonical (also across runs, so the state survives restarts), re-ingest links
//! nothing twice, and the example corpus groups exactly as labelled, hard
//! negatives apart.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};

use crate::formats::{displayed_source, labels};
use crate::util::{Env, assert_success, examples_dir, json as parse};

fn body() -> String {
    let p = examples_dir().join("text/harbour-herald_summit.txt");
    let t = std::fs::read_to_string(p).unwrap();
    // Drop the title line; keep the paragraphs.
    t.lines().skip(1).filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join("\n\n")
}

fn jsonl(url: &str, outlet: &str, title: &str, published: &str, text: &str) -> String {
    format!(
        "{}\n",
        json!({"url": url, "outlet": outlet, "title": title, "published": published, "text": text})
    )
}

fn stories(env: &Env) -> Vec<Value> {
    let out = env.run(["--json", "stories", "--limit", "1000"]);
    assert_success(&out);
    parse(&out).as_array().unwrap().clone()
}

fn story(env: &Env, id: u64) -> Value {
    let out = env.run(["--json", "story", &id.to_string()]);
    assert_success(&out);
    parse(&out)
}

#[test]
fn wire_copy_joins_its_canonical_across_runs() {
    let env = Env::new();
    let text = body();
    let a = env.write(
        "a.jsonl",
        jsonl(
            "https://wire.example/a",
            "Meridian Wire",
            "Alliance agrees goal",
            "2025-04-17T10:00:00Z",
            &text,
        ),
    );
    let (code, s1) = env.ingest([&a]);
    assert_eq!((code, s1["inserted"].as_u64()), (0, Some(1)));

    // A syndicated copy, ingested by a second process: new headline, one word
    // changed, a credit line added.
    let copy = format!(
        "{}\n\nReporting by Meridian Wire staff; editing by the desk.",
        text.replacen("summit", "meeting", 1)
    );
    let b = env.write(
        "b.jsonl",
        jsonl(
            "https://paper.example/b",
            "Lakeside Post",
            "Summit ends with pledge",
            "2025-04-17T12:00:00Z",
            &copy,
        ),
    );
    let (_, s2) = env.ingest([&b]);
    assert_eq!(s2["inserted"], 1);

    let dups = parse(&env.run(["--json", "dups"]));
    let groups = dups.as_array().unwrap();
    assert_eq!(groups.len(), 1, "one near-duplicate group: {dups}");
    let members: Vec<&str> =
        groups[0]["members"].as_array().unwrap().iter().map(|m| m[0].as_str().unwrap()).collect();
    assert_eq!(members.len(), 2);
    assert_eq!(groups[0]["canonical"], members[0], "the first seen is canonical");

    let all = stories(&env);
    assert_eq!(all.len(), 1, "the copy joined the canonical's story: {all:?}");
    let st = story(&env, all[0]["id"].as_u64().unwrap());
    let arts = st["articles"].as_array().unwrap();
    assert_eq!(arts.len(), 2);
    let copy_row = arts.iter().find(|m| m["outlet"] == "Lakeside Post").unwrap();
    assert_eq!(copy_row["via_duplicate"], true);
    assert_eq!(copy_row["duplicate_of"], members[0]);
    assert_eq!(st["outlets"].as_array().unwrap().len(), 2);

    // Re-ingesting both adds and links nothing.
    let (_, s3) = env.ingest([&a, &b]);
    assert_eq!((s3["inserted"].as_u64(), s3["unchanged"].as_u64()), (Some(0), Some(2)));
    assert_eq!(stories(&env).len(), 1);
    assert_eq!(parse(&env.run(["--json", "dups"])).as_array().unwrap().len(), 1);
}

#[test]
fn example_stories_keep_hard_negatives_apart() {
    let env = Env::new();
    env.ingest([examples_dir()]);
    let labels = labels();
    // Gold story of each article, by its displayed source.
    let mut gold: BTreeMap<String, String> = BTreeMap::new();
    for (slug, refs) in labels["stories"].as_object().unwrap() {
        for r in refs.as_array().unwrap() {
            gold.insert(displayed_source(r.as_str().unwrap()), slug.clone());
        }
    }
    let arts = env.articles();
    let source_of: BTreeMap<String, String> = arts
        .iter()
        .map(|a| (a["id"].as_str().unwrap().to_string(), a["source"].as_str().unwrap().to_string()))
        .collect();
    let gold_of = |id: &str| -> Option<String> {
        let src = &source_of[id];
        gold.iter().find(|(k, _)| src.ends_with(&format!("/{k}"))).map(|(_, v)| v.clone())
    };
    let listed = stories(&env);
    let total: u64 = listed.iter().map(|s| s["articles"].as_u64().unwrap()).sum();
    assert_eq!(total, 18, "every article is in exactly one story");
    let mut brennick_stories = BTreeSet::new();
    for s in &listed {
        let id = s["id"].as_u64().unwrap();
        let st = story(&env, id);
        let golds: BTreeSet<String> = st["articles"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|m| gold_of(m["id"].as_str().unwrap()))
            .collect();
        // No story mixes two gold stories: in particular the two factory fires
        // (same kind of event, different towns and people) stay apart.
        assert!(golds.len() <= 1, "story {id} mixes {golds:?}");
        if golds.contains("brennick-fire") {
            brennick_stories.insert(id);
        }
    }
    assert_eq!(brennick_stories.len(), 1, "the four Brennick fire reports form one story");
    // The whole grouping matches the labels: each labelled story is exactly one
    // story (the pool story across German and English included), and each of
    // the three unrelated articles stands alone.
    let mut sizes: Vec<u64> = listed.iter().map(|s| s["articles"].as_u64().unwrap()).collect();
    sizes.sort_unstable();
    assert_eq!(sizes, vec![1, 1, 1, 3, 4, 4, 4], "stories: {listed:?}");
}

#[test]
fn unlinked_articles_are_linked_on_the_next_run() {
    let env = Env::new();
    let text = body();
    let a = env.write(
        "a.jsonl",
        jsonl(
            "https://wire.example/a",
            "Meridian Wire",
            "Alliance agrees goal",
            "2025-04-17T10:00:00Z",
            &text,
        ),
    );
    env.ingest([&a]);
    // Leave the store as a crash before the snapshot (or a parallax without the
    // stories stage) would: the article is stored, nothing links it.
    {
        let db = rusqlite::Connection::open(env.data().join("parallax.sqlite")).unwrap();
        db.execute_batch(
            "DELETE FROM snapshots; DELETE FROM story_members; DELETE FROM dup_groups;
             DELETE FROM stories;",
        )
        .unwrap();
    }
    assert!(stories(&env).is_empty());
    let copy = format!("{text}\n\nReporting by Meridian Wire staff.");
    let b = env.write(
        "b.jsonl",
        jsonl(
            "https://paper.example/b",
            "Lakeside Post",
            "Summit ends with pledge",
            "2025-04-17T12:00:00Z",
            &copy,
        ),
    );
    let (_, s) = env.ingest([&b]);
    assert_eq!(s["inserted"], 1);
    // The stored article was linked first, then the copy joined it.
    let all = stories(&env);
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0]["articles"], 2);
    let groups = parse(&env.run(["--json", "dups"]));
    assert_eq!(groups.as_array().unwrap().len(), 1);
    // A further run changes nothing.
    env.ingest([&a, &b]);
    assert_eq!(stories(&env)[0]["articles"], 2);
}
