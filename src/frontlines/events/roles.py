"""Who did what to whom: actor1 (initiator) and actor2 (target) of a trigger.

Works on a parsed sentence ``Doc``. Actor phrases are typed (ACLED ``inter``) from
the actor dictionary's spans when the actors component found one, else from the
phrase's head noun and modifiers (resources/events/actor_nouns.tsv), so the
decision rules can tell state forces from rebels, civilians and protesters; that
typing lives in role_phrases.py, the argument structure here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

# Re-exported: phrase typing moved to role_phrases; callers still import it from here.
from .role_phrases import ARMED as ARMED
from .role_phrases import ActorRef as ActorRef
from .role_phrases import KnownActor as KnownActor
from .role_phrases import _phrase_bounds, _pobj, _with_conjuncts
from .role_phrases import actor_nouns as actor_nouns
from .role_phrases import actor_ref as actor_ref
from .role_phrases import noun_inter as noun_inter


def argument_tokens(head: Token) -> tuple[list[Token], list[Token]]:
    """Heads of the initiator and target phrases of the trigger headed by ``head``."""
    a1: list[Token] = []
    a2: list[Token] = []
    if head.pos_ in ("NOUN", "PROPN"):
        for c in head.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < head.i:
                # "Fierce clashes", "heavy shelling": an adjective is an actor only
                # as a nationality ("Israeli strikes") or a typed word ("rebel attack").
                if c.pos_ == "ADJ" and c.ent_type_ not in ("NORP", "GPE") and noun_inter(c) is None:
                    continue
                a1.extend(_with_conjuncts(c))
            elif c.dep_ == "prep":
                _prep_roles(c, a1, a2, noun=True)
        for c in head.children:  # "a landmine planted by ISWAP fighters"
            if c.dep_ == "acl":
                for agent in (a for a in c.children if a.dep_ == "agent"):
                    a1.extend(_with_conjuncts(_pobj(agent) or agent))
        # "fired a barrage of rockets", "in hours of gun battles": the counting
        # noun carries the trigger's place in the clause.
        slot = head
        while slot.dep_ == "pobj" and slot.head.lower_ == "of" and slot.head.head.pos_ == "NOUN":
            slot = slot.head.head
        while (
            slot.dep_ == "pobj"
            and slot.head.lower_ in ("in", "during")
            and (slot.head.head.pos_ == "NOUN" and slot.head.head.dep_ == "pobj")
        ):
            slot = slot.head.head
        gov = slot.head
        if (
            slot.dep_ == "dobj"
            and head.lemma_.lower() in _EXPLOSIVES
            and gov.lemma_.lower() in _STRUCK_BY
        ):
            # "a convoy hit a roadside bomb", "soldiers stepped on a landmine"
            a2.extend(_subjects(gov))
        elif slot.dep_ in ("dobj", "attr") and gov.pos_ in ("VERB", "AUX"):
            subjects = _subjects(gov)
            climbed = gov.dep_ in ("advcl", "xcomp", "conj") and not subjects
            if climbed:  # "..., sparking a gun battle": the clause's subject
                subjects = _subjects(gov.head)
            a1.extend(subjects)
            if gov.lemma_.lower() in _RECIPROCAL and not a2:
                a1, a2 = _split_pair(a1, a2)  # "X and Y signed a ceasefire"
            for c in gov.children:  # "launched an attack on X" (prep on the verb)
                if c.dep_ == "prep" and c.lower_ != "by":
                    _prep_roles(c, a1, a2, noun=True)
            if climbed and not a2 and gov.head.pos_ == "VERB":
                a2.extend(_objects(gov.head))
        elif slot.dep_ in ("nsubj", "nsubjpass") and gov.pos_ in ("VERB", "AUX"):
            # "clashes erupted between X and Y", "fighting killed five civilians"
            between = any(c.dep_ == "prep" and c.lower_ == "between" for c in head.children)
            for c in gov.children:
                if c.dep_ == "prep" and c.lower_ == "between":
                    between = True
                    _prep_roles(c, a1, a2, noun=True)
                elif c.dep_ == "agent":
                    a1.extend(_with_conjuncts(_pobj(c) or c))
            if not between:  # the dead of "fighting between X and Y killed ..." are no side
                a2.extend(_objects(gov))
        elif slot.dep_ == "pobj" and gov.head.pos_ == "VERB":
            verb = gov.head
            a2.extend(t for t in verb.children if t.dep_ == "nsubjpass")
            if gov.lower_ in ("in", "during") and not a1:
                # "jihadists killed 160 civilians in an overnight raid"
                a1.extend(_subjects(verb))
                a2.extend(_objects(verb))
        return a1, [t for t in a2 if t not in a1]
    subjects = _subjects(head)
    passive = [c for c in head.children if c.dep_ == "nsubjpass"]
    if subjects and _struck_explosive(head):
        a2.extend(subjects)  # "soldiers stepped on a landmine"
    elif subjects:
        a1.extend(subjects)
    elif passive:
        a2.extend(t for p in passive for t in _with_conjuncts(p))
    elif _is_passive(head) and head.dep_ == "conj":
        # "attacked a base but were repelled by troops": the shared subject suffered.
        a2.extend(t for c in head.head.children if c.dep_ == "nsubj" for t in _with_conjuncts(c))
    elif head.dep_ in ("advcl", "xcomp", "conj", "pcomp") and head.head != head:
        a1.extend(_subjects(head.head))
        if head.dep_ == "conj" and not a1:
            a2.extend(t for t in head.head.children if t.dep_ == "nsubjpass")
    elif head.dep_ in ("acl", "relcl") and head.tag_ == "VBN":
        a2.append(head.head)
    elif head.dep_ == "acl" and head.tag_ == "VBG" and noun_inter(head.head) is not None:
        a1.append(head.head)  # "gunmen attacking a village", not "the town of X killing"
    # "shot dead by a sniper": the agent may hang off a particle of the trigger.
    for c in (c for t in (head, *head.children) for c in t.children):
        if c.dep_ == "agent":
            obj = _pobj(c)
            if obj is not None:
                a1.extend(_with_conjuncts(obj))
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "between":
            _prep_roles(c, a1, a2, noun=False)
        elif c.dep_ == "prep" and c.lower_ == "from" and head.lemma_.lower() in _TAKE:
            obj = _pobj(c)  # "captured the town from the rebels"
            if obj is not None:
                a2.extend(_with_conjuncts(obj))
    a2.extend(_objects(head))
    if not a2:  # "shot and killed a man": the object sits on the conjoined verb
        for other in head.conjuncts:
            a2.extend(_objects(other))
    if not a2 and head.lemma_.lower() in _RECIPROCAL:
        a1, a2 = _split_pair(a1, a2)  # "Russia and Ukraine exchanged prisoners"
    return a1, [t for t in a2 if t not in a1]


# Verbs whose conjoined subject names both sides ("X and Y clashed").
_RECIPROCAL = frozenset(
    {"clash", "fight", "exchange", "sign", "agree", "battle", "skirmish", "trade", "reach"}
)


def _split_pair(a1: list[Token], a2: list[Token]) -> tuple[list[Token], list[Token]]:
    """A conjoined subject: its first member initiates, the others are actor2."""
    if len(a1) >= 2 and all(t in a1[0].conjuncts for t in a1[1:]):
        return a1[:1], a1[1:] + a2
    return a1, a2


_EXPLOSIVES = frozenset({"mine", "landmine", "ied", "bomb", "device", "explosive"})
_STRUCK_BY = frozenset({"hit", "strike", "step", "run", "drive", "trigger"})
# Verbs of taking ground whose "from" object is the side that lost it.
_TAKE = frozenset(
    {"capture", "recapture", "seize", "take", "retake", "wrest", "regain", "reclaim", "liberate"}
)


def _nationals(tok: Token) -> bool:
    """A plural nationality noun ("Palestinians", "Afghans"): people, not a place."""
    return tok.ent_type_ == "NORP" and tok.tag_ in ("NNS", "NNPS")


def _struck_explosive(verb: Token) -> bool:
    """ "hit a roadside bomb", "stepped on a landmine": the subject is the victim."""
    if verb.lemma_.lower() not in _STRUCK_BY:
        return False
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    objs += [o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return any(o.lemma_.lower() in _EXPLOSIVES for o in objs)


def _victims(head: Token) -> list[Token]:
    """Objects of a participle of harm on the trigger's clause ("stormed a hotel,
    killing 21 civilians")."""
    verb = head if head.pos_ == "VERB" else head.head
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ in ("advcl", "conj") and c.lemma_.lower() in _HARM and c.tag_ == "VBG":
            out.extend(o for o in _objects(c) if o.i != head.i)
    return out


