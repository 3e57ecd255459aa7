"""CSV/TSV, JSONL and JSON rows: column mapping, presets, row-level errors, FA-KES."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from frontlines.errors import InputError
from frontlines.ingest import ReadOptions, iter_articles
from frontlines.ingest.tabular import RowProblem, resolve_columns
from frontlines.types import Article

REPO_ROOT = Path(__file__).resolve().parents[1]
FAKES = REPO_ROOT.parent / "shared" / "data" / "fakes" / "FA-KES-Dataset.csv"


def read(path: Path, **options: object) -> list[Article | InputError]:
    return list(iter_articles([path], ReadOptions(**options)))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        (["text", "title", "source", "date", "url"], ("text", "title", "source", "date", "url")),
        (["Article Content", "Headline", "Outlet", "Published", "Link"],
         ("Article Content", "Headline", "Outlet", "Published", "Link")),
        (["unit_id", "article_title", "article_content", "source", "date"],
         ("article_content", "article_title", "source", "date", None)),
        # ACLED exports: the notes are the text, the event date the date.
        (["event_id_cnty", "event_date", "notes", "source"], ("notes", None, "source", "event_date", None)),
        (["body", "content"], ("content", None, None, None, None)),  # best candidate first
    ],
)  # fmt: skip
def test_column_detection(columns: list[str], expected: tuple[str | None, ...]) -> None:
    found = resolve_columns(columns, ReadOptions())
    assert (found.text, found.title, found.source, found.date, found.url) == expected


@pytest.mark.parametrize(
    ("columns", "options", "message"),
    [
        (["id", "label"], ReadOptions(), "no text column found"),
        (["text"], ReadOptions(text_field="story"), "no column 'story' for text"),
        (["text", "title"], ReadOptions(preset="fakes"), "no column 'article_content'"),
    ],
)
def test_column_problems(columns: list[str], options: ReadOptions, message: str) -> None:
    with pytest.raises(RowProblem, match=message):
        resolve_columns(columns, options)


def test_unknown_preset_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown preset"):
        ReadOptions(preset="acled-ish")


def test_csv_rows_with_explicit_fields_and_a_row_without_text(tmp_path: Path) -> None:
    path = tmp_path / "reports.csv"
    path.write_text(
        "id;story;channel;when\n"
        '1;"Shelling hit Kramatorsk station; dozens were killed.";Kyiv Daily;2022-04-08\n'
        "\n"
        "2;;Kyiv Daily;2022-04-09\n"
        '3;"Two soldiers were wounded near Avdiivka.";;09.04.2022\n',
        encoding="utf-8",
    )
    items = read(
        path, text_field="story", source_field="channel", date_field="when", default_source="Desk"
    )
    assert len(items) == 3
    first, second, third = items
    assert (
        isinstance(first, Article)
        and first.text == "Shelling hit Kramatorsk station; dozens were killed."
    )
    assert first.path == f"{path}#row=1" and first.source == "Kyiv Daily"
    assert first.published == date(2022, 4, 8) and first.format == "csv" and first.title is None
    assert isinstance(second, InputError) and str(second).endswith(
        f"{path}#row=2: no text (column 'story' is empty or missing)"
    )
    assert isinstance(third, Article) and third.path == f"{path}#row=3"
    assert third.source == "Desk" and third.published == date(2022, 4, 9)


def test_tsv_autodetected_columns(tmp_path: Path) -> None:
    path = tmp_path / "snippets.tsv"
    path.write_text(
        "headline\tbody\toutlet\tpublished\tlink\n"
        "Clashes in Tigray\tFighting resumed near Mekelle on Monday, residents said.\t"
        "Horn Wire\t2020-11-09\thttps://horn.example/1\n",
        encoding="utf-8",
    )
    (article,) = read(path)
    assert isinstance(article, Article)
    assert article.text == "Fighting resumed near Mekelle on Monday, residents said."
    assert (article.title, article.source, article.url) == (
        "Clashes in Tigray",
        "Horn Wire",
        "https://horn.example/1",
    )
    assert article.published == date(2020, 11, 9)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"text,title\n", "no data rows"),
        (b"id,label\n1,0\n", "no text column found"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
    ],
)
def test_bad_csv_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    (error,) = read(path)
    assert isinstance(error, InputError) and message in str(error)


def test_jsonl_bad_line_is_named_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"content": "Israeli strikes hit Rafah overnight, health officials said.", "title": "Rafah",
                    "source": "Gaza Desk", "published_at": "2024-02-12T03:00:00Z", "link": "https://g.example/1"}),
        "{not json at all",
        "",
        json.dumps(["a", "list"]),
        json.dumps({"content": "   ", "title": "Empty body"}),
        json.dumps({"content": "Houthi missile struck a tanker in the Red Sea.", "date": 1706400000}),
    ]  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(path)
    assert [type(i).__name__ for i in items] == [
        "Article",
        "InputError",
        "InputError",
        "InputError",
        "Article",
    ]
    first, bad, not_object, empty, last = items
    assert isinstance(first, Article) and first.path == f"{path}#line=1" and first.format == "jsonl"
    assert (first.title, first.source, first.url) == ("Rafah", "Gaza Desk", "https://g.example/1")
    assert first.published == date(2024, 2, 12)
    assert f"{path}:2: not valid JSON" in str(bad)
    assert f"{path}:4: expected a JSON object" in str(not_object)
    assert f"{path}:5: no text" in str(empty)
    assert isinstance(last, Article) and last.path == f"{path}#line=6"
    assert last.published == date(2024, 1, 28)


def test_json_array_and_jsonl_named_json(tmp_path: Path) -> None:
    array = tmp_path / "items.json"
    array.write_text(
        json.dumps([{"text": "Barrel bombs fell on Daraya."}, {"text": "Shelling in Douma."}])
    )
    lines = tmp_path / "lines.json"
    lines.write_text('{"text": "Clashes in Jobar."}\n{"text": "Raids on Harasta."}\n')
    items = read(array) + read(lines)
    assert [getattr(i, "path", None) for i in items] == [
        f"{array}#item=1",
        f"{array}#item=2",
        f"{lines}#line=1",
        f"{lines}#line=2",
    ]


@pytest.mark.skipif(not FAKES.exists(), reason="../shared/data is not available")
def test_fakes_preset_reads_all_804_articles() -> None:
    items = read(FAKES, preset="fakes")
    articles = [i for i in items if isinstance(i, Article)]
    assert len(items) == len(articles) == 804
    assert all(a.title and a.source and a.published for a in articles)
    assert articles[0].path == f"{FAKES}#row=1" and articles[-1].path == f"{FAKES}#row=804"
    assert {a.published.year for a in articles if a.published} <= set(range(2011, 2019))
    # Text is the content column only, exactly; the title is not prepended.
    with FAKES.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [a.text for a in articles] == [r["article_content"] for r in rows]
    assert [a.title for a in articles[:3]] == [r["article_title"].strip() for r in rows[:3]]
    # FA-KES has rows that repeat another row's text (12 of them repeat title,
    # source and date too): each row is a record of its own, so 804 ids.
    assert len({r["article_content"] for r in rows}) < 804
    assert len({a.id for a in articles}) == 804


def test_rows_with_the_same_text_are_distinct_records_and_rereading_is_a_noop(
    tmp_path: Path,
) -> None:
    path = tmp_path / "dup.csv"
    path.write_text("title,text\nA,Same words.\nB,Same words.\n", encoding="utf-8")
    first = [a.id for a in read(path) if isinstance(a, Article)]
    again = [a.id for a in read(path) if isinstance(a, Article)]
    assert len(first) == 2 and first[0] != first[1]
    assert first == again


CORPUS_XML = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="7">
    <title>Car bomb in Azaz
    </title>
    <url> https://wire.example/azaz </url>
    <text><![CDATA[  A car bomb exploded in Azaz near the Turkish border, killing at least 19 people.]]></text>
    <toponyms><toponym><phrase>Azaz</phrase><start>25</start><end>29</end></toponym></toponyms>
  </article>
  <article>
    <source>https://en.wikinews.org/wiki/Some_story</source>
    <text>Floods hit Mosul.</text>
  </article>
  <article><text>   </text></article>
</articles>
"""


