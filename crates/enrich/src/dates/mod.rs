//! Dates, absolute and relative.
//!
//! Absolute dates: "April 4, 2025", "4 April 2025", "4. April 2025",
//! "2025-04-04", "04.04.2025", unambiguous slashed dates ("13/04/2025"),
//! "March 2024", years after a preposition ("in 2025", "im Jahr 2025") and
//! year spans ("2024-25").
//!
//! Relative dates are resolved against the publication date (its UTC day):
//! "today", "yesterday", "heute", "gestern", weekdays ("on Friday" is the
//! latest Friday on or before publication unless the sentence speaks of the
//! future: "will", "is due to", "wird", "soll"), "last week", "next month",
//! "vergangene Woche", "im Vorjahr", "earlier this month", "two days ago",
//! "vor zwei Tagen", and months or days without a year ("in February",
//! "April 4"), placed in the past, the future or, without a tense cue, the
//! nearest such month or day within six months of publication.
//!
//! Spans cover the date expression itself: prepositions before it ("on",
//! "in", "am", "im") are left out; modifiers ("last", "vergangenen") and
//! "ago"/"vor" are in.

#[cfg(test)]
mod tests;

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc, Weekday};
use parallax_model::Span;
use parallax_text::Lang;
use serde::Serialize;

use crate::quantities::scan::{self, Stream};

/// How precise a [`DateMention`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// One day (or a few: "April 4-6", a weekend).
    Day,
    /// A week (Monday to Sunday).
    Week,
    /// A calendar month.
    Month,
    /// A calendar year (or several: "2024-25").
    Year,
}

/// A date expression and what it resolves to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateMention {
    /// Byte span of the expression.
    pub span: Span,
    /// The expression as written.
    pub text: String,
    /// First day it covers, when resolved.
    pub start: Option<NaiveDate>,
    /// Last day it covers, when resolved.
    pub end: Option<NaiveDate>,
    /// Day, week, month or year.
    pub granularity: Granularity,
    /// It needs the publication date ("yesterday", "on Friday", "in
    /// February" without a year).
    pub relative: bool,
    /// `start` and `end` are known (false for a relative expression without
    /// a publication date).
    pub resolved: bool,
}

/// Finds the date expressions in `text`, resolving relative ones against
/// `published` when it is known.
pub fn find_dates(text: &str, lang: Lang, published: Option<DateTime<Utc>>) -> Vec<DateMention> {
    let r = rules_for(lang);
    let st = Stream::new(text);
    let anchor = published.map(|p| p.date_naive());
    let mut out = Vec::new();
    // Tense cues, computed once the first date needs them.
    let mut cues: Option<Vec<u8>> = None;
    let mut i = 0;
    while i < st.len() {
        if let Some(next) = st.url_end(i) {
            i = next;
            continue;
        }
        match parse_at(&st, i, r) {
            Some((expr, a, b)) => {
                if anchor.is_some() && cues.is_none() {
                    cues = Some(tense_cues(&st, r));
                }
                if let Some(m) = mention(&st, expr, a, b, anchor, cues.as_deref()) {
                    out.push(m);
                }
                i = b.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// True when token `i` is a capitalised month name or abbreviation (English
/// or German): used by the quantity scanner to leave "April 4" alone.
pub(crate) fn is_month_word(st: &Stream<'_>, i: usize) -> bool {
    st.is_capitalised(i)
        && (lookup(EN.months, st.lower(i)).is_some() || lookup(DE.months, st.lower(i)).is_some())
}

/// What a modifier does to the unit after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    Last,
    This,
    Next,
    /// "the past week": the seven days up to publication.
    Past,
    EarlierThis,
    LaterThis,
    /// No modifier: the tense decides.
    Auto,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
    Weekend,
}

#[derive(Debug, Clone, Copy)]
enum Expr {
    Abs {
        start: NaiveDate,
        end: NaiveDate,
        gran: Granularity,
    },
    /// A day without a year; `wd` is the weekday written with it, which
    /// picks the year ("Freitag, den 18. Oktober").
    DayMonth {
        day: u32,
        day_end: u32,
        month: u32,
        rel: Rel,
        wd: Option<Weekday>,
    },
    Month {
        month: u32,
        rel: Rel,
    },
    Weekday {
        wd: Weekday,
        rel: Rel,
    },
    Offset(i64),
    Unit {
        unit: Unit,
        rel: Rel,
    },
    Ago {
        n: u32,
        unit: Unit,
    },
}

/// The tables of one language.
#[derive(Debug)]
struct Rules {
    months: &'static [(&'static str, u32)],
    weekdays: &'static [(&'static str, Weekday)],
    /// "yesterday" → -1.
    day_words: &'static [(&'static [&'static str], i64)],
    /// Parts of a day after a day word ("yesterday evening", "gestern Abend").
    day_parts: &'static [&'static str],
    /// Modifiers before a weekday, month or unit ("last", "vergangenen").
    modifiers: &'static [(&'static [&'static str], Rel)],
    /// German modifier stems take adjective endings.
    modifier_stems: &'static [(&'static str, Rel)],
    units: &'static [(&'static str, Unit)],
    /// Single words for a relative unit ("Vorjahr").
    unit_words: &'static [(&'static str, (Unit, Rel))],
    /// Words before a month alone that make it a date ("in", "im").
    month_preps: &'static [&'static str],
    /// Words before a year alone that make it a date.
    year_preps: &'static [&'static str],
    /// Connectors of year spans ("2020 to 2024").
    year_to: &'static [&'static str],
    /// "ago" after the amount; `None` when the word comes before ("vor").
    ago_after: Option<&'static str>,
    ago_before: Option<&'static str>,
    ago_units: &'static [(&'static str, Unit)],
    /// Decades in "four decades ago".
    decades: &'static [&'static str],
    /// Words for "one" in "a week ago", "vor einem Jahr".
    ago_one: &'static [&'static str],
    future: &'static [&'static [&'static str]],
    past: &'static [&'static str],
    /// Count "-ed" words as past tense cues.
    past_ed: bool,
    /// "May" alone is not a month; month names need a day or a year.
    weak_months: &'static [&'static str],
    /// Articles between a weekday and its date ("Friday, the 4th").
    date_articles: &'static [&'static str],
    number_words: NumWords,
}

