//! The index schema, its version, and the text analysers (exact, and one
//! stemming analyser per [`Lang`]).
//!
//! Changing anything here that changes what is indexed (a field, an option,
//! an analyser, the languages) must bump [`SCHEMA_VERSION`]: an index on disk with another
//! version is wiped and rebuilt by the caller on open.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer, TokenizerManager,
};

/// Version of the schema and analysers, kept in every commit payload.
///
/// 2: stemmed fields per language (`title_stem_xx`, `text_stem_xx`).
pub const SCHEMA_VERSION: u32 = 2;

/// Name under which [`analyzer`] is registered with each index.
pub(crate) const ANALYZER: &str = "parallax_fold";

/// Value of the `kind` field on article documents.
pub(crate) const KIND_ARTICLE: &str = "article";
/// Value of the `kind` field on quote documents.
pub(crate) const KIND_QUOTE: &str = "quote";

/// Tokens longer than this (in bytes) are dropped: URLs, base64, junk.
const MAX_TOKEN_BYTES: usize = 40;

/// The analyser of the exact text fields, for documents and queries alike:
/// Unicode alphanumeric runs, lower-cased, folded to ASCII ("Løkke" → "lokke",
/// "Müller" → "muller", "Straße" → "strasse"). No stemming and no stop words:
/// it is the same for every language, so one exact field serves all; the
/// stemmed fields use [`stem_analyzer`].
pub(crate) fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// A language with a stemmer: its documents get stemmed copies of their
/// title and text, searched next to the exact fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lang {
    En,
    De,
    Fr,
    Es,
    It,
    Nl,
    Pt,
    Sv,
    Da,
    No,
    Fi,
    Ru,
}

impl Lang {
    /// Every stemmed language, in the order of [`Fields::stemmed`].
    pub(crate) const ALL: [Lang; 12] = [
        Lang::En,
        Lang::De,
        Lang::Fr,
        Lang::Es,
        Lang::It,
        Lang::Nl,
        Lang::Pt,
        Lang::Sv,
        Lang::Da,
        Lang::No,
        Lang::Fi,
        Lang::Ru,
    ];

    /// ISO 639-1 code, as in field and analyser names.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::It => "it",
            Lang::Nl => "nl",
            Lang::Pt => "pt",
            Lang::Sv => "sv",
            Lang::Da => "da",
            Lang::No => "no",
            Lang::Fi => "fi",
            Lang::Ru => "ru",
        }
    }

    /// The language of an ISO 639-1 code: case-insensitive, a region after
    /// `-` or `_` ignored (`"en-GB"`), `"nb"` and `"nn"` are Norwegian.
    /// `None` for languages without a stemmer here.
    pub(crate) fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or_default();
        let primary = primary.to_ascii_lowercase();
        match primary.as_str() {
            "nb" | "nn" => Some(Lang::No),
            p => Lang::ALL.into_iter().find(|l| l.code() == p),
        }
    }

    /// Position in [`Lang::ALL`] and [`Fields::stemmed`].
    pub(crate) fn slot(self) -> usize {
        self as usize
    }

    fn stemmer(self) -> Language {
        match self {
            Lang::En => Language::English,
            Lang::De => Language::German,
            Lang::Fr => Language::French,
            Lang::Es => Language::Spanish,
            Lang::It => Language::Italian,
            Lang::Nl => Language::Dutch,
            Lang::Pt => Language::Portuguese,
            Lang::Sv => Language::Swedish,
            Lang::Da => Language::Danish,
            Lang::No => Language::Norwegian,
            Lang::Fi => Language::Finnish,
            Lang::Ru => Language::Russian,
        }
    }

    /// Name under which [`stem_analyzer`] of this language is registered.
    fn analyzer_name(self) -> String {
        format!("parallax_stem_{}", self.code())
    }
}

/// The analyser of a language's stemmed fields: as [`analyzer`], with the
/// language's Snowball stemmer between lower-casing and ASCII folding (the
/// stemmers know their own alphabets: "Treffens" → "treff", "Außenministern"
/// → "aussenminist"; folding after keeps "Müller" and "muller" one term).
pub(crate) fn stem_analyzer(lang: Lang) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(Stemmer::new(lang.stemmer()))
        .filter(AsciiFoldingFilter)
        .build()
}

