"""The search index kept with the cache entry: the same hits, data only, dropped with its brief."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefing.brief import cache
from briefing.brief.loader import load_brief
from briefing.search import index as search_index
from briefing.search import stored
from briefing.search.index import build_index, index_for
from briefing.search.ranking import search
from briefing.store.files import cache_dir

SAMPLE = Path(__file__).parents[1] / "fixtures" / "sample"
QUERIES = ("fighters", "harbur", "port deal", '"twelve aircraft"', "kind:event deal", "-deal su")


@pytest.fixture
def brief(tmp_path: Path) -> Path:
    """A private copy of the sample brief and its seeds."""
    shutil.copytree(SAMPLE, tmp_path / "sample")
    return tmp_path / "sample" / "briefs" / "sample.yaml"


@pytest.fixture(autouse=True)
def _no_indexes_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_index, "_INDEXES", {})


def _kept() -> list[Path]:
    return sorted(cache_dir().glob("*.index"))


def _hits(index: search_index.SearchIndex) -> list[list[object]]:
    return [[h.as_dict() for h in search(index, q)] for q in QUERIES]


def test_a_reopened_brief_searches_from_the_kept_index(brief: Path) -> None:
    built = index_for(load_brief(brief))
    assert len(_kept()) == 1
    search_index._INDEXES.clear()
    reopened = load_brief(brief)
    data = cache.read_extra(reopened, "index", stored.FORMAT)
    parts = stored.load(data or b"", [e.item.id for e in built.entries])
    assert parts is not None
    restored = search_index.SearchIndex.restored(reopened, parts)
    assert restored is not None
    assert _hits(restored) == _hits(built) and any(_hits(built))
    own, _ = restored.entries[0].texts(reopened)
    assert own[0] is reopened.entities[0].name  # the brief's own string: not stored twice
    assert index_for(reopened).brief is reopened


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.update(postings=[[10**9]]),
        lambda d: d.update(folded=[{"__class__": "os.system"}] * len(d["folded"])),
        lambda d: d["vocab"].reverse(),
        lambda d: d.update(ids=d["ids"][::-1]),
        lambda d: d["facets"]["kind"][1].append([-1]),
        lambda d: d.pop("exact"),
    ],
)
def test_a_damaged_or_forged_index_is_built_again(brief: Path, damage: object) -> None:
    expected = _hits(build_index(load_brief(brief, use_cache=False)))
    index_for(load_brief(brief))
    (kept,) = _kept()
    blob = kept.read_bytes()
    header_end = blob.index(b"\n", len(cache.MAGIC))
    header = json.loads(blob[len(cache.MAGIC) : header_end])
    data = json.loads(blob[header_end + 1 :])
    assert callable(damage)
    damage(data)
    payload = json.dumps(data).encode()
    header["payload"] = cache.digest(payload)
    kept.write_bytes(cache.MAGIC + json.dumps(header).encode() + b"\n" + payload)
    search_index._INDEXES.clear()
    reopened = load_brief(brief)
    ids = [e.item.id for e in build_index(reopened).entries]
    assert stored.load(payload, ids) is None
    assert _hits(index_for(reopened)) == expected


def test_an_edited_brief_drops_its_kept_index(brief: Path) -> None:
    index_for(load_brief(brief))
    (old,) = _kept()
    brief.write_text(brief.read_text("utf-8").replace("Harbours", "Ports"), "utf-8")
    edited = load_brief(brief)
    assert not old.exists()
    assert cache.read_extra(edited, "index", stored.FORMAT) is None
    assert search(index_for(edited), "ports")


def test_a_brief_loaded_without_the_cache_keeps_no_index(brief: Path) -> None:
    index_for(load_brief(brief, use_cache=False))
    assert _kept() == []
