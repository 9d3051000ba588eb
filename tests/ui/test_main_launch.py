"""Launching: `briefing PATH` refuses a broken brief before the terminal is touched, and
`briefing DIR` offers a picker whose choice opens on the main screen."""

from __future__ import annotations

import gc
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from screens_host import screen_text, words

from briefing.brief.model import Brief
from briefing.cli import main as cli_main
from briefing.memory import paused_until_shown
from briefing.ui.app import BriefingApp
from briefing.ui.screens.main import MainScreen

BROKEN = "format: briefing/1\nid: broken\ntitle: [unclosed\n"


def test_a_broken_brief_prints_its_problems_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief = tmp_path / "broken.yaml"
    brief.write_text("format: briefing/1\nid: broken\n", encoding="utf-8")
    assert cli_main([str(brief)]) == 1
    err = capsys.readouterr().err
    assert f"{brief}:" in err and "not opened" in err
    assert "Traceback" not in err


def test_a_missing_file_is_an_error_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_main([str(tmp_path / "nowhere.yaml")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_an_unknown_citation_style_is_refused(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_main([str(sample_path), "--style", "nonsense"]) == 2
    assert "unknown citation style 'nonsense'" in capsys.readouterr().err


def test_briefing_alone_reads_as_its_parser_would(tmp_path: Path) -> None:
    """`briefing` with no arguments skips the parser (argparse costs start-up time); its
    options are those the parser gives, and the launch imports no argparse."""
    from briefing.cli import read
    from briefing.cli.parsers import main_parser

    assert vars(read.defaults()) == vars(main_parser().parse_args([]))
    code = (
        "import sys; from briefing.cli import read; read.run = lambda options: 0;"
        "from briefing.cli import main; assert main([]) == 0;"
        "assert 'argparse' not in sys.modules, 'argparse imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=tmp_path)


def test_a_broken_brief_never_imports_textual(tmp_path: Path) -> None:
    brief = tmp_path / "broken.yaml"
    brief.write_text(BROKEN, encoding="utf-8")
    code = (
        "import sys; from briefing.cli import main; status = main([sys.argv[1]]); "
        "print(status, 'textual' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(brief)], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == ["1", "False"]
    assert "Traceback" not in result.stderr


async def test_a_folder_offers_a_picker_that_opens_the_chosen_brief(
    sample_path: Path, tmp_path: Path
) -> None:
    from briefing.ui.screens.picker import BriefPickerScreen

    folder = tmp_path / "sample"
    shutil.copytree(sample_path.parent.parent, folder)
    app = BriefingApp(folder=folder / "briefs", overview=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BriefPickerScreen)
        await app.workers.wait_for_complete()  # the picker's check, before it closes
        app.screen.dismiss(folder / "briefs" / "sample.yaml")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.brief.title == "Harbours and fighters"


@pytest.mark.parametrize("key", ["escape", "q"])
async def test_escape_or_q_in_the_picker_quits(sample_path: Path, key: str) -> None:
    app = BriefingApp(folder=sample_path.parent, overview=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_the_configured_style_is_the_default(sample_path: Path, user_folders: Path) -> None:
    from briefing.brief.loader import load_brief
    from briefing.store.settings import config_path

    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text('style = "apa"\n', encoding="utf-8")
    app = BriefingApp(load_brief(sample_path, use_cache=False), overview=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.citation_style == "apa"
        await pilot.press("s")
        assert app.citation_style == "chicago"
    given = BriefingApp(load_brief(sample_path, use_cache=False), style="mla", overview=False)
    async with given.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert given.citation_style == "mla"


async def test_a_damaged_config_is_reported_and_the_default_used(sample_path: Path) -> None:
    from briefing.brief.loader import load_brief
    from briefing.store.settings import config_path

    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text('style = "harvard"\n', encoding="utf-8")
    app = BriefingApp(load_brief(sample_path, use_cache=False), overview=False)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert app.citation_style == "plain"
        assert "'harvard'" in words(screen_text(app))


async def test_keys_remapped_in_the_config_file_work(sample_path: Path) -> None:
    from briefing.brief.loader import load_brief
    from briefing.cite.citations import cite_item
    from briefing.store.settings import config_path

    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text('[keys]\n"briefing.copy" = "y"\n', encoding="utf-8")
    brief = load_brief(sample_path, use_cache=False)
    app = BriefingApp(brief, overview=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        selected = app.screen.selected_item_id()  # type: ignore[attr-defined]
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == ""
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == cite_item(brief, selected, "plain")


async def test_the_collector_paused_for_start_up_is_back_on_once_the_brief_shows(
    sample: Brief,
) -> None:
    """The reader pauses the garbage collector until its first frame; the app ends the
    pause when that frame is on screen, and starts watching the brief then."""
    with paused_until_shown():
        app = BriefingApp(sample)
        async with app.run_test() as pilot:
            await pilot.pause()
            assert gc.isenabled()
            assert app.watcher is not None
    gc.enable()
