"""The geocoder the pipeline calls: Doc in, frozen ``Place`` records out."""

from __future__ import annotations

import dataclasses
import logging
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from ..types import Place
from .build import build
from .gazetteer import Gazetteer, GazPlace, default_path
from .nonplaces import confirmed
from .regions import RegionInfo, analyse, precision, shifted_point
from .resolver import Resolver
from .toponyms import Mention, ToponymFinder

log = logging.getLogger(__name__)
_LOCK = threading.Lock()
_DEFAULT: dict[Path, Geocoder] = {}


def ensure_gazetteer(path: Path | None = None) -> Path:
    """The index path, building it from the PyPI GeoNames extracts when it is missing."""
    path = path or default_path()
    if not path.exists():
        log.warning("building the gazetteer index at %s (once; about 20 s)", path)
        build(path)
    return path


# "Nayrab airbase": the lower-case facility word the tagger leaves out of the name
_FACILITY_AFTER = re.compile(r"^\s+(air\s?base|airfield|airport|military airport)\b", re.IGNORECASE)
# "over Idlib province": a unit named with its admin word, which the index lacks
_ADMIN_TAIL = re.compile(
    r"\s+(?:province|governorate|oblast|region|district|prefecture|raion|krai)$", re.IGNORECASE
)
_LAST_IN_BRACKETS = re.compile(r"\([^()]{0,60},\s*$")


def _closes_brackets(text: str, start: int, end: int) -> bool:
    """The last item of "Town (District, Province)", the way ACLED notes name a province."""
    return text[end : end + 2].lstrip().startswith(")") and bool(
        _LAST_IN_BRACKETS.search(text[max(0, start - 62) : start])
    )


@dataclass(frozen=True)
class Located:
    """A mention with its resolution and qualifiers (what ``geoparse`` turns into a Place)."""

    mention: Mention
    place: GazPlace | None
    region: RegionInfo
    score: float


def _confirm_doubtful(located: list[Located]) -> list[Located]:
    """Keep a doubtful mention (a leader's surname, a weapon's name after "in"/"to")
    only as a town of that exact name in a country the document's other places are in:
    "falls to Assad" goes, "fighting in Obama" in an article about Japan stays."""
    if not any(loc.mention.doubtful for loc in located):
        return located
    countries = {
        loc.place.country
        for loc in located
        if not loc.mention.doubtful and loc.place is not None and loc.place.country
    }
    kept = []
    for loc in located:
        if loc.mention.doubtful:
            town = None if loc.mention.phonetic else confirmed(loc.mention.candidates, countries)
            if town is None:
                continue
            loc = dataclasses.replace(loc, place=town)
        kept.append(loc)
    return kept


class Geocoder:
    """Finds and resolves the places of a document against the gazetteer."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        resolver: Resolver | None = None,
        include_demonyms: bool = False,
    ) -> None:
        self.gazetteer = gazetteer
        self.finder = ToponymFinder(gazetteer)
        self.resolver = resolver or Resolver()
        self.include_demonyms = include_demonyms

    @classmethod
    def default(cls) -> Geocoder:
        """The process-wide geocoder on the cached index (built on first use)."""
        path = default_path()
        with _LOCK:
            if path not in _DEFAULT:
                _DEFAULT[path] = cls(Gazetteer(ensure_gazetteer(path)))
            return _DEFAULT[path]

    def locate_mentions(
        self, doc: Doc, include_demonyms: bool | None = None, use_context: bool = True
    ) -> list[Located]:
        """Every mention with its chosen gazetteer entry (None when unresolved)."""
        demonyms = self.include_demonyms if include_demonyms is None else include_demonyms
        text = doc.text
        mentions = [self._without_admin_word(m) for m in self.finder.find(doc, demonyms)]
        regions = [analyse(text, m.start, m.end) for m in mentions]
        mentions = [
            dataclasses.replace(m, admin_hint=True)
            if (r.wants_admin or _closes_brackets(text, m.start, m.end)) and not m.admin_hint
            else m
            for m, r in zip(mentions, regions, strict=True)
        ]
        mentions = [self._with_admin_candidates(m) if m.admin_hint else m for m in mentions]
        mentions = [self._with_facility(m, text) for m in mentions]
        resolver = self.resolver
        if not use_context:
            resolver = dataclasses.replace(resolver, use_context=False)
        resolved = resolver.resolve(mentions, text)
        return _confirm_doubtful(
            [
                Located(r.mention, r.place, region, r.score)
                for r, region in zip(resolved, regions, strict=True)
            ]
        )

    def _without_admin_word(self, m: Mention) -> Mention:
        """ "Idlib province" with no candidate: the units (else any place) called "Idlib"."""
        tail = None if m.candidates else _ADMIN_TAIL.search(m.text)
        if tail is None:
            return m
        found = self.gazetteer.lookup(m.text[: tail.start()])
        units = tuple(c for c in found if c.fclass == "A" and not c.is_country) or found
        return dataclasses.replace(m, candidates=units, admin_hint=True) if units else m

    def _with_facility(self, m: Mention, text: str) -> Mention:
        """ "the Nayrab airbase": the airfield named so, not the village of that name.
        Only curated (supplement) bases in a country the name already has: the
        airport lists hold many homonyms ("Bali airport" is also a field in Cameroon)."""
        after = _FACILITY_AFTER.match(text[m.end : m.end + 24])
        if after is None:
            return m
        countries = {c.country for c in m.candidates}
        found = tuple(
            c
            for c in self.gazetteer.lookup(f"{m.text} {after.group(1)}")
            if c.fclass == "S"
            and (c.source or "").startswith("supplement")
            and (not countries or c.country in countries)
        )
        return dataclasses.replace(m, candidates=found) if found else m

    def _with_admin_candidates(self, m: Mention) -> Mention:
        """Admin units spelled differently from the town ("Idleb" -> Idlib governorate,
        "Donetsk" -> Donetska oblast) when the phrase asks for the province."""
        if any(c.fcode == "ADM1" for c in m.candidates):
            return m
        extra = tuple(
            p for p in self.gazetteer.lookup_phonetic(m.text, similar=False) if p.fcode == "ADM1"
        )
        return dataclasses.replace(m, candidates=m.candidates + extra) if extra else m

    def geoparse(self, doc: Doc, offset: int = 0, text: str | None = None) -> list[Place]:
        """Places of ``doc`` with offsets shifted by ``offset`` (the doc's start in the article).

        ``text`` is the article text when the doc covers a slice of it; it is only
        used to check that the offsets line up (a mismatch is logged, not raised).
        """
        if text is not None and text[offset : offset + len(doc.text)] != doc.text:
            log.warning("geoparse: doc.text is not text[offset:offset + len(doc.text)]")
        places = []
        for loc in self.locate_mentions(doc):
            m, gp = loc.mention, loc.place
            if gp is None:
                places.append(
                    Place(
                        m.text, m.start + offset, m.end + offset, None, None, None, None, None, None
                    )
                )
                continue
            lat, lon = shifted_point(gp, loc.region)
            places.append(
                Place(
                    text=m.text,
                    start=m.start + offset,
                    end=m.end + offset,
                    name=gp.name,
                    lat=lat,
                    lon=lon,
                    country=gp.country,
                    geonameid=gp.geonameid,
                    precision=precision(gp, loc.region),
                )
            )
        return places
