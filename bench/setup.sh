#!/usr/bin/env bash
# Creates bench/.venv and installs the pinned peers of bench/requirements.txt from PyPI.
# Idempotent: does nothing when the venv already holds exactly these pins
# (a stamp file records the hash of requirements.txt it was built from).
# Env: PYTHON (default python3.11), BENCH_VENV (default bench/.venv).
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-python3.11}"
venv="${BENCH_VENV:-$bench_dir/.venv}"
requirements="$bench_dir/requirements.txt"
stamp="$venv/.requirements.sha256"

want="$(sha256sum "$requirements" | cut -d' ' -f1)"
if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    echo "setup: $venv is up to date" >&2
    exit 0
fi

if [[ ! -x "$venv/bin/python" ]]; then
    echo "setup: creating $venv with $python" >&2
    "$python" -m venv "$venv"
fi
# The pip bundled with Python 3.11 (23.x) trips over lxml's duplicated extras in this set.
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pip==26.3"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
# Fail here, not mid-benchmark, if a peer cannot be imported.
"$venv/bin/python" -W ignore -c \
    'import trafilatura, resiliparse, readability, html_text, htmldate, newspaper, warcio, fastwarc'
echo "$want" >"$stamp"
echo "setup: installed $(grep -cE '^[A-Za-z]' "$requirements") pinned packages into $venv" >&2
