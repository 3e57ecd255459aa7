"""Region phrases: direction, part-of and admin qualifiers, precision and points."""

from __future__ import annotations

import pytest

from frontlines.geo.gazetteer import GazPlace
from frontlines.geo.regions import analyse, precision, shifted_point

TOWN = GazPlace(1, 170063, "Aleppo", 36.2, 37.16, "SY", "09", None, "P", "PPL", 2_000_000, "t")
PROVINCE = GazPlace(2, 169387, "Idlib", 35.8, 36.6, "SY", "12", None, "A", "ADM1", 1_500_000, "t")
COUNTRY = GazPlace(3, 163843, "Syria", 35.0, 38.0, "SY", None, None, "A", "PCLI", 1, "t")


def _span(text: str, name: str) -> tuple[int, int]:
    i = text.index(name)
    return i, i + len(name)


@pytest.mark.parametrize(
    ("text", "name", "direction", "part", "admin", "near", "wants_admin"),
    [
        (
            "shelling in the western countryside of Aleppo",
            "Aleppo",
            "west",
            "countryside",
            None,
            False,
            True,
        ),
        ("raids on southeastern Idlib on Monday", "Idlib", "southeast", None, None, False, False),
        ("villages in northern Hama province", "Hama", "north", None, "province", False, True),
        ("clashes on the outskirts of Khartoum", "Khartoum", None, "outskirts", None, False, False),
        ("fighting in Donetsk oblast", "Donetsk", None, None, "oblast", False, True),
        ("a strike near Bakhmut", "Bakhmut", None, None, None, True, False),
        ("positions south of Robotyne", "Robotyne", "south", None, None, True, False),
        ("the Aleppo countryside", "Aleppo", None, None, "countryside", False, True),
        ("protests in Paris on Sunday", "Paris", None, None, None, False, False),
    ],
)
def test_analyse(
    text: str,
    name: str,
    direction: str | None,
    part: str | None,
    admin: str | None,
    near: bool,
    wants_admin: bool,
) -> None:
    start, end = _span(text, name)
    info = analyse(text, start, end)
    assert (info.direction, info.part, info.admin, info.near) == (direction, part, admin, near)
    assert info.wants_admin is wants_admin
    assert info.start <= start and info.end >= end


def test_phrase_extent() -> None:
    text = "shelling in the western countryside of Aleppo killed two"
    start, end = _span(text, "Aleppo")
    info = analyse(text, start, end)
    assert text[info.start : info.end] == "the western countryside of Aleppo"


@pytest.mark.parametrize(
    ("place", "text", "name", "expected"),
    [
        (TOWN, "in Aleppo", "Aleppo", 1),
        (TOWN, "near Aleppo", "Aleppo", 2),
        (TOWN, "in the western countryside of Aleppo", "Aleppo", 2),
        (PROVINCE, "in Idlib province", "Idlib", 3),
        (PROVINCE, "in southeastern Idlib", "Idlib", 2),
        (COUNTRY, "in northern Syria", "Syria", 3),
    ],
)
def test_precision(place: GazPlace, text: str, name: str, expected: int) -> None:
    start, end = _span(text, name)
    assert precision(place, analyse(text, start, end)) == expected


def test_direction_moves_point_a_little() -> None:
    text = "in the western countryside of Aleppo"
    start, end = _span(text, "Aleppo")
    lat, lon = shifted_point(TOWN, analyse(text, start, end))
    assert lat == pytest.approx(TOWN.lat, abs=0.01)
    assert TOWN.lon - 0.3 < lon < TOWN.lon - 0.05  # west, by some 15 km
    plain = analyse("in Aleppo", 3, 9)
    assert shifted_point(TOWN, plain) == (TOWN.lat, TOWN.lon)
    assert shifted_point(COUNTRY, analyse("in northern Syria", 12, 17)) == (35.0, 38.0)
