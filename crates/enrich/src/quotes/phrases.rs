//! Cues, speaker noun phrases and the attribution of direct quotes.

use super::*;

/// The cue at token `i` (one or more tokens): `Some((end, speech))`.
pub(super) fn cue_at(doc: &Doc<'_>, rules: &Rules, i: usize) -> Option<(usize, bool)> {
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
    // "talked about …", "spoke of …", "pointed to …", "pointed out that …".
    if !rules.is_german()
        && !t.cap
        && let Some(n) = doc.toks.get(i + 1)
    {
        let talk = matches!(
            t.lower.as_str(),
            "talked" | "talks" | "talking" | "talk" | "spoke" | "speaks" | "speak" | "speaking"
        );
        let about = talk && matches!(n.lower.as_str(), "about" | "of");
        let pointed = matches!(t.lower.as_str(), "pointed" | "points" | "pointing")
            && matches!(n.lower.as_str(), "to" | "out");
        let participle = matches!(t.lower.as_str(), "talking" | "pointing" | "speaking");
        let prev = i.checked_sub(1).and_then(|p| doc.toks.get(p));
        let joined = !participle
            || prev.is_some_and(|p| {
                p.is_punct(',')
                    || matches!(p.lower.as_str(), "was" | "were" | "is" | "are" | "by" | "and")
            });
        // The base form reports after a modal or "to": "will talk about".
        let base = matches!(t.lower.as_str(), "talk" | "speak");
        let base_ok = !base
            || prev.is_some_and(|p| {
                matches!(
                    p.lower.as_str(),
                    "to" | "will" | "would" | "did" | "does" | "do" | "could" | "can" | "might"
                )
            });
        if (about || pointed) && joined && base_ok {
            return Some((i + 2, true));
        }
        // "spoke to Breitbart News on Saturday about …": an addressee and
        // adverbials between the verb and "about".
        if talk
            && !base
            && !participle
            && matches!(n.lower.as_str(), "to" | "with")
            && let Some(a) = (i + 2..(i + 14).min(doc.toks.len()))
                .take_while(|&x| {
                    let w = &doc.toks[x];
                    w.sentence == t.sentence && (w.is_word() || w.is_punct('.'))
                })
                .find(|&x| doc.toks[x].lower == "about")
        {
            return Some((a + 1, true));
        }
        // "raised questions about …", "was asked about …".
        let raised = matches!(t.lower.as_str(), "raised" | "raises" | "raising")
            && matches!(n.lower.as_str(), "questions" | "concerns" | "doubts")
            && doc.toks.get(i + 2).is_some_and(|a| a.lower == "about");
        if raised {
            return Some((i + 3, true));
        }
        let asked = t.lower == "asked"
            && n.lower == "about"
            && prev.is_some_and(|p| matches!(p.lower.as_str(), "was" | "were" | "been" | "being"));
        if asked {
            return Some((i + 2, true));
        }
    }
    // "Murphy, the head of Right to Rise USA, Tweeted on Friday": a past
    // form in the middle of its sentence, after an apposition's comma.
    let capital_past = !rules.is_german()
        && t.lower.ends_with("ed")
        && i.checked_sub(1)
            .and_then(|p| doc.toks.get(p))
            .is_some_and(|p| p.is_punct(',') && p.sentence == t.sentence);
    if t.cap && !capital_past && !title_case_cue(doc, rules, i) {
        return None; // "United States", sentence-initial "Says"
    }
    let speech = rules.cue(&t.lower)?;
    if noun_use(doc, rules, i) {
        return None;
    }
    // "…, noting that …" and "is promising …" report; "a warning", "the
    // arguing" do not.
    let progressive = |p: &crate::stream::Tok<'_>| {
        matches!(p.lower.as_str(), "was" | "were" | "is" | "are" | "been" | "be" | "am" | "’s")
            || ["’s", "'s", "’re", "'re"].iter().any(|c| p.lower.ends_with(c))
    };
    let prev = i.checked_sub(1).and_then(|p| doc.toks.get(p));
    // "by declaring that …", "while insisting …": a participle after a
    // subordinator reports too.
    let subordinated = |p: &crate::stream::Tok<'_>| p.lower == "by" || opens_participle(&p.lower);
    // "footage of Hillary Clinton asking, “Why …?”": a participle that
    // introduces a quotation.
    let introduces = || {
        doc.toks.get(i + 1).is_some_and(|n| n.is_punct(',') || n.is_punct(':'))
            && doc
                .toks
                .get(i + 2)
                .and_then(|q| q.punct())
                .is_some_and(|c| matches!(c, '"' | '\u{201c}' | '\u{2018}' | '\u{00ab}'))
    };
    if is_aside_participle(&t.lower)
        && !introduces()
        && !prev.is_some_and(|p| p.is_punct(',') || progressive(p) || subordinated(p))
    {
        return None;
    }
    // "said to be", "added to": not reporting; "vowed to block" reports a
    // commitment.
    // But "said to reporters", "complained to an American": an addressee.
    let addressee = matches!(
        t.lower.as_str(),
        "said"
            | "says"
            | "complained"
            | "complains"
            | "explained"
            | "explains"
            | "wrote"
            | "writes"
            | "confided"
            | "admitted"
            | "boasted"
            | "lamented"
            | "remarked"
            | "insisted"
            | "declared"
            | "confessed"
            | "stressed"
            | "acknowledged"
    ) && doc.toks.get(i + 2).is_some_and(|a| opens_addressee(rules, a));
    if doc.toks.get(i + 1).is_some_and(|n| n.lower == "to")
        && !is_commitment(&t.lower)
        && !addressee
    {
        return None;
    }
    // Passive "was stated by": the subject is not the speaker ("is
    // telling" is progressive, and it is).
    if !rules.is_german()
        && !t.lower.ends_with("ing")
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

/// "the report", "his claim", "Trump’s promise", "a new tweet": a cue word
/// at token `i` used as a noun (English; past forms are always verbs).
pub(super) fn noun_use(doc: &Doc<'_>, rules: &Rules, i: usize) -> bool {
    let Some(t) = doc.toks.get(i) else { return false };
    if rules.is_german()
        || t.lower.ends_with("ed")
        || matches!(t.lower.as_str(), "said" | "told" | "wrote" | "thought" | "knew" | "felt")
    {
        return false;
    }
    let Some(p) = i.checked_sub(1).and_then(|p| doc.toks.get(p)) else { return false };
    // "a false claim", "his latest warning": a singular noun form after a
    // determiner and a word (a verb there would agree: "the senator claims").
    let singular_noun = matches!(
        t.lower.as_str(),
        "claim" | "promise" | "report" | "warning" | "tweet" | "answer" | "note" | "comment"
    );
    if singular_noun
        && p.is_word()
        && !p.cap
        && !is_aux(&p.lower)
        && i.checked_sub(2)
            .and_then(|pp| doc.toks.get(pp))
            .is_some_and(|pp| rules.is_determiner(&pp.lower))
    {
        return true;
    }
    let quantifier = matches!(
        p.lower.as_str(),
        "many"
            | "some"
            | "several"
            | "two"
            | "three"
            | "few"
            | "all"
            | "both"
            | "most"
            | "other"
            | "one"
    );
    // "He’s claiming", "she's saying": a contracted "is"/"has", not a
    // possessive.
    let contraction =
        p.lower.strip_suffix("'s").or_else(|| p.lower.strip_suffix("\u{2019}s")).is_some_and(|w| {
            rules.pronoun(w).is_some() || matches!(w, "who" | "that" | "there" | "what")
        });
    !quantifier
        && !contraction
        // "would only say": an adverb, not a determiner.
        && ((rules.is_determiner(&p.lower) && p.lower != "only")
            || p.lower.ends_with("'s")
            || p.lower.ends_with("\u{2019}s")
            || matches!(
                p.lower.as_str(),
                "new"
                    | "latest"
                    | "recent"
                    | "first"
                    | "last"
                    | "this"
                    | "that"
                    | "no"
                    | "any"
                    | "every"
                    | "each"
                    | "such"
            ))
}

/// A capitalised cue inside a title-cased headline: "Trump Says He Never
/// Pledged To …", "Some Say It Proves She Cheated". Not the sentence's
/// first word, between two capitalised words, in a sentence whose longer
/// words are (nearly) all capitalised.
fn title_case_cue(doc: &Doc<'_>, rules: &Rules, i: usize) -> bool {
    let toks = &doc.toks;
    if rules.is_german() || i == 0 {
        return false;
    }
    let strong = rules.strong_cue(&toks[i].lower);
    // "Mike Pence Calls for Special Prosecutor", "Putin Praises Trump":
    // an object cue, before a capitalised word or "for"/"on".
    let object = is_object_cue(&toks[i].lower) && !toks[i].lower.ends_with("ed");
    if !strong && !object {
        return false;
    }
    let (prev, next) = (&toks[i - 1], toks.get(i + 1));
    let between_caps = prev.is_word()
        && prev.cap
        && prev.sentence == toks[i].sentence
        && next.is_some_and(|n| {
            n.is_word() && (n.cap || (object && matches!(n.lower.as_str(), "for" | "on")))
        });
    if !between_caps {
        return false;
    }
    let Some(&(s0, s1)) = doc.sentence_toks.get(toks[i].sentence as usize) else { return false };
    let long = || toks[s0..s1].iter().filter(|t| t.is_word() && t.text.chars().count() >= 4);
    let (n, caps) = (long().count(), long().filter(|t| t.cap).count());
    n >= 4 && caps * 10 >= n * 9
}

/// Cues whose content may be an infinitive: "vowed to block".
pub(super) fn is_commitment(w: &str) -> bool {
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
            | "promise"
            | "promising"
            | "vow"
            | "vowing"
            | "pledge"
            | "pledging"
            | "agreed"
            | "agrees"
            | "agree"
            | "claim"
            | "claims"
            | "claimed"
            | "proposed"
            | "proposes"
    )
}

/// Speech verbs whose object is what was said: "called for a ban",
/// "asked whether", "accused X of Y", "praised the deal".
pub(super) fn is_object_cue(w: &str) -> bool {
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
            | "mentions"
            | "mention"
            | "discussed"
            | "discusses"
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
            | "talked"
            | "talks"
            | "talking"
            | "spoke"
            | "speaks"
            | "pointed"
            | "points"
            | "pointing"
            | "blasted"
            | "blasts"
            | "slammed"
            | "slams"
            | "mocked"
            | "mocks"
            | "chided"
            | "chides"
            | "lambasted"
            | "scolded"
            | "hailed"
            | "hails"
            | "lauded"
            | "lauds"
            | "denounced"
            | "denounces"
            | "decried"
            | "decries"
            | "derided"
            | "derides"
            | "rebuked"
            | "likened"
            | "likens"
    )
}

