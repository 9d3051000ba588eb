"""`briefing search`: ranked hits as text or JSON, and clear failures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cli import main


def test_prints_ranked_hits_with_where_they_come_from(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "twelve", "aircraft", "--brief", str(sample_path)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:2] == [
        "excerpt  q-su57-order  ([Report on fighter deliveries] ¶2)",
        "    The Su-57 order, placed in 2021, covers twelve aircraft in all.",
    ]


def test_limit_and_typo(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "kaliningard", "--limit", "1", "--brief", str(sample_path)]) == 0
    assert capsys.readouterr().out == "entity   kaliningrad\n    Kaliningrad\n"


def test_json_is_a_list_of_hits(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "Sukhoi-57", "--json", "--brief", str(sample_path)]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [h["id"] for h in hits][:2] == ["su-57", "ev-order"]
    order = next(h for h in hits if h["id"] == "q-su57-order")
    assert order["kind"] == "excerpt"
    assert (order["source"], order["paragraph"], order["via"]) == ("src-fighters", 2, "Sukhoi-57")
    assert [order["preview"][a:b] for a, b in order["ranges"]] == ["57"]
    assert hits[1]["date"] == "2021"


def test_no_hit_says_so_and_exits_1(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "zebra", "--brief", str(sample_path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "no hits for 'zebra' in Harbours and fighters\n"


def test_bad_brief_prints_its_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: briefing/1\nid: [\n", encoding="utf-8")
    assert main(["search", "deal", "--brief", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:" in err
    assert err.endswith("1 problem; nothing searched\n")


def test_bad_limit_is_refused(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["search", "deal", "--limit", "0", "--brief", str(sample_path)])
    assert stop.value.code == 2
    assert "must be at least 1" in capsys.readouterr().err


def test_search_never_imports_textual(sample_path: Path) -> None:
    code = (
        "import sys; from briefing.cli import main; "
        f"main(['search', 'deal', '--brief', {str(sample_path)!r}]); "
        "print('textual' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "False"
