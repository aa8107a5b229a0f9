//! Tests of the quantity scanner.

use super::*;

fn en(text: &str) -> Vec<Quantity> {
    find_quantities(text, Lang::EN)
}

fn de(text: &str) -> Vec<Quantity> {
    find_quantities(text, Lang::DE)
}

/// The single quantity in `text`; its span must slice to `expect_text`.
fn only(qs: Vec<Quantity>, text: &str, expect_text: &str) -> Quantity {
    assert_eq!(qs.len(), 1, "{text:?} → {qs:#?}");
    let q = qs.into_iter().next().unwrap();
    assert_eq!(q.span.slice(text).unwrap(), expect_text, "{text:?}");
    assert_eq!(q.text, expect_text);
    q
}

fn check(lang: Lang, text: &str, span: &str, value: f64, unit: &str) -> Quantity {
    let q = only(find_quantities(text, lang), text, span);
    assert!(
        (q.value - value).abs() <= 1e-9 * value.abs().max(1.0),
        "{text:?}: {} ≠ {value}",
        q.value
    );
    assert_eq!(q.unit, unit, "{text:?}");
    q
}

fn none(lang: Lang, text: &str) {
    let qs = find_quantities(text, lang);
    assert!(qs.is_empty(), "{text:?} → {qs:#?}");
}

#[test]
fn percentages_en() {
    let a = check(Lang::EN, "Inflation rose 5 percent in March.", "5 percent", 5.0, "percent");
    let b = check(Lang::EN, "Inflation rose 5% in March.", "5%", 5.0, "percent");
    let c = check(Lang::EN, "a rise of 5 % overall", "5 %", 5.0, "percent");
    let d = check(Lang::EN, "up 5 per cent on the year", "5 per cent", 5.0, "percent");
    let e = check(Lang::EN, "up five per cent on the year", "five per cent", 5.0, "percent");
    assert_eq!(a.kind, QuantityKind::Percent);
    for q in [&b, &c, &d, &e] {
        assert_eq!(q.key(), "5 percent");
        assert_eq!(q.key(), a.key());
        assert!(q.same_value(&a));
    }
    check(Lang::EN, "It grew 5.5 percent.", "5.5 percent", 5.5, "percent");
    check(Lang::EN, "It grew 0.25%.", "0.25%", 0.25, "percent");
    let pp =
        check(Lang::EN, "up 2 percentage points", "2 percentage points", 2.0, "percentage_point");
    assert_eq!(pp.kind, QuantityKind::PercentagePoint);
    assert!(!pp.same_value(&check(Lang::EN, "up 2%", "2%", 2.0, "percent")));
    check(Lang::EN, "cut by 25 basis points", "25 basis points", 0.25, "percentage_point");
}

#[test]
fn percentages_de() {
    let a = check(Lang::DE, "Die Inflation stieg um fünf Prozent.", "fünf Prozent", 5.0, "percent");
    let b = check(Lang::DE, "Die Inflation stieg um 5 Prozent.", "5 Prozent", 5.0, "percent");
    assert_eq!(a.key(), b.key());
    check(Lang::DE, "ein Plus von 5,5 Prozent", "5,5 Prozent", 5.5, "percent");
    check(Lang::DE, "ein Plus von 5,5 %", "5,5 %", 5.5, "percent");
    check(Lang::DE, "um 0,3 Prozentpunkte", "0,3 Prozentpunkte", 0.3, "percentage_point");
}

