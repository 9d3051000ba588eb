"""The brief picker: titles and dates of the briefs in a folder, broken ones marked."""

from __future__ import annotations

import shutil
from pathlib import Path

from screens_host import Host, screen_text

from briefing.ui.screens.picker import BriefPickerScreen


def folder_of_briefs(root: Path, sample_path: Path) -> Path:
    """A folder with the sample brief (and its seeds) and a brief that fails the checker."""
    shutil.copytree(sample_path.parent.parent, root / "set")
    briefs = root / "set" / "briefs"
    (briefs / "broken.yaml").write_text("format: briefing/1\nid: broken\ntitle: [oops\n")
    (briefs / "notes.txt").write_text("not a brief")
    return briefs


async def test_lists_briefs_with_title_and_date_and_marks_the_broken_one(
    tmp_path: Path, sample_path: Path
) -> None:
    app = Host(BriefPickerScreen(folder_of_briefs(tmp_path, sample_path)))
    async with app.run_test(size=(120, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "Harbours and fighters  as of 1 Oct 2024" in text
        assert "sample.yaml" in text
        assert "✗ broken.yaml" in text
        assert "fails the checker: line 4: not valid YAML" in text
        assert "notes.txt" not in text


async def test_enter_dismisses_with_the_path_and_refuses_a_broken_brief(
    tmp_path: Path, sample_path: Path
) -> None:
    folder = folder_of_briefs(tmp_path, sample_path)
    app = Host(BriefPickerScreen(folder))
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("enter")  # broken.yaml sorts first
        await pilot.pause()
        assert app.results == []
        assert "broken.yaml cannot be opened" in screen_text(app)
        await pilot.press("down", "enter")
        assert app.results == [folder / "sample.yaml"]


async def test_an_empty_folder_says_so(tmp_path: Path) -> None:
    app = Host(BriefPickerScreen(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "No briefs (*.yaml) in this folder." in screen_text(app)
        await pilot.press("escape")
        assert app.results == [None]
