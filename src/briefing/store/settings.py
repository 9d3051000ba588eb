"""The user's settings: `config.toml` in the config folder.

    style = "apa"              # the citation style `c` copies with
    theme = "nord"             # any theme the palette's "Change theme" lists

    [keys]                     # remap keys by binding id (`?` in the app lists the keys)
    "briefing.copy" = "y"
    "briefing.search" = "slash,ctrl+f"

A missing file gives the defaults. A damaged file, an unknown setting, an unknown binding
id or an unusable key never stops the reader: `load()` keeps the defaults for what it
cannot use and says why in `Settings.warnings` (each problem once, with the closest valid
id for a misspelt one), for `briefing check --config` to print and the UI to show as a
notification. The binding ids and what makes a key usable are `briefing.keys`.
"""

from __future__ import annotations

from dataclasses import field, replace
from pathlib import Path

from briefing.cite.style_names import STYLES
from briefing.keymap import keymap_problems
from briefing.record import record
from briefing.sanitize import one_line
from briefing.store.files import FileMissing, FileRefused, config_dir, read_regular

DEFAULT_STYLE = "plain"
KNOWN = ("style", "theme", "keys")
MAX_SETTINGS_BYTES = 1024 * 1024


@record
class Settings:
    """What the user chose, and what could not be read."""

    style: str = DEFAULT_STYLE
    theme: str | None = None
    """A Textual theme's name; the app checks it against the themes it has."""
    keys: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = field(default=(), compare=False)


def config_path() -> Path:
    """Where the settings live: `config_dir()/config.toml`."""
    return config_dir() / "config.toml"


def load(path: Path | None = None) -> Settings:
    """Read the settings; defaults with a warning for anything unreadable or unknown.

    Every warning is sanitised here: it quotes the file's own text, which may hold escape
    sequences, and is shown in the terminal by the CLI and the UI alike.
    """
    settings = _load(path or config_path())
    return replace(settings, warnings=tuple(one_line(w) for w in settings.warnings))


def _load(path: Path) -> Settings:
    try:
        text = read_regular(path, MAX_SETTINGS_BYTES, what="a settings file").decode("utf-8")
    except FileMissing:
        return Settings()
    except FileRefused as refused:
        return Settings(warnings=(f"{path} {refused}; using the defaults",))
    except UnicodeDecodeError as error:
        return Settings(warnings=(f"{path}: cannot be read ({error}); using the defaults",))
    import tomllib  # only once there is a file: importing it cost the first frame 2 ms

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Settings(warnings=(f"{path}: cannot be read ({error}); using the defaults",))
    except RecursionError:
        return Settings(warnings=(f"{path}: nests too deeply to read; using the defaults",))
    warnings = [
        f"{path}: unknown setting {key!r} ignored (known: {', '.join(KNOWN)})"
        for key in data
        if key not in KNOWN
    ]
    keys = _keys(data.get("keys", {}), path, warnings, text)
    style = data.get("style", DEFAULT_STYLE)
    if not isinstance(style, str) or style not in STYLES:
        warnings.append(
            f"{path}: style {style!r} is not one of {', '.join(STYLES)}; using {DEFAULT_STYLE!r}"
        )
        style = DEFAULT_STYLE
    theme = data.get("theme")
    if theme is not None and not (isinstance(theme, str) and theme.strip()):
        warnings.append(f'{path}: theme must be a theme\'s name such as "nord"; ignored')
        theme = None
    return Settings(
        style=style, theme=theme.strip() if theme else None, keys=keys, warnings=tuple(warnings)
    )


def _keys(table: object, path: Path, warnings: list[str], text: str) -> dict[str, str]:
    """The `[keys]` table: binding id -> keys; what cannot be used is left out with a
    warning, a key taken from another command is kept with one. Warnings in file order."""
    if not isinstance(table, dict):
        warnings.append(f'{path}: `keys` must be a table of binding id = "key"; ignored')
        return {}
    keys: dict[str, str] = {}
    found: list[tuple[int, str]] = []
    for binding_id, key in _flat(table).items():
        if isinstance(key, str) and key.strip():
            keys[binding_id] = key.strip()
        else:
            found.append(_warning(path, text, binding_id, 'must be a key such as "y"; ignored'))
    for problem in keymap_problems(keys):
        if problem.ignored:
            del keys[problem.binding_id]
        why = f"{problem.why}; ignored" if problem.ignored else problem.why
        found.append(_warning(path, text, problem.binding_id, why))
    warnings.extend(warning for _, warning in sorted(found))
    return keys


def _warning(path: Path, text: str, binding_id: str, why: str) -> tuple[int, str]:
    """`PATH:LINE: keys."ID" WHY`, at the line that sets this id (else just `PATH`), and
    that line's number to sort by."""
    for number, line in enumerate(text.splitlines(), start=1):
        name = line.split("=", 1)[0].strip().strip("\"'")
        if "=" in line and name == binding_id:
            return number, f'{path}:{number}: keys."{binding_id}" {why}'
    return 0, f'{path}: keys."{binding_id}" {why}'


def _flat(table: dict[str, object], prefix: str = "") -> dict[str, object]:
    """A table with its dotted names joined back: TOML reads `briefing.copy = "y"` (no
    quotes) as a table `briefing` holding `copy`; it means the id `briefing.copy`."""
    flat: dict[str, object] = {}
    for name, value in table.items():
        if isinstance(value, dict):
            flat.update(_flat(value, f"{prefix}{name}."))
        else:
            flat[f"{prefix}{name}"] = value
    return flat
