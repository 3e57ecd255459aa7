"""Resolver: priors, document focus, parent mentions, abbreviations, rejection."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.resolver import Resolver, haversine_km, prior
from frontlines.geo.toponyms import Mention
from test_geo_support import build_tiny


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return Gazetteer(build_tiny(tmp_path_factory.mktemp("gaz") / "tiny.sqlite"))


def mentions(gaz: Gazetteer, text: str, names: list[str]) -> list[Mention]:
    out, pos = [], 0
    for name in names:
        i = text.index(name, pos)
        pos = i + len(name)
        out.append(Mention(i, pos, name, "test", None, gaz.lookup(name)))
    return out


def resolve(
    gaz: Gazetteer, text: str, names: list[str], **kw: object
) -> list[tuple[str, str | None]]:
    res = Resolver(**kw).resolve(mentions(gaz, text, names), text)  # type: ignore[arg-type]
    return [(r.mention.text, r.place.country if r.place else None) for r in res]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Protests in Paris drew thousands.", ["Paris"], [("Paris", "FR")]),
        ("A shooting in Paris, Texas.", ["Paris", "Texas"], [("Paris", "US"), ("Texas", "US")]),
        (
            "LONDON, Ky. - Police in London said the suspect fled.",
            ["LONDON", "Ky.", "London"],
            [("LONDON", "US"), ("Ky.", "US"), ("London", "US")],
        ),
        ("Talks in London ended.", ["London"], [("London", "GB")]),
        (
            "Shelling hit Idlib and Kafr Nabl in Syria.",
            ["Idlib", "Kafr Nabl", "Syria"],
            [("Idlib", "SY"), ("Kafr Nabl", "SY"), ("Syria", "SY")],
        ),
    ],
)
def test_document_resolution(
    gaz: Gazetteer, text: str, names: list[str], expected: list[tuple[str, str | None]]
) -> None:
    assert resolve(gaz, text, names) == expected


def test_seat_with_unknown_population_is_not_tiny(gaz: Gazetteer) -> None:
    tiny = next(p for p in gaz.lookup("Tinyville"))
    assert prior(tiny, "Tinyville") < prior(gaz.lookup("Kafr Nabl")[0], "Kafr Nabl")


def test_airfield_needs_the_word_air(gaz: Gazetteer) -> None:
    curated = gaz.lookup("Hmeimim Air Base")[0]
    listed = dataclasses.replace(curated, source="airportsdata")
    assert prior(listed, "Hmeimim Air Base") > prior(listed, "Hmeimim") + 4
    # a curated row's short name was added on purpose ("Heathrow", "Hmeimim")
    assert prior(curated, "Hmeimim") == pytest.approx(prior(curated, "Hmeimim Air Base") - 5.0)


def test_threshold_leaves_weak_matches_unresolved(gaz: Gazetteer) -> None:
    text = "He visited Tinyville."
    assert resolve(gaz, text, ["Tinyville"], threshold=2.5) == [("Tinyville", None)]
    assert resolve(gaz, text, ["Tinyville"], threshold=0.0) == [("Tinyville", "NG")]


def test_bias_country(gaz: Gazetteer) -> None:
    text = "Protests in Paris drew thousands."
    assert resolve(gaz, text, ["Paris"], bias_countries=frozenset({"US"})) == [("Paris", "FR")]
    # a bounding box around north Texas outweighs the capital's population only with focus
    text2 = "Protests in Paris and Texas."
    assert resolve(gaz, text2, ["Paris", "Texas"], bias_bbox=(32.0, -97.0, 35.0, -94.0))[0] == (
        "Paris",
        "US",
    )


def test_no_candidates_is_unresolved(gaz: Gazetteer) -> None:
    assert resolve(gaz, "In Atlantis.", ["Atlantis"]) == [("Atlantis", None)]


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((35.93, 36.63), (36.2, 37.16), 57),
        ((48.85, 2.35), (51.51, -0.13), 344),
        ((0, 0), (0, 0), 0),
    ],
)
def test_haversine(a: tuple[float, float], b: tuple[float, float], km: int) -> None:
    assert haversine_km(*a, *b) == pytest.approx(km, abs=3)


def test_tiny_index_file(tmp_path: Path) -> None:
    path = build_tiny(tmp_path / "t.sqlite")
    counts = Gazetteer(path).counts()
    assert counts["places"] == 19 and counts["names"] > 19
