"""`briefing cite` and `briefing export` from the command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefing.brief.model import Brief
from briefing.cite.citations import cite_item
from briefing.cli import main


def test_cite_prints_what_c_copies(
    sample: Brief, sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cite", "q-summit", "--brief", str(sample_path), "--style", "apa"]) == 0
    assert capsys.readouterr().out == cite_item(sample, "q-summit", "apa") + "\n"


def test_cite_uses_the_configured_style(
    sample_path: Path, user_folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = user_folders / "config" / "briefing" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('style = "mla"\n', encoding="utf-8")
    assert main(["cite", "q-su57-order", "--brief", str(sample_path)]) == 0
    assert "(Report on fighter deliveries)." in capsys.readouterr().out


def test_a_bad_config_warns_and_falls_back(
    sample_path: Path, user_folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = user_folders / "config" / "briefing" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('style = "harvard"\n', encoding="utf-8")
    assert main(["cite", "q-su57-order", "--brief", str(sample_path)]) == 0
    captured = capsys.readouterr()
    assert "warning:" in captured.err and "'harvard'" in captured.err
    assert captured.out.endswith("— [Report on fighter deliveries], n.d., ¶ 2\n")


def test_unknown_id_names_the_closest_and_exits_1(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cite", "q-deal-signd", "--brief", str(sample_path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "briefing cite: no item with id 'q-deal-signd'; "
        "closest: q-deal-signed, q-deal-critics, q-delays\n"
    )


def test_a_broken_brief_is_a_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "briefs" / "broken.yaml"
    broken.parent.mkdir()
    broken.write_text("format: briefing/1\nid: [\n", encoding="utf-8")
    assert main(["cite", "x", "--brief", str(broken)]) == 1
    assert "not a valid brief" in capsys.readouterr().err
    assert main(["export", "--brief", str(tmp_path / "missing.yaml")]) == 1


def test_export_writes_the_file_atomically(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out" / "report.html"
    target.parent.mkdir()
    target.write_text("old report", encoding="utf-8")
    assert main(["export", "--brief", str(sample_path), "--format", "html", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]
    assert main(["export", "--brief", str(sample_path)]) == 0
    assert capsys.readouterr().out.startswith("# Harbours and fighters\n")


def test_cite_and_export_never_import_textual(sample_path: Path) -> None:
    code = (
        "import sys\nfrom briefing.cli import main\n"
        f"main(['cite', 'ev-deal', '--brief', {str(sample_path)!r}, '--style', 'chicago'])\n"
        f"main(['export', '--brief', {str(sample_path)!r}, '--format', 'html'])\n"
        "import briefing.cite.basket, briefing.store.settings, briefing.cite.clipboard\n"
        "assert not [m for m in sys.modules if m.startswith(('textual', 'rapidfuzz'))], 'heavy'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
