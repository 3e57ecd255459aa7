"""``frontlines eval``: score an extractor against a gold set. One subcommand per stage."""

from __future__ import annotations

import click

from . import LazyGroup

# Each stage's scorer lives beside its gold-set reader in frontlines.eval.<stage>.
EVALS = {
    "segments": "frontlines.eval.segments:command",
    "events": "frontlines.eval.events:command",
    "geo": "frontlines.eval.geo:command",
    "claims": "frontlines.eval.claims:command",
    "quantities": "frontlines.eval.quantities:command",
    "gate": "frontlines.eval.gate:command",
}


@click.group(cls=LazyGroup, lazy=EVALS)
def evaluate() -> None:
    """Score an extractor against a gold set (the bundled one by default).

    Each subcommand prints per-class precision/recall/F1 to stdout; with
    --gate it also compares the scores with the pinned floors in
    frontlines/resources/eval_floors/<stage>.json and exits 1 when one falls below.
    """
