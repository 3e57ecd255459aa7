"""From parsed sentences to frozen ``Event`` records (offsets into the article).

One exit from the spaCy world for events: ``events_from_sentence`` turns one
parsed sentence doc into events (via ``rules.classify``), ``article_events``
assembles an article's events from its analysed docs, inherits dates within a
paragraph and merges reports of the same event in adjacent sentences.

Assertion status (decided here, documented in resources/events/README.md):
negated ("did not attack", "no clashes") and hypothetical ("could strike",
"if they attack", "called for a ceasefire") triggers are dropped before
typing: scorers count only asserted or reported events. Future ("will attack",
"threatened to storm") and denied ("denied carrying out the strike") events are
kept, with ``claim.modality`` set so a consumer can filter them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from spacy.tokens import Doc, Span, Token

from ..types import Actor, Claim, Claimant, DateValue, Event, Quantity, TextSpan
from .quantities import find_quantities
from .role_conventions import acled_roles
from .roles import ActorRef, KnownActor
from .rules import Decision, classify, trigger_head
from .triggers import TriggerHit, TriggerLexicon

Status = Literal["asserted", "negated", "hypothetical", "future", "denied", "generic"]

# Habitual or summary statements ("strikes them on a daily basis", "the war has
# killed 300,000 since 2011", "years of bombardment") are no single event.
HABITUAL = frozenset(
    {"regularly", "routinely", "frequently", "often", "usually", "daily", "constantly"}
)
SPAN_NOUNS = frozenset({"year", "month", "decade", "week"})

HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "should", "must", "can"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
FUTURE_VERBS = frozenset(
    {
        "plan",
        "intend",
        "threaten",
        "vow",
        "prepare",
        "aim",
        "pledge",
        "promise",
        "expect",
        "schedule",
        "mull",
        "want",
    }
)
HYPOTHETICAL_VERBS = frozenset(
    {
        "consider",
        "call",
        "urge",
        "demand",
        "propose",
        "fear",
        "risk",
        "avoid",
        "prevent",
        "seek",
        "ask",
        "warn",
        "appeal",
        "request",
        "push",
        "discuss",
        "study",
        "refuse",
        "hope",
        "wish",
        "need",
        "ready",
        "prepared",
        "able",
        "willing",
        "unable",
    }
)
NEGATING_VERBS = frozenset({"fail", "refuse", "prevent", "avoid", "halt", "stop", "deter"})
DENY_VERBS = frozenset({"deny", "refute", "dismiss", "reject"})
# Climb from the trigger to its governors only through these relations: a clause
# that is the complement of "plan", "deny", "call for" (not a separate event).
_CLIMB = frozenset(
    {"xcomp", "ccomp", "dobj", "pcomp", "pobj", "prep", "conj", "nsubjpass", "attr", "acl"}
)
# Cues whose own words are negative ("without resistance", "no resistance").
_NEGATIVE_CUES = frozenset({"transfer"})


def is_generic(head: Token) -> bool:
    """A habitual or summary statement rather than one event."""
    if any(t.lower_ in HABITUAL for t in head.sent):
        return True
    # "years of bombardment": the trigger counts a period, not an event.
    gov = head.head
    if head.dep_ == "pobj" and gov.lower_ == "of" and gov.head.lemma_.lower() in SPAN_NOUNS:
        return True
    # "over the past year", "during the last months": a tally, not an event.
    for tok in head.sent:
        if (
            tok.lemma_.lower() in SPAN_NOUNS - {"week"}
            and tok.i >= 2
            and head.doc[tok.i - 1].lower_ in ("past", "last", "previous")
            and any(
                t.lower_ in ("over", "during", "in", "throughout")
                for t in head.doc[max(0, tok.i - 4) : tok.i]
            )
        ):
            return True
    # "since 2011", "since the war began": a running total or background.
    for tok in head.sent:
        if tok.lower_ != "since":
            continue
        clause = tok.head if tok.dep_ == "mark" else tok
        if any(
            (t.like_num and len(t.text) == 4) or t.lemma_ in ("war", "conflict", "start", "begin")
            for t in clause.subtree
        ):
            return True
    # "more than 150000 people have been killed in the war": a tally.
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children) and any(
        t.like_num and t.text.replace(",", "").isdigit() and int(t.text.replace(",", "")) >= 1000
        for t in head.sent
    ):
        return True
    # "a bombing campaign", "the war on terror": the trigger names a whole campaign.
    return head.head.lemma_.lower() in ("campaign", "war") and head.dep_ in ("compound", "amod")


def _nobody(tok: Token) -> bool:
    if tok.lower_ in ("nobody", "none", "noone"):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


_PRIORITY: tuple[Status, ...] = ("negated", "hypothetical", "denied", "future")


def assertion_status(head: Token, cue: str = "") -> Status:
    """How the sentence holds the event whose trigger is headed by ``head``.

    Every marker on the way from the trigger up its governors counts, the
    strongest wins: "residents fear the regime will attack" is hypothetical,
    not future; "denied plans to withdraw" hypothetical, not denied.
    """
    if is_generic(head):
        return "generic"
    found: set[Status] = set()
    tok = head
    for depth in range(5):
        for c in tok.children:
            negator = c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in ("no", "neither"))
            # "no resistance" is itself the cue of a transfer, not its negation.
            if negator and depth <= 1 and not (cue in _NEGATIVE_CUES and c.lower_ == "no"):
                found.add("negated")
            if c.dep_ in ("aux", "auxpass") and c.lower_ in HYPOTHETICAL_AUX:
                found.add("hypothetical")
            if c.dep_ == "aux" and c.lower_ in FUTURE_AUX:
                found.add("future")
            if depth == 0 and c.dep_ in ("nsubj", "nsubjpass") and _nobody(c):
                found.add("negated")  # "nobody was injured", "no one was killed"
            if c.dep_ == "det" and c.lower_ in ("any", "every") and depth <= 1:
                found.add("hypothetical")
            if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                found.add("hypothetical")
        if depth > 0:
            lemma = tok.lemma_.lower()
            if lemma in DENY_VERBS:
                found.add("denied")
            if lemma in NEGATING_VERBS:
                found.add("negated")
            if lemma in FUTURE_VERBS:
                found.add("future")
            if lemma in HYPOTHETICAL_VERBS:
                found.add("hypothetical")
        if tok.dep_ not in _CLIMB or tok.head == tok:
            break
        tok = tok.head
    return next((s for s in _PRIORITY if s in found), "asserted")


@dataclass(frozen=True, slots=True)
class SentenceInput:
    """One parsed sentence and where it sits in the article."""

    doc: Doc  # the parsed sentence (``Span.as_doc()`` of the analysed doc)
    offset: int  # article character offset of the sentence's first character
    known: tuple[KnownActor, ...] = ()
    paragraph: int = 0  # index of the paragraph holding it (dates inherit within one)
    is_title: bool = False


def known_actors(doc: Doc, sent: Span) -> tuple[KnownActor, ...]:
    """The actor dictionary's spans inside ``sent``, re-indexed to the sentence doc."""
    spans = doc.spans.get("fl_actors") if doc.spans is not None else None
    if not spans:
        return ()
    out = []
    for span in spans:
        if span.start < sent.start or span.end > sent.end:
            continue
        entry = span._.fl_actor if Span.has_extension("fl_actor") else None
        out.append(
            KnownActor(
                start=span.start - sent.start,
                end=span.end - sent.start,
                name=str(getattr(entry, "name", span.text)),
                side=getattr(entry, "side", None),
                inter=getattr(entry, "inter", None),
                generic=bool(getattr(entry, "generic", False)),
            )
        )
    return tuple(out)


