//! The two seed reports in `../shared/seeds` (real reports of one NATO meeting).

use crate::util::{Env, by_source, s, shared_dir};

#[test]
fn seed_reports() {
    let Some(shared) = shared_dir() else { return };
    let seeds = shared.join("seeds");
    let env = Env::new();
    let (code, summary) = env
        .ingest([seeds.join("000_d4f4041de6527b10.txt"), seeds.join("002_5298dac2f517366a.txt")]);
    assert_eq!(code, 0, "{summary}");
    let arts = env.articles();
    assert_eq!(arts.len(), 2);
    for a in &arts {
        assert_eq!(a["language"], "en", "{a}");
    }

    // 000: the first line is empty and the second is a sentence, so no title.
    let a = by_source(&arts, "/000_d4f4041de6527b10.txt");
    assert_eq!(a["outlet"], "000_d4f4041de6527b10");
    assert_eq!(a["title"], serde_json::Value::Null);
    let n = a["n_sentences"].as_u64().unwrap();
    assert!((30..=45).contains(&n), "000 has {n} sentences");
    let full = env.article(s(a, "id"));
    let text = s(&full["article"], "text");
    assert!(text.starts_with("United States Secretary of State Marco Rubio has told"));
    assert_eq!(full["article"]["paragraphs"].as_array().unwrap().len(), 30);
    let sentences = sentence_texts(&full);
    assert_eq!(sentences.len() as u64, n);
    // A quote of two sentences is split at its inner full stop.
    let quote = "“We will know soon enough, in a matter of weeks, not months, whether Russia is serious about peace or not.";
    let i = sentences.iter().position(|x| x == quote).unwrap_or_else(|| panic!("{sentences:#?}"));
    assert_eq!(sentences[i + 1], "I hope they are,” Rubio said.");

    // 002: "U.S." is an abbreviation, not a sentence end.
    let b = by_source(&arts, "/002_5298dac2f517366a.txt");
    assert_eq!(b["outlet"], "002_5298dac2f517366a");
    let full = env.article(s(b, "id"));
    let sentences = sentence_texts(&full);
    assert!(
        sentences[0].starts_with(
            "Brussels – On Thursday, U.S. Secretary of State Marco Rubio and his NATO counterparts"
        ),
        "{:?}",
        sentences[0]
    );
    assert!(sentences.iter().all(|x| !x.ends_with("U.S.")), "split after U.S.: {sentences:#?}");
    assert!(sentences.contains(&"The U.S. emphasized the importance of NATO's collective security and the expansion of the Alliance's defense industry base, the official noted.".to_string()));
}

/// The sentences of `parallax article ID --json`, as text.
fn sentence_texts(full: &serde_json::Value) -> Vec<String> {
    let text = s(&full["article"], "text");
    full["enrichment"]["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|sp| {
            let (a, b) =
                (sp["start"].as_u64().unwrap() as usize, sp["end"].as_u64().unwrap() as usize);
            text.get(a..b)
                .unwrap_or_else(|| panic!("span {a}..{b} not on char boundaries"))
                .to_string()
        })
        .collect()
}
