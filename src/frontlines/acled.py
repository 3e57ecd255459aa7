"""ACLED's event taxonomy in one place: 25 sub-event types, their 6 event types,
and the PLOVER type/mode each one maps to when nothing more specific is known.

Names are the ACLED Codebook's (2023/2024) exactly. The PLOVER defaults follow
the trigger lexicon's most common coding for each sub-event type
(resources/events/triggers.tsv); they are used only when the sub-event type was
decided without a trigger entry (the classifier's second opinion).
"""

from __future__ import annotations

# sub-event type -> event type
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
EVENT_TYPES: tuple[str, ...] = tuple(dict.fromkeys(SUB_EVENT_TYPES.values()))

# sub-event type -> (PLOVER type, mode)
PLOVER_DEFAULTS: dict[str, tuple[str, str | None]] = {
    "Armed clash": ("FIGHT", "small-arms"),
    "Government regains territory": ("FIGHT", "small-arms"),
    "Non-state actor overtakes territory": ("FIGHT", "small-arms"),
    "Chemical weapon": ("ASSAULT", "CBRN"),
    "Air/drone strike": ("FIGHT", "aerial"),
    "Suicide bomb": ("ASSAULT", "explosives"),
    "Shelling/artillery/missile attack": ("FIGHT", "artillery"),
    "Remote explosive/landmine/IED": ("ASSAULT", "explosives"),
    "Grenade": ("ASSAULT", "explosives"),
    "Sexual violence": ("ASSAULT", "sexual"),
    "Attack": ("ASSAULT", "kill"),
    "Abduction/forced disappearance": ("ASSAULT", "abduct"),
    "Peaceful protest": ("PROTEST", "demonstrate"),
    "Protest with intervention": ("COERCE", "disperse"),
    "Excessive force against protesters": ("COERCE", "disperse"),
    "Violent demonstration": ("PROTEST", "riot"),
    "Mob violence": ("ASSAULT", "beat"),
    "Agreement": ("AGREE", None),
    "Arrests": ("COERCE", "arrest"),
    "Change to group/activity": ("MOBILIZE", "militia"),
    "Disrupted weapons use": ("COERCE", "seize"),
    "Headquarters or base established": ("MOBILIZE", "troops"),
    "Looting/property destruction": ("COERCE", "seize"),
    "Non-violent transfer of territory": ("RETREAT", "withdraw"),
    "Other": ("MOBILIZE", "troops"),
}
