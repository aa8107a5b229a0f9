//! [`Lang`], the ISO 639-1 language newtype, and language detection.

use std::fmt;
use std::str::FromStr;

/// A language, named by its ISO 639-1 code (`"en"`, `"de"`, …).
///
/// The set is the one whatlang can detect (69 languages); parsing accepts the
/// two-letter code, whatlang's ISO 639-3 code (`"deu"`) or a locale tag
/// (`"en-GB"`, `"pt_BR"`), case-insensitively. `"no"` parses as Norwegian
/// Bokmål (`"nb"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lang(u8);

/// One row per language: whatlang's variant, ISO 639-1 code, English name.
const LANGS: &[(whatlang::Lang, &str, &str)] = {
    use whatlang::Lang as W;
    &[
        (W::Eng, "en", "English"),
        (W::Deu, "de", "German"),
        (W::Fra, "fr", "French"),
        (W::Spa, "es", "Spanish"),
        (W::Ita, "it", "Italian"),
        (W::Por, "pt", "Portuguese"),
        (W::Nld, "nl", "Dutch"),
        (W::Rus, "ru", "Russian"),
        (W::Ukr, "uk", "Ukrainian"),
        (W::Pol, "pl", "Polish"),
        (W::Dan, "da", "Danish"),
        (W::Swe, "sv", "Swedish"),
        (W::Nob, "nb", "Norwegian Bokmål"),
        (W::Fin, "fi", "Finnish"),
        (W::Hun, "hu", "Hungarian"),
        (W::Ron, "ro", "Romanian"),
        (W::Ell, "el", "Greek"),
        (W::Tur, "tr", "Turkish"),
        (W::Ara, "ar", "Arabic"),
        (W::Tam, "ta", "Tamil"),
        (W::Ces, "cs", "Czech"),
        (W::Slk, "sk", "Slovak"),
        (W::Slv, "sl", "Slovene"),
        (W::Hrv, "hr", "Croatian"),
        (W::Srp, "sr", "Serbian"),
        (W::Bul, "bg", "Bulgarian"),
        (W::Mkd, "mk", "Macedonian"),
        (W::Bel, "be", "Belarusian"),
        (W::Lit, "lt", "Lithuanian"),
        (W::Lav, "lv", "Latvian"),
        (W::Est, "et", "Estonian"),
        (W::Cat, "ca", "Catalan"),
        (W::Cym, "cy", "Welsh"),
        (W::Lat, "la", "Latin"),
        (W::Epo, "eo", "Esperanto"),
        (W::Afr, "af", "Afrikaans"),
        (W::Heb, "he", "Hebrew"),
        (W::Yid, "yi", "Yiddish"),
        (W::Pes, "fa", "Persian"),
        (W::Urd, "ur", "Urdu"),
        (W::Hin, "hi", "Hindi"),
        (W::Ben, "bn", "Bengali"),
        (W::Mar, "mr", "Marathi"),
        (W::Guj, "gu", "Gujarati"),
        (W::Pan, "pa", "Punjabi"),
        (W::Ori, "or", "Oriya"),
        (W::Tel, "te", "Telugu"),
        (W::Kan, "kn", "Kannada"),
        (W::Mal, "ml", "Malayalam"),
        (W::Sin, "si", "Sinhala"),
        (W::Nep, "ne", "Nepali"),
        (W::Cmn, "zh", "Chinese"),
        (W::Jpn, "ja", "Japanese"),
        (W::Kor, "ko", "Korean"),
        (W::Vie, "vi", "Vietnamese"),
        (W::Tha, "th", "Thai"),
        (W::Khm, "km", "Khmer"),
        (W::Mya, "my", "Burmese"),
        (W::Ind, "id", "Indonesian"),
        (W::Jav, "jv", "Javanese"),
        (W::Tgl, "tl", "Tagalog"),
        (W::Kat, "ka", "Georgian"),
        (W::Hye, "hy", "Armenian"),
        (W::Aze, "az", "Azerbaijani"),
        (W::Uzb, "uz", "Uzbek"),
        (W::Tuk, "tk", "Turkmen"),
        (W::Amh, "am", "Amharic"),
        (W::Aka, "ak", "Akan"),
        (W::Zul, "zu", "Zulu"),
        (W::Sna, "sn", "Shona"),
    ]
};

impl Lang {
    /// English.
    pub const EN: Lang = Lang(0);
    /// German.
    pub const DE: Lang = Lang(1);
    /// French.
    pub const FR: Lang = Lang(2);
    /// Spanish.
    pub const ES: Lang = Lang(3);
    /// Italian.
    pub const IT: Lang = Lang(4);

    /// Parses a language code (see the type doc); `None` for unknown codes.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim();
        // Locale tags: keep the language subtag.
        let code = code.split(['-', '_']).next().unwrap_or(code);
        let lower = code.to_ascii_lowercase();
        let lower = match lower.as_str() {
            "no" | "nn" | "nor" => "nb",
            "zho" | "chi" => "zh",
            other => other,
        };
        let idx = match lower.len() {
            2 => LANGS.iter().position(|(_, c, _)| *c == lower),
            3 => LANGS.iter().position(|(w, _, _)| w.code() == lower),
            _ => None,
        }?;
        Some(Lang(idx as u8))
    }

    /// The ISO 639-1 code, e.g. `"en"`.
    pub fn code(self) -> &'static str {
        LANGS[self.0 as usize].1
    }

    /// The English name, e.g. `"German"`.
    pub fn name(self) -> &'static str {
        LANGS[self.0 as usize].2
    }

    /// Every language this crate knows, in a fixed order.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..LANGS.len()).map(|i| Lang(i as u8))
    }

    pub(crate) fn index(self) -> usize {
        self.0 as usize
    }

    pub(crate) fn from_whatlang(w: whatlang::Lang) -> Option<Lang> {
        LANGS.iter().position(|(l, _, _)| *l == w).map(|i| Lang(i as u8))
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The error for a language code [`Lang`] does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown language code {:?}", self.0)
    }
}

impl std::error::Error for UnknownLang {}

impl FromStr for Lang {
    type Err = UnknownLang;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::from_code(s).ok_or_else(|| UnknownLang(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_codes() {
        assert_eq!(Lang::from_code("en"), Some(Lang::EN));
        assert_eq!(Lang::from_code("DE"), Some(Lang::DE));
        assert_eq!(Lang::from_code("deu"), Some(Lang::DE));
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::EN));
        assert_eq!(Lang::from_code("pt_BR").map(Lang::code), Some("pt"));
        assert_eq!(Lang::from_code("no").map(Lang::code), Some("nb"));
        assert_eq!(Lang::from_code("xx"), None);
        assert_eq!(Lang::from_code(""), None);
        assert_eq!("fr".parse::<Lang>().map(Lang::name), Ok("French"));
        assert!("klingon".parse::<Lang>().is_err());
        assert_eq!(Lang::IT.code(), "it");
        assert_eq!(Lang::ES.to_string(), "es");
    }

    #[test]
    fn table_is_consistent() {
        for l in Lang::all() {
            assert_eq!(Lang::from_code(l.code()), Some(l), "{}", l.code());
            assert_eq!(Lang::from_whatlang(LANGS[l.0 as usize].0), Some(l));
        }
        assert_eq!(whatlang::Lang::all().len(), LANGS.len());
    }
}
