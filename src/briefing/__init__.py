"""briefing: read briefs distilled from news articles, in the terminal."""

__version__ = "0.2.0"
