"""``frontlines eval segments``: line-level precision/recall/F1 of the plain-text segmenter.

Gold: ``resources/gold/segments/gold.jsonl``, one object per document,
``{"id", "text", "labels"}`` with one label per line of ``text.split("\\n")``
(title / body / boilerplate / comments / none). It is built from the
human-readable ``labelled/*.txt`` files beside it (``CODE|line``; see the
README there); ``--write-jsonl`` rebuilds it and a test keeps the two equal.

A line's predicted label is the kind of the segment covering most of its
non-space characters (``none`` when no segment covers any). The four kinds
are scored; ``none`` is not a class.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from ..errors import GoldSetError
from ..segment import segment_text
from ..types import Segment
from .common import ClassScores, bundled, exit_below_floors

KINDS = ("title", "body", "boilerplate", "comments")
LABELS = (*KINDS, "none")
CODES = {"T": "title", "B": "body", "X": "boilerplate", "C": "comments", "N": "none"}
DOC_MARK = "=== "


@dataclass(frozen=True, slots=True)
class GoldDoc:
    id: str
    text: str
    labels: tuple[str, ...]


def default_gold() -> Path:
    return bundled("gold", "segments", "gold.jsonl")


def labelled_dir() -> Path:
    return bundled("gold", "segments", "labelled")


def parse_labelled(source: str, origin: str = "<labelled>") -> list[GoldDoc]:
    """Documents from the ``=== id`` / ``CODE|line`` authoring format."""
    docs: list[GoldDoc] = []
    doc_id: str | None = None
    lines: list[str] = []
    labels: list[str] = []

    def flush() -> None:
        if doc_id is not None:
            docs.append(GoldDoc(doc_id, "\n".join(lines), tuple(labels)))

    for n, raw in enumerate(source.split("\n"), 1):
        if raw.startswith(DOC_MARK):
            flush()
            doc_id, lines, labels = raw[len(DOC_MARK) :].strip(), [], []
            continue
        if doc_id is None:
            if raw.strip():
                raise GoldSetError(f"{origin}:{n}: text before the first '=== id' line")
            continue
        code, bar, text = raw.partition("|") if raw else ("N", "|", "")
        if not bar or code not in CODES:
            raise GoldSetError(f"{origin}:{n}: expected CODE|text with CODE in {sorted(CODES)}")
        label = CODES[code]
        if not text.strip() and label != "none":
            raise GoldSetError(f"{origin}:{n}: a blank line must be labelled N")
        lines.append(text)
        labels.append(label)
    flush()
    # The file's final newline would otherwise leave an empty last line.
    return [_drop_trailing_blank(d) for d in docs]


def _drop_trailing_blank(doc: GoldDoc) -> GoldDoc:
    lines = doc.text.split("\n")
    labels = list(doc.labels)
    while lines and not lines[-1].strip() and len(lines) > 1:
        lines.pop()
        labels.pop()
    return GoldDoc(doc.id, "\n".join(lines), tuple(labels))


def read_labelled(path: Path) -> list[GoldDoc]:
    files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
    docs: list[GoldDoc] = []
    for f in files:
        docs.extend(parse_labelled(f.read_text(encoding="utf-8"), str(f)))
    return docs


def read_jsonl(path: Path) -> list[GoldDoc]:
    docs: list[GoldDoc] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                doc = GoldDoc(str(obj["id"]), str(obj["text"]), tuple(obj["labels"]))
            except (ValueError, KeyError, TypeError) as exc:
                raise GoldSetError(f"{path}:{n}: {exc}") from exc
            if len(doc.labels) != len(doc.text.split("\n")):
                raise GoldSetError(f"{path}:{n}: {len(doc.labels)} labels for {doc.id}'s lines")
            if bad := set(doc.labels) - set(LABELS):
                raise GoldSetError(f"{path}:{n}: unknown labels {sorted(bad)}")
            docs.append(doc)
    return docs


def load_gold(path: Path | None = None) -> list[GoldDoc]:
    """A gold set: a .jsonl file, or labelled .txt files (one file or a folder)."""
    path = path or default_gold()
    if path.is_file() and path.suffix == ".jsonl":
        return read_jsonl(path)
    if path.exists():
        return read_labelled(path)
    raise GoldSetError(f"no gold set at {path}")


def to_jsonl(docs: Iterable[GoldDoc]) -> str:
    return "".join(
        json.dumps({"id": d.id, "text": d.text, "labels": list(d.labels)}, ensure_ascii=False)
        + "\n"
        for d in docs
    )


def line_predictions(text: str, segments: Sequence[Segment]) -> list[str | None]:
    """Per line: the kind of the segment covering most of its non-space characters."""
    preds: list[str | None] = []
    pos = 0
    for line in text.split("\n"):
        votes: dict[str, int] = {}
        for seg in segments:
            if seg.end <= pos or seg.start >= pos + len(line):
                continue
            a, b = max(seg.start, pos), min(seg.end, pos + len(line))
            covered = sum(1 for ch in text[a:b] if not ch.isspace())
            if covered:
                votes[seg.kind] = votes.get(seg.kind, 0) + covered
        preds.append(max(votes, key=lambda k: votes[k]) if votes else None)
        pos += len(line) + 1
    return preds


@dataclass
class SegmentErrors:
    doc_id: str
    line_no: int
    gold: str
    pred: str
    line: str


def evaluate(docs: Sequence[GoldDoc]) -> tuple[ClassScores, list[SegmentErrors]]:
    scores = ClassScores()
    for kind in KINDS:
        scores.get(kind)
    errors: list[SegmentErrors] = []
    for doc in docs:
        preds = line_predictions(doc.text, segment_text(doc.text))
        for n, (line, gold, pred) in enumerate(
            zip(doc.text.split("\n"), doc.labels, preds, strict=True), 1
        ):
            g = None if gold == "none" else gold
            scores.add_pair(g, pred)
            if g != pred:
                errors.append(SegmentErrors(doc.id, n, gold, pred or "none", line))
    return scores, errors


def score(gold: Path | None = None) -> dict[str, float]:
    """Line-level P/R/F1 per kind on a gold set (the bundled one by default)."""
    scores, _ = evaluate(load_gold(gold))
    return _flatten(scores)


def _flatten(scores: ClassScores) -> dict[str, float]:
    out: dict[str, float] = {}
    for kind in KINDS:
        prf = scores.get(kind)
        out[f"{kind}_precision"] = prf.precision
        out[f"{kind}_recall"] = prf.recall
        out[f"{kind}_f1"] = prf.f1
    out["macro_f1"] = scores.macro_f1(KINDS)
    return out


@click.command("segments")
@click.argument("gold", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--gate", is_flag=True, help="Exit 1 when a score is below its pinned floor.")
@click.option("--errors", "show_errors", is_flag=True, help="List every mislabelled line.")
@click.option(
    "--write-jsonl",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write GOLD (labelled .txt files) as JSONL to this path and exit.",
)
def command(gold: Path | None, gate: bool, show_errors: bool, write_jsonl: Path | None) -> None:
    """Score the plain-text segmenter line by line against GOLD.

    GOLD is a .jsonl gold set or labelled .txt files (a file or a folder);
    by default the bundled gold set. Prints precision, recall and F1 for
    title, body, boilerplate and comments lines.
    """
    if write_jsonl is not None:
        docs = load_gold(gold or labelled_dir())
        write_jsonl.write_text(to_jsonl(docs), encoding="utf-8")
        click.echo(f"wrote {len(docs)} documents to {write_jsonl}", err=True)
        return
    docs = load_gold(gold)
    scores, errors = evaluate(docs)
    click.echo(f"{len(docs)} documents, {sum(len(d.labels) for d in docs)} lines")
    click.echo(scores.table("line kind"))
    flat = _flatten(scores)
    click.echo(f"macro F1 {flat['macro_f1']:.3f}")
    if show_errors:
        for e in errors:
            click.echo(f"{e.doc_id}:{e.line_no}: gold={e.gold} pred={e.pred} | {e.line[:100]}")
    if gate:
        exit_below_floors("segments", flat)
