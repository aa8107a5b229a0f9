//! Every input format, from our own example corpus (`examples/data`, labels in
//! `examples/labels.json`).

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::util::{Env, by_source, examples_dir, s};

/// `labels.json` references (`feeds/x.xml#item2`, `jsonl/a.jsonl#line1`,
/// `jsonl/more.json#item1`) as `parallax articles` displays the source.
pub(crate) fn displayed_source(label_ref: &str) -> String {
    if let Some((path, n)) = label_ref.split_once("#line") {
        return format!("{path}:{n}");
    }
    if let Some((path, n)) = label_ref.split_once("#item")
        && path.ends_with(".json")
    {
        return format!("{path}:{n}");
    }
    label_ref.to_string()
}

pub(crate) fn labels() -> Value {
    let p = examples_dir().join("../labels.json");
    serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
}

fn utc(v: &Value) -> Option<DateTime<Utc>> {
    v.as_str().map(|t| DateTime::parse_from_rfc3339(t).unwrap().with_timezone(&Utc))
}

#[test]
fn example_corpus_every_format() {
    let env = Env::new();
    let root = examples_dir();
    let (code, summary) = env.ingest([&root]);
    assert_eq!(code, 0, "the example corpus has no bad input: {summary}");
    assert_eq!(summary["inserted"], 18);
    assert_eq!(summary["rejected"], 0);
    assert!(env.rejects().is_empty());

    let arts = env.articles();
    let labels = labels();
    let mut refs: Vec<String> = labels["stories"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|v| v.as_array().unwrap().iter().map(|r| r.as_str().unwrap().to_string()))
        .collect();
    refs.extend(labels["singletons"].as_array().unwrap().iter().map(|r| r.to_string()));
    let refs: Vec<String> = refs.into_iter().map(|r| r.trim_matches('"').to_string()).collect();
    assert_eq!(refs.len(), 18);
    assert_eq!(arts.len(), refs.len(), "one article per labelled document");

    // Every labelled document is there once, with the labelled date and language.
    let german = labels["languages"]["de"].as_array().unwrap();
    for r in &refs {
        let a = by_source(&arts, &format!("/{}", displayed_source(r)));
        let want = &labels["published"][r.as_str()];
        let want = match want.as_str() {
            Some(d) if d.len() == 10 => Some(format!("{d}T00:00:00Z")),
            Some(d) => Some(d.to_string()),
            None => None,
        };
        assert_eq!(
            utc(&a["published"]),
            want.as_ref().map(|w| utc(&Value::String(w.clone())).unwrap()),
            "published of {r}"
        );
        let lang = if german.iter().any(|g| g == r.as_str()) { "de" } else { "en" };
        assert_eq!(a["language"], lang, "language of {r}");
        assert!(a["n_sentences"].as_u64().unwrap() >= 5, "{r} has too few sentences: {a}");
    }

    // Windows-1252 HTML: é, ü, € and the German quotes decode, and nothing is mojibake.
    let a = by_source(&arts, "/html/hollerstaedter-anzeiger_stadtbad.html");
    assert_eq!(a["outlet"], "Hollerstädter Anzeiger");
    assert_eq!(a["title"], "Stadtbad: Grünes Licht für die Sanierung");
    let full = env.article(s(a, "id"));
    let text = s(&full["article"], "text");
    for needle in ["Café im Foyer", "Bürgermeister Henrik Albers", "5,00 € statt bisher 4,20 €"]
    {
        assert!(text.contains(needle), "{needle:?} not in the decoded text:\n{text}");
    }
    assert!(text.contains("»Das ist ein guter Tag für Hollerstadt«"));
    assert!(!text.contains('\u{fffd}') && !text.contains("Ã"), "mojibake in:\n{text}");
    assert_eq!(full["article"]["authors"], serde_json::json!(["Sabine Lorenz"]));

    // JSON-LD only: date with its offset, and the author.
    let a = by_source(&arts, "/html/northgate-times_summit.html");
    let full = env.article(s(a, "id"));
    let art = &full["article"];
    assert_eq!(art["published"]["original"], "2025-04-17T19:05:00+02:00");
    assert_eq!(art["published"]["utc"], "2025-04-17T17:05:00Z");
    assert_eq!(art["published"]["zone_known"], true);
    assert_eq!(art["authors"], serde_json::json!(["Rhiannon Dale"]));
    assert_eq!(art["outlet"], "Northgate Times");
    assert_eq!(
        art["url"],
        "https://northgate-times.example/world/varn-alliance-3-percent-target-dam-row-1.48213"
    );

    // Date only in the URL: the date, flagged date-only, no time zone claimed.
    let a = by_source(&arts, "/html/lakeside-post_summit.html");
    let full = env.article(s(a, "id"));
    let p = &full["article"]["published"];
    assert_eq!(p["utc"], "2025-04-17T00:00:00Z");
    assert_eq!(p["date_only"], true);
    assert_eq!(p["zone_known"], false);

    // Feed item: the outlet is the feed's title, the date is the item's own.
    let a = by_source(&arts, "/feeds/meridian-wire.xml#item3");
    assert_eq!(a["outlet"], "Meridian Wire – Top News");
    assert_eq!(a["title"], "River alliance pledges three per cent of GDP to flood defence");
    assert_eq!(a["published"], "2025-04-17T16:42:00Z");
    let full = env.article(s(a, "id"));
    assert_eq!(full["article"]["source"]["kind"], "feed_item");
    assert_eq!(full["article"]["source"]["item"], 3);
    assert_eq!(full["article"]["authors"], serde_json::json!(["Sunniva Brandt"]));
    let a = by_source(&arts, "/feeds/continental-ledger.xml#item2");
    assert_eq!(a["outlet"], "The Continental Ledger");
    assert_eq!(a["published"], "2025-05-08T09:20:00Z");

    // JSONL: named fields are modelled, unknown ones land in `meta`.
    let a = by_source(&arts, "/jsonl/articles.jsonl:2");
    assert_eq!(a["outlet"], "Northgate Times");
    let full = env.article(s(a, "id"));
    let art = &full["article"];
    assert_eq!(art["source"]["kind"], "json");
    assert_eq!(art["source"]["line"], 2);
    assert_eq!(
        art["meta"],
        serde_json::json!({
            "section": "Regions",
            "tags": ["Kestwick", "fire", "Hollin Plastics"],
            "word_count": 289
        })
    );
    // JSON array: `byline` is not a modelled field, so it is kept in meta.
    let a = by_source(&arts, "/jsonl/more.json:1");
    let full = env.article(s(a, "id"));
    assert_eq!(full["article"]["meta"]["byline"], "Tobias Wren");
    assert_eq!(full["article"]["meta"]["section"], "Business");

    // Plain text: outlet = file stem, title = first line, the rest are paragraphs.
    let a = by_source(&arts, "/text/harbour-herald_summit.txt");
    assert_eq!(a["outlet"], "harbour-herald_summit");
    assert_eq!(a["title"], "River states agree 3 percent spending goal as Veldhaven summit closes");
    assert_eq!(a["url"], Value::Null);
    let full = env.article(s(a, "id"));
    let text = s(&full["article"], "text");
    assert!(text.starts_with("VELDHAVEN — Foreign ministers of the Varn Basin Alliance"));
    assert!(!text.contains("River states agree"), "the title is not body text");

    // The listing's filters agree with the labels.
    let de = crate::util::json(&env.run(["--json", "articles", "--lang", "de"]));
    assert_eq!(de.as_array().unwrap().len(), 2);
    let hh = crate::util::json(&env.run(["--json", "articles", "--outlet", "Harbour Herald"]));
    let hh: Vec<&str> = hh.as_array().unwrap().iter().map(|a| s(a, "title")).collect();
    assert_eq!(
        hh,
        [
            "Union calls for inquiry after three die in Brennick factory fire",
            "Port Ellery dockworkers accept pay deal, ending strike threat"
        ]
    );
    let since = crate::util::json(&env.run(["--json", "articles", "--since", "2025-05-08"]));
    let want = labels["published"]
        .as_object()
        .unwrap()
        .values()
        .filter_map(|v| v.as_str())
        .filter(|d| {
            d.len() > 10
                && utc(&Value::String(d.to_string())).unwrap()
                    >= utc(&"2025-05-08T00:00:00Z".into()).unwrap()
        })
        .count();
    assert_eq!(since.as_array().unwrap().len(), want);
}

