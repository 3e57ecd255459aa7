"""Plain-text articles, with an optional ``Key: value`` header block at the very top.

The header block (Title, Source, URL, Published/Date, Language, Author; any case)
ends at the first blank line or the first line that is not a header. It only fills
metadata: ``Article.text`` stays the whole decoded file, so offsets are into the
document as read, and the segmenter recognises the block itself.
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..types import Article
from .dates import parse_date
from .decode import decode_bytes
from .lang import guess_language, normalise_language
from .options import ReadOptions

HEADER_KEYS = {
    "title": "title",
    "source": "source",
    "url": "url",
    "published": "published",
    "date": "published",
    "language": "language",
    "author": "author",
}
_HEADER_LINE = re.compile(
    rf"^[ \t]*({'|'.join(HEADER_KEYS)})[ \t]*:[ \t]*(.*?)[ \t]*$",
    re.IGNORECASE,
)


def parse_header(text: str) -> dict[str, str]:
    """The header fields at the top of ``text`` (first occurrence of a key wins)."""
    fields: dict[str, str] = {}
    for line in text.split("\n", 20)[:20]:
        if not line.strip():
            break
        match = _HEADER_LINE.match(line)
        if match is None:
            break
        key = HEADER_KEYS[match.group(1).lower()]
        if match.group(2):
            fields.setdefault(key, match.group(2))
    return fields


def article_from_text(text: str, path: str, options: ReadOptions, fmt: str = "txt") -> Article:
    """An Article over already decoded text; raises InputError when it holds no text."""
    if not text.strip():
        raise InputError(path, "empty file" if not text else "empty file (only whitespace)")
    header = parse_header(text)
    return Article(
        text=text,
        path=path,
        format=fmt,
        source=header.get("source") or options.default_source,
        url=header.get("url"),
        title=header.get("title"),
        published=parse_date(header.get("published")),
        language=normalise_language(header.get("language")) or guess_language(text),
    )


def read_text(data: bytes, path: str, options: ReadOptions) -> Article:
    """A .txt file (or any file that decodes as text and is not another format)."""
    if not data:
        raise InputError(path, "empty file")
    return article_from_text(decode_bytes(data, path), path, options)
