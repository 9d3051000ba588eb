"""A text box whose editing keys take effect in order with the typing around them.

Textual runs a focused widget's key bindings (ctrl+u, ctrl+w, Home, ...) only once the key
has bubbled back up to the app, through a message queue per ancestor; the keys that came
with it reach the box first. So `ctrl+u` then `kal`, arriving together (fast typing while
a search is busy, a macro, tmux `send-keys`), typed `kal` and then wiped it all. Reported
in docs/upstream/textual-bugs.md (section 9); remove this when Textual fixes it.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class InOrderInput(Input):
    """An Input that runs its own key bindings as each key reaches it."""

    async def _on_key(self, event: events.Key) -> None:
        if not event.is_printable and await self._run_own_binding(event.key):
            event.stop()  # handled here: it must not bubble up and run a second time
            event.prevent_default()
            return
        await super()._on_key(event)

    async def _run_own_binding(self, key: str) -> bool:
        """Run this box's binding for key (after the user's keymap), if it has one."""
        chain = self.screen._binding_chain  # the focused node's bindings come first
        if not chain or chain[0][0] is not self:
            return False
        for binding in chain[0][1].key_to_bindings.get(key, ()):
            if not binding.priority and await self.app.run_action(binding.action, self):
                return True
        return False
