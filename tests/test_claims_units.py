"""Claims parts that need no model: typing, flags, evidence, hedges, sources, profile, gold parser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from frontlines.claims.attribution import SentenceClaim
from frontlines.claims.claimant import type_phrase
from frontlines.claims.context import (
    apply_disclaimers,
    apply_own_voice,
    is_disclaimer,
    names_outlet,
    outlet_names,
)
from frontlines.claims.flags import TECHNIQUES, find_flags_text, patterns, word_patterns
from frontlines.claims.hedges import find_evidence, find_hedges
from frontlines.claims.lexicon import ClaimsLexicon
from frontlines.claims.profile import profile
from frontlines.claims.sources import SourceRegistry, detect_original_source, find_repost_names
from frontlines.eval.claims import load_gold, parse_gold
from frontlines.eval.common import bundled
from frontlines.types import (
    Article,
    Claim,
    Claimant,
    Event,
    Extraction,
    Flag,
    Segment,
    TextSpan,
)

LEX = ClaimsLexicon.bundled()
VOCAB = spacy.blank("en").vocab  # English lexical attributes, no model


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("the Russian Defence Ministry", "military"),
        ("Ukraine's General Staff", "military"),
        ("the Kremlin", "government"),
        ("Palestinian health officials", "government"),
        ("The Houthi-run Saba news agency", "media"),
        ("Houthi-run health ministry", "government"),
        ("Yemen's Houthis", "armed_group"),
        ("the commander of the 93rd brigade", "military"),
        ("the press service of the 72nd brigade", "military"),
        ("The Syrian Observatory for Human Rights", "monitor"),
        ("Opposition activists", "activists"),
        ("the U.N. humanitarian office", "international_org"),
        ("residents and rebel sources", "witness"),
        ("two rebel commanders", "armed_group"),
        ("a source in Ukraine's SBU security service", "anonymous"),
        ("A senior Indian government source", "government"),
        ("Presidential spokesman Dmitry Peskov", "government"),
        ("Armed forces spokesman Yahya Saree", "armed_group"),
        ("The Myanmar National Democratic Alliance Army", "armed_group"),
        ("TASS", "media"),
        ("Israel", "government"),
        # negatives: nothing in the phrase names a kind of claimant
        ("the village", None),
        ("a teacher who escaped", "witness"),
        ("Samira", None),
        # general news: the documented mapping onto the contract's types
        ("Analysts at Morgan Stanley", "monitor"),
        ("U.N. experts", "international_org"),
        ("Doctors' union officials", "activists"),
        ("His lawyers", "witness"),
        ("the company", "witness"),
        ("Critics of the plan", "activists"),
        ("Senator Susan Collins", "government"),
        ("Republicans on the panel", "government"),
        ("The study", "monitor"),
        ("court documents", "government"),
        ("The Wall Street Journal", "media"),
        ("the meeting", None),
    ],
)
def test_type_phrase(phrase: str, expected: str | None) -> None:
    assert type_phrase(phrase, LEX).type == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The heroic defenders of Bakhmut inflicted a devastating blow on the enemy.",
            {
                ("Flag-Waving", "The heroic defenders of Bakhmut"),
                ("Loaded_Language", "a devastating blow"),
            },
        ),
        ("The Kiev regime shelled Donetsk again.", {("Name_Calling,Labeling", "The Kiev regime")}),
        (
            "Army units killed terrorists of the so-called Nusra Front.",
            {("Name_Calling,Labeling", "terrorists"), ("Doubt", "so-called")},
        ),
        (
            "What about the civilians killed in Raqqa?",
            {("Whataboutism,Straw_Men,Red_Herring", "What about the civilians killed in Raqqa?")},
        ),
        ("It is what it is.", {("Thought-terminating_Cliches", "It is what it is.")}),
        ("Glory to Ukraine!", {("Slogans", "Glory to Ukraine!")}),
        (
            "The strike caused only minor damage.",
            {("Exaggeration,Minimisation", "only minor damage")},
        ),
        # negatives: neutral wire wording is not flagged
        ("Russian forces captured the village of Krasnohorivka, the ministry said.", set()),
        ("The Investigative Committee opened a criminal case over the shelling.", set()),
        ("Turkey's defence ministry said it neutralised 17 Kurdish militants.", set()),
        ("The group is designated a terrorist organisation by the United States.", set()),
        ("Israel says it targets Hamas militants.", set()),
        ("Explosions could be heard across Khartoum, residents said.", set()),
    ],
)
def test_flags(text: str, expected: set[tuple[str, str]]) -> None:
    flags = find_flags_text(text)
    assert {(f.technique, f.text) for f in flags} == expected
    for f in flags:
        assert text[f.start : f.end] == f.text


def test_flag_offsets_and_labels() -> None:
    flags = find_flags_text("Glory to Ukraine!", offset=100)
    assert flags == [Flag("Slogans", "Glory to Ukraine!", 100, 117)]
    assert {p.technique for p in patterns()} <= TECHNIQUES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The figure could not be independently verified.", "disputed"),
        ("Hamas said it destroyed a tank but provided no photo or video evidence.", "disputed"),
        ("Drone operators published a video of the strike.", "visual"),
        ("Satellite images reviewed by AP show destroyed buildings.", "visual"),
        ("The army said in a statement that it repelled the attack.", "documentary"),
        ("The governor said on Telegram that 28 settlements were lost.", "documentary"),
        ("The ministry said its forces took the village.", None),
        ("A witness told Reuters the shelling lasted all night.", None),
    ],
)
def test_evidence(text: str, expected: str | None) -> None:
    assert find_evidence(text, LEX) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Russia", "may", "launch", "a", "new", "offensive"], ["may"]),
        (["The", "enemy", "lost", "up", "to", "240", "servicemen"], ["up to"]),
        (["A", "drone", "reportedly", "hit", "the", "depot"], ["reportedly"]),
        (["It", "appeared", "to", "be", "deliberate"], ["appeared"]),
        # negatives
        (["The", "footage", "appeared", "days", "later"], []),
        (["The", "claim", "could", "not", "be", "verified"], []),
        (["They", "talked", "about", "the", "war"], []),
    ],
)
def test_hedges_on_hand_built_docs(words: list[str], expected: list[str]) -> None:
    doc = Doc(VOCAB, words=words)
    assert [h[0] for h in find_hedges(doc[:], LEX)] == expected


REPOST = (
    "Title\n\nMOSCOW - Troops advanced, the ministry said.\n\n"
    "Originally published by Federal Telegraph Agency. All posts on behalf of FTA are republished.\n"
)


@pytest.mark.parametrize(
    ("text", "own", "expected"),
    [
        (REPOST, "Axis Front Review", "Federal Telegraph Agency"),
        ("Body text.\n\nSource: TASS\n", None, "TASS"),
        ("Body.\n\nRepublished from Sputnik News with permission.", None, "Sputnik"),
        ("Body.\n\nThis article first appeared on Reuters.com.", None, "Reuters"),
        # negatives: the site's own name, or no repost line at all
        ("Source: Axis Front Review\n\nBody.", "Axis Front Review", None),
        ("Troops advanced near the town, the source said.", None, None),
    ],
)
def test_detect_original_source(text: str, own: str | None, expected: str | None) -> None:
    assert detect_original_source(text, (), own=own) == expected


def test_original_source_from_boilerplate_segment() -> None:
    body_end = REPOST.index("Originally")
    segs = (Segment("body", 7, body_end - 2), Segment("boilerplate", body_end, len(REPOST) - 1))
    assert detect_original_source(REPOST, segs) == "Federal Telegraph Agency"
    assert find_repost_names("All posts on behalf of FTA are republished") == ["FTA"]


def test_registry_lookup_and_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reg = SourceRegistry.bundled()
    sana = reg.lookup("https://www.sana.sy/en/?p=1")
    assert sana is not None and sana.name == "SANA" and sana.ownership == "state"
    assert sana.alignment_in("syria") == "pro-government"
    assert reg.lookup("Syrian Arab News Agency") is sana
    assert reg.lookup("unknown-outlet.example") is None
    user = tmp_path / "mine.tsv"
    user.write_text(
        "SANA\tsana.sy\tSY\tstate\tsyria=regime mouthpiece\thttps://example.org\n"
        "Levant Arab News Agency|LANA\tlana-news.example\tSY\tstate\tsyria=pro-government\t\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("FRONTLINES_SOURCES", str(user))
    SourceRegistry.bundled.cache_clear()
    try:
        mine = SourceRegistry.bundled()
        assert mine.lookup("LANA") is not None
        sana2 = mine.lookup("sana.sy")
        assert sana2 is not None and sana2.alignment_in("syria") == "regime mouthpiece"
    finally:
        monkeypatch.delenv("FRONTLINES_SOURCES")
        SourceRegistry.bundled.cache_clear()


def _event(start: int, claim: Claim | None) -> Event:
    return Event(
        TextSpan("x", start, start + 10),
        TextSpan("x", start, start + 1),
        "Battles",
        "Armed clash",
        "ASSAULT",
        None,
        claim=claim,
    )


def test_profile_shares() -> None:
    text = "Title here\n" + "word " * 200 + "\n" + "comment " * 100
    body_end = 11 + 200 * 5
    article = Article(text=text, path="a.txt", format="txt", original_source="TASS")
    ministry = Claimant("the ministry", 20, 32, "military")
    extraction = Extraction(
        article=article,
        segments=(
            Segment("title", 0, 10),
            Segment("body", 11, body_end),
            Segment("comments", body_end + 1, len(text)),
        ),
        events=(
            _event(20, Claim(ministry, "reported", (), "none_cited")),
            _event(40, Claim(ministry, "claimed", (), "visual")),
            _event(60, None),
            _event(80, Claim(Claimant(None, None, None, "author"), "future", (), None)),
        ),
        flags=(Flag("Loaded_Language", "word", 11, 15),),
    )
    p = profile(extraction)
    assert p.events == 4
    assert p.own_voice_share == 0.5 and p.attributed_share == 0.5
    assert p.no_evidence_share == 0.5  # the future claim has no evidence slot
    assert p.words == 202
    assert p.flags_per_1000_words == pytest.approx(1000 / 202)
    assert p.comment_share == pytest.approx(100 / 302)
    assert p.original_source == "TASS"
    assert json.dumps(p.to_json())


def test_profile_without_events() -> None:
    article = Article(text="Nothing happened.", path="b.txt", format="txt")
    p = profile(Extraction(article=article, segments=(Segment("body", 0, 17),)))
    assert p.events == 0 and p.own_voice_share is None and p.no_evidence_share is None


def test_gold_parser_and_bundled_gold() -> None:
    blocks = parse_gold(
        "=== a | wire\nS One thing happened, the army said.\nC the army | military\n"
        "P\nS It added more.\nC the army | military\nE documentary\nH may\n"
    )
    assert blocks[0].text == "One thing happened, the army said.\nIt added more."
    second = blocks[0].sentences[1]
    assert second.gold_modality() == "reported" and second.gold_evidence() == "documentary"
    assert second.hedges == ["may"]
    gold = load_gold()
    attributed = sum(1 for b in gold for s in b.sentences if s.claimant)
    assert attributed >= 150
    assert sum(1 for b in gold for s in b.sentences if not s.claimant) >= 40  # negatives
    assert {b.style for b in gold} >= {"wire", "state", "partisan", "monitor"}
    assert bundled("gold", "claims", "heldout", "heldout.txt").exists()


@pytest.mark.parametrize(
    "text",
    [
        "Idlib is one of four so-called de-escalation zones.",
        "The activist group Raqqa is Being Slaughtered Silently said ten died.",
        "Police said criminal gangs control parts of the capital.",
        "The town was the scene of huge damage after the earthquake.",
        "The army continued strikes on militants, that terrorist groups use the road is known.",
    ],
)
def test_wire_wording_not_flagged(text: str) -> None:
    flags = find_flags_text(text)
    assert all(f.technique != "Doubt" and f.text != "gangs" for f in flags)
    assert not any(f.technique in ("Loaded_Language", "Exaggeration,Minimisation") for f in flags)
    assert not any(f.text.lower().startswith("that ") for f in flags)


# General political reporting (SemEval-2020 TC style): one row per pattern family, with
# neutral look-alikes that must stay unflagged.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "These scandalous lies were peddled by the fake news media.",
            {
                ("Loaded_Language", "scandalous"),
                ("Loaded_Language", "peddled"),
                ("Name_Calling,Labeling", "fake news media"),
            },
        ),
        (
            "The so-called experts have been wrong about absolutely everything.",
            {
                ("Name_Calling,Labeling", "The so-called experts"),
                ("Exaggeration,Minimisation", "wrong about absolutely everything"),
            },
        ),
        ("The Iranian regime funds proxies.", {("Name_Calling,Labeling", "The Iranian regime")}),
        ("Make America Great Again!", {("Slogans", "Make America Great Again!")}),
        ("Enough is enough.", {("Thought-terminating_Cliches", "Enough is enough.")}),
        (
            "Either we build the wall or we lose the country.",
            {("Black-and-White_Fallacy", "Either we build the wall or we lose the country")},
        ),
        (
            "As Americans, we will never surrender.",
            {("Flag-Waving", "As Americans, we will never surrender")},
        ),
        (
            "The crisis happened for one reason alone: socialism.",
            {("Causal_Oversimplification", "for one reason alone: socialism")},
        ),
        (
            "Our Christian heritage is under attack.",
            {("Appeal_to_fear-prejudice", "Our Christian heritage is under attack")},
        ),
        (
            "Where was the outrage when Yemen was bombed?",
            {
                (
                    "Whataboutism,Straw_Men,Red_Herring",
                    "Where was the outrage when Yemen was bombed",
                )
            },
        ),
        ("They lied about the Russia hoax.", {("Doubt", "the Russia hoax")}),
        # negatives: literal or neutral uses of the same words
        ("Protesters flooded the streets of the capital on Sunday.", set()),
        ("Fighters of Ahrar al-Sham shelled the town.", set()),
        ("Syrian regime forces advanced near Idlib, the monitor said.", set()),
        ("The car was rigged with explosives.", set()),
        ("Germany declared war on the United States in December 1941.", set()),
        ("Doctors found parasites in the samples from Shady Grove hospital.", set()),
        ("Police investigated an anthrax hoax at the post office.", set()),
        ("The New England Patriots won the game.", set()),
        ("Black Lives Matter protesters marched through the city.", set()),
        ("The bank said a total of 40 branches would close.", set()),
    ],
)
def test_flags_general_politics(text: str, expected: set[tuple[str, str]]) -> None:
    flags = find_flags_text(text)
    assert {(f.technique, f.text) for f in flags} == expected
    for f in flags:
        assert text[f.start : f.end] == f.text


def test_word_lists_compile_with_valid_labels(tmp_path: Path) -> None:
    assert any(p.words for p in patterns())
    bad = tmp_path / "words.tsv"
    bad.write_text("Loaded_Speech\tvile\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a SemEval-2020 label"):
        word_patterns(bad)
    good = tmp_path / "good.tsv"
    good.write_text("# comment\nLoaded_Language\tvile\nLoaded_Language\tcrocodile tears\n")
    [pattern] = word_patterns(good)
    assert pattern.regex.search("shed crocodile tears") and not pattern.regex.search("vilest")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Shocking scenes followed.", True),  # sentence start: a word, not a name
        ('He said: "Shocking."', True),
        ("It was SHOCKING.", True),
        ("They met at Shady Grove hospital.", False),  # capitalised inside a sentence: a name
    ],
)
def test_capitalised_list_word_inside_sentence_is_a_name(text: str, flagged: bool) -> None:
    assert bool(find_flags_text(text)) is flagged


# --- cross-sentence passes (claims/context.py): no model needed ---------------

AUTHOR = Claimant(None, None, None, "author")


def _sc(text: str, start: int, who: Claimant, evidence: str | None = "none_cited",
        carried: bool = False, modality: str = "reported") -> SentenceClaim:  # fmt: skip
    claim = Claim(who, modality, (), evidence)  # type: ignore[arg-type]
    return SentenceClaim(start, start + len(text), claim, carried)


def _claims(sentences: list[tuple[str, Claimant, bool]], sep: str = " ") -> tuple[str, list[SentenceClaim]]:  # fmt: skip
    """A text and its sentence claims; a sentence whose text is disputed gets "disputed"."""
    text, out = "", []
    for k, (s, who, carried) in enumerate(sentences):
        if k:
            text += sep if s[0] != "\n" else ""
        s = s.lstrip("\n") if s[0] == "\n" else s
        if k and sentences[k][0][0] == "\n":
            text += "\n"
        ev = "disputed" if find_evidence(s, LEX) == "disputed" else "none_cited"
        out.append(_sc(s, len(text), who, ev, carried, "reported" if who.type != "author" else "asserted"))  # fmt: skip
        text += s
    return text, out


MOD = Claimant("The ministry", 0, 12, "military")
SOURCES = Claimant("Two security sources", 0, 20, "anonymous")
ARMY = Claimant("The army", 0, 8, "military")


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # the disclaimer disputes the sentence before it
        ([("The ministry said 5 tanks were destroyed.", MOD, False),
          ("Meridian could not independently verify the figures.", AUTHOR, False)],
         ["disputed", "disputed"]),
        ([("Two security sources said the soldiers were struck on a road.", SOURCES, False),
          ("Those accounts could not be independently verified.", AUTHOR, False)],
         ["disputed", "disputed"]),
        # a carried chain ("It said ...") is one claimant's account: all of it
        ([("The ministry said 50 soldiers were neutralised.", MOD, False),
          ("It said five tanks were destroyed.", MOD, True),
          ("The figures could not be independently verified.", AUTHOR, False)],
         ["disputed", "disputed", "disputed"]),
        # only the claim it follows: an earlier, different claimant keeps its evidence
        ([("The army said it held the palace.", ARMY, False),
          ("Two security sources said the soldiers were struck.", SOURCES, False),
          ("Those accounts could not be independently verified.", AUTHOR, False)],
         ["none_cited", "disputed", "disputed"]),
        # "neither" reaches the two claimants before it
        ([("The army said it held the palace.", ARMY, False),
          ("Two security sources said the soldiers were struck.", SOURCES, False),
          ("Neither claim could be checked.", AUTHOR, False)],
         ["disputed", "disputed", "disputed"]),
        # a disclaimer that is a paragraph of its own speaks of the paragraph before
        ([("The ministry said 5 tanks were destroyed.", MOD, False),
          ("\nThe figures could not be independently verified.", AUTHOR, False)],
         ["disputed", "disputed"]),
        # negatives: a new paragraph that goes on; the outlet's own sentence before;
        # a party's silence; a long sentence with content of its own
        ([("The ministry said 5 tanks were destroyed.", MOD, False),
          ("\nThe figures could not be independently verified.", AUTHOR, False),
          ("Two security sources said the soldiers were struck.", SOURCES, False)],
         ["none_cited", "disputed", "none_cited"]),
        ([("Five tanks were destroyed near the town.", AUTHOR, False),
          ("The figures could not be independently verified.", AUTHOR, False)],
         ["none_cited", "disputed"]),
        ([("The ministry said 5 tanks were destroyed.", MOD, False),
          ("India did not confirm any losses.", AUTHOR, False)],
         ["none_cited", "disputed"]),
        ([("The ministry said 5 tanks were destroyed.", MOD, False),
          ("The army said it could not confirm the figures, but its units were fighting "
           "near the town for a third day with heavy losses on both sides of the river.",
           ARMY, False)],
         ["none_cited", "disputed"]),
    ],
)  # fmt: skip
def test_disclaimer_disputes_the_claim_it_follows(
    sentences: list[tuple[str, Claimant, bool]], expected: list[str]
) -> None:
    text, claims = _claims(sentences)
    assert [c.claim.evidence for c in apply_disclaimers(claims, text)] == expected


@pytest.mark.parametrize(
    ("sentence", "who", "expected"),
    [
        ("Those accounts could not be independently verified.", AUTHOR, True),
        ("Meridian could not independently verify the figures.", AUTHOR, True),
        ("The Associated Press was unable to verify the video.", AUTHOR, True),
        ("Neither side's account could be independently verified.", AUTHOR, True),
        ("Its claim could not be confirmed.", AUTHOR, True),
        ("It was not possible to independently verify the report.", AUTHOR, True),
        ("It was not immediately possible to verify the report.", AUTHOR, True),
        ("Al-Araby al-Jadeed cannot independently verify the reports.", AUTHOR, True),
        ("The authenticity of the footage could not be independently verified.", AUTHOR, True),
        # negatives
        ("India did not confirm any losses.", AUTHOR, False),  # a party, not a newsroom
        ("Rwanda has repeatedly denied backing the rebels.", AUTHOR, False),  # no verification
        ("The company said the claims could not be verified.", MOD, False),  # a party speaks
        ("Russian forces took the village, the ministry said.", MOD, False),
    ],
)
def test_is_disclaimer(sentence: str, who: Claimant, expected: bool) -> None:
    ev = find_evidence(sentence, LEX) or "none_cited"
    assert is_disclaimer(sentence, Claim(who, "asserted", (), ev)) is expected


LOHR = ("levant observatory for human rights",)


@pytest.mark.parametrize(
    ("phrase", "names", "expected"),
    [
        ("The Levant Observatory for Human Rights", LOHR, True),
        ("The Observatory", LOHR, True),
        ("the Observatory's documentation", LOHR, True),
        ("LOHR", LOHR, True),
        ("Meridian", ("meridian wire",), True),
        ("SANA's correspondent in Hama", ("sana",), True),
        ("Maritime Incident Watch", ("maritime incident watch",), True),
        # negatives: the outlet's sources, another monitor, a lower-case noun, no outlet
        ("the Observatory's sources in the area", LOHR, False),
        ("Observatory sources", LOHR, False),
        ("The Syrian Observatory for Human Rights", LOHR, False),
        ("the rights group", LOHR, False),
        ("the observatory", LOHR, False),
        ("Reuters", ("meridian wire",), False),
        ("The Observatory", (), False),
    ],
)
def test_names_outlet(phrase: str, names: tuple[str, ...], expected: bool) -> None:
    assert names_outlet(phrase, names) is expected


def test_outlet_names_adds_registry_aliases() -> None:
    assert outlet_names([None, ""]) == ()
    names = outlet_names(["The Levant Observatory for Human Rights"])
    assert names[0] == "levant observatory for human rights"


def test_own_voice_becomes_author() -> None:
    who = Claimant("The Observatory", 0, 15, "monitor")
    other = Claimant("Observatory sources", 0, 19, "monitor")
    claims = [
        _sc("x", 0, who, "documentary"),
        _sc("y", 2, other),
        _sc("z", 4, who, None, modality="denied"),
    ]
    out = apply_own_voice(claims, LOHR)
    assert [(c.claim.claimant.type, c.claim.modality, c.claim.evidence) for c in out] == [
        ("author", "asserted", "documentary"),
        ("monitor", "reported", "none_cited"),
        ("author", "denied", None),
    ]
    assert apply_own_voice(claims, ()) == claims


def _starts(text: str) -> tuple[int, ...]:
    """Sentence starts after ". ", "! ", "? " (enough for the one-line cases below)."""
    import re

    return (0, *(m.end() for m in re.finditer(r"[.!?][\"”]?\s+", text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Appeal_to_Authority
        (
            "Experts agree that the sanctions have failed.",
            {("Appeal_to_Authority", "Experts agree that the sanctions have failed")},
        ),
        (
            "The vaccine is dangerous, according to leading scientists.",
            {("Appeal_to_Authority", "according to leading scientists")},
        ),
        (
            "As Churchill once said, you never give in.",
            {("Appeal_to_Authority", "As Churchill once said")},
        ),
        (
            "Even the Pentagon admits the offensive has stalled.",
            {("Appeal_to_Authority", "Even the Pentagon admits")},
        ),
        # Black-and-White_Fallacy
        (
            "You are either with us or against us.",
            {("Black-and-White_Fallacy", "You are either with us or against us")},
        ),
        (
            "There is no middle ground in this war.",
            {("Black-and-White_Fallacy", "There is no middle ground in this war")},
        ),
        # Slogans
        (
            "Thousands shared #StandWithUkraine and #PutinMustGo overnight.",
            {("Slogans", "#StandWithUkraine"), ("Slogans", "#PutinMustGo")},
        ),
        ("We remember the victims. Never again!", {("Slogans", "Never again!")}),
        (
            'Protesters outside the embassy chanted "Hands off Venezuela" for an hour.',
            {("Slogans", "Hands off Venezuela")},
        ),
        (
            "They stand for faith, family and freedom.",
            {("Slogans", "faith, family and freedom")},
        ),
        # Loaded_Language metaphors
        (
            "These people want to tear this country apart.",
            {("Loaded_Language", "tear this country apart")},
        ),
        (
            "Officials lined their own pockets with aid money.",
            {("Loaded_Language", "lined their own pockets")},
        ),
        (
            "The minister threw his generals under the bus.",
            {("Loaded_Language", "threw his generals under the bus")},
        ),
        # Doubt: the accusation, not the whole clause
        (
            "The chemical attack in Douma was staged by the White Helmets.",
            {("Doubt", "staged by the White Helmets")},
        ),
        # negatives: the same words in neutral reporting
        ("Experts agree with the ministry on the death toll.", set()),
        ("According to scientists at the institute, the virus mutated.", set()),
        ("He said the country would never again allow foreign bases.", set()),
        ("The concert was sold out within an hour.", set()),
        ("Infected birds were slaughtered on the farm.", set()),
        ("Cases rose to 40, the health ministry said in #COVID19 update.", set()),
        ("Residents described mass hysteria after the rumour spread.", set()),
        ("Either side could still walk away from the talks, diplomats said.", set()),
    ],
)
def test_flags_h23_techniques(text: str, expected: set[tuple[str, str]]) -> None:
    flags = find_flags_text(text, sentence_starts=_starts(text))
    assert {(f.technique, f.text) for f in flags} == expected
    for f in flags:
        assert text[f.start : f.end] == f.text


@pytest.mark.parametrize(
    ("text", "repeats"),
    [
        # a flagged phrase three times: the second and third uses are Repetition
        ("Glory to Ukraine! We fight on. Glory to Ukraine! Glory to Ukraine!", 2),
        (
            "The Kiev regime lies. The Kiev regime shells. The Kiev regime steals.",
            2,
        ),
        # negatives: twice is not a refrain; a single word is not counted
        ("The Kiev regime lies. The Kiev regime shells.", 0),
        ("Brutal. Brutal. Brutal. Brutal.", 0),
    ],
)
def test_flags_repetition(text: str, repeats: int) -> None:
    flags = find_flags_text(text, sentence_starts=_starts(text))
    rep = [f for f in flags if f.technique == "Repetition"]
    assert len(rep) == repeats
    assert all(text[f.start : f.end] == f.text for f in rep)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "So what you're saying is that we should let them win.",
            {
                (
                    "Whataboutism,Straw_Men,Red_Herring",
                    "So what you're saying is that we should let them win",
                )
            },
        ),
        (
            "The same politicians who cheered the invasion of Iraq now lecture us.",
            {
                (
                    "Whataboutism,Straw_Men,Red_Herring",
                    "The same politicians who cheered the invasion of Iraq now lecture us",
                )
            },
        ),
        ("Iran is a rogue state.", {("Name_Calling,Labeling", "rogue state")}),
        ("His henchmen ran the camps.", {("Name_Calling,Labeling", "henchmen")}),
        ("The militia imposed a reign of terror.", {("Loaded_Language", "reign of terror")}),
        # negatives: literal readings stay unflagged
        ("The parasites spread from rodents to cattle.", set()),
        ("The same people who were evacuated on Monday returned home.", set()),
        ("The Kremlin wants a ceasefire, officials said.", set()),
    ],
)
def test_flags_h23_labels_and_straw_men(text: str, expected: set[tuple[str, str]]) -> None:
    flags = find_flags_text(text, sentence_starts=_starts(text))
    assert {(f.technique, f.text) for f in flags} == expected
