"""Match-level helpers of the actor tagger (events/actors.py): the ``_Hit`` record,
the filters that drop generic or attributive matches ("an army of volunteers",
"rebel-held"), the pattern-to-phrase expansion for the PhraseMatchers, and the
longest-span resolution of overlapping hits. Split out of actors.py.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from .actor_data import ActorEntry, fold, words

# "rebel-held", "Hamas-run": the name qualifies a place or body, it is no actor mention.
ATTRIBUTIVE = words(
    "held controlled run led backed dominated occupied allied aligned affiliated linked "
    "leaning friendly supported sponsored besieged administered"
)
# Generic words that are also adjectives; others ("junta") are tagged ADJ by mistake.
ADJECTIVAL = frozenset(
    ["civilian", "military", "rebel", "insurgent", "militant", "jihadist", "islamist"]
)


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    entry: ActorEntry
    rank: int
    loaded: bool
    candidates: tuple[ActorEntry, ...]


@lru_cache(maxsize=4096)
def _cue_regex(cue: str) -> re.Pattern[str]:
    """A context cue as a whole-word regex over folded text (compiled once per cue)."""
    return re.compile(r"(?<!\w)" + re.escape(fold(cue)) + r"(?!\w)")


def _phrases(pattern: list[dict[str, Any]]) -> list[tuple[str, tuple[str, ...]] | None]:
    """A token pattern as plain word sequences for a PhraseMatcher; [None] when it has operators."""
    attrs = {k for token in pattern for k in token}
    if len(attrs) != 1 or not attrs <= {"LOWER", "ORTH"}:
        return [None]
    attr = attrs.pop()
    choices: list[list[str]] = []
    for token in pattern:
        value = token[attr]
        if isinstance(value, str):
            choices.append([value])
        elif isinstance(value, dict) and set(value) == {"IN"}:
            choices.append([str(v) for v in value["IN"]])
        else:
            return [None]
    return [(attr, words) for words in itertools.product(*choices)]


def _in_caps_run(doc: Doc, start: int, end: int) -> bool:
    """True when the words around a short acronym are capitals too (a shouted headline)."""
    if end - start > 1 or len(doc[start].text) > 4:
        return False
    neighbours = [
        t
        for t in (doc[start - 1] if start else None, doc[end] if end < len(doc) else None)
        if t is not None and t.is_alpha
    ]
    return bool(neighbours) and all(t.is_upper and len(t.text) > 1 for t in neighbours)


def _generic_ok(doc: Doc, start: int, end: int) -> bool:
    """Generic phrases used as words, not actors: "an army of volunteers", "military operation"."""
    last = doc[end - 1]
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and (
        (last.lower_ == "army" and nxt.lower_ == "of") or nxt.lower_ in ATTRIBUTIVE
    ):
        return False  # "an army of volunteers", "rebel held areas"
    if _inside_name(doc, start, end):
        return False  # "Central Military Media", "Syrian Civil Defence Police"
    # with a tagger, an adjective ("civilian casualties", "military operation") is no actor;
    # a noun modifier is ("police patrol", "junta outposts": the target of an attack)
    return not (_tagged(doc) and last.pos_ == "ADJ" and last.lower_ in ADJECTIVAL)


def _tagged(doc: Doc) -> bool:
    """Whether a tagger ran (first token only: Doc.has_annotation scans every token)."""
    return len(doc) > 0 and bool(doc[0].pos_)


def _inside_name(doc: Doc, start: int, end: int) -> bool:
    """Capitalised generic words between capitalised words belong to a proper name."""
    if not any(t.is_title for t in doc[start:end]) or doc[start].is_sent_start:
        return False
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return any(t is not None and t.is_title and t.is_alpha for t in (before, after))


def _attributive(doc: Doc, end: int) -> bool:
    return (
        end + 1 < len(doc)
        and doc[end].text in ("-", "\u2010", "\u2011")
        and doc[end + 1].lower_ in ATTRIBUTIVE
    )


def _resolve(doc: Doc, hits: Sequence[_Hit]) -> list[_Hit]:
    """Non-overlapping hits: longest first, then named > demonym > generic, then leftmost."""
    taken: set[int] = set()
    chosen = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.rank, h.start)):
        if _attributive(doc, hit.end):
            continue
        tokens = set(range(hit.start, hit.end))
        if tokens & taken:
            continue
        taken |= tokens
        chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)
