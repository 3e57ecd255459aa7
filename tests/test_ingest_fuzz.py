"""Whatever bytes arrive, under whatever name, the readers answer with Articles or
InputErrors and never raise; and dates they accept round-trip."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontlines.errors import InputError
from frontlines.ingest import ReadOptions, iter_articles
from frontlines.ingest.dates import parse_date
from frontlines.types import Article

SUFFIXES = ["", ".txt", ".html", ".rss", ".xml", ".warc", ".jsonl", ".json", ".csv", ".gz"]

# Bytes that look a little like the formats, so the fuzzing reaches past the first check.
PREFIXES = [
    b"",
    b"<html><body><p>",
    b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>',
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\n",
    b'{"text": "',
    b"text,title\n",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\x1f\x8b\x08\x00",
]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    prefix=st.sampled_from(PREFIXES),
    body=st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8")),
    suffix=st.sampled_from(SUFFIXES),
)
def test_readers_never_raise(tmp_path: Path, prefix: bytes, body: bytes, suffix: str) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(prefix + body)
    try:
        items = list(iter_articles([path], ReadOptions(max_bytes=10_000)))
    finally:
        os.unlink(path)
    assert items, "every input yields at least an Article or an error"
    for item in items:
        assert isinstance(item, Article | InputError)
        if isinstance(item, Article):
            assert item.text.strip()
            assert item.path.startswith(str(path))
            for segment in item.segments:
                assert 0 <= segment.start < segment.end <= len(item.text)
        else:
            assert str(path) in str(item) and "unreadable (" not in str(item)


@settings(deadline=None)  # no timing in tests: dateparser's first call loads its data
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_iso_and_rfc_dates_round_trip(day: date) -> None:
    assert parse_date(day.isoformat()) == day
    assert parse_date(day.strftime("%d %B %Y")) == day
    assert parse_date(day.strftime("%a, %d %b %Y 12:00:00 +0000")) == day
