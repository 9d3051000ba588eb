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


SHARED_DIGESTS = {
    "000_199baf34006acfb5.txt": "1eac620a5b3baf19da2790185ccb4bcdd62e79f227a0d8bc9d094542f4494fcf",
    "001_fffd5ef32fb5cfcf.txt": "3aa13081d27f78c6ec0d671ad62feeac581b1ec5c9ee17f6e888e1987a10ee20",
    "002_1e9a41531f58f50c.txt": "4812eb6170f4293e607400bf64f40cd82ee00efc18aa2a86c5426d92b3b35a65",
    "003_e08741827447a5b2.txt": "115c5ccafc6b7df76cf3c014faf03f854dadd90a3be20ee5405bac9c8cb5f493",
    "004_bdde30f0427dd6d3.txt": "e55b30b8bf28f4568d9c99f6ddb2722a1c11885f69b3a3899973c4f45744aeea",
}
"""The SHA-256 of each shared article (`../shared/seeds/`), recorded so that a clone with
no shared folder beside it still checks its copies."""


def test_seeds_are_byte_identical_to_the_shared_articles() -> None:
    seeds = {seed.name: seed.read_bytes() for seed in (ROOT / "seeds").glob("*.txt")}
    assert {name: hashlib.sha256(data).hexdigest() for name, data in seeds.items()} == (
        SHARED_DIGESTS
    )
    if SHARED_SEEDS.is_dir():  # and, where the shared folder is at hand, against it too
        assert {name: (SHARED_SEEDS / name).read_bytes() for name in seeds} == seeds
