"""WARC / WARC.gz web archives through warcio: each HTML response (2xx) is one page.

Pages go through the HTML reader with ``url`` = WARC-Target-URI and path
``file.warc.gz#record=N`` (N counts every record, 1-based). A record whose
Content-Length does not match the data (a cut or spliced file) is reported
once, after the pages that could be read.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..errors import InputError, InputTooLarge
from ..types import Article
from .html import read_html
from .options import ReadOptions

ARCHIVE_STARTS = (b"WARC/", b"filedesc://")


def _read_capped(stream: Any, cap: int, where: str) -> bytes:
    # The payload may itself be gzip/deflate encoded (Content-Encoding): cap it too.
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(65536, cap + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > cap:
            raise InputTooLarge(where, f"page larger than max_bytes={cap} bytes")


def _missing_bytes(record: Any, cap: int, where: str) -> int:
    """Bytes the record's Content-Length promised but the file does not hold."""
    raw = record.raw_stream
    _read_capped(raw, cap, where)  # whatever the payload decoder left unread
    limit = getattr(raw, "limit", 0)
    return limit if isinstance(limit, int) and limit > 0 else 0


def _is_html_ok(record: Any) -> bool:
    headers = record.http_headers
    if record.rec_type != "response" or headers is None:
        return False
    status = headers.get_statuscode() or ""
    content_type = (headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and "html" in content_type


def _peek(stream: BinaryIO) -> bytes | None:
    if isinstance(stream, io.BufferedReader):
        return stream.peek(16)[:16]
    if isinstance(stream, io.BytesIO):
        return stream.getvalue()[:16]
    return None


def _next_record(records: Iterator[Any]) -> Any:
    # warcio prints its warnings about misaligned records straight to stderr; it
    # also counts them (err_count), which is what we report instead.
    with contextlib.redirect_stderr(io.StringIO()):
        return next(records, None)


def read_warc(stream: BinaryIO, path: str, options: ReadOptions) -> Iterator[Article | InputError]:
    """HTML pages of an uncompressed WARC stream (the caller has undone any gzip)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    head = _peek(stream)
    if head is not None and not head.lstrip(b"\r\n").startswith(ARCHIVE_STARTS):
        # warcio would read text as a string of broken ARC records, with warnings.
        yield InputError(path, "empty file" if not head else "not a WARC file (no 'WARC/' header)")
        return
    archive = ArchiveIterator(stream)
    records = iter(archive)
    number = pages = 0
    try:
        while (record := _next_record(records)) is not None:
            number += 1
            if not _is_html_ok(record):
                continue
            where = f"{path}#record={number}"
            pages += 1
            short = 0
            try:
                payload = _read_capped(record.content_stream(), options.max_bytes, where)
                short = _missing_bytes(record, options.max_bytes, where)
                yield read_html(
                    payload,
                    where,
                    options,
                    url=record.rec_headers.get_header("WARC-Target-URI"),
                    content_type=record.http_headers.get_header("Content-Type"),
                    fmt="warc",
                )
            except InputError as exc:
                if exc.path == path:
                    raise  # the cap on the whole file: nothing more can be read
                yield exc
            except (OSError, EOFError, ValueError) as exc:  # a broken encoded payload
                yield InputError(where, f"unreadable page payload ({exc})")
            if short:
                yield InputError(
                    where, f"record cut short ({short} bytes missing); page incomplete"
                )
    except InputTooLarge:
        raise  # the cap on the whole (decompressed) file
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError, IndexError) as exc:
        # warcio fails on cut headers in many ways, not always with its own exception.
        detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
        yield InputError(path, f"not a readable WARC file after record {number} ({detail})")
        return
    if getattr(archive, "err_count", 0):
        yield InputError(
            path,
            f"{archive.err_count} WARC record(s) do not match their Content-Length "
            "(cut or spliced file); pages read from them may be incomplete",
        )
    if number == 0:
        yield InputError(path, "empty WARC file")
    elif pages == 0:
        yield InputError(path, f"no HTML response records among {number} WARC records")
