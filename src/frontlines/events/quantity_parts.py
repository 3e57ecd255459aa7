"""Parts of a figure: "15 people, including 4 children", "three journalists were among
the 19 killed", "two of the dead were Filipino"; and the fatality figure ACLED would
record for a sentence. Used by ``quantities`` (which re-exports the public names)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..types import Quantity
from .quantity_lexicon import lexicon

SUBSET_BEFORE = re.compile(
    r"(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|among\s+the\s+dead|mostly|mainly)\W*$",
    re.IGNORECASE,
)
SUBSET_AFTER = re.compile(r"^\W*(?:were|was|are|is)\s+among\b", re.IGNORECASE)
# "at least 4 injured, 3 of them critically" (but "killing 15 of them" counts).
SHARE_OF_PREVIOUS = re.compile(r"^\s+of\s+(?:them|whom|those)\b", re.IGNORECASE)
# "two of the dead": the partitive noun ends the counted phrase (see ``_head``).
PARTITIVE_TAIL = re.compile(r"\bof\s+(?:the|those)\s+(\w+)$", re.IGNORECASE)


def part_of_figure(text: str, start: int, end: int) -> bool:
    """Whether the count at text[start:end] is named as part of another figure in the
    sentence: "including 4 children", "3 of them critically", "were among the 19"."""
    before = text[max(0, start - 25) : start]
    after = text[end : end + 40]
    return bool(
        SUBSET_BEFORE.search(before)
        or SUBSET_AFTER.match(after)
        or (before.rstrip().endswith(",") and SHARE_OF_PREVIOUS.match(after))
    )


def share_of_toll(quantity: Quantity) -> bool:
    """'two of the dead were Filipino': a share of a toll given elsewhere (the partitive
    noun is of the quantity's own kind); 'three of the wounded died' is a new figure."""
    tail = PARTITIVE_TAIL.search(quantity.text)
    if tail is None:
        return False
    said = lexicon().triggers.get((tail.group(1).lower(),))
    return said is not None and said[0] == quantity.kind


def is_subset(quantity: Quantity, text: str, offset: int = 0) -> bool:
    """Whether a quantity is part of another figure: "15 people, including 4 children",
    "three journalists were among the 19 killed", "4 injured, 3 of them critically",
    "two of the dead were Filipino". ``text`` is the sentence (or document) the offsets
    point into, starting at ``offset``."""
    start, end = quantity.start - offset, quantity.end - offset
    return share_of_toll(quantity) or part_of_figure(text, start, end)


def acled_fatalities(quantities: Sequence[Quantity], text: str, offset: int = 0) -> float | None:
    """The fatality figure ACLED would record for one sentence's quantities, or None.

    Sums the ``best`` of fatality counts that are not parts of another figure
    ("including 4 children"); parts count only when the sentence gives no whole
    fatality figure ("100,000 casualties, including 20,000 killed": casualties are
    not deaths), and shares of a toll given elsewhere ("two of the dead") never. A
    count with no best ("up to 40") adds nothing. None when no fatality count is left.
    """
    deaths = [q for q in quantities if q.kind == "fatalities" and not share_of_toll(q)]
    wholes = [q for q in deaths if not is_subset(q, text, offset)]
    known = [q.best for q in (wholes or deaths) if q.best is not None]
    return float(sum(known)) if known else None
