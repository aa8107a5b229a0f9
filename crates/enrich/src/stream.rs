//! The token stream the extractors read: the analyser's words and numbers
//! with the punctuation between them, each knowing its sentence.

use parallax_model::Span;
use parallax_text::{Analysis, Lang, TokenKind};

/// What a stream token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Number,
    /// One punctuation or symbol char.
    Punct(char),
}

/// One token of the stream.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    pub(crate) span: Span,
    /// Surface form.
    pub(crate) text: &'a str,
    /// Lower-cased surface form (words); the char itself for punctuation.
    pub(crate) lower: String,
    pub(crate) kind: Kind,
    pub(crate) sentence: u32,
    /// First char upper-case.
    pub(crate) cap: bool,
    /// A paragraph break (blank line) comes right before this token.
    pub(crate) para_start: bool,
}

impl Tok<'_> {
    pub(crate) fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub(crate) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    pub(crate) fn punct(&self) -> Option<char> {
        match self.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    /// The word without a possessive `'s` / `’s` / `'`.
    pub(crate) fn bare(&self) -> &str {
        for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
            if let Some(b) = self.text.strip_suffix(suffix)
                && !b.is_empty()
            {
                return b;
            }
        }
        self.text
    }
}

/// The article as the extractors see it.
pub(crate) struct Doc<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: Vec<Tok<'a>>,
    pub(crate) lang: Lang,
    /// Token index range of each sentence.
    pub(crate) sentence_toks: Vec<(usize, usize)>,
}

impl<'a> Doc<'a> {
    pub(crate) fn new(text: &'a str, analysis: &Analysis) -> Doc<'a> {
        let lang = analysis.lang.unwrap_or(Lang::EN);
        let mut b = Builder {
            text,
            sentences: &analysis.sentences,
            toks: Vec::with_capacity(analysis.tokens.len() * 5 / 4),
            sentence: 0,
            pending_para: true,
        };
        let mut at = 0usize;
        for t in &analysis.tokens {
            let start = t.span.start as usize;
            let end = t.span.end as usize;
            if start < at || end > text.len() {
                continue;
            }
            b.gap(at, start);
            let Some(surface) = text.get(start..end) else {
                continue;
            };
            let sentence = b.sentence_at(start);
            b.toks.push(Tok {
                span: t.span,
                text: surface,
                lower: surface.to_lowercase(),
                kind: match t.kind {
                    TokenKind::Word => Kind::Word,
                    TokenKind::Number => Kind::Number,
                },
                sentence,
                cap: surface.chars().next().is_some_and(char::is_uppercase),
                para_start: std::mem::take(&mut b.pending_para),
            });
            at = end;
        }
        b.gap(at, text.len());
        let toks = b.toks;
        let mut sentence_toks = vec![(0usize, 0usize); analysis.sentences.len().max(1)];
        let mut i = 0;
        for (s, range) in sentence_toks.iter_mut().enumerate() {
            let start = i;
            while i < toks.len() && toks[i].sentence as usize == s {
                i += 1;
            }
            *range = (start, i);
        }
        Doc { text, toks, lang, sentence_toks }
    }

    /// The text from the start of token `a` to the end of token `b - 1`.
    pub(crate) fn span_of(&self, a: usize, b: usize) -> Span {
        match (self.toks.get(a), b.checked_sub(1).and_then(|e| self.toks.get(e))) {
            (Some(x), Some(y)) if a < b => Span::new(x.span.start as usize, y.span.end as usize),
            _ => Span::new(0, 0),
        }
    }

    pub(crate) fn slice(&self, span: Span) -> &'a str {
        span.slice(self.text).unwrap_or("")
    }
}

/// Builds the stream: punctuation from the gaps between the analyser's tokens.
struct Builder<'a, 's> {
    text: &'a str,
    sentences: &'s [Span],
    toks: Vec<Tok<'a>>,
    /// Sentence of the last token (sentences only move forward).
    sentence: usize,
    /// A line break was seen since the last token.
    pending_para: bool,
}

impl<'a> Builder<'a, '_> {
    fn sentence_at(&mut self, pos: usize) -> u32 {
        while self.sentence + 1 < self.sentences.len()
            && self.sentences[self.sentence + 1].start as usize <= pos
        {
            self.sentence += 1;
        }
        self.sentence as u32
    }

    /// Punctuation tokens for the text between `from` and `to`.
    fn gap(&mut self, from: usize, to: usize) {
        let Some(gap) = self.text.get(from..to) else { return };
        let mut chars = gap.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c == '\n' {
                self.pending_para = true;
            }
            if c.is_whitespace() {
                continue;
            }
            let s = from + i;
            // Two apostrophes are a double quotation mark (''…'').
            let (kind, len) = if c == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                chars.next();
                (Kind::Punct('"'), 2)
            } else {
                (Kind::Punct(c), c.len_utf8())
            };
            let sentence = self.sentence_at(s);
            self.toks.push(Tok {
                span: Span::new(s, s + len),
                text: &gap[i..i + len],
                lower: c.to_string(),
                kind,
                sentence,
                cap: false,
                para_start: std::mem::take(&mut self.pending_para),
            });
        }
    }
}