#[test]
fn stdin_text() {
    let env = Env::new();
    let text = "Ferry service resumes after storm\n\n\
                The ferry between the two islands ran again on Sunday morning.\n\
                Passengers said they were glad to be able to travel again.\n";
    let out =
        env.run_with_stdin(&["--json", "ingest", "-", "--outlet", "Island Wire"], text.as_bytes());
    crate::util::assert_success(&out);
    assert_eq!(crate::util::json(&out)["inserted"], 1);
    let arts = env.articles();
    assert_eq!(arts.len(), 1);
    let a = &arts[0];
    assert_eq!(a["source"], "<stdin>");
    assert_eq!(a["title"], "Ferry service resumes after storm");
    assert_eq!(a["outlet"], "Island Wire");
    assert_eq!(a["n_sentences"], 2);
    let full = env.article(s(a, "id"));
    assert_eq!(full["article"]["source"], serde_json::json!({"kind": "stdin"}));
    assert_eq!(full["article"]["paragraphs"].as_array().unwrap().len(), 2);

    // Empty standard input is a reject, not a crash.
    let out = env.run_with_stdin(&["ingest", "-"], b"  \n");
    assert_eq!(out.status.code(), Some(crate::util::EXIT_REJECTS));
    let rejects = env.rejects();
    assert_eq!(rejects.len(), 1);
    assert_eq!(rejects[0]["reason"], "empty");
    assert_eq!(rejects[0]["source"]["kind"], "stdin");
}

#[test]
fn gzip_of_jsonl_and_of_html() {
    use std::io::Write;
    let env = Env::new();
    let gz = |b: &[u8]| {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(b).unwrap();
        e.finish().unwrap()
    };
    let lines = "{\"url\":\"https://a.example/one\",\"title\":\"One\",\"text\":\"First article text.\"}\n\
                 {\"url\":\"https://a.example/two\",\"title\":\"Two\",\"text\":\"Second article text.\"}\n";
    env.write("wire.jsonl.gz", gz(lines.as_bytes()));
    let paras = crate::util::paragraphs_about("the new harbour bridge");
    let paras: Vec<&str> = paras.iter().map(String::as_str).collect();
    let page = crate::util::news_page(
        "Harbour bridge approved",
        "<meta property=\"article:published_time\" content=\"2025-03-02T09:00:00Z\">",
        &paras,
    );
    env.write("page.html.gz", gz(page.as_bytes()));
    let (code, summary) = env.ingest(["wire.jsonl.gz", "page.html.gz"]);
    assert_eq!(code, 0, "{summary}");
    let arts = env.articles();
    assert_eq!(arts.len(), 3);
    assert_eq!(by_source(&arts, "wire.jsonl.gz:2")["url"], "https://a.example/two");
    let page = by_source(&arts, "page.html.gz");
    assert_eq!(page["title"], "Harbour bridge approved");
    assert_eq!(page["published"], "2025-03-02T09:00:00Z");
    assert_eq!(page["outlet"], "page", "a local page with no site name: the file stem");
}
