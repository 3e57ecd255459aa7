"""The actor dictionary: data files in, normalised lookups and spaCy token patterns out.

Three bundled files under ``resources/actors/`` (see the README there):
``actors.tsv`` (named actors), ``generic.tsv`` (phrases such as "gunmen" or
"civilians") and ``demonyms.tsv`` (country names and demonyms, from which
"<demonym> + force noun" patterns are built instead of listing every pair).
A user file named by ``FRONTLINES_ACTORS_EXTRA`` (actors.tsv columns) is merged
over the bundled rows: a row with a known id replaces it, a new id is added.

Alias markers in the files: ``=`` case-sensitive, ``~`` weak (needs confirming
context), ``!`` loaded label, ``^`` (generic file only) valid only after a
demonym or country name.
"""

from __future__ import annotations

import csv
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import FrontlinesError
from ..eval.common import bundled


def words(text: str) -> frozenset[str]:
    """A word list written as prose (one string, space-separated)."""
    return frozenset(text.split())


EXTRA_ENV = "FRONTLINES_ACTORS_EXTRA"
STATE_NAMES = {"mil": "Military Forces of", "pol": "Police Forces of", "gov": "Government of"}
# Words allowed between a demonym and a force noun: "Syrian government forces",
# "Israeli occupation forces". "opposition" or "-backed" are deliberately absent.
MODIFIERS = words(
    "government regime state armed occupation occupying ground regular elite federal "
    "junta military army naval sea attack kamikaze combat fighter frontline border "
    "national interim"
)
# A modifier that makes any force noun the state's: "Syrian government fighters".
STATE_MODIFIERS = frozenset(
    ["government", "regime", "state", "junta", "military", "army", "occupation", "occupying"]
)
MAX_PREFIX_TOKENS = 6
_STATE_ID = re.compile(r"^(mil|pol|gov)_([a-z]{2})(?:_|$)")


class ActorDataError(FrontlinesError):
    """A row of an actor data file that cannot be read."""

    code = "E040"


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor as ACLED would code it; ``generic`` for phrases like "gunmen"."""

    id: str
    name: str
    country: str | None
    side: str | None
    inter: int | None
    generic: bool
    valid_from: date | None
    valid_to: date | None
    successor: str | None = None
    context: tuple[str, ...] = ()
    source: str | None = None
    state: str | None = (
        None  # generic rows: "mil" | "pol" | "gov" when a demonym makes it a state actor
    )

    def valid_on(self, when: date) -> bool:
        if self.valid_from is not None and when < self.valid_from:
            return False
        return not (self.valid_to is not None and when >= self.valid_to)


@dataclass(frozen=True, slots=True)
class Alias:
    """One surface form of an actor, markers parsed."""

    text: str
    actor_id: str
    case_sensitive: bool = False
    weak: bool = False
    loaded: bool = False
    after_demonym: bool = False


@dataclass(frozen=True, slots=True)
class Country:
    cc: str
    name: str  # ACLED country name
    forms: tuple[str, ...]  # names and demonyms, markers stripped
    names: tuple[str, ...] = ()  # the names alone


def fold(text: str) -> str:
    """Lower-case, strip accents, unify apostrophes; keeps hyphens (used for token values)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'").casefold()


_SEP = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014_/]+")


def normalise(text: str) -> str:
    """Lookup key of a phrase: folded, hyphens/slashes as spaces, no leading "the", no possessive."""
    key = _SEP.sub(" ", fold(text)).strip(' .,;:"()[]')
    key = re.sub(r" ?'s?$", "", key)
    if key.startswith("the "):
        key = key[4:]
    return key.strip()


def parse_alias(raw: str, actor_id: str) -> Alias | None:
    text = raw.strip()
    flags = {"case_sensitive": False, "weak": False, "loaded": False, "after_demonym": False}
    marks = {"=": "case_sensitive", "~": "weak", "!": "loaded", "^": "after_demonym"}
    while text and text[0] in marks:
        flags[marks[text[0]]] = True
        text = text[1:].strip()
    if not text:
        return None
    return Alias(text, actor_id, **flags)


def _date(value: str, where: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ActorDataError(f"{where}: bad date {value!r}") from exc


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [(n, line) for n, line in enumerate(handle, 1) if not line.startswith("#")]
    reader = csv.reader((line for _, line in lines), delimiter="\t", quoting=csv.QUOTE_NONE)
    header: list[str] | None = None
    for (number, _), row in zip(lines, reader, strict=True):
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip() for cell in row]
            continue
        padded = row + [""] * (len(header) - len(row))
        if len(row) > len(header):
            raise ActorDataError(f"{path}:{number}: {len(row)} fields, header has {len(header)}")
        yield number, dict(zip(header, (cell.strip() for cell in padded), strict=True))


