#!/usr/bin/env bash
# End-to-end browser tests of the web UI of `parallax serve` (tests/e2e/README.md):
# ingests examples/data into a temporary store, starts `parallax serve` with a
# random token on a free loopback port, and drives headless Debian Chromium
# through tests/e2e/run.mjs (playwright-core, pinned in tests/e2e/package-lock.json).
#
#   PARALLAX_BIN   use this binary instead of building (cargo build --release -p parallax)
#   E2E_CHROMIUM   the browser (default: chromium on PATH, /usr/bin/chromium)
#   E2E_ARTIFACTS  screenshots and the server log (default: target/e2e-artifacts)
#   CI=true        a missing browser or node is a failure, not a SKIP
set -euo pipefail
cd "$(dirname "$0")/.."

skip_or_fail() {
  if [ "${CI:-}" = "true" ]; then
    echo "==> e2e: FAILED: $1 (CI=true)" >&2
    exit 1
  fi
  echo "==> e2e: SKIPPED: $1"
  exit 0
}

# The browser and node come from Debian packages (apt-get install chromium nodejs npm);
# playwright's own browser download is never used.
chromium_bin="${E2E_CHROMIUM:-}"
if [ -z "$chromium_bin" ]; then
  for c in chromium chromium-browser; do
    if command -v "$c" >/dev/null 2>&1; then chromium_bin="$(command -v "$c")"; break; fi
  done
fi
[ -z "$chromium_bin" ] && [ -x /usr/bin/chromium ] && chromium_bin=/usr/bin/chromium
if [ -z "$chromium_bin" ] || [ ! -x "$chromium_bin" ]; then
  skip_or_fail "chromium not found (apt-get install chromium, or set E2E_CHROMIUM)"
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  skip_or_fail "node/npm not found (apt-get install nodejs npm)"
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 18 ]; then
  skip_or_fail "node $(node --version) is too old (need >= 18)"
fi

if [ -n "${PARALLAX_BIN:-}" ]; then
  bin="$PARALLAX_BIN"
else
  echo "==> e2e: cargo build --release -p parallax"
  cargo build --release --locked -p parallax
  bin="${CARGO_TARGET_DIR:-target}/release/parallax"
fi
[ -x "$bin" ] || { echo "==> e2e: FAILED: no executable parallax at $bin" >&2; exit 1; }
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  echo "==> e2e: npm ci --prefix tests/e2e"
  npm ci --prefix tests/e2e --no-audit --no-fund
fi

artifacts="${E2E_ARTIFACTS:-$PWD/target/e2e-artifacts}"
mkdir -p "$artifacts"
artifacts="$(cd "$artifacts" && pwd)"
rm -f "$artifacts"/*.png "$artifacts"/serve.log

work="$(mktemp -d "${TMPDIR:-/tmp}/parallax-e2e.XXXXXX")"
server_pid=""
cleanup() {
  local rc=$?
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  [ -f "$work/serve.log" ] && cp "$work/serve.log" "$artifacts/serve.log"
  if [ "$rc" -ne 0 ] && [ -f "$work/serve.log" ]; then
    echo "==> e2e: last lines of the server log ($artifacts/serve.log):" >&2
    tail -n 30 "$work/serve.log" >&2 || true
  fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

data="$work/data"
echo "==> e2e: parallax ingest examples/data"
set +e
"$bin" --data "$data" --no-progress ingest examples/data
rc=$?
set -e
# 3 = finished, some inputs rejected: fine for this test.
if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
  echo "==> e2e: FAILED: ingest exited with $rc" >&2
  exit 1
fi

token="$(node -p 'require("crypto").randomBytes(16).toString("hex")')"
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}
# Polls /healthz until the server answers 200 with the search index caught up.
health() {
  node -e '
    fetch(process.argv[1] + "/healthz").then(async (r) => {
      const j = r.status === 200 ? await r.json() : null;
      process.exit(j && j.status === "ok" && j.search && j.search.behind === 0 ? 0 : 1);
    }).catch(() => process.exit(1));' "$1"
}

base=""
for attempt in 1 2 3; do
  port="$(free_port)"
  echo "==> e2e: parallax serve --addr 127.0.0.1:$port (attempt $attempt)"
  "$bin" --data "$data" serve --addr "127.0.0.1:$port" --token "$token" >"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 240); do
    if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
    if health "http://127.0.0.1:$port"; then base="http://127.0.0.1:$port"; break; fi
    sleep 0.25
  done
  [ -n "$base" ] && break
  if kill -0 "$server_pid" 2>/dev/null; then
    echo "==> e2e: FAILED: the server did not become healthy within 60 s" >&2
    exit 1
  fi
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
  echo "==> e2e: the server exited early:" >&2
  tail -n 10 "$work/serve.log" >&2 || true
done
[ -n "$base" ] || { echo "==> e2e: FAILED: could not start parallax serve" >&2; exit 1; }
echo "==> e2e: server healthy at $base"

echo "==> e2e: node tests/e2e/run.mjs (Chromium: $chromium_bin)"
E2E_BASE_URL="$base" E2E_TOKEN="$token" E2E_ARTIFACTS="$artifacts" E2E_CHROMIUM="$chromium_bin" \
  node tests/e2e/run.mjs
