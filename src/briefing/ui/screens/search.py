"""Search: type, see the ranked hits at once, Enter to go to one, Escape to go back.

The index is built once per brief in a thread ("indexing…"); each keystroke runs the search
in an exclusive thread worker, so a newer keystroke makes an older search's results moot
and the screen never waits. Dismisses with the chosen item's id, or None.
"""

from __future__ import annotations

from typing import ClassVar, Protocol, runtime_checkable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.suggester import Suggester
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from briefing import keys
from briefing.brief.model import Brief
from briefing.memory import keep_out_of_gc
from briefing.sanitize import one_line
from briefing.search.hits import Hit
from briefing.search.index import SearchIndex, cached_index, completions, index_for
from briefing.search.query import Completion, parse_query
from briefing.search.ranking import search
from briefing.search.recent import load_recent, remember
from briefing.ui.bindings import bindings
from briefing.ui.screens.closing import ModalOnTop
from briefing.ui.text import safe_line
from briefing.ui.widgets.in_order_input import InOrderInput

LIMIT = 50
MAX_QUERY = 1000
"""The longest query the box takes: a paste past it is cut (a 1 MB paste made every
frame measure the whole line, a second each)."""
PLACEHOLDER = 'Search: words, "a phrase", -word, topic: source: entity: kind: year:'
HELP = "↑↓ choose · Enter go to it · Tab complete a filter · Esc back"


class FilterSuggester(Suggester):
    """Offers the first completion of the filter being typed at the end of the query."""

    def __init__(self, screen: SearchScreen) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.screen = screen

    async def get_suggestion(self, value: str) -> str | None:
        """The query with the filter under the cursor completed, when that extends it."""
        index = self.screen.index
        if index is None:
            return None
        found = completions(index, value, len(value), limit=1)
        if found and found[0].text.startswith(value[found[0].start :]):
            return value[: found[0].start] + found[0].text
        return None


@runtime_checkable
class TakesTyping(Protocol):
    """A screen with a text box that keys typed while it opened should go to."""

    def type_ahead(self, text: str) -> None: ...


class QueryInput(InOrderInput):
    """The search box: text past MAX_QUERY characters is cut rather than refused whole."""

    def replace(self, text: str, start: int, end: int) -> None:
        """Replace the text between start and end, keeping what fits."""
        room = MAX_QUERY - len(self.value) + abs(end - start)
        super().replace(text[: max(room, 0)], start, end)


