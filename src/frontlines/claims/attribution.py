"""Who claims it: the claim behind each sentence, and behind each event.

For every sentence of an analysed doc (tagged, with NER and sentence bounds;
the pipeline's first stage is enough) ``analyse_doc`` finds the claimant
("according to X", "X said/claimed/denied ...", "..., X said.", '"...," said X',
"TASS cited X as saying", "images reviewed by X", "reportedly"), types it,
and decides modality, hedges and evidence. Attribution carries over: a pronoun
subject ("It added that ...", "He said ..."), "the statement said", and a quote
continuing the previous sentence's speech take the previous claimant.

``claims.events.attribute_events`` puts those claims on the pipeline's events.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import cast

from spacy.tokens import Doc, Span, Token

from ..types import Claim, Claimant, ClaimantType, Evidence, Modality
from .claimant import (
    ANAPHORS,
    DOCUMENT_HEADS,
    EVIDENCE_HEADS,
    PRONOUNS,
    SKIP_BEFORE_VERB,
    classify,
    head_word,
    np_after,
    np_before,
    type_phrase,
)
from .context import apply_disclaimers, apply_own_voice
from .cues import cue_applies, governed, hyphenated
from .hedges import find_evidence, find_hedges, own_modality
from .lexicon import ClaimsLexicon
from .parse import parse_claimant

QUOTES = frozenset({'"', "“", "”", "''", "``", "«", "»", "'"})
ANON_ADVERBS = {
    "reportedly": "reported",
    "allegedly": "claimed",
    "purportedly": "claimed",
    "supposedly": "claimed",
}
PASSIVE_BY = frozenset(
    {"reviewed", "obtained", "seen", "verified", "analysed", "analyzed", "published", "posted"}
)
BE_FORMS = frozenset({"is", "are", "was", "were", "been", "be"})
# Inverted speech ('"...," said X'): only verbs whose object cannot be the speaker.
INVERTING = frozenset({"said", "says", "added", "wrote", "asked", "claimed", "stated"})
DISMISSAL = re.compile(
    r"\b(?:staged|fake|fabricated|fabrication|hoax|not responsible|nothing to do with|"
    r"no involvement|baseless|groundless|without merit|meritless|untrue|categorically false|"
    r"completely false|false and defamatory)\b",
    re.IGNORECASE,
)
CONTINUING = frozenset({"continue", "go"})
CARRY_WINDOW = 2  # sentences a pronoun or quote may reach back


@dataclass(frozen=True, slots=True)
class SentenceClaim:
    """The claim a sentence makes; offsets into the article text."""

    start: int
    end: int
    claim: Claim
    carried: bool = False


@dataclass(frozen=True, slots=True)
class _Found:
    claimant: Claimant | None
    verb_class: str  # say | claim | deny | anon-reported | anon-claimed | ...
    evidence: Evidence | None = None
    carried: bool = False


@dataclass
class _State:
    claimant: Claimant | None = None
    evidence: Evidence | None = None
    index: int = -10


def _claimant(
    sent: Span,
    span: tuple[int, int],
    offset: int,
    lexicon: ClaimsLexicon,
    appositive: tuple[int, int] | None = None,
    prev: Claimant | None = None,
) -> Claimant:
    doc = sent.doc
    typed = classify(sent, span, appositive, lexicon)
    kind: ClaimantType | None = typed.type
    side = typed.side
    if kind is None and prev is not None and head_word(sent, *span) in ANAPHORS:
        kind, side = prev.type, side or prev.side  # "the group said": the one named before
    first, last = doc[span[0]], doc[span[1] - 1]
    return Claimant(
        text=doc[span[0] : span[1]].text,
        start=offset + first.idx,
        end=offset + last.idx + len(last.text),
        type=kind or "anonymous",
        side=side,
    )


def _is_verb(tok: Token) -> bool:
    if tok.pos_ in ("VERB", "AUX", ""):
        return True
    # the small model tags "claim"/"say" as nouns after a plural subject; a following
    # pronoun or "that" gives the verb away ("the puppets in Kiev claim they ...")
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.pos_ == "NOUN" and nxt is not None and (nxt.pos_ == "PRON" or nxt.lower_ == "that")


def _subject(
    sent: Span, k: int, offset: int, lexicon: ClaimsLexicon, prev: Claimant | None
) -> _Found | None:
    """The claimant of the reporting verb at token ``k``: subject, inverted or carried."""
    doc = sent.doc
    verb = doc[k]
    cls = lexicon.verbs[verb.lower_]
    j = k - 1
    while j >= sent.start and (
        doc[j].lower_ in SKIP_BEFORE_VERB
        or (doc[j].pos_ == "ADV" and doc[j].lower_ not in ("not", "never"))
        or doc[j].ent_type_ in ("DATE", "TIME")  # "the group on Monday claimed"
        or (
            doc[j].lower_ in ("on", "at", "late", "early")
            and doc[j + 1].ent_type_ in ("DATE", "TIME")
        )
        # "Moscow continues to deny", "the firm went on to say"
        or (doc[j].lower_ == "to" and j - 1 >= sent.start and doc[j - 1].lemma_ in CONTINUING)
        or (doc[j].lemma_ in CONTINUING and j + 1 < k and doc[j + 1].lower_ == "to")
    ):
        j -= 1
    if j < sent.start:
        return None
    before = doc[j]
    if before.lower_ in BE_FORMS and cls == "say":
        return None  # passive "is said to": handled as an anonymous cue
    if before.lower_ in PRONOUNS:
        if prev is None:
            return None
        return _Found(prev, cls, carried=True)
    if before.text in QUOTES or (
        before.text == "," and j - 1 >= sent.start and doc[j - 1].text in QUOTES
    ):
        if verb.lower_ not in INVERTING:
            return None
        span = np_after(sent, k + 1)
        if span is None:
            return None
        return _Found(_claimant(sent, span, offset, lexicon, _appositive_after(sent, span[1])), cls)
    if before.text == ",":
        return _appositive_subject(sent, j, cls, offset, lexicon, prev)
    span = np_before(sent, j + 1)
    if span is None:
        return None
    return _from_np(sent, span, cls, offset, lexicon, prev)


def _from_np(
    sent: Span,
    span: tuple[int, int],
    cls: str,
    offset: int,
    lexicon: ClaimsLexicon,
    prev: Claimant | None,
    appositive: tuple[int, int] | None = None,
) -> _Found | None:
    doc = sent.doc
    head = head_word(sent, *span)
    text = doc[span[0] : span[1]].text
    typed = type_phrase(text, lexicon).type
    if head in EVIDENCE_HEADS and typed is None:
        evidence = find_evidence(text, lexicon)
        if head in DOCUMENT_HEADS and prev is not None and doc[span[0]].lower_ in ("the", "its"):
            return _Found(prev, cls, evidence or "documentary", carried=True)
        if head in ("reports", "report") and doc[span[0]].lower_ not in ("the", "its", "a"):
            return _Found(_claimant(sent, span, offset, lexicon), "anon-reported")
        return _Found(None, cls, evidence)
    if (
        cls in ("publish", "record")
        and typed is None
        and "PERSON" not in {t.ent_type_ for t in doc[span[0] : span[1]]}
    ):
        return None  # "families published the names": not a source we can type
    claimant = _claimant(sent, span, offset, lexicon, appositive, prev)
    own_evidence: Evidence | None = None
    if head in EVIDENCE_HEADS:  # "an army statement said", "ministry footage shows"
        own_evidence = find_evidence(text, lexicon) or (
            "documentary" if head in DOCUMENT_HEADS else "visual"
        )
    anaphor = prev is not None and _refers_to(doc[span[0] : span[1]], prev)
    if anaphor and prev is not None:
        claimant = replace(claimant, type=prev.type, side=claimant.side or prev.side)
    return _Found(claimant, cls, own_evidence, carried=anaphor)


def _refers_to(np: Span, prev: Claimant) -> bool:
    """ "the ministry" / "the group" after a named claimant: the same one again."""
    if len(np) != 2 or np[0].lower_ not in ("the", "its"):
        return False
    head = np[-1].lower_
    return head in ANAPHORS or (prev.text is not None and head in prev.text.lower())


def _appositive_after(sent: Span, end: int) -> tuple[int, int] | None:
    """ ", a Britain-based monitor," after a name: the phrase up to the next comma."""
    doc = sent.doc
    if end >= sent.end or doc[end].text != ",":
        return None
    k = end + 1
    while k < sent.end and doc[k].text not in (",", ".", ";") and k - end < 14:
        k += 1
    return (end + 1, k) if k > end + 1 else None


def _appositive_subject(
    sent: Span, comma: int, cls: str, offset: int, lexicon: ClaimsLexicon, prev: Claimant | None
) -> _Found | None:
    """ "X, a Britain-based monitor, said": the name before the appositive.

    Stacked appositives ("The RSF, led by General Dagalo, known as Hemedti, said")
    are stepped over, up to three, when the nearer one does not open with a name.
    """
    doc = sent.doc
    m = comma
    for _ in range(3):
        k = m - 1
        while k > sent.start and doc[k].text != "," and m - k < 14:
            k -= 1
        if k <= sent.start or doc[k].text != ",":
            return None
        m = k
        span = np_before(sent, m)
        if span is not None and (span[0] == sent.start or doc[span[0] - 1].is_punct):
            break
    else:
        return None
    if span is None:
        return None
    # "Hezbollah, the Iran-backed group, which ..., said": the name before a descriptive
    # appositive, when a whole comma segment from the sentence start is a noun phrase
    if span[0] - 1 > sent.start and doc[span[0] - 1].text == ",":
        head = np_before(sent, span[0] - 1)
        if head is not None and head[0] == sent.start and doc[span[0]].pos_ == "DET":
            m, span = span[0] - 1, head
    appositive = (m + 1, comma)
    if doc[m + 1].pos_ == "PROPN" and all(t.pos_ == "PROPN" for t in doc[m + 1 : comma]):
        span = (span[0], comma)  # "the centre's deputy head, Rear Admiral Oleg Zhuravlev,"
    return _from_np(sent, span, cls, offset, lexicon, prev, appositive=appositive)


def _according_to(
    sent: Span, k: int, offset: int, lexicon: ClaimsLexicon, prev: Claimant | None
) -> _Found | None:
    doc = sent.doc
    span = np_after(sent, k + 2)
    if span is None:
        return None
    head = head_word(sent, *span)
    if head in EVIDENCE_HEADS:
        # "according to a statement from the ministry", "the data of the Defence Ministry"
        for p in range(span[0], span[1]):
            if doc[p].lower_ in ("of", "from", "by") and p + 1 < span[1]:
                owner = (p + 1, span[1])
                found = _from_np(sent, owner, "say", offset, lexicon, prev)
                ev = find_evidence(doc[span[0] : span[1]].text, lexicon) or "documentary"
                if found is not None and found.claimant is not None:
                    return replace(found, evidence=ev)
        return _from_np(sent, span, "say", offset, lexicon, prev)
    return _from_np(sent, span, "say", offset, lexicon, prev)


def find_claimant(
    sent: Span, offset: int, prev: Claimant | None, lexicon: ClaimsLexicon
) -> _Found | None:
    """The first reporting cue of the sentence that names (or carries) a claimant."""
    doc = sent.doc
    anon: _Found | None = None
    evidence_only: _Found | None = None
    for k in range(sent.start, sent.end):
        tok = doc[k]
        low = tok.lower_
        found: _Found | None = None
        if low == "according" and k + 1 < sent.end and doc[k + 1].lower_ == "to":
            found = _according_to(sent, k, offset, lexicon, prev)
        elif low in ANON_ADVERBS and anon is None:
            anon = _Found(_cue_claimant(sent, k, k + 1, offset), "anon-" + ANON_ADVERBS[low])
        elif low in PASSIVE_BY and k + 2 < sent.end and doc[k + 1].lower_ == "by":
            span = np_after(sent, k + 2)
            if span is not None:
                found = _from_np(sent, span, "publish", offset, lexicon, prev)
        elif (
            low in lexicon.verbs
            and _is_verb(tok)
            and not hyphenated(tok)
            and cue_applies(tok, lexicon)
        ):
            found = _verb_cue(sent, k, offset, lexicon, prev, anon)
            if found is not None and found.verb_class.startswith("anon"):
                anon = anon or found
                found = None
        if found is None:
            continue
        if found.claimant is None:
            evidence_only = evidence_only or found
            continue
        return found
    return anon or evidence_only


def _verb_cue(
    sent: Span,
    k: int,
    offset: int,
    lexicon: ClaimsLexicon,
    prev: Claimant | None,
    anon: _Found | None,
) -> _Found | None:
    doc = sent.doc
    tok = doc[k]
    low = tok.lower_
    cls = lexicon.verbs[low]
    nxt = doc[k + 1] if k + 1 < sent.end else None
    lives = nxt is not None and (
        nxt.like_num
        or (nxt.lower_ == "the" and k + 2 < sent.end and doc[k + 2].lower_ == "lives")
        or nxt.lower_ == "lives"
    )
    if cls == "claim" and lives:
        return None  # "the strike claimed 12 lives"
    if low in ("called", "call") and k > sent.start and doc[k - 1].lower_ == "so":
        return None  # "so called" written without its hyphen
    if cls == "show" and (nxt is None or not nxt.is_punct):
        return None  # only sentence-final "..., photos showed."
    if cls == "cite":
        rest = sent.doc[k + 1 : sent.end].text.lower()
        if " as saying" in rest:
            span = np_after(sent, k + 1)
            return _from_np(sent, span, "say", offset, lexicon, prev) if span else None
        return None
    b = k - 1
    while b > sent.start and doc[b].pos_ == "ADV" and doc[b].lower_ not in ("not", "never"):
        b -= 1  # "Fighting was also reported in ...": the passive past an adverb
    if b < k - 1 and doc[b].lower_ in ("is", "are", "was", "were") and low == "reported":
        return _Found(_cue_claimant(sent, b, k + 1, offset), "anon-reported")
    if k - 1 >= sent.start and doc[k - 1].lower_ in BE_FORMS and cls == "say":
        # "is reported to", "it is said that", "were said to": an unnamed source
        start = k - 1
        if start - 1 >= sent.start and doc[start - 1].lower_ == "it":
            start -= 1
        if nxt is not None and (nxt.lower_ in ("to", "that") or start < k - 1):
            return _Found(_cue_claimant(sent, start, k + 1, offset), "anon-reported")
        return None
    return _subject(sent, k, offset, lexicon, prev)


def _cue_claimant(sent: Span, start: int, end: int, offset: int) -> Claimant:
    doc = sent.doc
    last = doc[end - 1]
    return Claimant(
        doc[start:end].text,
        offset + doc[start].idx,
        offset + last.idx + len(last.text),
        "anonymous",
    )


def _modality(found: _Found | None, sent: Span, lexicon: ClaimsLexicon) -> Modality:
    has_report = found is not None and found.claimant is not None
    denied = has_report and any(
        lexicon.verbs.get(t.lower_) == "deny" and _is_verb(t) and not governed(t) for t in sent
    )
    if (
        has_report
        and found is not None
        and found.verb_class == "say"
        and DISMISSAL.search(sent.text)
    ):
        denied = True
    if denied:
        return "denied"
    own = own_modality(sent, has_report)
    if own is not None:
        return cast(Modality, own)
    if found is None or found.claimant is None:
        return "asserted"
    if found.verb_class in ("claim", "anon-claimed"):
        return "claimed"
    return "reported"


def analyse_sentence(
    sent: Span, offset: int = 0, prev: _State | None = None, lexicon: ClaimsLexicon | None = None
) -> SentenceClaim:
    """The claim of one sentence; ``prev`` carries the last claimant of the text."""
    lexicon = lexicon or ClaimsLexicon.bundled()
    prev_claimant = prev.claimant if prev is not None else None
    found = find_claimant(sent, offset, prev_claimant, lexicon)
    if found is None or found.claimant is None:
        parsed = parse_claimant(sent, lexicon)  # only where the pipeline parsed the sentence
        if parsed is not None:
            span, cls = parsed
            found = _from_np(sent, span, cls, offset, lexicon, prev_claimant) or found
    first = sent[0] if len(sent) else None
    quoted = first is not None and first.text in QUOTES
    if (found is None or found.claimant is None) and prev is not None and prev_claimant and quoted:
        found = _Found(prev_claimant, "say", prev.evidence, carried=True)
    modality = _modality(found, sent, lexicon)
    evidence: Evidence | None = find_evidence(sent.text, lexicon)
    if found is not None and found.evidence is not None and evidence is None:
        evidence = found.evidence
    if modality == "denied":
        evidence = "disputed"
    elif modality in ("future", "hypothetical"):
        evidence = None
    elif evidence is None:
        carried = found is not None and found.carried and prev is not None
        evidence = (prev.evidence if carried and prev is not None else None) or "none_cited"
    hedges = tuple(h[0] for h in find_hedges(sent, lexicon))
    claimant = (
        found.claimant
        if found is not None and found.claimant is not None
        else Claimant(None, None, None, "author")
    )
    return SentenceClaim(
        start=offset + sent.start_char,
        end=offset + sent.end_char,
        claim=Claim(claimant, modality, hedges, evidence),
        carried=bool(found and found.carried),
    )


def split_missed(sent: Span) -> list[Span]:
    """Split where the statistical segmenter missed a plain full stop ("on June 5. ISW ...")."""
    parts: list[Span] = []
    start = sent.start
    doc = sent.doc
    for k in range(sent.start + 1, sent.end - 1):
        tok = doc[k]
        nxt = doc[k + 1]
        if tok.text == "." and tok.whitespace_ and nxt.text[:1].isupper() and k + 1 > start + 1:
            parts.append(doc[start : k + 1])
            start = k + 1
    parts.append(doc[start : sent.end])
    return parts


def _resolve_anaphor(result: SentenceClaim, history: list[Claimant]) -> SentenceClaim:
    """ "the ministry said" takes type and side from the last claimant that named a ministry."""
    c = result.claim.claimant
    words = (c.text or "").lower().split()
    if len(words) != 2 or words[0] not in ("the", "its"):
        return result
    for earlier in reversed(history[-6:]):
        if earlier.text and words[1] in earlier.text.lower() and earlier.text != c.text:
            fixed = replace(c, type=earlier.type, side=c.side or earlier.side)
            return replace(result, claim=replace(result.claim, claimant=fixed))
    return result


def analyse_doc(
    doc: Doc,
    offset: int = 0,
    lexicon: ClaimsLexicon | None = None,
    *,
    outlets: Sequence[str] = (),
) -> list[SentenceClaim]:
    """The claim of every sentence of ``doc``, attribution carried across sentences.

    A disclaimer sentence disputes the claim before it; ``outlets`` (lower-case
    names, ``context.outlet_names``): the article's own outlet(s), whose naming of
    themselves is their own voice.
    """
    lexicon = lexicon or ClaimsLexicon.bundled()
    state = _State()
    history: list[Claimant] = []
    out: list[SentenceClaim] = []
    for index, sent in enumerate(s for whole in doc.sents for s in split_missed(whole)):
        if not sent.text.strip():
            continue
        usable = state if index - state.index <= CARRY_WINDOW else _State()
        result = _resolve_anaphor(analyse_sentence(sent, offset, usable, lexicon), history)
        out.append(result)
        if result.claim.claimant.type != "author":
            history.append(result.claim.claimant)
        if result.claim.claimant.type != "author":
            ev = result.claim.evidence
            state = _State(result.claim.claimant, ev if ev != "none_cited" else None, index)
    # own voice first: a disclaimer after the outlet's own sentence disputes nothing
    return apply_disclaimers(apply_own_voice(out, outlets), doc.text, offset)
