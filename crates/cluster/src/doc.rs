//! [`ClusterDoc`]: what the clusterer sees of an article, and the builders
//! that make one from a text analysis or from pre-tokenised text.

use parallax_model::ArticleId;
use parallax_text::{Analysis, Token, TokenKind};
use rustc_hash::FxHashSet;

use crate::ClusterConfig;

/// Where in the article a feature occurred; the clusterer weighs each zone
/// by [`ClusterConfig::title_weight`] / [`ClusterConfig::lead_weight`] / 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Zone {
    /// The headline.
    Title = 0,
    /// The first [`ClusterConfig::lead_sentences`] sentences of the body.
    Lead = 1,
    /// The rest of the body.
    Body = 2,
}

/// A feature channel: each becomes its own TF-IDF sub-vector and cosine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Channel {
    /// Stems of content words.
    Text = 0,
    /// Names: proper-noun sequences from [`ClusterDoc::from_analysis`], or
    /// entities fed in by a later NER stage.
    Entity = 1,
    /// Numbers and dates: digits, digit-bearing words (`"1990s"`), month and
    /// weekday names. Template headlines ("Day 2" vs "Day 21") differ here.
    Number = 2,
}

/// One feature of an article: a key and its count in each [`Zone`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Feature {
    /// [`key_hash`] of the key string.
    pub(crate) key: u64,
    pub(crate) counts: [f32; 3],
}

/// An article as the clusterer sees it: its id, its publication time and
/// zone-counted features in three channels. Build one with
/// [`ClusterDoc::from_analysis`], [`ClusterDoc::from_tokens`] or
/// [`ClusterDoc::builder`]; none of them needs the clusterer, so documents
/// can be built in parallel.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterDoc {
    pub(crate) id: ArticleId,
    pub(crate) published: Option<i64>,
    /// Per [`Channel`], sorted by key hash, keys unique.
    pub(crate) channels: [Vec<Feature>; 3],
    /// Content-word occurrences (title and body), for the short-text mode.
    pub(crate) content_tokens: u32,
}

impl ClusterDoc {
    /// The article's id.
    pub fn id(&self) -> ArticleId {
        self.id
    }

    /// Publication time (Unix seconds), if known.
    pub fn published(&self) -> Option<i64> {
        self.published
    }

    /// Number of distinct keys in `channel`.
    pub fn feature_count(&self, channel: Channel) -> usize {
        self.channels[channel as usize].len()
    }

    /// Content-word occurrences in title and body.
    pub fn content_tokens(&self) -> u32 {
        self.content_tokens
    }

    /// A builder for features from any source (e.g. NER entities).
    pub fn builder(id: ArticleId) -> ClusterDocBuilder {
        ClusterDocBuilder { id, published: None, raw: Default::default(), content_tokens: 0 }
    }

    /// Builds the document of an analysed article: see
    /// [`ClusterDocBuilder::from_analysis`].
    pub fn from_analysis(
        id: ArticleId,
        published: Option<i64>,
        title: Option<(&str, &[Token])>,
        text: &str,
        analysis: &Analysis,
        cfg: &ClusterConfig,
    ) -> ClusterDoc {
        ClusterDocBuilder::from_analysis(id, published, title, text, analysis, cfg).build()
    }

    /// Builds the document of pre-tokenised, lower-cased text (such as
    /// GoogleNews-TS titles): every token is a content term, all-digit and
    /// digit-bearing tokens and month/weekday names also go to the numbers
    /// channel; there is no case, so no entities.
    pub fn from_tokens<'a>(
        id: ArticleId,
        published: Option<i64>,
        title: impl IntoIterator<Item = &'a str>,
        body: impl IntoIterator<Item = &'a str>,
    ) -> ClusterDoc {
        let mut b = ClusterDoc::builder(id);
        b.published = published;
        for (zone, toks) in [
            (Zone::Title, title.into_iter().collect::<Vec<_>>()),
            (Zone::Body, body.into_iter().collect()),
        ] {
            for t in toks {
                if t.is_empty() {
                    continue;
                }
                let has_digit = t.bytes().any(|c| c.is_ascii_digit());
                if has_digit || (is_date_word(t) && t != "may") {
                    b.add(Channel::Number, &t.replace(',', ""), zone);
                }
                if !t.bytes().all(|c| c.is_ascii_digit() || c == b',' || c == b'.') {
                    b.add(Channel::Text, t, zone);
                    b.content_tokens += 1;
                }
            }
        }
        b.build()
    }
}

/// Collects features, then [`ClusterDocBuilder::build`] counts them into a
/// [`ClusterDoc`].
#[derive(Debug, Clone)]
pub struct ClusterDocBuilder {
    id: ArticleId,
    published: Option<i64>,
    raw: [Vec<(u64, Zone)>; 3],
    content_tokens: u32,
}

