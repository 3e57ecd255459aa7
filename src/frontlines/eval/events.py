"""``frontlines eval events``: event detection, ACLED typing, actors, quantities, dates.

Gold: ``resources/gold/events/`` (``sentences.jsonl``, ``articles.jsonl``; see
``events_gold`` and the README there). Each gold line becomes one
``Article`` and the whole set goes through ``batch.process_batch``, the same
path ``frontlines extract`` takes.

Scoring works on units (sentences): a predicted event belongs to the unit
that holds its trigger. Events whose claim is denied, hypothetical or future
count as not emitted.

- detection: a unit is positive when it has >= 1 gold event; predicted
  positive when >= 1 event is emitted there (negatives count as FP if so);
- sub-event and event type: per unit, multiset matching of labels (a sentence
  with two gold air strikes and one predicted scores 1 TP, 1 FN); macro F1
  averages the classes the gold has (all 25 / all 6 in the bundled set);
- attributes, on gold/predicted events paired within a unit by sub-event type
  (closest trigger first): actor1/actor2 accuracy (gold name equals the
  predicted name case-insensitively, or the gold surface overlaps the
  predicted actor's span), quantity exact (kind + best) and bounds (kind +
  low/best/high), date (precision equal; value equal at day precision, within
  6 days at week precision, same month at month precision).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import click

from ..types import Actor, Article, Event, Quantity
from .common import PRF, ClassScores, exit_below_floors
from .events_gold import (
    EVENT_TYPES,
    SUB_EVENT_TYPES,
    GoldActor,
    GoldDoc,
    GoldEvent,
    GoldQuantity,
    GoldUnit,
    load_gold,
)

NOT_EMITTED = ("hypothetical", "future", "denied")
Predictor = Callable[[Sequence[GoldDoc]], list[list[Event]]]


@dataclass
class Ratio:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass
class EventScores:
    detection: PRF = field(default_factory=PRF)
    negatives: Ratio = field(default_factory=Ratio)  # gold-negative units left silent
    subtypes: ClassScores = field(default_factory=ClassScores)
    types: ClassScores = field(default_factory=ClassScores)
    actor1: Ratio = field(default_factory=Ratio)
    actor2: Ratio = field(default_factory=Ratio)
    quantity_exact: Ratio = field(default_factory=Ratio)
    quantity_bounds: Ratio = field(default_factory=Ratio)
    date: Ratio = field(default_factory=Ratio)
    by_register: dict[str, PRF] = field(default_factory=dict)  # detection per register
    errors: list[str] = field(default_factory=list)

    def flat(self) -> dict[str, float]:
        return {
            "detection_precision": self.detection.precision,
            "detection_recall": self.detection.recall,
            "detection_f1": self.detection.f1,
            "negative_silence": self.negatives.value,
            "subtype_macro_f1": self.subtypes.macro_f1(),
            "subtype_micro_f1": self.subtypes.micro().f1,
            "event_type_macro_f1": self.types.macro_f1(),
            "event_type_micro_f1": self.types.micro().f1,
            "actor1_acc": self.actor1.value,
            "actor2_acc": self.actor2.value,
            "quantity_exact": self.quantity_exact.value,
            "quantity_bounds": self.quantity_bounds.value,
            "date_acc": self.date.value,
        }


def emitted(event: Event) -> bool:
    return event.claim is None or event.claim.modality not in NOT_EMITTED


def to_article(doc: GoldDoc) -> Article:
    return Article(text=doc.text, path=f"gold/{doc.id}", format="txt", published=doc.published)


def predict_batch(docs: Sequence[GoldDoc]) -> list[list[Event]]:
    """Events through ``batch.process_batch`` (what ``frontlines extract`` runs)."""
    from ..batch import process_batch

    return [list(x.events) for x in process_batch([to_article(d) for d in docs])]


def predict_pipeline(docs: Sequence[GoldDoc]) -> list[list[Event]]:
    """Events straight from ``pipeline`` (no segmenter): for extractor development."""
    from ..pipeline import EventContext, analyse, extract_events_batch

    contexts = [EventContext(0, d.published, _paragraph_starts(d.text)) for d in docs]
    return extract_events_batch(analyse([d.text for d in docs]), contexts)


def _paragraph_starts(text: str) -> tuple[int, ...]:
    starts, pos = [0], text.find("\n\n")
    while pos != -1:
        starts.append(pos + 2)
        pos = text.find("\n\n", pos + 2)
    return tuple(starts)


PREDICTORS: dict[str, Predictor] = {"batch": predict_batch, "pipeline": predict_pipeline}


def unit_of(event: Event, units: Sequence[GoldUnit]) -> GoldUnit | None:
    """The unit holding the event's trigger (its sentence start if no trigger offset)."""
    pos = event.trigger.start if event.trigger.end > event.trigger.start else event.sentence.start
    for unit in units:
        if unit.start <= pos < unit.end:
            return unit
    return None