#[test]
fn money_en() {
    let a = check(Lang::EN, "a $4.2bn deal", "$4.2bn", 4.2e9, "USD");
    assert_eq!(a.kind, QuantityKind::Money);
    assert_eq!(a.key(), "4200000000 USD");
    let b = check(Lang::EN, "a $4.2 billion deal", "$4.2 billion", 4.2e9, "USD");
    assert_eq!(a.key(), b.key());
    check(Lang::EN, "raised US$3 million", "US$3 million", 3e6, "USD");
    check(Lang::EN, "fined €50m by Brussels", "€50m", 5e7, "EUR");
    check(Lang::EN, "worth 50 million euros", "50 million euros", 5e7, "EUR");
    check(Lang::EN, "a £1.5 trillion hole", "£1.5 trillion", 1.5e12, "GBP");
    check(Lang::EN, "costs ¥100 each", "¥100", 100.0, "JPY");
    check(Lang::EN, "paid CHF 50 in fees", "CHF 50", 50.0, "CHF");
    check(Lang::EN, "a fine of 100,000 rubles", "100,000 rubles", 1e5, "RUB");
    check(Lang::EN, "a fine of 100,000 roubles", "100,000 roubles", 1e5, "RUB");
    check(Lang::EN, "a 1,234.5 dollar bill", "1,234.5 dollar", 1234.5, "USD");
    check(Lang::EN, "Rs 500 crore", "Rs 500 crore", 5e9, "INR");
    check(Lang::EN, "it cost $10K", "$10K", 1e4, "USD");
    check(Lang::EN, "a 2 billion yuan loan", "2 billion yuan", 2e9, "CNY");
    check(Lang::EN, "some 5 million pounds", "some 5 million pounds", 5e6, "GBP");
    check(Lang::EN, "it weighs 5 pounds", "5 pounds", 5.0, "lb");
    check(Lang::EN, "a 50 cents rise", "50 cents", 0.5, "USD");
}

#[test]
fn money_de() {
    check(Lang::DE, "Kosten von 2 Milliarden Euro", "2 Milliarden Euro", 2e9, "EUR");
    // German "Billion" is 10^12.
    check(Lang::DE, "Schulden von 1,5 Billionen Euro", "1,5 Billionen Euro", 1.5e12, "EUR");
    check(Lang::DE, "Schulden von einer Billion Dollar", "einer Billion Dollar", 1e12, "USD");
    check(Lang::DE, "ein Betrag von 1.234,5 Euro", "1.234,5 Euro", 1234.5, "EUR");
    check(Lang::DE, "rund 2,5 Mrd. Euro", "rund 2,5 Mrd. Euro", 2.5e9, "EUR");
    check(Lang::DE, "5 Mio. € Schaden", "5 Mio. €", 5e6, "EUR");
    check(Lang::DE, "für 3 Millionen US-Dollar", "3 Millionen US-Dollar", 3e6, "USD");
    check(Lang::DE, "kostet 50 Cent", "50 Cent", 0.5, "EUR");
    check(Lang::DE, "für 100 Schweizer Franken", "100 Schweizer Franken", 100.0, "CHF");
    check(Lang::DE, "eine Strafe von 300.000 Rubel", "300.000 Rubel", 3e5, "RUB");
    // "Billion" in English is 10^9.
    check(Lang::EN, "a debt of 1.5 billion euros", "1.5 billion euros", 1.5e9, "EUR");
}

#[test]
fn decimal_separators() {
    check(Lang::EN, "1,234.5 tonnes", "1,234.5 tonnes", 1234.5, "t");
    check(Lang::DE, "1.234,5 Tonnen", "1.234,5 Tonnen", 1234.5, "t");
    check(Lang::DE, "1.234 Tonnen", "1.234 Tonnen", 1234.0, "t");
    check(Lang::EN, "1.234 tonnes", "1.234 tonnes", 1.234, "t");
    check(Lang::EN, "2,000,000 tonnes", "2,000,000 tonnes", 2e6, "t");
    check(Lang::DE, "2.000.000 Tonnen", "2.000.000 Tonnen", 2e6, "t");
    check(Lang::DE, "4.2 Tonnen", "4.2 Tonnen", 4.2, "t");
    // English "1,5" is neither a decimal nor a grouping.
    none(Lang::EN, "1,5 tonnes");
    // Other decimal-comma languages use the neutral rules with their separator.
    check(Lang::FR, "1,5 %", "1,5 %", 1.5, "percent");
    check(Lang::FR, "5 € et", "5 €", 5.0, "EUR");
}

