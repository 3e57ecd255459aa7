"""Token patterns for the actor dictionary (spaCy Matcher / EntityRuler format).

Aliases are tokenised with spaCy's rule-based English tokenizer (no model
needed), so "al-Shabaab" becomes the same three tokens the pipeline sees.
Demonym-led phrases are a handful of patterns whose token slots hold sets
("<any demonym> ['s] [modifiers]* <any generic noun>"); the tagger checks the
combination against the tables afterwards, so no pair is listed by hand.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .actor_data import MODIFIERS, fold, normalise

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer

    from .actor_data import ActorDictionary

LABEL = "FL_ACTOR"
POSSESSIVE = ["'s", "\u2019s", "'", "\u2019"]


@lru_cache(maxsize=1)
def alias_tokenizer() -> Tokenizer:
    import spacy

    return spacy.blank("en").tokenizer


def split(text: str) -> list[str]:
    return [t.text for t in alias_tokenizer()(text)]


def token_values(word: str) -> list[str]:
    """Lower-case forms a token may take in running text (accents and apostrophes vary)."""
    low = word.lower()
    values = {low, fold(word)}
    values |= {v.replace("'", "\u2019") for v in list(values) if "'" in v}
    return sorted(values)


def lower_token(word: str) -> dict[str, Any]:
    values = token_values(word)
    return {"LOWER": values[0]} if len(values) == 1 else {"LOWER": {"IN": values}}


def slot(words: set[str]) -> dict[str, Any]:
    values: set[str] = set()
    for word in words:
        values.update(token_values(word))
    return {"LOWER": {"IN": sorted(values)}}


def build_patterns(dictionary: ActorDictionary) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()
    # generic nouns by length, for the demonym-led patterns: position -> words
    nouns: dict[int, list[set[str]]] = {}
    for variant, alias, entry in dictionary.alias_forms():
        words = split(variant)
        if not words:
            continue
        if entry.generic and not alias.case_sensitive:
            slots = nouns.setdefault(len(words), [set() for _ in words])
            for position, word in enumerate(words):
                slots[position].add(word)
        if alias.after_demonym:
            continue
        if alias.case_sensitive:
            key = "C|" + variant
            pattern = [{"ORTH": w} for w in words]
        else:
            key = "A|" + normalise(variant)
            pattern = [lower_token(w) for w in words]
        marker = (key, tuple(words))
        if marker in seen:
            continue
        seen.add(marker)
        out.append({"label": LABEL, "pattern": pattern, "id": key})

    # country names and demonyms grouped by token count; case-sensitive ones apart
    # bare country names, resolved by the tagger only as a clause subject ("Russia launched")
    for cc, country in dictionary.countries.items():
        for name in country.names:
            exact = dictionary.country_of(name) == cc and name.isupper()
            words = split(name)
            out.append(
                {
                    "label": LABEL,
                    "pattern": [{"ORTH": w} for w in words]
                    if exact
                    else [lower_token(w) for w in words],
                    "id": f"K|{cc}",
                }
            )

    prefixes: dict[tuple[int, bool], list[set[str]]] = defaultdict(list)
    for form, exact in dictionary.country_forms():
        words = split(form)
        slots = prefixes[(len(words), exact)]
        while len(slots) < len(words):
            slots.append(set())
        for position, word in enumerate(words):
            slots[position].add(word)
    middle = [
        {"LOWER": {"IN": POSSESSIVE}, "OP": "?"},
        {"LOWER": {"IN": sorted(MODIFIERS)}, "OP": "*"},
    ]
    for (n, exact), pslots in sorted(prefixes.items()):
        head = [{"ORTH": {"IN": sorted(s)}} for s in pslots] if exact else [slot(s) for s in pslots]
        for m, nslots in sorted(nouns.items()):
            key = f"D|{n}|{m}"
            out.append(
                {"label": LABEL, "pattern": [*head, *middle, *(slot(s) for s in nslots)], "id": key}
            )
    return out
