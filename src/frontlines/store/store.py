"""``Store``: the one interface to the database (SQLite by default, PostgreSQL for teams).

Every write method is one transaction: it either lands whole or not at all,
so a crash or Ctrl-C between two calls loses nothing already written, and
because article ids are content hashes a rerun continues without duplicates.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, Select, create_engine, delete, event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from ..errors import StoreError
from ..types import Article, Extraction
from . import convert
from .models import (
    ArticleRow,
    Base,
    EventActorRow,
    EventRow,
    FlagRow,
    PlaceRow,
    QuantityRow,
    SegmentRow,
)

DEFAULT_DB = "frontlines.sqlite"
DB_ENV = "FRONTLINES_DB"
# Article ids are 16 hex chars; shorter prefixes are accepted like git's.
MIN_PREFIX = 4


def database_url(url_or_path: str | Path) -> str:
    """A SQLAlchemy URL: a URL (``sqlite://``, ``postgresql+psycopg://``) as is, a path as SQLite."""
    text = str(url_or_path)
    if isinstance(url_or_path, str) and "://" in text:
        try:
            make_url(text)
        except ArgumentError as exc:
            raise StoreError(f"not a database URL: {text!r} ({exc})") from exc
        return text
    return f"sqlite:///{Path(text).expanduser()}"


def is_sqlite_file(url_or_path: str | Path) -> Path | None:
    """The file behind a SQLite path/URL (None for in-memory or other databases)."""
    url = make_url(database_url(url_or_path))
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers (a dashboard, `frontlines articles`) run during an ingest;
    # SQLite leaves foreign keys off unless asked, per connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@dataclass(frozen=True, slots=True)
class AddResult:
    """What one ``add_articles`` call did."""

    added: int
    present: int  # already stored (same content hash), or repeated within the call
    added_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One line of ``list_articles``: enough to pick an article, not its text."""

    id: str
    published: date | None
    source: str | None
    title: str | None
    path: str
    format: str
    events: int
    extracted: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "title": self.title,
            "path": self.path,
            "format": self.format,
            "events": self.events,
            "extracted": self.extracted,
        }


class Store:
    """Articles and their extractions in one database.

    ``Store(path_or_url)`` connects; ``Store.open(...)`` also brings the schema
    up to date (Alembic ``upgrade head``) and is what callers normally use.
    """

    def __init__(self, url_or_path: str | Path) -> None:
        self.url = database_url(url_or_path)
        self.engine: Engine = create_engine(self.url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def open(cls, url_or_path: str | Path) -> Store:
        """Connect and run the migrations (``upgrade head``); the returned store is ready."""
        store = cls(url_or_path)
        try:
            store.upgrade()
        except OperationalError as exc:
            store.close()
            shown = make_url(store.url).render_as_string(hide_password=True)
            raise StoreError(f"cannot open database {shown}: {exc.orig}") from exc
        except BaseException:
            store.close()
            raise
        return store

    def upgrade(self, revision: str = "head") -> None:
        from .migrate import upgrade

        upgrade(self.engine, revision)

    # --- context manager ---------------------------------------------------------------

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- writes ------------------------------------------------------------------------

    def add_articles(self, articles: Iterable[Article]) -> AddResult:
        """Store the articles not stored yet (by content hash), with their segments; one transaction."""
        batch = list(articles)
        now = datetime.now(UTC)
        with self._sessions.begin() as session:
            ids = {a.id for a in batch}
            present = (
                set(session.scalars(select(ArticleRow.id).where(ArticleRow.id.in_(ids))).all())
                if ids
                else set()
            )
            added: list[str] = []
            for article in batch:
                if article.id in present:
                    continue
                present.add(article.id)  # the same text twice in one call is stored once
                session.add(convert.article_row(article, now))
                added.append(article.id)
        return AddResult(added=len(added), present=len(batch) - len(added), added_ids=tuple(added))

    def save_extractions(self, extractions: Iterable[Extraction]) -> int:
        """Store extractions, replacing each article's previous segments/events/places/flags.

        Articles not stored yet are added first. One transaction for the whole
        call; returns the number of extractions saved.
        """
        batch = list(extractions)
        now = datetime.now(UTC)
        with self._sessions.begin() as session:
            for extraction in batch:
                article = extraction.article
                row = session.get(ArticleRow, article.id)
                if row is None:
                    row = convert.article_row(article, now)
                    session.add(row)
                else:
                    self._delete_children(session, article.id)
                row.segments = convert.segment_rows(extraction.segments)
                row.events = [convert.event_row(e, i) for i, e in enumerate(extraction.events)]
                row.places = [convert.place_row(p, i) for i, p in enumerate(extraction.places)]
                row.flags = [convert.flag_row(f, i) for i, f in enumerate(extraction.flags)]
                row.extracted_at = now
                # The batch may override what the reader found (--published / --source).
                if article.published is not None:
                    row.published = article.published
                if article.source is not None:
                    row.source = article.source
        return len(batch)

    @staticmethod
    def _delete_children(session: Session, article_id: str) -> None:
        # Explicit deletes (not only ON DELETE CASCADE): correct even on a
        # connection where SQLite's foreign keys were left off.
        event_ids = select(EventRow.id).where(EventRow.article_id == article_id)
        session.execute(delete(EventActorRow).where(EventActorRow.event_id.in_(event_ids)))
        session.execute(delete(QuantityRow).where(QuantityRow.event_id.in_(event_ids)))
        for table in (EventRow, PlaceRow, FlagRow, SegmentRow):
            session.execute(delete(table).where(table.article_id == article_id))
        session.expire_all()

    # --- reads -------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        with self._sessions() as session:
            return session.get(ArticleRow, article_id) is not None

    def resolve_id(self, article_id_or_prefix: str) -> str | None:
        """The full id for an id or a unique prefix; StoreError when the prefix is ambiguous."""
        key = article_id_or_prefix.strip().lower()
        if not key:
            return None
        with self._sessions() as session:
            if session.get(ArticleRow, key) is not None:
                return key
            if len(key) < MIN_PREFIX:
                raise StoreError(f"id prefix {key!r} is too short (give at least {MIN_PREFIX})")
            # Range scan on the primary key instead of LIKE: ids are hex, no escaping needed.
            matches = session.scalars(
                select(ArticleRow.id).where(ArticleRow.id.startswith(key, autoescape=True)).limit(2)
            ).all()
        if len(matches) > 1:
            raise StoreError(f"id prefix {key!r} is ambiguous; give more characters")
        return matches[0] if matches else None

    def get_article(self, article_id_or_prefix: str) -> Article | None:
        """The article with its stored segments; a unique id prefix is accepted."""
        article_id = self.resolve_id(article_id_or_prefix)
        if article_id is None:
            return None
        with self._sessions() as session:
            row = session.scalars(
                select(ArticleRow)
                .where(ArticleRow.id == article_id)
                .options(selectinload(ArticleRow.segments))
            ).one_or_none()
            return convert.article_from_row(row) if row is not None else None

    def extracted_ids(self, article_ids: Iterable[str]) -> set[str]:
        """Those of ``article_ids`` that have a stored extraction."""
        ids = set(article_ids)
        if not ids:
            return set()
        with self._sessions() as session:
            return set(
                session.scalars(
                    select(ArticleRow.id).where(
                        ArticleRow.id.in_(ids), ArticleRow.extracted_at.is_not(None)
                    )
                ).all()
            )

    def get_extraction(self, article_id: str) -> Extraction | None:
        """The stored extraction rebuilt into frozen records; None if never extracted."""
        full_id = self.resolve_id(article_id)
        if full_id is None:
            return None
        with self._sessions() as session:
            row = session.scalars(
                self._extraction_query().where(ArticleRow.id == full_id)
            ).one_or_none()
            if row is None or row.extracted_at is None:
                return None
            return convert.extraction_from_row(row)

    def iter_extractions(self, batch_size: int = 200) -> Iterator[Extraction]:
        """Every extracted article, oldest first, loaded ``batch_size`` at a time."""
        with self._sessions() as session:
            ids = session.scalars(
                select(ArticleRow.id)
                .where(ArticleRow.extracted_at.is_not(None))
                .order_by(ArticleRow.ingested_at, ArticleRow.id)
            ).all()
        for i in range(0, len(ids), batch_size):
            chunk = ids[i : i + batch_size]
            with self._sessions() as session:
                rows = session.scalars(
                    self._extraction_query().where(ArticleRow.id.in_(chunk))
                ).all()
                by_id = {r.id: convert.extraction_from_row(r) for r in rows}
            yield from (by_id[i] for i in chunk if i in by_id)

    @staticmethod
    def _extraction_query() -> Select[ArticleRow]:
        return select(ArticleRow).options(
            selectinload(ArticleRow.segments),
            selectinload(ArticleRow.events).selectinload(EventRow.actors),
            selectinload(ArticleRow.events).selectinload(EventRow.quantities),
            selectinload(ArticleRow.places),
            selectinload(ArticleRow.flags),
        )

    def list_articles(
        self,
        *,
        source: str | None = None,
        since: date | None = None,
        until: date | None = None,
        text: str | None = None,
        limit: int | None = None,
    ) -> list[ArticleSummary]:
        """Stored articles, newest published first; filters combine with AND.

        ``source`` matches case-insensitively; ``since``/``until`` are inclusive
        publication dates (undated articles drop out when either is given);
        ``text`` is a case-insensitive substring of the title or the text.
        """
        counts = (
            select(EventRow.article_id, func.count(EventRow.id).label("n"))
            .group_by(EventRow.article_id)
            .subquery()
        )
        query = select(
            ArticleRow.id,
            ArticleRow.published,
            ArticleRow.source,
            ArticleRow.title,
            ArticleRow.path,
            ArticleRow.format,
            ArticleRow.extracted_at,
            func.coalesce(counts.c.n, 0),
        ).outerjoin(counts, counts.c.article_id == ArticleRow.id)
        if source is not None:
            query = query.where(func.lower(ArticleRow.source) == source.lower())
        if since is not None:
            query = query.where(ArticleRow.published >= since)
        if until is not None:
            query = query.where(ArticleRow.published <= until)
        if text:
            query = query.where(
                ArticleRow.title.icontains(text, autoescape=True)
                | ArticleRow.text.icontains(text, autoescape=True)
            )
        # NULL dates last on every backend (SQLite sorts them first by default).
        query = query.order_by(
            ArticleRow.published.is_(None), ArticleRow.published.desc(), ArticleRow.id
        )
        if limit is not None:
            query = query.limit(limit)
        with self._sessions() as session:
            return [
                ArticleSummary(
                    id=id_,
                    published=published,
                    source=source_,
                    title=title,
                    path=path,
                    format=fmt,
                    events=int(n),
                    extracted=extracted_at is not None,
                )
                for id_, published, source_, title, path, fmt, extracted_at, n in session.execute(
                    query
                ).all()
            ]

    def counts(self) -> dict[str, int]:
        """Rows per table, plus how many articles have been extracted."""
        tables: dict[str, type[Base]] = {
            "articles": ArticleRow,
            "segments": SegmentRow,
            "events": EventRow,
            "event_actors": EventActorRow,
            "quantities": QuantityRow,
            "places": PlaceRow,
            "flags": FlagRow,
        }
        with self._sessions() as session:
            result = {
                name: int(session.scalar(select(func.count()).select_from(model)) or 0)
                for name, model in tables.items()
            }
            result["extracted"] = int(
                session.scalar(
                    select(func.count())
                    .select_from(ArticleRow)
                    .where(ArticleRow.extracted_at.is_not(None))
                )
                or 0
            )
        return result
