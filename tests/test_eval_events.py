"""The events gold set (loading, validation) and the event scorer's arithmetic."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from frontlines.errors import GoldSetError
from frontlines.eval.common import check_floors, load_floors
from frontlines.eval.events import (
    actor_matches,
    date_matches,
    emitted,
    evaluate,
    score,
)
from frontlines.eval.events_gold import (
    ACLED_TYPES,
    GoldActor,
    GoldDoc,
    GoldEvent,
    GoldQuantity,
    GoldUnit,
    article_text,
    corpus_sha256,
    load_gold,
    parse_doc,
)
from frontlines.types import Actor, Claim, Claimant, DateValue, Event, Quantity, TextSpan

GOOD_EVENT: dict[str, Any] = {
    "event_type": "Battles",
    "sub_event_type": "Armed clash",
    "trigger": "clashed",
    "actor1": "Rebels",
    "actor2": {"text": "the army", "name": "Military Forces of Mali"},
    "date": {"value": "2024-01-01", "precision": 1},
    "quantities": [{"kind": "fatalities", "low": 3, "best": 3, "high": 3}],
}
GOOD_LINE: dict[str, Any] = {
    "id": "x1",
    "published": "2024-01-02",
    "text": "Rebels clashed with the army on Monday, killing 3.",
    "negative": None,
    "events": [GOOD_EVENT],
}


def _with_event(**changes: Any) -> dict[str, Any]:
    return {**GOOD_LINE, "events": [{**GOOD_EVENT, **changes}]}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (_with_event(sub_event_type="Ambush"), "unknown sub-event type"),
        (_with_event(event_type="Riots"), "does not match sub-event type"),
        (_with_event(trigger="attacked"), "trigger 'attacked' is not in the sentence"),
        (_with_event(actor1="Soldiers"), "actor text 'Soldiers' is not in the sentence"),
        (_with_event(date={"value": "2024-01-01", "precision": 4}), "precision"),
        (_with_event(date={"value": "Monday", "precision": 1}), "not an ISO date"),
        (_with_event(quantities=[{"kind": "tanks", "best": 3}]), "unknown quantity kind"),
        (_with_event(quantities=[{"kind": "injured", "low": 5, "best": 3}]), "low 5.0 above"),
        (_with_event(modality="denied"), "modality 'denied'"),
        ({**GOOD_LINE, "negative": "generic"}, "not both or neither"),
        ({**GOOD_LINE, "events": []}, "not both or neither"),
        ({**GOOD_LINE, "events": [], "negative": "rumour"}, "unknown negative kind"),
        ({**GOOD_LINE, "published": "02/01/2024"}, "published"),
        ({**GOOD_LINE, "text": ""}, "missing or empty 'text'"),
    ],
)
def test_bad_lines_are_rejected_with_file_and_line(
    tmp_path: Path, line: dict[str, Any], message: str
) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n" + json.dumps(GOOD_LINE) + "\n" + json.dumps({**line, "id": "x2"}) + "\n")
    with pytest.raises(GoldSetError) as info:
        load_gold(path)
    assert f"{path}:3:" in str(info.value)
    assert message in str(info.value)


def test_good_line_loads_with_defaults(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOOD_LINE) + "\n")
    [doc] = load_gold(path)
    [unit] = doc.units
    [event] = unit.events
    assert (unit.start, unit.end) == (0, len(doc.text))
    assert event.actor1 == GoldActor("Rebels", "Rebels")
    assert event.actor2 == GoldActor("the army", "Military Forces of Mali")
    assert event.date == ("2024-01-01", 1)
    assert event.quantities == (GoldQuantity("fatalities", 3.0, 3.0, 3.0),)
    assert event.modality == "asserted"


def test_duplicate_ids_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOOD_LINE) + "\n" + json.dumps(GOOD_LINE) + "\n")
    with pytest.raises(GoldSetError, match="duplicate id"):
        load_gold(path)


ARTICLE: dict[str, Any] = {
    "id": "a1",
    "published": "2024-01-06",
    "paragraphs": [["Troops retook the town on Friday.", "Three people died."], ["Talks go on."]],
    "events": [
        {
            "sentence": 0,
            "event_type": "Battles",
            "sub_event_type": "Government regains territory",
            "trigger": "retook",
        }
    ],
    "tolerate": [1],
}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"events": [{**ARTICLE["events"][0], "sentence": 3}]}, "out of range"),
        ({"events": [{**ARTICLE["events"][0], "sentence": 1}]}, "both annotated and tolerated"),
        ({"events": [{**ARTICLE["events"][0], "sentence": 2}]}, "trigger 'retook' is not in"),
        ({"tolerate": [7]}, "'tolerate'"),
        ({"paragraphs": [[]]}, "'paragraphs'"),
    ],
)
def test_bad_articles_are_rejected(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(GoldSetError, match=message):
        parse_doc({**ARTICLE, **changes}, "articles.jsonl:1")


def test_article_units_are_its_sentences() -> None:
    doc = parse_doc(ARTICLE, "articles.jsonl:1")
    assert doc.text == "Troops retook the town on Friday. Three people died.\n\nTalks go on."
    assert [doc.text[u.start : u.end] for u in doc.units] == [
        "Troops retook the town on Friday.",
        "Three people died.",
        "Talks go on.",
    ]
    assert [len(u.events) for u in doc.units] == [1, 0, 0]
    assert [u.tolerate for u in doc.units] == [False, True, False]
    assert article_text([["A."]]) == ("A.", [(0, 2)])


# ---- the arithmetic, on a tiny set with numbers computed by hand


def _gold(text: str, *events: GoldEvent, negative: str | None = None) -> GoldDoc:
    unit = GoldUnit("u", 0, len(text), events, negative=negative)
    return GoldDoc(text[:8], text, date(2024, 1, 6), (unit,))


def _ev(
    text: str,
    sub: str,
    trigger: str,
    actors: tuple[tuple[str, str, str], ...] = (),
    when: tuple[str, int] | None = None,
    quantities: tuple[Quantity, ...] = (),
    modality: str | None = None,
) -> Event:
    t = text.index(trigger)
    acts = tuple(
        Actor(role, surface, text.index(surface), text.index(surface) + len(surface), name, None, 1)  # type: ignore[arg-type]
        for role, surface, name in actors
    )
    claim = Claim(Claimant(None, None, None, "author"), modality) if modality else None  # type: ignore[arg-type]
    return Event(
        sentence=TextSpan(text, 0, len(text)),
        trigger=TextSpan(trigger, t, t + len(trigger)),
        event_type=ACLED_TYPES[sub],
        sub_event_type=sub,
        plover_type="X",
        plover_mode=None,
        actors=acts,
        date=DateValue(None, when[0], when[1]) if when else None,
        quantities=quantities,
        claim=claim,
    )


def _q(kind: str, low: float | None, best: float | None, high: float | None) -> Quantity:
    return Quantity(kind, low, best, high, "", 0, 0)  # type: ignore[arg-type]


def _tiny() -> tuple[list[GoldDoc], list[list[Event]]]:
    a = "Rebels attacked an army base on Monday, killing 5 soldiers and wounding 2."
    b = "Jets bombed the market and artillery shelled the port."
    c = "Talks will resume next week."
    d = "Drones have changed warfare."
    e = "Police detained 40 protesters in the capital."
    f_doc = parse_doc(
        {
            **ARTICLE,
            "events": [
                {
                    **ARTICLE["events"][0],
                    "actor1": "Troops",
                    "date": {"value": "2024-01-05", "precision": 1},
                }
            ],
        },
        "articles.jsonl:1",
    )
    f = f_doc.text
    docs = [
        _gold(
            a,
            GoldEvent(
                "Armed clash",
                "Battles",
                "attacked",
                GoldActor("Rebels", "Rebels"),
                GoldActor("army", "Military Forces of Mali"),
                ("2024-01-01", 1),
                (GoldQuantity("fatalities", 5, 5, 5), GoldQuantity("injured", 2, 2, 2)),
            ),
        ),
        _gold(
            b,
            GoldEvent(
                "Air/drone strike",
                ACLED_TYPES["Air/drone strike"],
                "bombed",
                GoldActor("Jets", "Jets"),
            ),
            GoldEvent(
                "Shelling/artillery/missile attack",
                ACLED_TYPES["Shelling/artillery/missile attack"],
                "shelled",
            ),
        ),
        _gold(c, negative="future"),
        _gold(d, negative="generic"),
        _gold(e, GoldEvent("Protest with intervention", "Protests", "detained")),
        f_doc,
    ]
    preds = [
        [
            _ev(
                a,
                "Armed clash",
                "attacked",
                (("actor1", "Rebels", "rebels"),),
                ("2024-01-01", 1),
                (_q("fatalities", 5, 5, 5), _q("injured", None, 2, None)),
            )
        ],
        [_ev(b, "Air/drone strike", "bombed")],
        [_ev(c, "Agreement", "Talks", modality="future")],
        [_ev(d, "Air/drone strike", "Drones", modality="asserted")],
        [_ev(e, "Arrests", "detained")],
        [
            _ev(
                f,
                "Government regains territory",
                "retook",
                (("actor1", "Troops", "Military Forces"),),
                ("2024-01-06", 1),
            ),
            _ev(f, "Attack", "died"),  # in a tolerated sentence: ignored
        ],
    ]
    return docs, preds


def test_metrics_on_a_hand_computed_set() -> None:
    flat = evaluate(*_tiny()).flat()
    expected = {
        "detection_precision": 4 / 5,  # TP a, b, e, f#0; FP d (c's event is future)
        "detection_recall": 1.0,
        "detection_f1": 8 / 9,
        "negative_silence": 2 / 3,  # c and f#2 silent, d not
        # per class F1: AC 1, AIR 2/3 (1 TP, 1 FP), SHL 0, PWI 0, GRT 1; Arrests has no gold
        "subtype_macro_f1": (1 + 2 / 3 + 0 + 0 + 1) / 5,
        "subtype_micro_f1": 0.6,  # tp 3, fp 2, fn 2
        # Battles 1, Explosions 0.5 (tp 1, fp 1, fn 1), Protests 0
        "event_type_macro_f1": 0.5,
        "event_type_micro_f1": 0.6,  # tp 3, fp 2 (d, Arrests), fn 2 (SHL, Protests)
        "actor1_acc": 2 / 3,  # a by name, f by span overlap, b missing
        "actor2_acc": 0.0,
        "quantity_exact": 1.0,
        "quantity_bounds": 0.5,  # injured: low/high differ
        "date_acc": 0.5,  # a right, f one day off
    }
    assert flat == pytest.approx(expected)


def test_errors_name_misses_false_alarms_and_wrong_types() -> None:
    errors = evaluate(*_tiny()).errors
    kinds = Counter(line.split()[0] for line in errors)
    assert kinds["FALSE"] == 1 and kinds["MISS"] == 0
    assert kinds["TYPE"] == 2  # b (one of two found), e (Arrests for PWI)
    assert any(line.startswith("DATE") and "2024-01-06" in line for line in errors)


@pytest.mark.parametrize(
    ("modality", "expected"),
    [(None, True), ("asserted", True), ("reported", True), ("claimed", True),
     ("denied", False), ("hypothetical", False), ("future", False)],
)  # fmt: skip
def test_emitted(modality: str | None, expected: bool) -> None:
    assert (
        emitted(_ev("Jets bombed it.", "Air/drone strike", "bombed", modality=modality)) is expected
    )


@pytest.mark.parametrize(
    ("gold", "value", "precision", "expected"),
    [
        (("2024-01-05", 1), "2024-01-05", 1, True),
        (("2024-01-05", 1), "2024-01-06", 1, False),
        (("2024-01-05", 1), "2024-01-05", 2, False),
        (("2024-01-05", 2), "2024-01-10", 2, True),
        (("2024-01-05", 2), "2024-01-12", 2, False),
        (("2024-03-15", 3), "2024-03-01", 3, True),
        (("2024-03-15", 3), "2024-04-01", 3, False),
        (("2024-03-15", 3), None, 3, False),
    ],
)
def test_date_matches(
    gold: tuple[str, int], value: str | None, precision: int, expected: bool
) -> None:
    assert date_matches(gold, value, precision) is expected


@pytest.mark.parametrize(
    ("name", "start", "end", "expected"),
    [
        ("Military Forces of Sudan", 40, 45, True),  # canonical name, any span
        ("military forces of sudan", 40, 45, True),
        ("Sudanese army", 40, 45, True),  # name equals the gold surface
        ("Army", 4, 12, True),  # span overlaps "Sudanese army" at 0..13
        ("Army", 13, 20, False),  # touching, not overlapping
        ("Rapid Support Forces", 20, 40, False),
    ],
)
def test_actor_matches(name: str, start: int, end: int, expected: bool) -> None:
    gold = GoldActor("Sudanese army", "Military Forces of Sudan")
    pred = Actor("actor1", "x", start, end, name, None, 1)
    assert actor_matches(gold, 0, pred) is expected


# ---- the bundled gold


def test_bundled_gold_covers_every_sub_event_type() -> None:
    docs = load_gold()
    sentences = [d for d in docs if len(d.units) == 1]
    articles = [d for d in docs if len(d.units) > 1]
    per_type = Counter(e.sub_event_type for d in sentences for e in d.units[0].events)
    assert set(per_type) == set(ACLED_TYPES)
    assert min(per_type.values()) >= 7
    assert len(sentences) >= 220
    negatives = Counter(d.units[0].negative for d in sentences if d.units[0].negative)
    assert sum(negatives.values()) >= 40
    assert set(negatives) == {"negated", "hypothetical", "future", "generic", "non_conflict"}
    assert len(articles) >= 10
    for doc in articles:
        assert 150 <= len(doc.text.split()) <= 400, doc.id
        assert sum(len(u.events) for u in doc.units) >= 3, doc.id


def test_floors_pin_the_current_gold() -> None:
    floors = load_floors()["events"]
    assert floors["_corpus_sha256"] == corpus_sha256(), "gold changed: re-measure, update hash"


def test_bundled_gold_scores_at_or_above_floors() -> None:
    assert check_floors("events", score()) == []


def test_command_prints_tables_and_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from frontlines.eval import events as events_eval

    path = tmp_path / "gold.jsonl"
    negative = {
        **GOOD_LINE,
        "id": "x2",
        "text": "Talks go on.",
        "events": [],
        "negative": "generic",
    }
    path.write_text(json.dumps(GOOD_LINE) + "\n" + json.dumps(negative) + "\n")

    def silent(docs: Any) -> list[list[Event]]:
        return [[] for _ in docs]

    monkeypatch.setitem(events_eval.PREDICTORS, "batch", silent)
    result = CliRunner().invoke(events_eval.command, [str(path), "--show-errors"])
    assert result.exit_code == 0, result.output
    assert "(tp 0, fp 0, fn 1); negatives left silent 1/1" in result.output
    assert "MISS   x1: ['Armed clash']" in result.output
    assert "FALSE" not in result.output
