"""Every command a user can give by key, each declared once, and what `[keys]` may remap.

A `Command` is one declaration holding all that the places showing or running it need:

- `id`: what users remap in config.toml (`"briefing.copy" = "y"`); one id, one command;
- `action`: the action it runs on its screen or widget (`copy` calls `action_copy`);
- `keys`: its default keys, in Textual's names (`"n,right_square_bracket"`);
- `footer`: the short text of the footer and key bar; `help`: the sentence the help
  screen and the palette show (empty: the footer text is enough);
- `show`: whether the footer shows it; `priority`: whether it beats the focused widget.

The commands of one screen or widget are grouped in a tuple (`MAIN_SCREEN`,
`SOURCE_READER`, ...) and that tuple is all the UI needs:

    from briefing import keys
    from briefing.ui.bindings import bindings

    class SourceReaderScreen(Screen[None]):
        BINDINGS = bindings(keys.SOURCE_READER)   # keys, footer, help and remapping
        def action_step(self, direction: int) -> None: ...

A screen that offers its commands in the palette also sets `PALETTE = keys.MAIN_SCREEN`.
To add a command: declare it here, add it to its group (and to `GROUPS` if it is a new
group), and give the screen or widget the `action_...` method. A test checks that every
binding with an id in the UI comes from here, and that ids are unique.

One command can read differently on one screen (`COPY.described("Copy quote")`): the id,
keys and action stay the same, so one remapping applies on every screen that has it.

What a `[keys]` table may remap is checked in `briefing.keymap`. This module never
imports Textual: the CLI (`briefing check --config`) reads it too.
"""

from __future__ import annotations

from dataclasses import replace

from briefing.record import record


@record
class Command:
    """One thing the user can do by key; see the module docstring."""

    id: str
    action: str
    keys: str
    footer: str
    help: str = ""
    show: bool = True
    priority: bool = False

    def described(
        self, footer: str | None = None, help: str | None = None, *, show: bool | None = None
    ) -> Command:
        """The same command (id, keys, action) as one screen words it (and whether its
        footer shows it)."""
        return replace(
            self,
            footer=self.footer if footer is None else footer,
            help=self.help if help is None else help,
            show=self.show if show is None else show,
        )


# Commands that several screens share ------------------------------------------------

BACK = Command("briefing.back", "back", "escape", "Back")
HELP = Command("briefing.help", "help", "question_mark", "Help")
COPY = Command("briefing.copy", "copy", "c", "Copy", "Copy the item with its citation")
ADD = Command("briefing.add_to_basket", "add_to_basket", "a", "Add to basket", show=False)
QUIT = Command("briefing.quit", "quit", "q", "Quit")
CLOSE = Command("briefing.close", "close", "q", "Close", "Close this screen", show=False)
EDIT = Command(
    "briefing.edit",
    "edit",
    "E",
    "Edit",
    "Edit the brief at this item in $VISUAL or $EDITOR; it reloads on return",
    show=False,
)
SHARED: tuple[Command, ...] = (BACK, HELP, COPY, ADD, QUIT, CLOSE, EDIT)
"""Commands with the same id on several screens, as declared before any screen's wording."""


def _main(name: str, key: str, footer: str, help: str, show: bool = False) -> Command:
    return Command(f"briefing.{name}", name, key, footer, help, show=show)


MAIN_SCREEN: tuple[Command, ...] = (
    _main("open_source", "o", "Open", "Open the selected excerpt's article", show=True),
    _main("search", "slash", "Search", "Search the whole brief", show=True),
    COPY.described(help="Copy the selected item with its citation"),
    ADD.described("Add", "Add the selected item to the basket"),
    _main("basket", "b", "Basket", "Show the basket of collected items"),
    _main("cycle_style", "s", "Style", "Cycle the citation style used for copying"),
    _main("disputes", "d", "Disputes", "Show the disputes between sources"),
    _main("figures", "f", "Figures", "Show the key figures as a table"),
    _main("entities", "e", "Entities", "Show people, places and organisations"),
    _main("clear_filters", "x", "Clear", "Clear every filter and narrowing", show=True),
    _main(
        "focus_detail",
        "i",
        "Detail",
        "Move into the detail pane, keeping its item: choose its quotes (↑/↓), claims (←/→)",
    ),
    BACK.described(help="Clear the last narrowing (event, entity, topic)"),
    _main(
        "overview", "escape", "Overview", "Back to the overview: summary, disputes, figures", True
    ),
    EDIT,
    HELP.described(help="Show every key"),
    QUIT.described(help="Quit briefing"),
)
"""The main screen; each is also in its command palette."""


