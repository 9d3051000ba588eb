"""The app's screens. `optional` finds a screen (or helper) that may not be written yet."""

from __future__ import annotations

import importlib
from typing import Any


def optional(module: str, name: str) -> Any | None:
    """`module.name` if that module exists, else None (so the caller can say so).

    Only a missing `module` itself counts: an import error inside it is a bug and raises.
    """
    try:
        found = importlib.import_module(module)
    except ModuleNotFoundError as error:
        if error.name == module:
            return None
        raise
    return getattr(found, name, None)
