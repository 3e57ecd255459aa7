"""Publication dates from metadata strings: a day-precise ``date`` or None, never a guess.

Relative phrases ("yesterday") and dates missing their day or year give None:
filling them from today's clock would invent a date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_])")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_DOTTED = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")  # 05.03.2023 is day-first everywhere
_EPOCH = re.compile(r"^\s*\d{9,13}(?:\.\d+)?\s*$")
MIN_YEAR, MAX_YEAR = 1900, 2100

_DATEPARSER_SETTINGS = {
    # Only absolute dates; relative ones depend on when we run, not when it was published.
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def _plausible(value: date) -> date | None:
    return value if MIN_YEAR <= value.year <= MAX_YEAR else None


def _from_epoch(seconds: float) -> date | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        return _plausible(datetime.fromtimestamp(seconds, tz=UTC).date())
    except (OverflowError, OSError, ValueError):
        return None


def parse_date(value: object, formats: Sequence[str] = ()) -> date | None:
    """A day-precise date from a metadata value (string, epoch number, date), else None.

    ``formats`` are strptime formats tried first (e.g. ``"%m/%d/%Y"`` for FA-KES).
    A timestamp with an offset keeps the publisher's local date.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return _plausible(value.date())
    if isinstance(value, date):
        return _plausible(value)
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    text = str(value).strip()
    if not text or len(text) > 80:
        return None
    for fmt in formats:
        try:
            return _plausible(datetime.strptime(text, fmt).date())
        except ValueError:
            continue
    match = _ISO.match(text) or _COMPACT.match(text)
    if match:
        try:
            return _plausible(date(*(int(g) for g in match.groups())))
        except ValueError:
            return None
    match = _DOTTED.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return _plausible(date(year, month, day))
        except ValueError:
            return None
    if _EPOCH.match(text):
        return _from_epoch(float(text))
    try:
        return _plausible(parsedate_to_datetime(text).date())  # RFC 2822, as in feeds and mail
    except (TypeError, ValueError, IndexError):
        pass
    return _dateparser(text)


def _dateparser(text: str) -> date | None:
    import dateparser

    try:
        parsed = dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    except (ValueError, TypeError, OverflowError, AttributeError):
        return None
    return _plausible(parsed.date()) if parsed is not None else None