#[test]
fn counts() {
    let q = check(Lang::EN, "12 people were killed", "12 people", 12.0, "");
    assert_eq!(q.kind, QuantityKind::Count);
    assert_eq!(q.counts.as_deref(), Some("people"));
    assert_eq!(q.key(), "12 people");
    let q = check(Lang::EN, "at least 300 soldiers died", "at least 300 soldiers", 300.0, "");
    assert_eq!(q.counts.as_deref(), Some("soldiers"));
    assert_eq!(q.approx, Approx::AtLeast);
    assert_eq!((q.low, q.high), (Some(300.0), None));
    let q = check(Lang::EN, "sent 2,000 troops", "2,000 troops", 2000.0, "");
    assert_eq!(q.counts.as_deref(), Some("troops"));
    let q = check(Lang::EN, "three children were hurt", "three children", 3.0, "");
    assert_eq!(q.counts.as_deref(), Some("children"));
    let q = check(Lang::EN, "300 Russian soldiers", "300 Russian soldiers", 300.0, "");
    assert_eq!(q.counts.as_deref(), Some("soldiers"));
    let q = check(Lang::EN, "all 27 member states", "27 member states", 27.0, "");
    assert_eq!(q.counts.as_deref(), Some("member states"));
    let q = check(Lang::EN, "two armed men entered", "two armed men", 2.0, "");
    assert_eq!(q.counts.as_deref(), Some("men"));
    let q = check(Lang::EN, "twenty-five people", "twenty-five people", 25.0, "");
    assert_eq!(q.counts.as_deref(), Some("people"));
    let q =
        check(Lang::EN, "two hundred and fifty people", "two hundred and fifty people", 250.0, "");
    assert_eq!(q.counts.as_deref(), Some("people"));
    let q = check(Lang::EN, "a dozen people", "a dozen people", 12.0, "");
    assert_eq!(q.counts.as_deref(), Some("people"));
    let q = check(Lang::EN, "a million people", "a million people", 1e6, "");
    assert_eq!(q.counts.as_deref(), Some("people"));
    check(Lang::EN, "ninety thousand fans", "ninety thousand fans", 90_000.0, "");
    // "one" alone is mostly a pronoun; it counts with a unit or scale only.
    none(Lang::EN, "if one occurred");
    check(Lang::EN, "closed for one day", "one day", 1.0, "day");
    check(Lang::EN, "one million people", "one million people", 1e6, "");
    let q = check(Lang::EN, "300 or more people", "300 or more people", 300.0, "");
    assert_eq!(q.approx, Approx::AtLeast);
    assert_eq!(q.counts.as_deref(), Some("people"));
    // A bare number is a number.
    let q = check(Lang::EN, "The toll rose to 45.", "45", 45.0, "");
    assert_eq!(q.kind, QuantityKind::Number);
    assert_eq!(q.counts, None);
}

#[test]
fn counts_de() {
    let q = check(Lang::DE, "12 Menschen starben", "12 Menschen", 12.0, "");
    assert_eq!(q.counts.as_deref(), Some("menschen"));
    let q = check(Lang::DE, "mindestens 300 Soldaten", "mindestens 300 Soldaten", 300.0, "");
    assert_eq!(q.approx, Approx::AtLeast);
    assert_eq!(q.counts.as_deref(), Some("soldaten"));
    let q = check(
        Lang::DE,
        "mehr als 300 russische Soldaten",
        "mehr als 300 russische Soldaten",
        300.0,
        "",
    );
    assert_eq!(q.approx, Approx::MoreThan);
    assert_eq!(q.counts.as_deref(), Some("soldaten"));
    let q = check(Lang::DE, "drei Kinder", "drei Kinder", 3.0, "");
    assert_eq!(q.counts.as_deref(), Some("kinder"));
    let q = check(Lang::DE, "einundzwanzig Menschen", "einundzwanzig Menschen", 21.0, "");
    assert_eq!(q.counts.as_deref(), Some("menschen"));
    let q = check(Lang::DE, "zweihundert Polizisten", "zweihundert Polizisten", 200.0, "");
    assert_eq!(q.counts.as_deref(), Some("polizisten"));
    let q = check(Lang::DE, "2.000 US-Soldaten", "2.000 US-Soldaten", 2000.0, "");
    assert_eq!(q.counts.as_deref(), Some("us-soldaten"));
    let q = check(Lang::DE, "zwei Millionen Menschen", "zwei Millionen Menschen", 2e6, "");
    assert_eq!(q.counts.as_deref(), Some("menschen"));
    let q = check(Lang::DE, "ein Dutzend Menschen", "ein Dutzend Menschen", 12.0, "");
    assert_eq!(q.counts.as_deref(), Some("menschen"));
}

