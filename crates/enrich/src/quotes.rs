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

/// A pair of quotation marks: token indices of the opening and closing mark.
#[derive(Debug, Clone, Copy)]
struct Marks {
    open: usize,
    close: usize,
}

fn closer_for(open: char) -> &'static [char] {
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

fn is_double_open(c: char) -> bool {
    matches!(c, '\u{201c}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}' | '"')
}

/// Finds quotation mark pairs.
fn find_marks(doc: &Doc<'_>) -> Vec<Marks> {
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
            _ => false,
        };
        if opens {
            open = Some((i, c));
        }
    }
    // Multi-paragraph: a quote whose paragraph ended while open was dropped
    // above unless the next paragraph reopened it; the reopened mark was
    // skipped, so the pair spans the paragraphs.
    out
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
        let post = attribution_after(doc, rules, m.close, &quoted);
        let pre = attribution_before(doc, rules, m.open, &quoted);
        let called = partial_after_called(doc, rules, m.open);
        let starts_clause = clause_start(doc, m.open);
        let mut parts = vec![(m.open, m.close + 1)];
        let attr = post.clone().or(pre).or(called.clone());
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
                let gap_ok = gap.clone().all(|i| {
                    toks[i].is_word() && cue_at(doc, rules, i).is_none()
                        || toks[i].punct().is_some_and(|c| {
                            matches!(c, ',' | ':' | '.' | '(' | ')' | '-' | '\u{2013}' | '\u{2014}')
                        })
                }) && words <= 8
                    && (words == 0
                        || n.open.checked_sub(1).is_some_and(|p| {
                            toks[p].punct().is_some_and(|c| matches!(c, ',' | ':' | '.'))
                        }));
                let same_para = !toks[n.open].para_start;
                let own = attribution_after(doc, rules, n.close, &quoted).is_some();
                if !(gap_ok && same_para && !own) {
                    break;
                }
                parts.push((n.open, n.close + 1));
                after = n.close + 1;
                k += 1;
            }
        }
        if let Some(a) = &attr {
            for u in &mut used[a.cue.0..a.cue.1] {
                *u = true;
            }
            for u in &mut used[a.speaker.0..a.speaker.1] {
                *u = true;
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
        if title {
            k += 1;
            continue;
        }
        if words > 0 && (words >= 4 || (attr.is_some() && !is_partial)) {
            raw.push((QuoteKind::Direct, parts, attr, starts_clause || post.is_some()));
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
                    .or_else(|| np_after(doc, rules, cue_end).filter(|np| np.1 <= s1));
                let attr =
                    speaker.map(|sp| Attribution { speaker: sp, cue: (c, cue_end), speech: true });
                raw.push((QuoteKind::Direct, parts, attr, false));
            }
        }
        k += 1;
    }

    // Indirect speech, sentence by sentence. In German, a sentence in
    // Konjunktiv I right after reported speech carries it on (free indirect
    // speech) and inherits its speaker.
    let mut reported_in: Option<usize> = None; // sentence of the last attributed quote
    for (si, &(s0, s1)) in doc.sentence_toks.iter().enumerate() {
        if let Some(q) = indirect_in_sentence(doc, rules, s0, s1, &quoted, &mut used) {
            raw.push(q);
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
        let prev = (0..i).rev().find(|&j| !drop[j]).filter(|&j| {
            anchor(j) && first <= sentence_of(raw[j].1[raw[j].1.len() - 1].1.saturating_sub(1)) + 2
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

/// The content span of tokens `[a, b)` without a final full stop outside
/// quotation marks.
fn trim_content(doc: &Doc<'_>, a: usize, mut b: usize) -> Span {
    while b > a + 1 && doc.toks[b - 1].punct().is_some_and(|c| matches!(c, '.' | ',' | ';' | ':')) {
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

/// The cue at token `i` (one or more tokens): `Some((end, speech))`.
fn cue_at(doc: &Doc<'_>, rules: &Rules, i: usize) -> Option<(usize, bool)> {
    let t = doc.toks.get(i)?;
    if !t.is_word() {
        return None;
    }
    if t.lower == "according" && doc.toks.get(i + 1).is_some_and(|n| n.lower == "to") {
        return Some((i + 2, true));
    }
    if (t.lower == "has" || t.lower == "have")
        && doc.toks.get(i + 1).is_some_and(|n| n.lower == "learned")
    {
        return Some((i + 2, false));
    }
    if t.cap {
        return None; // "United States", sentence-initial "Says"
    }
    let speech = rules.cue(&t.lower)?;
    // "said to be", "added to": not reporting; "vowed to block" reports a
    // commitment.
    if doc.toks.get(i + 1).is_some_and(|n| n.lower == "to") && !is_commitment(&t.lower) {
        return None;
    }
    // Passive "was stated by": the subject is not the speaker.
    if !rules.is_german()
        && i.checked_sub(1).and_then(|p| doc.toks.get(p)).is_some_and(|p| {
            matches!(p.lower.as_str(), "was" | "were" | "is" | "are" | "been" | "be" | "being")
        })
    {
        return None;
    }
    let mut end = i + 1;
    // German separable particles and "mit"/"hinzu" are the cue's too.
    if rules.is_german()
        && let Some(n) = doc.toks.get(end)
        && matches!(n.lower.as_str(), "mit" | "hinzu" | "ein")
    {
        end += 1;
    }
    Some((end, speech))
}

/// Cues whose content may be an infinitive: "vowed to block".
fn is_commitment(w: &str) -> bool {
    matches!(
        w,
        "vowed"
            | "vows"
            | "pledged"
            | "pledges"
            | "promised"
            | "promises"
            | "threatened"
            | "threatens"
    )
}

/// Speech verbs whose object is what was said: "called for a ban",
/// "asked whether", "accused X of Y", "praised the deal".
fn is_object_cue(w: &str) -> bool {
    matches!(
        w,
        "asked"
            | "asks"
            | "announced"
            | "announces"
            | "described"
            | "describes"
            | "cited"
            | "cites"
            | "urged"
            | "urges"
            | "proposed"
            | "proposes"
            | "criticized"
            | "criticised"
            | "criticizes"
            | "praised"
            | "praises"
            | "accused"
            | "accuses"
            | "mentioned"
            | "touted"
            | "denied"
            | "denies"
            | "demanded"
            | "demands"
            | "called"
            | "calls"
            | "questioned"
            | "blamed"
            | "blames"
            | "promised"
            | "promises"
            | "recommended"
            | "condemned"
            | "condemns"
            | "defended"
    )
}

/// Participles that attach reported speech to the sentence's subject:
/// "Trump spoke on Fox, saying the judge was biased".
fn is_participle_cue(w: &str) -> bool {
    matches!(
        w,
        "saying"
            | "adding"
            | "telling"
            | "noting"
            | "arguing"
            | "insisting"
            | "warning"
            | "explaining"
            | "claiming"
            | "stressing"
            | "asserting"
            | "declaring"
            | "writing"
    )
}

/// Words that may sit between a speaker and the cue.
fn is_aux(w: &str) -> bool {
    matches!(
        w,
        "had"
            | "has"
            | "have"
            | "was"
            | "is"
            | "also"
            | "then"
            | "later"
            | "later,"
            | "reportedly"
            | "previously"
            | "recently"
            | "publicly"
            | "repeatedly"
            | "would"
            | "will"
            | "once"
            | "again"
            | "further"
            | "often"
            | "already"
            | "hat"
            | "habe"
            | "hatte"
            | "auch"
            | "noch"
    )
}

/// Words that end a speaker phrase going backwards (clause boundaries).
fn is_np_breaker(rules: &Rules, w: &str) -> bool {
    matches!(
        w,
        "that"
            | "which"
            | "who"
            | "whom"
            | "and"
            | "but"
            | "or"
            | "as"
            | "when"
            | "while"
            | "because"
            | "if"
            | "dass"
            | "und"
            | "aber"
            | "oder"
            | "weil"
            | "wie"
            | "als"
    ) || rules.cue(w).is_some()
}

/// The speaker phrase ending just before token `end`: a name, pronoun or
/// description. Returns its token range.
fn np_before(doc: &Doc<'_>, rules: &Rules, end: usize) -> Option<(usize, usize)> {
    let toks = &doc.toks;
    let mut e = end;
    // Auxiliaries and time adverbials between the speaker and the cue:
    // "Clinton has also said", "Clinton last night said", "X on Tuesday said".
    loop {
        let before = e;
        while e > 0 && toks[e - 1].is_word() && is_aux(&toks[e - 1].lower) {
            e -= 1;
        }
        if e >= 2 && is_time_noun(&toks[e - 1].lower) && is_time_word(&toks[e - 2].lower) {
            e -= 2;
        }
        if e >= 2 && is_weekday(&toks[e - 1].lower) && toks[e - 2].lower == "on" {
            e -= 2;
        }
        while e > 1
            && toks[e - 1].is_word()
            && is_time_word(&toks[e - 1].lower)
            && toks[e - 1].lower != "on"
        {
            e -= 1;
        }
        if e == before {
            break;
        }
    }
    let mut s = e;
    while s > 0 && e - s < 9 {
        let t = &toks[s - 1];
        if t.sentence != toks[e.saturating_sub(1)].sentence {
            break;
        }
        if t.is_word() {
            if is_np_breaker(rules, &t.lower)
                || (!t.cap && t.lower.len() > 4 && t.lower.ends_with("ing"))
            {
                break;
            }
            s -= 1;
            if rules.pronoun(&t.lower).is_some() && s + 1 == e {
                break;
            }
        } else if t.is_punct('.')
            && s >= 2
            && toks[s - 2].text.chars().count() <= 3
            && toks[s - 2].cap
        {
            s -= 1; // "Mr." / "J."
        } else if t.kind == crate::stream::Kind::Number || t.is_punct('%') {
            s -= 1; // "46 percent", "Six in 10"
        } else if t.is_punct(')') && s == e {
            // "Gov. Phil Bryant (R) said": past a short parenthesis.
            match (s.saturating_sub(5)..s - 1).rev().find(|&x| toks[x].is_punct('(')) {
                Some(open) if open > 0 => s = open,
                _ => break,
            }
        } else {
            break;
        }
    }
    if s == e {
        return None;
    }
    // An opening adverbial without a comma ("In a statement the ministry
    // said", "But officials said") is not part of the speaker; prepositions
    // further in are ("advocates for stem cell research", "officials in
    // Kyiv").
    let mut start = s;
    let is_prep = |w: &str| {
        matches!(
            w,
            "in" | "on"
                | "at"
                | "after"
                | "before"
                | "during"
                | "since"
                | "for"
                | "with"
                | "from"
                | "by"
                | "am"
                | "im"
                | "nach"
                | "vor"
                | "laut"
                | "um"
                | "zur"
                | "zum"
                | "unter"
                | "über"
                | "gegenüber"
                | "seit"
                | "während"
                | "wegen"
                | "trotz"
                | "bis"
                | "durch"
                | "gegen"
                | "ohne"
                | "aus"
                | "bei"
                | "mit"
                | "an"
                | "auf"
                | "passend"
        )
    };
    while start < e {
        let w = toks[start].lower.as_str();
        if matches!(
            w,
            "then" | "but" | "so" | "yet" | "also" | "and" | "still" | "auch" | "und" | "aber"
        ) {
            start += 1;
        } else if is_prep(w) {
            // Past the adverbial's own noun phrase: to its next determiner or
            // capitalised word after a lower-case one.
            match (start + 2..e).find(|&k| rules.is_determiner(&toks[k].lower)) {
                Some(k) => start = k,
                None => return None,
            }
        } else {
            break;
        }
    }
    // Sentence-initial adverbs: "Earlier, …" are cut by the comma above; a
    // German sentence that opens with an adverb puts the speaker after the
    // verb ("Dazu sagte Hartmann"), so there is none before it.
    let len = e - start;
    if len == 0 {
        return None;
    }
    if rules.is_german() && len == 1 && GERMAN_ADVERBS.contains(&toks[start].lower.as_str()) {
        return None;
    }
    // A pronoun must stand alone.
    if let Some(p) = (start..e).find(|&k| rules.pronoun(&toks[k].lower).is_some()) {
        if p + 1 == e {
            return Some((p, e));
        }
        return None;
    }
    Some((start, e))
}

/// "NAME, APPOSITION," right before the cue at `k`, from the sentence start.
fn np_with_apposition(doc: &Doc<'_>, rules: &Rules, s0: usize, k: usize) -> Option<(usize, usize)> {
    let toks = &doc.toks;
    if k < s0 + 3 || !toks[k - 1].is_punct(',') {
        return None;
    }
    let c2 = k - 1;
    // The name ends at the sentence's first comma; the apposition may hold
    // more commas ("director of …, at the University of California, Davis,").
    let c1 = (s0..c2).find(|&x| toks[x].is_punct(','))?;
    if c1 == c2 || c2 - c1 > 40 || (c1 + 1..c2).any(|x| toks[x].lower == "that") {
        return None;
    }
    let name = np_before(doc, rules, c1)?;
    // The name opens the sentence (or follows "But"/"And").
    let opener = name.0 == s0
        || (name.0 == s0 + 1 && matches!(toks[s0].lower.as_str(), "but" | "and" | "still" | "yet"));
    let inner_ok = (c1 + 1..c2).all(|x| {
        toks[x].punct().is_none()
            || toks[x].is_punct(',')
            || toks[x]
                .punct()
                .is_some_and(|c| matches!(c, '.' | '-' | '(' | ')' | '\'' | '\u{2019}' | '/'))
    }) && (c1 + 1..c2).any(|x| toks[x].is_word());
    (opener && inner_ok && (toks[name.0].cap || rules.is_determiner(&toks[name.0].lower)))
        .then_some((name.0, c2))
}

/// The subject of the sentence `[s0, k)`: its first name mention or
/// pronoun, or the noun phrase it opens with.
fn subject_of(doc: &Doc<'_>, rules: &Rules, s0: usize, k: usize) -> Option<(usize, usize)> {
    let toks = &doc.toks;
    let mut i = s0;
    while i < k && !toks[i].is_word() {
        i += 1;
    }
    // An opening adverbial up to its comma: "In Iowa, Cruz spoke, saying …".
    if i < k && (rules.not_name(&toks[i].lower) && rules.pronoun(&toks[i].lower).is_none()) {
        let comma = (i..k).find(|&x| toks[x].is_punct(','))?;
        i = comma + 1;
    }
    if i >= k {
        return None;
    }
    if rules.pronoun(&toks[i].lower).is_some() {
        return Some((i, i + 1));
    }
    let mut e = i;
    loop {
        let word = e < k
            && toks[e].is_word()
            && (toks[e].cap
                || (e == i && rules.is_determiner(&toks[e].lower))
                || (e > i && toks[e - 1].cap && toks[e].lower == "of"));
        // "Mr. Trump": the full stop of an honorific or initial.
        let stop = e < k
            && e > i
            && toks[e].is_punct('.')
            && toks[e - 1].text.chars().count() <= 3
            && toks.get(e + 1).is_some_and(|n| n.cap);
        if !(word || stop) {
            break;
        }
        e += 1;
    }
    let named = toks[i..e].iter().any(|t| t.cap && !rules.not_name(&t.lower));
    (e > i && named).then_some((i, e))
}

/// The speaker phrase starting at token `start` (inverted attribution,
/// "said Kremlin spokesman Dmitry Peskov").
fn np_after(doc: &Doc<'_>, rules: &Rules, start: usize) -> Option<(usize, usize)> {
    let toks = &doc.toks;
    // "said Wednesday a White House official": past the time words.
    let mut start = start;
    while start < toks.len()
        && toks[start].is_word()
        && is_time_word(&toks[start].lower)
        && toks[start].lower != "this"
    {
        start += 1;
        if toks.get(start).is_some_and(|t| is_time_noun(&t.lower)) {
            start += 1;
        }
    }
    let mut e = start;
    while e < toks.len() && e - start < 10 && toks[e].sentence == toks[start].sentence {
        let t = &toks[e];
        if t.is_word() {
            if is_np_breaker(rules, &t.lower)
                || (e > start && is_time_word(&t.lower))
                || (e > start && !t.cap && t.lower.len() > 4 && t.lower.ends_with("ing"))
            {
                break;
            }
            if e > start
                && matches!(
                    t.lower.as_str(),
                    "in" | "on"
                        | "at"
                        | "during"
                        | "after"
                        | "vor"
                        | "am"
                        | "im"
                        | "auf"
                        | "gegenüber"
                )
            {
                break;
            }
            e += 1;
        } else if t.is_punct('.')
            && e > start
            && toks[e - 1].text.chars().count() <= 3
            && toks[e - 1].cap
            && toks.get(e + 1).is_some_and(|n| n.cap)
        {
            e += 1;
        } else {
            break;
        }
    }
    (e > start).then_some((start, e))
}

fn is_time_noun(w: &str) -> bool {
    matches!(
        w,
        "night"
            | "week"
            | "month"
            | "year"
            | "morning"
            | "evening"
            | "afternoon"
            | "weekend"
            | "woche"
            | "monat"
            | "jahr"
    )
}

fn is_weekday(w: &str) -> bool {
    matches!(w, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
}

fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "earlier"
            | "late"
            | "last"
            | "this"
            | "on"
            | "montag"
            | "dienstag"
            | "mittwoch"
            | "donnerstag"
            | "freitag"
            | "samstag"
            | "sonntag"
            | "heute"
            | "gestern"
            | "am"
    )
}

/// Whether a speaker phrase can speak: it has a name, a pronoun, a
/// determiner plus a noun, or a plural/collective noun.
fn plausible_speaker(
    doc: &Doc<'_>,
    rules: &Rules,
    table: &EntityTable,
    np: (usize, usize),
) -> bool {
    let toks = &doc.toks;
    let words: Vec<usize> = (np.0..np.1).filter(|&k| toks[k].is_word()).collect();
    let Some(&last) = words.last() else { return false };
    if words.len() == 1 && rules.pronoun(&toks[last].lower).is_some() {
        return true;
    }
    if (np.0..np.1).any(|k| table.at_tok.get(k).copied().flatten().is_some()) {
        return true;
    }
    if words.iter().any(|&k| toks[k].cap) {
        return true;
    }
    let first = &toks[words[0]].lower;
    rules.is_determiner(first)
        || toks[last].lower.ends_with('s')
        || rules.is_title(&toks[last].lower)
}

/// `“…,” X said` / `“…,” said X` / `„…“, so X` after the closing mark.
fn attribution_after(
    doc: &Doc<'_>,
    rules: &Rules,
    close: usize,
    quoted: &[bool],
) -> Option<Attribution> {
    let toks = &doc.toks;
    let mut i = close + 1;
    while toks
        .get(i)
        .is_some_and(|t| matches!(t.punct(), Some(',' | '\u{2013}' | '\u{2014}' | '-')))
    {
        i += 1;
    }
    let start = i;
    if start >= toks.len() || quoted.get(start).copied().unwrap_or(false) || toks[start].para_start
    {
        return None;
    }
    // Inverted: cue first.
    if let Some((cue_end, speech)) = cue_at(doc, rules, start) {
        let np = np_after(doc, rules, cue_end)?;
        return Some(Attribution { speaker: np, cue: (start, cue_end), speech });
    }
    if rules.is_german() && toks[start].lower == "so" {
        let np = np_after(doc, rules, start + 1)?;
        return Some(Attribution { speaker: np, cue: (start, start + 1), speech: true });
    }
    // Speaker first: up to 9 words, then the cue.
    let mut k = start;
    // Words, and the full stop of "Mr." or an initial.
    let in_name = |k: usize| {
        toks[k].is_word()
            || (toks[k].is_punct('.')
                && k > start
                && toks[k - 1].cap
                && toks[k - 1].text.chars().count() <= 3
                && toks.get(k + 1).is_some_and(|n| n.cap))
    };
    while k < toks.len() && k < start + 10 && in_name(k) {
        if !toks[k].is_word() {
            k += 1;
            continue;
        }
        if let Some((cue_end, speech)) = cue_at(doc, rules, k) {
            if k == start {
                return None;
            }
            let np = np_before(doc, rules, k)?;
            if np.0 < start {
                return None;
            }
            return Some(Attribution { speaker: (start, k), cue: (k, cue_end), speech })
                .map(|a| Attribution { speaker: trim_aux(doc, a.speaker), ..a });
        }
        k += 1;
    }
    None
}

fn trim_aux(doc: &Doc<'_>, np: (usize, usize)) -> (usize, usize) {
    let mut e = np.1;
    while e > np.0 + 1 && is_aux(&doc.toks[e - 1].lower) {
        e -= 1;
    }
    (np.0, e)
}

/// `X said: “…”` / `X told reporters, “…”` / `said X: “…”` before the mark.
fn attribution_before(
    doc: &Doc<'_>,
    rules: &Rules,
    open: usize,
    quoted: &[bool],
) -> Option<Attribution> {
    let toks = &doc.toks;
    if open == 0 || toks[open].para_start {
        return None;
    }
    let p = &toks[open - 1];
    // After "that" a quotation is part of reported speech (mixed), not a
    // direct quote of its own.
    let opens =
        matches!(p.punct(), Some(':' | ',')) || (p.is_word() && rules.cue(&p.lower).is_some());
    if !opens {
        return None;
    }
    // "Pamela Padilla: “…”": a name (or short description) and a colon
    // opening its sentence or paragraph.
    if p.is_punct(':') && open >= 2 {
        let c = open - 1;
        let mut s = c;
        while s > 0 && toks[s - 1].is_word() && c - s < 6 && !toks[s].para_start {
            s -= 1;
        }
        let opens_block = s == 0 || toks[s].para_start || toks[s - 1].sentence != toks[s].sentence;
        let named = (s..c).any(|x| toks[x].cap) && (s..c).all(|x| cue_at(doc, rules, x).is_none());
        if s < c && opens_block && named {
            return Some(Attribution { speaker: (s, c), cue: (c, c + 1), speech: true });
        }
    }
    let sentence = toks[open].sentence;
    // Look back for a cue within 10 tokens.
    let mut k = open;
    while k > 0 && open - k < 12 {
        k -= 1;
        if toks[k].sentence != sentence && !matches!(p.punct(), Some(':')) || quoted[k] {
            break;
        }
        if let Some((cue_end, speech)) = cue_at(doc, rules, k) {
            if cue_end > open {
                continue;
            }
            if let Some(np) = np_before(doc, rules, k)
                && plausible_speaker(doc, rules, &EntityTable::default(), np)
            {
                return Some(Attribution { speaker: np, cue: (k, cue_end), speech });
            }
            // Inverted: "sagte der Minister: „…“".
            if let Some(np) = np_after(doc, rules, cue_end)
                && np.1 <= open
            {
                return Some(Attribution { speaker: np, cue: (k, cue_end), speech });
            }
            return None;
        }
    }
    None
}

/// `what he called “…”` / `which X described as “…”`.
fn partial_after_called(doc: &Doc<'_>, rules: &Rules, open: usize) -> Option<Attribution> {
    let toks = &doc.toks;
    let mut k = open.checked_sub(1)?;
    if toks[k].lower == "as" {
        k = k.checked_sub(1)?;
    }
    let verb = &toks[k].lower;
    if !matches!(
        verb.as_str(),
        "called"
            | "calls"
            | "described"
            | "describes"
            | "termed"
            | "dubbed"
            | "labeled"
            | "labelled"
            | "nannte"
            | "bezeichnete"
    ) {
        return None;
    }
    let np = np_before(doc, rules, k)?;
    let before = np.0.checked_sub(1).map(|b| toks[b].lower.as_str());
    if !matches!(before, Some("what" | "which" | "als" | "was")) {
        return None;
    }
    Some(Attribution { speaker: np, cue: (k, k + 1), speech: true })
}

/// Indirect speech in the sentence of tokens `[s0, s1)`.
fn indirect_in_sentence(
    doc: &Doc<'_>,
    rules: &Rules,
    s0: usize,
    s1: usize,
    quoted: &[bool],
    used: &mut [bool],
) -> Option<RawQuote> {
    let toks = &doc.toks;
    // Sentence end without final punctuation.
    let mut end = s1;
    while end > s0
        && toks[end - 1].punct().is_some_and(|c| matches!(c, '.' | '!' | '?'))
        && !quoted[end - 1]
    {
        end -= 1;
    }
    // "Poll: Candidates locked in …", "Q: Your mother was deported …": a
    // short capitalised source and a colon opening the sentence.
    if let Some(colon) = (s0 + 1..(s0 + 5).min(end)).find(|&x| toks[x].is_punct(':')) {
        let source = (s0, colon);
        let capitalised =
            (s0..colon).all(|x| toks[x].is_word() && (toks[x].cap || toks[x].lower == "of"));
        let label = matches!(
            toks[s0].lower.as_str(),
            "update"
                | "photo"
                | "photos"
                | "note"
                | "related"
                | "read"
                | "watch"
                | "video"
                | "source"
                | "sources"
                | "image"
                | "editor"
                | "editor's"
                | "correction"
                | "disclosure"
                | "credit"
                | "see"
                | "more"
                | "also"
                | "warning"
                | "tags"
                | "topics"
                | "copyright"
        );
        let content = colon + 1;
        let words = (content..end).filter(|&x| toks[x].is_word()).count();
        let starts_quoted = quoted.get(content).copied().unwrap_or(true);
        if capitalised && !label && words >= 3 && !starts_quoted && !used[s0] {
            mark(used, s0, content);
            return Some((
                QuoteKind::Indirect,
                vec![(content, end)],
                Some(Attribution { speaker: source, cue: (colon, content), speech: true }),
                false,
            ));
        }
    }
    let mut k = s0;
    while k < end {
        if quoted[k] || used[k] {
            k += 1;
            continue;
        }
        if rules.is_german()
            && let Some(q) = german_frame(doc, s0, end, k)
        {
            mark(used, k, k + 1);
            return Some(q);
        }
        let Some((cue_end, speech)) = cue_at(doc, rules, k) else {
            k += 1;
            continue;
        };
        let according = toks[k].lower == "according";
        // "According to X, CONTENT." / "CONTENT, according to X."
        if according {
            // The source runs to the next comma, or to the sentence end.
            let comma = (cue_end..end).find(|&x| toks[x].is_punct(',') && !quoted[x]);
            let np_end = comma.unwrap_or(end);
            let words_after = |from: usize| (from..end).filter(|&x| toks[x].is_word()).count();
            let words_before = (s0..k).filter(|&x| toks[x].is_word()).count();
            if np_end > cue_end {
                let np = (cue_end, np_end);
                let attr = Some(Attribution { speaker: np, cue: (k, cue_end), speech });
                // "According to X, CONTENT." (after a short opener:
                // "In addition, according to X, …")
                if let Some(c) = comma
                    && words_after(c + 1) >= 3
                    && (words_before <= 3 || words_after(c + 1) > words_before)
                {
                    mark(used, k, np_end);
                    return Some((QuoteKind::Indirect, vec![(c + 1, end)], attr, false));
                }
                // "CONTENT, according to X [released on Thursday]."
                if words_before >= 3 {
                    let c_end = comma_before(doc, s0, k);
                    mark(used, k, np_end);
                    return Some((QuoteKind::Indirect, vec![(s0, c_end)], attr, false));
                }
            }
            k = cue_end;
            continue;
        }
        // ", saying CONTENT": the speaker is the sentence's subject.
        if k > s0 + 1 && toks[k - 1].is_punct(',') && is_participle_cue(&toks[k].lower) {
            if let Some(subject) = subject_of(doc, rules, s0, k) {
                let mut c0 = cue_end;
                if toks.get(c0).is_some_and(|t| t.lower == "that") {
                    c0 += 1;
                }
                c0 = skip_adverbials(doc, rules, c0, end, &toks[k].lower);
                if toks.get(c0).is_some_and(|t| t.lower == "that") {
                    c0 += 1;
                }
                if (c0..end).filter(|&x| toks[x].is_word()).count() >= 3 {
                    mark(used, k, cue_end);
                    return Some((
                        QuoteKind::Indirect,
                        vec![(c0, end)],
                        Some(Attribution { speaker: subject, cue: (k, cue_end), speech }),
                        false,
                    ));
                }
            }
            k = cue_end;
            continue;
        }
        // Post: "CONTENT, X said [adverbials]." or "CONTENT, said X."
        // After a closing attribution only adverbials may follow ("…, the
        // official said on Tuesday."), never a clause ("… said they were").
        let tail_short = |from: usize| {
            let rest = skip_adverbials(doc, rules, from, end, "");
            (rest..end).all(|x| !toks[x].is_word())
                || ((rest..end).filter(|&x| toks[x].is_word()).count() <= 4
                    && toks.get(rest).is_some_and(|t| t.is_punct(',')))
        };
        // "Name, apposition, said …" is a speaker before the cue, not
        // content before a closing attribution.
        let apposition = np_with_apposition(doc, rules, s0, k).is_some();
        if k > s0 + 3 && !apposition {
            // Inverted: ", said X."
            if (toks[k - 1].is_punct(',')
                || toks[k - 1].punct().is_some_and(|c| c == '\u{201d}' || c == '"'))
                && let Some(np) = np_after(doc, rules, cue_end)
                && tail_short(np.1)
            {
                mark(used, k, np.1);
                let content_end = comma_before(doc, s0, k);
                return Some((
                    QuoteKind::Indirect,
                    vec![(s0, content_end)],
                    Some(Attribution { speaker: np, cue: (k, cue_end), speech }),
                    false,
                ));
            }
            // ", X said."
            if let Some(np) = np_before(doc, rules, k) {
                let comma = np.0.checked_sub(1).filter(|&c| c > s0 && toks[c].punct() == Some(','));
                if let Some(c) = comma
                    && tail_short(cue_end)
                    && plausible_speaker(doc, rules, &EntityTable::default(), np)
                {
                    mark(used, np.0, cue_end);
                    return Some((
                        QuoteKind::Indirect,
                        vec![(s0, c)],
                        Some(Attribution { speaker: np, cue: (k, cue_end), speech }),
                        false,
                    ));
                }
            }
        }
        // "X keeps its finances secret but says CONTENT": the subject's.
        let coordinated =
            k > s0 + 2 && matches!(toks[k - 1].lower.as_str(), "and" | "but") && !quoted[k - 1];
        if coordinated
            && rules.strong_cue(&toks[k].lower)
            && let Some(subject) = subject_of(doc, rules, s0, k)
        {
            let mut c0 = cue_end;
            if toks.get(c0).is_some_and(|t| t.lower == "that") {
                c0 += 1;
            }
            if (c0..end).filter(|&x| toks[x].is_word()).count() >= 3 {
                mark(used, k, cue_end);
                return Some((
                    QuoteKind::Indirect,
                    vec![(c0, end)],
                    Some(Attribution { speaker: subject, cue: (k, cue_end), speech }),
                    false,
                ));
            }
        }
        // Pre: "X said (that) CONTENT" / German "X sagte, CONTENT"; the
        // speaker may carry an apposition: "Brian Murphy, the chairman, said".
        let np = np_before(doc, rules, k)
            .filter(|np| plausible_speaker(doc, rules, &EntityTable::default(), *np))
            .or_else(|| np_with_apposition(doc, rules, s0, k));
        let (np, inverted) = match np {
            Some(np) => (np, false),
            None if rules.is_german() => match np_after(doc, rules, cue_end) {
                Some(np) => (np, true),
                None => {
                    k = cue_end;
                    continue;
                }
            },
            None => {
                k = cue_end;
                continue;
            }
        };
        let mut c0 = if inverted { np.1 } else { cue_end };
        let limit = (c0 + 12).min(end);
        let that = (c0..limit).find(|&x| {
            !quoted[x]
                && (toks[x].lower == "that"
                    || toks[x].lower == "dass"
                    || toks[x].lower == "whether"
                    || toks[x].lower == "if")
        });
        if let Some(t) = that {
            // "that" opens the content; German "dass" belongs to it.
            c0 = if toks[t].lower == "dass" { t } else { t + 1 };
        } else if is_commitment(&toks[k].lower)
            && toks.get(cue_end).is_some_and(|t| t.lower == "to")
        {
            // "vowed to block …": the infinitive is the content.
        } else if !rules.is_german() && is_object_cue(&toks[k].lower) {
            // "called for a ban on …", "asked whether …", "accused the media
            // of …": what was said is the object.
            if toks.get(c0).is_some_and(|t| matches!(t.lower.as_str(), "for" | "on")) {
                c0 += 1;
            }
        } else if !rules.strong_cue(&toks[k].lower) {
            k = cue_end;
            continue;
        } else {
            // Skip the addressee of "told" and time/place adverbials.
            c0 = skip_adverbials(doc, rules, c0, end, &toks[k].lower);
            if rules.is_german() {
                // German reported clauses follow a comma: "sagte, er sei".
                match (c0..limit).find(|&x| toks[x].is_punct(',')) {
                    Some(c) => c0 = c + 1,
                    None => {
                        k = cue_end;
                        continue;
                    }
                }
            }
        }
        while c0 < end && toks[c0].punct().is_some_and(|c| matches!(c, ',' | ':')) {
            c0 += 1;
        }
        let words = (c0..end).filter(|&x| toks[x].is_word()).count();
        // Without "that", reported content is a clause, not a prepositional
        // phrase: "Readers wrote in after the debate" reports nothing.
        let prepositional = that.is_none()
            && words <= 5
            && !is_commitment(&toks[k].lower)
            && toks.get(c0).is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "in" | "on"
                        | "at"
                        | "about"
                        | "to"
                        | "for"
                        | "with"
                        | "after"
                        | "before"
                        | "back"
                        | "during"
                        | "from"
                        | "into"
                        | "of"
                        | "by"
                        | "up"
                        | "out"
                        | "off"
                )
            });
        if words >= 3 && !prepositional {
            // Content wholly inside one direct quote: that quote has it.
            if quoted[c0] && (c0..end).all(|x| quoted[x]) {
                k = cue_end;
                continue;
            }
            mark(used, np.0, cue_end);
            return Some((
                QuoteKind::Indirect,
                vec![(c0, end)],
                Some(Attribution { speaker: np, cue: (k, cue_end), speech }),
                false,
            ));
        }
        k = cue_end;
    }
    None
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

/// After a cue: skips "reporters", "CNN", "on Tuesday", "in a statement".
fn skip_adverbials(doc: &Doc<'_>, rules: &Rules, mut i: usize, end: usize, cue: &str) -> usize {
    let toks = &doc.toks;
    let start = i;
    if matches!(cue, "told" | "tells" | "tell" | "telling" | "asked" | "urged" | "warned") {
        // One noun phrase: "reporters", "the BBC", "Fox News".
        if i < end && toks[i].is_word() && rules.is_determiner(&toks[i].lower) {
            i += 1;
        }
        while i < end && toks[i].is_word() && (toks[i].cap || i == start) && i < start + 4 {
            i += 1;
        }
    }
    loop {
        let before = i;
        if i < end && is_time_word(&toks[i].lower) {
            i += 1;
            while i < end
                && toks[i].is_word()
                && (toks[i].cap
                    || is_time_word(&toks[i].lower)
                    || matches!(
                        toks[i].lower.as_str(),
                        "week" | "month" | "year" | "night" | "morning" | "evening" | "afternoon"
                    ))
            {
                i += 1;
            }
        }
        if i + 1 < end
            && matches!(toks[i].lower.as_str(), "in" | "during" | "at" | "on" | "via" | "through")
        {
            let mut j = i + 1;
            while j < end
                && j < i + 6
                && toks[j].is_word()
                && !matches!(toks[j].lower.as_str(), "that")
            {
                if matches!(
                    toks[j].lower.as_str(),
                    "statement"
                        | "interview"
                        | "briefing"
                        | "post"
                        | "letter"
                        | "tweet"
                        | "speech"
                        | "email"
                        | "conference"
                        | "call"
                        | "release"
                        | "twitter"
                        | "x"
                        | "facebook"
                        | "televised"
                        | "address"
                        | "remarks"
                ) {
                    i = j + 1;
                    // "in an interview with CNN"
                    if i + 1 < end && toks[i].lower == "with" {
                        i += 1;
                        while i < end
                            && toks[i].is_word()
                            && (toks[i].cap || rules.is_determiner(&toks[i].lower))
                        {
                            i += 1;
                        }
                    }
                    break;
                }
                j += 1;
            }
        }
        if i == before {
            break;
        }
    }
    i
}

/// Resolves the speaker phrase at token range `np`.
fn resolve_speaker(
    doc: &Doc<'_>,
    rules: &Rules,
    table: &mut EntityTable,
    quoted: &[bool],
    attr: &Attribution,
    prev: Option<&Quote>,
) -> Speaker {
    let np = attr.speaker;
    let toks = &doc.toks;
    let span = doc.span_of(np.0, np.1);
    let text = doc.slice(span).to_string();
    // A name as the head of the phrase ("Kremlin spokesman Dmitry Peskov",
    // not "Rubio's spokesperson").
    // With an apposition ("Brian Murphy, the chairman" / "A Twitter
    // spokesman, Christopher Abboud"), the name is the head of either part.
    let comma = (np.0..np.1).find(|&k| toks[k].is_punct(','));
    // The head noun comes before a prepositional phrase: "Shopkeepers on
    // Station Street" is said by the shopkeepers.
    let head_of = |a: usize, b: usize| {
        let b = (a + 1..b)
            .find(|&k| {
                matches!(
                    toks[k].lower.as_str(),
                    "on" | "in" | "at" | "from" | "near" | "outside" | "inside" | "with"
                )
            })
            .unwrap_or(b);
        (a..b).rev().find(|&k| toks[k].is_word())
    };
    let named = |k: &usize| table.at_tok.get(*k).copied().flatten().is_some();
    let head = match comma {
        Some(c) => head_of(np.0, c)
            .filter(named)
            .or_else(|| {
                let second_end = (c + 1..np.1).find(|&k| toks[k].is_punct(',')).unwrap_or(np.1);
                head_of(c + 1, second_end).filter(named)
            })
            .or_else(|| head_of(np.0, c)),
        None => head_of(np.0, np.1),
    };
    if let Some(e) = head.and_then(|k| table.at_tok.get(k).copied().flatten()) {
        table.add_mention(e, span);
        if let Some(ent) = table.entities.get_mut(e)
            && ent.kind == EntityKind::Other
        {
            ent.kind = EntityKind::Person;
        }
        return Speaker {
            span: Some(span),
            text,
            entity: Some(e),
            resolution: SpeakerResolution::Name,
        };
    }
    let words: Vec<usize> = (np.0..np.1).filter(|&k| toks[k].is_word()).collect();
    if words.len() == 1
        && let Some(g) = rules.pronoun(&toks[words[0]].lower)
    {
        // German "sie" is "she" with a singular verb ("sie sagte", not
        // "sie sagten").
        let g = if rules.is_german()
            && toks[words[0]].lower == "sie"
            && toks.get(attr.cue.0).is_some_and(|c| !c.lower.ends_with("en"))
        {
            Some(Gender::Female)
        } else {
            g
        };
        let plural = g.is_none() && !matches!(toks[words[0]].lower.as_str(), "it" | "es");
        let target = if plural {
            None
        } else if matches!(toks[words[0]].lower.as_str(), "it" | "es") {
            latest_entity(quoted, table, np.0, |e| e.kind == EntityKind::Organization, None)
        } else {
            // The previous quote's speaker, if that quote is near and
            // compatible (news style: "…," X said. "…," he said.),
            // else the latest compatible person outside quotes.
            let near_prev = prev.filter(|q| {
                let last = q.parts.last().map_or(0, |p| p.end as usize);
                let sentence_of = |byte: usize| {
                    toks.iter()
                        .find(|t| t.span.start as usize >= byte)
                        .map_or(u32::MAX, |t| t.sentence)
                };
                sentence_of(last) + 2 >= toks[np.0].sentence
            });
            let prev_entity =
                near_prev.and_then(|q| q.speaker.as_ref()).and_then(|s| s.entity).filter(|&e| {
                    table.entities.get(e).is_some_and(|ent| {
                        ent.kind == EntityKind::Person
                            && match (g, ent.gender) {
                                (Some(a), Some(b)) => a == b || b == Gender::Unisex,
                                _ => true,
                            }
                    })
                });
            prev_entity
                .or_else(|| latest_entity(quoted, table, np.0, |e| e.kind == EntityKind::Person, g))
        };
        if let Some(e) = target {
            table.add_mention(e, span);
            if let Some(ent) = table.entities.get_mut(e)
                && ent.gender.is_none()
                && g.is_some()
                && !rules.is_german()
            {
                ent.gender = g;
            }
            return Speaker {
                span: Some(span),
                text,
                entity: Some(e),
                resolution: SpeakerResolution::Pronoun,
            };
        }
        return Speaker {
            span: Some(span),
            text,
            entity: None,
            resolution: SpeakerResolution::Unresolved,
        };
    }
    // A definite description naming a role: "the Kremlin spokesman".
    let definite = words.first().is_some_and(|&k| {
        matches!(toks[k].lower.as_str(), "the" | "der" | "die" | "das" | "den" | "dem" | "des")
    });
    if definite {
        let content: Vec<String> = words[1..].iter().map(|&k| toks[k].lower.clone()).collect();
        if let Some(head) = content.last() {
            let head = head.clone();
            let found = latest_entity(
                quoted,
                table,
                np.0,
                |e| {
                    e.kind == EntityKind::Person
                        && e.roles.iter().any(|r| {
                            let r = r.to_lowercase();
                            r.split_whitespace().any(|w| w == head)
                                && content.iter().all(|c| {
                                    r.contains(c.as_str()) || c.len() < 3 || rules.is_title(c)
                                })
                        })
                },
                None,
            );
            if let Some(e) = found {
                table.add_mention(e, span);
                return Speaker {
                    span: Some(span),
                    text,
                    entity: Some(e),
                    resolution: SpeakerResolution::Description,
                };
            }
        }
    }
    Speaker { span: Some(span), text, entity: None, resolution: SpeakerResolution::Unresolved }
}

/// The entity with the latest name mention before token `before` that
/// passes `ok` and has a compatible gender.
fn latest_entity(
    quoted: &[bool],
    table: &EntityTable,
    before: usize,
    ok: impl Fn(&crate::entities::Entity) -> bool,
    gender: Option<Gender>,
) -> Option<usize> {
    table
        .mentions
        .iter()
        .rev()
        .filter(|m| m.full.1 <= before && !quoted.get(m.toks.0).copied().unwrap_or(false))
        .map(|m| m.entity)
        .find(|&e| {
            table.entities.get(e).is_some_and(|ent| {
                ok(ent)
                    && match (gender, ent.gender) {
                        (Some(a), Some(b)) => a == b || b == Gender::Unisex,
                        _ => true,
                    }
            })
        })
}

/// Nouns that make "nach …" a source: "nach Angaben der Polizei".
const NACH_SOURCES: &[&str] = &[
    "angaben",
    "ansicht",
    "informationen",
    "meinung",
    "aussage",
    "aussagen",
    "einschätzung",
    "auffassung",
    "darstellung",
    "worten",
    "berichten",
    "untersuchungen",
    "schätzungen",
    "erkenntnissen",
    "polizeiangaben",
    "medienberichten",
    "zeugenaussagen",
    "angaben",
    "mitteilung",
    "überzeugung",
    "einschätzungen",
    "recherchen",
];

/// A German source frame at token `k` of the sentence `[s0, end)`:
/// "Laut X …", "Nach Angaben von X …", "X zufolge …", "…, so X." The
/// content is the rest of the sentence, in two parts when the frame sits
/// inside it.
fn german_frame(doc: &Doc<'_>, s0: usize, end: usize, k: usize) -> Option<RawQuote> {
    let toks = &doc.toks;
    let w = toks[k].lower.as_str();
    // The noun phrase of the source: determiners, capitalised words,
    // adjectives before a noun, genitives.
    let np_from = |a: usize| {
        let mut e = a;
        while e < end {
            let t = &toks[e];
            let adjectival = !t.cap
                && t.is_word()
                && ["e", "en", "er", "es", "em"].iter().any(|x| t.lower.ends_with(x))
                && toks.get(e + 1).is_some_and(|n| n.cap || n.is_word());
            let det = matches!(
                t.lower.as_str(),
                "der"
                    | "die"
                    | "das"
                    | "den"
                    | "dem"
                    | "des"
                    | "ein"
                    | "eine"
                    | "einer"
                    | "eines"
                    | "einem"
                    | "von"
                    | "vom"
            );
            if t.is_word() && (t.cap || det)
                || (adjectival && e > a && toks.get(e + 1).is_some_and(|n| n.cap))
            {
                e += 1;
            } else {
                break;
            }
        }
        e
    };
    let content = |frame: (usize, usize)| -> Vec<(usize, usize)> {
        let mut parts = Vec::new();
        let before_end = comma_before(doc, s0, frame.0);
        if (s0..before_end).any(|x| toks[x].is_word()) {
            parts.push((s0, before_end));
        }
        let mut after = frame.1;
        while after < end && toks[after].punct().is_some_and(|c| c == ',') {
            after += 1;
        }
        if (after..end).filter(|&x| toks[x].is_word()).count() >= 2 {
            parts.push((after, end));
        }
        parts
    };
    let (speaker, frame) = match w {
        "laut" | "gemäß" => {
            let e = np_from(k + 1);
            if e == k + 1 {
                return None;
            }
            ((k + 1, e), (k, e))
        }
        "nach" => {
            let mut a = k + 1;
            if toks.get(a).is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "eigenen"
                        | "ersten"
                        | "jüngsten"
                        | "offiziellen"
                        | "bisherigen"
                        | "vorläufigen"
                        | "neuesten"
                        | "übereinstimmenden"
                )
            }) {
                a += 1;
            }
            if !toks.get(a).is_some_and(|t| NACH_SOURCES.contains(&t.lower.as_str())) {
                return None;
            }
            let e = np_from(a + 1).max(a + 1);
            ((a, e), (k, e))
        }
        "zufolge" => {
            // "Der Zeitung zufolge …": the noun phrase before it.
            let mut a = k;
            while a > s0 && toks[a - 1].is_word() && k - a < 6 {
                a -= 1;
            }
            if a == k {
                return None;
            }
            ((a, k), (a, k + 1))
        }
        "so" if k > s0 + 2 && toks[k - 1].is_punct(',') => {
            let e = np_from(k + 1);
            if e == k + 1 || (e..end).any(|x| toks[x].is_word()) {
                return None;
            }
            ((k + 1, e), (k, e))
        }
        _ => return None,
    };
    let parts = content(frame);
    if parts.is_empty() {
        return None;
    }
    let speech = true;
    Some((
        QuoteKind::Indirect,
        parts,
        Some(Attribution { speaker, cue: (k, k + 1), speech }),
        false,
    ))
}

