//! Entities across articles: one entry per real person, organisation or
//! place.
//!
//! Two entities of different articles are the same when their kinds agree
//! (or one is of unknown kind) and one of these holds, on names folded to
//! lower-case ASCII ("Løkke" → "lokke", "U.S." → "us"):
//!
//! - a name or alias of one equals a name or alias of the other;
//! - one is an acronym of the other ("US" ~ "United States"), for
//!   organisations and places;
//! - people: the surnames are equal or within a small edit distance (one
//!   edit from five letters, two from eight: "Zelenskyy" ~ "Zelensky") and
//!   the first names agree, are initials of each other, or one is missing;
//! - others: the whole names are within one edit (from six letters).
//!
//! Candidates come from a block index (each name word and its first four
//! letters), so the cost grows with the entities sharing a word, not with
//! the square of all entities. Merging is transitive (union-find).

use std::collections::{BTreeMap, HashMap};

use parallax_enrich::entities::EntityKind;
use parallax_text::fold_diacritics;

use crate::contract::{EntityOut, MentionOut};
use crate::input::ArticleInput;
use crate::prep::Prepared;

/// The merged entities and the map from each article's entities to them.
#[derive(Debug, Default)]
pub(crate) struct Merged {
    /// Ordered by mentions, most first; ids `E1`, `E2`, ….
    pub(crate) entities: Vec<EntityOut>,
    /// `global[article][local]` = index into `entities`.
    pub(crate) global: Vec<Vec<usize>>,
}

impl Merged {
    /// The merged entity of an article's entity.
    pub(crate) fn of(&self, article: usize, local: usize) -> Option<usize> {
        self.global.get(article).and_then(|g| g.get(local)).copied()
    }
}

/// Folds a name to matching form: lower-case ASCII-ish words without
/// punctuation ("U.S." → "us", "Al Jazeera’s" → "al jazeera").
pub(crate) fn fold_name(name: &str) -> String {
    let folded = fold_diacritics(name);
    let folded = folded.strip_suffix("'s").unwrap_or(&folded);
    let mut out = String::with_capacity(folded.len());
    let mut space = false;
    for c in folded.chars() {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else if c == '.' || c == '\'' {
            // "U.S." → "us", "O'Brien" → "obrien"
        } else {
            space = true;
        }
    }
    out
}

