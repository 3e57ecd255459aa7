"""Claimant noun phrases: finding their edges around a reporting cue, and typing them.

Token patterns over a tagged sentence (POS and NER from the pipeline's first
stage; no dependency parse is needed). A noun phrase is a run of determiners,
adjectives, nouns, proper nouns, numbers, possessives and hyphenated parts, with
"of/for/in/&/and" inside it when nouns stand on both sides ("the Syrian
Observatory for Human Rights", "residents and rebel sources").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..types import ClaimantType
from .lexicon import ClaimsLexicon
from .sides import actor_of, side_of, state_side

NP_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "DET"})
INNER_ADP = frozenset({"of", "for", "in", "&"})
BACK_ADP = INNER_ADP | {"at", "on"}
# "officials familiar with the matter", "a person briefed on the talks", "economists polled
# by Reuters": a participle or adjective and its preposition inside a source phrase.
LINKS = frozenset(
    {
        ("familiar", "with"),
        ("briefed", "on"),
        ("close", "to"),
        ("knowledge", "of"),
        ("polled", "by"),
        ("surveyed", "by"),
        ("interviewed", "by"),
        ("contacted", "by"),
        ("cited", "by"),
        ("quoted", "by"),
        ("hired", "by"),
        ("involved", "in"),
    }
)
# Words between a subject and its reporting verb ("the ministry also said").
SKIP_BEFORE_VERB = frozenset(
    {
        "also",
        "later",
        "earlier",
        "previously",
        "again",
        "repeatedly",
        "separately",
        "further",
        "has",
        "have",
        "had",
        "is",
        "was",
        "were",
        "are",
        "then",
        "already",
        "subsequently",
        "publicly",
        "officially",
        "immediately",
        "quickly",
        "now",
        "yesterday",
        "today",
        "reportedly",
        "originally",
        "initially",
        "first",
    }
)
PRONOUNS = frozenset({"it", "he", "she", "they", "we"})
NEGATIVE_DETS = frozenset({"no", "neither", "none"})
# Heads that are evidence, not claimants ("photos showed", "footage published").
EVIDENCE_HEADS = frozenset(
    {
        "footage",
        "video",
        "videos",
        "photo",
        "photos",
        "photograph",
        "photographs",
        "image",
        "images",
        "imagery",
        "picture",
        "pictures",
        "data",
        "figures",
        "document",
        "documents",
        "statement",
        "statements",
        "report",
        "reports",
        "list",
        "post",
        "posts",
        "update",
        "claim",
        "claims",
        "information",
        "evidence",
        "debris",
        "remains",
        "assessment",
        "analysis",
    }
)
# Role nouns that take the type of the body named before them ("U.N. experts",
# "Pfizer's lawyers"); alone they keep their own type.
GENERIC_ROLES = frozenset(
    {
        "source",
        "sources",
        "expert",
        "analyst",
        "researcher",
        "scientist",
        "economist",
        "investigator",
        "lawyer",
        "attorney",
        "executive",
        "employee",
        "worker",
        "professor",
        "critic",
        "supporter",
        "opponent",
        "advocate",
        "official",
        # company roles: "the Wagner group's founder" speaks for the group, "Pfizer's
        # chairman" for the company
        "founder",
        "chairman",
        "ceo",
    }
)
DOCUMENT_HEADS = frozenset({"statement", "report", "data", "figures", "document", "post", "update"})
ANAPHORS = frozenset(
    {"group", "organisation", "organization", "centre", "center", "committee", "agency", "body"}
)


def _is_np_token(tok: Token) -> bool:
    if tok.text in ("-", "&", "'s", "’s", "'", "’") or tok.tag_ == "POS":
        return True
    if tok.pos_ in NP_POS:
        return True
    # hyphenated compounds: "Houthi-run", "Britain-based", "Kurdish-led"
    doc = tok.doc
    if tok.i > 0 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_:
        return True
    if tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_:
        return True
    if not tok.pos_ and tok.is_alpha:  # untagged docs (tests): alphabetic words
        return tok.lower_ not in SKIP_BEFORE_VERB
    return False


def _nounish(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN", "NUM") or (not tok.pos_ and tok.is_alpha)


def np_before(sent: Span, end: int) -> tuple[int, int] | None:
    """The noun phrase ending just before token ``end`` (doc index), as (start, end)."""
    i = end - 1
    start = end
    while i >= sent.start and end - i <= 14:
        tok = sent.doc[i]
        low = tok.lower_
        if tok.ent_type_ in ("DATE", "TIME"):
            break  # "on Saturday a civil defence source said" without its comma
        if (
            _nounish(tok)
            and start < end
            and sent.doc[i + 1].pos_ == "DET"
            and sent.doc[i + 1].lower_ in ("the", "a", "an")
        ):
            break  # "... their mouths the Syrian Observatory said": a new phrase begins
        if _is_np_token(tok) and not (tok.pos_ == "DET" and low in ("that", "this", "which")):
            start = i
        elif (low in BACK_ADP or low == "and") and start < end:
            # inside an NP only with nouns on both sides
            right_noun = any(_nounish(sent.doc[k]) for k in range(start, end))
            left = sent.doc[i - 1] if i - 1 >= sent.start else None
            plural_left = left is not None and left.tag_ in ("NNS", "NNPS")
            if (
                low == "at"
                and sent.doc[start].pos_ != "PROPN"
                and not (plural_left and sent.doc[start].lower_ == "the")
            ):
                break  # "medics at Nasser Hospital", "analysts at the bank"; not "killed at a checkpoint"
            if low == "on" and not plural_left:
                break  # "Republicans on the panel"; not "an attack on the city"
            if low == "in" and sent.doc[start].lower_ in ("a", "an", "its", "their", "his", "her"):
                break  # "ISIS in a statement said": the statement is not part of the name
            if (i - 1 >= sent.start and _nounish(sent.doc[i - 1]) and right_noun) or (
                low in ("of", "for")
                and i - 1 >= sent.start
                and sent.doc[i - 1].pos_ in ("NOUN", "PROPN")
            ):
                start = i
            else:
                break
        else:
            break
        i -= 1
    if start >= end:
        return None
    start = _extend_back(sent, start)
    if start - 1 >= sent.start and sent.doc[start - 1].tag_ == "PRP$":
        start -= 1  # "His lawyer, Kevin Downing, said": the possessive opens the phrase
    return _trim(sent, start, end)


def _extend_back(sent: Span, start: int) -> int:
    """Grow a phrase leftwards over "familiar with", "polled by" and "that makes" links."""
    doc = sent.doc
    k = start
    if k - 2 > sent.start and (doc[k - 2].lower_, doc[k - 1].lower_) in LINKS:
        j = k - 2
        if doc[j - 1].lower_ in ("with", "people", "persons") and j - 1 > sent.start:
            j -= 1  # "people with knowledge of"
        if doc[j].lower_ == "knowledge" and doc[j - 1].lower_ == "with":
            j -= 1
        head = np_before(sent, j)
        if head is not None and head[1] == j:
            return head[0]
    if (
        k - 3 >= sent.start
        and doc[k - 1].pos_ == "VERB"
        and doc[k - 1].tag_ == "VBZ"
        and doc[k - 2].lower_ in ("that", "which", "who")
    ):
        head = np_before(sent, k - 2)  # "the company that makes the drug said"
        if head is not None and head[1] == k - 2:
            return head[0]
    return start


def np_after(sent: Span, start: int) -> tuple[int, int] | None:
    """The noun phrase starting at token ``start`` (doc index)."""
    end = start
    i = start
    doc = sent.doc
    while i < sent.end and i - start < 14:
        tok = doc[i]
        low = tok.lower_
        if low in ("who", "which", "that") and i > start:
            break
        if _is_np_token(tok):
            end = i + 1
        elif low in INNER_ADP and end > start and i + 1 < sent.end:
            nxt = doc[i + 1]
            after = doc[i + 2] if i + 2 < sent.end else None
            the_noun = (
                nxt.lower_ == "the" and after is not None and after.pos_ in ("NOUN", "PROPN", "ADJ")
            )
            if low == "in" and nxt.pos_ != "PROPN" and not the_noun:
                break  # "a source in the security services", not "in a video"
            if nxt.pos_ in ("DET", "PROPN", "NOUN", "ADJ", "NUM") or (
                not nxt.pos_ and nxt.is_alpha
            ):
                end = i + 1
            else:
                break
        elif low == "and" and end > start and i + 1 < sent.end and _nounish(doc[i + 1]):
            end = i + 1
        else:
            break
        i += 1
    if end <= start:
        return None
    return _trim(sent, start, end)


def _trim(sent: Span, start: int, end: int) -> tuple[int, int] | None:
    """Drop dangling connectors at the edges; reject phrases with no noun."""
    doc = sent.doc
    while start < end and doc[start].lower_ in (INNER_ADP | {"and", "-", "'s", "’s"}):
        start += 1
    while end > start and doc[end - 1].lower_ in (INNER_ADP | {"and", "-", "the", "a", "an"}):
        end -= 1
    if start >= end or not any(_nounish(doc[k]) for k in range(start, end)):
        return None
    if doc[start].lower_ in NEGATIVE_DETS:
        return None
    return start, end


def head_word(sent: Span, start: int, end: int) -> str:
    """The phrase's head: its last noun before a first "of/for/in" (English heads are final)."""
    doc = sent.doc
    stop = end
    for k in range(start, end):
        if doc[k].lower_ in INNER_ADP and k > start:
            stop = k
            break
    for k in range(stop - 1, start - 1, -1):
        if _nounish(doc[k]):
            return doc[k].lower_
    return doc[stop - 1].lower_


