"""The cache cannot run code or serve what the loader would refuse (issue 10).

An entry is data only; a planted one, in the old pickle format or forged in the new one,
runs nothing and the brief opens as checked. Every source is read through the loader's
own checks on every open, so an article swapped for a link, a FIFO or a device after
caching is refused by every command exactly as `briefing check` refuses it.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import sys
from pathlib import Path

import pytest

from briefing.brief import cache
from briefing.brief.loader import check_brief, load_brief
from briefing.brief.problems import BriefError
from briefing.brief.sources import digest
from briefing.cli import main
from briefing.store.files import cache_dir

SAMPLE = Path(__file__).parents[1] / "fixtures" / "sample"


@pytest.fixture
def brief(tmp_path: Path) -> Path:
    """A private copy of the sample brief and its seeds, free to edit."""
    shutil.copytree(SAMPLE, tmp_path / "sample")
    return tmp_path / "sample" / "briefs" / "sample.yaml"


class _Planted:
    """Unpickling this runs a command that creates `marker`."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def _old_entry_name(brief: Path) -> str:
    """Where the pickle cache (format 4) kept this brief's entry."""
    from briefing import __version__

    place = hashlib.sha256()
    for part in (__version__, sys.version, str(brief.resolve())):
        place.update(part.encode() + b"\0")
    return f"{place.hexdigest()[:24]}-{hashlib.sha256(brief.read_bytes()).hexdigest()}.pickle"


def _pickle_entry(marker: Path) -> bytes:
    payload = pickle.dumps(_Planted(marker))
    return b"briefing-cache-4\n{}\n" + digest(payload).encode() + b"\n" + payload


