"""The word lists behind ``quantities``: loaded once from resources/quantities/*.tsv."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..eval.common import bundled, tsv_rows

NOT_EQUIPMENT = "-"


def _rows(name: str) -> list[list[str]]:
    return tsv_rows(bundled("quantities", name))


def plural_forms(word: str) -> set[str]:
    """The word and its regular plurals (enough for the nouns in our lists)."""
    forms = {word, word + "s", word + "es"}
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        forms.add(word[:-1] + "ies")
    if word.endswith("man"):
        forms.add(word[:-3] + "men")
    if word == "child":
        forms.add("children")
    if word == "person":
        forms.add("people")
    return forms


def _term_regex(term: str) -> str:
    """A lexicon term as a regex: '#' = a model number, spaces/hyphens interchangeable."""
    parts = []
    for piece in re.split(r"(#)", term.lower()):
        if piece == "#":
            parts.append(r"\d+[a-z\d]{0,4}")
        else:
            escaped = re.escape(piece)
            parts.append(escaped.replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]?"))
    body = "".join(parts)
    plural = "" if term.endswith("#") else r"(?:s|es|'s)?"
    return rf"{body}{plural}(?![\w-])"


@dataclass(frozen=True)
class Lexicon:
    equipment: re.Pattern[str]
    equipment_category: dict[str, str]  # regex group name -> category
    people: dict[str, str | None]  # noun form (lower) -> category
    people_multi: dict[tuple[str, ...], str | None]  # two-word nouns ("police officer")
    triggers: dict[tuple[str, ...], tuple[str, str | None]]  # phrase -> (kind, status)
    max_trigger: int


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    rows = _rows("equipment.tsv")
    # Longest first, so "anti-tank" wins over "tank" and "fighter jet" over "fighter".
    rows.sort(key=lambda r: -len(r[0]))
    groups = []
    categories: dict[str, str] = {}
    for n, (term, category) in enumerate(rows):
        name = f"e{n}"
        groups.append(f"(?P<{name}>{_term_regex(term)})")
        categories[name] = category
    equipment = re.compile("|".join(groups), re.IGNORECASE)

    people: dict[str, str | None] = {}
    people_multi: dict[tuple[str, ...], str | None] = {}
    for noun, category in _rows("people.tsv"):
        cat = None if category == "-" else category
        words = noun.lower().split()
        if len(words) == 1:
            for form in plural_forms(words[0]):
                people[form] = cat
        else:
            for form in plural_forms(words[-1]):
                people_multi[(*words[:-1], form)] = cat

    triggers: dict[tuple[str, ...], tuple[str, str | None]] = {}
    for phrase, kind, status in _rows("triggers.tsv"):
        triggers[tuple(phrase.lower().split())] = (kind, None if status == "-" else status)
    return Lexicon(
        equipment=equipment,
        equipment_category=categories,
        people=people,
        people_multi=people_multi,
        triggers=triggers,
        max_trigger=max(len(k) for k in triggers),
    )


def equipment_at(text: str, pos: int) -> tuple[str, int] | None:
    """(category, end) of an equipment term starting exactly at ``pos``; '-' = not equipment."""
    lex = lexicon()
    m = lex.equipment.match(text, pos)
    if m is None or m.lastgroup is None:
        return None
    return lex.equipment_category[m.lastgroup], m.end()
