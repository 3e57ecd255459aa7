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
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from .roles import ARMED, ActorRef, KnownActor, noun_inter, roles, sentence_actors
from .triggers import TriggerHit, context_words

SUB_EVENT_TYPES: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}

# Context word lists (lemmas). Named constants, so tests and README can refer to them.
# Context word lists (lemmas), from resources/events/context_words.tsv.
# Context word lists (lemmas), from resources/events/context_words.tsv.
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
class _Context:
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


Rule = Callable[[_Context], Decision | None]


def _victim_inters(ctx: _Context, hits: Sequence[TriggerHit]) -> set[int | None]:
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


def _initiator_inters(ctx: _Context, hit: TriggerHit) -> set[int | None]:
    a1, _ = roles(ctx.head(hit), ctx.known)
    return {a.inter for a in a1}


def rule_protest(ctx: _Context) -> Decision | None:
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
    if weak_only and not ctx.has(PROTEST_CONTEXT) and not ctx.cue("disperse", "arrest"):
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
    if riot and 7 in _victim_inters(ctx, lethal) and not _victim_inters(ctx, lethal) & {5, 6}:
        lethal = []
    if lethal and (not mob or ctx.state_present()):
        return ctx.decide(lethal[0], "Excessive force against protesters", "ASSAULT", "firearms")
    rioting = [h for h in ctx.cue("attack") if _initiator_inters(ctx, h) & {5, 6}]
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


def rule_disrupted(ctx: _Context) -> Decision | None:
    for h in ctx.cue("intercept"):
        if not h.entry.strong and not ctx.has(PROJECTILES | MANNED_AIRCRAFT):
            continue
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
        if _object_kind(ctx, h) == "weapon":
            return ctx.decide(h, "Disrupted weapons use", "COERCE", "seize")
    return None


def rule_weapons(ctx: _Context) -> Decision | None:
    # "chemical weapons" alone is often policy talk (stockpiles, the convention,
    # accusations): it needs words of use and no policy words.
    chemical = ctx.cue("chemical", strong=True) or (
        ctx.cue("chemical") if ctx.has(CHEMICAL_USE) and not ctx.has(CHEMICAL_POLICY) else []
    )
    if chemical:
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
        or any(_strike_marked(ctx.head(h)) for h in strike)
    )
    if strike and conflict and not ctx.has(NON_CONFLICT | LABOUR):
        if ctx.cue("shelling") or ctx.has(frozenset({"missile", "rocket"})):
            return ctx.decide(strike[0], "Shelling/artillery/missile attack", "FIGHT", "artillery")
        return ctx.decide(strike[0], "Air/drone strike")
    weak_shell = ctx.cue("shelling", strong=False)
    if weak_shell and (ctx.armed_present() or ctx.cue("kill", "attack")):
        return ctx.decide(weak_shell[0], "Shelling/artillery/missile attack")
    weak_ied = ctx.cue("ied", strong=False)
    blast_context = ctx.armed_present() or bool(ctx.cue("kill")) or ctx.has(BLAST_WORDS)
    if weak_ied and blast_context and not ctx.has(BLAST_ACCIDENT):
        return ctx.decide(weak_ied[0], "Remote explosive/landmine/IED")
    return None


def _live_abducts(ctx: _Context) -> list[TriggerHit]:
    """Abduction cues, less "rescued/released hostages" (taken earlier, not here)."""
    return [
        h
        for h in ctx.cue("abduct")
        if h.entry.strong or ctx.head(h).head.lemma_.lower() not in FREED
    ]


def _strike_marked(head: Token) -> bool:
    for c in head.children:
        if c.ent_type_ in ("NORP", "GPE") and c.dep_ in ("amod", "compound", "poss"):
            return True
        if c.dep_ == "prep" and c.lower_ in ("on", "against", "targeting"):
            return True
    return False


def rule_vac_words(ctx: _Context) -> Decision | None:
    sexual = ctx.cue("sexual")
    if sexual:
        return ctx.decide(sexual[0], "Sexual violence")
    abduct = _live_abducts(ctx)
    if abduct and (abduct[0].entry.strong or ctx.armed_present()):
        return ctx.decide(abduct[0], "Abduction/forced disappearance")
    return None


def _object_kind(ctx: _Context, hit: TriggerHit) -> str:
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


def _taker_inters(ctx: _Context, hit: TriggerHit) -> set[int | None]:
    if hit.entry.phrase[0] != "fall":
        return _initiator_inters(ctx, hit)
    # "X fell to the rebels": the taker is the object of "to"/"into the hands of".
    out: set[int | None] = set()
    for tok in ctx.head(hit).subtree:
        if tok.dep_ == "pobj" and tok.lemma_ != "hand":
            out.add(noun_inter(tok))
    return {i for i in out if i is not None}


