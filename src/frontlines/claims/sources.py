"""The outlet registry, and the original outlet a repost names.

``SourceRegistry.bundled()`` reads resources/claims/sources.tsv plus, when the
environment variable FRONTLINES_SOURCES names a TSV of the same columns, the
user's rows (same canonical name: replaced; new: added).
``detect_original_source`` finds "Originally published by X", "All posts on
behalf of X", "Republished from X", "Source: X" in the body or boilerplate.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

from ..types import Segment
from .lexicon import resource, rows

ENV = "FRONTLINES_SOURCES"


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    country: str | None
    ownership: str | None  # state | state-funded | private | party | NGO | armed-group
    alignment: tuple[tuple[str, str], ...]  # (conflict, label)
    citation: str | None

    def alignment_in(self, conflict: str) -> str | None:
        return dict(self.alignment).get(conflict)


def parse_row(row: list[str]) -> Outlet:
    cells = [c.strip() for c in row] + [""] * (6 - len(row))
    names = [n.strip() for n in cells[0].split("|") if n.strip()]
    if not names:
        raise ValueError(f"sources: a row without a name: {row!r}")
    alignment = tuple(
        (k.strip(), v.strip())
        for k, _, v in (pair.partition("=") for pair in cells[4].split(";"))
        if k.strip() and v.strip()
    )
    return Outlet(
        name=names[0],
        aliases=tuple(names[1:]),
        domains=tuple(d.strip().lower() for d in cells[1].split("|") if d.strip()),
        country=cells[2] or None,
        ownership=cells[3] or None,
        alignment=alignment,
        citation=cells[5] or None,
    )


def _norm(name: str) -> str:
    return re.sub(r"[^\w&]+", " ", name.lower()).strip().removeprefix("the ")


class SourceRegistry:
    """Outlets by name, alias and domain."""

    def __init__(self, outlets: Iterable[Outlet]) -> None:
        self.outlets: dict[str, Outlet] = {}
        for o in outlets:
            self.outlets[o.name] = o
        self._by_key: dict[str, Outlet] = {}
        self._by_domain: dict[str, Outlet] = {}
        for o in self.outlets.values():
            for n in (o.name, *o.aliases):
                self._by_key[_norm(n)] = o
            for d in o.domains:
                self._by_domain[d.removeprefix("www.")] = o

    @classmethod
    def from_files(cls, *paths: Path) -> SourceRegistry:
        outlets: list[Outlet] = []
        for path in paths:
            outlets.extend(parse_row(r) for r in rows(path))
        return cls(outlets)

    @staticmethod
    @lru_cache(maxsize=1)
    def bundled() -> SourceRegistry:
        paths = [resource("sources.tsv")]
        user = os.environ.get(ENV)
        if user:
            paths.append(Path(user))
        return SourceRegistry.from_files(*paths)

    def names(self) -> list[str]:
        return [n for o in self.outlets.values() for n in (o.name, *o.aliases)]

    def lookup(self, name_or_url: str | None) -> Outlet | None:
        """An outlet by name, alias, domain or URL (None when unknown)."""
        if not name_or_url:
            return None
        key = name_or_url.strip()
        found = self._by_key.get(_norm(key))
        if found is not None:
            return found
        host = urlparse(key if "//" in key else "//" + key).netloc.lower().removeprefix("www.")
        path = urlparse(key if "//" in key else "//" + key).path.strip("/").split("/")[0]
        for cand in (f"{host}/{path}" if path else host, host):
            while cand:
                if cand in self._by_domain:
                    return self._by_domain[cand]
                _, dot, rest = cand.partition(".")
                cand = rest if dot and "." in rest else ""
        return None


# "Originally published by X." / "All posts on behalf of X are ..." / "Source: X"
_NAME = r"(?P<name>[A-Z0-9][\w&.'’-]*(?:[ -](?:of |for |the |and |&)?[A-Z0-9][\w&.'’-]*){0,7})"
REPOST_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.MULTILINE)
    for p in (
        rf"\b(?:[Oo]riginally|[Ff]irst) (?:published|appeared|posted) (?:by|on|in|at) (?:the )?{_NAME}",
        rf"\b[Tt]his (?:article|story|report|post) (?:was )?(?:originally |first )?(?:published|appeared) (?:by|on|in|at) (?:the )?{_NAME}",
        rf"\b(?:[Rr]epublished|[Rr]eposted|[Rr]eprinted) (?:from|with permission (?:of|from)) (?:the )?{_NAME}",
        rf"\b[Aa]ll (?:posts|articles|materials) (?:published )?on behalf of (?:the )?{_NAME}",
        rf"^\s*(?:Source|SOURCE|Via|Original source)\s*:\s*(?:the )?{_NAME}",
    )
)


def find_repost_names(text: str) -> list[str]:
    """Outlet names a text gives as its origin, strongest cue first."""
    out: list[str] = []
    for pattern in REPOST_PATTERNS:
        for m in pattern.finditer(text):
            name = re.split(r"\.\s", m.group("name"), maxsplit=1)[0].strip(" .,'’-")
            name = re.sub(r"\s+(?:are|is|was|were|and|with)$", "", name)
            if name and name not in out:
                out.append(name)
    return out


def detect_original_source(
    text: str,
    segments: Sequence[Segment] = (),
    own: str | None = None,
    registry: SourceRegistry | None = None,
) -> str | None:
    """The outlet a repost says it comes from (canonical name when the registry knows it).

    Looks in body and boilerplate segments (all of ``text`` when none are given);
    names equal to ``own`` (the reposting site itself) are skipped.
    """
    registry = registry or SourceRegistry.bundled()
    spans = [(s.start, s.end) for s in segments if s.kind in ("body", "boilerplate")]
    texts = [text[a:b] for a, b in spans] if spans else [text]
    own_outlet = registry.lookup(own) if own else None
    own_keys = {_norm(own)} if own else set()
    if own_outlet is not None:
        own_keys |= {_norm(n) for n in (own_outlet.name, *own_outlet.aliases)}
    for name in find_repost_names("\n".join(texts)):
        outlet = registry.lookup(name)
        canonical = outlet.name if outlet is not None else name
        if _norm(canonical) in own_keys or _norm(name) in own_keys:
            continue
        return canonical
    return None
