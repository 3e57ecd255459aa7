"""The ACLED codebook's actor conventions on top of the syntactic roles.

``roles.roles`` says who did what to whom in the grammar of a sentence; ACLED
codes some event types in a fixed order whatever the grammar: demonstration
events put the demonstrators first and the force that intervened second; a
bombing's actor is the group that claimed it, not "a suicide bomber"; a battle
has two sides even when the sentence names the second one outside the verb's
arguments ("... after a week of fighting with government forces").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from .role_phrases import _SAY, ARMED, ActorRef, KnownActor, _pobj, actor_ref
from .roles import _dedupe, _known_at, sentence_actors

# ACLED codes every demonstration event with the demonstrators as actor1 and the
# force that intervened (if any) as actor2, whoever is the grammatical subject
# ("police fired tear gas at protesters" -> Protesters, Police).
PROTEST_SUBS = frozenset(
    {
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
        "Violent demonstration",
    }
)
_CROWD = frozenset({5, 6, 7})
_FORCE = frozenset({1, 2, 3, 8})


def acled_roles(
    doc: Doc,
    sub_event_type: str,
    actor1: Sequence[ActorRef],
    actor2: Sequence[ActorRef],
    known: Sequence[KnownActor] = (),
) -> tuple[tuple[ActorRef, ...], tuple[ActorRef, ...]]:
    """Actor1/actor2 after the codebook's conventions for ``sub_event_type``:
    demonstration events put the demonstrators first and the intervening force
    second; an anonymous attacker yields to the group that claimed the attack;
    a battle without a second side takes the other armed actor of the sentence.
    Never invents a name: every actor returned is a phrase of ``doc``."""
    if sub_event_type not in PROTEST_SUBS:
        a1, a2 = list(actor1), list(actor2)
        # A suicide bomber or "gunmen" is coded as the group that claimed them.
        if not a1 or all(r.inter == 3 and not _named(r, known) for r in a1):
            claimant = claimed_by(doc, known)
            if claimant is not None and claimant not in a2:
                a1 = [claimant]
        if not a1 and sub_event_type == "Suicide bomb":
            # "Two suicide bombers blew themselves up": the trigger is the actor.
            a1 = [
                r
                for r in sentence_actors(doc, known)
                if r.inter in ARMED
                and doc[r.head].dep_ == "nsubj"
                and not _speaker(doc[r.head])
                and r not in a2
            ][:1]
        if sub_event_type in _BATTLES and a1 and not a2:
            a2 = _other_side(doc, a1, known)
        return tuple(a1), tuple(a2)
    both = _dedupe([*actor1, *actor2])
    force = [r for r in both if r.inter in _FORCE]
    others = sentence_actors(doc, known)
    # Protesters before rioters before other civilians ("students", "people"
    # detained or killed), the earliest mention first: the demonstrators are
    # named before what was done to them.
    rank = {6: 0, 5: 1, 7: 2}
    crowd = sorted(
        (r for r in _dedupe([*both, *others]) if r.inter in _CROWD),
        key=lambda r: (rank[r.inter or 7], r.start),
    )[:1]
    if not crowd:  # an untyped subject of the protest ("Thousands of Georgians rallied")
        crowd = [r for r in actor1 if r.inter is None][:1]
    if not force and sub_event_type != "Peaceful protest":
        force = [r for r in others if r.inter == 1][:1]
    return tuple(crowd), tuple(force)


_BATTLES = frozenset(
    {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"}
)
_CLAIMED = frozenset(
    {"responsibility", "attack", "bombing", "strike", "assault", "operation", "blast", "killing"}
)


def claimed_by(doc: Doc, known: Sequence[KnownActor]) -> ActorRef | None:
    """The group a sentence says claimed or was blamed for the attack: "Islamic
    State claimed responsibility", "the BLA said it carried out the attack",
    "the army said, blaming ELN guerrillas"."""
    for tok in doc:
        lemma = tok.lemma_.lower()
        if lemma in ("claim", "carry", "conduct") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _CLAIMED for c in tok.children
        ):
            for c in tok.children:
                if c.dep_ == "nsubj":
                    ref = actor_ref(c, known)
                    if ref is not None and _typed(ref, known):
                        return ref
        elif lemma in ("blame", "accuse"):
            for c in tok.children:
                obj = c if c.dep_ == "dobj" else _pobj(c) if c.lower_ == "on" else None
                ref = actor_ref(obj, known) if obj is not None else None
                if ref is not None and _typed(ref, known) and ref.inter != 7:
                    return ref
    return None


def _typed(ref: ActorRef, known: Sequence[KnownActor]) -> bool:
    return ref.inter is not None or _known_at(ref, known)


def _named(ref: ActorRef, known: Sequence[KnownActor]) -> bool:
    return any(k.start <= ref.head < k.end and not k.generic for k in known)


def _speaker(tok: Token) -> bool:
    """The subject of a speech verb ("..., the army said")."""
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _SAY


def _other_side(doc: Doc, a1: Sequence[ActorRef], known: Sequence[KnownActor]) -> list[ActorRef]:
    """The armed actor a battle was fought against when the syntax did not say:
    another armed actor in the sentence, not the speaker, not a1's own side."""
    names = {r.name.casefold() for r in a1}
    spans = [(r.start, r.end) for r in a1]
    for ref in sentence_actors(doc, known):
        if ref.inter not in ARMED or ref.name.casefold() in names:
            continue
        if any(s <= ref.head < e for s, e in spans) or _speaker(doc[ref.head]):
            continue
        # "militants" beside "Taliban fighters" is the same side, unnamed.
        if any(r.inter == ref.inter for r in a1) and not (
            _named(ref, known) and all(_named(r, known) for r in a1)
        ):
            continue
        return [ref]
    return []
