//! The feed watcher against a local HTTP server written here: conditional GET,
//! new-item detection, back-off, state round-trips, feed lists, the SSRF guard.
//! Time is the test's own `Instant`s, so nothing sleeps.
#![allow(clippy::print_stderr, clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use parallax_ingest::{
    FeedList, FeedSpec, FetchConfig, IngestConfig, PollOutcome, PollRound, Unit, WatchConfig,
    WatchError, WatchState, Watcher,
};
use parallax_model::{RejectReason, SourceRef};

// ---------------------------------------------------------------------------
// A minimal HTTP/1.1 server: one connection at a time, `Connection: close`.

#[derive(Clone, Default)]
struct Route {
    status: u16,
    body: String,
    etag: Option<String>,
    last_modified: Option<String>,
}

#[derive(Debug, Clone)]
struct Seen {
    path: String,
    /// Header names lower-cased.
    headers: HashMap<String, String>,
}

#[derive(Default)]
struct Site {
    routes: HashMap<String, Route>,
    log: Vec<Seen>,
}

#[derive(Clone)]
struct Server {
    base: String,
    site: Arc<Mutex<Site>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let site = Arc::new(Mutex::new(Site::default()));
        let s = Arc::clone(&site);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let _ = serve(stream, &s);
            }
        });
        Server { base, site }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn set(&self, path: &str, route: Route) {
        self.site.lock().unwrap().routes.insert(path.to_string(), route);
    }

    fn requests(&self, path: &str) -> Vec<Seen> {
        self.site.lock().unwrap().log.iter().filter(|s| s.path == path).cloned().collect()
    }
}

fn serve(stream: TcpStream, site: &Mutex<Site>) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let route = {
        let mut site = site.lock().unwrap();
        site.log.push(Seen { path: path.clone(), headers: headers.clone() });
        site.routes.get(&path).cloned()
    };
    let route = route.unwrap_or(Route { status: 404, ..Route::default() });
    let not_modified = route.status == 200
        && match (&route.etag, headers.get("if-none-match")) {
            (Some(e), Some(inm)) => e == inm,
            _ => {
                route.last_modified.is_some()
                    && route.last_modified.as_ref() == headers.get("if-modified-since")
            }
        };
    let (status, text) = match (not_modified, route.status) {
        (true, _) => (304, "Not Modified"),
        (_, 200) => (200, "OK"),
        (_, 404) => (404, "Not Found"),
        (_, s) => (s, "Internal Server Error"),
    };
    let body = if status == 200 { route.body.as_str() } else { "" };
    let mut out = format!("HTTP/1.1 {status} {text}\r\nConnection: close\r\n");
    if status == 200 {
        out.push_str("Content-Type: application/rss+xml; charset=utf-8\r\n");
    }
    if let Some(e) = &route.etag {
        out.push_str(&format!("ETag: {e}\r\n"));
    }
    if let Some(l) = &route.last_modified {
        out.push_str(&format!("Last-Modified: {l}\r\n"));
    }
    out.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    let mut stream = stream;
    stream.write_all(out.as_bytes())?;
    stream.flush()
}

// ---------------------------------------------------------------------------
// Helpers.

/// An RSS feed whose items are `(guid, title)`; each item has a short body.
fn rss(items: &[(&str, &str)]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>\
         <link>https://wire.example/</link>",
    );
    for (guid, title) in items {
        s.push_str(&format!(
            "<item><guid>{guid}</guid><title>{title}</title>\
             <link>https://wire.example/{guid}</link>\
             <description>&lt;p&gt;Body of {title}.&lt;/p&gt;</description></item>"
        ));
    }
    s.push_str("</channel></rss>");
    s
}

fn ok(body: String, etag: Option<&str>, last_modified: Option<&str>) -> Route {
    Route {
        status: 200,
        body,
        etag: etag.map(str::to_string),
        last_modified: last_modified.map(str::to_string),
    }
}

