"""Per-line cues of the segmenter: what a line announces, and prose that only looks alike."""

from __future__ import annotations

import pytest

from frontlines.segment_rules import is_news_prose, match_cue


def kind_of(line: str) -> str | None:
    cue = match_cue(line)
    return cue.kind if cue else None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # the comment section announced
        ("12 Comments", "comments_start"),
        ("Comments (45)", "comments_start"),
        ("14 thoughts on “Syrian army retakes Saraqib”", "comments_start"),
        ("Leave a Reply Cancel reply", "comments_start"),
        ("Comments are closed.", "comments_start"),
        ("Log in to reply", "comments_start"),
        (
            "Your email address will not be published. Required fields are marked *",
            "comments_start",
        ),
        ("Reader comments", "comments_start"),
        ("Notify of", "comments_start"),
        # lines only seen inside comments
        ("Abu Karim says:", "comment_meta"),
        ("kharkiv_lad wrote:", "comment_meta"),
        ("February 28, 2020 at 6:12 am", "comment_meta"),
        ("1. Nadia | April 2, 2024 at 8:15 am", "comment_meta"),
        ("3 hours ago", "comment_meta"),
        ("mideast_mod · 6 hr. ago", "comment_meta"),
        ("Reply", "comment_meta"),
        ("Like · Reply · 2h", "comment_meta"),
        ("Reply Share Report", "comment_meta"),
        ("Posted by: Jen | Mar 18 2018 13:41 utc | 1", "comment_meta"),
        ("412 points", "comment_meta"),
        ("#1 Ali G. — 19 Jan 2024, 11:20", "comment_meta"),
        ("Conversation 23 Comments", "comments_start"),
        ("Contact: reports@monitor.example", "single"),
        ("Methodology: figures are compiled from field reporters.", "single"),
        ("Found in: Islamic State, Tal Afar, Mosul", "opener"),
        (
            "Tuesday, 30 January 2024 8:42 PM  [ Last Update: Tuesday, 30 January 2024 9:05 PM ]",
            "meta",
        ),
        ("Explainer: What are Kh-22 missiles?", "inline"),
        ("Reply to  Observer_77", "comment_meta"),
        # publisher blocks and single lines
        ("About SouthFront", "opener"),
        ("Related Posts", "opener"),
        ("You may also like", "opener"),
        ("Tags: Syria, Idlib, Turkey", "opener"),
        ("Filed under: Ukraine, Russia", "opener"),
        ("© 2020 Example News. All rights reserved.", "single"),
        ("Privacy Policy | Terms of Use | Contact", "opener"),
        ("Disclaimer: The views of the author are his own.", "single"),
        ("The views expressed in this article are solely those of the author.", "single"),
        ("This article was originally published by Middle East Echo.", "single"),
        ("Source: Al Jazeera and news agencies", "single"),
        ("(Reporting by Ellen Francis; Editing by Giles Elgood)", "single"),
        ("Associated Press writer Ahmed al-Haj in Sanaa contributed to this report.", "single"),
        ("The post Wagner Says Bakhmut Captured appeared first on Antiwar.com.", "single"),
        ("H.Said/ Mazen", "single"),
        ("Read full policy notice", "single"),
        # share, subscribe, donate appeals
        ("Share this:", "share"),
        ("Click to share on Twitter (Opens in new window)", "share"),
        ("Share on Facebook Share on Twitter Share on Telegram", "share"),
        ("Subscribe to our newsletter", "share"),
        ("Support independent journalism in Ukraine – become a member today.", "share"),
        ("Follow us on Telegram: t.me/example_frontnews", "share"),
        ("Like Loading...", "share"),
        # inline matter and metadata
        ("Advertisement", "inline"),
        ("Read also: Thousands flee eastern Ukraine ahead of expected Russian offensive", "inline"),
        ("Photo: Ambulances outside the hospital on September 17, 2024 (AFP)", "inline"),
        ("Posted on February 28, 2020 by admin", "meta"),
        ("By Staff Reporter", "meta"),
        ("Updated: 17 September 2023, 21:05", "meta"),
        ("Home » News » Ukraine war", "meta"),
        ("5 min read", "meta"),
    ],
)
def test_cue_lines(line: str, expected: str) -> None:
    assert kind_of(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "The ministry declined to comment.",
        "In comments to reporters, the governor said the strikes had killed 12 people.",
        "No comment was offered by the army on the strike.",
        "One comment on the situation came from Ankara.",
        "15 soldiers were killed in the attack, the army said.",
        "2. The second phase of the operation began in March.",
        'He added: "Source: the enemy lost 50 tanks in a day."',
        "About 200 fighters took part in the assault on the village.",
        "By the end of the day, Russian forces controlled the station.",
        "Related fighting was reported in Deir ez-Zor province.",
        "Share prices fell in Moscow after the attack on the refinery.",
        "Follow-up strikes hit the same area an hour later, the Observatory said.",
        "Support for the offensive among Russians remains high, polls show.",
        "Reporting by Reuters could not confirm the figures.",
        "The views expressed by the minister were echoed in Ankara.",
        "The report was published on Tuesday and documents 40 strikes on hospitals.",
        "Tags on the missile fragments showed it was made in 2022.",
        "Save the Children said 30 children were killed.",
        "Reply from the Kremlin came within hours.",
        "UPDATED Regime air raids kill 42 near Syria capital New toll",
        "Contact with the unit was lost on Monday morning.",
        "Previous offensives in 2019 failed to take the town.",
        "» Russian forces advanced near Avdiivka, the General Staff said.",
        "Telegram channels close to Wagner said the assault had begun.",
        "Ahmad, a resident of Saraqib, said the shelling lasted all night.",
    ],
)
def test_body_lines_carry_no_cue(line: str) -> None:
    assert kind_of(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Ukraine's armed forces said on Wednesday that naval drones had sunk a Russian landing ship near Alupka.",
            True,
        ),
        ("We republish news from a range of outlets so that readers can compare coverage.", False),
        (
            "John Smith is a freelance journalist based in Beirut who has covered the war since 2011.",
            False,
        ),
        ("Glory to the 72nd brigade", False),
    ],
)
def test_news_prose(line: str, expected: bool) -> None:
    assert is_news_prose(line) is expected