def test_a_planted_pickle_entry_runs_nothing_and_is_removed(brief: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    cache_dir().mkdir(mode=0o700, parents=True)
    old = cache_dir() / _old_entry_name(brief)
    old.write_bytes(_pickle_entry(marker))
    # The same pickle under the new entry's name is no entry either.
    new = cache_dir() / cache.entry_name(brief, brief.read_bytes())
    new.write_bytes(_pickle_entry(marker))
    assert load_brief(brief).id == "sample"
    assert not marker.exists()
    assert not old.exists()  # an old-format entry is removed when an entry is written
    assert load_brief(brief).id == "sample" and not marker.exists()


def _forge(entry: Path, edit_tables: object) -> None:
    """Rewrite an entry with edited tables and every digest made to match again. The
    entry's head and bulk (`briefing.brief.cache`) are edited as one set of tables: a
    table both hold (the excerpts) is the bulk's, and a table added goes into both."""
    blob = entry.read_bytes()
    header_end = blob.index(b"\n", len(cache.MAGIC))
    header = json.loads(blob[len(cache.MAGIC) : header_end])
    head, bulk = (json.loads(part) for part in blob[header_end + 1 :].split(b"\n"))
    tables = {**head, **bulk}
    assert callable(edit_tables)
    edit_tables(tables)
    for name, table in tables.items():
        if name in bulk:
            bulk[name] = table
        elif name in head:
            head[name] = table
        else:
            head[name] = bulk[name] = table
    payload = json.dumps(head).encode() + b"\n" + json.dumps(bulk).encode()
    header["payload"] = digest(payload)
    entry.write_bytes(cache.MAGIC + json.dumps(header).encode() + b"\n" + payload)


def _set(table: str, field: str, value: object) -> object:
    def edit(tables: dict[str, dict[str, list[object]]]) -> None:
        tables[table][field][0] = value

    return edit


@pytest.mark.parametrize(
    "edit",
    [
        _set("Excerpt", "id", {"__class__": "os.system", "args": ["touch ran"]}),
        _set("Excerpt", "quote", ["__reduce__", "os.system"]),
        _set("Excerpt", "spans", 10**6),  # an index past its table
        _set("Excerpt", "spans", -1),
        _set("Figure", "value", "1e309"),
        _set("Entity", "kind", None),
        _set("Brief", "as_of", True),
        lambda tables: tables.update({"os.system": {"command": ["touch ran"]}}),
        lambda tables: tables["Excerpt"].update({"__class__": ["posix.system"]}),
        lambda tables: tables["Span"]["start"].pop(),  # columns of different lengths
        lambda tables: tables.update({"Brief": {}}),
    ],
)
def test_a_forged_entry_is_a_miss_and_the_brief_opens_as_checked(
    brief: Path, tmp_path: Path, edit: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    good = load_brief(brief)
    (entry,) = cache_dir().glob("*.entry")
    _forge(entry, edit)
    read = cache.read(brief, brief.read_bytes())
    if read is not None:  # only the events or excerpts were forged: found on first use
        with pytest.raises(BriefError, match="cache entry is damaged"):
            read.excerpts  # noqa: B018
    assert load_brief(brief) == good
    assert not (tmp_path / "ran").exists()


def test_an_entry_others_may_write_is_not_used(brief: Path) -> None:
    load_brief(brief)
    (entry,) = cache_dir().glob("*.entry")
    entry.chmod(0o622)
    assert cache.read(brief, brief.read_bytes()) is None
    entry.chmod(0o600)
    assert cache.read(brief, brief.read_bytes()) is not None
    cache_dir().chmod(0o777)
    assert cache.read(brief, brief.read_bytes()) is None
    cache_dir().chmod(0o700)
    assert cache.read(brief, brief.read_bytes()) is not None


def test_an_entry_that_is_a_link_is_not_followed(brief: Path, tmp_path: Path) -> None:
    load_brief(brief)
    (entry,) = cache_dir().glob("*.entry")
    moved = entry.rename(tmp_path / "elsewhere.entry")
    entry.symlink_to(moved)
    assert cache.read(brief, brief.read_bytes()) is None


def test_a_cache_folder_of_another_user_is_not_used(
    brief: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_brief(brief)
    monkeypatch.setattr(os, "getuid", lambda: os.stat(cache_dir()).st_uid + 1)
    assert cache.read(brief, brief.read_bytes()) is None


def test_a_new_cache_folder_is_private(brief: Path) -> None:
    load_brief(brief)
    assert cache_dir().stat().st_mode & 0o077 == 0


def _swap_for_link_to_passwd(seed: Path) -> None:
    seed.unlink()
    seed.symlink_to("/etc/passwd")


def _swap_for_fifo(seed: Path) -> None:
    seed.unlink()
    os.mkfifo(seed)


def _swap_for_dev_zero(seed: Path) -> None:
    seed.unlink()
    seed.symlink_to("/dev/zero")


def _swap_for_link_to_dev_zero_inside(seed: Path) -> None:
    """A link that stays inside the brief's folders, to a device node linked there."""
    device = seed.parent / "zero"
    device.symlink_to("/dev/zero")
    seed.unlink()
    seed.symlink_to(device.name)


SWAPS = [
    _swap_for_link_to_passwd,
    _swap_for_fifo,
    _swap_for_dev_zero,
    _swap_for_link_to_dev_zero_inside,
]


@pytest.mark.parametrize("swap", SWAPS, ids=lambda f: f.__name__.removeprefix("_swap_for_"))
def test_a_source_swapped_after_caching_is_refused_as_check_refuses_it(
    brief: Path, swap: object
) -> None:
    load_brief(brief)
    assert callable(swap)
    swap(brief.parents[1] / "seeds" / "fighters.txt")
    checked = check_brief(brief)
    assert checked.brief is None and checked.errors
    with pytest.raises(BriefError) as raised:
        load_brief(brief)
    assert list(raised.value.problems) == checked.errors
    assert "fighters.txt" in str(checked.errors[0])


@pytest.mark.parametrize("swap", SWAPS, ids=lambda f: f.__name__.removeprefix("_swap_for_"))
def test_every_command_refuses_a_swapped_source_with_checks_words(
    brief: Path, swap: object, capsys: pytest.CaptureFixture[str]
) -> None:
    load_brief(brief)
    assert callable(swap)
    swap(brief.parents[1] / "seeds" / "fighters.txt")
    assert main(["check", str(brief)]) == 1
    refusal = next(line for line in capsys.readouterr().err.splitlines() if "fighters" in line)
    for command in (
        [str(brief)],
        ["search", "fighters", "--brief", str(brief)],
        ["cite", "q-su57-order", "--brief", str(brief)],
        ["export", "--brief", str(brief)],
    ):
        assert main(command) == 1, command
        captured = capsys.readouterr()
        assert refusal in captured.err.splitlines(), command
        assert "Traceback" not in captured.err


def test_a_brief_that_is_a_fifo_is_refused_before_the_cache_reads_it(
    brief: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    load_brief(brief)
    brief.unlink()
    os.mkfifo(brief)
    with pytest.raises(BriefError) as raised:
        load_brief(brief)
    assert "not a regular file" in str(raised.value)
