"""What a batch counts: documents seen, changed, unchanged and failed, removals, bytes.

Workers return a Tally for the work they did and the main process adds them up, so the
summary is the same whatever the number of workers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from .result import Result


@dataclass(frozen=True, slots=True)
class Tally:
    """Counts over some documents (files, or JSONL records)."""

    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    paragraphs_in: int = 0
    paragraphs_out: int = 0
    removed: Mapping[str, int] = field(default_factory=dict)  # paragraphs removed, by kind
    bytes_in: int = 0
    bytes_out: int = 0
    skipped: int = 0  # records not for cleaning (WARC records that hold no text), not errors

    @property
    def seen(self) -> int:
        return self.changed + self.unchanged + self.failed

    def __add__(self, other: Tally) -> Tally:
        removed = Counter(self.removed)
        removed.update(other.removed)
        return Tally(
            changed=self.changed + other.changed,
            unchanged=self.unchanged + other.unchanged,
            failed=self.failed + other.failed,
            paragraphs_in=self.paragraphs_in + other.paragraphs_in,
            paragraphs_out=self.paragraphs_out + other.paragraphs_out,
            removed=dict(sorted(removed.items())),
            bytes_in=self.bytes_in + other.bytes_in,
            bytes_out=self.bytes_out + other.bytes_out,
            skipped=self.skipped + other.skipped,
        )


def of_result(result: Result, bytes_in: int, bytes_out: int) -> Tally:
    """The tally of one cleaned document."""
    return Tally(
        changed=int(result.changed),
        unchanged=int(not result.changed),
        paragraphs_in=result.stats.paragraphs_in,
        paragraphs_out=result.stats.paragraphs_out,
        removed=dict(result.stats.removed),
        bytes_in=bytes_in,
        bytes_out=bytes_out,
    )


def failure(bytes_in: int = 0, bytes_out: int = 0) -> Tally:
    """The tally of a document that could not be cleaned."""
    return Tally(failed=1, bytes_in=bytes_in, bytes_out=bytes_out)
