"""Gazetteer build cost and geocoding cost per document.

Usage: .venv/bin/python benchmarks/bench_geo.py [PATH/TO/FA-KES-Dataset.csv] [--limit N] [--no-build]

Reports, in one run:
- gazetteer build: wall time and size on disk (built into a temporary dir);
- geocoding: ms per document for ``Geocoder.geoparse`` alone (toponym finding +
  lookups + resolution; the spaCy parse is timed apart), over FA-KES articles
  when given, else over the bundled geo gold set;
- peak RSS of the process before and after the geocoder is loaded.
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

csv.field_size_limit(sys.maxsize)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_texts(path: Path | None, limit: int) -> list[str]:
    if path is None:
        from frontlines.eval.common import bundled

        lines = bundled("gold", "geo", "gold.jsonl").read_text(encoding="utf-8").splitlines()
        return [json.loads(line)["text"] for line in lines if line.strip()][:limit]
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        texts = [r["article_content"] for r in csv.DictReader(fh) if r.get("article_content")]
    return texts[:limit]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv", type=Path, nargs="?")
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--no-build", action="store_true", help="Skip timing a fresh build.")
    args = ap.parse_args()

    rows: list[tuple[str, str]] = []
    if not args.no_build:
        from frontlines.geo.build import build

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "gazetteer.sqlite"
            t0 = time.perf_counter()
            build(path)
            rows.append(("gazetteer build (s)", f"{time.perf_counter() - t0:.1f}"))
            rows.append(("gazetteer size (MB)", f"{path.stat().st_size / 1e6:.1f}"))
        rows.append(("peak RSS after build (MB)", f"{rss_mb():.0f}"))

    from frontlines.geo import Geocoder
    from frontlines.nlp import shared_model

    nlp = shared_model()
    texts = read_texts(args.csv, args.limit)
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse_s = time.perf_counter() - t0
    base = rss_mb()
    geocoder = Geocoder.default()
    t0 = time.perf_counter()
    n_places = sum(len(geocoder.geoparse(doc)) for doc in docs)
    geo_s = time.perf_counter() - t0
    rows += [
        ("documents", str(len(docs))),
        ("spaCy parse, ms/doc", f"{1000 * parse_s / len(docs):.1f}"),
        ("geoparse (first pass, cold lookups), ms/doc", f"{1000 * geo_s / len(docs):.1f}"),
        ("places found", str(n_places)),
        ("peak RSS with model and parsed docs (MB)", f"{base:.0f}"),
        ("peak RSS with model + geocoder (MB)", f"{rss_mb():.0f}"),
    ]
    print("| measure | value |\n| --- | --- |")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
