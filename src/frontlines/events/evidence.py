"""What a sentence tells the decision rules: the typed context of its triggers.

``SentenceContext`` wraps one parsed sentence with its trigger hits and the
actor dictionary's spans; the helpers here answer the questions the ACLED
codebook's rules ask (who are the victims, what was captured, is the target
armed, is this the scene or the event). The rules themselves are in
``events.rules``; the word lists in resources/events/context_words.tsv.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..acled import SUB_EVENT_TYPES
from ..eval.common import bundled
from .roles import ARMED, ActorRef, KnownActor, noun_inter, roles, sentence_actors
from .triggers import TriggerHit, context_words

# Context word lists (lemmas), from resources/events/context_words.tsv; named
# constants, so tests and the README can refer to them.
_WORDS = context_words()
PROJECTILES = _WORDS["PROJECTILES"]
MANNED_AIRCRAFT = _WORDS["MANNED_AIRCRAFT"]
ARMED_TARGETS = _WORDS["ARMED_TARGETS"]
PLACE_NOUNS = _WORDS["PLACE_NOUNS"]
PERSON_NOUNS = _WORDS["PERSON_NOUNS"]
WEAPON_NOUNS = _WORDS["WEAPON_NOUNS"]
ARMED_WORDS = _WORDS["ARMED_WORDS"]
NON_CONFLICT = _WORDS["NON_CONFLICT"]
ABSTRACT_TARGETS = _WORDS["ABSTRACT_TARGETS"]
LABOUR = _WORDS["LABOUR"]
AGREE_CONTEXT = _WORDS["AGREE_CONTEXT"]
AGREE_VERBS = _WORDS["AGREE_VERBS"]
GROUP_WORDS = _WORDS["GROUP_WORDS"]
BASE_OBJECTS = _WORDS["BASE_OBJECTS"]
PROPERTY = _WORDS["PROPERTY"]
MILITARY_MOBILE = _WORDS["MILITARY_MOBILE"]
VIOLENCE_SIGNS = _WORDS["VIOLENCE_SIGNS"]
STATE_WORDS = _WORDS["STATE_WORDS"]
PROTEST_CONTEXT = _WORDS["PROTEST_CONTEXT"]
BLAST_ACCIDENT = _WORDS["BLAST_ACCIDENT"]
AIR_ACTION = _WORDS["AIR_ACTION"]
BLAST_WORDS = _WORDS["BLAST_WORDS"]
ABSTRACT_MODIFIERS = _WORDS["ABSTRACT_MODIFIERS"]
NOT_TERRITORY = _WORDS["NOT_TERRITORY"]
CIVILIAN_TARGETS = _WORDS["CIVILIAN_TARGETS"]
CHEMICAL_USE = _WORDS["CHEMICAL_USE"]
CHEMICAL_POLICY = _WORDS["CHEMICAL_POLICY"]
CHEMICAL_ACCUSE = _WORDS["CHEMICAL_ACCUSE"]
PRISON = _WORDS["PRISON"]
FOREIGN_FORCES = _WORDS["FOREIGN_FORCES"]
COUP_TARGETS = _WORDS["COUP_TARGETS"]
FIGHT_WORDS = _WORDS["FIGHT_WORDS"]
REMOTE_WORDS = _WORDS["REMOTE_WORDS"]
VERBAL = frozenset(
    {
        "speech",
        "interview",
        "statement",
        "tweet",
        "post",
        "article",
        "editorial",
        "address",
        "op-ed",
        "letter",
        "column",
        "debate",
        "parliament",
    }
)
CAPTIVES = frozenset(
    {
        "prisoner",
        "hostage",
        "captive",
        "detainee",
        "pow",
        "servicemen",
        "captured",
        "capture",
        "abductee",
        "soldier",
    }
)
FREED = frozenset({"release", "rescue", "free", "exchange", "swap", "liberate", "hand"})
GRIEVANCE = frozenset({"protest", "demand", "denounce", "condemn", "against", "over", "reject"})
LETHAL = frozenset({"kill", "shoot", "die", "dead", "wound", "injure"})


@dataclass(frozen=True, slots=True)
class Decision:
    """One event a sentence holds: its trigger, types and roles (sentence-doc indices)."""

    hit: TriggerHit
    sub_event_type: str
    plover_type: str
    plover_mode: str | None
    actor1: tuple[ActorRef, ...] = ()
    actor2: tuple[ActorRef, ...] = ()

    @property
    def event_type(self) -> str:
        return SUB_EVENT_TYPES[self.sub_event_type]


def trigger_head(doc: Doc, hit: TriggerHit) -> Token:
    """The token of the hit that governs the others (its syntactic head)."""
    span = doc[hit.start : hit.end]
    # The highest token of the span ("shot dead": "shot", even when the parser
    # hangs "dead" on the object).
    return min(span, key=lambda t: (sum(1 for _ in t.ancestors), -t.i))


@dataclass
class SentenceContext:
    doc: Doc
    hits: Sequence[TriggerHit]
    known: Sequence[KnownActor]
    lemmas: frozenset[str] = frozenset()
    _actors: list[ActorRef] | None = None
    _heads: dict[int, Token] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lemmas = frozenset(t.lemma_.lower() for t in self.doc) | frozenset(
            t.lower_ for t in self.doc
        )

    @property
    def actors(self) -> list[ActorRef]:
        if self._actors is None:  # typing every noun is the costly part: do it once, late
            self._actors = sentence_actors(self.doc, self.known)
        return self._actors

    def cue(self, *cues: str, strong: bool | None = None) -> list[TriggerHit]:
        return [
            h for h in self.hits if h.cue in cues and (strong is None or h.entry.strong == strong)
        ]

    def has(self, words: frozenset[str]) -> bool:
        return not self.lemmas.isdisjoint(words)

    def has_noun(self, words: frozenset[str]) -> bool:
        """A noun among ``words`` ("a storm", not "stormed the building")."""
        return any(
            t.pos_ in ("NOUN", "PROPN") and (t.lemma_.lower() in words or t.lower_ in words)
            for t in self.doc
        )

    def armed_present(self) -> bool:
        return self.has(ARMED_WORDS) or any(a.inter in ARMED for a in self.actors)

    def state_present(self) -> bool:
        return self.has(STATE_WORDS) or any(a.inter == 1 for a in self.actors)

    def head(self, hit: TriggerHit) -> Token:
        tok = self._heads.get(hit.start)
        if tok is None:
            tok = self._heads[hit.start] = trigger_head(self.doc, hit)
        return tok

    def decide(
        self, hit: TriggerHit, sub: str, ptype: str | None = None, pmode: str | None = None
    ) -> Decision:
        a1, a2 = roles(self.head(hit), self.known)
        # The trigger's own words ("Barrel bombs", "suicide bomber") are no actor.
        outside = [r for r in a1 if not hit.start <= r.head < hit.end]
        return Decision(
            hit,
            sub,
            ptype or hit.entry.plover_type,
            pmode if ptype else hit.entry.plover_mode,
            tuple(outside),
            tuple(r for r in a2 if not hit.start <= r.head < hit.end),
        )


def victim_inters(ctx: SentenceContext, hits: Sequence[TriggerHit]) -> set[int | None]:
    out: set[int | None] = set()
    for h in hits:
        _, a2 = roles(ctx.head(h), ctx.known)
        out.update(a.inter for a in a2)
        # "... killing three civilians", "two soldiers were killed".
        for child in ctx.head(h).children:
            if child.dep_ in ("dobj", "nsubjpass") and noun_inter(child) is not None:
                out.add(noun_inter(child))
            if child.dep_ == "nsubj" and ctx.head(h).lemma_ in ("die", "dead"):
                out.add(noun_inter(child))
    return out


def initiator_inters(ctx: SentenceContext, hit: TriggerHit) -> set[int | None]:
    a1, _ = roles(ctx.head(hit), ctx.known)
    return {a.inter for a in a1}


def live_abducts(ctx: SentenceContext) -> list[TriggerHit]:
    """Abduction cues, less "rescued/released hostages" (taken earlier, not here)."""
    return [
        h
        for h in ctx.cue("abduct")
        if h.entry.strong or ctx.head(h).head.lemma_.lower() not in FREED
    ]


def strike_marked(head: Token) -> bool:
    for c in head.children:
        if c.ent_type_ in ("NORP", "GPE") and c.dep_ in ("amod", "compound", "poss"):
            return True
        if c.dep_ == "prep" and c.lower_ in ("on", "against", "targeting"):
            return True
    return False


def object_kind(ctx: SentenceContext, hit: TriggerHit) -> str:
    """'place', 'person', 'weapon' or '' for what a capture-like trigger took."""
    head = ctx.head(hit)
    toks = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "over", "into", "to"):
            toks.extend(x for x in c.children if x.dep_ == "pobj")
        if c.dep_ == "dobj":  # "took control of X": the object hangs off "control"
            for prep in (p for p in c.children if p.dep_ == "prep"):
                toks.extend(x for x in prep.children if x.dep_ == "pobj")
    if head.lemma_ == "fall":  # "the town fell to the rebels"
        toks = [c for c in head.children if c.dep_ == "nsubj"] + toks
    for tok in toks:
        lemma = tok.lemma_.lower()
        if tok.ent_type_ in ("GPE", "LOC", "FAC") or lemma in PLACE_NOUNS:
            return "place"
        if lemma in WEAPON_NOUNS:
            return "weapon"
        if lemma in PERSON_NOUNS or noun_inter(tok) is not None:
            return "person"
        if tok.pos_ == "PROPN":
            # The small model tags many towns PERSON ("control of Avdiivka").
            return "place"
    return ""


def taker_inters(ctx: SentenceContext, hit: TriggerHit) -> set[int | None]:
    if hit.entry.phrase[0] != "fall":
        return initiator_inters(ctx, hit)
    # "X fell to the rebels": the taker is the object of "to"/"into the hands of".
    out: set[int | None] = set()
    for tok in ctx.head(hit).subtree:
        if tok.dep_ == "pobj" and tok.lemma_ != "hand":
            out.add(noun_inter(tok))
    return {i for i in out if i is not None}


# Verbs and nouns whose object is violence to be stopped, not violence done.
PREVENTED = frozenset({"end", "prevent", "stop", "halt", "curb", "deter", "thwart"})


def is_abstract(ctx: SentenceContext, hit: TriggerHit) -> bool:
    """'the fight against corruption', 'a legal battle', 'attacked the plan in a
    speech': not armed violence."""
    head = ctx.head(hit)
    # "bandits who target innocent citizens": a habit told in the present tense.
    if head.dep_ == "relcl" and head.tag_ in ("VBP", "VBZ"):
        return True
    # "to put an end to / prevent attacks on civilians": the attacks are a goal.
    governor = head.head.head if head.dep_ == "pobj" else head.head
    if head.dep_ in ("pobj", "dobj") and (
        governor.lemma_.lower() in PREVENTED
        # "put an end to attacks": the parser hangs "to" on the verb.
        or any(c.dep_ == "dobj" and c.lemma_.lower() in PREVENTED for c in governor.children)
    ):
        return True
    for c in head.children:
        if hit.start <= c.i < hit.end:
            continue  # the trigger's own words ("opened fire")
        if c.dep_ == "dobj" and c.lemma_.lower() in ABSTRACT_TARGETS:
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ == "in"
            and any(o.lemma_.lower() in VERBAL for o in c.children)
        ):
            return True
        if c.dep_ == "amod" and c.lemma_.lower() in ABSTRACT_MODIFIERS:
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ == "against"
            and any(o.lemma_.lower() in ABSTRACT_TARGETS for o in c.children)
        ):
            return True
    return False


