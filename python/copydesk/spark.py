"""PySpark front end: ``mapPartitions`` over WARC paths, each path processed by
``copydesk.process_warc`` on the executor (one file at a time, copydesk's threads capped at
the executor's cores per task).

    from pyspark.sql import SparkSession
    from copydesk.spark import process_warcs
    spark = SparkSession.builder.getOrCreate()
    stats = process_warcs(spark, paths, "out/", output_format="parquet")

The copydesk wheel must be installed on the executors (``spark-submit --py-files`` cannot
carry a native module; use a cluster image, a conda/venv archive with ``--archives``, or
``pip install`` in the bootstrap). See examples/spark/process_warcs.py.
"""

from __future__ import annotations

import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence

from ._files import OUTPUT_EXTENSIONS, output_path, process_file


def process_partition(
    paths: Iterable[str], output_dir: str, output_format: str, threads: int, options: Dict[str, Any]
) -> Iterator[Dict[str, Any]]:
    """The ``mapPartitions`` function: yields one stats dict per WARC path (an ``error`` key
    for a file that could not be processed)."""
    os.makedirs(output_dir, exist_ok=True)
    file_options = dict(options, output_format=output_format)
    for path in paths:
        yield process_file(path, output_path(path, output_dir, output_format), threads, file_options)


def process_warcs(
    spark: Any,
    paths: Sequence[str],
    output_dir: str,
    *,
    output_format: str = "parquet",
    num_partitions: Optional[int] = None,
    threads_per_task: int = 1,
    resume: bool = True,
    **options: Any,
) -> List[Dict[str, Any]]:
    """Processes WARC files on the Spark executors; returns every file's stats. ``output_dir``
    must be a path every executor can write (a shared file system)."""
    if output_format not in OUTPUT_EXTENSIONS:
        raise ValueError(f"output_format must be one of {sorted(OUTPUT_EXTENSIONS)}")
    sc = spark.sparkContext
    slices = num_partitions or max(1, len(paths))
    task_options = dict(options, resume=resume)

    def run(partition: Iterable[str]) -> Iterator[Dict[str, Any]]:
        return process_partition(partition, output_dir, output_format, threads_per_task, task_options)

    return sc.parallelize(list(paths), slices).mapPartitions(run).collect()
