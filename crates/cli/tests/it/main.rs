//! Integration tests that drive the `parallax` binary (one test binary, one module per area).
#![allow(clippy::print_stderr, clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod broken;
mod commands;
mod compare;
mod extract;
mod fetch;
mod formats;
mod idempotence;
mod seeds;
mod serve;
mod stories;
mod util;
mod warc;
