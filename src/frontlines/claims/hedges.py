"""Hedge cues, evidence cues and the sentence's own modality markers (future, hypothetical).

Pure functions over a tagged sentence span; lexicons in resources/claims/.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..types import Evidence
from .lexicon import EVIDENCE_ORDER, ClaimsLexicon, HedgeCue

# "could not be verified" states missing evidence; its modal is not a hedge.
_UNVERIFIED = re.compile(
    r"\b(?:could|can|may|might)\s+not\s+(?:be\s+)?(?:independently\s+|immediately\s+)?(?:verif|confirm)",
    re.IGNORECASE,
)
FUTURE = re.compile(
    r"\b(?:will|shall|'ll|is set to|are set to|was set to|plans? to|planned to|intends? to|"
    r"intended to|vow(?:s|ed)? to|threaten(?:s|ed)? to|(?:is|are) going to|"
    r"(?:is|are|was|were) likely to|(?:is|are) expected to|pledged to|promised to|"
    r"expects?(?= (?:[\w-]+ ){1,4}to\b))\b",
    re.IGNORECASE,
)
HYPOTHETICAL = re.compile(
    r"(?:^|[,;:] |\b(?:that|and) )(?:if|unless)\b|\bcalled on\b|\bcalls? on\b|\burged?\b|"
    r"\bappeal(?:ed)? (?:to|for)\b|\bcalled for\b",
    re.IGNORECASE,
)
# "could" is mostly past ability in reports ("could be heard"); only may/might mark
# a hypothetical.
_MODALS = frozenset({"may", "might"})


def _followed_by_number(tok: Token) -> bool:
    doc = tok.doc
    return tok.i + 1 < len(doc) and (doc[tok.i + 1].like_num or doc[tok.i + 1].pos_ == "NUM")


def _followed_by(tok: Token, words: tuple[str, ...]) -> bool:
    doc = tok.doc
    return tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in words


def _followed_by_verb(tok: Token) -> bool:
    doc = tok.doc
    if tok.i + 1 >= len(doc):
        return False
    nxt = doc[tok.i + 1]
    if nxt.lower_ in ("not", "also", "well", "still", "even", "only", "soon"):
        if tok.i + 2 >= len(doc):
            return False
        nxt = doc[tok.i + 2]
    return nxt.pos_ in ("VERB", "AUX") or nxt.tag_ == "VB" or (not nxt.pos_ and nxt.is_alpha)


def find_hedges(sent: Span, lexicon: ClaimsLexicon) -> list[tuple[str, int, int]]:
    """Hedge cues in the sentence as (cue as written, lower case; start char; end char)."""
    index = lexicon.hedge_index
    unverified: list[tuple[int, int]] | None = None
    toks = list(sent)
    out: list[tuple[str, int, int]] = []
    k = 0
    while k < len(toks):
        step = 1
        for cue in index.get(toks[k].lower_, ()):
            words = cue.cue.split()
            n = len(words)
            if [t.lower_ for t in toks[k : k + n]] != words:
                continue
            last = toks[k + n - 1]
            if not _cue_applies(cue, last):
                continue
            if unverified is None:
                unverified = [(m.start(), m.end()) for m in _UNVERIFIED.finditer(sent.text)]
            rel = toks[k].idx - sent.start_char
            if any(a <= rel < b for a, b in unverified):
                continue
            out.append((" ".join(words), toks[k].idx, last.idx + len(last.text)))
            step = n
            break
        k += step
    return out


def _cue_applies(cue: HedgeCue, last: Token) -> bool:
    if cue.kind == "modal" and last.tag_ and last.tag_ != "MD":
        return False  # "in May": the month, not the modal
    if cue.cue == "likely" and last.i > 0 and last.doc[last.i - 1].lower_ in ("more", "less", "as"):
        return False  # "20 percent more likely to": a comparison, not a hedge
    if cue.condition == "num" and not _followed_by_number(last):
        return False
    if cue.condition == "verb" and not _followed_by_verb(last):
        return False
    if cue.condition == "to" and not _followed_by(last, ("to", "that")):
        return False
    # "could not sleep", "could be heard": ability, not a hedge
    return not (cue.cue == "could" and _followed_by(last, ("not", "be", "n't")))


def find_evidence(text: str, lexicon: ClaimsLexicon) -> Evidence | None:
    """The strongest evidence class the text cites: disputed > visual > documentary."""
    found = {kind for kind, pattern in lexicon.evidence if pattern.search(text)}
    for kind in EVIDENCE_ORDER:
        if kind in found:
            return kind
    return None


def own_modality(sent: Span, has_report: bool) -> str | None:
    """ "future" or "hypothetical" when the sentence's content is so marked, else None."""
    text = sent.text
    if HYPOTHETICAL.search(text):
        return "hypothetical"
    if FUTURE.search(text):
        return "future"
    # "would" is future in reported speech ("said it would retaliate"), else conditional.
    if any(t.lower_ == "would" for t in sent):
        return "future" if has_report else "hypothetical"
    unverified = [(m.start(), m.end()) for m in _UNVERIFIED.finditer(text)]
    for t in sent:
        if t.lower_ in _MODALS and (t.tag_ in ("MD", "")) and _followed_by_verb(t):
            nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
            if nxt is not None and nxt.lower_ == "have":
                continue  # "may have been killed": a hedged past report
            rel = t.idx - sent.start_char
            if any(a <= rel < b for a, b in unverified):
                continue
            return "hypothetical"
    return None