def rule_territory(ctx: _Context) -> Decision | None:
    transfer = ctx.cue("transfer", strong=True)
    for h in ctx.cue("regain") + ctx.cue("capture"):
        kind = _object_kind(ctx, h)
        loose = not h.entry.strong or h.entry.phrase[0] in ("clear", "fall")
        if loose and kind != "place":
            continue
        inters = _taker_inters(ctx, h)
        if kind == "" and not inters & ARMED:
            continue  # "seized the opportunity", "took over the presidency"
        if kind == "person":
            captives = _victim_inters(ctx, [h])
            if 1 in inters and not captives & ARMED:
                return ctx.decide(h, "Arrests", "COERCE", "arrest")
            if 7 in _victim_inters(ctx, [h]):
                return ctx.decide(h, "Abduction/forced disappearance", "ASSAULT", "abduct")
            return ctx.decide(h, "Armed clash", "FIGHT", "small-arms")
        if kind == "weapon":
            continue
        if transfer:
            return ctx.decide(transfer[0], "Non-violent transfer of territory")
        if h.entry.phrase[0] == "enter" and not ctx.cue("clash", "kill", "attack"):
            # Non-state fighters entering a place take it; state troops deploy.
            if inters & {2, 3, 4}:
                return ctx.decide(h, "Non-state actor overtakes territory")
            continue
        if 1 in inters:
            return ctx.decide(h, "Government regains territory")
        if inters & {2, 3, 4, 8}:
            return ctx.decide(h, "Non-state actor overtakes territory")
        if h.cue == "regain" or ctx.state_present():
            return ctx.decide(h, "Government regains territory")
        return ctx.decide(h, "Non-state actor overtakes territory")
    return None


def _abstract(ctx: _Context, hit: TriggerHit) -> bool:
    """'the fight against corruption', 'a legal battle', 'attacked the plan in a
    speech': not armed violence."""
    for c in ctx.head(hit).children:
        if c.dep_ == "dobj" and c.lemma_.lower() in ABSTRACT_TARGETS:
            return True
        if c.dep_ == "prep" and c.lower_ == "in":
            if any(o.lemma_.lower() in VERBAL for o in c.children):
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


def _armed_target(ctx: _Context, hits: Sequence[TriggerHit]) -> bool:
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


def rule_violence(ctx: _Context) -> Decision | None:
    if ctx.has(NON_CONFLICT) and not ctx.has(ARMED_WORDS):
        return None
    clash_strong = ctx.cue("clash", strong=True)
    clash_weak = [h for h in ctx.cue("clash", strong=False) if not _abstract(ctx, h)]
    attacks = [h for h in ctx.cue("attack") if not _abstract(ctx, h)]
    # "bodies", "dead" alone are no killing here (the "found dead" rule is below).
    kills = [h for h in ctx.cue("kill") if h.entry.phrase[0] not in ("body", "dead", "die")]
    bare = [h for h in ctx.cue("kill") if h not in kills]
    if not (clash_strong or clash_weak or attacks or kills or bare):
        return None
    # "arrested 15 people in raids": the raid is how the arrest was made.
    if (ctx.cue("arrest") or _live_abducts(ctx)) and not (clash_strong or kills):
        return None
    # "Residents beat a suspected thief to death": civilians acting as a mob.
    mobbing = [h for h in kills + attacks if _initiator_inters(ctx, h) & {5, 7}]
    if mobbing and not any(_initiator_inters(ctx, h) & ARMED for h in kills + attacks):
        return ctx.decide(mobbing[0], "Mob violence", "ASSAULT", "beat")
    victims = _victim_inters(ctx, attacks + kills + clash_strong + bare)
    armed_victim = bool(victims & ARMED) or _armed_target(ctx, attacks + kills)
    civ_victim = (
        7 in victims
        or (ctx.has(frozenset({"civilian"})) and not armed_victim)
        or (not armed_victim and _civilian_target(ctx, attacks + kills))
    )
    # "Clashes between supporters of rival candidates": rioters, no armed actor.
    if clash_strong and not ctx.armed_present() and _rioters(ctx):
        return ctx.decide(clash_strong[0], "Mob violence", "PROTEST", "riot")
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


def _civilian_target(ctx: _Context, hits: Sequence[TriggerHit]) -> bool:
    """The attack's object is a civilian place or gathering ("stormed a wedding party")."""
    for h in hits:
        head = ctx.head(h)
        for c in head.children:
            if c.dep_ in ("dobj", "nsubjpass") and (
                c.lemma_.lower() in CIVILIAN_TARGETS
                or any(x.lemma_.lower() in CIVILIAN_TARGETS for x in c.children)
            ):
                return True
    return False


def _rioters(ctx: _Context) -> bool:
    return any(a.inter in (5, 6) for a in ctx.actors)


def rule_arrest(ctx: _Context) -> Decision | None:
    for h in ctx.cue("arrest"):
        nxt = ctx.doc[h.end] if h.end < len(ctx.doc) else None
        if nxt is not None and nxt.lemma_.lower() == "warrant":
            continue
        return ctx.decide(h, "Arrests")
    return None


def rule_agreement(ctx: _Context) -> Decision | None:
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
    if ctx.has(AGREE_CONTEXT) and ctx.has(AGREE_VERBS):
        main = next((h for h in hits if ctx.head(h).pos_ == "VERB"), hits[0])
        return ctx.decide(main, "Agreement")
    return None


