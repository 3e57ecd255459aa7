"""End to end: the bundled sample corpus through the real pipeline (``process_batch``).

"Contains / leaves out" checks in the manner of trafilatura's real-world tests.
Every expectation below comes from reading the sample article (see the quoted
phrase), not from what the extractors print; where an extractor is wrong the
check is marked xfail(strict=True) with the reason, so a fix shows up as XPASS
(then drop the mark). Input order and the CLI are in test_contract.py.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from frontlines.eval.common import bundled
from frontlines.types import Article

if TYPE_CHECKING:
    from conftest import SampleRun

Record = dict[str, Any]
MANIFEST = [
    json.loads(line)
    for line in bundled("sample", "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def manifest_name(entry: dict[str, Any]) -> str:
    """The manifest entry's article as ``Path(article.path).name`` spells it."""
    name = Path(entry["file"]).name
    if "entry" in entry:
        return f"{name}#entry={entry['entry']}"
    if "line" in entry:
        return f"{name}#line={entry['line']}"
    return name


def quantities(record: Record) -> list[Record]:
    return [q for event in record["events"] for q in event["quantities"]]


def excluded_spans(record: Record) -> list[tuple[int, int]]:
    return [
        (s["start"], s["end"])
        for s in record["segments"]
        if s["kind"] in ("boilerplate", "comments")
    ]


def phrase_span(article: Article, record: Record, phrase: str) -> tuple[int, int]:
    """Where ``phrase`` occurs in the article's analysed text (title or body), once."""
    hits = []
    for seg in record["segments"]:
        if seg["kind"] in ("title", "body"):
            at = article.text.find(phrase, seg["start"], seg["end"])
            if at >= 0:
                hits.append((at, at + len(phrase)))
    assert len(hits) == 1, f"{phrase!r} must occur once in {article.path}"
    return hits[0]


def events_stating(article: Article, record: Record, phrase: str) -> list[Record]:
    """The events whose sentence holds ``phrase``."""
    start, end = phrase_span(article, record, phrase)
    return [e for e in record["events"] if e["text"]["start"] <= start and end <= e["text"]["end"]]


def xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


# --- event types ------------------------------------------------------------

EVENT_TYPES = [
    pytest.param(
        "idlib_balyun_wire.txt",
        "were killed in an air strike by Syrian government forces",
        ("Explosions/Remote violence", "Air/drone strike"),
        id="balyun-wire-air-strike",
    ),
    pytest.param(
        "idlib_balyun_monitor.txt",
        "in air strikes that targeted their positions near Balyun",
        ("Explosions/Remote violence", "Air/drone strike"),
        id="balyun-monitor-air-strike",
    ),
    pytest.param(
        "idlib_nayrab_wire.txt",
        "were killed and five wounded in an air strike",
        ("Explosions/Remote violence", "Air/drone strike"),
        id="nayrab-air-strike",
    ),
    pytest.param(
        "idlib_kafrnabl_monitor.txt",
        "the regime forces have seized Kafr Nabl",
        ("Battles", "Government regains territory"),
        id="kafrnabl-regime-seizes",
    ),
    pytest.param(
        "khartoum_toll_repost_fwd.txt",
        "in three days of fighting between Sudan's army and the paramilitary",
        ("Battles", "Armed clash"),
        id="khartoum-army-rsf-clash",
    ),
    pytest.param(
        "khartoum_outbreak_wire.txt",
        "fought in the streets of Khartoum on Saturday, with gunfire and explosions",
        ("Battles", "Armed clash"),
        id="khartoum-street-fighting",
        marks=xfail(
            "army and RSF 'fought in the streets ... with gunfire and explosions': typed "
            "Remote explosive/landmine/IED from 'explosions'"
        ),
    ),
    pytest.param(
        "idlib_kafrnabl_repost_fwd.txt",
        "falls to Assad",
        ("Battles", "Government regains territory"),
        id="kafranbel-falls-to-assad",
        marks=xfail(
            "title 'Kafranbel ... falls to Assad': government forces take the town, but the "
            "actor1 found is 'Kafranbel' (the place) and the type Non-state actor overtakes"
        ),
    ),
    pytest.param(
        "bakhmut_capture_wire.txt",
        "his forces had taken complete control",
        ("Battles", "Non-state actor overtakes territory"),
        id="wagner-takes-bakhmut",
        marks=xfail(
            "Wagner ('his forces' = Prigozhin's) is not the government of Ukraine, where "
            "Bakhmut lies; 'his forces' gets inter 1 (state forces) and the type Government "
            "regains territory"
        ),
    ),
]


