"""One pure per-batch function: articles in, extractions out.

``process_batch`` is the only entry point the CLI, the store-backed runner, the
local process pool and (later) the Ray adapter call. It holds no state between
calls except the cached spaCy pipeline, so it can run in any worker.

How a batch flows:
1. segments: readers that know the structure (HTML, feeds) give them; plain
   text goes through ``segment.segment_text``.
2. analysed spans: only title and body segments are analysed; boilerplate and
   reader comments never produce events, places or flags.
3. each analysed span becomes one spaCy ``Doc`` (``nlp.pipe`` over all spans of
   the batch). Its character offsets are relative to the span, so every
   extractor takes ``offset`` (the span's start in ``Article.text``) and returns
   records whose offsets are into ``Article.text``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

from .types import Article, Extraction, Segment

ANALYSED_KINDS = ("title", "body")


def article_segments(article: Article) -> tuple[Segment, ...]:
    """The article's segments: the reader's when it gave them, else the segmenter's."""
    if article.segments:
        return article.segments
    from .segment import segment_text

    return segment_text(article.text)


def analysed_spans(segments: Sequence[Segment]) -> list[Segment]:
    """Title and body segments, in document order: the text extractors look at."""
    return [s for s in sorted(segments, key=lambda s: s.start) if s.kind in ANALYSED_KINDS]


def process_batch(
    articles: Sequence[Article],
    *,
    published: date | None = None,
    source: str | None = None,
) -> list[Extraction]:
    """Extract everything frontlines knows from a batch of articles, in input order.

    ``published`` and ``source`` override what the readers found (the CLI's
    ``--published`` and ``--source``).
    """
    if published is not None or source is not None:
        articles = [
            dataclasses.replace(
                a,
                published=published if published is not None else a.published,
                source=source if source is not None else a.source,
            )
            for a in articles
        ]
    results: list[Extraction] = []
    for article in articles:
        segments = article_segments(article)
        results.append(Extraction(article=article, segments=segments))
    return results
