"""The safe YAML reader: values exactly as written; anchors, tags and duplicates refused."""

from __future__ import annotations

import pytest

from briefing.brief import yamlsafe
from briefing.brief.yamlsafe import Locator, Place, YamlRefused, read_yaml


def _problems(text: str) -> list[tuple[int, int, str]]:
    with pytest.raises(YamlRefused) as refused:
        read_yaml(text)
    return [(p.place.line, p.place.column, p.message) for p in refused.value.problems]


@pytest.mark.parametrize(
    "value",
    [
        "no",
        "yes",
        "on",
        "off",
        "true",
        "1.10",
        "00123",
        "0o17",
        "0x1F",
        "1e3",
        "12:30:00",
        "2025-12-04",
        ".inf",
        ".nan",
        "-.5",
    ],
)
def test_every_scalar_stays_the_text_it_was_written_as(value: str) -> None:
    assert read_yaml(f"key: {value}\nlist: [{value}]\n") == {"key": value, "list": [value]}


def test_nulls_are_no_value_but_quoted_nulls_are_text() -> None:
    data = read_yaml("a: null\nb: ~\nc:\nd: 'null'\ne: \"~\"\nf: Null\n")
    assert data == {"a": None, "b": None, "c": None, "d": "null", "e": "~", "f": None}


def test_block_scalars_and_escapes_are_read_as_yaml_defines_them() -> None:
    data = read_yaml('a: |\n  one\n  two\nb: >-\n  folded\n  line\nc: "tab\\there"\n')
    assert data == {"a": "one\ntwo\n", "b": "folded line", "c": "tab\there"}


def test_a_duplicate_key_is_refused_naming_both_lines() -> None:
    assert _problems("a: 1\nb: 2\na: 3\n") == [(3, 1, "key 'a' is given twice (first on line 1)")]


def test_duplicate_keys_in_nested_mappings_are_all_found() -> None:
    text = "items:\n  - id: x\n    id: y\n  - id: z\n    name: a\n    name: b\n"
    assert [p[:2] for p in _problems(text)] == [(3, 5), (6, 5)]


def test_anchors_aliases_and_tags_are_refused_at_their_place() -> None:
    found = _problems("a: &x [1, 2]\nb: *x\nc: !!int 3\nd: !local x\n")
    assert found == [
        (1, 4, "anchor &x is not allowed in a brief"),
        (2, 4, "alias *x is not allowed in a brief; write the value out"),
        (3, 4, "tag tag:yaml.org,2002:int is not allowed in a brief; every value is read as text"),
        (4, 4, "tag !local is not allowed in a brief; every value is read as text"),
    ]


@pytest.mark.parametrize("text", ["a: AT&T\n", "a: 5 * 3\n", "a: Hello!\n", "a: R&D & more\n"])
def test_ampersands_stars_and_bangs_inside_text_are_fine(text: str) -> None:
    value = text.split(": ", 1)[1].strip()
    assert read_yaml(text) == {"a": value}


def test_an_alias_bomb_is_refused_without_expanding() -> None:
    text = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
    problems = _problems(text)
    assert problems[0] == (1, 4, "anchor &a is not allowed in a brief")
    assert len(problems) <= 50


def test_a_second_document_is_refused_where_it_starts() -> None:
    assert _problems("a: 1\n---\nb: 2\n") == [
        (2, 1, "a brief is one YAML document; a second one starts here")
    ]


def test_an_empty_text_holds_no_document() -> None:
    assert "holds no YAML document" in _problems("")[0][2]
    assert "holds no YAML document" in _problems("# only a comment\n")[0][2]


def test_a_complex_key_is_refused() -> None:
    assert _problems("? [a, b]\n: c\n") == [(1, 3, "a key must be plain text")]


def test_syntax_errors_name_the_place_and_the_open_collection() -> None:
    ((line, column, message),) = _problems("a: [1, 2\nb: 3\n")
    assert (line, column) == (2, 2)
    assert message.startswith("not valid YAML: ")
    assert "that starts on line 1" in message


def test_nesting_deeper_than_a_brief_needs_is_refused_before_parsing() -> None:
    assert "brackets nest deeper than 64" in _problems("a: " + "[" * 65 + "]" * 65)[0][2]
    assert "brackets nest deeper than 64" in _problems("a: " + "[" * 100_000)[0][2]
    assert "brackets nest deeper" in _problems("#" + "]" * 1000 + "\na: " + "[" * 1000)[0][2]
    value = read_yaml("a: " + "[" * 64 + "]" * 64)
    assert isinstance(value, dict)
    assert str(value["a"]) == "[" * 64 + "]" * 64
    assert "nesting is deeper" in _problems("- " * 300 + "x")[0][2]


