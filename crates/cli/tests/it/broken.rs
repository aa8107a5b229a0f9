//! Broken inputs: each is recorded as a reject with its reason and source, and none
//! of them stops the good input in the same batch.

use std::io::Write;

use crate::util::{EXIT_REJECTS, Env, by_source, reject_for, s};

const GOOD_TXT: &str = "Bridge repairs to start in June\n\n\
    The council agreed on Monday to repair the old bridge over the river.\n\
    Work is expected to take four months, the mayor said.\n";

const MALFORMED_HTML: &str = "<html><head><title>Broken page</title><body><div>\
    <p>The council met on Monday to discuss the new bridge over the river and agreed to \
    spend more money on repairs. <b>unclosed <i>tags everywhere\
    <p>Another paragraph with enough words to count as real article text for the \
    extractor to keep it around.<div><<<>>> garbage &&& \
    <p>Third paragraph: the mayor said the work would start in June and finish before \
    winter, if the weather allows it.";

const MIXED_JSONL: &str = "{\"url\":\"https://a.example/1\",\"title\":\"One\",\"text\":\"First good line of article text.\"}\n\
    {\"url\": broken\n\
    {\"url\":\"https://a.example/3\",\"title\":\"Three\",\"text\":\"Third good line of article text.\"}\n";

/// Writes the broken set plus one good text file; returns the input directory.
fn broken_set(env: &Env) -> std::path::PathBuf {
    env.write("good.txt", GOOD_TXT);
    env.write("malformed.html", MALFORMED_HTML);
    env.write(
        "bad-feed.xml",
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>X</title>\
         <item><title>A</title><description>text</item></channel>",
    );
    env.write("mixed.jsonl", MIXED_JSONL);
    env.write("bad-array.json", "[{\"title\": \"x\", \"text\": \"y\"}, {\"title\": ");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(GOOD_TXT.repeat(20).as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    env.write("cut.txt.gz", &gz[..gz.len() / 2]);
    env.write("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0");
    env.write("empty.txt", b"");
    // One byte over --max-file-mib 1.
    let line = "All work and no play makes a very long text file indeed.\n";
    let mut big = line.repeat((1 << 20) / line.len() + 1);
    big.truncate((1 << 20) + 1);
    env.write("big.txt", big);
    env.input_dir()
}

#[test]
fn broken_inputs_are_rejected_and_good_ones_kept() {
    let env = Env::new();
    let dir = broken_set(&env);
    let missing = dir.join("does-not-exist.txt");
    let out = env
        .parallax()
        .args(["ingest", "--max-file-mib", "1"])
        .arg(&dir)
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(EXIT_REJECTS), "{}", crate::util::stderr(&out));
    let err = crate::util::stderr(&out);
    assert!(err.contains("rejected: "), "rejects are listed on stderr: {err}");
    assert!(
        crate::util::stdout(&out).contains("ingested 4 articles: 4 new"),
        "{}",
        crate::util::stdout(&out)
    );

    // The good inputs: the text file, the two good JSONL lines, and the malformed
    // HTML page, whose text the extractor still recovers.
    let arts = env.articles();
    assert_eq!(arts.len(), 4, "{arts:#?}");
    assert_eq!(by_source(&arts, "/good.txt")["title"], "Bridge repairs to start in June");
    assert_eq!(by_source(&arts, "/mixed.jsonl:1")["url"], "https://a.example/1");
    assert_eq!(by_source(&arts, "/mixed.jsonl:3")["url"], "https://a.example/3");
    let html = by_source(&arts, "/malformed.html");
    assert_eq!(html["title"], "Broken page");
    let full = env.article(s(html, "id"));
    let text = s(&full["article"], "text");
    assert!(text.contains("The council met on Monday"), "{text}");
    assert!(text.contains("the mayor said the work would start in June"), "{text}");

    let rejects = env.rejects();
    let p = |name: &str| dir.join(name).display().to_string();
    let check = |reason: &str, name: &str, detail: &str| {
        let r = reject_for(&rejects, reason, &format!("\"{}\"", p(name)));
        assert!(s(r, "detail").contains(detail), "{r}");
        assert_eq!(r["times"], 1);
        r.clone()
    };
    check("malformed_xml", "bad-feed.xml", "not a valid RSS/Atom feed");
    let line = check("malformed_json", "mixed.jsonl", "line 2");
    assert_eq!(
        line["source"],
        serde_json::json!({"kind": "json", "path": p("mixed.jsonl"), "line": 2})
    );
    let arr = check("malformed_json", "bad-array.json", "not valid JSON");
    assert_eq!(arr["source"]["kind"], "file");
    check("truncated", "cut.txt.gz", "truncated");
    check("binary", "image.png", "binary");
    check("empty", "empty.txt", "empty");
    check("too_large", "big.txt", "1048577 bytes is over the 1048576 byte limit");
    check("io", "does-not-exist.txt", "No such file");
    assert_eq!(rejects.len(), 8, "{rejects:#?}");

    // The JSONL reject shows as `file.jsonl:2` in the table.
    let table = env.run(["rejects"]);
    let table = crate::util::stdout(&table);
    assert!(table.contains(&format!("{}:2", p("mixed.jsonl"))), "{table}");
}

