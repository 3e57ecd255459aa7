"""Alembic, driven from Python: the migrations ship inside the package (store/migrations).

``Store.open`` calls ``upgrade``; there is no alembic.ini to find, so the
configuration is built here. Developers make a new revision with
``python -m frontlines.store.migrate revision -m "what changed"`` (autogenerate
against a scratch database at head), then review the file by hand.
"""

from __future__ import annotations

import sys
import tempfile
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine


def migrations_dir() -> Path:
    return Path(str(resources.files("frontlines.store").joinpath("migrations")))


def alembic_config(url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    if url is not None:
        # ConfigParser interpolation: a password with % must be doubled.
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database behind ``engine`` to ``revision`` in one connection."""
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)


def current(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _new_revision(message: str) -> None:
    # Autogenerate against a scratch SQLite database brought to head first.
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'scratch.sqlite'}")
        upgrade(engine)
        cfg = alembic_config(str(engine.url))
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.revision(cfg, message=message, autogenerate=True)
        engine.dispose()


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "revision" and sys.argv[2] == "-m":
        _new_revision(sys.argv[3])
    else:
        sys.exit('usage: python -m frontlines.store.migrate revision -m "message"')
