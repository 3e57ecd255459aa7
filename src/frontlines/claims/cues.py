"""When a reporting-verb form is a cue: conditions on its neighbours.

"found", "ruled", "believes" report only before "that"; "declared war" and "the Senate
confirmed Kavanaugh" report nothing; "could not deny asylum" is not a denial; the "called"
of "so-called" is no verb. Token tests over a tagged doc; no parse needed.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import ClaimsLexicon


def governed(tok: Token) -> bool:
    """ "could not deny asylum", "to reject the plan": a denial verb that is not the report."""
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is None:
        return False
    before = doc[tok.i - 2] if tok.i > 1 else None
    if prev.lower_ == "to":  # "Moscow continues to deny it" is still a denial
        return before is None or not before.lower_.startswith("continu")
    if prev.tag_ == "MD":
        return True
    return prev.lower_ in ("not", "n't") and before is not None and before.tag_ == "MD"


# "declared war", "the Senate confirmed Kavanaugh": the verb's object is no report.
_NOT_REPORTED_OBJECTS = frozenset(
    {"war", "victory", "independence", "bankruptcy", "martial", "emergency", "a", "an"}
)


def cue_applies(tok: Token, lexicon: ClaimsLexicon) -> bool:
    """ "found", "ruled", "believes" report only before "that" ("police found a body": no claim)."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if tok.lower_ in lexicon.that_verbs:
        return nxt is not None and nxt.lower_ == "that"
    if tok.lower_.startswith("declar") and nxt is not None and nxt.lower_ in _NOT_REPORTED_OBJECTS:
        return False
    if tok.lower_.startswith("confirm") and nxt is not None and nxt.ent_type_ == "PERSON":
        k = nxt.i
        while k + 1 < len(doc) and doc[k + 1].ent_type_ == "PERSON" and doc[k + 1].ent_iob_ == "I":
            k += 1
        after = doc[k + 1] if k + 1 < len(doc) else None
        return after is not None and after.tag_ == "POS"  # "confirmed Ivanov's death"
    return True


def hyphenated(tok: Token) -> bool:
    """Part of a hyphenated word ("so-called", "Russian-installed")."""
    doc = tok.doc
    return tok.i > 0 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_
