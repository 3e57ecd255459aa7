"""The memoised rule pipes annotate exactly as the model's own ones, and the
per-doc date pre-check answers as the per-sentence one it replaced."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from spacy.lang.en import English
from spacy.language import Language
from spacy.tokens import Doc, Span

from frontlines.nlp import load_model
from frontlines.nlp_fast import FAST_LEMMATIZER, FAST_RULER, use_fast_rule_pipes
from frontlines.pipeline import _DATE_WORDS, _DateHints

# Texts that reach the ruler's multi-token and exception rules ("ai n't",
# "gon na", "'s", whitespace tokens) and ordinary war-report wording.
TEXTS = [
    "Russian forces shelled the village of Kozacha Lopan overnight, killing two civilians.",
    "They ain't gonna stop, the commander said; we're not leaving Bakhmut.",
    "The ministry's statement, issued on 12/03/2023, said 1,200 troops had been deployed.",
    "Rebels  \n\n  seized the town.\tGovernment jets struck back at dawn on Tuesday.",
    "It's been hit again; wasn't it Kherson's port that they've mined?",
    "",
    "   ",
]


@pytest.fixture(scope="session")
def pair() -> tuple[Language, Language]:
    """The model as shipped, and a second copy with the memoised pipes."""
    plain = load_model()
    fast = load_model()
    use_fast_rule_pipes(fast)
    return plain, fast


def _annotations(doc: Doc) -> list[tuple[Any, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_pipes_swapped(pair: tuple[Language, Language]) -> None:
    _plain, fast = pair
    names = fast.pipe_names
    assert names.index(FAST_RULER) < names.index(FAST_LEMMATIZER) < names.index("ner")
    assert "attribute_ruler" not in names and "lemmatizer" not in names
    assert "attribute_ruler" in fast.disabled and "lemmatizer" in fast.disabled


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("with_parser", [False, True])
def test_same_annotations_as_model(
    pair: tuple[Language, Language], text: str, with_parser: bool
) -> None:
    plain, fast = pair
    disable = [] if with_parser else ["parser"]
    for _ in range(2):  # second pass: answers come from the memo
        expected = _annotations(plain(text, disable=disable))
        assert _annotations(fast(text, disable=disable)) == expected


def test_exceptions_are_applied(pair: tuple[Language, Language]) -> None:
    """The multi-token rules really fire (so the test above can fail)."""
    _plain, fast = pair
    doc = fast("They ain't gonna stop.", disable=["parser"])
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["ai"] == "be" and lemmas["gon"] == "go" and lemmas["na"] == "to"
    assert [t.pos_ for t in fast("\n\n", disable=["parser"])] == ["SPACE"]


def test_lemmatizer_memo_is_keyed_by_pos(pair: tuple[Language, Language]) -> None:
    _plain, fast = pair
    noun = fast("The strikes continued.", disable=["parser"])
    verb = fast("He strikes the target.", disable=["parser"])
    assert [t.lemma_ for t in noun if t.text == "strikes"] == ["strike"]
    assert [t.lemma_ for t in verb if t.text == "strikes"] == ["strike"]
    assert [t.pos_ for t in noun if t.text == "strikes"] != [
        t.pos_ for t in verb if t.text == "strikes"
    ]


# --- the per-doc date pre-check, against the per-sentence rule it replaced ---


def _reference(span: Span) -> bool:
    if any(e.label_ in ("DATE", "TIME") for e in span.ents):
        return True
    return any(
        t.lower_ in _DATE_WORDS or (t.is_digit and len(t) == 4) or "/" in t.text for t in span
    )


def _sentences(doc: Doc) -> Iterator[Span]:
    start = 0
    for tok in doc:
        if tok.text == "." or tok.i == len(doc) - 1:
            yield doc[start : tok.i + 1]
            start = tok.i + 1


WORDS = "Jets struck Idlib . It was 2019 . Rebels fled on 3/4 . Troops came at night . No date ."
CASES: list[tuple[list[str], bool]] = [
    # (entity labels over "at night" [15:17] / "Idlib" [2:3]), expected per sentence
    (["TIME@15:17", "GPE@2:3"], True),
    (["GPE@2:3"], False),
    (["DATE@15:19"], False),  # crosses into the next sentence: Span.ents leaves it out
]


@pytest.mark.parametrize(("ents", "night_has_date"), CASES)
def test_date_hints_match_reference(ents: list[str], night_has_date: bool) -> None:
    words = WORDS.split()
    doc = Doc(English().vocab, words=words)  # English lexeme attributes (is_digit)
    spans = []
    for item in ents:
        label, rng = item.split("@")
        start, end = (int(x) for x in rng.split(":"))
        spans.append(Span(doc, start, end, label=label))
    doc.ents = spans
    hints = _DateHints(doc)
    sents = list(_sentences(doc))
    got = [hints.may_hold_date(s) for s in sents]
    assert got == [_reference(s) for s in sents]
    # "Jets struck Idlib", "It was 2019", "Rebels fled on 3/4", "Troops came at night", "No date"
    assert got == [False, True, True, night_has_date, False]