fn ingest(allow_private: bool) -> IngestConfig {
    IngestConfig {
        fetch: FetchConfig { allow_private, timeout_secs: 5, ..FetchConfig::default() },
        ..IngestConfig::default()
    }
}

const MIN: Duration = Duration::from_secs(60);

fn cfg() -> WatchConfig {
    WatchConfig { interval: MIN, max_backoff: 6 * MIN, max_items_per_poll: 200 }
}

fn watcher(urls: &[String], cfg: WatchConfig, allow_private: bool) -> Watcher {
    let feeds = urls.iter().map(|u| FeedSpec { url: u.clone(), title: None }).collect();
    Watcher::new(FeedList { feeds }, cfg, ingest(allow_private))
}

fn titles(round: &PollRound) -> Vec<String> {
    round
        .units
        .iter()
        .filter_map(|u| match u {
            Unit::Doc(d) => d.hints.title.clone(),
            _ => None,
        })
        .collect()
}

fn outcome<'a>(round: &'a PollRound, url: &str) -> &'a PollOutcome {
    &round.reports.iter().find(|r| r.url == url).expect("a report for the feed").outcome
}

fn failed(o: &PollOutcome) -> (u32, Duration) {
    match o {
        PollOutcome::Failed { consecutive_failures, retry_in, .. } => {
            (*consecutive_failures, *retry_in)
        }
        other => panic!("expected a failure, got {other:?}"),
    }
}

/// A URL on a port nobody listens on.
fn closed_port_url() -> String {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = l.local_addr().unwrap();
    drop(l);
    format!("http://{addr}/feed.xml")
}

// ---------------------------------------------------------------------------
// (1) Conditional GET and new items.

#[test]
fn only_new_items_and_304s_yield_nothing() {
    let server = Server::start();
    let url = server.url("/feed.xml");
    let lm = "Wed, 25 Nov 2026 10:00:00 GMT";
    server.set("/feed.xml", ok(rss(&[("a", "Alpha"), ("b", "Beta")]), Some("\"v1\""), Some(lm)));
    let mut w = watcher(std::slice::from_ref(&url), cfg(), true);
    let t0 = Instant::now();

    let r1 = w.poll_due(t0);
    assert_eq!(outcome(&r1, &url), &PollOutcome::Fetched { items: 2, new_items: 2 });
    assert_eq!(titles(&r1), ["Alpha", "Beta"]);
    // The units are the feed reader's: one Doc per item, sourced as feed items.
    let Unit::Doc(doc) = &r1.units[0] else { panic!("a document") };
    assert_eq!(doc.source, SourceRef::FeedItem { feed: url.clone(), item: 1 });
    assert_eq!(doc.hints.url.as_deref(), Some("https://wire.example/a"));
    assert_eq!(doc.hints.outlet.as_deref(), Some("Wire"));
    assert_eq!(w.next_due(), Some(t0 + MIN));

    // Not due yet: nothing polled.
    let early = w.poll_due(t0 + MIN / 2);
    assert!(early.reports.is_empty() && early.units.is_empty());
    assert_eq!(server.requests("/feed.xml").len(), 1);

    // Due: the server answers 304 to the validators it handed out.
    let r2 = w.poll_due(t0 + MIN);
    assert_eq!(outcome(&r2, &url), &PollOutcome::NotModified);
    assert!(r2.units.is_empty());
    let reqs = server.requests("/feed.xml");
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[0].headers.get("if-none-match"), None);
    assert_eq!(reqs[1].headers.get("if-none-match").map(String::as_str), Some("\"v1\""));
    assert_eq!(reqs[1].headers.get("if-modified-since").map(String::as_str), Some(lm));

    // A third item and a new ETag: exactly the new item comes out.
    server.set(
        "/feed.xml",
        ok(rss(&[("c", "Gamma"), ("a", "Alpha"), ("b", "Beta")]), Some("\"v2\""), Some(lm)),
    );
    let r3 = w.poll_due(t0 + 2 * MIN);
    assert_eq!(outcome(&r3, &url), &PollOutcome::Fetched { items: 3, new_items: 1 });
    assert_eq!(titles(&r3), ["Gamma"]);
    let Unit::Doc(doc) = &r3.units[0] else { panic!("a document") };
    assert_eq!(doc.source, SourceRef::FeedItem { feed: url.clone(), item: 1 });

    let st = &w.status_at(t0 + 2 * MIN)[0];
    assert_eq!((st.items_seen, st.remembered_items, st.consecutive_failures), (3, 3, 0));
    assert!(st.has_etag && st.has_last_modified && st.last_ok.is_some());
    assert_eq!(st.next_poll_in_secs, 60);
}

