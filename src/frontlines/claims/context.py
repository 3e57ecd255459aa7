"""Passes over a text's sentence claims that look beyond one sentence.

- A verification disclaimer standing as its own sentence ("Those accounts could
  not be independently verified.", "Reuters could not independently verify the
  figures.") disputes the claim it follows: the previous sentence's claimant in
  the same paragraph, and the sentences that carried that claimant into it
  ("The ministry said ... It said ... Meridian could not verify the figures.").
  "Neither claim ..." / "Both sides' accounts ..." reach one claimant further.
- An outlet naming itself ("The Observatory has documented ...", in the
  Observatory's own report) speaks in its own voice: claimant "author",
  modality "asserted".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..types import Claim, Claimant
from .sources import SourceRegistry

if TYPE_CHECKING:  # attribution imports this module
    from .attribution import SentenceClaim

# The subject of a disclaimer: a phrase pointing back at a claim, or a bare name
# (the outlet, a monitor, a party that "did not confirm"), before its verb.
_CLAIM_NOUNS = (
    r"(?:claims?|reports?|accounts?|figures?|tolls?|numbers?|information|statements?|"
    r"allegations?|assertions?|details|footage|videos?|images?|photos?|photographs?|"
    r"pictures?|casualt(?:y|ies)|data|versions?|loss(?:es)?|tally|count|death toll|"
    r"report|reporting|accounts)"
)
_AUX = (
    r"(?:could|can|cannot|can't|couldn't|was|were|is|are|has|have|had|did|does|do|"
    r"didn't|doesn't|hasn't|haven't)\b"
)
_ANAPHORIC_SUBJECT = re.compile(
    r"^\W*(?:(?:the|those|these|this|that|such|its|their|his|her|neither|either|both|"
    r"none of the|all|all of the)\s+(?:(?:authenticity|accuracy|veracity) of (?:the )?)?"
    r"(?:(?!(?:said|says|told|added|claimed|stated|reported|the|a|an)\b)[\w'’-]+\s+){0,3}?"
    rf"{_CLAIM_NOUNS}|it|this|that)"
    rf"\s+{_AUX}",
    re.IGNORECASE,
)
_NAMED_SUBJECT = re.compile(
    r"^\W*(?:The\s+)?(?!(?:There|It|This|That|These|Those|They|He|She|We)\b)"
    rf"[A-Z][\w.&’'-]*(?:\s+(?:[A-Z]|(?:al|el|ad|as|ash|ar)-)[\w.&’'-]*){{0,3}}\s+{_AUX}"
)
_BOTH = re.compile(r"\b(?:neither|either|both|none of the|all of the)\b", re.IGNORECASE)
# A disclaimer is short: a longer sentence with these words carries its own content.
_MAX_WORDS = 22


_VERIFY = re.compile(r"\b(?:verif|confirm|check|corroborat|substantiat|unverified)", re.IGNORECASE)
_ABILITY = re.compile(
    r"\b(?:could|can|cannot|can't|couldn't|unable|not able|independently|observed)\b",
    re.IGNORECASE,
)
# Who may disclaim: the outlet itself, another outlet or a monitor. A party to the
# story that "did not confirm" or "denied" makes a statement of its own.
_DISCLAIMERS = frozenset({"author", "media", "monitor"})


def is_disclaimer(text: str, claim: Claim) -> bool:
    """``text`` (one sentence, ``claim`` its claim) only says the claim before is unverified."""
    if claim.evidence != "disputed" or claim.claimant.type not in _DISCLAIMERS:
        return False
    if len(text.split()) > _MAX_WORDS or not _VERIFY.search(text):
        return False
    if _ANAPHORIC_SUBJECT.match(text):
        return True
    # a name that "could not verify" is a newsroom; one that "did not confirm" is a party
    return bool(_NAMED_SUBJECT.match(text) and _ABILITY.search(text))


def _same_paragraph(text: str, earlier: SentenceClaim, later: SentenceClaim, base: int) -> bool:
    """No line break between the two sentences (``base``: the text's article offset)."""
    gap = text[earlier.start - base : later.start - base]
    return "\n" not in gap[len(gap.rstrip()) :]


def _disputed(sc: SentenceClaim) -> SentenceClaim:
    return replace(sc, claim=replace(sc.claim, evidence="disputed"))


def apply_disclaimers(
    claims: Sequence[SentenceClaim], text: str, base: int = 0
) -> list[SentenceClaim]:
    """Give "disputed" to the claims a following disclaimer sentence refers to.

    ``text``: the analysed text the claims' offsets point into, minus ``base``.
    """
    out = list(claims)
    for i, sc in enumerate(claims):
        sentence = text[sc.start - base : sc.end - base].strip()
        if i == 0 or not is_disclaimer(sentence, sc.claim):
            continue
        reach = 2 if _BOTH.search(sentence) else 1
        seen: list[Claimant] = []
        # Wire copy often gives the disclaimer a paragraph of its own: then it speaks
        # of the paragraph before (its last claimant).
        alone = not _same_paragraph(text, claims[i - 1], sc, base) and (
            i + 1 == len(claims) or not _same_paragraph(text, sc, claims[i + 1], base)
        )
        j = i - 1
        while j >= 0 and (
            _same_paragraph(text, claims[j], claims[j + 1], base) or (alone and j == i - 1)
        ):
            prev = out[j]
            who = prev.claim.claimant
            if who.type == "author":
                break
            if not any(_same_claimant(who, s) for s in seen):
                if len(seen) == reach:
                    break
                seen.append(who)
            if prev.claim.evidence is not None:  # future and hypothetical claims keep none
                out[j] = _disputed(prev)
            j -= 1
            if not (out[j + 1].carried or reach > 1):
                break  # only a carried chain ("It said ...") leads further back
    return out


def _same_claimant(a: Claimant, b: Claimant) -> bool:
    return (a.start, a.end) == (b.start, b.end) or (
        a.text is not None and b.text is not None and a.text.lower() == b.text.lower()
    )


# --- the outlet's own voice ---------------------------------------------------

_DETERMINERS = ("the ", "our ")
_POSSESSIVE = re.compile(r"(?:'s|’s)\s+(.+)$")
# "according to the Observatory's documentation", "SANA's reporter said": the outlet's
# own records and staff.
_OWN_RECORDS = frozenset(
    {
        "documentation",
        "data",
        "figures",
        "records",
        "record",
        "count",
        "tally",
        "statistics",
        "monitoring",
        "report",
        "reports",
        "statement",
        "toll",
        "database",
        "documents",
        "findings",
        "investigation",
        "research",
        "analysis",
        "assessment",
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
    }
)
_CONNECTORS = frozenset({"of", "for", "and", "the", "&", "on", "in"})


def outlet_names(names: Iterable[str | None]) -> tuple[str, ...]:
    """The outlets' names with the registry's canonical names and aliases, lower case."""
    registry = SourceRegistry.bundled()
    out: list[str] = []
    for name in names:
        if not name:
            continue
        found = registry.lookup(name)
        for n in (name, *((found.name, *found.aliases) if found is not None else ())):
            key = _key(n)
            if key and key not in out:
                out.append(key)
    return tuple(out)


def _key(name: str) -> str:
    low = re.sub(r"\s+", " ", name.strip().lower())
    for det in _DETERMINERS:
        low = low.removeprefix(det)
    return low.strip(" .,")


def names_outlet(phrase: str, names: Sequence[str]) -> bool:
    """``phrase`` (a claimant as written) is one of the outlets ``names`` speaking.

    The full name or alias, its initials ("SOHR"), a leading part of it ("Meridian"
    for "Meridian Wire"), "the <capitalised head word>" ("the Observatory"), or
    its possessive over its own records ("the Observatory's documentation").
    """
    raw = phrase.strip()
    m = _POSSESSIVE.search(raw)
    if m is not None:
        tail = re.split(r"\s+(?:in|at|on|of|from|for)\s+", m.group(1).lower())[0].split()
        if not tail or tail[-1] not in _OWN_RECORDS:  # its head: "correspondent in Hama"
            return False
        raw = raw[: m.start()]
    key = _key(raw)
    if not key:
        return False
    capitalised = raw.split()[-1][:1].isupper()
    for name in names:
        words = name.split()
        if key == name:
            return True
        content = [w for w in words if w not in _CONNECTORS]
        if key.isalpha() and len(content) > 1 and key == "".join(w[0] for w in content):
            return True  # initials: "sohr"
        if capitalised and len(words) > 1 and name.startswith(key + " "):
            return True  # "Meridian" for "Meridian Wire"
        head = [w for w in words if w not in _CONNECTORS]
        if (
            capitalised
            and raw.lower().startswith(("the ", "our "))
            and " " not in key
            and key in head[1:]
        ):
            return True  # "the Observatory" for "Levant Observatory for Human Rights"
    return False


def apply_own_voice(claims: Sequence[SentenceClaim], names: Sequence[str]) -> list[SentenceClaim]:
    """Claims whose claimant is the outlet itself become the outlet's own voice."""
    if not names:
        return list(claims)
    out: list[SentenceClaim] = []
    for sc in claims:
        who = sc.claim.claimant
        if who.type != "author" and who.text and names_outlet(who.text, names):
            modality = sc.claim.modality
            if modality in ("reported", "claimed"):
                modality = "asserted"
            claim = Claim(
                Claimant(None, None, None, "author"), modality, sc.claim.hedges, sc.claim.evidence
            )
            sc = replace(sc, claim=claim, carried=False)
        out.append(sc)
    return out