#[test]
fn exit_code_is_zero_without_rejects() {
    let env = Env::new();
    env.write("good.txt", GOOD_TXT);
    let out = env.run(["ingest", "good.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", crate::util::stderr(&out));
    assert!(crate::util::stderr(&out).is_empty(), "{}", crate::util::stderr(&out));

    env.write("empty.txt", "   \n\n");
    let out = env.run(["ingest", "good.txt", "empty.txt"]);
    assert_eq!(out.status.code(), Some(EXIT_REJECTS));
}

#[test]
fn html_without_main_text_is_a_clear_reject() {
    let env = Env::new();
    env.write("good.txt", GOOD_TXT);
    env.write(
        "nav-only.html",
        "<!DOCTYPE html><html><head><title>Index</title></head><body>\
         <nav><a href=\"/a\">A</a> <a href=\"/b\">B</a></nav></body></html>",
    );
    let (code, _) = env.ingest(["good.txt", "nav-only.html"]);
    assert_eq!(code, EXIT_REJECTS);
    assert_eq!(env.articles().len(), 1);
    let rejects = env.rejects();
    assert_eq!(rejects.len(), 1, "{rejects:#?}");
    assert_eq!(rejects[0]["reason"], "no_main_text");
    assert_eq!(rejects[0]["source"]["path"], "nav-only.html");
}

#[test]
fn json_files_with_bom_blank_lines_or_a_cut_first_line() {
    let env = Env::new();
    // Each of these lost good articles before the fix in parallax-ingest's json.rs.
    env.write(
        "bom.jsonl",
        "\u{feff}{\"title\":\"Bom\",\"text\":\"JSONL that opens with a byte order mark.\"}\n",
    );
    env.write(
        "bom-array.json",
        "\u{feff}[{\"title\":\"BomArray\",\"text\":\"A JSON array with a byte order mark.\"}]",
    );
    env.write(
        "pretty.json",
        "\n\n{\n  \"title\": \"Pretty\",\n  \"text\": \"A pretty-printed object after blank lines.\"\n}\n",
    );
    env.write(
        "cut-first.jsonl",
        "{\"title\": \"Cut\", \"text\": \"this line ends ear\n\
         {\"title\":\"Two\",\"text\":\"The second line is fine.\"}\n\
         {\"title\":\"Three\",\"text\":\"So is the third.\"}\n",
    );
    let (code, summary) = env.ingest(["."]);
    assert_eq!(code, EXIT_REJECTS, "{summary}");
    let arts = env.articles();
    let mut titles: Vec<&str> = arts.iter().map(|a| s(a, "title")).collect();
    titles.sort_unstable();
    assert_eq!(titles, ["Bom", "BomArray", "Pretty", "Three", "Two"]);
    assert_eq!(by_source(&arts, "pretty.json:3")["title"], "Pretty");
    let rejects = env.rejects();
    assert_eq!(rejects.len(), 1, "{rejects:#?}");
    assert_eq!(rejects[0]["reason"], "malformed_json");
    assert_eq!(
        rejects[0]["source"],
        serde_json::json!({"kind": "json", "path": "./cut-first.jsonl", "line": 1})
    );
}