#[test]
fn a_server_without_validators_is_compared_by_body() {
    let server = Server::start();
    let url = server.url("/plain.xml");
    server.set("/plain.xml", ok(rss(&[("a", "Alpha")]), None, None));
    let mut w = watcher(std::slice::from_ref(&url), cfg(), true);
    let t0 = Instant::now();
    assert_eq!(titles(&w.poll_due(t0)), ["Alpha"]);
    let r2 = w.poll_due(t0 + MIN);
    assert_eq!(outcome(&r2, &url), &PollOutcome::NotModified);
    assert!(r2.units.is_empty());
    // A changed body whose items are all known (a new build date): nothing new.
    let body = rss(&[("a", "Alpha")]).replace("<title>Wire</title>", "<title>Wire!</title>");
    server.set("/plain.xml", ok(body, None, None));
    let r3 = w.poll_due(t0 + 2 * MIN);
    assert_eq!(outcome(&r3, &url), &PollOutcome::Fetched { items: 1, new_items: 0 });
    assert!(r3.units.is_empty());
    let reqs = server.requests("/plain.xml");
    assert!(reqs.iter().all(|r| !r.headers.contains_key("if-none-match")));
}

#[test]
fn items_without_ids_are_known_by_link_or_text_and_the_limit_drains_a_backlog() {
    let server = Server::start();
    let url = server.url("/noid.xml");
    let item = |n: usize| {
        if n.is_multiple_of(2) {
            format!(
                "<item><title>T{n}</title><link>https://x.example/{n}</link><description>B{n}</description></item>"
            )
        } else {
            format!("<item><title>T{n}</title><description>Only text {n}</description></item>")
        }
    };
    let body = |n: usize| {
        let items: String = (0..n).map(item).collect();
        format!("<rss version=\"2.0\"><channel><title>X</title>{items}</channel></rss>")
    };
    server.set("/noid.xml", ok(body(5), Some("\"e\""), None));
    let limited = WatchConfig { max_items_per_poll: 2, ..cfg() };
    let mut w = watcher(std::slice::from_ref(&url), limited, true);
    let t0 = Instant::now();

    let r1 = w.poll_due(t0);
    assert_eq!(outcome(&r1, &url), &PollOutcome::Fetched { items: 5, new_items: 2 });
    assert_eq!(titles(&r1), ["T0", "T1"]);
    // A backlog: due again at once, and asked for without validators.
    assert_eq!(w.next_due(), Some(t0));
    let r2 = w.poll_due(t0);
    assert_eq!(titles(&r2), ["T2", "T3"]);
    let r3 = w.poll_due(t0);
    assert_eq!(titles(&r3), ["T4"]);
    assert_eq!(w.next_due(), Some(t0 + MIN));
    let reqs = server.requests("/noid.xml");
    assert_eq!(reqs.len(), 3);
    assert!(reqs.iter().all(|r| !r.headers.contains_key("if-none-match")));

    // The same items in a changed body under a new ETag (ids made up by feed-rs
    // would be random for the link-less ones): none is new.
    let changed = body(5).replace("<title>X</title>", "<title>Y</title>");
    server.set("/noid.xml", ok(changed, Some("\"f\""), None));
    let r4 = w.poll_due(t0 + MIN);
    assert_eq!(outcome(&r4, &url), &PollOutcome::Fetched { items: 5, new_items: 0 });
    assert_eq!(w.status_at(t0 + MIN)[0].items_seen, 5);
}

