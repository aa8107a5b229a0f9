//! The `parallax` binary: argument parsing, settings, and the glue that runs the
//! pipeline stages (ingest → text → store) and prints results.
//!
//! Exit codes: 0 success; 1 failure (the run could not complete); 2 bad usage;
//! 3 the run completed but some inputs were rejected (see `parallax rejects`).

mod args;
mod commands;
mod live;
mod pipeline;
mod printer;
mod settings;
mod stories;

use std::process::ExitCode;

use clap::Parser;

/// Exit code for a run that finished with rejected inputs.
pub(crate) const EXIT_REJECTS: u8 = 3;

/// mimalloc instead of the system allocator: analysis allocates many small,
/// short-lived strings and vectors on several threads, where glibc's malloc
/// spent about a fifth of `bench stories` (README, "Near-duplicates + story
/// clustering at scale").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turns transparent huge pages off for this process. mimalloc returns freed
/// memory to the kernel after a short delay and takes it back as analysis
/// allocates again; where THP is `always` (as on many distributions) each
/// such fault zeroes a 2 MiB page. On `bench stories` that cost about an
/// eighth of the CPU time (kernel `clear_page`), and turning THP off made the
/// 100k run 7 % faster and its peak memory 12 % smaller.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    if let Err(e) = rustix::thread::disable_transparent_huge_pages(true) {
        tracing::debug!("cannot turn transparent huge pages off: {e}");
    }
}

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    init_tracing(cli.global.verbose, cli.global.quiet);
    no_huge_pages();
    match commands::run(cli) {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`parallax articles | head`) is not a failure.
            if err.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            let mut msg = format!("parallax: error: {err}");
            for cause in err.chain().skip(1) {
                msg.push_str(&format!("\n  caused by: {cause}"));
            }
            printer::eprintln(&msg);
            ExitCode::FAILURE
        }
    }
}

fn init_tracing(verbose: u8, quiet: bool) {
    let default = match (quiet, verbose) {
        (true, _) => "error",
        (false, 0) => "warn",
        (false, 1) => "info",
        (false, _) => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("PARALLAX_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).init();
}