#[test]
fn vague_amounts() {
    let q = check(Lang::EN, "dozens of people were hurt", "dozens of people", 24.0, "");
    assert_eq!(q.approx, Approx::Range);
    assert_eq!((q.low, q.high), (Some(24.0), Some(99.0)));
    assert_eq!(q.counts.as_deref(), Some("people"));
    let q = check(Lang::EN, "hundreds of protesters", "hundreds of protesters", 200.0, "");
    assert_eq!(q.counts.as_deref(), Some("protesters"));
    let q = check(
        Lang::EN,
        "tens of thousands of refugees",
        "tens of thousands of refugees",
        20_000.0,
        "",
    );
    assert_eq!(q.high, Some(99_999.0));
    let q = check(Lang::DE, "Tausende Menschen", "Tausende Menschen", 2000.0, "");
    assert_eq!(q.counts.as_deref(), Some("menschen"));
    check(Lang::DE, "Dutzende Verletzte", "Dutzende Verletzte", 24.0, "");
    none(Lang::EN, "thousands protested");
}

#[test]
fn durations() {
    let q = check(Lang::EN, "a two-day meeting", "two-day", 2.0, "day");
    assert_eq!(q.kind, QuantityKind::Duration);
    assert!(q.same_value(&check(Lang::EN, "for two days", "two days", 2.0, "day")));
    check(Lang::EN, "held for 48 hours", "48 hours", 48.0, "hour");
    check(Lang::EN, "a 48-hour strike", "48-hour", 48.0, "hour");
    check(Lang::EN, "a three-year deal", "three-year", 3.0, "year");
    check(Lang::EN, "a 10-minute walk", "10-minute", 10.0, "minute");
    check(Lang::EN, "six weeks of talks", "six weeks", 6.0, "week");
    check(Lang::EN, "for 18 months", "18 months", 18.0, "month");
    check(Lang::EN, "two decades of war", "two decades", 20.0, "year");
    check(Lang::EN, "a 48h strike", "48h", 48.0, "hour");
    check(Lang::DE, "zwei Tage lang", "zwei Tage", 2.0, "day");
    check(Lang::DE, "das zweitägige Treffen", "zweitägige", 2.0, "day");
    check(Lang::DE, "nach einem zweitägigen Treffen", "zweitägigen", 2.0, "day");
    check(Lang::DE, "eine 48-stündige Frist", "48-stündige", 48.0, "hour");
    check(Lang::DE, "seit drei Jahren", "drei Jahren", 3.0, "year");
    // "ago" makes it a date.
    none(Lang::EN, "two days ago");
    none(Lang::DE, "vor zwei Tagen");
}

