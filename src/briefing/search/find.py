"""Finding text inside an article, as a pager does (`/` in `less`), blind to case and accents.

The needle and each paragraph are folded exactly as the brief-wide search folds them
(`briefing.search.query.fold_with_map`), so `lucio` finds `Lúcio` and `su 57` finds
`Su-57`; each match is reported in the paragraph's own (raw) character offsets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefing.search.query import fold, fold_with_map

MAX_MATCHES = 10_000
"""More matches than anyone steps through; the count is then shown as "10,000+"."""


@dataclass(frozen=True, slots=True, order=True)
class Found:
    """One match: paragraph index (from 0) and the raw character range it covers."""

    paragraph: int
    start: int
    end: int


def find_text(paragraphs: Sequence[str], needle: str, limit: int = MAX_MATCHES) -> list[Found]:
    """Every occurrence of `needle` in the paragraphs, in reading order (at most `limit`)."""
    wanted = fold(needle)
    if not wanted:
        return []
    found: list[Found] = []
    for index, paragraph in enumerate(paragraphs):
        if wanted not in fold(paragraph):  # the cheap test first; most paragraphs miss
            continue
        folded, offsets = fold_with_map(paragraph)
        at = folded.find(wanted)
        while at >= 0:
            end = offsets[at + len(wanted) - 1] + 1
            found.append(Found(index, offsets[at], end))
            if len(found) >= limit:
                return found
            at = folded.find(wanted, at + len(wanted))
    return found


def next_match(matches: Sequence[Found], after: tuple[int, int], direction: int) -> int | None:
    """The index of the first match after (direction 1) or before (-1) a place
    (paragraph, offset), wrapping round the article as `less` does; None without matches."""
    if not matches:
        return None
    if direction > 0:
        later = [i for i, m in enumerate(matches) if (m.paragraph, m.start) > after]
        return later[0] if later else 0
    earlier = [i for i, m in enumerate(matches) if (m.paragraph, m.start) < after]
    return earlier[-1] if earlier else len(matches) - 1
