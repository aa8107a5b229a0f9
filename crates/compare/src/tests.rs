//! End-to-end cases on small articles written for these tests.

use std::path::Path;

use chrono::{TimeZone, Utc};
use parallax_enrich::Enricher;
use parallax_text::Analyzer;

use crate::*;

fn article(id: &str, outlet: &str, text: &str) -> ArticleInput {
    let analyzer = Analyzer::new();
    let analysis = analyzer.analyze(text, Some("en"));
    let extraction = Enricher::default().enrich(text, &analysis, None);
    ArticleInput {
        id: id.into(),
        outlet: Some(outlet.into()),
        title: None,
        language: Some("en".into()),
        published: None,
        text: text.into(),
        analysis,
        extraction,
    }
}

fn fixture_wordnet() -> WordNet {
    WordNet::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wordnet"))
        .unwrap()
}

fn compare(arts: &[ArticleInput]) -> Comparison {
    Comparer::new(CompareConfig::default(), Some(fixture_wordnet())).compare(arts)
}

fn statuses(c: &Comparison) -> Vec<(Status, usize)> {
    c.facts.iter().map(|f| (f.status, f.evidence.len())).collect()
}

#[test]
fn notation_independent_values_agree() {
    let a = article(
        "a",
        "Daily",
        "Allies pledged to raise military spending to 5% of their economic output by 2030.",
    );
    let b = article(
        "b",
        "Herald",
        "The allies pledged to raise their military spending to five per cent of economic output.",
    );
    let c = compare(&[a, b]);
    assert_eq!(statuses(&c), [(Status::Corroborated, 2)]);
    assert_eq!(c.facts[0].agreed, ["5 percent"]);
    assert_eq!(c.facts[0].outlets, ["Daily", "Herald"]);
    assert!(c.quantities.iter().all(|q| q.fact.as_deref() == Some("F1")), "{:?}", c.quantities);
}

#[test]
fn different_values_in_one_slot_conflict() {
    let a = article("a", "Daily", "The earthquake killed 12 people in the northern province.");
    let b = article("b", "Herald", "The earthquake in the northern province killed 40 people.");
    let c = compare(&[a, b]);
    assert_eq!(statuses(&c), [(Status::Conflicting, 2)]);
    let x = &c.facts[0].conflicts[0];
    assert_eq!((x.kind.as_str(), x.detail.as_str()), ("value", "12 people vs 40 people"));
    assert_eq!(x.articles, ["a", "b"]);
}

#[test]
fn rounding_intervals_negation_and_updates_are_not_conflicts() {
    let pairs = [
        // Rounding.
        (
            "The company reported a loss of $4.2bn for the fiscal year.",
            "The company reported a fiscal year loss of $4.18bn.",
        ),
        // Overlapping intervals.
        (
            "The earthquake killed at least 12 people in the northern province.",
            "The earthquake in the northern province killed 15 people.",
        ),
        // One side negated.
        (
            "The earthquake killed 12 people in the northern province.",
            "The earthquake in the northern province did not kill 40 people.",
        ),
    ];
    for (ta, tb) in pairs {
        let c = compare(&[article("a", "Daily", ta), article("b", "Herald", tb)]);
        assert_eq!(statuses(&c), [(Status::Corroborated, 2)], "{ta} / {tb}: {:?}", c.facts);
    }
    // A later, larger toll is an update.
    let mut a = article("a", "Daily", "The earthquake killed 12 people in the northern province.");
    let mut b = article("b", "Herald", "The earthquake in the northern province killed 40 people.");
    a.published = Some(Utc.with_ymd_and_hms(2026, 3, 1, 8, 0, 0).unwrap());
    b.published = Some(Utc.with_ymd_and_hms(2026, 3, 1, 20, 0, 0).unwrap());
    let c = compare(&[a, b]);
    assert_eq!(statuses(&c), [(Status::Corroborated, 2)]);
}

#[test]
fn one_outlet_twice_is_not_corroboration() {
    let t = "Ministers agreed to raise defence spending to 5% of output.";
    let c = compare(&[article("a", "Daily", t), article("b", "Daily", t)]);
    assert_eq!(statuses(&c), [(Status::Exclusive, 2)]);
    assert_eq!(c.outlets.len(), 1);
    assert_eq!(c.outlets[0].articles, ["a", "b"]);
    assert_eq!(c.outlets[0].exclusive_facts, ["F1"]);
}

#[test]
fn entities_merge_across_spellings() {
    let a = article(
        "a",
        "Daily",
        "Ukrainian President Volodymyr Zelenskyy met Danish Foreign Minister Lars Løkke Rasmussen in Kyiv on Monday.",
    );
    let b = article(
        "b",
        "Herald",
        "President Volodymyr Zelensky held talks with Lars Lokke Rasmussen, the Danish foreign minister.",
    );
    let c = compare(&[a, b]);
    let person = |name: &str| {
        c.entities
            .iter()
            .find(|e| e.name.contains(name))
            .unwrap_or_else(|| panic!("{:#?}", c.entities))
    };
    let z = person("Volodymyr");
    assert_eq!(z.outlets, ["Daily", "Herald"], "{z:?}");
    assert_eq!(z.mentions_by_outlet.values().copied().collect::<Vec<_>>(), [1, 1]);
    assert!(z.aliases.iter().any(|a| a.starts_with("Volodymyr Zelensk")), "{z:?}");
    let r = person("Rasmussen");
    assert_eq!(r.outlets, ["Daily", "Herald"], "{r:?}");
    assert!(r.roles.iter().any(|x| x == "Danish Foreign Minister"), "{r:?}");
    assert!(c.outlets.iter().all(|o| o.exclusive_people.is_empty()), "{:?}", c.outlets);
}

