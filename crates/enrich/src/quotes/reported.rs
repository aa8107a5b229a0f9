//! Reported (indirect) speech, sentence by sentence; German source frames
//! and Konjunktiv I.

use super::*;

/// Indirect speech in the sentence of tokens `[s0, s1)`.
/// Reported speech whose speaker is the subject of the sentence `(s0, end)`,
/// with the cue at `(k, cue_end)` not right after it: ", saying …",
/// "… but says …". The content is what follows the cue (and "that").
fn subject_report(
    doc: &Doc<'_>,
    rules: &Rules,
    (s0, end, carry): (usize, usize, Option<(usize, usize)>),
    (k, cue_end): (usize, usize),
    speech: bool,
    quoted: &[bool],
    used: &mut [bool],
) -> Option<(RawQuote, Option<usize>)> {
    let toks = &doc.toks;
    // A report that carries on an earlier one in the sentence is its
    // speaker's: "The minister said …, adding that …".
    let subject = match carry.or_else(|| speaker_of_attribution_before(doc, rules, s0, k)) {
        Some(c) => c,
        // After a comma, the clause right before it names its subject
        // first: "Speaking in Salem, New Hampshire, Trump went after Bush,
        // calling him …".
        None if k > s0 + 1 && toks[k - 1].is_punct(',') => {
            let clause = (s0..k - 1).rev().find(|&x| toks[x].is_punct(',')).map_or(s0, |c| c + 1);
            subject_of(doc, rules, clause, k - 1)
                .filter(|np| toks[np.0].cap)
                .or_else(|| subject_of(doc, rules, s0, k))?
        }
        None => subject_of(doc, rules, s0, k)?,
    };
    // The sentence opens with a quotation: its subject is the quotation's
    // speaker, "“I wish him well,” Mr. Trump told …, adding that …", never
    // a word inside it.
    let subject = if quoted.get(subject.0).copied().unwrap_or(false) {
        quotation_speaker(doc, rules, s0, k, quoted)?
    } else {
        subject
    };
    let skip_that =
        |c: usize| if toks.get(c).is_some_and(|t| t.lower == "that") { c + 1 } else { c };
    let mut c0 = skip_that(skip_adverbials(doc, rules, skip_that(cue_end), end, &toks[k].lower));
    // "calling for …", "asking whether …": what was asked for.
    if toks.get(c0).is_some_and(|t| matches!(t.lower.as_str(), "for" | "whether" | "if")) {
        c0 += 1;
    }
    while c0 < end && toks[c0].punct().is_some_and(|c| matches!(c, ',' | ':')) {
        c0 += 1;
    }
    // "… but added, “…”": the quotation is a quote of its own; after
    // "that" it is reported speech ("telling O'Reilly that “…”").
    let after_that = c0 > 0 && toks[c0 - 1].lower == "that";
    if c0 < end
        && !after_that
        && (c0..end).all(|x| quoted[x] || toks[x].punct().is_some())
        && quoted[c0]
    {
        return None;
    }
    if (c0..end).filter(|&x| toks[x].is_word()).count() < 3 && !is_naming_cue(&toks[k].lower) {
        return None;
    }
    mark(used, k, cue_end);
    let (c1, next) = content_end(doc, rules, k, (c0, end), quoted);
    if c1 <= c0 || (c0..c1).filter(|&x| toks[x].is_word()).count() < 2 {
        return None;
    }
    let attr = Attribution { speaker: subject, cue: (k, cue_end), speech };
    Some(reported(vec![(c0, c1)], Some(attr), next))
}

