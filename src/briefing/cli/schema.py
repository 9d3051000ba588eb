"""`briefing schema`: print the JSON Schema of the brief format."""

from __future__ import annotations

import argparse

from briefing.brief.schema import json_schema
from briefing.cli.output import out_json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No options."""


def run(args: argparse.Namespace) -> int:
    """Print the schema."""
    out_json(json_schema())
    return 0
