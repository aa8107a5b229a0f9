//! Reports of a [`Comparison`]: terminal text, Markdown and a
//! self-contained HTML page (no script, no external resource; every string
//! taken from an article is escaped).
//!
//! Outlets are labelled `A`, `B`, … in input order (then `A2`, `B2`, …
//! past 26), so the sections can refer to them briefly.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::contract::{Comparison, FactOut, QuoteGroupOut, QuoteOut, Status};

/// Short label of outlet number `i`.
fn label(i: usize) -> String {
    let c = char::from(b'A' + (i % 26) as u8);
    if i < 26 { c.to_string() } else { format!("{c}{}", i / 26 + 1) }
}

/// Labels of outlets and the outlet of each article.
struct Labels<'a> {
    outlet: BTreeMap<&'a str, String>,
    article_outlet: BTreeMap<&'a str, &'a str>,
}

impl<'a> Labels<'a> {
    fn new(c: &'a Comparison) -> Self {
        let outlet =
            c.outlets.iter().enumerate().map(|(i, o)| (o.name.as_str(), label(i))).collect();
        let article_outlet =
            c.articles.iter().map(|a| (a.id.as_str(), a.outlet.as_str())).collect();
        Labels { outlet, article_outlet }
    }

    fn of_outlet(&self, o: &str) -> String {
        self.outlet.get(o).cloned().unwrap_or_else(|| "?".into())
    }

    fn of_article(&self, a: &str) -> String {
        self.article_outlet.get(a).map_or_else(|| "?".into(), |o| self.of_outlet(o))
    }

    fn outlets(&self, os: &[String]) -> String {
        os.iter().map(|o| self.of_outlet(o)).collect::<Vec<_>>().join(" ")
    }
}

fn one_line(s: &str, max: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        s
    } else {
        let cut: String = s.chars().take(max).collect();
        format!("{cut}…")
    }
}

fn quote<'a>(c: &'a Comparison, id: &str) -> Option<&'a QuoteOut> {
    c.quotes.iter().find(|q| q.id == id)
}

fn entity_name<'a>(c: &'a Comparison, id: &'a str) -> &'a str {
    c.entities.iter().find(|e| e.id == id).map_or(id, |e| e.name.as_str())
}

fn changes_line(c: &Comparison, l: &Labels<'_>, g: &QuoteGroupOut) -> Vec<String> {
    let several = g.differences.len() > 1;
    g.differences
        .iter()
        .filter(|d| !d.changes.is_empty())
        .map(|d| {
            let list: Vec<String> = d
                .changes
                .iter()
                .map(|ch| {
                    let from = if ch.from.is_empty() { "∅" } else { &ch.from };
                    let to = if ch.to.is_empty() { "∅" } else { &ch.to };
                    format!("{from} → {to}{}", if ch.synonym { " (synonym)" } else { "" })
                })
                .collect();
            match quote(c, &d.quote).filter(|_| several) {
                Some(q) => format!("{}: {}", l.of_article(&q.article), list.join(", ")),
                None => list.join(", "),
            }
        })
        .collect()
}

