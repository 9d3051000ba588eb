"""The Topics pane: the topic tree, each topic with how many excerpts it holds."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from briefing import keys
from briefing.brief.model import Brief
from briefing.ui.bindings import bindings
from briefing.ui.text import safe_line
from briefing.ui.widgets.rows import row_style
from briefing.views.narrowing import topic_scope

ALL_TOPICS = ""
"""The root node's data: choosing it clears the topic filter."""


def deep_counts(brief: Brief) -> dict[str, int]:
    """Excerpts under each topic and its subtopics, counted once each (one pass per topic)."""
    direct = brief.links["topic_excerpts"]
    counts: dict[str, int] = {}
    for topic in brief.topics:
        ids: set[str] = set()
        for topic_id in topic_scope(brief, topic.id):
            ids.update(direct.get(topic_id, ()))
        counts[topic.id] = len(ids)
    return counts


class TopicTree(Tree[str]):
    """Topics as a tree; node data is the topic id ("" for the root, meaning all topics)."""

    HELP_TITLE = "Topics"
    """How the help heads this pane's keys."""
    COMPONENT_CLASSES: ClassVar[set[str]] = {*Tree.COMPONENT_CLASSES, "topics--count"}
    DEFAULT_CSS = """
    TopicTree > .topics--count { color: $foreground 68%; }
    """
    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.TOPICS)

    def __init__(self, brief: Brief, *, id: str | None = None) -> None:
        label = Text.assemble("All topics ", f"{len(brief.excerpts):,}")
        super().__init__(label, data=ALL_TOPICS, id=id)
        self.brief = brief
        self.show_root = True
        self.guide_depth = 2
        self.auto_expand = False

    def on_mount(self) -> None:
        """Build the tree, fully expanded (briefs have tens of topics, not thousands)."""
        counts = deep_counts(self.brief)
        for topic in self.brief.root_topics():
            self._add(self.root, topic.id, counts)
        self.root.expand_all()

    def _add(self, parent: TreeNode[str], topic_id: str, counts: dict[str, int]) -> None:
        topic = self.brief.topic(topic_id)
        label = Text.assemble(safe_line(topic.title), " ", f"{counts[topic_id]:,}")
        children = self.brief.subtopics(topic_id)
        node = parent.add(label, data=topic_id, allow_expand=bool(children))
        for child in children:
            self._add(node, child.id, counts)

    async def _on_click(self, event: events.Click) -> None:
        """A click puts the cursor on a topic (the Detail pane shows it), as a click does on
        an event or an excerpt; a double click narrows to it, as Enter does."""
        meta = event.style.meta
        if "line" not in meta or meta.get("toggle", False):
            return  # Tree's own handler expands or collapses
        event.prevent_default()
        self.cursor_line = meta["line"]
        if event.chain >= 2:
            await self.run_action("select_cursor")

    def render_label(self, node: TreeNode[str], base_style: Style, style: Style) -> Text:
        """The label cut with an ellipsis to fit the pane, keeping the count whole (the
        Detail pane shows the full title when the topic is highlighted)."""
        label = super().render_label(node, base_style, style)
        count = label.plain.rsplit(" ", 1)[-1]
        if self.is_mounted:  # (the tree is first measured before it has styles)
            label.stylize(row_style(self, "topics--count"), -len(count))
        label.stylize(style, -len(count))  # on the cursor, the cursor's colours win
        room = self.scrollable_content_region.width - depth(node) * self.guide_depth
        if room <= 0 or label.cell_len <= room:
            return label
        title, tail = label[: -len(count) - 1], label[-len(count) - 1 :]
        if room - tail.cell_len < 6:  # too narrow to keep the count: cut the whole label
            title, tail = label, Text()
        title.truncate(max(room - tail.cell_len - 1, 0))
        title.rstrip()
        return Text.assemble(title, ("…", style), tail, end="")

    def get_label_width(self, node: TreeNode[str]) -> int:
        """Labels never reach past the pane (they end with an ellipsis instead), so the
        tree never scrolls sideways."""
        return min(super().get_label_width(node), max(self.scrollable_content_region.width, 1))

    def select_topic(self, topic_id: str) -> None:
        """Put the cursor on a topic's node (the root for "")."""
        for node in self._walk(self.root):
            if node.data == topic_id:
                self.move_cursor(node)
                return

    def _walk(self, node: TreeNode[str]) -> list[TreeNode[str]]:
        found = [node]
        for child in node.children:
            found.extend(self._walk(child))
        return found

    @property
    def highlighted_topic(self) -> str | None:
        """The topic id under the cursor ("" for all topics), if any."""
        node = self.cursor_node
        return None if node is None else node.data


def depth(node: TreeNode[str]) -> int:
    """How many ancestors a node has (the root has none)."""
    count, parent = 0, node.parent
    while parent is not None:
        count, parent = count + 1, parent.parent
    return count
