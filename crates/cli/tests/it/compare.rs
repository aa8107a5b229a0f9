//! `parallax compare` on the seed pair in `../shared/seeds` (two real reports
//! of one NATO meeting): the standing example of the comparison issue.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{Env, s, shared_dir};

/// The repo's `lexicons/` when it holds the gazetteers and WordNet
/// (`scripts/fetch-lexicons.sh`, `scripts/fetch-wordnet.sh`). Without them
/// the caller skips with a note, unless `CI=true`, where they are required.
fn lexicons() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lexicons");
    if dir.join("nam_dict.txt").is_file() && dir.join("wordnet/index.noun").is_file() {
        return Some(dir.canonicalize().unwrap());
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "{} lacks the lexicons (run scripts/fetch-*.sh; required when CI=true)",
            dir.display()
        );
    }
    eprintln!("SKIPPED: no lexicons + WordNet in {} (run scripts/fetch-*.sh)", dir.display());
    None
}

fn seeds(shared: &Path) -> [PathBuf; 2] {
    let d = shared.join("seeds");
    [d.join("000_d4f4041de6527b10.txt"), d.join("002_5298dac2f517366a.txt")]
}

fn compare(env: &Env, lex: &Path, files: &[PathBuf], format: &str) -> String {
    let mut args: Vec<String> =
        vec!["compare".into(), "--format".into(), format.into(), "--lexicons".into()];
    args.push(lex.display().to_string());
    args.extend(files.iter().map(|p| p.display().to_string()));
    let out = env.run(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn by_id<'a>(items: &'a Value, id: &str) -> &'a Value {
    items.as_array().unwrap().iter().find(|x| x["id"] == id).unwrap_or_else(|| panic!("no {id}"))
}

fn names(c: &Value, ids: &Value) -> Vec<String> {
    ids.as_array()
        .unwrap()
        .iter()
        .map(|id| s(by_id(&c["entities"], id.as_str().unwrap()), "name").to_string())
        .collect()
}

