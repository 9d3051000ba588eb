"""The loader on briefs nobody on the team wrote, on the sample, and on synthetic briefs."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from briefing.brief.loader import check_brief, load_brief
from briefing.brief.problems import BriefError

FIXTURES = Path(__file__).parents[1] / "fixtures"
FOREIGN = FIXTURES / "foreign" / "briefs" / "verrin.yaml"
TEXT = FOREIGN.read_text(encoding="utf-8")
sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))

from synthetic import make_brief  # noqa: E402


def test_the_foreign_brief_passes() -> None:
    result = check_brief(FOREIGN)
    assert result.problems == []
    brief = result.brief
    assert brief is not None
    assert (brief.id, brief.title) == ("verrin-drought-2023", "Drought at the Verrin reservoir")
    assert brief.summary is not None and brief.summary.startswith("The reservoir fell to 31")
    assert brief.as_of.show() == "30 Sep 2023"
    assert [e.date.show() for e in brief.events] == [
        "2019",
        "Mar–May 2023",
        "May 2023",
        "14 Jul 2023",
        "c. Nov 2023",
    ]
    courier = brief.source("courier")
    assert (courier.published, courier.url, courier.author) == (None, None, "Hanne Oksala")
    minutes = brief.source("minutes")
    assert minutes.inferred == ("outlet", "published") and minutes.published is not None
    assert brief.items["licence-cap"].value == 12_000_000  # type: ignore[union-attr]
    assert [t.id for t in brief.subtopics("causes")] == ["blame", "rain"]
    assert brief.topic_path("restrictions")[0].id == "level"
    assert [p.claim for p in brief.items["why-low"].positions][1] == (  # type: ignore[union-attr]
        "Sales to the bottling plant drew the reservoir down."
    )


def test_the_foreign_quotes_are_located() -> None:
    brief = load_brief(FOREIGN, use_cache=False)
    across = brief.excerpt("rainfall-46")
    assert [s.paragraph for s in across.spans] == [5, 6]  # across a line break of the file
    elided = brief.excerpt("autumn")
    paragraph = brief.source("bulletin").paragraphs[elided.paragraph - 1]
    assert [paragraph[s.start : s.end] for s in elided.spans] == [
        "Forecasters expect a return to average rainfall by late autumn",
        "long-range outlooks are uncertain.",
    ]
    folded = brief.excerpt("low-level")
    assert (folded.paragraph, folded.offset) == (3, 0)


def _line_of(fragment: str, text: str = TEXT) -> int:
    """The 1-based line that is fragment (stripped), else the first that contains it."""
    lines = text.splitlines()
    exact = [i for i, line in enumerate(lines, 1) if line.strip() == fragment]
    return exact[0] if exact else next(i for i, ln in enumerate(lines, 1) if fragment in ln)


VARIANTS = [
    # (old, new, where the error must point (a fragment of the edited text), message part)
    ("of capacity on", "of capacity in", ">-", "the quote of excerpt 'low-level' does not occur"),
    (
        "reviewed — not suspended —",
        "reviewed - not suspended -",
        "abstraction by the bottling plant",
        "differs from the source only in quotation marks, apostrophes or dashes",
    ),
    (
        "late autumn … long-range",
        "late autumn ... long-range",
        "Forecasters expect",
        "write ` … ` (space, U+2026, space), not `...`",
    ),
    (
        "Forecasters expect a return to average rainfall by late autumn … long-range",
        "long-range outlooks … Forecasters expect a return",
        "long-range outlooks …",
        "the quote of excerpt 'autumn' does not occur",
    ),
    (
        "            and that the plant's",
        "            and the plant's",
        '"rainfall from',
        "'rainfall-46'",
    ),
    (
        "      parent: causes\n      excerpts",
        "      parent: cause\n      excerpts",
        "parent: cause",
        "no topic has the id 'cause' (did you mean `causes`?)",
    ),
    (
        "        detail: >\n",
        "        detials: >\n",
        "detials",
        "unknown key `detials` in an event (did you mean `detail`?)",
    ),
    (
        "        date: 2023-07-14\n",
        "        date: 14 July 2023\n",
        "date: 14 July 2023",
        "'14 July 2023' is not a date",
    ),
    ("A8CCFF0A303", "A8CCFF0A304", "6C4C27DB", "source 'bulletin': the file's SHA-256 is 6c4c27db"),
    (
        "../articles/rain.txt",
        "../../sample/seeds/fighters.txt",
        "../../sample",
        "'../../sample/seeds/fighters.txt' resolves to",
    ),
    (
        "    -   id: reuter\n",
        "    -   id: reuter\n        id: reuter2\n",
        "id: reuter2",
        "key 'id' is given twice",
    ),
    ("    - {id: causes,", "    - &c {id: causes,", "&c", "anchor &c is not allowed in a brief"),
    (
        "        value: 46.0\n",
        "        value: forty-six\n",
        "forty-six",
        "`value` must be a number",
    ),
    (
        "        kind: person\n        role: hydrologist",
        "        kind: scientist\n        role: hydrologist",
        "scientist",
        "entity kind 'scientist' is not one of",
    ),
    (
        "        topics: [rain, restrictions]\n        quote: Fore",
        "        topics: [rain, marr]\n        quote: Fore",
        "[rain, marr]",
        "'marr' is an entity, not a topic",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "where", "message"), VARIANTS, ids=[v[3][:40] for v in VARIANTS]
)
def test_broken_variants_of_the_foreign_brief_are_refused_at_the_right_line(
    tmp_path: Path, old: str, new: str, where: str, message: str
) -> None:
    shutil.copytree(FOREIGN.parents[1], tmp_path / "foreign")
    assert TEXT.count(old) == 1, old
    text = TEXT.replace(old, new)
    path = tmp_path / "foreign" / "briefs" / "verrin.yaml"
    path.write_text(text, encoding="utf-8")
    result = check_brief(path)
    assert result.brief is None
    hits = [p for p in result.errors if message in p.message]
    assert hits, [str(p) for p in result.errors]
    assert hits[0].line == _line_of(where.rstrip("\n"), text), str(hits[0])


def test_load_brief_raises_with_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text("format: briefing/9\nid: Bad Id\n", encoding="utf-8")
    with pytest.raises(BriefError) as raised:
        load_brief(path)
    lines = str(raised.value).splitlines()
    assert lines[0] == f"{path}:1:1: a brief (Bad Id) has no `title`, which is required"
    assert (
        f"{path}:1:9: this reader understands `briefing/1` or `briefing/1.1`, not 'briefing/9'"
        in lines
    )
    assert (
        f"{path}:2:5: 'Bad Id' is not a valid id: use lowercase letters, digits and "
        "hyphens, starting with a letter or digit" in lines
    )


@pytest.mark.parametrize("n", [20, 400])
def test_synthetic_briefs_are_valid_and_every_quote_reads_back(tmp_path: Path, n: int) -> None:
    brief = load_brief(make_brief(tmp_path, n), use_cache=False)
    assert len(brief.excerpts) == n
    assert len(brief.events) == max(1, n // 10) and len(brief.topics) == 12
    for excerpt in brief.excerpts:
        paragraph = brief.source(excerpt.source).paragraphs[excerpt.paragraph - 1]
        first = excerpt.spans[0]
        assert paragraph[first.start : first.end] == excerpt.quote.split(" … ")[0]


def test_load_brief_reuses_the_cache(tmp_path: Path) -> None:
    path = make_brief(tmp_path, 40)
    first = load_brief(path)
    assert load_brief(path) == first


def test_loading_leaves_the_collector_as_it_was(sample_path: Path, tmp_path: Path) -> None:
    import gc

    broken = tmp_path / "broken.yaml"
    broken.write_text("format: briefing/1\nid: [\n", "utf-8")
    load_brief(sample_path, use_cache=False)
    with pytest.raises(BriefError):
        load_brief(broken)
    assert gc.isenabled()
    gc.disable()
    try:
        load_brief(sample_path, use_cache=False)
        assert not gc.isenabled()
    finally:
        gc.enable()
