"""What is in a store, as a plain-text summary (``frontlines run``) and a Markdown report.

``summarize`` counts once; ``format_summary`` and ``render_report`` only lay
the counts out. Sections with nothing to show say "none extracted" rather
than disappearing, so a reader can tell "no events" from "section missing".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .types import Claim, Event, Extraction, Quantity

if TYPE_CHECKING:
    from .store import Store

NONE = "none extracted"
UNKNOWN = "(unknown)"
MAX_EVENTS_LISTED = 500
TOP_PLACES = 20
MAX_SENTENCE = 400  # characters of an event's sentence quoted in the report


@dataclass
class SourceRow:
    articles: int = 0
    extracted: int = 0
    events: int = 0
    places: int = 0
    flags: int = 0
    formats: Counter[str] = field(default_factory=Counter)


@dataclass
class ListedEvent:
    article_id: str
    source: str | None
    published: date | None
    event: Event


@dataclass
class Summary:
    """Counts over everything in the store."""

    articles: int = 0
    extracted: int = 0
    by_source: dict[str, SourceRow] = field(default_factory=dict)
    by_format: Counter[str] = field(default_factory=Counter)
    event_types: Counter[tuple[str, str]] = field(default_factory=Counter)
    claimant_types: Counter[str] = field(default_factory=Counter)
    modalities: Counter[str] = field(default_factory=Counter)
    places: Counter[tuple[str, str]] = field(default_factory=Counter)  # (name, country)
    places_total: int = 0
    places_resolved: int = 0
    flags: Counter[str] = field(default_factory=Counter)
    events: list[ListedEvent] = field(default_factory=list)

    @property
    def events_total(self) -> int:
        return sum(self.event_types.values())


def summarize(store: Store) -> Summary:
    summary = Summary()
    for row in store.list_articles():
        summary.articles += 1
        source = summary.by_source.setdefault(row.source or UNKNOWN, SourceRow())
        source.articles += 1
        source.formats[row.format] += 1
        summary.by_format[row.format] += 1
    for extraction in store.iter_extractions():
        _add_extraction(summary, extraction)
    return summary


def _add_extraction(summary: Summary, extraction: Extraction) -> None:
    article = extraction.article
    summary.extracted += 1
    source = summary.by_source.setdefault(article.source or UNKNOWN, SourceRow())
    source.extracted += 1
    source.events += len(extraction.events)
    source.places += len(extraction.places)
    source.flags += len(extraction.flags)
    for event in extraction.events:
        summary.event_types[(event.event_type, event.sub_event_type)] += 1
        claim = event.claim
        summary.claimant_types[claim.claimant.type if claim else "(no claim)"] += 1
        summary.modalities[claim.modality if claim else "(no claim)"] += 1
        summary.events.append(ListedEvent(article.id, article.source, article.published, event))
    for place in extraction.places:
        summary.places_total += 1
        resolved = place.lat is not None and place.lon is not None
        summary.places_resolved += resolved
        summary.places[(place.name or place.text, place.country or "")] += 1
    for flag in extraction.flags:
        summary.flags[flag.technique] += 1


# --- shared phrasing (also used by `frontlines show`) -----------------------------------


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def describe_quantity(q: Quantity) -> str:
    """E.g. 'fatalities 33 (33-34)' or 'equipment 4 tank destroyed'."""
    parts = [q.kind, _number(q.best)]
    if (q.low is not None and q.low != q.best) or (q.high is not None and q.high != q.best):
        parts.append(f"({_number(q.low)}-{_number(q.high)})")
    parts.extend(p for p in (q.unit, q.category, q.status) if p)
    return " ".join(parts)


def describe_claim(claim: Claim | None) -> str:
    """E.g. 'the ministry (government, claimed; hedges: reportedly; evidence: none_cited)'."""
    if claim is None:
        return "no claim attached"
    who = claim.claimant.text or ("the outlet" if claim.claimant.type == "author" else "unnamed")
    details: list[str] = [claim.claimant.type]
    if claim.claimant.side:
        details.append(f"side {claim.claimant.side}")
    details.append(claim.modality)
    text = ", ".join(details)
    if claim.hedges:
        text += f"; hedges: {', '.join(claim.hedges)}"
    if claim.evidence:
        text += f"; evidence: {claim.evidence}"
    return f"{who} ({text})"


# --- plain-text summary (stdout of `frontlines run`) -----------------------------------


def _table(title: str, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    lines = [title]
    if not rows:
        return [*lines, f"  {NONE}", ""]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    for row in (header, *rows):
        cells = [
            c.rjust(w) if c.isdigit() else c.ljust(w) for c, w in zip(row, widths, strict=True)
        ]
        lines.append("  " + "  ".join(cells).rstrip())
    return [*lines, ""]


def format_summary(summary: Summary) -> str:
    lines = [
        f"articles {summary.articles}, extracted {summary.extracted}, "
        f"events {summary.events_total}, places {summary.places_resolved}/"
        f"{summary.places_total} resolved, flags {sum(summary.flags.values())}",
        "",
    ]
    lines += _table(
        "Articles by source",
        ("source", "articles", "formats", "events", "flags"),
        [
            (
                name,
                str(row.articles),
                ", ".join(f"{f} {n}" for f, n in sorted(row.formats.items())),
                str(row.events),
                str(row.flags),
            )
            for name, row in sorted(summary.by_source.items())
        ],
    )
    lines += _table(
        "Articles by format",
        ("format", "articles"),
        [(f, str(n)) for f, n in sorted(summary.by_format.items())],
    )
    lines += _table(
        "Events by ACLED type",
        ("event type", "sub-event type", "events"),
        [(t, s, str(n)) for (t, s), n in sorted(summary.event_types.items())],
    )
    lines += _table(
        "Events by claimant type",
        ("claimant", "events"),
        [(c, str(n)) for c, n in summary.claimant_types.most_common()],
    )
    lines += _table(
        "Places",
        ("place", "country", "mentions"),
        [(p, c or "-", str(n)) for (p, c), n in summary.places.most_common(TOP_PLACES)],
    )
    lines += _table(
        "Flags", ("technique", "spans"), [(t, str(n)) for t, n in summary.flags.most_common()]
    )
    return "\n".join(lines).rstrip() + "\n"


# --- Markdown report --------------------------------------------------------------------


def _cell(value: object) -> str:
    return " ".join(str(value).split()).replace("|", "\\|")


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _md_table(header: tuple[str, ...], rows: list[tuple[object, ...]]) -> list[str]:
    if not rows:
        return [f"_{NONE}._", ""]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def render_report(
    store: Store, title: str = "frontlines report", summary: Summary | None = None
) -> str:
    """The Markdown report (``summary`` when the caller has already counted)."""
    summary = summary if summary is not None else summarize(store)
    out = [
        f"# {title}",
        "",
        f"{summary.articles} articles stored, {summary.extracted} extracted; "
        f"{summary.events_total} events, {summary.places_total} place mentions "
        f"({summary.places_resolved} resolved), {sum(summary.flags.values())} flagged spans.",
        "",
        "## Sources",
        "",
    ]
    out += _md_table(
        ("source", "articles", "extracted", "formats", "events", "places", "flags"),
        [
            (
                name,
                row.articles,
                row.extracted,
                ", ".join(f"{f} {n}" for f, n in sorted(row.formats.items())),
                row.events,
                row.places,
                row.flags,
            )
            for name, row in sorted(summary.by_source.items())
        ],
    )
    out += ["## Event types", ""]
    out += _md_table(
        ("ACLED event type", "sub-event type", "events"),
        [(t, s, n) for (t, s), n in sorted(summary.event_types.items())],
    )
    out += ["## Top places", ""]
    out += _md_table(
        ("place", "country", "mentions"),
        [(p, c or "-", n) for (p, c), n in summary.places.most_common(TOP_PLACES)],
    )
    out += ["## Claimant types", ""]
    out += _md_table(
        ("claimant type", "events"), [(c, n) for c, n in summary.claimant_types.most_common()]
    )
    out += ["## Modality", ""]
    out += _md_table(("modality", "events"), [(m, n) for m, n in summary.modalities.most_common()])
    out += ["## Flags", ""]
    out += _md_table(("technique", "spans"), [(t, n) for t, n in summary.flags.most_common()])
    out += ["## Events", ""]
    out += _event_list(summary.events)
    return "\n".join(out).rstrip() + "\n"


def _event_list(events: list[ListedEvent]) -> list[str]:
    if not events:
        return [f"_{NONE}._"]
    ordered = sorted(events, key=lambda e: (e.published or date.min, e.article_id), reverse=True)
    lines: list[str] = []
    for item in ordered[:MAX_EVENTS_LISTED]:
        ev = item.event
        when = ev.date.value if ev.date and ev.date.value else item.published
        where = (ev.location.name or ev.location.text) if ev.location else None
        head = f"- **{ev.event_type} / {ev.sub_event_type}**"
        head += f" — {when or 'undated'}" + (f", {where}" if where else "")
        head += f" — {item.source or UNKNOWN}, article `{item.article_id[:12]}`"
        lines.append(head)
        lines.append(f"  > {_clip(_cell(ev.sentence.text), MAX_SENTENCE)}")
        lines.append(f"  - claimant: {_cell(describe_claim(ev.claim))}")
        if ev.actors:
            actors = "; ".join(f"{a.role} {a.name}" for a in ev.actors)
            lines.append(f"  - actors: {_cell(actors)}")
        if ev.quantities:
            figures = "; ".join(describe_quantity(q) for q in ev.quantities)
            lines.append(f"  - figures: {_cell(figures)}")
    if len(ordered) > MAX_EVENTS_LISTED:
        lines.append(f"\n_{len(ordered) - MAX_EVENTS_LISTED} more events not listed._")
    return lines


def write_report(store: Store, path: str | Path, *, summary: Summary | None = None) -> Path:
    """Write the Markdown report of everything in ``store`` to ``path``; returns the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_report(store, summary=summary), encoding="utf-8")
    return target
