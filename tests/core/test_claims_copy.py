"""Copies and exports cite each claim: in-text citations (APA, MLA), notes (Chicago,
Markdown), numbered ¶ references (plain); footnotes in a Markdown export, links in HTML."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.brief.loader import load_brief
from briefing.brief.model import Brief
from briefing.cite.citations import cite_item, cite_prose
from briefing.cite.export import to_html, to_markdown

CLAIMS = Path(__file__).parents[1] / "fixtures" / "claims" / "briefs" / "claims.yaml"


@pytest.fixture(scope="module")
def brief() -> Brief:
    return load_brief(CLAIMS, use_cache=False)


def test_apa_cites_each_claim_in_the_text_before_its_full_stop(brief: Brief) -> None:
    text = cite_item(brief, "ev-deal", "apa")
    assert text.splitlines()[1] == (
        "The agreement runs for ten years (Lúcio, 2024, para. 3; "
        "[Notes from the summit], [2024], para. 2)."
    )
    assert "Lúcio, A. (2024, March 4). Harbour deal signed in Kaliningrad." in text


def test_mla_cites_each_source_once(brief: Brief) -> None:
    line = cite_item(brief, "ev-deal", "mla").splitlines()[1]
    assert line == "The agreement runs for ten years (Lúcio; Notes from the summit)."


def test_chicago_gives_a_claim_one_note_after_its_full_stop(brief: Brief) -> None:
    text = cite_item(brief, "ev-deal", "chicago")
    assert text.splitlines()[1] == "The agreement runs for ten years.¹"
    assert "\n1. Ana Lúcio, “Harbour Deal Signed in Kaliningrad,”" in text
    assert "; [Notes from the summit], [Summit Wire], [September 2024], ¶ 2.\n" in text
    assert "\n2. Lúcio, “Harbour Deal Signed,” ¶ 3." in text  # the quote after it: short


def test_markdown_marks_claims_with_the_quotes_footnotes(brief: Brief) -> None:
    text = cite_item(brief, "ev-deal", "markdown")
    assert "The agreement runs for ten years.[^q-deal-signed][^q-summit]" in text
    assert "\n[^q-summit]: \\[Notes from the summit\\]" in text


def test_plain_numbers_the_sources_with_their_paragraphs(brief: Brief) -> None:
    text = cite_item(brief, "ev-deal", "plain")
    assert "The agreement runs for ten years [1, ¶ 3; 2, ¶ 2]." in text
    assert text.endswith("[2] [Notes from the summit], [Summit Wire], [Sep 2024]")


def test_csl_json_lists_the_claims_and_their_quotes(brief: Brief) -> None:
    document = json.loads(cite_item(brief, "ev-deal", "csl-json"))
    assert document["claims"] == [
        {"text": "The agreement runs for ten years.", "quotes": ["q-deal-signed", "q-summit"]}
    ]
    assert {q["id"] for q in document["quotes"]} >= {"q-deal-signed", "q-summit"}


def test_the_summary_copies_with_its_citations(brief: Brief) -> None:
    text = cite_prose(brief, "Harbours — Summary", brief.summary or "", "apa")
    lines = text.split("\n")
    assert lines[0] == "Harbours — Summary"
    assert lines[1] == (
        "The Kaliningrad port signed a cargo deal with the Northern Alliance in March 2024 "
        "(Lúcio, 2024, para. 3; Lúcio, 2024, para. 5). The summit ended without a joint statement."
    )
    assert "Deliveries of fighters slipped ([Report on fighter deliveries], n.d., para. 3)." in text
    assert "@q-" not in text


def test_a_markdown_export_gives_each_claim_a_footnote_with_its_quotes(brief: Brief) -> None:
    report = to_markdown(brief)
    assert "in March 2024.[^c1] The summit ended without a joint statement." in report
    assert (
        "[^c1]: “The port authority of Kaliningrad signed a cargo agreement with the Northern "
        "Alliance on 3 March 2024” \\[1\\], ¶ 3; “The deal is worth"
    ) in report
    assert "*Assessment: The harbour master is on the record; the delegate is anonymous.[^c" in (
        report
    )


def test_an_html_export_links_each_claim_to_its_quotes(brief: Brief) -> None:
    page = to_html(brief)
    assert (
        'March 2024.<sup class="claim"><a href="#x-q-deal-signed" title="The port authority'
    ) in page
    assert page.count('id="x-q-deal-signed"') == 1
    assert '<blockquote id="x-q-deal-signed">' in page
    assert "[@" not in page