#[test]
fn measures() {
    check(Lang::EN, "a 10 km queue", "10 km", 10.0, "km");
    check(Lang::EN, "a 10km queue", "10km", 10.0, "km");
    check(Lang::EN, "10 kilometres away", "10 kilometres", 10.0, "km");
    check(Lang::EN, "some 20 miles north", "some 20 miles", 20.0, "mi");
    check(Lang::EN, "the 100m sprint", "100m", 100.0, "m");
    check(Lang::EN, "5 tonnes of aid", "5 tonnes", 5.0, "t");
    check(Lang::EN, "a 20 kg bag", "20 kg", 20.0, "kg");
    check(Lang::EN, "it hit 30°C on Monday", "30°C", 30.0, "°C");
    check(Lang::EN, "it hit 30 °C on Monday", "30 °C", 30.0, "°C");
    check(Lang::EN, "98 degrees Fahrenheit", "98 degrees Fahrenheit", 98.0, "°F");
    check(Lang::EN, "500 square kilometres", "500 square kilometres", 500.0, "km2");
    check(Lang::EN, "a 1,000 MW plant", "1,000 MW", 1000.0, "MW");
    check(Lang::EN, "at 120 km/h", "120 km/h", 120.0, "km/h");
    check(Lang::EN, "2 million barrels a day", "2 million barrels", 2e6, "bbl");
    check(Lang::DE, "ein 10 Kilometer langer Stau", "10 Kilometer", 10.0, "km");
    check(Lang::DE, "bei 30 Grad", "30 Grad", 30.0, "°C");
    check(Lang::DE, "5 Tonnen Hilfsgüter", "5 Tonnen", 5.0, "t");
    check(Lang::DE, "500 Quadratkilometer", "500 Quadratkilometer", 500.0, "km2");
}

#[test]
fn ranges() {
    let q = check(Lang::EN, "10 to 12 people", "10 to 12 people", 10.0, "");
    assert_eq!(q.approx, Approx::Range);
    assert_eq!((q.low, q.high), (Some(10.0), Some(12.0)));
    assert_eq!(q.counts.as_deref(), Some("people"));
    assert_eq!(q.key(), "10-12 people");
    let q = check(Lang::EN, "10-12 percent", "10-12 percent", 10.0, "percent");
    assert_eq!((q.low, q.high), (Some(10.0), Some(12.0)));
    let q =
        check(Lang::EN, "between 10 and 12 percent", "between 10 and 12 percent", 10.0, "percent");
    assert_eq!((q.low, q.high), (Some(10.0), Some(12.0)));
    let q = check(Lang::EN, "5-6%", "5-6%", 5.0, "percent");
    assert_eq!(q.high, Some(6.0));
    let q = check(Lang::EN, "$10-12bn", "$10-12bn", 1e10, "USD");
    assert_eq!((q.low, q.high), (Some(1e10), Some(1.2e10)));
    let q = check(Lang::EN, "10 to 12 billion dollars", "10 to 12 billion dollars", 1e10, "USD");
    assert_eq!(q.high, Some(1.2e10));
    let q = check(
        Lang::DE,
        "zwischen 10 und 12 Prozent",
        "zwischen 10 und 12 Prozent",
        10.0,
        "percent",
    );
    assert_eq!((q.low, q.high), (Some(10.0), Some(12.0)));
    let q = check(Lang::DE, "10 bis 12 Menschen", "10 bis 12 Menschen", 10.0, "");
    assert_eq!(q.high, Some(12.0));
    // A score is not a range; "from 10 to 12" is a change.
    assert_eq!(en("won 3-1 at home").len(), 2);
    let qs = en("rose from 10 to 12 percent");
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert_eq!(qs[1].text, "12 percent");
}