@dataclass(frozen=True, slots=True)
class Typed:
    type: ClaimantType | None
    side: str | None


def type_phrase(text: str, lexicon: ClaimsLexicon) -> Typed:
    """The claimant type a phrase names: its first conjunct, head region first, last match wins."""
    low = text.lower()
    first = low.split(" and ", 1)[0] if " and " in low else low
    # The head region ends at the first "of"/"for"/"in" ("the commander of the brigade").
    cut = len(first)
    for sep in (" of ", " for ", " in ", " from ", " at ", " on ", " by ", " familiar ", " who "):
        k = first.find(sep)
        if 0 < k < cut:
            cut = k
    matches = list(lexicon.type_pattern.finditer(first))
    if not matches:
        return Typed(None, None)
    head = [m for m in matches if m.start() < cut] or matches
    chosen = head[-1]
    if _entry_key(chosen.group(0), lexicon) in GENERIC_ROLES and len(head) > 1:
        # "a senior Indian government source", "U.N. experts": the body they speak for
        chosen = head[-2]
    # A multiword entry that starts in the head region and runs past it still counts.
    key = _entry_key(chosen.group(0), lexicon)
    entry = lexicon.types.get(key) if key else None
    if entry is None:
        return Typed(None, None)
    return Typed(entry.type, entry.side)


