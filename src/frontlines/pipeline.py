"""The spaCy pipeline of frontlines, and running it fast.

Two stages, so extraction costs no more than a plain ``nlp.pipe`` of the model:

1. over the whole analysed text: tok2vec, tagger, attribute_ruler, lemmatizer,
   ner, the statistical sentence segmenter ("senter", which the model ships
   disabled; far cheaper than the parser), the actors component (after "ner")
   and our trigger marker. Places and actors need NER everywhere.
2. the dependency parser only on sentences with a trigger. ``Span.as_doc()``
   copies the sentence's slice of ``doc.tensor``, and the parser's tok2vec
   listener reads ``doc.tensor`` at prediction time, so stage 2 runs the parser
   alone, batched over every candidate sentence of the batch.

``analyse`` runs both stages and hangs the parsed sentences on the doc
(``doc._.fl_parsed``); ``extract_events_batch`` turns them into events.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import accumulate
from typing import Any

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from .events.dates import best_date, find_dates
from .events.extract import SentenceInput, article_events, known_actors
from .events.triggers import COMPONENT as TRIGGER_COMPONENT
from .events.triggers import candidate_sentences
from .nlp import load_model
from .nlp_fast import use_fast_rule_pipes
from .types import DateValue, Event

ACTORS_COMPONENT = "frontlines_actors_v1"
PARSED = "fl_parsed"
BATCH_SIZE = 64

if not Doc.has_extension(PARSED):
    # [(sentence start token in the doc, parsed sentence doc)]
    Doc.set_extension(PARSED, default=None)


@dataclass(frozen=True, slots=True)
class EventContext:
    """Where an analysed doc sits in its article.

    ``offset``: the doc's first character in ``Article.text``; ``published``:
    the article's date (relative dates resolve against it); ``paragraph_starts``:
    character offsets (into the doc) where paragraphs begin, for date
    inheritance; ``is_title``: the doc is the article's title.
    """

    offset: int
    published: date | None = None
    paragraph_starts: tuple[int, ...] = ()
    is_title: bool = False


PARAGRAPHS_COMPONENT = "frontlines_paragraph_breaks_v1"


@Language.component(PARAGRAPHS_COMPONENT)
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence (headlines, datelines, list items, and
    paragraphs the senter would run together); the senter keeps preset starts."""
    for tok in doc[:-1]:
        if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
            doc[tok.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def build_nlp() -> Language:
    """The English model plus our components (cached: one per process)."""
    nlp = load_model()
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    if PARAGRAPHS_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS_COMPONENT, before="senter")
    if ACTORS_COMPONENT not in nlp.pipe_names and _actors_registered():
        nlp.add_pipe(ACTORS_COMPONENT, after="ner")
    if TRIGGER_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(TRIGGER_COMPONENT, last=True)
    use_fast_rule_pipes(nlp)  # same annotations, memoised (see nlp_fast)
    return nlp


def _actors_registered() -> bool:
    try:  # importing the module registers the actors component's factory
        importlib.import_module("frontlines.events.actors")
    except ImportError:
        return False
    return True


def analyse(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> list[Doc]:
    """Stage 1 over the texts, stage 2 (parser) over their candidate sentences."""
    nlp = build_nlp()
    docs = list(nlp.pipe(texts, batch_size=batch_size, disable=["parser"]))
    parse_candidates(docs, batch_size=batch_size)
    return docs


def parse_candidates(docs: Sequence[Doc], batch_size: int = BATCH_SIZE) -> None:
    """Parse the trigger-bearing sentences of ``docs`` in one batched parser run."""
    parser: Any = build_nlp().get_pipe("parser")
    owners: list[tuple[int, int]] = []
    sent_docs: list[Doc] = []
    for k, doc in enumerate(docs):
        doc._.set(PARSED, [])
        # One array of the doc for all its sentences: without it ``as_doc`` exports
        # the whole doc again for every sentence. (It edits only the sentence's own
        # rows of the array, and sentences do not overlap.)
        head: Any = None
        array: Any = None
        for sent in candidate_sentences(doc):
            sent_any: Any = sent  # spaCy's stubs lack as_doc's array arguments
            if head is None:
                head = doc._get_array_attrs()
                array = doc.to_array(head)
            owners.append((k, sent.start))
            sent_docs.append(sent_any.as_doc(array_head=head, array=array))
    for (k, start), parsed in zip(
        owners, parser.pipe(sent_docs, batch_size=batch_size), strict=True
    ):
        docs[k]._.get(PARSED).append((start, parsed))


@dataclass
class _DocSentences:
    """An analysed doc's sentences: the parsed ones as inputs, all of them for dates."""

    doc: Doc
    ctx: EventContext
    inputs: list[SentenceInput]
    spans: list[Span]  # every sentence of the doc, in order
    index: list[int]  # inputs[k] is spans[index[k]]
    paragraph: list[int]  # paragraph number of each span
    _dates: dict[int, DateValue | None]
    _hints: _DateHints | None = None

    def date(self, k: int) -> DateValue | None:
        """Date of inputs[k]: its own, else the last one earlier in its paragraph."""
        i = self.index[k]
        for j in range(i, -1, -1):
            if self.paragraph[j] != self.paragraph[i]:
                break
            if j not in self._dates:
                span = self.spans[j]
                if self._hints is None:
                    self._hints = _DateHints(self.doc)
                found = (
                    find_dates(span, self.ctx.published, self.ctx.offset)
                    if self._hints.may_hold_date(span)
                    else []
                )
                self._dates[j] = best_date(found)
            if self._dates[j] is not None:
                return self._dates[j]
        return None


# Words that start a date expression the NER may not tag as DATE.
_DATE_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "yesterday",
        "today",
        "tonight",
        "overnight",
        "ago",
        "dawn",
    ]
)


