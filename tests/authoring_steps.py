"""The whole authoring path as a user types it, for the core and UI tests to share:
`briefing new` → `briefing add-source` → five `briefing quote --brief`, typed from memory."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefing.cli import main

ARTICLES = Path(__file__).parent / "fixtures" / "authoring" / "articles"

# (article, text as remembered, topic, the verbatim quote the brief must end up with)
QUOTES = [
    (
        "harbour-report.txt",
        '"This agreement doubles our container capacity by 2027," said harbour master Piotr Nowak',
        "t-ports",
        "“This agreement doubles our container capacity by 2027,” said harbour master Piotr Nowak",
    ),
    (
        "harbour-report.txt",
        "The deal is worth 1.2 billion euro over ten years",  # a typo: euro
        "t-money",
        "The deal is worth 1.2 billion euros over ten years",
    ),
    (
        "harbour-report.txt",
        "Local fishermen fear that dredging of the outer channel will drive the herring away",
        "t-ports",  # a missing word: "the dredging"
        "Local fishermen fear that the dredging of the outer channel will drive the herring away",
    ),
    (
        "fighter-deliveries.txt",
        'Defence analyst Mira Sen called the order "a hedge - not a commitment"',
        "t-fighters",  # straight quotes, a dash for a comma
        "Defence analyst Mira Sen called the order “a hedge, not a commitment”",
    ),
    (
        "fighter-deliveries.txt",
        "The Su 57 order placed in\n 2021  covers twelve aircraft in all",
        "t-fighters",  # white space, no hyphen or commas
        "The Su-57 order, placed in 2021, covers twelve aircraft in all",
    ),
]


def write_brief(folder: Path) -> Path:
    """Copy the test articles into folder/articles and author folder/briefs/watch.yaml."""
    shutil.copytree(ARTICLES, folder / "articles")
    (folder / "briefs").mkdir()
    brief = folder / "briefs" / "watch.yaml"
    articles = folder / "articles"
    assert (
        main(
            [
                "new",
                str(brief),
                str(articles / "harbour-report.txt"),
                "--title",
                "Harbour and fighter watch",
                "--topic",
                "t-ports=Ports",
                "--topic",
                "t-money=Money",
                "--topic",
                "t-fighters=Fighters",
            ]
        )
        == 0
    )
    assert main(["add-source", str(brief), str(articles / "fighter-deliveries.txt")]) == 0
    for article, typed, topic, _ in QUOTES:
        status = main(
            ["quote", str(articles / article), typed, "--brief", str(brief), "--topics", topic]
        )
        assert status == 0, typed
    return brief
