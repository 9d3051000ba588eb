"""`briefing new` and `briefing add-source`: briefs written from articles, stated metadata
as fact and guesses marked, placeholders the checker reports, and refusals in one line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefing.brief.loader import check_brief, load_brief
from briefing.cli import main

AUTHORING = Path(__file__).parents[1] / "fixtures" / "authoring"


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A copy of the authoring fixtures."""
    shutil.copytree(AUTHORING, tmp_path / "work")
    return tmp_path / "work"


def test_a_new_brief_fails_only_on_its_todo_placeholders(work: Path) -> None:
    brief = work / "briefs" / "new.yaml"
    assert main(["new", str(brief), str(work / "articles" / "harbour-report.txt")]) == 0
    lines = brief.read_text(encoding="utf-8").splitlines()
    errors = check_brief(brief).errors
    assert [e.message for e in errors] == [
        "`title` of a brief (new) is empty; it is required",
        "`title` of a topic (main) is empty; it is required",
        "`excerpts` needs at least 1 excerpt",
    ]
    placeholders = [i for i, line in enumerate(lines) if line.strip() in ("title:", "excerpts: []")]
    assert [e.line for e in errors] == [i + 1 for i in placeholders]  # each error at its line
    for index in placeholders:  # each under a comment that says TODO
        above = lines[index - 3 : index]
        assert any(line.lstrip().startswith("# TODO") for line in above), above


def test_new_reports_what_is_left_to_do(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    brief = work / "briefs" / "new.yaml"
    assert (
        main(
            [
                "new",
                str(brief),
                str(work / "articles" / "harbour-report.txt"),
                "--title",
                "Ports",
                "--topic",
                "t-ports=Ports",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert f"wrote {brief}: 1 source\n" in out
    assert "still 1 thing to do" in out and "`excerpts` needs at least 1 excerpt" in out


@pytest.mark.parametrize(
    ("args", "wanted"),
    [
        (["briefs/commented.yaml", "articles/harbour-report.txt"], "exists; not overwritten"),
        (["briefs/new.txt", "articles/harbour-report.txt"], "a brief's file name ends in .yaml"),
        (["briefs/new.yaml", "articles/nowhere.txt"], "articles/nowhere.txt: no such file"),
        (["briefs/new.yaml", "articles"], "articles: not a regular file"),
        (["briefs/new.yaml", "articles/harbour-report.txt", "--topic", "Ports"], "--topic 'Ports'"),
        (
            ["briefs/new.yaml", "articles/harbour-report.txt", "articles/harbour-report.txt"],
            "given twice",
        ),
    ],
)
def test_new_refuses_in_one_line_and_writes_nothing(
    work: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    wanted: str,
) -> None:
    monkeypatch.chdir(work)
    before = sorted(p.name for p in (work / "briefs").iterdir())
    assert main(["new", *args]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("briefing new: ") and wanted in line
    assert sorted(p.name for p in (work / "briefs").iterdir()) == before


def test_an_article_outside_the_briefs_reach_is_refused(
    work: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = work / "deep" / "briefs"
    deep.mkdir(parents=True)
    assert main(["new", str(deep / "b.yaml"), str(work / "articles" / "harbour-report.txt")]) == 1
    assert "outside" in capsys.readouterr().err
    assert not (deep / "b.yaml").exists()


def test_add_source_keeps_the_authors_file_byte_for_byte(work: Path) -> None:
    brief = work / "briefs" / "commented.yaml"
    assert main(["add-source", str(brief), str(work / "articles" / "fighter-deliveries.txt")]) == 0
    expected = AUTHORING / "briefs" / "commented.after-source.yaml"
    assert brief.read_bytes() == expected.read_bytes()


def test_add_source_twice_is_refused(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    brief = work / "briefs" / "commented.yaml"
    before = brief.read_bytes()
    assert main(["add-source", str(brief), str(work / "articles" / "harbour-report.txt")]) == 1
    assert "already the source 'src-harbour'" in capsys.readouterr().err
    assert brief.read_bytes() == before


def test_add_source_to_a_broken_yaml_file_is_refused(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief = work / "briefs" / "broken.yaml"
    brief.write_text("format: briefing/1\ntitle: [unclosed\n", encoding="utf-8")
    assert main(["add-source", str(brief), str(work / "articles" / "harbour-report.txt")]) == 1
    assert "not readable YAML" in capsys.readouterr().err
    assert brief.read_text(encoding="utf-8") == "format: briefing/1\ntitle: [unclosed\n"


def test_hostile_metadata_is_quoted_and_escapes_never_reach_the_file(work: Path) -> None:
    brief = work / "briefs" / "commented.yaml"
    assert main(["add-source", str(brief), str(work / "articles" / "hostile.txt")]) == 0
    text = brief.read_text(encoding="utf-8")
    assert "\x1b" not in text and "\u202e" not in text
    assert "      title: 'Harbour ␛[2Jnotes [bold red]not markup[/]'" in text
    assert load_brief(brief, use_cache=False).sources[-1].inferred == ("title",)


def test_metadata_from_an_import_sidecar_is_stated(work: Path) -> None:
    article = work / "articles" / "fighter-deliveries.txt"
    sidecar = {
        "title": "First Su-57 jets delivered",
        "author": "Mira Sen",
        "outlet": "Air Ledger",
        "published": "2025-06-03",
        "url": "javascript:alert(1)",  # not a web address: dropped
    }
    (work / "articles" / "fighter-deliveries.meta.json").write_text(json.dumps(sidecar))
    brief = work / "briefs" / "commented.yaml"
    assert main(["add-source", str(brief), str(article)]) == 0
    source = load_brief(brief, use_cache=False).sources[-1]
    assert source.title == "First Su-57 jets delivered" and source.outlet == "Air Ledger"
    assert str(source.published) in ("2025-06-03", "3 Jun 2025") and source.url is None
    assert source.inferred == ()
