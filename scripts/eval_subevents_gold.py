#!/usr/bin/env python
"""Measure the sub-event classifier on the events gold set (never trained or tuned on it).

1. The classifier alone, on gold units (sentences) with exactly one gold event:
   sub-event accuracy and macro-F1; and on gold negatives: how often it says NONE.
2. Rules + classifier: the extractor's events (``eval.events.predict_*``) with
   their sub-event type replaced by ``classifier.combine`` under a few
   settings, scored with the events scorer (``eval.events.evaluate``).

    .venv/bin/python scripts/eval_subevents_gold.py [--engine pipeline|batch]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from frontlines.eval.common import ClassScores
from frontlines.eval.events import PREDICTORS, evaluate, unit_of
from frontlines.eval.events_gold import GoldDoc, load_gold
from frontlines.events.classifier import NONE, SUB_EVENT_TYPES, SubEventClassifier, combine, top
from frontlines.types import Event, TextSpan


def classifier_alone(clf: SubEventClassifier, docs: Sequence[GoldDoc]) -> None:
    single = [
        (d.text[u.start : u.end], u.events[0].sub_event_type)
        for d in docs
        for u in d.units
        if len(u.events) == 1 and not u.tolerate
    ]
    negatives = [
        d.text[u.start : u.end] for d in docs for u in d.units if not u.events and not u.tolerate
    ]
    preds = clf.predict([t for t, _ in single])
    scores, types = ClassScores(), ClassScores()
    correct = correct_type = 0
    for (_, gold), probs in zip(single, preds, strict=True):
        # among the 25 types only: the gold says there is an event
        sub = max((k for k in probs if k != NONE), key=lambda k: probs[k])
        correct += sub == gold
        correct_type += SUB_EVENT_TYPES[sub] == SUB_EVENT_TYPES[gold]
        scores.add_pair(gold, sub)
        types.add_pair(SUB_EVENT_TYPES[gold], SUB_EVENT_TYPES[sub])
    said_none = sum(top(p)[0] == NONE for p in preds)
    labels = sorted({g for _, g in single})
    print(scores.table("sub-event type (classifier alone, best non-NONE label)"))
    print(
        f"\nunits with exactly one gold event: {len(single)}\n"
        f"sub-event accuracy {correct / len(single):.3f}  macro-F1 {scores.macro_f1(labels):.3f}\n"
        f"event-type accuracy {correct_type / len(single):.3f}  "
        f"macro-F1 {types.macro_f1(sorted({SUB_EVENT_TYPES[g] for _, g in single})):.3f}\n"
        f"top label NONE on these event units: {said_none} / {len(single)}"
    )
    neg = clf.predict(negatives)
    print(
        f"gold negatives classified NONE: {sum(top(p)[0] == NONE for p in neg)} / {len(negatives)}"
    )


Policy = Callable[[Event, dict[str, float]], str]


def override(threshold: float) -> Policy:
    """The classifier replaces the rules' type when sure (the rules give no confidence)."""
    return lambda ev, p: combine(ev.sub_event_type, False, p, threshold=threshold) or ""


def within_type(threshold: float) -> Policy:
    """Only a sub-type of the rules' own event type may replace the rules' choice."""

    def policy(ev: Event, p: dict[str, float]) -> str:
        label, prob = top(p)
        same = SUB_EVENT_TYPES.get(label) == ev.event_type
        return label if same and prob >= threshold else ev.sub_event_type

    return policy


def actorless(threshold: float) -> Policy:
    """Override only events for which the rules found no actor (their weakest decisions)."""

    def policy(ev: Event, p: dict[str, float]) -> str:
        return combine(ev.sub_event_type, bool(ev.actors), p, threshold=threshold) or ""

    return policy


def recombined(
    clf: SubEventClassifier, events: list[list[Event]], policy: Policy
) -> list[list[Event]]:
    out = []
    for doc_events in events:
        texts = [e.sentence.text for e in doc_events]
        probs = clf.predict(texts) if texts else []
        new = []
        for ev, p in zip(doc_events, probs, strict=True):
            label = policy(ev, p)
            if label and label != ev.sub_event_type:
                ev = replace(ev, sub_event_type=label, event_type=SUB_EVENT_TYPES[label])
            new.append(ev)
        out.append(new)
    return out


def filled_in(
    clf: SubEventClassifier, docs: Sequence[GoldDoc], events: list[list[Event]], threshold: float
) -> list[list[Event]]:
    """Add a classifier event to gold units where the rules found none (recall test)."""
    out = []
    for doc, doc_events in zip(docs, events, strict=True):
        covered = {u.id for u in doc.units for e in doc_events if unit_of(e, doc.units) is u}
        empty = [u for u in doc.units if u.id not in covered]
        probs = clf.predict([doc.text[u.start : u.end] for u in empty])
        extra = []
        for unit, p in zip(empty, probs, strict=True):
            label, prob = top(p)
            if label != NONE and prob >= threshold:
                span = TextSpan(doc.text[unit.start : unit.end], unit.start, unit.end)
                extra.append(
                    Event(
                        span,
                        TextSpan("", unit.start, unit.start),
                        SUB_EVENT_TYPES[label],
                        label,
                        "",
                        None,
                    )
                )
        out.append([*doc_events, *extra])
    return out


def with_rules(clf: SubEventClassifier, docs: Sequence[GoldDoc], engine: str) -> None:
    events = PREDICTORS[engine](docs)
    keys = (
        "detection_precision",
        "detection_recall",
        "detection_f1",
        "subtype_macro_f1",
        "event_type_macro_f1",
    )

    def show(name: str, preds: list[list[Event]]) -> None:
        flat = evaluate(docs, preds).flat()
        short = {k: k.replace("detection_", "det_").replace("_macro_f1", "_mF1") for k in keys}
        print(f"{name:<52}" + "  ".join(f"{short[k]} {flat[k]:.3f}" for k in keys))

    print()
    show(f"rules alone ({engine})", events)
    for t in (0.8, 0.9, 0.95):
        show(f"override any type at p >= {t}", recombined(clf, events, override(t)))
    for t in (0.5, 0.8, 0.9):
        show(
            f"override within the rules' event type, p >= {t}",
            recombined(clf, events, within_type(t)),
        )
    for t in (0.8, 0.9):
        show(f"override actor-less rule events, p >= {t}", recombined(clf, events, actorless(t)))
    for t in (0.9, 0.95, 0.99):
        show(f"rules + classifier fills units with none, p >= {t}", filled_in(clf, docs, events, t))
    both = filled_in(clf, docs, recombined(clf, events, override(0.95)), 0.95)
    show("override at p >= 0.95 + fill-in at p >= 0.95", both)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=sorted(PREDICTORS), default="pipeline")
    parser.add_argument("--no-rules", action="store_true", help="only the classifier alone")
    parser.add_argument("gold", nargs="?", type=Path, help="gold file or folder (default: bundled)")
    args = parser.parse_args()
    docs = load_gold(args.gold)
    clf = SubEventClassifier.bundled()
    classifier_alone(clf, docs)
    if not args.no_rules:
        with_rules(clf, docs, args.engine)


if __name__ == "__main__":
    main()
