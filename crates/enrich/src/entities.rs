//! Named entities with roles, from rules and gazetteers.
//!
//! No neural model: names are runs of capitalised words (with connectors
//! such as "of" and "von" inside), split into a role part and a name part
//! at the last title word ("US Secretary of State | Marco Rubio"), and
//! typed by honorifics, titles, organisation words, acronyms and the
//! [`Lexicon`]'s first names and places. Roles also come from words before
//! the run ("Kremlin spokesman Dmitry Peskov") and from appositions
//! ("Rubio, the top US diplomat," / "a spokesman, Scott Whiffen").
//!
//! Within the article, a surname or first-name mention joins the person
//! named in full (before or after it), so "Rubio" and "Mr. Rubio" are
//! mentions of Marco Rubio. German capitalises every noun, so in German a
//! run only counts as a name when a first name, honorific, title or
//! gazetteer entry backs it, or when it is a surname seen before.

use std::collections::{HashMap, HashSet};

use parallax_model::Span;
use parallax_text::fold_diacritics;
use serde::Serialize;

use crate::lexicon::{Gender, Lexicon};
use crate::rules::Rules;
use crate::stream::{Doc, Kind};

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation (government body, company, party, outlet…).
    Organization,
    /// A place.
    Place,
    /// A name of unknown kind.
    Other,
}

/// One entity of an article, with every mention of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// Its fullest name in the article ("Marco Rubio").
    pub name: String,
    /// Person, organisation, place or other.
    pub kind: EntityKind,
    /// Roles from titles and appositions ("US Secretary of State").
    pub roles: Vec<String>,
    /// Other surface forms used ("Rubio", "Mr. Rubio").
    pub aliases: Vec<String>,
    /// Byte spans of every mention (names, short forms, and the pronouns and
    /// descriptions that quote attribution resolved to it).
    pub mentions: Vec<Span>,
    /// Gender, when a first name, honorific or pronoun tells it.
    pub gender: Option<Gender>,
    /// Matching key across articles: lower-cased, diacritics folded.
    pub key: String,
}

/// A name mention found in the token stream.
#[derive(Debug, Clone)]
pub(crate) struct NameMention {
    /// Token range of the name part.
    pub(crate) toks: (usize, usize),
    /// Token range including the role prefix and honorific.
    pub(crate) full: (usize, usize),
    pub(crate) entity: usize,
}

/// The entities of one article and where each mention sits.
#[derive(Debug, Default)]
pub(crate) struct EntityTable {
    pub(crate) entities: Vec<Entity>,
    pub(crate) mentions: Vec<NameMention>,
    /// Entity of the name mention covering each token.
    pub(crate) at_tok: Vec<Option<usize>>,
}

impl EntityTable {
    /// Adds a mention span to an entity (pronouns and descriptions that
    /// attribution resolved).
    pub(crate) fn add_mention(&mut self, entity: usize, span: Span) {
        if let Some(e) = self.entities.get_mut(entity)
            && !e.mentions.contains(&span)
        {
            e.mentions.push(span);
            e.mentions.sort();
        }
    }
}

/// A candidate before grouping.
struct Cand {
    name: (usize, usize),
    full: (usize, usize),
    role: Option<String>,
    gender: Option<Gender>,
    kind: EntityKind,
    /// Person-like evidence (honorific, title, first name).
    personal: bool,
}

/// How each word is written across the article, gathered once so that
/// capitalisation questions about a word do not rescan the text.
struct Seen<'d> {
    /// Words that appear in lower case.
    lowered: HashSet<&'d str>,
    /// Words that appear capitalised away from a sentence start.
    mid_caps: HashSet<&'d str>,
}

impl<'d> Seen<'d> {
    fn new(doc: &'d Doc<'_>) -> Seen<'d> {
        let mut seen = Seen { lowered: HashSet::new(), mid_caps: HashSet::new() };
        for (k, t) in doc.toks.iter().enumerate() {
            if !t.is_word() {
                continue;
            }
            if !t.cap {
                seen.lowered.insert(t.lower.as_str());
            } else if !sentence_initial(doc, k) {
                seen.mid_caps.insert(t.lower.as_str());
            }
        }
        seen
    }
}