// ---------------------------------------------------------------------------
// (2) Dead feeds back off without holding up the others.

#[test]
fn dead_feeds_back_off_and_recover() {
    let server = Server::start();
    let good = server.url("/good.xml");
    let broken = server.url("/broken.xml");
    let closed = closed_port_url();
    server.set("/good.xml", ok(rss(&[("a", "Alpha"), ("b", "Beta")]), Some("\"g\""), None));
    server.set("/broken.xml", Route { status: 500, ..Route::default() });
    let mut w = watcher(&[closed.clone(), good.clone(), broken.clone()], cfg(), true);
    let t0 = Instant::now();

    let r1 = w.poll_due(t0);
    assert_eq!(r1.reports.len(), 3);
    assert_eq!(outcome(&r1, &good), &PollOutcome::Fetched { items: 2, new_items: 2 });
    assert_eq!(titles(&r1), ["Alpha", "Beta"]);
    assert_eq!(failed(outcome(&r1, &broken)), (1, MIN));
    assert_eq!(failed(outcome(&r1, &closed)), (1, MIN));
    // Each failure is also a reject, in list order, with the fetcher's detail.
    let rejects: Vec<_> = r1
        .units
        .iter()
        .filter_map(|u| match u {
            Unit::Reject(r) => Some(r),
            _ => None,
        })
        .collect();
    assert_eq!(rejects.len(), 2);
    assert_eq!(rejects[0].source, SourceRef::url(&closed));
    assert_eq!(rejects[1].source, SourceRef::url(&broken));
    assert!(rejects.iter().all(|r| r.reason == RejectReason::Fetch));
    assert!(rejects[1].detail.contains("HTTP 500"), "{}", rejects[1].detail);
    let PollOutcome::Failed { error, .. } = outcome(&r1, &broken) else { unreachable!() };
    assert_eq!(error, &rejects[1].detail);

    let t1 = t0 + MIN;
    let r2 = w.poll_due(t1);
    assert_eq!(outcome(&r2, &good), &PollOutcome::NotModified);
    assert_eq!(failed(outcome(&r2, &broken)), (2, 2 * MIN));
    assert_eq!(failed(outcome(&r2, &closed)), (2, 2 * MIN));
    assert_eq!(w.next_due(), Some(t1 + MIN)); // the good feed

    // One interval later only the good feed is due.
    let r3 = w.poll_due(t1 + MIN);
    assert_eq!(r3.reports.len(), 1);
    assert_eq!(r3.reports[0].url, good);

    // At the back-off the dead ones are tried again: 4 minutes, then the 6-minute cap.
    let t2 = t1 + 2 * MIN;
    let r4 = w.poll_due(t2);
    assert_eq!(failed(outcome(&r4, &broken)), (3, 4 * MIN));
    let t3 = t2 + 4 * MIN;
    let r5 = w.poll_due(t3);
    assert_eq!(failed(outcome(&r5, &broken)), (4, 6 * MIN));
    assert_eq!(failed(outcome(&r5, &closed)), (4, 6 * MIN));
    let st = w.status_at(t3);
    assert_eq!(st[2].consecutive_failures, 4);
    assert_eq!(st[2].next_poll_in_secs, 360);
    assert!(st[2].last_error.as_deref().is_some_and(|e| e.contains("HTTP 500")));

    // The broken feed comes back: its items flow and the back-off resets.
    server.set("/broken.xml", ok(rss(&[("z", "Zeta")]), None, None));
    let t4 = t3 + 6 * MIN;
    let r6 = w.poll_due(t4);
    assert_eq!(outcome(&r6, &broken), &PollOutcome::Fetched { items: 1, new_items: 1 });
    assert_eq!(titles(&r6), ["Zeta"]);
    let st = w.status_at(t4);
    assert_eq!((st[2].consecutive_failures, st[2].next_poll_in_secs), (0, 60));
    assert_eq!(st[2].last_error, None);
    assert_eq!(st[0].consecutive_failures, 5);
    // The status serialises for `parallax watch --status` and friends.
    let json = serde_json::to_value(&st).unwrap();
    assert_eq!(json[2]["url"], serde_json::json!(broken));
    assert_eq!(json[0]["consecutive_failures"], serde_json::json!(5));
}

