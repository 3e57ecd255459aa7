"""Event trigger lexicon and the spaCy component that marks trigger words.

The lexicon (resources/events/triggers.tsv) maps lemma phrases to a *cue*: what kind
of happening the words name (an air strike, a capture, a protest...). Which ACLED
sub-event type a sentence gets is decided later by ``events.rules`` from the cues,
the parse and the actors; the cue table (resources/events/cues.tsv) lists each
cue's candidate types.

Matching is plain Python over ``token.lemma_``/``token.lower_`` (no parser needed),
so it can run in the first, cheap pipeline stage and mark the sentences that are
worth parsing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..eval.common import bundled

SPANS_KEY = "fl_triggers"
COMPONENT = "frontlines_triggers_v1"
# Tokens skipped inside a phrase, so "air-strike" matches "air strike".
_JOINERS = frozenset({"-", "–"})
# Words skipped inside a phrase: "took full control", "seized complete control".
_FILLERS = frozenset({"full", "complete", "total", "effective", "partial"})


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    phrase: tuple[str, ...]
    cue: str
    strong: bool
    pos: str | None  # required part of speech of the first token
    plover_type: str
    plover_mode: str | None


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """One lexicon match: tokens [start, end) of the doc it was found in."""

    start: int
    end: int
    entry: TriggerEntry

    @property
    def cue(self) -> str:
        return self.entry.cue


def _read_rows(name: str) -> list[list[str]]:
    rows = []
    for line in bundled("events", name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


class TriggerLexicon:
    """Lemma phrases -> cues, indexed by first word."""

    def __init__(self, entries: Iterable[TriggerEntry]) -> None:
        self.entries = tuple(entries)
        self._by_first: dict[str, list[TriggerEntry]] = defaultdict(list)
        for entry in self.entries:
            for form in inflections(entry.phrase[0]):
                if entry not in self._by_first[form]:
                    self._by_first[form].append(entry)
        for bucket in self._by_first.values():
            bucket.sort(key=lambda e: -len(e.phrase))  # longest first
        # (LOWER, LEMMA) hashes -> whether either begins an entry (see _starts)
        self._known: dict[tuple[int, int], bool] = {}

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[str]]) -> TriggerLexicon:
        entries = []
        for row in rows:
            phrase, cue, strength, pos, ptype, pmode = row[:6]
            words = tuple(w for w in phrase.lower().replace("-", " - ").split() if w != "-")
            entries.append(
                TriggerEntry(
                    phrase=words,
                    cue=cue,
                    strong=strength == "strong",
                    pos=None if pos == "-" else pos,
                    plover_type=ptype,
                    plover_mode=None if pmode in ("\\N", "-", "") else pmode,
                )
            )
        return cls(entries)

    @classmethod
    def bundled(cls) -> TriggerLexicon:
        return _bundled_lexicon()

    def find(self, tokens: Doc | Span) -> list[TriggerHit]:
        """Longest, non-overlapping matches in a token sequence (a Doc or a Span).

        Offsets are token indices of the tokens' doc.
        """
        hits: list[TriggerHit] = []
        i = 0
        for i0 in self._starts(tokens):
            if i0 < i:  # inside the previous match
                continue
            i = i0
            tok = tokens[i]
            best: tuple[int, TriggerEntry] | None = None
            # Surface form first, then lemma; on equal length a strong entry wins
            # ("fighting" the noun over "fight"). Fixed order: set order is random.
            for key in (tok.lower_, tok.lemma_.lower()):
                for entry in self._by_first.get(key, ()):
                    if best is not None and (len(entry.phrase), entry.strong) <= (
                        len(best[1].phrase),
                        best[1].strong,
                    ):
                        continue
                    if entry.pos is not None and tok.pos_ != entry.pos:
                        continue
                    end = _match_rest(tokens, i + 1, entry.phrase[1:])
                    if end is not None:
                        best = (end, entry)
            if best is None:
                i += 1
                continue
            end, entry = best
            hits.append(TriggerHit(tokens[i].i, tokens[end - 1].i + 1, entry))
            i = end
        return hits

    def _starts(self, tokens: Doc | Span) -> list[int]:
        """Indices (into ``tokens``) whose surface form or lemma begins some entry:
        the only places ``find`` can match, found from the doc's arrays."""
        doc = tokens if isinstance(tokens, Doc) else tokens.doc
        offset = 0 if isinstance(tokens, Doc) else tokens.start
        rows = doc.to_array([LOWER, LEMMA])[offset : offset + len(tokens)].tolist()
        known = self._known
        strings = doc.vocab.strings
        out = []
        for k, (lower, lemma) in enumerate(rows):
            hit = known.get((lower, lemma))
            if hit is None:
                hit = strings[lower] in self._by_first or strings[lemma].lower() in self._by_first
                if len(known) < 500_000:
                    known[(lower, lemma)] = hit
            if hit:
                out.append(k)
        return out


