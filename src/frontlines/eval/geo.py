"""``frontlines eval geo``: geoparsing on TR-News and GeoVirus (or the bundled gold set).

Reported per corpus, side by side with a population-only baseline on the same
gazetteer:
- acc@161 with gold spans: the gold toponyms are given; is the chosen point
  within 161 km of the gold one (unresolved counts as wrong);
- end to end: toponym precision/recall/F1 (a found span counts when it
  overlaps a gold span) and acc@161 over the true positives;
- coverage: share of gold toponyms with any gazetteer candidate within 161 km.
TR-News gold marks demonyms ("Turkish" -> Turkey), GeoVirus does not; TR-News
is scored both with demonyms (gold and system) and without (both).
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from ..errors import GoldSetError
from ..geo.gazetteer import GazPlace
from ..geo.geocoder import Geocoder
from ..geo.normalize import name_key
from ..geo.resolver import Resolver, haversine_km
from ..geo.toponyms import Mention, demonyms
from .common import PRF, bundled

KM = 161.0


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None

    @property
    def is_demonym(self) -> bool:
        return name_key(self.text) in demonyms()


@dataclass
class GoldDoc:
    text: str
    toponyms: list[GoldToponym]


def _repo_data() -> Path:
    # src/frontlines/eval/geo.py -> repo root is parents[3]; shared data sits beside it.
    return Path(__file__).resolve().parents[3].parent / "shared" / "data" / "geo"


def _realign(text: str, phrase: str, start: int, drift: int) -> int | None:
    """Offset shift that makes text[start + d:] begin with phrase, nearest to ``drift``."""
    for step in range(120):
        for d in (drift - step, drift + step) if step else (drift,):
            if start + d >= 0 and text.startswith(phrase, start + d):
                return d
    return None


def read_trnews(path: Path) -> list[GoldDoc]:
    """TR-News; some articles' offsets drift by a few characters (whitespace
    normalised in the released text), so spans are realigned on the gold phrase."""
    docs = []
    for art in ET.parse(path).getroot().findall("article"):
        text = art.findtext("text") or ""
        tops = []
        drift = 0
        for t in art.iterfind("toponyms/toponym"):
            gaz = t.find("gaztag")
            lat = gaz.findtext("lat") if gaz is not None else None
            lon = gaz.findtext("lon") if gaz is not None else None
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            phrase = t.findtext("phrase") or ""
            if phrase and text[start:end] != phrase:
                shift = _realign(text, phrase, start, drift)
                if shift is not None:
                    drift = shift
                    start, end = start + shift, start + shift + len(phrase)
            tops.append(
                GoldToponym(
                    start,
                    end,
                    text[start:end],
                    float(lat) if lat else None,
                    float(lon) if lon else None,
                )
            )
        docs.append(GoldDoc(text, tops))
    return docs


def read_geovirus(path: Path) -> list[GoldDoc]:
    docs = []
    for art in ET.parse(path).getroot().findall("article"):
        text = art.findtext("text") or ""
        tops = []
        for loc in art.iterfind("locations/location"):
            # GeoVirus offsets are shifted by +1 (see shared/data/README.md).
            start, end = int(loc.findtext("start") or 1) - 1, int(loc.findtext("end") or 1) - 1
            tops.append(
                GoldToponym(
                    start,
                    end,
                    text[start:end],
                    float(loc.findtext("lat") or 0),
                    float(loc.findtext("lon") or 0),
                )
            )
        docs.append(GoldDoc(text, tops))
    return docs


def read_bundled() -> list[GoldDoc]:
    """Our own small gold set (resources/gold/geo/gold.jsonl): text + toponyms with points."""
    path = bundled("gold", "geo", "gold.jsonl")
    if not path.exists():
        raise GoldSetError(f"missing bundled geo gold set: {path}")
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = row["text"]
        tops = []
        for t in row["toponyms"]:
            start = text.index(t["text"], t.get("from", 0))
            tops.append(GoldToponym(start, start + len(t["text"]), t["text"], t["lat"], t["lon"]))
        docs.append(GoldDoc(text, tops))
    return docs


@dataclass
class Tally:
    """Counts of one configuration on one corpus."""

    spans_ok: int = 0
    spans_n: int = 0
    base_ok: int = 0
    covered: int = 0
    e2e: PRF = field(default_factory=PRF)
    e2e_ok: int = 0
    base_e2e_ok: int = 0

    def row(self) -> dict[str, float]:
        tp = self.e2e.tp or 1
        n = self.spans_n or 1
        return {
            "acc161_gold_spans": self.spans_ok / n,
            "acc161_gold_spans_population": self.base_ok / n,
            "gazetteer_coverage": self.covered / n,
            "toponym_p": self.e2e.precision,
            "toponym_r": self.e2e.recall,
            "toponym_f1": self.e2e.f1,
            "acc161_e2e": self.e2e_ok / tp,
            "acc161_e2e_over_gold": self.e2e_ok / (self.e2e.support or 1),
            "acc161_e2e_population": self.base_e2e_ok / tp,
        }


def _close(place: GazPlace | None, gold: GoldToponym) -> bool:
    if place is None or gold.lat is None or gold.lon is None:
        return False
    return haversine_km(place.lat, place.lon, gold.lat, gold.lon) <= KM


def _population_pick(cands: Iterable[GazPlace]) -> GazPlace | None:
    return max(cands, key=lambda c: c.population, default=None)


def score_docs(
    geocoder: Geocoder, docs: list[GoldDoc], with_demonyms: bool, sdocs: list[Any]
) -> Tally:
    """Score one configuration; ``sdocs`` are the spaCy docs of ``docs`` (parsed once)."""
    tally = Tally()
    resolver = geocoder.resolver
    gaz = geocoder.gazetteer
    for doc_gold, sdoc in zip(docs, sdocs, strict=True):
        gold = [g for g in doc_gold.toponyms if with_demonyms or not g.is_demonym]
        # 1. gold spans
        mentions = []
        for g in gold:
            cands = gaz.lookup(g.text)
            phon = False
            if not cands:
                cands, phon = gaz.lookup_phonetic(g.text), True
            dem = demonyms().get(name_key(g.text))
            if dem:
                country = gaz.country(dem)
                cands, phon = ((country,) if country else ()), False
            mentions.append(Mention(g.start, g.end, g.text, "gold", None, cands, phonetic=phon))
        resolved = resolver.resolve(mentions, doc_gold.text)
        for g, r in zip(gold, resolved, strict=True):
            if g.lat is None:
                continue
            tally.spans_n += 1
            tally.spans_ok += _close(r.place, g)
            tally.base_ok += _close(_population_pick(r.mention.candidates), g)
            tally.covered += any(_close(c, g) for c in r.mention.candidates)
        # 2. end to end
        found = geocoder.locate_mentions(sdoc, include_demonyms=with_demonyms)
        matched: set[int] = set()
        for loc in found:
            m = loc.mention
            hit = next(
                (
                    i
                    for i, g in enumerate(gold)
                    if i not in matched and g.start < m.end and m.start < g.end
                ),
                None,
            )
            if hit is None:
                tally.e2e.fp += 1
                continue
            matched.add(hit)
            tally.e2e.tp += 1
            tally.e2e_ok += _close(loc.place, gold[hit])
            tally.base_e2e_ok += _close(_population_pick(m.candidates), gold[hit])
        tally.e2e.fn += len(gold) - len(matched)
    return tally


def run(
    trnews: Path | None, geovirus: Path | None, limit: int | None, use_bundled: bool = False
) -> dict[str, dict[str, float]]:
    from ..nlp import shared_model

    nlp = shared_model()
    geocoder = Geocoder.default()
    geocoder = Geocoder(geocoder.gazetteer, Resolver())
    results: dict[str, dict[str, float]] = {}
    if trnews is not None:
        docs = read_trnews(trnews)[:limit]
        sdocs = list(nlp.pipe([d.text for d in docs], batch_size=8))
        results["trnews"] = score_docs(geocoder, docs, True, sdocs).row()
        results["trnews_no_demonyms"] = score_docs(geocoder, docs, False, sdocs).row()
    if geovirus is not None:
        docs = read_geovirus(geovirus)[:limit]
        sdocs = list(nlp.pipe([d.text for d in docs], batch_size=8))
        results["geovirus"] = score_docs(geocoder, docs, False, sdocs).row()
    if use_bundled:
        docs = read_bundled()
        sdocs = list(nlp.pipe([d.text for d in docs], batch_size=8))
        results["bundled"] = score_docs(geocoder, docs, False, sdocs).row()
    return results


def score() -> dict[str, float]:
    """Gate metrics: first 15 articles of each corpus when the shared data is present,
    plus the bundled gold set (always)."""
    data = _repo_data()
    tr = data / "TR-News.xml"
    gv = data / "GeoVirus.xml"
    results = run(tr if tr.exists() else None, gv if gv.exists() else None, 15, use_bundled=True)
    flat: dict[str, float] = {}
    for corpus, row in results.items():
        for metric in ("acc161_gold_spans", "toponym_f1", "acc161_e2e"):
            flat[f"{corpus}_{metric}"] = round(row[metric], 4)
    return flat


@click.command("geo")
@click.option(
    "--trnews",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="TR-News.xml (default: ../shared/data/geo/).",
)
@click.option(
    "--geovirus",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="GeoVirus.xml (default: ../shared/data/geo/).",
)
@click.option(
    "--shared/--no-shared",
    default=True,
    help="Look for the corpora in ../shared/data/geo when not given.",
)
@click.option("--limit", type=int, default=None, help="Only the first N articles of each corpus.")
@click.option("--bundled/--no-bundled", default=False, help="Also score the bundled gold set.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
@click.option("--gate", is_flag=True, help="Compare score() with the pinned floors; exit 1 below.")
def command(
    trnews: Path | None,
    geovirus: Path | None,
    shared: bool,
    limit: int | None,
    bundled: bool,
    as_json: bool,
    gate: bool,
) -> None:
    """Score geoparsing: acc@161 km with gold spans, end-to-end toponym P/R/F1 and acc@161,
    next to a population-only baseline on the same gazetteer, and gazetteer coverage."""
    if gate:
        from .common import exit_below_floors

        scores = score()
        click.echo(json.dumps(scores, indent=1))
        exit_below_floors("geo", scores)
        sys.exit(0)
    data = _repo_data()
    if shared and trnews is None and (data / "TR-News.xml").exists():
        trnews = data / "TR-News.xml"
    if shared and geovirus is None and (data / "GeoVirus.xml").exists():
        geovirus = data / "GeoVirus.xml"
    results = run(trnews, geovirus, limit, use_bundled=bundled)
    if as_json:
        click.echo(json.dumps(results, indent=1))
        return
    metrics = list(next(iter(results.values())).keys()) if results else []
    click.echo(f"{'metric':<32}" + "".join(f"{c:>20}" for c in results))
    for metric in metrics:
        click.echo(f"{metric:<32}" + "".join(f"{results[c][metric]:20.3f}" for c in results))
