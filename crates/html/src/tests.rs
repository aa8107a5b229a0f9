//! Tests on small pages written for these tests.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;

const BODY: &str = r#"<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge in the old town reopened on Monday after eight months of repairs, the city council said, ahead of the busy summer season.</p>
<p>Engineers replaced the worn steel cables and resurfaced the deck, which carries about twelve thousand vehicles a day between the two districts.</p>
<p>Advertisement</p>
<p>"We finished on time and on budget," said the project lead, adding that cyclists would now have a separate lane on the eastern side.</p>
<p>Local shop owners welcomed the news, saying the closure had cut the number of visitors from the far bank by almost half over the winter.</p>
</article>
<footer>Copyright 2019 Example News. All rights reserved.</footer>
</body></html>"#;

fn page(head: &str) -> String {
    format!("<!DOCTYPE html><html lang=\"en-GB\"><head>{head}</head>{BODY}")
}

fn doc(html: &str, url: Option<&str>) -> HtmlDoc {
    parse(html.as_bytes(), None, url, &HtmlConfig::default()).expect("page parses")
}

fn day(p: &Option<Published>) -> String {
    p.as_ref().map(|p| p.utc.date_naive().to_string()).unwrap_or_default()
}

const URL: &str = "https://news.example.com/2021/03/05/bridge";

#[test]
fn date_cascade_prefers_json_ld_then_meta_then_time_then_url() {
    let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","name":"Example News"},
        {"@type":"NewsArticle","headline":"Bridge reopens","datePublished":"2021-03-02T09:00:00Z",
         "dateModified":"2021-03-03T10:00:00Z","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chen"}],
         "publisher":{"@type":"Organization","name":"Example News"}}]}</script>"#;
    let meta = r#"<meta property="article:published_time" content="2021-03-03T08:00:00+01:00">"#;
    let time = r#"<time datetime="2021-03-04">4 March</time>"#;
    let with_time = |head: &str| page(head).replace("<article>", &format!("<article>{time}"));

    let all = doc(&with_time(&format!("{ld}{meta}")), Some(URL));
    assert_eq!(day(&all.published), "2021-03-02");
    assert_eq!(day(&all.modified), "2021-03-03");
    assert_eq!(all.authors, ["Ann Lee", "Bo Chen"]);
    assert_eq!(all.site_name.as_deref(), Some("Example News"));

    assert_eq!(day(&doc(&with_time(meta), Some(URL)).published), "2021-03-03");
    assert_eq!(day(&doc(&with_time(""), Some(URL)).published), "2021-03-04");
    assert_eq!(day(&doc(&page(""), Some(URL)).published), "2021-03-05");
    assert_eq!(doc(&page(""), None).published, None);
}

#[test]
fn implausible_dates_are_skipped() {
    let head = r#"<script type="application/ld+json">{"@type":"Article","datePublished":"2999-01-01"}</script>
        <meta name="date" content="1970-01-01"><meta itemprop="datePublished" content="2020-06-30">"#;
    assert_eq!(day(&doc(&page(head), None).published), "2020-06-30");
}

#[test]
fn title_suffixes_are_stripped() {
    let d = doc(&page("<title>Harbour bridge reopens after repairs | Example News</title>"), None);
    assert_eq!(d.title.as_deref(), Some("Harbour bridge reopens after repairs"));
    // A known site name also goes when it comes first, and og:title wins over <title>.
    let head = r#"<meta property="og:site_name" content="Example News">
        <meta property="og:title" content="Example News - Bridge reopens on Monday">
        <title>Something else entirely here</title>"#;
    assert_eq!(doc(&page(head), None).title.as_deref(), Some("Bridge reopens on Monday"));
    // A dash inside a headline with a long tail is kept.
    let d = doc(&page("<title>Paris - the city that never stops changing its mind</title>"), None);
    assert_eq!(d.title.as_deref(), Some("Paris - the city that never stops changing its mind"));
}

