"""Event detection and ACLED typing over sentences written in the style of wire,
state-media, monitor and ACLED-note reports (our own sentences; one model load)."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.events.rules import SUB_EVENT_TYPES
from frontlines.pipeline import extract_texts

SENTENCES = Path(__file__).parent / "fixtures" / "events_sentences.tsv"


def _rows() -> list[list[str]]:
    lines = SENTENCES.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


# (sentence, expected ACLED sub-event type of its main event)
TYPED = [(r[0], r[1]) for r in _rows() if r[1] != "NONE" and len(r) == 2]
# Sentences that hold no conflict event (non-conflict news, negated, hypothetical, generic).
NO_EVENT = [r[0] for r in _rows() if r[1] == "NONE"]
# (sentence, sub-event type, modality): kept as events, with the modality set.
MODAL = [(r[0], r[1], r[2]) for r in _rows() if len(r) == 3]


@pytest.fixture(scope="session")
def results() -> dict[str, list]:
    texts = [t for t, _ in TYPED] + NO_EVENT + [t for t, _, _ in MODAL]
    return dict(zip(texts, extract_texts(texts), strict=True))


@pytest.mark.parametrize(
    "text",
    [
        # "sites in" once matched the protest cue "sit in" through a loose inflection.
        "Army units targeted terrorist sites in the neighborhoods of al-Rashidin, killing 12 terrorists.",
    ],
)
def test_no_protest_from_lookalike_words(text):
    assert all(not e.event_type.startswith(("Protests", "Riots")) for e in extract_texts([text])[0])


def test_tables_cover_every_sub_event_type():
    assert {e for _, e in TYPED} == set(SUB_EVENT_TYPES)


@pytest.mark.parametrize(("text", "expected"), TYPED)
def test_sub_event_type(results, text, expected):
    events = results[text]
    assert events, "no event found"
    assert events[0].sub_event_type == expected
    assert events[0].event_type == SUB_EVENT_TYPES[expected]


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_event(results, text):
    assert [e.sub_event_type for e in results[text]] == []


@pytest.mark.parametrize(("text", "expected", "modality"), MODAL)
def test_modality(results, text, expected, modality):
    events = results[text]
    assert events and events[0].sub_event_type == expected
    assert events[0].claim is not None and events[0].claim.modality == modality


def test_asserted_events_carry_no_claim(results):
    # Attribution is the claims stage's job; typing leaves asserted events unclaimed.
    assert all(e.claim is None for t, _ in TYPED for e in results[t])


def test_macro_f1_on_the_development_tables(results):
    """A floor on our own tables, so a rule change that breaks typing shows up."""
    from frontlines.eval.common import ClassScores

    scores = ClassScores()
    for text, expected in TYPED:
        events = results[text]
        scores.add_pair(expected, events[0].sub_event_type if events else None)
    for text in NO_EVENT:
        events = results[text]
        scores.add_pair(None, events[0].sub_event_type if events else None)
    assert scores.macro_f1(SUB_EVENT_TYPES) >= 0.9


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "Unidentified gunmen shot and killed a civilian man in Daraa al-Balad.",
            [("Unidentified gunmen", 3)],
            [("civilian man", 7)],
        ),
        # A protest event (arrests at a protest): ACLED puts the demonstrators first.
        ("Police arrested 15 protesters in Khartoum.", [("protesters", 6)], [("Police", 1)]),
        (
            "Hezbollah fighters clashed with rebels near Qusayr.",
            [("Hezbollah fighters", 2)],
            [("rebels", 2)],
        ),
        ("A civilian was shot dead by a sniper in Daraa.", [("sniper", None)], [("civilian", 7)]),
    ],
)
def test_roles(results, text, actor1, actor2):
    if text not in results:
        results[text] = extract_texts([text])[0]
    ev = results[text][0]
    got1 = [(a.text, a.inter) for a in ev.actors if a.role == "actor1"]
    got2 = [(a.text, a.inter) for a in ev.actors if a.role == "actor2"]
    assert [t for t, _ in got1] == [t for t, _ in actor1]
    assert [t for t, _ in got2] == [t for t, _ in actor2]
    for (_, want), (_, have) in zip(actor1 + actor2, got1 + got2, strict=True):
        if want is not None:
            assert have == want


def test_demonym_coordination_gives_two_state_initiators(results):
    ev = extract_texts(["Syrian and Russian warplanes struck Khan Shaykhun."])[0][0]
    initiators = [a for a in ev.actors if a.role == "actor1"]
    assert [a.text.split()[0] for a in initiators] == ["Syrian", "Russian"]
    assert {a.inter for a in initiators} == {1}
