"""copydesk: news-article extraction in Rust, from Python.

A trafilatura user switches with one import::

    from copydesk import extract          # was: from trafilatura import extract
    text = extract(html, url=url)          # str, or None when nothing was extracted

``extract_batch`` extracts many pages on all cores; ``clean`` / ``clean_batch`` clean text a
scraper already extracted (text mode: the comment form, CAPTCHA prompt, labels and menus go, the
title and date become metadata); ``process_warc`` turns one WARC file into one JSONL/Parquet
file and returns its accounting. Every call releases the GIL while Rust
works. ``copydesk.ray`` and ``copydesk.spark`` scale ``process_warc`` out over many files.
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Optional, Sequence, Union

from . import _copydesk
from ._copydesk import CopydeskError, ExtractionError, __version__

__all__ = [
    "extract",
    "extract_batch",
    "clean",
    "clean_batch",
    "process_warc",
    "parquet_columns",
    "CopydeskError",
    "ExtractionError",
    "__version__",
]

Html = Union[str, bytes, bytearray, memoryview]
Result = Union[str, Dict[str, Any], None]

#: Output formats of ``extract``; "txt" is trafilatura's name for "text".
OUTPUT_FORMATS = ("text", "txt", "markdown", "html", "json", "python")

#: Output formats of ``clean``: text mode keeps no markup.
CLEAN_FORMATS = ("text", "txt", "json", "python")

#: trafilatura options that copydesk accepts so calls keep working, and does not act on.
IGNORED_TRAFILATURA_OPTIONS = frozenset(
    {
        "record_id",
        "fast",
        "no_fallback",
        "include_tables",
        "include_images",
        "include_formatting",
        "include_links",
        "deduplicate",
        "target_language",
        "only_with_metadata",
        "tei_validation",
        "prune_xpath",
        "max_tree_size",
        "url_blacklist",
        "author_blacklist",
        "date_extraction_params",
        "settingsfile",
        "config",
        "options",
    }
)


def _favor(favor_precision: bool, favor_recall: bool) -> str:
    if favor_precision and favor_recall:
        raise ValueError("favor_precision and favor_recall exclude each other")
    return "precision" if favor_precision else "recall" if favor_recall else "balanced"


def _check_format(output_format: str) -> str:
    if output_format not in OUTPUT_FORMATS:
        raise ValueError(f"output_format must be one of {OUTPUT_FORMATS}, not {output_format!r}")
    return "text" if output_format == "txt" else output_format


def _check_ignored(options: Dict[str, Any]) -> None:
    unknown = set(options) - IGNORED_TRAFILATURA_OPTIONS
    if unknown:
        raise TypeError(f"unexpected keyword arguments: {sorted(unknown)}")


def _as_input(html: Html) -> "tuple[bytes, bool]":
    if isinstance(html, str):
        return html.encode("utf-8", "surrogatepass"), True
    if isinstance(html, (bytes, bytearray, memoryview)):
        return bytes(html), False
    raise TypeError(f"input must be str or bytes, not {type(html).__name__}")


def _time_limit_ms(time_limit: Optional[float]) -> Optional[int]:
    return None if time_limit is None else max(0, int(time_limit * 1000))


def _render(article_json: str, output_format: str) -> Result:
    article = json.loads(article_json)
    text = article.get("text") or ""
    if not text.strip():
        return None
    if output_format == "text":
        return text
    if output_format == "markdown":
        return article.get("markdown") or text
    if output_format == "html":
        return article.get("html")
    if output_format == "json":
        return article_json
    return article


def _engine_options(
    favor_precision: bool,
    favor_recall: bool,
    include_comments: bool,
    markdown: bool,
    html: bool,
    with_metadata: bool,
    max_input_bytes: Optional[int],
    time_limit: Optional[float],
) -> "_copydesk.EngineOptions":
    """The native module's ``options`` dict (every key given)."""
    return dict(
        favor=_favor(favor_precision, favor_recall),
        include_comments=include_comments,
        markdown=markdown,
        html=html,
        with_metadata=with_metadata,
        max_input_bytes=max_input_bytes,
        time_limit_ms=_time_limit_ms(time_limit),
    )


