//! Quantities: numbers with units and what they count, normalised.
//!
//! A hand-written scanner over words, numbers and symbols finds
//!
//! - percentages ("5%", "5 per cent", "fünf Prozent") and percentage points,
//! - money with its ISO currency ("$4.2bn", "US$3 million", "2 Milliarden
//!   Euro", "1.234,5 Euro"),
//! - counts with the noun they count ("at least 300 soldiers", "hundreds of
//!   people", "drei Kinder"),
//! - durations ("two-day", "48 hours", "zweitägigen") and physical units
//!   ("10 km", "30 °C", "5 Tonnen"),
//!
//! with number words, scale words per language (German "Milliarde" = 10⁹,
//! "Billion" = 10¹²), decimal commas, ranges ("10 to 12", "zwischen 10 und
//! 12") and hedges turned into intervals ("at least 12" → [12, ∞)).
//!
//! Years used as dates, times of day, dates, ordinals, phone numbers and
//! numbers inside names ("COVID-19", "G7", "F-35") are left out.
//! Everything language-specific sits in per-language tables (`rules`);
//! languages without tables read digits, symbols and codes only.

mod rules;
pub(crate) mod scan;
#[cfg(test)]
mod tests;

use parallax_model::Span;
use parallax_text::Lang;
use serde::Serialize;

use rules::{CURRENCY_PREFIX, Rules, SYMBOL_SCALES, SYMBOL_UNITS, Scale, UnitDef, Words};
use scan::{Dec, Stream};

/// What kind of quantity a [`Quantity`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    /// A bare number.
    Number,
    /// A number of things; [`Quantity::counts`] names them when known.
    Count,
    /// A percentage (unit `"percent"`).
    Percent,
    /// A difference of percentages (unit `"percentage_point"`).
    PercentagePoint,
    /// An amount of money (unit: ISO 4217 code).
    Money,
    /// A span of time (unit `"second"`, `"minute"`, `"hour"`, `"day"`,
    /// `"week"`, `"month"` or `"year"`).
    Duration,
    /// A physical measure (unit: symbol such as `"km"`, `"t"`, `"°C"`).
    Measure,
}

/// How exact the stated value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// As stated ("12").
    Exact,
    /// "about", "around", "roughly", "some", "etwa", "rund" (±10 %).
    About,
    /// "nearly", "almost", "knapp", "fast" (up to 10 % below).
    Nearly,
    /// "at least", "mindestens", "or more" (the value or more).
    AtLeast,
    /// "up to", "as many as", "bis zu", "höchstens" (the value or less).
    AtMost,
    /// "more than", "over", "mehr als", "über".
    MoreThan,
    /// "fewer than", "less than", "under", "weniger als", "unter".
    LessThan,
    /// A range ("10 to 12", "between 10 and 12") or a vague amount
    /// ("hundreds of"): see [`Quantity::low`] and [`Quantity::high`].
    Range,
}

/// A number with its unit, normalised.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// Byte span of the whole expression ("about 5 percent", "$4.2bn").
    pub span: Span,
    /// The expression as written.
    pub text: String,
    /// Normalised value (5.0 for "5 percent", 4.2e9 for "$4.2bn"); for a
    /// range, its lower end.
    pub value: f64,
    /// Normalised unit ("percent", "USD", "EUR", "day", "km", …; "" for a
    /// bare number or count).
    pub unit: String,
    /// What kind of quantity this is.
    pub kind: QuantityKind,
    /// The counted noun, lower-cased ("troops" in "2,000 troops").
    pub counts: Option<String>,
    /// How exact the value is.
    pub approx: Approx,
    /// Lower end of the interval the expression allows (`None`: open).
    pub low: Option<f64>,
    /// Upper end of the interval the expression allows (`None`: open).
    pub high: Option<f64>,
    /// Place of the last stated digit, in the unit (0.1e9 for "$4.2bn",
    /// 1.0 for "12"): values that round to the same figure at this step
    /// are the same.
    pub precision: f64,
}

impl Quantity {
    /// A canonical string: the value in the unit ("5 percent" for "5%",
    /// "five per cent" and "5 Prozent"; "4200000000 USD" for "$4.2bn"), the
    /// counted noun for counts ("12 people"), "lo-hi" for ranges, and a
    /// prefix for hedges ("~" about, "<~" nearly, ">=" at least, ">" more
    /// than, "<=" at most, "<" less than).
    pub fn key(&self) -> String {
        let what = if self.unit.is_empty() {
            self.counts.clone().unwrap_or_default()
        } else {
            self.unit.clone()
        };
        let num = match self.approx {
            Approx::Range => format!(
                "{}-{}",
                fmt_num(self.low.unwrap_or(self.value)),
                self.high.map_or_else(String::new, fmt_num)
            ),
            a => format!("{}{}", hedge_prefix(a), fmt_num(self.value)),
        };
        if what.is_empty() { num } else { format!("{num} {what}") }
    }

