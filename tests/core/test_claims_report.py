"""The claims report: claims, claims with evidence, claims resting on one source, and the
sentences that cite nothing, each at its line and column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.brief.bundled import default_brief
from briefing.brief.evidence import claims_report
from briefing.brief.loader import load_brief
from briefing.cli import main

CLAIMS = Path(__file__).parents[1] / "fixtures" / "claims" / "briefs" / "claims.yaml"
TEXT = CLAIMS.read_text(encoding="utf-8")


def place_of(needle: str) -> tuple[int, int]:
    at = TEXT.index(needle)
    return TEXT.count("\n", 0, at) + 1, at - (TEXT.rfind("\n", 0, at) + 1) + 1


def test_counts_on_the_fixture() -> None:
    report = claims_report(load_brief(CLAIMS, use_cache=False), TEXT)
    # summary 4, three topic summaries 2 (two topics have none), one event detail, a figure
    # note of one sentence, two position claims, one assessment
    assert len(report.claims) == 11
    assert len(report.with_evidence) == 8
    assert [c.text for c in report.uncited] == [
        "The summit ended without a joint statement.",
        "Aircraft orders and deliveries.",
        "It triples capacity.",
    ]
    # Single source: the deal (both quotes from the harbour article), the delays, the
    # ports topic, the figure note, the doubling claim; not the event detail (harbour and
    # summit notes), the sentence of the dispute (two sources) or the assessment.
    assert [c.field for c in report.single_source] == [
        "summary",
        "summary",
        "topics[0].summary",
        "figures[0].note",
        "disputes[0].positions[0].claim",
    ]
    assert report.line() == "11 claims, 8 cite evidence, 5 rest on one source"


def test_each_claim_is_placed_where_it_is_written() -> None:
    report = claims_report(load_brief(CLAIMS, use_cache=False), TEXT)
    placed = {c.text: (c.line, c.column) for c in report.claims}
    assert placed["The summit ended without a joint statement."] == place_of("The summit ended")
    assert placed["It triples capacity."] == place_of("It triples capacity.")
    assert placed["Deliveries of fighters slipped."] == place_of("Deliveries of fighters")


def test_check_uncited_lists_the_to_do_sentences(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--uncited", str(CLAIMS)]) == 0
    out = capsys.readouterr().out.splitlines()
    line, column = place_of("It triples capacity.")
    assert f"{CLAIMS}:{line}:{column}: It triples capacity." in out
    assert f"{CLAIMS}: 11 claims, 8 cite evidence, 5 rest on one source" in out
    assert not any("@q-" in x for x in out)


def test_check_json_reports_the_claims(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--json", str(CLAIMS)]) == 0
    claims = json.loads(capsys.readouterr().out)[0]["claims"]
    assert (claims["claims"], claims["with_evidence"], claims["single_source"]) == (11, 8, 5)
    first = claims["single_source_claims"][0]
    assert first["sources"] == ["src-harbour"] and first["field"] == "summary"
    assert [u["text"] for u in claims["uncited"]][-1] == "It triples capacity."


def test_every_summary_sentence_of_the_bundled_brief_cites_evidence() -> None:
    path = default_brief()
    report = claims_report(load_brief(path), path.read_text(encoding="utf-8"))
    summaries = [c for c in report.claims if c.field.endswith("summary")]
    assert len(summaries) > 60
    assert [c.text for c in summaries if not c.cited] == []
    # and the report says which rest on the post-visit opinion piece alone
    alone = {c.sources for c in report.single_source if c.field.endswith("summary")}
    assert ("src-adu-verma",) in alone
