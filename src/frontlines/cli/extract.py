"""``frontlines extract``: the structured record of each input document, to stdout."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date, datetime
from typing import TextIO

import click

from ..errors import InputError
from ..types import Article
from .options import read_options, reader_options


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
    if fmt == "jsonl":
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        out.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")


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
@click.option(
    "--published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="DATE",
    help="Publication date (YYYY-MM-DD) for every input; relative dates resolve against it.",
)
@click.option(
    "--source",
    metavar="NAME",
    help="Outlet name for every input (overrides what the readers found).",
)
@click.option("--batch-size", default=32, show_default=True, help="Articles analysed together.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@read_options
def extract(
    paths: tuple[str, ...],
    fmt: str,
    published: object,
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

    pub: date | None = published.date() if isinstance(published, datetime) else None
    options = reader_options(read_kwargs)
    skipped = 0
    done = 0
    progress = None
    if not quiet and sys.stderr.isatty():
        from tqdm import tqdm

        progress = tqdm(unit="doc", file=sys.stderr, desc="extract")
    for batch in _batches(iter_articles(list(paths), options), batch_size):
        articles = [a for a in batch if isinstance(a, Article)]
        for error in (e for e in batch if isinstance(e, InputError)):
            click.echo(f"skipped: {error}", err=True)
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