    /// Same as [`Quantity::key`].
    pub fn normalized(&self) -> String {
        self.key()
    }

    /// True when the two can state the same amount: the units match, and
    /// either both are exact and agree once rounded to the coarser
    /// precision ("$4.2bn" = "$4.18bn", "5%" ≠ "5.5%"), or their intervals
    /// (widened by half the coarser precision) overlap ("about 300" and
    /// "at least 310"). The counted nouns are not compared.
    pub fn same_value(&self, other: &Quantity) -> bool {
        if self.unit != other.unit {
            return false;
        }
        let step = self.precision.max(other.precision).max(0.0);
        let eps = 1e-9 * self.value.abs().max(other.value.abs()).max(1.0);
        if self.approx == Approx::Exact && other.approx == Approx::Exact {
            if step <= 0.0 {
                return (self.value - other.value).abs() <= eps;
            }
            let a = round_half_up(self.value / step);
            let b = round_half_up(other.value / step);
            return (a - b).abs() < 0.5;
        }
        let (alo, ahi) = self.bounds(step / 2.0);
        let (blo, bhi) = other.bounds(step / 2.0);
        alo <= bhi + eps && blo <= ahi + eps
    }

    /// The interval widened by `tol`, open ends infinite.
    fn bounds(&self, tol: f64) -> (f64, f64) {
        (
            self.low.map_or(f64::NEG_INFINITY, |v| v - tol),
            self.high.map_or(f64::INFINITY, |v| v + tol),
        )
    }
}

fn round_half_up(x: f64) -> f64 {
    // A tiny nudge so that 41.99999999 (float noise) rounds like 42.
    (x + 1e-9 * x.abs().max(1.0)).round()
}

fn hedge_prefix(a: Approx) -> &'static str {
    match a {
        Approx::Exact | Approx::Range => "",
        Approx::About => "~",
        Approx::Nearly => "<~",
        Approx::AtLeast => ">=",
        Approx::MoreThan => ">",
        Approx::AtMost => "<=",
        Approx::LessThan => "<",
    }
}

/// Shortest decimal form ("5", "5.5", "4200000000").
fn fmt_num(v: f64) -> String {
    if !v.is_finite() {
        return String::from("?");
    }
    let s = format!("{v}");
    if s == "-0" { String::from("0") } else { s }
}

