"""The tables: SQLAlchemy 2 typed ORM models mirroring ``frontlines.types``.

Column names follow the output contract in DESIGN.md (``start``/``end``,
``event_type``, ``plover_type``, ``claimant_type`` ...). Nested records that
are one-to-one with an event (date, location, claim) are flattened into the
event row with a prefix; one-to-many ones (actors, quantities) get their own
table. Only portable types are used so SQLite and PostgreSQL share one schema:
no SQLite-only SQL, JSON kept as text (``hedges``). Values that come from
input documents (source, language, sides, categories) are unbounded Text,
since PostgreSQL, unlike SQLite, enforces VARCHAR lengths.

Every child row carries an ``ordinal`` so records come back in the order the
extractor produced them.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints, so Alembic migrations (and SQLite batch mode) can refer to them.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # content hash
    path: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text, index=True)
    original_source: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date, index=True)
    language: Mapped[str | None] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # Set by save_extractions; NULL means "stored but never extracted".
    extracted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    segments: Mapped[list[SegmentRow]] = relationship(
        back_populates="article",
        cascade="all, delete-orphan",
        order_by="SegmentRow.ordinal",
        passive_deletes=True,
    )
    events: Mapped[list[EventRow]] = relationship(
        back_populates="article",
        cascade="all, delete-orphan",
        order_by="EventRow.ordinal",
        passive_deletes=True,
    )
    places: Mapped[list[PlaceRow]] = relationship(
        back_populates="article",
        cascade="all, delete-orphan",
        order_by="PlaceRow.ordinal",
        passive_deletes=True,
    )
    flags: Mapped[list[FlagRow]] = relationship(
        back_populates="article",
        cascade="all, delete-orphan",
        order_by="FlagRow.ordinal",
        passive_deletes=True,
    )


class SegmentRow(Base):
    __tablename__ = "segments"
    __table_args__ = (UniqueConstraint("article_id", "ordinal"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    ordinal: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)

    article: Mapped[ArticleRow] = relationship(back_populates="segments")


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (
        UniqueConstraint("article_id", "ordinal"),
        Index("ix_events_event_type_sub_event_type", "event_type", "sub_event_type"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    ordinal: Mapped[int] = mapped_column(Integer)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    sentence_text: Mapped[str] = mapped_column(Text)
    trigger_text: Mapped[str] = mapped_column(Text)
    trigger_start: Mapped[int] = mapped_column(Integer)
    trigger_end: Mapped[int] = mapped_column(Integer)
    event_type: Mapped[str] = mapped_column(String(64))
    sub_event_type: Mapped[str] = mapped_column(String(64))
    plover_type: Mapped[str] = mapped_column(String(64))
    plover_mode: Mapped[str | None] = mapped_column(String(64))
    # Event.date (DateValue); has_date tells "no date" from "date with all fields empty".
    has_date: Mapped[bool] = mapped_column(Boolean, default=False)
    date_text: Mapped[str | None] = mapped_column(Text)
    date_value: Mapped[str | None] = mapped_column(String(32))
    date_precision: Mapped[int | None] = mapped_column(Integer)
    date_start: Mapped[int | None] = mapped_column(Integer)
    date_end: Mapped[int | None] = mapped_column(Integer)
    # Event.location (Place); location_start is NULL when the event has none.
    location_text: Mapped[str | None] = mapped_column(Text)
    location_start: Mapped[int | None] = mapped_column(Integer)
    location_end: Mapped[int | None] = mapped_column(Integer)
    location_name: Mapped[str | None] = mapped_column(Text)
    location_lat: Mapped[float | None] = mapped_column(Float)
    location_lon: Mapped[float | None] = mapped_column(Float)
    location_country: Mapped[str | None] = mapped_column(String(8))
    location_geonameid: Mapped[int | None] = mapped_column(Integer)
    location_precision: Mapped[int | None] = mapped_column(Integer)
    # Event.claim (Claim); claimant_type is NULL when the event has no claim.
    claimant_text: Mapped[str | None] = mapped_column(Text)
    claimant_start: Mapped[int | None] = mapped_column(Integer)
    claimant_end: Mapped[int | None] = mapped_column(Integer)
    claimant_type: Mapped[str | None] = mapped_column(String(32), index=True)
    claimant_side: Mapped[str | None] = mapped_column(Text)
    modality: Mapped[str | None] = mapped_column(String(16))
    evidence: Mapped[str | None] = mapped_column(String(16))
    hedges: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of strings

    article: Mapped[ArticleRow] = relationship(back_populates="events")
    actors: Mapped[list[EventActorRow]] = relationship(
        back_populates="event",
        cascade="all, delete-orphan",
        order_by="EventActorRow.ordinal",
        passive_deletes=True,
    )
    quantities: Mapped[list[QuantityRow]] = relationship(
        back_populates="event",
        cascade="all, delete-orphan",
        order_by="QuantityRow.ordinal",
        passive_deletes=True,
    )


class EventActorRow(Base):
    __tablename__ = "event_actors"
    __table_args__ = (UniqueConstraint("event_id", "ordinal"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    side: Mapped[str | None] = mapped_column(Text)
    inter: Mapped[int | None] = mapped_column(Integer)

    event: Mapped[EventRow] = relationship(back_populates="actors")


class QuantityRow(Base):
    __tablename__ = "quantities"
    __table_args__ = (UniqueConstraint("event_id", "ordinal"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    category: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(Text)
    low: Mapped[float | None] = mapped_column(Float)
    best: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)

    event: Mapped[EventRow] = relationship(back_populates="quantities")


class PlaceRow(Base):
    __tablename__ = "places"
    __table_args__ = (UniqueConstraint("article_id", "ordinal"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    ordinal: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    name: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    country: Mapped[str | None] = mapped_column(String(8))
    geonameid: Mapped[int | None] = mapped_column(Integer)
    precision: Mapped[int | None] = mapped_column(Integer)

    article: Mapped[ArticleRow] = relationship(back_populates="places")


class FlagRow(Base):
    __tablename__ = "flags"
    __table_args__ = (UniqueConstraint("article_id", "ordinal"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    ordinal: Mapped[int] = mapped_column(Integer)
    technique: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)

    article: Mapped[ArticleRow] = relationship(back_populates="flags")