/// Words of `s` wrapped to lines of at most `width` characters (a longer
/// word is cut).
fn wrap(s: &str, width: usize) -> Vec<String> {
    let width = width.max(8);
    let mut lines = Vec::new();
    let mut line = String::new();
    for w in s.split_whitespace() {
        let w: String = w.chars().take(width).collect();
        let n = line.chars().count();
        if n > 0 && n + 1 + w.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&w);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Cells side by side, each wrapped to `width`, separated by " │ ".
fn columns(cells: &[String], width: usize, indent: &str) -> String {
    let wrapped: Vec<Vec<String>> = cells.iter().map(|c| wrap(c, width)).collect();
    let rows = wrapped.iter().map(Vec::len).max().unwrap_or(0);
    let mut o = String::new();
    for r in 0..rows {
        let parts: Vec<String> = wrapped
            .iter()
            .map(|w| {
                let cell = w.get(r).map_or("", String::as_str);
                format!("{cell:<width$}")
            })
            .collect();
        let _ = writeln!(o, "{indent}{}", parts.join(" │ ").trim_end());
    }
    o
}

/// Terminal report; `color` adds ANSI colours. Facts are shown with each
/// outlet's sentence side by side when there are two or three outlets.
pub fn text(c: &Comparison, color: bool) -> String {
    text_with_width(c, color, 120)
}

/// [`text`] for a terminal `width` characters wide (side by side from 80).
pub fn text_with_width(c: &Comparison, color: bool, width: usize) -> String {
    let paint = |code: &str, s: &str| {
        if color { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() }
    };
    let l = Labels::new(c);
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}",
        paint(
            "1",
            &format!(
                "Comparison of {} articles from {} outlets",
                c.articles.len(),
                c.outlets.len()
            )
        )
    );
    for a in &c.articles {
        let _ = writeln!(
            o,
            "  [{}] {}  {}  {}{}",
            l.of_outlet(&a.outlet),
            a.outlet,
            a.id,
            a.title.as_deref().map(|t| one_line(t, 60)).unwrap_or_default(),
            a.published.as_deref().map(|p| format!("  {p}")).unwrap_or_default()
        );
    }
    let section = |o: &mut String, code: &str, title: &str, n: usize| {
        let _ = writeln!(o, "\n{}", paint(code, &format!("{title} ({n})")));
    };
    let fact = |o: &mut String, f: &FactOut| {
        let mut head = format!("  {} [{}]", f.id, l.outlets(&f.outlets));
        if !f.agreed.is_empty() {
            let _ = write!(head, "  agreed: {}", f.agreed.join(", "));
        }
        let _ = writeln!(o, "{head}");
        for x in &f.conflicts {
            let _ = writeln!(o, "    {} {}: {}", paint("31", "≠"), x.kind, x.detail);
        }
        let n = c.outlets.len();
        if (2..=3).contains(&n) && width >= 80 && f.evidence.len() > 1 {
            // One column per outlet, in outlet order; an outlet's
            // several articles share its column.
            let col = (width - 4 - 3 * (n - 1)) / n;
            let cells: Vec<String> = c
                .outlets
                .iter()
                .map(|out| {
                    f.evidence
                        .iter()
                        .filter(|e| {
                            l.article_outlet.get(e.article.as_str()) == Some(&out.name.as_str())
                        })
                        .map(|e| format!("{}: {}", l.of_outlet(&out.name), e.text))
                        .collect::<Vec<_>>()
                        .join(" / ")
                })
                .collect();
            o.push_str(&columns(&cells, col, "    "));
        } else {
            for e in &f.evidence {
                let _ = writeln!(o, "    {}: {}", l.of_article(&e.article), one_line(&e.text, 150));
            }
        }
    };
    for (status, code, title) in [
        (Status::Corroborated, "32;1", "CORROBORATED"),
        (Status::Conflicting, "31;1", "CONFLICTING"),
    ] {
        let fs: Vec<&FactOut> = c.facts.iter().filter(|f| f.status == status).collect();
        section(&mut o, code, title, fs.len());
        for f in fs {
            fact(&mut o, f);
        }
    }
    let n_excl = c.facts.iter().filter(|f| f.status == Status::Exclusive).count();
    section(&mut o, "33;1", "EXCLUSIVE", n_excl);
    for (i, out) in c.outlets.iter().enumerate() {
        let _ = writeln!(
            o,
            " {} only [{}] ({} facts; leaves out {} of the shared facts)",
            out.name,
            label(i),
            out.exclusive_facts.len(),
            out.missing_facts.len()
        );
        for id in &out.exclusive_facts {
            if let Some(f) = c.facts.iter().find(|f| &f.id == id) {
                let text = f.evidence.first().map(|e| one_line(&e.text, 140)).unwrap_or_default();
                let _ = writeln!(o, "  {id}: {text}");
            }
        }
        let people: Vec<&str> = out.exclusive_people.iter().map(|e| entity_name(c, e)).collect();
        let _ = writeln!(
            o,
            "  people only here: {}",
            if people.is_empty() { "-".into() } else { people.join(", ") }
        );
        let _ = writeln!(o, "  quotes only here: {}", out.exclusive_quotes.len());
        for q in out.exclusive_quotes.iter().filter_map(|id| quote(c, id)) {
            let who = q.speaker_name.as_deref().or(q.speaker.as_deref()).unwrap_or("?");
            let _ = writeln!(o, "    {who}: {}", one_line(&q.text, 120));
        }
    }
    section(&mut o, "36;1", "QUOTE GROUPS", c.quote_groups.len());
    for g in &c.quote_groups {
        let _ = writeln!(
            o,
            "  {} {:?} — {} [{}]",
            g.id,
            g.relation,
            g.speaker.as_deref().unwrap_or("?"),
            l.outlets(&g.outlets)
        );
        for q in g.quotes.iter().filter_map(|id| quote(c, id)) {
            let _ = writeln!(o, "    {}: {}", l.of_article(&q.article), one_line(&q.text, 140));
        }
        let ch = changes_line(c, &l, g);
        if !ch.is_empty() {
            let _ = writeln!(o, "    wording: {}", paint("35", &ch.join("; ")));
        }
    }
    section(&mut o, "1", "ENTITIES", c.entities.len());
    for e in &c.entities {
        let counts: Vec<String> = e
            .mentions_by_outlet
            .iter()
            .map(|(out, n)| format!("{}×{n}", l.of_outlet(out)))
            .collect();
        let roles =
            if e.roles.is_empty() { String::new() } else { format!("  ({})", e.roles.join("; ")) };
        let _ = writeln!(
            o,
            "  {:<4} {:<28} {:<12} {}{}",
            e.id,
            one_line(&e.name, 28),
            format!("{:?}", e.kind).to_lowercase(),
            counts.join(" "),
            roles
        );
    }
    o
}

