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
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from .acled import PLOVER_DEFAULTS, SUB_EVENT_TYPES
from .claims import attribute_events, detect_original_source, find_flags
from .events.actor_data import ActorDictionary, ActorEntry
from .events.actors import date_actors
from .events.classifier import SubEventClassifier, combine
from .geo.geocoder import Geocoder
from .geo.locate import locate_event
from .pipeline import EventContext, analyse, extract_article_events
from .types import Article, Event, Extraction, Place, Segment

ANALYSED_KINDS = ("title", "body")
# The sub-event classifier overrides only sentences this short (its training
# sentences have 23 words at most).
CLASSIFIER_MAX_WORDS = 25
_LINE_START = re.compile(r"\n[ \t]*(?=\S)")
# A wire dateline at the start of a line: "ANKARA/BEIRUT (Meridian) - ..."
_DATELINE_AGENCY = re.compile(
    r"^[A-Z][A-Z'.,/ -]{1,60}\(([A-Z][\w .&-]{1,40})\)\s*[-\u2013\u2014]", re.MULTILINE
)


def article_segments(article: Article) -> tuple[Segment, ...]:
    """The article's segments: the reader's when it gave them, else the segmenter's."""
    if article.segments:
        return article.segments
    from .segment import segment_text

    return segment_text(article.text)


def analysed_spans(segments: Sequence[Segment]) -> list[Segment]:
    """Title and body segments, in document order: the text extractors look at."""
    return [s for s in sorted(segments, key=lambda s: s.start) if s.kind in ANALYSED_KINDS]


def paragraph_starts(text: str) -> tuple[int, ...]:
    """Offsets (into ``text``) where paragraphs begin: every line that follows a newline.

    News text puts one paragraph on a line (wire copy, CSV exports) or separates
    them by blank lines; both give one start per non-blank line.
    """
    starts = [0]
    for match in _LINE_START.finditer(text):
        starts.append(match.end())
    return tuple(starts)


def _outlet_spans(article: Article) -> list[tuple[int, int]]:
    """Where the text names its own outlet: every occurrence of the outlet's (or the
    reposted original's) name, and the agency in a wire dateline such as
    "BEIRUT (Meridian) -". Place names inside them ("Free Idlib Media Centre",
    "Maritime Incident Watch") are part of a name, not places."""
    spans = [(m.start(1), m.end(1)) for m in _DATELINE_AGENCY.finditer(article.text)]
    for name in {article.source, article.original_source} - {None}:
        assert name is not None
        pattern = re.compile(re.escape(name), re.IGNORECASE)
        spans.extend((m.start(), m.end()) for m in pattern.finditer(article.text))
    return spans


def _with_overrides(
    articles: Sequence[Article], published: date | None, source: str | None
) -> Sequence[Article]:
    if published is None and source is None:
        return articles
    return [
        dataclasses.replace(
            a,
            published=published if published is not None else a.published,
            source=source if source is not None else a.source,
        )
        for a in articles
    ]


def _locate(events: list[Event], places: list[Place], text: str) -> list[Event]:
    """Give each event the place where it happened; an event whose sentence names
    no place takes the location of the event before it (the article's running
    context, as a human coder reads it)."""
    located: list[Event] = []
    previous: Place | None = None
    for event in events:
        where = locate_event(
            places,
            (event.sentence.start, event.sentence.end),
            (event.trigger.start, event.trigger.end),
            text,
        )
        where = where or previous
        previous = where
        located.append(dataclasses.replace(event, location=where))
    return located


def _second_opinion(events: list[Event], text: str) -> list[Event]:
    """Let the sub-event classifier correct the rules where it is very sure.

    The rules decide whether there is an event and where; the classifier (a
    textcat trained on sentences written from the codebook) only re-types an
    event it scores at p >= OVERRIDE_PROBABILITY for another sub-event type,
    and only when the event is the sole one of its sentence (the classifier
    sees whole sentences) and the sentence is no longer than the classifier's
    training sentences (at most 23 words; longer multi-clause sentences mislead
    it, e.g. "soldiers were killed in an air strike ..., as rebels launched an
    attack near the town" scored 0.996 for a territory change). It never
    removes an event.
    """
    if not events:
        return events
    per_sentence = Counter(e.sentence.start for e in events)
    single = [
        e
        for e in events
        if per_sentence[e.sentence.start] == 1
        and len(text[e.sentence.start : e.sentence.end].split()) <= CLASSIFIER_MAX_WORDS
    ]
    if not single:
        return events
    clf = SubEventClassifier.bundled()
    scores = clf.predict([text[e.sentence.start : e.sentence.end] for e in single])
    relabel = {}
    for event, score in zip(single, scores, strict=True):
        label = combine(event.sub_event_type, False, score)
        if label is not None and label != event.sub_event_type:
            plover_type, plover_mode = PLOVER_DEFAULTS[label]
            relabel[id(event)] = dataclasses.replace(
                event,
                event_type=SUB_EVENT_TYPES[label],
                sub_event_type=label,
                plover_type=plover_type,
                plover_mode=plover_mode,
            )
    return [relabel.get(id(e), e) for e in events]