/// Finds the entities of `doc`.
pub(crate) fn find(doc: &Doc<'_>, lex: &Lexicon) -> EntityTable {
    let rules = Rules::for_lang(doc.lang);
    let toks = &doc.toks;
    let seen = Seen::new(doc);
    let mut cands: Vec<Cand> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !starts_name(doc, i) {
            i += 1;
            continue;
        }
        // Extend the run.
        let mut j = i + 1;
        while j < toks.len() && toks[j].sentence == toks[i].sentence {
            let t = &toks[j];
            // A possessive ends the run ("Al Jazeera’s | Hashem Ahelbarra"),
            // unless the name goes on to a place word ("St Michael's Road").
            if toks[j - 1].is_word()
                && toks[j - 1].bare().len() < toks[j - 1].text.len()
                && !toks.get(j).is_some_and(|t| is_place_word(&t.lower))
            {
                break;
            }
            if t.is_word() && (t.cap || is_acronym(t.text)) && !rules.not_name(&t.lower) {
                j += 1;
            } else if t.is_word()
                && rules.is_connector(&t.lower)
                && toks.get(j + 1).is_some_and(|n| n.is_word() && n.cap)
            {
                j += 2;
            } else if t.is_punct('.')
                && (toks[j - 1].text.chars().count() == 1
                    || rules.honorific(&toks[j - 1].lower).is_some()
                    || matches!(toks[j - 1].lower.as_str(), "st" | "mt" | "ft"))
                && toks.get(j + 1).is_some_and(|n| n.is_word() && n.cap)
            {
                j += 1; // an initial: "George W. Bush"
            } else {
                break;
            }
        }
        if let Some(c) = candidate(doc, rules, lex, &seen, i, j) {
            cands.push(c);
        }
        i = j;
    }
    group(doc, rules, lex, &seen, cands)
}

/// Words that end street, building and landmark names.
fn is_place_word(w: &str) -> bool {
    matches!(
        w,
        "road"
            | "street"
            | "square"
            | "hospital"
            | "school"
            | "church"
            | "cathedral"
            | "college"
            | "park"
            | "bridge"
            | "lane"
            | "avenue"
            | "hall"
            | "gate"
            | "station"
            | "market"
    )
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '-' || c.is_numeric())
}

/// Whether a name run may start at token `i`.
fn starts_name(doc: &Doc<'_>, i: usize) -> bool {
    let t = &doc.toks[i];
    if !t.is_word() || !t.cap {
        return false;
    }
    let rules = Rules::for_lang(doc.lang);
    !rules.not_name(&t.lower) || rules.honorific(&t.lower).is_some()
}

/// True when token `i` opens its sentence (after opening punctuation).
fn sentence_initial(doc: &Doc<'_>, i: usize) -> bool {
    let s = doc.toks[i].sentence;
    let mut k = i;
    while k > 0 {
        let p = &doc.toks[k - 1];
        if p.sentence != s || p.para_start && k - 1 == i {
            return true;
        }
        match p.kind {
            Kind::Punct(c) if is_open_punct(c) => k -= 1,
            Kind::Punct(':') => return true,
            _ => return false,
        }
    }
    true
}

fn is_open_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}'
            | '\u{201e}'
            | '\u{00ab}'
            | '\u{00bb}'
            | '\u{2018}'
            | '\''
            | '('
            | '['
            | '-'
            | '\u{2013}'
            | '\u{2014}'
    )
}