#[test]
fn seed_pair() {
    let Some(shared) = shared_dir() else { return };
    let Some(lex) = lexicons() else { return };
    let env = Env::new();
    let files = seeds(&shared);
    let c: Value = serde_json::from_str(&compare(&env, &lex, &files, "json")).unwrap();

    // The output follows the contract's schema.
    let schema_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/comparison.v1.schema.json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    assert_eq!(parallax_compare::schema::validate(&schema, &c), Vec::<String>::new());
    assert_eq!(c["version"], 1);
    let arts = c["articles"].as_array().unwrap();
    assert_eq!(arts.len(), 2);
    let (a, b) = (s(&arts[0], "id"), s(&arts[1], "id"));
    assert_eq!(s(&arts[0], "outlet"), "000_d4f4041de6527b10");

    // Offsets are code points into the article text.
    let text_of = |id: &str| s(by_id(&c["articles"], id), "text").chars().collect::<Vec<char>>();
    for f in c["facts"].as_array().unwrap() {
        for e in f["evidence"].as_array().unwrap() {
            let t = text_of(s(e, "article"));
            let (i, j) =
                (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
            assert_eq!(t[i..j].iter().collect::<String>(), s(e, "text"));
        }
    }

    // The two renderings of Rubio's "hysteria" remark: one variant group.
    let rubio = c["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Marco Rubio")
        .expect("Marco Rubio");
    let rubio_id = s(rubio, "id");
    assert_eq!(rubio["outlets"].as_array().unwrap().len(), 2);
    let groups: Vec<&Value> =
        c["quote_groups"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|g| {
                g["quotes"].as_array().unwrap().iter().any(|q| {
                    s(by_id(&c["quotes"], q.as_str().unwrap()), "text").contains("hysteria")
                })
            })
            .collect();
    assert_eq!(groups.len(), 1, "{groups:#?}");
    let g = groups[0];
    assert_eq!(g["relation"], "variant");
    assert_eq!(g["speaker_entity"], rubio_id);
    let quotes: Vec<&Value> = g["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| by_id(&c["quotes"], q.as_str().unwrap()))
        .collect();
    assert_eq!(quotes.len(), 2);
    assert_eq!(s(quotes[0], "text"), "“hysteria and hyperbole”");
    assert!(s(quotes[1], "text").contains("«hysteria and exaggeration»"), "{}", quotes[1]);
    assert_eq!((s(quotes[0], "article"), s(quotes[1], "article")), (a, b));
    for q in &quotes {
        assert_eq!(q["speaker_entity"], rubio_id, "{q}");
    }
    let change = &g["differences"][0]["changes"][0];
    assert_eq!((s(change, "from"), s(change, "to")), ("hyperbole", "exaggeration"));
    assert_eq!(change["synonym"], true);

    // The 5% spending goal is corroborated by both.
    let five: Vec<&Value> = c["facts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["agreed"].as_array().unwrap().iter().any(|k| k == "5 percent"))
        .collect();
    assert_eq!(five.len(), 1, "{five:#?}");
    assert_eq!(five[0]["status"], "corroborated");
    let ev = five[0]["evidence"].as_array().unwrap();
    assert_eq!(ev.len(), 2);
    assert!(s(&ev[0], "text").contains("military spending to 5 percent"), "{}", ev[0]);
    assert!(s(&ev[1], "text").contains("increase defense spending to 5%"), "{}", ev[1]);

    // Every quote of these people is attributed to them.
    let speaker_of = |needle: &str| {
        let q = c["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|q| s(q, "text").contains(needle))
            .unwrap_or_else(|| panic!("no quote with {needle:?}"));
        q["speaker_name"].as_str().unwrap_or("?").to_string()
    };
    for (needle, who) in [
        ("We will know soon enough", "Marco Rubio"),
        ("We’re going to remain in NATO", "Marco Rubio"),
        ("The United States remains as active in NATO", "Marco Rubio"),
        ("continues to drag his feet", "David Lammy"),
        ("We see you, Vladimir Putin", "David Lammy"),
        ("nothing in the schedule now", "Dmitry Peskov"),
        ("The agenda is not for the US to leave NATO", "Mark Rutte"),
        ("unfeasible", "Bart De Wever"),
        ("Key European countries remain concerned", "Hashem Ahelbarra"),
    ] {
        assert_eq!(speaker_of(needle), who, "{needle}");
    }

    // Each outlet's exclusive people and quotes.
    let outlets = c["outlets"].as_array().unwrap();
    assert_eq!(outlets.len(), 2);
    let only_a = names(&c, &outlets[0]["exclusive_people"]);
    for p in ["Dmitry Peskov", "David Lammy", "Pete Hegseth", "Bart De Wever", "Vladimir Putin"] {
        assert!(only_a.iter().any(|x| x == p), "{p} not exclusive to 000: {only_a:?}");
    }
    let only_b = names(&c, &outlets[1]["exclusive_people"]);
    for p in ["Lars Løkke Rasmussen", "Tami Brue"] {
        assert!(only_b.iter().any(|x| x == p), "{p} not exclusive to 002: {only_b:?}");
    }
    for p in ["Marco Rubio", "Mark Rutte", "Donald Trump"] {
        assert!(!only_a.iter().chain(&only_b).any(|x| x == p), "{p} is in both");
    }
    let excl_quotes = |o: &Value| -> Vec<String> {
        o["exclusive_quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|id| s(by_id(&c["quotes"], id.as_str().unwrap()), "text").to_string())
            .collect()
    };
    let qa = excl_quotes(&outlets[0]);
    let qb = excl_quotes(&outlets[1]);
    assert!(qa.iter().any(|q| q.contains("We see you, Vladimir Putin")), "{qa:#?}");
    assert!(qb.iter().any(|q| q.contains("no restrictions on purchases")), "{qb:#?}");
    assert!(!qa.iter().chain(&qb).any(|q| q.contains("hysteria")));

    // The reports: HTML is self-contained and escaped; text and Markdown
    // have their sections.
    let html = compare(&env, &lex, &files, "html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("<script") && !html.contains("src=") && !html.contains("<link"));
    assert!(html.contains("class=\"corroborated\""));
    assert!(html.contains("Donald Trump&#39;s intentions"), "apostrophes are escaped");
    let text = compare(&env, &lex, &files, "text");
    for section in ["CORROBORATED", "CONFLICTING", "EXCLUSIVE", "QUOTE GROUPS", "ENTITIES"] {
        assert!(text.contains(section), "{section} missing:\n{text}");
    }
    assert!(text.contains("hyperbole → exaggeration (synonym)"), "{text}");
    let md = compare(&env, &lex, &files, "markdown");
    assert!(md.contains("## Corroborated") && md.contains("## Quote groups (1)"), "{md}");
}

/// `story ID --compare` re-reads the story's articles from the store.
#[test]
fn stored_story() {
    let Some(shared) = shared_dir() else { return };
    let Some(lex) = lexicons() else { return };
    let env = Env::new();
    let (code, summary) = env.ingest(seeds(&shared));
    assert_eq!(code, 0, "{summary}");
    let out = env.run(["stories", "--json"]);
    let stories: Value = serde_json::from_slice(&out.stdout).unwrap();
    let story = stories
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["articles"] == 2)
        .unwrap_or_else(|| panic!("the seeds are not one story: {stories}"));
    let id = story["id"].to_string();
    let lex = lex.display().to_string();
    let out = env.run(["story", id.as_str(), "--compare", "--json", "--lexicons", lex.as_str()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let c: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(c["version"], 1);
    assert_eq!(c["articles"].as_array().unwrap().len(), 2);
    let groups = c["quote_groups"].as_array().unwrap();
    assert!(groups.iter().any(|g| g["relation"] == "variant"), "{groups:#?}");
    assert!(c["facts"].as_array().unwrap().iter().any(|f| f["status"] == "corroborated"));
}

/// A syndicated copy of one seed report (another outlet's file, its own
/// boilerplate line) is left out of a plain `compare`, with a note naming
/// both files, so it cannot corroborate its own source; `--keep-copies`
/// compares it too, and the same file given twice counts once.
#[test]
fn near_duplicate_copies_are_left_out() {
    let Some(shared) = shared_dir() else { return };
    let env = Env::new();
    let [a, b] = seeds(&shared);
    let text = std::fs::read_to_string(&a).unwrap();
    let copy = env.write(
        "syndicated.txt",
        format!("{text}\n\nDistributed by Syndicate Wire. All rights reserved.\n"),
    );
    let run = |extra: &[&str], files: &[&Path]| {
        let mut args: Vec<String> = vec!["--json".into(), "compare".into()];
        args.extend(extra.iter().map(|x| x.to_string()));
        args.extend(files.iter().map(|p| p.display().to_string()));
        let out = env.run(&args);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let c: Value = serde_json::from_slice(&out.stdout).unwrap();
        (c, String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let (c, err) = run(&[], &[&a, &copy, &b]);
    let outlets: Vec<&str> =
        c["articles"].as_array().unwrap().iter().map(|x| x["outlet"].as_str().unwrap()).collect();
    assert_eq!(outlets.len(), 2, "{outlets:?}");
    assert!(!outlets.contains(&"syndicated"), "{outlets:?}");
    let note = err.lines().find(|l| l.contains("left out")).unwrap_or_else(|| panic!("{err}"));
    assert!(note.contains("syndicated.txt") && note.contains(&a.display().to_string()), "{note}");
    let (c, err) = run(&["--keep-copies"], &[&a, &copy, &b]);
    assert_eq!(c["articles"].as_array().unwrap().len(), 3);
    assert!(!err.contains("left out"), "{err}");
    let (c, _) = run(&[], &[&a, &a, &b]);
    assert_eq!(c["articles"].as_array().unwrap().len(), 2);
}

/// `eval align` on the ECB+ dev split stays at the level reached
/// (2026-12-06, found mentions: entities B3 F1 0.722, CoNLL F1 0.706 on 481
/// of 949 gold mentions found; events grouped by fact B3 F1 0.361, CoNLL
/// 0.417; every gold mention, missed ones as singletons: entities CoNLL
/// 0.368, events 0.391).
#[test]
fn align_floor() {
    let Some(shared) = shared_dir() else { return };
    let Some(lex) = lexicons() else { return };
    let env = Env::new();
    let data = shared.join("data/ecbplus");
    let out = env.run([
        "--json".as_ref(),
        "eval".as_ref(),
        "align".as_ref(),
        "--data".as_ref(),
        data.as_os_str(),
        "--lexicons".as_ref(),
        lex.as_os_str(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let get = |k: &str, f: &str| r[k][f].as_f64().unwrap();
    assert!(get("entities", "b3_f1") >= 0.70, "{r:#}");
    assert!(get("entities", "coverage") >= 0.48, "{r:#}");
    assert!(get("events", "b3_f1") >= 0.34, "{r:#}");
    assert!(get("entities", "conll_f1") >= 0.69, "{r:#}");
    assert!(get("events", "conll_f1") >= 0.40, "{r:#}");
    assert!(r["entities"]["all_gold"]["conll_f1"].as_f64().unwrap() >= 0.35, "{r:#}");
    assert!(r["events"]["all_gold"]["conll_f1"].as_f64().unwrap() >= 0.38, "{r:#}");
}

/// The planted features of the example corpus (examples/README.md): one
/// figure in four notations, the conflicting delegation count, the shared
/// quote in two wordings and each outlet's exclusive people.
#[test]
fn example_stories() {
    let Some(lex) = lexicons() else { return };
    let env = Env::new();
    let (code, summary) = env.ingest([crate::util::examples_dir()]);
    assert!(code == 0 || code == crate::util::EXIT_REJECTS, "{summary}");
    let out = env.run(["stories", "--json"]);
    let stories: Value = serde_json::from_slice(&out.stdout).unwrap();
    let story = |needle: &str| -> Value {
        let s = stories
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["title"].as_str().is_some_and(|t| t.contains(needle)))
            .unwrap_or_else(|| panic!("no story titled {needle:?}: {stories}"));
        let id = s["id"].to_string();
        let lex = lex.display().to_string();
        let out =
            env.run(["story", id.as_str(), "--compare", "--json", "--lexicons", lex.as_str()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    };

    let c = story("Veldhaven talks");
    let facts = c["facts"].as_array().unwrap();
    let three = facts
        .iter()
        .find(|f| f["agreed"].as_array().unwrap().iter().any(|k| k == "3 percent"))
        .expect("3 percent agreed");
    assert_eq!(three["status"], "corroborated");
    assert_eq!(three["outlets"].as_array().unwrap().len(), 4, "{three:#}");
    let conflict = facts
        .iter()
        .filter(|f| f["status"] == "conflicting")
        .flat_map(|f| f["conflicts"].as_array().unwrap())
        .find(|x| s(x, "detail").contains("delegations"))
        .unwrap_or_else(|| panic!("no delegation conflict: {facts:#?}"));
    assert!(s(conflict, "detail").contains("27") && s(conflict, "detail").contains("28"));
    let g = c["quote_groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["speaker"] == "Tomas Vireland")
        .expect("Vireland quote group");
    assert_eq!(g["relation"], "variant");
    // "a great deal of panic and overstatement" (Lakeside Post, Harbour
    // Herald) and "a lot of panic and exaggeration" (Northgate Times).
    let outlets_of_g: Vec<&str> =
        g["outlets"].as_array().unwrap().iter().map(|o| o.as_str().unwrap()).collect();
    assert!(outlets_of_g.len() >= 3, "{g:#}");
    assert!(outlets_of_g.contains(&"Northgate Times"), "{g:#}");
    let outlets = c["outlets"].as_array().unwrap();
    for (outlet, person) in [
        ("Northgate Times", "Jonah Abernethy"),
        ("Lakeside Post", "Ines Oudekerk"),
        ("Meridian Wire", "Oskar Brenn"),
        ("harbour-herald", "Selma Haraldsen"),
    ] {
        let o = outlets.iter().find(|o| s(o, "name").starts_with(outlet)).unwrap();
        let people = names(&c, &o["exclusive_people"]);
        assert!(people.iter().any(|p| p.contains(person)), "{outlet}: {people:?}");
    }

    // The rising Brennick toll: injuries agreed by the later reports, and the
    // killed and injured counts are not one slot.
    let c = story("Carrow Coatings");
    let facts = c["facts"].as_array().unwrap();
    assert!(facts.iter().any(|f| f["agreed"].as_array().unwrap().iter().any(|k| k == "11 people")));
    for f in facts.iter().filter(|f| f["status"] == "conflicting") {
        let d = s(&f["conflicts"][0], "detail");
        assert!(!(d.contains("Eleven") && d.contains("three")), "{d}");
    }
}
