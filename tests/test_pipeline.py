"""The two-stage pipeline: what runs where, offsets, dates, merging (one model load)."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.events.triggers import COMPONENT as TRIGGERS
from frontlines.pipeline import (
    PARSED,
    EventContext,
    analyse,
    build_nlp,
    extract_article_events,
    extract_events_batch,
)


@pytest.fixture(scope="session")
def nlp():
    return build_nlp()


def test_pipeline_components(nlp):
    names = nlp.pipe_names
    assert "senter" in names and "parser" in names
    assert names[-1] == TRIGGERS
    assert names.index("frontlines_actors_v1") == names.index("ner") + 1


def test_only_trigger_sentences_are_parsed(nlp):
    text = "Prices of bread rose again. Rebels shelled the town of Jisr al-Shughur. The weather was mild."
    (doc,) = analyse([text])
    assert not doc.has_annotation("DEP")  # stage 1 does not parse
    parsed = doc._.get(PARSED)
    assert [p.text.strip() for _, p in parsed] == ["Rebels shelled the town of Jisr al-Shughur."]
    assert parsed[0][1].has_annotation("DEP")


@pytest.mark.parametrize(
    "text",
    [
        "Syrian regime forces shelled the outskirts of Kafr Nabl in southern Idlib.",
        "Police arrested 15 protesters in Khartoum on Friday.",
        "Unidentified gunmen shot and killed a civilian man in Daraa al-Balad.",
    ],
)
def test_sentence_parse_reuses_the_tensor(nlp, text):
    """Parsing the sentence doc alone gives the full pipeline's parse: the parser's
    tok2vec listener read the copied tensor (zeros would give a different parse)."""
    (doc,) = analyse([text])
    (_, parsed), *_ = doc._.get(PARSED)
    full = nlp(text)
    assert [(t.dep_, t.head.i) for t in parsed] == [(t.dep_, t.head.i) for t in full]


def test_offsets_are_into_the_article():
    prefix = "HEADLINE\n\n"
    body = "On 3 May 2021, rebels ambushed an army convoy near Beni, killing 10 soldiers."
    article = prefix + body
    (doc,) = analyse([body])
    (event,) = extract_article_events([doc], [EventContext(len(prefix), date(2021, 5, 5))])
    assert article[event.sentence.start : event.sentence.end] == body
    assert article[event.trigger.start : event.trigger.end] == event.trigger.text == "ambushed"
    for actor in event.actors:
        assert article[actor.start : actor.end] == actor.text
    for q in event.quantities:
        assert article[q.start : q.end] == q.text
    assert event.date is not None and event.date.value == "2021-05-03"


def test_dates_inherit_within_a_paragraph_only():
    text = (
        "On 12 March 2020, fighting broke out in Saraqeb. Regime forces shelled Nairab.\n\n"
        "Rebels shelled Kafr Nabl."
    )
    (doc,) = analyse([text])
    ctx = EventContext(0, date(2020, 3, 20), paragraph_starts=(0, text.index("Rebels shelled")))
    events = extract_article_events([doc], [ctx])
    dates = [(e.trigger.text, e.date.value if e.date else None) for e in events]
    assert dates == [
        ("fighting", "2020-03-12"),
        ("shelled", "2020-03-12"),
        ("shelled", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One event told in two sentences: "the blast" refers back.
        (
            "A car bomb exploded in a market in Azaz. The blast killed 12 people.",
            ["Remote explosive/landmine/IED"],
        ),
        # Two strikes on different places stay two events.
        (
            "Russian warplanes struck Ariha. Russian warplanes struck Saraqeb.",
            ["Air/drone strike", "Air/drone strike"],
        ),
        # A clash and a separate air strike in one sentence (main event first:
        # the weapon-named class comes first in the codebook's precedence).
        (
            "Rebels clashed with the army near Hama, while Russian warplanes bombed Latamneh.",
            ["Air/drone strike", "Armed clash"],
        ),
        # An attack mostly intercepted is one strike, not also a disrupted event.
        (
            "Iran launched over 300 drones at Israel, most of which were intercepted.",
            ["Air/drone strike"],
        ),
    ],
)
def test_events_per_article(text, expected):
    (doc,) = analyse([text])
    events = extract_article_events([doc], [EventContext(0)])
    assert [e.sub_event_type for e in events] == expected


def test_title_restating_the_body_adds_no_event():
    title = "Car bomb kills 12 in Azaz"
    body = "A car bomb exploded in a market in Azaz on Monday, killing 12 people."
    docs = analyse([title, body])
    ctxs = [EventContext(0, is_title=True), EventContext(len(title) + 2)]
    events = extract_article_events(docs, ctxs)
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED"]
    assert events[0].sentence.start == len(title) + 2


def test_batch_keeps_input_order_and_empty_results():
    texts = [
        "Parliament passed the budget.",
        "Police arrested three suspected ISIS members in Raqqa.",
    ]
    results = extract_events_batch(analyse(texts), [EventContext(0), EventContext(0)])
    assert [[e.sub_event_type for e in r] for r in results] == [[], ["Arrests"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A month-precise date years before publication: background.
        ("In August 2013, a chemical attack on Ghouta killed hundreds of people.", []),
        # A day-precise date is kept, however old: the snippet dates itself.
        (
            "On 21 August 2013, a chemical attack on Ghouta killed hundreds of people.",
            ["Chemical weapon"],
        ),
        ("Regime forces shelled Douma on Monday.", ["Shelling/artillery/missile attack"]),
    ],
)
def test_background_events_are_dropped(text, expected):
    (doc,) = analyse([text])
    events = extract_article_events([doc], [EventContext(0, date(2017, 4, 6))])
    assert [e.sub_event_type for e in events] == expected


def test_parsed_sentences_by_character_offset():
    from frontlines.pipeline import parsed_sentences

    text = "The weather was mild. Rebels shelled the town."
    (doc,) = analyse([text])
    by_char = parsed_sentences(doc)
    assert list(by_char) == [text.index("Rebels")]
    assert by_char[text.index("Rebels")].text.startswith("Rebels shelled")
