"""copydesk.clean / clean_batch: text mode from Python (formats, decoding, errors, batches)."""

import json

import pytest

import copydesk

TITLE = "Harbour Town Opens Its First Floating Library"
FIRST = (
    "Lisbon, Mar 3 (Tidewater News) A converted cargo barge moored at the old fish quay opened "
    "on Sunday as the city's first floating library, with shelves for twelve thousand books."
)
LAST = "The barge will stay at the quay through the winter and move upriver in the summer, the council said."
STORY = "\n".join(
    [
        TITLE,
        "",
        TITLE,
        "Fecha de publicación: ",
        "3 March 2019",
        "",
        FIRST,
        "",
        "Children from three nearby schools carried the first boxes of books on board along the quay.",
        "",
        LAST,
        "",
        "Add new comment",
        "",
        "This question is for testing whether or not you are a human visitor and to prevent "
        "automated spam submissions.",
        "Enter the characters shown in the image.",
    ]
)


def test_clean_keeps_the_story_and_drops_the_comment_form():
    text = copydesk.clean(STORY)
    assert text is not None
    assert text.startswith(FIRST)
    assert text.endswith(LAST)
    assert "Add new comment" not in text and "human visitor" not in text
    assert TITLE not in text


def test_clean_returns_the_record_with_its_metadata():
    record = copydesk.clean(STORY, output_format="python")
    assert record["title"] == TITLE
    assert record["date_published"].startswith("2019-03-03")
    assert record["dateline"]["place"] == "Lisbon"
    assert record["dateline"]["agency"] == "Tidewater News"
    assert json.loads(copydesk.clean(STORY, output_format="json")) == record
    assert copydesk.clean(STORY, output_format="txt") == copydesk.clean(STORY)


def test_clean_decodes_bytes_like_the_cli():
    legacy = STORY.replace("quay", "cais à beira").encode("latin-1")
    text = copydesk.clean(legacy, charset="iso-8859-1")
    assert "cais à beira" in text
    assert copydesk.clean(STORY.encode("utf-8")) == copydesk.clean(STORY)


def test_clean_errors_are_none_or_raised():
    assert copydesk.clean("") is None
    with pytest.raises(copydesk.ExtractionError):
        copydesk.clean("  \n ", raise_on_error=True)
    with pytest.raises(copydesk.ExtractionError, match="limit"):
        copydesk.clean(STORY, max_input_bytes=10, raise_on_error=True)
    with pytest.raises(copydesk.ExtractionError, match="not text"):
        copydesk.clean(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 4, raise_on_error=True)
    with pytest.raises(ValueError):
        copydesk.clean(STORY, output_format="markdown")
    with pytest.raises(TypeError):
        copydesk.clean(12)


def test_clean_batch_keeps_input_order_and_accounts_for_failures():
    results = copydesk.clean_batch([STORY, "", STORY.encode("utf-8")], threads=2)
    assert len(results) == 3
    assert results[0] == copydesk.clean(STORY)
    assert results[1] is None
    assert results[2] == results[0]