/// A question put to someone, at the head of the sentence `[s0, s1)`:
/// "Asked if he was ever bullied, the candidate …", "When asked whether
/// …, 59 percent said …", "Asked by Stephanopoulos to respond …, Carson
/// said …". The question is reported speech of whoever asked it: the name
/// after "by", else nobody (an interviewer, a pollster). Its content runs
/// from "if", "whether", a question word, "about" or "to" (with an adverb
/// in "-ly" before it) to the clause's comma. English.
pub(super) fn asked_question(
    doc: &Doc<'_>,
    rules: &Rules,
    (s0, s1): (usize, usize),
    quoted: &[bool],
    used: &mut [bool],
) -> Option<RawQuote> {
    let toks = &doc.toks;
    if rules.is_german() {
        return None;
    }
    let mut k = s0;
    if toks.get(k).is_some_and(|t| matches!(t.lower.as_str(), "when" | "after" | "once")) {
        k += 1;
        if toks.get(k).is_some_and(|t| t.lower == "being") {
            k += 1;
        }
    }
    // Or later in the sentence: "“Jobs, jobs, jobs,” Mrs. Clinton said …
    // when asked what Mr. Clinton would do." The question then runs to the
    // sentence end.
    let mut tail = false;
    if toks.get(k).is_none_or(|t| t.lower != "asked") {
        k = (s0 + 2..s1).find(|&x| {
            toks[x].lower == "asked"
                && !quoted[x]
                && matches!(toks[x - 1].lower.as_str(), "when" | "after" | "being")
                && (toks[x - 1].lower != "being" || toks[x - 2].lower == "when")
        })?;
        tail = true;
    }
    if used[k] {
        return None;
    }
    let cue = k;
    let opener = |w: &str| {
        matches!(
            w,
            "if" | "whether"
                | "who"
                | "what"
                | "how"
                | "why"
                | "when"
                | "where"
                | "which"
                | "about"
                | "to"
        )
    };
    let o = (cue + 1..(cue + 8).min(s1)).find(|&x| toks[x].is_word() && opener(&toks[x].lower))?;
    // "Asked by Stephanopoulos to …": the questioner.
    let speaker = (toks[cue + 1].lower == "by" && o > cue + 2)
        .then(|| (cue + 2, o))
        .filter(|&(a, b)| (a..b).all(|x| toks[x].is_word() || toks[x].is_punct('.')))
        // "by Stephanopoulos", "by a reporter", "by CNN's Jake Tapper".
        .filter(|&(a, b)| toks[a].cap || (rules.is_determiner(&toks[a].lower) && b <= a + 4));
    if speaker.is_none() && o > cue + 1 && !toks[cue + 1].is_word() {
        return None;
    }
    // "Asked specifically what …": the adverb belongs to the question.
    let c0 = if o == cue + 2 && toks[cue + 1].lower.ends_with("ly") { cue + 1 } else { o };
    let mut stop = s1;
    while tail
        && stop > c0
        && toks[stop - 1].punct().is_some_and(|c| matches!(c, '.' | '!' | '?'))
        && !quoted[stop - 1]
    {
        stop -= 1;
    }
    let comma = (c0 + 1..s1).find(|&x| toks[x].is_punct(',') && !quoted[x]);
    let comma = match comma {
        Some(c) => c,
        None if tail => stop,
        None => return None,
    };
    // A comma inside a quotation that closes right after it: the mark too.
    let c1 = if quoted[comma] && toks.get(comma + 1).is_some_and(|t| t.punct().is_some()) {
        comma + 2
    } else {
        comma
    };
    let words = (c0..c1).filter(|&x| toks[x].is_word()).count();
    if words < 3
        || c1 - c0 > 45
        || (!tail && (c1..s1).filter(|&x| toks[x].is_word()).count() < 2)
        || (tail && (cue..c1).any(|x| quoted[x]))
    {
        return None;
    }
    mark(used, cue, cue + 1);
    let speaker = speaker.unwrap_or((cue, cue));
    let attr = Attribution { speaker, cue: (cue, cue + 1), speech: true };
    Some((QuoteKind::Indirect, vec![(c0, c1)], Some(attr), false))
}

/// "CONTENT, according to X." closing a sentence `[s0, s1)` whose content
/// holds a report of its own ("The president told her that it was not
/// that simple, according to an account she gave …"): the whole clause is
/// X's, and the inner report ends before the comma. Returns the quote and
/// where the rest of the sentence's scan must end. English.
pub(super) fn trailing_according(
    doc: &Doc<'_>,
    rules: &Rules,
    (s0, s1): (usize, usize),
    quoted: &[bool],
    used: &mut [bool],
) -> Option<(RawQuote, usize)> {
    let toks = &doc.toks;
    if rules.is_german() {
        return None;
    }
    let k = (s0 + 3..s1).find(|&x| {
        toks[x].lower == "according"
            && !quoted[x]
            && !used[x]
            && toks.get(x + 1).is_some_and(|t| t.lower == "to")
    })?;
    let (cue_end, speech) = cue_at(doc, rules, k)?;
    let mut end = s1;
    while end > cue_end && toks[end - 1].punct().is_some_and(|c| matches!(c, '.' | '!' | '?')) {
        end -= 1;
    }
    // The source runs to the sentence end, and the content before it holds
    // a cue of its own (else the scan finds "according to" by itself).
    if end <= cue_end
        || (cue_end..end).any(|x| quoted[x] || toks[x].punct().is_some_and(|c| c != '.'))
        || (cue_end..end).filter(|&x| toks[x].is_word()).count() > 12
    {
        return None;
    }
    let c_end = comma_before(doc, s0, k);
    let inner = (s0..c_end).any(|x| {
        !quoted[x]
            && !used[x]
            && rules.strong_cue(&toks[x].lower)
            && cue_at(doc, rules, x).is_some()
    });
    if !inner || (s0..c_end).filter(|&x| toks[x].is_word()).count() < 4 {
        return None;
    }
    mark(used, k, end);
    let attr = Attribution { speaker: (cue_end, end), cue: (k, cue_end), speech };
    Some(((QuoteKind::Indirect, vec![(s0, c_end)], Some(attr), false), c_end))
}

/// An indirect quote of `parts`, and where the next report's scan starts.
fn reported(
    parts: Vec<(usize, usize)>,
    attr: Option<Attribution>,
    next: Option<usize>,
) -> (RawQuote, Option<usize>) {
    ((QuoteKind::Indirect, parts, attr, false), next)
}

