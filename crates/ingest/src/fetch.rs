//! HTTP(S) fetching that treats the network as hostile.

use std::io::Read;
use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::time::Duration;

use parallax_model::{Reject, RejectReason, SourceRef};

/// HTTP settings.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    /// Time allowed to connect, in seconds. Default 10.
    pub connect_timeout_secs: u64,
    /// Time allowed for the whole request, body included, in seconds. Default 30.
    pub timeout_secs: u64,
    /// Largest body accepted, in bytes (after gzip decoding). Default 8 MiB.
    pub max_bytes: u64,
    /// Redirects followed before giving up. Default 5.
    pub max_redirects: u32,
    /// Allow private, loopback and link-local addresses. Default off; tests turn it on
    /// to talk to a local server.
    pub allow_private: bool,
    /// The `User-Agent` header.
    pub user_agent: String,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            connect_timeout_secs: 10,
            timeout_secs: 30,
            max_bytes: 8 << 20,
            max_redirects: 5,
            allow_private: false,
            user_agent: concat!("parallax/", env!("CARGO_PKG_VERSION")).to_string(),
        }
    }
}

/// A fetched response body.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL after redirects.
    pub final_url: String,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// The `ETag` header.
    pub etag: Option<String>,
    /// The `Last-Modified` header.
    pub last_modified: Option<String>,
    /// The body, gzip-decoded.
    pub body: Vec<u8>,
}

/// Marker put in resolver errors so they can be told apart from DNS failures.
const PRIVATE_MARK: &str = "refused: private address";

/// A reusable HTTP client (connection pooling, shared settings).
#[derive(Clone)]
pub struct Fetcher {
    agent: ureq::Agent,
    cfg: FetchConfig,
}

impl std::fmt::Debug for Fetcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fetcher").field("cfg", &self.cfg).finish()
    }
}

impl Fetcher {
    /// A client with these settings.
    pub fn new(cfg: FetchConfig) -> Self {
        let allow_private = cfg.allow_private;
        let agent = ureq::AgentBuilder::new()
            .timeout_connect(Duration::from_secs(cfg.connect_timeout_secs))
            .timeout(Duration::from_secs(cfg.timeout_secs))
            .redirects(cfg.max_redirects)
            .user_agent(&cfg.user_agent)
            // Every connection, redirects included, resolves through here, so a
            // public name that resolves to a private address is refused too.
            .resolver(move |netloc: &str| -> std::io::Result<Vec<SocketAddr>> {
                let addrs: Vec<SocketAddr> = netloc.to_socket_addrs()?.collect();
                if allow_private {
                    return Ok(addrs);
                }
                let public: Vec<SocketAddr> =
                    addrs.iter().copied().filter(|a| is_public_ip(a.ip())).collect();
                if public.is_empty() && !addrs.is_empty() {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::PermissionDenied,
                        format!("{PRIVATE_MARK} ({netloc} resolves to {})", addrs[0].ip()),
                    ));
                }
                Ok(public)
            })
            .build();
        Fetcher { agent, cfg }
    }

    /// Fetches `url`. Failures come back as a [`Reject`] with source `Url`.
    pub fn fetch(&self, url: &str) -> Result<Fetched, Reject> {
        self.fetch_conditional(url, None, None).and_then(|r| {
            r.ok_or_else(|| {
                Reject::new(SourceRef::url(url), RejectReason::Fetch, "304 Not Modified")
            })
        })
    }

    /// Fetches `url` with `If-None-Match` / `If-Modified-Since`; `Ok(None)` on 304.
    pub fn fetch_conditional(
        &self,
        url: &str,
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> Result<Option<Fetched>, Reject> {
        let rej = |reason, detail: String| Reject::new(SourceRef::url(url), reason, detail);
        let parsed =
            url::Url::parse(url).map_err(|e| rej(RejectReason::Fetch, format!("bad URL: {e}")))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(rej(
                RejectReason::Fetch,
                format!("unsupported scheme {}", parsed.scheme()),
            ));
        }
        let mut req = self.agent.request_url("GET", &parsed).set("Accept-Encoding", "gzip");
        if let Some(e) = etag {
            req = req.set("If-None-Match", e);
        }
        if let Some(l) = last_modified {
            req = req.set("If-Modified-Since", l);
        }
        let resp = match req.call() {
            Ok(r) => r,
            Err(ureq::Error::Status(code, r)) => {
                return Err(rej(
                    RejectReason::Fetch,
                    format!("HTTP {code} {} from {}", r.status_text(), r.get_url()),
                ));
            }
            Err(ureq::Error::Transport(t)) => {
                let msg = t.to_string();
                let reason = if msg.contains(PRIVATE_MARK) {
                    RejectReason::PrivateAddress
                } else {
                    RejectReason::Fetch
                };
                return Err(rej(reason, msg));
            }
        };
        if resp.status() == 304 {
            return Ok(None);
        }
        let final_url = resp.get_url().to_string();
        let content_type = resp.header("content-type").map(str::to_string);
        let etag = resp.header("etag").map(str::to_string);
        let last_modified = resp.header("last-modified").map(str::to_string);
        if let Some(len) = resp.header("content-length").and_then(|l| l.parse::<u64>().ok())
            && len > self.cfg.max_bytes
        {
            return Err(rej(
                RejectReason::TooLarge,
                format!("Content-Length {len} is over the {} byte limit", self.cfg.max_bytes),
            ));
        }
        let mut body = Vec::new();
        resp.into_reader()
            .take(self.cfg.max_bytes + 1)
            .read_to_end(&mut body)
            .map_err(|e| rej(RejectReason::Fetch, format!("reading the body failed: {e}")))?;
        if body.len() as u64 > self.cfg.max_bytes {
            return Err(rej(
                RejectReason::TooLarge,
                format!("body is over the {} byte limit", self.cfg.max_bytes),
            ));
        }
        Ok(Some(Fetched { final_url, content_type, etag, last_modified, body }))
    }
}