def read_actor_file(path: Path, generic: bool = False) -> list[tuple[ActorEntry, list[Alias]]]:
    """Rows of actors.tsv (or generic.tsv with ``generic=True``) as entries with their aliases."""
    out = []
    for number, row in _rows(path):
        where = f"{path}:{number}"
        actor_id = row.get("id", "")
        if not actor_id or not row.get("name"):
            raise ActorDataError(f"{where}: id and name are required")
        inter_text = row.get("inter", "")
        inter = int(inter_text) if inter_text else None
        if inter is not None and not 1 <= inter <= 8:
            raise ActorDataError(f"{where}: inter {inter} outside 1..8")
        entry = ActorEntry(
            id=actor_id,
            name=row["name"],
            country=None if generic else (row.get("country") or None),
            side=row.get("side") or None,
            inter=inter,
            generic=generic,
            valid_from=_date(row.get("valid_from", ""), where),
            valid_to=_date(row.get("valid_to", ""), where),
            successor=row.get("successor") or None,
            context=tuple(c.strip() for c in row.get("context", "").split("|") if c.strip()),
            source=row.get("source") or None,
            state=row.get("state") or None,
        )
        aliases = [
            a for raw in row.get("aliases", "").split("|") if (a := parse_alias(raw, actor_id))
        ]
        out.append((entry, aliases))
    return out


def read_demonyms(path: Path) -> list[tuple[Country, list[Alias]]]:
    out = []
    for _, row in _rows(path):
        cc = row["cc"]
        forms = [
            a
            for raw in (row["names"] + "|" + row["demonyms"]).split("|")
            if (a := parse_alias(raw, cc))
        ]
        names = tuple(a.text for raw in row["names"].split("|") if (a := parse_alias(raw, cc)))
        out.append((Country(cc, names[0], tuple(f.text for f in forms), names), forms))
    return out


@dataclass
class _Index:
    """Lookup tables built once from the rows."""

    entries: dict[str, ActorEntry] = field(default_factory=dict)
    aliases: dict[str, list[Alias]] = field(default_factory=dict)  # actor id -> aliases
    by_key: dict[str, list[Alias]] = field(default_factory=dict)  # normalised alias -> aliases
    by_exact: dict[str, list[Alias]] = field(default_factory=dict)  # case-sensitive alias text
    countries: dict[str, Country] = field(default_factory=dict)
    country_key: dict[str, str] = field(default_factory=dict)  # normalised name/demonym -> cc
    country_exact: dict[str, str] = field(default_factory=dict)  # "US", "U.S.", "UAE" -> cc
    names: set[str] = field(
        default_factory=set
    )  # country names (not demonyms), normalised or exact


def alias_variants(text: str) -> list[str]:
    """Spellings matched for one alias: as written, hyphens as spaces, defence/defense."""
    variants = [text]
    if "-" in text:
        variants.append(text.replace("-", " "))
    for a, b in (
        ("Defence", "Defense"),
        ("defence", "defense"),
        ("Defense", "Defence"),
        ("defense", "defence"),
    ):
        if a in text:
            variants.append(text.replace(a, b))
    return list(dict.fromkeys(variants))


