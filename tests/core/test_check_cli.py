"""`briefing check` as a user runs it: exit codes, messages, and hostile input.

The nasty cases run in a subprocess with a timeout, so that a crash of the C parser, a
hang on a FIFO or a runaway allocation fails the test instead of the test run.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parents[1] / "fixtures"
HOSTILE = FIXTURES / "hostile" / "briefs"
SAMPLE = FIXTURES / "sample" / "briefs" / "sample.yaml"
MEMORY_LIMIT = 1024 * 1024 * 1024  # the address space a hostile brief may make us use


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def check(*args: str | Path, timeout: float = 20) -> subprocess.CompletedProcess[str]:
    """Run `briefing check ARGS` in a fresh interpreter with bounded time and memory."""
    return subprocess.run(
        [sys.executable, "-m", "briefing", "check", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_limit_memory,
    )


def test_a_valid_brief_prints_one_summary_line_and_exits_0() -> None:
    done = check(SAMPLE)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        f"{SAMPLE}: ok: 3 sources, 4 topics, 4 events, 10 excerpts, 2 figures, 1 dispute, "
        "5 entities; 10 quotes verified\n"
    )
    assert done.stderr == ""


def test_excerpts_option_reports_each_quotes_paragraph_and_offset() -> None:
    done = check("--excerpts", SAMPLE)
    assert f"{SAMPLE}: q-deal-critics: ¶6, offset 0\n" in done.stdout
    assert f"{SAMPLE}: q-su57-order: ¶2, offset 0\n" in done.stdout


def test_json_output_for_editors() -> None:
    done = check("--json", SAMPLE, HOSTILE / "duplicate-keys.yaml")
    assert done.returncode == 1
    good, bad = json.loads(done.stdout)
    assert good["ok"] is True and good["counts"]["excerpts"] == 10
    assert good["excerpts"]["q-summit"] == {"paragraph": 2, "offset": 0}
    assert bad["ok"] is False
    assert bad["problems"] == [
        {
            "file": str(HOSTILE / "duplicate-keys.yaml"),
            "line": 3,
            "column": 1,
            "message": "key 'id' is given twice (first on line 2)",
            "severity": "error",
        }
    ]


def test_every_problem_of_every_brief_is_reported_and_exit_is_1() -> None:
    done = check(SAMPLE, HOSTILE / "tags.yaml")
    assert done.returncode == 1
    assert "ok: 3 sources" in done.stdout
    assert f"{HOSTILE / 'tags.yaml'}:2:5: tag tag:yaml.org,2002:python/object:os.system" in (
        done.stderr
    )
    assert f"{HOSTILE / 'tags.yaml'}:3:8: tag !custom is not allowed" in done.stderr
    assert f"{HOSTILE / 'tags.yaml'}: 2 problems; not a valid brief" in done.stderr


HOSTILE_BRIEFS = {
    "alias-bomb.yaml": "2:7: anchor &a is not allowed in a brief",
    "tags.yaml": "2:5: tag tag:yaml.org,2002:python/object:os.system is not allowed",
    "duplicate-keys.yaml": "3:1: key 'id' is given twice (first on line 2)",
    "latin-1.yaml": "3:11: the brief is not UTF-8: the byte at offset 38 (0xe9)",
    "empty.yaml": "1:1: the file holds no YAML document",
    "comments-only.yaml": "1:1: the file holds no YAML document",
    "multi-document.yaml": "3:1: a brief is one YAML document; a second one starts here",
    "binary.yaml": "2:118: the brief is not UTF-8: the byte at offset 128 (0x80)",
    "nul-bytes.yaml": "1:19: contains U+0000, a control character YAML does not allow",
    "top-level-list.yaml": "1:1: a brief is a mapping of keys (format, id, title, ...), not a list",
    "top-level-text.yaml": "1:1: a brief is a mapping of keys (format, id, title, ...), not text",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_BRIEFS))
def test_hostile_brief_is_refused_with_a_placed_message(name: str) -> None:
    done = check(HOSTILE / name)
    assert done.returncode == 1
    assert f"{HOSTILE / name}:{HOSTILE_BRIEFS[name]}" in done.stderr
    assert "Traceback" not in done.stderr


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


GENERATED = {
    "brackets": ("a: " + "[" * 50_000 + "\n", "1:68: brackets nest deeper than 64 levels"),
    "closed-brackets": ("a: " + "[" * 5_000 + "]" * 5_000 + "\n", "1:68: brackets nest deeper"),
    "braces": ("a: " + "{" * 50_000 + "\n", "1:68: brackets nest deeper than 64 levels"),
    "block-sequences": ("- " * 50_000 + "x\n", "1:1: nesting is deeper than a brief needs"),
    "block-mappings": (
        "".join(" " * i + f"k{i}:\n" for i in range(2_000)),
        "401:1: nesting is deeper than a brief needs",
    ),
    "huge-scalar": (
        "format: briefing/1\nid: x\ntitle: " + "x" * 30_000_000 + "\n",
        "3:8: `title` is 30,000,000 characters long; at most 200,000 are allowed",
    ),
}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_monstrous_brief_is_refused_fast(tmp_path: Path, name: str) -> None:
    text, expected = GENERATED[name]
    brief = _write(tmp_path / f"{name}.yaml", text)
    done = check(brief, timeout=15)
    assert done.returncode == 1, done.stderr
    assert f"{brief}:{expected}" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_brief_that_is_a_folder_a_fifo_a_device_or_missing(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo.yaml")
    (tmp_path / "folder.yaml").mkdir()
    done = check(tmp_path, tmp_path / "fifo.yaml", "/dev/zero", tmp_path / "nowhere.yaml")
    assert done.returncode == 1
    assert f"{tmp_path / 'folder.yaml'}: is not a regular file" in done.stderr
    assert f"{tmp_path / 'fifo.yaml'}: is not a regular file" in done.stderr
    assert "/dev/zero: is not a regular file" in done.stderr
    assert f"{tmp_path / 'nowhere.yaml'}: does not exist" in done.stderr


def _brief_citing(folder: Path, file: str) -> Path:
    """A brief under folder/briefs whose one source is `file` (sample quote, sample topic)."""
    return _write(
        folder / "briefs" / "hostile.yaml",
        f"""format: briefing/1
