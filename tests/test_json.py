"""The JSON output: documented keys in a stable order, valid against the schema, nothing lost.

The key order is written here as data (the table of docs/reference/json-output.md, key for
key) with a small validator; tests/test_schema.py checks the same output against the JSON
Schema shipped in the package.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from artclean.cli import cli
from artclean.kinds import KINDS
from artclean.rules import known_codes
from conftest import FIXTURES, ROOT, SEED

Number = (int, float)


@dataclass(frozen=True)
class ListOf:
    item: Any


@dataclass(frozen=True)
class MapOf:
    key: Any
    value: Any


@dataclass(frozen=True)
class OneOf:
    """A string from a fixed set."""

    values: frozenset[str]


@dataclass(frozen=True)
class Nullable:
    of: Any


REMOVAL = {
    "index": int,
    "line": int,
    "kind": OneOf(frozenset(KINDS)),
    "code": OneOf(known_codes()),
    "rule": str,
    "reason": str,
    "text": str,
    "duplicate_of": Nullable(int),
    "similarity": Nullable(Number),
    "also": ListOf(OneOf(frozenset(KINDS))),
    "group": Nullable(int),
}
SCHEMA = {
    "source": Nullable(str),
    "text": str,
    "kept": ListOf({"index": int, "line": int, "text": str}),
    "removed": ListOf(REMOVAL),
    "stats": {
        "paragraphs_in": int,
        "paragraphs_out": int,
        "chars_in": int,
        "chars_out": int,
        "removed": MapOf(OneOf(frozenset(KINDS)), int),
    },
}


def problems(value: Any, schema: Any, where: str = "$") -> list[str]:
    """Every way `value` departs from `schema`; an object's keys must appear in schema order."""
    if isinstance(schema, Nullable):
        return [] if value is None else problems(value, schema.of, where)
    if isinstance(schema, dict):
        if not isinstance(value, dict):
            return [f"{where}: expected an object, got {type(value).__name__}"]
        if list(value) != list(schema):
            return [f"{where}: keys {list(value)} are not {list(schema)}"]
        return [
            p for key, sub in schema.items() for p in problems(value[key], sub, f"{where}.{key}")
        ]
    if isinstance(schema, ListOf):
        if not isinstance(value, list):
            return [f"{where}: expected an array, got {type(value).__name__}"]
        return [
            p for i, item in enumerate(value) for p in problems(item, schema.item, f"{where}[{i}]")
        ]
    if isinstance(schema, MapOf):
        if not isinstance(value, dict):
            return [f"{where}: expected an object, got {type(value).__name__}"]
        return [
            p
            for key, item in value.items()
            for p in problems(key, schema.key, f"{where} key")
            + problems(item, schema.value, f"{where}.{key}")
        ]
    if isinstance(schema, OneOf):
        if value not in schema.values:
            return [f"{where}: {value!r} is not one of the documented values"]
        return []
    types = schema if isinstance(schema, tuple) else (schema,)
    if isinstance(value, bool) or not isinstance(value, types):
        return [f"{where}: expected {'/'.join(t.__name__ for t in types)}, got {value!r}"]
    return []


def invariants(data: dict[str, Any], original: str) -> list[str]:
    """What must hold between the parts of one object and the input it describes."""
    found = []
    kept, removed, stats = data["kept"], data["removed"], data["stats"]
    kept_indices = [k["index"] for k in kept]
    removed_indices = [r["index"] for r in removed]
    if sorted(kept_indices + removed_indices) != list(range(stats["paragraphs_in"])):
        found.append("kept and removed together are not every paragraph exactly once")
    if removed_indices != sorted(removed_indices):
        found.append("removed is not in input order")
    if stats["paragraphs_out"] != len(kept):
        found.append("paragraphs_out is not the number kept")
    if stats["chars_in"] != len(original):
        found.append(f"chars_in {stats['chars_in']} != {len(original)}")
    if stats["chars_out"] != len(data["text"]):
        found.append("chars_out is not the length of text")
    if stats["removed"] != dict(Counter(r["kind"] for r in removed)):
        found.append("stats.removed does not count removals by kind")
    if list(stats["removed"]) != sorted(stats["removed"]):
        found.append("stats.removed keys are not sorted")
    lines = re.split(r"\r\n|\r|\n", original.removeprefix("\ufeff"))
    for part in kept + removed:
        first_line = re.split(r"\r\n|\r|\n", part["text"])[0]
        if lines[part["line"] - 1] != first_line:
            found.append(f"paragraph {part['index']} is not at line {part['line']}")
        if part["text"] not in original:
            found.append(f"paragraph {part['index']} is not text of the input")
    for r in removed:
        if (
            r["duplicate_of"] is not None
            and r["duplicate_of"] not in kept_indices + removed_indices
        ):
            found.append(f"removed {r['index']} repeats a paragraph that does not exist")
        if (r["kind"] == "duplicate" or "duplicate" in r["also"]) != (
            r["duplicate_of"] is not None
        ):
            found.append(f"removed {r['index']}: duplicate_of is set exactly for duplicates")
        if (r["duplicate_of"] is None) != (r["similarity"] is None):
            found.append(f"removed {r['index']}: similarity goes with duplicate_of")
        if r["similarity"] is not None and not 0 < r["similarity"] <= 100:
            found.append(f"removed {r['index']}: similarity out of range")
        if r["kind"] in r["also"]:
            found.append(f"removed {r['index']}: its kind is repeated in also")
    return found


