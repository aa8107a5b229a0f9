//! Publication times: parsing the notations found in the wild, keeping the original.
//!
//! Sources write dates as RFC 3339 (`2025-04-04T10:30:00+02:00`), RFC 2822 in feeds
//! (`Fri, 04 Apr 2025 08:30:00 GMT`), bare dates (`2025-04-04`), local times with no
//! zone, compact offsets (`+0200`), and prose (`April 4, 2025`, `4 April 2025`).
//! [`parse`] accepts all of these. A value without a zone is taken as UTC and marked
//! with [`Published::zone_known`] `= false`; a bare date is marked `date_only`.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

/// When an article was published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    /// The instant, in UTC.
    pub utc: DateTime<Utc>,
    /// The notation as found in the source.
    pub original: String,
    /// False when the source gave no time zone (UTC was assumed).
    pub zone_known: bool,
    /// True when the source gave a date with no time of day (midnight UTC is stored).
    pub date_only: bool,
}

impl Published {
    /// A value from a known UTC instant.
    pub fn from_utc(utc: DateTime<Utc>, original: impl Into<String>) -> Self {
        Published { utc, original: original.into(), zone_known: true, date_only: false }
    }

    /// True when the date is after 1995-01-01 and at most two days after `now`:
    /// anything else is a copyright year, a placeholder or a typo.
    pub fn is_plausible(&self, now: DateTime<Utc>) -> bool {
        let floor = Utc.with_ymd_and_hms(1995, 1, 1, 0, 0, 0).single();
        floor.is_some_and(|f| self.utc >= f) && self.utc <= now + chrono::Duration::days(2)
    }
}

const MONTHS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Parses a date or date-time in any of the supported notations.
pub fn parse(s: &str) -> Option<Published> {
    let t = s.trim();
    if t.is_empty() || t.len() > 100 {
        return None;
    }
    let mk = |utc: DateTime<Utc>, zone_known: bool, date_only: bool| Published {
        utc,
        original: t.to_string(),
        zone_known,
        date_only,
    };
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Some(mk(dt.with_timezone(&Utc), true, false));
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(t) {
        return Some(mk(dt.with_timezone(&Utc), true, false));
    }
    // RFC 2822 with a named zone chrono does not know, or without a zone.
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%d %H:%M:%S%.f%z", "%Y-%m-%d %H:%M:%S %z"] {
        if let Ok(dt) = DateTime::parse_from_str(t, fmt) {
            return Some(mk(dt.with_timezone(&Utc), true, false));
        }
    }
    // Trailing "Z" or "UTC"/"GMT" with formats chrono's rfc3339 refuses (e.g. no seconds).
    let (body, zulu) = strip_utc_suffix(t);
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M:%S",
        "%Y/%m/%d %H:%M",
    ] {
        if let Ok(ndt) = NaiveDateTime::parse_from_str(body, fmt) {
            return Some(mk(ndt.and_utc(), zulu, false));
        }
    }
    for fmt in ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%d.%m.%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(body, fmt) {
            return Some(mk(d.and_time(NaiveTime::MIN).and_utc(), zulu, true));
        }
    }
    // A date-time whose date part we can parse, with a time part we cannot: keep the date.
    if body.len() > 10
        && let Some(prefix) = body.get(..10)
        && let Ok(d) = NaiveDate::parse_from_str(prefix, "%Y-%m-%d")
    {
        return Some(mk(d.and_time(NaiveTime::MIN).and_utc(), false, true));
    }
    parse_prose(t).map(|d| mk(d.and_time(NaiveTime::MIN).and_utc(), false, true))
}

fn strip_utc_suffix(t: &str) -> (&str, bool) {
    for suffix in ["Z", " UTC", " GMT", "UTC", "GMT"] {
        if let Some(b) = t.strip_suffix(suffix) {
            return (b.trim_end(), true);
        }
    }
    (t, false)
}

/// "April 4, 2025", "Apr. 4 2025", "4 April 2025", "Friday, 4 April 2025".
fn parse_prose(t: &str) -> Option<NaiveDate> {
    let words: Vec<String> = t
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    let month_at = |w: &str| -> Option<u32> {
        if w.len() < 3 {
            return None;
        }
        MONTHS.iter().position(|m| w.starts_with(m)).map(|i| i as u32 + 1)
    };
    for (i, w) in words.iter().enumerate() {
        let Some(month) = month_at(w) else { continue };
        let num = |j: usize| -> Option<u32> {
            words
                .get(j)
                .and_then(|w| w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']).parse().ok())
        };
        // Month D, YYYY
        if let (Some(d), Some(y)) = (num(i + 1), num(i + 2))
            && y > 1900
            && let Some(date) = NaiveDate::from_ymd_opt(y as i32, month, d)
        {
            return Some(date);
        }
        // D Month YYYY
        if i > 0
            && let (Some(d), Some(y)) = (num(i - 1), num(i + 1))
            && y > 1900
            && let Some(date) = NaiveDate::from_ymd_opt(y as i32, month, d)
        {
            return Some(date);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> String {
        parse(s).map(|p| p.utc.to_rfc3339()).unwrap_or_default()
    }

    #[test]
    fn parses_common_notations() {
        assert_eq!(utc("2025-04-04T10:30:00+02:00"), "2025-04-04T08:30:00+00:00");
        assert_eq!(utc("Fri, 04 Apr 2025 08:30:00 GMT"), "2025-04-04T08:30:00+00:00");
        assert_eq!(utc("2025-04-04T08:30:00.123Z"), "2025-04-04T08:30:00.123+00:00");
        assert_eq!(utc("2025-04-04T10:30:00+0200"), "2025-04-04T08:30:00+00:00");
        assert_eq!(utc("2025-04-04 08:30"), "2025-04-04T08:30:00+00:00");
        assert_eq!(utc("2025-04-04"), "2025-04-04T00:00:00+00:00");
        assert_eq!(utc("April 4, 2025"), "2025-04-04T00:00:00+00:00");
        assert_eq!(utc("Friday, 4th April 2025"), "2025-04-04T00:00:00+00:00");
        assert_eq!(utc("04.04.2025"), "2025-04-04T00:00:00+00:00");
    }

    #[test]
    fn keeps_original_and_flags() {
        let p = parse(" 2025-04-04 ").unwrap_or_else(|| panic!("parse"));
        assert_eq!(p.original, "2025-04-04");
        assert!(p.date_only);
        assert!(!p.zone_known);
        let q = parse("2025-04-04T08:30:00").unwrap_or_else(|| panic!("parse"));
        assert!(!q.zone_known && !q.date_only);
    }

    #[test]
    fn rejects_garbage_and_implausible() {
        assert!(parse("yesterday-ish").is_none());
        assert!(parse("").is_none());
        let old = parse("1970-01-01").unwrap_or_else(|| panic!("parse"));
        assert!(!old.is_plausible(Utc::now()));
    }
}