/// Where the content `[c0, end)` of the cue at `k` ends, and where the
/// next report's scan starts: after a naming cue at its quoted name
/// ("called Palin a “clown”"), else at a second report in the sentence.
fn content_end(
    doc: &Doc<'_>,
    rules: &Rules,
    k: usize,
    (c0, end): (usize, usize),
    quoted: &[bool],
) -> (usize, Option<usize>) {
    if is_naming_cue(&doc.toks[k].lower) {
        let c1 = naming_end(doc, c0, end, quoted);
        (c1, (c1 < end).then_some(c1))
    } else if c0 > 0 && doc.toks[c0 - 1].lower == "about" {
        // "talked about immigration at every rally": a topic, the noun
        // phrase up to an adverbial or a comma; "about how …" is a clause.
        let toks = &doc.toks;
        let clause = toks.get(c0).is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "how" | "what" | "why" | "whether" | "who" | "where" | "when"
            )
        });
        let (c1, next) = cut_at_next_report(doc, rules, c0, end, quoted);
        if clause {
            return (c1, next);
        }
        let cut = (c0 + 1..c1).find(|&x| {
            !quoted[x]
                && (toks[x].is_punct(',')
                    || toks[x].is_punct(';')
                    || matches!(
                        toks[x].lower.as_str(),
                        "at" | "during"
                            | "on"
                            | "before"
                            | "after"
                            | "while"
                            | "when"
                            | "since"
                            | "because"
                            | "as"
                    ))
        });
        match cut {
            Some(c) => (c, next.or(Some(c))),
            None => (c1, next),
        }
    } else if object_content(doc, rules, k, c0, quoted) {
        let (c1, next) = cut_at_next_report(doc, rules, c0, end, quoted);
        // Quoted words after the cut keep the content whole: they are what
        // the object is about ("criticized Clinton, calling her “…”").
        let cut = object_end(doc, c0, c1, quoted).filter(|&c| !(c..c1).any(|x| quoted[x]));
        (cut.unwrap_or(c1), next)
    } else {
        cut_at_next_report(doc, rules, c0, end, quoted)
    }
}

/// Whether the content at `c0` of the cue at `k` is the object of an
/// object cue ("criticized Clinton …", "stressed those worries …") rather
/// than a clause ("denied that …", "urged … to …").
fn object_content(doc: &Doc<'_>, rules: &Rules, k: usize, c0: usize, quoted: &[bool]) -> bool {
    let toks = &doc.toks;
    let w = toks[k].lower.as_str();
    !rules.is_german()
        && (is_object_cue(w) || matches!(w, "stressed" | "stresses" | "emphasized" | "emphasizes"))
        && !rules.strong_cue(w)
        && !is_naming_cue(w)
        && c0 > 0
        && !matches!(toks[c0 - 1].lower.as_str(), "that" | "whether" | "if" | "about")
        && toks.get(c0).is_some_and(|t| {
            !matches!(
                t.lower.as_str(),
                "to" | "how" | "what" | "why" | "where" | "when" | "who" | "whether" | "that"
            ) && !quoted[c0]
        })
}

/// Where an object's noun phrase ends: at a comma, a subordinator, a time
/// or place adverbial ("during a rally", "on Sunday", "at a forum"), or a
/// coordinated verb ("the charges and counter-accused her").
fn object_end(doc: &Doc<'_>, c0: usize, c1: usize, quoted: &[bool]) -> Option<usize> {
    let toks = &doc.toks;
    (c0 + 1..c1).find(|&x| {
        let next = toks.get(x + 1);
        !quoted[x]
            && (toks[x].is_punct(',')
                || toks[x].is_punct(';')
                || matches!(
                    toks[x].lower.as_str(),
                    "during" | "while" | "when" | "after" | "before" | "since" | "because"
                )
                || (matches!(toks[x].lower.as_str(), "on" | "in" | "at" | "last" | "this")
                    && next.is_some_and(|n| is_weekday(&n.lower) || is_time_word(&n.lower)))
                || (toks[x].lower == "at"
                    && next.is_some_and(|n| matches!(n.lower.as_str(), "a" | "an" | "the")))
                || (toks[x].lower == "and"
                    && next
                        .is_some_and(|n| !n.cap && n.lower.len() > 4 && n.lower.ends_with("ed"))))
    })
}

/// The speaker of an attribution that closes right before the participle at
/// `k`: "“…,” Jealous said, suggesting …", "…, said Kunin, recalling …".
fn speaker_of_attribution_before(
    doc: &Doc<'_>,
    rules: &Rules,
    s0: usize,
    k: usize,
) -> Option<(usize, usize)> {
    let toks = &doc.toks;
    let comma = k.checked_sub(1).filter(|&c| c > s0 && toks[c].is_punct(','))?;
    let cue = (comma.saturating_sub(8).max(s0)..comma)
        .rev()
        .find(|&j| rules.strong_cue(&toks[j].lower) && cue_at(doc, rules, j).is_some())?;
    let cue_end = cue_at(doc, rules, cue)?.0;
    if cue_end == comma {
        return np_before(doc, rules, cue)
            .filter(|np| plausible_speaker(doc, rules, &EntityTable::default(), *np));
    }
    np_after(doc, rules, cue_end).filter(|np| np.1 == comma)
}

/// The speaker of the closing attribution of a quotation in `[s0, k)`: the
/// last cue outside quotation marks with a speaker next to it ("…,” Mr.
/// Trump told", "…,” said Ms. Okafor").
fn quotation_speaker(
    doc: &Doc<'_>,
    rules: &Rules,
    s0: usize,
    k: usize,
    quoted: &[bool],
) -> Option<(usize, usize)> {
    let toks = &doc.toks;
    let free = |np: &(usize, usize)| (np.0..np.1).all(|x| !quoted[x]);
    (s0..k).rev().filter(|&j| !quoted[j] && rules.strong_cue(&toks[j].lower)).find_map(|j| {
        let cue_end = cue_at(doc, rules, j)?.0;
        np_before(doc, rules, j)
            .filter(|np| free(np) && np.1 == j)
            .or_else(|| np_after(doc, rules, cue_end).filter(|np| free(np) && np.1 <= k))
    })
}

