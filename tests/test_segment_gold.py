"""The bundled segment gold set: well-formed, in sync with its source, and above the floors."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.errors import GoldSetError
from frontlines.eval import segments as ev
from frontlines.eval.common import check_floors, floors_dir
from frontlines.types import Segment


def test_jsonl_matches_labelled_source() -> None:
    assert ev.read_jsonl(ev.default_gold()) == ev.read_labelled(ev.labelled_dir())


def test_gold_is_large_and_varied_enough() -> None:
    docs = ev.load_gold()
    assert len(docs) >= 40
    assert len({d.id for d in docs}) == len(docs)
    per_doc = [set(d.labels) for d in docs]
    assert sum("comments" in s for s in per_doc) >= 15
    assert sum("comments" not in s for s in per_doc) >= 15
    assert sum("boilerplate" not in s for s in per_doc) >= 5
    assert sum(s <= {"body", "none"} for s in per_doc) >= 3  # plain snippets


def test_floor_file_pins_the_corpus_hash() -> None:
    floors = json.loads((floors_dir() / "segments.json").read_text(encoding="utf-8"))
    digest = hashlib.sha256(ev.default_gold().read_bytes()).hexdigest()
    assert floors["_corpus_sha256"] == digest, "gold changed: re-measure and update the floors"


def test_bundled_gold_scores_at_or_above_floors() -> None:
    scores = ev.score()
    assert check_floors("segments", scores) == []
    for kind in ev.KINDS:
        assert f"{kind}_f1" in scores and f"{kind}_precision" in scores


@pytest.mark.parametrize(
    ("lower", "drop", "failing"),
    [
        (0.0, None, []),  # exactly at every floor passes: the comparison is not strict
        (0.01, None, ["segments.body_f1"]),  # one metric below its floor is named
        (0.0, "title_f1", ["segments.title_f1"]),  # a metric no longer reported fails too
    ],
)
def test_check_floors_names_what_falls_below(
    lower: float, drop: str | None, failing: list[str]
) -> None:
    floors = json.loads((floors_dir() / "segments.json").read_text(encoding="utf-8"))
    scores = {k: float(v) for k, v in floors.items() if not k.startswith("_") and k != drop}
    scores["body_f1"] -= lower
    assert [line.split(":")[0] for line in check_floors("segments", scores)] == failing


def test_a_stage_without_floors_has_nothing_to_fail() -> None:
    assert check_floors("no_such_stage", {}) == []


@pytest.mark.parametrize(
    ("text", "segments", "expected"),
    [
        ("abc\n\ndef", [Segment("body", 0, 8)], ["body", None, "body"]),
        ("abc\ndef", [Segment("title", 0, 3)], ["title", None]),
        # the kind covering most non-space characters of the line wins
        ("Title: Saraqib", [Segment("title", 7, 14)], ["title"]),
        ("ab cdef", [Segment("boilerplate", 0, 2), Segment("body", 3, 7)], ["body"]),
        ("   ", [Segment("body", 0, 3)], [None]),
    ],
)
def test_line_predictions(text: str, segments: list[Segment], expected: list[str | None]) -> None:
    assert ev.line_predictions(text, segments) == expected


@pytest.mark.parametrize(
    "source",
    [
        "B|text before any document marker\n",
        "=== d\nQ|unknown code\n",
        "=== d\nB|   \n",  # a blank line must be N
        "=== d\nno bar here\n",
    ],
)
def test_labelled_format_errors(source: str) -> None:
    with pytest.raises(GoldSetError):
        ev.parse_labelled(source)


def test_parse_labelled_drops_final_blank() -> None:
    docs = ev.parse_labelled("=== a\nT|Head\nN|\nB|Body.\n\n=== b\nB|x y\n")
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[0].text == "Head\n\nBody."
    assert docs[0].labels == ("title", "none", "body")


def test_cli_prints_table_and_passes_gate() -> None:
    result = CliRunner().invoke(ev.command, ["--gate"])
    assert result.exit_code == 0, result.output
    assert "body" in result.output and "comments" in result.output


def test_cli_gate_fails_on_bad_segmenter_gold(tmp_path: Path) -> None:
    # Gold that says every line is a comment: the real segmenter falls below the floors.
    docs = ev.load_gold()[:5]
    wrong = [
        ev.GoldDoc(d.id, d.text, tuple("none" if lab == "none" else "comments" for lab in d.labels))
        for d in docs
    ]
    path = tmp_path / "wrong.jsonl"
    path.write_text(ev.to_jsonl(wrong), encoding="utf-8")
    result = CliRunner().invoke(ev.command, [str(path), "--gate"])
    assert result.exit_code == 1
