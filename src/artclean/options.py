"""The options of a cleaning run: one immutable record with documented defaults."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

DEFAULT_SIMILARITY = 90.0
PROFILES = ("auto", "page", "article", "content")
SYNTAXES = ("text", "markdown")


@dataclass(frozen=True, slots=True)
class Options:
    """How to clean.

    similarity: rapidfuzz score (0-100) at or above which two paragraphs are near-duplicates.
    keep: kinds of removal to keep instead (e.g. {"syndication"}); see `boilerplate.KINDS`.
    languages: phrase-list languages to use; empty means detect (English when unsure).
    profile: "auto" picks per document; "page" is for whole-page dumps (menus, footers
        around the article); "article" for scraped articles (duplicates and phrase rules
        only); "content" for written content files such as Markdown posts (conservative:
        a false finding in a pre-commit hook is worse than a missed one).
    syntax: "text", or "markdown" to leave front matter, code, HTML, tables and link
        definitions untouched and to honour `<!-- artclean: ... -->` comments.
    phrases: extra phrase rules as (kind, pattern) pairs, e.g. from the configuration file.
    """

    similarity: float = DEFAULT_SIMILARITY
    keep: frozenset[str] = field(default_factory=frozenset)
    languages: tuple[str, ...] = ()
    profile: str = "auto"
    syntax: str = "text"
    phrases: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if not 0 < self.similarity <= 100:
            raise ValueError(f"similarity must be in (0, 100], not {self.similarity}")
        if self.profile not in PROFILES:
            raise ValueError(f"profile must be one of {', '.join(PROFILES)}, not {self.profile!r}")
        if self.syntax not in SYNTAXES:
            raise ValueError(f"syntax must be one of {', '.join(SYNTAXES)}, not {self.syntax!r}")

    def but(self, **changes: Any) -> Options:
        """A copy with some fields changed."""
        return replace(self, **changes)