def _actor(doc: Doc, ref: ActorRef, role: Literal["actor1", "actor2"], offset: int) -> Actor:
    span = doc[ref.start : ref.end]
    return Actor(
        role=role,
        text=span.text,
        start=offset + span.start_char,
        end=offset + span.end_char,
        name=ref.name,
        side=ref.side,
        inter=ref.inter,
    )


_MEDIA = frozenset({"video", "footage", "film", "photo", "picture", "image", "scene", "clip"})
_NAME_LABELS = frozenset({"ORG", "LAW", "EVENT", "WORK_OF_ART", "FAC"})


def _inside_name(doc: Doc, hit: TriggerHit) -> bool:
    """The trigger words are part of a longer name (an organisation, a treaty)."""
    for ent in doc.ents:
        if (
            ent.label_ in _NAME_LABELS
            and ent.start <= hit.start
            and hit.end <= ent.end
            and ent.end - ent.start > hit.end - hit.start
        ):
            return True
    return False


def _claim(status: Status) -> Claim | None:
    if status in ("future", "denied", "hypothetical"):
        return Claim(Claimant(None, None, None, "author"), status)
    return None


def events_from_sentence(
    sent: SentenceInput,
    lexicon: TriggerLexicon | None = None,
) -> list[Event]:
    """The events one parsed sentence holds (dates are set later, per article)."""
    doc = sent.doc
    lexicon = lexicon or TriggerLexicon.bundled()
    hits = lexicon.find(doc)
    if not hits:
        return []
    kept: list[TriggerHit] = []
    status_of: dict[int, Status] = {}
    for h in hits:
        if _inside_name(doc, h):
            continue  # "the Organisation for the Prohibition of Chemical Weapons"
        head = trigger_head(doc, h)
        if h.cue == "kill" and (
            head.dep_ == "amod" or (head.dep_ == "acl" and head.head.lemma_.lower() in _MEDIA)
        ):
            continue  # "wounded soldiers", "a video shot in Douma": a description
        status = assertion_status(head, h.cue)
        if status in ("negated", "hypothetical", "generic"):
            continue
        kept.append(h)
        status_of[h.start] = status
    decisions = classify(doc, kept, sent.known)  # main event first
    for k, d in enumerate(decisions):  # the codebook's actor order per event type
        a1, a2 = acled_roles(doc, d.sub_event_type, d.actor1, d.actor2, sent.known)
        decisions[k] = replace(d, actor1=a1, actor2=a2)
    if not decisions:
        return []
    quantities = tuple(find_quantities(doc, sent.offset))
    return [_event(doc, d, sent.offset, quantities, status_of[d.hit.start]) for d in decisions]