#[test]
fn a_body_that_is_not_a_feed_fails_as_malformed() {
    let server = Server::start();
    let url = server.url("/page.html");
    server.set("/page.html", ok("<html><body><p>Hello</p></body></html>".into(), None, None));
    let mut w = watcher(std::slice::from_ref(&url), cfg(), true);
    let r = w.poll_due(Instant::now());
    assert_eq!(failed(outcome(&r, &url)).0, 1);
    let [Unit::Reject(rej)] = r.units.as_slice() else { panic!("one reject: {:?}", r.units) };
    assert_eq!(rej.reason, RejectReason::MalformedXml);
}

// ---------------------------------------------------------------------------
// (3) Feed lists.

#[test]
fn opml_lists_with_nested_outlines() {
    let opml = br#"<?xml version="1.0" encoding="UTF-8"?>
<!-- <outline xmlUrl="https://commented.example/out"/> -->
<opml version="2.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="News">
      <outline type="rss" text="Wire" title="The Wire" xmlUrl="https://wire.example/rss?a=1&amp;b=2"/>
      <outline text="Deeper">
        <OUTLINE text='Post' XMLURL='https://post.example/feed'></OUTLINE>
      </outline>
    </outline>
    <outline text="A site, not a feed" htmlUrl="https://site.example/"/>
    <outline text="Wire again" xmlurl="HTTPS://WIRE.example:443/rss?a=1&amp;b=2"/>
  </body>
</opml>"#;
    let list = FeedList::parse(opml).unwrap();
    assert_eq!(
        list.feeds,
        [
            FeedSpec {
                url: "https://wire.example/rss?a=1&b=2".into(),
                title: Some("The Wire".into())
            },
            FeedSpec { url: "https://post.example/feed".into(), title: Some("Post".into()) },
        ]
    );

    let bad = b"<opml><body>\n<outline xmlUrl=\"https://ok.example/\"/>\n\n<outline xmlUrl=\"ftp://x/\"/>\n<outline xmlUrl=\"\"/></body></opml>";
    match FeedList::parse(bad) {
        Err(WatchError::BadLines(issues)) => {
            assert_eq!(issues.iter().map(|i| i.line).collect::<Vec<_>>(), [4, 5]);
        }
        other => panic!("bad lines expected, got {other:?}"),
    }
    let (lenient, issues) = FeedList::parse_lenient(bad).unwrap();
    assert_eq!(lenient.feeds.len(), 1);
    assert_eq!(issues.len(), 2);

    // An RSS feed given as the list is refused with a hint, not read as an empty list.
    assert!(matches!(FeedList::parse(rss(&[("a", "A")]).as_bytes()), Err(WatchError::NotOpml)));
}

