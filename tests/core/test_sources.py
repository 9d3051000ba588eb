"""Article files: confinement, decoding, paragraphs, and locating quotes (with elisions)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.brief.model import Span
from briefing.brief.quotes import SourceText, _end_offset, _original_offset, normalise
from briefing.brief.sources import (
    LARGE,
    MAX_SOURCE_BYTES,
    Paragraphs,
    SourceError,
    decode_text,
    digest,
    read_source,
    resolve_source,
    sha256,
    split_paragraphs,
)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """tmp/briefs/b.yaml beside tmp/seeds/a.txt, with tmp/../outside.txt outside."""
    (tmp_path / "briefs").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "briefs" / "b.yaml").write_text("", encoding="utf-8")
    (tmp_path / "seeds" / "a.txt").write_text("one\n", encoding="utf-8")
    return tmp_path


def test_a_relative_path_resolves_beside_the_briefs_folder(tree: Path) -> None:
    brief = tree / "briefs" / "b.yaml"
    assert resolve_source(brief, "../seeds/a.txt") == (tree / "seeds" / "a.txt").resolve()


def test_a_link_inside_the_tree_is_followed(tree: Path) -> None:
    (tree / "briefs" / "link.txt").symlink_to(tree / "seeds" / "a.txt")
    found = resolve_source(tree / "briefs" / "b.yaml", "link.txt")
    assert found == (tree / "seeds" / "a.txt").resolve()


@pytest.mark.parametrize(
    ("file", "message"),
    [
        ("/etc/passwd", "'/etc/passwd' is an absolute path; give a path relative to the brief"),
        ("~/notes.txt", "is an absolute path"),
        ("../../outside.txt", "'../../outside.txt' resolves to"),
        ("../seeds/none.txt", "'../seeds/none.txt' does not exist (looked for"),
        ("../seeds", "'../seeds' is not a regular file"),
        ("  ", "the file name is empty"),
    ],
)
def test_paths_that_are_not_confined_regular_files_are_refused(
    tree: Path, file: str, message: str
) -> None:
    (tree.parent / "outside.txt").write_text("x", encoding="utf-8")
    with pytest.raises(SourceError) as raised:
        resolve_source(tree / "briefs" / "b.yaml", file)
    assert message in str(raised.value)


def test_a_link_out_of_the_tree_is_refused(tree: Path) -> None:
    (tree / "seeds" / "out.txt").symlink_to("/etc/hostname")
    with pytest.raises(SourceError, match="resolves to /etc/hostname, outside"):
        resolve_source(tree / "briefs" / "b.yaml", "../seeds/out.txt")


def test_folders_resolved_once_still_see_each_files_own_link(tree: Path) -> None:
    """Sharing the resolved folders across sources gives what resolving each path whole
    gives: a link among the files is followed, and one leading out is refused."""
    brief, folders, a = tree / "briefs" / "b.yaml", dict[str, Path](), tree / "seeds" / "a.txt"
    (tree / "seeds" / "in.txt").symlink_to(tree / "seeds" / "a.txt")
    (tree / "seeds" / "out.txt").symlink_to("/etc/hostname")
    assert resolve_source(brief, "../seeds/a.txt", folders) == a.resolve()
    assert resolve_source(brief, "../seeds/in.txt", folders) == a.resolve()
    with pytest.raises(SourceError, match="resolves to /etc/hostname, outside"):
        resolve_source(brief, "../seeds/out.txt", folders)
    for file in ("../seeds/../../outside.txt", "../seeds/.."):
        with pytest.raises(SourceError):
            resolve_source(brief, file, folders)


def test_a_fifo_is_refused_without_blocking(tree: Path) -> None:
    os.mkfifo(tree / "seeds" / "fifo")
    with pytest.raises(SourceError, match="is not a regular file"):
        resolve_source(tree / "briefs" / "b.yaml", "../seeds/fifo")
    with pytest.raises(SourceError, match="is not a regular file"):
        read_source(tree / "seeds" / "fifo", "fifo")  # opened non-blocking, checked by fstat


def test_a_device_is_refused() -> None:
    with pytest.raises(SourceError, match="'zero' is not a regular file"):
        read_source(Path("/dev/zero"), "zero")


def test_a_file_over_the_cap_is_refused(tree: Path) -> None:
    with open(tree / "seeds" / "big.txt", "wb") as sparse:
        sparse.truncate(MAX_SOURCE_BYTES + 1)
    with pytest.raises(SourceError, match="a source may be at most 33,554,432"):
        resolve_source(tree / "briefs" / "b.yaml", "../seeds/big.txt")
    with pytest.raises(SourceError, match="a source may be at most 33,554,432"):
        read_source(tree / "seeds" / "big.txt", "big.txt")


def test_decoding_is_strict_utf8_tolerating_a_bom_and_crlf() -> None:
    assert decode_text(b"\xef\xbb\xbfone\r\ntwo\rthree\n", "a") == "one\ntwo\nthree\n"
    with pytest.raises(SourceError) as raised:
        decode_text(b"\xef\xbb\xbfcaf\xe9 au lait", "'a.txt'")
    assert str(raised.value) == (
        "'a.txt' is not UTF-8: the byte at offset 6 (0xe9) cannot be decoded "
        "(invalid continuation byte)"
    )
    assert raised.value.offset == 6


def test_digest_is_sha256_hex() -> None:
    assert digest(b"") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_paragraphs_are_the_non_blank_lines() -> None:
    assert split_paragraphs("Title\n\n  \nFirst one.\nSecond.\n\n") == (
        "Title",
        "First one.",
        "Second.",
    )


def test_paragraphs_split_when_read_equal_the_tuple_split_at_once() -> None:
    data = b"\xef\xbb\xbfTitle\r\n\r\n  \nFirst one.\rSecond \xe2\x80\x9cquoted\xe2\x80\x9d.\n"
    expected = split_paragraphs(decode_text(data, "a"))
    lazy = Paragraphs(data)
    assert lazy == expected and expected == lazy and hash(lazy) == hash(expected)
    assert (len(lazy), lazy[1], lazy[-1], lazy[1:]) == (
        3,
        "First one.",
        "Second “quoted”.",
        expected[1:],
    )
    assert list(lazy) == list(expected) and "Title" in lazy and lazy.index("First one.") == 1
    assert Paragraphs(data) == lazy != Paragraphs(b"Other\n")
    assert lazy != list(expected)  # equal to the tuple, as a tuple is


def test_paragraphs_of_bytes_that_are_not_utf8_show_replacement_characters() -> None:
    """Only a forged cache entry could vouch for such bytes: the reader must not fail."""
    assert Paragraphs(b"caf\xe9 au lait\n") == ("caf\ufffd au lait",)


ARTICLE = SourceText(
    (
        "Harbour deal signed",
        "The  port\tauthority signed a deal,  “officials said” – on Tuesday.",
        "  Critics said the figure was closer to 800 million euros.  ",
    )
)


def test_a_quote_is_found_after_collapsing_white_space_only() -> None:
    spans = ARTICLE.locate("The port authority signed\na deal,")
    assert spans == (Span(2, 0, 34),)
    assert ARTICLE.paragraphs[1][0:34] == "The  port\tauthority signed a deal,"


@pytest.mark.parametrize(
    "quote",
    [
        '"officials said"',  # straight quotes where the source has curly ones
        "officials said” - on",  # hyphen where the source has an en dash
        "the port authority",  # case
        "Critics said the figure was closer to 900 million euros.",
    ],
)
def test_nothing_but_white_space_is_normalised(quote: str) -> None:
    assert ARTICLE.locate(quote) is None


def test_offsets_point_into_the_paragraph_as_written() -> None:
    (span,) = ARTICLE.locate("Critics said the figure")
    assert (span.paragraph, span.start, span.end) == (3, 2, 25)
    assert ARTICLE.paragraphs[2][span.start : span.end] == "Critics said the figure"
    (span,) = ARTICLE.locate("“officials said”")
    assert ARTICLE.paragraphs[1][span.start : span.end] == "“officials said”"


def test_a_quote_may_run_across_paragraphs() -> None:
    spans = ARTICLE.locate("on Tuesday. Critics said")
    assert spans is not None
    assert [s.paragraph for s in spans] == [2, 3]
    assert ARTICLE.paragraphs[2][spans[1].start : spans[1].end] == "Critics said"


def test_elisions_find_each_part_in_order_in_one_paragraph() -> None:
    spans = ARTICLE.locate("The port authority … “officials said” … on Tuesday.")
    assert spans is not None
    assert [ARTICLE.paragraphs[1][s.start : s.end] for s in spans] == [
        "The  port\tauthority",
        "“officials said”",
        "on Tuesday.",
    ]
    assert ARTICLE.locate("on Tuesday. … The port") is None  # out of order
    assert ARTICLE.locate("The port … Critics said") is None  # across paragraphs
    assert ARTICLE.locate("The port ... on Tuesday.") is None  # three dots are not an elision


def test_an_elision_takes_the_first_start_whose_parts_all_follow() -> None:
    text = SourceText(("A said no.", "A said yes, then B agreed."))
    spans = text.locate("A said … B agreed.")
    assert spans is not None and spans[0].paragraph == 2


def test_the_closest_passage_of_a_missing_quote() -> None:
    closest = ARTICLE.closest("Critics said the figure was closer to 900 million euros.")
    assert closest is not None
    assert closest.paragraph == 3
    assert closest.passage.startswith("Critics said the figure was closer to 800")


PARAGRAPH = st.text(alphabet=st.sampled_from("ab “”–\t  "), min_size=1, max_size=40)


@settings(deadline=None)  # a busy machine must not fail a correct test
@given(PARAGRAPH, st.data())
def test_fast_offsets_agree_with_the_word_walk(paragraph: str, data: st.DataObject) -> None:
    text = SourceText((paragraph,))
    normal = text.normal[0]
    if not normal:
        return
    start = data.draw(st.integers(0, len(normal) - 1))
    end = data.draw(st.integers(start + 1, len(normal)))
    if not normal[start:end].strip():
        return
    spans = text.locate(normal[start:end])
    assert spans is not None
    expected = text._original(0, start, end)
    assert (expected.start, expected.end) == (
        _original_offset(paragraph, start),
        _end_offset(paragraph, end),
    )
    # Whatever occurrence was found, it reads back as the quote, white space aside.
    found = spans[0]
    assert " ".join(paragraph[found.start : found.end].split()) == normal[start:end].strip()


def test_a_relative_brief_path_resolves_from_the_current_folder_each_time(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other"
    (other / "briefs").mkdir(parents=True)
    (other / "seeds").mkdir()
    (other / "seeds" / "a.txt").write_text("two\n", encoding="utf-8")
    monkeypatch.chdir(tree)
    assert resolve_source(Path("briefs/b.yaml"), "../seeds/a.txt").parent.parent == tree
    monkeypatch.chdir(other)
    assert resolve_source(Path("briefs/b.yaml"), "../seeds/a.txt").parent.parent == other


@pytest.mark.parametrize("size", [0, 3, LARGE - 1, LARGE, 3 * LARGE + 7])
def test_digest_is_sha256_below_and_above_the_large_size(size: int) -> None:
    """Small inputs are hashed by Python's own SHA-256, large ones by OpenSSL's: the
    digest is the same either way, whole or fed in pieces."""
    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    assert digest(data) == hashlib.sha256(data).hexdigest()
    assert digest(memoryview(data)) == hashlib.sha256(data).hexdigest()
    pieces = sha256()
    pieces.update(data[: size // 2])
    pieces.update(data[size // 2 :])
    assert pieces.hexdigest() == hashlib.sha256(data).hexdigest()


PRINTABLE_PARAGRAPHS = st.lists(
    st.text(alphabet=st.sampled_from("ab “”–\t "), min_size=1, max_size=20), min_size=1, max_size=5
)


@settings(deadline=None)
@given(PRINTABLE_PARAGRAPHS)
def test_each_paragraph_starts_one_space_after_the_one_before_ends(paragraphs: list[str]) -> None:
    """With or without the caller's word that the text is printable (the loader's fast
    path), the normal form is each paragraph's, and each starts where the joined text
    has it."""
    for text in (SourceText(tuple(paragraphs)), SourceText(tuple(paragraphs), printable=True)):
        assert text.normal == [normalise(p) for p in paragraphs]
        assert text.joined == " ".join(text.normal)
        assert [
            text.joined[s : s + len(n)] for s, n in zip(text.starts, text.normal, strict=True)
        ] == (text.normal)
