//! One module per command; each takes resolved settings and returns the exit code.

mod articles;
mod bench;
mod bench_serve;
mod bench_stories;
pub(crate) mod compare;
mod eval;
pub(crate) mod extract;
mod ingest;
mod serve;
mod stories;

use std::process::ExitCode;

use crate::args::{BenchCommand, Cli, Command, EvalCommand};
use crate::settings::Settings;

pub(crate) fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let command_data = match &cli.command {
        Command::Ingest(a) => a.store.dir.clone(),
        Command::Articles(a) => a.store.dir.clone(),
        Command::Article(a) => a.store.dir.clone(),
        Command::Rejects(a) => a.store.dir.clone(),
        Command::Stories(a) => a.store.dir.clone(),
        Command::Story(a) => a.store.dir.clone(),
        Command::Dups(a) => a.store.dir.clone(),
        Command::Serve(a) => a.store.dir.clone(),
        Command::Watch(a) => a.store.dir.clone(),
        Command::Eval(_) | Command::Bench(_) | Command::Extract(_) | Command::Compare(_) => None,
    };
    let settings = Settings::resolve(&cli.global, command_data)?;
    match cli.command {
        Command::Ingest(a) => ingest::run(&settings, a),
        Command::Articles(a) => articles::list(&settings, a),
        Command::Article(a) => articles::show(&settings, a),
        Command::Rejects(a) => articles::rejects(&settings, a),
        Command::Stories(a) => stories::list(&settings, a),
        Command::Story(a) => stories::show(&settings, a),
        Command::Dups(a) => stories::dups(&settings, a),
        Command::Extract(a) => extract::run(&settings, a),
        Command::Compare(a) => compare::run(&settings, a),
        Command::Serve(a) => serve::serve(&settings, a),
        Command::Watch(a) => serve::watch(&settings, a),
        Command::Eval(EvalCommand::Extract(a)) => eval::extract(&settings, a),
        Command::Eval(EvalCommand::Dups(a)) => eval::dups(&settings, a),
        Command::Eval(EvalCommand::Stories(a)) => eval::stories(&settings, a),
        Command::Eval(EvalCommand::Quotes(a)) => eval::quotes(&settings, a),
        Command::Eval(EvalCommand::Align(a)) => compare::eval_align(&settings, a),
        Command::Bench(BenchCommand::Ingest(a)) => bench::ingest(&settings, a),
        Command::Bench(BenchCommand::Extract(a)) => bench::extract(&settings, a),
        Command::Bench(BenchCommand::Stories(a)) => bench_stories::run(&settings, a),
        Command::Bench(BenchCommand::Compare(a)) => compare::bench(&settings, a),
        Command::Bench(BenchCommand::Serve(a)) => bench_serve::run(&settings, a),
    }
}

/// Parses a `--since` value (RFC 3339, a bare date, or any notation
/// `parallax_model::time::parse` reads).
pub(crate) fn parse_since(
    since: Option<&str>,
) -> anyhow::Result<Option<chrono::DateTime<chrono::Utc>>> {
    use anyhow::Context;
    since
        .map(|t| {
            parallax_model::time::parse(t)
                .map(|p| p.utc)
                .with_context(|| format!("--since: not a date: {t}"))
        })
        .transpose()
}