#[test]
fn authors_from_meta_and_rel_author() {
    let d = doc(&page(r#"<meta name="author" content="By Jane Doe and John Roe">"#), None);
    assert_eq!(d.authors, ["Jane Doe", "John Roe"]);
    let head = r#"<meta property="article:author" content="https://facebook.com/someone">"#;
    let html = page(head).replace(
        "<article>",
        r#"<article><p class="byline">By <a rel="author" href="/staff/mia">Mia Park</a></p>"#,
    );
    assert_eq!(doc(&html, None).authors, ["Mia Park"]);
}

#[test]
fn other_metadata() {
    let head = r#"<link rel="canonical" href="https://news.example.com/bridge">
        <meta name="description" content="The bridge is open &amp; busy.">"#;
    let d = doc(&page(head), None);
    assert_eq!(d.canonical_url.as_deref(), Some("https://news.example.com/bridge"));
    assert_eq!(d.description.as_deref(), Some("The bridge is open & busy."));
    assert_eq!(d.language.as_deref(), Some("en-GB"));
    // A relative canonical link is not used.
    let d = doc(&page(r#"<link rel="canonical" href="/bridge">"#), None);
    assert_eq!(d.canonical_url, None);
}

#[test]
fn paragraphs_are_kept_and_furniture_dropped() {
    let d = doc(&page(""), None);
    let joined = d.paragraphs.join("\n");
    assert!(d.paragraphs.iter().any(|p| p.starts_with("The harbour bridge in the old town")));
    assert!(d.paragraphs.iter().any(|p| p.starts_with("Engineers replaced")));
    assert!(d.paragraphs.len() >= 4, "{:?}", d.paragraphs);
    assert!(!d.paragraphs.iter().any(|p| p == "Advertisement"));
    assert!(!joined.contains("All rights reserved"));
    for p in &d.paragraphs {
        assert!(!p.contains('\n'));
    }
}

#[test]
fn each_engine_keeps_paragraphs() {
    for extractor in [Extractor::Trafilatura, Extractor::DomSmoothie] {
        let cfg = HtmlConfig { extractor, ..HtmlConfig::default() };
        let d = parse(page("").as_bytes(), None, None, &cfg).unwrap();
        assert!(d.paragraphs.len() >= 4, "{extractor:?}: {:?}", d.paragraphs);
    }
}

#[test]
fn windows_1252_with_meta_charset() {
    let mut bytes = page(r#"<meta charset="windows-1252"><title>Caf&eacute;</title>"#).into_bytes();
    // "Monday" → "Monday \x93caf\xe9\x94" in windows-1252.
    let at = bytes.windows(6).position(|w| w == b"Monday").unwrap() + 6;
    bytes.splice(at..at, b" \x93caf\xe9\x94".iter().copied());
    let d = parse(&bytes, None, None, &HtmlConfig::default()).unwrap();
    assert_eq!(d.encoding, "windows-1252");
    assert!(d.paragraphs.iter().any(|p| p.contains("Monday \u{201c}caf\u{e9}\u{201d}")));
}

#[test]
fn utf8_bom_page() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(page("<title>Überblick über die Brücke</title>").into_bytes());
    assert!(looks_like_html(&bytes));
    let d = parse(&bytes, None, None, &HtmlConfig::default()).unwrap();
    assert_eq!(d.encoding, "UTF-8");
    assert_eq!(d.title.as_deref(), Some("Überblick über die Brücke"));
}

#[test]
fn header_charset_decides() {
    let latin1 = b"<html><body><p>Gar\xe7on, un caf\xe9.</p></body></html>";
    let (text, enc) = decode(latin1, Some("text/html; charset=ISO-8859-1")).unwrap();
    assert_eq!(enc, "windows-1252"); // the WHATWG name for ISO-8859-1
    assert!(text.contains("Garçon, un café."));

    let (sjis, _, _) =
        encoding_rs::SHIFT_JIS.encode("<html><body><p>東京の橋が再開</p></body></html>");
    let (text, enc) = decode(&sjis, Some("text/html; charset=\"Shift_JIS\"")).unwrap();
    assert_eq!(enc, "Shift_JIS");
    assert!(text.contains("東京の橋が再開"));
    // Without any declaration the detector finds it.
    let long =
        "<html><body><p>東京の橋が再開しました。市は月曜日に発表しました。</p></body></html>";
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(long);
    assert_eq!(decode(&sjis, None).unwrap().1, "Shift_JIS");
}

#[test]
fn undecodable_bytes_are_bad_encoding() {
    // A UTF-8 BOM fixes the encoding; the rest is not UTF-8 at all.
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(b"<html><body><p>");
    bytes.extend(std::iter::repeat_n([0xC3u8, 0x28], 200).flatten());
    let err = decode(&bytes, None).unwrap_err();
    assert!(
        matches!(err, HtmlError::BadEncoding { encoding: "UTF-8", replaced: 200, .. }),
        "{err}"
    );
    assert_eq!(err.reason(), parallax_model::RejectReason::BadEncoding);
    // Declared UTF-8 but not valid: the detector picks a legacy encoding instead.
    let mut bytes = b"<html><body><p>Caf".to_vec();
    bytes.extend([0xE9, b' ', b'o', b'k']);
    let (text, enc) = decode(&bytes, Some("text/html; charset=utf-8")).unwrap();
    assert_eq!((text.as_str(), enc), ("<html><body><p>Café ok", "windows-1252"));
}

#[test]
fn not_html_too_large_and_empty() {
    let cfg = HtmlConfig::default();
    for bytes in [&b"{\"title\": \"<p>x</p>\"}"[..], b"\x89PNG\r\n\x1a\n\0\0", b"", b"   \n"] {
        let err = parse(bytes, None, None, &cfg).unwrap_err();
        assert!(matches!(err, HtmlError::NotHtml { .. }), "{err}");
        assert_eq!(err.reason(), parallax_model::RejectReason::NotArticle);
    }
    let small = HtmlConfig { max_bytes: 100, ..HtmlConfig::default() };
    let err = parse(page("").as_bytes(), None, None, &small).unwrap_err();
    assert_eq!(err, HtmlError::TooLarge { size: page("").len(), limit: 100 });
    assert_eq!(err.reason(), parallax_model::RejectReason::TooLarge);
    assert!(err.to_string().contains("over the limit"));

    let empty = "<!doctype html><html><head><title>Nothing here</title></head><body></body></html>";
    let err = parse(empty.as_bytes(), None, None, &cfg).unwrap_err();
    assert!(matches!(err, HtmlError::NoMainText { chars, min: 100 } if chars < 100), "{err}");
    assert_eq!(err.reason(), parallax_model::RejectReason::NoMainText);
}

#[test]
fn sniffing() {
    assert!(looks_like_html(b"\n  <!DOCTYPE html><html>"));
    assert!(looks_like_html(b"<html><p>x"));
    assert!(looks_like_html(b"<?xml version=\"1.0\"?><html xmlns=\"x\">"));
    assert!(!looks_like_html(b"Plain text with <p> later"));
    assert!(!looks_like_html(b"<rss version=\"2.0\"><channel>"));
    let mut le = vec![0xFF, 0xFE];
    le.extend("<html><body>".encode_utf16().flat_map(u16::to_le_bytes));
    assert!(looks_like_html(&le));
}

#[test]
fn hostile_markup_does_not_crash() {
    let cfg = HtmlConfig::default();
    let deep = format!(
        "<html><body>{}<p>{}</p>{}</body></html>",
        "<div>".repeat(100_000),
        "Deep text. ".repeat(30),
        "</div>".repeat(100_000)
    );
    let d = parse(deep.as_bytes(), None, None, &cfg).unwrap();
    assert!(d.paragraphs.iter().any(|p| p.starts_with("Deep text.")));
    let junk: Vec<&[u8]> = vec![
        b"<html><p>",
        b"<html><script>",
        b"<html><!--",
        b"<html><a href='",
        b"<html><body><table><tr><td><table><tr><td>x",
        b"<html>\xff\xfe\x00\x00<p>\x00",
        b"<html><head><script type='application/ld+json'>{\"@graph\":[[[[[[[[[[{}]]]]]]]]]]}</script>",
    ];
    for j in junk {
        let _ = parse(j, None, Some("not a url"), &cfg);
    }
}

#[test]
fn fragments_become_paragraphs() {
    let p = crate::fragment_paragraphs(
        "<p>One &amp; <b>two</b></p><p>Three<br>Four</p><script>alert('<p>x</p>')</script><style>p{}</style>",
    );
    assert_eq!(p, vec!["One & two", "Three", "Four"]);
    assert_eq!(crate::fragment_paragraphs("just text"), vec!["just text"]);
    assert!(crate::fragment_paragraphs("<style>p{}</style>").is_empty());
    // Broken markup never panics and keeps the text before it.
    let broken = crate::fragment_paragraphs("a <b unclosed");
    assert_eq!(broken.first().map(String::as_str).map(|s| s.starts_with('a')), Some(true));
}
