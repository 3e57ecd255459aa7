"""Decision rules for the codebook's strategic developments that a trigger names
outright: arrests, agreements, bases established, looting and property
destruction, non-violent transfers of territory.

Split from ``events.rules``, which orders all rules by precedence.
"""

from __future__ import annotations

from .evidence import (
    AGREE_CONTEXT,
    AGREE_VERBS,
    ARMED_TARGETS,
    BASE_OBJECTS,
    CAPTIVES,
    NOT_HANDED_TERRITORY,
    NOT_TERRITORY,
    PROPERTY,
    WEAPON_NOUNS,
    Decision,
    SentenceContext,
    initiator_inters,
    object_kind,
)
from .roles import ARMED


def rule_arrest(ctx: SentenceContext) -> Decision | None:
    for h in ctx.cue("arrest"):
        nxt = ctx.doc[h.end] if h.end < len(ctx.doc) else None
        if nxt is not None and nxt.lemma_.lower() == "warrant":
            continue
        return ctx.decide(h, "Arrests")
    return None


def rule_agreement(ctx: SentenceContext) -> Decision | None:
    hits = ctx.cue("agree")
    if not hits:
        return None
    # "withdrew under a deal": the deal is background when another cue acts.
    if len(hits) < len(ctx.hits):
        hits = [h for h in hits if ctx.head(h).dep_ != "pobj"]
        if not hits:
            return None
    strong = [h for h in hits if h.entry.strong]
    if strong:
        return ctx.decide(strong[0], "Agreement")
    for h in hits:  # "released 20 captured soldiers / the hostages"
        if h.entry.phrase[0] == "release" and any(
            t.lemma_.lower() in CAPTIVES
            for c in ctx.head(h).children
            if c.dep_ == "dobj"
            for t in c.subtree
        ):
            return ctx.decide(h, "Agreement")
    if (ctx.has(AGREE_CONTEXT) or ctx.armed_present()) and ctx.has(AGREE_VERBS):
        main = next((h for h in hits if ctx.head(h).pos_ == "VERB"), hits[0])
        return ctx.decide(main, "Agreement")
    return None


def rule_base(ctx: SentenceContext) -> Decision | None:
    for h in ctx.cue("base"):
        objs = {t.lemma_.lower() for t in ctx.head(h).subtree}
        state_subject = any(
            c.dep_ == "nsubj" and c.ent_type_ in ("GPE", "NORP") for c in ctx.head(h).children
        )
        if objs & BASE_OBJECTS and (
            ctx.armed_present() or "military" in ctx.lemmas or state_subject
        ):
            return ctx.decide(h, "Headquarters or base established")
    return None


def rule_loot(ctx: SentenceContext) -> Decision | None:
    for h in ctx.cue("loot"):
        objs = {t.lemma_.lower() for t in ctx.head(h).subtree}
        if not h.entry.strong and objs & (ARMED_TARGETS | WEAPON_NOUNS):
            # "an army unit destroyed an ISIS vehicle / ammunition depot": combat.
            return ctx.decide(h, "Armed clash", "FIGHT", "small-arms")
        if h.entry.strong or {t.lemma_.lower() for t in ctx.head(h).subtree} & PROPERTY:
            return ctx.decide(h, "Looting/property destruction")
    return None


def rule_transfer(ctx: SentenceContext) -> Decision | None:
    for h in ctx.cue("transfer"):
        head = ctx.head(h)
        # For a verb, what was handed over; for a noun ("the withdrawal of US
        # forces") the "of" phrase is who left, not what was handed.
        kind = object_kind(ctx, h) if head.pos_ == "VERB" else ""
        objs = {c.lemma_.lower() for c in head.children if c.dep_ == "dobj"}
        if kind in ("weapon", "person") or objs & NOT_HANDED_TERRITORY:
            continue  # "handed over its chemical arsenal / the suspects"
        if h.entry.strong:
            return ctx.decide(h, "Non-violent transfer of territory")
        head = ctx.head(h)
        left = {c.lemma_.lower() for c in head.children if c.dep_ == "dobj"} | {
            o.lemma_.lower()
            for p in head.children
            if p.dep_ == "prep" and p.lower_ == "from"
            for o in p.children
        }
        if left & NOT_TERRITORY:  # "withdrew from the deal", "pulled out of the race"
            continue
        takers = initiator_inters(ctx, h)
        if takers & ARMED or (ctx.armed_present() and h.entry.phrase[0] != "evacuate"):
            return ctx.decide(h, "Non-violent transfer of territory")
    return None