/// The content `[c0, end)` up to a second report in its sentence, and where
/// that report's scan starts.
fn cut_at_next_report(
    doc: &Doc<'_>,
    rules: &Rules,
    c0: usize,
    end: usize,
    quoted: &[bool],
) -> (usize, Option<usize>) {
    match next_report(doc, rules, c0, end, quoted) {
        Some(cut) if (c0..cut).filter(|&x| doc.toks[x].is_word()).count() >= 2 => (cut, Some(cut)),
        _ => (end, None),
    }
}

/// The relative pronoun before the cue at `k` ("who said", "who has
/// long argued"), and whether its clause is set off by a comma (", who
/// said …,"). English only.
fn relative_speaker(
    doc: &Doc<'_>,
    rules: &Rules,
    from: usize,
    k: usize,
) -> Option<((usize, usize), bool)> {
    let toks = &doc.toks;
    if rules.is_german() {
        return None;
    }
    let mut r = k;
    // "who has said", "who did not explicitly say".
    while r > from
        && toks[r - 1].is_word()
        && (is_aux(&toks[r - 1].lower)
            || matches!(
                toks[r - 1].lower.as_str(),
                "did" | "does" | "do" | "not" | "didn't" | "doesn't" | "didn’t" | "doesn’t"
            )
            || (toks[r - 1].lower.len() > 4 && toks[r - 1].lower.ends_with("ly")))
    {
        r -= 1;
    }
    if r < from + 2 || toks[r - 1].lower != "who" {
        return None;
    }
    Some(((r - 1, r), toks[r - 2].is_punct(',')))
}

/// Where a sentence's scan for reported speech stands.
#[derive(Debug, Clone, Copy)]
pub(super) struct Scan {
    /// The sentence's first token.
    pub(super) s0: usize,
    /// Where the scan starts: the sentence start, or where an earlier
    /// report in it gave way to the next ("She said A, but she said B").
    pub(super) from: usize,
    /// The speaker of that earlier report, for a next one without a
    /// subject of its own ("…, adding that B", "… and said B").
    pub(super) carry: Option<(usize, usize)>,
}

