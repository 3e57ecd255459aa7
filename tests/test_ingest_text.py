"""Plain text, decoding, dates and language guesses; bad bytes of every kind."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest

from frontlines.errors import InputError
from frontlines.ingest import ReadOptions, iter_articles
from frontlines.ingest.dates import parse_date
from frontlines.ingest.decode import decode_bytes
from frontlines.ingest.lang import guess_language, normalise_language
from frontlines.ingest.text import parse_header
from frontlines.types import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"

ARABIC = (
    "قالت وزارة الدفاع السورية إن وحدات الجيش استعادت السيطرة على بلدة خان شيخون "
    "في ريف إدلب الجنوبي بعد معارك عنيفة مع المسلحين."
)
FRENCH = (
    "Le ministère de la Défense a annoncé que des frappes aériennes ont visé des "
    "positions près de Kidal, au nord du Mali, où des combats sont signalés."
)
ENGLISH = "Kurdish-led forces said on Sunday they had captured the last pocket held by Islamic State near Baghuz."


def read(path: Path, **options: object) -> list[Article | InputError]:
    return list(iter_articles([path], ReadOptions(**options)))  # type: ignore[arg-type]


def only_article(path: Path, **options: object) -> Article:
    items = read(path, **options)
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def only_error(path: Path, **options: object) -> InputError:
    items = read(path, **options)
    assert len(items) == 1 and isinstance(items[0], InputError), items
    return items[0]


def test_header_fills_metadata_and_text_stays_whole() -> None:
    path = FIXTURES / "bakhmut_repost.txt"
    article = only_article(path)
    assert article.text == path.read_text(encoding="utf-8")
    assert article.title == "Wagner claims gains in Bakhmut as Kyiv sends reinforcements"
    assert article.source == "Steppe Observer"
    assert article.url == "https://steppe-observer.example.com/bakhmut-gains"
    assert article.published == date(2023, 3, 7)
    assert article.language == "en"
    assert article.format == "txt"
    assert article.segments == ()  # the segmenter's job
    assert article.path == str(path)


def test_file_without_extension_reads_as_text_without_metadata() -> None:
    article = only_article(FIXTURES / "sarmin_snippet", default_source="Monitor feed")
    assert article.text.startswith("Syrian government forces shelled")
    assert article.title is None and article.published is None and article.url is None
    assert article.source == "Monitor feed"  # the default fills a missing outlet


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Title: A\nSOURCE: B\ndate: 2020-03-01\n\nBody",
            {"title": "A", "source": "B", "published": "2020-03-01"},
        ),
        (
            "Published : 5 March 2023\nAuthor: X Y\n\nBody",
            {"published": "5 March 2023", "author": "X Y"},
        ),
        ("Title: A\nThis line ends the block\nSource: B\n\nBody", {"title": "A"}),
        ("Title: A\n\nSource: after the blank line\n", {"title": "A"}),
        # Negative cases: no header at the very top, unknown keys, empty values.
        ("\nTitle: A\n\nBody", {}),
        ("Body first.\nTitle: A\n", {}),
        ("Reporter: somebody\n\nBody", {}),
        ("Title:\n\nBody", {}),
    ],
)
def test_parse_header(text: str, expected: dict[str, str]) -> None:
    assert parse_header(text) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (codecs.BOM_UTF8 + ENGLISH.encode("utf-8"), ENGLISH),
        (ENGLISH.encode("utf-16"), ENGLISH),  # with BOM
        (codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"), ARABIC),
        (ENGLISH.encode("utf-16-le"), ENGLISH),  # no BOM: NUL pattern gives it away
        (ARABIC.encode("cp1256"), ARABIC),
        (FRENCH.encode("latin-1"), FRENCH),
        (FRENCH.encode("utf-8"), FRENCH),
        (b"line one\r\nline two\rline three", "line one\nline two\nline three"),
        # UTF-8 with one stray byte stays UTF-8 (one replacement character), not mojibake.
        (ARABIC.encode("utf-8") + b"\xff", ARABIC + "\ufffd"),
        (FRENCH.encode("utf-8")[:-2] + b"\xe9 " + FRENCH.encode("utf-8"), None),
    ],
)
def test_decode_bytes(raw: bytes, expected: str | None) -> None:
    text = decode_bytes(raw, "x.txt")
    if expected is None:  # mostly UTF-8: the valid parts decode as such
        assert text.endswith(FRENCH) and "\ufffd" in text
    else:
        assert text == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        (b"some text\x00with NUL\x00bytes in it" * 10, "NUL bytes"),
        (bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 50, "control bytes"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "utf-16-le despite its byte-order mark"),
    ],
)
def test_binary_and_broken_bytes_are_errors(tmp_path: Path, raw: bytes, message: str) -> None:
    path = tmp_path / "thing.txt"
    path.write_bytes(raw)
    error = only_error(path)
    assert message in str(error)
    assert str(path) in str(error)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \n"])
def test_empty_files_are_errors(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert "empty file" in str(only_error(path))


def test_encoded_files_read_through_iter_articles(tmp_path: Path) -> None:
    arabic = tmp_path / "ar.txt"
    arabic.write_bytes(ARABIC.encode("cp1256"))
    french = tmp_path / "fr.txt"
    french.write_bytes(FRENCH.encode("latin-1"))
    first, second = (only_article(arabic), only_article(french))
    assert (first.text, first.language) == (ARABIC, "ar")
    assert (second.text, second.language) == (FRENCH, "fr")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-03-05", date(2023, 3, 5)),
        ("2023-03-05T23:30:00-05:00", date(2023, 3, 5)),  # the publisher's local date
        ("Sun, 05 Mar 2023 23:30:00 +0300", date(2023, 3, 5)),
        ("March 5, 2023", date(2023, 3, 5)),
        ("5 March 2023", date(2023, 3, 5)),
        ("05.03.2023", date(2023, 3, 5)),
        ("20230305", date(2023, 3, 5)),
        (1678000000, date(2023, 3, 5)),
        ("1678000000000", date(2023, 3, 5)),
        (date(2020, 1, 2), date(2020, 1, 2)),
        # Never invent: relative, partial or impossible dates give None.
        ("yesterday", None),
        ("3 days ago", None),
        ("March 2023", None),
        ("Tuesday", None),
        ("2023-02-30", None),
        ("not a date", None),
        ("", None),
        (None, None),
        (True, None),
        ("1066-10-14", None),
    ],
)
def test_parse_date(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected


def test_parse_date_formats_come_first() -> None:
    assert parse_date("4/5/2017", ("%m/%d/%Y",)) == date(2017, 4, 5)
    assert parse_date("4/5/2017", ("%d/%m/%Y",)) == date(2017, 5, 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ENGLISH, "en"),
        (FRENCH, "fr"),
        (ARABIC, "ar"),
        ("Российские войска обстреляли Херсон, сообщили местные власти.", "ru"),
        ("Російські війська обстріляли Херсон, повідомила обласна влада.", "uk"),
        ("Die Armee meldete am Montag schwere Kämpfe um die Stadt und den Fluss.", "de"),
        ("Ok.", None),
        ("12 34 56 78 90", None),
    ],
)
def test_guess_language(text: str, expected: str | None) -> None:
    assert guess_language(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("en-US", "en"), ("English", "en"), ("AR", "ar"), ("pt_BR", "pt"), ("", None), ("??", None)],
)
def test_normalise_language(value: str, expected: str | None) -> None:
    assert normalise_language(value) == expected