def evaluate(docs: Sequence[GoldDoc], predictions: Sequence[Sequence[Event]]) -> EventScores:
    """Score predicted events (one list per gold doc, in order) against the gold."""
    scores = EventScores()
    for label in SUB_EVENT_TYPES:
        scores.subtypes.get(label)
    for label in EVENT_TYPES:
        scores.types.get(label)
    for doc, preds in zip(docs, predictions, strict=True):
        by_unit: dict[str, list[Event]] = {u.id: [] for u in doc.units}
        for event in preds:
            unit = unit_of(event, doc.units)
            if unit is not None and emitted(event):
                by_unit[unit.id].append(event)
        for unit in doc.units:
            if not unit.tolerate:
                before = (scores.detection.tp, scores.detection.fp, scores.detection.fn)
                _score_unit(scores, doc, unit, by_unit[unit.id])
                reg = scores.by_register.setdefault(doc.register or "unknown", PRF())
                reg.tp += scores.detection.tp - before[0]
                reg.fp += scores.detection.fp - before[1]
                reg.fn += scores.detection.fn - before[2]
    return scores


def _score_unit(scores: EventScores, doc: GoldDoc, unit: GoldUnit, preds: list[Event]) -> None:
    gold = list(unit.events)
    text = doc.text[unit.start : unit.end]
    if gold and preds:
        scores.detection.tp += 1
    elif gold:
        scores.detection.fn += 1
        scores.errors.append(f"MISS   {unit.id}: {_labels(gold)} | {text[:110]}")
    elif preds:
        scores.detection.fp += 1
        scores.errors.append(
            f"FALSE  {unit.id}: {[p.sub_event_type for p in preds]}"
            f" ({', '.join(repr(p.trigger.text) for p in preds)}) | {text[:110]}"
        )
    if not gold:
        scores.negatives.add(not preds)
    _multiset(scores.subtypes, [g.sub_event_type for g in gold], [p.sub_event_type for p in preds])
    _multiset(scores.types, [g.event_type for g in gold], [p.event_type for p in preds])
    if gold and preds and sorted(_labels(gold)) != sorted(p.sub_event_type for p in preds):
        scores.errors.append(
            f"TYPE   {unit.id}: gold {_labels(gold)} pred {[p.sub_event_type for p in preds]}"
            f" | {text[:110]}"
        )
    for g, p in pair_events(gold, preds, doc.text, unit):
        _score_pair(scores, g, p, doc, unit)


def _labels(gold: Sequence[GoldEvent]) -> list[str]:
    return [g.sub_event_type for g in gold]


def _multiset(scores: ClassScores, gold: list[str], pred: list[str]) -> None:
    for label in set(gold) | set(pred):
        g, p = gold.count(label), pred.count(label)
        prf = scores.get(label)
        prf.tp += min(g, p)
        prf.fn += max(0, g - p)
        prf.fp += max(0, p - g)


def pair_events(
    gold: Sequence[GoldEvent], preds: Sequence[Event], text: str, unit: GoldUnit
) -> list[tuple[GoldEvent, Event]]:
    """Gold/predicted pairs of the same sub-event type, closest triggers first."""
    candidates = []
    for gi, g in enumerate(gold):
        g_pos = _find(text, g.trigger, unit)
        for pi, p in enumerate(preds):
            if p.sub_event_type == g.sub_event_type:
                distance = abs(p.trigger.start - g_pos) if g_pos is not None else 0
                candidates.append((distance, gi, pi))
    pairs: list[tuple[GoldEvent, Event]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in sorted(candidates):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gold[gi], preds[pi]))
    return pairs


def _find(text: str, needle: str, unit: GoldUnit) -> int | None:
    pos = text.find(needle, unit.start, unit.end)
    return pos if pos >= 0 else None


def _score_pair(scores: EventScores, g: GoldEvent, p: Event, doc: GoldDoc, unit: GoldUnit) -> None:
    for gold_actor, role, ratio in (
        (g.actor1, "actor1", scores.actor1),
        (g.actor2, "actor2", scores.actor2),
    ):
        if gold_actor is None:
            continue
        span = _find(doc.text, gold_actor.text, unit)
        cands = [a for a in p.actors if a.role == role]
        ok = any(actor_matches(gold_actor, span, a) for a in cands)
        ratio.add(ok)
        if not ok:
            got = [a.name for a in cands] or "none"
            scores.errors.append(f"{role.upper()} {unit.id}: gold {gold_actor.text!r} pred {got}")
    for q in g.quantities:
        exact = any(quantity_exact(q, pq) for pq in p.quantities)
        scores.quantity_exact.add(exact)
        scores.quantity_bounds.add(any(quantity_bounds(q, pq) for pq in p.quantities))
        if not exact:
            got_q = [(pq.kind, pq.best) for pq in p.quantities]
            scores.errors.append(f"QTY    {unit.id}: gold ({q.kind}, {q.best}) pred {got_q}")
    if g.date is not None:
        ok = p.date is not None and date_matches(g.date, p.date.value, p.date.precision)
        scores.date.add(ok)
        if not ok:
            got_date = (p.date.value, p.date.precision) if p.date else None
            scores.errors.append(f"DATE   {unit.id}: gold {g.date} pred {got_date}")


