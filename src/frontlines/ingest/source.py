"""Getting bytes off disk safely: a hard size cap, streamed gzip, binary sniffing.

Nothing here reads more than ``max_bytes + one buffer`` into memory, whatever
the file claims: a gzip bomb stops at the cap instead of filling the machine.
"""

from __future__ import annotations

import gzip
import io
import stat
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError, InputTooLarge

GZIP_MAGIC = b"\x1f\x8b"

# Leading bytes of formats that are never text. Checked before any decoding.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx/.epub)"),
    (b"\x7fELF", "an executable"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"BZh91AY&SY", "a bzip2 archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old MS Office document"),
    (GZIP_MAGIC, "gzip data inside gzip"),
)


class CappedReader(io.RawIOBase):
    """A raw stream that raises InputTooLarge once more than ``cap`` bytes came through."""

    def __init__(self, raw: BinaryIO, cap: int, path: str) -> None:
        super().__init__()
        self._raw = raw
        self._cap = cap
        self._path = path
        self._count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        # Never ask for more than one byte beyond the cap.
        want = min(len(buffer), self._cap + 1 - self._count)
        if want <= 0:
            want = 1
        try:
            data = self._raw.read(want)
        except (OSError, EOFError, zlib.error) as exc:
            # gzip.BadGzipFile is an OSError; a truncated member raises EOFError.
            what = (
                "corrupt or truncated gzip data"
                if isinstance(self._raw, gzip.GzipFile)
                else "read error"
            )
            raise InputError(self._path, f"{what} ({exc})") from exc
        self._count += len(data)
        if self._count > self._cap:
            raise InputTooLarge(
                self._path, f"larger than max_bytes={self._cap} bytes (after decompression)"
            )
        buffer[: len(data)] = data
        return len(data)


def inner_name(path: Path, compressed: bool) -> str:
    """The file name that says the format: 'a.warc' for 'a.warc.gz'; lower case."""
    name = path.name.lower()
    if compressed and name.endswith(".gz"):
        name = name[:-3]
    elif compressed and name.endswith(".tgz"):
        name = name[:-4] + ".tar"
    return name


@contextmanager
def open_input(path: Path, max_bytes: int) -> Iterator[tuple[BinaryIO, str]]:
    """Open ``path`` as a capped byte stream, decompressing gzip (by magic bytes).

    Yields the stream and the name that tells the format (without ``.gz``).
    """
    label = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # Opening a FIFO or a device would block or never end.
            raise InputError(label, "is a directory" if path.is_dir() else "not a regular file")
        size = info.st_size
        fh = path.open("rb")
    except FileNotFoundError as exc:
        raise InputError(label, "no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(label, "is a directory") from exc
    except OSError as exc:
        raise InputError(label, f"cannot open ({exc.strerror or exc})") from exc
    with fh:
        compressed = fh.read(2) == GZIP_MAGIC
        fh.seek(0)
        if compressed:
            raw: BinaryIO = gzip.GzipFile(fileobj=fh, mode="rb")  # type: ignore[assignment]
        else:
            if size > max_bytes:
                raise InputTooLarge(label, f"{size} bytes, larger than max_bytes={max_bytes}")
            raw = fh
        stream = io.BufferedReader(CappedReader(raw, max_bytes, label))
        yield stream, inner_name(path, compressed)


def read_all(stream: BinaryIO) -> bytes:
    """All bytes of a capped stream (the cap raises, so this is bounded)."""
    return stream.read()


def binary_kind(data: bytes) -> str | None:
    """What a binary file is ('a PNG image', 'binary data'), or None for text-like bytes.

    Call only after BOM handling: UTF-16/32 text is full of NUL bytes.
    """
    for magic, kind in BINARY_MAGIC:
        if data.startswith(magic):
            return kind
    head = data[:8192]
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    # Control bytes other than tab, newline, form feed, carriage return and escape.
    controls = sum(1 for b in head if b < 0x20 and b not in (9, 10, 12, 13, 27))
    if head and controls / len(head) > 0.05:
        return "binary data (control bytes)"
    return None