_HARM = frozenset({"kill", "wound", "injure", "leave", "abduct", "kidnap"})


# Nouns of acts whose "of" object is the one they were done to ("the arrest of",
# not "the bodies of").
_DONE_TO = frozenset(
    {
        *("killing", "murder", "assassination", "execution", "massacre", "lynching"),
        *("arrest", "detention", "abduction", "kidnapping", "disappearance"),
        *("shelling", "bombing", "bombardment", "siege", "torture", "beating"),
    }
)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _prep_roles(prep: Token, a1: list[Token], a2: list[Token], noun: bool) -> None:
    """Roles from a preposition on the trigger: "by X" initiates, "on/against X" is
    targeted, "between X and Y" opens with the initiator when none is known yet."""
    obj = _pobj(prep)
    if obj is None:
        return
    word = prep.lower_
    if word == "by" and noun:
        a1.extend(_with_conjuncts(obj))
    elif word in ("on", "against", "targeting", "with", "at") and noun:
        a2.extend(_with_conjuncts(obj))
    elif word == "of" and noun and prep.head.lemma_.lower() in _DONE_TO:
        a2.extend(_with_conjuncts(obj))  # "the killing of five civilians"
    elif word == "between":
        conj = list(_with_conjuncts(obj))
        if a1:
            a2.extend(conj)
        else:
            a1.append(conj[0])
            a2.extend(conj[1:])


