"""A cheap language guess (script, then a few function words); None when unsure.

Enough to route text and to label articles; not a language identifier.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")
_PERSIAN_ONLY = re.compile("[\u067e\u0686\u0698\u06af]")  # پ چ ژ گ: letters Arabic lacks
_UKRAINIAN_ONLY = re.compile("[іїєґІЇЄҐ]")  # letters Russian lacks
_REGION_SEP = re.compile(r"[-_]")  # en-US, pt_BR
_CODE = re.compile(r"[a-z]{2,3}")

# Short, very frequent function words that rarely occur in the other languages listed.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "in",
            "is",
            "was",
            "that",
            "said",
            "with",
            "for",
            "from",
            "by",
            "on",
            "were",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "et",
            "est",
            "dans",
            "une",
            "du",
            "sur",
            "qui",
            "pour",
            "au",
            "par",
        ]
    ),
    "de": frozenset(
        ["der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "zu", "im", "sich", "auf"]
    ),
    "es": frozenset(
        ["el", "los", "las", "y", "que", "del", "en", "por", "una", "con", "para", "se", "según"]
    ),
    "it": frozenset(["il", "di", "che", "della", "per", "non", "sono", "gli", "nel", "alla", "ha"]),
    "tr": frozenset(["ve", "bir", "bu", "ile", "için", "da", "de", "olarak", "olan"]),
}


def _script_share(text: str, low: int, high: int) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if low <= ord(c) <= high) / len(letters)


def guess_language(text: str) -> str | None:
    """ISO 639-1 code for the first few thousand characters of ``text``, or None."""
    sample = text[:4000]
    if _script_share(sample, 0x0600, 0x06FF) > 0.5:
        return "fa" if _PERSIAN_ONLY.search(sample) else "ar"
    if _script_share(sample, 0x0400, 0x04FF) > 0.5:
        return "uk" if _UKRAINIAN_ONLY.search(sample) else "ru"
    if _script_share(sample, 0x0590, 0x05FF) > 0.5:
        return "he"
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < 5:
        return None
    counts = {lang: sum(1 for w in words if w in vocab) for lang, vocab in FUNCTION_WORDS.items()}
    ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top >= 2 and top >= 2 * second and top / len(words) >= 0.05:
        return best
    return None


LANGUAGE_NAMES = {
    "english": "en",
    "arabic": "ar",
    "russian": "ru",
    "ukrainian": "uk",
    "french": "fr",
    "german": "de",
    "spanish": "es",
    "turkish": "tr",
    "persian": "fa",
    "farsi": "fa",
    "hebrew": "he",
    "italian": "it",
}


def normalise_language(value: str | None) -> str | None:
    """'en-US', 'English', 'EN' -> 'en'; None for empty values."""
    if not value:
        return None
    value = value.strip().lower()
    if value in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[value]
    code = _REGION_SEP.split(value, maxsplit=1)[0]
    return code if _CODE.fullmatch(code) else None
