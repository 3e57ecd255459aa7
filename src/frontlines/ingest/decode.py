"""Bytes to text: byte-order marks first, then strict UTF-8, then a declared charset,
then detection (charset_normalizer, installed with trafilatura).

Newlines are normalised to ``\\n`` as Python's text mode reads them, so offsets
agree with ``open(path, encoding=...).read()``; a BOM is not part of the text.
"""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING

from ..errors import InputError
from .source import binary_kind

if TYPE_CHECKING:
    from charset_normalizer.models import CharsetMatch

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Web pages that declare Latin-1 are decoded as Windows-1252 by every browser (WHATWG).
CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1256": "cp1256",
    "x-user-defined": "cp1252",
}

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(
    rb"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I
)
_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or an XML declaration names, if any."""
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii", "replace").lower() if match else None


def charset_from_content_type(content_type: str | None) -> str | None:
    """'text/html; charset=windows-1256' -> 'windows-1256'."""
    if not content_type:
        return None
    match = _CHARSET_PARAM.search(content_type)
    return match.group(1).lower() if match else None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = CHARSET_ALIASES.get(name.lower(), name.lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'-be' when every other byte is NUL, as in ASCII-range UTF-16 text."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even_nul = sample[0::2].count(0) / (len(sample) // 2)
    odd_nul = sample[1::2].count(0) / (len(sample) // 2)
    if odd_nul > 0.6 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.6 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few bad bytes (a cut page, a stray Latin-1 byte): keep it UTF-8.

    Legacy 8-bit text has almost no valid multi-byte sequences, so when valid ones
    outnumber broken ones ten to one the file is UTF-8 and detection would only garble it.
    """
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    valid = sum(1 for c in text if ord(c) > 0x7F) - broken
    return text if valid >= 10 * broken else None


def decode_bytes(data: bytes, path: str, declared: str | None = None) -> str:
    """Decode a whole file; raise InputError for binary data or an unknown encoding."""
    text: str | None
    for bom, codec in BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], codec)
            if text is None:
                raise InputError(path, f"not valid {codec} despite its byte-order mark")
            return normalise_newlines(text)
    codec16 = _utf16_without_bom(data)
    if codec16 is not None:
        text = _strict(data, codec16)
        if text is not None:
            return normalise_newlines(text)
    kind = binary_kind(data)
    if kind is not None:
        raise InputError(path, f"not a text file: looks like {kind}")
    text = _strict(data, "utf-8") or _mostly_utf8(data)
    if text is None:
        named = _codec(declared)
        if named is not None and named not in ("utf-8", "utf_8"):
            text = _strict(data, named)
    if text is None:
        text = _detect(data)
    if text is None:
        raise InputError(path, "cannot tell the text encoding (not UTF-8, nothing detected)")
    return normalise_newlines(text)


# Tie-break between equally plausible detections (charset_normalizer often cannot
# tell cp1250 from cp1252 on French or Spanish text): the commoner news encodings win.
PREFERRED = ("cp1252", "cp1256", "cp1251", "cp1250", "cp1254", "cp1253", "cp1255", "koi8_r")


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None

    def rank(m: CharsetMatch) -> tuple[float, float, int]:
        pref = PREFERRED.index(m.encoding) if m.encoding in PREFERRED else len(PREFERRED)
        return (round(m.chaos, 2), -round(m.coherence, 2), pref)

    for match in sorted(matches, key=rank):
        text = _strict(data, match.encoding)
        if text is not None:
            return text
    return None
