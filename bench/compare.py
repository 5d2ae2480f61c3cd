#!/usr/bin/env python3
"""Side-by-side benchmark: copydesk and its peers on the same pages, scored by the same code.

One command does it all:
  1. bench/setup.sh            the pinned peers in bench/.venv (skipped when already installed)
  2. cargo build --release     the `copydesk` binary
  3. bench/run_peers.py        each peer over each dataset (cached per tool and dataset)
  4. copydesk eval             scores copydesk (`eval DIR --json`) and every peer
                               (`eval DIR --predictions FILE --name TOOL --json`) with the SAME
                               Rust metric code
  5. prints one markdown table per dataset (and per wcxb page type "article"), and writes them with
     the date, command and versions to bench/out/RESULTS.md (raw reports: bench/out/results.json).

Run from anywhere: python3 bench/compare.py [--limit N] [--force] [--dataset NAME ...]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run_peers  # noqa: E402 - stdlib-only at import time; the peers load in its workers

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
DEFAULT_DATASETS_ROOT = Path(os.environ.get("COPYDESK_DATASETS", REPO_DIR.parent / "shared" / "datasets"))
VENV_PYTHON = Path(os.environ.get("BENCH_VENV", BENCH_DIR / ".venv")) / "bin" / "python"
COPYDESK = "copydesk"

# (column header, metric key of `copydesk eval --json`, what the tool must produce, format)
CONTENT_COLUMNS = [
    ("shingle P", "shingle_precision", "text", "f3"),
    ("shingle R", "shingle_recall", "text", "f3"),
    ("shingle F1", "shingle_f1", "text", "f3"),
    ("empty", "shingle_empty_outputs", "text", "int"),
    ("word F1", "word_f1", "text", "f3"),
    ("snippet P", "snippet_precision", "text", "f3"),
    ("snippet R", "snippet_recall", "text", "f3"),
    ("snippet F1", "snippet_f1", "text", "f3"),
    ("empty", "empty_outputs", "text", "int"),  # only for datasets without a body (snippets only)
    ("title acc", "title_accuracy", "title", "f3"),
]
METADATA_COLUMNS = [
    ("title acc", "title_accuracy", "title", "f3"),
    ("authors acc", "authors_accuracy", "authors", "f3"),
    ("date acc", "date_accuracy", "date", "f3"),
    ("site_name acc", "site_name_accuracy", "site_name", "f3"),
    ("lang acc", "lang_accuracy", "lang", "f3"),
]
CPU_COLUMNS = [
    ("CPU ms/page median", "cpu_ms_median", None, "f2"),
    ("CPU ms/page mean", "cpu_ms_mean", None, "f2"),
]
# Page types that get a table of their own where the dataset has page types.
PAGE_TYPE_TABLES = ["article"]


def log(message: str) -> None:
    print(f"compare: {message}", file=sys.stderr, flush=True)


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    log("$ " + " ".join(shlex.quote(str(c)) for c in command))
    return subprocess.run([str(c) for c in command], check=True, **kwargs)


def copydesk_binary() -> Path:
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO_DIR / "target"))
    return target / "release" / COPYDESK


def make_subsets(datasets: list[Path], limit: int, root: Path) -> list[Path]:
    """The first N pages of each dataset as a dataset folder of its own (pages symlinked), so
    copydesk, the peers and the scorer all see exactly the same pages."""
    subsets = []
    for dataset in datasets:
        subset = root / dataset.name
        subset.mkdir(parents=True, exist_ok=True)
        with open(dataset / "gold.jsonl", encoding="utf-8") as lines:
            head = [line for line in lines if line.strip()][:limit]
        (subset / "gold.jsonl").write_text("".join(head), encoding="utf-8")
        pages = subset / "pages"
        if pages.is_symlink() or pages.exists():
            pages.unlink()
        pages.symlink_to((dataset / "pages").resolve(), target_is_directory=True)
        subsets.append(subset)
    return subsets


def score_with_rust(binary: Path, dataset: Path, predictions: Path | None, name: str,
                    extra: list[str], raw_dir: Path) -> dict:
    command = [binary, "eval", dataset, "--json", *extra]
    if predictions is not None:
        command += ["--predictions", predictions, "--name", name]
    result = run(command, stdout=subprocess.PIPE)
    (raw_dir / f"{name}.{dataset.name}.eval.json").write_bytes(result.stdout)
    return json.loads(result.stdout)


def score_with_python(dataset: Path, predictions: Path, name: str) -> dict:
    import score_py

    return score_py.score(dataset, predictions, name)


def report_for(document: dict, dataset_name: str) -> dict:
    for report in document.get("datasets", []):
        if report.get("name") == dataset_name:
            return report
    raise ValueError(f"no report for {dataset_name} in the eval output")


def fmt(value, kind: str) -> str:
    if value is None:
        return "—"
    if kind == "int":
        return str(int(value))
    if kind == "f2":
        return f"{value:.2f}"
    return f"{value:.3f}"


def table(columns: list[tuple], rows: list[tuple[str, str, dict, set[str] | None]], baseline: str) -> str | None:
    """A markdown table of the columns the rows' dataset annotates; None when it annotates none.

    rows: (tool, version, metrics, what the tool produces, or None for everything).
    """
    def annotated(key):
        return any(metrics.get(key) is not None for _, _, metrics, _ in rows)

    shown = [c for c in columns if annotated(c[1])]
    keys = {c[1] for c in shown}
    # Empty-output counts are always numbers; they mean something only next to their metric:
    # the shingle one where a body is annotated, the plain one for snippet-only datasets.
    if "shingle_f1" not in keys:
        shown = [c for c in shown if c[1] != "shingle_empty_outputs"]
    if "shingle_f1" in keys or "snippet_f1" not in keys:
        shown = [c for c in shown if c[1] != "empty_outputs"]
    if not shown:
        return None
    shown += CPU_COLUMNS
    base = next((m.get("cpu_ms_median") for t, _, m, _ in rows if t == baseline), None)
    header = ["tool", "version"] + [c[0] for c in shown]
    if base:
        header.append(f"CPU × {baseline} (median)")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for tool, version, metrics, produces in rows:
        cells = [tool, version]
        for _, key, needs, kind in shown:
            produced = needs is None or produces is None or needs in produces
            cells.append(fmt(metrics.get(key), kind) if produced else "—")
        if base:
            median = metrics.get("cpu_ms_median")
            cells.append(f"{median / base:.1f}×" if median else "—")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def read_meta(out_root: Path, tool: str, dataset: str) -> dict | None:
    path = out_root / tool / f"{dataset}.meta.json"
    return json.loads(path.read_text()) if path.exists() else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets-root", type=Path, default=DEFAULT_DATASETS_ROOT)
    parser.add_argument("--dataset", action="append", dest="datasets",
                        help="dataset name under the root; repeatable (default: all)")
    parser.add_argument("--tool", action="append", dest="tools", help="peer to run; repeatable (default: all)")
    parser.add_argument("--limit", type=int, help="only the first N pages of each dataset")
    parser.add_argument("--force", action="store_true", help="re-run the peers even when cached")
    parser.add_argument("--skip-setup", action="store_true", help="do not run setup.sh")
    parser.add_argument("--skip-build", action="store_true", help="do not run cargo build")
    parser.add_argument("--no-copydesk", action="store_true", help="score the peers only")
    parser.add_argument("--scorer", choices=["rust", "python"], default="rust",
                        help="rust = copydesk eval (the benchmark); python = bench/score_py.py, "
                             "an independent re-implementation for cross-checking")
    parser.add_argument("--eval-arg", action="append", default=[],
                        help="extra argument passed to every `copydesk eval` (repeatable)")
    args = parser.parse_args()

    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    out_root = BENCH_DIR / "out" if args.limit is None else BENCH_DIR / "out" / f"limit-{args.limit}"
    out_root.mkdir(parents=True, exist_ok=True)
    raw_dir = out_root / "eval"
    raw_dir.mkdir(exist_ok=True)

    names = args.datasets or sorted(p.name for p in args.datasets_root.iterdir() if (p / "gold.jsonl").exists())
    datasets = [args.datasets_root / n for n in names]
    if args.limit is not None:
        datasets = make_subsets(datasets, args.limit, out_root / "datasets")

    if not args.skip_setup:
        run(["bash", BENCH_DIR / "setup.sh"])
    binary = copydesk_binary()
    if not args.no_copydesk and not args.skip_build:
        run(["cargo", "build", "--release", "-p", "copydesk-cli"], cwd=REPO_DIR)
    if (not args.no_copydesk or args.scorer == "rust") and not binary.exists():
        log(f"no copydesk binary at {binary} (build it, or set CARGO_TARGET_DIR)")
        return 1

    peers_command = [VENV_PYTHON, BENCH_DIR / "run_peers.py", "--datasets-root", datasets[0].parent,
                     "--out", out_root]
    for d in datasets:
        peers_command += ["--dataset", d.name]
    for t in args.tools or []:
        peers_command += ["--tool", t]
    if args.force:
        peers_command.append("--force")
    run(peers_command)
    tools = args.tools or run_peers.DEFAULT_TOOLS

    copydesk_version = "—"
    if binary.exists():
        probe = subprocess.run([binary, "--version"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        copydesk_version = (probe.stdout.split() or ["?"])[-1] if probe.returncode == 0 else "?"
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_DIR,
                                stdout=subprocess.PIPE, text=True).stdout.strip()
        copydesk_version += f" ({commit})" if commit else ""

    all_reports = []
    sections = []
    for dataset in datasets:
        rows = []  # (tool, version, report, produces, roles)
        if not args.no_copydesk:
            document = score_with_rust(binary, dataset, None, COPYDESK, args.eval_arg, raw_dir)
            rows.append((COPYDESK, copydesk_version, report_for(document, dataset.name), None,
                         {"content", "metadata"}))
        for tool in tools:
            predictions = out_root / tool / f"{dataset.name}.jsonl"
            meta = read_meta(out_root, tool, dataset.name)
            if meta is None or not predictions.exists():
                continue  # the tool does not run on this dataset
            if args.scorer == "rust":
                document = score_with_rust(binary, dataset, predictions, tool, args.eval_arg, raw_dir)
            else:
                document = score_with_python(dataset, predictions, tool)
            rows.append((tool, meta["version"], report_for(document, dataset.name), set(meta["produces"]),
                         set(run_peers.TOOLS[tool].roles)))
        all_reports += [{"tool": t, "version": v, "report": r} for t, v, r, _, _ in rows]

        pages = rows[0][2]["metrics"]["pages"] if rows else 0
        section = [f"### {dataset.name} ({pages} pages)"]
        for kind, columns in (("content", CONTENT_COLUMNS), ("metadata", METADATA_COLUMNS)):
            kind_rows = [(t, v, r, p) for t, v, r, p, roles in rows if kind in roles]
            text = table(columns, [(t, v, r["metrics"], p) for t, v, r, p in kind_rows], COPYDESK)
            if text is None:
                continue
            section += ["", f"#### {kind}", "", text]
            for page_type in PAGE_TYPE_TABLES if kind == "content" else []:
                typed = [(t, v, r.get("page_types", {}).get(page_type), p) for t, v, r, p in kind_rows]
                if typed and all(m is not None for _, _, m, _ in typed):
                    section += ["", f"#### {kind}, page_type = {page_type} ({typed[0][2]['pages']} pages)",
                                "", table(columns, typed, COPYDESK)]
        sections.append("\n".join(section))
        print(sections[-1] + "\n", flush=True)

    command = "python3 bench/compare.py" + "".join(f" {shlex.quote(a)}" for a in sys.argv[1:])
    header = [
        "# Side-by-side benchmark", "",
        f"- date: {started}",
        f"- command: `{command}`",
        f"- scorer: {'copydesk eval (Rust metric code)' if args.scorer == 'rust' else 'bench/score_py.py (cross-check only)'}",
        f"- machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}, Python {platform.python_version()}",
        "- CPU: thread CPU time of the extraction call, one thread, one process per tool, tools run one "
        "after the other; the machine is shared, so compare medians and ratios from the same run",
        "",
    ]
    (out_root / "RESULTS.md").write_text("\n".join(header) + "\n" + "\n\n".join(sections) + "\n", encoding="utf-8")
    (out_root / "results.json").write_text(json.dumps(
        {"date": started, "command": command, "scorer": args.scorer, "runs": all_reports}, indent=1) + "\n")
    log(f"wrote {out_root / 'RESULTS.md'} and {out_root / 'results.json'}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except subprocess.CalledProcessError as error:
        log(f"failed: {error}")
        sys.exit(1)
