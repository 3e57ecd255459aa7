"""The README documents what the code offers (after datasette's documentation tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.cli import COMMANDS
from frontlines.cli.evaluate import EVALS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"frontlines {command}" in README


@pytest.mark.parametrize("stage", sorted(EVALS))
def test_every_eval_stage_is_in_the_readme(stage: str) -> None:
    assert f"frontlines eval {stage}" in README


@pytest.mark.parametrize(
    "variable",
    ["FRONTLINES_DB", "FRONTLINES_CACHE", "FRONTLINES_ACTORS_EXTRA", "FRONTLINES_SOURCES"],
)
def test_every_environment_variable_is_documented(variable: str) -> None:
    assert variable in README


def test_the_two_commands_are_the_scripts_ci_runs() -> None:
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in README and "bash scripts/test.sh" in ci
    assert "bash scripts/main.sh" in README
