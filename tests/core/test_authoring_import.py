"""`briefing import`: saved pages and text files become articles (headline on line 1),
with what the page states; hostile pages stay harmless; the extra stays optional."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.brief.loader import load_brief
from briefing.cli import main

AUTHORING = Path(__file__).parents[1] / "fixtures" / "authoring"
PAGES = AUTHORING / "pages"
needs_extra = pytest.mark.skipif(
    subprocess.run([sys.executable, "-c", "import trafilatura"], capture_output=True).returncode
    != 0,
    reason="importing web pages needs the ingest extra: pip install '.[ingest]'",
)


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A folder with articles/ and briefs/ and the test pages."""
    for name in ("articles", "briefs"):
        (tmp_path / name).mkdir()
    shutil.copytree(PAGES, tmp_path / "pages")
    return tmp_path


@needs_extra
def test_a_saved_page_becomes_an_article_with_its_headline_on_line_1(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = work / "pages" / "harbour-page.html"
    assert main(["import", str(page), "-o", str(work / "articles")]) == 0
    article = (work / "articles" / "harbour-page.txt").read_text(encoding="utf-8")
    lines = article.splitlines()
    assert lines[0] == "Cranes arrive for Kaliningrad’s new terminal"
    assert lines[2].startswith("“We are ahead of schedule,” harbour master Piotr Nowak")
    assert "65 tonnes – enough" in lines[3]  # the entity became its character
    assert len(lines) == 6 and "Most read" not in article and "Cookie" not in article
    assert "track" not in article and "color" not in article  # no script, no style
    meta = json.loads((work / "articles" / "harbour-page.meta.json").read_text())
    assert meta["author"] == "Ana Lúcio" and meta["outlet"] == "Baltic Ledger"
    assert meta["published"] == "2024-09-12"
    assert meta["url"] == "https://news.example.org/2024/09/12/cranes-arrive"
    assert "wrote" in capsys.readouterr().out


@needs_extra
def test_new_states_what_the_page_stated(work: Path) -> None:
    page = work / "pages" / "harbour-page.html"
    assert main(["import", str(page), "-o", str(work / "articles")]) == 0
    brief = work / "briefs" / "b.yaml"
    article = work / "articles" / "harbour-page.txt"
    assert main(["new", str(brief), str(article), "--title", "T", "--topic", "t=T"]) == 0
    assert main(["quote", str(article), "ahead of schedule", "--brief", str(brief)]) == 0
    loaded = load_brief(brief, use_cache=False)
    [source] = loaded.sources
    assert source.title == "Cranes arrive for Kaliningrad’s new terminal"
    assert source.outlet == "Baltic Ledger" and source.inferred == ()
    assert loaded.excerpts[0].paragraph == 3


@needs_extra
def test_a_hostile_page_leaves_no_escape_in_the_files_or_on_the_terminal(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = work / "pages" / "hostile-page.html"
    assert main(["import", str(page), "-o", str(work / "articles")]) == 0
    out = capsys.readouterr().out
    text = (work / "articles" / "hostile-page.txt").read_text(encoding="utf-8")
    meta = (work / "articles" / "hostile-page.meta.json").read_text(encoding="utf-8")
    for written in (out, text, meta):
        assert "\x1b" not in written and "\x07" not in written
    assert "on [bold]Wednesday[/bold]," in text  # markup is text, kept as written
    assert "url" not in json.loads(meta)  # javascript: is not a web address


def test_a_text_file_needs_no_extra_and_wrapped_lines_become_paragraphs(work: Path) -> None:
    loose = work / "loose.txt"
    loose.write_text("Headline\n\nA wrapped\nparagraph.\n\nAnother\none.\n", encoding="utf-8")
    assert main(["import", str(loose), "-o", str(work / "articles")]) == 0
    written = (work / "articles" / "loose.txt").read_text(encoding="utf-8")
    assert written == "Headline\nA wrapped paragraph.\nAnother one.\n"
    assert not (work / "articles" / "loose.meta.json").exists()


def test_without_the_extra_a_page_is_refused_saying_how_to_get_it(
    work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as if not installed
    page = work / "pages" / "harbour-page.html"
    assert main(["import", str(page), "-o", str(work / "articles")]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert (
        line == "briefing import: importing web pages needs the ingest extra: "
        "pip install 'briefing-reader[ingest]'"
    )
    assert list((work / "articles").iterdir()) == []


@pytest.mark.parametrize(
    ("args", "wanted"),
    [
        (["pages/nowhere.html"], "pages/nowhere.html: no such file"),
        (["pages/harbour-page.html", "-o", "nowhere"], "nowhere is not a folder"),
    ],
)
def test_refusals_are_one_line(
    work: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    wanted: str,
) -> None:
    monkeypatch.chdir(work)
    assert main(["import", *args]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert wanted in line


def test_an_existing_article_is_never_overwritten(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loose = work / "loose.txt"
    loose.write_text("Headline\nBody.\n", encoding="utf-8")
    (work / "articles" / "loose.txt").write_text("cited already\n", encoding="utf-8")
    assert main(["import", str(loose), "-o", str(work / "articles")]) == 1
    assert "exists; not overwritten" in capsys.readouterr().err
    assert (work / "articles" / "loose.txt").read_text(encoding="utf-8") == "cited already\n"


def _racing(monkeypatch: pytest.MonkeyPatch, made: Path, content: str) -> None:
    """Another program writes `made` while the import reads its input."""
    from briefing.authoring import ingest

    read = ingest.read_input

    def read_and_race(path: Path) -> str:
        text = read(path)
        made.write_text(content, encoding="utf-8")
        return text

    monkeypatch.setattr(ingest, "read_input", read_and_race)


def test_an_article_made_meanwhile_is_not_overwritten(
    work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    loose = work / "loose.txt"
    loose.write_text("Headline\nBody.\n", encoding="utf-8")
    target = work / "articles" / "loose.txt"
    _racing(monkeypatch, target, "written meanwhile\n")
    assert main(["import", str(loose), "-o", str(work / "articles")]) == 1
    assert f"{target} exists; not overwritten" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "written meanwhile\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["loose.txt"]


@needs_extra
def test_a_failed_import_leaves_no_metadata_without_its_article(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = work / "articles" / "harbour-page.txt"
    _racing(monkeypatch, target, "written meanwhile\n")
    assert (
        main(["import", str(work / "pages" / "harbour-page.html"), "-o", str(target.parent)]) == 1
    )
    assert sorted(p.name for p in target.parent.iterdir()) == ["harbour-page.txt"]


PROBE = """
import sys
from briefing.cli import main
for args in sys.argv[1:]:
    main(args.split("|"))
print("TRAFILATURA:", "trafilatura" in sys.modules, file=sys.stderr)
"""


def test_the_rest_of_briefing_never_imports_the_extractor(work: Path) -> None:
    shutil.copytree(AUTHORING / "articles", work / "articles", dirs_exist_ok=True)
    brief = work / "briefs" / "b.yaml"
    article = work / "articles" / "harbour-report.txt"
    runs = [
        f"new|{brief}|{article}|--topic|t=T",
        f"quote|{article}|the first cranes|--brief|{brief}",
        f"check|{brief}",
        f"import|{work / 'articles' / 'fighter-deliveries.txt'}|-o|{work / 'briefs'}",
    ]
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *runs], capture_output=True, text=True, timeout=120
    )
    assert "TRAFILATURA: False" in done.stderr, done.stderr[-2000:]
