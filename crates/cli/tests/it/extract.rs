//! `parallax extract` on the two seed reports: who said what, with offsets
//! that point at the article text.

use serde_json::Value;

use crate::util::{Env, shared_dir};

fn chars(text: &str, start: u64, end: u64) -> String {
    text.chars().skip(start as usize).take((end - start) as usize).collect()
}

/// Every offset in an article's output slices its `text` to the stated string.
fn check_offsets(a: &Value) {
    let text = a["text"].as_str().unwrap();
    let check = |m: &Value| {
        let (s, e) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
        assert_eq!(chars(text, s, e), m["text"].as_str().unwrap(), "{m}");
    };
    for e in a["entities"].as_array().unwrap() {
        e["mentions"].as_array().unwrap().iter().for_each(check);
    }
    for q in a["quotes"].as_array().unwrap() {
        q["parts"].as_array().unwrap().iter().for_each(check);
        if !q["cue"].is_null() {
            check(&q["cue"]);
        }
    }
    a["quantities"].as_array().unwrap().iter().for_each(check);
    a["dates"].as_array().unwrap().iter().for_each(check);
}

fn quote<'a>(a: &'a Value, needle: &str) -> &'a Value {
    a["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"].as_str().unwrap().contains(needle))
        .unwrap_or_else(|| panic!("no quote with {needle:?} in {:#}", a["quotes"]))
}

#[test]
fn seed_reports_who_said_what() {
    let Some(shared) = shared_dir() else { return };
    let seeds = shared.join("seeds");
    let env = Env::new();
    let out = env.run([
        "--json".as_ref(),
        "extract".as_ref(),
        seeds.join("000_d4f4041de6527b10.txt").as_os_str(),
        seeds.join("002_5298dac2f517366a.txt").as_os_str(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let all: Value = serde_json::from_slice(&out.stdout).unwrap();
    let arts = all.as_array().unwrap();
    assert_eq!(arts.len(), 2);
    let (a, b) = if arts[0]["text"].as_str().unwrap().starts_with("United States") {
        (&arts[0], &arts[1])
    } else {
        (&arts[1], &arts[0])
    };
    check_offsets(a);
    check_offsets(b);

    // Rubio, with his role, and "Rubio" as a short form of him.
    let rubio =
        a["entities"].as_array().unwrap().iter().find(|e| e["name"] == "Marco Rubio").unwrap();
    assert_eq!(rubio["kind"], "person");
    assert!(
        rubio["roles"].as_array().unwrap().iter().any(|r| r == "United States Secretary of State")
    );
    assert!(rubio["aliases"].as_array().unwrap().iter().any(|r| r == "Rubio"));

    // The partial quote: "he" in "what he called" is Rubio.
    let q = quote(a, "hysteria and hyperbole");
    assert_eq!(q["kind"], "direct");
    assert_eq!(q["speaker"], "he");
    assert_eq!(q["speaker_name"], "Marco Rubio");
    assert_eq!(q["speaker_resolution"], "pronoun");
    // "he said" after David Lammy's quote is Lammy, not Putin named inside it.
    let q = quote(a, "We see you, Vladimir Putin");
    assert_eq!(q["speaker_name"], "David Lammy");
    // A description resolved to the person its role names.
    let q = quote(a, "nothing in the schedule now");
    assert_eq!(q["kind"], "mixed");
    assert_eq!(q["speaker_name"], "Dmitry Peskov");

    // The translated report: «…» quotes, and an official nobody names.
    let q = quote(b, "remains as active in NATO as ever");
    assert_eq!(q["kind"], "direct");
    assert_eq!(q["speaker_name"], "Marco Rubio");
    let q = quote(b, "Russia has yet to demonstrate a commitment to ceasefire");
    assert_eq!(q["speaker_entity"], Value::Null);
    assert_eq!(q["speaker_resolution"], "unresolved");

    // The 5% goal in both notations.
    for art in [a, b] {
        assert!(
            art["quantities"]
                .as_array()
                .unwrap()
                .iter()
                .any(|x| x["value"] == 5.0 && x["unit"] == "percent"),
            "{:#}",
            art["quantities"]
        );
    }
}
