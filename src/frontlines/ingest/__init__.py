"""Readers: files of many formats in, ``frontlines.types.Article`` records out.

Formats (chosen by file name, then by sniffing the content; gzip is detected by
its magic bytes and decompressed as a stream, so ``story.html.gz`` works):

- ``.txt`` and files with an unknown or no extension that decode as text: the
  whole decoded file is ``Article.text``; an optional ``Key: value`` header
  block at the top (Title, Source, URL, Published/Date, Language, Author) fills
  the metadata. Segments are left to the segmenter.
- ``.html``/``.htm``/``.xhtml``: trafilatura main text, title, date, site name
  and reader comments; ``text`` = title + body + comments with matching
  segments (whole-page text when trafilatura finds no main text).
- ``.rss``/``.atom`` and ``.xml`` feeds: one Article per entry (``#entry=N``),
  title + body segments, the feed title as source.
- other ``.xml``: document collections (corpus files like TR-News/GeoVirus),
  one Article per element with a ``<text>`` child (``#doc=N``), text unstripped.
- ``.warc``/``.warc.gz``: each 2xx HTML response, through the HTML reader
  (``#record=N``, url = WARC-Target-URI).
- ``.jsonl``/``.ndjson``/``.json`` and ``.csv``/``.tsv``: one Article per row
  (``#line=N`` / ``#row=N`` / ``#item=N``); ``text`` is the content field only,
  unstripped (published offsets stay valid), the title goes to ``title``. Columns are
  auto-detected or set with ``text_field``, ``title_field``, ``source_field``,
  ``date_field``, ``url_field``; ``preset="fakes"`` reads the FA-KES dataset.
- Directories (recursive, sorted by path, hidden files and folders skipped) and
  glob patterns (sorted); a missing path or an empty pattern yields an error.

Text is decoded BOM first, then strict UTF-8, then a declared charset, then
detection; newlines are normalised to ``\\n``. Dates are day-precise or None.

``iter_articles`` never raises for a bad input: it yields an ``InputError``
(``InputTooLarge`` over ``max_bytes``) naming the file, row or line, and goes on.
Input order is kept and identical inputs all come through (dedup is the store's job).
"""

from __future__ import annotations

import glob
import logging
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import InputError
from ..types import Article
from .options import ReadOptions

__all__ = ["InputError", "ReadOptions", "expand_paths", "iter_articles", "read_file"]

log = logging.getLogger(__name__)

_GLOB_CHARS = frozenset("*?[")
DEFAULT_OPTIONS = ReadOptions()  # frozen, so one shared default is safe


def _walk(root: Path) -> list[Path]:
    """Files under ``root`` sorted by their path parts (as `find | sort` would list them)."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found.extend(Path(dirpath, f) for f in filenames if not f.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def expand_paths(paths: Sequence[str | Path] | str | Path) -> list[Path]:
    """Files named by ``paths``, in order: directories walked recursively (sorted, hidden
    entries skipped), glob patterns expanded (sorted). A missing path or a pattern that
    matches nothing is kept as is, so ``iter_articles`` reports it.
    """
    files: list[Path] = []
    if isinstance(paths, str | Path):
        paths = [paths]  # one path, not a sequence of characters
    for item in paths:
        path = Path(item)
        if path.is_dir():
            files.extend(_walk(path))
        elif path.exists() or not (_GLOB_CHARS & set(str(item))):
            files.append(path)
        else:
            matches = sorted(glob.glob(str(item), recursive=True))
            expanded: list[Path] = []
            for match in map(Path, matches):
                if match.is_dir():
                    expanded.extend(_walk(match))
                elif not match.name.startswith("."):
                    expanded.append(match)
            files.extend(expanded or [path])
    return files


def iter_articles(
    paths: Sequence[str | Path] | str | Path, options: ReadOptions = DEFAULT_OPTIONS
) -> Iterator[Article | InputError]:
    """Articles from every input, in order; an ``InputError`` in place of what is unreadable."""
    for path in expand_paths(paths):
        yield from read_file(path, options)


def read_file(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Article | InputError]:
    """Articles (or errors) from one file; never raises for bad content."""
    from .readers import dispatch

    label = str(path)
    try:
        yield from dispatch(path, label, options)
    except InputError as exc:
        yield exc
    except Exception as exc:  # a reader bug must not end a long batch; say what happened
        log.debug("unexpected error reading %s", label, exc_info=True)
        yield InputError(label, f"unreadable ({type(exc).__name__}: {exc})")
