"""segment_text: headers, titles, the state machine and the offsets it returns."""

from __future__ import annotations

import pytest

from frontlines.segment import label_lines, segment_text
from frontlines.types import Segment

BODY1 = (
    "DAMASCUS, Feb 27 (Reuters) - Syrian government forces backed by Russian air power "
    "recaptured the town of Saraqib on Wednesday, state media said."
)
BODY2 = (
    "The Syrian Observatory for Human Rights said Russian military police had deployed "
    "inside the town after heavy bombardment of its western edge."
)


def kinds(text: str) -> list[str]:
    return [lab for lab in label_lines(text) if lab != "none"]


def check_contract(text: str, segments: tuple[Segment, ...]) -> None:
    """In order, non-overlapping, inside the text, no segment starting or ending on a space."""
    last = 0
    for seg in segments:
        assert last <= seg.start < seg.end <= len(text)
        assert text[seg.start] == text[seg.start].strip() != ""
        assert text[seg.end - 1].strip() != ""
        last = seg.end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a one-paragraph snippet is all body, whatever its first words
        (BODY1, ["body"]),
        ("15 soldiers were killed near Mosul on Tuesday, a military source said.", ["body"]),
        ("Syrian army enters Saraqib", ["body"]),
        # headline: short, no full stop, then a blank line or a longer paragraph
        (f"Syrian army retakes Saraqib\n\n{BODY1}", ["title", "body"]),
        (f"Syrian army retakes Saraqib\n{BODY1}", ["title", "body"]),
        (f"Did Turkey lose 33 soldiers in Balyun?\n\n{BODY1}", ["title", "body"]),
        # a first line ending with a full stop is the lede, not a headline
        (f"Syrian troops entered Saraqib on Monday.\n\n{BODY1}", ["body", "body"]),
        (f"{BODY1}\n\n{BODY2}", ["body", "body"]),
        # numbered body paragraphs and "comment" inside prose stay body
        (
            f"{BODY1}\n\n2. The second phase began in March, the army said.\n"
            "The ministry declined to comment on the figures.",
            ["body", "body", "body"],
        ),
        # boilerplate after the body, then comments, then the site footer
        (
            f"{BODY1}\n\nShare this:\nTwitter\n\nLeave a Reply\nAhmad says:\n"
            "The SAA killed 200 terrorists.\nReply\n© 2020 Example. All rights reserved.",
            [
                *("body", "boilerplate", "boilerplate"),
                *("comments", "comments", "comments", "comments"),
                "boilerplate",
            ],
        ),
        # an "About us" block reads like prose but stays boilerplate
        (
            f"{BODY1}\n\nAbout Frontline Digest\nFrontline Digest is a volunteer-run "
            "aggregator. We republish news from many outlets so that readers can compare them.",
            ["body", "boilerplate", "boilerplate"],
        ),
        # inline boilerplate does not end the article
        (f"{BODY1}\nAdvertisement\n{BODY2}", ["body", "boilerplate", "body"]),
        (f"{BODY1}\nRead also: Thousands flee Idlib\n{BODY2}", ["body", "boilerplate", "body"]),
        # a comment-like quote inside the body needs a second cue to open comments
        (
            f"{BODY1}\nThe statement says: the town is under full control.\n{BODY2}",
            ["body", "body", "body"],
        ),
        # comments without any announcement: signature + timestamp + Reply
        (
            f"{BODY1}\nAbu Omar says:\nFebruary 18, 2020 at 4:32 pm\nAll lies.\nReply",
            ["body", "comments", "comments", "comments", "comments"],
        ),
        # Disqus-style: the user name above the first timestamp is part of the comments
        (
            f"{BODY1}\nsteppenwolf_1\n3 days ago\nA rout, not a withdrawal.\nReply",
            ["body", "comments", "comments", "comments", "comments"],
        ),
        # once comments start, numbered and prose-like lines are comments
        (
            f"{BODY1}\n\nComments\n1. The army lies.\n2. {BODY2}",
            ["body", "comments", "comments", "comments"],
        ),
        # a comment counter at the top is not the comment section
        (
            f"Saraqib retaken\n12 Comments\n\n{BODY1}\n\n{BODY2}",
            ["title", "boilerplate", "body", "body"],
        ),
        # metadata under the headline
        (
            f"Saraqib retaken\n\nBy Staff Reporter\n8 April 2022, 14:20\n\n{BODY1}",
            ["title", "boilerplate", "boilerplate", "body"],
        ),
        # bare numbers in a body (a table of losses) do not open a comment section
        (f"{BODY1}\nTanks\n150\nArmoured vehicles\n310\n{BODY2}", ["body"] * 6),
        # a round-up of quotes is not a comment thread
        (
            f"{BODY1}\nZelensky says: the city is holding and will hold.\n"
            "Prigozhin says: the city is ours, completely and without doubt.\n"
            f"{BODY2}",
            ["body"] * 4,
        ),
        # "says: <text>" above a timestamp is the first comment
        (
            f"{BODY1}\nAhmad says: the army is lying about this.\nMarch 3, 2020 at 10:32 pm\nReply",
            ["body", "comments", "comments", "comments"],
        ),
        # a copyright photo credit mid-article does not end it (when news prose goes on)
        (
            f"{BODY1}\n© Reuters / Mohamed Nureldin\n{BODY2}\n{BODY1}",
            ["body", "boilerplate", "body", "body"],
        ),
        # but a copyright footer followed by a rights notice stays boilerplate
        (
            f"{BODY1}\n© 2023 Example wire. All rights reserved.\nThis material may not be "
            "published, broadcast, rewritten or redistributed without the prior written "
            "permission of the publisher, which reserves every right to it in every country.",
            ["body", "boilerplate", "boilerplate"],
        ),
        # a last line that only introduces the footer belongs to it
        (
            f"{BODY1}\nOur website can also be reached at these addresses:\nwww.example.org",
            ["body", "boilerplate", "boilerplate"],
        ),
        # ... but a colon inside the article introduces a quote
        (f"{BODY1}\nThe statement read:\n{BODY2}", ["body", "body", "body"]),
        # separators take the kind of what follows
        (f"{BODY1}\n* * *\n{BODY2}", ["body", "body", "body"]),
    ],
)
def test_line_kinds(text: str, expected: list[str]) -> None:
    assert kinds(text) == expected
    check_contract(text, segment_text(text))


