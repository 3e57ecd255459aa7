"""Plain text to title / body / boilerplate / comments segments.

A reposted war report in plain text reads, top to bottom: an optional
``Key: value`` header block, a headline, some metadata (byline, date, share
bar), the article, the publisher's matter (disclaimers, "About us", tags,
related posts, share and donate appeals) and reader comments, sometimes
followed by the site footer. ``segment_text`` labels each line with a small
state machine over per-line cues (``segment_rules``), then merges runs of
lines of one kind into ``Segment`` records with offsets into the text.

The states and why they exist:
- ``pre``: before the article starts, metadata and share bars are boilerplate
  and do not end the article (it has not begun).
- ``body``: the article. Inline matter ("Advertisement", "Read more: ...")
  is boilerplate but the article goes on. A comment signature alone is not
  enough to leave the body (a quote can look like one): it needs a second
  comment cue close by.
- ``tail``: after one line of end-of-article matter (copyright, "Source: X",
  a share bar). Unmarked lines stay boilerplate unless they read like news
  prose (a photo credit or a share bar can sit mid-article).
- ``block``: inside a publisher block opened by "About X", "Related posts",
  "Tags:" ...; its prose is the publisher's, so it never returns to the body.
- ``comments``: once reader comments start, every line is a comment until a
  site-footer cue (copyright, privacy links, related posts): comments must
  never become body, since body sentences become claims.
- ``footer``: after the comments; a new comment cue re-enters ``comments``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from .segment_rules import (
    ends_sentence,
    has_inner_sentence_break,
    is_news_prose,
    is_prose,
    match_cue,
    words,
)
from .types import Segment, SegmentKind

LineLabel = Literal["title", "body", "boilerplate", "comments", "none"]
State = Literal["pre", "body", "tail", "block", "comments", "footer"]

HEADER_KEYS = (
    "title",
    "headline",
    "source",
    "url",
    "link",
    "published",
    "date",
    "author",
    "byline",
    "language",
    "lang",
)
_HEADER_LINE = re.compile(r"^\s*(" + "|".join(HEADER_KEYS) + r")\s*:\s*(.*?)\s*$", re.IGNORECASE)
_TITLE_KEYS = ("title", "headline")
# How far ahead a lone comment cue in the body looks for a second one.
COMMENT_WINDOW = 6
_ALNUM = re.compile(r"[^\W_]+")
_NUMBER = re.compile(r"[+-]?[\d,.]+")
_SAYS_WITH_TEXT = re.compile(
    r".{1,40}?\s(?:says|wrote|writes|commented|replied)\s*:\s*\S", re.IGNORECASE
)
_ALPHA_WORD = re.compile(r"[^\W\d_]{2,}")


def _weak_comment_cue(line: str) -> bool:
    """A comment cue that may also be body text: a number, a long line, "X says: <text>"."""
    s = line.strip()
    return bool(_NUMBER.fullmatch(s) or len(_ALPHA_WORD.findall(s)) > 8 or _SAYS_WITH_TEXT.match(s))


# wpDiscuz and Disqus put a "Subscribe"/"Login" control right above the comment count.
_WIDGET_CONTROL = re.compile(r"subscribe|log ?in|sign ?in", re.IGNORECASE)


def _lines(text: str) -> list[tuple[int, str]]:
    """(start offset, line without its newline) for every line of ``text``."""
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


class _Header:
    """The ``Key: value`` block at the top: its length and where its title value is.

    It is a run of lines with known keys from the first line on and ends at
    the first blank or other line.
    """

    def __init__(self, lines: Sequence[tuple[int, str]]) -> None:
        self.n = 0
        self.title: str | None = None
        self.title_line: int | None = None
        self.title_span: tuple[int, int] | None = None
        for start, line in lines:
            m = _HEADER_LINE.match(line)
            if not m:
                break
            if m.group(1).lower() in _TITLE_KEYS and m.group(2) and self.title is None:
                self.title = m.group(2)
                self.title_line = self.n
                self.title_span = (start + m.start(2), start + m.end(2))
            self.n += 1


def _normal(s: str) -> str:
    return " ".join(_ALNUM.findall(s.lower()))


def _content_words(s: str) -> set[str]:
    return {w for w in _normal(s).split() if len(w) >= 4}


def _looks_like_headline(line: str, next_nonblank: str | None, blank_follows: bool) -> bool:
    """A short line without a closing full stop, followed by a blank line or a longer paragraph."""
    s = line.strip()
    if next_nonblank is None or not s:
        return False
    n = len(words(s))
    if n == 0 or n > 25 or len(s) > 200:
        return False
    if s[-1] in ".:;," or has_inner_sentence_break(s) or s[0].islower():
        return False
    if blank_follows:
        return True
    nxt = next_nonblank.strip()
    return len(nxt) >= max(80, int(1.5 * len(s))) and is_prose(nxt)


def _comment_corroborated(cues: Sequence[str | None], i: int) -> bool:
    """A comment cue at line ``i`` counts when another follows within the window."""
    seen = 0
    for kind in cues[i + 1 : i + 1 + COMMENT_WINDOW * 2]:
        if kind is None:
            continue
        if kind in ("comment_meta", "comments_start"):
            return True
        seen += 1
        if seen >= COMMENT_WINDOW:
            break
    return False


def _find_title(
    lines: Sequence[tuple[int, str]],
    content: Sequence[int],
    cue_of: dict[int, str | None],
    header_title: str | None,
) -> int | None:
    """The headline's line: the first unmarked content line, when it repeats the header's
    title or (without one) looks like a headline. Metadata lines above it are skipped."""
    for k, i in enumerate(content):
        if cue_of[i] in ("meta", "inline", "share", "single", "opener"):
            continue
        if cue_of[i] is not None:
            return None
        line = lines[i][1]
        if header_title is not None and _normal(line) == _normal(header_title):
            return i
        nxt = content[k + 1] if k + 1 < len(content) else None
        headline = _looks_like_headline(
            line,
            lines[nxt][1] if nxt is not None else None,
            # a byline, date or counter right under it sets it apart like a blank line
            blank_follows=nxt is not None and (nxt > i + 1 or cue_of[nxt] is not None),
        )
        # Under a header title, only a variant of it (sharing most words) is a second title.
        if headline and header_title is not None:
            mine, theirs = _content_words(line), _content_words(header_title)
            shared = len(mine & theirs)
            headline = shared > 0 and shared >= 0.5 * min(len(mine), len(theirs))
        return i if headline else None
    return None


def label_lines(text: str) -> list[LineLabel]:
    """One label per line of ``text.split("\\n")``: the segmenter's line-level decision."""
    lines = _lines(text)
    labels: list[LineLabel] = ["none"] * len(lines)
    header = _Header(lines)
    if header.title_line is not None:
        labels[header.title_line] = "title"
    content = [i for i in range(header.n, len(lines)) if lines[i][1].strip()]
    if not content:
        return labels
    cue_of: dict[int, str | None] = {}
    footer_of: dict[int, bool] = {}
    for i in content:
        cue = match_cue(lines[i][1])
        cue_of[i] = cue.kind if cue else None
        footer_of[i] = bool(cue and cue.footer)
    # Inside the body only short comment cues count: a bare number may be a table cell and
    # "X says: <text>" a quote, while timestamps, "Reply" rows and lone signatures are not.
    weak = {i for i in content if cue_of[i] == "comment_meta" and _weak_comment_cue(lines[i][1])}
    # cue kinds of content lines, in order, for look-ahead
    seq = ["comment_weak" if i in weak else cue_of[i] for i in content]

    title_at = _find_title(lines, content, cue_of, header.title)

    # Short unmarked lines before the first real paragraph are metadata
    # (dates, outlet names, photo credits), not the article.
    first_para = next(
        (
            k
            for k, i in enumerate(content)
            if cue_of[i] is None and i != title_at and _is_paragraph(lines[i][1])
        ),
        None,
    )
    state: State = "pre"
    body_seen = False
    for k, i in enumerate(content):
        kind = cue_of[i]
        if i == title_at:
            labels[i] = "title"
            continue
        if state in ("pre", "body"):
            if kind is None and state == "pre" and first_para is not None and k < first_para:
                labels[i] = "boilerplate"
            elif kind is None:
                labels[i] = "body"
                state, body_seen = "body", True
            elif kind == "comments_start" and (state == "body" or _comment_corroborated(seq, k)):
                # At the top, "12 Comments" is often a counter beside the byline.
                labels[i], state = "comments", "comments"
                _claim_widget_control(lines, labels, content, k)
            elif kind == "comment_meta":
                if state == "body" and i not in weak and _comment_corroborated(seq, k):
                    labels[i], state = "comments", "comments"
                    _claim_user_name(lines, labels, content, k)
                elif state == "pre":
                    labels[i] = "boilerplate"
                else:
                    labels[i] = "body"
            elif kind in ("meta", "inline") or state == "pre":
                labels[i] = "boilerplate"
            elif kind == "opener":
                labels[i], state = "boilerplate", "block"
            else:  # single, share
                labels[i], state = "boilerplate", "tail"
        elif state in ("tail", "block"):
            if kind in ("comments_start", "comment_meta"):
                labels[i], state = "comments", "comments"
                if kind == "comment_meta":
                    _claim_user_name(lines, labels, content, k)
                else:
                    _claim_widget_control(lines, labels, content, k)
            elif kind == "opener":
                labels[i], state = "boilerplate", "block"
            elif (
                kind is None
                and state == "tail"
                and body_seen
                and _resumes_body(lines, content, cue_of, k)
            ):
                labels[i], state = "body", "body"
            else:
                labels[i] = "boilerplate"
        elif state == "comments":
            if footer_of[i]:
                labels[i], state = "boilerplate", "footer"
            else:
                labels[i] = "comments"
        else:  # footer
            if kind in ("comments_start", "comment_meta") and not footer_of[i]:
                labels[i], state = "comments", "comments"
            else:
                labels[i] = "boilerplate"
    _label_separators(lines, labels, content)
    _label_intros(lines, labels, content)
    return labels