/// Finds the quantities in `text`, read with the rules of `lang` (English
/// and German; other languages get digits, symbols and codes only).
pub fn find_quantities(text: &str, lang: Lang) -> Vec<Quantity> {
    let rules = rules::rules_for(lang);
    let st = Stream::new(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < st.len() {
        if let Some(next) = st.url_end(i) {
            i = next;
            continue;
        }
        match parse_at(&st, i, &rules) {
            Step::Found(q, next) => {
                out.push(q);
                i = next.max(i + 1);
            }
            Step::Skip(next) => i = next.max(i + 1),
            Step::Nothing => i += 1,
        }
    }
    out
}

enum Step {
    Found(Quantity, usize),
    Skip(usize),
    Nothing,
}

/// The value of a number core.
#[derive(Debug, Clone, Copy)]
enum Val {
    Num(Dec),
    Vague(f64, f64),
}

/// One number with what directly belongs to it.
#[derive(Debug, Clone)]
struct Simple {
    /// First token (the currency prefix when there is one).
    start: usize,
    /// One past the last token.
    end: usize,
    val: Val,
    /// A plain integer from one digit token without separators (years).
    plain_int: Option<(u64, usize)>,
    /// The core is made of number words.
    word_core: bool,
    scale: Option<Scale>,
    unit: Option<UnitDef>,
    /// The unit came from a currency prefix.
    prefix_currency: bool,
    counts: Option<String>,
}

impl Simple {
    fn dec(&self) -> Option<Dec> {
        match self.val {
            Val::Num(d) => {
                let d = match self.scale {
                    Some((m, e)) => d.scaled(m, e),
                    None => d,
                };
                Some(match self.unit {
                    Some((_, _, (m, e))) if (m, e) != (1, 0) => d.scaled(m, e),
                    _ => d,
                })
            }
            Val::Vague(..) => None,
        }
    }
}

fn is_year_like(p: Option<(u64, usize)>) -> bool {
    matches!(p, Some((v, 4)) if (1800..=2100).contains(&v))
}

fn parse_at(st: &Stream<'_>, i: usize, r: &Rules) -> Step {
    if st.is_num(i)
        && let Some(end) = skip_non_quantity_run(st, i)
    {
        return Step::Skip(end);
    }
    // "between 10 and 12".
    if let Some((j, conn)) = st.longest(i, r.range_open)
        && let Some(step) = parse_between(st, i, j, conn, r)
    {
        return step;
    }
    let (approx, j) = match st.longest(i, r.hedges) {
        Some((j, a)) => (a, j),
        None => (Approx::Exact, i),
    };
    let Some(s1) = parse_simple(st, j, r) else {
        return Step::Nothing;
    };
    let mut end = s1.end;
    // A range "10-12", "10 to 12 percent".
    let after_from =
        i.checked_sub(1).is_some_and(|p| r.change_from.contains(&st.lower(p)) && st.is_word(p));
    if !after_from && let Some((s2, e2)) = parse_range_tail(st, &s1, s1.end, None, r) {
        return finish_range(st, i, &s1, &s2, e2, r);
    }
    // "2024-25" (a season or fiscal year) read as a failed range.
    if is_year_like(s1.plain_int)
        && st.is_sym(end, '-')
        && st.glued(end)
        && st.is_num(end + 1)
        && st.glued(end + 1)
    {
        return Step::Skip(end + 2);
    }
    let mut s1 = s1;
    let mut approx = approx;
    if let Some((e, a)) = st.longest(end, r.hedges_after)
        && approx == Approx::Exact
        && !matches!(s1.val, Val::Vague(..))
    {
        approx = a;
        end = e;
        if s1.unit.is_none()
            && s1.counts.is_none()
            && let Some((e2, noun)) = count_noun(st, end, r)
        {
            s1.counts = Some(noun);
            end = e2;
        }
    }
    match accept(st, i, &s1, end, approx, r) {
        Some(q) => Step::Found(q, end),
        None => Step::Nothing,
    }
}

/// Runs that only look like numbers: dates ("2025-04-04", "04/04/2025"),
/// times ("10:30"), fractions ("24/7") and phone numbers ("+44 20 7946
/// 0958", "(212) 555-1234"). Returns the index after the run.
fn skip_non_quantity_run(st: &Stream<'_>, i: usize) -> Option<usize> {
    let glued_sep = |k: usize, cs: &[char]| {
        st.glued(k) && st.glued(k + 1) && st.is_num(k + 1) && cs.iter().any(|&c| st.is_sym(k, c))
    };
    // Times and fractions: any ':' or '/' between digits ("10:30", "24/7",
    // and "7: 31" as some tokenised corpora write it).
    let spaced_minutes =
        st.is_sym(i + 1, ':') && st.glued(i + 1) && st.is_num(i + 2) && st.raw(i + 2).len() == 2;
    if glued_sep(i + 1, &[':', '/']) || spaced_minutes {
        let mut k = i + 1;
        while glued_sep(k, &[':', '/', '-', '.']) {
            k += 2;
        }
        return Some(k);
    }
    // Chains of three or more numbers joined by separators or spaces only.
    let phone_start = i > 0 && (st.is_sym(i - 1, '+') && st.glued(i))
        || (i > 0 && st.is_sym(i - 1, '(') && st.is_sym(i + 1, ')') && st.is_num(i + 2));
    let mut k = i + 1;
    let mut nums = 1;
    loop {
        let mut m = k;
        while m < st.len()
            && ['-', '.', '(', ')', '/'].iter().any(|&c| st.is_sym(m, c))
            && m - k < 2
        {
            m += 1;
        }
        if st.is_num(m) && !st.tok(m).is_some_and(|t| t.newline) {
            // Only a dash between two numbers may still be a range.
            if m == k && !phone_start && nums == 1 && !st.is_num(m + 1) && !st.is_sym(m + 1, '-') {
                // Two numbers side by side ("in 2020 300 people") are fine.
                break;
            }
            nums += 1;
            k = m + 1;
        } else {
            break;
        }
    }
    if nums >= 3 || (phone_start && nums >= 2) { Some(k) } else { None }
}

fn parse_between(st: &Stream<'_>, i: usize, j: usize, conn: &str, r: &Rules) -> Option<Step> {
    let s1 = parse_simple(st, j, r)?;
    if !(st.is_word(s1.end) && st.lower(s1.end) == conn) {
        return None;
    }
    let (s2, e2) = parse_range_tail(st, &s1, s1.end, Some(conn), r)?;
    Some(finish_range(st, i, &s1, &s2, e2, r))
}

/// After a first number ending at `e`, a connector and a second number.
fn parse_range_tail(
    st: &Stream<'_>,
    s1: &Simple,
    e: usize,
    conn: Option<&str>,
    r: &Rules,
) -> Option<(Simple, usize)> {
    if matches!(s1.val, Val::Vague(..)) || s1.counts.is_some() {
        return None;
    }
    let k = match conn {
        Some(c) => (st.lower(e) == c).then_some(e + 1)?,
        None => {
            if st.is_sym(e, '-') || st.is_sym(e, '–') {
                // "10-12" or "10 – 12", not "10 -12".
                let glued = st.glued(e) && st.glued(e + 1);
                let spaced = !st.glued(e) && !st.glued(e + 1);
                if !(glued || spaced) {
                    return None;
                }
                e + 1
            } else if st.is_word(e) && r.range_to.contains(&st.lower(e)) {
                // "10 to 12 percent": only when the unit comes once, after both.
                if s1.unit.is_some() && !s1.prefix_currency {
                    return None;
                }
                e + 1
            } else {
                return None;
            }
        }
    };
    let s2 = parse_simple(st, k, r)?;
    if matches!(s2.val, Val::Vague(..)) {
        return None;
    }
    let end = s2.end;
    Some((s2, end))
}

fn finish_range(
    st: &Stream<'_>,
    i: usize,
    s1: &Simple,
    s2: &Simple,
    end: usize,
    r: &Rules,
) -> Step {
    // Year spans are dates: "2020-2024", "between 2020 and 2025", "2024-25".
    if is_year_like(s1.plain_int)
        && s1.unit.is_none()
        && (is_year_like(s2.plain_int) || matches!(s2.plain_int, Some((_, 2))))
    {
        return Step::Skip(end);
    }
    let unit = match (s1.unit, s2.unit) {
        (Some(a), Some(b)) if a.1 != b.1 => return fallback_single(st, i, s1, r),
        (a, b) => a.or(b),
    };
    let mut a = s1.clone();
    let mut b = s2.clone();
    // "10 to 12 billion", "$10-12bn": the scale of the second covers both.
    if a.scale.is_none() && b.scale.is_some() && !b.prefix_currency {
        a.scale = b.scale;
    }
    a.unit = unit;
    b.unit = unit;
    let (Some(da), Some(db)) = (a.dec(), b.dec()) else {
        return fallback_single(st, i, s1, r);
    };
    let (lo, hi) = (da.value(), db.value());
    if lo >= hi || !lo.is_finite() || !hi.is_finite() {
        return fallback_single(st, i, s1, r);
    }
    let code_like = |p: Option<(u64, usize)>| p.is_some_and(|(_, n)| n >= 5);
    if unit.is_none()
        && a.counts.is_none()
        && b.counts.is_none()
        && (after_label(st, i, r) || code_like(a.plain_int) || code_like(b.plain_int))
    {
        return Step::Skip(end);
    }
    let mut merged = a.clone();
    merged.counts = b.counts.clone().or(a.counts.clone());
    merged.word_core = a.word_core && b.word_core;
    merged.plain_int = None;
    let precision = da.step().max(db.step());
    match build(st, i, end, &merged, Approx::Range, Some(lo), Some(hi), lo, precision) {
        Some(q) => Step::Found(q, end),
        None => Step::Skip(end),
    }
}

/// When a range falls apart, the first number alone.
fn fallback_single(st: &Stream<'_>, i: usize, s1: &Simple, r: &Rules) -> Step {
    match accept(st, i, s1, s1.end, Approx::Exact, r) {
        Some(q) => Step::Found(q, s1.end),
        None => Step::Nothing,
    }
}

/// Checks a single quantity against the exclusions and builds it.
fn accept(
    st: &Stream<'_>,
    i: usize,
    s: &Simple,
    end: usize,
    approx: Approx,
    r: &Rules,
) -> Option<Quantity> {
    let kind = s.unit.map(|u| u.0);
    let before = i.checked_sub(1);
    let prev_word = before.filter(|&p| st.is_word(p)).map(|p| st.lower(p)).unwrap_or("");
    // Years used as dates.
    if is_year_like(s.plain_int) && s.scale.is_none() && approx == Approx::Exact {
        let year_ctx = r.year_context.contains(&prev_word)
            || before.is_some_and(|p| crate::dates::is_month_word(st, p));
        match (&s.unit, &s.counts) {
            (None, None) => return None,
            (None, Some(noun)) => {
                if year_ctx || !plural_like(noun, r) {
                    return None;
                }
            }
            (Some(_), _) => {
                if year_ctx && !s.prefix_currency {
                    return None;
                }
            }
        }
    }
    // "two days ago", "vor zwei Tagen": dates, not durations.
    if kind == Some(QuantityKind::Duration)
        && (r.ago_after.contains(&st.lower(end)) || r.ago_before.contains(&prev_word))
    {
        return None;
    }
    let bare = s.unit.is_none();
    if bare {
        if matches!(s.val, Val::Vague(..)) && s.counts.is_none() {
            return None;
        }
        // Number words need something to count ("three children").
        if s.word_core && s.counts.is_none() && s.scale.is_none() && approx == Approx::Exact {
            return None;
        }
        // "one" alone is too often a pronoun ("if one occurred", "one of").
        if s.word_core && s.scale.is_none() && r.one_words.contains(&st.lower(s.start)) {
            return None;
        }
        if let Some((v, digits)) = s.plain_int {
            let raw = st.raw(s.start);
            // Codes and ids: "08", "061313", "20697025".
            if raw.starts_with('0') && digits > 1 {
                return None;
            }
            if s.counts.is_none() && digits >= 5 && approx == Approx::Exact && v >= 10_000 {
                return None;
            }
        }
        if approx == Approx::Exact && !s.word_core && after_label(st, i, r) {
            return None;
        }
    }
    let d = s.dec();
    let (value, precision, lo, hi) = match (s.val, d) {
        (Val::Vague(lo, hi), _) => (lo, 1.0, Some(lo), Some(hi)),
        (_, Some(d)) => {
            let v = d.value();
            let (lo, hi) = interval(approx, v);
            (v, d.step(), lo, hi)
        }
        _ => return None,
    };
    if !value.is_finite() {
        return None;
    }
    let approx = if matches!(s.val, Val::Vague(..)) { Approx::Range } else { approx };
    build(st, i, end, s, approx, lo, hi, value, precision)
}

/// A number after a label: "Article 5", "Boeing 737", "No. 10", "#3".
fn after_label(st: &Stream<'_>, i: usize, r: &Rules) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return false;
    };
    (st.is_word(p) && st.is_capitalised(p) && !r.stop.contains(&st.lower(p)))
        || st.is_sym(p, '#')
        || st.is_sym(p, '№')
        || (st.is_sym(p, '.')
            && p > 0
            && matches!(st.lower(p - 1), "no" | "nr" | "nos" | "art" | "p"))
}

