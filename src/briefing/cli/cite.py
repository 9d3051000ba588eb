"""`briefing cite ID [--brief PATH] [--style S]`: print one item exactly as `c` copies it."""

from __future__ import annotations

import argparse

from briefing.cite.citations import cite_item
from briefing.cite.gathering import UnknownItem
from briefing.cite.style_names import STYLES
from briefing.cli.common import add_brief_argument, open_brief
from briefing.cli.output import out, say


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options."""
    parser.add_argument("id", help="the id of an excerpt, event, topic, figure, dispute, ...")
    add_brief_argument(parser)
    parser.add_argument(
        "--style",
        choices=STYLES,
        help="citation style (default: `style` in config.toml, else plain)",
    )


def chosen_style(style: str | None) -> str:
    """The style asked for, else the config file's (its warnings go to stderr)."""
    if style:
        return style
    from briefing.store import settings

    loaded = settings.load()
    for warning in loaded.warnings:
        say(f"warning: {warning}")
    return loaded.style


def run(args: argparse.Namespace) -> int:
    """Print the item; exit 1 naming the closest ids when there is no such item."""
    brief = open_brief(args.brief)
    if brief is None:
        return 1
    style = chosen_style(args.style)
    try:
        text = cite_item(brief, args.id, style)
    except UnknownItem as error:
        say(f"briefing cite: {error}")
        return 1
    out(text)
    return 0
