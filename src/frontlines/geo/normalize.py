"""Place-name normalisation: one strict key and one looser phonetic key per name.

``name_key`` folds what differs between spellings of the same name but never the
letters themselves: diacritics (via unidecode), ayn/hamza marks and apostrophes,
hyphens and punctuation, case, and the Arabic article in its assimilated forms
(al-/el-/ash-/an-/as-/ad-/ar-/at-/az-...) and a leading English "the".
"Jisr al-Shughur" and "Jisr ash Shughur" share the key "jisr shughur".

``phonetic_key`` is looser, for transliteration variants: it folds digraphs that
romanisation systems spell differently (kh/h, gh/g, dh/z, q/k, ou/u, ee/i, ph/f,
zh/j), a final "h" after a vowel (Raqqah/Raqqa), doubled letters, and then keeps
the consonant skeleton with one marker for an initial vowel. "Kafr Nabl" and
"Kafranbel" both become "kfrnbl"; "Kharkiv"/"Kharkov" both "hrkv". It is only
consulted when the strict key finds nothing, and its matches score lower.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Arabic article forms, written separately or hyphenated, in the common
# romanisations (sun-letter assimilation gives ash-/an-/as-/ad-/ar-/at-/az-...).
ARABIC_ARTICLES = _words("al el il ul ash esh an en as es ad ed ar er at et az ez adh ath dh")
LEADING_WORDS = frozenset({"the"})
# Marks that transliterations put for ayn and hamza, and apostrophes of all kinds.
_MARKS = re.compile(r"[ʿʾʼʻ'`´’‘ʹʺ\u02bf\u02be]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DIGRAPHS = (
    ("sch", "s"),
    ("tch", "c"),
    ("kh", "h"),
    ("gh", "g"),
    ("dh", "z"),
    ("dz", "z"),
    ("zh", "j"),
    ("dj", "j"),
    ("ph", "f"),
    ("th", "t"),
    ("sh", "s"),
    ("ch", "c"),
    ("ck", "k"),
    ("q", "k"),
    ("x", "ks"),
    ("w", "u"),
    ("y", "i"),
)
_VOWELS = frozenset("aeiou")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """ASCII, lower case, marks removed, punctuation to single spaces."""
    ascii_text = unidecode(_MARKS.sub("", text)).lower()
    ascii_text = _MARKS.sub("", ascii_text)
    return _NON_ALNUM.sub(" ", ascii_text).strip()


def _merge_initials(words: list[str]) -> list[str]:
    """Join runs of single letters: "U.S." and "US" share the key "us"."""
    merged: list[str] = []
    run = ""
    for word in words:
        if len(word) == 1 and word.isalpha():
            run += word
            continue
        if run:
            merged.append(run)
            run = ""
        merged.append(word)
    if run:
        merged.append(run)
    return merged


@lru_cache(maxsize=200_000)
def name_key(text: str) -> str:
    """The strict lookup key: folded, Arabic articles and a leading "the" dropped."""
    words = _merge_initials(fold(text).split())
    if len(words) > 1 and words[0] in LEADING_WORDS:
        words = words[1:]
    kept = [w for w in words if w not in ARABIC_ARTICLES]
    # "Al Bab" keeps "bab"; a name made only of article-like words keeps itself.
    return " ".join(kept or words)


@lru_cache(maxsize=200_000)
def phonetic_key(text: str) -> str:
    """The loose key: transliteration digraphs folded, consonant skeleton kept."""
    key = name_key(text)
    if not key:
        return ""
    parts = []
    for word in key.split():
        if len(word) > 2 and word.endswith("h") and word[-2] in _VOWELS:
            word = word[:-1]  # Raqqah -> Raqqa, Hamah -> Hama
        parts.append(word)
    joined = "".join(parts)
    for src, dst in _DIGRAPHS:
        joined = joined.replace(src, dst)
    deduped = re.sub(r"(.)\1+", r"\1", joined)
    head, tail = deduped[0], deduped[1:]
    if head in _VOWELS:
        head = "a"  # Idlib / Edlib
    return head + "".join(ch for ch in tail if ch not in _VOWELS)


def is_latin(text: str) -> bool:
    """True when a name is written in Latin script (other scripts are not indexed)."""
    for ch in text:
        code = ord(ch)
        if code < 0x250 or 0x1E00 <= code <= 0x1EFF or 0x2B0 <= code <= 0x2FF:
            continue
        if ch in "’‘´":
            continue
        return False
    return True
