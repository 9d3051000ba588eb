"""`briefing quote`: the passage meant, from text typed as remembered; refusals that say why."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.authoring.finder import find_passage
from briefing.brief.loader import check_brief, load_brief
from briefing.brief.sources import split_paragraphs
from briefing.cli import main

AUTHORING = Path(__file__).parents[1] / "fixtures" / "authoring"
HARBOUR = AUTHORING / "articles" / "harbour-report.txt"
FIGHTERS = AUTHORING / "articles" / "fighter-deliveries.txt"


def _paragraphs(article: Path) -> tuple[str, ...]:
    return split_paragraphs(article.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("typed", "paragraph", "verbatim"),
    [
        (  # straight quotes for curly ones
            '"This agreement doubles our container capacity by 2027," said',
            6,
            "“This agreement doubles our container capacity by 2027,” said",
        ),
        (  # a hyphen for the en dash, and different case
            "piotr nowak - a claim the alliance's own delegates did not repeat",
            6,
            "Piotr Nowak – a claim the Alliance’s own delegates did not repeat",
        ),
        (  # an omitted word ("the")
            "Work on the new container terminal is due to start in autumn",
            8,
            "Work on the new container terminal is due to start in the autumn",
        ),
        (  # a typo
            "the first cranes have already been orderd from a Finish supplier",
            8,
            "the first cranes have already been ordered from a Finnish supplier",
        ),
        (  # white space and line breaks
            "The  port authority\n of Kaliningrad   signed a cargo agreement",
            5,  # the blank line after the header is not a paragraph
            "The port authority of Kaliningrad signed a cargo agreement",
        ),
        (  # `...` leaves text out; the quote joins the parts with ` … `
            "The deal is worth 1.2 billion euros ... 800 million euros",
            7,
            "The deal is worth 1.2 billion euros … 800 million euros",
        ),
    ],
)
def test_approximate_text_finds_the_right_paragraph_and_the_verbatim_quote(
    typed: str, paragraph: int, verbatim: str
) -> None:
    found = find_passage(_paragraphs(HARBOUR), typed)
    assert not found.ambiguous
    best = found.candidates[0]
    assert (best.paragraph, best.quote) == (paragraph, verbatim)


def test_a_passage_may_run_over_a_paragraph_break(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Typed as remembered across two paragraphs; the quote the checker accepts, at the
    paragraph where it starts."""
    typed = "the authority said in a statement. this agreement doubles our container"
    [best] = find_passage(_paragraphs(HARBOUR), typed).candidates
    assert (best.paragraph, best.runs_over) == (5, 2)
    assert main(["quote", str(HARBOUR), typed]) == 0
    assert "¶5 and runs on into ¶6 (" in capsys.readouterr().out
    assert best.quote == "the authority said in a statement. “This agreement doubles our container"
    article = work.parent.parent / "articles" / "harbour-report.txt"
    status = main(
        ["quote", str(article), typed, "--brief", str(work), "--topics", "t-ports", "--id", "q-run"]
    )
    assert status == 0
    result = check_brief(work)
    assert result.brief is not None and not result.problems
    assert result.brief.items["q-run"].paragraph == 5  # type: ignore[union-attr]


def test_a_passage_that_closes_a_quotation_takes_in_its_opening_mark() -> None:
    found = find_passage(_paragraphs(HARBOUR), "this agreement doubles our capacity by 2027 said")
    assert found.candidates[0].quote.startswith("“This agreement")


