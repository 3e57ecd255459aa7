"""Dates in news prose, resolved against the publication date, with ACLED precision.

``resolve_date("on Tuesday", published)`` and ``find_dates(span, published)``
return ``DateValue`` records (ISO value or None, precision 1..3). Candidates
come from our own patterns (the small model's DATE entities miss or split many
of them); spaCy DATE entities that no pattern covers are tried too, through
dateparser (cached, only ever on the entity string).

Conventions (ACLED time_precision: 1 day, 2 week or a few days, 3 month or vaguer):
- News is past tense: "on Tuesday" is the most recent Tuesday on or before
  publication (0-6 days back); "last Tuesday" is 1-7 days back. With
  ``future=True`` (a future-tense sentence) a bare weekday is the next one,
  1-7 days ahead. "next Tuesday" is always ahead.
- "February 15" takes the publication year, or the previous year if that would
  put it more than ``GRACE_DAYS`` after publication (the next year, for
  future sentences, when more than ``GRACE_DAYS`` before).
- Precision 2 values are the middle of the window the words name, never after
  publication: "last week" = the Thursday of the previous Monday-Sunday week,
  "this week" = halfway from Monday to publication, "the weekend" = Saturday,
  "in recent days" = two days back.
- Precision 3 values are the first day of the month named ("in March",
  "earlier this month", "last month"), the 5th/15th/25th for early/mid/late
  month, and 1 January for a year ("in 2019", "last year"); never after
  publication in past sentences ("early August" on 2 August is 2 August).
- "yesterday", "last night" = publication - 1; "today", "this morning",
  "tonight", "overnight" = publication (a night ending on the publication day).
- "the previous day"/"the day before" count back from the last day-precise date
  already seen in the same span (else from publication).
- Without a publication date, relative expressions and dates without a year
  get value None (never today's year); dates with a year still resolve.
- Numeric dates are read day first (15/02/2020) unless the second field cannot
  be a month (02/15/2020).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from ..types import DateValue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

GRACE_DAYS = 7
MONTH_NAMES = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
MONTH_NAMES.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
MONTH_NAMES["sept"] = 9
WEEKDAYS = {name.lower(): n for n, name in enumerate(calendar.day_name)}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "several": 3, "a few": 3, "few": 3, "a couple of": 2, "couple of": 2,
}  # fmt: skip
PART_OF_MONTH_DAY = {"early": 5, "beginning": 5, "start": 5, "mid": 15, "middle": 15}
PART_OF_MONTH_DAY.update({"late": 25, "end": 25})

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUM = r"(?P<num>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|a couple of)"
_PART = r"(?P<part>early|mid|late|the\s+(?:beginning|start|middle|end)\s+of|(?:beginning|start|middle|end)\s+of)"

# A DATE entity no pattern covered goes to dateparser only when it names a calendar unit.
ENTITY_WORTH_PARSING = re.compile(rf"{_MONTH}|{_WEEKDAY}|\b(?:19|20)\d\d\b|\bago\b", re.IGNORECASE)

Resolved = tuple[date | None, int]
Handler = Callable[[re.Match[str], date | None, bool, date | None], Resolved | None]


def _g(m: re.Match[str], name: str) -> str | None:
    """A named group, None when this pattern has no such group or it did not match."""
    return m.groupdict().get(name)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_start(d: date, back: int = 0) -> date:
    month = d.month - back
    year = d.year + (month - 1) // 12
    return date(year, (month - 1) % 12 + 1, 1)


def _infer_year(month: int, day: int, published: date, future: bool) -> date | None:
    candidate = _safe_date(published.year, month, day)
    if candidate is None:  # 29 February in a non-leap publication year
        candidate = _safe_date(published.year - (0 if future else 1), month, day)
        return candidate
    if not future and candidate > published + timedelta(days=GRACE_DAYS):
        return _safe_date(published.year - 1, month, day)
    if future and candidate < published - timedelta(days=GRACE_DAYS):
        return _safe_date(published.year + 1, month, day)
    return candidate


def _month_ok(m: re.Match[str]) -> bool:
    """Month names are capitalised in news copy; "3 may have died" is no date."""
    return m.group("month")[:1].isupper()


def _month_of(m: re.Match[str]) -> int:
    return MONTH_NAMES[m.group("month").lower().rstrip(".")]


def _absolute(
    m: re.Match[str], published: date | None, future: bool, _: date | None
) -> Resolved | None:
    month, day = _month_of(m), int(m.group("day"))
    if not 1 <= day <= 31 or not _month_ok(m):
        return None
    if _g(m, "year"):
        value = _safe_date(int(_g(m, "year") or 0), month, day)
        return (value, 1) if value else None
    if _safe_date(2000, month, day) is None:  # 2000 is a leap year: only truly bad days fail
        return None
    if published is None:
        return None, 1
    return _infer_year(month, day, published, future), 1


def _iso(m: re.Match[str], *_: object) -> Resolved | None:
    value = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return (value, 1) if value else None


def _numeric(m: re.Match[str], *_: object) -> Resolved | None:
    first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if year < 100:
        year += 2000
    day, month = (second, first) if second > 12 else (first, second)
    value = _safe_date(year, month, day)
    return (value, 1) if value else None


def _month_part_day(part: str | None) -> int:
    if not part:
        return 1
    word = part.lower().replace("the", "").replace("of", "").split()[0]
    return PART_OF_MONTH_DAY.get(word, 1)


def _month_year(m: re.Match[str], *_: object) -> Resolved | None:
    if not _month_ok(m):
        return None
    month = _month_of(m)
    return date(int(_g(m, "year") or 0), month, _month_part_day(_g(m, "part"))), 3


def _month_only(
    m: re.Match[str], published: date | None, future: bool, _: date | None
) -> Resolved | None:
    if not _month_ok(m):
        return None
    if published is None:
        return None, 3
    month = _month_of(m)
    rel = (_g(m, "rel") or "").lower()
    year = published.year
    if rel == "next":
        year += 0 if month > published.month else 1
    elif rel == "last":
        year -= 0 if month < published.month else 1
    elif future:
        year += 0 if month >= published.month else 1
    else:
        year -= 0 if month <= published.month else 1
    value = date(year, month, _month_part_day(_g(m, "part")))
    if not future and rel != "next" and value > published:
        window_start = {5: 1, 15: 11, 25: 21}.get(value.day, 1)
        if value.month == published.month and published.day >= window_start:
            value = published  # "early August" on 2 August: as far as it has got
        else:
            value = value.replace(year=value.year - 1)  # "late February" on 1 February
    return value, 3


def _year(m: re.Match[str], *_: object) -> Resolved | None:
    return date(int(_g(m, "year") or 0), 1, 1), 3


def _weekday(
    m: re.Match[str], published: date | None, future: bool, _: date | None
) -> Resolved | None:
    if published is None:
        return None, 1
    target = WEEKDAYS[m.group("weekday").lower()]
    rel = " ".join((_g(m, "rel") or "").lower().split())
    if rel in ("next", "this coming", "coming") or (future and rel in ("", "on", "this")):
        ahead = (target - published.weekday()) % 7 or 7
        return published + timedelta(days=ahead), 1
    back = (published.weekday() - target) % 7
    if rel in ("last", "this past", "past") and back == 0:
        back = 7
    return published - timedelta(days=back), 1


DAY_WORDS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "earlier today": 0, "earlier in the day": 0, "overnight": 0, "yesterday": -1,
    "last night": -1, "last evening": -1, "the day before yesterday": -2, "tomorrow": 1,
}  # fmt: skip
ANCHORED_WORDS = {
    "the previous day": -1, "the day before": -1, "the previous night": -1,
    "the same day": 0, "that day": 0, "the following day": 1, "the next day": 1,
}  # fmt: skip


def _day_word(
    m: re.Match[str], published: date | None, _f: bool, anchor: date | None
) -> Resolved | None:
    phrase = " ".join(m.group(0).lower().split())
    if phrase in ANCHORED_WORDS:
        base = anchor or published
        return (base + timedelta(days=ANCHORED_WORDS[phrase]) if base else None), 1
    return (published + timedelta(days=DAY_WORDS[phrase]) if published else None), 1


def _ago(m: re.Match[str], published: date | None, *_: object) -> Resolved | None:
    unit = m.group("unit").lower()
    precision = {"day": 1, "week": 2, "month": 3, "year": 3}[unit]
    if published is None:
        return None, precision
    raw = " ".join(m.group("num").lower().split())
    n = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw, 1)
    if unit == "day":
        return published - timedelta(days=n), 1
    if unit == "week":
        return published - timedelta(weeks=n), 2
    if unit == "month":
        return _month_start(published, n), 3
    return date(published.year - n, 1, 1), 3


def _period(m: re.Match[str], published: date | None, *_: object) -> Resolved | None:
    phrase = " ".join(m.group(0).lower().split())
    unit = m.group("unit").lower()
    precision = 2 if unit in ("week", "weekend", "days") else 3
    if published is None:
        return None, precision
    monday = published - timedelta(days=published.weekday())
    past = any(w in phrase for w in ("last", "past", "previous", "recent"))
    if unit == "days":
        return published - timedelta(days=2), 2
    if unit == "weekend":
        back = (published.weekday() - 5) % 7  # the Saturday on or before publication
        if "next" in phrase or "coming" in phrase:
            return published + timedelta(days=(5 - published.weekday()) % 7 or 7), 2
        return published - timedelta(days=back), 2
    if unit == "weeks":
        return published - timedelta(days=14), 3
    if unit == "week":
        if "next" in phrase:
            return monday + timedelta(days=10), 2
        if "past" in phrase:
            return published - timedelta(days=3), 2  # the seven days before publication
        if past:
            return monday - timedelta(days=4), 2  # Thursday of the previous week
        return monday + timedelta(days=published.weekday() // 2), 2
    if unit == "month":
        if "next" in phrase:
            return _month_start(published, -1), 3
        return _month_start(published, 1 if past else 0), 3
    if unit == "year":
        return date(published.year + (1 if "next" in phrase else -1 if past else 0), 1, 1), 3
    return None


def _day_of_month(
    m: re.Match[str], published: date | None, future: bool, _: date | None
) -> Resolved | None:
    day = int(m.group("day"))
    if not 1 <= day <= 31 or published is None:
        return (None, 1) if 1 <= day <= 31 else None
    value = _safe_date(published.year, published.month, day)
    if value is None or (not future and value > published + timedelta(days=GRACE_DAYS)):
        prev = _month_start(published, 1)
        value = _safe_date(prev.year, prev.month, day)
    return value, 1


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Most specific first; overlaps are settled by position, then length.
PATTERNS: list[tuple[re.Pattern[str], Handler]] = [
    (_p(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), _iso),
    (_p(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b"), _numeric),
    (_p(rf"\b(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?\b"), _absolute),
    (_p(rf"\b{_MONTH}\s+{_DAY}(?!\d)(?:,?\s+{_YEAR})?\b"), _absolute),
    (_p(rf"\b(?:{_PART}[\s-]+)?{_MONTH},?\s+{_YEAR}\b"), _month_year),
    (_p(rf"\b{_PART}[\s-]+{_MONTH}\b"), _month_only),
    (
        _p(
            rf"\b(?:(?:in|during|since|until|by|throughout|(?P<rel>last|this|next))\s+){_MONTH}\b(?!\s*\d)"
        ),
        _month_only,
    ),
    (
        _p(rf"\b(?:in|during|since|until|by|throughout|of|early|mid|late)[\s-]+{_YEAR}\b(?!-)"),
        _year,
    ),
    (
        _p(
            rf"\b(?:(?P<rel>last|this|next|on|this\s+past|past|this\s+coming|coming)\s+)?{_WEEKDAY}\b"
        ),
        _weekday,
    ),
    (
        _p(
            r"\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|this\s+(?:morning|afternoon|evening)|earlier\s+today|earlier\s+in\s+the\s+day|overnight|last\s+(?:night|evening))\b"
        ),
        _day_word,
    ),
    (
        _p(
            r"\b(?:the\s+previous\s+(?:day|night)|the\s+day\s+before|the\s+same\s+day|that\s+day|the\s+following\s+day|the\s+next\s+day)\b"
        ),
        _day_word,
    ),
    (_p(rf"\b{_NUM}\s+(?P<unit>day|week|month|year)s?\s+(?:ago|earlier)\b"), _ago),
    (
        _p(
            r"\b(?:(?:earlier|later)\s+)?(?:this|last|next|the\s+past|the\s+previous|past|previous|earlier\s+in\s+the|over\s+the|at\s+the|this\s+coming|the)\s+(?P<unit>week|weekend|month|year)\b"
        ),
        _period,
    ),
    (
        _p(
            r"\b(?:in\s+)?(?:recent|the\s+past\s+(?:few|two|three|several)|the\s+last\s+(?:few|two|three|several)|past\s+few)\s+(?P<unit>days|weeks)\b"
        ),
        _period,
    ),
    (_p(rf"\bon\s+the\s+{_DAY}\b(?!\s+(?:of\s+)?{_MONTH})"), _day_of_month),
]


def _resolved(text: str, start: int | None, end: int | None, res: Resolved) -> DateValue:
    value, precision = res
    return DateValue(text, value.isoformat() if value else None, precision, start, end)


def _matches(text: str) -> list[tuple[int, int, re.Match[str], Handler]]:
    """Non-overlapping pattern matches, leftmost first, longest at a tie."""
    found = [(m.start(), m.end(), m, h) for pattern, h in PATTERNS for m in pattern.finditer(text)]
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    chosen: list[tuple[int, int, re.Match[str], Handler]] = []
    for item in found:
        if not chosen or item[0] >= chosen[-1][1]:
            chosen.append(item)
    return chosen


@lru_cache(maxsize=2048)
def _dateparser(text: str, published: date | None) -> Resolved | None:
    """dateparser on one candidate string (slow: cached, and only called on DATE entities)."""
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "STRICT_PARSING": False}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if data.date_obj is None:
        return None
    precision = {"day": 1, "week": 2, "month": 3, "year": 3}.get(data.period or "day", 3)
    value = data.date_obj.date()
    if precision == 3:
        value = value.replace(day=1) if data.period == "month" else value.replace(month=1, day=1)
    has_year = re.search(r"\b(?:19|20)\d\d\b", text) is not None
    if published is None and not has_year:
        return None, precision
    if published is not None and value > published + timedelta(days=GRACE_DAYS):
        return None
    return value, precision


def resolve_date(
    text: str, published: date | None, future: bool = False, anchor: date | None = None
) -> DateValue | None:
    """The date a phrase names ("on Tuesday", "February 15", "last week"), or None."""
    matches = _matches(text)
    for _start, _end, m, handler in sorted(matches, key=lambda f: -(f[1] - f[0])):
        res = handler(m, published, future, anchor)
        if res is not None:
            return _resolved(text, None, None, res)
    if not re.search(r"\d|[a-z]{3}", text, re.IGNORECASE):
        return None
    res = _dateparser(text.strip(), published)
    return _resolved(text, None, None, res) if res else None


def find_dates(
    span: Span | Doc, published: date | None, offset: int = 0, future: bool = False
) -> list[DateValue]:
    """Every date in a span, in order, offsets = the span's char offsets + ``offset``."""
    text = span.text
    base = getattr(span, "start_char", 0) + offset
    out: list[DateValue] = []
    covered: list[tuple[int, int]] = []
    anchor: date | None = None
    for start, end, m, handler in _matches(text):
        res = handler(m, published, future, anchor)
        if res is None:
            continue
        if res[0] is not None and res[1] == 1:
            anchor = res[0]
        out.append(_resolved(m.group(0), base + start, base + end, res))
        covered.append((start, end))
    span_start = getattr(span, "start_char", 0)
    for ent in getattr(span, "ents", ()):
        if ent.label_ != "DATE":
            continue
        s, e = ent.start_char - span_start, ent.end_char - span_start
        if any(s < ce and cs < e for cs, ce in covered) or not ENTITY_WORTH_PARSING.search(
            ent.text
        ):
            continue  # durations ("2 days", "a month") and vague spans are no dates
        value = resolve_date(ent.text, published, future, anchor)
        if value is not None and (value.value is not None or published is None):
            out.append(DateValue(ent.text, value.value, value.precision, base + s, base + e))
    out.sort(key=lambda d: d.start or 0)
    return _drop_weekday_before_date(out)