/// Returns the quote and where the next report's scan starts.
pub(super) fn indirect_in_sentence(
    doc: &Doc<'_>,
    rules: &Rules,
    scan: Scan,
    s1: usize,
    quoted: &[bool],
    used: &mut [bool],
) -> Option<(RawQuote, Option<usize>)> {
    let Scan { s0, from, .. } = scan;
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
    // short capitalised source and a colon opening the sentence. A
    // transcript's turn may open with a quotation mark: `"PENCE: …`.
    let marked =
        toks.get(s0).and_then(|t| t.punct()).is_some_and(|c| matches!(c, '"' | '\u{201c}'))
            && transcript_label(doc, s0 + 1).is_some();
    let s0 = if marked { s0 + 1 } else { s0 };
    let from = if marked && from + 1 == s0 { s0 } else { from };
    // A kicker before a headline's source: "EXCLUSIVE – Roger Stone: …".
    let kicker = toks
        .get(s0 + 1)
        .and_then(|t| t.punct())
        .is_some_and(|c| matches!(c, '-' | '\u{2013}' | '\u{2014}'))
        && toks.get(s0).is_some_and(|t| {
            t.is_word() && t.text.chars().count() > 2 && t.text.chars().all(|c| !c.is_lowercase())
        });
    let s0 = if kicker && from == s0 { s0 + 2 } else { s0 };
    let from = if kicker && from + 2 == s0 { s0 } else { from };
    if let Some(colon) = (s0 + 1..(s0 + 6).min(end)).find(|&x| toks[x].is_punct(':')) {
        let source = (s0, colon);
        // "Clinton to Planned Parenthood: …", "Former AG Mukasey at RNC: …",
        // "Dr. Ben Carson: …", "Clinton camp: …" (one lower-case word); at
        // most five tokens (longer ones are subheadings: "Veto Power Impedes
        // Peace Efforts: …").
        let lower = (s0..colon)
            .filter(|&x| {
                toks[x].is_word()
                    && !toks[x].cap
                    && !matches!(toks[x].lower.as_str(), "of" | "to" | "at" | "on")
            })
            .count();
        let capitalised = toks[s0].cap
            && (colon - s0 <= 4 || lower == 0)
            && (s0..colon).all(|x| {
                let t = &toks[x];
                (t.is_word()
                    && (t.cap
                        || matches!(t.lower.as_str(), "of" | "to" | "at" | "on")
                        || (lower == 1
                            && x + 1 == colon
                            && matches!(
                                t.lower.as_str(),
                                "camp"
                                    | "campaign"
                                    | "aide"
                                    | "aides"
                                    | "allies"
                                    | "spokesman"
                                    | "spokeswoman"
                                    | "official"
                                    | "officials"
                                    | "sources"
                                    | "adviser"
                                    | "advisers"
                                    | "lawyer"
                                    | "lawyers"
                                    | "team"
                                    | "chief"
                            ))))
                    || (t.is_punct('.')
                        && x > s0
                        && toks[x - 1].cap
                        && toks[x - 1].text.chars().count() <= 3)
            });
        // A transcript's speaker label ("JOEL BENENSON:", "Q:") holds the
        // turn to the end of its paragraph.
        let label = (s0..colon)
            .all(|x| toks[x].is_word() && toks[x].text.chars().all(|c| !c.is_lowercase()));
        let end = if label {
            let para_end =
                (colon + 1..toks.len()).find(|&x| toks[x].para_start).unwrap_or(toks.len());
            let mut e = para_end.max(end);
            while e > colon + 1
                && toks[e - 1].punct().is_some_and(|c| matches!(c, '.' | '!' | '?'))
                && !quoted[e - 1]
            {
                e -= 1;
            }
            e
        } else {
            end
        };
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
        ) || (toks[s0].lower == "the"
            && toks.get(s0 + 1).is_some_and(|t| t.lower == "latest"));
        let content = colon + 1;
        let words = (content..end).filter(|&x| toks[x].is_word()).count();
        // A headline that is all quotation is a quote of its own; one with
        // quoted words is reported ("Ryan: ‘Anti-Semitic Images’ Have …").
        let starts_quoted = quoted.get(content).copied().unwrap_or(true)
            && (content..end).all(|x| quoted[x] || toks[x].punct().is_some());
        if from == s0 && capitalised && !label && words >= 3 && !starts_quoted && !used[s0] {
            mark(used, s0, content);
            let attr = Attribution { speaker: source, cue: (colon, content), speech: true };
            return Some(reported(vec![(content, end)], Some(attr), None));
        }
    }
    if from == s0
        && let Some(q) = as_put_it_frame(doc, rules, s0, end, quoted, used)
    {
        return Some((q, None));
    }
    let mut k = from;
    while k < end {
        if quoted[k] || used[k] {
            k += 1;
            continue;
        }
        if rules.is_german()
            && let Some(q) = german_frame(doc, s0, end, k)
        {
            mark(used, k, k + 1);
            return Some((q, None));
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
            let words_before = (from..k).filter(|&x| toks[x].is_word()).count();
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
                    return Some(reported(vec![(c + 1, end)], attr, None));
                }
                // "CONTENT, according to X [released on Thursday]."
                if words_before >= 3 {
                    let c_end = comma_before(doc, from, k);
                    mark(used, k, np_end);
                    return Some(reported(vec![(from, c_end)], attr, None));
                }
            }
            k = cue_end;
            continue;
        }
        let by_subject = |used: &mut [bool]| {
            subject_report(doc, rules, (s0, end, scan.carry), (k, cue_end), speech, quoted, used)
        };
        // ", saying CONTENT": the speaker is the sentence's subject. The comma
        // may be inside a closing quotation mark: `defended “New York
        // values,” saying …`.
        let comma_at_cue = k > s0 + 1 && toks[k - 1].is_punct(',')
            || (k > s0 + 2
                && toks[k - 2].is_punct(',')
                && toks[k - 1].punct().is_some_and(|c| matches!(c, '”' | '"' | '’' | '\'' | '»')));
        if comma_at_cue && is_participle_cue(&toks[k].lower) {
            if let Some(q) = by_subject(used) {
                return Some(q);
            }
            k = cue_end;
            continue;
        }
        // Post: "CONTENT, X said [adverbials]." or "CONTENT, said X."
        // After a closing attribution only adverbials may follow ("…, the
        // official said on Tuesday."), never a clause ("… said they were").
        // It may also be followed by a place or occasion ("… in a video
        // message to the convention") or by a report of its own ("…,
        // noting that …": `Some(Some(start))`, where that report's scan
        // starts).
        // ", noting …" at the comma `c`.
        let participle_after = |c: usize| {
            toks.get(c).is_some_and(|t| t.is_punct(','))
                && toks.get(c + 1).is_some_and(|t| is_participle_cue(&t.lower))
        };
        let tail = |from: usize| -> Option<Option<usize>> {
            let rest = skip_adverbials(doc, rules, from, end, "");
            // "…, political analysts say; in 2012, …": a semicolon ends
            // the attribution and the scan goes on after it.
            if toks.get(rest).is_some_and(|t| t.is_punct(';')) {
                return Some(Some(rest + 1));
            }
            let words = (rest..end).filter(|&x| toks[x].is_word()).count();
            if words == 0 || (words <= 4 && toks.get(rest).is_some_and(|t| t.is_punct(','))) {
                return Some(participle_after(rest).then_some(rest));
            }
            if participle_after(rest) && cue_at(doc, rules, rest + 1).is_some() {
                return Some(Some(rest));
            }
            // "agreed to pay …" is a commitment's content, not a place.
            let place = toks.get(rest).is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "in" | "at" | "on" | "during" | "to" | "from" | "before" | "after" | "via"
                ) && !(t.lower == "to" && is_commitment(&toks[k].lower))
            });
            if !place {
                return None;
            }
            let comma = (rest..end).find(|&x| toks[x].is_punct(','));
            let phrase_end = comma.unwrap_or(end);
            let plain = phrase_end - rest <= 14
                && !(rest..phrase_end).any(|x| {
                    quoted[x]
                        || cue_at(doc, rules, x).is_some()
                        || matches!(toks[x].lower.as_str(), "that" | "which" | "because")
                });
            match comma {
                _ if !plain => None,
                None => Some(None),
                Some(c) if participle_after(c) && cue_at(doc, rules, c + 1).is_some() => {
                    Some(Some(c))
                }
                Some(_) => None,
            }
        };
        // "…, said Wilcox, an Orlando Republican who founded …": a named
        // speaker's apposition runs to the sentence end.
        let apposition_tail = |np: (usize, usize)| {
            toks[np.1 - 1].cap
                && toks.get(np.1).is_some_and(|t| t.is_punct(','))
                && toks.get(np.1 + 1).is_some_and(|t| {
                    rules.is_determiner(&t.lower)
                        || t.lower == "who"
                        || t.lower == "whose"
                        // "…, said Jake Horowitz, editor in chief of Mic.com."
                        || (!t.cap && is_role_word(rules, &t.lower))
                })
                && !(np.1..end).any(|x| quoted[x])
        };
        // "Name, apposition, said …" is a speaker before the cue, not
        // content before a closing attribution.
        let apposition = np_with_apposition(doc, rules, s0, k).is_some();
        // "told The Wall Street Journal": a "tell" cue's addressee comes
        // first (and is never the speaker).
        let tell = (matches!(toks[k].lower.as_str(), "told" | "tells" | "tell")
            || is_addressee_cue(&toks[k].lower))
            && !rules.is_german();
        let after_addressee = if tell {
            match toks.get(cue_end).map(|t| t.lower.as_str()) {
                Some("him" | "her" | "them" | "me" | "us" | "reporters" | "journalists") => {
                    cue_end + 1
                }
                _ => np_after(doc, rules, cue_end).map_or(cue_end, |np| np.1),
            }
        } else {
            cue_end
        };
        if from == s0 && k > s0 + 3 && !apposition {
            // Inverted: ", said X."
            if !tell
                && (toks[k - 1].is_punct(',')
                    || toks[k - 1].punct().is_some_and(|c| c == '\u{201d}' || c == '"'))
                && let Some(np) = np_after(doc, rules, cue_end)
                && let Some(next) = tail(np.1).or_else(|| apposition_tail(np).then_some(None))
            {
                mark(used, k, np.1);
                let attr = Attribution { speaker: np, cue: (k, cue_end), speech };
                return Some(reported(vec![(s0, comma_before(doc, s0, k))], Some(attr), next));
            }
            // ", X said." ("…, teachers and union officials told …": a
            // coordinated speaker after the comma.)
            let coordinated_np = |np: (usize, usize)| {
                let and = np.0.checked_sub(1).filter(|&a| toks[a].lower == "and")?;
                let c = (and.saturating_sub(4)..and).rev().find(|&x| toks[x].is_punct(','))?;
                ((c + 1..and).all(|x| toks[x].is_word() && !quoted[x]) && c + 1 < and)
                    .then_some((c + 1, np.1))
            };
            if let Some(np) = np_before(doc, rules, k).map(|np| coordinated_np(np).unwrap_or(np)) {
                let comma = np.0.checked_sub(1).filter(|&c| c > s0 && toks[c].punct() == Some(','));
                if let Some(c) = comma
                    && let Some(next) = tail(after_addressee)
                    && plausible_speaker(doc, rules, &EntityTable::default(), np)
                {
                    mark(used, np.0, cue_end);
                    let attr = Attribution { speaker: np, cue: (k, cue_end), speech };
                    return Some(reported(vec![(s0, c)], Some(attr), next));
                }
            }
            // ", his top aide, Tad Devine, told …": a speaker with its
            // apposition after the content.
            if toks[k - 1].is_punct(',')
                && let Some(np) = apposed_speaker_after_content(doc, rules, s0, k - 1, quoted)
                && let Some(next) = tail(after_addressee)
            {
                mark(used, np.0, cue_end);
                let attr = Attribution { speaker: np, cue: (k, cue_end), speech };
                return Some(reported(vec![(s0, np.0 - 1)], Some(attr), next));
            }
        }
        // "X keeps its finances secret but says CONTENT": the subject's.
        // "… and said", "… but later said", "…, then says …".
        let coordinated = {
            let mut j = k;
            while j > s0 + 2 && toks[j - 1].is_word() && is_aux(&toks[j - 1].lower) {
                j -= 1;
            }
            let then = j < k && toks[j].lower == "then" && toks[j - 1].is_punct(',');
            k > s0 + 2
                && (then || (matches!(toks[j - 1].lower.as_str(), "and" | "but") && !quoted[j - 1]))
        };
        // Also a weaker cue with its complement: "… and vowed to focus on
        // …", "… and praised efforts by …", "… but insisted that …".
        let complement = || {
            let w = toks[k].lower.as_str();
            let next = toks.get(cue_end).map(|t| t.lower.as_str());
            (is_commitment(w) && next == Some("to"))
                || next == Some("that")
                || (is_object_cue(w) && !w.ends_with("ing"))
        };
        if coordinated
            && (rules.strong_cue(&toks[k].lower) || (!rules.is_german() && complement()))
            && let Some(q) = by_subject(used)
        {
            return Some(q);
        }
        // Pre: "X said (that) CONTENT" / German "X sagte, CONTENT"; the
        // speaker may carry an apposition: "Brian Murphy, the chairman, said".
        // A relative clause, "Republicans who say the law is a money pit",
        // "O'Donnell, who said in an interview that …, recalled …": the
        // relative pronoun is the speaker (resolved to its antecedent), and
        // a clause set off by commas ends at the next one.
        let relative = relative_speaker(doc, rules, from, k);
        // "X began by talking about …": the sentence's subject.
        // Also "… while insisting …", "… after claiming …".
        let by = k > s0 + 1
            && (toks[k - 1].lower == "by"
                || (toks[k].lower.ends_with("ing") && opens_participle(&toks[k - 1].lower)))
            && !rules.is_german();
        let np = relative
            .map(|(np, _)| np)
            .or_else(|| {
                by.then(|| {
                    subject_of(doc, rules, s0, k - 1).or_else(|| {
                        (k >= s0 + 3)
                            .then(|| subject_from_start(doc, rules, s0, k - 2, quoted))
                            .flatten()
                    })
                })
                .flatten()
            })
            .or_else(|| {
                share_before(doc, k)
                    .filter(|np| np.0 >= from)
                    .or_else(|| {
                        np_before(doc, rules, k).filter(|np| {
                            plausible_speaker(doc, rules, &EntityTable::default(), *np)
                        })
                    })
                    .or_else(|| np_with_apposition(doc, rules, s0, k))
                    .or_else(|| {
                        // From the sentence start, or from a colon or
                        // semicolon opening the clause ("terrorism: 47% say").
                        // Or from the conjunction where the scan resumed
                        // ("…, but six in 10 said …").
                        let clause0 = (s0..k)
                            .rev()
                            .find(|&x| {
                                !quoted[x] && toks[x].punct().is_some_and(|c| c == ':' || c == ';')
                            })
                            .map_or(s0, |x| x + 1);
                        let mut f = from;
                        while f < k && toks[f].is_punct(',') {
                            f += 1;
                        }
                        let clause0 = if f > clause0
                            && matches!(toks[f].lower.as_str(), "but" | "and" | "while" | "whereas")
                        {
                            f
                        } else {
                            clause0
                        };
                        (from <= clause0 && rules.strong_cue(&toks[k].lower))
                            .then(|| subject_from_start(doc, rules, clause0, k, quoted))
                            .flatten()
                    })
            });
        let sentence_end = end;
        let end = match relative {
            Some((_, true)) => {
                (cue_end + 2..end).find(|&x| toks[x].is_punct(',') && !quoted[x]).unwrap_or(end)
            }
            _ => end,
        };
        // After a relative clause set off by commas, the scan goes on at its
        // closing comma: "Barkley, who said he votes Democratic, said …".
        let after_relative = (end < sentence_end).then_some(end);
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
        // "P, X said, R": what was said is P and R.
        if let Some((p0, p1, r0)) = (!inverted)
            .then(|| parenthetical_prefix(doc, rules, from, np, (k, cue_end), quoted))
            .flatten()
        {
            let r0 = (r0..end).find(|&x| !toks[x].is_punct(',')).unwrap_or(end);
            if (r0..end).filter(|&x| toks[x].is_word()).count() >= 2
                && !(quoted[r0] && (r0..end).all(|x| quoted[x]))
            {
                mark(used, np.0, cue_end);
                let attr = Attribution { speaker: np, cue: (k, cue_end), speech };
                return Some(reported(vec![(p0, p1), (r0, end)], Some(attr), None));
            }
        }
        let mut c0 = if inverted { np.1 } else { cue_end };
        let limit = (c0 + 12).min(end);
        // English "that", "whether", "if" open the content only right after
        // the cue, its addressee and adverbials ("told reporters on Tuesday
        // that …"); later they belong to it ("says he would go if elected").
        // A weaker cue needs its "that" ("suggested in remarks … that"), so
        // it may come later.
        let strong = rules.strong_cue(&toks[k].lower);
        // Past the addressee of "told" and time/place adverbials.
        let adverbials = (strong && !rules.is_german())
            .then(|| skip_adverbials(doc, rules, c0, end, &toks[k].lower));
        let that_limit = adverbials.map_or(limit, |a| (a + 1).min(limit));
        // An object cue's object comes first: "criticized the president’s
        // policy and said … if …" is not "criticized … if".
        let that_limit = if !strong && !rules.is_german() && is_object_cue(&toks[k].lower) {
            (skip_adverbials(doc, rules, c0, end, &toks[k].lower) + 3).min(that_limit)
        } else {
            that_limit
        };
        // Not past a comma and another report: "talked about immigration,
        // saying that …" is two reports.
        let participle = |y: usize| toks.get(y).is_some_and(|n| is_participle_cue(&n.lower));
        let that_limit = (c0..that_limit)
            .find(|&x| {
                let adverb = toks.get(x + 1).is_some_and(|n| n.lower.ends_with("ly"));
                // ", Devine suggested that …": a report of its own.
                let report = || {
                    (x + 2..(x + 6).min(end))
                        .any(|y| !quoted[y] && rules.strong_cue(&toks[y].lower))
                };
                toks[x].is_punct(',')
                    && (participle(x + 1) || (adverb && participle(x + 2)) || (!strong && report()))
            })
            .unwrap_or(that_limit);
        let that = (c0..that_limit).find(|&x| {
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
        } else if !rules.is_german()
            && (is_object_cue(&toks[k].lower) || toks[cue_end - 1].lower == "about")
        {
            // "called for a ban on …", "asked whether …", "accused the media
            // of …": what was said is the object.
            if toks.get(c0).is_some_and(|t| matches!(t.lower.as_str(), "for" | "on")) {
                c0 += 1;
            }
        } else if !rules.is_german()
            && toks.get(c0).is_some_and(|t| {
                matches!(t.lower.as_str(), "why" | "how" | "what" | "where" | "when" | "who")
            })
            && explains_wh(&toks[k].lower)
        {
            // "explained why …", "recalled how …": the question word opens
            // the content.
        } else if !strong {
            k = cue_end;
            continue;
        } else {
            c0 = adverbials.unwrap_or_else(|| skip_adverbials(doc, rules, c0, end, &toks[k].lower));
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
        // A one-word answer: "72 percent of Democrats said yes while …",
        // "after half said so in the earlier poll". The scan goes on after it.
        let say = matches!(toks[k].lower.as_str(), "said" | "say" | "says") && !rules.is_german();
        if say
            && that.is_none()
            && c0 == cue_end
            && toks.get(c0).is_some_and(|t| matches!(t.lower.as_str(), "yes" | "no" | "so"))
            && toks.get(c0 + 1).is_none_or(|n| {
                c0 + 1 >= end
                    || n.punct().is_some_and(|c| matches!(c, ',' | '.' | ';'))
                    || matches!(n.lower.as_str(), "while" | "but" | "and" | "in" | "when")
            })
        {
            mark(used, np.0, cue_end);
            let attr = Attribution { speaker: np, cue: (k, cue_end), speech };
            let next = (c0 + 1 < end).then_some(c0 + 1);
            return Some(reported(vec![(c0, c0 + 1)], Some(attr), next));
        }
        // A naming cue's object and quoted name may be two words: "called
        // Trump “unhinged.”".
        let enough = words >= 3
            || (words == 2
                && (is_naming_cue(&toks[k].lower)
                    || (!strong && that.is_none() && is_object_cue(&toks[k].lower))));
        if enough && !prepositional {
            // Content wholly inside one direct quote: that quote has it,
            // unless "that" opens it ("said that “…”"), which makes the
            // quotation reported speech (mixed) rather than a quote of its own.
            // So is a quotation followed by another verb of the subject:
            // "chanted “What curfew?” and kept going".
            let q_end = (c0..end).find(|&x| !quoted[x]).unwrap_or(end);
            let then_verb = q_end < end
                && !is_naming_cue(&toks[k].lower)
                && matches!(
                    toks[q_end].lower.as_str(),
                    "and" | "but" | "before" | "until" | "while" | "then"
                );
            if that.is_none() && quoted[c0] && ((c0..end).all(|x| quoted[x]) || then_verb) {
                k = cue_end;
                continue;
            }
            mark(used, np.0, cue_end);
            let (c1, next) = content_end(doc, rules, k, (c0, end), quoted);
            let attr = Attribution { speaker: np, cue: (k, cue_end), speech };
            return Some(reported(vec![(c0, c1)], Some(attr), next.or(after_relative)));
        }
        k = cue_end;
    }
    None
}

