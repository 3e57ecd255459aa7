"""HTML, feeds, WARC, gzip, directories and globs; size caps and malformed markup."""

from __future__ import annotations

import gzip
import io
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from frontlines.errors import InputError, InputTooLarge
from frontlines.ingest import ReadOptions, expand_paths, iter_articles
from frontlines.types import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
HTML = FIXTURES / "odesa_port.html"


def read(*paths: Path | str, **options: object) -> list[Article | InputError]:
    return list(iter_articles(list(paths), ReadOptions(**options)))  # type: ignore[arg-type]


def segment_texts(article: Article) -> dict[str, str]:
    return {s.kind: article.text[s.start : s.end] for s in article.segments}


def test_html_title_body_comments_and_metadata() -> None:
    (article,) = read(HTML)
    assert isinstance(article, Article)
    parts = segment_texts(article)
    assert parts["title"] == "Drones and missiles hit Odesa port for second night"
    assert article.text.startswith(parts["title"] + "\n\n")
    assert "grain terminals and wounding at least twelve people" in parts["body"]
    assert "my parents in Odesa" in parts["comments"]
    # Comments are not body; navigation, scripts and footers are neither.
    assert "my parents in Odesa" not in parts["body"]
    for left_out in ("window.analytics", "Business", "Terms of use"):
        assert left_out not in article.text
    # The headline is not repeated at the top of the body.
    assert not parts["body"].startswith("Drones and missiles")
    assert article.source == "Harbour Wire"
    assert article.url == "https://harbourwire.example.org/world/odesa-port-strikes"
    assert article.published == date(2023, 7, 19)
    assert article.language == "en"
    assert article.format == "html"
    kinds = [s.kind for s in article.segments]
    assert kinds == ["title", "body", "comments"]
    assert all(
        a.end + 2 == b.start for a, b in zip(article.segments, article.segments[1:], strict=False)
    )


