"""The bundled India–Russia brief: valid, every quote verified, and as rich as issue 3 asks."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest

from briefing.brief.bundled import briefs_dir, default_brief
from briefing.brief.loader import check_brief
from briefing.brief.model import Brief
from briefing.cli import main
from briefing.views.narrowing import Narrowing

ROOT = Path(__file__).resolve().parents[2]
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def brief() -> Brief:
    result = check_brief(default_brief())
    assert result.errors == []
    assert result.brief is not None
    return result.brief


def test_check_passes_on_every_bundled_brief(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "140 quotes verified" in out
    assert sorted(briefs_dir().glob("*.yaml"))


def test_no_warnings_on_the_bundled_brief() -> None:
    assert check_brief(default_brief()).problems == []


def test_counts_meet_the_issue(brief: Brief) -> None:
    assert len(brief.sources) == 5
    assert 10 <= len(brief.topics) <= 16
    assert len(brief.events) > 35
    assert len(brief.excerpts) >= 120
    assert len(brief.figures) >= 15
    assert len(brief.entities) >= 40
    assert brief.summary is not None
    assert 3 <= len(brief.summary.split("\n\n")) <= 6


def test_every_article_and_topic_is_well_quoted(brief: Brief) -> None:
    per_source = Counter(x.source for x in brief.excerpts)
    assert all(per_source[s.id] >= 8 for s in brief.sources), per_source
    for topic in brief.topics:
        assert len(Narrowing(topic=topic.id).excerpts(brief)) >= 4, topic.id


def test_timeline_spans_the_1940s_to_december_2025(brief: Brief) -> None:
    assert brief.events[0].date.year < 1950
    assert brief.events[-1].date.last_day.isoformat().startswith("2025-12")


def test_required_disputes_are_there(brief: Brief) -> None:
    questions = " ".join(d.question.lower() for d in brief.disputes)
    assert "begin" in questions or "start" in questions
    assert "face-to-face" in questions or "three years" in questions


def test_seeds_are_byte_identical_to_the_shared_articles() -> None:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    assert len(seeds) == 5
    if not SHARED_SEEDS.is_dir():
        pytest.skip("the shared seeds are not beside this clone")
    for seed in seeds:
        shared = SHARED_SEEDS / seed.name
        assert (
            hashlib.sha256(seed.read_bytes()).digest()
            == hashlib.sha256(shared.read_bytes()).digest()
        ), seed.name
