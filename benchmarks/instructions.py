"""Instructions executed until the brief's text is painted, against a bare Textual app.

CPU time on a shared machine drifts by a third from one minute to the next, which is
more than the differences worth measuring at start-up. Instructions do not drift:
valgrind (cachegrind, no cache simulation) counts every instruction of the process, the
interpreter's start included, until the known text is written to the pseudo-terminal,
and the same run gives the same count to within a fraction of a per cent. The ratio to
the bare app is a close, slightly pessimistic stand-in for the CPU ratio that
`startup.py` reports: system time (loading shared libraries, page faults) is not counted.

    python benchmarks/instructions.py            # bundled brief, warm cache
    python benchmarks/instructions.py --no-cache

Needs valgrind (Debian: `apt-get install valgrind`). Each run takes a few seconds.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from startup import BARE, BRIEFING, SIZE, compile_bytecode, warm  # noqa: E402

# The child stops itself once the known text is written: valgrind counts up to there.
STOPPER = """
import os, sys
from textual.drivers.linux_driver import LinuxDriver
marker = os.environ["BRIEFING_BENCH_MARKER"]
write = LinuxDriver.write
def write_then_stop(self, data):
    write(self, data)
    if marker in data:
        os._exit(0)
LinuxDriver.write = write_then_stop
"""


def run_on_pty(command: list[str], env: dict[str, str]) -> None:
    """Run the command on a pseudo-terminal of the benchmark's size until it exits,
    reading (and dropping) what it writes."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    while process.poll() is None:
        if select.select([master], [], [], 0.5)[0]:
            try:
                os.read(master, 1 << 16)
            except OSError:
                break
    process.wait()
    os.close(master)


def count(code: str, marker: str, env: dict[str, str]) -> int:
    """Instructions until `marker` is painted by a fresh process running `code`."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "cachegrind.out"
        log = Path(folder) / "valgrind.log"
        command = [
            "valgrind",
            "--tool=cachegrind",
            "--cache-sim=no",
            f"--cachegrind-out-file={out}",
            f"--log-file={log}",
            sys.executable,
            "-c",
            STOPPER + code,
        ]
        run_on_pty(command, {**env, "BRIEFING_BENCH_MARKER": marker, "PYTHONHASHSEED": "0"})
        found = re.search(r"I\s+refs:\s+([\d,]+)", log.read_text())
        if found is None:
            raise SystemExit(f"valgrind gave no count:\n{log.read_text()}")
        return int(found.group(1).replace(",", ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-cache", action="store_true", help="an empty cache each run")
    options = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 1
    compile_bytecode()
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "XDG_CACHE_HOME": cache, "TERM": "xterm-256color"}
        if not options.no_cache:
            from briefing.brief.bundled import default_brief

            warm(str(default_brief()), env)
        bare = count(BARE, "hello world", env)
        ours = count(BRIEFING, "Putin", env)
    case = "no cache" if options.no_cache else "warm cache"
    print(f"bare Textual app:           {bare / 1e6:8.1f} M instructions")
    print(f"bundled brief, {case}: {ours / 1e6:8.1f} M instructions = {ours / bare:.2f} x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