def test_a_very_common_text_lists_ten_candidates_and_says_how_many_more(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("".join(f"Line {n}: the port.\n" for n in range(14)), encoding="utf-8")
    assert main(["quote", str(article), "the port"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 12 and err[-1] == "… and 4 more; type more of the passage to tell them apart"


def test_the_headline_is_paragraph_1() -> None:
    found = find_passage(_paragraphs(HARBOUR), "Kaliningrad port signs ten-year cargo deal")
    assert found.candidates[0].paragraph == 1


def test_prints_the_verbatim_text_its_paragraph_and_an_entry(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["quote", str(HARBOUR), "a claim the Alliances own delegates did not repeat"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("¶6 (")
    assert out[1] == "a claim the Alliance’s own delegates did not repeat"
    assert "- id: q-claim-alliances-own-delegates" in out
    assert "  quote: 'a claim the Alliance’s own delegates did not repeat'" in out
    assert "  source: src-harbour-report" in out


def test_text_not_in_the_article_is_refused_saying_how_close_the_best_was(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["quote", str(HARBOUR), "The minister resigned over the scandal on Friday"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.splitlines()
    assert line.startswith(f"briefing quote: not in {HARBOUR}: the closest passage, ¶")
    assert "% alike" in line


def test_an_ambiguous_passage_lists_every_candidate_and_adds_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["quote", str(FIGHTERS), "deliveries were delayed by sanctions"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "briefing quote: 2 passages fit; say which with --paragraph N:"
    assert [line.split()[0] for line in err[1:]] == ["¶3", "¶6"]


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """The hand-written brief with both test articles as sources."""
    shutil.copytree(AUTHORING, tmp_path / "work")
    brief = tmp_path / "work" / "briefs" / "commented.yaml"
    assert (
        main(["add-source", str(brief), str(tmp_path / "work/articles/fighter-deliveries.txt")])
        == 0
    )
    return brief


def test_an_ambiguous_quote_without_a_selector_is_a_warning_naming_both_paragraphs(
    work: Path,
) -> None:
    article = work.parent.parent / "articles" / "fighter-deliveries.txt"
    quote = "Deliveries were delayed by sanctions"
    status = main(
        [
            "quote",
            str(article),
            quote,
            "--brief",
            str(work),
            "--topics",
            "t-ports",
            "--paragraph",
            "3",
            "--id",
            "q-three",
        ]
    )
    assert status == 0
    text = work.read_text(encoding="utf-8")
    assert "      prefix: '2026.'\n" in text
    work.write_text(text.replace("      prefix: '2026.'\n", ""), encoding="utf-8")
    warnings = [p.message for p in check_brief(work).warnings]
    assert any("q-three" in w and "(¶3, ¶6)" in w for w in warnings), warnings


def test_choosing_a_paragraph_writes_a_prefix_that_makes_the_locator_right(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = work.parent.parent / "articles" / "fighter-deliveries.txt"
    status = main(
        [
            "quote",
            str(article),
            "Deliveries were delayed by sanctions",
            "--brief",
            str(work),
            "--topics",
            "t-ports",
            "--paragraph",
            "6",
            "--id",
            "q-six",
        ]
    )
    assert status == 0
    assert "      prefix: 'squadron.'\n" in work.read_text(encoding="utf-8")
    result = check_brief(work)
    assert result.brief is not None
    assert result.brief.items["q-six"].paragraph == 6  # type: ignore[union-attr]
    assert not [p for p in result.warnings if "q-six" in p.message]


def test_event_gets_the_new_excerpt(work: Path) -> None:
    status = main(
        [
            "quote",
            str(work.parent.parent / "articles" / "harbour-report.txt"),
            "the first cranes have already been ordered",
            "--brief",
            str(work),
            "--topics",
            "t-ports",
            "--event",
            "ev-deal",
            "--id",
            "q-cranes",
        ]
    )
    assert status == 0
    brief = load_brief(work, use_cache=False)
    assert brief.items["ev-deal"].excerpts == ("q-signed", "q-cranes")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("args", "wanted"),
    [
        (["--topics", "t-nowhere"], "no topic has the id 't-nowhere'"),
        ([], "say which topics with --topics (the brief's: t-ports, t-money)"),
        (["--event", "ev-nowhere", "--topics", "t-ports"], "no event has the id 'ev-nowhere'"),
        (["--id", "q-signed", "--topics", "t-ports"], "'q-signed' is used twice"),
    ],
)
def test_refusals_leave_the_brief_untouched(
    work: Path, capsys: pytest.CaptureFixture[str], args: list[str], wanted: str
) -> None:
    before = work.read_bytes()
    article = work.parent.parent / "articles" / "harbour-report.txt"
    assert main(["quote", str(article), "the first cranes", "--brief", str(work), *args]) == 1
    assert wanted in capsys.readouterr().err
    assert work.read_bytes() == before


def test_an_article_that_is_not_a_source_is_refused_with_the_way_to_add_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(AUTHORING, tmp_path / "work")
    brief = tmp_path / "work" / "briefs" / "commented.yaml"
    article = tmp_path / "work" / "articles" / "fighter-deliveries.txt"
    assert (
        main(["quote", str(article), "a hedge", "--brief", str(brief), "--topics", "t-ports"]) == 1
    )
    assert f"briefing add-source {brief} {article}" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("make", "wanted"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "not a regular file"),
        (lambda p: p.write_bytes(b"caf\xe9\n"), "is not UTF-8"),
        (lambda p: p.write_text("\n  \n"), "has no text"),
    ],
)
def test_an_unusable_article_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, wanted: str
) -> None:
    article = tmp_path / "article.txt"
    make(article)  # type: ignore[operator]
    assert main(["quote", str(article), "anything"]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert wanted in line


def test_hostile_article_text_never_reaches_the_terminal_raw(
    capsys: pytest.CaptureFixture[str],
) -> None:
    hostile = AUTHORING / "articles" / "hostile.txt"
    assert main(["quote", str(hostile), "harbour notes bold red not markup"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "Harbour ␛[2Jnotes [bold red]not markup\n" in out
    assert '  quote: "Harbour \\x1b[2Jnotes [bold red]not markup"' in out


def test_the_reader_checks_what_decides_opening_and_leaves_warnings_to_the_checker(
    work: Path,
) -> None:
    """An ambiguous quote is only a warning: the reader's check (no warnings) skips the
    search for a second occurrence, and gives the very same brief."""
    article = work.parent.parent / "articles" / "fighter-deliveries.txt"
    quote = "Deliveries were delayed by sanctions"
    command = ["quote", str(article), quote, "--brief", str(work), "--topics", "t-ports"]
    assert main([*command, "--paragraph", "6", "--id", "q-six"]) == 0
    text = work.read_text(encoding="utf-8")
    work.write_text(text.replace("      prefix: '", "      x-was-prefix: '"), encoding="utf-8")
    checked, read = check_brief(work), check_brief(work, warnings=False)
    assert any("q-six" in p.message for p in checked.warnings)
    assert read.problems == [] and read.brief == checked.brief
    assert read.brief is not None and read.brief.excerpt("q-six").spans[0].paragraph == 3
    assert load_brief(work, use_cache=False) == checked.brief
