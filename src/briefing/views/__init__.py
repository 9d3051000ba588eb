"""Views of a brief: what a narrowing lets through and what an item's detail lists.

Rules the main screen, search, the citations, export and the command line share, written
once: `narrowing` (a topic with all its descendants, an entity, an event; undo) and
`details` (an item's detail as parts to show; inferred values in square brackets).
"""
