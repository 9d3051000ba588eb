"""Files that are not what they claim: FIFOs, devices, loops, over-cap files, swapped links.

Every one is refused with a clear message on the open descriptor, before anything is read;
none may hang a command or read without bound. The brief path and article paths go
through the same functions (`read_brief_bytes`, `read_source_file`), which the cache uses
too, so what `check` refuses no other path can serve.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from briefing.brief import loader
from briefing.brief.loader import check_brief, read_brief_bytes
from briefing.brief.problems import BriefError
from briefing.brief.sources import (
    Articles,
    SourceError,
    read_source,
    read_source_file,
    resolve_source,
)
from briefing.store.files import FileRefused, read_regular

SAMPLE_TREE = Path(__file__).parents[1] / "fixtures" / "sample"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the sample brief and its articles: tmp/briefs/sample.yaml, tmp/seeds/."""
    shutil.copytree(SAMPLE_TREE, tmp_path / "tree")
    return tmp_path / "tree"


def _refusal(path: Path) -> str:
    with pytest.raises(BriefError) as raised:
        read_brief_bytes(path)
    (problem,) = raised.value.problems
    return str(problem)


def test_a_brief_path_that_is_a_fifo_is_refused_without_waiting_for_a_writer(
    tmp_path: Path,
) -> None:
    os.mkfifo(tmp_path / "brief.yaml")
    assert _refusal(tmp_path / "brief.yaml") == (
        f"{tmp_path / 'brief.yaml'}: is not a regular file (a FIFO)"
    )


def test_a_brief_path_that_is_a_device_a_folder_or_missing(tmp_path: Path) -> None:
    assert _refusal(Path("/dev/zero")) == "/dev/zero: is not a regular file (a character device)"
    assert _refusal(tmp_path) == f"{tmp_path}: is not a regular file (a folder)"
    assert _refusal(tmp_path / "none.yaml") == f"{tmp_path / 'none.yaml'}: does not exist"


def test_a_brief_path_that_loops_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    assert _refusal(tmp_path / "a.yaml") == f"{tmp_path / 'a.yaml'}: is a loop of symbolic links"


def test_an_over_cap_brief_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "MAX_BRIEF_BYTES", 1_000)
    with open(tmp_path / "big.yaml", "wb") as sparse:
        sparse.truncate(1_001)
    assert _refusal(tmp_path / "big.yaml") == (
        f"{tmp_path / 'big.yaml'}: is 1,001 bytes; a brief may be at most 1,000"
    )


def test_a_brief_whose_file_name_is_not_utf8_is_checked(tree: Path) -> None:
    odd = Path(os.fsdecode(bytes(tree / "briefs") + b"/caf\xe9.yaml"))
    (tree / "briefs" / "sample.yaml").rename(odd)
    result = check_brief(odd)
    assert result.brief is not None, result.problems


def test_a_growing_file_is_read_only_up_to_the_cap() -> None:
    with pytest.raises(FileRefused, match="is not a regular file"):
        read_regular(Path("/dev/zero"), 10)
    # /proc files report size 0 and hold more: read up to the cap, then refused.
    assert read_regular(Path("/proc/self/status"), 1_000_000).startswith(b"Name:")
    with pytest.raises(FileRefused, match="is larger than 10 bytes, the most a file may be"):
        read_regular(Path("/proc/self/status"), 10)


def test_an_article_that_loops_is_refused(tree: Path) -> None:
    seeds = tree / "seeds"
    (seeds / "loop-a.txt").symlink_to(seeds / "loop-b.txt")
    (seeds / "loop-b.txt").symlink_to(seeds / "loop-a.txt")
    with pytest.raises(SourceError, match="is a loop of symbolic links"):
        read_source_file(tree / "briefs" / "sample.yaml", "../seeds/loop-a.txt")


def test_an_article_swapped_for_a_link_after_it_was_resolved_is_not_followed(
    tree: Path, tmp_path: Path
) -> None:
    brief = tree / "briefs" / "sample.yaml"
    path = resolve_source(brief, "../seeds/harbour.txt")
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0\n", encoding="utf-8")
    path.unlink()
    path.symlink_to(secret)
    with pytest.raises(SourceError, match="is a symbolic link, which is not followed here"):
        read_source(path, "../seeds/harbour.txt")


def test_an_article_swapped_for_a_fifo_after_it_was_resolved_does_not_hang(tree: Path) -> None:
    path = resolve_source(tree / "briefs" / "sample.yaml", "../seeds/harbour.txt")
    path.unlink()
    os.mkfifo(path)
    with pytest.raises(SourceError, match=r"is not a regular file \(a FIFO\)"):
        read_source(path, "../seeds/harbour.txt")


