//! The quotes of every article: those `parallax-enrich` found, plus quoted
//! fragments it left out.
//!
//! A fragment is a short quoted run (at most [`MAX_FRAGMENT_WORDS`] words,
//! not all capitalised, so not a title) outside every extracted quote, in a
//! sentence that names its speaker: a person named before the fragment in
//! the sentence ("Belgian Prime Minister Bart De Wever dismissed the 5
//! percent spending requirement as “unfeasible”"), or a sentence opened by
//! a pronoun, taken to continue the speaker of the latest quote in the two
//! sentences before ("… – Rubio told reporters. He also condemned the
//! «hysteria and exaggeration» in the media").

use parallax_enrich::entities::EntityKind;
use parallax_enrich::quotes::QuoteKind;
use parallax_model::Span;

use crate::contract::QuoteOrigin;
use crate::entities::Merged;
use crate::input::ArticleInput;
use crate::prep::{Prepared, toks_in};
use crate::quotes::QuoteRec;

/// Longest quoted run taken as a fragment, in words.
pub(crate) const MAX_FRAGMENT_WORDS: usize = 25;

const PRONOUNS: &[&str] = &["he", "she", "er", "sie"];

/// Every quote of every article, in article then text order.
pub(crate) fn quotes(arts: &[ArticleInput], preps: &[Prepared], merged: &Merged) -> Vec<QuoteRec> {
    let mut out = Vec::new();
    for (ai, a) in arts.iter().enumerate() {
        let p = &preps[ai];
        let mut recs: Vec<QuoteRec> = a
            .extraction
            .quotes
            .iter()
            .map(|q| {
                let toks = toks_in(&a.text, &p.toks, &q.parts);
                let core = match q.kind {
                    QuoteKind::Direct => toks.clone(),
                    QuoteKind::Mixed => {
                        let runs: Vec<Span> = q
                            .parts
                            .iter()
                            .flat_map(|part| {
                                let base = part.start as usize;
                                let body = part.slice(&a.text).unwrap_or("");
                                quoted_runs(body).into_iter().map(move |r| {
                                    Span::new(base + r.start as usize, base + r.end as usize)
                                })
                            })
                            .collect();
                        toks_in(&a.text, &p.toks, &runs)
                    }
                    QuoteKind::Indirect => Vec::new(),
                };
                QuoteRec {
                    article: ai,
                    kind: q.kind,
                    parts: q.parts.clone(),
                    cue: q.cue,
                    speaker_text: q.speaker.as_ref().map(|s| s.text.clone()),
                    speaker: q
                        .speaker
                        .as_ref()
                        .and_then(|s| s.entity)
                        .and_then(|e| merged.of(ai, e)),
                    origin: QuoteOrigin::Extract,
                    toks,
                    core,
                }
            })
            .collect();
        let found = fragments(a, ai, p, merged, &recs);
        recs.extend(found);
        recs.sort_by_key(|q| q.span().start);
        out.extend(recs);
    }
    out
}

/// The closing mark of an opening quotation mark.
fn closer(c: char) -> Option<char> {
    match c {
        '\u{201c}' => Some('\u{201d}'),
        '\u{00ab}' => Some('\u{00bb}'),
        '\u{201e}' => Some('\u{201c}'),
        '\u{00bb}' => Some('\u{00ab}'),
        '"' => Some('"'),
        _ => None,
    }
}

/// Quoted runs of `text` within one paragraph: byte spans with the marks.
pub(crate) fn quoted_runs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let Some(close) = closer(c) else { continue };
        // A straight quote after a letter is a closing one or an inch mark.
        if c == '"' && text[..i].chars().next_back().is_some_and(char::is_alphanumeric) {
            continue;
        }
        let rest = &text[i + c.len_utf8()..];
        let Some(end) = rest.find([close, '\n']) else { continue };
        if !rest[end..].starts_with(close) || end == 0 {
            continue;
        }
        let stop = i + c.len_utf8() + end + close.len_utf8();
        out.push(Span::new(i, stop));
        while it.peek().is_some_and(|&(j, _)| j < stop) {
            it.next();
        }
    }
    out
}

fn fragments(
    a: &ArticleInput,
    ai: usize,
    p: &Prepared,
    merged: &Merged,
    known: &[QuoteRec],
) -> Vec<QuoteRec> {
    let text = &a.text;
    let sentences = &a.analysis.sentences;
    let covered =
        |s: Span| known.iter().any(|q| q.parts.iter().any(|x| x.start < s.end && s.start < x.end));
    // Person mentions of the article, as (span, merged entity).
    let mut people: Vec<(Span, usize)> = Vec::new();
    for (li, e) in a.extraction.entities.iter().enumerate() {
        if e.kind != EntityKind::Person {
            continue;
        }
        let Some(g) = merged.of(ai, li) else { continue };
        people.extend(e.mentions.iter().map(|&s| (s, g)));
    }
    people.sort_by_key(|(s, _)| s.start);
    let mut out: Vec<QuoteRec> = Vec::new();
    for run in quoted_runs(text) {
        if covered(run) {
            continue;
        }
        let toks = toks_in(text, &p.toks, &[run]);
        if toks.is_empty() || toks.len() > MAX_FRAGMENT_WORDS {
            continue;
        }
        let all_caps = toks.iter().all(|&i| {
            p.toks[i]
                .span
                .slice(text)
                .and_then(|w| w.chars().next())
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        });
        if all_caps {
            continue; // a title or a name: «Kyiv Post»
        }
        let Some(si) = sentences.iter().position(|s| s.start <= run.start && run.end <= s.end)
        else {
            continue;
        };
        let sent = sentences[si];
        let named = people
            .iter()
            .find(|(s, _)| s.start >= sent.start && s.end <= run.start)
            .map(|&(s, g)| (s, g));
        let speaker = match named {
            Some((s, g)) => Some((Some(s), g)),
            None => {
                let first = p.toks.iter().find(|t| t.span.start >= sent.start);
                let pronoun = first
                    .filter(|t| PRONOUNS.contains(&t.norm.as_str()) && t.span.end <= run.start);
                let window = sentences[si.saturating_sub(2)].start;
                pronoun.and_then(|t| {
                    known
                        .iter()
                        .chain(out.iter())
                        .filter(|q| {
                            let sp = q.span();
                            sp.end <= sent.start && sp.start >= window
                        })
                        .max_by_key(|q| q.span().start)
                        .and_then(|q| q.speaker)
                        .map(|g| (Some(t.span), g))
                })
            }
        };
        let Some((at, g)) = speaker else { continue };
        out.push(QuoteRec {
            article: ai,
            kind: QuoteKind::Direct,
            parts: vec![run],
            cue: None,
            speaker_text: at.and_then(|s| s.slice(text)).map(str::to_string),
            speaker: Some(g),
            origin: QuoteOrigin::Fragment,
            core: toks.clone(),
            toks,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_quoted_runs_in_every_style() {
        let t = "He condemned the «hysteria and exaggeration» and “hyperbole”, \"fake\" and „Unsinn“; 5\" pipe.";
        let runs: Vec<&str> = quoted_runs(t).into_iter().filter_map(|s| s.slice(t)).collect();
        assert_eq!(runs, ["«hysteria and exaggeration»", "“hyperbole”", "\"fake\"", "„Unsinn“"]);
        assert!(quoted_runs("“open\nnot closed”").is_empty());
    }
}
