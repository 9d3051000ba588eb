"""`briefing cite ID [--brief PATH] [--style S]`: print one item exactly as `c` copies it."""

from __future__ import annotations

import argparse
import sys

from briefing.cite.citations import UnknownItem, cite_item
from briefing.cite.style_names import STYLES
from briefing.cli.common import add_brief_argument, open_brief
from briefing.sanitize import one_line


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
        print(f"warning: {one_line(warning)}", file=sys.stderr)
    return loaded.style


def run(args: argparse.Namespace) -> int:
    """Print the item; exit 1 naming the closest ids when there is no such item."""
    brief = open_brief(args.brief)
    if brief is None:
        return 1
    style = chosen_style(args.style)
    try:
        print(cite_item(brief, args.id, style))
    except UnknownItem as error:
        print(f"briefing cite: {one_line(str(error))}", file=sys.stderr)
        return 1
    return 0
