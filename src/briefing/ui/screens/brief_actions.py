"""The actions the main screen and the overview share: each opens another of the brief's
screens (search, disputes, figures, entities, basket) or acts on the app.

`BriefActions` is a mixin for a screen that has a `brief` and pushes screens with
`_push`, which shows on that screen any item id the pushed screen dismisses with. Each
screen is imported when first opened: the first frame needs none of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from briefing.brief.model import Brief


class BriefActions:
    """search, disputes, figures, entities, basket, edit, cycle_style and quit."""

    if TYPE_CHECKING:
        brief: Brief
        app: App[Any]

        def _push(self, screen: Screen[Any]) -> None: ...

        def selected_item_id(self) -> str | None: ...

    def action_search(self) -> None:
        """Search the whole brief; a hit is shown in its pane."""
        from briefing.ui.screens.search import SearchScreen

        self._push(SearchScreen(self.brief))

    def action_disputes(self, dispute_id: str | None = None) -> None:
        """The disputes, at the one asked for."""
        from briefing.ui.screens.disputes import DisputesScreen

        self._push(DisputesScreen(self.brief, dispute_id))

    def action_figures(self, figure_id: str | None = None) -> None:
        """The figures table, at the one asked for."""
        from briefing.ui.screens.figures import FiguresScreen

        self._push(FiguresScreen(self.brief, figure_id))

    def action_entities(self) -> None:
        """The entities; choosing one narrows the panes to it."""
        from briefing.ui.screens.entities import EntitiesScreen

        self._push(EntitiesScreen(self.brief))

    def action_basket(self) -> None:
        """The clip basket."""
        from briefing.ui.screens.basket import BasketScreen

        self._push(BasketScreen(self.brief))

    def action_edit(self) -> None:
        """E: the brief in the user's editor at the selected item; it reloads on return."""
        from briefing.ui.screens.base import edit_brief

        edit_brief(cast("Screen[Any]", self), self.selected_item_id())

    def action_cycle_style(self) -> None:
        """The next citation style."""
        cycle = getattr(self.app, "cycle_citation_style", None)
        if cycle is not None:
            cycle()

    async def action_quit(self) -> None:
        """Quit with exit status 0."""
        self.app.exit(return_code=0)
