"""Claimant from the dependency parse, when the sentence has one.

The pipeline parses the sentences that carry an event trigger; there the
subject of a reporting verb (``nsubj``) or the object of "according to" is read
off the tree. Token patterns (claims/claimant.py) stay the first choice: they
run on every sentence; this catches word orders they do not cover.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .claimant import EVIDENCE_HEADS, NEGATIVE_DETS, PRONOUNS
from .lexicon import ClaimsLexicon

_CLASSES = frozenset({"say", "claim", "deny"})


def _phrase(tok: Token) -> tuple[int, int]:
    """The subtree of ``tok`` up to a comma or relative clause (doc token indices)."""
    start, end = tok.left_edge.i, tok.right_edge.i + 1
    doc = tok.doc
    for k in range(tok.i + 1, end):
        if doc[k].text in (",", "(") or (doc[k].dep_ in ("relcl", "acl") and doc[k].pos_ == "VERB"):
            end = k
            break
    return start, end


def parse_claimant(sent: Span, lexicon: ClaimsLexicon) -> tuple[tuple[int, int], str] | None:
    """((start, end), verb class) of the claimant the parse shows, or None."""
    if not sent.doc.has_annotation("DEP"):
        return None
    for tok in sent:
        if tok.lower_ == "to" and tok.head.lower_ == "according":
            objs = [c for c in tok.children if c.dep_ == "pobj"]
            if objs and objs[0].lower_ not in EVIDENCE_HEADS:
                return _phrase(objs[0]), "say"
        cls = lexicon.verbs.get(tok.lower_)
        if cls not in _CLASSES or tok.pos_ not in ("VERB", "AUX"):
            continue
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if tok.lower_ in lexicon.that_verbs and (nxt is None or nxt.lower_ != "that"):
            continue  # "police found a body": not a report
        if any(c.dep_ == "neg" for c in tok.children):
            continue  # "India did not confirm", "ISW cannot confirm": no claim made
        for child in tok.children:
            if child.dep_ != "nsubj":
                continue
            if child.lower_ in PRONOUNS or child.lower_ in EVIDENCE_HEADS:
                break
            start, end = _phrase(child)
            if sent.doc[start].lower_ in NEGATIVE_DETS:
                break
            return (start, end), cls or "say"
    return None
