"""Actor phrases of a sentence doc: typing a noun phrase (ACLED ``inter``) from the
actor dictionary's spans or from its head noun and modifiers
(resources/events/actor_nouns.tsv), and resolving pronouns and counting heads
("thousands of people") to the phrase they stand for. Split out of roles.py.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from ..eval.common import bundled

# Heads whose type comes from their modifiers ("opposition forces", "armed men").
_MODIFIABLE = frozenset(
    {
        "force",
        "forces",
        "fighter",
        "unit",
        "group",
        "militia",
        "man",
        "men",
        "element",
        "people",
        "recruit",
        "person",
        "persons",
        "individual",
        "youth",
    }
)
_ENTITY_ACTOR_LABELS = frozenset({"ORG", "NORP", "GPE", "PERSON"})
_SKIP_LEFT = frozenset({"det", "nummod", "punct", "quantmod", "predet", "cc", "advmod"})
ARMED = frozenset({1, 2, 3, 4, 8})
# Heads that count or group their "of" object: type the object.
_PARTITIVE = frozenset(
    {
        "ten",
        "tens",
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "score",
        "scores",
        "number",
        "some",
        "many",
        "several",
        "member",
        "members",
        "group",
        "body",
        "bodies",
        "corpse",
        "remains",
        "most",
        "all",
        "one",
        "two",
        "three",
    }
)


@dataclass(frozen=True, slots=True)
class KnownActor:
    """An actor span found by the actor dictionary, in sentence-doc token indices."""

    start: int
    end: int
    name: str
    side: str | None
    inter: int | None
    generic: bool = False


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A typed actor phrase in a sentence doc (token indices [start, end))."""

    start: int
    end: int
    head: int
    name: str
    side: str | None
    inter: int | None


@lru_cache(maxsize=1)
def actor_nouns() -> tuple[dict[str, int], dict[str, int]]:
    """(head lemma -> inter, modifier lemma -> inter) from the bundled table."""
    heads: dict[str, int] = {}
    mods: dict[str, int] = {}
    text = bundled("events", "actor_nouns.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, word, inter = line.split("\t")[:3]
        (heads if kind == "head" else mods)[word] = int(inter)
    return heads, mods


def noun_inter(tok: Token) -> int | None:
    """ACLED inter code suggested by a noun and its modifiers, or None."""
    heads, mods = actor_nouns()
    lemma = tok.lemma_.lower()
    if lemma in _PARTITIVE:  # "dozens of ISIS fighters", "members of the militia"
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return noun_inter(obj)
    inter = heads.get(lemma, heads.get(tok.lower_))
    if inter is None and tok.lower_.endswith("s"):
        # A capitalised plural tagged PROPN keeps its "s" in the lemma ("Protesters").
        lemma = tok.lower_[:-1]
        inter = heads.get(lemma)
    if inter is None and tok.ent_type_ not in ("NORP", "ORG"):
        return None
    if inter is None or lemma in _MODIFIABLE or tok.lower_ in _MODIFIABLE:
        for child in tok.children:
            if child.dep_ in ("amod", "compound", "nmod", "poss"):
                mod = mods.get(child.lemma_.lower(), mods.get(child.lower_))
                if mod is not None:
                    return mod
                # "Russian forces", "Turkish troops": a state's military.
                if child.ent_type_ in ("NORP", "GPE") and lemma in ("force", "forces"):
                    return 1
    return inter


def _phrase_bounds(tok: Token) -> tuple[int, int]:
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "poss", "flat") and child.i < start:
            start = child.left_edge.i
    while start < tok.i and tok.doc[start].dep_ in _SKIP_LEFT:
        start += 1
    end = tok.i + 1
    # Multi-word names: "Kafr Nabl", "Hayat Tahrir al-Sham".
    while (
        end < len(tok.doc) and tok.doc[end].dep_ in ("flat", "appos") and tok.doc[end].head == tok
    ):
        end += 1
    return start, end


def actor_ref(tok: Token, known: Sequence[KnownActor]) -> ActorRef | None:
    """The typed actor phrase headed by ``tok``; None when it is no actor at all."""
    tok = _resolve(tok)
    counted = _counted(tok)
    if counted is not None:  # "thousands of people": the people, not the number
        ref = actor_ref(counted, known)
        if ref is not None:
            return ref
    for ka in known:
        if ka.start <= tok.i < ka.end:
            # A generic dictionary phrase ("men") yields to its modifiers ("militia men").
            own = noun_inter(tok) if ka.generic or ka.inter is None else None
            inter = own if own is not None else ka.inter
            return ActorRef(ka.start, ka.end, tok.i, ka.name, ka.side, inter)
    inter = noun_inter(tok)
    if inter is None and not (tok.ent_type_ in _ENTITY_ACTOR_LABELS or tok.pos_ == "PROPN"):
        return None
    if inter is None and tok.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL"):
        return None
    start, end = _phrase_bounds(tok)
    text = tok.doc[start:end].text
    return ActorRef(start, end, tok.i, text, None, inter)


_COUNTING = frozenset({"ten", "tens", "dozen", "dozens", "hundred", "hundreds", "thousand"})
_COUNTING_ALL = _COUNTING | {
    *("thousands", "scores", "number", "group", "crowd", "crowds", "several", "some"),
    *("many", "most", "all", "none", "both", "each", "one", "two", "three", "four", "five"),
}
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_PERSONAL = frozenset({"it", "they", "he", "she", "we"})
_SAY = frozenset({"say", "announce", "claim", "report", "state", "confirm", "add", "tell"})


def _counted(tok: Token) -> Token | None:
    """The "of" object of a counting head ("hundreds of youths", "a crowd of
    protesters"), or None."""
    lemma = tok.lower_
    if lemma not in _COUNTING_ALL and not (tok.pos_ == "NUM" and tok.dep_ != "nummod"):
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = _pobj(prep)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return obj
    return None


def _resolve(tok: Token) -> Token:
    """A relative or personal pronoun stands for its antecedent: "troops, who
    killed ..." -> troops; "the army said it had recaptured ..." -> the army."""
    lower = tok.lower_
    if lower in _RELATIVE and tok.head.dep_ == "relcl":
        return tok.head.head
    if lower in _PERSONAL and tok.dep_ in ("nsubj", "nsubjpass"):
        verb = tok.head
        while verb.dep_ in ("conj", "advcl", "xcomp") and verb.head != verb:
            verb = verb.head
        if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _SAY:
            for c in verb.head.children:
                if c.dep_ == "nsubj" and c.lower_ not in _PERSONAL:
                    return c
    return tok


def _with_conjuncts(tok: Token) -> Iterator[Token]:
    yield tok
    yield from tok.conjuncts


def _pobj(prep: Token) -> Token | None:
    for c in prep.children:
        if c.dep_ == "pobj":
            return c
    return None
