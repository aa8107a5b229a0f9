//! Command-line definitions (clap derive types only; no behaviour).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// parallax: turns a stream of news articles into stories and shows what outlets
/// agree on, what only one reports, and where they differ.
///
/// Exit codes: 0 success; 1 failure; 2 bad usage; 3 finished, but some inputs
/// were rejected (listed by `parallax rejects`).
#[derive(Debug, Parser)]
#[command(name = "parallax", version, propagate_version = true)]
pub(crate) struct Cli {
    #[command(flatten)]
    pub(crate) global: Global,
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub(crate) struct Global {
    /// Data directory holding the store [env: PARALLAX_DATA] [default: the
    /// platform data dir, e.g. ~/.local/share/parallax]. Also accepted after the
    /// command name, except by `eval`, whose `--data` names the labelled data.
    #[arg(long, value_name = "DIR")]
    pub(crate) data: Option<PathBuf>,
    /// Print machine-readable JSON instead of tables.
    #[arg(long, global = true)]
    pub(crate) json: bool,
    /// Never draw progress bars.
    #[arg(long, global = true)]
    pub(crate) no_progress: bool,
    /// Worker threads for parallel stages [default: all cores].
    #[arg(long, global = true, value_name = "N")]
    pub(crate) threads: Option<usize>,
    /// More log output (-v info, -vv debug); PARALLAX_LOG overrides.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub(crate) verbose: u8,
    /// Only errors on stderr.
    #[arg(short, long, global = true)]
    pub(crate) quiet: bool,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Read articles from files, directories, standard input or URLs into the store.
    ///
    /// Formats are recognised by content: plain text (first line may be a title),
    /// HTML pages, JSON Lines / JSON arrays, RSS/Atom feeds, WARC / WARC.gz, and
    /// gzip of any of these. Re-ingesting the same input adds nothing; inputs that
    /// cannot become articles are recorded as rejects (exit code 3).
    Ingest(IngestArgs),
    /// List stored articles in arrival order.
    Articles(ArticlesArgs),
    /// Show one stored article with its enrichment.
    Article(ArticleArgs),
    /// List rejected inputs with their reasons.
    Rejects(RejectsArgs),
    /// List stories (groups of articles on one event), most recently active first.
    Stories(StoriesArgs),
    /// Show one story: its articles, outlets, time span, top terms and names.
    Story(StoryArgs),
    /// List near-duplicate groups (wire copies, syndication, re-publications).
    Dups(DupsArgs),
    /// Who said what: print the entities (with roles), quotes (with speakers
    /// and cues), quantities and dates of articles given directly.
    ///
    /// Reads the same inputs as `ingest` (files, directories, `-`, --url) but
    /// stores nothing. `--json` prints an array, one object per article, with the
    /// comparison contract's field names and code point offsets into `text`.
    Extract(ExtractArgs),
    /// Compare articles given directly: what the outlets agree on, what only
    /// one reports, where they differ (facts, quotes, quantities, entities).
    ///
    /// Reads the same inputs as `extract` and stores nothing. `--format json`
    /// (or `--json`) prints the versioned contract described by
    /// schema/comparison.v1.schema.json; `html` is a self-contained page.
    Compare(CompareArgs),
    /// Serve the store over HTTP: the JSON API, the web UI and search.
    ///
    /// Opens (or creates) the store in the data directory, brings the search
    /// index up to date, and serves until Ctrl-C. Writes through the API need
    /// `--token` (or PARALLAX_TOKEN) when one is set; `--read-only` refuses them
    /// and lets another process ingest into the same store meanwhile.
    Serve(ServeArgs),
    /// Poll RSS/Atom feeds and ingest new items as they appear, while serving.
    ///
    /// Conditional GET (ETag, Last-Modified), exponential back-off on errors
    /// (a dead feed is reported and never stops the others); feed state is
    /// kept in the data directory between runs.
    Watch(WatchArgs),
    /// Measure quality on labelled data.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Measure throughput and peak memory.
    #[command(subcommand)]
    Bench(BenchCommand),
}

/// The store's data directory, given after the command name.
#[derive(Debug, Args)]
pub(crate) struct StoreOpt {
    /// Data directory holding the store (overrides PARALLAX_DATA).
    #[arg(long = "data", value_name = "DIR")]
    pub(crate) dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct ExtractArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// Name and place lists (from `scripts/fetch-lexicons.sh`); default:
    /// PARALLAX_LEXICONS, then ./lexicons.
    #[arg(long, value_name = "DIR")]
    pub(crate) lexicons: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct CompareArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// Compare near-duplicate copies too (wire copies, syndication). By
    /// default a copy of another given article is left out, with a note: it
    /// is not an independent report and would corroborate its own source.
    #[arg(long)]
    pub(crate) keep_copies: bool,
    #[command(flatten)]
    pub(crate) report: CompareReportArgs,
}

/// Articles given on the command line (`extract`, `compare`): read like
/// `ingest` reads them, stored nowhere.
#[derive(Debug, Args)]
pub(crate) struct InputArgs {
    /// Files or directories to read; `-` reads standard input.
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<String>,
    /// Fetch a page over HTTP(S) (repeatable).
    #[arg(long = "url", value_name = "URL")]
    pub(crate) urls: Vec<String>,
    /// Allow fetching from private, loopback and link-local addresses.
    #[arg(long)]
    pub(crate) allow_private: bool,
}

/// How a comparison is reported (shared by `compare` and `story --compare`).
#[derive(Debug, Args)]
pub(crate) struct CompareReportArgs {
    /// Report format (`--json` is the same as `--format json`).
    #[arg(long, value_enum, default_value_t = CompareFormat::Text)]
    pub(crate) format: CompareFormat,
    /// Write the report to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Name, place and WordNet lists (from `scripts/fetch-lexicons.sh` and
    /// `scripts/fetch-wordnet.sh`); default: PARALLAX_LEXICONS, then ./lexicons.
    #[arg(long, value_name = "DIR")]
    pub(crate) lexicons: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum CompareFormat {
    /// Sections for the terminal (coloured when it is one).
    Text,
    /// Markdown.
    Markdown,
    /// A self-contained HTML page.
    Html,
    /// The JSON contract (version 1).
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct IngestArgs {
    #[command(flatten)]
    pub(crate) store: StoreOpt,
    /// Files or directories to read; `-` reads standard input.
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<String>,
    /// Fetch a page or feed over HTTP(S) (repeatable).
    #[arg(long = "url", value_name = "URL")]
    pub(crate) urls: Vec<String>,
    /// Outlet name for every article read in this run (overrides all other sources).
    #[arg(long, value_name = "NAME")]
    pub(crate) outlet: Option<String>,
    /// For feeds: fetch each item's link and extract the page, instead of using
    /// the item's own summary.
    #[arg(long)]
    pub(crate) follow: bool,
    /// Allow fetching from private, loopback and link-local addresses.
    #[arg(long)]
    pub(crate) allow_private: bool,
    /// Largest input file read whole, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 64)]
    pub(crate) max_file_mib: u64,
    /// Articles per store transaction.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub(crate) batch: usize,
    /// HTTP time-out per request, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    pub(crate) timeout: u64,
    /// Main-text engine for HTML: `combined` is the most accurate, `dom-smoothie`
    /// about 3× faster (see README for the measured trade-off).
    #[arg(long, value_enum, default_value_t = ExtractorArg::Combined)]
    pub(crate) extractor: ExtractorArg,
    /// Name and place lists for who said what (default: PARALLAX_LEXICONS, then ./lexicons).
    #[arg(long, value_name = "DIR")]
    pub(crate) lexicons: Option<PathBuf>,
    /// Skip who said what (entities and quotes): faster, but the story pages
    /// and the people and quote search have nothing for these articles.
    #[arg(long)]
    pub(crate) no_who: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ArticlesArgs {
    #[command(flatten)]
    pub(crate) store: StoreOpt,
    /// Only this outlet.
    #[arg(long)]
    pub(crate) outlet: Option<String>,
    /// Only this language (ISO 639-1 code).
    #[arg(long = "lang")]
    pub(crate) language: Option<String>,
    /// Only articles published at or after this time (RFC 3339 or YYYY-MM-DD).
    #[arg(long)]
    pub(crate) since: Option<String>,
    /// At most this many rows.
    #[arg(long, default_value_t = 50)]
    pub(crate) limit: usize,
    /// Skip this many rows.
    #[arg(long, default_value_t = 0)]
    pub(crate) offset: usize,
}

#[derive(Debug, Args)]
pub(crate) struct ArticleArgs {
    #[command(flatten)]
    pub(crate) store: StoreOpt,
    /// The article id (16 hex digits, as listed by `parallax articles`).
    pub(crate) id: String,
    /// Also print every sentence with its offsets.
    #[arg(long)]
    pub(crate) sentences: bool,
    /// Also print the tokens (norm, stem, stop-word flag).
    #[arg(long)]
    pub(crate) tokens: bool,
}

#[derive(Debug, Args)]
pub(crate) struct RejectsArgs {
    #[command(flatten)]
    pub(crate) store: StoreOpt,
    /// At most this many rows.
    #[arg(long, default_value_t = 100)]
    pub(crate) limit: usize,
}

#[derive(Debug, Args)]
pub(crate) struct StoriesArgs {
    #[command(flatten)]
    pub(crate) store: StoreOpt,
    /// Only stories with an article published at or after this time (RFC 3339 or YYYY-MM-DD).
    #[arg(long)]
    pub(crate) since: Option<String>,
    /// Only stories with at least this many articles.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub(crate) min_articles: u64,
    /// At most this many rows.
    #[arg(long, default_value_t = 50)]
    pub(crate) limit: usize,
    /// Skip this many rows.
    #[arg(long, default_value_t = 0)]
    pub(crate) offset: usize,
}

#[derive(Debug, Args)]
pub(crate) struct StoryArgs {
    #[command(flatten)]
    pub(crate) store: StoreOpt,
    /// The story id (as listed by `parallax stories`; merged ids resolve to the survivor).
    pub(crate) id: u64,
    /// How many top terms and names to show.
    #[arg(long, value_name = "N", default_value_t = 12)]
    pub(crate) top: usize,
    /// Compare the story's articles (re-read from the store) instead.
    #[arg(long)]
    pub(crate) compare: bool,
    #[command(flatten)]
    pub(crate) report: CompareReportArgs,
}

#[derive(Debug, Args)]
pub(crate) struct DupsArgs {
    #[command(flatten)]
    pub(crate) store: StoreOpt,
    /// Only groups with at least this many articles.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub(crate) min_size: usize,
    /// At most this many groups.
    #[arg(long, default_value_t = 50)]
    pub(crate) limit: usize,
}

#[derive(Debug, Subcommand)]
pub(crate) enum EvalCommand {
    /// Main-text extraction against the article-extraction benchmark: precision,
    /// recall and F1 of word 4-gram multisets, exact accuracy, pages/s.
    Extract(EvalExtractArgs),
    /// Near-duplicate detection on labelled wire-copy variants generated (seeded)
    /// from the ECB+ documents: pair precision, recall, F1, per variant kind.
    Dups(EvalDupsArgs),
    /// Story clustering against gold stories: B-cubed, pairwise F1, ARI, NMI.
    /// ECB+ is scored in file order and in a seeded shuffled order;
    /// GoogleNews-TS in stream order.
    Stories(EvalStoriesArgs),
    /// Quote attribution against gold quotes (PolNeAR or German WikiNews
    /// layout): P/R/F1 of quote spans at overlap >= 0.3, >= 0.8 and exact,
    /// direct and indirect apart, and speaker accuracy on matched quotes.
    Quotes(EvalQuotesArgs),
    /// Cross-document alignment of `compare` against ECB+ gold coreference
    /// chains, per gold story: entity mentions grouped by the merged
    /// entities, event mentions by the fact holding their sentence (B-cubed,
    /// MUC and pairwise F1 on the gold mentions found, validated sentences).
    Align(EvalAlignArgs),
}

#[derive(Debug, Args)]
pub(crate) struct EvalAlignArgs {
    /// The ECB+ folder (documents.jsonl, mentions.jsonl, coreference_sentences.csv).
    #[arg(long = "data", value_name = "DIR", default_value = "../shared/data/ecbplus")]
    pub(crate) dataset: PathBuf,
    /// Split to score (`train` to tune, `dev` to report).
    #[arg(long, default_value = "dev")]
    pub(crate) split: String,
    /// Name, place and WordNet lists (default: PARALLAX_LEXICONS, then ./lexicons).
    #[arg(long, value_name = "DIR")]
    pub(crate) lexicons: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct EvalQuotesArgs {
    /// A folder holding `*_{split}.jsonl`, or one .jsonl file.
    #[arg(long = "data", value_name = "PATH", default_value = "../shared/data/quotes-polnear")]
    pub(crate) dataset: PathBuf,
    /// Split to score in a folder (`train` to tune, `dev` to report).
    #[arg(long, default_value = "dev")]
    pub(crate) split: String,
    /// Name and place lists (default: PARALLAX_LEXICONS, then ./lexicons).
    #[arg(long, value_name = "DIR")]
    pub(crate) lexicons: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct EvalDupsArgs {
    /// The ECB+ folder (documents.jsonl) or the documents.jsonl file.
    #[arg(long = "data", value_name = "PATH", default_value = "../shared/data/ecbplus")]
    pub(crate) dataset: PathBuf,
    /// Seed of the variant generator.
    #[arg(long, default_value_t = 7)]
    pub(crate) seed: u64,
}

#[derive(Debug, Args)]
pub(crate) struct EvalStoriesArgs {
    /// The data folder: ../shared/data/ecbplus or ../shared/data/googlenews-ts.
    #[arg(long = "data", value_name = "DIR", default_value = "../shared/data/ecbplus")]
    pub(crate) dataset: PathBuf,
    /// ECB+ split to score (`train` to tune, `dev` to report).
    #[arg(long, default_value = "dev")]
    pub(crate) split: String,
    /// Seed of the shuffled order (ECB+).
    #[arg(long, default_value_t = 13)]
    pub(crate) seed: u64,
}

#[derive(Debug, Args)]
pub(crate) struct EvalExtractArgs {
    /// The benchmark folder (html/*.html.gz and ground-truth.json).
    #[arg(
        long = "data",
        value_name = "DIR",
        default_value = "../shared/data/article-extraction-benchmark"
    )]
    pub(crate) dataset: PathBuf,
    /// Main-text engine to evaluate.
    #[arg(long, value_enum, default_value_t = ExtractorArg::Combined)]
    pub(crate) extractor: ExtractorArg,
    /// Also list the N worst pages by F1.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub(crate) worst: usize,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ExtractorArg {
    /// rs-trafilatura with dom_smoothie as fallback.
    Combined,
    /// rs-trafilatura only.
    Trafilatura,
    /// dom_smoothie only.
    DomSmoothie,
}

impl ExtractorArg {
    /// The engine this choice names.
    pub(crate) fn engine(self) -> parallax_html::Extractor {
        match self {
            ExtractorArg::Combined => parallax_html::Extractor::Combined,
            ExtractorArg::Trafilatura => parallax_html::Extractor::Trafilatura,
            ExtractorArg::DomSmoothie => parallax_html::Extractor::DomSmoothie,
        }
    }
}

#[derive(Debug, Subcommand)]
pub(crate) enum BenchCommand {
    /// Ingest + enrichment throughput on generated plain text and on HTML pages.
    Ingest(BenchIngestArgs),
    /// Who-said-what extraction throughput (language, sentences, tokens, then
    /// entities, quotes, quantities, dates) on real news texts: the PolNeAR
    /// and German WikiNews articles in ../shared/data, repeated.
    Extract(BenchExtractArgs),
    /// Near-duplicate detection + story clustering over a generated news stream
    /// with known stories: articles/s, per-article time, B-cubed F1, peak memory.
    Stories(BenchStoriesArgs),
    /// Cross-outlet comparison time for sets of articles built from the ECB+
    /// documents of one topic (repeated with new ids past its size) and from
    /// the seed pair repeated.
    Compare(BenchCompareArgs),
    /// Load on `parallax serve` over a store of N generated articles: a fixed
    /// request rate (open loop: latency counted from each request's scheduled
    /// time), then as fast as C connections go; story list, story pages and
    /// search; requests/s, p50/p90/p99 latency and the server's peak memory.
    Serve(BenchServeArgs),
}

#[derive(Debug, Args)]
pub(crate) struct BenchServeArgs {
    #[command(flatten)]
    pub(crate) store: StoreOpt,
    /// Articles in the store (generated and ingested when it holds fewer).
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    pub(crate) articles: usize,
    /// Requests per second of the open-loop phase.
    #[arg(long, value_name = "R", default_value_t = 200.0)]
    pub(crate) rate: f64,
    /// Length of each phase.
    #[arg(long, value_name = "D", default_value = "30s", value_parser = parse_duration)]
    pub(crate) duration: std::time::Duration,
    /// Client connections.
    #[arg(long, value_name = "C", default_value_t = 32)]
    pub(crate) connections: usize,
    /// Name and place lists for who said what at ingest.
    #[arg(long, value_name = "DIR")]
    pub(crate) lexicons: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct BenchCompareArgs {
    /// Set sizes to time.
    #[arg(long, value_name = "N,N,…", value_delimiter = ',', default_values_t = [10usize, 100])]
    pub(crate) sizes: Vec<usize>,
    /// The ECB+ folder (documents.jsonl).
    #[arg(long = "data", value_name = "DIR", default_value = "../shared/data/ecbplus")]
    pub(crate) dataset: PathBuf,
    /// The seed reports folder.
    #[arg(long, value_name = "DIR", default_value = "../shared/seeds")]
    pub(crate) seeds: PathBuf,
    /// Timed runs per size (the median is reported).
    #[arg(long, value_name = "R", default_value_t = 5)]
    pub(crate) runs: usize,
    /// Name, place and WordNet lists (default: PARALLAX_LEXICONS, then ./lexicons).
    #[arg(long, value_name = "DIR")]
    pub(crate) lexicons: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct BenchStoriesArgs {
    /// Stream sizes to run, each in a fresh process (so peak memory is per size).
    #[arg(long, value_name = "N,N,…", value_delimiter = ',', default_values_t = [10_000usize, 100_000])]
    pub(crate) sizes: Vec<usize>,
    /// Seed of the stream generator.
    #[arg(long, default_value_t = 42)]
    pub(crate) seed: u64,
    /// Articles analysed in parallel per batch.
    #[arg(long, default_value_t = 4096)]
    pub(crate) batch: usize,
}

#[derive(Debug, Args)]
pub(crate) struct BenchExtractArgs {
    /// The shared data folder holding quotes-polnear/ and quotes-german-wikinews/.
    #[arg(long = "data", value_name = "DIR", default_value = "../shared/data")]
    pub(crate) dataset: PathBuf,
    /// Times to repeat the article set.
    #[arg(long, value_name = "R", default_value_t = 5)]
    pub(crate) repeat: usize,
    /// Name and place lists (default: PARALLAX_LEXICONS, then ./lexicons).
    #[arg(long, value_name = "DIR")]
    pub(crate) lexicons: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct BenchIngestArgs {
    /// Number of generated plain-text articles (about 4 KB each); 0 skips.
    #[arg(long, value_name = "N", default_value_t = 50_000)]
    pub(crate) text: usize,
    /// Folder of HTML pages (.html or .html.gz) to run through extraction; the
    /// extraction benchmark's pages are a good set.
    #[arg(long, value_name = "DIR")]
    pub(crate) html: Option<PathBuf>,
    /// Times to repeat the HTML set.
    #[arg(long, value_name = "R", default_value_t = 3)]
    pub(crate) repeat: usize,
    /// Also write the text articles to a fresh store in a temporary directory and
    /// report end-to-end throughput.
    #[arg(long)]
    pub(crate) store: bool,
    /// Seed of the text generator.
    #[arg(long, default_value_t = 7)]
    pub(crate) seed: u64,
}

/// Options of the HTTP server, shared by `serve` and `watch`.
#[derive(Debug, Args)]
pub(crate) struct HttpOpts {
    /// Address to listen on.
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    pub(crate) addr: std::net::SocketAddr,
    /// Bearer token that write endpoints require.
    #[arg(long, env = "PARALLAX_TOKEN", value_name = "TOKEN", hide_env_values = true)]
    pub(crate) token: Option<String>,
    /// Largest request body, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 8)]
    pub(crate) max_body_mib: usize,
    /// Time limit per request, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    pub(crate) request_timeout: u64,
    /// Allow cross-origin requests from this origin (repeatable); none by default.
    #[arg(long = "cors", value_name = "ORIGIN")]
    pub(crate) cors: Vec<String>,
    /// Allow fetching (feeds, pages) from private, loopback and link-local addresses.
    #[arg(long)]
    pub(crate) allow_private: bool,
    /// Name, place and WordNet lists (default: PARALLAX_LEXICONS, then ./lexicons).
    #[arg(long, value_name = "DIR")]
    pub(crate) lexicons: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    pub(crate) store: StoreOpt,
    #[command(flatten)]
    pub(crate) http: HttpOpts,
    /// Refuse writes through the API (another process may ingest meanwhile).
    #[arg(long)]
    pub(crate) read_only: bool,
}

#[derive(Debug, Args)]
pub(crate) struct WatchArgs {
    #[command(flatten)]
    pub(crate) store: StoreOpt,
    #[command(flatten)]
    pub(crate) http: HttpOpts,
    /// Feeds to poll: an OPML file, or a text file with one URL per line.
    #[arg(long, value_name = "FILE")]
    pub(crate) feeds: PathBuf,
    /// Time between polls of one feed: `90s`, `5m`, `1h` or seconds.
    #[arg(long, value_name = "D", default_value = "5m", value_parser = parse_duration)]
    pub(crate) interval: std::time::Duration,
    /// Fetch each new item's link and extract the page instead of using the
    /// item's own summary.
    #[arg(long)]
    pub(crate) follow: bool,
    /// Poll and ingest only; do not serve HTTP.
    #[arg(long)]
    pub(crate) no_serve: bool,
    /// Stop after this many polling rounds (for tests and one-off runs).
    #[arg(long, value_name = "N")]
    pub(crate) rounds: Option<u64>,
}

/// Parses `90s`, `5m`, `1h`, `2d` or a number of seconds.
pub(crate) fn parse_duration(s: &str) -> Result<std::time::Duration, String> {
    let s = s.trim();
    let (num, unit) = match s.find(|c: char| !c.is_ascii_digit() && c != '.') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, "s"),
    };
    let n: f64 = num.parse().map_err(|_| format!("not a duration: {s} (try 90s, 5m, 1h)"))?;
    let secs = match unit.trim() {
        "ms" => n / 1000.0,
        "s" | "sec" | "secs" => n,
        "m" | "min" | "mins" => n * 60.0,
        "h" => n * 3600.0,
        "d" => n * 86400.0,
        other => return Err(format!("unknown unit {other:?} in {s} (use ms, s, m, h or d)")),
    };
    if !(secs.is_finite() && secs > 0.0) {
        return Err(format!("duration must be positive: {s}"));
    }
    Ok(std::time::Duration::from_secs_f64(secs))
}
