//! Quotes and their speakers.
//!
//! 1. **Direct quotes**: pairs of quotation marks in every common style
//!    (“…” "…" «…» „…“ „…” »…« ‚…‘ ‘…’), with English multi-paragraph quotes
//!    (a paragraph that ends inside a quote and a next one that reopens it).
//! 2. **Attribution** of each direct quote, after it (`“…,” Rubio said.`,
//!    `“…,” said Rubio.`, `„…“, so der Minister.`) or before it
//!    (`Rubio told reporters: “…”`). A quote split around its attribution
//!    (`“A,” he said, “B.”`) becomes one quote of two parts. A quote with
//!    no attribution of its own that follows an attributed one inherits its
//!    speaker (a "floating" quote).
//! 3. **Partial quotes** inside reported speech: `dismissed what he called
//!    “hysteria and hyperbole”`.
//! 4. **Indirect speech**: `X said (that) …`, `…, X said.`, `…, said X.`,
//!    `According to X, …`; in German `X sagte, …`, `…, sagte X.`,
//!    `Laut X …`, `X zufolge …`, and Konjunktiv-I sentences that continue
//!    an attributed one. Reported content that contains a quotation is
//!    `mixed`.
//! 5. **Speakers**: the name in the attribution; a pronoun resolved to the
//!    latest person of compatible gender; a description ("the Kremlin
//!    spokesman") resolved to the person whose role it names, or kept as
//!    written when the article names nobody for it. Nothing is guessed.

use parallax_model::Span;
use serde::Serialize;

use crate::entities::{EntityKind, EntityTable};
use crate::lexicon::Gender;
use crate::rules::Rules;
use crate::stream::Doc;

mod marks;
mod phrases;
mod reported;
mod speakers;

use marks::*;
use phrases::*;
use reported::*;
use speakers::*;

/// Direct, indirect or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Inside quotation marks.
    Direct,
    /// Reported speech without quotation marks.
    Indirect,
    /// Reported speech that contains a quoted part.
    Mixed,
}

/// How the speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerResolution {
    /// A name in the attribution.
    Name,
    /// A pronoun, resolved to its antecedent.
    Pronoun,
    /// A title or description resolved to a person the article names.
    Description,
    /// Written as a pronoun or description nobody in the article is named
    /// for; kept as written.
    Unresolved,
    /// Inherited from the previous quote (no attribution of its own).
    Inherited,
}

/// Who said it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speaker {
    /// Byte span of the speaker as written in the attribution, if written
    /// there (a floating quote inherits its speaker without one).
    pub span: Option<Span>,
    /// The speaker as written ("he", "the Kremlin spokesman", "Rubio").
    pub text: String,
    /// Index into the extraction's entities, when resolved to one.
    pub entity: Option<usize>,
    /// How the speaker was found.
    pub resolution: SpeakerResolution,
}

/// One quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// Content pieces, in order; a quote split around its attribution has
    /// two. Direct pieces include their quotation marks.
    pub parts: Vec<Span>,
    /// The cue ("said", "told", "according to"), if any.
    pub cue: Option<Span>,
    /// True when the cue reports speech; false for beliefs and findings
    /// ("believes", "found").
    pub speech: bool,
    /// The speaker, if any.
    pub speaker: Option<Speaker>,
}

impl Quote {
    /// From the start of the first part to the end of the last.
    pub fn span(&self) -> Span {
        let start = self.parts.first().map_or(0, |s| s.start as usize);
        let end = self.parts.last().map_or(0, |s| s.end as usize);
        Span::new(start, end)
    }
}

/// A quote before speaker resolution: kind, content token ranges, its
/// attribution, and whether it reads as a sentence of its own.
type RawQuote = (QuoteKind, Vec<(usize, usize)>, Option<Attribution>, bool);

/// What an attribution found: the speaker phrase and the cue.
#[derive(Debug, Clone)]
struct Attribution {
    /// Token range of the speaker phrase.
    speaker: (usize, usize),
    /// Token range of the cue.
    cue: (usize, usize),
    speech: bool,
}

