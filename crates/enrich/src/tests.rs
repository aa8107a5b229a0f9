//! Quote styles, attribution patterns, speakers, entities and roles.

use parallax_text::Analyzer;

use crate::entities::EntityKind;
use crate::lexicon::Lexicon;
use crate::quotes::{QuoteKind, SpeakerResolution};
use crate::{Enricher, Extraction};

fn run(text: &str, lang: &str) -> Extraction {
    let analysis = Analyzer::new().analyze(text, Some(lang));
    Enricher::new(Lexicon::empty()).enrich(text, &analysis, None)
}

/// (kind, content parts joined by " | ", speaker text, resolved entity name)
fn quotes(text: &str, lang: &str) -> Vec<(QuoteKind, String, Option<String>, Option<String>)> {
    let x = run(text, lang);
    x.quotes
        .iter()
        .map(|q| {
            let body: Vec<&str> = q.parts.iter().filter_map(|s| s.slice(text)).collect();
            let sp = q.speaker.as_ref();
            (
                q.kind,
                body.join(" | "),
                sp.map(|s| s.text.clone()),
                sp.and_then(|s| s.entity).and_then(|e| x.entities.get(e)).map(|e| e.name.clone()),
            )
        })
        .collect()
}

fn one(text: &str, lang: &str) -> (QuoteKind, String, Option<String>, Option<String>) {
    let q = quotes(text, lang);
    assert_eq!(q.len(), 1, "{q:?}");
    q.into_iter().next().unwrap()
}

#[test]
fn every_quotation_style_with_a_following_attribution() {
    let cases = [
        ("“We will stay in NATO,” Rubio said.", "“We will stay in NATO,”", "en"),
        ("\"We will stay in NATO,\" Rubio said.", "\"We will stay in NATO,\"", "en"),
        ("«We will stay in NATO», Rubio said.", "«We will stay in NATO»", "en"),
        ("‘We will stay in NATO,’ Rubio said.", "‘We will stay in NATO,’", "en"),
        ("„Wir bleiben in der NATO“, sagte Rubio.", "„Wir bleiben in der NATO“", "de"),
        ("„Wir bleiben in der NATO”, sagte Rubio.", "„Wir bleiben in der NATO”", "de"),
        ("»Wir bleiben in der NATO«, sagte Rubio.", "»Wir bleiben in der NATO«", "de"),
        ("‚Wir bleiben in der NATO‘, sagte Rubio.", "‚Wir bleiben in der NATO‘", "de"),
    ];
    for (text, body, lang) in cases {
        let (kind, got, speaker, _) = one(text, lang);
        assert_eq!(kind, QuoteKind::Direct, "{text}");
        assert_eq!(got, body, "{text}");
        assert_eq!(speaker.as_deref(), Some("Rubio"), "{text}");
    }
}

#[test]
fn attribution_before_the_quote_and_inverted_order() {
    let (_, body, speaker, _) = one(
        "Rubio told reporters on Friday: “The United States remains as active in NATO as ever.”",
        "en",
    );
    assert_eq!(body, "“The United States remains as active in NATO as ever.”");
    assert_eq!(speaker.as_deref(), Some("Rubio"));

    let (_, _, speaker, name) = one(
        "Dmitry Peskov spoke to the press. “There is nothing in the schedule now,” said Kremlin spokesman Dmitry Peskov.",
        "en",
    );
    assert_eq!(speaker.as_deref(), Some("Kremlin spokesman Dmitry Peskov"));
    assert_eq!(name.as_deref(), Some("Dmitry Peskov"));
}

#[test]
fn a_quote_split_around_its_attribution_is_one_quote() {
    let (kind, body, speaker, _) = one(
        "“We will know soon enough,” Rubio said, “whether Russia is serious about peace.”",
        "en",
    );
    assert_eq!(kind, QuoteKind::Direct);
    assert_eq!(body, "“We will know soon enough,” | “whether Russia is serious about peace.”");
    assert_eq!(speaker.as_deref(), Some("Rubio"));
}

#[test]
fn a_quote_running_over_paragraphs_is_one_quote() {
    let text = "Rutte said: “The agenda is not for the US to leave NATO.\n\n\
                “The US is here, and it is here to stay in Europe.”\n\nThe meeting ended.";
    let (_, body, speaker, _) = one(text, "en");
    assert!(body.starts_with("“The agenda") && body.ends_with("stay in Europe.”"), "{body}");
    assert_eq!(speaker.as_deref(), Some("Rutte"));
}

#[test]
fn paragraphs_of_quotation_after_an_attributed_quote_are_quotes_of_their_own() {
    // One paragraph of quotation after the attributed one carries it on;
    // the next is a quote of its own with the speaker inherited, so a long
    // transcript does not become one quote.
    let text = "“We will stay,” Rutte said.\n\n“The US is here to stay in Europe.”\n\n\
                “Nobody should doubt our resolve.”";
    let q = quotes(text, "en");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "“We will stay,” | “The US is here to stay in Europe.”");
    assert_eq!(q[0].2.as_deref(), Some("Rutte"));
    assert_eq!(q[1].1, "“Nobody should doubt our resolve.”");
    assert_eq!(q[1].2.as_deref(), Some("Rutte"));
}

#[test]
fn naming_a_person_with_a_quotation_is_mixed_with_its_object() {
    // The quotation ends its sentence: the next sentence's speaker is not
    // its attribution.
    let q = quotes(
        "On Twitter, Former Florida Gov. Jeb Bush called Trump “unhinged.” \
         Sen. Marco Rubio called the statement “offensive and outlandish.”",
        "en",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!((q[0].0, q[0].1.as_str()), (QuoteKind::Mixed, "Trump “unhinged.”"));
    assert_eq!(q[0].3.as_deref(), Some("Jeb Bush"));
    assert_eq!(q[1].1, "the statement “offensive and outlandish.”");
    assert_eq!(q[1].3.as_deref(), Some("Marco Rubio"));
    // A participle after a comma: the speaker is the clause's subject.
    let (kind, body, speaker, _) = one(
        "Speaking at a town hall in Salem, New Hampshire, Trump went after Bush, \
         calling him “a total stiff.”",
        "en",
    );
    assert_eq!((kind, body.as_str()), (QuoteKind::Mixed, "him “a total stiff.”"));
    assert_eq!(speaker.as_deref(), Some("Trump"));
    // "called for" is not naming.
    let q = quotes("Sanders called for “a political revolution” in the country.", "en");
    assert!(q.iter().all(|q| !q.1.starts_with("for")), "{q:?}");
}

#[test]
fn partial_quote_inside_reported_speech() {
    let text = "US Secretary of State Marco Rubio arrived in Brussels on Thursday. \
                Upon arriving, Rubio dismissed what he called “hysteria and hyperbole” in the media.";
    let q = quotes(text, "en");
    let hysteria = q.iter().find(|q| q.1.contains("hysteria")).unwrap();
    assert_eq!(hysteria.1, "“hysteria and hyperbole”");
    assert_eq!(hysteria.2.as_deref(), Some("he"));
    assert_eq!(hysteria.3.as_deref(), Some("Marco Rubio"));
}

#[test]
fn a_quotation_that_is_only_part_of_its_clause_is_mixed_with_the_clause() {
    // Attributed after it, with words of the clause before the mark.
    let (kind, body, speaker, _) =
        one("He was a “respected manager and a kind man,” Boistard said.", "en");
    assert_eq!(kind, QuoteKind::Mixed);
    assert_eq!(body, "He was a “respected manager and a kind man,”");
    assert_eq!(speaker.as_deref(), Some("Boistard"));
    // Attributed before it, with more of the sentence after the mark.
    let (kind, body, speaker, _) = one(
        "Sanders said “the wind is at our backs” despite his loss in the Nevada caucuses.",
        "en",
    );
    assert_eq!(kind, QuoteKind::Mixed);
    assert_eq!(body, "“the wind is at our backs” despite his loss in the Nevada caucuses");
    assert_eq!(speaker.as_deref(), Some("Sanders"));
    // A clause after the cue: reported speech holding the quotation.
    let (kind, body, speaker, _) = one(
        "Kasich said that he enjoys a good, “peaceful protest every once in a while” at rallies.",
        "en",
    );
    assert_eq!(kind, QuoteKind::Mixed);
    assert!(body.starts_with("he enjoys") && body.ends_with("at rallies"), "{body}");
    assert_eq!(speaker.as_deref(), Some("Kasich"));
    // A quotation the sentence splitter cut stays whole in the content.
    let (kind, body, speaker, _) = one(
        "Trump said that the laws on abortion “are set… And I think we have to leave it that way.”",
        "en",
    );
    assert_eq!(kind, QuoteKind::Mixed);
    assert!(body.ends_with("leave it that way.”"), "{body}");
    assert_eq!(speaker.as_deref(), Some("Trump"));
    // "said that" before a whole quotation: reported speech quoting it.
    let (kind, body, speaker, _) =
        one("Obama said that “as a nation, we have to do better than this.”", "en");
    assert_eq!(kind, QuoteKind::Mixed);
    assert!(body.contains("as a nation") && body.ends_with("better than this.”"), "{body}");
    assert_eq!(speaker.as_deref(), Some("Obama"));
    // A whole quotation stays direct.
    let (kind, _, _, _) = one("“We will win this state,” Sanders said.", "en");
    assert_eq!(kind, QuoteKind::Direct);
}

#[test]
fn reported_speech_patterns() {
    let (kind, body, speaker, _) =
        one("Rubio said on Friday that all members were on a pathway to spending 5 percent.", "en");
    assert_eq!(kind, QuoteKind::Indirect);
    assert_eq!(body, "all members were on a pathway to spending 5 percent");
    assert_eq!(speaker.as_deref(), Some("Rubio"));

    let (_, body, speaker, _) =
        one("The talks had stalled over the ceasefire terms, the official said.", "en");
    assert_eq!(body, "The talks had stalled over the ceasefire terms");
    assert_eq!(speaker.as_deref(), Some("the official"));

    let (_, body, speaker, _) = one("Russia is not serious about peace, said Kaja Kallas.", "en");
    assert_eq!(body, "Russia is not serious about peace");
    assert_eq!(speaker.as_deref(), Some("Kaja Kallas"));

    let (_, body, speaker, _) = one(
        "According to a senior State Department official, several allies raised the issue.",
        "en",
    );
    assert_eq!(body, "several allies raised the issue");
    assert_eq!(speaker.as_deref(), Some("a senior State Department official"));

    let (_, body, _, _) = one("Hegseth told reporters the US was pivoting away from Europe.", "en");
    assert_eq!(body, "the US was pivoting away from Europe");

    // A commitment reports its infinitive.
    let (_, body, speaker, _) =
        one("The Alliance pledged to increase defence spending to 5%.", "en");
    assert_eq!(
        (body.as_str(), speaker.as_deref()),
        ("to increase defence spending to 5%", Some("The Alliance"))
    );

    // An apposition stays with the speaker; the content is the clause.
    let (_, body, speaker, name) = one(
        "A Twitter spokesman, Christopher Abboud, said that there were one million tweets in 10 hours.",
        "en",
    );
    assert_eq!(body, "there were one million tweets in 10 hours");
    assert_eq!(speaker.as_deref(), Some("A Twitter spokesman, Christopher Abboud"));
    assert_eq!(name.as_deref(), Some("Christopher Abboud"));

    // A participle reports for the sentence's subject.
    let (_, body, speaker, _) =
        one("Trump appeared on Fox, saying the judge could not be impartial in the case.", "en");
    assert_eq!(body, "the judge could not be impartial in the case");
    assert_eq!(speaker.as_deref(), Some("Trump"));

    // An opening adverbial is not the speaker, and a clause after the cue is
    // content, not an adverbial.
    let (_, body, speaker, _) =
        one("Despite the negative sheen, local officials said they welcome the attention.", "en");
    assert_eq!(body, "they welcome the attention");
    assert_eq!(speaker.as_deref(), Some("local officials"));
}

#[test]
fn mixed_quote_keeps_its_quoted_part_inside() {
    let (kind, body, _, _) =
        one("Peskov said there was cause for “cautious optimism” after the visit.", "en");
    assert_eq!(kind, QuoteKind::Mixed);
    assert_eq!(body, "there was cause for “cautious optimism” after the visit");
}

#[test]
fn not_reporting_verbs() {
    for text in [
        "This was stated by a senior official after the meeting ended.",
        "He is said to be furious about the leaks from the meeting.",
        "The United States remains the largest contributor to the alliance.",
        "The minister continued the visit with a stop in Warsaw and Vilnius.",
    ] {
        assert!(quotes(text, "en").is_empty(), "{text}: {:?}", quotes(text, "en"));
    }
}

#[test]
fn scare_quotes_and_titles_are_not_quotes() {
    assert!(quotes("The so-called “peace plan” was rejected by Kyiv.", "en").is_empty());
    // A programme title beside a cue is still a title.
    let q =
        quotes("Issa said on Fox News’ “Sunday Morning Futures,” that the probe was over.", "en");
    assert!(q.iter().all(|q| q.0 != QuoteKind::Direct), "{q:?}");
}

#[test]
fn speakers_pronouns_and_descriptions() {
    let text = "“Our judgement is that Putin continues to drag his feet,” David Lammy told reporters.\n\n\
                “We see you, Vladimir Putin. We know what you are doing,” he said.";
    let q = quotes(text, "en");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].2.as_deref(), Some("he"));
    assert_eq!(q[1].3.as_deref(), Some("David Lammy"));

    let text = "Kremlin spokesman Dmitry Peskov met reporters in Moscow. \
                “There is nothing in the schedule now,” the Kremlin spokesman said.";
    let q = quotes(text, "en");
    assert_eq!(q[0].2.as_deref(), Some("the Kremlin spokesman"));
    assert_eq!(q[0].3.as_deref(), Some("Dmitry Peskov"));

    let x = run(
        "“Russia has yet to demonstrate a commitment to a ceasefire,” a senior State Department official said.",
        "en",
    );
    let sp = x.quotes[0].speaker.as_ref().unwrap();
    assert_eq!(sp.text, "a senior State Department official");
    assert_eq!((sp.entity, sp.resolution), (None, SpeakerResolution::Unresolved));

    // A possessive is not the speaker: "Rubio's spokesperson".
    let x = run(
        "Marco Rubio flew in. “They discussed common priorities,” Rubio's spokesperson noted.",
        "en",
    );
    let sp = x.quotes[0].speaker.as_ref().unwrap();
    assert_eq!(sp.text, "Rubio's spokesperson");
    assert_eq!(sp.entity, None);
}