INPUTS = [
    SEED,
    *sorted((FIXTURES / "cases").glob("*.txt")),
    *sorted((FIXTURES / "untouched").glob("*.txt")),
]


def run_json(*args: str, stdin: str | None = None) -> str:
    result = CliRunner().invoke(
        cli, list(args), input=stdin.encode() if stdin is not None else None
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_validator_finds_what_is_wrong() -> None:
    good = json.loads(run_json(str(SEED), "--format", "json"))
    assert problems(good, SCHEMA) == []

    reordered = {"text": good["text"], **{k: v for k, v in good.items() if k != "text"}}
    wrong_type = {**good, "stats": {**good["stats"], "chars_in": "3423"}}
    bad_kind = {**good, "removed": [{**good["removed"][0], "kind": "spam"}]}
    missing = {**good, "removed": [{k: v for k, v in good["removed"][0].items() if k != "rule"}]}
    assert problems(reordered, SCHEMA) != []
    assert problems(wrong_type, SCHEMA) == ["$.stats.chars_in: expected int, got '3423'"]
    assert problems(bad_kind, SCHEMA) == [
        "$.removed[0].kind: 'spam' is not one of the documented values"
    ]
    assert len(problems(missing, SCHEMA)) == 1

    lost = {**good, "kept": good["kept"][1:]}
    assert "kept and removed together are not every paragraph exactly once" in invariants(
        lost, SEED.read_text(encoding="utf-8")
    )


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_json_output_validates_and_is_consistent(path: Path) -> None:
    data = json.loads(run_json(str(path), "--format", "json"))
    assert problems(data, SCHEMA) == []
    assert invariants(data, path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_json_text_is_exactly_the_text_output(path: Path) -> None:
    data = json.loads(run_json(str(path), "--format", "json"))
    assert data["text"] == run_json(str(path))


def test_json_is_one_indented_object_ending_in_a_newline() -> None:
    out = run_json(str(SEED), "--format", "json")
    assert out.startswith('{\n  "source": ')
    assert out.endswith("}\n")
    assert out.count("\n}\n") == 1


def test_jsonl_is_one_compact_object_per_input_in_input_order() -> None:
    paths = [SEED, *INPUTS[1:3]]
    out = run_json(*map(str, paths), "--format", "jsonl")
    lines = out.split("\n")
    assert lines[-1] == ""
    objects = [json.loads(line) for line in lines[:-1]]
    assert [o["source"] for o in objects] == [str(p) for p in paths]
    for obj, path in zip(objects, paths, strict=True):
        assert problems(obj, SCHEMA) == []
        assert invariants(obj, path.read_text(encoding="utf-8")) == []
        assert obj == json.loads(run_json(str(path), "--format", "json"))


def test_non_ascii_text_is_written_as_utf8_not_escaped() -> None:
    text = "“Quoted” café paragraph of the article, with a euro sign: €5.\n"
    out = run_json("-", "--format", "jsonl", stdin=text)
    assert "“Quoted” café" in out
    assert "\\u" not in out


def test_empty_input_is_a_valid_empty_object() -> None:
    data = json.loads(run_json("-", "--format", "json", stdin=""))
    assert problems(data, SCHEMA) == []
    assert data == {
        "source": None,
        "text": "",
        "kept": [],
        "removed": [],
        "stats": {
            "paragraphs_in": 0,
            "paragraphs_out": 0,
            "chars_in": 0,
            "chars_out": 0,
            "removed": {},
        },
    }


def test_kept_kinds_are_not_listed_as_removed() -> None:
    data = json.loads(run_json(str(SEED), "--format", "json", "--keep", "related"))
    assert problems(data, SCHEMA) == []
    assert invariants(data, SEED.read_text(encoding="utf-8")) == []
    assert "related" not in {r["kind"] for r in data["removed"]}
    assert data["stats"]["removed"] == {"duplicate": 6, "syndication": 2}
    assert data["text"].endswith(
        "You may also like\n"
        + "".join(line + "\n" for line in SEED.read_text(encoding="utf-8").split("\n")[16:])
    )


def test_json_refuses_several_inputs_and_suggests_jsonl() -> None:
    result = CliRunner().invoke(cli, [str(SEED), str(SEED), "--format", "json"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--format jsonl" in result.stderr


def test_the_documented_example_uses_the_documented_key_order() -> None:
    """The JSON example of docs/reference/json-output.md and the schema here must not drift."""
    readme = (ROOT / "docs" / "reference" / "json-output.md").read_text(encoding="utf-8")
    example = json.loads(re.search(r"```json\n(.*?)```", readme, re.S).group(1))
    assert list(example) == list(SCHEMA)
    assert list(example["kept"][0]) == list(SCHEMA["kept"].item)
    assert list(example["removed"][0]) == list(REMOVAL)
    assert list(example["stats"]) == list(SCHEMA["stats"])
    assert problems(example, SCHEMA) == []
