#![allow(clippy::unwrap_used)]

use super::*;
use crate::stop::stop_set;

fn detector() -> Detector {
    let sets: Vec<(Lang, StopSet)> =
        Lang::all().filter_map(|l| stop_set(l.code()).map(|s| (l, s))).collect();
    Detector::new(sets.iter().map(|(l, s)| (*l, s)))
}

const SAMPLES: &[(&str, &str)] = &[
    (
        "en",
        "The government said on Monday that it would not change its plans, despite growing pressure from \
         opposition parties and a series of protests in the capital. Officials declined to say when the \
         new rules would take effect, but several ministers have already signalled that they expect a vote \
         before the summer.",
    ),
    (
        "de",
        "Die Regierung erklärte am Montag, sie werde ihre Pläne trotz des wachsenden Drucks der Opposition \
         und einer Reihe von Protesten in der Hauptstadt nicht ändern. Wann die neuen Regeln in Kraft treten \
         sollen, wollten die Beamten nicht sagen, doch mehrere Minister haben bereits angedeutet, dass sie \
         mit einer Abstimmung vor dem Sommer rechnen.",
    ),
    (
        "fr",
        "Le gouvernement a déclaré lundi qu'il ne modifierait pas ses projets, malgré la pression croissante \
         des partis d'opposition et une série de manifestations dans la capitale. Les responsables n'ont pas \
         voulu dire quand les nouvelles règles entreraient en vigueur, mais plusieurs ministres ont déjà \
         indiqué qu'ils s'attendaient à un vote avant l'été.",
    ),
    (
        "es",
        "El gobierno dijo el lunes que no cambiaría sus planes, a pesar de la creciente presión de los partidos \
         de la oposición y de una serie de protestas en la capital. Los funcionarios no quisieron decir cuándo \
         entrarían en vigor las nuevas normas, pero varios ministros ya han señalado que esperan una votación \
         antes del verano.",
    ),
    (
        "pt",
        "O governo disse na segunda-feira que não vai mudar os seus planos, apesar da pressão crescente dos \
         partidos da oposição e de uma série de protestos na capital. Os responsáveis não quiseram dizer quando \
         as novas regras entrarão em vigor, mas vários ministros já indicaram que esperam uma votação antes do \
         verão.",
    ),
    (
        "it",
        "Il governo ha detto lunedì che non cambierà i suoi piani, nonostante la crescente pressione dei partiti \
         di opposizione e una serie di proteste nella capitale. I funzionari non hanno voluto dire quando le \
         nuove regole entreranno in vigore, ma diversi ministri hanno già fatto sapere che si aspettano un voto \
         prima dell'estate.",
    ),
    (
        "nl",
        "De regering zei maandag dat zij haar plannen niet zal wijzigen, ondanks de groeiende druk van de \
         oppositiepartijen en een reeks protesten in de hoofdstad. Ambtenaren wilden niet zeggen wanneer de \
         nieuwe regels van kracht worden, maar verschillende ministers hebben al laten weten dat zij een \
         stemming voor de zomer verwachten.",
    ),
    (
        "ru",
        "Правительство заявило в понедельник, что не будет менять свои планы, несмотря на растущее давление со \
         стороны оппозиционных партий и серию протестов в столице. Чиновники не стали говорить, когда новые \
         правила вступят в силу, но несколько министров уже дали понять, что ожидают голосования до лета.",
    ),
    (
        "uk",
        "Уряд заявив у понеділок, що не змінюватиме своїх планів, попри зростаючий тиск з боку опозиційних \
         партій і низку протестів у столиці. Посадовці не захотіли сказати, коли нові правила набудуть \
         чинності, але кілька міністрів уже дали зрозуміти, що очікують голосування до літа.",
    ),
    (
        "sv",
        "Regeringen sade på måndagen att den inte kommer att ändra sina planer, trots det växande trycket från \
         oppositionspartierna och en rad protester i huvudstaden. Tjänstemännen ville inte säga när de nya \
         reglerna träder i kraft, men flera ministrar har redan signalerat att de räknar med en omröstning före \
         sommaren.",
    ),
];

#[test]
fn detects_sample_paragraphs() {
    let d = detector();
    for (code, text) in SAMPLES {
        let c = d.choose(text, None);
        assert_eq!(c.lang.map(Lang::code), Some(*code), "{text}");
        assert!(c.reliable, "{code}: {c:?}");
    }
}

#[test]
fn profile_is_clear_on_long_latin_text() {
    let d = detector();
    for (code, text) in SAMPLES.iter().filter(|(c, _)| !matches!(*c, "uk")) {
        let p = d.profile.detect(text);
        assert_eq!(p.map(|p| p.0.code()), Some(*code));
    }
}

#[test]
fn short_text_uses_declared() {
    let d = detector();
    let c = d.choose("Brexit", Some("de"));
    assert_eq!((c.lang.map(Lang::code), c.reliable), (Some("de"), false));
    let c = d.choose("Brexit talks", None);
    assert!(!c.reliable);
    let c = d.choose("", None);
    assert_eq!(c.lang, None);
}

#[test]
fn prefix_cuts_on_whitespace_and_char_boundary() {
    let t = "ä".repeat(600);
    let p = prefix(&t, 1023);
    assert!(p.len() <= 1023 && t.starts_with(p));
    let t = "word ".repeat(500);
    assert!(prefix(&t, 1024).ends_with("word"));
}
