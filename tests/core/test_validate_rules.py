"""Each rule of the format page, checked on the sample brief edited one rule at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.brief.loader import LoadResult, check_brief
from briefing.brief.sources import digest

SAMPLE = Path(__file__).parents[1] / "fixtures" / "sample"
TEXT = (SAMPLE / "briefs" / "sample.yaml").read_text(encoding="utf-8")


@pytest.fixture
def edit(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Check the sample brief with (old, new) replacements applied to its text."""
    shutil.copytree(SAMPLE / "seeds", tmp_path / "seeds")
    (tmp_path / "briefs").mkdir()

    def check(*replacements: tuple[str, str], append: str = "") -> LoadResult:
        text = TEXT
        for old, new in replacements:
            assert old in text, old
            text = text.replace(old, new, 1)
        path = tmp_path / "briefs" / "sample.yaml"
        path.write_text(text + append, encoding="utf-8")
        return check_brief(path)

    return check


def _messages(result: LoadResult) -> list[str]:
    return [f"{p.line}:{p.column}: {p.message}" for p in result.errors]


def test_the_sample_is_valid(edit) -> None:  # type: ignore[no-untyped-def]
    result = edit()
    assert result.errors == [] and result.brief is not None


def test_x_keys_are_allowed_anywhere(edit) -> None:  # type: ignore[no-untyped-def]
    result = edit(
        ("id: sample\n", "id: sample\nx-editor: {colour: blue, tags: [a]}\n"),
        ("    title: Trade\n", "    title: Trade\n    x-note: anything\n"),
    )
    assert result.brief is not None, _messages(result)


def test_values_are_read_exactly_as_written(edit) -> None:  # type: ignore[no-untyped-def]
    result = edit(
        ("title: Harbours and fighters", "title: no"),
        ("subtitle: A brief written for the tests", "subtitle: 1.10"),
        ("    role: harbour master of Kaliningrad", "    role: 00123"),
    )
    brief = result.brief
    assert brief is not None, _messages(result)
    assert (brief.title, brief.subtitle) == ("no", "1.10")
    assert brief.entity("nowak").role == "00123"


def test_unquoted_and_quoted_dates_are_both_accepted(edit) -> None:  # type: ignore[no-untyped-def]
    result = edit(
        ("as_of: 2024-10-01", "as_of: '2024-10-01'"), ("date: 2024-03-03", 'date: "2024-03-03"')
    )
    assert result.brief is not None
    assert result.brief.as_of.show() == "1 Oct 2024"
    assert edit().brief.as_of.text == "2024-10-01"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("written", "value"), [("1.2", 1.2), ("12", 12), ("-3.5e2", -350.0), ("'7'", 7)]
)
def test_a_figure_value_is_a_number(edit, written: str, value: float) -> None:  # type: ignore[no-untyped-def]
    result = edit(("    value: 1.2\n", f"    value: {written}\n"))
    assert result.brief is not None, _messages(result)
    assert result.brief.items["fig-deal-value"].value == value  # type: ignore[union-attr]


@pytest.mark.parametrize("written", ["twelve", ".inf", "nan", "0x10", "[1]"])
def test_a_figure_value_that_is_not_a_number_is_refused(edit, written: str) -> None:  # type: ignore[no-untyped-def]
    result = edit(("    value: 1.2\n", f"    value: {written}\n"))
    assert result.brief is None
    assert any("`value` must be" in m for m in _messages(result)), _messages(result)


