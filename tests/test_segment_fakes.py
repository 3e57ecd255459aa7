"""Real articles (FA-KES, one paragraph each): everything is body, nothing is lost."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from frontlines.segment import segment_text

REPO = Path(__file__).resolve().parents[1]
FAKES = REPO.parent / "shared" / "data" / "fakes" / "FA-KES-Dataset.csv"

pytestmark = pytest.mark.skipif(not FAKES.exists(), reason="../shared/data is not available")


def _rows() -> list[dict[str, str]]:
    csv.field_size_limit(10**9)
    with FAKES.open(encoding="utf-8", errors="replace", newline="") as fh:
        return list(csv.DictReader(fh))


def test_fakes_articles_are_all_body() -> None:
    rows = _rows()
    assert len(rows) > 800
    for row in rows:
        text = row["article_content"]
        segs = segment_text(text)
        assert [s.kind for s in segs] == ["body"], row["unit_id"]
        assert text[segs[0].start : segs[0].end] == text.strip()


def test_fakes_title_plus_body_never_loses_body() -> None:
    titled = 0
    for row in _rows():
        text = f"{row['article_title']}\n\n{row['article_content']}"
        segs = segment_text(text)
        content = row["article_content"].strip()
        start = text.rindex(content)
        # the whole article lies in the last segment, a body one
        assert segs[-1].kind == "body"
        assert segs[-1].start <= start and segs[-1].end == start + len(content)
        titled += segs[0].kind == "title"
    # Headlines that end with a full stop are left as body, on purpose.
    assert titled >= 780
