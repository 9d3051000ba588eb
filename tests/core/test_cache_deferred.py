"""A brief reopened from the cache decodes its events and excerpts when first used: to its
users it is the brief as checked, whichever thread asks first, and an entry whose bulk
is damaged or forged never shows wrong data (`briefing.brief.deferred`)."""

from __future__ import annotations

import dataclasses
import json
import shutil
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from briefing.brief import cache
from briefing.brief.loader import check_brief, load_brief
from briefing.brief.model import Brief
from briefing.brief.problems import BriefError
from briefing.brief.prose import read_prose
from briefing.brief.sources import digest
from briefing.search.index import index_for
from briefing.store.files import cache_dir

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))

from synthetic import make_brief

SAMPLE = Path(__file__).parents[1] / "fixtures" / "sample"
Tables = dict[str, Any]


@pytest.fixture
def brief(tmp_path: Path) -> Path:
    """A private copy of the sample brief and its seeds, free to edit."""
    shutil.copytree(SAMPLE, tmp_path / "sample")
    return tmp_path / "sample" / "briefs" / "sample.yaml"


def _reopened(path: Path, check: cache.Check | None = check_brief) -> Brief:
    """The brief read back from its cache entry (which must be there and sound)."""
    again = cache.read(path, path.read_bytes(), check)
    assert again is not None
    return again


def _assert_same_brief(again: Brief, checked: Brief) -> None:
    """Field by field, so a difference names its field."""
    for field in dataclasses.fields(Brief):
        assert getattr(again, field.name) == getattr(checked, field.name), field.name
    assert again == checked
    assert again.items.keys() == checked.items.keys()
    assert dict(again.links) == dict(checked.links)


def test_a_reopened_brief_equals_the_checked_one_field_by_field(brief: Path) -> None:
    checked = load_brief(brief)
    _assert_same_brief(_reopened(brief), checked)


def test_a_reopened_synthetic_brief_keeps_its_events_in_date_order(tmp_path: Path) -> None:
    path = make_brief(tmp_path / "synthetic", 300)
    checked = load_brief(path)
    again = _reopened(path)
    assert [e.id for e in again.events] == [e.id for e in checked.events]
    assert len(again.events) == 30
    _assert_same_brief(again, checked)


