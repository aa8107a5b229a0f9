//! The pages. Each takes a view (the same data the JSON API returns) and
//! gives a whole HTML document; every value from input is escaped.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use parallax_compare::{Comparison, FactOut, QuoteOut, Relation, Status};
use parallax_store::{EntitySummary, StorySort};

use super::html::{attr, day, esc, page, path_segment, query_value, when};
use crate::api::{
    ArticleView, EntitiesParams, PersonView, SearchPage, SearchParams, StoriesParams, StoryPage,
    StoryView,
};

/// Most facts of one kind shown on a story page.
const FACTS_SHOWN: usize = 60;
/// Most facts shown per outlet among those only it carries.
const EXCLUSIVE_SHOWN: usize = 8;
/// Most evidence sentences shown per fact.
const EVIDENCE_SHOWN: usize = 6;
/// Most speakers, and quotes per speaker, among quotes one outlet carries.
const SPEAKERS_SHOWN: usize = 40;
const QUOTES_PER_SPEAKER: usize = 4;

// ---------------------------------------------------------------- story list

pub(crate) fn story_list(p: &StoryPage, params: &StoriesParams) -> String {
    let mut b = String::new();
    let q = params.q.as_deref().unwrap_or("");
    let _ = write!(
        b,
        "<h1>Stories</h1>\
         <form class=\"filters\" data-testid=\"story-filter\" action=\"/\" method=\"get\">\
         <label>Words<input type=\"search\" name=\"q\" value=\"{}\"></label>\
         <label>Outlet<input name=\"outlet\" value=\"{}\"></label>\
         <label>Language<input name=\"lang\" size=\"4\" value=\"{}\"></label>\
         <label>Since<input name=\"since\" placeholder=\"2025-04-01\" value=\"{}\"></label>\
         <label>Until<input name=\"until\" value=\"{}\"></label>\
         <input type=\"hidden\" name=\"sort\" value=\"{}\">\
         <button type=\"submit\">Filter</button></form>",
        attr(q),
        attr(params.outlet.as_deref().unwrap_or("")),
        attr(params.lang.as_deref().unwrap_or("")),
        attr(params.since.as_deref().unwrap_or("")),
        attr(params.until.as_deref().unwrap_or("")),
        sort_name(p.sort),
    );
    let link = |sort: &str, offset: usize| -> String {
        let mut u = format!("/?sort={sort}&offset={offset}");
        for (k, v) in [
            ("q", &params.q),
            ("outlet", &params.outlet),
            ("lang", &params.lang),
            ("since", &params.since),
            ("until", &params.until),
        ] {
            if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
                let _ = write!(u, "&{k}={}", query_value(v));
            }
        }
        u
    };
    let _ = write!(
        b,
        "<p class=\"small\">{} stories · order: <a data-testid=\"sort-recent\" href=\"{}\">{}</a> · \
         <a data-testid=\"sort-largest\" href=\"{}\">{}</a></p>",
        p.total,
        attr(&link("recent", 0)),
        if p.sort == StorySort::Recent { "<strong>newest</strong>" } else { "newest" },
        attr(&link("largest", 0)),
        if p.sort == StorySort::Largest { "<strong>largest</strong>" } else { "largest" },
    );
    if p.stories.is_empty() {
        b.push_str("<p class=\"message\">No story matches.</p>");
    } else {
        b.push_str(
            "<table data-testid=\"story-list\"><thead><tr><th>Story</th>\
             <th class=\"num\">Articles</th><th class=\"num\">Outlets</th><th>Languages</th>\
             <th>First</th><th>Latest</th></tr></thead><tbody>",
        );
        for s in &p.stories {
            let _ = write!(
                b,
                "<tr data-testid=\"story-row\"><td><a data-testid=\"story-link\" href=\"/stories/{}\">{}</a></td>\
                 <td class=\"num\" data-testid=\"story-articles\">{}</td><td class=\"num\" data-testid=\"story-outlets\">{}</td>\
                 <td>{}</td><td class=\"small\">{}</td><td class=\"small\">{}</td></tr>",
                s.id,
                esc(s.title.as_deref().unwrap_or("(untitled)")),
                s.articles,
                s.outlets,
                esc(&s.languages.join(", ")),
                when(s.first_published),
                when(s.last_published),
            );
        }
        b.push_str("</tbody></table>");
    }
    b.push_str("<div class=\"pager\">");
    if p.offset > 0 {
        let _ = write!(
            b,
            "<a rel=\"prev\" href=\"{}\">← newer</a>",
            attr(&link(sort_name(p.sort), p.offset.saturating_sub(p.limit)))
        );
    }
    if (p.offset + p.stories.len()) < p.total as usize {
        let _ = write!(
            b,
            "<a rel=\"next\" href=\"{}\">more →</a>",
            attr(&link(sort_name(p.sort), p.offset + p.limit))
        );
    }
    b.push_str("</div>");
    page("Stories", &b)
}

