//! WARC and WARC.gz files built in the test: one gzip member per record, as in CC-NEWS.

use std::io::Write;

use serde_json::Value;

use crate::util::{EXIT_REJECTS, Env, news_page, paragraphs_about, reject_for, s};

const URL_A: &str = "https://harbour-news.example/news/bridge-approved";
const URL_B: &str = "https://harbour-news.example/news/ferry-resumes";
const DATE_A: &str = "2025-03-02T09:00:00Z";
/// Crawl time of page B, which has no date of its own.
const WARC_DATE_B: &str = "2025-03-05T08:15:00Z";

fn http(status: &str, content_type: &str, extra: &str, body: &[u8]) -> Vec<u8> {
    let mut v = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n{extra}\r\n",
        body.len()
    )
    .into_bytes();
    v.extend_from_slice(body);
    v
}

/// A non-response record (written by hand; `write_warc_record` writes responses only).
fn other_record(warc_type: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut v = format!(
        "WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Target-URI: {uri}\r\n\
         WARC-Date: 2025-03-05T08:15:00Z\r\nWARC-Record-ID: <urn:uuid:{warc_type}-1>\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    v.extend_from_slice(block);
    v.extend_from_slice(b"\r\n\r\n");
    v
}

/// The five records, uncompressed, in file order.
fn records() -> Vec<Vec<u8>> {
    let pa = paragraphs_about("the harbour bridge");
    let pa: Vec<&str> = pa.iter().map(String::as_str).collect();
    let page_a = news_page(
        "Harbour bridge approved",
        &format!("<meta property=\"article:published_time\" content=\"{DATE_A}\">"),
        &pa,
    );
    let pb = paragraphs_about("the island ferry");
    let pb: Vec<&str> = pb.iter().map(String::as_str).collect();
    let page_b = news_page("Island ferry to resume", "", &pb);

    let mut out = Vec::new();
    let mut rec = Vec::new();
    parallax_ingest::write_warc_record(
        &mut rec,
        URL_A,
        "2025-03-04T10:00:00Z",
        &http("200 OK", "text/html; charset=utf-8", "", page_a.as_bytes()),
    );
    out.push(std::mem::take(&mut rec));
    parallax_ingest::write_warc_record(
        &mut rec,
        URL_B,
        WARC_DATE_B,
        &http("200 OK", "text/html", "", page_b.as_bytes()),
    );
    out.push(std::mem::take(&mut rec));
    out.push(other_record(
        "request",
        URL_B,
        "application/http; msgtype=request",
        b"GET /news/ferry-resumes HTTP/1.1\r\nHost: harbour-news.example\r\n\r\n",
    ));
    parallax_ingest::write_warc_record(
        &mut rec,
        "https://harbour-news.example/old",
        WARC_DATE_B,
        &http("301 Moved Permanently", "text/html", "Location: /new\r\n", b""),
    );
    out.push(std::mem::take(&mut rec));
    parallax_ingest::write_warc_record(
        &mut rec,
        "https://harbour-news.example/photo.jpg",
        WARC_DATE_B,
        &http("200 OK", "image/jpeg", "", b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01"),
    );
    out.push(std::mem::take(&mut rec));
    out
}

fn gzip(b: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(b).unwrap();
    e.finish().unwrap()
}

/// A `.warc.gz` (a gzip member per record) and the offset of each member.
fn warc_gz() -> (Vec<u8>, Vec<u64>) {
    let mut file = Vec::new();
    let mut offsets = Vec::new();
    for r in records() {
        offsets.push(file.len() as u64);
        file.extend_from_slice(&gzip(&r));
    }
    (file, offsets)
}

fn warc_source(a: &Value) -> (String, u64) {
    let src = &a["source"];
    assert_eq!(src["kind"], "warc", "{a}");
    (s(src, "path").to_string(), src["offset"].as_u64().unwrap())
}

/// Checks the articles and rejects of a complete file whose records start at `offsets`.
fn check_complete(env: &Env, path: &str, offsets: &[u64]) {
    let arts = env.articles();
    assert_eq!(arts.len(), 2, "{arts:#?}");
    let a = env.article(s(&arts[0], "id"));
    let b = env.article(s(&arts[1], "id"));
    let (a, b) = (&a["article"], &b["article"]);
    assert_eq!(a["url"], URL_A);
    assert_eq!(b["url"], URL_B);
    assert_eq!(a["title"], "Harbour bridge approved");
    assert_eq!(warc_source(a), (path.to_string(), offsets[0]));
    assert_eq!(warc_source(b), (path.to_string(), offsets[1]));
    // The page's own date wins over the crawl time; without one, the crawl time is used.
    assert_eq!(a["published"]["utc"], DATE_A);
    assert_eq!(b["published"]["utc"], WARC_DATE_B);
    assert_eq!(b["meta"]["warc_date"], WARC_DATE_B);
    assert!(s(b, "text").contains("the island ferry"));

    // The request record is skipped silently; the redirect and the image are rejects.
    let rejects = env.rejects();
    assert_eq!(rejects.len(), 2, "{rejects:#?}");
    let redirect = reject_for(&rejects, "not_article", &format!("\"offset\":{}", offsets[3]));
    assert!(s(redirect, "detail").contains("301"), "{redirect}");
    let image = reject_for(&rejects, "not_article", &format!("\"offset\":{}", offsets[4]));
    assert!(s(image, "detail").contains("image/jpeg"), "{image}");
    for r in &rejects {
        assert_eq!(r["source"]["kind"], "warc");
        assert_eq!(r["source"]["path"], path);
    }
}

#[test]
fn warc_gz_records_offsets_and_rejects() {
    let env = Env::new();
    let (file, offsets) = warc_gz();
    let path = env.write("crawl.warc.gz", &file);
    let path = path.to_str().unwrap();
    let (code, summary) = env.ingest([path]);
    assert_eq!(code, EXIT_REJECTS, "{summary}");
    assert_eq!(summary["inserted"], 2);
    assert_eq!(summary["rejected"], 2);
    check_complete(&env, path, &offsets);
}

#[test]
fn warc_gz_truncated_in_second_member() {
    let env = Env::new();
    let (file, offsets) = warc_gz();
    let cut = (offsets[1] + (offsets[2] - offsets[1]) / 2) as usize;
    let path = env.write("cut.warc.gz", &file[..cut]);
    let path = path.to_str().unwrap();
    let (code, summary) = env.ingest([path]);
    assert_eq!(code, EXIT_REJECTS, "{summary}");
    let arts = env.articles();
    assert_eq!(arts.len(), 1, "the record before the damage is kept: {arts:#?}");
    assert_eq!(arts[0]["url"], URL_A);
    let rejects = env.rejects();
    assert_eq!(rejects.len(), 1, "{rejects:#?}");
    assert_eq!(rejects[0]["reason"], "truncated");
    assert_eq!(
        rejects[0]["source"],
        serde_json::json!({"kind": "warc", "path": path, "offset": offsets[1]})
    );
}

#[test]
fn plain_warc() {
    let env = Env::new();
    let mut file = Vec::new();
    let mut offsets = Vec::new();
    for r in records() {
        offsets.push(file.len() as u64);
        file.extend_from_slice(&r);
    }
    let path = env.write("crawl.warc", &file);
    let path = path.to_str().unwrap();
    let (code, summary) = env.ingest([path]);
    assert_eq!(code, EXIT_REJECTS, "{summary}");
    check_complete(&env, path, &offsets);

    // A plain WARC cut inside the second record keeps the first.
    let env = Env::new();
    let cut = (offsets[1] + 100) as usize;
    let path = env.write("cut.warc", &file[..cut]);
    let path = path.to_str().unwrap();
    let (code, _) = env.ingest([path]);
    assert_eq!(code, EXIT_REJECTS);
    let arts = env.articles();
    assert_eq!(arts.len(), 1);
    assert_eq!(arts[0]["url"], URL_A);
    let rejects = env.rejects();
    assert_eq!(rejects.len(), 1, "{rejects:#?}");
    assert_eq!(rejects[0]["reason"], "truncated");
    assert_eq!(rejects[0]["source"]["offset"], offsets[1]);
}
