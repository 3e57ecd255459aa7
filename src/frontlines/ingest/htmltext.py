"""HTML to plain text with lxml, keeping block boundaries as line breaks.

Used for feed entries (HTML fragments) and as the whole-page fallback when
trafilatura finds no main text.
"""

from __future__ import annotations

import re

from lxml import etree, html

BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "head")
_SPACES = re.compile(r"[ \t\u00a0\u200b\f\v]+")
# Characters lxml refuses in text nodes; stray ones turn up in scraped pages.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def element_text(root: html.HtmlElement) -> str:
    """Visible text of ``root``: one line per block, whitespace collapsed, no empty lines."""
    for el in list(root.iter(*DROP_TAGS)):
        if el is not root:
            el.drop_tree()
    for el in root.iter(etree.Element):
        if isinstance(el.tag, str) and el.tag.lower() in BLOCK_TAGS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment (feed summaries); plain text passes through cleaned."""
    if "<" not in fragment and "&" not in fragment:
        lines = (_SPACES.sub(" ", line).strip() for line in fragment.split("\n"))
        return "\n".join(line for line in lines if line)
    try:
        root = html.fragment_fromstring(_NOT_XML.sub("", fragment), create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    return element_text(root)


def page_title_and_text(page: str) -> tuple[str | None, str]:
    """``<title>`` (or first ``<h1>``) and the whole visible text of a page."""
    try:
        root = html.document_fromstring(_NOT_XML.sub("", page))
    except (etree.ParserError, ValueError):
        return None, ""
    title = None
    for xpath in ("//title", "//h1"):
        found = root.xpath(xpath)
        if found:
            title = _SPACES.sub(" ", found[0].text_content()).strip() or None
            if title:
                break
    body = root.find("body")
    return title, element_text(body if body is not None else root)
