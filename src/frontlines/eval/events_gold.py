"""The events gold set: reading and validating ``resources/gold/events/*.jsonl``.

Two kinds of line (see the README beside the gold files):

- a **sentence** (``sentences.jsonl``): ``{"id", "published", "text", "negative",
  "events": [...]}``; the whole text is one scoring unit;
- an **article** (``articles.jsonl``): ``{"id", "published", "title",
  "paragraphs": [[sentence, ...], ...], "events": [{"sentence": k, ...}],
  "tolerate": [k, ...]}``; the text is the sentences joined by a space within
  a paragraph and a blank line between paragraphs, and every sentence is one
  scoring unit. ``tolerate`` marks sentences that only elaborate an event
  annotated elsewhere (a toll, a denial): whatever is predicted there is ignored.

Every problem is a ``GoldSetError`` naming ``file:line``; nothing is skipped.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..acled import SUB_EVENT_TYPES as SUB_EVENT_TYPES_MAP
from ..errors import GoldSetError
from .common import bundled

ACLED_TYPES = SUB_EVENT_TYPES_MAP
EVENT_TYPES = tuple(dict.fromkeys(ACLED_TYPES.values()))
SUB_EVENT_TYPES = tuple(ACLED_TYPES)
QUANTITY_KINDS = (
    "fatalities", "injured", "arrested", "abducted", "displaced", "equipment", "deployed", "area",
)  # fmt: skip
# Gold events are reported facts; denied/hypothetical/future mentions are negatives.
GOLD_MODALITIES = ("asserted", "reported", "claimed")
NEGATIVE_KINDS = ("negated", "hypothetical", "future", "generic", "non_conflict")


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str  # the surface string, as it appears in the unit's text
    name: str  # canonical-ish name (ACLED actor name when the text is a paraphrase)


@dataclass(frozen=True, slots=True)
class GoldQuantity:
    kind: str
    low: float | None
    best: float | None
    high: float | None
    category: str | None = None
    status: str | None = None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    sub_event_type: str
    event_type: str
    trigger: str
    actor1: GoldActor | None = None
    actor2: GoldActor | None = None
    date: tuple[str, int] | None = None  # (ISO value, ACLED time precision 1..3)
    quantities: tuple[GoldQuantity, ...] = ()
    modality: str = "asserted"


@dataclass(frozen=True, slots=True)
class GoldUnit:
    """One scoring unit (a sentence) and the events it reports."""

    id: str
    start: int  # into GoldDoc.text
    end: int
    events: tuple[GoldEvent, ...] = ()
    tolerate: bool = False
    negative: str | None = None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    id: str
    text: str
    published: date
    units: tuple[GoldUnit, ...]
    title: str | None = None
    register: str | None = None  # wire | state | monitor | partisan | acled


def default_gold() -> Path:
    return bundled("gold", "events")


def corpus_sha256(path: Path | None = None) -> str:
    """Hash of the gold files (sorted by name), pinned beside the floors."""
    path = path or default_gold()
    digest = hashlib.sha256()
    for f in sorted(path.glob("*.jsonl")) if path.is_dir() else [path]:
        digest.update(f.read_bytes())
    return digest.hexdigest()


def article_text(paragraphs: list[list[str]]) -> tuple[str, list[tuple[int, int]]]:
    """The text of an article and each sentence's (start, end) in it."""
    spans: list[tuple[int, int]] = []
    parts: list[str] = []
    pos = 0
    for p, sentences in enumerate(paragraphs):
        if p:
            parts.append("\n\n")
            pos += 2
        for s, sentence in enumerate(sentences):
            if s:
                parts.append(" ")
                pos += 1
            spans.append((pos, pos + len(sentence)))
            parts.append(sentence)
            pos += len(sentence)
    return "".join(parts), spans


def load_gold(path: Path | None = None) -> list[GoldDoc]:
    """Every gold document under ``path`` (a folder of .jsonl files, or one file)."""
    path = path or default_gold()
    if path.is_dir():
        files = sorted(path.glob("*.jsonl"))
    elif path.is_file():
        files = [path]
    else:
        raise GoldSetError(f"no gold set at {path}")
    if not files:
        raise GoldSetError(f"no .jsonl files in {path}")
    docs: list[GoldDoc] = []
    seen: set[str] = set()
    for f in files:
        with f.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                where = f"{f}:{n}"
                try:
                    obj = json.loads(line)
                except ValueError as exc:
                    raise GoldSetError(f"{where}: not JSON ({exc})") from exc
                doc = parse_doc(obj, where)
                if doc.id in seen:
                    raise GoldSetError(f"{where}: duplicate id {doc.id!r}")
                seen.add(doc.id)
                docs.append(doc)
    return docs


def parse_doc(obj: Any, where: str) -> GoldDoc:
    """One gold line (sentence or article) into a ``GoldDoc``; ``where`` names it in errors."""
    if not isinstance(obj, dict):
        raise GoldSetError(f"{where}: expected a JSON object")
    doc_id = _str(obj, "id", where)
    published = _date(obj.get("published"), where, "published")
    events_raw = obj.get("events", [])
    if not isinstance(events_raw, list):
        raise GoldSetError(f"{where}: 'events' must be a list")
    if "paragraphs" in obj:
        return _article(obj, doc_id, published, events_raw, where)
    text = _str(obj, "text", where)
    negative = obj.get("negative")
    if negative is not None and negative not in NEGATIVE_KINDS:
        raise GoldSetError(f"{where}: unknown negative kind {negative!r}")
    events = tuple(_event(e, text, where) for e in events_raw)
    if bool(events) == (negative is not None):
        raise GoldSetError(f"{where}: a line has events or a 'negative' kind, not both or neither")
    unit = GoldUnit(doc_id, 0, len(text), events, negative=negative)
    return GoldDoc(doc_id, text, published, (unit,), register=_opt_str(obj, "register"))


