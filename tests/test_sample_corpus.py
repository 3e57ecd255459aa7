"""The bundled sample corpus: manifest complete, every file valid, sources disagree.

The corpus is hand-written (see resources/sample/README.md); these tests keep
its manifest honest, because later stages use it as ground truth for
cross-source linking.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any
from urllib.parse import urlparse

import feedparser
import pytest
from lxml import html as lxml_html

from frontlines.eval.common import bundled

SAMPLE = bundled("sample")
ARTICLES = SAMPLE / "articles"
MANIFEST = [
    json.loads(line)
    for line in (SAMPLE / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]
OUTLET_TYPES = {"state", "partisan_aggregator", "wire", "monitor", "activist"}
EPISODE_WINDOWS = {
    "idlib-2020": (date(2020, 1, 1), date(2020, 3, 31)),
    "bakhmut-2023": (date(2023, 1, 1), date(2023, 6, 30)),
    "khartoum-2023": (date(2023, 4, 13), date(2023, 4, 30)),
    "redsea-2024": (date(2024, 1, 1), date(2024, 3, 31)),
}
# Publishers must be invented: none of these real outlets may be named as one.
REAL_OUTLETS = (
    "reuters",
    "associated press",
    "afp",
    "bbc",
    "al jazeera",
    "sana",
    "tass",
    "ria novosti",
    "sputnik",
    "saba",
    "al-masirah",
    "syrian observatory",
    "ukrinform",
    "suna",
)
# Lines that end an aggregator's reposted body and start its own blocks.
BOILERPLATE_START = re.compile(
    r"^(Originally published by|This article originally|First published by|Sources?:|"
    r"About [A-Z]|Disclaimer:|Disclosure:|Share this|Support independent|Subscribe)",
    re.M,
)
COMMENT_HEADER = re.compile(r"^(?:\d+\.\s+)?\S.{0,40}\s(?:says|wrote):$", re.M)
COMMENT_COUNT = re.compile(r"^\d+ comments$", re.M)


def split_txt(text: str) -> tuple[dict[str, str], str]:
    """`Key: value` header lines up to the first blank line, and the rest."""
    head, sep, rest = text.partition("\n\n")
    headers: dict[str, str] = {}
    for line in head.splitlines():
        key, colon, value = line.partition(": ")
        if not colon or not re.fullmatch(r"[A-Za-z]+", key):
            return {}, text  # no header block: the whole file is text
        headers[key.lower()] = value.strip()
    return (headers, rest) if sep else ({}, text)


def body_of_txt(text: str) -> str:
    """The article text of a .txt: after the header, before any appended blocks."""
    _, rest = split_txt(text)
    match = BOILERPLATE_START.search(rest)
    return rest[: match.start()] if match else rest


def words(text: str) -> int:
    return len(re.findall(r"\S+", text))


def claim_signatures(rows: Iterable[Mapping[str, Any]]) -> set[str]:
    """Distinct (claimant, modality, figures) signatures over rows and their other claims."""
    sigs = set()
    for row in rows:
        for claim in [row, *row.get("other_claims", [])]:
            sigs.add(
                json.dumps([claim["claimant"], claim["modality"], claim["figures"]], sort_keys=True)
            )
    return sigs


def incidents_without_disagreement(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """Incident keys reported by 2+ articles whose claims are all the same."""
    by_incident: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        by_incident[row["incident"]].append(row)
    return sorted(
        key
        for key, group in by_incident.items()
        if len(group) > 1 and len(claim_signatures(group)) < 2
    )


def rows_of(fmt: str) -> list[dict[str, Any]]:
    return [row for row in MANIFEST if row["format"] == fmt]


def host(url: str) -> str:
    return urlparse(url).hostname or ""


# --- helpers behave (each can fail) ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected_headers", "expected_rest"),
    [
        ("Title: A\nSource: B\n\nBody.", {"title": "A", "source": "B"}, "Body."),
        ("No header here.\n\nBody.", {}, "No header here.\n\nBody."),
        ("Title: A\nSource: B", {}, "Title: A\nSource: B"),  # no blank line: no header
        ("Note: the army said: x\n\nBody.", {"note": "the army said: x"}, "Body."),
        ("15 killed: army\n\nBody.", {}, "15 killed: army\n\nBody."),
    ],
)
def test_split_txt(text: str, expected_headers: dict[str, str], expected_rest: str) -> None:
    assert split_txt(text) == (expected_headers, expected_rest)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title: T\n\nOne two.\n\nOriginally published by X.\n\n3 comments", "One two.\n\n"),
        ("Title: T\n\nOne two.\nDisclaimer: views.", "One two.\n"),
        ("Title: T\n\nThe ministry declined to comment.", "The ministry declined to comment."),
        ("Title: T\n\nAbout 20 soldiers were killed.", "About 20 soldiers were killed."),
    ],
)
def test_body_of_txt(text: str, expected: str) -> None:
    assert body_of_txt(text) == expected


def _row(incident: str, claimant: str, figures: dict[str, Any]) -> dict[str, Any]:
    return {
        "incident": incident,
        "claimant": claimant,
        "modality": "reported",
        "figures": figures,
        "other_claims": [],
    }


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([_row("a", "X", {"fatalities": 33}), _row("a", "X", {"fatalities": 34})], []),
        ([_row("a", "X", {"fatalities": 33}), _row("a", "Y", {"fatalities": 33})], []),
        ([_row("a", "X", {"fatalities": 33}), _row("a", "X", {"fatalities": 33})], ["a"]),
        ([_row("a", "X", {}), _row("b", "X", {})], []),  # single reports need no rival
    ],
)
def test_incidents_without_disagreement(rows: list[dict[str, Any]], expected: list[str]) -> None:
    assert incidents_without_disagreement(rows) == expected


# --- manifest ----------------------------------------------------------------


def test_manifest_lists_every_file_and_nothing_else() -> None:
    on_disk = {
        p.relative_to(SAMPLE).as_posix()
        for p in ARTICLES.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }
    assert on_disk == {row["file"] for row in MANIFEST}


def test_manifest_items_and_lines_match_the_multi_article_files() -> None:
    for row in rows_of("rss"):
        assert isinstance(row.get("entry"), int), row
    for row in rows_of("jsonl"):
        assert isinstance(row.get("line"), int), row
    for fmt, key in (("rss", "entry"), ("jsonl", "line")):
        by_file: dict[str, list[int]] = defaultdict(list)
        for row in rows_of(fmt):
            by_file[row["file"]].append(row[key])
        for file, numbers in by_file.items():
            path = SAMPLE / file
            count = (
                len(feedparser.parse(str(path)).entries)
                if fmt == "rss"
                else len(path.read_text(encoding="utf-8").splitlines())
            )
            assert sorted(numbers) == list(range(1, count + 1)), file


def test_manifest_fields_are_well_formed() -> None:
    required = {"file", "format", "outlet", "outlet_domain", "outlet_type", "published"}
    required |= {"episode", "incident", "claimant", "claimant_type", "modality", "figures"}
    required |= {"other_claims", "reposted_from", "has_boilerplate", "has_comments"}
    for row in MANIFEST:
        assert required <= row.keys(), row["file"]
        assert row["outlet_type"] in OUTLET_TYPES
        assert row["modality"] in {"asserted", "reported", "claimed", "denied"}
        assert re.fullmatch(r"[a-z0-9-]+-\d{4}-\d{2}(-\d{2})?", row["incident"]), row["incident"]
        low, high = EPISODE_WINDOWS[row["episode"]]
        assert low <= date.fromisoformat(row["published"]) <= high, row["file"]
        for claim in row["other_claims"]:
            assert {"claimant", "claimant_type", "modality", "figures"} <= claim.keys()
        for value in row["figures"].values():
            assert isinstance(value, int | str)


def test_outlets_are_consistent_and_fictional() -> None:
    outlet_of: dict[str, tuple[str, str]] = {}
    for row in MANIFEST:
        entry = (row["outlet_type"], row["outlet_domain"])
        assert outlet_of.setdefault(row["outlet"], entry) == entry, row["outlet"]
        assert row["outlet_domain"].endswith(".example")
        named = {real for real in REAL_OUTLETS if re.search(rf"\b{real}\b", row["outlet"].lower())}
        assert not named, row["outlet"]


def test_corpus_covers_episodes_outlets_and_types() -> None:
    assert len(MANIFEST) >= 28
    assert len({row["episode"] for row in MANIFEST}) >= 4
    assert len({row["outlet"] for row in MANIFEST}) >= 5
    assert {row["outlet_type"] for row in MANIFEST} == OUTLET_TYPES
    assert {row["format"] for row in MANIFEST} == {"txt", "html", "rss", "jsonl"}
    assert len(rows_of("rss")) >= 4 and len(rows_of("jsonl")) >= 4
    reposts_with_comments = [
        r
        for r in rows_of("txt")
        if r["has_comments"] and r["has_boilerplate"] and r["reposted_from"]
    ]
    assert len(reposts_with_comments) >= 8


def test_every_shared_incident_has_differing_figures_or_claimants() -> None:
    shared = [
        k
        for k in {r["incident"] for r in MANIFEST}
        if sum(r["incident"] == k for r in MANIFEST) > 1
    ]
    assert len(shared) >= 8
    assert incidents_without_disagreement(MANIFEST) == []


@pytest.mark.parametrize(
    ("incident", "key", "expected"),
    [
        ("balyun-2020-02-27", "fatalities", {"at least 33", 34, "dozens", "higher still"}),
        ("us-uk-strikes-2024-01-12", "strikes", {73}),
        ("true-confidence-2024-03-06", "fatalities", {"at least two", 3, "at least 3", 2}),
        (
            "khartoum-clashes-2023-04-15",
            "fatalities_civilian",
            {"at least three", "at least 56", 97},
        ),
        (
            "rubymar-2024-02-18",
            "damage",
            {"catastrophic damage, at risk of sinking", "damaged but not sinking"},
        ),
    ],
)
def test_rival_figures_for_known_incidents(incident: str, key: str, expected: set[Any]) -> None:
    found = {
        claim["figures"][key]
        for row in MANIFEST
        if row["incident"] == incident
        for claim in [row, *row["other_claims"]]
        if key in claim["figures"]
    }
    assert found == expected


def test_capture_claims_are_both_claimed_and_denied() -> None:
    for incident in ("bakhmut-capture-2023-05-20", "soledar-2023-01-13", "saraqeb-2020-02-27"):
        modalities = {
            claim["modality"]
            for row in MANIFEST
            if row["incident"] == incident
            for claim in [row, *row["other_claims"]]
        }
        assert "denied" in modalities and modalities & {"asserted", "claimed"}, incident


# --- files are valid in their formats and agree with the manifest ------------


@pytest.mark.parametrize("row", rows_of("txt"), ids=lambda r: r["file"])
def test_txt_file(row: dict[str, Any]) -> None:
    text = (SAMPLE / row["file"]).read_text(encoding="utf-8")
    headers, _ = split_txt(text)
    assert list(headers) == ["title", "source", "url", "published"]
    assert headers["source"] == row["outlet"]
    assert headers["published"] == row["published"]
    assert host(headers["url"]) == row["outlet_domain"]
    assert 150 <= words(body_of_txt(text)) <= 500
    has_comments = bool(COMMENT_HEADER.search(text)) and bool(COMMENT_COUNT.search(text))
    assert has_comments == row["has_comments"]
    assert bool(re.search(r"Read full policy notice", text)) == row["has_boilerplate"]


@pytest.mark.parametrize(
    "row",
    [r for r in rows_of("txt") if r["reposted_from"] and r["reposted_from"]["file"]],
    ids=lambda r: r["file"],
)
def test_repost_carries_the_original_body(row: dict[str, Any]) -> None:
    original = (SAMPLE / row["reposted_from"]["file"]).read_text(encoding="utf-8")
    repost = (SAMPLE / row["file"]).read_text(encoding="utf-8")
    # Aggregators copy paragraphs verbatim but may drop the last ones.
    original_paragraphs = split_txt(original)[1].strip().split("\n\n")
    repost_paragraphs = body_of_txt(repost).strip().split("\n\n")
    assert len(repost_paragraphs) >= max(3, len(original_paragraphs) - 1)
    assert repost_paragraphs == original_paragraphs[: len(repost_paragraphs)]
    original_row = next(r for r in MANIFEST if r["file"] == row["reposted_from"]["file"])
    assert original_row["outlet"] == row["reposted_from"]["outlet"] != row["outlet"]
    assert "Originally published by " + row["reposted_from"]["outlet"] in repost


def _meta(tree: Any, prop: str) -> str:
    values = tree.xpath(f'//meta[@property="{prop}"]/@content')
    return str(values[0]) if values else ""


@pytest.mark.parametrize("row", rows_of("html"), ids=lambda r: r["file"])
def test_html_file(row: dict[str, Any]) -> None:
    tree = lxml_html.fromstring((SAMPLE / row["file"]).read_bytes())
    assert tree.findtext(".//title")
    assert _meta(tree, "og:site_name") == row["outlet"]
    assert _meta(tree, "article:published_time")[:10] == row["published"]
    assert host(_meta(tree, "og:url")) == row["outlet_domain"]
    assert tree.xpath("//nav") and tree.xpath("//footer")
    paragraphs = tree.xpath("//article//p[not(ancestor::*[contains(@class, 'comment')])]")
    body = "\n".join(p.text_content() for p in paragraphs)
    assert 150 <= words(body) <= 500
    assert (
        bool(tree.xpath('//ol[@class="commentlist"]/li[contains(@class, "comment")]'))
        == row["has_comments"]
    )


@pytest.mark.parametrize(
    "row", [r for r in rows_of("html") if r["has_comments"]], ids=lambda r: r["file"]
)
def test_trafilatura_keeps_comments_apart(row: dict[str, Any]) -> None:
    trafilatura = pytest.importorskip("trafilatura")
    page = (SAMPLE / row["file"]).read_text(encoding="utf-8")
    doc = trafilatura.bare_extraction(page, include_comments=True, with_metadata=True)
    result = doc.as_dict() if hasattr(doc, "as_dict") else doc
    tree = lxml_html.fromstring(page)
    first_comment = tree.xpath('string(//*[@class="comment-content"]/p[1])').strip()
    assert result["comments"] and first_comment in result["comments"]
    assert first_comment not in result["text"]
    assert result["sitename"] == row["outlet"]


def test_rss_feed() -> None:
    for file in {row["file"] for row in rows_of("rss")}:
        feed = feedparser.parse(str(SAMPLE / file))
        assert not feed.bozo, feed.get("bozo_exception")
        assert len(feed.entries) >= 4
        for row in (r for r in rows_of("rss") if r["file"] == file):
            entry = feed.entries[row["entry"] - 1]
            assert entry.title and entry.link and entry.published_parsed
            assert host(entry.link) == row["outlet_domain"]
            assert date(*entry.published_parsed[:3]).isoformat() == row["published"]
            text = lxml_html.fromstring(entry.content[0].value).text_content()
            assert 150 <= words(text) <= 500


def test_jsonl_file() -> None:
    for file in {row["file"] for row in rows_of("jsonl")}:
        lines = (SAMPLE / file).read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in lines]
        assert len(records) >= 4
        for row in (r for r in rows_of("jsonl") if r["file"] == file):
            record = records[row["line"] - 1]
            assert set(record) == {"title", "text", "source", "url", "published"}
            assert record["source"] == row["outlet"]
            assert record["published"][:10] == row["published"]
            assert host(record["url"]) == row["outlet_domain"]
            assert 150 <= words(record["text"]) <= 500
