//! A seeded synthetic news stream with known story labels, for scale benchmarks.
//!
//! Real labelled streams of a million articles do not exist offline, so this
//! generator imitates the properties that make story clustering hard and slow:
//!
//! * **many concurrent stories** with Zipf-like sizes (a few big running stories,
//!   a long tail of one- and two-article stories);
//! * **story kinds**: stories of the same kind (fires, elections, trials…) share a
//!   kind vocabulary, so topic words alone do not separate them (the ECB+ lesson);
//! * **entities**: each story has its own people and places, and two more drawn
//!   from its kind's pool of 40, so stories of one kind partly share names;
//! * **event words**: most of a story's own words come from its kind's pool of
//!   250, so same-kind stories overlap beyond the kind vocabulary;
//! * **numbers** that name the instance (casualty counts, amounts);
//! * **near-duplicate bursts**: a share of articles are wire copies of an earlier
//!   article of the same story, lightly edited (headline changed, paragraphs
//!   dropped, a few words replaced);
//! * **time**: stories start uniformly over the span (weeks) and last a few days,
//!   and the stream is in publication order.
//!
//! Articles are produced lazily by an iterator; a copy regenerates its source from
//! that article's seed, so memory stays flat at a million articles.

/// Generator settings.
#[derive(Debug, Clone)]
pub struct SynthConfig {
    /// Articles to generate.
    pub articles: usize,
    /// Seed; the same seed gives the same stream.
    pub seed: u64,
    /// Average articles per story (sets the number of stories). Default 12.
    pub mean_story_size: f64,
    /// Zipf exponent of story sizes. Default 1.1.
    pub zipf: f64,
    /// Number of story kinds sharing vocabulary. Default 60.
    pub kinds: usize,
    /// Time span of the stream in days. Default 28.
    pub days: u32,
    /// Share of articles that are near-copies of an earlier one. Default 0.15.
    pub dup_share: f64,
    /// Target body size in bytes. Default 3,000.
    pub body_bytes: usize,
}

impl Default for SynthConfig {
    fn default() -> Self {
        SynthConfig {
            articles: 10_000,
            seed: 42,
            mean_story_size: 12.0,
            zipf: 1.1,
            kinds: 60,
            days: 28,
            dup_share: 0.15,
            body_bytes: 3000,
        }
    }
}

/// One generated article.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct SynthArticle {
    /// Position in the stream (0-based).
    pub index: usize,
    /// Headline.
    pub title: String,
    /// Body: paragraphs separated by "\n\n".
    pub text: String,
    /// Publication time, Unix seconds.
    pub published: i64,
    /// Outlet name.
    pub outlet: String,
    /// Gold story label.
    pub story: u32,
    /// The stream index of the article this one copies, if it is a near-duplicate.
    pub copy_of: Option<usize>,
}

const FUNCTION: [&str; 32] = [
    "the", "of", "and", "to", "in", "a", "that", "for", "on", "with", "as", "was", "by", "at",
    "from", "it", "his", "her", "their", "has", "had", "said", "will", "not", "after", "were",
    "an", "be", "this", "which", "have", "also",
];
const SYL: [&str; 32] = [
    "ra", "ten", "mor", "li", "ca", "vent", "sion", "pro", "dis", "ment", "ex", "port", "al", "in",
    "ter", "ob", "gra", "tive", "con", "ship", "un", "der", "pol", "ic", "sto", "nar", "bel",
    "quin", "dro", "fa", "lem", "zu",
];
const WEEKDAYS: [&str; 7] =
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// SplitMix64: tiny, seeded, identical on every platform.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5851_f42d_4c95_7f2d)
    }
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// An index in `0..n` skewed towards small values (log-uniform, Zipf-like).
    fn skewed(&mut self, n: usize) -> usize {
        (((n as f64).powf(self.unit()) as usize).saturating_sub(1)).min(n.saturating_sub(1))
    }
}

