"""Propaganda-technique spans (SemEval-2020 Task 11 names) from data-file patterns.

Patterns live in resources/claims/propaganda.tsv (regular expressions) and
propaganda_words.tsv (literal word lists, compiled per technique), written for
precision. Only
the text handed in is searched: the batch passes title and body docs, never
boilerplate or reader comments. Overlapping hits of one technique keep the
longest; different techniques may overlap (as in the SemEval data).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from ..types import Flag
from .lexicon import resource, rows

TECHNIQUES = frozenset(
    {
        "Appeal_to_Authority",
        "Appeal_to_fear-prejudice",
        "Bandwagon,Reductio_ad_hitlerum",
        "Black-and-White_Fallacy",
        "Causal_Oversimplification",
        "Doubt",
        "Exaggeration,Minimisation",
        "Flag-Waving",
        "Loaded_Language",
        "Name_Calling,Labeling",
        "Repetition",
        "Slogans",
        "Thought-terminating_Cliches",
        "Whataboutism,Straw_Men,Red_Herring",
    }
)


@dataclass(frozen=True, slots=True)
class Pattern:
    technique: str
    regex: re.Pattern[str]
    sentence_initial: bool  # "^" patterns are tried at each sentence start
    words: bool = False  # a word list: a Title-case hit inside a sentence is a name


@lru_cache(maxsize=1)
def patterns() -> tuple[Pattern, ...]:
    out = []
    for row in rows(resource("propaganda.tsv")):
        technique, source = row[0].strip(), row[1].strip()
        if technique not in TECHNIQUES:
            raise ValueError(f"propaganda.tsv: {technique!r} is not a SemEval-2020 Task 11 label")
        initial = source.startswith("^")
        # "^" means "at a sentence start": tried with .match(text, start), where a
        # literal "^" would only match at position 0.
        regex = re.compile(source[1:] if initial else source, re.IGNORECASE)
        out.append(Pattern(technique, regex, initial))
    out.extend(word_patterns())
    return tuple(out)


def word_patterns(path: Path | None = None) -> list[Pattern]:
    """One whole-word alternation per technique from the literal lists of propaganda_words.tsv."""
    words: dict[str, list[str]] = {}
    for row in rows(path or resource("propaganda_words.tsv")):
        technique, phrase = row[0].strip(), row[1].strip().lower()
        if technique not in TECHNIQUES:
            raise ValueError(f"propaganda_words.tsv: {technique!r} is not a SemEval-2020 label")
        if phrase:
            words.setdefault(technique, []).append(phrase)
    out = []
    for technique, phrases in sorted(words.items()):
        alts = "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
        # No hyphen or letter on either side: "brutal" is not part of "brutality-free".
        regex = re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)
        out.append(Pattern(technique, regex, False, words=True))
    return out


def _proper_name(text: str, a: int, b: int) -> bool:
    """ "Shady Grove", "Nightmare Alley": a capitalised list word inside a sentence."""
    word = text[a:b]
    if not (word[:1].isupper() and word[1:].isalpha() and word[1:].islower()):
        return False  # lower case, ALL CAPS, "RINOs", "Big Pharma", "Never-Trumpers"
    before = text[:a].rstrip()
    return bool(before) and before[-1] not in ".!?:;\"“‘'(—–-"


def find_flags_text(
    text: str, offset: int = 0, sentence_starts: tuple[int, ...] = (0,)
) -> list[Flag]:
    """Flags in plain ``text``; ``sentence_starts`` are where "^" patterns may match."""
    hits: list[tuple[str, int, int]] = []
    for p in patterns():
        if p.sentence_initial:
            for s in sentence_starts:
                m = p.regex.match(text, s)
                if m:
                    hits.append((p.technique, *_span(m)))
            continue
        for m in p.regex.finditer(text):
            if p.words and _proper_name(text, m.start(), m.end()):
                continue
            hits.append((p.technique, *_span(m)))
    kept: list[tuple[str, int, int]] = []
    for tech, a, b in sorted(hits, key=lambda h: (h[1] - h[2], h[1])):
        if a >= b or any(t == tech and a < e and s < b for t, s, e in kept):
            continue
        if tech == "Loaded_Language" and any(
            t == "Name_Calling,Labeling" and s <= a and b <= e for t, s, e in kept
        ):
            continue  # "the heartless Tories": the adjective is part of the label
        kept.append((tech, a, b))
    kept.extend(_repetitions(text, kept))
    kept.sort(key=lambda h: (h[1], h[0]))
    return [Flag(t, text[a:b], offset + a, offset + b) for t, a, b in kept]


# Repetition ("repeating the same message over and over", SemEval-2020 Task 11): a phrase
# already flagged as one of these techniques that the document uses REPEAT_MIN or more times.
# Every use after the first is the repetition. Phrases only: a lone emotive word used often
# ("hysteria" in an outbreak story) is the reporter's topic more often than a refrain.
REPEATED = frozenset({"Loaded_Language", "Name_Calling,Labeling", "Slogans", "Flag-Waving"})
REPEAT_MIN = 3


def _repetitions(text: str, kept: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    phrases = {
        " ".join(text[a:b].lower().split())
        for t, a, b in kept
        if t in REPEATED and len(text[a:b].split()) > 1
    }
    out: list[tuple[str, int, int]] = []
    for phrase in sorted(phrases):
        words = phrase.split()
        regex = re.compile(
            r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w-])", re.IGNORECASE
        )
        spans = [m.span() for m in regex.finditer(text)]
        if len(spans) >= REPEAT_MIN:
            out.extend(("Repetition", a, b) for a, b in spans[1:])
    return out


def _span(m: re.Match[str]) -> tuple[int, int]:
    a, b = (m.start("s"), m.end("s")) if "s" in m.re.groupindex else (m.start(), m.end())
    text = m.string
    while b > a and text[b - 1] in " ,;:":
        b -= 1
    while a < b and text[a].isspace():
        a += 1
    return a, b


def find_flags(doc: Doc, offset: int = 0) -> list[Flag]:
    """Propaganda-technique flags in ``doc`` (a title or body span starting at ``offset``)."""
    starts = tuple(s.start_char for s in doc.sents) if doc.has_annotation("SENT_START") else (0,)
    return find_flags_text(doc.text, offset, starts)