impl ClusterDocBuilder {
    /// Sets the publication time (Unix seconds).
    pub fn published(mut self, unix_secs: Option<i64>) -> Self {
        self.published = unix_secs;
        self
    }

    /// Adds one occurrence of `key` in `channel` and `zone`. Keys are used as
    /// given: normalise them (lower case, stems for [`Channel::Text`]) first.
    pub fn feature(mut self, channel: Channel, key: &str, zone: Zone) -> Self {
        self.add(channel, key, zone);
        if channel == Channel::Text {
            self.content_tokens += 1;
        }
        self
    }

    /// Removes every entity collected so far (to replace the heuristic
    /// proper-noun entities with a real NER stage's).
    pub fn clear_entities(mut self) -> Self {
        self.raw[Channel::Entity as usize].clear();
        self
    }

    fn add(&mut self, channel: Channel, key: &str, zone: Zone) {
        self.raw[channel as usize].push((key_hash(key), zone));
    }

    /// Features of an analysed article.
    ///
    /// * **Text**: stems of non-stop words without digits.
    /// * **Entities**: runs of capitalised non-stop words separated only by
    ///   spaces (`"Betty Ford Center"`), as the run and, for runs of two or
    ///   more, each of its words (`"lohan"` then matches `"Lindsay Lohan"`).
    ///   A sentence-initial word counts only if it is capitalised elsewhere
    ///   in the text, not sentence-initially; a title word only if it is an
    ///   entity word of the body (headlines are often in title case).
    /// * **Numbers**: number tokens (separators `,` dropped), words with
    ///   digits, and capitalised English month and weekday names.
    ///
    /// `title` is the headline and its tokens (from
    /// `parallax_text::Analyzer::tokens`); `analysis` is of `text`.
    pub fn from_analysis(
        id: ArticleId,
        published: Option<i64>,
        title: Option<(&str, &[Token])>,
        text: &str,
        analysis: &Analysis,
        cfg: &ClusterConfig,
    ) -> ClusterDocBuilder {
        let mut b = ClusterDoc::builder(id).published(published);
        // Words capitalised where case carries meaning (not sentence-initial).
        let mut caps: FxHashSet<&str> = FxHashSet::default();
        let mut prev_sentence = u32::MAX;
        for t in &analysis.tokens {
            let initial = t.sentence != prev_sentence;
            prev_sentence = t.sentence;
            if !initial && is_name_word(t, text) {
                caps.insert(t.norm.as_str());
            }
        }
        let lead = cfg.lead_sentences;
        let zone_of = |t: &Token| if t.sentence < lead { Zone::Lead } else { Zone::Body };
        b.add_tokens(text, &analysis.tokens, zone_of, |t, initial| {
            !initial || caps.contains(t.norm.as_str())
        });
        if let Some((title, toks)) = title {
            b.add_tokens(title, toks, |_| Zone::Title, |t, _| caps.contains(t.norm.as_str()));
        }
        b
    }

    /// Adds the three channels' features of `tokens` (spans into `text`).
    fn add_tokens(
        &mut self,
        text: &str,
        tokens: &[Token],
        zone_of: impl Fn(&Token) -> Zone,
        name_ok: impl Fn(&Token, bool) -> bool,
    ) {
        let mut run: Vec<&Token> = Vec::new();
        let mut prev: Option<&Token> = None;
        for t in tokens {
            let zone = zone_of(t);
            let initial = prev.is_none_or(|p| p.sentence != t.sentence);
            let has_digit = t.norm.bytes().any(|c| c.is_ascii_digit());
            let surface = t.span.slice(text).unwrap_or("");
            let capitalised = surface.chars().next().is_some_and(char::is_uppercase);
            match t.kind {
                TokenKind::Number => self.add(Channel::Number, &t.norm.replace(',', ""), zone),
                TokenKind::Word if has_digit => self.add(Channel::Number, &t.norm, zone),
                TokenKind::Word => {
                    if capitalised && is_date_word(&t.norm) {
                        self.add(Channel::Number, &t.norm, zone);
                    }
                    if !t.stop && t.stem.chars().count() >= 2 {
                        self.add(Channel::Text, &t.stem, zone);
                        self.content_tokens += 1;
                    }
                }
            }
            // Entity runs.
            let joins = is_name_word(t, text) && name_ok(t, initial);
            let adjacent = prev.is_some_and(|p| {
                p.sentence == t.sentence
                    && text
                        .get(p.span.end as usize..t.span.start as usize)
                        .is_some_and(|gap| !gap.is_empty() && gap.bytes().all(|c| c == b' '))
            });
            if !(joins && adjacent) {
                self.flush_run(&mut run, zone);
            }
            if joins {
                run.push(t);
            }
            prev = Some(t);
        }
        let zone = prev.map_or(Zone::Body, &zone_of);
        self.flush_run(&mut run, zone);
    }

