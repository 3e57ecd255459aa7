"""Unit tests of the batch layer's own helpers (no model)."""

from __future__ import annotations

import pytest

from frontlines.batch import _outlet_spans, analysed_spans, paragraph_starts
from frontlines.types import Article, Segment


@pytest.mark.parametrize(
    ("text", "source", "named"),
    [
        ("ANKARA/BEIRUT (Meridian) - Troops moved.", None, ["Meridian"]),
        ("KYIV (Levant Wire) — Shelling resumed.", None, ["Levant Wire"]),
        ("Title\n\nDAMASCUS (SANA) - Units advanced.", None, ["SANA"]),
        ("Maritime Incident Watch has documented the strike.", "Maritime Incident Watch",
         ["Maritime Incident Watch"]),
        ("The free idlib media centre said so.", "Free Idlib Media Centre",
         ["free idlib media centre"]),
        # Negatives: parentheses mid-sentence, lower-case lead, no source in text.
        ("Fighting near Saraqeb (Idlib) - a key town.", None, []),
        ("the army (SAA) - reports say.", None, []),
        ("Nothing names the outlet here.", "Levant Wire", []),
    ],
)  # fmt: skip
def test_outlet_spans(text: str, source: str | None, named: list[str]) -> None:
    article = Article(text=text, path="x.txt", format="txt", source=source)
    assert [text[s:e] for s, e in _outlet_spans(article)] == named


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("One.", (0,)),
        ("One.\nTwo.", (0, 5)),
        ("One.\n\n  Two.\n\nThree.", (0, 8, 14)),
    ],
)
def test_paragraph_starts(text: str, starts: tuple[int, ...]) -> None:
    assert paragraph_starts(text) == starts


def test_only_title_and_body_are_analysed_in_document_order() -> None:
    segments = [
        Segment("comments", 50, 60),
        Segment("body", 10, 40),
        Segment("boilerplate", 40, 50),
        Segment("title", 0, 8),
    ]
    assert analysed_spans(segments) == [Segment("title", 0, 8), Segment("body", 10, 40)]
