#![allow(clippy::unwrap_used)]

use super::*;

fn split_en(text: &str) -> Vec<&str> {
    split_as(text, Lang::from_code("en"))
}

fn split_de(text: &str) -> Vec<&str> {
    split_as(text, Lang::from_code("de"))
}

fn split_as(text: &str, lang: Option<Lang>) -> Vec<&str> {
    let mut out = Vec::new();
    split(text, &Rules::new(lang), &mut out);
    out.iter().map(|s| s.slice(text).unwrap()).collect()
}

#[test]
fn titles_do_not_split() {
    assert_eq!(
        split_en("Mr. Smith went to Washington. He met Dr. Jones there."),
        ["Mr. Smith went to Washington.", "He met Dr. Jones there."]
    );
}

#[test]
fn dotted_acronyms() {
    assert_eq!(
        split_en("The U.S. Secretary of State arrived. Talks began."),
        ["The U.S. Secretary of State arrived.", "Talks began."]
    );
    // Before a frequent sentence starter an acronym does end the sentence.
    assert_eq!(
        split_en("Sanctions hit the U.S. The talks failed."),
        ["Sanctions hit the U.S.", "The talks failed."]
    );
    assert_eq!(
        split_en("Some fruits, e.g. apples, are red. Others, i.e. Pears, are not."),
        ["Some fruits, e.g. apples, are red.", "Others, i.e. Pears, are not."]
    );
    assert_eq!(
        split_en("The vote is at 3 p.m. Monday. Results follow."),
        ["The vote is at 3 p.m. Monday.", "Results follow."]
    );
}

#[test]
fn months_and_numbers() {
    assert_eq!(
        split_en("On Jan. 5 the talks resumed. They ended Feb. 10."),
        ["On Jan. 5 the talks resumed.", "They ended Feb. 10."]
    );
    assert_eq!(
        split_en("He lives at No. 10 Downing Street. It is old."),
        ["He lives at No. 10 Downing Street.", "It is old."]
    );
    assert_eq!(
        split_en("Prices rose 5.5 percent. Wages fell."),
        ["Prices rose 5.5 percent.", "Wages fell."]
    );
    assert_eq!(
        split_en("It happened in 2020. 15 people died."),
        ["It happened in 2020.", "15 people died."]
    );
}

#[test]
fn initials() {
    assert_eq!(
        split_en("J. R. R. Tolkien wrote it. Readers loved it."),
        ["J. R. R. Tolkien wrote it.", "Readers loved it."]
    );
    assert_eq!(split_en("President George W. Bush spoke."), ["President George W. Bush spoke."]);
}

#[test]
fn question_and_exclamation() {
    assert_eq!(
        split_en("Is it true? Yes! It is. Really."),
        ["Is it true?", "Yes!", "It is.", "Really."]
    );
    assert_eq!(split_en("\u{201c}Why?\u{201d} he asked."), ["\u{201c}Why?\u{201d} he asked."]);
    assert_eq!(
        split_en("He paused... Then he left... and came back."),
        ["He paused...", "Then he left... and came back."]
    );
}

#[test]
fn lower_case_continues() {
    assert_eq!(split_en("It rose 3 pct. in May."), ["It rose 3 pct. in May."]);
}

#[test]
fn closing_quotes() {
    assert_eq!(
        split_en("\u{201c}We will win,\u{201d} he said.\u{201d} Next came more."),
        ["\u{201c}We will win,\u{201d} he said.\u{201d}", "Next came more."]
    );
    assert_eq!(split_en("He said \"stop.\" Then he left."), ["He said \"stop.\"", "Then he left."]);
    assert_eq!(split_en("(See the map.) Troops moved."), ["(See the map.)", "Troops moved."]);
    assert_eq!(
        split_en("He left. \u{201c}Never again,\u{201d} he said."),
        ["He left.", "\u{201c}Never again,\u{201d} he said."]
    );
}

#[test]
fn line_breaks() {
    assert_eq!(split_en("Para one\n\nPara two."), ["Para one", "Para two."]);
    assert_eq!(
        split_en("First line without period\nSecond line here."),
        ["First line without period", "Second line here."]
    );
    assert_eq!(split_en("  Padded.  \r\n\r\n  Next.  "), ["Padded.", "Next."]);
    assert_eq!(split_en("Line with Mr.\nSmith"), ["Line with Mr.", "Smith"]);
}

#[test]
fn empty_and_blank() {
    assert!(split_en("").is_empty());
    assert!(split_en(" \n\n \t").is_empty());
    assert_eq!(split_en("No terminator"), ["No terminator"]);
}

#[test]
fn german_rules() {
    assert_eq!(
        split_de("Das Treffen fand am 5. März statt. Danach ging er."),
        ["Das Treffen fand am 5. März statt.", "Danach ging er."]
    );
    assert_eq!(
        split_de("Er kam am 3. Oktober 2020 an. Im 20. Jahrhundert war das anders."),
        ["Er kam am 3. Oktober 2020 an.", "Im 20. Jahrhundert war das anders."]
    );
    assert_eq!(split_de("Es gibt z.B. Äpfel. Und Birnen."), ["Es gibt z.B. Äpfel.", "Und Birnen."]);
    assert_eq!(split_de("Es gibt z. B. Äpfel."), ["Es gibt z. B. Äpfel."]);
    assert_eq!(
        split_de("Dr. Müller sprach mit Hr. Meier. Die Lage ist ernst."),
        ["Dr. Müller sprach mit Hr. Meier.", "Die Lage ist ernst."]
    );
    // A number ending a sentence before a starter still splits.
    assert_eq!(
        split_de("Der Zähler stand bei 5. Das war neu."),
        ["Der Zähler stand bei 5.", "Das war neu."]
    );
    assert_eq!(
        split_de("Die Partei erhielt 2021 Stimmen. Die Wahl war knapp."),
        ["Die Partei erhielt 2021 Stimmen.", "Die Wahl war knapp."]
    );
    // An English text with the same date must split there: the ordinal rule is German-only.
    assert_eq!(split_en("Prices fell 5. Markets rose."), ["Prices fell 5.", "Markets rose."]);
}

#[test]
fn other_scripts() {
    assert_eq!(split_as("東京に行った。大阪も。", None), ["東京に行った。", "大阪も。"]);
    assert_eq!(
        split_as("Он пришёл. Она ушла.", Lang::from_code("ru")),
        ["Он пришёл.", "Она ушла."]
    );
}
