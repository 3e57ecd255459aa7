"""Which reader reads a file: by name first, then by sniffing the first bytes."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..types import Article
from .feeds import looks_like_feed, read_feed
from .html import read_html
from .options import ReadOptions
from .source import open_input, read_all
from .tabular import read_csv, read_json, read_jsonl
from .text import read_text
from .warc import read_warc
from .xmldocs import read_xml_documents

_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_WARC_START = re.compile(rb"^WARC/\d")


# File name endings (after any .gz) and the reader they call for; others are sniffed.
SUFFIX_KINDS: tuple[tuple[tuple[str, ...], str], ...] = (
    ((".txt", ".text"), "txt"),
    ((".html", ".htm", ".xhtml", ".shtml"), "html"),
    ((".rss", ".atom"), "feed"),
    ((".warc", ".arc"), "warc"),
    ((".jsonl", ".ndjson", ".jsonlines"), "jsonl"),
    ((".json",), "json"),
    ((".csv", ".tsv", ".tab"), "csv"),
    ((".xml", ".rdf"), "xml"),
)


def _suffix_kind(name: str) -> str | None:
    for suffixes, kind in SUFFIX_KINDS:
        if name.endswith(suffixes):
            return kind
    return None


def _json_kind(data: bytes) -> str | None:
    """'jsonl' when the first line is a JSON object, 'json' for a whole JSON array."""
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    try:
        if stripped.startswith(b"{"):
            first = json.loads(stripped.split(b"\n", 1)[0])
            return "jsonl" if isinstance(first, dict) else None
        if stripped.startswith(b"["):
            whole = json.loads(stripped)
            return (
                "json" if isinstance(whole, list) and whole and isinstance(whole[0], dict) else None
            )
    except (ValueError, UnicodeDecodeError):
        return None
    return None


def _sniff(data: bytes) -> str:
    """The reader for a file whose name says nothing; plain text unless the content says so."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _WARC_START.match(head):
        return "warc"
    if looks_like_feed(head):
        return "feed"
    if _HTML_START.match(head):
        return "html"
    if head.lstrip().startswith(b"<?xml"):
        return "xml"
    return _json_kind(data) or "txt"


def dispatch(path: Path, label: str, options: ReadOptions) -> Iterator[Article | InputError]:
    """Read ``path`` with the reader its name (or content) calls for."""
    with open_input(path, options.max_bytes) as (stream, name):
        kind = _suffix_kind(name)
        if kind == "warc":
            # Streamed record by record: a WARC may hold many pages.
            yield from read_warc(stream, label, options)
            return
        data = read_all(stream)
    if kind is None:
        kind = _sniff(data)
        if kind == "warc":
            yield from read_warc(io.BytesIO(data), label, options)
            return
    if kind == "xml":
        if not looks_like_feed(data):
            yield from read_xml_documents(data, label, options)
            return
        kind = "feed"
    if kind == "feed":
        yield from read_feed(data, label, options)
    elif kind == "html":
        yield read_html(data, label, options)
    elif kind == "jsonl":
        yield from read_jsonl(data, label, options)
    elif kind == "json":
        yield from read_json(data, label, options)
    elif kind == "csv":
        yield from read_csv(data, label, name, options)
    else:
        yield read_text(data, label, options)