def test_control_characters_are_refused_at_their_place() -> None:
    assert _problems("a: b\nc: d\x00e\n") == [
        (2, 5, "contains U+0000, a control character YAML does not allow in a file")
    ]
    assert _problems("a: &x b\nc: d\x1be\n")[0][:2] == (2, 5)


def test_the_locator_points_at_values_keys_or_the_nearest_parent() -> None:
    text = "a: 1\nitems:\n  - id: x\n    name: y\n  - id: z\n"
    locator = Locator(text)
    assert locator.place(("items", 1, "id")) == Place(5, 9)
    assert locator.place(("items", 0, "name"), at_key=True) == Place(4, 5)
    assert locator.place(("items", 7, "id")) == Place(3, 3)
    assert locator.place(("nowhere",)) == Place(1, 1)


def test_brackets_inside_text_do_not_count_as_nesting() -> None:
    """Only YAML's own brackets nest: a quote may hold any number of `[` or `{`."""
    many = "[" * 200 + "{" * 200
    text = f"a: \"{many}\"\nb: '{many}'\nc: x {many}\nd: |\n  {many}\n"
    value = read_yaml(text)
    assert isinstance(value, dict)
    assert [value[k] for k in "abc"] == [many, many, f"x {many}"]
    assert value["d"] == many + "\n"


def test_the_refusal_points_at_the_bracket_too_deep() -> None:
    assert _problems('a: "[[["\nb: ' + "[" * 70)[0][:2] == (2, 4 + 64)


@pytest.mark.parametrize(
    ("text", "place", "refused"),
    [
        ("a: &m\n  k: v\n", (1, 4), "anchor &m"),
        ("a: !t\n  k: v\n", (1, 4), "tag !t"),
        ("&r\nk: v\n", (1, 1), "anchor &r"),
        ("a:\n  - &s\n    - 1\n", (2, 5), "anchor &s"),
        ("&k a: b\n", (1, 1), "anchor &k"),
        ("{&k a: b}\n", (1, 2), "anchor &k"),
        ("- &e\n- 1\n", (1, 3), "anchor &e"),
        ("a: R & D\nb: [x, &y 1]\n", (2, 8), "anchor &y"),
        ("\ufeff\ufeffa: &x v\n", (1, 5), "anchor &x"),
    ],
)
def test_a_node_property_is_refused_wherever_the_node_starts(
    text: str, place: tuple[int, int], refused: str
) -> None:
    ((line, column, message),) = _problems(text)
    assert (line, column) == place and message.startswith(refused)


def test_a_brief_is_read_without_a_tree_of_nodes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The data is built from the parser's events: a 100k brief's tree of nodes took
    540 MB and a quarter more time. Text with `&`, `*` or `!` costs nothing more."""

    def compose(*args: object) -> None:
        raise AssertionError("composed a tree of nodes")

    monkeypatch.setattr(yamlsafe._TextLoader, "get_single_node", compose)
    assert read_yaml("outlet: Aviation & Defence Universe\nnote: [5 * 3 !, ~]\n") == {
        "outlet": "Aviation & Defence Universe",
        "note": ["5 * 3 !", None],
    }


@pytest.mark.parametrize("line_break", ["\x85", "\u2028", "\u2029"])
def test_an_anchor_after_a_unicode_line_break_is_refused(line_break: str) -> None:
    """YAML ends a line at NEL, LS and PS as at a newline: an anchor may follow one."""
    problems = _problems(f"a: [b,{line_break}&x c]\nd: [*x]\n")
    assert [p[2].split(" is ")[0] for p in problems] == ["anchor &x", "alias *x"]


def test_at_most_fifty_problems_are_read_and_what_follows_is_not_parsed() -> None:
    """A text of anchors is refused at the fiftieth, without reading on (here, into a
    syntax error that would otherwise be all that is said)."""
    text = "".join(f"k{n}: &a{n} v\n" for n in range(50)) + "] stray\n"
    problems = _problems(text)
    assert len(problems) == 50 and all(p[2].startswith("anchor &a") for p in problems)