def armed_target(ctx: SentenceContext, hits: Sequence[TriggerHit]) -> bool:
    """The attack's object is a military thing ("attacked a checkpoint"), not merely
    its place ("killed a man at a checkpoint")."""
    for h in hits:
        head = ctx.head(h)
        targets = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("on", "against", "targeting"):
                targets.extend(c for c in prep.children if c.dep_ == "pobj")
        for t in targets:
            if any(x.lemma_.lower() in ARMED_TARGETS for x in (t, *t.conjuncts)):
                return True
    return False


def civilian_target(ctx: SentenceContext, hits: Sequence[TriggerHit]) -> bool:
    """The attack's object is a civilian place or gathering ("stormed a wedding party")."""
    for h in hits:
        head = ctx.head(h)
        targets = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
        for prep in head.children:  # "opened fire at a rally", "fired into a crowd"
            if prep.dep_ == "prep" and prep.lower_ in ("at", "on", "into", "in"):
                targets.extend(o for o in prep.children if o.dep_ == "pobj")
        for c in targets:
            if c.lemma_.lower() in CIVILIAN_TARGETS or any(
                x.lemma_.lower() in CIVILIAN_TARGETS for x in c.children
            ):
                return True
    return False


def rioters_present(ctx: SentenceContext) -> bool:
    return any(a.inter in (5, 6) for a in ctx.actors)


