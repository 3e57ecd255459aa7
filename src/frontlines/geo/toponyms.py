"""Finding place mentions in a spaCy Doc: model entities plus a gazetteer matcher.

The small English model tags many places as ORG/PERSON/NORP ("Aleppo" NORP,
"Idlib" ORG, "Jisr al-Shughur" PERSON) and misses others, so a mention comes
from one of four routes:
1. a GPE/LOC/FAC entity (leading determiners and demonym adjectives trimmed:
   "the Russian Hmeimim Air Base" -> "Hmeimim Air Base");
2. an ORG/NORP/PERSON entity whose text is a gazetteer name and whose context
   agrees (a locative preposition before it, a coordinated place next to it,
   or a country/province/region name);
3. a run of capitalised proper-noun tokens that is a gazetteer name of a
   significant place, or of any place after a locative preposition or an
   assault verb ("shelled Kafr Nabl");
4. a second pass takes ORG/PERSON/mistagged names that sit next to an accepted
   place: "Kafr Nabl and Jisr al-Shughur in Idlib", "Siversk (Bakhmutskyi, Donetsk)".
Demonyms ("Turkish", "Syrians") become mentions marked ``demonym``; callers
decide whether to keep them. Spans inside ``doc.spans["fl_actors"]`` are
skipped unless they are exactly a country name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..eval.common import bundled
from .gazetteer import Gazetteer, GazPlace
from .nonplaces import DOUBT, DROP, judge
from .normalize import ARABIC_ARTICLES, name_key


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MAYBE_LABELS = frozenset({"ORG", "NORP", "PERSON"})
# Labels the small model gives place names by mistake ("Kramatorsk" PRODUCT).
MISTAGGED_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LANGUAGE"})
LOCATIVE = _words(
    "in near at on outside around across from of to into toward towards through inside within "
    "between throughout via off over outskirts"
)
ADMIN_NOUNS = _words(
    "province governorate oblast region district county state countryside municipality "
    "prefecture raion krai department territory"
)
# Capitalised words that start sentences or titles and happen to be place names too.
COMMON_WORDS = _words(
    "a an the this that these those he she it we they i you his her its our their police army "
    "government president minister prime general officials official sources source mr mrs ms "
    "dr gen col sir lord saint st said says according however meanwhile earlier later today "
    "yesterday monday tuesday wednesday thursday friday saturday sunday january february "
    "march april may june july august september october november december news reuters update "
    "breaking video photo north south east west northern southern eastern western central "
    "read more also after before during while when where why how what who but and or if "
    "health hospital university court state city county island river lake mount republic "
    "kingdom union forces troops airport centre center home mobile reading nice bath split "
    "male best hope independence victoria liberty unity progress enterprise federal "
    "federation free capital bureau village park cross easter christmas ramadan eid"
)
TITLES = _words("mr mrs ms dr gen col sir lord president minister prof sen rep gov")
# Entities whose words the matcher leaves alone ("Vladimir Putin", "Christmas Day").
BLOCKING_LABELS = _words("PERSON NORP WORK_OF_ART EVENT LAW PRODUCT DATE TIME MONEY")
# Verbs whose object is, in war reporting, nearly always a place.
ASSAULT_VERBS = _words(
    "shell bomb bombard raid storm capture seize liberate besiege recapture retake enter "
    "evacuate encircle surround occupy overrun"
)
SPEECH_VERBS = frozenset({"say", "tell", "add", "announce", "claim", "state", "report", "write"})
_DETS = frozenset({"the", "a", "an"})
_ACRONYM_OK = frozenset({"us", "usa", "uk", "uae", "drc", "eu", "ussr"})


def _acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return letters.isupper() and len(letters) <= 5 and letters.lower() not in _ACRONYM_OK


@dataclass(frozen=True)
class Mention:
    """One place mention: character offsets into the doc, and its gazetteer candidates."""

    start: int
    end: int
    text: str
    route: str  # "ner" | "ner-maybe" | "match" | "demonym"
    label: str | None
    candidates: tuple[GazPlace, ...]
    phonetic: bool = False
    demonym_of: str | None = None  # ISO country code for a demonym
    prep: str | None = None  # the locative preposition governing it, lower case
    admin_hint: bool = False  # followed by province/governorate/oblast/...
    token_start: int = 0
    token_end: int = 0
    doubtful: bool = False  # a surname/weapon name: kept only if confirmed (nonplaces.py)


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Normalised demonym -> ISO country code (resources/geo/demonyms.tsv)."""
    table: dict[str, str] = {}
    path = bundled("geo", "demonyms.tsv")
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, names = line.split("\t")[:2]
        for name in names.split("|"):
            table[name_key(name)] = code
    return table


