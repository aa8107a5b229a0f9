//! [`Token`] and the tokenizer: a single pass over the text with a small
//! character-class scanner (no UAX#29 tables; see the crate doc for why).

use parallax_model::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with digits, inner hyphens and apostrophes
    /// (`"well-known"`, `"Rubio's"`, `"COVID-19"`, `"1990s"`, `"10km"`), or a
    /// dotted acronym (`"U.S."`).
    Word,
    /// Digits only, with inner `.`/`,`/`:` separators between digits
    /// (`"2,000"`, `"5.5"`, `"1.000.000"`, `"10:30"`). Signs, currency and
    /// unit symbols (`"$"`, `"%"`, `"€"`) are not part of it and are not tokens:
    /// read them from the text around [`Token::span`].
    Number,
}

/// One token of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the analysed text; `span.slice(text)` is the surface form.
    pub span: Span,
    /// Lower-cased, typographic apostrophes as `'`, light NFC composition.
    pub norm: String,
    /// Snowball stem of `norm` for languages with a stemmer; `norm` itself for
    /// stop words, numbers and languages without one.
    pub stem: String,
    /// True when `norm` (without a French/Italian elision apostrophe) is in
    /// the language's stop-word list (NLTK lists).
    pub stop: bool,
    /// Word or number.
    pub kind: TokenKind,
    /// Index of the sentence holding the token (into `Analysis::sentences`);
    /// 0 from [`crate::Analyzer::tokens`], which does not split sentences.
    pub sentence: u32,
}

/// A token's position and kind, before normalisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawToken {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: TokenKind,
}

/// The char at byte `i` and its length, if any.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some(b as char);
    }
    text.get(i..)?.chars().next()
}

/// Letters, digits and the combining marks that sit inside words.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric()
        || matches!(c, '\u{0300}'..='\u{036f}' | '\u{00ad}' | '\u{200c}' | '\u{200d}')
        || (('\u{0900}'..='\u{0dff}').contains(&c) && !matches!(c, '\u{0964}' | '\u{0965}'))
        || ('\u{064b}'..='\u{065f}').contains(&c)
        || ('\u{0591}'..='\u{05bd}').contains(&c)
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

