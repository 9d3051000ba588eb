"""The briefs that ship inside the package, found through importlib.resources."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

DEFAULT_BRIEF = "india-russia-2025.yaml"


def briefs_dir() -> Path:
    """The folder of bundled briefs (a real folder: the wheel installs it unzipped)."""
    with as_file(files("briefing") / "bundled" / "briefs") as folder:
        return Path(folder)


def default_brief() -> Path:
    """The brief `briefing` opens when given none."""
    return briefs_dir() / DEFAULT_BRIEF
