"""A claimant's side, from the actor dictionary (resources/actors/actors.tsv).

Whole phrases go through ``ActorDictionary.lookup``; aliases *inside* a longer
phrase ("the spokesman of the Rapid Support Forces") are found with one regex
over the dictionary file's aliases, which the dictionary's own lookup (exact
phrases only) does not offer.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..eval.common import bundled
from ..events.actor_data import ActorDictionary
from ..types import ClaimantType
from .lexicon import rows

# ACLED inter codes -> the claimant type an actor of that kind speaks as.
INTER_TYPES: dict[int, ClaimantType] = {
    1: "military",
    2: "armed_group",
    3: "armed_group",
    4: "armed_group",
    6: "activists",
    8: "international_org",
}


@lru_cache(maxsize=1)
def _aliases() -> tuple[re.Pattern[str] | None, dict[str, tuple[str | None, int | None]]]:
    """alias -> (side, inter), read from the actor dictionary's data file."""
    path = bundled("actors", "actors.tsv")
    found: dict[str, tuple[str | None, int | None]] = {}
    if path.exists():
        for row in rows(path)[1:]:
            if len(row) < 6:
                continue
            side = row[4].strip() or None
            inter = int(row[5]) if row[5].strip().isdigit() else None
            for alias in row[2].split("|"):
                alias = alias.lstrip("=!^").strip().lower()
                if len(alias) > 2:
                    found.setdefault(alias, (side, inter))
    if not found:
        return None, {}
    body = "|".join(re.escape(a) for a in sorted(found, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])"), found


def actor_of(text: str) -> tuple[str | None, ClaimantType | None]:
    """(side, claimant type) of the last dictionary actor named inside ``text``."""
    pattern, found = _aliases()
    if pattern is None:
        return None, None
    hits = list(pattern.finditer(text.lower()))
    if not hits:
        return None, None
    side, inter = found[hits[-1].group(0)]
    return side, INTER_TYPES.get(inter) if inter is not None else None


def side_of(text: str) -> str | None:
    """The side the actor dictionary gives the phrase (or an alias inside it), else None."""
    entry = ActorDictionary.bundled().lookup(text)
    if entry is not None and entry.side:
        return entry.side
    return actor_of(text)[0]


@lru_cache(maxsize=1)
def _state_sides() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """Country name or demonym (lower case) -> the side of that country's state forces."""
    actors, demonyms = bundled("actors", "actors.tsv"), bundled("actors", "demonyms.tsv")
    if not actors.exists() or not demonyms.exists():
        return None, {}
    side_of_cc: dict[str, str] = {}
    for row in rows(actors)[1:]:
        if len(row) > 5 and row[5].strip() == "1" and row[4].strip():
            side_of_cc.setdefault(row[3].strip(), row[4].strip())
    words: dict[str, str] = {}
    for row in rows(demonyms)[1:]:
        cc = row[0].strip()
        if cc not in side_of_cc or len(row) < 3:
            continue
        for form in [*row[1].split("|"), *row[2].split("|")]:
            form = form.lstrip("=").strip().lower()
            if len(form) > 3:
                words[form] = side_of_cc[cc]
    if not words:
        return None, {}
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?:'s|’s)?(?![\w-])"), words


def state_side(text: str) -> str | None:
    """ "the Russian Defence Ministry" -> the side the dictionary gives Russia's state forces."""
    pattern, words = _state_sides()
    if pattern is None:
        return None
    hit = pattern.search(text.lower())
    if hit is None:
        return None
    key = hit.group(0).removesuffix("'s").removesuffix("’s")
    return words.get(key)