def _drop_weekday_before_date(dates: list[DateValue]) -> list[DateValue]:
    """'Tuesday, February 15': keep the full date, not the weekday as a second date."""
    out: list[DateValue] = []
    for k, d in enumerate(dates):
        nxt = dates[k + 1] if k + 1 < len(dates) else None
        is_weekday = (d.text or "").split()[-1].lower() in WEEKDAYS
        if (
            is_weekday
            and nxt is not None
            and d.end is not None
            and nxt.start is not None
            and 0 <= nxt.start - d.end <= 3
        ):
            continue
        out.append(d)
    return out


def best_date(dates: Sequence[DateValue]) -> DateValue | None:
    """The date an event in a sentence most likely has: the first resolved one of the
    finest precision, else the first one found."""
    resolved = [d for d in dates if d.value is not None]
    if resolved:
        return min(resolved, key=lambda d: d.precision)
    return dates[0] if dates else None


def inherit(dates: Sequence[DateValue | None]) -> list[DateValue | None]:
    """Carry the last known date forward over the sentences of one paragraph.

    ``dates`` holds one entry per sentence (or event) in reading order, None
    where the sentence names no date; each None takes the most recent earlier
    date. Call it once per paragraph: a date never crosses a paragraph break.
    """
    out: list[DateValue | None] = []
    last: DateValue | None = None
    for d in dates:
        if d is not None:
            last = d
        out.append(d if d is not None else last)
    return out
