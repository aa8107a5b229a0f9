//! A small hand-written scanner shared by quantities and dates: words,
//! numbers and single symbols with their byte offsets, plus number parsing
//! with per-language decimal separators and number words.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits, possibly with `,` `.` `'` between digits.
    Num,
    /// Any other single non-space character.
    Sym,
}

/// One token: a byte range of the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
    /// Whitespace directly before it (or it is the first token).
    pub(crate) space: bool,
    /// A line break directly before it.
    pub(crate) newline: bool,
}

/// The tokens of `text`.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut space = true;
    let mut newline = false;
    while let Some((b, c)) = chars.next() {
        if c.is_whitespace() {
            space = true;
            if c == '\n' || c == '\r' || c == '\u{2029}' {
                newline = true;
            }
            continue;
        }
        let (kind, end) = if c.is_ascii_digit() {
            let mut end = b + 1;
            loop {
                match chars.peek() {
                    Some(&(nb, nc)) if nc.is_ascii_digit() => {
                        end = nb + 1;
                        chars.next();
                    }
                    Some(&(nb, ',' | '.' | '\'')) => {
                        // A separator only belongs to the number when a digit follows.
                        let next_is_digit =
                            text[nb + 1..].chars().next().is_some_and(|d| d.is_ascii_digit());
                        if next_is_digit {
                            end = nb + 1;
                            chars.next();
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            (Kind::Num, end)
        } else if c.is_alphabetic() {
            let mut end = b + c.len_utf8();
            while let Some(&(nb, nc)) = chars.peek() {
                if nc.is_alphabetic() || is_mark(nc) {
                    end = nb + nc.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            (Kind::Word, end)
        } else {
            (Kind::Sym, b + c.len_utf8())
        };
        out.push(Tok { start: b, end, kind, space, newline });
        space = false;
        newline = false;
    }
    out
}

/// Combining marks that continue a word (decomposed accents).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF)
}

/// A token stream over one text, with small lookup helpers.
pub(crate) struct Stream<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: Vec<Tok>,
    lower: Vec<String>,
}

impl<'a> Stream<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let toks = tokenize(text);
        let lower = toks
            .iter()
            .map(|t| match t.kind {
                Kind::Word => text[t.start..t.end].to_lowercase(),
                _ => String::new(),
            })
            .collect();
        Stream { text, toks, lower }
    }

    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    pub(crate) fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    /// The raw text of token `i` ("" past the end).
    pub(crate) fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    /// The lower-cased text of word `i` ("" when it is not a word).
    pub(crate) fn lower(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", |s| s.as_str())
    }

    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    pub(crate) fn is_num(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Num)
    }

    /// True when token `i` is the symbol `c`.
    pub(crate) fn is_sym(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Sym) && self.raw(i).starts_with(c)
    }

    /// True when token `i` follows token `i - 1` without whitespace.
    pub(crate) fn glued(&self, i: usize) -> bool {
        i > 0 && self.toks.get(i).is_some_and(|t| !t.space)
    }

    /// True when the word `i` starts with an upper-case letter.
    pub(crate) fn is_capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Matches a pattern of lower-case words and symbols starting at `i`;
    /// returns the index after the match. A one-char non-letter element
    /// matches that symbol glued to the token before it (`"."` in
    /// `["mio", "."]`, `"-"` in `["us", "-", "dollar"]`).
    pub(crate) fn match_seq(&self, i: usize, pat: &[&str]) -> Option<usize> {
        self.match_pat(i, pat, false)
    }

    fn match_pat(&self, i: usize, pat: &[&str], raw: bool) -> Option<usize> {
        let mut j = i;
        for (k, p) in pat.iter().enumerate() {
            let t = self.toks.get(j)?;
            let mut pc = p.chars();
            let first = pc.next()?;
            if pc.next().is_none() && !first.is_alphabetic() {
                if t.kind != Kind::Sym || !self.raw(j).starts_with(first) {
                    return None;
                }
                if k > 0 && t.space {
                    return None;
                }
            } else if t.kind != Kind::Word
                || (raw && self.raw(j) != *p)
                || (!raw && self.lower(j) != *p)
            {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// The longest pattern of `table` matching at `i`: its index after the
    /// match and its payload.
    pub(crate) fn longest<T: Copy>(&self, i: usize, table: &[(&[&str], T)]) -> Option<(usize, T)> {
        self.longest_by(i, table, false)
    }

    /// [`Stream::longest`] with case-sensitive words.
    pub(crate) fn longest_raw<T: Copy>(
        &self,
        i: usize,
        table: &[(&[&str], T)],
    ) -> Option<(usize, T)> {
        self.longest_by(i, table, true)
    }

    fn longest_by<T: Copy>(
        &self,
        i: usize,
        table: &[(&[&str], T)],
        raw: bool,
    ) -> Option<(usize, T)> {
        let mut best: Option<(usize, T)> = None;
        let t = self.toks.get(i)?;
        let (kind, lower, surface) = (t.kind, self.lower(i), self.raw(i));
        for (pat, v) in table {
            // Cheap test of the first element before the full match: a word
            // token can only match a word pattern equal to it, a symbol token
            // only a one-char pattern it starts with.
            let Some(first) = pat.first() else { continue };
            let plausible = match kind {
                Kind::Word => *first == if raw { surface } else { lower },
                Kind::Sym => surface.starts_with(first) && first.chars().nth(1).is_none(),
                _ => false,
            };
            if !plausible {
                continue;
            }
            if let Some(j) = self.match_pat(i, pat, raw)
                && best.is_none_or(|(bj, _)| j > bj)
            {
                best = Some((j, *v));
            }
        }
        best
    }

    /// When a URL starts at `i` ("https://…", "www.…"), the index of the
    /// first token after it.
    pub(crate) fn url_end(&self, i: usize) -> Option<usize> {
        if !matches!(self.lower(i), "http" | "https" | "www" | "ftp") {
            return None;
        }
        if !(self.glued(i + 1) && (self.is_sym(i + 1, ':') || self.is_sym(i + 1, '.'))) {
            return None;
        }
        let mut k = i + 1;
        while k < self.len() && self.glued(k) {
            k += 1;
        }
        Some(k)
    }

    /// The byte span from the start of token `a` to the end of token `b - 1`.
    pub(crate) fn bytes(&self, a: usize, b: usize) -> (usize, usize) {
        let s = self.toks.get(a).map_or(self.text.len(), |t| t.start);
        let e = b.checked_sub(1).and_then(|k| self.toks.get(k)).map_or(s, |t| t.end);
        (s, e.max(s))
    }
}

/// A decimal number: `mant × 10^exp`, with the count of significant digits
/// kept implicit (the last digit's place is `10^exp`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Dec {
    pub(crate) mant: u64,
    pub(crate) exp: i32,
}

impl Dec {
    pub(crate) fn int(n: u64) -> Dec {
        Dec { mant: n, exp: 0 }
    }

    /// The value, exact whenever `mant` and the power of ten are exact.
    pub(crate) fn value(self) -> f64 {
        pow10_mul(self.mant as f64, self.exp)
    }

    /// The place of the last stated digit (`0.1` for "4.2").
    pub(crate) fn step(self) -> f64 {
        pow10_mul(1.0, self.exp)
    }

    /// Times `mult × 10^exp`.
    pub(crate) fn scaled(self, mult: u64, exp: i32) -> Dec {
        match self.mant.checked_mul(mult) {
            Some(m) => Dec { mant: m, exp: self.exp.saturating_add(exp) },
            None => Dec { mant: u64::MAX, exp: self.exp.saturating_add(exp) },
        }
    }
}

/// `x × 10^e`, dividing for negative `e` so that "4.2" stays 4.2.
fn pow10_mul(x: f64, e: i32) -> f64 {
    if e >= 0 { x * 10f64.powi(e) } else { x / 10f64.powi(-e) }
}

/// Parses one [`Kind::Num`] token. `decimal_comma` picks the decimal
/// separator when only one separator occurs once ("1,5" de = 1.5, en =
/// invalid; "1.234" de = 1234, en = 1.234). `None` for malformed groupings
/// ("1,2,3", "1.2.3") and numbers with more than 15 digits.
pub(crate) fn parse_number(s: &str, decimal_comma: bool) -> Option<Dec> {
    let bytes = s.as_bytes();
    if bytes.is_empty() || !bytes[0].is_ascii_digit() {
        return None;
    }
    let seps: Vec<(usize, u8)> = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| !b.is_ascii_digit())
        .map(|(i, b)| (i, *b))
        .collect();
    // Which separator (if any) is the decimal point.
    let decimal: Option<u8> = if seps.is_empty() {
        None
    } else {
        let has_comma = seps.iter().any(|s| s.1 == b',');
        let has_dot = seps.iter().any(|s| s.1 == b'.');
        let last = seps.last().map(|s| s.1)?;
        if has_comma && has_dot {
            if last == b'\'' {
                return None;
            }
            Some(last)
        } else if seps.len() == 1 && last != b'\'' {
            let digits_after = bytes.len() - seps[0].0 - 1;
            let is_local_decimal = (last == b',') == decimal_comma;
            if is_local_decimal || digits_after != 3 {
                if !is_local_decimal && last == b',' {
                    // English "1,5": neither a decimal nor a thousands group.
                    return None;
                }
                Some(last)
            } else {
                None
            }
        } else {
            None
        }
    };
    let mut int_part = String::new();
    let mut frac_part = String::new();
    let mut groups: Vec<usize> = Vec::new();
    let mut cur = 0usize;
    let mut in_frac = false;
    for &b in bytes {
        if b.is_ascii_digit() {
            if in_frac {
                frac_part.push(b as char);
            } else {
                int_part.push(b as char);
                cur += 1;
            }
        } else if Some(b) == decimal {
            if in_frac {
                return None;
            }
            in_frac = true;
        } else {
            if in_frac {
                return None;
            }
            groups.push(cur);
            cur = 0;
            // Thousands separators must all be the same character.
            if seps.iter().any(|s| s.1 != b && Some(s.1) != decimal) {
                return None;
            }
        }
    }
    if !groups.is_empty() {
        groups.push(cur);
        let first = groups[0];
        if !(1..=3).contains(&first) || groups[1..].iter().any(|&g| g != 3) {
            return None;
        }
    }
    if in_frac && frac_part.is_empty() {
        return None;
    }
    let digits = int_part.len() + frac_part.len();
    if digits > 15 {
        return None;
    }
    let all = format!("{int_part}{frac_part}");
    let mant: u64 = all.parse().ok()?;
    Some(Dec { mant, exp: -(frac_part.len() as i32) })
}

