"""The main screen shown again for a newer version of its brief (live reload), in place.

The panes are composed again from the new brief; the filters, the item under each
cursor and the focused pane are kept wherever they still exist in it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.brief.model import Brief, Entity, Event, Topic
from briefing.ui.widgets.detail import DetailPane
from briefing.ui.widgets.timeline import Timeline
from briefing.ui.widgets.topics import TopicTree
from briefing.views.narrowing import Narrowing

if TYPE_CHECKING:
    from briefing.ui.screens.main import MainScreen

FILTER_KINDS = {"topic": Topic, "entity": Entity, "event": Event}


async def reload_main(screen: MainScreen, brief: Brief) -> None:
    """Show `brief` on the main screen, keeping the reader's place where it can."""
    focused = screen.focused.id if screen.focused is not None else None
    event, excerpt = screen.cursor_event(), screen.cursor_excerpt()
    topic = screen.query_one(TopicTree).highlighted_topic
    screen.brief = brief
    kept = {name: getattr(screen.narrowing, name) for name in FILTER_KINDS}
    screen.narrowing = Narrowing(
        **{
            name: value if isinstance(brief.get(value or ""), FILTER_KINDS[name]) else None
            for name, value in kept.items()
        }
    )
    await screen.recompose()
    screen.query_one(TopicTree).border_title = "Topics"
    screen.query_one(DetailPane).border_title = "Detail"
    screen.apply_filters(
        event=event.id if event and brief.get(event.id) else None,
        excerpt=excerpt.id if excerpt and brief.get(excerpt.id) else None,
    )
    if topic and isinstance(brief.get(topic), Topic):
        screen.query_one(TopicTree).select_topic(topic)
    again = screen.query(f"#{focused}") if focused else None
    (again.first() if again else screen.query_one(Timeline)).focus()