def main_command(name: str) -> Command:
    """The main screen's command `briefing.NAME`."""
    return next(c for c in MAIN_SCREEN if c.id == f"briefing.{name}")


OVERVIEW_SCREEN: tuple[Command, ...] = (
    Command(
        "briefing.focus_next",
        "app.focus_next",
        "tab",
        "Next",
        "Move to the next part: summary, disputes, figures",
    ),
    Command("briefing.panes", "panes", "t", "Timeline", "Show the topics, timeline and excerpts"),
    *(
        main_command(name).described(show=True)
        for name in ("search", "disputes", "figures", "entities", "add_to_basket", "basket")
    ),
    Command(
        "briefing.command_palette",
        "app.command_palette",
        "ctrl+p",
        "Jump",
        "Jump to any topic, event, source or entity",
        priority=True,
    ),
    main_command("help"),
    main_command("copy").described(show=False),
    main_command("cycle_style"),
    main_command("quit").described(show=False),
    EDIT,
)
"""The overview: the main screen's keys where they do the same, and its own."""

OVERVIEW_LIST: tuple[Command, ...] = (
    Command(
        "overview.open",
        "choose",
        "enter",
        "Open",
        "Open the selected dispute or figure on its own screen",
    ),
)
"""The overview's lists of disputes and figures."""

NEXT_CLAIM = Command(
    "prose.next_claim",
    "step_claim(1)",
    "right,right_square_bracket",
    "Next claim",
    "Select the next claim's evidence marker",
    show=False,
)
PREVIOUS_CLAIM = Command(
    "prose.previous_claim",
    "step_claim(-1)",
    "left,left_square_bracket",
    "Previous claim",
    "Select the previous claim's evidence marker",
    show=False,
)
EVIDENCE = Command(
    "prose.evidence",
    "evidence",
    "enter",
    "Evidence",
    "List the quotes behind the selected claim (the first, if none is selected)",
    show=False,
)
CLAIMS: tuple[Command, ...] = (NEXT_CLAIM, PREVIOUS_CLAIM, EVIDENCE)
"""Wherever prose with inline citations is shown: its claims' markers are selectable."""

PROSE: tuple[Command, ...] = (
    Command("prose.down", "scroll_down", "j", "Down", show=False),
    Command("prose.up", "scroll_up", "k", "Up", show=False),
    Command("prose.top", "scroll_home", "g", "Top", show=False),
    Command("prose.bottom", "scroll_end", "G", "Bottom", show=False),
    *CLAIMS,
    COPY.described(help="Copy this text with its claims' citations", show=False),
)
"""A summary shown as prose (on the overview): its claims' markers are selectable."""

ITEM_SCREEN: tuple[Command, ...] = (
    BACK,
    HELP,
    COPY.described(help="Copy the selected quote, or the whole item on its own row"),
    ADD.described(help="Add the selected quote, or the whole item on its own row, to the basket"),
    main_command("open_source").described(
        help="Open the selected quote (on an item's row, its first) in its article"
    ),
    CLOSE,
    EDIT,
)
"""Every screen over some items (disputes, figures, entities): c, a and o act on the quote
under the cursor, or on the whole item on its own row."""

EVIDENCE_SCREEN: tuple[Command, ...] = (
    Command(
        "evidence.open", "open_source", "o", "Open", "Open the highlighted quote in its article"
    ),
)
"""The quotes behind a claim (with the keys of every item screen)."""

ENTITIES_SCREEN: tuple[Command, ...] = (Command("entities.kind", "cycle_kind", "f", "Kind filter"),)

