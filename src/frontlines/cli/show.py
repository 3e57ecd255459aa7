"""``frontlines show``: one stored article, its segments marked, then its events."""

from __future__ import annotations

import json
from typing import Any

import click

from ..report import describe_claim, describe_quantity
from ..types import Article, Event, Extraction
from .database import db_option, open_store


def _spans(article: Article) -> list[tuple[str, int, int]]:
    """The segments in order, plus any non-blank text between them (e.g. a header block)."""
    spans: list[tuple[str, int, int]] = []
    cursor = 0
    for seg in sorted(article.segments, key=lambda s: s.start):
        if seg.start > cursor and article.text[cursor : seg.start].strip():
            spans.append(("unsegmented", cursor, seg.start))
        spans.append((seg.kind, seg.start, seg.end))
        cursor = max(cursor, seg.end)
    if article.text[cursor:].strip():
        spans.append(("unsegmented", cursor, len(article.text)))
    return spans


def _event_lines(number: int, event: Event) -> list[str]:
    plover = event.plover_type + (f", {event.plover_mode}" if event.plover_mode else "")
    lines = [
        f"{number:>3}. {event.event_type} / {event.sub_event_type}  (PLOVER {plover})",
        f"     sentence {event.sentence.start}-{event.sentence.end}: "
        f"{' '.join(event.sentence.text.split())}",
        f'     trigger "{event.trigger.text}" {event.trigger.start}-{event.trigger.end}',
    ]
    for actor in event.actors:
        details = ", ".join(
            p
            for p in (
                f"side {actor.side}" if actor.side else "",
                f"inter {actor.inter}" if actor.inter is not None else "",
            )
            if p
        )
        lines.append(
            f'     {actor.role} "{actor.text}" {actor.start}-{actor.end} -> {actor.name}'
            + (f" ({details})" if details else "")
        )
    if event.date is not None:
        d = event.date
        lines.append(f'     date "{d.text or ""}" -> {d.value or "?"} (precision {d.precision})')
    if event.location is not None:
        loc = event.location
        coords = (
            f" ({loc.lat:.4f}, {loc.lon:.4f})"
            if loc.lat is not None and loc.lon is not None
            else ""
        )
        lines.append(
            f'     location "{loc.text}" {loc.start}-{loc.end} -> {loc.name or "?"}'
            f"{', ' + loc.country if loc.country else ''}{coords}"
            + (f", precision {loc.precision}" if loc.precision is not None else "")
        )
    for q in event.quantities:
        lines.append(f'     figure {describe_quantity(q)}  "{q.text}" {q.start}-{q.end}')
    lines.append(f"     claim: {describe_claim(event.claim)}")
    return lines


def render_text(article: Article, extraction: Extraction | None) -> str:
    """The article as a reader sees it: metadata, then each segment under a [kind start-end] header."""
    meta = [
        ("id", article.id),
        ("title", article.title),
        ("source", article.source),
        ("original", article.original_source),
        ("published", article.published.isoformat() if article.published else None),
        ("url", article.url),
        ("path", f"{article.path} ({article.format})"),
        ("language", article.language),
    ]
    lines = [f"{k:<10}{v}" for k, v in meta if v]
    for kind, start, end in _spans(article):
        lines += ["", f"[{kind} {start}-{end}]", article.text[start:end].strip("\n")]
    lines.append("")
    if extraction is None:
        lines.append("not extracted yet (frontlines ingest --extract, or frontlines run)")
        return "\n".join(lines) + "\n"
    lines.append(f"events ({len(extraction.events)})")
    for i, event in enumerate(extraction.events, start=1):
        lines += _event_lines(i, event)
    lines.append(f"places ({len(extraction.places)})")
    for p in extraction.places:
        where = f"{p.name}, {p.country}" if p.name and p.country else (p.name or "unresolved")
        lines.append(f'     "{p.text}" {p.start}-{p.end} -> {where}')
    lines.append(f"flags ({len(extraction.flags)})")
    for f in extraction.flags:
        lines.append(f'     {f.technique} "{f.text}" {f.start}-{f.end}')
    return "\n".join(lines) + "\n"


def render_json(article: Article, extraction: Extraction | None) -> dict[str, Any]:
    """The output-contract object, plus the text and metadata the contract leaves out."""
    record = (
        extraction.to_json()
        if extraction is not None
        else Extraction(article, article.segments).to_json()
    )
    record["article"].update(
        {
            "text": article.text,
            "format": article.format,
            "language": article.language,
            "original_source": article.original_source,
        }
    )
    record["extracted"] = extraction is not None
    return record


@click.command()
@click.argument("article_id", metavar="ID")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for reading; json: the output-contract object plus the article text.",
)
def show(article_id: str, db: str, fmt: str) -> None:
    """Show one stored article: metadata, its text split into segments, then its events.

    ID is an article id or a unique prefix of one (at least 4 characters), as
    listed by `frontlines articles`. Each segment is printed under a header
    such as [body 120-1835] or [comments 1900-2410] giving its character
    offsets; text outside every segment (a header block) shows as
    [unsegmented ...]. Extracted events follow, with trigger, actors, date,
    location, figures and the claim behind each.

    \b
    Examples:
      frontlines show 3f9a2c41b7e0
      frontlines show 3f9a --db war.sqlite --format json | jq '.events[].acled'
    """
    from ..errors import StoreError

    with open_store(db, must_exist=True) as store:
        try:
            article = store.get_article(article_id)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc
        if article is None:
            raise click.ClickException(f"no article with id {article_id!r}")
        extraction = store.get_extraction(article.id)
    if fmt == "json":
        click.echo(json.dumps(render_json(article, extraction), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(article, extraction), nl=False)