def significant(place: GazPlace) -> bool:
    """A place worth matching without further context."""
    if place.fcode in {"PCLI", "CONT", "ADM1", "PPLC", "RGN"} or place.fclass in {"L", "H", "T"}:
        return True
    if place.source and place.source.startswith("supplement"):
        return True
    return place.fclass == "P" and place.population >= 100_000


def _prep_before(doc: Doc, i: int) -> str | None:
    """The locative preposition before token i, skipping determiners and adjectives."""
    j = i - 1
    while j >= 0 and (
        doc[j].lower_ in _DETS or doc[j].pos_ == "ADJ" or (doc[j].is_punct and doc[j].text == "-")
    ):
        j -= 1
        if i - j > 4:
            return None
    if j >= 0 and doc[j].lower_ in LOCATIVE:
        return doc[j].lower_
    return None


def _admin_after(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].lower_ in ADMIN_NOUNS


def _trim(span: Span) -> Span:
    """Drop leading determiners/demonym adjectives and a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    dem = demonyms()
    while start < end - 1 and (
        doc[start].lower_ in _DETS
        or (name_key(doc[start].text) in dem and doc[start].pos_ != "PROPN")
    ):
        start += 1
    while end > start + 1 and doc[end - 1].text in {"'s", "’s", "'", "’"}:
        end -= 1
    return doc[start:end]


def _speaks(doc: Doc, span: Span) -> bool:
    """A speech verb right after ("X said") or before ("said X,") the span."""
    nxt = doc[span.end] if span.end < len(doc) else None
    prev = doc[span.start - 1] if span.start else None
    return (nxt is not None and nxt.lemma_ in SPEECH_VERBS) or (
        prev is not None and prev.lemma_ in SPEECH_VERBS and prev.pos_ == "VERB"
    )


def _is_cap(tok: Token) -> bool:
    # "Ma'arrat", "Nu'man": transliteration marks inside a capitalised word
    text = tok.text
    return text[:1].isupper() and text.replace("'", "").replace("’", "").isalpha()


def _connector(tok: Token) -> bool:
    # Tokens that may sit inside a multi-word name: "Jisr al-Shughur", "Bosnia and Herzegovina"
    return tok.lower_ in _CONNECTORS


_CONNECTORS = _words("- al el ash as ad ar an az at de of and ' du la le ez es upon on")


class _Collector:
    """Mentions found so far, and which tokens they cover."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.taken = [False] * len(doc)
        self.mentions: list[Mention] = []
        # token -> (start, end) of the ORG/FAC entity it is in, determiners trimmed
        self.org_of: dict[int, tuple[int, int]] = {}
        for ent in doc.ents:
            if ent.label_ in {"ORG", "FAC"}:
                trimmed = _trim(ent)
                for k in range(ent.start, ent.end):
                    self.org_of[k] = (trimmed.start, trimmed.end)

    def cover(self, span: Span) -> None:
        for k in range(span.start, span.end):
            self.taken[k] = True

    def add(
        self,
        span: Span,
        route: str,
        label: str | None,
        cands: tuple[GazPlace, ...],
        phonetic: bool = False,
        demonym: str | None = None,
        doubtful: bool = False,
    ) -> None:
        doc = self.doc
        self.mentions.append(
            Mention(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                route=route,
                label=label,
                candidates=cands,
                phonetic=phonetic,
                demonym_of=demonym,
                prep=_prep_before(doc, span.start),
                admin_hint=_admin_after(doc, span.end),
                token_start=span.start,
                token_end=span.end,
                doubtful=doubtful,
            )
        )
        self.cover(span)


_APPOSITIVE = re.compile(
    r"^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:city|town|village|province|region|district|capital|port|suburb|area)\b",
    re.IGNORECASE,
)


