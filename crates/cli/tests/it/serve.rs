//! `parallax serve` and `parallax watch` as processes: a server over the
//! example store, writes through the API with a token, the writer lock, and
//! feed polling against a local feed server whose feed changes between polls.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::{Env, examples_dir};

/// Kills the child when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn get(url: &str) -> (u16, Value) {
    match ureq::get(url).call() {
        Ok(r) => (r.status(), r.into_json().unwrap_or(Value::Null)),
        Err(ureq::Error::Status(code, r)) => (code, r.into_json().unwrap_or(Value::Null)),
        Err(e) => panic!("{url}: {e}"),
    }
}

fn post(url: &str, token: Option<&str>, body: &str) -> (u16, Value) {
    let mut req = ureq::post(url).set("Content-Type", "application/json");
    if let Some(t) = token {
        req = req.set("Authorization", &format!("Bearer {t}"));
    }
    match req.send_string(body) {
        Ok(r) => (r.status(), r.into_json().unwrap_or(Value::Null)),
        Err(ureq::Error::Status(code, r)) => (code, r.into_json().unwrap_or(Value::Null)),
        Err(e) => panic!("{url}: {e}"),
    }
}

fn wait_healthy(base: &str, child: &mut Child) -> Value {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the server exited: {status}");
        }
        if let Ok(r) = ureq::get(&format!("{base}/healthz")).call() {
            let v: Value = r.into_json().unwrap();
            if v["search"]["behind"] == 0 {
                return v;
            }
        }
        assert!(start.elapsed() < Duration::from_secs(60), "the server never became healthy");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn serve_answers_takes_writes_with_its_token_and_holds_the_writer_lock() {
    let env = Env::new();
    let out = env.run([std::ffi::OsStr::new("ingest"), examples_dir().as_os_str()]);
    assert!(matches!(out.status.code(), Some(0 | 3)), "{out:?}");
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = Running(
        env.parallax()
            .args(["serve", "--addr", &format!("127.0.0.1:{port}"), "--token", "tok"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let health = wait_healthy(&base, &mut server.0);
    let stories = health["stories"].as_u64().unwrap();
    assert!(stories >= 3, "{health}");
    assert_eq!(health["writable"], true);

    let (st, page) = get(&format!("{base}/api/v1/stories?sort=largest&limit=1"));
    assert_eq!(st, 200);
    let id = page["stories"][0]["id"].as_u64().unwrap();
    assert!(page["stories"][0]["outlets"].as_u64().unwrap() >= 2, "{page}");
    let (st, story) = get(&format!("{base}/api/v1/stories/{id}"));
    assert_eq!(st, 200);
    assert!(!story["comparison"]["facts"].as_array().unwrap().is_empty(), "{story}");

    // Another writer is refused while the server holds the store.
    let out = env.run([std::ffi::OsStr::new("ingest"), examples_dir().as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("another parallax process"));

    let article = serde_json::json!({
        "url": "https://kestwick.example/flood-barrier",
        "outlet": "Kestwick Courier",
        "title": "Flood barrier opens on the Kestle",
        "published": "2025-05-02T09:00:00Z",
        "text": "The new flood barrier on the river Kestle opened on Friday.\n\n\
                 \"It will protect four thousand homes,\" council leader Priya Marsh said.",
    })
    .to_string();
    let (st, body) = post(&format!("{base}/api/v1/ingest/articles"), None, &article);
    assert_eq!(st, 401, "{body}");
    let (st, body) = post(&format!("{base}/api/v1/ingest/articles"), Some("tok"), &article);
    assert_eq!(st, 201, "{body}");
    // A phrase: the single word "homes" also finds "home" (stemmed) in the example data.
    let (_, hits) = get(&format!("{base}/api/v1/search?q=%22thousand+homes%22&kind=quotes"));
    assert_eq!(hits["total"], 1, "{hits}");
    assert_eq!(hits["hits"][0]["speaker"], "Priya Marsh", "{hits}");
    let (st, body) = post(&format!("{base}/api/v1/ingest/articles"), Some("tok"), &article);
    assert_eq!((st, body["unchanged"].clone()), (200, 1.into()), "{body}");
}

/// A feed server: answers with the feed's current version, honours
/// If-None-Match, and records the validators each request sent.
struct FeedServer {
    port: u16,
    version: Arc<AtomicUsize>,
    seen: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
}

impl FeedServer {
    fn start() -> FeedServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        listener.set_nonblocking(true).unwrap();
        let version = Arc::new(AtomicUsize::new(1));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (v, s, st) = (version.clone(), seen.clone(), stop.clone());
        std::thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(120);
            while !st.load(Ordering::Relaxed) && Instant::now() < deadline {
                match listener.accept() {
                    Ok((stream, _)) => answer(stream, v.load(Ordering::SeqCst), &s),
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        FeedServer { port, version, seen, stop }
    }
}

impl Drop for FeedServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn item(n: usize) -> String {
    let topics = ["the harbour crane", "the night market", "the tram depot"];
    format!(
        "<item><guid>item-{n}</guid><title>Story {n} on {t}</title><link>https://wire.example/{n}</link>\
         <pubDate>Mon, 0{n} Jun 2025 08:00:00 +0000</pubDate>\
         <description>Officials said work on {t} would finish in {n} weeks. \
         The plan for {t} was approved by the council on Monday after a long debate.</description></item>",
        t = topics[(n - 1) % topics.len()]
    )
}

fn answer(stream: TcpStream, version: usize, seen: &Mutex<Vec<String>>) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    let _ = reader.read_line(&mut line);
    let mut if_none_match = String::new();
    for _ in 0..100 {
        let mut h = String::new();
        if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
            break;
        }
        if let Some(v) = h.to_ascii_lowercase().strip_prefix("if-none-match:") {
            if_none_match = v.trim().to_string();
        }
    }
    seen.lock().unwrap().push(if_none_match.clone());
    let etag = format!("\"v{version}\"");
    let mut out = stream;
    if if_none_match == etag {
        let _ = out.write_all(b"HTTP/1.1 304 Not Modified\r\nConnection: close\r\n\r\n");
        return;
    }
    let items: String = (1..=version + 1).map(item).collect();
    let body = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Wire</title>\
         <link>https://wire.example/</link><description>Local</description>{items}</channel></rss>"
    );
    let _ = write!(
        out,
        "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nETag: {etag}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
}

#[test]
fn watch_polls_with_validators_ingests_only_new_items_and_survives_a_dead_feed() {
    let env = Env::new();
    let feed = FeedServer::start();
    let dead = free_port();
    let list = env.write(
        "feeds.txt",
        format!(
            "# two feeds, one dead\nhttp://127.0.0.1:{}/feed.xml\nhttp://127.0.0.1:{dead}/gone.xml\n",
            feed.port
        ),
    );
    let watch = |rounds: &str| {
        env.run([
            "watch",
            "--feeds",
            list.to_str().unwrap(),
            "--interval",
            "300ms",
            "--no-serve",
            "--allow-private",
            "--rounds",
            rounds,
        ])
    };
    // Round 1 reads two items; round 2 is a 304.
    let out = watch("2");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("127.0.0.1:{dead}")));
    assert_eq!(env.articles().len(), 2);
    // The feed gains an item; a new run (state kept in the data directory)
    // sends its validator, gets the new version and adds exactly one.
    feed.version.store(2, Ordering::SeqCst);
    let out = watch("1");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(env.articles().len(), 3);
    let seen = feed.seen.lock().unwrap().clone();
    assert_eq!(seen, vec!["".to_string(), "\"v1\"".into(), "\"v1\"".into()], "{seen:?}");
    // The dead feed is in the reject log with its reason.
    let rejects = env.rejects();
    assert!(
        rejects.iter().any(|r| r.to_string().contains(&format!("127.0.0.1:{dead}"))),
        "{rejects:?}"
    );
}