def _article(
    obj: dict[str, Any], doc_id: str, published: date, events_raw: list[Any], where: str
) -> GoldDoc:
    paragraphs = obj["paragraphs"]
    if not (
        isinstance(paragraphs, list)
        and paragraphs
        and all(
            isinstance(p, list) and p and all(isinstance(s, str) for s in p) for p in paragraphs
        )
    ):
        raise GoldSetError(f"{where}: 'paragraphs' must be a non-empty list of sentence lists")
    text, spans = article_text(paragraphs)
    tolerate = obj.get("tolerate", [])
    if not isinstance(tolerate, list) or any(
        not isinstance(k, int) or not 0 <= k < len(spans) for k in tolerate
    ):
        raise GoldSetError(f"{where}: 'tolerate' must list sentence indices below {len(spans)}")
    by_sentence: dict[int, list[GoldEvent]] = {}
    for raw in events_raw:
        k = raw.get("sentence") if isinstance(raw, dict) else None
        if not isinstance(k, int) or not 0 <= k < len(spans):
            raise GoldSetError(f"{where}: event sentence index {k!r} out of range")
        if k in tolerate:
            raise GoldSetError(f"{where}: sentence {k} is both annotated and tolerated")
        start, end = spans[k]
        by_sentence.setdefault(k, []).append(_event(raw, text[start:end], where))
    units = tuple(
        GoldUnit(f"{doc_id}#{k}", s, e, tuple(by_sentence.get(k, ())), k in tolerate)
        for k, (s, e) in enumerate(spans)
    )
    return GoldDoc(
        doc_id, text, published, units, _opt_str(obj, "title"), _opt_str(obj, "register")
    )


def _event(raw: Any, text: str, where: str) -> GoldEvent:
    if not isinstance(raw, dict):
        raise GoldSetError(f"{where}: an event must be a JSON object")
    sub = raw.get("sub_event_type")
    if sub not in ACLED_TYPES:
        raise GoldSetError(f"{where}: unknown sub-event type {sub!r}")
    etype = raw.get("event_type")
    if etype != ACLED_TYPES[sub]:
        raise GoldSetError(
            f"{where}: event type {etype!r} does not match sub-event type {sub!r}"
            f" (expected {ACLED_TYPES[sub]!r})"
        )
    trigger = _str(raw, "trigger", where)
    if trigger not in text:
        raise GoldSetError(f"{where}: trigger {trigger!r} is not in the sentence")
    modality = raw.get("modality", "asserted")
    if modality not in GOLD_MODALITIES:
        raise GoldSetError(f"{where}: modality {modality!r} not one of {GOLD_MODALITIES}")
    return GoldEvent(
        sub_event_type=sub,
        event_type=etype,
        trigger=trigger,
        actor1=_actor(raw.get("actor1"), text, where),
        actor2=_actor(raw.get("actor2"), text, where),
        date=_gold_date(raw.get("date"), where),
        quantities=tuple(_quantity(q, where) for q in raw.get("quantities") or ()),
        modality=modality,
    )


def _actor(raw: Any, text: str, where: str) -> GoldActor | None:
    if raw is None:
        return None
    if isinstance(raw, str):
        raw = {"text": raw, "name": raw}
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        raise GoldSetError(f"{where}: an actor is null, a string or {{'text', 'name'}}")
    surface = raw["text"]
    if surface not in text:
        raise GoldSetError(f"{where}: actor text {surface!r} is not in the sentence")
    name = raw.get("name") or surface
    return GoldActor(surface, str(name))


def _gold_date(raw: Any, where: str) -> tuple[str, int] | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise GoldSetError(f"{where}: a date is null or {{'value', 'precision'}}")
    value = _date(raw.get("value"), where, "date value")
    precision = raw.get("precision")
    if precision not in (1, 2, 3):
        raise GoldSetError(f"{where}: date precision must be 1, 2 or 3, not {precision!r}")
    return value.isoformat(), int(precision)


def _quantity(raw: Any, where: str) -> GoldQuantity:
    if not isinstance(raw, dict) or raw.get("kind") not in QUANTITY_KINDS:
        kind = raw.get("kind") if isinstance(raw, dict) else raw
        raise GoldSetError(f"{where}: unknown quantity kind {kind!r}")
    bounds = [raw.get(k) for k in ("low", "best", "high")]
    if any(b is not None and not isinstance(b, (int, float)) for b in bounds):
        raise GoldSetError(f"{where}: quantity bounds must be numbers or null")
    low, best, high = (float(b) if b is not None else None for b in bounds)
    if low is not None and best is not None and low > best:
        raise GoldSetError(f"{where}: quantity low {low} above best {best}")
    if high is not None and best is not None and best > high:
        raise GoldSetError(f"{where}: quantity best {best} above high {high}")
    return GoldQuantity(raw["kind"], low, best, high, raw.get("category"), raw.get("status"))


def _str(obj: dict[str, Any], key: str, where: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value:
        raise GoldSetError(f"{where}: missing or empty {key!r}")
    return value


def _opt_str(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    return value if isinstance(value, str) else None


def _date(value: Any, where: str, what: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise GoldSetError(f"{where}: {what} {value!r} is not an ISO date") from exc