@pytest.mark.parametrize(("name", "phrase", "expected"), EVENT_TYPES)
def test_event_type(
    sample_run: SampleRun, name: str, phrase: str, expected: tuple[str, str]
) -> None:
    article, record = sample_run.get(name)
    found = {
        (e["acled"]["event_type"], e["acled"]["sub_event_type"])
        for e in events_stating(article, record, phrase)
    }
    assert expected in found


def test_balyun_air_strike_carries_the_stated_toll(sample_run: SampleRun) -> None:
    # "At least 33 Turkish soldiers were killed in an air strike by Syrian government forces"
    article, record = sample_run.get("idlib_balyun_wire.txt")
    strikes = [
        e
        for e in events_stating(article, record, "were killed in an air strike")
        if e["acled"]["sub_event_type"] == "Air/drone strike"
    ]
    tolls = [q for e in strikes for q in e["quantities"] if q["kind"] == "fatalities"]
    assert [(q["low"], q["best"]) for q in tolls] == [(33, 33)]


# --- figures ----------------------------------------------------------------

# (article, phrase that states the figure, kind, low (None: not checked), best)
FIGURES = [
    pytest.param("idlib_balyun_wire.txt", "At least 33 Turkish soldiers were killed",
                 "fatalities", 33, 33, id="balyun-wire-at-least-33"),
    pytest.param("idlib_balyun_monitor.txt", "documented the death of 34 soldiers",
                 "fatalities", 34, 34, id="balyun-monitor-34"),
    pytest.param("idlib_balyun_monitor.txt", "killing at least 16 regime soldiers",
                 "fatalities", 16, 16, id="balyun-monitor-at-least-16"),
    pytest.param("idlib_kafrnabl_monitor.txt", "killed at least 41 people",
                 "fatalities", 41, 41, id="kafrnabl-monitor-at-least-41"),
    pytest.param("redsea_trueconf_monitor.txt", "at least 4 injured",
                 "injured", 4, 4, id="trueconf-monitor-at-least-4-injured"),
    pytest.param("redsea_trueconf_monitor.txt", "at least 3 crew killed",
                 "fatalities", 3, 3, id="trueconf-monitor-at-least-3-killed"),
    pytest.param("khartoum_toll_repost_fwd.txt", "At least 185 people have been killed",
                 "fatalities", 185, 185, id="khartoum-at-least-185"),
    pytest.param("khartoum_toll_repost_fwd.txt", "more than 1,800 wounded",
                 "injured", None, 1800, id="khartoum-more-than-1800-injured"),
    pytest.param("bakhmut_capture_wire.txt", "including more than 20,000 killed",
                 "fatalities", None, 20000, id="white-house-more-than-20000-killed"),
    pytest.param("meridian_conflict_desk.rss#entry=5", "at least 35 fighters on both sides",
                 "fatalities", 35, 35, id="saraqeb-at-least-35"),
    pytest.param("idlib_nayrab_wire.txt", "five tanks",
                 "equipment", 5, 5, id="nayrab-five-tanks"),
    pytest.param("idlib_kafrnabl_repost_fwd.txt", "destroyed 3 tanks",
                 "equipment", 3, 3, id="kafranbel-3-tanks"),
    pytest.param("redsea_strikes_wire.txt", "had killed five of the group's fighters",
                 "fatalities", 5, 5, id="houthi-five-killed"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "phrase", "kind", "low", "best"), FIGURES)
def test_figure_is_extracted(
    sample_run: SampleRun, name: str, phrase: str, kind: str, low: float | None, best: float
) -> None:
    article, record = sample_run.get(name)
    start, end = phrase_span(article, record, phrase)
    found = [q for q in quantities(record) if q["kind"] == kind and start <= q["start"] < end]
    assert found, f"no {kind} quantity in {phrase!r}"
    assert any(q["best"] == best and (low is None or q["low"] == low) for q in found), found


# Figures that must not be among the article's quantities: reader comments'
# numbers, and a count of strikes read as deaths.
LEFT_OUT = [
    pytest.param("idlib_balyun_repost_axis.txt", "fatalities", 36,
                 id="comment-they-say-36-dead"),
    pytest.param("idlib_kafrnabl_repost_fwd.txt", "equipment", 5,
                 id="comment-5-tanks-and-a-bmp"),
    pytest.param("idlib_m5_repost_axis.txt", "fatalities", 100,
                 id="comment-more-than-100-militants"),
    pytest.param("khartoum_toll_repost_fwd.txt", "fatalities", 1000,
                 id="comment-in-the-thousands"),
    pytest.param("bakhmut_capture_wire.txt", "fatalities", 100000, id="casualties-are-not-deaths"),
    pytest.param("khartoum_toll_repost_fwd.txt", "fatalities", 10, id="many-uncounted-dead"),
    pytest.param("meridian_conflict_desk.rss#entry=5", "abducted", 20,
                 id="killed-soldiers-are-not-abducted"),
    pytest.param("redsea_strikes_wire.txt", "fatalities", 73, id="73-strikes-are-not-deaths"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "kind", "figure"), LEFT_OUT)