#[test]
fn hedges() {
    type Case = (&'static str, &'static str, Approx, Option<f64>, Option<f64>);
    let cases: &[Case] = &[
        ("about 300 people", "about 300 people", Approx::About, Some(270.0), Some(330.0)),
        ("around 300 people", "around 300 people", Approx::About, Some(270.0), Some(330.0)),
        ("roughly 300 people", "roughly 300 people", Approx::About, Some(270.0), Some(330.0)),
        ("some 300 people", "some 300 people", Approx::About, Some(270.0), Some(330.0)),
        ("nearly 300 people", "nearly 300 people", Approx::Nearly, Some(270.0), Some(300.0)),
        ("almost 300 people", "almost 300 people", Approx::Nearly, Some(270.0), Some(300.0)),
        ("more than 300 people", "more than 300 people", Approx::MoreThan, Some(300.0), None),
        ("over 300 people", "over 300 people", Approx::MoreThan, Some(300.0), None),
        ("at least 300 people", "at least 300 people", Approx::AtLeast, Some(300.0), None),
        ("up to 300 people", "up to 300 people", Approx::AtMost, None, Some(300.0)),
        ("as many as 300 people", "as many as 300 people", Approx::AtMost, None, Some(300.0)),
        ("fewer than 300 people", "fewer than 300 people", Approx::LessThan, None, Some(300.0)),
        ("less than 3 percent", "less than 3 percent", Approx::LessThan, None, Some(3.0)),
    ];
    for (text, span, approx, low, high) in cases {
        let q = only(en(text), text, span);
        assert_eq!(q.approx, *approx, "{text}");
        assert_eq!(q.low.map(|v| v.round()), low.map(|v: f64| v.round()), "{text}");
        assert_eq!(q.high.map(|v| v.round()), high.map(|v: f64| v.round()), "{text}");
    }
    let de_cases: &[(&str, &str, Approx)] = &[
        ("etwa 300 Menschen", "etwa 300 Menschen", Approx::About),
        ("rund 300 Menschen", "rund 300 Menschen", Approx::About),
        ("fast 300 Menschen", "fast 300 Menschen", Approx::Nearly),
        ("knapp 300 Menschen", "knapp 300 Menschen", Approx::Nearly),
        ("mindestens 300 Menschen", "mindestens 300 Menschen", Approx::AtLeast),
        ("mehr als 300 Menschen", "mehr als 300 Menschen", Approx::MoreThan),
        ("bis zu 300 Menschen", "bis zu 300 Menschen", Approx::AtMost),
        ("weniger als 300 Menschen", "weniger als 300 Menschen", Approx::LessThan),
    ];
    for (text, span, approx) in de_cases {
        let q = only(de(text), text, span);
        assert_eq!(q.approx, *approx, "{text}");
    }
    let q = only(en("about 5 percent"), "about 5 percent", "about 5 percent");
    assert_eq!(q.key(), "~5 percent");
    assert!(q.same_value(&only(en("5.3%"), "5.3%", "5.3%")));
}

#[test]
fn same_value_rounding() {
    let a = only(en("$4.2bn"), "$4.2bn", "$4.2bn");
    let b = only(en("$4.18bn"), "$4.18bn", "$4.18bn");
    let c = only(en("$4,200,000,000"), "$4,200,000,000", "$4,200,000,000");
    let d = only(en("$4.3bn"), "$4.3bn", "$4.3bn");
    let e = only(en("€4.2bn"), "€4.2bn", "€4.2bn");
    assert!(a.same_value(&b) && b.same_value(&a));
    assert!(a.same_value(&c));
    assert!(!a.same_value(&d));
    assert!(!a.same_value(&e), "different currencies");
    assert_eq!(a.precision, 1e8);
    let five = only(en("5%"), "5%", "5%");
    let five_half = only(en("5.5%"), "5.5%", "5.5%");
    let five_four = only(en("5.4%"), "5.4%", "5.4%");
    assert!(!five.same_value(&five_half));
    assert!(five.same_value(&five_four));
    let p300 = only(en("300 people"), "300 people", "300 people");
    let p302 = only(en("302 people"), "302 people", "302 people");
    let at_least = only(en("at least 250 people"), "at least 250 people", "at least 250 people");
    let range = only(en("290 to 310 people"), "290 to 310 people", "290 to 310 people");
    assert!(!p300.same_value(&p302));
    assert!(p300.same_value(&at_least));
    assert!(range.same_value(&p302));
    let up_to = only(en("up to 200 people"), "up to 200 people", "up to 200 people");
    assert!(!up_to.same_value(&p300));
}

