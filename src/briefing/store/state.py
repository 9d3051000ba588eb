"""What the reader remembers between runs: the theme and citation style last chosen.

These are choices made in the app (`s` cycles the style, the palette picks a theme), kept
in `data_dir()/state.json`, written atomically under a lock. `config.toml` stays the
user's own file and is never written: it gives the starting values, and a value changed
there later wins over a remembered one (the state records what the config said when the
choice was made, so an edit of the config is noticed).
"""

from __future__ import annotations

import json
from pathlib import Path

from briefing.record import record
from briefing.store.files import data_dir, locked, write_atomic

FORMAT = "briefing-state/1"
CHOICES = ("theme", "style")


@record
class Remembered:
    """A remembered choice: the value, and what config.toml said when it was chosen."""

    value: str
    config: str | None = None


def state_path() -> Path:
    """Where the remembered choices live."""
    return data_dir() / "state.json"


def load_state(path: Path | None = None) -> tuple[dict[str, Remembered], str | None]:
    """The remembered choices, and a warning if the file could not be read (then none)."""
    path = path or state_path()
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return {}, f"{path}: cannot be read ({error}); the last theme and style are forgotten"
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        return {}, f"{path}: not a {FORMAT} file; the last theme and style are forgotten"
    found: dict[str, Remembered] = {}
    for name in CHOICES:
        entry = document.get(name)
        if isinstance(entry, dict) and isinstance(entry.get("value"), str):
            config = entry.get("config")
            found[name] = Remembered(entry["value"], config if isinstance(config, str) else None)
    return found, None


def remember(name: str, value: str, config: str | None, path: Path | None = None) -> None:
    """Keep one choice (and what config.toml said then), leaving the others as they are."""
    path = path or state_path()
    with locked(path):
        choices, _warning = load_state(path)
        choices[name] = Remembered(value, config)
        document: dict[str, object] = {"format": FORMAT}
        document.update({n: {"value": r.value, "config": r.config} for n, r in choices.items()})
        text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
        write_atomic(path, text.encode("utf-8"))


def choose(name: str, config: str | None, remembered: dict[str, Remembered]) -> str | None:
    """The value to start with: the remembered one unless config.toml changed since it was
    chosen; else the config's (None: neither says)."""
    kept = remembered.get(name)
    if kept is not None and kept.config == config:
        return kept.value
    return config
