"""Every brief under tests/fixtures/broken is refused with the message and place it expects.

Each file starts with `# expect: LINE:COL: message-substring`: the checker must report an
error at exactly that line and column whose message contains the substring.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.brief.loader import check_brief

BROKEN = Path(__file__).parents[1] / "fixtures" / "broken"
CORPUS = sorted(BROKEN.glob("*.yaml"))
_EXPECT = re.compile(r"# expect: (\d+):(\d+): (.+)")


def _expectation(path: Path) -> tuple[int, int, str]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = _EXPECT.fullmatch(first)
    assert match, f"{path.name} does not start with '# expect: LINE:COL: message'"
    return int(match[1]), int(match[2]), match[3]


def test_the_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 25


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_broken_brief_is_refused_at_the_right_place(path: Path) -> None:
    line, column, message = _expectation(path)
    result = check_brief(path)
    assert result.brief is None
    errors = [(p.line, p.column, p.message) for p in result.errors]
    assert any(message in m for _, _, m in errors), errors
    assert (line, column) in [(ln, col) for ln, col, m in errors if message in m], errors
    assert all(p.file == str(path) for p in result.errors)