/// The interval a hedge allows around `v`.
fn interval(a: Approx, v: f64) -> (Option<f64>, Option<f64>) {
    match a {
        Approx::Exact | Approx::Range => (Some(v), Some(v)),
        Approx::About => (Some(v * 0.9), Some(v * 1.1)),
        Approx::Nearly => (Some(v * 0.9), Some(v)),
        Approx::AtLeast | Approx::MoreThan => (Some(v), None),
        Approx::AtMost | Approx::LessThan => (None, Some(v)),
    }
}

#[allow(clippy::too_many_arguments)]
fn build(
    st: &Stream<'_>,
    i: usize,
    end: usize,
    s: &Simple,
    approx: Approx,
    low: Option<f64>,
    high: Option<f64>,
    value: f64,
    precision: f64,
) -> Option<Quantity> {
    let (a, b) = st.bytes(i, end);
    let text = st.text.get(a..b)?.to_string();
    let (kind, unit) = match s.unit {
        Some((k, u, _)) => (k, u.to_string()),
        None if s.counts.is_some() || matches!(s.val, Val::Vague(..)) => {
            (QuantityKind::Count, String::new())
        }
        None => (QuantityKind::Number, String::new()),
    };
    Some(Quantity {
        span: Span::new(a, b),
        text,
        value,
        unit,
        kind,
        counts: if s.unit.is_none() { s.counts.clone() } else { None },
        approx,
        low,
        high,
        precision,
    })
}

