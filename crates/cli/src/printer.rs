//! Everything that reaches stdout/stderr goes through here.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::Write;

use serde::Serialize;

/// Writes a line to stdout; a closed pipe surfaces as an error the caller returns.
pub(crate) fn out(line: &str) -> std::io::Result<()> {
    let mut o = std::io::stdout().lock();
    o.write_all(line.as_bytes())?;
    o.write_all(b"\n")
}

/// Writes a line to stderr (best effort).
pub(crate) fn eprintln(line: &str) {
    eprintln!("{line}");
}

/// Prints a value as pretty JSON on stdout.
pub(crate) fn json<T: Serialize>(v: &T) -> anyhow::Result<()> {
    out(&serde_json::to_string_pretty(v)?)?;
    Ok(())
}

/// A plain-text table: column widths from the content, long cells cut with "…".
pub(crate) struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    max_width: usize,
}

impl Table {
    pub(crate) fn new(header: &[&str]) -> Self {
        Table {
            header: header.iter().map(|s| s.to_string()).collect(),
            rows: Vec::new(),
            max_width: 60,
        }
    }
    pub(crate) fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }
    pub(crate) fn print(&self) -> std::io::Result<()> {
        let n = self.header.len();
        let cut = |s: &str| -> String {
            let one_line: String =
                s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
            if one_line.chars().count() > self.max_width {
                let mut t: String = one_line.chars().take(self.max_width - 1).collect();
                t.push('…');
                t
            } else {
                one_line
            }
        };
        let rows: Vec<Vec<String>> = std::iter::once(&self.header)
            .chain(&self.rows)
            .map(|r| (0..n).map(|i| cut(r.get(i).map(String::as_str).unwrap_or(""))).collect())
            .collect();
        let widths: Vec<usize> =
            (0..n).map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0)).collect();
        for r in &rows {
            let mut line = String::new();
            for (i, cell) in r.iter().enumerate() {
                if i + 1 < n {
                    line.push_str(&format!("{cell:<w$}  ", w = widths[i]));
                } else {
                    line.push_str(cell);
                }
            }
            out(line.trim_end())?;
        }
        Ok(())
    }
}

/// Peak resident memory of this process in bytes (Linux `VmHWM`), when known.
pub(crate) fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// `1234567` → `"1.2 MiB"`.
pub(crate) fn human_bytes(b: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
    let mut v = b as f64;
    let mut u = 0;
    while v >= 1024.0 && u + 1 < UNITS.len() {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 { format!("{b} B") } else { format!("{v:.1} {}", UNITS[u]) }
}
