//! Quote attribution quality floors on the PolNeAR and German WikiNews dev
//! splits in `../shared`, with the name and place lists of
//! `scripts/fetch-lexicons.sh`.
//!
//! Floors are the scores when the rules were last changed, minus 0.01
//! (`parallax eval quotes --data ../shared/data/quotes-polnear` and
//! `--data ../shared/data/quotes-german-wikinews`).
#![allow(clippy::print_stderr, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;

use parallax_enrich::Enricher;
use parallax_enrich::lexicon::Lexicon;
use parallax_eval::quotes::{QuoteReport, evaluate, load, predict};
use parallax_text::Analyzer;

fn data_dir() -> Option<PathBuf> {
    common::data_dir(&[
        "quotes-polnear/polnear_dev.jsonl",
        "quotes-german-wikinews/german_wikinews_dev.jsonl",
    ])
}

fn lexicon() -> Lexicon {
    match Lexicon::discover(None).expect("lexicons load") {
        Some(l) => l,
        None if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("no lexicons: run scripts/fetch-lexicons.sh (required when CI=true)")
        }
        None => {
            eprintln!("NOTE: no lexicons (scripts/fetch-lexicons.sh); floors checked without them");
            Lexicon::empty()
        }
    }
}

fn run(dir: &std::path::Path, enricher: &Enricher) -> QuoteReport {
    let docs = load(dir, Some("dev")).unwrap();
    let analyzer = Analyzer::new();
    let r = evaluate(&docs, |d| predict(&analyzer, enricher, d));
    eprintln!("{}\n{}", dir.display(), r.render());
    r
}

fn f1(r: &QuoteReport, row: &str) -> f64 {
    r.row(row).map_or(0.0, |x| x.f1_at(0.3))
}

#[test]
fn quote_attribution_stays_above_floors() {
    let Some(dir) = data_dir() else { return };
    let lex = lexicon();
    let with_lists = lex.counts().0 > 0;
    let enricher = Enricher::new(lex);

    let en = run(&dir.join("quotes-polnear"), &enricher);
    // PolNeAR dev when set: all 0.690, direct 0.921, speech 0.854, speaker 0.937.
    assert!(f1(&en, "all") >= 0.679, "PolNeAR all F1 {}", f1(&en, "all"));
    assert!(f1(&en, "direct") >= 0.911, "PolNeAR direct F1 {}", f1(&en, "direct"));
    assert!(f1(&en, "speech") >= 0.843, "PolNeAR speech F1 {}", f1(&en, "speech"));

    let de = run(&dir.join("quotes-german-wikinews"), &enricher);
    // German WikiNews dev when set: all 0.578, direct 0.771, speaker 0.738.
    assert!(f1(&de, "all") >= 0.568, "German all F1 {}", f1(&de, "all"));
    assert!(f1(&de, "direct") >= 0.761, "German direct F1 {}", f1(&de, "direct"));

    if with_lists {
        let acc =
            |r: &QuoteReport| r.speaker.strict_correct as f64 / r.speaker.scored.max(1) as f64;
        assert!(acc(&en) >= 0.927, "PolNeAR speaker accuracy {}", acc(&en));
        assert!(acc(&de) >= 0.728, "German speaker accuracy {}", acc(&de));
    }
}
