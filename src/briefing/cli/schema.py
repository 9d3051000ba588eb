"""`briefing schema`: print the JSON Schema of the brief format."""

from __future__ import annotations

import argparse
import json
import sys

from briefing.brief.schema import json_schema


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No options."""


def run(args: argparse.Namespace) -> int:
    """Print the schema."""
    json.dump(json_schema(), sys.stdout, indent=2)
    print()
    return 0
