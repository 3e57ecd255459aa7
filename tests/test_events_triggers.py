"""Trigger lexicon, actor typing, roles and assertion status on hand-built Docs (no model)."""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc, Span

from frontlines.events.extract import assertion_status
from frontlines.events.roles import argument_tokens, noun_inter
from frontlines.events.rules import SUB_EVENT_TYPES
from frontlines.events.triggers import (
    TriggerLexicon,
    candidate_sentences,
    context_words,
    cue_candidates,
    inflections,
)

# A blank English vocab gives lexeme attributes (lower_, like_num) but loads no model.
VOCAB = English().vocab


def make_doc(
    words: list[str],
    lemmas: list[str] | None = None,
    pos: list[str] | None = None,
    heads: list[int] | None = None,
    deps: list[str] | None = None,
    sent_starts: list[bool] | None = None,
) -> Doc:
    return Doc(
        VOCAB,
        words=words,
        lemmas=lemmas or [w.lower() for w in words],
        pos=pos or ["NOUN"] * len(words),
        heads=heads,
        deps=deps,
        sent_starts=sent_starts,
    )


@pytest.fixture(scope="module")
def lexicon() -> TriggerLexicon:
    return TriggerLexicon.bundled()


@pytest.mark.parametrize(
    ("words", "lemmas", "pos", "expected"),
    [
        (
            ["Russian", "air", "strikes", "hit"],
            ["russian", "air", "strike", "hit"],
            None,
            [("air", "air strikes")],
        ),
        (["an", "air", "-", "strike"], None, None, [("air", "air - strike")]),
        (
            ["a", "roadside", "bomb", "exploded"],
            ["a", "roadside", "bomb", "explode"],
            None,
            [("ied", "roadside bomb"), ("ied", "exploded")],
        ),
        # The lemmatizer's slip ("raped" -> "rap") is covered by surface forms.
        (
            ["soldiers", "raped", "women"],
            ["soldier", "rap", "woman"],
            ["NOUN", "VERB", "NOUN"],
            [("sexual", "raped")],
        ),
        (
            ["riot", "police", "fired"],
            ["riot", "police", "fire"],
            None,
            [("ignore", "riot police")],
        ),
        (["stun", "grenades"], ["stun", "grenade"], None, [("disperse", "stun grenades")]),
        (
            ["a", "rocket", "-", "propelled", "grenade"],
            None,
            None,
            [("clash", "rocket - propelled grenade")],
        ),
        (
            ["he", "blew", "himself", "up"],
            ["he", "blow", "himself", "up"],
            None,
            [("suicide", "blew himself up")],
        ),
        # Part-of-speech conditions: "march" the verb or common noun, never the month.
        (["on", "12", "March"], None, ["ADP", "NUM", "PROPN"], []),
        (["they", "march"], None, ["PRON", "VERB"], [("protest", "march")]),
        (["the", "election", "results"], None, None, []),
    ],
)
def test_find(lexicon, words, lemmas, pos, expected):
    doc = make_doc(words, lemmas, pos)
    found = [(h.cue, doc[h.start : h.end].text) for h in lexicon.find(doc)]
    assert found == expected


def test_every_sub_event_type_is_reachable_from_some_cue():
    reachable = {t for types in cue_candidates().values() for t in types}
    assert set(SUB_EVENT_TYPES) <= reachable


def test_every_lexicon_cue_is_documented(lexicon):
    assert {e.cue for e in lexicon.entries} <= set(cue_candidates())


def test_context_words_are_loaded():
    words = context_words()
    assert "drone" in words["PROJECTILES"]
    assert "civilian" not in words["ARMED_WORDS"]


@pytest.mark.parametrize(
    ("word", "form", "expected"),
    [
        ("kidnap", "kidnapped", True),
        ("shell", "shelled", True),
        ("rape", "raping", True),
        ("rally", "rallied", True),
        ("kill", "skill", False),
    ],
)
def test_inflections(word, form, expected):
    assert (form in inflections(word)) is expected


def test_candidate_sentences_only_with_triggers(lexicon):
    from frontlines.events.triggers import TriggerMarker

    doc = make_doc(
        ["Prices", "rose", ".", "Rebels", "shelled", "Idlib", "."],
        ["price", "rise", ".", "rebel", "shell", "idlib", "."],
        ["NOUN", "VERB", "PUNCT", "NOUN", "VERB", "PROPN", "PUNCT"],
        sent_starts=[True, False, False, True, False, False, False],
    )
    TriggerMarker(lexicon)(doc)
    assert [s.text for s in candidate_sentences(doc)] == ["Rebels shelled Idlib ."]


