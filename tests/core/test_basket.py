"""The clip basket: snapshots, order, notes, persistence, damage and concurrent saves."""

from __future__ import annotations

import json
import multiprocessing
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from briefing.brief.loader import load_brief
from briefing.brief.model import Brief
from briefing.cite.basket import Basket, basket_path, make_clip
from briefing.cite.gathering import UnknownItem
from briefing.cite.memo import memo
from briefing.cite.memo_files import save_memo
from briefing.store.files import backup_path


def _items(basket: Basket) -> list[str]:
    return [c.item_id for c in basket.clips]


def test_basket_lives_in_the_data_folder_and_survives_a_restart(
    sample: Brief, user_folders: Path
) -> None:
    first = Basket()
    first.add(make_clip(sample, "q-deal-signed"))
    first.add(make_clip(sample, "ev-order"))
    first.set_note(first.clips[0].id, "Lead with\x1b[31m this")
    assert basket_path() == user_folders / "data" / "briefing" / "basket.json"
    again = Basket()
    assert again.reload() is None
    assert _items(again) == ["q-deal-signed", "ev-order"]
    assert again.clips[0].note == "Lead with this"
    assert again.clips == first.clips


def test_move_and_remove_keep_order(sample: Brief) -> None:
    basket = Basket()
    for item in ("q-deal-signed", "q-capacity", "q-summit"):
        basket.add(make_clip(sample, item))
    basket.move(basket.clips[2].id, -1)
    assert _items(basket) == ["q-deal-signed", "q-summit", "q-capacity"]
    basket.move(basket.clips[0].id, -1)  # already first: stays
    assert _items(basket) == ["q-deal-signed", "q-summit", "q-capacity"]
    basket.remove(basket.clips[1].id)
    assert _items(basket) == ["q-deal-signed", "q-capacity"]
    assert _items(Basket()) == []  # a new instance has not read yet
    fresh = Basket()
    fresh.reload()
    assert _items(fresh) == ["q-deal-signed", "q-capacity"]


def test_a_clip_is_a_snapshot_with_the_plain_citation(sample: Brief) -> None:
    clip = make_clip(sample, "q-su57-order")
    assert clip.text == (
        "“The Su-57 order, placed in 2021, covers twelve aircraft in all.”\n"
        "— [Report on fighter deliveries], n.d., ¶ 2"
    )
    assert clip.brief_id == "sample" and clip.kind == "excerpt"
    with pytest.raises(UnknownItem):
        make_clip(sample, "q-nothing")


def test_damaged_file_is_set_aside_with_a_warning_and_backup_recovered(sample: Brief) -> None:
    basket = Basket()
    basket.add(make_clip(sample, "q-deal-signed"))
    basket.add(make_clip(sample, "q-capacity"))  # the .bak now holds the first clip
    basket_path().write_text('{"format": "briefing-basket/1", "clips": [', encoding="utf-8")
    again = Basket()
    warning = again.reload()
    assert warning is not None
    aside = list(basket_path().parent.glob("basket.json.damaged-*"))
    assert len(aside) == 1
    assert aside[0].read_text(encoding="utf-8").endswith('"clips": [')
    assert str(aside[0]) in warning
    assert "1 clips were recovered from the backup" in warning
    assert _items(again) == ["q-deal-signed"]


def test_damaged_file_and_no_backup_starts_empty_and_says_so(sample: Brief) -> None:
    basket_path().parent.mkdir(parents=True)
    basket_path().write_bytes(b"\xff\xfe not json")
    basket = Basket()
    warning = basket.add(make_clip(sample, "q-summit"))
    assert warning is not None and "starts empty" in warning
    assert _items(basket) == ["q-summit"]
    assert list(basket_path().parent.glob("basket.json.damaged-*"))


def test_wrong_shape_counts_as_damaged(sample: Brief) -> None:
    basket_path().parent.mkdir(parents=True)
    basket_path().write_text(
        json.dumps({"format": "briefing-basket/1", "clips": [{"id": 3}]}), encoding="utf-8"
    )
    assert Basket().reload() is not None


