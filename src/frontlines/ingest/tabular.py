"""Tabular inputs: JSONL/NDJSON, JSON arrays, CSV/TSV; one Article per row.

Columns come from explicit ``*_field`` options, then a preset (``fakes``), then
common names (text/content/body/article_content, title/headline, source/outlet,
date/published, url/link, also ACLED's notes/event_date). ``Article.text`` is
the content field only; the title goes to ``Article.title``. Each row's path is
``file.csv#row=N`` (1-based data row) or ``file.jsonl#line=N`` (physical line).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import InputError
from ..types import Article, content_id
from .dates import parse_date
from .decode import decode_bytes, normalise_newlines
from .lang import guess_language
from .options import ReadOptions

# Candidate column names, best first, compared after lower-casing and mapping
# spaces and dashes to underscores.
CANDIDATES: dict[str, tuple[str, ...]] = {
    "text": (
        "text", "content", "body", "article_content", "article_text", "article_body",
        "full_text", "fulltext", "article", "story", "notes", "snippet", "sentence",
        "message", "description", "summary",
    ),
    "title": ("title", "headline", "article_title", "heading", "head"),
    "source": (
        "source", "outlet", "publisher", "source_name", "sitename", "site_name", "site",
        "media", "domain", "channel",
    ),
    "date": (
        "date", "published", "published_at", "publish_date", "publication_date", "pubdate",
        "pub_date", "date_published", "datetime", "timestamp", "created_at", "event_date", "time",
    ),
    "url": ("url", "link", "article_url", "source_url", "href", "uri"),
}  # fmt: skip


class RowProblem(ValueError):
    """What is wrong with a table or one row; callers turn it into an InputError with a place."""


_URL = re.compile(r"^https?://\S+$", re.I)


@dataclass(frozen=True)
class Preset:
    fields: Mapping[str, str]
    date_formats: tuple[str, ...] = ()


PRESETS: dict[str, Preset] = {
    # FA-KES (Salem et al., ICWSM 2019): dates are M/D/YYYY.
    "fakes": Preset(
        {"text": "article_content", "title": "article_title", "source": "source", "date": "date"},
        ("%m/%d/%Y",),
    ),
}


@dataclass(frozen=True)
class Columns:
    text: str
    title: str | None
    source: str | None
    date: str | None
    url: str | None
    date_formats: tuple[str, ...] = ()


def _key(name: str) -> str:
    return re.sub(r"[\s-]+", "_", name.strip().lower())


def resolve_columns(names: Iterable[str], options: ReadOptions) -> Columns:
    """Which column holds what; raises RowProblem when a named or the text column is missing."""
    available = [n for n in names if isinstance(n, str)]
    by_key: dict[str, str] = {}
    for name in available:
        by_key.setdefault(_key(name), name)
    preset = PRESETS[options.preset] if options.preset else Preset({})
    explicit = {
        "text": options.text_field,
        "title": options.title_field,
        "source": options.source_field,
        "date": options.date_field,
        "url": options.url_field,
    }
    chosen: dict[str, str | None] = {}
    for role, candidates in CANDIDATES.items():
        wanted = explicit[role] or preset.fields.get(role)
        if wanted is not None:
            column = wanted if wanted in available else by_key.get(_key(wanted))
            if column is None:
                raise RowProblem(f"no column {wanted!r} for {role} (columns: {_list(available)})")
            chosen[role] = column
        else:
            chosen[role] = next((by_key[c] for c in candidates if c in by_key), None)
    text = chosen["text"]
    if text is None:
        raise RowProblem(
            f"no text column found; name one with text_field (columns: {_list(available)})"
        )
    return Columns(
        text, chosen["title"], chosen["source"], chosen["date"], chosen["url"], preset.date_formats
    )


def _list(names: Sequence[str]) -> str:
    shown = ", ".join(names[:12])
    return shown + (", ..." if len(names) > 12 else "") if names else "none"


def _value(row: Mapping[str, object], column: str | None) -> str | None:
    if column is None:
        return None
    value = row.get(column)
    if value is None:
        return None
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text.strip() or None


def row_article(
    row: Mapping[str, object], columns: Columns, where: str, options: ReadOptions, fmt: str
) -> Article:
    """One row as an Article with path ``where``; raises RowProblem when it has no text."""
    raw_text = row.get(columns.text)
    # Not stripped: corpora publish character offsets into this exact text.
    text = normalise_newlines(raw_text) if isinstance(raw_text, str) else ""
    if not text.strip():
        raise RowProblem(f"no text (column {columns.text!r} is empty or missing)")
    title = _value(row, columns.title)
    source, url = _value(row, columns.source), _value(row, columns.url)
    if source and _URL.match(source):
        # Some corpora put the article's address in the source column.
        url = url or source
        source = urlsplit(source).hostname
    raw_date = row.get(columns.date) if columns.date else None
    return Article(
        # A row is a record: the same text in two rows is two articles, while
        # re-reading the same file is still a no-op (same name, row and text).
        id=content_id(text, record=Path(where).name),
        text=text,
        path=where,
        format=fmt,
        source=source or options.default_source,
        url=url,
        title=" ".join(title.split()) if title else None,
        published=parse_date(
            raw_date if isinstance(raw_date, int | float) else _value(row, columns.date),
            columns.date_formats,
        ),
        language=guess_language(text),
    )


def _delimiter(first_line: str, name: str) -> str:
    if name.endswith((".tsv", ".tab")):
        return "\t"
    counts = {d: first_line.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(
    data: bytes, path: str, name: str, options: ReadOptions
) -> Iterator[Article | InputError]:
    """Rows of a CSV/TSV file with a header line."""
    text = decode_bytes(data, path)
    if not text.strip():
        yield InputError(path, "empty file")
        return
    # Long articles exceed csv's default 128 KiB field limit; the file cap bounds them.
    csv.field_size_limit(max(csv.field_size_limit(), options.max_bytes))
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text.split("\n", 1)[0], name))
    try:
        header = next(reader)
        columns = resolve_columns(header, options)
        number = 0
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue  # blank lines are not data rows
            number += 1
            where = f"{path}#row={number}"
            row = dict(zip(header, cells, strict=False))
            try:
                yield row_article(row, columns, where, options, "csv")
            except RowProblem as exc:
                yield InputError(where, str(exc))
        if number == 0:
            yield InputError(path, "no data rows under the header line")
    except RowProblem as exc:
        yield InputError(path, str(exc))
    except csv.Error as exc:
        yield InputError(path, f"malformed CSV ({exc})", line=reader.line_num)


def read_jsonl(data: bytes, path: str, options: ReadOptions) -> Iterator[Article | InputError]:
    """One JSON object per line; a bad line yields an error naming file:line, the rest go on."""
    text = decode_bytes(data, path)
    if not text.strip():
        yield InputError(path, "empty file")
        return
    cache: dict[frozenset[str], Columns | str] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(path, f"not valid JSON ({exc.msg} at column {exc.colno})", line=number)
            continue
        yield from _object_rows([(row, f"{path}#line={number}", number)], path, options, cache)


def read_json(data: bytes, path: str, options: ReadOptions) -> Iterator[Article | InputError]:
    """A JSON file: an array of objects (``#item=N``), or one object; JSONL is detected too."""
    text = decode_bytes(data, path)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # several objects, one per line: JSON Lines
            yield from read_jsonl(data, path, options)
            return
        yield InputError(path, f"not valid JSON ({exc.msg})", line=exc.lineno)
        return
    items = doc if isinstance(doc, list) else [doc]
    rows = [(item, f"{path}#item={i}", None) for i, item in enumerate(items, start=1)]
    yield from _object_rows(rows, path, options, {})


def _object_rows(
    rows: Iterable[tuple[object, str, int | None]],
    path: str,
    options: ReadOptions,
    cache: dict[frozenset[str], Columns | str],
) -> Iterator[Article | InputError]:
    for row, where, line in rows:
        if not isinstance(row, dict):
            problem = f"expected a JSON object, got {type(row).__name__}"
            yield InputError(path, problem, line=line) if line else InputError(where, problem)
            continue
        keys = frozenset(k for k in row if isinstance(k, str))
        if keys not in cache:
            try:
                cache[keys] = resolve_columns(sorted(keys), options)
            except RowProblem as exc:
                # The message, not the exception: re-raising one instance per row
                # would grow its traceback with every row.
                cache[keys] = str(exc)
        columns = cache[keys]
        try:
            if isinstance(columns, str):
                raise RowProblem(columns)
            yield row_article(row, columns, where, options, "jsonl")
        except RowProblem as exc:
            # JSONL errors read file:line; items of a JSON array are named by their path.
            yield InputError(path, str(exc), line=line) if line else InputError(where, str(exc))
