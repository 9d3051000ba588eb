"""Memory housekeeping shared by the loader, the cache, the search index and the app."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0  # pauses begun and not yet ended, in any thread
_resume = False  # whether the collector was on when the first of them began


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building millions of objects.

    Each pass of the collector walks every tracked object, and building a large brief, its
    cache entry or its search index triggers pass after pass while finding nothing to
    collect (measured: seconds on a 100k-excerpt brief). Reference counting still frees
    memory meanwhile. Pauses nest and overlap across threads: the collector is switched
    back on when the last one ends, and only if it was on before the first began. (The
    reader's first frame used to switch it back on in the middle of a first check of a
    large brief, which then took a third longer.)

    What survives the pause is what was built to last (a brief, its index), so it is moved
    straight to the oldest generation (`gc.freeze()` then `gc.unfreeze()`): otherwise the
    next young collection walks all of it at once (80 ms after reopening a 100k brief)
    only to promote it. Nothing is exempted from collection by this. It is skipped when
    something is frozen already (the app freezes its brief), as unfreezing would undo that.
    """
    _begin_pause()
    try:
        yield
    finally:
        _end_pause(promote=True)


def _begin_pause() -> None:
    global _pauses, _resume
    with _lock:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1


def _end_pause(*, promote: bool) -> None:
    global _pauses
    with _lock:
        _pauses -= 1
        if _pauses or not _resume:
            return
        if promote and gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        gc.enable()


def keep_out_of_gc() -> None:
    """Move everything alive now (a loaded brief, a built search index) out of the cyclic
    collector's sight: they live as long as the app, and with 100k excerpts every full
    collection would walk millions of objects (measured: a third of a second at start-up,
    and pauses while scrolling and searching)."""
    gc.freeze()


_paused_for_start = False


@contextmanager
def paused_until_shown() -> Iterator[None]:
    """Pause the cyclic collector from the reader's first line until its first frame is
    on screen (`first_frame_shown`), or until this block ends if that never comes (a
    brief refused).

    Start-up allocates several hundred thousand objects (Textual's modules, the brief, the
    first screen) and none of them is garbage worth a pass: the passes the collector made
    over them cost a fifth of the time to the first frame (40 ms of 0.24 s, measured).
    """
    global _paused_for_start
    _begin_pause()
    _paused_for_start = True
    try:
        yield
    finally:
        first_frame_shown()


def first_frame_shown() -> None:
    """The first frame is on screen: what start-up made lives as long as the app, so
    move it out of the collector's sight (`keep_out_of_gc`) and end the start-up pause
    (the collector stays off while a brief is still being checked behind the first
    frame). Does nothing unless `paused_until_shown` paused it."""
    global _paused_for_start
    if _paused_for_start:
        _paused_for_start = False
        keep_out_of_gc()
        _end_pause(promote=False)
