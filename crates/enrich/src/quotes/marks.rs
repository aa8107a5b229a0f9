//! Quotation mark pairs in every common style.

use super::*;

/// A pair of quotation marks: token indices of the opening and closing mark.
#[derive(Debug, Clone, Copy)]
pub(super) struct Marks {
    pub(super) open: usize,
    pub(super) close: usize,
}

pub(super) fn closer_for(open: char) -> &'static [char] {
    match open {
        // Mixed straight and curly marks are common in copy-edited text.
        '\u{201c}' => &['\u{201d}', '"'],
        '\u{201e}' => &['\u{201c}', '\u{201d}'],
        '\u{00ab}' => &['\u{00bb}'],
        '\u{00bb}' => &['\u{00ab}', '\u{00bb}'],
        '\u{201a}' => &['\u{2018}', '\u{2019}'],
        '\u{2018}' => &['\u{2019}'],
        '"' => &['"', '\u{201d}'],
        '\u{201d}' => &['\u{201d}'],
        _ => &[],
    }
}

pub(super) fn is_double_open(c: char) -> bool {
    matches!(c, '\u{201c}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}' | '"')
}

/// Finds quotation mark pairs.
pub(super) fn find_marks(doc: &Doc<'_>) -> Vec<Marks> {
    let toks = &doc.toks;
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let german = doc.lang == parallax_text::Lang::DE;
    for (i, t) in toks.iter().enumerate() {
        // A new paragraph ends an open quote unless it reopens it (English
        // multi-paragraph quotes reopen “ at each paragraph).
        if t.para_start
            && let Some((_, oc)) = open
        {
            if t.punct() == Some(oc) && is_double_open(oc) {
                continue;
            }
            open = None;
        }
        let Some(c) = t.punct() else { continue };
        let prev_end = i.checked_sub(1).map(|p| toks[p].span.end);
        let touches_prev = prev_end == Some(t.span.start);
        let next_touch = toks.get(i + 1).is_some_and(|n| n.span.start == t.span.end);
        if let Some((o, oc)) = open {
            if closer_for(oc).contains(&c) && (c != '"' || touches_prev || !next_touch) {
                // “ closes „ only in German-style pairs; an English “ inside a
                // “ quote means the closer was lost: restart there.
                out.push(Marks { open: o, close: i });
                open = None;
                continue;
            }
            if oc == '\u{2018}' || oc == '\u{201a}' {
                // A single-mark quote cannot hold a double one: it was an
                // apostrophe.
                if is_double_open(c) {
                    open = Some((i, c));
                }
                continue;
            }
            if c == oc && c != '"' {
                open = Some((i, c));
            }
            continue;
        }
        let opens = match c {
            '\u{201c}' => !german || !touches_prev,
            '\u{201e}' | '\u{00ab}' => true,
            '\u{00bb}' => !touches_prev || i == 0,
            '"' => !touches_prev && next_touch,
            '\u{2018}' | '\u{201a}' => !touches_prev && next_touch,
            // A closing mark cannot open a paragraph: there it is a typo for
            // “ (”Fear. I am truly afraid …”).
            '\u{201d}' => t.para_start,
            _ => false,
        };
        // A transcript's turn, `"PENCE: Well, look, …`: the mark opens the
        // paragraph and the speaker label follows; the turn is not a
        // quotation of its own (the label holds it, see `reported`).
        let label = t.para_start && transcript_label(doc, i + 1).is_some();
        if opens && !label {
            open = Some((i, c));
        }
    }
    // Multi-paragraph: a quote whose paragraph ended while open was dropped
    // above unless the next paragraph reopened it; the reopened mark was
    // skipped, so the pair spans the paragraphs.
    out
}

/// The colon of an all-capitals speaker label starting at token `i`
/// ("PENCE:", "JOEL BENENSON:"), at most three words.
pub(super) fn transcript_label(doc: &Doc<'_>, i: usize) -> Option<usize> {
    let toks = &doc.toks;
    let colon = (i + 1..(i + 4).min(toks.len())).find(|&x| toks[x].is_punct(':'))?;
    let words = (i..colon).all(|x| {
        toks[x].is_word()
            && toks[x].text.chars().any(char::is_alphabetic)
            && toks[x].text.chars().all(|c| !c.is_lowercase())
    });
    (words && toks[colon].sentence == toks[i].sentence).then_some(colon)
}
