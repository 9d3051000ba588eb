"""Counts read as words (`1 event`), and a decade heads its group as a decade everywhere."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from briefing.brief.dates import parse_date
from briefing.brief.model import Brief
from briefing.cite.export import to_markdown
from briefing.cli import main
from briefing.wording import counted, plural


def test_counts_agree_with_their_number() -> None:
    assert [counted(n, "event") for n in (0, 1, 2, 1204)] == [
        "0 events",
        "1 event",
        "2 events",
        "1,204 events",
    ]
    assert plural("entity", 2) == "entities" and plural("day", 2) == "days"
    assert plural("match", 3) == "matches"


def test_the_export_files_a_decade_under_the_decade(sample: Brief) -> None:
    nineties = replace(sample.events[0], date=parse_date("1990/1999"))
    brief = replace(sample, events=(nineties, *sample.events[1:]))
    report = to_markdown(brief)
    assert "### 1990s" in report and "### 1990\n" not in report


def test_searching_an_unknown_topic_names_it(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "topic:nonexistent", "--brief", str(sample_path)]) == 1
    err = capsys.readouterr().err
    assert "no topic is called 'nonexistent'" in err and "no hits" not in err
    assert main(["search", "topic:port", "--brief", str(sample_path)]) == 0
    assert main(["search", "topic:fihgters", "--brief", str(sample_path)]) == 1
    assert "did you mean topic:t-fighters (Fighters)?" in capsys.readouterr().err
