"""Finding place mentions in hand-built Docs (no model): entity routes, matcher, filters."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.toponyms import ToponymFinder
from test_geo_support import build_tiny

VOCAB = spacy.blank("en").vocab


@pytest.fixture(scope="module")
def finder(tmp_path_factory: pytest.TempPathFactory) -> ToponymFinder:
    return ToponymFinder(Gazetteer(build_tiny(tmp_path_factory.mktemp("gaz") / "tiny.sqlite")))


def make_doc(tagged: str) -> Doc:
    """Words as word/POS or word/POS/ENT-IOB, e.g. 'in/ADP Idlib/PROPN/B-ORG ./PUNCT'."""
    words, pos, ents = [], [], []
    for item in tagged.split():
        parts = item.split("/")
        words.append(parts[0])
        pos.append(parts[1])
        ents.append(parts[2] if len(parts) > 2 else "O")
    return Doc(VOCAB, words=words, pos=pos, ents=ents)


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        # the model calls Idlib an ORG: accepted after "in"
        ("Clashes/NOUN erupted/VERB in/ADP Idlib/PROPN/B-ORG ./PUNCT", ["Idlib"]),
        # GPE with a gazetteer entry
        ("Shelling/NOUN hit/VERB Aleppo/PROPN/B-GPE ./PUNCT", ["Aleppo"]),
        # untagged proper noun after a locative preposition: the matcher finds it
        ("Raids/NOUN near/ADP Kafr/PROPN Nabl/PROPN ./PUNCT", ["Kafr Nabl"]),
        # untagged, no preposition, small town: left alone
        ("Kafranbel/PROPN residents/NOUN fled/VERB ./PUNCT", []),
        # leading determiner and demonym trimmed from an ORG-tagged base
        (
            "Drones/NOUN hit/VERB the/DET/B-ORG Russian/ADJ/I-ORG Hmeimim/PROPN/I-ORG Air/PROPN/I-ORG Base/PROPN/I-ORG ./PUNCT",
            ["Hmeimim Air Base"],
        ),
        # a person's name is not a place even when a town has that name
        ("Paris/PROPN/B-PERSON Hilton/PROPN/I-PERSON said/VERB ./PUNCT", []),
        # lower-case GPE slips are dropped
        ("seized/VERB marijuana/NOUN/B-GPE ./PUNCT", []),
        # country after a preposition, unknown name without context dropped
        (
            "Troops/NOUN entered/VERB Syria/PROPN/B-GPE from/ADP Turkey/PROPN/B-GPE ./PUNCT",
            ["Syria", "Turkey"],
        ),
        ("Zorglub/PROPN/B-GPE said/VERB ./PUNCT", []),
    ],
)
def test_find(finder: ToponymFinder, tagged: str, expected: list[str]) -> None:
    doc = make_doc(tagged)
    assert [m.text for m in finder.find(doc, include_demonyms=False)] == expected


@pytest.mark.parametrize(
    ("include", "expected"),
    [(True, [("Turkish", "TR"), ("Idlib", None)]), (False, [("Idlib", None)])],
)
def test_demonyms(
    finder: ToponymFinder, include: bool, expected: list[tuple[str, str | None]]
) -> None:
    doc = make_doc("Turkish/ADJ/B-NORP forces/NOUN deployed/VERB in/ADP Idlib/PROPN/B-GPE ./PUNCT")
    got = [(m.text, m.demonym_of) for m in finder.find(doc, include_demonyms=include)]
    assert got == expected


def test_actor_spans_are_not_places(finder: ToponymFinder) -> None:
    doc = make_doc("Fighters/NOUN from/ADP Idlib/PROPN/B-GPE and/CCONJ Syria/PROPN/B-GPE ./PUNCT")
    doc.spans["fl_actors"] = [Span(doc, 2, 3, label="ACTOR"), Span(doc, 4, 5, label="ACTOR")]
    # Idlib inside an actor span is skipped; a country name stays a place
    assert [m.text for m in finder.find(doc)] == ["Syria"]


def test_offsets_are_character_offsets(finder: ToponymFinder) -> None:
    doc = make_doc("Clashes/NOUN in/ADP Jisr/PROPN al/PROPN -/PUNCT Shughur/PROPN ./PUNCT")
    found = finder.find(doc)
    assert len(found) == 1
    m = found[0]
    assert doc.text[m.start : m.end] == m.text
    assert m.prep == "in"


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        # a province inside an organisation's name is still a place mention
        ("Texas/PROPN/B-ORG State/PROPN/I-ORG Police/PROPN/I-ORG said/VERB ./PUNCT", ["Texas"]),
        # a small town inside one is not
        ("Tinyville/PROPN/B-ORG Public/PROPN/I-ORG Schools/PROPN/I-ORG closed/VERB ./PUNCT", []),
        # names tagged ORG/PERSON next to an accepted place are taken in a second pass
        (
            "Jets/NOUN pounded/VERB Kafr/PROPN/B-ORG Nabl/PROPN/I-ORG and/CCONJ Jisr/PROPN/B-PERSON "
            "al/PROPN/I-PERSON -/PUNCT/I-PERSON Shughur/PROPN/I-PERSON in/ADP Idlib/PROPN/B-GPE ./PUNCT",
            ["Kafr Nabl", "Jisr al - Shughur", "Idlib"],
        ),
        # ... but not without such a neighbour
        ("Jets/NOUN pounded/VERB Kafr/PROPN/B-ORG Nabl/PROPN/I-ORG ./PUNCT", []),
    ],
)
def test_org_names_and_second_pass(finder: ToponymFinder, tagged: str, expected: list[str]) -> None:
    doc = make_doc(tagged)
    assert [m.text for m in finder.find(doc, include_demonyms=False)] == expected


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        # a leader's surname is a person; after "in" it is a place to be confirmed
        ("Obama/PROPN/B-PERSON said/VERB ./PUNCT", []),
        ("a/DET message/NOUN from/ADP Obama/PROPN/B-PERSON ./PUNCT", []),
        ("Flooding/NOUN in/ADP Obama/PROPN/B-GPE ./PUNCT", [("Obama", True)]),
        # a rocket system named like a town: never a place after "a"
        ("a/DET Grad/PROPN/B-ORG launcher/NOUN ./PUNCT", []),
        ("two/NUM Grad/PROPN rockets/NOUN ./PUNCT", []),
        # the town itself, named after a preposition, stays (to be confirmed)
        ("Residents/NOUN of/ADP Grad/PROPN/B-GPE near/ADP Grad/PROPN ./PUNCT", [("Grad", True)]),
        # a common word tagged ORG is not a place without a preposition
        ("Centre/PROPN/B-ORG Paris/PROPN/B-GPE ./PUNCT", [("Paris", False)]),
        # an ordinary place is not doubtful
        ("Shelling/NOUN near/ADP Aleppo/PROPN/B-PERSON ./PUNCT", [("Aleppo", False)]),
    ],
)
def test_nonplaces_in_the_finder(
    finder: ToponymFinder, tagged: str, expected: list[tuple[str, bool]]
) -> None:
    doc = make_doc(tagged)
    got = [(m.text, m.doubtful) for m in finder.find(doc, include_demonyms=False)]
    assert got == expected