#[test]
fn quotes_carrying_on_after_the_attribution_are_one_utterance() {
    let text = "“President Trump has made clear he supports NATO,” Rubio said.\n\n\
                “We are going to remain in NATO.”";
    let (_, body, speaker, _) = one(text, "en");
    assert_eq!(
        body,
        "“President Trump has made clear he supports NATO,” | “We are going to remain in NATO.”"
    );
    assert_eq!(speaker.as_deref(), Some("Rubio"));
    // And before it.
    let text = "“You went on television to blame the workers.”\n\n“It is gutless leadership,” Warren said.";
    let (_, body, speaker, _) = one(text, "en");
    assert_eq!(
        body,
        "“You went on television to blame the workers.” | “It is gutless leadership,”"
    );
    assert_eq!(speaker.as_deref(), Some("Warren"));
    // A floating quote far from any attribution keeps to itself, unattributed.
    let text = "“We will win this fight and we will win it soon.”\n\nThe vote is on Tuesday. \
                Polls open at eight. Results come late.\n\n“Nobody expected that,” Warren said.";
    let q = quotes(text, "en");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].2, None);
}

#[test]
fn german_reported_speech() {
    let (kind, body, speaker, _) =
        one("Der Staatsanwalt sagte, der Angeklagte sei geflohen.", "de");
    assert_eq!(kind, QuoteKind::Indirect);
    assert_eq!(body, "der Angeklagte sei geflohen");
    assert_eq!(speaker.as_deref(), Some("Der Staatsanwalt"));

    let (_, body, speaker, _) = one("Die Lage sei ernst, sagte der Minister am Montag.", "de");
    assert_eq!(body, "Die Lage sei ernst");
    assert_eq!(speaker.as_deref(), Some("der Minister"));

    let (_, body, speaker, _) = one("„Das erschüttert uns“, so der Sprecher.", "de");
    assert_eq!(body, "„Das erschüttert uns“");
    assert_eq!(speaker.as_deref(), Some("der Sprecher"));
}

#[test]
fn entities_roles_and_short_forms() {
    let text = "US Secretary of State Marco Rubio met NATO chief Mark Rutte and Danish Foreign \
                Minister Lars Løkke Rasmussen in Brussels. Rubio, the top US diplomat, spoke first. \
                Mr. Rutte replied later.";
    let x = run(text, "en");
    let get = |name: &str| {
        x.entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name}: {:?}", x.entities))
    };
    let rubio = get("Marco Rubio");
    assert_eq!(rubio.kind, EntityKind::Person);
    assert_eq!(rubio.roles, ["US Secretary of State", "top US diplomat"]);
    assert_eq!(rubio.mentions.len(), 2);
    let rutte = get("Mark Rutte");
    assert_eq!(rutte.roles, ["NATO chief"]);
    assert_eq!(rutte.mentions.len(), 2);
    assert_eq!(rutte.gender, Some(crate::lexicon::Gender::Male));
    assert_eq!(get("Lars Løkke Rasmussen").roles, ["Danish Foreign Minister"]);
    assert_eq!(get("Lars Løkke Rasmussen").key, "lars lokke rasmussen");
    assert_eq!(get("NATO").kind, EntityKind::Organization);
}

#[test]
fn hostile_input_does_not_panic() {
    let long = "“".repeat(5000) + &"said he, ".repeat(2000) + "”";
    let _ = run(&long, "en");
    let _ = run("„“”«»‚‘’\"\"\" said said said , , ,", "de");
    let _ = run("", "en");
}

#[test]
fn a_name_and_a_colon_introduce_a_quote() {
    let text = "Readers wrote in after the debate.\n\nPamela Padilla: “He is ignorant of our culture and our lives.”";
    let (kind, body, speaker, _) = one(text, "en");
    assert_eq!(kind, QuoteKind::Direct);
    assert_eq!(body, "“He is ignorant of our culture and our lives.”");
    assert_eq!(speaker.as_deref(), Some("Pamela Padilla"));
}

#[test]
fn dates_resolve_against_the_publication_date_and_quantities_normalise() {
    let text =
        "Rubio said on Friday that all members would reach 5 percent. The two-day meeting ended.";
    let analysis = Analyzer::new().analyze(text, Some("en"));
    let published = chrono::DateTime::parse_from_rfc3339("2025-04-04T18:00:00Z").unwrap().to_utc();
    let x = Enricher::new(Lexicon::empty()).enrich(text, &analysis, Some(published));
    let friday = x.dates.iter().find(|d| d.span.slice(text) == Some("Friday")).unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2025, 4, 4).unwrap();
    assert_eq!((friday.start, friday.end), (Some(day), Some(day)));
    let units: Vec<(&str, f64, &str)> = x
        .quantities
        .iter()
        .map(|q| (q.span.slice(text).unwrap(), q.value, q.unit.as_str()))
        .collect();
    assert_eq!(units, [("5 percent", 5.0, "percent"), ("two-day", 2.0, "day")]);
    // Unknown publication date: the relative date stays unresolved.
    let x = Enricher::new(Lexicon::empty()).enrich(text, &analysis, None);
    assert!(x.dates.iter().all(|d| d.start.is_none()));
}

#[test]
fn sources_with_numbers_parentheses_objects_and_colons() {
    let (_, body, speaker, _) =
        one("In Texas, 46 percent of voters said they were unenthusiastic about it.", "en");
    assert_eq!(
        (body.as_str(), speaker.as_deref()),
        ("they were unenthusiastic about it", Some("46 percent of voters"))
    );

    let (_, body, speaker, _) =
        one("Gov. Phil Bryant (R) said he expects an aggressive appeal.", "en");
    assert_eq!(
        (body.as_str(), speaker.as_deref()),
        ("he expects an aggressive appeal", Some("Gov. Phil Bryant (R)"))
    );

    let (_, body, speaker, _) =
        one("Trump called for a temporary ban on travel from the region.", "en");
    assert_eq!(
        (body.as_str(), speaker.as_deref()),
        ("a temporary ban on travel from the region", Some("Trump"))
    );

    let (_, body, speaker, _) = one("Hannity asked how high the wall would be.", "en");
    assert_eq!(
        (body.as_str(), speaker.as_deref()),
        ("how high the wall would be", Some("Hannity"))
    );

    let (_, body, speaker, _) = one("Poll: Candidates locked in a tight race in Ohio.", "en");
    assert_eq!(
        (body.as_str(), speaker.as_deref()),
        ("Candidates locked in a tight race in Ohio", Some("Poll"))
    );
    assert!(quotes("Update: The story was corrected on Friday morning.", "en").is_empty());

    let (_, body, speaker, _) = one(
        "Mindy Romero, director of the Civic Engagement Project at the University of California, Davis, \
         said Clinton has a strong ground game.",
        "en",
    );
    assert_eq!(body, "Clinton has a strong ground game");
    assert!(speaker.unwrap().starts_with("Mindy Romero, director"));
}