/// The variant pair of the seeds, with the second quote as enrichment
/// finds it (a mixed quote around «…») or, when `drop` is set, removed
/// from the extraction so that only the fragment finder can supply it.
fn hysteria(drop: bool) -> Comparison {
    let a = article(
        "a",
        "Daily",
        "Secretary of State Marco Rubio dismissed what he called “hysteria and hyperbole” in the media.",
    );
    let b = article(
        "b",
        "Herald",
        "«The United States remains as active in NATO as ever», – Marco Rubio told reporters. \
         He also condemned the «hysteria and exaggeration» in the media.",
    );
    let mut b = b;
    if drop {
        let text = b.text.clone();
        b.extraction.quotes.retain(|q| !q.span().slice(&text).unwrap_or("").contains("hysteria"));
    }
    compare(&[a, b])
}

#[test]
fn quote_variants_group_by_speaker_with_synonyms() {
    for drop in [false, true] {
        let c = hysteria(drop);
        check_hysteria(&c);
        let frag = c.quotes.iter().find(|q| q.text.contains("exaggeration")).unwrap();
        if drop {
            assert_eq!(frag.origin, QuoteOrigin::Fragment);
            assert_eq!(frag.speaker.as_deref(), Some("He"));
            assert_eq!(frag.text, "«hysteria and exaggeration»");
        }
    }
}

fn check_hysteria(c: &Comparison) {
    let g = c
        .quote_groups
        .iter()
        .find(|g| g.relation == Relation::Variant)
        .unwrap_or_else(|| panic!("{:#?}\n{:#?}", c.quote_groups, c.quotes));
    assert_eq!(g.speaker.as_deref(), Some("Marco Rubio"));
    let texts: Vec<&str> = g
        .quotes
        .iter()
        .map(|id| c.quotes.iter().find(|q| &q.id == id).unwrap().text.as_str())
        .collect();
    assert_eq!(texts[0], "“hysteria and hyperbole”");
    assert!(texts[1].contains("«hysteria and exaggeration»"), "{texts:?}");
    let rubio = c.entities.iter().find(|e| e.name == "Marco Rubio").unwrap();
    for id in &g.quotes {
        let q = c.quotes.iter().find(|q| &q.id == id).unwrap();
        assert_eq!(q.speaker_entity.as_ref(), Some(&rubio.id));
    }
    assert_eq!(
        g.differences[0].changes,
        [ChangeOut { from: "hyperbole".into(), to: "exaggeration".into(), synonym: true }]
    );
    // The other Rubio quote is one outlet's alone.
    assert_eq!(c.outlets[1].exclusive_quotes.len(), 1, "{:?}", c.outlets[1]);
}

#[test]
fn identical_quotes_and_different_utterances() {
    let a = article(
        "a",
        "Daily",
        "“We are going to remain in NATO,” Rubio said. “Russia must stop,” Rubio added.",
    );
    let b = article(
        "b",
        "Herald",
        "“We are going to remain in NATO,” said Marco Rubio. “Europe needs more capability,” Rubio added.",
    );
    let c = compare(&[a, b]);
    assert_eq!(c.quote_groups.len(), 1, "{:#?}", c.quote_groups);
    assert_eq!(c.quote_groups[0].relation, Relation::Identical);
    assert!(c.quote_groups[0].differences[0].changes.is_empty());
}

#[test]
fn output_follows_the_schema() {
    let a = article(
        "a",
        "Daily",
        "Secretary of State Marco Rubio said allies must raise spending to 5% of output. \
         “We will know soon enough,” Rubio said. The earthquake killed 12 people in the north.",
    );
    let b = article(
        "b",
        "Herald <b>&</b>",
        "Marco Rubio said the allies must raise their spending to 5 percent of output. \
         The earthquake in the north killed 40 people.",
    );
    let c = compare(&[a, b]);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/comparison.v1.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(schema::validate(&schema, &json), Vec::<String>::new());
    // Offsets are code points into the text.
    for f in &c.facts {
        for e in &f.evidence {
            let text = &c.articles.iter().find(|a| a.id == e.article).unwrap().text;
            let got: String = text.chars().skip(e.start).take(e.end - e.start).collect();
            assert_eq!(got, e.text);
        }
    }
    let html = render::html(&c);
    assert!(html.contains("Herald &lt;b&gt;&amp;&lt;/b&gt;"));
    assert!(!html.contains("<b>&</b>"));
    assert!(!html.contains("http"), "no external resources");
    assert!(html.contains("href=\"#F1\""));
    let text = render::text(&c, false);
    assert!(text.contains("CORROBORATED (1)") && text.contains("CONFLICTING (1)"), "{text}");
    let md = render::markdown(&c);
    assert!(md.contains("## Conflicting (1)"), "{md}");
}