def test_saves_keep_a_backup(sample: Brief) -> None:
    basket = Basket()
    basket.add(make_clip(sample, "q-deal-signed"))
    basket.add(make_clip(sample, "q-capacity"))
    backup = json.loads(backup_path(basket_path()).read_text(encoding="utf-8"))
    assert [c["item_id"] for c in backup["clips"]] == ["q-deal-signed"]


def test_two_threads_saving_at_once_lose_nothing(sample: Brief) -> None:
    clip = make_clip(sample, "q-deal-signed")

    def add_many(label: str) -> None:
        basket = Basket()
        for n in range(25):
            basket.add(replace(clip, note=f"{label}{n}", id=f"{label}{n}"))

    threads = [threading.Thread(target=add_many, args=(label,)) for label in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    final = Basket()
    final.reload()
    assert sorted(c.id for c in final.clips) == sorted(f"{x}{n}" for x in "ab" for n in range(25))


def _add_in_process(data_home: str, brief_path: str, label: str) -> None:
    import os

    os.environ["XDG_DATA_HOME"] = data_home
    brief = load_brief(Path(brief_path), use_cache=False)
    basket = Basket()
    clip = make_clip(brief, "q-summit")
    for n in range(10):
        basket.add(replace(clip, id=f"{label}{n}"))


def test_two_processes_saving_at_once_lose_nothing(sample_path: Path, user_folders: Path) -> None:
    context = multiprocessing.get_context("spawn")
    data_home = str(user_folders / "data")
    workers = [
        context.Process(target=_add_in_process, args=(data_home, str(sample_path), label))
        for label in "xy"
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    final = Basket()
    final.reload()
    assert sorted(c.id for c in final.clips) == sorted(f"{x}{n}" for x in "xy" for n in range(10))


def test_memo_has_numbered_footnotes_notes_and_each_source_once(sample: Brief) -> None:
    basket = Basket()
    for item in ("q-deal-signed", "q-capacity", "q-su57-order"):
        basket.add(make_clip(sample, item))
    basket.set_note(basket.clips[1].id, "Compare with the *delegate*")
    assert memo(basket.clips) == (
        "# Clips from Harbours and fighters\n\n"
        "> The port authority of Kaliningrad signed a cargo agreement with the Northern "
        "Alliance on 3 March 2024[^1]\n\n"
        "> “This agreement doubles our container capacity by 2027,” said harbour master "
        "Piotr Nowak.[^2]\n\n"
        "*Note:* Compare with the \\*delegate\\*\n\n"
        "> The Su-57 order, placed in 2021, covers twelve aircraft in all.[^3]\n\n"
        "[^1]: Ana Lúcio, “Harbour deal signed in Kaliningrad”, *Baltic Ledger*, 4 Mar 2024, "
        "¶ 3, <https://example.org/harbour>.\n"
        "[^2]: Ana Lúcio, “Harbour deal signed in Kaliningrad”, *Baltic Ledger*, 4 Mar 2024, "
        "¶ 4, <https://example.org/harbour>.\n"
        "[^3]: \\[Report on fighter deliveries\\], n.d., ¶ 2.\n\n"
        "## Sources\n\n"
        "- Ana Lúcio, “Harbour deal signed in Kaliningrad”, *Baltic Ledger*, 4 Mar 2024, "
        "<https://example.org/harbour>.\n"
        "- \\[Report on fighter deliveries\\], n.d.\n"
    )
    path = save_memo(basket.clips)
    assert path.parent == basket_path().parent / "memos"
    assert path.read_text(encoding="utf-8") == memo(basket.clips)


def test_a_clip_with_a_number_for_text_counts_as_damaged(sample: Brief) -> None:
    basket = Basket()
    basket.add(make_clip(sample, "q-summit"))
    document = json.loads(basket_path().read_text(encoding="utf-8"))
    document["clips"][0]["parts"][0]["quotes"][0]["text"] = 42
    basket_path().write_text(json.dumps(document), encoding="utf-8")
    assert Basket().reload() is not None
