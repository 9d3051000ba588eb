"""`briefing search` as documented: a `-word` excludes, whatever the shell passes it as."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.cli.search import prepare_argv


def hits(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    main(["search", *args, "--json"])
    return [hit["id"] for hit in json.loads(capsys.readouterr().out or "[]")]


def test_a_dash_word_excludes_instead_of_being_refused_as_an_option(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief = ["--brief", str(sample_path)]
    everything = hits(capsys, "harbour", *brief)
    without = hits(capsys, "harbour", "-deal", *brief)
    assert everything and without and set(without) < set(everything)
    assert hits(capsys, *brief, "-deal", "harbour") == without  # before or after options
    assert hits(capsys, "--", "harbour", "-deal", *brief) == []  # after --, all is query


@pytest.mark.parametrize(
    ("argv", "prepared"),
    [
        (["oil", "-russia"], ["--", "oil", "-russia"]),
        (["-hezbollah", "oil"], ["--", "-hezbollah", "oil"]),  # not -h with an argument
        (["--", "-word"], ["--", "-word"]),
        (["oil", "--limit", "5", "-gas"], ["--limit", "5", "--", "oil", "-gas"]),
        (["--lim", "5", "oil"], ["--lim", "5", "--", "oil"]),
        (["--brief=b.yaml", "oil", "--json"], ["--brief=b.yaml", "--json", "--", "oil"]),
        (["-h"], ["-h"]),
        (["oil", "--limt", "5"], ["--limt", "--", "oil", "5"]),  # argparse names the typo
    ],
)
def test_query_words_go_after_the_options(argv: list[str], prepared: list[str]) -> None:
    assert prepare_argv(argv) == prepared


def test_an_unknown_option_is_still_refused(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["search", "oil", "--limt", "5", "--brief", str(sample_path)])
    assert stop.value.code == 2
    assert "unrecognized arguments: --limt" in capsys.readouterr().err