#[inline]
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Scans `text` and appends its tokens, with offsets shifted by `base`.
///
/// `elide` splits French/Italian elisions: `"l'homme"` → `"l'"`, `"homme"`.
pub(crate) fn scan(text: &str, base: usize, elide: bool, out: &mut Vec<RawToken>) {
    let len = text.len();
    let mut i = 0;
    while i < len {
        let Some(c) = char_at(text, i) else { break };
        if !is_word_char(c) {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut numeric = c.is_numeric();
        let mut prev = c;
        i += c.len_utf8();
        // Dotted acronym: single letters each followed by '.', at least two.
        if c.is_alphabetic()
            && let Some(end) = dotted_acronym(text, start)
        {
            out.push(RawToken { start: base + start, end: base + end, kind: TokenKind::Word });
            i = end;
            continue;
        }
        let mut part_start = start;
        let mut pushed = false;
        while i < len {
            let Some(c) = char_at(text, i) else { break };
            if is_word_char(c) {
                if numeric && !c.is_numeric() {
                    numeric = false;
                }
                prev = c;
                i += c.len_utf8();
                continue;
            }
            let Some(next) = char_at(text, i + c.len_utf8()) else { break };
            if numeric && matches!(c, '.' | ',' | ':') && next.is_numeric() {
                // "2,000", "5.5", "10:30".
                i += c.len_utf8();
                continue;
            }
            if is_hyphen(c) && is_word_char(next) && (prev.is_alphabetic() || next.is_alphabetic())
            {
                // "well-known", "COVID-19", "19-year-old"; not "5-3".
                numeric = false;
                i += c.len_utf8();
                part_start = i;
                continue;
            }
            if is_apostrophe(c) && next.is_alphabetic() && prev.is_alphabetic() {
                let after = i + c.len_utf8();
                if elide && is_elision(&text[part_start..i]) {
                    out.push(RawToken {
                        start: base + start,
                        end: base + after,
                        kind: TokenKind::Word,
                    });
                    let end = continue_word(text, after);
                    out.push(RawToken {
                        start: base + after,
                        end: base + end,
                        kind: TokenKind::Word,
                    });
                    i = end;
                    pushed = true;
                    break;
                }
                numeric = false;
                i = after;
                continue;
            }
            break;
        }
        if pushed {
            continue;
        }
        let kind = if numeric { TokenKind::Number } else { TokenKind::Word };
        out.push(RawToken { start: base + start, end: base + i, kind });
    }
}

/// After an elision, the rest of the word: letters, inner hyphens and
/// apostrophes (no further elision splitting).
fn continue_word(text: &str, mut i: usize) -> usize {
    let mut prev = ' ';
    while let Some(c) = char_at(text, i) {
        if is_word_char(c) {
            prev = c;
            i += c.len_utf8();
            continue;
        }
        let Some(next) = char_at(text, i + c.len_utf8()) else { break };
        if (is_hyphen(c) || is_apostrophe(c)) && is_word_char(next) && prev.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        break;
    }
    i
}

/// French/Italian elided forms: `l'`, `d'`, `qu'`, `jusqu'`, `dell'`, `all'`…
fn is_elision(part: &str) -> bool {
    let n = part.chars().count();
    n <= 2
        || (n <= 7
            && (part.ends_with("qu")
                || part.ends_with("QU")
                || part.ends_with("ll")
                || part.ends_with("LL")))
}

/// If an acronym like `U.S.`, `e.g.`, `z.B.` starts at `start`, its end
/// (after the last period).
fn dotted_acronym(text: &str, start: usize) -> Option<usize> {
    let mut i = start;
    let mut letters = 0;
    loop {
        let c = char_at(text, i).filter(|c| c.is_alphabetic())?;
        let dot = i + c.len_utf8();
        if char_at(text, dot) != Some('.') {
            return None;
        }
        letters += 1;
        i = dot + 1;
        let next_is_letter = char_at(text, i).is_some_and(|c| c.is_alphabetic());
        let then_dot = char_at(text, i).and_then(|c| char_at(text, i + c.len_utf8())) == Some('.');
        if !(next_is_letter && then_dot) {
            break;
        }
    }
    // The single letter after the last dot must not continue a word.
    let after_ok = char_at(text, i).is_none_or(|c| !is_word_char(c));
    (letters >= 2 && after_ok).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str, elide: bool) -> Vec<(&str, TokenKind)> {
        let mut out = Vec::new();
        scan(text, 0, elide, &mut out);
        out.iter().map(|t| (&text[t.start..t.end], t.kind)).collect()
    }

    fn words(text: &str) -> Vec<&str> {
        toks(text, false).into_iter().map(|(w, _)| w).collect()
    }

    #[test]
    fn numbers() {
        use TokenKind::*;
        assert_eq!(
            toks("2,000 people, 5.5% and $3 at 10:30, 1, 2", false),
            vec![
                ("2,000", Number),
                ("people", Word),
                ("5.5", Number),
                ("and", Word),
                ("3", Number),
                ("at", Word),
                ("10:30", Number),
                ("1", Number),
                ("2", Number),
            ]
        );
        assert_eq!(toks("1990s 5-3", false), vec![("1990s", Word), ("5", Number), ("3", Number)]);
        assert_eq!(toks("in 2020.", false), vec![("in", Word), ("2020", Number)]);
    }

    #[test]
    fn hyphens_apostrophes_acronyms() {
        assert_eq!(
            words("a well-known COVID-19 19-year-old"),
            ["a", "well-known", "COVID-19", "19-year-old"]
        );
        assert_eq!(
            words("Rubio's don\u{2019}t O'Brien 'quoted'"),
            ["Rubio's", "don\u{2019}t", "O'Brien", "quoted"]
        );
        assert_eq!(
            words("the U.S. and e.g. z.B. end."),
            ["the", "U.S.", "and", "e.g.", "z.B.", "end"]
        );
        assert_eq!(words("-- dash - split"), ["dash", "split"]);
    }

    #[test]
    fn elision() {
        assert_eq!(
            toks("l'homme qu'il aujourd'hui", true).iter().map(|t| t.0).collect::<Vec<_>>(),
            ["l'", "homme", "qu'", "il", "aujourd'hui"]
        );
        assert_eq!(words("l'homme"), ["l'homme"]);
    }

    #[test]
    fn unicode_words() {
        assert_eq!(words("Москва, 東京! naïve café"), ["Москва", "東京", "naïve", "café"]);
        assert_eq!(words(""), Vec::<&str>::new());
    }
}
