#!/usr/bin/env bash
# Side-by-side speed of parallax and the Python reference pipeline
# (../shared/bench/python-reference: datasketch MinHash LSH + scikit-learn TF-IDF
# + single-pass clustering) on the same synthetic input, in one run.
#
#   bash bench/compare-python.sh [N_DOCS]     (default 50000)
#
# Installs the reference's pinned wheels into bench/out/venv (PyPI), builds
# parallax in release mode, generates the reference's synthetic corpus from the
# ECB+ documents, then times both end to end and prints the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-50000}
REF=../shared/bench/python-reference
OUT=bench/out
mkdir -p "$OUT"
command -v /usr/bin/time >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq time; }
[ -d "$REF" ] || { echo "needs $REF (the shared folder beside the repo)"; exit 1; }

if [ ! -x "$OUT/venv/bin/python" ]; then
  python3 -m venv "$OUT/venv"
  "$OUT/venv/bin/pip" install -q --upgrade pip
  "$OUT/venv/bin/pip" install -q -r "$REF/requirements.txt"
fi
cargo build --release -q -p parallax
INPUT="$OUT/synth$N.jsonl"
[ -f "$INPUT" ] || "$OUT/venv/bin/python" "$REF/pipeline_bench.py" make-synth --n "$N" --out "$INPUT" \
  --src ../shared/data/ecbplus/documents.jsonl

echo "== Python reference (datasketch + scikit-learn), $N docs"
PY_JSON=$("$OUT/venv/bin/python" "$REF/pipeline_bench.py" run "$INPUT" --json)
echo "$PY_JSON"

# --no-who: the reference does no entity or quote extraction; like for like.
echo "== parallax ingest --no-who (JSONL → text analysis → dedup → stories → SQLite), $N docs"
DATA=$(mktemp -d)
START=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$OUT/parallax.maxrss" ./target/release/parallax --no-progress --json \
  ingest --no-who --data "$DATA" "$INPUT" > "$OUT/parallax.json" || [ $? -eq 3 ]
END=$(date +%s.%N)
rm -rf "$DATA"
cat "$OUT/parallax.json"

python3 - "$N" "$START" "$END" "$OUT/parallax.maxrss" <<PY
import json, sys
n, start, end, rss = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), open(sys.argv[4]).read().split()[-1]
py = json.loads('''$PY_JSON''')
py_total = py["total_s"]
ours = end - start
print(f"python reference: {py_total:8.1f} s  {n/py_total:8.0f} docs/s  peak RSS {py.get('rss_peak_mb', 0):.0f} MB")
print(f"parallax        : {ours:8.1f} s  {n/ours:8.0f} docs/s  peak RSS {int(rss)/1024:.0f} MB")
print(f"parallax is {py_total/ours:.1f}x faster on the same input")
PY
