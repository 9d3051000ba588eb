"""Each citation style against strings written by hand from the style guides.

The sample brief has a complete source (`src-harbour`: author, outlet, date, URL), a bare
one (`src-fighters`: only a bracketed descriptive title) and one with inferred values
(`src-notes`: outlet and month inferred). A source built here adds a headline with no
author and no date but a URL, which brings in the access date (the brief's `as_of`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.brief.dates import parse_date
from briefing.brief.model import Brief, Source
from briefing.cite.citations import STYLES, UnknownStyle, cite_item
from briefing.cite.gathering import UnknownItem
from briefing.cite.reference_managers import bibtex_entry, csl_item
from briefing.cite.references import Reference, headline_case
from briefing.cite.styles import (
    apa_in_text,
    apa_reference,
    chicago_bibliography,
    chicago_note,
    mla_in_text,
    mla_works_cited,
    plain_reference,
)

HARBOUR_PLAIN = (
    "Ana Lúcio, “Harbour deal signed in Kaliningrad”, Baltic Ledger, 4 Mar 2024, ¶ 3, "
    "https://example.org/harbour"
)
DEAL = (
    "The port authority of Kaliningrad signed a cargo agreement with the Northern Alliance "
    "on 3 March 2024"
)
SU57 = "The Su-57 order, placed in 2021, covers twelve aircraft in all"
SUMMIT = "The summit took place in September 2024 and ended without a joint statement"

EXPECTED = {
    ("plain", "q-deal-signed"): f"“{DEAL}”\n— {HARBOUR_PLAIN}",
    ("plain", "q-su57-order"): f"“{SU57}.”\n— [Report on fighter deliveries], n.d., ¶ 2",
    ("plain", "q-summit"): (
        f"“{SUMMIT}.”\n— [Notes from the summit], [Summit Wire], [Sep 2024], ¶ 2"
    ),
    ("markdown", "q-deal-signed"): (
        f"> {DEAL}[^q-deal-signed]\n\n[^q-deal-signed]: Ana Lúcio, “Harbour deal signed in "
        "Kaliningrad”, *Baltic Ledger*, 4 Mar 2024, ¶ 3, <https://example.org/harbour>."
    ),
    ("markdown", "q-su57-order"): (
        f"> {SU57}.[^q-su57-order]\n\n"
        "[^q-su57-order]: \\[Report on fighter deliveries\\], n.d., ¶ 2."
    ),
    ("markdown", "q-summit"): (
        f"> {SUMMIT}.[^q-summit]\n\n[^q-summit]: \\[Notes from the summit\\], "
        "*\\[Summit Wire\\]*, \\[Sep 2024\\], ¶ 2."
    ),
    ("apa", "q-deal-signed"): (
        f"“{DEAL}” (Lúcio, 2024, para. 3).\n\nLúcio, A. (2024, March 4). Harbour deal signed "
        "in Kaliningrad. Baltic Ledger. https://example.org/harbour"
    ),
    ("apa", "q-su57-order"): (
        f"“{SU57}” ([Report on fighter deliveries], n.d., para. 2).\n\n"
        "[Report on fighter deliveries]. (n.d.)."
    ),
    ("apa", "q-summit"): (
        f"“{SUMMIT}” ([Notes from the summit], [2024], para. 2).\n\n"
        "[Notes from the summit]. ([2024, September]). [Summit Wire]."
    ),
    ("chicago", "q-deal-signed"): (
        f"“{DEAL}”¹\n\n1. Ana Lúcio, “Harbour Deal Signed in Kaliningrad,” Baltic Ledger, "
        "March 4, 2024, ¶ 3, https://example.org/harbour.\n\n"
        "Lúcio, Ana. “Harbour Deal Signed in Kaliningrad.” Baltic Ledger, March 4, 2024. "
        "https://example.org/harbour."
    ),
    ("chicago", "q-su57-order"): (
        f"“{SU57}.”¹\n\n1. [Report on fighter deliveries], n.d., ¶ 2.\n\n"
        "[Report on fighter deliveries]. n.d."
    ),
    ("chicago", "q-summit"): (
        f"“{SUMMIT}.”¹\n\n1. [Notes from the summit], [Summit Wire], [September 2024], ¶ 2."
        "\n\n[Notes from the summit]. [Summit Wire], [September 2024]."
    ),
    ("mla", "q-deal-signed"): (
        f"“{DEAL}” (Lúcio).\n\nLúcio, Ana. “Harbour Deal Signed in Kaliningrad.” "
        "Baltic Ledger, 4 Mar. 2024, example.org/harbour."
    ),
    ("mla", "q-su57-order"): (
        f"“{SU57}” (Report on fighter deliveries).\n\nReport on fighter deliveries."
    ),
    ("mla", "q-summit"): (
        f"“{SUMMIT}” (Notes from the summit).\n\n"
        "Notes from the summit. [Summit Wire], [Sept. 2024]."
    ),
    ("bibtex", "q-deal-signed"): (
        f"“{DEAL}” \\cite[\\P~3]{{src-harbour}}\n\n"
        "@misc{src-harbour,\n"
        "  author = {Lúcio, Ana},\n"
        "  title = {{Harbour deal signed in Kaliningrad}},\n"
        "  howpublished = {Baltic Ledger},\n"
        "  year = {2024},\n"
        "  month = mar,\n"
        "  date = {2024-03-04},\n"
        "  url = {https://example.org/harbour},\n"
        "}"
    ),
    ("bibtex", "q-su57-order"): (
        f"“{SU57}.” \\cite[\\P~2]{{src-fighters}}\n\n"
        "@misc{src-fighters,\n  title = {{[Report on fighter deliveries]}},\n}"
    ),
    ("bibtex", "q-summit"): (
        f"“{SUMMIT}.” \\cite[\\P~2]{{src-notes}}\n\n"
        "@misc{src-notes,\n"
        "  title = {{[Notes from the summit]}},\n"
        "  howpublished = {Summit Wire},\n"
        "  year = {2024},\n"
        "  month = sep,\n"
        "  date = {2024-09},\n"
        "  note = {Inferred, not stated in the article: outlet, date},\n"
        "}"
    ),
}


@pytest.mark.parametrize(("style", "item_id"), sorted(EXPECTED))
def test_excerpt_in_each_style(sample: Brief, style: str, item_id: str) -> None:
    assert cite_item(sample, item_id, style) == EXPECTED[style, item_id]


def test_csl_json_is_valid_json_with_locator_and_inferred_note(sample: Brief) -> None:
    document = json.loads(cite_item(sample, "q-summit", "csl-json"))
    assert document == {
        "quotes": [
            {
                "id": "q-summit",
                "quote": f"{SUMMIT}.",
                "source": "src-notes",
                "locator": "2",
                "label": "paragraph",
            }
        ],
        "references": [
            {
                "id": "src-notes",
                "type": "article-newspaper",
                "title": "[Notes from the summit]",
                "container-title": "Summit Wire",
                "issued": {"date-parts": [[2024, 9]]},
                "note": "Inferred, not stated in the article: outlet, date",
            }
        ],
    }


def test_csl_json_complete_source(sample: Brief) -> None:
    (reference,) = json.loads(cite_item(sample, "src-harbour", "csl-json"))["references"]
    assert reference == {
        "id": "src-harbour",
        "type": "article-newspaper",
        "title": "Harbour deal signed in Kaliningrad",
        "author": [{"family": "Lúcio", "given": "Ana"}],
        "container-title": "Baltic Ledger",
        "issued": {"date-parts": [[2024, 3, 4]]},
        "URL": "https://example.org/harbour",
    }


def _source(**fields: object) -> Reference:
    values: dict[str, object] = {
        "id": "src-ports",
        "title": "Ports reopen after the storm",
        "file": "ports.txt",
        "path": Path("ports.txt"),
        "paragraphs": (),
    }
    values.update(fields)
    return Reference.of(Source(**values))  # type: ignore[arg-type]


def test_headline_without_author_or_date_but_with_url() -> None:
    ref = _source(
        outlet="Harbour Times", url="https://example.org/ports", accessed=parse_date("2024-10-01")
    )
    assert plain_reference(ref, 2) == (
        "“Ports reopen after the storm”, Harbour Times, n.d., ¶ 2, https://example.org/ports"
    )
    assert apa_reference(ref) == (
        "Ports reopen after the storm. (n.d.). Harbour Times. https://example.org/ports"
    )
    assert apa_in_text(ref, 2) == "(“Ports Reopen,” n.d., para. 2)"
    assert chicago_note(ref, 2) == (
        "“Ports Reopen after the Storm,” Harbour Times, n.d., accessed October 1, 2024, ¶ 2, "
        "https://example.org/ports."
    )
    assert chicago_bibliography(ref) == (
        "“Ports Reopen after the Storm.” Harbour Times, n.d. Accessed October 1, 2024. "
        "https://example.org/ports."
    )
    assert mla_works_cited(ref) == (
        "“Ports Reopen after the Storm.” Harbour Times, example.org/ports. Accessed 1 Oct. 2024."
    )
    assert mla_in_text(ref, 2) == "(“Ports Reopen”)"
    assert "urldate = {2024-10-01}" in bibtex_entry(ref)
    assert "year" not in bibtex_entry(ref)
    assert csl_item(ref)["accessed"] == {"date-parts": [[2024, 10, 1]]}


def test_two_authors_and_three_authors() -> None:
    two = _source(authors=("Ana Lúcio", "Jai Kumar Verma"), published=parse_date("2025-12-10"))
    assert apa_reference(two).startswith("Lúcio, A., & Verma, J. K. (2025, December 10).")
    assert apa_in_text(two, 1) == "(Lúcio & Verma, 2025, para. 1)"
    assert mla_in_text(two, 1) == "(Lúcio and Verma)"
    assert mla_works_cited(two).startswith("Lúcio, Ana, and Jai Kumar Verma. “Ports")
    assert chicago_note(two, 1).startswith("Ana Lúcio and Jai Kumar Verma, “Ports")
    three = _source(authors=("A. Bell", "C. Dunn", "E. Fox"))
    assert apa_in_text(three, 1) == "(Bell et al., n.d., para. 1)"
    assert mla_works_cited(three).startswith("Bell, A., et al. “Ports")


def test_a_text_author_is_one_name_however_it_is_written() -> None:
    organisation = _source(authors=("Reuters and AFP",))
    assert apa_in_text(organisation, 1).startswith("(AFP")


def test_inferred_date_range_within_a_month_and_approximate_year() -> None:
    ranged = _source(published=parse_date("2025-12-04/2025-12-05"), inferred=("published",))
    assert apa_reference(ranged) == "Ports reopen after the storm. ([2025, December])."
    assert mla_works_cited(ranged) == "“Ports Reopen after the Storm.” [Dec. 2025]."
    approximate = _source(published=parse_date("~2021"))
    assert apa_in_text(approximate, 3) == "(“Ports Reopen,” ca. 2021, para. 3)"


def test_headline_case_keeps_minor_words_and_existing_capitals() -> None:
    assert headline_case("the deal with iPhone makers in the UK after talks") == (
        "The Deal with iPhone Makers in the UK after Talks"
    )
    assert headline_case("ports reopen after the storm", apa=True) == (
        "Ports Reopen After the Storm"
    )


def test_event_lists_its_excerpts_with_short_notes_for_a_repeated_source(sample: Brief) -> None:
    text = cite_item(sample, "ev-deal", "chicago")
    assert text.startswith(
        "3 Mar 2024 — Kaliningrad port signs cargo deal with the Alliance\n"
        "The agreement runs for ten years.\n\n“The port authority"
    )
    assert "\n2. Lúcio, “Harbour Deal Signed,” ¶ 5.\n" in text
    assert text.count("Lúcio, Ana. “Harbour Deal") == 1  # the bibliography lists it once


def test_dispute_gives_each_position_with_its_excerpts(sample: Brief) -> None:
    text = cite_item(sample, "d-capacity", "apa")
    assert text == (
        "How much container capacity does the deal add?\n\n"
        "Position 1: It doubles capacity.\n\n"
        "“‘This agreement doubles our container capacity by 2027,’ said harbour master Piotr "
        "Nowak” (Lúcio, 2024, para. 4).\n\n"
        "Position 2: It triples capacity.\n\n"
        "“The container capacity will triple by 2027, a delegate claimed” "
        "([Notes from the summit], [2024], para. 4).\n\n"
        "Assessment: The harbour master is on the record; the delegate is anonymous.\n\n"
        "Lúcio, A. (2024, March 4). Harbour deal signed in Kaliningrad. Baltic Ledger. "
        "https://example.org/harbour\n"
        "[Notes from the summit]. ([2024, September]). [Summit Wire]."
    )


def test_figure_topic_entity_and_source(sample: Brief) -> None:
    assert cite_item(sample, "fig-su57-units", "plain") == (
        f"Su-57 aircraft ordered: 12 aircraft (2021)\n\n“{SU57}.”\n"
        "— [Report on fighter deliveries], n.d., ¶ 2"
    )
    topic = cite_item(sample, "t-fighters", "mla")
    assert topic.startswith("Defence › Fighters\n\n“The Su-57 order")
    assert cite_item(sample, "nowak", "plain") == (
        "Piotr Nowak — harbour master of Kaliningrad\n\n"
        "“‘This agreement doubles our container capacity by 2027,’ said harbour master "
        f"Piotr Nowak.”\n— {HARBOUR_PLAIN.replace('¶ 3', '¶ 4')}"
    )
    assert cite_item(sample, "src-notes", "mla") == (
        "Notes from the summit. [Summit Wire], [Sept. 2024]."
    )


def test_topic_without_key_quotes_gives_everything_filed_under_it(sample: Brief) -> None:
    text = cite_item(sample, "t-defence", "plain")
    for excerpt in ("q-su57-order", "q-first-jets", "q-delays", "q-hedge"):
        assert sample.excerpt(excerpt).quote[:30] in text.replace("‘", "“").replace("’", "”")


def test_unknown_id_names_the_closest(sample: Brief) -> None:
    with pytest.raises(UnknownItem) as caught:
        cite_item(sample, "q-deal-sign", "apa")
    assert "q-deal-signed" in caught.value.closest
    with pytest.raises(UnknownStyle):
        cite_item(sample, "q-deal-signed", "harvard")


@pytest.mark.parametrize("style", STYLES)
def test_controls_in_the_brief_never_reach_the_text(sample: Brief, style: str) -> None:
    from dataclasses import replace

    poisoned = replace(
        sample.source("src-harbour"),
        title="Harbour\x1b]52;c;ZXZpbA==\x07 deal\u202e",
        authors=("Ana\x1b[31m Lúcio",),
    )
    brief = replace(sample, sources=(poisoned, *sample.sources[1:]))
    text = cite_item(brief, "ev-deal", style)
    assert not any(ord(c) < 32 and c not in "\n\t" for c in text)
    assert "\u202e" not in text and "52;c" not in text
    assert "Harbour deal" in text or "Harbour Deal" in text


def test_no_access_date_unless_the_source_states_one() -> None:
    """The brief's as_of is when the brief was current, not when anyone read the page."""
    ref = _source(outlet="Harbour Times", url="https://example.org/ports")
    assert "ccessed" not in chicago_note(ref, 2) + chicago_bibliography(ref)
    assert "Accessed" not in mla_works_cited(ref)
    assert "urldate" not in bibtex_entry(ref)
    assert "accessed" not in csl_item(ref)


