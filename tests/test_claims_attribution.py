"""Attribution, modality and evidence on real-looking sentences (one model load per session)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from spacy.language import Language

from frontlines.claims import analyse_doc, attribute_events
from frontlines.claims.nlp import claims_nlp
from frontlines.claims.sources import detect_original_source
from frontlines.eval.claims import load_gold, score
from frontlines.eval.common import bundled, check_floors
from frontlines.segment import segment_text
from frontlines.types import Claim, Claimant, Event, TextSpan

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return claims_nlp()


def claims_of(nlp: Language, text: str) -> list[Claim]:
    doc = nlp(text, disable=["parser"])  # the pipeline's first stage: no parse
    return [c.claim for c in analyse_doc(doc)]


@pytest.mark.parametrize(
    ("text", "claimant", "kind", "modality", "evidence"),
    [
        (
            "Russian forces took the village of Klishchiivka, the Russian Defence Ministry said.",
            "the Russian Defence Ministry",
            "military",
            "reported",
            "none_cited",
        ),
        (
            "According to pro-government sources, the army recaptured two hills near Kinsabba.",
            "pro-government sources",
            "anonymous",
            "reported",
            "none_cited",
        ),
        (
            "Ukraine's General Staff said in its morning update that 18 attacks were repelled.",
            "Ukraine's General Staff",
            "military",
            "reported",
            "documentary",
        ),
        (
            '"We will not retreat," said Oleksandr Syrskyi, the commander-in-chief.',
            "Oleksandr Syrskyi",
            "military",
            "future",
            None,
        ),
        (
            "The Syrian Observatory for Human Rights, a Britain-based war monitor, said 12 fighters died.",
            "The Syrian Observatory for Human Rights",
            "monitor",
            "reported",
            "none_cited",
        ),
        (
            "Opposition activists claimed regime helicopters dropped barrel bombs, but provided no video evidence.",
            "Opposition activists",
            "activists",
            "claimed",
            "disputed",
        ),
        (
            "The Russian defence ministry denied striking the market.",
            "The Russian defence ministry",
            "military",
            "denied",
            "disputed",
        ),
        (
            "A drone reportedly set fire to a fuel depot in Luhansk.",
            "reportedly",
            "anonymous",
            "reported",
            "none_cited",
        ),
        (
            "TASS cited a source in the security services as saying that mercenaries were killed.",
            "a source in the security services",
            "anonymous",
            "reported",
            "none_cited",
        ),
        (
            "Satellite images reviewed by The Associated Press show dozens of destroyed buildings.",
            "The Associated Press",
            "media",
            "reported",
            "visual",
        ),
        # negatives: the outlet's own voice
        (
            "Russian forces have regularly shelled the city since November 2022.",
            None,
            "author",
            "asserted",
            "none_cited",
        ),
        (
            "No group immediately claimed responsibility for the blast.",
            None,
            "author",
            "asserted",
            "none_cited",
        ),
        (
            "The strike claimed 12 lives, among them four children.",
            None,
            "author",
            "asserted",
            "none_cited",
        ),
        (
            "Army units killed terrorists of the so-called Nusra Front near Hama.",
            None,
            "author",
            "asserted",
            "none_cited",
        ),
        (
            "Footage posted on social media showed a large blaze.",
            None,
            "author",
            "asserted",
            "visual",
        ),
        ("Explosions could be heard across Khartoum.", None, "author", "asserted", "none_cited"),
        # general news (PARC-style cues and the documented type mapping)
        (
            "Boeing will halt production in January, the company said in a statement.",
            "the company",
            "witness",
            "future",
            None,
        ),
        (
            "According to court documents, the former aide lied to FBI agents.",
            "court documents",
            "government",
            "reported",
            "documentary",
        ),
        (
            "Officials familiar with the matter said the White House was weighing sanctions.",
            "Officials familiar with the matter",
            "government",
            "reported",
            "none_cited",
        ),
        (
            "The study found that the drug cut deaths by a third.",
            "The study",
            "monitor",
            "reported",
            "documentary",
        ),
        (
            "Critics argue that the law is unfair to older voters.",
            "Critics",
            "activists",
            "claimed",
            "none_cited",
        ),
        (
            "His lawyer, Kevin Downing, said the charges were without merit.",
            "His lawyer, Kevin Downing",
            "witness",
            "denied",
            "disputed",
        ),
        (
            "A federal judge ruled that the agency could not deny asylum to migrants.",
            "A federal judge",
            "government",
            "reported",
            "documentary",
        ),
        (
            "Moscow continues to deny any role in the poisoning.",
            "Moscow",
            "government",
            "denied",
            "disputed",
        ),
        ("Police found a body in the river.", None, "author", "asserted", "none_cited"),
        (
            "The Senate confirmed Brett Kavanaugh to the Supreme Court on Saturday.",
            None,
            "author",
            "asserted",
            "none_cited",
        ),
        (
            "The radical left has declared war on the police.",
            None,
            "author",
            "asserted",
            "none_cited",
        ),
        (
            "Reuters could not independently verify the reports.",
            None,
            "author",
            "asserted",
            "disputed",
        ),
    ],
)
def test_sentence_claims(
    nlp: Language, text: str, claimant: str | None, kind: str, modality: str, evidence: str | None
) -> None:
    [claim] = claims_of(nlp, text)
    assert claim.claimant.text == claimant
    assert claim.claimant.type == kind
    assert claim.modality == modality
    assert claim.evidence == evidence
    if claimant is not None:
        c = claim.claimant
        assert c.start is not None and text[c.start : c.end] == claimant


def test_attribution_carries_over(nlp: Language) -> None:
    text = (
        "Ukrainian air defences shot down 31 drones overnight, the air force said in a statement. "
        "It added that debris damaged two houses. "
        "There were no reports of casualties."
    )
    first, second, third = claims_of(nlp, text)
    assert first.claimant.text == "the air force" and first.evidence == "documentary"
    assert second.claimant == first.claimant and second.evidence == "documentary"
    assert third.claimant.type == "author"


def test_quote_continues_speaker(nlp: Language) -> None:
    text = '"We have taken every building," said Yevgeny Prigozhin. "Our losses were heavy."'
    first, second = claims_of(nlp, text)
    assert first.claimant.text == "Yevgeny Prigozhin" and first.claimant.type == "armed_group"
    assert second.claimant == first.claimant


def test_attribute_events_offsets_and_event_status(nlp: Language) -> None:
    body = "Russian forces took Avdiivka, the ministry said. Moscow will attack Kupiansk, it said."
    offset = 50
    doc = nlp(body, disable=["parser"])
    took = body.index("took")
    attack = body.index("attack")

    def event(at: int, claim: Claim | None) -> Event:
        return Event(
            TextSpan("", offset, offset + 10),
            TextSpan("x", offset + at, offset + at + 4),
            "Battles",
            "Armed clash",
            "ASSAULT",
            None,
            claim=claim,
        )

    future = Claim(Claimant(None, None, None, "author"), "future")
    out = attribute_events([doc], [offset], [event(took, None), event(attack, future)])
    c0, c1 = out[0].claim, out[1].claim
    assert c0 is not None and c1 is not None
    assert c0.claimant.text == "the ministry"
    assert c0.claimant.start == offset + body.index("the ministry")
    assert c0.modality == "reported"
    assert c1.modality == "future" and c1.claimant.text == "the ministry"


def test_gold_meets_floors() -> None:
    scores = score()
    assert check_floors("claims", scores) == []
    assert scores["claimant_precision"] >= 0.90 and scores["claimant_recall"] >= 0.80
    assert scores["flag_precision"] >= 0.70


def test_gold_claimants_are_in_their_text() -> None:
    for block in load_gold():
        for s in block.sentences:
            if s.claimant:
                assert s.claimant[0] in block.text[: s.end], block.id


def test_sample_corpus_reposts() -> None:
    """Every sample repost names its origin; originals are left alone."""
    sample = bundled("sample")
    for line in (sample / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        m = json.loads(line)
        if m["format"] != "txt":
            continue
        text = (sample / m["file"]).read_text(encoding="utf-8")
        origin = m["reposted_from"]["outlet"] if m["reposted_from"] else None
        assert detect_original_source(text, segment_text(text), own=m["outlet"]) == origin, m[
            "file"
        ]


@pytest.mark.skipif(
    not (DATA / "fakes" / "FA-KES-Dataset.csv").exists(), reason="no ../shared/data"
)
def test_real_articles_claimants_are_sane(nlp: Language) -> None:
    """On real outlet copy: claimant spans sit inside their sentence and are short phrases."""
    csv.field_size_limit(10**8)
    with (DATA / "fakes" / "FA-KES-Dataset.csv").open(encoding="utf-8", errors="replace") as fh:
        rows = [r for _, r in zip(range(25), csv.DictReader(fh), strict=False)]
    docs = list(nlp.pipe([r["article_content"][:2000] for r in rows], disable=["parser"]))
    attributed = 0
    for doc in docs:
        for sc in analyse_doc(doc):
            c = sc.claim.claimant
            if c.type == "author" or c.start is None or c.end is None:
                continue
            attributed += 1
            assert c.end - c.start <= 120
            assert doc.text[c.start : c.end] == c.text
    assert attributed >= 10


# --- cross-sentence rules through the model (claims/context.py) ---------------

LOHR = ("levant observatory for human rights",)


@pytest.mark.parametrize(
    ("text", "outlets", "expected"),
    [
        # a disclaimer disputes the claim it follows, not the one before that
        (
            "Turkish officials said the strike hit a military unit. Two security sources said "
            "the soldiers were struck on a road. Those accounts could not be independently "
            "verified.",
            (),
            [("Turkish officials", "government", "reported", "none_cited"),
             ("Two security sources", "anonymous", "reported", "disputed"),
             (None, "author", "asserted", "disputed")],
        ),
        (
            "The regime claimed to have killed dozens of fighters near Saraqeb. Activists said "
            "the factions held their positions. Neither claim could be checked.",
            (),
            [("The regime", "government", "claimed", "disputed"),
             ("Activists", "activists", "reported", "disputed"),
             (None, "author", "asserted", "disputed")],
        ),
        # a party's denial in the next sentence is its own claim, not a disclaimer
        (
            "Congo's army accused Rwanda of deploying troops near Goma. Rwanda has denied "
            "backing the rebels.",
            (),
            [("Congo's army", "military", "claimed", "none_cited"),
             ("Rwanda", "government", "denied", "disputed")],
        ),
        # the monitor naming itself in its own report: its own voice
        (
            "The Levant Observatory for Human Rights has documented the death of 34 soldiers. "
            "Observatory sources said the toll would rise. The Observatory also documented "
            "the death of 16 fighters.",
            LOHR,
            [(None, "author", "asserted", "documentary"),
             ("Observatory sources", "monitor", "future", None),
             (None, "author", "asserted", "documentary")],
        ),
        # ... but not in another outlet's report about it
        (
            "The Levant Observatory for Human Rights has documented the death of 34 soldiers.",
            ("meridian wire",),
            [("The Levant Observatory for Human Rights", "monitor", "reported", "documentary")],
        ),
        # stacked appositives; a passive "was reported"
        (
            "The RSF, led by General Mohamed Hamdan Dagalo, known as Hemedti, said its "
            "positions had been attacked first. Fighting was also reported in El Obeid.",
            (),
            [("The RSF", "armed_group", "reported", "none_cited"),
             ("was also reported", "anonymous", "reported", "none_cited")],
        ),
    ],
)  # fmt: skip
def test_cross_sentence_claims(
    nlp: Language,
    text: str,
    outlets: tuple[str, ...],
    expected: list[tuple[str | None, str, str, str | None]],
) -> None:
    doc = nlp(text, disable=["parser"])
    got = [
        (c.claim.claimant.text, c.claim.claimant.type, c.claim.modality, c.claim.evidence)
        for c in analyse_doc(doc, outlets=outlets)
    ]
    assert got == expected


def test_attribute_events_takes_the_source(nlp: Language) -> None:
    body = "The Observatory has documented the death of 34 soldiers in air strikes."
    doc = nlp(body, disable=["parser"])
    at = body.index("strikes")
    ev = Event(
        TextSpan(body, 0, len(body)), TextSpan("strikes", at, at + 7),
        "Explosions/Remote violence", "Air/drone strike", "AERIAL", None,
    )  # fmt: skip
    [own] = attribute_events([doc], [0], [ev], source="Levant Observatory for Human Rights")
    [other] = attribute_events([doc], [0], [ev], source="Meridian Wire")
    assert own.claim is not None and other.claim is not None
    assert (own.claim.claimant.type, own.claim.modality) == ("author", "asserted")
    assert (other.claim.claimant.type, other.claim.modality) == ("monitor", "reported")