/// Finds the quotes of `doc`. Resolved pronouns and descriptions are added
/// to the entities' mentions.
pub(crate) fn find(doc: &Doc<'_>, table: &mut EntityTable) -> Vec<Quote> {
    let rules = Rules::for_lang(doc.lang);
    let toks = &doc.toks;
    let marks = find_marks(doc);
    // Tokens inside direct quotes, and cue tokens already used.
    let mut quoted = vec![false; toks.len()];
    for m in &marks {
        for q in &mut quoted[m.open..=m.close] {
            *q = true;
        }
    }
    let mut used = vec![false; toks.len()];
    let mut raw: Vec<RawQuote> = Vec::new();

    // Direct quotes.
    let mut k = 0;
    while k < marks.len() {
        let m = marks[k];
        let words = (m.open + 1..m.close).filter(|&i| toks[i].is_word()).count();
        let starts_clause = clause_start(doc, m.open);
        // A quotation inside its clause that ends its sentence (`Bush called
        // Trump “unhinged.” Rubio called …`) has no attribution after it:
        // what follows is the next sentence.
        let ends_sentence = m.close > m.open + 1
            && toks[m.close - 1].punct().is_some_and(|c| matches!(c, '.' | '!' | '?'))
            && toks.get(m.close + 1).is_some_and(|t| t.cap);
        // `X said, “A.” He added, “B.”`: an attribution after a quotation
        // that ends its sentence, which itself ends in a comma or colon
        // before the next quotation, introduces that one.
        let post = attribution_after(doc, rules, m.close, &quoted)
            .filter(|_| starts_clause || !ends_sentence)
            .filter(|a| {
                let end = a.speaker.1.max(a.cue.1);
                !(ends_sentence
                    && toks.get(end).is_some_and(|t| matches!(t.punct(), Some(',' | ':')))
                    && marks.get(k + 1).is_some_and(|n| n.open == end + 1))
            });
        let pre = attribution_before(doc, rules, m.open, &quoted);
        let called = partial_after_called(doc, rules, m.open);
        let mut parts = vec![(m.open, m.close + 1)];
        let attr = post.clone().or(pre.clone()).or(called.clone());
        // A split quote, “A,” he said, “B.”, and quotes that carry on in the
        // same paragraph after the attribution, “A,” he said. “B.” “C.”, are
        // one utterance of several parts.
        if let Some(a) = &post {
            let mut after = a.speaker.1.max(a.cue.1);
            while let Some(n) = marks.get(k + 1) {
                // Between the parts: punctuation, or the rest of the
                // attribution ("told Stumpf,", "(R-Utah).") ending in a comma,
                // colon or full stop, with no other cue.
                let gap = after..n.open;
                let words = gap.clone().filter(|&i| toks[i].is_word()).count();
                // A participle clause about the speaker ("…, suggesting
                // that …") does not end the utterance; a new cue does.
                let introduces = n.open.checked_sub(1).is_some_and(|p| toks[p].is_punct(':'));
                let gap_ok = gap.clone().all(|i| {
                    toks[i].is_word()
                        && (cue_at(doc, rules, i).is_none()
                            || (is_aside_participle(&toks[i].lower) && !introduces))
                        || toks[i].punct().is_some_and(|c| {
                            matches!(c, ',' | ':' | '.' | '(' | ')' | '-' | '\u{2013}' | '\u{2014}')
                        })
                }) && words <= 8
                    && (words == 0
                        || n.open.checked_sub(1).is_some_and(|p| {
                            toks[p].punct().is_some_and(|c| matches!(c, ',' | ':' | '.'))
                        }));
                // `“A,” Clinton said. She then addressed the supporters
                // again: “B.”`: a new sentence that introduces the next
                // quotation is an attribution of its own.
                let new_intro = introduces
                    && words > 0
                    && gap.clone().any(|i| {
                        toks[i].is_word()
                            && toks[i].sentence != toks[after.saturating_sub(1)].sentence
                    });
                let same_para = !toks[n.open].para_start && !new_intro;
                let own = attribution_after(doc, rules, n.close, &quoted).is_some();
                if !(gap_ok && same_para && !own) {
                    break;
                }
                parts.push((n.open, n.close + 1));
                after = n.close + 1;
                k += 1;
            }
        }
        let is_partial = !starts_clause && called.is_none() && attr.is_none();
        // A short quoted phrase in Title Case is a title ("Sunday Morning
        // Futures", "Guardians of the Galaxy"), not words someone said.
        // (Not in German, where every noun is capitalised.)
        let title = !rules.is_german() && words <= 6 && parts.len() == 1 && {
            let ws: Vec<&crate::stream::Tok<'_>> =
                (m.open + 1..m.close).map(|x| &toks[x]).filter(|t| t.is_word()).collect();
            ws.first().is_some_and(|t| t.cap)
                && ws.iter().all(|t| {
                    t.cap
                        || matches!(
                            t.lower.as_str(),
                            "of" | "the"
                                | "a"
                                | "an"
                                | "and"
                                | "in"
                                | "on"
                                | "for"
                                | "to"
                                | "with"
                                | "is"
                        )
                })
                && ws.iter().filter(|t| t.cap).count() >= 2.min(ws.len())
                && !ws.iter().any(|t| rules.pronoun(&t.lower).is_some())
        };
        // Unless a verb of speaking or singing introduces it and it ends in
        // its own full stop: `singing "It's Our Time."`.
        // A headline's "Name: ‘Quote.’" too.
        let uttered =
            pre.as_ref().is_some_and(|a| toks[a.cue.0].is_word() || toks[a.cue.0].is_punct(':'))
                && ends_in_own_stop(toks, m.open + 1, m.close);
        let title = title && !uttered;
        // “Technicals,” Bob said: a word someone said, not a title. A title's
        // attribution stays free for the reported speech after it: `On
        // “Sunday Morning Futures,” Rep. Darrell Issa said …`.
        if title && !(post.is_some() && starts_clause) {
            k += 1;
            continue;
        }
        if let Some(a) = &attr {
            for u in &mut used[a.cue.0..a.cue.1] {
                *u = true;
            }
            for u in &mut used[a.speaker.0..a.speaker.1] {
                *u = true;
            }
        }
        // "P, X said, “…”": the quotation carries on the clause P opened, and
        // what was said is P, the quotation and the rest of the sentence.
        let prefix = match (&post, &pre) {
            (None, Some(a)) if parts.len() == 1 => {
                let s0 = doc.sentence_toks.get(toks[m.open].sentence as usize).map_or(0, |s| s.0);
                // `When Brafman thanked him, he replied, “This was …”`: a
                // quotation that opens with a capital starts its own sentence,
                // and a subordinate clause before the attribution only sets
                // the scene.
                let capital =
                    (m.open + 1..m.close).find(|&x| toks[x].is_word()).is_some_and(|x| toks[x].cap);
                parenthetical_prefix(doc, rules, s0, a.speaker, a.cue, &quoted)
                    .filter(|&(_, _, r0)| r0 == m.open)
                    .filter(|&(p0, _, _)| !(capital && is_subordinator(&toks[p0].lower)))
            }
            _ => None,
        };
        if let Some((p0, p1, _)) = prefix {
            let close_end = m.close + 1;
            let sentence = toks[m.open].sentence;
            let e = rest_of_sentence(doc, rules, sentence, close_end, &quoted).unwrap_or(close_end);
            raw.push((QuoteKind::Mixed, vec![(p0, p1), (m.open, e)], attr, false));
            k += 1;
            continue;
        }
        // German quoted words inside a clause look for the clause's cue below.
        let german_partial = rules.is_german() && attr.is_none() && is_partial;
        if words > 0 && (words >= 4 || (attr.is_some() && !is_partial)) && !german_partial {
            // A signature after a dash closes a quotation that opens its
            // own sentence: nothing before the mark is part of it.
            let spoken_after = post.as_ref().is_some_and(|a| toks[a.cue.0].punct().is_none());
            let widened = called
                .is_none()
                .then(|| {
                    widen_partial(doc, rules, &mut parts, &quoted, spoken_after, starts_clause)
                })
                .flatten();
            let sentence_like = widened.is_none() && (starts_clause || post.is_some());
            raw.push((widened.unwrap_or(QuoteKind::Direct), parts, attr, sentence_like));
        } else if called.is_some() {
            raw.push((QuoteKind::Direct, parts, called, false));
        } else if rules.is_german() && words > 0 {
            // German news marks quoted words inside reported speech as
            // direct quotes of their own: nannte den Bericht „Zeitungsente“.
            // A quoted name („France Football“) has no cue beside it.
            let sentence = toks[m.open].sentence;
            let (s0, s1) = doc.sentence_toks.get(sentence as usize).copied().unwrap_or((0, 0));
            let cue = (s0..s1).find(|&x| !quoted[x] && cue_at(doc, rules, x).is_some());
            let title = (m.open + 1..m.close).filter(|&x| toks[x].is_word()).all(|x| toks[x].cap)
                && words > 1;
            if let (Some(c), false) = (cue, title) {
                let cue_end = cue_at(doc, rules, c).map_or(c + 1, |(e, _)| e);
                let speaker = np_before(doc, rules, c)
                    .filter(|np| plausible_speaker(doc, rules, &EntityTable::default(), *np))
                    .or_else(|| np_with_apposition(doc, rules, s0, c))
                    .or_else(|| np_after(doc, rules, cue_end).filter(|np| np.1 <= s1));
                let attr =
                    speaker.map(|sp| Attribution { speaker: sp, cue: (c, cue_end), speech: true });
                raw.push((QuoteKind::Direct, parts, attr, false));
            } else if words >= 4 {
                // No cue in the clause: a quote that may inherit a speaker.
                raw.push((QuoteKind::Direct, parts, None, false));
            }
        }
        k += 1;
    }

    // Indirect speech, sentence by sentence. In German, a sentence in
    // Konjunktiv I right after reported speech carries it on (free indirect
    // speech) and inherits its speaker.
    let mut reported_in: Option<usize> = None; // sentence of the last attributed quote
    for (si, &(s0, s1)) in doc.sentence_toks.iter().enumerate() {
        let mut scan = Scan { s0, from: s0, carry: None };
        let mut reported = false;
        if let Some(q) = asked_question(doc, rules, (s0, s1), &quoted, &mut used) {
            raw.push(q);
        }
        // The rest of the sentence's reports end before a closing
        // "…, according to X."
        let s1 = match trailing_according(doc, rules, (s0, s1), &quoted, &mut used) {
            Some((q, cut)) => {
                raw.push(q);
                cut
            }
            None => s1,
        };
        while let Some((q, next)) = indirect_in_sentence(doc, rules, scan, s1, &quoted, &mut used) {
            let carry = q.2.as_ref().map(|a| a.speaker);
            raw.push(q);
            reported = true;
            match next {
                Some(n) if n > scan.from => scan = Scan { s0, from: n, carry },
                _ => break,
            }
        }
        if reported {
            reported_in = Some(si);
            continue;
        }
        let has_direct = (s0..s1).any(|x| quoted[x]);
        if has_direct {
            if raw
                .iter()
                .any(|r| r.2.is_some() && r.1.iter().any(|&(a, _)| toks[a].sentence as usize == si))
            {
                reported_in = Some(si);
            }
            continue;
        }
        if rules.is_german()
            && reported_in.is_some_and(|r| si <= r + 2)
            && konjunktiv_one(doc, s0, s1)
        {
            let mut e = s1;
            while e > s0 && toks[e - 1].punct().is_some_and(|c| matches!(c, '.' | '!' | '?')) {
                e -= 1;
            }
            if e > s0 + 2 {
                raw.push((QuoteKind::Indirect, vec![(s0, e)], None, false));
                reported_in = Some(si);
            }
        }
    }
    raw.sort_by_key(|(_, parts, _, _)| parts.first().map_or(0, |p| p.0));

    // Mixed: reported content holding a quotation absorbs it.
    let mut drop = vec![false; raw.len()];
    for a in 0..raw.len() {
        if raw[a].0 != QuoteKind::Indirect {
            continue;
        }
        let (ia, ib) = (raw[a].1[0].0, raw[a].1[raw[a].1.len() - 1].1);
        let mut mixed = false;
        for b in 0..raw.len() {
            if b != a && raw[b].0 == QuoteKind::Direct {
                let (da, db) = (raw[b].1[0].0, raw[b].1[raw[b].1.len() - 1].1);
                if da >= ia && db <= ib {
                    // German keeps quoted words as quotes of their own too.
                    drop[b] = !rules.is_german();
                    mixed = true;
                } else if da >= ia && da < ib && raw[b].2.is_none() && raw[b].1.len() == 1 {
                    // A quotation opened inside the reported content runs
                    // past where the sentence splitter ended it ("the laws
                    // “are set… And I think we have to leave it that way.”"):
                    // the content runs to its closing mark.
                    let last = raw[a].1.len() - 1;
                    raw[a].1[last].1 = db;
                    drop[b] = true;
                    mixed = true;
                }
            }
        }
        if !mixed && marks.iter().any(|m| m.open >= ia && m.close < ib) {
            mixed = true;
        }
        if mixed {
            raw[a].0 = QuoteKind::Mixed;
        }
    }

    // Floating quotes (no attribution of their own) next to an attributed
    // direct quote are more of the same utterance: “A,” X said. ¶ “B.” is
    // one quote of two parts, and so is “A.” ¶ “B,” X said.
    let sentence_of = |t: usize| toks[t].sentence as usize;
    for i in 0..raw.len() {
        if drop[i] || raw[i].0 != QuoteKind::Direct || raw[i].2.is_some() {
            continue;
        }
        let first = sentence_of(raw[i].1[0].0);
        let last = sentence_of(raw[i].1[raw[i].1.len() - 1].1.saturating_sub(1));
        let anchor = |j: usize| !drop[j] && raw[j].0 == QuoteKind::Direct && raw[j].2.is_some();
        // Across a paragraph break, a floating quote carries on the quote
        // before it only once: a second paragraph of quotation is a quote of
        // its own (its speaker is inherited below), so a long transcript
        // does not become one quote.
        let para_between = |a: usize, b: usize| (a + 1..=b).any(|t| toks[t].para_start);
        let prev = (0..i).rev().find(|&j| !drop[j]).filter(|&j| {
            let (start, end) = (raw[j].1[0].0, raw[j].1[raw[j].1.len() - 1].1.saturating_sub(1));
            anchor(j)
                && first <= sentence_of(end) + 2
                && (!para_between(start, end) || !para_between(end, raw[i].1[0].0))
        });
        let next = (i + 1..raw.len())
            .find(|&j| !drop[j])
            .filter(|&j| anchor(j) && sentence_of(raw[j].1[0].0) <= last + 1);
        let parts = raw[i].1.clone();
        if let Some(j) = prev {
            raw[j].1.extend(parts);
            drop[i] = true;
        } else if let Some(j) = next {
            let mut all = parts;
            all.append(&mut raw[j].1);
            raw[j].1 = all;
            drop[i] = true;
        }
    }

    // Speakers, in text order so floating quotes and pronouns see the past.
    let mut out: Vec<Quote> = Vec::new();
    let mut last: Option<(Speaker, usize)> = None; // speaker, sentence of the quote
    for (idx, (kind, parts, attr, sentence_like)) in raw.into_iter().enumerate() {
        if drop[idx] {
            continue;
        }
        let first_sentence = toks[parts[0].0].sentence as usize;
        let (speaker, cue, speech) = match &attr {
            // A questioner nobody names ("Asked if …, she said"): the cue
            // and no speaker.
            Some(a) if a.speaker.0 == a.speaker.1 => {
                (None, Some(doc.span_of(a.cue.0, a.cue.1)), a.speech)
            }
            Some(a) => (
                Some(resolve_speaker(doc, rules, table, &quoted, a, out.last())),
                Some(doc.span_of(a.cue.0, a.cue.1)),
                a.speech,
            ),
            None => {
                // Floating: inherit from a quote in the previous two sentences.
                let inherited =
                    last.as_ref().filter(|(_, s)| first_sentence <= s + 2).map(|(sp, _)| Speaker {
                        span: sp.span,
                        text: sp.text.clone(),
                        entity: sp.entity,
                        resolution: SpeakerResolution::Inherited,
                    });
                if inherited.is_none() && !(kind == QuoteKind::Direct && sentence_like) {
                    continue;
                }
                (inherited, None, true)
            }
        };
        let last_tok = parts[parts.len() - 1].1.saturating_sub(1);
        if let Some(sp) = &speaker {
            last = Some((sp.clone(), toks[last_tok].sentence as usize));
        }
        let spans = parts.iter().map(|&(a, b)| trim_content(doc, a, b)).collect();
        out.push(Quote { kind, parts: spans, cue, speech, speaker });
    }
    out
}