def test_a_folder_swapped_for_a_link_after_resolving_is_caught_on_the_descriptor(
    tree: Path, tmp_path: Path
) -> None:
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to name an open descriptor's file")
    path = resolve_source(tree / "briefs" / "sample.yaml", "../seeds/harbour.txt")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "harbour.txt").write_text("root:x:0:0\n", encoding="utf-8")
    (tree / "seeds").rename(tree / "seeds-moved")
    (tree / "seeds").symlink_to(elsewhere)
    with pytest.raises(SourceError, match="changed while it was being opened"):
        read_source(path, "../seeds/harbour.txt")


def test_articles_read_by_folder_are_those_read_one_by_one(tree: Path) -> None:
    """Plain files, a link that stays inside, and a file beside the brief: each reads as
    the general way reads it, and a link that leads out is refused in its words."""
    brief = tree / "briefs" / "sample.yaml"
    (tree / "seeds" / "linked.txt").symlink_to("harbour.txt")
    (tree / "briefs" / "beside.txt").write_text("Beside.\n", encoding="utf-8")
    (tree / "seeds" / "out.txt").symlink_to("/etc/hostname")
    files = ["../seeds/harbour.txt", "../seeds/linked.txt", "beside.txt", "../seeds/fighters.txt"]
    with Articles(brief) as articles:
        for file in files:
            path = resolve_source(brief, file)
            assert articles.read(file) == (path, read_source(path, file))
        with pytest.raises(SourceError, match="resolves to /etc/hostname, outside"):
            articles.read("../seeds/out.txt")


def test_articles_leave_no_descriptor_open(tree: Path) -> None:
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to count open descriptors")
    before = len(os.listdir("/proc/self/fd"))
    assert check_brief(tree / "briefs" / "sample.yaml").brief is not None
    os.mkfifo(tree / "seeds" / "fifo")
    refused = pytest.raises(SourceError, match=r"is not a regular file \(a FIFO\)")
    with Articles(tree / "briefs" / "sample.yaml") as articles, refused:
        articles.read("../seeds/fifo")
    assert len(os.listdir("/proc/self/fd")) == before


def _elsewhere_for(tree: Path, tmp_path: Path) -> Path:
    """A folder outside the tree holding files named like the articles."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for name in ("harbour.txt", "fighters.txt"):
        (elsewhere / name).write_text("root:x:0:0\n", encoding="utf-8")
    return elsewhere


def _swap_folder(seeds: Path, elsewhere: Path) -> None:
    seeds.rename(seeds.with_name("seeds-moved"))
    seeds.symlink_to(elsewhere)


def test_a_folder_swapped_for_a_link_just_before_it_is_opened_is_refused(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere, seeds = _elsewhere_for(tree, tmp_path), tree / "seeds"
    real_open = os.open

    def swapping_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if path == seeds and not seeds.is_symlink():  # resolved, about to be opened
            _swap_folder(seeds, elsewhere)
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", swapping_open)
    refused = pytest.raises(SourceError, match="outside")
    with Articles(tree / "briefs" / "sample.yaml") as articles, refused:
        articles.read("../seeds/harbour.txt")
    assert seeds.is_symlink()  # the swap did happen


def test_a_folder_swapped_for_a_link_after_it_was_opened_is_not_followed(
    tree: Path, tmp_path: Path
) -> None:
    """Articles are opened relative to the folder opened, which a swap cannot move."""
    elsewhere, seeds = _elsewhere_for(tree, tmp_path), tree / "seeds"
    fighters = (seeds / "fighters.txt").read_bytes()
    with Articles(tree / "briefs" / "sample.yaml") as articles:
        assert articles.read("../seeds/harbour.txt")[1].startswith(b"Harbour")
        _swap_folder(seeds, elsewhere)
        assert articles.read("../seeds/fighters.txt")[1] == fighters


def test_check_refuses_a_looping_article_with_its_place(tree: Path) -> None:
    brief = tree / "briefs" / "sample.yaml"
    (tree / "seeds" / "harbour.txt").unlink()
    (tree / "seeds" / "harbour.txt").symlink_to(tree / "seeds" / "harbour.txt")
    result = check_brief(brief)
    assert result.brief is None
    assert any("is a loop of symbolic links" in str(p) for p in result.errors)


def test_check_warns_of_invisible_characters_in_the_brief(tree: Path) -> None:
    brief = tree / "briefs" / "sample.yaml"
    text = brief.read_text(encoding="utf-8")
    brief.write_text(
        text.replace("title: Harbours and fighters", "title: Harbours\u200f and\U000e0041 x"),
        encoding="utf-8",
    )
    result = check_brief(brief)
    assert result.brief is not None
    assert [w.message for w in result.warnings] == [
        "contains U+200F, a control or invisible character; it is shown as a placeholder",
        "contains U+E0041 (tag), a control or invisible character; it is shown as a placeholder",
    ]