fn sort_name(s: StorySort) -> &'static str {
    match s {
        StorySort::Recent => "recent",
        StorySort::Largest => "largest",
    }
}

// ---------------------------------------------------------------- story

/// Outlet names by article id.
struct Outlets<'a>(HashMap<&'a str, &'a str>);

impl<'a> Outlets<'a> {
    fn of(&self, article: &str) -> &'a str {
        self.0.get(article).copied().unwrap_or("?")
    }
}

pub(crate) fn story(v: &StoryView) -> String {
    let keys = &v.speaker_keys;
    let c: &Comparison = &v.comparison;
    let outlet = Outlets(c.articles.iter().map(|a| (a.id.as_str(), a.outlet.as_str())).collect());
    let title = v.story.title.as_deref().unwrap_or("(untitled)");
    let mut b = String::new();
    let _ = write!(
        b,
        "<h1>{}</h1><p class=\"muted small\">Story {} · {} articles from {} outlets · {} · {} – {}{}</p>",
        esc(title),
        v.story.id,
        v.story.articles,
        v.story.outlets,
        esc(&v.story.languages.join(", ")),
        when(v.story.first_published),
        when(v.story.last_published),
        if v.compared < v.members.len() {
            format!(" · compared {} independent reports (copies and overflow left out)", v.compared)
        } else {
            String::new()
        }
    );

    // Coverage by outlet.
    let entity_name: HashMap<&str, &str> =
        c.entities.iter().map(|e| (e.id.as_str(), e.name.as_str())).collect();
    let by_id: HashMap<&str, &FactOut> = c.facts.iter().map(|f| (f.id.as_str(), f)).collect();
    b.push_str(
        "<section data-testid=\"coverage\"><h2>Coverage by outlet</h2><table><thead><tr>\
         <th>Outlet</th><th class=\"num\">Articles</th><th class=\"num\">Only here: facts</th>\
         <th class=\"num\">quotes</th><th>people</th><th class=\"num\">Corroborated facts it leaves out</th>\
         </tr></thead><tbody>",
    );
    for o in &c.outlets {
        let _ = write!(
            b,
            "<tr data-testid=\"outlet-row\"><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"small\">{}</td><td class=\"num\">{}</td></tr>",
            esc(&o.name),
            o.articles.len(),
            o.exclusive_facts.len(),
            o.exclusive_quotes.len(),
            esc(&o
                .exclusive_people
                .iter()
                .map(|id| entity_name.get(id.as_str()).copied().unwrap_or(id.as_str()))
                .collect::<Vec<_>>()
                .join(", ")),
            o.missing_facts.len(),
        );
    }
    b.push_str("</tbody></table></section>");

    // The comparison, side by side.
    b.push_str("<section data-testid=\"comparison\"><h2>What the outlets agree on</h2>");
    let corroborated: Vec<&FactOut> =
        c.facts.iter().filter(|f| f.status == Status::Corroborated).collect();
    if corroborated.is_empty() {
        b.push_str("<p class=\"message\">No fact is carried by two independent outlets.</p>");
    }
    for f in corroborated.iter().take(FACTS_SHOWN) {
        fact(&mut b, f, &outlet);
    }
    let conflicting: Vec<&FactOut> =
        c.facts.iter().filter(|f| f.status == Status::Conflicting).collect();
    if !conflicting.is_empty() {
        b.push_str("<h2>Where they differ</h2>");
        for f in conflicting.iter().take(FACTS_SHOWN) {
            fact(&mut b, f, &outlet);
        }
    }
    b.push_str("<h2>What only one outlet reports</h2><div class=\"columns\">");
    for o in &c.outlets {
        let _ = write!(b, "<div class=\"card\"><h3>{}</h3>", esc(&o.name));
        if o.exclusive_facts.is_empty() {
            b.push_str("<p class=\"muted small\">Nothing of its own.</p>");
        }
        for id in o.exclusive_facts.iter().take(EXCLUSIVE_SHOWN) {
            if let Some(f) = by_id.get(id.as_str()) {
                let _ = write!(b, "<div data-testid=\"fact\" data-status=\"exclusive\">");
                for e in &f.evidence {
                    let _ = write!(b, "<blockquote>{}</blockquote>", esc(&e.text));
                }
                b.push_str("</div>");
            }
        }
        if o.exclusive_facts.len() > EXCLUSIVE_SHOWN {
            let _ = write!(
                b,
                "<p class=\"small muted\">and {} more (all in the JSON: /api/v1/stories/{})</p>",
                o.exclusive_facts.len() - EXCLUSIVE_SHOWN,
                v.story.id
            );
        }
        b.push_str("</div>");
    }
    b.push_str("</div></section>");

    // Quotes by speaker.
    quotes(&mut b, c, keys, &outlet);

    // Conflicts.
    b.push_str("<section data-testid=\"conflicts\"><h2>Conflicts</h2>");
    let mut any = false;
    for f in &c.facts {
        for k in &f.conflicts {
            any = true;
            let outlets: Vec<&str> = k.articles.iter().map(|a| outlet.of(a)).collect();
            let _ = write!(
                b,
                "<div class=\"card\" data-testid=\"conflict\"><span class=\"tag status-conflicting\">{}</span> {} <span class=\"muted small\">({})</span></div>",
                esc(&k.kind),
                esc(&k.detail),
                esc(&outlets.join(" vs "))
            );
        }
    }
    for g in c.quote_groups.iter().filter(|g| g.relation == Relation::Variant) {
        any = true;
        let _ = write!(
            b,
            "<div class=\"card\" data-testid=\"conflict\"><span class=\"tag status-conflicting\">quote wording</span> {} is quoted differently by {}</div>",
            esc(g.speaker.as_deref().unwrap_or("an unnamed speaker")),
            esc(&g.outlets.join(", "))
        );
    }
    if !any {
        b.push_str("<p class=\"message\">No conflicting numbers, dates or quote wordings.</p>");
    }
    b.push_str("</section>");

    // Timeline.
    b.push_str("<section data-testid=\"timeline\"><h2>Timeline</h2><ol class=\"timeline\">");
    for m in &v.members {
        let _ = write!(
            b,
            "<li data-testid=\"timeline-item\"><span class=\"small muted\">{}</span> · {} · <a href=\"/articles/{}\">{}</a>{}</li>",
            when(m.published),
            esc(m.outlet.as_deref().unwrap_or("?")),
            m.id,
            esc(m.title.as_deref().unwrap_or("(untitled)")),
            match m.duplicate_of {
                Some(d) =>
                    format!(" <span class=\"tag\">copy of <a href=\"/articles/{d}\">{d}</a></span>"),
                None => String::new(),
            }
        );
    }
    b.push_str("</ol>");
    if v.members_total > v.members.len() {
        let _ = write!(
            b,
            "<p class=\"small muted\">The first {} of {} articles.</p>",
            v.members.len(),
            v.members_total
        );
    }
    b.push_str("</section>");
    page(title, &b)
}

