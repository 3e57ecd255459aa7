#!/usr/bin/env python
"""Train the ACLED sub-event text classifier (reproducible: fixed seeds).

Reads the sentences written for this project in training/subevents/sentences/
(one file per label, first line "# label: <ACLED sub-event type>") and a small
share of template sentences (training/subevents/templates.tsv), writes a
stratified 85/15 split to training/subevents/{train,heldout}.jsonl, trains
spaCy ``textcat`` models on a blank English pipeline (nothing is downloaded)
and prints held-out accuracy, macro-F1, size and CPU time per sentence.
The model saved to src/frontlines/resources/models/subevent_textcat/ is the
one trained on the train split only, so the held-out scores describe it.

    .venv/bin/python scripts/train_subevents.py            # both architectures, save the ensemble
    .venv/bin/python scripts/train_subevents.py --arch bow --save bow
    .venv/bin/python scripts/train_subevents.py --no-save  # measure only
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.training import Example
from spacy.util import compounding, fix_random_seed, minibatch

from frontlines.eval.common import ClassScores
from frontlines.events.classifier import LABELS, NONE, SubEventClassifier, model_path, normalise

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "training" / "subevents"
SEED = 13
HELDOUT = 0.15
TEMPLATE_REPEATS = 2  # each template yields this many sentences

# Fillers for the templates: actors and places across the conflicts ACLED covers.
STATE = [
    "regime forces",
    "Russian forces",
    "Sudanese Armed Forces (SAF)",
    "Nigerian troops",
    "Malian soldiers",
    "the Myanmar military",
    "Somali National Army (SNA) forces",
    "Ukrainian forces",
    "Israeli forces",
    "Iraqi security forces",
    "Pakistani security forces",
    "Ethiopian National Defence Force (ENDF)",
    "FARDC soldiers",
    "Burkinabe army units",
    "Afghan Taliban forces",
    "Yemeni government forces",
    "Indian security forces",
    "Mexican National Guard",
    "Kenyan police",
    "Turkish forces",
]
REBEL = [
    "HTS fighters",
    "al-Shabaab militants",
    "the Rapid Support Forces (RSF)",
    "ISWAP fighters",
    "JNIM militants",
    "the Arakan Army",
    "M23 rebels",
    "ISIS cells",
    "Houthi forces",
    "TTP militants",
    "Fano militiamen",
    "ADF rebels",
    "CODECO militia",
    "a local PDF unit",
    "Boko Haram (JAS) fighters",
    "CJNG gunmen",
    "Ambazonian separatists",
    "FLM militants",
]
PLACE = [
    "Saraqeb, Idlib",
    "Kafr Nabl (Maarat al-Numan, Idlib)",
    "Bakhmut, Donetsk",
    "Kupiansk (Kharkiv)",
    "Omdurman, Khartoum",
    "El Fasher, North Darfur",
    "Jilib, Middle Juba",
    "Beledweyne, Hiraan",
    "Gao",
    "Djibo, Soum",
    "Monguno, Borno",
    "Gusau, Zamfara",
    "Sittwe, Rakhine",
    "Monywa, Sagaing",
    "Beni, North Kivu",
    "Djugu, Ituri",
    "Marib city",
    "Taiz city",
    "Hodeidah",
    "Rafah, Gaza",
    "Jenin, West Bank",
    "Bint Jbeil, South Lebanon",
    "Kirkuk",
    "Tal Afar, Ninewa",
    "Bannu, Khyber Pakhtunkhwa",
    "Quetta, Balochistan",
    "Kandahar city",
    "Culiacan, Sinaloa",
    "Srinagar, Jammu and Kashmir",
    "Mandera, Kenya",
    "Bamenda, Northwest",
    "Tillaberi",
]
MODEL_README = """# subevent_textcat: ACLED sub-event type classifier

A spaCy 3.8 `textcat` pipeline (blank English tokenizer, {arch} architecture,
exclusive classes, 26 labels: the 25 ACLED sub-event types and NONE) used by
`frontlines.events.classifier`. Input is lower-cased with numbers as "0".