/// Participles that attach reported speech to the sentence's subject:
/// "Trump spoke on Fox, saying the judge was biased".
/// Cues whose object is whom they were said to, like "told": "assured his
/// audience he will …", "reminded voters that …".
pub(super) fn is_addressee_cue(w: &str) -> bool {
    matches!(w, "assured" | "assures" | "assuring" | "reminded" | "reminds" | "reminding")
}

pub(super) fn is_participle_cue(w: &str) -> bool {
    matches!(
        w,
        "saying"
            | "chanting"
            | "singing"
            | "shouting"
            | "yelling"
            | "screaming"
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
            | "assuring"
            | "reminding"
            | "calling"
            | "citing"
            | "describing"
            | "praising"
            | "criticizing"
            | "accusing"
            | "urging"
            | "asking"
            | "suggesting"
            | "recalling"
            | "promising"
            | "announcing"
            | "predicting"
            | "acknowledging"
            | "vowing"
            | "questioning"
            | "blaming"
            | "denying"
            | "demanding"
            | "touting"
            | "dismissing"
            | "pointing"
            | "talking"
    )
}

/// Cues that name something: "called Palin a “clown”", "calling it a
/// “paperwork error”". What was said is the object and its quoted name.
pub(super) fn is_naming_cue(w: &str) -> bool {
    matches!(
        w,
        "called"
            | "calling"
            | "calls"
            | "call"
            | "dubbed"
            | "dubbing"
            | "labeled"
            | "labelled"
            | "labeling"
            | "branded"
            | "branding"
            | "termed"
    )
}

/// After a naming cue, the content `[c0, end)` ends with the quoted name
/// (and names joined to it by "and", "or" or commas): "Palin a “clown” on
/// his radio show" is "Palin a “clown”".
pub(super) fn naming_end(doc: &Doc<'_>, c0: usize, end: usize, quoted: &[bool]) -> usize {
    let toks = &doc.toks;
    // "called the bigwigs to the stage, singing “…”": a participle after a
    // comma is a clause of its own.
    let end = (c0 + 1..end)
        .find(|&x| {
            !quoted[x]
                && toks[x].is_punct(',')
                && toks.get(x + 1).is_some_and(|n| is_participle_cue(&n.lower))
        })
        .unwrap_or(end);
    let Some(open) = (c0 + 1..end.min(c0 + 12)).find(|&x| quoted[x]) else {
        // No quoted name: the object and its name end where the next verb
        // of the subject comes in ("calling them rapists and vowing to …",
        // "called him divisive and accused him of …").
        let verb = |t: &crate::stream::Tok<'_>| {
            !t.cap && t.lower.len() > 4 && (t.lower.ends_with("ed") || t.lower.ends_with("ing"))
        };
        return (c0 + 2..end)
            .find(|&x| {
                toks[x].lower == "and"
                    && !quoted[x]
                    && toks.get(x + 1).is_some_and(|n| n.is_word() && verb(n))
            })
            .map_or(end, |x| if toks[x - 1].is_punct(',') { x - 1 } else { x });
    };
    let close_of = |o: usize| (o..end).find(|&x| !quoted[x]).unwrap_or(end);
    let mut close = close_of(open);
    loop {
        let mut j = close;
        while j < end && (toks[j].is_punct(',') || matches!(toks[j].lower.as_str(), "and" | "or")) {
            j += 1;
        }
        if j > close && j < end && quoted[j] {
            close = close_of(j);
        } else {
            break;
        }
    }
    // A clause about the name carries on: "a “petulant child” who's acting
    // “as if he is a king”", "“boring tax returns” because …".
    let carries_on = toks.get(close).is_some_and(|t| {
        matches!(
            t.lower.as_str(),
            "who" | "that" | "which" | "because" | "for" | "when" | "whose" | "as"
        )
    });
    if carries_on { end } else { close }
}

/// Participle cues other than "saying", "adding", "telling": they report
/// only after a comma or an auxiliary, and an aside ("…, suggesting that
/// …") between two quotations does not end the utterance.
pub(super) fn is_aside_participle(w: &str) -> bool {
    is_participle_cue(w) && !matches!(w, "saying" | "adding" | "telling")
}

/// True when `t` can open the addressee after "to" ("said to reporters",
/// "complained to an American", "wrote to Obama").
fn opens_addressee(rules: &Rules, t: &crate::stream::Tok<'_>) -> bool {
    t.is_word()
        && (t.cap
            || rules.is_determiner(&t.lower)
            || matches!(
                t.lower.as_str(),
                "me" | "him" | "her" | "us" | "them" | "reporters" | "journalists" | "supporters"
            ))
}

/// Words that may sit between a speaker and the cue.
pub(super) fn is_aux(w: &str) -> bool {
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
            | "could"
            | "can"
            | "only"
            | "just"
            | "simply"
            | "even"
            | "never"
            | "quickly"
            | "hat"
            | "habe"
            | "hatte"
            | "auch"
            | "noch"
    )
}

/// English auxiliaries and modals: a word that makes a phrase a clause
/// ("Trump’s nomination will …"), so it cannot be a speaker.
fn is_finite_verb(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "would"
            | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "does"
            | "did"
    )
}

/// Words that end a speaker phrase going backwards (clause boundaries).
pub(super) fn is_np_breaker(rules: &Rules, w: &str) -> bool {
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
            | "whenever"
            | "unless"
            | "once"
            | "although"
            | "though"
            | "dass"
            | "und"
            | "aber"
            | "oder"
            | "weil"
            | "wie"
            | "als"
    ) || rules.cue(w).is_some()
}