def _extract_options(
    output_format: str,
    favor_precision: bool,
    favor_recall: bool,
    include_comments: bool,
    with_metadata: bool,
    max_input_bytes: Optional[int],
    time_limit: Optional[float],
) -> "_copydesk.EngineOptions":
    """The engine options of ``extract``/``extract_batch``: Markdown or HTML rendered only
    when asked for, metadata whenever the whole record is returned."""
    return _engine_options(
        favor_precision,
        favor_recall,
        include_comments,
        markdown=output_format == "markdown",
        html=output_format == "html",
        with_metadata=with_metadata or output_format in ("json", "python"),
        max_input_bytes=max_input_bytes,
        time_limit=time_limit,
    )


def extract(
    filecontent: Html,
    url: Optional[str] = None,
    *,
    output_format: str = "text",
    favor_precision: bool = False,
    favor_recall: bool = False,
    include_comments: bool = False,
    with_metadata: bool = False,
    charset: Optional[str] = None,
    max_input_bytes: Optional[int] = None,
    time_limit: Optional[float] = None,
    raise_on_error: bool = False,
    **trafilatura_options: Any,
) -> Result:
    """Extracts the main text of one page.

    ``filecontent`` is the page as ``str`` or as ``bytes`` in any encoding (``charset`` is the
    transport's hint, e.g. from HTTP ``Content-Type``). Returns, per ``output_format``: the
    text ("text"/"txt"), Markdown, clean HTML, the article record as JSON text ("json") or as
    a dict ("python"); ``None`` when nothing was extracted or the page failed (like
    trafilatura), unless ``raise_on_error`` asks for an ``ExtractionError``.
    """
    _check_ignored(trafilatura_options)
    fmt = _check_format(output_format)
    data, is_text = _as_input(filecontent)
    options = _extract_options(
        fmt, favor_precision, favor_recall, include_comments, with_metadata, max_input_bytes, time_limit
    )
    try:
        article_json = _copydesk.extract_json(data, is_text, options, url=url, charset=charset)
    except ExtractionError:
        if raise_on_error:
            raise
        return None
    return _render(article_json, fmt)


def extract_batch(
    pages: Sequence[Html],
    urls: Optional[Sequence[Optional[str]]] = None,
    *,
    output_format: str = "text",
    threads: int = 0,
    favor_precision: bool = False,
    favor_recall: bool = False,
    include_comments: bool = False,
    with_metadata: bool = False,
    max_input_bytes: Optional[int] = None,
    time_limit: Optional[float] = None,
    **trafilatura_options: Any,
) -> List[Result]:
    """Extracts many pages on ``threads`` cores (0 = all), GIL released; results in input
    order, ``None`` for a page with nothing extracted or that failed."""
    _check_ignored(trafilatura_options)
    fmt = _check_format(output_format)
    inputs = [_as_input(p) for p in pages]
    url_list = list(urls) if urls is not None else [None] * len(inputs)
    if len(url_list) != len(inputs):
        raise ValueError("urls must be as long as pages")
    options = _extract_options(
        fmt, favor_precision, favor_recall, include_comments, with_metadata, max_input_bytes, time_limit
    )
    results = _copydesk.extract_batch_json(inputs, url_list, options, threads=threads)
    return [None if j is None else _render(j, fmt) for j, _error in results]


def _clean_options(
    output_format: str,
    favor_precision: bool,
    include_comments: bool,
    with_metadata: bool,
    max_input_bytes: Optional[int],
) -> "_copydesk.EngineOptions":
    if output_format not in CLEAN_FORMATS:
        raise ValueError(f"output_format must be one of {CLEAN_FORMATS}, not {output_format!r}")
    return _engine_options(
        favor_precision,
        False,
        include_comments,
        markdown=False,
        html=False,
        with_metadata=with_metadata or output_format in ("json", "python"),
        max_input_bytes=max_input_bytes,
        time_limit=None,
    )


