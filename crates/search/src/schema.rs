//! The index schema, its version, and the text analyser.
//!
//! Changing anything here that changes what is indexed (a field, an option,
//! the analyser) must bump [`SCHEMA_VERSION`]: an index on disk with another
//! version is wiped and rebuilt by the caller on open.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};

/// Version of the schema and analyser, kept in every commit payload.
pub const SCHEMA_VERSION: u32 = 1;

/// Name under which [`analyzer`] is registered with each index.
pub(crate) const ANALYZER: &str = "parallax_fold";

/// Value of the `kind` field on article documents.
pub(crate) const KIND_ARTICLE: &str = "article";
/// Value of the `kind` field on quote documents.
pub(crate) const KIND_QUOTE: &str = "quote";

/// Tokens longer than this (in bytes) are dropped: URLs, base64, junk.
const MAX_TOKEN_BYTES: usize = 40;

/// The analyser of every text field, for documents and queries alike:
/// Unicode alphanumeric runs, lower-cased, folded to ASCII ("Løkke" → "lokke",
/// "Müller" → "muller", "Straße" → "strasse"). No stemming and no stop words:
/// it is the same for English and German, so one field serves both.
pub(crate) fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
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
    };
    (b.build(), fields)
}