@pytest.mark.parametrize(
    ("words", "deps", "heads", "i", "expected"),
    [
        (["opposition", "forces"], ["amod", "ROOT"], [1, 1], 1, 2),
        (["Syrian", "forces"], ["amod", "ROOT"], [1, 1], 1, 1),
        (["armed", "men"], ["amod", "ROOT"], [1, 1], 1, 3),
        (["civilian", "man"], ["amod", "ROOT"], [1, 1], 1, 7),
        (["the", "protesters"], ["det", "ROOT"], [1, 1], 1, 6),
        (["the", "town"], ["det", "ROOT"], [1, 1], 1, None),
    ],
)
def test_noun_inter(words, deps, heads, i, expected):
    doc = make_doc(words, heads=heads, deps=deps)
    if words[0] == "Syrian":
        doc.ents = [doc.char_span(0, 6, label="NORP")]
    assert noun_inter(doc[i]) == expected


def _parsed(words, lemmas, pos, heads, deps):
    return make_doc(words, lemmas, pos, heads, deps)


def test_roles_active_passive_and_agent():
    # "Gunmen killed civilians"
    doc = _parsed(
        ["Gunmen", "killed", "civilians"],
        ["gunman", "kill", "civilian"],
        ["NOUN", "VERB", "NOUN"],
        [1, 1, 1],
        ["nsubj", "ROOT", "dobj"],
    )
    a1, a2 = argument_tokens(doc[1])
    assert [t.text for t in a1] == ["Gunmen"] and [t.text for t in a2] == ["civilians"]
    # "Civilians were killed by gunmen"
    doc = _parsed(
        ["Civilians", "were", "killed", "by", "gunmen"],
        ["civilian", "be", "kill", "by", "gunman"],
        ["NOUN", "AUX", "VERB", "ADP", "NOUN"],
        [2, 2, 2, 2, 3],
        ["nsubjpass", "auxpass", "ROOT", "agent", "pobj"],
    )
    a1, a2 = argument_tokens(doc[2])
    assert [t.text for t in a1] == ["gunmen"] and [t.text for t in a2] == ["Civilians"]


def test_roles_nominal_trigger():
    # "a Russian strike on Kharkiv"
    doc = _parsed(
        ["a", "Russian", "strike", "on", "Kharkiv"],
        ["a", "russian", "strike", "on", "kharkiv"],
        ["DET", "ADJ", "NOUN", "ADP", "PROPN"],
        [2, 2, 2, 2, 3],
        ["det", "amod", "ROOT", "prep", "pobj"],
    )
    # An adjective is an initiator only as a nationality, which the model's NER marks.
    a1, a2 = argument_tokens(doc[2])
    assert a1 == [] and [t.text for t in a2] == ["Kharkiv"]
    doc.ents = [Span(doc, 1, 2, label="NORP")]
    a1, a2 = argument_tokens(doc[2])
    assert [t.text for t in a1] == ["Russian"] and [t.text for t in a2] == ["Kharkiv"]


@pytest.mark.parametrize(
    ("words", "lemmas", "pos", "heads", "deps", "i", "expected"),
    [
        (
            ["rebels", "attacked"],
            None,
            ["NOUN", "VERB"],
            [1, 1],
            ["nsubj", "ROOT"],
            1,
            "asserted",
        ),
        (
            ["rebels", "did", "not", "attack"],
            ["rebel", "do", "not", "attack"],
            ["NOUN", "AUX", "PART", "VERB"],
            [3, 3, 3, 3],
            ["nsubj", "aux", "neg", "ROOT"],
            3,
            "negated",
        ),
        (
            ["rebels", "will", "attack"],
            None,
            ["NOUN", "AUX", "VERB"],
            [2, 2, 2],
            ["nsubj", "aux", "ROOT"],
            2,
            "future",
        ),
        (
            ["rebels", "could", "attack"],
            None,
            ["NOUN", "AUX", "VERB"],
            [2, 2, 2],
            ["nsubj", "aux", "ROOT"],
            2,
            "hypothetical",
        ),
        (
            ["rebels", "threatened", "to", "attack"],
            ["rebel", "threaten", "to", "attack"],
            ["NOUN", "VERB", "PART", "VERB"],
            [1, 1, 3, 1],
            ["nsubj", "ROOT", "aux", "xcomp"],
            3,
            "future",
        ),
        (
            ["army", "denied", "shelling"],
            ["army", "deny", "shelling"],
            ["NOUN", "VERB", "NOUN"],
            [1, 1, 1],
            ["nsubj", "ROOT", "dobj"],
            2,
            "denied",
        ),
        (
            ["no", "clashes"],
            ["no", "clash"],
            ["DET", "NOUN"],
            [1, 1],
            ["det", "ROOT"],
            1,
            "negated",
        ),
    ],
)
def test_assertion_status(words, lemmas, pos, heads, deps, i, expected):
    doc = make_doc(words, lemmas, pos, heads, deps)
    assert assertion_status(doc[i]) == expected


def test_negative_cue_words_are_not_negation():
    # "showed no resistance" is the transfer cue itself, not a negated event.
    doc = make_doc(
        ["no", "resistance"], ["no", "resistance"], ["DET", "NOUN"], [1, 1], ["det", "ROOT"]
    )
    assert assertion_status(doc[1], "transfer") == "asserted"
