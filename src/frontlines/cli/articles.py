"""``frontlines articles``: list stored articles (id, date, outlet, events, title)."""

from __future__ import annotations

import json
from datetime import date, datetime

import click

from .database import db_option, open_store

TITLE_WIDTH = 70


def _short(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(rows: list[dict[str, object]]) -> str:
    """Aligned columns: id (12 chars), published, source, events, title."""
    header = ("id", "published", "source", "events", "title")
    cells = [
        (
            str(r["id"])[:12],
            str(r["published"] or "-"),
            _short(str(r["source"] or "-"), 24),
            str(r["events"]) if r["extracted"] else "-",
            _short(str(r["title"] or r["path"]), TITLE_WIDTH),
        )
        for r in rows
    ]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(header)]
    lines = []
    for row in (header, *cells):
        lines.append(
            "  ".join(
                cell.rjust(w) if i == 3 else cell.ljust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
        )
    return "\n".join(lines)


def _day(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


@click.command()
@db_option
@click.option("--source", metavar="NAME", help="Only this outlet (case-insensitive).")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="DATE",
    help="Published on or after DATE (YYYY-MM-DD).",
)
@click.option(
    "--until",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="DATE",
    help="Published on or before DATE (YYYY-MM-DD).",
)
@click.option("--grep", metavar="TEXT", help="Title or text contains TEXT (case-insensitive).")
@click.option("--limit", type=click.IntRange(min=1), help="At most N articles.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
    help="table for reading; jsonl (full ids) for scripts.",
)
def articles(
    db: str,
    source: str | None,
    since: datetime | None,
    until: datetime | None,
    grep: str | None,
    limit: int | None,
    fmt: str,
) -> None:
    """List the stored articles, newest first.

    The table shows the first 12 characters of each id (enough for
    `frontlines show`), the publication date, the outlet, the number of events
    extracted ("-" when not extracted yet) and the title. Undated articles come
    last and drop out when --since or --until is given.

    \b
    Examples:
      frontlines articles --db war.sqlite
      frontlines articles --source "Levant Wire" --since 2020-02-01 --until 2020-03-31
      frontlines articles --grep Saraqeb --limit 5
      frontlines articles --format jsonl | jq -r .id
    """
    with open_store(db, must_exist=True) as store:
        rows = store.list_articles(
            source=source,
            since=_day(since),
            until=_day(until),
            text=grep,
            limit=limit,
        )
    records = [r.to_json() for r in rows]
    if fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    if records:
        click.echo(format_table(records))
    click.echo(f"{len(records)} article(s)", err=True)
