"""quantities: what is counted, what happened to it, and numbers that are no counts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc
from spacy.vocab import Vocab

from frontlines.events.quantities import find_quantities, quantities_in_text
from frontlines.events.quantity_lexicon import equipment_at

# (sentence, [(kind, category, status, low, best, high, text), ...])
CASES = [
    (
        "Syrian government air strikes killed 33 Turkish soldiers in Idlib.",
        [("fatalities", "soldiers", None, 33, 33, 33, "33 Turkish soldiers")],
    ),
    (
        "33 soldiers were killed and 12 wounded.",
        [
            ("fatalities", "soldiers", None, 33, 33, 33, "33 soldiers"),
            ("injured", None, None, 12, 12, 12, "12"),
        ],
    ),
    (
        "The death toll rose to 33, officials said.",
        [("fatalities", None, None, 33, 33, 33, "33")],
    ),
    (
        "The attack killed at least 33 and wounded dozens.",
        [
            ("fatalities", None, None, 33, 33, None, "at least 33"),
            ("injured", None, None, 12, 12, None, "dozens"),
        ],
    ),
    ("33 dead in the shelling.", [("fatalities", None, None, 33, 33, 33, "33")]),
    # casualties are killed *or* wounded: no fatality figure (ACLED does not code them)
    ("There were dozens of casualties.", []),
    (
        "Ukrainian forces destroyed 5 tanks and 3 armoured vehicles near Izium.",
        [
            ("equipment", "tank", "destroyed", 5, 5, 5, "5 tanks"),
            ("equipment", "armoured vehicle", "destroyed", 3, 3, 3, "3 armoured vehicles"),
        ],
    ),
    (
        "Turkish jets shot down two Syrian helicopters over Idlib.",
        [("equipment", "helicopter", "shot down", 2, 2, 2, "two Syrian helicopters")],
    ),
    (
        "Turkey sent 5,000 troops and 100 tanks into northern Syria.",
        [
            ("deployed", "troops", None, 5000, 5000, 5000, "5,000 troops"),
            ("deployed", "tank", None, 100, 100, 100, "100 tanks"),
        ],
    ),
    (
        "A convoy of 100 vehicles entered Idlib.",
        [("deployed", "truck", None, 100, 100, 100, "100 vehicles")],
    ),
    (
        "Rebels captured 600 square kilometres in the offensive.",
        [("area", None, "captured", 600, 600, 600, "600 square kilometres")],
    ),
    (
        "The army said it had liberated 250 hectares of farmland.",
        [("area", None, "captured", 2.5, 2.5, 2.5, "250 hectares")],
    ),
    (
        "Police arrested 15 protesters and detained two journalists.",
        [
            ("arrested", "civilians", None, 15, 15, 15, "15 protesters"),
            ("arrested", "civilians", None, 2, 2, 2, "two journalists"),
        ],
    ),
    (
        "Gunmen kidnapped 27 students from a school.",
        [("abducted", "civilians", None, 27, 27, 27, "27 students")],
    ),
    (
        "The fighting displaced 1,200 families and 300 people fled.",
        [
            ("displaced", "civilians", None, 1200, 1200, 1200, "1,200 families"),
            ("displaced", None, None, 300, 300, 300, "300 people"),
        ],
    ),
    (
        "The ministry said its forces neutralized up to 40 militants and destroyed three Su-25 jets.",
        [
            ("fatalities", "fighters", None, None, None, 40, "up to 40 militants"),
            ("equipment", "aircraft", "destroyed", 3, 3, 3, "three Su-25 jets"),
        ],
    ),
    (
        "Between 15 and 20 civilians were killed.",
        [("fatalities", "civilians", None, 15, 15, 20, "Between 15 and 20 civilians")],
    ),
    (
        "The shells claimed the lives of two people, injuring 13 others.",
        [
            ("fatalities", None, None, 2, 2, 2, "two people"),
            ("injured", None, None, 13, 13, 13, "13 others"),
        ],
    ),
    (
        "More than 280,000 people have been killed and millions have been displaced.",
        [
            ("fatalities", None, None, 280_000, 280_000, None, "More than 280,000 people"),
            ("displaced", None, None, 1_000_000, 1_000_000, None, "millions"),
        ],
    ),
    (
        "Kyiv said 12 Russian soldiers were taken prisoner.",
        [("arrested", "soldiers", None, 12, 12, 12, "12 Russian soldiers")],
    ),
]

CASES += [
    (
        "Air defences shot down a Mi-8 helicopter and a Su-25 near Bakhmut.",
        [
            ("equipment", "helicopter", "shot down", 1, 1, 1, "a Mi-8 helicopter"),
            ("equipment", "aircraft", "shot down", 1, 1, 1, "a Su-25"),
        ],
    ),
    (
        "A soldier was killed and a civilian wounded in the shelling.",
        [
            ("fatalities", "soldiers", None, 1, 1, 1, "A soldier"),
            ("injured", "civilians", None, 1, 1, 1, "a civilian"),
        ],
    ),
    (
        "Losses over the past day included 12 tanks, 25 armoured combat vehicles and 9 artillery systems.",
        [
            ("equipment", "tank", None, 12, 12, 12, "12 tanks"),
            ("equipment", "armoured vehicle", None, 25, 25, 25, "25 armoured combat vehicles"),
            ("equipment", "artillery", None, 9, 9, 9, "9 artillery systems"),
        ],
    ),
    (
        "Kidnappers seized 42 people from the school and seized 3 trucks.",
        [
            ("abducted", None, None, 42, 42, 42, "42 people"),
            ("equipment", "truck", "captured", 3, 3, 3, "3 trucks"),
        ],
    ),
    (
        "Troops rescued 16 hostages and killed eight bandits.",
        [
            ("abducted", None, None, 16, 16, 16, "16 hostages"),
            ("fatalities", "fighters", None, 8, 8, 8, "eight bandits"),
        ],
    ),
    (
        "A car bomb killed at least 26 displaced people and left 20 wounded soldiers in hospital.",
        [
            ("fatalities", None, None, 26, 26, None, "at least 26 displaced people"),
            ("injured", "soldiers", None, 20, 20, 20, "20 wounded soldiers"),
        ],
    ),
]

CASES += [
    (
        "Gunmen shot dead four herders in Benue.",
        [("fatalities", "civilians", None, 4, 4, 4, "four herders")],
    ),
    (
        "A police officer was shot dead at a checkpoint.",
        [("fatalities", "soldiers", None, 1, 1, 1, "A police officer")],
    ),
    ("Both sides have lost thousands of troops.", []),
]

# A number belongs to the noun it counts and to that noun's verb; a part of a figure
# takes the figure's kind; casualties, partitives and negated vague words are no tolls.
CASES += [
    (
        "At least 3 crew were killed and 4 injured, two of them critically.",
        [
            ("fatalities", None, None, 3, 3, None, "At least 3 crew"),
            ("injured", None, None, 4, 4, 4, "4"),
            ("injured", None, None, 2, 2, 2, "two"),
        ],
    ),
    (
        "Two of the dead were Filipino, the ministry said.",
        [("fatalities", None, None, 2, 2, 2, "Two of the dead")],
    ),
    (
        "Three of the wounded later died in hospital.",
        [("fatalities", None, None, 3, 3, 3, "Three of the wounded")],
    ),
    (
        "The spokesman said the strikes, which he put at 73, had killed five of the group's "
        "fighters.",
        [("fatalities", "fighters", None, 5, 5, 5, "five of the group's fighters")],
    ),
    (
        "Troops killed 12 of the militia's fighters.",
        [("fatalities", "fighters", None, 12, 12, 12, "12 of the militia's fighters")],
    ),
    (
        "Israeli strikes killed 9 of Hamas' commanders.",
        [("fatalities", None, None, 9, 9, 9, "9 of Hamas' commanders")],
    ),
    (
        "Russia had suffered more than 100,000 casualties, including more than 20,000 killed.",
        [("fatalities", None, None, 20000, 20000, None, "more than 20,000")],
    ),
    (
        "The enemy lost up to 240 servicemen and 5 tanks.",
        [("equipment", "tank", None, 5, 5, 5, "5 tanks")],
    ),
    (
        "The attack killed dozens of people, many of them children.",
        [("fatalities", None, None, 12, 12, None, "dozens of people")],
    ),
    (
        "Many civilians were killed.",
        [("fatalities", "civilians", None, 3, 10, None, "Many civilians")],
    ),
    (
        "Strikes killed 40 people in a camp where displaced families had sheltered, "
        "including 12 children.",
        [
            ("fatalities", None, None, 40, 40, 40, "40 people"),
            ("fatalities", "civilians", None, 12, 12, 12, "12 children"),
        ],
    ),
    (
        "Rebels seized 12 vehicles, including 3 tanks.",
        [
            ("equipment", "truck", "captured", 12, 12, 12, "12 vehicles"),
            ("equipment", "tank", "captured", 3, 3, 3, "3 tanks"),
        ],
    ),
    (
        "Militants stormed the base, killing 15 of them.",
        [("fatalities", None, None, 15, 15, 15, "15")],
    ),
]

# "N of the M <noun>" counts N of them; missiles count only when shot down; nouns
# missing from people.tsv still count after a verb only people undergo.
CASES += [
    (
        "The air force said it shot down 87 of the 122 missiles and all 36 drones.",
        [
            ("equipment", "missile", "shot down", 87, 87, 87, "87 of the 122 missiles"),
            ("equipment", "drone", "shot down", 36, 36, 36, "36 drones"),
        ],
    ),
    (
        "Gunmen killed 3 of the 5 soldiers at the post.",
        [("fatalities", "soldiers", None, 3, 3, 3, "3 of the 5 soldiers")],
    ),
    (
        "The destroyer shot down three land-attack cruise missiles over the Red Sea.",
        [("equipment", "missile", "shot down", 3, 3, 3, "three land-attack cruise missiles")],
    ),
    (
        "A suicide bomber killed at least 60 Afghans and 13 U.S. service members.",
        [
            ("fatalities", None, None, 60, 60, None, "at least 60"),
            ("fatalities", "soldiers", None, 13, 13, 13, "13 U.S. service members"),
        ],
    ),
    (
        "A drone strike killed two al-Shabaab fighters near Jilib.",
        [("fatalities", "fighters", None, 2, 2, 2, "two al-Shabaab fighters")],
    ),
    (
        "Troops apprehended 23 suspected Boko Haram logistics suppliers in Bama.",
        [("arrested", None, None, 23, 23, 23, "23 suspected Boko Haram logistics suppliers")],
    ),
    (
        "Raiders killed 40 cows and 3 herders.",
        [("fatalities", "civilians", None, 3, 3, 3, "3 herders")],
    ),
    (
        "Three journalists were among the 19 people killed in the strike.",
        [
            ("fatalities", "civilians", None, 3, 3, 3, "Three journalists"),
            ("fatalities", None, None, 19, 19, 19, "19 people"),
        ],
    ),
    (
        "A mob burned alive a suspected thief in Mushin.",
        [("fatalities", None, None, 1, 1, 1, "a suspected thief")],
    ),
]

# Numbers that are not quantities (and sentences with no counted event).
NEGATIVES = [
    "On February 27, 2020, the offensive resumed.",
    "The attack on 27 February was condemned.",
    "In 2019 troops were deployed to the region.",
    "Published April 29 2017 the report said nothing new.",
    "The strike came at 10:30 local time.",
    "Shelling resumed at 5 a.m. and was over by 6pm, killing nobody.",
    "Ahmed, 25, was killed in the raid.",
    "A man aged 25 was killed.",
    "A 25-year-old was killed.",
    "Two Su-24 bombers flew over the M5 highway.",
    "Brigade 46 said Route 5 was closed.",
    "Prices rose 15 percent.",
    "The army spent $3 million and 40 dollars were killed off the budget.",
    "The shelling destroyed 10 houses.",
    "He said 5,000 people live in the town.",
    "The army has 3,000 tanks.",
    "The fighters advanced 3 km into the town.",
    "The UN published Resolution 2254 in 2015.",
    "He died of the plague in 639.",
    "21-05-2016 Syrian forces advanced.",
    "A number of mortar shells hit houses in the town.",
    "A Russian Su-34 jet hit the same area.",
    "A tank is seen near the checkpoint.",
    "The civilians were kidnapped during a terrorist attack on a bus.",
    "The shelling destroyed 6 warehouses and left 300 people without power.",
    "The strikes, which he put at 40, wounded no one.",
    "There were dozens of civilian casualties.",
    "The count did not include many of the dead.",
    "Not many people were killed.",
    "Several of the wounded were children.",
    "Army units targeted terrorist gatherings, killing a number of them.",
    "A missile destroyed the building.",
    "Russia fired 40 missiles at the city overnight.",
    "Israel said it had intercepted the vast majority of about 300 drones launched by Iran.",
    "The 400 Mawozo gang kidnapped the pastor.",
]


def _rows(sentence: str) -> list[tuple[object, ...]]:
    return [
        (q.kind, q.category, q.status, q.low, q.best, q.high, q.text)
        for q in quantities_in_text(sentence)
    ]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_quantities(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(sentence) == expected


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_not_quantities(sentence: str) -> None:
    assert _rows(sentence) == []


def test_offsets_are_into_the_document() -> None:
    text = "Intro. Shelling killed 4 civilians."
    (q,) = quantities_in_text(text[7:], offset=7)
    assert (q.start, q.end) == (23, 34)
    assert text[q.start : q.end] == q.text == "4 civilians"


@pytest.mark.parametrize(
    ("term", "category"),
    [
        ("T-72B3", "tank"),
        ("BMP-2", "armoured vehicle"),
        ("MRAPs", "armoured vehicle"),
        ("howitzers", "artillery"),
        ("Grad", "MLRS"),
        ("HIMARS", "MLRS"),
        ("S-300", "air defence"),
        ("Pantsir", "air defence"),
        ("Su-34", "aircraft"),
        ("Mi-24", "helicopter"),
        ("Ka-52", "helicopter"),
        ("Bayraktar", "drone"),
        ("Shahed-136", "drone"),
        ("landing ship", "ship"),
        ("technicals", "truck"),
        ("anti-tank", "-"),
        ("fuel tank", "-"),
        ("machine guns", "-"),
    ],
)
def test_equipment_lexicon(term: str, category: str) -> None:
    found = equipment_at(term, 0)
    assert found is not None and found[0] == category and found[1] == len(term)


@pytest.mark.parametrize("word", ["tankers' union", "gunmen", "vehicle-borne"])
def test_equipment_lexicon_misses(word: str) -> None:
    found = equipment_at(word, 0)
    assert found is None or found[1] < len(word.split()[0])


def test_doc_without_parse_degrades_to_windows() -> None:
    words = ["Rebels", "destroyed", "5", "tanks", "and", "killed", "12", "soldiers", "."]
    spaces = [True, True, True, True, True, True, True, False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces)
    rows = [(q.kind, q.category, q.status, q.best, q.text) for q in find_quantities(doc, 100)]
    assert rows == [
        ("equipment", "tank", "destroyed", 5, "5 tanks"),
        ("fatalities", "soldiers", None, 12, "12 soldiers"),
    ]
    starts = [q.start for q in find_quantities(doc, 100)]
    assert starts == [100 + doc.text.index("5 tanks"), 100 + doc.text.index("12 soldiers")]


@pytest.fixture(scope="session")
def nlp() -> Iterator[object]:
    from frontlines.nlp import shared_model

    yield shared_model()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Intro sentence here. The observatory said the strikes displaced 100000 civilians "
            "and killed nearly 300 fighters.",
            [("displaced", "100000 civilians"), ("fatalities", "nearly 300 fighters")],
        ),
        (
            "Intro. Russian forces destroyed 5 tanks that had been sent to the front.",
            [("equipment", "5 tanks")],
        ),
        (
            # the parse hangs "soldiers" on "captured"; the part takes the kind of its whole
            "Intro. An observatory said rebels had captured the town after clashes in which at "
            "least 40 fighters had been killed since Friday, among them 22 government soldiers.",
            [("fatalities", "at least 40 fighters"), ("fatalities", "22 government soldiers")],
        ),
        (
            "Intro. The spokesman said the raids, which he put at 60, had killed four of the "
            "movement's members and wounded nine others.",
            [("fatalities", "four of the movement's members"), ("injured", "nine others")],
        ),
    ],
)
def test_with_parsed_sentence(nlp: object, text: str, expected: list[tuple[str, str]]) -> None:
    doc = nlp(text)  # type: ignore[operator]
    sentence = list(doc.sents)[-1]
    found = find_quantities(sentence)
    assert [(q.kind, q.text) for q in found] == expected
    assert all(text[q.start : q.end] == q.text for q in found)


def test_gold_sets_load_and_score() -> None:
    from frontlines.eval.quantities import (
        heldout_gold,
        load_date_gold,
        load_quantity_gold,
        score_quantities,
    )

    dev, held, dates = load_quantity_gold(), load_quantity_gold(heldout_gold()), load_date_gold()
    assert len(dev) >= 40 and len(held) >= 30 and len(dates) >= 30
    _, total, _, _ = score_quantities(held[:5])
    assert total.tp + total.fn == sum(len(g.expected) for g in held[:5])


NEWSY = st.lists(
    st.sampled_from(
        [
            "killed", "at least", "33", "1,200", "dozens", "of", "soldiers", "tanks", "a",
            "Su-25", "were", "destroyed", "and", "wounded", "February", "2020", ",", ".",
            "square", "km", "sent", "troops", "up to", "between", "15", "to", "20", "%",
            "$", "aged", "Brigade", "the", "death toll", "rose", "Mi-8", "shot down",
        ]
    ),
    max_size=25,
).map(" ".join)  # fmt: skip


@given(st.one_of(NEWSY, st.text(max_size=80)), st.integers(min_value=0, max_value=10_000))
def test_any_text_gives_consistent_quantities(text: str, offset: int) -> None:
    for q in quantities_in_text(text, offset):
        assert text[q.start - offset : q.end - offset] == q.text
        present = [v for v in (q.low, q.best, q.high) if v is not None]
        assert present == sorted(present)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("An air strike killed 15 civilians, including four children, in Idlib.", 15),
        ("Three journalists were among the 19 people killed in the strike.", 19),
        ("Shelling killed 33 soldiers and two civilians.", 35),
        ("The raid killed 12 people, of whom 5 were children.", 12),
        ("There were dozens of casualties.", None),
        ("Both sides have lost thousands of troops in the battle.", None),
        ("Up to 40 militants were eliminated.", None),
        ("Five people were wounded.", None),
        ("At least three crew were killed; two of the dead were Filipino.", 3),
        ("Two of the dead were Filipino.", None),
        ("Eight people were killed and 20 wounded, 3 of them critically.", 8),
        ("Three of the wounded later died in hospital.", 3),
        ("Russia had suffered 100,000 casualties, including 20,000 killed.", 20000),
    ],
)
def test_acled_fatalities(sentence: str, expected: float | None) -> None:
    from frontlines.events.quantities import acled_fatalities

    assert acled_fatalities(quantities_in_text(sentence, 7), sentence, 7) == expected