def test_figure_is_left_out(sample_run: SampleRun, name: str, kind: str, figure: float) -> None:
    _, record = sample_run.get(name)
    wrong = [
        q
        for q in quantities(record)
        if q["kind"] == kind and figure in (q["low"], q["best"], q["high"])
    ]
    assert wrong == []


# --- places, event locations and dates ----------------------------------------

# (article, place as written, ISO country, lat, lon, km): coordinates of the real
# town (public gazetteers); every mention with that text must resolve near it.
PLACES = [
    pytest.param("idlib_balyun_wire.txt", "Balyun", "SY", 35.63, 36.52, 25, id="balyun"),
    pytest.param("idlib_kafrnabl_monitor.txt", "Kafr Nabl", "SY", 35.61, 36.56, 15,
                 id="kafr-nabl"),
    pytest.param("bakhmut_capture_wire.txt", "Bakhmut", "UA", 48.59, 38.00, 25, id="bakhmut"),
    pytest.param("khartoum_doctors_activist.html", "Khartoum", "SD", 15.55, 32.53, 30,
                 id="khartoum"),
    pytest.param("multi_source_items.jsonl#line=5", "Sanaa", "YE", 15.35, 44.21, 25,
                 id="sanaa"),
    pytest.param("redsea_rubymar_state.txt", "Hodeidah", "YE", 14.80, 42.95, 25,
                 id="hodeidah"),
    pytest.param("bakhmut_artemovsk_repost_axis.txt", "Artemovsk", "UA", 48.59, 38.00, 25,
                 id="artemovsk-is-bakhmut"),
    pytest.param("idlib_nayrab_wire.txt", "Nayrab", "SY", 35.93, 36.70, 20,
                 id="nayrab-east-of-idlib"),
]  # fmt: skip


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, Earth radius 6,371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


@pytest.mark.parametrize(("name", "text", "country", "lat", "lon", "km"), PLACES)
def test_place_is_geocoded(
    sample_run: SampleRun, name: str, text: str, country: str, lat: float, lon: float, km: float
) -> None:
    _, record = sample_run.get(name)
    mentions = [p for p in record["places"] if p["text"] == text]
    assert mentions, f"{text!r} not found as a place"
    for place in mentions:
        assert place["country"] == country, place
        assert place["lat"] is not None and place["lon"] is not None, place
        assert km_between(place["lat"], place["lon"], lat, lon) <= km, place


# Phrases that name no place (outlets, apps, people, an office): no place may
# overlap them. (article, phrase)
NOT_PLACES = [
    pytest.param("idlib_balyun_wire.txt", "Rahmi Dogan, governor", id="person"),
    pytest.param("idlib_balyun_wire.txt", "NATO ambassadors", id="alliance"),
    pytest.param("idlib_balyun_repost_axis.txt", "militants of Hayat Tahrir al-Sham",
                 id="armed-group"),
    pytest.param("idlib_balyun_wire.txt", "Rebel sources told Meridian", id="wire-outlet"),
    pytest.param("idlib_kafrnabl_repost_fwd.txt", "the Free Idlib Media Centre",
                 id="outlet-named-after-a-place"),
    pytest.param("idlib_balyun_wire.txt", "(Meridian)", id="wire-outlet-in-dateline"),
    pytest.param("redsea_trueconf_monitor.txt", "Maritime Incident Watch has documented",
                 id="monitor-outlet"),
    pytest.param("bakhmut_capture_wire.txt", "in a video posted on Telegram", id="app"),
    pytest.param("idlib_kafrnabl_repost_fwd.txt", "falls to Assad", id="president"),
    pytest.param("bakhmut_capture_wire.txt", "The White House estimated", id="office"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "phrase"), NOT_PLACES)
def test_not_a_place(sample_run: SampleRun, name: str, phrase: str) -> None:
    article, record = sample_run.get(name)
    start, end = phrase_span(article, record, phrase)
    assert [p["text"] for p in record["places"] if p["start"] < end and start < p["end"]] == []