/// Which number words "two days ago" may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumWords {
    En,
    De,
}

fn rules_for(lang: Lang) -> &'static Rules {
    if lang == Lang::DE { &DE } else { &EN }
}

fn lookup<T: Copy>(table: &[(&str, T)], w: &str) -> Option<T> {
    table.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

const EN: Rules = Rules {
    months: &[
        ("january", 1),
        ("february", 2),
        ("march", 3),
        ("april", 4),
        ("may", 5),
        ("june", 6),
        ("july", 7),
        ("august", 8),
        ("september", 9),
        ("october", 10),
        ("november", 11),
        ("december", 12),
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ],
    weekdays: &[
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ],
    day_words: &[
        (&["today"], 0),
        (&["tonight"], 0),
        (&["this", "morning"], 0),
        (&["this", "afternoon"], 0),
        (&["this", "evening"], 0),
        (&["yesterday"], -1),
        (&["last", "night"], -1),
        (&["tomorrow"], 1),
        (&["the", "day", "before", "yesterday"], -2),
        (&["the", "day", "after", "tomorrow"], 2),
    ],
    day_parts: &["morning", "afternoon", "evening", "night"],
    modifiers: &[
        (&["last"], Rel::Last),
        (&["previous"], Rel::Last),
        (&["this"], Rel::This),
        (&["next"], Rel::Next),
        (&["coming"], Rel::Next),
        (&["past"], Rel::Past),
        (&["earlier", "this"], Rel::EarlierThis),
        (&["later", "this"], Rel::LaterThis),
    ],
    modifier_stems: &[],
    units: &[
        ("week", Unit::Week),
        ("month", Unit::Month),
        ("year", Unit::Year),
        ("weekend", Unit::Weekend),
    ],
    unit_words: &[],
    month_preps: &[
        "in",
        "since",
        "until",
        "till",
        "by",
        "from",
        "through",
        "during",
        "before",
        "after",
        "throughout",
        "early",
        "late",
        "mid",
        "of",
    ],
    year_preps: &[
        "in",
        "since",
        "by",
        "until",
        "till",
        "from",
        "through",
        "during",
        "before",
        "after",
        "of",
        "year",
        "early",
        "late",
        "mid",
        "throughout",
    ],
    year_to: &["to", "and", "through"],
    ago_after: Some("ago"),
    ago_before: None,
    ago_units: &[
        ("day", Unit::Day),
        ("days", Unit::Day),
        ("week", Unit::Week),
        ("weeks", Unit::Week),
        ("month", Unit::Month),
        ("months", Unit::Month),
        ("year", Unit::Year),
        ("years", Unit::Year),
    ],
    decades: &["decade", "decades"],
    ago_one: &["a", "an", "one"],
    future: &[
        &["will"],
        &["shall"],
        &["'ll"],
        &["’ll"],
        &["due", "to"],
        &["expected", "to"],
        &["scheduled"],
        &["set", "to"],
        &["plans", "to"],
        &["plan", "to"],
        &["planning", "to"],
        &["going", "to"],
        &["upcoming"],
        &["next"],
        &["tomorrow"],
    ],
    past: &["was", "were", "had", "did", "said", "told", "ago", "yesterday", "last", "met"],
    past_ed: true,
    weak_months: &[
        "may", "mar", "jan", "jun", "jul", "aug", "dec", "sep", "oct", "nov", "feb", "apr",
    ],
    date_articles: &["the"],
    number_words: NumWords::En,
};

const DE: Rules = Rules {
    months: &[
        ("januar", 1),
        ("jänner", 1),
        ("februar", 2),
        ("feber", 2),
        ("märz", 3),
        ("april", 4),
        ("mai", 5),
        ("juni", 6),
        ("juli", 7),
        ("august", 8),
        ("september", 9),
        ("oktober", 10),
        ("november", 11),
        ("dezember", 12),
        ("jan", 1),
        ("feb", 2),
        ("mär", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("okt", 10),
        ("nov", 11),
        ("dez", 12),
    ],
    weekdays: &[
        ("montag", Weekday::Mon),
        ("dienstag", Weekday::Tue),
        ("mittwoch", Weekday::Wed),
        ("donnerstag", Weekday::Thu),
        ("freitag", Weekday::Fri),
        ("samstag", Weekday::Sat),
        ("sonnabend", Weekday::Sat),
        ("sonntag", Weekday::Sun),
    ],
    day_words: &[
        (&["heute"], 0),
        (&["gestern"], -1),
        (&["morgen"], 1),
        (&["vorgestern"], -2),
        (&["übermorgen"], 2),
    ],
    day_parts: &["morgen", "früh", "vormittag", "mittag", "nachmittag", "abend", "nacht"],
    modifiers: &[],
    modifier_stems: &[
        ("vergangen", Rel::Last),
        ("letzt", Rel::Last),
        ("vorig", Rel::Last),
        ("dies", Rel::This),
        ("laufend", Rel::This),
        ("nächst", Rel::Next),
        ("naechst", Rel::Next),
        ("kommend", Rel::Next),
    ],
    units: &[
        ("woche", Unit::Week),
        ("monat", Unit::Month),
        ("monats", Unit::Month),
        ("jahr", Unit::Year),
        ("jahres", Unit::Year),
        ("jahrs", Unit::Year),
        ("wochenende", Unit::Weekend),
        ("wochenendes", Unit::Weekend),
    ],
    unit_words: &[
        ("vorjahr", (Unit::Year, Rel::Last)),
        ("vorjahres", (Unit::Year, Rel::Last)),
        ("vormonat", (Unit::Month, Rel::Last)),
        ("vormonats", (Unit::Month, Rel::Last)),
        ("vorwoche", (Unit::Week, Rel::Last)),
    ],
    month_preps: &[
        "im", "seit", "bis", "ab", "vor", "nach", "anfang", "mitte", "ende", "zum", "vom",
    ],
    year_preps: &[
        "im",
        "in",
        "seit",
        "bis",
        "ab",
        "von",
        "vor",
        "nach",
        "jahr",
        "jahre",
        "jahres",
        "anfang",
        "mitte",
        "ende",
        "frühjahr",
        "sommer",
        "herbst",
        "winter",
    ],
    year_to: &["bis", "und"],
    ago_after: None,
    ago_before: Some("vor"),
    ago_units: &[
        ("tag", Unit::Day),
        ("tagen", Unit::Day),
        ("woche", Unit::Week),
        ("wochen", Unit::Week),
        ("monat", Unit::Month),
        ("monaten", Unit::Month),
        ("jahr", Unit::Year),
        ("jahren", Unit::Year),
    ],
    decades: &["jahrzehnt", "jahrzehnten"],
    ago_one: &["einem", "einer"],
    future: &[
        &["wird"],
        &["werden"],
        &["soll"],
        &["sollen"],
        &["will"],
        &["wollen"],
        &["plant"],
        &["planen"],
        &["morgen"],
        &["voraussichtlich"],
        &["bevorstehenden"],
    ],
    past: &[
        "war",
        "waren",
        "hatte",
        "hatten",
        "wurde",
        "wurden",
        "sagte",
        "sagten",
        "hat",
        "haben",
        "gestern",
        "erklärte",
        "teilte",
    ],
    past_ed: false,
    weak_months: &["jan", "jun", "jul", "aug", "dez", "sep", "okt", "nov", "feb", "apr", "mär"],
    date_articles: &["den", "dem"],
    number_words: NumWords::De,
};

/// A month name at `i` (capitalised), with the index after it (and after
/// the dot of an abbreviation).
fn month_at(st: &Stream<'_>, i: usize, r: &Rules) -> Option<(u32, usize)> {
    if !st.is_capitalised(i) {
        return None;
    }
    let w = st.lower(i);
    let m = lookup(r.months, w)?;
    let abbrev = w.chars().count() <= 4
        && !matches!(w, "may" | "june" | "july" | "mai" | "juni" | "juli" | "märz");
    if abbrev && st.is_sym(i + 1, '.') && st.glued(i + 1) {
        return Some((m, i + 2));
    }
    Some((m, i + 1))
}

/// A day of the month at `i` ("4", "4th", and with `dot` "4."): (day,
/// index after).
fn day_at(st: &Stream<'_>, i: usize, dot: bool) -> Option<(u32, usize)> {
    let raw = st.raw(i);
    if !st.is_num(i) || raw.len() > 2 || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: u32 = raw.parse().ok()?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let mut j = i + 1;
    if st.is_word(j) && st.glued(j) {
        if matches!(st.lower(j), "st" | "nd" | "rd" | "th") {
            j += 1;
        } else {
            return None;
        }
    } else if dot && st.is_sym(j, '.') && st.glued(j) {
        j += 1;
    }
    Some((d, j))
}

/// A four-digit year at `i`.
fn year_at(st: &Stream<'_>, i: usize) -> Option<i32> {
    let raw = st.raw(i);
    if !st.is_num(i) || raw.len() != 4 || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = raw.parse().ok()?;
    (1800..=2200).contains(&y).then_some(y)
}

/// A range dash at `i` ("-", "–").
fn is_dash(st: &Stream<'_>, i: usize) -> bool {
    st.is_sym(i, '-') || st.is_sym(i, '–')
}

fn prev_word<'s>(st: &'s Stream<'_>, i: usize) -> &'s str {
    match i.checked_sub(1) {
        Some(p) if st.is_word(p) => st.lower(p),
        // "mid-April"
        Some(p) if st.is_sym(p, '-') && p > 0 && st.is_word(p - 1) => st.lower(p - 1),
        _ => "",
    }
}

fn parse_at(st: &Stream<'_>, i: usize, r: &Rules) -> Option<(Expr, usize, usize)> {
    if st.is_num(i) {
        return numeric(st, i, r).or_else(|| ago(st, i, r));
    }
    if !st.is_word(i) {
        return None;
    }
    if let Some(x) = weekday(st, i, r) {
        return Some(x);
    }
    if let Some(x) = month_first(st, i, r) {
        return Some(x);
    }
    if let Some(x) = modified(st, i, r) {
        return Some(x);
    }
    if let Some(x) = day_word(st, i, r) {
        return Some(x);
    }
    if let Some(x) = ago(st, i, r) {
        return Some(x);
    }
    let w = st.lower(i);
    if let Some((unit, rel)) = lookup(r.unit_words, w) {
        return Some((Expr::Unit { unit, rel }, i, i + 1));
    }
    None
}

/// Dates starting with a number.
fn numeric(st: &Stream<'_>, i: usize, r: &Rules) -> Option<(Expr, usize, usize)> {
    let raw = st.raw(i);
    let glued_sym = |k: usize, c: char| st.is_sym(k, c) && st.glued(k) && st.glued(k + 1);
    // 2025-04-04
    if let Some(y) = year_at(st, i) {
        if glued_sym(i + 1, '-') && glued_sym(i + 3, '-') && st.is_num(i + 2) && st.is_num(i + 4) {
            let m: u32 = st.raw(i + 2).parse().ok()?;
            let d: u32 = st.raw(i + 4).parse().ok()?;
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            return Some((day_expr(date), i, i + 5));
        }
        // 2025/04/04
        if glued_sym(i + 1, '/') && glued_sym(i + 3, '/') && st.is_num(i + 2) && st.is_num(i + 4) {
            let m: u32 = st.raw(i + 2).parse().ok()?;
            let d: u32 = st.raw(i + 4).parse().ok()?;
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            return Some((day_expr(date), i, i + 5));
        }
        // 2024-25, 2024/25, 2020–2024
        if (glued_sym(i + 1, '-') || glued_sym(i + 1, '/') || glued_sym(i + 1, '–'))
            && st.is_num(i + 2)
        {
            let r2 = st.raw(i + 2);
            let y2 = match r2.len() {
                2 => {
                    let yy: i32 = r2.parse().ok()?;
                    y - y.rem_euclid(100) + yy
                }
                4 => year_at(st, i + 2)?,
                _ => return None,
            };
            if y2 <= y || y2 - y > 50 {
                return None;
            }
            return Some((year_span(y, y2)?, i, i + 3));
        }
        // in 2025, im Jahr 2025, since 2019 (to 2024)
        if r.year_preps.contains(&prev_word(st, i)) {
            let to =
                (st.is_word(i + 1) && r.year_to.contains(&st.lower(i + 1))) || is_dash(st, i + 1);
            if to
                && let Some(y2) = year_at(st, i + 2)
                && y2 > y
            {
                return Some((year_span(y, y2)?, i, i + 3));
            }
            return Some((year_span(y, y)?, i, i + 1));
        }
        return None;
    }
    // 04.04.2025 (one token)
    if raw.bytes().filter(|&b| b == b'.').count() == 2 {
        let mut parts = raw.split('.');
        let d: u32 = parts.next()?.parse().ok()?;
        let m: u32 = parts.next()?.parse().ok()?;
        let yr = parts.next()?;
        if yr.len() != 4 {
            return None;
        }
        let y: i32 = yr.parse().ok()?;
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        return Some((day_expr(date), i, i + 1));
    }
    // 13/04/2025 or 04/13/2025: only when unambiguous.
    if glued_sym(i + 1, '/') && glued_sym(i + 3, '/') && st.is_num(i + 2) {
        let a: u32 = raw.parse().ok()?;
        let b: u32 = st.raw(i + 2).parse().ok()?;
        let y = year_at(st, i + 4)?;
        let (d, m) = if a == b || (a > 12 && b <= 12) {
            (a, b)
        } else if b > 12 && a <= 12 {
            (b, a)
        } else {
            return None;
        };
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        return Some((day_expr(date), i, i + 5));
    }
    // 4 April 2025, 4th of April, 4. April, 4-6 April
    let (d, mut j) = day_at(st, i, true)?;
    let mut day_end = d;
    if is_dash(st, j) {
        if let Some((d2, j2)) = day_at(st, j + 1, true)
            && d2 > d
        {
            day_end = d2;
            j = j2;
        }
    } else if matches!(st.lower(j), "bis" | "to")
        && let Some((d2, j2)) = day_at(st, j + 1, true)
        && d2 > d
        && month_at(st, j2, r).is_some()
    {
        // "4. bis 6. April"
        day_end = d2;
        j = j2;
    }
    if st.lower(j) == "of" {
        j += 1;
    }
    let (m, j) = month_at(st, j, r)?;
    with_year(st, d, day_end, m, i, j)
}

/// After day and month (ending at `j`), an optional year.
fn with_year(
    st: &Stream<'_>,
    d: u32,
    day_end: u32,
    m: u32,
    a: usize,
    j: usize,
) -> Option<(Expr, usize, usize)> {
    let k = if st.is_sym(j, ',') { j + 1 } else { j };
    if let Some(y) = year_at(st, k) {
        let start = NaiveDate::from_ymd_opt(y, m, d)?;
        let end = NaiveDate::from_ymd_opt(y, m, day_end)?;
        return Some((Expr::Abs { start, end, gran: Granularity::Day }, a, k + 1));
    }
    // Without a year the day must exist in some year (Feb 29 does).
    NaiveDate::from_ymd_opt(2024, m, day_end)?;
    Some((Expr::DayMonth { day: d, day_end, month: m, rel: Rel::Auto, wd: None }, a, j))
}

fn day_expr(date: NaiveDate) -> Expr {
    Expr::Abs { start: date, end: date, gran: Granularity::Day }
}

fn year_span(y1: i32, y2: i32) -> Option<Expr> {
    Some(Expr::Abs {
        start: NaiveDate::from_ymd_opt(y1, 1, 1)?,
        end: NaiveDate::from_ymd_opt(y2, 12, 31)?,
        gran: Granularity::Year,
    })
}

/// "Friday", "Friday, April 4", "Freitag, 4. April", "Freitag, den 4. April".
fn weekday(st: &Stream<'_>, i: usize, r: &Rules) -> Option<(Expr, usize, usize)> {
    if !st.is_capitalised(i) {
        return None;
    }
    let w = st.lower(i);
    let Some(wd) = lookup(r.weekdays, w) else {
        // German compounds: "Mittwochabend", "Freitagmorgen".
        let (wd, _) = r.weekdays.iter().find_map(|(name, wd)| {
            let part = w.strip_prefix(name)?;
            r.day_parts.contains(&part).then_some((*wd, part))
        })?;
        return Some((Expr::Weekday { wd, rel: Rel::Auto }, i, i + 1));
    };
    let mut j = i + 1;
    if st.is_sym(j, ',') {
        j += 1;
    }
    if r.date_articles.contains(&st.lower(j)) {
        j += 1;
    }
    if let Some((e, _, b)) = numeric(st, j, r).or_else(|| month_first(st, j, r)) {
        match e {
            Expr::Abs { gran: Granularity::Day, .. } => return Some((e, i, b)),
            Expr::DayMonth { day, day_end, month, rel, .. } => {
                return Some((Expr::DayMonth { day, day_end, month, rel, wd: Some(wd) }, i, b));
            }
            _ => {}
        }
    }
    let end = day_part(st, i + 1, r);
    Some((Expr::Weekday { wd, rel: Rel::Auto }, i, end))
}

/// Skips a part-of-day word after a day ("Friday night", "gestern Abend").
fn day_part(st: &Stream<'_>, j: usize, r: &Rules) -> usize {
    if st.is_word(j) && r.day_parts.contains(&st.lower(j)) { j + 1 } else { j }
}

/// "April 4", "April 4, 2025", "April 4-6", "March 2024", "in February".
fn month_first(st: &Stream<'_>, i: usize, r: &Rules) -> Option<(Expr, usize, usize)> {
    let (m, j) = month_at(st, i, r)?;
    // "Mai-Programm": part of a compound.
    if st.is_sym(j, '-') && st.glued(j) && st.glued(j + 1) && st.is_word(j + 1) {
        return None;
    }
    if let Some((d, mut k)) = day_at(st, j, false) {
        // Not "April 2025" (a year) and not "May 10.5" (a number).
        let time = st.is_sym(k, ':') && st.glued(k);
        if !(st.is_num(k) || time) {
            let mut day_end = d;
            if is_dash(st, k)
                && let Some((d2, k2)) = day_at(st, k + 1, false)
                && d2 > d
                && !st.is_num(k2)
            {
                day_end = d2;
                k = k2;
            }
            return with_year(st, d, day_end, m, i, k);
        }
    }
    let k = if st.is_sym(j, ',') { j + 1 } else { j };
    if let Some(y) = year_at(st, k) {
        let start = NaiveDate::from_ymd_opt(y, m, 1)?;
        return Some((
            Expr::Abs { start, end: month_end(start)?, gran: Granularity::Month },
            i,
            k + 1,
        ));
    }
    let w = st.lower(i);
    if r.weak_months.contains(&w) {
        return None;
    }
    let prev = prev_word(st, i);
    if r.month_preps.contains(&prev) {
        return Some((Expr::Month { month: m, rel: Rel::Auto }, i, j));
    }
    None
}

/// The matching modifier at `i` ("last", "earlier this", "vergangenen").
fn modifier_at(st: &Stream<'_>, i: usize, r: &Rules) -> Option<(Rel, usize)> {
    if let Some((j, rel)) = st.longest(i, r.modifiers) {
        return Some((rel, j));
    }
    if !st.is_word(i) {
        return None;
    }
    let w = st.lower(i);
    for (stem, rel) in r.modifier_stems {
        if let Some(rest) = w.strip_prefix(stem)
            && matches!(rest, "" | "e" | "en" | "er" | "es" | "em")
        {
            return Some((*rel, i + 1));
        }
    }
    None
}

/// "last Friday", "next week", "earlier this month", "vergangene Woche",
/// "last April".
fn modified(st: &Stream<'_>, i: usize, r: &Rules) -> Option<(Expr, usize, usize)> {
    let (rel, j) = modifier_at(st, i, r)?;
    if st.is_capitalised(j) {
        if let Some(wd) = lookup(r.weekdays, st.lower(j)) {
            let rel = match rel {
                Rel::Past | Rel::EarlierThis => Rel::Last,
                Rel::LaterThis => Rel::Next,
                x => x,
            };
            return Some((Expr::Weekday { wd, rel }, i, day_part(st, j + 1, r)));
        }
        if let Some((m, k)) = month_at(st, j, r)
            && matches!(rel, Rel::Last | Rel::Next | Rel::This)
        {
            return Some((Expr::Month { month: m, rel }, i, k));
        }
    }
    let unit = lookup(r.units, st.lower(j))?;
    Some((Expr::Unit { unit, rel }, i, j + 1))
}

/// "today", "yesterday evening", "heute", "gestern Abend", "morgen".
fn day_word(st: &Stream<'_>, i: usize, r: &Rules) -> Option<(Expr, usize, usize)> {
    let (j, off) = st.longest(i, r.day_words)?;
    // German "Morgen" capitalised is "morning" unless it opens a sentence.
    if st.lower(i) == "morgen" && st.is_capitalised(i) && !opens_sentence(st, i) {
        return None;
    }
    Some((Expr::Offset(off), i, day_part(st, j, r)))
}

fn opens_sentence(st: &Stream<'_>, i: usize) -> bool {
    i == 0
        || st.tok(i).is_some_and(|t| t.newline)
        || ['.', '!', '?', '"', '“', '„', '«', '»'].iter().any(|&c| st.is_sym(i - 1, c))
}

/// "two days ago", "a week ago", "vor zwei Tagen", "vor einem Jahr".
fn ago(st: &Stream<'_>, i: usize, r: &Rules) -> Option<(Expr, usize, usize)> {
    let k = match r.ago_before {
        Some(w) if st.lower(i) == w => i + 1,
        Some(_) => return None,
        None => i,
    };
    let (n, j) = amount_at(st, k, r)?;
    let (unit, n) = match lookup(r.ago_units, st.lower(j)) {
        Some(u) => (u, n),
        // "four decades ago", "vor zwei Jahrzehnten"
        None if r.decades.contains(&st.lower(j)) => (Unit::Year, n.checked_mul(10)?),
        None => return None,
    };
    match r.ago_after {
        Some(w) if st.lower(j + 1) == w => Some((Expr::Ago { n, unit }, i, j + 2)),
        Some(_) => None,
        None => Some((Expr::Ago { n, unit }, i, j + 1)),
    }
}

/// A small whole number at `k`: digits, number words, "a".
fn amount_at(st: &Stream<'_>, k: usize, r: &Rules) -> Option<(u32, usize)> {
    if st.is_num(k) {
        let raw = st.raw(k);
        if raw.len() > 4 || !raw.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        return Some((raw.parse().ok()?, k + 1));
    }
    if !st.is_word(k) {
        return None;
    }
    let w = st.lower(k);
    if r.ago_one.contains(&w) {
        return Some((1, k + 1));
    }
    match r.number_words {
        NumWords::En => {
            let (v, e) = scan::en_number_words(st, k)?;
            Some((u32::try_from(v).ok()?, e))
        }
        NumWords::De => {
            let v = scan::de_number_word(w)?;
            Some((u32::try_from(v).ok()?, k + 1))
        }
    }
}

/// The tense of the sentence around token `i`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
    Unknown,
}

/// Tense cues per token: 1 past, 2 future, 0 none.
fn tense_cues(st: &Stream<'_>, r: &Rules) -> Vec<u8> {
    (0..st.len())
        .map(|k| {
            if !st.is_word(k) {
                return 0;
            }
            let w = st.lower(k);
            let future = r.future.iter().any(|pat| match pat {
                [one] if one.starts_with('\'') || one.starts_with('’') => {
                    w == "ll" && k > 0 && st.glued(k) && st.raw(k - 1).starts_with(['\'', '’'])
                }
                _ => st.match_seq(k, pat).is_some(),
            });
            let past = r.past.contains(&w)
                || (r.past_ed
                    && w.len() > 4
                    && w.ends_with("ed")
                    && !matches!(w, "need" | "indeed" | "hundred" | "scheduled" | "expected"));
            if future {
                2
            } else if past {
                1
            } else {
                0
            }
        })
        .collect()
}

/// The tense of the sentence around token `i`, from the cues of
/// [`tense_cues`]: any future cue wins, then any past cue.
fn tense(st: &Stream<'_>, i: usize, cues: &[u8]) -> Tense {
    let ends_sentence = |k: usize| {
        (st.is_sym(k, '.') && !(k > 0 && st.is_num(k - 1)))
            || st.is_sym(k, '!')
            || st.is_sym(k, '?')
    };
    // The sentence around `i`, at most 60 tokens either way (so that text
    // without punctuation stays linear).
    let mut a = i;
    while a > 0 && i - a < 60 && !ends_sentence(a - 1) && !st.tok(a).is_some_and(|t| t.newline) {
        a -= 1;
    }
    let mut b = i;
    while b < st.len()
        && b - i < 60
        && !ends_sentence(b)
        && !st.tok(b + 1).is_some_and(|t| t.newline)
    {
        b += 1;
    }
    let window = cues.get(a..b.min(cues.len())).unwrap_or(&[]);
    if window.contains(&2) {
        Tense::Future
    } else if window.contains(&1) {
        Tense::Past
    } else {
        Tense::Unknown
    }
}

fn month_end(first: NaiveDate) -> Option<NaiveDate> {
    first.checked_add_months(Months::new(1))?.pred_opt()
}

fn month_start(d: NaiveDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year(), d.month(), 1)
}

