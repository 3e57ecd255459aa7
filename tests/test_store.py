"""The store: schema and migrations, dedup, lossless round trips, filters, transactions."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from frontlines.errors import StoreError
from frontlines.store import Store, database_url, is_sqlite_file
from frontlines.store.migrate import current
from frontlines.store.models import Base
from frontlines.types import (
    Actor,
    Article,
    Claim,
    Claimant,
    DateValue,
    Event,
    Extraction,
    Flag,
    Place,
    Quantity,
    Segment,
    TextSpan,
)

BODY = (
    "Turkish soldiers were killed in an air strike in Balyun, Idlib province, on Thursday, "
    "the Turkish defence ministry said. Opposition activists said the toll was higher."
)


def article(text: str = BODY, **fields: object) -> Article:
    values: dict[str, object] = {
        "path": "wire.txt",
        "format": "txt",
        "source": "Levant Wire",
        "published": date(2020, 2, 28),
        "segments": (Segment("body", 0, len(text)),),
    }
    values.update(fields)
    return Article(text=text, **values)  # type: ignore[arg-type]


def full_event(text: str = BODY) -> Event:
    """An event with every optional part filled, to prove nothing is lost."""
    return Event(
        sentence=TextSpan(text[:119], 0, 119),
        trigger=TextSpan("air strike", 37, 47),
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        plover_type="ASSAULT",
        plover_mode="aerial",
        actors=(
            Actor("actor1", "unknown aircraft", 0, 5, "Military Forces of Syria", "government", 1),
            Actor("actor2", "Turkish soldiers", 0, 16, "Military Forces of Turkey", None, None),
        ),
        date=DateValue("Thursday", "2020-02-27", 1, 70, 78),
        location=Place("Balyun", 51, 57, "Balyun", 35.6, 36.5, "SY", 170000, 1),
        quantities=(
            Quantity("fatalities", 33.0, 33.0, 34.0, "33", 0, 2, category="military"),
            Quantity("area", None, 600.0, None, "some 600", 0, 8, unit="km2"),
        ),
        claim=Claim(
            Claimant("the Turkish defence ministry", 80, 108, "government", "Turkey"),
            "reported",
            ("reportedly", "could not be verified"),
            "none_cited",
        ),
    )


def bare_event(text: str = BODY) -> Event:
    """An event with every optional part empty (None / no actors / no claim)."""
    return Event(
        sentence=TextSpan(text[120:], 120, len(text)),
        trigger=TextSpan("toll", 150, 154),
        event_type="Violence against civilians",
        sub_event_type="Attack",
        plover_type="ASSAULT",
        plover_mode=None,
    )


def extraction(a: Article, events: tuple[Event, ...] = ()) -> Extraction:
    return Extraction(
        article=a,
        segments=a.segments,
        events=events,
        places=(
            Place("Balyun", 51, 57, "Balyun", 35.6, 36.5, "SY", 170000, 1),
            Place("Idlib", 59, 64, None, None, None, None, None, None),
        ),
        flags=(Flag("Loaded_Language", "terrorists", 3, 13),),
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "t.sqlite")
    yield s
    s.close()


# --- schema ---------------------------------------------------------------------------


def test_upgrade_head_matches_models(tmp_path: Path) -> None:
    s = Store.open(tmp_path / "empty.sqlite")
    try:
        with s.engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
            tables = set(inspect(conn).get_table_names())
        assert diffs == []
        assert set(Base.metadata.tables) <= tables
        assert "alembic_version" in tables
        assert current(s.engine) == "0001_initial"
    finally:
        s.close()


def test_open_twice_is_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite"
    with Store.open(path) as s:
        s.add_articles([article()])
    with Store.open(path) as s:
        assert s.counts()["articles"] == 1


def test_sqlite_runs_in_wal_mode_with_foreign_keys(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("war.sqlite", "sqlite:///war.sqlite"),
        (Path("/tmp/x/war.db"), "sqlite:////tmp/x/war.db"),
        ("sqlite://", "sqlite://"),
        ("sqlite:////abs/war.sqlite", "sqlite:////abs/war.sqlite"),
        ("postgresql+psycopg://me@db.example/war", "postgresql+psycopg://me@db.example/war"),
    ],
)
def test_database_url(given: str | Path, expected: str) -> None:
    assert database_url(given) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("war.sqlite", Path("war.sqlite")),
        ("sqlite://", None),
        ("sqlite:///:memory:", None),
        ("postgresql+psycopg://me@db.example/war", None),
    ],
)
def test_is_sqlite_file(given: str, expected: Path | None) -> None:
    assert is_sqlite_file(given) == expected


def test_bad_url_is_a_store_error() -> None:
    with pytest.raises(StoreError):
        database_url("not a url://")


# --- articles -------------------------------------------------------------------------


def test_add_articles_dedups_by_content(store: Store) -> None:
    a = article()
    same_text_other_path = article(path="repost.txt", source="Aggregator")
    other = article("A different report about Saraqeb.")
    first = store.add_articles([a, same_text_other_path, other])
    assert (first.added, first.present) == (2, 1)
    assert first.added_ids == (a.id, other.id)
    again = store.add_articles([a, other])
    assert (again.added, again.present) == (0, 2)
    assert store.counts()["articles"] == 2
    # The first copy wins: the repost's metadata did not overwrite it.
    stored = store.get_article(a.id)
    assert stored is not None and stored.source == "Levant Wire"


def test_article_round_trip_keeps_every_field(store: Store) -> None:
    a = article(
        url="https://wire.example/balyun",
        title="Turkish soldiers killed in Idlib strike",
        language="en",
        original_source="Levant Wire",
        segments=(Segment("title", 0, 10), Segment("body", 12, 100), Segment("comments", 101, 150)),
    )
    store.add_articles([a])
    assert store.get_article(a.id) == a
    assert store.has_article(a.id)
    assert not store.has_article("0" * 16)


def test_get_article_by_prefix(store: Store) -> None:
    a = article()
    store.add_articles([a])
    assert store.get_article(a.id[:6]) == a
    assert store.get_article(a.id[:6].upper()) == a
    assert store.get_article("ffff" if not a.id.startswith("ffff") else "eeee") is None
    with pytest.raises(StoreError, match="too short"):
        store.get_article(a.id[:2])


@pytest.mark.parametrize(
    ("key", "found"),
    [
        ("abcd1111", "abcd111111111111"),
        ("ABCD2", "abcd222222222222"),
        ("abcd222222222222", "abcd222222222222"),
        ("abce", None),
        ("  abcd1 ", "abcd111111111111"),
    ],
)
def test_resolve_id(store: Store, key: str, found: str | None) -> None:
    store.add_articles(
        [article("one", id="abcd111111111111"), article("two", id="abcd222222222222")]
    )
    assert store.resolve_id(key) == found


def test_ambiguous_prefix_is_an_error(store: Store) -> None:
    store.add_articles(
        [article("one", id="abcd111111111111"), article("two", id="abcd222222222222")]
    )
    with pytest.raises(StoreError, match="ambiguous"):
        store.get_article("abcd")


# --- extractions ----------------------------------------------------------------------


def test_extraction_round_trip_is_lossless(store: Store) -> None:
    a = article()
    x = extraction(a, (full_event(), bare_event()))
    assert store.save_extractions([x]) == 1
    assert store.get_extraction(a.id) == x
    assert list(store.iter_extractions()) == [x]


def test_hedges_with_unicode_survive(store: Store) -> None:
    a = article()
    event = dataclasses.replace(
        full_event(), claim=Claim(Claimant(None, None, None, "author"), "asserted", ("زعم",), None)
    )
    store.save_extractions([extraction(a, (event,))])
    back = store.get_extraction(a.id)
    assert back is not None and back.events[0].claim == event.claim


def test_save_replaces_previous_extraction(store: Store) -> None:
    a = article()
    store.save_extractions([extraction(a, (full_event(), bare_event()))])
    assert store.counts()["event_actors"] == 2
    fewer = Extraction(a, (Segment("body", 0, 50),), (bare_event(),))
    store.save_extractions([fewer])
    counts = store.counts()
    assert counts["events"] == 1
    assert counts["event_actors"] == 0
    assert counts["quantities"] == 0
    assert counts["places"] == 0
    assert counts["flags"] == 0
    assert counts["segments"] == 1
    back = store.get_extraction(a.id)
    assert back is not None
    assert back.events == (bare_event(),)
    assert back.segments == (Segment("body", 0, 50),)


def test_save_adds_an_unknown_article(store: Store) -> None:
    a = article()
    store.save_extractions([extraction(a)])
    assert store.has_article(a.id)
    assert store.extracted_ids([a.id, "0" * 16]) == {a.id}


def test_stored_but_not_extracted(store: Store) -> None:
    a = article()
    store.add_articles([a])
    assert store.get_extraction(a.id) is None
    assert list(store.iter_extractions()) == []
    assert store.extracted_ids([a.id]) == set()


def test_save_is_one_transaction(store: Store) -> None:
    good = article()
    store.save_extractions([extraction(good, (full_event(),))])
    broken_event = dataclasses.replace(bare_event(), event_type=None)  # violates NOT NULL
    other = article("Another report.")
    with pytest.raises(Exception, match="NOT NULL"):
        store.save_extractions(
            [extraction(good, (bare_event(),)), extraction(other, (broken_event,))]
        )
    # Nothing of the failed call landed: the first article keeps its old extraction.
    assert store.get_extraction(good.id) == extraction(good, (full_event(),))
    assert not store.has_article(other.id)


def test_bad_stored_value_is_reported(store: Store, tmp_path: Path) -> None:
    a = article()
    store.save_extractions([extraction(a, (full_event(),))])
    with sqlite3.connect(tmp_path / "t.sqlite") as conn:
        conn.execute("UPDATE events SET modality = 'rumoured'")
    with pytest.raises(StoreError, match="rumoured"):
        store.get_extraction(a.id)


# --- listing --------------------------------------------------------------------------


@pytest.fixture
def listed(store: Store) -> Store:
    store.add_articles(
        [
            article("Clashes near Saraqeb.", title="Saraqeb", published=date(2020, 2, 6)),
            article("Strike on Balyun.", title="Balyun strike", published=date(2020, 2, 27)),
            article(
                "RSF fighters in Khartoum.",
                title="Khartoum",
                source="Nile Monitor",
                published=date(2023, 4, 15),
            ),
            article("Undated wire copy about 50% losses.", title=None, published=None),
        ]
    )
    return store


@pytest.mark.parametrize(
    ("filters", "titles"),
    [
        ({}, ["Khartoum", "Balyun strike", "Saraqeb", None]),
        ({"source": "nile monitor"}, ["Khartoum"]),
        ({"source": "Nile"}, []),
        ({"since": date(2020, 2, 27)}, ["Khartoum", "Balyun strike"]),
        ({"until": date(2020, 2, 26)}, ["Saraqeb"]),
        ({"since": date(2020, 2, 1), "until": date(2020, 2, 28)}, ["Balyun strike", "Saraqeb"]),
        ({"text": "balyun"}, ["Balyun strike"]),
        ({"text": "KHARTOUM"}, ["Khartoum"]),
        ({"text": "50%"}, [None]),
        ({"text": "5_%"}, []),  # LIKE wildcards are escaped
        ({"text": "Mosul"}, []),
        ({"limit": 2}, ["Khartoum", "Balyun strike"]),
    ],
)
def test_list_articles_filters(
    listed: Store, filters: dict[str, object], titles: list[str | None]
) -> None:
    assert [r.title for r in listed.list_articles(**filters)] == titles  # type: ignore[arg-type]


def test_list_articles_counts_events(store: Store) -> None:
    a, b = article(), article("Other text.")
    store.add_articles([b])
    store.save_extractions([extraction(a, (full_event(), bare_event()))])
    rows = {r.id: r for r in store.list_articles()}
    assert (rows[a.id].events, rows[a.id].extracted) == (2, True)
    assert (rows[b.id].events, rows[b.id].extracted) == (0, False)
    assert rows[a.id].to_json()["published"] == "2020-02-28"


def test_migrations_render_for_postgresql_without_a_driver() -> None:
    import io

    from alembic import command

    from frontlines.store.migrate import alembic_config

    cfg = alembic_config("postgresql+psycopg://frontlines@db.example/war")
    cfg.output_buffer = io.StringIO()
    command.upgrade(cfg, "head", sql=True)
    sql = cfg.output_buffer.getvalue()
    for table in Base.metadata.tables:
        assert f"CREATE TABLE {table} (" in sql
    assert "SERIAL" in sql  # integer ids become PostgreSQL sequences
    assert "PRAGMA" not in sql and "AUTOINCREMENT" not in sql