/// Builds the candidate for the capitalised run `[i, j)`.
fn candidate(
    doc: &Doc<'_>,
    rules: &Rules,
    lex: &Lexicon,
    seen: &Seen<'_>,
    i: usize,
    j: usize,
) -> Option<Cand> {
    let toks = &doc.toks;
    let mut a = i;
    let mut gender = None;
    let mut personal = false;
    // Honorifics and leading title words.
    let mut role_start = None;
    let mut last_title = None;
    for k in i..j {
        let w = &toks[k].lower;
        if let Some(g) = rules.honorific(w) {
            gender = gender.or(g);
            personal = true;
            a = k + 1;
            // "Mr." keeps its dot as a separate token.
            if toks.get(a).is_some_and(|t| t.is_punct('.')) {
                a += 1;
            }
            continue;
        }
        if rules.is_title(w) {
            role_start.get_or_insert(k);
            last_title = Some(k);
        }
    }
    let mut name_start = a;
    // "Kestwick General Hospital": a run ending in an organisation word is
    // one name, whatever title words it holds.
    let org_run = (i..j).any(|k| rules.is_org_word(&toks[k].lower));
    let last_title = last_title.filter(|_| !org_run);
    if let Some(lt) = last_title {
        if lt + 1 < j {
            let mut ns = lt + 1;
            // "Secretary of State Marco Rubio": the "of …" part is the role's.
            if toks[ns].lower == "of" || toks[ns].lower == "for" {
                let rest = j - ns - 1;
                let first_name_at = (ns + 1..j).find(|&k| lex.first_name(toks[k].bare()).is_some());
                ns = match first_name_at {
                    Some(k) if k > ns + 1 => k,
                    _ if rest >= 3 => ns + 2,
                    _ => ns + 1 + rest.saturating_sub(2).max(1).min(rest),
                };
            }
            if ns < j {
                name_start = ns;
                personal = true;
            }
        } else {
            // The run is only a role ("Prime Minister", "the Kremlin").
            return None;
        }
    }
    // Leading words that are not names at a sentence start ("Asked …").
    while name_start < j && sentence_initial(doc, name_start) {
        let t = &toks[name_start];
        if rules.not_name(&t.lower)
            || (j - name_start == 1 && seen.lowered.contains(t.lower.as_str()))
        {
            name_start += 1;
        } else {
            break;
        }
    }
    // Drop a leading "The" and trailing connector.
    while name_start < j && rules.is_determiner(&toks[name_start].lower) {
        name_start += 1;
    }
    let mut name_end = j;
    while name_end > name_start
        && (!toks[name_end - 1].is_word() || rules.is_connector(&toks[name_end - 1].lower))
    {
        name_end -= 1;
    }
    if name_start >= name_end {
        return None;
    }
    // Role words before the run: "Kremlin spokesman Dmitry Peskov".
    let mut pre = i;
    while pre > 0 {
        let p = &toks[pre - 1];
        if p.sentence != toks[i].sentence || !p.is_word() {
            break;
        }
        let possessive = p.lower.ends_with("'s") || p.lower.ends_with("\u{2019}s");
        if rules.is_title(&p.lower)
            || (p.cap && i - pre < 4 && !rules.not_name(&p.lower))
            || possessive
        {
            pre -= 1;
        } else {
            break;
        }
    }
    let has_pre_title = (pre..i).any(|k| rules.is_title(&toks[k].lower));
    // The role is the whole run before the name: "Danish Foreign Minister".
    let role_from = if has_pre_title { Some(pre) } else { role_start.map(|_| a) };
    let role = role_from
        .filter(|&r| r < name_start)
        .map(|r| doc.slice(doc.span_of(r, name_start)).trim_end_matches([',', ' ']).to_string())
        .map(|r| strip_honorific_text(&r))
        .filter(|r| !r.is_empty());
    if role.is_some() {
        personal = true;
    }
    let name_text = doc.slice(doc.span_of(name_start, name_end));
    let words: Vec<&str> =
        (name_start..name_end).filter(|&k| toks[k].is_word()).map(|k| toks[k].bare()).collect();
    // A known first name makes a multi-word name a person, unless the
    // whole is a place ("Santa Clara", "Victoria Falls").
    let first =
        if words.len() >= 2 { words.first().and_then(|w| lex.first_name_info(w)) } else { None };
    let place =
        lex.place(name_text).is_some() || (words.len() == 1 && lex.place(words[0]).is_some());
    // "Al Jazeera's …" (a possessive before another name) and "Key European
    // countries" (a demonym inside) are not people, whatever first name
    // they start with.
    let possessive_end = toks[name_end - 1].bare().len() < toks[name_end - 1].text.len();
    let has_demonym = words.iter().skip(1).any(|w| {
        crate::lexicon::demonym(w).is_some()
            || matches!(
                w.to_lowercase().as_str(),
                "european"
                    | "african"
                    | "asian"
                    | "arab"
                    | "latin"
                    | "western"
                    | "eastern"
                    | "northern"
                    | "southern"
                    | "nordic"
                    | "baltic"
                    | "balkan"
            )
    });
    let first = first.filter(|_| !possessive_end && !has_demonym);
    if let Some(info) = first
        && (personal || !place)
    {
        gender = gender.or(Some(info.gender));
        personal = true;
    }
    // "Russian", "Danish": adjectives, not entities.
    if words.len() == 1 && !personal && !place && crate::lexicon::demonym(words[0]).is_some() {
        return None;
    }
    let lower_words: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let kind = if lower_words.iter().any(|w| rules.is_org_word(w))
        || (words.len() == 1
            && (rules.is_org(&lower_words[0])
                || (is_acronym(words[0]) && lex.place(words[0]).is_none())))
    {
        EntityKind::Organization
    } else if personal {
        EntityKind::Person
    } else if place {
        EntityKind::Place
    } else {
        EntityKind::Other
    };
    // In German, unbacked capitalised words are just nouns.
    if rules.is_german()
        && kind == EntityKind::Other
        && !(words.len() >= 2 && words.iter().all(|w| !rules.not_name(&w.to_lowercase())))
    {
        // Keep single words only when they could be surnames seen with a
        // first name elsewhere; `group` decides.
        return Some(Cand {
            name: (name_start, name_end),
            full: (pre.min(a), j),
            role,
            gender,
            kind,
            personal: false,
        });
    }
    Some(Cand {
        name: (name_start, name_end),
        full: (pre.min(a).min(name_start), j),
        role,
        gender,
        kind,
        personal,
    })
}