fn fact(b: &mut String, f: &FactOut, outlet: &Outlets<'_>) {
    let status = match f.status {
        Status::Corroborated => "corroborated",
        Status::Conflicting => "conflicting",
        Status::Exclusive => "exclusive",
    };
    let _ = write!(
        b,
        "<div class=\"fact\" data-testid=\"fact\" data-status=\"{status}\"><p><span class=\"tag status-{status}\">{status}</span> \
         <span class=\"small muted\">{}</span></p><div class=\"columns\">",
        esc(&f.outlets.join(", "))
    );
    for e in f.evidence.iter().take(EVIDENCE_SHOWN) {
        let _ = write!(
            b,
            "<div class=\"card\"><h3>{}</h3><p>{}</p><p class=\"small\"><a href=\"/articles/{}\">the article</a></p></div>",
            esc(outlet.of(&e.article)),
            esc(&e.text),
            attr(&e.article)
        );
    }
    b.push_str("</div>");
    if f.evidence.len() > EVIDENCE_SHOWN {
        let _ = write!(
            b,
            "<p class=\"small muted\">and {} more articles say so</p>",
            f.evidence.len() - EVIDENCE_SHOWN
        );
    }
    for k in &f.conflicts {
        let _ = write!(b, "<p class=\"small\"><strong>Differs:</strong> {}</p>", esc(&k.detail));
    }
    b.push_str("</div>");
}

