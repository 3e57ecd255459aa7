"""Links between neighbouring mentions (parent or list sibling) and list/parent-aware
resolution, on a hand-built gazetteer of homonyms (no package data, no model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.geo.gazetteer import Gazetteer, GazPlace, IndexWriter
from frontlines.geo.links import find_links, is_abbreviation, names_admin, names_polity
from frontlines.geo.resolver import Resolver, prior
from frontlines.geo.toponyms import Mention

# name, aliases, lat, lon, country, admin1, admin2, fcode, population
PLACES = [
    ("Georgia", [], 42.0, 43.5, "GE", None, None, "PCLI", 3_700_000),
    ("Georgia", ["Ga."], 32.75, -83.5, "US", "GA", None, "ADM1", 10_000_000),
    ("Illinois", ["Ill."], 40.0, -89.25, "US", "IL", None, "ADM1", 13_000_000),
    ("Missouri", ["Mo."], 38.25, -92.5, "US", "MO", None, "ADM1", 6_000_000),
    ("Indiana", ["Ind."], 40.0, -86.25, "US", "IN", None, "ADM1", 6_700_000),
    ("Iran", [], 32.0, 53.0, "IR", None, None, "PCLI", 81_000_000),
    ("Iraq", [], 33.0, 44.0, "IQ", None, None, "PCLI", 38_000_000),
    ("Washington", [], 47.5, -120.5, "US", "WA", None, "ADM1", 7_000_000),
    ("Pennsylvania", ["Pa."], 40.75, -77.75, "US", "PA", None, "ADM1", 12_800_000),
    ("California", [], 37.25, -119.75, "US", "CA", None, "ADM1", 39_000_000),
    ("Scott County", [], 38.69, -85.75, "US", "IN", "143", "ADM2", 24_000),
    ("Atlanta", [], 33.75, -84.39, "US", "GA", None, "PPLA", 470_000),
    ("Tbilisi", [], 41.69, 44.83, "GE", None, None, "PPLC", 1_100_000),
    ("Arak", ["Iraq"], 34.09, 49.69, "IR", "34", None, "PPL", 500_000),
    ("Riverside", ["Illinois"], 39.17, -94.61, "US", "MO", None, "PPL", 3_000),
    ("Washington", [], 38.9, -77.04, "US", "DC", None, "PPLC", 690_000),
    ("Washington", [], 40.17, -80.25, "US", "PA", None, "PPL", 13_500),
    ("Austin", [], 30.27, -97.74, "US", "TX", None, "PPL", 970_000),
    ("Austin", [], 38.76, -85.81, "US", "IN", "143", "PPL", 4_300),
    ("Monroe County", [], 43.15, -77.61, "US", "NY", "055", "ADM2", 750_000),
    ("Monroe County", [], 39.49, -92.0, "US", "MO", "137", "ADM2", 8_600),
    ("Pacific", [], 38.48, -90.74, "US", "MO", None, "PPL", 7_000),
    ("Quebec", [], 52.0, -72.0, "CA", "10", None, "ADM1", 8_000_000),
    ("Quebec", [], 46.81, -71.21, "CA", "10", None, "PPLA", 530_000),
    ("Beaconsfield", [], 51.61, -0.64, "GB", "ENG", None, "PPL", 50_000),
    ("Beaconsfield", [], 45.43, -73.86, "CA", "10", None, "PPL", 19_000),
    ("Pacific Ocean", ["Pacific"], 0.0, -160.0, None, None, None, "OCN", 0),
]
FCLASS = {"PCLI": "A", "ADM1": "A", "ADM2": "A", "OCN": "H"}


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path: Path = tmp_path_factory.mktemp("gaz") / "homonyms.sqlite"
    writer = IndexWriter(path)
    for gid, (name, aliases, lat, lon, cc, a1, a2, fcode, pop) in enumerate(PLACES, 1):
        writer.add(
            name=name,
            names=aliases,
            lat=lat,
            lon=lon,
            country=cc,
            admin1=a1,
            admin2=a2,
            fclass=FCLASS.get(fcode, "P"),
            fcode=fcode,
            population=pop,
            geonameid=gid,
            source="supplement: test" if fcode == "OCN" else "test",
        )
    writer.close()
    return Gazetteer(path)


def mentions(gaz: Gazetteer, text: str, names: list[str]) -> list[Mention]:
    out, pos = [], 0
    for name in names:
        i = text.index(name, pos)
        pos = i + len(name)
        out.append(Mention(i, pos, name, "test", None, gaz.lookup(name)))
    return out


def top(m: Mention) -> GazPlace | None:
    return max(m.candidates, key=lambda c: prior(c, m.text), default=None)


@pytest.mark.parametrize(
    ("text", "names", "parents"),
    [
        ("in Atlanta, Georgia.", ["Atlanta", "Georgia"], [1, None]),
        ("in Illinois, Missouri and Iraq.", ["Illinois", "Missouri", "Iraq"], [None] * 3),
        ("Iraq, Iran and Georgia", ["Iraq", "Iran", "Georgia"], [None] * 3),
        (
            "cases in Washington, Pennsylvania and California",
            ["Washington", "Pennsylvania", "California"],
            [None] * 3,
        ),
        ("A man from Washington, Pa., said", ["Washington", "Pa."], [1, None]),
        ("Austin, in Scott County, Indiana", ["Austin", "Scott County", "Indiana"], [1, 2, None]),
        ("Monroe County in northeast Missouri", ["Monroe County", "Missouri"], [1, None]),
        ("Atlanta said Georgia", ["Atlanta", "Georgia"], [None, None]),
    ],
)
def test_parent_links(
    gaz: Gazetteer, text: str, names: list[str], parents: list[int | None]
) -> None:
    ms = mentions(gaz, text, names)
    assert find_links(ms, [top(m) for m in ms], text).parent == parents


def test_links_do_not_depend_on_mention_order(gaz: Gazetteer) -> None:
    text = "in Atlanta, Georgia."
    ms = mentions(gaz, text, ["Atlanta", "Georgia"])
    links = find_links(ms[::-1], [top(m) for m in ms[::-1]], text)
    assert links.parent == [None, 0]  # Atlanta (now second) has Georgia (first) as parent


def test_list_siblings(gaz: Gazetteer) -> None:
    text = "Illinois, Missouri and Georgia; later Iraq."
    ms = mentions(gaz, text, ["Illinois", "Missouri", "Georgia", "Iraq"])
    assert find_links(ms, [top(m) for m in ms], text).siblings == [[1, 2], [0, 2], [0, 1], []]


def resolve(gaz: Gazetteer, text: str, names: list[str]) -> list[tuple[str, str | None]]:
    res = Resolver().resolve(mentions(gaz, text, names), text)
    return [(r.mention.text, r.place.admin1 or r.place.country if r.place else None) for r in res]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a list of US states makes Georgia the state; a list of countries, the country
        (
            "Cases in Illinois, Georgia and Missouri.",
            ["Illinois", "Georgia", "Missouri"],
            [("Illinois", "IL"), ("Georgia", "GA"), ("Missouri", "MO")],
        ),
        (
            "Iraq, Iran and Georgia were warned.",
            ["Iraq", "Iran", "Georgia"],
            [("Iraq", "IQ"), ("Iran", "IR"), ("Georgia", "GE")],
        ),
        # peers are no parents: Iraq is not the town in Iran, Illinois not the one in Missouri
        ("Iraq, Iran", ["Iraq", "Iran"], [("Iraq", "IQ"), ("Iran", "IR")]),
        ("Illinois, Missouri", ["Illinois", "Missouri"], [("Illinois", "IL"), ("Missouri", "MO")]),
        # the parent takes the child's sense too
        (
            "At the CDC in Atlanta, Georgia.",
            ["Atlanta", "Georgia"],
            [("Atlanta", "GA"), ("Georgia", "GA")],
        ),
        (
            "He flew to Tbilisi, Georgia.",
            ["Tbilisi", "Georgia"],
            [("Tbilisi", "GE"), ("Georgia", "GE")],
        ),
        ("A farm in Washington state.", ["Washington"], [("Washington", "WA")]),
        ("A farm in the state of Washington.", ["Washington"], [("Washington", "WA")]),
        ("Talks in Washington ended.", ["Washington"], [("Washington", "DC")]),
        (
            "A man from Washington, Pa.",
            ["Washington", "Pa."],
            [("Washington", "PA"), ("Pa.", "PA")],
        ),
        # a county parent, and a county resolved in the state the article is about
        (
            "Austin, in Scott County, Indiana.",
            ["Austin", "Scott County", "Indiana"],
            [("Austin", "IN"), ("Scott County", "IN"), ("Indiana", "IN")],
        ),
        (
            "PARIS, Mo. - Missouri troopers said a man was held in Monroe County. Missouri law",
            ["Mo.", "Missouri", "Monroe County", "Missouri"],
            [("Mo.", "MO"), ("Missouri", "MO"), ("Monroe County", "MO"), ("Missouri", "MO")],
        ),
        ("A man was held in Monroe County.", ["Monroe County"], [("Monroe County", "NY")]),
    ],
)
def test_list_and_parent_resolution(
    gaz: Gazetteer, text: str, names: list[str], expected: list[tuple[str, str | None]]
) -> None:
    assert resolve(gaz, text, names) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ky.", True),
        ("B.C.", True),
        ("W.Va.", True),
        ("N.Y.", True),
        ("Calif.", True),
        ("Kentucky", False),
        ("Idlib", False),
        ("US", False),
    ],
)
def test_abbreviation(text: str, expected: bool) -> None:
    assert is_abbreviation(text) is expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("a Washington state farm", "Washington", True),
        ("in the state of Washington", "Washington", True),
        ("northern Idlib province", "Idlib", True),
        ("Ohio State University fans", "Ohio", False),
        ("Washington State Patrol said", "Washington", False),
        ("talks in Washington on Monday", "Washington", False),
    ],
)
def test_names_admin(text: str, name: str, expected: bool) -> None:
    i = text.index(name)
    assert names_admin(text, i, i + len(name)) is expected


def test_the_before_a_sea(gaz: Gazetteer) -> None:
    def best(text: str, names: list[str]) -> tuple[str | None, float]:
        r = Resolver().resolve(mentions(gaz, text, names), text)[0]
        return (r.place.name if r.place else None, r.score)

    with_the = best("Birds on the Pacific side were tested.", ["Pacific"])
    without = best("Birds on Pacific side were tested.", ["Pacific"])
    assert with_the[0] == without[0] == "Pacific Ocean"
    assert with_the[1] == pytest.approx(without[1] + 2.0)
    assert best("Birds in Pacific, Missouri were tested.", ["Pacific", "Missouri"])[0] == "Pacific"


@pytest.mark.parametrize(
    ("text", "names", "country"),
    [
        # Quebec the province or the city: either way a vote for Quebec, Canada
        ("Quebec said Beaconsfield will vote.", ["Quebec", "Beaconsfield"], "CA"),
        ("Officials said Beaconsfield will vote.", ["Beaconsfield"], "GB"),
    ],
)
def test_contenders_that_agree_still_vote(
    gaz: Gazetteer, text: str, names: list[str], country: str
) -> None:
    got = Resolver().resolve(mentions(gaz, text, names), text)[-1].place
    assert got is not None and got.country == country


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials in Illinois said Georgia's government protested.", "GE"),
        ("Officials in Illinois said Georgia's governor protested.", "GA"),
        ("Officials in Illinois said Georgia protested.", "GA"),
    ],
)
def test_polity_words(gaz: Gazetteer, text: str, expected: str) -> None:
    assert resolve(gaz, text, ["Illinois", "Georgia"])[1] == ("Georgia", expected)


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        ("'s president said", True),
        (" government troops", True),
        ("’s foreign ministry", True),
        (" governor said", False),
        (" peaches", False),
        (", the country", False),
    ],
)
def test_names_polity(after: str, expected: bool) -> None:
    text = "Georgia" + after
    assert names_polity(text, len("Georgia")) is expected