fn strip_honorific_text(role: &str) -> String {
    role.trim().trim_start_matches("the ").trim_start_matches("The ").to_string()
}

/// Groups candidates into entities: full names first, then short forms.
fn group(
    doc: &Doc<'_>,
    rules: &Rules,
    lex: &Lexicon,
    seen: &Seen<'_>,
    cands: Vec<Cand>,
) -> EntityTable {
    let toks = &doc.toks;
    let mut table = EntityTable { at_tok: vec![None; toks.len()], ..Default::default() };
    let mut by_key: HashMap<String, usize> = HashMap::new();
    // Surname / first name → person.
    let mut short: HashMap<String, usize> = HashMap::new();
    let words_of = |c: &Cand| -> Vec<String> {
        (c.name.0..c.name.1)
            .filter(|&k| toks[k].is_word())
            .map(|k| fold_diacritics(toks[k].bare()))
            .collect()
    };
    // Pass 1: multi-word persons and backed names.
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&k| {
        let c = &cands[k];
        let n = c.name.1 - c.name.0;
        (std::cmp::Reverse(usize::from(c.kind == EntityKind::Person) * 10 + n.min(9)), c.name.0)
    });
    let mut assigned: Vec<Option<usize>> = vec![None; cands.len()];
    for &k in &order {
        let c = &cands[k];
        let words = words_of(c);
        if words.is_empty() {
            continue;
        }
        let key = words.join(" ");
        let target = by_key
            .get(&key)
            .copied()
            .or_else(|| if words.len() == 1 { short.get(&words[0]).copied() } else { None });
        let target = match target {
            Some(t) => Some(t),
            None => {
                // A lone unbacked capitalised word is no name when it is German
                // (every noun is capitalised) or only ever opens sentences.
                let lone = c.kind == EntityKind::Other && words.len() == 1 && !c.personal;
                if lone && (rules.is_german() || is_sentence_only_word(doc, seen, c)) {
                    None
                } else {
                    let name = doc.slice(doc.span_of(c.name.0, c.name.1)).to_string();
                    let name =
                        name.trim_end_matches("'s").trim_end_matches("\u{2019}s").to_string();
                    table.entities.push(Entity {
                        name,
                        kind: c.kind,
                        roles: Vec::new(),
                        aliases: Vec::new(),
                        mentions: Vec::new(),
                        gender: None,
                        key: key.clone(),
                    });
                    let id = table.entities.len() - 1;
                    by_key.insert(key.clone(), id);
                    if c.kind == EntityKind::Person && words.len() >= 2 {
                        if let Some(last) = words.last() {
                            short.entry(last.clone()).or_insert(id);
                        }
                        short.entry(words[0].clone()).or_insert(id);
                    }
                    Some(id)
                }
            }
        };
        assigned[k] = target;
    }
    let _ = lex;
    for (k, c) in cands.iter().enumerate() {
        let Some(id) = assigned[k] else { continue };
        let span = doc.span_of(c.name.0, c.name.1);
        let surface =
            doc.slice(span).trim_end_matches("'s").trim_end_matches("\u{2019}s").to_string();
        if let Some(e) = table.entities.get_mut(id) {
            if c.kind == EntityKind::Person && e.kind == EntityKind::Other {
                e.kind = EntityKind::Person;
            }
            e.gender = e.gender.or(c.gender);
            if let Some(r) = &c.role
                && !e.roles.iter().any(|x| x.eq_ignore_ascii_case(r))
            {
                e.roles.push(r.clone());
            }
            if surface != e.name && !e.aliases.contains(&surface) {
                e.aliases.push(surface);
            }
            e.mentions.push(span);
        }
        for slot in &mut table.at_tok[c.full.0..c.full.1] {
            *slot = Some(id);
        }
        table.mentions.push(NameMention { toks: c.name, full: c.full, entity: id });
    }
    table.mentions.sort_by_key(|m| m.toks.0);
    appositions(doc, rules, &mut table);
    for e in &mut table.entities {
        e.mentions.sort();
        e.mentions.dedup();
    }
    table
}

