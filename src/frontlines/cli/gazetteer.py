"""``frontlines gazetteer``: build, extend and query the offline place index."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click


def _path(db: Path | None) -> Path:
    from ..geo.gazetteer import default_path

    return db or default_path()


_DB = click.option(
    "--db",
    type=click.Path(path_type=Path),
    default=None,
    help="Index file (default: $FRONTLINES_CACHE or ~/.cache/frontlines/gazetteer-<version>.sqlite).",
)


@click.group("gazetteer")
def gazetteer() -> None:
    """The offline gazetteer: GeoNames extracts from PyPI packages, plus curated places.

    \b
      frontlines gazetteer build                # (re)build the index (~20 s)
      frontlines gazetteer load SY.zip          # add a GeoNames dump (allCountries.zip, XX.zip, .txt)
      frontlines gazetteer info                 # size, counts, sources
      frontlines gazetteer lookup "Kafr Nabl"   # candidates for a name
    """


@gazetteer.command("build")
@_DB
def build_cmd(db: Path | None) -> None:
    """Build the index from the installed packages (replaces an existing one)."""
    from ..geo.build import build

    path = _path(db)
    started = time.perf_counter()
    counts = build(path)
    size = path.stat().st_size / 1e6
    click.echo(
        json.dumps(
            {
                "path": str(path),
                "seconds": round(time.perf_counter() - started, 1),
                "mb": round(size, 1),
                **counts,
            }
        )
    )


@gazetteer.command("load")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--terrain", is_flag=True, help="Also keep mountains, plateaus, islands (class T).")
@_DB
def load_cmd(files: tuple[Path, ...], terrain: bool, db: Path | None) -> None:
    """Stream GeoNames dump FILES into the index: allCountries.zip, per-country SY.zip or .txt,
    then optionally alternateNamesV2.zip, admin1CodesASCII.txt, admin2Codes.txt (in that order)."""
    from ..geo.dumps import load_dump
    from ..geo.gazetteer import IndexWriter
    from ..geo.geocoder import ensure_gazetteer

    path = ensure_gazetteer(_path(db))
    writer = IndexWriter(path)
    try:
        # Place tables first, so alternate names and admin codes find their places.
        order = sorted(files, key=lambda p: p.name.lower().startswith(("alternatenames", "admin")))
        for file in order:
            report = load_dump(writer, file, with_terrain=terrain)
            click.echo(json.dumps(report.__dict__))
    finally:
        writer.close()


@gazetteer.command("info")
@_DB
def info_cmd(db: Path | None) -> None:
    """Where the index is, its size, counts and where its places come from."""
    from ..geo.gazetteer import Gazetteer

    path = _path(db)
    if not path.exists():
        click.echo(f"no index at {path}; run: frontlines gazetteer build", err=True)
        raise SystemExit(1)
    gaz = Gazetteer(path)
    out = {
        "path": str(path),
        "mb": round(path.stat().st_size / 1e6, 1),
        **gaz.counts(),
        "meta": gaz.meta(),
    }
    out["sources"] = dict(gaz.iter_sources())
    click.echo(json.dumps(out, indent=1))


@gazetteer.command("lookup")
@click.argument("name")
@click.option("-n", "limit", type=int, default=10, help="How many candidates to show.")
@_DB
def lookup_cmd(name: str, limit: int, db: Path | None) -> None:
    """Candidates for NAME, best prior first (exact key, else phonetic key)."""
    from ..geo.gazetteer import Gazetteer
    from ..geo.geocoder import ensure_gazetteer
    from ..geo.normalize import name_key, phonetic_key
    from ..geo.resolver import prior

    gaz = Gazetteer(ensure_gazetteer(_path(db)))
    cands = gaz.lookup(name)
    how = "key"
    if not cands:
        cands, how = gaz.lookup_phonetic(name), "phonetic"
    click.echo(
        f"# {name!r}: key={name_key(name)!r} phonetic={phonetic_key(name)!r} match={how}", err=True
    )
    for c in sorted(cands, key=lambda c: -prior(c, name))[:limit]:
        click.echo(
            f"{prior(c, name):6.2f}  {c.name}\t{c.country or '-'}\t{c.fcode or '-'}\t"
            f"{c.lat:.4f},{c.lon:.4f}\tpop={c.population}\tgeonameid={c.geonameid}\t{c.source}"
        )
