"""Selecting a claim's marker in prose and listing the quotes behind it, wherever prose with
inline citations is shown (the overview's summary, the detail pane): ←/→ (or [ and ])
move between the markers, Enter or a click on one lists its quotes (`EvidenceScreen`).

A widget that shows such prose mixes `ClaimMarkers` in, keeps `claims` (the backed
sentences in the order drawn, claim n being `claims[n - 1]`) and draws the marker of
`selected_claim` highlighted in `show_selected_claim`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widget import Widget

from briefing.brief.model import Brief
from briefing.brief.prose import Sentence

# A mixin, not a Widget subclass: as a base class of its own it would bring Widget's
# defaults (styles, can_focus) in ahead of the container it is mixed into.
if TYPE_CHECKING:
    _Mixin = Widget
else:
    _Mixin = object


class ClaimMarkers(_Mixin):
    """The keys and clicks on claim markers; see the module docstring."""

    claims: tuple[Sentence, ...] = ()
    selected_claim = 0
    """The number of the claim whose marker is selected (from 1), or 0 for none."""

    @property
    def claims_brief(self) -> Brief:
        """The brief the claims cite."""
        raise NotImplementedError

    def show_selected_claim(self) -> None:
        """Draw the text again with `selected_claim`'s marker highlighted, in view."""
        raise NotImplementedError

    def action_step_claim(self, direction: int) -> None:
        """Select the next (1) or previous (-1) claim's marker."""
        count = len(self.claims)
        if not count:
            self.notify("This text cites no evidence.", severity="warning")
            return
        if self.selected_claim == 0:
            self.selected_claim = 1 if direction > 0 else count
        elif 1 <= self.selected_claim + direction <= count:
            self.selected_claim += direction
        else:
            self.app.bell()
            return
        self.show_selected_claim()

    def action_evidence(self) -> None:
        """List the quotes behind the selected claim (the first when none is)."""
        if not self.claims:
            self.notify("This text cites no evidence.", severity="warning")
            return
        self.open_claim(self.selected_claim or 1)

    def open_claim(self, number: int) -> None:
        """Select claim `number` and show the quotes behind it (a click on its marker)."""
        from briefing.ui.screens.evidence import EvidenceScreen

        if not 1 <= number <= len(self.claims):
            return
        self.focus()
        if number != self.selected_claim:
            self.selected_claim = number
            self.show_selected_claim()
        claim = self.claims[number - 1]
        assert claim.evidence is not None
        self.app.push_screen(EvidenceScreen(self.claims_brief, claim.text, claim.evidence))


def forward_claim_click(widget: Widget, number: int) -> None:
    """A click on a marker in a child that draws the text: handled by the `ClaimMarkers`
    around it."""
    owner = next((a for a in widget.ancestors if isinstance(a, ClaimMarkers)), None)
    if owner is not None:
        owner.open_claim(number)