# (article, phrase of the event's sentence, the place the event happened, as written)
EVENT_LOCATIONS = [
    pytest.param("idlib_balyun_wire.txt", "Turkish officials said the strike hit",
                 "Balyun", id="balyun-strike-at-balyun"),
    pytest.param("khartoum_toll_repost_fwd.txt", "Residents of Khartoum said the army had",
                 "Khartoum", id="air-strikes-in-khartoum"),
    pytest.param("redsea_trueconf_monitor.txt", "has documented a missile strike",
                 "Gulf of Aden", id="true-confidence-gulf-of-aden"),
    pytest.param("meridian_conflict_desk.rss#entry=5", "the army and its allies had seized Saraqeb",
                 "Saraqeb", id="saraqeb-retaken"),
    pytest.param("idlib_balyun_wire.txt", "were killed in an air strike by Syrian government",
                 "Idlib", id="balyun-lead-idlib-not-syria"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "phrase", "where"), EVENT_LOCATIONS)
def test_event_location(sample_run: SampleRun, name: str, phrase: str, where: str) -> None:
    article, record = sample_run.get(name)
    events = events_stating(article, record, phrase)
    assert events, f"no event in {phrase!r}"
    assert {(e["location"] or {}).get("text") for e in events} == {where}


# (article, phrase of the event's sentence, acceptable ISO dates, precision)
EVENT_DATES = [
    pytest.param("idlib_balyun_monitor.txt", "on the evening of Thursday, February 27",
                 {"2020-02-27"}, 1, id="balyun-monitor-explicit-date"),
    pytest.param("idlib_balyun_wire.txt", "military unit on Thursday evening",
                 {"2020-02-27"}, 1, id="balyun-wire-thursday-before-friday"),
    pytest.param("khartoum_toll_repost_fwd.txt", "air strikes on RSF positions throughout Monday",
                 {"2023-04-17"}, 1, id="khartoum-monday-same-day"),
    pytest.param("idlib_maarat_wire.txt", "over the past 24 hours",
                 {"2020-01-27", "2020-01-28"}, 1, id="maarat-past-24-hours",
                 marks=xfail("'over the past 24 hours' is not read; the date comes from "
                             "'last week' in the sentence before (2020-01-23)")),
]  # fmt: skip


@pytest.mark.parametrize(("name", "phrase", "values", "precision"), EVENT_DATES)
def test_event_date(
    sample_run: SampleRun, name: str, phrase: str, values: set[str], precision: int
) -> None:
    article, record = sample_run.get(name)
    events = events_stating(article, record, phrase)
    assert events, f"no event in {phrase!r}"
    for event in events:
        assert event["date"] is not None
        assert event["date"]["value"] in values
        assert event["date"]["precision"] == precision


# A figure belongs to one event: attached to two, it is counted twice in any total.
DOUBLE_COUNTED = {
    "idlib_kafrnabl_repost_fwd.txt": "'dozens of regime soldiers' and '3 tanks' go both to "
    "their sentence's event and to the barrel-bomb event of the sentence before",
    "meridian_conflict_desk.rss#entry=5": "'at least 35 fighters' goes to both events of its "
    "sentence (seized, aircraft)",
}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            manifest_name(m),
            marks=[xfail(DOUBLE_COUNTED[manifest_name(m)])]
            if manifest_name(m) in DOUBLE_COUNTED
            else [],
        )
        for m in MANIFEST
    ],
)
def test_no_figure_is_attached_to_two_events(sample_run: SampleRun, name: str) -> None:
    _, record = sample_run.get(name)
    spans = [(q["start"], q["end"]) for q in quantities(record)]
    assert len(spans) == len(set(spans))


# --- claims -----------------------------------------------------------------

# (article, phrase of the claim's sentence, evidence a careful reader gives it)
EVIDENCE = [
    pytest.param("bakhmut_capture_wire.txt", "his forces had taken complete control",
                 "disputed", id="bakhmut-claim-denied-and-unverified"),
    pytest.param("idlib_balyun_wire.txt", "Turkish officials said the strike hit",
                 "none_cited", id="balyun-officials-none-cited"),
    pytest.param("idlib_balyun_monitor.txt", "has documented the death of 34 soldiers",
                 "documentary", id="monitor-documented"),
    pytest.param("idlib_balyun_wire.txt", "the soldiers were struck while travelling",
                 "disputed", id="balyun-accounts-not-verified"),
    pytest.param("idlib_nayrab_wire.txt", "It said five tanks",
                 "disputed", id="nayrab-figures-not-verified"),
    pytest.param("khartoum_toll_repost_fwd.txt", "97 civilians had been killed",
                 "disputed", id="khartoum-figures-not-verified"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "phrase", "evidence"), EVIDENCE)
