"""Ray front end: one Ray task per WARC file, each calling ``copydesk.process_warc``; and a
Ray Data path that extracts an HTML column with ``map_batches``.

Command line (prints the total stats as JSON, exit status 1 when a file failed)::

    python -m copydesk.ray --input 's3-or-local/glob/*.warc.gz' --output DIR \\
        [--format parquet] [--cpus-per-task 1] [--wheel dist/copydesk-*.whl] [--address auto]

``--wheel`` ships the package to workers that do not have it, through the job's ``runtime_env``
(``py_modules`` accepts a local wheel, which Ray uploads and installs on each node; Ray takes
local files only at the job level, i.e. in ``ray.init``). Each task
reserves ``--cpus-per-task`` CPUs and caps copydesk's thread pool at that, so Ray's
scheduling and copydesk's parallelism agree.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from typing import Any, Dict, Iterable, List, Optional, Sequence

import copydesk

from ._files import OUTPUT_EXTENSIONS, output_path, process_file


def expand_inputs(spec: Sequence[str]) -> List[str]:
    """Paths from globs, comma-separated lists and ``@file`` lists (one path a line)."""
    paths: List[str] = []
    for item in spec:
        for part in item.split(","):
            part = part.strip()
            if not part:
                continue
            if part.startswith("@"):
                with open(part[1:], encoding="utf-8") as f:
                    paths.extend(line.strip() for line in f if line.strip())
            elif any(c in part for c in "*?["):
                paths.extend(sorted(glob.glob(part)))
            else:
                paths.append(part)
    return paths


def _process_one(input_path: str, out_path: str, threads: int, options: Dict[str, Any]) -> Dict[str, Any]:
    import copydesk as cd  # imported in the worker, where runtime_env installed it

    stats = process_file(input_path, out_path, threads, options)
    # Where the worker's copydesk came from: shows whether a shipped wheel was used.
    stats["copydesk_module"] = cd.__file__
    return stats


def runtime_env_for(wheel: Optional[str]) -> Optional[Dict[str, Any]]:
    """The job-level runtime_env (for ``ray.init``) that ships a copydesk wheel to the workers."""
    if not wheel:
        return None
    return {"py_modules": [os.path.abspath(wheel)]}


def process_warcs(
    paths: Iterable[str],
    output_dir: str,
    *,
    output_format: str = "parquet",
    cpus_per_task: int = 1,
    wheel: Optional[str] = None,
    resume: bool = True,
    **options: Any,
) -> List[Dict[str, Any]]:
    """Runs one Ray task per WARC file; returns each file's stats (or ``{"input", "error"}``
    for a file that failed). Starts a local Ray when none is running, shipping ``wheel`` if
    given; with Ray already running, ship the wheel in its ``ray.init`` (see
    :func:`runtime_env_for`)."""
    import ray

    if output_format not in OUTPUT_EXTENSIONS:
        raise ValueError(f"output_format must be one of {sorted(OUTPUT_EXTENSIONS)}")
    if not ray.is_initialized():
        ray.init(runtime_env=runtime_env_for(wheel))
    elif wheel:
        raise ValueError(
            "Ray is already initialised: pass runtime_env=copydesk.ray.runtime_env_for(wheel) "
            "to ray.init instead (Ray takes local wheels only at the job level)"
        )
    os.makedirs(output_dir, exist_ok=True)
    remote = ray.remote(num_cpus=cpus_per_task)(_process_one)
    task_options = dict(options, resume=resume, output_format=output_format)
    refs = [
        remote.remote(p, output_path(p, output_dir, output_format), cpus_per_task, task_options)
        for p in paths
    ]
    return ray.get(refs)


def total(stats: Sequence[Dict[str, Any]]) -> Dict[str, Any]:
    """The sum of per-file stats, with the failed files listed."""
    keys = ("records", "extracted", "skipped", "failed", "empty_text", "rows_written", "input_bytes")
    out: Dict[str, Any] = {k: sum(s.get(k, 0) for s in stats if "error" not in s) for k in keys}
    for reasons in ("skipped_reasons", "failed_reasons", "stream_problems"):
        merged: Dict[str, int] = {}
        for s in stats:
            for k, v in s.get(reasons, {}).items():
                merged[k] = merged.get(k, 0) + v
        out[reasons] = merged
    out["files"] = len(stats)
    out["file_errors"] = [s for s in stats if "error" in s]
    return out


# ---- Ray Data ---------------------------------------------------------------------------

#: Columns that ``extract_dataset`` adds (scalar article fields plus the error).
DATASET_COLUMNS = (
    "text",
    "title",
    "date_published",
    "language",
    "site_name",
    "canonical_url",
    "error",
)


def extract_batch_columns(
    batch: Dict[str, Any],
    html_column: str = "html",
    url_column: Optional[str] = None,
    threads: int = 1,
    **options: Any,
) -> Dict[str, Any]:
    """A ``map_batches`` function: extracts the pages of ``html_column`` (str or bytes) and
    adds the :data:`DATASET_COLUMNS`. Usable on its own with a dict of lists/arrays."""
    import numpy as np

    pages = list(batch[html_column])
    urls = list(batch[url_column]) if url_column else [None] * len(pages)
    results = copydesk.extract_batch(
        [p if p is not None else "" for p in pages],
        [u if isinstance(u, str) else None for u in urls],
        output_format="python",
        threads=threads,
        **options,
    )
    out = dict(batch)
    for col in DATASET_COLUMNS:
        if col == "error":
            values = [None if r is not None else "nothing extracted" for r in results]
        else:
            values = [None if r is None else r.get(col) for r in results]
        out[col] = np.array(values, dtype=object)
    return out


def extract_dataset(
    dataset: Any,
    html_column: str = "html",
    url_column: Optional[str] = None,
    *,
    batch_size: int = 64,
    cpus_per_task: int = 1,
    **options: Any,
) -> Any:
    """Adds the extraction columns to a Ray ``Dataset`` with an HTML column."""
    return dataset.map_batches(
        extract_batch_columns,
        batch_size=batch_size,
        batch_format="numpy",
        num_cpus=cpus_per_task,
        fn_kwargs=dict(options, html_column=html_column, url_column=url_column, threads=cpus_per_task),
    )


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m copydesk.ray", description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", action="append", required=True, help="glob, comma-separated list or @file (repeatable)")
    ap.add_argument("--output", required=True, help="output directory")
    ap.add_argument("--format", default="parquet", choices=sorted(OUTPUT_EXTENSIONS))
    ap.add_argument("--cpus-per-task", type=int, default=1)
    ap.add_argument("--wheel", help="a copydesk wheel to ship to the workers via runtime_env")
    ap.add_argument("--address", help="Ray cluster address (default: start a local Ray)")
    ap.add_argument("--num-cpus", type=int, help="CPUs of a local Ray")
    ap.add_argument("--no-resume", action="store_true", help="redo files that are already done")
    ap.add_argument("--stats-json", help="write every file's stats and the total here")
    args = ap.parse_args(argv)

    import ray

    paths = expand_inputs(args.input)
    if not paths:
        print("copydesk.ray: no input files", file=sys.stderr)
        return 2
    env = runtime_env_for(args.wheel)
    if args.address:
        ray.init(address=args.address, runtime_env=env)
    else:
        ray.init(num_cpus=args.num_cpus, runtime_env=env)
    stats = process_warcs(
        paths,
        args.output,
        output_format=args.format,
        cpus_per_task=args.cpus_per_task,
        resume=not args.no_resume,
    )
    summary = total(stats)
    if args.stats_json:
        with open(args.stats_json, "w", encoding="utf-8") as f:
            json.dump({"files": stats, "total": summary}, f, indent=1)
    print(json.dumps(summary))
    return 1 if summary["file_errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
