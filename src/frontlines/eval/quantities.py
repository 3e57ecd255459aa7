"""``frontlines eval quantities``: quantities and event dates against a written gold set.

Gold: ``resources/gold/quantities/quantities.tsv`` and ``dates.tsv`` (see the
README there). Sentences are read without a dependency parse (a blank English
tokenizer), as the pipeline does for sentences it does not parse.

Quantities: a predicted quantity matches a gold one with the same kind and
best figure (each used once); precision/recall/F1 over all of them, plus the
share of matched pairs whose category and status also agree.
Dates: the sentence's date (``dates.best_date`` of ``find_dates``) must have
the gold value and precision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import GoldSetError
from .common import PRF, ClassScores, bundled, exit_below_floors

if TYPE_CHECKING:
    from spacy.language import Language

STAGE = "quantities"
Item = tuple[str, float | None, str | None, str | None]  # kind, best, category, status


@dataclass(frozen=True, slots=True)
class QuantityGold:
    id: str
    sentence: str
    expected: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class DateGold:
    id: str
    published: date | None
    sentence: str
    value: str | None
    precision: int


def _none(cell: str) -> str | None:
    return None if cell == "-" else cell


def _rows(path: Path, width: int) -> list[tuple[int, list[str]]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()[1:], 2):
        if not line.strip():
            continue
        cells = line.split("\t")
        cells += [""] * (width - len(cells))
        if len(cells) != width:
            raise GoldSetError(f"{path}:{n}: expected {width} tab-separated columns")
        rows.append((n, cells))
    return rows


def load_quantity_gold(path: Path | None = None) -> list[QuantityGold]:
    path = path or bundled("gold", "quantities", "quantities.tsv")
    out = []
    for n, (qid, sentence, expected) in _rows(path, 3):
        items: list[Item] = []
        for raw in filter(None, (part.strip() for part in expected.split("|"))):
            try:
                kind, best, category, status = (c.strip() for c in raw.split(","))
                items.append(
                    (kind, None if best == "-" else float(best), _none(category), _none(status))
                )
            except ValueError as exc:
                raise GoldSetError(f"{path}:{n}: bad quantity {raw!r}") from exc
        out.append(QuantityGold(qid, sentence, tuple(items)))
    return out


def load_date_gold(path: Path | None = None) -> list[DateGold]:
    path = path or bundled("gold", "quantities", "dates.tsv")
    out = []
    for n, (did, published, sentence, value, precision) in _rows(path, 5):
        try:
            pub = None if published == "-" else date.fromisoformat(published)
            out.append(DateGold(did, pub, sentence, _none(value), int(precision)))
        except ValueError as exc:
            raise GoldSetError(f"{path}:{n}: {exc}") from exc
    return out


@cache
def _tokenizer() -> Language:
    # One blank pipeline for every scorer call (``score`` runs three).
    import spacy

    return spacy.blank("en")


def _same(predicted: Item, gold: Item) -> bool:
    """Same kind and best figure (area figures converted to km², so within 0.5 %)."""
    if predicted[0] != gold[0]:
        return False
    a, b = predicted[1], gold[1]
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 0.005 * max(abs(a), abs(b))


def score_quantities(gold: Sequence[QuantityGold]) -> tuple[ClassScores, PRF, float, list[str]]:
    """Per-kind scores, overall counts, category+status agreement, and error lines."""
    from ..events.quantities import find_quantities

    nlp = _tokenizer()
    by_kind = ClassScores()
    agree = matched = 0
    errors: list[str] = []
    for g in gold:
        predicted: list[Item] = [
            (q.kind, q.best, q.category, q.status) for q in find_quantities(nlp(g.sentence))
        ]
        remaining = list(predicted)
        for item in g.expected:
            hit = next((p for p in remaining if _same(p, item)), None)
            if hit is None:
                by_kind.get(item[0]).fn += 1
                errors.append(f"{g.id} missed {item}")
                continue
            remaining.remove(hit)
            by_kind.get(item[0]).tp += 1
            matched += 1
            agree += hit[2:] == item[2:]
            if hit[2:] != item[2:]:
                errors.append(f"{g.id} category/status {hit[2:]} != {item[2:]}")
        for p in remaining:
            by_kind.get(p[0]).fp += 1
            errors.append(f"{g.id} spurious {p}")
    return by_kind, by_kind.micro(), agree / matched if matched else 0.0, errors


def score_dates(gold: Sequence[DateGold]) -> tuple[float, float, list[str]]:
    """(value+precision accuracy, value accuracy, error lines)."""
    from ..events.dates import best_date, find_dates

    nlp = _tokenizer()
    exact = value_ok = 0
    errors: list[str] = []
    for g in gold:
        found = best_date(find_dates(nlp(g.sentence), g.published))
        got = (found.value, found.precision) if found else (None, None)
        value_ok += got[0] == g.value
        exact += got == (g.value, g.precision)
        if got != (g.value, g.precision):
            errors.append(f"{g.id} got {got}, gold {(g.value, g.precision)}")
    n = len(gold) or 1
    return exact / n, value_ok / n, errors


def heldout_gold() -> Path:
    return bundled("gold", "quantities", "quantities_heldout.tsv")


def score() -> dict[str, float]:
    """The metrics the gate compares with resources/eval_floors/quantities.json."""
    _, total, agreement, _ = score_quantities(load_quantity_gold())
    _, held, _, _ = score_quantities(load_quantity_gold(heldout_gold()))
    date_exact, date_value, _ = score_dates(load_date_gold())
    return {
        "quantity_precision": total.precision,
        "quantity_recall": total.recall,
        "quantity_f1": total.f1,
        "category_status_agreement": agreement,
        "heldout_quantity_f1": held.f1,
        "date_accuracy": date_exact,
        "date_value_accuracy": date_value,
    }


@click.command(STAGE)
@click.option("--errors", "show_errors", is_flag=True, help="List every miss and false alarm.")
@click.option("--gate", is_flag=True, help="Exit 1 when a metric falls below its pinned floor.")
@click.option("--heldout", is_flag=True, help="Score the held-out quantity set instead.")
def command(show_errors: bool, gate: bool, heldout: bool) -> None:
    """Score quantities (kind + best figure) and sentence dates on the bundled gold sets."""
    gold = load_quantity_gold(heldout_gold() if heldout else None)
    by_kind, total, agreement, q_errors = score_quantities(gold)
    date_exact, date_value, d_errors = score_dates(load_date_gold())
    click.echo(by_kind.table("kind"))
    click.echo(
        f"all: P={total.precision:.3f} R={total.recall:.3f} F1={total.f1:.3f} "
        f"category+status agree on {agreement:.3f} of matches"
    )
    click.echo(f"dates: value+precision {date_exact:.3f}, value {date_value:.3f}")
    if show_errors:
        for line in q_errors + d_errors:
            click.echo(line, err=True)
    if gate:
        exit_below_floors(STAGE, score())
