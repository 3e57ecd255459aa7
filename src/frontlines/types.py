"""The records that cross module boundaries: one place, frozen, typed, with offsets.

Every record here maps one-to-one onto a part of the output contract in
DESIGN.md ("The output contract"); ``to_json()`` methods give exactly those
field names. Offsets are character offsets into ``Article.text`` (the document
as read, after decoding), end exclusive.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

SegmentKind = Literal["title", "body", "boilerplate", "comments"]
ClaimantType = Literal[
    "author",
    "government",
    "military",
    "armed_group",
    "media",
    "activists",
    "monitor",
    "international_org",
    "witness",
    "anonymous",
]
Modality = Literal["asserted", "reported", "claimed", "denied", "hypothetical", "future"]
Evidence = Literal["visual", "documentary", "none_cited", "disputed"]
QuantityKind = Literal[
    "fatalities", "injured", "arrested", "abducted", "displaced", "equipment", "deployed", "area"
]
ActorRole = Literal["actor1", "actor2"]
JSON = dict[str, Any]


def content_id(text: str, record: str | None = None) -> str:
    """Stable article id: a content hash of the decoded text (re-ingest is a no-op).

    ``record`` names a row of a data set (file name and row) when the data set
    holds distinct records with the same text: FA-KES, for one, has rows that
    differ only in date, label or id, and each is an article of its own.
    """
    key = text if record is None else f"{record}\x00{text}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Segment:
    kind: SegmentKind
    start: int
    end: int

    def to_json(self) -> JSON:
        return {"kind": self.kind, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Article:
    """One input document, whatever format it came in.

    ``text`` is what every offset refers to. Readers that know the structure
    (HTML through trafilatura, feeds) pass ``segments``; for plain text the
    segmenter computes them.
    """

    text: str
    path: str
    format: str  # txt | html | rss | warc | jsonl | csv
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    language: str | None = None
    segments: tuple[Segment, ...] = ()
    original_source: str | None = None  # the outlet a repost names as its origin
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", content_id(self.text))

    def to_json(self) -> JSON:
        return {
            "id": self.id,
            "path": self.path,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            # Beyond the contract: the outlet a repost names as its origin.
            "original_source": self.original_source,
        }


@dataclass(frozen=True, slots=True)
class TextSpan:
    text: str
    start: int
    end: int

    def to_json(self) -> JSON:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Actor:
    role: ActorRole
    text: str
    start: int
    end: int
    name: str  # canonical name from the actor dictionary, or the normalised phrase
    side: str | None
    inter: int | None  # ACLED inter code 1..8

    def to_json(self) -> JSON:
        return {
            "role": self.role,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "side": self.side,
            "inter": self.inter,
        }


@dataclass(frozen=True, slots=True)
class DateValue:
    text: str | None
    value: str | None  # ISO date, or None when it cannot be resolved
    precision: int  # ACLED time_precision: 1 day, 2 week, 3 month or vaguer
    start: int | None = None
    end: int | None = None

    def to_json(self) -> JSON:
        return {"text": self.text, "value": self.value, "precision": self.precision}


@dataclass(frozen=True, slots=True)
class Quantity:
    kind: QuantityKind
    low: float | None
    best: float | None
    high: float | None
    text: str
    start: int
    end: int
    category: str | None = None  # equipment category after Oryx, or who was killed
    status: str | None = None  # destroyed | damaged | captured | abandoned | shot down
    unit: str | None = None  # "km2" for area, else None (a count)

    def to_json(self) -> JSON:
        return {
            "kind": self.kind,
            "category": self.category,
            "status": self.status,
            "low": self.low,
            "best": self.best,
            "high": self.high,
            "unit": self.unit,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Place:
    text: str
    start: int
    end: int
    name: str | None
    lat: float | None
    lon: float | None
    country: str | None  # ISO 3166-1 alpha-2
    geonameid: int | None
    precision: int | None  # ACLED geo_precision: 1 town, 2 near / part of region, 3 region

    def to_json(self) -> JSON:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "geonameid": self.geonameid,
            "precision": self.precision,
        }


@dataclass(frozen=True, slots=True)
class Claimant:
    text: str | None
    start: int | None
    end: int | None
    type: ClaimantType
    side: str | None = None

    def to_json(self) -> JSON:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "side": self.side,
        }


@dataclass(frozen=True, slots=True)
class Claim:
    claimant: Claimant
    modality: Modality
    hedges: tuple[str, ...] = ()
    evidence: Evidence | None = None

    def to_json(self) -> JSON:
        return {
            "claimant": self.claimant.to_json(),
            "modality": self.modality,
            "hedges": list(self.hedges),
            "evidence": self.evidence,
        }


AUTHOR_CLAIM = Claim(Claimant(None, None, None, "author"), "asserted")


@dataclass(frozen=True, slots=True)
class Event:
    sentence: TextSpan
    trigger: TextSpan
    event_type: str  # ACLED event type, e.g. "Battles"
    sub_event_type: str  # ACLED sub-event type, e.g. "Armed clash"
    plover_type: str  # e.g. "ASSAULT"
    plover_mode: str | None  # e.g. "aerial"
    actors: tuple[Actor, ...] = ()
    date: DateValue | None = None
    location: Place | None = None
    quantities: tuple[Quantity, ...] = ()
    claim: Claim | None = None

    def to_json(self) -> JSON:
        return {
            "text": {"start": self.sentence.start, "end": self.sentence.end},
            "trigger": self.trigger.to_json(),
            "acled": {"event_type": self.event_type, "sub_event_type": self.sub_event_type},
            "plover": {"type": self.plover_type, "mode": self.plover_mode},
            "actors": [a.to_json() for a in self.actors],
            "date": self.date.to_json() if self.date else None,
            "location": self.location.to_json() if self.location else None,
            "quantities": [q.to_json() for q in self.quantities],
            "claim": self.claim.to_json() if self.claim else None,
        }


@dataclass(frozen=True, slots=True)
class Flag:
    technique: str  # SemEval-2020 Task 11 technique name
    text: str
    start: int
    end: int

    def to_json(self) -> JSON:
        return {
            "technique": self.technique,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything frontlines knows about one article: the unit stored and exported."""

    article: Article
    segments: tuple[Segment, ...]
    events: tuple[Event, ...] = ()
    places: tuple[Place, ...] = ()
    flags: tuple[Flag, ...] = ()

    def to_json(self) -> JSON:
        return {
            "article": self.article.to_json(),
            "segments": [s.to_json() for s in self.segments],
            "events": [e.to_json() for e in self.events],
            "places": [p.to_json() for p in self.places],
            "flags": [f.to_json() for f in self.flags],
        }
