"""The ``--db`` option every store-backed command shares, and opening the store for it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from ..store import Store

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    """Add ``--db PATH|URL`` (env FRONTLINES_DB, default ./frontlines.sqlite)."""
    return click.option(
        "--db",
        metavar="PATH|URL",
        envvar="FRONTLINES_DB",
        default="frontlines.sqlite",
        show_default=True,
        show_envvar=True,
        help="SQLite file, or a SQLAlchemy URL such as postgresql+psycopg://user@host/db.",
    )(func)


def open_store(db: str, *, must_exist: bool = False) -> Store:
    """Open (and migrate) the store; with ``must_exist`` a missing SQLite file is an error.

    Read-only commands set ``must_exist`` so a typo in --db does not quietly
    create an empty database and report "no articles".
    """
    from ..errors import FrontlinesError
    from ..store import Store, is_sqlite_file

    try:
        path = is_sqlite_file(db)
        if must_exist and path is not None and not path.exists():
            raise click.ClickException(
                f"no database at {path} (store articles first: frontlines ingest PATH --db {db})"
            )
        return Store.open(db)
    except FrontlinesError as exc:
        raise click.ClickException(str(exc)) from exc
