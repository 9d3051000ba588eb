"""Labels a person reads (issue 12, item 7): search hits, the basket and notifications name
items by their titles, never their ids; an author's note is never taken for a quote."""

from __future__ import annotations

from pathlib import Path

import pytest
from screens_host import Host
from textual.widgets import Input

from briefing.brief.model import Brief
from briefing.cli import main
from briefing.ui.screens.search import SearchResults, SearchScreen


async def hits_for(sample: Brief, query: str) -> list[str]:
    """The rows the search screen shows for a query, as shown."""
    app = Host(SearchScreen(sample))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.query_one(Input).value = query
        listing = app.screen.query_one(SearchResults)
        for _ in range(200):
            await pilot.pause()
            if listing.option_count:
                break
        return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def test_search_hits_name_items_by_title(sample: Brief) -> None:
    rows = await hits_for(sample, "container capacity deal add")
    dispute = next(row for row in rows if row.startswith("dispute"))
    assert dispute.startswith("dispute  How much container capacity")
    assert not any("d-capacity" in row for row in rows)
    rows = await hits_for(sample, "kind:topic fighters")
    assert rows[0].startswith("topic    Fighters")
    assert not any("t-fighters" in row for row in rows)


async def test_a_hit_in_an_authors_note_is_labelled_a_note(sample: Brief) -> None:
    rows = await hits_for(sample, "authority's own figure")
    note = next(row for row in rows if row.startswith("excerpt"))
    assert "\n  Note: The authority's own figure." in note


def test_the_command_line_labels_a_note_too(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "own figure", "--brief", str(sample_path)]) == 0
    out = capsys.readouterr().out
    assert "    note: The authority's own figure." in out
