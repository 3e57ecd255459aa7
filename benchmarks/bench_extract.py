"""Throughput of event extraction against a plain ``nlp.pipe`` of the same model.

Usage: .venv/bin/python benchmarks/bench_extract.py PATH/TO/FA-KES-Dataset.csv [--limit N]

Reads the FA-KES CSV (column ``article_content``) with the stdlib csv module and
reports, in one run and over the same texts: articles/s and tokens/s of
(a) ``nlp.pipe`` of the full English model (all default pipes, parser included),
(b) frontlines ``pipeline.analyse`` alone (stage 1 without the parser, stage 2
    the parser on trigger sentences),
(c) (b) + ``extract_events_batch`` (typing, roles, quantities, dates),
(d) all of frontlines through ``frontlines.batch.process_batch`` (segmenting,
    geocoding too),
and peak RSS of the process. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

csv.field_size_limit(sys.maxsize)


def read_texts(path: Path, limit: int | None) -> list[str]:
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        texts = [row["article_content"] for row in csv.DictReader(fh) if row.get("article_content")]
    return texts[:limit] if limit else texts


def timed(fn: Callable[[], object]) -> tuple[float, float, object]:
    """Wall-clock and CPU seconds of one call (CPU time is steadier on a shared machine)."""
    w0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - w0, time.process_time() - c0, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=1, help="runs of each variant; the best counts")
    args = ap.parse_args()

    from frontlines.nlp import load_model
    from frontlines.pipeline import EventContext, analyse, build_nlp, extract_events_batch

    texts = read_texts(args.csv, args.limit)
    plain = load_model()
    build_nlp()  # load both models before timing
    n_tokens = sum(len(plain.make_doc(t)) for t in texts)

    def run_plain() -> object:
        return list(plain.pipe(texts, batch_size=64))

    def run_analyse() -> object:
        return analyse(texts)

    def run_ours() -> object:
        docs = analyse(texts)
        return extract_events_batch(docs, [EventContext(0) for _ in docs])

    rows: list[tuple[str, float, float]] = []
    results: dict[str, object] = {}
    variants: list[tuple[str, Callable[[], object]]] = [
        ("nlp.pipe (full en_core_web_sm)", run_plain),
        ("frontlines analyse (2 stages, NLP only)", run_analyse),
        ("frontlines analyse + events (quantities, dates)", run_ours),
    ]
    try:
        from frontlines.batch import process_batch
        from frontlines.types import Article

        articles = [Article(text=t, path=f"fakes:{i}", format="csv") for i, t in enumerate(texts)]
        variants.append(("frontlines.batch.process_batch", lambda: process_batch(articles)))
    except ImportError as exc:  # the batch layer may not be wired yet
        print(f"process_batch skipped: {exc!r}", file=sys.stderr)
    best: dict[str, tuple[float, float]] = {}
    for _ in range(args.repeat):  # interleaved, so load changes hit every variant alike
        for name, fn in variants:
            wall, cpu, _out = timed(fn)
            old = best.get(name, (wall, cpu))
            best[name] = (min(old[0], wall), min(old[1], cpu))
    rows = [(name, *best[name]) for name, _ in variants]
    events = extract_events_batch(analyse(texts), [EventContext(0) for _ in texts])
    results["events"] = sum(len(e) for e in events)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(texts)} articles, {n_tokens} tokens, {results['events']} events extracted\n")
    base_cpu = rows[0][2]
    print("| variant | wall s | CPU s | articles/s (CPU) | tokens/s (CPU) | CPU vs nlp.pipe |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, wall, cpu in rows:
        print(
            f"| {name} | {wall:.2f} | {cpu:.2f} | {len(texts) / cpu:.1f} "
            f"| {n_tokens / cpu:,.0f} | {cpu / base_cpu:.2f}x |"
        )
    print(f"\npeak RSS: {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