/// A direct quote that is only part of its clause is reported speech with
/// a quoted part (mixed), and its content is the whole clause, as the gold
/// corpora mark it:
/// * attributed after it, with words of its clause before the mark: `He was
///   a “respected manager,” Boistard said.` → `He was a “respected
///   manager,”`;
/// * attributed before it, opened right after the cue, with more of the
///   sentence after the mark: `Sanders said “the wind is at our backs”
///   despite his loss.` → `“the wind is at our backs” despite his loss`.
///
/// Widens the first or last of `parts` and returns [`QuoteKind::Mixed`];
/// `None` leaves the quote direct.
fn widen_partial(
    doc: &Doc<'_>,
    rules: &Rules,
    parts: &mut [(usize, usize)],
    quoted: &[bool],
    attributed_after: bool,
    starts_clause: bool,
) -> Option<QuoteKind> {
    let toks = &doc.toks;
    // German corpora keep quoted words as direct quotes of their own.
    if starts_clause || rules.is_german() {
        return None;
    }
    let (open, close_end) = (parts.first()?.0, parts.last()?.1);
    let sentence = toks[open].sentence;
    let content_word = |x: usize| {
        toks[x].is_word() && !matches!(toks[x].lower.as_str(), "and" | "but" | "so" | "or")
    };
    if attributed_after {
        let mut s = open;
        while s > 0
            && !toks[s].para_start
            && toks[s - 1].sentence == sentence
            && !quoted[s - 1]
            && !matches!(
                toks[s - 1].punct(),
                Some(':' | ';' | '-' | '\u{2013}' | '\u{2014}' | '\u{2015}')
            )
        {
            s -= 1;
        }
        let prefix = s..open;
        if !prefix.clone().any(content_word)
            || prefix.clone().any(|x| cue_at(doc, rules, x).is_some())
        {
            return None;
        }
        parts[0].0 = s;
        return Some(QuoteKind::Mixed);
    }
    let before = open.checked_sub(1).map(|p| &toks[p])?;
    if !(before.is_word() && rules.cue(&before.lower).is_some()) || parts.len() != 1 {
        return None;
    }
    // A whole utterance, capitalised and closed by its own full stop,
    // question or exclamation mark, stays a quote of its own: `chanted
    // “What curfew?” and kept going`.
    let first_word = (open..close_end).find(|&x| toks[x].is_word());
    let utterance = first_word.is_some_and(|x| toks[x].cap)
        && ends_in_own_stop(toks, open, close_end.saturating_sub(1));
    if utterance {
        return None;
    }
    let e = rest_of_sentence(doc, rules, sentence, close_end, quoted)?;
    if let Some(last) = parts.last_mut() {
        last.1 = e;
    }
    Some(QuoteKind::Mixed)
}

