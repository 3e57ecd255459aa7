"""The geocoder on the real index and model: contains / leaves out checks on report-like text."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.geo import Geocoder, locate_event
from frontlines.types import Place

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "geo"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from frontlines.nlp import shared_model

    return shared_model()


@pytest.fixture(scope="session")
def geocoder() -> Geocoder:
    return Geocoder.default()


def places(nlp, geocoder: Geocoder, text: str) -> dict[str, Place]:  # type: ignore[no-untyped-def]
    return {p.text: p for p in geocoder.geoparse(nlp(text))}


def near(p: Place, lat: float, lon: float, deg: float = 0.6) -> bool:
    return (
        p.lat is not None
        and p.lon is not None
        and abs(p.lat - lat) < deg
        and abs(p.lon - lon) < deg
    )


@pytest.mark.parametrize(
    ("text", "expect", "absent"),
    [
        (
            "Syrian and Russian warplanes pounded Kafr Nabl and Jisr al-Shughur in Idlib province, the Syrian Observatory for Human Rights said.",
            {"Kafr Nabl": (35.61, 36.56), "Jisr al-Shughur": (35.81, 36.32), "Idlib": (35.9, 36.6)},
            ["Syrian", "Russian", "Syrian Observatory for Human Rights"],
        ),
        (
            "Hezbollah fighters fired rockets from southern Lebanon, and the Russian Hmeimim Air Base in Syria was put on alert.",
            {"Lebanon": (33.83, 35.83), "Hmeimim Air Base": (35.4, 35.95), "Syria": (35.0, 38.0)},
            ["Hezbollah", "Russian"],
        ),
        (
            "Ukrainian forces advanced near Robotyne in Zaporizhzhia oblast, while shelling hit Kharkiv.",
            {"Robotyne": (47.45, 35.84), "Kharkiv": (49.99, 36.23)},
            ["Ukrainian"],
        ),
        (
            "On 5 May 2019, regime forces shelled Kafr Nabl (Ma'arrat An Nu'man, Idleb). 3 fatalities.",
            {"Kafr Nabl": (35.61, 36.56), "Idleb": (35.9, 36.6)},
            ["May", "regime"],
        ),
        (
            "On 12 June 2022, Russian forces shelled Siversk (Bakhmutskyi, Donetsk). No casualties.",
            {"Siversk": (48.87, 38.1)},
            ["Russian", "June"],
        ),
        (
            "Police in Paris, Texas, arrested a man after a shooting, Mr Johnson said.",
            {"Paris": (33.66, -95.56), "Texas": (31.0, -99.0)},
            ["Johnson", "Mr Johnson"],
        ),
        # landmarks news names alone; a list of US states; a list of countries
        (
            "Officials at the White House and the Kremlin traded accusations after the flight from Heathrow landed.",
            {"White House": (38.9, -77.04), "Kremlin": (55.75, 37.62), "Heathrow": (51.47, -0.45)},
            ["Officials"],
        ),
        # apps, leaders, offices as speakers and weapons are not places
        (
            "Prigozhin said in a video posted on Telegram that his men held Bakhmut.",
            {"Bakhmut": (48.59, 38.0)},
            ["Telegram", "Prigozhin"],
        ),
        (
            "Kafranbel, the town of the banners, falls to Assad as the world looks away.",
            {"Kafranbel": (35.61, 36.56)},
            ["Assad"],
        ),
        (
            "The White House estimated that Russia had lost 20,000 men near Bakhmut.",
            {"Russia": (60.0, 100.0), "Bakhmut": (48.59, 38.0)},
            ["White House", "The White House"],
        ),
        (
            "Shelling near Kharkiv destroyed a Grad multiple rocket launcher.",
            {"Kharkiv": (49.99, 36.23)},
            ["Grad"],
        ),
        (
            "Salmonella cases were reported in Arizona, California, Georgia, Illinois and Missouri.",
            {"Georgia": (32.75, -83.5), "Illinois": (40.0, -89.25)},
            ["Salmonella"],
        ),
        (
            "Delegations from Armenia, Azerbaijan, Georgia and Iraq met in Vienna.",
            {"Georgia": (42.0, 43.5), "Iraq": (33.0, 44.0)},
            ["Delegations"],
        ),
        (
            "An HIV outbreak hit Austin, in Scott County, Indiana, last year.",
            {"Austin": (38.76, -85.81), "Indiana": (40.0, -86.25)},
            ["HIV"],
        ),
    ],
)
def test_geoparse(
    nlp, geocoder: Geocoder, text: str, expect: dict[str, tuple[float, float]], absent: list[str]
) -> None:  # type: ignore[no-untyped-def]
    found = places(nlp, geocoder, text)
    for name, (lat, lon) in expect.items():
        assert name in found, (name, sorted(found))
        assert near(found[name], lat, lon, deg=1.5), (name, found[name])
    for name in absent:
        assert name not in found


@pytest.mark.parametrize(
    ("text", "name", "lat", "lon"),
    [
        # a unit named with its admin word, which the index does not hold as one name
        ("Jets flew over Idlib province on Monday.", "Idlib province", 35.8, 36.6),
        ("Clashes were reported in Fars Province, the agency said.", "Fars Province", 29.0, 53.0),
        # frontline places the PyPI extracts lack or spell otherwise
        (
            "Army units liberate Maarat al-Numan city after fierce battles.",
            "Maarat al-Numan",
            35.64,
            36.67,
        ),
        ("Ukrainian troops retook Klishchiivka, south of Bakhmut.", "Klishchiivka", 48.53, 37.96),
    ],
)
def test_missing_places(
    nlp, geocoder: Geocoder, text: str, name: str, lat: float, lon: float
) -> None:  # type: ignore[no-untyped-def]
    # the tagger may leave the admin word out of the name ("Idlib" province)
    found = [p for t, p in places(nlp, geocoder, text).items() if t.startswith(name.split()[0])]
    assert found, text
    assert all(near(p, lat, lon, deg=1.0) for p in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Idlib province", [("Idlib", "ADM1")]),
        ("Idlib governorate", [("Idlib", "ADM1")]),
        ("Texas State", []),  # "State" is left alone: "Ohio State" is a university
        ("Zorglub province", []),
        ("Tinyville", []),  # no admin word: left as it is
    ],
)
def test_admin_word_dropped_for_lookup(
    tmp_path: Path, text: str, expected: list[tuple[str, str]]
) -> None:
    from frontlines.geo.gazetteer import Gazetteer
    from frontlines.geo.toponyms import Mention
    from test_geo_support import build_tiny

    tiny = Geocoder(Gazetteer(build_tiny(tmp_path / "tiny.sqlite")))
    m = tiny._without_admin_word(Mention(0, len(text), text, "ner", "GPE", ()))
    assert [(c.name, c.fcode) for c in m.candidates] == expected
    assert m.admin_hint is bool(expected)


@pytest.mark.parametrize(
    ("text", "lat", "lon"),
    [
        ("Rebels attacked Syrian forces near the town of Nayrab, east of Idlib.", 35.87, 36.72),
        ("Fighters entered al-Nayrab on the M4 highway.", 35.87, 36.72),
        # Aleppo's military airport shares the name; only its own words lead there
        ("Drones struck the Nayrab airbase near Aleppo.", 36.18, 37.22),
    ],
)
def test_nayrab_village_or_airbase(
    nlp, geocoder: Geocoder, text: str, lat: float, lon: float
) -> None:  # type: ignore[no-untyped-def]
    found = [p for p in geocoder.geoparse(nlp(text)) if "Nayrab" in p.text]
    assert found, text
    assert all(near(p, lat, lon, deg=0.1) for p in found), found


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        # the text names the unit, and that sense holds for the name's later mentions
        (
            "A cow from a Washington state farm tested positive. Washington officials said so.",
            (47.5, -120.5),
        ),
        ("Washington Gov. Jay Inslee signed the bill.", (47.5, -120.5)),
        ("Talks in Washington ended without a deal.", (38.9, -77.04)),
    ],
)
def test_state_or_capital(nlp, geocoder: Geocoder, text: str, expect: tuple[float, float]) -> None:  # type: ignore[no-untyped-def]
    got = [p for p in geocoder.geoparse(nlp(text)) if p.text == "Washington"]
    assert got and all(near(p, *expect, deg=1.0) for p in got), got


def test_region_phrase_precision(nlp, geocoder: Geocoder) -> None:  # type: ignore[no-untyped-def]
    text = "Clashes in the western countryside of Aleppo and in Homs killed five."
    found = places(nlp, geocoder, text)
    assert found["Aleppo"].precision == 2
    assert found["Homs"].precision == 1


def test_offsets_shift_with_the_slice(
    nlp, geocoder: Geocoder, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    article = "HEADLINE\n\nShelling hit Aleppo on Monday."
    body_start = article.index("Shelling")
    doc = nlp(article[body_start:])
    got = geocoder.geoparse(doc, offset=body_start, text=article)
    assert [(p.text, article[p.start : p.end]) for p in got] == [("Aleppo", "Aleppo")]
    assert "offset" not in caplog.text
    geocoder.geoparse(doc, offset=0, text=article)
    assert "doc.text is not text[offset" in caplog.text


def test_locate_event_on_geoparse(nlp, geocoder: Geocoder) -> None:  # type: ignore[no-untyped-def]
    text = "Turkish forces deployed in Idlib on Monday."
    found = geocoder.geoparse(nlp(text))
    t = text.index("deployed")
    loc = locate_event(found, (0, len(text)), (t, t + 8), text)
    assert loc is not None and loc.text == "Idlib"


@pytest.mark.skipif(not (SHARED / "GeoVirus.xml").exists(), reason="needs ../shared/data")
def test_geovirus_sample(nlp, geocoder: Geocoder) -> None:  # type: ignore[no-untyped-def]
    from frontlines.eval.geo import read_geovirus, score_docs

    docs = read_geovirus(SHARED / "GeoVirus.xml")[:10]
    row = score_docs(geocoder, docs, False, [nlp(d.text) for d in docs]).row()
    assert row["acc161_gold_spans"] >= 0.7
    assert row["toponym_f1"] >= 0.7


@pytest.mark.parametrize(
    ("text", "name", "precision"),
    [
        ("Russian forces shelled Siversk (Bakhmutskyi, Donetsk). No casualties.", "Donetsk", 3),
        ("Fighting continued in Donetsk oblast overnight.", "Donetsk", 3),
        ("Missiles hit central Donetsk overnight.", "Donetsk", 1),
        ("Heavy shelling hit southeastern Idlib.", "Idlib", 2),
    ],
)
def test_province_or_town(nlp, geocoder: Geocoder, text: str, name: str, precision: int) -> None:  # type: ignore[no-untyped-def]
    found = places(nlp, geocoder, text)
    assert found[name].precision == precision
