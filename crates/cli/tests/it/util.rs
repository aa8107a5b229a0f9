//! Shared helpers: a temporary data directory per test, a `parallax` command
//! builder, and parsers for the `--json` outputs.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// Exit code for a run that completed with rejected inputs.
pub const EXIT_REJECTS: i32 = 3;

/// The example corpus (`examples/data`), as an absolute path.
pub fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/data").canonicalize().unwrap()
}

/// `../shared` next to the repository, when present. Without it the caller skips
/// (with a visible note on stderr), unless `CI=true`, where it is required.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if dir.is_dir() {
        return Some(dir.canonicalize().unwrap());
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("../shared not found at {} (required when CI=true)", dir.display());
    }
    eprintln!("SKIPPED: ../shared not found ({})", dir.display());
    None
}

/// One test's world: a temporary directory holding the data dir and input files.
pub struct Env {
    tmp: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Self {
        Env { tmp: tempfile::tempdir().unwrap() }
    }

    /// The data directory given to every command.
    pub fn data(&self) -> PathBuf {
        self.tmp.path().join("data")
    }

    /// Where input files go.
    pub fn input_dir(&self) -> PathBuf {
        let d = self.tmp.path().join("in");
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    /// Writes an input file and returns its path.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.input_dir().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, bytes).unwrap();
        p
    }

    /// `parallax --data <tmp>/data --no-progress`, run in the input directory.
    pub fn parallax(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_parallax"));
        c.arg("--data").arg(self.data()).arg("--no-progress");
        c.current_dir(self.input_dir());
        c.env_remove("PARALLAX_DATA").env_remove("PARALLAX_LOG");
        c.stdin(Stdio::null());
        c
    }

    /// Runs `parallax <args>`.
    pub fn run<I, S>(&self, args: I) -> Output
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.parallax().args(args).output().unwrap()
    }

    /// Runs `parallax <args>` with `stdin` piped in.
    pub fn run_with_stdin(&self, args: &[&str], stdin: &[u8]) -> Output {
        let mut child = self
            .parallax()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(stdin).unwrap();
        child.wait_with_output().unwrap()
    }

    /// `parallax --json ingest <args>`: the exit code and the parsed summary.
    pub fn ingest<I, S>(&self, args: I) -> (i32, Value)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let out = self.parallax().arg("--json").arg("ingest").args(args).output().unwrap();
        let code = out.status.code().unwrap();
        assert!(
            code == 0 || code == EXIT_REJECTS,
            "ingest failed with {code}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        (code, json(&out))
    }

    /// `parallax articles --json --limit 1000`.
    pub fn articles(&self) -> Vec<Value> {
        let out = self.run(["--json", "articles", "--limit", "1000"]);
        assert_success(&out);
        json(&out).as_array().unwrap().clone()
    }

    /// `parallax article ID --json`.
    pub fn article(&self, id: &str) -> Value {
        let out = self.run(["--json", "article", id]);
        assert_success(&out);
        json(&out)
    }

    /// `parallax rejects --json --limit 1000`.
    pub fn rejects(&self) -> Vec<Value> {
        let out = self.run(["--json", "rejects", "--limit", "1000"]);
        assert_success(&out);
        json(&out).as_array().unwrap().clone()
    }
}

/// Parses a command's stdout as JSON.
pub fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

pub fn assert_success(out: &Output) {
    assert!(
        out.status.success(),
        "exit {:?}\nstderr:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A string field of a JSON object (panics with context when absent).
pub fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("no string {key:?} in {v}"))
}

/// The one listed article whose `source` (as displayed) ends with `suffix`.
pub fn by_source<'a>(articles: &'a [Value], suffix: &str) -> &'a Value {
    let hits: Vec<&Value> = articles.iter().filter(|a| s(a, "source").ends_with(suffix)).collect();
    assert_eq!(hits.len(), 1, "articles with source ending {suffix:?}: {hits:#?}");
    hits[0]
}

/// The one reject with this reason whose source (as JSON) mentions `needle`.
pub fn reject_for<'a>(rejects: &'a [Value], reason: &str, needle: &str) -> &'a Value {
    let hits: Vec<&Value> = rejects
        .iter()
        .filter(|r| r["reason"] == reason && r["source"].to_string().contains(needle))
        .collect();
    assert_eq!(hits.len(), 1, "rejects {reason} for {needle:?} in {rejects:#?}");
    hits[0]
}

/// An HTML news page whose main text the extractor keeps: `paragraphs` long
/// paragraphs inside `<article>`, plus optional extra `<head>` markup.
pub fn news_page(title: &str, head_extra: &str, paragraphs: &[&str]) -> String {
    let mut body = String::new();
    for p in paragraphs {
        body.push_str(&format!("<p>{p}</p>\n"));
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>{title}</title>{head_extra}</head>\n<body><nav><a href=\"/\">Home</a></nav>\
         <article><h1>{title}</h1>\n{body}</article><footer>Copyright</footer></body></html>\n"
    )
}

/// Paragraphs of believable article text about `topic`.
pub fn paragraphs_about(topic: &str) -> Vec<String> {
    vec![
        format!(
            "The regional council voted on Tuesday to approve the plan for {topic}, \
             ending a debate that had lasted for more than a year and divided the town."
        ),
        format!(
            "Supporters said the decision on {topic} would bring new jobs to the area, \
             while opponents warned that the costs had been badly underestimated."
        ),
        format!(
            "\"We have waited a long time for this,\" said the council leader, adding \
             that work on {topic} could begin as early as next spring if funding arrives."
        ),
        "A final report on the budget is expected before the end of the summer, \
         officials said, and residents will be consulted again before building starts."
            .to_string(),
    ]
}
