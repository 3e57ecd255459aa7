"""The ACLED codebook's decision rules, applied on top of the trigger cues.

``classify`` takes one parsed sentence with its (asserted) trigger hits and the
typed actors, and returns the events it holds, the main one first. The order of
the rules below is the codebook's order of precedence as we read it:

- demonstrations first (a protest with any violence is typed by that violence);
- disrupted weapons use before the weapon named ("intercepted a missile" is no
  missile attack); a *manned* aircraft shot down is an Armed clash (the aircraft
  is an armed actor engaged in fighting; only drones, missiles and rockets are
  "weapons" whose use was disrupted);
- the remote-violence classes are named by the weapon (chemical > suicide > air
  > IED > grenade > shelling) whoever the victims are: ACLED codes remote
  violence against civilians as Explosions/Remote violence;
- sexual violence and abduction by their words;
- territory by who took it (state forces: Government regains territory; a
  non-state group: Non-state actor overtakes territory; without a fight:
  Non-violent transfer of territory);
- direct violence by its target: armed organised actors on both sides (or an
  armed target: soldiers, a checkpoint) make an Armed clash; civilians as the
  only victims make Violence against civilians/Attack;
- the strategic developments last, and only with context that makes them about
  the conflict (a "deal" needs a ceasefire or armed parties; a "split" a group).

The rules for developments a trigger names outright (arrests, agreements, bases,
looting, transfers) live in development_rules.py, the others in strategic.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from ..acled import SUB_EVENT_TYPES
from . import strategic
from .development_rules import rule_agreement, rule_arrest, rule_base, rule_loot, rule_transfer
from .evidence import (
    AIR_ACTION,
    ARMED_WORDS,
    BLAST_ACCIDENT,
    BLAST_WORDS,
    CHEMICAL_ACCUSE,
    CHEMICAL_POLICY,
    CHEMICAL_USE,
    GRIEVANCE,
    LABOUR,
    LETHAL,
    MANNED_AIRCRAFT,
    NON_CONFLICT,
    PROJECTILES,
    PROTEST_CONTEXT,
    REMOTE_WORDS,
    VIOLENCE_SIGNS,
    WEAPON_NOUNS,
    Decision,
    SentenceContext,
    armed_target,
    civilian_target,
    clause_verb,
    in_accusation,
    in_circumstance,
    initiator_inters,
    is_abstract,
    live_abducts,
    object_kind,
    rioters_present,
    strike_marked,
    taker_inters,
    trigger_head,
    victim_inters,
    without_circumstance,
    without_deployed,
)
from .roles import ARMED, KnownActor
from .triggers import TriggerHit, inflections

Rule = Callable[[SentenceContext], Decision | None]


# "held a silent march", "staged a rally": a gathering organised as a protest.
HOLD_VERBS = frozenset({"hold", "stage", "organise", "organize", "join", "lead"})


CAMPAIGN = frozenset({"campaign", "election", "electoral", "candidate"})


def _held(ctx: SentenceContext, head: Token) -> bool:
    """ "staged a rally": a protest, unless it is a campaign rally."""
    verb = head.head
    # By form too: the small model lemmatizes "staged" as "stag".
    held = verb.lemma_.lower() in HOLD_VERBS or any(
        verb.lower_ in inflections(v) for v in HOLD_VERBS
    )
    return head.dep_ == "dobj" and held and not ctx.has(CAMPAIGN)


def rule_protest(ctx: SentenceContext) -> Decision | None:
    protest = ctx.cue("protest")
    riot, mob = ctx.cue("riot"), ctx.cue("mob")
    if mob and not protest:
        return ctx.decide(mob[0], "Mob violence")
    crowd_control = ctx.cue("disperse", strong=True)
    if not protest and not riot and crowd_control and not ctx.cue("clash", "kill"):
        # "police fired tear gas at supporters of X": a gathering was dispersed.
        return ctx.decide(crowd_control[0], "Protest with intervention", "PROTEST", "demonstrate")
    if not protest and not riot:
        return None
    weak_only = protest and not riot and not any(h.entry.strong for h in protest)
    if (
        weak_only
        and not ctx.has(PROTEST_CONTEXT)
        and not ctx.cue("disperse", "arrest")
        and not any(_held(ctx, ctx.head(h)) for h in protest)
    ):
        return None
    main = (protest or riot)[0]
    head = ctx.head(main)
    # "demonstrated resolve": the verb with an object is no demonstration.
    if head.lemma_ == "demonstrate" and any(c.dep_ in ("dobj", "ccomp") for c in head.children):
        return None
    # "Russia protested the decision": a diplomatic protest is no demonstration.
    if head.pos_ == "VERB" and any(
        c.dep_ == "nsubj"
        and (c.ent_type_ in ("GPE", "ORG") or c.lemma_ in ("ministry", "government"))
        for c in head.children
    ):
        return None
    if ctx.has(LABOUR) and any(h.entry.plover_mode == "strike" for h in protest):
        return ctx.decide(main, "Peaceful protest")
    lethal = [
        h for h in ctx.cue("kill") if h.entry.strong or ctx.head(h).lemma_.lower() in LETHAL
    ] + [h for h in ctx.cue("attack") if h.entry.strong and h.entry.plover_mode == "firearms"]
    # "rioters burned the town hall after a teenager was shot": the killing that
    # set off a riot is its cause, not force against the rioters.
    if riot and 7 in victim_inters(ctx, lethal) and not victim_inters(ctx, lethal) & {5, 6}:
        lethal = []
    # "... the collapse that killed 16 people", "the police who shot a teenager":
    # a killing told in a relative clause is the protest's grievance.
    lethal = [h for h in lethal if not in_circumstance(ctx.head(h)) and ctx.head(h).dep_ != "relcl"]
    if lethal and (not mob or ctx.state_present()):
        return ctx.decide(lethal[0], "Excessive force against protesters", "ASSAULT", "firearms")
    rioting = [h for h in ctx.cue("attack") if initiator_inters(ctx, h) & {5, 6}]
    violent = riot or ctx.cue("loot") or ctx.cue("clash", strong=True) or mob or rioting
    if violent:
        return ctx.decide(violent[0], "Violent demonstration", "PROTEST", "riot")
    # "a sit-in to protest the arrest of a colleague": the arrest is the grievance.
    intervention = [
        h
        for h in ctx.cue("disperse") + ctx.cue("arrest")
        if not (ctx.head(h).pos_ == "NOUN" and ctx.head(h).head.lemma_.lower() in GRIEVANCE)
    ]
    if intervention:  # the intervening act is the trigger: its roles are police -> protesters
        return ctx.decide(intervention[0], "Protest with intervention", "PROTEST", "demonstrate")
    return ctx.decide(main, "Peaceful protest")


def rule_disrupted(ctx: SentenceContext) -> Decision | None:
    for h in ctx.cue("intercept"):
        if not h.entry.strong and not ctx.has(PROJECTILES | MANNED_AIRCRAFT):
            continue
        if _partly_intercepted(ctx.head(h)):
            continue  # "launched 17 drones, 14 of which were shot down": the strike stands
        objs = {t.lemma_.lower() for t in ctx.head(h).subtree}
        projectiles = ctx.has(PROJECTILES - {"shell", "mortar"})
        if ctx.has(WEAPON_NOUNS) and not objs & MANNED_AIRCRAFT:
            return ctx.decide(h, "Disrupted weapons use", "COERCE", "seize")
        if objs & MANNED_AIRCRAFT or not projectiles:
            # A manned aircraft (named or by model: "a Su-25") downed in fighting.
            return ctx.decide(h, "Armed clash", "FIGHT", "aerial")
        return ctx.decide(h, "Disrupted weapons use", "FIGHT", "aerial")
    # "foiled an infiltration" is a clash; "foiled a car bombing" disrupted weapons use.
    defuse = [
        h
        for h in ctx.cue("defuse")
        if h.entry.phrase[0] not in ("foil", "thwart") or ctx.has(REMOTE_WORDS)
    ]
    if defuse:
        return ctx.decide(defuse[0], "Disrupted weapons use")
    for h in ctx.cue("capture"):
        if object_kind(ctx, h) == "weapon":
            return ctx.decide(h, "Disrupted weapons use", "COERCE", "seize")
    return None


# "the dam was destroyed by an explosion", "a blast rocked the district".
BLAST_EFFECTS = frozenset({"destroy", "damage", "injure", "wound", "rock", "shake", "target"})


def _partly_intercepted(head: Token) -> bool:
    """ "14 of which were shot down", "most of which were intercepted"."""
    for subj in head.children:
        if subj.dep_ in ("nsubjpass", "nsubj") and subj.lower_ != "which":
            for prep in subj.children:
                if (
                    prep.dep_ == "prep"
                    and prep.lower_ == "of"
                    and any(o.lower_ in ("which", "them") for o in prep.children)
                ):
                    return True
    return False


def rule_weapons(ctx: SentenceContext) -> Decision | None:
    # "chemical weapons" alone is often policy talk (stockpiles, the convention,
    # accusations): it needs words of use and no policy words. A delivery means
    # named with the agent ("rockets carrying a chemical agent") is a use, even
    # when one side accuses the other of it; the agent outranks the means.
    means = ctx.cue("air", "shelling", "grenade", "ied", "strike", "suicide")
    used = (ctx.has(CHEMICAL_USE) or bool(means)) and not ctx.has(CHEMICAL_POLICY)
    chemical = ctx.cue("chemical", strong=True) or (
        ctx.cue("chemical") if used and (means or not ctx.has(CHEMICAL_ACCUSE)) else []
    )
    if chemical:
        if means and not chemical[0].entry.strong:
            # "fired rockets carrying a chemical agent": the agent names the type,
            # the firing verb carries who fired at whom.
            by_means = ctx.decide(means[0], "Chemical weapon", "ASSAULT", "CBRN")
            return replace(by_means, hit=chemical[0])
        return ctx.decide(chemical[0], "Chemical weapon")
    suicide = ctx.cue("suicide")
    if suicide:
        return ctx.decide(suicide[0], "Suicide bomb")
    air = ctx.cue("air", strong=True)
    if air:
        return ctx.decide(air[0], "Air/drone strike")
    weak_air = ctx.cue("air", strong=False)
    if weak_air and (ctx.cue("strike", "attack", "kill", "shelling", "ied") or ctx.has(AIR_ACTION)):
        return ctx.decide(weak_air[0], "Air/drone strike")
    ied = ctx.cue("ied", strong=True)
    if ied:
        return ctx.decide(ied[0], "Remote explosive/landmine/IED")
    grenade = ctx.cue("grenade")
    if grenade:
        return ctx.decide(grenade[0], "Grenade")
    shelling = ctx.cue("shelling", strong=True)
    if shelling:
        return ctx.decide(shelling[0], "Shelling/artillery/missile attack")
    strike = ctx.cue("strike")
    # A bare "strike" is remote violence only with a sign of it: armed actors, a
    # killing, "hit"/"target", a state's strike ("Israeli strikes") or a target
    # ("strikes on Gaza"); "a strike by truckers" is a labour protest.
    conflict = (
        ctx.armed_present()
        or bool(ctx.cue("kill"))
        or ctx.has(AIR_ACTION)
        or any(strike_marked(ctx.head(h)) for h in strike)
    )
    if strike and conflict and not ctx.has_noun(NON_CONFLICT | LABOUR):
        if ctx.cue("shelling") or ctx.has(frozenset({"missile", "rocket"})):
            return ctx.decide(strike[0], "Shelling/artillery/missile attack", "FIGHT", "artillery")
        return ctx.decide(strike[0], "Air/drone strike")
    weak_shell = ctx.cue("shelling", strong=False)
    if weak_shell and (ctx.armed_present() or ctx.cue("kill", "attack")):
        return ctx.decide(weak_shell[0], "Shelling/artillery/missile attack")
    weak_ied = ctx.cue("ied", strong=False)
    blast_context = (
        ctx.armed_present()
        or bool(ctx.cue("kill"))
        or ctx.has(BLAST_WORDS)
        or ctx.has(BLAST_EFFECTS)
    )
    if weak_ied and blast_context and not ctx.has(BLAST_ACCIDENT):
        return ctx.decide(weak_ied[0], "Remote explosive/landmine/IED")
    return None


def rule_vac_words(ctx: SentenceContext) -> Decision | None:
    sexual = ctx.cue("sexual")
    if sexual:
        return ctx.decide(sexual[0], "Sexual violence")
    abduct = live_abducts(ctx)
    if abduct and (abduct[0].entry.strong or ctx.armed_present()):
        return ctx.decide(abduct[0], "Abduction/forced disappearance")
    return None


def rule_territory(ctx: SentenceContext) -> Decision | None:
    transfer = ctx.cue("transfer", strong=True)
    for h in ctx.cue("regain") + ctx.cue("capture"):
        kind = object_kind(ctx, h)
        loose = not h.entry.strong or h.entry.phrase[0] in ("clear", "fall")
        if loose and kind != "place":
            continue
        inters = taker_inters(ctx, h)
        if kind == "" and not inters & ARMED:
            continue  # "seized the opportunity", "took over the presidency"
        if kind == "person":
            captives = victim_inters(ctx, [h])
            if 1 in inters and not captives & ARMED:
                return ctx.decide(h, "Arrests", "COERCE", "arrest")
            if 7 in victim_inters(ctx, [h]):
                return ctx.decide(h, "Abduction/forced disappearance", "ASSAULT", "abduct")
            return ctx.decide(h, "Armed clash", "FIGHT", "small-arms")
        if kind == "weapon":
            continue
        if transfer:
            return ctx.decide(transfer[0], "Non-violent transfer of territory")
        if h.entry.phrase[0] == "enter" and not ctx.cue("clash", "kill", "attack"):
            # Non-state fighters entering a place take it; state troops deploy,
            # unless they entered it fighting ("after inflicting heavy losses").
            if inters & {2, 3, 4}:
                return ctx.decide(h, "Non-state actor overtakes territory")
            if 1 in inters and strategic.fought(ctx):
                return ctx.decide(h, "Government regains territory")
            continue
        if h.cue == "capture" and strategic.unopposed(ctx):
            # "took control of X after al-Shabaab fled without a fight": the
            # no-fight marker may sit in the scene-setter the rules dropped.
            return ctx.decide(h, "Non-violent transfer of territory")
        if 1 in inters:
            return ctx.decide(h, "Government regains territory")
        if inters & {2, 3, 4, 8}:
            return ctx.decide(h, "Non-state actor overtakes territory")
        if h.cue == "regain" or ctx.state_present():
            return ctx.decide(h, "Government regains territory")
        return ctx.decide(h, "Non-state actor overtakes territory")
    return None


def rule_violence(ctx: SentenceContext) -> Decision | None:
    if ctx.has_noun(NON_CONFLICT) and not ctx.has(ARMED_WORDS):
        return None
    clash_strong = ctx.cue("clash", strong=True)
    clash_weak = [h for h in ctx.cue("clash", strong=False) if not is_abstract(ctx, h)]
    attacks = [
        h for h in ctx.cue("attack") if not is_abstract(ctx, h) and not in_accusation(ctx.head(h))
    ]
    # "bodies", "dead" alone are no killing here (the "found dead" rule is below).
    kills = [h for h in ctx.cue("kill") if h.entry.phrase[0] not in ("body", "dead", "die")]
    bare = [h for h in ctx.cue("kill") if h not in kills]
    if not (clash_strong or clash_weak or attacks or kills or bare):
        return None
    # "arrested 15 people in raids": the raid is how the arrest was made; "raided
    # villages, carting away cattle" with nobody killed is looting (rule_loot).
    if (ctx.cue("arrest") or live_abducts(ctx) or _looted(ctx)) and not (clash_strong or kills):
        return None
    # "Residents beat a suspected thief to death": civilians acting as a mob.
    mobbing = [h for h in kills + attacks if initiator_inters(ctx, h) & {5, 7}]
    if mobbing and not any(initiator_inters(ctx, h) & ARMED for h in kills + attacks):
        if not victim_inters(ctx, mobbing) - {None} and attacks and rioters_present(ctx):
            # "supporters stormed the parliament building": a crowd against a place.
            return ctx.decide(mobbing[0], "Violent demonstration", "PROTEST", "riot")
        return ctx.decide(mobbing[0], "Mob violence", "ASSAULT", "beat")
    victims = victim_inters(ctx, attacks + kills + clash_strong + bare)
    armed_victim = bool(victims & ARMED) or armed_target(ctx, attacks + kills)
    civ_victim = (
        7 in victims
        or (ctx.has(frozenset({"civilian"})) and not armed_victim)
        or (not armed_victim and civilian_target(ctx, attacks + kills))
    )
    # "Clashes between supporters of rival candidates": rioters, no armed actor.
    if clash_strong and not ctx.armed_present() and rioters_present(ctx):
        return ctx.decide(clash_strong[0], "Mob violence", "PROTEST", "riot")
    # "students clashed with police": a crowd fighting the police is a
    # demonstration turned violent, not a battle between armed groups.
    if clash_strong and _crowd_against_police(ctx, clash_strong):
        return ctx.decide(clash_strong[0], "Violent demonstration", "PROTEST", "riot")
    if clash_strong and not (civ_victim and not ctx.armed_present()):
        # "clashed with ..., killing a civilian": the clash is the event.
        return ctx.decide(clash_strong[0], "Armed clash", "FIGHT", "small-arms")
    if civ_victim and not armed_victim and (attacks or kills or clash_weak):
        main = (attacks or kills or clash_weak)[0]
        mode = main.entry.plover_mode if main.entry.plover_type == "ASSAULT" else "kill"
        return ctx.decide(main, "Attack", "ASSAULT", mode)
    if armed_victim or (ctx.armed_present() and (clash_weak or attacks)):
        main = (clash_weak or attacks or kills or bare)[0]
        return ctx.decide(main, "Armed clash", "FIGHT", "small-arms")
    found = [h for h in kills + bare if h.entry.phrase[0] in ("found", "body")]
    if found and ctx.has(VIOLENCE_SIGNS):
        return ctx.decide(found[0], "Attack", "ASSAULT", "kill")
    strong_kill = [h for h in kills if h.entry.strong]
    if strong_kill or (kills and ctx.armed_present()):
        main = (strong_kill or kills)[0]
        return ctx.decide(main, "Attack", "ASSAULT", main.entry.plover_mode)
    return None


# A crowd's side of a clash with the police (students, residents, protesters).
CROWD_NOUNS = frozenset(
    {"student", "protester", "protestor", "demonstrator", "youth", "resident", "supporter"}
)


def _crowd_against_police(ctx: SentenceContext, clashes: Sequence[TriggerHit]) -> bool:
    """Police on one side, an unarmed crowd on the other, no armed group or killing."""
    if not ctx.has(frozenset({"police", "policeman", "policemen"})):
        return False
    if any(a.inter in (2, 3, 4) for a in ctx.actors) or ctx.cue("kill"):
        return False
    # The parse of such sentences is often broken ("Students armed with sticks
    # clashed ..."), so the crowd is read from the typed actors too.
    crowd = any(
        a.inter in (5, 6) or (a.inter == 7 and ctx.doc[a.head].lemma_.lower() in CROWD_NOUNS)
        for a in ctx.actors
    )
    return crowd or any(initiator_inters(ctx, h) & {5, 6} for h in clashes)


def _looted(ctx: SentenceContext) -> bool:
    """A strong looting cue in the sentence ("stole livestock", "carting away cattle")."""
    return bool(ctx.cue("loot", strong=True))


RULES: tuple[Rule, ...] = (
    rule_protest,
    rule_disrupted,
    rule_weapons,
    rule_vac_words,
    rule_territory,
    strategic.rule_other_event,
    rule_violence,
    rule_arrest,
    rule_agreement,
    strategic.rule_change,
    rule_base,
    strategic.rule_foreign_forces,
    rule_loot,
    rule_transfer,
    strategic.rule_deploy,
)
# Families whose trigger may open a second event in the same sentence.
SECONDARY_CUES = frozenset(
    {"air", "shelling", "ied", "suicide", "chemical", "grenade", "clash", "regain", "capture"}
)


def _plover_one_sided(ctx: SentenceContext, d: Decision) -> Decision:
    """PLOVER tells one-sided violence (ASSAULT) from fighting (FIGHT): remote
    violence whose only typed victims are civilians is an ASSAULT."""
    if d.event_type != "Explosions/Remote violence" or d.plover_type != "FIGHT":
        return d
    victims = {a.inter for a in d.actor2} | victim_inters(ctx, ctx.cue("kill"))
    if 7 in victims and not victims & ARMED:
        mode = d.plover_mode if d.plover_mode in ("aerial", "drone") else "explosives"
        return replace(d, plover_type="ASSAULT", plover_mode=mode)
    return d


def classify(
    doc: Doc, hits: Sequence[TriggerHit], known: Sequence[KnownActor] = ()
) -> list[Decision]:
    """The events of one parsed sentence, main event first (empty when none)."""
    if not hits:
        return []
    hits = without_circumstance(doc, without_deployed(doc, hits))
    ctx = SentenceContext(doc, hits, known)
    primary = _first(ctx)
    if primary is None:
        return []
    second = _secondary(ctx, primary)
    found = [primary] if second is None else [primary, second]
    return [_plover_one_sided(ctx, d) for d in found]


def _first(ctx: SentenceContext) -> Decision | None:
    for rule in RULES:
        decision = rule(ctx)
        if decision is not None:
            return decision
    return None


def _secondary(ctx: SentenceContext, primary: Decision) -> Decision | None:
    """A second event only when another strong trigger heads its own clause with its
    own subject ("X clashed with Y, while warplanes struck Z")."""
    p_head = ctx.head(primary.hit)
    p_tree = {t.i for t in p_head.subtree}
    for h in ctx.hits:
        if h is primary.hit or h.cue not in SECONDARY_CUES or not h.entry.strong:
            continue
        head = ctx.head(h)
        if head.i in p_tree:
            continue
        verb, p_verb = clause_verb(head), clause_verb(p_head)
        if verb is None or p_verb is None or verb == p_verb:
            continue
        if not all(
            any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children) for v in (verb, p_verb)
        ):
            continue
        sub = _first(SentenceContext(ctx.doc, [h], ctx.known))
        if sub is None or sub.event_type == primary.event_type:
            continue
        if primary.sub_event_type == "Disrupted weapons use" and sub.event_type.startswith(
            "Explosions"
        ):
            continue  # "fired a missile, which was intercepted": one disrupted attack
        return sub
    return None


# Re-exported: the typing vocabulary other modules and the tests use from here.
__all__ = ["RULES", "SUB_EVENT_TYPES", "Decision", "classify", "trigger_head"]
