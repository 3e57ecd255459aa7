"""Options shared by every command that reads input files (ingest, extract, run)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import click

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
        default=50_000_000,
        show_default=True,
        help="Skip any input larger than this (after decompression).",
    )(func)
    return func


def reader_options(kwargs: Mapping[str, object]) -> ReadOptions:
    """Turn the values of the options added by ``read_options`` into ``ReadOptions``."""
    from ..ingest import ReadOptions

    fields: dict[str, Any] = {f"{n}_field": kwargs.get(f"{n}_field") for n in _FIELDS}
    max_bytes = kwargs.get("max_bytes")
    return ReadOptions(
        max_bytes=max_bytes if isinstance(max_bytes, int) else 50_000_000,
        preset=kwargs.get("preset"),  # type: ignore[arg-type]
        **fields,
    )
