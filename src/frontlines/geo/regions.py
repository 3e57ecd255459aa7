"""Region phrases around a place name: direction, part-of and admin qualifiers.

"the western countryside of Aleppo", "southeastern Idlib", "northern Hama
province", "the outskirts of Khartoum", "Donetsk oblast", "near Bakhmut".
``analyse`` reads the words around a mention and says: which direction, which
kind of part (countryside, outskirts...), whether an admin word names the
province rather than the town, whether it is "near" rather than "in". The
geocoder uses that to prefer the admin unit, to move the point a little
towards the named direction, and to set the ACLED ``geo_precision``:
1 a town, 2 part of a region or near a town, 3 a region or province.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .gazetteer import GazPlace

_DIR = r"(?:north|south)?-?(?:east|west)(?:ern)?|north(?:ern)?|south(?:ern)?|central|middle"
_PART = r"countryside|outskirts|suburbs?|vicinity|environs|edge|outskirt|part|parts|areas?|villages|rural areas|periphery|approaches"
_ADMIN_AFTER = r"province|governorate|oblast|region|district|county|countryside|raion|krai|prefecture|state|municipality|suburbs|outskirts"
_BEFORE = re.compile(
    rf"(?:(?P<dir>{_DIR})\s+)?(?:(?P<part>{_PART})\s+(?:of|to)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_NEAR = re.compile(
    r"\b(?P<near>near|outside|around|close to|nearby|north of|south of|east of|west of)\s+(?:the\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
_AFTER = re.compile(rf"^(?:['’]s)?\s+(?P<admin>{_ADMIN_AFTER})\b", re.IGNORECASE)

# Unit vectors (north, east) per direction word.
_VECTORS = {
    "north": (1.0, 0.0),
    "south": (-1.0, 0.0),
    "east": (0.0, 1.0),
    "west": (0.0, -1.0),
    "northeast": (0.707, 0.707),
    "northwest": (0.707, -0.707),
    "southeast": (-0.707, 0.707),
    "southwest": (-0.707, -0.707),
}


@dataclass(frozen=True)
class RegionInfo:
    direction: str | None  # "north", "southeast", ... or None
    part: str | None  # "countryside", "outskirts", ... or None
    admin: str | None  # "province", "oblast", ... when it follows the name
    near: bool  # "near X", "outside X", "north of X"
    start: int  # start of the whole phrase (<= mention start)
    end: int  # end of the whole phrase (>= mention end)

    @property
    def wants_admin(self) -> bool:
        """The phrase names the province/region rather than the town."""
        return (
            self.admin
            in {
                "province",
                "governorate",
                "oblast",
                "region",
                "district",
                "county",
                "raion",
                "krai",
                "prefecture",
                "state",
                "countryside",
            }
            or self.part == "countryside"
        )

    @property
    def is_partial(self) -> bool:
        return bool(self.direction or self.part or self.near)


def _direction(word: str | None) -> str | None:
    if not word:
        return None
    w = word.lower().replace("-", "")
    w = w[:-3] if w.endswith("ern") else w
    return w if w in _VECTORS else None


def analyse(text: str, start: int, end: int) -> RegionInfo:
    """Qualifiers around the mention text[start:end]."""
    left = text[max(0, start - 60) : start]
    right = text[end : end + 30]
    direction = part = admin = None
    near = False
    phrase_start, phrase_end = start, end
    m = _BEFORE.search(left)
    if m and (m.group("dir") or m.group("part")):
        direction = _direction(m.group("dir"))
        part = m.group("part").lower() if m.group("part") else None
        phrase_start = start - (len(left) - m.start())
        # "the western countryside of": take the article too
        if text[max(0, phrase_start - 4) : phrase_start].lower() == "the ":
            phrase_start -= 4
    n = _NEAR.search(left)
    if n:
        near = True
        word = n.group("near").lower()
        if " of" in word and direction is None:
            direction = _direction(word.split()[0])
    a = _AFTER.match(right)
    if a:
        admin = a.group("admin").lower()
        phrase_end = end + a.end()
    return RegionInfo(direction, part, admin, near, phrase_start, phrase_end)


def precision(place: GazPlace, info: RegionInfo) -> int:
    """ACLED geo_precision for a resolved place and its qualifiers."""
    if place.is_country or place.fcode in {"CONT", "RGN"} or place.fclass in {"L", "H"}:
        return 3
    if place.fclass == "A":
        # "southeastern Idlib", "the western countryside of Aleppo": part of a province
        return 2 if info.is_partial or place.fcode != "ADM1" else 3
    if place.fclass == "T":
        return 2
    return 2 if info.is_partial else 1


def shifted_point(place: GazPlace, info: RegionInfo) -> tuple[float, float]:
    """Move the point towards the named direction: ~15 km for a town, ~45 km for a province."""
    vec = _VECTORS.get(info.direction or "")
    if vec is None or place.is_country or place.fcode == "CONT" or place.fclass in {"L", "H"}:
        return place.lat, place.lon
    km = 45.0 if place.fcode == "ADM1" else 15.0
    dlat = vec[0] * km / 111.0
    dlon = vec[1] * km / (111.0 * max(0.2, math.cos(math.radians(place.lat))))
    return round(place.lat + dlat, 5), round(place.lon + dlon, 5)
