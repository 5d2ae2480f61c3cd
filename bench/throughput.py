#!/usr/bin/env python3
"""Corpus throughput (issue 4): WARC files in, extracted text out, N processes, wall clock.

Builds gzipped WARC files from the shared datasets' pages (cached under bench/out/warc/), then
times whole pipelines over them, each with --processes worker processes, one WARC file per task
(the way a corpus job splits work):
  warcio+trafilatura     warcio ArchiveIterator -> trafilatura.extract(...)  -> JSONL
  fastwarc+resiliparse   fastwarc ArchiveIterator -> extract_plain_text(main_content=True) -> JSONL
  copydesk               `copydesk warc FILES -o OUT --threads N` (when the subcommand exists)
and prints records/s and MB/s (compressed WARC bytes) per pipeline, and the ratio to copydesk.

    bench/.venv/bin/python bench/throughput.py [--shards 4] [--repeat 1] [--processes 2]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
DEFAULT_DATASETS_ROOT = Path(os.environ.get("COPYDESK_DATASETS", REPO_DIR.parent / "shared" / "datasets"))


def build_warcs(datasets_root: Path, out_dir: Path, shards: int, repeat: int, limit: int | None) -> list[Path]:
    """Writes every page of every dataset as an HTTP response record (per-record gzip), dealt
    round-robin into `shards` files. Skipped when the files exist for the same settings."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out_dir.mkdir(parents=True, exist_ok=True)
    tag = f"x{repeat}" + (f"-limit{limit}" if limit else "")
    paths = [out_dir / f"pages-{i:02}-of-{shards:02}-{tag}.warc.gz" for i in range(shards)]
    done = out_dir / f"done-{shards}-{tag}"
    if done.exists() and all(p.exists() for p in paths):
        return paths
    files = [open(p, "wb") for p in paths]
    writers = [WARCWriter(f, gzip=True) for f in files]
    n = 0
    for _ in range(repeat):
        for dataset in sorted(d for d in datasets_root.iterdir() if (d / "gold.jsonl").exists()):
            with open(dataset / "gold.jsonl", encoding="utf-8") as lines:
                for number, line in enumerate(lines):
                    if limit is not None and number >= limit:
                        break
                    record = json.loads(line)
                    page = gzip.decompress((dataset / "pages" / f"{record['id']}.html.gz").read_bytes())
                    url = record.get("url") or f"http://{dataset.name}.invalid/{record['id']}"
                    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"),
                                                       ("Content-Length", str(len(page)))],
                                            protocol="HTTP/1.1")
                    writer = writers[n % shards]
                    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(page),
                                                                  http_headers=http))
                    n += 1
    for f in files:
        f.close()
    done.write_text(f"{n} records\n")
    return paths


def warcio_trafilatura(path: str, out_path: str) -> tuple[int, int]:
    import trafilatura
    from warcio.archiveiterator import ArchiveIterator

    records = 0
    with open(path, "rb") as stream, open(out_path, "w", encoding="utf-8") as out:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if "html" not in content_type:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            html = record.content_stream().read()
            try:
                text = trafilatura.extract(html, url=url, include_comments=False) or ""
            except Exception:  # noqa: BLE001 - a failing page is an empty output, the run goes on
                text = ""
            out.write(json.dumps({"url": url, "text": text}, ensure_ascii=False) + "\n")
            records += 1
    return records, os.path.getsize(path)


def fastwarc_resiliparse(path: str, out_path: str) -> tuple[int, int]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    records = 0
    with open(path, "rb") as stream, open(out_path, "w", encoding="utf-8") as out:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
            content_type = record.http_headers.get("Content-Type", "") if record.http_headers else ""
            if "html" not in content_type:
                continue
            url = record.headers.get("WARC-Target-URI")
            html = record.reader.read()
            try:
                text = extract_plain_text(HTMLTree.parse_from_bytes(html), main_content=True)
            except Exception:  # noqa: BLE001
                text = ""
            out.write(json.dumps({"url": url, "text": text}, ensure_ascii=False) + "\n")
            records += 1
    return records, os.path.getsize(path)


