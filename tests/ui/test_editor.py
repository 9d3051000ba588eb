"""`E` opens the brief in $VISUAL/$EDITOR at the selected item's line, the app suspended,
and the brief reloads when the editor returns."""

from __future__ import annotations

import contextlib
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_live_reload import FIXTURE, Recording

from briefing.brief.loader import load_brief
from briefing.editor import editor_command, item_line
from briefing.ui.screens.source import SourceReaderScreen


@pytest.fixture
def brief_path(tmp_path: Path) -> Path:
    """A copy of the sample brief and its articles that the editor may change."""
    shutil.copytree(FIXTURE, tmp_path / "sample")
    return tmp_path / "sample" / "briefs" / "sample.yaml"


@pytest.fixture
def fake_editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """$VISUAL is a script that records its arguments and retitles the brief."""
    log = tmp_path / "editor.log"
    script = tmp_path / "fake-editor"
    script.write_text(
        f"#!{sys.executable}\nimport sys, pathlib\n"
        f"pathlib.Path({str(log)!r}).write_text(' '.join(sys.argv[1:]))\n"
        "brief = pathlib.Path(sys.argv[-1])\n"
        "text = brief.read_text(encoding='utf-8')\n"
        "brief.write_text(text.replace('title: Harbours and fighters', 'title: Edited'),"
        " encoding='utf-8')\n"
    )
    script.chmod(0o755)
    monkeypatch.setenv("VISUAL", f"{script} --wait")
    return log


def suspended(app: Recording) -> list[bool]:
    """Let the headless app 'suspend' (a real terminal hands itself to the editor)."""
    calls: list[bool] = []

    @contextlib.contextmanager
    def suspend() -> Iterator[None]:
        calls.append(True)
        yield

    app.suspend = suspend  # type: ignore[method-assign]
    return calls


async def test_e_opens_the_editor_at_the_items_line_and_reloads(
    brief_path: Path, fake_editor: Path
) -> None:
    app = Recording(load_brief(brief_path, use_cache=False), style="plain", overview=False)
    calls = suspended(app)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.show_item("q-capacity")  # type: ignore[attr-defined]
        await pilot.press("E")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        line = item_line(brief_path.read_text(encoding="utf-8"), "q-capacity")
        assert fake_editor.read_text() == f"--wait +{line} {brief_path}"
        assert calls == [True]
        assert app.brief is not None and app.brief.title == "Edited"


async def test_e_in_the_reader_opens_at_the_current_quote(
    brief_path: Path, fake_editor: Path
) -> None:
    app = Recording(load_brief(brief_path, use_cache=False), style="plain", overview=False)
    suspended(app)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.show_item("q-deal-value")  # type: ignore[attr-defined]
        await pilot.press("o")
        assert isinstance(app.screen, SourceReaderScreen)
        await pilot.press("E")
        line = item_line(brief_path.read_text(encoding="utf-8"), "q-deal-value")
        assert fake_editor.read_text().split()[1] == f"+{line}"


async def test_e_on_the_overview_and_the_figures_opens_at_the_selected_item(
    brief_path: Path, fake_editor: Path
) -> None:
    """E works where the analyst is: the overview at its selected figure, and the figures
    screen, which then shows the edited brief in place."""
    app = Recording(load_brief(brief_path, use_cache=False), style="plain")
    suspended(app)
    text = brief_path.read_text(encoding="utf-8")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("E")  # the summary has the focus: at the top of the brief
        assert fake_editor.read_text() == f"--wait {brief_path}"
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("E")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert fake_editor.read_text().split()[1] == f"+{item_line(text, 'fig-deal-value')}"
        assert app.screen.__class__.__name__ == "FiguresScreen"
        assert app.screen.brief.title == "Edited"  # type: ignore[attr-defined]


async def test_a_missing_editor_is_one_clear_message(
    brief_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VISUAL", "/nonexistent/editor")
    app = Recording(load_brief(brief_path, use_cache=False), style="plain", overview=False)
    suspended(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("E")
        assert app.messages[-1][0].startswith("Could not start the editor '/nonexistent/editor'")


def test_the_command_gives_each_editor_the_line_its_way() -> None:
    path = Path("b.yaml")
    assert editor_command(path, 7, {"EDITOR": "nvim"}) == ["nvim", "+7", "b.yaml"]
    assert editor_command(path, 7, {"VISUAL": "emacs -nw", "EDITOR": "vi"})[:3] == [
        "emacs",
        "-nw",
        "+7",
    ]
    assert editor_command(path, 7, {"EDITOR": "code --wait"}) == [
        "code",
        "--wait",
        "--goto",
        "b.yaml:7",
    ]
    assert editor_command(path, 7, {"EDITOR": "hx"}) == ["hx", "b.yaml:7"]
    assert editor_command(path, None, {}) == ["vi", "b.yaml"]


def test_item_line_finds_an_id_even_in_a_brief_that_no_longer_parses() -> None:
    text = "excerpts:\n  - id: q-one\n    quote: [unclosed\n  - id: 'q-two'  # note\n"
    assert item_line(text, "q-one") == 2
    assert item_line(text, "q-two") == 4
    assert item_line(text, "q-on") is None
