//! Language, sentences and tokens: the first enrichment every article gets.
//!
//! [`Analyzer`] holds every per-language resource (Snowball stemmers, NLTK
//! stop-word sets, abbreviation lists), built once and shared read-only
//! across threads. [`Analyzer::analyze`] turns a text into an [`Analysis`]:
//!
//! 1. **Language** ([`Lang`], an ISO 639-1 code): a stop-word profile of the
//!    first ~150 words (one hash lookup a word), and whatlang on the first
//!    512 bytes when that is not clear-cut (whatlang alone costs 60–80 µs a
//!    call). A clear detection wins; on short text or an unclear detection
//!    the source's declared language wins.
//! 2. **Sentences**: byte [`Span`]s into the text, from a rule-based splitter
//!    (abbreviations, initials, dotted acronyms, German ordinals, closing
//!    quotes, line breaks). It replaced `sentencex` 0.1.33, which got our
//!    cases right except single line breaks and `p.m. Monday`, but took
//!    ~26 µs per 4 KB article (ours ~11 µs, same loaded machine) and pulls
//!    in clap, regex and serde.
//! 3. **Tokens** ([`Token`]): words and numbers from a character-class
//!    scanner, each with its span, a normalised form, a stem, a stop-word
//!    flag and its sentence index.
//!
//! Every offset points into the original text, so later stages (quotes,
//! near-duplicates, clustering) can always cite their source.
//! [`fold_diacritics`] is the lossy key used to match names across spellings.
//!
//! ```
//! use parallax_text::{Analyzer, TokenKind};
//!
//! let text = "Mr. Rubio\u{2019}s negotiations resumed on Jan. 5 in Geneva. \
//!             Officials said 2,000 troops would leave.";
//! let analyzer = Analyzer::new();
//! let a = analyzer.analyze(text, Some("en"));
//!
//! assert_eq!(a.lang.map(|l| l.code()), Some("en"));
//! let sentences: Vec<&str> = a.sentences.iter().filter_map(|s| s.slice(text)).collect();
//! assert_eq!(sentences, [
//!     "Mr. Rubio\u{2019}s negotiations resumed on Jan. 5 in Geneva.",
//!     "Officials said 2,000 troops would leave.",
//! ]);
//!
//! let rubio = &a.tokens[1];
//! assert_eq!(rubio.span.slice(text), Some("Rubio\u{2019}s"));
//! assert_eq!((rubio.norm.as_str(), rubio.stem.as_str()), ("rubio's", "rubio"));
//! assert_eq!(a.tokens[2].stem, "negoti");
//!
//! let troops = a.tokens.iter().find(|t| t.kind == TokenKind::Number && t.sentence == 1);
//! assert_eq!(troops.map(|t| t.norm.as_str()), Some("2,000"));
//! assert!(a.tokens.iter().any(|t| t.norm == "on" && t.stop));
//! ```
#![warn(missing_docs)]

mod analyzer;
mod detect;
mod lang;
mod normalize;
mod sentence;
mod stop;
mod token;

pub use analyzer::{Analysis, Analyzer};
pub use lang::{Lang, UnknownLang};
pub use normalize::fold_diacritics;
pub use parallax_model::Span;
pub use stop::{WordBuild, WordHasher};
pub use token::{Token, TokenKind};
