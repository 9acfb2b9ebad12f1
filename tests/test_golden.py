"""Golden outputs: what the command writes today, byte for byte, for every input under
fixtures/ and for a small generated corpus, in text and --format json.

Speed work must not change a byte of output (issue 12). A difference here is either a bug or a
deliberate quality change, which then regenerates the golden files in its own commit and says
why. Regenerating is never automatic:

    PYTHONPATH=$PWD/src python tests/test_golden.py --regenerate

Stored compactly (the fixtures hold megabytes of real documentation): for each fixture input,
the SHA-256 of each output decides, and beside it, for review and for a readable failure, the
unified diff from the input to the text output and the JSON output without the kept texts.
The text output of fixtures/cases and fixtures/untouched is pinned exactly by test_cases.py,
so only their JSON is recorded here. The generated corpus is stored in full.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import random
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from artclean.cli import cli

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"
FIXTURE_RECORDS = GOLDEN / "fixtures.json"
CORPUS_TEXT = GOLDEN / "corpus.txt"
CORPUS_JSON = GOLDEN / "corpus.json.txt"

# Files under fixtures/ that are not inputs: expected outputs, findings and licences (the
# READMEs and SOURCES.md are cleaned too: more Markdown).
NOT_INPUTS = (".expected.txt", ".check", ".fixed")
TEXT_PINNED_ELSEWHERE = ("fixtures/cases/", "fixtures/untouched/")


def fixture_inputs() -> list[str]:
    """Every input file under fixtures/, as a path relative to the repository root."""
    found = []
    for path in sorted(FIXTURES.rglob("*")):
        name = path.relative_to(ROOT).as_posix()
        if not path.is_file() or name.endswith(NOT_INPUTS):
            continue
        if "/LICENSES/" in name:
            continue
        found.append(name)
    return found


def run(args: list[str]) -> tuple[int, bytes, str]:
    """The command in this process (cwd is where the paths are relative to)."""
    result = CliRunner().invoke(cli, args)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout_bytes, result.stderr


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def text_diff(before: bytes, after: bytes) -> list[str]:
    old = before.decode("utf-8", "replace").splitlines(keepends=True)
    new = after.decode("utf-8", "replace").splitlines(keepends=True)
    return [line.rstrip("\n") for line in difflib.unified_diff(old, new, n=1)][2:]


def json_summary(data: bytes) -> Any:
    """The JSON output without the texts kept (the text diff shows those)."""
    try:
        document = json.loads(data)
    except ValueError:
        return None
    return {
        "kept": " ".join(f"{k['index']}:{k['line']}" for k in document["kept"]),
        "removed": document["removed"],
        "stats": document["stats"],
        "other_keys": sorted(set(document) - {"source", "text", "kept", "removed", "stats"}),
    }


def fixture_record(name: str) -> dict[str, Any]:
    record: dict[str, Any] = {}
    if not name.startswith(TEXT_PINNED_ELSEWHERE):
        status, out, err = run([name])
        record["text"] = {"exit": status, "sha256": sha256(out), "stderr": err}
        record["text"]["diff"] = text_diff((ROOT / name).read_bytes(), out)
    status, out, err = run(["--format", "json", name])
    record["json"] = {"exit": status, "sha256": sha256(out), "stderr": err}
    record["json"]["summary"] = json_summary(out)
    return record


# The generated corpus: articles in plain English built from a fixed vocabulary, with what
# scrapers bring along. Self-contained, so that editing a fixture does not change it.

_SUBJECTS = [
    "The council",
    "The harbour authority",
    "A spokesperson for the ministry",
    "Local fishermen",
    "The school board",
    "Residents of the eastern district",
    "The regional court",
    "Engineers at the water company",
    "The opposition leader",
    "Several shop owners",
]
_VERBS = [
    "approved",
    "rejected",
    "questioned",
    "postponed a decision on",
    "welcomed",
    "published",
    "criticised",
    "agreed to review",
]
_OBJECTS = [
    "a plan to dredge the eastern channel",
    "the budget for the coming year",
    "new rules on parking near the station",
    "a report on flooding in the valley",
    "the proposal to close two libraries",
    "a contract for the new ferry terminal",
    "the timetable for repairs to the bridge",
    "an inquiry into delays at the hospital",
]
_TAILS = [
    "after a debate that lasted four hours",
    "on Thursday evening",
    "despite objections from neighbours",
    "citing the cost of energy",
    "following a public consultation",
    "without a vote",
    "in a statement released on Monday",
    "two weeks earlier than expected",
]
_SYNDICATION = [
    "This article originally appeared in The Harbour Gazette.",
    "This story was first published by Reuters.",
    "Additional reporting by the Associated Press.",
    "A version of this article appeared in print on page 12 of the New York edition.",
]
_MENUS = [
    "Home | News | Sport | Business | Culture | Opinion",
    "Share on Facebook\n\nShare on Twitter\n\nShare via email",
    "Sign up for our newsletter to get the top stories in your inbox every morning.",
    "We use cookies to improve your experience. Accept all cookies",
    "Advertisement",
    "© 2024 The Harbour Gazette. All rights reserved.",
    "Skip to main content",
]


def _sentence(rng: random.Random) -> str:
    return " ".join(
        [rng.choice(_SUBJECTS), rng.choice(_VERBS), rng.choice(_OBJECTS), rng.choice(_TAILS)]
    )


def _paragraph(rng: random.Random) -> str:
    sentences = [_sentence(rng) + "." for _ in range(rng.randint(2, 4))]
    if rng.random() < 0.3:
        sentences.append(f"It will cost about £{rng.randint(2, 90)}m, officials said.")
    return " ".join(sentences)


def _near_copy(rng: random.Random, paragraph: str) -> str:
    words = paragraph.split(" ")
    at = rng.randrange(len(words))
    words[at] = rng.choice(["also", "then", "later", "again"])
    return " ".join(words)


def generated_corpus(seed: int = 12, documents: int = 40) -> dict[str, str]:
    """`documents` pages, name -> text; the same seed gives the same pages, byte for byte."""
    rng = random.Random(seed)
    pages = {}
    for number in range(documents):
        body = [_paragraph(rng) for _ in range(rng.randint(3, 8))]
        parts = [f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}", *body]
        if rng.random() < 0.5:
            parts.insert(0, rng.choice(_MENUS))
        if rng.random() < 0.35:
            parts.insert(rng.randint(2, len(parts)), rng.choice(body))  # repeated exactly
        if rng.random() < 0.35:
            parts.insert(rng.randint(2, len(parts)), _near_copy(rng, rng.choice(body)))
        if rng.random() < 0.25:
            lead = body[0]
            parts.insert(1, lead[: len(lead) // 2].rstrip() + "…")  # a teaser
        if rng.random() < 0.4:
            parts.append(rng.choice(_SYNDICATION))
        if rng.random() < 0.3:
            parts.append("Related stories")
            parts.extend(_sentence(rng) for _ in range(3))
        for _ in range(rng.randint(0, 3)):
            parts.append(rng.choice(_MENUS))
        ending = "\r\n" if rng.random() < 0.1 else "\n"
        pages[f"page-{number:03}.txt"] = (ending * 2).join(parts) + ending
    return pages


def corpus_outputs(folder: Path) -> tuple[bytes, bytes]:
    """The generated corpus written into `folder` and cleaned one page at a time, as two
    streams: each page's output under a header line with its name and exit status."""
    pages = generated_corpus()
    for name, text in pages.items():
        (folder / name).write_bytes(text.encode("utf-8"))
    streams: list[list[bytes]] = [[], []]
    here = Path.cwd()
    os.chdir(folder)
    try:
        for name in pages:
            for stream, args in zip(streams, ([name], ["--format", "json", name]), strict=True):
                status, out, err = run(args)
                stream.append(f"===== {name} exit {status} {err.strip()}\n".encode())
                stream.append(out)
    finally:
        os.chdir(here)
    return b"".join(streams[0]), b"".join(streams[1])


