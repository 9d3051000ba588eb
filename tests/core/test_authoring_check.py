"""`briefing check` as an authoring tool: folders, --watch, one pass, YAML hints."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.authoring.watch import Watcher
from briefing.cli import main
from briefing.cli.check import check

AUTHORING = Path(__file__).parents[1] / "fixtures" / "authoring"


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A copy of the authoring fixtures; its briefs folder holds three valid briefs."""
    shutil.copytree(AUTHORING, tmp_path / "work")
    return tmp_path / "work"


def _touch(path: Path, text: str) -> None:
    """Save new text with a modification time that surely differs from the last one."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 10**9, before + 10**9))


def test_a_folder_means_every_brief_in_it(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "briefs" / "broken.yaml").write_text("format: briefing/1\n", encoding="utf-8")
    (work / "briefs" / "notes.txt").write_text("not a brief", encoding="utf-8")
    assert main(["check", str(work / "briefs")]) == 1
    captured = capsys.readouterr()
    names = [line.split(":")[0] for line in captured.out.splitlines()]
    assert [Path(n).name for n in names] == [
        "commented.after-excerpt.yaml",
        "commented.after-source.yaml",
        "commented.yaml",
    ]
    assert "broken.yaml: 7 problems; not a valid brief" in captured.err


def test_a_folder_without_briefs_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"briefing check: no briefs (*.yaml) in {tmp_path}\n"


def test_structural_and_quote_problems_come_in_one_pass(work: Path) -> None:
    brief = work / "briefs" / "commented.yaml"
    text = brief.read_text(encoding="utf-8")
    text = text.replace("title: Money", "titel: Money").replace("cargo agreement", "cargo deal")
    brief.write_text(text, encoding="utf-8")
    messages = [p.message for p in check(brief).errors]
    assert any("unknown key `titel`" in m and "did you mean `title`" in m for m in messages)
    assert any("the quote of excerpt 'q-signed' does not occur" in m for m in messages)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("format: briefing/1\nid: x\ntitle: India: the visit\n", "title: 'India: the visit'"),
        ("format: briefing/1\ntitle: 'It's here'\nid: x\n", "apostrophe is written twice"),
        ('format: briefing/1\ntitle: "unclosed\nid: x\n', "opened on line 2 is never closed"),
        ('format: briefing/1\ntitle: "C:\\q"\nid: x\n', "write a backslash as \\\\"),
        ('format: briefing/1\ntitle: "\\x4"\nid: x\n', "a backslash starts an escape"),
        ("format: briefing/1\ntopics: [a, b\nid: x\n", "not closed with `]`"),
        ("format: briefing/1\nid x\ntitle: t\n", "line 2 has no `: ` after its key"),
        ("format: briefing/1\ntitle: @x\n", "cannot start with '@': put the value in quotes"),
        ("format: briefing/1\nsources:\n- id: a\n\ttitle: b\n", "indent with spaces"),
        ("format: briefing/1\nsources:\n  - id: a\n    title: b\n   file: c\n", "line up"),
    ],
)
def test_yaml_syntax_errors_get_a_hint_in_plain_words(tmp_path: Path, text: str, hint: str) -> None:
    brief = tmp_path / "brief.yaml"
    brief.write_text(text, encoding="utf-8")
    [problem] = check(brief).problems
    assert problem.message.startswith("not valid YAML") and hint in problem.message


def test_the_watcher_reports_only_what_changed(work: Path) -> None:
    brief = work / "briefs" / "commented.yaml"
    watcher = Watcher([work / "briefs"], check)
    assert all(r.brief is not None for r in watcher.first())
    assert watcher.poll() == []  # nothing saved, nothing said
    original = brief.read_text(encoding="utf-8")
    _touch(brief, original.replace("cargo agreement", "cargo deal"))
    [change] = watcher.poll()
    assert change.result.path == brief and change.became_invalid
    assert ["does not occur" in p.message for p in change.added] == [True]
    _touch(
        brief,
        "# a comment that moves every line\n" + original.replace("cargo agreement", "cargo deal"),
    )
    assert watcher.poll() == []  # the same problem, one line lower, is not news
    _touch(brief, original)
    [change] = watcher.poll()
    assert change.became_valid and change.added == [] and len(change.fixed) == 1


def test_the_watcher_rechecks_when_an_article_changes_and_sees_new_and_gone_briefs(
    work: Path,
) -> None:
    watcher = Watcher([work / "briefs"], check)
    watcher.first()
    article = work / "articles" / "harbour-report.txt"
    _touch(article, article.read_text(encoding="utf-8").replace("cargo agreement", "deal"))
    changed = {c.result.path.name for c in watcher.poll()}
    assert changed == {
        "commented.yaml",
        "commented.after-source.yaml",
        "commented.after-excerpt.yaml",
    }
    new = work / "briefs" / "new.yaml"
    _touch(new, "format: briefing/1\n")
    [change] = watcher.poll()
    assert change.appeared and change.result.path == new
    new.unlink()
    [change] = watcher.poll()
    assert change.removed


def test_watch_prints_the_first_check_then_only_changes(work: Path) -> None:
    brief = work / "briefs" / "commented.yaml"
    watching = subprocess.Popen(
        [sys.executable, "-m", "briefing", "check", "--watch", str(brief)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert watching.stdout is not None
    try:
        first = [watching.stdout.readline() for _ in range(2)]
        assert first[0].endswith("1 quote verified\n")
        assert first[1] == f"watching {brief}; Ctrl+C stops\n"
        _touch(brief, brief.read_text(encoding="utf-8").replace("title: Money", "titel: Money"))
        said = [watching.stdout.readline() for _ in range(4)]
        assert said[0].endswith(f"{brief}: changed\n")
        assert any("unknown key `titel`" in line for line in said[1:3])
        assert any("has no `title`" in line for line in said[1:3])
        assert said[3] == f"{brief}: 2 problems; not a valid brief\n"
    finally:
        watching.send_signal(signal.SIGINT)
        assert watching.wait(timeout=30) == 0


def test_watch_and_json_do_not_go_together(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--watch", "--json"]) == 2
    assert "leave out --json" in capsys.readouterr().err
