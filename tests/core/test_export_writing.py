"""Where `briefing export -o`, memos and saved clips land, and with which permissions.

A link is written through (the link stays, the file it names gets the report), a special
file is never replaced, an existing file keeps its mode, and a new file follows the umask
like any other program's: 0644 under umask 022. The user's own data (the basket) stays
private.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.cite.basket import Basket, make_clip
from briefing.cite.clipboard import save_to_file
from briefing.cite.memo_files import save_memo
from briefing.cli import main
from briefing.store.files import WriteRefused, current_umask, write_atomic

SAMPLE = Path(__file__).parents[1] / "fixtures" / "sample" / "briefs" / "sample.yaml"


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def export(output: Path) -> int:
    return main(["export", "--brief", str(SAMPLE), "-o", str(output)])


def test_a_new_export_follows_the_umask(tmp_path: Path, umask_022: None) -> None:
    assert export(tmp_path / "report.md") == 0
    assert mode(tmp_path / "report.md") == 0o644
    assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith("# ")


def test_the_umask_is_read_without_being_changed(umask_022: None) -> None:
    assert current_umask() == 0o022
    assert current_umask() == 0o022


def test_an_existing_file_keeps_its_mode(tmp_path: Path, umask_022: None) -> None:
    report = tmp_path / "report.md"
    report.write_text("old\n", encoding="utf-8")
    report.chmod(0o640)
    assert export(report) == 0
    assert mode(report) == 0o640
    assert report.read_text(encoding="utf-8") != "old\n"


def test_an_export_through_a_link_writes_the_file_it_names(tmp_path: Path, umask_022: None) -> None:
    real = tmp_path / "elsewhere" / "report.md"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o664)
    link = tmp_path / "report.md"
    link.symlink_to(real)
    assert export(link) == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8").startswith("# ")
    assert mode(real) == 0o664


def test_a_link_to_nothing_yet_creates_its_target(tmp_path: Path, umask_022: None) -> None:
    link = tmp_path / "report.md"
    link.symlink_to(tmp_path / "target.md")
    assert export(link) == 0
    assert link.is_symlink() and (tmp_path / "target.md").read_text(encoding="utf-8")
    assert mode(tmp_path / "target.md") == 0o644


@pytest.mark.parametrize("kind", ["fifo", "folder", "device", "link to device"])
def test_a_special_file_is_refused_and_left_alone(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "out"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    else:
        target = Path("/dev/null") if kind == "device" else target
        if kind == "link to device":
            target.symlink_to("/dev/null")
    before = target.lstat()
    assert export(target) == 1
    what = {"fifo": "a FIFO", "folder": "a folder"}.get(kind, "a character device")
    assert capsys.readouterr().err == (
        f"briefing export: cannot write {target}: it is {what}, not a regular file; not replaced\n"
    )
    after = target.lstat()
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)
    assert sorted(p.name for p in folder.iterdir()) == (["out"] if kind != "device" else [])


def test_an_unwritable_folder_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    assert export(folder / "report.md") == 1
    assert capsys.readouterr().err == (
        f"briefing export: cannot write {folder / 'report.md'}: Permission denied\n"
    )


def test_write_atomic_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo")
    with pytest.raises(WriteRefused, match="it is a FIFO"):
        write_atomic(tmp_path / "fifo", b"x")


def test_memos_and_saved_clips_follow_the_umask_and_the_basket_stays_private(
    sample_path: Path, umask_022: None
) -> None:
    from briefing.brief.loader import load_brief

    basket = Basket()
    basket.add(make_clip(load_brief(sample_path), "q-summit"))
    assert mode(basket.path) == 0o600
    assert mode(save_memo(basket.clips)) == 0o644
    assert mode(save_to_file("a clip")) == 0o644
