"""The options of a cleaning run: one immutable record with documented defaults."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

DEFAULT_SIMILARITY = 90.0


@dataclass(frozen=True, slots=True)
class Options:
    """How to clean.

    similarity: rapidfuzz score (0-100) at or above which two paragraphs are near-duplicates.
    keep: kinds of removal to keep instead (e.g. {"syndication"}); see `boilerplate.KINDS`.
    languages: phrase-list languages to use; empty means English.
    """

    similarity: float = DEFAULT_SIMILARITY
    keep: frozenset[str] = field(default_factory=frozenset)
    languages: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not 0 < self.similarity <= 100:
            raise ValueError(f"similarity must be in (0, 100], not {self.similarity}")

    def but(self, **changes: Any) -> Options:
        """A copy with some fields changed."""
        return replace(self, **changes)
