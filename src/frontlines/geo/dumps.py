"""Loading GeoNames dump files into the gazetteer index (streamed, never all in memory).

Accepted: ``allCountries.zip``, per-country ``SY.zip``/``UA.zip`` or their
``.txt``, ``alternateNamesV2.zip``/``.txt`` (extra names for places already in
the index), ``admin1CodesASCII.txt`` and ``admin2Codes.txt`` (admin unit names).
The main-table format is GeoNames' 19 tab-separated columns (geonameid, name,
asciiname, alternatenames, latitude, longitude, feature class, feature code,
country code, cc2, admin1..admin4, population, elevation, dem, timezone,
modification date). A place already in the index (same geonameid) is replaced.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from .build import latin_names, strip_admin_words
from .gazetteer import IndexWriter


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Feature codes kept from classes S and T; classes P, A and L are kept whole.
S_CODES = _words("AIRB AIRF AIRP AIRH MILB INSM NVB CMPRF CMP PS NPLT DAM BDG PRT PO STNM RSTN HSP")
T_CODES = _words("MT MTS PLAT PEN ISL ISLS VAL DSRT HLL HLLS PASS SPIT CAPE")
# alternateNames "languages" that are codes or links, not names.
SKIP_LANGS = frozenset({"link", "post", "iata", "icao", "faac", "fr_1793", "unlc", "wkdt", "tcid"})


@dataclass
class LoadReport:
    path: str
    kind: str
    rows: int = 0
    added: int = 0
    names: int = 0
    by_class: dict[str, int] = field(default_factory=dict)


@contextmanager
def _open_text(path: Path) -> Iterator[io.TextIOBase]:
    """The text stream of a .txt file, or of the main .txt member of a .zip."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            members = [n for n in zf.namelist() if n.endswith(".txt") and "readme" not in n.lower()]
            if not members:
                raise InputError(str(path), "zip archive holds no .txt member")
            with zf.open(members[0]) as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8")
    else:
        with path.open(encoding="utf-8") as fh:
            yield fh


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.startswith("alternatenames"):
        return "alternates"
    if name.startswith("admin1codes") or name.startswith("admin2codes"):
        return "admin_codes"
    return "places"


def load_dump(writer: IndexWriter, path: Path, with_terrain: bool = False) -> LoadReport:
    """Stream one GeoNames file into the index; return what was read and added."""
    if not path.exists():
        raise InputError(str(path), "no such file")
    kind = _kind(path)
    report = LoadReport(str(path), kind)
    with _open_text(path) as fh:
        if kind == "places":
            _load_places(writer, fh, report, with_terrain)
        elif kind == "alternates":
            _load_alternates(writer, fh, report)
        else:
            _load_admin_codes(writer, fh, report)
    writer.flush()
    return report


def _load_places(
    writer: IndexWriter, fh: io.TextIOBase, report: LoadReport, with_terrain: bool
) -> None:
    for line_no, line in enumerate(fh, 1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 15 or not cols[0].isdigit():
            if line.strip():
                raise InputError(
                    report.path, "not a GeoNames table row (19 tab-separated columns)", line_no
                )
            continue
        report.rows += 1
        fclass, fcode = cols[6], cols[7]
        keep = fclass in {"P", "A", "L"} or (fclass == "S" and fcode in S_CODES)
        keep = keep or (with_terrain and fclass == "T" and fcode in T_CODES)
        if not keep:
            continue
        names = latin_names([cols[2], *cols[3].split(",")])
        if fclass == "A":
            names += [s for s in (strip_admin_words(n) for n in [cols[1], *names]) if s]
        writer.add(
            name=cols[1],
            names=names,
            lat=float(cols[4]),
            lon=float(cols[5]),
            country=cols[8] or None,
            geonameid=int(cols[0]),
            admin1=cols[10] or None,
            admin2=cols[11] or None,
            fclass=fclass,
            fcode=fcode,
            population=int(cols[14] or 0),
            source=f"geonames dump {Path(report.path).name}",
        )
        report.added += 1
        report.by_class[fclass] = report.by_class.get(fclass, 0) + 1


def _load_alternates(writer: IndexWriter, fh: io.TextIOBase, report: LoadReport) -> None:
    for line in fh:
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 4 or not cols[1].isdigit():
            continue
        report.rows += 1
        if cols[2] in SKIP_LANGS or (len(cols) > 7 and cols[7] == "1"):
            continue  # codes, links and historic names
        pid = writer.place_id(int(cols[1]))
        if pid is None or not latin_names([cols[3]]):
            continue
        writer.add_names(pid, [cols[3]])
        report.names += 1


def _load_admin_codes(writer: IndexWriter, fh: io.TextIOBase, report: LoadReport) -> None:
    # "US.TX\tTexas\tTexas\t4736286": names for the admin unit with that geonameid.
    for line in fh:
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 4 or not cols[3].isdigit():
            continue
        report.rows += 1
        pid = writer.place_id(int(cols[3]))
        if pid is None:
            continue
        names = [cols[1], cols[2]]
        writer.add_names(pid, names + [s for s in (strip_admin_words(n) for n in names) if s])
        report.names += 1