def regenerate() -> None:
    import tempfile

    GOLDEN.mkdir(exist_ok=True)
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        records = {name: fixture_record(name) for name in fixture_inputs()}
    finally:
        os.chdir(here)
    text = json.dumps(records, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    FIXTURE_RECORDS.write_text(text, encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        plain, as_json = corpus_outputs(Path(folder))
    CORPUS_TEXT.write_bytes(plain)
    CORPUS_JSON.write_bytes(as_json)
    print(f"wrote {len(records)} fixture records and {len(generated_corpus())} corpus pages")


# The tests.

STORED: dict[str, Any] = (
    json.loads(FIXTURE_RECORDS.read_text(encoding="utf-8")) if FIXTURE_RECORDS.exists() else {}
)


def test_every_fixture_input_has_a_golden_record() -> None:
    assert len(STORED) >= 500
    assert sorted(STORED) == fixture_inputs()


def test_the_generated_corpus_is_the_same_on_every_call() -> None:
    first = generated_corpus()
    assert first == generated_corpus()
    texts = "\n".join(first.values())
    for furniture in ("originally appeared", "Related stories", "…", "Share on Facebook"):
        assert furniture in texts


@pytest.mark.parametrize("name", sorted(STORED))
def test_fixture_output_is_unchanged(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    stored = STORED[name]
    now = fixture_record(name)
    # Readable parts first, so that a failure shows what changed; the digests then decide.
    for form in ("text", "json"):
        if form in stored:
            assert {k: v for k, v in now[form].items() if k != "sha256"} == {
                k: v for k, v in stored[form].items() if k != "sha256"
            }, form
            assert now[form]["sha256"] == stored[form]["sha256"], form
    assert now.keys() == stored.keys()


def test_generated_corpus_output_is_unchanged(tmp_path: Path) -> None:
    plain, as_json = corpus_outputs(tmp_path)
    assert plain.decode("utf-8") == CORPUS_TEXT.read_bytes().decode("utf-8")
    assert as_json.decode("utf-8") == CORPUS_JSON.read_bytes().decode("utf-8")


def test_the_installed_command_writes_the_same_bytes(run_artclean: Any, tmp_path: Path) -> None:
    pages = generated_corpus()
    names = sorted(pages)[:3]
    expected_text = CORPUS_TEXT.read_bytes()
    expected_json = CORPUS_JSON.read_bytes()
    for name in names:
        (tmp_path / name).write_bytes(pages[name].encode("utf-8"))
        for args, expected in (
            ([name], expected_text),
            (["--format", "json", name], expected_json),
        ):
            result = run_artclean(args)
            assert result.returncode == 0, result.stderr
            header = f"===== {name} exit 0 \n".encode()
            start = expected.index(header) + len(header)
            end = expected.find(b"===== ", start)
            assert result.stdout == expected[start : end if end >= 0 else None]


if __name__ == "__main__":
    if sys.argv[1:] != ["--regenerate"]:
        sys.exit("usage: python tests/test_golden.py --regenerate")
    regenerate()
