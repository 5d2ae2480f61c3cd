"""copydesk.process_warc over generated WARC files: accounting, outputs, resume, errors."""

import gzip
import json

import pytest

import copydesk
from conftest import (
    SENTENCE,
    assert_balanced,
    damaged_warc,
    expected_standard,
    standard_records,
    write_warc,
)


@pytest.mark.parametrize("layout", ["plain", "per-record", "whole"])
def test_layouts_give_the_same_accounting(warc_dir, layout):
    src = write_warc(warc_dir / f"{layout}.warc", standard_records("x"), layout)
    out = warc_dir / "out" / f"{layout}.jsonl"
    stats = copydesk.process_warc(src, out, threads=2)
    assert_balanced(stats)
    exp = expected_standard()
    assert (stats["records"], stats["extracted"], stats["skipped"], stats["failed"]) == (
        exp.records, exp.extracted, exp.skipped, exp.failed,
    )
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == stats["rows_written"] == exp.extracted
    assert all(SENTENCE in r["text"] and r["http_status"] == 200 for r in rows)
    assert (warc_dir / "out" / f"{layout}.jsonl.done").exists()


def test_damage_is_counted_with_reasons(warc_dir):
    src, exp = damaged_warc(warc_dir / "bad.warc.gz", "bad")
    stats = copydesk.process_warc(src, warc_dir / "bad.jsonl.gz")
    assert_balanced(stats)
    assert (stats["records"], stats["extracted"], stats["failed"]) == (exp.records, exp.extracted, exp.failed)
    assert stats["failed_reasons"] == {"truncated record": 1}
    assert sum(stats["stream_problems"].values()) >= 1
    with gzip.open(warc_dir / "bad.jsonl.gz", "rt") as f:
        rows = [json.loads(line) for line in f]
    errors = [r for r in rows if r["error"]]
    assert len(errors) == 1 and errors[0]["warc_record_id"] == "<urn:uuid:bad-0>"


def test_not_a_warc_is_not_fatal(warc_dir):
    src = warc_dir / "page.warc"
    src.write_bytes(b"<html><body>not a warc</body></html>")
    stats = copydesk.process_warc(src, warc_dir / "page.jsonl")
    assert stats["records"] == 0 and sum(stats["stream_problems"].values()) == 1


def test_parquet_output(warc_dir):
    pq = pytest.importorskip("pyarrow.parquet")
    src, exp = damaged_warc(warc_dir / "p.warc.gz", "p")
    out = warc_dir / "p.parquet"
    stats = copydesk.process_warc(src, out)
    table = pq.read_table(out)
    assert table.num_rows == stats["rows_written"] == exp.extracted + exp.failed
    assert table.column_names == copydesk.parquet_columns()
    assert table.column("error").null_count == exp.extracted


def test_resume_and_errors(warc_dir):
    src = write_warc(warc_dir / "r.warc.gz", standard_records("r"))
    out = warc_dir / "r.jsonl"
    first = copydesk.process_warc(src, out)
    again = copydesk.process_warc(src, out, resume=True)
    assert again["resumed"] and again["extracted"] == first["extracted"]
    with pytest.raises(copydesk.CopydeskError):
        copydesk.process_warc(warc_dir / "missing.warc.gz", out)
    with pytest.raises(ValueError):
        copydesk.process_warc(src, out, output_format="csv")
