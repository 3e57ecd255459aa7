"""The run summary and Markdown report: phrasing helpers and counts (no model, no CLI)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from frontlines.report import (
    NONE,
    describe_claim,
    describe_quantity,
    format_summary,
    render_report,
    summarize,
    write_report,
)
from frontlines.store import Store
from frontlines.types import (
    Article,
    Claim,
    Claimant,
    Event,
    Extraction,
    Flag,
    Place,
    Quantity,
    Segment,
    TextSpan,
)


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [
        (Quantity("fatalities", 33, 33, 33, "33", 0, 2), "fatalities 33"),
        (Quantity("fatalities", 33, 33, 34, "33", 0, 2), "fatalities 33 (33-34)"),
        (Quantity("fatalities", 12, 12, None, "dozens", 0, 6), "fatalities 12"),
        (Quantity("fatalities", 10, 12, None, "10 or 12", 0, 8), "fatalities 12 (10-?)"),
        (Quantity("injured", None, None, None, "many", 0, 4), "injured ?"),
        (Quantity("area", None, 600, None, "600", 0, 3, unit="km2"), "area 600 km2"),
        (
            Quantity(
                "equipment", 4, 4, 4, "four tanks", 0, 10, category="tanks", status="destroyed"
            ),
            "equipment 4 tanks destroyed",
        ),
        (Quantity("displaced", 2.5, 2.5, 2.5, "2.5", 0, 3), "displaced 2.5"),
    ],
)
def test_describe_quantity(quantity: Quantity, expected: str) -> None:
    assert describe_quantity(quantity) == expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        (None, "no claim attached"),
        (Claim(Claimant(None, None, None, "author"), "asserted"), "the outlet (author, asserted)"),
        (
            Claim(Claimant(None, None, None, "anonymous"), "reported", ("reportedly",)),
            "unnamed (anonymous, reported; hedges: reportedly)",
        ),
        (
            Claim(
                Claimant("activists", 0, 9, "activists", "opposition"), "claimed", (), "none_cited"
            ),
            "activists (activists, side opposition, claimed; evidence: none_cited)",
        ),
    ],
)
def test_describe_claim(claim: Claim | None, expected: str) -> None:
    assert describe_claim(claim) == expected


def _extraction(text: str, source: str, events: int, places: list[Place]) -> Extraction:
    article = Article(text=text, path="a.txt", format="txt", source=source)
    event = Event(
        TextSpan(text, 0, len(text)),
        TextSpan("strike", 0, 6),
        "Explosions/Remote violence",
        "Air/drone strike",
        "ASSAULT",
        "aerial",
    )
    return Extraction(
        article,
        (Segment("body", 0, len(text)),),
        events=(event,) * events,
        places=tuple(places),
        flags=(Flag("Name_Calling,Labeling", "terrorists", 0, 10),),
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "r.sqlite")
    idlib = Place("Idlib", 0, 5, "Idlib", 35.9, 36.6, "SY", 169388, 1)
    unresolved = Place("the front", 0, 9, None, None, None, None, None, None)
    s.save_extractions(
        [
            _extraction("strike one", "Wire | Daily", 2, [idlib, unresolved]),
            _extraction("strike two", "Monitor", 1, [idlib]),
        ]
    )
    s.add_articles([Article(text="never extracted", path="b.html", format="html")])
    yield s
    s.close()


def test_summarize_counts(store: Store) -> None:
    summary = summarize(store)
    assert (summary.articles, summary.extracted, summary.events_total) == (3, 2, 3)
    assert summary.event_types == {("Explosions/Remote violence", "Air/drone strike"): 3}
    assert summary.claimant_types == {"(no claim)": 3}
    assert (summary.places_total, summary.places_resolved) == (3, 2)
    assert summary.places[("Idlib", "SY")] == 2
    assert summary.by_format == {"txt": 2, "html": 1}
    assert summary.by_source["(unknown)"].articles == 1
    assert summary.by_source["(unknown)"].extracted == 0
    assert summary.flags == {"Name_Calling,Labeling": 2}


def test_report_tables_escape_pipes_and_list_events(store: Store, tmp_path: Path) -> None:
    path = write_report(store, tmp_path / "deep" / "report.md")
    text = path.read_text(encoding="utf-8")
    assert "| Wire \\| Daily | 1 | 1 | txt 1 | 2 | 2 | 1 |" in text
    assert "| Explosions/Remote violence | Air/drone strike | 3 |" in text
    assert "| Idlib | SY | 2 |" in text
    assert text.count("- **Explosions/Remote violence / Air/drone strike**") == 3
    assert "claimant: no claim attached" in text
    assert NONE not in text.split("## Events")[1]


def test_empty_store_says_none_everywhere(tmp_path: Path) -> None:
    with Store.open(tmp_path / "empty.sqlite") as s:
        text = render_report(s)
        summary = format_summary(summarize(s))
    assert (
        text.count(f"_{NONE}._") == 7
    )  # sources, types, places, claimants, modality, flags, events
    assert summary.startswith("articles 0, extracted 0, events 0")


def test_long_sentences_are_clipped_in_the_event_list(tmp_path: Path) -> None:
    long_text = "strike " + "word " * 200
    with Store.open(tmp_path / "long.sqlite") as s:
        s.save_extractions([_extraction(long_text, "Wire", 1, [])])
        text = render_report(s)
    quoted = next(line for line in text.splitlines() if line.startswith("  > "))
    assert quoted.endswith("…")
    assert len(quoted) <= 4 + 400