/// English number words below a hundred.
const EN_SMALL: &[(&str, u64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

fn en_small(w: &str) -> Option<u64> {
    EN_SMALL.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

/// Parses English number words starting at `i` ("twenty-five", "two
/// hundred and fifty", "three thousand"); `(value, next index)`.
/// Millions and above are scale words, read by the caller.
pub(crate) fn en_number_words(st: &Stream<'_>, i: usize) -> Option<(u64, usize)> {
    let mut total = 0u64;
    let mut cur = 0u64;
    let mut j = i;
    let mut last_end = i;
    let mut any = false;
    // What the last word was: 0 none, 1 unit/teen, 2 tens, 3 hundred, 4 thousand.
    let mut last = 0u8;
    loop {
        if !st.is_word(j) {
            break;
        }
        let w = st.lower(j);
        if let Some(v) = en_small(w) {
            let ok = match last {
                0 | 3 | 4 => true,
                2 => (1..10).contains(&v),
                _ => false,
            };
            if !ok || (v == 0 && any) {
                break;
            }
            cur += v;
            last = if v >= 20 { 2 } else { 1 };
        } else if w == "hundred" && (last == 1 || last == 2) && cur > 0 && cur < 100 {
            cur *= 100;
            last = 3;
        } else if w == "thousand" && matches!(last, 1..=3) && total == 0 {
            total = cur * 1000;
            cur = 0;
            last = 4;
        } else {
            break;
        }
        any = true;
        j += 1;
        last_end = j;
        // Joiners: "twenty-five", "hundred and fifty".
        let hyphen = st.is_sym(j, '-') && st.glued(j) && st.glued(j + 1);
        let and = st.lower(j) == "and" && (last == 3 || last == 4);
        if (hyphen || and) && en_small(st.lower(j + 1)).is_some() {
            j += 1;
        }
    }
    if any { Some((total + cur, last_end)) } else { None }
}

const DE_ONES: &[(&str, u64)] = &[
    ("eins", 1),
    ("ein", 1),
    ("zwei", 2),
    ("drei", 3),
    ("vier", 4),
    ("fünf", 5),
    ("sechs", 6),
    ("sieben", 7),
    ("acht", 8),
    ("neun", 9),
];
const DE_TEENS: &[(&str, u64)] = &[
    ("zehn", 10),
    ("elf", 11),
    ("zwölf", 12),
    ("dreizehn", 13),
    ("vierzehn", 14),
    ("fünfzehn", 15),
    ("sechzehn", 16),
    ("siebzehn", 17),
    ("achtzehn", 18),
    ("neunzehn", 19),
];
const DE_TENS: &[(&str, u64)] = &[
    ("zwanzig", 20),
    ("dreißig", 30),
    ("dreissig", 30),
    ("vierzig", 40),
    ("fünfzig", 50),
    ("sechzig", 60),
    ("siebzig", 70),
    ("achtzig", 80),
    ("neunzig", 90),
];

fn lookup(table: &[(&str, u64)], w: &str) -> Option<u64> {
    table.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

/// German 1..99 inside a compound ("ein" allowed: "einundzwanzig").
fn de_below_100(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    if let Some(v) =
        lookup(DE_ONES, s).or_else(|| lookup(DE_TEENS, s)).or_else(|| lookup(DE_TENS, s))
    {
        return Some(v);
    }
    for (one, ov) in DE_ONES {
        if *one == "eins" {
            continue;
        }
        if let Some(rest) = s.strip_prefix(one).and_then(|r| r.strip_prefix("und"))
            && let Some(t) = lookup(DE_TENS, rest)
        {
            return Some(t + ov);
        }
    }
    None
}

fn de_below_1000(s: &str) -> Option<u64> {
    if let Some(pos) = s.find("hundert") {
        let (left, right) = (&s[..pos], &s[pos + "hundert".len()..]);
        let h = if left.is_empty() {
            1
        } else {
            let v = de_below_100(left)?;
            if v > 9 {
                return None;
            }
            v
        };
        let right = right.strip_prefix("und").unwrap_or(right);
        let r = if right.is_empty() { 0 } else { de_below_100(right)? };
        Some(h * 100 + r)
    } else {
        de_below_100(s)
    }
}

/// Parses one lower-case German number word ("zwei", "einundzwanzig",
/// "zweihundert", "dreitausend"). The articles "ein"/"eine" alone are not
/// numbers here.
pub(crate) fn de_number_word(w: &str) -> Option<u64> {
    if w == "ein" || w.is_empty() {
        return None;
    }
    if let Some(pos) = w.find("tausend") {
        let (left, right) = (&w[..pos], &w[pos + "tausend".len()..]);
        let l = if left.is_empty() { 1 } else { de_below_1000(left)? };
        let right = right.strip_prefix("und").unwrap_or(right);
        let r = if right.is_empty() { 0 } else { de_below_1000(right)? };
        return Some(l * 1000 + r);
    }
    de_below_1000(w)
}