/// English counted nouns that make a four-digit number a count, not a year
/// ("2000 troops", but "the 2024 election").
fn plural_like(noun: &str, r: &Rules) -> bool {
    if r.nouns_capitalised {
        return false;
    }
    noun.ends_with('s')
        || matches!(
            noun,
            "people" | "children" | "men" | "women" | "police" | "staff" | "personnel"
        )
}

/// Parses one number with its currency prefix, scale, unit and counted noun
/// starting at `k`.
fn parse_simple(st: &Stream<'_>, k: usize, r: &Rules) -> Option<Simple> {
    let start = k;
    let (prefix, k) = match st.longest_raw(k, CURRENCY_PREFIX) {
        Some((j, code)) if st.is_num(j) => (Some(code), j),
        _ => (None, k),
    };
    let (val, mut e, plain_int, word_core) = core_at(st, k, prefix.is_some(), r)?;
    let mut simple = Simple {
        start,
        end: e,
        val,
        plain_int,
        word_core,
        scale: None,
        unit: prefix.map(|c| (QuantityKind::Money, c, (1, 0))),
        prefix_currency: prefix.is_some(),
        counts: None,
    };
    if let Val::Vague(..) = val {
        if let Some((e2, noun)) = count_noun(st, e, r) {
            simple.counts = Some(noun);
            e = e2;
        }
        simple.end = e;
        return Some(simple);
    }
    // German duration adjectives on digits: "48-stündigen".
    if let Some(e2) = hyphen_stem(st, e, r) {
        simple.unit = Some(e2.1);
        simple.end = e2.0;
        return Some(simple);
    }
    if let Some((u, e2)) = de_stem_core(st, k, r) {
        // "zweitägigen" was read as a whole by core_at.
        simple.unit = Some(u);
        simple.end = e2;
        return Some(simple);
    }
    // Scale words.
    let core_end = e;
    if let Some((e2, sc)) = st.longest(e, r.scales) {
        simple.scale = Some(sc);
        e = e2;
    } else if let Some((e2, (sc, needs_currency))) = st.longest_raw(e, SYMBOL_SCALES) {
        let single = st.raw(e).chars().count() == 1;
        let glued = st.glued(e);
        let currency_follows = currency_at(st, e2, r).is_some();
        let ok_glue = glued || !single;
        let ok_cur = !needs_currency || prefix.is_some() || currency_follows;
        if ok_glue && ok_cur {
            simple.scale = Some(sc);
            e = e2;
        }
    }
    // The unit.
    if let Some((e2, u)) = unit_at(st, e, r, simple.scale.is_some(), prefix) {
        match (prefix, u.0) {
            (Some(code), QuantityKind::Money) if code == u.1 => e = e2,
            (Some(_), _) => {}
            (None, _) => {
                simple.unit = Some(u);
                e = e2;
            }
        }
    }
    // A glued word no rule read: "5th", "5G", "1990s".
    if !word_core && st.is_word(core_end) && st.glued(core_end) && e == core_end {
        return None;
    }
    if !word_core && simple.scale.is_none() && simple.unit.is_none() {
        if st.longest(e, r.time_after).is_some() {
            return None;
        }
        // Dates: "April 4", "4 April", "4. April".
        let month_next = crate::dates::is_month_word(st, e)
            || (st.is_sym(e, '.') && st.glued(e) && crate::dates::is_month_word(st, e + 1));
        let month_prev = start > 0
            && (crate::dates::is_month_word(st, start - 1)
                || (start > 1
                    && st.is_sym(start - 1, '.')
                    && crate::dates::is_month_word(st, start - 2)));
        if month_next || month_prev {
            return None;
        }
        // German ordinals: "der 5. Platz".
        if r.ordinal_dot
            && st.is_sym(e, '.')
            && st.glued(e)
            && st.is_word(e + 1)
            && !st.tok(e + 1).is_some_and(|t| t.newline)
        {
            return None;
        }
    }
    if simple.unit.is_none()
        && let Some((e2, noun)) = count_noun(st, e, r)
    {
        simple.counts = Some(noun);
        e = e2;
    }
    simple.end = e;
    Some(simple)
}