fn week_start(d: NaiveDate) -> Option<NaiveDate> {
    d.checked_sub_days(Days::new(u64::from(d.weekday().num_days_from_monday())))
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// Covered days (when known), granularity, relative.
type Resolved = (Option<(NaiveDate, NaiveDate)>, Granularity, bool);

/// The covered days and granularity of an expression, given the anchor day.
fn resolve(e: Expr, anchor: Option<NaiveDate>, tense: Tense) -> Option<Resolved> {
    use Granularity as G;
    let gran = match e {
        Expr::Abs { gran, .. } => gran,
        Expr::DayMonth { .. } | Expr::Weekday { .. } | Expr::Offset(_) => G::Day,
        Expr::Month { .. } => G::Month,
        Expr::Unit { unit, .. } | Expr::Ago { unit, .. } => match unit {
            Unit::Day | Unit::Weekend => G::Day,
            Unit::Week => G::Week,
            Unit::Month => G::Month,
            Unit::Year => G::Year,
        },
    };
    if let Expr::Abs { start, end, .. } = e {
        return Some((Some((start, end)), gran, false));
    }
    let Some(p) = anchor else {
        return Some((None, gran, true));
    };
    let range = match e {
        Expr::Abs { .. } => None,
        Expr::Offset(n) => add_days(p, n).map(|d| (d, d)),
        Expr::Weekday { wd, rel } => {
            let diff = i64::from(wd.num_days_from_monday())
                - i64::from(p.weekday().num_days_from_monday());
            let on_or_before = if diff <= 0 { diff } else { diff - 7 };
            let on_or_after = if diff >= 0 { diff } else { diff + 7 };
            let off = match rel {
                Rel::Last | Rel::Past | Rel::EarlierThis => {
                    if on_or_before == 0 {
                        -7
                    } else {
                        on_or_before
                    }
                }
                Rel::Next | Rel::LaterThis => {
                    if on_or_after == 0 {
                        7
                    } else {
                        on_or_after
                    }
                }
                Rel::This => {
                    if tense == Tense::Past {
                        on_or_before
                    } else {
                        on_or_after
                    }
                }
                Rel::Auto => {
                    if tense == Tense::Future {
                        on_or_after
                    } else {
                        on_or_before
                    }
                }
            };
            add_days(p, off).map(|d| (d, d))
        }
        Expr::DayMonth { day, day_end, month, rel, wd } => {
            let pick = |y: i32| {
                Some((
                    NaiveDate::from_ymd_opt(y, month, day)?,
                    NaiveDate::from_ymd_opt(y, month, day_end)?,
                ))
            };
            let mut cands: Vec<(NaiveDate, NaiveDate)> =
                (p.year() - 1..=p.year() + 1).filter_map(pick).collect();
            // A weekday written with the date picks the year when it can.
            if let Some(wd) = wd {
                let fits: Vec<_> = cands.iter().copied().filter(|c| c.0.weekday() == wd).collect();
                if !fits.is_empty() {
                    cands = fits;
                }
            }
            choose(&cands, p, rel, tense, |c| c.0)
        }
        Expr::Month { month, rel } => {
            let pick = |y: i32| {
                let s = NaiveDate::from_ymd_opt(y, month, 1)?;
                Some((s, month_end(s)?))
            };
            let cands: Vec<(NaiveDate, NaiveDate)> =
                (p.year() - 1..=p.year() + 1).filter_map(pick).collect();
            let pm = month_start(p)?;
            if rel == Rel::Auto && tense == Tense::Unknown {
                // The nearest by months; on a tie (six months either way)
                // the coming one, as no past-tense cue was seen.
                let idx = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month());
                cands.iter().min_by_key(|c| ((idx(c.0) - idx(pm)).abs(), -idx(c.0))).copied()
            } else {
                choose(&cands, pm, rel, tense, |c| c.0)
            }
        }
        Expr::Unit { unit, rel } => unit_range(unit, rel, p, tense),
        Expr::Ago { n, unit } => {
            let n64 = i64::from(n);
            match unit {
                Unit::Day | Unit::Weekend => add_days(p, -n64).map(|d| (d, d)),
                Unit::Week => {
                    let d = add_days(p, -7 * n64)?;
                    let s = week_start(d)?;
                    Some((s, add_days(s, 6)?))
                }
                Unit::Month => {
                    let d = p.checked_sub_months(Months::new(n))?;
                    let s = month_start(d)?;
                    Some((s, month_end(s)?))
                }
                Unit::Year => {
                    let y = p.year().checked_sub(i32::try_from(n).ok()?)?;
                    Some((NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?))
                }
            }
        }
    };
    Some((range, gran, true))
}

