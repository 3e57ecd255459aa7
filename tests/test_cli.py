"""The store-backed commands: ingest, articles, show, run (click's CliRunner, no subprocess)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import frontlines.batch
from frontlines.cli import cli
from frontlines.cli.ingest import IngestStats, exit_for
from frontlines.cli.options import reader_options
from frontlines.errors import InputError
from frontlines.ingest import ReadOptions
from frontlines.store import Store
from frontlines.types import (
    Actor,
    Article,
    Claim,
    Claimant,
    Event,
    Extraction,
    Quantity,
    Segment,
    TextSpan,
)

REPORTS = [
    "Syrian army units entered Saraqeb on Thursday after heavy clashes with militants.",
    "A strike on Balyun killed 33 Turkish soldiers, the Turkish defence ministry said.",
    "RSF fighters seized Merowe air base, the Sudanese army said it repelled the attack.",
    "Houthi forces said they hit the Rubymar in the Gulf of Aden with naval missiles.",
    "Wagner chief Prigozhin claimed full control of Bakhmut; Kyiv denied the claim.",
]


def make_article(i: int, **fields: Any) -> Article:
    text = REPORTS[i]
    values: dict[str, Any] = {
        "path": f"report{i}.txt",
        "format": "txt",
        "source": ["Meridian Wire", "Levant Arab News Agency"][i % 2],
        "title": f"Report {i}",
        "published": date(2020, 2, 1 + i),
        "segments": (Segment("body", 0, len(text)),),
    }
    values.update(fields)
    return Article(text=text, **values)


def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env)


class FakeReader:
    """Stands in for frontlines.ingest.iter_articles: yields ``items``, then raises ``fail``."""

    def __init__(
        self, items: Sequence[Article | InputError], fail: BaseException | None = None
    ) -> None:
        self.items = items
        self.fail = fail
        self.paths: list[str | Path] = []

    def __call__(self, paths: Sequence[str | Path], options: Any) -> Iterator[Article | InputError]:
        self.paths = list(paths)
        yield from self.items
        if self.fail is not None:
            raise self.fail


def use_reader(monkeypatch: pytest.MonkeyPatch, reader: FakeReader) -> None:
    monkeypatch.setattr("frontlines.cli.ingest.read_inputs", reader)
    monkeypatch.setattr("frontlines.cli.run.read_inputs", reader)


def fake_process_batch(
    articles: Sequence[Article], *, published: date | None = None, source: str | None = None
) -> list[Extraction]:
    """One Armed clash per article, claimed by the ministry, with a fatality figure."""
    out = []
    for a in articles:
        first = a.text.split()[0]
        event = Event(
            sentence=TextSpan(a.text, 0, len(a.text)),
            trigger=TextSpan(first, 0, len(first)),
            event_type="Battles",
            sub_event_type="Armed clash",
            plover_type="ASSAULT",
            plover_mode=None,
            actors=(Actor("actor1", first, 0, len(first), first.upper(), None, 1),),
            quantities=(Quantity("fatalities", 33, 33, 34, "33", 0, 2),),
            claim=Claim(Claimant("the ministry", 0, 12, "government"), "claimed", ("reportedly",)),
        )
        out.append(Extraction(article=a, segments=a.segments, events=(event,)))
    return out


def no_events(
    articles: Sequence[Article], *, published: date | None = None, source: str | None = None
) -> list[Extraction]:
    return [Extraction(article=a, segments=a.segments) for a in articles]


def stored(db: Path) -> dict[str, int]:
    with Store.open(db) as store:
        return store.counts()


# --- help -----------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["ingest", "articles", "show", "run"])
def test_help_teaches_with_examples(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert "--db" in result.stdout
    assert "FRONTLINES_DB" in result.stdout


@pytest.mark.parametrize("command", ["ingest", "articles", "show", "run"])
def test_every_option_is_documented(command: str) -> None:
    import click

    cmd = cli.get_command(click.Context(cli), command)
    assert cmd is not None
    undocumented = [
        p.name for p in cmd.params if isinstance(p, click.Option) and not (p.help or "").strip()
    ]
    assert undocumented == []


# --- ingest ---------------------------------------------------------------------------


def test_ingest_reports_skips_and_exits_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reader = FakeReader([make_article(0), InputError("bad.bin", "binary file"), make_article(1)])
    use_reader(monkeypatch, reader)
    db = tmp_path / "w.sqlite"
    result = invoke("ingest", "in/", "--db", str(db), "--quiet")
    assert result.exit_code == 1
    assert "skipped: [E010] bad.bin: binary file" in result.stderr
    assert "read 2, added 2, already present 0, skipped 1" in result.stderr
    assert result.stdout == ""
    assert reader.paths == ["in/"]
    assert stored(db)["articles"] == 2


def test_ingest_twice_adds_nothing_and_exits_0(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_reader(monkeypatch, FakeReader([make_article(0), make_article(1), make_article(0)]))
    db = str(tmp_path / "w.sqlite")
    first = invoke("ingest", "x", "--db", db)
    assert first.exit_code == 0
    assert "added 2, already present 1" in first.stderr
    second = invoke("ingest", "x", "--db", db)
    assert "added 0, already present 3" in second.stderr
    assert second.exit_code == 0


def test_ctrl_c_keeps_what_was_read_and_a_rerun_adds_the_rest_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "w.sqlite"
    articles = [make_article(i) for i in range(5)]
    use_reader(monkeypatch, FakeReader(articles[:3], fail=KeyboardInterrupt()))
    result = invoke("ingest", "x", "--db", str(db), "--batch-size", "2")
    assert result.exit_code == 130
    assert "(interrupted)" in result.stderr
    assert stored(db)["articles"] == 3
    use_reader(monkeypatch, FakeReader(articles))
    rerun = invoke("ingest", "x", "--db", str(db), "--batch-size", "2")
    assert rerun.exit_code == 0
    assert "added 2, already present 3" in rerun.stderr
    with Store.open(db) as store:
        ids = [r.id for r in store.list_articles()]
    assert sorted(ids) == sorted(a.id for a in articles)


def test_crash_keeps_committed_batches_and_a_rerun_adds_the_rest_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "w.sqlite"
    articles = [make_article(i) for i in range(5)]
    use_reader(monkeypatch, FakeReader(articles[:3], fail=RuntimeError("disk on fire")))
    result = invoke("ingest", "x", "--db", str(db), "--batch-size", "2")
    assert isinstance(result.exception, RuntimeError)
    assert stored(db)["articles"] == 2  # the first batch was committed, the third article not
    use_reader(monkeypatch, FakeReader(articles))
    rerun = invoke("ingest", "x", "--db", str(db), "--batch-size", "2")
    assert "added 3, already present 2" in rerun.stderr
    assert stored(db)["articles"] == 5


def test_ingest_extract_runs_once_per_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def counting(articles: Sequence[Article], **kw: Any) -> list[Extraction]:
        calls.extend(a.id for a in articles)
        return fake_process_batch(articles, **kw)

    monkeypatch.setattr(frontlines.batch, "process_batch", counting)
    use_reader(monkeypatch, FakeReader([make_article(0), make_article(1)]))
    db = str(tmp_path / "w.sqlite")
    assert invoke("ingest", "x", "--db", db).exit_code == 0  # stored, not extracted
    assert calls == []
    result = invoke("ingest", "x", "--db", db, "--extract")
    assert "extracted 2" in result.stderr
    invoke("ingest", "x", "--db", db, "--extract")
    assert len(calls) == 2  # the second --extract found nothing left to do
    assert stored(tmp_path / "w.sqlite")["events"] == 2


def test_ingest_with_the_real_readers(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    text = (
        "Title: Clashes in Saraqeb\nSource: Meridian Wire\nPublished: 2020-02-06\n\n"
        "Government forces and rebels clashed on the outskirts of Saraqeb on Thursday, "
        "a war monitor said.\n"
    )
    (inbox / "a.txt").write_text(text, encoding="utf-8")
    (inbox / "b.txt").write_text(text, encoding="utf-8")  # a syndicated copy
    (inbox / "c.txt").write_text(text.replace("Thursday", "Friday"), encoding="utf-8")
    db = str(tmp_path / "w.sqlite")
    result = invoke("ingest", str(inbox), "--db", db)
    assert result.exit_code == 0, result.stderr
    assert "read 3, added 2, already present 1, skipped 0" in result.stderr
    rows = [
        json.loads(line)
        for line in invoke("articles", "--db", db, "--format", "jsonl").stdout.splitlines()
    ]
    assert [(r["title"], r["source"], r["published"]) for r in rows] == [
        ("Clashes in Saraqeb", "Meridian Wire", "2020-02-06")
    ] * 2


def test_articles_without_segments_are_segmented_before_storing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = REPORTS[0] + "\n\n" + REPORTS[1] + "\n"
    use_reader(monkeypatch, FakeReader([Article(text=text, path="two.txt", format="txt")]))
    db = tmp_path / "w.sqlite"
    assert invoke("ingest", "x", "--db", str(db)).exit_code == 0
    with Store.open(db) as store:
        a = store.get_article(Article(text=text, path="", format="txt").id)
    assert a is not None and a.segments
    assert any(s.kind == "body" for s in a.segments)
    assert all(0 <= s.start < s.end <= len(text) for s in a.segments)


def test_db_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_reader(monkeypatch, FakeReader([make_article(0)]))
    db = tmp_path / "env.sqlite"
    assert invoke("ingest", "x", env={"FRONTLINES_DB": str(db)}).exit_code == 0
    assert stored(db)["articles"] == 1
    listing = invoke("articles", env={"FRONTLINES_DB": str(db)})
    assert "Report 0" in listing.stdout


# --- articles and show ------------------------------------------------------------------


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "w.sqlite"
    with Store.open(path) as store:
        store.add_articles(make_article(i) for i in range(4))
        store.save_extractions(fake_process_batch([make_article(1)]))
    return path


@pytest.mark.parametrize(
    ("options", "titles"),
    [
        ([], ["Report 3", "Report 2", "Report 1", "Report 0"]),
        (["--source", "meridian wire"], ["Report 2", "Report 0"]),
        (["--since", "2020-02-03"], ["Report 3", "Report 2"]),
        (["--until", "2020-02-01"], ["Report 0"]),
        (["--grep", "rubymar"], ["Report 3"]),
        (["--grep", "Mosul"], []),
        (["--limit", "1"], ["Report 3"]),
    ],
)
def test_articles_filters(db: Path, options: list[str], titles: list[str]) -> None:
    result = invoke("articles", "--db", str(db), "--format", "jsonl", *options)
    assert result.exit_code == 0
    assert [json.loads(line)["title"] for line in result.stdout.splitlines()] == titles


def test_articles_table(db: Path) -> None:
    result = invoke("articles", "--db", str(db))
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id", "published", "source", "events", "title"]
    row = next(line for line in lines if "Report 1" in line)
    assert row.startswith(make_article(1).id[:12] + "  2020-02-02")
    assert " 1  Report 1" in row  # one event extracted
    assert " -  Report 0" in next(line for line in lines if "Report 0" in line)  # not extracted
    assert "4 article(s)" in result.stderr


@pytest.mark.parametrize("bad", [["--since", "yesterday"], ["--limit", "0"], ["--format", "csv"]])
def test_articles_usage_errors_exit_2(db: Path, bad: list[str]) -> None:
    assert invoke("articles", "--db", str(db), *bad).exit_code == 2


@pytest.mark.parametrize(
    "args",
    [
        ["ingest"],  # PATHS are required
        ["ingest", "x", "--batch-size", "0"],
        ["ingest", "x", "--preset", "acled"],
        ["run", "x", "--published", "28/02/2020"],
        ["show"],
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    result = invoke(*args, "--db", str(tmp_path / "w.sqlite"))
    assert result.exit_code == 2
    assert not (tmp_path / "w.sqlite").exists()


def test_unopenable_database_exits_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_reader(monkeypatch, FakeReader([make_article(0)]))
    result = invoke("ingest", "x", "--db", str(tmp_path / "no" / "such" / "dir" / "w.sqlite"))
    assert result.exit_code == 1
    assert "cannot open database" in result.stderr


def test_read_commands_do_not_create_a_database(tmp_path: Path) -> None:
    missing = tmp_path / "typo.sqlite"
    for args in (["articles"], ["show", "abcd1234"]):
        result = invoke(*args, "--db", str(missing))
        assert result.exit_code == 1
        assert "no database" in result.stderr
    assert not missing.exists()


def test_show_text_marks_segments_and_events(db: Path) -> None:
    a = make_article(1)
    result = invoke("show", a.id[:8], "--db", str(db))
    assert result.exit_code == 0
    out = result.stdout
    assert f"id        {a.id}" in out
    assert f"[body 0-{len(a.text)}]\n{a.text}" in out
    assert "events (1)" in out
    assert "Battles / Armed clash" in out
    assert "figure fatalities 33 (33-34)" in out
    assert "claim: the ministry (government, claimed; hedges: reportedly)" in out


def test_show_unextracted_article(db: Path) -> None:
    result = invoke("show", make_article(0).id, "--db", str(db))
    assert "not extracted yet" in result.stdout
    assert "events (" not in result.stdout


def test_show_json(db: Path) -> None:
    a = make_article(1)
    record = json.loads(invoke("show", a.id[:6], "--db", str(db), "--format", "json").stdout)
    assert record["article"]["id"] == a.id
    assert record["article"]["text"] == a.text
    assert record["extracted"] is True
    assert record["events"][0]["acled"] == {
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
    }
    assert record["segments"] == [{"kind": "body", "start": 0, "end": len(a.text)}]
    other = json.loads(
        invoke("show", make_article(0).id, "--db", str(db), "--format", "json").stdout
    )
    assert other["extracted"] is False and other["events"] == []


@pytest.mark.parametrize(("key", "message"), [("0000aaaa", "no article"), ("ab", "too short")])
def test_show_unknown_id_exits_1(db: Path, key: str, message: str) -> None:
    result = invoke("show", key, "--db", str(db))
    assert result.exit_code == 1
    assert message in result.stderr


# --- run ------------------------------------------------------------------------------


def test_run_without_inputs_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("run", "--db", str(tmp_path / "w.sqlite"))
    assert result.exit_code == 2
    assert "--sample" in result.stderr


def test_run_reports_events(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(frontlines.batch, "process_batch", fake_process_batch)
    use_reader(monkeypatch, FakeReader([make_article(i) for i in range(3)]))
    report = tmp_path / "out" / "report.md"
    result = invoke(
        "run", "x", "--db", str(tmp_path / "w.sqlite"), "--report", str(report),
        "--source", "Override Agency", "--published", "2021-01-02",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "Battles" in result.stdout and "Armed clash" in result.stdout
    assert "Override Agency" in result.stdout
    assert "Meridian Wire" not in result.stdout
    text = report.read_text(encoding="utf-8")
    assert "| Battles | Armed clash | 3 |" in text
    assert "| government | 3 |" in text
    assert f"> {REPORTS[1]}" in text
    assert "claimant: the ministry (government, claimed; hedges: reportedly)" in text
    assert "figures: fatalities 33 (33-34)" in text
    assert "— 2021-01-02" in text
    assert "none extracted" in text  # places and flags: nothing from this fake


def test_run_reextracts_unless_told_to_skip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def counting(articles: Sequence[Article], **kw: Any) -> list[Extraction]:
        calls.extend(a.id for a in articles)
        return no_events(articles, **kw)

    monkeypatch.setattr(frontlines.batch, "process_batch", counting)
    use_reader(monkeypatch, FakeReader([make_article(0), make_article(1)]))
    args = ["run", "x", "--db", str(tmp_path / "w.sqlite"), "--report", str(tmp_path / "r.md")]
    invoke(*args)
    invoke(*args)
    assert len(calls) == 4
    invoke(*args, "--skip-extracted")
    assert len(calls) == 4


def test_run_sample_without_events_says_none_extracted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from frontlines.cli.run import sample_path

    # The sample ships with the package: its absence is a failure, not a skip.
    assert sample_path().is_dir() and sample_path().name == "articles"
    monkeypatch.setattr(frontlines.batch, "process_batch", no_events)
    db, report = tmp_path / "s.sqlite", tmp_path / "r.md"
    result = invoke("run", "--sample", "--db", str(db), "--report", str(report))
    assert result.exit_code == 0, result.stderr
    counts = stored(db)
    assert counts["articles"] >= 28
    assert counts["extracted"] == counts["articles"]
    assert "Articles by source" in result.stdout
    assert "Events by ACLED type\n  none extracted" in result.stdout
    text = report.read_text(encoding="utf-8")
    assert "## Event types\n\n_none extracted._" in text
    assert "## Events\n\n_none extracted._" in text
    # The README and manifest next to the articles are not read as articles.
    with Store.open(db) as store:
        paths = [r.path for r in store.list_articles()]
    assert not any(p.endswith(("README.md", "manifest.jsonl")) for p in paths)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({}, ReadOptions()),
        (
            {"text_field": "body", "title_field": "head", "source_field": "outlet",
             "date_field": "day", "url_field": "link", "preset": "fakes", "max_bytes": 10},
            ReadOptions(max_bytes=10, preset="fakes", text_field="body", title_field="head",
                        source_field="outlet", date_field="day", url_field="link"),
        ),
        # options click left unset arrive as None and keep the defaults
        ({"text_field": None, "preset": None, "max_bytes": None}, ReadOptions()),
    ],
)  # fmt: skip
def test_reader_options_pass_every_field_through(
    values: dict[str, object], expected: ReadOptions
) -> None:
    assert reader_options(values) == expected


@pytest.mark.parametrize(
    ("stats", "code"),
    [
        (IngestStats(read=3, added=3), None),
        (IngestStats(read=2, skipped=1), 1),
        (IngestStats(read=2, skipped=1, interrupted=True), 130),
        (IngestStats(interrupted=True), 130),
    ],
)
def test_exit_status_follows_the_documented_codes(stats: IngestStats, code: int | None) -> None:
    if code is None:
        exit_for(stats)  # returns: exit status 0
        return
    with pytest.raises(SystemExit) as info:
        exit_for(stats)
    assert info.value.code == code