id: hostile
title: A brief with a hostile source
as_of: 2024-10-01
sources:
  - id: src-hostile
    title: Hostile
    file: {file}
topics:
  - id: t-all
    title: All
events: []
excerpts:
  - id: q-one
    source: src-hostile
    quote: one
    topics: [t-all]
""",
    )


def _hostile_source(tree: Path, name: str) -> str:
    """Make the hostile file `name` under tree/seeds; return the brief's `file` value."""
    seeds = tree / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    outside = tree.parent / "outside.txt"
    outside.write_text("one\n", encoding="utf-8")
    if name == "fifo":
        os.mkfifo(seeds / "fifo")
    elif name == "device":
        (seeds / "zero").symlink_to("/dev/zero")
        return "../seeds/zero"
    elif name == "link-out":
        (seeds / "link-out").symlink_to(outside)
    elif name == "huge":
        with open(seeds / "huge", "wb") as sparse:
            sparse.truncate(40 * 1024 * 1024)
    elif name == "outside":
        return "../../outside.txt"
    elif name == "absolute":
        return str(outside)
    return f"../seeds/{name}"


HOSTILE_SOURCES = {
    "fifo": "'../seeds/fifo' is not a regular file",
    "device": "'../seeds/zero' resolves to /dev/zero, outside",
    "link-out": "'../seeds/link-out' resolves to",
    "huge": "'../seeds/huge' is 41,943,040 bytes; a source may be at most 33,554,432",
    "outside": "'../../outside.txt' resolves to",
    "absolute": "is an absolute path; give a path relative to the brief",
    "missing": "'../seeds/missing' does not exist",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_SOURCES))
def test_hostile_source_file_is_refused_naming_the_brief_entry(tmp_path: Path, name: str) -> None:
    tree = tmp_path / "tree"
    brief = _brief_citing(tree, _hostile_source(tree, name))
    done = check(brief, timeout=20)
    assert done.returncode == 1
    assert f"{brief}:8:11: source 'src-hostile': " in done.stderr
    assert HOSTILE_SOURCES[name] in done.stderr
    assert "Traceback" not in done.stderr


def test_warns_of_control_characters_in_articles_and_briefs() -> None:
    done = check(HOSTILE / "escapes.yaml")
    assert done.returncode == 0, done.stderr
    seeds = (FIXTURES / "hostile" / "seeds" / "escapes.txt").resolve()
    out = done.stdout
    assert f"{seeds}:1:12: warning: contains U+001B (escape)" in out
    assert "(source 'src-escapes'); it is shown as a placeholder" in out
    brief = HOSTILE / "escapes.yaml"
    assert f"{brief}:11:12: warning: a value contains U+001B (escape)" in out
    assert f"{brief}:20:12: warning: a value contains U+202E (RLO)" in out
    assert "\x1b" not in out + done.stderr


def test_messages_never_carry_control_characters(tmp_path: Path) -> None:
    brief = _write(tmp_path / "b.yaml", 'format: briefing/1\n"ti\\e]0;PWNED\\atle": x\n')
    done = check(brief)
    assert done.returncode == 1
    assert "unknown key `ti␛]0;PWNED␇tle` in a brief" in done.stderr
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr


def test_raw_bidi_and_zero_width_characters_in_a_brief_are_warned_of(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "title: Harbours and fighters", "title: Harbours\u202e and\u200b fighters"
    )
    brief = _write(tmp_path / "briefs" / "b.yaml", text)
    for seed in (FIXTURES / "sample" / "seeds").iterdir():
        _write(tmp_path / "seeds" / seed.name, seed.read_text(encoding="utf-8"))
    done = check(brief)
    assert done.returncode == 0, done.stderr
    assert f"{brief}:4:16: warning: contains U+202E (RLO)" in done.stdout
    assert f"{brief}:4:21: warning: contains U+200B" in done.stdout
    assert "\u202e" not in done.stdout


def test_an_escaped_control_character_in_an_x_key_is_warned_of(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "id: sample\n", 'id: sample\n"x-\\e]0;T\\a": hidden\n'
    )
    brief = _write(tmp_path / "briefs" / "b.yaml", text)
    for seed in (FIXTURES / "sample" / "seeds").iterdir():
        _write(tmp_path / "seeds" / seed.name, seed.read_text(encoding="utf-8"))
    done = check(brief)
    assert done.returncode == 0, done.stderr
    assert f"{brief}:4:1: warning: a key contains U+001B (escape)" in done.stdout