def test_every_thread_gets_the_same_events_and_excerpts(brief: Path) -> None:
    checked = load_brief(brief)
    again = _reopened(brief)
    start = threading.Barrier(8)
    seen: list[tuple[object, object]] = []

    def touch() -> None:
        start.wait()
        seen.append((again.excerpts, again.events))

    threads = [threading.Thread(target=touch) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 8
    excerpts, events = seen[0]
    assert all(x is excerpts and e is events for x, e in seen)
    assert excerpts == checked.excerpts and events == checked.events


def test_a_copy_made_with_replace_is_whole(brief: Path, tmp_path: Path) -> None:
    checked = load_brief(brief)
    moved = dataclasses.replace(_reopened(brief), path=tmp_path / "moved.yaml")
    assert moved.path == tmp_path / "moved.yaml"
    assert moved.excerpts == checked.excerpts and moved.events == checked.events


def test_an_unknown_attribute_is_still_an_attribute_error(brief: Path) -> None:
    load_brief(brief)
    with pytest.raises(AttributeError):
        _reopened(brief).no_such_field  # type: ignore[attr-defined]  # noqa: B018


def _entry() -> Path:
    (entry,) = cache_dir().glob("*.entry")
    return entry


def _forge(edit_head: Callable[[Tables], None], edit_bulk: Callable[[Tables], None]) -> None:
    """Rewrite the entry with its head and bulk edited and its digest made to match."""
    entry = _entry()
    blob = entry.read_bytes()
    header_end = blob.index(b"\n", len(cache.MAGIC))
    header = json.loads(blob[len(cache.MAGIC) : header_end])
    head, bulk = (json.loads(part) for part in blob[header_end + 1 :].split(b"\n"))
    edit_head(head)
    edit_bulk(bulk)
    payload = json.dumps(head).encode() + b"\n" + json.dumps(bulk).encode()
    header["payload"] = digest(payload)
    entry.write_bytes(cache.MAGIC + json.dumps(header).encode() + b"\n" + payload)


def _unchanged(tables: Tables) -> None:
    """Leave these tables as they are."""


def _span_past_its_table(bulk: Tables) -> None:
    bulk["Excerpt"]["spans"][0] = 10**6


def _retitle(head: Tables) -> None:
    head["Brief"]["title"][0] = "Forged title"


def test_the_head_is_read_without_the_bulk(brief: Path) -> None:
    """What the first frame shows (title, summary, disputes, figures) comes from the head
    alone: a forged bulk is found only when the events or excerpts are first used."""
    checked = load_brief(brief)
    _forge(_unchanged, _span_past_its_table)
    again = _reopened(brief, check=None)
    shown = ("title", "subtitle", "as_of", "summary", "disputes", "figures", "sources", "topics")
    assert all(getattr(again, name) == getattr(checked, name) for name in shown)
    with pytest.raises(BriefError, match="its cache entry is damaged"):
        again.excerpts  # noqa: B018
    with pytest.raises(BriefError, match="its cache entry is damaged"):
        again.events  # noqa: B018


def test_a_forged_bulk_is_checked_again_on_first_use(brief: Path) -> None:
    checked = load_brief(brief)
    index_for(load_brief(brief))  # the index is kept with the entry
    assert len(list(cache_dir().iterdir())) == 2
    _forge(_unchanged, _span_past_its_table)
    again = _reopened(brief)
    _assert_same_brief(again, checked)
    assert list(cache_dir().iterdir()) == []  # the entry and its index are gone
    assert cache.read_extra(again, "index", "any") is None
    load_brief(brief)  # checked, and cached anew
    _assert_same_brief(_reopened(brief), checked)


def test_a_forged_head_becomes_the_checked_brief_when_its_bulk_fails(brief: Path) -> None:
    checked = load_brief(brief)
    _forge(_retitle, _span_past_its_table)
    again = _reopened(brief)
    again.excerpts  # noqa: B018
    _assert_same_brief(again, checked)
    assert again.title == "Harbours and fighters"


def test_a_forged_bulk_of_a_brief_that_no_longer_passes_says_why(brief: Path) -> None:
    load_brief(brief)
    _forge(_unchanged, _span_past_its_table)
    again = _reopened(brief)
    seed = brief.parents[1] / "seeds" / "fighters.txt"
    seed.write_text("Something else entirely.\n", "utf-8")  # after the open
    with pytest.raises(BriefError) as raised:
        again.excerpts  # noqa: B018
    assert "does not occur in source 'src-fighters'" in str(raised.value)
    with pytest.raises(BriefError) as again_raised:  # the same answer, not checked twice
        again.events  # noqa: B018
    assert again_raised.value is raised.value


@pytest.mark.parametrize("where", ["head", "bulk", "line break"])
def test_damage_anywhere_is_a_miss_before_anything_is_shown(brief: Path, where: str) -> None:
    checked = load_brief(brief)
    entry = _entry()
    blob = entry.read_bytes()
    header_end = blob.index(b"\n", len(cache.MAGIC))
    head_end = blob.index(b"\n", header_end + 1)
    at = {"head": header_end + 10, "bulk": len(blob) - 10, "line break": head_end}[where]
    entry.write_bytes(blob[:at] + bytes([blob[at] ^ 0x20]) + blob[at + 1 :])
    assert cache.read(brief, brief.read_bytes(), check_brief) is None
    assert load_brief(brief) == checked


def test_an_entry_of_one_document_is_a_miss(brief: Path) -> None:
    """The head alone, with a digest that matches: no bulk, no brief."""
    load_brief(brief)
    entry = _entry()
    blob = entry.read_bytes()
    header_end = blob.index(b"\n", len(cache.MAGIC))
    header = json.loads(blob[len(cache.MAGIC) : header_end])
    head = blob[header_end + 1 : blob.index(b"\n", header_end + 1)]
    header["payload"] = digest(head)
    entry.write_bytes(cache.MAGIC + json.dumps(header).encode() + b"\n" + head)
    assert cache.read(brief, brief.read_bytes(), check_brief) is None


def _cite_in_summary(brief: Path) -> None:
    """Make the sample's summary cite two excerpts, as a real brief's does."""
    text = brief.read_text("utf-8")
    cited = text.replace("in March 2024.", "in March 2024 [@q-deal-signed; @q-deal-value].")
    assert cited != text
    brief.write_text(cited, "utf-8")


def test_the_excerpts_the_summary_cites_are_there_before_the_rest(brief: Path) -> None:
    """The overview's summary marks each claim with its sources: the excerpts it cites
    are read with the head, without the bulk (forged here, to show it is not read)."""
    _cite_in_summary(brief)
    checked = load_brief(brief)
    _forge(_unchanged, _span_past_its_table)
    again = _reopened(brief, check=None)
    summary = read_prose(again, again.summary)
    assert summary == read_prose(checked, checked.summary)
    assert [x.id for x in summary.backed[0].excerpts] == ["q-deal-signed", "q-deal-value"]
    with pytest.raises(BriefError, match="its cache entry is damaged"):
        again.excerpts  # noqa: B018


def test_a_cited_excerpt_given_out_early_is_the_one_the_brief_holds(brief: Path) -> None:
    _cite_in_summary(brief)
    checked = load_brief(brief)
    again = _reopened(brief)
    early = again.get("q-deal-value")
    _assert_same_brief(again, checked)
    assert early is again.excerpt("q-deal-value") and early in again.excerpts
    assert again.get("q-deal-signed") is again.items["q-deal-signed"]


def _requote(bulk: Tables) -> None:
    excerpts = bulk["Excerpt"]
    excerpts["quote"][excerpts["id"].index("q-deal-value")] = "Not what the head says."


def test_a_bulk_that_disagrees_with_the_heads_cited_excerpts_is_checked_again(
    brief: Path,
) -> None:
    _cite_in_summary(brief)
    checked = load_brief(brief)
    _forge(_unchanged, _requote)
    again = _reopened(brief)
    early = again.get("q-deal-value")
    _assert_same_brief(again, checked)
    assert early == again.excerpt("q-deal-value")
    assert cache_dir().exists() and list(cache_dir().glob("*.entry")) == []


async def test_the_reader_leaves_saying_why_when_the_bulk_fails_its_check(brief: Path) -> None:
    """The reader's first use of the bulk is its search index, just after the first frame:
    a forged bulk of a brief that no longer passes ends the app with status 1 and the
    problems for the command line to print, not a traceback."""
    from briefing.ui.app import BriefingApp

    load_brief(brief)
    _forge(_unchanged, _span_past_its_table)
    again = _reopened(brief)
    (brief.parents[1] / "seeds" / "fighters.txt").write_text("Something else.\n", "utf-8")
    app = BriefingApp(again, style="plain")
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code == 1
    assert any("does not occur in source 'src-fighters'" in str(p) for p in app.problems)