#[test]
fn an_honorific_in_the_closing_attribution() {
    let (_, body, speaker, _) = one(
        "“There has been a great deal of panic,” Mr. Vireland told reporters as the meeting closed.",
        "en",
    );
    assert_eq!(body, "“There has been a great deal of panic,”");
    assert_eq!(speaker.as_deref(), Some("Mr. Vireland"));
}

#[test]
fn appositions_with_of_and_names_that_hold_titles_or_possessives() {
    let text = "The leader of Kestwick council, Priya Marsh, said the air would be monitored. \
                Two patients were taken to Kestwick General Hospital from St. Michael's Road.";
    let x = run(text, "en");
    let names: Vec<(&str, EntityKind, &[String])> =
        x.entities.iter().map(|e| (e.name.as_str(), e.kind, e.roles.as_slice())).collect();
    assert!(
        names.contains(&(
            "Priya Marsh",
            EntityKind::Person,
            &["leader of Kestwick council".to_string()][..]
        )),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n.0 == "Kestwick General Hospital" && n.1 == EntityKind::Organization),
        "{names:?}"
    );
    assert!(names.iter().any(|n| n.0 == "St. Michael's Road"), "{names:?}");
}

/// "The mayor of Brennick, Delia Okafor, said …": the speaker is the person
/// of the apposition, not the place in the role, and "She" after it is her.
#[test]
fn a_role_of_a_place_with_the_name_in_apposition() {
    let text = "The mayor of Brennick, Delia Okafor, said that the town was in shock. \
                She said that the leisure centre would stay open overnight.";
    let q = quotes(text, "en");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].2.as_deref(), Some("The mayor of Brennick, Delia Okafor"));
    assert_eq!(q[0].3.as_deref(), Some("Delia Okafor"));
    assert_eq!((q[1].2.as_deref(), q[1].3.as_deref()), (Some("She"), Some("Delia Okafor")));
    let x = run(text, "en");
    assert!(
        !x.entities.iter().any(|e| e.name == "Brennick" && e.kind == EntityKind::Person),
        "{:?}",
        x.entities
    );
}

#[test]
fn a_closing_attribution_with_an_apposition() {
    let text = "\"There has been a great deal of panic,\" Lorvanian Foreign Minister Tomas Vireland, \
                who chaired the meeting, told a news conference.";
    let (_, body, speaker, name) = one(text, "en");
    assert_eq!(body, "\"There has been a great deal of panic,\"");
    assert_eq!(speaker.as_deref(), Some("Lorvanian Foreign Minister Tomas Vireland"));
    assert_eq!(name.as_deref(), Some("Tomas Vireland"));
}

#[test]
fn an_attribution_between_commas_splits_what_was_said() {
    let (kind, body, speaker, _) =
        one("Many of the closures, he said, have involved public and semi-private courses.", "en");
    assert_eq!(kind, QuoteKind::Indirect);
    assert_eq!(body, "Many of the closures | have involved public and semi-private courses");
    assert_eq!(speaker.as_deref(), Some("he"));
    // With a quotation after it: mixed.
    let (kind, body, speaker, _) = one(
        "These sources of authority, the lawyers said, “all command the same conclusion.”",
        "en",
    );
    assert_eq!(kind, QuoteKind::Mixed);
    assert_eq!(body, "These sources of authority | “all command the same conclusion.”");
    assert_eq!(speaker.as_deref(), Some("the lawyers"));
    // A scene-setting opener is not part of it.
    let (_, body, _, _) =
        one("In the early 1990s, Ms. Ripert said, a boss invited her to a long lunch.", "en");
    assert_eq!(body, "a boss invited her to a long lunch");
}

#[test]
fn a_cue_after_a_closed_quotation_reports_its_own_clause() {
    let q = quotes(
        "Sexton spoke of roots “very near and dear to my heart.” He said he recognizes his family in Trump’s supporters.",
        "en",
    );
    let said = q.iter().find(|q| q.2.as_deref() == Some("He")).unwrap();
    assert_eq!(said.0, QuoteKind::Indirect);
    assert_eq!(said.1, "he recognizes his family in Trump’s supporters");
    // "if" late in the clause belongs to it.
    let (_, body, _, _) =
        one("Sanders says he would continue the policy if elected president.", "en");
    assert_eq!(body, "he would continue the policy if elected president");
}

