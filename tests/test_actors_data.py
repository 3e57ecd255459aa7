"""The actor dictionary's data files and lookups (no spaCy model needed)."""

from __future__ import annotations

from datetime import date
from itertools import combinations
from pathlib import Path

import pytest

from frontlines.events.actor_data import (
    EXTRA_ENV,
    ActorDataError,
    ActorDictionary,
    ActorEntry,
    normalise,
)


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.bundled()


def _disjoint(a: ActorEntry, b: ActorEntry) -> bool:
    return bool(
        (a.valid_to and b.valid_from and a.valid_to <= b.valid_from)
        or (b.valid_to and a.valid_from and b.valid_to <= a.valid_from)
    )


def test_dictionary_has_at_least_400_named_actors(actors: ActorDictionary) -> None:
    named = [e for e in actors if not e.generic]
    assert len(named) >= 400
    assert len([e for e in actors if e.generic]) >= 20


def test_every_row_is_sourced_and_coded(actors: ActorDictionary) -> None:
    for entry in actors:
        assert entry.source and entry.source.startswith("https://"), entry.id
        assert entry.inter is not None and 1 <= entry.inter <= 8, entry.id
        assert actors.aliases_of(entry.id), entry.id
        if not entry.generic:
            assert entry.country and (len(entry.country) == 2 or entry.country == "INT"), entry.id
        if entry.valid_from and entry.valid_to:
            assert entry.valid_from < entry.valid_to, entry.id
        if entry.successor:
            assert actors.get(entry.successor) is not None, entry.id
            assert entry.valid_to is not None, entry.id


def test_shared_aliases_have_a_disambiguation_rule(actors: ActorDictionary) -> None:
    """Two actors may share words only with disjoint dates or a context cue to tell them apart."""
    groups: dict[str, set[str]] = {}
    for variant, alias, entry in actors.alias_forms():
        if alias.after_demonym:
            continue  # "^peacekeepers" only ever follows a demonym: no standalone clash
        key = "=" + variant if alias.case_sensitive else normalise(variant)
        groups.setdefault(key, set()).add(entry.id)
    unresolved = []
    for key, ids in groups.items():
        entries = [actors.get(i) for i in sorted(ids)]
        for a, b in combinations([e for e in entries if e is not None], 2):
            if not (_disjoint(a, b) or a.context or b.context):
                unresolved.append((key, a.id, b.id))
    assert unresolved == []


@pytest.mark.parametrize(
    ("text", "when", "name", "inter"),
    [
        ("SAA", None, "Military Forces of Syria (2000-2024)", 1),
        ("Syrian army", date(2025, 3, 1), "Military Forces of Syria (2024-)", 1),
        ("Nusra Front", date(2014, 6, 1), "Jabhat al-Nusra", 2),
        ("Nusra Front", date(2019, 6, 1), "Hayat Tahrir al-Sham", 2),
        ("Jabhat al-Nusra", None, "Jabhat al-Nusra", 2),
        ("al Nusra", date(2016, 9, 1), "Jabhat Fateh al-Sham", 2),
        ("Taliban", date(2015, 1, 1), "Taliban", 2),
        ("Taliban", date(2023, 1, 1), "Military Forces of Afghanistan (2021-)", 1),
        ("AMISOM", date(2023, 1, 1), "ATMIS", 8),
        ("Hizballah", None, "Hezbollah", 2),
        ("the Houthis", None, "Houthi Movement", 2),
        ("Ansar Allah", None, "Houthi Movement", 2),
        ("al-Shabab", None, "Al Shabaab", 2),
        ("al Shabaab", None, "Al Shabaab", 2),
        ("Russian troops", None, "Military Forces of Russia (2000-)", 1),
        ("Israel's military", date(2024, 1, 1), "Military Forces of Israel (2022-)", 1),
        ("Israeli forces", date(2014, 7, 20), "Military Forces of Israel (2009-2021)", 1),
        ("Syrian government forces", None, "Military Forces of Syria (2000-2024)", 1),
        ("U.S. forces", date(2019, 1, 1), "Military Forces of the United States (2017-2021)", 1),
        ("Ghanaian police", None, "Police Forces of Ghana", 1),
        ("Syrian civilians", None, "Civilians (Syria)", 7),
        ("Iranian protesters", None, "Protesters (Iran)", 6),
        ("unidentified gunmen", None, "Unidentified Armed Group", 3),
        ("rioters", None, "Rioters", 5),
        ("Séléka", None, "Ex-Seleka", 2),
        ("People's Defense Force", None, "People's Defence Force (PDF)", 2),
    ],
)
def test_lookup(
    actors: ActorDictionary, text: str, when: date | None, name: str, inter: int
) -> None:
    entry = actors.lookup(text, when)
    assert entry is not None
    assert (entry.name, entry.inter) == (name, inter)


@pytest.mark.parametrize(
    "text",
    ["Is", "pdf", "forces", "drones", "Syrian", "the army of volunteers", "Paris"],
)
def test_lookup_negatives(actors: ActorDictionary, text: str) -> None:
    assert actors.lookup(text) is None


def test_case_sensitive_acronyms(actors: ActorDictionary) -> None:
    assert actors.lookup("IS") is not None
    assert actors.lookup("is") is None
    assert actors.lookup("SAF") is not None
    assert actors.lookup("saf") is None


def test_extra_file_is_merged_over_bundled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "mine.tsv"
    header = (
        "id\tname\taliases\tcountry\tside\tinter\tvalid_from\tvalid_to\tsuccessor\tcontext\tsource"
    )
    extra.write_text(
        header + "\n"
        "my_brigade\tExample Brigade\tExample Brigade|=EXB\tSY\topposition\t2\t\t\t\t\thttps://example.org\n"
        "hamas\tHamas (renamed)\tHamas\tPS\tPalestinian armed groups\t2\t\t\t\t\thttps://example.org\n",
        encoding="utf-8",
    )
    monkeypatch.setenv(EXTRA_ENV, str(extra))
    merged = ActorDictionary.bundled()
    assert merged.lookup("EXB") is not None
    assert merged.lookup("exb") is None
    hamas = merged.lookup("Hamas")
    assert hamas is not None and hamas.name == "Hamas (renamed)"
    assert len(merged) == len(ActorDictionary.from_files(*_bundled_paths())) + 1


def _bundled_paths() -> tuple[Path, Path, Path]:
    from frontlines.eval.common import bundled

    return (
        bundled("actors", "actors.tsv"),
        bundled("actors", "generic.tsv"),
        bundled("actors", "demonyms.tsv"),
    )


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("x\tX\tX\tSY\t\t9\t\t\t\t\thttps://e.org", "inter 9"),
        ("x\tX\tX\tSY\t\t2\t2020-13-01\t\t\t\thttps://e.org", "bad date"),
        ("\tX\tX\tSY\t\t2\t\t\t\t\thttps://e.org", "required"),
    ],
)
def test_bad_extra_rows_raise(tmp_path: Path, row: str, message: str) -> None:
    header = (
        "id\tname\taliases\tcountry\tside\tinter\tvalid_from\tvalid_to\tsuccessor\tcontext\tsource"
    )
    path = tmp_path / "bad.tsv"
    path.write_text(header + "\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ActorDataError, match=message):
        ActorDictionary.from_files(*_bundled_paths(), extra=[path])


def test_missing_extra_file_raises(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(EXTRA_ENV, str(tmp_path / "nope.tsv"))
    with pytest.raises(ActorDataError):
        ActorDictionary.bundled()