/// Picks among the same day or month in neighbouring years: the modifier
/// or the tense decides the direction; without either, the nearest to the
/// anchor wins (the earlier on a tie).
fn choose(
    cands: &[(NaiveDate, NaiveDate)],
    anchor: NaiveDate,
    rel: Rel,
    tense: Tense,
    key: impl Fn(&(NaiveDate, NaiveDate)) -> NaiveDate,
) -> Option<(NaiveDate, NaiveDate)> {
    let before = || cands.iter().filter(|c| key(c) <= anchor).max_by_key(|c| key(c)).copied();
    let after = || cands.iter().filter(|c| key(c) >= anchor).min_by_key(|c| key(c)).copied();
    let strictly_before =
        || cands.iter().filter(|c| key(c) < anchor).max_by_key(|c| key(c)).copied();
    let strictly_after =
        || cands.iter().filter(|c| key(c) > anchor).min_by_key(|c| key(c)).copied();
    match rel {
        Rel::Last | Rel::Past | Rel::EarlierThis => strictly_before(),
        Rel::Next | Rel::LaterThis => strictly_after(),
        Rel::This => cands.iter().find(|c| key(c).year() == anchor.year()).copied(),
        Rel::Auto => match tense {
            Tense::Past => before(),
            Tense::Future => after(),
            Tense::Unknown => {
                cands.iter().min_by_key(|c| ((key(c) - anchor).num_days().abs(), key(c))).copied()
            }
        },
    }
}