Trained by `scripts/train_subevents.py` (fixed seeds) on {n} sentences written
for the project (training/subevents/, Apache-2.0); no third-party text or
pretrained weights. Held-out split ({heldout} sentences): accuracy {acc:.3f},
macro-F1 {macro:.3f}; {mb:.1f} MB; {ms:.3f} CPU ms per sentence when measured.
Do not edit by hand: re-run the script.
"""

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def read_sentences() -> list[tuple[str, str]]:
    """(text, label) pairs written one by one, one file per label."""
    rows: list[tuple[str, str]] = []
    for path in sorted((DATA / "sentences").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        header = lines[0]
        if not header.startswith("# label:"):
            sys.exit(f"{path}: first line must be '# label: <sub-event type>'")
        label = header.split(":", 1)[1].strip()
        if label not in LABELS:
            sys.exit(f"{path}: unknown label {label!r}")
        rows.extend((line.strip(), label) for line in lines[1:] if line.strip())
    return rows


def expand_templates(rng: random.Random) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for line in (DATA / "templates.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, template = line.split("\t")
        for _ in range(TEMPLATE_REPEATS):
            day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(2015, 2024)
            text = template.format(
                DATE=f"On {day} {month} {year}",
                STATE=rng.choice(STATE),
                REBEL=rng.choice(REBEL),
                PLACE=rng.choice(PLACE),
                N=rng.randint(1, 40),
            )
            rows.append((text[0].upper() + text[1:], label))
    return rows


def split(
    rows: list[tuple[str, str]], rng: random.Random
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Stratified split: HELDOUT of every label goes to the held-out set."""
    by_label: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in rows:
        by_label[row[1]].append(row)
    train, heldout = [], []
    for label in sorted(by_label):
        items = by_label[label][:]
        rng.shuffle(items)
        n = max(1, round(len(items) * HELDOUT))
        heldout.extend(items[:n])
        train.extend(items[n:])
    return train, heldout


def folds(rows: list[tuple[str, str]], k: int, rng: random.Random) -> list[list[tuple[str, str]]]:
    """Stratified k folds (each label dealt round-robin after a shuffle)."""
    by_label: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in rows:
        by_label[row[1]].append(row)
    out: list[list[tuple[str, str]]] = [[] for _ in range(k)]
    for label in sorted(by_label):
        items = by_label[label][:]
        rng.shuffle(items)
        for i, row in enumerate(items):
            out[i % k].append(row)
    return out


def cross_validate(rows: list[tuple[str, str]], arch: str, args: argparse.Namespace) -> None:
    config = bow_config(args.ngram) if arch == "bow" else ensemble_config(args.ngram)
    parts = folds(rows, args.folds, random.Random(SEED))
    accs, macros = [], []
    for i, test in enumerate(parts):
        train_rows = [r for j, part in enumerate(parts) if j != i for r in part]
        nlp = train(train_rows, config, args.epochs)
        acc, macro, _ = evaluate(SubEventClassifier(nlp), test)
        accs.append(acc)
        macros.append(macro)
        print(f"{arch} fold {i + 1}: accuracy {acc:.3f} macro-F1 {macro:.3f}", flush=True)
    print(
        f"{arch} {args.folds}-fold: accuracy {statistics.mean(accs):.3f} "
        f"(sd {statistics.stdev(accs):.3f})  macro-F1 {statistics.mean(macros):.3f} "
        f"(sd {statistics.stdev(macros):.3f})"
    )


def write_jsonl(path: Path, rows: list[tuple[str, str]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for text, label in rows:
            fh.write(json.dumps({"text": text, "label": label}, ensure_ascii=False) + "\n")


def bow_config(ngram: int) -> dict[str, Any]:
    # 2**16 hashed n-gram rows x 26 labels keeps the model near 7 MB on disk.
    return {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": True,
        "ngram_size": ngram,
        "no_output_layer": False,
        "length": 2**16,
    }


def ensemble_config(ngram: int) -> dict[str, Any]:
    return {
        "@architectures": "spacy.TextCatEnsemble.v2",
        "nO": None,
        "linear_model": bow_config(ngram),
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": {
                "@architectures": "spacy.MultiHashEmbed.v2",
                "width": 64,
                "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
                "rows": [5000, 1000, 1000, 1000],
                "include_static_vectors": False,
            },
            "encode": {
                "@architectures": "spacy.MaxoutWindowEncoder.v2",
                "width": 64,
                "depth": 2,
                "window_size": 1,
                "maxout_pieces": 3,
            },
        },
    }