/// Escapes `|` and line breaks for a Markdown table cell or list item.
fn md(s: &str) -> String {
    one_line(s, 400).replace('|', "\\|").replace('<', "&lt;").replace('>', "&gt;")
}

/// Markdown report.
pub fn markdown(c: &Comparison) -> String {
    let l = Labels::new(c);
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# Comparison of {} articles from {} outlets\n",
        c.articles.len(),
        c.outlets.len()
    );
    let _ = writeln!(o, "| | outlet | article | title | published |\n|---|---|---|---|---|");
    for a in &c.articles {
        let _ = writeln!(
            o,
            "| {} | {} | `{}` | {} | {} |",
            l.of_outlet(&a.outlet),
            md(&a.outlet),
            md(&a.id),
            md(a.title.as_deref().unwrap_or("")),
            md(a.published.as_deref().unwrap_or(""))
        );
    }
    for (status, title) in
        [(Status::Corroborated, "Corroborated"), (Status::Conflicting, "Conflicting")]
    {
        let fs: Vec<&FactOut> = c.facts.iter().filter(|f| f.status == status).collect();
        let _ = writeln!(o, "\n## {title} ({})\n", fs.len());
        for f in fs {
            let agreed = if f.agreed.is_empty() {
                String::new()
            } else {
                format!(" — agreed: {}", md(&f.agreed.join(", ")))
            };
            let _ = writeln!(o, "- **{}** [{}]{agreed}", f.id, l.outlets(&f.outlets));
            for x in &f.conflicts {
                let _ = writeln!(o, "  - ≠ {}: {}", x.kind, md(&x.detail));
            }
            for e in &f.evidence {
                let _ = writeln!(o, "  - {}: {}", l.of_article(&e.article), md(&e.text));
            }
        }
    }
    let _ = writeln!(o, "\n## Exclusive\n");
    for (i, out) in c.outlets.iter().enumerate() {
        let _ = writeln!(
            o,
            "### Only {} ({})\n\nLeaves out {} of the shared facts.\n",
            md(&out.name),
            label(i),
            out.missing_facts.len()
        );
        for id in &out.exclusive_facts {
            if let Some(f) = c.facts.iter().find(|f| &f.id == id) {
                let text = f.evidence.first().map(|e| md(&e.text)).unwrap_or_default();
                let _ = writeln!(o, "- **{id}** {text}");
            }
        }
        let people: Vec<String> =
            out.exclusive_people.iter().map(|e| md(entity_name(c, e))).collect();
        let _ = writeln!(
            o,
            "\nPeople only here: {}\n",
            if people.is_empty() { "—".into() } else { people.join(", ") }
        );
        let _ = writeln!(o, "Quotes only here:\n");
        for q in out.exclusive_quotes.iter().filter_map(|id| quote(c, id)) {
            let who = q.speaker_name.as_deref().or(q.speaker.as_deref()).unwrap_or("?");
            let _ = writeln!(o, "- {}: {}", md(who), md(&q.text));
        }
    }
    let _ = writeln!(o, "\n## Quote groups ({})\n", c.quote_groups.len());
    for g in &c.quote_groups {
        let _ = writeln!(
            o,
            "- **{}** {:?} — {} [{}]",
            g.id,
            g.relation,
            md(g.speaker.as_deref().unwrap_or("?")),
            l.outlets(&g.outlets)
        );
        for q in g.quotes.iter().filter_map(|id| quote(c, id)) {
            let _ = writeln!(o, "  - {}: {}", l.of_article(&q.article), md(&q.text));
        }
        let ch = changes_line(c, &l, g);
        if !ch.is_empty() {
            let _ = writeln!(o, "  - wording: {}", md(&ch.join("; ")));
        }
    }
    let _ = writeln!(
        o,
        "\n## Entities ({})\n\n| id | name | kind | mentions | roles |\n|---|---|---|---|---|",
        c.entities.len()
    );
    for e in &c.entities {
        let counts: Vec<String> = e
            .mentions_by_outlet
            .iter()
            .map(|(out, n)| format!("{}×{n}", l.of_outlet(out)))
            .collect();
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} |",
            e.id,
            md(&e.name),
            format!("{:?}", e.kind).to_lowercase(),
            counts.join(" "),
            md(&e.roles.join("; "))
        );
    }
    o
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

