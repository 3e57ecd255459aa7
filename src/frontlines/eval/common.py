"""Shared scoring helpers: counts to precision/recall/F1, tables, floors."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any


@dataclass
class PRF:
    """True/false positive and false negative counts for one class."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn


@dataclass
class ClassScores:
    """PRF per class label, filled from (gold, predicted) label pairs or counts."""

    by_class: dict[str, PRF] = field(default_factory=dict)

    def get(self, label: str) -> PRF:
        return self.by_class.setdefault(label, PRF())

    def add_pair(self, gold: str | None, pred: str | None) -> None:
        """One item with a gold and a predicted label (None = no label)."""
        if gold is not None and gold == pred:
            self.get(gold).tp += 1
            return
        if gold is not None:
            self.get(gold).fn += 1
        if pred is not None:
            self.get(pred).fp += 1

    def macro_f1(self, labels: Iterable[str] | None = None) -> float:
        names = (
            list(labels)
            if labels is not None
            else [k for k, v in self.by_class.items() if v.support]
        )
        return sum(self.get(n).f1 for n in names) / len(names) if names else 0.0

    def micro(self) -> PRF:
        total = PRF()
        for prf in self.by_class.values():
            total.tp += prf.tp
            total.fp += prf.fp
            total.fn += prf.fn
        return total

    def table(self, title: str = "class") -> str:
        width = max([len(title), *(len(k) for k in self.by_class)]) + 2
        lines = [f"{title:<{width}}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}"]
        for name in sorted(self.by_class):
            s = self.by_class[name]
            lines.append(
                f"{name:<{width}}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{s.support:6d}"
            )
        return "\n".join(lines)


def floors_dir() -> Path:
    return bundled("eval_floors")


def load_floors() -> dict[str, dict[str, Any]]:
    """Pinned floors, one JSON file per stage: resources/eval_floors/<stage>.json."""
    floors: dict[str, dict[str, Any]] = {}
    for path in sorted(floors_dir().glob("*.json")):
        floors[path.stem] = json.loads(path.read_text(encoding="utf-8"))
    return floors


def check_floors(stage: str, scores: Mapping[str, float]) -> list[str]:
    """One line per metric of ``stage`` below its pinned floor (or missing from ``scores``).

    A stage without a floors file has nothing to fall below.
    """
    path = floors_dir() / f"{stage}.json"
    # Only this stage's file: the gate calls this once per stage.
    floors: dict[str, Any] = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    failures = []
    for metric, floor in floors.items():
        if metric.startswith("_"):
            continue  # comments and corpus hashes
        value = scores.get(metric)
        if value is None or value + 1e-9 < float(floor):
            failures.append(
                f"{stage}.{metric}: {value if value is not None else 'missing'} < floor {floor}"
            )
    return failures


def exit_below_floors(stage: str, scores: Mapping[str, float]) -> None:
    """The ``--gate`` of an eval command: each failure on stderr, then exit 1 if any."""
    import click  # here: the extractors import this module for ``bundled`` alone

    failures = check_floors(stage, scores)
    for line in failures:
        click.echo(f"below floor: {line}", err=True)
    if failures:
        sys.exit(1)


def bundled(*parts: str) -> Path:
    """Path of a bundled resource file, e.g. bundled("gold", "segments")."""
    return Path(str(resources.files("frontlines").joinpath("resources", *parts)))


def tsv_rows(path: Path) -> list[list[str]]:
    """Tab-separated rows of a data file, each cell stripped; blank and '#' lines skipped."""
    return [
        [cell.strip() for cell in line.split("\t")]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
