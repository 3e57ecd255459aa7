"""Claims onto events: each event takes the claim of the sentence holding its trigger."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from ..types import Event, Modality
from .attribution import SentenceClaim, analyse_doc
from .context import outlet_names
from .hedges import find_evidence
from .lexicon import ClaimsLexicon


def sentence_claims(
    docs: Sequence[Doc],
    offsets: Sequence[int],
    lexicon: ClaimsLexicon | None = None,
    *,
    source: str | None = None,
    original_source: str | None = None,
) -> list[SentenceClaim]:
    """``analyse_doc`` over an article's analysed docs (title, body segments)."""
    outlets = outlet_names((source, original_source))
    out: list[SentenceClaim] = []
    for doc, offset in zip(docs, offsets, strict=True):
        out.extend(analyse_doc(doc, offset, lexicon, outlets=outlets))
    return out


def attribute_events(
    docs: Sequence[Doc],
    offsets: Sequence[int],
    events: Sequence[Event],
    lexicon: ClaimsLexicon | None = None,
    *,
    source: str | None = None,
    original_source: str | None = None,
) -> list[Event]:
    """``events`` with ``claim`` filled from the sentence that holds each trigger.

    ``docs``/``offsets``: the article's analysed docs and their start in
    ``Article.text`` (what ``pipeline.analyse`` and ``batch.analysed_spans``
    give). An event's own trigger-scoped status (future, denied, hypothetical,
    set by the events extractor) wins over the sentence's. ``source`` /
    ``original_source``: the article's outlet and the one a repost names; where
    the text names them as the speaker, that is the outlet's own voice.
    """
    claims = sentence_claims(docs, offsets, lexicon, source=source, original_source=original_source)
    out: list[Event] = []
    for ev in events:
        at = ev.trigger.start if ev.trigger.start is not None else ev.sentence.start
        sc = next((c for c in claims if c.start <= at < c.end), None)
        if sc is None:
            out.append(ev)
            continue
        claim = sc.claim
        own = ev.claim.modality if ev.claim is not None else None
        if own in ("future", "denied", "hypothetical"):
            claim = replace(claim, modality=own, evidence=None if own != "denied" else "disputed")
        elif claim.modality in ("future", "hypothetical"):
            # the sentence's modal belongs to another clause: this event was kept as asserted
            base: Modality = "reported" if claim.claimant.type != "author" else "asserted"
            claim = replace(
                claim,
                modality=base,
                evidence=find_evidence(ev.sentence.text, ClaimsLexicon.bundled()) or "none_cited",
            )
        out.append(replace(ev, claim=claim))
    return out
