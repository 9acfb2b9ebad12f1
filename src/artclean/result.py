"""What a cleaning run returns: the clean text and a record of every decision.

Explanations are data: `--explain`, JSON output and the library API all render these same
records, so what the user reads is what the pipeline decided.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .names import json_name


@dataclass(frozen=True, slots=True)
class Kept:
    """A paragraph in the output, in output order."""

    index: int  # 0-based paragraph index in the input
    line: int  # 1-based line number in the input
    text: str


@dataclass(frozen=True, slots=True)
class Removal:
    """A paragraph split off, with the kind, the rule that fired and a readable reason."""

    index: int
    line: int
    kind: str
    rule: str
    reason: str
    text: str
    duplicate_of: int | None = None  # index of the paragraph this one repeats
    similarity: float | None = None  # rapidfuzz score against that paragraph
    also: tuple[str, ...] = ()  # other kinds that apply, e.g. a repeated syndication note
    group: int | None = None  # index of the first paragraph of its block or list
    code: str = ""  # the rule's stable code (D001, S101): see rules.py and the rule table


@dataclass(frozen=True, slots=True)
class Stats:
    paragraphs_in: int
    paragraphs_out: int
    chars_in: int
    chars_out: int
    removed: dict[str, int]  # removals by kind


@dataclass(frozen=True, slots=True)
class Result:
    """The outcome of cleaning one document."""

    source: str | None
    text: str
    kept: tuple[Kept, ...]
    removed: tuple[Removal, ...]
    stats: Stats

    @property
    def changed(self) -> bool:
        return bool(self.removed)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form, with a stable key order.

        Documented in docs/reference/json-output.md and described by data/result.schema.json.
        """
        return {
            "source": None if self.source is None else json_name(self.source),
            "text": self.text,
            "kept": [{"index": k.index, "line": k.line, "text": k.text} for k in self.kept],
            "removed": [
                {
                    "index": r.index,
                    "line": r.line,
                    "kind": r.kind,
                    "code": r.code,
                    "rule": r.rule,
                    "reason": r.reason,
                    "text": r.text,
                    "duplicate_of": r.duplicate_of,
                    "similarity": r.similarity,
                    "also": list(r.also),
                    "group": r.group,
                }
                for r in self.removed
            ],
            "stats": {
                "paragraphs_in": self.stats.paragraphs_in,
                "paragraphs_out": self.stats.paragraphs_out,
                "chars_in": self.stats.chars_in,
                "chars_out": self.stats.chars_out,
                "removed": dict(self.stats.removed),
            },
        }
