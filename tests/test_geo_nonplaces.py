"""Names that are not places: apps, agencies, offices used as speakers, leaders, weapons.

Hand-built Docs (no model): the verdict of ``judge`` and the confirmation of doubtful
mentions by the document's countries.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from frontlines.geo.gazetteer import GazPlace
from frontlines.geo.nonplaces import DOUBT, DROP, confirmed, judge, nonplaces

VOCAB = spacy.blank("en").vocab


def make_doc(tagged: str) -> Doc:
    """Words as word/POS, e.g. 'posted/VERB on/ADP Telegram/PROPN'."""
    words, pos = [], []
    for item in tagged.split():
        word, tag = item.rsplit("/", 1)
        words.append(word)
        pos.append(tag)
    return Doc(VOCAB, words=words, pos=pos)


@pytest.mark.parametrize(
    ("tagged", "start", "end", "label", "expected"),
    [
        # platforms and agencies are never places, whatever the preposition
        ("a/DET video/NOUN posted/VERB on/ADP Telegram/PROPN", 4, 5, "ORG", DROP),
        ("she/PRON said/VERB on/ADP Telegram/PROPN", 3, 4, "ORG", DROP),
        ("Reuters/PROPN reported/VERB", 0, 1, "ORG", DROP),
        ("in/ADP Al/PROPN Jazeera/PROPN footage/NOUN", 1, 3, "ORG", DROP),
        # an office is a speaker unless someone is in, at or near it
        ("The/DET White/PROPN House/PROPN estimated/VERB", 1, 3, "ORG", DROP),
        ("condemned/VERB by/ADP the/DET White/PROPN House/PROPN", 3, 5, "ORG", DROP),
        ("a/DET ceremony/NOUN at/ADP the/DET White/PROPN House/PROPN", 4, 6, "FAC", None),
        ("who/PRON is/AUX in/ADP the/DET White/PROPN House/PROPN", 4, 6, "FAC", None),
        (
            "officials/NOUN at/ADP the/DET White/PROPN House/PROPN and/CCONJ the/DET Kremlin/PROPN",
            7,
            8,
            "FAC",
            None,
        ),
        (
            "The/DET White/PROPN House/PROPN and/CCONJ the/DET Kremlin/PROPN said/VERB",
            5,
            6,
            "ORG",
            DROP,
        ),
        ("a/DET pro/ADJ -/PUNCT Kremlin/PROPN blogger/NOUN", 3, 4, "ORG", DROP),
        # leaders: dropped, or doubtful after a strong locative preposition
        ("Kafranbel/PROPN falls/VERB to/ADP Assad/PROPN", 3, 4, "PERSON", DOUBT),
        ("Putin/PROPN said/VERB", 0, 1, "PERSON", DROP),
        ("a/DET message/NOUN from/ADP Erdogan/PROPN", 3, 4, "PERSON", DROP),
        # weapons named like towns
        ("a/DET Grad/PROPN multiple/ADJ rocket/NOUN launcher/NOUN", 1, 2, "ORG", DROP),
        # an unknown single PERSON token after a title or "by" is a person
        ("President/PROPN Kiir/PROPN said/VERB", 1, 2, "PERSON", DROP),
        ("attacked/VERB by/ADP Dagalo/PROPN", 2, 3, "PERSON", DROP),
        # ... but "to" a country or province tagged PERSON stays a place
        ("fled/VERB to/ADP Jordan/PROPN", 2, 3, "PERSON", None),
        # ordinary places are left alone
        ("fighting/NOUN in/ADP Idlib/PROPN", 2, 3, "GPE", None),
        ("shelling/NOUN near/ADP Aleppo/PROPN", 2, 3, "PERSON", None),
    ],
)
def test_judge(tagged: str, start: int, end: int, label: str, expected: str | None) -> None:
    doc = make_doc(tagged)
    countryish = doc[start:end].text == "Jordan"
    assert judge(doc, doc[start:end], label, countryish) == expected


def test_list_is_read_with_aliases() -> None:
    table = nonplaces()
    assert table["telegram"] == "platform"
    assert table["zelenskyy"] == table["zelensky"] == "person"
    assert table["white house"] == "office"
    # names that are places in their own right are not on the list
    for name in ("washington", "jackson", "austin", "idlib", "fars"):
        assert name not in table


def _place(name: str, cc: str, fclass: str, pop: int) -> GazPlace:
    return GazPlace(
        id=1,
        geonameid=None,
        name=name,
        lat=0.0,
        lon=0.0,
        country=cc,
        admin1=None,
        admin2=None,
        fclass=fclass,
        fcode="PPL" if fclass == "P" else "ADM1",
        population=pop,
        source="test",
    )


@pytest.mark.parametrize(
    ("candidates", "countries", "expected"),
    [
        ([_place("Obama", "JP", "P", 29_000)], {"JP"}, "Obama"),
        ([_place("Obama", "JP", "P", 29_000)], {"SY", "TR"}, None),
        ([_place("Grad", "SI", "A", 700)], {"SI"}, None),  # a town, not a province
        ([], {"SY"}, None),
    ],
)
def test_confirmed(candidates: list[GazPlace], countries: set[str], expected: str | None) -> None:
    got = confirmed(candidates, countries)
    assert (got.name if got else None) == expected