/// The end of the rest of `sentence` after a quotation that ends at token
/// `close_end` (without its final full stop), when that rest holds content
/// words and neither another quotation nor a cue; `None` otherwise.
fn rest_of_sentence(
    doc: &Doc<'_>,
    rules: &Rules,
    sentence: u32,
    close_end: usize,
    quoted: &[bool],
) -> Option<usize> {
    let toks = &doc.toks;
    let mut e = close_end;
    while e < toks.len() && toks[e].sentence == sentence && !toks[e].para_start {
        if quoted[e] || cue_at(doc, rules, e).is_some() {
            return None;
        }
        e += 1;
    }
    while e > close_end && toks[e - 1].punct().is_some_and(|c| matches!(c, '.' | '!' | '?')) {
        e -= 1;
    }
    let content_word = |x: usize| {
        toks[x].is_word() && !matches!(toks[x].lower.as_str(), "and" | "but" | "so" | "or")
    };
    (close_end..e).any(content_word).then_some(e)
}

/// The content span of tokens `[a, b)` without a final full stop outside
/// quotation marks.
fn trim_content(doc: &Doc<'_>, a: usize, mut b: usize) -> Span {
    while b > a + 1
        && doc.toks[b - 1]
            .punct()
            .is_some_and(|c| matches!(c, '.' | ',' | ';' | ':' | '-' | '\u{2013}' | '\u{2014}'))
    {
        b -= 1;
    }
    doc.span_of(a, b)
}

