"""`briefing schema`: a JSON Schema that agrees with the checker and the shipped file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from briefing.brief.bundled import default_brief
from briefing.brief.schema import json_schema
from briefing.brief.spec import FIELDS

ROOT = Path(__file__).parents[2]
SAMPLE = ROOT / "tests" / "fixtures" / "sample" / "briefs" / "sample.yaml"


def _printed() -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "schema"], capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    schema: dict[str, object] = json.loads(done.stdout)
    return schema


def test_the_printed_schema_is_the_generated_one_and_the_shipped_file() -> None:
    printed = _printed()
    assert printed == json_schema()
    shipped = json.loads((ROOT / "src" / "briefing" / "brief.schema.json").read_text("utf-8"))
    assert shipped == printed, "brief.schema.json is stale: regenerate it with `briefing schema`"


def test_every_kind_and_key_of_the_format_is_in_the_schema() -> None:
    schema = json_schema()
    assert schema["required"] == [
        "format",
        "id",
        "title",
        "as_of",
        "sources",
        "topics",
        "events",
        "excerpts",
    ]
    for kind, fields in FIELDS.items():
        part = schema if kind == "brief" else schema["$defs"][kind]
        assert set(part["properties"]) == {f.name for f in fields}
        assert part["additionalProperties"] is False
        assert "^x-" in part["patternProperties"]


def test_the_bundled_brief_validates() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(yaml.safe_load(default_brief().read_text("utf-8")), json_schema())


def test_the_sample_validates_and_broken_shapes_do_not() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json_schema()
    data = yaml.safe_load(SAMPLE.read_text("utf-8"))
    data["as_of"] = str(data["as_of"])  # the schema sees dates as text, as a language server does
    for event in data["events"]:
        event["date"] = str(event["date"])
    for source in data["sources"]:
        if "published" in source:
            source["published"] = str(source["published"])
    jsonschema.validate(data, schema)
    bad = {**data, "sumary": "typo"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**data, "as_of": "1990s"}, schema)


def test_the_sample_names_the_schema_for_its_language_server() -> None:
    first = SAMPLE.read_text("utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    target = (SAMPLE.parent / first.split("$schema=")[1]).resolve()
    assert target == (ROOT / "src" / "briefing" / "brief.schema.json").resolve()