def train(
    rows: list[tuple[str, str]], model: dict[str, Any], epochs: int, seed: int = SEED
) -> Language:
    fix_random_seed(seed)
    rng = random.Random(seed)
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config={"model": model})
    for label in LABELS:
        textcat.add_label(label)
    examples = [
        Example.from_dict(
            nlp.make_doc(normalise(text)),
            {"cats": {lab: float(lab == label) for lab in LABELS}},
        )
        for text, label in rows
    ]
    optimizer = nlp.initialize(lambda: examples)
    for epoch in range(epochs):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=compounding(4.0, 32.0, 1.001)):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        print(f"  epoch {epoch + 1:2d} loss {losses['textcat']:.3f}", file=sys.stderr)
    return nlp


def evaluate(
    clf: SubEventClassifier, rows: list[tuple[str, str]]
) -> tuple[float, float, ClassScores]:
    scores = ClassScores()
    preds = clf.predict([t for t, _ in rows])
    correct = 0
    for (_, gold), probs in zip(rows, preds, strict=True):
        pred = max(probs, key=lambda k: probs[k])
        correct += pred == gold
        scores.add_pair(gold, pred)
    labels = sorted({g for _, g in rows})
    return correct / len(rows), scores.macro_f1(labels), scores


def speed(clf: SubEventClassifier, texts: list[str], n: int = 1000) -> float:
    """CPU milliseconds per sentence over n sentences (after one warm-up pass)."""
    batch = (texts * (n // len(texts) + 1))[:n]
    clf.predict(batch[:50])
    start = time.process_time()
    clf.predict(batch)
    return (time.process_time() - start) * 1000 / n


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--arch", choices=["bow", "ensemble", "both"], default="both")
    parser.add_argument("--ngram", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--save", choices=["bow", "ensemble"], default="ensemble")
    parser.add_argument("--no-save", action="store_true")
    parser.add_argument("--folds", type=int, default=0, help="k-fold cross-validation only")
    args = parser.parse_args()

    rng = random.Random(SEED)
    written = read_sentences()
    templated = expand_templates(rng)
    rows = written + templated
    train_rows, heldout = split(rows, rng)
    write_jsonl(DATA / "train.jsonl", train_rows)
    write_jsonl(DATA / "heldout.jsonl", heldout)
    counts = Counter(label for _, label in rows)
    print(
        f"{len(written)} written + {len(templated)} templated sentences, {len(counts)} labels "
        f"(min {min(counts.values())}, max {max(counts.values())} per label); "
        f"train {len(train_rows)}, held out {len(heldout)}"
    )
    archs = ["bow", "ensemble"] if args.arch == "both" else [args.arch]
    if args.folds:
        for arch in archs:
            cross_validate(rows, arch, args)
        return
    for arch in archs:
        config = bow_config(args.ngram) if arch == "bow" else ensemble_config(args.ngram)
        t0 = time.perf_counter()
        nlp = train(train_rows, config, args.epochs)
        train_s = time.perf_counter() - t0
        with tempfile.TemporaryDirectory() as tmp:
            nlp.to_disk(tmp)
            clf = SubEventClassifier.from_disk(tmp)
            mb = size_mb(Path(tmp))
            acc, macro, scores = evaluate(clf, heldout)
            ms = speed(clf, [t for t, _ in heldout])
            print(
                f"\n== {arch} (ngram {args.ngram}, {args.epochs} epochs, trained in {train_s:.0f} s)"
            )
            print(scores.table("label"))
            print(
                f"held-out accuracy {acc:.3f}  macro-F1 {macro:.3f}  "
                f"size {mb:.1f} MB  CPU {ms:.3f} ms/sentence"
            )
            if arch == args.save and not args.no_save:
                target = model_path()
                if target.exists():
                    shutil.rmtree(target)
                shutil.copytree(tmp, target)
                (target / "README.md").write_text(
                    MODEL_README.format(
                        arch=arch,
                        n=len(train_rows),
                        heldout=len(heldout),
                        acc=acc,
                        macro=macro,
                        mb=mb,
                        ms=ms,
                    ),
                    encoding="utf-8",
                )
                print(f"saved to {target}")
    none_share = counts[NONE] / len(rows)
    print(f"\nNONE share of the data: {none_share:.2f}")


if __name__ == "__main__":
    main()