/// True when the token at `i` starts a clause: sentence or paragraph start,
/// after a colon, or after a dash.
fn clause_start(doc: &Doc<'_>, i: usize) -> bool {
    let toks = &doc.toks;
    if i == 0 || toks[i].para_start {
        return true;
    }
    let p = &toks[i - 1];
    if p.sentence != toks[i].sentence {
        return true;
    }
    matches!(p.punct(), Some(':' | '\u{2013}' | '\u{2014}' | '.' | '?' | '!'))
        || (p.punct() == Some(',')
            && i >= 2
            && cue_at(doc, Rules::for_lang(doc.lang), i - 2).is_some())
}

/// A conjunction that opens a subordinate clause.
fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "when"
            | "while"
            | "once"
            | "because"
            | "although"
            | "though"
            | "if"
            | "as"
            | "after"
            | "before"
            | "since"
            | "until"
            | "whenever"
            | "unless"
    )
}

fn mark(used: &mut [bool], a: usize, b: usize) {
    for u in used.iter_mut().take(b).skip(a) {
        *u = true;
    }
}

/// The content end before a post attribution: the comma before the cue.
fn comma_before(doc: &Doc<'_>, s0: usize, k: usize) -> usize {
    let mut e = k;
    while e > s0
        && doc.toks[e - 1].punct().is_some_and(|c| matches!(c, ',' | '\u{2013}' | '\u{2014}'))
    {
        e -= 1;
    }
    e
}

/// Whether the quotation between the marks at `open` and `close` ends in
/// its own full stop, question or exclamation mark, before any inner
/// closing marks (`…?’”`).
fn ends_in_own_stop(toks: &[crate::stream::Tok<'_>], open: usize, close: usize) -> bool {
    (open..close)
        .rev()
        .find(|&x| !quoted_mark(toks, x))
        .is_some_and(|x| toks[x].punct().is_some_and(|c| matches!(c, '.' | '?' | '!')))
}

/// True for a quotation mark token.
fn quoted_mark(toks: &[crate::stream::Tok<'_>], x: usize) -> bool {
    toks[x].punct().is_some_and(|c| {
        matches!(
            c,
            '"' | '\u{201c}'
                | '\u{201d}'
                | '\u{2018}'
                | '\u{2019}'
                | '\u{00ab}'
                | '\u{00bb}'
                | '\''
        )
    })
}