fn person_link(name: &str, key: Option<&String>) -> String {
    match key {
        Some(k) => format!(
            "<a data-testid=\"person-link\" href=\"/people/{}\">{}</a>",
            attr(&path_segment(k)),
            esc(name)
        ),
        None => esc(name),
    }
}

fn quotes(b: &mut String, c: &Comparison, keys: &HashMap<String, String>, outlet: &Outlets<'_>) {
    let by_id: HashMap<&str, &QuoteOut> = c.quotes.iter().map(|q| (q.id.as_str(), q)).collect();
    b.push_str("<section data-testid=\"quotes\"><h2>Who said what</h2>");
    if c.quote_groups.is_empty() {
        b.push_str("<p class=\"message\">No utterance is quoted by two outlets.</p>");
    }
    let mut grouped = std::collections::HashSet::new();
    for g in &c.quote_groups {
        let members: Vec<&QuoteOut> =
            g.quotes.iter().filter_map(|id| by_id.get(id.as_str()).copied()).collect();
        grouped.extend(g.quotes.iter().map(String::as_str));
        let key = g.quotes.iter().find_map(|id| keys.get(id));
        let speaker = g.speaker.as_deref().unwrap_or("Unnamed speaker");
        let relation = match g.relation {
            Relation::Identical => "same words",
            Relation::Variant => "different wording",
        };
        let _ = write!(
            b,
            "<div class=\"card\" data-testid=\"quote-group\" data-relation=\"{}\"><h3>{} <span class=\"tag\">{relation}</span> <span class=\"small muted\">{}</span></h3>",
            if g.relation == Relation::Variant { "variant" } else { "identical" },
            person_link(speaker, key),
            esc(&g.outlets.join(", "))
        );
        for q in &members {
            let _ = write!(
                b,
                "<blockquote><span class=\"small muted\">{}:</span> {}</blockquote>",
                esc(outlet.of(&q.article)),
                esc(&q.text)
            );
        }
        for d in &g.differences {
            let changes: Vec<String> = d
                .changes
                .iter()
                .map(|ch| {
                    format!(
                        "<del>{}</del> → <ins>{}</ins>{}",
                        esc(&ch.from),
                        esc(&ch.to),
                        if ch.synonym { " <span class=\"tag\">synonym</span>" } else { "" }
                    )
                })
                .collect();
            if !changes.is_empty() {
                let who = by_id.get(d.quote.as_str()).map(|q| outlet.of(&q.article)).unwrap_or("?");
                let _ = write!(b, "<p class=\"small\">{}: {}</p>", esc(who), changes.join("; "));
            }
        }
        b.push_str("</div>");
    }
    // Quotes only one outlet carries, by speaker.
    let mut by_speaker: BTreeMap<String, Vec<&QuoteOut>> = BTreeMap::new();
    for q in &c.quotes {
        if grouped.contains(q.id.as_str()) {
            continue;
        }
        let name = q.speaker_name.clone().or_else(|| q.speaker.clone()).unwrap_or_default();
        if !name.is_empty() {
            by_speaker.entry(name).or_default().push(q);
        }
    }
    if !by_speaker.is_empty() {
        b.push_str("<h3>Quoted by one outlet only</h3><ul class=\"plain\">");
        let mut speakers: Vec<(&String, &Vec<&QuoteOut>)> = by_speaker.iter().collect();
        speakers.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(b.0)));
        let hidden = speakers.len().saturating_sub(SPEAKERS_SHOWN);
        for (name, qs) in speakers.into_iter().take(SPEAKERS_SHOWN) {
            let key = qs.iter().find_map(|q| keys.get(&q.id));
            let _ = write!(
                b,
                "<li data-testid=\"speaker\"><strong>{}</strong>",
                person_link(name, key)
            );
            for q in qs.iter().take(QUOTES_PER_SPEAKER) {
                let _ = write!(
                    b,
                    "<blockquote><span class=\"small muted\">{}:</span> {}</blockquote>",
                    esc(outlet.of(&q.article)),
                    esc(&q.text)
                );
            }
            if qs.len() > QUOTES_PER_SPEAKER {
                let _ = write!(
                    b,
                    "<p class=\"small muted\">and {} more</p>",
                    qs.len() - QUOTES_PER_SPEAKER
                );
            }
            b.push_str("</li>");
        }
        b.push_str("</ul>");
        if hidden > 0 {
            let _ = write!(b, "<p class=\"small muted\">and {hidden} more speakers</p>");
        }
    }
    b.push_str("</section>");
}