#[test]
fn text_lists_with_comments_duplicates_and_garbage() {
    let txt = "\u{feff}# my feeds\n\nhttps://a.example/rss.xml  Outlet A\n  http://b.example/feed # B\nhttps://a.example/rss.xml\n\t\n# https://commented.example/\nhttps://c.example/atom?x=1#frag\n";
    let list = FeedList::parse(txt.as_bytes()).unwrap();
    let got: Vec<(&str, Option<&str>)> =
        list.feeds.iter().map(|f| (f.url.as_str(), f.title.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("https://a.example/rss.xml", Some("Outlet A")),
            ("http://b.example/feed", None),
            ("https://c.example/atom?x=1#frag", None),
        ]
    );

    let garbage = "https://ok.example/\nnot a url\nfile:///etc/passwd\nhttp://\n\u{0}\u{1}binary\n";
    let err = FeedList::parse(garbage.as_bytes()).unwrap_err();
    let WatchError::BadLines(issues) = &err else { panic!("bad lines expected, got {err:?}") };
    assert_eq!(issues.iter().map(|i| i.line).collect::<Vec<_>>(), [2, 3, 4, 5]);
    let msg = err.to_string();
    assert!(msg.contains("line 3") && msg.contains("scheme file"), "{msg}");

    assert!(matches!(FeedList::parse(b"# nothing\n\n"), Err(WatchError::NoFeeds)));
    assert!(matches!(FeedList::parse(b""), Err(WatchError::NoFeeds)));

    // Loading sniffs the content, whatever the extension says.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feeds.txt");
    std::fs::write(&path, "<opml><body><outline xmlUrl='https://z.example/f'/></body></opml>")
        .unwrap();
    assert_eq!(FeedList::load(&path).unwrap().feeds[0].url, "https://z.example/f");
    assert!(matches!(FeedList::load(&dir.path().join("missing.opml")), Err(WatchError::Io { .. })));
}

// ---------------------------------------------------------------------------
// (4) State survives a restart.

#[test]
fn state_round_trips_through_json() {
    let server = Server::start();
    let url = server.url("/feed.xml");
    server.set("/feed.xml", ok(rss(&[("a", "Alpha"), ("b", "Beta")]), Some("\"v1\""), None));
    let mut w = watcher(std::slice::from_ref(&url), cfg(), true);
    assert_eq!(titles(&w.poll_due(Instant::now())).len(), 2);

    let json = serde_json::to_string(&w.state()).unwrap();
    let state: WatchState = serde_json::from_str(&json).unwrap();
    assert_eq!(state, w.state());
    assert_eq!(state.len(), 1);

    // A new process: same list, the state given back. Due at once, and a 304.
    let mut w2 = watcher(std::slice::from_ref(&url), cfg(), true);
    w2.restore(state);
    let st = &w2.status()[0];
    assert!(st.has_etag);
    assert_eq!((st.items_seen, st.remembered_items), (2, 2));
    let t0 = Instant::now();
    let r = w2.poll_due(t0);
    assert_eq!(outcome(&r, &url), &PollOutcome::NotModified);
    assert!(r.units.is_empty());
    let reqs = server.requests("/feed.xml");
    assert_eq!(reqs[1].headers.get("if-none-match").map(String::as_str), Some("\"v1\""));

    // The seen keys came along too: only the new item is new.
    server.set("/feed.xml", ok(rss(&[("c", "Gamma"), ("a", "Alpha")]), Some("\"v2\""), None));
    assert_eq!(titles(&w2.poll_due(t0 + MIN)), ["Gamma"]);

    // A state from another list, or an empty one, is harmless.
    let mut w3 = watcher(&[server.url("/other.xml")], cfg(), true);
    w3.restore(w2.state());
    w3.restore(serde_json::from_str("{}").unwrap());
    assert!(!w3.status()[0].has_etag);
}

// ---------------------------------------------------------------------------
// (5) The SSRF guard applies to feeds too.

#[test]
fn private_addresses_are_refused() {
    let server = Server::start();
    let url = server.url("/feed.xml");
    server.set("/feed.xml", ok(rss(&[("a", "Alpha")]), None, None));
    let mut w = watcher(std::slice::from_ref(&url), cfg(), false);
    let r = w.poll_due(Instant::now());
    let PollOutcome::Failed { error, consecutive_failures: 1, .. } = outcome(&r, &url) else {
        panic!("a failure expected: {:?}", r.reports)
    };
    assert!(error.contains("private address"), "{error}");
    let [Unit::Reject(rej)] = r.units.as_slice() else { panic!("one reject") };
    assert_eq!(rej.reason, RejectReason::PrivateAddress);
    assert!(server.requests("/feed.xml").is_empty());
}

#[test]
fn the_watcher_is_send() {
    fn send<T: Send>() {}
    send::<Watcher>();
}