/// Levenshtein distance on chars, stopping early above `max`.
pub(crate) fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut best = cur[0];
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
            best = best.min(cur[j]);
        }
        if best > max {
            return max + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

const CONNECTORS: &[&str] = &["of", "the", "and", "for", "de", "von", "der", "du", "la", "van"];

/// One article's entity, ready for matching.
struct Cand {
    article: usize,
    local: usize,
    kind: EntityKind,
    /// Folded name and aliases.
    keys: Vec<String>,
    /// Initials of the folded name's words, connectors left out ("us").
    acronym: Option<String>,
    /// Mentions, to rank names.
    mentions: usize,
}

impl Cand {
    fn name(&self) -> &str {
        self.keys.first().map_or("", String::as_str)
    }
}

fn kinds_agree(a: EntityKind, b: EntityKind) -> bool {
    a == b || a == EntityKind::Other || b == EntityKind::Other
}

/// Surname: similar enough to be one spelling of the other.
fn close(a: &str, b: &str) -> bool {
    let n = a.chars().count().min(b.chars().count());
    let max = if n >= 8 {
        2
    } else if n >= 5 {
        1
    } else {
        0
    };
    a == b || (max > 0 && edit_distance(a, b, max) <= max)
}

fn person_match(a: &str, b: &str) -> bool {
    let wa: Vec<&str> = a.split(' ').collect();
    let wb: Vec<&str> = b.split(' ').collect();
    let (Some(la), Some(lb)) = (wa.last(), wb.last()) else { return false };
    if !close(la, lb) {
        return false;
    }
    if wa.len() == 1 || wb.len() == 1 {
        return true;
    }
    let (fa, fb) = (wa[0], wb[0]);
    fa == fb
        || (fa.len() == 1 && fb.starts_with(fa))
        || (fb.len() == 1 && fa.starts_with(fb))
        || close(fa, fb)
}

fn same(a: &Cand, b: &Cand) -> bool {
    if !kinds_agree(a.kind, b.kind) {
        return false;
    }
    if a.kind != b.kind {
        // A name of unknown kind joins a person only by the full name or
        // the surname ("Rubio"), never by a first name: "Oscar" (the award)
        // is not "Oscar Maximillian".
        let (p, o) = if a.kind == EntityKind::Person { (a, b) } else { (b, a) };
        if p.kind == EntityKind::Person {
            let surname = p.name().rsplit(' ').next().unwrap_or("");
            return o.name() == p.name() || (o.name() == surname && p.name() != surname);
        }
    }
    if a.keys.iter().any(|k| b.keys.contains(k)) {
        return true;
    }
    let named = |c: &Cand| c.kind == EntityKind::Person;
    if !named(a) && !named(b) {
        let acr = |x: &Cand, y: &Cand| {
            x.acronym.as_deref().is_some_and(|ac| y.keys.iter().any(|k| k == ac))
        };
        if acr(a, b) || acr(b, a) {
            return true;
        }
    }
    if a.kind != b.kind {
        return false; // fuzzy matching only within one kind
    }
    let (na, nb) = (a.name(), b.name());
    if a.kind == EntityKind::Person {
        return person_match(na, nb);
    }
    na.chars().count() >= 6 && close(na, nb) && edit_distance(na, nb, 1) <= 1
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Merges the entities of all articles.
pub(crate) fn merge(arts: &[ArticleInput], preps: &[Prepared]) -> Merged {
    let mut cands = Vec::new();
    for (ai, a) in arts.iter().enumerate() {
        for (li, e) in a.extraction.entities.iter().enumerate() {
            let mut keys = vec![fold_name(&e.name)];
            for al in &e.aliases {
                let k = fold_name(al);
                if !k.is_empty() && !keys.contains(&k) {
                    keys.push(k);
                }
            }
            let words: Vec<&str> = keys[0].split(' ').filter(|w| !CONNECTORS.contains(w)).collect();
            let acronym = (words.len() >= 2)
                .then(|| words.iter().filter_map(|w| w.chars().next()).collect::<String>());
            cands.push(Cand {
                article: ai,
                local: li,
                kind: e.kind,
                keys,
                acronym,
                mentions: e.mentions.len(),
            });
        }
    }
    let mut parent: Vec<usize> = (0..cands.len()).collect();
    // Same kind and same names: one entity, joined at once; only the first
    // of each such class goes through the block index.
    let mut first: HashMap<(EntityKind, &[String]), usize> = HashMap::new();
    let mut reps = Vec::new();
    for (ci, c) in cands.iter().enumerate() {
        match first.get(&(c.kind, c.keys.as_slice())) {
            Some(&r) => parent[ci] = r,
            None => {
                first.insert((c.kind, c.keys.as_slice()), ci);
                reps.push(ci);
            }
        }
    }
    // Block index: each key word, its first four letters, each acronym.
    let mut blocks: HashMap<String, Vec<usize>> = HashMap::new();
    for &ci in &reps {
        let c = &cands[ci];
        let mut bk: Vec<String> = Vec::new();
        for k in &c.keys {
            for w in k.split(' ').filter(|w| !CONNECTORS.contains(w)) {
                bk.push(w.to_string());
                if w.chars().count() > 4 {
                    bk.push(w.chars().take(4).collect::<String>() + "…");
                }
            }
        }
        if let Some(ac) = &c.acronym {
            bk.push(ac.clone());
        }
        bk.sort();
        bk.dedup();
        for k in bk {
            blocks.entry(k).or_default().push(ci);
        }
    }
    let mut seen = std::collections::HashSet::new();
    let mut keys: Vec<&String> = blocks.keys().collect();
    keys.sort();
    for k in keys {
        let members = &blocks[k];
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                if cands[i].article == cands[j].article || !seen.insert((i, j)) {
                    continue;
                }
                if find(&mut parent, i) != find(&mut parent, j) && same(&cands[i], &cands[j]) {
                    let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                    parent[ri.max(rj)] = ri.min(rj);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..cands.len() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut built: Vec<(EntityOut, Vec<usize>)> = groups
        .into_values()
        .map(|members| (build(arts, preps, &cands, &members), members))
        .collect();
    built.sort_by(|(a, _), (b, _)| {
        b.mentions.len().cmp(&a.mentions.len()).then_with(|| a.name.cmp(&b.name))
    });
    let mut global: Vec<Vec<usize>> =
        arts.iter().map(|a| vec![0; a.extraction.entities.len()]).collect();
    let mut entities = Vec::with_capacity(built.len());
    for (n, (mut e, members)) in built.into_iter().enumerate() {
        e.id = format!("E{}", n + 1);
        for m in members {
            let c = &cands[m];
            global[c.article][c.local] = n;
        }
        entities.push(e);
    }
    Merged { entities, global }
}

/// The merged entry of a group of article entities.
fn build(
    arts: &[ArticleInput],
    preps: &[Prepared],
    cands: &[Cand],
    members: &[usize],
) -> EntityOut {
    // Name: the one with most words, then most mentions.
    let best = members
        .iter()
        .copied()
        .max_by(|&i, &j| {
            let (a, b) = (&cands[i], &cands[j]);
            let wa = a.name().split(' ').count();
            let wb = b.name().split(' ').count();
            wa.cmp(&wb).then(a.mentions.cmp(&b.mentions)).then(j.cmp(&i))
        })
        .unwrap_or(0);
    let ent = |i: usize| &arts[cands[i].article].extraction.entities[cands[i].local];
    let name = ent(best).name.clone();
    // Kind: most mentions among known kinds.
    let mut kinds: Vec<(EntityKind, usize)> = Vec::new();
    for &m in members {
        let k = cands[m].kind;
        if k == EntityKind::Other {
            continue;
        }
        match kinds.iter_mut().find(|(x, _)| *x == k) {
            Some((_, n)) => *n += cands[m].mentions,
            None => kinds.push((k, cands[m].mentions)),
        }
    }
    let kind = kinds.iter().max_by_key(|(_, n)| *n).map_or(EntityKind::Other, |(k, _)| *k);
    let mut roles: Vec<String> = Vec::new();
    let mut aliases: Vec<String> = Vec::new();
    let mut by_outlet: BTreeMap<String, usize> = BTreeMap::new();
    let mut mentions = Vec::new();
    for &m in members {
        let e = ent(m);
        for r in &e.roles {
            if !roles.iter().any(|x| fold_name(x) == fold_name(r)) {
                roles.push(r.clone());
            }
        }
        for al in std::iter::once(&e.name).chain(&e.aliases) {
            if *al != name && !aliases.contains(al) {
                aliases.push(al.clone());
            }
        }
        let a = cands[m].article;
        let p = &preps[a];
        *by_outlet.entry(p.outlet.clone()).or_default() += e.mentions.len();
        mentions.extend(e.mentions.iter().map(|s| MentionOut {
            article: arts[a].id.clone(),
            start: p.ix.char_of(s.start as usize),
            end: p.ix.char_of(s.end as usize),
        }));
    }
    mentions.sort();
    EntityOut {
        id: String::new(),
        name,
        kind,
        roles,
        aliases,
        outlets: by_outlet.keys().cloned().collect(),
        mentions_by_outlet: by_outlet,
        mentions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_names() {
        assert_eq!(fold_name("U.S."), "us");
        assert_eq!(fold_name("Lars Løkke Rasmussen"), "lars lokke rasmussen");
        assert_eq!(fold_name("Al Jazeera’s"), "al jazeera");
        assert_eq!(fold_name("Ukraine-NATO  Council"), "ukraine nato council");
    }

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("zelenskyy", "zelensky", 2), 1);
        assert_eq!(edit_distance("kitten", "sitting", 5), 3);
        assert_eq!(edit_distance("kitten", "sitting", 1), 2);
        assert_eq!(edit_distance("", "abc", 5), 3);
    }

    #[test]
    fn people_match_by_surname_and_first_name() {
        assert!(person_match("volodymyr zelenskyy", "volodymyr zelensky"));
        assert!(person_match("volodymyr zelenskyy", "zelensky"));
        assert!(person_match("lars lokke rasmussen", "lars rasmussen"));
        assert!(person_match("g bush", "george bush"));
        assert!(!person_match("donald trump", "donald tusk"));
        assert!(!person_match("mark rutte", "marco rubio"));
        assert!(!person_match("ivan li", "ivan lu"), "short surnames must be equal");
    }

    fn cand(kind: EntityKind, keys: &[&str]) -> Cand {
        Cand {
            article: 0,
            local: 0,
            kind,
            keys: keys.iter().map(|k| k.to_string()).collect(),
            acronym: None,
            mentions: 1,
        }
    }

    #[test]
    fn unknown_kinds_join_people_by_surname_only() {
        let person = cand(EntityKind::Person, &["oscar maximillian", "oscar"]);
        assert!(!same(&person, &cand(EntityKind::Other, &["oscar"])));
        let rubio = cand(EntityKind::Person, &["marco rubio", "rubio"]);
        assert!(same(&rubio, &cand(EntityKind::Other, &["rubio"])));
        assert!(same(&cand(EntityKind::Other, &["marco rubio"]), &rubio));
        let us = cand(EntityKind::Place, &["us"]);
        let mut united = cand(EntityKind::Place, &["united states"]);
        united.acronym = Some("us".into());
        assert!(same(&us, &united));
        assert!(!same(&us, &cand(EntityKind::Organization, &["us"])));
    }
}