class SearchResults(OptionList, can_focus=False):
    """The hits (or the recent searches); the input keeps the focus while choosing."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "search-results--match",
        "search-results--kind",
        "search-results--where",
    }
    DEFAULT_CSS = """
    SearchResults {
        text-wrap: nowrap;
        text-overflow: ellipsis;
        & > .search-results--match { color: $text-accent; text-style: bold underline; }
        & > .search-results--kind { color: $text-secondary; text-style: bold; }
        & > .search-results--where { color: $text-muted; }
    }
    """

    def hit_prompt(self, hit: Hit) -> Text:
        """Kind and where (or the id) on the first line; the preview, matches highlighted."""
        prompt = Text(end="", no_wrap=True, overflow="ellipsis")
        prompt.append(f"{hit.kind:<8} ", self.get_component_rich_style("search-results--kind"))
        prompt.append_text(
            safe_line(hit_heading(hit), self.get_component_rich_style("search-results--where"))
        )
        preview = safe_line(hit.preview)
        match = self.get_component_rich_style("search-results--match")
        for start, end in hit.ranges:
            preview.stylize(match, start, end)
        prompt.append("\n  ")
        if hit.part == "note":
            prompt.append("Note: ", "bold")  # the brief author's, not the quote
        prompt.append_text(preview)
        return prompt


def hit_heading(hit: Hit) -> str:
    """A hit's first line after its kind: where an excerpt is from (its source and ¶), or
    what the item is called and its date; never an id."""
    title = hit.title.rstrip("…")
    if hit.kind == "excerpt":
        heading = hit.where
    elif hit.preview.startswith(title) and hit.date:  # the preview already shows the title
        heading = hit.date
    else:
        heading = " · ".join(part for part in (hit.title, hit.date) if part)
    return (heading or hit.title) + (f" · names {hit.via}" if hit.via else "")


class SearchScreen(ModalOnTop[str | None]):
    """Fuzzy search over every item of the brief."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.SEARCH_SCREEN)
    DEFAULT_CSS = """
    SearchScreen {
        align: center top;
        #search-dialog {
            width: 90%;
            max-width: 120;
            height: 80%;
            margin-top: 2;
            border: round $accent;
            background: $surface;
            padding: 0 1;
        }
        #search-input { border: none; height: 1; padding: 0; margin-bottom: 1; }
        #search-status { height: 1; color: $text-muted; }
        #search-results { height: 1fr; border: none; padding: 0; }
        #search-help { height: 1; color: $text-muted; }
    }
    """

    def __init__(self, brief: Brief) -> None:
        super().__init__()
        self.brief = brief
        self.index: SearchIndex | None = cached_index(brief)
        self.rows: list[Hit | str] = []
        self.cycle: tuple[str, list[Completion], int] | None = None
        self._typed_ahead = ""
        """The query as Tab last completed it, the completions offered, the one shown."""

    def compose(self) -> ComposeResult:
        """The query, a status line, the results and a line of keys."""
        with Vertical(id="search-dialog") as dialog:
            dialog.border_title = "Search"
            yield QueryInput(
                placeholder=PLACEHOLDER,
                id="search-input",
                suggester=FilterSuggester(self),
                max_length=MAX_QUERY,
            )
            yield Static(id="search-status", markup=False)
            yield SearchResults(id="search-results")
            yield Static(HELP, id="search-help", markup=False)

    def type_ahead(self, text: str) -> None:
        """Text typed before the box had the focus: put it in the box (see BriefingApp)."""
        self._typed_ahead += text
        if self.is_mounted:
            self._take_typed_ahead()

    def _take_typed_ahead(self) -> None:
        field = self.query_one(Input)
        field.focus()
        field.insert_text_at_cursor(self._typed_ahead)
        self._typed_ahead = ""

    def on_mount(self) -> None:
        """Show the recent searches, and build the index if this brief has none yet."""
        self.query_one(Input).focus()
        if self._typed_ahead:
            self._take_typed_ahead()
        self._show_recent()
        if self.index is None:
            self._start_indexing()

    async def reload_brief(self, brief: Brief) -> None:
        """Live reload: the same query, searched again in the newer brief."""
        self.brief = brief
        self.index = cached_index(brief)
        if self.index is None:
            self._start_indexing()
        else:
            self._query_changed(self.query_one(Input).value)

    def _start_indexing(self) -> None:
        """Say so, and build (or fetch) the index of the brief shown, in a thread."""
        self._status("indexing…")
        self._build_index(self.brief)

    @work(thread=True, group="search-index")
    def _build_index(self, brief: Brief) -> None:
        """Build (or fetch) the brief's index off the UI thread."""
        index = index_for(brief)
        self.app.call_from_thread(self._index_ready, brief, index)

    def _index_ready(self, brief: Brief, index: SearchIndex) -> None:
        if brief is not self.brief:
            return  # a reload came while it was built: the newer brief's index is coming
        keep_out_of_gc()  # the index lives as long as the app, like the brief
        self.index = index
        self._status("")
        self._query_changed(self.query_one(Input).value)

    # Searching ---------------------------------------------------------------------------

    @on(Input.Changed, "#search-input")
    def _on_changed(self, event: Input.Changed) -> None:
        if event.value == event.input.value:  # else a newer Changed is queued behind it
            self._query_changed(event.value)

    def _query_changed(self, text: str) -> None:
        if parse_query(text).is_empty:
            self._show_recent(text)
        elif self.index is not None:
            self._search(text, self.index)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, text: str, index: SearchIndex) -> None:
        """Search in a thread; a newer keystroke's search supersedes this one."""
        hits = search(index, text, limit=LIMIT)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_hits, text, hits)

    def _show_hits(self, text: str, hits: list[Hit]) -> None:
        fields, lists = self.query(Input), self.query(SearchResults)
        if not fields or not lists:
            return  # the screen closed while the search ran
        if text != fields.first().value:
            return  # a newer search is on its way
        results = lists.first()
        self.rows = list(hits)
        results.set_options(Option(results.hit_prompt(hit)) for hit in hits)
        if hits:
            results.highlighted = 0
            more = " (the best)" if len(hits) == LIMIT else ""
            self._status(f"{len(hits)} hit{'' if len(hits) == 1 else 's'}{more}", text)
        elif unknown := self._unknown_filters(text):
            self._status(f"No hits: {'; '.join(unknown)}", text)
        else:
            self._status("No hits for ", text, show_query=True)

    def _unknown_filters(self, text: str) -> list[str]:
        """What the query's filters name that is not in the brief."""
        found = self.index.unknown_filters(parse_query(text)) if self.index else []
        return [one_line(problem) for problem in found]

    def _show_recent(self, text: str = "") -> None:
        """An empty query shows the recent searches (and says why it found nothing)."""
        self.workers.cancel_group(self, "search")
        recent = load_recent()
        if recent.warning:
            self.notify(recent.warning, severity="warning", markup=False)
        results = self.query_one(SearchResults)
        self.rows = list(recent.queries)
        results.set_options(Option(safe_line(q)) for q in recent.queries)
        if recent.queries:
            results.highlighted = 0
        self._status("Recent searches" if recent.queries else "No recent searches yet", text)

    def _status(self, message: str, text: str = "", *, show_query: bool = False) -> None:
        """The status line: a message, then the completions of the filter being typed."""
        line = Text(message, end="")
        if show_query:
            line.append_text(safe_line(text, "bold"))
            line.append(".")
        offers = self._completions(text)
        if offers:
            line = Text("Tab:", end="")
            for offer in offers:
                line.append("  ")
                line.append_text(safe_line(offer))
        self.query_one("#search-status", Static).update(line)

    def _completions(self, text: str) -> list[str]:
        if self.index is None or not text:
            return []
        field = self.query_one(Input)
        cursor = field.cursor_position if field.value == text else len(text)
        found = completions(self.index, text, cursor, limit=8)
        return [c.text if c.label in c.text else f"{c.text} ({c.label})" for c in found]

    # Keys ----------------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        """Move the highlight up or down the results."""
        results = self.query_one(SearchResults)
        if results.option_count:
            current = results.highlighted or 0
            results.highlighted = max(0, min(results.option_count - 1, current + step))

    def action_complete(self) -> None:
        """Replace the filter under the cursor with its first completion; Tab again at
        once moves on to the next one."""
        field = self.query_one(Input)
        if self.index is None:
            return
        if self.cycle is not None and self.cycle[0] == field.value:
            _, offers, shown = self.cycle
            chosen = (shown + 1) % len(offers)
            start = offers[0].start
            end = start + len(offers[shown].text)
        else:
            offers = completions(self.index, field.value, field.cursor_position, limit=50)
            if not offers:
                return
            chosen, start, end = 0, offers[0].start, offers[0].end
        text = offers[chosen].text
        field.value = field.value[:start] + text + field.value[end:]
        field.cursor_position = start + len(text)
        self.cycle = (field.value, offers, chosen)

    @on(Input.Submitted, "#search-input")
    def _on_submitted(self) -> None:
        self._choose(self.query_one(SearchResults).highlighted)

    @on(OptionList.OptionSelected, "#search-results")
    def _on_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def _choose(self, row: int | None) -> None:
        """Go to a hit (remembering the query), or put a recent search back in the input."""
        if row is None or row >= len(self.rows):
            return
        chosen = self.rows[row]
        field = self.query_one(Input)
        if isinstance(chosen, str):
            field.value = chosen[:MAX_QUERY]
            field.cursor_position = len(field.value)
            return
        self._remember(field.value)
        self.dismiss(chosen.id)

    def _remember(self, text: str) -> None:
        try:
            remember(text)
        except OSError as error:
            self.notify(
                f"Could not save recent searches: {error}", severity="warning", markup=False
            )

    def action_back(self) -> None:
        """Back to where the user was."""
        self.dismiss(None)
