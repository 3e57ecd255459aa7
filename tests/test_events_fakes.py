"""Real-world robustness: extraction over FA-KES articles (skipped without ../shared/data).

The articles are read by path only; nothing of their text is kept in the repository.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from frontlines.events.rules import SUB_EVENT_TYPES
from frontlines.pipeline import EventContext, analyse, extract_events_batch

REPO = Path(__file__).resolve().parent.parent
FAKES = REPO.parent / "shared" / "data" / "fakes" / "FA-KES-Dataset.csv"

pytestmark = pytest.mark.skipif(not FAKES.exists(), reason="../shared/data is absent")


@pytest.fixture(scope="module")
def extracted():
    csv.field_size_limit(sys.maxsize)
    with FAKES.open(encoding="utf-8", errors="replace", newline="") as fh:
        texts = [row["article_content"] for row in csv.DictReader(fh)][:40]
    docs = analyse(texts)
    return texts, extract_events_batch(docs, [EventContext(0) for _ in docs])


def test_offsets_point_into_the_text(extracted):
    texts, results = extracted
    for text, events in zip(texts, results, strict=True):
        for ev in events:
            assert text[ev.trigger.start : ev.trigger.end] == ev.trigger.text
            assert ev.sentence.start <= ev.trigger.start < ev.trigger.end <= ev.sentence.end
            for actor in ev.actors:
                assert text[actor.start : actor.end] == actor.text


def test_types_are_codebook_names(extracted):
    _, results = extracted
    for events in results:
        for ev in events:
            assert SUB_EVENT_TYPES[ev.sub_event_type] == ev.event_type


def test_war_reporting_yields_events_but_not_one_per_sentence(extracted):
    texts, results = extracted
    n_events = sum(len(r) for r in results)
    n_sentences = sum(t.count(". ") + 1 for t in texts)
    assert sum(1 for r in results if r) >= len(texts) * 0.7  # war news: most articles have events
    assert n_events < n_sentences  # background, quotes and diplomacy yield none
