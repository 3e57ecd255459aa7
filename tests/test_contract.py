"""The output contract (DESIGN.md): the JSON Schema, the offsets it cannot express,
input order and the `frontlines extract` command line.

The schema is resources/schema/extraction.schema.json. Unit tests here build
records by hand from types.py (no model); the sample-corpus tests validate what
the real pipeline prints.
"""

from __future__ import annotations

import copy
import itertools
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

import jsonschema
import pytest
from click.testing import CliRunner, Result

from codebook import ACLED_CODEBOOK
from frontlines import types as t
from frontlines.batch import process_batch
from frontlines.cli import cli
from frontlines.eval.common import bundled
from frontlines.events.rules import SUB_EVENT_TYPES

if TYPE_CHECKING:
    from conftest import SampleRun

SCHEMA = json.loads(bundled("schema", "extraction.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)

TEXT = "Syrian forces shelled Saraqeb on Thursday, killing 3 civilians, a monitor said."


def _span(needle: str) -> tuple[str, int, int]:
    start = TEXT.index(needle)
    return needle, start, start + len(needle)


def valid_record() -> dict[str, Any]:
    """One extraction built from the frozen records of types.py, as the CLI prints it."""
    article = t.Article(
        text=TEXT, path="a.txt", format="txt", source="Meridian Wire", published=None
    )
    sentence = t.TextSpan(TEXT, 0, len(TEXT))
    place = t.Place(*_span("Saraqeb"), "Saraqib", 35.86, 36.8, "SY", 172374, 1)
    event = t.Event(
        sentence=sentence,
        trigger=t.TextSpan(*_span("shelled")),
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        plover_type="ASSAULT",
        plover_mode="artillery",
        actors=(t.Actor("actor1", *_span("Syrian forces"), "Military Forces of Syria", "gov", 1),),
        date=t.DateValue("on Thursday", "2020-02-27", 1),
        location=place,
        quantities=(t.Quantity("fatalities", 3, 3, 3, *_span("3 civilians"), "civilians"),),
        claim=t.Claim(t.Claimant(*_span("a monitor"), "monitor"), "reported", (), "none_cited"),
    )
    flag = t.Flag("Loaded_Language", *_span("shelled"))
    extraction = t.Extraction(
        article, (t.Segment("body", 0, len(TEXT)),), (event,), (place,), (flag,)
    )
    record: dict[str, Any] = json.loads(json.dumps(extraction.to_json()))
    return record


def errors(record: dict[str, Any]) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(record)]


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_hand_built_record_validates() -> None:
    assert errors(valid_record()) == []


def test_schema_pairs_every_sub_event_type_with_its_event_type() -> None:
    pairs = {
        branch["properties"]["event_type"]["const"]: set(
            branch["properties"]["sub_event_type"]["enum"]
        )
        for branch in SCHEMA["$defs"]["acled"]["oneOf"]
    }
    assert pairs == ACLED_CODEBOOK
    assert sum(len(v) for v in pairs.values()) == 25


def test_classifier_uses_the_codebook_pairs() -> None:
    from_code: dict[str, set[str]] = {}
    for sub, event_type in SUB_EVENT_TYPES.items():
        from_code.setdefault(event_type, set()).add(sub)
    assert from_code == ACLED_CODEBOOK


@pytest.mark.parametrize(
    ("schema_path", "literal"),
    [
        (("segment", "kind"), t.SegmentKind),
        (("claim", "modality"), t.Modality),
        (("quantity", "kind"), t.QuantityKind),
        (("actor", "role"), t.ActorRole),
    ],
)
def test_schema_enums_match_types(schema_path: tuple[str, str], literal: Any) -> None:
    definition, prop = schema_path
    assert set(SCHEMA["$defs"][definition]["properties"][prop]["enum"]) == set(get_args(literal))


def test_claimant_and_evidence_enums_match_types() -> None:
    claimant = SCHEMA["$defs"]["claimant"]["allOf"][0]["properties"]["type"]["enum"]
    assert set(claimant) == set(get_args(t.ClaimantType))
    evidence = SCHEMA["$defs"]["claim"]["properties"]["evidence"]["enum"]
    assert set(evidence) == {*get_args(t.Evidence), None}


Mutation = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Mutation:
    """A mutation that sets a dotted path (list indices as digits) to ``value``."""

    def apply(record: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = record
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        node[int(last) if last.isdigit() else last] = value

    return apply


def _delete(path: str) -> Mutation:
    def apply(record: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = record
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        del node[last]

    return apply


@pytest.mark.parametrize(
    ("mutation", "ok"),
    [
        # Allowed by the contract.
        (_set("events.0.claim.evidence", None), True),
        (_set("events.0.date", None), True),
        (_set("events.0.location", None), True),
        (_set("events.0.date.value", None), True),
        (
            _set(
                "events.0.claim.claimant",
                {"text": None, "start": None, "end": None, "type": "author", "side": None},
            ),
            True,
        ),
        (_set("events.0.acled", {"event_type": "Battles", "sub_event_type": "Armed clash"}), True),
        (_set("events.0.plover.mode", None), True),
        (_set("article.published", "2020-02-28"), True),
        (_set("article.extra_field", "more may be added"), True),
        (_set("events.0.quantities.0.low", None), True),
        # Sub-event type paired with the wrong event type, or unknown.
        (
            _set("events.0.acled", {"event_type": "Battles", "sub_event_type": "Air/drone strike"}),
            False,
        ),
        (_set("events.0.acled.sub_event_type", "Airstrike"), False),
        (_set("events.0.acled.event_type", "Explosions"), False),
        # Enums.
        (_set("segments.0.kind", "footer"), False),
        (_set("events.0.claim.modality", "alleged"), False),
        (_set("events.0.claim.evidence", "photo"), False),
        (_set("events.0.claim.claimant.type", "ministry"), False),
        (_set("events.0.quantities.0.kind", "killed"), False),
        (_set("events.0.actors.0.role", "actor3"), False),
        (_set("flags.0.technique", "Propaganda"), False),
        # Ranges and types.
        (_set("events.0.date.precision", 0), False),
        (_set("events.0.date.precision", 4), False),
        (_set("events.0.date.value", "27 February 2020"), False),
        (_set("places.0.precision", 4), False),
        (_set("events.0.actors.0.inter", 9), False),
        (_set("places.0.lat", 91.0), False),
        (_set("places.0.country", "SYR"), False),
        (_set("segments.0.start", -1), False),
        (_set("segments.0.end", 5.5), False),
        (_set("events.0.trigger.start", "12"), False),
        (_set("events.0.quantities.0.best", -3), False),
        (_set("article.published", "2020-02-30"), False),
        # Claimant offsets come with its text, or not at all.
        (_set("events.0.claim.claimant.start", None), False),
        (_set("events.0.claim.claimant.text", None), False),
        # Required keys.
        (_delete("article.path"), False),
        (_delete("article.published"), False),
        (_delete("events.0.claim"), False),
        (_delete("events.0.trigger"), False),
        (_delete("events.0.quantities.0.best"), False),
        (_delete("places.0.geonameid"), False),
        (_delete("flags"), False),
    ],
)
def test_schema_accepts_and_rejects(mutation: Mutation, ok: bool) -> None:
    record = copy.deepcopy(valid_record())
    mutation(record)
    assert (errors(record) == []) is ok, errors(record)


# --- what the real pipeline prints ------------------------------------------


def test_every_sample_record_validates(sample_run: SampleRun) -> None:
    assert len(sample_run.records) == 40
    bad = {r["article"]["path"]: errors(r)[:3] for r in sample_run.records if errors(r)}
    assert bad == {}


def _spans(record: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every (kind, object) with text/start/end that the record holds."""
    out: list[tuple[str, dict[str, Any]]] = []
    for event in record["events"]:
        out.append(("trigger", event["trigger"]))
        out += [("actor", a) for a in event["actors"]]
        out += [("quantity", q) for q in event["quantities"]]
        if event["location"] is not None:
            out.append(("location", event["location"]))
        claimant = event["claim"]["claimant"]
        if claimant["text"] is not None:
            out.append(("claimant", claimant))
    out += [("place", p) for p in record["places"]]
    out += [("flag", f) for f in record["flags"]]
    return out


def test_offsets_point_at_their_text(sample_run: SampleRun) -> None:
    wrong = []
    for article, record in sample_run.pairs():
        text = article.text
        for kind, span in _spans(record):
            start, end = span["start"], span["end"]
            if not (0 <= start <= end <= len(text)) or text[start:end] != span["text"]:
                wrong.append((article.path, kind, span["text"], text[start:end]))
    assert wrong == []


def test_triggers_lie_inside_their_sentence(sample_run: SampleRun) -> None:
    outside = []
    for article, record in sample_run.pairs():
        for event in record["events"]:
            sentence, trigger = event["text"], event["trigger"]
            inside = 0 <= sentence["start"] <= trigger["start"] <= trigger["end"] <= sentence["end"]
            if not inside or sentence["end"] > len(article.text):
                outside.append((article.path, trigger["text"]))
    assert outside == []


def test_segments_are_in_order_and_do_not_overlap(sample_run: SampleRun) -> None:
    for article, record in sample_run.pairs():
        segments = record["segments"]
        assert segments, article.path
        for seg in segments:
            assert 0 <= seg["start"] <= seg["end"] <= len(article.text), (article.path, seg)
        for left, right in itertools.pairwise(segments):
            assert left["end"] <= right["start"], (article.path, left, right)


# --- order and identity -----------------------------------------------------

REPORT = (
    "Syrian government forces shelled the village of Nayrab on Thursday, "
    "killing two civilians, a war monitor said.\n"
)


def test_same_content_twice_gives_two_records_in_order() -> None:
    articles = [t.Article(text=REPORT, path=p, format="txt") for p in ("first.txt", "second.txt")]
    records = [x.to_json() for x in process_batch(articles)]
    assert [r["article"]["path"] for r in records] == ["first.txt", "second.txt"]
    assert records[0]["article"]["id"] == records[1]["article"]["id"]
    assert records[0]["events"] == records[1]["events"]


# --- the CLI ------------------------------------------------------------------


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, ["extract", "--quiet", *args])


def lines(stdout: str) -> list[dict[str, Any]]:
    """The records printed, each checked against the output schema."""
    records = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    for record in records:
        VALIDATOR.validate(record)
    return records


def test_extract_help_teaches_the_options() -> None:
    result = CliRunner().invoke(cli, ["extract", "--help"])
    assert result.exit_code == 0
    for option in ("--published", "--format", "jsonl"):
        assert option in result.output


@pytest.mark.parametrize("order", [("a.txt", "b.txt"), ("b.txt", "a.txt")])
def test_extract_keeps_input_order_for_identical_files(
    tmp_path: Path, order: tuple[str, str]
) -> None:
    for name in order:
        (tmp_path / name).write_text(REPORT, encoding="utf-8")
    result = invoke(*(str(tmp_path / name) for name in order), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    records = lines(result.stdout)
    assert [Path(r["article"]["path"]).name for r in records] == list(order)
    assert records[0]["article"]["id"] == records[1]["article"]["id"]


def test_extract_skips_a_bad_file_and_prints_the_good_ones(tmp_path: Path) -> None:
    good1, bad, good2 = tmp_path / "one.txt", tmp_path / "broken.jsonl", tmp_path / "two.txt"
    good1.write_text(REPORT, encoding="utf-8")
    good2.write_text(REPORT.replace("Nayrab", "Saraqeb"), encoding="utf-8")
    bad.write_text('{"text": not json\n', encoding="utf-8")
    result = invoke(str(good1), str(bad), str(good2))
    assert result.exit_code == 1
    assert "skipped:" in result.stderr and "broken.jsonl" in result.stderr
    assert [Path(r["article"]["path"]).name for r in lines(result.stdout)] == ["one.txt", "two.txt"]


@pytest.mark.parametrize(
    ("header", "args", "expected"),
    [
        # No publication date: "on Thursday" cannot be resolved.
        ("", (), None),
        ("", ("--published", "2020-02-28"), "2020-02-27"),
        # The header's date (Saturday 22 Feb 2020) unless --published overrides it.
        ("Published: 2020-02-22\n\n", (), "2020-02-20"),
        ("Published: 2020-02-22\n\n", ("--published", "2020-02-28"), "2020-02-27"),
    ],
)
def test_extract_published_resolves_relative_dates(
    tmp_path: Path, header: str, args: tuple[str, ...], expected: str | None
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(header + REPORT, encoding="utf-8")
    result = invoke(str(path), *args)
    assert result.exit_code == 0, result.output
    [record] = lines(result.stdout)
    dates = [e["date"]["value"] for e in record["events"] if e["date"] is not None]
    assert dates and set(dates) == {expected}


def test_console_entry_point_exit_status(tmp_path: Path) -> None:
    """``python -m frontlines`` (the installed ``frontlines`` script's main): stdout
    has the good record, stderr the skipped file, and the status is 1."""
    good, bad = tmp_path / "good.txt", tmp_path / "missing.txt"
    good.write_text(REPORT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "frontlines", "extract", "-q", str(good), str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "skipped:" in done.stderr and "missing.txt" in done.stderr
    assert [Path(r["article"]["path"]).name for r in lines(done.stdout)] == ["good.txt"]
