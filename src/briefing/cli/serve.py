"""`briefing serve [BRIEF] [--host H] [--port P]`: the reader in a web browser.

textual-serve (the optional `serve` extra) starts one reader per browser tab and relays
its screen and keys. It listens on 127.0.0.1 unless told otherwise: anyone who can reach
the address can use the reader with the server user's files, and there is no login, so
another host is said loudly. In the browser, `c` copies to the browser's clipboard and
source links open in a new tab (Textual's web driver carries both to the page).
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys
from pathlib import Path

from briefing.cli.common import open_brief, say
from briefing.cli.output import flush_output, out

LOOPBACK = "127.0.0.1"
WEB_DRIVER = "textual.drivers.web_driver:WebDriver"
"""The value textual-serve gives TEXTUAL_DRIVER in the reader it starts."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options."""
    parser.add_argument("brief", nargs="?", type=Path, help="the brief (default: the bundled one)")
    parser.add_argument("--host", default=LOOPBACK, help=f"address to listen on ({LOOPBACK})")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (8000)")


def run(args: argparse.Namespace) -> int:
    """Check the brief, then serve the reader until Ctrl+C."""
    try:
        from textual_serve.server import Server
    except ImportError:
        say("briefing serve needs the serve extra: pip install 'briefing-reader[serve]'")
        return 1
    if not 0 < args.port < 65536:
        say(f"briefing serve: --port must be between 1 and 65535, not {args.port}")
        return 2
    brief = open_brief(args.brief, refused="not served")
    if brief is None:
        return 1
    if not is_loopback(args.host):
        warn_no_authentication(args.host, args.port)
    command = shlex.join([sys.executable, "-m", "briefing", str(brief.path.absolute())])
    out(f"Serving {brief.title!r} on http://{_url_host(args.host)}:{args.port} (Ctrl+C stops)")
    flush_output()  # shown now, not when the server stops
    server = Server(command, host=args.host, port=args.port, title="briefing")
    server.serve()
    return 0


def is_loopback(host: str) -> bool:
    """True for localhost and addresses such as 127.0.0.1 and ::1."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def warn_no_authentication(host: str, port: int) -> None:
    """Say, unmissably, that the reader is open to anyone who can reach host:port."""
    rule = "!" * 72
    for line in (
        rule,
        f"WARNING: briefing serve is listening on {host}:{port}, not on this machine only.",
        "There is NO authentication: anyone who can reach this address can read the brief,",
        "use your clip basket and save files as the user running this server.",
        "Use --host 127.0.0.1 (the default) unless that is what you want.",
        rule,
    ):
        say(line)


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
