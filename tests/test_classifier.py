"""The sub-event text classifier: label table, normalisation, combination rule, bundled model."""

from __future__ import annotations

from pathlib import Path

import pytest

from codebook import ACLED_CODEBOOK
from frontlines.events.classifier import (
    LABELS,
    NONE,
    SUB_EVENT_TYPES,
    SubEventClassifier,
    acled_types,
    combine,
    fill_in,
    normalise,
    top,
)

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "training" / "subevents" / "sentences"


def test_labels_are_the_25_acled_sub_event_types_plus_none() -> None:
    expected = {sub: ev for ev, subs in ACLED_CODEBOOK.items() for sub in subs}
    assert expected == SUB_EVENT_TYPES
    assert len(SUB_EVENT_TYPES) == 25
    assert set(LABELS) == set(expected) | {NONE}
    assert len(LABELS) == 26


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Armed clash", ("Battles", "Armed clash")),
        ("Air/drone strike", ("Explosions/Remote violence", "Air/drone strike")),
        ("Mob violence", ("Riots", "Mob violence")),
        ("Other", ("Strategic developments", "Other")),
        (NONE, None),
        ("armed clash", None),  # names are exact
    ],
)
def test_acled_types(label: str, expected: tuple[str, str] | None) -> None:
    assert acled_types(label) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police ARRESTED 12 people.", "police arrested 0 people."),
        ("  Killed 1,200  in\nGaza ", "killed 0 in gaza"),
        ("no digits here", "no digits here"),
        ("On 4 March 2020, 3.5 km", "on 0 march 0, 0 km"),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    ("rule", "confident", "scores", "candidates", "expected"),
    [
        # no rule event: the classifier never creates one
        (None, False, {"Armed clash": 0.99, NONE: 0.01}, (), None),
        # confident rule stands even against a sure classifier
        ("Attack", True, {"Armed clash": 0.95, "Attack": 0.05}, (), "Attack"),
        # unsure rule yields to a sure classifier
        ("Attack", False, {"Armed clash": 0.95, "Attack": 0.05}, (), "Armed clash"),
        # ... but not to a classifier below the threshold
        ("Attack", False, {"Armed clash": 0.6, "Attack": 0.4}, (), "Attack"),
        ("Attack", False, {"Armed clash": 0.94, "Attack": 0.06}, (), "Attack"),
        # ... and never to NONE
        ("Attack", False, {NONE: 0.97, "Attack": 0.03}, (), "Attack"),
        # several candidates: the classifier picks among them only
        (
            "Air/drone strike",
            True,
            {"Grenade": 0.5, "Air/drone strike": 0.1, "Shelling/artillery/missile attack": 0.4},
            ("Air/drone strike", "Shelling/artillery/missile attack"),
            "Shelling/artillery/missile attack",
        ),
    ],
)
def test_combine(
    rule: str | None,
    confident: bool,
    scores: dict[str, float],
    candidates: tuple[str, ...],
    expected: str | None,
) -> None:
    assert combine(rule, confident, scores, candidates) == expected


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ({"Arrests": 0.97, NONE: 0.03}, "Arrests"),
        ({"Arrests": 0.90, NONE: 0.10}, None),  # not sure enough
        ({NONE: 0.99, "Arrests": 0.01}, None),
    ],
)
def test_fill_in(scores: dict[str, float], expected: str | None) -> None:
    assert fill_in(scores) == expected


def test_top_breaks_ties_deterministically() -> None:
    assert top({"b": 0.5, "a": 0.5}) == ("b", 0.5)
    assert top({"a": 0.2, "b": 0.8}) == ("b", 0.8)


def test_training_files_use_known_labels() -> None:
    if not TRAINING.is_dir():
        pytest.skip("training data not in this checkout")
    seen = set()
    for path in TRAINING.glob("*.txt"):
        header = path.read_text(encoding="utf-8").splitlines()[0]
        label = header.removeprefix("# label:").strip()
        assert label in LABELS, path
        seen.add(label)
    assert seen == set(LABELS)


# Written for this test only (checked below not to occur in the training data).
UNSEEN = [
    (
        "Dozens of pensioners staged a silent vigil outside the governor's office in Odesa demanding heating.",
        "Peaceful protest",
    ),
    (
        "A suicide bomber detonated his explosive belt at the gate of a police academy in Quetta, killing nine recruits.",
        "Suicide bomb",
    ),
    (
        "Unknown assailants tossed a hand grenade into a crowded bar in Kampala, wounding four patrons.",
        "Grenade",
    ),
    (
        "Air defence units intercepted two ballistic missiles launched toward the city of Dnipro.",
        "Disrupted weapons use",
    ),
    ("The army and the rebels signed a ceasefire agreement in Addis Ababa on Friday.", "Agreement"),
    ("Police in Harare arrested an opposition spokesman at his home on Tuesday night.", "Arrests"),
    (
        "Gunmen kidnapped a pastor and two worshippers from a church in Kaduna state.",
        "Abduction/forced disappearance",
    ),
    (
        "Riot police fired tear gas to disperse students protesting in Abuja and detained 15 of them.",
        "Protest with intervention",
    ),
    ("The national football team beat its rivals 3-0 in a friendly match on Sunday.", NONE),
    ("The central bank raised interest rates by half a percentage point to curb inflation.", NONE),
]


@pytest.fixture(scope="session")
def classifier() -> SubEventClassifier:
    return SubEventClassifier.bundled()


def test_unseen_sentences_are_not_training_data() -> None:
    if not TRAINING.is_dir():
        pytest.skip("training data not in this checkout")
    training = {
        line.strip().lower()
        for path in TRAINING.glob("*.txt")
        for line in path.read_text(encoding="utf-8").splitlines()
    }
    for text, _ in UNSEEN:
        assert text.lower() not in training


@pytest.mark.parametrize(("text", "expected"), UNSEEN)
def test_bundled_model_classifies_unseen_sentences(
    classifier: SubEventClassifier, text: str, expected: str
) -> None:
    label, p = classifier.best(text)
    assert label == expected
    assert 0.0 < p <= 1.0


def test_predict_returns_a_distribution_over_all_labels(classifier: SubEventClassifier) -> None:
    out = classifier.predict([t for t, _ in UNSEEN[:3]])
    assert len(out) == 3
    for scores in out:
        assert set(scores) == set(LABELS)
        assert sum(scores.values()) == pytest.approx(1.0, abs=1e-4)


def test_output_is_deterministic(classifier: SubEventClassifier) -> None:
    texts = [t for t, _ in UNSEEN]
    first = classifier.predict(texts)
    assert classifier.predict(texts) == first
    # a batch gives what one-by-one calls give
    for text, scores in zip(texts, first, strict=True):
        assert classifier.predict([text])[0] == pytest.approx(scores, abs=1e-6)
    fresh = SubEventClassifier.from_disk(classifier.path or "")
    assert fresh.predict(texts) == first


def test_rank_orders_candidates(classifier: SubEventClassifier) -> None:
    ranked = classifier.rank(
        "Russian warplanes bombed the market in the town.",
        ["Shelling/artillery/missile attack", "Air/drone strike"],
    )
    assert ranked[0][0] == "Air/drone strike"
    assert ranked[0][1] >= ranked[1][1]


def test_missing_model_raises_model_not_found(tmp_path: Path) -> None:
    from frontlines.errors import ModelNotFound

    with pytest.raises(ModelNotFound):
        SubEventClassifier.from_disk(tmp_path)
