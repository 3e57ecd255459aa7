"""How neighbouring mentions relate: parent ("Paris, Texas", "Kafr Nabl in Idlib") or
list sibling ("Arizona, Georgia and Illinois"; "Ghana, Niger, Nigeria and Togo").

A comma between two names is read as a parent link only when the first name is not
itself a country or first-level unit and the pair does not sit in a longer list of
peers: in "Georgia, Illinois, Missouri" Illinois is no parent of Georgia, and in
"cases in Washington, Pennsylvania and California" Pennsylvania is a sibling. A postal
or AP abbreviation ("London, Ky.", "Surrey, B.C.") is always a parent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .gazetteer import GazPlace
from .toponyms import Mention

_COMMA = re.compile(r"^\s*,\s*$")
_AND = re.compile(r"^\s*,?\s+(?:and|or|&)\s+$", re.IGNORECASE)
# "Kafr Nabl in Idlib", "Austin, in Scott County", "Monroe County in northeast Missouri"
_IN = re.compile(
    r"^\s*,?\s+in\s+(?:the\s+)?(?:(?:north|south)?-?(?:east|west)?(?:ern)?\s+)?$|^\s*\(\s*$",
    re.IGNORECASE,
)
# "Ky.", "B.C.", "W.Va.", "N.Y.", "Calif.", and bare postal codes in capitals ("TX")
_ABBREVIATION = re.compile(
    r"^(?:[A-Z][A-Za-z]{0,4}\.|(?:[A-Z]\.\s?){2,3}|[A-Z]\.[A-Z][a-z]{1,2}\.)$"
)
_ADMIN_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:state|province|oblast|governorate|prefecture|region|county|krai)\b"
    r"|^(?:['’]s)?\s+(?:Gov\.|[Gg]overnor\b|state legislature|statehouse)",  # a state's office
    re.IGNORECASE,
)
_ADMIN_BEFORE = re.compile(
    r"\b(?:state|province|governorate|oblast|prefecture|region)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# "Georgia's president", "the Georgian government" is a demonym; "Niger's army", "the
# Georgia government": the text treats the name as a sovereign state.
_POLITY_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:government|president|prime minister|foreign minist|defen[cs]e minist"
    r"|parliament|embassy|ambassador|armed forces|army|navy|air force|military|junta)",
    re.IGNORECASE,
)


def names_polity(text: str, end: int) -> bool:
    """The words after a name treat it as a country: "Georgia's president"."""
    return bool(_POLITY_AFTER.match(text[end : end + 24]))


def is_abbreviation(text: str) -> bool:
    return bool(_ABBREVIATION.match(text.strip()))


def names_admin(text: str, start: int, end: int) -> bool:
    """ "Washington state", "Idlib province", "the state of Washington"."""
    after = text[end : end + 16]
    if after.startswith(" State ") and after[7:8].isupper():
        return False  # "Ohio State University", "Washington State Patrol": an institution
    return bool(_ADMIN_AFTER.match(after) or _ADMIN_BEFORE.search(text[max(0, start - 24) : start]))


def polity_level(place: GazPlace) -> str | None:
    """ "PCLI" for a country, "ADM1@CC" for a first-level unit of CC, else None."""
    if place.is_country:
        return "PCLI"
    if place.fcode == "ADM1" and place.country:
        return f"ADM1@{place.country}"
    return None


@dataclass(frozen=True)
class Links:
    """Per mention: the index of its parent mention (or None) and of its list siblings."""

    parent: list[int | None]
    siblings: list[list[int]]


def find_links(mentions: Sequence[Mention], tops: Sequence[GazPlace | None], text: str) -> Links:
    """``tops`` is each mention's best candidate by prior alone (None without candidates).
    Mentions may come in any order; links are read in text order."""
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].start, mentions[i].end))
    ms = [mentions[i] for i in order]
    parent_s, siblings_s = _links_in_order(ms, [tops[i] for i in order], text)
    n = len(mentions)
    parent: list[int | None] = [None] * n
    siblings: list[list[int]] = [[] for _ in range(n)]
    for pos, i in enumerate(order):
        p = parent_s[pos]
        parent[i] = order[p] if p is not None else None
        siblings[i] = [order[q] for q in siblings_s[pos]]
    return Links(parent, siblings)


def _links_in_order(
    mentions: Sequence[Mention], tops: Sequence[GazPlace | None], text: str
) -> tuple[list[int | None], list[list[int]]]:
    n = len(mentions)
    kind: list[str | None] = []  # relation of mention i to mention i+1
    for i in range(n - 1):
        gap = text[mentions[i].end : mentions[i + 1].start]
        if len(gap) > 18 or mentions[i + 1].start < mentions[i].end:
            kind.append(None)
        elif _COMMA.match(gap):
            kind.append("comma")
        elif _AND.match(gap):
            kind.append("and")
        elif _IN.match(gap):
            kind.append("in")
        else:
            kind.append(None)
    level = [polity_level(t) if t is not None else None for t in tops]
    parent: list[int | None] = [None] * n
    for i, k in enumerate(kind):
        if k == "in":
            parent[i] = i + 1
        elif k == "comma":
            if is_abbreviation(mentions[i + 1].text):
                parent[i] = i + 1
                continue
            if level[i] is not None:
                continue  # "Iraq, Iran", "Illinois, Missouri": peers
            nxt = kind[i + 1] if i + 1 < len(kind) else None
            if (
                nxt in {"comma", "and"}
                and level[i + 1] is not None
                and level[i + 1] == level[i + 2]
            ):
                continue  # "Washington, Pennsylvania and California"
            parent[i] = i + 1
    # Lists: maximal runs joined by comma/and links that are not parent links.
    siblings: list[list[int]] = [[] for _ in range(n)]
    run = [0] if n else []
    for i in range(n - 1):
        if kind[i] in {"comma", "and"} and parent[i] is None:
            run.append(i + 1)
            continue
        _close_run(run, siblings)
        run = [i + 1]
    _close_run(run, siblings)
    return parent, siblings


def _close_run(run: list[int], siblings: list[list[int]]) -> None:
    if len(run) < 2:
        return
    for i in run:
        siblings[i] = [j for j in run if j != i]
