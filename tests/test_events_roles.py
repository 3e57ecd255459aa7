"""Actor1/actor2 of events (ACLED actor conventions): our own sentences written in
the manner of wire, monitor and state-media reports about real events."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from frontlines.events.role_conventions import acled_roles
from frontlines.events.roles import ActorRef
from frontlines.pipeline import extract_texts
from frontlines.types import Event

# (sentence, actor1 surface or None, actor2 surface or None) of the main event.
ROLES: list[tuple[str, str | None, str | None]] = [
    # clashes: "X clashed with Y", "clashes between X and Y", "X and Y clashed"
    (
        "Hezbollah fighters clashed with Israeli troops near the border village of"
        " Aitaroun on Tuesday, the Israeli army said.",
        "Hezbollah fighters",
        "Israeli troops",
    ),
    (
        "Heavy clashes broke out between the Malian army and Tuareg rebels near Kidal on Sunday.",
        "Malian army",
        "Tuareg rebels",
    ),
    ("Russian forces fought Ukrainian troops in the streets of Bakhmut.", "Russian", "Ukrainian"),
    # passive: the agent initiates, the subject suffers
    ("Two farmers were killed by Fulani gunmen in Plateau state overnight.", "gunmen", "farmers"),
    (
        "A journalist was shot dead by unidentified gunmen in Culiacan on Friday.",
        "gunmen",
        "journalist",
    ),
    # possessives and nationality modifiers of a noun trigger
    (
        "A Russian missile strike on Kharkiv killed five people, the governor said.",
        "Russian",
        "people",
    ),
    (
        "An Israeli air strike killed five Palestinians in Rafah, medics said.",
        "Israeli",
        "Palestinians",
    ),
    # victims named without the actor dictionary
    ("Gunmen abducted 12 students from a school in Kaduna state on Monday.", "Gunmen", "students"),
    (
        "Al-Shabaab militants stormed a hotel in Mogadishu, killing 21 civilians.",
        "Al-Shabaab",
        "civilians",
    ),
    # arrests: the arresting force, then who was arrested
    (
        "Israeli troops detained a Palestinian journalist in Jenin on Wednesday.",
        "Israeli troops",
        "journalist",
    ),
    (
        "Pakistani police arrested former prime minister Imran Khan in Islamabad.",
        "police",
        "Imran Khan",
    ),
    (
        "Police arrested 40 members of the banned Hizb ut-Tahrir in raids across Dhaka.",
        "Police",
        "Hizb ut-Tahrir",
    ),
    # protests: the demonstrators first, the intervening force second
    (
        "Riot police fired tear gas and water cannon at thousands of protesters in Nairobi.",
        "protesters",
        "police",
    ),
    (
        "Security forces opened fire on demonstrators in Khartoum, killing at least seven people.",
        "demonstrators",
        "Security forces",
    ),
    (
        "Thousands of students marched through Dhaka on Friday to demand quota reform.",
        "students",
        None,
    ),
    # territory: the taker, then the side that lost it
    (
        "Wagner fighters captured the village of Klishchiivka from Ukrainian forces, officials said.",
        "Wagner",
        "Ukrainian forces",
    ),
    (
        "The army said it had retaken the town of Mansourah from the Islamic State.",
        "army",
        "Islamic State",
    ),
    # a claim of responsibility names the actor of an anonymous bombing
    (
        "A roadside bomb struck a police vehicle in Mogadishu, killing three officers;"
        " al-Shabaab claimed the attack.",
        "al-Shabaab",
        "police",
    ),
    # a conjoined subject of a two-sided act names both sides
    (
        "The Sudanese army and the RSF signed a ceasefire deal in Jeddah on Saturday.",
        "Sudanese army",
        "RSF",
    ),
    # the bomber named by the trigger itself is the actor when nobody claimed it
    (
        "Three suicide bombers blew themselves up at a market in Konduga, killing 30 people.",
        "suicide bombers",
        "people",
    ),
    # "stepped on a landmine": the subject is the victim, not the attacker
    ("Two soldiers stepped on a landmine near Gao on Monday.", None, "soldiers"),
    # the target's owner: "rebel positions", "an army base"
    ("The Syrian army shelled rebel positions in the Idlib countryside.", "Syrian army", "rebel"),
    # a place is no actor
    (
        "Russian forces shelled Kherson overnight, the regional governor said.",
        "Russian forces",
        None,
    ),
]

# (sentence, role, surface that must not be an actor in that role)
NOT_ACTORS: list[tuple[str, str, str]] = [
    ("Fierce clashes continued between regime forces and rebels near Saraqeb.", "actor1", "Fierce"),
    # the dead of a clash are not its second side
    (
        "The fighting between the RSF and the army has displaced thousands of families in El Fasher.",
        "actor2",
        "families",
    ),
    # the speaker is not the side the army fought
    ("Soldiers recaptured the village of Damasak, the army said.", "actor2", "army"),
    # the speaker is not the bomber
    ("A suicide bomber struck a mosque in Peshawar on Monday, police said.", "actor1", "police"),
    # a coordinated attack stays two initiators, not a pair of sides
    ("Syrian and Russian warplanes struck Saraqeb on Friday.", "actor2", "Russian warplanes"),
    # police who fired are not the protesters
    ("Police fired tear gas at protesters in Tbilisi on Sunday.", "actor1", "Police"),
]


@pytest.fixture(scope="module")
def extracted() -> dict[str, list[Event]]:
    texts = [t for t, _, _ in ROLES] + [t for t, _, _ in NOT_ACTORS]
    return dict(zip(texts, extract_texts(texts), strict=True))


def _texts(event: Event, role: str) -> list[str]:
    return [a.text for a in event.actors if a.role == role]


def _has(found: list[str], expected: str) -> bool:
    return any(expected in t or t in expected for t in found)


@pytest.mark.parametrize(("text", "actor1", "actor2"), ROLES)
def test_roles(extracted, text, actor1, actor2):
    events = extracted[text]
    assert events, "no event found"
    for role, expected in (("actor1", actor1), ("actor2", actor2)):
        found = _texts(events[0], role)
        if expected is None:
            assert found == [], role
        else:
            assert _has(found, expected), (role, found)


@pytest.mark.parametrize(("text", "role", "wrong"), NOT_ACTORS)
def test_not_actors(extracted, text, role, wrong):
    events = extracted[text]
    assert events, "no event found"
    assert not any(wrong == t or t.endswith(wrong) for t in _texts(events[0], role))


# Hand-built docs: the codebook conventions need no parse.
def _doc(words: list[str], lemmas: list[str], pos: list[str]) -> Doc:
    return Doc(Vocab(), words=words, lemmas=lemmas, pos=pos)


def _ref(start: int, name: str, inter: int | None) -> ActorRef:
    return ActorRef(start, start + 1, start, name, None, inter)


POLICE_DOC = (
    ["Police", "dispersed", "protesters"],
    ["police", "disperse", "protester"],
    ["NOUN", "VERB", "NOUN"],
)


@pytest.mark.parametrize(
    ("sub", "expected1", "expected2"),
    [
        ("Protest with intervention", ["Protesters"], ["Police"]),
        ("Excessive force against protesters", ["Protesters"], ["Police"]),
        ("Violent demonstration", ["Protesters"], ["Police"]),
        # other types keep the syntactic order
        ("Attack", ["Police"], ["Protesters"]),
        ("Arrests", ["Police"], ["Protesters"]),
    ],
)
def test_protest_order(sub, expected1, expected2):
    doc = _doc(*POLICE_DOC)
    a1, a2 = acled_roles(doc, sub, [_ref(0, "Police", 1)], [_ref(2, "Protesters", 6)])
    assert [r.name for r in a1] == expected1
    assert [r.name for r in a2] == expected2


def test_peaceful_protest_finds_demonstrators_in_sentence():
    doc = _doc(
        ["Protesters", "rallied", "in", "Belgrade"],
        ["protester", "rally", "in", "Belgrade"],
        ["NOUN", "VERB", "ADP", "PROPN"],
    )
    a1, a2 = acled_roles(doc, "Peaceful protest", [], [])
    assert [doc[r.start : r.end].text for r in a1] == ["Protesters"]
    assert a2 == ()


def test_protest_without_force_invents_none():
    doc = _doc(
        ["Students", "rallied", "in", "Dhaka"],
        ["student", "rally", "in", "Dhaka"],
        ["NOUN", "VERB", "ADP", "PROPN"],
    )
    _, a2 = acled_roles(doc, "Protest with intervention", [], [])
    assert a2 == ()
