"""XML document collections (corpus files such as TR-News or GeoVirus): one Article per
element that has a ``<text>`` (or ``<content>``/``<body>``) child.

The text is that child's content exactly as decoded (not stripped), so character
offsets published with such corpora stay valid. Sibling elements fill the
metadata by the same names as tabular columns (title, url/source, date, ...).
Paths are ``file.xml#doc=N`` (1-based).
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ..errors import InputError
from ..types import Article
from .options import ReadOptions
from .tabular import CANDIDATES, RowProblem, resolve_columns, row_article

TEXT_TAGS = frozenset(CANDIDATES["text"][:3])  # text, content, body


def _local(tag: object) -> str | None:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else None


def _documents(root: etree._Element) -> list[etree._Element]:
    """Outermost elements with a text-like child, in document order."""
    found: list[etree._Element] = []
    for el in root.iter():
        has_text = any(_local(child.tag) in TEXT_TAGS for child in el)
        # Pre-order walk: a nested match could only sit inside the last one found.
        if has_text and not any(doc in el.iterancestors() for doc in found[-1:]):
            found.append(el)
    return found


def read_xml_documents(
    data: bytes, path: str, options: ReadOptions
) -> Iterator[Article | InputError]:
    """Articles from an XML collection; an InputError when the XML holds none."""
    # No entities, no network: corpus files are data, not documents to expand.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        yield InputError(path, f"malformed XML ({exc})")
        return
    if root is None:
        yield InputError(path, "not readable as XML")
        return
    documents = _documents(root)
    if not documents:
        yield InputError(
            path,
            "XML that is neither an RSS/Atom feed nor a collection of documents with a <text> element",
        )
        return
    for number, element in enumerate(documents, start=1):
        where = f"{path}#doc={number}"
        row: dict[str, object] = {}
        for child in element:
            name = _local(child.tag)
            if name is not None and name not in row:
                row[name] = "".join(child.itertext())
        for key, value in element.attrib.items():
            row.setdefault(f"@{_local(key)}", value)
        try:
            columns = resolve_columns(list(row), options)
            yield row_article(row, columns, where, options, "xml")
        except RowProblem as exc:
            yield InputError(where, str(exc))
    if parser.error_log and any(e.level_name == "FATAL" for e in parser.error_log):
        yield InputError(
            path,
            f"malformed XML ({parser.error_log[0].message}); read {len(documents)} documents leniently",
        )
