//! `--url` against a tiny HTTP server on loopback.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::util::{EXIT_REJECTS, Env, by_source, news_page, paragraphs_about, s};

/// Longest a server lives, whatever happens in the test.
const SERVER_LIFETIME: Duration = Duration::from_secs(60);
/// Body size over the fetcher's 8 MiB cap.
const HUGE: usize = (8 << 20) + 1024;

/// A canned-response HTTP/1.1 server on 127.0.0.1, one request per connection.
struct Server {
    port: u16,
    requests: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        listener.set_nonblocking(true).unwrap();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (req, st) = (requests.clone(), stop.clone());
        let thread = std::thread::spawn(move || {
            let deadline = Instant::now() + SERVER_LIFETIME;
            while !st.load(Ordering::Relaxed) && Instant::now() < deadline {
                match listener.accept() {
                    Ok((stream, _)) => {
                        if let Some(path) = serve(stream, port) {
                            req.lock().unwrap().push(path);
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        std::thread::sleep(Duration::from_millis(5));
                    }
                    Err(_) => break,
                }
            }
        });
        Server { port, requests, stop, thread: Some(thread) }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn page(title: &str, topic: &str, head: &str) -> String {
    let p = paragraphs_about(topic);
    let p: Vec<&str> = p.iter().map(String::as_str).collect();
    news_page(title, head, &p)
}

/// Answers one request; returns its path.
fn serve(stream: TcpStream, port: u16) -> Option<String> {
    stream.set_nonblocking(false).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    stream.set_write_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let path = line.split_whitespace().nth(1)?.to_string();
    // Read the headers (bounded).
    for _ in 0..100 {
        let mut h = String::new();
        if reader.read_line(&mut h).ok()? == 0 || h.trim().is_empty() {
            break;
        }
    }
    let base = format!("http://127.0.0.1:{port}");
    let (status, ctype, extra, body): (&str, &str, String, Vec<u8>) = match path.as_str() {
        "/page.html" => (
            "200 OK",
            "text/html; charset=utf-8",
            String::new(),
            page(
                "Harbour bridge approved",
                "the harbour bridge",
                "<meta property=\"article:published_time\" content=\"2025-03-02T09:00:00Z\">",
            )
            .into_bytes(),
        ),
        "/item1.html" => (
            "200 OK",
            "text/html",
            String::new(),
            page(
                "Ferry to resume",
                "the island ferry",
                "<meta property=\"article:published_time\" content=\"2025-03-03T07:30:00Z\">",
            )
            .into_bytes(),
        ),
        // No date on the page: the feed item's date is the fallback.
        "/item2.html" => (
            "200 OK",
            "text/html",
            String::new(),
            page("Library extension opens", "the library extension", "").into_bytes(),
        ),
        "/feed.xml" => (
            "200 OK",
            "application/rss+xml",
            String::new(),
            format!(
                "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Local Wire</title>\
                 <link>{base}/</link><description>Local news</description>\
                 <item><title>Ferry to resume</title><link>{base}/item1.html</link>\
                 <pubDate>Mon, 03 Mar 2025 06:00:00 +0000</pubDate>\
                 <description>Short summary only.</description></item>\
                 <item><title>Library extension opens</title><link>{base}/item2.html</link>\
                 <pubDate>Tue, 04 Mar 2025 12:00:00 +0000</pubDate>\
                 <description>Another short summary.</description></item>\
                 </channel></rss>\n"
            )
            .into_bytes(),
        ),
        "/loop" => ("302 Found", "text/html", "Location: /loop\r\n".into(), Vec::new()),
        "/huge.html" => {
            let mut b = page("Huge", "a very large page", "").into_bytes();
            b.resize(HUGE, b' ');
            ("200 OK", "text/html", String::new(), b)
        }
        _ => ("404 Not Found", "text/plain", String::new(), b"not found".to_vec()),
    };
    let mut stream = stream;
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n{extra}Connection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    // The client may hang up early (e.g. after seeing Content-Length); that is fine.
    let _ = stream.write_all(&body);
    let _ = stream.flush();
    Some(path)
}

#[test]
fn private_address_is_refused_without_allow_private() {
    let server = Server::start();
    let env = Env::new();
    let url = server.url("/page.html");
    let (code, summary) = env.ingest(["--url", &url, "--timeout", "5"]);
    assert_eq!(code, EXIT_REJECTS, "{summary}");
    assert!(env.articles().is_empty());
    let rejects = env.rejects();
    assert_eq!(rejects.len(), 1, "{rejects:#?}");
    assert_eq!(rejects[0]["reason"], "private_address");
    assert_eq!(rejects[0]["source"], serde_json::json!({"kind": "url", "url": url}));
    std::thread::sleep(Duration::from_millis(50));
    assert!(server.requests().is_empty(), "no request may reach a private address");
}

#[test]
fn page_feed_follow_and_failures() {
    let server = Server::start();
    let env = Env::new();

    // A page.
    let url = server.url("/page.html");
    let (code, summary) = env.ingest(["--url", &url, "--allow-private", "--timeout", "5"]);
    assert_eq!(code, 0, "{summary}");
    let arts = env.articles();
    assert_eq!(arts.len(), 1);
    assert_eq!(arts[0]["url"], url);
    assert_eq!(arts[0]["source"], url);
    assert_eq!(arts[0]["title"], "Harbour bridge approved");
    assert_eq!(arts[0]["published"], "2025-03-02T09:00:00Z");
    assert_eq!(arts[0]["outlet"], "127.0.0.1", "no site name: the URL's host");

    // A feed whose items link back here, followed.
    let feed = server.url("/feed.xml");
    let (code, summary) =
        env.ingest(["--url", &feed, "--follow", "--allow-private", "--timeout", "5"]);
    assert_eq!(code, 0, "{summary}");
    assert_eq!(summary["inserted"], 2);
    let arts = env.articles();
    assert_eq!(arts.len(), 3);
    let item1 = by_source(&arts, "/item1.html");
    assert_eq!(item1["url"], server.url("/item1.html"));
    assert_eq!(item1["outlet"], "Local Wire", "the feed's title names the outlet");
    assert_eq!(item1["published"], "2025-03-03T07:30:00Z", "the page's own date wins");
    let full = env.article(s(item1, "id"));
    assert!(s(&full["article"], "text").contains("the island ferry"), "the page was extracted");
    assert!(!s(&full["article"], "text").contains("Short summary only"));
    let item2 = by_source(&arts, "/item2.html");
    assert_eq!(item2["published"], "2025-03-04T12:00:00Z", "the item's date as fallback");
    let mut reqs = server.requests();
    reqs.sort();
    assert_eq!(reqs, ["/feed.xml", "/item1.html", "/item2.html", "/page.html"]);

    // 404, a redirect loop and an oversized body are rejects; nothing else changes.
    let (missing, looping, huge) =
        (server.url("/missing.html"), server.url("/loop"), server.url("/huge.html"));
    let (code, summary) = env.ingest([
        "--url",
        &missing,
        "--url",
        &looping,
        "--url",
        &huge,
        "--allow-private",
        "--timeout",
        "10",
    ]);
    assert_eq!(code, EXIT_REJECTS, "{summary}");
    assert_eq!(summary["rejected"], 3, "{summary}");
    assert_eq!(env.articles().len(), 3);
    let rejects = env.rejects();
    let find = |u: &str| {
        let r: Vec<_> = rejects.iter().filter(|r| r["source"]["url"] == u).collect();
        assert_eq!(r.len(), 1, "{u}: {rejects:#?}");
        r[0].clone()
    };
    let r = find(&missing);
    assert_eq!(r["reason"], "fetch");
    assert!(s(&r, "detail").contains("404"), "{r}");
    let r = find(&looping);
    assert_eq!(r["reason"], "fetch");
    assert!(s(&r, "detail").to_lowercase().contains("redirect"), "{r}");
    let r = find(&huge);
    assert_eq!(r["reason"], "too_large");
    // The loop was followed a bounded number of times.
    let loops = server.requests().iter().filter(|p| *p == "/loop").count();
    assert!((1..=6).contains(&loops), "{loops} requests to /loop");
}
