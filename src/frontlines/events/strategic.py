"""Decision rules for the codebook's strategic developments that name no violence
of their own: group changes, foreign forces arriving or leaving, deployments and
the "Other" class (mass graves, prison escapes, coups, curfews).

Split from ``events.rules`` (which orders all rules by precedence); the helpers
that territory typing shares (was there fighting, did an armed actor withdraw)
live here too.
"""

from __future__ import annotations

from spacy.tokens import Token

from .evidence import (
    COUP_TARGETS,
    FIGHT_WORDS,
    GROUP_WORDS,
    MILITARY_MOBILE,
    PRISON,
    Decision,
    SentenceContext,
    force_country,
    in_circumstance,
)
from .triggers import TriggerLexicon

STATE_GROUPS = frozenset({"army"})
# Nouns under which a merger or split is only talked of ("talks on a merger").
TALK_NOUNS = frozenset(
    {"talk", "negotiation", "discussion", "plan", "proposal", "idea", "rumour", "rumor"}
)
MISSION_WORDS = frozenset({"contingent", "mission", "peacekeeper", "multinational"})
MILITARY_PEOPLE = frozenset({"soldier", "officer", "junta"})


def _acts(head: Token) -> bool:
    """A violence verb that tells the sentence's own event ("gunmen killed 12"),
    not a modifier ("the bodies of people killed by the RSF")."""
    return (
        head.pos_ == "VERB"
        and head.dep_ in ("ROOT", "conj", "ccomp", "advcl")
        and not in_circumstance(head)
    )


def _from_prison(head: Token) -> bool:
    """ "inmates escaped", "broke out of the central prison"; not "escaped a
    prison sentence"."""
    for c in head.children:
        if c.dep_ in ("nsubj", "nsubjpass") and any(t.lemma_.lower() in PRISON for t in c.subtree):
            return True
    return any(
        t.dep_ == "pobj" and t.lemma_.lower() in PRISON and t.head.lower_ in ("from", "of", "out")
        for t in head.subtree
    )


def rule_other_event(ctx: SentenceContext) -> Decision | None:
    """Mass graves found or exhumed, prison escapes, a coup announced: "Other"
    unless the sentence tells a killing or fight of its own."""
    if ctx.cue("clash", strong=True) or any(
        _acts(ctx.head(h)) for h in ctx.cue("kill", "attack", "clash")
    ):
        return None
    grave = ctx.cue("grave")
    if grave:
        return ctx.decide(grave[0], "Other")
    for h in ctx.cue("escape"):
        if h.entry.strong or _from_prison(ctx.head(h)):
            return ctx.decide(h, "Other")
    military = ctx.state_present() or ctx.has(MILITARY_PEOPLE)
    for h in ctx.cue("coup"):
        head = ctx.head(h)
        if not military or in_circumstance(head):
            continue
        if head.lemma_.lower() == "coup":
            # "staged a coup", "a coup unfolded"; not "came to power in a coup".
            if head.dep_ in ("dobj", "nsubj", "nsubjpass", "ROOT"):
                return ctx.decide(h, "Other")
            continue
        objs = {t.lemma_.lower() for c in head.children if c.dep_ == "dobj" for t in c.subtree}
        if objs & COUP_TARGETS or h.entry.phrase[-1] == "power":
            return ctx.decide(h, "Other")
    return None


def rule_foreign_forces(ctx: SentenceContext) -> Decision | None:
    """A state's forces leaving or arriving in another country ("the last French
    soldiers left Mali", "Kenyan police arrived in Haiti to lead a mission"): the
    codebook's change of a group's activity, not a transfer of territory."""
    for h in ctx.cue("depart") + ctx.cue("transfer", strong=False):
        head = ctx.head(h)
        if head.pos_ != "VERB":
            continue
        moved = force_country(head)
        if moved is None:
            continue
        own, country, named = moved
        if own is not None and country is not None and own != country:
            return ctx.decide(h, "Change to group/activity")
        if own is not None and country is None and named and ctx.has(MISSION_WORDS):
            return ctx.decide(h, "Change to group/activity")
    return None


def _talked_of(head: Token) -> bool:
    """ "talks on a merger", "merger talks", "a plan to merge": not a change yet."""
    if head.dep_ == "compound" and head.head.lemma_.lower() in TALK_NOUNS:
        return True
    if head.dep_ == "pobj" and head.head.head.lemma_.lower() in TALK_NOUNS:
        return True
    return head.dep_ in ("xcomp", "acl") and head.head.lemma_.lower() in TALK_NOUNS


def rule_change(ctx: SentenceContext) -> Decision | None:
    hits = ctx.cue("change")
    if not hits or not ctx.has(GROUP_WORDS):
        return None
    for h in hits:
        head = ctx.head(h)
        if _talked_of(head):
            continue
        near = {t.lemma_.lower() for t in head.subtree} | {
            t.lemma_.lower() for t in head.head.subtree
        }
        # A weak cue ("dismissed", "appointed") needs a non-state group nearby:
        # a general sacked from the army is no change to an armed group.
        if h.entry.strong or near & (GROUP_WORDS - STATE_GROUPS):
            return ctx.decide(h, "Change to group/activity")
    return None


def rule_deploy(ctx: SentenceContext) -> Decision | None:
    military = ctx.has(MILITARY_MOBILE)
    for h in ctx.cue("deploy"):
        if military or (h.entry.strong and ctx.armed_present()):
            return ctx.decide(h, "Other")
    for h in ctx.cue("capture"):
        if h.entry.phrase[0] == "enter" and military:
            return ctx.decide(h, "Other", "MOBILIZE", "troops")
    other = [h for h in ctx.cue("other") if h.entry.strong or military]
    if other:
        return ctx.decide(other[0], "Other")
    return None


def fought(ctx: SentenceContext) -> bool:
    """A word of fighting anywhere in the sentence, scene-setters included, but
    not "without a fight" / "no resistance"."""
    for tok in ctx.doc:
        if tok.lemma_.lower() in FIGHT_WORDS or tok.lower_ in FIGHT_WORDS:
            before = {t.lower_ for t in ctx.doc[max(0, tok.i - 2) : tok.i]}
            if not before & {"without", "no"}:
                return True
    return False


def unopposed(ctx: SentenceContext) -> bool:
    """A no-fight marker anywhere in the sentence, scene-setters included
    ("took control of X after the militants fled without a fight")."""
    return any(
        h.cue == "transfer" and h.entry.strong for h in TriggerLexicon.bundled().find(ctx.doc)
    )