// ---------------------------------------------------------------- people

pub(crate) fn people(list: &[EntitySummary], p: &EntitiesParams) -> String {
    let mut b = String::new();
    let _ = write!(
        b,
        "<h1>People</h1><form class=\"filters\" data-testid=\"people-filter\" action=\"/people\" method=\"get\">\
         <label>Name<input type=\"search\" name=\"q\" value=\"{}\"></label>\
         <label>Kind<select name=\"kind\"><option value=\"\">any</option>{}</select></label>\
         <button type=\"submit\">Find</button></form>",
        attr(p.q.as_deref().unwrap_or("")),
        ["person", "organization", "place", "other"]
            .iter()
            .map(|k| format!(
                "<option value=\"{k}\"{}>{k}</option>",
                if p.kind.as_deref() == Some(k) { " selected" } else { "" }
            ))
            .collect::<String>()
    );
    if list.is_empty() {
        b.push_str("<p class=\"message\">Nobody matches.</p>");
    } else {
        b.push_str(
            "<table data-testid=\"people-list\"><thead><tr><th>Name</th><th>Kind</th><th>Roles</th>\
             <th class=\"num\">Quotes</th><th class=\"num\">Articles</th><th class=\"num\">Outlets</th></tr></thead><tbody>",
        );
        for e in list {
            let _ = write!(
                b,
                "<tr data-testid=\"person-row\"><td><a data-testid=\"person-link\" href=\"/people/{}\">{}</a></td><td>{}</td>\
                 <td class=\"small\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                attr(&path_segment(&e.key)),
                esc(&e.name),
                esc(&e.kind),
                esc(&e.roles.iter().take(3).map(|r| r.0.as_str()).collect::<Vec<_>>().join("; ")),
                e.quotes,
                e.articles,
                e.outlets
            );
        }
        b.push_str("</tbody></table>");
    }
    page("People", &b)
}