def _subjects(verb: Token) -> list[Token]:
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            out.extend(_with_conjuncts(c))
    # A passive conjunct's shared subject is its patient, not its agent.
    if not out and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        if _is_passive(verb):
            return out
        for c in verb.head.children:
            if c.dep_ == "nsubj":
                out.extend(_with_conjuncts(c))
    return out


def _objects(verb: Token) -> list[Token]:
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ in ("dobj", "obj"):
            out.extend(_with_conjuncts(c))
        elif c.dep_ == "prep" and c.lower_ in (
            "on",
            "against",
            "with",
            "at",
            "targeting",
        ):
            obj = _pobj(c)
            if obj is not None:
                out.extend(_with_conjuncts(obj))
    if not out and verb.dep_ == "conj":
        for c in verb.head.children:
            if c.dep_ in ("dobj", "obj"):
                out.extend(_with_conjuncts(c))
    return out


def roles(head: Token, known: Sequence[KnownActor]) -> tuple[list[ActorRef], list[ActorRef]]:
    """Typed actor1 and actor2 phrases of the trigger headed by ``head``."""
    t1, t2 = argument_tokens(head)
    a1 = _dedupe(r for r in (_ref_or_holder(t, known, head, 1) for t in t1) if r is not None)
    if head.pos_ in ("NOUN", "PROPN"):
        # "a Russian air strike", "Israeli shelling": the state's forces (ACLED
        # "Military Forces of Russia"), unless the dictionary typed it otherwise.
        a1 = [
            replace(r, inter=1)
            if r.inter is None and head.doc[r.head].ent_type_ in ("NORP", "GPE")
            else r
            for r in a1
        ]
    # An untyped proper noun as target is mostly a place the small model mistook
    # for an organisation ("struck Saraqeb", "captured Kafr Nabl"): not an actor,
    # unless a person is what the verb takes ("detained Alexei Navalny").
    people = head.lemma_.lower() in _PERSON_VERBS

    def targets(holders: bool) -> list[ActorRef]:
        return _dedupe(
            r
            for r in (_ref_or_holder(t, known, head, 2 if holders else 0) for t in t2)
            if r is not None
            and not (
                r.inter is None
                and head.doc[r.head].pos_ == "PROPN"
                and not _known_at(r, known)
                and not (people and head.doc[r.head].ent_type_ in ("PERSON", "ORG"))
                and not _nationals(head.doc[r.head])
            )
        )

    # The owner of a place or unit only when no actor is named ("tortured detainees
    # at a military camp"), then the people a participle says were harmed.
    a2 = targets(holders=False) or targets(holders=True)
    if not a2:
        a2 = _dedupe(
            r for r in (actor_ref(t, known) for t in _victims(head)) if r is not None and r.inter
        )
    # "X and Y signed a ceasefire": a conjoined subject of a two-sided act.
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    if not a2 and len(a1) >= 2 and verb.lemma_.lower() in _RECIPROCAL:
        first = head.doc[a1[0].head]
        if all(head.doc[r.head] in first.conjuncts for r in a1[1:]):
            a1, a2 = a1[:1], a1[1:]
    # "killed five Palestinians": a nationality named as victims is civilians.
    a2 = [
        replace(r, inter=7) if r.inter is None and _nationals(head.doc[r.head]) else r for r in a2
    ]
    return a1, a2