#[test]
fn not_quantities() {
    for text in [
        "in 2025",
        "It happened in 2025.",
        "the 2024-25 season",
        "between 2020 and 2025",
        "the 2024 election",
        "at 10:30 on Monday",
        "at 10.30 am",
        "at 10 p.m.",
        "on April 4",
        "on 4 April 2025",
        "April 4, 2025",
        "the 5th time",
        "on the 21st",
        "call +44 20 7946 0958",
        "call (212) 555-1234",
        "on 2025-04-04",
        "on 04/04/2025",
        "COVID-19 cases",
        "the G7 summit",
        "an F-35 jet",
        "an A380 plane",
        "Article 5 applies",
        "a Boeing 737-800",
        "no one came",
        "the one who left",
        "the 1990s",
        "a 5G network",
        "24/7 coverage",
        "see https://example.com/news/2024/1333220.html now",
        "at 7: 31 AM",
        "story 061313 and 20697025",
    ] {
        none(Lang::EN, text);
    }
    for text in [
        "am 4. April 2025",
        "im Jahr 2025",
        "um 10 Uhr",
        "um 10.30 Uhr",
        "der 5. Platz",
        "seit 2019",
        "am 04.04.2025",
    ] {
        none(Lang::DE, text);
    }
}

#[test]
fn years_can_still_be_counts() {
    let q = only(en("2000 troops"), "2000 troops", "2000 troops");
    assert_eq!(q.counts.as_deref(), Some("troops"));
    let q = only(en("about 2000 people"), "about 2000 people", "about 2000 people");
    assert_eq!(q.value, 2000.0);
    let q = only(en("2020 euros"), "2020 euros", "2020 euros");
    assert_eq!(q.unit, "EUR");
}

#[test]
fn several_in_a_sentence() {
    let text =
        "At least 12 people died and 5% of homes lost power; the $4.2bn plan runs two years.";
    let qs = en(text);
    let got: Vec<(&str, String)> =
        qs.iter().map(|q| (q.span.slice(text).unwrap(), q.key())).collect();
    assert_eq!(
        got,
        vec![
            ("At least 12 people", ">=12 people".to_string()),
            ("5%", "5 percent".to_string()),
            ("$4.2bn", "4200000000 USD".to_string()),
            ("two years", "2 year".to_string()),
        ]
    );
}

#[test]
fn serializes() {
    let q = only(en("about 5 percent"), "about 5 percent", "about 5 percent");
    let v = serde_json::to_value(&q).unwrap();
    assert_eq!(v["unit"], "percent");
    assert_eq!(v["approx"], "about");
    assert_eq!(v["kind"], "percent");
    assert_eq!(v["text"], "about 5 percent");
}

#[test]
fn hostile_input_does_not_panic() {
    let long = "9".repeat(10_000);
    let mut inputs: Vec<String> = vec![
        long.clone(),
        format!("${long}bn"),
        format!("{long}.{long}%"),
        "1,2,3,4,5".into(),
        "1.2.3.4.5 and 1,,2 and 1..2 and ,5 and 5, and 5.".into(),
        "€€€ $$$ %%% --- 5-- --5 5-5-5-5-5".into(),
        "ünïcödé 5 ünïcödé € 5 € 5 ％ ５ 𝟓 percent".into(),
        "e\u{301}5\u{301}% 5\u{200b}%".into(),
        "between and between 5 and and 6".into(),
        "a a a a million million million".into(),
        "99999999999999999999 people".into(),
        "18446744073709551615 people and 18446744073709551616 people".into(),
        "0.000000000000001 percent".into(),
        "\u{0}\u{1}5\u{7f}%".into(),
        "zweiundzwanzigtausendhundertundeins Menschen".into(),
        "hundred thousand million billion".into(),
        "5".into(),
        "$".into(),
        "-".into(),
        String::new(),
    ];
    inputs.push(("1 ".repeat(5000)).to_string());
    inputs.push(("five ".repeat(2000)).to_string());
    for s in &inputs {
        for lang in [Lang::EN, Lang::DE, Lang::FR] {
            for q in find_quantities(s, lang) {
                assert!(q.span.slice(s).is_some());
                let _ = q.key();
            }
        }
    }
}