#[test]
fn two_reports_in_one_sentence() {
    let q = quotes(
        "She said she has no plans to change her vote, but she said she reserves the right to reconsider.",
        "en",
    );
    let bodies: Vec<_> = q.iter().map(|q| (q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(
        bodies,
        [
            ("she has no plans to change her vote", Some("She")),
            ("she reserves the right to reconsider", Some("she")),
        ]
    );
    // A second cue without its own subject: the sentence's subject.
    let q = quotes(
        "But Podesta said Gates was not working for the party and said Manafort was not involved.",
        "en",
    );
    let bodies: Vec<_> = q.iter().map(|q| (q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(
        bodies,
        [
            ("Gates was not working for the party", Some("Podesta")),
            ("Manafort was not involved", Some("Podesta")),
        ]
    );
    // ", adding that …" is a report of its own, by a described subject.
    let q = quotes(
        "The minister said the talks failed, adding that a new round would start in May.",
        "en",
    );
    let bodies: Vec<_> = q.iter().map(|q| (q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(
        bodies,
        [
            ("the talks failed", Some("The minister")),
            ("a new round would start in May", Some("The minister")),
        ]
    );
    // "and that …" continues the same report.
    let (_, body, _, _) = one("He said the economy is growing and that jobs are up.", "en");
    assert_eq!(body, "the economy is growing and that jobs are up");
}

#[test]
fn a_title_cased_headline_reports() {
    let (kind, body, speaker, _) =
        one("Trump Says He Never Pledged To Kill Family Members Of Terrorists.", "en");
    assert_eq!(kind, QuoteKind::Indirect);
    assert_eq!(body, "He Never Pledged To Kill Family Members Of Terrorists");
    assert_eq!(speaker.as_deref(), Some("Trump"));
    // A capitalised cue in running text is a name, not a cue.
    assert!(quotes("Simon Says is a game that children play in the park.", "en").is_empty());
}

#[test]
fn speakers_with_long_appositions_and_articles() {
    // "an" is an article in English, not the German preposition.
    let (_, body, speaker, _) =
        one("The plan, an inside source said, is to have volunteers pass out reprints.", "en");
    assert_eq!(body, "The plan | is to have volunteers pass out reprints");
    assert_eq!(speaker.as_deref(), Some("an inside source"));
    // An apposition with a relative clause, and a time adverbial before the cue.
    let (_, body, speaker, _) = one(
        "Beck, who supported Ted Cruz during the primaries, last week said Trump was seeking to start a media empire.",
        "en",
    );
    assert_eq!(body, "Trump was seeking to start a media empire");
    assert_eq!(speaker.as_deref(), Some("Beck, who supported Ted Cruz during the primaries"));
    // An inverted attribution whose speaker has an apposition to the end.
    let (_, body, speaker, _) = one(
        "Federal mandates are a burden on schools, said Wilcox, an Orlando Republican who founded two companies.",
        "en",
    );
    assert_eq!(body, "Federal mandates are a burden on schools");
    assert_eq!(speaker.as_deref(), Some("Wilcox"));
}

#[test]
fn a_closing_attribution_followed_by_a_place_or_a_report_of_its_own() {
    let q = quotes(
        "Trump is sickening, Hollande said Tuesday in Paris, noting that the world was worried.",
        "en",
    );
    let bodies: Vec<_> = q.iter().map(|q| (q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(
        bodies,
        [("Trump is sickening", Some("Hollande")), ("the world was worried", Some("Hollande"))]
    );
    let (_, body, speaker, _) = one(
        "Democrats had put the biggest crack yet in the glass ceiling, she said in a video message to the convention.",
        "en",
    );
    assert_eq!(body, "Democrats had put the biggest crack yet in the glass ceiling");
    assert_eq!(speaker.as_deref(), Some("she"));
    // A participle that does not follow a comma is not a cue: "a warning".
    assert!(quotes("He issued a warning that the storm was coming soon.", "en").is_empty());
}

#[test]
fn a_relative_who_speaks_for_its_antecedent() {
    let q = quotes(
        "Dana Whitfield, who said in an interview that she did not sign the agreement, left early.",
        "en",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "she did not sign the agreement");
    assert_eq!(q[0].2.as_deref(), Some("who"));
    assert_eq!(q[0].3.as_deref(), Some("Dana Whitfield"));
    // Restrictive: to the sentence end.
    let (_, body, speaker, _) = one(
        "The party offered fresh ammunition to Republicans who say the law is a money pit.",
        "en",
    );
    assert_eq!(body, "the law is a money pit");
    assert_eq!(speaker.as_deref(), Some("who"));
}

#[test]
fn a_one_word_quotation_and_speakers_set_off_by_commas() {
    let (kind, body, speaker, _) = one("\"Technicals,\" Bob said.", "en");
    assert_eq!(
        (kind, body.as_str(), speaker.as_deref()),
        (QuoteKind::Direct, "\"Technicals,\"", Some("Bob"))
    );
    let (_, body, speaker, _) = one(
        "Alex Castellanos, a veteran media consultant who had tried to organize a campaign, said, \"A fantasy effort exists only as denial.\"",
        "en",
    );
    assert_eq!(body, "\"A fantasy effort exists only as denial.\"");
    assert_eq!(
        speaker.as_deref(),
        Some("Alex Castellanos, a veteran media consultant who had tried to organize a campaign")
    );
    let (_, _, speaker, _) = one(
        "Tuesday in Berea, after winning Ohio, Gov. John Kasich (R-OH), said, “I’m getting ready to rent a covered wagon.”",
        "en",
    );
    assert_eq!(speaker.as_deref(), Some("Gov. John Kasich (R-OH)"));
}

#[test]
fn naming_cues_report_the_object_and_its_quoted_name() {
    let (kind, body, speaker, _) =
        one("Last September, Beck called Palin a “clown” on his radio show.", "en");
    assert_eq!((kind, body.as_str()), (QuoteKind::Mixed, "Palin a “clown”"));
    assert_eq!(speaker.as_deref(), Some("Beck"));
    // "slammed" reports its object too.
    let q =
        quotes("Gowdy slammed the lawsuit, calling it “meritless” and “improper” on Monday.", "en");
    let got: Vec<_> = q.iter().map(|q| (q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(
        got,
        [("the lawsuit", Some("Gowdy")), ("it “meritless” and “improper”", Some("Gowdy"))]
    );
    // A clause about the name carries on.
    let (_, body, _, _) =
        one("Christie called Obama a “petulant child” who is acting “as if he is a king.”", "en");
    assert_eq!(body, "Obama a “petulant child” who is acting “as if he is a king.”");
}

#[test]
fn a_participle_after_an_attribution_is_that_speakers() {
    let q = quotes(
        "“Hillary is not going to lead them by going for $12,” Jealous said, suggesting that a bolder platform would help.",
        "en",
    );
    let bodies: Vec<_> = q.iter().map(|q| (q.0, q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(
        bodies,
        [
            (
                QuoteKind::Direct,
                "“Hillary is not going to lead them by going for $12,”",
                Some("Jealous")
            ),
            (QuoteKind::Indirect, "a bolder platform would help", Some("Jealous")),
        ]
    );
    // A preposition after the quotation carries on its clause: the speaker
    // follows the cue.
    let (_, _, speaker, _) = one("\"This will be a challenge\" for Clinton, said Kunin.", "en");
    assert_eq!(speaker.as_deref(), Some("Kunin"));
}

#[test]
fn present_tense_cues_and_cue_words_used_as_nouns() {
    let (_, body, speaker, _) = one("Critics argue the law is a money pit.", "en");
    assert_eq!((body.as_str(), speaker.as_deref()), ("the law is a money pit", Some("Critics")));
    let (_, body, _, _) = one("Republicans agree that the plan is bad.", "en");
    assert_eq!(body, "the plan is bad");
    // "report", "claim" after a determiner or possessive are nouns: the
    // speaker phrase holds them, and they report nothing themselves.
    let (_, body, speaker, _) = one("The report said the economy grew.", "en");
    assert_eq!((body.as_str(), speaker.as_deref()), ("the economy grew", Some("The report")));
    assert!(quotes("His claim that the vote was rigged fell flat.", "en").is_empty());
}

#[test]
fn progressive_cues_report() {
    let (_, body, speaker, _) = one("Sanders is promising to break up the big banks.", "en");
    assert_eq!((body.as_str(), speaker.as_deref()), ("to break up the big banks", Some("Sanders")));
    let (_, body, _, _) = one("Trump is telling voters that the system is rigged.", "en");
    assert_eq!(body, "the system is rigged");
}

#[test]
fn where_reported_content_ends() {
    // A coordinated cue of the speaker's own.
    let q = quotes(
        "Chris Brownell, an audience member, said he makes $41,000 a year and questioned how he would be helped.",
        "en",
    );
    assert_eq!(q[0].1, "he makes $41,000 a year");
    assert_eq!(q[0].2.as_deref(), Some("Chris Brownell, an audience member"));
    // A past-tense clause of the speaker's after ", and he".
    let (_, body, _, _) = one(
        "Rubio said the real extremist on abortion is Hillary Clinton, and he railed against the debates.",
        "en",
    );
    assert_eq!(body, "the real extremist on abortion is Hillary Clinton");
}

#[test]
fn speaker_phrases_with_a_quotation_or_a_long_parenthesis() {
    let q = quotes(
        "Humphrey, who calls Trump a “sociopath,” said he doesn’t believe the effort requires an alternative.",
        "en",
    );
    let said = q.iter().find(|q| q.1.starts_with("he doesn")).unwrap();
    // The apposition reports on its own (“calls Trump a sociopath”), so the
    // speaker of the main report is the name.
    assert_eq!(said.2.as_deref(), Some("Humphrey"));
    let (_, _, speaker, _) =
        one("Rep. Gregory Meeks (D-N.Y.) said Clinton reassured them about the House.", "en");
    assert_eq!(speaker.as_deref(), Some("Rep. Gregory Meeks (D-N.Y.)"));
}

#[test]
fn poll_figures_speak() {
    let q = quotes(
        "Two in three said they are less likely to vote Republican, and nearly three in five said they are much less likely.",
        "en",
    );
    let bodies: Vec<_> = q.iter().map(|q| (q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(
        bodies,
        [
            ("they are less likely to vote Republican", Some("Two in three")),
            ("they are much less likely", Some("nearly three in five")),
        ]
    );
}

#[test]
fn a_cue_joined_to_the_sentence_subject_before_a_quotation() {
    let (_, _, speaker, _) = one("She followed that by saying, “I am not going anywhere.”", "en");
    assert_eq!(speaker.as_deref(), Some("She"));
    let (_, _, speaker, _) = one(
        "Wilkerson started the rant when he brought up the bombing and later said, “It’s not just Muslims shooting people.”",
        "en",
    );
    assert_eq!(speaker.as_deref(), Some("Wilkerson"));
}

#[test]
fn cues_with_a_particle_report_their_object() {
    let (_, body, speaker, _) =
        one("Clinton talked about her plan to raise the minimum wage.", "en");
    assert_eq!(
        (body.as_str(), speaker.as_deref()),
        ("her plan to raise the minimum wage", Some("Clinton"))
    );
    let (_, body, _, _) = one("Officials pointed out that the bridge was closed.", "en");
    assert_eq!(body, "the bridge was closed");
    // Without its particle the verb reports nothing.
    assert!(
        quotes("He spoke in Iowa on Monday about nothing much.", "en")
            .iter()
            .all(|q| q.1 != "in Iowa on Monday about nothing much")
    );
    assert!(quotes("He spoke in Iowa on Monday.", "en").is_empty());
}

#[test]
fn openers_descriptions_and_relative_reports_before_a_speaker() {
    // An adverb or "And on Tuesday," before "Name, apposition, said".
    for s in [
        "Later, Kevin Brady, chairman of the committee, said that Republicans might include a delay.",
        "And on Tuesday, Kevin Brady, chairman of the committee, said that Republicans might include a delay.",
    ] {
        let (_, body, speaker, _) = one(s, "en");
        assert_eq!(body, "Republicans might include a delay", "{s}");
        assert_eq!(speaker.as_deref(), Some("Kevin Brady, chairman of the committee"), "{s}");
    }
    // A description, then the name as its apposition; the content is not
    // an inverted speaker ("…, said Trump’s nomination will …").
    let (_, body, speaker, _) = one(
        "One of the authors of that 2013 report, Ari Fleischer, said Trump’s nomination will test their conclusions.",
        "en",
    );
    assert_eq!(body, "Trump’s nomination will test their conclusions");
    assert_eq!(speaker.as_deref(), Some("One of the authors of that 2013 report, Ari Fleischer"));
    // A relative clause with a report of its own, then the main report.
    let q = quotes(
        "Barkley, who said he votes Democratic, said one candidate he likes is Kasich.",
        "en",
    );
    let got: Vec<_> = q.iter().map(|q| (q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("he votes Democratic", Some("who")),
            ("one candidate he likes is Kasich", Some("Barkley"))
        ]
    );
    // A show's title in quotation marks leaves its attribution to the
    // reported speech after it.
    let (_, body, speaker, _) = one(
        "Sunday on Fox News channel’s “Sunday Morning Futures,” Rep. Darrell Issa said Clinton is in trouble.",
        "en",
    );
    assert_eq!(
        (body.as_str(), speaker.as_deref()),
        ("Clinton is in trouble", Some("Rep. Darrell Issa"))
    );
}

#[test]
fn long_subjects_possessives_and_an_opening_clause_before_the_speaker() {
    let cases = [
        (
            "Bernie Sanders’ campaign says it raised more than $21 million in January.",
            "Bernie Sanders’ campaign",
            "it raised more than $21 million in January",
        ),
        (
            "A person familiar with the planning for Thursday’s meeting says the discussion will focus on unity.",
            "A person familiar with the planning for Thursday’s meeting",
            "the discussion will focus on unity",
        ),
        (
            "While Brookover did not spell out the path in detail, Rep. Chris Collins, R-NY, says participants outlined a scenario.",
            "Rep. Chris Collins, R-NY",
            "participants outlined a scenario",
        ),
    ];
    for (s, speaker, body) in cases {
        let (_, b, sp, _) = one(s, "en");
        assert_eq!((b.as_str(), sp.as_deref()), (body, Some(speaker)), "{s}");
    }
    // A subject with a verb of its own is not a long speaker phrase.
    assert!(
        quotes("The man who ran the race will not say much about it.", "en")
            .iter()
            .all(|q| q.2.as_deref() != Some("The man who ran the race will not"))
    );
}

#[test]
fn a_german_quotation_inside_its_clause_takes_the_clause_cue_not_the_next_sentence() {
    let q = quotes(
        "Wolfgang Hürter, Aufsichtsvorsitzender von SWB, nennt den Vorgang ein \
         „Musterbeispiel für internationale Solidarität unter den Kommunen.“ \
         Ein Ministeriumssprecher sagte, die Lage sei ernst.",
        "de",
    );
    let muster = q.iter().find(|q| q.1.contains("Musterbeispiel")).unwrap();
    assert_eq!(muster.0, QuoteKind::Direct);
    assert_eq!(muster.3.as_deref(), Some("Wolfgang Hürter"), "{q:?}");
}

#[test]
fn topic_cues_report_the_topic_noun_phrase() {
    let (_, body, speaker, _) =
        one("Trump talked about immigration at every single one of his rallies.", "en");
    assert_eq!((body.as_str(), speaker.as_deref()), ("immigration", Some("Trump")));
    let (_, body, speaker, _) = one(
        "Tenney recently spoke to Breitbart News Saturday about her primary race and her philosophy.",
        "en",
    );
    assert_eq!(body, "her primary race and her philosophy");
    assert_eq!(speaker.as_deref(), Some("Tenney"));
    let (_, body, speaker, _) =
        one("The billionaire businessman began by talking about the state’s drug crisis.", "en");
    assert_eq!(body, "the state’s drug crisis");
    assert_eq!(speaker.as_deref(), Some("The billionaire businessman"));
    let (_, body, _, _) = one("Clinton was asked about her emails on Tuesday.", "en");
    assert_eq!(body, "her emails");
    let (_, body, _, _) =
        one("Trump has raised questions about Obama’s birthplace and religion.", "en");
    assert_eq!(body, "Obama’s birthplace and religion");
    // A comma and a participle start a second report, not the topic's "that".
    let q = quotes("Trump talked about immigration, saying that the border is open.", "en");
    let bodies: Vec<_> = q.iter().map(|q| q.1.as_str()).collect();
    assert_eq!(bodies, ["immigration", "the border is open"]);
}

#[test]
fn time_phrases_and_clauses_cut_short_are_not_speakers() {
    // A time phrase opening the sentence is skipped for its subject.
    let (_, body, speaker, _) = one(
        "A few minutes later they reversed themselves and said they will register voters.",
        "en",
    );
    assert_eq!((body.as_str(), speaker.as_deref()), ("they will register voters", Some("they")));
    // "Whenever asked about …": no speaker "Whenever".
    let q =
        quotes("Whenever asked about her weaknesses, they shifted topics to the economy.", "en");
    assert!(q.iter().all(|q| q.2.as_deref() != Some("Whenever")), "{q:?}");
    // "Mr. Rubio had at last described …": not the speaker "Mr. Rubio had at".
    let q = quotes("He said that Mr. Rubio had at last described his views on immigration.", "en");
    assert!(q.iter().all(|q| q.2.as_deref() != Some("Mr. Rubio had at")), "{q:?}");
}

#[test]
fn a_long_relative_clause_after_the_name_and_a_description_subject_with_but_said() {
    let (_, body, speaker, _) = one(
        "Oliver K. Hedge, who appraises golf courses for the firm Cushman & Wakefield, said the golf industry had made great strides.",
        "en",
    );
    assert_eq!(body, "the golf industry had made great strides");
    assert!(speaker.as_deref().is_some_and(|s| s.starts_with("Oliver K. Hedge")), "{speaker:?}");
    let (_, body, speaker, _) = one(
        "The spokesman refused to answer questions on the election but said there was no meeting planned with Trump.",
        "en",
    );
    assert_eq!(body, "there was no meeting planned with Trump");
    assert_eq!(speaker.as_deref(), Some("The spokesman"));
}

#[test]
fn datelines_and_the_latest_label_are_not_speakers() {
    let (_, _, speaker, _) =
        one("WASHINGTON (AP) — Sen. Chuck Grassley said the nomination would wait.", "en");
    assert_eq!(speaker.as_deref(), Some("Sen. Chuck Grassley"));
    let (kind, body, speaker, _) =
        one("WASHINGTON (Reuters) - “We have to be ready to stop him,” she said.", "en");
    assert_eq!((kind, body.as_str()), (QuoteKind::Direct, "“We have to be ready to stop him,”"));
    assert_eq!(speaker.as_deref(), Some("she"));
    let q = quotes("The Latest: Clinton says she’s with them.", "en");
    assert!(q.iter().all(|q| q.2.as_deref() != Some("The Latest")), "{q:?}");
    // UPI's form, a comma and a date, before an opening adverbial.
    let (kind, _, speaker, _) = one(
        "WASHINGTON, Dec. 8 (UPI) — In response to Donald Trump’s proposal, Hillary \
         Clinton’s right-hand woman rallied supporters, saying: “We have to be ready to stop him.”",
        "en",
    );
    assert_eq!(kind, QuoteKind::Direct);
    assert_eq!(speaker.as_deref(), Some("Hillary Clinton’s right-hand woman"));
}

#[test]
fn an_adverbial_between_commas_is_not_part_of_the_speaker() {
    for (text, who) in [
        ("Clinton, without naming him, said that he was wrong.", "Clinton"),
        ("Trump, however, said that the deal was dead.", "Trump"),
        ("Rubio, speaking in Brussels, said that the alliance was strong.", "Rubio"),
    ] {
        let (_, _, speaker, _) = one(text, "en");
        assert_eq!(speaker.as_deref(), Some(who), "{text}");
    }
    // An apposition that describes the speaker stays.
    let (_, _, speaker, _) = one("Rasmussen, the Danish foreign minister, said it was fine.", "en");
    assert_eq!(speaker.as_deref(), Some("Rasmussen, the Danish foreign minister"));
}

#[test]
fn a_question_put_to_the_speaker_is_reported_speech_of_the_questioner() {
    let q = quotes("Asked if he was ever bullied, the Republican candidate said he was not.", "en");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(
        (q[0].0, q[0].1.as_str(), q[0].2.as_deref()),
        (QuoteKind::Indirect, "if he was ever bullied", None)
    );
    assert_eq!(
        (q[1].1.as_str(), q[1].2.as_deref()),
        ("he was not", Some("the Republican candidate"))
    );
    // The questioner after "by".
    let q = quotes(
        "Asked by Stephanopoulos to respond to Trump’s criticism, Carson said, “What does it say?”",
        "en",
    );
    assert_eq!(
        (q[0].1.as_str(), q[0].2.as_deref()),
        ("to respond to Trump’s criticism", Some("Stephanopoulos"))
    );
    assert_eq!((q[1].0, q[1].2.as_deref()), (QuoteKind::Direct, Some("Carson")));
    // "When asked", an adverb of the question, and a past "asked" with a
    // subject, which is an ordinary report.
    let q = quotes("When asked specifically what should be done, the voters were divided.", "en");
    assert_eq!(q[0].1, "specifically what should be done");
    let (_, body, speaker, _) =
        one("He asked workers if they planned to attend the caucuses.", "en");
    assert_ne!(speaker, None, "{body}");
}

#[test]
fn a_closing_according_to_covers_a_clause_with_a_report_of_its_own() {
    let q = quotes(
        "The president told her that it was not that simple, according to an account she gave.",
        "en",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(
        (q[0].1.as_str(), q[0].2.as_deref()),
        ("The president told her that it was not that simple", Some("an account she gave"))
    );
    // The inner report ends before the comma.
    assert_eq!(
        (q[1].1.as_str(), q[1].2.as_deref()),
        ("it was not that simple", Some("The president"))
    );
    // Without an inner report the clause is found as before, once.
    let q = quotes(
        "The GOP leaners in the area seem enamored with Trump, according to Politico.",
        "en",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2.as_deref(), Some("Politico"));
}

#[test]
fn a_closing_tell_attribution_with_its_addressee() {
    for (text, body, who) in [
        (
            "He had been completing his second year, a school spokesman told The Wall Street Journal.",
            "He had been completing his second year",
            "a school spokesman",
        ),
        ("The plan is dead, he told reporters on Monday.", "The plan is dead", "he"),
    ] {
        let (kind, b, speaker, _) = one(text, "en");
        assert_eq!((kind, b.as_str(), speaker.as_deref()), (QuoteKind::Indirect, body, Some(who)));
    }
    // The addressee of "told" is never the speaker.
    let q = quotes(
        "Sanders remains committed to the race, his aide, Tad Devine, told The Huffington Post.",
        "en",
    );
    assert!(q.iter().all(|q| q.2.as_deref() != Some("The Huffington Post")), "{q:?}");
}

#[test]
fn a_naming_without_quotation_ends_at_the_next_verb() {
    // The accusation after "and" is a report of its own.
    let q = quotes(
        "Sen. Bernie Sanders called him divisive and accused him of dividing Americans.",
        "en",
    );
    let got: Vec<_> = q.iter().map(|q| (q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("him divisive", Some("Sen. Bernie Sanders")),
            ("him of dividing Americans", Some("Sen. Bernie Sanders"))
        ]
    );
}

#[test]
fn an_object_cue_reports_its_object_before_a_later_if() {
    let q = quotes(
        "The Wisconsin Republican criticized the president’s foreign policy and said allies \
         wanted to know if the U.S. would stay.",
        "en",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "the president’s foreign policy");
    assert_eq!(q[1].1, "allies wanted to know if the U.S. would stay");
    assert_eq!(q[1].2.as_deref(), Some("The Wisconsin Republican"));
    // A two-word object is enough for an object cue; "discussed" is one.
    assert_eq!(one("He praised her effort.", "en").1, "her effort");
    assert_eq!(one("She criticized the plan.", "en").1, "the plan");
    let (_, body, speaker, _) = one("That night, I discussed my sentence on Fox News.", "en");
    assert_eq!((body.as_str(), speaker.as_deref()), ("my sentence on Fox News", Some("I")));
    // Right after the cue and its adverbials "that" still opens the content.
    assert_eq!(one("He announced on Tuesday that he would run.", "en").1, "he would run");
}

#[test]
fn a_report_after_though_and_a_described_name_with_its_place() {
    let q = quotes(
        "Other candidates followed his lead, saying the history is a legitimate criticism, \
         though Mrs. Fiorina said she doubted voters would care.",
        "en",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "the history is a legitimate criticism");
    assert_eq!(
        (q[1].1.as_str(), q[1].2.as_deref()),
        ("she doubted voters would care", Some("Mrs. Fiorina"))
    );
    let (_, _, speaker, _) = one(
        "One pastor supporting Mr. Cruz, Darran Whiting of Liberty Baptist Church in Marion, \
         said he had made calls.",
        "en",
    );
    assert_eq!(
        speaker.as_deref(),
        Some("One pastor supporting Mr. Cruz, Darran Whiting of Liberty Baptist Church in Marion")
    );
}

#[test]
fn shares_of_a_group_as_speakers() {
    let q = quotes(
        "A full 79 percent of Democrats say they would be satisfied with Clinton, while only \
         49 percent of Republicans say the same of Trump.",
        "en",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "they would be satisfied with Clinton");
    assert_eq!(
        (q[1].1.as_str(), q[1].2.as_deref()),
        ("the same of Trump", Some("only 49 percent of Republicans"))
    );
    let (_, _, speaker, _) = one("About 4 in 10 say they want more liberal policies.", "en");
    assert_eq!(speaker.as_deref(), Some("About 4 in 10"));
}

#[test]
fn a_one_word_answer_is_reported_speech() {
    let q = quotes(
        "75 percent of Democrats said yes, but 55 percent of all voters say she does not.",
        "en",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!((q[0].1.as_str(), q[0].2.as_deref()), ("yes", Some("75 percent of Democrats")));
    assert_eq!(
        (q[1].1.as_str(), q[1].2.as_deref()),
        ("she does not", Some("55 percent of all voters"))
    );
    // "no" and "so" that open a clause are not answers.
    assert_eq!(one("She said no one would come.", "en").1, "no one would come");
    assert_eq!(
        one("He said so far the talks had gone well.", "en").1,
        "so far the talks had gone well"
    );
}

#[test]
fn a_possessive_name_opens_a_description_speaker() {
    let (_, body, speaker, _) = one("Trump’s spokeswoman said that the plan was dead.", "en");
    assert_eq!(body, "the plan was dead");
    assert_eq!(speaker.as_deref(), Some("Trump’s spokeswoman"));
    let (_, _, speaker, _) =
        one("Bernie Sanders’ campaign manager said that the plan was dead.", "en");
    assert_eq!(speaker.as_deref(), Some("Bernie Sanders’ campaign manager"));
}

#[test]
fn verbs_of_saying_with_an_addressee_after_to_and_new_cues() {
    let (_, _, speaker, _) = one(
        "''That wasn't a good way to treat me,'' he complained to an American afterward.",
        "en",
    );
    assert_eq!(speaker.as_deref(), Some("he"));
    let (_, body, _, _) = one("She said to the crowd on Tuesday that the plan would work.", "en");
    assert_eq!(body, "the plan would work");
    let (_, body, _, _) = one("Trump told the crowd that the wall works.", "en");
    assert_eq!(body, "the wall works");
    // "said to be" still reports nothing.
    assert!(quotes("He is said to be furious about the vote.", "en").is_empty());
    for (text, cue_speaker) in [
        ("“Cruz could win the general election in a landslide,” Viguerie concludes.", "Viguerie"),
        ("“Go back to Univision,” Trump barked and a guard escorted Ramos out.", "Trump"),
    ] {
        let (_, _, speaker, _) = one(text, "en");
        assert_eq!(speaker.as_deref(), Some(cue_speaker), "{text}");
    }
}

#[test]
fn a_colon_before_a_new_paragraph_of_quotation_attributes_it() {
    let text = "When Wallace died in 1998, President Clinton released the following statement:\n\n\
                “Hillary and I offer our condolences to the family of George Wallace.”\n\n\
                Clinton said:\n\n“We will win this.”\n\n\
                RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones: “Gallup’s analysis finds that 20 states are solidly Republican.”";
    let q = quotes(text, "en");
    let speakers: Vec<_> = q.iter().map(|q| q.2.as_deref()).collect();
    assert_eq!(speakers, [Some("President Clinton"), Some("Clinton"), Some("Jeffrey M. Jones")]);
}

#[test]
fn a_closing_speaker_with_a_party_in_parentheses_or_an_age() {
    let (_, _, speaker, _) = one("\"It is here,\" Sen. Marco Rubio (R-Fla.) said.", "en");
    assert_eq!(speaker.as_deref(), Some("Sen. Marco Rubio (R-Fla.)"));
    let (_, _, speaker, _) =
        one("\"I kind of got into a panic,\" Ki Hong, 33, said of the discovery.", "en");
    assert_eq!(speaker.as_deref(), Some("Ki Hong"));
    // A clause before a colon is not a name: "A spokesman could only quip:".
    let q = quotes("A spokesman could only quip: \"I guess Christmas Eve was booked.\"", "en");
    assert!(q.iter().all(|q| q.2.as_deref() != Some("A spokesman could only quip")), "{q:?}");
}

#[test]
fn a_participle_after_a_quotation_reports_the_subject_not_an_inverted_speaker() {
    // The comma of ", saying" sits inside the closing quotation mark; what
    // follows "saying" is what was said, not who said it.
    let text = "Donald Trump has delivered a defense of “New York values,” saying the city \
                embodied the “bravery, heart and soul of America.”";
    let q = quotes(text, "en");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Mixed);
    assert_eq!(q[0].1, "the city embodied the “bravery, heart and soul of America.”");
    assert_eq!(q[0].2.as_deref(), Some("Donald Trump"));
    // "“…,” said X" stays an inverted attribution.
    let (_, _, speaker, _) = one("“We will win,” said Senator Ada Okafor.", "en");
    assert_eq!(speaker.as_deref(), Some("Senator Ada Okafor"));
}

#[test]
fn a_sentence_ending_in_the_colon_before_a_quotation_gives_its_subject() {
    let (_, _, speaker, _) = one("The senator put it this way: “We are not going anywhere.”", "en");
    assert_eq!(speaker.as_deref(), Some("The senator"));
    let (_, _, speaker, _) =
        one("Ms. Okafor then listed her conditions: “No new taxes and no new wars.”", "en");
    assert_eq!(speaker.as_deref(), Some("Ms. Okafor"));
    // "Here’s X in …:", "More from X:".
    let (_, _, speaker, _) =
        one("Here’s Clinton in December 1992: “Our new direction must rest on work.”", "en");
    assert_eq!(speaker.as_deref(), Some("Clinton"));
    let (_, _, speaker, _) = one("More from Jones: “The state is a starting point.”", "en");
    assert_eq!(speaker.as_deref(), Some("Jones"));
    // No speaker where the subject is not someone who speaks.
    let q = quotes("The stakes are clear: “We are not going anywhere.”", "en");
    assert!(q.iter().all(|q| q.2.is_none()), "{q:?}");
}

#[test]
fn a_report_in_an_opening_subordinate_clause_ends_at_its_comma() {
    let q = quotes(
        "When the moderator pointed out that Trump hadn't answered the question, the \
         candidate said families of people killed by police file lawsuits.",
        "en",
    );
    let got: Vec<_> = q.iter().map(|q| (q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("Trump hadn't answered the question", Some("the moderator")),
            ("families of people killed by police file lawsuits", Some("the candidate")),
        ]
    );
    // A weak cue's "that" is not looked for past a comma and another report.
    let q = quotes(
        "While Sanders has pledged to support Clinton as the nominee, Devine suggested \
         that it wouldn’t be a simple process.",
        "en",
    );
    let got: Vec<_> = q.iter().map(|q| (q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("to support Clinton as the nominee", Some("Sanders")),
            ("it wouldn’t be a simple process", Some("Devine")),
        ]
    );
}

#[test]
fn a_closing_attribution_may_carry_a_clause_of_time_or_a_stray_mark() {
    for (text, who) in [
        ("“We will win!” Sessions said as he launched the vote.", "Sessions"),
        ("“Who can remember? Is it two?” Clinton asks as a guard walks in.", "Clinton"),
        ("''I would use the word 'old-school,''' said Gregory W. Slayton.", "Gregory W. Slayton"),
    ] {
        let q = quotes(text, "en");
        assert_eq!(q.len(), 1, "{text}: {q:?}");
        assert_eq!(q[0].0, QuoteKind::Direct, "{text}");
        assert_eq!(q[0].2.as_deref(), Some(who), "{text}");
    }
}

#[test]
fn a_written_text_that_reads_is_the_speaker_and_a_questioner_may_be_described() {
    for (text, who) in [
        (
            "“Shame on him,” reads a Wednesday editorial in The Des Moines Register.",
            "a Wednesday editorial in The Des Moines Register",
        ),
        ("\"Our revolution has forced her to change her mind,\" read the email.", "the email"),
        (
            "“Hi Americans!” a welcome message on the website reads.",
            "a welcome message on the website",
        ),
    ] {
        let (kind, _, speaker, _) = one(text, "en");
        assert_eq!(kind, QuoteKind::Direct, "{text}");
        assert_eq!(speaker.as_deref(), Some(who), "{text}");
    }
    // Reading is not saying.
    let q = quotes("“I love books,” she said. She reads every night.", "en");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2.as_deref(), Some("she"));
    let q = quotes(
        "When asked by a reporter whether the plan differed from the old one, Trump said it did not.",
        "en",
    );
    assert_eq!(q[0].1, "whether the plan differed from the old one");
    assert_eq!(q[0].2.as_deref(), Some("a reporter"));
}

#[test]
fn a_report_after_a_quotation_and_its_attribution_is_the_quoted_speakers() {
    let q = quotes(
        "“I wish him well,” Mr. Trump told the hosts of “Morning Joe,” adding that his son \
         Eric is friendly with one of Mr. Bush’s sons.",
        "en",
    );
    let got: Vec<_> = q.iter().map(|q| q.2.as_deref()).collect();
    assert_eq!(got, [Some("Mr. Trump"), Some("Mr. Trump")], "{q:?}");
    let q =
        quotes("“I hate the term,” she said, but added that after taxes, they struggled.", "en");
    let got: Vec<_> = q.iter().map(|q| q.2.as_deref()).collect();
    assert_eq!(got, [Some("she"), Some("she")], "{q:?}");
}

#[test]
fn a_signature_after_a_dash_and_the_speaker_of_a_later_clause() {
    let (_, _, speaker, _) = one("“Boeing and GE pay zero taxes.”  - Bernie Sanders.", "en");
    assert_eq!(speaker.as_deref(), Some("Bernie Sanders"));
    // Not a signature: words of a clause after the dash.
    let q = quotes("“We will win” - and we did, Trump said.", "en");
    assert!(q.iter().all(|q| q.2.as_deref() == Some("Trump")), "{q:?}");
    // ", but he gave …:" is a clause of its own with its own subject.
    let q = quotes(
        "Reid said both men are non-entities in the Senate, but he gave the Texan a \
         back-handed compliment: “You never have to guess where he is.”",
        "en",
    );
    let got: Vec<_> = q.iter().map(|q| (q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("both men are non-entities in the Senate", Some("Reid")),
            ("“You never have to guess where he is.”", Some("he")),
        ]
    );
    // An adverbial between the subordinate clause's comma and the subject.
    let q = quotes(
        "Although in September she said the plan was a mistake, at the town hall this week \
         she said she did not believe it was an error.",
        "en",
    );
    let got: Vec<_> = q.iter().map(|q| q.1.as_str()).collect();
    assert_eq!(got, ["the plan was a mistake", "she did not believe it was an error"]);
}

#[test]
fn an_attribution_that_introduces_the_next_quotation_is_not_the_last_ones() {
    let q = quotes(
        "Brafman said, “The zeal of this case is uncharacteristic of any case we found.” \
         He added, “In this case things happened that were unusual.”",
        "en",
    );
    let got: Vec<_> = q.iter().map(|q| (q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("“The zeal of this case is uncharacteristic of any case we found.”", Some("Brafman")),
            ("“In this case things happened that were unusual.”", Some("He")),
        ]
    );
    // A subordinate clause before "he replied," sets the scene; the
    // quotation opens its own sentence.
    let q =
        quotes("When Brafman thanked him, he replied, “This was one of my finest moments.”", "en");
    let got: Vec<_> = q.iter().map(|q| (q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(got, [("“This was one of my finest moments.”", Some("he"))]);
    // Without a capital the clause before the attribution is what was said.
    let q = quotes("Many of the closures, he said, “have involved public courses.”", "en");
    assert!(q[0].1.starts_with("Many of the closures"), "{q:?}");
}

#[test]
fn more_cues_and_speakers_after_a_quotation() {
    // A capitalised past form after an apposition, and a prepositional
    // phrase after the cue that is not a clause of its own.
    let (_, _, speaker, _) = one(
        "“Not us but can’t argue with it!” Murphy, the head of Right to Rise USA, Tweeted on \
         Friday with an image.",
        "en",
    );
    assert_eq!(speaker.as_deref(), Some("Murphy"));
    let (_, _, speaker, _) =
        one("“I can point to only two accomplishments,” Bozell answers.", "en");
    assert_eq!(speaker.as_deref(), Some("Bozell"));
    // Role words between two names are one speaker.
    let (_, _, speaker, _) = one(
        "Band member Flea shared the news last week, writing “Feels great to support \
         someone I believe in.”",
        "en",
    );
    assert_eq!(speaker.as_deref(), Some("Band member Flea"));
    // "assures" has an addressee, like "told".
    let (_, text, speaker, _) =
        one("Graham assures his audience he will tell the bigots to stop.", "en");
    assert_eq!(
        (text.as_str(), speaker.as_deref()),
        ("he will tell the bigots to stop", Some("Graham"))
    );
}

#[test]
fn a_new_sentence_ending_in_a_colon_introduces_its_own_quotation() {
    let q = quotes(
        "“We won,” Clinton said. She then addressed the supporters again: “Here is what I \
         regret.”",
        "en",
    );
    let got: Vec<_> = q.iter().map(|q| (q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(got, [("“We won,”", Some("Clinton")), ("“Here is what I regret.”", Some("She"))]);
    // The rest of an attribution before a full stop still carries on.
    let q = quotes("“We won,” said Sen. Mike Lee (R-Utah). “We will win again.”", "en");
    assert_eq!(q.len(), 1, "{q:?}");
}

#[test]
fn quotation_dash_signatures_close_each_quotation() {
    let q = quotes(
        "“He represents our greatest shame.” ― Sonya Herridge “During the debate he looked \
         at the cameras and lied.” ― Pamela Padilla",
        "en",
    );
    let got: Vec<_> = q.iter().map(|q| (q.0, q.2.as_deref())).collect();
    assert_eq!(
        got,
        [(QuoteKind::Direct, Some("Sonya Herridge")), (QuoteKind::Direct, Some("Pamela Padilla"))],
        "{q:?}"
    );
}

#[test]
fn as_someone_put_it_names_the_speaker() {
    let (_, _, speaker, _) =
        one("As Professor Foner put it: “The party has not changed its mind in a century.”", "en");
    assert_eq!(speaker.as_deref(), Some("Professor Foner"));
    let (_, _, speaker, _) = one(
        "Or, as Tom Ridge, a former homeland security secretary, put it, “We are not \
         ready for this at all.”",
        "en",
    );
    assert_eq!(speaker.as_deref(), Some("Tom Ridge"));
}

#[test]
fn appositions_with_numbers_and_abbreviations_stay_with_the_name() {
    let (_, _, speaker, _) =
        one("“It was a long time ago,” said Mr. Daniloff, now 81 and retired in Vermont.", "en");
    assert_eq!(speaker.as_deref(), Some("Mr. Daniloff"));
    // "a false claim" is a noun, not a cue with "a false" as its speaker.
    let q =
        quotes("Trump kept repeating a false claim that he opposed the war from the start.", "en");
    assert!(q.iter().all(|q| q.2.as_deref() != Some("a false")), "{q:?}");
}

#[test]
fn a_speaker_with_its_apposition_after_the_content() {
    let (_, text, speaker, _) = one(
        "Sanders remains committed to seeing the primary through to the convention, his top \
         aide, Tad Devine, told The Huffington Post.",
        "en",
    );
    assert_eq!(
        (text.as_str(), speaker.as_deref()),
        (
            "Sanders remains committed to seeing the primary through to the convention",
            Some("his top aide, Tad Devine")
        )
    );
    let (_, _, speaker, _) = one(
        "Facebook created the tool to help in times of crisis, Anna Richardson White, a \
         spokeswoman, said on Saturday.",
        "en",
    );
    assert_eq!(speaker.as_deref(), Some("Anna Richardson White, a spokeswoman"));
    // An apposition between dashes before the cue.
    let (_, text, speaker, _) = one(
        "Jason Sims — a teacher from Mount Pleasant — says he made a last-minute decision.",
        "en",
    );
    assert_eq!(
        (text.as_str(), speaker.as_deref()),
        ("he made a last-minute decision", Some("Jason Sims — a teacher from Mount Pleasant"))
    );
}

#[test]
fn a_contracted_pronoun_is_a_speaker_not_a_possessive() {
    let q = quotes(
        "Donald Trump said he would go to Ohio on Monday. He’s claiming that voting fraud is \
         a big problem in this country.",
        "en",
    );
    let got: Vec<_> = q.iter().map(|q| (q.1.as_str(), q.2.as_deref(), q.3.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("he would go to Ohio on Monday", Some("Donald Trump"), Some("Donald Trump")),
            ("voting fraud is a big problem in this country", Some("He"), Some("Donald Trump"))
        ]
    );
}

#[test]
fn as_someone_put_it_frames_the_rest_of_the_sentence() {
    let (kind, text, speaker, _) = one(
        "As Ms. Simonyan put it in a statement in July, RT is ''providing a perspective you \
         won't get from the mainstream press.''",
        "en",
    );
    assert_eq!(
        (kind, text.as_str(), speaker.as_deref()),
        (
            QuoteKind::Mixed,
            "RT is ''providing a perspective you won't get from the mainstream press.''",
            Some("Ms. Simonyan")
        )
    );
}

#[test]
fn a_closing_mark_that_opens_a_paragraph_opens_a_quotation() {
    let q = quotes(
        "Obama spoke in Laos.\n\n” … what I learned from these families is that it is \
         heard the wrong way,” he said.",
        "en",
    );
    let got: Vec<_> = q.iter().map(|q| (q.0, q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(
        got,
        [(
            QuoteKind::Direct,
            "” … what I learned from these families is that it is heard the wrong way,”",
            Some("he")
        )]
    );
}

#[test]
fn shares_and_groups_as_speakers() {
    let q = quotes(
        "About three in 10 said they prefer a more liberal agenda, but six in 10 said they \
         want the next president to continue those policies.",
        "en",
    );
    let got: Vec<_> = q.iter().map(|q| (q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("they prefer a more liberal agenda", Some("About three in 10")),
            ("they want the next president to continue those policies", Some("six in 10"))
        ]
    );
    let (_, _, speaker, _) =
        one("47% say the United States should commit troops on the ground.", "en");
    assert_eq!(speaker.as_deref(), Some("47%"));
    let (_, _, speaker, _) =
        one("Again, those surveyed said Trump was best able to handle the issue.", "en");
    assert_eq!(speaker.as_deref(), Some("those surveyed"));
}

#[test]
fn reports_after_subordinators_relatives_and_headline_cues() {
    let (_, text, speaker, _) = one(
        "The candidate launched his campaign by declaring that Mexican immigrants were \
         criminals.",
        "en",
    );
    assert_eq!(
        (text.as_str(), speaker.as_deref()),
        ("Mexican immigrants were criminals", Some("The candidate"))
    );
    // A relative clause with a report of its own, negated, then the main
    // report.
    let q = quotes(
        "Mrs. Clinton, who did not explicitly say that Mr. Sanders was not qualified to be \
         president, said on Wednesday that he had not done his homework on Wall Street reform.",
        "en",
    );
    let got: Vec<_> = q.iter().map(|q| (q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("Mr. Sanders was not qualified to be president", Some("who")),
            ("he had not done his homework on Wall Street reform", Some("Mrs. Clinton"))
        ]
    );
    let (_, text, speaker, _) = one("Craig Fehrman explains why Indiana is “weird.”", "en");
    assert_eq!(
        (text.as_str(), speaker.as_deref()),
        ("why Indiana is “weird.”", Some("Craig Fehrman"))
    );
    let (_, _, speaker, _) = one(
        "Mike Pence Calls for Special Prosecutor after Report Reveals Clinton’s Meetings.",
        "en",
    );
    assert_eq!(speaker.as_deref(), Some("Mike Pence"));
    // An inverted attribution whose apposition is a role without article.
    let (_, _, speaker, _) = one(
        "The Clinton model will be part of the election postmortem, said Jake Horowitz, \
         editor in chief of Mic.com.",
        "en",
    );
    assert_eq!(speaker.as_deref(), Some("Jake Horowitz"));
}

#[test]
fn an_object_ends_before_adverbials_and_a_second_verb() {
    let (_, text, _, _) =
        one("Donald Trump also criticized Clinton during a rally Friday in Hartford, Conn.", "en");
    assert_eq!(text, "Clinton");
    let (_, text, _, _) = one("He denied the charges and counter-accused her of battery.", "en");
    assert_eq!(text, "the charges");
}

#[test]
fn a_question_put_after_the_quotation() {
    let q = quotes(
        "''Jobs, jobs, jobs,'' Mrs. Clinton said on television last month when asked what \
         Mr. Clinton would do in the White House.",
        "en",
    );
    let got: Vec<_> = q.iter().map(|q| (q.0, q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(
        got,
        [
            (QuoteKind::Direct, "''Jobs, jobs, jobs,''", Some("Mrs. Clinton")),
            (QuoteKind::Indirect, "what Mr. Clinton would do in the White House", None)
        ]
    );
}

#[test]
fn transcript_turns_opened_by_a_quotation_mark() {
    let q = quotes(
        "Two questions: Why would Trump do that?\n\n\"PENCE: Well, look, this is an episode \
         of a game show. It is serious business.\n\n\"WALLACE: If I may, sir, will she be \
         there?\n\n\"PENCE: She will not be attending the debate tomorrow night.",
        "en",
    );
    let got: Vec<_> = q.iter().map(|q| (q.0, q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(
        got,
        [
            (
                QuoteKind::Indirect,
                "Well, look, this is an episode of a game show. It is serious business",
                Some("PENCE")
            ),
            (QuoteKind::Indirect, "If I may, sir, will she be there", Some("WALLACE")),
            (
                QuoteKind::Indirect,
                "She will not be attending the debate tomorrow night",
                Some("PENCE")
            ),
        ]
    );
}

#[test]
fn a_quotation_after_that_is_reported_speech() {
    let (kind, text, speaker, _) = one(
        "Trump had choice words for the moderators, telling O'Reilly that \"I'm not okay \
         with Anderson Cooper because he treats me very unfairly.\"",
        "en",
    );
    assert_eq!(
        (kind, text.as_str(), speaker.as_deref()),
        (
            QuoteKind::Mixed,
            "\"I'm not okay with Anderson Cooper because he treats me very unfairly.\"",
            Some("Trump")
        )
    );
}

#[test]
fn headline_sources_before_a_colon() {
    let cases = [
        ("Clinton camp: Trump’s Islamophobia threatens national security.", "Clinton camp"),
        ("Dr. Ben Carson: Hillary Clinton ‘Not Fit To Serve As President.’", "Dr. Ben Carson"),
        (
            "Former AG Mukasey at RNC: Clinton email scandal disqualifies her.",
            "Former AG Mukasey at RNC",
        ),
        ("EXCLUSIVE – Roger Stone: Don’t Trust the Voting Machines.", "Roger Stone"),
        ("Ryan: ‘Anti-Semitic Images’ Have ‘No Place In A Presidential Campaign.’", "Ryan"),
    ];
    for (text, want) in cases {
        let (_, _, speaker, _) = one(text, "en");
        assert_eq!(speaker.as_deref(), Some(want), "{text}");
    }
    // A lower-case noun phrase is no source.
    assert!(quotes("Two questions: Why would Trump do that?", "en").is_empty());
}

#[test]
fn coordinated_weak_cues_and_poll_shares() {
    let q = quotes(
        "He announced that he was undergoing therapy and vowed to focus on being a better \
         father.",
        "en",
    );
    let got: Vec<_> = q.iter().map(|q| (q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("he was undergoing therapy", Some("He")),
            ("to focus on being a better father", Some("He"))
        ]
    );
    let (_, text, speaker, _) = one(
        "The killings have left 62 percent of voters saying race relations are growing worse.",
        "en",
    );
    assert_eq!(
        (text.as_str(), speaker.as_deref()),
        ("race relations are growing worse", Some("62 percent of voters"))
    );
    // "only" before a base form is an adverb, not a determiner.
    let (_, _, speaker, _) = one(
        "The Florida Republican would only say that his lack of foreign policy knowledge was \
         worrisome.",
        "en",
    );
    assert_eq!(speaker.as_deref(), Some("The Florida Republican"));
}

#[test]
fn a_second_report_after_then_or_and_then() {
    let q = quotes(
        "Trump praised the crowd and then said he would build the wall within a year.",
        "en",
    );
    let got: Vec<_> = q.iter().map(|q| (q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(
        got,
        [("the crowd", Some("Trump")), ("he would build the wall within a year", Some("Trump"))]
    );
    let (_, text, speaker, _) = one(
        "Kasich offered the man a job as Secretary of Defense, then says he’ll welcome advice \
         from anyone.",
        "en",
    );
    assert_eq!(
        (text.as_str(), speaker.as_deref()),
        ("he’ll welcome advice from anyone", Some("Kasich"))
    );
}

#[test]
fn closing_attributions_with_semicolons_coordinated_speakers_and_openers() {
    let q = quotes(
        "To win, candidates probably need about 40 percent of the Hispanic vote, political \
         analysts say; in 2012, Mitt Romney got 27 percent.",
        "en",
    );
    let got: Vec<_> = q.iter().map(|q| (q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(
        got,
        [(
            "To win, candidates probably need about 40 percent of the Hispanic vote",
            Some("political analysts")
        )]
    );
    let (_, _, speaker, _) = one(
        "Sanders’ support is particularly strong among teachers unions, teachers and union \
         officials told POLITICO.",
        "en",
    );
    assert_eq!(speaker.as_deref(), Some("teachers and union officials"));
    let (_, _, speaker, _) = one(
        "By double digits, those surveyed say stricter gun laws would help prevent gun violence.",
        "en",
    );
    assert_eq!(speaker.as_deref(), Some("those surveyed"));
    let (_, _, speaker, _) = one(
        "Many voters shrugged off the decision, with three in 10 saying a running mate would \
         have no effect on their vote.",
        "en",
    );
    assert_eq!(speaker.as_deref(), Some("three in 10"));
}

#[test]
fn verbs_of_criticism_praise_and_chanting() {
    let (_, text, speaker, _) =
        one("At Saturday's debate, Halvorson blasted Shuster for cavorting with a lobbyist.", "en");
    assert_eq!(
        (text.as_str(), speaker.as_deref()),
        ("Shuster for cavorting with a lobbyist", Some("Halvorson"))
    );
    let (_, _, speaker, _) =
        one("Gov. Tomblin lauded Mr. Clarke for his new and innovative ideas.", "en");
    assert_eq!(speaker.as_deref(), Some("Gov. Tomblin"));
    // A chant, and a sentence-initial adjective that is not a name.
    let (kind, text, speaker, _) = one(
        "Small groups of protesters looped the streets while chanting, \"Hands up, don't \
         shoot.\"",
        "en",
    );
    assert_eq!(
        (kind, text.as_str(), speaker.as_deref()),
        (QuoteKind::Direct, "\"Hands up, don't shoot.\"", Some("Small groups of protesters"))
    );
}

#[test]
fn commitments_report_their_infinitive() {
    let (_, text, speaker, _) = one(
        "Toward the end of his tenure, the company agreed to pay $325 million to settle the \
         charges.",
        "en",
    );
    assert_eq!(
        (text.as_str(), speaker.as_deref()),
        ("to pay $325 million to settle the charges", Some("the company"))
    );
    let (kind, text, speaker, _) =
        one("On his campaign website, Lopez-Cantera promises to “end” the Common Core.", "en");
    assert_eq!(
        (kind, text.as_str(), speaker.as_deref()),
        (QuoteKind::Mixed, "to “end” the Common Core", Some("Lopez-Cantera"))
    );
}

#[test]
fn a_whole_utterance_after_its_cue_stays_a_quote() {
    let (kind, text, speaker, _) = one(
        "Protesters marching through the streets chanted \"What curfew?\" and kept going until \
         nearly 2 a.m.",
        "en",
    );
    assert_eq!(
        (kind, text.as_str(), speaker.as_deref()),
        (QuoteKind::Direct, "\"What curfew?\"", Some("Protesters marching through the streets"))
    );
    // A naming cue's object ends before a participle clause.
    let (_, text, _, _) = one(
        "At his cookout, the band leader called Democratic bigwigs to the stage, singing \
         loudly.",
        "en",
    );
    assert_eq!(text, "Democratic bigwigs to the stage");
}

#[test]
fn a_participle_introducing_a_quotation_and_a_report_after_a_dash() {
    let (kind, _, speaker, _) = one(
        "The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead, you \
         might ask?”",
        "en",
    );
    assert_eq!((kind, speaker.as_deref()), (QuoteKind::Direct, Some("Hillary Clinton")));
    let q = quotes(
        "When the moderator noted that Trump had not paid federal income taxes ― as was true \
         for some years ― Trump boasted, “That makes me smart.”",
        "en",
    );
    let got: Vec<_> = q.iter().map(|q| (q.0, q.1.as_str(), q.2.as_deref())).collect();
    assert_eq!(
        got,
        [
            (
                QuoteKind::Indirect,
                "Trump had not paid federal income taxes ― as was true for some years",
                Some("the moderator")
            ),
            (QuoteKind::Direct, "“That makes me smart.”", Some("Trump")),
        ]
    );
}

#[test]
fn colon_and_put_it_attributions_after_an_opening_clause() {
    let (_, _, speaker, _) = one(
        "His credentials have not insulated him from being seen, as The New Yorker put it in \
         a lengthy exposé, “the operator.”",
        "en",
    );
    assert_eq!(speaker.as_deref(), Some("The New Yorker"));
    let (kind, _, speaker, _) = one(
        "Increasingly worried about a lack of passion among young voters, President Obama is \
         rolling out a new and more personal campaign message: \"It's about me.\"",
        "en",
    );
    assert_eq!((kind, speaker.as_deref()), (QuoteKind::Direct, Some("President Obama")));
}

#[test]
fn a_relative_speaker_a_sung_title_and_a_prepositional_opener() {
    let q = quotes(
        "The crowd included celebrities like Oprah Winfrey and Stevie Wonder, who joked of the \
         museum, ''I haven't seen it yet, but I'm going to.''",
        "en",
    );
    let got: Vec<_> = q.iter().map(|q| (q.0, q.2.as_deref(), q.3.as_deref())).collect();
    assert_eq!(got, [(QuoteKind::Direct, Some("who"), Some("Stevie Wonder"))]);
    // A Title Case quotation sung or said, with its own full stop, is no title.
    let (kind, text, _, _) =
        one("The band leader waved to the crowd, singing \"It's Our Time.\"", "en");
    assert_eq!((kind, text.as_str()), (QuoteKind::Direct, "\"It's Our Time.\""));
    let (_, _, speaker, _) = one(
        "With Democratic leaders increasingly worried about young voters, President Obama is \
         rolling out a new campaign message: \"It's about me.\"",
        "en",
    );
    assert_eq!(speaker.as_deref(), Some("President Obama"));
}

#[test]
fn a_headline_quotation_after_a_name_and_colon() {
    let (kind, text, speaker, _) = one(
        "Elizabeth Warren Hammers Wells Fargo CEO: ‘You Should Be Criminally Investigated.’",
        "en",
    );
    assert_eq!(
        (kind, text.as_str(), speaker.as_deref()),
        (
            QuoteKind::Direct,
            "‘You Should Be Criminally Investigated.’",
            Some("Elizabeth Warren Hammers Wells Fargo CEO")
        )
    );
    // A title without its own full stop stays a title.
    assert!(quotes("On “Sunday Morning Futures” the host was late.", "en").is_empty());
}
