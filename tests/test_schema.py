"""The JSON output against the JSON Schema shipped in the package (docs/reference/json-output.md).

The schema is what programs reading artclean's JSON rely on; these tests hold real output of
every path that writes results (one document, several, a batch, JSONL records) to it.
"""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from artclean.cli import cli
from artclean.kinds import KINDS
from conftest import FIXTURES, ROOT, SEED

jsonschema = pytest.importorskip("jsonschema")

SCHEMA = json.loads((files("artclean") / "data" / "result.schema.json").read_text("utf-8"))
INPUTS = [
    SEED,
    *sorted((FIXTURES / "cases").glob("*.txt")),
    *sorted((FIXTURES / "content" / "pasted").glob("*.md")),
]


def validate(result: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator(SCHEMA).validate(result)
    indices = [k["index"] for k in result["kept"]] + [r["index"] for r in result["removed"]]
    assert sorted(indices) == list(range(result["stats"]["paragraphs_in"]))


def run(*args: str, stdin: str | None = None) -> str:
    outcome = CliRunner().invoke(cli, list(args), input=stdin)
    assert outcome.exit_code == 0, outcome.output
    return outcome.stdout


def test_the_schema_is_a_valid_draft_2020_12_schema_with_every_kind() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$defs"]["kind"]["enum"] == list(KINDS)


@pytest.mark.parametrize("path", INPUTS, ids=lambda path: path.name)
def test_format_json_fits_the_schema(path: Path) -> None:
    validate(json.loads(run(str(path), "--format", "json")))


def test_format_jsonl_fits_the_schema_line_by_line() -> None:
    lines = run(*map(str, INPUTS), "--format", "jsonl").splitlines()
    assert len(lines) == len(INPUTS)
    for line in lines:
        validate(json.loads(line))


def test_standard_input_has_a_null_source() -> None:
    result = json.loads(run("--format", "json", stdin=SEED.read_text(encoding="utf-8")))
    validate(result)
    assert result["source"] is None


def test_a_batch_writes_results_that_fit_the_schema(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(str(FIXTURES / "cases"), "--out-dir", str(out), "--format", "json", "-q")
    written = sorted(out.rglob("*.json"))
    assert len(written) == len(list((FIXTURES / "cases").glob("*.txt")))
    for path in written:
        validate(json.loads(path.read_text(encoding="utf-8")))


def test_a_jsonl_record_holds_the_result_without_its_text() -> None:
    records = "".join(
        json.dumps({"id": n, "text": path.read_text(encoding="utf-8")}) + "\n"
        for n, path in enumerate(INPUTS)
    )
    out = run("--input-format", "jsonl", "--format", "json", "-q", stdin=records)
    for number, line in enumerate(out.splitlines(), start=1):
        record = json.loads(line)
        assert "text" not in record["artclean"]
        assert record["artclean"]["source"] == f"<stdin>:{number}"
        validate({**record["artclean"], "text": record["text"]})


def test_the_reference_page_lists_every_field_of_the_schema() -> None:
    page = (ROOT / "docs" / "reference" / "json-output.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_\[\].]+)` \|", page, re.M))
    fields = set(SCHEMA["properties"]) - {"kept", "removed"}
    fields |= {"kept[]", "removed[]"}
    fields |= {f"removed[].{name}" for name in SCHEMA["$defs"]["removal"]["properties"]}
    fields -= {"removed[].index", "removed[].line", "removed[].text"}  # as for kept[]
    assert fields <= documented, fields - documented
    assert "result.schema.json" in page
