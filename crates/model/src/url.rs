//! URL canonicalisation, outlet names from hosts, and dates in URL paths.

use chrono::NaiveDate;

use crate::Published;

/// Query parameters that track campaigns and never change the page.
const TRACKING: [&str; 9] =
    ["fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "ito", "ref", "smid"];

/// Canonical form of an absolute http(s) URL: lower-case scheme and host, no
/// fragment, no default port, no tracking parameters (`utm_*` and the like).
/// Returns `None` for anything that is not an absolute http(s) URL.
pub fn canonicalize(raw: &str) -> Option<String> {
    let mut u = url::Url::parse(raw.trim()).ok()?;
    if !matches!(u.scheme(), "http" | "https") || u.host_str().is_none() {
        return None;
    }
    u.set_fragment(None);
    let kept: Vec<(String, String)> = u
        .query_pairs()
        .filter(|(k, _)| {
            let k = k.to_ascii_lowercase();
            !k.starts_with("utm_") && !TRACKING.contains(&k.as_str())
        })
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        u.set_query(None);
    } else {
        u.query_pairs_mut().clear().extend_pairs(kept);
    }
    Some(u.to_string())
}

/// The outlet name implied by a URL's host: `https://www.aljazeera.com/x` →
/// `aljazeera.com`. Leading `www.`, `m.`, `amp.` and `edition.` are dropped.
pub fn outlet_from_url(raw: &str) -> Option<String> {
    let u = url::Url::parse(raw.trim()).ok()?;
    let mut host = u.host_str()?.to_ascii_lowercase();
    for prefix in ["www.", "m.", "amp.", "edition.", "mobile."] {
        if let Some(rest) = host.strip_prefix(prefix)
            && rest.contains('.')
        {
            host = rest.to_string();
        }
    }
    Some(host)
}

/// A publication date written in a URL path: `/2025/04/04/`, `/2025-04-04/`,
/// `/20250404/` (dates before 1995 or that do not exist are ignored).
pub fn date_from_url(raw: &str) -> Option<Published> {
    let u = url::Url::parse(raw.trim()).ok()?;
    let segs: Vec<&str> = u.path_segments()?.collect();
    let num = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
    };
    let ok = |y: u32, m: u32, d: u32| -> Option<NaiveDate> {
        if (1995..=2100).contains(&y) { NaiveDate::from_ymd_opt(y as i32, m, d) } else { None }
    };
    let mut found = None;
    for i in 0..segs.len() {
        if let (Some(y), Some(m), Some(d)) = (
            num(segs[i], 4),
            segs.get(i + 1).and_then(|s| num(s, 2)),
            segs.get(i + 2).and_then(|s| num(s.get(..2).unwrap_or(s), 2)),
        ) {
            found = ok(y, m, d);
        } else if let Some(rest) = segs[i].get(..10) {
            let p: Vec<&str> = rest.split('-').collect();
            if let [y, m, d] = p[..]
                && let (Some(y), Some(m), Some(d)) = (num(y, 4), num(m, 2), num(d, 2))
            {
                found = ok(y, m, d);
            }
        }
        if found.is_none()
            && let Some(n) = num(segs[i], 8)
        {
            found = ok(n / 10000, n / 100 % 100, n % 100);
        }
        if found.is_some() {
            break;
        }
    }
    let date = found?;
    Some(Published {
        utc: date.and_hms_opt(0, 0, 0)?.and_utc(),
        original: raw.trim().to_string(),
        zone_known: false,
        date_only: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_urls() {
        assert_eq!(
            canonicalize("HTTPS://WWW.Example.com:443/a/b?utm_source=x&id=3#frag").as_deref(),
            Some("https://www.example.com/a/b?id=3")
        );
        assert_eq!(canonicalize("ftp://x.org/a"), None);
        assert_eq!(canonicalize("not a url"), None);
    }

    #[test]
    fn outlets_from_hosts() {
        assert_eq!(
            outlet_from_url("https://www.aljazeera.com/news/x").as_deref(),
            Some("aljazeera.com")
        );
        assert_eq!(outlet_from_url("https://m.kyivpost.com/").as_deref(), Some("kyivpost.com"));
    }

    #[test]
    fn dates_in_paths() {
        let d = |u: &str| date_from_url(u).map(|p| p.utc.date_naive().to_string());
        assert_eq!(d("https://x.com/news/2025/4/4/a").as_deref(), None);
        assert_eq!(d("https://x.com/news/2025/04/04/rubio").as_deref(), Some("2025-04-04"));
        assert_eq!(d("https://x.com/2025-04-04-rubio-nato").as_deref(), Some("2025-04-04"));
        assert_eq!(d("https://x.com/a/20250404/b").as_deref(), Some("2025-04-04"));
        assert_eq!(d("https://x.com/a/1234/56/78/b"), None);
    }
}