/// A number core: value, end, plain integer (value, digit count) and
/// whether it is made of words.
type Core = (Val, usize, Option<(u64, usize)>, bool);

/// The number at `k`.
fn core_at(st: &Stream<'_>, k: usize, has_prefix: bool, r: &Rules) -> Option<Core> {
    let t = st.tok(k)?;
    match t.kind {
        scan::Kind::Num => {
            if (!has_prefix && embedded(st, k)) || skip_non_quantity_run(st, k).is_some() {
                return None;
            }
            let raw = st.raw(k);
            let d = scan::parse_number(raw, r.decimal_comma)?;
            let plain = raw.bytes().all(|b| b.is_ascii_digit()).then_some((d.mant, raw.len()));
            Some((Val::Num(d), k + 1, plain, false))
        }
        scan::Kind::Word => {
            if has_prefix {
                return None;
            }
            if let Some((e, (lo, hi))) = st.longest(k, r.vague) {
                return Some((Val::Vague(lo, hi), e, None, true));
            }
            let w = st.lower(k);
            if r.one_words.contains(&w) && st.longest(k + 1, r.scales).is_some() {
                return Some((Val::Num(Dec::int(1)), k + 1, None, true));
            }
            match r.words {
                Words::En => {
                    let (v, e) = scan::en_number_words(st, k)?;
                    Some((Val::Num(Dec::int(v)), e, None, true))
                }
                Words::De => {
                    if let Some(v) = scan::de_number_word(w) {
                        if w == "eine" || w == "einen" {
                            return None;
                        }
                        return Some((Val::Num(Dec::int(v)), k + 1, None, true));
                    }
                    let (v, _) = de_stem_split(w, r)?;
                    Some((Val::Num(Dec::int(v)), k + 1, None, true))
                }
                Words::None => None,
            }
        }
        scan::Kind::Sym => None,
    }
}

