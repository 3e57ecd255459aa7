"""numbers.parse_count / find_counts: tables of (text, expected) and property tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontlines.events.numbers import Bounds, find_counts, parse_count

UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
]  # fmt: skip
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def to_words(n: int) -> str:
    """English words for 0 <= n < 1,000,000, British style ("a hundred and five")."""
    if n < 20:
        return UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return TENS[tens] + (f"-{UNITS[unit]}" if unit else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = f"{UNITS[hundreds]} hundred"
        return head + (f" and {to_words(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    head = f"{to_words(thousands)} thousand"
    if not rest:
        return head
    return head + (" and " if rest < 100 else " ") + to_words(rest)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("33", Bounds(33, 33, 33)),
        ("1,200", Bounds(1200, 1200, 1200)),
        ("1.200", Bounds(1200, 1200, 1200)),
        ("12,500,000", Bounds(12_500_000, 12_500_000, 12_500_000)),
        ("2.5 million", Bounds(2_500_000, 2_500_000, 2_500_000)),
        ("1.5", Bounds(1.5, 1.5, 1.5)),
        ("thirty-three", Bounds(33, 33, 33)),
        ("Thirty three", Bounds(33, 33, 33)),
        ("a hundred and twenty", Bounds(120, 120, 120)),
        ("one thousand two hundred", Bounds(1200, 1200, 1200)),
        ("a dozen", Bounds(12, 12, 12)),
        ("two dozen", Bounds(24, 24, 24)),
        ("15 to 20", Bounds(15, 15, 20)),
        ("15-20", Bounds(15, 15, 20)),
        ("15–20", Bounds(15, 15, 20)),
        ("between 15 and 20", Bounds(15, 15, 20)),
        ("one or two", Bounds(1, 1, 2)),
        ("2 to 3 million", Bounds(2_000_000, 2_000_000, 3_000_000)),
        ("at least 33", Bounds(33, 33, None)),
        ("no fewer than 33", Bounds(33, 33, None)),
        ("more than 50", Bounds(50, 50, None)),
        ("over 50", Bounds(50, 50, None)),
        ("more than a dozen", Bounds(12, 12, None)),
        ("up to 40", Bounds(None, None, 40)),
        ("as many as 40", Bounds(None, None, 40)),
        ("nearly 50", Bounds(None, 50, 50)),
        ("almost 50", Bounds(None, 50, 50)),
        ("about 50", Bounds(None, 50, None)),
        ("some 300", Bounds(None, 300, None)),
        ("an estimated 220,000", Bounds(None, 220_000, None)),
        ("dozens", Bounds(12, 12, None)),
        ("Dozens", Bounds(12, 12, None)),
        ("tens", Bounds(10, 10, None)),
        ("hundreds", Bounds(100, 100, None)),
        ("thousands", Bounds(1000, 1000, None)),
        ("tens of thousands", Bounds(10_000, 10_000, None)),
        ("hundreds of thousands", Bounds(100_000, 100_000, None)),
        ("scores", Bounds(20, 20, None)),
        ("several", Bounds(3, 10, None)),
        ("many", Bounds(3, 10, None)),
        ("a number of", Bounds(3, 10, None)),
        ("a few", Bounds(2, 3, None)),
        ("a couple of", Bounds(2, 2, 2)),
        ("several hundred", Bounds(300, 300, None)),
        ("several dozen", Bounds(36, 36, None)),
        ("zero", Bounds(0, 0, 0)),
    ],
)
def test_parse_count(text: str, expected: Bounds) -> None:
    assert parse_count(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "soldiers",
        "Su-24",
        "T-72",
        "M5",
        "5th",
        "1990s",
        "hundred",
        "a",
        "and",
        "at least",
        "33 soldiers",  # parse_count reads a whole count phrase, nothing more
        "between 20 and 15",  # not an ordered range: no count phrase covers it all
    ],
)
def test_parse_count_rejects(text: str) -> None:
    assert parse_count(text) is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("killing 33 Turkish soldiers", ["33"]),
        ("killed at least 33 and wounded dozens", ["at least 33", "dozens"]),
        ("two Su-25 jets and a T-72 tank", ["two"]),
        ("the M5 highway near Brigade 46", ["46"]),  # designators are quantities' business
        ("between 15 and 20 civilians", ["between 15 and 20"]),
        ("no figure here", []),
    ],
)
def test_find_counts_spans(text: str, found: list[str]) -> None:
    assert [text[m.start : m.end] for m in find_counts(text)] == found


@given(st.integers(min_value=0, max_value=999_999))
def test_words_round_trip(n: int) -> None:
    assert parse_count(to_words(n)) == Bounds(n, n, n)


@given(st.integers(min_value=1000, max_value=999_999_999))
def test_comma_digits_parse(n: int) -> None:
    assert parse_count(f"{n:,}") == Bounds(n, n, n)


@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=1, max_value=10_000))
def test_ranges_keep_order(a: int, gap: int) -> None:
    b = a + gap
    for text in (f"{a} to {b}", f"{a}-{b}", f"between {a} and {b}"):
        assert parse_count(text) == Bounds(a, a, b)


MODIFIERS = ["", "at least ", "more than ", "up to ", "nearly ", "about ", "some "]


@given(st.sampled_from(MODIFIERS), st.integers(min_value=1, max_value=100_000))
def test_bounds_are_ordered(modifier: str, n: int) -> None:
    bounds = parse_count(f"{modifier}{n:,}")
    assert bounds is not None
    present = [v for v in bounds if v is not None]
    assert present == sorted(present)
    assert n in present