SOURCE_READER: tuple[Command, ...] = (
    BACK.described(help="Close the find field, the selection or the search; else go back"),
    CLOSE,
    HELP,
    Command("reader.find", "find", "slash", "Find", "Find text in the article, like less"),
    Command(
        "reader.next",
        "next_match(1)",
        "n",
        "Next match",
        "The next match (without a search: the next quote)",
    ),
    Command("reader.previous_match", "next_match(-1)", "N", "Previous match", show=False),
    Command("reader.next_quote", "step(1)", "right_square_bracket", "Next quote", show=False),
    Command("reader.previous", "step(-1)", "p,left_square_bracket", "Previous quote"),
    Command("reader.top", "top", "g,home", "Top", "The top of the article", show=False),
    Command("reader.bottom", "bottom", "G,end", "Bottom", "The end of the article", show=False),
    Command(
        "reader.select", "visual", "v", "Select", "Select a passage (v again or Escape drops it)"
    ),
    COPY.described(help="Copy the selection, else the quote, with its citation"),
    ADD.described(help="Add the selection, else the quote, to the basket"),
    Command(
        "reader.details", "details", "i", "Details", "The source's details and notes", show=False
    ),
    Command(
        "reader.add_excerpt",
        "add_excerpt",
        "A",
        "New excerpt",
        "Add the selection to the brief as a new excerpt",
        show=False,
    ),
    EDIT.described(help="Edit the brief at this quote in $VISUAL or $EDITOR; it reloads on return"),
)

ARTICLE: tuple[Command, ...] = (
    Command(
        "reader.scroll_down",
        "down",
        "j,down",
        "Down",
        "Down (a selection: one more line)",
        show=False,
    ),
    Command(
        "reader.scroll_up",
        "up",
        "k,up",
        "Up",
        "Up (a selection: take the last extension back)",
        show=False,
    ),
    Command("reader.page_down", "page_down", "space", "Page down", show=False),
    Command(
        "reader.extend_sentence",
        "sentence(1)",
        "right_parenthesis",
        "Sentence",
        "Selection: one more sentence",
        show=False,
    ),
    Command(
        "reader.take_back",
        "sentence(-1)",
        "left_parenthesis",
        "Take back",
        "Selection: take the last extension back",
        show=False,
    ),
)
"""The article in the source reader."""

SEARCH_SCREEN: tuple[Command, ...] = (
    BACK,
    Command("search.down", "move(1)", "down", "Next", show=False),
    Command("search.up", "move(-1)", "up", "Previous", show=False),
    Command("search.pagedown", "move(10)", "pagedown", "Page down", show=False),
    Command("search.pageup", "move(-10)", "pageup", "Page up", show=False),
    Command("search.complete", "complete", "tab", "Complete", show=False, priority=True),
)

BASKET_SCREEN: tuple[Command, ...] = (
    BACK,
    Command("basket.up", "move(-1)", "shift+up,K", "Move up"),
    Command("basket.down", "move(1)", "shift+down,J", "Move down"),
    Command("basket.remove", "remove", "delete,x", "Remove", "Remove the clip (u puts it back)"),
    Command(
        "basket.undo", "undo_remove", "u", "Undo", "Put the last removed clip back", show=False
    ),
    Command("basket.note", "note", "n", "Note"),
    Command("basket.copy", "copy_memo", "c", "Copy memo"),
    Command(
        "basket.export",
        "export_memo",
        "e",
        "Save memo",
        "Save the memo: choose a format and a file",
    ),
    HELP,
    CLOSE,
)

MEMO_DIALOG: tuple[Command, ...] = (
    Command("memo.cancel", "cancel", "escape", "Cancel", "Close without saving"),
)
"""Where and how to save the memo."""

NEW_EXCERPT_DIALOG: tuple[Command, ...] = (
    Command("excerpt.save", "save", "ctrl+s", "Add", "Add the excerpt to the brief", priority=True),
    Command("excerpt.cancel", "cancel", "escape", "Cancel", "Close without adding"),
)
"""A new excerpt's id and topics, from the source reader."""

SOURCE_DETAILS: tuple[Command, ...] = (
    Command("details.close", "close", "escape,i,q", "Close", "Back to the article"),
)
"""A source's details over the reader."""

PICKER_SCREEN: tuple[Command, ...] = (BACK, QUIT, HELP)

