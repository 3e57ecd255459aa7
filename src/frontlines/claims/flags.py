"""Propaganda-technique spans (SemEval-2020 Task 11 names) from data-file patterns.

Patterns live in resources/claims/propaganda.tsv, written for precision. Only
the text handed in is searched: the batch passes title and body docs, never
boilerplate or reader comments. Overlapping hits of one technique keep the
longest; different techniques may overlap (as in the SemEval data).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

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
    return tuple(out)


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
            hits.append((p.technique, *_span(m)))
    kept: list[tuple[str, int, int]] = []
    for tech, a, b in sorted(hits, key=lambda h: (h[1] - h[2], h[1])):
        if a >= b or any(t == tech and a < e and s < b for t, s, e in kept):
            continue
        kept.append((tech, a, b))
    kept.sort(key=lambda h: (h[1], h[0]))
    return [Flag(t, text[a:b], offset + a, offset + b) for t, a, b in kept]


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
