//! Token normalisation and diacritic folding.

/// Appends the normalised form of `word` to `out`: lower-cased, typographic
/// apostrophes turned into `'`, hyphen variants into `-`, soft hyphens
/// dropped, and the common Latin base + combining-mark pairs composed (a
/// light "NFC-ish" pass: `e` + U+0301 becomes `é`).
pub(crate) fn push_norm(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
        return;
    }
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{02bc}' | '\u{2018}' | '\u{2032}' => out.push('\''),
            '\u{2010}' | '\u{2011}' => out.push('-'),
            '\u{00ad}' => {}
            '\u{0300}'..='\u{036f}' => {
                let composed = out.chars().next_back().and_then(|base| compose(base, c));
                match composed {
                    Some(k) => {
                        out.pop();
                        out.push(k);
                    }
                    None => out.push(c),
                }
            }
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// Composes a lower-case Latin letter with a combining mark, for the marks
/// European news text actually carries.
fn compose(base: char, mark: char) -> Option<char> {
    let table: &[(char, char)] = match mark {
        '\u{0300}' => &[('a', 'à'), ('e', 'è'), ('i', 'ì'), ('o', 'ò'), ('u', 'ù')],
        '\u{0301}' => &[
            ('a', 'á'),
            ('e', 'é'),
            ('i', 'í'),
            ('o', 'ó'),
            ('u', 'ú'),
            ('y', 'ý'),
            ('c', 'ć'),
            ('n', 'ń'),
            ('s', 'ś'),
            ('z', 'ź'),
        ],
        '\u{0302}' => &[('a', 'â'), ('e', 'ê'), ('i', 'î'), ('o', 'ô'), ('u', 'û')],
        '\u{0303}' => &[('a', 'ã'), ('o', 'õ'), ('n', 'ñ')],
        '\u{0308}' => &[('a', 'ä'), ('e', 'ë'), ('i', 'ï'), ('o', 'ö'), ('u', 'ü'), ('y', 'ÿ')],
        '\u{030a}' => &[('a', 'å'), ('u', 'ů')],
        '\u{030c}' => &[('c', 'č'), ('s', 'š'), ('z', 'ž'), ('r', 'ř'), ('e', 'ě'), ('n', 'ň')],
        '\u{0327}' => &[('c', 'ç'), ('s', 'ş')],
        _ => return None,
    };
    table.iter().find(|(b, _)| *b == base).map(|(_, k)| *k)
}

/// Lower-cases `s` and strips diacritics from Latin letters, for matching
/// names across spellings: `"Løkke"` → `"lokke"`, `"Müller"` → `"muller"`,
/// `"Straße"` → `"strasse"`, `"Zelenskyy"` → `"zelenskyy"`.
///
/// Covers Latin-1 Supplement and Latin Extended-A letters plus combining
/// marks U+0300–U+036F; other scripts are only lower-cased (Cyrillic `й`
/// stays `й`). Typographic apostrophes become `'`.
pub fn fold_diacritics(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| b.to_ascii_lowercase() as char));
        return out;
    }
    for c in s.chars() {
        for l in c.to_lowercase() {
            match fold_char(l) {
                Fold::Keep => out.push(l),
                Fold::Drop => {}
                Fold::One(b) => out.push(b),
                Fold::Two(a, b) => {
                    out.push(a);
                    out.push(b);
                }
            }
        }
    }
    out
}

enum Fold {
    Keep,
    Drop,
    One(char),
    Two(char, char),
}

fn fold_char(c: char) -> Fold {
    use Fold::{Drop, Keep, One, Two};
    match c {
        c if c.is_ascii() => Keep,
        '\u{0300}'..='\u{036f}' | '\u{00ad}' => Drop,
        '\u{2019}' | '\u{02bc}' | '\u{2018}' => One('\''),
        'à'..='å' | 'ā' | 'ă' | 'ą' => One('a'),
        'æ' => Two('a', 'e'),
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => One('c'),
        'ď' | 'đ' | 'ð' => One('d'),
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => One('e'),
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => One('g'),
        'ĥ' | 'ħ' => One('h'),
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => One('i'),
        'ĳ' => Two('i', 'j'),
        'ĵ' => One('j'),
        'ķ' => One('k'),
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => One('l'),
        'ñ' | 'ń' | 'ņ' | 'ň' => One('n'),
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => One('o'),
        'œ' => Two('o', 'e'),
        'ŕ' | 'ŗ' | 'ř' => One('r'),
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => One('s'),
        'ß' => Two('s', 's'),
        'ţ' | 'ť' | 'ŧ' | 'ț' => One('t'),
        'þ' => Two('t', 'h'),
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => One('u'),
        'ŵ' => One('w'),
        'ý' | 'ÿ' | 'ŷ' => One('y'),
        'ź' | 'ż' | 'ž' => One('z'),
        _ => Keep,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        let mut out = String::new();
        push_norm(s, &mut out);
        out
    }

    #[test]
    fn norm_lowercases_and_unifies_apostrophes() {
        assert_eq!(norm("Rubio\u{2019}s"), "rubio's");
        assert_eq!(norm("ÉTÉ"), "été");
        assert_eq!(norm("Cafe\u{0301}"), "café");
        assert_eq!(norm("Bundes\u{00ad}tag"), "bundestag");
        assert_eq!(norm("Well\u{2011}Known"), "well-known");
        assert_eq!(norm("Москва"), "москва");
    }

    #[test]
    fn folding() {
        assert_eq!(fold_diacritics("Løkke"), "lokke");
        assert_eq!(fold_diacritics("Zelenskyy"), "zelenskyy");
        assert_eq!(fold_diacritics("Müller"), "muller");
        assert_eq!(fold_diacritics("Straße"), "strasse");
        assert_eq!(fold_diacritics("Łukasz Šimečka"), "lukasz simecka");
        assert_eq!(fold_diacritics("Jose\u{0301}"), "jose");
        assert_eq!(fold_diacritics("İstanbul"), "istanbul");
        assert_eq!(fold_diacritics("Зеленський"), "зеленський");
        assert_eq!(fold_diacritics("O\u{2019}Brien"), "o'brien");
        assert_eq!(fold_diacritics(""), "");
    }
}
