"""Build helpers: the streaming JSON reader, the admin representative point, and the
lookup's spelled-out abbreviations (no package data)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontlines.geo.build import extent_centre, iter_json_object
from frontlines.geo.gazetteer import Gazetteer, IndexWriter, expand_abbreviations
from frontlines.geo.resolver import haversine_km

CITIES = {
    str(i): {
        "geonameid": i,
        "name": f"Town {i}",
        "latitude": 10.0 + i / 100,
        "longitude": -5.0 - i / 100,
        "alternatenames": ["Сёло", 'Village "quoted" {braces}', f"T{i}"],
    }
    for i in range(300)
}


@pytest.mark.parametrize("chunk", [7, 64, 1000, 1 << 20])
@pytest.mark.parametrize("indent", [None, 2])
def test_iter_json_object_matches_json_load(tmp_path: Path, chunk: int, indent: int | None) -> None:
    path = tmp_path / "cities.json"
    path.write_text(json.dumps(CITIES, indent=indent, ensure_ascii=indent is None), "utf-8")
    assert dict(iter_json_object(path, chunk=chunk)) == CITIES


@pytest.mark.parametrize(
    ("content", "expected"),
    [("{}", {}), (' { "a" : {"x": 1} , "b": [1, 2] } ', {"a": {"x": 1}, "b": [1, 2]})],
)
def test_iter_json_object_small(tmp_path: Path, content: str, expected: dict[str, object]) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, "utf-8")
    assert dict(iter_json_object(path, chunk=3)) == expected


@pytest.mark.parametrize("content", ["[1, 2]", '{"a": {"x": 1}', '{"a" {"x": 1}}'])
def test_iter_json_object_rejects_bad_input(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, "utf-8")
    with pytest.raises((ValueError, IndexError)):
        dict(iter_json_object(path, chunk=4))


def test_extent_centre_ignores_where_towns_crowd() -> None:
    # 90 towns crowd the east end of a 10-degree-wide province; ten spread over the rest
    lons = [109.5 + i / 100 for i in range(90)] + [100.0 + i for i in range(10)]
    lats = [30.0] * 100
    lat, lon = extent_centre(lats, lons)
    mean = sum(lons) / len(lons)
    assert lat == 30.0
    assert abs(lon - 105.0) < abs(mean - 105.0)


@pytest.mark.parametrize(
    ("lons", "expected_lon"),
    [
        ([178.0, 179.0, -179.0, -178.0], 180.0),  # across the antimeridian, not at 0
        ([10.0, 20.0], 15.0),
    ],
)
def test_extent_centre_longitudes(lons: list[float], expected_lon: float) -> None:
    _, lon = extent_centre([0.0] * len(lons), lons)
    assert haversine_km(0, lon, 0, expected_lon) < 120


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("st petersburg", "saint petersburg"),
        ("mt pleasant", "mount pleasant"),
        ("ft worth", "fort worth"),
        ("plymouth co", "plymouth county"),
        ("st", "st"),
        ("idlib", "idlib"),
        ("costa rica", "costa rica"),
    ],
)
def test_expand_abbreviations(key: str, expected: str) -> None:
    assert expand_abbreviations(key) == expected


def test_lookup_spells_out_only_when_needed(tmp_path: Path) -> None:
    writer = IndexWriter(tmp_path / "g.sqlite")
    writer.add(name="Plymouth County", lat=42.7, lon=-96.2, country="US", fcode="ADM2")
    writer.add(name="Saint Cloud", lat=45.56, lon=-94.16, country="US", fcode="PPL")
    writer.add(name="St. Cloud", lat=28.25, lon=-81.28, country="US", fcode="PPL")
    writer.close()
    gaz = Gazetteer(tmp_path / "g.sqlite")
    assert [p.name for p in gaz.lookup("PLYMOUTH CO.")] == ["Plymouth County"]
    assert [p.name for p in gaz.lookup("St. Cloud")] == ["St. Cloud"]  # exact name first
    assert gaz.lookup("Plymouth Rock") == ()
