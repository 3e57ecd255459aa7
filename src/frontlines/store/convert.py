"""Frozen ``frontlines.types`` records to ORM rows and back.

The only place that knows how a record is flattened into columns, so the
store class never touches field names and a round trip is lossless (tests
save extractions and read back equal records, every optional part filled or empty).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import cast, get_args

from ..errors import StoreError
from ..types import (
    Actor,
    ActorRole,
    Article,
    Claim,
    Claimant,
    ClaimantType,
    DateValue,
    Event,
    Evidence,
    Extraction,
    Flag,
    Modality,
    Place,
    Quantity,
    QuantityKind,
    Segment,
    SegmentKind,
    TextSpan,
)
from .models import (
    ArticleRow,
    EventActorRow,
    EventRow,
    FlagRow,
    PlaceRow,
    QuantityRow,
    SegmentRow,
)


def _checked(value: str, literal: object, what: str) -> str:
    """A value read back from the database must still be one the types allow."""
    if value not in get_args(literal):
        raise StoreError(f"stored {what} {value!r} is not one of {get_args(literal)}")
    return value


# --- articles and segments -------------------------------------------------------------


def article_row(article: Article, ingested_at: datetime) -> ArticleRow:
    row = ArticleRow(
        id=article.id,
        path=article.path,
        source=article.source,
        original_source=article.original_source,
        url=article.url,
        title=article.title,
        published=article.published,
        language=article.language,
        format=article.format,
        text=article.text,
        ingested_at=ingested_at,
    )
    row.segments = segment_rows(article.segments)
    return row


def segment_rows(segments: tuple[Segment, ...]) -> list[SegmentRow]:
    return [
        SegmentRow(ordinal=i, kind=s.kind, start=s.start, end=s.end) for i, s in enumerate(segments)
    ]


def segment_from_row(row: SegmentRow) -> Segment:
    kind = cast(SegmentKind, _checked(row.kind, SegmentKind, "segment kind"))
    return Segment(kind, row.start, row.end)


def article_from_row(row: ArticleRow) -> Article:
    return Article(
        text=row.text,
        path=row.path,
        format=row.format,
        source=row.source,
        url=row.url,
        title=row.title,
        published=row.published,
        language=row.language,
        segments=tuple(segment_from_row(s) for s in row.segments),
        original_source=row.original_source,
        id=row.id,
    )


# --- places and flags ------------------------------------------------------------------


def place_row(place: Place, ordinal: int) -> PlaceRow:
    return PlaceRow(
        ordinal=ordinal,
        text=place.text,
        start=place.start,
        end=place.end,
        name=place.name,
        lat=place.lat,
        lon=place.lon,
        country=place.country,
        geonameid=place.geonameid,
        precision=place.precision,
    )


def place_from_row(row: PlaceRow) -> Place:
    return Place(
        text=row.text,
        start=row.start,
        end=row.end,
        name=row.name,
        lat=row.lat,
        lon=row.lon,
        country=row.country,
        geonameid=row.geonameid,
        precision=row.precision,
    )


def flag_row(flag: Flag, ordinal: int) -> FlagRow:
    return FlagRow(
        ordinal=ordinal, technique=flag.technique, text=flag.text, start=flag.start, end=flag.end
    )


def flag_from_row(row: FlagRow) -> Flag:
    return Flag(technique=row.technique, text=row.text, start=row.start, end=row.end)


# --- events ----------------------------------------------------------------------------


def event_row(event: Event, ordinal: int) -> EventRow:
    row = EventRow(
        ordinal=ordinal,
        sentence_text=event.sentence.text,
        sentence_start=event.sentence.start,
        sentence_end=event.sentence.end,
        trigger_text=event.trigger.text,
        trigger_start=event.trigger.start,
        trigger_end=event.trigger.end,
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        plover_type=event.plover_type,
        plover_mode=event.plover_mode,
        has_date=event.date is not None,
        hedges="[]",
    )
    if event.date is not None:
        row.date_text = event.date.text
        row.date_value = event.date.value
        row.date_precision = event.date.precision
        row.date_start = event.date.start
        row.date_end = event.date.end
    if event.location is not None:
        loc = event.location
        row.location_text = loc.text
        row.location_start = loc.start
        row.location_end = loc.end
        row.location_name = loc.name
        row.location_lat = loc.lat
        row.location_lon = loc.lon
        row.location_country = loc.country
        row.location_geonameid = loc.geonameid
        row.location_precision = loc.precision
    if event.claim is not None:
        claim = event.claim
        row.claimant_text = claim.claimant.text
        row.claimant_start = claim.claimant.start
        row.claimant_end = claim.claimant.end
        row.claimant_type = claim.claimant.type
        row.claimant_side = claim.claimant.side
        row.modality = claim.modality
        row.evidence = claim.evidence
        row.hedges = json.dumps(list(claim.hedges), ensure_ascii=False)
    row.actors = [
        EventActorRow(
            ordinal=i,
            role=a.role,
            text=a.text,
            start=a.start,
            end=a.end,
            name=a.name,
            side=a.side,
            inter=a.inter,
        )
        for i, a in enumerate(event.actors)
    ]
    row.quantities = [
        QuantityRow(
            ordinal=i,
            kind=q.kind,
            category=q.category,
            status=q.status,
            low=q.low,
            best=q.best,
            high=q.high,
            unit=q.unit,
            text=q.text,
            start=q.start,
            end=q.end,
        )
        for i, q in enumerate(event.quantities)
    ]
    return row


def _actor_from_row(row: EventActorRow) -> Actor:
    return Actor(
        role=cast(ActorRole, _checked(row.role, ActorRole, "actor role")),
        text=row.text,
        start=row.start,
        end=row.end,
        name=row.name,
        side=row.side,
        inter=row.inter,
    )


def _quantity_from_row(row: QuantityRow) -> Quantity:
    return Quantity(
        kind=cast(QuantityKind, _checked(row.kind, QuantityKind, "quantity kind")),
        low=row.low,
        best=row.best,
        high=row.high,
        text=row.text,
        start=row.start,
        end=row.end,
        category=row.category,
        status=row.status,
        unit=row.unit,
    )


def _claim_from_row(row: EventRow) -> Claim | None:
    if row.claimant_type is None or row.modality is None:
        return None
    claimant = Claimant(
        text=row.claimant_text,
        start=row.claimant_start,
        end=row.claimant_end,
        type=cast(ClaimantType, _checked(row.claimant_type, ClaimantType, "claimant type")),
        side=row.claimant_side,
    )
    evidence = (
        cast(Evidence, _checked(row.evidence, Evidence, "evidence"))
        if row.evidence is not None
        else None
    )
    hedges = json.loads(row.hedges or "[]")
    return Claim(
        claimant=claimant,
        modality=cast(Modality, _checked(row.modality, Modality, "modality")),
        hedges=tuple(str(h) for h in hedges),
        evidence=evidence,
    )


def event_from_row(row: EventRow) -> Event:
    date = None
    if row.has_date:
        date = DateValue(
            text=row.date_text,
            value=row.date_value,
            precision=row.date_precision if row.date_precision is not None else 3,
            start=row.date_start,
            end=row.date_end,
        )
    location = None
    if row.location_start is not None and row.location_end is not None:
        location = Place(
            text=row.location_text or "",
            start=row.location_start,
            end=row.location_end,
            name=row.location_name,
            lat=row.location_lat,
            lon=row.location_lon,
            country=row.location_country,
            geonameid=row.location_geonameid,
            precision=row.location_precision,
        )
    return Event(
        sentence=TextSpan(row.sentence_text, row.sentence_start, row.sentence_end),
        trigger=TextSpan(row.trigger_text, row.trigger_start, row.trigger_end),
        event_type=row.event_type,
        sub_event_type=row.sub_event_type,
        plover_type=row.plover_type,
        plover_mode=row.plover_mode,
        actors=tuple(_actor_from_row(a) for a in row.actors),
        date=date,
        location=location,
        quantities=tuple(_quantity_from_row(q) for q in row.quantities),
        claim=_claim_from_row(row),
    )


def extraction_from_row(row: ArticleRow) -> Extraction:
    article = article_from_row(row)
    return Extraction(
        article=article,
        segments=article.segments,
        events=tuple(event_from_row(e) for e in row.events),
        places=tuple(place_from_row(p) for p in row.places),
        flags=tuple(flag_from_row(f) for f in row.flags),
    )
