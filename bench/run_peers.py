#!/usr/bin/env python3
"""Runs the peer extractors over the shared datasets and writes their predictions.

For every (tool, dataset) pair this writes bench/out/TOOL/DATASET.jsonl, one JSON object a page:
    {"id": ..., "text": ..., "title"?: ..., "authors"?: [...], "date"?: "YYYY-MM-DD", "cpu_ms": ...}
(plus "error" when the peer raised or timed out; its text is then "", an empty output).
That is the predictions format read by `copydesk eval DATASET_DIR --predictions FILE`.

Measurement: each tool runs in ONE worker process of its own (a child of this script), single
threaded, over all its datasets in turn; the CPU time of the extraction call alone (not reading or
gunzipping the page) is taken with time.thread_time_ns(). A warm-up call on the first page of
each dataset is made and discarded, so lazy imports and first-use caches are not billed to a page.

Caching: a (tool, dataset) pair whose output file exists and whose sidecar DATASET.meta.json
matches the current run (same pinned version, same --limit, same configuration) is skipped unless
--force is given. Files are written under a temporary name and renamed when complete.

Tools run on a dataset only when it annotates something they produce (text tools need body or
with/without snippets; date tools need dates): on htmldate-dates only the date extractors run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import signal
import subprocess
import sys
import time
import warnings
from dataclasses import dataclass
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Callable

BENCH_DIR = Path(__file__).resolve().parent
DEFAULT_DATASETS_ROOT = Path(os.environ.get("COPYDESK_DATASETS", BENCH_DIR.parent.parent / "shared" / "datasets"))
DEFAULT_OUT = BENCH_DIR / "out"

# What a gold field lets us score, mapped to what a tool must produce to be scored on it.
GOLD_FIELD_NEEDS = {"body": "text", "with": "text", "without": "text", "title": "title",
                    "authors": "authors", "date": "date", "site_name": "site_name", "lang": "lang"}
# Block-level tags after which readability's cleaned HTML gets a line break when turned to text.
BLOCK_TAGS = frozenset("""address article aside blockquote br dd details div dl dt fieldset figcaption
figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul""".split())


class PageTimeout(Exception):
    """Raised by the SIGALRM handler when one page takes longer than --timeout seconds."""


@dataclass
class Tool:
    """One peer configuration: how it is called and what it produces."""

    name: str
    package: str  # the PyPI distribution whose version is recorded
    produces: frozenset[str]  # subset of {"text", "title", "authors", "date", "site_name", "lang"}
    takes: str  # "bytes": the page's raw bytes; "str": bytes decoded outside the timed call
    config: str  # the call, as documentation and as part of the cache key
    make: Callable[[], Callable[[bytes | str, str | None], dict]]  # imports lazily, returns extract
    # Which comparison tables the tool belongs in: "content" (main text, issue 2) and/or
    # "metadata" (title, authors, date, site, language; issue 3).
    roles: frozenset[str] = frozenset({"content"})


def _none_if_empty(value):
    return value if value else None


def make_trafilatura():
    import trafilatura

    def extract(html, url):
        text = trafilatura.extract(html, url=url, include_comments=False)
        return {"text": text or ""}

    return extract


def make_trafilatura_meta():
    import trafilatura

    def extract(html, url):
        doc = trafilatura.bare_extraction(html, url=url, include_comments=False, with_metadata=True)
        if doc is None:
            return {"text": ""}
        authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
        return {"text": doc.text or "", "title": _none_if_empty(doc.title), "authors": authors,
                "date": _none_if_empty(doc.date), "site_name": _none_if_empty(doc.sitename)}

    return extract


def make_resiliparse():
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    def extract(html, url):
        tree = HTMLTree.parse_from_bytes(html)
        text = extract_plain_text(tree, main_content=True)
        return {"text": text or "", "title": _none_if_empty(tree.title)}

    return extract


def make_readability():
    import lxml.html
    from readability import Document

    def extract(html, url):
        doc = Document(html, url=url)
        summary = doc.summary()
        tree = lxml.html.fromstring(summary)
        # text_content() glues blocks together ("end</p><p>Start" -> "endStart"); a line break
        # after each block keeps words apart, as any user printing the summary would do.
        for element in tree.iter():
            if isinstance(element.tag, str) and element.tag in BLOCK_TAGS:
                element.tail = "\n" + (element.tail or "")
        return {"text": tree.text_content().strip(), "title": _none_if_empty(doc.short_title())}

    return extract


def make_html_text():
    import html_text

    def extract(html, url):
        return {"text": html_text.extract_text(html)}

    return extract


def make_htmldate():
    from htmldate import find_date

    def extract(html, url):
        return {"date": find_date(html, url=url, extensive_search=True, original_date=True)}

    return extract


def make_newspaper4k():
    warnings.filterwarnings("ignore", module="newspaper")
    from newspaper import Article

    def extract(html, url):
        # fetch_images=False: by default parse() downloads candidate images to size the top image,
        # which is network I/O, not extraction (and there is no network here).
        article = Article(url or "http://example.invalid/", fetch_images=False)
        article.download(input_html=html)
        article.parse()
        date = article.publish_date.strftime("%Y-%m-%d") if article.publish_date else None
        return {"text": article.text or "", "title": _none_if_empty(article.title),
                "authors": list(article.authors or []), "date": date,
                "site_name": _none_if_empty(article.meta_site_name), "lang": _none_if_empty(article.meta_lang)}

    return extract


TOOLS: dict[str, Tool] = {t.name: t for t in [
    Tool("trafilatura", "trafilatura", frozenset({"text"}), "bytes",
         "trafilatura.extract(html, url=url, include_comments=False)", make_trafilatura),
    Tool("trafilatura-meta", "trafilatura", frozenset({"text", "title", "authors", "date", "site_name"}),
         "bytes", "trafilatura.bare_extraction(html, url=url, include_comments=False, with_metadata=True)",
         make_trafilatura_meta, roles=frozenset({"metadata"})),
    Tool("resiliparse", "Resiliparse", frozenset({"text", "title"}), "bytes",
         "extract_plain_text(HTMLTree.parse_from_bytes(html), main_content=True); title = tree.title",
         make_resiliparse),
    Tool("readability", "readability-lxml", frozenset({"text", "title"}), "bytes",
         "Document(html, url=url).summary() -> lxml text_content (a line break after each block); "
         "title = .short_title()", make_readability),
    Tool("html_text", "html-text", frozenset({"text"}), "str",
         "html_text.extract_text(html) on the whole page (a no-extraction baseline)", make_html_text),
    Tool("htmldate", "htmldate", frozenset({"date"}), "bytes",
         "find_date(html, url=url, extensive_search=True, original_date=True)", make_htmldate,
         roles=frozenset({"metadata"})),
    Tool("newspaper4k", "newspaper4k", frozenset({"text", "title", "authors", "date", "site_name", "lang"}),
         "str", "Article(url, fetch_images=False).download(input_html=html); .parse()", make_newspaper4k,
         roles=frozenset({"content", "metadata"})),
]}
# The default run: issue 2's text peers first, then issue 3's metadata peers.
DEFAULT_TOOLS = ["trafilatura", "resiliparse", "readability", "html_text",
                 "trafilatura-meta", "htmldate", "newspaper4k"]


def decode_for_str_tools(data: bytes) -> str:
    """Bytes to str for the peers that take str (as a requests user would hand them response.text).

    Uses resiliparse's HTML-aware charset detection; runs outside the timed call.
    """
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    return bytes_to_str(data, detect_encoding(data))


def read_gold(dataset_dir: Path, limit: int | None) -> list[dict]:
    records = []
    with open(dataset_dir / "gold.jsonl", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                records.append(json.loads(line))
                if limit is not None and len(records) >= limit:
                    break
    return records


def annotated_needs(gold: list[dict]) -> set[str]:
    """What outputs the dataset can score, from the fields its gold annotates."""
    return {need for record in gold for key, need in GOLD_FIELD_NEEDS.items() if key in record}


def tool_runs_on(tool: Tool, gold: list[dict]) -> bool:
    return bool(tool.produces & annotated_needs(gold))


def package_version(tool: Tool) -> str:
    try:
        return importlib_metadata.version(tool.package)
    except importlib_metadata.PackageNotFoundError:
        return "not-installed"


def run_meta(tool: Tool, dataset: str, limit: int | None, pages: int, timeout: float) -> dict:
    return {"tool": tool.name, "package": tool.package, "version": package_version(tool),
            "config": tool.config, "takes": tool.takes, "dataset": dataset, "limit": limit,
            "produces": sorted(tool.produces), "roles": sorted(tool.roles), "pages": pages, "timeout_s": timeout, "python": sys.version.split()[0]}


def is_cached(out_file: Path, meta_file: Path, expected: dict) -> bool:
    if not out_file.exists() or not meta_file.exists():
        return False
    try:
        recorded = json.loads(meta_file.read_text())
    except (OSError, ValueError):
        return False
    keys = ("version", "config", "takes", "produces", "limit", "pages", "python")
    return all(recorded.get(k) == expected.get(k) for k in keys)


def _on_alarm(signum, frame):
    raise PageTimeout()


def run_one_page(extract, html, url, timeout: float) -> tuple[dict, float, str | None]:
    """Calls the extractor once; returns (fields, cpu_ms, error). A raise is an empty output."""
    signal.setitimer(signal.ITIMER_REAL, timeout)
    start = time.thread_time_ns()
    error = None
    try:
        result = extract(html, url)
    except PageTimeout:
        result, error = {}, f"timeout after {timeout:g}s"
    except Exception as exc:  # noqa: BLE001 - any failure of the peer counts as an empty output
        result, error = {}, f"{type(exc).__name__}: {exc}"[:300]
    finally:
        cpu_ns = time.thread_time_ns() - start
        signal.setitimer(signal.ITIMER_REAL, 0)
    return result, cpu_ns / 1e6, error


def worker(tool_name: str, datasets: list[Path], out_root: Path, limit: int | None, force: bool,
           timeout: float) -> int:
    """Runs one tool over the datasets, in this process only."""
    tool = TOOLS[tool_name]
    signal.signal(signal.SIGALRM, _on_alarm)
    extract = None
    for dataset_dir in datasets:
        dataset = dataset_dir.name
        gold = read_gold(dataset_dir, limit)
        if not tool_runs_on(tool, gold):
            print(f"  {tool.name:16} {dataset:18} skipped (nothing it produces is annotated)", file=sys.stderr)
            continue
        out_dir = out_root / tool.name
        out_dir.mkdir(parents=True, exist_ok=True)
        out_file = out_dir / f"{dataset}.jsonl"
        meta_file = out_dir / f"{dataset}.meta.json"
        meta = run_meta(tool, dataset, limit, len(gold), timeout)
        if not force and is_cached(out_file, meta_file, meta):
            print(f"  {tool.name:16} {dataset:18} cached ({out_file})", file=sys.stderr)
            continue
        if extract is None:
            extract = tool.make()

        def load(record):
            data = gzip.decompress((dataset_dir / "pages" / f"{record['id']}.html.gz").read_bytes())
            return decode_for_str_tools(data) if tool.takes == "str" else data

        if gold:  # warm-up: lazy imports and first-use caches are not billed to a page
            run_one_page(extract, load(gold[0]), gold[0].get("url"), timeout)
        tmp_file = out_file.with_suffix(".jsonl.tmp")
        started = time.monotonic()
        errors = 0
        cpu_total = 0.0
        with open(tmp_file, "w", encoding="utf-8") as out:
            for record in gold:
                html = load(record)
                result, cpu_ms, error = run_one_page(extract, html, record.get("url"), timeout)
                line = {"id": record["id"], "text": result.get("text", "") if "text" in tool.produces else ""}
                for key in ("title", "authors", "date", "site_name", "lang"):
                    if key in tool.produces and result.get(key) is not None:
                        line[key] = result[key]
                line["cpu_ms"] = round(cpu_ms, 4)
                if error is not None:
                    line["error"] = error
                    errors += 1
                cpu_total += cpu_ms
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
        tmp_file.replace(out_file)
        meta["errors"] = errors
        meta["cpu_ms_total"] = round(cpu_total, 1)
        meta["wall_s"] = round(time.monotonic() - started, 1)
        meta["finished_utc"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        meta_file.write_text(json.dumps(meta, indent=1) + "\n")
        mean = cpu_total / len(gold) if gold else 0.0
        print(f"  {tool.name:16} {dataset:18} {len(gold):5} pages, {errors} errors, "
              f"mean {mean:.2f} CPU ms/page, {meta['wall_s']}s wall", file=sys.stderr)
    return 0


def find_datasets(root: Path, names: list[str] | None) -> list[Path]:
    if names:
        dirs = [Path(n) if ("/" in n) else root / n for n in names]
    else:
        dirs = sorted(p for p in root.iterdir() if (p / "gold.jsonl").exists())
    missing = [str(d) for d in dirs if not (d / "gold.jsonl").exists()]
    if missing:
        sys.exit(f"run_peers: not a dataset (no gold.jsonl): {', '.join(missing)}")
    return dirs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets-root", type=Path, default=DEFAULT_DATASETS_ROOT,
                        help="folder holding the dataset folders (default: %(default)s)")
    parser.add_argument("--dataset", action="append", dest="datasets",
                        help="dataset name under the root, or a path; repeatable (default: all)")
    parser.add_argument("--tool", action="append", dest="tools", choices=sorted(TOOLS),
                        help=f"repeatable (default: {' '.join(DEFAULT_TOOLS)})")
    parser.add_argument("--limit", type=int, help="only the first N pages of each dataset")
    parser.add_argument("--out", type=Path,
                        help=f"output root (default: {DEFAULT_OUT}, or {DEFAULT_OUT}/limit-N with --limit N)")
    parser.add_argument("--force", action="store_true", help="re-run even when cached output exists")
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds a peer may spend on one page before it counts as empty")
    parser.add_argument("--list-tools", action="store_true", help="print the tools and their calls")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.list_tools:
        for tool in TOOLS.values():
            print(f"{tool.name}\t{tool.package}=={package_version(tool)}\t{tool.config}")
        return 0
    if args.out is None:
        args.out = DEFAULT_OUT / f"limit-{args.limit}" if args.limit is not None else DEFAULT_OUT
    datasets = find_datasets(args.datasets_root, args.datasets)
    if args.worker:
        return worker(args.worker, datasets, args.out, args.limit, args.force, args.timeout)

    # One child process per tool, one after the other (the machine is shared; peers run alone).
    failed = []
    for name in args.tools or DEFAULT_TOOLS:
        command = [sys.executable, "-W", "ignore", str(Path(__file__).resolve()), "--worker", name,
                   "--datasets-root", str(args.datasets_root), "--out", str(args.out),
                   "--timeout", str(args.timeout)]
        for d in datasets:
            command += ["--dataset", str(d)]
        if args.limit is not None:
            command += ["--limit", str(args.limit)]
        if args.force:
            command.append("--force")
        env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
        if subprocess.run(command, env=env).returncode != 0:
            failed.append(name)
    if failed:
        print(f"run_peers: failed tools: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