class ActorDictionary:
    """Named and generic actors with aliases, date ranges and country demonyms."""

    def __init__(
        self,
        actors: Iterable[tuple[ActorEntry, list[Alias]]],
        generic: Iterable[tuple[ActorEntry, list[Alias]]],
        countries: Iterable[tuple[Country, list[Alias]]],
    ) -> None:
        ix = _Index()
        for entry, aliases in [
            *actors,
            *generic,
        ]:  # a later row with a known id replaces it in place
            ix.entries[entry.id] = entry
            ix.aliases[entry.id] = aliases
        for aliases in ix.aliases.values():
            for alias in aliases:
                for variant in alias_variants(alias.text):
                    if alias.case_sensitive:
                        ix.by_exact.setdefault(variant, []).append(alias)
                    else:
                        ix.by_key.setdefault(normalise(variant), []).append(alias)
        for country, forms in countries:
            ix.countries[country.cc] = country
            ix.names.update(
                f.text if f.case_sensitive else normalise(f.text)
                for f in forms
                if f.text in country.names
            )
            for form in forms:
                if form.case_sensitive:
                    ix.country_exact[form.text] = country.cc
                else:
                    ix.country_key.setdefault(normalise(form.text), country.cc)
        self._ix = ix
        self._derived: dict[tuple[str, str], list[ActorEntry]] = {}

    # ----------------------------------------------------------------- loading
    @classmethod
    def from_files(
        cls, actors: Path, generic: Path, demonyms: Path, extra: Sequence[Path] = ()
    ) -> ActorDictionary:
        rows = read_actor_file(actors)
        for path in extra:
            rows += read_actor_file(path)
        return cls(rows, read_actor_file(generic, generic=True), read_demonyms(demonyms))

    @classmethod
    def bundled(cls) -> ActorDictionary:
        """The packaged dictionary plus FRONTLINES_ACTORS_EXTRA files; loaded once per setting."""
        return _bundled(os.environ.get(EXTRA_ENV, ""))

    # ----------------------------------------------------------------- access
    def __len__(self) -> int:
        return len(self._ix.entries)

    def __iter__(self) -> Iterator[ActorEntry]:
        return iter(self._ix.entries.values())

    def get(self, actor_id: str) -> ActorEntry | None:
        return self._ix.entries.get(actor_id)

    def aliases_of(self, actor_id: str) -> list[Alias]:
        return list(self._ix.aliases.get(actor_id, ()))

    @property
    def countries(self) -> dict[str, Country]:
        return dict(self._ix.countries)

    def candidates(self, text: str, case_sensitive: bool = False) -> list[Alias]:
        """Aliases whose spelling is ``text`` (exact for case-sensitive ones)."""
        if case_sensitive:
            return list(self._ix.by_exact.get(text, ()))
        return list(self._ix.by_key.get(normalise(text), ()))

    def is_country_name(self, text: str) -> bool:
        """True for "Syria", "US"; False for demonyms such as "Syrian"."""
        stripped = text.strip()
        return stripped in self._ix.names or normalise(stripped) in self._ix.names

    def country_of(self, text: str) -> str | None:
        """ISO code of a country name or demonym ("Syrian", "Israel's", "U.S.")."""
        stripped = text.strip()
        if stripped.endswith(("'s", "\u2019s")):
            stripped = stripped[:-2].strip()
        return self._ix.country_exact.get(stripped) or self._ix.country_key.get(normalise(stripped))

    # ----------------------------------------------------------------- resolution
    def choose(
        self,
        entries: Sequence[ActorEntry],
        when: date | None = None,
        has_cue: Callable[[str], bool] | Sequence[Callable[[str], bool]] | None = None,
    ) -> ActorEntry | None:
        """One entry among several for the same words: by date, then context cues, then file order.

        With a date after an entry's ``valid_to`` its ``successor`` chain is followed
        ("Nusra" in a 2019 text is Hayat Tahrir al-Sham, the organisation it became).
        """
        pool = list(dict.fromkeys(entries))
        if not pool:
            return None
        if when is not None:
            valid = [e for e in pool if e.valid_on(when)]
            if not valid:
                valid = [s for e in pool if (s := self._successor_on(e, when)) is not None]
            if valid:
                pool = list(dict.fromkeys(valid))
        tests = [has_cue] if callable(has_cue) else list(has_cue or ())
        for test in tests:  # e.g. cues near the mention first, then anywhere in the doc
            if len(pool) < 2:
                break
            cued = [e for e in pool if any(test(c) for c in e.context)]
            if cued:
                pool = cued
        return pool[0]

    def _successor_on(self, entry: ActorEntry, when: date) -> ActorEntry | None:
        seen = {entry.id}
        current = entry
        while current.successor and current.valid_to is not None and when >= current.valid_to:
            nxt = self._ix.entries.get(current.successor)
            if nxt is None or nxt.id in seen:
                return None
            seen.add(nxt.id)
            if nxt.valid_on(when):
                return nxt
            current = nxt
        return None

    def with_siblings(self, entries: Iterable[ActorEntry]) -> list[ActorEntry]:
        """Entries plus the other periods of the same state force ("US Navy" is listed on one
        row of the US military but names every period), in file order."""
        out: list[ActorEntry] = []
        for entry in entries:
            match = _STATE_ID.match(entry.id)
            if match and not entry.generic:
                out.extend(self.state_entries(match[1], match[2].upper()))
            else:
                out.append(entry)
        return list(dict.fromkeys(out))

    def state_entries(self, state: str, cc: str) -> list[ActorEntry]:
        """Rows for "<state> forces of <country>", in file order; one made up when none is listed."""
        key = (state, cc)
        if key not in self._derived:
            prefix = f"{state}_{cc.lower()}"
            rows = [
                e
                for e in self._ix.entries.values()
                if e.id == prefix or e.id.startswith(prefix + "_")
            ]
            if not rows:
                country = self._ix.countries.get(cc)
                cname = country.name if country else cc
                rows = [
                    ActorEntry(
                        prefix, f"{STATE_NAMES[state]} {cname}", cc, cname, 1, False, None, None
                    )
                ]
            self._derived[key] = rows
        return self._derived[key]

    def generic_in(self, generic: ActorEntry, cc: str) -> ActorEntry:
        """A generic actor placed in a country: "Civilians (Syria)", ACLED style."""
        key = (generic.id, cc)
        if key not in self._derived:
            country = self._ix.countries.get(cc)
            cname = country.name if country else cc
            self._derived[key] = [
                ActorEntry(
                    f"{generic.id}_{cc.lower()}",
                    f"{generic.name} ({cname})",
                    cc,
                    generic.side,
                    generic.inter,
                    True,
                    None,
                    None,
                    source=generic.source,
                )
            ]
        return self._derived[key][0]

    def with_country(
        self, generic: ActorEntry, cc: str, when: date | None = None
    ) -> ActorEntry | None:
        if generic.state in STATE_NAMES:
            return self.choose(self.state_entries(generic.state, cc), when)
        return self.generic_in(generic, cc)

    def lookup(self, text: str, when: date | None = None) -> ActorEntry | None:
        """The actor a phrase names ("SAA", "Syrian troops", "Nusra"), date-range aware.

        Order: case-sensitive alias, then normalised alias (generic phrases that
        only make sense after a demonym are skipped), then "<country|demonym>
        [modifiers] <generic phrase>".
        """
        stripped = text.strip()
        exact = self._ix.by_exact.get(stripped)
        if not exact:
            exact = [a for a in self._ix.by_key.get(normalise(stripped), ()) if not a.after_demonym]
        if exact:
            return self.choose(
                self.with_siblings(self._ix.entries[a.actor_id] for a in exact), when
            )
        return self._lookup_demonym_led(stripped, when)

    def _lookup_demonym_led(self, text: str, when: date | None) -> ActorEntry | None:
        words = re.sub(r"(?<=\w)['\u2019]s\b", " 's", fold(text)).replace("-", " - ").split()
        raw_words = text.replace("\u2019", "'").replace("'s", " 's").replace("-", " - ").split()
        for n in range(min(MAX_PREFIX_TOKENS, len(words) - 1), 0, -1):
            cc = self._ix.country_exact.get(" ".join(raw_words[:n])) or self._ix.country_key.get(
                normalise(" ".join(words[:n]))
            )
            if cc is None:
                continue
            rest = words[n:]
            if rest and rest[0] == "'s":
                rest = rest[1:]
            while (
                len(rest) > 1 and rest[0] in MODIFIERS and self.generic_for(" ".join(rest)) is None
            ):
                rest = rest[1:]
            generic = self.generic_for(" ".join(rest))
            if generic is not None:
                return self.with_country(generic, cc, when)
        return None

    def generic_for(self, text: str) -> ActorEntry | None:
        """The generic entry a phrase is an alias of (markers such as "^" allowed)."""
        for alias in self._ix.by_key.get(normalise(text), ()):
            entry = self._ix.entries[alias.actor_id]
            if entry.generic:
                return entry
        return None

    # ----------------------------------------------------------------- patterns
    def alias_forms(self) -> Iterator[tuple[str, Alias, ActorEntry]]:
        """Every spelling matched (variants included), with its alias and entry."""
        for actor_id, aliases in self._ix.aliases.items():
            entry = self._ix.entries[actor_id]
            for alias in aliases:
                for variant in alias_variants(alias.text):
                    yield variant, alias, entry

    def country_forms(self) -> Iterator[tuple[str, bool]]:
        """Every country name and demonym, with whether it is matched case-sensitively."""
        for text in self._ix.country_exact:
            yield text, True
        for country in self._ix.countries.values():
            for form in country.forms:
                if form not in self._ix.country_exact:
                    yield form, False

    def patterns(self) -> list[dict[str, Any]]:
        """Token patterns in EntityRuler format: {"label", "pattern", "id"}.

        ``id`` is the match key the tagger resolves: ``A|<key>`` a named or generic
        alias (lower-case match), ``C|<text>`` a case-sensitive alias, ``D|<n>|<m>``
        "<country or demonym of n tokens> ['s] [modifiers] <generic phrase of m tokens>".
        """
        from .actor_patterns import build_patterns

        return build_patterns(self)


@lru_cache(maxsize=4)
def _bundled(extra: str) -> ActorDictionary:
    paths = [Path(p) for p in extra.split(os.pathsep) if p.strip()]
    for path in paths:
        if not path.is_file():
            raise ActorDataError(f"{EXTRA_ENV}: no such file {path}")
    return ActorDictionary.from_files(
        bundled("actors", "actors.tsv"),
        bundled("actors", "generic.tsv"),
        bundled("actors", "demonyms.tsv"),
        extra=paths,
    )
