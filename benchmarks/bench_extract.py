"""Throughput of event extraction against a plain ``nlp.pipe`` of the same model.

Usage: .venv/bin/python benchmarks/bench_extract.py PATH/TO/FA-KES-Dataset.csv [--limit N]

Reads the FA-KES CSV (column ``article_content``) with the stdlib csv module and
reports, in one run and over the same texts: articles/s and tokens/s of
(a) ``nlp.pipe`` of the full English model (all default pipes, parser included),
(b) frontlines: ``pipeline.analyse`` (two stages) + ``extract_events_batch``,
(c) frontlines through ``frontlines.batch.process_batch`` when it is wired,
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


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


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
    n_tokens = sum(len(d) for d in plain.tokenizer.pipe(texts))

    def run_plain() -> object:
        return list(plain.pipe(texts, batch_size=64))

    def run_ours() -> object:
        docs = analyse(texts)
        return extract_events_batch(docs, [EventContext(0) for _ in docs])

    rows: list[tuple[str, float]] = []
    results: dict[str, object] = {}
    for name, fn in (("nlp.pipe (full en_core_web_sm)", run_plain), ("frontlines events", run_ours)):
        best = min(timed(fn)[0] for _ in range(args.repeat))
        rows.append((name, best))
    _, events = timed(run_ours)
    results["events"] = sum(len(e) for e in events)  # type: ignore[union-attr]
    try:
        from frontlines.batch import process_batch
        from frontlines.types import Article

        articles = [Article(text=t, path=f"fakes:{i}", format="csv") for i, t in enumerate(texts)]
        best = min(timed(lambda: process_batch(articles))[0] for _ in range(args.repeat))
        rows.append(("frontlines.batch.process_batch", best))
    except Exception as exc:  # the batch layer may not be wired yet
        print(f"process_batch skipped: {exc!r}", file=sys.stderr)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(texts)} articles, {n_tokens} tokens, {results['events']} events extracted\n")
    print("| variant | seconds | articles/s | tokens/s |")
    print("|---|---:|---:|---:|")
    for name, secs in rows:
        print(f"| {name} | {secs:.2f} | {len(texts) / secs:.1f} | {n_tokens / secs:,.0f} |")
    print(f"\npeak RSS: {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