/// Registers every analyser the schema names.
pub(crate) fn register_analyzers(tokenizers: &TokenizerManager) {
    tokenizers.register(ANALYZER, analyzer());
    for lang in Lang::ALL {
        tokenizers.register(&lang.analyzer_name(), stem_analyzer(lang));
    }
}

/// One language's stemmed, index-only fields.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StemFields {
    /// `title_stem_xx`: the headline, stemmed (article documents only).
    pub(crate) title: Field,
    /// `text_stem_xx`: body or quote words, stemmed.
    pub(crate) text: Field,
}

/// Handles on the schema's fields.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    /// `article` or `quote` (raw).
    pub(crate) kind: Field,
    /// Article id (raw, stored): the delete key, shared by an article and its quotes.
    pub(crate) article_id: Field,
    /// Quote position (stored, quote documents only).
    pub(crate) quote_index: Field,
    /// Headline (analysed, positions, stored; article documents only).
    pub(crate) title: Field,
    /// Headline copy on quote documents (stored only, so the title never
    /// makes a quote match).
    pub(crate) context_title: Field,
    /// Body on articles, the quote's words on quotes (analysed, positions, stored).
    pub(crate) text: Field,
    /// Speaker display name (analysed, positions, stored; quotes only).
    pub(crate) speaker: Field,
    /// Speaker key (raw, stored; quotes only).
    pub(crate) speaker_key: Field,
    /// Outlet (raw, stored).
    pub(crate) outlet: Field,
    /// Language code (raw, stored).
    pub(crate) language: Field,
    /// Publication time (indexed, fast, stored; seconds).
    pub(crate) published: Field,
    /// Stemmed title and text per language (index-only, positions), in the
    /// order of [`Lang::ALL`]: filled only for documents of that language.
    pub(crate) stemmed: [StemFields; Lang::ALL.len()],
}

impl Fields {
    /// The stemmed fields of `lang`.
    pub(crate) fn stem(&self, lang: Lang) -> StemFields {
        self.stemmed[lang.slot()]
    }
}

/// Name of the date fast field, for sort keys.
pub(crate) const PUBLISHED: &str = "published";

/// Builds the schema and the handles on its fields.
pub(crate) fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let analysed = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let analysed_stored = analysed.clone().set_stored();
    let fields = Fields {
        kind: b.add_text_field("kind", STRING),
        article_id: b.add_text_field("article_id", STRING | STORED),
        quote_index: b.add_u64_field("quote_index", STORED),
        title: b.add_text_field("title", analysed_stored.clone()),
        context_title: b.add_text_field("context_title", STORED),
        text: b.add_text_field("text", analysed_stored.clone()),
        speaker: b.add_text_field("speaker", analysed_stored),
        speaker_key: b.add_text_field("speaker_key", STRING | STORED),
        outlet: b.add_text_field("outlet", STRING | STORED),
        language: b.add_text_field("language", STRING | STORED),
        published: b.add_date_field(
            PUBLISHED,
            DateOptions::default()
                .set_indexed()
                .set_fast()
                .set_stored()
                .set_precision(DateTimePrecision::Seconds),
        ),
        stemmed: Lang::ALL.map(|lang| {
            let stemmed = TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(&lang.analyzer_name())
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            );
            StemFields {
                title: b.add_text_field(&format!("title_stem_{}", lang.code()), stemmed.clone()),
                text: b.add_text_field(&format!("text_stem_{}", lang.code()), stemmed),
            }
        }),
    };
    (b.build(), fields)
}

#[cfg(test)]
mod unit {
    use super::Lang;

    #[test]
    fn language_codes() {
        assert_eq!(Lang::from_code("en"), Some(Lang::En));
        assert_eq!(Lang::from_code("DE"), Some(Lang::De));
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("pt_BR"), Some(Lang::Pt));
        assert_eq!(Lang::from_code("nb"), Some(Lang::No));
        assert_eq!(Lang::from_code("ru"), Some(Lang::Ru));
        for other in ["", "xx", "eng", "tr", "-en"] {
            assert_eq!(Lang::from_code(other), None, "{other}");
        }
        for (slot, lang) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(lang.slot(), slot);
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
    }
}
