"""``frontlines eval claims``: claimant, modality, evidence, hedges and flags against gold.

Gold: ``resources/gold/claims/*.txt`` (format in the README there). Each block
is analysed as one text by the production path (model with sentence bounds and
NER, no parser; ``claims.attribution.analyse_doc`` and ``claims.flags.find_flags``).

- claimant P/R: over sentences whose gold or predicted claimant is not the
  author; a hit is an overlapping span (``claimant_type_*``: and the same type);
- modality and evidence accuracy: over all gold sentences;
- hedge cue F1: cue strings per sentence;
- flag P/R: same technique and overlapping span.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import click

from ..errors import GoldSetError
from ..types import Claim, Flag
from .common import PRF, bundled, exit_below_floors

KEYS = ("C", "M", "E", "H", "F")
MODALITIES = ("asserted", "reported", "claimed", "denied", "hypothetical", "future")
EVIDENCE = ("visual", "documentary", "none_cited", "disputed", "-")


@dataclass
class GoldSentence:
    start: int
    end: int
    claimant: tuple[str, str] | None = None  # (text, type)
    modality: str | None = None
    evidence: str | None = None
    hedges: list[str] = field(default_factory=list)
    flags: list[tuple[str, str]] = field(default_factory=list)  # (technique, span text)

    def gold_modality(self) -> str:
        return self.modality or ("reported" if self.claimant else "asserted")

    def gold_evidence(self) -> str | None:
        ev = self.evidence or "none_cited"
        return None if ev == "-" else ev


@dataclass
class GoldBlock:
    id: str
    style: str
    text: str = ""
    sentences: list[GoldSentence] = field(default_factory=list)
    outlet: str | None = None  # the block's own outlet ("=== id | style | outlet")


def parse_gold(source: str, origin: str = "<gold>") -> list[GoldBlock]:
    blocks: list[GoldBlock] = []
    block: GoldBlock | None = None
    para = False
    for n, raw in enumerate(source.splitlines(), 1):
        line = raw.rstrip()
        if not line.strip():
            continue
        if line.startswith("=== "):
            ident, _, rest = line[4:].partition("|")
            style, _, outlet = rest.partition("|")
            block = GoldBlock(ident.strip(), style.strip(), outlet=outlet.strip() or None)
            blocks.append(block)
            para = False
            continue
        if block is None:
            raise GoldSetError(f"{origin}:{n}: text before the first '=== id' line")
        if line == "P":
            para = True
            continue
        key, _, value = line.partition(" ")
        value = value.strip()
        if key == "S":
            sep = ("\n" if para else " ") if block.text else ""
            start = len(block.text) + len(sep)
            block.text += sep + value
            block.sentences.append(GoldSentence(start, len(block.text)))
            para = False
            continue
        if key not in KEYS or not block.sentences:
            raise GoldSetError(f"{origin}:{n}: expected S/C/M/E/H/F/P line, got {line!r}")
        sent = block.sentences[-1]
        if key == "C":
            text, _, kind = value.partition("|")
            sent.claimant = (text.strip(), kind.strip())
        elif key == "M":
            if value not in MODALITIES:
                raise GoldSetError(f"{origin}:{n}: unknown modality {value!r}")
            sent.modality = value
        elif key == "E":
            if value not in EVIDENCE:
                raise GoldSetError(f"{origin}:{n}: unknown evidence {value!r}")
            sent.evidence = value
        elif key == "H":
            sent.hedges = [h.strip().lower() for h in value.split(";") if h.strip()]
        else:
            tech, _, span = value.partition("|")
            sent.flags.append((tech.strip(), span.strip()))
    return blocks


def default_gold() -> Path:
    return bundled("gold", "claims")


def load_gold(path: Path | None = None) -> list[GoldBlock]:
    path = path or default_gold()
    files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
    if not files or not all(f.exists() for f in files):
        raise GoldSetError(f"no gold set at {path}")
    blocks: list[GoldBlock] = []
    for f in files:
        blocks.extend(parse_gold(f.read_text(encoding="utf-8"), str(f)))
    return blocks


def locate(text: str, needle: str, before: int) -> tuple[int, int] | None:
    """The last occurrence of ``needle`` that starts before ``before``."""
    k = text.rfind(needle, 0, before)
    if k < 0:
        k = text.lower().rfind(needle.lower(), 0, before)
    return (k, k + len(needle)) if k >= 0 else None


@dataclass
class ClaimScores:
    claimant: PRF = field(default_factory=PRF)
    claimant_type: PRF = field(default_factory=PRF)
    hedges: PRF = field(default_factory=PRF)
    flags: PRF = field(default_factory=PRF)
    modality_hits: int = 0
    evidence_hits: int = 0
    sentences: int = 0
    errors: list[str] = field(default_factory=list)

    def flat(self) -> dict[str, float]:
        n = self.sentences or 1
        return {
            "claimant_precision": self.claimant.precision,
            "claimant_recall": self.claimant.recall,
            "claimant_f1": self.claimant.f1,
            "claimant_type_precision": self.claimant_type.precision,
            "claimant_type_recall": self.claimant_type.recall,
            "modality_accuracy": self.modality_hits / n,
            "evidence_accuracy": self.evidence_hits / n,
            "hedge_f1": self.hedges.f1,
            "flag_precision": self.flags.precision,
            "flag_recall": self.flags.recall,
            "flag_f1": self.flags.f1,
        }


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(blocks: list[GoldBlock], parse: bool = False) -> ClaimScores:
    from ..claims.attribution import analyse_doc
    from ..claims.context import outlet_names
    from ..claims.flags import find_flags
    from ..claims.nlp import analyse_texts

    scores = ClaimScores()
    docs = analyse_texts([b.text for b in blocks], parse=parse)
    for block, doc in zip(blocks, docs, strict=True):
        preds = analyse_doc(doc, outlets=outlet_names([block.outlet]))
        for g in block.sentences:
            scores.sentences += 1
            p = next((c for c in preds if c.start <= g.start < c.end), None)
            claim = p.claim if p is not None else None
            _score_claimant(scores, block, g, claim)
            pm = claim.modality if claim else "asserted"
            pe = claim.evidence if claim else "none_cited"
            scores.modality_hits += pm == g.gold_modality()
            scores.evidence_hits += pe == g.gold_evidence()
            if pm != g.gold_modality() or pe != g.gold_evidence():
                scores.errors.append(
                    f"{block.id} modality {g.gold_modality()}->{pm} evidence "
                    f"{g.gold_evidence()}->{pe} | {block.text[g.start : g.end][:90]}"
                )
            gold_h = Counter(g.hedges)
            pred_h = Counter(claim.hedges if claim else ())
            tp = sum((gold_h & pred_h).values())
            scores.hedges.tp += tp
            scores.hedges.fp += sum(pred_h.values()) - tp
            scores.hedges.fn += sum(gold_h.values()) - tp
            if gold_h != pred_h:
                scores.errors.append(f"{block.id} hedges {sorted(gold_h)}->{sorted(pred_h)}")
        _score_flags(scores, block, find_flags(doc, 0))
    return scores


def _score_claimant(
    scores: ClaimScores, block: GoldBlock, g: GoldSentence, claim: Claim | None
) -> None:
    gold_span = gold_type = None
    if g.claimant is not None:
        gold_span = locate(block.text, g.claimant[0], g.end)
        if gold_span is None:
            raise GoldSetError(f"{block.id}: claimant {g.claimant[0]!r} not in the text")
        gold_type = g.claimant[1]
    pc = claim.claimant if claim is not None else None
    pred_span = (
        (pc.start, pc.end)
        if pc is not None and pc.start is not None and pc.end is not None
        else None
    )
    hit = gold_span is not None and pred_span is not None and _overlap(gold_span, pred_span)
    for prf, ok in (
        (scores.claimant, hit),
        (scores.claimant_type, hit and pc is not None and pc.type == gold_type),
    ):
        if ok:
            prf.tp += 1
        else:
            prf.fp += pred_span is not None
            prf.fn += gold_span is not None
    if not hit or (pc is not None and pc.type != gold_type and gold_span is not None):
        if gold_span is None and pred_span is None:
            return
        shown = f"{pc.text}|{pc.type}" if pc is not None and pred_span else "author"
        scores.errors.append(
            f"{block.id} claimant {g.claimant or 'author'} -> {shown} | {block.text[g.start : g.end][:90]}"
        )


def _score_flags(scores: ClaimScores, block: GoldBlock, flags: list[Flag]) -> None:
    gold: list[tuple[str, tuple[int, int]]] = []
    for g in block.sentences:
        for tech, text in g.flags:
            k = block.text.find(text, g.start)
            if k < 0:
                raise GoldSetError(f"{block.id}: flag span {text!r} not in its sentence")
            gold.append((tech, (k, k + len(text))))
    matched: set[int] = set()
    for f in flags:
        hit = next(
            (
                i
                for i, (t, s) in enumerate(gold)
                if i not in matched and t == f.technique and _overlap(s, (f.start, f.end))
            ),
            None,
        )
        if hit is None:
            scores.flags.fp += 1
            scores.errors.append(f"{block.id} flag FP {f.technique} | {f.text}")
        else:
            matched.add(hit)
            scores.flags.tp += 1
    for i, (tech, (a, b)) in enumerate(gold):
        if i not in matched:
            scores.flags.fn += 1
            scores.errors.append(f"{block.id} flag FN {tech} | {block.text[a:b]}")


def score(gold: Path | None = None) -> dict[str, float]:
    """Claims metrics on a gold set (the bundled one by default)."""
    return evaluate(load_gold(gold)).flat()


@click.command("claims")
@click.argument("gold", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--gate", is_flag=True, help="Exit 1 when a score is below its pinned floor.")
@click.option("--errors", "show_errors", is_flag=True, help="List every disagreement.")
@click.option(
    "--parse", is_flag=True, help="Parse every sentence (the batch parses only event sentences)."
)
def command(gold: Path | None, gate: bool, show_errors: bool, parse: bool) -> None:
    """Score attribution, modality, evidence, hedges and propaganda flags against GOLD.

    GOLD is a gold .txt file or a folder of them (default: the bundled set).
    """
    blocks = load_gold(gold)
    scores = evaluate(blocks, parse=parse)
    attributed = sum(1 for b in blocks for s in b.sentences if s.claimant)
    click.echo(f"{len(blocks)} blocks, {scores.sentences} sentences ({attributed} attributed)")
    flat = scores.flat()
    for name, value in flat.items():
        click.echo(f"{name:<26}{value:7.3f}")
    if show_errors:
        for line in scores.errors:
            click.echo(line)
    if gate:
        exit_below_floors("claims", flat)
