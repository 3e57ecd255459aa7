"""Choosing one gazetteer entry per mention, using the whole document.

Score of a candidate = prior (log population, feature-code prior: a capital
or a province seat with population 0 is still a seat) + document focus
(countries and provinces of unambiguous mentions; contenders that agree on a
country still vote for it) + parent match, chosen jointly for the pair
("Paris, Texas", "Atlanta, Georgia", "Austin, in Scott County") + list peers
("Arizona, Georgia and Illinois": states) + words that name the unit or the
polity ("Washington state", "Georgia's president", "the Pacific") + proximity
to places already resolved - penalties (phonetic match, airfield without
"air"/"airport" in the mention). A best score under ``threshold`` leaves the
mention unresolved. Links between mentions are read in ``links.py``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .gazetteer import GazPlace
from .links import find_links, names_admin, names_polity, polity_level
from .normalize import name_key
from .toponyms import Mention

FCODE_PRIOR = {
    "PCLI": 2.0,
    "CONT": 3.0,
    "PPLC": 1.5,
    "PPLA": 1.0,
    "PPLA2": 0.5,
    "ADM1": 0.8,
    "ADM2": -0.7,
    "RGN": 0.0,
}
# Admin units carry the summed population of their towns, which double-counts
# the seat; scale it down so "New York" the city beats the state.
ADMIN_POP_SCALE = {"ADM1": 0.125, "ADM2": 0.03}
SUPPLEMENT_POP = 1_000_000
_ABBREVIATION = re.compile(
    r"^(?:[A-Z][a-z]{0,4}\.|(?:[A-Z]\.\s?){2,3})$"
)  # curated entries have no population; they were added on purpose
BBox = tuple[float, float, float, float]  # min_lat, min_lon, max_lat, max_lon


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def prior(place: GazPlace, mention_text: str = "") -> float:
    """Context-free score of a candidate: population and feature code."""
    pop = place.population
    if place.source and place.source.startswith("supplement"):
        pop = max(pop, SUPPLEMENT_POP)
    pop = int(pop * ADMIN_POP_SCALE.get(place.fcode or "", 1.0))
    score = math.log10(pop + 1) + FCODE_PRIOR.get(place.fcode or "", 0.0)
    if place.fclass == "P" and place.population == 0:
        score += 1.5  # unknown, not tiny: district seats often have population 0
    alternate = mention_text and name_key(place.name) != name_key(mention_text)
    if alternate and place.fclass in {"P", "A"} and not place.is_country:
        # matched on an alternate name only: alternates are noisy ("Victoria" = Hong Kong)
        score -= 1.5
    if _ABBREVIATION.match(mention_text) and place.fclass != "A":
        score -= 5.0  # "Mo.", "B.C.", "Que.": a state or province, not a town called Mo
    if place.fcode in {"AIRP", "AIRB"}:
        if re.search(r"\b(air|airport|airfield|airbase|aerodrome)", mention_text.lower()):
            score += 5.0  # named as an airfield: as good as a sizeable town
        elif not (place.source or "").startswith("supplement"):
            score -= 4.0  # a curated short name ("Heathrow", "Hmeimim") was added on purpose
    return score


@dataclass(frozen=True)
class Resolution:
    mention: Mention
    place: GazPlace | None
    score: float


@dataclass
class Resolver:
    """Document-level resolution with optional user bias (country codes or a bounding box)."""

    threshold: float = 2.5
    bias_countries: frozenset[str] = frozenset()
    bias_bbox: BBox | None = None
    use_context: bool = True

    def _bias(self, place: GazPlace) -> float:
        bonus = 0.0
        if self.bias_countries and place.country in self.bias_countries:
            bonus += 1.5
        if self.bias_bbox is not None:
            lat0, lon0, lat1, lon1 = self.bias_bbox
            if lat0 <= place.lat <= lat1 and lon0 <= place.lon <= lon1:
                bonus += 1.5
        return bonus

    def resolve(self, mentions: Sequence[Mention], text: str) -> list[Resolution]:
        priors = [
            sorted(
                ((prior(c, m.text) + self._bias(c), c) for c in m.candidates),
                key=lambda x: -x[0],
            )
            for m in mentions
        ]
        if not self.use_context:
            return [
                Resolution(m, p[0][1] if p else None, p[0][0] if p else 0.0)
                for m, p in zip(mentions, priors, strict=True)
            ]
        tops = [p[0][1] if p else None for p in priors]
        links = find_links(mentions, tops, text)
        picks = _parent_pairs(priors, links.parent)
        # Focus from unambiguous mentions: a clear winner, or a country name. A name
        # does not vote for itself (five "London"s must not outvote one "Ont.").
        votes: list[tuple[str, str, str | None]] = []
        anchors: list[tuple[str, GazPlace]] = []
        for m, ranked in zip(mentions, priors, strict=True):
            if not ranked:
                continue
            top_score, top = ranked[0]
            # Senses within 2 points of the best are contenders. The mention votes for
            # the country (and province) they all share: "Quebec" the province or the
            # city, "Montreal" the city or its district are one vote for Quebec.
            rivals = [c for s, c in ranked[1:] if top_score - s < 2.0]
            same_cc = all(c.country == top.country for c in rivals)
            clear = not rivals or top.is_country
            if (clear or same_cc) and not m.phonetic and top.country:
                if top_score < self.threshold:
                    continue
                same_a1 = all(c.admin1 == top.admin1 for c in rivals)
                a1 = top.admin1 if not top.is_country and same_a1 else None
                votes.append((name_key(m.text), top.country, a1))
                if clear and not top.is_region and top.fclass in {"P", "S"}:
                    anchors.append((name_key(m.text), top))
        results: list[Resolution] = []
        for idx, (m, ranked) in enumerate(zip(mentions, priors, strict=True)):
            if not ranked:
                results.append(Resolution(m, None, 0.0))
                continue
            key = name_key(m.text)
            focus_cc: Counter[str] = Counter(cc for k, cc, _ in votes if k != key)
            focus_a1: Counter[tuple[str, str]] = Counter(
                (cc, a1) for k, cc, a1 in votes if k != key and a1
            )
            total = sum(focus_cc.values()) or 1
            near_anchors = [a for k, a in anchors if k != key]
            sibs = links.siblings[idx]
            sib_levels = Counter(lv for j in sibs if (lv := _level(tops[j])) is not None)
            sib_cc = Counter(t.country for j in sibs if (t := tops[j]) is not None and t.country)
            wants_admin = m.admin_hint or names_admin(text, m.start, m.end)
            the_before = text[max(0, m.start - 4) : m.start].lower() == "the "
            polity = names_polity(text, m.end)
            best: tuple[float, GazPlace] | None = None
            for base, cand in ranked[:60]:
                score = base
                if cand.country:
                    score += FOCUS_COUNTRY * focus_cc[cand.country] / total
                    a1_votes = focus_a1[(cand.country, cand.admin1 or "")]
                    if cand.admin1 and a1_votes:
                        # local news names its state over and over: "Monroe County" is
                        # the one in the state the article is about
                        share = a1_votes / total  # of the state, among all votes
                        # not for a town matched on an alternate name ("Mexico" for its
                        # capital, Mexico City, whose own mentions vote for its province)
                        primary = cand.fclass == "A" or name_key(cand.name) == key
                        score += FOCUS_ADMIN1 * (1 + share if primary else 1)
                if picks.get(idx) == cand.id:
                    score += 6.0  # "Paris, Texas": the sense its parent (or child) agrees with
                if sibs:
                    level = polity_level(cand)
                    if level is not None:
                        score += 3.0 * sib_levels[level] / len(sibs)  # a list of peers
                    if cand.country:
                        score += 1.0 * sib_cc[cand.country] / len(sibs)
                if the_before and (cand.fclass in {"H", "L", "T"} or cand.fcode in {"CONT", "RGN"}):
                    score += (
                        2.0  # "the Pacific", "the Sahel": seas and regions take "the", towns not
                    )
                if polity and cand.is_country:
                    score += 3.0  # "Georgia's president": the country
                if wants_admin and cand.fclass == "A":
                    score += 3.0  # "Idlib province", "Washington state": the text names the unit
                if m.phonetic:
                    score -= 1.5
                if near_anchors and cand.fclass in {"P", "S"}:
                    near = min(haversine_km(cand.lat, cand.lon, a.lat, a.lon) for a in near_anchors)
                    if near < 150:
                        score += 0.7
                if best is None or score > best[0]:
                    best = (score, cand)
            assert best is not None
            score, cand = best
            results.append(Resolution(m, cand if score >= self.threshold else None, score))
        # senses the text settles (a parent, "X state") hold for the name's other mentions
        settled = {i for i in picks if i < len(mentions)} | {
            i for i, m in enumerate(mentions) if m.admin_hint or names_admin(text, m.start, m.end)
        }
        return self._one_sense(results, settled)

    @staticmethod
    def _one_sense(results: list[Resolution], parented: set[int]) -> list[Resolution]:
        """A name resolved through its parent ("London, Ky.") keeps that sense in the document."""
        sense: dict[str, GazPlace] = {}
        for i in sorted(parented):
            place = results[i].place
            if place is not None:
                sense.setdefault(name_key(results[i].mention.text), place)
        if not sense:
            return results
        out = []
        for i, r in enumerate(results):
            key = name_key(r.mention.text)
            if (
                i not in parented
                and key in sense
                and any(c.id == sense[key].id for c in r.mention.candidates)
            ):
                r = Resolution(r.mention, sense[key], r.score)
            out.append(r)
        return out


FOCUS_COUNTRY = 3.0
FOCUS_ADMIN1 = 1.5


def _level(place: GazPlace | None) -> str | None:
    return polity_level(place) if place is not None else None


def _contains(parent: GazPlace, child: GazPlace) -> bool:
    """Same country assumed: a country, a province, or a county (admin2) holding the child."""
    if parent.is_country:
        return True
    if parent.fcode == "ADM1":
        return bool(parent.admin1) and parent.admin1 == child.admin1
    if parent.fcode == "ADM2":
        return (
            bool(parent.admin2)
            and parent.admin1 == child.admin1
            and parent.admin2 == child.admin2
            and child.fcode != "ADM2"
        )
    return False


def _parent_pairs(
    priors: Sequence[list[tuple[float, GazPlace]]], parent: Sequence[int | None]
) -> dict[int, int]:
    """For each child/parent pair, the consistent pair of senses with the best summed prior:
    mention index -> place id, for the child and for the parent ("Atlanta, Georgia")."""
    picks: dict[int, int] = {}
    for i, j in enumerate(parent):
        if j is None:
            continue
        best: tuple[float, int, int] | None = None
        for pc, c in priors[i][:60]:
            for pp, p in priors[j][:20]:
                if p.country != c.country or p.id == c.id or not _contains(p, c):
                    continue
                if best is None or pc + pp > best[0]:
                    best = (pc + pp, c.id, p.id)
        if best is not None:
            picks[i] = best[1]
            picks.setdefault(j, best[2])
    return picks
