"""The word lists behind ``quantities``: loaded once from resources/quantities/*.tsv."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..eval.common import bundled, tsv_rows

NOT_EQUIPMENT = "-"

# Words after a bare count that leave it a count of people ("killed 33 in Idlib").
BARE_OK = {
    "were", "was", "are", "is", "have", "has", "had", "been", "being", "more",
    "in", "on", "at", "near", "during", "when", "after", "while", "including",
    "among", "as", "from", "by", "with", "and", "or", "but", "so", "since",
    "according", "said", "reportedly", "others", "last", "this", "overnight",
    "yesterday", "today", "across", "around", "inside", "outside", "over",
    "people", "who", "whom", "that", "the", "it", "they",
}  # fmt: skip
AUXILIARIES = {"were", "was", "are", "is", "have", "has", "had", "been", "being", "got", "get"}
PRONOUNS_AFTER_OF = {"them", "whom", "those", "these", "us"}
MODIFIER_WORDS = {
    "more", "other", "additional", "further", "enemy", "government", "pro",
    "regime", "military", "army", "security", "foreign", "local", "innocent",
    "unarmed", "armed", "suspected", "alleged", "so", "called", "heavy", "light",
    "modern", "western", "elite", "special", "ground", "combat", "allied",
    "rebel", "opposition", "militia", "civilian", "police", "border", "young",
    "elderly", "new", "its", "their", "his", "her", "our", "the", "of", "-",
    "'s", "enemy's", "unidentified", "unknown", "israeli", "ukrainian", "russian",
    "syrian", "turkish", "kurdish", "iraqi", "afghan", "nato", "us", "u.s",
    "self", "propelled", "towed", "main", "battle", "air", "defence", "defense",
    "armoured", "armored", "fighting", "infantry", "naval", "attack", "kamikaze",
    "soviet", "era", "made", "american", "supplied", "western-made", "loyalist",
    "federal", "state", "national", "guard", "regular", "reserve", "mostly",
    "mainly", "all", "just", "only", "group", "de", "facto", "al", "el", "village",
    "tribal",
}  # fmt: skip
# Plural nouns that a kill or seize verb may count but that are not people.
NOT_PEOPLE = {
    "cattle", "cows", "goats", "sheep", "camels", "animals", "livestock", "dogs",
    "horses", "donkeys", "heads", "times", "hours", "days", "weeks", "months", "years",
    "houses", "homes", "buildings", "villages", "towns", "positions", "targets",
}  # fmt: skip
SHARE_BEFORE_RE = re.compile(
    r"\b(?:majority|most|half|part|third|quarter|bulk|rest|remainder)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
OF_A_TOTAL_RE = re.compile(r"\s+of\s+(?:the|its|their|all|all\s+the)\s+", re.IGNORECASE)
ABBREVIATION_RE = re.compile(r"(?:[A-Za-z]\.){2,}")  # "13 U.S. service members"
CATEGORY_HINTS = {
    "civilian": "civilians",
    "military": "soldiers",
    "army": "soldiers",
    "government": "soldiers",
    "regime": "soldiers",
    "security": "soldiers",
    "police": "soldiers",
    "militia": "fighters",
    "rebel": "fighters",
    "opposition": "fighters",
}
SENTENCE_STOPS = {".", ";", "!", "?", ":"}
QUOTES_AND_APOSTROPHES = {"'", "’", '"', "“", "”"}
PARTITIVE_NOUNS = {"dead", "killed", "wounded", "injured", "casualties", "fatalities", "bodies"}


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
