#![allow(clippy::unwrap_used)]

use super::*;

const EN: &str = "The foreign minister said on Tuesday that negotiations with the rebels would \
    continue next week in Geneva, despite the collapse of the ceasefire over the weekend.";
const DE: &str = "Der Außenminister sagte am Dienstag, die Verhandlungen mit den Rebellen würden \
    in der nächsten Woche in Genf fortgesetzt, trotz des Scheiterns der Waffenruhe.";

fn surfaces<'a>(text: &'a str, a: &Analysis) -> Vec<&'a str> {
    a.tokens.iter().map(|t| t.span.slice(text).unwrap()).collect()
}

#[test]
fn analyzer_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Analyzer>();
}

#[test]
fn detects_english_and_german() {
    let an = Analyzer::new();
    let a = an.analyze(EN, None);
    assert_eq!(a.lang.map(Lang::code), Some("en"));
    assert!(a.lang_reliable);
    assert!(a.lang_confidence > 0.5);
    let d = an.analyze(DE, None);
    assert_eq!(d.lang.map(Lang::code), Some("de"));
    assert!(d.lang_reliable);
    // A reliable detection on a long text beats a wrong declaration.
    let d = an.analyze(DE, Some("en"));
    assert_eq!(d.lang.map(Lang::code), Some("de"));
}

#[test]
fn declared_language_wins_on_short_or_unreliable_text() {
    let an = Analyzer::new();
    // Too short to trust whatlang.
    let a = an.analyze("Mehr Geld", Some("de"));
    assert_eq!(a.lang.map(Lang::code), Some("de"));
    let a = an.analyze("Kyiv", Some("uk-UA"));
    assert_eq!(a.lang.map(Lang::code), Some("uk"));
    assert!(!a.lang_reliable);
    // Unknown declared code: fall back to the guess.
    let a = an.analyze(EN, Some("xx"));
    assert_eq!(a.lang.map(Lang::code), Some("en"));
}

#[test]
fn empty_text() {
    let an = Analyzer::new();
    let a = an.analyze("", None);
    assert_eq!(a.lang, None);
    assert!(!a.lang_reliable);
    assert!(a.sentences.is_empty() && a.tokens.is_empty());
    let a = an.analyze("  \n\n ", Some("fr"));
    assert_eq!(a.lang.map(Lang::code), Some("fr"));
    assert!(a.sentences.is_empty() && a.tokens.is_empty());
}

#[test]
fn offsets_slice_back() {
    let an = Analyzer::new();
    let text = "„Wir schaffen das“, sagte Angela Merkel am 31. August 2015.\n\nDie Lage ist ernst — 5,5 % mehr.";
    let a = an.analyze(text, Some("de"));
    assert_eq!(
        surfaces(text, &a),
        [
            "Wir", "schaffen", "das", "sagte", "Angela", "Merkel", "am", "31", "August", "2015",
            "Die", "Lage", "ist", "ernst", "5,5", "mehr"
        ]
    );
    for t in &a.tokens {
        let s = a.sentences[t.sentence as usize];
        assert!(s.start <= t.span.start && t.span.end <= s.end);
    }
    assert_eq!(a.sentences.len(), 2);
    assert_eq!(a.tokens.last().map(|t| t.sentence), Some(1));
}

#[test]
fn stop_words_and_stems() {
    let an = Analyzer::new();
    let a = an.analyze(EN, None);
    let find = |w: &str| a.tokens.iter().find(|t| t.norm == w).unwrap();
    assert!(find("the").stop && find("that").stop && find("with").stop);
    assert!(!find("minister").stop);
    assert_eq!(find("negotiations").stem, "negoti");
    assert_eq!(find("rebels").stem, "rebel");
    assert_eq!(find("the").stem, "the");

    let d = an.analyze(DE, None);
    let find = |w: &str| d.tokens.iter().find(|t| t.norm == w).unwrap();
    assert!(find("der").stop && find("mit").stop);
    assert_eq!(find("verhandlungen").stem, "verhandl");
    assert_eq!(find("außenminister").norm, "außenminister");
}

#[test]
fn possessives_and_apostrophes() {
    let an = Analyzer::new();
    let text = "Rubio\u{2019}s plan and Rubio's team don\u{2019}t agree.";
    let toks = an.tokens(text, Lang::EN);
    assert_eq!(toks[0].norm, "rubio's");
    assert_eq!(toks[0].stem, "rubio");
    assert_eq!(toks[3].stem, "rubio");
    let dont = toks.iter().find(|t| t.norm == "don't").unwrap();
    assert!(dont.stop);
}

#[test]
fn numbers_are_tokens() {
    let an = Analyzer::new();
    let text = "About 2,000 people, or 5.5%, paid $30 each.";
    let toks = an.tokens(text, Lang::EN);
    let nums: Vec<&str> =
        toks.iter().filter(|t| t.kind == TokenKind::Number).map(|t| t.norm.as_str()).collect();
    assert_eq!(nums, ["2,000", "5.5", "30"]);
    assert!(
        toks.iter().filter(|t| t.kind == TokenKind::Number).all(|t| !t.stop && t.stem == t.norm)
    );
}

#[test]
fn french_elision() {
    let an = Analyzer::new();
    let text = "L'homme qu'il a vu aujourd'hui";
    let toks = an.tokens(text, Lang::FR);
    let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
    assert_eq!(norms, ["l'", "homme", "qu'", "il", "a", "vu", "aujourd'hui"]);
    assert!(toks[0].stop && toks[2].stop && !toks[1].stop);
}

#[test]
fn languages_without_stemmer_keep_norm() {
    let an = Analyzer::new();
    let uk = Lang::from_code("uk").unwrap();
    let toks = an.tokens("Переговори тривають", uk);
    assert_eq!(toks[0].stem, "переговори");
    assert!(!toks[0].stop);
    let ru = Lang::from_code("ru").unwrap();
    let toks = an.tokens("Переговоры продолжаются и", ru);
    assert_ne!(toks[0].stem, toks[0].norm);
    assert!(toks[2].stop);
}

#[test]
fn every_language_builds() {
    let an = Analyzer::new();
    for l in Lang::all() {
        let a = an.tokens("Test text. More", l);
        assert_eq!(a.len(), 3, "{l}");
    }
}
