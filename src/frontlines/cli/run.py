"""``frontlines run``: the main job — ingest, extract, store, summarise, report."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from .database import db_option, open_store
from .ingest import BATCH_SIZE, exit_for, ingest_with_progress, read_inputs
from .options import (
    published_option,
    quiet_option,
    read_options,
    reader_options,
    source_override_option,
)

DEFAULT_REPORT = "frontlines-report.md"


def sample_path() -> Path:
    """The bundled sample corpus (written for the project; see its README).

    Its articles sit in sample/articles/, away from the README and manifest,
    which must not be read as articles.
    """
    from ..eval.common import bundled

    articles = bundled("sample", "articles")
    return articles if articles.is_dir() else bundled("sample")


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--sample", is_flag=True, help="Process the bundled sample corpus (with any PATHS).")
@db_option
@click.option(
    "--report",
    "report_path",
    metavar="PATH",
    default=DEFAULT_REPORT,
    show_default=True,
    help="Where to write the Markdown report.",
)
@published_option
@source_override_option
@click.option(
    "--skip-extracted",
    is_flag=True,
    help="Leave articles that already have an extraction as they are (resume a run).",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=BATCH_SIZE,
    show_default=True,
    help="Articles per batch (one transaction each).",
)
@quiet_option
@read_options
def run(
    paths: tuple[str, ...],
    sample: bool,
    db: str,
    report_path: str,
    published: datetime | None,
    source: str | None,
    skip_extracted: bool,
    batch_size: int,
    quiet: bool,
    **read_kwargs: object,
) -> None:
    """Read PATHS (or the bundled sample), extract events, store everything, report.

    Each batch of articles is read, segmented, stored, run through the
    extractors and saved in one transaction, so an interrupted run keeps every
    finished batch. Articles already extracted are extracted again (the
    extractors may have improved) unless --skip-extracted is given.

    Then a summary of the whole database is printed to stdout: articles by
    source and format, events by ACLED event and sub-event type and by
    claimant type, places and flags. The same, with a list of events (sentence,
    claimant, figures), is written as Markdown to --report.

    \b
    Exit status: 0 all read, 1 some input skipped, 2 usage error,
    130 interrupted.

    \b
    Examples:
      frontlines run --sample --db sample.sqlite --report sample-report.md
      frontlines run reports/ --db war.sqlite
      frontlines run FA-KES-Dataset.csv --preset fakes --report fakes.md
      frontlines run story.txt --published 2020-02-28 --source "Levant Wire"
    """
    inputs: list[str | Path] = list(paths)
    if sample:
        inputs.append(sample_path())
    if not inputs:
        raise click.UsageError("give PATHS to read, or --sample for the bundled corpus")
    options = reader_options(read_kwargs)
    with open_store(db) as store:
        stats = ingest_with_progress(
            store,
            read_inputs(inputs, options),
            quiet=quiet,
            desc="run",
            batch_size=batch_size,
            extract=True,
            reextract=not skip_extracted,
            published=published.date() if published is not None else None,
            source=source,
        )
        click.echo(stats.line(), err=True)
        from ..report import format_summary, summarize, write_report

        summary = summarize(store)
        click.echo(format_summary(summary), nl=False)
        written = write_report(store, report_path, summary=summary)
    click.echo(f"report written to {written}", err=True)
    exit_for(stats)
