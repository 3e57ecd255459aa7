"""Actor tagging: the "frontlines_actors_v1" spaCy component and ``tag_actors``.

One matching pass over the doc (two hash-based PhraseMatchers for the aliases,
on LOWER and on ORTH, and a Matcher holding a few dozen set-valued demonym
patterns) finds every alias of the actor dictionary and every
"<demonym|country> [modifiers] <force noun>" phrase; then, per match only
(never per dictionary row):
- weak aliases ("AA", "PDF", "SNA") are kept when the doc confirms them: another
  alias of the same actor, one of the row's context cues, or an NER ORG/NORP
  span over them;
- an alias shared by several actors is settled by the publication date (with
  successor chains), then the context cue nearest to the mention, then any cue
  in the doc, then file order;
- named matches grow over up to two trailing force or group nouns ("Hamas
  fighters", "AFC/M23 rebel alliance") and a leading demonym or "<country>'s" of
  their own country ("Yemen's Houthi rebels");
- with a tagger, a bare country name that is the subject of an attack verb is its
  military, of a speech or policy verb its government ("Russia launched ...",
  "Israel said ...");
- attributive uses are dropped ("rebel-held", "Hamas-run", "an army of volunteers");
- the longest span wins; on a tie, named actors beat demonym phrases, which beat
  generic phrases.
Results go to ``doc.spans["fl_actors"]`` (label = entry id), with the entry in
``Span._.fl_actor`` and ``Span._.fl_actor_loaded`` set for loaded labels
("Kiev regime", "terrorists").
The match-level filters and the overlap resolution live in actor_spans.py.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ..types import Actor, ActorRole
from .actor_data import (
    MODIFIERS,
    STATE_MODIFIERS,
    ActorDictionary,
    ActorEntry,
    Alias,
    fold,
    words,
)
from .actor_patterns import POSSESSIVE
from .actor_spans import ADJECTIVAL as ADJECTIVAL  # re-exported
from .actor_spans import ATTRIBUTIVE as ATTRIBUTIVE  # re-exported
from .actor_spans import _cue_regex, _generic_ok, _Hit, _in_caps_run, _phrases, _resolve, _tagged

FACTORY = "frontlines_actors_v1"
SPANS_KEY = "fl_actors"
# Nouns a named match grows over: "Hamas fighters", "RSF paramilitaries".
FOLLOWERS = words(
    "fighters fighter militants militant rebels rebel forces troops soldiers militia "
    "militias militiamen gunmen members operatives insurgents jihadists units commanders "
    "guerrillas guerrilla mercenaries paramilitaries paramilitary terrorists loyalists "
    "bombers bomber"
)
# Other words a named match grows over (two at most): "G9 gang alliance",
# "ISIL group fighters", "ISIS suicide bombers".
GROUP_NOUNS = words("alliance gang group faction network cartel contractors suicide")
# Words a demonym phrase grows over: "Russian military instructors".
STAFF_NOUNS = frozenset(
    ["instructors", "advisers", "advisors", "personnel", "officers", "contractors"]
)
LOADED_MODIFIERS = words("occupation occupying")  # "Russian occupation forces"
LOADED_FOLLOWERS = frozenset({"terrorists"})
PREPOSITIONS = words(
    "in into inside across from to of at on near over within throughout for against with by and or"
)
# A country that "says" something is its government; one that strikes, its military.
GOV_VERBS = words(
    "say tell claim accuse announce deny warn state report insist confirm demand call urge "
    "condemn reject respond vow threaten summon discuss consider agree sign host negotiate "
    "propose impose sanction recognise recognize expel ask request blame arrest detain ban"
)
MIL_VERBS = words(
    "launch strike shell bomb deploy attack fire send target kill hit intercept shoot conduct "
    "begin start invade occupy seize capture advance withdraw retake bombard pound raid use "
    "mobilize mobilise destroy down carry escalate resume"
)
NER_CONFIRM = frozenset({"ORG", "NORP", "GPE", "FAC"})
RANK_NAMED, RANK_DEMONYM, RANK_GENERIC = 0, 1, 2

for _name, _target in (
    ("fl_actor", Span),
    ("fl_actor_loaded", Span),
    ("fl_actor_candidates", Span),
):
    if not _target.has_extension(_name):
        _target.set_extension(_name, default=None)
if not Doc.has_extension("fl_published"):
    Doc.set_extension("fl_published", default=None)


class ActorTagger:
    """Finds actor mentions in a doc; built once per vocab (the Matcher is vocab-bound)."""

    def __init__(
        self,
        vocab: Vocab,
        dictionary: ActorDictionary | None = None,
        spans_key: str = SPANS_KEY,
        use_ner: bool = True,
    ) -> None:
        self.dictionary = dictionary if dictionary is not None else ActorDictionary.bundled()
        self.spans_key = spans_key
        self.use_ner = use_ner
        # Plain word sequences go to hash-based PhraseMatchers (one on LOWER, one on
        # ORTH); only the few demonym patterns with sets and operators need the Matcher,
        # whose cost grows with the number of patterns.
        self.matcher = Matcher(vocab)
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self.orth = PhraseMatcher(vocab, attr="ORTH")
        groups: dict[str, list[list[dict[str, Any]]]] = defaultdict(list)
        for pattern in self.dictionary.patterns():
            groups[str(pattern["id"])].append(pattern["pattern"])
        for key, patterns in groups.items():
            phrases = [p for pattern in patterns for p in _phrases(pattern)]
            if key.startswith("D|") or any(p is None for p in phrases):
                self.matcher.add(key, patterns)
                continue
            for attr, tokens in (p for p in phrases if p is not None):
                target = self.lower if attr == "LOWER" else self.orth
                target.add(key, [Doc(vocab, words=list(tokens))])

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.spans_key] = self.tag(doc)
        return doc

    # ------------------------------------------------------------------ matching
    def tag(self, doc: Doc, when: date | None = None) -> list[Span]:
        if when is None:
            published = doc._.fl_published
            when = published if isinstance(published, date) else None
        folded = fold(doc.text)
        cue_cache: dict[str, list[int]] = {}

        def cue_at(cue: str) -> list[int]:
            if cue not in cue_cache:
                cue_cache[cue] = [m.start() for m in _cue_regex(cue).finditer(folded)]
            return cue_cache[cue]

        def has_cue(cue: str) -> bool:
            return bool(cue_at(cue))

        pending: list[tuple[int, int, list[Alias]]] = []
        hits: list[_Hit] = []
        strings = doc.vocab.strings
        matches = [*self.lower(doc), *self.orth(doc), *self.matcher(doc)]
        for match_id, start, end in matches:
            key = strings[match_id]
            if key.startswith(("D|", "K|")):
                if key.startswith("D|"):
                    hit = self._demonym_hit(doc, key, start, end, when)
                else:
                    hit = self._country_hit(doc, key[2:], start, end, when)
                if hit is not None:
                    hits.append(hit)
                continue
            exact = key.startswith("C|")
            aliases = [
                a
                for a in self.dictionary.candidates(key[2:], case_sensitive=exact)
                if not a.after_demonym
            ]
            if aliases:
                pending.append((start, end, aliases))

        strong = {
            a.actor_id
            for _, _, aliases in pending
            for a in aliases
            if not a.weak and not self._entry(a).generic
        }
        for start, end, aliases in pending:
            at = doc[start].idx

            def distance(cue: str, at: int = at) -> int:
                found = cue_at(cue)  # sorted start offsets
                i = bisect.bisect_left(found, at)
                return min(
                    (abs(found[j] - at) for j in (i - 1, i) if 0 <= j < len(found)),
                    default=len(folded) + 1,
                )

            # the cue nearest to the mention decides first ("Kurdish fighters" near
            # "Kirkuk" in a text that also names Syria), then any cue in the doc
            shared = len({a.actor_id for a in aliases}) > 1
            best = min(
                (distance(c) for a in aliases for c in self._entry(a).context if shared),
                default=len(folded) + 1,
            )

            def nearest(
                cue: str, best: int = best, distance: Callable[[str], int] = distance
            ) -> bool:
                return best <= len(folded) and distance(cue) == best

            hit = self._alias_hit(doc, start, end, aliases, strong, (nearest, has_cue), when)
            if hit is not None:
                hits.append(hit)
        return [self._span(doc, h) for h in _resolve(doc, hits)]

    def _entry(self, alias: Alias) -> ActorEntry:
        entry = self.dictionary.get(alias.actor_id)
        assert entry is not None  # aliases only come from loaded rows
        return entry

    def _alias_hit(
        self,
        doc: Doc,
        start: int,
        end: int,
        aliases: list[Alias],
        strong: set[str],
        cue_tests: tuple[Callable[[str], bool], Callable[[str], bool]],
        when: date | None,
    ) -> _Hit | None:
        span = doc[start:end]
        kept = []
        for alias in aliases:
            if alias.case_sensitive and _in_caps_run(doc, start, end):
                continue  # "IS IT TRUE": a headline in capitals, not an acronym
            # an NER ORG says nothing about which body an acronym names ("AFP"), so it
            # confirms only weak names written out ("Amal", "Islah")
            if alias.weak and not (
                alias.actor_id in strong
                or any(cue_tests[1](c) for c in self._entry(alias).context)
                or (not alias.case_sensitive and self._ner_confirms(span))
            ):
                continue
            kept.append(alias)
        if not kept:
            return None
        candidates = tuple(self.dictionary.with_siblings(self._entry(a) for a in kept))
        entry = self.dictionary.choose(candidates, when, cue_tests)
        if entry is None:
            return None
        loaded = any(a.loaded for a in kept)
        if entry.generic:
            if not _generic_ok(doc, start, end):
                return None
            return _Hit(start, end, entry, RANK_GENERIC, loaded, candidates)
        start, end, grown_loaded = self._grow(doc, start, end, entry)
        return _Hit(start, end, entry, RANK_NAMED, loaded or grown_loaded, candidates)

    def _demonym_hit(
        self, doc: Doc, key: str, start: int, end: int, when: date | None
    ) -> _Hit | None:
        _, n_text, m_text = key.split("|")
        n, m = int(n_text), int(m_text)
        if end - start < n + m:
            return None
        prefix = doc[start : start + n]
        cc = self.dictionary.country_of(prefix.text)
        if cc is None:
            return None
        middle = doc[start + n : end - m]
        if any(t.lower_ not in MODIFIERS and t.lower_ not in POSSESSIVE for t in middle):
            return None
        if (
            not any(t.lower_ in POSSESSIVE for t in middle)
            and start > 0
            and doc[start - 1].lower_ in PREPOSITIONS
            and self.dictionary.is_country_name(prefix.text)
        ):
            return None  # "fighting in Syria rebels said": a place, not an adjective
        generic = self.dictionary.generic_for(doc[end - m : end].text)
        if generic is None:
            return None
        if generic.state is None and any(t.lower_ in STATE_MODIFIERS for t in middle):
            generic = self.dictionary.get("g_military") or generic  # "Syrian government fighters"
        if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ("pro", "anti"):
            # "pro-Palestinian demonstrators": a stance, not a nationality
            return _Hit(start - 2, end, generic, RANK_DEMONYM, False, (generic,))
        entry = self.dictionary.with_country(generic, cc, when)
        if entry is None:
            return None
        candidates = (
            tuple(self.dictionary.state_entries(generic.state, cc))
            if generic.state in ("mil", "pol", "gov")
            else (entry,)
        )
        loaded = any(t.lower_ in LOADED_MODIFIERS for t in middle) or any(
            a.loaded for a in self.dictionary.candidates(doc[end - m : end].text)
        )
        if end < len(doc) and doc[end].lower_ in STAFF_NOUNS:
            end += 1
        return _Hit(start, end, entry, RANK_DEMONYM, loaded, candidates)

    def _country_hit(
        self, doc: Doc, cc: str, start: int, end: int, when: date | None
    ) -> _Hit | None:
        """A country as the subject of a verb ("Russia launched 40 missiles"): its state.

        Needs a tagger. Left alone: "in (northern) Russia", "Russia's", a verb outside
        the two short lists below ("Syria has become ...").
        """
        if not _tagged(doc) or end >= len(doc):
            return None
        takes_article = end - start > 1 or doc[start].text.isupper()  # "the US"
        before = start - 1
        while before >= 0 and doc[before].pos_ == "ADJ":
            before -= 1  # "in northern Syria killed ...": the place of an attack
        if before >= 0 and (
            doc[before].lower_ in PREPOSITIONS
            or doc[before].text == "-"
            or (doc[before].lower_ == "the" and not takes_article)
            or doc[before].pos_ == "PROPN"
        ):
            return None
        verb = doc[end]
        for step in (1, 2):  # "Russia has launched", "Russia has repeatedly shelled"
            if verb.pos_ == "VERB" or end + step >= len(doc):
                break
            if doc[end + step - 1].pos_ not in ("AUX", "ADV"):
                break
            verb = doc[end + step]
        if verb.pos_ != "VERB" or (verb.i == end and verb.tag_ in ("VBG", "VBN")):
            return None
        if verb.tag_ == "VBN" and any(t.lemma_ == "be" for t in doc[end : verb.i]):
            return None  # "Syria was hit": a passive subject is the target
        lemma = verb.lemma_.lower()
        if lemma in GOV_VERBS:
            state = "gov"
        elif lemma in MIL_VERBS:
            state = "mil"
        else:
            return None
        candidates = tuple(self.dictionary.state_entries(state, cc))
        entry = self.dictionary.choose(candidates, when)
        if entry is None:
            return None
        return _Hit(start, end, entry, RANK_DEMONYM, False, candidates)

    def _grow(self, doc: Doc, start: int, end: int, entry: ActorEntry) -> tuple[int, int, bool]:
        loaded = False
        grown = 0
        # "Hamas fighters", "AFC/M23 rebel alliance", "G9 gang alliance": at most two words
        while grown < 2 and end < len(doc):
            word = doc[end].lower_
            if word not in GROUP_NOUNS and word not in FOLLOWERS:
                break
            if word in FOLLOWERS and doc[end - 1].lower_ in FOLLOWERS:
                break
            loaded = loaded or word in LOADED_FOLLOWERS
            end += 1
            grown += 1
        country = entry.country
        if country and start >= 1:
            if self.dictionary.country_of(doc[start - 1].text) == country:
                start -= 1
            elif (
                start >= 2
                and doc[start - 1].lower_ in POSSESSIVE
                and self.dictionary.country_of(doc[start - 2].text) == country
            ):
                start -= 2
        return start, end, loaded

    def _ner_confirms(self, span: Span) -> bool:
        if not self.use_ner:
            return False
        for ent in span.doc.ents:
            if ent.start <= span.start and span.end <= ent.end:
                return ent.label_ in NER_CONFIRM
        return False

    def _span(self, doc: Doc, hit: _Hit) -> Span:
        span = Span(doc, hit.start, hit.end, label=hit.entry.id)
        span._.fl_actor = hit.entry
        span._.fl_actor_loaded = hit.loaded
        span._.fl_actor_candidates = hit.candidates
        return span


@lru_cache(maxsize=4)
def _tagger(vocab: Vocab) -> ActorTagger:
    return ActorTagger(vocab)


def tag_actors(doc: Doc, when: date | None = None) -> list[Span]:
    """The component's work as a plain function: actor spans of ``doc`` (not stored on it)."""
    return _tagger(doc.vocab).tag(doc, when)


