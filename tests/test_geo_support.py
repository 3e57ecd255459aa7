"""A tiny hand-built gazetteer for the geo unit tests (no package data, no model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.geo.gazetteer import Gazetteer, IndexWriter

# name, aliases, lat, lon, country, admin1, fclass, fcode, population, geonameid
TINY_PLACES = [
    ("France", ["French Republic"], 46.0, 2.0, "FR", None, "A", "PCLI", 67_000_000, 3017382),
    ("United States", ["U.S.", "USA"], 39.76, -98.5, "US", None, "A", "PCLI", 327_000_000, 6252001),
    ("Syria", [], 35.0, 38.0, "SY", None, "A", "PCLI", 17_000_000, 163843),
    ("Turkey", [], 39.0, 35.0, "TR", None, "A", "PCLI", 80_000_000, 298795),
    ("Texas", ["Tex."], 31.25, -99.25, "US", "TX", "A", "ADM1", 25_000_000, 4736286),
    ("Kentucky", ["Ky."], 37.5, -85.25, "US", "KY", "A", "ADM1", 4_000_000, 6254925),
    ("Idlib", ["Idlib Governorate"], 35.8, 36.6, "SY", "12", "A", "ADM1", 1_500_000, 169387),
    ("Paris", [], 48.853, 2.349, "FR", "11", "P", "PPLC", 2_138_551, 2988507),
    ("Paris", [], 33.661, -95.556, "US", "TX", "P", "PPL", 24_782, 4717560),
    ("London", [], 51.509, -0.126, "GB", "ENG", "P", "PPLC", 8_961_989, 2643743),
    ("London", [], 37.129, -84.083, "US", "KY", "P", "PPL", 8_000, 4298960),
    ("Idlib", ["Edlib"], 35.931, 36.634, "SY", "12", "P", "PPLA", 128_840, 169389),
    (
        "Kafranbel",
        ["Kafr Nabl", "Kafranbul"],
        35.614,
        36.565,
        "SY",
        "12",
        "P",
        "PPL",
        45_652,
        168661,
    ),
    (
        "Jisr ash Shughur",
        ["Jisr al-Shughur"],
        35.812,
        36.317,
        "SY",
        "12",
        "P",
        "PPL",
        39_311,
        169304,
    ),
    ("Aleppo", ["Halab"], 36.202, 37.161, "SY", "09", "P", "PPL", 2_098_210, 170063),
    ("Tinyville", [], 10.0, 10.0, "NG", "01", "P", "PPL", 12, 9000001),
    # a town that shares a leader's surname, and one named like a rocket system
    ("Obama", [], 35.495, 135.746, "JP", "32", "P", "PPL", 29_435, 1854774),
    ("Grad", [], 46.8, 16.1, "SI", "A1", "P", "PPLA", 686, 3197143),
    (
        "Hmeimim Air Base",
        ["Khmeimim Air Base", "Hmeimim"],
        35.401,
        35.949,
        "SY",
        None,
        "S",
        "AIRB",
        0,
        None,
    ),
]


def build_tiny(path: Path) -> Path:
    writer = IndexWriter(path)
    for name, aliases, lat, lon, cc, a1, fclass, fcode, pop, gid in TINY_PLACES:
        writer.add(
            name=name,
            names=aliases,
            lat=lat,
            lon=lon,
            country=cc,
            admin1=a1,
            fclass=fclass,
            fcode=fcode,
            population=pop,
            geonameid=gid,
            source="supplement: test" if gid is None else "test",
        )
    writer.close()
    return path


@pytest.fixture(scope="session")
def tiny_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return Gazetteer(build_tiny(tmp_path_factory.mktemp("gaz") / "tiny.sqlite"))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kafr Nabl", {"Kafranbel"}),
        ("Jisr al-Shughur", {"Jisr ash Shughur"}),
        ("jisr ash-shughur", {"Jisr ash Shughur"}),
        ("U.S.", {"United States"}),
        ("Paris", {"Paris"}),
        ("Atlantis", set()),
    ],
)
def test_tiny_lookup(tiny_gazetteer: Gazetteer, name: str, expected: set[str]) -> None:
    assert {p.name for p in tiny_gazetteer.lookup(name)} == expected
