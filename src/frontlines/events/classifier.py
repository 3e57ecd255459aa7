"""A second opinion on the ACLED sub-event type: a small CPU spaCy text classifier.

The rule-based typer (events.extract) decides from triggers, actors and the
codebook's decision rules. This module is a small spaCy ``textcat`` (bag of
n-grams + a narrow CNN over hashed word features, CPU, about 0.2 ms a
sentence) trained on sentences written for this project from the ACLED codebook
(training data and script: training/subevents/, scripts/train_subevents.py).
It knows nothing about actors or offsets; it scores a sentence and returns a
probability per sub-event type (26 labels: the 25 ACLED sub-event types plus
``NONE`` for sentences that report no event).

How to use it with the rules (measured with scripts/eval_subevents_gold.py on
the development and on the blind held-out events gold; details in the
training README): the rules decide whether a sentence holds an event. The
classifier (1) replaces the rules' sub-type only when it is very sure
(p >= 0.95, ``combine`` with ``rule_confident=False``; lower thresholds hurt),
(2) picks among candidate sub-types when the rules name several, and
(3) reports an event in a body sentence where the rules found none when it is
very sure (``fill_in``; keep reader comments and boilerplate out, where it is
over-confident).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..acled import SUB_EVENT_TYPES
from ..errors import ModelNotFound

if TYPE_CHECKING:
    from spacy.language import Language

NONE = "NONE"


# The classifier's label set: every sub-event type plus NONE.
LABELS: tuple[str, ...] = (*SUB_EVENT_TYPES, NONE)

# Above this the classifier may override a rule decision not marked confident.
OVERRIDE_PROBABILITY = 0.95
# Above this the classifier may report an event in a sentence where the rules found none.
FILL_IN_PROBABILITY = 0.95

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """What the model sees: lower case, every number as "0", single spaces.

    The bag-of-n-grams model hashes surface forms, so case and the exact
    figure would only split the evidence ("Killed 12" vs "killed 7").
    """
    text = _DIGITS.sub("0", text.lower())
    return _SPACE.sub(" ", text).strip()


def acled_types(label: str) -> tuple[str, str] | None:
    """(event_type, sub_event_type) of a classifier label; None for NONE."""
    event_type = SUB_EVENT_TYPES.get(label)
    return (event_type, label) if event_type is not None else None


def model_path() -> Path:
    from ..eval.common import bundled

    return bundled("models", "subevent_textcat")


class SubEventClassifier:
    """Scores sentences over the 25 ACLED sub-event types plus NONE."""

    def __init__(self, nlp: Language, path: Path | None = None) -> None:
        if "textcat" not in nlp.pipe_names:
            raise ModelNotFound("the sub-event pipeline has no 'textcat' component")
        self.nlp = nlp
        self.path = path  # where it was loaded from, if from disk
        textcat: Any = nlp.get_pipe("textcat")
        self.labels: tuple[str, ...] = tuple(textcat.labels)

    @classmethod
    def from_disk(cls, path: Path | str) -> SubEventClassifier:
        import spacy

        path = Path(path)
        if not (path / "config.cfg").is_file():
            raise ModelNotFound(
                f"no trained sub-event classifier at {path}; run scripts/train_subevents.py"
            )
        return cls(spacy.load(path), path)

    @classmethod
    def bundled(cls) -> SubEventClassifier:
        """The pipeline shipped in resources/models/subevent_textcat (loaded once)."""
        return _bundled()

    def predict(self, texts: Sequence[str], batch_size: int = 256) -> list[dict[str, float]]:
        """Label -> probability for each text (probabilities of one text sum to 1)."""
        docs = self.nlp.pipe((normalise(t) for t in texts), batch_size=batch_size)
        return [{label: float(p) for label, p in doc.cats.items()} for doc in docs]

    def best(self, text: str) -> tuple[str, float]:
        """The most probable label of one text and its probability."""
        return top(self.predict([text])[0])

    def rank(self, text: str, candidates: Iterable[str]) -> list[tuple[str, float]]:
        """Candidate labels (e.g. the rules' plausible sub-types) ordered by probability."""
        scores = self.predict([text])[0]
        return sorted(((c, scores.get(c, 0.0)) for c in candidates), key=lambda x: -x[1])


def top(scores: dict[str, float]) -> tuple[str, float]:
    label = max(scores, key=lambda k: (scores[k], k))
    return label, scores[label]


def combine(
    rule_label: str | None,
    rule_confident: bool,
    scores: dict[str, float],
    candidates: Sequence[str] = (),
    threshold: float = OVERRIDE_PROBABILITY,
) -> str | None:
    """Merge the rules' sub-event choice with the classifier's scores.

    - the rules decide whether there is an event: no rule label, no event;
    - several candidate sub-types from the rules: the classifier picks among them;
    - a rule decision without confidence yields to a classifier label above
      ``threshold`` (but never to NONE: the classifier does not veto events).
    """
    if rule_label is None:
        return None
    pool = [c for c in candidates if c in scores]
    if len(pool) > 1:
        return max(pool, key=lambda c: scores[c])
    if not rule_confident:
        label, p = top(scores)
        if label != NONE and p >= threshold:
            return label
    return rule_label


def fill_in(scores: dict[str, float], threshold: float = FILL_IN_PROBABILITY) -> str | None:
    """A sub-event type for a sentence in which the rules found no event, or None.

    Only a very sure non-NONE label counts: the classifier is over-confident on
    text unlike its training data (reader comments, chatter), so callers should
    pass body sentences only.
    """
    label, p = top(scores)
    return label if label != NONE and p >= threshold else None


@lru_cache(maxsize=1)
def _bundled() -> SubEventClassifier:
    return SubEventClassifier.from_disk(model_path())
