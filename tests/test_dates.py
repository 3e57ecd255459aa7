"""dates: resolution against the publication date, ACLED precision, and inheritance."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc
from spacy.vocab import Vocab

from frontlines.events.dates import best_date, find_dates, inherit, resolve_date
from frontlines.types import DateValue

PUB = date(2020, 2, 28)  # a Friday

WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("on Tuesday", "2020-02-25", 1),
        ("Friday", "2020-02-28", 1),
        ("last Friday", "2020-02-21", 1),
        ("next Tuesday", "2020-03-03", 1),
        ("Saturday night", "2020-02-22", 1),
        ("February 15", "2020-02-15", 1),
        ("Feb. 27, 2020", "2020-02-27", 1),
        ("27 February", "2020-02-27", 1),
        ("the 27th of February", "2020-02-27", 1),
        ("by the evening of Feb 16", "2020-02-16", 1),
        ("December 30", "2019-12-30", 1),  # past tense: last December
        ("March 3", "2020-03-03", 1),  # within the grace days after publication
        ("March 19", "2019-03-19", 1),
        ("on the 3rd", "2020-02-03", 1),
        ("yesterday", "2020-02-27", 1),
        ("today", "2020-02-28", 1),
        ("this morning", "2020-02-28", 1),
        ("overnight", "2020-02-28", 1),
        ("last night", "2020-02-27", 1),
        ("two days ago", "2020-02-26", 1),
        ("the previous day", "2020-02-27", 1),
        ("15/02/2020", "2020-02-15", 1),
        ("02/15/2020", "2020-02-15", 1),
        ("15.02.2020", "2020-02-15", 1),
        ("2020-02-15", "2020-02-15", 1),
        ("last week", "2020-02-20", 2),
        ("this week", "2020-02-26", 2),
        ("the past week", "2020-02-25", 2),
        ("over the weekend", "2020-02-22", 2),
        ("in recent days", "2020-02-26", 2),
        ("a week ago", "2020-02-21", 2),
        ("earlier this month", "2020-02-01", 3),
        ("last month", "2020-01-01", 3),
        ("in March", "2019-03-01", 3),
        ("in January", "2020-01-01", 3),
        ("mid-March", "2019-03-15", 3),
        ("late February", "2020-02-25", 3),
        ("early January", "2020-01-05", 3),
        ("March 2019", "2019-03-01", 3),
        ("in 2019", "2019-01-01", 3),
        ("last year", "2019-01-01", 3),
        ("earlier this year", "2020-01-01", 3),
    ],
)
def test_resolve_date(text: str, value: str, precision: int) -> None:
    resolved = resolve_date(text, PUB)
    assert resolved is not None
    assert (resolved.value, resolved.precision) == (value, precision)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("on Tuesday", None, 1),
        ("yesterday", None, 1),
        ("February 15", None, 1),  # no year and no publication date: never guess the year
        ("last week", None, 2),
        ("in March", None, 3),
        ("15 February 2020", "2020-02-15", 1),
        ("March 2019", "2019-03-01", 3),
        ("in 2019", "2019-01-01", 3),
    ],
)
def test_resolve_date_without_publication(text: str, value: str | None, precision: int) -> None:
    resolved = resolve_date(text, None)
    assert resolved is not None
    assert (resolved.value, resolved.precision) == (value, precision)


@pytest.mark.parametrize(
    ("text", "value"),
    [("on Tuesday", "2020-03-03"), ("on Friday", "2020-03-06"), ("in March", "2020-03-01")],
)
def test_future_sentences_look_ahead(text: str, value: str) -> None:
    resolved = resolve_date(text, PUB, future=True)
    assert resolved is not None and resolved.value == value


@pytest.mark.parametrize("text", ["", "the soldiers", "30 February 2020", "3 may have died"])
def test_resolve_date_rejects(text: str) -> None:
    resolved = resolve_date(text, PUB)
    assert resolved is None or resolved.value is None


def _doc(text: str) -> Doc:
    words = text.split(" ")
    return Doc(Vocab(), words=words, spaces=[True] * (len(words) - 1) + [False])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Tuesday , February 25 , shelling resumed ; the previous day was calm .",
            [("February 25", "2020-02-25", 1), ("the previous day", "2020-02-24", 1)],
        ),
        (
            "Rebels advanced last week and again on Thursday .",
            [("last week", "2020-02-20", 2), ("on Thursday", "2020-02-27", 1)],
        ),
        ("The 3 may have died in the 5 blasts .", []),
        ("Turkey sent 5,000 troops and 100 tanks .", []),
    ],
)
def test_find_dates(text: str, expected: list[tuple[str, str, int]]) -> None:
    doc = _doc(text)
    found = find_dates(doc, PUB, offset=10)
    assert [(d.text, d.value, d.precision) for d in found] == expected
    for d in found:
        assert d.start is not None and d.end is not None
        assert text[d.start - 10 : d.end - 10] == d.text


def test_inherit_carries_the_last_date_forward() -> None:
    a = DateValue("on Monday", "2020-02-24", 1)
    b = DateValue("on Wednesday", "2020-02-26", 1)
    assert inherit([None, a, None, None, b, None]) == [None, a, a, a, b, b]
    assert inherit([]) == []


def test_best_date_prefers_resolved_and_precise() -> None:
    vague = DateValue("last week", "2020-02-20", 2)
    exact = DateValue("on Tuesday", "2020-02-25", 1)
    unresolved = DateValue("on Monday", None, 1)
    assert best_date([unresolved, vague, exact]) == exact
    assert best_date([unresolved]) == unresolved
    assert best_date([]) is None


dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))


@given(dates, st.integers(min_value=0, max_value=6), st.sampled_from(["", "on ", "last "]))
def test_weekday_in_the_week_before(published: date, weekday: int, prefix: str) -> None:
    resolved = resolve_date(f"{prefix}{WEEKDAY_NAMES[weekday]}", published)
    assert resolved is not None and resolved.value is not None
    value = date.fromisoformat(resolved.value)
    assert value.weekday() == weekday
    lowest = 1 if prefix == "last " else 0
    assert lowest <= (published - value).days <= lowest + 6


@given(dates, st.integers(min_value=1, max_value=12))
def test_days_ago(published: date, n: int) -> None:
    resolved = resolve_date(f"{n} days ago", published)
    assert resolved is not None and resolved.value == (published - timedelta(days=n)).isoformat()


PAST_PHRASES = [
    "yesterday", "last night", "today", "last week", "this week", "over the weekend",
    "earlier this month", "last month", "in recent days", "the past week", "in March",
    "mid-March", "late February", "February 15", "on the 3rd", "two days ago", "last year",
]  # fmt: skip


@given(dates, st.sampled_from(PAST_PHRASES))
def test_past_mode_never_after_publication(published: date, phrase: str) -> None:
    resolved = resolve_date(phrase, published)
    assert resolved is not None and resolved.value is not None
    limit = published + timedelta(days=7 if phrase in ("February 15", "on the 3rd") else 0)
    assert date.fromisoformat(resolved.value) <= limit


def test_entities_no_pattern_covers_go_to_dateparser() -> None:
    words = ["Fighting", "began", "October", "the", "3rd", "and", "lasted", "2", "days", "."]
    ents = ["O", "O", "B-DATE", "I-DATE", "I-DATE", "O", "O", "B-DATE", "I-DATE", "O"]
    spaces = [True] * 8 + [False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces, ents=ents)
    found = find_dates(doc, date(2017, 10, 5))
    # "2 days" is a duration, not a date: it never reaches dateparser
    assert [(d.text, d.value, d.precision) for d in found] == [("October the 3rd", "2017-10-03", 1)]


@given(st.text(max_size=80), dates)
def test_any_text_gives_consistent_dates(text: str, published: date) -> None:
    doc = Doc(Vocab(), words=[text], spaces=[False]) if text else Doc(Vocab(), words=[])
    for d in find_dates(doc, published):
        assert d.start is not None and d.end is not None
        assert text[d.start : d.end] == d.text
        assert d.precision in (1, 2, 3)