@pytest.mark.parametrize(
    ("markup", "contains"),
    [
        # Too short for trafilatura's main-text rules: the whole page text is used.
        (
            b"<html><head><title>Kherson</title></head><body><p>Two killed in shelling.</p></body></html>",
            "Two killed in shelling.",
        ),
        # Truncated mid-tag and mid-sentence.
        (
            b"<html><body><div><p>Shelling of Avdiivka went on through the night, officials said. Three",
            "Shelling of Avdiivka",
        ),
        # Unclosed elements everywhere.
        (
            b"<p>Strikes on Kharkiv<p>Power cut in <b>two districts<div>Rescue work continues",
            "Power cut in two districts",
        ),
    ],
)
def test_short_and_malformed_html_still_read(tmp_path: Path, markup: bytes, contains: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(markup)
    (article,) = read(path)
    assert isinstance(article, Article)
    assert contains in article.text
    assert "body" in segment_texts(article)


@pytest.mark.parametrize(
    ("markup", "message"),
    [
        (b"", "empty file"),
        (b"<html><head><title>Only a title</title></head><body></body></html>", "only a title"),
        (b"<html><body><script>var x = 1;</script></body></html>", "no text found"),
        (b"just words, no markup at all", "not HTML"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    ],
)
def test_html_without_text_is_an_error(tmp_path: Path, markup: bytes, message: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(markup)
    (error,) = read(path)
    assert isinstance(error, InputError)
    assert message in str(error)


def test_html_declared_charset(tmp_path: Path) -> None:
    body = (
        "قالت وزارة الدفاع إن الجيش استعاد السيطرة على البلدة بعد معارك عنيفة في ريف إدلب الجنوبي."
    )
    page = f'<html><head><meta charset="windows-1256"><title>خبر عاجل</title></head><body><p>{body}</p></body></html>'
    path = tmp_path / "ar.htm"
    path.write_bytes(page.encode("cp1256"))
    (article,) = read(path)
    assert isinstance(article, Article)
    assert body in article.text and article.title == "خبر عاجل"
    assert article.language == "ar"


def test_rss_feed_entries() -> None:
    items = read(FIXTURES / "frontline_monitor.rss")
    assert all(isinstance(a, Article) for a in items)
    articles = [a for a in items if isinstance(a, Article)]
    assert [a.path.rsplit("#", 1)[1] for a in articles] == ["entry=1", "entry=2", "entry=3"]
    first = articles[0]
    assert first.title == "Houthi offensive presses on Marib"
    assert first.source == "Frontline Monitor"
    assert first.url == "https://monitor.example.net/2021/02/marib"
    # The publisher's local date, not feedparser's UTC (which is 10 February).
    assert first.published == date(2021, 2, 9)
    assert first.language == "en" and first.format == "rss"
    parts = segment_texts(first)
    assert parts["body"] == (
        "Houthi fighters attacked government positions west of Marib city, tribal sources said.\n"
        "Dozens of fighters were reported killed on both sides."
    )
    assert "<" not in first.text
    assert [s.kind for s in articles[2].segments] == ["title"]  # a headline-only item


def test_atom_feed_entry() -> None:
    (entry,) = read(FIXTURES / "sudan_updates.atom")
    assert isinstance(entry, Article)
    assert entry.source == "Sudan Desk"
    assert entry.published == date(2023, 4, 15)
    assert entry.url == "https://sudandesk.example.com/khartoum-fighting"
    assert "a claim the army denied" in segment_texts(entry)["body"]


def test_aggregator_item_source_names_the_outlet(tmp_path: Path) -> None:
    path = tmp_path / "agg.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>News search: Gaza</title>'
        "<item><title>Strike on Rafah</title><description>Israeli jets struck Rafah.</description>"
        '<source url="https://wire.example">Example Wire</source></item>'
        "<item><title>Aid convoy</title><description>Trucks entered via Kerem Shalom.</description></item>"
        "</channel></rss>"
    )
    first, second = read(path)
    assert isinstance(first, Article) and first.source == "Example Wire"
    assert isinstance(second, Article) and second.source == "News search: Gaza"


def test_xml_extension_is_sniffed(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    shutil.copy(FIXTURES / "sudan_updates.atom", feed)
    other = tmp_path / "other.xml"
    other.write_text('<?xml version="1.0"?><gazetteer><place>Idlib</place></gazetteer>')
    first, second = read(feed, other)
    assert isinstance(first, Article) and first.title == "Fighting spreads across Khartoum"
    assert isinstance(second, InputError) and "neither an RSS/Atom feed" in str(second)


def test_truncated_feed_gives_entries_read_and_an_error(tmp_path: Path) -> None:
    data = (FIXTURES / "frontline_monitor.rss").read_bytes()
    cut = data.index(b"<item>", data.index(b"<item>") + 1) + 40  # inside the second item
    path = tmp_path / "cut.rss"
    path.write_bytes(data[:cut])
    items = read(path)
    assert isinstance(items[0], Article) and items[0].title == "Houthi offensive presses on Marib"
    assert all(isinstance(i, InputError) for i in items[1:])
    assert "malformed XML" in str(items[-1]) and str(path) in str(items[-1])


@pytest.mark.parametrize(
    ("content", "articles", "message"),
    [
        (b"", 0, "empty file"),
        (
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
            0,
            "feed has no entries",
        ),
        (b"<rss version='2.0'><<<>>>", 0, "not a readable feed"),
        (b"<rss>\x00\x01", 0, "not a readable feed"),
        (b"<?xml version='1.0'?><rss version='2.0'><channel", 0, "not a readable feed"),
        # The lenient parser recovers what it can, and the error says the XML was bad.
        (b"<rss><channel><item><title>Unclosed item on Idlib</title>", 1, "malformed XML"),
        (
            b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>Cut Atom entry</title>",
            1,
            "malformed XML",
        ),
    ],
)
def test_bad_feeds(tmp_path: Path, content: bytes, articles: int, message: str) -> None:
    path = tmp_path / "bad.rss"
    path.write_bytes(content)
    items = read(path)
    assert sum(isinstance(i, Article) for i in items) == articles
    assert isinstance(items[-1], InputError) and message in str(items[-1])


def _warc(path: Path, compress: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    arabic = "قالت وزارة الدفاع إن الجيش استعاد السيطرة على البلدة بعد معارك عنيفة مع المسلحين في ريف إدلب."
    records = [
        ("https://a.example/ar", "200 OK", "text/html; charset=windows-1256",
         f"<html><head><title>خبر</title></head><body><p>{arabic}</p></body></html>".encode("cp1256")),
        ("https://a.example/missing", "404 Not Found", "text/html", b"<html><body><p>Not found</p></body></html>"),
        ("https://a.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
        ("https://a.example/odesa", "200 OK", "text/html", HTML.read_bytes()),
    ]  # fmt: skip
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=compress)
        for uri, status, ctype, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(body), http_headers=headers
                )
            )


@pytest.mark.parametrize("name", ["pages.warc", "pages.warc.gz"])
def test_warc_html_responses_only(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    _warc(path, compress=name.endswith(".gz"))
    items = read(path)
    assert all(isinstance(i, Article) for i in items)
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.url for a in articles] == ["https://a.example/ar", "https://a.example/odesa"]
    assert [a.path for a in articles] == [f"{path}#record=1", f"{path}#record=4"]
    assert articles[0].title == "خبر" and "ريف إدلب" in articles[0].text
    assert articles[1].format == "warc" and "comments" in segment_texts(articles[1])


@pytest.mark.parametrize(
    ("mangle", "expected"),
    [
        # The last record lacks its final bytes: the page is read, and flagged.
        (lambda d: d[:-300], ["article", "article", "record cut short"]),
        (lambda d: b"", ["empty file"]),
        (lambda d: b"this is not a web archive\n" * 20, ["not a WARC file"]),
        (lambda d: d[:40], ["not a readable WARC file"]),
    ],
)
def test_bad_warcs(tmp_path: Path, mangle: Any, expected: list[str]) -> None:
    full = tmp_path / "full.warc"
    _warc(full, compress=False)
    path = tmp_path / "bad.warc"
    path.write_bytes(mangle(full.read_bytes()))
    items = read(path)
    assert len(items) == len(expected), items
    for item, want in zip(items, expected, strict=True):
        if want == "article":
            assert isinstance(item, Article)
        else:
            assert isinstance(item, InputError) and want in str(item)


def test_warc_over_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "pages.warc.gz"
    _warc(path, compress=True)
    items = read(path, max_bytes=3000)
    assert isinstance(items[-1], InputTooLarge) and items[-1].path == str(path)
    assert sum(isinstance(i, InputTooLarge) for i in items) == 1


def test_gzip_text_and_gzip_bomb(tmp_path: Path) -> None:
    ok = tmp_path / "note.txt.gz"
    ok.write_bytes(gzip.compress(b"Title: Gzipped\n\nShelling reported near Zaporizhzhia."))
    (article,) = read(ok)
    assert isinstance(article, Article) and article.title == "Gzipped"
    bomb = tmp_path / "bomb.txt.gz"
    with gzip.open(bomb, "wb") as fh:
        for _ in range(64):  # 64 MiB of zeros, about 64 KiB on disk
            fh.write(bytes(1 << 20))
    (error,) = read(bomb, max_bytes=1_000_000)
    assert isinstance(error, InputTooLarge)
    assert "max_bytes=1000000" in str(error)


def test_corrupt_gzip_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(gzip.compress(b"Airstrikes hit Idlib. " * 200)[:60])
    (error,) = read(path)
    assert isinstance(error, InputError) and "gzip" in str(error)


def test_huge_plain_file_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(200_000_000)  # sparse: large on paper, nothing written
    (error,) = read(path, max_bytes=50_000_000)
    assert isinstance(error, InputTooLarge) and "200000000 bytes" in str(error)


def test_directories_globs_order_duplicates_and_missing(tmp_path: Path) -> None:
    tree = tmp_path / "in"
    (tree / "b" / ".git").mkdir(parents=True)
    (tree / "a.txt").write_text("First report about Mosul.")
    (tree / "b" / "c.txt").write_text("Second report about Raqqa.")
    (tree / "b" / ".hidden.txt").write_text("hidden")
    (tree / "b" / ".git" / "config").write_text("hidden too")
    (tree / "z.txt").write_text("First report about Mosul.")  # same content as a.txt
    assert expand_paths([tree]) == [tree / "a.txt", tree / "b" / "c.txt", tree / "z.txt"]
    assert [p.name for p in expand_paths([str(tree / "**" / "*.txt")])] == [
        "a.txt",
        "c.txt",
        "z.txt",
    ]
    items = read(tree / "z.txt", tmp_path / "nope.txt", str(tmp_path / "*.none"), tree / "a.txt")
    assert isinstance(items[0], Article) and isinstance(items[3], Article)
    assert items[0].id == items[3].id  # both identical inputs come through, in order
    assert isinstance(items[1], InputError) and "no such file" in str(items[1])
    assert isinstance(items[2], InputError) and "*.none" in str(items[2])


def test_directory_walk_is_sorted_by_path(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for rel in ("d.txt", "b/c.txt", "a.txt", "b/a.txt"):
        (tmp_path / rel).write_text(f"Report {rel} on the fighting.")
    assert [p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])] == [
        "a.txt",
        "b/a.txt",
        "b/c.txt",
        "d.txt",
    ]
    # A single path, not a list, is one input (not a sequence of characters).
    assert expand_paths(tmp_path / "a.txt") == [tmp_path / "a.txt"]  # type: ignore[arg-type]


def test_ingest_import_is_light() -> None:
    import subprocess
    import sys

    code = (
        "import sys, frontlines.ingest; "
        "print(sorted(m for m in ('trafilatura', 'feedparser', 'warcio', 'dateparser') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("content", "fmt"),
    [
        (b'{"text": "Clashes in Deir ez-Zor."}\n{"text": "Raid in Hasakah."}\n', "jsonl"),
        (b'[{"text": "Clashes in Deir ez-Zor."}]', "jsonl"),
        (
            b"<!DOCTYPE html><html><body><p>Clashes in Deir ez-Zor, residents said.</p></body></html>",
            "html",
        ),
        (
            b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>Clashes</title></item></channel></rss>',
            "rss",
        ),
        (
            b'<?xml version="1.0"?><docs><doc><text>Clashes in Deir ez-Zor.</text></doc></docs>',
            "xml",
        ),
        # Negative cases: text that merely starts like JSON or markup stays text.
        (b"[Reuters] Clashes in Deir ez-Zor, residents said.", "txt"),
        (b"{Updated} Clashes in Deir ez-Zor.", "txt"),
        (b"<b>Breaking</b> is not how a page starts; this is a text note.", "txt"),
    ],
)
def test_files_without_extension_are_sniffed(tmp_path: Path, content: bytes, fmt: str) -> None:
    path = tmp_path / "download"
    path.write_bytes(content)
    items = read(path)
    assert isinstance(items[0], Article) and items[0].format == fmt