/// A made-up word of `min` to `min + extra - 1` syllables.
fn make_word(rng: &mut Rng, min: usize, extra: usize) -> String {
    let syllables = min + rng.below(extra.max(1));
    (0..syllables).map(|_| SYL[rng.below(SYL.len())]).collect()
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[derive(Debug, Clone)]
struct Story {
    kind: usize,
    words: Vec<String>,
    entities: Vec<String>,
    numbers: Vec<u32>,
    weekday: usize,
}

#[derive(Debug)]
struct Vocab {
    general: Vec<String>,
    kinds: Vec<Vec<String>>,
    kind_entities: Vec<Vec<String>>,
    outlets: Vec<String>,
}

/// The stream: an iterator of [`SynthArticle`] in publication order.
#[derive(Debug)]
pub struct SynthStream {
    cfg: SynthConfig,
    vocab: Vocab,
    stories: Vec<Story>,
    /// (published, story, copy_of) per stream position.
    schedule: Vec<(i64, u32, Option<usize>)>,
    next: usize,
}

impl SynthStream {
    /// Plans the stream: stories, their sizes and times. Text is made lazily.
    pub fn new(cfg: SynthConfig) -> Self {
        let mut rng = Rng::new(cfg.seed);
        let general: Vec<String> = (0..30_000).map(|_| make_word(&mut rng, 2, 3)).collect();
        let kinds: Vec<Vec<String>> = (0..cfg.kinds.max(1))
            .map(|_| (0..120).map(|_| make_word(&mut rng, 2, 2)).collect())
            .collect();
        let name = |rng: &mut Rng| capitalise(&make_word(rng, 2, 2));
        let kind_entities: Vec<Vec<String>> =
            (0..cfg.kinds.max(1)).map(|_| (0..40).map(|_| name(&mut rng)).collect()).collect();
        // Event words a kind's stories draw their own words from, so two fires
        // share some "fire-specific" words beyond the kind vocabulary.
        let kind_events: Vec<Vec<String>> = (0..cfg.kinds.max(1))
            .map(|_| (0..250).map(|_| make_word(&mut rng, 3, 1)).collect())
            .collect();
        let outlets: Vec<String> = (0..200)
            .map(|_| {
                format!(
                    "{} {}",
                    name(&mut rng),
                    ["Times", "Post", "Herald", "Wire", "News"][rng.below(5)]
                )
            })
            .collect();
        let n_stories =
            ((cfg.articles as f64 / cfg.mean_story_size.max(1.0)).ceil() as usize).max(1);
        // Zipf-like sizes: weight 1/rank^s, scaled to the article count.
        let weights: Vec<f64> = (1..=n_stories).map(|r| 1.0 / (r as f64).powf(cfg.zipf)).collect();
        let total: f64 = weights.iter().sum();
        let mut sizes: Vec<usize> = weights
            .iter()
            .map(|w| ((w / total) * cfg.articles as f64).floor().max(1.0) as usize)
            .collect();
        let mut assigned: usize = sizes.iter().sum();
        let mut i = 0;
        while assigned < cfg.articles {
            sizes[i % n_stories] += 1;
            assigned += 1;
            i += 1;
        }
        while assigned > cfg.articles {
            let j = rng.below(n_stories);
            if sizes[j] > 1 {
                sizes[j] -= 1;
                assigned -= 1;
            } else if sizes.iter().all(|s| *s <= 1) {
                break;
            }
        }
        let span = i64::from(cfg.days.max(1)) * 86_400;
        let base_time = 1_735_689_600; // 2025-01-01T00:00:00Z
        let mut stories = Vec::with_capacity(n_stories);
        let mut schedule = Vec::with_capacity(cfg.articles);
        for (s, &size) in sizes.iter().enumerate() {
            let kind = rng.below(cfg.kinds.max(1));
            // Own people and places, plus two the kind's other stories may share.
            let mut entities: Vec<String> = (0..2 + rng.below(3)).map(|_| name(&mut rng)).collect();
            for _ in 0..2 {
                entities.push(kind_entities[kind][rng.below(40)].clone());
            }
            let mut words: Vec<String> = (0..8).map(|_| make_word(&mut rng, 3, 1)).collect();
            words.extend((0..17).map(|_| kind_events[kind][rng.below(250)].clone()));
            stories.push(Story {
                kind,
                words,
                entities,
                numbers: (0..3).map(|_| 2 + rng.below(5000) as u32).collect(),
                weekday: rng.below(7),
            });
            let start = base_time + (rng.unit() * span as f64) as i64;
            // Durations: most stories last hours to a few days; big ones run longer.
            let duration = (3_600.0 + rng.unit() * 86_400.0 * (1.0 + (size as f64).ln())) as i64;
            for _ in 0..size {
                let t = start + (rng.unit().powi(2) * duration as f64) as i64;
                schedule.push((t, s as u32, None));
            }
        }
        if schedule.len() > cfg.articles {
            schedule.truncate(cfg.articles);
        }
        schedule.sort_by_key(|e| e.0);
        // Near-duplicate bursts: copy the latest earlier article of the same story.
        let mut last_of_story: Vec<Option<usize>> = vec![None; n_stories];
        for (i, e) in schedule.iter_mut().enumerate() {
            let story = e.1 as usize;
            if let Some(src) = last_of_story[story]
                && rng.unit() < cfg.dup_share
            {
                e.2 = Some(src);
            } else {
                last_of_story[story] = Some(i);
            }
        }
        SynthStream {
            cfg,
            vocab: Vocab { general, kinds, kind_entities, outlets },
            stories,
            schedule,
            next: 0,
        }
    }

    /// Number of articles the stream will produce.
    pub fn len(&self) -> usize {
        self.schedule.len()
    }

    /// True when the stream produces nothing.
    pub fn is_empty(&self) -> bool {
        self.schedule.is_empty()
    }

    /// Number of stories planned.
    pub fn stories(&self) -> usize {
        self.stories.len()
    }

    /// The original (non-copy) text of the article at `index`.
    fn original(&self, index: usize) -> (String, String) {
        let (_, story, _) = self.schedule[index];
        let st = &self.stories[story as usize];
        let mut rng = Rng::new(self.cfg.seed ^ (index as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
        let v = &self.vocab;
        // Each report uses only some of its story's own words and names, as
        // different outlets pick different details.
        let own_words: Vec<&String> =
            (0..6).map(|_| &st.words[rng.below(st.words.len())]).collect();
        let own_names: Vec<&String> =
            (0..3).map(|_| &st.entities[rng.below(st.entities.len())]).collect();
        let word = |rng: &mut Rng| -> String {
            let r = rng.below(100);
            if r < 40 {
                FUNCTION[rng.below(FUNCTION.len())].to_string()
            } else if r < 68 {
                v.general[rng.skewed(v.general.len())].clone()
            } else if r < 91 {
                v.kinds[st.kind][rng.skewed(v.kinds[st.kind].len())].clone()
            } else if r < 95 {
                own_words[rng.below(own_words.len())].clone()
            } else if r < 97 {
                own_names[rng.below(own_names.len())].clone()
            } else if r < 98 {
                v.kind_entities[st.kind][rng.below(40)].clone()
            } else if r < 99 {
                st.numbers[rng.below(st.numbers.len())].to_string()
            } else {
                WEEKDAYS[st.weekday].to_string()
            }
        };
        let mut title_words: Vec<String> = vec![st.entities[0].clone()];
        title_words.extend((0..6).map(|_| {
            let w = word(&mut rng);
            if FUNCTION.contains(&w.as_str()) {
                st.words[rng.below(st.words.len())].clone()
            } else {
                w
            }
        }));
        let title = capitalise(&title_words.join(" "));
        let mut text = String::with_capacity(self.cfg.body_bytes + 400);
        while text.len() < self.cfg.body_bytes {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            for k in 0..2 + rng.below(3) {
                if k > 0 {
                    text.push(' ');
                }
                let len = 10 + rng.below(16);
                let words: Vec<String> = (0..len).map(|_| word(&mut rng)).collect();
                text.push_str(&capitalise(&words.join(" ")));
                text.push('.');
            }
        }
        (title, text)
    }
}

impl Iterator for SynthStream {
    type Item = SynthArticle;

    fn next(&mut self) -> Option<SynthArticle> {
        let a = self.article(self.next)?;
        self.next += 1;
        Some(a)
    }
}

impl SynthStream {
    /// The article at stream position `index` (what the iterator yields
    /// there), made from its own seed: positions can be made in any order or
    /// in parallel.
    pub fn article(&self, index: usize) -> Option<SynthArticle> {
        let &(published, story, copy_of) = self.schedule.get(index)?;
        let mut rng = Rng::new(self.cfg.seed.wrapping_add(index as u64).wrapping_mul(0x9e37_79b9));
        let (title, text) = match copy_of {
            None => self.original(index),
            Some(src) => {
                let (t, body) = self.original(src);
                // A wire copy: new headline half the time, maybe the last paragraphs
                // cut, a few words swapped, a boilerplate line added.
                let title = if rng.below(2) == 0 { t } else { self.original(index).0 };
                let mut paras: Vec<String> = body.split("\n\n").map(str::to_string).collect();
                if paras.len() > 3 && rng.below(3) == 0 {
                    let keep = paras.len() - 1 - rng.below(paras.len() / 3);
                    paras.truncate(keep.max(2));
                }
                for p in paras.iter_mut() {
                    if rng.below(4) == 0 {
                        let mut words: Vec<&str> = p.split(' ').collect();
                        let i = rng.below(words.len());
                        words[i] = FUNCTION[rng.below(FUNCTION.len())];
                        *p = words.join(" ");
                    }
                }
                if rng.below(2) == 0 {
                    paras.push(format!(
                        "Reporting by {}; editing by staff.",
                        capitalise(&make_word(&mut rng, 2, 1))
                    ));
                }
                (title, paras.join("\n\n"))
            }
        };
        let outlet = self.vocab.outlets[rng.below(self.vocab.outlets.len())].clone();
        Some(SynthArticle { index, title, text, published, outlet, story, copy_of })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stream_is_seeded_ordered_and_labelled() {
        let cfg = SynthConfig { articles: 2000, ..SynthConfig::default() };
        let a: Vec<SynthArticle> = SynthStream::new(cfg.clone()).collect();
        let b: Vec<SynthArticle> = SynthStream::new(cfg).collect();
        assert_eq!(a.len(), 2000);
        let stream = SynthStream::new(SynthConfig { articles: 2000, ..SynthConfig::default() });
        for i in [0, 7, 1999] {
            let x = stream.article(i).unwrap();
            assert_eq!((&x.title, &x.text, x.story), (&a[i].title, &a[i].text, a[i].story));
        }
        assert!(stream.article(2000).is_none());
        assert_eq!(
            a.iter().map(|x| &x.text).collect::<Vec<_>>(),
            b.iter().map(|x| &x.text).collect::<Vec<_>>()
        );
        assert!(a.windows(2).all(|w| w[0].published <= w[1].published));
        let copies = a.iter().filter(|x| x.copy_of.is_some()).count();
        assert!((150..450).contains(&copies), "about 15% copies, got {copies}");
        for x in a.iter().filter(|x| x.copy_of.is_some()) {
            let src = &a[x.copy_of.unwrap_or(0)];
            assert_eq!(src.story, x.story);
            assert!(src.index < x.index);
        }
        let mut sizes = std::collections::HashMap::new();
        for x in &a {
            *sizes.entry(x.story).or_insert(0usize) += 1;
        }
        let biggest = sizes.values().max().copied().unwrap_or(0);
        let singles = sizes.values().filter(|s| **s == 1).count();
        assert!(
            biggest > 50 && singles > 20,
            "Zipf-like sizes: biggest {biggest}, singles {singles}"
        );
        assert!(a.iter().filter(|x| x.copy_of.is_none()).all(|x| x.text.len() >= 3000));
    }
}
