"""frontlines.claims: who claims it (attribution), with what evidence and hedging,
in what modality; propaganda-technique flags; the outlet registry; article profiles.

What the batch calls (offsets into ``Article.text``):

- ``attribute_events(docs, offsets, events, *, source=None, original_source=None) -> list[Event]``
- ``find_flags(doc, offset) -> list[Flag]``
- ``detect_original_source(text, segments, own=None) -> str | None``
- ``profile(extraction) -> ArticleProfile``
"""

from __future__ import annotations

from .attribution import SentenceClaim, analyse_doc, analyse_sentence
from .events import attribute_events, sentence_claims
from .flags import find_flags, find_flags_text
from .profile import ArticleProfile, profile
from .sources import Outlet, SourceRegistry, detect_original_source

__all__ = [
    "ArticleProfile",
    "Outlet",
    "SentenceClaim",
    "SourceRegistry",
    "analyse_doc",
    "analyse_sentence",
    "attribute_events",
    "detect_original_source",
    "find_flags",
    "find_flags_text",
    "profile",
    "sentence_claims",
]