PIPELINES = {"warcio+trafilatura": warcio_trafilatura, "fastwarc+resiliparse": fastwarc_resiliparse}


def run_python_pipeline(name: str, warcs: list[Path], processes: int, out_dir: Path) -> dict:
    out_dir.mkdir(parents=True, exist_ok=True)
    function = PIPELINES[name]
    started = time.monotonic()
    with ProcessPoolExecutor(max_workers=processes) as pool:
        futures = [pool.submit(function, str(w), str(out_dir / (w.name + ".jsonl"))) for w in warcs]
        results = [f.result() for f in futures]
    wall = time.monotonic() - started
    records = sum(r for r, _ in results)
    size = sum(s for _, s in results)
    return {"pipeline": name, "records": records, "wall_s": wall, "records_per_s": records / wall,
            "mb_per_s": size / 1e6 / wall}


def run_copydesk(warcs: list[Path], processes: int, out_dir: Path) -> dict | None:
    binary = Path(os.environ.get("CARGO_TARGET_DIR", REPO_DIR / "target")) / "release" / "copydesk"
    if not binary.exists():
        print(f"throughput: no copydesk binary at {binary} (set CARGO_TARGET_DIR); skipped", file=sys.stderr)
        return None
    out_dir.mkdir(parents=True, exist_ok=True)
    size = sum(w.stat().st_size for w in warcs)
    started = time.monotonic()
    # Several inputs: the output is a directory of one JSONL file per input.
    result = subprocess.run([str(binary), "warc", *map(str, warcs), "-o", str(out_dir / "jsonl"),
                             "--threads", str(processes)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.monotonic() - started
    if result.returncode != 0:
        print(f"throughput: copydesk warc failed ({result.stderr.strip()[:200]}); skipped", file=sys.stderr)
        return None
    records = sum(1 for path in (out_dir / "jsonl").glob("*.jsonl") for _ in open(path, encoding="utf-8"))
    return {"pipeline": "copydesk", "records": records, "wall_s": wall, "records_per_s": records / wall,
            "mb_per_s": size / 1e6 / wall}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets-root", type=Path, default=DEFAULT_DATASETS_ROOT)
    parser.add_argument("--shards", type=int, default=4, help="WARC files to build (tasks)")
    parser.add_argument("--repeat", type=int, default=1, help="write every page this many times")
    parser.add_argument("--limit", type=int, help="only the first N pages of each dataset (smoke test)")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--pipeline", action="append", choices=sorted(PIPELINES) + ["copydesk"])
    args = parser.parse_args()

    warcs = build_warcs(args.datasets_root, BENCH_DIR / "out" / "warc", args.shards, args.repeat, args.limit)
    out_dir = BENCH_DIR / "out" / "throughput"
    rows = []
    for name in args.pipeline or ["copydesk", *PIPELINES]:
        row = (run_copydesk(warcs, args.processes, out_dir / name) if name == "copydesk"
               else run_python_pipeline(name, warcs, args.processes, out_dir / name))
        if row:
            rows.append(row)
            print(f"throughput: {row['pipeline']}: {row['records']} records in {row['wall_s']:.1f}s", file=sys.stderr)
    base = next((r["records_per_s"] for r in rows if r["pipeline"] == "copydesk"), None)
    size_mb = sum(w.stat().st_size for w in warcs) / 1e6
    print(f"### throughput: {len(warcs)} WARC files, {size_mb:.0f} MB gzipped, {args.processes} processes\n")
    print("| pipeline | records | wall s | records/s | MB/s | copydesk × faster |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        ratio = f"{base / r['records_per_s']:.1f}×" if base else "—"
        print(f"| {r['pipeline']} | {r['records']} | {r['wall_s']:.1f} | {r['records_per_s']:.1f} | "
              f"{r['mb_per_s']:.2f} | {ratio} |")
    (out_dir / "results.json").write_text(json.dumps(rows, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
