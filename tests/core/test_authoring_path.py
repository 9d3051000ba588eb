"""The whole path on articles written for the tests: new → add-source → quote --brief
(five quotes typed from memory) → check passes, every quote verbatim at its paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from authoring_steps import QUOTES, write_brief
from briefing.brief.loader import load_brief
from briefing.cli import main


def test_from_articles_to_a_checked_brief(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief_path = write_brief(tmp_path)
    capsys.readouterr()
    assert main(["check", str(brief_path)]) == 0
    out = capsys.readouterr().out
    assert out.endswith(
        "ok: 2 sources, 3 topics, 0 events, 5 excerpts, 0 figures, 0 disputes, "
        "0 entities; 5 quotes verified\n"
    )
    brief = load_brief(brief_path, use_cache=False)
    assert [x.quote for x in brief.excerpts] == [verbatim for *_, verbatim in QUOTES]
    assert [x.paragraph for x in brief.excerpts] == [6, 7, 9, 4, 2]
    assert [x.topics for x in brief.excerpts] == [(topic,) for _, _, topic, _ in QUOTES]


def test_the_new_brief_states_what_the_article_states_and_marks_what_was_guessed(
    tmp_path: Path,
) -> None:
    brief = load_brief(write_brief(tmp_path), use_cache=False)
    harbour, fighters = brief.sources
    assert harbour.file == "../articles/harbour-report.txt"
    assert harbour.url == "https://news.example.org/2024/03/04/kaliningrad-cargo-deal"
    assert harbour.author in ("Ana Lúcio", ("Ana Lúcio",))
    assert set(harbour.inferred) == {"title", "published", "outlet"}
    assert harbour.notes is not None and "line 4" in harbour.notes
    assert fighters.id == "src-fighter-deliveries" and fighters.sha256 is not None
    assert fighters.url is None and fighters.author is None and fighters.inferred == ()
    assert fighters.title.startswith("[The air force has received")
