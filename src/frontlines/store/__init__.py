"""frontlines.store: articles and extractions in SQLite (default) or PostgreSQL.

``Store.open(path_or_url)`` connects and migrates (Alembic ``upgrade head``);
every write is one transaction; article ids are content hashes, so adding the
same text twice stores it once. See store.py for the interface.
"""

from .store import (
    DB_ENV,
    DEFAULT_DB,
    AddResult,
    ArticleSummary,
    Store,
    database_url,
    is_sqlite_file,
)

__all__ = [
    "DB_ENV",
    "DEFAULT_DB",
    "AddResult",
    "ArticleSummary",
    "Store",
    "database_url",
    "is_sqlite_file",
]
