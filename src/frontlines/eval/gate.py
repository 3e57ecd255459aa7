"""``frontlines eval gate``: run every stage's scorer on its bundled gold set and
compare with the pinned floors in resources/eval_floors/<stage>.json (floors only go up)."""

from __future__ import annotations

import importlib
import sys

import click

from .common import check_floors, load_floors


@click.command("gate")
def command() -> None:
    """Score every stage on its bundled gold set; exit 1 if any metric is below its floor."""
    failures: list[str] = []
    for stage in load_floors():
        if stage.startswith("_"):
            continue
        module = importlib.import_module(f"frontlines.eval.{stage}")
        scores = module.score()
        fails = check_floors(stage, scores)
        status = "FAIL" if fails else "ok"
        shown = ", ".join(f"{k}={v:.3f}" for k, v in sorted(scores.items()))
        click.echo(f"[{status}] {stage}: {shown}")
        failures.extend(fails)
    for line in failures:
        click.echo(f"  below floor: {line}", err=True)
    sys.exit(1 if failures else 0)
