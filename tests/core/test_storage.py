"""Saving never loses the user's data: atomic writes, a last-good backup, and a lock."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.store.files import backup_path, cache_dir, config_dir, data_dir, locked, write_atomic

SIZE = 2 * 1024 * 1024

WRITER = f"""
import sys
from pathlib import Path
from briefing.store.files import write_atomic
path = Path(sys.argv[1])
version = int(sys.argv[2])
while True:
    version += 1
    body = bytes([version % 251]) * {SIZE}
    write_atomic(path, b"v%08d\\n" % version + body + b"\\nend\\n", keep_backup=True)
    print(version, flush=True)
"""


def _version(data: bytes) -> int:
    """The version a file holds, after checking it is whole and unmixed."""
    header, body, end = data[:10], data[10:-5], data[-5:]
    assert header.startswith(b"v") and header.endswith(b"\n") and end == b"\nend\n"
    version = int(header[1:9])
    assert body == bytes([version % 251]) * SIZE, "a mixed or torn file"
    return version


def test_the_user_folders_follow_xdg(user_folders: Path) -> None:
    assert config_dir() == user_folders / "config" / "briefing"
    assert data_dir() == user_folders / "data" / "briefing"
    assert cache_dir() == user_folders / "cache" / "briefing"


def test_a_relative_xdg_folder_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", "relative/path")
    assert data_dir() == Path.home() / ".local/share" / "briefing"


def test_write_atomic_replaces_and_keeps_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "basket.json"
    write_atomic(path, b"one", keep_backup=True)
    assert path.read_bytes() == b"one" and not backup_path(path).exists()
    write_atomic(path, b"two", keep_backup=True)
    assert path.read_bytes() == b"two" and backup_path(path).read_bytes() == b"one"
    assert sorted(p.name for p in path.parent.iterdir()) == ["basket.json", "basket.json.bak"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    write_atomic(path, b"old")
    with pytest.raises(TypeError):
        write_atomic(path, "not bytes")  # type: ignore[arg-type]
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


@pytest.mark.parametrize("round_", range(4))
def test_a_save_killed_midway_leaves_the_old_or_new_file_whole(tmp_path: Path, round_: int) -> None:
    path = tmp_path / "basket.json"
    write_atomic(path, b"v%08d\n" % 1 + bytes([1]) * SIZE + b"\nend\n")
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), "1"], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None
    last = 1
    for _ in range(random.randint(1, 4)):  # let it finish a few saves, then kill it mid-way
        last = int(writer.stdout.readline())
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    writer.stdout.close()
    current = _version(path.read_bytes())
    backup = _version(backup_path(path).read_bytes())
    assert current in (last, last + 1)
    assert backup in (current - 1, current)  # the last good version before the current one
    assert backup >= last - 1


COUNTER = """
import sys
from pathlib import Path
from briefing.store.files import locked, write_atomic
path = Path(sys.argv[1])
for _ in range(int(sys.argv[2])):
    with locked(path):
        value = int(path.read_text()) if path.exists() else 0
        write_atomic(path, str(value + 1).encode())
"""


def test_two_processes_saving_at_once_lose_no_update(tmp_path: Path) -> None:
    path = tmp_path / "counter"
    runs = [subprocess.Popen([sys.executable, "-c", COUNTER, str(path), "150"]) for _ in range(2)]
    assert [run.wait(timeout=120) for run in runs] == [0, 0]
    assert path.read_text() == "300"


def test_locked_is_reentrant_across_calls_and_creates_the_folder(tmp_path: Path) -> None:
    path = tmp_path / "new" / "file"
    with locked(path):
        write_atomic(path, b"x")
    with locked(path):
        assert path.read_bytes() == b"x"