pub(crate) fn person(v: &PersonView) -> String {
    let e = &v.entity;
    let mut b = String::new();
    let _ = write!(
        b,
        "<h1>{}</h1><p class=\"muted\">{} · named in {} articles from {} outlets · {} quotes</p>",
        esc(&e.name),
        esc(&e.kind),
        e.articles,
        e.outlets,
        e.quotes
    );
    if !e.roles.is_empty() {
        b.push_str("<p>Described as: ");
        let roles: Vec<String> = e
            .roles
            .iter()
            .take(8)
            .map(|(r, n)| format!("{} <span class=\"muted small\">({n})</span>", esc(r)))
            .collect();
        b.push_str(&roles.join("; "));
        b.push_str("</p>");
    }
    let _ = write!(
        b,
        "<p class=\"small\"><a href=\"/search?kind=quotes&amp;speaker={}\">Search within their quotes</a></p>",
        attr(&query_value(&e.key))
    );
    b.push_str("<h2>What they said, where</h2>");
    if v.quotes.is_empty() {
        b.push_str("<p class=\"message\">No quote is attributed to them.</p>");
    }
    b.push_str("<ul class=\"plain\" data-testid=\"person-quotes\">");
    for q in &v.quotes {
        let _ = write!(
            b,
            "<li data-testid=\"person-quote\"><blockquote>{}</blockquote><p class=\"small muted\">{} · {} · {}{} · <a href=\"/articles/{}\">{}</a>{}</p></li>",
            esc(&q.quote.text),
            esc(&q.quote.kind),
            esc(q.outlet.as_deref().unwrap_or("?")),
            day(q.published),
            q.quote.cue.as_deref().map(|c| format!(" · cue “{}”", esc(c))).unwrap_or_default(),
            q.article,
            esc(q.title.as_deref().unwrap_or("(untitled)")),
            q.story
                .map(|s| format!(
                    " · <a data-testid=\"story-link\" href=\"/stories/{s}\">story {s}</a>"
                ))
                .unwrap_or_default()
        );
    }
    b.push_str("</ul>");
    b.push_str("<div class=\"pager\">");
    let base = format!("/people/{}", path_segment(&e.key));
    if v.offset > 0 {
        let _ = write!(
            b,
            "<a rel=\"prev\" href=\"{}?offset={}\">← newer</a>",
            attr(&base),
            v.offset.saturating_sub(v.limit)
        );
    }
    if v.quotes.len() == v.limit {
        let _ = write!(
            b,
            "<a rel=\"next\" href=\"{}?offset={}\">older →</a>",
            attr(&base),
            v.offset + v.limit
        );
    }
    b.push_str("</div>");
    page(&e.name, &b)
}

// ---------------------------------------------------------------- search