fn status_class(s: Status) -> &'static str {
    match s {
        Status::Corroborated => "corroborated",
        Status::Conflicting => "conflicting",
        Status::Exclusive => "exclusive",
    }
}

const CSS: &str = "body{font:15px/1.45 system-ui,sans-serif;margin:1.5em;color:#222}\
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}\
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:1em}\
.art{border:1px solid #ccc;border-radius:6px;padding:.6em 1em;white-space:pre-wrap}\
.art h3{margin:.2em 0 .6em;white-space:normal}\
mark{border-radius:3px;padding:0 1px}mark a{color:inherit;text-decoration:none}\
.corroborated{background:#d7f5d7}.conflicting{background:#ffd6d6}.exclusive{background:#fff1c2}\
.badge{font-size:.8em;padding:1px 6px;border-radius:8px;margin-right:.4em}\
li{margin:.3em 0}:target{outline:2px solid #36c}.muted{color:#666}\
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:2px 6px;text-align:left}";

/// Self-contained HTML page: facts with status badges linking to their
/// sentences, highlighted in the articles laid out side by side, each
/// highlight linking back to its fact; quote groups with their wording
/// differences; exclusive people and quotes per outlet; entities.
pub fn html(c: &Comparison) -> String {
    let l = Labels::new(c);
    let e = escape_html;
    let mut o = String::new();
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width\">\
         <title>parallax comparison</title><style>{CSS}</style></head><body>\n"
    );
    let _ = writeln!(
        o,
        "<h1>Comparison of {} articles from {} outlets</h1>",
        c.articles.len(),
        c.outlets.len()
    );
    let anchor = |article: &str, start: usize| format!("a-{}-{start}", e(article));
    let _ = writeln!(o, "<h2>Facts</h2><ul>");
    for f in &c.facts {
        let _ = write!(
            o,
            "<li id=\"{}\"><span class=\"badge {}\">{}</span><b>{}</b> [{}]",
            e(&f.id),
            status_class(f.status),
            status_class(f.status),
            e(&f.id),
            e(&l.outlets(&f.outlets))
        );
        if !f.agreed.is_empty() {
            let _ = write!(o, " <span class=\"muted\">agreed: {}</span>", e(&f.agreed.join(", ")));
        }
        for x in &f.conflicts {
            let _ = write!(o, " <b>≠ {}: {}</b>", e(&x.kind), e(&x.detail));
        }
        let _ = write!(o, "<ul>");
        for ev in &f.evidence {
            let _ = write!(
                o,
                "<li><a href=\"#{}\">{}</a>: {}</li>",
                anchor(&ev.article, ev.start),
                e(&l.of_article(&ev.article)),
                e(&ev.text)
            );
        }
        let _ = writeln!(o, "</ul></li>");
    }
    let _ = writeln!(o, "</ul>");

    let _ = writeln!(o, "<h2>Quote groups</h2><ul>");
    for g in &c.quote_groups {
        let _ = write!(
            o,
            "<li id=\"{}\"><b>{}</b> {:?} — {} [{}]<ul>",
            e(&g.id),
            e(&g.id),
            g.relation,
            e(g.speaker.as_deref().unwrap_or("?")),
            e(&l.outlets(&g.outlets))
        );
        for q in g.quotes.iter().filter_map(|id| quote(c, id)) {
            let _ = write!(o, "<li>{}: {}</li>", e(&l.of_article(&q.article)), e(&q.text));
        }
        let ch = changes_line(c, &l, g);
        if !ch.is_empty() {
            let _ = write!(o, "<li class=\"muted\">wording: {}</li>", e(&ch.join("; ")));
        }
        let _ = writeln!(o, "</ul></li>");
    }
    let _ = writeln!(o, "</ul>");

    let _ = writeln!(o, "<h2>Each outlet alone</h2><div class=\"cols\">");
    for (i, out) in c.outlets.iter().enumerate() {
        let _ = write!(o, "<div class=\"art\"><h3>{} — {}</h3>", label(i), e(&out.name));
        let facts: Vec<String> = out
            .exclusive_facts
            .iter()
            .map(|id| format!("<a href=\"#{0}\">{0}</a>", e(id)))
            .collect();
        let people: Vec<String> =
            out.exclusive_people.iter().map(|id| e(entity_name(c, id))).collect();
        let _ = write!(
            o,
            "Facts only here: {}\nLeaves out {} shared facts.\nPeople only here: {}\nQuotes only here:",
            if facts.is_empty() { "—".into() } else { facts.join(" ") },
            out.missing_facts.len(),
            if people.is_empty() { "—".into() } else { people.join(", ") }
        );
        for q in out.exclusive_quotes.iter().filter_map(|id| quote(c, id)) {
            let who = q.speaker_name.as_deref().or(q.speaker.as_deref()).unwrap_or("?");
            let _ = write!(o, "\n • {}: {}", e(who), e(&one_line(&q.text, 160)));
        }
        let _ = writeln!(o, "</div>");
    }
    let _ = writeln!(o, "</div>");

    // Articles side by side with highlighted evidence.
    let mut marks: BTreeMap<&str, Vec<(usize, usize, &FactOut)>> = BTreeMap::new();
    for f in &c.facts {
        for ev in &f.evidence {
            marks.entry(ev.article.as_str()).or_default().push((ev.start, ev.end, f));
        }
    }
    let _ = writeln!(o, "<h2>Articles</h2><div class=\"cols\">");
    for a in &c.articles {
        let _ = write!(
            o,
            "<div class=\"art\"><h3>{} — {}<br><span class=\"muted\">{} {}</span></h3>",
            e(&l.of_outlet(&a.outlet)),
            e(a.title.as_deref().unwrap_or(&a.outlet)),
            e(&a.id),
            e(a.published.as_deref().unwrap_or(""))
        );
        let chars: Vec<char> = a.text.chars().collect();
        let mut spans = marks.remove(a.id.as_str()).unwrap_or_default();
        spans.sort_by_key(|s| s.0);
        let mut at = 0;
        for (start, end, f) in spans {
            if start < at || end > chars.len() || start > end {
                continue;
            }
            o.push_str(&e(&chars[at..start].iter().collect::<String>()));
            let _ = write!(
                o,
                "<mark id=\"{}\" class=\"{}\"><a href=\"#{}\" title=\"{}\">{}</a></mark>",
                anchor(&a.id, start),
                status_class(f.status),
                e(&f.id),
                e(&f.id),
                e(&chars[start..end].iter().collect::<String>())
            );
            at = end;
        }
        o.push_str(&e(&chars[at..].iter().collect::<String>()));
        let _ = writeln!(o, "</div>");
    }
    let _ = writeln!(o, "</div>");

    let _ = writeln!(
        o,
        "<h2>Entities</h2><table><tr><th>id</th><th>name</th><th>kind</th><th>mentions</th><th>roles</th></tr>"
    );
    for en in &c.entities {
        let counts: Vec<String> = en
            .mentions_by_outlet
            .iter()
            .map(|(out, n)| format!("{}×{n}", l.of_outlet(out)))
            .collect();
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            e(&en.id),
            e(&en.name),
            format!("{:?}", en.kind).to_lowercase(),
            e(&counts.join(" ")),
            e(&en.roles.join("; "))
        );
    }
    let _ = writeln!(o, "</table></body></html>");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_escaping() {
        assert_eq!(label(0), "A");
        assert_eq!(label(25), "Z");
        assert_eq!(label(26), "A2");
        assert_eq!(
            escape_html("<script>\"x\" & 'y'</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
        assert_eq!(md("a | b\n<c>"), "a \\| b &lt;c&gt;");
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(
            columns(&["one two three".into(), "four".into()], 8, "  "),
            "  one two  │ four\n  three    │\n"
        );
    }
}