@lru_cache(maxsize=1)
def _generic_actors() -> dict[str, ActorEntry]:
    """Canonical name -> entry of the generic actors ("Military Forces", "Civilians")."""
    return {e.name: e for e in ActorDictionary.bundled() if e.generic}


def _place_actors(events: list[Event], published: date | None) -> list[Event]:
    """Give generic actors the country where their event happened, as ACLED codes
    them: "regime forces" shelling a village in Idlib are "Military Forces of
    Syria", demonstrators in Khartoum "Protesters (Sudan)". Actors the text
    already ties to a country ("Turkish troops") are not generic and stay."""
    generic = _generic_actors()
    dictionary = ActorDictionary.bundled()
    out = []
    for event in events:
        cc = event.location.country if event.location else None
        if cc and any(a.name in generic for a in event.actors):
            actors = []
            for actor in event.actors:
                entry = generic.get(actor.name)
                placed = dictionary.with_country(entry, cc, published) if entry else None
                if placed is not None:
                    actor = dataclasses.replace(
                        actor, name=placed.name, side=placed.side, inter=placed.inter
                    )
                actors.append(actor)
            event = dataclasses.replace(event, actors=tuple(actors))
        out.append(event)
    return out


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
    articles = _with_overrides(articles, published, source)
    segments = [article_segments(a) for a in articles]
    # One analysed text per title/body segment, all analysed in one nlp.pipe run.
    owners: list[int] = []
    texts: list[str] = []
    contexts: list[EventContext] = []
    for k, (article, segs) in enumerate(zip(articles, segments, strict=True)):
        for seg in analysed_spans(segs):
            chunk = article.text[seg.start : seg.end]
            owners.append(k)
            texts.append(chunk)
            contexts.append(
                EventContext(
                    offset=seg.start,
                    published=article.published,
                    paragraph_starts=paragraph_starts(chunk),
                    is_title=seg.kind == "title",
                )
            )
    docs = analyse(texts)
    geocoder = Geocoder.default()
    by_article: list[list[int]] = [[] for _ in articles]
    for j, k in enumerate(owners):
        by_article[k].append(j)

    results: list[Extraction] = []
    for k, article in enumerate(articles):
        own_docs = [docs[j] for j in by_article[k]]
        own_contexts = [contexts[j] for j in by_article[k]]
        if article.original_source is None:
            original = detect_original_source(article.text, segments[k], own=article.source)
            if original is not None:
                article = dataclasses.replace(article, original_source=original)
        names = _outlet_spans(article)
        places = [
            place
            for doc, ctx in zip(own_docs, own_contexts, strict=True)
            for place in geocoder.geoparse(doc, ctx.offset, article.text)
            if not any(start <= place.start and place.end <= end for start, end in names)
        ]
        offsets = [ctx.offset for ctx in own_contexts]
        for doc, ctx in zip(own_docs, own_contexts, strict=True):
            date_actors(doc, ctx.published)  # actor names valid on the article's date
        events = extract_article_events(own_docs, own_contexts) if own_docs else []
        events = _second_opinion(events, article.text)
        events = attribute_events(
            own_docs,
            offsets,
            _place_actors(_locate(events, places, article.text), article.published),
            source=article.source,
            original_source=article.original_source,
        )
        flags = [
            flag
            for doc, off in zip(own_docs, offsets, strict=True)
            for flag in find_flags(doc, off)
        ]
        results.append(
            Extraction(
                article=article,
                segments=segments[k],
                events=tuple(events),
                places=tuple(places),
                flags=tuple(flags),
            )
        )
    return results
