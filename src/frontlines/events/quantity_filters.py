"""Numbers that are not counts: dates, years, times, ages, money, percentages,
designators ("Brigade 46", "Route 5"), addresses. Used by ``quantities``."""

from __future__ import annotations

import re

from .numbers import CountMatch, Tok

MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip
YEAR_CONTEXT = {
    "in", "since", "until", "till", "by", "from", "of", "during", "early", "late",
    "mid", "year", "years", "before", "after", "spring", "summer", "autumn",
    "winter", "fall", "through", "between", "and", "to",
}  # fmt: skip
NOT_COUNT_AFTER = {
    "%", "percent", "per", "pct", "am", "pm", "a.m", "p.m", "gmt", "utc", "hrs",
    "o'clock", "h", "dollars", "dollar", "euros", "euro", "pounds", "rubles",
    "roubles", "lira", "liras", "hryvnias", "hryvnia", "yuan", "rials", "dinars",
    "usd", "eur", "year", "years", "yr", "month", "months", "week", "weeks",
    "day", "days", "hour", "hours", "minute", "minutes", "times", "degrees",
}  # fmt: skip
CLOCK_AFTER = re.compile(r"\s*(?:[ap]\.\s?m\b\.?|[ap]m\b)", re.IGNORECASE)
CURRENCY_BEFORE = {"$", "€", "£", "us$", "usd", "eur", "rub"}
DESIGNATORS = {
    "brigade", "battalion", "regiment", "division", "corps", "route", "highway",
    "road", "street", "no", "number", "resolution", "article", "hill", "height",
    "checkpoint", "block", "building", "house", "flight", "unit", "sector", "zone",
    "chapter", "page", "section", "paragraph", "line", "gate", "camp", "point",
    "post", "kilometre", "kilometer", "level", "phase", "stage", "round", "day",
    "week", "year", "term", "vol", "channel", "district", "quarter", "apartment",
    "platform", "exit", "junction", "lane", "avenue", "square", "pier", "berth",
    "grade", "class", "group", "squad", "platoon", "company", "army", "fleet",
    "base", "airfield", "field", "site", "well", "tower", "bridge", "dam", "mine",
    "school", "hospital", "ward", "module", "reactor", "m", "p", "tel", "fax",
}  # fmt: skip
STREET_WORDS = {"street", "st", "road", "rd", "avenue", "ave", "boulevard", "lane"}
YEAR_RE = re.compile(r"(1[89]|20)\d\d")  # a modern year: "in 2017"
BARE_YEAR_RE = re.compile(r"(1[5-9]|20)\d\d")  # wider, for figures with no noun after
NUMERIC_DATE_RE = re.compile(r"\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b|\b\d{1,2}:\d{2}\b")


def is_upper(text: str, tok: Tok) -> bool:
    return text[tok.start : tok.start + 1].isupper()


def not_a_count(text: str, toks: list[Tok], ci: int, ce: int, match: CountMatch) -> bool:
    """Dates, years, times, ages, money, percentages, designators, addresses."""
    prev = toks[ci - 1].text if ci > 0 else ""
    prev2 = toks[ci - 2].text if ci > 1 else ""
    nxt = toks[ce].text if ce < len(toks) else ""
    nxt2 = toks[ce + 1].text if ce + 1 < len(toks) else ""
    raw = text[match.start : match.end]
    if prev in MONTHS or nxt in MONTHS or (nxt == "of" and nxt2 in MONTHS):
        return True
    if YEAR_RE.fullmatch(raw) and (prev in YEAR_CONTEXT or nxt in (",", ".", "")):
        return True
    if prev and prev[0].isdigit() and prev2 in MONTHS:  # "April 29 2017"
        return True
    if nxt in NOT_COUNT_AFTER or prev in CURRENCY_BEFORE or raw[:1] in "$€£":
        return True
    if nxt in (":", ".") and nxt2[:1].isdigit():  # 10:30, 10.30 am
        return True
    if CLOCK_AFTER.match(text, match.end):  # 5 a.m., 6pm
        return True
    if prev in ("aged", "age", "ages") or (nxt in ("-", "year") and nxt2 in ("year", "old")):
        return True
    if prev in DESIGNATORS and not match.vague:
        return True
    # "Ahmed, 25, was killed": an age between commas after a name.
    if prev == "," and nxt == "," and ci > 1 and is_upper(text, toks[ci - 2]) and prev2:
        return True
    # "12 Main Street"
    return bool(nxt2 in STREET_WORDS and ce < len(toks) and is_upper(text, toks[ce]))


def bare_not_a_count(toks: list[Tok], ci: int, raw: str) -> bool:
    """A figure with no noun after "in"/"since" or shaped like a year: "in 639", "2017"."""
    prev = toks[ci - 1].text if ci > 0 else ""
    return prev in ("in", "since", "until", "by") or BARE_YEAR_RE.fullmatch(raw) is not None


# "many of the dead", "several of them", "a number of those": a share of a group
# named elsewhere, not a figure for it.
DEFINITE_AFTER_OF = {"the", "them", "those", "these", "whom", "their", "its", "his", "her", "our"}
# "did not include many", "not many", "never several": the clause denies the count.
NEGATION_BEFORE_RE = re.compile(
    r"(?:\bnot|\bnever|\bno|\bnor|\bwithout|n['’]t)(?:\s+[\w'’-]+){0,2}\s*$", re.IGNORECASE
)


def vague_not_a_count(text: str, toks: list[Tok], ce: int, match: CountMatch) -> bool:
    """A vague word ("many", "several", "a number of") that counts nothing: a partitive
    of a definite group ("many of the dead", "a number of them") or a negated one."""
    if not match.vague or text[match.start : match.start + 1].isdigit():
        return False
    if match.bounds.low is not None and match.bounds.low >= 10:
        return False  # "dozens", "hundreds", "tens of thousands": magnitudes keep their figure
    raw = text[match.start : match.end].lower()
    after_of = ce if raw.endswith(" of") else ce + 1
    if (raw.endswith(" of") or (ce < len(toks) and toks[ce].text == "of")) and (
        after_of < len(toks) and toks[after_of].text in DEFINITE_AFTER_OF
    ):
        return True
    return NEGATION_BEFORE_RE.search(text[max(0, match.start - 30) : match.start]) is not None
