"""Quantities in a sentence: fatalities, injured, arrested, abducted, displaced,
equipment by category and status, deployments and area, each with low/best/high.

``find_quantities(span, offset)`` reads one sentence (or any span). It finds
count phrases with ``numbers.find_counts``, then for each one:
1. rejects numbers that are not counts (dates, years, times, ages, money,
   percentages, designators such as "Brigade 46" or "Route 5", addresses);
2. finds the counted noun after it, skipping modifiers ("33 Turkish soldiers",
   "dozens of civilian casualties", "5 T-72 tanks") — people, equipment
   (resources/quantities/equipment.tsv) or a square unit of area;
3. finds what happened to them: through the dependency parse when the doc has
   one (noun -> governing verb), else (and as a fallback) the nearest trigger
   word in a small token window before or after ("killing 33 soldiers",
   "33 soldiers were killed", "the death toll rose to 33").

Kind decisions, documented:
- "casualties"/"losses" of people are killed *or* wounded, and people "lost"
  ("the enemy lost up to 240 servicemen") likewise. The contract's kinds have
  none for that, and ACLED does not code casualties as fatalities (its figure
  is the deaths a source states); a "fatalities" quantity with high = N would
  still put N into any range or contradiction check of deaths. So they are
  not returned (a kind "casualties" in ``types.QuantityKind`` would let them
  be). Deaths stated inside them are: "100,000 casualties, including 20,000
  killed" gives fatalities 20,000. Equipment "losses" stay equipment.
- People "destroyed", "neutralised", "eliminated" (Russian MoD style) are
  fatalities; people "captured"/"taken prisoner" are "arrested", people
  "seized"/"kidnapped" are "abducted".
- A number counts the noun right after it ("five of the group's fighters")
  and goes with that noun's verb; a bare number closing a clause ("the
  strikes, which he put at 73, had killed five") takes no verb across the comma.
- A part of a figure ("35 fighters were killed, among them 20 soldiers",
  "4 injured, 3 of them critically") takes the kind of the figure, unless a
  word right by it says otherwise. "Two of the dead" is a share of a toll given
  elsewhere: its kind comes from "dead", and ``acled_fatalities`` never adds it.
- Vague words that count nothing are dropped: partitives of a named group
  ("many of the dead", "a number of them") and negated ones ("did not
  include many", "not many").
- "a"/"an" before a person or a piece of equipment counts one ("a soldier was
  killed", "shot down a Mi-8 helicopter").
- Members of a list share the verb ("destroyed 5 tanks, 3 APCs and 2 trucks").
- Parts of a larger figure ("including 4 children") are returned too;
  ``acled_fatalities`` leaves them (and casualties) out of a sentence's total.
- Deployments need a counted noun (troops or equipment): a bare "sent 5,000"
  says nothing about what was sent.
- Equipment needs a status or deployment trigger: "the army has 3,000 tanks"
  is an inventory, not an event.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from ..types import Quantity, QuantityKind
from .numbers import Bounds, CountMatch, find_counts, tokenize
from .quantity_filters import (
    NUMERIC_DATE_RE,
    bare_not_a_count,
    is_upper,
    not_a_count,
    vague_not_a_count,
)
from .quantity_heads import AREA_RE as AREA_RE  # re-exported
from .quantity_heads import KM2_PER_UNIT as KM2_PER_UNIT  # re-exported
from .quantity_heads import _Head, _head, _trigger_at, _unlisted_people
from .quantity_lexicon import (
    AUXILIARIES,
    BARE_OK,
    OF_A_TOTAL_RE,
    SENTENCE_STOPS,
    SHARE_BEFORE_RE,
    lexicon,
)
from .quantity_parts import SUBSET_AFTER, part_of_figure
from .quantity_parts import acled_fatalities as acled_fatalities  # re-exported
from .quantity_parts import is_subset as is_subset  # re-exported

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from .numbers import Tok

ONE = Bounds(1.0, 1.0, 1.0)  # "a soldier", "a Mi-8 helicopter"
CLAUSE_JOINERS = {"and", "but", "while", "whereas"}
LIST_GLUE = {",", "and", "as", "well", "plus", "including", "also", "all"}
# Trigger kinds that are already the kind of a quantity of people.
PEOPLE_KINDS: dict[str, QuantityKind] = {
    k: k for k in ("fatalities", "injured", "arrested", "abducted", "displaced", "deployed")
}
WINDOW_BEFORE = 8
WINDOW_AFTER = 6
# A bare figure ("33 were killed", "killed at least 33") sits right by its verb.
BARE_WINDOW_BEFORE = 4
BARE_WINDOW_AFTER = 4
# "the death toll ... rose to 33": a toll anywhere earlier in the sentence.
TOLL_VERBS = {"to", "at", "reached", "hit", "stood", "stands", "surpassed", "exceeded"}


def _compatible(head: _Head, kind: str, status: str | None) -> bool:
    if kind == "seized":  # equipment and ground are captured, people abducted
        return head.what != "bare"
    if head.what == "equipment" and head.category == "missile":
        return kind == "loss" and status == "shot down"  # a missile that "destroyed" is a strike
    if head.what == "equipment":
        return kind in ("loss", "deployed", "casualties")
    if head.what == "area":
        return kind == "loss" and status == "captured"
    if kind == "deployed":
        return head.what == "people"
    if kind == "loss":  # "destroyed 40 militants", "lost thousands of troops"
        return head.what == "people" and status in ("destroyed", "captured", None)
    return True


def _window_trigger(toks: list[Tok], ci: int, head: _Head) -> tuple[int, str, str | None] | None:
    """(distance, kind, status) of the nearest compatible trigger before the count or
    after the counted noun."""
    best: tuple[int, str, str | None] | None = None
    bare = head.what == "bare"
    after, before = (
        (BARE_WINDOW_AFTER, BARE_WINDOW_BEFORE) if bare else (WINDOW_AFTER, WINDOW_BEFORE)
    )
    j = head.end_tok
    while j < min(len(toks), head.end_tok + after):
        if toks[j].text in SENTENCE_STOPS or toks[j].text[0].isdigit():
            break
        if bare and toks[j].text == ",":
            break  # "the strikes, which he put at 73, had killed five": 73 ends its clause
        if toks[j].text in CLAUSE_JOINERS and head.what != "bare":
            break  # "rescued 16 hostages and killed eight": the verb after "and" is not theirs
        found = _trigger_at(toks, j)
        # "two persons, injuring 13 others": a gerund after the noun starts the next clause.
        if found and _compatible(head, found[0], found[1]) and not toks[j].text.endswith("ing"):
            best = (j - head.end_tok, found[0], found[1])
            break
        j += 1
    # "33 soldiers were killed", "millions have been displaced": a passive wins.
    if best is not None and head.end_tok < len(toks) and toks[head.end_tok].text in AUXILIARIES:
        return best
    lo = ci
    while lo > max(0, ci - before) and toks[lo - 1].text not in SENTENCE_STOPS:
        lo -= 1
    for j in range(lo, ci):
        found = _trigger_at(toks, j)
        if found and _compatible(head, found[0], found[1]):
            distance = ci - (j + found[2])
            if head.what == "people" and found[0] == "loss" and distance > 1:
                continue  # "destroyed up to 40 militants" counts; "destroyed houses and left 300 people" not
            if distance >= 0 and (best is None or distance < best[0]):
                best = (distance, found[0], found[1])
    return best


def _after_toll(toks: list[Tok], ci: int) -> bool:
    """'The death toll ... rose to 33': a toll noun earlier in the sentence, a toll verb just before."""
    if ci == 0 or toks[ci - 1].text not in TOLL_VERBS:
        return False
    for j in range(ci - 1, -1, -1):
        if toks[j].text in SENTENCE_STOPS:
            return False
        if toks[j].text == "toll":
            return True
    return False


def _parse_trigger(
    doc_span: Span | Doc, local_start: int, local_end: int, head: _Head
) -> tuple[str, str | None] | None:
    """The governing word of the counted noun, when it is a trigger (needs a parse)."""
    doc = cast("Doc", getattr(doc_span, "doc", doc_span))
    if not doc.has_annotation("DEP"):
        return None
    base = getattr(doc_span, "start_char", 0)
    span = doc.char_span(base + local_start, base + local_end, alignment_mode="expand")
    if span is None:
        return None
    triggers = lexicon().triggers
    tok = span.root
    for _ in range(3):
        if tok.head is tok:
            break
        tok = tok.head
        for form in (tok.lower_, tok.lemma_.lower()):
            found = triggers.get((form,))
            if found and _compatible(head, found[0], found[1]):
                return found
    return None


def _to_quantity(
    head: _Head, trigger: tuple[str, str | None], match: CountMatch, text: str, offset: int
) -> Quantity | None:
    kind, status = trigger
    if kind == "seized":
        kind, status = ("abducted", None) if head.what == "people" else ("loss", "captured")
    low, best, high = match.bounds
    q_kind: QuantityKind
    category = head.category
    unit = None
    if head.what == "area":
        q_kind, unit = "area", "km2"
        low, best, high = (None if v is None else v * head.km2 for v in (low, best, high))
    elif head.what == "equipment":
        q_kind = "deployed" if kind == "deployed" else "equipment"
        if kind != "loss":
            status = None
    elif kind == "casualties" or (kind == "loss" and status is None):  # people "lost"
        return None  # killed *or* wounded: no kind of the contract holds it (module docstring)
    elif kind == "loss":
        q_kind = "fatalities" if status == "destroyed" else "arrested"
        status = None
    elif kind in PEOPLE_KINDS:
        q_kind = PEOPLE_KINDS[kind]
        status = None
        if kind == "deployed":
            category = "troops"
    else:
        return None
    end = head.end_char
    return Quantity(
        kind=q_kind,
        low=low,
        best=best,
        high=high,
        text=text[match.start : end],
        start=offset + match.start,
        end=offset + end,
        category=category,
        status=status,
        unit=unit,
    )


def _singular_head(text: str, toks: list[Tok], head: _Head) -> bool:
    """'a soldier was killed' yes; 'a terrorist attack', 'a civilian car': the noun is attributive."""
    if head.what not in ("people", "equipment"):
        return False
    if head.end_tok >= len(toks):
        return True
    nxt = toks[head.end_tok]
    return not (
        nxt.text.isalpha()
        and nxt.text not in BARE_OK
        and nxt.text not in lexicon().people
        and _trigger_at(toks, head.end_tok) is None
        and not is_upper(text, nxt)
    )


def _candidates(text: str, toks: list[Tok]) -> list[CountMatch]:
    """Count phrases, plus "a"/"an" before a noun ("a Mi-8 helicopter", "a soldier"): one."""
    counts = find_counts(text)
    taken = [(c.start, c.end) for c in counts]
    for tok in toks:
        if tok.text in ("a", "an") and not any(s <= tok.start < e for s, e in taken):
            counts.append(CountMatch(tok.start, tok.end, ONE, vague=False))
    return sorted(counts, key=lambda c: c.start)


@dataclass
class _Found:
    match: CountMatch
    ci: int
    head: _Head
    trigger: tuple[str, str | None] | None


def _trigger_for(
    text: str,
    toks: list[Tok],
    ci: int,
    head: _Head,
    match: CountMatch,
    doc_span: Span | Doc | None,
) -> tuple[str, str | None] | None:
    window = _window_trigger(toks, ci, head)
    if window is not None and window[0] <= 1:
        return window[1:]  # adjacent words beat the noun itself and a (possibly wrong) parse
    if head.noun_kind and _compatible(head, *head.noun_kind):
        return head.noun_kind  # "21 hostages", "300 refugees"
    if doc_span is not None and head.what != "bare":
        parsed = _parse_trigger(doc_span, match.start, head.end_char, head)
        if parsed is not None:
            return parsed
    if window is not None:
        return window[1:]
    if _after_toll(toks, ci):
        return ("fatalities", None)
    return None


def _share_list_triggers(found: list[_Found], toks: list[Tok]) -> None:
    """'12 tanks, 25 armoured vehicles and 9 artillery systems': list members share a verb."""
    for a, b in itertools.pairwise(found):
        between = {t.text for t in toks[a.head.end_tok : b.ci]}
        if (
            not between
            or not between <= LIST_GLUE
            or a.head.what == "bare"
            or b.head.what == "bare"
        ):
            continue
        if a.trigger is None and b.trigger is not None and _compatible(a.head, *b.trigger):
            a.trigger = b.trigger
        elif b.trigger is None and a.trigger is not None and _compatible(b.head, *a.trigger):
            b.trigger = a.trigger
    # a second pass carries a trigger along lists of three or more
    for a, b in itertools.pairwise(found):
        between = {t.text for t in toks[a.head.end_tok : b.ci]}
        carry = between and between <= LIST_GLUE and b.trigger is None and b.head.what != "bare"
        if carry and a.trigger is not None and _compatible(b.head, *a.trigger):
            b.trigger = a.trigger


def quantities_in_text(
    text: str, offset: int = 0, doc_span: Span | Doc | None = None
) -> list[Quantity]:
    """Quantities in plain text (``doc_span``, when given, lends its dependency parse)."""
    toks = tokenize(text)
    date_spans = [(m.start(), m.end()) for m in NUMERIC_DATE_RE.finditer(text)]
    starts = {t.start: k for k, t in enumerate(toks)}
    ends = {t.end: k for k, t in enumerate(toks)}
    found: list[_Found] = []
    candidates = _candidates(text, toks)
    totals: set[int] = set()  # starts of "the 122" in "87 of the 122 missiles"
    for n, match in enumerate(candidates):
        ci, last = starts.get(match.start), ends.get(match.end)
        if ci is None or last is None or match.start in totals:
            continue
        ce = last + 1
        if not_a_count(text, toks, ci, ce, match) or vague_not_a_count(text, toks, ce, match):
            continue
        if any(s <= match.start < e or s < match.end <= e for s, e in date_spans):
            continue
        if SHARE_BEFORE_RE.search(text, max(0, match.start - 30), match.start):
            continue  # "intercepted the vast majority of about 300 drones": 300 is the total
        head = _head(text, toks, ce, match)
        whole = candidates[n + 1] if n + 1 < len(candidates) else None
        if whole is not None and OF_A_TOTAL_RE.fullmatch(text, match.end, whole.start):
            # "shot down 87 of the 122 missiles": 87 counts the missiles; 122 is no loss
            whole_end = ends.get(whole.end)
            if whole_end is not None:
                head = _head(text, toks, whole_end + 1, whole) or head
                totals.add(whole.start)
        if head is None and match.bounds is not ONE:
            head = _unlisted_people(text, toks, ci, ce)
        if head is None or (match.bounds is ONE and not _singular_head(text, toks, head)):
            continue
        if head.what == "bare" and bare_not_a_count(toks, ci, text[match.start : match.end]):
            continue
        found.append(_Found(match, ci, head, _trigger_for(text, toks, ci, head, match, doc_span)))
    _share_list_triggers(found, toks)
    _inherit_part_triggers(found, text, toks)
    out: list[Quantity] = []
    for f in found:
        if f.trigger is None:
            continue
        quantity = _to_quantity(f.head, f.trigger, f.match, text, offset)
        if quantity is not None:
            out.append(quantity)
    return out


def find_quantities(span: Span | Doc, offset: int = 0) -> list[Quantity]:
    """Quantities in a spaCy span or doc; offsets are the span's char offsets + ``offset``."""
    base = getattr(span, "start_char", 0)
    return quantities_in_text(span.text, base + offset, span)


def _inherit_part_triggers(found: list[_Found], text: str, toks: list[Tok]) -> None:
    """'35 fighters were killed, among them 20 government soldiers': a part takes the kind
    of the figure it belongs to, unless a word right by it says otherwise ('100,000
    casualties, including 20,000 killed')."""
    for k, f in enumerate(found):
        if not part_of_figure(text, f.match.start, f.head.end_char):
            continue
        # "three journalists were among the 19 killed": the whole comes after the part
        after = SUBSET_AFTER.match(text[f.head.end_char : f.head.end_char + 40])
        at = k + 1 if after else k - 1
        if not 0 <= at < len(found):
            continue
        whole = found[at]
        if whole.trigger is None or not _compatible(f.head, *whole.trigger):
            continue
        own = _window_trigger(toks, f.ci, f.head)
        if own is None or own[0] > 1:
            f.trigger = whole.trigger