pub(crate) fn search(res: Option<&SearchPage>, p: &SearchParams) -> String {
    let mut b = String::new();
    let kind = p.kind.as_deref().unwrap_or("all");
    let _ = write!(
        b,
        "<h1>Search</h1><form class=\"filters\" data-testid=\"search-form\" action=\"/search\" method=\"get\">\
         <label>Words<input type=\"search\" name=\"q\" value=\"{}\" autofocus></label>\
         <label>In<select name=\"kind\">{}</select></label>\
         <label>Outlet<input name=\"outlet\" value=\"{}\"></label>\
         <label>Language<input name=\"lang\" size=\"4\" value=\"{}\"></label>\
         <input type=\"hidden\" name=\"speaker\" value=\"{}\">\
         <button type=\"submit\">Search</button></form>\
         <p class=\"small muted\">Words, \"a phrase\", -without, OR.</p>",
        attr(p.q.as_deref().unwrap_or("")),
        [("all", "articles and quotes"), ("articles", "articles"), ("quotes", "quotes")]
            .iter()
            .map(|(v, l)| format!(
                "<option value=\"{v}\"{}>{l}</option>",
                if kind == *v { " selected" } else { "" }
            ))
            .collect::<String>(),
        attr(p.outlet.as_deref().unwrap_or("")),
        attr(p.lang.as_deref().unwrap_or("")),
        attr(p.speaker.as_deref().unwrap_or("")),
    );
    if let Some(r) = res {
        let _ = write!(
            b,
            "<p data-testid=\"search-total\">{} results</p><ul class=\"plain\">",
            r.total
        );
        for h in &r.hits {
            let kind = match h.hit.quote_index {
                Some(_) => "quote",
                None => "article",
            };
            let target = match h.story {
                Some(s) => format!("/stories/{s}"),
                None => format!("/articles/{}", h.hit.article_id),
            };
            let _ = write!(
                b,
                "<li data-testid=\"search-hit\" data-kind=\"{kind}\"><p><span class=\"tag\">{kind}</span> \
                 <a href=\"{}\">{}</a> <span class=\"small muted\">{} · {}{}</span></p><p>{}</p></li>",
                attr(&target),
                esc(h.hit.title.as_deref().unwrap_or("(untitled)")),
                esc(h.hit.outlet.as_deref().unwrap_or("?")),
                day(h.hit.published),
                h.hit.speaker.as_deref().map(|s| format!(" · {}", esc(s))).unwrap_or_default(),
                h.snippet_html
            );
        }
        b.push_str("</ul>");
        let mut link = |offset: usize, label: &str, rel: &str| {
            let mut u = format!("/search?offset={offset}");
            for (k, v) in [
                ("q", &p.q),
                ("kind", &p.kind),
                ("outlet", &p.outlet),
                ("lang", &p.lang),
                ("speaker", &p.speaker),
            ] {
                if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
                    let _ = write!(u, "&{k}={}", query_value(v));
                }
            }
            let _ = write!(b, "<a rel=\"{rel}\" href=\"{}\">{label}</a> ", attr(&u));
        };
        if r.offset > 0 {
            link(r.offset.saturating_sub(r.limit), "← previous", "prev");
        }
        if r.offset + r.hits.len() < r.total {
            link(r.offset + r.limit, "next →", "next");
        }
    }
    page("Search", &b)
}

// ---------------------------------------------------------------- article

pub(crate) fn article(v: &ArticleView) -> String {
    let a = &v.stored.article;
    let title = a.title.as_deref().unwrap_or("(untitled)");
    let mut b = String::new();
    let _ = write!(
        b,
        "<h1>{}</h1><p class=\"muted small\">{} · {} · {}{}</p>",
        esc(title),
        esc(a.outlet.as_deref().unwrap_or("?")),
        when(a.published.as_ref().map(|p| p.utc)),
        esc(v.stored.enrichment.language.as_deref().unwrap_or("?")),
        v.story.map(|s| format!(" · <a href=\"/stories/{s}\">its story</a>")).unwrap_or_default()
    );
    if let Some(u) = &a.url {
        // Shown as text, never as a link: a hostile `javascript:` URL stays inert.
        let _ = write!(b, "<p class=\"small muted\">Source: <code>{}</code></p>", esc(u));
    }
    b.push_str("<article class=\"text\" data-testid=\"article-text\">");
    for p in &a.paragraphs {
        if let Some(t) = p.slice(&a.text) {
            let _ = write!(b, "<p>{}</p>", esc(t));
        }
    }
    b.push_str("</article>");
    let who = &v.stored.enrichment.who;
    if !who.quotes.is_empty() {
        b.push_str("<h2>Quotes</h2><ul class=\"plain\">");
        for q in &who.quotes {
            let speaker = q.speaker_name.as_deref().or(q.speaker_text.as_deref()).unwrap_or("?");
            let _ = write!(
                b,
                "<li><blockquote>{}</blockquote><p class=\"small\">{} <span class=\"tag\">{}</span></p></li>",
                esc(&q.text),
                person_link(speaker, q.speaker_key.as_ref()),
                esc(&q.kind)
            );
        }
        b.push_str("</ul>");
    }
    page(title, &b)
}
