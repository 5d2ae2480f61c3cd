"""WARC fixtures built in the test run (nothing third-party is committed): a standard mix of
records, written plain, gzip per record or gzip whole, optionally damaged."""

from __future__ import annotations

import gzip
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import List

import pytest

ARTICLE = (
    "<html><head><title>Budget vote</title></head><body><nav>Home | News</nav>"
    "<article><h1>Council passes budget</h1><p>The county council met on Tuesday evening and "
    "voted to approve the new budget for schools and roads after a long debate.</p><p>Residents "
    "who spoke at the meeting asked for more money for the bus service and for the library.</p>"
    "</article><footer>Copyright</footer></body></html>"
)
SENTENCE = "voted to approve the new budget"


def warc_record(kind: str, rec_id: str, uri: str, block: bytes) -> bytes:
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{rec_id}>\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-01T10:00:00Z\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"


def http(status: str, content_type: str, body: bytes) -> bytes:
    return f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n".encode() + body


@dataclass
class Expected:
    records: int
    extracted: int
    skipped: int
    failed: int


def standard_records(prefix: str, articles: int = 3) -> List[bytes]:
    """``articles`` HTML responses plus one record for each reason to skip (5)."""
    recs = [warc_record("warcinfo", f"{prefix}-info", "", b"software: fixture")]
    for i in range(articles):
        uri = f"http://example.org/{prefix}/{i}"
        recs.append(warc_record("request", f"{prefix}-req-{i}", uri, b"GET / HTTP/1.1\r\n\r\n"))
        recs.append(warc_record("response", f"{prefix}-{i}", uri, http("200 OK", "text/html", ARTICLE.encode())))
    recs.append(warc_record("response", f"{prefix}-404", "http://example.org/x", http("404 Not Found", "text/html", b"<p>gone</p>")))
    recs.append(warc_record("response", f"{prefix}-png", "http://example.org/p.png", http("200 OK", "image/png", b"\x89PNG....")))
    recs.append(warc_record("response", f"{prefix}-dns", "dns:example.org", b"example.org. 300 IN A 10.0.0.1"))
    return recs


def expected_standard(articles: int = 3) -> Expected:
    skipped = 1 + articles + 3  # warcinfo, the requests, 404, png, dns
    return Expected(records=articles + skipped, extracted=articles, skipped=skipped, failed=0)


def write_warc(path: Path, records: List[bytes], layout: str = "per-record") -> Path:
    if layout == "plain":
        data = b"".join(records)
    elif layout == "whole":
        data = gzip.compress(b"".join(records))
    else:
        data = b"".join(gzip.compress(r) for r in records)
    path.write_bytes(data)
    return path


def damaged_warc(path: Path, prefix: str) -> "tuple[Path, Expected]":
    """Per-record gzip with one truncated member (a failed record) and garbage between
    members (a stream problem, no record)."""
    members = [gzip.compress(r) for r in standard_records(prefix)]
    members[2] = members[2][: len(members[2]) // 2]  # the first response is cut
    members.insert(5, b"garbage between members\n")
    path.write_bytes(b"".join(members))
    base = expected_standard()
    return path, Expected(base.records, base.extracted - 1, base.skipped, 1)


@pytest.fixture
def warc_dir(tmp_path: Path) -> Path:
    d = tmp_path / "warcs"
    d.mkdir()
    return d


@pytest.fixture
def warc_set(warc_dir: Path) -> "tuple[List[Path], Expected]":
    """Three WARC files, one of each layout, one of them damaged; the expected totals."""
    a = write_warc(warc_dir / "a.warc.gz", standard_records("a"), "per-record")
    b = write_warc(warc_dir / "b.warc", standard_records("b"), "plain")
    c, exp_c = damaged_warc(warc_dir / "c.warc.gz", "c")
    base = expected_standard()
    total = Expected(
        records=2 * base.records + exp_c.records,
        extracted=2 * base.extracted + exp_c.extracted,
        skipped=2 * base.skipped + exp_c.skipped,
        failed=exp_c.failed,
    )
    return [a, b, c], total


def assert_balanced(stats: dict) -> None:
    assert stats["records"] == stats["extracted"] + stats["skipped"] + stats["failed"], stats
    assert stats["skipped"] == sum(stats["skipped_reasons"].values()), stats
    assert stats["failed"] == sum(stats["failed_reasons"].values()), stats