def test_claim_evidence(sample_run: SampleRun, name: str, phrase: str, evidence: str) -> None:
    article, record = sample_run.get(name)
    events = events_stating(article, record, phrase)
    assert events, f"no event in {phrase!r}"
    assert {e["claim"]["evidence"] for e in events} == {evidence}


# (article, phrase of the claim's sentence, claimant types a reader accepts, modality
# or None when not checked). "author": the outlet's own voice (DESIGN.md).
CLAIMANTS = [
    pytest.param("idlib_balyun_wire.txt", "a Turkish provincial governor said early on Friday",
                 {"government"}, "reported", id="turkish-governor"),
    pytest.param("bakhmut_capture_wire.txt", "Yevgeny Prigozhin, said on Saturday",
                 {"armed_group"}, None, id="prigozhin"),
    pytest.param("idlib_balyun_repost_axis.txt", "the Russian Defence Ministry said on Friday",
                 {"military", "government"}, None, id="russian-mod"),
    pytest.param("khartoum_outbreak_wire.txt", "The army accused the RSF of attacking",
                 {"military"}, None, id="sudan-army-accuses"),
    pytest.param("redsea_trueconf_monitor.txt", "has documented a missile strike",
                 {"author"}, "asserted", id="monitor-own-voice"),
    pytest.param("idlib_balyun_monitor.txt", "has documented the death of 34 soldiers",
                 {"author"}, "asserted", id="observatory-own-voice"),
    pytest.param("idlib_kafrnabl_repost_fwd.txt", "The regime claimed to have killed",
                 {"government", "military"}, "claimed", id="regime-claims"),
    pytest.param("khartoum_outbreak_wire.txt", "said its positions had been attacked first",
                 {"armed_group"}, None, id="rsf-says",
                 marks=xfail("'The RSF, led by ..., said its positions had been attacked' "
                             "is given to the author")),
]  # fmt: skip


@pytest.mark.parametrize(("name", "phrase", "types", "modality"), CLAIMANTS)
def test_claimant(
    sample_run: SampleRun, name: str, phrase: str, types: set[str], modality: str | None
) -> None:
    article, record = sample_run.get(name)
    events = events_stating(article, record, phrase)
    assert events, f"no event in {phrase!r}"
    for event in events:
        assert event["claim"]["claimant"]["type"] in types
        assert modality is None or event["claim"]["modality"] == modality


@pytest.mark.parametrize(
    ("name", "original"),
    [
        pytest.param(
            manifest_name(m), (m["reposted_from"] or {}).get("outlet"), id=manifest_name(m)
        )
        for m in MANIFEST
    ],
)
def test_repost_names_its_original_outlet(
    sample_run: SampleRun, name: str, original: str | None
) -> None:
    _, record = sample_run.get(name)
    assert record["article"]["original_source"] == original


# --- boilerplate and comments -----------------------------------------------


def test_comments_and_boilerplate_are_segmented(sample_run: SampleRun) -> None:
    """Without these segments the exclusion test below would prove nothing."""
    missing = []
    for m in MANIFEST:
        _, record = sample_run.get(manifest_name(m))
        kinds = {s["kind"] for s in record["segments"]}
        if m["has_comments"] and "comments" not in kinds:
            missing.append((manifest_name(m), "comments"))
        # HTML readers drop page furniture from the text; .txt reposts keep it.
        if m["has_boilerplate"] and m["format"] == "txt" and "boilerplate" not in kinds:
            missing.append((manifest_name(m), "boilerplate"))
    assert missing == []


def test_nothing_is_extracted_from_comments_or_boilerplate(sample_run: SampleRun) -> None:
    leaked = []
    for article, record in sample_run.pairs():
        blocked = excluded_spans(record)

        def inside(span: Record, blocked: list[tuple[int, int]] = blocked) -> bool:
            return any(span["start"] < end and start < span["end"] for start, end in blocked)

        spans: list[tuple[str, Record]] = [("place", p) for p in record["places"]]
        spans += [("flag", f) for f in record["flags"]]
        for event in record["events"]:
            spans += [("sentence", event["text"]), ("trigger", event["trigger"])]
            spans += [("actor", a) for a in event["actors"]]
            spans += [("quantity", q) for q in event["quantities"]]
            claimant = event["claim"]["claimant"]
            if claimant["start"] is not None:
                spans.append(("claimant", claimant))
        leaked += [(article.path, kind, span) for kind, span in spans if inside(span)]
    assert leaked == []
