"""`briefing serve`'s command line, without starting a server: the brief is checked first,
loopback is the default, and any other host is warned about loudly."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, ClassVar

import pytest

from briefing.cli import main
from briefing.cli.serve import is_loopback


class FakeServer:
    """Records how textual-serve's Server was asked to serve."""

    made: ClassVar[list[dict[str, Any]]] = []

    def __init__(self, command: str, host: str, port: int, title: str) -> None:
        FakeServer.made.append({"command": command, "host": host, "port": port})

    def serve(self) -> None:
        pass


@pytest.fixture
def fake_server(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    textual_serve = pytest.importorskip("textual_serve.server")
    FakeServer.made = []
    monkeypatch.setattr(textual_serve, "Server", FakeServer)
    return FakeServer.made


def test_serves_the_checked_brief_on_loopback_by_default(
    fake_server: list[dict[str, Any]], sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", str(sample_path), "--port", "8123"]) == 0
    [made] = fake_server
    assert (made["host"], made["port"]) == ("127.0.0.1", 8123)
    assert made["command"].startswith(sys.executable)
    assert str(sample_path.absolute()) in made["command"]
    captured = capsys.readouterr()
    assert "http://127.0.0.1:8123" in captured.out
    assert "WARNING" not in captured.err


def test_another_host_is_served_with_a_loud_warning(
    fake_server: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--host", "0.0.0.0"]) == 0
    err = capsys.readouterr().err
    assert "WARNING: briefing serve is listening on 0.0.0.0:8000" in err
    assert "NO authentication" in err


def test_a_brief_with_problems_is_not_served(
    fake_server: list[dict[str, Any]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: briefing/1\nid: [\n", encoding="utf-8")
    assert main(["serve", str(broken)]) == 1
    assert fake_server == []
    assert "not served" in capsys.readouterr().err


def test_a_port_out_of_range_is_refused(
    fake_server: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--port", "70000"]) == 2
    assert "--port must be between 1 and 65535" in capsys.readouterr().err


def test_without_the_extra_it_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    assert main(["serve"]) == 1
    assert "pip install 'briefing-reader[serve]'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("127.8.0.2", True),
        ("0.0.0.0", False),
        ("192.168.1.4", False),
        ("example.org", False),
    ],
)
def test_loopback_addresses(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback
