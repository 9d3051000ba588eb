"""The user's files: folders, atomic writes, settings."""