def _date_like(lower: str, is_digit: bool, text: str) -> bool:
    """A month or weekday name, a relative day word, a year-like number, or a
    slash date: worth running the date finder on."""
    return lower in _DATE_WORDS or (is_digit and len(text) == 4) or "/" in text


_DATE_LIKE_ORTH: dict[int, bool] = {}  # _date_like per word form (all follow from ORTH)


class _DateHints:
    """Cheap pre-check before the date finder, for every sentence of one doc: a
    DATE/TIME entity in the sentence, or a ``_date_like`` token. Reads
    ``doc.ents`` and the tokens once per doc, not once per sentence."""

    def __init__(self, doc: Doc) -> None:
        self._ents = [(e.start, e.end, e.label_ in ("DATE", "TIME")) for e in doc.ents]
        self._ent_starts = [e[0] for e in self._ents]
        flags = []
        for orth in doc.to_array([ORTH]).tolist():
            flag = _DATE_LIKE_ORTH.get(orth)
            if flag is None:
                lex = doc.vocab[orth]
                flag = _date_like(lex.lower_, bool(lex.is_digit), lex.orth_)
                if len(_DATE_LIKE_ORTH) < 500_000:
                    _DATE_LIKE_ORTH[orth] = flag
            flags.append(flag)
        # prefix counts of date-like tokens
        self._counts = [0, *accumulate(flags)]

    def may_hold_date(self, span: Span) -> bool:
        # Span.ents: the doc's entities from the span's start on, up to the
        # first one that ends past the span.
        for k in range(bisect_left(self._ent_starts, span.start), len(self._ents)):
            _start, end, is_date = self._ents[k]
            if end > span.end:
                break
            if is_date:
                return True
        return self._counts[span.end] > self._counts[span.start]


def parsed_sentences(doc: Doc) -> dict[int, Doc]:
    """The parsed sentence docs of an analysed doc, by their first character in
    ``doc`` (only sentences with an event trigger are parsed; others need none)."""
    parsed = doc._.get(PARSED) or []
    return {doc[start].idx: sent_doc for start, sent_doc in parsed}


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def paragraph_starts(text: str) -> list[int]:
    """Character offsets where paragraphs begin: the start and after blank lines."""
    return [0, *(m.end() for m in _BLANK_LINE.finditer(text))]


def _doc_sentences(doc: Doc, ctx: EventContext) -> _DocSentences:
    parsed = doc._.get(PARSED)
    if parsed is None:
        parse_candidates([doc])
        parsed = doc._.get(PARSED)
    by_start = dict(parsed)
    paragraphs = sorted(ctx.paragraph_starts) or paragraph_starts(doc.text)
    out = _DocSentences(doc, ctx, [], [], [], [], {})
    for i, sent in enumerate(doc.sents):
        out.spans.append(sent)
        out.paragraph.append(bisect_right(paragraphs, sent.start_char))
        sent_doc = by_start.get(sent.start)
        if sent_doc is not None:
            out.index.append(i)
            out.inputs.append(
                SentenceInput(
                    sent_doc,
                    ctx.offset + sent.start_char,
                    known_actors(doc, sent),
                    out.paragraph[-1],
                    ctx.is_title,
                )
            )
    return out


def extract_article_events(docs: Sequence[Doc], contexts: Sequence[EventContext]) -> list[Event]:
    """All events of one article from its analysed docs (title, body segments).

    The batch layer calls this once per article with that article's docs (from
    ``analyse``) and their contexts; offsets of the result are into
    ``Article.text``. Dates never cross a segment (or paragraph) boundary.
    """
    parts = [_doc_sentences(d, c) for d, c in zip(docs, contexts, strict=True)]
    order = sorted(
        ((p, k) for p in parts for k in range(len(p.inputs))),
        key=lambda pk: pk[0].inputs[pk[1]].offset,
    )
    published = next((c.published for c in contexts if c.published is not None), None)
    return article_events(
        [p.inputs[k] for p, k in order], lambda i: order[i][0].date(order[i][1]), published
    )


def extract_events_batch(
    docs: Sequence[Doc], contexts: Sequence[EventContext]
) -> list[list[Event]]:
    """Events of each doc on its own (one doc = one article)."""
    return [extract_article_events([d], [c]) for d, c in zip(docs, contexts, strict=True)]


def extract_texts(texts: Sequence[str], published: date | None = None) -> list[list[Event]]:
    """Convenience: events of plain texts (each text one article, offset 0)."""
    docs = analyse(texts)
    return extract_events_batch(docs, [EventContext(0, published) for _ in docs])


__all__ = [
    "EventContext",
    "analyse",
    "build_nlp",
    "extract_article_events",
    "extract_events_batch",
    "extract_texts",
    "parse_candidates",
    "parsed_sentences",
]