/// Back from token `e` (not below `floor`) past auxiliaries ("has also"),
/// time phrases ("last night", "on Tuesday") and, with `single_words`,
/// lone time words ("Tuesday", "earlier"), between a speaker and its cue.
fn back_past_aux_and_dates(
    toks: &[crate::stream::Tok<'_>],
    floor: usize,
    mut e: usize,
    single_words: bool,
) -> usize {
    loop {
        let before = e;
        while e > floor && toks[e - 1].is_word() && is_aux(&toks[e - 1].lower) {
            e -= 1;
        }
        if e >= floor + 2 && is_time_noun(&toks[e - 1].lower) && is_time_word(&toks[e - 2].lower) {
            e -= 2;
        }
        if e >= floor + 2 && is_weekday(&toks[e - 1].lower) && toks[e - 2].lower == "on" {
            e -= 2;
        }
        while single_words
            && e > floor + 1
            && toks[e - 1].is_word()
            && is_time_word(&toks[e - 1].lower)
            && toks[e - 1].lower != "on"
        {
            e -= 1;
        }
        if e == before {
            return e;
        }
    }
}

/// The speaker phrase ending just before token `end`: a name, pronoun or
/// description. Returns its token range.
pub(super) fn np_before(doc: &Doc<'_>, rules: &Rules, end: usize) -> Option<(usize, usize)> {
    let toks = &doc.toks;
    // Auxiliaries and time adverbials between the speaker and the cue:
    // "Clinton has also said", "Clinton last night said", "X on Tuesday said".
    let e = back_past_aux_and_dates(toks, 0, end, true);
    let mut s = e;
    let mut paren = 0; // tokens of a skipped parenthesis: they do not count
    let mut participle = false; // "Protesters marching through the streets"
    while s > 0 && e - s - paren < 9 {
        let t = &toks[s - 1];
        if t.sentence != toks[e.saturating_sub(1)].sentence {
            break;
        }
        if t.is_word() {
            let ing = !t.cap && t.lower.len() > 4 && t.lower.ends_with("ing");
            let after_is_place = s < e
                && matches!(
                    toks[s].lower.as_str(),
                    "through" | "in" | "on" | "at" | "from" | "into" | "across" | "outside"
                );
            if ing
                && after_is_place
                && !participle
                && !is_participle_cue(&t.lower)
                && s >= 2
                && toks[s - 2].is_word()
            {
                participle = true;
                s -= 1;
                continue;
            }
            if (is_np_breaker(rules, &t.lower) && !noun_use(doc, rules, s - 1)) || ing {
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
        } else if t.punct().is_some_and(|c| c == '\'' || c == '\u{2019}')
            && s >= 2
            && s < e
            && toks[s - 2].is_word()
            && toks[s - 2].cap
        {
            s -= 1; // "Bernie Sanders’ campaign", "Trump’s lawyer"
        } else if t.kind == crate::stream::Kind::Number || t.is_punct('%') {
            s -= 1; // "46 percent", "Six in 10"
        } else if t.is_punct(')') && s == e {
            // "Gov. Phil Bryant (R) said": past a short parenthesis.
            match (s.saturating_sub(9)..s - 1).rev().find(|&x| toks[x].is_punct('(')) {
                Some(open) if open > 0 => {
                    paren += s - open;
                    s = open;
                }
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
        if rules.is_german() {
            matches!(
                w,
                "in" | "am"
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
        } else {
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
            )
        }
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
    // Before a participle the speaker is the name after "of": "footage of
    // Hillary Clinton asking, “…”".
    let participle = toks.get(end).is_some_and(|t| !t.cap && t.lower.ends_with("ing"));
    if participle
        && let Some(of) = (start + 1..e).rev().find(|&k| toks[k].lower == "of")
        && of + 1 < e
        && (of + 1..e).all(|k| toks[k].cap || toks[k].is_punct('.'))
    {
        return Some((of + 1, e));
    }
    Some((start, e))
}

/// A long subject from the sentence start `s0` to the cue at `k`: "A
/// person familiar with the planning for Thursday’s meeting says …", "The
/// last man to mount a major third-party race says …". English; at most 16
/// tokens, opening with a determiner or a capitalised word, with no comma,
/// clause word, auxiliary, cue or quotation in it.
pub(super) fn subject_from_start(
    doc: &Doc<'_>,
    rules: &Rules,
    s0: usize,
    k: usize,
    quoted: &[bool],
) -> Option<(usize, usize)> {
    let toks = &doc.toks;
    let mut s = s0;
    while s < k && matches!(toks[s].lower.as_str(), "and" | "but" | "so" | "yet") {
        s += 1;
    }
    let s_before = s;
    // An opening prepositional phrase and its comma: "By double digits,
    // those surveyed say …".
    if toks.get(s).is_some_and(|t| {
        matches!(t.lower.as_str(), "by" | "in" | "on" | "at" | "for" | "among" | "across" | "from")
    }) && let Some(c) = (s + 1..(s + 8).min(k)).find(|&x| toks[x].is_punct(',') && !quoted[x])
    {
        s = c + 1;
    }
    // A sentence adverb and its comma: "Rather, sources close to …".
    if toks.get(s + 1).is_some_and(|t| t.is_punct(','))
        && toks.get(s).is_some_and(|t| {
            t.is_word()
                && (rules.not_name(&t.lower) || is_sentence_adverb(&t.lower))
                && rules.pronoun(&t.lower).is_none()
                && !rules.is_determiner(&t.lower)
        })
    {
        s += 2;
    }
    // "47% say", "those surveyed said": two tokens are enough for a share
    // or a group.
    let short_share = k == s + 2
        && ((toks[s].kind == crate::stream::Kind::Number
            && toks.get(s + 1).is_some_and(|t| t.is_punct('%')))
            || matches!(toks[s].lower.as_str(), "those" | "these"));
    if rules.is_german() || (k <= s + 2 && !short_share) || k - s > 16 {
        return None;
    }
    // ("One of them said" is not a share: "one" does not count here.)
    let number = |x: usize| toks.get(x).is_some_and(|t| t.lower != "one" && is_count(t));
    // A share of a group: "About 4 in 10 say …", "Nearly 60 percent of
    // voters said …", "47% say …".
    let share = |x: usize| {
        toks.get(x).is_some_and(|t| {
            t.is_punct('%') || matches!(t.lower.as_str(), "percent" | "per" | "in" | "of")
        })
    };
    let approx = (matches!(
        toks[s].lower.as_str(),
        "about" | "nearly" | "almost" | "roughly" | "only" | "just" | "over" | "some"
    ) && number(s + 1))
        || (number(s) && share(s + 1));
    let first = &toks[s];
    // After an opening adverb the subject is not capitalised: "Again,
    // those surveyed said …", "Rather, sources close to her say …".
    let group = s > s_before
        && matches!(
            first.lower.as_str(),
            "those" | "these" | "sources" | "officials" | "voters" | "critics" | "supporters"
        );
    if !approx && !group && !(first.is_word() && (first.cap || rules.is_determiner(&first.lower))) {
        return None;
    }
    if approx {
        let ok = (s + 1..k).all(|x| {
            let t = &toks[x];
            !quoted[x]
                && (number(x)
                    || t.is_punct('%')
                    || (t.is_word()
                        && !is_aux(&t.lower)
                        && !is_finite_verb(&t.lower)
                        && rules.pronoun(&t.lower).is_none()
                        && (!is_np_breaker(rules, &t.lower)
                            || matches!(t.lower.as_str(), "in" | "of" | "out"))
                        && cue_at(doc, rules, x).is_none()))
        });
        return ok.then_some((s, k));
    }
    if rules.pronoun(&first.lower).is_some()
        || rules.not_name(&first.lower) && !rules.is_determiner(&first.lower) && !group
    {
        return None;
    }
    let ok = (s..k).all(|x| {
        let t = &toks[x];
        !quoted[x]
            && if t.is_word() {
                !is_np_breaker(rules, &t.lower)
                    && !is_aux(&t.lower)
                    && !is_finite_verb(&t.lower)
                    && !matches!(t.lower.as_str(), "do" | "not" | "there")
                    && rules.pronoun(&t.lower).is_none()
                    && (cue_at(doc, rules, x).is_none() || noun_use(doc, rules, x))
            } else {
                t.kind == crate::stream::Kind::Number
                    || t.punct().is_some_and(|c| matches!(c, '\'' | '\u{2019}' | '-' | '.' | '%'))
            }
    });
    ok.then_some((s, k))
}

/// `…, his top aide, Tad Devine, told …`, `…, Anna White, a spokeswoman,
/// said …`: a name and its description between commas after the content,
/// with `c_b` the comma right before the cue. Returns the speaker span
/// (both parts) when the content before it has at least three words.
pub(super) fn apposed_speaker_after_content(
    doc: &Doc<'_>,
    rules: &Rules,
    s0: usize,
    c_b: usize,
    quoted: &[bool],
) -> Option<(usize, usize)> {
    let toks = &doc.toks;
    let comma_before = |to: usize, reach: usize| {
        (s0 + 1..to).rev().take(reach).find(|&x| toks[x].is_punct(',') && !quoted[x])
    };
    let c_m = comma_before(c_b, 6)?;
    let c_a = comma_before(c_m, 9)?;
    if (s0..c_a).filter(|&x| toks[x].is_word()).count() < 3 || (c_a..c_b).any(|x| quoted[x]) {
        return None;
    }
    let name = |(a, b): (usize, usize)| {
        b > a
            && b - a <= 5
            && toks[a].cap
            && rules.pronoun(&toks[a].lower).is_none()
            && (a..b).all(|x| {
                (toks[x].is_word() && toks[x].cap && cue_at(doc, rules, x).is_none())
                    || (toks[x].is_punct('.') && x > a)
            })
            && (a..b).any(|x| !rules.not_name(&toks[x].lower))
    };
    let description = |(a, b): (usize, usize)| {
        b > a + 1
            && b - a <= 8
            && rules.is_determiner(&toks[a].lower)
            && (a + 1..b).all(|x| {
                let t = &toks[x];
                (t.is_word()
                    && !is_aux(&t.lower)
                    && !is_finite_verb(&t.lower)
                    && !matches!(t.lower.as_str(), "who" | "which" | "that")
                    && (cue_at(doc, rules, x).is_none() || noun_use(doc, rules, x)))
                    || t.punct().is_some_and(|c| matches!(c, '\'' | '\u{2019}' | '-' | '.'))
            })
    };
    let (first, second) = ((c_a + 1, c_m), (c_m + 1, c_b));
    ((name(first) && description(second)) || (description(first) && name(second)))
        .then_some((c_a + 1, c_b))
}

/// Adverbs that open a sentence with a comma: "Rather, …", "Indeed, …".
fn is_sentence_adverb(w: &str) -> bool {
    matches!(
        w,
        "rather"
            | "indeed"
            | "separately"
            | "finally"
            | "again"
            | "overall"
            | "thus"
            | "besides"
            | "nonetheless"
            | "nevertheless"
            | "similarly"
            | "likewise"
            | "otherwise"
            | "ultimately"
            | "increasingly"
            | "privately"
            | "publicly"
            | "previously"
            | "recently"
            | "additionally"
            | "further"
            | "furthermore"
            | "moreover"
            | "notably"
            | "specifically"
            | "elsewhere"
            | "afterward"
            | "afterwards"
            | "initially"
            | "originally"
            | "currently"
            | "traditionally"
            | "historically"
            | "generally"
            | "typically"
            | "usually"
            | "often"
            | "sometimes"
            | "already"
            | "yesterday"
    )
}

/// A number, in digits or a small number word ("three in 10").
fn is_count(t: &crate::stream::Tok<'_>) -> bool {
    t.kind == crate::stream::Kind::Number
        || matches!(
            t.lower.as_str(),
            "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine"
        )
}

/// Subordinators after which a participle reports ("while insisting …",
/// "after claiming …").
pub(super) fn opens_participle(w: &str) -> bool {
    matches!(w, "while" | "after" | "before" | "when" | "without")
}

/// A share of a poll's respondents right before the cue at `k`: "50
/// percent saying …", "62 percent of voters saying …", "47% of them say".
pub(super) fn share_before(doc: &Doc<'_>, k: usize) -> Option<(usize, usize)> {
    let toks = &doc.toks;
    let mut e = k;
    // "of voters", "of young Democrats", "of them".
    if let Some(of) = (k.saturating_sub(4)..k).rev().find(|&x| toks[x].lower == "of")
        && (of + 1..k).all(|x| toks[x].is_word())
        && of + 1 < k
    {
        e = of;
    }
    let p = e.checked_sub(1)?;
    // "three in 10 saying …".
    let n = if p >= 2 && toks[p].kind == crate::stream::Kind::Number && toks[p - 1].lower == "in" {
        if !is_count(&toks[p - 2]) {
            return None;
        }
        p - 2
    } else {
        if !(toks[p].lower == "percent" || toks[p].is_punct('%')) {
            return None;
        }
        let n = p.checked_sub(1)?;
        if toks[n].kind != crate::stream::Kind::Number {
            return None;
        }
        n
    };
    // "only 49 percent", "about 60 percent".
    let approx = n.checked_sub(1).filter(|&a| {
        matches!(
            toks[a].lower.as_str(),
            "only" | "about" | "nearly" | "almost" | "roughly" | "just" | "some" | "over"
        )
    });
    Some((approx.unwrap_or(n), k))
}

/// "NAME, APPOSITION," right before the cue at `k`, from the sentence start.
pub(super) fn np_with_apposition(
    doc: &Doc<'_>,
    rules: &Rules,
    s0: usize,
    k: usize,
) -> Option<(usize, usize)> {
    let toks = &doc.toks;
    // Auxiliaries and time adverbials may follow the apposition: "Beck, who
    // supported Cruz, last week said", "Smith, the chairman, has said".
    let k = back_past_aux_and_dates(toks, s0, k, false);
    if k < s0 + 3 {
        return None;
    }
    // The closing comma may sit inside a quotation that ends the apposition:
    // "Humphrey, who calls Trump a “sociopath,” said …".
    let closes = toks[k - 1].is_punct(',')
        || (toks[k - 1].punct().is_some_and(|c| matches!(c, '\u{201d}' | '"'))
            && toks[k - 2].is_punct(','));
    // Or a pair of dashes: "Jason Sims — a teacher from Mount Pleasant — says".
    let dash = toks[k - 1].punct().filter(|c| matches!(c, '\u{2014}' | '\u{2013}'));
    if !closes && dash.is_none() {
        return None;
    }
    let sep = dash.unwrap_or(',');
    let c2 = k - 1;
    // The name ends at the sentence's first comma; the apposition may hold
    // more commas ("director of …, at the University of California, Davis,")
    // and a relative clause ("the founder of the project that encourages
    // …"), but no report of its own ("who said that …").
    // An opening adverbial up to its comma is not the name: "In an
    // interview, Steve Huhn, a former vice president, said …".
    // So is a one-word adverb with its comma ("Later, Kevin Brady, …"), and
    // a conjunction before either ("And on Tuesday, …").
    let mut s0 = s0;
    if toks.get(s0).is_some_and(|t| matches!(t.lower.as_str(), "and" | "but" | "so" | "yet"))
        && toks.get(s0 + 1).is_some_and(|t| t.is_word())
    {
        s0 += 1;
    }
    if toks.get(s0).is_some_and(|t| {
        matches!(
            t.lower.as_str(),
            "in" | "on" | "at" | "as" | "during" | "after" | "before" | "since" | "speaking"
        ) || (t.lower.len() > 5 && t.lower.ends_with("ing"))
    }) && let Some(c) = (s0 + 1..c2.min(s0 + 10)).find(|&x| toks[x].is_punct(','))
    {
        s0 = c + 1;
    } else if toks.get(s0 + 1).is_some_and(|t| t.is_punct(','))
        && toks.get(s0).is_some_and(|t| {
            t.is_word()
                && rules.not_name(&t.lower)
                && rules.pronoun(&t.lower).is_none()
                && !rules.is_determiner(&t.lower)
        })
    {
        s0 += 2;
    }
    // After an opening clause: "While Brookover did not …, Rep. Chris
    // Collins, R-NY, says …": a short apposition, a capitalised name right
    // after the clause's comma.
    if let Some(c1) = (s0..c2).rev().find(|&x| toks[x].is_punct(','))
        && sep == ','
        && c2 - c1 <= 6
        && c1 > s0 + 3
        && matches!(
            toks[s0].lower.as_str(),
            "while"
                | "when"
                | "although"
                | "though"
                | "as"
                | "if"
                | "after"
                | "before"
                | "since"
                | "because"
                | "despite"
                | "asked"
        )
        && let Some(name) = np_before(doc, rules, c1)
        && name.0 > s0
        && toks[name.0 - 1].is_punct(',')
        && toks[name.0].cap
        && (c1 + 1..c2).any(|x| toks[x].is_word())
        && (c1 + 1..c2)
            .all(|x| toks[x].is_word() || toks[x].punct().is_some_and(|c| matches!(c, '-' | '.')))
    {
        return Some((name.0, c2));
    }
    let c1 = (s0..c2).find(|&x| toks[x].is_punct(sep))?;
    let reports = (c1 + 1..c2).any(|x| {
        toks[x].lower == "that"
            && toks[x - 1].is_word()
            && (rules.cue(&toks[x - 1].lower).is_some() || !toks[x - 1].cap && x == c1 + 1)
    });
    // A relative clause may hold a report of its own ("Mrs. Clinton, who
    // did not say that …, said …"): then the speaker is the name alone.
    let relative = toks.get(c1 + 1).is_some_and(|t| t.lower == "who");
    if c1 == c2 || c2 - c1 > 40 || (reports && !relative) {
        return None;
    }
    // "One of the authors of that report, Ari Fleischer, said": a
    // description from the sentence start, then the name as apposition.
    // The name may carry where it is from: "Darran Whiting of Liberty
    // Baptist Church in Marion".
    let linking = |x: usize| matches!(toks[x].lower.as_str(), "of" | "in" | "at" | "from");
    let described = c1 > s0 + 1
        && c1 - s0 <= 12
        && (c1 + 1..c2).filter(|&x| toks[x].is_word() && !linking(x)).count() <= 7
        && (c1 + 1..c2).filter(|&x| toks[x].is_word()).count() <= 9
        && (c1 + 1..c2).all(|x| !toks[x].is_word() || toks[x].cap || (x > c1 + 2 && linking(x)))
        && toks[c1 + 1].cap
        && (s0..c1).all(|x| {
            // "Mr." / "J.": the full stop of an honorific or an initial.
            let stop = toks[x].is_punct('.')
                && x > s0
                && toks[x - 1].cap
                && toks[x - 1].text.chars().count() <= 3;
            stop || (toks[x].is_word() || toks[x].kind == crate::stream::Kind::Number)
                && (cue_at(doc, rules, x).is_none()
                    || noun_use(doc, rules, x)
                    || x > s0 && toks[x - 1].kind == crate::stream::Kind::Number)
        })
        && (toks[s0].lower == "one" || rules.is_determiner(&toks[s0].lower));
    let name = match np_before(doc, rules, c1) {
        Some(n) if n.0 == s0 || !described => n,
        _ if described => (s0, c1),
        _ => return None,
    };
    // The name opens the sentence (or follows "But"/"And").
    let opener = name.0 == s0
        || (name.0 == s0 + 1 && matches!(toks[s0].lower.as_str(), "but" | "and" | "still" | "yet"));
    let inner_ok = (c1 + 1..c2).all(|x| {
        toks[x].punct().is_none()
            || toks[x].is_punct(',')
            || toks[x].punct().is_some_and(|c| {
                matches!(
                    c,
                    '.' | '-'
                        | '('
                        | ')'
                        | '\''
                        | '\u{2019}'
                        | '/'
                        | '$'
                        | '%'
                        | '&'
                        | '\u{201c}'
                        | '\u{201d}'
                        | '"'
                )
            })
    }) && (c1 + 1..c2)
        .any(|x| toks[x].is_word() || toks[x].kind == crate::stream::Kind::Number);
    // An apposition with a report of its own ("Barkley, who said he votes
    // Democratic, said …") is not part of the speaker's name.
    let own_report = (c1 + 1..c2).any(|x| toks[x].is_word() && cue_at(doc, rules, x).is_some());
    // Nor is an adverbial set off by commas ("Clinton, without naming him,
    // said …", "Trump, however, said …").
    let adverbial = !rules.is_german()
        && toks.get(c1 + 1).is_some_and(|t| {
            let w = t.lower.as_str();
            matches!(
                w,
                "without"
                    | "with"
                    | "in"
                    | "on"
                    | "at"
                    | "after"
                    | "before"
                    | "during"
                    | "however"
                    | "though"
                    | "meanwhile"
                    | "instead"
                    | "too"
                    | "again"
                    | "then"
                    | "speaking"
                    | "asked"
                    | "when"
                    | "while"
            ) || (!t.cap && w.len() > 5 && w.ends_with("ing"))
        });
    let np_end = if own_report || adverbial {
        name.1
    } else if toks[c2].is_punct(sep) {
        c2
    } else {
        // A closing quotation mark belongs to the apposition.
        c2 + 1
    };
    (opener && inner_ok && (toks[name.0].cap || rules.is_determiner(&toks[name.0].lower)))
        .then_some((name.0, np_end))
}

/// The subject of the sentence `[s0, k)`: its first name mention or
/// pronoun, or the noun phrase it opens with.
pub(super) fn subject_of(
    doc: &Doc<'_>,
    rules: &Rules,
    s0: usize,
    k: usize,
) -> Option<(usize, usize)> {
    let toks = &doc.toks;
    let mut i = s0;
    while i < k
        && (!toks[i].is_word()
            || matches!(toks[i].lower.as_str(), "but" | "and" | "yet" | "so" | "still"))
    {
        i += 1;
    }
    // A dateline: "WASHINGTON, Dec. 8 (UPI) — In response …, X said".
    if let Some(dash) = dateline_end(doc, i, k) {
        i = dash + 1;
    }
    // An opening time phrase without a comma: "A few minutes later they …".
    if let Some(x) = (i..(i + 5).min(k)).find(|&x| {
        is_time_span(&toks[x].lower)
            && toks
                .get(x + 1)
                .is_some_and(|n| matches!(n.lower.as_str(), "later" | "earlier" | "ago"))
    }) && x + 2 < k
    {
        i = x + 2;
        while i < k && toks[i].is_punct(',') {
            i += 1;
        }
    }
    // An opening adverbial up to its comma: "In Iowa, Cruz spoke, saying …",
    // "Increasingly worried about …, President Obama …".
    let adverb = toks[i..k].first().is_some_and(|t| {
        t.lower.len() > 5
            && t.lower.ends_with("ly")
            && toks.get(i + 1).is_some_and(|n| n.is_punct(',') || (n.is_word() && !n.cap))
    });
    if i < k
        && (rules.not_name(&toks[i].lower) || adverb)
        && rules.pronoun(&toks[i].lower).is_none()
        && rules.honorific(&toks[i].lower).is_none()
        && !rules.is_determiner(&toks[i].lower)
    {
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
    // Role words between a name and a name: "Band member Flea", "Clinton
    // campaign chairman John Podesta", "Republican pollster Daron Shaw".
    if e > i {
        let mut x = e;
        while x < k
            && x < e + 3
            && toks[x].is_word()
            && !toks[x].cap
            && is_role_word(rules, &toks[x].lower)
        {
            x += 1;
        }
        if x > e && x < k && toks[x].is_word() && toks[x].cap && !rules.not_name(&toks[x].lower) {
            e = x;
            while e < k && toks[e].is_word() && toks[e].cap {
                e += 1;
            }
        }
    }
    // "Small groups of protesters looped …": a capitalised first word
    // followed by a noun is an adjective, not a name; the description runs
    // to the verb.
    let past = |x: usize| {
        let w = toks[x].lower.as_str();
        !toks[x].cap
            && x > i + 1
            && ((w.len() > 4 && w.ends_with("ed")) || is_irregular_past(w) || w == "put")
    };
    let sentence_initial = (s0..i).all(|x| !toks[x].is_word());
    if e == i + 1
        && sentence_initial
        && matches!(
            toks[i].lower.as_str(),
            "small"
                | "large"
                | "many"
                | "several"
                | "few"
                | "most"
                | "some"
                | "other"
                | "young"
                | "older"
                | "local"
                | "angry"
                | "hundreds"
                | "thousands"
                | "dozens"
                | "protesters"
                | "demonstrators"
                | "supporters"
                | "critics"
                | "voters"
                | "residents"
                | "officials"
        )
        && toks.get(e).is_some_and(|n| {
            n.is_word()
                && !n.cap
                && !is_aux(&n.lower)
                && !is_finite_verb(&n.lower)
                && cue_at(doc, rules, e).is_none()
                && (n.lower.len() <= 4 || !n.lower.ends_with("ed"))
                && !is_irregular_past(&n.lower)
        })
        && let Some(v) = (e + 1..(e + 6).min(k))
            .find(|&x| cue_at(doc, rules, x).is_some() || is_aux(&toks[x].lower) || past(x))
    {
        return Some((i, v));
    }
    let named = toks[i..e].iter().any(|t| t.cap && !rules.not_name(&t.lower));
    // A possessive name opens a description: "Hillary Clinton’s right-hand
    // woman rallied supporters, saying …" is the woman, up to the verb.
    let possessive = e > i && {
        let w = toks[e - 1].lower.as_str();
        w.ends_with("’s") || w.ends_with("'s")
    };
    if possessive && named {
        let verb = (e..(e + 5).min(k)).find(|&x| {
            let w = toks[x].lower.as_str();
            !toks[x].is_word()
                || cue_at(doc, rules, x).is_some()
                || is_aux(w)
                || (x > e && w.len() > 4 && w.ends_with("ed"))
        });
        if let Some(v) = verb.filter(|&v| v > e && toks[v].is_word()) {
            return Some((i, v));
        }
    }
    if e > i && named {
        return Some((i, e));
    }
    // A description that is the subject of a cue: "The minister said …,
    // adding …", "Several Clinton supporters have said …".
    // Or of a past-tense verb the cue is coordinated with: "The spokesman
    // refused to answer … but said …".
    let v = (i + 1..(i + 7).min(k))
        .find(|&x| cue_at(doc, rules, x).is_some() || is_aux(&toks[x].lower) || past(x))?;
    np_before(doc, rules, v)
        .filter(|np| np.0 == i && rules.is_determiner(&toks[i].lower))
        .filter(|np| plausible_speaker(doc, rules, &EntityTable::default(), *np))
}

/// A title or a word of a role set before a name ("member", "pollster").
pub(super) fn is_role_word(rules: &Rules, w: &str) -> bool {
    rules.is_title(w)
        || matches!(
            w,
            "member"
                | "presidential"
                | "hopeful"
                | "frontrunner"
                | "front-runner"
                | "campaign"
                | "strategist"
                | "pollster"
                | "commentator"
                | "host"
                | "anchor"
                | "columnist"
                | "correspondent"
                | "reporter"
                | "activist"
                | "businessman"
                | "businesswoman"
                | "billionaire"
                | "rapper"
                | "singer"
                | "actor"
                | "actress"
                | "editor"
                | "publisher"
                | "co-founder"
                | "researcher"
                | "lawyer"
                | "author"
                | "historian"
                | "fellow"
                | "expert"
                | "scholar"
                | "consultant"
                | "lobbyist"
                | "organizer"
                | "scientist"
                | "partner"
        )
}

/// Common irregular past-tense verbs of a clause's own ("gave", "took"):
/// with "-ed" forms, what marks a new clause after a subject.
fn is_irregular_past(w: &str) -> bool {
    matches!(w, "made" | "took" | "went" | "gave" | "came" | "met" | "held" | "kept")
}

/// The dash that ends a dateline opening the tokens at `i` (before `k`):
/// upper-case words, then a comma and a date or a parenthesis, then a dash
/// ("WASHINGTON, Dec. 8 (UPI) —", "BEIRUT (Reuters) -").
fn dateline_end(doc: &Doc<'_>, i: usize, k: usize) -> Option<usize> {
    let toks = &doc.toks;
    let mut e = i;
    while e < k && toks[e].is_word() && toks[e].text.chars().all(|c| !c.is_lowercase()) {
        e += 1;
    }
    if e == i
        || toks[i].text.chars().count() < 2
        || !toks.get(e).is_some_and(|t| t.is_punct(',') || t.is_punct('('))
    {
        return None;
    }
    (e + 1..(e + 10).min(k))
        .find(|&x| toks[x].punct().is_some_and(|c| matches!(c, '-' | '\u{2014}' | '\u{2013}')))
}

/// The speaker phrase starting at token `start` (inverted attribution,
/// "said Kremlin spokesman Dmitry Peskov").
pub(super) fn np_after(doc: &Doc<'_>, rules: &Rules, start: usize) -> Option<(usize, usize)> {
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
    // "said at a Fox News town hall …": a place or occasion, not a speaker.
    if toks.get(start).is_some_and(|t| {
        matches!(
            t.lower.as_str(),
            "at" | "in"
                | "during"
                | "to"
                | "from"
                | "with"
                | "by"
                | "for"
                | "after"
                | "before"
                | "about"
                | "of"
        )
    }) {
        return None;
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
            // A finite verb ends it: "…, said Trump’s nomination will …" is
            // a clause, not an inverted speaker.
            if e > start && !rules.is_german() && is_finite_verb(&t.lower) {
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

/// A time noun, also a plural or a length of time ("minutes", "days").
fn is_time_span(w: &str) -> bool {
    is_time_noun(w)
        || matches!(
            w,
            "minute"
                | "minutes"
                | "hour"
                | "hours"
                | "day"
                | "days"
                | "weeks"
                | "months"
                | "years"
                | "moment"
                | "moments"
                | "decade"
                | "decades"
        )
}

pub(super) fn is_time_noun(w: &str) -> bool {
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

pub(super) fn is_weekday(w: &str) -> bool {
    matches!(w, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
}

pub(super) fn is_time_word(w: &str) -> bool {
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
pub(super) fn plausible_speaker(
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
    // A prepositional phrase is nobody: "marching through the streets".
    if !rules.is_german()
        && !toks[np.0].cap
        && matches!(
            toks[np.0].lower.as_str(),
            "through" | "in" | "on" | "at" | "from" | "into" | "across" | "over" | "under" | "with"
        )
    {
        return false;
    }
    // A dateline ("WASHINGTON (AP) —") and the AP's "The Latest:" label
    // open a story; they say nothing.
    let head_end = (np.0..toks.len()).find(|&k| !toks[k].is_word()).unwrap_or(toks.len());
    let caps_only = head_end > np.0
        && (np.0..head_end).all(|k| toks[k].text.chars().all(|c| !c.is_lowercase()));
    // "WASHINGTON, Dec. 8 (UPI) —": a comma and a date.
    let month_after = |k: usize| {
        toks.get(k + 1).is_some_and(|t| {
            matches!(
                t.lower.trim_end_matches('.'),
                "jan"
                    | "january"
                    | "feb"
                    | "february"
                    | "march"
                    | "mar"
                    | "april"
                    | "apr"
                    | "may"
                    | "june"
                    | "jun"
                    | "july"
                    | "jul"
                    | "aug"
                    | "august"
                    | "sept"
                    | "sep"
                    | "september"
                    | "oct"
                    | "october"
                    | "nov"
                    | "november"
                    | "dec"
                    | "december"
            )
        })
    };
    let dateline =
        (np.0 == 0 || toks[np.0].para_start || toks[np.0 - 1].sentence != toks[np.0].sentence)
            && caps_only
            && toks.get(head_end).is_some_and(|t| {
                t.punct().is_some_and(|c| matches!(c, '(' | '-' | '\u{2014}' | '\u{2013}'))
                    || (t.is_punct(',') && month_after(head_end))
            });
    let label = words.len() == 2 && toks[words[0]].lower == "the" && toks[last].lower == "latest";
    if dateline || label {
        return false;
    }
    // A phrase ending in a preposition or an auxiliary is a clause cut
    // short ("Mr. Rubio had at [last]", "the headline by"), and a time
    // phrase is not a speaker ("A few minutes [later]", "A month [ago]").
    if !rules.is_german()
        && (matches!(
            toks[last].lower.as_str(),
            "at" | "by"
                | "to"
                | "of"
                | "in"
                | "on"
                | "for"
                | "with"
                | "from"
                | "had"
                | "has"
                | "have"
                | "was"
                | "were"
                | "is"
                | "are"
        ) || (!toks[last].cap && is_time_span(&toks[last].lower)))
    {
        return false;
    }
    if (np.0..np.1).any(|k| table.at_tok.get(k).copied().flatten().is_some()) {
        return true;
    }
    if words.iter().any(|&k| toks[k].cap) {
        return true;
    }
    // Poll figures: "47 percent said", "nearly three in five say", "half
    // said so", "majorities in all five say".
    let poll = (np.0..np.1).any(|k| {
        toks[k].kind == crate::stream::Kind::Number
            || toks[k].is_punct('%')
            || matches!(
                toks[k].lower.as_str(),
                "percent"
                    | "half"
                    | "third"
                    | "quarter"
                    | "majority"
                    | "majorities"
                    | "plurality"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "seven"
                    | "eight"
                    | "nine"
                    | "ten"
            )
    });
    let first = &toks[words[0]].lower;
    poll || rules.is_determiner(first)
        || toks[last].lower.ends_with('s')
        || rules.is_title(&toks[last].lower)
}

/// `“…,” X said` / `“…,” said X` / `„…“, so X` after the closing mark.
pub(super) fn attribution_after(
    doc: &Doc<'_>,
    rules: &Rules,
    close: usize,
    quoted: &[bool],
) -> Option<Attribution> {
    let toks = &doc.toks;
    let mut i = close + 1;
    // Also the stray mark of a quotation that ends in a quoted word:
    // `''… the word 'old-school,''' said X`.
    while toks.get(i).is_some_and(|t| {
        matches!(t.punct(), Some(',' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '-'))
            || (matches!(t.punct(), Some('\'' | '\u{2019}'))
                && !quoted.get(i).copied().unwrap_or(true))
    }) {
        i += 1;
    }
    let start = i;
    if start >= toks.len() || quoted.get(start).copied().unwrap_or(false) || toks[start].para_start
    {
        return None;
    }
    // A written text "reads": `“…,” read the email.`, `“…” a message on
    // the website reads.` Only right after a quotation: elsewhere "read" is
    // reading.
    if !rules.is_german() {
        if matches!(toks[start].lower.as_str(), "read" | "reads") {
            // The text up to the sentence's punctuation: "a Wednesday
            // editorial in The Des Moines Register".
            let a = start + 1;
            let e = (a..(a + 10).min(toks.len()))
                .find(|&x| !toks[x].is_word() || toks[x].sentence != toks[a].sentence)
                .unwrap_or((a + 10).min(toks.len()));
            let opens = toks
                .get(a)
                .is_some_and(|t| t.is_word() && (t.cap || rules.is_determiner(&t.lower)));
            return (opens && e > a && toks.get(e).is_none_or(|t| t.punct().is_some()))
                .then_some(Attribution { speaker: (a, e), cue: (start, a), speech: true });
        }
        let r = (start + 1..(start + 10).min(toks.len()))
            .take_while(|&x| {
                toks[x].is_word()
                    || toks[x].is_punct('.')
                        && x + 1 < toks.len()
                        && toks[x + 1].is_word()
                        && toks[x - 1].text.chars().count() <= 3
            })
            .find(|&x| matches!(toks[x].lower.as_str(), "read" | "reads"));
        if let Some(r) = r
            && toks.get(r + 1).is_none_or(|t| matches!(t.punct(), Some('.' | ',' | ';')))
            && let Some(np) = np_before(doc, rules, r).filter(|np| np.0 == start)
        {
            return Some(Attribution { speaker: np, cue: (r, r + 1), speech: true });
        }
    }
    // Inverted: cue first. Not a participle: in `defended “New York values,”
    // saying the city …` the words after "saying" are what was said.
    if let Some((cue_end, speech)) = cue_at(doc, rules, start) {
        if is_participle_cue(&toks[start].lower) {
            return None;
        }
        let np = np_after(doc, rules, cue_end)?;
        // `“sociopath,” said he doesn’t believe …`: a pronoun with a verb
        // after it opens a clause the cue reports, not an inverted speaker.
        if rules.pronoun(&toks[np.0].lower).is_some()
            && (np.1 > np.0 + 1 || toks.get(np.1).is_some_and(|t| t.is_word()))
        {
            return None;
        }
        return Some(Attribution { speaker: np, cue: (start, cue_end), speech });
    }
    if rules.is_german() && toks[start].lower == "so" {
        let np = np_after(doc, rules, start + 1)?;
        return Some(Attribution { speaker: np, cue: (start, start + 1), speech: true });
    }
    // A signature after a dash: `“…” - Bernie Sanders.` (fact checks,
    // lists of quotations, the quotation dash ― of readers' voices):
    // capitalised words that end the sentence or run into the next
    // quotation.
    if let Some(dash) = (close + 1..start).find(|&x| {
        toks[x].punct().is_some_and(|c| matches!(c, '-' | '\u{2013}' | '\u{2014}' | '\u{2015}'))
    }) && !rules.is_german()
    {
        let mut e = start;
        while e < toks.len()
            && e < start + 6
            && (toks[e].cap
                || (e > start
                    && toks[e].is_punct('.')
                    && toks[e - 1].text.chars().count() <= 3
                    && toks.get(e + 1).is_some_and(|n| n.cap)))
            && toks[e].sentence == toks[start].sentence
        {
            e += 1;
        }
        let next_quote = quoted.get(e).copied().unwrap_or(false);
        let ends = next_quote
            || toks.get(e).is_none_or(|t| {
                t.para_start || t.sentence != toks[start].sentence || t.is_punct('.')
            });
        let after_end = next_quote
            || toks.get(e + 1).is_none_or(|t| t.para_start || t.sentence != toks[start].sentence);
        if e > start && toks[start].cap && ends && after_end {
            return Some(Attribution { speaker: (start, e), cue: (dash, dash + 1), speech: true });
        }
    }
    // Speaker first: up to 9 words, then the cue.
    let mut k = start;
    // Words, and the full stop of "Mr." or an initial.
    // Also a parenthesis ("Sen. Marco Rubio (R-Fla.)") and an age after
    // a comma ("Ki Hong, 33,").
    let in_name = |k: usize| {
        toks[k].is_word()
            || (toks[k].is_punct('.')
                && k > start
                && toks[k - 1].cap
                && toks[k - 1].text.chars().count() <= 3
                && toks.get(k + 1).is_some_and(|n| n.cap))
            || (toks[k].is_punct('.')
                && k > start
                && toks.get(k + 1).is_some_and(|n| n.is_punct(')') || n.is_punct(',')))
            || (k > start && toks[k].punct().is_some_and(|c| matches!(c, '(' | ')' | '-')))
            || (k > start
                && toks[k].kind == crate::stream::Kind::Number
                && toks[k - 1].is_punct(',')
                && toks.get(k + 1).is_some_and(|n| n.is_punct(',')))
    };
    // The speaker may carry an apposition between commas: "Tomas Vireland,
    // who chaired the meeting, told …"; the speaker is then the name part.
    let mut first_comma = None;
    while k < toks.len() && k < start + 14 + if first_comma.is_some() { 12 } else { 0 } {
        if toks[k].is_punct(',') && k > start && toks[k].sentence == toks[start].sentence {
            first_comma.get_or_insert(k);
            k += 1;
            continue;
        }
        // Inside an apposition, a number is a word ("now 81 and retired").
        let number = first_comma.is_some() && toks[k].kind == crate::stream::Kind::Number;
        if !in_name(k) && !number {
            break;
        }
        if !toks[k].is_word() {
            k += 1;
            continue;
        }
        if let Some((cue_end, speech)) = cue_at(doc, rules, k) {
            if k == start {
                return None;
            }
            // `"…" for Clinton, said Kunin.`: words that cannot open a
            // speaker phrase carry on the quoted clause; the speaker then
            // follows the cue.
            let opener = &toks[start];
            let no_speaker = !opener.cap
                && matches!(
                    opener.lower.as_str(),
                    "for" | "in" | "on" | "at" | "to" | "from" | "with" | "about" | "of" | "by"
                );
            if no_speaker {
                let np = np_after(doc, rules, cue_end)?;
                return Some(Attribution { speaker: np, cue: (k, cue_end), speech });
            }
            let speaker = match first_comma {
                // The apposition must close right before the cue.
                Some(c) if toks[k - 1].is_punct(',') => (start, c),
                Some(_) => return None,
                None => {
                    let np = np_before(doc, rules, k)?;
                    if np.0 < start {
                        return None;
                    }
                    (start, k)
                }
            };
            // `“… heart.” He said he recognizes …`: a quotation that closed
            // its sentence, then a new sentence whose cue reports a clause
            // of its own. The cue is that clause's, not the quotation's.
            if toks[start].sentence != toks[close].sentence
                && reports_a_clause(doc, rules, k, cue_end, quoted)
            {
                return None;
            }
            return Some(Attribution {
                speaker: trim_aux(doc, speaker),
                cue: (k, cue_end),
                speech,
            });
        }
        k += 1;
    }
    None
}

/// True when words of a clause follow the cue `[k, cue_end)` in its
/// sentence (after the addressee and adverbials, outside quotation marks):
/// `He said he recognizes …`, not `He said on Tuesday.` or `he said: “…”`.
fn reports_a_clause(
    doc: &Doc<'_>,
    rules: &Rules,
    k: usize,
    cue_end: usize,
    quoted: &[bool],
) -> bool {
    let toks = &doc.toks;
    let sentence = toks[k].sentence as usize;
    let end = doc.sentence_toks.get(sentence).map_or(cue_end, |s| s.1);
    let rest = skip_adverbials(doc, rules, cue_end, end, &toks[k].lower);
    let Some(first) = toks.get(rest).filter(|_| rest < end) else { return false };
    if !first.is_word() || quoted.get(rest).copied().unwrap_or(false) {
        return false;
    }
    // "Sessions said as he launched the vote": a clause about the moment of
    // saying, not what was said.
    if matches!(
        first.lower.as_str(),
        "as" | "while" | "when" | "before" | "after" | "because" | "since" | "until" | "once"
    ) {
        return false;
    }
    // "X tweeted on Friday with an image.": a prepositional phrase, with no
    // "that" and no pronoun subject of a clause after it.
    let preposition = matches!(
        first.lower.as_str(),
        "with" | "in" | "on" | "at" | "from" | "during" | "via" | "alongside" | "without"
    );
    if preposition
        && !(rest..end).any(|x| toks[x].lower == "that" || rules.pronoun(&toks[x].lower).is_some())
    {
        return false;
    }
    (rest..end).filter(|&x| toks[x].is_word() && !quoted[x]).count() >= 3
}

pub(super) fn trim_aux(doc: &Doc<'_>, np: (usize, usize)) -> (usize, usize) {
    let mut e = np.1;
    while e > np.0 + 1 && is_aux(&doc.toks[e - 1].lower) {
        e -= 1;
    }
    (np.0, e)
}

/// `X said: “…”` / `X told reporters, “…”` / `said X: “…”` before the mark.
pub(super) fn attribution_before(
    doc: &Doc<'_>,
    rules: &Rules,
    open: usize,
    quoted: &[bool],
) -> Option<Attribution> {
    let toks = &doc.toks;
    // A new paragraph ends an attribution unless a colon opens the quote
    // ("… released the following statement:" ¶ "“…”").
    if open == 0 || (toks[open].para_start && !toks[open - 1].is_punct(':')) {
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
        // Words, and the full stop of an initial ("Jeffrey M. Jones").
        let initial = |x: usize| {
            toks[x].is_punct('.')
                && x > 0
                && toks[x - 1].cap
                && toks[x - 1].text.chars().count() <= 2
        };
        while s > 0 && (toks[s - 1].is_word() || initial(s - 1)) && c - s < 7 && !toks[s].para_start
        {
            s -= 1;
        }
        // "… released the following statement:" ¶ "“…”": the subject of
        // the verb that released it.
        if toks[c - 1].lower == "statement" || toks[c - 1].lower == "remarks" {
            let sentence = toks[c - 1].sentence;
            if let Some(v) = (c.saturating_sub(6)..c - 1).find(|&x| {
                toks[x].sentence == sentence
                    && matches!(
                        toks[x].lower.as_str(),
                        "released" | "issued" | "put" | "gave" | "sent"
                    )
            }) && let Some(np) = np_before(doc, rules, v)
                .filter(|np| plausible_speaker(doc, rules, &EntityTable::default(), *np))
            {
                return Some(Attribution { speaker: np, cue: (v, c), speech: true });
            }
        }
        // A dash may set the name off a headline: "HEADLINE - Pew Research: “…”".
        let opens_block = s == 0
            || toks[s].para_start
            || toks[s - 1].sentence != toks[s].sentence
            || toks[s - 1].punct().is_some_and(|c| matches!(c, '-' | '\u{2013}' | '\u{2014}'));
        // A capitalised word that is not just the sentence's first ("A
        // spokesman could only quip:" is a clause, not a name).
        let named = (s..c).any(|x| {
            toks[x].cap && !rules.is_determiner(&toks[x].lower) && !rules.not_name(&toks[x].lower)
        }) && (s..c)
            .all(|x| cue_at(doc, rules, x).is_none() && !is_aux(&toks[x].lower))
            // A name or title, not a clause: "Ms. Okafor listed her
            // conditions:", "More from Jones:" are [`colon_subject`]'s.
            && !matches!(toks[s].lower.as_str(), "more" | "from" | "here" | "here’s" | "here's")
            && !(s..c).any(|x| {
                let t = &toks[x];
                t.is_word()
                    && !t.cap
                    && (rules.pronoun(&t.lower).is_some()
                        || (t.lower.len() > 4 && t.lower.ends_with("ed")))
            });
        if s < c && opens_block && named {
            return Some(Attribution { speaker: (s, c), cue: (c, c + 1), speech: true });
        }
    }
    let sentence = toks[open].sentence;
    // Look back for a cue within 10 tokens, in the sentence of the mark or,
    // after a colon, of the colon (`X said:` ¶ `“…”`).
    let intro = if p.is_punct(':') { toks[open - 1].sentence } else { sentence };
    let mut k = open;
    while k > 0 && open - k < 12 {
        k -= 1;
        if (toks[k].sentence != sentence && toks[k].sentence != intro) || quoted[k] {
            break;
        }
        if let Some((cue_end, speech)) = cue_at(doc, rules, k) {
            if cue_end > open {
                continue;
            }
            // "Kasich said that he appreciates a good, “…”": a clause
            // between the cue and the mark makes the quotation part of
            // reported speech (mixed), not a direct quote of its own.
            let from = skip_adverbials(doc, rules, cue_end, open, &toks[k].lower);
            let clause = (from..open).any(|x| {
                matches!(
                    toks[x].lower.as_str(),
                    "that" | "whether" | "he" | "she" | "they" | "we" | "dass" | "ob"
                )
            });
            if clause {
                return None;
            }
            // "…, Stevie Wonder, who joked of the museum, ''…''": the
            // relative pronoun, resolved to its antecedent.
            if !rules.is_german() && k > 0 && toks[k - 1].lower == "who" {
                return Some(Attribution { speaker: (k - 1, k), cue: (k, cue_end), speech });
            }
            if let Some(np) = np_before(doc, rules, k)
                && plausible_speaker(doc, rules, &EntityTable::default(), np)
            {
                return Some(Attribution { speaker: np, cue: (k, cue_end), speech });
            }
            // "Alex Castellanos, a veteran media consultant who …, said, “…”";
            // "…, Gov. John Kasich (R-OH), said, “…”".
            let s0 = doc.sentence_toks.get(sentence as usize).map_or(0, |s| s.0);
            let before_comma = (k > s0 + 1 && toks[k - 1].is_punct(','))
                .then(|| np_before(doc, rules, k - 1))
                .flatten()
                .filter(|np| {
                    toks[np.1 - 1].is_punct(')')
                        && plausible_speaker(doc, rules, &EntityTable::default(), *np)
                });
            if let Some(np) = before_comma.or_else(|| np_with_apposition(doc, rules, s0, k)) {
                return Some(Attribution { speaker: np, cue: (k, cue_end), speech });
            }
            // "She followed that by saying, “…”", "… and later said, “…”":
            // the cue's subject is the sentence's.
            let mut a = k;
            while a > s0 && toks[a - 1].is_word() && is_aux(&toks[a - 1].lower) {
                a -= 1;
            }
            let joined = a > s0
                && (toks[k].lower.ends_with("ing")
                    || matches!(toks[a - 1].lower.as_str(), "and" | "but"));
            if joined
                && !rules.is_german()
                && let Some(np) = subject_of(doc, rules, s0, a)
                && !(np.0..np.1).any(|x| quoted[x])
            {
                return Some(Attribution { speaker: np, cue: (k, cue_end), speech });
            }
            // Inverted: "sagte der Minister: „…“", "said the minister: “…”";
            // never after a participle ("recalling her own experience: “…”").
            if !is_participle_cue(&toks[k].lower)
                && let Some(np) = np_after(doc, rules, cue_end)
                && np.1 <= open
            {
                return Some(Attribution { speaker: np, cue: (k, cue_end), speech });
            }
            return None;
        }
    }
    as_put_it(doc, rules, open).or_else(|| colon_subject(doc, rules, open))
}

/// `As Professor Foner put it: “…”`, `Or, as Tom Ridge, a former
/// secretary, put it, “…”`: the phrase between "as" and "put it".
fn as_put_it(doc: &Doc<'_>, rules: &Rules, open: usize) -> Option<Attribution> {
    let toks = &doc.toks;
    if rules.is_german() || open < 4 {
        return None;
    }
    let c = open - 1;
    if !matches!(toks[c].punct(), Some(':' | ',')) {
        return None;
    }
    // "put it", or "put it in a lengthy exposé," with a short phrase after.
    let it = (c.saturating_sub(7)..c).rev().find(|&x| {
        toks[x].lower == "it"
            && x >= 3
            && matches!(toks[x - 1].lower.as_str(), "put" | "puts")
            && (x + 1..c).all(|y| toks[y].is_word())
    })?;
    let put = it - 1;
    let sentence = toks[put].sentence;
    let a = (put.saturating_sub(16)..put)
        .rev()
        .take_while(|&x| toks[x].sentence == sentence)
        .find(|&x| toks[x].lower == "as")?;
    let np = put_it_speaker(doc, rules, a, put)?;
    Some(Attribution { speaker: np, cue: (put, it + 1), speech: true })
}

/// The speaker between "as" at `a` and "put" at `put`: "As Professor Foner
/// put it", or the name before an apposition, "as Tom Ridge, a former
/// secretary, put it".
pub(super) fn put_it_speaker(
    doc: &Doc<'_>,
    rules: &Rules,
    a: usize,
    put: usize,
) -> Option<(usize, usize)> {
    let toks = &doc.toks;
    let mut e = put;
    while e > a + 1 && toks[e - 1].is_punct(',') {
        e -= 1;
    }
    let np = (a + 1..e)
        .find(|&x| toks[x].is_punct(','))
        .filter(|_| toks[put - 1].is_punct(','))
        .map_or((a + 1, e), |comma| (a + 1, comma));
    (np.1 > np.0
        && toks[np.0].is_word()
        && (toks[np.0].cap || rules.is_determiner(&toks[np.0].lower))
        && plausible_speaker(doc, rules, &EntityTable::default(), np))
    .then_some(np)
}

/// A sentence without a cue that ends in the colon opening the quotation:
/// `He then listed the qualities a nominee needs: “…”`, `The senator put it
/// this way: “…”`. Its subject, a pronoun or a plausible speaker followed by
/// a verb, is the speaker; the colon stands for the cue. English only.
fn colon_subject(doc: &Doc<'_>, rules: &Rules, open: usize) -> Option<Attribution> {
    let toks = &doc.toks;
    let c = open.checked_sub(1).filter(|&c| toks[c].is_punct(':'))?;
    if rules.is_german() || c == 0 {
        return None;
    }
    let sentence = toks[c - 1].sentence;
    let s0 = doc.sentence_toks.get(sentence as usize).map_or(0, |s| s.0);
    // The last clause: "Reid said …, but he gave the Texan a compliment:".
    let s0 = (s0 + 1..c)
        .rev()
        .find(|&x| toks[x - 1].is_punct(',') && matches!(toks[x].lower.as_str(), "but" | "and"))
        .map_or(s0, |x| x + 1);
    // An opening participle or adverb clause sets the scene: "Increasingly
    // worried about …, President Obama is rolling out a message:".
    // So does one that opens with a preposition: "With Democratic leaders
    // increasingly worried about …, …".
    let scene = toks.get(s0).is_some_and(|t| {
        t.is_word()
            && ((t.lower.len() > 5
                && (t.lower.ends_with("ly")
                    || t.lower.ends_with("ed")
                    || t.lower.ends_with("ing"))
                && rules.pronoun(&t.lower).is_none())
                || matches!(t.lower.as_str(), "with" | "amid" | "despite" | "after" | "before"))
    });
    let s0 = match (scene, (s0 + 1..c).find(|&x| toks[x].is_punct(','))) {
        (true, Some(comma)) => comma + 1,
        _ => s0,
    };
    if (s0..c).any(|x| cue_at(doc, rules, x).is_some() || toks[x].is_punct(':')) {
        return None;
    }
    // "Here’s Clinton in December 1992:", "More from Jones:", "From the
    // report:": the phrase after the opener, up to a time or place phrase.
    let words: Vec<usize> = (s0..c).filter(|&x| toks[x].is_word()).collect();
    let opener = match words.as_slice() {
        [h, s, ..] if toks[*h].lower == "here" && matches!(toks[*s].lower.as_str(), "s" | "is") => {
            Some(*s + 1)
        }
        [h, ..] if toks[*h].lower == "here’s" || toks[*h].lower == "here's" => Some(*h + 1),
        [m, f, ..] if toks[*m].lower == "more" && toks[*f].lower == "from" => Some(*f + 1),
        [f, ..] if toks[*f].lower == "from" && *f == s0 => Some(*f + 1),
        _ => None,
    };
    if let Some(a) = opener.filter(|&a| a < c) {
        let e = (a + 1..c)
            .find(|&x| matches!(toks[x].lower.as_str(), "in" | "on" | "at" | "during" | "last"))
            .unwrap_or(c);
        let np = (a, e);
        return (toks[a].is_word()
            && (toks[a].cap || rules.is_determiner(&toks[a].lower))
            && plausible_speaker(doc, rules, &EntityTable::default(), np))
        .then_some(Attribution { speaker: np, cue: (c, c + 1), speech: true });
    }
    let np = subject_of(doc, rules, s0, c)?;
    let verb = toks.get(np.1).filter(|t| t.is_word() && !t.cap && np.1 < c)?;
    let pronoun = np.1 == np.0 + 1 && rules.pronoun(&toks[np.0].lower).is_some();
    let ok = (pronoun && !matches!(toks[np.0].lower.as_str(), "it" | "this" | "that"))
        || plausible_speaker(doc, rules, &EntityTable::default(), np);
    // A verb, not a copula: "The stakes are clear:" describes ("is rolling
    // out a message:" is a verb).
    let progressive = toks.get(np.1 + 1).is_some_and(|n| !n.cap && n.lower.ends_with("ing"));
    let copula = matches!(verb.lower.as_str(), "is" | "are" | "was" | "were" | "be" | "been")
        && !progressive;
    (ok && !rules.is_determiner(&verb.lower) && !copula).then_some(Attribution {
        speaker: np,
        cue: (c, c + 1),
        speech: true,
    })
}

/// `what he called “…”` / `which X described as “…”`.
pub(super) fn partial_after_called(
    doc: &Doc<'_>,
    rules: &Rules,
    open: usize,
) -> Option<Attribution> {
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

/// After a cue: skips "reporters", "CNN", "on Tuesday", "in a statement".
pub(super) fn skip_adverbials(
    doc: &Doc<'_>,
    rules: &Rules,
    mut i: usize,
    end: usize,
    cue: &str,
) -> usize {
    let toks = &doc.toks;
    // "said to reporters that …": "to" and the addressee.
    let to_addressee = i + 1 < end
        && toks[i].lower == "to"
        && !matches!(cue, "told" | "tells" | "tell" | "telling")
        && !is_commitment(cue)
        && opens_addressee(rules, &toks[i + 1]);
    if to_addressee {
        i += 1;
        // "to the crowd", "to an American": the words up to a time word,
        // "that" or punctuation.
        let s = i;
        while i < end
            && i < s + 4
            && toks[i].is_word()
            && toks[i].lower != "that"
            && !is_time_word(&toks[i].lower)
        {
            i += 1;
        }
    }
    let start = i;
    if !to_addressee
        && (matches!(cue, "told" | "tells" | "tell" | "telling" | "asked" | "urged" | "warned")
            || is_addressee_cue(cue))
    {
        // One noun phrase: "reporters", "the BBC", "Fox News".
        let det = i < end && toks[i].is_word() && rules.is_determiner(&toks[i].lower);
        if det {
            i += 1;
        }
        // After a determiner its noun may be lower-case: "told the crowd".
        while i < end
            && toks[i].is_word()
            && (toks[i].cap || i == start || (det && i == start + 1 && toks[i].lower != "that"))
            && i < start + 4
        {
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

/// German adverbs that open a sentence before the verb (V2 order), with the
/// subject after it: "Dazu sagte Hartmann", "Später erklärte das Gericht".
pub(super) const GERMAN_ADVERBS: &[&str] = &[
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

/// `P, X said, R`: an attribution set between commas inside the sentence it
/// reports, with `P` from the sentence start (`s0`) part of what was said:
/// "Many of the closures, he said, have involved public courses." Returns
/// `(p_start, p_end, r_start)`: the prefix `[p_start, p_end)` (a leading
/// "but", "and" left out) and where the rest `R` starts, after the comma.
///
/// A prefix that only sets the scene is not content: "In the early 1990s,
/// Ms. Ripert said, when …", "Still, she added, …", "Asked about it, he
/// said, …". English only: German news sets its attributions differently.
pub(super) fn parenthetical_prefix(
    doc: &Doc<'_>,
    rules: &Rules,
    s0: usize,
    speaker: (usize, usize),
    cue: (usize, usize),
    quoted: &[bool],
) -> Option<(usize, usize, usize)> {
    let toks = &doc.toks;
    if rules.is_german() {
        return None;
    }
    let comma = speaker.0.checked_sub(1).filter(|&c| c > s0 && toks[c].is_punct(','))?;
    let sentence = toks[cue.0].sentence as usize;
    let end = doc.sentence_toks.get(sentence).map_or(cue.1, |s| s.1);
    let after = skip_adverbials(doc, rules, cue.1, end, &toks[cue.0].lower);
    if !toks.get(after).is_some_and(|t| t.is_punct(',')) || after + 1 >= end {
        return None;
    }
    let mut p0 = s0;
    while p0 < comma && matches!(toks[p0].lower.as_str(), "but" | "and" | "yet" | "so") {
        p0 += 1;
    }
    let first_ix = (p0..comma).find(|&x| toks[x].is_word())?;
    let first = &toks[first_ix];
    if (p0..comma).any(|x| quoted[x] || cue_at(doc, rules, x).is_some()) {
        return None;
    }
    let scene = matches!(
        first.lower.as_str(),
        "in" | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "since"
            | "until"
            | "by"
            | "from"
            | "still"
            | "however"
            | "also"
            | "now"
            | "then"
            | "meanwhile"
            | "later"
            | "earlier"
            | "instead"
            | "moreover"
            | "indeed"
            | "yesterday"
            | "today"
            | "tonight"
            | "asked"
            | "speaking"
            | "writing"
            | "separately"
            | "similarly"
            | "likewise"
            | "overall"
            | "ultimately"
            | "finally"
            | "first"
            | "second"
            | "third"
            | "last"
            | "next"
            | "for"
            | "as"
            | "here"
            | "there"
            | "again"
    ) || is_time_word(&first.lower)
        || (first.lower == "when" && toks.get(first_ix + 1).is_some_and(|t| t.lower == "asked"));
    let long = || (p0..comma).filter(|&x| toks[x].is_word()).count() > 6;
    if scene && !(first.lower == "for" && long()) {
        return None;
    }
    Some((p0, comma, after + 1))
}

/// Where reported content `[c0, end)` gives way to a second report in the
/// same sentence: "She said A, but she said B", "Podesta said A and said
/// B", "X said A, adding that B", "X said A; Y said B". Returns the token
/// where the first content stops (the comma, semicolon or conjunction) and
/// the next report's scan starts. English only.
pub(super) fn next_report(
    doc: &Doc<'_>,
    rules: &Rules,
    c0: usize,
    end: usize,
    quoted: &[bool],
) -> Option<usize> {
    let toks = &doc.toks;
    if rules.is_german() {
        return None;
    }
    let strong_at = |k: usize| {
        toks.get(k).is_some_and(|t| rules.strong_cue(&t.lower))
            && cue_at(doc, rules, k).is_some_and(|(e, _)| {
                let rest = skip_adverbials(doc, rules, e, end, &toks[k].lower);
                (rest..end).filter(|&x| toks[x].is_word()).count() >= 3
            })
    };
    // "While Sanders has pledged A, Devine suggested B": a report inside an
    // opening subordinate clause ends at the clause's comma when the main
    // clause has a report of its own.
    let s0 =
        toks.get(c0).and_then(|t| doc.sentence_toks.get(t.sentence as usize)).map_or(c0, |s| s.0);
    let subordinate = (s0..c0)
        .find(|&x| toks[x].is_word() && !matches!(toks[x].lower.as_str(), "and" | "but" | "yet"))
        .is_some_and(|x| {
            matches!(
                toks[x].lower.as_str(),
                "while" | "when" | "although" | "though" | "whereas" | "because" | "since" | "if"
            )
        });
    if subordinate {
        let comma = (c0 + 2..end.saturating_sub(3)).find(|&j| !quoted[j] && toks[j].is_punct(','));
        if let Some(j) = comma {
            let report = (j + 2..(j + 10).min(end)).find(|&k| cue_at(doc, rules, k).is_some());
            if let Some(k) = report {
                let mut a = k;
                while a > j + 1 && toks[a - 1].is_word() && is_aux(&toks[a - 1].lower) {
                    a -= 1;
                }
                // Its subject right after the comma, or a pronoun after an
                // adverbial: ", at the town hall this week she said …".
                let subject = np_before(doc, rules, a).is_some_and(|np| {
                    (np.0 == j + 1
                        || (np.1 == np.0 + 1
                            && rules.pronoun(&toks[np.0].lower).is_some()
                            && (j + 1..np.0).all(|x| toks[x].is_word())))
                        && plausible_speaker(doc, rules, &EntityTable::default(), np)
                });
                if subject {
                    return Some(j);
                }
            }
        }
    }
    for j in c0 + 2..end.saturating_sub(3) {
        if quoted[j] {
            continue;
        }
        let t = &toks[j];
        // "… ― as was true for … ― Trump boasted, “…”": after a dash, a
        // subject and a cue of its own.
        if t.punct().is_some_and(|c| matches!(c, '\u{2014}' | '\u{2015}' | '\u{2013}'))
            && let Some(k) = (j + 2..(j + 7).min(end)).find(|&k| {
                !quoted[k]
                    && cue_at(doc, rules, k).is_some()
                    && (rules.strong_cue(&toks[k].lower)
                        || toks.get(k + 1).is_some_and(|n| n.is_punct(',') || n.is_punct(':')))
            })
            && np_before(doc, rules, k).is_some_and(|np| {
                np.0 == j + 1 && plausible_speaker(doc, rules, &EntityTable::default(), np)
            })
        {
            return Some(j);
        }
        let cut = if j > c0 && toks[j - 1].is_punct(',') { j - 1 } else { j };
        // ", adding that …"
        if t.is_punct(',')
            && is_participle_cue(&toks[j + 1].lower)
            && cue_at(doc, rules, j + 1).is_some()
        {
            return Some(j);
        }
        let conj =
            matches!(t.lower.as_str(), "and" | "but" | "while" | "whereas" | "though" | "although")
                || t.is_punct(';');
        if !conj {
            continue;
        }
        // The next cue within a short subject: "and said", "but she said",
        // "and the governor has said", "while Clinton said".
        // ", and he railed against …": a clause of the speaker's own, past
        // tense, after a comma, ends what was said.
        if j > c0 + 3
            && toks[j - 1].is_punct(',')
            && matches!(t.lower.as_str(), "and" | "but")
            && toks.get(j + 1).is_some_and(|p| matches!(p.lower.as_str(), "he" | "she" | "they"))
            && toks.get(j + 2).is_some_and(|v| {
                (v.lower.len() > 4 && v.lower.ends_with("ed")) || is_irregular_past(&v.lower)
            })
        {
            return Some(cut);
        }
        // Right after the conjunction any cue will do: "… and questioned how
        // …", "… but denied that …".
        if !t.is_punct(';')
            && toks.get(j + 1).is_some_and(|n| !rules.strong_cue(&n.lower))
            && cue_at(doc, rules, j + 1).is_some()
            && (j + 2..end).filter(|&x| toks[x].is_word()).count() >= 2
        {
            return Some(cut);
        }
        let Some(k) = (j + 1..(j + 8).min(end)).find(|&k| strong_at(k)) else { continue };
        if k == j + 1 {
            if t.is_punct(';') {
                continue;
            }
            return Some(cut);
        }
        let between_aux = (j + 1..k).all(|x| toks[x].is_word() && is_aux(&toks[x].lower));
        let subject = np_before(doc, rules, k).is_some_and(|np| {
            np.0 == j + 1 && plausible_speaker(doc, rules, &EntityTable::default(), np)
        }) || subject_from_start(doc, rules, j + 1, k, quoted).is_some();
        if between_aux || subject {
            return Some(cut);
        }
    }
    None
}
