"""The held-out events gold set: it loads, validates and covers every ACLED class.

The set lives in ``resources/gold/events_heldout/`` and is written blind to the
extractor (see the README there). These tests check its shape only; scores are
measured with ``frontlines eval events <path>``, not pinned here.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from frontlines.errors import GoldSetError
from frontlines.eval.common import bundled
from frontlines.eval.events_gold import (
    ACLED_TYPES,
    NEGATIVE_KINDS,
    GoldDoc,
    corpus_sha256,
    default_gold,
    load_gold,
)

HELDOUT = bundled("gold", "events_heldout")
MIN_SENTENCES = 200
MIN_PER_SUB_EVENT = 6
MIN_NEGATIVES = 40


@pytest.fixture(scope="module")
def docs() -> list[GoldDoc]:
    return load_gold(HELDOUT)


def test_loads_and_validates(docs: list[GoldDoc]) -> None:
    assert len(docs) >= MIN_SENTENCES
    # sentence lines only: one scoring unit per document, spanning the whole text
    assert all(len(d.units) == 1 for d in docs)
    assert all((d.units[0].start, d.units[0].end) == (0, len(d.text)) for d in docs)


def test_every_sub_event_type_is_covered(docs: list[GoldDoc]) -> None:
    counts = Counter(e.sub_event_type for d in docs for u in d.units for e in u.events)
    thin = {sub: counts[sub] for sub in ACLED_TYPES if counts[sub] < MIN_PER_SUB_EVENT}
    assert not thin, f"sub-event types below {MIN_PER_SUB_EVENT} examples: {thin}"


def test_negatives(docs: list[GoldDoc]) -> None:
    kinds = Counter(u.negative for d in docs for u in d.units if u.negative)
    assert sum(kinds.values()) >= MIN_NEGATIVES
    assert set(kinds) == set(NEGATIVE_KINDS)  # every kind of negative is present


def test_apart_from_the_development_set(docs: list[GoldDoc]) -> None:
    # a sibling folder: the development gold (and its pinned hash) never includes it
    assert default_gold() != HELDOUT
    assert corpus_sha256(default_gold()) != corpus_sha256(HELDOUT)
    # no held-out sentence may leak into the set the extractor is developed on
    development = {" ".join(d.text.split()) for d in load_gold(default_gold())}
    leaked = [d.id for d in docs if " ".join(d.text.split()) in development]
    assert not leaked


def test_registers_and_dates_are_plausible(docs: list[GoldDoc]) -> None:
    assert {d.register for d in docs} <= {"wire", "state", "monitor", "partisan", "acled"}
    for d in docs:
        for e in d.units[0].events:
            if e.date is not None and e.date[1] < 3:  # day/week precision: never after publication
                assert e.date[0] <= d.published.isoformat(), d.id


def _line(**changes: object) -> str:
    base: dict[str, object] = {
        "id": "t1",
        "published": "2024-01-02",
        "text": "Rebels shelled the town on Monday.",
        "negative": None,
        "events": [
            {
                "event_type": "Explosions/Remote violence",
                "sub_event_type": "Shelling/artillery/missile attack",
                "trigger": "shelled",
            }
        ],
    }
    return json.dumps({**base, **changes})


@pytest.mark.parametrize(
    ("line", "ok"),
    [
        (_line(), True),
        (_line(negative="future", events=[]), True),
        # a negative that also carries events, and a line with neither
        (_line(negative="generic"), False),
        (_line(events=[]), False),
        # a trigger that is not in the text
        (
            _line(
                events=[
                    {
                        "event_type": "Battles",
                        "sub_event_type": "Armed clash",
                        "trigger": "clashed",
                    }
                ]
            ),
            False,
        ),
        # an event type that does not match its sub-event type
        (
            _line(
                events=[
                    {
                        "event_type": "Battles",
                        "sub_event_type": "Shelling/artillery/missile attack",
                        "trigger": "shelled",
                    }
                ]
            ),
            False,
        ),
    ],
)
def test_the_loader_rejects_what_the_heldout_file_must_not_contain(
    tmp_path: Path, line: str, ok: bool
) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    if ok:
        assert len(load_gold(path)) == 1
    else:
        with pytest.raises(GoldSetError):
            load_gold(path)