NOT_HANDED_TERRITORY = frozenset(
    {
        "arsenal",
        "document",
        "list",
        "letter",
        "evidence",
        "power",
        "body",
        "remains",
        "file",
        "passport",
        "stockpile",
        "custody",
        "suspect",
        "prisoner",
        "detainee",
        "money",
    }
)


def without_deployed(doc: Doc, hits: Sequence[TriggerHit]) -> list[TriggerHit]:
    """Drop weapon words that are what a deployment moved ("deployed Iskander
    missile systems"): a deployment is no strike."""
    moved: set[int] = set()
    for h in hits:
        if h.cue == "deploy":
            head = trigger_head(doc, h)
            for c in head.children:
                if c.dep_ in ("dobj", "nsubjpass"):
                    moved.update(t.i for t in c.subtree)
    return [h for h in hits if h.cue == "deploy" or h.start not in moved]


_CIRCUMSTANCE = frozenset({"after", "amid", "following", "despite", "before", "during", "since"})


def is_main(tok: Token) -> bool:
    """A verb that tells the event itself, or the main verb's object ("imposed a
    curfew"): anything outside an "after ..." / "amid ..." scene-setter."""
    if tok.pos_ == "VERB" and not in_circumstance(tok):
        return True
    return tok.dep_ == "dobj" and tok.head.dep_ == "ROOT"


