"""Unit tests of the batch layer's own helpers (no model)."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.batch import _outlet_spans, _place_actors, analysed_spans, paragraph_starts
from frontlines.types import Actor, Article, Event, Place, Segment, TextSpan


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


def _event(actors: tuple[Actor, ...], country: str | None) -> Event:
    where = Place("Kansafra", 30, 38, "Kansafra", 35.6, 36.5, country, 1, 1) if country else None
    return Event(
        sentence=TextSpan("x", 0, 60),
        trigger=TextSpan("shelled", 20, 27),
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        plover_type="FIGHT",
        plover_mode="artillery",
        actors=actors,
        location=where,
    )


@pytest.mark.parametrize(
    ("name", "country", "when", "expected"),
    [
        ("Military Forces", "SY", date(2020, 3, 4), "Military Forces of Syria (2000-2024)"),
        ("Civilians", "SD", date(2023, 4, 16), "Civilians (Sudan)"),
        ("Protesters", "SD", None, "Protesters (Sudan)"),
        # Negatives: a named actor stays; no location country, no change.
        ("Hayat Tahrir al-Sham", "SY", date(2020, 3, 4), "Hayat Tahrir al-Sham"),
        ("Military Forces", None, date(2020, 3, 4), "Military Forces"),
    ],
)
def test_generic_actors_take_the_country_of_their_event(
    name: str, country: str | None, when: date | None, expected: str
) -> None:
    actor = Actor("actor1", "regime forces", 0, 13, name, None, 1)
    (event,) = _place_actors([_event((actor,), country)], when)
    assert event.actors[0].name == expected
