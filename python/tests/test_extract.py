"""copydesk.extract / extract_batch: formats, trafilatura-compatible results, errors."""

import json
import threading
import time

import pytest

import copydesk
from conftest import ARTICLE, SENTENCE


def test_text_from_str_and_bytes_agree():
    from_str = copydesk.extract(ARTICLE)
    from_bytes = copydesk.extract(ARTICLE.encode("utf-8"))
    assert from_str is not None and SENTENCE in from_str
    assert from_str == from_bytes
    assert "Home | News" not in from_str


def test_charset_hint_decodes_legacy_bytes():
    page = ARTICLE.replace("debate", "débat").encode("latin-1")
    text = copydesk.extract(page, charset="iso-8859-1")
    assert "débat" in text


def test_output_formats():
    md = copydesk.extract(ARTICLE, output_format="markdown")
    assert md is not None and SENTENCE in md
    html = copydesk.extract(ARTICLE, output_format="html")
    assert html is not None and "<p>" in html
    as_json = json.loads(copydesk.extract(ARTICLE, url="https://example.org/a", output_format="json"))
    assert SENTENCE in as_json["text"]
    assert as_json["url"] == "https://example.org/a"
    record = copydesk.extract(ARTICLE, output_format="python")
    assert isinstance(record, dict) and record["title"]
    assert copydesk.extract(ARTICLE, output_format="txt") == copydesk.extract(ARTICLE)


def test_nothing_extracted_is_none_like_trafilatura():
    assert copydesk.extract("") is None
    assert copydesk.extract(b"   ") is None
    with pytest.raises(copydesk.ExtractionError):
        copydesk.extract("", raise_on_error=True)


def test_limits_are_errors_not_crashes():
    assert copydesk.extract(ARTICLE, max_input_bytes=10) is None
    with pytest.raises(copydesk.ExtractionError, match="limit"):
        copydesk.extract(ARTICLE, max_input_bytes=10, raise_on_error=True)


def test_bad_arguments_raise():
    with pytest.raises(ValueError):
        copydesk.extract(ARTICLE, output_format="xmltei")
    with pytest.raises(ValueError):
        copydesk.extract(ARTICLE, favor_precision=True, favor_recall=True)
    with pytest.raises(TypeError):
        copydesk.extract(ARTICLE, no_such_option=1)
    with pytest.raises(TypeError):
        copydesk.extract(12345)
    # trafilatura options copydesk does not act on are accepted
    assert copydesk.extract(ARTICLE, include_tables=False, deduplicate=True) is not None


def test_batch_keeps_order_and_marks_failures():
    pages = [ARTICLE, "", ARTICLE.encode(), ARTICLE.replace("budget", "plan")]
    out = copydesk.extract_batch(pages, threads=2)
    assert len(out) == 4
    assert out[1] is None
    assert SENTENCE in out[0] and out[0] == out[2]
    assert "approve the new plan" in out[3]
    with pytest.raises(ValueError):
        copydesk.extract_batch(pages, urls=["x"])


def test_batch_releases_the_gil():
    """While Rust extracts, another Python thread keeps running."""
    pages = [ARTICLE * 20] * 200
    ticks = 0
    done = threading.Event()

    def work():
        copydesk.extract_batch(pages, threads=1)
        done.set()

    t = threading.Thread(target=work)
    t.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    t.join()
    assert ticks > 5


def test_parquet_columns_documented():
    cols = copydesk.parquet_columns()
    for name in ("text", "title", "warc_record_id", "warc_target_uri", "warc_date", "http_status", "error"):
        assert name in cols