def test_header_block_and_title_value() -> None:
    text = (
        "Title: Syrian army retakes Saraqib\nSource: levant.example\nPublished: 2020-03-02\n\n"
        f"Syrian army retakes Saraqib\n\n{BODY1}"
    )
    segs = segment_text(text)
    check_contract(text, segs)
    assert [s.kind for s in segs] == ["title", "title", "body"]
    assert text[segs[0].start : segs[0].end] == "Syrian army retakes Saraqib"
    assert text[segs[2].start : segs[2].end] == BODY1
    # header lines other than Title belong to no segment
    assert not any(s.start <= text.index("Source:") < s.end for s in segs)


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        # a standfirst is part of the article
        ("Army says the town is under full control after three days of fighting", "body"),
        # a short kicker above the first paragraph is page furniture
        ("Statement by the army", "boilerplate"),
        # the header's title repeated in the text is the title
        ("SARAQIB RETAKEN!", "title"),
        # so is a longer variant of it
        ("Saraqib retaken by the Syrian army", "title"),
    ],
)
def test_first_line_under_a_header_title(first: str, expected: str) -> None:
    text = f"Title: Saraqib retaken\nURL: https://x.example/a\n\n{first}\n\n{BODY1}"
    assert label_lines(text) == ["title", "none", "none", expected, "none", "body"]


def test_header_without_title_uses_headline_rule() -> None:
    text = f"Source: wire\n\nIRAQI FORCES REACH TIGRIS\n\n{BODY1}"
    assert label_lines(text) == ["none", "none", "title", "none", "body"]


def test_runs_merge_and_offsets_round_trip() -> None:
    text = f"Headline here\n\n{BODY1}\n\n{BODY2}\n\nTags: Syria\nRelated posts\n"
    segs = segment_text(text)
    assert [s.kind for s in segs] == ["title", "body", "boilerplate"]
    assert text[segs[1].start : segs[1].end] == f"{BODY1}\n\n{BODY2}"
    assert text[segs[2].start : segs[2].end] == "Tags: Syria\nRelated posts"


def test_crlf_line_endings() -> None:
    text = f"Headline here\r\n\r\n{BODY1}\r\n\r\nShare this:\r\n"
    segs = segment_text(text)
    check_contract(text, segs)
    assert [s.kind for s in segs] == ["title", "body", "boilerplate"]
    assert text[segs[1].start : segs[1].end] == BODY1


@pytest.mark.parametrize("text", ["", "\n\n", "   \n\t\n"])
def test_empty_texts(text: str) -> None:
    assert segment_text(text) == ()
