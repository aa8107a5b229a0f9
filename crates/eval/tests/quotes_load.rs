//! The quote-attribution gold data in `../shared/data` loads completely: the
//! counts of the data sets' READMEs, every span within its text.
#![allow(clippy::print_stderr, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use parallax_eval::quotes::{self, GoldDoc, GoldKind};

fn data_dir() -> Option<PathBuf> {
    common::data_dir(&[
        "quotes-polnear/polnear_dev.jsonl",
        "quotes-german-wikinews/german_wikinews_dev.jsonl",
    ])
}

fn check_spans(docs: &[GoldDoc]) {
    for d in docs {
        let n = d.text.chars().count();
        for q in &d.quotes {
            for &(s, e) in q.content.iter().chain(&q.speaker).chain(&q.cue) {
                assert!(s <= e && e <= n, "{}: span [{s}, {e}) outside {n} code points", d.id);
            }
        }
    }
}

fn stats(name: &str, docs: &[GoldDoc]) -> (usize, usize) {
    let all: Vec<_> = docs.iter().flat_map(|d| &d.quotes).collect();
    let direct = all.iter().filter(|q| q.kind == GoldKind::Direct).count();
    let speech = all.iter().filter(|q| q.speech).count();
    let with_speaker = all.iter().filter(|q| !q.speaker.is_empty()).count();
    let pct = |n: usize| 100.0 * n as f64 / all.len().max(1) as f64;
    eprintln!(
        "{name}: {} docs, {} quotes, {} with a speaker; Direct {direct} ({:.1}%), speech cue {speech} ({:.1}%)",
        docs.len(),
        all.len(),
        with_speaker,
        pct(direct),
        pct(speech)
    );
    (all.len(), with_speaker)
}

fn load(dir: &Path, sub: &str) -> Vec<GoldDoc> {
    quotes::load(&dir.join(sub), Some("dev")).unwrap()
}

#[test]
fn quotes_dev_splits_load_with_readme_counts() {
    let Some(dir) = data_dir() else { return };

    let polnear = load(&dir, "quotes-polnear");
    check_spans(&polnear);
    assert_eq!(polnear.len(), 94, "PolNeAR dev annotation lines");
    assert!(polnear.iter().all(|d| d.lang == "en"));
    assert_eq!(stats("PolNeAR dev", &polnear), (2_320, 2_186));

    let german = load(&dir, "quotes-german-wikinews");
    check_spans(&german);
    assert_eq!(german.len(), 150, "German WikiNews dev docs");
    assert!(german.iter().all(|d| d.lang == "de"));
    assert_eq!(stats("German WikiNews dev", &german), (653, 610));
    let direct = german
        .iter()
        .flat_map(|d| &d.quotes)
        .filter(|q| q.label.as_deref() == Some("Direct"))
        .count();
    assert_eq!(direct, 136);

    // A missing split is a clear error.
    let err = quotes::load(&dir.join("quotes-polnear"), Some("test")).unwrap_err();
    assert!(err.to_string().contains("_test.jsonl"), "{err}");
}
