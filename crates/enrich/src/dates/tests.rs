//! Tests of the date scanner. The publication day is Wednesday 9 April 2025.

use chrono::TimeZone;

use super::*;

fn published() -> Option<DateTime<Utc>> {
    Utc.with_ymd_and_hms(2025, 4, 9, 14, 30, 0).single()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The single date in `text`, checked: its span, covered days, granularity
/// and whether it is relative.
fn check(
    lang: Lang,
    text: &str,
    span: &str,
    start: NaiveDate,
    end: NaiveDate,
    gran: Granularity,
    relative: bool,
) {
    let ds = find_dates(text, lang, published());
    assert_eq!(ds.len(), 1, "{text:?} → {ds:#?}");
    let m = &ds[0];
    assert_eq!(m.span.slice(text).unwrap(), span, "{text:?}");
    assert_eq!(m.text, span);
    assert_eq!((m.start, m.end), (Some(start), Some(end)), "{text:?}");
    assert_eq!(m.granularity, gran, "{text:?}");
    assert_eq!(m.relative, relative, "{text:?}");
    assert!(m.resolved);
}

fn day(lang: Lang, text: &str, span: &str, date: NaiveDate, relative: bool) {
    check(lang, text, span, date, date, Granularity::Day, relative);
}

fn none(lang: Lang, text: &str) {
    let ds = find_dates(text, lang, published());
    assert!(ds.is_empty(), "{text:?} → {ds:#?}");
}

#[test]
fn absolute_days_en() {
    day(Lang::EN, "The vote was held on April 4, 2025.", "April 4, 2025", d(2025, 4, 4), false);
    day(Lang::EN, "held on 4 April 2025 in Rome", "4 April 2025", d(2025, 4, 4), false);
    day(Lang::EN, "held on April 4th, 2025", "April 4th, 2025", d(2025, 4, 4), false);
    day(Lang::EN, "held on the 4th of April 2025", "4th of April 2025", d(2025, 4, 4), false);
    day(Lang::EN, "held on Apr. 4, 2025", "Apr. 4, 2025", d(2025, 4, 4), false);
    day(Lang::EN, "released 2025-04-04 at noon", "2025-04-04", d(2025, 4, 4), false);
    day(Lang::EN, "on 04/04/2025", "04/04/2025", d(2025, 4, 4), false);
    day(Lang::EN, "on 13/04/2025", "13/04/2025", d(2025, 4, 13), false);
    day(Lang::EN, "on 04/13/2025", "04/13/2025", d(2025, 4, 13), false);
    day(Lang::EN, "on Friday, April 4, 2025,", "Friday, April 4, 2025", d(2025, 4, 4), false);
    // Ambiguous day/month order: left out.
    none(Lang::EN, "on 04/05/2025");
    // Not a date.
    none(Lang::EN, "on 2025-02-30");
}

#[test]
fn absolute_days_de() {
    day(Lang::DE, "Die Wahl fand am 4. April 2025 statt.", "4. April 2025", d(2025, 4, 4), false);
    day(Lang::DE, "am 04.04.2025", "04.04.2025", d(2025, 4, 4), false);
    day(
        Lang::DE,
        "am Freitag, den 4. April 2025",
        "Freitag, den 4. April 2025",
        d(2025, 4, 4),
        false,
    );
}

#[test]
fn day_and_month_without_year() {
    day(Lang::EN, "The vote on April 4 was close.", "April 4", d(2025, 4, 4), true);
    day(Lang::EN, "They met on 4 April.", "4 April", d(2025, 4, 4), true);
    day(Lang::DE, "Sie trafen sich am 4. April.", "4. April", d(2025, 4, 4), true);
    // Past tense: the last such day; future: the next one.
    day(Lang::EN, "It was signed on December 25.", "December 25", d(2024, 12, 25), true);
    day(Lang::EN, "It will be signed on March 3.", "March 3", d(2026, 3, 3), true);
    // No cue: the nearest.
    day(Lang::EN, "The deadline is June 1.", "June 1", d(2025, 6, 1), true);
    check(
        Lang::EN,
        "from April 4-6",
        "April 4-6",
        d(2025, 4, 4),
        d(2025, 4, 6),
        Granularity::Day,
        true,
    );
    day(Lang::EN, "on May 5", "May 5", d(2025, 5, 5), true);
}

#[test]
fn months_and_years() {
    let g = Granularity::Month;
    check(Lang::EN, "in April 2025", "April 2025", d(2025, 4, 1), d(2025, 4, 30), g, false);
    check(Lang::EN, "since March 2024,", "March 2024", d(2024, 3, 1), d(2024, 3, 31), g, false);
    check(Lang::DE, "im März 2024", "März 2024", d(2024, 3, 1), d(2024, 3, 31), g, false);
    let y = Granularity::Year;
    check(Lang::EN, "It happened in 2025.", "2025", d(2025, 1, 1), d(2025, 12, 31), y, false);
    check(Lang::EN, "since 2019", "2019", d(2019, 1, 1), d(2019, 12, 31), y, false);
    check(Lang::DE, "im Jahr 2025", "2025", d(2025, 1, 1), d(2025, 12, 31), y, false);
    check(Lang::DE, "seit 2019", "2019", d(2019, 1, 1), d(2019, 12, 31), y, false);
    check(Lang::EN, "the 2024-25 season", "2024-25", d(2024, 1, 1), d(2025, 12, 31), y, false);
    check(Lang::EN, "from 2020 to 2024", "2020 to 2024", d(2020, 1, 1), d(2024, 12, 31), y, false);
    // A bare number is not a year.
    none(Lang::EN, "2025 people came");
}

#[test]
fn months_without_year() {
    let g = Granularity::Month;
    check(Lang::EN, "Prices fell in February.", "February", d(2025, 2, 1), d(2025, 2, 28), g, true);
    check(
        Lang::EN,
        "They will vote in February.",
        "February",
        d(2026, 2, 1),
        d(2026, 2, 28),
        g,
        true,
    );
    // No tense cue: the nearest within six months.
    check(Lang::EN, "The summit in October.", "October", d(2025, 10, 1), d(2025, 10, 31), g, true);
    check(
        Lang::EN,
        "The summit in September.",
        "September",
        d(2025, 9, 1),
        d(2025, 9, 30),
        g,
        true,
    );
    check(Lang::EN, "A plan in November.", "November", d(2024, 11, 1), d(2024, 11, 30), g, true);
    check(Lang::EN, "in mid-April", "April", d(2025, 4, 1), d(2025, 4, 30), g, true);
    check(Lang::EN, "last April", "last April", d(2024, 4, 1), d(2024, 4, 30), g, true);
    check(
        Lang::DE,
        "Die Preise stiegen im Februar.",
        "Februar",
        d(2025, 2, 1),
        d(2025, 2, 28),
        g,
        true,
    );
    check(
        Lang::DE,
        "Die Wahl wird im Februar stattfinden.",
        "Februar",
        d(2026, 2, 1),
        d(2026, 2, 28),
        g,
        true,
    );
    check(Lang::DE, "seit Dezember", "Dezember", d(2024, 12, 1), d(2024, 12, 31), g, true);
}

#[test]
fn relative_days() {
    let p = d(2025, 4, 9);
    day(Lang::EN, "He said today that", "today", p, true);
    day(Lang::EN, "He said yesterday that", "yesterday", d(2025, 4, 8), true);
    day(Lang::EN, "It starts tomorrow.", "tomorrow", d(2025, 4, 10), true);
    day(Lang::EN, "Yesterday evening, he left.", "Yesterday evening", d(2025, 4, 8), true);
    day(Lang::EN, "He left last night.", "last night", d(2025, 4, 8), true);
    day(Lang::EN, "the day before yesterday", "the day before yesterday", d(2025, 4, 7), true);
    day(Lang::DE, "Er sagte heute, dass", "heute", p, true);
    day(Lang::DE, "Er sagte gestern, dass", "gestern", d(2025, 4, 8), true);
    day(Lang::DE, "Es beginnt morgen.", "morgen", d(2025, 4, 10), true);
    day(Lang::DE, "Morgen beginnt es.", "Morgen", d(2025, 4, 10), true);
    day(Lang::DE, "gestern Abend", "gestern Abend", d(2025, 4, 8), true);
    day(Lang::DE, "heute Morgen", "heute Morgen", p, true);
    day(Lang::DE, "vorgestern", "vorgestern", d(2025, 4, 7), true);
    // "am Morgen" is "in the morning".
    none(Lang::DE, "Es regnete am Morgen.");
}

#[test]
fn weekdays() {
    // Past or no cue: the latest one on or before publication.
    day(Lang::EN, "The talks ended on Friday.", "Friday", d(2025, 4, 4), true);
    day(Lang::EN, "On Wednesday, he said", "Wednesday", d(2025, 4, 9), true);
    day(Lang::EN, "after Friday prayers", "Friday", d(2025, 4, 4), true);
    day(Lang::EN, "Friday night's attack", "Friday night", d(2025, 4, 4), true);
    // Future tense: the next one.
    day(Lang::EN, "The leaders will meet on Friday.", "Friday", d(2025, 4, 11), true);
    day(Lang::EN, "The report is due to be published on Friday.", "Friday", d(2025, 4, 11), true);
    day(Lang::EN, "They'll meet on Monday.", "Monday", d(2025, 4, 14), true);
    day(Lang::EN, "They meet next Friday.", "next Friday", d(2025, 4, 11), true);
    day(Lang::EN, "They met last Friday.", "last Friday", d(2025, 4, 4), true);
    day(Lang::EN, "They met last Wednesday.", "last Wednesday", d(2025, 4, 2), true);
    day(Lang::DE, "Die Gespräche endeten am Freitag.", "Freitag", d(2025, 4, 4), true);
    day(Lang::DE, "Am Freitag wird abgestimmt.", "Freitag", d(2025, 4, 11), true);
    day(Lang::DE, "am vergangenen Freitag", "vergangenen Freitag", d(2025, 4, 4), true);
    day(Lang::DE, "hat am Mittwochabend beschlossen", "Mittwochabend", d(2025, 4, 9), true);
    day(
        Lang::EN,
        "was shelved until the next meeting in October."
            .replace("in October", "on Friday")
            .as_str(),
        "Friday",
        d(2025, 4, 11),
        true,
    );
    day(Lang::DE, "am kommenden Montag", "kommenden Montag", d(2025, 4, 14), true);
    // Lower-case weekday names are not dates in English.
    none(Lang::EN, "a friday feeling");
}

#[test]
fn relative_units() {
    let (w, m, y) = (Granularity::Week, Granularity::Month, Granularity::Year);
    check(Lang::EN, "He left last week.", "last week", d(2025, 3, 31), d(2025, 4, 6), w, true);
    check(Lang::EN, "this week", "this week", d(2025, 4, 7), d(2025, 4, 13), w, true);
    check(Lang::EN, "next week", "next week", d(2025, 4, 14), d(2025, 4, 20), w, true);
    check(Lang::EN, "over the past week", "past week", d(2025, 4, 3), d(2025, 4, 9), w, true);
    check(Lang::EN, "last month", "last month", d(2025, 3, 1), d(2025, 3, 31), m, true);
    check(Lang::EN, "next month", "next month", d(2025, 5, 1), d(2025, 5, 31), m, true);
    check(
        Lang::EN,
        "earlier this month",
        "earlier this month",
        d(2025, 4, 1),
        d(2025, 4, 9),
        m,
        true,
    );
    check(Lang::EN, "later this year", "later this year", d(2025, 4, 9), d(2025, 12, 31), y, true);
    check(Lang::EN, "last year", "last year", d(2024, 1, 1), d(2024, 12, 31), y, true);
    check(Lang::EN, "next year", "next year", d(2026, 1, 1), d(2026, 12, 31), y, true);
    let g = Granularity::Day;
    check(Lang::EN, "this weekend", "this weekend", d(2025, 4, 12), d(2025, 4, 13), g, true);
    check(Lang::EN, "last weekend", "last weekend", d(2025, 4, 5), d(2025, 4, 6), g, true);
    check(Lang::DE, "vergangene Woche", "vergangene Woche", d(2025, 3, 31), d(2025, 4, 6), w, true);
    check(
        Lang::DE,
        "in der vergangenen Woche",
        "vergangenen Woche",
        d(2025, 3, 31),
        d(2025, 4, 6),
        w,
        true,
    );
    check(Lang::DE, "letzte Woche", "letzte Woche", d(2025, 3, 31), d(2025, 4, 6), w, true);
    check(Lang::DE, "nächsten Monat", "nächsten Monat", d(2025, 5, 1), d(2025, 5, 31), m, true);
    check(
        Lang::DE,
        "im vergangenen Jahr",
        "vergangenen Jahr",
        d(2024, 1, 1),
        d(2024, 12, 31),
        y,
        true,
    );
    check(Lang::DE, "im Vorjahr", "Vorjahr", d(2024, 1, 1), d(2024, 12, 31), y, true);
    check(Lang::DE, "dieses Jahr", "dieses Jahr", d(2025, 1, 1), d(2025, 12, 31), y, true);
}

#[test]
fn ago() {
    let (g, w, m, y) = (Granularity::Day, Granularity::Week, Granularity::Month, Granularity::Year);
    check(Lang::EN, "two days ago", "two days ago", d(2025, 4, 7), d(2025, 4, 7), g, true);
    check(Lang::EN, "2 days ago", "2 days ago", d(2025, 4, 7), d(2025, 4, 7), g, true);
    check(Lang::EN, "three weeks ago", "three weeks ago", d(2025, 3, 17), d(2025, 3, 23), w, true);
    check(Lang::EN, "a month ago", "a month ago", d(2025, 3, 1), d(2025, 3, 31), m, true);
    check(Lang::EN, "a year ago", "a year ago", d(2024, 1, 1), d(2024, 12, 31), y, true);
    check(Lang::DE, "vor zwei Tagen", "vor zwei Tagen", d(2025, 4, 7), d(2025, 4, 7), g, true);
    check(Lang::DE, "vor einer Woche", "vor einer Woche", d(2025, 3, 31), d(2025, 4, 6), w, true);
    check(Lang::DE, "vor einem Jahr", "vor einem Jahr", d(2024, 1, 1), d(2024, 12, 31), y, true);
    check(
        Lang::EN,
        "four decades ago",
        "four decades ago",
        d(1985, 1, 1),
        d(1985, 12, 31),
        y,
        true,
    );
    check(Lang::DE, "vor drei Monaten", "vor drei Monaten", d(2025, 1, 1), d(2025, 1, 31), m, true);
    // "vor" before a year is "before", not "ago".
    none(Lang::DE, "vor dem Treffen");
}

#[test]
fn unresolved_without_publication_date() {
    let ds = find_dates(
        "He left yesterday, on Friday, in February and on April 4, 2025.",
        Lang::EN,
        None,
    );
    let got: Vec<(&str, bool, bool)> =
        ds.iter().map(|m| (m.text.as_str(), m.relative, m.resolved)).collect();
    assert_eq!(
        got,
        vec![
            ("yesterday", true, false),
            ("Friday", true, false),
            ("February", true, false),
            ("April 4, 2025", false, true),
        ]
    );
    assert_eq!((ds[0].start, ds[0].end), (None, None));
    assert_eq!(ds[3].start, Some(d(2025, 4, 4)));
}

#[test]
fn not_dates() {
    none(Lang::EN, "It may rain.");
    none(Lang::EN, "He may resign in May.");
    none(Lang::EN, "March on Washington");
    none(Lang::EN, "The March figures were poor.");
    none(Lang::EN, "They march today.".replace("today", "").as_str());
    none(Lang::EN, "10:30");
    none(Lang::EN, "5 percent");
    none(Lang::DE, "Im Mai-Programm");
}

#[test]
fn publication_day_is_utc() {
    let late = Utc.with_ymd_and_hms(2025, 4, 9, 23, 30, 0).single();
    let ds = find_dates("yesterday", Lang::EN, late);
    assert_eq!(ds[0].start, Some(d(2025, 4, 8)));
}

#[test]
fn serializes() {
    let ds = find_dates("last week", Lang::EN, published());
    let v = serde_json::to_value(&ds[0]).unwrap();
    assert_eq!(v["granularity"], "week");
    assert_eq!(v["start"], "2025-03-31");
    assert_eq!(v["end"], "2025-04-06");
    assert_eq!(v["relative"], true);
    assert_eq!(v["resolved"], true);
}

#[test]
fn hostile_input_does_not_panic() {
    let long = "9".repeat(10_000);
    let inputs = [
        long.clone(),
        format!("{long}-{long}-{long}"),
        format!("{long}/{long}/{long} {long}.{long}.{long}"),
        "31.02.2025 99/99/9999 0000-00-00 2025-13-45 9999-12-31 1800-01-01".into(),
        "April 99, 2025 April 0 May 31st, 99999 Friday, the".into(),
        "vor vor vor 99999999999 Tagen a a a 4294967296 days ago".into(),
        "ünïcödé Friday ünïcödé 4. März 2025 ４ April".into(),
        "last last last next this earlier this later".into(),
        "1,2,3,4,5".into(),
        "Friday ".repeat(20_000),
        "in April ".repeat(20_000),
        String::new(),
    ];
    for s in &inputs {
        for lang in [Lang::EN, Lang::DE, Lang::FR] {
            for p in [published(), None, Utc.with_ymd_and_hms(2262, 1, 1, 0, 0, 0).single()] {
                for m in find_dates(s, lang, p) {
                    assert!(m.span.slice(s).is_some());
                }
            }
        }
    }
}
