//! Command-line behaviour: help, usage errors, and failures with clear messages.

use crate::util::{Env, json, stderr, stdout};

#[test]
fn help_for_every_subcommand() {
    let env = Env::new();
    for cmd in [
        &["--help"][..],
        &["ingest", "--help"],
        &["articles", "--help"],
        &["article", "--help"],
        &["rejects", "--help"],
        &["eval", "--help"],
        &["bench", "--help"],
        &["bench", "ingest", "--help"],
    ] {
        let out = env.run(cmd);
        assert_eq!(out.status.code(), Some(0), "{cmd:?}: {}", stderr(&out));
        let o = stdout(&out);
        assert!(o.contains("Usage: parallax"), "{cmd:?}: {o}");
        // The store's --data is taken by every command that opens the store; `eval`
        // uses --data for its labelled data and `bench` works on temporary stores.
        if !matches!(cmd[0], "eval" | "bench") {
            assert!(o.contains("--data <DIR>"), "{cmd:?} lists the store option: {o}");
        }
    }
    let top = stdout(&env.run(["--help"]));
    for sub in ["ingest", "articles", "article", "rejects", "eval", "bench"] {
        assert!(top.contains(&format!("  {sub} ")), "{sub} missing from --help: {top}");
    }
    assert!(!env.data().exists(), "--help must not create the store");
}

/// Regression: `eval extract --data DIR` once clashed with a clap-global `--data DIR`
/// (the store): clap's consistency check panicked in debug builds, and in release
/// builds one `--data` silently meant the other. The store option is now per command.
#[test]
fn eval_extract_has_its_own_dataset_option() {
    let env = Env::new();
    let out = env.run(["eval", "extract", "--help"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Usage: parallax eval extract"), "{}", stdout(&out));
    // `eval extract --data DIR` names the benchmark (the documented usage); a
    // missing folder is a clear failure, not a panic.
    let missing = env.input_dir().join("no-benchmark-here");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["--no-progress", "eval", "extract", "--json", "--data"])
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let want = format!("could not load the benchmark from {}", missing.display());
    assert!(stderr(&out).contains(&want), "{}", stderr(&out));
}

#[test]
fn unknown_article_fails_clearly() {
    let env = Env::new();
    let out = env.run(["article", "0123456789abcdef"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    let err = stderr(&out);
    assert!(err.contains("parallax: error: no article with id 0123456789abcdef"), "{err}");

    let out = env.run(["article", "not-an-id"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not an article id"), "{}", stderr(&out));
}

#[test]
fn usage_errors() {
    let env = Env::new();
    let out = env.run(["ingest", "--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2), "bad usage exits 2");
    let out = env.run(["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    let out = env.run(["ingest"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nothing to ingest"), "{}", stderr(&out));
    let out = env.run(["articles", "--since", "someday"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--since: not a date: someday"), "{}", stderr(&out));
}

#[test]
fn json_listings_parse() {
    let env = Env::new();
    // An empty store lists nothing, as JSON.
    assert_eq!(json(&env.run(["--json", "articles"])), serde_json::json!([]));
    assert_eq!(json(&env.run(["--json", "rejects"])), serde_json::json!([]));

    env.write("a.txt", "Headline one\n\nFirst story text.\n");
    env.write("b.txt", "Headline two\n\nSecond story text.\n");
    env.write("c.txt", "Headline three\n\nThird story text.\n");
    let (code, summary) = env.ingest(["a.txt", "b.txt", "c.txt"]);
    assert_eq!(code, 0);
    for key in ["inserted", "updated", "unchanged", "rejects_new", "rejects_repeat", "rejected"] {
        assert!(summary[key].is_u64(), "summary lacks {key}: {summary}");
    }
    assert!(summary["rejects"].as_array().unwrap().is_empty());
    assert!(summary["seconds"].is_f64());

    let v = json(&env.run(["--json", "articles", "--limit", "2", "--offset", "1"]));
    let titles: Vec<&str> =
        v.as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Headline two", "Headline three"], "arrival order, paged");
    for a in v.as_array().unwrap() {
        let id = a["id"].as_str().unwrap();
        assert_eq!(id.len(), 16);
        assert!(id.bytes().all(|b| b.is_ascii_hexdigit()));
    }

    // The table form shows the same rows, and the count on stderr.
    let out = env.run(["articles"]);
    assert!(stdout(&out).lines().next().unwrap().starts_with("ID"), "{}", stdout(&out));
    assert!(stderr(&out).contains("3 of 3 articles shown"), "{}", stderr(&out));
}