def actor_matches(gold: GoldActor, gold_start: int | None, pred: Actor) -> bool:
    """Same canonical name (case-insensitive), or overlapping surface spans."""
    name = pred.name.casefold()
    if name and name in (gold.name.casefold(), gold.text.casefold()):
        return True
    if gold_start is None:
        return False
    return pred.start < gold_start + len(gold.text) and gold_start < pred.end


def quantity_exact(gold: GoldQuantity, pred: Quantity) -> bool:
    return gold.kind == pred.kind and gold.best == pred.best


def quantity_bounds(gold: GoldQuantity, pred: Quantity) -> bool:
    return quantity_exact(gold, pred) and (gold.low, gold.high) == (pred.low, pred.high)


def date_matches(gold: tuple[str, int], value: str | None, precision: int) -> bool:
    gold_value, gold_precision = gold
    if value is None or precision != gold_precision:
        return False
    if precision == 1:
        return value == gold_value
    if precision == 2:
        try:
            return abs((date.fromisoformat(value) - date.fromisoformat(gold_value)).days) <= 6
        except ValueError:
            return False
    return value[:7] == gold_value[:7]


def score(gold: Path | None = None, engine: str = "batch") -> dict[str, float]:
    """The event metrics on a gold set (the bundled one by default)."""
    docs = load_gold(gold)
    return evaluate(docs, PREDICTORS[engine](docs)).flat()


def report(scores: EventScores, docs: Sequence[GoldDoc]) -> str:
    units = [u for d in docs for u in d.units if not u.tolerate]
    flat = scores.flat()
    det = scores.detection
    lines = [
        f"{len(docs)} documents, {len(units)} scored units,"
        f" {sum(len(u.events) for u in units)} gold events,"
        f" {sum(1 for u in units if not u.events)} units without events",
        "",
        f"detection      P {det.precision:.3f}  R {det.recall:.3f}  F1 {det.f1:.3f}"
        f"  (tp {det.tp}, fp {det.fp}, fn {det.fn});"
        f" negatives left silent {scores.negatives.right}/{scores.negatives.total}",
        "detection by register:  "
        + ", ".join(
            f"{k} {v.f1:.3f} (n {v.support})" for k, v in sorted(scores.by_register.items())
        ),
        "",
        scores.subtypes.table("sub-event type"),
        f"sub-event macro F1 {flat['subtype_macro_f1']:.3f}, micro F1 {flat['subtype_micro_f1']:.3f}",
        "",
        scores.types.table("event type"),
        f"event type macro F1 {flat['event_type_macro_f1']:.3f},"
        f" micro F1 {flat['event_type_micro_f1']:.3f}",
        "",
    ]
    for name, ratio, unit in (
        ("actor1", scores.actor1, "gold actor1 of matched events"),
        ("actor2", scores.actor2, "gold actor2 of matched events"),
        ("quantity exact", scores.quantity_exact, "gold quantities of matched events"),
        ("quantity bounds", scores.quantity_bounds, "gold quantities of matched events"),
        ("date", scores.date, "gold dates of matched events"),
    ):
        lines.append(f"{name:<16}{ratio.value:6.3f}  ({ratio.right}/{ratio.total} {unit})")
    return "\n".join(lines)


@click.command("events")
@click.argument("gold", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--gate", is_flag=True, help="Exit 1 when a score is below its pinned floor.")
@click.option(
    "--show-errors", is_flag=True, help="List misses, false alarms, wrong types, actors, dates."
)
@click.option(
    "--engine",
    type=click.Choice(sorted(PREDICTORS)),
    default="batch",
    show_default=True,
    help="batch: process_batch, as `frontlines extract`; pipeline: the extractor alone.",
)
def command(gold: Path | None, gate: bool, show_errors: bool, engine: str) -> None:
    """Score event extraction against GOLD (default: the bundled events gold set).

    GOLD is a folder of .jsonl files or one file (sentences and/or articles).
    Prints detection P/R/F1 per sentence, per-class P/R/F1 of ACLED sub-event
    and event types with macro F1, and actor, quantity and date accuracy on
    the events matched by type.
    """
    docs = load_gold(gold)
    scores = evaluate(docs, PREDICTORS[engine](docs))
    click.echo(report(scores, docs))
    if show_errors:
        click.echo("")
        for line in scores.errors:
            click.echo(line)
    if gate:
        exit_below_floors("events", scores.flat())