/// German Konjunktiv I forms of the third person, the mark of reported
/// speech ("er sei", "sie habe", "es gebe").
const KONJUNKTIV_ONE: &[&str] = &[
    "sei", "seien", "habe", "werde", "könne", "müsse", "solle", "wolle", "dürfe", "möge", "gebe",
    "stehe", "gehe", "liege", "komme", "bestehe", "handle", "brauche", "wisse", "trage", "lasse",
    "sehe", "bleibe", "halte", "mache", "arbeite", "plane", "fehle", "zeige",
];

/// True when the sentence `[s0, s1)` has a Konjunktiv I verb outside
/// quotation marks (and not after "ich", where the forms are indicative).
fn konjunktiv_one(doc: &Doc<'_>, s0: usize, s1: usize) -> bool {
    (s0..s1).any(|x| {
        let t = &doc.toks[x];
        t.is_word()
            && KONJUNKTIV_ONE.contains(&t.lower.as_str())
            && !(x > s0 && doc.toks[x - 1].lower == "ich")
    })
}

/// German adverbs that open a sentence before the verb (V2 order), with the
/// subject after it: "Dazu sagte Hartmann", "Später erklärte das Gericht".
const GERMAN_ADVERBS: &[&str] = &[
    "dazu",
    "später",
    "hier",
    "dabei",
    "zudem",
    "außerdem",
    "weiter",
    "ferner",
    "so",
    "damals",
    "jetzt",
    "heute",
    "gestern",
    "danach",
    "zuvor",
    "bereits",
    "schon",
    "nun",
    "dann",
    "deshalb",
    "daher",
    "trotzdem",
    "allerdings",
    "jedoch",
    "dies",
    "dieser",
    "diese",
    "dort",
    "darüber",
    "davor",
    "darauf",
    "daraufhin",
    "anschließend",
    "zunächst",
    "zuletzt",
    "inzwischen",
    "mittlerweile",
    "ebenso",
    "gleichzeitig",
    "zugleich",
    "stattdessen",
    "vielmehr",
    "ebenfalls",
];
