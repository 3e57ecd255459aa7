"""The counted noun of a count phrase (step 2 of ``quantities.find_quantities``):
people, equipment by category, a square unit of area, or a bare count, and the
trigger phrase lookup it shares with the verb search. Split out of quantities.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .numbers import CountMatch
from .quantity_filters import MONTHS, is_upper
from .quantity_lexicon import (
    ABBREVIATION_RE,
    BARE_OK,
    CATEGORY_HINTS,
    MODIFIER_WORDS,
    NOT_EQUIPMENT,
    NOT_PEOPLE,
    PARTITIVE_NOUNS,
    PRONOUNS_AFTER_OF,
    QUOTES_AND_APOSTROPHES,
    SENTENCE_STOPS,
    equipment_at,
    lexicon,
)

if TYPE_CHECKING:
    from .numbers import Tok

AREA_RE = re.compile(
    r"\s*(?:"
    r"(?P<sqkm>(?:square|sq\.?)\s*(?:kilomet(?:er|re)s?|kms?)|km2|km²|sq\.?\s?km)"
    r"|(?P<sqmi>(?:square|sq\.?)\s*(?:miles?|mi))"
    r"|(?P<ha>hectares?|ha)"
    r"|(?P<sqm>(?:square|sq\.?)\s*(?:met(?:er|re)s?|m)|m2|m²)"
    r"|(?P<acre>acres?)"
    r")(?![\w])",
    re.IGNORECASE,
)
KM2_PER_UNIT = {"sqkm": 1.0, "sqmi": 2.58999, "ha": 0.01, "sqm": 1e-6, "acre": 0.00404686}


@dataclass(frozen=True)
class _Head:
    what: str  # people | equipment | area | bare
    category: str | None
    end_char: int  # end of the counted noun (or of the count when bare)
    end_tok: int  # token index after it
    noun_kind: tuple[str, str | None] | None = None  # the noun itself says what ("hostages")
    km2: float = 1.0


def _trigger_at(toks: list[Tok], j: int) -> tuple[str, str | None, int] | None:
    """(kind, status, length) of the longest trigger phrase starting at toks[j]."""
    lex = lexicon()
    for size in range(min(lex.max_trigger, len(toks) - j), 0, -1):
        phrase = tuple(t.text for t in toks[j : j + size])
        if phrase in lex.triggers:
            kind, status = lex.triggers[phrase]
            return kind, status, size
    return None


def _head(text: str, toks: list[Tok], ce: int, match: CountMatch) -> _Head | None:
    """The counted noun after the count, or a bare count, or None (a count of something else)."""
    area = AREA_RE.match(text, match.end)
    if area and area.lastgroup:
        end_char = area.end()
        end_tok = next((k for k in range(ce, len(toks)) if toks[k].start >= end_char), len(toks))
        return _Head("area", None, end_char, end_tok, km2=KM2_PER_UNIT[area.lastgroup])
    lex = lexicon()
    hint: str | None = None
    adjective: tuple[str, str | None, int] | None = None
    j = ce
    limit = min(len(toks), ce + 5)
    while j < limit:
        tok = toks[j]
        equipment = equipment_at(text, tok.start)
        if equipment and equipment[0] != NOT_EQUIPMENT:
            category, end_char = equipment
            # "Su-25 jets", "T-72 tanks": the model and the class noun are one head.
            nxt_tok = next((k for k in range(j, len(toks)) if toks[k].start >= end_char), None)
            if nxt_tok is not None:
                more = equipment_at(text, toks[nxt_tok].start)
                if more and more[0] != NOT_EQUIPMENT:
                    end_char = more[1]
            end_tok = next((k for k in range(j, len(toks)) if toks[k].start >= end_char), len(toks))
            return _Head("equipment", category, end_char, end_tok)
        pair = (tok.text, toks[j + 1].text) if j + 1 < len(toks) else None
        if pair in lex.people_multi:
            return _Head("people", lex.people_multi[pair] or hint, toks[j + 1].end, j + 2)
        if tok.text == "other" and j + 1 < limit:
            j += 1
            continue
        if tok.text in lex.people:
            noun_kind = _trigger_at(toks, j) or adjective
            kind = (noun_kind[0], noun_kind[1]) if noun_kind else None
            return _Head("people", lex.people[tok.text] or hint, tok.end, j + 1, kind)
        if tok.text in SENTENCE_STOPS or tok.text == ",":
            return _Head("bare", hint, match.end, ce)
        if _trigger_at(toks, j) is not None:
            nxt = toks[j + 1].text if j + 1 < len(toks) else ""
            if nxt in lex.people and tok.text not in ("dead", "killed"):
                adjective = _trigger_at(toks, j)  # "20 wounded soldiers", "26 displaced people"
                j += 1
                continue
            return _Head("bare", hint, match.end, ce)
        if tok.text == "of" and j + 1 < len(toks) and toks[j + 1].text in PRONOUNS_AFTER_OF:
            return _Head("bare", hint, match.end, ce)
        if (
            tok.text == "of"
            and j + 2 < len(toks)
            and toks[j + 1].text in ("the", "those")
            and toks[j + 2].text in PARTITIVE_NOUNS
        ):
            # "two of the dead", "three of the wounded (later died)": people, and the
            # noun says what happened to them unless a verb right after says otherwise
            said = lex.triggers.get((toks[j + 2].text,))
            return _Head("people", hint, toks[j + 2].end, j + 3, said)
        abbreviation = ABBREVIATION_RE.match(text, tok.start)
        if abbreviation:
            past = next((k for k in range(j, len(toks)) if toks[k].start >= abbreviation.end()), j)
            limit = min(len(toks), limit + past - j - 1)
            j = past if past > j else j + 1
            continue
        if tok.text in QUOTES_AND_APOSTROPHES:
            # "five of the group's fighters", "3 'terrorists'": punctuation, not a word
            skip = 2 if j + 1 < len(toks) and toks[j + 1].text == "s" else 1
            j += skip
            limit = min(len(toks), limit + skip)
            continue
        if j + 1 < len(toks) and toks[j + 1].text in ("'", "’") and tok.text.isalpha():
            j += 1  # a possessor ("of the movement's members") modifies the counted noun
            continue
        glued = tok.text[0].isdigit() and text[tok.start - 1 : tok.start] == "-"
        if glued or tok.text in MODIFIER_WORDS or (is_upper(text, tok) and tok.text not in MONTHS):
            hint = CATEGORY_HINTS.get(tok.text, hint)
            j += 1
            continue
        if tok.text in BARE_OK:
            return _Head("bare", hint, match.end, ce)
        return None  # a count of something we do not track ("3 km", "10 villages")
    return _Head("bare", hint, match.end, ce) if ce >= len(toks) else None


def _unlisted_people(text: str, toks: list[Tok], ci: int, ce: int) -> _Head | None:
    """'apprehended 23 suspected logistics suppliers', 'kidnapped 7 Chinese engineers': a
    plural noun missing from people.tsv, right after a verb that only people undergo."""
    lex = lexicon()
    verb = next(
        (
            found
            for j in range(max(0, ci - 3), ci)
            if (found := _trigger_at(toks, j)) is not None and j + found[2] == ci
        ),
        None,
    )
    if verb is None or verb[0] not in ("fatalities", "injured", "arrested", "abducted"):
        return None
    noun: int | None = None
    for k in range(ce, min(len(toks), ce + 5)):
        word = toks[k].text
        if not word.isalpha() or word in BARE_OK or word in lex.people or word in NOT_PEOPLE:
            break
        if _trigger_at(toks, k) is not None or equipment_at(text, toks[k].start) is not None:
            break
        if word.endswith("s") and len(word) > 3 and not word.endswith("ss"):
            noun = k
    if noun is None:
        return None
    return _Head("people", None, toks[noun].end, noun + 1)
