#!/usr/bin/env python3
"""Builds a benchmark WARC from the shared datasets' pages (Common Crawl layout: one gzip
member per record; request, response and metadata records per capture).

    python3 bench/warc/build_warc.py --size-mb 100 -o /tmp/bench-100M.warc.gz

Pages are cycled until the *compressed* file reaches --size-mb; every record gets its own id.
The WARC is not committed (the pages are third-party content).
"""

import argparse
import gzip
import json
import uuid
from pathlib import Path

DATASETS = Path("/work/shared/datasets")


def pages():
    for ds in sorted(p for p in DATASETS.iterdir() if (p / "gold.jsonl").exists()):
        urls = {}
        with open(ds / "gold.jsonl", encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                urls[rec["id"]] = rec.get("url") or f"http://{ds.name}.invalid/{rec['id']}"
        for page in sorted((ds / "pages").glob("*.html.gz")):
            stem = page.name[: -len(".html.gz")]
            yield urls.get(stem, f"http://{ds.name}.invalid/{stem}"), gzip.decompress(page.read_bytes())


def record(kind, uri, block, content_type):
    head = (
        "WARC/1.0\r\n"
        f"WARC-Type: {kind}\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        "WARC-Date: 2024-05-01T10:00:00Z\r\n"
        f"WARC-Target-URI: {uri}\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    ).encode()
    return gzip.compress(head + block + b"\r\n\r\n", compresslevel=6)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mb", type=float, default=100)
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    corpus = list(pages())
    limit = int(args.size_mb * 1e6)
    written = responses = 0
    with open(args.output, "wb") as out:
        out.write(record("warcinfo", "", b"software: copydesk bench/warc/build_warc.py\r\n", "application/warc-fields"))
        while written < limit:
            for uri, html in corpus:
                request = f"GET / HTTP/1.1\r\nHost: example\r\nUser-Agent: bench\r\n\r\n".encode()
                response = (
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                    + f"Content-Length: {len(html)}\r\n\r\n".encode()
                    + html
                )
                meta = b"fetchTimeMs: 100\r\n"
                for chunk in (
                    record("request", uri, request, "application/http; msgtype=request"),
                    record("response", uri, response, "application/http; msgtype=response"),
                    record("metadata", uri, meta, "application/warc-fields"),
                ):
                    out.write(chunk)
                    written += len(chunk)
                responses += 1
                if written >= limit:
                    break
    print(json.dumps({"output": args.output, "bytes": written, "responses": responses, "distinct_pages": len(corpus)}))


if __name__ == "__main__":
    main()