# Verbs whose object is a person, so a PERSON entity there is no mistagged town.
_PERSON_VERBS = frozenset(
    {"arrest", "detain", "abduct", "kidnap", "assassinate", "execute", "behead", "apprehend"}
)
# Nouns whose "of" object or modifier names the actor they belong to: "a gathering
# of villagers", "RSF positions", "an army base", "operatives of the DSS".
_HOLDERS = frozenset(
    {
        "base",
        "position",
        "post",
        "outpost",
        "checkpoint",
        "bunker",
        "station",
        "convoy",
        "column",
        "patrol",
        "camp",
        "barracks",
        "headquarters",
        "stronghold",
        "hideout",
        "line",
        "trench",
        "vehicle",
        "gathering",
        "operative",
        "agent",
        "leader",
        "commander",
        "official",
        "member",
        "element",
        "cell",
        "faction",
        "wing",
        "detachment",
        "contingent",
        "street",
    }
)


def _ref_or_holder(
    tok: Token, known: Sequence[KnownActor], head: Token, role: int
) -> ActorRef | None:
    """The actor phrase at ``tok``; else for role 1 a state subject, for roles 1
    and 2 the actor owning a place or unit noun (role 0: no fallback)."""
    ref = actor_ref(tok, known)
    if ref is not None or role == 0:
        return ref
    if (
        role == 1
        and tok.ent_type_ in ("GPE", "NORP")
        and tok.dep_ in ("nsubj", "conj")
        and tok.pos_ == "PROPN"
    ):
        # "Russia and Ukraine exchanged prisoners": a state subject acts.
        start, end = _phrase_bounds(tok)
        return ActorRef(start, end, tok.i, tok.doc[start:end].text, None, None)
    if tok.lemma_.lower() not in _HOLDERS and tok.lower_ not in _HOLDERS:
        return None
    if any(c.lower_ in ("former", "ex", "retired") for c in tok.children):
        return None  # "a former rebel commander" belongs to no group now
    cands = [c for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = _pobj(prep)
            if obj is not None:
                cands.extend(_with_conjuncts(obj))
    for c in cands:
        ref = actor_ref(c, known)
        if ref is not None and (
            ref.inter is not None or _known_at(ref, known) or c.ent_type_ in ("ORG", "NORP")
        ):
            return ref
    return None


def _known_at(ref: ActorRef, known: Sequence[KnownActor]) -> bool:
    return any(k.start <= ref.head < k.end for k in known)


def _dedupe(refs: Iterator[ActorRef] | list[ActorRef]) -> list[ActorRef]:
    seen: set[tuple[int, int]] = set()
    out = []
    for r in refs:
        if (r.start, r.end) not in seen:
            seen.add((r.start, r.end))
            out.append(r)
    return out


def sentence_actors(doc: Doc, known: Sequence[KnownActor]) -> list[ActorRef]:
    """Every typed actor phrase in a sentence doc (for context features)."""
    out = []
    for tok in doc:
        if tok.pos_ in ("NOUN", "PROPN"):
            ref = actor_ref(tok, known)
            if ref is not None and ref.inter is not None:
                out.append(ref)
    return out