/// True for addresses on the public internet: not loopback, private (RFC 1918,
/// unique-local), link-local, shared (CGNAT), documentation, multicast,
/// broadcast or unspecified. IPv4-mapped IPv6 addresses are judged as IPv4.
pub fn is_public_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_unspecified()
                || v4.is_documentation()
                || o[0] == 0
                || (o[0] == 100 && (64..128).contains(&o[1]))
                || (o[0] == 192 && o[1] == 0 && o[2] == 0)
                || (o[0] == 198 && (o[1] == 18 || o[1] == 19))
                || o[0] >= 240)
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public_ip(IpAddr::V4(v4));
            }
            let s = v6.segments();
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (s[0] & 0xfe00) == 0xfc00
                || (s[0] & 0xffc0) == 0xfe80
                || (s[0] == 0x2001 && s[1] == 0x0db8)
                || (s[0] == 0x64 && s[1] == 0xff9b))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap_or(IpAddr::V4(std::net::Ipv4Addr::LOCALHOST))
    }

    #[test]
    fn private_ranges_are_not_public() {
        for a in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "::1",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "224.0.0.1",
        ] {
            assert!(!is_public_ip(ip(a)), "{a} must not be public");
        }
        for a in ["8.8.8.8", "172.32.0.1", "1.1.1.1", "2606:4700::1111"] {
            assert!(is_public_ip(ip(a)), "{a} is public");
        }
    }

    #[test]
    fn loopback_is_refused_unless_allowed() {
        let f = Fetcher::new(FetchConfig { timeout_secs: 2, ..FetchConfig::default() });
        let err = f.fetch("http://127.0.0.1:9/").err().map(|r| r.reason);
        assert_eq!(err, Some(RejectReason::PrivateAddress));
        let err = f.fetch("http://localhost:9/").err().map(|r| r.reason);
        assert_eq!(err, Some(RejectReason::PrivateAddress));
        let err = f.fetch("file:///etc/passwd").err().map(|r| r.reason);
        assert_eq!(err, Some(RejectReason::Fetch));
    }
}
