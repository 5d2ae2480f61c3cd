"""PySpark in local[2] mode: mapPartitions over WARC paths, every record accounted for."""

import os
import sys

import pytest

pyspark = pytest.importorskip("pyspark")

from conftest import assert_balanced  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("copydesk-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_spark_accounts_for_every_record(spark, warc_set, tmp_path):
    from copydesk.spark import process_warcs

    paths, exp = warc_set
    stats = process_warcs(spark, [str(p) for p in paths], str(tmp_path / "out"), output_format="parquet")
    assert len(stats) == 3
    for s in stats:
        assert "error" not in s, s
        assert_balanced(s)
    assert sum(s["records"] for s in stats) == exp.records
    assert sum(s["extracted"] for s in stats) == exp.extracted
    assert sum(s["failed"] for s in stats) == exp.failed
    assert len(list((tmp_path / "out").glob("*.parquet.done"))) == 3