    fn flush_run(&mut self, run: &mut Vec<&Token>, zone: Zone) {
        if run.is_empty() {
            return;
        }
        let name = |t: &Token| t.norm.strip_suffix("'s").unwrap_or(&t.norm).to_string();
        if run.len() > 1 {
            let full: Vec<String> = run.iter().map(|t| name(t)).collect();
            self.add(Channel::Entity, &full.join(" "), zone);
        }
        for t in run.iter() {
            self.add(Channel::Entity, &name(t), zone);
        }
        run.clear();
    }

    /// Counts the collected features into a [`ClusterDoc`].
    pub fn build(self) -> ClusterDoc {
        let channels = self.raw.map(|mut raw| {
            raw.sort_unstable_by_key(|a| a.0);
            let mut out: Vec<Feature> = Vec::with_capacity(raw.len());
            for (key, zone) in raw {
                match out.last_mut() {
                    Some(f) if f.key == key => f.counts[zone as usize] += 1.0,
                    _ => {
                        let mut counts = [0.0; 3];
                        counts[zone as usize] = 1.0;
                        out.push(Feature { key, counts });
                    }
                }
            }
            out
        });
        ClusterDoc {
            id: self.id,
            published: self.published,
            channels,
            content_tokens: self.content_tokens,
        }
    }
}

/// The identity of a key string: its 64-bit XXH3 hash.
///
/// Dictionaries keyed by the hash need no string storage and no pointer
/// chase per lookup (string keys made dictionary look-ups half the cost of
/// `assign`). Two keys collide with probability about n²/2⁶⁵ (≈ 10⁻⁶ for six
/// million keys); a collision only pools two keys' statistics.
pub(crate) fn key_hash(key: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(key.as_bytes())
}

/// A capitalised word that can be part of a name: not a stop word, no digits,
/// not a month or weekday (those go to the numbers channel).
fn is_name_word(t: &Token, text: &str) -> bool {
    t.kind == TokenKind::Word
        && !t.stop
        && t.span.slice(text).and_then(|s| s.chars().next()).is_some_and(char::is_uppercase)
        && !t.norm.bytes().any(|c| c.is_ascii_digit())
        && !is_date_word(&t.norm)
}

/// English month and weekday names (and their common abbreviations).
fn is_date_word(norm: &str) -> bool {
    matches!(
        norm.trim_end_matches('.'),
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_text::Analyzer;

    fn has(d: &ClusterDoc, c: Channel, key: &str) -> bool {
        d.channels[c as usize].iter().any(|f| f.key == key_hash(key))
    }

    fn keys<'a>(d: &ClusterDoc, c: Channel, candidates: &[&'a str]) -> Vec<&'a str> {
        let mut out: Vec<&str> = candidates.iter().copied().filter(|k| has(d, c, k)).collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn names_numbers_and_terms() {
        let text = "Fire broke out at the Acme Paint Works on Tuesday. \
                    Officials said 2,000 workers left. Acme said the blaze was out by 5 p.m.";
        let a = Analyzer::new().analyze(text, Some("en"));
        let d = ClusterDoc::from_analysis(
            ArticleId::from_u64(1),
            None,
            None,
            text,
            &a,
            &ClusterConfig::default(),
        );
        assert!(has(&d, Channel::Entity, "acme paint works"));
        assert!(has(&d, Channel::Entity, "acme"), "sentence-initial Acme is a name elsewhere");
        assert!(!has(&d, Channel::Entity, "fire") && !has(&d, Channel::Entity, "officials"));
        assert_eq!(d.feature_count(Channel::Entity), 4, "acme paint works, acme, paint, works");
        for n in ["2000", "tuesday", "5"] {
            assert!(has(&d, Channel::Number, n), "{n}");
        }
        assert!(has(&d, Channel::Text, "blaze"));
        let acme = &d.channels[1].iter().find(|f| f.key == key_hash("acme")).unwrap().counts;
        assert_eq!(acme, &[0.0, 1.0, 1.0]);
    }

    #[test]
    fn pretokenised_titles() {
        let d = ClusterDoc::from_tokens(
            ArticleId::from_u64(2),
            None,
            "day 21 trial march".split(' '),
            [],
        );
        let all = ["day", "21", "trial", "march"];
        assert_eq!(keys(&d, Channel::Text, &all), ["day", "march", "trial"]);
        assert_eq!(keys(&d, Channel::Number, &all), ["21", "march"]);
        assert_eq!(d.feature_count(Channel::Text), 3);
        assert_eq!(d.content_tokens(), 3);
    }
}