def clean(
    text: Html,
    *,
    output_format: str = "text",
    favor_precision: bool = False,
    include_comments: bool = False,
    with_metadata: bool = False,
    charset: Optional[str] = None,
    max_input_bytes: Optional[int] = None,
    raise_on_error: bool = False,
) -> Result:
    """Cleans text a scraper already extracted (no HTML left): the story's lines in order and
    untouched, without the comment form, CAPTCHA and consent prompts, share lines, menus and
    bare field labels; the title, date and dateline it carried go to the record.

    ``text`` is ``str``, or ``bytes`` in any encoding (``charset`` is a hint). Returns the
    cleaned text ("text"/"txt"), the record as JSON text ("json") or as a dict ("python");
    ``None`` when nothing is left or the input failed, unless ``raise_on_error`` asks for an
    ``ExtractionError``.
    """
    fmt = "text" if output_format == "txt" else output_format
    options = _clean_options(fmt, favor_precision, include_comments, with_metadata, max_input_bytes)
    data, is_text = _as_input(text)
    try:
        article_json = _copydesk.clean_json(data, is_text, options, charset=charset)
    except ExtractionError:
        if raise_on_error:
            raise
        return None
    return _render(article_json, fmt)


def clean_batch(
    texts: Sequence[Html],
    *,
    output_format: str = "text",
    threads: int = 0,
    favor_precision: bool = False,
    include_comments: bool = False,
    with_metadata: bool = False,
    max_input_bytes: Optional[int] = None,
) -> List[Result]:
    """Cleans many texts on ``threads`` cores (0 = all), GIL released; results in input
    order, ``None`` for a text with nothing left or that failed."""
    fmt = "text" if output_format == "txt" else output_format
    options = _clean_options(fmt, favor_precision, include_comments, with_metadata, max_input_bytes)
    inputs = [_as_input(t) for t in texts]
    results = _copydesk.clean_batch_json(inputs, options, threads=threads)
    return [None if j is None else _render(j, fmt) for j, _error in results]


def process_warc(
    in_path: Union[str, "os.PathLike[str]"],
    out_path: Union[str, "os.PathLike[str]"],
    *,
    output_format: Optional[str] = None,
    threads: int = 0,
    resume: bool = False,
    max_record_bytes: Optional[int] = None,
    only_2xx: bool = True,
    favor_precision: bool = False,
    favor_recall: bool = False,
    include_comments: bool = False,
    markdown: bool = False,
    html: bool = False,
    with_metadata: bool = True,
    max_input_bytes: Optional[int] = None,
    time_limit: Optional[float] = None,
    progress: bool = False,
) -> Dict[str, Any]:
    """Processes one WARC file into one output file (JSONL, JSONL.gz or Parquet, from
    ``output_format`` or the extension); returns the stats: every record counted as
    extracted, skipped (reason) or failed (reason). Raises ``CopydeskError`` when the file
    cannot be processed at all (unreadable input, unwritable output)."""
    stats_json = _copydesk.process_warc_json(
        os.fspath(in_path),
        os.fspath(out_path),
        _engine_options(
            favor_precision,
            favor_recall,
            include_comments,
            markdown,
            html,
            with_metadata,
            max_input_bytes,
            time_limit,
        ),
        output_format=output_format,
        threads=threads,
        resume=resume,
        max_record_bytes=max_record_bytes,
        only_2xx=only_2xx,
        progress=progress,
    )
    return json.loads(stats_json)


def parquet_columns() -> List[str]:
    """The columns of ``process_warc``'s Parquet output, in order."""
    return _copydesk.parquet_columns()
