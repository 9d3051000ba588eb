"""Whatever text a brief or an article holds, what reaches the screen is inert."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.sanitize import find_unsafe, one_line, sanitize
from briefing.ui.text import safe, safe_line

_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff\u180e"
    "\u00ad\u200e\u200f\U000e0000-\U000e007f\ud800-\udfff\u2028\u2029]"
)
# Text that leans towards what attackers write: escapes, controls, bidi, markup.
NASTY = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from(
            [
                "\x1b",
                "\x9b",
                "\x9d",
                "\x07",
                "\u202e",
                "\u2066",
                "\u200b",
                "\ufeff",
                "\u00ad",
                "\u200e",
                "\U000e0041",
                "\udcff",
                "\u2028",
                "[",
                "]",
                "/",
                "@",
                "=",
                "\n",
                "\t",
                "\r",
            ]
        ),
    )
)


@settings(deadline=None)  # a busy machine must not fail a correct test
@given(NASTY)
def test_sanitised_text_has_no_control_escape_or_bidi_character(text: str) -> None:
    assert not _FORBIDDEN.search(sanitize(text))
    assert "\x1b" not in sanitize(text)


@settings(deadline=None)  # a busy machine must not fail a correct test
@given(NASTY)
def test_sanitising_is_idempotent(text: str) -> None:
    assert sanitize(sanitize(text)) == sanitize(text)


@settings(deadline=None)  # a busy machine must not fail a correct test
@given(
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"),
            blacklist_characters="\u3164\uffa0",
        )
    )
)
def test_plain_text_passes_unchanged(text: str) -> None:
    assert sanitize(text) == text
    assert find_unsafe(text) == []


@settings(deadline=None)  # a busy machine must not fail a correct test
@given(NASTY)
def test_newlines_and_tabs_are_kept(text: str) -> None:
    assert sanitize(text).count("\n") == text.count("\n")
    assert sanitize(text).count("\t") == text.count("\t")


@settings(deadline=None)  # a busy machine must not fail a correct test
@given(NASTY)
def test_one_line_has_no_line_breaks(text: str) -> None:
    assert "\n" not in one_line(text)
    assert not _FORBIDDEN.search(one_line(text))


@settings(deadline=None)  # a busy machine must not fail a correct test
@given(NASTY)
def test_the_ui_shows_exactly_the_sanitised_text_and_parses_no_markup(text: str) -> None:
    shown = safe(text)
    assert shown.plain == sanitize(text)
    assert shown.spans == []  # no markup became styles, links or actions
    assert safe_line(text).plain == one_line(text)


@settings(deadline=None)  # a busy machine must not fail a correct test
@given(NASTY)
def test_find_unsafe_finds_exactly_what_sanitise_changes(text: str) -> None:
    found = find_unsafe(text, limit=10**6)
    assert (found == []) == (sanitize(text) == text)
    lines = text.split("\n")
    for char in found:
        assert lines[char.line - 1][char.column - 1] == char.char


def test_escape_sequences_become_visible_placeholders() -> None:
    assert sanitize("a\x1b]52;c;SGVsbG8=\x07b") == "a␛]52;c;SGVsbG8=␇b"
    assert sanitize("\x1b[2J\x9b31m") == "␛[2J⟨U+009B⟩31m"
    assert sanitize("file\u202etxt.exe") == "file⟨U+202E⟩txt.exe"
    assert sanitize("pass\u200bword") == "pass⟨U+200B⟩word"
    assert sanitize("[bold]x[/] [@click=app.quit]y[/]") == "[bold]x[/] [@click=app.quit]y[/]"
    assert safe("[bold]x[/]").plain == "[bold]x[/]"


def test_every_format_character_but_zwj_and_zwnj_is_made_visible() -> None:
    for code in range(0x110000):
        char = chr(code)
        if unicodedata.category(char) == "Cf" and char not in "\u200c\u200d":
            assert sanitize(char) == f"⟨U+{code:04X}⟩", f"U+{code:04X}"
    assert sanitize("\u0915\u094d\u200d\u0937 \U0001f468\u200d\U0001f469") == (
        "\u0915\u094d\u200d\u0937 \U0001f468\u200d\U0001f469"
    )


def test_tag_characters_bidi_marks_and_lone_surrogates_are_shown_and_found() -> None:
    text = "flag\U000e0067\U000e0062\U000e007f rtl\u200f caf\udce9"
    assert sanitize(text) == "flag⟨U+E0067⟩⟨U+E0062⟩⟨U+E007F⟩ rtl⟨U+200F⟩ caf⟨U+DCE9⟩"
    assert [c.name for c in find_unsafe(text)] == [
        "U+E0067 (tag)",
        "U+E0062 (tag)",
        "U+E007F (tag)",
        "U+200F",
        "U+DCE9 (lone surrogate)",
    ]
    sanitize(text).encode("utf-8")  # a file name's undecodable byte can be printed


def test_invisible_fillers_are_found_even_though_python_calls_them_printable() -> None:
    assert sanitize("a\u3164b") == "a⟨U+3164⟩b"
    assert [(c.line, c.column) for c in find_unsafe("ok\nx\u3164")] == [(2, 2)]


def test_every_character_sanitising_changes_fails_the_quick_check() -> None:
    """sanitize() skips its pattern for text Python calls printable (free of the two
    Hangul fillers): that is sound only if each character it changes is unprintable."""
    from briefing.sanitize import _unsafe

    changed = [chr(c) for c in range(0x110000) if _unsafe().fullmatch(chr(c))]
    assert len(changed) > 2000  # controls, format characters, surrogates
    assert {c for c in changed if c.isprintable()} == {"\u3164", "\uffa0"}
    assert all(sanitize(c) != c for c in changed)
    assert sanitize("tab\tand\nnewline “quoted” – fine") == "tab\tand\nnewline “quoted” – fine"
