"""Example: extract every HTML response of many WARC files on a Spark cluster.

    spark-submit --master local[2] \\
        --conf spark.pyspark.python=$VENV/bin/python \\
        examples/spark/process_warcs.py --output /shared/out /data/warcs/*.warc.gz

The executors need the copydesk wheel installed in the Python they run (PYSPARK_PYTHON /
spark.pyspark.python): e.g. a venv packed with venv-pack and passed with
``--archives venv.tar.gz#venv --conf spark.pyspark.python=./venv/bin/python``.
Output: one Parquet (or JSONL) file per WARC in --output (a path every executor can write),
each with its ``.done`` marker; the totals are printed as JSON.
"""

import argparse
import json

from pyspark.sql import SparkSession

from copydesk.spark import process_warcs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--output", required=True)
    ap.add_argument("--format", default="parquet", choices=["parquet", "jsonl", "jsonl.gz"])
    ap.add_argument("--threads-per-task", type=int, default=1)
    args = ap.parse_args()
    spark = SparkSession.builder.appName("copydesk-warc").getOrCreate()
    stats = process_warcs(spark, args.inputs, args.output, output_format=args.format,
                          threads_per_task=args.threads_per_task)
    keys = ("records", "extracted", "skipped", "failed")
    total = {k: sum(s.get(k, 0) for s in stats) for k in keys}
    total["file_errors"] = [s for s in stats if "error" in s]
    print(json.dumps(total))
    spark.stop()


if __name__ == "__main__":
    main()
