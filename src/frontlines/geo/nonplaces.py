"""Names that a tagger or the gazetteer takes for places but that news uses for something
else: apps ("posted on Telegram"), agencies ("Reuters"), offices standing for a
government ("The Kremlin said"), leaders ("falls to Assad") and weapon systems
("a Grad launcher"). The list is resources/geo/nonplaces.tsv.

``judge`` gives one of three verdicts for a candidate span:
- ``DROP``: not a place;
- ``DOUBT``: a place only if the document confirms it (``confirmed``): a strong
  locative preposition before it and a populated place of that name in a country
  the document's other places are in;
- ``None``: no objection.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..eval.common import bundled
from .gazetteer import GazPlace
from .normalize import name_key


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DROP = "drop"
DOUBT = "doubt"
# Prepositions that make a following name a place even when it is also a surname.
STRONG_LOCATIVE = _words(
    "in near at outside inside into to toward towards around across through within throughout"
)
# An office building is the place only when the text puts someone in, at or near it.
OFFICE_LOCATIVE = _words("in at outside inside near into to around on")
# Words before a single PERSON-tagged token that make it a person, not a town.
_PERSON_CUES = _words(
    "president minister premier chancellor king emir sheikh leader commander general "
    "marshal colonel spokesman spokeswoman mr mrs ms dr by to"
)
_DETS = frozenset({"the", "a", "an"})


@lru_cache(maxsize=1)
def nonplaces() -> dict[str, str]:
    """Normalised name -> kind (platform, agency, organisation, office, person, weapon)."""
    table: dict[str, str] = {}
    text = bundled("geo", "nonplaces.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        names, kind = line.split("\t")[:2]
        for name in names.split("|"):
            table[name_key(name)] = kind
    return table


def preposition(doc: Doc, start: int) -> str | None:
    """The word before token ``start`` (skipping determiners), lower case."""
    j = start - 1
    while j >= 0 and doc[j].lower_ in _DETS:
        j -= 1
    return doc[j].lower_ if j >= 0 else None


def _office_located(doc: Doc, start: int) -> bool:
    """A locative preposition governs the name, or the list it ends: "talks at the White
    House", "officials at the White House and the Kremlin"; not "the Kremlin said"."""
    prep = preposition(doc, start)
    if prep in OFFICE_LOCATIVE:
        return True
    if prep not in {"and", "or", ","}:
        return False
    for j in range(start - 1, max(-1, start - 8), -1):
        tok = doc[j]
        if tok.lower_ in OFFICE_LOCATIVE:
            return True
        if tok.pos_ in {"VERB", "AUX"} or (tok.is_punct and tok.text != ","):
            return False
    return False


def judge(doc: Doc, span: Span, label: str | None, countryish: bool = False) -> str | None:
    """The verdict on ``span`` (already trimmed) as a place; ``label`` is its NER label.

    ``countryish``: the gazetteer has a country or province of this name ("to Jordan"),
    which the person-label rule leaves alone.
    """
    kind = nonplaces().get(name_key(span.text))
    prep = preposition(doc, span.start)
    if kind in {"platform", "agency", "organisation"}:
        return DROP
    if kind == "office":
        return None if _office_located(doc, span.start) else DROP
    if kind in {"person", "weapon"}:
        return DOUBT if prep in STRONG_LOCATIVE else DROP
    if label == "PERSON" and len(span) == 1 and not countryish and prep in _PERSON_CUES:
        # "falls to Assad", "President Kiir", "hit by Dagalo": a person unless confirmed
        return DOUBT if prep in STRONG_LOCATIVE else DROP
    return None


def confirmed(candidates: Iterable[GazPlace], countries: set[str]) -> GazPlace | None:
    """The most populous town among ``candidates`` in one of ``countries`` (None if none)."""
    towns = [c for c in candidates if c.fclass == "P" and c.country in countries]
    return max(towns, key=lambda c: c.population) if towns else None
