"""Event location: which of a sentence's places is where the event happened.

Not merely any place in the sentence: in "Turkish forces deployed in Idlib"
the place is Idlib (the demonym names an actor); in "the Russian Hmeimim Air
Base in Syria" it is the base (Syria is its parent). Preference order: places
governed by a locative preposition, the most specific (lowest precision
number), the closest to the trigger; demonym-derived mentions and parents of
another place in the sentence are skipped. The owner in a possessive ("northwest
Syria's Idlib province") is the parent of what it owns, which inherits the
preposition.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..types import Place
from .normalize import name_key
from .toponyms import demonyms

_LOCATIVE = re.compile(
    r"\b(in|near|at|on|outside|around|across|into|inside|towards?|over|within|outskirts of|countryside of|north of|south of|east of|west of)\s+(?:the\s+)?(?:[\w-]+(?:['’]s)?\s+){0,2}$",
    re.IGNORECASE,
)
_PARENT_LINK = re.compile(r"^(?:,\s*|\s+in\s+(?:the\s+)?|\s+\()")
# "Syria's Idlib province", "Ukraine's eastern Donetsk region": the owner is the parent.
_POSSESSIVE = re.compile(r"^['’]s\s+(?:[a-z-]+\s+){0,2}")


def _is_demonym(place: Place) -> bool:
    return name_key(place.text) in demonyms()


def locate_event(
    places: Sequence[Place], sentence: tuple[int, int], trigger: tuple[int, int], text: str
) -> Place | None:
    """The place of the event whose trigger is ``trigger`` in ``sentence`` (offsets into text)."""
    s_start, s_end = sentence
    inside = [
        p
        for p in places
        if s_start <= p.start and p.end <= s_end and p.lat is not None and not _is_demonym(p)
    ]
    if not inside:
        return None
    parents: set[int] = set()
    for p in inside:
        m = _PARENT_LINK.match(text[p.end : p.end + 10])
        if m:
            for q in inside:
                if q.start == p.end + m.end() and (q.precision or 3) >= (p.precision or 3):
                    parents.add(id(q))
        m = _POSSESSIVE.match(text[p.end : p.end + 30])
        if m:
            for q in inside:
                if q.start == p.end + m.end() and (p.precision or 3) >= (q.precision or 3):
                    parents.add(id(p))
    best: tuple[float, Place] | None = None
    t_mid = (trigger[0] + trigger[1]) / 2
    for p in inside:
        score = 0.0
        left = text[max(s_start, p.start - 40) : p.start]
        if _LOCATIVE.search(left):
            score += 3.0
        score += 3 - (p.precision or 3)
        if id(p) in parents:
            score -= 2.5
        score -= abs((p.start + p.end) / 2 - t_mid) / 150.0
        if best is None or score > best[0]:
            best = (score, p)
    return best[1] if best else None