fn unit_range(unit: Unit, rel: Rel, p: NaiveDate, tense: Tense) -> Option<(NaiveDate, NaiveDate)> {
    match unit {
        Unit::Day => Some((p, p)),
        Unit::Week => {
            let ws = week_start(p)?;
            let we = add_days(ws, 6)?;
            match rel {
                Rel::Last => Some((add_days(ws, -7)?, add_days(ws, -1)?)),
                Rel::This | Rel::Auto => Some((ws, we)),
                Rel::Next => Some((add_days(ws, 7)?, add_days(ws, 13)?)),
                Rel::Past => Some((add_days(p, -6)?, p)),
                Rel::EarlierThis => Some((ws, p)),
                Rel::LaterThis => Some((p, we)),
            }
        }
        Unit::Weekend => {
            let sat = add_days(week_start(p)?, 5)?;
            let off = match rel {
                Rel::Last | Rel::Past | Rel::EarlierThis => -7,
                Rel::Next => 7,
                Rel::This | Rel::LaterThis => 0,
                Rel::Auto => {
                    if tense == Tense::Future || sat <= p {
                        0
                    } else {
                        -7
                    }
                }
            };
            let s = add_days(sat, off)?;
            Some((s, add_days(s, 1)?))
        }
        Unit::Month => {
            let ms = month_start(p)?;
            let me = month_end(ms)?;
            match rel {
                Rel::Last => {
                    let s = ms.checked_sub_months(Months::new(1))?;
                    Some((s, month_end(s)?))
                }
                Rel::This | Rel::Auto => Some((ms, me)),
                Rel::Next => {
                    let s = ms.checked_add_months(Months::new(1))?;
                    Some((s, month_end(s)?))
                }
                Rel::Past => Some((add_days(p.checked_sub_months(Months::new(1))?, 1)?, p)),
                Rel::EarlierThis => Some((ms, p)),
                Rel::LaterThis => Some((p, me)),
            }
        }
        Unit::Year => {
            let y = p.year();
            let whole = |y: i32| {
                Some((NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?))
            };
            match rel {
                Rel::Last => whole(y - 1),
                Rel::This | Rel::Auto => whole(y),
                Rel::Next => whole(y + 1),
                Rel::Past => Some((add_days(p.checked_sub_months(Months::new(12))?, 1)?, p)),
                Rel::EarlierThis => Some((NaiveDate::from_ymd_opt(y, 1, 1)?, p)),
                Rel::LaterThis => Some((p, NaiveDate::from_ymd_opt(y, 12, 31)?)),
            }
        }
    }
}

fn mention(
    st: &Stream<'_>,
    e: Expr,
    a: usize,
    b: usize,
    anchor: Option<NaiveDate>,
    cues: Option<&[u8]>,
) -> Option<DateMention> {
    let needs_tense = matches!(
        e,
        Expr::Weekday { .. }
            | Expr::DayMonth { rel: Rel::Auto, .. }
            | Expr::Month { rel: Rel::Auto, .. }
            | Expr::Unit { unit: Unit::Weekend, .. }
    );
    let t = match cues {
        Some(c) if needs_tense => tense(st, a, c),
        _ => Tense::Unknown,
    };
    // A month after "since"/"seit" lies in the past.
    let t = match e {
        Expr::Month { .. } | Expr::DayMonth { .. }
            if matches!(prev_word(st, a), "since" | "seit") =>
        {
            Tense::Past
        }
        _ => t,
    };
    let (range, granularity, relative) = resolve(e, anchor, t)?;
    let (s, en) = st.bytes(a, b);
    let text = st.text.get(s..en)?.to_string();
    Some(DateMention {
        span: Span::new(s, en),
        text,
        start: range.map(|x| x.0),
        end: range.map(|x| x.1),
        granularity,
        relative,
        resolved: range.is_some(),
    })
}
