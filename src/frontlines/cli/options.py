"""Options shared by the commands that read input files (ingest, extract, run)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import click

# Cheap to import (a frozen dataclass); the readers themselves load lazily.
from ..ingest.options import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from ..ingest import ReadOptions

F = TypeVar("F", bound=Callable[..., Any])

_FIELDS = ("text", "title", "source", "date", "url")


def read_options(func: F) -> F:
    """Add the reader options (--preset, --*-field, --max-bytes) to a click command."""
    for name in reversed(_FIELDS):
        func = click.option(
            f"--{name}-field",
            metavar="COLUMN",
            help=f"CSV/JSONL column holding the {name} (auto-detected when omitted).",
        )(func)
    func = click.option(
        "--preset",
        type=click.Choice(["fakes"]),
        help="Column mapping of a known data set: 'fakes' = FA-KES "
        "(article_title, article_content, source, date as M/D/YYYY).",
    )(func)
    func = click.option(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        show_default=True,
        help="Skip any input larger than this (after decompression).",
    )(func)
    return func


def published_option(func: F) -> F:
    """Add ``--published DATE``: one publication date for every input (extract, run)."""
    return click.option(
        "--published",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        metavar="DATE",
        help="Publication date (YYYY-MM-DD) for every input; relative dates resolve against it.",
    )(func)


def source_override_option(func: F) -> F:
    """Add ``--source NAME``: one outlet for every input, over the readers' (extract, run)."""
    return click.option(
        "--source",
        metavar="NAME",
        help="Outlet name for every input (overrides what the readers found).",
    )(func)


def quiet_option(func: F) -> F:
    """Add ``--quiet/-q`` (no progress bar)."""
    return click.option("--quiet", "-q", is_flag=True, help="No progress bar.")(func)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def reader_options(kwargs: Mapping[str, object]) -> ReadOptions:
    """Turn the values of the options added by ``read_options`` into ``ReadOptions``."""
    from ..ingest import ReadOptions

    max_bytes = kwargs.get("max_bytes")
    return ReadOptions(
        max_bytes=max_bytes if isinstance(max_bytes, int) else DEFAULT_MAX_BYTES,
        preset=_text(kwargs.get("preset")),
        text_field=_text(kwargs.get("text_field")),
        title_field=_text(kwargs.get("title_field")),
        source_field=_text(kwargs.get("source_field")),
        date_field=_text(kwargs.get("date_field")),
        url_field=_text(kwargs.get("url_field")),
    )