def _label_intros(
    lines: Sequence[tuple[int, str]], labels: list[LineLabel], content: Sequence[int]
) -> None:
    """The last body line, when it only introduces what follows ("... at these addresses:"),
    belongs to the boilerplate or comments it introduces."""
    body = [k for k, i in enumerate(content) if labels[i] == "body"]
    if not body or body[-1] + 1 >= len(content):
        return
    i, nxt = content[body[-1]], content[body[-1] + 1]
    s = lines[i][1].strip()
    if s.endswith(":") and len(words(s)) <= 25 and labels[nxt] in ("boilerplate", "comments"):
        labels[i] = labels[nxt]


_SEPARATOR = re.compile(r"[\W_]+")


def _label_separators(
    lines: Sequence[tuple[int, str]], labels: list[LineLabel], content: Sequence[int]
) -> None:
    """Rules like "* * *" or "---" take the kind of the next line (the previous at the end)."""
    for k in range(len(content) - 1, -1, -1):
        i = content[k]
        if labels[i] == "title" or not _SEPARATOR.fullmatch(lines[i][1].strip()):
            continue
        if k + 1 < len(content):
            labels[i] = labels[content[k + 1]]
        elif k > 0:
            labels[i] = labels[content[k - 1]]


def _is_paragraph(line: str) -> bool:
    s = line.strip()
    return len(words(s)) > 8 or ends_sentence(s) or is_prose(s)


