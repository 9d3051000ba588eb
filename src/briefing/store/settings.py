"""The user's settings: `config.toml` in the config folder.

    style = "apa"              # the citation style `c` copies with

    [keys]                     # remap keys by binding id (`?` in the app lists the keys)
    "briefing.copy" = "y"
    "briefing.search" = "slash,ctrl+f"

A missing file gives the defaults. A damaged file, an unknown key or a bad value never
stops the reader: `load()` keeps the defaults for what it cannot use and says why in
`Settings.warnings`, for the CLI to print and the UI to show as a notification.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from briefing.cite.style_names import STYLES
from briefing.store.files import config_dir

DEFAULT_STYLE = "plain"
KNOWN = ("style", "keys")


@dataclass(frozen=True, slots=True)
class Settings:
    """What the user chose, and what could not be read."""

    style: str = DEFAULT_STYLE
    keys: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = field(default=(), compare=False)


def config_path() -> Path:
    """Where the settings live: `config_dir()/config.toml`."""
    return config_dir() / "config.toml"


def load(path: Path | None = None) -> Settings:
    """Read the settings; defaults with a warning for anything unreadable or unknown."""
    path = path or config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Settings(warnings=(f"{path}: cannot be read ({error}); using the defaults",))
    warnings = [
        f"{path}: unknown setting {key!r} ignored (known: {', '.join(KNOWN)})"
        for key in data
        if key not in KNOWN
    ]
    keys = _keys(data.get("keys", {}), path, warnings)
    style = data.get("style", DEFAULT_STYLE)
    if not isinstance(style, str) or style not in STYLES:
        warnings.append(
            f"{path}: style {style!r} is not one of {', '.join(STYLES)}; using {DEFAULT_STYLE!r}"
        )
        style = DEFAULT_STYLE
    return Settings(style=style, keys=keys, warnings=tuple(warnings))


def _keys(table: object, path: Path, warnings: list[str]) -> dict[str, str]:
    """The `[keys]` table: binding id -> keys; anything else is skipped with a warning."""
    if not isinstance(table, dict):
        warnings.append(f'{path}: `keys` must be a table of binding id = "key"; ignored')
        return {}
    keys = {}
    for binding_id, key in table.items():
        if isinstance(key, str) and key.strip():
            keys[binding_id] = key.strip()
        else:
            warnings.append(f'{path}: keys.{binding_id} must be a key such as "y"; ignored')
    return keys