def _event(
    doc: Doc, d: Decision, offset: int, quantities: tuple[Quantity, ...], status: Status
) -> Event:
    trig = doc[d.hit.start : d.hit.end]
    actors = tuple(_actor(doc, a, "actor1", offset) for a in d.actor1) + tuple(
        _actor(doc, a, "actor2", offset) for a in d.actor2
    )
    return Event(
        sentence=TextSpan(doc.text.rstrip(), offset, offset + len(doc.text.rstrip())),
        trigger=TextSpan(trig.text, offset + trig.start_char, offset + trig.end_char),
        event_type=d.event_type,
        sub_event_type=d.sub_event_type,
        plover_type=d.plover_type,
        plover_mode=d.plover_mode,
        actors=actors,
        quantities=quantities,
        claim=_claim(status),
    )


# An event dated only by month or year ("in August 2013") this long before
# publication is background, not news. Day-precise dates are always kept: a
# snippet's own date may be far from whatever publication date it was given.
BACKGROUND_DAYS = 365


def _background(when: DateValue | None, published: date | None) -> bool:
    if when is None or when.value is None or published is None or when.precision < 2:
        return False
    try:
        value = date.fromisoformat(when.value[:10])
    except ValueError:
        return False
    return (published - value).days > BACKGROUND_DAYS