/// A single capitalised word seen only at sentence starts, or also in lower
/// case: not a name.
fn is_sentence_only_word(doc: &Doc<'_>, seen: &Seen<'_>, c: &Cand) -> bool {
    let w = doc.toks[c.name.0].lower.as_str();
    !seen.mid_caps.contains(w) || seen.lowered.contains(w)
}

/// Roles from appositions: "Rubio, the top US diplomat," and
/// "a spokesman, Scott Whiffen".
fn appositions(doc: &Doc<'_>, rules: &Rules, table: &mut EntityTable) {
    let toks = &doc.toks;
    let mut found: Vec<(usize, String)> = Vec::new();
    for m in &table.mentions {
        let (a, b) = m.toks;
        // After: NAME , the/a ... title ... ,|.
        if toks.get(b).is_some_and(|t| t.is_punct(','))
            && let Some(d) = toks.get(b + 1)
            && rules.is_determiner(&d.lower)
            && d.lower != "one"
        {
            let mut e = b + 2;
            while e < toks.len()
                && e < b + 10
                && toks[e].is_word()
                && toks[e].sentence == toks[b].sentence
            {
                e += 1;
            }
            let ends = toks.get(e).is_none_or(|t| matches!(t.punct(), Some(',' | '.' | ';')));
            let short = e <= b + 8
                && !(b + 2..e).any(|k| {
                    matches!(toks[k].lower.as_str(), "in" | "at" | "on" | "with" | "from")
                });
            if ends && short && (b + 2..e).any(|k| rules.is_title(&toks[k].lower)) {
                found.push((m.entity, doc.slice(doc.span_of(b + 2, e)).to_string()));
            }
        }
        // Before: a/the ... title , NAME
        if a >= 2 && toks[a - 1].is_punct(',') {
            let mut s = a - 1;
            while s > 0
                && toks[s - 1].is_word()
                && a - s < 10
                && toks[s - 1].sentence == toks[a].sentence
            {
                s -= 1;
                if rules.is_determiner(&toks[s].lower) {
                    break;
                }
            }
            let short = !(s + 1..a - 1)
                .any(|k| matches!(toks[k].lower.as_str(), "in" | "at" | "on" | "with" | "from"));
            if short
                && s < a - 1
                && rules.is_determiner(&toks[s].lower)
                && (s + 1..a - 1).any(|k| rules.is_title(&toks[k].lower))
            {
                found.push((m.entity, doc.slice(doc.span_of(s + 1, a - 1)).to_string()));
            }
        }
    }
    for (id, role) in found {
        if let Some(e) = table.entities.get_mut(id) {
            if e.kind == EntityKind::Other {
                e.kind = EntityKind::Person;
            }
            if !e.roles.iter().any(|x| x.eq_ignore_ascii_case(&role)) {
                e.roles.push(role);
            }
        }
    }
}
