"""Counts in news prose, read the way a conservative conflict-data coder reads them.

``parse_count("at least 33")`` gives ``Bounds(low=33, best=33, high=None)``;
``find_counts(text)`` finds every count phrase in a sentence with its character
offsets. ``best`` is the figure ACLED would record; ``low``/``high`` are what the
wording guarantees (None when it says nothing on that side).

Conventions (and where they come from):
- Vague magnitudes: ACLED's fatality FAQ ("Fatalities", Uses and limitations of
  ACLED data, 2023, updated 2024): "tens" = 10, "dozens" = 12, "hundreds" = 100,
  and so on ("thousands" = 1000). By analogy "scores" = 20.
- "several", "many", "numerous", "a number of": ACLED's codebook (2019 edition,
  "Reported fatalities", as we recall it) records 10 when reports speak of
  "several"/"many" fatalities and nothing better is known; so best = 10 while
  low = 3, the least the word can mean. With a scale word ("several hundred")
  the literal minimum is used (300), as "hundreds" is.
- "a few" = 3 (low 2), "a couple of" = 2, "a handful of" = 5 (low 3): our choice.
- Ranges ("15 to 20", "15-20", "between 15 and 20"): ACLED takes the lower
  figure when unsure, so best = low = 15, high = 20.
- "at least 33", "more than 50", "over 50": low = best = the stated figure.
  "more than 50" strictly means 51 or more, but coders record the figure the
  source printed (50), and low must not exceed best.
- "up to 40", "as many as 40", "no more than 40": high = 40, best = None. The
  wording gives no lower figure, and ACLED keeps the most conservative estimate
  available; a consumer that must have a number may fall back to ``high``.
- "nearly/almost/close to 50": best = high = 50, low None (the true figure is
  below 50, by an unknown amount).
- "about/around/some/approximately/roughly/an estimated 50": best = 50 only.
- An exact figure: low = best = high.
- Digits: "1,200" and "1.200" (three digits after the dot: thousands
  separator, common in European copy) are 1200; "2.5 million" is 2,500,000.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple


class Bounds(NamedTuple):
    low: float | None
    best: float | None
    high: float | None


class CountMatch(NamedTuple):
    start: int  # character offsets into the text searched, end exclusive
    end: int
    bounds: Bounds
    vague: bool  # a word like "dozens" or "several" rather than a figure


UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
SCALE_ABBREVIATIONS = {"mln": 1_000_000, "bn": 1_000_000_000}

# Plural magnitudes used as counts: (low, best) after ACLED's FAQ; high unknown.
VAGUE_MAGNITUDES = {
    "tens": 10,
    "dozens": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1000,
    "millions": 1_000_000,
}
# Indefinite quantifiers: (low, best, high) and the literal minimum used as a multiplier.
VAGUE_WORDS: dict[tuple[str, ...], tuple[Bounds, int]] = {
    ("several",): (Bounds(3.0, 10.0, None), 3),
    ("many",): (Bounds(3.0, 10.0, None), 3),
    ("numerous",): (Bounds(3.0, 10.0, None), 3),
    ("multiple",): (Bounds(3.0, 10.0, None), 3),
    ("a", "number", "of"): (Bounds(3.0, 10.0, None), 3),
    ("a", "few"): (Bounds(2.0, 3.0, None), 2),
    ("few",): (Bounds(2.0, 3.0, None), 2),
    ("a", "couple", "of"): (Bounds(2.0, 2.0, 2.0), 2),
    ("a", "couple"): (Bounds(2.0, 2.0, 2.0), 2),
    ("a", "pair", "of"): (Bounds(2.0, 2.0, 2.0), 2),
    ("a", "handful", "of"): (Bounds(3.0, 5.0, None), 3),
}

_VAGUE_LONGEST_FIRST = sorted(VAGUE_WORDS.items(), key=lambda kv: -len(kv[0]))
# The same, by first word: only these can match at a token (order kept).
_VAGUE_BY_FIRST: dict[str, list[tuple[tuple[str, ...], tuple[Bounds, int]]]] = {}
for _phrase, _value in _VAGUE_LONGEST_FIRST:
    _VAGUE_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _value))

# Modifier phrases before a figure, by how they bound it.
AT_LEAST = "at_least"
UP_TO = "up_to"
NEARLY = "nearly"
ABOUT = "about"
MODIFIERS: dict[tuple[str, ...], str] = {
    ("at", "least"): AT_LEAST,
    ("no", "fewer", "than"): AT_LEAST,
    ("no", "less", "than"): AT_LEAST,
    ("not", "less", "than"): AT_LEAST,
    ("not", "fewer", "than"): AT_LEAST,
    ("a", "minimum", "of"): AT_LEAST,
    ("more", "than"): AT_LEAST,
    ("over",): AT_LEAST,
    ("upwards", "of"): AT_LEAST,
    ("upward", "of"): AT_LEAST,
    ("in", "excess", "of"): AT_LEAST,
    ("above",): AT_LEAST,
    ("exceeding",): AT_LEAST,
    ("well", "over"): AT_LEAST,
    ("up", "to"): UP_TO,
    ("as", "many", "as"): UP_TO,
    ("no", "more", "than"): UP_TO,
    ("not", "more", "than"): UP_TO,
    ("at", "most"): UP_TO,
    ("a", "maximum", "of"): UP_TO,
    ("fewer", "than"): UP_TO,
    ("less", "than"): UP_TO,
    ("under",): UP_TO,
    ("nearly",): NEARLY,
    ("almost",): NEARLY,
    ("close", "to"): NEARLY,
    ("just", "under"): NEARLY,
    ("just", "short", "of"): NEARLY,
    ("about",): ABOUT,
    ("around",): ABOUT,
    ("some",): ABOUT,
    ("approximately",): ABOUT,
    ("approx",): ABOUT,
    ("roughly",): ABOUT,
    ("an", "estimated"): ABOUT,
    ("estimated",): ABOUT,
    ("circa",): ABOUT,
    ("nearly", "about"): ABOUT,
}
MAX_MODIFIER = max(len(k) for k in MODIFIERS)

DASHES = {"-", "–", "—"}
RANGE_JOINERS = {"to", "-", "–", "—", "or"}

# Words, digit groups (with , or . separators) and single other characters.
TOKEN_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+|\S")
DIGITS_COMMA = re.compile(r"\d{1,3}(?:,\d{3})+", re.ASCII)
DIGITS_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+", re.ASCII)
DECIMAL = re.compile(r"\d+\.\d+", re.ASCII)
DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}", re.ASCII)
ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)


class Tok(NamedTuple):
    text: str  # lower-cased
    start: int
    end: int


def tokenize(text: str) -> list[Tok]:
    return list(_tokens(text))


@lru_cache(maxsize=256)
def _tokens(text: str) -> tuple[Tok, ...]:
    """Tokens of a sentence, cached: quantities read each sentence twice."""
    return tuple(Tok(m.group().lower(), m.start(), m.end()) for m in TOKEN_RE.finditer(text))


def digit_value(token: str) -> float | None:
    """The value of one digit token: '1,200', '1.200' (thousands), '2.5', '2,5'."""
    if token.isascii() and token.isdigit():  # not "²" or other Unicode digits
        return float(token)
    if DIGITS_COMMA.fullmatch(token):
        return float(token.replace(",", ""))
    if DIGITS_DOT_THOUSANDS.fullmatch(token):
        return float(token.replace(".", ""))
    if DECIMAL.fullmatch(token):
        return float(token)
    if DECIMAL_COMMA.fullmatch(token):
        return float(token.replace(",", "."))
    return None


class _Number(NamedTuple):
    value: float
    end: int  # index after the last token used
    scale: float  # the last scale word applied (1 when none), for "2 to 3 million"


def _words_number(toks: Sequence[Tok], i: int) -> _Number | None:
    """A spelled-out number from toks[i]: 'thirty-three', 'a hundred and twenty', 'two dozen'."""
    total = 0.0
    current = 0.0
    used = False
    last = ""  # kind of the last token used: unit | tens | hundred | scale | dozen
    end = i
    scale = 1.0
    j = i
    n = len(toks)
    while j < n:
        word = toks[j].text
        nxt = toks[j + 1].text if j + 1 < n else ""
        if word in ("a", "an") and not used and nxt in (*SCALES, "dozen"):
            current, last, used, j = 1.0, "unit", True, j + 1
            continue
        if word in UNITS and last in ("", "tens", "hundred", "scale"):
            if last == "tens" and UNITS[word] >= 10:
                break
            current += UNITS[word]
        elif word in TENS and last in ("", "hundred", "scale"):
            current += TENS[word]
        elif word == "hundred" and last in ("", "unit", "tens") and used and current < 100:
            current = (current or 1) * 100
            scale = 100
        elif word in SCALES and word != "hundred" and used and last != "scale":
            total += (current or 1) * SCALES[word]
            current = 0
            scale = SCALES[word]
        elif word == "dozen" and used and last == "unit":
            current *= 12
        elif (word in DASHES and last == "tens" and nxt in UNITS and UNITS[nxt] < 10) or (
            word == "and" and last in ("hundred", "scale") and (nxt in UNITS or nxt in TENS)
        ):
            j += 1
            continue
        else:
            break
        used = True
        last = (
            "unit"
            if word in UNITS
            else "tens"
            if word in TENS
            else "hundred"
            if word == "hundred"
            else "dozen"
            if word == "dozen"
            else "scale"
        )
        j += 1
        end = j
    if not used or end == i:
        return None
    return _Number(total + current, end, scale)


def _digits_number(toks: Sequence[Tok], i: int, text: str) -> _Number | None:
    """Digits at toks[i], with an optional scale word: '1,200', '2.5 million', '5 thousand'."""
    tok = toks[i]
    value = digit_value(tok.text)
    if value is None:
        return None
    # Glued to letters ("Su-24", "M5", "T-72", "5th", "1990s"): a name or an ordinal, not a count.
    before = text[max(0, tok.start - 2) : tok.start]
    if before[-1:].isalpha() or (before[-1:] in DASHES | {"/"} and before[:1].isalpha()):
        return None
    after = text[tok.end : tok.end + 3]
    if ORDINAL_SUFFIX.match(after) or after[:1] == "s":
        return None
    end = i + 1
    scale = 1.0
    if end < len(toks):
        word = toks[end].text
        mult = SCALES.get(word) or SCALE_ABBREVIATIONS.get(word)
        if mult:
            value *= mult
            scale = mult
            end += 1
        elif word == "dozen":
            value *= 12
            end += 1
    return _Number(value, end, scale)


def _number(toks: Sequence[Tok], i: int, text: str) -> _Number | None:
    if i >= len(toks):
        return None
    if toks[i].text[0].isdigit():
        return _digits_number(toks, i, text)
    return _words_number(toks, i)


def _match_phrase(toks: Sequence[Tok], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(t.text for t in toks[i : i + len(phrase)]) == phrase


def _vague(toks: Sequence[Tok], i: int) -> tuple[Bounds, int] | None:
    """A vague count at toks[i]: 'dozens', 'tens of thousands', 'several hundred', 'a few'."""
    if i >= len(toks):
        return None
    word = toks[i].text
    if word in VAGUE_MAGNITUDES:
        value = float(VAGUE_MAGNITUDES[word])
        end = i + 1
        # "tens of thousands", "hundreds of thousands"
        if (
            end + 1 < len(toks)
            and toks[end].text == "of"
            and toks[end + 1].text in VAGUE_MAGNITUDES
            and VAGUE_MAGNITUDES[toks[end + 1].text] > value
        ):
            value *= VAGUE_MAGNITUDES[toks[end + 1].text]
            end += 2
        return Bounds(value, value, None), end
    for phrase, (bounds, minimum) in _VAGUE_BY_FIRST.get(word, ()):
        if not _match_phrase(toks, i, phrase):
            continue
        end = i + len(phrase)
        if end < len(toks) and phrase[-1] != "of":
            nxt = toks[end].text
            mult = SCALES.get(nxt) or (12 if nxt == "dozen" else None)
            if mult:
                value = float(minimum * mult)
                return Bounds(value, value, None), end + 1
        return bounds, end
    return None


def _apply_modifier(mode: str | None, value: float) -> Bounds:
    if mode == AT_LEAST:
        return Bounds(value, value, None)
    if mode == UP_TO:
        return Bounds(None, None, value)
    if mode == NEARLY:
        return Bounds(None, value, value)
    if mode == ABOUT:
        return Bounds(None, value, None)
    return Bounds(value, value, value)


def _range_tail(toks: Sequence[Tok], num: _Number, text: str) -> tuple[float, _Number] | None:
    """'15 to 20', '15-20', 'one or two': the upper figure after a first one."""
    j = num.end
    if j >= len(toks) or toks[j].text not in RANGE_JOINERS:
        return None
    second = _number(toks, j + 1, text)
    if second is None:
        return None
    first = num.value
    # "2 to 3 million": the first figure shares the second's scale.
    if num.scale == 1 and second.scale > 1 and first * second.scale <= second.value:
        first *= second.scale
    if second.value <= first:
        return None
    return first, second


def match_count(toks: Sequence[Tok], i: int, text: str) -> tuple[Bounds, int, bool] | None:
    """The count phrase starting at toks[i]: (bounds, index after it, vague) or None."""
    n = len(toks)
    # between 15 and 20 / from 15 to 20
    if toks[i].text in ("between", "from") and i + 1 < n:
        first = _number(toks, i + 1, text)
        joiner = "and" if toks[i].text == "between" else "to"
        if first and first.end < n and toks[first.end].text == joiner:
            second = _number(toks, first.end + 1, text)
            if second and second.value > first.value:
                return Bounds(first.value, first.value, second.value), second.end, False
    mode: str | None = None
    j = i
    for size in range(MAX_MODIFIER, 0, -1):
        phrase = tuple(t.text for t in toks[i : i + size])
        if phrase in MODIFIERS:
            mode, j = MODIFIERS[phrase], i + size
            break
    vague = _vague(toks, j)
    if vague is not None:
        bounds, end = vague
        # "a few" etc. need no modifier; "at least dozens" keeps the magnitude as low.
        if mode in (UP_TO, NEARLY) and bounds.best is not None:
            return _apply_modifier(mode, bounds.best), end, True
        return bounds, end, True
    num = _number(toks, j, text)
    if num is None:
        return None
    tail = _range_tail(toks, num, text)
    if tail is not None:
        lower, upper = tail
        return Bounds(lower, lower, upper.value), upper.end, False
    return _apply_modifier(mode, num.value), num.end, False


def find_counts(text: str) -> list[CountMatch]:
    """Every count phrase in ``text``, left to right, non-overlapping."""
    toks = _tokens(text)
    out: list[CountMatch] = []
    i = 0
    while i < len(toks):
        found = match_count(toks, i, text)
        if found is None:
            i += 1
            continue
        bounds, end, vague = found
        out.append(CountMatch(toks[i].start, toks[end - 1].end, bounds, vague))
        i = end
    return out


@lru_cache(maxsize=4096)
def parse_count(text: str) -> Bounds | None:
    """The count a whole phrase states ('at least 33', 'dozens', '15-20'), else None."""
    toks = tokenize(text.strip().rstrip(".,;:"))
    if not toks:
        return None
    found = match_count(toks, 0, text.strip())
    if found is None or found[1] != len(toks):
        return None
    return found[0]
