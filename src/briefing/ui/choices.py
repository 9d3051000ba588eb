"""The theme and citation style the app starts with, and remembering the user's changes.

config.toml gives the starting values; a choice made in the app (`s`, the palette's theme
picker) is remembered in the state file (`briefing.store.state`) and wins at the next
start, until config.toml itself is changed.
"""

from __future__ import annotations

from briefing.cite.style_names import STYLES
from briefing.store import state
from briefing.store.settings import Settings, config_path


class Choices:
    """What config.toml and the remembered choices say about the theme and the style."""

    def __init__(self, config: Settings) -> None:
        self.config = config
        self.remembered, warning = state.load_state()
        self.warnings: list[str] = [warning] if warning else []

    def style(self, flag: str | None) -> str:
        """The style to start with: `--style`, else the remembered one, else config's."""
        chosen = flag or state.choose("style", self.config.style, self.remembered)
        return chosen if chosen in STYLES else self.config.style

    def theme(self, available: set[str]) -> str | None:
        """The theme to start with, if any is chosen and the app has it; a configured theme
        the app does not have is reported in `warnings`."""
        chosen = state.choose("theme", self.config.theme, self.remembered)
        if chosen is None or chosen in available:
            return chosen
        if chosen == self.config.theme:
            names = ", ".join(sorted(available))
            self.warnings.append(f"{config_path()}: theme {chosen!r} is not one of {names}")
        return self.config.theme if self.config.theme in available else None

    def remember(self, name: str, value: str) -> str | None:
        """Keep a choice for the next start; a warning if it could not be written."""
        config = self.config.style if name == "style" else self.config.theme
        try:
            state.remember(name, value, config)
        except OSError as error:
            return f"Could not remember the {name} ({error.strerror}); it resets at the next start"
        return None
