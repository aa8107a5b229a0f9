//! What the aligners share: each article's tokens with interned stems and
//! their WordNet synsets, and code point offsets.

use std::collections::HashMap;

use parallax_enrich::CharIndex;
use parallax_model::Span;
use parallax_text::TokenKind;

use crate::input::ArticleInput;
use crate::wordnet::{SynsetId, WordNet, sorted_overlap};

/// One token of an article, ready for matching.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    /// Lower-cased surface form.
    pub(crate) norm: String,
    /// Interned stem.
    pub(crate) stem: u32,
    /// Stop word.
    pub(crate) stop: bool,
    /// A number.
    pub(crate) number: bool,
    /// Byte span in the article.
    pub(crate) span: Span,
    /// Sentence index.
    pub(crate) sentence: u32,
    /// Inside a quantity: the first token of one stands for it (its norm
    /// and stem are the quantity's key, so "5%" = "five per cent"), the
    /// others are `absorbed` and left out of quotes and facts.
    pub(crate) quantity: bool,
    /// A later token of a quantity.
    pub(crate) absorbed: bool,
    /// Synsets of a content word (empty for stop words, numbers, unknown
    /// words and words with more senses than the configured maximum).
    pub(crate) syn: Vec<SynsetId>,
}

impl Tok {
    /// A content word: not a stop word, not a number, two letters or more.
    pub(crate) fn content(&self) -> bool {
        !self.stop && !self.number && !self.quantity && self.norm.chars().count() > 1
    }

    /// Same stem, or synonyms.
    pub(crate) fn like(&self, other: &Tok) -> bool {
        self.stem == other.stem || sorted_overlap(&self.syn, &other.syn)
    }
}

/// One article prepared for alignment.
#[derive(Debug)]
pub(crate) struct Prepared {
    /// Outlet name (the article id when unknown).
    pub(crate) outlet: String,
    /// Byte → code point offsets.
    pub(crate) ix: CharIndex,
    /// Tokens in text order.
    pub(crate) toks: Vec<Tok>,
}

/// Stem interner shared by all articles of one comparison.
#[derive(Debug, Default)]
pub(crate) struct Stems {
    ids: HashMap<String, u32>,
}

impl Stems {
    pub(crate) fn id(&mut self, stem: &str) -> u32 {
        if let Some(&id) = self.ids.get(stem) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(stem.to_string(), id);
        id
    }
}

/// Prepares every article; `max_senses` caps the synsets a word may have to
/// take part in synonym matching (very polysemous words match too much).
pub(crate) fn prepare(
    arts: &[ArticleInput],
    wordnet: Option<&WordNet>,
    max_senses: usize,
) -> Vec<Prepared> {
    let mut stems = Stems::default();
    let mut syn_cache: HashMap<String, Vec<SynsetId>> = HashMap::new();
    arts.iter()
        .map(|a| {
            let toks = a
                .analysis
                .tokens
                .iter()
                .map(|t| {
                    let number = t.kind == TokenKind::Number;
                    let mut tok = Tok {
                        norm: t.norm.clone(),
                        stem: stems.id(&t.stem),
                        stop: t.stop,
                        number,
                        span: t.span,
                        sentence: t.sentence,
                        quantity: false,
                        absorbed: false,
                        syn: Vec::new(),
                    };
                    if let Some(wn) = wordnet.filter(|_| tok.content()) {
                        let syn = syn_cache
                            .entry(tok.norm.clone())
                            .or_insert_with(|| {
                                let s = wn.synsets(&tok.norm);
                                if s.len() > max_senses { Vec::new() } else { s }
                            })
                            .clone();
                        tok.syn = syn;
                    }
                    tok
                })
                .collect::<Vec<Tok>>();
            let mut toks = toks;
            // Words of a date are the date feature, not content words.
            for d in &a.extraction.dates {
                for t in toks
                    .iter_mut()
                    .filter(|t| d.span.start <= t.span.start && t.span.end <= d.span.end)
                {
                    t.stop = true;
                    t.syn.clear();
                }
            }
            for q in &a.extraction.quantities {
                let key = q.key();
                let mut first = true;
                for t in toks
                    .iter_mut()
                    .filter(|t| q.span.start <= t.span.start && t.span.end <= q.span.end)
                {
                    t.quantity = true;
                    if first {
                        t.stem = stems.id(&format!("#{key}"));
                        t.norm = key.clone();
                        t.syn.clear();
                        first = false;
                    } else {
                        t.absorbed = true;
                    }
                }
            }
            Prepared { outlet: a.outlet_name().to_string(), ix: CharIndex::new(&a.text), toks }
        })
        .collect()
}

/// Indices of the tokens inside `spans` (sorted, non-overlapping), leaving
/// out words inside square brackets (editorial insertions: "[Trump] has").
pub(crate) fn toks_in(text: &str, toks: &[Tok], spans: &[Span]) -> Vec<usize> {
    let mut out = Vec::new();
    for sp in spans {
        let (a, b) = (sp.start as usize, sp.end as usize);
        let first = toks.partition_point(|t| (t.span.start as usize) < a);
        for (i, t) in toks.iter().enumerate().skip(first) {
            if t.span.end as usize > b {
                break;
            }
            if t.absorbed || in_brackets(text, a, t.span.start as usize) {
                continue;
            }
            out.push(i);
        }
    }
    out
}

/// True when byte `at` lies after an unclosed `[` that opened at or after `from`.
fn in_brackets(text: &str, from: usize, at: usize) -> bool {
    let Some(before) = text.get(from..at) else { return false };
    match (before.rfind('['), before.rfind(']')) {
        (Some(o), Some(c)) => o > c,
        (Some(_), None) => true,
        _ => false,
    }
}
