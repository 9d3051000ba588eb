"""Format 1.1: inline citations in prose, quote selectors, author lists, dispute kinds.

Every brief valid under format 1 stays valid; the new fields are optional.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.brief import claims
from briefing.brief.loader import LoadResult, check_brief
from briefing.brief.model import Brief

SAMPLE = Path(__file__).parents[1] / "fixtures" / "sample"
TEXT = (SAMPLE / "briefs" / "sample.yaml").read_text(encoding="utf-8")
HARBOUR_QUOTE = "Critics said the figure was closer to 800 million euros once fees are counted."


class Edited:
    """The sample brief in a temporary folder, checked after text replacements."""

    def __init__(self, folder: Path) -> None:
        shutil.copytree(SAMPLE / "seeds", folder / "seeds")
        (folder / "briefs").mkdir()
        self.folder = folder
        self.path = folder / "briefs" / "sample.yaml"

    def check(self, *replacements: tuple[str, str]) -> LoadResult:
        text = TEXT
        for old, new in replacements:
            assert old in text, old
            text = text.replace(old, new, 1)
        self.path.write_text(text, encoding="utf-8")
        return check_brief(self.path)

    def line_of(self, needle: str) -> tuple[int, int]:
        text = self.path.read_text(encoding="utf-8")
        at = text.index(needle)
        return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


@pytest.fixture
def sample(tmp_path: Path) -> Edited:
    return Edited(tmp_path)


def _errors(result: LoadResult) -> list[str]:
    return [f"{p.line}:{p.column}: {p.message}" for p in result.errors]


def _warnings(result: LoadResult) -> list[str]:
    return [f"{p.line}:{p.column}: {p.message}" for p in result.warnings]


def test_a_version_1_brief_is_still_valid_and_so_is_1_1(sample: Edited) -> None:
    assert check_brief(SAMPLE / "briefs" / "sample.yaml").errors == []
    result = sample.check(("format: briefing/1", "format: briefing/1.1"))
    assert result.errors == [] and result.warnings == []


def test_inline_citations_are_checked_and_a_dangling_one_is_placed_at_its_marker(
    sample: Edited,
) -> None:
    result = sample.check(
        ("Ports and cargo.", "Ports and cargo [@q-deal-signed; @q-capacty]."),
    )
    line, column = sample.line_of("@q-capacty")
    assert _errors(result) == [
        f"{line}:{column}: no excerpt has the id 'q-capacty' (did you mean `q-capacity`?)"
    ]


def test_only_excerpts_may_be_cited_inline(sample: Edited) -> None:
    result = sample.check(("The agreement runs for ten years.", "It runs ten years [@t-trade]."))
    assert any("'t-trade' is a topic, not an excerpt" in m for m in _errors(result))


def test_a_bracket_that_looks_like_a_citation_but_is_not_one_is_refused(sample: Edited) -> None:
    result = sample.check(("Ports and cargo.", "Ports and cargo [@ Q-Deal]. Ordinary [sic] text."))
    line, column = sample.line_of("[@ Q-Deal]")
    assert _errors(result) == [
        f"{line}:{column}: '[@ Q-Deal]' is not a citation: write `[@excerpt-id]` or "
        "`[@first-id; @second-id]`"
    ]


def test_citations_in_every_prose_field_are_read(sample: Edited) -> None:
    result = sample.check(
        ("Ports and cargo.", "Ports and cargo [@q-deal-signed]."),
        ("The agreement runs for ten years.", "It runs ten years [@q-deal-value]."),
        ("the delegate is anonymous.", "the delegate is anonymous [@q-triple]."),
        ("claim: It doubles capacity.", "claim: It doubles capacity [@q-capacity]."),
    )
    assert result.errors == []
    assert result.brief is not None
    assert "[@q-deal-signed]" in (result.brief.topic("t-trade").summary or "")


def test_claims_are_sentences_with_the_ids_they_cite() -> None:
    text = (
        "Mr. Modi met Putin in Moscow [@q-a; @q-b]. U.S. tariffs rose [@q-c].\n\n"
        "No deal was signed. J. Verma calls it a reset [@q-d, @q-a]!"
    )
    found = [(c.plain, c.ids) for c in claims.claims(text)]
    assert found == [
        ("Mr. Modi met Putin in Moscow.", ("q-a", "q-b")),
        ("U.S. tariffs rose.", ("q-c",)),
        ("No deal was signed.", ()),
        ("J. Verma calls it a reset!", ("q-d", "q-a")),
    ]
    assert claims.strip_markers("to 2030 [@q-a]. [sic] stays") == "to 2030. [sic] stays"


def test_a_quote_that_occurs_twice_is_a_warning_naming_both_paragraphs(sample: Edited) -> None:
    with (sample.folder / "seeds" / "harbour.txt").open("a", encoding="utf-8") as article:
        article.write(f"\nLater, the paper repeated it. {HARBOUR_QUOTE}\n")
    result = sample.check()
    assert result.errors == []
    assert any(
        "'q-deal-critics' occurs 2 times in source 'src-harbour' (¶6, ¶7)" in m
        for m in _warnings(result)
    ), _warnings(result)


def test_prefix_or_suffix_chooses_the_occurrence(sample: Edited) -> None:
    with (sample.folder / "seeds" / "harbour.txt").open("a", encoding="utf-8") as article:
        article.write(f"\nLater, the paper repeated it. {HARBOUR_QUOTE}\n")
    old = f"    quote: {HARBOUR_QUOTE}\n"
    newer = ("format: briefing/1", "format: briefing/1.1")
    result = sample.check(newer, (old, f"{old}    prefix: the paper repeated it.\n"))
    assert result.errors == [] and result.warnings == []
    assert result.brief is not None
    assert result.brief.excerpt("q-deal-critics").paragraph == 7
    wrong = sample.check(newer, (old, f"{old}    suffix: nothing like this\n"))
    assert any("never with the `suffix` given around it" in m for m in _errors(wrong))


def test_author_may_be_a_list_and_a_text_that_looks_like_several_names_is_warned_of(
    sample: Edited,
) -> None:
    listed = sample.check(("author: Ana Lúcio", "author: [Ana Lúcio, Jai Verma]"))
    assert listed.brief is not None
    source = listed.brief.source("src-harbour")
    assert source.authors == ("Ana Lúcio", "Jai Verma")
    assert source.author == "Ana Lúcio and Jai Verma"
    several = sample.check(("author: Ana Lúcio", "author: Ana Lúcio, Jai Verma"))
    assert several.brief is not None
    assert several.brief.source("src-harbour").authors == ("Ana Lúcio, Jai Verma",)
    assert any("looks like several names" in m for m in _warnings(several))
    inverted = sample.check(("author: Ana Lúcio", "author: Lúcio, Ana"))
    assert inverted.warnings == []


def test_new_source_fields_and_a_figure_note(sample: Edited) -> None:
    result = sample.check(
        ("format: briefing/1", "format: briefing/1.1"),
        (
            "    outlet: Baltic Ledger\n",
            "    outlet: Baltic Ledger\n    short_title: Harbour deal\n    accessed: 2024-10-02\n",
        ),
        (
            "    unit: EUR bn\n",
            "    unit: EUR bn\n    note: The authority's figure [@q-deal-value].\n",
        ),
    )
    assert result.errors == [] and result.warnings == []
    assert result.brief is not None
    source = result.brief.source("src-harbour")
    assert source.short_title == "Harbour deal"
    assert source.accessed is not None and source.accessed.text == "2024-10-02"
    assert result.brief.figures[0].note == "The authority's figure [@q-deal-value]."


def test_a_1_1_field_in_a_version_1_brief_asks_for_the_new_format_line(sample: Edited) -> None:
    result = sample.check(
        ("    outlet: Baltic Ledger\n", "    outlet: Baltic Ledger\n    short_title: Harbour\n")
    )
    assert result.errors == []
    assert any("declare `format: briefing/1.1`" in m for m in _warnings(result))


def test_a_dispute_says_what_kind_of_disagreement_it_is(sample: Edited) -> None:
    question = "    question: How much container capacity does the deal add?\n"
    ok = sample.check(
        ("format: briefing/1", "format: briefing/1.1"),
        (question, question + "    kind: interpretation\n"),
    )
    assert ok.brief is not None
    assert ok.brief.disputes[0].kind == "interpretation"
    assert check_brief(SAMPLE / "briefs" / "sample.yaml").brief.disputes[0].kind == "sources"  # type: ignore[union-attr]
    bad = sample.check(
        ("format: briefing/1", "format: briefing/1.1"), (question, question + "    kind: outside\n")
    )
    assert any("dispute kind 'outside' is not one of" in m for m in _errors(bad))


def test_every_sentence_of_the_bundled_summaries_cites_evidence(bundled: Brief) -> None:
    prose = [bundled.summary or ""] + [t.summary for t in bundled.topics if t.summary]
    sentences = [c for text in prose for c in claims.claims(text)]
    uncited = [c.text for c in sentences if not c.ids]
    assert len(sentences) > 50
    assert uncited == []


@pytest.fixture(scope="module")
def bundled() -> Brief:
    from briefing.brief.bundled import default_brief

    result = check_brief(default_brief())
    assert result.brief is not None
    return result.brief
