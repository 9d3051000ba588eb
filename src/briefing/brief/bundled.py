"""The briefs that ship inside the package, in its `bundled/briefs` folder."""

from __future__ import annotations

from pathlib import Path

import briefing

DEFAULT_BRIEF = "india-russia-2025.yaml"


def briefs_dir() -> Path:
    """The folder of bundled briefs: a real folder beside the package's modules (the wheel
    installs it unzipped), so no importlib.resources, whose import the reader's first
    frame would wait for."""
    return Path(briefing.__file__).parent / "bundled" / "briefs"


def default_brief() -> Path:
    """The brief `briefing` opens when given none."""
    return briefs_dir() / DEFAULT_BRIEF