HELP_SCREEN: tuple[Command, ...] = (
    Command("help.close", "close", "escape,question_mark", "Close help"),
    Command("help.close_q", "close", "q", "Close help", show=False),
)

ROWS: tuple[Command, ...] = (
    Command("rows.up", "cursor_up", "up,k", "Up", show=False),
    Command("rows.down", "cursor_down", "down,j", "Down", show=False),
    Command("rows.page_up", "page_up", "pageup", "Page up", show=False),
    Command("rows.page_down", "page_down", "pagedown", "Page down", show=False),
    Command("rows.first", "first", "home,g", "First", show=False),
    Command("rows.last", "last", "end,G", "Last", show=False),
    Command("rows.choose", "choose", "enter", "Choose", show=False),
)
"""Every row list (the timeline and the excerpts)."""

TIMELINE: tuple[Command, ...] = (
    Command(
        "timeline.choose",
        "choose",
        "enter",
        "Its excerpts",
        "Show only this event's excerpts",
        show=False,
    ),
)

EXCERPTS: tuple[Command, ...] = (
    Command(
        "excerpts.choose", "choose", "enter", "Open", "Open the article at this quote", show=False
    ),
)

TOPICS: tuple[Command, ...] = (
    Command("topics.down", "cursor_down", "j", "Down", show=False),
    Command("topics.up", "cursor_up", "k", "Up", show=False),
    Command(
        "topics.filter",
        "select_cursor",
        "enter",
        "Filter",
        "Narrow the timeline and excerpts to this topic (and its subtopics)",
        show=False,
    ),
)

ITEM_LIST: tuple[Command, ...] = (
    Command("list.down", "cursor_down", "j", "Down", show=False),
    Command("list.up", "cursor_up", "k", "Up", show=False),
)
"""The option lists of the secondary screens."""

FIGURES_SCREEN: tuple[Command, ...] = (
    Command(
        "figures.sort",
        "cycle_sort",
        "r",
        "Sort",
        "Sort the figures: brief order, value, label, period",
    ),
)
"""The figures screen, beside ITEM_SCREEN's keys."""

DETAIL: tuple[Command, ...] = (
    Command("detail.down", "quote(1)", "down,j", "Next quote", show=False),
    Command("detail.up", "quote(-1)", "up,k", "Previous quote", show=False),
    *CLAIMS,
)
"""The main screen's detail pane: ↑/↓ choose one of the item's quotes (c, a and o then act
on it alone; above the first, on the whole item), ←/→ one of its claims' markers."""

GROUPS: dict[str, tuple[Command, ...]] = {
    "the main screen": MAIN_SCREEN,
    "the overview": OVERVIEW_SCREEN,
    "the disputes screen": ITEM_SCREEN,
    "the figures screen": ITEM_SCREEN + FIGURES_SCREEN,
    "the entities screen": ITEM_SCREEN + ENTITIES_SCREEN,
    "the evidence behind a claim": ITEM_SCREEN + EVIDENCE_SCREEN,
    "the source reader": SOURCE_READER,
    "the article": ARTICLE,
    "search": SEARCH_SCREEN,
    "the basket": BASKET_SCREEN,
    "saving the memo": MEMO_DIALOG,
    "a source's details": SOURCE_DETAILS,
    "a new excerpt": NEW_EXCERPT_DIALOG,
    "the brief picker": PICKER_SCREEN,
    "help": HELP_SCREEN,
    "lists": ROWS,
    "the timeline": ROWS + TIMELINE,
    "the excerpts": ROWS + EXCERPTS,
    "the overview's lists": ROWS + OVERVIEW_LIST,
    "the summary": PROSE,
    "the topics": TOPICS,
    "the detail pane": DETAIL,
    "option lists": ITEM_LIST,
    "the figures table": ROWS,
}
"""Where each group of commands applies: the keys within one group must differ."""


def all_commands() -> dict[str, Command]:
    """Every command by id, as declared (before any screen's own wording)."""
    found: dict[str, Command] = {}
    for group in (SHARED, *GROUPS.values()):
        for command in group:
            found.setdefault(command.id, command)
    return found
