"""The claims lexicons (resources/claims/*.tsv), loaded once and held immutably.

Every list is a data file with its sources in resources/claims/README.md; this
module only parses them. ``ClaimsLexicon.bundled()`` is cached per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import cast

from ..eval.common import bundled
from ..types import ClaimantType, Evidence

CLAIMANT_TYPES: frozenset[str] = frozenset(
    {
        "government",
        "military",
        "armed_group",
        "media",
        "activists",
        "monitor",
        "international_org",
        "witness",
        "anonymous",
    }
)
VERB_CLASSES = frozenset({"say", "claim", "deny", "publish", "record", "cite", "show"})
EVIDENCE_ORDER: tuple[Evidence, ...] = ("disputed", "visual", "documentary")


def resource(name: str) -> Path:
    return bundled("claims", name)


def rows(path: Path) -> list[list[str]]:
    """Tab-separated rows of a data file, comments and blank lines skipped."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append(line.split("\t"))
    return out


@dataclass(frozen=True, slots=True)
class TypeEntry:
    type: ClaimantType
    side: str | None


@dataclass(frozen=True, slots=True)
class HedgeCue:
    cue: str
    kind: str
    condition: str  # "" | "num" | "verb"


@dataclass(frozen=True)
class ClaimsLexicon:
    verbs: dict[str, str]  # word form -> verb class
    types: dict[str, TypeEntry]  # lower-case phrase -> claimant type
    type_pattern: re.Pattern[str]  # alternation of every phrase, longest first
    hedges: tuple[HedgeCue, ...]
    evidence: tuple[tuple[Evidence, re.Pattern[str]], ...]
    hedge_index: dict[str, tuple[HedgeCue, ...]]  # first word -> cues, longest first
    that_verbs: frozenset[str] = frozenset()  # cues only before "that" ("found that")

    @staticmethod
    @lru_cache(maxsize=1)
    def bundled() -> ClaimsLexicon:
        return load_lexicon()


def _country_names() -> list[str]:
    """Country names from the actors' demonym table: a bare country as claimant is its government."""
    path = bundled("actors", "demonyms.tsv")
    if not path.exists():
        return []
    names: list[str] = []
    for row in rows(path)[1:]:
        if len(row) > 1:
            names.extend(n.strip().lower() for n in row[1].split("|") if n.strip())
    return names


def load_types(path: Path | None = None) -> dict[str, TypeEntry]:
    types: dict[str, TypeEntry] = {
        name: TypeEntry("government", None) for name in _country_names() if len(name) > 3
    }
    from .sources import SourceRegistry  # outlets named as claimants are media

    for name in SourceRegistry.bundled().names():
        if len(name) > 2:
            types[name.lower()] = TypeEntry("media", None)
    for row in rows(path or resource("claimants.tsv")):
        phrase, kind = row[0].strip().lower(), row[1].strip()
        if kind not in CLAIMANT_TYPES:
            raise ValueError(f"claimants.tsv: unknown type {kind!r} for {phrase!r}")
        side = row[2].strip() if len(row) > 2 and row[2].strip() else None
        types[phrase] = TypeEntry(cast(ClaimantType, kind), side)
    return types


def type_regex(phrases: list[str]) -> re.Pattern[str]:
    """One alternation, longest phrase first, so a match at a position is the longest."""
    alts = sorted(phrases, key=len, reverse=True)
    body = "|".join(re.escape(p) for p in alts)
    # A plural "s"/"es" and a possessive are matched; word boundaries on both sides.
    return re.compile(rf"(?<![\w-])(?:{body})(?:e?s)?(?:'s|’s)?(?![\w-])", re.IGNORECASE)


def load_lexicon() -> ClaimsLexicon:
    verbs = {}
    that_verbs = set()
    for row in rows(resource("reporting_verbs.tsv")):
        if row[1].strip() not in VERB_CLASSES:
            raise ValueError(f"reporting_verbs.tsv: unknown class {row[1]!r}")
        verbs[row[0].strip().lower()] = row[1].strip()
        if len(row) > 2 and row[2].strip() == "that":
            that_verbs.add(row[0].strip().lower())
    types = load_types()
    hedges = tuple(
        HedgeCue(r[0].strip().lower(), r[1].strip(), r[2].strip() if len(r) > 2 else "")
        for r in rows(resource("hedges.tsv"))
    )
    evidence: list[tuple[Evidence, re.Pattern[str]]] = []
    for row in rows(resource("evidence.tsv")):
        if row[0] not in EVIDENCE_ORDER:
            raise ValueError(f"evidence.tsv: unknown class {row[0]!r}")
        evidence.append((row[0], re.compile(row[1], re.IGNORECASE)))
    index: dict[str, list[HedgeCue]] = {}
    for cue in sorted(hedges, key=lambda c: -len(c.cue.split())):
        index.setdefault(cue.cue.split()[0], []).append(cue)
    return ClaimsLexicon(
        verbs,
        types,
        type_regex(list(types)),
        hedges,
        tuple(evidence),
        {k: tuple(v) for k, v in index.items()},
        frozenset(that_verbs),
    )