/// A number inside a name or code: "G7", "COVID-19", "F-35", "A380".
fn embedded(st: &Stream<'_>, k: usize) -> bool {
    if !st.glued(k) || k == 0 {
        return false;
    }
    let p = k - 1;
    if st.is_word(p) {
        return true;
    }
    if (st.is_sym(p, '-') || st.is_sym(p, '.') || st.is_sym(p, '_') || st.is_sym(p, '/'))
        && p > 0
        && st.glued(p)
        && st.is_word(p - 1)
    {
        return true;
    }
    st.is_sym(p, '+') || st.is_sym(p, '#') || st.is_sym(p, '@') || st.is_sym(p, '\\')
}

/// "zweitägigen" → (2, "day"): a German number word glued to a duration
/// adjective stem.
fn de_stem_split(w: &str, r: &Rules) -> Option<(u64, &'static str)> {
    for (stem, unit) in r.duration_stems {
        if let Some(pos) = w.find(stem) {
            let ending = &w[pos + stem.len()..];
            if !matches!(ending, "" | "e" | "en" | "er" | "es" | "em") {
                continue;
            }
            let v = scan::de_number_word(&w[..pos]).or(match &w[..pos] {
                "ein" => Some(1),
                _ => None,
            })?;
            return Some((v, unit));
        }
    }
    None
}

fn de_stem_core(st: &Stream<'_>, k: usize, r: &Rules) -> Option<(UnitDef, usize)> {
    if r.duration_stems.is_empty() || !st.is_word(k) {
        return None;
    }
    let (_, unit) = de_stem_split(st.lower(k), r)?;
    Some(((QuantityKind::Duration, unit, (1, 0)), k + 1))
}

/// "48-stündigen": a hyphen and a bare duration stem after digits.
fn hyphen_stem(st: &Stream<'_>, e: usize, r: &Rules) -> Option<(usize, UnitDef)> {
    if r.duration_stems.is_empty()
        || !st.is_sym(e, '-')
        || !st.glued(e)
        || !st.glued(e + 1)
        || !st.is_word(e + 1)
    {
        return None;
    }
    let w = st.lower(e + 1);
    for (stem, unit) in r.duration_stems {
        if let Some(rest) = w.strip_prefix(stem)
            && matches!(rest, "" | "e" | "en" | "er" | "es" | "em")
        {
            return Some((e + 2, (QuantityKind::Duration, unit, (1, 0))));
        }
    }
    None
}

/// A currency unit at `e` (symbol, code or word).
fn currency_at(st: &Stream<'_>, e: usize, r: &Rules) -> Option<(usize, UnitDef)> {
    let sym = st.longest_raw(e, SYMBOL_UNITS).filter(|(_, u)| u.0 == QuantityKind::Money);
    let word = st.longest(e, r.units).filter(|(_, u)| u.0 == QuantityKind::Money);
    let weak = st.longest(e, r.weak_currency);
    sym.or(word).or(weak)
}

