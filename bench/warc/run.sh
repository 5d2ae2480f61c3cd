#!/usr/bin/env bash
# WARC throughput benchmark (issue 4): copydesk warc vs warcio+trafilatura and
# FastWARC+Resiliparse, each with 2 workers, on a WARC built from the shared datasets.
#
#   bench/warc/run.sh 100           # size in MB of the (gzipped) WARC; builds it if missing
#
# Env: COPYDESK (the release binary; default target/release/copydesk), PEER_PY (a Python with
# the pinned peers, e.g. bench/.venv/bin/python from bench/setup.sh; unset = copydesk only),
# OUT (default /tmp/copydesk-warc-bench).
set -euo pipefail
size_mb="${1:-100}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${OUT:-/tmp/copydesk-warc-bench}"
copydesk="${COPYDESK:-$root/target/release/copydesk}"
mkdir -p "$out"
warc="$out/bench-${size_mb}M.warc.gz"
[ -f "$warc" ] || python3 "$root/bench/warc/build_warc.py" --size-mb "$size_mb" -o "$warc"

report() { grep -E "User time|System time|Elapsed|Maximum resident" "$1" | sed 's/^\s*/    /'; }

echo "== copydesk warc ($warc)"
/usr/bin/time -v "$copydesk" warc "$warc" -o "$out/copydesk-${size_mb}M.parquet" --threads 2 \
    --stats-json "$out/copydesk-${size_mb}M.stats.json" 2> "$out/copydesk-${size_mb}M.time"
head -1 "$out/copydesk-${size_mb}M.time"
report "$out/copydesk-${size_mb}M.time"

if [ -n "${PEER_PY:-}" ]; then
    for tool in resiliparse trafilatura; do
        echo "== $tool (2 processes)"
        /usr/bin/time -v "$PEER_PY" -W ignore "$root/bench/warc/peers.py" --tool "$tool" --procs 2 \
            "$warc" -o "$out/$tool-${size_mb}M.jsonl" 2> "$out/$tool-${size_mb}M.time"
        report "$out/$tool-${size_mb}M.time"
    done
fi
