"""RSS and Atom feeds through feedparser: one Article per entry (title + body segments).

A malformed feed yields the entries feedparser's lenient parser recovered, then
an InputError saying so; a feed with nothing readable yields only the error.
"""

from __future__ import annotations

import io
import re
import time
import xml.sax
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime
from typing import Any

from ..errors import InputError
from ..types import Article
from .dates import parse_date
from .html import build_article
from .htmltext import fragment_text
from .lang import normalise_language
from .options import ReadOptions

# A feed's root element, after any XML declaration, comments or doctype.
_FEED_ROOT = re.compile(rb"<(?:[A-Za-z0-9_-]+:)?(rss|feed|RDF)\b")
_HTML_ROOT = re.compile(rb"<html\b", re.I)


def looks_like_feed(data: bytes) -> bool:
    """True when the first few KB hold an <rss>, <feed> or <rdf:RDF> root and no <html>."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "ignore").encode("utf-8")
    head = head.lstrip(b"\xef\xbb\xbf")
    return bool(_FEED_ROOT.search(head)) and not _HTML_ROOT.search(head)


def _struct_date(value: object) -> date | None:
    if isinstance(value, time.struct_time):
        try:
            return datetime(*value[:6], tzinfo=UTC).date()
        except ValueError:
            return None
    return None


def _entry_date(entry: Mapping[str, Any]) -> date | None:
    # The raw string keeps the publisher's local date; feedparser's parsed form is UTC.
    for key in ("published", "updated", "created", "dc_date"):
        found = parse_date(entry.get(key))
        if found is not None:
            return found
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        found = _struct_date(entry.get(key))
        if found is not None:
            return found
    return None


def _entry_body(entry: Mapping[str, Any]) -> str:
    for content in entry.get("content") or ():
        value = content.get("value") or ""
        text = fragment_text(value)
        if text:
            return text
    return fragment_text(entry.get("summary") or entry.get("description") or "")


def read_feed(data: bytes, path: str, options: ReadOptions) -> Iterator[Article | InputError]:
    """Every entry of an RSS/Atom feed, in feed order; ``path#entry=N`` (1-based)."""
    import feedparser

    if not data.strip():
        yield InputError(path, "empty file")
        return
    # A stream, never bytes or str: feedparser treats strings as URLs or file names.
    try:
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception as exc:  # feedparser's encoding sniffing fails on some broken bytes
        yield InputError(path, f"not a readable feed ({_describe(exc)})")
        return
    entries = parsed.get("entries") or []
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    feed = parsed.get("feed") or {}
    if not entries:
        if problem is not None:
            yield InputError(path, f"not a readable feed ({_describe(problem)})")
        elif not parsed.get("version"):
            yield InputError(path, "not an RSS/Atom feed")
        else:
            yield InputError(path, "feed has no entries")
        return
    source = _clean(feed.get("title")) or options.default_source
    feed_lang = normalise_language(feed.get("language"))
    for number, entry in enumerate(entries, start=1):
        where = f"{path}#entry={number}"
        title = _clean(entry.get("title"))
        try:
            yield build_article(
                title=title,
                body=_entry_body(entry),
                comments=None,
                path=where,
                fmt="rss",  # Atom too: the format names the reader, not the dialect
                # Aggregators (e.g. news search feeds) name each item's outlet in <source>.
                source=_clean((entry.get("source") or {}).get("title")) or source,
                url=entry.get("link") or None,
                published=_entry_date(entry),
                language=feed_lang,
            )
        except InputError:
            yield InputError(where, "feed entry with neither title nor text")
    if isinstance(problem, xml.sax.SAXException):
        yield InputError(
            path,
            f"malformed XML ({_describe(problem)}); read {len(entries)} entries leniently, "
            "some may be missing or incomplete",
        )


def _clean(value: object) -> str | None:
    if not value:
        return None
    return " ".join(fragment_text(str(value)).split()) or None


def _describe(exc: object) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]
