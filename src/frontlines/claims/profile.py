"""Per-article profile: how much an outlet says in its own voice, cites, and loads.

``profile(extraction)`` reads only the frozen records (events with claims,
flags, segments), so it works on stored extractions too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import Extraction

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass(frozen=True, slots=True)
class ArticleProfile:
    events: int
    own_voice_share: float | None  # events whose claimant is the outlet itself
    attributed_share: float | None  # events attributed to someone else
    no_evidence_share: float | None  # claimed events citing no evidence ("none_cited")
    flags_per_1000_words: float  # over title and body words
    comment_share: float  # share of the document's words in reader comments
    words: int  # title and body words
    flags: int
    original_source: str | None = None  # the outlet a repost names

    def to_json(self) -> dict[str, object]:
        return {
            "events": self.events,
            "own_voice_share": self.own_voice_share,
            "attributed_share": self.attributed_share,
            "no_evidence_share": self.no_evidence_share,
            "flags_per_1000_words": self.flags_per_1000_words,
            "comment_share": self.comment_share,
            "words": self.words,
            "flags": self.flags,
            "original_source": self.original_source,
        }


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def profile(extraction: Extraction) -> ArticleProfile:
    """Shares over the article's events, flag density over title+body, comment share."""
    text = extraction.article.text
    by_kind: dict[str, int] = {}
    for seg in extraction.segments:
        by_kind[seg.kind] = by_kind.get(seg.kind, 0) + _words(text[seg.start : seg.end])
    analysed = by_kind.get("title", 0) + by_kind.get("body", 0)
    if not extraction.segments:
        analysed = _words(text)
    total = sum(by_kind.values()) or analysed
    claims = [e.claim for e in extraction.events if e.claim is not None]
    n = len(extraction.events)
    own = sum(1 for c in claims if c.claimant.type == "author")
    # events without a claim were not attributed: the outlet's own voice
    own += n - len(claims)
    with_evidence_slot = [c for c in claims if c.evidence is not None]
    none_cited = sum(1 for c in with_evidence_slot if c.evidence == "none_cited")
    return ArticleProfile(
        events=n,
        own_voice_share=own / n if n else None,
        attributed_share=(n - own) / n if n else None,
        no_evidence_share=none_cited / len(with_evidence_slot) if with_evidence_slot else None,
        flags_per_1000_words=1000 * len(extraction.flags) / analysed if analysed else 0.0,
        comment_share=by_kind.get("comments", 0) / total if total else 0.0,
        words=analysed,
        flags=len(extraction.flags),
        original_source=extraction.article.original_source,
    )