def _match_rest(tokens: Doc | Span, i: int, rest: Sequence[str]) -> int | None:
    """End index (exclusive) when ``rest`` matches from ``i`` on, skipping hyphens."""
    for word in rest:
        while i < len(tokens) and (
            tokens[i].text in _JOINERS or (word not in _FILLERS and tokens[i].lower_ in _FILLERS)
        ):
            i += 1
        if i >= len(tokens):
            return None
        tok = tokens[i]
        if word != tok.lemma_.lower() and tok.lower_ not in inflections(word):
            return None
        i += 1
    return i


_VOWELS = frozenset("aeiou")
# Irregular past forms of trigger verbs (the lemmatizer misses some after a
# tagging slip: "retook" tagged as a noun keeps its form).
IRREGULAR: dict[str, frozenset[str]] = {
    word: frozenset(forms.split())
    for word, forms in {
        "take": "took taken",
        "retake": "retook retaken",
        "overrun": "overran",
        "shoot": "shot",
        "blow": "blew blown",
        "fall": "fell fallen",
        "withdraw": "withdrew withdrawn",
        "strike": "struck stricken",
        "fight": "fought",
        "throw": "threw thrown",
        "beat": "beaten",
        "steal": "stole stolen",
        "break": "broke broken",
        "send": "sent",
        "burn": "burnt",
        "win": "won",
        "set": "set",
        "hold": "held",
        "lay": "laid",
        "seek": "sought",
        "bring": "brought",
        "drive": "drove driven",
        "slay": "slew slain",
    }.items()
}


@lru_cache(maxsize=8192)
def inflections(word: str) -> frozenset[str]:
    """The word and its regular inflected forms: the small model's lemmatizer
    misses some ("raped" -> "rap"), so surface forms match too."""
    forms = {word, word + "s"} | IRREGULAR.get(word, frozenset())
    if word.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.add(word + "es")
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    else:
        forms |= {word + "ed", word + "ing"}
    if len(word) > 1 and word.endswith("y") and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    # Consonant-vowel-consonant endings double: "kidnap" -> "kidnapped".
    if (
        len(word) > 2
        and word[-1] not in _VOWELS | {"w", "x", "y"}
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    ):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return frozenset(forms)


@lru_cache(maxsize=1)
def _bundled_lexicon() -> TriggerLexicon:
    return TriggerLexicon.from_rows(_read_rows("triggers.tsv"))


@lru_cache(maxsize=1)
def cue_candidates() -> dict[str, tuple[str, ...]]:
    """cue -> the ACLED sub-event types it can lead to (resources/events/cues.tsv)."""
    return {row[0]: tuple(row[1].split("|")) for row in _read_rows("cues.tsv")}


class TriggerMarker:
    """spaCy component: trigger matches as ``doc.spans["fl_triggers"]`` (label = cue)."""

    def __init__(self, lexicon: TriggerLexicon | None = None) -> None:
        self.lexicon = lexicon or TriggerLexicon.bundled()

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPANS_KEY] = [
            Span(doc, h.start, h.end, label=h.cue) for h in self.lexicon.find(doc)
        ]
        return doc


@Language.factory(COMPONENT)
def make_trigger_marker(nlp: Language, name: str) -> TriggerMarker:
    return TriggerMarker()


def candidate_sentences(doc: Doc) -> list[Span]:
    """Sentences holding at least one trigger (the ones worth parsing)."""
    starts = sorted(s.start for s in doc.spans.get(SPANS_KEY, []))
    if not starts:
        return []
    out = []
    k = 0
    for sent in doc.sents:
        while k < len(starts) and starts[k] < sent.start:
            k += 1
        if k < len(starts) and starts[k] < sent.end:
            out.append(sent)
    return out


@lru_cache(maxsize=1)
def context_words() -> dict[str, frozenset[str]]:
    """Named context word lists of the decision rules (resources/events/context_words.tsv)."""
    return {row[0]: frozenset(row[1].split()) for row in _read_rows("context_words.tsv")}
