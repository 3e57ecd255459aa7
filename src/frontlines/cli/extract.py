"""``frontlines extract``: the structured record of each input document, to stdout."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import datetime
from typing import TextIO

import click

from ..errors import InputError
from ..types import Article
from .ingest import progress_bar, skip_printer
from .options import (
    published_option,
    quiet_option,
    read_options,
    reader_options,
    source_override_option,
)


def _batches(
    items: Iterator[Article | InputError], size: int
) -> Iterator[list[Article | InputError]]:
    batch: list[Article | InputError] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _write(record: dict[str, object], out: TextIO, fmt: str) -> None:
    indent = 2 if fmt == "json" else None
    out.write(json.dumps(record, ensure_ascii=False, indent=indent) + "\n")


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one object per line; json: the same objects, indented.",
)
@published_option
@source_override_option
@click.option("--batch-size", default=32, show_default=True, help="Articles analysed together.")
@quiet_option
@read_options
def extract(
    paths: tuple[str, ...],
    fmt: str,
    published: datetime | None,
    source: str | None,
    batch_size: int,
    quiet: bool,
    **read_kwargs: object,
) -> None:
    """Extract events, places, claims and flags from PATHS and print them.

    PATHS are files, directories (read recursively) or glob patterns: .txt,
    .html, RSS/Atom feeds, .warc(.gz), .jsonl and .csv. Nothing is stored;
    see `frontlines ingest` for that.

    Prints one JSON object per input document, in input order, with the fields
    of the output contract (article, segments, events, places, flags).
    Unreadable inputs are reported on stderr, one line each, and the exit
    status is then 1.

    \b
    Examples:
      frontlines extract report.txt --published 2020-02-28
      frontlines extract feeds/ --format json | less
      frontlines extract FA-KES-Dataset.csv --preset fakes > fakes.jsonl
    """
    from ..batch import process_batch
    from ..ingest import iter_articles

    pub = published.date() if published is not None else None
    options = reader_options(read_kwargs)
    skipped = 0
    done = 0
    progress = progress_bar(quiet, "extract")
    echo_skip = skip_printer(progress)
    for batch in _batches(iter_articles(list(paths), options), batch_size):
        articles = [a for a in batch if isinstance(a, Article)]
        for error in (e for e in batch if isinstance(e, InputError)):
            echo_skip(error)
            skipped += 1
        for extraction in process_batch(articles, published=pub, source=source):
            _write(extraction.to_json(), sys.stdout, fmt)
            done += 1
        sys.stdout.flush()
        if progress is not None:
            progress.update(len(batch))
    if progress is not None:
        progress.close()
    click.echo(f"extracted {done} document(s), skipped {skipped}", err=True)
    if skipped:
        sys.exit(1)
