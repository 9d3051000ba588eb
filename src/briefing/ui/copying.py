"""What `c` and `a` do: copy an item with its citations, or put it in the clip basket.

Copying sends OSC 52 through Textual's `App.copy_to_clipboard` (which also keeps the text
in `app.clipboard`), then runs the system's clipboard tool in a thread worker so a slow
tool never freezes the screen. The notification names the item, the style and the routes
tried; the terminal never confirms OSC 52, so we say only that it was sent. Text too
large for OSC 52 also goes to a file, and the notification shows where.

In a web browser (`briefing serve`), the server's clipboard tools and files are not the
reader's: the text goes only to the browser's clipboard (Textual's web driver carries
OSC 52 to the page), and text too large for that is offered as a download.
"""

from __future__ import annotations

import io
from typing import Any

from textual.app import App
from textual.notifications import SeverityLevel

from briefing.brief.labels import item_label
from briefing.brief.model import Brief, Excerpt
from briefing.cite.basket import Basket, Clip, make_clip, make_passage_clip
from briefing.cite.citations import UnknownStyle, cite_gathered, cite_item
from briefing.cite.clipboard import Delivery, clean, deliver, fits_osc52
from briefing.cite.gathering import UnknownItem, gather_passage
from briefing.cite.style_names import STYLE_NAMES
from briefing.sanitize import one_line


def describe(brief: Brief, item_id: str) -> str:
    """`the excerpt “The port authority…” (Baltic Ledger ¶3)`: the item's kind and what a
    person calls it, safe for a notification."""
    item = brief.get(item_id)
    if item is None:
        return f"item {one_line(item_id)}"
    return f"the {item.item_kind} {item_label(brief, item)}"


def copy_item(app: App[Any], brief: Brief, item_id: str, style: str) -> None:
    """Copy the item with its citations in the style, and say how it went."""
    try:
        text = cite_item(brief, item_id, style)
    except (UnknownItem, UnknownStyle) as error:
        app.notify(one_line(str(error)), title="Nothing copied", severity="error", markup=False)
        return
    copy_text(app, text, f"{describe(brief, item_id)} ({STYLE_NAMES[style]})", item_id)


def copy_text(app: App[Any], text: str, what: str, stem: str = "clip") -> None:
    """Send text by OSC 52 when it fits, then try the system tool in a thread."""
    text = clean(text)
    sent = fits_osc52(text)
    if app.is_web:
        _copy_in_browser(app, text, what, stem, sent)
        return
    if sent:
        app.copy_to_clipboard(text)

    def deliver_and_report() -> None:
        try:
            result = deliver(text, osc52_sent=sent, stem=stem)
        except OSError as error:
            message = f"Could not copy {what}: {one_line(str(error))}"
            app.call_from_thread(app.notify, message, severity="error", markup=False)
            return
        message, severity = _report(what, sent, result)
        app.call_from_thread(app.notify, message, severity=severity, markup=False)

    app.run_worker(deliver_and_report, thread=True, group="clipboard", exit_on_error=False)


def _copy_in_browser(app: App[Any], text: str, what: str, stem: str, fits: bool) -> None:
    if fits:
        app.copy_to_clipboard(text)
        app.notify(f"Copied {what} to the browser's clipboard", markup=False)
        return
    app.deliver_text(io.StringIO(text), save_filename=f"{stem}.txt")
    app.notify(f"{what} is too large for the clipboard: downloading it as a file", markup=False)


def _report(what: str, sent: bool, result: Delivery) -> tuple[str, SeverityLevel]:
    """The notification for a copy, and how loud it should be."""
    if not result.routes:
        why = "too large for OSC 52" if not sent else "no clipboard route"
        return f"Saved {what} to {result.file} ({why}, and no clipboard tool worked)", "warning"
    if result.file is not None:
        routes = " and ".join(result.routes)
        return (
            f"Copied {what} via {routes}; too large for OSC 52, also saved to {result.file}",
            "information",
        )
    return f"Copied {what} {result.describe()}", "information"


def passage_label(brief: Brief, passage: Excerpt) -> str:
    """`a passage of “Title” ¶4 (not one of the brief's excerpts)`, safe for a notification."""
    title = one_line(brief.source(passage.source).title)
    return f"a passage of “{title}” ¶{passage.paragraph} (not one of the brief's excerpts)"


def copy_passage(app: App[Any], brief: Brief, passage: Excerpt, style: str) -> None:
    """Copy a passage chosen in the reader with its citation in the style."""
    try:
        text = cite_gathered(brief, gather_passage(passage), style)
    except UnknownStyle as error:
        app.notify(one_line(str(error)), title="Nothing copied", severity="error", markup=False)
        return
    copy_text(app, text, f"{passage_label(brief, passage)} ({STYLE_NAMES[style]})", "passage")


def add_passage_to_basket(app: App[Any], brief: Brief, passage: Excerpt) -> None:
    """Put a passage chosen in the reader in the basket, marked as a passage."""
    _add_clip(app, make_passage_clip(brief, passage), passage_label(brief, passage))


def add_to_basket(app: App[Any], brief: Brief, item_id: str) -> None:
    """Put a snapshot of the item in the basket; warn if the basket file was damaged."""
    try:
        clip = make_clip(brief, item_id)
    except UnknownItem as error:
        app.notify(one_line(str(error)), title="Not added", severity="error", markup=False)
        return
    _add_clip(app, clip, describe(brief, item_id))


def _add_clip(app: App[Any], clip: Clip, what: str) -> None:
    """Add the clip unless the basket holds the same one already; say which happened."""
    basket = Basket()
    try:
        warning = basket.reload()
        if basket.holds(clip):
            app.notify(f"Already in the basket: {what}", markup=False)
            return
        warning = basket.add(clip) or warning
    except OSError as error:
        message = f"Could not save the basket: {one_line(str(error))}"
        app.notify(message, severity="error", markup=False)
        return
    if warning:
        app.notify(one_line(warning), title="Basket", severity="warning", markup=False, timeout=15)
    count = len(basket.clips)
    app.notify(f"Added {what} to the basket ({count} clip{'s' * (count != 1)})", markup=False)
