//! Speaker resolution: names, pronouns, descriptions.

use super::*;

/// Contracted verbs after a pronoun ("he’s", "they're").
const CONTRACTIONS: &[&str] = &["’s", "'s", "’re", "'re", "’ll", "'ll", "’d", "'d", "’ve", "'ve"];

/// Resolves the speaker phrase at token range `np`.
pub(super) fn resolve_speaker(
    doc: &Doc<'_>,
    rules: &Rules,
    table: &mut EntityTable,
    quoted: &[bool],
    attr: &Attribution,
    prev: Option<&Quote>,
) -> Speaker {
    let np = attr.speaker;
    let toks = &doc.toks;
    let mut span = doc.span_of(np.0, np.1);
    // "He’s claiming …", "They're saying …": the pronoun without its
    // contracted verb.
    let contracted = (np.1 == np.0 + 1)
        .then(|| {
            let w = toks[np.0].lower.as_str();
            CONTRACTIONS.iter().find_map(|c| w.strip_suffix(c).map(|p| (p, c.len())))
        })
        .flatten()
        .filter(|(p, _)| rules.pronoun(p).is_some());
    if let Some((_, cut)) = contracted {
        span = Span::new(span.start as usize, (span.end as usize).saturating_sub(cut));
    }
    let pronoun_word = |k: usize| contracted.map_or(toks[k].lower.as_str(), |(p, _)| p);
    let text = doc.slice(span).to_string();
    // A name as the head of the phrase ("Kremlin spokesman Dmitry Peskov",
    // not "Rubio's spokesperson").
    // With an apposition ("Brian Murphy, the chairman" / "A Twitter
    // spokesman, Christopher Abboud"), the name is the head of either part.
    let comma = (np.0..np.1).find(|&k| toks[k].is_punct(','));
    // The head noun comes before a prepositional phrase: "Shopkeepers on
    // Station Street" is said by the shopkeepers.
    // With `of_too`, "of" also ends the head: in "The mayor of Brennick,
    // Delia Okafor" the first part's head is "mayor", not the town.
    let head_cut = |a: usize, b: usize, of_too: bool| {
        let b = (a + 1..b)
            .find(|&k| {
                matches!(
                    toks[k].lower.as_str(),
                    "on" | "in" | "at" | "from" | "near" | "outside" | "inside" | "with"
                ) || (of_too && toks[k].lower == "of")
            })
            .unwrap_or(b);
        (a..b).rev().find(|&k| toks[k].is_word())
    };
    let head_of = |a: usize, b: usize| head_cut(a, b, false);
    let named = |k: &usize| table.at_tok.get(*k).copied().flatten().is_some();
    let head = match comma {
        Some(c) => head_cut(np.0, c, true)
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
    // A relative "who" stands for the name right before it: "O'Donnell,
    // who said …", "Republicans who say …".
    if words.len() == 1 && toks[words[0]].lower == "who" {
        let mut a = np.0;
        while a > 0 && toks[a - 1].punct().is_some_and(|c| c == ',') {
            a -= 1;
        }
        let antecedent = (a.saturating_sub(3)..a)
            .rev()
            .find_map(|k| table.at_tok.get(k).copied().flatten())
            .filter(|_| a > 0 && toks[a - 1].is_word());
        return pronoun_speaker(table, span, text, antecedent);
    }
    if words.len() == 1
        && let Some(g) = rules.pronoun(pronoun_word(words[0]))
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
        let plural = g.is_none() && !matches!(pronoun_word(words[0]), "it" | "es");
        let target = if plural {
            None
        } else if matches!(pronoun_word(words[0]), "it" | "es") {
            latest_entity(quoted, table, np.0, |e| e.kind == EntityKind::Organization, None)
        } else {
            // The previous quote's speaker, if that quote is near and
            // compatible (news style: "…," X said. "…," he said.),
            // else the latest compatible person outside quotes.
            let near_prev = prev.filter(|q| {
                let last = q.parts.last().map_or(0, |p| p.end as usize);
                // The sentence of the first token at or after the quote's end
                // (tokens are in text order).
                let at = toks.partition_point(|t| (t.span.start as usize) < last);
                toks.get(at).map_or(u32::MAX, |t| t.sentence).saturating_add(2)
                    >= toks[np.0].sentence
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
        if let Some(ent) = target.and_then(|e| table.entities.get_mut(e))
            && ent.gender.is_none()
            && g.is_some()
            && !rules.is_german()
        {
            ent.gender = g;
        }
        return pronoun_speaker(table, span, text, target);
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

/// A pronoun speaker: resolved to `target` (which gets the mention), or
/// kept as written.
fn pronoun_speaker(
    table: &mut EntityTable,
    span: Span,
    text: String,
    target: Option<usize>,
) -> Speaker {
    match target {
        Some(e) => {
            table.add_mention(e, span);
            Speaker {
                span: Some(span),
                text,
                entity: Some(e),
                resolution: SpeakerResolution::Pronoun,
            }
        }
        None => Speaker {
            span: Some(span),
            text,
            entity: None,
            resolution: SpeakerResolution::Unresolved,
        },
    }
}

/// The entity with the latest name mention before token `before` that
/// passes `ok` and has a compatible gender.
pub(super) fn latest_entity(
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