def test_ids_are_unique_across_kinds(edit) -> None:  # type: ignore[no-untyped-def]
    result = edit(("  - id: sen\n", "  - id: t-trade\n"))
    assert _messages(result) == [
        "107:16: no entity has the id 'sen'",
        "155:9: id 't-trade' is used twice: it already names a topic (topics[0])",
    ]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "    source: src-harbour\n",
            "    source: q-capacity\n",
            "'q-capacity' is an excerpt, not a source",
        ),
        ("    parent: t-trade\n", "    parent: ev-deal\n", "'ev-deal' is an event, not a topic"),
        (
            "    entities: [su-57]\n",
            "    entities: [t-fighters]\n",
            "'t-fighters' is a topic, not an entity",
        ),
        (
            "    excerpts: [q-deal-value]\n",
            "    excerpts: [kaliningrad]\n",
            "'kaliningrad' is an entity, not an excerpt",
        ),
        (
            "    topics: [t-fighters]\n",
            "    topics: [t-fighter]\n",
            "no topic has the id 't-fighter' (did you mean `t-fighters`?)",
        ),
    ],
)
def test_references_must_exist_and_be_of_the_right_kind(
    edit, old: str, new: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    result = edit((old, new))
    assert any(message in m for m in _messages(result)), _messages(result)


def test_topic_parents_may_not_form_a_cycle(edit) -> None:  # type: ignore[no-untyped-def]
    result = edit(
        (
            "  - id: t-trade\n    title: Trade\n",
            "  - id: t-trade\n    title: Trade\n    parent: t-ports\n",
        )
    )
    assert any(
        "topic 't-trade' is its own ancestor: t-trade → t-ports → t-trade" in m
        for m in _messages(result)
    )
    result = edit(("    parent: t-trade\n", "    parent: t-ports\n"))
    assert any(
        "topic 't-ports' is its own ancestor: t-ports → t-ports" in m for m in _messages(result)
    )


@pytest.mark.parametrize(
    ("old", "message"),
    [
        ("    title: Ports\n", "a topic (t-ports) has no `title`, which is required"),
        ("    date: 2024-09\n", "an event (ev-summit) has no `date`, which is required"),
        ("    source: src-notes\n", "an excerpt (q-summit) has no `source`, which is required"),
        ("    unit: aircraft\n", "a figure (fig-su57-units) has no `unit`, which is required"),
        (
            "    question: How much container capacity does the deal add?\n",
            "a dispute (d-capacity) has no `question`",
        ),
        ("    name: Mira Sen\n", "an entity (sen) has no `name`, which is required"),
        (
            "    file: ../seeds/fighters.txt\n",
            "a source (src-fighters) has no `file`, which is required",
        ),
        ("as_of: 2024-10-01\n", "a brief (sample) has no `as_of`, which is required"),
    ],
)
def test_required_keys(edit, old: str, message: str) -> None:  # type: ignore[no-untyped-def]
    result = edit((old, ""))
    assert any(message in m for m in _messages(result)), _messages(result)


def test_every_problem_is_reported_not_only_the_first(edit) -> None:  # type: ignore[no-untyped-def]
    result = edit(
        ("id: sample", "id: Sample"),
        ("    kind: place\n", "    kind: city\n"),
        ("    summary: Ports and cargo.\n", "    sumary: Ports and cargo.\n"),
    )
    messages = _messages(result)
    assert len(messages) == 3, messages
    assert messages[0].startswith("3:5: 'Sample' is not a valid id")
    assert "unknown key `sumary` in a topic (did you mean `summary`?)" in messages[1]
    assert "entity kind 'city' is not one of" in messages[2]


def test_inferred_lists_keys_of_a_source(edit) -> None:  # type: ignore[no-untyped-def]
    brief = edit().brief
    assert brief is not None
    notes = brief.source("src-notes")
    assert notes.inferred == ("outlet", "published") and notes.is_inferred("outlet")
    result = edit(("inferred: [outlet, published]", "inferred: [outlet, date]"))
    assert any(
        "`inferred` lists 'date', which is not a key of a source" in m for m in _messages(result)
    )


def test_a_matching_sha256_is_accepted_in_any_case(edit) -> None:  # type: ignore[no-untyped-def]
    sha = digest((SAMPLE / "seeds" / "fighters.txt").read_bytes())
    line = "    file: ../seeds/fighters.txt\n"
    assert edit((line, f"{line}    sha256: {sha.upper()}\n")).brief is not None
    result = edit((line, f"{line}    sha256: {sha[:-1]}0\n"))
    assert any(f"the file's SHA-256 is {sha}, not the one given" in m for m in _messages(result))


def test_quotes_are_located_to_paragraph_and_offset(edit) -> None:  # type: ignore[no-untyped-def]
    brief = edit().brief
    assert brief is not None
    value = brief.excerpt("q-deal-value")
    assert (value.paragraph, value.offset) == (5, 0)
    assert [(s.paragraph, s.start) for s in value.spans] == [(5, 0), (5, 52)]
    paragraph = brief.source("src-harbour").paragraphs[4]
    assert paragraph[value.spans[1].start : value.spans[1].end] == (
        "according to the authority’s own statement."
    )


def test_a_missing_quote_names_the_excerpt_its_line_and_the_closest_passage(edit) -> None:  # type: ignore[no-untyped-def]
    result = edit(("twelve aircraft in all", "twelve planes in all"))
    (problem,) = result.errors
    assert (problem.line, problem.column) == (91, 12)  # the quote's line in the brief
    assert problem.message == (
        "the quote of excerpt 'q-su57-order' does not occur in source 'src-fighters'; "
        "closest passage, ¶2: “The Su-57 order, placed in 2021, covers twelve aircraft”"
    )


def test_a_required_key_left_empty_is_reported_at_its_line(edit) -> None:  # type: ignore[no-untyped-def]
    """`title:` with nothing after it points at that line, not at the item's start."""
    [error] = edit(("title: Harbours and fighters", "title:")).errors
    assert error.message == "`title` of a brief (sample) is empty; it is required"
    assert error.line == TEXT.splitlines().index("title: Harbours and fighters") + 1