class ToponymFinder:
    """Finds place mentions in a Doc with the help of a gazetteer."""

    def __init__(self, gazetteer: Gazetteer, max_tokens: int = 5) -> None:
        self.gaz = gazetteer
        self.max_tokens = max_tokens

    def _candidates(self, text: str, allow_phonetic: bool) -> tuple[tuple[GazPlace, ...], bool]:
        found = self.gaz.lookup(text)
        if found or not allow_phonetic:
            return found, False
        return self.gaz.lookup_phonetic(text), True

    def _demonym(self, out: _Collector, span: Span, label: str | None, include: bool) -> None:
        code = demonyms()[name_key(span.text)]
        if include:
            country = self.gaz.country(code)
            out.add(span, "demonym", label, (country,) if country else (), False, code)
        else:
            out.cover(span)

    def find(self, doc: Doc, include_demonyms: bool = True) -> list[Mention]:
        """Place mentions of ``doc`` in text order (character offsets into doc.text)."""
        out = _Collector(doc)
        pending: list[tuple[Span, str]] = []
        actors = list(doc.spans["fl_actors"]) if "fl_actors" in doc.spans else []
        dem = demonyms()
        for ent in doc.ents:
            span = _trim(ent)
            key = name_key(span.text)
            if not key:
                continue
            if key in dem:
                self._demonym(out, span, ent.label_, include_demonyms)
                continue
            if ent.label_ == "NORP" and not self.gaz.lookup(span.text):
                continue
            exact = self.gaz.lookup(span.text)
            exact_country = any(c.is_country for c in exact)
            verdict = judge(
                doc, span, ent.label_, any(c.is_country or c.fcode == "ADM1" for c in exact)
            )
            if verdict == DROP:
                out.cover(span)  # "posted on Telegram", "falls to Assad"
                continue
            doubtful = verdict == DOUBT
            if not exact_country and any(a.start < span.end and span.start < a.end for a in actors):
                out.cover(span)  # an actor's name ("Hezbollah"), not a place
                continue
            if ent.label_ in PLACE_LABELS:
                if span.text[:1].islower() or doc[span.start].lower_.rstrip(".") in TITLES:
                    continue  # "marijuana", "Ms Raggi": tagging slips
                if len(span) == 1 and span[0].lower_ in COMMON_WORDS:
                    continue  # "South", "Easter"
                located = bool(_prep_before(doc, span.start) or _admin_after(doc, span.end))
                cands, phon = self._candidates(span.text, allow_phonetic=located)
                if _speaks(doc, span) and not located and not exact_country:
                    continue  # "Oudshoorn said", "said Georgia": a person
                if not cands and (ent.label_ == "FAC" or not located):
                    continue
                out.add(span, "ner", ent.label_, cands, phon, doubtful=doubtful)
            elif ent.label_ in MAYBE_LABELS or ent.label_ in MISTAGGED_LABELS:
                if _acronym(span.text) and not exact_country:
                    continue  # "BA", "IRNA": agencies and firms, not places
                if (
                    len(span) == 1
                    and span[0].lower_ in COMMON_WORDS
                    and not _prep_before(doc, span.start)
                ):
                    continue  # "Western weapons", "the Centre's correspondents"
                strong = self._strong_context(doc, span, out.taken)
                cands, phon = self._candidates(span.text, allow_phonetic=strong)
                if cands and (strong or self._context_agrees(doc, span, ent.label_, cands)):
                    out.add(span, "ner-maybe", ent.label_, cands, phon, doubtful=doubtful)
                elif doubtful:
                    out.cover(span)
                else:
                    pending.append((span, ent.label_))
        self._match_runs(out, include_demonyms)
        self._second_pass(out, pending)
        out.mentions.sort(key=lambda m: m.start)
        return out.mentions

    def _second_pass(self, out: _Collector, pending: list[tuple[Span, str]]) -> None:
        """ORG/PERSON names next to accepted places: "pounded Kafr Nabl and Jisr al-Shughur
        in Idlib" (coordinated with, or placed in, a known place)."""
        doc = out.doc
        changed = True
        while changed and pending:
            changed = False
            for item in list(pending):
                span, label = item
                if any(out.taken[span.start : span.end]):
                    pending.remove(item)
                    continue
                if not self._linked(doc, span, out.taken):
                    continue
                cands, phon = self._candidates(span.text, allow_phonetic=True)
                pending.remove(item)
                if cands:
                    out.add(span, "ner-maybe", label, cands, phon)
                    changed = True

    @staticmethod
    def _linked(doc: Doc, span: Span, taken: list[bool]) -> bool:
        """Next to an accepted place: "X and Y", "X, Y", "X in Y", "X (District, Y)"."""
        i, j = span.start, span.end
        if i >= 2 and doc[i - 1].lower_ in {",", "and", "or", "("} and taken[i - 2]:
            return True
        if j + 1 < len(doc) and doc[j].lower_ in {",", "and", "or", "in"} and taken[j + 1]:
            return True
        if j < len(doc) and doc[j].text == "(":
            # ACLED-style "Town (District, Province)": any known place inside the brackets
            for k in range(j + 1, min(len(doc), j + 10)):
                if doc[k].text == ")":
                    break
                if taken[k]:
                    return True
        return False

    @staticmethod
    def _strong_context(doc: Doc, span: Span, taken: list[bool]) -> bool:
        """A locative preposition, an admin word, "X, a ... town", or a coordinated place."""
        if _prep_before(doc, span.start) or _admin_after(doc, span.end):
            return True
        if _APPOSITIVE.match(doc.text[span.end_char : span.end_char + 60]):
            return True
        i = span.start
        if i >= 1 and doc[i - 1].lemma_ in ASSAULT_VERBS and doc[i - 1].pos_ == "VERB":
            return True  # "shelled Kafr Nabl", "captured Siversk"
        return i >= 2 and doc[i - 1].lower_ in {",", "and", "or", "("} and taken[i - 2]

    @staticmethod
    def _context_agrees(doc: Doc, span: Span, label: str, cands: Iterable[GazPlace]) -> bool:
        cands = tuple(cands)
        nxt = doc[span.end] if span.end < len(doc) else None
        if label == "PERSON":
            if nxt is not None and nxt.lemma_ in SPEECH_VERBS:
                return False
            return any(c.is_country or c.fcode in {"CONT", "ADM1"} for c in cands)
        if len(span) > 1 and any(c.fclass == "S" for c in cands):
            return True  # a multi-word facility name: "Hmeimim Air Base"
        if label in MISTAGGED_LABELS:  # "Kramatorsk" as PRODUCT: judged as the matcher would
            key = name_key(span.text)
            return any(significant(c) for c in cands if name_key(c.name) == key or c.fclass != "P")
        return any(
            c.is_country
            or c.fcode in {"CONT", "ADM1", "PPLC"}
            or c.population >= 500_000
            or (c.source or "").startswith("supplement")
            for c in cands
        )

    def _longest_match(self, out: _Collector, i: int) -> tuple[int, tuple[GazPlace, ...]] | None:
        doc = out.doc
        for j in range(min(len(doc), i + self.max_tokens), i, -1):
            if any(out.taken[i:j]) or not _is_cap(doc[j - 1]):
                continue
            inner = doc[i:j]
            if not all(_is_cap(t) or _connector(t) for t in inner):
                continue
            cands = self.gaz.lookup(inner.text)
            if cands:
                return j, cands
        return None

    def _match_runs(self, out: _Collector, include_demonyms: bool) -> None:
        """Capitalised proper-noun runs that the model did not tag but the gazetteer knows."""
        doc = out.doc
        dem = demonyms()
        i = 0
        while i < len(doc):
            tok = doc[i]
            skip = (
                out.taken[i]
                or not _is_cap(tok)
                or tok.lower_ in COMMON_WORDS
                or tok.lower_ in ARABIC_ARTICLES
                or tok.ent_type_ in BLOCKING_LABELS
                or _acronym(tok.text)
            )
            found = None if skip else self._longest_match(out, i)
            if found is None:
                i += 1
                continue
            j, cands = found
            span = doc[i:j]
            key = name_key(span.text)
            if key in dem:
                self._demonym(out, span, None, include_demonyms)
                i = j
                continue
            verdict = judge(doc, span, None)
            if verdict == DROP:
                out.cover(span)
                i = j
            elif self._match_ok(out, span, cands):
                out.add(span, "match", None, cands, doubtful=verdict == DOUBT)
                i = j
            else:
                i += 1

    @staticmethod
    def _match_ok(out: _Collector, span: Span, cands: tuple[GazPlace, ...]) -> bool:
        doc = out.doc
        if not all(t.pos_ == "PROPN" or _connector(t) for t in span):
            return False
        key = name_key(span.text)
        primary = [c for c in cands if name_key(c.name) == key or c.fclass != "P"]
        org = out.org_of.get(span.start)
        if org is not None and org != (span.start, span.end):
            # part of an organisation's name ("Kentucky State Police", "Buffalo Public
            # Schools"): only countries, provinces and cities
            return any(
                c.is_country or c.fcode == "ADM1" or (c.fclass == "P" and c.population >= 100_000)
                for c in primary
            )
        if any(c.is_country or c.fcode in {"CONT", "ADM1"} for c in cands):
            return True
        if _prep_before(doc, span.start) or _admin_after(doc, span.end):
            return bool(primary) or any(c.population >= 10_000 for c in cands)
        if ToponymFinder._strong_context(doc, span, out.taken):
            return bool(primary)
        return any(significant(c) for c in primary)