def article_events(
    sentences: Sequence[SentenceInput],
    date_for: Callable[[int], DateValue | None] | None = None,
    published: date | None = None,
) -> list[Event]:
    """All events of one article, in text order, same-event reports merged.

    ``date_for(i)`` gives the date of the events of ``sentences[i]`` (its own,
    or inherited within its paragraph); it is only called for sentences that
    hold events, since date finding costs more than event typing.
    """
    events: list[tuple[int, Event]] = []
    title_events: list[Event] = []
    for i, sent in enumerate(sentences):
        found = events_from_sentence(sent)
        if not found:
            continue
        when = date_for(i) if date_for is not None else None
        if _background(when, published):
            continue  # "In August 2013 a chemical attack killed ..." in a 2017 story
        for ev in found:
            ev = replace(ev, date=when) if when is not None else ev
            if sent.is_title:
                title_events.append(ev)
            else:
                events.append((i, ev))
    merged = _merge_adjacent(events, sentences)
    # A headline restates the body's main event: keep it only when the body lacks it.
    body_types = {e.sub_event_type for e in merged}
    return [e for e in title_events if e.sub_event_type not in body_types] + merged


def _places(doc: Doc, ev: Event, offset: int) -> set[str]:
    """Place-like names of a sentence: GPE/LOC/FAC entities and proper-noun objects
    that are not the event's actors (the small model tags many villages as ORG,
    PERSON or nothing)."""
    actor_chars = {i - offset for a in ev.actors for i in range(a.start, a.end)}
    names = {e.text.lower() for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")}
    names |= {
        t.lower_
        for t in doc
        if t.pos_ == "PROPN"
        and t.dep_ in ("pobj", "dobj")
        and t.ent_type_ not in ("NORP", "DATE")
        and t.idx not in actor_chars
    }
    return names


def _merge_adjacent(
    events: list[tuple[int, Event]], sentences: Sequence[SentenceInput]
) -> list[Event]:
    """Merge an event into the previous sentence's one of the same type, date and
    actors when no different place is named (one event told in two sentences)."""
    out: list[tuple[int, Event]] = []
    for i, ev in events:
        if out:
            j, prev = out[-1]
            near = sentences[i].offset - sentences[j].offset
            if j == i - 1 and _same_event(prev, ev, sentences[j], sentences[i]):
                out[-1] = (i, _union(prev, ev))
                continue
            if i - j <= 2 and near < 600 and _anaphoric(ev, sentences[i]):
                out[-1] = (i, _union(prev, ev))  # "the attack killed 12": same event
                continue
        out.append((i, ev))
    return [e for _, e in out]


def _same_event(a: Event, b: Event, sa: SentenceInput, sb: SentenceInput) -> bool:
    if a.sub_event_type != b.sub_event_type:
        return False
    if a.date and b.date and a.date.value != b.date.value:
        return False
    pa, pb = _places(sa.doc, a, sa.offset), _places(sb.doc, b, sb.offset)
    if pa and pb and not pa & pb:
        return False
    na = {x.name.lower() for x in a.actors}
    nb = {x.name.lower() for x in b.actors}
    return not (na and nb and not na & nb)


ANAPHORIC_NOUNS = frozenset(
    {
        "attack",
        "bombing",
        "blast",
        "explosion",
        "strike",
        "raid",
        "shelling",
        "massacre",
        "assault",
        "airstrike",
        "bombardment",
        "ambush",
        "clash",
        "fighting",
        "incident",
    }
)


def _anaphoric(ev: Event, sent: SentenceInput) -> bool:
    """Whether the event's trigger is a definite noun naming an event told before
    ("the attack", "this bombing") with no place of its own."""
    doc = sent.doc
    start = ev.trigger.start - sent.offset
    span = doc.char_span(start, ev.trigger.end - sent.offset, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    if head.pos_ != "NOUN" or head.lemma_.lower() not in ANAPHORIC_NOUNS:
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children):
        return False
    return not any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in head.subtree)


def _union(a: Event, b: Event) -> Event:
    seen = {(x.role, x.name.lower()) for x in a.actors}
    actors = a.actors + tuple(x for x in b.actors if (x.role, x.name.lower()) not in seen)
    return replace(a, actors=actors, quantities=a.quantities + b.quantities)
