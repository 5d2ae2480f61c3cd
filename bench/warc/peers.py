#!/usr/bin/env python3
"""The peers' side of the WARC throughput benchmark (issue 4): a Python pipeline that reads a
WARC and extracts every HTML 200 response with N worker processes, writing JSONL.

    PY=/path/to/bench/.venv/bin/python     # warcio, trafilatura, FastWARC, Resiliparse (pinned
                                           # in bench/requirements.txt, installed by bench/setup.sh)
    /usr/bin/time -v $PY bench/warc/peers.py --tool trafilatura --procs 2 IN.warc.gz -o /tmp/t.jsonl
    /usr/bin/time -v $PY bench/warc/peers.py --tool resiliparse --procs 2 IN.warc.gz -o /tmp/r.jsonl

tool "trafilatura": warcio reads, trafilatura.extract extracts. tool "resiliparse": FastWARC
reads, resiliparse's extract_plain_text(main_content=True) extracts. The main process reads
and a Pool of --procs processes extracts (the reader is an extra process: in the peers' favour).
Prints one JSON line: pages, seconds, pages/s.
"""

import argparse
import json
import multiprocessing as mp
import sys
import time


def warcio_pages(path):
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as f:
        for record in ArchiveIterator(f):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            if record.http_headers.get_statuscode() != "200":
                continue
            if "html" not in (record.http_headers.get_header("Content-Type") or ""):
                continue
            yield record.rec_headers.get_header("WARC-Target-URI"), record.content_stream().read()


def fastwarc_pages(path):
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    # FastWARC 2 takes a file object and detects gzip itself.
    stream = open(path, "rb")
    for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
        if record.http_headers is None or record.http_headers.status_code != 200:
            continue
        if "html" not in (record.http_headers.get("Content-Type") or ""):
            continue
        yield record.headers.get("WARC-Target-URI"), record.reader.read()


def trafilatura_extract(item):
    import trafilatura

    url, body = item
    try:
        return url, trafilatura.extract(body, url=url)
    except Exception as e:  # count, do not abort
        return url, None


def resiliparse_extract(item):
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import detect_encoding
    from resiliparse.parse.html import HTMLTree

    url, body = item
    try:
        tree = HTMLTree.parse_from_bytes(body, detect_encoding(body))
        return url, extract_plain_text(tree, main_content=True)
    except Exception:
        return url, None


TOOLS = {
    "trafilatura": (warcio_pages, trafilatura_extract),
    "resiliparse": (fastwarc_pages, resiliparse_extract),
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--tool", choices=sorted(TOOLS), required=True)
    ap.add_argument("--procs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="stop after this many pages (0 = all)")
    args = ap.parse_args()
    read, extract = TOOLS[args.tool]
    start = time.time()
    pages = extracted = 0

    def source():
        for i, item in enumerate(read(args.input)):
            if args.limit and i >= args.limit:
                return
            yield item

    with mp.Pool(args.procs) as pool, open(args.output, "w", encoding="utf-8") as out:
        for url, text in pool.imap(extract, source(), chunksize=8):
            pages += 1
            if text:
                extracted += 1
            out.write(json.dumps({"url": url, "text": text}) + "\n")
    secs = time.time() - start
    print(json.dumps({"tool": args.tool, "procs": args.procs, "pages": pages, "extracted": extracted,
                      "seconds": round(secs, 2), "pages_per_s": round(pages / secs, 1)}))


if __name__ == "__main__":
    sys.exit(main())