def in_circumstance(tok: Token) -> bool:
    """Inside an "after ..." / "following ..." phrase or clause."""
    for anc in (tok, *tok.ancestors):
        if anc.dep_ == "prep" and anc.lower_ in _CIRCUMSTANCE:
            return True
        if anc.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _CIRCUMSTANCE for c in anc.children
        ):
            return True
    return False


# "the homes of two men accused of carrying out an attack": the attack is the
# charge against them, told as background.
_ACCUSATION = frozenset({"accuse", "suspect", "charge", "blame", "convict"})


def in_accusation(tok: Token) -> bool:
    """Inside a participle describing someone by a charge ("men accused of an
    attack"); "the army accused the RSF of attacking" reports a claimed event."""
    return any(
        anc.dep_ in ("acl", "amod")
        and (anc.lemma_.lower() in _ACCUSATION or anc.lower_ in ("accused", "suspected"))
        for anc in tok.ancestors
    )


def without_circumstance(doc: Doc, hits: Sequence[TriggerHit]) -> list[TriggerHit]:
    """When a strong trigger is the sentence's main verb (or its object), drop
    triggers that only set the scene ("took control of Mekelle after heavy
    shelling", "imposed a curfew after the clashes")."""
    main = [h for h in hits if h.entry.strong and is_main(trigger_head(doc, h))]
    if not main:
        return list(hits)
    return [h for h in hits if h in main or not in_circumstance(trigger_head(doc, h))]


def clause_verb(tok: Token) -> Token | None:
    """The verb of the clause a trigger belongs to (itself when a verb)."""
    for t in (tok, tok.head, tok.head.head):
        if t.pos_ == "VERB":
            return t
    return None


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """Country names and demonyms (lower-cased) -> ISO code, from the geo tables
    (resources/geo/centroids.tsv country rows and demonyms.tsv)."""
    names: dict[str, str] = {}
    for line in bundled("geo", "centroids.tsv").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 5 or len(cols[0]) != 2:
            continue  # admin-1 rows are "CC/Name"
        for name in [cols[1], *cols[4].split("|")]:
            if name:
                names[name.lower()] = cols[0]
    demonyms: dict[str, str] = {}
    for line in bundled("geo", "demonyms.tsv").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 2:
            continue
        for name in cols[1].split("|"):
            demonyms[name.lower()] = cols[0]
    return names, demonyms


def _country_of_span(tok: Token) -> str | None:
    """The country a place token names ("Mali", "the Central African Republic")."""
    names, _ = _countries()
    # By name, not by entity label: the small model tags "Mali" PERSON.
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    text = (ent.text if ent is not None else tok.text).lower()
    return names.get(text.removeprefix("the ")) or names.get(tok.text.lower())


def _nation(tok: Token) -> str | None:
    """The country a name or demonym stands for ("French", "U.S."); a nationality
    missing from the demonym table ("Burundian") by its stem, for NORP tokens."""
    names, demonyms = _countries()
    text = tok.text.lower()
    code = demonyms.get(text) or names.get(text)
    if code is None and tok.ent_type_ == "NORP" and len(text) >= 6:
        code = next((c for n, c in names.items() if len(n) >= 5 and n[:5] == text[:5]), None)
    return code


def force_country(head: Token) -> tuple[str | None, str | None, bool] | None:
    """For a departure/arrival verb ("French soldiers left Mali", "France withdrew
    its troops from Niger", "Kenyan police arrived in Port-au-Prince"): the forces'
    country, the country left or entered (None for a town) and whether a place
    was named at all; None when no force moved."""
    subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj and head.dep_ == "acl":  # "a contingent of Kenyan officers arrived"
        subj = [head.head]
    objs = [c for c in head.children if c.dep_ == "dobj"]
    words = [t for c in subj + objs for t in c.subtree if not head.i <= t.i <= head.right_edge.i]
    words += [t for c in objs for t in c.subtree]
    if not any(t.lemma_.lower() in FOREIGN_FORCES for t in words):
        return None
    # Proper nouns and adjectives only: "us" the pronoun is no United States.
    proper = [t for t in words if t.pos_ in ("PROPN", "ADJ") or t.ent_type_ in ("NORP", "GPE")]
    own = next((c for c in (_nation(t) for t in proper) if c is not None), None)
    places = list(objs)
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "in", "into", "to"):
            places.extend(o for o in prep.children if o.dep_ == "pobj")
    places = [p for p in places if p.ent_type_ in ("GPE", "LOC") or p.pos_ == "PROPN"]
    for place in places:
        country = _country_of_span(place)
        if country is not None:
            return own, country, True
    return own, None, bool(places)
