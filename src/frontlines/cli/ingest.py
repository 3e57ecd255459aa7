"""``frontlines ingest``: read articles, segment them and store them (optionally extract).

The work is done by ``ingest_stream``, a plain function the ``run`` command and
the tests call too. It commits every ``batch_size`` articles, so a crash or
Ctrl-C loses at most the batch in hand, and a rerun adds only what is missing
(article ids are content hashes).
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TextIO

import click

from ..errors import InputError
from ..types import Article
from .database import db_option, open_store
from .options import quiet_option, read_options, reader_options

if TYPE_CHECKING:
    from ..ingest import ReadOptions
    from ..store import Store

BATCH_SIZE = 50


@dataclass
class IngestStats:
    """Counts for the summary line (and the exit status)."""

    read: int = 0  # articles the readers produced
    added: int = 0
    present: int = 0  # already stored (same content), including repeats within the run
    skipped: int = 0  # inputs the readers could not read
    extracted: int = 0
    interrupted: bool = False

    def line(self) -> str:
        text = (
            f"read {self.read}, added {self.added}, already present {self.present}, "
            f"skipped {self.skipped}"
        )
        if self.extracted:
            text += f", extracted {self.extracted}"
        return text + (" (interrupted)" if self.interrupted else "")


def with_segments(article: Article) -> Article:
    """The article with its segments filled in (the reader's, else the segmenter's)."""
    if article.segments:
        return article
    from ..batch import article_segments

    segments = article_segments(article)
    return dataclasses.replace(article, segments=segments)


def _override(article: Article, published: date | None, source: str | None) -> Article:
    if published is None and source is None:
        return article
    return dataclasses.replace(
        article,
        published=published if published is not None else article.published,
        source=source if source is not None else article.source,
    )


def _store_batch(
    store: Store,
    batch: list[Article],
    stats: IngestStats,
    *,
    extract: bool,
    reextract: bool,
) -> None:
    result = store.add_articles(batch)
    stats.added += result.added
    stats.present += result.present
    if not extract:
        return
    from ..batch import process_batch

    unique = list({a.id: a for a in batch}.values())
    if not reextract:
        done = store.extracted_ids(a.id for a in unique)
        unique = [a for a in unique if a.id not in done]
    if unique:
        stats.extracted += store.save_extractions(process_batch(unique))


def ingest_stream(
    store: Store,
    items: Iterable[Article | InputError],
    *,
    batch_size: int = BATCH_SIZE,
    extract: bool = False,
    reextract: bool = False,
    published: date | None = None,
    source: str | None = None,
    on_skip: Callable[[InputError], None] | None = None,
    on_item: Callable[[], object] | None = None,
) -> IngestStats:
    """Store ``items`` (the readers' output) in batches of ``batch_size``, one transaction each.

    With ``extract`` each batch also goes through ``process_batch``: articles
    stored now or earlier but never extracted (all of them with ``reextract``).
    ``published``/``source`` override what the readers found. Ctrl-C stores
    the articles already read, then returns with ``interrupted`` set; any
    other exception propagates, with every earlier batch committed.
    """
    stats = IngestStats()
    pending: list[Article] = []
    try:
        for item in items:
            if isinstance(item, InputError):
                stats.skipped += 1
                if on_skip is not None:
                    on_skip(item)
            else:
                stats.read += 1
                pending.append(with_segments(_override(item, published, source)))
            if on_item is not None:
                on_item()
            if len(pending) >= batch_size:
                _store_batch(store, pending, stats, extract=extract, reextract=reextract)
                pending = []
        if pending:
            _store_batch(store, pending, stats, extract=extract, reextract=reextract)
    except KeyboardInterrupt:
        stats.interrupted = True
        if pending:
            # Finished articles are worth keeping; extraction resumes on the next run.
            _store_batch(store, pending, stats, extract=False, reextract=False)
    return stats


def read_inputs(
    paths: Sequence[str | Path], options: ReadOptions
) -> Iterable[Article | InputError]:
    """The readers' stream (a seam the tests replace with a fake reader)."""
    from ..ingest import iter_articles

    return iter_articles(list(paths), options)


class ProgressBar(Protocol):
    """What the commands use of a tqdm bar (tqdm ships no type hints)."""

    def update(self, n: int = 1) -> object: ...

    def write(self, s: str, file: TextIO | None = None) -> None: ...

    def close(self) -> None: ...


def progress_bar(quiet: bool, desc: str) -> ProgressBar | None:
    """A tqdm bar on stderr, or None when quiet or stderr is not a terminal."""
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    bar: ProgressBar = tqdm(unit="doc", file=sys.stderr, desc=desc)
    return bar


def skip_printer(bar: ProgressBar | None) -> Callable[[InputError], None]:
    """Print "skipped: <reason>" on stderr, above the progress bar when there is one."""

    def echo(error: InputError) -> None:
        if bar is not None:
            bar.write(f"skipped: {error}", file=sys.stderr)
        else:
            click.echo(f"skipped: {error}", err=True)

    return echo


def ingest_with_progress(
    store: Store,
    items: Iterable[Article | InputError],
    *,
    quiet: bool,
    desc: str,
    batch_size: int,
    extract: bool,
    reextract: bool = False,
    published: date | None = None,
    source: str | None = None,
) -> IngestStats:
    """``ingest_stream`` with a progress bar (unless ``quiet``) and skips printed on stderr."""
    bar = progress_bar(quiet, desc)
    try:
        return ingest_stream(
            store,
            items,
            batch_size=batch_size,
            extract=extract,
            reextract=reextract,
            published=published,
            source=source,
            on_skip=skip_printer(bar),
            on_item=bar.update if bar is not None else None,
        )
    finally:
        if bar is not None:
            bar.close()


def exit_for(stats: IngestStats) -> None:
    """The documented exit status: 130 when interrupted, 1 when an input was skipped."""
    if stats.interrupted:
        sys.exit(130)
    if stats.skipped:
        sys.exit(1)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--source", "default_source", metavar="NAME", help="Outlet for inputs that name none."
)
@click.option(
    "--extract/--no-extract",
    default=False,
    show_default=True,
    help="Also extract events, places and flags (articles not extracted before).",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=BATCH_SIZE,
    show_default=True,
    help="Articles per transaction.",
)
@quiet_option
@read_options
def ingest(
    paths: tuple[str, ...],
    db: str,
    default_source: str | None,
    extract: bool,
    batch_size: int,
    quiet: bool,
    **read_kwargs: object,
) -> None:
    """Read PATHS, split each article into title/body/boilerplate/comments, and store it.

    PATHS are files, directories (read recursively) or glob patterns: .txt,
    .html, RSS/Atom feeds, .warc(.gz), .jsonl and .csv. Each article is stored
    once, keyed by a hash of its text: ingesting the same files again adds
    nothing, and after a crash or Ctrl-C a rerun adds only what is missing
    (commits happen every --batch-size articles).

    Unreadable inputs are reported on stderr as "skipped: <reason>" and the
    rest goes on. A summary (read, added, already present, skipped) ends the
    run on stderr.

    \b
    Exit status: 0 all read, 1 some input skipped, 2 usage error,
    130 interrupted (what was read is kept).

    \b
    Examples:
      frontlines ingest articles/ --db war.sqlite
      frontlines ingest feed.xml page.html --extract
      frontlines ingest FA-KES-Dataset.csv --preset fakes
      frontlines ingest dump.jsonl --text-field body --date-field day --source "Wire"
      FRONTLINES_DB=war.sqlite frontlines ingest 'reports/*.txt'
    """
    options = reader_options(read_kwargs)
    if default_source:
        options = dataclasses.replace(options, default_source=default_source)
    with open_store(db) as store:
        stats = ingest_with_progress(
            store,
            read_inputs(paths, options),
            quiet=quiet,
            desc="ingest",
            batch_size=batch_size,
            extract=extract,
        )
    click.echo(stats.line(), err=True)
    exit_for(stats)
