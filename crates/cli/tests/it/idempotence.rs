//! Re-ingesting the same input adds nothing.

use crate::util::{EXIT_REJECTS, Env, examples_dir};

#[test]
fn second_run_adds_nothing() {
    let env = Env::new();
    let root = examples_dir();
    let bad = env.write("bad.jsonl", "{\"text\": \"Good line of text.\"}\nnot json\n");
    let empty = env.write("empty.txt", "");

    let (code, first) = env.ingest([root.as_path(), bad.as_path(), empty.as_path()]);
    assert_eq!(code, EXIT_REJECTS);
    assert_eq!(first["inserted"], 19);
    assert_eq!(first["unchanged"], 0);
    assert_eq!(first["rejects_new"], 2);
    let arts_before = env.articles();
    let rejects_before = env.rejects();
    assert_eq!(rejects_before.len(), 2);

    let (code, second) = env.ingest([root.as_path(), bad.as_path(), empty.as_path()]);
    assert_eq!(code, EXIT_REJECTS, "still rejected the second time");
    assert_eq!(second["inserted"], 0);
    assert_eq!(second["updated"], 0);
    assert_eq!(second["unchanged"], 19);
    assert_eq!(second["rejects_new"], 0);
    assert_eq!(second["rejects_repeat"], 2);

    let arts_after = env.articles();
    let ids = |v: &[serde_json::Value]| v.iter().map(|a| a["id"].clone()).collect::<Vec<_>>();
    assert_eq!(ids(&arts_after), ids(&arts_before), "same articles in the same order");
    let rejects = env.rejects();
    assert_eq!(rejects.len(), 2, "rejects are not duplicated: {rejects:#?}");
    for r in &rejects {
        assert_eq!(r["times"], 2, "{r}");
        assert_eq!(
            r["first_seen"],
            rejects_before.iter().find(|b| b["source"] == r["source"]).unwrap()["first_seen"]
        );
    }
}

#[test]
fn same_file_twice_in_one_run() {
    let env = Env::new();
    env.write("a.txt", "Headline\n\nOne paragraph of text.\nAnother paragraph.\n");
    let (code, summary) = env.ingest(["a.txt", "a.txt"]);
    assert_eq!(code, 0);
    assert_eq!(summary["inserted"], 1);
    assert_eq!(summary["unchanged"], 1);
    assert_eq!(env.articles().len(), 1);

    // A copy under another name has the same text, hence the same id.
    env.write("copy.txt", "Headline\n\nOne paragraph of text.\nAnother paragraph.\n");
    let (_, summary) = env.ingest(["copy.txt"]);
    assert_eq!(summary["inserted"], 0);
    assert_eq!(env.articles().len(), 1);
}

#[test]
fn changed_text_is_an_update_not_a_new_article() {
    let env = Env::new();
    let v1 = "{\"url\":\"https://a.example/story\",\"title\":\"Story\",\"text\":\"Two people were hurt.\"}\n";
    let v2 = "{\"url\":\"https://a.example/story\",\"title\":\"Story\",\"text\":\"Three people were hurt.\"}\n";
    env.write("v1.jsonl", v1);
    env.write("v2.jsonl", v2);
    let (_, s1) = env.ingest(["v1.jsonl"]);
    assert_eq!(s1["inserted"], 1);
    let (_, s2) = env.ingest(["v2.jsonl"]);
    assert_eq!(s2["inserted"], 0);
    assert_eq!(s2["updated"], 1);
    let arts = env.articles();
    assert_eq!(arts.len(), 1);
    let full = env.article(arts[0]["id"].as_str().unwrap());
    assert_eq!(full["article"]["text"], "Three people were hurt.");
}