def test_xml_document_collection_keeps_offsets(tmp_path: Path) -> None:
    path = tmp_path / "corpus.xml"
    path.write_text(CORPUS_XML, encoding="utf-8")
    first, second, empty = read(path)
    assert isinstance(first, Article) and first.path == f"{path}#doc=1" and first.format == "xml"
    assert first.text[25:29] == "Azaz"  # not stripped: published offsets stay valid
    assert first.title == "Car bomb in Azaz" and first.url == "https://wire.example/azaz"
    assert isinstance(second, Article) and second.text == "Floods hit Mosul."
    # A URL in the source column is the article's address; the outlet is its host.
    assert (second.source, second.url) == (
        "en.wikinews.org",
        "https://en.wikinews.org/wiki/Some_story",
    )
    assert isinstance(empty, InputError) and f"{path}#doc=3: no text" in str(empty)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b'<?xml version="1.0"?><gazetteer><place>Idlib</place></gazetteer>',
            "neither an RSS/Atom feed",
        ),
        (
            b"<articles><article><text>Shelling in Homs.</text></article><article><text>Cut",
            "malformed XML",
        ),
    ],
)
def test_bad_xml_collections(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_bytes(content)
    items = read(path)
    assert isinstance(items[-1], InputError) and message in str(items[-1])


def test_xml_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not leak")
    path = tmp_path / "evil.xml"
    path.write_text(
        f'<!DOCTYPE d [<!ENTITY e SYSTEM "file://{secret}">]>'
        "<docs><doc><text>Before &e; after</text></doc></docs>"
    )
    items = read(path)
    assert items and not any(isinstance(i, Article) and "do not leak" in i.text for i in items)