/// The unit at `e`: symbols and codes, words, and hyphenated forms
/// ("two-day", "10-km").
fn unit_at(
    st: &Stream<'_>,
    e: usize,
    r: &Rules,
    has_scale: bool,
    prefix: Option<&str>,
) -> Option<(usize, UnitDef)> {
    if st.is_sym(e, '-') && st.glued(e) && st.glued(e + 1) && st.is_word(e + 1) {
        let f = |(j, u): (usize, UnitDef)| {
            matches!(u.0, QuantityKind::Duration | QuantityKind::Measure).then_some((j, u))
        };
        return st
            .longest(e + 1, r.units)
            .and_then(f)
            .or_else(|| st.longest_raw(e + 1, SYMBOL_UNITS).and_then(f));
    }
    let sym = st.longest_raw(e, SYMBOL_UNITS).filter(|(j, _)| {
        let single = st.raw(e).chars().count() == 1 && *j == e + 1 && st.is_word(e);
        // Single letters only glued: "50m", "48h".
        (!single || st.glued(e))
            // and not the start of a longer word: "5 hours" is not "5 h".
            && !(st.is_word(*j) && st.glued(*j))
    });
    let word = st.longest(e, r.units).filter(|(j, _)| !(st.is_word(*j) && st.glued(*j)));
    let best = match (sym, word) {
        (Some(a), Some(b)) => Some(if b.0 > a.0 { b } else { a }),
        (a, b) => a.or(b),
    };
    if best.is_some() {
        return best;
    }
    if let Some((j, u)) = st.longest(e, r.weak_currency) {
        if has_scale || prefix.is_some() {
            return Some((j, u));
        }
        if st.lower(e) == "pounds" {
            return Some((j, (QuantityKind::Measure, "lb", (1, 0))));
        }
    }
    None
}

/// English adjective endings skipped before the counted noun.
fn adjective_like(w: &str) -> bool {
    w.chars().count() > 4
        && ["ian", "ese", "ish", "al", "ed", "ive", "ous", "ful", "less", "ic", "ary"]
            .iter()
            .any(|s| w.ends_with(s))
}

/// The noun a number counts, starting at `j`: "12 people", "300 Russian
/// soldiers", "300 russische Soldaten".
fn count_noun(st: &Stream<'_>, j: usize, r: &Rules) -> Option<(usize, String)> {
    if r.stop.is_empty() || !st.is_word(j) || st.glued(j) {
        return None;
    }
    let content = |k: usize| {
        st.is_word(k)
            && !st.glued(k)
            && !r.stop.contains(&st.lower(k))
            && !st.tok(k).is_some_and(|t| t.newline)
    };
    if !content(j) {
        return None;
    }
    let noun_end = |k: usize| {
        // Hyphenated nouns: "US-Soldaten", "aid-workers".
        if st.is_sym(k + 1, '-') && st.glued(k + 1) && st.glued(k + 2) && st.is_word(k + 2) {
            k + 3
        } else {
            k + 1
        }
    };
    let word_of = |a: usize, b: usize| {
        let (s, e) = st.bytes(a, b);
        st.text.get(s..e).map(|x| x.to_lowercase())
    };
    if r.nouns_capitalised {
        for k in j..j + 3 {
            if !content(k) {
                return None;
            }
            if st.is_capitalised(k) {
                let e = noun_end(k);
                return Some((e, word_of(k, e)?));
            }
            let w = st.lower(k);
            if !["e", "en", "er", "es", "em"].iter().any(|s| w.ends_with(s)) {
                return None;
            }
        }
        return None;
    }
    let lower_content = |k: usize| content(k) && !st.is_capitalised(k);
    if st.is_capitalised(j) {
        if lower_content(j + 1) && !st.is_sym(j + 1, '-') {
            let e = noun_end(j + 1);
            return Some((e, word_of(j + 1, e)?));
        }
        return None;
    }
    let w = st.lower(j);
    if (r.count_adjectives.contains(&w) || adjective_like(w)) && lower_content(j + 1) {
        let e = noun_end(j + 1);
        return Some((e, word_of(j + 1, e)?));
    }
    // Noun compounds: "27 member states", "12 fire engines".
    if !w.ends_with('s') && lower_content(j + 1) && st.lower(j + 1).ends_with('s') {
        let e = noun_end(j + 1);
        return Some((e, word_of(j, e)?));
    }
    let e = noun_end(j);
    Some((e, word_of(j, e)?))
}