def rule_change(ctx: _Context) -> Decision | None:
    hits = ctx.cue("change")
    if not hits or not ctx.has(GROUP_WORDS):
        return None
    for h in hits:
        head = ctx.head(h)
        near = {t.lemma_.lower() for t in head.subtree} | {
            t.lemma_.lower() for t in head.head.subtree
        }
        if h.entry.strong or near & GROUP_WORDS:
            return ctx.decide(h, "Change to group/activity")
    return None


def rule_base(ctx: _Context) -> Decision | None:
    for h in ctx.cue("base"):
        objs = {t.lemma_.lower() for t in ctx.head(h).subtree}
        if objs & BASE_OBJECTS and (ctx.armed_present() or "military" in ctx.lemmas):
            return ctx.decide(h, "Headquarters or base established")
    return None


def rule_loot(ctx: _Context) -> Decision | None:
    for h in ctx.cue("loot"):
        objs = {t.lemma_.lower() for t in ctx.head(h).subtree}
        if not h.entry.strong and objs & (ARMED_TARGETS | WEAPON_NOUNS):
            # "an army unit destroyed an ISIS vehicle / ammunition depot": combat.
            return ctx.decide(h, "Armed clash", "FIGHT", "small-arms")
        if h.entry.strong or {t.lemma_.lower() for t in ctx.head(h).subtree} & PROPERTY:
            return ctx.decide(h, "Looting/property destruction")
    return None


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


def rule_transfer(ctx: _Context) -> Decision | None:
    for h in ctx.cue("transfer"):
        head = ctx.head(h)
        # For a verb, what was handed over; for a noun ("the withdrawal of US
        # forces") the "of" phrase is who left, not what was handed.
        kind = _object_kind(ctx, h) if head.pos_ == "VERB" else ""
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
        takers = _initiator_inters(ctx, h)
        if takers & ARMED or (ctx.armed_present() and h.entry.phrase[0] != "evacuate"):
            return ctx.decide(h, "Non-violent transfer of territory")
    return None


def rule_deploy(ctx: _Context) -> Decision | None:
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


RULES: tuple[Rule, ...] = (
    rule_protest,
    rule_disrupted,
    rule_weapons,
    rule_vac_words,
    rule_territory,
    rule_violence,
    rule_arrest,
    rule_agreement,
    rule_change,
    rule_base,
    rule_loot,
    rule_transfer,
    rule_deploy,
)
# Families whose trigger may open a second event in the same sentence.
SECONDARY_CUES = frozenset(
    {"air", "shelling", "ied", "suicide", "chemical", "grenade", "clash", "regain", "capture"}
)


def _plover_one_sided(ctx: _Context, d: Decision) -> Decision:
    """PLOVER tells one-sided violence (ASSAULT) from fighting (FIGHT): remote
    violence whose only typed victims are civilians is an ASSAULT."""
    if d.event_type != "Explosions/Remote violence" or d.plover_type != "FIGHT":
        return d
    victims = {a.inter for a in d.actor2} | _victim_inters(ctx, ctx.cue("kill"))
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
    hits = _without_circumstance(doc, _without_deployed(doc, hits))
    ctx = _Context(doc, hits, known)
    primary = _first(ctx)
    if primary is None:
        return []
    second = _secondary(ctx, primary)
    found = [primary] if second is None else [primary, second]
    return [_plover_one_sided(ctx, d) for d in found]


def _without_deployed(doc: Doc, hits: Sequence[TriggerHit]) -> list[TriggerHit]:
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


_CIRCUMSTANCE = frozenset({"after", "amid", "following", "despite", "before", "during"})


def _without_circumstance(doc: Doc, hits: Sequence[TriggerHit]) -> list[TriggerHit]:
    """When a strong trigger is the sentence's main verb, drop trigger nouns that
    only set the scene ("took control of Mekelle after heavy shelling")."""
    main = [
        h
        for h in hits
        if h.entry.strong
        and trigger_head(doc, h).dep_ == "ROOT"
        and trigger_head(doc, h).pos_ == "VERB"
    ]
    if not main:
        return list(hits)
    scene: set[int] = set()
    for tok in doc:
        if tok.dep_ == "prep" and tok.lower_ in _CIRCUMSTANCE:
            scene.update(t.i for t in tok.subtree)
    return [h for h in hits if h in main or h.start not in scene]


def _first(ctx: _Context) -> Decision | None:
    for rule in RULES:
        decision = rule(ctx)
        if decision is not None:
            return decision
    return None


def _clause_verb(tok: Token) -> Token | None:
    """The verb of the clause a trigger belongs to (itself when a verb)."""
    for t in (tok, tok.head, tok.head.head):
        if t.pos_ == "VERB":
            return t
    return None


def _secondary(ctx: _Context, primary: Decision) -> Decision | None:
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
        verb, p_verb = _clause_verb(head), _clause_verb(p_head)
        if verb is None or p_verb is None or verb == p_verb:
            continue
        if not all(
            any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children) for v in (verb, p_verb)
        ):
            continue
        sub = _first(_Context(ctx.doc, [h], ctx.known))
        if sub is not None and sub.event_type != primary.event_type:
            return sub
    return None