def _resumes_body(
    lines: Sequence[tuple[int, str]], content: Sequence[int], cue_of: dict[int, str | None], k: int
) -> bool:
    """After a lone end-of-article line: does the article go on here?

    Only news prose counts, and one line of it only when long: a short bio or
    outlet blurb after a disclaimer reads like prose too.
    """
    line = lines[content[k]][1]
    if not is_news_prose(line):
        return False
    if len(line.strip()) >= 200:
        return True
    if k + 1 < len(content):
        j = content[k + 1]
        return cue_of[j] is None and is_news_prose(lines[j][1])
    return False


def _claim_user_name(
    lines: Sequence[tuple[int, str]], labels: list[LineLabel], content: Sequence[int], k: int
) -> None:
    """A user name line just above the first comment's timestamp belongs to the comments."""
    if k == 0:
        return
    j = content[k - 1]
    if j != content[k] - 1 or labels[j] not in ("body", "boilerplate"):
        return
    s = lines[j][1].strip()
    short_name = len(words(s)) <= 4 and len(s) <= 40 and not ends_sentence(s)
    cue = match_cue(s)
    if short_name or (cue is not None and cue.kind == "comment_meta"):
        labels[j] = "comments"


def _claim_widget_control(
    lines: Sequence[tuple[int, str]], labels: list[LineLabel], content: Sequence[int], k: int
) -> None:
    """A "Subscribe"/"Login" control just above where the comments open is part of them."""
    if k > 0 and content[k - 1] == content[k] - 1:
        j = content[k - 1]
        if _WIDGET_CONTROL.fullmatch(lines[j][1].strip()):
            labels[j] = "comments"


def segment_text(text: str) -> tuple[Segment, ...]:
    """Contiguous, non-overlapping segments of ``text`` in order, offsets end-exclusive.

    Blank lines and the ``Key: value`` header block belong to no segment,
    except the value of a ``Title:`` header, which is a title segment. Runs of
    lines of one kind (blank lines between them included) make one segment.
    """
    lines = _lines(text)
    labels = label_lines(text)
    header = _Header(lines)
    spans: list[tuple[SegmentKind, int, int]] = []
    for i, ((start, line), label) in enumerate(zip(lines, labels, strict=True)):
        if label == "none":
            continue
        if i < header.n:
            if header.title_span is None or i != header.title_line:
                continue
            a, b = header.title_span
        else:
            stripped = line.strip()
            if not stripped:
                continue
            a = start + (len(line) - len(line.lstrip()))
            b = a + len(stripped)
        kind: SegmentKind = label
        if spans and spans[-1][0] == kind and _only_blank_between(text, spans[-1][2], a):
            spans[-1] = (kind, spans[-1][1], b)
        else:
            spans.append((kind, a, b))
    return tuple(Segment(k, a, b) for k, a, b in spans)


def _only_blank_between(text: str, a: int, b: int) -> bool:
    return not text[a:b].strip()