/// Cues whose content may be a question-word clause: "explained why …".
fn explains_wh(w: &str) -> bool {
    matches!(
        w,
        "explained"
            | "explains"
            | "explaining"
            | "described"
            | "describes"
            | "describing"
            | "detailed"
            | "details"
            | "recalled"
            | "recalls"
            | "recalling"
            | "recounted"
            | "recounts"
            | "revealed"
            | "reveals"
            | "noted"
            | "notes"
            | "wondered"
            | "wonders"
            | "questioned"
            | "questions"
            | "discussed"
            | "discusses"
            | "argued"
            | "argues"
            | "outlined"
            | "outlines"
    )
}

/// "As Ms. Simonyan put it in a statement, CONTENT." (and "Or, as …"): the
/// rest of the sentence after the frame's comma is what the speaker said.
/// A quotation that is the whole rest is left to the direct-quote rules.
fn as_put_it_frame(
    doc: &Doc<'_>,
    rules: &Rules,
    s0: usize,
    end: usize,
    quoted: &[bool],
    used: &mut [bool],
) -> Option<RawQuote> {
    let toks = &doc.toks;
    if rules.is_german() {
        return None;
    }
    let mut a = s0;
    if toks.get(a).is_some_and(|t| matches!(t.lower.as_str(), "or" | "but" | "and")) {
        a += 1;
        if toks.get(a).is_some_and(|t| t.is_punct(',')) {
            a += 1;
        }
    }
    if toks.get(a).is_none_or(|t| t.lower != "as") {
        return None;
    }
    let put = (a + 2..(a + 12).min(end)).find(|&x| {
        matches!(toks[x].lower.as_str(), "put" | "puts")
            && toks.get(x + 1).is_some_and(|n| n.lower == "it")
    })?;
    let comma = (put + 2..(put + 16).min(end)).find(|&x| toks[x].is_punct(',') && !quoted[x])?;
    let c0 = comma + 1;
    let words = (c0..end).filter(|&x| toks[x].is_word()).count();
    if words < 3 || (c0..end).all(|x| quoted[x]) || (a..c0).any(|x| used[x] || quoted[x]) {
        return None;
    }
    let np = put_it_speaker(doc, rules, a, put)?;
    mark(used, a, c0);
    let attr = Attribution { speaker: np, cue: (put, put + 2), speech: true };
    Some(reported(vec![(c0, end)], Some(attr), None).0)
}

/// Nouns that make "nach …" a source: "nach Angaben der Polizei".
pub(super) const NACH_SOURCES: &[&str] = &[
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
pub(super) fn german_frame(doc: &Doc<'_>, s0: usize, end: usize, k: usize) -> Option<RawQuote> {
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
pub(super) const KONJUNKTIV_ONE: &[&str] = &[
    "sei", "seien", "habe", "werde", "könne", "müsse", "solle", "wolle", "dürfe", "möge", "gebe",
    "stehe", "gehe", "liege", "komme", "bestehe", "handle", "brauche", "wisse", "trage", "lasse",
    "sehe", "bleibe", "halte", "mache", "arbeite", "plane", "fehle", "zeige",
];

/// True when the sentence `[s0, s1)` has a Konjunktiv I verb outside
/// quotation marks (and not after "ich", where the forms are indicative).
pub(super) fn konjunktiv_one(doc: &Doc<'_>, s0: usize, s1: usize) -> bool {
    (s0..s1).any(|x| {
        let t = &doc.toks[x];
        t.is_word()
            && KONJUNKTIV_ONE.contains(&t.lower.as_str())
            && !(x > s0 && doc.toks[x - 1].lower == "ich")
    })
}
