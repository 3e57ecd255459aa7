"""HTML pages through trafilatura: title, main text, reader comments, metadata.

``Article.text`` is built here as title + blank line + main text (+ blank line +
comments), with matching title/body/comments segments, so comments stay tagged
as comments. When trafilatura finds no main text, the whole visible page text
is used instead (still a body, marked by nothing smarter).
"""

from __future__ import annotations

import logging
import re
from datetime import date

from ..errors import InputError
from ..types import Article, Segment, SegmentKind
from .dates import parse_date
from .decode import charset_from_content_type, declared_charset, decode_bytes
from .htmltext import page_title_and_text
from .lang import guess_language, normalise_language
from .options import ReadOptions

log = logging.getLogger(__name__)

_HTML_LANG = re.compile(
    r"""<html\b[^>]{0,300}?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z]+)?)""", re.I
)
_SPACES = re.compile(r"\s+")


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    return _SPACES.sub(" ", title).strip() or None


def _norm(line: str) -> str:
    return _SPACES.sub(" ", line).strip().casefold()


def _drop_repeated_title(title: str | None, body: str) -> str:
    """trafilatura often starts the main text with the headline: keep it once, as title."""
    if not title:
        return body
    first, _, rest = body.partition("\n")
    return rest.lstrip("\n") if _norm(first) == _norm(title) and rest.strip() else body


def _trafilatura(page: str, url: str | None) -> dict[str, str | None] | None:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            page,
            url=url,
            include_comments=True,
            with_metadata=True,
            # No free-text date search: only dates the page marks up as its own.
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception as exc:  # trafilatura's failures are many and undocumented
        log.debug("trafilatura failed: %s", exc)
        return None
    if doc is None:
        return None
    fields = ("title", "text", "comments", "date", "sitename", "hostname", "url", "language")
    return {f: getattr(doc, f, None) for f in fields}


def build_article(
    *,
    title: str | None,
    body: str,
    comments: str | None,
    path: str,
    fmt: str,
    source: str | None,
    url: str | None,
    published: date | None,
    language: str | None,
) -> Article:
    """Assemble text and segments from the parts (shared with the feed reader)."""
    body = _drop_repeated_title(title, body)
    parts: list[tuple[SegmentKind, str]] = []
    if title:
        parts.append(("title", title))
    if body.strip():
        parts.append(("body", body.strip()))
    if comments and comments.strip():
        parts.append(("comments", comments.strip()))
    if not parts:
        raise InputError(path, "no text found")
    text, segments = "", []
    for kind, part in parts:
        if text:
            text += "\n\n"
        segments.append(Segment(kind, len(text), len(text) + len(part)))
        text += part
    return Article(
        text=text,
        path=path,
        format=fmt,
        source=source,
        url=url,
        title=title,
        published=published,
        language=language or guess_language(body or text),
        segments=tuple(segments),
    )


def read_html(
    data: bytes,
    path: str,
    options: ReadOptions,
    *,
    url: str | None = None,
    content_type: str | None = None,
    fmt: str = "html",
) -> Article:
    """One HTML page; raises InputError when nothing readable is in it."""
    if not data.strip():
        raise InputError(path, "empty file")
    declared = charset_from_content_type(content_type) or declared_charset(data)
    page = decode_bytes(data, path, declared=declared)
    if "<" not in page:
        raise InputError(path, "not HTML (no markup at all)")
    found = _trafilatura(page, url) or {}
    title = _clean_title(found.get("title"))
    body = (found.get("text") or "").strip()
    comments = found.get("comments")
    if not body:
        # trafilatura skips short or oddly built pages; whole-page text beats nothing.
        page_title, body = page_title_and_text(page)
        title = title or page_title
        comments = None
        if body:
            log.info("%s: no main text found, using the whole page text", path)
    if title and _norm(body) == _norm(title):
        body = ""  # the page holds its headline and nothing else
    if not body.strip():
        # A bare <title> is an error page or a script-built shell, not an article.
        raise InputError(
            path, "no text found in the HTML page" + (" (only a title)" if title else "")
        )
    lang_match = _HTML_LANG.search(page[:5000])
    return build_article(
        title=title,
        body=body,
        comments=comments,
        path=path,
        fmt=fmt,
        source=found.get("sitename") or found.get("hostname") or options.default_source,
        url=url or found.get("url"),
        published=parse_date(found.get("date")),
        language=normalise_language(found.get("language"))
        or normalise_language(lang_match.group(1) if lang_match else None),
    )
