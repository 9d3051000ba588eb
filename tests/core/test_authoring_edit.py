"""Editing a brief as text: what the author wrote survives byte for byte, and an edit that
would break the brief is refused with the file untouched."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
import yaml

from briefing.authoring.edit import EditRefused, add_excerpt, with_list_items, with_reference
from briefing.authoring.yamltext import scalar
from briefing.brief.loader import check_brief

AUTHORING = Path(__file__).parents[1] / "fixtures" / "authoring"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the authoring fixtures (articles and hand-written briefs)."""
    target = tmp_path / "work"
    shutil.copytree(AUTHORING, target)
    return target


def test_adding_an_excerpt_keeps_every_other_byte(folder: Path) -> None:
    brief = folder / "briefs" / "commented.yaml"
    result = add_excerpt(
        brief,
        "q-value",
        "src-harbour",
        "The deal is worth 1.2 billion euros over ten years",
        ["t-money"],
        event="ev-deal",
    )
    assert result.brief is not None and result.brief.path == brief
    expected = (AUTHORING / "briefs" / "commented.after-excerpt.yaml").read_bytes()
    assert brief.read_bytes() == expected


def test_outside_the_inserted_lines_the_file_is_unchanged(folder: Path) -> None:
    brief = folder / "briefs" / "commented.yaml"
    before = brief.read_text().splitlines(keepends=True)
    add_excerpt(brief, "q-herring", "src-harbour", "drive the herring away", ["t-ports"])
    after = brief.read_text().splitlines(keepends=True)
    changes = difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
    edits = [(op, after[j1:j2]) for op, _, _, j1, j2 in changes if op != "equal"]
    assert [op for op, _ in edits] == ["insert"]
    assert edits[0][1][0] == "    - id: q-herring\n"


def test_an_edit_that_would_break_the_brief_is_refused_and_nothing_is_written(
    folder: Path,
) -> None:
    brief = folder / "briefs" / "commented.yaml"
    original = brief.read_bytes()
    with pytest.raises(EditRefused) as refused:
        add_excerpt(
            brief, "q-wrong", "src-harbour", "The deal is worth 2 billion euros", ["t-ports"]
        )
    assert "not changed" in refused.value.message
    assert "does not occur in source 'src-harbour'" in refused.value.problems[0].message
    assert brief.read_bytes() == original
    assert not [p.name for p in brief.parent.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize(
    ("excerpt_id", "topics", "event", "wanted"),
    [
        ("q-signed", ["t-ports"], None, "is used twice"),
        ("q-new", ["t-nowhere"], None, "no topic has the id 't-nowhere'"),
        ("q-new", ["t-ports"], "ev-nowhere", "no event has the id 'ev-nowhere'"),
        ("Not A Slug", ["t-ports"], None, "is not a valid id"),
    ],
)
def test_refusals_say_why(
    folder: Path, excerpt_id: str, topics: list[str], event: str | None, wanted: str
) -> None:
    brief = folder / "briefs" / "commented.yaml"
    original = brief.read_bytes()
    with pytest.raises(EditRefused) as refused:
        add_excerpt(brief, excerpt_id, "src-harbour", "the first cranes", topics, event)
    said = refused.value.message + " ".join(p.message for p in refused.value.problems)
    assert wanted in said
    assert brief.read_bytes() == original


def test_the_file_keeps_its_permissions_and_line_endings(folder: Path) -> None:
    brief = folder / "briefs" / "commented.yaml"
    brief.write_bytes(brief.read_bytes().replace(b"\n", b"\r\n"))
    brief.chmod(0o640)
    add_excerpt(brief, "q-cranes", "src-harbour", "the first cranes", ["t-ports"], "ev-deal")
    data = brief.read_bytes()
    assert b"\r\n    - id: q-cranes\r\n" in data and data.count(b"\n") == data.count(b"\r\n")
    assert brief.stat().st_mode & 0o777 == 0o640
    assert check_brief(brief).brief is not None


@pytest.mark.parametrize(
    "text",
    [
        "no",
        "null",
        "1.10",
        "It’s “quoted”: yes # not a comment",
        "'single' and \"double\" \\ backslash",
        "escape \x1b[2J bell \x07 rlo \u202e zwsp \u200b nbsp \u00a0 end",
        "[bold red]markup[/] {{ braces }} & *star !tag %percent @at `tick`",
        "- dash first",
        "\U0001f600 emoji",
    ],
)
def test_scalars_read_back_exactly_and_keep_escapes_out_of_the_file(text: str) -> None:
    written = scalar(text)
    assert yaml.safe_load(f"key: {written}\n") == {"key": text}
    assert written.isprintable()  # no raw control or invisible character in the YAML


def test_hostile_article_text_goes_into_the_brief_quoted(folder: Path) -> None:
    brief = folder / "briefs" / "commented.yaml"
    text = brief.read_text().replace(
        "    # (end of sources)",
        "    - id: src-hostile\n      title: '[Hostile]'\n      file: ../articles/hostile.txt\n",
    )
    brief.write_text(text)
    quote = "The port\u202e will grow, a “delegate” said: {{ and }} and #hash and 'quotes'."
    result = add_excerpt(brief, "q-hostile", "src-hostile", quote, ["t-ports"])
    assert result.brief is not None
    assert result.brief.items["q-hostile"].quote == quote  # type: ignore[union-attr]
    assert "\u202e" not in brief.read_text()


def test_lists_written_as_nothing_or_empty_brackets_become_block_lists() -> None:
    text = "format: briefing/1\nevents:\n- id: e\n  excerpts:\nexcerpts: []  # none yet\n"
    edited = with_list_items(text, "excerpts", [["- id: q", "  quote: x"]])
    edited = with_reference(edited, "events", "e", "excerpts", "q")
    assert edited == (
        "format: briefing/1\nevents:\n- id: e\n  excerpts: [q]\n"
        "excerpts:  # none yet\n- id: q\n  quote: x\n"
    )


def test_a_flow_list_of_items_is_refused_with_a_way_out() -> None:
    with pytest.raises(Exception, match="write it as a block list"):
        with_list_items("excerpts: [{id: a}]\n", "excerpts", [["- id: q"]])


def test_a_selection_in_the_reader_becomes_an_excerpt_at_its_own_paragraph(
    folder: Path,
) -> None:
    from briefing.authoring.selection import add_selection

    brief = folder / "briefs" / "commented.after-source.yaml"
    article = (folder / "articles" / "fighter-deliveries.txt").read_text(encoding="utf-8")
    sixth = article.splitlines()[5]  # "Deliveries were delayed by sanctions, officials said."
    end = sixth.index(",")
    result = add_selection(brief, "q-six", "src-fighter-deliveries", (6, 0, end), ["t-ports"])
    assert result.brief is not None
    assert result.brief.items["q-six"].paragraph == 6  # type: ignore[union-attr]
    assert "      prefix: 'squadron.'\n" in brief.read_text(encoding="utf-8")
    with pytest.raises(EditRefused, match="the selection is empty"):
        add_selection(brief, "q-none", "src-fighter-deliveries", (6, 3, 3), ["t-ports"])
    with pytest.raises(EditRefused, match="no source has the id 'src-nowhere'"):
        add_selection(brief, "q-none", "src-nowhere", (1, 0, 4), ["t-ports"])