def date_actors(doc: Doc, when: date | None, spans_key: str = SPANS_KEY) -> None:
    """Re-settle the actors already tagged on ``doc`` for a publication date.

    The component runs inside ``nlp.pipe`` where the date is not yet known;
    calling this afterwards picks, e.g., "Military Forces of Syria (2024-)" for
    "Syrian army" in a 2025 report, or follows Nusra to its successor.
    """
    if when is None or spans_key not in doc.spans:
        return
    dictionary = ActorDictionary.bundled()
    out = []
    for span in doc.spans[spans_key]:
        candidates = span._.fl_actor_candidates or (span._.fl_actor,)
        entry = dictionary.choose([c for c in candidates if c is not None], when) or span._.fl_actor
        new = Span(doc, span.start, span.end, label=entry.id if entry else span.label_)
        new._.fl_actor = entry
        new._.fl_actor_loaded = span._.fl_actor_loaded
        new._.fl_actor_candidates = candidates
        out.append(new)
    doc.spans[spans_key] = out


def actor_record(span: Span, role: ActorRole, offset: int = 0) -> Actor:
    """The output record of a tagged span; ``offset`` is the doc's start in Article.text."""
    entry: ActorEntry | None = span._.fl_actor
    return Actor(
        role=role,
        text=span.text,
        start=span.start_char + offset,
        end=span.end_char + offset,
        name=entry.name if entry else span.text,
        side=entry.side if entry else None,
        inter=entry.inter if entry else None,
    )


@Language.factory(
    FACTORY,
    default_config={"spans_key": SPANS_KEY, "use_ner": True},
    requires=["doc.ents"],
    assigns=["doc.spans"],
)
def make_actor_tagger(nlp: Language, name: str, spans_key: str, use_ner: bool) -> ActorTagger:
    return ActorTagger(nlp.vocab, spans_key=spans_key, use_ner=use_ner)