def test_in_text_citations_use_the_short_title() -> None:
    given = _source(title="Putin’s India Visit: A Strategic Reset", short_title="India Visit")
    assert apa_in_text(given, 4) == "(“India Visit,” n.d., para. 4)"
    assert mla_in_text(given, 4) == "(“India Visit”)"
    shortened = _source(title="Putin’s India Visit: A Strategic Reset in India Russia Relations")
    assert apa_in_text(shortened, 4) == "(“Putin’s India Visit,” n.d., para. 4)"
    described = _source(
        title="[India and Russia step up exchanges as the Kremlin announces the visit]"
    )
    assert apa_in_text(described, 1) == "([India and Russia step up exchanges…], n.d., para. 1)"
    assert mla_in_text(described, 1) == "(India and Russia step up exchanges…)"


def test_apa_titles_are_in_sentence_case_keeping_the_brief_s_proper_nouns() -> None:
    nouns = frozenset({"India", "Russia", "Putin"})
    values: dict[str, object] = {
        "id": "s",
        "title": "Putin’s India Visit: A Strategic Reset in India Russia Relations",
        "file": "s.txt",
        "path": Path("s.txt"),
        "paragraphs": (),
    }
    ref = Reference.of(Source(**values), nouns)  # type: ignore[arg-type]
    assert apa_reference(ref) == (
        "Putin’s India visit: A strategic reset in India Russia relations. (n.d.)."
    )
    values["title"] = "US Tariffs on S-400 Buyers Hit Russian Oil"
    acronyms = Reference.of(Source(**values), frozenset({"Russian"}))  # type: ignore[arg-type]
    assert apa_reference(acronyms).startswith("US tariffs on S-400 buyers hit Russian oil.")


def test_csl_json_items_validate_against_the_csl_schema(sample: Brief) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((Path(__file__).parents[1] / "fixtures" / "csl-data.json").read_text())
    for source in sample.sources:
        item = csl_item(Reference.of(source))
        jsonschema.validate([item], schema)
