"""The pattern of an item's id, in a module of its own: reading claim markers needs it at
the first frame, and the format's whole table (`briefing.brief.spec`) is not needed there."""

SLUG_PATTERN = r"[a-z0-9][a-z0-9-]*"