def _entry_key(matched: str, lexicon: ClaimsLexicon) -> str | None:
    low = matched.lower()
    for suffix in ("'s", "’s"):
        if low.endswith(suffix):
            low = low[: -len(suffix)]
    for cand in (low, low[:-1], low[:-2]):
        if cand in lexicon.types:
            return cand
    return None


def classify(
    sent: Span,
    span: tuple[int, int],
    appositive: tuple[int, int] | None,
    lexicon: ClaimsLexicon,
) -> Typed:
    """Type and side of the claimant at ``span`` (doc token indices)."""
    doc = sent.doc
    text = doc[span[0] : span[1]].text
    typed = type_phrase(text, lexicon)
    if typed.type is None and appositive is not None:
        typed = type_phrase(doc[appositive[0] : appositive[1]].text, lexicon)
    if typed.type is None:
        side, kind = actor_of(text)  # the actor dictionary knows the group's kind
        typed = Typed(kind, side)
    if typed.type is None:
        ents = {t.ent_type_ for t in doc[span[0] : span[1]]}
        if "PERSON" in ents:
            typed = Typed("witness", None)
    side = typed.side or side_of(text)
    if side is None and appositive is not None:
        side = side_of(doc[appositive[0] : appositive[1]].text)
    if side is None and typed.type in ("government", "military"):
        side = state_side(text)
    return Typed(typed.type, side)
