"""locate_event: the place where the event happened, not any place in the sentence."""

from __future__ import annotations

import pytest

from frontlines.geo.locate import locate_event
from frontlines.types import Place

POINTS = {
    "Idlib": (35.93, 36.63, "SY", 1),
    "Turkish": (39.0, 35.0, "TR", 3),
    "Turkey": (39.0, 35.0, "TR", 3),
    "Syria": (35.0, 38.0, "SY", 3),
    "Hmeimim Air Base": (35.4, 35.95, "SY", 1),
    "Kyiv": (50.45, 30.52, "UA", 1),
    "Russia": (60.0, 100.0, "RU", 3),
    "Moscow": (55.75, 37.62, "RU", 1),
    "Aleppo": (36.2, 37.16, "SY", 1),
}


def places_in(text: str, names: list[str]) -> list[Place]:
    out = []
    for name in names:
        i = text.index(name)
        lat, lon, cc, prec = POINTS[name]
        out.append(Place(name, i, i + len(name), name, lat, lon, cc, None, prec))
    return out


@pytest.mark.parametrize(
    ("text", "names", "trigger", "expected"),
    [
        ("Turkish forces deployed in Idlib on Monday.", ["Turkish", "Idlib"], "deployed", "Idlib"),
        (
            "Drones attacked the Russian Hmeimim Air Base in Syria overnight.",
            ["Hmeimim Air Base", "Syria"],
            "attacked",
            "Hmeimim Air Base",
        ),
        ("Russia launched a missile strike on Kyiv.", ["Russia", "Kyiv"], "strike", "Kyiv"),
        ("Turkey said shelling hit Aleppo.", ["Turkey", "Aleppo"], "shelling", "Aleppo"),
        ("Turkish officials condemned the attack.", ["Turkish"], "attack", None),
        # the owner in a possessive is the parent; what it owns takes the preposition
        (
            "Soldiers were killed in an air strike in northwest Syria's Idlib province.",
            ["Syria", "Idlib"],
            "strike",
            "Idlib",
        ),
        ("Shelling hit Syria's Aleppo.", ["Syria", "Aleppo"], "Shelling", "Aleppo"),
        # no possessive: the country after "in" stays the place
        ("Idlib officials said a strike hit in Syria.", ["Idlib", "Syria"], "strike", "Syria"),
    ],
)
def test_locate_event(text: str, names: list[str], trigger: str, expected: str | None) -> None:
    places = places_in(text, names)
    t = text.index(trigger)
    got = locate_event(places, (0, len(text)), (t, t + len(trigger)), text)
    assert (got.text if got else None) == expected


def test_only_places_inside_the_sentence() -> None:
    text = "Clashes erupted in Idlib. Officials met in Moscow."
    places = places_in(text, ["Idlib", "Moscow"])
    first_end = text.index(".") + 1
    got = locate_event(places, (0, first_end), (0, 7), text)
    assert got is not None and got.text == "Idlib"
    second = text.index("Officials")
    got = locate_event(places, (second, len(text)), (second + 10, second + 13), text)
    assert got is not None and got.text == "Moscow"


def test_unresolved_places_are_skipped() -> None:
    text = "Shelling hit Xyzabad."
    p = Place("Xyzabad", 13, 20, None, None, None, None, None, None)
    assert locate_event([p], (0, len(text)), (0, 8), text) is None
